// Time per call of the JS API (dist/js/gloss.js) in headless Chromium.
// usage: node bench/js-speed.mjs [--dist DIR] [--runs N] [--warm-ms MS] [--big CHARS] [--probes] [--check]
//   --dist   directory holding js/gloss.js (default: dist/)
//   --runs   timed samples per text (default 51; each a batch of calls >= --batch-ms, default 10);
//            the median ms per call is printed
//   --big    size of the large text in characters (default 100000)
//   --probes also time the probe exports of a `--features probes` build
//            (probeCore = the core only, probeJsonText = core + JSON text in wasm, ...)
//   --compromise  also time compromise (window.nlp) the same way, and print the ratio
//   --check  compare the objects of analyze and the probe variants (JSON of both)
// Texts: the reference article (www/samples/moscow-talks.txt) and a ~100 KB document made
// of real articles (the reference + ../shared/eval/gum-news-dev.jsonl texts if present),
// repeated, as bench/corpus.py's blob(). Each export is warmed for --warm-ms on the small
// text first (wasm tier-up, JIT), then timed on both texts.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const argv = process.argv.slice(2);
const arg = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
};
const dist = resolve(arg('--dist', join(root, 'dist')));
const runs = Number(arg('--runs', 51));
const warmMs = Number(arg('--warm-ms', 2000));
const bigChars = Number(arg('--big', 100000));
const probes = argv.includes('--probes');
const check = argv.includes('--check');
const withCompromise = argv.includes('--compromise');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** Real articles: the reference, then the dev texts when the eval set is on this machine. */
function articles() {
  const out = [readFileSync(join(root, 'www', 'samples', 'moscow-talks.txt'), 'utf8')];
  const dev = join(process.env.GLOSS_EVAL_DIR || join(root, '..', 'shared', 'eval'), 'gum-news-dev.jsonl');
  if (existsSync(dev)) {
    for (const line of readFileSync(dev, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line).text);
  }
  return out;
}

/** About `size` characters of articles joined by blank lines, cut at a paragraph break. */
function blob(size) {
  const arts = articles();
  const parts = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    parts.push(arts[i % arts.length].replace(/^\n+|\n+$/g, ''));
    total += parts[parts.length - 1].length + 2;
  }
  let text = parts.join('\n\n');
  if (text.length > size) {
    const cut = text.lastIndexOf('\n\n', size);
    text = cut > size / 2 ? text.slice(0, cut) : text.slice(0, size);
  }
  return text;
}

const texts = [
  { name: 'moscow-talks', text: articles()[0] },
  { name: `${Math.round(bigChars / 1000)}k`, text: blob(bigChars) },
];
const wasm = join(dist, 'js', 'gloss_bg.wasm');
if (!existsSync(wasm)) {
  console.error(`${wasm} missing: run bash scripts/build-site.sh (or pass --dist)`);
  process.exit(2);
}
const bytes = readFileSync(wasm);
console.log(`${wasm}: ${statSync(wasm).size} B, gzip -9 ${gzipSync(bytes, { level: 9 }).length} B`);

const server = await serve({ '/': dist, '/bench/': here });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`http://127.0.0.1:${server.port}/bench/harness.html`);
  await page.waitForFunction(() => window.bench && window.bench.ready);
  const g = await page.evaluate(() => window.bench.loadGloss());
  if (!g.ok) throw new Error(`gloss.js did not load: ${g.error}`);
  const all = await page.evaluate(() => window.bench.exports());
  const names = ['analyze', 'analyzeJson', ...(probes ? all.filter((k) => k.startsWith('probe')) : []),
    ...(withCompromise ? ['compromise'] : [])];
  if (check) {
    for (const { name, text } of texts) {
      const want = await page.evaluate(([n, t]) => window.bench.resultJson(n, t), ['analyze', text]);
      for (const other of all.filter((k) => k === 'probeSwbJson' || k === 'probeJsonParseNarrow')) {
        const got = await page.evaluate(([n, t]) => window.bench.resultJson(n, t), [other, text]);
        console.log(`check ${name}: analyze ${got === want ? '==' : '!='} ${other} (${want.length} chars of JSON)`);
      }
    }
  }
  // Warm every export (tier-up of the shared core code happens in the first one).
  for (const n of names) {
    await page.evaluate(([x, t, ms]) => window.bench.warmExport(x, t, ms), [n, texts[0].text, warmMs]);
  }
  // Rounds interleave the exports so drift on a busy machine hits all alike. Each sample is
  // a batch of calls lasting >= ~batchMs (the clock ticks 0.1 ms), divided by its size.
  const batchMs = Number(arg('--batch-ms', 10));
  const ms = Object.fromEntries(names.map((n) => [n, texts.map(() => [])]));
  for (let r = 0; r < runs; r++) {
    for (const n of names) {
      for (const [i, { text }] of texts.entries()) {
        if (n === 'compromise' && i > 0 && r >= 5) continue; // ~1 s a call on 100 KB: 5 samples
        const x = await page.evaluate(([e, t, b]) => window.bench.timeExport(e, t, 1, b), [n, text, batchMs]);
        ms[n][i].push(x.ms[0]);
      }
    }
  }
  console.log(`chromium ${browser.version()}, ${runs} samples each (batches of >= ${batchMs} ms), median ms per call`);
  console.log(['export', ...texts.map((t) => `${t.name} (${t.text.length} ch)`)].join('\t'));
  for (const n of names) console.log([n, ...ms[n].map((xs) => median(xs).toFixed(3))].join('\t'));
  if (withCompromise) {
    const ratio = ms.compromise.map((xs, i) => (median(xs) / median(ms.analyze[i])).toFixed(1));
    console.log(['compromise / analyze', ...ratio].join('\t'));
  }
} finally {
  await browser.close();
  await server.close();
}

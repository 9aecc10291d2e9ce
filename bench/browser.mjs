// Browser benchmarks in headless Chromium (playwright-core + /usr/bin/chromium).
// usage: node bench/browser.mjs INPUTS.json OUT.json [--runs-tiny N] [--runs-small N] [--runs-large N]
//        [--runs-large-compromise N] [--startup-runs N] [--warm-ms MS]
// INPUTS.json: {"texts": [{"name", "text"}...]}. Writes per-text timings for Gloss (wasm
// `analyze`) and compromise, start-up timings of the built site, and its first-load bytes.
// dist/ (the built site) is served at /, bench/ at /bench/; Gloss parts are skipped without dist/.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const [inputPath, outPath, ...rest] = process.argv.slice(2);
const opt = (name, def) => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : def;
};
const runsSmall = opt('--runs-small', 5);
const runsLarge = opt('--runs-large', 3);
const runsTiny = opt('--runs-tiny', 21);
const warmMs = opt('--warm-ms', 2000);
const startupRuns = opt('--startup-runs', 5);
// compromise needs ~100 s for 1 MB (superlinear), so large inputs get one run by default.
const runsLargeCompromise = opt('--runs-large-compromise', 1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : null;
};

const inputs = JSON.parse(readFileSync(inputPath, 'utf8')).texts;
const haveDist = existsSync(join(dist, 'index.html'));
const server = await serve({ '/': haveDist ? dist : here, '/bench/': here });
const base = `http://127.0.0.1:${server.port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
const result = { chromium: browser.version(), throughput: [], startup: null, firstLoad: null, notes: [] };

try {
  // --- throughput ---
  const page = await browser.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`${base}/bench/harness.html`);
  await page.waitForFunction(() => window.bench && window.bench.ready);
  const g = haveDist ? await page.evaluate(() => window.bench.loadGloss()) : { ok: false, error: 'dist/ not built' };
  if (!g.ok) result.notes.push(`Gloss wasm skipped: ${g.error}`);
  // Warm-up on the first (smallest) text: JavaScript JIT and wasm tier-up (Chromium first runs
  // wasm in its baseline compiler) reach steady state. The first call's time is kept.
  const warmText = inputs[0].text;
  result.warmup = { ms: warmMs, text: inputs[0].name };
  result.warmup.compromise = await page.evaluate(([t, ms]) => window.bench.warmCompromise(t, ms), [warmText, warmMs]);
  if (g.ok) result.warmup.gloss = await page.evaluate(([t, ms]) => window.bench.warmGloss(t, ms), [warmText, warmMs]);
  for (const { name, text } of inputs) {
    // Tiny inputs take a few ms, where GC pauses and a busy machine dominate: more runs.
    const runs = text.length > 200_000 ? runsLarge : text.length < 10_000 ? runsTiny : runsSmall;
    const row = { name, chars: [...text].length, runs };
    if (g.ok) {
      const r = await page.evaluate(([t, n]) => window.bench.timeGloss(t, n), [text, runs]);
      row.glossMs = median(r.ms);
      row.glossAll = r.ms;
    }
    row.compromiseRuns = text.length > 200_000 ? runsLargeCompromise : runs;
    const c = await page.evaluate(([t, n]) => window.bench.timeCompromise(t, n), [text, row.compromiseRuns]);
    row.compromiseMs = median(c.ms);
    row.compromiseAll = c.ms;
    result.throughput.push(row);
    console.error(`browser ${name}: gloss ${row.glossMs ?? '-'} ms, compromise ${row.compromiseMs} ms`);
  }
  await page.close();

  // --- start-up of the built site (its failures are reported, not fatal) ---
  if (haveDist) try {
    const ready = [];
    const explain = [];
    for (let i = 0; i < startupRuns; i++) {
      const ctx = await browser.newContext(); // fresh context: empty cache
      const p = await ctx.newPage();
      p.setDefaultTimeout(60_000);
      const loaded = [];
      let readyAt = null;
      if (i === 0) {
        p.on('response', async (resp) => {
          try {
            const body = await resp.body();
            loaded.push({ url: resp.url().replace(base, ''), raw: body.length, gzip: gzipSync(body, { level: 9 }).length,
              afterReady: readyAt !== null });
          } catch { /* redirects have no body */ }
        });
      }
      const pageErrors = [];
      p.on('pageerror', (e) => pageErrors.push(String(e.message || e).split('\n')[0]));
      const step = async (what, fn) => {
        try {
          return await fn();
        } catch (e) {
          const extra = pageErrors.length ? ` (page errors: ${pageErrors.slice(0, 3).join(' | ')})` : '';
          throw new Error(`${what}: ${String(e.message || e).split('\n')[0]}${extra}`);
        }
      };
      await p.goto(`${base}/`, { waitUntil: 'commit' });
      await step('waiting for #article-input', () => p.waitForSelector('#article-input', { state: 'attached' }));
      ready.push(await p.evaluate(() => performance.now()));
      readyAt = ready[ready.length - 1];
      const t0 = await p.evaluate(() => performance.now());
      const sample = p.locator('#try-sample');
      await ((await sample.count()) ? sample : p.getByText(/try the sample/i).first()).click();
      // The sample button may start the analysis itself (then Explain is disabled or gone);
      // click Explain only if it is there and enabled right now (DOM check, no waiting).
      await p.evaluate(() => {
        const b = document.querySelector('#explain');
        if (b && !b.disabled && !document.querySelector('[data-actor]')) b.click();
      });
      await step('waiting for the first [data-actor]', () => p.waitForSelector('[data-actor]', { state: 'attached' }));
      explain.push((await p.evaluate(() => performance.now())) - t0);
      if (i === 0) {
        await p.waitForLoadState('networkidle').catch(() => {});
        // Each URL counts once: the server sends no-store, so a second fetch of the same file
        // (e.g. the worker loading the app's wasm again) would come from the HTTP cache on a real host.
        const seen = new Set();
        for (const f of loaded) {
          f.repeat = seen.has(f.url);
          seen.add(f.url);
        }
        const once = loaded.filter((f) => !f.repeat);
        const sum = (xs, k) => xs.reduce((a, f) => a + f[k], 0);
        result.firstLoad = {
          files: loaded,
          raw: sum(once, 'raw'),
          gzip: sum(once, 'gzip'),
          readyRaw: sum(once.filter((f) => !f.afterReady), 'raw'),
          readyGzip: sum(once.filter((f) => !f.afterReady), 'gzip'),
          repeatedRaw: sum(loaded.filter((f) => f.repeat), 'raw'),
          repeatedGzip: sum(loaded.filter((f) => f.repeat), 'gzip'),
          note: 'every response from navigation to the first explained article (sample text included)',
        };
      }
      await ctx.close();
    }
    result.startup = { readyMs: median(ready), explainMs: median(explain), readyAll: ready, explainAll: explain };
  } catch (e) {
    result.notes.push(`start-up failed: ${e && e.message ? e.message.split('\n')[0] : e}`);
  } else {
    result.notes.push('start-up skipped: dist/ not built');
  }
} catch (e) {
  result.notes.push(`browser error: ${e && e.message ? e.message.split('\n')[0] : e}`);
  result.error = String(e && e.stack ? e.stack : e);
} finally {
  await browser.close();
  await server.close();
}
writeFileSync(outPath, JSON.stringify(result, null, 1));
if (result.error) {
  console.error(result.error);
  process.exit(1);
}

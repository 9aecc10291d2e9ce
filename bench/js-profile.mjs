// Where a JS API call spends its time: Chromium's sampling CPU profiler over repeated
// `analyze(text, {})` calls, self time per function (wasm functions by name, so profile a
// build that kept its name section: wasm-bindgen output before wasm-opt, or wasm-opt -g).
// usage: node bench/js-profile.mjs --dist DIR [--text FILE] [--export analyze] [--ms 5000] [--top 30]
//        [--callers SUBSTRING]  (also: self time of the matching functions split by their callers)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const arg = (name, def) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
};
const dist = resolve(arg('--dist', join(here, '..', 'dist')));
const text = readFileSync(arg('--text', join(here, '..', 'www', 'samples', 'moscow-talks.txt')), 'utf8');
const fn = arg('--export', 'analyze');
const ms = Number(arg('--ms', 5000));
const top = Number(arg('--top', 30));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

const server = await serve({ '/': dist, '/bench/': here });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/bench/harness.html`);
  await page.waitForFunction(() => window.bench && window.bench.ready);
  const g = await page.evaluate(() => window.bench.loadGloss());
  if (!g.ok) throw new Error(g.error);
  await page.evaluate(([x, t]) => window.bench.warmExport(x, t, 2000), [fn, text]);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const w = await page.evaluate(([x, t, m]) => window.bench.warmExport(x, t, m), [fn, text, ms]);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  let total = 0;
  for (const n of profile.nodes) {
    const t = dt.get(n.id) || 0;
    const f = n.callFrame;
    const name = f.functionName || `(${f.url.split('/').pop() || 'anon'}:${f.lineNumber + 1})`;
    self.set(name, (self.get(name) || 0) + t);
    total += t;
  }
  console.log(`${w.calls} calls of ${fn} in ${ms} ms (${(ms / w.calls).toFixed(3)} ms/call); self time:`);
  for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
  }
  const callers = arg('--callers', null);
  if (callers) {
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
    const by = new Map();
    let sum = 0;
    for (const n of profile.nodes) {
      if (!n.callFrame.functionName.includes(callers)) continue;
      const t = dt.get(n.id) || 0;
      const p = parent.get(n.id);
      const name = p ? p.callFrame.functionName || '(anonymous)' : '(root)';
      by.set(name, (by.get(name) || 0) + t);
      sum += t;
    }
    console.log(`callers of *${callers}* (${((100 * sum) / total).toFixed(1)}% self time in all):`);
    for (const [name, t] of [...by].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

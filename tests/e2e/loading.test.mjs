// Loading: the first paint comes from static HTML (no wasm needed to read
// the page or paste into it), the app takes over keeping what was typed, the
// engine downloads in the background after the first paint, and Explain
// pressed before it is ready shows its progress, then runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, appStarted, engineReady, siteFiles, foreignRequests } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** Holds back responses whose URL matches `pattern` until `release()` is called. */
async function holdBack(context, pattern) {
  let release;
  const gate = new Promise((r) => (release = r));
  await context.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return () => release();
}

test('first paint from static HTML: header, headline, lede and a working text area without any script', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  assert.match(await page.textContent('h1'), /who is who, and who wants what/);
  assert.match(await page.textContent('.lede'), /Paste an article/);
  assert.ok(await page.isVisible('.masthead'));
  const input = page.locator('#article-input');
  assert.ok(await input.isVisible());
  await input.fill('Vladimir Putin met Steve Witkoff in Moscow.');
  assert.equal(await input.inputValue(), 'Vladimir Putin met Steve Witkoff in Moscow.');
  // (The page's own module is preloaded; the engine is only ever fetched by the worker.)
  assert.ok(!requests.some((p) => /gloss-engine|worker-/.test(p)), `no engine without script: ${requests}`);
  await context.close();
});

test('the app takes over the static page and keeps what was typed before it started', async () => {
  const context = await env.browser.newContext();
  const release = await holdBack(context, /\/gloss-app-[0-9a-f]+_bg\.wasm$/);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.waitForSelector('#article-input');
  assert.equal(await page.getAttribute('html', 'data-engine'), null, 'the app has not started yet');
  const text = 'Angela Merkel met Emmanuel Macron in Paris. Merkel backed the plan.';
  await page.focus('#article-input');
  await page.keyboard.insertText(text);
  const box = await page.locator('#article-input').boundingBox();
  release();
  await appStarted(page);
  const after = await page.locator('#article-input').boundingBox();
  assert.ok(Math.abs(after.y - box.y) < 2 && Math.abs(after.width - box.width) < 2, `the text area did not move: ${JSON.stringify([box, after])}`);
  assert.equal(await page.inputValue('#article-input'), text, 'the typed text was kept');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'article-input', 'focus stays in the text area');
  await context.close();
});

test('Explain pressed on the static page is done once the app runs', async () => {
  const context = await env.browser.newContext();
  const release = await holdBack(context, /\/gloss-app-[0-9a-f]+_bg\.wasm$/);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.fill('#article-input', 'Angela Merkel met Emmanuel Macron in Paris. Merkel backed the plan.');
  await page.click('#explain');
  assert.match(await page.textContent('#engine-status'), /Starting Gloss/);
  release();
  await page.waitForSelector('article [data-actor]');
  await context.close();
});

test('the engine downloads after the first paint; Explain before it is ready shows its progress, then runs', async () => {
  const { context, page, log } = await (async () => {
    const context = await env.browser.newContext();
    const release = await holdBack(context, /\/gloss-engine-[0-9a-f]+_bg\.wasm$/);
    const log = { requests: [], errors: [], engineAt: null };
    context.on('request', (r) => {
      log.requests.push(r.url());
      if (/gloss-engine-[0-9a-f]+_bg\.wasm$/.test(r.url()) && log.engineAt === null) log.engineAt = Date.now();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => log.errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
    await page.goto(env.server.url);
    await appStarted(page);
    log.release = release;
    return { context, page, log };
  })();
  assert.equal(await page.getAttribute('html', 'data-engine'), 'loading');
  await page.click('#try-sample');
  const row = page.locator('.progress-row');
  await row.waitFor();
  assert.match(await row.textContent(), /Loading the analyser/);
  assert.equal(await row.locator('progress').count(), 1, 'download progress is shown');
  assert.ok(await page.isVisible('#cancel'));
  // The first paint came before the engine was asked for.
  const fcp = await page.evaluate(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? performance.timeOrigin + e.startTime : null;
  });
  assert.ok(fcp && log.engineAt && log.engineAt >= fcp, `engine requested after the first paint (${log.engineAt} ≥ ${fcp})`);
  log.release();
  await page.waitForSelector('article [data-actor]');
  assert.equal(await page.getAttribute('html', 'data-engine'), 'ready');
  const engine = siteFiles('engine');
  for (const f of engine) assert.ok(log.requests.some((u) => u.endsWith('/' + f)), `the worker fetched ${f}`);
  assert.deepEqual(foreignRequests(env, log), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('data-engine="ready" is set once the engine can analyse, and the page says so', async () => {
  const { context, page, log } = await open(env);
  await engineReady(page);
  assert.match(await page.textContent('#engine-status'), /ready/i);
  assert.deepEqual(log.errors, []);
  await context.close();
});

// End-to-end tests of the Gloss web app in chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open, explainSample, mention, foreignRequests, siteFiles } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('the sample is explained and a Putin mention opens his card', async () => {
  const { context, page, log } = await open(env);
  await explainSample(page);
  // Everything fetched to open the page and explain the sample: the build's
  // first-load, app and engine files (what scripts/budget.sh weighs), each once.
  // (sw.js, the offline copy's service worker, is registered once the engine is ready.)
  const fetched = [...new Set(log.requests.map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html'))]
    .filter((f) => f !== 'sw.js');
  const expected = [...siteFiles('first-load'), ...siteFiles('app'), ...siteFiles('engine')];
  assert.deepEqual([...fetched].sort(), [...expected].sort(), 'the page and the worker fetch exactly the listed files');
  const wasm = fetched.filter((f) => f.endsWith('_bg.wasm'));
  assert.equal(wasm.length, 2, `the page's module and the engine: ${wasm}`);
  for (const w of wasm) assert.equal(env.server.hits.get('/' + w), 1, `${w} is downloaded once`);
  const status = await page.textContent('#status');
  assert.match(status, /\d+ people, places and groups · \d+ proposals?/);
  assert.match(await page.textContent('#coverage'), /^\d+ people, places and groups · \d+ proposals?$/);
  assert.match(await page.textContent('.analysis-details'), /Analysed 100% of [\d,]+ characters/);
  const putin = mention(page, 'Putin');
  await putin.click();
  const card = page.locator('[data-card]');
  await card.waitFor();
  assert.match(await card.locator('#card-title').textContent(), /Putin/);
  const content = await card.locator('.description, .fact, .stance').count();
  assert.ok(content >= 1, 'the card shows a description, facts or stances');
  assert.ok((await card.locator('.fact, .stance').count()) >= 1, 'facts or stances from the article');
  // The summary is shown and links into the article.
  assert.ok((await page.locator('.summary-link').count()) >= 1);
  // "Who stands where": the map, and the same positions as a list (under
  // "List") where a name opens its card.
  await page.click('#positions-list');
  const who = page.locator('.positions .who');
  assert.ok((await who.count()) >= 1, 'at least one position on the sample');
  const whoName = (await who.first().textContent()).trim();
  await who.first().click();
  assert.equal((await page.locator('#card-title').textContent()).trim(), whoName);
  // Boilerplate is dimmed, not deleted.
  assert.ok((await page.locator('article .ignored').count()) >= 1, 'boilerplate shown dimmed');
  assert.deepEqual(foreignRequests(env, log), []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  await context.close();
});

test('keyboard only: Tab reaches a mention, Enter opens the card, Esc closes and returns focus', async () => {
  const { context, page, log } = await open(env);
  await page.focus('#article-input');
  await page.keyboard.insertText('Vladimir Putin met Steve Witkoff in Moscow. Putin rejected the plan.');
  await page.keyboard.press('Control+Enter');
  await page.waitForSelector('article [data-actor]');
  let id = null;
  for (let i = 0; i < 80 && !id; i++) {
    await page.keyboard.press('Tab');
    id = await page.evaluate(() => (document.activeElement?.matches('[data-m]') ? document.activeElement.id : null));
  }
  assert.ok(id, 'Tab reaches a mention');
  await page.keyboard.press('Enter');
  await page.locator('[data-card]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'card-title', 'focus moves to the card');
  await page.keyboard.press('Escape');
  await page.locator('[data-card]').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), id, 'focus returns to the mention');
  await page.keyboard.press('j');
  const next = await page.evaluate(() => document.activeElement?.id);
  assert.ok(next && next !== id && next.startsWith('m-'), 'j moves to the next highlight');
  await page.keyboard.press('k');
  assert.equal(await page.evaluate(() => document.activeElement?.id), id, 'k moves back');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('pasted markup is shown as text, never run', async () => {
  const { context, page, log } = await open(env);
  const hostile = '<img src=x onerror="window.__pwned=1"> Vladimir Putin met Donald Trump in Moscow.';
  await page.fill('#article-input', hostile);
  await page.click('#explain');
  await page.waitForSelector('article p');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('article img').count(), 0);
  assert.match(await page.textContent('article'), /<img src=x onerror="window.__pwned=1">/);
  assert.deepEqual(foreignRequests(env, log), []);
  assert.ok(!log.requests.some((u) => u.endsWith('/x')), 'the image was never requested');
  await context.close();
});

test('rich-text paste uses the HTML extraction', async () => {
  const { context, page } = await open(env);
  await page.focus('#article-input');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/html', '<article><h1>Talks</h1><p>Vladimir Putin met <b>Steve Witkoff</b>.</p><script>window.__pwned=1</script></article>');
    dt.setData('text/plain', 'plain fallback');
    document.querySelector('#article-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#article-input').value.includes('Witkoff'));
  const value = await page.inputValue('#article-input');
  assert.ok(!value.includes('<b>'), 'markup removed');
  assert.ok(!value.includes('plain fallback'), 'the HTML flavour was used');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test('the text survives a reload and "Edit text" keeps it', async () => {
  const { context, page } = await open(env);
  const text = 'Angela Merkel met Emmanuel Macron in Paris. Merkel backed the plan.';
  await page.fill('#article-input', text);
  await page.reload();
  await page.waitForSelector('#article-input');
  assert.equal(await page.inputValue('#article-input'), text);
  await page.click('#explain');
  await page.waitForSelector('#edit-text');
  await page.click('#edit-text');
  assert.equal(await page.inputValue('#article-input'), text);
  await context.close();
});

test('JSON export downloads valid JSON with code-point offsets', async () => {
  const { context, page } = await open(env);
  await explainSample(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(json.offsets, 'codepoint');
  assert.ok(json.actors.length > 0);
  const chars = [...json.text];
  for (const m of json.mentions) {
    assert.equal(chars.slice(m.start, m.end).join(''), m.text);
  }
  const [md] = await Promise.all([page.waitForEvent('download'), page.click('#download-md')]);
  assert.match(await readFile(await md.path(), 'utf8'), /^# Gloss analysis/);
  await context.close();
});

test('too-large input is refused with a message and the text is kept', async () => {
  const { context, page } = await open(env);
  await page.evaluate(() => {
    const t = document.querySelector('#article-input');
    t.value = 'Putin spoke. '.repeat(420000);
    t.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await page.click('#explain');
  await page.waitForSelector('#error');
  assert.match(await page.textContent('#error'), /up to 5\.0 MB/);
  assert.ok((await page.inputValue('#article-input')).length > 5_000_000);
  await context.close();
});

test('360 px wide: no horizontal overflow, card as a bottom sheet', async () => {
  const { context, page, log } = await open(env, { width: 360, height: 740 });
  await explainSample(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok((await overflow()) <= 0, 'no horizontal scroll');
  await mention(page, 'Putin').click();
  const box = await page.locator('[data-card]').boundingBox();
  assert.ok(box && box.x <= 1 && box.width >= 350, 'the card spans the width');
  assert.ok((await overflow()) <= 0, 'no horizontal scroll with the card open');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('dark mode: follows the system and has a persistent switch', async () => {
  const { context, page } = await open(env);
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.click('#theme-toggle');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const dark = await bg();
  assert.notEqual(light, dark);
  await page.reload();
  await page.waitForSelector('#article-input');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark', 'the choice is remembered');
  await context.close();
  const sys = await open(env, { colorScheme: 'dark' });
  const sysBg = await sys.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(sysBg, dark, 'prefers-color-scheme: dark is honoured');
  await sys.context.close();
});

test('the CSP meta tag forbids inline script', async () => {
  const { context, page, log } = await open(env);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  await explainSample(page);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a large input runs in the worker with progress and Cancel, keeping the text', async () => {
  const { context, page, log } = await open(env);
  await page.evaluate(() => {
    const t = document.querySelector('#article-input');
    const para = 'Vladimir Putin met Steve Witkoff in Moscow on Tuesday, the Kremlin said. Ukraine rejected the 28-point peace proposal.\n\n';
    t.value = para.repeat(Math.ceil(3_000_000 / para.length));
    t.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  await page.click('#explain');
  await page.locator('#cancel').waitFor();
  assert.equal(await page.locator('[role="progressbar"]').count(), 1);
  // The main thread stays responsive while the worker analyses.
  const t0 = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  assert.ok(Date.now() - t0 < 1000, 'the page keeps painting');
  await page.click('#cancel');
  await page.locator('#cancel').waitFor({ state: 'detached' });
  assert.ok((await page.inputValue('#article-input')).length > 2_900_000, 'text kept');
  assert.equal(await page.locator('article').count(), 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a crash in the analysis shows an error and keeps the text editable', async () => {
  const context = await env.browser.newContext();
  // Replace the worker with one whose analysis fails like a wasm trap would.
  await context.addInitScript(() => {
    window.Worker = class {
      constructor() {
        this.onmessage = null;
      }
      postMessage(msg) {
        setTimeout(() => this.onmessage?.({ data: { id: msg.id, ok: false, error: 'RuntimeError: unreachable' } }), 10);
      }
      terminate() {}
    };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await page.fill('#article-input', 'Vladimir Putin met Steve Witkoff.');
  await page.click('#explain');
  await page.waitForSelector('#error');
  assert.match(await page.textContent('#error'), /could not analyse.*unreachable.*text is kept/s);
  assert.equal(await page.inputValue('#article-input'), 'Vladimir Putin met Steve Witkoff.');
  assert.equal(await page.isEditable('#article-input'), true);
  await context.close();
});

test('an .html file is read through the HTML extraction, a .txt file as is', async () => {
  const { context, page } = await open(env);
  await page.setInputFiles('#file-input', {
    name: 'story.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<html><body><nav>Home | World</nav><article><p>Vladimir Putin met <i>Steve Witkoff</i> in Moscow.</p></article></body></html>'),
  });
  await page.waitForFunction(() => document.querySelector('#article-input').value.includes('Witkoff'));
  assert.ok(!(await page.inputValue('#article-input')).includes('<i>'));
  await page.setInputFiles('#file-input', {
    name: 'story.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Plain <b>text</b> stays as typed.'),
  });
  await page.waitForFunction(() => document.querySelector('#article-input').value.startsWith('Plain'));
  assert.equal(await page.inputValue('#article-input'), 'Plain <b>text</b> stays as typed.');
  await context.close();
});

// Hostile input never runs: every vector of tests/fixtures/xss-vectors.json
// is fed to the app (a) as plain text, (b) as pasted rich text (text/html),
// (c) as a chosen and a dropped .html file; the result is explained, every
// kind of highlight, card and link is clicked, and every export is
// downloaded. Each payload, if it ever ran or was fetched, would set
// `top.__pwned` or request `/pwned-<n>`; the tests assert that nothing of
// the sort happened, that no CSP violation was even attempted (payloads must
// never reach the DOM as markup), that no dialog opened, and that the
// exports are inert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { start, open, DIST, ROOT } from './helpers.mjs';

const { vectors } = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'xss-vectors.json'), 'utf8'));

let env;
let allowed;
before(async () => {
  env = await start();
  allowed = distPaths();
});
after(async () => {
  await env?.stop();
});

/** Every path the server may legitimately be asked for: the files of dist/. */
function distPaths() {
  const out = new Set(['/']);
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.add('/' + relative(DIST, p).split(sep).join('/'));
    }
  };
  walk(DIST);
  return out;
}

/** A news sentence around each payload, so payload text lands inside and next to highlights. */
function sentence(n) {
  return `Item ${n}: President Vladimir Putin met Steve Witkoff in Moscow, the Kremlin said, and Ukraine rejected the ${n}-point peace plan.`;
}

/** The plain-text article: every payload between news sentences. */
function plainArticle() {
  return vectors
    .map((v) => `${sentence(v.n)} ${v.payload} Donald Trump backed a summit with Putin on ${v.class}.`)
    .join('\n\n');
}

/** An HTML document holding one vector (or all). */
function htmlDocument(list) {
  const head = list.filter((v) => v.head).map((v) => v.payload).join('\n');
  const body = list
    .filter((v) => !v.head)
    .map((v) => `<p>${sentence(v.n)}</p>\n${v.payload}\n<p>Donald Trump backed a summit with Putin, officials in Washington said on Monday.</p>`)
    .join('\n');
  const heads = list.filter((v) => v.head).map((v) => `<p>${sentence(v.n)}</p>`).join('\n');
  return `<!doctype html><html><head><title>Talks in Moscow</title>${head}</head><body><article>${heads}\n${body}</article></body></html>`;
}

/** Opens the app and records dialogs as well. */
async function openWatched() {
  const session = await open(env);
  session.dialogs = [];
  session.page.on('dialog', (d) => {
    session.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return session;
}

/** Asserts nothing ran, nothing was fetched and no markup reached the DOM. */
async function assertClean({ page, log, dialogs }, label) {
  const state = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('*')) {
      // The app's own "Explain this page" bookmarklet is a javascript: link by design.
      if (el.id === 'bookmarklet' && el.parentElement?.classList.contains('bookmarklet')) continue;
      for (const a of el.getAttributeNames()) {
        if (/^on/i.test(a)) bad.push(`${el.tagName} ${a}`);
        if (/^(href|src|action|formaction|data|xlink:href|srcdoc)$/i.test(a) && /^\s*(javascript|data|vbscript):/i.test(el.getAttribute(a))) {
          bad.push(`${el.tagName} ${a}=${el.getAttribute(a)}`);
        }
      }
    }
    const tags = [...document.querySelectorAll('iframe, object, embed, img, video, audio, svg script, math, template, base, form, meta[http-equiv="refresh"], link[rel="import"], body style, body link')]
      .map((e) => e.tagName);
    return { pwned: top.__pwned, csp: window.__csp, bad, tags, scripts: document.querySelectorAll('script:not([src])').length };
  });
  assert.equal(state.pwned, undefined, `${label}: a payload ran (top.__pwned = ${state.pwned})`);
  assert.deepEqual(state.bad, [], `${label}: handler or script URL attributes in the DOM`);
  assert.deepEqual(state.tags, [], `${label}: payload elements in the DOM`);
  assert.equal(state.scripts, 0, `${label}: inline script in the DOM`);
  assert.deepEqual(state.csp, [], `${label}: CSP violations (something tried to load or run)`);
  assert.deepEqual(dialogs, [], `${label}: a dialog opened`);
  assert.equal(page.frames().length, 1, `${label}: a frame was created`);
  const stray = log.requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    if (!u.startsWith(env.server.url)) return true;
    return !allowed.has(new URL(u).pathname);
  });
  assert.deepEqual(stray, [], `${label}: requests outside the app's own files`);
  const pwnedHits = [...env.server.hits.keys()].filter((k) => k.includes('pwned'));
  assert.deepEqual(pwnedHits, [], `${label}: the server saw a payload request`);
  assert.deepEqual(log.errors, [], `${label}: console errors`);
}

const tick = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/** Clicks up to `limit` elements matching `selector`, spread over the page, with a render between clicks. */
async function clickSpread(page, selector, limit, after = null) {
  const total = await page.locator(selector).count();
  const step = Math.max(1, Math.floor(total / limit));
  let clicked = 0;
  for (let i = 0; i < total && clicked < limit; i += step) {
    const done = await page.evaluate(({ selector, i }) => {
      const el = document.querySelectorAll(selector)[i];
      if (!el) return false;
      if (typeof el.click === 'function') el.click();
      else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })); // SVG
      return true;
    }, { selector, i });
    if (!done) break;
    clicked++;
    await tick(page);
    if (after) await after();
  }
  return clicked;
}

/** Inside an open card: previous/next mention, links, facts and quotes; then close it. */
async function exerciseCard(page) {
  if ((await page.locator('[data-card]').count()) === 0) return;
  for (const sel of ['[data-card] [aria-label="Previous mention"]', '[data-card] [aria-label="Next mention"]', '[data-card] .fact', '[data-card] .quote', '[data-card] .link']) {
    await page.evaluate((s) => document.querySelector(s)?.click(), sel);
    await tick(page);
  }
  await page.evaluate(() => document.querySelector('[data-card] .close')?.click());
  await tick(page);
}

/** Explains the text in the paste area and clicks through everything; returns the counts clicked. */
async function explainAndExercise(page) {
  await page.click('#explain');
  await page.waitForSelector('article p', { timeout: 60_000 });
  const counts = {};
  counts.summary = await clickSpread(page, '.summary-link', 10);
  counts.actorMentions = await clickSpread(page, 'article [data-actor]', 40, () => exerciseCard(page));
  counts.proposalMentions = await clickSpread(page, 'article [data-proposal]', 20, () => exerciseCard(page));
  counts.positions = await clickSpread(page, '.positions button', 20, () => exerciseCard(page));
  // Stance map edges (SVG, if present): click, and Enter on a focused one.
  counts.stanceEdges = await clickSpread(page, '.stance-map .edge', 20, () => exerciseCard(page));
  if (counts.stanceEdges > 0) {
    await page.focus('.stance-map .edge');
    await page.keyboard.press('Enter');
    await exerciseCard(page);
  }
  // Side list, legend chips (twice: hide then show) and any other reader button
  // except the exports (below) and Edit text.
  const others = '.reader button:not(#edit-text):not([id^="download-"]):not(#copy-summary):not(.close):not(.who):not(.proposal-link)';
  counts.otherButtons = await clickSpread(page, others, 60, () => exerciseCard(page));
  counts.otherButtons += await clickSpread(page, '.legend button', 20);
  // Real (trusted) clicks on a few mentions, Enter on a focused one.
  const marks = page.locator('article [data-actor]');
  for (let i = 0; i < Math.min(3, await marks.count()); i++) {
    await marks.nth(i).click();
    await page.keyboard.press('Escape');
  }
  assert.ok(counts.actorMentions >= 5, `actor mentions were found and clicked: ${JSON.stringify(counts)}`);
  return counts;
}

/** Markdown that no renderer turns into markup, links, images or autolinks. */
function assertInertMarkdown(md, label) {
  const none = (re, what) => {
    const m = md.match(re);
    assert.equal(m, null, `${label}: ${what} in Markdown: …${m ? md.slice(Math.max(0, m.index - 60), m.index + 60) : ''}…`);
  };
  none(/<[A-Za-z!/?]/, 'raw tag or autolink');
  none(/(?<!\\)\]\s*\(/, 'inline link or image');
  none(/(?<!\\)\]\s*\[/, 'reference link');
  none(/^\s{0,3}(?<!\\)\[[^\]\n]*(?<!\\)\]:/m, 'link reference definition');
  none(/\]\(\s*javascript:/i, 'javascript: link');
  // GFM extended autolinks need an unescaped dot in the domain.
  for (const m of md.matchAll(/(?:https?:\/\/|www\.)\S*/gi)) {
    assert.doesNotMatch(m[0], /^(?:https?:\/\/|www\.)[A-Za-z0-9_-]+\.[A-Za-z0-9]/, `${label}: bare autolink ${m[0]}`);
  }
}

/** Downloads every export; checks JSON parses (and holds `text`), Markdown is inert, HTML runs nothing. */
async function checkExports(session, expectedText, label) {
  const { page } = session;
  const ids = await page.$$eval('[id^="download-"]', (els) => els.map((e) => e.id));
  assert.ok(ids.includes('download-json') && ids.includes('download-md'), `export buttons: ${ids}`);
  const checked = [];
  for (const id of ids) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#' + id)]);
    const body = await readFile(await download.path(), 'utf8');
    const name = download.suggestedFilename();
    checked.push(name);
    if (/\.json$/.test(name)) {
      const json = JSON.parse(body);
      if (expectedText !== null) assert.equal(json.text, expectedText, `${label}: the JSON export keeps the text exactly`);
    } else if (/\.md$/.test(name)) {
      assertInertMarkdown(body, `${label} ${name}`);
    } else if (/\.html?$/.test(name)) {
      await checkExportedHtml(body, `${label} ${name}`);
    }
  }
  console.log(`${label}: exports checked: ${checked.join(', ')}`);
}

/** Opens an exported HTML report in a fresh page (same server origin, no app CSP) and checks nothing runs or loads. */
async function checkExportedHtml(html, label) {
  const context = await env.browser.newContext();
  const requests = [];
  const dialogs = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const url = env.server.url + '/__exported-report.html';
  await page.route(url, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto(url);
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => top.__pwned);
  assert.equal(pwned, undefined, `${label}: a payload ran in the exported HTML`);
  assert.deepEqual(requests.filter((u) => u !== url && !u.startsWith('data:')), [], `${label}: the exported HTML fetched something`);
  assert.deepEqual(dialogs, [], `${label}: dialog from the exported HTML`);
  const handlers = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((a) => /^on/i.test(a))));
  assert.deepEqual(handlers, [], `${label}: event handlers in the exported HTML`);
  await context.close();
}

test('(a) plain text: every vector is shown as text and nothing runs', async () => {
  const session = await openWatched();
  const { context, page } = session;
  const text = plainArticle();
  await page.fill('#article-input', text);
  const counts = await explainAndExercise(page);
  const shown = await page.textContent('article');
  for (const v of vectors) {
    // Whitespace may be laid out differently; the characters are all there as text.
    const visible = v.payload.replace(/[\u0000-\u001f\u202e]/g, '').replace(/\s+/g, ' ');
    assert.ok(shown.replace(/[\u0000-\u001f\u202e]/g, '').replace(/\s+/g, ' ').includes(visible), `vector ${v.n} shown as text`);
  }
  await assertClean(session, 'plain text');
  await checkExports(session, text, 'plain text');
  await assertClean(session, 'plain text, after exports');
  await page.click('#edit-text');
  assert.equal(await page.inputValue('#article-input'), text, 'Edit text keeps the text');
  console.log(`plain text: ${vectors.length} vectors, clicked ${JSON.stringify(counts)}`);
  await context.close();
});

test('(b) rich-text paste: each vector pasted as text/html, then explained', async () => {
  const session = await openWatched();
  const { context, page } = session;
  await page.fill('#article-input', '');
  const lost = [];
  for (const v of vectors) {
    const html = htmlDocument([v]);
    const before = await page.inputValue('#article-input');
    await page.evaluate(({ html, n }) => {
      const t = document.querySelector('#article-input');
      t.focus();
      t.setSelectionRange(t.value.length, t.value.length);
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', `plain fallback ${n}`);
      t.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, { html, n: v.n });
    const marker = `Item ${v.n}: `;
    const ok = await page
      .waitForFunction((m) => document.querySelector('#article-input').value.includes(m), marker, { timeout: 5000 })
      .then(() => true, () => false);
    if (!ok) lost.push(v.n);
    // Keep paragraphs apart for the next paste.
    const now = await page.inputValue('#article-input');
    if (now === before) lost.push(`${v.n} (nothing inserted)`);
    await page.evaluate(() => {
      const t = document.querySelector('#article-input');
      t.value += '\n\n';
      t.dispatchEvent(new InputEvent('input', { bubbles: true }));
    });
    await assertClean(session, `paste of vector ${v.n}`);
  }
  assert.deepEqual(lost, [], 'the news text around every payload survives the rich paste');
  const value = await page.inputValue('#article-input');
  assert.ok(!value.includes('plain fallback'), 'the HTML flavour was used');
  const counts = await explainAndExercise(page);
  await assertClean(session, 'rich paste');
  await checkExports(session, value, 'rich paste');
  await assertClean(session, 'rich paste, after exports');
  console.log(`rich paste: ${vectors.length} vectors, clicked ${JSON.stringify(counts)}`);
  await context.close();
});

test('(c) .html file, chosen and dropped: nothing runs', async () => {
  const session = await openWatched();
  const { context, page } = session;
  const doc = htmlDocument(vectors);
  await page.setInputFiles('#file-input', { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(doc) });
  await page.waitForFunction(() => document.querySelector('#article-input').value.includes('Item 1: '));
  const chosen = await page.inputValue('#article-input');
  await assertClean(session, 'chosen file');
  // The same document dropped on the paste area.
  await page.fill('#article-input', '');
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.items.add(new File([html], 'dropped.html', { type: 'text/html' }));
    const t = document.querySelector('#article-input');
    t.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    t.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, doc);
  await page.waitForFunction(() => document.querySelector('#article-input').value.includes('Item 1: '));
  assert.equal(await page.inputValue('#article-input'), chosen, 'dropping and choosing read the same text');
  const missing = vectors.filter((v) => !chosen.includes(`Item ${v.n}: `)).map((v) => v.n);
  // Unclosed raw-text payloads (e.g. <title>, <xmp>, <style>) may legitimately
  // swallow what follows them; report which markers the extraction kept.
  console.log(`html file: ${vectors.length - missing.length}/${vectors.length} news paragraphs kept; missing after: ${missing.join(', ') || 'none'}`);
  const counts = await explainAndExercise(page);
  await assertClean(session, 'html file');
  await checkExports(session, chosen, 'html file');
  await assertClean(session, 'html file, after exports');
  console.log(`html file: clicked ${JSON.stringify(counts)}`);
  await context.close();
});

test('the detectors catch markup that does reach the DOM', async () => {
  // Guards the checks above against asserting nothing: markup inserted
  // behind the app's back must fail assertClean.
  const session = await openWatched();
  const { context, page } = session;
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('src', '/detector-check');
    img.setAttribute('onerror', 'top.__pwned = 0');
    document.body.append(img);
  });
  await page.waitForFunction(() => window.__csp.length > 0);
  await assert.rejects(assertClean(session, 'detector check'), /payload elements|handler|CSP/);
  assert.ok(session.log.requests.some((u) => u.endsWith('/detector-check')), 'the stray request was seen');
  await context.close();
});

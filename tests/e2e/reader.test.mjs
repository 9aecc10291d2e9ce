// The result view as a reader meets it: what the page says, the phone
// layout, keyboard and screen-reader paths, labels, the index, and a
// result that survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, open, explainSample, mention, ROOT, appStarted } from './helpers.mjs';

const LONG = readFileSync(join(ROOT, 'tests', 'fixtures', 'long-article.txt'), 'utf8');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

async function explain(page, text) {
  await page.fill('#article-input', text);
  await page.click('#explain');
  await page.waitForSelector('article [data-actor]');
}

test('what the page says: headline as h1 with byline and date, counts, details, who said what, an always-shown "Who stands where"', async () => {
  const { context, page, log } = await open(env);
  await explain(page, LONG);
  assert.match(await page.textContent('h1#result-title'), /^Harbour city votes to cap cruise ships/);
  assert.equal(await page.locator('h1').count(), 1, 'one h1');
  assert.match(await page.textContent('.credit'), /By Elena Marsh.*Published 14 October 2026/);
  assert.match(await page.textContent('#coverage'), /^\d+ people, places and groups · \d+ proposals?$/);
  assert.equal(await page.isVisible('.analysis-details p'), false, 'timings and coverage are behind a toggle');
  await page.click('.analysis-details summary');
  assert.match(await page.textContent('.analysis-details p'), /Analysed 100% of [\d,]+ characters in \d+ ms/);
  // The byline and date are in the header, not repeated at the top of the article.
  assert.doesNotMatch((await page.textContent('article p')) ?? '', /By Elena Marsh/);
  // Who said what: speakers with their lines, a line jumps to its sentence.
  const speakers = page.locator('.quotes .speaker');
  assert.ok((await speakers.count()) >= 3, 'several speakers');
  assert.ok((await page.locator('.quotes .said-line.quoted').count()) >= 1, 'own words stand out');
  await page.locator('.quotes .said-line').first().click();
  await page.locator('article .sent.flash').waitFor();
  // The shortcuts are shown.
  assert.match(await page.textContent('.shortcuts'), /j \/ k: next \/ previous highlight · Enter: open · Esc: close/);
  // An article with no stances still says where people stand: nowhere, and why.
  await page.click('#edit-text');
  await explain(page, 'Angela Merkel visited Paris on Monday. The weather in Paris was mild, and Merkel met students at the Sorbonne.');
  assert.match(await page.textContent('.positions'), /Who stands where.*No positions found/s);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('copy: no "(s)", no title-cased verbs, no empty Highlights heading, sources behind "Source ⓘ"', async () => {
  const { context, page } = await open(env);
  await explainSample(page);
  const text = await page.textContent('.reader');
  assert.doesNotMatch(text, /\(s\)/);
  await mention(page, 'Putin').click();
  const verbs = await page.locator('[data-card] .verb').allTextContents();
  for (const v of verbs) assert.match(v, /^[A-Z][a-z]+( [a-z]+)*$/, `sentence case: ${v}`);
  await page.keyboard.press('Escape');
  await page.click('#edit-text');
  await explain(page, 'the weather was mild. Vladimir Putin spoke.');
  if ((await page.locator('.legend li').count()) === 0) {
    assert.equal(await page.locator('#legend-title').count(), 0, 'no empty Highlights heading');
  }
  await context.close();
});

test('"Show labels" prints each highlight\'s kind tag', async () => {
  const { context, page } = await open(env);
  await explainSample(page);
  const tag = () => page.evaluate(() => getComputedStyle(document.querySelector('article mark[data-actor]'), '::after').content);
  assert.ok(['none', 'normal'].includes(await tag()), 'no tags by default');
  await page.click('#show-labels');
  assert.equal(await page.getAttribute('#show-labels', 'aria-pressed'), 'true');
  assert.match(await tag(), /"(PERSON|ORG|PLACE|GROUP|OTHER)"/);
  await context.close();
});

test('keyboard and screen readers: skip link, focus after Explain, article before the index, focusable map names, card focus returns', async () => {
  const { context, page } = await open(env);
  await page.click('#try-sample');
  await page.waitForSelector('article [data-actor]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'result-title', 'focus moves to the result heading');
  // The page's first Tab stop is "Skip to article"; it moves focus to the article.
  await page.mouse.click(2, 2);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to article');
  assert.ok(await page.isVisible('.skip-link'), 'visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'article-view');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.matches('article [data-m]')), 'the next Tab is the first highlight');
  // DOM order: the article before the index.
  const before = await page.evaluate(() => {
    const a = document.querySelector('article');
    const s = document.querySelector('.side');
    return Boolean(a.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(before, 'the article comes before the side list');
  // Names on the stance map are focusable and open their cards.
  const node = page.locator('.stance-map [data-actor-node][tabindex="0"]').first();
  await node.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-card]').waitFor();
  await page.keyboard.press('Escape');
  // After a card's last control, Tab returns to the highlight it was opened from.
  const m = mention(page, 'Putin');
  await m.focus();
  const id = await m.getAttribute('id');
  await page.keyboard.press('Enter');
  await page.locator('[data-card]').waitFor();
  await page.evaluate(() => {
    const c = [...document.querySelectorAll('#card button:not([disabled]), #card a[href], #card input, #card select, #card summary')]
      .filter((e) => !e.closest('details:not([open]) > :not(summary)'));
    c.at(-1).focus();
  });
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#card')), 'the last control has focus');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), id, 'focus returns to the highlight');
  await context.close();
});

test('phone: summary then article, the index behind a bottom tab, no inner scroll boxes, the map as a list', async () => {
  const { context, page, log } = await open(env, { width: 360, height: 740 });
  await explainSample(page);
  const layout = await page.evaluate(() => {
    const top = (s) => document.querySelector(s)?.getBoundingClientRect().top + scrollY;
    return { summary: top('.summary'), article: top('article p'), positions: top('.positions'), vh: innerHeight };
  });
  assert.ok(layout.summary < layout.article, `summary before the article: ${JSON.stringify(layout)}`);
  assert.ok(layout.article < layout.vh, `the article starts on the first screen: ${JSON.stringify(layout)}`);
  assert.ok(layout.positions > layout.article, 'who stands where comes after the article on a phone');
  // The summary shows its first sentence; the rest is one tap away.
  const shown = () => page.locator('.summary-list li:visible').count();
  const all = await page.locator('.summary-list li').count();
  if (all > 1) {
    assert.equal(await shown(), 1, 'one summary sentence on a phone');
    await page.click('.summary-more');
    assert.equal(await shown(), all, 'Show all reveals every summary sentence');
    assert.equal(await page.getAttribute('.summary-more', 'aria-expanded'), 'true');
    await page.click('.summary-more');
  }
  assert.equal(await page.isVisible('.side'), false, 'the index is behind its tab');
  assert.equal(await page.locator('.stance-map').count(), 0, 'the list, not a cut-off map');
  assert.ok((await page.locator('.position-list li').count()) >= 1);
  // No element scrolls inside the page (rows cut in half).
  const scrollers = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.reader *')]
        .filter((e) => !e.closest('.card') && !e.closest('.side'))
        .filter((e) => {
          const s = getComputedStyle(e);
          const y = /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1;
          const x = /(auto|scroll)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1;
          return y || x;
        })
        .map((e) => e.className || e.tagName),
    );
  assert.deepEqual(await scrollers(), []);
  // The index sheet: top rows, then "Show all N" instead of a scroll box.
  await page.click('#index-tab');
  assert.ok(await page.isVisible('.side'));
  assert.ok(await page.isVisible('#actor-list'));
  const rows = await page.locator('#actor-list li').count();
  assert.ok(rows <= 6, `top rows only: ${rows}`);
  await page.locator('.side .more').first().click();
  assert.ok((await page.locator('#actor-list li').count()) > rows, '"Show all" shows the rest');
  await page.locator('#actor-list .row').first().click();
  await page.locator('[data-card]').waitFor();
  assert.equal(await page.isVisible('.side'), false, 'opening a card closes the index');
  // The sheet: a sticky head with kind, name, ✕ and Prev/Next; a tap on the article closes it.
  const head = await page.evaluate(() => getComputedStyle(document.querySelector('.card-top')).position);
  assert.equal(head, 'sticky');
  assert.ok(await page.isVisible('.card .grab'));
  await page.mouse.click(20, 100);
  await page.locator('[data-card]').waitFor({ state: 'detached' });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('phone: swiping the sheet down closes it', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await appStarted(page);
  await explainSample(page);
  await mention(page, 'Putin').click();
  await page.locator('[data-card]').waitFor();
  const box = await page.locator('.card-top').boundingBox();
  const cdp = await context.newCDPSession(page);
  const x = box.x + box.width / 2;
  const y = box.y + 10;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let d = 20; d <= 160; d += 20) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y + d }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.locator('[data-card]').waitFor({ state: 'detached' });
  await context.close();
});

test('no kind label breaks across lines, from 360 to 1366 px', async () => {
  for (const width of [360, 414, 600, 768, 1024, 1366]) {
    const { context, page } = await open(env, { width, height: 800 });
    await explain(page, LONG);
    const broken = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.row-kind, .chip, .badge, .side-label')]
          .filter((e) => e.offsetParent !== null)
          .filter((e) => {
            const lh = parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.6;
            return e.getClientRects().length > 1 || e.getBoundingClientRect().height > lh * 1.6;
          })
          .map((e) => e.textContent),
      );
    if (width <= 600) await page.click('#index-tab');
    await page.locator('.side .more').first().click();
    assert.ok((await page.locator('.row-kind').count()) > 6, 'every row shown');
    assert.deepEqual(await broken(), [], `index labels on two lines at ${width}px`);
    if (width <= 600) await page.click('#index-tab');
    await mention(page, 'Tomas Reyna').click();
    await page.locator('[data-card]').waitFor();
    assert.deepEqual(await broken(), [], `card labels on two lines at ${width}px`);
    await context.close();
  }
});

test('the index: search, and every mention of an actor with its context', async () => {
  const { context, page } = await open(env);
  await explainSample(page);
  await page.fill('#index-search', 'zelen');
  const names = await page.locator('#actor-list .row-name').allTextContents();
  assert.ok(names.length >= 1 && names.every((n) => /zelen/i.test(n)), `filtered: ${names}`);
  await page.fill('#index-search', 'peace');
  assert.ok((await page.locator('#proposal-list .row-name').allTextContents()).every((n) => /peace/i.test(n)));
  await page.fill('#index-search', '');
  await mention(page, 'Putin').click();
  const card = page.locator('[data-card]');
  await card.waitFor();
  await card.locator('.all-mentions summary').click();
  const lines = card.locator('.mention-line');
  const n = await lines.count();
  assert.match(await card.locator('.mention-nav span').textContent(), new RegExp(`of ${n}$`));
  assert.ok(n >= 2);
  assert.match(await lines.nth(1).textContent(), /Putin/);
  await lines.nth(1).click();
  assert.match(await card.locator('.mention-nav span').textContent(), new RegExp(`^Mention 2 of ${n}$`));
  await context.close();
});

test('a reload keeps the result, without waiting for the engine', async () => {
  // (No service worker here: it would serve the engine from its copy.)
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await appStarted(page);
  await explainSample(page);
  const title = await page.textContent('#coverage');
  // Reload with the engine held back: the kept result shows at once.
  await context.route(/gloss-engine-[0-9a-f]+_bg\.wasm$/, () => {});
  await page.reload();
  await page.waitForSelector('article [data-actor]');
  assert.equal(await page.textContent('#coverage'), title);
  assert.notEqual(await page.getAttribute('html', 'data-engine'), 'ready', 'shown before the engine is ready');
  // Another text is not mixed up with the kept result.
  await page.click('#edit-text');
  await page.fill('#article-input', 'Angela Merkel met Emmanuel Macron in Paris.');
  await context.unroute(/gloss-engine-[0-9a-f]+_bg\.wasm$/);
  await page.reload();
  await appStarted(page);
  assert.equal(await page.locator('article').count(), 0, 'a different text shows the paste area');
  await context.close();
});

// The stance map, the self-contained HTML export and the dated Background sections of the cards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, open, explainSample, mention, foreignRequests, OUT } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

/** Asserts the page stayed local and quiet. */
async function clean(page, log) {
  assert.deepEqual(foreignRequests(env, log), []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
}

/** Ids of Zelenskyy and of the territorial-provisions proposal, read from the map's nodes. */
async function zelenskyyAndProvisions(page) {
  const actor = page.locator('[data-actor-node]').filter({ hasText: /Zelensky/ }).first();
  const proposal = page.locator('[data-proposal-node]').filter({ hasText: /provisions|territor/i }).first();
  return { actor: await actor.getAttribute('data-actor-node'), proposal: await proposal.getAttribute('data-proposal-node') };
}

test('the Putin card shows what the article says first, then dated Background', async () => {
  const { context, page, log } = await open(env);
  await explainSample(page);
  await mention(page, 'Putin').click();
  const card = page.locator('[data-card]');
  await card.waitFor();
  const sections = await card.locator('.card-section h3').allTextContents();
  assert.match(sections[0], /In this article/);
  assert.match(sections.at(-1), /Background/);
  const bg = card.locator('.card-section.background');
  assert.ok(await bg.isVisible());
  assert.match(await bg.locator('time').textContent(), /\b(19|20)\d\d\b/, 'the background has a date');
  assert.match(await bg.textContent(), /not from this article/);
  assert.match(await bg.locator('.bg-source summary').textContent(), /Source ⓘ/);
  assert.ok((await bg.locator('.bg-source p').textContent()).trim().length > 3, 'the full source is behind Source ⓘ');
  await clean(page, log);
  await context.close();
});

test('a proposal card has glossary Background with its date', async () => {
  const { context, page, log } = await open(env);
  await explainSample(page);
  await page.locator('[data-proposal-node]').filter({ hasText: /peace/i }).first().click();
  const card = page.locator('[data-card]');
  await card.waitFor();
  const bg = card.locator('.card-section.background');
  assert.ok(await bg.isVisible(), 'the peace plan has a glossary entry');
  assert.match(await bg.locator('time').textContent(), /\d{4}/);
  assert.match(await bg.textContent(), /Glossary/);
  await clean(page, log);
  await context.close();
});

test('stance map: Zelenskyy opposes the territorial provisions; Enter shows the evidence', async () => {
  const { context, page, log } = await open(env);
  await explainSample(page);
  const ids = await zelenskyyAndProvisions(page);
  assert.ok(ids.actor && ids.proposal, `nodes found: ${JSON.stringify(ids)}`);
  const edge = page.locator(
    `.stance-map .edge[data-stance="opposes"][data-actor="${ids.actor}"][data-proposal="${ids.proposal}"]`,
  );
  assert.equal(await edge.count(), 1, 'one opposes edge from Zelenskyy to the provisions');
  assert.equal(await edge.getAttribute('tabindex'), '0');
  assert.equal(await edge.getAttribute('role'), 'button');
  assert.match(await edge.getAttribute('aria-label'), /^Zelensky\w* opposes .*(provisions|territor)/i);
  // Every edge is labelled with its verb and dashed or solid by stance.
  const labels = await page.locator('.stance-map .edge-label').allTextContents();
  assert.ok(labels.includes('opposes'), `labels: ${labels}`);
  assert.equal(await edge.locator('.edge-line').getAttribute('stroke-dasharray'), '8 4');
  // Keyboard: Tab from the edge before it (or focus), then Enter.
  await edge.focus();
  await page.keyboard.press('Enter');
  const card = page.locator('[data-card]');
  await card.waitFor();
  assert.match(await card.locator('#card-title').textContent(), /provisions|territor/i);
  const current = card.locator('.stance.current');
  assert.equal(await current.count(), 1);
  assert.ok(await current.isVisible());
  assert.match(await current.textContent(), /Zelensky/);
  const quote = (await current.locator('.quote').textContent()).trim();
  assert.ok(quote.length > 20, `evidence sentence shown: ${quote}`);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('current')), true,
    'focus moves to the stance with its evidence');
  // Esc closes the card and returns focus to the edge it was opened from.
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-stance')), 'opposes');
  await page.keyboard.press('Enter');
  await current.waitFor();
  // The evidence button jumps to the sentence in the article.
  await current.locator('.quote').click();
  const flashed = page.locator('article .sent.flash');
  await flashed.waitFor();
  assert.ok((await flashed.textContent()).includes(quote.slice(0, 30)));
  await clean(page, log);
  await context.close();
});

test('stance map is readable at 360 px and in dark mode', async () => {
  for (const [width, colorScheme] of [[360, 'light'], [1280, 'dark'], [360, 'dark']]) {
    const { context, page, log } = await open(env, { width, height: 740, colorScheme });
    await explainSample(page);
    // On a phone the list is shown first; the map is one press away.
    if (width < 600) {
      assert.equal(await page.getAttribute('#positions-list', 'aria-pressed'), 'true', 'the list is the default on a phone');
      await page.click('#positions-map');
    }
    const map = page.locator('.stance-map');
    await map.waitFor();
    const m = await page.evaluate(() => {
      const root = document.documentElement;
      const box = document.querySelector('.stance-map-box').getBoundingClientRect();
      const svg = document.querySelector('.stance-map').getBoundingClientRect();
      const node = getComputedStyle(document.querySelector('.stance-map .node')).fill;
      const bg = getComputedStyle(document.querySelector('.stance-map-box')).backgroundColor;
      const font = document.querySelector('.stance-map .node').getBoundingClientRect().height;
      return { overflow: root.scrollWidth - root.clientWidth, boxRight: box.right, vw: innerWidth, svgW: svg.width, node, bg, font };
    });
    assert.ok(m.overflow <= 0, `no page overflow at ${width}px: ${JSON.stringify(m)}`);
    assert.ok(m.boxRight <= m.vw, 'the map box fits the viewport (it scrolls inside)');
    assert.ok(m.font >= 10, `node labels stay legible: ${m.font}px`);
    const lum = (c) => {
      const [r, g, b] = c.match(/\d+(\.\d+)?/g).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    if (colorScheme === 'dark') {
      assert.ok(lum(m.node) > 0.7 && lum(m.bg) < 0.3, `light text on dark: ${m.node} on ${m.bg}`);
    } else {
      assert.ok(lum(m.node) < 0.3 && lum(m.bg) > 0.7, `dark text on light: ${m.node} on ${m.bg}`);
    }
    await page.screenshot({ path: join(OUT, `stance-map-${width}-${colorScheme}.png`) });
    await clean(page, log);
    await context.close();
  }
});

test('Download HTML: a self-contained page whose cards open from a file:// URL with no script or request', async () => {
  const { context, page, log } = await open(env);
  await explainSample(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-html')]);
  assert.equal(download.suggestedFilename(), 'gloss-analysis.html');
  const html = await readFile(await download.path(), 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no event-handler attributes');
  const file = join(OUT, 'export.html');
  await writeFile(file, html);
  await clean(page, log);
  await context.close();

  // Opened from disk in a fresh context: record every request.
  const offline = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const requests = [];
  offline.on('request', (r) => requests.push(r.url()));
  const errors = [];
  const p = await offline.newPage();
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(String(e)));
  const url = pathToFileURL(file).href;
  await p.goto(url);
  assert.equal(await p.evaluate(() => document.scripts.length), 0, 'no script element');
  const link = p.locator('article a.m[href^="#card-"]').first();
  const target = (await link.getAttribute('href')).slice(1);
  const card = p.locator(`[id="${target}"]`);
  assert.equal(await card.isVisible(), false, 'cards are closed until opened');
  await link.click();
  assert.equal(new URL(p.url()).hash, `#${target}`);
  await card.waitFor({ state: 'visible' });
  assert.ok(await card.isVisible(), 'the card opens via :target');
  // A stance-map edge in the export links to its evidence.
  assert.ok((await p.locator('svg.stance-map a.edge').count()) >= 1);
  assert.deepEqual(requests.filter((u) => u.split('#')[0] !== url), [], 'no request but the file itself');
  assert.deepEqual(errors, []);
  await offline.close();
});

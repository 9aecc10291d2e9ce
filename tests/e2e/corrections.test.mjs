// Corrections: every kind applies at once, is kept across a reload, can be
// undone, and shows up in the JSON, Markdown and HTML exports; the JS API
// applies the same list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open, mention } from './helpers.mjs';

const TEXT = [
  'Harbour council caps cruise ships',
  '',
  'Mayor Ingrid Solberg proposed the harbour plan on Tuesday, and the Dockworkers Union opposed the harbour plan. ' +
    'Solberg said the city had reached its limit. Tomas Reyna, who chairs the union, said the union would go to court. ' +
    'Reyna met Solberg in Oslo on Wednesday, and Oslo officials backed the harbour plan.',
].join('\n');

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

async function download(page, id) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
  return readFile(await d.path(), 'utf8');
}

/** Opens the card of the first actor whose name matches, and its correction panel. */
async function correctionsOf(page, name) {
  if (await page.locator('[data-card]').count()) await page.keyboard.press('Escape');
  await page.locator('#actor-list .row-name', { hasText: name }).first().click();
  const card = page.locator('[data-card]');
  await card.waitFor();
  await card.locator('#correct summary').click();
  return card;
}

test('every correction applies, is kept across a reload, undoes, and goes into all three exports', async () => {
  const { context, page, log } = await open(env);
  await page.fill('#article-input', TEXT);
  await page.click('#explain');
  await page.waitForSelector('article [data-actor]');
  await page.locator('.side .more').first().click().catch(() => {});

  // Kind: Oslo is an organisation here (say).
  let card = await correctionsOf(page, 'Oslo');
  await card.locator('#fix-kind').selectOption('org');
  await page.waitForFunction(() => document.querySelector('[data-card] .badge')?.textContent === 'Organisation');
  assert.ok((await page.locator('article mark.k-org', { hasText: 'Oslo' }).count()) >= 1, 'the highlight changed kind');

  // Rename.
  card = await correctionsOf(page, 'Solberg');
  await card.locator('#fix-name').fill('Mayor Solberg');
  await card.locator('#fix-rename').click();
  await page.waitForFunction(() => document.querySelector('#card-title')?.textContent === 'Mayor Solberg');

  // Split off a mention, then merge it back into someone else.
  card = await correctionsOf(page, 'Reyna');
  const before = await page.locator('#actor-list li').count();
  if (await card.locator('#fix-split').count()) {
    await card.locator('#fix-split').click();
    await page.waitForFunction((n) => document.querySelectorAll('#actor-list li').length === n + 1, before);
  }
  card = await correctionsOf(page, 'Reyna');
  const others = await card.locator('#fix-merge option').allTextContents();
  const into = others.find((o) => /Dockworkers|Union/.test(o));
  assert.ok(into, `a union to merge into: ${others}`);
  await card.locator('#fix-merge').selectOption({ label: into });
  await page.waitForFunction((n) => document.querySelector('#card-title')?.textContent === n, into);

  // A stance: change one, remove another.
  const stance = page.locator('#proposal-list .row').first();
  await page.keyboard.press('Escape');
  await stance.click();
  card = page.locator('[data-card]');
  await card.waitFor();
  const selects = card.locator('.stance-select');
  assert.ok((await selects.count()) >= 2, 'stances to correct');
  await selects.first().selectOption('mixed');
  await page.waitForFunction(() => document.querySelector('[data-card] .stance .verb')?.textContent === 'is divided on');
  const n = await card.locator('.stance').count();
  await card.locator('.wrong').last().click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-card] .stance').length === n - 1, n);

  // Not an actor.
  card = await correctionsOf(page, 'Oslo');
  await card.locator('#fix-hide').click();
  await page.locator('[data-card]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#actor-list .row-name', { hasText: 'Oslo' }).count(), 0);
  assert.equal(await page.locator('article mark[data-actor]', { hasText: 'Oslo' }).count(), 0, 'its highlights went');

  const bar = await page.textContent('.corrections-bar');
  assert.match(bar, /\d+ corrections · kept in this browser/);

  // A reload keeps them.
  await page.reload();
  await page.waitForSelector('article [data-actor]');
  assert.equal(await page.textContent('.corrections-bar'), bar);
  assert.equal(await page.locator('#actor-list .row-name', { hasText: 'Oslo' }).count(), 0);
  assert.ok((await page.locator('#actor-list .row-name', { hasText: 'Mayor Solberg' }).count()) === 1);

  // All three exports carry them.
  const json = JSON.parse(await download(page, '#download-json'));
  const ops = json.corrections.map((c) => c.op);
  for (const op of ['kind', 'rename', 'merge', 'set_stance', 'remove_stance', 'hide']) assert.ok(ops.includes(op), `${op} in ${ops}`);
  assert.ok(json.corrections.every((c) => c.applied === true && c.description), JSON.stringify(json.corrections));
  assert.ok(json.actors.some((a) => a.name === 'Mayor Solberg') && !json.actors.some((a) => a.name === 'Oslo'));
  assert.equal(json.headline.title, 'Harbour council caps cruise ships');
  const md = await download(page, '#download-md');
  assert.match(md, /^# Harbour council caps cruise ships/);
  assert.match(md, /## Corrections[\s\S]*renamed “Mayor Solberg”/);
  assert.match(md, /\*\*Mayor Solberg\*\*/);
  const html = await download(page, '#download-html');
  assert.match(html, /Corrected by the reader/);
  assert.match(html, /Mayor Solberg/);
  assert.doesNotMatch(html, /data-actor="oslo"/);

  // Undo takes the last back (Oslo returns), Undo all the rest.
  await page.click('#undo');
  await page.waitForFunction(() => [...document.querySelectorAll('#actor-list .row-name')].some((e) => e.textContent === 'Oslo'));
  await page.click('#undo-all');
  await page.locator('.corrections-bar').waitFor({ state: 'detached' });
  await page.reload();
  await page.waitForSelector('article [data-actor]');
  assert.equal(await page.locator('.corrections-bar').count(), 0, 'undoing is kept too');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the JS API applies the same corrections: applyCorrections(analysis, corrections)', async () => {
  const { context, page } = await open(env);
  const r = await page.evaluate(async (text) => {
    const { default: init, analyze, applyCorrections } = await import('./js/gloss.js');
    await init();
    const a = analyze(text);
    const solberg = a.actors.find((x) => /Solberg/.test(x.name));
    const reyna = a.actors.find((x) => /Reyna/.test(x.name));
    const out = applyCorrections(a, [
      { op: 'rename', actor: solberg.id, name: 'Mayor Solberg' },
      { op: 'kind', actor: reyna.id, kind: 'organization' },
      { op: 'hide', actor: 'no-such-actor' },
    ]);
    let error = null;
    try {
      applyCorrections(a, [{ op: 'explode' }]);
    } catch (e) {
      error = String(e.message);
    }
    return {
      names: out.actors.map((x) => x.name),
      kind: out.actors.find((x) => x.id === reyna.id).kind,
      report: out.corrections.map((c) => [c.op, c.applied]),
      unchanged: a.actors.find((x) => x.id === solberg.id).name,
      offsets: out.offsets,
      error,
    };
  }, TEXT);
  assert.ok(r.names.includes('Mayor Solberg'));
  assert.equal(r.kind, 'organization');
  assert.deepEqual(r.report, [['rename', true], ['kind', true], ['hide', false]]);
  assert.notEqual(r.unchanged, 'Mayor Solberg', 'the input is not changed');
  assert.equal(r.offsets, 'utf16');
  assert.match(r.error, /invalid corrections/);
  await context.close();
});

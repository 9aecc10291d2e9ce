// The "Who wants what" digest above the article, for an article of our own
// with one proposal, its proposer, a supporter and two opponents (one of
// them a group named by a plain noun phrase, "the residents").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, engineReady, foreignRequests } from './helpers.mjs';

const ARTICLE =
  'Harbour Board chair Maria Lindqvist unveiled a plan on Monday to close the old ferry terminal ' +
  'and build a cycling bridge. The Fishermen\'s Union rejected the plan, saying it would cost jobs. ' +
  'Mayor Tomas Berg said he supported the plan. ' +
  'The residents strongly opposed the bridge plan at a meeting on Tuesday.';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('the digest names who proposes, backs and opposes the plan, and opens its card', async () => {
  const { context, page, log } = await open(env);
  await engineReady(page);
  await page.fill('#article-input', ARTICLE);
  await page.click('#explain');
  const digest = page.locator('section.digest');
  await digest.waitFor();
  assert.equal((await digest.locator('h2').textContent()).trim(), 'Who wants what');
  const line = digest.locator('.digest-lines li').first();
  const text = (await line.textContent()).replace(/\s+/g, ' ');
  assert.match(text, /plan: proposed by Maria Lindqvist; backed by Tomas Berg; opposed by .*the residents\./i, text);
  // A group named by a common noun reads in lower case mid-sentence.
  assert.match(text, /opposed by .*, the residents\./, text);
  // Each holder is a button whose title is its evidence sentence.
  const residents = line.locator('button.digest-actor', { hasText: 'the residents' });
  assert.match(await residents.getAttribute('title'), /strongly opposed the bridge plan/);
  // The digest sits above the article.
  const [digestTop, articleTop] = await page.evaluate(() => [
    document.querySelector('section.digest').getBoundingClientRect().top,
    document.querySelector('article').getBoundingClientRect().top,
  ]);
  assert.ok(digestTop < articleTop, 'the digest is above the article');
  // The proposal's name opens its card.
  await line.locator('button.digest-proposal').click();
  const card = page.locator('[data-card]');
  await card.waitFor();
  assert.match(await card.textContent(), /plan/i);
  assert.deepEqual(foreignRequests(env, log), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

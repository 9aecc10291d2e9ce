// The JavaScript API (dist/js/gloss.js) loaded in a page: UTF-16 offsets,
// options and errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('analyze() returns UTF-16 offsets that slice JavaScript strings', async () => {
  const { context, page, log } = await open(env);
  const result = await page.evaluate(async () => {
    const { default: init, analyze, analyzeJson, extractText, schemaVersion } = await import('./js/gloss.js');
    await init();
    const text = 'It’s 😀 late. Vladimir Putin’s envoy met Steve Witkoff in Moscow 🇷🇺 on Tuesday. “Ukraine’s” president Zelenskyy said Putin would not agree.';
    const a = analyze(text);
    const sliced = a.mentions.map((m) => [text.slice(m.start, m.end), m.text]);
    const cp = JSON.parse(analyzeJson(text, { offsets: 'codepoint' }));
    const cpSliced = cp.mentions.map((m) => [[...text].slice(m.start, m.end).join(''), m.text]);
    let error = null;
    try {
      analyze(text, { input: 'pdf' });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    return {
      offsets: a.offsets,
      sameText: a.text === text,
      sliced,
      cpSliced,
      emojiAt: text.indexOf('😀'),
      starts: a.mentions.map((m) => m.start),
      error,
      extracted: extractText('<p>Hello <b>world</b></p><script>x()</script>'),
      schema: schemaVersion(),
      actors: a.actors.map((x) => x.name),
    };
  });
  assert.equal(result.offsets, 'utf16');
  assert.ok(result.sameText);
  assert.ok(result.sliced.length >= 3, `found mentions: ${JSON.stringify(result.sliced)}`);
  for (const [got, want] of result.sliced) assert.equal(got, want);
  for (const [got, want] of result.cpSliced) assert.equal(got, want);
  assert.ok(result.starts.some((s) => s > result.emojiAt), 'mentions after the emoji are checked');
  assert.ok(result.actors.some((n) => /Putin/.test(n)));
  assert.match(result.error, /options\.input/);
  assert.match(result.extracted, /Hello world/);
  assert.doesNotMatch(result.extracted, /x\(\)/);
  assert.equal(result.schema, 1);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('the bundled models load in the wasm build: tokens carry UPOS and a dependency tree', async () => {
  const { context, page, log } = await open(env);
  const result = await page.evaluate(async () => {
    const { default: init, analyze } = await import('./js/gloss.js');
    await init();
    const text = 'The council rejected the new plan on Monday. Residents welcomed it.';
    const a = analyze(text, { tokens: true });
    const plain = analyze(text);
    return {
      words: a.tokens.map((t) => [text.slice(t.start, t.end), t.upos, t.deprel]),
      heads: a.tokens.map((t) => t.head),
      roots: a.tokens.filter((t) => t.head === null).length,
      plainHasTokens: 'tokens' in plain,
      kinds: a.actors.map((x) => [x.name, x.kind]),
    };
  });
  assert.deepEqual(log.errors, []);
  const word = (w) => result.words.find(([t]) => t === w);
  assert.equal(word('council')[1], 'NOUN');
  assert.equal(word('rejected')[1], 'VERB');
  assert.equal(word('council')[2], 'nsubj');
  assert.equal(word('plan')[2], 'obj');
  assert.equal(result.roots, 2, 'one root a sentence');
  assert.ok(result.heads.every((h) => h === null || (h >= 0 && h < result.heads.length)));
  assert.equal(result.plainHasTokens, false, 'tokens only when asked for');
  await context.close();
});

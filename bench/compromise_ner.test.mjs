// node --test bench/compromise_ner.test.mjs: compromise spans become trimmed code-point spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entities } from './compromise_ner.mjs';

test('offsets are code points after an astral character, punctuation trimmed', () => {
  const text = "Héllo 😀 world. Vladimir Putin met officials in Moscow, Russia. Germany's envoy came.";
  const ents = entities(text);
  const cps = [...text];
  const putin = ents.find((e) => e.text === 'Vladimir Putin');
  assert.ok(putin, JSON.stringify(ents));
  assert.equal(putin.label, 'PERSON');
  assert.equal(cps.slice(putin.start, putin.end).join(''), 'Vladimir Putin');
  for (const e of ents) {
    assert.equal(cps.slice(e.start, e.end).join(''), e.text);
    assert.ok(!/([.,\s]|'s)$/.test(e.text), e.text);
  }
});

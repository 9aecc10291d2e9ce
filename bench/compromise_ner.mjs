// compromise 14 baseline for the accuracy table (run in node, same library as the browser run).
// usage: node bench/compromise_ner.mjs DOCS.jsonl OUT.jsonl
// people() -> PERSON, organizations() -> ORG, places() -> PLACE, from .out('offset').
// compromise's offsets are UTF-16 code units and its matches keep trailing
// punctuation ("Moscow, Russia.") and possessive endings: we trim whitespace/punctuation at
// both ends and a final 's, and convert to code points, which is what the scorer expects.
import { readFileSync, writeFileSync } from 'node:fs';
import nlp from 'compromise';

const TRIM = /[\s.,;:!?"'“”‘’()\[\]{}«»–—-]/u;

/** UTF-16 index -> code-point index table for `text` (length + 1 entries). */
function cpIndex(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      map[i + 1] = cp;
      i++;
    }
    cp++;
  }
  map[text.length] = cp;
  return map;
}

/** Entity spans of one text, code-point offsets. */
export function entities(text) {
  const doc = nlp(text);
  const map = cpIndex(text);
  const out = [];
  for (const [label, view] of [['PERSON', doc.people()], ['ORG', doc.organizations()], ['PLACE', doc.places()]]) {
    for (const m of view.out('offset')) {
      let s = m.offset.start;
      let e = s + m.offset.length;
      while (s < e && TRIM.test(text[s])) s++;
      while (e > s && TRIM.test(text[e - 1])) e--;
      // Possessive ending ("Russia's"): the scorer's name spans never include it.
      if (e - s > 2 && /^['’]s$/.test(text.slice(e - 2, e))) e -= 2;
      if (e > s) out.push({ start: map[s], end: map[e], label, text: text.slice(s, e) });
    }
  }
  return out;
}

if (process.argv[1] && process.argv[1].endsWith('compromise_ner.mjs')) {
  const [inp, outp] = process.argv.slice(2);
  const lines = readFileSync(inp, 'utf8').split('\n').filter((l) => l.trim());
  const res = lines.map((l) => {
    const d = JSON.parse(l);
    return JSON.stringify({ id: d.id, mentions: entities(d.text) });
  });
  writeFileSync(outp, res.join('\n') + '\n');
}

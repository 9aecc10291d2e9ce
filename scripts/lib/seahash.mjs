// SeaHash (the `seahash` crate's `hash`, default keys), which trunk used to
// name hashed files: `name-<hash as lower-case hex, no padding>.ext`. Kept so
// that scripts/build-site.sh gives the same file names trunk gave.
// CLI: node scripts/lib/seahash.mjs FILE  → prints the hex hash.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MASK = (1n << 64n) - 1n;
const K = 0x6eed0e9da4d94a4fn;

function diffuse(x) {
  x = (x * K) & MASK;
  const a = x >> 32n;
  const b = x >> 60n;
  x ^= a >> b;
  return (x * K) & MASK;
}

/** Little-endian integer of `len` (0..8) bytes of `buf` from `at`. */
function readInt(buf, at, len) {
  let v = 0n;
  for (let i = len - 1; i >= 0; i--) v = (v << 8n) | BigInt(buf[at + i]);
  return v;
}

/** SeaHash of `buf` (a Uint8Array / Buffer) as a BigInt. */
export function seahash(buf) {
  const lanes = [0x16f11fe89b0d677cn, 0xb480a793d8e6c86cn, 0x6fe2e5aaf078ebc9n, 0x14f994a4c5259381n];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const main = buf.length & ~0x1f;
  let p = 0;
  for (; p < main; p += 32) {
    for (let l = 0; l < 4; l++) lanes[l] = diffuse(lanes[l] ^ view.getBigUint64(p + 8 * l, true));
  }
  // The tail: whole words, then the last partial word, into lanes a, b, c, d in turn.
  let rest = buf.length - p;
  for (let l = 0; rest > 0; l++) {
    const n = Math.min(8, rest);
    lanes[l] = diffuse(lanes[l] ^ readInt(buf, p, n));
    p += n;
    rest -= n;
  }
  let [a, b, c, d] = lanes;
  a ^= b;
  c ^= d;
  a ^= c;
  a ^= BigInt(buf.length);
  return diffuse(a);
}

/** The hash as trunk printed it (`{:x}`). */
export function seahashHex(buf) {
  return seahash(buf).toString(16);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of process.argv.slice(2)) console.log(seahashHex(readFileSync(f)));
}

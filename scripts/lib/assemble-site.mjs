// Assembles dist/ from the built wasm modules and the static sources, with
// hashed file names (trunk's scheme: SeaHash of the content, or of cargo's
// wasm for a module and its JS glue), Subresource Integrity on what the page
// loads, the worker pointed at the engine, and a service worker that keeps
// every file of the site for offline use.
// Usage: node scripts/lib/assemble-site.mjs <stage dir> <dist dir>
//   <stage>/<bin>.js, <stage>/<bin>_bg.wasm and <stage>/<bin>.hash for
//   bin = gloss-app (the page) and gloss-engine (the analysis engine).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seahashHex } from './seahash.mjs';

const [stage, dist] = process.argv.slice(2);
if (!stage || !dist) {
  console.error('usage: assemble-site.mjs <stage dir> <dist dir>');
  process.exit(2);
}
mkdirSync(dist, { recursive: true });

const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
/** Every file written, with its role, for the service worker and the size report. */
const files = [];

function write(name, bytes, role) {
  writeFileSync(join(dist, name), bytes);
  files.push({ name, role, bytes: bytes.length });
  return name;
}

/** `stem-<seahash>.ext` of `bytes`, written. */
function hashed(stem, ext, bytes, role) {
  return write(`${stem}-${seahashHex(bytes)}.${ext}`, bytes, role);
}

/** A wasm-bindgen module: `<bin>-<hash of cargo's wasm>.js` and `…_bg.wasm`. */
function module(bin, role) {
  const hash = readFileSync(join(stage, `${bin}.hash`), 'utf8').trim();
  const js = write(`${bin}-${hash}.js`, readFileSync(join(stage, `${bin}.js`)), role);
  const wasm = write(`${bin}-${hash}_bg.wasm`, readFileSync(join(stage, `${bin}_bg.wasm`)), role);
  return { hash, js, wasm };
}

function replaceOnce(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`assemble-site: ${what}: ${from} not found`);
  return text.split(from).join(to);
}

// The page's module and the engine.
const app = module('gloss-app', 'app');
const engine = module('gloss-engine', 'engine');
const engineBytes = readFileSync(join(dist, engine.wasm));

// The worker, pointed at the engine's hashed files.
let worker = readFileSync('src/worker/worker.js', 'utf8');
worker = replaceOnce(worker, "'./gloss-engine.js'", `'./${engine.js}'`, 'worker.js');
worker = replaceOnce(worker, "'./gloss-engine_bg.wasm'", `'./${engine.wasm}'`, 'worker.js');
worker = replaceOnce(worker, 'const ENGINE_BYTES = 0;', `const ENGINE_BYTES = ${engineBytes.length};`, 'worker.js');
const workerName = hashed('worker', 'js', Buffer.from(worker), 'engine');

// Static assets.
const cssBytes = readFileSync('www/style.css');
const css = hashed('style', 'css', cssBytes, 'first-load');
const iconBytes = readFileSync('www/icon.svg');
const icon = hashed('icon', 'svg', iconBytes, 'first-load');
let boot = readFileSync('www/boot.js', 'utf8');
boot = replaceOnce(boot, "'./gloss-app.js'", `'./${app.js}'`, 'boot.js');
boot = replaceOnce(boot, "'./gloss-app_bg.wasm'", `'./${app.wasm}'`, 'boot.js');
const bootBytes = Buffer.from(boot);
const bootName = hashed('boot', 'js', bootBytes, 'first-load');

// index.html: hashed names, integrity, preloads of the page's module, the engine's meta.
let html = readFileSync('index.html', 'utf8');
html = replaceOnce(
  html,
  '<meta name="gloss-engine" content="" data-worker="" data-bytes="" />',
  `<meta name="gloss-engine" content="${engine.hash}" data-worker="./${workerName}" data-bytes="${engineBytes.length}" />`,
  'index.html',
);
html = replaceOnce(
  html,
  '<link rel="stylesheet" href="www/style.css" />',
  `<link rel="stylesheet" href="./${css}" integrity="${sri(cssBytes)}" />`,
  'index.html',
);
html = replaceOnce(
  html,
  '<link rel="icon" href="www/icon.svg" type="image/svg+xml" />',
  `<link rel="icon" href="./${icon}" type="image/svg+xml" integrity="${sri(iconBytes)}" />`,
  'index.html',
);
html = replaceOnce(
  html,
  '<script type="module" src="www/boot.js"></script>',
  [
    `<link rel="modulepreload" href="./${app.js}" crossorigin="anonymous" integrity="${sri(readFileSync(join(dist, app.js)))}" />`,
    `<link rel="preload" href="./${app.wasm}" crossorigin="anonymous" integrity="${sri(readFileSync(join(dist, app.wasm)))}" as="fetch" type="application/wasm" />`,
    `<script type="module" src="./${bootName}" integrity="${sri(bootBytes)}"></script>`,
  ].join('\n  '),
  'index.html',
);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error('assemble-site: inline script in index.html');
write('index.html', Buffer.from(html), 'first-load');
copyFileSync('www/_headers', join(dist, '_headers'));

// The service worker: every file above, under a version that changes with any of them.
const cached = ['./', ...files.filter((f) => f.name !== 'index.html').map((f) => './' + f.name)];
const version = seahashHex(Buffer.from(files.map((f) => f.name).join('\n') + html));
let sw = readFileSync('www/sw.js', 'utf8');
sw = replaceOnce(sw, "const VERSION = 'gloss-dev';", `const VERSION = 'gloss-${version}';`, 'sw.js');
sw = replaceOnce(sw, 'const FILES = [];', `const FILES = ${JSON.stringify(cached)};`, 'sw.js');
writeFileSync(join(dist, 'sw.js'), sw);

// What each part weighs, for scripts/budget.sh.
writeFileSync(
  join(stage, 'site-files.json'),
  JSON.stringify({ version, files: files.map(({ name, role }) => ({ name, role })) }, null, 2) + '\n',
);
for (const f of files) console.log(`${f.role.padEnd(10)} ${f.name} ${f.bytes}`);

// Gloss analysis worker. It downloads the analysis engine (the gloss-engine
// wasm module: the core, its data and models) in the background, reporting
// progress to the page, then runs jobs. scripts/build-site.sh writes the
// engine's hashed file names and size in place of the placeholders below and
// gives this file a hashed name of its own.
// Messages (src/worker/mod.rs): page → worker {id, kind: "analyze" | "extract" | "export", text, input, corrections?};
// worker → page {progress: true, loaded, total}, {ready: true} | {ready: false, error},
// then {id, ok: true, encoded, ms} | {id, ok: true, text} | {id, ok: false, error}.
// A failure inside the core (a wasm trap) is caught and reported; the app
// then replaces this worker, since a trapped instance is not reused.
import init, { glossAnalyzeEncoded, glossExport, glossExtractText } from './gloss-engine.js';

const ENGINE = new URL('./gloss-engine_bg.wasm', import.meta.url);
/** The engine's size in bytes as built (servers that compress send no usable length). */
const ENGINE_BYTES = 0;

/** Fetches `url`, posting progress at most every 50 ms; resolves to its bytes. */
async function download(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.pathname.split('/').pop()}`);
  const total = ENGINE_BYTES || Number(response.headers.get('content-length')) || 0;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    const now = performance.now();
    if (now - last > 50) {
      last = now;
      self.postMessage({ progress: true, loaded, total: Math.max(total, loaded) });
    }
  }
  self.postMessage({ progress: true, loaded, total: Math.max(total, loaded) });
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

const describe = (err) => (err && err.message ? `${err.name || 'Error'}: ${err.message}` : String(err));

/** Resolves to the engine's wasm exports once it can analyse. */
const ready = download(ENGINE)
  .then((bytes) => init({ module_or_path: bytes }))
  .then(
    (wasm) => {
      self.postMessage({ ready: true });
      return wasm;
    },
    (err) => {
      self.postMessage({ ready: false, error: describe(err) });
      throw err;
    },
  );

self.onmessage = async (event) => {
  const { id, kind, text, input, corrections } = event.data || {};
  try {
    await ready;
    if (kind === 'extract') {
      self.postMessage({ id, ok: true, text: glossExtractText(String(text ?? '')) });
      return;
    }
    if (kind === 'export') {
      self.postMessage({ id, ok: true, text: glossExport(String(text ?? ''), String(input), String(corrections ?? '')) });
      return;
    }
    const started = performance.now();
    // The result in the app's compact encoding (src/worker/wire.rs), not JSON.
    const encoded = glossAnalyzeEncoded(String(text ?? ''), input || 'text');
    self.postMessage({ id, ok: true, encoded, ms: performance.now() - started });
  } catch (err) {
    self.postMessage({ id, ok: false, error: describe(err) });
  }
};

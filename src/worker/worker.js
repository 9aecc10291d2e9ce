// Gloss analysis worker: runs the analysis core off the main thread. It loads
// the app's own wasm module (already cached by the page; scripts/build-site.sh
// writes the hashed file names in place of ./gloss-app.js and
// ./gloss-app_bg.wasm), whose `main` does nothing outside a window.
// Messages (src/worker/mod.rs): {id, kind: "analyze" | "extract", text, input} →
// {id, ok: true, encoded, ms} | {id, ok: true, text} | {id, ok: false, error}.
// A failure inside the core (a wasm trap) is caught and reported; the app
// then replaces this worker, since a trapped instance is not reused.
import init, { glossAnalyzeEncoded, glossExtractText } from './gloss-app.js';

const ready = init({ module_or_path: new URL('./gloss-app_bg.wasm', import.meta.url) });

self.onmessage = async (event) => {
  const { id, kind, text, input } = event.data || {};
  try {
    await ready;
    if (kind === 'extract') {
      self.postMessage({ id, ok: true, text: glossExtractText(String(text ?? '')) });
      return;
    }
    const started = performance.now();
    // The analysis in the app's compact encoding (src/worker/wire.rs), not JSON.
    const encoded = glossAnalyzeEncoded(String(text ?? ''), input || 'text');
    self.postMessage({ id, ok: true, encoded, ms: performance.now() - started });
  } catch (err) {
    const message = err && err.message ? `${err.name || 'Error'}: ${err.message}` : String(err);
    self.postMessage({ id, ok: false, error: message });
  }
};

// Gloss analysis worker: runs the analysis core (the JS API in ./js/) off the
// main thread. Messages: {id, kind: "analyze" | "extract", text, input} →
// {id, ok: true, json, ms} | {id, ok: true, text} | {id, ok: false, error}.
// A failure inside the core (a wasm trap) is caught and reported; the app
// then replaces this worker, since a trapped instance is not reused.
import init, { analyzeJson, extractText } from './js/gloss.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, kind, text, input } = event.data || {};
  try {
    await ready;
    if (kind === 'extract') {
      self.postMessage({ id, ok: true, text: extractText(String(text ?? '')) });
      return;
    }
    const started = performance.now();
    const json = analyzeJson(String(text ?? ''), { input: input || 'text', offsets: 'byte' });
    self.postMessage({ id, ok: true, json, ms: performance.now() - started });
  } catch (err) {
    const message = err && err.message ? `${err.name || 'Error'}: ${err.message}` : String(err);
    self.postMessage({ id, ok: false, error: message });
  }
};

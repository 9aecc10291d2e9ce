//! `gloss-engine`: the analysis engine, a wasm module of its own that only
//! the worker (`src/worker/worker.js`) loads, in the background after the
//! page has painted. It holds the analysis core and its data (and, later,
//! its models); the page's own module (`gloss-app`) holds none of them.
#![forbid(unsafe_code)]

use gloss_app::worker::api;
use wasm_bindgen::prelude::*;

/// Analyses `text` (`input`: "text", "html" or "auto"): the analysis and its
/// glossary entries in the app's wire encoding, byte offsets.
#[wasm_bindgen(js_name = glossAnalyzeEncoded)]
pub fn analyze_encoded(text: &str, input: &str) -> String {
    api::analyze_encoded(text, input)
}

/// The story text of an HTML document or fragment.
#[wasm_bindgen(js_name = glossExtractText)]
pub fn extract_text(html: &str) -> String {
    api::extract_text(html)
}

/// An export ("json", "markdown" or "html") of a result in the wire
/// encoding, with the reader's corrections (wire-encoded, "" for none).
#[wasm_bindgen(js_name = glossExport)]
pub fn export(encoded: &str, format: &str, corrections: &str) -> Result<String, JsError> {
    gloss_app::worker::exports::export(encoded, format, corrections).map_err(|e| JsError::new(&e))
}

fn main() {}

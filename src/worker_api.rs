//! Entry points the analysis worker (`www/worker.js`) calls. The worker
//! loads this same wasm module (already in the browser cache), so the page
//! downloads the analysis core once; in the worker `main` renders nothing.
//! A failure here (a wasm trap) kills only the worker instance, which the
//! app then replaces (see [`crate::engine`]). Cost: one analysis plus one
//! JSON serialisation, both linear in the input.

use gloss_core::{InputFormat, Options};
use wasm_bindgen::prelude::*;

/// Analyses `text` and returns the result as JSON with byte offsets (what
/// [`crate::state::Action::Analysed`] reads). `input` is "text", "html" or "auto".
#[wasm_bindgen(js_name = glossAnalyzeJson)]
pub fn analyze_json(text: &str, input: &str) -> Result<String, JsError> {
    let options = Options {
        input: match input {
            "html" => InputFormat::Html,
            "auto" => InputFormat::Auto,
            _ => InputFormat::Text,
        },
        ..Options::default()
    };
    let analysis = gloss_core::analyze(text, &options);
    serde_json::to_string(&analysis).map_err(|e| JsError::new(&e.to_string()))
}

/// The story text of an HTML document or fragment (pasted rich text, .html files).
#[wasm_bindgen(js_name = glossExtractText)]
pub fn extract_text(html: &str) -> String {
    gloss_core::html::extract(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worker_json_has_byte_offsets_the_app_reads() {
        let text = "It’s late. Vladimir Putin met Steve Witkoff in Moscow.";
        let json = analyze_json(text, "text").map_err(|_| ()).expect("json");
        let a: gloss_core::Analysis = serde_json::from_str(&json).expect("valid");
        assert_eq!(a.offsets, gloss_core::OffsetUnit::Byte);
        for m in &a.mentions {
            assert_eq!(a.text.get(m.start..m.end), Some(m.text.as_str()));
        }
        assert_eq!(
            extract_text("<p>Hello <b>world</b></p>").trim(),
            "Hello world"
        );
    }
}

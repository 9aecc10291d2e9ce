//! Entry points the analysis worker (`worker.js`) calls. The worker
//! loads this same wasm module (already in the browser cache), so the page
//! downloads the analysis core once; in the worker `main` renders nothing.
//! A failure here (a wasm trap) kills only the worker instance, which the
//! app then replaces (see [`crate::engine`]). Cost: one analysis plus one
//! encoding ([`super::wire`]), both linear in the input.

use gloss_core::{InputFormat, Options};
use wasm_bindgen::prelude::*;

/// Analyses `text` and returns the result in the [`super::wire`] encoding
/// with byte offsets (what [`crate::state::Action::Analysed`] reads).
/// `input` is "text", "html" or "auto".
#[wasm_bindgen(js_name = glossAnalyzeEncoded)]
pub fn analyze_encoded(text: &str, input: &str) -> String {
    let options = Options {
        input: match input {
            "html" => InputFormat::Html,
            "auto" => InputFormat::Auto,
            _ => InputFormat::Text,
        },
        ..Options::default()
    };
    super::wire::encode(&gloss_core::analyze(text, &options))
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
    fn worker_reply_has_byte_offsets_the_app_reads() {
        let text = "It’s late. Vladimir Putin met Steve Witkoff in Moscow.";
        let a = crate::worker::wire::decode(&analyze_encoded(text, "text")).expect("valid");
        assert_eq!(a.offsets, gloss_core::OffsetUnit::Byte);
        assert!(!a.mentions.is_empty());
        for m in &a.mentions {
            assert_eq!(a.text.get(m.start..m.end), Some(m.text.as_str()));
        }
        assert_eq!(
            extract_text("<p>Hello <b>world</b></p>").trim(),
            "Hello world"
        );
    }
}

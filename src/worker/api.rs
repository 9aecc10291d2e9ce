//! What the analysis engine does, as plain Rust (the `gloss-engine` binary,
//! `src/worker/main.rs`, exports these to the worker script). A failure here
//! (a wasm trap) kills only the worker instance, which the app then replaces
//! (see [`crate::engine`]). Cost: one analysis plus one encoding
//! ([`super::wire`]), both linear in the input.

use super::wire::{self, Explained, Glossary};
use gloss_core::{InputFormat, Options};

/// Analyses `text` and returns the result, with the glossary entries of its
/// proposals, in the [`super::wire`] encoding with byte offsets (what
/// [`crate::state::Action::Analysed`] reads). `input` is "text", "html" or "auto".
pub fn analyze_encoded(text: &str, input: &str) -> String {
    let options = Options {
        input: match input {
            "html" => InputFormat::Html,
            "auto" => InputFormat::Auto,
            _ => InputFormat::Text,
        },
        ..Options::default()
    };
    let analysis = gloss_core::analyze(text, &options);
    let glossary = analysis
        .proposals
        .iter()
        .filter_map(|p| {
            let g = gloss_core::glossary_for(&p.name)?;
            Some(Glossary {
                proposal: p.id.clone(),
                term: g.term.to_owned(),
                definition: g.definition.to_owned(),
                as_of: g.as_of.to_owned(),
                source: g.source.to_owned(),
            })
        })
        .collect();
    wire::encode_explained(&Explained { analysis, glossary })
}

/// The story text of an HTML document or fragment (pasted rich text, .html files).
pub fn extract_text(html: &str) -> String {
    gloss_core::html::extract(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::OffsetUnit;

    #[test]
    fn worker_reply_has_byte_offsets_the_app_reads() {
        let text = "It’s late. Vladimir Putin met Steve Witkoff in Moscow.";
        let e = wire::decode_explained(&analyze_encoded(text, "text")).expect("valid");
        let a = e.analysis;
        assert_eq!(a.offsets, OffsetUnit::Byte);
        assert!(!a.mentions.is_empty());
        for m in &a.mentions {
            assert_eq!(a.text.get(m.start..m.end), Some(m.text.as_str()));
        }
        assert_eq!(
            extract_text("<p>Hello <b>world</b></p>").trim(),
            "Hello world"
        );
    }

    #[test]
    fn the_sample_carries_glossary_entries_for_its_proposals() {
        let e = wire::decode_explained(&analyze_encoded(
            include_str!("../../www/samples/moscow-talks.txt"),
            "text",
        ))
        .expect("valid");
        assert!(
            !e.glossary.is_empty(),
            "the peace plan has a glossary entry"
        );
        for g in &e.glossary {
            assert!(e.analysis.proposal(&g.proposal).is_some());
            assert!(!g.definition.is_empty() && !g.as_of.is_empty());
        }
    }
}

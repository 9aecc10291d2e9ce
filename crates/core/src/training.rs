//! What model training needs from the core (`gloss-train`, feature
//! `training`): the core's own tokenisation, so models learn from the
//! tokens they see at run time, and the learned components' internals.
//! Not part of the product's API; compiled only with the `training`
//! feature.

use std::ops::Range;

pub use crate::{gazetteer, recognizer, weights};

use crate::pipeline::Component;

/// One sentence as the core tokenises it: each token's byte range in the
/// text, and whether it is glued to the token before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenizedSentence {
    /// Byte ranges of the tokens.
    pub tokens: Vec<Range<usize>>,
    /// Per token: no whitespace before it (false for the first).
    pub glued: Vec<bool>,
}

/// The sentences and tokens of `text` as the pipeline's `segment` and
/// `tokenize` components find them (no boilerplate detection).
pub fn sentences(text: &str) -> Vec<TokenizedSentence> {
    let shared = crate::Analyzer::shared();
    let options = crate::Options::default();
    let mut doc = crate::doc::Doc::new(text, &options, shared.lexicon(), shared.kb());
    crate::segment::Segmenter.run(&mut doc);
    crate::tokenize::Tokenizer.run(&mut doc);
    doc.sentence_tokens
        .iter()
        .map(|r| {
            let toks = &doc.tokens[r.clone()];
            TokenizedSentence {
                tokens: toks.iter().map(|t| t.range()).collect(),
                glued: toks
                    .iter()
                    .enumerate()
                    .map(|(i, t)| i > 0 && !t.space_before)
                    .collect(),
            }
        })
        .collect()
}

/// The gazetteer the learned recogniser uses, built from the bundled
/// knowledge base.
pub fn gazetteer() -> gazetteer::Gazetteer {
    gazetteer::Gazetteer::build(crate::Analyzer::shared().kb())
}

/// The rule recogniser's cue words the learned recogniser reads.
pub fn cues() -> recognizer::features::Cues {
    recognizer::features::Cues::new(crate::Analyzer::shared().lexicon())
}

/// A learned recogniser from a model file, with the bundled resources.
pub fn recognizer(bytes: &[u8]) -> Result<recognizer::Recognizer, recognizer::ModelError> {
    let shared = crate::Analyzer::shared();
    recognizer::Recognizer::from_bytes(bytes, shared.lexicon(), shared.kb())
}

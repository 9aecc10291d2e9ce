//! What model training needs from the core (`gloss-train`, feature
//! `training`): the core's own tokenisation, so models learn from the
//! tokens they see at run time, and the learned components' internals.
//! Not part of the product's API; compiled only with the `training`
//! feature.

use std::ops::Range;

pub use crate::{gazetteer, recognizer, weights};

use crate::pipeline::Component;

pub use crate::ner::features::{consistency, Lists};
pub use crate::ner::learned::{Candidate, Class, LabelModel, CLASSES, FORMAT as LABEL_FORMAT};

/// An analyzer without the learned labeller: training must not depend on
/// the bundled model it is about to replace (which may be stale).
fn rules_only() -> &'static crate::Analyzer {
    static RULES: std::sync::OnceLock<crate::Analyzer> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        let config = crate::Config {
            ner_model: crate::NerModel::RulesOnly,
            ..crate::Config::default()
        };
        match crate::Analyzer::new(config) {
            Ok(a) => a,
            Err(e) => panic!("the bundled resources do not load: {e}"),
        }
    })
}

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
    let shared = rules_only();
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
    gazetteer::Gazetteer::build(rules_only().kb())
}

/// The rule recogniser's cue words the learned recogniser reads.
pub fn cues() -> recognizer::features::Cues {
    recognizer::features::Cues::new(rules_only().lexicon())
}

/// A learned recogniser from a model file, with the bundled resources.
pub fn recognizer(bytes: &[u8]) -> Result<recognizer::Recognizer, recognizer::ModelError> {
    let shared = rules_only();
    recognizer::Recognizer::from_bytes(bytes, shared.lexicon(), shared.kb())
}

/// The name candidates of `text` with the labeller's features: the
/// pipeline runs up to `pos` (boilerplate set aside, as at run time) and
/// the rules chunk the names. `lists` are [`lists`]'.
pub fn candidates(text: &str, lists: &Lists) -> Vec<Candidate> {
    let shared = rules_only();
    let options = crate::Options::default();
    let mut doc = crate::doc::Doc::new(text, &options, shared.lexicon(), shared.kb());
    crate::boilerplate::Boilerplate.run(&mut doc);
    crate::segment::Segmenter.run(&mut doc);
    crate::tokenize::Tokenizer.run(&mut doc);
    crate::syntax::PosTagger.run(&mut doc);
    crate::ner::learned::candidates(&doc, lists)
}

/// The name lists the labeller's features read.
pub fn lists() -> Lists {
    Lists::build(rules_only().kb())
}

/// The bundled knowledge base (for [`LabelModel::from_bytes`]).
pub fn kb() -> &'static crate::kb::Kb {
    rules_only().kb()
}

//! Syntax: a part-of-speech tagger and a labelled dependency parser,
//! learned from the Universal Dependencies English treebanks.
//!
//! Both are greedy averaged perceptrons over hashed sparse features, in the
//! style of spaCy's early tagger and parser (Honnibal 2013; Goldberg &
//! Nivre 2012): linear time, integer scoring, no I/O. The trained model
//! files (`data/models/`, CC BY-SA 4.0, see its README) are compiled in and
//! loaded by [`Models::english`]; [`Models::from_bytes`] loads others.
//!
//! ```
//! use gloss_core::syntax::{Deprel, Models, Upos};
//!
//! let models = Models::english().expect("bundled models load");
//! let words = ["The", "plan", "was", "rejected", "by", "the", "council", "."];
//! let tags = models.tagger.tag(&words);
//! assert_eq!(tags[1], Upos::Noun);
//! let arcs = models.parser.parse(&words, &tags);
//! assert_eq!(arcs[1].rel, Deprel::NsubjPass);
//! assert_eq!(arcs[1].head, Some(3));
//! ```
//!
//! Input words follow UD tokenisation ("do" + "n't"); [`ud_words`] maps
//! Gloss tokens to such words and back. Sentences are tagged and parsed one
//! at a time; the caller segments.

pub mod conllu;
pub mod features;
pub mod labels;
pub mod model_file;
pub mod parser;
pub mod tagger;
pub mod transition;
pub mod ud_words;
pub mod weights;

pub use labels::{Deprel, Upos};
pub use model_file::ModelError;
pub use parser::{Attachment, Parser};
pub use tagger::Tagger;

use std::sync::OnceLock;

/// The bundled tagger model (UD English EWT + GUM, CC BY-SA 4.0).
pub const ENGLISH_TAGGER: &[u8] = include_bytes!("../../data/models/tagger.bin");
/// The bundled parser model (UD English EWT + GUM, CC BY-SA 4.0).
pub const ENGLISH_PARSER: &[u8] = include_bytes!("../../data/models/parser.bin");

/// A tagger and a parser that go together.
#[derive(Clone, Debug)]
pub struct Models {
    /// The part-of-speech tagger.
    pub tagger: Tagger,
    /// The dependency parser.
    pub parser: Parser,
}

/// One word's syntax.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordSyntax {
    /// Its part of speech.
    pub upos: Upos,
    /// Index of its head word, `None` for the sentence root.
    pub head: Option<usize>,
    /// Its relation to the head.
    pub rel: Deprel,
}

impl Models {
    /// Loads a tagger and a parser from model-file bytes.
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> Result<Models, ModelError> {
        Ok(Models {
            tagger: Tagger::from_bytes(tagger)?,
            parser: Parser::from_bytes(parser)?,
        })
    }

    /// The bundled English models, decoded once on first use (a few
    /// milliseconds) and shared.
    pub fn english() -> Result<&'static Models, ModelError> {
        static MODELS: OnceLock<Result<Models, ModelError>> = OnceLock::new();
        MODELS
            .get_or_init(|| Models::from_bytes(ENGLISH_TAGGER, ENGLISH_PARSER))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Tags and parses one sentence of UD-style words.
    pub fn analyze(&self, words: &[&str]) -> Vec<WordSyntax> {
        let tags = self.tagger.tag(words);
        let arcs = self.parser.parse(words, &tags);
        tags.iter()
            .zip(arcs)
            .map(|(&upos, a)| WordSyntax {
                upos,
                head: a.head,
                rel: a.rel,
            })
            .collect()
    }
}

//! Syntax: the rule-based word classes every stage asks about
//! (`classes`, the `pos` component), and a part-of-speech tagger and a
//! labelled dependency parser learned from the Universal Dependencies
//! English treebanks (the `parse` component, [`parse`]).
//!
//! Both are greedy averaged perceptrons over hashed sparse features, in the
//! style of spaCy's early tagger and parser (Honnibal 2013; Goldberg &
//! Nivre 2012): linear time, integer scoring, no I/O. The trained model
//! files (`data/models/`, CC BY-SA 4.0, see `SYNTAX-NOTICE.txt`) are compiled in;
//! the [`crate::Analyzer`] loads them once ([`Models::from_bytes`]) and
//! owns them.
//!
//!
//! Input words follow UD tokenisation ("do" + "n't"); [`ud_words`] maps
//! Gloss tokens to such words and back. Sentences are tagged and parsed one
//! at a time; the caller segments.

// The trainer (feature `training`) and the tests use more of the models'
// internals than the pipeline does.
#![cfg_attr(not(any(test, feature = "training")), allow(dead_code, unused_imports))]

mod classes;
pub mod conllu;
pub mod features;
pub mod labels;
pub mod model_file;
pub mod parse;
pub mod parser;
pub mod tagger;
pub mod transition;
pub mod ud_words;
pub mod weights;

pub(crate) use classes::*;

pub use labels::{Deprel, Upos};
pub use model_file::ModelError;
pub use parse::Parse;
pub use parser::Parser;
pub use tagger::Tagger;

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

impl Models {
    /// Loads a tagger and a parser from model-file bytes.
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> Result<Models, ModelError> {
        Ok(Models {
            tagger: Tagger::from_bytes(tagger)?,
            parser: Parser::from_bytes(parser)?,
        })
    }

    /// The bundled English models.
    pub fn english() -> Result<Models, ModelError> {
        Models::from_bytes(ENGLISH_TAGGER, ENGLISH_PARSER)
    }
}

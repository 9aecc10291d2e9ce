//! # gloss-core
//!
//! The analysis core of Gloss: given a news article (plain text or HTML), find
//! its actors (people, organisations, places, groups), the proposals under
//! discussion (plans, deals, demands, guarantees, summits…), who stands where
//! on them, and a short extractive summary.
//!
//! Pure Rust, no I/O, no web dependencies: the web app, the CLI and the
//! JavaScript API are thin shells around [`analyze`].
//!
//! ```
//! let analysis = gloss_core::analyze(
//!     "Vladimir Putin met Steve Witkoff in Moscow. Putin rejected the plan.",
//!     &gloss_core::Options::default(),
//! );
//! assert!(analysis.actors.iter().any(|a| a.name == "Vladimir Putin"));
//! ```
//!
//! ## Public API
//! [`analyze`] (and [`analyze_owned`], [`analyze_with_laps`]) run the shared
//! default [`Analyzer`]; build your own with [`Analyzer::new`] and a
//! [`Config`]. [`Options`] are per call. The result is the plain serde data
//! of [`model`] ([`Analysis`] and the types it holds). [`html::extract`]
//! gives the story text of an HTML page, and [`glossary_for`] the bundled
//! glossary entry for a proposal name. Everything else is internal.
//!
//! ## How the analysis runs
//! An [`Analyzer`] owns the resources and a list of named components
//! ([`Analyzer::component_names`]): `boilerplate`, `segment`, `tokenize`,
//! `pos`, `parse`, `ner`, `roles`, `actors`, `coref`, `link`, `mentions`,
//! `proposals`, `facts`, `salience`, `summary`. Each reads the layers of the working document written before
//! it and fills its own (the table in the `doc` module lists them); the
//! [`Analysis`] is assembled once, from the final document. Every component
//! is linear (or n log n) in the input; each module states its complexity.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub(crate) mod actors;
mod analyzer;
pub(crate) mod assemble;
pub(crate) mod boilerplate;
pub(crate) mod clause;
pub(crate) mod coref;
pub(crate) mod digest;
pub(crate) mod doc;
pub(crate) mod drafts;
pub(crate) mod facts;
mod hash;
pub mod html;
pub(crate) mod kb;
pub(crate) mod lexicon;
pub(crate) mod mentions;
pub mod model;
pub(crate) mod ner;
pub mod offsets;
pub(crate) mod pipeline;
pub(crate) mod proposals;
pub(crate) mod roles;
pub(crate) mod salience;
pub(crate) mod segment;
pub(crate) mod summary;
#[cfg(test)]
pub(crate) mod test_util;
pub(crate) mod tokenize;
#[cfg(feature = "training")]
pub mod training;
// Learned components: internal, and public to the trainer (feature
// `training`, see `training`).
#[cfg(feature = "training")]
pub mod gazetteer;
#[cfg(not(feature = "training"))]
pub(crate) mod gazetteer;
#[cfg(feature = "training")]
pub mod recognizer;
#[cfg(not(feature = "training"))]
pub(crate) mod recognizer;
#[cfg(feature = "training")]
pub mod syntax;
#[cfg(not(feature = "training"))]
pub(crate) mod syntax;
#[cfg(feature = "training")]
pub mod weights;
#[cfg(not(feature = "training"))]
pub(crate) mod weights;

pub use analyzer::{glossary_for, Analyzer, Config, Error, NerModel, SyntaxModels};
pub use kb::GlossaryEntry;
pub use model::*;
pub use offsets::OffsetMap;
pub use syntax::conllu::ConlluError;

/// How to read the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Detect HTML by its markup, otherwise plain text.
    #[default]
    Auto,
    /// Plain text.
    Text,
    /// An HTML document or fragment.
    Html,
}

/// Analysis options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Number of summary sentences (default 3).
    pub summary_sentences: usize,
    /// How to read the input.
    pub input: InputFormat,
    /// Fill [`Analysis::tokens`] (every word's part of speech and
    /// dependency; default off: it makes the JSON several times longer).
    pub tokens: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary_sentences: 3,
            input: InputFormat::Auto,
            tokens: false,
        }
    }
}

/// Analyses an article with the shared default [`Analyzer`]. Never
/// panics; offsets in the result are bytes ([`OffsetUnit::Byte`]); call
/// [`Analysis::convert_offsets`] for JSON or JS.
pub fn analyze(input: &str, options: &Options) -> Analysis {
    Analyzer::shared().analyze(input, options)
}

/// [`analyze`] that calls `lap(name)` as HTML extraction (`"html"`) and
/// then each component ends: a profiling aid (the `repeat` example times
/// the stages with it).
pub fn analyze_with_laps(
    input: &str,
    options: &Options,
    lap: &mut dyn FnMut(&'static str),
) -> Analysis {
    Analyzer::shared().analyze_with_laps(input, options, lap)
}

/// [`analyze`] taking the text by value: plain text becomes
/// [`Analysis::text`] without a copy (for callers that own a large text).
pub fn analyze_owned(input: String, options: &Options) -> Analysis {
    Analyzer::shared().analyze_owned(input, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyze_owned_matches_analyze() {
        let texts = [
            "Vladimir Putin met Steve Witkoff in Moscow on Tuesday.",
            "<p>Zelenskyy rejected the <b>28-point</b> plan.</p>",
            "",
        ];
        for t in texts {
            assert_eq!(
                analyze_owned(t.to_owned(), &Options::default()),
                analyze(t, &Options::default()),
                "{t}"
            );
        }
        let html = analyze_owned(texts[1].to_owned(), &Options::default());
        assert_eq!(html.source, SourceFormat::Html);
        assert!(!html.text.contains('<'));
    }
}

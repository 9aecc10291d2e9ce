//! The [`Analyzer`]: resources plus a pipeline of named components.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::doc::Doc;
use crate::kb::Kb;
use crate::lexicon::{Lexicon, LexiconError};
use crate::model::{Analysis, SourceFormat};
use crate::ner::learned::LabelModel;
use crate::pipeline::{default_components, Component};
use crate::syntax::conllu::ConlluError;
use crate::syntax::Models;
use crate::weights::ModelError;
use crate::{html, InputFormat, Options};

/// How to build an [`Analyzer`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Names of components to leave out of the standard pipeline (for
    /// example `["summary"]`); later components then see those layers empty.
    pub skip: Vec<String>,
    /// Which model labels the recognised names.
    pub ner_model: NerModel,
    /// Which tagger and parser fill the `parse` layer.
    pub syntax_models: SyntaxModels,
}

/// The part-of-speech tagger and dependency parser of the `parse`
/// component.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SyntaxModels {
    /// The bundled models (`crates/core/data/models/{tagger,parser}.bin`).
    #[default]
    Bundled,
    /// Model files' bytes (the output of `gloss-train syntax`).
    Bytes {
        /// `tagger.bin`.
        tagger: Vec<u8>,
        /// `parser.bin`.
        parser: Vec<u8>,
    },
    /// No models: the `parse` layer stays empty (and `gloss conllu`
    /// cannot run).
    None,
}

/// The model that labels recognised names (the `ner` component).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum NerModel {
    /// The bundled model (`crates/core/data/models/ner-labels.bin`).
    #[default]
    Bundled,
    /// A model file's bytes (the output of `gloss-train ner`).
    Bytes(Vec<u8>),
    /// No model: the hand-written rules label every name.
    RulesOnly,
}

/// Why an [`Analyzer`] could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// [`Config::skip`] names a component the pipeline does not have.
    UnknownComponent(String),
    /// A bundled word list could not be parsed.
    Lexicon(LexiconError),
    /// The entity model file is damaged or was trained for another build.
    Model(ModelError),
    /// A tagger or parser model file is damaged or was trained for another
    /// build.
    SyntaxModel(crate::syntax::ModelError),
}

impl From<LexiconError> for Error {
    fn from(e: LexiconError) -> Self {
        Error::Lexicon(e)
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::UnknownComponent(name) => {
                let known: Vec<&str> = default_components().iter().map(|c| c.name()).collect();
                write!(
                    f,
                    "unknown component {name:?} (the pipeline has: {})",
                    known.join(", ")
                )
            }
            Error::Lexicon(e) => e.fmt(f),
            Error::Model(e) => write!(f, "entity model: {e}"),
            Error::SyntaxModel(e) => write!(f, "syntax model: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<ModelError> for Error {
    fn from(e: ModelError) -> Self {
        Error::Model(e)
    }
}

/// The bundled glossary entry for the kind of proposal `phrase` names: the
/// longest trailing phrase that is a term ("28-point peace proposal" → peace
/// plan, "a Trump–Putin summit" → summit).
pub fn glossary_for(phrase: &str) -> Option<&'static crate::kb::GlossaryEntry> {
    Analyzer::shared().kb.glossary_for(phrase)
}

/// Owns the resources of an analysis and runs its components in order.
///
/// Build one with [`Analyzer::new`] and reuse it: building parses the
/// bundled data once, and every [`Analyzer::analyze`] call after that only
/// reads it. The free function [`crate::analyze`] uses one shared default
/// analyzer.
pub struct Analyzer {
    lexicon: Lexicon,
    kb: Kb,
    ner_model: Option<LabelModel>,
    syntax_models: Option<Models>,
    pipeline: Vec<Box<dyn Component>>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("pipeline", &self.component_names())
            .finish()
    }
}

impl Analyzer {
    /// The standard pipeline with the bundled resources, minus the
    /// components named in [`Config::skip`].
    pub fn new(config: Config) -> Result<Analyzer, Error> {
        let mut pipeline = default_components();
        for name in &config.skip {
            let before = pipeline.len();
            pipeline.retain(|c| c.name() != name);
            if pipeline.len() == before {
                return Err(Error::UnknownComponent(name.clone()));
            }
        }
        let kb = Kb::bundled();
        let ner_model = match &config.ner_model {
            NerModel::Bundled => Some(LabelModel::from_bytes(crate::ner::learned::BUNDLED, &kb)?),
            NerModel::Bytes(b) => Some(LabelModel::from_bytes(b, &kb)?),
            NerModel::RulesOnly => None,
        };
        let syntax_models = match &config.syntax_models {
            SyntaxModels::Bundled => Some(Models::english()),
            SyntaxModels::Bytes { tagger, parser } => Some(Models::from_bytes(tagger, parser)),
            SyntaxModels::None => None,
        }
        .transpose()
        .map_err(Error::SyntaxModel)?;
        Ok(Analyzer {
            lexicon: Lexicon::bundled()?,
            kb,
            ner_model,
            syntax_models,
            pipeline,
        })
    }

    /// The shared analyzer behind [`crate::analyze`], built on first use.
    ///
    /// # Panics
    /// If the data compiled into the binary does not parse, which the
    /// tests rule out (`bundled_resources_load`).
    pub fn shared() -> &'static Analyzer {
        static SHARED: OnceLock<Analyzer> = OnceLock::new();
        SHARED.get_or_init(|| match Analyzer::new(Config::default()) {
            Ok(a) => a,
            Err(e) => panic!("the bundled resources do not load: {e}"),
        })
    }

    /// The word lists.
    #[cfg(any(test, feature = "training"))]
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The knowledge base.
    #[cfg(any(test, feature = "training"))]
    pub(crate) fn kb(&self) -> &Kb {
        &self.kb
    }

    /// The names of the components, in the order they run.
    pub fn component_names(&self) -> Vec<&'static str> {
        self.pipeline.iter().map(|c| c.name()).collect()
    }

    /// Analyses an article. Never panics; offsets in the result are bytes
    /// ([`crate::OffsetUnit::Byte`]); call [`Analysis::convert_offsets`] for
    /// JSON or JS.
    pub fn analyze(&self, input: &str, options: &Options) -> Analysis {
        self.analyze_cow(Cow::Borrowed(input), options, &mut |_| {})
    }

    /// [`Analyzer::analyze`] taking the text by value: plain text becomes
    /// [`Analysis::text`] without a copy.
    pub fn analyze_owned(&self, input: String, options: &Options) -> Analysis {
        self.analyze_cow(Cow::Owned(input), options, &mut |_| {})
    }

    /// [`Analyzer::analyze`] that calls `lap(name)` as HTML extraction
    /// (`"html"`) and then each component ends: a profiling aid.
    pub fn analyze_with_laps(
        &self,
        input: &str,
        options: &Options,
        lap: &mut dyn FnMut(&'static str),
    ) -> Analysis {
        self.analyze_cow(Cow::Borrowed(input), options, lap)
    }

    fn analyze_cow(
        &self,
        input: Cow<'_, str>,
        options: &Options,
        lap: &mut dyn FnMut(&'static str),
    ) -> Analysis {
        let is_html = match options.input {
            InputFormat::Auto => html::looks_like_html(&input),
            InputFormat::Text => false,
            InputFormat::Html => true,
        };
        let text = if is_html {
            html::extract(&input)
        } else {
            input.into_owned()
        };
        lap("html");
        let mut analysis = self.run(&text, options, lap);
        analysis.source = if is_html {
            SourceFormat::Html
        } else {
            SourceFormat::Text
        };
        analysis.text = text;
        analysis
    }

    /// Runs the components over plain text and assembles the result; its
    /// `text` is left empty for the caller to fill.
    fn run(&self, text: &str, options: &Options, lap: &mut dyn FnMut(&'static str)) -> Analysis {
        let mut doc = Doc::new(text, options, &self.lexicon, &self.kb);
        doc.ner_model = self.ner_model.as_ref();
        doc.syntax_models = self.syntax_models.as_ref();
        for c in &self.pipeline {
            c.run(&mut doc);
            lap(c.name());
        }
        crate::assemble::analysis(doc)
    }

    /// The working document after every component (tests).
    #[cfg(test)]
    pub(crate) fn document<'a>(&'a self, text: &'a str, options: &'a Options) -> Doc<'a> {
        let mut doc = Doc::new(text, options, &self.lexicon, &self.kb);
        doc.ner_model = self.ner_model.as_ref();
        doc.syntax_models = self.syntax_models.as_ref();
        for c in &self.pipeline {
            c.run(&mut doc);
        }
        doc
    }

    /// Re-annotates CoNLL-U text with the tagger and parser: every word
    /// gets a predicted UPOS, HEAD and DEPREL, on the treebank's own
    /// tokenisation and sentence breaks (other columns are kept; DEPS is
    /// cleared, as it would contradict the new heads). This is how the
    /// models are scored on treebanks (`gloss conllu`).
    pub fn annotate_conllu(&self, text: &str) -> Result<String, ConlluError> {
        let models = self.syntax_models.as_ref().ok_or(ConlluError {
            line: 0,
            message: "this analyzer has no syntax models".into(),
        })?;
        crate::syntax::conllu::annotate(text, models)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_resources_load() {
        assert!(Analyzer::new(Config::default()).is_ok());
    }

    #[test]
    fn damaged_models_are_errors_not_panics() {
        let bundled = crate::ner::learned::BUNDLED;
        let with = |bytes: Vec<u8>| {
            Analyzer::new(Config {
                ner_model: NerModel::Bytes(bytes),
                ..Config::default()
            })
        };
        assert!(with(bundled.to_vec()).is_ok());
        for bad in [
            Vec::new(),
            b"not a model".to_vec(),
            bundled[..bundled.len() / 2].to_vec(),
            {
                let mut b = bundled.to_vec();
                b[bundled.len() / 3] ^= 0x10;
                b
            },
        ] {
            match with(bad) {
                Err(e @ Error::Model(_)) => assert!(e.to_string().starts_with("entity model")),
                other => panic!("expected a model error, got {other:?}"),
            }
        }
    }

    #[test]
    fn rules_only_and_learned_models_both_analyse() {
        let text = "The mayor of Kleinwald met Maria Lopez in Bavaria.";
        for ner_model in [NerModel::Bundled, NerModel::RulesOnly] {
            let a = Analyzer::new(Config {
                ner_model,
                ..Config::default()
            })
            .expect("builds");
            let r = a.analyze(text, &Options::default());
            assert!(r.actors.iter().any(|x| x.name == "Maria Lopez"));
        }
    }

    #[test]
    fn skipping_components() {
        let a = Analyzer::new(Config {
            skip: vec!["summary".into()],
            ..Config::default()
        })
        .expect("summary is a component");
        assert!(!a.component_names().contains(&"summary"));
        let r = a.analyze(
            "Vladimir Putin met Steve Witkoff in Moscow.",
            &Options::default(),
        );
        assert!(r.summary.text.is_empty());
        assert!(!r.actors.is_empty());
        let err = Analyzer::new(Config {
            skip: vec!["parser".into()],
            ..Config::default()
        })
        .expect_err("no such component");
        assert!(err.to_string().contains("\"parser\""), "{err}");
        assert!(err.to_string().contains("summary"), "{err}");
    }
}

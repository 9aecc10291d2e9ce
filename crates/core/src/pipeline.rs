//! Named components run in order over a [`Doc`].
//!
//! A component reads the layers earlier components wrote and fills its own
//! (the table in [`crate::doc`] says which writes what). It owns no
//! per-document state; anything it needs across documents (a lexicon, the
//! knowledge base, a model) belongs to the [`crate::Analyzer`] and reaches
//! it through the document. To add a stage: write a unit struct in its own
//! module, implement [`Component`], and put it into
//! [`default_components`] at the place where the layers it reads exist.

use crate::doc::Doc;

/// One named step of the analysis.
pub trait Component: Send + Sync {
    /// Its name, as listed by [`crate::Analyzer::component_names`] and
    /// reported to lap callbacks.
    fn name(&self) -> &'static str;

    /// Reads earlier layers of `doc` and writes its own.
    fn run(&self, doc: &mut Doc<'_>);
}

/// The standard pipeline, in order.
pub fn default_components() -> Vec<Box<dyn Component>> {
    vec![
        Box::new(crate::boilerplate::Boilerplate),
        Box::new(crate::segment::Segmenter),
        Box::new(crate::tokenize::Tokenizer),
        Box::new(crate::syntax::PosTagger),
        Box::new(crate::syntax::parse::Parser),
        Box::new(crate::ner::Recognizer),
        Box::new(crate::roles::Roles),
        Box::new(crate::actors::ActorBuilder),
        Box::new(crate::coref::Coref),
        Box::new(crate::kb::Linker),
        Box::new(crate::mentions::MentionIndexer),
        Box::new(crate::clause::speech::SpeechFinder),
        Box::new(crate::proposals::ProposalFinder),
        Box::new(crate::facts::FactFinder),
        Box::new(crate::salience::Salience),
        Box::new(crate::summary::Summarizer),
    ]
}

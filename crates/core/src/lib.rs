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
//! ## Pipeline
//! text → ([`html`] extraction) → [`boilerplate`] → [`segment`] → [`tokenize`]
//! → [`ner`] → [`actors`] → [`kb`] linking → [`proposals`] and stances →
//! [`facts`] → [`salience`] → [`summary`]. Every stage is linear (or
//! n log n) in the input; each module states its complexity.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod actors;
pub mod boilerplate;
pub mod dates;
pub mod doc;
pub mod facts;
mod hash;
pub mod html;
pub mod kb;
pub mod model;
pub mod ner;
pub mod offsets;
pub mod proposals;
pub mod salience;
pub mod segment;
pub mod summary;
pub mod syntax;
pub mod tokenize;

pub use model::*;
pub use offsets::OffsetMap;

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
}

impl Default for Options {
    fn default() -> Self {
        Options {
            summary_sentences: 3,
            input: InputFormat::Auto,
        }
    }
}

/// Analyses an article. Never panics; offsets in the result are bytes
/// ([`OffsetUnit::Byte`]); call [`Analysis::convert_offsets`] for JSON or JS.
pub fn analyze(input: &str, options: &Options) -> Analysis {
    analyze_cow(std::borrow::Cow::Borrowed(input), options, &mut |_| {})
}

/// [`analyze`] that calls `lap(stage)` as each pipeline stage ends ("html",
/// "boilerplate", "doc", "ner", "actors", "link", "index", "proposals",
/// "facts", "salience", "summary"): a profiling aid (the `repeat` example
/// times the stages with it).
pub fn analyze_with_laps(
    input: &str,
    options: &Options,
    lap: &mut dyn FnMut(&'static str),
) -> Analysis {
    analyze_cow(std::borrow::Cow::Borrowed(input), options, lap)
}

/// [`analyze`] taking the text by value: plain text becomes
/// [`Analysis::text`] without a copy (for callers that own a large text).
pub fn analyze_owned(input: String, options: &Options) -> Analysis {
    analyze_cow(std::borrow::Cow::Owned(input), options, &mut |_| {})
}

fn analyze_cow(
    input: std::borrow::Cow<'_, str>,
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
    let mut analysis = analyze_text(&text, options, lap);
    analysis.source = if is_html {
        SourceFormat::Html
    } else {
        SourceFormat::Text
    };
    analysis.text = text;
    analysis
}

/// Runs the pipeline on plain text; `text` is left empty for the caller to fill.
fn analyze_text(text: &str, options: &Options, lap: &mut dyn FnMut(&'static str)) -> Analysis {
    let ignored = boilerplate::detect(text);
    lap("boilerplate");
    let doc = doc::Doc::new(text, ignored);
    lap("doc");
    let raw = ner::recognize(&doc);
    lap("ner");
    let mut actors = actors::build(&doc, raw);
    lap("actors");
    kb::link(&doc, &mut actors);
    lap("link");
    // One index (lower-cased tokens, mentions by token) for proposals and facts.
    let index = proposals::index::TextIndex::new(&doc, &actors);
    lap("index");
    let proposals = proposals::find_in(&index, &actors);
    lap("proposals");
    facts::attach_in(&index, &mut actors);
    lap("facts");
    drop(index);
    salience::rank(&doc, &mut actors, &proposals);
    lap("salience");
    let summary = summary::summarize(&doc, &actors, &proposals, options.summary_sentences);
    lap("summary");
    let mentions = flat_mentions(&actors);
    Analysis {
        schema: SCHEMA_VERSION,
        offsets: OffsetUnit::Byte,
        source: SourceFormat::Text,
        text: String::new(),
        ignored: doc.ignored,
        paragraphs: doc.paragraphs,
        sentences: doc.sentences,
        actors,
        proposals,
        summary,
        mentions,
    }
}

/// Every proper-noun-headed actor mention in text order (the NER view:
/// "The Russian president" or "Ukrainian officials", headed by a common
/// noun, are left out), labelled by the actor's kind.
fn flat_mentions(actors: &[Actor]) -> Vec<FlatMention> {
    let proper = |m: &&Mention| {
        m.text
            .split_whitespace()
            .last()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| !c.is_lowercase())
    };
    let mut out: Vec<FlatMention> = actors
        .iter()
        .flat_map(|a| {
            a.mentions.iter().filter(proper).map(move |m| FlatMention {
                start: m.start,
                end: m.end,
                text: m.text.clone(),
                label: a.kind.label(),
                actor: a.id.clone(),
            })
        })
        .collect();
    out.sort_by_key(|m| (m.start, m.end));
    out
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

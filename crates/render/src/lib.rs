//! # gloss-render
//!
//! Turns a [`gloss_core::Analysis`] (with byte offsets, as returned by
//! [`gloss_core::analyze`]) into things people read:
//!
//! - [`layout`]: each paragraph as a tree of highlight nodes (sentence →
//!   proposal → actor), overlaps resolved once for every view;
//! - [`vocab`]: the words for stances and actor kinds;
//! - [`corrections`]: the reader's corrections, applied on top of an analysis;
//! - [`masthead`]: the headline, byline and date the text starts with;
//! - [`quotes`]: who said what, grouped by speaker;
//! - [`stance_map`]: a two-column layout of actors and proposals with stance
//!   edges, and its SVG;
//! - [`report`]: plain-text and Markdown reports (Markdown escapes hostile
//!   text so it cannot become links, images or HTML);
//! - [`export`]: one self-contained HTML page (text with highlights, summary,
//!   cards, stance map) that works offline from a file, with no script.
//!
//! Every piece of article text is escaped with [`escape::html`]: hostile
//! text stays text.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod corrections;
pub mod escape;
pub mod export;
pub mod layout;
pub mod masthead;
pub mod quotes;
pub mod report;
pub mod stance_map;
pub mod vocab;

//! # Gloss web app
//!
//! A Yew single-page app: paste a news article, press Explain, and read it
//! with its actors and proposals highlighted, a summary on top and a card
//! for each actor or proposal. The analysis runs in a Web Worker
//! ([`worker`], started by [`engine`]), so nothing leaves the browser and the
//! page never freezes. See `docs/app.md`.
//!
//! Flow: [`app::App`] owns the [`state::State`] (one reducer) and the engine;
//! the editor starts jobs, the worker's replies become actions, and the
//! result view draws the analysis with [`gloss_render`]'s layout.
#![forbid(unsafe_code)]

pub mod app;
pub mod components;
pub mod dom;
pub mod engine;
pub mod handoff;
pub mod ids;
pub mod state;
pub mod worker;

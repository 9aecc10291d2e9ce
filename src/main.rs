//! # Gloss web app
//!
//! A Yew single-page app: paste a news article, press Explain, and read it
//! with its actors and proposals highlighted, a summary on top and a card
//! for each actor or proposal. The analysis runs in a Web Worker on the
//! JavaScript API (`crates/js`), so nothing leaves the browser and the page
//! never freezes. See `docs/app.md`.
#![forbid(unsafe_code)]

mod app;
mod components;
mod dom;
mod engine;
mod export;
mod render;
mod state;

fn main() {
    yew::Renderer::<app::App>::new().render();
}

//! # Gloss web app
//!
//! A Yew single-page app: paste a news article, press Explain, and read it
//! with its actors and proposals highlighted, a summary on top and a card
//! for each actor or proposal. The analysis runs in a Web Worker that loads
//! this same wasm module ([`worker_api`]), so the core is downloaded once,
//! nothing leaves the browser and the page never freezes. See `docs/app.md`.
#![forbid(unsafe_code)]

mod app;
mod components;
mod dom;
mod engine;
mod export;
mod render;
mod state;
mod wire;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod worker_api;

fn main() {
    // In the analysis worker there is no window: only `worker_api` is used.
    if web_sys::window().is_some() {
        yew::Renderer::<app::App>::new().render();
    }
}

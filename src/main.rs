//! The Gloss web app's entry point (the app itself is the `gloss_app` library):
//! takes over from the static first paint and mounts the app.
#![forbid(unsafe_code)]

use gloss_app::app::{App, AppProps};
use gloss_app::handoff;

fn main() {
    match handoff::take() {
        Some((root, handoff)) => {
            yew::Renderer::<App>::with_root_and_props(root, AppProps { handoff }).render();
        }
        None => {
            if web_sys::window().is_some() {
                yew::Renderer::<App>::new().render();
            }
        }
    }
}

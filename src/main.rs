//! The Gloss web app's entry point (the app itself is the `gloss_app` library).
#![forbid(unsafe_code)]

fn main() {
    // In the analysis worker there is no window: only the worker's entry points are used.
    if web_sys::window().is_some() {
        yew::Renderer::<gloss_app::app::App>::new().render();
    }
}

//! The page header: name, privacy promise and the dark-mode switch.

use crate::dom;
use crate::state::{Action, State, Theme};
use yew::prelude::*;

/// Header props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

/// The page header.
#[function_component(Header)]
pub fn header(props: &Props) -> Html {
    let state = props.state.clone();
    let dark = match state.theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => dom::system_dark(),
    };
    let toggle = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let next = state.theme.toggled(dom::system_dark());
            dom::save(dom::THEME_KEY, next.as_str());
            dom::apply_theme(next.as_str());
            state.dispatch(Action::SetTheme(next));
        })
    };
    html! {
        <header class="masthead">
            <div class="brand">
                <span class="logo" aria-hidden="true">{ "G" }</span>
                <div>
                    <p class="name">{ "Gloss" }</p>
                    <p class="privacy">{ "Your text never leaves this browser." }</p>
                </div>
            </div>
            <button id="theme-toggle" class="ghost icon-button" type="button" onclick={toggle}
                aria-pressed={dark.to_string()} aria-label="Dark mode"
                title={ if dark { "Switch to light mode" } else { "Switch to dark mode" } }>
                <span aria-hidden="true">{ if dark { "☀" } else { "☾" } }</span>
                <span class="label">{ if dark { "Light" } else { "Dark" } }</span>
            </button>
        </header>
    }
}

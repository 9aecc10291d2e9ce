//! The page header: name, privacy promise and the dark-mode switch.

use crate::dom;
use crate::state::Theme;
use yew::prelude::*;

/// Header props.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The colour scheme chosen.
    pub theme: Theme,
    /// Called with the scheme the switch asks for.
    pub ontheme: Callback<Theme>,
}

/// The page header.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let theme = props.theme;
    let dark = match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::System => dom::system_dark(),
    };
    let toggle = props
        .ontheme
        .reform(move |_: MouseEvent| theme.toggled(dom::system_dark()));
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

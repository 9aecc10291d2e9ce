//! The summary panel: each sentence links to its place in the article.

use crate::ids;
use crate::state::Shared;
use gloss_core::Analysis;
use yew::prelude::*;

/// Summary props.
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// Jumps to a sentence of the article.
    pub onjump: Callback<usize>,
}

/// The summary panel.
#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let a = &props.analysis;
    // On a phone only the first sentence shows until the reader asks for
    // the rest, so that the article starts on the first screen.
    let open = use_state(|| false);
    let items: Vec<(usize, String)> = a
        .summary
        .sentences
        .iter()
        .filter_map(|&i| {
            let s = a.sentences.get(i)?;
            Some((i, a.text.get(s.start..s.end)?.trim().to_owned()))
        })
        .collect();
    if items.is_empty() {
        return html! {
            <section class="summary" aria-labelledby="summary-title">
                <h2 id="summary-title">{ "Summary" }</h2>
                <p class="muted">{ "No summary: the text is too short." }</p>
            </section>
        };
    }
    let n = items.len();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <section class={classes!("summary", (*open).then_some("open"))} aria-labelledby="summary-title">
            <h2 id="summary-title">{ "Summary" }</h2>
            <ol class="summary-list" id="summary-list">
                { for items.into_iter().map(|(i, text)| {
                    let onclick = props.onjump.reform(move |e: MouseEvent| {
                        e.prevent_default();
                        i
                    });
                    html! {
                        <li><a href={format!("#{}", ids::sentence(i))} class="summary-link" {onclick}>{ text }</a></li>
                    }
                }) }
            </ol>
            if n > 1 {
                <button type="button" class="link summary-more" aria-controls="summary-list"
                    aria-expanded={(*open).to_string()} onclick={toggle}>
                    { if *open { "Show less".to_owned() } else { format!("Show all {n} sentences") } }
                </button>
            }
        </section>
    }
}

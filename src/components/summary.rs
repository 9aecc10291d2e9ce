//! The summary panel: each sentence links to its place in the article.

use crate::components::reader::jump;
use crate::state::State;
use yew::prelude::*;

/// Summary props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

/// The summary panel.
#[function_component(Summary)]
pub fn summary(props: &Props) -> Html {
    let state = props.state.clone();
    let Some(a) = state.analysis.clone() else {
        return html! {};
    };
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
    html! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">{ "Summary" }</h2>
            <ol class="summary-list">
                { for items.into_iter().map(|(i, text)| {
                    let state = state.clone();
                    let onclick = Callback::from(move |e: MouseEvent| {
                        e.prevent_default();
                        jump(&state, i);
                    });
                    html! {
                        <li><a href={format!("#s-{i}")} class="summary-link" {onclick}>{ text }</a></li>
                    }
                }) }
            </ol>
        </section>
    }
}

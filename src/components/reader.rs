//! The result view: toolbar (edit, exports), coverage line, summary,
//! the highlighted article, the side list and the card.

use crate::components::{
    article::Article, card::Card, positions::Positions, sidebar::Sidebar, summary::Summary,
};
use crate::dom;
use crate::export;
use crate::state::{thousands, Action, State};
use yew::prelude::*;

/// Reader props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

/// Jumps to sentence `i`: scrolls it into view, focuses and flashes it.
pub fn jump(state: &UseReducerHandle<State>, i: usize) {
    state.dispatch(Action::Flash(Some(i)));
    dom::reveal(&format!("s-{i}"));
}

/// The result view.
#[function_component(Reader)]
pub fn reader(props: &Props) -> Html {
    let state = props.state.clone();
    let Some(a) = state.analysis.clone() else {
        return html! {};
    };

    // Report when the result is on screen (the Explain → rendered time).
    {
        let state = state.clone();
        use_effect_with(a.clone(), move |_| {
            state.dispatch(Action::Rendered { now: dom::now() });
        });
    }
    let copied = use_state(|| false);

    let edit = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::EditText);
            dom::focus("article-input");
        })
    };
    let json = {
        let a = a.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let result = export::json(&a).map_err(|e| e.to_string()).and_then(|j| {
                dom::download("gloss-analysis.json", "application/json", &j)
                    .map_err(|_| "the browser refused the download".to_owned())
            });
            if let Err(e) = result {
                state.dispatch(Action::Error(format!("Export failed: {e}")));
            }
        })
    };
    let markdown = {
        let a = a.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = dom::download("gloss-analysis.md", "text/markdown", &export::markdown(&a));
        })
    };
    let page = {
        let a = a.clone();
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let result = export::html(&a).and_then(|h| {
                dom::download("gloss-analysis.html", "text/html", &h)
                    .map_err(|_| "the browser refused the download".to_owned())
            });
            if let Err(e) = result {
                state.dispatch(Action::Error(format!("Export failed: {e}")));
            }
        })
    };
    let copy = {
        let a = a.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            copied.set(dom::copy(&a.summary.text));
        })
    };

    let chars = a.text.chars().count();
    let ignored: usize = a
        .ignored
        .iter()
        .filter_map(|i| a.text.get(i.start..i.end))
        .map(|s| s.chars().count())
        .sum();
    let timing = state
        .timing
        .and_then(|t| t.total_ms)
        .map(|ms| format!(" in {ms:.0} ms"))
        .unwrap_or_default();
    let render_ms = state
        .timing
        .and_then(|t| t.total_ms)
        .map(|ms| format!("{ms:.1}"));
    let analysis_ms = state.timing.map(|t| format!("{:.1}", t.analysis_ms));

    html! {
        <div class="reader" data-render-ms={render_ms} data-analysis-ms={analysis_ms}>
            <div class="toolbar" role="toolbar" aria-label="Result actions">
                <button id="edit-text" type="button" class="secondary" onclick={edit}>{ "← Edit text" }</button>
                <span class="spacer"></span>
                <button id="copy-summary" type="button" class="ghost" onclick={copy} disabled={a.summary.text.is_empty()}>
                    { if *copied { "Summary copied" } else { "Copy summary" } }
                </button>
                <button id="download-json" type="button" class="ghost" onclick={json}>{ "JSON" }</button>
                <button id="download-md" type="button" class="ghost" onclick={markdown}>{ "Markdown" }</button>
                <button id="download-html" type="button" class="ghost" onclick={page}
                    title="One self-contained page with the highlights and cards; works offline, runs no script">{ "Download HTML" }</button>
            </div>
            <p class="coverage" id="coverage">
                { format!("Analysed 100% of {} characters{timing}", thousands(chars)) }
                if ignored > 0 {
                    { format!(" · {} characters of boilerplate shown dimmed", thousands(ignored)) }
                }
                { format!(" · {}", state.status()) }
            </p>
            if let Some(err) = &state.error {
                <p class="error" role="alert">{ err.clone() }</p>
            }
            <div class="layout">
                <Summary state={state.clone()} />
                <Positions state={state.clone()} />
                <aside class="side" aria-label="Actors and proposals">
                    <Sidebar state={state.clone()} />
                </aside>
                <Article state={state.clone()} />
            </div>
            if state.selection.is_some() {
                <Card state={state.clone()} />
            }
        </div>
    }
}

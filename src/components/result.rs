//! The result view: toolbar (edit, exports), coverage line, summary,
//! the highlighted article, the side list and the card. A container: it
//! reads the state and hands each leaf component only what it shows, with
//! callbacks made once per dispatcher (so unchanged leaves skip re-rendering).

use crate::components::{
    article::Article, card::Card, positions::Positions, sidebar::Sidebar, summary::Summary,
};
use crate::engine::Jobs;
use crate::state::{tenths, thousands, Action, Category, ExportFormat, Selection, State, Target};
use crate::{dom, ids};
use yew::prelude::*;

/// Result view props.
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// App state.
    pub state: UseReducerHandle<State>,
    /// The engine's job handle (exports are made by the engine).
    pub jobs: Jobs,
}

/// The result view.
#[function_component(ResultView)]
pub fn result_view(props: &ResultProps) -> Html {
    let state = props.state.clone();
    let dispatcher = state.dispatcher();

    // Callbacks for the leaves, stable for the life of the view.
    let onjump = use_callback(dispatcher.clone(), |i: usize, d| {
        d.dispatch(Action::Flash(Some(i)));
        dom::reveal(&ids::sentence(i));
    });
    let onopen = use_callback(dispatcher.clone(), |target: Target, d| {
        d.dispatch(Action::Open(Selection { target, mention: 0 }))
    });
    let onselect = use_callback(dispatcher.clone(), |sel: Selection, d| {
        d.dispatch(Action::Open(sel))
    });
    let onstance = use_callback(dispatcher.clone(), |(proposal, stance), d| {
        d.dispatch(Action::OpenStance { proposal, stance })
    });
    let onlight = use_callback(dispatcher.clone(), |t: Option<Target>, d| {
        d.dispatch(Action::Light(t))
    });
    let ontoggle = use_callback(dispatcher.clone(), |c: Category, d| {
        d.dispatch(Action::Toggle(c))
    });
    let onstep = use_callback(dispatcher.clone(), |step: i32, d| {
        d.dispatch(Action::Step(step))
    });
    let onclose = use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::Close));

    // Report when the result is on screen (the Explain → rendered time).
    {
        let dispatcher = dispatcher.clone();
        use_effect_with(state.analysis.clone(), move |_| {
            dispatcher.dispatch(Action::Rendered { now: dom::now() });
        });
    }
    let copied = use_state(|| false);
    let Some(a) = state.analysis.clone() else {
        return html! {};
    };

    let edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::EditText);
            dom::focus(ids::INPUT);
        })
    };
    let export = |format: ExportFormat| {
        let (jobs, encoded) = (props.jobs.clone(), state.encoded.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(encoded) = &encoded {
                jobs.export(encoded, format);
            }
        })
    };
    let busy = state.pending_export.is_some();
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
        .map(|ms| format!(" in {} ms", (ms + 0.5) as u64))
        .unwrap_or_default();
    let render_ms = state.timing.and_then(|t| t.total_ms).map(tenths);
    let analysis_ms = state.timing.map(|t| tenths(t.analysis_ms));

    html! {
        <div class="reader" data-render-ms={render_ms} data-analysis-ms={analysis_ms}>
            <div class="toolbar" role="toolbar" aria-label="Result actions">
                <button id="edit-text" type="button" class="secondary" onclick={edit}>{ "← Edit text" }</button>
                <span class="spacer"></span>
                <button id="copy-summary" type="button" class="ghost" onclick={copy} disabled={a.summary.text.is_empty()}>
                    { if *copied { "Summary copied" } else { "Copy summary" } }
                </button>
                <button id="download-json" type="button" class="ghost" onclick={export(ExportFormat::Json)} disabled={busy}>{ "JSON" }</button>
                <button id="download-md" type="button" class="ghost" onclick={export(ExportFormat::Markdown)} disabled={busy}>{ "Markdown" }</button>
                <button id="download-html" type="button" class="ghost" onclick={export(ExportFormat::Html)} disabled={busy}
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
                <Summary analysis={a.clone()} onjump={onjump.clone()} />
                <Positions analysis={a.clone()} onopen={onopen.clone()} onstance={onstance} />
                <aside class="side" aria-label="Actors and proposals">
                    <Sidebar analysis={a.clone()} hidden={state.hidden} lit={state.lit}
                        onopen={onopen.clone()} onlight={onlight.clone()} {ontoggle} />
                </aside>
                <Article analysis={a.clone()} lit={state.lit} selection={state.selection}
                    flash={state.flash} hidden={state.hidden} {onselect} {onlight} />
            </div>
            if let Some(selection) = state.selection {
                <Card analysis={a} {selection} stance={state.stance} glossary={state.glossary.clone()}
                    {onopen} {onjump} {onstep} {onclose} />
            }
        </div>
    }
}

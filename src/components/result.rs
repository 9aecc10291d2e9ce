//! The result view (the app puts a "Skip to article" link before the page
//! header). In reading (and DOM, and Tab) order: the toolbar, the headline, the counts, "Who wants
//! what" (the digest), the summary, "Who
//! stands where", the article, "Who said what", then the index of actors and
//! proposals (a side column on wide screens, a sheet behind a bottom tab on
//! phones) and the card. A container: it reads the state and hands each leaf
//! component only what it shows, with callbacks made once per dispatcher (so
//! unchanged leaves skip re-rendering).

use crate::components::article::{Article, Headline};
use crate::components::{
    card::Card, digest::Digest, positions::Positions, quotes::Quotes, sidebar::Sidebar,
    summary::Summary,
};
use crate::engine::Jobs;
use crate::state::{
    counts, tenths, thousands, Action, Category, ExportFormat, Selection, State, Target,
};
use crate::worker::wire;
use crate::{dom, ids};
use gloss_render::corrections::Correction;
use gloss_render::layout::{layout, Paragraph};
use gloss_render::masthead::masthead;
use std::rc::Rc;
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
    let oncorrect = use_callback(dispatcher.clone(), |c: Correction, d| {
        d.dispatch(Action::Correct(c))
    });

    // The laid-out paragraphs, shared by the headline and the article.
    let paragraphs: Rc<Vec<Paragraph>> = {
        let a = state.analysis.clone();
        (*use_memo(a, |a| {
            Rc::new(a.as_ref().map(|a| layout(a)).unwrap_or_default())
        }))
        .clone()
    };

    // Report when the result is on screen (the Explain → rendered time).
    {
        let dispatcher = dispatcher.clone();
        use_effect_with(state.analysis.clone(), move |_| {
            dispatcher.dispatch(Action::Rendered { now: dom::now() });
        });
    }
    // After Explain (not after a restore or a correction), focus moves to the headline.
    use_effect_with(state.explained, |&n| {
        if n > 0 {
            dom::focus(ids::RESULT_TITLE);
        }
    });
    let copied = use_state(|| false);
    let Some(a) = state.analysis.clone() else {
        return html! {};
    };
    let narrow = dom::narrow();
    let top = masthead(&a);
    let headline = top.headline.is_some() && !paragraphs.is_empty();
    // The article starts after the headline and the byline and date lines
    // the header already shows.
    let from = if headline { top.body_start(&a) } else { 0 };

    let edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(Action::EditText);
            dom::focus(ids::INPUT);
        })
    };
    let export = |format: ExportFormat| {
        let (jobs, encoded) = (props.jobs.clone(), state.encoded.clone());
        let corrections = wire::encode_corrections(&state.corrections);
        Callback::from(move |_: MouseEvent| {
            if let Some(encoded) = &encoded {
                jobs.export(encoded, format, &corrections);
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
    let labels = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ToggleLabels))
    };
    let index_tab = {
        let (dispatcher, open) = (dispatcher.clone(), state.index_open);
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ToggleIndex(!open)))
    };
    let undo = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Undo))
    };
    let undo_all = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::UndoAll))
    };

    let chars = a.text.chars().count();
    let ignored: usize = a
        .ignored
        .iter()
        .filter_map(|i| a.text.get(i.start..i.end))
        .map(|s| s.chars().count())
        .sum();
    let total_ms = state.timing.and_then(|t| t.total_ms);
    let timing = total_ms
        .map(|ms| format!(" in {} ms", (ms + 0.5) as u64))
        .unwrap_or_default();
    let render_ms = total_ms.map(tenths);
    let analysis_ms = state.timing.map(|t| tenths(t.analysis_ms));
    let applied = state.outcomes.iter().filter(|o| o.applied).count();
    let positions = html! {
        <Positions analysis={a.clone()} onopen={onopen.clone()} onstance={onstance} {narrow} />
    };
    let last = state.outcomes.last().map(|o| o.description.clone());

    html! {
        <div class={classes!("reader", state.show_labels.then_some("show-labels"), state.index_open.then_some("index-open"))}
            data-render-ms={render_ms} data-analysis-ms={analysis_ms}>
            <div class="toolbar" role="toolbar" aria-label="Result actions">
                <button id="edit-text" type="button" class="secondary" onclick={edit}>{ "← Edit text" }</button>
                <span class="spacer"></span>
                <button id="show-labels" type="button" class="ghost" aria-pressed={state.show_labels.to_string()} onclick={labels}
                    title="Print a kind tag after each highlight">{ "Show labels" }</button>
                <button id="copy-summary" type="button" class="ghost" onclick={copy} disabled={a.summary.text.is_empty()}>
                    { if *copied { "Summary copied" } else { "Copy summary" } }
                </button>
                <button id="download-json" type="button" class="ghost" onclick={export(ExportFormat::Json)} disabled={busy}>{ "JSON" }</button>
                <button id="download-md" type="button" class="ghost" onclick={export(ExportFormat::Markdown)} disabled={busy}>{ "Markdown" }</button>
                <button id="download-html" type="button" class="ghost" onclick={export(ExportFormat::Html)} disabled={busy}
                    title="One self-contained page with the highlights and cards; works offline, runs no script">{ "HTML" }</button>
            </div>
            <header class="result-head">
                if headline {
                    <Headline analysis={a.clone()} paragraphs={paragraphs.clone()} lit={state.lit}
                        selection={state.selection} flash={state.flash} hidden={state.hidden}
                        onselect={onselect.clone()} onlight={onlight.clone()} />
                } else {
                    <h1 id={ids::RESULT_TITLE} class="result-title untitled" tabindex="-1">{ "Your article, explained" }</h1>
                }
                if let Some(credit) = top.credit() {
                    <p class="credit">{ credit }</p>
                }
                <p class="counts" id="coverage">{ counts(&a) }</p>
                <details class="analysis-details">
                    <summary>{ "How it was analysed" }</summary>
                    <p>
                        { format!("Analysed 100% of {} characters{timing}", thousands(chars)) }
                        if ignored > 0 {
                            { format!(" · {} characters of boilerplate shown dimmed", thousands(ignored)) }
                        }
                        { ". Nothing left this browser." }
                    </p>
                </details>
                <p class="shortcuts" aria-hidden="true">{ "j / k: next / previous highlight · Enter: open · Esc: close" }</p>
            </header>
            if !state.corrections.is_empty() {
                <div class="corrections-bar" role="status">
                    <span>{ format!("{} · kept in this browser", gloss_render::vocab::count(applied, "correction", "corrections")) }
                        if let Some(l) = last { <span class="muted">{ format!(" · last: {l}") }</span> }</span>
                    <button id="undo" type="button" class="secondary small" onclick={undo}>{ "Undo" }</button>
                    <button id="undo-all" type="button" class="ghost small" onclick={undo_all}>{ "Undo all" }</button>
                </div>
            }
            if let Some(err) = &state.error {
                <p class="error" role="alert">{ err.clone() }</p>
            }
            <div class="layout">
                <Digest analysis={a.clone()} onopen={onopen.clone()} onjump={onjump.clone()} />
                <Summary analysis={a.clone()} onjump={onjump.clone()} />
                // On a phone the article comes right after the summary.
                if !narrow { { positions.clone() } }
                <Article analysis={a.clone()} paragraphs={paragraphs.clone()} {from}
                    lit={state.lit} selection={state.selection} flash={state.flash} hidden={state.hidden}
                    onselect={onselect.clone()} onlight={onlight.clone()} onclose={onclose.clone()} />
                if narrow { { positions } }
                <Quotes analysis={a.clone()} onopen={onopen.clone()} onjump={onjump.clone()} />
                <aside class="side" id={ids::INDEX} aria-label="Index of actors and proposals">
                    <Sidebar analysis={a.clone()} hidden={state.hidden} lit={state.lit}
                        onopen={onopen.clone()} onlight={onlight.clone()} {ontoggle} />
                </aside>
            </div>
            <button id="index-tab" class="index-tab" type="button" aria-controls={ids::INDEX}
                aria-expanded={state.index_open.to_string()} onclick={index_tab}>
                { if state.index_open { "✕ Close the index".to_owned() } else {
                    format!("☰ Index · {} actors · {} proposals", a.actors.len(), a.proposals.len()) } }
            </button>
            if let Some(selection) = state.selection {
                <Card analysis={a} {selection} stance={state.stance} glossary={state.glossary.clone()}
                    {onopen} {onjump} {onstep} {onclose} {onselect} {oncorrect} />
            }
        </div>
    }
}

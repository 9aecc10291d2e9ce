//! The root component: owns the state, the analysis engine and the
//! document-level keyboard shortcuts, and switches between the paste area
//! and the result view.

use crate::components::editor::{Editor, SAMPLE};
use crate::components::{header::Header, result::ResultView};
use crate::dom;
use crate::engine::{Engine, Jobs, Reply};
use crate::handoff::Handoff;
use crate::ids;
use crate::state::{Action, EngineStatus, Phase, Selection, State, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The open card and the stance-map edge it came from, for the Esc handler.
type OpenCard = (Selection, Option<usize>);

/// App props.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What the reader did on the static page before the app started.
    #[prop_or_default]
    pub handoff: Handoff,
}

/// The value of `<html data-engine>`: "loading", "ready" or "unavailable"
/// (tests and scripts wait for "ready").
fn engine_attribute(status: &EngineStatus) -> &'static str {
    match status {
        EngineStatus::Loading { .. } => "loading",
        EngineStatus::Ready => "ready",
        EngineStatus::Unavailable(_) => "unavailable",
    }
}

/// The app.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let handoff = props.handoff.clone();
    let state = use_reducer(move || {
        let theme = Theme::parse(&dom::load(dom::THEME_KEY).unwrap_or_default());
        dom::apply_theme(theme.as_str());
        let text = handoff
            .text
            .or_else(|| dom::load(dom::TEXT_KEY))
            .unwrap_or_default();
        State {
            text: text.into(),
            theme,
            ..State::default()
        }
    });

    let engine = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            let engine = Engine::new(move |reply| match reply {
                Reply::Progress { loaded, total } => {
                    dispatcher.dispatch(Action::Engine(EngineStatus::Loading { loaded, total }))
                }
                Reply::Ready => dispatcher.dispatch(Action::Engine(EngineStatus::Ready)),
                Reply::Unavailable { message } => {
                    dispatcher.dispatch(Action::Engine(EngineStatus::Unavailable(message)))
                }
                Reply::Analysed { id, encoded, ms } => dispatcher.dispatch(Action::Analysed {
                    job: id,
                    encoded: encoded.into(),
                    ms,
                }),
                Reply::Extracted { id, text } => {
                    dispatcher.dispatch(Action::Extracted { job: id, text })
                }
                Reply::Failed { id, message } => {
                    dispatcher.dispatch(Action::Failed { job: id, message })
                }
            });
            engine.warm_up();
            engine
        })
    };
    let jobs = Jobs::new(engine.clone(), state.clone());

    // A failed job may leave the worker's wasm instance broken: replace it.
    {
        let engine = engine.clone();
        use_effect_with(state.failures, move |&n| {
            if n > 0 {
                engine.restart();
            }
        });
    }
    // An export the engine made: hand it to the browser.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.download.clone(), move |d| {
            if let Some(d) = d {
                if dom::download(d.format.file_name(), d.format.mime(), &d.content).is_err() {
                    dispatcher.dispatch(Action::Error(
                        "The browser refused the download.".to_owned(),
                    ));
                }
                dispatcher.dispatch(Action::Downloaded);
            }
        });
    }
    // `<html data-engine="ready">` once the engine can analyse.
    use_effect_with(state.engine.clone(), |status| {
        dom::set_root_attribute("data-engine", engine_attribute(status));
    });
    // Finish what the reader started on the static page: the caret, and a
    // button pressed before the app was running.
    {
        let (jobs, state) = (jobs.clone(), state.clone());
        let handoff = props.handoff.clone();
        use_effect_with((), move |_| {
            if let Some((start, end)) = handoff.selection {
                dom::focus_with_selection(ids::INPUT, start, end);
            }
            match handoff.pending.as_deref() {
                Some("explain") => jobs.explain(&state.text),
                Some("try-sample") => {
                    state.dispatch(Action::SetText(SAMPLE.into()));
                    jobs.explain(SAMPLE);
                }
                _ => {}
            }
        });
    }

    // Esc closes the card and returns focus to its mention; j/k move between highlights.
    let current: Rc<RefCell<Option<OpenCard>>> = use_mut_ref(|| None);
    *current.borrow_mut() = state.selection.map(|s| (s, state.stance));
    {
        let dispatcher = state.dispatcher();
        let current = current.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(
                move |e: web_sys::KeyboardEvent| {
                    let key = e.key();
                    if (key == "j" || key == "k") && !e.ctrl_key() && !e.meta_key() && !e.alt_key()
                    {
                        if dom::step_highlight(if key == "j" { 1 } else { -1 }) {
                            e.prevent_default();
                        }
                        return;
                    }
                    if key == "Escape" {
                        let sel = *current.borrow();
                        if let Some((sel, stance)) = sel {
                            e.prevent_default();
                            dispatcher.dispatch(Action::Close);
                            dom::focus(&ids::return_focus(sel, stance));
                        }
                    }
                },
            );
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &document {
                let _ = d
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = &document {
                    let _ = d.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let ontheme = use_callback(state.dispatcher(), |theme: Theme, dispatcher| {
        dom::save(dom::THEME_KEY, theme.as_str());
        dom::apply_theme(theme.as_str());
        dispatcher.dispatch(Action::SetTheme(theme));
    });

    let reading = state.phase == Phase::Read && state.analysis.is_some();
    html! {
        <div class="app">
            <Header theme={state.theme} {ontheme} />
            <p class="sr-only" role="status" aria-live="polite" id="status">{ state.status() }</p>
            <main id="main">
                if reading {
                    <ResultView state={state.clone()} jobs={jobs.clone()} />
                } else {
                    <Editor state={state.clone()} jobs={jobs} />
                }
            </main>
            <footer class="footer">
                <p>{ "Gloss finds who is who and who wants what in a news story, entirely in your browser. Automatic analysis can be wrong: check the quoted evidence." }</p>
            </footer>
        </div>
    }
}

//! The root component: owns the state, the analysis engine and the
//! document-level keyboard shortcuts, and switches between the paste area
//! and the result view.

use crate::components::{editor::Editor, header::Header, result::ResultView};
use crate::dom;
use crate::engine::{Engine, Jobs, Reply};
use crate::ids;
use crate::state::{Action, Phase, Selection, State, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The open card and the stance-map edge it came from, for the Esc handler.
type OpenCard = (Selection, Option<usize>);

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let theme = Theme::parse(&dom::load(dom::THEME_KEY).unwrap_or_default());
        dom::apply_theme(theme.as_str());
        State {
            text: dom::load(dom::TEXT_KEY).unwrap_or_default().into(),
            theme,
            ..State::default()
        }
    });

    let engine = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            let engine = Engine::new(move |reply| match reply {
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

    // A failed job may leave the worker's wasm instance broken: restart it.
    {
        let engine = engine.clone();
        use_effect_with(state.error.clone(), move |e| {
            if e.is_some() {
                engine.stop();
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
                    <ResultView state={state.clone()} />
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

//! The root component: owns the state, the analysis worker and the
//! document-level keyboard shortcuts, and switches between the paste area
//! and the reader.

use crate::components::{editor::Editor, header::Header, reader::Reader};
use crate::dom;
use crate::engine::{Engine, Reply};
use crate::state::{self, Action, Phase, Selection, State, Theme};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The reference article, embedded at build time for "Try the sample".
pub const SAMPLE: &str = include_str!("../www/samples/moscow-talks.txt");

/// The DOM id of a mention element.
pub fn mention_id(sel: Selection) -> String {
    match sel.target {
        state::Target::Actor(a) => format!("m-a{a}-{}", sel.mention),
        state::Target::Proposal(p) => format!("m-p{p}-{}", sel.mention),
    }
}

/// Id of a stance-map edge (proposal `p`, stance `s`).
pub fn edge_id(p: usize, s: usize) -> String {
    format!("edge-{p}-{s}")
}

/// Where focus returns when the card closes: the stance-map edge it was
/// opened from, else its current mention.
pub fn return_focus_id(sel: Selection, stance: Option<usize>) -> String {
    match (sel.target, stance) {
        (state::Target::Proposal(p), Some(s)) => edge_id(p, s),
        _ => mention_id(sel),
    }
}

/// The open card and the stance-map edge it came from, for the Esc handler.
type OpenCard = (Selection, Option<usize>);

/// Handle to the worker that components use to start jobs.
#[derive(Clone)]
pub struct Jobs {
    engine: Rc<Engine>,
    state: UseReducerHandle<State>,
}

impl PartialEq for Jobs {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.engine, &other.engine)
    }
}

impl Jobs {
    /// Analyses `text` (validated first; errors are shown, the text kept).
    pub fn explain(&self, text: &str) {
        if let Err(e) = state::validate(text) {
            self.state.dispatch(Action::Error(e));
            return;
        }
        let now = dom::now();
        dom::save(dom::TEXT_KEY, text);
        match self.engine.post("analyze", text, "text") {
            Ok(job) => self.state.dispatch(Action::Started { job, now }),
            Err(e) => self.state.dispatch(Action::Error(format!(
                "Gloss could not start the analysis: {e}. Your text is kept."
            ))),
        }
    }

    /// Converts HTML to text and inserts it over the UTF-16 selection.
    pub fn insert_html(&self, html: &str, start: u32, end: u32) -> bool {
        match self.engine.post("extract", html, "html") {
            Ok(job) => {
                self.state.dispatch(Action::AwaitInsert { job, start, end });
                true
            }
            Err(_) => false,
        }
    }

    /// Stops the running analysis.
    pub fn cancel(&self) {
        self.engine.stop();
        self.state.dispatch(Action::Cancel);
    }
}

/// The app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let theme = Theme::parse(&dom::load(dom::THEME_KEY).unwrap_or_default());
        dom::apply_theme(theme.as_str());
        State {
            text: dom::load(dom::TEXT_KEY).unwrap_or_default(),
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
    let jobs = Jobs {
        engine: engine.clone(),
        state: state.clone(),
    };

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
                            dom::focus(&return_focus_id(sel, stance));
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

    let reading = state.phase == Phase::Read && state.analysis.is_some();
    html! {
        <div class="app">
            <Header state={state.clone()} />
            <p class="sr-only" role="status" aria-live="polite" id="status">{ state.status() }</p>
            <main id="main">
                if reading {
                    <Reader state={state.clone()} />
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

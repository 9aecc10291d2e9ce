//! The root component: owns the state, the analysis engine and the
//! document-level keyboard shortcuts, and switches between the paste area
//! and the result view. It also keeps the last result and the reader's
//! corrections in this browser (so a reload shows them again, keyed by a
//! hash of the text and the engine's version), and receives a page from the
//! "Explain this page" bookmarklet.

use crate::components::editor::{Editor, SAMPLE};
use crate::components::{header::Header, result::ResultView};
use crate::dom;
use crate::engine::{Engine, Jobs, Reply};
use crate::handoff::Handoff;
use crate::ids;
use crate::state::{text_hash, Action, EngineStatus, Notice, Phase, Selection, State, Theme};
use crate::worker::wire;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::UseReducerDispatcher;

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

/// The result kept in this browser for `text`, if it was made by this
/// engine version, with the corrections kept for the same text.
fn kept_result(text: &str) -> Option<Action> {
    if text.trim().is_empty() {
        return None;
    }
    let stored = dom::load(dom::RESULT_KEY)?;
    let mut parts = stored.splitn(3, '\n');
    let (hash, version, encoded) = (parts.next()?, parts.next()?, parts.next()?);
    let want = text_hash(text);
    if hash != want || version != crate::engine::version() || version.is_empty() {
        return None;
    }
    Some(Action::Restore {
        encoded: encoded.into(),
        corrections: kept_corrections(&want),
        hash: want.into(),
    })
}

/// The corrections kept in this browser for the text with this hash.
fn kept_corrections(hash: &str) -> Vec<crate::state::Correction> {
    dom::load(&format!("{}{hash}", dom::CORRECTIONS_KEY))
        .and_then(|s| wire::decode_corrections(&s))
        .unwrap_or_default()
}

/// Listens for the page the bookmarklet hands over (only when this tab was
/// opened by it): tells the opener it is ready, then takes one message of
/// the expected shape from it and treats its HTML as a rich-text paste.
fn receive_page(
    jobs: Jobs,
    dispatcher: UseReducerDispatcher<State>,
) -> Option<Closure<dyn FnMut(web_sys::MessageEvent)>> {
    let window = web_sys::window()?;
    let location = window.location();
    if location.hash().ok()?.as_str() != "#from=bookmarklet" {
        return None;
    }
    if let Ok(history) = window.history() {
        let path = location.pathname().unwrap_or_default();
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
    }
    let opener = window
        .opener()
        .ok()
        .filter(|o| !o.is_null() && !o.is_undefined());
    let Some(opener) = opener else {
        dispatcher.dispatch(Action::Error("The bookmarklet opened Gloss, but the page could not hand over its article (the site keeps other windows from talking to it). Copy the article's text and paste it here.".to_owned()));
        return None;
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(false));
    let from = opener.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let same = e.source().is_some_and(|s| js_sys::Object::is(&s, &from));
            if done.get() || !same {
                return;
            }
            let Some(page) = crate::engine::page_message(&e.data()) else {
                return;
            };
            done.set(true);
            dispatcher.dispatch(Action::Notice(Some(Notice::FromPage {
                title: page.title,
                host: page.host,
            })));
            dispatcher.dispatch(Action::ExplainAfterInsert);
            if !jobs.insert_html(&page.html, 0, u32::MAX) {
                dispatcher.dispatch(Action::Error(
                    "Gloss could not read the page it was handed.".to_owned(),
                ));
            }
        });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &"type".into(), &"gloss:ready".into());
    // The opener is another site's window: `instanceof Window` is false
    // across origins, but postMessage is allowed.
    let _ = opener
        .unchecked_ref::<web_sys::Window>()
        .post_message(&ready, "*");
    Some(listener)
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
        let mut state = State {
            text: text.into(),
            theme,
            ..State::default()
        };
        if let Some(restore) = kept_result(&state.text) {
            state.apply(restore);
        }
        state
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
    // A new result from Explain: keep it for a reload, and bring back the
    // corrections kept for this text.
    {
        let (state, dispatcher) = (state.clone(), state.dispatcher());
        use_effect_with(state.explained, move |&n| {
            if n == 0 {
                return;
            }
            if let (Some(hash), Some(encoded)) = (&state.result_of, &state.encoded) {
                let kept = format!("{hash}\n{}\n{encoded}", crate::engine::version());
                if !dom::save(dom::RESULT_KEY, &kept) {
                    dom::remove(dom::RESULT_KEY);
                }
                let list = kept_corrections(hash);
                if !list.is_empty() {
                    dispatcher.dispatch(Action::Corrections(list));
                }
            }
        });
    }
    // The reader corrected (or undid): keep the list for this text.
    {
        let state = state.clone();
        use_effect_with(state.corrections_rev, move |&n| {
            if n == 0 {
                return;
            }
            if let Some(hash) = &state.result_of {
                let key = format!("{}{hash}", dom::CORRECTIONS_KEY);
                if state.corrections.is_empty() {
                    dom::remove(&key);
                } else {
                    dom::save(&key, &wire::encode_corrections(&state.corrections));
                }
            }
        });
    }
    // A page from the bookmarklet has landed in the paste area: explain it.
    {
        let (jobs, state) = (jobs.clone(), state.clone());
        use_effect_with(state.insert_landed, move |&n| {
            if n > 0 {
                jobs.explain(&state.text);
            }
        });
    }
    // This tab was opened by the bookmarklet: receive its page.
    {
        let (jobs, dispatcher) = (jobs.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let listener = receive_page(jobs, dispatcher);
            move || {
                if let (Some(l), Some(w)) = (listener, web_sys::window()) {
                    let _ = w
                        .remove_event_listener_with_callback("message", l.as_ref().unchecked_ref());
                }
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
    let skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        dom::reveal(ids::ARTICLE);
    });
    html! {
        <div class="app">
            if reading {
                <a class="skip-link" href={format!("#{}", ids::ARTICLE)} onclick={skip}>{ "Skip to article" }</a>
            }
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
                <p class="offline-note">{ "Saved in this browser: Gloss works here without a connection." }</p>
            </footer>
        </div>
    }
}

//! The page's side of the analysis engine: [`Engine`] owns the worker
//! (`src/worker/worker.js`, which downloads the `gloss-engine` wasm module in
//! the background and calls [`crate::worker::api`] through it), reports its
//! download progress and readiness, and restarts it after a crash or Cancel;
//! [`Jobs`] is the handle components use to start analyses and HTML
//! conversions. The protocol is described in [`crate::worker`].

use crate::dom;
use crate::state::{self, Action, ExportFormat, State};
use js_sys::Reflect;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::UseReducerHandle;

/// What the worker sent back.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The engine is downloading: bytes so far and in all.
    Progress {
        /// Bytes received.
        loaded: u64,
        /// Bytes in all (0: unknown).
        total: u64,
    },
    /// The engine can analyse.
    Ready,
    /// The engine could not be loaded (offline on a first visit, a
    /// download or compile error); jobs sent to this worker fail.
    Unavailable {
        /// What went wrong.
        message: String,
    },
    /// An analysis ([`crate::worker::wire`] encoding, byte offsets) and the time spent.
    Analysed {
        /// Job id.
        id: u32,
        /// The encoded analysis.
        encoded: String,
        /// Milliseconds in the core.
        ms: f64,
    },
    /// Text extracted from HTML.
    Extracted {
        /// Job id.
        id: u32,
        /// Plain text.
        text: String,
    },
    /// A job or the worker failed (`id` is `None` for a crash).
    Failed {
        /// Job id, when known.
        id: Option<u32>,
        /// Message.
        message: String,
    },
}

type Handler = Rc<dyn Fn(Reply)>;

struct Running {
    worker: web_sys::Worker,
    /// Set by the worker's `error` event (e.g. worker.js failed to load or
    /// threw at start-up, possibly before any job was sent): the next job
    /// starts a fresh worker instead of waiting forever on this one.
    broken: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

/// Owns the worker; restarts it after a crash or cancel.
pub struct Engine {
    running: RefCell<Option<Running>>,
    next_id: RefCell<u32>,
    handler: Handler,
}

fn field(v: &JsValue, name: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn parse_reply(data: &JsValue) -> Reply {
    if field(data, "progress").as_bool() == Some(true) {
        let bytes = |name| field(data, name).as_f64().unwrap_or(0.0).max(0.0) as u64;
        return Reply::Progress {
            loaded: bytes("loaded"),
            total: bytes("total"),
        };
    }
    match field(data, "ready").as_bool() {
        Some(true) => return Reply::Ready,
        Some(false) => {
            return Reply::Unavailable {
                message: field(data, "error")
                    .as_string()
                    .unwrap_or_else(|| "the analyser could not be loaded".into()),
            }
        }
        None => {}
    }
    let id = field(data, "id").as_f64().map(|x| x as u32);
    let ok = field(data, "ok").as_bool().unwrap_or(false);
    let Some(id) = id else {
        return Reply::Failed {
            id: None,
            message: "the worker sent an unexpected message".into(),
        };
    };
    if !ok {
        let message = field(data, "error")
            .as_string()
            .unwrap_or_else(|| "unknown error".into());
        return Reply::Failed {
            id: Some(id),
            message,
        };
    }
    if let Some(encoded) = field(data, "encoded").as_string() {
        Reply::Analysed {
            id,
            encoded,
            ms: field(data, "ms").as_f64().unwrap_or(0.0),
        }
    } else {
        Reply::Extracted {
            id,
            text: field(data, "text").as_string().unwrap_or_default(),
        }
    }
}

impl Engine {
    /// A new engine that reports every reply to `handler`.
    pub fn new(handler: impl Fn(Reply) + 'static) -> Self {
        Engine {
            running: RefCell::new(None),
            next_id: RefCell::new(1),
            handler: Rc::new(handler),
        }
    }

    fn spawn(&self) -> Result<(), JsValue> {
        if self.running.borrow().is_some() {
            return Ok(());
        }
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&worker_url(), &opts)?;
        let h = self.handler.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                h(parse_reply(&e.data()))
            });
        let h = self.handler.clone();
        let broken = Rc::new(Cell::new(false));
        let flag = broken.clone();
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                e.prevent_default();
                flag.set(true);
                let msg = e.message();
                h(Reply::Failed {
                    id: None,
                    message: if msg.is_empty() {
                        "the analysis worker stopped".into()
                    } else {
                        msg
                    },
                })
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        *self.running.borrow_mut() = Some(Running {
            worker,
            broken,
            _on_message: on_message,
            _on_error: on_error,
        });
        Ok(())
    }

    /// Starts the worker ahead of time so the first analysis is quick.
    pub fn warm_up(&self) {
        let _ = self.spawn();
    }

    /// Sends a job; returns its id.
    pub fn post(&self, kind: &str, text: &str, input: &str) -> Result<u32, String> {
        self.post_with(kind, text, input, "")
    }

    /// Sends a job with the reader's corrections (wire-encoded); returns its id.
    pub fn post_with(
        &self,
        kind: &str,
        text: &str,
        input: &str,
        corrections: &str,
    ) -> Result<u32, String> {
        let broken = self
            .running
            .borrow()
            .as_ref()
            .is_some_and(|r| r.broken.get());
        if broken {
            self.stop();
        }
        self.spawn().map_err(describe)?;
        let id = {
            let mut n = self.next_id.borrow_mut();
            let id = *n;
            *n = n.wrapping_add(1);
            id
        };
        let msg = js_sys::Object::new();
        let set = |k: &str, v: JsValue| Reflect::set(&msg, &JsValue::from_str(k), &v);
        set("id", JsValue::from(id)).map_err(describe)?;
        set("kind", JsValue::from_str(kind)).map_err(describe)?;
        set("text", JsValue::from_str(text)).map_err(describe)?;
        set("input", JsValue::from_str(input)).map_err(describe)?;
        set("corrections", JsValue::from_str(corrections)).map_err(describe)?;
        let running = self.running.borrow();
        let worker = running
            .as_ref()
            .ok_or("the analysis worker is not running")?;
        worker.worker.post_message(&msg).map_err(describe)?;
        Ok(id)
    }

    /// Stops the worker; the next job starts a fresh one.
    pub fn stop(&self) {
        if let Some(r) = self.running.borrow_mut().take() {
            r.worker.terminate();
        }
    }

    /// Replaces the worker with a fresh one (after Cancel, or after a job
    /// failed: a trapped wasm instance is not reused), so the next job finds
    /// the engine loaded again (from the HTTP cache).
    pub fn restart(&self) {
        self.stop();
        (self.handler)(Reply::Progress {
            loaded: 0,
            total: 0,
        });
        self.warm_up();
    }
}

/// The worker script's (hashed) address, from the page's
/// `<meta name="gloss-engine" data-worker="…">` (written by the build).
fn worker_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=gloss-engine]").ok().flatten())
        .and_then(|m| m.get_attribute("data-worker"))
        .unwrap_or_else(|| "./worker.js".to_owned())
}

/// A page handed over by the "Explain this page" bookmarklet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// Its HTML (untrusted: it is converted like pasted rich text).
    pub html: String,
    /// Its title, shortened.
    pub title: String,
    /// Its site.
    pub host: String,
}

/// Largest page the bookmarklet may hand over (HTML, UTF-16 units).
pub const MAX_PAGE_UNITS: u32 = 20 * 1024 * 1024;

/// Checks a message's shape: `{type: "gloss:page", version: 1, html, title?, url?}`
/// with string fields and HTML of a sane size; anything else is ignored.
pub fn page_message(data: &JsValue) -> Option<Page> {
    if field(data, "type").as_string().as_deref() != Some("gloss:page")
        || field(data, "version").as_f64() != Some(1.0)
    {
        return None;
    }
    let html = field(data, "html");
    let length = html.dyn_ref::<js_sys::JsString>()?.length();
    if length == 0 || length > MAX_PAGE_UNITS {
        return None;
    }
    let title: String = field(data, "title")
        .as_string()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(120)
        .collect();
    let url = field(data, "url").as_string().unwrap_or_default();
    let host: String = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or("")
        .chars()
        .take(80)
        .collect();
    Some(Page {
        html: html.as_string()?,
        title: if title.is_empty() {
            "Untitled page".to_owned()
        } else {
            title
        },
        host: if host.is_empty() {
            "an unknown site".to_owned()
        } else {
            host
        },
    })
}

/// The engine's version (its hashed module name, from the same meta tag):
/// what a cached result is keyed by besides the text.
pub fn version() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=gloss-engine]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

fn describe(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the browser refused to start the analysis".into())
}

/// Handle to the engine that components use to start jobs; their replies
/// reach the state through the handler the app gave [`Engine::new`].
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
    /// A handle to `engine` that reports to `state`.
    pub fn new(engine: Rc<Engine>, state: UseReducerHandle<State>) -> Self {
        Jobs { engine, state }
    }

    /// Analyses `text` (validated first; errors are shown, the text kept).
    pub fn explain(&self, text: &str) {
        if let Err(e) = state::validate(text) {
            self.state.dispatch(Action::Error(e));
            return;
        }
        let now = dom::now();
        dom::save(dom::TEXT_KEY, text);
        match self.engine.post("analyze", text, "text") {
            Ok(job) => self.state.dispatch(Action::Started {
                job,
                now,
                hash: state::text_hash(text).into(),
            }),
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

    /// Asks the engine for an export of the current result; the state
    /// offers it as a download when it arrives.
    pub fn export(&self, encoded: &str, format: ExportFormat, corrections: &str) {
        match self
            .engine
            .post_with("export", encoded, format.engine_name(), corrections)
        {
            Ok(job) => self.state.dispatch(Action::AwaitExport { job, format }),
            Err(e) => self.state.dispatch(Action::Error(format!(
                "The download could not be made: {e}."
            ))),
        }
    }

    /// Stops the running analysis.
    pub fn cancel(&self) {
        self.engine.restart();
        self.state.dispatch(Action::Cancel);
    }
}

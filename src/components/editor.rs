//! The paste area: textarea, Explain, the sample, files (pick or drop; a
//! PDF or an image is refused with what to do instead), rich-text paste
//! (converted, with a report of what was kept and "paste as plain text
//! instead"), a bare web address (Gloss fetches nothing: a message says
//! what to do), the "Explain this page" bookmarklet, the engine's download
//! progress, progress with Cancel, and errors (the text is kept).

use crate::dom;
use crate::engine::Jobs;
use crate::ids;
use crate::state::{
    file_refusal, human_bytes, is_bare_url, looks_binary, not_text, Action, Notice, PasteReport,
    Phase, State, MAX_INPUT_BYTES,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// The reference article, embedded at build time for "Try the sample".
pub const SAMPLE: &str = include_str!("../../www/samples/moscow-talks.txt");

/// Texts up to this size are saved to localStorage on every keystroke
/// (larger ones when Explain is pressed).
const AUTOSAVE_BYTES: usize = 256 * 1024;

/// Editor props.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// App state (the editor is a container: it reads the text, phase and
    /// error, and starts jobs).
    pub state: UseReducerHandle<State>,
    /// The engine's job handle.
    pub jobs: Jobs,
}

fn is_html_file(file: &web_sys::File) -> bool {
    let name = file.name().to_ascii_lowercase();
    name.ends_with(".html") || name.ends_with(".htm") || file.type_() == "text/html"
}

/// Reads a chosen or dropped file into the paste area (HTML is converted to text).
fn load_file(file: web_sys::File, state: UseReducerHandle<State>, jobs: Jobs) {
    if let Some(why) = file_refusal(&file.name(), &file.type_()) {
        state.dispatch(Action::Error(why));
        return;
    }
    let size = file.size() as usize;
    if size > MAX_INPUT_BYTES {
        state.dispatch(Action::Error(format!(
            "“{}” is {}; Gloss analyses up to {}.",
            file.name(),
            human_bytes(size),
            human_bytes(MAX_INPUT_BYTES)
        )));
        return;
    }
    let html = is_html_file(&file);
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
        {
            Some(content) if looks_binary(&content) => {
                state.dispatch(Action::Error(not_text(&file.name(), "not text")))
            }
            Some(content) if html => {
                if !jobs.insert_html(&content, 0, u32::MAX) {
                    state.dispatch(Action::SetText(content.into()));
                }
            }
            Some(content) => state.dispatch(Action::SetText(content.into())),
            None => state.dispatch(Action::Error(format!(
                "“{}” could not be read as text.",
                file.name()
            ))),
        }
    });
}

/// The paste area.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let state = props.state.clone();
    let jobs = props.jobs.clone();
    let analysing = matches!(state.phase, Phase::Analysing { .. });
    let ready = state.engine.is_ready();

    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                let value = t.value();
                if value.len() <= AUTOSAVE_BYTES {
                    dom::save(dom::TEXT_KEY, &value);
                }
                state.dispatch(Action::SetText(value.into()));
            }
        })
    };
    let explain = {
        let state = state.clone();
        let jobs = jobs.clone();
        Callback::from(move |_: MouseEvent| jobs.explain(&state.text))
    };
    let onkeydown = {
        let state = state.clone();
        let jobs = jobs.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                jobs.explain(&state.text);
            }
        })
    };
    let sample = {
        let state = state.clone();
        let jobs = jobs.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::SetText(SAMPLE.into()));
            jobs.explain(SAMPLE);
        })
    };
    let onpaste = {
        let (jobs, state) = (jobs.clone(), state.clone());
        Callback::from(move |e: Event| {
            let Some(ce) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let data = ce.clipboard_data();
            let get = |kind: &str| {
                data.as_ref()
                    .and_then(|d| d.get_data(kind).ok())
                    .unwrap_or_default()
            };
            let (html, plain) = (get("text/html"), get("text/plain"));
            if !html.contains('<') {
                if is_bare_url(&plain) {
                    state.dispatch(Action::Notice(Some(Notice::BareUrl)));
                }
                return;
            }
            let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let start = t.selection_start().ok().flatten().unwrap_or(0);
            let end = t.selection_end().ok().flatten().unwrap_or(start);
            if jobs.insert_html(&html, start, end) {
                e.prevent_default();
                state.dispatch(Action::Pasting {
                    dropped: PasteReport::dropped_from(&html),
                    plain: plain.into(),
                });
            }
        })
    };
    let plain_instead = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(Notice::Converted(r)) = &state.notice {
                state.dispatch(Action::Insert {
                    start: r.at.0,
                    end: r.at.0 + r.at.1,
                    text: r.plain.to_string(),
                });
                state.dispatch(Action::Notice(None));
            }
        })
    };
    let dismiss_notice = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Notice(None)))
    };
    let bookmarklet = dom::bookmarklet();
    let drag_me = {
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            state.dispatch(Action::Notice(Some(Notice::DragBookmarklet)));
        })
    };
    let ondragover = Callback::from(|e: DragEvent| {
        let has_files = e
            .data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0));
        if has_files {
            e.prevent_default();
        }
    });
    let ondrop = {
        let state = state.clone();
        let jobs = jobs.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                e.prevent_default();
                load_file(file, state.clone(), jobs.clone());
            }
        })
    };
    let onfile = {
        let state = state.clone();
        let jobs = jobs.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if let Some(file) = input.files().and_then(|f| f.get(0)) {
                    load_file(file, state.clone(), jobs.clone());
                }
                input.set_value("");
            }
        })
    };
    let cancel = {
        let jobs = jobs.clone();
        Callback::from(move |_: MouseEvent| jobs.cancel())
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::DismissError))
    };
    let size = state.text.len();

    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title" class="start-title">{ "See who is who, and who wants what, in a news story." }</h1>
            <p class="lede">{ "Paste an article. Gloss highlights its people, organisations and places, the plans and deals they argue about, and where each of them stands — with the sentence that shows it." }</p>
            <label for="article-input" class="field-label">{ "Article text" }</label>
            <textarea id={ids::INPUT} class="article-input" value={AttrValue::Rc(state.text.clone())}
                placeholder="Paste a news article here, drop a .txt or .html file, or try the sample."
                spellcheck="false" {oninput} {onkeydown} {onpaste} {ondragover} {ondrop}
                aria-describedby="input-hint" readonly={analysing} />
            <div class="actions">
                <button id="explain" class="primary" type="button" onclick={explain} disabled={analysing}>
                    { "Explain" }
                </button>
                <button id="try-sample" class="secondary" type="button" onclick={sample} disabled={analysing}>
                    { "Try the sample" }
                </button>
                <label class="secondary file-button">
                    { "Open a file…" }
                    <input id="file-input" type="file" class="visually-hidden-input"
                        accept=".txt,.html,.htm,text/plain,text/html" onchange={onfile} disabled={analysing} />
                </label>
                <p id="input-hint" class="hint">
                    { format!("{} of {} · Ctrl+Enter to explain", human_bytes(size), human_bytes(MAX_INPUT_BYTES)) }
                </p>
            </div>
            <p id="engine-status" class={classes!("engine-status", ready.then_some("ready"))}>
                if ready {
                    { "✓ The analyser is ready. It runs in this browser." }
                } else {
                    { state.engine.describe() }
                    if let Some(p) = state.engine.percent() {
                        { " " }<progress max="100" value={p.to_string()} aria-label="Analyser download"></progress>
                    }
                }
            </p>
            if analysing {
                <div class="progress-row">
                    if ready {
                        <div class="progress" role="progressbar" aria-label="Analysing the article" aria-busy="true">
                            <span class="bar"></span>
                        </div>
                        <span>{ "Analysing…" }</span>
                    } else {
                        <progress class="download" max="100" value={state.engine.percent().unwrap_or(0).to_string()}
                            aria-label="Loading the analyser"></progress>
                        <span>{ format!("{} Your article is analysed as soon as it has loaded.", state.engine.describe()) }</span>
                    }
                    <button id="cancel" type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
            if let Some(err) = &state.error {
                <div class="error" role="alert" id="error">
                    <p>{ err.clone() }</p>
                    <button type="button" class="ghost" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(n) = &state.notice {
                <div class="notice" role="status" id="notice">
                    <p>{ n.message() }</p>
                    if matches!(n, Notice::Converted(_)) {
                        <button id="plain-instead" type="button" class="secondary small" onclick={plain_instead}>{ "Paste as plain text instead" }</button>
                    }
                    <button type="button" class="ghost small" onclick={dismiss_notice}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(href) = bookmarklet {
                <p class="bookmarklet">
                    <span class="muted">{ "Reading the news in this browser? Drag " }</span>
                    <a id="bookmarklet" class="bookmarklet-link" {href} onclick={drag_me}
                        title="Drag to your bookmarks bar; on a news page, click it to explain that page">{ "Explain this page" }</a>
                    <span class="muted">{ " to your bookmarks bar: on any article it opens Gloss with the page, and nothing is uploaded." }</span>
                </p>
            }
        </section>
    }
}

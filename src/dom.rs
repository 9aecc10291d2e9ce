//! Small wrappers over browser APIs (storage, focus, downloads, clipboard,
//! theme). Every failure is swallowed or returned: none of them panics.

use wasm_bindgen::{JsCast, JsValue};

/// localStorage key of the pasted text.
pub const TEXT_KEY: &str = "gloss.text";
/// localStorage key of the colour scheme.
pub const THEME_KEY: &str = "gloss.theme";
/// localStorage key of the last result: `"<text hash>\n<engine version>\n<wire encoding>"`.
pub const RESULT_KEY: &str = "gloss.result";
/// localStorage key prefix of the corrections kept for a text (+ its hash).
pub const CORRECTIONS_KEY: &str = "gloss.corrections.";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Reads a stored value.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Stores a value; false if storage is unavailable or full.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes a stored value.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// `performance.now()` in milliseconds (0 when unavailable).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Focuses the element with this id (HTML or SVG: `focus` is called
/// dynamically, so an SVG stance-map edge can take focus too).
pub fn focus(id: &str) {
    let Some(e) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&e, &JsValue::from_str("focus")) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&e);
        }
    }
}

/// Scrolls the element with this id into view (centred) and focuses it.
pub fn reveal(id: &str) {
    if let Some(e) = element(id) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        if !reduced_motion() {
            opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        }
        e.scroll_into_view_with_scroll_into_view_options(&opts);
        let _ = e.focus();
    }
}

fn matches_media(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// True on a phone-sized screen (the layout's breakpoint, 600 px).
pub fn narrow() -> bool {
    matches_media("(max-width: 600px)")
}

/// True if the reader asked for less motion.
pub fn reduced_motion() -> bool {
    matches_media("(prefers-reduced-motion: reduce)")
}

/// True if the system colour scheme is dark.
pub fn system_dark() -> bool {
    matches_media("(prefers-color-scheme: dark)")
}

/// Sets `data-theme` on `<html>` ("" removes it: follow the system).
pub fn apply_theme(value: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = if value.is_empty() {
        root.remove_attribute("data-theme")
    } else {
        root.set_attribute("data-theme", value)
    };
}

/// Moves the element with this id down by `dy` pixels (a sheet being swiped;
/// 0 puts it back). Through the CSSOM, which the CSP allows.
pub fn drag_sheet(id: &str, dy: f64) {
    if let Some(e) = element(id) {
        let value = if dy > 0.0 {
            format!("translateY({}px)", dy as i64)
        } else {
            String::new()
        };
        let _ = e.style().set_property("transform", &value);
    }
}

/// The "Explain this page" bookmarklet for this copy of Gloss: run on a
/// news page, it opens Gloss in a new tab, waits for its "ready" message
/// and hands it the page's HTML with `postMessage`, to Gloss's origin only
/// (`crate::app` checks the message and treats it as pasted HTML).
pub fn bookmarklet() -> Option<String> {
    let loc = web_sys::window()?.location();
    let here = format!("{}{}", loc.origin().ok()?, loc.pathname().ok()?);
    if !here.starts_with("http") || here.contains(['"', '\\', '\n']) {
        return None;
    }
    let code = format!(
        concat!(
            "(()=>{{const u=\"{}\",o=new URL(u).origin,h=document.documentElement.outerHTML,",
            "w=open(u+\"#from=bookmarklet\",\"_blank\");",
            "if(!w){{alert(\"Gloss: allow pop-ups for this site, then click the bookmark again.\");return}}",
            "const f=e=>{{if(e.source===w&&e.origin===o&&e.data&&e.data.type===\"gloss:ready\"){{",
            "removeEventListener(\"message\",f);",
            "w.postMessage({{type:\"gloss:page\",version:1,html:h,title:document.title,url:location.href}},o)}}}};",
            "addEventListener(\"message\",f);setTimeout(()=>removeEventListener(\"message\",f),120000)}})()"
        ),
        here
    );
    Some(format!(
        "javascript:{}",
        String::from(js_sys::encode_uri_component(&code))
    ))
}

/// Sets an attribute on `<html>`.
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute(name, value);
    }
}

/// Focuses the text area with this id and restores its selection (UTF-16).
pub fn focus_with_selection(id: &str, start: u32, end: u32) {
    if let Some(t) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = t.focus();
        let _ = t.set_selection_range(start, end);
    }
}

/// Offers `content` as a file download.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    if let Some(body) = document.body() {
        body.append_child(&a)?;
        a.click();
        body.remove_child(&a)?;
    }
    // Revoke later: some browsers start the download asynchronously.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// Copies text to the clipboard (asynchronously; errors are ignored).
pub fn copy(text: &str) -> bool {
    match web_sys::window() {
        Some(w) => {
            let _ = w.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// Scrolls the element with this id into view if needed, without focusing it.
pub fn scroll_to(id: &str) {
    if let Some(e) = element(id) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
        e.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Moves focus to the next (`+1`) or previous (`-1`) highlight in reading
/// order, unless the reader is typing. Returns true if focus moved. O(h) in
/// the number of highlights.
pub fn step_highlight(direction: i32) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let active = document.active_element();
    if let Some(a) = &active {
        let tag = a.tag_name();
        if tag == "TEXTAREA" || tag == "INPUT" {
            return false;
        }
    }
    let Ok(list) = document.query_selector_all("[data-m]") else {
        return false;
    };
    let n = list.length();
    if n == 0 {
        return false;
    }
    let current = active.and_then(|a| {
        (0..n).find(|&i| {
            list.item(i)
                .is_some_and(|node| node.is_same_node(Some(a.unchecked_ref())))
        })
    });
    let next = match (current, direction >= 0) {
        (Some(i), true) => (i + 1).min(n - 1),
        (Some(i), false) => i.saturating_sub(1),
        (None, true) => 0,
        (None, false) => n - 1,
    };
    list.item(next)
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            let _ = el.focus();
            true
        })
}

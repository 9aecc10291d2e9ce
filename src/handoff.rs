//! The hand-over from the static first paint to the app. `index.html`
//! ships the header, the headline, the lede and a working text area, so the
//! page paints and accepts a paste before any wasm has loaded; `boot.js`
//! restores the saved text into it and remembers a button pressed early.
//! When the app starts, [`take`] reads what the reader did meanwhile and
//! empties the static markup, in the same task as the app's first render,
//! so nothing flickers.

use wasm_bindgen::{JsCast, JsValue};

/// The id of the element the app renders into (it holds the static markup).
pub const ROOT: &str = "root";

/// What the reader did before the app started.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handoff {
    /// The static text area's value, when it was not empty.
    pub text: Option<String>,
    /// The caret or selection in it (UTF-16), when it had focus.
    pub selection: Option<(u32, u32)>,
    /// A button pressed before the app started ("explain" or "try-sample").
    pub pending: Option<String>,
}

/// Reads the hand-over and empties the app's root element; `None` outside a page.
pub fn take() -> Option<(web_sys::Element, Handoff)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let root = document.get_element_by_id(ROOT)?;
    let mut handoff = Handoff::default();
    if let Some(input) = document
        .get_element_by_id(crate::ids::INPUT)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let value = input.value();
        if !value.is_empty() {
            handoff.text = Some(value);
        }
        let focused = document
            .active_element()
            .is_some_and(|a| a.is_same_node(Some(input.unchecked_ref())));
        if focused {
            let start = input.selection_start().ok().flatten().unwrap_or(0);
            let end = input.selection_end().ok().flatten().unwrap_or(start);
            handoff.selection = Some((start, end));
        }
    }
    handoff.pending = js_sys::Reflect::get(&window, &JsValue::from_str("glossPending"))
        .ok()
        .and_then(|v| v.as_string());
    root.set_text_content(None);
    Some((root, handoff))
}

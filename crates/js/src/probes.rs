//! Timing probes (feature `probes`, never shipped): each export runs one
//! part of [`analyze`](crate::analyze) so `bench/js-speed.mjs --probes` can
//! split a call into the core, serialisation and the JS boundary.
//! Every probe costs what its part costs (linear in the input).

use crate::{object_json, run, settings_from_js};

use wasm_bindgen::prelude::*;

/// The core only (analysis + UTF-16 offsets); returns mentions + actors.
#[wasm_bindgen(js_name = probeCore)]
pub fn probe_core(text: &str, options: JsValue) -> Result<u32, JsError> {
    let a = run(text, &settings_from_js(options)?);
    Ok(u32::try_from(a.mentions.len() + a.actors.len()).unwrap_or(u32::MAX))
}

/// The core plus `serde_json` text (as `analyze` writes it), kept in wasm; returns its length.
#[wasm_bindgen(js_name = probeJsonText)]
pub fn probe_json_text(text: &str, options: JsValue) -> Result<u32, JsError> {
    let a = run(text, &settings_from_js(options)?);
    let json = object_json(&a).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(u32::try_from(json.len()).unwrap_or(u32::MAX))
}

/// The previous `analyze`: serde-wasm-bindgen, JSON-compatible (null for None).
#[wasm_bindgen(js_name = probeSwbJson)]
pub fn probe_swb_json(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let a = run(text, &settings_from_js(options)?);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&a, &ser).map_err(|e| JsError::new(&e.to_string()))
}

/// serde-wasm-bindgen's default serializer (None becomes undefined: not the same object).
#[wasm_bindgen(js_name = probeSwbPlain)]
pub fn probe_swb_plain(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let a = run(text, &settings_from_js(options)?);
    let ser = serde_wasm_bindgen::Serializer::new();
    serde::Serialize::serialize(&a, &ser).map_err(|e| JsError::new(&e.to_string()))
}

/// Plain `serde_json::to_string` (f32 as f32) + `JSON.parse`.
#[wasm_bindgen(js_name = probeJsonParseNarrow)]
pub fn probe_json_parse_narrow(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let a = run(text, &settings_from_js(options)?);
    let json = serde_json::to_string(&a).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("JSON.parse failed"))
}

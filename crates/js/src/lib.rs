//! # gloss-js
//!
//! The JavaScript API of Gloss: a thin wasm-bindgen shell around
//! [`gloss_core::analyze`]. Built by `scripts/build-site.sh` with the
//! wasm-bindgen CLI (`--target web`) into `dist/js/gloss.js`:
//!
//! ```js
//! import init, { analyze } from './js/gloss.js';
//! await init();
//! const a = analyze("Vladimir Putin met Steve Witkoff in Moscow.");
//! for (const m of a.mentions) console.log(m.label, a.text.slice(m.start, m.end));
//! ```
//!
//! Offsets are UTF-16 code units by default, so `text.slice(start, end)`
//! works on JavaScript strings. The web app's worker (`www/worker.js`) uses
//! [`analyze_json`] with `offsets: "byte"` to hand results to the Rust UI.
//! Cost: one analysis (linear in the input) plus one serialisation pass.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use gloss_core::{Analysis, InputFormat, OffsetUnit, Options};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Options for analyze / analyzeJson; every field is optional. */
export interface GlossOptions {
  /** Number of summary sentences (default 3). */
  summarySentences?: number;
  /** How to read the input (default "auto": HTML is detected by its markup). */
  input?: "auto" | "text" | "html";
  /** Offset unit of the result (default "utf16": JavaScript string indices). */
  offsets?: "utf16" | "codepoint" | "byte";
}
export interface GlossSpan { start: number; end: number; }
export interface GlossMention { start: number; end: number; text: string; form: "name" | "role" | "demonym"; }
export interface GlossFact { sentence: number; start: number; end: number; text: string; }
export interface GlossBackground { id: string; name: string; description: string; as_of: string; source: string; wiki: string | null; }
export interface GlossActor {
  id: string; name: string; kind: "person" | "organization" | "place" | "group" | "other";
  aliases: string[]; description: string | null; salience: number;
  mentions: GlossMention[]; facts: GlossFact[]; background: GlossBackground | null;
}
export interface GlossStance {
  actor: string; stance: "proposes" | "supports" | "opposes" | "criticizes" | "mixed" | "neutral";
  evidence: { start: number; end: number; text: string };
}
export interface GlossProposal { id: string; name: string; description: string | null; mentions: GlossMention[]; stances: GlossStance[]; }
export interface GlossAnalysis {
  schema: number; offsets: "byte" | "codepoint" | "utf16"; source: "text" | "html";
  text: string;
  ignored: { start: number; end: number; reason: string }[];
  paragraphs: GlossSpan[]; sentences: GlossSpan[];
  actors: GlossActor[]; proposals: GlossProposal[];
  summary: { sentences: number[]; text: string };
  mentions: { start: number; end: number; text: string; label: "PERSON" | "ORG" | "PLACE" | "OTHER"; actor: string }[];
}
/** Analyses an article; offsets are UTF-16 code units unless `options.offsets` says otherwise. */
export function analyze(text: string, options?: GlossOptions): GlossAnalysis;
"#;

/// Options as JavaScript passes them (camelCase, all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsOptions {
    summary_sentences: Option<usize>,
    input: Option<String>,
    offsets: Option<String>,
}

/// Parsed options: the core's [`Options`] and the wanted offset unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Options for the core.
    pub options: Options,
    /// Offset unit of the result.
    pub offsets: OffsetUnit,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            options: Options::default(),
            offsets: OffsetUnit::Utf16,
        }
    }
}

/// Why options were rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError(pub String);

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl JsOptions {
    fn settings(self) -> Result<Settings, OptionsError> {
        let mut s = Settings::default();
        if let Some(n) = self.summary_sentences {
            s.options.summary_sentences = n.min(100);
        }
        if let Some(input) = self.input.as_deref() {
            s.options.input = match input {
                "auto" => InputFormat::Auto,
                "text" => InputFormat::Text,
                "html" => InputFormat::Html,
                other => {
                    return Err(OptionsError(format!(
                        "options.input must be \"auto\", \"text\" or \"html\", not {other:?}"
                    )))
                }
            };
        }
        if let Some(unit) = self.offsets.as_deref() {
            s.offsets = match unit {
                "utf16" => OffsetUnit::Utf16,
                "codepoint" => OffsetUnit::Codepoint,
                "byte" => OffsetUnit::Byte,
                other => {
                    return Err(OptionsError(format!(
                    "options.offsets must be \"utf16\", \"codepoint\" or \"byte\", not {other:?}"
                )))
                }
            };
        }
        Ok(s)
    }
}

/// Parses options from JSON text (`{"input":"html"}`); empty text means defaults.
pub fn settings_from_json(json: &str) -> Result<Settings, OptionsError> {
    if json.trim().is_empty() {
        return Ok(Settings::default());
    }
    serde_json::from_str::<JsOptions>(json)
        .map_err(|e| OptionsError(format!("invalid options: {e}")))?
        .settings()
}

/// Runs the core and converts offsets as the settings ask.
pub fn run(text: &str, settings: &Settings) -> Analysis {
    let mut analysis = gloss_core::analyze(text, &settings.options);
    analysis.convert_offsets(settings.offsets);
    analysis
}

fn settings_from_js(options: JsValue) -> Result<Settings, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Settings::default());
    }
    let parsed: JsOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    parsed.settings().map_err(|e| JsError::new(&e.0))
}

/// Analyses an article and returns the result as a plain object
/// (see the `GlossAnalysis` TypeScript type).
#[wasm_bindgen(skip_typescript)]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let settings = settings_from_js(options)?;
    let analysis = run(text, &settings);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&analysis, &serializer)
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

/// Analyses an article and returns the result as JSON text: the same
/// document the `gloss` CLI prints (offsets per `options.offsets`).
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, options: JsValue) -> Result<String, JsError> {
    let settings = settings_from_js(options)?;
    let analysis = run(text, &settings);
    serde_json::to_string(&analysis)
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))
}

/// Extracts the story text from an HTML document or fragment (the same
/// extraction `analyze` applies to HTML input).
#[wasm_bindgen(js_name = extractText)]
pub fn extract_text(html: &str) -> String {
    gloss_core::html::extract(html)
}

/// Version of the JSON schema of the results.
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    gloss_core::SCHEMA_VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_options_are_defaults() {
        assert_eq!(settings_from_json(""), Ok(Settings::default()));
        assert_eq!(settings_from_json("{}"), Ok(Settings::default()));
    }

    #[test]
    fn options_are_parsed() {
        let s = settings_from_json(r#"{"input":"html","offsets":"byte","summarySentences":2}"#)
            .expect("valid options");
        assert_eq!(s.options.input, InputFormat::Html);
        assert_eq!(s.offsets, OffsetUnit::Byte);
        assert_eq!(s.options.summary_sentences, 2);
    }

    #[test]
    fn bad_options_are_errors() {
        assert!(settings_from_json(r#"{"input":"pdf"}"#).is_err());
        assert!(settings_from_json(r#"{"offsets":"bits"}"#).is_err());
        assert!(settings_from_json(r#"{"colour":"red"}"#).is_err());
        assert!(settings_from_json("[").is_err());
    }

    #[test]
    fn utf16_offsets_slice_javascript_strings() {
        let text = "It\u{2019}s \u{1F600} Vladimir Putin met Steve Witkoff in Moscow.";
        let a = run(text, &Settings::default());
        assert_eq!(a.offsets, OffsetUnit::Utf16);
        let utf16: Vec<u16> = a.text.encode_utf16().collect();
        for m in &a.mentions {
            let slice = String::from_utf16_lossy(&utf16[m.start..m.end]);
            assert_eq!(slice, m.text);
        }
    }
}

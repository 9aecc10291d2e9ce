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
//! works on JavaScript strings. This API is for other pages and tools; the
//! web app does not use it (its worker runs its own wasm module and hands
//! results to the page in a compact encoding, see the app's `src/worker/`).
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
  /** Add `tokens`: every word's part of speech and dependency (default false). */
  tokens?: boolean;
}
export interface GlossSpan { start: number; end: number; }
export interface GlossMention { start: number; end: number; text: string; form: "name" | "role" | "demonym"; }
export interface GlossFact { sentence: number; start: number; end: number; text: string; }
export interface GlossBackground {
  id: string; name: string; description: string; as_of: string; source: string; wiki: string | null;
  /** Present and true when the entry is what the actor is named after ("French officials" → France). */
  related?: boolean;
  /** What the entry is ("country", "city", "political party"). */
  category: string;
}
export interface GlossActor {
  id: string; name: string; kind: "person" | "organization" | "place" | "group" | "other";
  aliases: string[]; description: string | null; salience: number;
  mentions: GlossMention[]; facts: GlossFact[]; background: GlossBackground | null;
}
export interface GlossStance {
  actor: string; stance: "proposes" | "supports" | "opposes" | "criticizes" | "mixed" | "neutral";
  evidence: { start: number; end: number; text: string };
  /** Present and true when said under "may", "might" or "could". */
  hedged?: boolean;
}
export interface GlossQuote { speaker: string; start: number; end: number; text: string; }
export interface GlossDigestLine {
  proposal: string; text: string; for: string[]; against: string[];
  links: { actor: string; stance: GlossStance["stance"]; sentence: number; start: number; end: number }[];
}
export interface GlossProposal { id: string; name: string; description: string | null; mentions: GlossMention[]; stances: GlossStance[]; }
export interface GlossAnalysis {
  schema: number; offsets: "byte" | "codepoint" | "utf16"; source: "text" | "html";
  text: string;
  ignored: { start: number; end: number; reason: string }[];
  paragraphs: GlossSpan[]; sentences: GlossSpan[];
  actors: GlossActor[]; proposals: GlossProposal[];
  summary: { sentences: number[]; text: string };
  quotes: GlossQuote[];
  digest: GlossDigestLine[];
  mentions: { start: number; end: number; text: string; label: "PERSON" | "ORG" | "PLACE" | "OTHER"; actor: string }[];
  /** Only with `options.tokens`: UD words; `head` indexes this array, null for a sentence root. */
  tokens?: { start: number; end: number; upos: string; head: number | null; deprel: string }[];
}
/** Analyses an article; offsets are UTF-16 code units unless `options.offsets` says otherwise. */
export function analyze(text: string, options?: GlossOptions): GlossAnalysis;
/** A reader's correction. Actors, proposals and stances by id; a mention by its offsets (the analysis's unit). */
export type GlossCorrection =
  | { op: "kind"; actor: string; kind: GlossActor["kind"] }
  | { op: "rename"; actor: string; name: string }
  | { op: "hide"; actor: string }
  | { op: "merge"; actor: string; into: string }
  | { op: "split"; actor: string; start: number; end: number }
  | { op: "remove_stance"; proposal: string; actor: string }
  | { op: "set_stance"; proposal: string; actor: string; stance: GlossStance["stance"] };
/** The analysis with corrections applied, and what became of each (skipped ones say why). */
export interface GlossCorrected extends GlossAnalysis {
  corrections: (GlossCorrection & { applied: boolean; description: string })[];
}
/** Applies corrections in order on top of an analysis (no re-analysis); the input is not changed. */
export function applyCorrections(analysis: GlossAnalysis, corrections: GlossCorrection[]): GlossCorrected;
"#;

/// Options as JavaScript passes them (camelCase, all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsOptions {
    summary_sentences: Option<usize>,
    input: Option<String>,
    offsets: Option<String>,
    tokens: Option<bool>,
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
        s.options.tokens = self.tokens.unwrap_or(false);
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

/// JSON formatter that writes `f32` fields as the `f64` they widen to, so
/// `JSON.parse` yields exactly the numbers a field-by-field conversion
/// (`serde-wasm-bindgen`, which `analyze` used before) gives: `0.8999999761581421`, not `0.9`.
struct WideFloats;

impl serde_json::ser::Formatter for WideFloats {
    fn write_f32<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        value: f32,
    ) -> std::io::Result<()> {
        self.write_f64(writer, f64::from(value))
    }
}

/// The analysis as JSON text for `JSON.parse` (floats widened, see `WideFloats`).
pub fn object_json(analysis: &Analysis) -> Result<String, serde_json::Error> {
    let mut out = Vec::with_capacity(analysis.text.len() * 8 + 1024);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, WideFloats);
    serde::Serialize::serialize(analysis, &mut ser)?;
    // serde_json writes only valid UTF-8, so the lossy fallback is never taken.
    Ok(String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// Builds the plain JavaScript object of an analysis with one boundary
/// crossing: JSON text, then `JSON.parse`. As fast as serde-wasm-bindgen's
/// thousands of small calls (about 0.15 ms of 0.8 ms on the reference article
/// in Chromium, either way) but a smaller module, and the same serialiser as
/// [`analyze_json`]. O(size of the result).
fn to_object(analysis: &Analysis) -> Result<JsValue, JsError> {
    let json = object_json(analysis)
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not build the result"))
}

/// Analyses an article and returns the result as a plain object
/// (see the `GlossAnalysis` TypeScript type).
#[wasm_bindgen(skip_typescript)]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let settings = settings_from_js(options)?;
    to_object(&run(text, &settings))
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

/// The corrected analysis as `applyCorrections` returns it.
#[derive(serde::Serialize)]
struct Corrected<'a> {
    #[serde(flatten)]
    analysis: &'a Analysis,
    corrections: Vec<gloss_render::corrections::Applied<'a>>,
}

/// Applies a reader's corrections (see the `GlossCorrection` type) on top of
/// an analysis, in order, with no re-analysis: the result is the corrected
/// analysis plus a `corrections` list saying what became of each. Offsets of
/// a `split` are in the analysis's unit. O(size of the analysis) per correction.
#[wasm_bindgen(js_name = applyCorrections, skip_typescript)]
pub fn apply_corrections(analysis: JsValue, corrections: JsValue) -> Result<JsValue, JsError> {
    let mut a: Analysis = serde_wasm_bindgen::from_value(analysis)
        .map_err(|e| JsError::new(&format!("not a Gloss analysis: {e}")))?;
    let list: Vec<gloss_render::corrections::Correction> =
        serde_wasm_bindgen::from_value(corrections)
            .map_err(|e| JsError::new(&format!("invalid corrections: {e}")))?;
    let outcomes = gloss_render::corrections::apply(&mut a, &list);
    let out = Corrected {
        analysis: &a,
        corrections: gloss_render::corrections::applied_list(&list, &outcomes),
    };
    let mut json = Vec::with_capacity(a.text.len() * 8 + 1024);
    let mut ser = serde_json::Serializer::with_formatter(&mut json, WideFloats);
    serde::Serialize::serialize(&out, &mut ser)
        .map_err(|e| JsError::new(&format!("could not build the result: {e}")))?;
    let json = String::from_utf8(json).map_err(|_| JsError::new("could not build the result"))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not build the result"))
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

#[cfg(feature = "probes")]
pub mod probes;

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
    fn object_json_widens_floats_like_the_field_by_field_conversion() {
        let text = "Vladimir Putin met Steve Witkoff in Moscow. Putin said Russia wants peace.";
        let a = run(text, &Settings::default());
        let salience = a.actors.first().map(|x| x.salience).expect("an actor");
        let json = object_json(&a).expect("serialisable");
        let wide = serde_json::to_string(&f64::from(salience)).expect("a number");
        assert!(json.contains(&format!("\"salience\":{wide}")), "{json}");
        // Apart from float precision it is the same document as analyzeJson.
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let plain: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&a).expect("serialisable")).expect("valid");
        assert_eq!(parsed["mentions"], plain["mentions"]);
        assert_eq!(parsed["text"], plain["text"]);
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

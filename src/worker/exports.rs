//! What the result view's toolbar downloads, made by the engine (so the
//! serialiser, the report and the page's stylesheet stay out of the page's
//! own module): JSON (code-point offsets, the CLI's format), the Markdown
//! report and the self-contained HTML page. The report and the page come
//! from `gloss-render` (shared with the CLI), which escapes every piece of
//! article text. All are O(n) in the size of the analysis.

use gloss_core::{Analysis, OffsetUnit};
use gloss_render::corrections::{self, Correction};
use gloss_render::report::{self, Style};

/// The analysis as pretty JSON with code-point offsets (what `gloss` prints).
pub fn json(a: &Analysis) -> Result<String, String> {
    let mut copy = a.clone();
    copy.convert_offsets(OffsetUnit::Codepoint);
    serde_json::to_string_pretty(&copy).map_err(|e| e.to_string())
}

/// The analysis as a Markdown report (hostile text escaped).
pub fn markdown(a: &Analysis) -> String {
    report::render(a, Style::Markdown)
}

/// The analysis as one self-contained, script-free HTML page (`a` must carry
/// byte offsets, as the app keeps it).
pub fn html(a: &Analysis) -> Result<String, String> {
    gloss_render::export::html_page(a).map_err(|e| e.to_string())
}

/// The export `format` ("json", "markdown" or "html") of an engine result
/// in the [`super::wire`] encoding, with the reader's corrections (also in
/// that encoding; empty for none) applied and listed.
pub fn export(encoded: &str, format: &str, corrections: &str) -> Result<String, String> {
    let e = super::wire::decode_explained(encoded).ok_or("the result could not be read")?;
    let list = if corrections.is_empty() {
        Vec::new()
    } else {
        super::wire::decode_corrections(corrections).ok_or("the corrections could not be read")?
    };
    let mut a = e.analysis;
    let outcomes = corrections::apply(&mut a, &list);
    match format {
        "json" => json_with(&a, &list, &outcomes),
        "markdown" => Ok(report::render_with(&a, Style::Markdown, &outcomes)),
        "html" => gloss_render::export::html_page_with(&a, &outcomes).map_err(|e| e.to_string()),
        other => Err(format!("unknown export format {other:?}")),
    }
}

/// The headline, byline and date, as the JSON export writes them.
#[derive(serde::Serialize)]
struct Headline<'a> {
    title: Option<&'a str>,
    byline: Option<&'a str>,
    date: Option<&'a str>,
}

/// The JSON export: the analysis (code-point offsets) plus `headline` when
/// the text has one and `corrections` (each with what became of it) when
/// the reader made any.
#[derive(serde::Serialize)]
struct JsonExport<'a> {
    #[serde(flatten)]
    analysis: &'a Analysis,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<Headline<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    corrections: Vec<corrections::Applied<'a>>,
}

fn json_with(
    a: &Analysis,
    list: &[Correction],
    outcomes: &[corrections::Outcome],
) -> Result<String, String> {
    let top = gloss_render::masthead::masthead(a);
    let to_cp = corrections::byte_to_codepoint(&a.text);
    let mut list = list.to_vec();
    for c in &mut list {
        c.map_offsets(&to_cp);
    }
    let mut copy = a.clone();
    copy.convert_offsets(OffsetUnit::Codepoint);
    let headline = (top.headline.is_some() || top.credit().is_some()).then(|| Headline {
        title: top.title(a),
        byline: top.byline.as_deref(),
        date: top.date.as_deref(),
    });
    let out = JsonExport {
        analysis: &copy,
        headline,
        corrections: corrections::applied_list(&list, outcomes),
    };
    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{Actor, ActorKind, Evidence, Proposal, Stance, StanceKind};

    const HOSTILE: &str = "<img src=x onerror=alert(1)> [link](javascript:x) ![i](y)";

    /// The sample analysis with hostile names, facts and evidence added.
    fn hostile() -> Analysis {
        let mut a = gloss_core::analyze(HOSTILE, &gloss_core::Options::default());
        a.actors.push(Actor {
            id: "evil".into(),
            name: HOSTILE.into(),
            kind: ActorKind::Person,
            aliases: vec![],
            description: Some(HOSTILE.into()),
            salience: 1.0,
            mentions: vec![],
            facts: vec![],
            background: None,
        });
        a.proposals.push(Proposal {
            id: "p-evil".into(),
            name: HOSTILE.into(),
            description: None,
            mentions: vec![],
            stances: vec![Stance {
                actor: "evil".into(),
                stance: StanceKind::Opposes,
                evidence: Evidence {
                    start: 0,
                    end: HOSTILE.len(),
                    text: HOSTILE.into(),
                },
                hedged: false,
            }],
        });
        a
    }

    #[test]
    fn corrections_show_in_every_export() {
        let text = "Moscow talks end without a deal\n\nVladimir Putin met Steve Witkoff in Moscow. Putin rejected the peace plan.";
        let encoded = super::super::api::analyze_encoded(text, "text");
        let a = super::super::wire::decode_explained(&encoded)
            .expect("valid")
            .analysis;
        let putin = a
            .actors
            .iter()
            .find(|x| x.name.contains("Putin"))
            .expect("Putin")
            .id
            .clone();
        let list = vec![Correction::Rename {
            actor: putin,
            name: "President Putin".into(),
        }];
        let c = super::super::wire::encode_corrections(&list);
        let j: serde_json::Value =
            serde_json::from_str(&export(&encoded, "json", &c).expect("json")).expect("valid");
        assert_eq!(j["corrections"][0]["op"], "rename");
        assert_eq!(j["corrections"][0]["applied"], true);
        assert_eq!(j["headline"]["title"], "Moscow talks end without a deal");
        assert!(j["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .any(|x| x["name"] == "President Putin"));
        let md = export(&encoded, "markdown", &c).expect("md");
        assert!(md.starts_with("# Moscow talks end without a deal"), "{md}");
        assert!(
            md.contains("President Putin") && md.contains("## Corrections"),
            "{md}"
        );
        let page = export(&encoded, "html", &c).expect("html");
        assert!(page.contains("President Putin") && page.contains("Corrected by the reader"));
    }

    #[test]
    fn hostile_text_is_escaped_in_markdown() {
        let md = markdown(&hostile());
        assert!(md.contains("img"), "the text is kept: {md}");
        let bare_lt = md
            .char_indices()
            .any(|(i, c)| c == '<' && !md[..i].ends_with('\\'));
        assert!(!bare_lt, "every < is escaped, so no raw HTML: {md}");
        assert!(
            !md.replace("\\]", "").contains("]("),
            "no links or images: {md}"
        );
    }

    #[test]
    fn hostile_text_is_escaped_in_html() {
        let page = html(&hostile()).expect("byte offsets");
        assert!(page.contains("&lt;img"));
        assert!(!page.contains("<img src=x"));
        assert!(!page.contains("<script"));
    }

    #[test]
    fn sample_exports() {
        let a = gloss_core::analyze(
            include_str!("../../www/samples/moscow-talks.txt"),
            &gloss_core::Options::default(),
        );
        let md = markdown(&a);
        assert!(md.contains("Putin"));
        let page = html(&a).expect("byte offsets");
        assert!(page.starts_with("<!DOCTYPE html>"));
        let j = json(&a).expect("json");
        let v: serde_json::Value = serde_json::from_str(&j).expect("valid json");
        assert_eq!(v["offsets"], "codepoint");
        assert_eq!(a.offsets, OffsetUnit::Byte, "the original is untouched");
        let mut cp = a.clone();
        cp.convert_offsets(OffsetUnit::Codepoint);
        assert!(html(&cp).is_err(), "only byte offsets render");
    }

    #[test]
    fn exports_of_an_encoded_result() {
        let encoded = super::super::api::analyze_encoded(
            "Vladimir Putin met Steve Witkoff in Moscow.",
            "text",
        );
        for format in ["json", "markdown", "html"] {
            let out = export(&encoded, format, "").expect(format);
            assert!(out.contains("Putin"), "{format}: {out}");
        }
        assert!(export(&encoded, "pdf", "").is_err());
        assert!(export("garbage", "json", "").is_err());
        assert!(export(&encoded, "json", "garbage").is_err());
    }
}

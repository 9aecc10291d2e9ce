//! Exports of an analysis: JSON (code-point offsets, the CLI's format), the
//! Markdown report and the self-contained HTML page. The report and the page
//! come from `gloss-render` (shared with the CLI), which escapes every piece
//! of article text. All are O(n) in the size of the analysis.

use gloss_core::{Analysis, OffsetUnit, StanceKind};
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

/// Verb for a stance in a sentence ("Zelenskyy opposes …").
pub const fn stance_verb(s: StanceKind) -> &'static str {
    match s {
        StanceKind::Proposes => "proposes",
        StanceKind::Supports => "supports",
        StanceKind::Opposes => "opposes",
        StanceKind::Criticizes => "criticises",
        StanceKind::Mixed => "is divided on",
        StanceKind::Neutral => "is involved in",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{Actor, ActorKind, Evidence, Proposal, Stance};

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
    fn hostile_text_is_escaped_in_markdown() {
        let md = markdown(&hostile());
        assert!(md.contains("img"), "the text is kept: {md}");
        let bare_lt = md
            .char_indices()
            .any(|(i, c)| c == '<' && !md[..i].ends_with('\\'));
        assert!(!bare_lt, "every < is escaped, so no raw HTML: {md}");
        assert!(!md.contains("]("), "no links or images: {md}");
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
            include_str!("../www/samples/moscow-talks.txt"),
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
}

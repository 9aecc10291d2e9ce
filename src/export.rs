//! Exports of an analysis: JSON (code-point offsets, the CLI's format) and
//! Markdown (every piece of article text escaped, so hostile input cannot
//! inject links, images or HTML). Both are O(n) in the size of the analysis.

use crate::state::kind_label;
use gloss_core::{Analysis, OffsetUnit, StanceKind};
use std::fmt::Write;

/// The analysis as pretty JSON with code-point offsets (what `gloss` prints).
pub fn json(a: &Analysis) -> Result<String, String> {
    let mut copy = a.clone();
    copy.convert_offsets(OffsetUnit::Codepoint);
    serde_json::to_string_pretty(&copy).map_err(|e| e.to_string())
}

/// Escapes text for Markdown: punctuation that could start markup gets a
/// backslash, `<`/`>`/`&` become entities, line breaks become spaces.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '"' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Verb for a stance.
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

/// The analysis as a Markdown report.
pub fn markdown(a: &Analysis) -> String {
    let mut md = String::from("# Gloss explanation\n\n");
    if !a.summary.text.is_empty() {
        md.push_str("## Summary\n\n");
        let _ = writeln!(md, "{}\n", escape_md(&a.summary.text));
    }
    if !a.actors.is_empty() {
        md.push_str("## Actors\n\n");
        for actor in &a.actors {
            let _ = write!(
                md,
                "- **{}** ({}, {} mention{})",
                escape_md(&actor.name),
                kind_label(actor.kind),
                actor.mentions.len(),
                if actor.mentions.len() == 1 { "" } else { "s" }
            );
            if let Some(d) = &actor.description {
                let _ = write!(md, ": {}", escape_md(d));
            }
            md.push('\n');
            for f in &actor.facts {
                let _ = writeln!(md, "  - {}", escape_md(&f.text));
            }
        }
        md.push('\n');
    }
    if !a.proposals.is_empty() {
        md.push_str("## Proposals\n\n");
        for p in &a.proposals {
            let _ = write!(md, "- **{}**", escape_md(&p.name));
            if let Some(d) = &p.description {
                let _ = write!(md, ": {}", escape_md(d));
            }
            md.push('\n');
            for s in &p.stances {
                let who = a
                    .actor(&s.actor)
                    .map_or(s.actor.as_str(), |x| x.name.as_str());
                let _ = writeln!(
                    md,
                    "  - {} {} it: “{}”",
                    escape_md(who),
                    stance_verb(s.stance),
                    escape_md(&s.evidence.text)
                );
            }
        }
        md.push('\n');
    }
    md.push_str("_Made with Gloss, offline in the browser\\._\n");
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        let e = escape_md("<img src=x onerror=alert(1)> [link](javascript:x) ![i](y)");
        assert!(!e.contains('<'));
        assert!(!e.contains("]("));
        assert!(e.contains("&lt;img"));
    }

    #[test]
    fn sample_exports() {
        let a = gloss_core::analyze(
            include_str!("../www/samples/moscow-talks.txt"),
            &gloss_core::Options::default(),
        );
        let md = markdown(&a);
        assert!(md.starts_with("# Gloss explanation"));
        assert!(md.contains("## Actors"));
        let j = json(&a).expect("json");
        let v: serde_json::Value = serde_json::from_str(&j).expect("valid json");
        assert_eq!(v["offsets"], "codepoint");
        assert_eq!(a.offsets, OffsetUnit::Byte, "the original is untouched");
    }
}

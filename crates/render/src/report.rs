//! Readable reports of an [`Analysis`]: plain text and Markdown.
//!
//! Article text is hostile input: the text report drops control characters
//! (no terminal escape sequences reach the terminal) and the Markdown report
//! escapes everything that could become a link, an image, HTML or structure.

use std::fmt::Write as _;

use crate::corrections::Outcome;
use crate::masthead::masthead;
use crate::vocab;
use gloss_core::{Actor, Analysis, Proposal};

/// Longest evidence quote in a report, in characters.
const MAX_QUOTE_CHARS: usize = 300;

/// Which report style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
}

/// One line of plain text: whitespace runs (newlines included) become one
/// space and other control characters are dropped.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            // Control characters and bidi overrides/isolates could rewrite the display.
            continue;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Escapes one line of text for Markdown (CommonMark and GitHub's
/// autolinks), with as few backslashes as that takes, so the source stays
/// readable: brackets (no link or image can form without them), emphasis
/// and code marks, HTML as entities, block markers at the start of the
/// line, and whatever would autolink (`www.`, `scheme:`, `user@host`).
pub fn md(s: &str) -> String {
    let line = plain(s);
    let chars: Vec<char> = line.chars().collect();
    let lead_digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let word_next = next.is_some_and(|n| !n.is_whitespace());
        let escape = match c {
            // Entities, not backslashes: every Markdown dialect (not only
            // CommonMark) reads `&lt;` as text, while some pass `\<` on as
            // a raw tag.
            '<' => {
                out.push_str("&lt;");
                continue;
            }
            '>' => {
                out.push_str("&gt;");
                continue;
            }
            '&' => {
                out.push_str("&amp;");
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => true,
            // Block markers only matter at the start of a line ("- x", "# x", "1. x").
            '-' | '+' | '=' | '#' => i == 0,
            '.' | ')' if i > 0 && i == lead_digits => true,
            // "www.x" autolinks.
            '.' => {
                i >= 3
                    && chars[i - 3..i]
                        .iter()
                        .map(char::to_ascii_lowercase)
                        .eq("www".chars())
            }
            // "scheme:x" and "user@host" autolink; "5:30" and "Credit: AFP" do not.
            ':' => prev.is_some_and(|p| p.is_ascii_alphabetic()) && word_next,
            '@' => prev.is_some_and(|p| !p.is_whitespace()) && word_next,
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn quote(s: &str) -> String {
    let p = plain(s);
    if p.chars().count() <= MAX_QUOTE_CHARS {
        return p;
    }
    let mut q: String = p.chars().take(MAX_QUOTE_CHARS).collect();
    q.push('…');
    q
}

/// The report of `a`.
pub fn render(a: &Analysis, style: Style) -> String {
    render_with(a, style, &[])
}

/// The report of `a`, with the reader's `corrections` (what became of each)
/// listed after it.
pub fn render_with(a: &Analysis, style: Style, corrections: &[Outcome]) -> String {
    let esc = |s: &str| match style {
        Style::Text => plain(s),
        Style::Markdown => md(s),
    };
    let heading = |out: &mut String, title: &str| match style {
        Style::Text => {
            let _ = writeln!(out, "{title}\n{}", "=".repeat(title.chars().count()));
        }
        Style::Markdown => {
            let _ = writeln!(out, "## {title}\n");
        }
    };
    let mut out = String::new();
    let top = masthead(a);
    let title = top.title(a).map(esc);
    match style {
        Style::Markdown => {
            let _ = writeln!(out, "# {}\n", title.as_deref().unwrap_or("Gloss analysis"));
            if let Some(credit) = top.credit() {
                let _ = writeln!(out, "*{}*\n", md(&credit));
            }
        }
        Style::Text => {
            if let Some(t) = &title {
                let _ = writeln!(out, "{t}");
                if let Some(credit) = top.credit() {
                    let _ = writeln!(out, "{}", plain(&credit));
                }
                out.push('\n');
            }
        }
    }
    heading(&mut out, "Summary");
    if a.summary.text.trim().is_empty() {
        out.push_str("(no summary)\n\n");
    } else {
        match style {
            Style::Text => {
                let _ = writeln!(out, "{}\n", plain(&a.summary.text));
            }
            Style::Markdown => {
                let _ = writeln!(out, "> {}\n", md(&a.summary.text));
            }
        }
    }
    if !a.digest.is_empty() {
        heading(&mut out, "Who wants what");
        digest_entries(&mut out, a, style, &esc);
        out.push('\n');
    }
    heading(&mut out, "Actors");
    if a.actors.is_empty() {
        out.push_str("(none found)\n");
    }
    for actor in &a.actors {
        actor_entry(&mut out, actor, style, &esc);
    }
    out.push('\n');
    heading(&mut out, "Proposals");
    if a.proposals.is_empty() {
        out.push_str("(none found)\n");
    }
    for p in &a.proposals {
        proposal_entry(&mut out, a, p, style, &esc);
    }
    if !a.ignored.is_empty() {
        out.push('\n');
        let n = a.ignored.len();
        let _ = writeln!(
            out,
            "{} of page boilerplate {} set aside.",
            vocab::count(n, "line", "lines"),
            if n == 1 { "was" } else { "were" }
        );
    }
    let kept: Vec<&Outcome> = corrections.iter().filter(|o| o.applied).collect();
    if !kept.is_empty() {
        out.push('\n');
        heading(&mut out, "Corrections");
        let _ = writeln!(out, "The reader corrected the analysis:");
        for o in kept {
            let bullet = if style == Style::Text { "* " } else { "- " };
            let _ = writeln!(out, "{bullet}{}", esc(&o.description));
        }
    }
    out
}

/// The digest: one line per main proposal, and under it each side's
/// evidence sentence.
fn digest_entries(out: &mut String, a: &Analysis, style: Style, esc: &dyn Fn(&str) -> String) {
    let (bullet, sub) = match style {
        Style::Text => ("* ", "    "),
        Style::Markdown => ("- ", "  - "),
    };
    for line in &a.digest {
        let _ = writeln!(out, "{bullet}{}", esc(&line.text));
        for l in &line.links {
            let holder = a.actor(&l.actor);
            let who = holder.map_or(l.actor.as_str(), |x| x.name.as_str());
            let evidence = quote(a.text.get(l.start..l.end).unwrap_or(""));
            let _ = writeln!(
                out,
                "{sub}{} {}: “{}”",
                esc(who),
                vocab::verb_for(l.stance, holder),
                esc(&evidence)
            );
        }
    }
}

fn actor_entry(out: &mut String, actor: &Actor, style: Style, esc: &dyn Fn(&str) -> String) {
    let name = esc(&actor.name);
    let kind = vocab::kind(actor.kind).name;
    let n = actor.mentions.len();
    let (bullet, sub) = match style {
        Style::Text => ("* ", "    "),
        Style::Markdown => ("- ", "  - "),
    };
    let n = vocab::count(n, "mention", "mentions");
    let _ = match style {
        Style::Text => write!(out, "{bullet}{name} ({kind}, {n})"),
        Style::Markdown => write!(out, "{bullet}**{name}** ({kind}, {n})"),
    };
    if let Some(d) = actor
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        let _ = write!(out, ": {}", esc(d));
    }
    out.push('\n');
    let aliases: Vec<String> = actor
        .aliases
        .iter()
        .filter(|x| **x != actor.name)
        .map(|x| esc(x))
        .collect();
    if !aliases.is_empty() {
        let _ = writeln!(out, "{sub}also: {}", aliases.join(", "));
    }
    if let Some(bg) = &actor.background {
        if bg.related {
            let _ = writeln!(
                out,
                "{sub}related: {} ({})",
                esc(&bg.name),
                esc(&bg.category)
            );
        } else {
            let _ = writeln!(
                out,
                "{sub}background: {} (as of {}; {})",
                esc(&bg.description),
                esc(&bg.as_of),
                esc(&bg.source)
            );
        }
    }
    for fact in &actor.facts {
        let _ = writeln!(out, "{sub}{}", esc(&fact.text));
    }
}

fn proposal_entry(
    out: &mut String,
    a: &Analysis,
    p: &Proposal,
    style: Style,
    esc: &dyn Fn(&str) -> String,
) {
    let name = esc(&p.name);
    let (bullet, sub) = match style {
        Style::Text => ("* ", "    "),
        Style::Markdown => ("- ", "  - "),
    };
    let _ = match style {
        Style::Text => write!(out, "{bullet}{name}"),
        Style::Markdown => write!(out, "{bullet}**{name}**"),
    };
    if let Some(d) = p.description.as_deref().filter(|d| !d.trim().is_empty()) {
        let _ = write!(out, ": {}", esc(d));
    }
    out.push('\n');
    for s in &p.stances {
        let holder = a.actor(&s.actor);
        let who = holder.map_or(s.actor.as_str(), |x| x.name.as_str());
        let evidence = quote(&s.evidence.text);
        let _ = writeln!(
            out,
            "{sub}{} {}: “{}”",
            esc(who),
            vocab::verb_for(s.stance, holder),
            esc(&evidence)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_hostile_text() {
        let hostile = "[click](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](http://e.vil/x.png) www.evil.example *bold* # h";
        let e = md(hostile);
        let chars: Vec<char> = e.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, '[' | ']' | '<' | '>' | '*') {
                assert!(i > 0 && chars[i - 1] == '\\', "unescaped {c} at {i} in {e}");
            }
        }
        assert!(e.starts_with("\\["), "{e}");
        assert!(!e.contains('<') && e.contains("&lt;img"), "{e}");
        assert_eq!(md("a & b"), "a &amp; b");
        for bad in ["www.", "http:", "javascript:"] {
            assert!(!e.contains(bad), "{bad} survived in {e}");
        }
        assert_eq!(
            md("Putin met Witkoff. Talks once-in-a-generation ended."),
            "Putin met Witkoff. Talks once-in-a-generation ended."
        );
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("2026. A year"), "2026\\. A year");
        assert_eq!(md("mail me@example.org"), "mail me\\@example.org");
        // Source lines stay readable: no escapes where nothing could form.
        assert_eq!(
            md("OpenStreetMap contributors, version 5.1.0 (ODbL-1.0), 5:30 p.m. Credit: AFP #1"),
            "OpenStreetMap contributors, version 5.1.0 (ODbL-1.0), 5:30 p.m. Credit: AFP #1"
        );
    }

    #[test]
    fn headline_plurals_and_corrections() {
        let text = "Council approves bus lanes\n\nBy Maria Lopez\n\nThe city council approved a plan. Mayor Daniel Reyes proposed the plan.";
        let a = gloss_core::analyze(text, &gloss_core::Options::default());
        let outcomes = vec![Outcome {
            applied: true,
            description: "“Daniel Reyes” renamed “Dan Reyes”.".into(),
        }];
        let r = render_with(&a, Style::Markdown, &outcomes);
        assert!(
            r.starts_with("# Council approves bus lanes\n\n*By Maria Lopez*"),
            "{r}"
        );
        assert!(r.contains("## Corrections") && r.contains("renamed"), "{r}");
        assert!(!r.contains("(s)"), "{r}");
        assert!(
            r.contains("1 line of page boilerplate was set aside."),
            "{r}"
        );
        let sample = gloss_core::analyze(
            include_str!("../../../www/samples/moscow-talks.txt"),
            &gloss_core::Options::default(),
        );
        assert!(render(&sample, Style::Markdown).starts_with("# Gloss analysis"));
    }

    #[test]
    fn plain_drops_controls_and_joins_lines() {
        assert_eq!(plain("a\u{1b}[31mred\n\tb\u{202E}c\0"), "a[31mred bc");
    }

    #[test]
    fn reports_show_the_digest_with_evidence() {
        let a = gloss_core::analyze(
            "Hungary called for lifting the sanctions on Iran. Austria rejected lifting the sanctions.",
            &gloss_core::Options::default(),
        );
        assert!(!a.digest.is_empty(), "{:?}", a.proposals);
        for style in [Style::Text, Style::Markdown] {
            let r = render(&a, style);
            let at = r.find("Who wants what").expect("a digest section");
            assert!(at < r.find("Actors").unwrap_or(usize::MAX), "{r}");
            assert!(r.contains("proposed by Hungary"), "{r}");
            assert!(
                r.contains("Hungary proposes: “Hungary called for lifting"),
                "{r}"
            );
        }
        let none = gloss_core::analyze(
            "A storm hit the coast on Monday.",
            &gloss_core::Options::default(),
        );
        assert!(!render(&none, Style::Markdown).contains("Who wants what"));
    }

    #[test]
    fn renders_sample_report() {
        let a = gloss_core::analyze(
            "Vladimir Putin met Steve Witkoff in Moscow on Tuesday. Putin rejected the peace plan.",
            &gloss_core::Options::default(),
        );
        for style in [Style::Text, Style::Markdown] {
            let r = render(&a, style);
            assert!(r.contains("Summary"), "{r}");
            assert!(r.contains("Actors"), "{r}");
            assert!(r.contains("Putin"), "{r}");
        }
    }
}

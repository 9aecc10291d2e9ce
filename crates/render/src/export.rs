//! A self-contained, script-free HTML page of an explained article: the text
//! with highlights, the summary, a card per actor and proposal, and the
//! stance map. Cards open with CSS `:target`, so the page works offline from a
//! file with no JavaScript at all; its Content-Security-Policy forbids every
//! script and every request. Every piece of article text is escaped.
//!
//! O(n + m log m) for text length n and m mentions.

use crate::escape::{html, ident, push_html};
use crate::segments;
use crate::stance_map::{self, stance_label};
use gloss_core::{Actor, ActorKind, Analysis, OffsetUnit, Proposal, StanceKind};

const CSS: &str = include_str!("export.css");

/// Why a page could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The analysis carries code-point or UTF-16 offsets; render the value
    /// returned by `gloss_core::analyze` (byte offsets).
    NotByteOffsets,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportError::NotByteOffsets => {
                f.write_str("the analysis must use byte offsets to be rendered")
            }
        }
    }
}

impl std::error::Error for ExportError {}

/// Human name of an actor kind.
pub fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organisation",
        ActorKind::Place => "place",
        ActorKind::Group => "group",
        ActorKind::Other => "other",
    }
}

fn card_id(id: &str) -> String {
    format!("card-{}", ident(id))
}

/// Index of the sentence containing byte `pos`.
fn sentence_of(a: &Analysis, pos: usize) -> Option<usize> {
    let i = a.sentences.partition_point(|s| s.end <= pos);
    (i < a.sentences.len() && a.sentences[i].start <= pos).then_some(i)
}

fn sentence_link(a: &Analysis, pos: usize, label: &str) -> String {
    match sentence_of(a, pos) {
        Some(i) => format!("<a href=\"#s-{i}\">{}</a>", html(label)),
        None => html(label),
    }
}

/// A title for the page: the first paragraph when it is short (a headline).
fn title(a: &Analysis) -> String {
    a.paragraphs
        .first()
        .and_then(|p| a.text.get(p.start..p.end))
        .filter(|t| t.chars().count() <= 120)
        .map_or_else(|| "Explained article".to_owned(), str::to_owned)
}

fn push_text(out: &mut String, a: &Analysis) {
    let mut starts = a
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (s.start, i))
        .peekable();
    for p in segments::paragraphs(a) {
        out.push_str("<p>");
        for seg in &p.segments {
            let (open, close) = match (seg.actor, seg.proposal) {
                (Some((ai, _)), prop) => {
                    let actor = &a.actors[ai];
                    let cls = if prop.is_some() { " in-prop" } else { "" };
                    (
                        format!(
                            "<a class=\"m k-{}{cls}\" href=\"#{}\" data-actor=\"{}\">",
                            kind_name(actor.kind),
                            card_id(&actor.id),
                            html(&actor.id)
                        ),
                        "</a>",
                    )
                }
                (None, Some((pi, _))) => {
                    let prop = &a.proposals[pi];
                    (
                        format!(
                            "<a class=\"prop\" href=\"#{}\" data-proposal=\"{}\">",
                            card_id(&prop.id),
                            html(&prop.id)
                        ),
                        "</a>",
                    )
                }
                (None, None) if seg.ignored => (
                    "<span class=\"ignored\" title=\"Not part of the story\">".to_owned(),
                    "</span>",
                ),
                (None, None) => (String::new(), ""),
            };
            // Sentence anchors may fall inside a plain run; split it there.
            let mut pos = seg.start;
            while let Some(&(s, i)) = starts.peek() {
                if s < pos {
                    starts.next();
                    continue;
                }
                if s >= seg.end || !close.is_empty() {
                    break;
                }
                push_html(out, &a.text[pos..s]);
                out.push_str(&format!("<span id=\"s-{i}\" class=\"anchor\"></span>"));
                pos = s;
                starts.next();
            }
            if !close.is_empty() {
                if let Some(&(s, i)) = starts.peek() {
                    if s == seg.start {
                        out.push_str(&format!("<span id=\"s-{i}\" class=\"anchor\"></span>"));
                        starts.next();
                    }
                }
            }
            out.push_str(&open);
            push_html(out, &a.text[pos..seg.end]);
            out.push_str(close);
        }
        out.push_str("</p>\n");
    }
}

/// The "who wants what" digest above the article: one line per main
/// proposal, each actor's name linked to its evidence sentence.
fn push_digest(out: &mut String, a: &Analysis) {
    if a.digest.is_empty() {
        return;
    }
    out.push_str("<section class=\"digest\"><h2>Who wants what</h2><ul>");
    for line in &a.digest {
        let Some(p) = a.proposal(&line.proposal) else {
            continue;
        };
        out.push_str(&format!(
            "<li><a class=\"prop\" href=\"#{}\">{}</a>: ",
            card_id(&p.id),
            html(&capitalised(&p.name))
        ));
        let mut parts: Vec<String> = Vec::new();
        for (label, kinds) in [
            ("proposed by", &[StanceKind::Proposes][..]),
            ("backed by", &[StanceKind::Supports][..]),
            ("opposed by", &[StanceKind::Opposes][..]),
            ("criticised by", &[StanceKind::Criticizes][..]),
            ("divided:", &[StanceKind::Mixed][..]),
        ] {
            let names: Vec<String> = line
                .links
                .iter()
                .filter(|l| kinds.contains(&l.stance))
                .map(|l| {
                    let name = a
                        .actor(&l.actor)
                        .map_or(l.actor.as_str(), |x| x.name.as_str());
                    format!(
                        "<a href=\"#s-{}\" title=\"{}\">{}</a>",
                        l.sentence,
                        html(a.text.get(l.start..l.end).unwrap_or("")),
                        html(name)
                    )
                })
                .collect();
            if !names.is_empty() {
                parts.push(format!("{label} {}", names.join(", ")));
            }
        }
        out.push_str(&parts.join("; "));
        out.push_str(".</li>");
    }
    out.push_str("</ul></section>");
}

/// The text with its first letter in upper case.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn push_actor_card(out: &mut String, a: &Analysis, actor: &Actor) {
    out.push_str(&format!(
        "<section class=\"card\" id=\"{}\" data-card>",
        card_id(&actor.id)
    ));
    out.push_str(&format!(
        "<a class=\"close\" href=\"#\" aria-label=\"Close\">×</a><h3>{}</h3>",
        html(&actor.name)
    ));
    out.push_str(&format!(
        "<p class=\"kind k-{0}\">{0}</p>",
        kind_name(actor.kind)
    ));
    out.push_str("<h4>In this article</h4>");
    if let Some(d) = &actor.description {
        out.push_str(&format!("<p class=\"desc\">{}</p>", html(d)));
    }
    if !actor.aliases.is_empty() {
        out.push_str(&format!(
            "<p class=\"aliases\">Also: {}</p>",
            html(&actor.aliases.join(", "))
        ));
    }
    out.push_str(&format!(
        "<p class=\"count\">{} mention{}</p>",
        actor.mentions.len(),
        if actor.mentions.len() == 1 { "" } else { "s" }
    ));
    if !actor.facts.is_empty() {
        out.push_str("<ul class=\"facts\">");
        for f in &actor.facts {
            out.push_str(&format!(
                "<li><a href=\"#s-{}\">{}</a></li>",
                f.sentence,
                html(&f.text)
            ));
        }
        out.push_str("</ul>");
    }
    let stances: Vec<(&Proposal, &gloss_core::Stance)> = a
        .proposals
        .iter()
        .flat_map(|p| {
            p.stances
                .iter()
                .filter(|s| s.actor == actor.id)
                .map(move |s| (p, s))
        })
        .collect();
    if !stances.is_empty() {
        out.push_str("<h4>Stances</h4><ul class=\"stances\">");
        for (p, s) in stances {
            out.push_str(&format!(
                "<li><span class=\"stance st-{}\">{}</span> <a href=\"#{}\">{}</a><blockquote>{}</blockquote></li>",
                stance_map::stance_class(s.stance),
                stance_label(s.stance),
                card_id(&p.id),
                html(&p.name),
                sentence_link(a, s.evidence.start, &s.evidence.text)
            ));
        }
        out.push_str("</ul>");
    }
    if let Some(b) = &actor.background {
        if b.related {
            // "French officials": France is what they are named after, not them.
            out.push_str(&format!(
                "<h4>Background <span class=\"asof\">as of {}</span></h4><p class=\"bg related\">Related: {} ({})</p><p class=\"source\">Source: {}</p>",
                html(&b.as_of),
                html(&b.name),
                html(&b.category),
                html(&b.source)
            ));
        } else {
            out.push_str(&format!(
                "<h4>Background <span class=\"asof\">as of {}</span></h4><p class=\"bg\">{}</p><p class=\"source\">Source: {}</p>",
                html(&b.as_of),
                html(&b.description),
                html(&b.source)
            ));
        }
    }
    out.push_str("</section>\n");
}

fn push_proposal_card(out: &mut String, a: &Analysis, pi: usize, p: &Proposal) {
    out.push_str(&format!(
        "<section class=\"card\" id=\"{}\" data-card>",
        card_id(&p.id)
    ));
    out.push_str(&format!("<a class=\"close\" href=\"#\" aria-label=\"Close\">×</a><h3>{}</h3><p class=\"kind k-proposal\">proposal</p>", html(&p.name)));
    if let Some(d) = &p.description {
        out.push_str(&format!("<p class=\"desc\">{}</p>", html(d)));
    }
    if p.stances.is_empty() {
        out.push_str("<p>No actor takes a clear position on it in this article.</p>");
    } else {
        out.push_str("<h4>Who stands where</h4><ul class=\"stances\">");
        for (si, s) in p.stances.iter().enumerate() {
            let name = a
                .actor(&s.actor)
                .map_or(s.actor.as_str(), |x| x.name.as_str());
            out.push_str(&format!(
                "<li id=\"ev-{pi}-{si}\"><a href=\"#{}\">{}</a> <span class=\"stance st-{}\">{}</span><blockquote>{}</blockquote></li>",
                card_id(&s.actor),
                html(name),
                stance_map::stance_class(s.stance),
                stance_label(s.stance),
                sentence_link(a, s.evidence.start, &s.evidence.text)
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
}

/// Renders `analysis` (byte offsets) as one self-contained HTML document.
pub fn html_page(analysis: &Analysis) -> Result<String, ExportError> {
    if analysis.offsets != OffsetUnit::Byte {
        return Err(ExportError::NotByteOffsets);
    }
    let a = analysis;
    let mut out = String::with_capacity(a.text.len() * 3 + 8192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str(&format!(
        "<title>{} — explained by Gloss</title><style>{CSS}</style></head><body>",
        html(&title(a))
    ));
    out.push_str("<header><p class=\"brand\">Gloss</p><p class=\"note\">An explained article, saved from Gloss. Highlights open cards; everything here comes from the article, except sections marked Background.</p></header><main>");

    if !a.summary.sentences.is_empty() {
        out.push_str("<section class=\"summary\"><h2>Summary</h2><ol>");
        for &i in &a.summary.sentences {
            if let Some(s) = a.sentences.get(i) {
                out.push_str(&format!(
                    "<li><a href=\"#s-{i}\">{}</a></li>",
                    html(a.text.get(s.start..s.end).unwrap_or(""))
                ));
            }
        }
        out.push_str("</ol></section>");
    }

    push_digest(&mut out, a);

    out.push_str("<article class=\"text\">");
    push_text(&mut out, a);
    out.push_str("</article>");

    let map = stance_map::layout(a);
    if !map.is_empty() {
        out.push_str("<section class=\"map\"><h2>Who stands where</h2>");
        out.push_str(&stance_map::svg(
            &map,
            &|e| format!("#ev-{}-{}", e.proposal_index, e.stance_index),
            &|id| format!("#{}", card_id(id)),
        ));
        out.push_str("</section>");
    }

    out.push_str("<section class=\"lists\"><h2>Actors</h2><ul class=\"actors\">");
    for actor in &a.actors {
        out.push_str(&format!(
            "<li><a class=\"m k-{}\" href=\"#{}\">{}</a> <span class=\"count\">{}×</span></li>",
            kind_name(actor.kind),
            card_id(&actor.id),
            html(&actor.name),
            actor.mentions.len()
        ));
    }
    out.push_str("</ul>");
    if !a.proposals.is_empty() {
        out.push_str("<h2>Proposals</h2><ul class=\"proposals\">");
        for p in &a.proposals {
            out.push_str(&format!(
                "<li><a class=\"prop\" href=\"#{}\">{}</a></li>",
                card_id(&p.id),
                html(&p.name)
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section><div class=\"cards\">");
    for actor in &a.actors {
        push_actor_card(&mut out, a, actor);
    }
    for (pi, p) in a.proposals.iter().enumerate() {
        push_proposal_card(&mut out, a, pi, p);
    }
    out.push_str("</div></main><footer>Made with Gloss. The analysis ran in the reader’s browser; nothing was uploaded.</footer></body></html>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{analyze, Options};

    #[test]
    fn page_is_inert_and_complete() {
        let text = "Vladimir Putin met <img src=x onerror=\"window.__pwned=1\"> in Moscow.\nPutin rejected the peace plan. <script>alert(1)</script>";
        let a = analyze(
            text,
            &Options {
                input: gloss_core::InputFormat::Text,
                ..Options::default()
            },
        );
        let page = html_page(&a).expect("byte offsets");
        assert!(!page.contains("<script"));
        assert!(!page.contains("<img"));
        assert!(page.contains("&lt;img src=x onerror="));
        assert!(page.contains("Content-Security-Policy"));
        for actor in &a.actors {
            assert!(page.contains(&format!("id=\"{}\"", card_id(&actor.id))));
        }
    }

    #[test]
    fn digest_comes_before_the_article_with_evidence_links() {
        let a = analyze(
            "Hungary called for lifting the sanctions on Iran. Austria rejected lifting the sanctions.",
            &Options::default(),
        );
        let page = html_page(&a).expect("byte offsets");
        let digest = page.find("Who wants what</h2>").expect("a digest");
        assert!(digest < page.find("<article").expect("the article"));
        assert!(page.contains("proposed by <a href=\"#s-0\""), "{page}");
        assert!(page.contains("opposed by <a href=\"#s-1\""), "{page}");
    }

    #[test]
    fn refuses_converted_offsets() {
        let mut a = analyze("Putin spoke.", &Options::default());
        a.convert_offsets(OffsetUnit::Codepoint);
        assert_eq!(html_page(&a), Err(ExportError::NotByteOffsets));
    }
}

//! A self-contained, script-free HTML page of an explained article: the text
//! with highlights, the summary, a card per actor and proposal, and the
//! stance map. Cards open with CSS `:target`, so the page works offline from a
//! file with no JavaScript at all; its Content-Security-Policy forbids every
//! script and every request. Every piece of article text is escaped.
//!
//! O(n + m log m) for text length n and m mentions.

use crate::corrections::Outcome;
use crate::escape::{html, ident, push_html};
use crate::layout::{self, Mark, Node};
use crate::masthead::masthead;
use crate::stance_map;
use crate::vocab;
use gloss_core::{Actor, Analysis, OffsetUnit, Proposal, StanceKind};

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

fn push_text(out: &mut String, a: &Analysis, from: usize) {
    for p in layout::layout(a).into_iter().skip(from) {
        out.push_str("<p>");
        push_nodes(out, a, &p.nodes, None);
        out.push_str("</p>\n");
    }
}

/// Writes laid-out nodes. Inside a proposal (`in_proposal`: its card id),
/// plain text links to the proposal's card and actor mentions to their own,
/// so no link is nested in another.
fn push_nodes(out: &mut String, a: &Analysis, nodes: &[Node], in_proposal: Option<&str>) {
    for n in nodes {
        match n {
            Node::Text(r) => {
                let text = a.text.get(r.clone()).unwrap_or("");
                match in_proposal {
                    Some(card) => {
                        out.push_str(&format!("<a class=\"prop\" href=\"#{card}\">"));
                        push_html(out, text);
                        out.push_str("</a>");
                    }
                    None => push_html(out, text),
                }
            }
            Node::Marked { mark, children, .. } => match *mark {
                Mark::Sentence(i) => {
                    out.push_str(&format!("<span id=\"s-{i}\" class=\"sent\">"));
                    push_nodes(out, a, children, in_proposal);
                    out.push_str("</span>");
                }
                Mark::Ignored(_) => {
                    out.push_str("<span class=\"ignored\" title=\"Not part of the story\">");
                    push_nodes(out, a, children, in_proposal);
                    out.push_str("</span>");
                }
                Mark::Proposal { proposal, .. } => {
                    let Some(prop) = a.proposals.get(proposal) else {
                        push_nodes(out, a, children, in_proposal);
                        continue;
                    };
                    let card = card_id(&prop.id);
                    out.push_str(&format!(
                        "<span class=\"m k-proposal\" data-proposal=\"{}\">",
                        html(&prop.id)
                    ));
                    push_nodes(out, a, children, Some(&card));
                    out.push_str("</span>");
                }
                Mark::Actor { actor, .. } => {
                    let Some(x) = a.actors.get(actor) else {
                        push_nodes(out, a, children, in_proposal);
                        continue;
                    };
                    out.push_str(&format!(
                        "<a class=\"m k-{}\" href=\"#{}\" data-actor=\"{}\">",
                        vocab::kind(x.kind).class,
                        card_id(&x.id),
                        html(&x.id)
                    ));
                    push_nodes(out, a, children, None);
                    out.push_str("</a>");
                }
            },
        }
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
                        .map_or_else(|| l.actor.clone(), |x| x.running_name());
                    format!(
                        "<a href=\"#s-{}\" title=\"{}\">{}</a>",
                        l.sentence,
                        html(a.text.get(l.start..l.end).unwrap_or("")),
                        html(&name)
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
    let kind = vocab::kind(actor.kind);
    out.push_str(&format!(
        "<p class=\"kind k-{}\">{}</p>",
        kind.class, kind.label
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
        "<p class=\"count\">{}</p>",
        vocab::count(actor.mentions.len(), "mention", "mentions")
    ));
    if !actor.facts.is_empty() {
        out.push_str("<ul class=\"facts\">");
        for f in &actor.facts {
            out.push_str(&format!(
                "<li><a class=\"fact\" href=\"#s-{}\">{}</a></li>",
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
                vocab::stance(s.stance).class,
                vocab::sentence_case(vocab::stance(s.stance).verb),
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
                "<div class=\"background\"><h4>Background <span class=\"asof\">not from this article · as of {}</span></h4><p class=\"bg related\">Related: {} ({})</p><details class=\"source\"><summary>Source ⓘ</summary>{}</details></div>",
                html(&b.as_of),
                html(&b.name),
                html(&b.category),
                html(&b.source)
            ));
        } else {
            out.push_str(&format!(
                "<div class=\"background\"><h4>Background <span class=\"asof\">not from this article · as of {}</span></h4><p class=\"bg\">{}</p><details class=\"source\"><summary>Source ⓘ</summary>{}</details></div>",
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
            let holder = a.actor(&s.actor);
            let name = holder.map_or(s.actor.as_str(), |x| x.name.as_str());
            out.push_str(&format!(
                "<li id=\"ev-{pi}-{si}\"><a href=\"#{}\">{}</a> <span class=\"stance st-{}\">{}</span> it<blockquote>{}</blockquote></li>",
                card_id(&s.actor),
                html(name),
                vocab::stance(s.stance).class,
                vocab::verb_for(s.stance, holder),
                sentence_link(a, s.evidence.start, &s.evidence.text)
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
}

/// Renders `analysis` (byte offsets) as one self-contained HTML document.
pub fn html_page(analysis: &Analysis) -> Result<String, ExportError> {
    html_page_with(analysis, &[])
}

/// Renders `analysis` (byte offsets) as one self-contained HTML document,
/// noting the reader's `corrections` (what became of each).
pub fn html_page_with(analysis: &Analysis, corrections: &[Outcome]) -> Result<String, ExportError> {
    if analysis.offsets != OffsetUnit::Byte {
        return Err(ExportError::NotByteOffsets);
    }
    let a = analysis;
    let top = masthead(a);
    let title = top.title(a).unwrap_or("Explained article");
    let mut out = String::with_capacity(a.text.len() * 3 + 8192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str(&format!(
        "<title>{} — explained by Gloss</title><style>{CSS}</style></head><body>",
        html(title)
    ));
    out.push_str("<header><p class=\"brand\"><span class=\"logo\">G</span> Gloss</p><p class=\"note\">An explained article, saved from Gloss. Highlights open cards; everything here comes from the article, except sections marked Background.</p></header><main>");
    out.push_str(&format!("<h1>{}</h1>", html(title)));
    if let Some(credit) = top.credit() {
        out.push_str(&format!("<p class=\"credit\">{}</p>", html(&credit)));
    }
    let kept: Vec<&Outcome> = corrections.iter().filter(|o| o.applied).collect();
    if !kept.is_empty() {
        out.push_str(&format!(
            "<section class=\"corrections\"><h2>Corrected by the reader</h2><p>{} on top of Gloss’s analysis:</p><ul>",
            vocab::count(kept.len(), "correction", "corrections")
        ));
        for o in kept {
            out.push_str(&format!("<li>{}</li>", html(&o.description)));
        }
        out.push_str("</ul></section>");
    }

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
    push_text(&mut out, a, top.body_start(a));
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
            vocab::kind(actor.kind).class,
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
    fn headline_corrections_and_no_nested_links() {
        let text = "Council approves bus lanes\n\nBy Maria Lopez\n\nMayor Daniel Reyes proposed the Reyes plan. The chamber of commerce opposed the Reyes plan.";
        let a = analyze(text, &Options::default());
        let outcomes = [Outcome {
            applied: true,
            description: "“Reyes” <b>renamed</b>.".into(),
        }];
        let page = html_page_with(&a, &outcomes).expect("byte offsets");
        assert!(
            page.contains("<h1>Council approves bus lanes</h1>"),
            "{page}"
        );
        assert!(page.contains("<p class=\"credit\">By Maria Lopez</p>"));
        assert!(page.contains("Corrected by the reader") && page.contains("&lt;b&gt;renamed"));
        let mut depth = 0i32;
        for (i, _) in page.match_indices("<a") {
            let closes = page[..i].matches("</a>").count() as i32;
            let opens =
                page[..i].matches("<a ").count() as i32 + page[..i].matches("<a>").count() as i32;
            depth = opens - closes;
            assert!(depth == 0, "a link opens inside another at {i}");
        }
        assert_eq!(depth, 0);
    }

    #[test]
    fn refuses_converted_offsets() {
        let mut a = analyze("Putin spoke.", &Options::default());
        a.convert_offsets(OffsetUnit::Codepoint);
        assert_eq!(html_page(&a), Err(ExportError::NotByteOffsets));
    }
}

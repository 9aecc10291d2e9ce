//! Highlight layout: each paragraph of the analysed text as a tree of nodes
//! that a view draws — plain text, sentence wrappers (jump targets), dimmed
//! boilerplate, proposal mentions and, inside them, actor mentions. The live
//! view (the app), the HTML page ([`crate::export`]) and so the CLI all draw
//! from this one layout.
//!
//! Overlapping spans are resolved by nesting: a span is kept if it lies
//! inside its parent and after its previous sibling, and only spans of a
//! deeper layer may nest (sentence/boilerplate → proposal → actor); a span
//! that crosses another is dropped, its inner spans still shown.
//!
//! Complexity: collecting the spans is O(m log m) for m spans (one sort);
//! laying out all paragraphs is O(p + m).

use gloss_core::Analysis;
use std::ops::Range;

/// An actor or a proposal of an analysis, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// Index into [`Analysis::actors`].
    Actor(usize),
    /// Index into [`Analysis::proposals`].
    Proposal(usize),
}

/// What a marked span refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Sentence `i` of [`Analysis::sentences`].
    Sentence(usize),
    /// A boilerplate range (index into [`Analysis::ignored`]).
    Ignored(usize),
    /// Mention `mention` of proposal `proposal`.
    Proposal {
        /// Index into [`Analysis::proposals`].
        proposal: usize,
        /// Index into its mentions.
        mention: usize,
    },
    /// Mention `mention` of actor `actor`.
    Actor {
        /// Index into [`Analysis::actors`].
        actor: usize,
        /// Index into its mentions.
        mention: usize,
    },
}

impl Mark {
    /// Nesting layer: deeper layers sit inside shallower ones.
    const fn layer(self) -> u8 {
        match self {
            Mark::Sentence(_) | Mark::Ignored(_) => 0,
            Mark::Proposal { .. } => 1,
            Mark::Actor { .. } => 2,
        }
    }
}

/// One node of a laid-out paragraph; ranges are byte ranges of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Plain text.
    Text(Range<usize>),
    /// A marked span with its children.
    Marked {
        /// What it is.
        mark: Mark,
        /// Its byte range.
        range: Range<usize>,
        /// What lies inside, in order.
        children: Vec<Node>,
    },
}

/// One laid-out paragraph, with what it contains (so the view can skip
/// re-rendering paragraphs a hover or a card does not touch).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Its byte range.
    pub range: Range<usize>,
    /// Its content.
    pub nodes: Vec<Node>,
    /// Every actor and proposal with a mention here, sorted.
    pub targets: Vec<Target>,
    /// Every sentence wrapper here, sorted.
    pub sentences: Vec<usize>,
}

impl Paragraph {
    /// True if a mention of `t` is in this paragraph.
    pub fn has(&self, t: Target) -> bool {
        self.targets.binary_search(&t).is_ok()
    }

    /// True if sentence `i` is wrapped in this paragraph.
    pub fn has_sentence(&self, i: usize) -> bool {
        self.sentences.binary_search(&i).is_ok()
    }

    fn index(&mut self) {
        fn walk(nodes: &[Node], t: &mut Vec<Target>, s: &mut Vec<usize>) {
            for n in nodes {
                if let Node::Marked { mark, children, .. } = n {
                    match *mark {
                        Mark::Actor { actor, .. } => t.push(Target::Actor(actor)),
                        Mark::Proposal { proposal, .. } => t.push(Target::Proposal(proposal)),
                        Mark::Sentence(i) => s.push(i),
                        Mark::Ignored(_) => {}
                    }
                    walk(children, t, s);
                }
            }
        }
        walk(&self.nodes, &mut self.targets, &mut self.sentences);
        self.targets.sort_unstable();
        self.targets.dedup();
        self.sentences.sort_unstable();
    }
}

/// A span to lay out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Item {
    start: usize,
    end: usize,
    mark: Mark,
}

/// Every span of the analysis, sorted outer-first: by start, longer first, shallower first.
fn items(a: &Analysis) -> Vec<Item> {
    let mut out = Vec::with_capacity(a.sentences.len() + a.ignored.len() + a.mentions.len());
    out.extend(a.sentences.iter().enumerate().map(|(i, s)| Item {
        start: s.start,
        end: s.end,
        mark: Mark::Sentence(i),
    }));
    out.extend(a.ignored.iter().enumerate().map(|(i, s)| Item {
        start: s.start,
        end: s.end,
        mark: Mark::Ignored(i),
    }));
    for (pi, p) in a.proposals.iter().enumerate() {
        out.extend(p.mentions.iter().enumerate().map(|(mi, m)| Item {
            start: m.start,
            end: m.end,
            mark: Mark::Proposal {
                proposal: pi,
                mention: mi,
            },
        }));
    }
    for (ai, actor) in a.actors.iter().enumerate() {
        out.extend(actor.mentions.iter().enumerate().map(|(mi, m)| Item {
            start: m.start,
            end: m.end,
            mark: Mark::Actor {
                actor: ai,
                mention: mi,
            },
        }));
    }
    out.retain(|i| i.start < i.end && i.end <= a.text.len());
    out.sort_by(|x, y| {
        x.start
            .cmp(&y.start)
            .then(y.end.cmp(&x.end))
            .then(x.mark.layer().cmp(&y.mark.layer()))
            .then(x.mark.cmp(&y.mark))
    });
    out
}

/// Lays out the text as paragraphs of nodes. Text outside every paragraph
/// (blank lines) is left out; without paragraphs the whole text is one.
pub fn layout(a: &Analysis) -> Vec<Paragraph> {
    let all = items(a);
    let mut paragraphs: Vec<Range<usize>> = a
        .paragraphs
        .iter()
        .filter(|p| p.start < p.end && p.end <= a.text.len())
        .map(|p| p.start..p.end)
        .collect();
    if paragraphs.is_empty() && !a.text.is_empty() {
        paragraphs.push(0..a.text.len());
    }
    let mut next = 0usize;
    let mut out = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        // Skip spans that start before this paragraph.
        while next < all.len() && all[next].start < p.start {
            next += 1;
        }
        let mut end = next;
        while end < all.len() && all[end].start < p.end {
            end += 1;
        }
        let mut cursor = next;
        let nodes = fill(p.clone(), None, &all[..end], &mut cursor, a);
        next = end;
        let mut para = Paragraph {
            range: p,
            nodes,
            targets: Vec::new(),
            sentences: Vec::new(),
        };
        para.index();
        out.push(para);
    }
    out
}

/// Fills `range` with nodes from `items[*cursor..]`, accepting only marks
/// deeper than the `parent` layer (`None` at the top accepts all).
fn fill(
    range: Range<usize>,
    parent: Option<u8>,
    items: &[Item],
    cursor: &mut usize,
    a: &Analysis,
) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut pos = range.start;
    while let Some(item) = items.get(*cursor).copied() {
        if item.start >= range.end {
            break;
        }
        *cursor += 1;
        let layer = item.mark.layer();
        let nests = parent.is_none_or(|p| layer > p);
        let fits = item.start >= pos && item.end <= range.end;
        let on_boundaries =
            a.text.is_char_boundary(item.start) && a.text.is_char_boundary(item.end);
        if !(nests && fits && on_boundaries) {
            continue;
        }
        if item.start > pos {
            nodes.push(Node::Text(pos..item.start));
        }
        let children = fill(item.start..item.end, Some(layer), items, cursor, a);
        nodes.push(Node::Marked {
            mark: item.mark,
            range: item.start..item.end,
            children,
        });
        pos = item.end;
    }
    if pos < range.end {
        nodes.push(Node::Text(pos..range.end));
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{Actor, ActorKind, Mention, Proposal, Span};

    fn mention(text: &str, s: &str) -> Mention {
        let start = text.find(s).expect("substring");
        Mention {
            start,
            end: start + s.len(),
            text: s.to_owned(),
            form: Default::default(),
        }
    }

    fn analysis(text: &str, actors: &[(&str, &[&str])], proposals: &[&str]) -> Analysis {
        let mut a = gloss_core::analyze("", &gloss_core::Options::default());
        a.text = text.to_owned();
        a.paragraphs = vec![Span::new(0, text.len())];
        a.sentences = vec![Span::new(0, text.len())];
        a.actors = actors
            .iter()
            .map(|(name, ms)| Actor {
                id: name.to_lowercase(),
                name: (*name).to_owned(),
                kind: ActorKind::Person,
                aliases: vec![],
                description: None,
                salience: 1.0,
                mentions: ms.iter().map(|m| mention(text, m)).collect(),
                facts: vec![],
                background: None,
            })
            .collect();
        a.proposals = proposals
            .iter()
            .map(|p| Proposal {
                id: p.to_lowercase(),
                name: (*p).to_owned(),
                description: None,
                mentions: vec![mention(text, p)],
                stances: vec![],
            })
            .collect();
        a
    }

    fn flatten(nodes: &[Node], text: &str, out: &mut String) {
        for n in nodes {
            match n {
                Node::Text(r) => out.push_str(&text[r.clone()]),
                Node::Marked { children, .. } => flatten(children, text, out),
            }
        }
    }

    #[test]
    fn text_is_preserved_and_actors_nest_inside_proposals() {
        let text = "Putin rejected the Trump plan today.";
        let a = analysis(
            text,
            &[("Putin", &["Putin"]), ("Trump", &["Trump"])],
            &["Trump plan"],
        );
        let laid = layout(&a);
        assert_eq!(laid.len(), 1);
        let mut flat = String::new();
        flatten(&laid[0].nodes, text, &mut flat);
        assert_eq!(flat, text);
        // sentence > [Putin, text, proposal > [Trump, text], text]
        let Node::Marked { children, .. } = &laid[0].nodes[0] else {
            panic!("sentence wrapper expected")
        };
        let proposal = children
            .iter()
            .find_map(|n| match n {
                Node::Marked {
                    mark: Mark::Proposal { .. },
                    children,
                    ..
                } => Some(children),
                _ => None,
            })
            .expect("proposal node");
        assert!(matches!(
            proposal[0],
            Node::Marked {
                mark: Mark::Actor { actor: 1, .. },
                ..
            }
        ));
    }

    #[test]
    fn crossing_and_nested_same_layer_spans_are_dropped() {
        let text = "Vladimir Putin spoke.";
        let mut a = analysis(
            text,
            &[
                ("Vladimir Putin", &["Vladimir Putin"]),
                ("Putin", &["Putin"]),
            ],
            &[],
        );
        a.ignored.clear();
        let laid = layout(&a);
        let mut count = 0;
        fn walk(nodes: &[Node], count: &mut usize) {
            for n in nodes {
                if let Node::Marked { mark, children, .. } = n {
                    if matches!(mark, Mark::Actor { .. }) {
                        *count += 1;
                    }
                    walk(children, count);
                }
            }
        }
        walk(&laid[0].nodes, &mut count);
        assert_eq!(count, 1, "the nested actor mention is dropped");
        let mut flat = String::new();
        flatten(&laid[0].nodes, text, &mut flat);
        assert_eq!(flat, text);
    }

    #[test]
    fn out_of_range_and_non_boundary_spans_are_ignored() {
        let text = "Zelenskyy’s team";
        let mut a = analysis(text, &[("Zelenskyy", &["Zelenskyy"])], &[]);
        a.actors[0].mentions.push(Mention {
            start: 10,
            end: 11,
            text: String::new(),
            form: Default::default(),
        });
        a.actors[0].mentions.push(Mention {
            start: 5,
            end: 500,
            text: String::new(),
            form: Default::default(),
        });
        let laid = layout(&a);
        let mut flat = String::new();
        flatten(&laid[0].nodes, text, &mut flat);
        assert_eq!(flat, text);
    }

    #[test]
    fn random_spans_never_panic_and_keep_the_text() {
        // A small LCG: arbitrary (overlapping, crossing, out-of-range,
        // mid-character) spans must never panic and never lose text.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((seed >> 33) as usize) % n.max(1)
        };
        let text = "Zelenskyy’s 😀 team met Putin. Trump’s plan — the 28-point proposal — stalled.\n\nEurope waits.";
        for _ in 0..300 {
            let mut a = analysis(text, &[("Putin", &["Putin"])], &["plan"]);
            let len = text.len() + 4;
            let mut span = || {
                let s = next(len);
                Mention {
                    start: s,
                    end: s + next(20),
                    text: String::new(),
                    form: Default::default(),
                }
            };
            for _ in 0..6 {
                a.actors[0].mentions.push(span());
                a.proposals[0].mentions.push(span());
            }
            let (s1, s2) = (span(), span());
            a.sentences = vec![Span::new(s1.start, s1.end), Span::new(s2.start, s2.end)];
            let split = text.find("\n\n").unwrap_or(0);
            a.paragraphs = vec![Span::new(0, split), Span::new(split + 2, text.len())];
            for p in layout(&a) {
                let mut flat = String::new();
                flatten(&p.nodes, text, &mut flat);
                assert_eq!(flat, text[p.range.clone()]);
            }
        }
    }

    #[test]
    fn real_analysis_round_trips_every_paragraph() {
        let text = include_str!("../../../www/samples/moscow-talks.txt");
        let a = gloss_core::analyze(text, &gloss_core::Options::default());
        let laid = layout(&a);
        for p in &laid {
            let mut flat = String::new();
            flatten(&p.nodes, &a.text, &mut flat);
            assert_eq!(flat, a.text[p.range.clone()]);
        }
        let putin = a.actors.iter().position(|x| x.name.contains("Putin"));
        if let Some(i) = putin {
            assert!(laid.iter().any(|p| p.has(Target::Actor(i))));
        }
        assert!(laid.iter().any(|p| p.has_sentence(0)));
    }
}

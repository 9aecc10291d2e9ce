//! Cutting the text into highlight runs.
//!
//! Actor mentions, proposal mentions and ignored ranges may overlap (an actor
//! inside a proposal: "another direct Trump-Putin summit"). [`paragraphs`]
//! cuts each paragraph at every boundary, so that each [`Segment`] carries at
//! most one of each layer. Within a layer, overlapping items are resolved
//! greedily (earlier start wins, then the longer one). A view wraps runs that
//! share a proposal in one proposal element and each actor run in an actor
//! element.
//!
//! O(m log m + p) for m mentions and p paragraphs.

use gloss_core::{Analysis, Span};

/// One run of text with the highlights it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte start in `analysis.text`.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// `(actor index, mention index)` into `analysis.actors[..].mentions[..]`.
    pub actor: Option<(usize, usize)>,
    /// `(proposal index, mention index)` into `analysis.proposals[..].mentions[..]`.
    pub proposal: Option<(usize, usize)>,
    /// Inside a boilerplate range.
    pub ignored: bool,
}

/// A paragraph and its runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph span.
    pub span: Span,
    /// Its runs, covering it exactly, in order.
    pub segments: Vec<Segment>,
}

#[derive(Clone, Copy)]
struct Item<T> {
    start: usize,
    end: usize,
    tag: T,
}

/// Sorts and drops items overlapping an earlier kept one.
fn non_overlapping<T: Copy>(mut items: Vec<Item<T>>, text_len: usize) -> Vec<Item<T>> {
    items.retain(|i| i.start < i.end && i.end <= text_len);
    items.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Item<T>> = Vec::with_capacity(items.len());
    for i in items {
        if out.last().is_none_or(|l| l.end <= i.start) {
            out.push(i);
        }
    }
    out
}

/// Active item of a sorted, non-overlapping layer at `pos`, advancing `cursor`.
fn active<T: Copy>(layer: &[Item<T>], cursor: &mut usize, pos: usize) -> Option<T> {
    while *cursor < layer.len() && layer[*cursor].end <= pos {
        *cursor += 1;
    }
    layer.get(*cursor).filter(|i| i.start <= pos).map(|i| i.tag)
}

/// Cuts every paragraph of `analysis` (byte offsets) into highlight runs.
pub fn paragraphs(analysis: &Analysis) -> Vec<Paragraph> {
    let len = analysis.text.len();
    let actors = non_overlapping(
        analysis
            .actors
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| {
                a.mentions.iter().enumerate().map(move |(mi, m)| Item {
                    start: m.start,
                    end: m.end,
                    tag: (ai, mi),
                })
            })
            .collect(),
        len,
    );
    let proposals = non_overlapping(
        analysis
            .proposals
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| {
                p.mentions.iter().enumerate().map(move |(mi, m)| Item {
                    start: m.start,
                    end: m.end,
                    tag: (pi, mi),
                })
            })
            .collect(),
        len,
    );
    let ignored = non_overlapping(
        analysis
            .ignored
            .iter()
            .map(|i| Item {
                start: i.start,
                end: i.end,
                tag: (),
            })
            .collect(),
        len,
    );

    let mut cuts: Vec<usize> =
        Vec::with_capacity(2 * (actors.len() + proposals.len() + ignored.len()));
    for (s, e) in actors
        .iter()
        .map(|i| (i.start, i.end))
        .chain(proposals.iter().map(|i| (i.start, i.end)))
        .chain(ignored.iter().map(|i| (i.start, i.end)))
    {
        cuts.push(s);
        cuts.push(e);
    }
    cuts.sort_unstable();
    cuts.dedup();

    let (mut ca, mut cp, mut ci, mut cc) = (0, 0, 0, 0);
    let mut out = Vec::with_capacity(analysis.paragraphs.len());
    for p in &analysis.paragraphs {
        let span = Span::new(p.start.min(len), p.end.min(len));
        let mut segments = Vec::new();
        while cc < cuts.len() && cuts[cc] <= span.start {
            cc += 1;
        }
        let mut pos = span.start;
        while pos < span.end {
            let next = if cc < cuts.len() && cuts[cc] < span.end {
                cuts[cc]
            } else {
                span.end
            };
            if next > pos
                && analysis.text.is_char_boundary(pos)
                && analysis.text.is_char_boundary(next)
            {
                segments.push(Segment {
                    start: pos,
                    end: next,
                    actor: active(&actors, &mut ca, pos),
                    proposal: active(&proposals, &mut cp, pos),
                    ignored: active(&ignored, &mut ci, pos).is_some(),
                });
            }
            pos = next;
            if cc < cuts.len() && cuts[cc] <= pos {
                cc += 1;
            }
        }
        out.push(Paragraph { span, segments });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{analyze, Options};

    #[test]
    fn segments_cover_paragraphs_exactly() {
        let text = "Vladimir Putin met Steve Witkoff in Moscow.\nPutin’s plan was rejected by Ukraine.\nMust Read";
        let a = analyze(text, &Options::default());
        for p in paragraphs(&a) {
            let joined: String = p.segments.iter().map(|s| &a.text[s.start..s.end]).collect();
            assert_eq!(joined, &a.text[p.span.start..p.span.end]);
            for w in p.segments.windows(2) {
                assert_eq!(w[0].end, w[1].start);
            }
        }
        let segs: Vec<Segment> = paragraphs(&a)
            .into_iter()
            .flat_map(|p| p.segments)
            .collect();
        assert!(segs.iter().any(|s| s.actor.is_some()));
        assert!(segs.iter().any(|s| s.ignored));
    }

    #[test]
    fn overlapping_items_are_resolved() {
        let items = vec![
            Item {
                start: 0,
                end: 5,
                tag: 1,
            },
            Item {
                start: 2,
                end: 4,
                tag: 2,
            },
            Item {
                start: 5,
                end: 6,
                tag: 3,
            },
        ];
        let kept: Vec<i32> = non_overlapping(items, 10).iter().map(|i| i.tag).collect();
        assert_eq!(kept, vec![1, 3]);
    }
}

//! The stance map: actors on the left, proposals on the right, one edge per
//! stance, coloured *and* dashed and labelled by stance (colour is never the
//! only cue).
//!
//! [`layout`] computes positions as plain data (the app draws it with its own
//! elements and handlers); [`svg`] writes a standalone SVG for the export.
//! O(s log a + a + p) for s stances, a actors and p proposals (actor ids are
//! looked up by binary search; no hash map).

use crate::escape;
use crate::vocab;
use gloss_core::{Analysis, StanceKind};

/// Row height in SVG user units.
pub const ROW: f32 = 40.0;
/// Total width in SVG user units (the SVG scales with `viewBox`).
pub const WIDTH: f32 = 720.0;
/// X of the actor column's right edge (where edges start).
pub const LEFT_X: f32 = 200.0;
/// X of the proposal column's left edge (where edges end).
pub const RIGHT_X: f32 = 440.0;

/// One labelled box in a column.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Actor or proposal id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Does the name take a plural verb ("Ukrainian officials criticise")?
    /// Always false for proposals.
    pub plural: bool,
    /// Vertical centre.
    pub y: f32,
}

/// One stance edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index into [`StanceMap::actors`].
    pub actor: usize,
    /// Index into [`StanceMap::proposals`].
    pub proposal: usize,
    /// The stance.
    pub stance: StanceKind,
    /// Index of the stance in `analysis.proposals[..].stances`.
    pub stance_index: usize,
    /// Index of the proposal in `analysis.proposals`.
    pub proposal_index: usize,
    /// The evidence sentence.
    pub evidence: String,
    /// Where the edge's stance label sits (centre of the text), chosen along
    /// the curve so that labels do not overlap.
    pub label_at: Option<(f32, f32)>,
}

/// The laid-out map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StanceMap {
    /// Actors that take a stance, most salient first.
    pub actors: Vec<Node>,
    /// Proposals with at least one stance, in order of first mention.
    pub proposals: Vec<Node>,
    /// Edges.
    pub edges: Vec<Edge>,
    /// Height in SVG user units.
    pub height: f32,
}

impl StanceMap {
    /// True when no actor takes a stance.
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }
}

/// Default stroke colour (Okabe–Ito, colour-blind safe) and dash pattern.
pub fn stance_style(s: StanceKind) -> (&'static str, &'static str) {
    match s {
        StanceKind::Proposes => ("#0072B2", ""),
        StanceKind::Supports => ("#009E73", ""),
        StanceKind::Opposes => ("#D55E00", "8 4"),
        StanceKind::Criticizes => ("#CC79A7", "3 3"),
        StanceKind::Mixed => ("#E69F00", "10 3 2 3"),
        StanceKind::Neutral => ("#7f7f7f", "1 4"),
    }
}

/// Lays out the stance map of `analysis`.
pub fn layout(analysis: &Analysis) -> StanceMap {
    // Actor ids sorted for binary search (no hash map: smaller wasm).
    let mut by_id: Vec<(&str, usize)> = analysis
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    by_id.sort_unstable();
    let rank = |id: &str| {
        by_id
            .binary_search_by(|(k, _)| (*k).cmp(id))
            .ok()
            .map(|j| by_id[j].1)
    };
    let mut used_actors: Vec<usize> = analysis
        .proposals
        .iter()
        .flat_map(|p| p.stances.iter())
        .filter_map(|s| rank(&s.actor))
        .collect();
    used_actors.sort_unstable();
    used_actors.dedup();
    let mut actor_row: Vec<Option<usize>> = vec![None; analysis.actors.len()];
    for (row, &ai) in used_actors.iter().enumerate() {
        actor_row[ai] = Some(row);
    }
    let used_props: Vec<usize> = (0..analysis.proposals.len())
        .filter(|&i| !analysis.proposals[i].stances.is_empty())
        .collect();

    let rows = used_actors.len().max(used_props.len()).max(1) as f32;
    let height = rows * ROW + ROW / 2.0;
    let y_for = |row: usize, n: usize| {
        let pad = (rows - n as f32) * ROW / 2.0;
        pad + ROW / 2.0 + row as f32 * ROW + ROW / 4.0
    };
    let actors: Vec<Node> = used_actors
        .iter()
        .enumerate()
        .map(|(row, &ai)| Node {
            id: analysis.actors[ai].id.clone(),
            label: analysis.actors[ai].name.clone(),
            plural: analysis.actors[ai].is_plural(),
            y: y_for(row, used_actors.len()),
        })
        .collect();
    let proposals: Vec<Node> = used_props
        .iter()
        .enumerate()
        .map(|(row, &pi)| Node {
            id: analysis.proposals[pi].id.clone(),
            label: analysis.proposals[pi].name.clone(),
            plural: false,
            y: y_for(row, used_props.len()),
        })
        .collect();
    let mut edges = Vec::new();
    for (prow, &pi) in used_props.iter().enumerate() {
        for (si, s) in analysis.proposals[pi].stances.iter().enumerate() {
            let Some(arow) = rank(&s.actor).and_then(|ai| actor_row[ai]) else {
                continue;
            };
            edges.push(Edge {
                actor: arow,
                proposal: prow,
                stance: s.stance,
                stance_index: si,
                proposal_index: pi,
                evidence: s.evidence.text.clone(),
                label_at: None,
            });
        }
    }
    place_labels(&mut edges, &actors, &proposals);
    StanceMap {
        actors,
        proposals,
        edges,
        height,
    }
}

/// Most edges whose labels are placed; past this the map is too dense to
/// read and edges keep only their dash pattern, colour and accessible name.
pub const MAX_LABELLED_EDGES: usize = 120;

/// A point on an edge's cubic curve at parameter `t`.
fn curve_point(ay: f32, py: f32, t: f32) -> (f32, f32) {
    let mid = LEFT_X + (RIGHT_X - LEFT_X) / 2.0;
    let u = 1.0 - t;
    let (b0, b1, b2, b3) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        b0 * LEFT_X + (b1 + b2) * mid + b3 * RIGHT_X,
        (b0 + b1) * ay + (b2 + b3) * py,
    )
}

/// Greedy label placement: each label tries a few points along its curve
/// and takes the first that overlaps no placed label. O(e²) for at most
/// [`MAX_LABELLED_EDGES`] edges.
fn place_labels(edges: &mut [Edge], actors: &[Node], proposals: &[Node]) {
    const W: f32 = 62.0;
    const H: f32 = 13.0;
    let mut placed: Vec<(f32, f32)> = Vec::new();
    for e in edges.iter_mut().take(MAX_LABELLED_EDGES) {
        let (ay, py) = (actors[e.actor].y, proposals[e.proposal].y);
        let free = |p: &(f32, f32)| {
            placed
                .iter()
                .all(|q| (p.0 - q.0).abs() >= W || (p.1 - q.1).abs() >= H)
        };
        let spot = [0.5, 0.35, 0.65, 0.25, 0.75, 0.42, 0.58]
            .iter()
            .map(|&t| curve_point(ay, py, t))
            .find(free);
        if let Some(p) = spot {
            placed.push(p);
            e.label_at = Some(p);
        }
    }
}

/// Shortens a label to about `max` characters for the SVG.
pub fn short_label(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// A standalone SVG of the map. `href(edge)` gives each edge's link target
/// (e.g. `#evidence-…`), `node_href(id)` each node's.
pub fn svg(
    map: &StanceMap,
    href: &dyn Fn(&Edge) -> String,
    node_href: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<svg class=\"stance-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {h}\" role=\"img\" aria-labelledby=\"sm-title\"><title id=\"sm-title\">Stance map: who stands where on each proposal</title>",
        h = map.height
    ));
    let mid = LEFT_X + (RIGHT_X - LEFT_X) / 2.0;
    for e in &map.edges {
        let (a, p) = (&map.actors[e.actor], &map.proposals[e.proposal]);
        let (color, dash) = stance_style(e.stance);
        let words = vocab::stance(e.stance);
        let verb = if a.plural {
            words.plural_verb
        } else {
            words.verb
        };
        let desc = format!("{} {verb} {}", a.label, p.label);
        out.push_str(&format!(
            "<a href=\"{}\" class=\"edge {}\" aria-label=\"{}\"><title>{}: “{}”</title>",
            escape::html(&href(e)),
            words.class,
            escape::html(&desc),
            escape::html(&desc),
            escape::html(&short_label(&e.evidence, 200))
        ));
        out.push_str(&format!(
            "<path d=\"M{LEFT_X} {ay} C{mid} {ay} {mid} {py} {RIGHT_X} {py}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\"/></a>",
            ay = a.y,
            py = p.y
        ));
    }
    // Labels after all curves, so no curve crosses a label.
    for e in &map.edges {
        if let Some((lx, ly)) = e.label_at {
            let (color, _) = stance_style(e.stance);
            out.push_str(&format!(
                "<a href=\"{}\" aria-hidden=\"true\" tabindex=\"-1\"><text x=\"{lx}\" y=\"{y}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{color}\" class=\"edge-label\">{}</text></a>",
                escape::html(&href(e)),
                vocab::stance(e.stance).label,
                y = ly + 4.0
            ));
        }
    }
    for n in &map.actors {
        out.push_str(&format!(
            "<a href=\"{}\"><text x=\"{x}\" y=\"{y}\" text-anchor=\"end\" font-size=\"13\" class=\"node actor\">{}</text></a>",
            escape::html(&node_href(&n.id)),
            escape::html(&short_label(&n.label, 26)),
            x = LEFT_X - 6.0,
            y = n.y + 4.0
        ));
    }
    for n in &map.proposals {
        out.push_str(&format!(
            "<a href=\"{}\"><text x=\"{x}\" y=\"{y}\" font-size=\"13\" class=\"node proposal\">{}</text></a>",
            escape::html(&node_href(&n.id)),
            escape::html(&short_label(&n.label, 36)),
            x = RIGHT_X + 6.0,
            y = n.y + 4.0
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{Actor, ActorKind, Evidence, Proposal, Stance};

    fn tiny() -> Analysis {
        let mut a = gloss_core::analyze("", &gloss_core::Options::default());
        a.actors.push(Actor {
            id: "zelenskyy".into(),
            name: "Zelenskyy <b>".into(),
            kind: ActorKind::Person,
            aliases: vec![],
            description: None,
            salience: 1.0,
            mentions: vec![],
            facts: vec![],
            background: None,
        });
        a.proposals.push(Proposal {
            id: "p-territory".into(),
            name: "territorial provisions".into(),
            description: None,
            mentions: vec![],
            stances: vec![Stance {
                actor: "zelenskyy".into(),
                stance: StanceKind::Opposes,
                evidence: Evidence {
                    start: 0,
                    end: 0,
                    text: "He opposed it.".into(),
                },
                hedged: false,
            }],
        });
        a
    }

    #[test]
    fn lays_out_edges_and_escapes_labels() {
        let a = tiny();
        let m = layout(&a);
        assert_eq!(m.edges.len(), 1);
        assert_eq!(m.edges[0].stance, StanceKind::Opposes);
        let s = svg(&m, &|e| format!("#ev-{}", e.stance_index), &|id| {
            format!("#card-{id}")
        });
        assert!(s.contains("opposes"));
        assert!(s.contains("Zelenskyy &lt;b&gt;"));
        assert!(!s.contains("<b>"));
    }
}

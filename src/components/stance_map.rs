//! The stance map: actors on the left, proposals on the right, one curve
//! per stance, laid out by `gloss_render::stance_map::layout` and drawn here
//! with SVG elements.
//!
//! Each edge is coloured (CSS variables, so dark mode has its own palette),
//! dashed (the pattern from `stance_style`) and labelled with its verb, so
//! colour is never the only cue. Edges are focusable buttons named "Zelenskyy
//! opposes territorial provisions"; Enter, Space or a click opens the
//! proposal's card at that stance, with its evidence sentence (Esc returns
//! focus to the edge). Names are focusable buttons too and open their
//! cards. One click and one key handler on the `<svg>` serve every
//! element (they read its `data-open` attribute), which keeps the wasm small.
//! O(s + a + p) elements for s stances, a actors, p proposals.

use crate::ids;
use crate::state::{Shared, Target};
use gloss_core::Analysis;
use gloss_render::stance_map::{
    layout, short_label, stance_style, StanceMap, LEFT_X, RIGHT_X, WIDTH,
};
use gloss_render::vocab;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Map props.
#[derive(Properties, PartialEq)]
pub struct StanceMapProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// Opens an actor's or a proposal's card (a node).
    pub onopen: Callback<Target>,
    /// Opens a proposal's card at one of its stances (an edge): (proposal, stance).
    pub onstance: Callback<(usize, usize)>,
}

/// What pressing an element of the map asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    /// A node: that actor's or proposal's card.
    Card(Target),
    /// An edge: (proposal, stance).
    Stance(usize, usize),
}

/// Longest node label, in characters (the full name is in the accessible name).
/// An actor's label ends at `LEFT_X - 8` and must start inside the view
/// (`VIEW_X`): 22 characters of 13-unit text fit in those 184 units, where 24
/// cut "New Zealand Nurses Organisation" to "ew Zealand Nurses Orga…".
const ACTOR_CHARS: usize = 22;
const PROPOSAL_CHARS: usize = 40;
/// The drawing's left margin is trimmed and its right side widened (in SVG
/// units) so that long proposal names fit beside the curves.
const VIEW_X: f32 = 8.0;
const VIEW_EXTRA: f32 = 80.0;

/// An SVG coordinate as a whole number of user units: integer formatting
/// keeps the float printer out of the wasm and the markup short.
fn n(v: f32) -> i32 {
    v.round() as i32
}

/// What a `data-open` value asks for: "s3.1" (stance 1 of proposal 3),
/// "a2" (actor 2's card) or "p0" (proposal 0's card).
fn parse_open(v: &str) -> Option<Open> {
    let num = |s: &str| s.parse::<usize>().ok();
    if let Some(rest) = v.strip_prefix('s') {
        let (p, s) = rest.split_once('.')?;
        Some(Open::Stance(num(p)?, num(s)?))
    } else if let Some(rest) = v.strip_prefix('a') {
        Some(Open::Card(Target::Actor(num(rest)?)))
    } else {
        Some(Open::Card(Target::Proposal(num(v.strip_prefix('p')?)?)))
    }
}

/// What the element an event came from (or its nearest ancestor with a
/// `data-open` attribute) asks for.
fn open_of(e: &Event) -> Option<Open> {
    let el: web_sys::Element = e.target()?.dyn_into().ok()?;
    let el = el.closest("[data-open]").ok()??;
    parse_open(&el.get_attribute("data-open")?)
}

fn draw(props: &StanceMapProps, a: &Analysis, map: &StanceMap) -> Html {
    let mid = n(LEFT_X + (RIGHT_X - LEFT_X) / 2.0);
    let edges = map.edges.iter().filter_map(|e| {
        let (actor, proposal) = (map.actors.get(e.actor)?, map.proposals.get(e.proposal)?);
        let words = vocab::stance(e.stance);
        let name = format!("{} {} {}", actor.label, words.verb, proposal.label);
        let (colour, dash) = stance_style(e.stance);
        let d = format!(
            "M{} {ay} C{mid} {ay} {mid} {py} {} {py}",
            n(LEFT_X),
            n(RIGHT_X),
            ay = n(actor.y),
            py = n(proposal.y)
        );
        Some(html! {
            <g class={classes!("edge", words.class)} id={ids::edge(e.proposal_index, e.stance_index)} tabindex="0" role="button"
                aria-label={name.clone()} data-stance={words.class}
                data-actor={actor.id.clone()} data-proposal={proposal.id.clone()}
                data-open={format!("s{}.{}", e.proposal_index, e.stance_index)}>
                <title>{ format!("{name}: “{}”", short_label(e.evidence.trim(), 200)) }</title>
                <path class="edge-hit" d={d.clone()} />
                <path class="edge-line" d={d} stroke={colour} stroke-dasharray={dash} />
            </g>
        })
    });
    let labels = map.edges.iter().filter_map(|e| {
        let (x, y) = e.label_at?;
        let words = vocab::stance(e.stance);
        Some(html! {
            <text class={classes!("edge-label", words.class)} x={n(x).to_string()} y={n(y + 4.0).to_string()}
                text-anchor="middle" aria-hidden="true">{ words.label }</text>
        })
    });
    let node = |id: &str, label: &str, y: f32, open: Option<String>, actor: bool| {
        let (class, x, anchor, max) = if actor {
            ("node actor", LEFT_X - 8.0, "end", ACTOR_CHARS)
        } else {
            ("node proposal", RIGHT_X + 8.0, "start", PROPOSAL_CHARS)
        };
        let (data_actor, data_proposal) = if actor {
            (Some(id.to_owned()), None)
        } else {
            (None, Some(id.to_owned()))
        };
        let focusable = open.is_some();
        html! {
            <text {class} x={n(x).to_string()} y={n(y + 4.0).to_string()} text-anchor={anchor} data-open={open}
                tabindex={focusable.then_some("0")} role={focusable.then_some("button")}
                aria-label={format!("{label}: open its card")}
                data-actor-node={data_actor} data-proposal-node={data_proposal}>
                <title>{ label.to_owned() }</title>
                { short_label(label, max) }
            </text>
        }
    };
    let actors = map.actors.iter().map(|x| {
        let i = a.actors.iter().position(|y| y.id == x.id);
        node(&x.id, &x.label, x.y, i.map(|i| format!("a{i}")), true)
    });
    let proposals = map.proposals.iter().map(|x| {
        let i = a.proposals.iter().position(|y| y.id == x.id);
        node(&x.id, &x.label, x.y, i.map(|i| format!("p{i}")), false)
    });
    let dispatch = {
        let (onopen, onstance) = (props.onopen.clone(), props.onstance.clone());
        move |open: Open| match open {
            Open::Card(t) => onopen.emit(t),
            Open::Stance(p, s) => onstance.emit((p, s)),
        }
    };
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(open) = open_of(&e) {
                dispatch(open);
            }
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() != "Enter" && e.key() != " " {
            return;
        }
        if let Some(open) = open_of(&e) {
            e.prevent_default();
            dispatch(open);
        }
    });
    html! {
        <div class="stance-map-box">
            <svg class="stance-map" viewBox={format!("{} 0 {} {}", n(VIEW_X), n(WIDTH + VIEW_EXTRA - VIEW_X), n(map.height))}
                role="group" aria-label="Stance map: each line is one actor's position on one proposal"
                {onclick} {onkeydown}>
                <g class="edges">{ for edges }</g>
                <g class="labels">{ for labels }</g>
                <g class="nodes">{ for actors }{ for proposals }</g>
            </svg>
        </div>
    }
}

/// The stance map of the current analysis (nothing when no actor takes a stance).
#[function_component(StanceMapView)]
pub fn stance_map_view(props: &StanceMapProps) -> Html {
    let map = use_memo(props.analysis.clone(), |a| layout(a));
    if map.is_empty() {
        return html! {};
    }
    draw(props, &props.analysis, &map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_values_parse_or_are_ignored() {
        assert_eq!(parse_open("s3.1"), Some(Open::Stance(3, 1)));
        assert_eq!(parse_open("a2"), Some(Open::Card(Target::Actor(2))));
        assert_eq!(parse_open("p0"), Some(Open::Card(Target::Proposal(0))));
        for bad in [
            "",
            "s",
            "s1",
            "s1.",
            "sx.1",
            "a",
            "p-1",
            "q1",
            "a99999999999999999999999",
        ] {
            assert_eq!(parse_open(bad), None, "{bad}");
        }
    }
}

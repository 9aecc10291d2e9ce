//! The stance map: actors on the left, proposals on the right, one curve
//! per stance, laid out by `gloss_render::stance_map::layout` and drawn here
//! with SVG elements so every edge and node has its own handlers.
//!
//! Each edge is coloured (CSS variables, so dark mode has its own palette),
//! dashed (the pattern from `stance_style`) and labelled with its verb, so
//! colour is never the only cue. Edges are focusable buttons named "Zelenskyy
//! opposes territorial provisions"; Enter, Space or a click opens the
//! proposal's card at that stance, with its evidence sentence. Nodes open
//! their cards. O(s + a + p) elements for s stances, a actors, p proposals.

use crate::export::stance_verb;
use crate::state::{Action, Selection, State, Target};
use gloss_core::Analysis;
use gloss_render::stance_map::{
    layout, short_label, stance_class, stance_label, stance_style, StanceMap, LEFT_X, RIGHT_X,
    WIDTH,
};
use std::rc::Rc;
use yew::prelude::*;

/// Map props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

/// An analysis compared by identity, so the layout is memoised per result
/// without comparing whole analyses on every render.
#[derive(Clone)]
struct Same(Rc<Analysis>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Longest node label, in characters (the full name is in the accessible name).
const ACTOR_CHARS: usize = 24;
const PROPOSAL_CHARS: usize = 36;

/// A callback for both click and Enter/Space on a focusable SVG element.
fn activation(
    state: &UseReducerHandle<State>,
    action: Action,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let click = {
        let state = state.clone();
        let action = action.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(action.clone()))
    };
    let key = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                state.dispatch(action.clone());
            }
        })
    };
    (click, key)
}

fn actor_index(a: &Analysis, id: &str) -> Option<usize> {
    a.actors.iter().position(|x| x.id == id)
}

fn draw(state: &UseReducerHandle<State>, a: &Analysis, map: &StanceMap) -> Html {
    let mid = LEFT_X + (RIGHT_X - LEFT_X) / 2.0;
    let edges = map.edges.iter().filter_map(|e| {
        let (actor, proposal) = (map.actors.get(e.actor)?, map.proposals.get(e.proposal)?);
        let name = format!(
            "{} {} {}",
            actor.label,
            stance_verb(e.stance),
            proposal.label
        );
        let (colour, dash) = stance_style(e.stance);
        let d = format!(
            "M{LEFT_X} {ay} C{mid} {ay} {mid} {py} {RIGHT_X} {py}",
            ay = actor.y,
            py = proposal.y
        );
        let (onclick, onkeydown) = activation(
            state,
            Action::OpenStance {
                proposal: e.proposal_index,
                stance: e.stance_index,
            },
        );
        Some(html! {
            <g class={classes!("edge", stance_class(e.stance))} tabindex="0" role="button"
                aria-label={name.clone()} data-stance={stance_class(e.stance)}
                data-actor={actor.id.clone()} data-proposal={proposal.id.clone()}
                {onclick} {onkeydown}>
                <title>{ format!("{name}: “{}”", short_label(e.evidence.trim(), 200)) }</title>
                <path class="edge-hit" d={d.clone()} />
                <path class="edge-line" d={d} stroke={colour} stroke-dasharray={dash} />
            </g>
        })
    });
    let labels = map.edges.iter().filter_map(|e| {
        let (x, y) = e.label_at?;
        Some(html! {
            <text class={classes!("edge-label", stance_class(e.stance))} x={x.to_string()} y={(y + 4.0).to_string()}
                text-anchor="middle" aria-hidden="true">{ stance_label(e.stance) }</text>
        })
    });
    let actors = map.actors.iter().map(|n| {
        let open = actor_index(a, &n.id).map(|i| {
            activation(
                state,
                Action::Open(Selection {
                    target: Target::Actor(i),
                    mention: 0,
                }),
            )
        });
        let (onclick, onkeydown) = open.unzip();
        html! {
            <text class="node actor" x={(LEFT_X - 8.0).to_string()} y={(n.y + 4.0).to_string()} text-anchor="end"
                tabindex="-1" {onclick} {onkeydown} data-actor-node={n.id.clone()}>
                <title>{ n.label.clone() }</title>
                { short_label(&n.label, ACTOR_CHARS) }
            </text>
        }
    });
    let proposals = map.proposals.iter().map(|n| {
        let i = a.proposals.iter().position(|p| p.id == n.id);
        let (onclick, onkeydown) = i
            .map(|i| {
                activation(
                    state,
                    Action::Open(Selection {
                        target: Target::Proposal(i),
                        mention: 0,
                    }),
                )
            })
            .unzip();
        html! {
            <text class="node proposal" x={(RIGHT_X + 8.0).to_string()} y={(n.y + 4.0).to_string()}
                tabindex="-1" {onclick} {onkeydown} data-proposal-node={n.id.clone()}>
                <title>{ n.label.clone() }</title>
                { short_label(&n.label, PROPOSAL_CHARS) }
            </text>
        }
    });
    html! {
        <div class="stance-map-box">
            <svg class="stance-map" viewBox={format!("0 0 {WIDTH} {}", map.height)} role="group"
                aria-label="Stance map: each line is one actor's position on one proposal">
                <g class="edges">{ for edges }</g>
                <g class="labels">{ for labels }</g>
                <g class="nodes">{ for actors }{ for proposals }</g>
            </svg>
        </div>
    }
}

/// The stance map of the current analysis (nothing when no actor takes a stance).
#[function_component(StanceMapView)]
pub fn stance_map_view(props: &Props) -> Html {
    let state = props.state.clone();
    let analysis = state.analysis.clone().map(Same);
    let map = use_memo(analysis.clone(), |a| {
        a.as_ref().map(|a| layout(&a.0)).unwrap_or_default()
    });
    match analysis {
        Some(a) if !map.is_empty() => draw(&state, &a.0, &map),
        _ => html! {},
    }
}

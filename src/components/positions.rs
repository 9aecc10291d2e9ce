//! "Who stands where": the stance map (actors left, proposals right, one
//! focusable edge per stance), then the same positions as a list — one line
//! per proposal with the actors for and against it, each opening the actor's
//! card (the evidence is in the card and in the tooltip). Hidden when the
//! article has no stances.

use crate::components::stance_map::StanceMapView;
use crate::state::{Shared, Target};
use gloss_core::Analysis;
use gloss_render::vocab::{self, Side};
use yew::prelude::*;

/// Positions props.
#[derive(Properties, PartialEq)]
pub struct PositionsProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// Opens an actor's or a proposal's card.
    pub onopen: Callback<Target>,
    /// Opens a proposal's card at one of its stances: (proposal, stance).
    pub onstance: Callback<(usize, usize)>,
}

/// The positions overview.
#[function_component(Positions)]
pub fn positions(props: &PositionsProps) -> Html {
    let a = &props.analysis;
    if a.proposals.iter().all(|p| p.stances.is_empty()) {
        return html! {};
    }
    let open = |target: Target| props.onopen.reform(move |_: MouseEvent| target);
    let rows = a
        .proposals
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.stances.is_empty())
        .map(|(pi, p)| {
            let cells = Side::ALL
                .iter()
                .filter_map(|&side| {
                    let people: Vec<Html> = p
                        .stances
                        .iter()
                        .filter(|s| vocab::stance(s.stance).side == side)
                        .filter_map(|s| {
                            let ai = a.actors.iter().position(|x| x.id == s.actor)?;
                            let name = a.actors.get(ai)?.name.clone();
                            Some(html! {
                                <button type="button" class={classes!("who", format!("side-{}", side.class()))}
                                    title={format!("{} {}: “{}”", name, vocab::stance(s.stance).verb, s.evidence.text.trim())}
                                    onclick={open(Target::Actor(ai))}>{ name }</button>
                            })
                        })
                        .collect();
                    (!people.is_empty()).then(|| html! {
                        <span class="side-group"><span class="side-label">{ side.label() }</span>{ for people }</span>
                    })
                })
                .collect::<Html>();
            html! {
                <li>
                    <button type="button" class="link proposal-link" onclick={open(Target::Proposal(pi))}>{ p.name.clone() }</button>
                    <span class="sides">{ cells }</span>
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <section class="positions" aria-labelledby="positions-title">
            <h2 id="positions-title">{ "Who stands where" }</h2>
            <StanceMapView analysis={props.analysis.clone()} onopen={props.onopen.clone()} onstance={props.onstance.clone()} />
            <details class="position-details">
                <summary>{ "As a list" }</summary>
                <ul class="position-list">{ rows }</ul>
            </details>
        </section>
    }
}

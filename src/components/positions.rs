//! "Who stands where": the stance map (actors left, proposals right, one
//! focusable edge per stance), then the same positions as a list — one line
//! per proposal with the actors for and against it, each opening the actor's
//! card (the evidence is in the card and in the tooltip). Hidden when the
//! article has no stances.

use crate::components::stance_map::StanceMapView;
use crate::export::stance_verb;
use crate::state::{Action, Selection, State, Target};
use gloss_core::StanceKind;
use yew::prelude::*;

/// Positions props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

/// Which column a stance goes in.
const fn side(s: StanceKind) -> usize {
    match s {
        StanceKind::Proposes | StanceKind::Supports => 0,
        StanceKind::Opposes | StanceKind::Criticizes => 1,
        StanceKind::Mixed | StanceKind::Neutral => 2,
    }
}

const SIDES: [&str; 3] = ["For", "Against", "Other"];

/// The positions overview.
#[function_component(Positions)]
pub fn positions(props: &Props) -> Html {
    let state = props.state.clone();
    let Some(a) = state.analysis.clone() else {
        return html! {};
    };
    if a.proposals.iter().all(|p| p.stances.is_empty()) {
        return html! {};
    }
    let open = |target: Target| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Open(Selection { target, mention: 0 }))
        })
    };
    let rows = a
        .proposals
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.stances.is_empty())
        .map(|(pi, p)| {
            let cells = (0..SIDES.len())
                .filter_map(|col| {
                    let people: Vec<Html> = p
                        .stances
                        .iter()
                        .filter(|s| side(s.stance) == col)
                        .filter_map(|s| {
                            let ai = a.actors.iter().position(|x| x.id == s.actor)?;
                            let name = a.actors.get(ai)?.name.clone();
                            Some(html! {
                                <button type="button" class={classes!("who", format!("side-{col}"))}
                                    title={format!("{} {}: “{}”", name, stance_verb(s.stance), s.evidence.text.trim())}
                                    onclick={open(Target::Actor(ai))}>{ name }</button>
                            })
                        })
                        .collect();
                    (!people.is_empty()).then(|| html! {
                        <span class="side-group"><span class="side-label">{ SIDES[col] }</span>{ for people }</span>
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
            <StanceMapView state={state.clone()} />
            <details class="position-details">
                <summary>{ "As a list" }</summary>
                <ul class="position-list">{ rows }</ul>
            </details>
        </section>
    }
}

//! "Who stands where": the stance map (actors left, proposals right, one
//! focusable edge per stance) or the same positions as a list — one line
//! per proposal with the actors for and against it, each opening the actor's
//! card (the evidence is in the card and in the tooltip). A switch chooses;
//! the list is the default on a phone, where the map would not fit. Always
//! shown: with no stances it says why.

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
    /// A phone-sized screen: the list is shown first.
    #[prop_or_default]
    pub narrow: bool,
}

/// The positions overview.
#[function_component(Positions)]
pub fn positions(props: &PositionsProps) -> Html {
    let a = &props.analysis;
    let as_list = use_state(|| props.narrow);
    if a.proposals.iter().all(|p| p.stances.is_empty()) {
        let why = if a.proposals.is_empty() {
            "No positions found: the text names no plan, bill, deal or demand.".to_owned()
        } else {
            let names: Vec<&str> = a
                .proposals
                .iter()
                .take(6)
                .map(|p| p.name.as_str())
                .collect();
            let more = if a.proposals.len() > names.len() {
                ", …"
            } else {
                ""
            };
            format!(
                "No positions found. Proposals found: {}{more}; no clear support or opposition in the text.",
                names.join("; ")
            )
        };
        return html! {
            <section class="positions" aria-labelledby="positions-title">
                <h2 id="positions-title">{ "Who stands where" }</h2>
                <p class="muted empty-positions">{ why }</p>
            </section>
        };
    }
    let show = |list: bool| {
        let as_list = as_list.clone();
        Callback::from(move |_: MouseEvent| as_list.set(list))
    };
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
                            let holder = a.actors.get(ai)?;
                            let name = holder.name.clone();
                            let verb = vocab::verb_for(s.stance, Some(holder));
                            Some(html! {
                                <button type="button" class={classes!("who", format!("side-{}", side.class()))}
                                    title={format!("{} {}: “{}”", name, verb, s.evidence.text.trim())}
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
            <div class="section-head">
                <h2 id="positions-title">{ "Who stands where" }</h2>
                <span class="switch" role="group" aria-label="Show as">
                    <button type="button" id="positions-map" class="ghost small" aria-pressed={(!*as_list).to_string()} onclick={show(false)}>{ "Map" }</button>
                    <button type="button" id="positions-list" class="ghost small" aria-pressed={as_list.to_string()} onclick={show(true)}>{ "List" }</button>
                </span>
            </div>
            if *as_list {
                <ul class="position-list">{ rows }</ul>
            } else {
                <StanceMapView analysis={props.analysis.clone()} onopen={props.onopen.clone()} onstance={props.onstance.clone()} />
            }
        </section>
    }
}

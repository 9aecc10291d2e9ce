//! The card for an actor or a proposal: a side panel on wide screens, a
//! bottom sheet on narrow ones. Shows what the article says (facts with
//! links to their sentences, stances with evidence), then bundled
//! background. Esc (handled in the app) closes it and returns focus.

use crate::app::{mention_id, return_focus_id};
use crate::components::reader::jump;
use crate::dom;
use crate::export::stance_verb;
use crate::state::{kind_css, kind_label, Action, Selection, State, Target};
use gloss_core::{Analysis, Evidence};
use yew::prelude::*;

/// Card props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

/// Index of the sentence containing byte offset `at` (binary search).
fn sentence_at(a: &Analysis, at: usize) -> Option<usize> {
    let i = a.sentences.partition_point(|s| s.end <= at);
    a.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
}

fn evidence(state: &UseReducerHandle<State>, a: &Analysis, e: &Evidence) -> Html {
    let quote = html! { <q>{ e.text.trim().to_owned() }</q> };
    match sentence_at(a, e.start) {
        Some(i) => {
            let state = state.clone();
            let onclick = Callback::from(move |_: MouseEvent| jump(&state, i));
            html! { <button type="button" class="quote" {onclick} title="Show in the article">{ quote }</button> }
        }
        None => html! { <span class="quote">{ quote }</span> },
    }
}

/// A "Background" section: bundled reference text, not from the article,
/// with the date it was written and its source.
fn background(text: &str, as_of: &str, source: &str, extra: Option<Html>) -> Html {
    html! {
        <section class="card-section background" aria-labelledby="card-background">
            <h3 id="card-background">{ "Background" }
                <span class="bg-note">{ "not from this article" }</span></h3>
            <p class="as-of"><span class="muted">{ "As of " }</span><time>{ as_of.to_owned() }</time></p>
            <p>{ text.to_owned() }</p>
            { extra.unwrap_or_default() }
            <p class="muted small bg-source">{ format!("Source: {source}") }</p>
        </section>
    }
}

fn open(state: &UseReducerHandle<State>, target: Target) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_: MouseEvent| {
        state.dispatch(Action::Open(Selection { target, mention: 0 }))
    })
}

fn actor_body(state: &UseReducerHandle<State>, a: &Analysis, i: usize) -> Html {
    let Some(x) = a.actors.get(i) else {
        return html! {};
    };
    let aliases: Vec<&str> = x
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|s| *s != x.name)
        .collect();
    let stances: Vec<Html> = a
        .proposals
        .iter()
        .enumerate()
        .flat_map(|(pi, p)| {
            p.stances.iter().filter(|s| s.actor == x.id).map(move |s| (pi, p, s))
        })
        .map(|(pi, p, s)| html! {
            <li class={classes!("stance", format!("st-{}", stance_verb(s.stance).replace(' ', "-")))}>
                <p><span class="verb">{ stance_verb(s.stance) }</span>{ " " }
                    <button type="button" class="link" onclick={open(state, Target::Proposal(pi))}>{ p.name.clone() }</button></p>
                { evidence(state, a, &s.evidence) }
            </li>
        })
        .collect();
    html! {
        <>
            if !aliases.is_empty() {
                <p class="aliases"><span class="muted">{ "Also called " }</span>{ aliases.join(", ") }</p>
            }
            <section class="card-section in-article">
                <h3>{ "In this article" }</h3>
                if let Some(d) = &x.description {
                    <p class="description">{ d.clone() }</p>
                }
                if x.facts.is_empty() && stances.is_empty() {
                    <p class="muted">{ format!("Mentioned {} time{}; no statements or actions attributed.", x.mentions.len(), if x.mentions.len() == 1 { "" } else { "s" }) }</p>
                }
                if !x.facts.is_empty() {
                    <ul class="facts">
                        { for x.facts.iter().map(|f| {
                            let state = state.clone();
                            let s = f.sentence;
                            let onclick = Callback::from(move |_: MouseEvent| jump(&state, s));
                            html! { <li><button type="button" class="fact" {onclick} title="Show in the article">{ f.text.clone() }</button></li> }
                        }) }
                    </ul>
                }
                if !stances.is_empty() {
                    <h4>{ "Positions" }</h4>
                    <ul class="stances">{ for stances }</ul>
                }
            </section>
            if let Some(b) = &x.background {
                if b.related {
                    // "French officials" are not France: name what they are named after.
                    { background(&format!("Related: {} ({})", b.name, b.category), &b.as_of, &b.source, None) }
                } else {
                    { background(&b.description, &b.as_of, &b.source, None) }
                }
            }
        </>
    }
}

fn proposal_body(state: &UseReducerHandle<State>, a: &Analysis, i: usize) -> Html {
    let Some(p) = a.proposals.get(i) else {
        return html! {};
    };
    let current = state.stance;
    let glossary = gloss_core::glossary_for(&p.name);
    html! {
        <>
            <section class="card-section in-article">
                <h3>{ "In this article" }</h3>
                if let Some(d) = &p.description {
                    <p class="description">{ d.clone() }</p>
                }
                <h4>{ "Who stands where" }</h4>
                if p.stances.is_empty() {
                    <p class="muted">{ "No positions found in the article." }</p>
                } else {
                    <ul class="stances">
                        { for p.stances.iter().enumerate().map(|(si, s)| {
                            let who = a.actors.iter().position(|x| x.id == s.actor);
                            let name = who.and_then(|w| a.actors.get(w)).map_or(s.actor.clone(), |x| x.name.clone());
                            let here = (current == Some(si)).then_some("current");
                            html! {
                                <li class={classes!("stance", format!("st-{}", stance_verb(s.stance).replace(' ', "-")), here)}
                                    id={format!("stance-{si}")} tabindex="-1">
                                    <p>
                                        if let Some(w) = who {
                                            <button type="button" class="link" onclick={open(state, Target::Actor(w))}>{ name }</button>
                                        } else {
                                            <strong>{ name }</strong>
                                        }
                                        { " " }<span class="verb">{ stance_verb(s.stance) }</span>{ " it" }
                                    </p>
                                    { evidence(state, a, &s.evidence) }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            if let Some(g) = glossary {
                { background(g.definition, g.as_of, g.source, Some(html! {
                    <p class="muted small">{ format!("Glossary: “{}”", g.term) }</p>
                })) }
            }
        </>
    }
}

/// The card.
#[function_component(Card)]
pub fn card(props: &Props) -> Html {
    let state = props.state.clone();
    let sel = state.selection;
    // Opening (or switching) a card moves focus to its title.
    use_effect_with(sel.map(|s| s.target), |t| {
        if t.is_some() {
            dom::focus("card-title");
        }
    });
    // Opened from a stance-map edge: bring that stance (with its evidence) into view.
    use_effect_with((sel.map(|s| s.target), state.stance), |(t, st)| {
        if let (Some(_), Some(si)) = (t, st) {
            dom::reveal(&format!("stance-{si}"));
        }
    });
    // Stepping through mentions scrolls the current one into view.
    use_effect_with(sel, |s| {
        if let Some(s) = s {
            dom::scroll_to(&mention_id(*s));
        }
    });
    let (Some(a), Some(sel)) = (state.analysis.clone(), sel) else {
        return html! {};
    };
    let (name, badge, css, mentions) = match sel.target {
        Target::Actor(i) => match a.actors.get(i) {
            Some(x) => (
                x.name.clone(),
                kind_label(x.kind),
                kind_css(x.kind),
                x.mentions.len(),
            ),
            None => return html! {},
        },
        Target::Proposal(i) => match a.proposals.get(i) {
            Some(p) => (p.name.clone(), "Proposal", "proposal", p.mentions.len()),
            None => return html! {},
        },
    };
    let close = {
        let state = state.clone();
        let stance = state.stance;
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Close);
            dom::focus(&return_focus_id(sel, stance));
        })
    };
    let step = |d: i32| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Step(d)))
    };
    let body = match sel.target {
        Target::Actor(i) => actor_body(&state, &a, i),
        Target::Proposal(i) => proposal_body(&state, &a, i),
    };
    html! {
        <aside class="card" data-card="" role="dialog" aria-modal="false" aria-labelledby="card-title" id="card">
            <div class="card-head">
                <span class={classes!("badge", format!("k-{css}"))}>{ badge }</span>
                <button type="button" class="ghost icon-button close" aria-label="Close (Esc)" onclick={close}>{ "✕" }</button>
            </div>
            <h2 id="card-title" tabindex="-1">{ name }</h2>
            if mentions > 0 {
                <div class="mention-nav">
                    <button type="button" class="secondary small" onclick={step(-1)} aria-label="Previous mention" disabled={mentions < 2}>{ "‹ Prev" }</button>
                    <span aria-live="polite">{ format!("Mention {} of {}", sel.mention.min(mentions - 1) + 1, mentions) }</span>
                    <button type="button" class="secondary small" onclick={step(1)} aria-label="Next mention" disabled={mentions < 2}>{ "Next ›" }</button>
                </div>
            }
            { body }
        </aside>
    }
}

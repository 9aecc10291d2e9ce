//! The card for an actor or a proposal: a side panel on wide screens, a
//! bottom sheet on narrow ones. Shows what the article says (facts with
//! links to their sentences, stances with evidence), then bundled
//! background. Esc (handled in the app) closes it and returns focus.

use crate::state::{Selection, Shared, Target};
use crate::worker::wire::Glossary;
use crate::{dom, ids};
use gloss_core::{Analysis, Evidence};
use gloss_render::vocab;
use yew::prelude::*;

/// Card props.
#[derive(Properties, PartialEq)]
pub struct CardProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// What the card shows, and at which mention.
    pub selection: Selection,
    /// The stance (of the shown proposal) it was opened at, from the stance map.
    pub stance: Option<usize>,
    /// Opens another card.
    pub onopen: Callback<Target>,
    /// Jumps to a sentence of the article.
    pub onjump: Callback<usize>,
    /// Moves to the previous (-1) or next (+1) mention.
    pub onstep: Callback<i32>,
    /// Closes the card.
    pub onclose: Callback<()>,
    /// Glossary entries of the proposals (from the engine).
    pub glossary: Shared<Vec<Glossary>>,
}

/// Index of the sentence containing byte offset `at` (binary search).
fn sentence_at(a: &Analysis, at: usize) -> Option<usize> {
    let i = a.sentences.partition_point(|s| s.end <= at);
    a.sentences.get(i).filter(|s| s.start <= at).map(|_| i)
}

fn evidence(props: &CardProps, e: &Evidence) -> Html {
    let quote = html! { <q>{ e.text.trim().to_owned() }</q> };
    match sentence_at(&props.analysis, e.start) {
        Some(i) => {
            let onclick = props.onjump.reform(move |_: MouseEvent| i);
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

fn open(props: &CardProps, target: Target) -> Callback<MouseEvent> {
    props.onopen.reform(move |_: MouseEvent| target)
}

/// The stance's words, and its CSS class on a stance line.
fn stance_words(s: gloss_core::StanceKind) -> (vocab::StanceWords, String) {
    let words = vocab::stance(s);
    (words, format!("st-{}", words.class))
}

fn actor_body(props: &CardProps, i: usize) -> Html {
    let a = &*props.analysis;
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
        .map(|(pi, p, s)| {
            let (words, class) = stance_words(s.stance);
            html! {
                <li class={classes!("stance", class)}>
                    <p><span class="verb">{ vocab::sentence_case(words.verb) }</span>{ " " }
                        <button type="button" class="link" onclick={open(props, Target::Proposal(pi))}>{ p.name.clone() }</button></p>
                    { evidence(props, &s.evidence) }
                </li>
            }
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
                            let s = f.sentence;
                            let onclick = props.onjump.reform(move |_: MouseEvent| s);
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
                { background(&b.description, &b.as_of, &b.source, None) }
            }
        </>
    }
}

fn proposal_body(props: &CardProps, i: usize) -> Html {
    let a = &*props.analysis;
    let Some(p) = a.proposals.get(i) else {
        return html! {};
    };
    let current = props.stance;
    let glossary = props.glossary.iter().find(|g| g.proposal == p.id);
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
                            let (words, class) = stance_words(s.stance);
                            html! {
                                <li class={classes!("stance", class, here)}
                                    id={ids::card_stance(si)} tabindex="-1">
                                    <p>
                                        if let Some(w) = who {
                                            <button type="button" class="link" onclick={open(props, Target::Actor(w))}>{ name }</button>
                                        } else {
                                            <strong>{ name }</strong>
                                        }
                                        { " " }<span class="verb">{ words.verb }</span>{ " it" }
                                    </p>
                                    { evidence(props, &s.evidence) }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            if let Some(g) = glossary {
                { background(&g.definition, &g.as_of, &g.source, Some(html! {
                    <p class="muted small">{ format!("Glossary: “{}”", g.term) }</p>
                })) }
            }
        </>
    }
}

/// The card.
#[function_component(Card)]
pub fn card(props: &CardProps) -> Html {
    let sel = props.selection;
    // Opening (or switching) a card moves focus to its title.
    use_effect_with(sel.target, |_| dom::focus(ids::CARD_TITLE));
    // Opened from a stance-map edge: bring that stance (with its evidence) into view.
    use_effect_with((sel.target, props.stance), |(_, st)| {
        if let Some(si) = st {
            dom::reveal(&ids::card_stance(*si));
        }
    });
    // Stepping through mentions scrolls the current one into view.
    use_effect_with(sel, |s| dom::scroll_to(&ids::mention(*s)));
    let a = &*props.analysis;
    let (name, badge, css, mentions) = match sel.target {
        Target::Actor(i) => match a.actors.get(i) {
            Some(x) => {
                let kind = vocab::kind(x.kind);
                (x.name.clone(), kind.label, kind.class, x.mentions.len())
            }
            None => return html! {},
        },
        Target::Proposal(i) => match a.proposals.get(i) {
            Some(p) => (p.name.clone(), "Proposal", "proposal", p.mentions.len()),
            None => return html! {},
        },
    };
    let close = {
        let (onclose, stance) = (props.onclose.clone(), props.stance);
        Callback::from(move |_: MouseEvent| {
            onclose.emit(());
            dom::focus(&ids::return_focus(sel, stance));
        })
    };
    let step = |d: i32| props.onstep.reform(move |_: MouseEvent| d);
    let body = match sel.target {
        Target::Actor(i) => actor_body(props, i),
        Target::Proposal(i) => proposal_body(props, i),
    };
    html! {
        <aside class="card" data-card="" role="dialog" aria-modal="false" aria-labelledby="card-title" id="card">
            <div class="card-head">
                <span class={classes!("badge", format!("k-{css}"))}>{ badge }</span>
                <button type="button" class="ghost icon-button close" aria-label="Close (Esc)" onclick={close}>{ "✕" }</button>
            </div>
            <h2 id={ids::CARD_TITLE} tabindex="-1">{ name }</h2>
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

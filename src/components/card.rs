//! The card for an actor or a proposal: a side panel on wide screens, a
//! bottom sheet on phones (a sticky head with its kind, name, ✕ and
//! Prev/Next; a grab handle to swipe it down; a tap on the article closes
//! it). Shows what the article says (facts with links to their sentences,
//! stances with evidence, every mention with its context), then bundled
//! background, then the reader's corrections. Esc (handled in the app)
//! closes it and returns focus; Tab past its last control returns to the
//! highlight it was opened from.

use crate::state::{Selection, Shared, Target};
use crate::worker::wire::Glossary;
use crate::{dom, ids};
use gloss_core::{ActorKind, Analysis, Evidence, StanceKind};
use gloss_render::corrections::Correction;
use gloss_render::vocab;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
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
    /// Moves the card to one of its mentions.
    pub onselect: Callback<Selection>,
    /// Applies a correction.
    pub oncorrect: Callback<Correction>,
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
/// with the date it was written and its source (behind "Source ⓘ").
fn background(text: &str, as_of: &str, source: &str, extra: Option<Html>) -> Html {
    html! {
        <section class="card-section background" aria-labelledby="card-background">
            <h3 id="card-background">{ "Background" }
                <span class="bg-note">{ "not from this article" }</span></h3>
            <p class="as-of"><span class="muted">{ "As of " }</span><time>{ as_of.to_owned() }</time></p>
            <p>{ text.to_owned() }</p>
            { extra.unwrap_or_default() }
            <details class="bg-source"><summary>{ "Source ⓘ" }</summary><p class="muted small">{ source.to_owned() }</p></details>
        </section>
    }
}

fn open(props: &CardProps, target: Target) -> Callback<MouseEvent> {
    props.onopen.reform(move |_: MouseEvent| target)
}

/// The value of a `<select>` an event came from.
fn select_value(e: &Event) -> Option<String> {
    Some(e.target_dyn_into::<web_sys::HtmlSelectElement>()?.value())
}

/// The value of the input with this id.
fn input_value(id: &str) -> Option<String> {
    let el = web_sys::window()?.document()?.get_element_by_id(id)?;
    Some(el.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// One line of context around the mention at `start..end` (about 50
/// characters either side, cut at character boundaries).
fn context(text: &str, start: usize, end: usize) -> (String, String, String) {
    const SIDE: usize = 50;
    let before = text.get(..start).unwrap_or("");
    let cut = before.char_indices().rev().nth(SIDE).map_or(0, |(i, _)| i);
    let after = text.get(end..).unwrap_or("");
    let stop = after
        .char_indices()
        .nth(SIDE)
        .map_or(after.len(), |(i, _)| i);
    let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if cut > 0 { "…" } else { "" };
    let tail = if stop < after.len() { "…" } else { "" };
    (
        format!("{lead}{} ", clean(&before[cut..])),
        text.get(start..end).unwrap_or("").to_owned(),
        format!(" {}{tail}", clean(&after[..stop])),
    )
}

/// "All N mentions": one line of context each; pressing one moves the card
/// there. Nothing for a single mention.
fn all_mentions(props: &CardProps, spans: &[(usize, usize)]) -> Html {
    if spans.len() < 2 {
        return html! {};
    }
    let a = &props.analysis;
    let sel = props.selection;
    html! {
        <details class="all-mentions">
            <summary>{ format!("All {}", vocab::count(spans.len(), "mention", "mentions")) }</summary>
            <ol>
                { for spans.iter().enumerate().map(|(i, &(start, end))| {
                    let (before, it, after) = context(&a.text, start, end);
                    let here = (i == sel.mention.min(spans.len().saturating_sub(1))).then_some("current");
                    let target = sel.target;
                    let onclick = props.onselect.reform(move |_: MouseEvent| Selection { target, mention: i });
                    html! { <li><button type="button" class={classes!("mention-line", here)} {onclick}>
                        { before }<strong>{ it }</strong>{ after }</button></li> }
                }) }
            </ol>
        </details>
    }
}

/// The reader's corrections of an actor: kind, name, same as another,
/// this mention is someone else, not an actor.
fn correct_actor(props: &CardProps, i: usize) -> Html {
    let a = &props.analysis;
    let Some(x) = a.actors.get(i) else {
        return html! {};
    };
    let id = x.id.clone();
    let fix = props.oncorrect.clone();
    let on_kind = {
        let (fix, id) = (fix.clone(), id.clone());
        Callback::from(move |e: Event| {
            let kind = match select_value(&e).as_deref() {
                Some("person") => ActorKind::Person,
                Some("org") => ActorKind::Organization,
                Some("place") => ActorKind::Place,
                Some("group") => ActorKind::Group,
                Some("other") => ActorKind::Other,
                _ => return,
            };
            fix.emit(Correction::Kind {
                actor: id.clone(),
                kind,
            });
        })
    };
    let rename = {
        let (fix, id) = (fix.clone(), id.clone());
        move || {
            if let Some(name) = input_value("fix-name").filter(|n| !n.trim().is_empty()) {
                fix.emit(Correction::Rename {
                    actor: id.clone(),
                    name,
                });
            }
        }
    };
    let on_rename = {
        let rename = rename.clone();
        Callback::from(move |_: MouseEvent| rename())
    };
    let on_name_key = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            rename();
        }
    });
    let on_merge = {
        let (fix, id) = (fix.clone(), id.clone());
        Callback::from(move |e: Event| {
            if let Some(into) = select_value(&e).filter(|v| !v.is_empty()) {
                fix.emit(Correction::Merge {
                    actor: id.clone(),
                    into,
                });
            }
        })
    };
    let mention = x
        .mentions
        .get(
            props
                .selection
                .mention
                .min(x.mentions.len().saturating_sub(1)),
        )
        .map(|m| (m.start, m.end, m.text.clone()));
    let on_split = {
        let (fix, id) = (fix.clone(), id.clone());
        let m = mention.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((start, end, _)) = m {
                fix.emit(Correction::Split {
                    actor: id.clone(),
                    start,
                    end,
                });
            }
        })
    };
    let on_hide = {
        let id = id.clone();
        fix.reform(move |_: MouseEvent| Correction::Hide { actor: id.clone() })
    };
    let current = vocab::kind(x.kind).class;
    html! {
        <details class="card-section correct" id="correct">
            <summary>{ "Something wrong? Correct it" }</summary>
            <p class="muted small">{ "Corrections apply at once, stay in this browser for this text, can be undone, and go into every download." }</p>
            <label class="fix-row">{ "Kind " }
                <select id="fix-kind" onchange={on_kind}>
                    { for vocab::KINDS.iter().map(|&k| {
                        let w = vocab::kind(k);
                        html! { <option value={w.class} selected={w.class == current}>{ w.label }</option> }
                    }) }
                </select>
            </label>
            <div class="fix-row">
                <label for="fix-name">{ "Name " }</label>
                <input id="fix-name" type="text" value={x.name.clone()} onkeydown={on_name_key} />
                <button id="fix-rename" type="button" class="secondary small" onclick={on_rename}>{ "Rename" }</button>
            </div>
            if a.actors.len() > 1 {
                <label class="fix-row">{ "Same as " }
                    <select id="fix-merge" onchange={on_merge}>
                        <option value="" selected=true>{ "another actor…" }</option>
                        { for a.actors.iter().filter(|y| y.id != x.id).map(|y| html! {
                            <option value={y.id.clone()}>{ y.name.clone() }</option>
                        }) }
                    </select>
                </label>
            }
            if x.mentions.len() > 1 {
                if let Some((_, _, text)) = mention {
                    <p class="fix-row"><button id="fix-split" type="button" class="secondary small" onclick={on_split}>
                        { format!("This “{text}” is someone else") }</button></p>
                }
            }
            <p class="fix-row"><button id="fix-hide" type="button" class="secondary small danger" onclick={on_hide}>{ "Not an actor" }</button></p>
        </details>
    }
}

/// The controls that correct one stance: change it, or say it is wrong.
fn correct_stance(props: &CardProps, proposal: &str, actor: &str, now: StanceKind) -> Html {
    let on_change = {
        let (fix, p, x) = (
            props.oncorrect.clone(),
            proposal.to_owned(),
            actor.to_owned(),
        );
        Callback::from(move |e: Event| {
            let Some(v) = select_value(&e) else { return };
            if let Some(&stance) = vocab::STANCES
                .iter()
                .find(|&&s| vocab::stance(s).class == v)
            {
                fix.emit(Correction::SetStance {
                    proposal: p.clone(),
                    actor: x.clone(),
                    stance,
                });
            }
        })
    };
    let on_wrong = {
        let (p, x) = (proposal.to_owned(), actor.to_owned());
        props
            .oncorrect
            .reform(move |_: MouseEvent| Correction::RemoveStance {
                proposal: p.clone(),
                actor: x.clone(),
            })
    };
    html! {
        <span class="fix-stance">
            <select class="stance-select" aria-label="Change this stance" onchange={on_change}>
                { for vocab::STANCES.iter().map(|&s| {
                    let w = vocab::stance(s);
                    html! { <option value={w.class} selected={s == now}>{ vocab::sentence_case(w.verb) }</option> }
                }) }
            </select>
            <button type="button" class="ghost small wrong" onclick={on_wrong}>{ "This stance is wrong" }</button>
        </span>
    }
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
            p.stances
                .iter()
                .filter(|s| s.actor == x.id)
                .map(move |s| (pi, p, s))
        })
        .map(|(pi, p, s)| {
            let words = vocab::stance(s.stance);
            html! {
                <li class={classes!("stance", format!("st-{}", words.class))}>
                    <p><span class="verb">{ vocab::sentence_case(words.verb) }</span>{ " " }
                        <button type="button" class="link" onclick={open(props, Target::Proposal(pi))}>{ p.name.clone() }</button></p>
                    { evidence(props, &s.evidence) }
                    { correct_stance(props, &p.id, &x.id, s.stance) }
                </li>
            }
        })
        .collect();
    let spans: Vec<(usize, usize)> = x.mentions.iter().map(|m| (m.start, m.end)).collect();
    html! {
        <>
            if !aliases.is_empty() {
                <p class="aliases"><span class="muted">{ "Also called " }</span>{ aliases.join(", ") }</p>
            }
            { all_mentions(props, &spans) }
            <section class="card-section in-article">
                <h3>{ "In this article" }</h3>
                if let Some(d) = &x.description {
                    <p class="description">{ d.clone() }</p>
                }
                if x.facts.is_empty() && stances.is_empty() {
                    <p class="muted">{ format!("Mentioned {}; no statements or actions attributed.", vocab::count(x.mentions.len(), "time", "times")) }</p>
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
                if b.related {
                    // "French officials" are not France: name what they are named after.
                    { background(&format!("Related: {} ({})", b.name, b.category), &b.as_of, &b.source, None) }
                } else {
                    { background(&b.description, &b.as_of, &b.source, None) }
                }
            }
            { correct_actor(props, i) }
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
    let spans: Vec<(usize, usize)> = p.mentions.iter().map(|m| (m.start, m.end)).collect();
    html! {
        <>
            { all_mentions(props, &spans) }
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
                            let words = vocab::stance(s.stance);
                            html! {
                                <li class={classes!("stance", format!("st-{}", words.class), here)}
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
                                    { correct_stance(props, &p.id, &s.actor, s.stance) }
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

/// The card's focusable controls, in order.
fn controls(card: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = card.query_selector_all(
        "button:not([disabled]), a[href], input, select, summary, [tabindex=\"0\"]",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        // Not inside a closed <details> (its content is not focusable).
        .filter(|e| {
            e.closest("details:not([open]) > :not(summary)")
                .ok()
                .flatten()
                .is_none()
        })
        .collect()
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
    // Where a swipe on the sheet's head started (client y).
    let drag: Rc<Cell<Option<f64>>> = use_memo((), |_| Cell::new(None));
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
    let back = ids::return_focus(sel, props.stance);
    let close = {
        let (onclose, back) = (props.onclose.clone(), back.clone());
        Callback::from(move |_: MouseEvent| {
            onclose.emit(());
            dom::focus(&back);
        })
    };
    // Tab past the card's last control returns to the highlight.
    let onkeydown = {
        let back = back.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Tab" || e.shift_key() {
                return;
            }
            let Some(card) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("card"))
            else {
                return;
            };
            let last = controls(&card).pop();
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            if let (Some(last), Some(active)) = (last, active) {
                if last.is_same_node(Some(active.unchecked_ref())) {
                    e.prevent_default();
                    dom::focus(&back);
                }
            }
        })
    };
    // The grab handle: swipe the sheet down to close it.
    let ontouchstart = {
        let drag = drag.clone();
        Callback::from(move |e: TouchEvent| {
            drag.set(e.touches().get(0).map(|t| f64::from(t.client_y())));
        })
    };
    let ontouchmove = {
        let drag = drag.clone();
        Callback::from(move |e: TouchEvent| {
            if let (Some(y0), Some(t)) = (drag.get(), e.touches().get(0)) {
                dom::drag_sheet("card", (f64::from(t.client_y()) - y0).max(0.0));
            }
        })
    };
    let ontouchend = {
        let (drag, onclose) = (drag.clone(), props.onclose.clone());
        Callback::from(move |e: TouchEvent| {
            let moved = match (drag.get(), e.changed_touches().get(0)) {
                (Some(y0), Some(t)) => f64::from(t.client_y()) - y0,
                _ => 0.0,
            };
            drag.set(None);
            dom::drag_sheet("card", 0.0);
            if moved > 80.0 {
                onclose.emit(());
            }
        })
    };
    let step = |d: i32| props.onstep.reform(move |_: MouseEvent| d);
    let body = match sel.target {
        Target::Actor(i) => actor_body(props, i),
        Target::Proposal(i) => proposal_body(props, i),
    };
    html! {
        <aside class="card" data-card="" role="dialog" aria-modal="false" aria-labelledby={ids::CARD_TITLE} id="card" {onkeydown}>
            <div class="card-top" {ontouchstart} {ontouchmove} {ontouchend}>
                <span class="grab" aria-hidden="true"></span>
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
            </div>
            { body }
        </aside>
    }
}

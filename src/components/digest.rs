//! "Who wants what": the analysis's digest ([`gloss_core::DigestLine`]),
//! one line per main proposal, most important first, above the article. The
//! proposal's name opens its card; each actor's name jumps to the sentence
//! that shows where it stands.

use crate::state::{Shared, Target};
use gloss_core::{Analysis, StanceKind};
use gloss_render::vocab;
use yew::prelude::*;

/// Digest props.
#[derive(Properties, PartialEq)]
pub struct DigestProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// Opens a proposal's card.
    pub onopen: Callback<Target>,
    /// Jumps to a sentence of the article.
    pub onjump: Callback<usize>,
}

/// How each group of a line is introduced, in the order shown.
const GROUPS: [(StanceKind, &str); 5] = [
    (StanceKind::Proposes, "proposed by"),
    (StanceKind::Supports, "backed by"),
    (StanceKind::Opposes, "opposed by"),
    (StanceKind::Criticizes, "criticised by"),
    (StanceKind::Mixed, "divided:"),
];

/// The "Who wants what" block; nothing when the analysis has no digest.
#[function_component(Digest)]
pub fn digest(props: &DigestProps) -> Html {
    let a = &props.analysis;
    if a.digest.is_empty() {
        return html! {};
    }
    html! {
        <section class="digest" aria-labelledby="digest-title">
            <h2 id="digest-title">{ "Who wants what" }</h2>
            <ul class="digest-lines">
                { for a.digest.iter().filter_map(|line| {
                    let p = a.proposals.iter().position(|p| p.id == line.proposal)?;
                    let name = vocab::sentence_case(&a.proposals[p].name);
                    let target = Target::Proposal(p);
                    let groups = GROUPS.iter().filter_map(|&(kind, label)| {
                        let links: Vec<_> = line.links.iter().filter(|l| l.stance == kind).collect();
                        if links.is_empty() {
                            return None;
                        }
                        let last = links.len() - 1;
                        Some(html! {
                            <span class="digest-group">
                                { format!(" {label} ") }
                                { for links.iter().enumerate().map(|(k, l)| {
                                    let who = a.actor(&l.actor).map_or(l.actor.clone(), |x| x.running_name());
                                    let i = l.sentence;
                                    let evidence = a.text.get(l.start..l.end).unwrap_or("").to_owned();
                                    html! {
                                        <>
                                            <button type="button" class="link digest-actor" title={evidence}
                                                onclick={props.onjump.reform(move |_: MouseEvent| i)}>{ who }</button>
                                            if k < last { { ", " } }
                                        </>
                                    }
                                }) }
                            </span>
                        })
                    }).collect::<Vec<_>>();
                    let n = groups.len();
                    Some(html! {
                        <li>
                            <button type="button" class="link digest-proposal"
                                onclick={props.onopen.reform(move |_: MouseEvent| target)}>{ name }</button>
                            { ":" }
                            { for groups.into_iter().enumerate().map(|(k, g)| html! {
                                <>{ g }{ if k + 1 < n { ";" } else { "." } }</>
                            }) }
                        </li>
                    })
                }) }
            </ul>
        </section>
    }
}

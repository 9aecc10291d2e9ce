//! "Who said what": what each actor is reported as saying or doing, grouped
//! by speaker ([`gloss_render::quotes`]; their own quoted words stand out);
//! a name opens the speaker's card, a line jumps to its sentence.

use crate::state::{Shared, Target};
use gloss_core::Analysis;
use gloss_render::quotes::who_said_what;
use yew::prelude::*;

/// Quotes props.
#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// Opens an actor's card.
    pub onopen: Callback<Target>,
    /// Jumps to a sentence of the article.
    pub onjump: Callback<usize>,
}

/// The "Who said what" panel.
#[function_component(Quotes)]
pub fn quotes(props: &QuotesProps) -> Html {
    let a = &props.analysis;
    let speakers = use_memo(props.analysis.clone(), |a| who_said_what(a));
    html! {
        <section class="quotes" aria-labelledby="quotes-title">
            <h2 id="quotes-title">{ "Who said what" }</h2>
            if speakers.is_empty() {
                <p class="muted">{ "Nothing said or done is attributed to anyone in this text." }</p>
            } else {
                <ul class="speakers">
                    { for speakers.iter().filter_map(|s| {
                        let x = a.actors.get(s.actor)?;
                        let target = Target::Actor(s.actor);
                        Some(html! {
                            <li>
                                <button type="button" class="link speaker" onclick={props.onopen.reform(move |_: MouseEvent| target)}>{ x.name.clone() }</button>
                                <ul class="said">
                                    { for s.quotes.iter().map(|q| {
                                        let i = q.sentence;
                                        html! { <li><button type="button" class={classes!("said-line", q.quoted.then_some("quoted"))} title="Show in the article"
                                            onclick={props.onjump.reform(move |_: MouseEvent| i)}>{ q.text.clone() }</button></li> }
                                    }) }
                                </ul>
                            </li>
                        })
                    }) }
                </ul>
            }
        </section>
    }
}

//! The side list: a legend that doubles as a filter, the actors ranked by
//! salience with mention counts, and the proposals. Hovering or focusing an
//! entry lights up its mentions; pressing it opens its card.

use crate::state::{kind_css, kind_label, Action, Category, Selection, State, Target};
use yew::prelude::*;

/// Sidebar props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

fn row_handlers(
    state: &UseReducerHandle<State>,
    target: Target,
) -> (
    Callback<MouseEvent>,
    Callback<MouseEvent>,
    Callback<FocusEvent>,
    Callback<MouseEvent>,
) {
    let open = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Open(Selection { target, mention: 0 }));
            crate::dom::reveal(&crate::app::mention_id(Selection { target, mention: 0 }));
        })
    };
    let enter = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Light(Some(target))))
    };
    let focus = {
        let state = state.clone();
        Callback::from(move |_: FocusEvent| state.dispatch(Action::Light(Some(target))))
    };
    let leave = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Light(None)))
    };
    (open, enter, focus, leave)
}

/// The side list.
#[function_component(Sidebar)]
pub fn sidebar(props: &Props) -> Html {
    let state = props.state.clone();
    let Some(a) = state.analysis.clone() else {
        return html! {};
    };
    let count = |c: Category| match c {
        Category::Actor(k) => a.actors.iter().filter(|x| x.kind == k).count(),
        Category::Proposal => a.proposals.len(),
    };
    let blur = {
        let state = state.clone();
        Callback::from(move |_: FocusEvent| state.dispatch(Action::Light(None)))
    };

    let legend = Category::ALL
        .iter()
        .copied()
        .filter(|&c| count(c) > 0)
        .map(|c| {
            let shown = !state.hidden.is_hidden(c);
            let state = state.clone();
            let onclick = Callback::from(move |_: MouseEvent| state.dispatch(Action::Toggle(c)));
            html! {
                <li>
                    <button type="button" class={classes!("chip", (!shown).then_some("off"))}
                        aria-pressed={shown.to_string()} {onclick}
                        title={ if shown { format!("Hide {} highlights", c.label().to_lowercase()) } else { format!("Show {} highlights", c.label().to_lowercase()) } }>
                        <span class={classes!("swatch", format!("k-{}", c.css()))} aria-hidden="true"></span>
                        { c.label() }
                        <span class="count">{ count(c) }</span>
                    </button>
                </li>
            }
        })
        .collect::<Html>();

    let actors = a
        .actors
        .iter()
        .enumerate()
        .filter(|(_, x)| !state.hidden.is_hidden(Category::Actor(x.kind)))
        .map(|(i, x)| {
            let (open, enter, focus, leave) = row_handlers(&state, Target::Actor(i));
            let lit = state.lit == Some(Target::Actor(i));
            html! {
                <li>
                    <button type="button" class={classes!("row", lit.then_some("lit"))} data-actor-row={x.id.clone()}
                        onclick={open} onmouseenter={enter} onfocus={focus} onmouseleave={leave} onblur={blur.clone()}>
                        <span class={classes!("swatch", format!("k-{}", kind_css(x.kind)))} aria-hidden="true"></span>
                        <span class="row-name">{ x.name.clone() }</span>
                        <span class="row-kind">{ kind_label(x.kind) }</span>
                        <span class="count" title="Mentions">{ x.mentions.len() }
                            <span class="sr-only">{ if x.mentions.len() == 1 { " mention" } else { " mentions" } }</span>
                        </span>
                    </button>
                </li>
            }
        })
        .collect::<Html>();

    let proposals = a
        .proposals
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (open, enter, focus, leave) = row_handlers(&state, Target::Proposal(i));
            let lit = state.lit == Some(Target::Proposal(i));
            html! {
                <li>
                    <button type="button" class={classes!("row", lit.then_some("lit"))} data-proposal-row={p.id.clone()}
                        onclick={open} onmouseenter={enter} onfocus={focus} onmouseleave={leave} onblur={blur.clone()}>
                        <span class="swatch k-proposal" aria-hidden="true"></span>
                        <span class="row-name">{ p.name.clone() }</span>
                        <span class="count" title="Positions">{ p.stances.len() }
                            <span class="sr-only">{ if p.stances.len() == 1 { " position" } else { " positions" } }</span>
                        </span>
                    </button>
                </li>
            }
        })
        .collect::<Html>();

    html! {
        <>
            <section class="panel" aria-labelledby="legend-title">
                <h2 id="legend-title">{ "Highlights" }</h2>
                <ul class="legend">{ legend }</ul>
            </section>
            <section class="panel" aria-labelledby="actors-title">
                <h2 id="actors-title">{ "Actors" }<span class="muted">{ format!(" · {}", a.actors.len()) }</span></h2>
                if a.actors.is_empty() {
                    <p class="muted">{ "No people, organisations or places found." }</p>
                } else {
                    <ol class="rows" id="actor-list">{ actors }</ol>
                }
            </section>
            <section class="panel" aria-labelledby="proposals-title">
                <h2 id="proposals-title">{ "Proposals" }<span class="muted">{ format!(" · {}", a.proposals.len()) }</span></h2>
                if a.proposals.is_empty() {
                    <p class="muted">{ "No plans, deals or demands found." }</p>
                } else if state.hidden.is_hidden(Category::Proposal) {
                    <p class="muted">{ "Hidden by the filter above." }</p>
                } else {
                    <ol class="rows" id="proposal-list">{ proposals }</ol>
                }
            </section>
        </>
    }
}

//! The index: a search box over actors and proposals, a legend that doubles
//! as a filter, the actors ranked by salience with mention counts, and the
//! proposals. Long lists show their top rows, then "Show all N" (no inner
//! scroll box that cuts rows in half). Hovering or focusing an entry lights
//! up its mentions; pressing it opens its card.

use crate::state::{Category, Hidden, Selection, Shared, Target};
use crate::{dom, ids};
use gloss_core::Analysis;
use gloss_render::vocab;
use yew::prelude::*;

/// Rows shown before "Show all N".
const TOP_ROWS: usize = 6;

/// Sidebar props.
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// Categories the legend hides.
    pub hidden: Hidden,
    /// The entry whose mentions are lit.
    pub lit: Option<Target>,
    /// Opens an entry's card.
    pub onopen: Callback<Target>,
    /// Lights up an entry's mentions (or none).
    pub onlight: Callback<Option<Target>>,
    /// Toggles a legend category.
    pub ontoggle: Callback<Category>,
}

/// The handlers of one row: open, mouse enter, focus, mouse leave.
fn row_handlers(
    props: &SidebarProps,
    target: Target,
) -> (
    Callback<MouseEvent>,
    Callback<MouseEvent>,
    Callback<FocusEvent>,
    Callback<MouseEvent>,
) {
    let open = {
        let onopen = props.onopen.clone();
        Callback::from(move |_: MouseEvent| {
            onopen.emit(target);
            dom::reveal(&ids::mention(Selection { target, mention: 0 }));
        })
    };
    let enter = props.onlight.reform(move |_: MouseEvent| Some(target));
    let focus = props.onlight.reform(move |_: FocusEvent| Some(target));
    let leave = props.onlight.reform(|_: MouseEvent| None);
    (open, enter, focus, leave)
}

/// True if `name` (or one of `aliases`) contains `query` (ASCII case folded;
/// `query` already lower-cased).
fn matches(query: &str, name: &str, aliases: &[String]) -> bool {
    query.is_empty()
        || std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .any(|n| n.to_ascii_lowercase().contains(query))
}

/// A "Show all N" / "Show fewer" button for a list of `n` rows.
fn more_button(n: usize, all: &UseStateHandle<bool>, what: &str) -> Html {
    if n <= TOP_ROWS {
        return html! {};
    }
    let onclick = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    html! {
        <button type="button" class="link more" aria-expanded={all.to_string()} {onclick}>
            { if **all { "Show fewer".to_owned() } else { format!("Show all {n} {what}") } }
        </button>
    }
}

/// The index.
#[function_component(Sidebar)]
pub fn sidebar(props: &SidebarProps) -> Html {
    let query = use_state(String::new);
    let all_actors = use_state(|| false);
    let all_proposals = use_state(|| false);
    let a = &props.analysis;
    let hidden = props.hidden;
    let q = query.to_ascii_lowercase();
    let q = q.trim();
    let count = |c: Category| match c {
        Category::Actor(k) => a.actors.iter().filter(|x| x.kind == k).count(),
        Category::Proposal => a.proposals.len(),
    };
    let blur = props.onlight.reform(|_: FocusEvent| None);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                query.set(i.value());
            }
        })
    };

    let legend: Vec<Html> = Category::ALL
        .iter()
        .copied()
        .filter(|&c| count(c) > 0)
        .map(|c| {
            let shown = !hidden.is_hidden(c);
            let onclick = props.ontoggle.reform(move |_: MouseEvent| c);
            let label = c.words().plural;
            html! {
                <li>
                    <button type="button" class={classes!("chip", (!shown).then_some("off"))}
                        aria-pressed={shown.to_string()} {onclick}
                        title={ if shown { format!("Hide {} highlights", label.to_ascii_lowercase()) } else { format!("Show {} highlights", label.to_ascii_lowercase()) } }>
                        <span class={classes!("swatch", format!("k-{}", c.words().class))} aria-hidden="true"></span>
                        { label }
                        <span class="count">{ count(c) }</span>
                    </button>
                </li>
            }
        })
        .collect();

    let actors: Vec<Html> = a
        .actors
        .iter()
        .enumerate()
        .filter(|(_, x)| !hidden.is_hidden(Category::Actor(x.kind)) && matches(q, &x.name, &x.aliases))
        .map(|(i, x)| {
            let (open, enter, focus, leave) = row_handlers(props, Target::Actor(i));
            let lit = props.lit == Some(Target::Actor(i));
            let kind = vocab::kind(x.kind);
            html! {
                <li>
                    <button type="button" class={classes!("row", lit.then_some("lit"))} data-actor-row={x.id.clone()}
                        onclick={open} onmouseenter={enter} onfocus={focus} onmouseleave={leave} onblur={blur.clone()}>
                        <span class={classes!("swatch", format!("k-{}", kind.class))} aria-hidden="true"></span>
                        <span class="row-name">{ x.name.clone() }</span>
                        <span class="row-kind">{ kind.label }</span>
                        <span class="count" title="Mentions">{ x.mentions.len() }
                            <span class="sr-only">{ if x.mentions.len() == 1 { " mention" } else { " mentions" } }</span>
                        </span>
                    </button>
                </li>
            }
        })
        .collect();

    let proposals: Vec<Html> = a
        .proposals
        .iter()
        .enumerate()
        .filter(|(_, p)| matches(q, &p.name, &[]))
        .map(|(i, p)| {
            let (open, enter, focus, leave) = row_handlers(props, Target::Proposal(i));
            let lit = props.lit == Some(Target::Proposal(i));
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
        .collect();
    let (n_actors, n_proposals) = (actors.len(), proposals.len());
    let searching = !q.is_empty();
    let cut = |rows: Vec<Html>, all: bool| -> Html {
        let keep = if all || searching {
            rows.len()
        } else {
            TOP_ROWS
        };
        rows.into_iter().take(keep).collect()
    };

    html! {
        <>
            <div class="index-head">
                <h2 class="index-title">{ "Index" }</h2>
                <input id="index-search" type="search" class="search" placeholder="Find an actor or proposal"
                    aria-label="Find an actor or proposal" value={(*query).clone()} {oninput} />
            </div>
            if !legend.is_empty() {
                <section class="panel" aria-labelledby="legend-title">
                    <h2 id="legend-title">{ "Highlights" }</h2>
                    <ul class="legend">{ for legend }</ul>
                </section>
            }
            <section class="panel" aria-labelledby="actors-title">
                <h2 id="actors-title">{ "Actors" }<span class="muted">{ format!(" · {}", a.actors.len()) }</span></h2>
                if a.actors.is_empty() {
                    <p class="muted">{ "No people, organisations or places found." }</p>
                } else if n_actors == 0 {
                    <p class="muted">{ if searching { "None match." } else { "Hidden by the filter above." } }</p>
                } else {
                    <ol class="rows" id="actor-list">{ cut(actors, *all_actors) }</ol>
                    if !searching { { more_button(n_actors, &all_actors, "actors") } }
                }
            </section>
            <section class="panel" aria-labelledby="proposals-title">
                <h2 id="proposals-title">{ "Proposals" }<span class="muted">{ format!(" · {}", a.proposals.len()) }</span></h2>
                if a.proposals.is_empty() {
                    <p class="muted">{ "No plans, deals or demands found." }</p>
                } else if hidden.is_hidden(Category::Proposal) {
                    <p class="muted">{ "Hidden by the filter above." }</p>
                } else if n_proposals == 0 {
                    <p class="muted">{ "None match." }</p>
                } else {
                    <ol class="rows" id="proposal-list">{ cut(proposals, *all_proposals) }</ol>
                    if !searching { { more_button(n_proposals, &all_proposals, "proposals") } }
                }
            </section>
        </>
    }
}

//! The article with its highlights. Mentions are `<mark>` elements with
//! `role="button"`, focusable in reading order; actor mentions nest inside
//! proposal mentions. Clicks and keys are handled once, on the article
//! (event delegation), so large articles stay light.

use crate::app::mention_id;
use crate::render::{layout, Mark, Node};
use crate::state::{kind_css, kind_label, Action, Category, Selection, State, Target};
use gloss_core::{Analysis, IgnoredReason};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Article props.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// App state.
    pub state: UseReducerHandle<State>,
}

/// Parses a `data-m` value ("a:3:1" / "p:0:2").
fn parse_target(s: &str) -> Option<Selection> {
    let mut it = s.split(':');
    let kind = it.next()?;
    let index: usize = it.next()?.parse().ok()?;
    let mention: usize = it.next()?.parse().ok()?;
    let target = match kind {
        "a" => Target::Actor(index),
        "p" => Target::Proposal(index),
        _ => return None,
    };
    Some(Selection { target, mention })
}

/// The mention element an event happened in, if any.
fn mention_of(e: &Event) -> Option<Selection> {
    let el = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let m = el.closest("[data-m]").ok()??;
    parse_target(&m.get_attribute("data-m")?)
}

const fn reason_label(r: IgnoredReason) -> &'static str {
    match r {
        IgnoredReason::Credit => "picture credit",
        IgnoredReason::Navigation => "navigation",
        IgnoredReason::Share => "share buttons",
        IgnoredReason::Advertisement => "advertisement",
        IgnoredReason::Byline => "byline",
        IgnoredReason::Notice => "notice",
        IgnoredReason::Other => "not part of the story",
    }
}

struct Ctx<'a> {
    a: &'a Analysis,
    state: &'a State,
}

fn render(nodes: &[Node], cx: &Ctx<'_>) -> Html {
    nodes.iter().map(|n| node(n, cx)).collect()
}

fn node(n: &Node, cx: &Ctx<'_>) -> Html {
    let (mark, children) = match n {
        Node::Text(r) => return html! { { cx.a.text.get(r.clone()).unwrap_or("") } },
        Node::Marked { mark, children, .. } => (*mark, children),
    };
    let inner = render(children, cx);
    let selected = cx.state.selection;
    match mark {
        Mark::Sentence(i) => html! {
            <span id={format!("s-{i}")} tabindex="-1"
                class={classes!("sent", (cx.state.flash == Some(i)).then_some("flash"))}>{ inner }</span>
        },
        Mark::Ignored(i) => {
            let reason =
                cx.a.ignored
                    .get(i)
                    .map_or("not part of the story", |x| reason_label(x.reason));
            html! {
                <span class="ignored" title={format!("Set aside: {reason}")}>
                    <span class="sr-only">{ format!("(set aside: {reason}) ") }</span>{ inner }
                </span>
            }
        }
        Mark::Actor { actor, mention } => {
            let Some(x) = cx.a.actors.get(actor) else {
                return inner;
            };
            if cx.state.hidden.is_hidden(Category::Actor(x.kind)) {
                return inner;
            }
            let sel = Selection {
                target: Target::Actor(actor),
                mention,
            };
            let lit = cx.state.lit == Some(Target::Actor(actor))
                || selected.is_some_and(|s| s.target == Target::Actor(actor));
            html! {
                <mark id={mention_id(sel)} data-actor={x.id.clone()} data-m={format!("a:{actor}:{mention}")}
                    class={classes!("m", format!("k-{}", kind_css(x.kind)), lit.then_some("lit"),
                        (selected == Some(sel)).then_some("current"))}
                    role="button" tabindex="0" aria-haspopup="dialog"
                    aria-label={format!("{} — {}", cx.a.text.get(x.mentions.get(mention).map_or(0..0, |m| m.start..m.end)).unwrap_or(""), kind_label(x.kind))}>
                    { inner }
                </mark>
            }
        }
        Mark::Proposal { proposal, mention } => {
            let Some(p) = cx.a.proposals.get(proposal) else {
                return inner;
            };
            if cx.state.hidden.is_hidden(Category::Proposal) {
                return inner;
            }
            let sel = Selection {
                target: Target::Proposal(proposal),
                mention,
            };
            let lit = cx.state.lit == Some(Target::Proposal(proposal))
                || selected.is_some_and(|s| s.target == Target::Proposal(proposal));
            html! {
                <mark id={mention_id(sel)} data-proposal={p.id.clone()} data-m={format!("p:{proposal}:{mention}")}
                    class={classes!("m", "k-proposal", lit.then_some("lit"), (selected == Some(sel)).then_some("current"))}
                    role="button" tabindex="0" aria-haspopup="dialog"
                    aria-label={format!("{} — proposal", p.mentions.get(mention).map_or(p.name.as_str(), |m| m.text.as_str()))}>
                    { inner }
                </mark>
            }
        }
    }
}

/// The highlighted article.
#[function_component(Article)]
pub fn article(props: &Props) -> Html {
    let state = props.state.clone();
    let Some(a) = state.analysis.clone() else {
        return html! {};
    };
    let paragraphs = use_memo(a.clone(), |a| layout(a));

    let onclick = {
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(sel) = mention_of(&e) {
                e.prevent_default();
                state.dispatch(Action::Open(sel));
            }
        })
    };
    let onkeydown = {
        let state = state.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(sel) = mention_of(&e) {
                    e.prevent_default();
                    state.dispatch(Action::Open(sel));
                }
            }
        })
    };
    let onmouseover = {
        let state = state.clone();
        Callback::from(move |e: MouseEvent| {
            let t = mention_of(&e).map(|s| s.target);
            if t != state.lit {
                state.dispatch(Action::Light(t));
            }
        })
    };
    let onmouseleave = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            if state.lit.is_some() {
                state.dispatch(Action::Light(None));
            }
        })
    };

    let cx = Ctx {
        a: &a,
        state: &state,
    };
    html! {
        <article class="article" aria-label="Article with highlights" {onclick} {onkeydown} {onmouseover} {onmouseleave}>
            { for paragraphs.iter().map(|(_, nodes)| html! { <p>{ render(nodes, &cx) }</p> }) }
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse() {
        assert_eq!(
            parse_target("a:3:1"),
            Some(Selection {
                target: Target::Actor(3),
                mention: 1
            })
        );
        assert_eq!(
            parse_target("p:0:2"),
            Some(Selection {
                target: Target::Proposal(0),
                mention: 2
            })
        );
        assert_eq!(parse_target("x:1:1"), None);
        assert_eq!(parse_target("a:1"), None);
        assert_eq!(parse_target("a:-1:0"), None);
    }
}

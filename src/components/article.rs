//! The article with its highlights, and its headline (the page's `h1`, drawn
//! from the same layout). Mentions are `<mark>` elements with
//! `role="button"`, focusable in reading order; actor mentions nest inside
//! proposal mentions. With "Show labels" each highlight carries its kind tag
//! (`data-tag`, printed by the stylesheet). Clicks and keys are handled once,
//! on the article (event delegation), so large articles stay light; on a
//! phone a tap on the article outside a highlight closes the card.

use crate::ids;
use crate::state::{Category, Hidden, Selection, Shared, Target};
use gloss_core::{Analysis, IgnoredReason};
use gloss_render::layout::{Mark, Node, Paragraph};
use gloss_render::vocab;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Article props.
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The analysis.
    pub analysis: Shared<Analysis>,
    /// Its layout ([`gloss_render::layout::layout`]).
    pub paragraphs: Rc<Vec<Paragraph>>,
    /// The first paragraph to show (1 when the headline is shown apart).
    #[prop_or_default]
    pub from: usize,
    /// The entry whose mentions are lit.
    pub lit: Option<Target>,
    /// The open card.
    pub selection: Option<Selection>,
    /// The sentence flashed after a jump.
    pub flash: Option<usize>,
    /// Categories the legend hides.
    pub hidden: Hidden,
    /// Opens a card at a mention.
    pub onselect: Callback<Selection>,
    /// Lights up an entry's mentions (or none).
    pub onlight: Callback<Option<Target>>,
    /// Closes the card (a tap on the article on a phone).
    #[prop_or_default]
    pub onclose: Option<Callback<()>>,
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

/// What a paragraph needs from the state, already narrowed to the paragraph
/// (so a hover or a card only re-renders the paragraphs it touches).
#[derive(Clone, Copy, PartialEq)]
struct View {
    lit: Option<Target>,
    open: Option<Target>,
    current: Option<Selection>,
    flash: Option<usize>,
    hidden: Hidden,
}

impl View {
    fn narrowed(props: &ArticleProps, p: &Paragraph) -> Self {
        let here = |t: Option<Target>| t.filter(|&t| p.has(t));
        View {
            lit: here(props.lit),
            open: here(props.selection.map(|s| s.target)),
            current: props.selection.filter(|s| p.has(s.target)),
            flash: props.flash.filter(|&i| p.has_sentence(i)),
            hidden: props.hidden,
        }
    }
}

struct Ctx<'a> {
    a: &'a Analysis,
    view: View,
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
    let v = cx.view;
    match mark {
        Mark::Sentence(i) => html! {
            <span id={ids::sentence(i)} tabindex="-1"
                class={classes!("sent", (v.flash == Some(i)).then_some("flash"))}>{ inner }</span>
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
            if v.hidden.is_hidden(Category::Actor(x.kind)) {
                return inner;
            }
            let target = Target::Actor(actor);
            let sel = Selection { target, mention };
            let lit = v.lit == Some(target) || v.open == Some(target);
            let text = x.mentions.get(mention).map_or("", |m| m.text.as_str());
            let kind = vocab::kind(x.kind);
            html! {
                <mark id={ids::mention(sel)} data-actor={x.id.clone()} data-m={format!("a:{actor}:{mention}")}
                    class={classes!("m", format!("k-{}", kind.class), lit.then_some("lit"),
                        (v.current == Some(sel)).then_some("current"))}
                    role="button" tabindex="0" aria-haspopup="dialog" data-tag={kind.tag}
                    aria-label={format!("{text} — {}", kind.label)}>
                    { inner }
                </mark>
            }
        }
        Mark::Proposal { proposal, mention } => {
            let Some(p) = cx.a.proposals.get(proposal) else {
                return inner;
            };
            if v.hidden.is_hidden(Category::Proposal) {
                return inner;
            }
            let target = Target::Proposal(proposal);
            let sel = Selection { target, mention };
            let lit = v.lit == Some(target) || v.open == Some(target);
            let text = p
                .mentions
                .get(mention)
                .map_or(p.name.as_str(), |m| m.text.as_str());
            // A button's content is presentational to assistive technology, so a
            // proposal that contains actor mentions is a group instead (its
            // actor buttons stay reachable); Enter/Space open it either way.
            let nested = children.iter().any(|c| matches!(c, Node::Marked { .. }));
            html! {
                <mark id={ids::mention(sel)} data-proposal={p.id.clone()} data-m={format!("p:{proposal}:{mention}")}
                    class={classes!("m", "k-proposal", lit.then_some("lit"), (v.current == Some(sel)).then_some("current"))}
                    role={if nested { "group" } else { "button" }} tabindex="0" aria-haspopup="dialog"
                    data-tag={vocab::PROPOSAL.tag} aria-label={format!("{text} — proposal")}>
                    { inner }
                </mark>
            }
        }
    }
}

/// Props of one paragraph.
#[derive(Properties)]
struct ParaProps {
    analysis: Shared<Analysis>,
    paragraphs: Rc<Vec<Paragraph>>,
    index: usize,
    view: View,
}

/// The handlers shared by the article and the headline: open a card on a
/// click or Enter/Space on a mention, light up what the pointer is over.
struct Handlers {
    onclick: Callback<MouseEvent>,
    onkeydown: Callback<KeyboardEvent>,
    onmouseover: Callback<MouseEvent>,
    onmouseleave: Callback<MouseEvent>,
}

fn handlers(
    onselect: &Callback<Selection>,
    onlight: &Callback<Option<Target>>,
    lit: Option<Target>,
    onclose: Option<Callback<()>>,
) -> Handlers {
    let onclick = {
        let onselect = onselect.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(sel) = mention_of(&e) {
                e.prevent_default();
                onselect.emit(sel);
            } else if let Some(close) = &onclose {
                if crate::dom::narrow() {
                    close.emit(());
                }
            }
        })
    };
    let onkeydown = {
        let onselect = onselect.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                if let Some(sel) = mention_of(&e) {
                    e.prevent_default();
                    onselect.emit(sel);
                }
            }
        })
    };
    let onmouseover = {
        let onlight = onlight.clone();
        Callback::from(move |e: MouseEvent| {
            let t = mention_of(&e).map(|s| s.target);
            if t != lit {
                onlight.emit(t);
            }
        })
    };
    let onmouseleave = {
        let onlight = onlight.clone();
        Callback::from(move |_: MouseEvent| {
            if lit.is_some() {
                onlight.emit(None);
            }
        })
    };
    Handlers {
        onclick,
        onkeydown,
        onmouseover,
        onmouseleave,
    }
}

/// Headline props (the same as the article's, for its first paragraph).
pub type HeadlineProps = ArticleProps;

/// The headline: the article's first paragraph as the page's `h1`, with its
/// highlights.
#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    let Some(p) = props.paragraphs.first() else {
        return html! {};
    };
    let cx = Ctx {
        a: &props.analysis,
        view: View::narrowed(props, p),
    };
    let Handlers {
        onclick,
        onkeydown,
        onmouseover,
        onmouseleave,
    } = handlers(&props.onselect, &props.onlight, props.lit, None);
    html! {
        <h1 id={ids::RESULT_TITLE} class="result-title" tabindex="-1"
            {onclick} {onkeydown} {onmouseover} {onmouseleave}>{ render(&p.nodes, &cx) }</h1>
    }
}

impl PartialEq for ParaProps {
    fn eq(&self, o: &Self) -> bool {
        self.analysis == o.analysis
            && Rc::ptr_eq(&self.paragraphs, &o.paragraphs)
            && self.index == o.index
            && self.view == o.view
    }
}

/// One paragraph; re-rendered only when its narrowed view changes.
#[function_component(Para)]
fn para(props: &ParaProps) -> Html {
    let Some(p) = props.paragraphs.get(props.index) else {
        return html! {};
    };
    let cx = Ctx {
        a: &props.analysis,
        view: props.view,
    };
    html! { <p>{ render(&p.nodes, &cx) }</p> }
}

/// Text rendered per step of progressive rendering (bytes): the first step
/// shows at once, the rest follow without blocking the page for long.
const STEP_BYTES: usize = 1024 * 1024;

/// Index after the last paragraph of the step starting at `from`.
fn step_end(paragraphs: &[Paragraph], from: usize) -> usize {
    let mut bytes = 0usize;
    let mut i = from;
    while i < paragraphs.len() && (i == from || bytes < STEP_BYTES) {
        bytes += paragraphs[i].range.len();
        i += 1;
    }
    i
}

/// The highlighted article.
#[function_component(Article)]
pub fn article(props: &ArticleProps) -> Html {
    let a = props.analysis.clone();
    let paragraphs = props.paragraphs.clone();
    // Progressive rendering: the first step now, the rest one step per task.
    // `shown` = (which layout, how many paragraphs of it are shown).
    let id = Rc::as_ptr(&paragraphs) as usize;
    let first = step_end(&paragraphs, props.from);
    let shown = use_state(|| (id, first));
    let count = if shown.0 == id {
        shown.1.max(first)
    } else {
        first
    };
    let count = count.min(paragraphs.len());
    {
        let shown = shown.clone();
        let paragraphs = paragraphs.clone();
        use_effect_with((id, count), move |&(id, n)| {
            if n < paragraphs.len() {
                let next = step_end(&paragraphs, n);
                let cb =
                    wasm_bindgen::closure::Closure::once_into_js(move || shown.set((id, next)));
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                        cb.unchecked_ref(),
                        0,
                    );
                }
            }
        });
    }

    let Handlers {
        onclick,
        onkeydown,
        onmouseover,
        onmouseleave,
    } = handlers(
        &props.onselect,
        &props.onlight,
        props.lit,
        props.onclose.clone(),
    );
    let complete = count >= paragraphs.len();
    html! {
        <article class="article" id={ids::ARTICLE} tabindex="-1" aria-label="Article with highlights" aria-busy={(!complete).to_string()}
            {onclick} {onkeydown} {onmouseover} {onmouseleave}>
            { for paragraphs.iter().enumerate().take(count).skip(props.from).map(|(i, p)| html! {
                <Para key={i} analysis={a.clone()} paragraphs={paragraphs.clone()} index={i}
                    view={View::narrowed(props, p)} />
            }) }
            if !complete {
                <p class="muted rendering">{ format!("Showing {} of {} paragraphs…", count, paragraphs.len()) }</p>
            }
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

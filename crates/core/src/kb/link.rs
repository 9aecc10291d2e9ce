//! Linking actors to knowledge-base entries, using the article as context.
//!
//! 1. The article's *footprint*: every capitalised run of up to
//!    [`MAX_NGRAM`] tokens is looked up; names that resolve to exactly one
//!    entry (and demonyms of exactly one entry) become *cues*.
//! 2. Each actor's surface forms (name, aliases, mention texts) are looked up
//!    among entries of a compatible kind (people only with people):
//!    * an unambiguous full name or alias links directly;
//!    * an ambiguous name ("Georgia") links to the candidate whose full name
//!      is written unambiguously elsewhere ("New York City" beside "New
//!      York"), else to the candidate with the most support from the cues —
//!      its context ids present in the article, or cues that list it as
//!      context ("Atlanta" → the US state) — if it is strictly ahead ("X,
//!      Georgia" also counts for states, countries and regions; a lone
//!      candidate city needs more than its country); on a tie, the data's
//!      editorial default if there is one ("New York" → the city), else
//!      nothing;
//!    * a surname alone ("Putin") links only if it is one person's surname
//!      and the full name is in the article, a matching title stands before
//!      a mention ("President Putin"), or (for a distinctive surname) the
//!      article mentions that person's country or office;
//!    * a non-person whose name is the last word of an unknown personal name
//!      in the same article ("Paris" beside "Valeska Paris") stays unlinked;
//!    * "City, State" ("Houston, Texas") links to the city when the state or
//!      country after the comma is in the city's context;
//!    * a group named by a demonym ("Ukrainians") gets its country's
//!      background with no Wikipedia title (the page is about the country).
//!
//! Complexity: O(n) in the number of tokens (fixed n-gram width, O(1)
//! lookups) plus O(m) in the total number of mentions.

use crate::hash::{FastMap as HashMap, FastSet as HashSet};

use super::store::{Hit, Strength};
use super::{Category, Entry, Kb};
use crate::doc::Doc;
use crate::drafts::ActorDraft as Actor;
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, Background, MentionForm};
use crate::pipeline::Component;
use crate::tokenize::TokenKind;

/// Longest name, in tokens, looked for in the footprint.
const MAX_NGRAM: usize = 6;
/// How many tokens before a mention may hold a supporting title.
const TITLE_WINDOW: usize = 3;

/// What the article says about which entries are present.
struct Context<'k> {
    kb: &'k Kb,
    /// Ids of entries named unambiguously in the article.
    cues: HashSet<&'k str>,
    /// Entry id → number of cues that list it as context.
    support: HashMap<&'k str, u32>,
}

impl<'k> Context<'k> {
    fn new(doc: &Doc<'k>) -> Self {
        let s = doc.kb;
        let mut cues = HashSet::default();
        let toks = &doc.tokens;
        for i in 0..toks.len() {
            let t = &toks[i];
            let first = doc.text.get(t.range()).unwrap_or("");
            if t.kind != TokenKind::Word || !first.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if let Some(e) = s.demonym(first) {
                cues.insert(e.id.as_str());
            }
            for tj in toks[i..].iter().take(MAX_NGRAM) {
                if tj.sentence != t.sentence {
                    break;
                }
                let Some(key) = doc.text.get(t.start_byte()..tj.end_byte()) else {
                    break;
                };
                if let Some([h]) = s.names.get(key).map(Vec::as_slice) {
                    if h.strength == Strength::Strong && !h.flagged {
                        cues.insert(s.entries[h.entry].id.as_str());
                    }
                }
            }
        }
        let mut support: HashMap<&'k str, u32> = HashMap::default();
        for id in &cues {
            if let Some(e) = s.by_id(id) {
                for c in e.context.iter() {
                    *support.entry(c).or_default() += 1;
                }
            }
        }
        Context {
            kb: s,
            cues,
            support,
        }
    }

    /// How much the article supports `e`: its context ids present, and cues
    /// that list it as context. With `strict` (a lone candidate for a name
    /// marked ambiguous), a city's country does not count: its namesakes
    /// are often in the same country (Charleston, South Carolina and West
    /// Virginia).
    fn score(&self, e: &Entry, strict: bool) -> u32 {
        let city = strict && matches!(e.category, Category::City | Category::Capital);
        let own = e
            .context
            .iter()
            .filter(|c| self.cues.contains(*c))
            .filter(|c| {
                !city
                    || !self.kb.by_id(c).is_some_and(|x| {
                        matches!(x.category, Category::Country | Category::Territory)
                    })
            })
            .count() as u32;
        own + self.support.get(e.id.as_str()).copied().unwrap_or(0)
    }
}

/// Can an actor of kind `k` be entry `e`? People link only to people.
fn compatible(k: ActorKind, e: &Entry) -> bool {
    (k == ActorKind::Person) == (e.kind == ActorKind::Person)
}

/// An organisation named like a country in a sports report: its national
/// team ("France beat Brazil 2–1"), not the country.
fn is_national_team(doc: &Doc, sports: &std::cell::OnceCell<bool>, actor: &Actor) -> bool {
    actor.kind == ActorKind::Organization
        && doc.kb.candidates(actor.name.trim()).iter().any(|e| {
            matches!(
                e.category,
                crate::kb::Category::Country | crate::kb::Category::Territory
            )
        })
        && *sports.get_or_init(|| crate::ner::is_sports_report(doc))
}

/// Does a title of `e` stand before one of the actor's mentions, or in its
/// description or role mentions?
fn has_title(doc: &Doc, actor: &Actor, e: &Entry) -> bool {
    if e.titles.is_empty() {
        return false;
    }
    let is_title = |w: &str| e.titles.iter().any(|t| t.eq_ignore_ascii_case(w));
    for m in &actor.mentions {
        if m.form == MentionForm::Role && doc.slice(m.span).split_whitespace().any(is_title) {
            return true;
        }
        let i = doc
            .tokens
            .partition_point(|t| t.start_byte() < m.span.start);
        let from = i.saturating_sub(TITLE_WINDOW);
        if (from..i).any(|j| is_title(doc.tok(j))) {
            return true;
        }
    }
    actor
        .description
        .as_deref()
        .is_some_and(|d| d.split_whitespace().any(is_title))
}

/// The surface forms to look up, actor name first, without duplicates.
fn surfaces<'d>(doc: &Doc<'d>, actor: &'d Actor) -> Vec<&'d str> {
    let mut seen = HashSet::default();
    std::iter::once(actor.name.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .chain(
            actor
                .mentions
                .iter()
                .filter(|m| m.form == MentionForm::Name)
                .map(|m| doc.slice(m.span)),
        )
        .filter(|s| seen.insert(*s))
        .collect()
}

/// Is a mention written as the second half of "Place, Region" ("Saratoga
/// Springs, New York")? Then it names a state, country or region.
fn after_place_comma(doc: &Doc, actor: &Actor) -> bool {
    actor.mentions.iter().any(|m| {
        let i = doc
            .tokens
            .partition_point(|t| t.start_byte() < m.span.start);
        i >= 2
            && doc.tok(i - 1) == ","
            && doc
                .tok(i - 2)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
}

/// Picks among ambiguous candidates by context; on a tie (or no support) the
/// candidate marked as the editorial default, if any, else `None`.
fn by_context<'k>(
    ctx: &Context<'k>,
    cands: &[(&'k Entry, bool)],
    region_slot: bool,
) -> Option<&'k Entry> {
    let bonus = |e: &Entry| {
        u32::from(
            region_slot
                && matches!(
                    e.category,
                    Category::UsState | Category::Country | Category::Territory | Category::Region
                ),
        )
    };
    // A candidate whose full name is written unambiguously elsewhere in the
    // article wins outright ("New York City" beside "New York").
    let mut named = cands
        .iter()
        .filter(|(e, _)| ctx.cues.contains(e.id.as_str()));
    if let (Some((e, _)), None) = (named.next(), named.next()) {
        return Some(e);
    }
    let mut scored: Vec<(u32, &'k Entry, bool)> = cands
        .iter()
        .map(|&(e, preferred)| (ctx.score(e, cands.len() == 1) + bonus(e), e, preferred))
        .collect();
    scored.sort_by_key(|a| std::cmp::Reverse(a.0));
    let top = scored.first().map_or(0, |s| s.0);
    match scored.as_slice() {
        [(s, e, _)] if *s > 0 => return Some(e),
        [(s1, e, _), (s2, _, _), ..] if *s1 > 0 && s1 > s2 => return Some(e),
        _ => {}
    }
    let mut tied = scored.iter().filter(|s| s.0 == top && s.2);
    match (tied.next(), tied.next()) {
        (Some(s), None) if cands.len() > 1 => Some(s.1),
        _ => None,
    }
}

/// The entry one surface resolves to, if any.
fn resolve_name<'k>(
    doc: &Doc<'k>,
    ctx: &Context<'k>,
    actor: &Actor,
    single_word_actor: bool,
    hits: &[Hit],
) -> Option<&'k Entry> {
    let s = doc.kb;
    let ok: Vec<&Hit> = hits
        .iter()
        .filter(|h| compatible(actor.kind, &s.entries[h.entry]))
        .collect();
    let strong: Vec<(&'k Entry, bool)> = ok
        .iter()
        .filter(|h| h.strength == Strength::Strong)
        .map(|h| (&s.entries[h.entry], h.preferred))
        .collect();
    let flagged = hits.iter().any(|h| h.flagged);
    if !strong.is_empty() {
        // Another kind of thing with the same name makes it ambiguous too.
        return if strong.len() == 1 && !flagged && hits.len() == 1 {
            Some(strong[0].0)
        } else {
            by_context(ctx, &strong, after_place_comma(doc, actor))
        };
    }
    // Surname alone: only when the actor itself is one word.
    if !single_word_actor {
        return None;
    }
    let weak: Vec<&'k Entry> = ok.iter().map(|h| &s.entries[h.entry]).collect();
    let [e] = weak.as_slice() else {
        // Several people share it: a title or context must single one out.
        let titled: Vec<_> = weak
            .iter()
            .copied()
            .filter(|e| has_title(doc, actor, e))
            .collect();
        return match titled.as_slice() {
            [e] => Some(e),
            _ => None,
        };
    };
    let full_name = ctx.cues.contains(e.id.as_str());
    let title = has_title(doc, actor, e);
    let distinctive = !flagged && hits.len() == 1;
    (full_name || title || (distinctive && ctx.score(e, false) > 0)).then_some(*e)
}

/// The entry an actor refers to, if the article supports one.
fn resolve<'k>(doc: &Doc<'k>, ctx: &Context<'k>, actor: &Actor) -> Option<(&'k Entry, bool)> {
    let single = !actor.name.trim().contains(char::is_whitespace);
    for surface in surfaces(doc, actor) {
        let hits = doc.kb.hits(surface);
        if hits.is_empty() {
            if let Some(e) = place_comma_region(doc.kb, actor, surface) {
                return Some((e, false));
            }
            continue;
        }
        if let Some(e) = resolve_name(doc, ctx, actor, single, hits) {
            return Some((e, false));
        }
        // A name the KB knows but could not resolve: do not fall back to a
        // weaker form, which would force a guess.
        if hits.iter().any(|h| h.strength == Strength::Strong) {
            return None;
        }
    }
    if matches!(actor.kind, ActorKind::Group | ActorKind::Other) {
        let head = actor.name.split_whitespace().next().unwrap_or("");
        if let Some(e) = doc.kb.demonym(head).filter(|e| e.kind != ActorKind::Person) {
            return Some((e, true));
        }
    }
    None
}

/// "Houston, Texas" → Houston: the part before the comma, when one of its
/// candidates lists the part after it (a state or country) as context.
fn place_comma_region<'k>(kb: &'k Kb, actor: &Actor, surface: &str) -> Option<&'k Entry> {
    let (left, right) = surface.split_once(", ")?;
    let regions: Vec<&str> = kb.candidates(right).iter().map(|e| e.id.as_str()).collect();
    let mut found = kb
        .candidates(left)
        .into_iter()
        .filter(|e| compatible(actor.kind, e) && e.kind == ActorKind::Place)
        .filter(|e| e.context.iter().any(|c| regions.contains(c)));
    match (found.next(), found.next()) {
        (Some(e), None) => Some(e),
        _ => None,
    }
}

/// The last word of `a`'s name if the name looks like an unknown person's:
/// two or three capitalised words, not in the knowledge base, labelled a
/// person, or a place whose first word is not a place modifier, a known
/// name, or a word the article also writes in lower case.
///
/// `written_lower(w)` tells whether the article writes `w` in lower case.
fn surname_of_unknown_name<'a>(
    lx: &Lexicon,
    kb: &Kb,
    a: &'a Actor,
    written_lower: &dyn Fn(&str) -> bool,
) -> Option<&'a str> {
    let w: Vec<&str> = a.name.split_whitespace().collect();
    if !(2..=3).contains(&w.len())
        || a.name
            .contains(|c: char| c.is_ascii_punctuation() && c != '-' && c != '\'')
        || !w
            .iter()
            .all(|x| x.chars().next().is_some_and(char::is_uppercase))
        || !kb.hits(&a.name).is_empty()
    {
        return None;
    }
    let person_like = match a.kind {
        ActorKind::Person => true,
        ActorKind::Place => {
            !(lx.is_place_modifier(w[0]) || matches!(w[0], "New" | "Old" | "Metro" | "Downtown"))
                && kb.hits(w[0]).is_empty()
                && !written_lower(w[0].to_lowercase().as_str())
        }
        _ => false,
    };
    person_like.then(|| w[w.len() - 1])
}

/// Sets the background of actor drafts that the knowledge base knows
/// (reads tokens and the drafts' names and mentions).
pub struct Linker;

impl Component for Linker {
    fn name(&self) -> &'static str {
        "link"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        let mut actors = std::mem::take(&mut doc.actors);
        link(doc, &mut actors);
        doc.actors = actors;
    }
}

/// Links actors to entries where the article supports it; sets
/// `actor.background` (or leaves it `None`).
pub fn link(doc: &Doc, actors: &mut [Actor]) {
    if actors.is_empty() {
        return;
    }
    let ctx = Context::new(doc);
    // Last words of unknown personal names: "Paris" beside "Valeska Paris" is
    // her surname, not the city (recognisers may label such a name a place).
    // The set of lower-case words is built only if a name needs it.
    let lower = std::cell::OnceCell::<HashSet<&str>>::new();
    let written_lower = |w: &str| {
        lower
            .get_or_init(|| {
                (0..doc.tokens.len())
                    .map(|i| doc.tok(i))
                    .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                    .collect()
            })
            .contains(w)
    };
    let surnames: HashSet<String> = actors
        .iter()
        .filter_map(|a| {
            surname_of_unknown_name(doc.lex, doc.kb, a, &written_lower).map(str::to_owned)
        })
        .collect();
    let sports = std::cell::OnceCell::new();
    for a in actors.iter_mut() {
        if (a.kind != ActorKind::Person && surnames.contains(a.name.trim()))
            || is_national_team(doc, &sports, a)
        {
            a.background = None;
            continue;
        }
        a.background = resolve(doc, &ctx, a).map(|(e, via_demonym)| Background {
            id: e.id.clone(),
            name: e.name.to_owned(),
            description: e.description.clone(),
            as_of: e.as_of.to_owned(),
            source: e.source.to_owned(),
            wiki: if via_demonym {
                None
            } else {
                e.wiki.map(str::to_owned)
            },
            // A group named after a place is not the place.
            related: via_demonym || a.kind == ActorKind::Group && e.kind != ActorKind::Group,
            category: e.category.label().to_owned(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::MentionDraft;

    #[test]
    fn unknown_personal_names_yield_their_surname() {
        let none = |_: &str| false;
        let p = Actor::bare("Valeska Paris", ActorKind::Place);
        assert_eq!(
            surname_of_unknown_name(
                crate::Analyzer::shared().lexicon(),
                crate::Analyzer::shared().kb(),
                &p,
                &none
            ),
            Some("Paris")
        );
        let p = Actor::bare("Jane Doe", ActorKind::Person);
        assert_eq!(
            surname_of_unknown_name(
                crate::Analyzer::shared().lexicon(),
                crate::Analyzer::shared().kb(),
                &p,
                &none
            ),
            Some("Doe")
        );
        // Known names, place modifiers, punctuation, organisations: no.
        for (n, k) in [
            ("Vladimir Putin", ActorKind::Person),
            ("Southern Indiana", ActorKind::Place),
            ("Houston, Texas", ActorKind::Place),
            ("Environment Canada", ActorKind::Organization),
            ("Paris", ActorKind::Person),
        ] {
            assert_eq!(
                surname_of_unknown_name(
                    crate::Analyzer::shared().lexicon(),
                    crate::Analyzer::shared().kb(),
                    &Actor::bare(n, k),
                    &none
                ),
                None,
                "{n}"
            );
        }
        // A first word the article also writes in lower case is a word.
        let lower = |w: &str| w == "environment";
        let p = Actor::bare("Environment Canada", ActorKind::Place);
        assert_eq!(
            surname_of_unknown_name(
                crate::Analyzer::shared().lexicon(),
                crate::Analyzer::shared().kb(),
                &p,
                &lower
            ),
            None
        );
    }

    #[test]
    fn place_comma_slot_is_detected() {
        let text = "He grew up in Albany, Georgia and later Georgia.";
        let doc = Doc::segmented(text);
        let at = |i: usize| {
            let mut a = Actor::bare("Georgia", ActorKind::Place);
            a.mentions.push(MentionDraft {
                span: crate::model::Span::new(i, i + 7),
                form: MentionForm::Name,
            });
            a
        };
        let first = text.find("Georgia").unwrap_or(0);
        let last = text.rfind("Georgia").unwrap_or(0);
        assert!(after_place_comma(&doc, &at(first)));
        assert!(!after_place_comma(&doc, &at(last)));
    }
}

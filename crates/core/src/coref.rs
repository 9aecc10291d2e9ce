//! Coreference (the `coref` component): which person a standalone title
//! ("The President") or a role phrase ("the Russian president", "the
//! Kremlin official") refers to, and group actors from group phrases
//! ("Ukrainian officials"); then each draft is finished.
//!
//! A role resolves to the person whose description, title, knowledge-base
//! entry and sentence company fit best among the last few persons named
//! before it ("Malaysia's Prime Minister, Najib Razak": the next name when it
//! follows at once); a standalone title nobody fits stands for its holder.
//!
//! Complexity: O(m log m) for m mentions; each resolution looks at a
//! bounded number of earlier persons.

use crate::actors::affiliation;
use crate::actors::finish::finish;
use crate::doc::Doc;
use crate::drafts::{ActorDraft, MentionDraft};
use crate::hash::{FastMap as HashMap, FastSet as HashSet};
use crate::model::{ActorKind, MentionForm, Span};
use crate::pipeline::Component;
use crate::roles::RoleKind;
use crate::tokenize::TokenKind;

/// Resolves role mentions and finishes [`Doc::actors`] (reads the actor
/// drafts, [`Doc::roles`], tokens and the knowledge base).
pub struct Coref;

impl Component for Coref {
    fn name(&self) -> &'static str {
        "coref"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        let protos = std::mem::take(&mut doc.actors);
        doc.actors = resolve_and_finish(doc, protos);
    }
}

/// Every mention of the drafts with its draft, in text order.
fn mentions_in_order(protos: &[ActorDraft]) -> Vec<(MentionDraft, usize)> {
    let mut out: Vec<(MentionDraft, usize)> = protos
        .iter()
        .enumerate()
        .flat_map(|(p, a)| a.mentions.iter().map(move |m| (*m, p)))
        .collect();
    out.sort_by_key(|(m, p)| (m.span.start, m.span.end, *p));
    out
}

/// The holder named right after the standalone title `mentions[mi]`:
/// "Malaysia's Prime Minister, Najib Razak", and past the title's own
/// complement, "The Commissioner for Transport, Ada Obi". A person, or a
/// name of unknown kind.
fn apposed_holder(
    doc: &Doc,
    mentions: &[(MentionDraft, usize)],
    mi: usize,
    protos: &[ActorDraft],
) -> Option<usize> {
    let (role, _) = mentions.get(mi)?;
    let gap = |a: usize, b: usize| doc.text.get(a..b).map(str::trim);
    let mut next = mi + 1;
    let &(first, _) = mentions.get(next)?;
    if matches!(gap(role.span.end, first.span.start)?, "for" | "of") {
        next += 1;
    }
    let &(name, p) = mentions.get(next)?;
    let prev_end = mentions.get(next - 1)?.0.span.end;
    let g = gap(prev_end, name.span.start)?;
    let kind = protos.get(p)?.kind;
    let holder = kind == ActorKind::Person || next > mi + 1 && kind == ActorKind::Other;
    (g.len() <= 1 && (next == mi + 1 || g == ",") && name.form == MentionForm::Name && holder)
        .then_some(p)
}

fn resolve_and_finish(doc: &Doc, mut protos: Vec<ActorDraft>) -> Vec<ActorDraft> {
    let mentions = mentions_in_order(&protos);
    let ctx = Context::new(doc, &mentions, &protos);
    let mut extra: Vec<(usize, Span, MentionForm)> = Vec::new();
    let mut role_protos: HashSet<usize> = HashSet::default();
    for &(m, p) in &mentions {
        if m.form == MentionForm::Role {
            role_protos.insert(p);
        }
    }
    // Standalone titles from the recogniser ("The President").
    let mut unresolved: HashSet<usize> = HashSet::default();
    for (mi, &(m, own)) in mentions.iter().enumerate() {
        if m.form != MentionForm::Role {
            continue;
        }
        let role = doc.slice(m.span);
        let resolved = ctx
            .resolve(&protos, m.span, role, None, &role_protos)
            .or_else(|| apposed_holder(doc, &mentions, mi, &protos));
        match resolved {
            Some(p) => {
                // "The Commissioner for Transport, Ada Obi": a name the
                // recogniser could not place is the title's holder.
                if protos[p].kind == ActorKind::Other {
                    protos[p].kind = ActorKind::Person;
                }
                extra.push((p, m.span, MentionForm::Role));
                // "Malaysia's Prime Minister": the title describes its holder.
                if !protos[p].titles.iter().any(|t| doc.slice(*t) == role) {
                    protos[p].titles.push(m.span);
                }
            }
            // Nobody named: the title stands for its holder ("the Prime Minister").
            None => {
                unresolved.insert(own);
            }
        }
    }
    for p in &unresolved {
        role_protos.remove(p);
    }
    // A title's own actor keeps only the mentions no one else took.
    let by_span: HashMap<Span, usize> = mentions.iter().map(|&(m, p)| (m.span, p)).collect();
    for &(_, span, _) in &extra {
        if let Some(&p) = by_span.get(&span) {
            if unresolved.contains(&p) {
                protos[p].mentions.retain(|m| m.span != span);
            }
        }
    }
    // Role phrases ("the Russian president") and groups.
    let mut groups: HashMap<String, usize> = HashMap::default();
    let mut new_groups: Vec<ActorDraft> = Vec::new();
    for phrase in &doc.roles {
        match phrase.kind {
            RoleKind::Role { role, modifier } => {
                let modifier = modifier.map(|k| doc.tok(k));
                let role = doc.tok(role);
                if let Some(p) = ctx.resolve(&protos, phrase.span, role, modifier, &role_protos) {
                    extra.push((p, phrase.span, MentionForm::Role));
                }
            }
            RoleKind::Group { common } => {
                let text = doc.slice(phrase.span);
                let key = text.to_lowercase();
                let p = *groups.entry(key).or_insert_with(|| {
                    new_groups.push(ActorDraft::new(text, ActorKind::Group));
                    protos.len() + new_groups.len() - 1
                });
                let form = if common {
                    MentionForm::Role
                } else {
                    MentionForm::Demonym
                };
                extra.push((p, phrase.span, form));
            }
            // Resolved after the definite descriptions, below.
            RoleKind::Body { .. } => {}
        }
    }
    protos.extend(new_groups);
    let definite = definite_descriptions(doc, &protos, &mentions);
    let bodies = unnamed_bodies(doc, &ctx, &mut protos, &role_protos, &definite, &extra);
    extra.extend(definite);
    extra.extend(bodies);
    for (p, span, form) in extra {
        if let Some(proto) = protos.get_mut(p) {
            proto.mentions.push(MentionDraft { span, form });
        }
    }
    // Finished drafts, in order of first mention.
    let mut used: HashSet<String> = HashSet::default();
    let mut actors = Vec::with_capacity(protos.len());
    for (pi, p) in protos.into_iter().enumerate() {
        if role_protos.contains(&pi) || p.mentions.is_empty() {
            continue;
        }
        actors.push(finish(doc, p, &mut used));
    }
    actors.sort_by_key(ActorDraft::first_start);
    actors
}

/// "the authority" after "the Competition Authority", "the union" after
/// "the Kerala Nurses Union": "the" and the last word of an organisation's
/// name, in lower case, refers to the organisation of that name mentioned
/// most recently before it. One pass over the tokens and the mentions.
fn definite_descriptions(
    doc: &Doc,
    protos: &[ActorDraft],
    mentions: &[(MentionDraft, usize)],
) -> Vec<(usize, Span, MentionForm)> {
    // Last word (lower case) → organisations whose name ends with it.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
    for (p, a) in protos.iter().enumerate() {
        if a.kind != ActorKind::Organization {
            continue;
        }
        let words: Vec<&str> = a.name.split_whitespace().collect();
        let Some(last) = words.last().filter(|l| words.len() >= 2 && l.len() >= 4) else {
            continue;
        };
        let last = last.to_lowercase();
        let v = by_word.entry(last).or_default();
        if !v.contains(&p) {
            v.push(p);
        }
    }
    let mut out = Vec::new();
    if by_word.is_empty() {
        return out;
    }
    // Walk mentions and tokens together, remembering where each
    // organisation was last named.
    let mut last_seen: HashMap<usize, usize> = HashMap::default();
    let mut mi = 0;
    for g in 0..doc.tokens.len().saturating_sub(1) {
        let start = doc.tokens[g].start_byte();
        while mi < mentions.len() && mentions[mi].0.span.start < start {
            last_seen.insert(mentions[mi].1, mentions[mi].0.span.start);
            mi += 1;
        }
        if doc.lw(g) != "the" || doc.tokens[g + 1].kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok(g + 1);
        if !w.starts_with(char::is_lowercase) {
            continue;
        }
        // "the union leader" is a person; "the union's chair" is fine.
        let next = doc.tokens.get(g + 2);
        if next.is_some_and(|t| t.kind == TokenKind::Word && t.sentence == doc.tokens[g].sentence)
            && doc.tok(g + 2).starts_with(char::is_lowercase)
            && !doc.is(g + 2, crate::syntax::Class::Verbish)
            && !doc.is(g + 2, crate::syntax::Class::Aux)
            && !doc.is(g + 2, crate::syntax::Class::Adverb)
            && !doc.is(g + 2, crate::syntax::Class::Prep)
            && !doc.is(g + 2, crate::syntax::Class::Conj)
            && !doc.is(g + 2, crate::syntax::Class::ClauseWord)
        {
            continue;
        }
        let Some(cands) = by_word.get(doc.lw(g + 1)) else {
            continue;
        };
        let best = cands
            .iter()
            .filter_map(|&p| last_seen.get(&p).map(|&at| (at, p)))
            .max();
        if let Some((_, p)) = best {
            let span = Span::new(start, doc.tokens[g + 1].end_byte());
            out.push((p, span, MentionForm::Role));
        }
    }
    out
}

/// Actors for unnamed holders ([`RoleKind::Body`]): "the mayor" joins the
/// person whose title or description says mayor ("Mayor Tom Hadley"), "the
/// department" the organisation named before whose name has that word
/// ("the State Department"), "the company" and "its board" the organisation
/// named last, "her office" the person named last in the same sentence
/// (or nobody);
/// any other phrase is an actor of its own, named by the phrase without its
/// article ("health ministry", "Thomas' sister"), which a later bare
/// phrase with the same head ("the ministry") joins. Phrases already taken
/// by a role or a definite description are left alone. Bounded look-backs:
/// O(1) per phrase.
fn unnamed_bodies(
    doc: &Doc,
    ctx: &Context,
    protos: &mut Vec<ActorDraft>,
    skip: &HashSet<usize>,
    definite: &[(usize, Span, MentionForm)],
    taken: &[(usize, Span, MentionForm)],
) -> Vec<(usize, Span, MentionForm)> {
    const MAX_STEPS: usize = 200;
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let mut out = Vec::new();
    // Head word → (actor, modified) of the unnamed actors made so far.
    let mut made: HashMap<String, Vec<(usize, String)>> = HashMap::default();
    for phrase in &doc.roles {
        let RoleKind::Body {
            head,
            person,
            modified,
            owner,
        } = phrase.kind
        else {
            continue;
        };
        let span = phrase.span;
        if definite
            .iter()
            .chain(taken)
            .any(|&(_, s, _)| overlaps(s, span))
        {
            continue;
        }
        let head_w = doc.lw(head).to_owned();
        let first_w = doc.lw(doc.tokens.partition_point(|t| t.start_byte() < span.start));
        let his = matches!(first_w, "his" | "her");
        let upto = ctx.starts.partition_point(|&(s, _)| s < span.start);
        // The person "his"/"her" points to: the last one named before.
        let last_person = || {
            ctx.starts[..upto]
                .iter()
                .rev()
                .take(MAX_STEPS)
                .map(|&(_, p)| p)
                .find(|&p| protos[p].kind == ActorKind::Person && !skip.contains(&p))
        };
        let anaphoric = doc.lex.is_anaphoric_body(&head_w);
        let org_named = |p: usize| {
            let a = &protos[p];
            a.kind != ActorKind::Person
                && a.name
                    .split_whitespace()
                    .any(|w| w.to_lowercase() == head_w)
        };
        let its = first_w == "its";
        // A named actor it refers to.
        let named = if its {
            // "its executive", "its board": the organisation acts through
            // its organ (the last one named before).
            ctx.starts[..upto]
                .iter()
                .rev()
                .take(MAX_STEPS)
                .map(|&(_, p)| p)
                .find(|&p| protos[p].kind == ActorKind::Organization)
        } else if person {
            if owner.is_some() || doc.lex.is_kin_noun(&head_w) {
                None
            } else {
                ctx.resolve(protos, span, &head_w, None, skip)
            }
        } else if his {
            // "her office", "his party": the person's own body speaks for
            // them, when that person is named in the same sentence (else
            // whose it is is a guess, and it names no one).
            let here = doc.sentence_at(span.start);
            let named_here = |p: usize| {
                ctx.starts[..upto]
                    .iter()
                    .rev()
                    .take_while(|&&(s, _)| doc.sentence_at(s) == here)
                    .any(|&(_, q)| q == p)
            };
            match last_person().filter(|&p| named_here(p)) {
                Some(p) => Some(p),
                None => continue,
            }
        } else {
            ctx.starts[..upto]
                .iter()
                .rev()
                .take(MAX_STEPS)
                .map(|&(_, p)| p)
                .find(|&p| org_named(p) || anaphoric && protos[p].kind == ActorKind::Organization)
                .or_else(|| {
                    // "…, their union said. The Kerala Nurses Union …": the
                    // body named in the next two sentences.
                    let here = doc.sentence_at(span.start)?;
                    ctx.starts[upto..]
                        .iter()
                        .take_while(|&&(s, _)| doc.sentence_at(s).is_some_and(|t| t <= here + 2))
                        .map(|&(_, p)| p)
                        .find(|&p| !anaphoric && org_named(p))
                })
        };
        if let Some(p) = named {
            out.push((p, span, MentionForm::Role));
            continue;
        }
        if anaphoric || its {
            continue;
        }
        // The name: the phrase without its article; an owner's possessive
        // stays ("Thomas' sister").
        let text = doc.slice(span);
        let mut name = text
            .strip_prefix("the ")
            .or_else(|| text.strip_prefix("The "))
            .or_else(|| text.strip_prefix("a "))
            .or_else(|| text.strip_prefix("A "))
            .or_else(|| text.strip_prefix("an "))
            .or_else(|| text.strip_prefix("An "))
            .unwrap_or(text)
            .to_owned();
        if let Some(o) = owner {
            // "Kowal's brother" after "Lena Kowal": named by the owner's
            // actor, "Lena Kowal's brother".
            let at = doc.tokens[o].start_byte();
            let i = doc.ents.partition_point(|e| e.span.end <= at);
            let start = doc.ents.get(i).map_or(at, |e| e.span.start.min(at));
            let j = ctx.starts.partition_point(|&(s, _)| s < start);
            let possessive = doc
                .text
                .get(doc.tokens[o].end_byte()..span.start)
                .unwrap_or("'s ");
            name = match ctx.starts.get(j).filter(|&&(s, _)| s == start) {
                Some(&(_, p)) => format!("{}{possessive}", protos[p].name) + doc.tok(head),
                None => doc.text.get(start..span.end).unwrap_or(text).to_owned(),
            };
        } else if his {
            // "his sister" after "Tom Reed": "Tom Reed's sister".
            name = match last_person() {
                Some(p) => format!("{}'s {}", protos[p].name, doc.tok(head)),
                None => doc.tok(head).to_owned(),
            };
        } else if first_w == "their" {
            // "their union": the noun phrase without the pronoun.
            name = text.split_once(' ').map_or(text, |(_, r)| r).to_owned();
        }
        let key = name.to_lowercase();
        let same = made.entry(head_w).or_default();
        // A bare "the ministry" joins the last one; a modified phrase joins
        // the one of the same words.
        let found = same
            .iter()
            .rev()
            .find(|(_, k)| !modified || *k == key)
            .map(|&(p, _)| p);
        let p = match found {
            Some(p) => p,
            None => {
                let kind = if person {
                    ActorKind::Person
                } else {
                    ActorKind::Organization
                };
                protos.push(ActorDraft::new(&name, kind));
                same.push((protos.len() - 1, key));
                protos.len() - 1
            }
        };
        out.push((p, span, MentionForm::Role));
    }
    out
}

/// Document facts that role resolution needs.
struct Context<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Mention start → proto index (name mentions).
    starts: Vec<(usize, usize)>,
    /// Proto index → sentences with a name mention.
    /// (proto, affiliation id) → number of sentences naming both.
    co: HashMap<(usize, &'a str), usize>,
    /// Sentence → affiliation ids mentioned in it.
    affils: Vec<Vec<&'a str>>,
}

impl<'d, 'a> Context<'d, 'a> {
    fn new(doc: &'d Doc<'a>, mentions: &[(MentionDraft, usize)], protos: &[ActorDraft]) -> Self {
        let mut starts = Vec::new();
        let mut sentences_of: HashMap<usize, Vec<usize>> = HashMap::default();
        let mut affils: Vec<Vec<&'a str>> = vec![Vec::new(); doc.sentences.len()];
        for &(m, p) in mentions {
            if m.form != MentionForm::Name {
                continue;
            }
            starts.push((m.span.start, p));
            if let Some(s) = doc.sentence_at(m.span.start) {
                let v = sentences_of.entry(p).or_default();
                if v.last() != Some(&s) {
                    v.push(s);
                }
                // The knowledge base's own id string (it outlives the drafts).
                let entry = protos[p].kb_id.as_deref().and_then(|id| doc.kb.by_id(id));
                if let Some(e) = entry {
                    affils[s].push(e.id.as_str());
                }
            }
        }
        for (g, t) in doc.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                let w = doc.tok(g);
                if !w.starts_with(char::is_uppercase) {
                    continue;
                }
                if let Some(e) = doc.kb.demonym(w) {
                    if let Some(v) = affils.get_mut(t.sentence_index()) {
                        v.push(e.id.as_str());
                    }
                }
            }
        }
        starts.sort_unstable();
        for a in &mut affils {
            a.sort_unstable();
            a.dedup();
        }
        let mut co: HashMap<(usize, &'a str), usize> = HashMap::default();
        for (&p, ss) in &sentences_of {
            for &s in ss {
                for &id in &affils[s] {
                    *co.entry((p, id)).or_default() += 1;
                }
            }
        }
        Context {
            doc,
            starts,
            co,
            affils,
        }
    }

    /// The person a role phrase at `span` refers to.
    fn resolve(
        &self,
        protos: &[ActorDraft],
        span: Span,
        role: &str,
        modifier: Option<&str>,
        skip: &HashSet<usize>,
    ) -> Option<usize> {
        let role_l = role.to_lowercase();
        let role_word = role_l.split_whitespace().last().unwrap_or("").to_owned();
        let aff = modifier.and_then(|m| affiliation(self.doc.kb, m));
        let here = self.doc.sentence_at(span.start);
        // The last few persons mentioned by name before the phrase (a
        // bounded look-back keeps this O(1) per phrase); the latest gets a bonus.
        const MAX_PERSONS: usize = 8;
        const MAX_STEPS: usize = 400;
        let mut seen: Vec<(usize, usize)> = Vec::new(); // (proto, last start)
        let upto = self.starts.partition_point(|&(s, _)| s < span.start);
        for &(s, p) in self.starts[..upto].iter().rev().take(MAX_STEPS) {
            if protos[p].kind != ActorKind::Person || skip.contains(&p) {
                continue;
            }
            if !seen.iter().any(|(q, _)| *q == p) {
                seen.push((p, s));
                if seen.len() == MAX_PERSONS {
                    break;
                }
            }
        }
        let latest = seen.iter().max_by_key(|(_, s)| *s).map(|(p, _)| *p);
        let mut best: Option<(i32, usize, usize)> = None;
        for &(p, last) in &seen {
            let proto = &protos[p];
            let mut score = 0i32;
            let descr = |needle: &str| {
                proto.descriptions.iter().any(|d| d.contains(needle))
                    || proto
                        .titles
                        .iter()
                        .any(|t| self.doc.slice(*t).contains(needle))
            };
            let lower_descr = |needle: &str| {
                proto
                    .descriptions
                    .iter()
                    .any(|d| d.to_lowercase().contains(needle))
                    || proto
                        .titles
                        .iter()
                        .any(|t| self.doc.slice(*t).to_lowercase().contains(needle))
            };
            if !role_word.is_empty() && lower_descr(role_word.trim_end_matches('s')) {
                score += 2;
            }
            if let (Some(m), Some(e)) = (modifier, aff) {
                if descr(m) || descr(e.name) {
                    score += 3;
                }
                if let Some(kbp) = self.doc.kb.lookup(&proto.name) {
                    if kbp.kind == ActorKind::Person && kbp.description.contains(e.name) {
                        score += 3;
                    }
                }
                let mut co = self.co.get(&(p, e.id.as_str())).copied().unwrap_or(0);
                // Not the phrase's own sentence.
                let named_here = here.is_some_and(|h| {
                    self.affils
                        .get(h)
                        .is_some_and(|a| a.binary_search(&e.id.as_str()).is_ok())
                        && self.doc.sentences.get(h).is_some_and(|sp| {
                            let lo = self.starts.partition_point(|&(st, _)| st < sp.start);
                            let hi = self.starts.partition_point(|&(st, _)| st < sp.end);
                            self.starts[lo..hi].iter().any(|&(_, q)| q == p)
                        })
                });
                if named_here {
                    co = co.saturating_sub(1);
                }
                score += co.min(3) as i32;
            }
            if Some(p) == latest {
                score += 1;
            }
            if best.is_none_or(|(b, _, bl)| score > b || (score == b && last > bl)) {
                best = Some((score, p, last));
            }
        }
        best.filter(|(s, _, _)| *s >= 2).map(|(_, p, _)| p)
    }
}

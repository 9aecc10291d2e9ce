//! Proposal phrases found by what governs them rather than by their head
//! noun:
//!
//! * **objects** of verbs that take a measure as their object (“backed
//!   building a second bridge”, “approved the merger”, “called for the
//!   release of the journalists”; `proposals/object_verbs.txt`), unless the
//!   object is an actor, a pronoun, a person or one of the things that are
//!   never proposals (“rejected the claims”);
//! * **reversals**: an action that undoes a measure is a proposal of its
//!   own, not the measure — “lifting the sanctions”, “to repeal the law”,
//!   “the repeal of the law”, “an end to the blockade”, and “The EU lifted
//!   the sanctions” (the EU proposes the lifting; `stances/reverse_*.txt`);
//! * **requests**: the infinitive after a verb of asking and its addressee
//!   (“urged the council to drop the fee”, “asked Canada not to deport
//!   them”): what the asker proposes;
//! * **prohibitions**: a passive of forbidding with "from" (“was banned
//!   from holding rallies by the council”), which the agent proposes;
//! * **decisions**: the "that" clause of a verb of deciding (“the court
//!   ruled that the ban was unlawful”; `proposals/ruling_verbs.txt`),
//!   which its subject proposes;
//! * **references**: “it”, “this” or “them” as the object of a stance verb
//!   (“He rejected it”) names the proposal mentioned last (resolved when
//!   proposals are merged).
//!
//! Each rule is a bounded scan from one token, so the pass stays O(n).

use super::{build, Candidate};
use crate::clause::MAX_OBJECT;
use crate::doc::Doc;
use crate::lexicon::{Family, Head, Strength};
use crate::model::StanceKind;
use crate::proposals::stance::{tally_end, Hit};
use crate::syntax::Class;
use crate::tokenize::TokenKind;

/// Longest request infinitive kept as a name, in tokens.
const MAX_REQUEST: usize = 12;

/// The synthetic head of a phrase found by these rules.
fn head(family: Family, strength: Strength) -> Head {
    Head {
        lemma: "",
        family,
        strength,
        verb_too: false,
    }
}

/// Adds the phrases of sentence `s` found by what governs them to `out`
/// (the head-noun candidates), keeping `out` in head order.
pub(super) fn add(doc: &Doc, s: usize, out: &mut Vec<Candidate>) {
    let r = doc.sentence_range(s);
    let mut extra: Vec<Candidate> = Vec::new();
    let in_candidate =
        |out: &[Candidate], k: usize| out.iter().any(|c| c.np_start <= k && k < c.name_end);
    let holds_head = |out: &[Candidate], a: usize, b: usize| {
        out.iter().any(|c| a <= c.head_tok && c.head_tok < b)
    };
    for v in r.clone() {
        if doc.kind(v) != Some(TokenKind::Word) || doc.is_cap(v) && v > r.start {
            continue;
        }
        if in_candidate(out, v) || extra.iter().any(|c| c.np_start <= v && v < c.name_end) {
            continue;
        }
        let w = doc.lw(v);
        if let Some(c) = reversal_noun(doc, s, v, out) {
            extra.push(c);
            continue;
        }
        if let Some(base) = doc.lex.reverse_verb(w) {
            if let Some(c) = reversal_verb(doc, s, v, base, out) {
                extra.push(c);
                continue;
            }
        }
        let requested = if doc.lex.is_request_verb(w) {
            request(doc, s, v)
        } else {
            None
        };
        if let Some(c) = requested.or_else(|| demanded_that(doc, s, v)) {
            let verb = c.head_tok;
            match head_inside(out, &c) {
                // "asked the council to delay the ban": the delay.
                _ if doc.lex.is_modifying_verb(doc.lw(verb)) => extra.push(c),
                // "urged Russia to accept the plan", "urged parliament
                // to reject it": the cue decides.
                _ if doc.lex.is_cue_word(doc.lw(verb)) => {}
                // "asked the council to hold a referendum": the asker
                // proposes the referendum.
                Some(i) => out[i].preset.extend(c.preset),
                None => extra.push(c),
            }
            continue;
        }
        if let Some(c) = recommendation(doc, s, v) {
            match head_inside(out, &c) {
                // "should not impose tariffs on rice": the tariffs.
                Some(i) => out[i].preset.extend(c.preset),
                None => extra.push(c),
            }
            continue;
        }
        if let Some(c) = banned_from(doc, s, v, out) {
            extra.push(c);
            continue;
        }
        if let Some(c) = ruled_that(doc, s, v, out) {
            extra.push(c);
            continue;
        }
        if let Some(c) = voted_to(doc, s, v, out) {
            extra.push(c);
            continue;
        }
        if let Some(c) = judged_pronoun(doc, s, v) {
            extra.push(c);
            continue;
        }
        if let Some(c) = object(doc, s, v, out).or_else(|| noun_object(doc, s, v, out)) {
            if !holds_head(out, c.np_start, c.name_end) {
                extra.push(c);
            }
        }
    }
    if extra.is_empty() {
        return;
    }
    out.extend(extra);
    out.sort_by_key(|c| (c.head_tok, std::cmp::Reverse(c.name_end)));
    out.dedup_by_key(|c| c.head_tok);
}

/// The head-noun candidate whose head lies inside `c`'s name ("asked the
/// council to hold a referendum": the referendum), if any.
fn head_inside(out: &[Candidate], c: &Candidate) -> Option<usize> {
    out.iter()
        .position(|o| c.name_start <= o.head_tok && o.head_tok < c.name_end)
}

/// A candidate over tokens `name_start..name_end`, its phrase starting at
/// `np_start`, with features read from its words.
fn span_candidate(
    doc: &Doc,
    s: usize,
    family: Family,
    head_tok: usize,
    np_start: usize,
    name_start: usize,
    name_end: usize,
) -> Candidate {
    let mut c = Candidate {
        sentence: s,
        head_tok,
        head: head(family, Strength::Strong),
        np_start,
        name_start,
        name_end,
        desc: None,
        has_det: doc.is(np_start, Class::Det),
        definite: matches!(
            doc.lw(np_start),
            "the" | "this" | "that" | "these" | "those"
        ),
        indefinite: matches!(doc.lw(np_start), "a" | "an" | "another"),
        content: Vec::new(),
        topic: false,
        actors: Vec::new(),
        about: Vec::new(),
        possessor: None,
        number: None,
        old: false,
        new: false,
        complement: Vec::new(),
        to_verb: false,
        acts: Vec::new(),
        preset: Vec::new(),
        name_override: None,
        pronoun: false,
        done: false,
    };
    for k in name_start..name_end {
        if let Some(m) = doc.mention_at(k) {
            if !c.actors.contains(&m.actor) {
                c.actors.push(m.actor);
            }
            continue;
        }
        if doc.kind(k) == Some(TokenKind::Word)
            && !(doc.is(k, Class::Det)
                || doc.is(k, Class::Prep)
                || doc.is(k, Class::Conj)
                || doc.is(k, Class::Quantifier))
            && c.content.len() < 16
        {
            let w = doc.lw(k);
            c.content.push(w.to_owned());
            // "closing the unit" and "the closure" share the act.
            if let Some(noun) = doc.lex.nominal_of(w) {
                c.content.push(noun.to_owned());
            }
        }
    }
    c
}

/// The "-ing" form of a reversal verb's base ("lift" → "lifting").
fn gerund(base: &str) -> String {
    crate::lexicon::inflect(base)
        .into_iter()
        .find(|f| f.ends_with("ing"))
        .unwrap_or_else(|| format!("{base}ing"))
}

/// Does `a..b` hold a head-noun candidate or a capitalised name (a law
/// or measure named by its title)?
fn names_measure(doc: &Doc, out: &[Candidate], a: usize, b: usize) -> bool {
    out.iter().any(|c| a <= c.head_tok && c.head_tok < b)
        || (a..b).any(|k| doc.is_cap(k) && doc.mention_at(k).is_none())
}

/// "the lifting of sanctions", "repeal of the law", "an end to the blockade".
fn reversal_noun(doc: &Doc, s: usize, v: usize, out: &[Candidate]) -> Option<Candidate> {
    let w = doc.lw(v);
    if !doc.lex.is_reverse_noun(w) || doc.lex.head(w).is_some() {
        return None;
    }
    if !matches!(doc.lw(v + 1), "of" | "to" | "on" | "from") {
        return None;
    }
    let s1 = doc.sentence_end_of(v);
    let end = doc.np_end(v + 2, s1);
    if end <= v + 2 || !names_measure(doc, out, v + 2, end) {
        return None;
    }
    let np_start = if v > 0 && doc.is(v - 1, Class::Det) {
        v - 1
    } else {
        v
    };
    Some(span_candidate(
        doc,
        s,
        Family::Reversal,
        v,
        np_start,
        v,
        end,
    ))
}

/// "lifting the sanctions", "to repeal the law", "The EU lifted the sanctions".
fn reversal_verb(
    doc: &Doc,
    s: usize,
    v: usize,
    base: &'static str,
    out: &[Candidate],
) -> Option<Candidate> {
    let w = doc.lw(v);
    let r = doc.sentence_range(s);
    let g = doc.verb_group(v);
    if g.passive {
        return None;
    }
    let infinitive = v > r.start && doc.lw(v - 1) == "to";
    let gerund_form = w.ends_with("ing");
    // After a determiner it is a noun ("the lifting of"): `reversal_noun`.
    if v > r.start && doc.is(v - 1, Class::Det) {
        return None;
    }
    let obj = doc.object_after(v + 1)?;
    if obj.is_empty() || !names_measure(doc, out, obj.start, obj.end) {
        return None;
    }
    // A finite reversal counts only for measures in force ("lifted the
    // ban"); "scrapped the plan" is a stance on the plan.
    if !(gerund_form || infinitive) {
        let in_force = out.iter().any(|c| {
            obj.start <= c.head_tok
                && c.head_tok < obj.end
                && matches!(
                    c.head.family,
                    Family::Sanction
                        | Family::Restriction
                        | Family::Law
                        | Family::Measure
                        | Family::Ruling
                        | Family::Policy
                )
        });
        if !in_force || doc.lex.is_cue_word(w) {
            return None;
        }
    }
    let start = if infinitive && v >= r.start + 2 && doc.is(v - 2, Class::Neg) {
        v - 2
    } else {
        v
    };
    let mut c = span_candidate(doc, s, Family::Reversal, v, start, start, obj.end);
    if !gerund_form {
        let rest = doc.tokens_text(v + 1, obj.end);
        c.name_override = Some(format!("{} {rest}", gerund(base)));
        c.done = !infinitive;
    }
    if !gerund_form && !g.negated {
        // Its doer proposes it: "The EU lifted the sanctions", "vowed to
        // repeal the law", "urged Canada to lift the ban" (the asker).
        if let Some(a) = doc.infinitive_controller(v).or_else(|| {
            if infinitive && !doc.lex.is_intent_verb(doc.lw(g.first)) && g.first == v {
                None
            } else {
                doc.subject_of(&g, &|k| obj.contains(&k))
            }
        }) {
            c.preset.push(Hit::new(a, StanceKind::Proposes));
        }
    }
    Some(c)
}

/// "urged the council to drop the fee", "asked Canada not to deport them",
/// "called on both sides to work together".
fn request(doc: &Doc, s: usize, v: usize) -> Option<Candidate> {
    let s1 = doc.sentence_end_of(v);
    let g = doc.verb_group(v);
    if g.passive || g.negated {
        return None;
    }
    // "Asking them to share the cost is fair": a gerund that opens the
    // clause is its subject, a request nobody makes.
    let s0 = doc.sentence_range(s).start;
    let opens = v == s0 || doc.kind(v - 1) == Some(TokenKind::Punct);
    if g.first == v && opens && doc.lw(v).ends_with("ing") {
        return None;
    }
    let mut k = v + 1;
    // "called on them to", "pleaded with him to".
    if matches!(doc.lw(k), "on" | "upon" | "with") {
        k += 1;
    }
    // The addressee: a mention or a short noun phrase, with or without a
    // determiner ("asked officials to look into it").
    let bare_noun = doc.kind(k) == Some(TokenKind::Word)
        && !(doc.is(k, Class::Prep)
            || doc.is(k, Class::Verbish)
            || doc.is(k, Class::Conj)
            || doc.is(k, Class::ClauseWord)
            || doc.is(k, Class::Adverb)
            || doc.is(k, Class::Neg)
            || doc.lw(k) == "to");
    let addressee_end = match doc.mention_at(k) {
        Some(m) => {
            let e = doc.np_end(m.last.min(s1), s1);
            e.max(m.last)
        }
        None if doc.is(k, Class::Det) || doc.is(k, Class::Pron) || bare_noun => {
            doc.np_end(k, s1).max(k + 1)
        }
        None => return None,
    };
    if addressee_end > k + 8 {
        return None;
    }
    let mut t = addressee_end;
    let negated = doc.is(t, Class::Neg);
    if negated {
        t += 1;
    }
    if doc.lw(t) != "to" || !doc.is_base_verb(t + 1) {
        return None;
    }
    let verb = t + 1;
    let name_start = if negated { addressee_end } else { verb };
    let end = doc.clause_end(verb + 1, s1).min(verb + MAX_REQUEST);
    if end <= verb + 1 && !doc.is(verb, Class::Verbish) {
        return None;
    }
    let mut c = span_candidate(doc, s, Family::Object, verb, name_start, name_start, end);
    // "Thomas' sister pleaded with him": the asker is the sister, not the
    // actor who owns her; but "Russia's government asked" and "retailers'
    // groups asked" speak for their possessor.
    let possessed = g.first >= 2
        && doc.kind(g.first - 1) == Some(TokenKind::Word)
        && doc.mention_at(g.first - 1).is_none()
        && doc.kind(g.first - 2) == Some(TokenKind::Possessive)
        && !doc.is(g.first - 1, Class::ActingBody)
        && !doc.lex.is_collective_noun(doc.lw(g.first - 1));
    if let Some(a) = doc.subject_of(&g, &|_| false).filter(|_| !possessed) {
        c.preset.push(Hit::new(a, StanceKind::Proposes));
    }
    Some(c)
}

/// "proposed that the committee postpone any decision", "demanded that the
/// firm reinstate the workers": the "that" clause of a verb of demanding
/// (`stances/mandative_verbs.txt`), with a subject and a verb in the base
/// form, is what the demander proposes. Not negated or passive, and not a
/// clause with a finite verb ("suggested that the firm was lying").
fn demanded_that(doc: &Doc, s: usize, v: usize) -> Option<Candidate> {
    if !doc.lex.is_mandative_verb(doc.lw(v)) || doc.lw(v + 1) != "that" {
        return None;
    }
    let g = doc.verb_group(v);
    if g.passive || g.negated {
        return None;
    }
    use crate::syntax::Deprel;
    let s1 = doc.sentence_end_of(v);
    // The clause's verb: the parse's complement of the demanding verb, with
    // a subject of its own right after "that".
    let sp = doc.parse_of_token(v)?;
    let vw = sp.word_of_token(v)?;
    let cw = sp
        .children(vw)
        .find(|&c| sp.words[c].deprel == Deprel::Ccomp)?;
    let verb = sp.words[cw].token as usize;
    let subject = sp
        .children(cw)
        .find(|&c| sp.words[c].deprel == Deprel::Nsubj)?;
    let st = sp.words[subject].token as usize;
    if verb <= v + 2 || verb > v + 9 || st <= v + 1 || st >= verb {
        return None;
    }
    let w = doc.lw(verb);
    let base = doc.is_base_verb(verb)
        && doc.upos_at(verb) == Some(crate::syntax::Upos::Verb)
        && !doc.is(verb, Class::Aux)
        && !doc.lex.is_be_form(w)
        && !doc.lex.is_irregular_past(w)
        && !w.ends_with('s');
    if !base {
        return None;
    }
    let end = doc.clause_end(verb + 1, s1).min(verb + MAX_REQUEST);
    if end <= verb + 1 {
        return None;
    }
    let mut c = span_candidate(doc, s, Family::Object, verb, verb, verb, end);
    if let Some(a) = doc.subject_of(&g, &|_| false) {
        c.preset.push(Hit::new(a, StanceKind::Proposes));
    }
    Some(c)
}

/// "She said the council should ban new wells", "the city must cap rents,
/// he said": in reported speech, what someone should or must do by a verb
/// of measures (a proposal head that is also a verb, "ban", "cap", "tax",
/// or a verb that takes a measure, "impose", "adopt") is what the speaker
/// proposes ("should not" opposes). The verb may follow a first verb and
/// "and" ("should go further and ban …"). Not after "if" or "whether", not
/// "should have" (a reproach), and only when someone says it.
fn recommendation(doc: &Doc, s: usize, v: usize) -> Option<Candidate> {
    if !matches!(doc.lw(v), "should" | "must") {
        return None;
    }
    let speaker = doc.speech_at(v)?.speaker;
    let r = doc.sentence_range(s);
    // "If the council should ban wells, …": a condition, not advice.
    let condition = (r.start..v)
        .rev()
        .take_while(|&k| doc.lw(k) != ",")
        .any(|k| matches!(doc.lw(k), "if" | "whether" | "unless"));
    if condition {
        return None;
    }
    let mut t = v + 1;
    let negated = doc.is(t, Class::Neg);
    if negated {
        t += 1;
    }
    while doc.is(t, Class::Adverb) && t < v + 4 {
        t += 1;
    }
    if doc.lw(t) == "have" || doc.lw(t) == "be" {
        return None;
    }
    let measure_verb = |k: usize| {
        let w = doc.lw(k);
        doc.is_base_verb(k)
            && doc.lex.reverse_verb(w).is_none()
            && (doc.lex.head(w).is_some_and(|h| h.verb_too)
                || doc.lex.is_object_verb(w)
                    && doc
                        .lex
                        .cue(w, doc.lw(k + 1))
                        .is_some_and(|c| c.kind == StanceKind::Proposes))
    };
    // "should go further and ban": the measure after "and".
    let verb = if measure_verb(t) {
        t
    } else {
        (t + 1..(t + 4).min(r.end))
            .find(|&k| doc.lw(k) == "and" && measure_verb(k + 1))
            .map(|k| k + 1)?
    };
    let s1 = doc.sentence_end_of(verb);
    let end = doc.clause_end(verb + 1, s1).min(verb + MAX_REQUEST);
    if end <= verb + 1 {
        return None;
    }
    let mut c = span_candidate(doc, s, Family::Object, verb, verb, verb, end);
    let kind = if negated {
        StanceKind::Opposes
    } else {
        StanceKind::Proposes
    };
    c.preset.push(Hit::new(speaker, kind));
    Some(c)
}

/// "the group was banned from holding rallies in the square by the
/// council": a passive of forbidding with "from" names the measure (the
/// participle to the end of what it forbids), which the agent after "by"
/// proposes. Not negated, and not when a proposal noun is already inside.
fn banned_from(doc: &Doc, s: usize, v: usize, out: &[Candidate]) -> Option<Candidate> {
    if !doc.lex.is_prohibition_participle(doc.lw(v)) || doc.lw(v + 1) != "from" {
        return None;
    }
    let g = doc.verb_group(v);
    if !g.passive || g.negated {
        return None;
    }
    let s1 = doc.sentence_end_of(v);
    let mut end = doc.clause_end(v + 2, s1).min(v + 2 + MAX_REQUEST);
    // The "by" phrase is the agent, not part of what is forbidden.
    if let Some(by) = (v + 2..end).find(|&k| doc.lw(k) == "by" && !doc.agents_at(k).is_empty()) {
        end = by;
    }
    if end <= v + 2 || out.iter().any(|c| v <= c.head_tok && c.head_tok < end) {
        return None;
    }
    // A ban of its own: "the ban" later refers to it, a ruling does not.
    let mut c = span_candidate(doc, s, Family::Restriction, v, v, v, end);
    for a in doc.agents_after_participle(v) {
        c.preset.push(Hit::new(a, StanceKind::Proposes));
    }
    Some(c)
}

/// "the court ruled on Monday that the ban was unlawful": the "that"
/// clause of a verb of deciding is the decision, which its subject
/// proposes. Not under negation or in the passive, and not when the clause
/// already holds a proposal (the cue inside decides).
fn ruled_that(doc: &Doc, s: usize, v: usize, out: &[Candidate]) -> Option<Candidate> {
    if !doc.lex.is_ruling_verb(doc.lw(v)) {
        return None;
    }
    let s1 = doc.sentence_end_of(v);
    let mut k = v + 1;
    // A short time phrase between: "ruled on Monday that", "decided last week that".
    while k < s1 && k < v + 5 && doc.lw(k) != "that" {
        let ok = doc.kind(k) == Some(TokenKind::Word)
            && (doc.is(k, Class::Adverb)
                || doc.is(k, Class::Prep)
                || doc.is(k, Class::Det)
                || doc.lex.is_weekday(doc.lw(k))
                || doc.lex.is_time_word(doc.lw(k)));
        if !ok {
            return None;
        }
        k += 1;
    }
    if doc.lw(k) != "that" {
        return None;
    }
    let g = doc.verb_group(v);
    if g.passive || g.negated {
        return None;
    }
    let start = k + 1;
    let end = doc.clause_end(start + 1, s1).min(start + MAX_REQUEST + 8);
    if end <= start + 2 || out.iter().any(|c| start <= c.head_tok && c.head_tok < end) {
        return None;
    }
    // A decision: "the ruling", "the decision" later refer to it.
    let mut c = span_candidate(doc, s, Family::Ruling, start, start, start, end);
    if let Some(a) = doc.subject_of(&g, &|_| false) {
        c.preset.push(Hit::new(a, StanceKind::Proposes));
    }
    Some(c)
}

/// "voted on Monday to build a second bridge": voting to do something
/// supports it. With a proposal in the infinitive ("voted to approve the
/// budget") the cue inside decides.
fn voted_to(doc: &Doc, s: usize, v: usize, out: &[Candidate]) -> Option<Candidate> {
    let w = doc.lw(v);
    if !matches!(w, "vote" | "votes" | "voted" | "voting") {
        return None;
    }
    let s1 = doc.sentence_end_of(v);
    let mut k = v + 1;
    while k < s1 && k < v + 8 && doc.lw(k) != "to" {
        // "voted 19-12 on Wednesday to", "voted by 40 votes to 25 to".
        if let Some(e) = tally_end(doc, k, s1) {
            k = e;
            continue;
        }
        let ok = doc.kind(k) == Some(TokenKind::Word)
            && (doc.is(k, Class::Adverb)
                || doc.is(k, Class::Prep)
                || doc.is(k, Class::Det)
                || doc.lex.is_weekday(doc.lw(k))
                || doc.lex.is_time_word(doc.lw(k))
                || doc.kind(k) == Some(TokenKind::Number));
        if !ok {
            return None;
        }
        k += 1;
    }
    let verb = k + 1;
    if doc.lw(k) != "to" || !doc.is_base_verb(verb) || doc.lex.reverse_verb(doc.lw(verb)).is_some()
    {
        return None;
    }
    let end = doc.clause_end(verb + 1, s1).min(verb + MAX_REQUEST);
    // "voted to hold a referendum": the referendum. But "voted to limit
    // cruise ship calls" votes for the limit, whatever its object.
    if !doc.lex.is_modifying_verb(doc.lw(verb))
        && out.iter().any(|c| verb <= c.head_tok && c.head_tok < end)
    {
        return None;
    }
    let g = doc.verb_group(v);
    let mut c = span_candidate(doc, s, Family::Object, verb, verb, verb, end);
    // "voted to limit calls … The cap": the cap is what was voted.
    c.add_act(doc, doc.lw(verb));
    if let Some(a) = doc.subject_of(&g, &|_| false) {
        let kind = if g.negated {
            StanceKind::Opposes
        } else {
            StanceKind::Supports
        };
        // An act, as "voted for" is: "Campaigners welcomed the vote".
        let mut hit = Hit::new(a, kind);
        hit.adopted = !g.negated;
        c.preset.push(hit);
    }
    Some(c)
}

/// "called it reckless", "it is unfair": "it" or "this" judged by an
/// adjective of judgement or a stance noun names the proposal mentioned
/// last. Not "it is important to …" (an "it" that anticipates a clause).
fn judged_pronoun(doc: &Doc, s: usize, k: usize) -> Option<Candidate> {
    if !matches!(doc.lw(k), "it" | "this") || doc.is(k + 1, Class::ProposalHead) {
        return None;
    }
    let s1 = doc.sentence_end_of(k);
    let mut j = k + 1;
    while j < s1 && j < k + 5 {
        let w = doc.lw(j);
        if !(doc.is(j, Class::Aux)
            || doc.lex.is_be_form(w)
            || doc.is(j, Class::Adverb)
            || matches!(w, "a" | "an" | "as" | "so" | "very"))
        {
            break;
        }
        j += 1;
    }
    let cue = doc.lex.cue(doc.lw(j), doc.lw(j + 1))?;
    if !cue.nominal || matches!(doc.lw(j + 1), "to" | "that" | "for" | "whether") {
        return None;
    }
    let mut c = span_candidate(doc, s, Family::Object, k, k, k, k + 1);
    c.pronoun = true;
    c.content.clear();
    Some(c)
}

/// The object of a verb that takes a measure ("approved the merger",
/// "backed building a second bridge"), or a pronoun that refers back.
fn object(doc: &Doc, s: usize, v: usize, out: &[Candidate]) -> Option<Candidate> {
    let w = doc.lw(v);
    if !doc.lex.is_object_verb(w) {
        return None;
    }
    let next = doc.lw(v + 1);
    let cue = doc.lex.cue(w, next)?;
    // A word that is also a stance noun ("support") is the verb before an
    // object pronoun ("would support it").
    let verb_before_pronoun = matches!(next, "it" | "them");
    if cue.nominal && !verb_before_pronoun || cue.kind == StanceKind::Neutral {
        return None;
    }
    let g = doc.verb_group(v);
    if g.passive || subject_is_proposal(doc, g.first, out) {
        return None;
    }
    // A verb after a determiner is a noun ("the ban on"); a participle
    // after an opening quote mark is an adjective ('stored in "approved
    // security cabinets"').
    let opening_quote = v > 0
        && doc.kind(v - 1) == Some(TokenKind::Punct)
        && matches!(doc.lw(v - 1), "\"" | "“" | "‘" | "'");
    if v > 0
        && (doc.is(v - 1, Class::Det)
            || doc.kind(v - 1) == Some(TokenKind::Possessive)
            || opening_quote && w.ends_with("ed"))
    {
        return None;
    }
    // "call for", "vote against": the object follows the particle.
    let particle = doc.lex.cue(w, "").is_none();
    let start = v + 1 + usize::from(particle);
    let s1 = doc.sentence_end_of(v);
    if start >= s1 {
        return None;
    }
    let first = doc.lw(start);
    if matches!(first, "it" | "them" | "this") && !doc.is(start + 1, Class::ProposalHead) {
        let after = doc.kind(start + 1);
        if after != Some(TokenKind::Word)
            || doc.is(start + 1, Class::Prep)
            || doc.is(start + 1, Class::Conj)
        {
            let mut c = span_candidate(doc, s, Family::Object, start, start, start, start + 1);
            c.pronoun = true;
            // A pronoun identifies nothing: it neither names nor merges.
            c.content.clear();
            return Some(c);
        }
        return None;
    }
    measure_phrase(
        doc,
        s,
        start,
        cue.kind == StanceKind::Proposes || w.starts_with("vot"),
        out,
    )
}

/// What a noun of stance is about, after its preposition ("opposition to
/// the pipeline", "support for building a second bridge", "expressed
/// interest in further donations"; `proposals/object_nouns.txt`).
fn noun_object(doc: &Doc, s: usize, v: usize, out: &[Candidate]) -> Option<Candidate> {
    let (w, prep) = (doc.lw(v), doc.lw(v + 1));
    // Every word comes here: the cue probe first, the pair (which builds
    // a string) only for stance nouns.
    let cue = doc.lex.cue(w, prep).filter(|c| c.nominal)?;
    if !doc.lex.is_object_noun(w, prep) {
        return None;
    }
    let s0 = doc.sentence_range(s).start;
    if cue.expressed && !crate::proposals::stance::expressed(doc, v, s0) {
        return None;
    }
    measure_phrase(doc, s, v + 2, false, out)
}

/// The measure named by the phrase from `start`, the object of a verb or
/// noun of stance: an infinitive (when `infinitive`: "proposed to build a
/// wall"), a gerund phrase or a noun phrase whose head can name a measure.
fn measure_phrase(
    doc: &Doc,
    s: usize,
    start: usize,
    infinitive: bool,
    out: &[Candidate],
) -> Option<Candidate> {
    let s1 = doc.sentence_end_of(start);
    let obj = doc.object_after(start)?;
    // "passed a climate and tax bill": a head-noun phrase overlaps or
    // follows right after (coordinated modifiers).
    if obj.len() > MAX_OBJECT
        || out
            .iter()
            .any(|c| c.np_start <= obj.end + 2 && c.name_end > obj.start)
    {
        return None;
    }
    let lw0 = doc.lw(obj.start);
    if lw0 == "to" || doc.is(obj.start, Class::Neg) {
        // "proposed to build a wall", "voted to close the plant".
        if !infinitive {
            return None;
        }
        let verb = obj.start + 1 + usize::from(lw0 != "to");
        if doc.lex.reverse_verb(doc.lw(verb)).is_some() || verb >= obj.end {
            return None;
        }
        return Some(span_candidate(
            doc,
            s,
            Family::Object,
            verb,
            verb,
            verb,
            obj.end,
        ));
    }
    if lw0.ends_with("ing") && !doc.is(obj.start, Class::Det) {
        // A gerund phrase: "backed building a second bridge". A gerund
        // that is itself a stance verb ("backed imposing them") lets its
        // own object carry the stance.
        if doc.lex.reverse_verb(lw0).is_some() || obj.len() < 2 || doc.lex.is_object_verb(lw0) {
            return None;
        }
        return Some(span_candidate(
            doc,
            s,
            Family::Object,
            obj.start,
            obj.start,
            obj.start,
            obj.end,
        ));
    }
    // A noun phrase: its head is the last word before a complement.
    let h = (obj.start..obj.end)
        .take_while(|&k| {
            k == obj.start
                || !matches!(
                    doc.lw(k),
                    "of" | "for" | "on" | "against" | "from" | "over" | "to" | "into"
                )
        })
        .filter(|&k| doc.kind(k) == Some(TokenKind::Word))
        .last()?;
    if !measure_noun(doc, h) || out.iter().any(|c| c.head_tok == h) {
        return None;
    }
    // "Farmers block roads": a headline drops its articles, so a bare
    // object there is as likely a thing (a road blocked by tractors) as a
    // measure; the story's sentences name the measures.
    if !doc.is(obj.start, Class::Det) && is_headline(doc, s) {
        return None;
    }
    let mut c = build(
        doc,
        s,
        h,
        head(Family::Object, Strength::Governed),
        doc.sentence_range(s).start,
        s1,
    )?;
    if c.np_start < start {
        c.np_start = start;
        c.name_start = c.name_start.max(start);
    }
    // The head word identifies a phrase without a head lemma: "the
    // pipeline" is not "the merger".
    let hw = doc.lw(h);
    if !c.content.iter().any(|w| w == hw) {
        c.content.push(hw.to_owned());
    }
    Some(c)
}

/// Is sentence `s` a headline: the first sentence, a paragraph of its own,
/// without terminal punctuation?
fn is_headline(doc: &Doc, s: usize) -> bool {
    let (Some(span), Some(para)) = (doc.sentences.first(), doc.paragraphs.first()) else {
        return false;
    };
    let text = doc.slice(*span).trim_end();
    s == 0
        && para.start == span.start
        && para.end == span.end
        && !text.ends_with(['.', '!', '?', '"', '”'])
}

/// Is the subject of a verb group starting at `first` a proposal phrase
/// ("The plan, drawn up by …, proposed doubling …": what the plan does,
/// not a proposal of its own)? Skips an appositive between commas.
fn subject_is_proposal(doc: &Doc, first: usize, out: &[Candidate]) -> bool {
    let s0 = doc
        .sentence_range(doc.tokens.get(first).map_or(0, |t| t.sentence_index()))
        .start;
    let mut p = first;
    if p > s0 && doc.lw(p - 1) == "," {
        // Back over the appositive to the comma that opens it.
        let open = (s0..p - 1).rev().take(16).find(|&k| doc.lw(k) == ",");
        match open {
            Some(o) => p = o,
            None => return false,
        }
    }
    p > s0 && out.iter().any(|c| c.np_start < p && p - 1 < c.name_end)
}

/// Can the head `h` of an object name a measure? Not an actor, pronoun,
/// number, time, person, group or collective noun ("backed the farmers"),
/// a name, or a listed non-proposal.
fn measure_noun(doc: &Doc, h: usize) -> bool {
    let w = doc.lw(h);
    let lx = doc.lex;
    doc.mention_at(h).is_none()
        && !doc.is_cap(h)
        && w.len() > 2
        && !doc.is(h, Class::Pron)
        && !doc.is(h, Class::Det)
        && !doc.is(h, Class::Quantifier)
        && !doc.is(h, Class::ActingBody)
        && !lx.is_time_word(w)
        && !lx.is_weekday(w)
        && !lx.is_month_name(w)
        && !lx.is_not_proposal(w)
        && !lx.is_person_noun(w)
        && !lx.is_group_head(w)
        && !lx.is_collective_noun(w)
        && !crate::actors::is_role_noun(lx, w)
}

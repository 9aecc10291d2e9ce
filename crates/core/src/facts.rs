//! Facts: what each actor does or says, as short clauses.
//!
//! A fact is recorded wherever an actor mention (or "he"/"she", resolved to
//! the last person named) is the subject of a verb: the mention is not
//! inside a prepositional phrase, and after it — skipping coordinated
//! subjects ("Witkoff and Kushner"), a possessive with a role noun
//! ("Russia’s leadership"), role nouns ("the Kremlin official"), an
//! appositive between commas and adverbs ("reportedly") — comes a word that
//! looks like a verb (closed lists plus the -ed suffix; no tagger). The
//! clause runs from that verb to the next clause boundary (";", ":", a
//! dash, ", while", "but", "yet", ", which", "and" + a new subject) and is
//! cut at [`MAX_WORDS`] words. A coordinated verb phrase ("… and
//! demonstrated openness …") starts a second fact for the same subject.
//! A bare speech verb at the end ('"…," Putin said.') takes the quoted
//! text before it.
//!
//! One pass over the tokens with the shared mention index: O(n + m log m).

use crate::doc::Doc;
use crate::drafts::{ActorDraft, FactDraft};
use crate::pipeline::Component;
use crate::tokenize::TokenKind;

/// Longest fact clause, in words.
pub const MAX_WORDS: usize = 15;

/// Adds facts to the actor drafts (reads tokens and the mention layer).
pub struct FactFinder;

impl Component for FactFinder {
    fn name(&self) -> &'static str {
        "facts"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        let found = collect(doc);
        attach(&mut doc.actors, found);
    }
}

/// Attaches facts to actors (in text order, at most one per clause).
fn attach(actors: &mut [ActorDraft], found: Vec<(usize, FactDraft)>) {
    for (actor, fact) in found {
        if let Some(a) = actors.get_mut(actor) {
            // Facts arrive in sentence order: only the tail can repeat one.
            if !a
                .facts
                .iter()
                .rev()
                .take_while(|f| f.sentence == fact.sentence)
                .any(|f| f.text == fact.text)
            {
                a.facts.push(fact);
            }
        }
    }
    for a in actors.iter_mut() {
        a.facts.sort_by_key(|f| f.sentence);
        // "said he supported more housing" already holds "supported more
        // housing" (a resolved "he" in the same sentence).
        let facts = std::mem::take(&mut a.facts);
        let mut kept: Vec<FactDraft> = Vec::with_capacity(facts.len());
        let mut first_of_sentence = 0;
        for f in facts {
            if kept.last().is_some_and(|l| l.sentence != f.sentence) {
                first_of_sentence = kept.len();
            }
            let same = &kept[first_of_sentence..];
            if same
                .iter()
                .any(|k| k.text.contains(f.text.trim_end_matches('…')))
            {
                continue;
            }
            kept.push(f);
        }
        a.facts = kept;
    }
}

/// (actor, fact) pairs for the whole document, in text order.
fn collect(doc: &Doc) -> Vec<(usize, FactDraft)> {
    let mut out = Vec::new();
    for s in 0..doc.sentences.len() {
        let r = doc.sentence_range(s);
        let mut k = r.start;
        while k < r.end {
            let (holders, next) = match doc.mention_at(k) {
                Some(m) if m.first == k => (vec![m.actor], m.last),
                _ if matches!(doc.lw(k), "he" | "she") => match doc.last_person_before(k) {
                    Some(a) => (vec![a], k + 1),
                    None => (Vec::new(), k + 1),
                },
                _ => (Vec::new(), k + 1),
            };
            if holders.is_empty()
                || doc.in_pp(k)
                || k > r.start
                    && doc.lex.is_determiner(doc.lw(k - 1))
                    && doc.mention_at(k).is_none()
                || !subject_position(doc, k, r.start)
            {
                k = next.max(k + 1);
                continue;
            }
            let (holders, after) = coordinated(doc, holders, next, r.end);
            match verb_after(doc, after, r.end) {
                Some(v) => {
                    facts_from(doc, s, &holders, v, k, &mut out);
                    k = after.max(k + 1);
                }
                None => k = next.max(k + 1),
            }
        }
    }
    out
}

/// "Witkoff and Kushner", "Russia, Ukraine and the US": more subjects.
fn coordinated(
    doc: &Doc,
    mut holders: Vec<usize>,
    mut j: usize,
    end: usize,
) -> (Vec<usize>, usize) {
    while j + 1 < end && holders.len() < 4 && matches!(doc.lw(j), "and" | ",") {
        let mut n = j + 1;
        if doc.lex.is_determiner(doc.lw(n)) && doc.mention_at(n).is_none() {
            n += 1;
        }
        match doc.mention_at(n) {
            Some(m) if m.first == n => {
                holders.push(m.actor);
                j = m.last;
            }
            _ => break,
        }
    }
    (holders, j)
}

/// The verb after a subject ending before token `j`, skipping possessive +
/// role noun, role nouns, an appositive and adverbs.
/// Can a subject start at token `k`? Not right after a content word
/// ("keep Northern Ireland aligned …" makes Northern Ireland an object).
fn subject_position(doc: &Doc, k: usize, s0: usize) -> bool {
    let article = |w: &str| matches!(w, "the" | "a" | "an");
    let mut j = k;
    // Skip articles and capitalised titles ("the", "President", "Senator").
    while j > s0 && (article(doc.lw(j - 1)) || doc.is_cap(j - 1)) {
        j -= 1;
    }
    // "The opposition Labour Party": up to two modifiers after an article.
    for back in 1..=2 {
        if j > s0 + back
            && article(doc.lw(j - back - 1))
            && (j - back..j)
                .all(|m| doc.kind(m) == Some(TokenKind::Word) && !doc.lex.is_verbish(doc.lw(m)))
        {
            j -= back + 1;
            break;
        }
    }
    if j == s0 {
        return true;
    }
    let w = doc.lw(j - 1);
    doc.kind(j - 1) != Some(TokenKind::Word)
        || doc.lex.is_conjunction(w)
        || doc.lex.is_clause_word(w)
        || doc.lex.is_adverb(w)
        || doc.lex.is_acting_body(w)
        || matches!(
            w,
            "said" | "says" | "that" | "meanwhile" | "however" | "also"
        )
}

/// "on Friday", "last week", "yesterday": a time phrase between a subject
/// and its verb; returns the token after it.
fn skip_time(doc: &Doc, j: usize, end: usize) -> usize {
    let is_time = |w: &str| {
        doc.lex.is_weekday(w)
            || matches!(
                w,
                "week" | "month" | "year" | "weekend" | "morning" | "evening" | "night"
            )
    };
    match doc.lw(j) {
        "yesterday" | "today" | "tonight" | "earlier" | "later" => j + 1,
        "on" | "last" | "this" | "next" if j + 1 < end && is_time(doc.lw(j + 1)) => j + 2,
        _ => j,
    }
}

fn verb_after(doc: &Doc, mut j: usize, end: usize) -> Option<usize> {
    let j0 = skip_time(doc, j, end);
    if j0 != j && j0 < end && is_verb_at(doc, skip_adverbs(doc, j0, end)) {
        return Some(skip_adverbs(doc, j0, end));
    }
    if doc.kind(j) == Some(TokenKind::Possessive) {
        j += 1;
        let mut skipped = 0;
        while j < end && skipped < 2 && !doc.lex.is_acting_body(doc.lw(j)) {
            j += 1;
            skipped += 1;
        }
        if !doc.lex.is_acting_body(doc.lw(j)) {
            return None;
        }
        j += 1;
    }
    let mut roles = 0;
    while j < end && roles < 2 && doc.lex.is_acting_body(doc.lw(j)) && !doc.is_cap(j) {
        j += 1;
        roles += 1;
    }
    if roles > 0 && doc.mention_at(j).is_some() {
        // "Kremlin insider Yuri Ushakov": the next name is the subject.
        return None;
    }
    if doc.lw(j) == "," {
        // Appositive: ", spokesman for the Indonesian military, said".
        let close = (j + 1..end.min(j + 14)).find(|&c| doc.lw(c) == ",")?;
        let v = skip_adverbs(doc, close + 1, end);
        return is_verb_at(doc, v).then_some(v);
    }
    let v = skip_adverbs(doc, j, end);
    (v < end && is_verb_at(doc, v)).then_some(v)
}

fn skip_adverbs(doc: &Doc, mut j: usize, end: usize) -> usize {
    let mut n = 0;
    while j < end && n < 3 && doc.lex.is_adverb(doc.lw(j)) && doc.lw(j) != "not" {
        j += 1;
        n += 1;
    }
    j
}

fn is_verb_at(doc: &Doc, v: usize) -> bool {
    let w = doc.lw(v);
    doc.kind(v) == Some(TokenKind::Word)
        && !doc.is_cap(v)
        && doc.lex.is_verbish(w)
        && doc.lex.head(w).is_none()
        && !doc.lex.is_determiner(w)
}

/// Is token `k` the start of a new clause inside a fact?
fn boundary(doc: &Doc, k: usize, end: usize) -> Boundary {
    let w = doc.lw(k);
    let next = doc.lw(k + 1);
    match doc.kind(k) {
        Some(TokenKind::Punct) => match w {
            ";" | ":" | "—" | "–" | "(" | ")" | "\"" | "“" | "”" => Boundary::Stop,
            "," => {
                // ", mediators in Qatar said": a reporting clause follows.
                let reporting = (k + 1..end.min(k + 6))
                    .take_while(|&j| doc.kind(j) == Some(TokenKind::Word))
                    .any(|j| matches!(doc.lw(j), "said" | "says" | "told" | "reported" | "added"));
                if reporting
                    || doc.lex.is_clause_word(next)
                    || doc.lex.is_conjunction(next)
                    || matches!(
                        next,
                        "even" | "after" | "before" | "since" | "where" | "without" | "despite"
                    )
                    || (next.ends_with("ing") && next.len() > 5)
                    || starts_subject(doc, k + 1, end)
                {
                    Boundary::Stop
                } else {
                    Boundary::No
                }
            }
            _ => Boundary::No,
        },
        Some(TokenKind::Word) => match w {
            "while" | "whereas" | "although" | "though" | "because" => Boundary::Stop,
            "and" | "or" | "but" | "yet" => {
                let v = skip_adverbs(doc, k + 1, end);
                let verb = doc.lw(v);
                if starts_subject(doc, k + 1, end) {
                    Boundary::Stop
                } else if v < end
                    && is_verb_at(doc, v)
                    && !verb.ends_with("ing")
                    && !doc.lex.is_aux(verb)
                    || v < end && doc.lex.is_aux(verb) && w != "and"
                {
                    Boundary::NewVerb(v)
                } else if w == "and" || w == "or" {
                    Boundary::No
                } else {
                    Boundary::Stop
                }
            }
            _ => Boundary::No,
        },
        _ => Boundary::No,
    }
}

enum Boundary {
    No,
    Stop,
    /// A coordinated verb phrase starts at this token.
    NewVerb(usize),
}

/// A new subject (mention or pronoun) followed by a verb.
fn starts_subject(doc: &Doc, k: usize, end: usize) -> bool {
    let mut j = k;
    if doc.lex.is_determiner(doc.lw(j)) {
        j += 1;
    }
    if doc.in_pp(j) {
        return false;
    }
    let after = match doc.mention_at(j) {
        Some(m) => m.last,
        None if matches!(doc.lw(j), "he" | "she" | "they" | "we" | "it" | "i") => j + 1,
        None => return false,
    };
    let v = skip_adverbs(doc, after, end);
    v < end && is_verb_at(doc, v)
}

fn facts_from(
    doc: &Doc,
    s: usize,
    holders: &[usize],
    mut v: usize,
    subject: usize,
    out: &mut Vec<(usize, FactDraft)>,
) {
    let r = doc.sentence_range(s);
    for _ in 0..3 {
        let mut k = v;
        let mut next_verb = None;
        while k < r.end {
            if k > v {
                match boundary(doc, k, r.end) {
                    Boundary::No => {}
                    Boundary::Stop => break,
                    Boundary::NewVerb(n) => {
                        next_verb = Some(n);
                        break;
                    }
                }
            }
            k += 1;
        }
        if let Some(text) = clause_text(doc, v, k, subject, r.start) {
            for &a in holders {
                out.push((
                    a,
                    FactDraft {
                        sentence: s,
                        text: text.clone(),
                    },
                ));
            }
        }
        match next_verb {
            Some(n) => v = n,
            None => break,
        }
    }
}

/// The clause text of tokens `a..b`, cut at [`MAX_WORDS`]; a bare speech
/// verb takes the sentence text before the subject.
fn clause_text(doc: &Doc, a: usize, b: usize, subject: usize, s0: usize) -> Option<String> {
    let mut end = a;
    let mut words = 0;
    let mut cut = false;
    for k in a..b {
        if matches!(doc.kind(k), Some(TokenKind::Word | TokenKind::Number)) {
            words += 1;
            if words > MAX_WORDS {
                cut = true;
                break;
            }
        }
        end = k + 1;
    }
    // Trim trailing punctuation.
    while end > a && doc.kind(end - 1) == Some(TokenKind::Punct) {
        end -= 1;
    }
    if end <= a {
        return None;
    }
    let verb = doc.lw(a);
    if end == a + 1 && matches!(verb, "said" | "says" | "told" | "added" | "stated") {
        let quote = doc.tokens_text(s0, subject).trim().trim_matches(|c: char| {
            c == ',' || c == '"' || c == '“' || c == '”' || c.is_whitespace()
        });
        if quote.is_empty() {
            return None;
        }
        let q: Vec<&str> = quote.split_whitespace().collect();
        let q = if q.len() > MAX_WORDS - 1 {
            format!("{}…", q[..MAX_WORDS - 1].join(" "))
        } else {
            q.join(" ")
        };
        return Some(format!("{} “{q}”", doc.tok(a)));
    }
    if end == a + 1 && doc.lex.is_aux(verb) {
        return None;
    }
    let mut t = doc.tokens_text(a, end).to_owned();
    if cut {
        t.push('…');
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::MentionDraft;
    use crate::model::{ActorKind, MentionForm, Span};

    fn facts(text: &str, names: &[(&str, ActorKind)]) -> Vec<(String, String)> {
        let mut doc = Doc::segmented(text);
        doc.actors = names
            .iter()
            .map(|(n, k)| ActorDraft {
                mentions: text
                    .match_indices(n)
                    .map(|(s, _)| MentionDraft {
                        span: Span::new(s, s + n.len()),
                        form: MentionForm::Name,
                    })
                    .collect(),
                ..ActorDraft::bare(n, *k)
            })
            .collect();
        crate::mentions::MentionIndexer.run(&mut doc);
        FactFinder.run(&mut doc);
        doc.actors
            .iter()
            .flat_map(|a| {
                a.facts
                    .iter()
                    .map(move |f| (a.slug.clone(), f.text.clone()))
            })
            .collect()
    }

    #[test]
    fn clauses() {
        use ActorKind::*;
        type Case<'a> = (
            &'a str,
            &'a [(&'a str, ActorKind)],
            &'a [(&'a str, &'a str)],
        );
        let cases: &[Case] = &[
            (
                "Russia’s leadership found parts agreeable, but Putin reportedly expressed harsh criticism of key proposals.",
                &[("Russia", Place), ("Putin", Person)],
                &[("russia", "found parts agreeable"), ("putin", "expressed harsh criticism of key proposals")],
            ),
            (
                "Kremlin insider Yuri Ushakov praised the talks as exceptionally constructive yet candidly admitted the gap.",
                &[("Kremlin", Organization), ("Yuri Ushakov", Person)],
                &[("yuri-ushakov", "praised the talks as exceptionally constructive"), ("yuri-ushakov", "admitted the gap")],
            ),
            (
                "Zelenskyy communicated his readiness to talk and demonstrated openness to direct discussions with Trump.",
                &[("Zelenskyy", Person), ("Trump", Person)],
                &[("zelenskyy", "communicated his readiness to talk"), ("zelenskyy", "demonstrated openness to direct discussions with Trump")],
            ),
            (
                "Witkoff and Kushner met Putin in Moscow.",
                &[("Witkoff", Person), ("Kushner", Person), ("Putin", Person), ("Moscow", Place)],
                &[("witkoff", "met Putin in Moscow"), ("kushner", "met Putin in Moscow")],
            ),
            (
                "Fuad Basya, spokesman for the Indonesian military, said fishermen noticed the people.",
                &[("Fuad Basya", Person)],
                &[("fuad-basya", "said fishermen noticed the people")],
            ),
            (
                "President Donald Trump on Friday announced a 100% tariff on imports.",
                &[("Donald Trump", Person)],
                &[("donald-trump", "announced a 100% tariff on imports")],
            ),
            (
                "Israel and Hamas have agreed to a truce, mediators in Qatar said on Wednesday.",
                &[("Israel", Place), ("Hamas", Organization), ("Qatar", Place)],
                &[("israel", "have agreed to a truce"), ("hamas", "have agreed to a truce")],
            ),
            (
                "The opposition Labour Party backed a second referendum.",
                &[("Labour Party", Organization)],
                &[("labour-party", "backed a second referendum")],
            ),
            (
                "“We will win,” Putin said.",
                &[("Putin", Person)],
                &[("putin", "said “We will win”")],
            ),
        ];
        for (text, names, want) in cases {
            let got = facts(text, names);
            for (id, t) in *want {
                assert!(
                    got.iter().any(|(a, f)| a == id && f == t),
                    "{text}: want {id}: {t:?}, got {got:?}"
                );
            }
        }
    }

    #[test]
    fn no_facts_for_objects_and_long_clauses_cut() {
        let got = facts(
            "The meeting in Moscow between Putin and Witkoff failed.",
            &[("Putin", ActorKind::Person), ("Witkoff", ActorKind::Person)],
        );
        assert!(got.is_empty(), "{got:?}");
        let got = facts(
            "The plan would keep Northern Ireland aligned with EU rules.",
            &[("Northern Ireland", ActorKind::Place)],
        );
        assert!(got.is_empty(), "{got:?}");
        let got = facts(
            "Ryu said he supported more housing.",
            &[("Ryu", ActorKind::Person)],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let long = format!("Putin said {}.", "very ".repeat(40));
        let got = facts(&long, &[("Putin", ActorKind::Person)]);
        assert_eq!(got.len(), 1);
        assert!(got[0].1.ends_with('…'));
        assert!(got[0].1.split_whitespace().count() <= MAX_WORDS);
    }
}

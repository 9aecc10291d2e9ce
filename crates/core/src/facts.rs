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
use crate::syntax::Class;
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
                _ if matches!(doc.lw(k), "he" | "she") => match doc.antecedent(k, 0) {
                    Some(a) => (vec![a], k + 1),
                    None => (Vec::new(), k + 1),
                },
                _ => (Vec::new(), k + 1),
            };
            if holders.is_empty()
                || reported_by_another(doc, k, &holders)
                || doc.in_pp(k)
                || k > r.start && doc.is(k - 1, Class::Det) && doc.mention_at(k).is_none()
                || !doc.subject_position(k, r.start)
            {
                k = next.max(k + 1);
                continue;
            }
            let (holders, after) = coordinated(doc, holders, next, r.end);
            match doc.predicate_after(after, r.end) {
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

/// Is token `k` in what someone else said ("Lindqvist said the board
/// should offer higher pay": not a fact of the board's)? A sentence whose
/// subject is another actor gives its content no facts. "According to X"
/// reports rather than speaks, so its content keeps them.
fn reported_by_another(doc: &Doc, k: usize, holders: &[usize]) -> bool {
    doc.speech_at(k)
        .is_some_and(|f| f.verb.is_some() && !holders.contains(&f.speaker))
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
        if doc.is(n, Class::Det) && doc.mention_at(n).is_none() {
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

/// Is token `k` the start of a new clause inside a fact?
fn boundary(doc: &Doc, k: usize, end: usize) -> Boundary {
    let w = doc.lw(k);
    let next = doc.lw(k + 1);
    match doc.kind(k) {
        Some(TokenKind::Punct) => match w {
            ";" | ":" | "—" | "–" | "(" | ")" => Boundary::Stop,
            // A quote that closes the sentence's own clause ends the fact;
            // a quoted phrase inside it ("said he was “disappointed”") does not.
            "”" | "\"" if matches!(doc.lw(k + 1), "," | ".") && doc.reporting_clause_at(k + 2) => {
                Boundary::Stop
            }
            "," => {
                // ", mediators in Qatar said": a reporting clause follows.
                let reporting = (k + 1..end.min(k + 6))
                    .take_while(|&j| doc.kind(j) == Some(TokenKind::Word))
                    .any(|j| matches!(doc.lw(j), "said" | "says" | "told" | "reported" | "added"));
                if reporting
                    || doc.is(k + 1, Class::ClauseWord)
                    || doc.is(k + 1, Class::Conj)
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
                let v = doc.skip_adverbs(k + 1, end);
                let verb = doc.lw(v);
                if starts_subject(doc, k + 1, end) {
                    Boundary::Stop
                } else if v < end
                    && doc.is_verb_at(v)
                    && !verb.ends_with("ing")
                    && !doc.is(v, Class::Aux)
                    || v < end && doc.is(v, Class::Aux) && w != "and"
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
    if doc.is(j, Class::Det) {
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
    let v = doc.skip_adverbs(after, end);
    v < end && doc.is_verb_at(v)
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

/// The clause text of tokens `a..b`: whole up to [`MAX_WORDS`] words;
/// longer, it is cut at its last inner break (a comma, "and", "that") that
/// keeps at least five words, else at the limit, and never ends on a
/// function word ("said it was" is no fact). A speech verb whose words are
/// a direct quote gives the quote.
fn clause_text(doc: &Doc, a: usize, b: usize, subject: usize, s0: usize) -> Option<String> {
    if doc.lex.is_speech_verb(doc.lw(a)) {
        if let Some(q) = quote_of(doc, a, subject, s0) {
            return Some(q);
        }
    }
    let mut end = a;
    let mut words = 0;
    let mut cut = false;
    let mut last_break: Option<(usize, usize)> = None; // (token, words before it)
    for k in a..b {
        if matches!(doc.kind(k), Some(TokenKind::Word | TokenKind::Number)) {
            if words >= MAX_WORDS {
                cut = true;
                break;
            }
            words += 1;
        }
        if k > a && (doc.lw(k) == "," || matches!(doc.lw(k), "and" | "that" | "which")) {
            last_break = Some((k, words - usize::from(doc.kind(k) == Some(TokenKind::Word))));
        }
        end = k + 1;
    }
    if cut {
        if let Some((k, w)) = last_break.filter(|&(_, w)| w >= 5) {
            end = k;
            words = w;
        }
    }
    // Never end on a function word or punctuation.
    while end > a + 1
        && (doc.kind(end - 1) == Some(TokenKind::Punct) || is_function_word(doc, end - 1))
    {
        if doc.kind(end - 1) != Some(TokenKind::Punct) {
            words -= 1;
        }
        end -= 1;
    }
    while end > a && doc.kind(end - 1) == Some(TokenKind::Punct) {
        end -= 1;
    }
    // A verb alone, an auxiliary or a speech verb with nothing said is no fact.
    if end <= a + 1 && (doc.is(a, Class::Aux) || doc.lex.is_speech_verb(doc.lw(a)) || words < 1) {
        return None;
    }
    if end <= a {
        return None;
    }
    let mut t = doc.tokens_text(a, end).to_owned();
    // A quoted word kept inside ("said he was “disappointed”") keeps its
    // closing mark.
    if t.matches('“').count() > t.matches('”').count() {
        t.push('”');
    }
    // The same for straight marks ('had been "left stranded for years"').
    if t.matches('"').count() % 2 == 1 {
        t.push('"');
    }
    if cut {
        t.push('…');
    }
    Some(t)
}

/// A word a clause never ends on: a determiner, preposition, conjunction,
/// auxiliary, pronoun or "to".
fn is_function_word(doc: &Doc, k: usize) -> bool {
    doc.is(k, Class::Det)
        || doc.is(k, Class::Prep)
        || doc.is(k, Class::Conj)
        || doc.is(k, Class::ClauseWord)
        || doc.is(k, Class::Aux)
        || doc.is(k, Class::Pron)
        || doc.is(k, Class::Neg)
}

/// The direct quote a speech verb at `v` reports, as “…” (at most
/// [`MAX_QUOTE_WORDS`] words): the quote of this sentence's frame, or
/// the quoted words before the subject ('“We will win,” Putin said').
fn quote_of(doc: &Doc, v: usize, subject: usize, s0: usize) -> Option<String> {
    let s = doc.tokens.get(v)?.sentence_index();
    // The verb's own frame first: a quote it reports may have one too.
    let frames = doc.speech_in(s);
    let frame = frames
        .iter()
        .find(|f| f.verb == Some(v) && !f.quoted)
        .or_else(|| frames.iter().find(|f| f.verb == Some(v)))?;
    let quoted = frame.quoted || (frame.content.start..frame.content.end).any(|k| doc.in_quote(k));
    if !quoted {
        // '"…," Putin said' without the marks paired: the words before.
        let text = doc.tokens_text(s0, subject);
        let text = text.trim().trim_matches(|c: char| {
            c == ',' || c == '"' || c == '“' || c == '”' || c.is_whitespace()
        });
        // Only words that close with a quote mark before the attribution.
        let closes = |k: usize| matches!(doc.lw(k), "”" | "\"");
        let before = subject.saturating_sub(1);
        let quoted_before = subject > s0
            && (closes(before) || doc.lw(before) == "," && before > s0 && closes(before - 1));
        if quoted_before && !text.is_empty() {
            return Some(format!("“{}”", bounded(text)));
        }
        return None;
    }
    // The whole quote the frame's words belong to, when what was said is
    // the quote: it opens the reported words or holds them (its start is at
    // or before theirs). A quoted phrase
    // inside a reported clause ('said the town had been "left stranded for
    // years"') is no quote of its own: the clause is the fact.
    let c = frame.content.clone();
    let q = doc
        .quotes
        .iter()
        .find(|q| q.tokens.start < c.end && c.start < q.tokens.end)
        .filter(|q| q.tokens.start <= c.start + 1);
    let text = match q {
        Some(q) => doc.slice(q.span),
        None => return None,
    };
    let text = text.trim().trim_end_matches([',', ' ']);
    (!text.is_empty()).then(|| format!("“{}”", bounded(text)))
}

/// Longest quote shown as a fact, in words.
pub const MAX_QUOTE_WORDS: usize = 30;

/// `text` cut to [`MAX_QUOTE_WORDS`] words (with "…").
fn bounded(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > MAX_QUOTE_WORDS {
        format!("{}…", words[..MAX_QUOTE_WORDS].join(" "))
    } else {
        words.join(" ")
    }
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
        crate::clause::speech::SpeechFinder.run(&mut doc);
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
            // A name set off by commas after its role: a past form is its verb.
            (
                "Its general secretary, Amina Yusuf, called the plan unfair and demanded a guarantee.",
                &[("Amina Yusuf", Person)],
                &[("amina-yusuf", "called the plan unfair"), ("amina-yusuf", "demanded a guarantee")],
            ),
            // Without the comma before it, a past form is a reduced relative.
            (
                "Amina Yusuf, elected in May, said the plan was unfair.",
                &[("Amina Yusuf", Person)],
                &[("amina-yusuf", "said the plan was unfair")],
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
                &[("putin", "“We will win”")],
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

    /// The rules: whole clauses, never a fragment ending on a
    /// function word; the quote when someone is quoted; never a fact for a
    /// possessor whose role-holder speaks.
    #[test]
    fn whole_clauses_quotes_and_the_right_speaker() {
        use ActorKind::*;
        let got = facts(
            "The union's general secretary, Hannah Reyes, told reporters the deal was fair.",
            &[("union", Organization), ("Hannah Reyes", Person)],
        );
        assert!(got.iter().all(|(a, _)| a != "union"), "{got:?}");
        assert!(got.iter().any(|(a, _)| a == "hannah-reyes"), "{got:?}");
        // What another actor is said to do is the speaker's words, not a
        // fact of theirs; "according to" reports, so its content keeps them.
        for (text, speaker, other, keeps) in [
            (
                "Sarah Lind said the Port Board should offer higher pay.",
                "sarah-lind",
                "port-board",
                false,
            ),
            (
                "“The Port Board must act,” Sarah Lind said.",
                "sarah-lind",
                "port-board",
                false,
            ),
            (
                "According to Sarah Lind, the Port Board rejected the offer.",
                "sarah-lind",
                "port-board",
                true,
            ),
        ] {
            let got = facts(
                text,
                &[("Sarah Lind", Person), ("Port Board", Organization)],
            );
            assert_eq!(
                got.iter().any(|(a, _)| a == other),
                keeps,
                "{text}: {got:?}"
            );
            if !keeps {
                assert!(got.iter().any(|(a, _)| a == speaker), "{text}: {got:?}");
            }
        }
        let got = facts(
            "Jane Roe spoke first. “It is a bad plan. It will hurt shops,” she said.",
            &[("Jane Roe", Person)],
        );
        assert!(
            got.contains(&(
                "jane-roe".into(),
                "“It is a bad plan. It will hurt shops”".into()
            )),
            "{got:?}"
        );
        let got = facts(
            "Tom Hill said he was “disappointed” by the vote.",
            &[("Tom Hill", Person)],
        );
        assert_eq!(
            got,
            vec![(
                "tom-hill".into(),
                "said he was “disappointed” by the vote".into()
            )]
        );
        // A quoted phrase inside a reported clause is no quote of its own,
        // and the clause keeps both of its quote marks.
        for text in [
            "Tom Hill said the town had been “left stranded for many years” by the council.",
            "Tom Hill said the town had been \"left stranded for many years\".",
        ] {
            let got = facts(text, &[("Tom Hill", Person)]);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            let f = &got[0].1;
            assert!(f.starts_with("said the town had been"), "{text}: {f:?}");
            assert!(
                f.matches('"').count().is_multiple_of(2)
                    && f.matches('“').count() == f.matches('”').count(),
                "{text}: {f:?}"
            );
        }
        let text = "Putin targeted European governments with accusations of sabotaging peace talks and preventing the administration of his rival from achieving agreements on anything at all.";
        let got = facts(text, &[("Putin", Person)]);
        assert!(!got.is_empty());
        for (_, f) in &got {
            let last = f
                .trim_end_matches('…')
                .split_whitespace()
                .last()
                .unwrap_or("");
            assert!(
                !matches!(
                    last,
                    "of" | "from" | "the" | "and" | "to" | "a" | "was" | "it"
                ),
                "fragment {f:?}"
            );
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

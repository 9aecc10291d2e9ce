//! Descriptions of people and organisations from the article: role words
//! before a name ("Kremlin insider Yuri Ushakov", shared over "and": "envoys
//! Steve Witkoff and Jared Kushner") and appositions, read from the learned
//! dependency parse ("The governor of the state, Maria Lopez, said",
//! "Tomas Berg, a farmer from the north,"), or without the parser from the
//! rule "Name, a senior Kremlin aide,".

use super::{is_role_noun, Mention};
use crate::doc::Doc;
use crate::drafts::ActorDraft;
use crate::model::{ActorKind, MentionForm, Span};
use crate::syntax::parse::SentenceParse;
use crate::syntax::{Deprel, Upos};
use crate::tokenize::TokenKind;

/// Most words an apposition may have to be taken as a description.
const MAX_APPOSITION_WORDS: usize = 12;

/// Adds each person's and organisation's descriptions to its draft
/// (`draft_of[i]` is mention `i`'s draft); organisations take only
/// appositions.
pub(super) fn add_descriptions(
    doc: &Doc,
    mentions: &[Mention],
    draft_of: &[usize],
    drafts: &mut [ActorDraft],
) {
    for (mi, m) in mentions.iter().enumerate() {
        if m.form != MentionForm::Name {
            continue;
        }
        let found = match drafts[draft_of[mi]].kind {
            ActorKind::Person => [
                premodified(doc, m.span, mentions, mi),
                appositive(doc, m.span),
            ],
            ActorKind::Organization => [apposition(doc, m.span), None],
            _ => [None, None],
        };
        let p = draft_of[mi];
        for d in found.into_iter().flatten() {
            let d = whose(doc, mentions, draft_of, drafts, mi, d);
            if !drafts[p].descriptions.contains(&d) {
                drafts[p].descriptions.push(d);
            }
        }
    }
}

/// Most sentences back an organisation may be named for "its" in a
/// description to stand for it.
const MAX_ITS_SENTENCES: usize = 1;

/// Description `d` of mention `mi` with a leading "its" (or "the firm's",
/// [`noun_possessive`]) spelled out as the organisation named last
/// before it, in the same or the previous sentence ("its chairwoman" →
/// "chairwoman of the Association of Jagodno Traders"); `d` itself when it
/// does not start so or no organisation fits.
fn whose(
    doc: &Doc,
    mentions: &[Mention],
    draft_of: &[usize],
    drafts: &[ActorDraft],
    mi: usize,
    d: String,
) -> String {
    // After "the firm's" a name of unsure kind will do too: the noun says
    // what it is. "The chamber's director": the organisation whose name
    // has the noun, however far back ("Valmore Chamber of Commerce").
    let (rest, noun) = match d.strip_prefix("its ").or_else(|| d.strip_prefix("Its ")) {
        Some(rest) => (rest, None),
        None => match noun_possessive(&d) {
            Some((noun, rest)) => (rest, Some(noun)),
            None => return d,
        },
    };
    let named_by = |m: &Mention| {
        noun.is_some_and(|n| {
            doc.slice(m.span)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(n))
        })
    };
    let org_noun = noun.is_some_and(|n| doc.lex.is_org_noun(n));
    let Some(here) = doc.sentence_at(mentions[mi].span.start) else {
        return d;
    };
    let near = |m: &Mention| {
        doc.sentence_at(m.span.start)
            .is_some_and(|s| here - s.min(here) <= MAX_ITS_SENTENCES)
    };
    let fits = |j: usize| match drafts[draft_of[j]].kind {
        ActorKind::Organization => true,
        ActorKind::Other => noun.is_some() && mentions[j].form == MentionForm::Name,
        _ => false,
    };
    let named = mentions[..mi]
        .iter()
        .enumerate()
        .rev()
        .find(|&(j, m)| m.form == MentionForm::Name && named_by(m) && fits(j))
        .map(|(j, _)| j);
    let org = named.or_else(|| {
        if noun.is_some() && !org_noun {
            return None;
        }
        mentions[..mi]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| near(m))
            .find(|&(j, _)| fits(j))
            .map(|(j, _)| j)
    });
    let Some(j) = org else {
        return d;
    };
    // The organisation's fullest name, the first time the article writes
    // it ("Rail Workers' Union", not the headline's "Union"), with "the"
    // when the article puts one before it.
    let first = mentions
        .iter()
        .enumerate()
        .filter(|&(k, m)| draft_of[k] == draft_of[j] && m.form == MentionForm::Name)
        .map(|(_, m)| m.span)
        .fold(None, |best: Option<Span>, sp| match best {
            Some(b) if b.end - b.start >= sp.end - sp.start => Some(b),
            _ => Some(sp),
        })
        .unwrap_or(mentions[j].span);
    let g = doc.tokens.partition_point(|t| t.start_byte() < first.start);
    let the = g > 0 && doc.tok(g - 1).eq_ignore_ascii_case("the");
    format!(
        "{rest} of {}{}",
        if the { "the " } else { "" },
        doc.slice(first)
    )
}

/// The possessive noun and the rest of a description that opens with "the
/// NOUN's" ("the firm's chief executive" → "firm", "chief executive"):
/// an organisation noun (`names/org_nouns.txt`) stands for the
/// organisation like "its"; another noun for one whose name has it.
fn noun_possessive(d: &str) -> Option<(&str, &str)> {
    let rest = d.strip_prefix("the ").or_else(|| d.strip_prefix("The "))?;
    let (noun, rest) = rest.split_once(' ')?;
    let noun = noun
        .strip_suffix("'s")
        .or_else(|| noun.strip_suffix("\u{2019}s"))?;
    (!noun.is_empty() && noun.chars().all(char::is_lowercase)).then_some((noun, rest))
}

/// Premodifying role words of the person named at `span` ("Kremlin
/// insider"), also when shared over "and".
fn premodified(doc: &Doc, span: Span, mentions: &[Mention], mi: usize) -> Option<String> {
    let g = doc.tokens.partition_point(|t| t.start_byte() < span.start);
    let sent_start = doc
        .tokens
        .get(g)
        .and_then(|t| doc.sentence_tokens.get(t.sentence_index()))
        .map_or(0, |r| r.start);
    // Shared over "and": "envoys Steve Witkoff and Jared Kushner".
    if g > sent_start && doc.tok(g - 1) == "and" && mi > 0 {
        let prev = &mentions[mi - 1];
        let pg = doc
            .tokens
            .partition_point(|t| t.start_byte() < prev.span.start);
        if doc
            .tokens
            .get(g - 2)
            .is_some_and(|t| t.end_byte() == prev.span.end)
        {
            return premodifier(doc, pg, sent_start);
        }
    }
    premodifier(doc, g, sent_start)
}

/// The person's apposition in the parse ([`apposition`]), or else a role
/// appositive by rule.
fn appositive(doc: &Doc, span: Span) -> Option<String> {
    if let Some(d) = apposition(doc, span) {
        return Some(d);
    }
    // A role appositive the parse did not give (or without the parser):
    // "Name, a senior Kremlin aide,", "Name, the Secretary of State,".
    let end_g = doc.tokens.partition_point(|t| t.start_byte() < span.end);
    if doc.tok(end_g) == "," && matches!(doc.tok(end_g + 1), "a" | "an" | "the") {
        let mut k = end_g + 2;
        let limit = (end_g + 10).min(doc.tokens.len());
        let mut has_role = false;
        while k < limit && doc.tokens[k].kind != TokenKind::Punct {
            has_role |= is_role_noun(doc.lex, doc.tok(k));
            k += 1;
        }
        if has_role && k < limit && matches!(doc.tok(k), "," | ".") {
            let s = doc.tokens[end_g + 1].start_byte();
            let e = doc.tokens[k - 1].end_byte();
            return Some(doc.slice(Span::new(s, e)).to_owned());
        }
    }
    None
}

/// The common-noun phrase in apposition to the name at `span` in the
/// learned parse, before it ("The governor of the state, Maria Lopez,")
/// or after it ("Tomas Berg, a farmer from the north,"). Only sentences
/// with a comma beside the name are parsed for this.
fn apposition(doc: &Doc, span: Span) -> Option<String> {
    let g = doc.tokens.partition_point(|t| t.start_byte() < span.start);
    let end_g = doc.tokens.partition_point(|t| t.start_byte() < span.end);
    // Only a name set off by commas (", Maria Lopez," or ", Maria
    // Lopez.") or followed by a comma and a lower-case word ("Tomas Berg,
    // a farmer"): lists of names and most sentences are never parsed here.
    // "the" before an organisation's name is outside its span.
    let lead = if g > 1 && doc.tok(g - 1) == "the" {
        g - 1
    } else {
        g
    };
    let comma_before = lead > 0 && doc.tok(lead - 1) == ",";
    let after = doc.tok(end_g);
    let set_off = comma_before && matches!(after, "," | "." | "");
    let lower_after = after == ","
        && doc
            .tok(end_g + 1)
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
    if !(set_off || lower_after) || g >= end_g {
        return None;
    }
    let sp = doc.parse_of_token(g)?;
    attached_apposition(doc, sp, g, end_g)
        .or_else(|| {
            let before = set_off
                .then(|| comma_phrase_before(doc, lead - 1))
                .flatten();
            before
                .or_else(|| {
                    lower_after
                        .then(|| comma_phrase_after(doc, end_g))
                        .flatten()
                })
                .and_then(|region| phrase_description(doc, sp, region))
        })
        // "George Bush, … of the Bush administration": not about the name.
        .filter(|d| !d.split_whitespace().any(|w| w == doc.tok(end_g - 1)))
}

/// The apposition the parse attaches to the name at tokens `g..end_g`
/// (`appos` either way, or a second subject before it).
fn attached_apposition(doc: &Doc, sp: &SentenceParse, g: usize, end_g: usize) -> Option<String> {
    let name = sp.head_of(g..end_g)?;
    let partner = match sp.words[name].deprel {
        Deprel::Appos => sp.words[name].head.map(|h| h as usize),
        Deprel::Nsubj => subject_before(sp, name),
        _ => None,
    }
    .or_else(|| {
        sp.children(name)
            .find(|&c| sp.words[c].deprel == Deprel::Appos)
    })?;
    if !is_common_nominal(doc, sp, partner) || is_one_of_many(sp, name, partner) {
        return None;
    }
    // "In the parents' defence, Tom Molomby said": a prepositional phrase
    // that modifies a verb is not an apposition; one that modifies a noun
    // can hold one ("the death of their son, Sam,").
    let in_pp = sp
        .children(partner)
        .any(|c| sp.words[c].deprel == Deprel::Case);
    if in_pp && !matches!(sp.words[partner].deprel, Deprel::Nmod | Deprel::Appos) {
        return None;
    }
    let name_words = sp.word_of_token(g)?..sp.word_of_token(end_g).unwrap_or(sp.words.len());
    if name_words.contains(&partner) {
        return None;
    }
    let mut words = sp.subtree(partner);
    if words.contains(&name) {
        // The name hangs on the description: keep the side before it.
        words = words.start..name_words.start;
    }
    if !words.contains(&partner) {
        return None;
    }
    description_text(doc, sp, words)
}

/// The tokens between the comma at token `comma` and the punctuation
/// before it (or the sentence start): "The chairman of the port authority"
/// in "The chairman of the port authority, Erik Lindqvist, said".
fn comma_phrase_before(doc: &Doc, comma: usize) -> Option<std::ops::Range<usize>> {
    let sent = doc.sentence_range(doc.tokens.get(comma)?.sentence_index());
    let start = (sent.start..comma)
        .rev()
        .find(|&t| doc.tokens[t].kind == TokenKind::Punct)
        .map_or(sent.start, |t| t + 1);
    (start < comma).then_some(start..comma)
}

/// The tokens after the comma at token `comma` up to the next punctuation
/// (or the sentence end): "a former dock worker himself" in "Paolo Renzi, a
/// former dock worker himself, said".
fn comma_phrase_after(doc: &Doc, comma: usize) -> Option<std::ops::Range<usize>> {
    let sent = doc.sentence_range(doc.tokens.get(comma)?.sentence_index());
    let end = (comma + 1..sent.end)
        .find(|&t| doc.tokens[t].kind == TokenKind::Punct && doc.tok(t) != "'")
        .unwrap_or(sent.end);
    (comma + 1 < end).then_some(comma + 1..end)
}

/// The description a comma-bounded phrase beside a name gives when the
/// parse did not attach it to the name: a definite or possessive noun
/// phrase ("the chairman of …", "its general secretary", "a former dock
/// worker") headed by a common noun, not a prepositional phrase.
fn phrase_description(
    doc: &Doc,
    sp: &SentenceParse,
    region: std::ops::Range<usize>,
) -> Option<String> {
    let head = sp.head_of(region.clone())?;
    let first = sp.word_of_token(region.start)?;
    let opens = matches!(sp.words[first].upos, Upos::Det | Upos::Pron);
    let in_pp = sp
        .children(head)
        .any(|c| sp.words[c].deprel == Deprel::Case);
    if !opens || in_pp || !is_common_nominal(doc, sp, head) || is_one_of_many(sp, head, head) {
        return None;
    }
    let last = sp.word_of_token(region.end).unwrap_or(sp.words.len());
    // A noun phrase, not a clause ("the next case will be heard").
    if sp.words[first..last]
        .iter()
        .any(|w| matches!(w.upos, Upos::Verb | Upos::Aux))
    {
        return None;
    }
    description_text(doc, sp, first..last)
}

/// A second subject of the same predicate just before `name`, ending on a
/// comma: "The governor of the state, Maria Lopez, said" parsed with two
/// subjects. A predicate has one subject, so the first is in apposition.
fn subject_before(sp: &SentenceParse, name: usize) -> Option<usize> {
    let head = sp.words[name].head;
    let first = sp.subtree(name).start;
    let comma = first.checked_sub(1)?;
    if sp.words[comma].upos != Upos::Punct {
        return None;
    }
    (0..comma).rev().find(|&w| {
        sp.words[w].head == head
            && sp.words[w].deprel == Deprel::Nsubj
            && sp.subtree(w).end >= comma
    })
}

/// A lower-case common noun, or an adjective with a determiner ("a
/// farmer" tagged as an adjective is still a noun phrase); never a proper
/// noun, pronoun, number or a capitalised word the tagger took for a noun.
fn is_common_nominal(doc: &Doc, sp: &SentenceParse, w: usize) -> bool {
    let word = &sp.words[w];
    let lower = doc
        .text
        .get(word.range())
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_lowercase);
    lower
        && match word.upos {
            Upos::Noun => true,
            // "the former", and a role the tagger took for an adjective
            // ("its chief executive").
            Upos::Adj => {
                let has = |rel: Deprel| sp.children(w).any(|c| sp.words[c].deprel == rel);
                let role = || {
                    doc.text
                        .get(word.range())
                        .is_some_and(|t| is_role_noun(doc.lex, t))
                };
                has(Deprel::Det) || (has(Deprel::NmodPoss) && role())
            }
            _ => false,
        }
}

/// "Two brothers, Niklaus and Johann": a counted or coordinated phrase
/// describes the group, not the one name.
fn is_one_of_many(sp: &SentenceParse, name: usize, partner: usize) -> bool {
    sp.words[name].deprel == Deprel::Conj
        || sp
            .children(name)
            .any(|c| sp.words[c].deprel == Deprel::Conj)
        || sp
            .children(partner)
            .any(|c| sp.words[c].deprel == Deprel::Nummod)
}

/// The text of `words` (a range of `sp`'s words) as a description:
/// trimmed at both ends, a capitalised sentence-initial determiner or
/// pronoun lower-cased; `None` when it is too long or holds a comma, quotes
/// or brackets.
fn description_text(
    doc: &Doc,
    sp: &SentenceParse,
    words: std::ops::Range<usize>,
) -> Option<String> {
    // Punctuation at either end; a preposition or conjunction the phrase
    // starts with ("of their son", "and a sister"); a determiner or title
    // left at the end by the name ("…, the", "…, Mr").
    let edge = |w: usize| {
        matches!(
            sp.words[w].upos,
            Upos::Punct | Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Det
        )
    };
    let mut lo = words.start;
    let mut hi = words.end;
    while lo < hi
        && (edge(lo) && sp.words[lo].upos != Upos::Det || sp.words[lo].upos == Upos::Punct)
    {
        lo += 1;
    }
    while hi > lo
        && (edge(hi - 1)
            || doc
                .text
                .get(sp.words[hi - 1].range())
                .is_some_and(|w| doc.lex.is_title(w)))
    {
        hi -= 1;
    }
    if hi <= lo || hi - lo > MAX_APPOSITION_WORDS {
        return None;
    }
    let (start, end) = (sp.words[lo].start as usize, sp.words[hi - 1].end as usize);
    // "actors Meryl Streep, Mark Hamill": another person is no description.
    // (Names are in text order: only those from the first that ends after
    // `start` can overlap; a scan of all was quadratic in long texts.)
    let first = doc.ents.partition_point(|e| e.span.end <= start);
    let names_person = doc.ents[first..]
        .iter()
        .take_while(|e| e.span.start < end)
        .any(|e| e.label == ActorKind::Person);
    if names_person {
        return None;
    }
    let text = doc.text.get(start..end)?;
    if text.contains(['"', '“', '”', '(', ')', '[', ']', ';', ':', ',']) {
        return None;
    }
    let first = &sp.words[lo];
    let initial = first.token as usize == sp.first_token;
    if initial && matches!(first.upos, Upos::Det | Upos::Pron) {
        let mut c = text.chars();
        let head = c.next()?;
        return Some(head.to_lowercase().chain(c).collect());
    }
    Some(text.to_owned())
}

/// Role words just before token `g` ("Trump’s special envoys").
fn premodifier(doc: &Doc, g: usize, sent_start: usize) -> Option<String> {
    if g == 0 || g <= sent_start {
        return None;
    }
    let before = doc.tok(g - 1);
    if !is_role_noun(doc.lex, before) {
        return None;
    }
    let mut k = g - 1;
    let floor = sent_start.max(g.saturating_sub(6));
    while k > floor {
        let t = &doc.tokens[k - 1];
        let w = doc.tok(k - 1);
        let ok = match t.kind {
            TokenKind::Word => {
                let participle =
                    w.ends_with("ed") && w.chars().next().is_some_and(char::is_lowercase);
                !doc.lex.is_description_stop(w) && !participle
            }
            TokenKind::Possessive => true,
            TokenKind::Punct => w == "-" && !t.space_before,
            TokenKind::Number => false,
        };
        if !ok {
            break;
        }
        k -= 1;
    }
    // Do not start on a possessive, a hyphen or a number word ("Two").
    while k < g - 1
        && (doc.tokens[k].kind != TokenKind::Word
            || doc.lex.is_count_word(&doc.tok(k).to_lowercase()))
    {
        k += 1;
    }
    let s = doc.tokens[k].start_byte();
    let e = doc.tokens[g - 1].end_byte();
    Some(doc.slice(Span::new(s, e)).to_owned())
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

    /// The description the full analysis gives the actor named `name`.
    fn description_of(text: &str, name: &str) -> Option<String> {
        let a = analyze(text, &Options::default());
        let actor = a.actors.iter().find(|x| x.name == name);
        assert!(actor.is_some(), "no actor {name:?} in {:?}", a.actors);
        actor.and_then(|x| x.description.clone())
    }

    #[test]
    fn a_later_definite_description_finds_the_apposed_name() {
        let text = "The governor of the province, Maria Lopez, said the tax was unfair. \
                    Farmers protested for weeks. The governor later asked parliament to repeal it.";
        let a = analyze(text, &Options::default());
        let lopez = a.actors.iter().find(|x| x.name == "Maria Lopez");
        let mentions: Vec<&str> = lopez
            .map(|x| x.mentions.iter().map(|m| m.text.as_str()).collect())
            .unwrap_or_default();
        assert!(mentions.contains(&"The governor"), "{:?}", a.actors);
    }

    #[test]
    fn a_title_opening_the_sentence_keeps_its_first_word() {
        let text = "Transport Minister Halvard Ekeli said the line would open in May.";
        assert_eq!(
            description_of(text, "Halvard Ekeli").as_deref(),
            Some("Transport Minister")
        );
    }

    #[test]
    fn its_in_a_description_names_the_organisation() {
        let text = "The Harbour Pilots Guild has opposed the new fees for a year. \
                    Its treasurer, Ilse Morgenstern, said members would strike.";
        assert_eq!(
            description_of(text, "Ilse Morgenstern").as_deref(),
            Some("treasurer of the Harbour Pilots Guild")
        );
        // No organisation named in this or the previous sentence: kept as written.
        let text = "Rain fell all week. Nobody came. \
                    Its treasurer, Ilse Morgenstern, said members would strike.";
        assert_eq!(
            description_of(text, "Ilse Morgenstern").as_deref(),
            Some("its treasurer")
        );
    }

    #[test]
    fn a_role_the_tagger_reads_as_an_adjective_still_describes() {
        let text = "The Norrvik Ferry Company has raised fares twice. \
                    Its chief executive, Lars Holm, defended the rise.";
        assert_eq!(
            description_of(text, "Lars Holm").as_deref(),
            Some("chief executive of the Norrvik Ferry Company")
        );
    }

    #[test]
    fn an_organisation_nouns_possessive_stands_for_the_organisation() {
        let text = "Kesteven Logistics cut 300 jobs on Monday. \
                    The firm\u{2019}s chief executive, Ada Kranz, blamed fuel prices.";
        assert_eq!(
            description_of(text, "Ada Kranz").as_deref(),
            Some("chief executive of Kesteven Logistics")
        );
        // A noun that the name of an organisation named earlier has.
        let text = "Traders met at the Harwick Chamber of Commerce on Monday. \
                    Prices rose again. Rents doubled. \
                    The chamber's president, Ola Brekke, called for a freeze.";
        assert_eq!(
            description_of(text, "Ola Brekke").as_deref(),
            Some("president of the Harwick Chamber of Commerce")
        );
        // A possessive of another noun is kept as written.
        let text = "Kesteven Logistics cut 300 jobs on Monday. \
                    The city's mayor, Jonas Reiter, called it a blow.";
        assert_eq!(
            description_of(text, "Jonas Reiter").as_deref(),
            Some("the city's mayor")
        );
    }

    #[test]
    fn appositions_from_the_parse() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            // Before the name, set off by commas.
            (
                "The governor of the province, Maria Lopez, said on Monday that the tax was unfair.",
                "Maria Lopez",
                Some("the governor of the province"),
            ),
            (
                "Her deputy, Daniel Okoro, disagreed with the decision.",
                "Daniel Okoro",
                Some("her deputy"),
            ),
            // After the name.
            (
                "Tomas Berg, a farmer from the north, told reporters he would not pay.",
                "Tomas Berg",
                Some("a farmer from the north"),
            ),
            // The same when the parse attaches the name elsewhere.
            (
                "The chairman of the harbour authority, Erik Lindqvist, said the plan would cut costs.",
                "Erik Lindqvist",
                Some("the chairman of the harbour authority"),
            ),
            // Beside a title: both are kept.
            (
                "Transport Minister Paolo Renzi, a former dock worker himself, urged both sides to talk.",
                "Paolo Renzi",
                Some("a former dock worker himself"),
            ),
            // An organisation's apposition.
            (
                "The dockers' union, the Maritime Workers Federation, said its members backed the strike.",
                "Maritime Workers Federation",
                Some("the dockers' union"),
            ),
            // A clause after the comma is no description.
            (
                "We asked Jon Reyes, who runs the bakery, about the rent.",
                "Jon Reyes",
                None,
            ),
            // A list of names has no apposition.
            (
                "Maria Lopez, Daniel Okoro and Tomas Berg met in the capital.",
                "Daniel Okoro",
                None,
            ),
            // A counted phrase describes the group, not one of its names.
            (
                "The couple have two sons, Adam Frost and Ben Frost.",
                "Adam Frost",
                None,
            ),
            // Another person's name is no description.
            (
                "The film starred the actors Lena Holm, Ivo Brandt and Kai Moreno.",
                "Ivo Brandt",
                None,
            ),
        ];
        for &(text, name, want) in cases {
            let got = description_of(text, name);
            match want {
                Some(w) => assert!(
                    got.as_deref()
                        .is_some_and(|d| d.split("; ").any(|x| x == w)),
                    "{text}: {got:?}"
                ),
                None => assert_eq!(got, None, "{text}"),
            }
        }
    }
}

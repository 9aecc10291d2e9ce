//! The right edge of a proposal phrase: a complement ("restrictions on
//! Ukrainian military strength", "a summit between X and Y") belongs to the
//! name of relational heads and plain phrases; otherwise it describes the
//! proposal. Bounded walks (12 tokens), so O(1) per phrase.

use super::describe::walk_clause;
use super::{Candidate, MAX_RIGHT};
use crate::doc::Doc;
use crate::lexicon::{Family, Head, Strength};
use crate::syntax::{Class, Deprel, Upos};
use crate::tokenize::TokenKind;

/// Sets `c`'s complement, name end, "to" + verb flag, and a description
/// from a complement or participle clause right after the head `h`.
pub(super) fn complement(doc: &Doc, c: &mut Candidate, head: Head, h: usize, s1: usize) {
    // "a plan by the agency Medlink to close the ward": past the author
    // to the infinitive that says what the plan is.
    let after = agent_before_infinitive(doc, h, s1).unwrap_or(h + 1);
    let next = doc.lw(after);
    if next == "to" && after + 1 < s1 && verb_like_base(doc, after + 1) {
        c.to_verb = true;
    }
    let relational = matches!(head.strength, Strength::Relational | Strength::Governed);
    let plain = c.content.is_empty() && c.actors.is_empty() && c.number.is_none();
    let mut name_end = h + 1;
    // Not "the plan to be abolished": a passive infinitive says what is
    // to happen to the plan, not what it is.
    let passive_to = matches!(doc.lw(after + 1), "be" | "have");
    // "the government's plan to cut fuel subsidies": its owner before it
    // does not stop the infinitive from naming it.
    let owned = (c.content.is_empty() || c.owner_before(doc)) && c.number.is_none();
    if c.to_verb && c.has_det && (head.strength == Strength::Governed || owned && !passive_to) {
        // "a move to ban plastic bags", "a plan to expand broadband": the
        // infinitive names it.
        let clause_end = walk_clause(doc, after, s1);
        let mut end = clause_end.min(after + MAX_TO_VERB);
        if end < clause_end {
            end = finish_noun(doc, end, clause_end);
        }
        c.complement = content_words(doc, after + 1, end);
        c.add_act(doc, doc.lw(after + 1));
        c.name_end = end;
        return;
    }
    if after < s1 {
        if next == "of" && gerund_at(doc, after + 1) && (relational || plain) {
            // "a policy of turning away boats of migrants": the gerund
            // clause names the measure (up to a relative word).
            let end = gerund_end(doc, after + 1, s1);
            c.complement = content_words(doc, after + 1, end);
            name_end = end;
        } else if complement_prep(doc, after) {
            let end = walk_np(doc, after + 1, s1);
            if end > after + 1 && !is_time_expression(doc, after + 1, end) {
                c.complement = content_words(doc, after + 1, end);
                // "alterations to an earlier peace proposal", "a vote on the
                // bill": another proposal is named in the complement, so it
                // describes this one rather than naming it.
                let names_other = head.strength == Strength::Governed
                    && (after + 1..end).any(|k| doc.is(k, Class::ProposalHead));
                if names_other {
                    c.desc = Some((after, end));
                } else if relational || plain || head.family == Family::Sanction {
                    name_end = end;
                } else {
                    c.desc = Some((after, end));
                }
            }
        } else if doc.is(h + 1, Class::Participle)
            && !doc.is(h + 1, Class::Cue)
            && !doc.lex.is_control_verb(next)
            && (next.ends_with("ing")
                || doc.is(after + 1, Class::Prep)
                || doc.is(after + 1, Class::Adverb))
        {
            let end = walk_clause(doc, after, s1);
            if relational && plain && next.ends_with("ing") {
                c.complement = content_words(doc, after, end);
                name_end = end;
            } else {
                c.desc = Some((after, end));
            }
        }
    }
    c.name_end = name_end;
}

/// After the head `h`, "by" and a named author then "to" and a verb ("a
/// plan by the agency Medlink to close …"): the token of that "to".
fn agent_before_infinitive(doc: &Doc, h: usize, s1: usize) -> Option<usize> {
    if doc.lw(h + 1) != "by" {
        return None;
    }
    let m = (h + 2..(h + 6).min(s1)).find_map(|k| doc.mention_at(k))?;
    let mut to = m.last;
    // "by Health New Zealand – Te Whatu Ora", "by the Port Authority (PA)".
    if matches!(doc.lw(to), "–" | "—" | "-") {
        if let Some(second) = doc.mention_at(to + 1) {
            to = second.last;
        }
    } else if doc.lw(to) == "(" && doc.lw(to + 2) == ")" {
        to += 3;
    }
    let plain = (h + 2..m.first).all(|k| doc.kind(k) == Some(TokenKind::Word) && !doc.is_cap(k));
    (plain && to + 1 < s1 && doc.lw(to) == "to" && verb_like_base(doc, to + 1)).then_some(to)
}

/// Is token `k` a lower-case "-ing" verb form ("turning", "sending")?
fn gerund_at(doc: &Doc, k: usize) -> bool {
    let w = doc.lw(k);
    doc.kind(k) == Some(TokenKind::Word)
        && !doc.is_cap(k)
        && w.len() > 5
        && w.ends_with("ing")
        && w.chars().all(char::is_alphabetic)
}

/// The end of a gerund clause from `i`: the clause ([`walk_clause`]) cut
/// before a relative or clause word ("which", "that") and at
/// [`MAX_TO_VERB`] + 4 tokens.
fn gerund_end(doc: &Doc, i: usize, s1: usize) -> usize {
    let end = walk_clause(doc, i, s1).min(i + MAX_TO_VERB + 4);
    (i + 1..end)
        .find(|&k| doc.is(k, Class::ClauseWord) && !doc.is(k, Class::Det))
        .unwrap_or(end)
}

/// Longest infinitive kept in a name ("move to ban single-use plastic bags").
const MAX_TO_VERB: usize = 8;

/// Most words an infinitive cut at [`MAX_TO_VERB`] is extended by to finish
/// the noun phrase it was cut in.
const MAX_NP_TAIL: usize = 3;

/// A name cut at token `end` inside a noun phrase ("to the northern |
/// suburbs"), by the learned parse: the end of the noun the word before the
/// cut hangs on, when it lies at most [`MAX_NP_TAIL`] words on (and before
/// `limit`); `end` itself otherwise or without a parse.
fn finish_noun(doc: &Doc, end: usize, limit: usize) -> usize {
    let Some(sp) = doc.parse_of_token(end) else {
        return end;
    };
    let (Some(before), Some(at)) = (sp.word_of_token(end - 1), sp.word_of_token(end)) else {
        return end;
    };
    let Some(head) = sp.words[before].head.map(|h| h as usize) else {
        return end;
    };
    // Only a modifier inside the noun phrase ("northern", "Jagodno"), not a
    // subject or object; a phrase cut after its article alone is left to
    // the trimming of trailing function words.
    let inside = matches!(
        sp.words[before].deprel,
        Deprel::Amod | Deprel::Nummod | Deprel::Compound | Deprel::Flat
    );
    let plain = (at..head.max(at)).all(|w| {
        matches!(
            sp.words[w].upos,
            Upos::Adj | Upos::Num | Upos::Noun | Upos::Propn
        )
    });
    let noun = inside && plain && matches!(sp.words[head].upos, Upos::Noun | Upos::Propn);
    let token = sp.words[head].token as usize;
    if head >= at && noun && token < limit && token < end + MAX_NP_TAIL {
        token + 1
    } else {
        end
    }
}

/// Could token `k` be a verb's base form ("to travel")? A word that also
/// heads proposals ("cut", "ban") is one when the learned parse tags it a
/// verb ("a proposal to cut fuel subsidies").
pub(super) fn verb_like_base(doc: &Doc, k: usize) -> bool {
    let w = doc.lw(k);
    if doc.is(k, Class::ProposalHead) && parsed_as_verb(doc, k) {
        return true;
    }
    !w.is_empty()
        && !doc.is(k, Class::Det)
        && !w.ends_with("ed")
        && !w.ends_with('s')
        && w.chars().all(char::is_alphabetic)
        && !doc.is(k, Class::ProposalHead)
}

/// Does the learned parse tag token `k` a verb?
fn parsed_as_verb(doc: &Doc, k: usize) -> bool {
    doc.upos_at(k) == Some(Upos::Verb)
}

/// Does token `k` start a complement ("restrictions on …", "summit between …")?
fn complement_prep(doc: &Doc, k: usize) -> bool {
    match doc.lw(k) {
        "to" => {
            doc.is(k + 1, Class::Det)
                || doc.lw(k + 1).chars().next().is_some_and(char::is_uppercase)
        }
        w => doc.lex.is_complement_preposition(w),
    }
}

/// "on Friday", "for two years", "of March 3": a time, not a complement.
fn is_time_expression(doc: &Doc, a: usize, b: usize) -> bool {
    let lx = doc.lex;
    (a..b).all(|k| {
        let w = doc.lw(k);
        doc.kind(k) != Some(TokenKind::Word)
            || doc.is(k, Class::Det)
            || doc.is(k, Class::Quantifier)
            || lx.is_weekday(w)
            || lx.is_month_name(w)
            || lx.is_time_word(w)
    })
}

/// Walks a noun phrase from `i`; returns one past its last token.
fn walk_np(doc: &Doc, i: usize, s1: usize) -> usize {
    let mut end = i;
    let mut k = i;
    while k < s1 && k - i < MAX_RIGHT {
        let w = doc.lw(k);
        let tok = doc.tokens[k];
        let ok = match tok.kind {
            TokenKind::Possessive | TokenKind::Number => true,
            TokenKind::Punct => w == "-" && !tok.space_before,
            TokenKind::Word => {
                // "one-off", "cross-border": a compound after a glued hyphen.
                if k > i && doc.hyphen_joins(k - 1) || doc.mention_at(k).is_some() || doc.is_cap(k)
                {
                    true
                } else if w == "of" {
                    k > i
                } else if w == "and" || w == "or" {
                    doc.is_cap(k + 1) && !doc.is(k + 1, Class::Det)
                } else {
                    !(doc.is(k, Class::Prep)
                        || doc.lex.is_non_noun(w)
                        || doc.is(k, Class::ClauseWord)
                        || doc.is(k, Class::Conj)
                        || doc.is(k, Class::Aux)
                        || doc.is(k, Class::Pron) && !doc.is(k, Class::Det)
                        // "a demand for an independent review of pay": a
                        // proposal noun after its modifiers is a noun.
                        || doc.is(k, Class::Cue)
                            && !(k > i && doc.is(k, Class::ProposalHead) && !doc.is_verb_at(k - 1))
                        || doc.is(k, Class::CommonVerb)
                        || (doc.is(k, Class::Participle) && k > i && !doc.is(k - 1, Class::Det)))
                }
            }
        };
        if !ok {
            break;
        }
        k += 1;
        if tok.kind != TokenKind::Punct && w != "of" && w != "and" && w != "or" {
            end = k;
        }
    }
    end
}

fn content_words(doc: &Doc, a: usize, b: usize) -> Vec<String> {
    (a..b)
        .filter(|&k| doc.kind(k) == Some(TokenKind::Word))
        .filter(|&k| {
            !(doc.is(k, Class::Det)
                || doc.is(k, Class::Prep)
                || doc.is(k, Class::Conj)
                || doc.is(k, Class::Quantifier))
        })
        .map(|k| doc.lw(k).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

    fn proposal_names(text: &str) -> Vec<String> {
        let a = analyze(text, &Options::default());
        a.proposals.into_iter().map(|p| p.name).collect()
    }

    #[test]
    fn the_act_an_infinitive_named_is_the_same_proposal() {
        let a = analyze(
            "Ministers unveiled a proposal to cut bus fares for pensioners. \
             Two unions said they oppose the cut.",
            &Options::default(),
        );
        let names: Vec<&str> = a.proposals.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["proposal to cut bus fares for pensioners"],
            "{names:?}"
        );
    }

    #[test]
    fn infinitives_that_name_a_proposal() {
        let cases: &[(&str, &str)] = &[
            (
                "The board approved a plan to widen the coastal road to the Marlow district, \
                 a project residents opposed.",
                "plan to widen the coastal road to the Marlow district",
            ),
            // Cut after the article: the phrase ends before its preposition.
            (
                "The board approved a plan to widen the old coastal road to the Marlow district, \
                 a project residents opposed.",
                "plan to widen the old coastal road",
            ),
            (
                "The board approved a plan to widen the coastal road to the northern suburbs \
                 of the town by 2031.",
                "plan to widen the coastal road to the northern suburbs",
            ),
            // A verb that also heads proposals ("cut"), after an owner.
            (
                "Lawmakers rejected a proposal to cut bus fares for pensioners.",
                "proposal to cut bus fares for pensioners",
            ),
            (
                "Lawmakers delayed a vote on the mayor's proposal to cut bus fares.",
                "mayor's proposal to cut bus fares",
            ),
            // Short enough: unchanged.
            (
                "The board approved a plan to build a footbridge.",
                "plan to build a footbridge",
            ),
        ];
        for (text, want) in cases {
            let got = proposal_names(text);
            assert!(
                got.iter().any(|n| n == want),
                "{text}: want {want:?}, got {got:?}"
            );
        }
    }
}

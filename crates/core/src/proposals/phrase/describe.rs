//! What a proposal is, from the clause after its name: a relative or
//! participle clause ("the plan, which would allow …", "conditions set by
//! …") or, when the proposal is the subject, its predicate ("The agreement
//! would pause fighting …"); at most [`MAX_DESC_WORDS`] words.

use super::right::verb_like_base;
use super::{Candidate, MAX_DESC_WORDS, MAX_RIGHT};
use crate::doc::Doc;
use crate::syntax::Class;
use crate::tokenize::TokenKind;

/// Sets `c.desc` from the clause after its name if nothing set it yet, and
/// bounds it to [`MAX_DESC_WORDS`] words.
pub(super) fn description(doc: &Doc, c: &mut Candidate, s0: usize, s1: usize) {
    let name_end = c.name_end;
    if c.desc.is_none() && name_end < s1 {
        let w = doc.lw(name_end);
        let participle_ok = w.ends_with("ing")
            || doc.is(name_end + 1, Class::Prep)
            || doc.is(name_end + 1, Class::Adverb);
        let starts = matches!(w, "that" | "which" | "who")
            || (doc.is(name_end, Class::Participle)
                && participle_ok
                && !doc.is(name_end, Class::Cue)
                && !doc.lex.is_control_verb(w))
            || (w == "to" && verb_like_base(doc, name_end + 1));
        if starts {
            let end = walk_clause(doc, name_end, s1);
            if end > name_end + 1 {
                c.desc = Some((name_end, end));
            }
        } else if w == "," {
            // ", which would …", ", brokered by Qatar, Egypt and …"
            let n = doc.lw(name_end + 1);
            let nn = doc.lw(name_end + 2);
            let starts = matches!(n, "which" | "who")
                || doc.is(name_end + 1, Class::Participle) && nn == "by";
            if starts {
                let end = walk_clause(doc, name_end + 1, s1);
                if end > name_end + 2 {
                    c.desc = Some((name_end + 1, end));
                }
            }
        }
    }
    if c.desc.is_none() && name_end < s1 && c.np_start == s0 {
        // "The three-stage agreement … would pause fighting …": what the
        // proposal does, when it is the subject of the sentence.
        let mut k = name_end;
        if doc.lw(k) == "," {
            k = (k + 1..s1.min(k + 16))
                .find(|&j| doc.lw(j) == ",")
                .map_or(s1, |j| j + 1);
        }
        let v = doc.lw(k);
        let predicate = doc.lex.is_proposal_predicate(v);
        if predicate && k < s1 {
            let end = walk_clause(doc, k, s1);
            if end > k + 1 {
                c.desc = Some((k, end));
            }
        }
    }
    if let Some((a, b)) = c.desc {
        // Bound the description to MAX_DESC_WORDS words.
        let mut words = 0;
        let mut end = a;
        for k in a..b {
            if doc.kind(k) == Some(TokenKind::Word) {
                words += 1;
                if words > MAX_DESC_WORDS {
                    break;
                }
            }
            end = k + 1;
        }
        c.desc = Some((a, end));
    }
}

/// Walks a clause (participial or relative) from `i` to the next boundary.
pub(super) fn walk_clause(doc: &Doc, i: usize, s1: usize) -> usize {
    let mut k = i;
    let mut end = i;
    while k < s1 && k - i < MAX_RIGHT + 4 {
        let w = doc.lw(k);
        let tok = doc.tokens[k];
        // A list of names continues: "by Qatar, Egypt and the United States".
        let list_comma = w == ","
            && k > i
            && doc.is_cap(k - 1)
            && (doc.is_cap(k + 1) || doc.lw(k + 1) == "and" && doc.is_cap(k + 2));
        let amount = matches!(w, "$" | "€" | "£" | "%");
        match tok.kind {
            TokenKind::Punct if list_comma || amount => {}
            TokenKind::Punct if w != "-" || tok.space_before => break,
            TokenKind::Word if k > i => {
                if matches!(
                    w,
                    "while" | "but" | "whereas" | "although" | "though" | "yet"
                ) {
                    break;
                }
                let name_follows =
                    doc.is_cap(k + 1) || doc.is(k + 1, Class::Det) && doc.is_cap(k + 2);
                if (w == "and" || w == "or")
                    && !name_follows
                    && (doc.is(k + 1, Class::Participle)
                        || doc.is(k + 1, Class::Verbish)
                        || doc.is(k + 1, Class::ProposalHead)
                        || doc.is(k + 1, Class::Det))
                {
                    break;
                }
            }
            _ => {}
        }
        k += 1;
        end = k;
    }
    end
}

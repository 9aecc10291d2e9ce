//! What the premodifiers of a proposal phrase say: actors named in them
//! and a possessor ("America’s peace blueprint"), a number ("28-point"),
//! earlier/newer-version tags, topic and content words, and where the clean
//! name starts (determiners, hedges and "earlier" dropped).

use super::Candidate;
use crate::doc::Doc;
use crate::syntax::Class;
use crate::tokenize::TokenKind;

/// Fills `c`'s premodifier features from its tokens `c.np_start..h`.
pub(super) fn premodifiers(doc: &Doc, c: &mut Candidate, h: usize) {
    let start = c.np_start;
    let mut name_start = None;
    for k in start..h {
        let w = doc.lw(k);
        let kind = doc.kind(k);
        // The name of a titled law ("the Rail Reform Bill") is the law
        // itself, not an actor behind it.
        let own_name = |m: &crate::mentions::MentionRef| m.last == h + 1;
        if let Some(m) = doc.mention_at(k).filter(|m| !own_name(m)) {
            if !c.actors.contains(&m.actor) {
                c.actors.push(m.actor);
            }
            // "a Warhol donor program": the name says whose donors, not
            // whose program.
            if m.last < h && names_people(doc, m.last) && !c.about.contains(&m.actor) {
                c.about.push(m.actor);
            }
            if doc.kind(m.last) == Some(TokenKind::Possessive) && m.last < h {
                c.possessor = Some(m.actor);
            }
        }
        let droppable = kind == Some(TokenKind::Word)
            && doc.mention_at(k).is_none()
            && (doc.is(k, Class::Det) || doc.lex.is_hedge(w) || doc.is(k, Class::OldTag));
        if name_start.is_none() && !droppable && kind != Some(TokenKind::Possessive) {
            name_start = Some(k);
        }
        match kind {
            Some(TokenKind::Number) if is_year(doc.tok(k)) => {}
            // "84,121 votes", "three bills": a count, not a name.
            Some(TokenKind::Number) if is_count(doc, k, h) => {}
            Some(TokenKind::Number) => {
                let mut n = doc.tok(k).to_owned();
                if doc.lw(k + 1) == "%" {
                    n.push('%');
                }
                if doc.lw(k + 1) == "-" && k + 2 < h {
                    n.push('-');
                    n.push_str(doc.lw(k + 2));
                }
                c.number = Some(n);
            }
            Some(TokenKind::Word) => {
                if doc.is(k, Class::OldTag) {
                    c.old = true;
                } else if doc.is(k, Class::NewTag) {
                    c.new = true;
                } else if !(doc.is(k, Class::Det) || doc.is(k, Class::Quantifier)) {
                    if doc.is(k, Class::Topic) {
                        c.topic = true;
                    }
                    let after_number = k >= 2
                        && doc.lw(k - 1) == "-"
                        && doc.kind(k - 2) == Some(TokenKind::Number);
                    let own = doc.mention_at(k).is_some_and(own_name);
                    if (doc.mention_at(k).is_none() || own) && !after_number {
                        c.content.push(w.to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    c.name_start = name_start.unwrap_or(h);
}

/// Is token `k` a noun of people ("donor", "voters", "minister")?
fn names_people(doc: &Doc, k: usize) -> bool {
    let w = doc.lw(k);
    let singular = w.strip_suffix('s').unwrap_or(w);
    doc.lex.is_person_noun(w)
        || doc.lex.is_person_noun(singular)
        || doc.lex.is_collective_noun(w)
        || crate::actors::is_role_noun(doc.lex, w)
}

/// "1990", "2016": a year, not an identifying number.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// A plain number before a plural head ("40 votes", "200 stores") counts
/// things; "28-point", "100%", "$5 billion" identify one.
fn is_count(doc: &Doc, k: usize, h: usize) -> bool {
    let plural = doc.lw(h).ends_with('s');
    let marked = matches!(doc.lw(k + 1), "-" | "%" | "per")
        || k > 0 && matches!(doc.lw(k - 1), "$" | "€" | "£");
    plural && !marked
}

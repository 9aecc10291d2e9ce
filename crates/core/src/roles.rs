//! Role and group phrases (the `roles` component): "the Russian
//! president", "the Kremlin official", "the chancellor" point back to a
//! person named elsewhere; "Ukrainian officials" and "Russian military
//! forces" name a group. `coref` resolves roles and makes group actors.
//!
//! One pass over the tokens; each phrase is at most a few tokens: O(n).

use crate::actors::{affiliation, is_role_noun};
use crate::doc::Doc;
use crate::model::Span;
use crate::pipeline::Component;
use crate::tokenize::TokenKind;

/// What a role phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    /// A role that points back to a person: the token of the role noun and
    /// of the affiliation modifier ("Russian" in "the Russian president").
    Role {
        /// The role noun's token.
        role: usize,
        /// The modifier's token, if any.
        modifier: Option<usize>,
    },
    /// A nationality adjective and a group noun ("Ukrainian officials").
    Group,
}

/// A phrase that refers to an actor by role or group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RolePhrase {
    /// Byte span of the phrase.
    pub span: Span,
    /// What it is.
    pub kind: RoleKind,
}

/// Fills [`Doc::roles`] (reads tokens, the lexicon and the knowledge base).
pub struct Roles;

impl Component for Roles {
    fn name(&self) -> &'static str {
        "roles"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        doc.roles = role_phrases(doc);
    }
}

/// Role phrases and group phrases, in text order.
fn role_phrases(doc: &Doc) -> Vec<RolePhrase> {
    let mut out = Vec::new();
    for range in &doc.sentence_tokens {
        let mut g = range.start;
        while g < range.end {
            let w = doc.tok(g);
            let is_det = matches!(w, "the" | "The");
            if is_det && g + 2 < range.end + 1 {
                // the [Modifier] role
                let mut k = g + 1;
                let mut modifier = None;
                let m = doc.tok(k);
                if doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                    && m.chars().next().is_some_and(char::is_uppercase)
                    && affiliation(doc.kb, m).is_some()
                {
                    modifier = Some(k);
                    k += 1;
                }
                while k < range.end && matches!(doc.tok(k), "former" | "top" | "senior" | "chief") {
                    k += 1;
                }
                if k < range.end {
                    let role = doc.tok(k);
                    let is_role = role.chars().next().is_some_and(char::is_lowercase)
                        && is_role_noun(doc.lex, role)
                        && !role.ends_with('s');
                    let next_is_name = doc
                        .tok(k + 1)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                        && k + 1 < range.end;
                    // "the president" alone: only offices one person
                    // holds, and not "the president of X".
                    let office = modifier.is_none()
                        && doc.lex.is_single_office(role)
                        && !matches!(doc.tok(k + 1), "of" | "’s" | "'s");
                    if is_role && (modifier.is_some() || office) && !next_is_name {
                        let span = Span::new(doc.tokens[g].start_byte(), doc.tokens[k].end_byte());
                        out.push(RolePhrase {
                            span,
                            kind: RoleKind::Role { role: k, modifier },
                        });
                        g = k + 1;
                        continue;
                    }
                }
            }
            // "The senators rejected …": a definite collective noun as the
            // subject of a verb holds stances as a group of its own.
            if let Some(end) = definite_collective(doc, g, range.end) {
                let span = Span::new(doc.tokens[g].start_byte(), doc.tokens[end - 1].end_byte());
                out.push(RolePhrase {
                    span,
                    kind: RoleKind::Group,
                });
                g = end;
                continue;
            }
            // Modifiers + a collective noun: "civil rights groups",
            // "environmental campaigners", "retailers' groups".
            if let Some(end) = collective_group(doc, g, range.start, range.end) {
                let span = Span::new(doc.tokens[g].start_byte(), doc.tokens[end - 1].end_byte());
                out.push(RolePhrase {
                    span,
                    kind: RoleKind::Group,
                });
                g = end;
                continue;
            }
            // Adjective + group noun: "Ukrainian officials".
            if doc.tokens[g].kind == TokenKind::Word
                && g + 1 < range.end
                && w.starts_with(char::is_uppercase)
                && !w.ends_with('s')
                && doc.kb.demonym(w).is_some()
            {
                // One optional modifier: "Russian military forces".
                let mut k = g + 1;
                if doc.lex.is_group_modifier(doc.tok(k))
                    && k + 1 < range.end
                    && doc.lex.is_group_head(doc.tok(k + 1))
                {
                    k += 1;
                }
                let next = doc.tok(k);
                if doc.lex.is_group_head(next) {
                    let span = Span::new(doc.tokens[g].start_byte(), doc.tokens[k].end_byte());
                    out.push(RolePhrase {
                        span,
                        kind: RoleKind::Group,
                    });
                    g = k + 1;
                    continue;
                }
            }
            g += 1;
        }
    }
    out
}

/// A named group of organised people starting at token `g`: one or two
/// modifiers (a possessive plural counts: "retailers'") and a collective
/// noun ("groups", "campaigners", "unions"); one past its last token.
/// Not after a determiner, number or quantifier ("some groups", "the two
/// unions" name nobody), and a modifier is a plain word, not a verb,
/// pronoun or function word.
/// "the senators", "the protesters" at token `g` when a verb follows
/// (through adverbs): the end of the phrase. Not "the senators of …" nor
/// an object ("met the senators"): only a subject holds a stance.
fn definite_collective(doc: &Doc, g: usize, s1: usize) -> Option<usize> {
    let k = g + 1;
    let head = doc.lw(k);
    let ok = doc.lw(g) == "the"
        && k < s1
        && !doc.is_cap(k)
        && doc.lex.is_collective_noun(head)
        && doc.mention_at(k).is_none();
    if !ok {
        return None;
    }
    let v = doc.skip_adverbs(k + 1, s1);
    (v < s1 && doc.is_verb_at(v)).then_some(k + 1)
}

fn collective_group(doc: &Doc, g: usize, s0: usize, s1: usize) -> Option<usize> {
    use crate::syntax::Class;
    let plain = |k: usize| {
        let w = doc.lw(k);
        doc.kind(k) == Some(TokenKind::Word)
            && w.len() > 2
            && !doc.is(k, Class::Det)
            && !doc.is(k, Class::Prep)
            && !doc.is(k, Class::Conj)
            && !doc.is(k, Class::Pron)
            && !doc.is(k, Class::Aux)
            && !doc.is(k, Class::Quantifier)
            && !doc.is(k, Class::Verbish)
            && !doc.is(k, Class::Adverb)
            && !doc.lex.is_count_word(w)
            && !doc.lex.is_collective_noun(w)
            && !doc.lex.is_time_word(w)
            && doc.mention_at(k).is_none()
    };
    if !plain(g) {
        return None;
    }
    if g > s0 {
        let p = g - 1;
        let bare = doc.kind(p) == Some(TokenKind::Word)
            && (doc.is(p, Class::Det)
                || doc.is(p, Class::Quantifier)
                || doc.lex.is_count_word(doc.lw(p)))
            || doc.kind(p) == Some(TokenKind::Number)
            || doc.kind(p) == Some(TokenKind::Possessive);
        if bare {
            return None;
        }
    }
    let collective = |k: usize| {
        k < s1
            && doc.lex.is_collective_noun(doc.lw(k))
            && !doc.is_cap(k)
            && doc.mention_at(k).is_none()
    };
    let mut k = g + 1;
    if doc.kind(k) == Some(TokenKind::Possessive) {
        k += 1;
    } else if !collective(k) && plain(k) {
        k += 1;
        if doc.kind(k) == Some(TokenKind::Possessive) {
            k += 1;
        }
    }
    collective(k).then_some(k + 1)
}

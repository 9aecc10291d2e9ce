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
    /// A group: a nationality adjective and a group noun ("Ukrainian
    /// officials"), or with `common` a collective noun and its modifiers
    /// ("environmental campaigners", "the senators", "Unions"), which
    /// describes the group rather than naming it.
    Group {
        /// Named by a common noun phrase, with no nationality.
        common: bool,
    },
    /// A body or person the article may never name, as the subject,
    /// speaker or agent of an act: "the health ministry offered …", "a
    /// federal court struck down …", "his sister pleaded …", "said the
    /// spokeswoman". `coref` resolves it to a named actor when it can and
    /// makes it an actor of its own otherwise.
    Body {
        /// The head noun's token ("ministry", "sister").
        head: usize,
        /// The head names a person (a role or a relative), not a body.
        person: bool,
        /// The phrase has modifiers before its head ("health ministry").
        modified: bool,
        /// The token of the named owner of a possessive ("Thomas" in
        /// "Thomas' sister"), if any.
        owner: Option<usize>,
    },
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
            if let Some((end, kind)) = unnamed_body(doc, g, range.start, range.end) {
                let first = match kind {
                    RoleKind::Body {
                        owner: Some(_),
                        head,
                        ..
                    } => head,
                    _ => g,
                };
                let span = Span::new(
                    doc.tokens[first].start_byte(),
                    doc.tokens[end - 1].end_byte(),
                );
                out.push(RolePhrase { span, kind });
                g = end;
                continue;
            }
            // "The senators rejected …": a definite collective noun as the
            // subject of a verb holds stances as a group of its own.
            if let Some(end) = definite_collective(doc, g, range.end) {
                let span = Span::new(doc.tokens[g].start_byte(), doc.tokens[end - 1].end_byte());
                out.push(RolePhrase {
                    span,
                    kind: RoleKind::Group { common: true },
                });
                g = end;
                continue;
            }
            // "Unions oppose the plan", "Critics, however, say …": a bare
            // plural collective noun opening the sentence as its subject.
            if let Some(end) = bare_collective(doc, g, range.start, range.end) {
                let span = Span::new(doc.tokens[g].start_byte(), doc.tokens[end - 1].end_byte());
                out.push(RolePhrase {
                    span,
                    kind: RoleKind::Group { common: true },
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
                    kind: RoleKind::Group { common: true },
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
                        kind: RoleKind::Group { common: false },
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

/// Is token `k` a word that may modify a noun: not a determiner,
/// preposition, conjunction, pronoun, auxiliary, adverb, quantifier or
/// counting word?
fn content_word(doc: &Doc, k: usize) -> bool {
    use crate::syntax::Class;
    doc.kind(k) == Some(TokenKind::Word)
        && !doc.is(k, Class::Det)
        && !doc.is(k, Class::Prep)
        && !doc.is(k, Class::Conj)
        && !doc.is(k, Class::Pron)
        && !doc.is(k, Class::Aux)
        && !doc.is(k, Class::Adverb)
        && !doc.is(k, Class::Quantifier)
        && !doc.lex.is_count_word(doc.lw(k))
}

/// Is token `k` inside a recognised name ([`Doc::ents`])?
fn in_name(doc: &Doc, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let at = t.start_byte();
    let i = doc.ents.partition_point(|e| e.span.end <= at);
    doc.ents.get(i).is_some_and(|e| e.span.start <= at)
}

/// An unnamed holder starting at token `g` (see [`RoleKind::Body`]): a
/// determiner ("the", "a" for bodies, "his", "its", or a name's possessive),
/// up to three lower-case modifiers and a singular body noun, role noun or relative;
/// one past its head, and the kind. It must be the subject of a verb (through
/// adverbs and a short time phrase: "a federal court on Wednesday struck
/// down"), the speaker after a reporting verb ("said the ministry") or the
/// agent after "by". Not inside another prepositional phrase ("officials at
/// the ministry said": the officials speak), not before a name (a title),
/// "of" or a possessive (the phrase names someone else's body), and never a
/// plural: "ministries" are a kind, not an actor.
fn unnamed_body(doc: &Doc, g: usize, s0: usize, s1: usize) -> Option<(usize, RoleKind)> {
    use crate::syntax::Class;
    let det = doc.lw(g);
    let owner = (doc.kind(g) == Some(TokenKind::Possessive) && g > s0 && in_name(doc, g - 1))
        .then(|| g - 1);
    let article = matches!(det, "the" | "a" | "an");
    let pronoun = matches!(det, "his" | "her" | "their" | "its");
    if !(article || pronoun || owner.is_some()) {
        return None;
    }
    // Modifiers: plain lower-case words.
    let mut k = g + 1;
    while k < s1 && k < g + 4 {
        let w = doc.lw(k);
        let plain = content_word(doc, k)
            && !doc.is(k, Class::ClauseWord)
            && !crate::syntax::is_participle(w)
            && !in_name(doc, k)
            // "the Iranian government" is a group named after its country.
            && !doc.is_cap(k);
        let head_here = doc.lex.is_body_noun(w)
            || doc.lex.is_anaphoric_body(w)
            || doc.lex.is_kin_noun(w)
            || is_role_noun(doc.lex, w) && !w.ends_with('s');
        let next_plain = doc.kind(k + 1) == Some(TokenKind::Word) && !doc.is_cap(k + 1);
        let next_head = next_plain
            && (doc.lex.is_body_noun(doc.lw(k + 1)) || is_role_noun(doc.lex, doc.lw(k + 1)));
        if head_here && !next_head {
            break;
        }
        if !plain {
            return None;
        }
        k += 1;
    }
    if k >= s1 || doc.is_cap(k) || in_name(doc, k) {
        return None;
    }
    let w = doc.lw(k);
    let kin = doc.lex.is_kin_noun(w);
    let body = doc.lex.is_body_noun(w) || doc.lex.is_anaphoric_body(w);
    let role = is_role_noun(doc.lex, w) && !w.ends_with('s');
    // A relative needs an owner ("his sister", "Thomas' sister"); "a" only
    // introduces a body ("a federal court"), not a person ("a lawyer said").
    let ok = if kin {
        pronoun || owner.is_some()
    } else if body {
        !matches!(det, "a" | "an") || k > g + 1 || g == s0
    } else {
        role && det != "a" && det != "an"
    };
    if !ok {
        return None;
    }
    let modified = k > g + 1;
    let end = k + 1;
    // Not a title or someone else's body: "the mayor Tom …", "the council of
    // Riverton", "the union's leader".
    if doc.is_cap(end) && end < s1
        || matches!(doc.lw(end), "of" | "'s" | "’s")
        || doc.kind(end) == Some(TokenKind::Possessive)
    {
        return None;
    }
    let first = if owner.is_some() { g - 1 } else { g };
    let before = first.checked_sub(1).filter(|&b| b >= s0);
    let agent = before.is_some_and(|b| doc.lw(b) == "by");
    let speaker = before
        .is_some_and(|b| doc.lex.is_speech_verb(doc.lw(b)) || doc.lex.is_reporting_verb(doc.lw(b)));
    // "after the ministry offered …" opens a clause; "at the ministry" does not.
    let subordinator = before.is_some_and(|b| doc.lex.is_adjunct_preposition(doc.lw(b)));
    if before.is_some_and(|b| doc.is(b, Class::Prep)) && !agent && !subordinator {
        return None;
    }
    // Subject: a verb or auxiliary follows, through adverbs and a short
    // time phrase ("on Wednesday", "last week").
    let mut v = doc.skip_adverbs(end, s1);
    if v < s1 && matches!(doc.lw(v), "on" | "in" | "last" | "this" | "earlier") {
        let mut j = v + 1;
        while j < s1 && j < v + 3 && (doc.is_cap(j) || doc.lex.is_time_word(doc.lw(j))) {
            j += 1;
        }
        if j > v + 1 {
            v = doc.skip_adverbs(j, s1);
        }
    }
    let subject = v < s1 && (doc.is_verb_at(v) || doc.is(v, Class::Aux));
    // "…, said its president, Maya Thomas": the name that follows speaks.
    let named_next = doc.lw(end) == "," && doc.is_cap(end + 1) && in_name(doc, end + 1);
    if !(subject || speaker && !subordinator || agent) || named_next {
        return None;
    }
    Some((
        end,
        RoleKind::Body {
            head: k,
            person: !body,
            modified,
            owner,
        },
    ))
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

/// "Unions oppose …", "Farmers representing the valley said …": a
/// collective noun without determiner or modifier as the first word of
/// sentence `s0..s1`, and its subject: a verb follows (through adverbs),
/// or the learned parse makes it the subject of its clause (past a
/// participle or relative clause that describes it), or "who" opens a
/// relative clause on it. One past its token.
fn bare_collective(doc: &Doc, g: usize, s0: usize, s1: usize) -> Option<usize> {
    let ok = g == s0
        && g + 1 < s1
        && doc.kind(g) == Some(TokenKind::Word)
        && doc.lex.is_collective_noun(doc.lw(g))
        && doc.mention_at(g).is_none();
    if !ok {
        return None;
    }
    let v = doc.skip_adverbs(g + 1, s1);
    let subject = v < s1 && doc.is_verb_at(v) && !doc.is(v, crate::syntax::Class::Participle)
        || doc.lw(v) == "who"
        || doc.deprel_at(g) == Some(crate::syntax::Deprel::Nsubj);
    subject.then_some(g + 1)
}

fn collective_group(doc: &Doc, g: usize, s0: usize, s1: usize) -> Option<usize> {
    use crate::syntax::Class;
    let plain = |k: usize| {
        let w = doc.lw(k);
        content_word(doc, k)
            && w.len() > 2
            && !doc.is(k, Class::Verbish)
            // "retailers' groups": a collective noun as a possessive modifier.
            && (!doc.lex.is_collective_noun(w) || doc.kind(k + 1) == Some(TokenKind::Possessive))
            && !doc.lex.is_time_word(w)
            && doc.mention_at(k).is_none()
    };
    // A hyphenated modifier is one word: "late-shift workers", not "shift
    // workers"; its parts may be time words ("night-shift nurses").
    let part =
        |k: usize| plain(k) || doc.lex.is_time_word(doc.lw(k)) && doc.mention_at(k).is_none();
    let hyphen_after = |k: usize| {
        doc.lw(k + 1) == "-"
            && doc.tokens.get(k + 1).is_some_and(|t| !t.space_before)
            && doc.tokens.get(k + 2).is_some_and(|t| !t.space_before)
            && k + 2 < s1
            && part(k)
            && part(k + 2)
    };
    // Never from the inside of a compound ("the night-shift nurses" is not
    // a group "shift nurses").
    let glued =
        doc.tokens.get(g).is_some_and(|t| !t.space_before) && g > s0 && doc.lw(g - 1) == "-";
    if !plain(g) && !hyphen_after(g) || glued {
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
        // "were costing businesses": after an auxiliary the word is a
        // verb, and the group its object.
        let after_aux = doc.is(p, Class::Aux) || doc.lex.is_be_form(doc.lw(p));
        if bare || after_aux {
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
    if hyphen_after(g) {
        k = g + 3;
    }
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

//! Proposal noun phrases: find a head noun, walk left over its premodifiers
//! and right over its complement, and record the features merging needs.
//!
//! Without a part-of-speech tagger, word classes come from the closed lists
//! in [`super::lex`]: a phrase never extends left over a preposition,
//! conjunction, pronoun, auxiliary or cue verb; -ed/-ing/-ly words and plural
//! -s words are only kept when a determiner or possessive closes the phrase
//! ("an updated peace framework" but not "imposing restrictions"). Each walk
//! is bounded (8 tokens left, 12 right), so the pass is O(n).

use crate::tokenize::TokenKind;

use crate::doc::Doc;
use crate::lexicon::{Family, Head, Strength};
use crate::syntax::Class;

/// Longest premodifier walk, in tokens.
const MAX_LEFT: usize = 8;
/// Longest complement or description walk, in tokens.
const MAX_RIGHT: usize = 12;
/// Longest description, in words.
const MAX_DESC_WORDS: usize = 15;

/// A candidate proposal mention in one sentence (global token indices).
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Sentence index.
    pub sentence: usize,
    /// The head noun token.
    pub head_tok: usize,
    /// The head noun.
    pub head: Head,
    /// First token of the phrase, determiners included.
    pub np_start: usize,
    /// First token of the clean name (determiners, quantifiers and "earlier" dropped).
    pub name_start: usize,
    /// One past the last token of the name.
    pub name_end: usize,
    /// Description clause after the name (token range), if any.
    pub desc: Option<(usize, usize)>,
    /// A determiner or possessive opens the phrase.
    pub has_det: bool,
    /// Opens with "the", "this", "that", "these" or "those".
    pub definite: bool,
    /// Lower-case content modifiers (not determiners/quantifiers/tags).
    pub content: Vec<String>,
    /// A topic modifier ("peace", "security") is present.
    pub topic: bool,
    /// Actors named among the premodifiers ("Trump-Putin summit").
    pub actors: Vec<usize>,
    /// The possessor actor ("America’s peace blueprint").
    pub possessor: Option<usize>,
    /// A numeric modifier ("28-point").
    pub number: Option<String>,
    /// Marked as an earlier version ("earlier", "original").
    pub old: bool,
    /// Marked as a newer version ("updated", "revised").
    pub new: bool,
    /// Lower-case content words of the complement ("on Ukrainian military strength").
    pub complement: Vec<String>,
    /// Followed by "to" + a verb ("plans to travel").
    pub to_verb: bool,
}

impl Candidate {
    /// No identifying modifier or complement: refers back to an earlier proposal.
    pub fn is_bare(&self) -> bool {
        self.content.is_empty()
            && self.complement.is_empty()
            && self.number.is_none()
            && self.actors.is_empty()
    }

    /// Number of identifying words (for choosing the fullest name).
    pub fn weight(&self) -> usize {
        self.content.len() + self.complement.len() + usize::from(self.number.is_some())
    }
}

/// Finds the candidate proposal phrases of sentence `s`, in text order.
pub fn candidates(doc: &Doc, s: usize) -> Vec<Candidate> {
    let r = doc.sentence_range(s);
    let mut out = Vec::new();
    for h in r.clone() {
        if doc.kind(h) != Some(TokenKind::Word) {
            continue;
        }
        let Some(head) = doc.lex.head(doc.lw(h)) else {
            continue;
        };
        // "ceasefire arrangement": the last noun of a compound is the head.
        if h + 1 < r.end && doc.is(h + 1, Class::ProposalHead) {
            continue;
        }
        if !capitalisation_ok(doc, h, r.start, r.end) {
            continue;
        }
        // "the First Amendment", "Open Science Framework": a named actor.
        if doc.mention_at(h).is_some() {
            continue;
        }
        if head.verb_too && reads_as_verb(doc, h, r.start) {
            continue;
        }
        if let Some(c) = build(doc, s, h, head, r.start, r.end) {
            // A head inside this phrase's modifiers ("a ceasefire and
            // hostage release deal") is not a proposal of its own.
            while out
                .last()
                .is_some_and(|p: &Candidate| p.head_tok >= c.np_start)
            {
                out.pop();
            }
            out.push(c);
        }
    }
    out
}

/// A capitalised head is only a proposal inside a title ("Paris Agreement"),
/// never the start of a name ("Bill Clinton").
fn capitalisation_ok(doc: &Doc, h: usize, s0: usize, s1: usize) -> bool {
    if !doc.is_cap(h) || h == s0 {
        return true;
    }
    let all_caps = doc.tok(h).chars().all(|c| !c.is_lowercase());
    if all_caps {
        return true;
    }
    doc.is_cap(h - 1) && !(h + 1 < s1 && doc.is_cap(h + 1))
}

/// "he plans to", "which limits", "Russia demands a…": verb, not noun.
fn reads_as_verb(doc: &Doc, h: usize, s0: usize) -> bool {
    if h == s0 {
        return false;
    }
    let prev = doc.lw(h - 1);
    let plural = doc.lw(h).ends_with('s');
    if doc.lex.is_verb_subject(prev)
        || doc.is(h - 1, Class::Aux)
        || doc.is(h - 1, Class::Neg)
        || (plural && matches!(prev, "that" | "which"))
    {
        return true;
    }
    let after = doc.lw(h + 1);
    // "studying eye movements offers an insight", "and offer the lessons".
    if doc.is(h + 1, Class::Det) && !matches!(after, "that" | "which" | "what" | "whose") {
        return true;
    }
    let noun_follows =
        doc.is(h + 1, Class::Prep) && after != "to" || doc.kind(h + 1) != Some(TokenKind::Word);
    if doc.mention_at(h - 1).is_some() && doc.kind(h - 1) == Some(TokenKind::Word) {
        return !noun_follows;
    }
    false
}

/// Words that may be a verb or a plural and so need a closing determiner.
fn tentative(doc: &Doc, k: usize) -> bool {
    let w = doc.lw(k);
    doc.is(k, Class::Participle)
        || (w.len() > 4 && w.ends_with("ly"))
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !doc.is(k, Class::Topic))
}

fn build(doc: &Doc, s: usize, h: usize, head: Head, s0: usize, s1: usize) -> Option<Candidate> {
    // ---- left: premodifiers ----
    let mut start = h;
    let mut pending: Option<usize> = None; // rightmost tentative token
    let mut has_det = false;
    let mut force_next = false;
    let mut j = h;
    while j > s0 && h - j < MAX_LEFT {
        let k = j - 1;
        let w = doc.lw(k);
        let tok = doc.tokens[k];
        match tok.kind {
            TokenKind::Possessive => {
                has_det = true;
                pending = None;
            }
            TokenKind::Punct => {
                let glued = !tok.space_before && !doc.tokens[k + 1].space_before && k > s0;
                // "100%", "$5bn", "€2 billion" belong to the phrase.
                let amount = (w == "%"
                    && !tok.space_before
                    && doc.kind(k.wrapping_sub(1)) == Some(TokenKind::Number))
                    || (matches!(w, "$" | "€" | "£") && doc.kind(k + 1) == Some(TokenKind::Number));
                if !(w == "-" && glued || amount) {
                    break;
                }
            }
            TokenKind::Number => {}
            TokenKind::Word => {
                if doc.is(k, Class::Det) {
                    // "that" before a plural is a relative pronoun.
                    if !(w == "that" && doc.lw(h).ends_with('s')) && w != "which" {
                        start = k;
                        has_det = true;
                        pending = None;
                    }
                    break;
                }
                let in_mention = doc.mention_at(k).is_some();
                let force = std::mem::take(&mut force_next);
                // "a climate and tax bill": coordinated modifiers.
                let coordinated = matches!(w, "and" | "or")
                    && k > s0
                    && k + 1 < h
                    && (doc.is(k - 1, Class::Topic) || is_known_modifier(doc, k - 1))
                    && (doc.is(k + 1, Class::Topic) || is_known_modifier(doc, k + 1));
                let stop = !in_mention
                    && !coordinated
                    && !force
                    && (doc.is(k, Class::Prep)
                        || doc.is(k, Class::Conj)
                        || doc.is(k, Class::Pron)
                        || doc.is(k, Class::Aux)
                        || doc.is(k, Class::Neg)
                        || doc.is(k, Class::CommonVerb)
                        || (doc.is(k, Class::Cue) && !doc.is(k, Class::Quantifier))
                        || (doc.is(k, Class::ProposalHead) && k + 1 != h));
                if stop {
                    break;
                }
                force_next = coordinated;
                if !in_mention && !doc.is_cap(k) && tentative(doc, k) && !is_known_modifier(doc, k)
                {
                    // Keep a possible verb only when a determiner closes the
                    // phrase within three plain modifiers ("the updated …",
                    // "a hastily drafted …", "a revised customs …").
                    if !closed_by_determiner(doc, k, s0)
                        || doc.lw(k - 1) == "that" && doc.lw(h).ends_with('s')
                    {
                        break;
                    }
                    pending.get_or_insert(k);
                }
            }
        }
        start = k;
        j = k;
    }
    if let Some(p) = pending {
        if !has_det {
            start = p + 1;
        }
    }
    // "to add new restrictions": the word after an infinitive "to" is a verb
    // (but not in "agree to ceasefire deal").
    if !has_det && start > s0 && start < h && doc.lw(start - 1) == "to" {
        let modifier = doc.mention_at(start).is_some()
            || doc.is_cap(start)
            || doc.is(start, Class::Topic)
            || doc.is(start, Class::Quantifier)
            || is_known_modifier(doc, start)
            || doc.is(start, Class::ProposalHead)
            || doc.kind(start) != Some(TokenKind::Word);
        if !modifier {
            start += 1;
        }
    }
    // Possessive at the very start ("’s plan" after a cut) is not a phrase start.
    while start < h && doc.kind(start) == Some(TokenKind::Possessive) {
        start += 1;
    }

    // ---- features of the premodifiers ----
    let mut c = Candidate {
        sentence: s,
        head_tok: h,
        head,
        np_start: start,
        name_start: start,
        name_end: h + 1,
        desc: None,
        has_det,
        definite: matches!(doc.lw(start), "the" | "this" | "that" | "these" | "those"),
        content: Vec::new(),
        topic: false,
        actors: Vec::new(),
        possessor: None,
        number: None,
        old: false,
        new: false,
        complement: Vec::new(),
        to_verb: false,
    };
    let mut name_start = None;
    for k in start..h {
        let w = doc.lw(k);
        let kind = doc.kind(k);
        if let Some(m) = doc.mention_at(k) {
            if !c.actors.contains(&m.actor) {
                c.actors.push(m.actor);
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
                    if doc.mention_at(k).is_none() && !after_number {
                        c.content.push(w.to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    c.name_start = name_start.unwrap_or(h);

    // ---- right: complement and description ----
    let next = doc.lw(h + 1);
    let after = h + 1;
    if next == "to" && after + 1 < s1 && verb_like_base(doc, after + 1) {
        c.to_verb = true;
    }
    let relational = head.strength == Strength::Relational;
    let plain = c.content.is_empty() && c.actors.is_empty() && c.number.is_none();
    let mut name_end = h + 1;
    if after < s1 {
        if complement_prep(doc, after) {
            let end = walk_np(doc, after + 1, s1);
            if end > after + 1 && !is_time_expression(doc, after + 1, end) {
                c.complement = content_words(doc, after + 1, end);
                if relational || plain || head.family == Family::Sanction {
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
    Some(c)
}

/// Is there a determiner or possessive within three modifier words left of `k`?
fn closed_by_determiner(doc: &Doc, k: usize, s0: usize) -> bool {
    let mut j = k;
    for _ in 0..3 {
        if j <= s0 {
            return false;
        }
        j -= 1;
        let w = doc.lw(j);
        if doc.is(j, Class::Det) && w != "which" || doc.kind(j) == Some(TokenKind::Possessive) {
            return true;
        }
        let plain = doc.kind(j) == Some(TokenKind::Word)
            && doc.mention_at(j).is_none()
            && !doc.is_cap(j)
            && !doc.is(j, Class::ActingBody)
            && (doc.is(j, Class::Adverb)
                || doc.is(j, Class::Topic)
                || doc.is(j, Class::Quantifier)
                || is_known_modifier(doc, j)
                || tentative(doc, j))
            && !(doc.is(j, Class::Prep)
                || doc.is(j, Class::Conj)
                || doc.is(j, Class::Pron)
                || doc.is(j, Class::Aux)
                || doc.is(j, Class::CommonVerb)
                || doc.is(j, Class::Cue));
        if !plain {
            return false;
        }
    }
    false
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

/// "1990", "2016": a year, not an identifying number.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// Participles used as adjectives before a noun ("the proposed ban").
fn is_known_modifier(doc: &Doc, k: usize) -> bool {
    doc.is(k, Class::NewTag) || doc.is(k, Class::Topic) || doc.lex.is_listed_modifier(doc.lw(k))
}

/// Could token `k` be a verb's base form ("to travel")?
fn verb_like_base(doc: &Doc, k: usize) -> bool {
    let w = doc.lw(k);
    !w.is_empty()
        && !doc.is(k, Class::Det)
        && !w.ends_with("ed")
        && !w.ends_with('s')
        && w.chars().all(char::is_alphabetic)
        && !doc.is(k, Class::ProposalHead)
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
                if doc.mention_at(k).is_some() || doc.is_cap(k) {
                    true
                } else if w == "of" {
                    k > i
                } else if w == "and" || w == "or" {
                    doc.is_cap(k + 1) && !doc.is(k + 1, Class::Det)
                } else {
                    !(doc.is(k, Class::Prep)
                        || doc.is(k, Class::ClauseWord)
                        || doc.is(k, Class::Conj)
                        || doc.is(k, Class::Aux)
                        || doc.is(k, Class::Pron) && !doc.is(k, Class::Det)
                        || doc.is(k, Class::Cue)
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

/// Walks a clause (participial or relative) from `i` to the next boundary.
fn walk_clause(doc: &Doc, i: usize, s1: usize) -> usize {
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

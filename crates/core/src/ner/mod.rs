//! Named-entity recognition: finds name mentions and labels them.
//!
//! Rule-based, in three passes over the story tokens:
//! 1. **Document evidence**: which capitalised words appear mid-sentence
//!    (so are names here) and which words appear in lower case (so a
//!    sentence-initial capital is just a capital); which sentences are
//!    title-case or all-caps headlines.
//! 2. **Chunking**: runs of capitalised words, joined by initials
//!    ("J. R. R. Tolkien"), glued hyphens ("Jean-Claude"), "of" after head
//!    words ("University of X"), "&" and name particles ("van"); leading
//!    function words ("The"), sentence-initial common words and titles
//!    ("President", "Mr.") are stripped (titles are kept for descriptions);
//!    headline words must be confirmed by the body or a gazetteer.
//! 3. **Labelling**: knowledge base, title, organisation/place head words,
//!    gazetteers (given names, places), acronyms, learned head-word
//!    statistics and context ("in X", "X said"); then one label per name
//!    per document, the strongest evidence winning, and a person's surname
//!    inheriting the person label.
//!
//! Complexity: O(n) in the number of tokens (hash lookups per token; the
//! chunk extension never revisits a token).

use crate::hash::{FastMap, FastSet, FastSet as HashSet};

use crate::doc::Doc;
use crate::model::{ActorKind, MentionForm, Span};
use crate::tokenize::TokenKind;

/// A recognised name: what the `ner` component writes to [`Doc::ents`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ent {
    /// Byte span of the name (titles and determiners left out).
    pub span: Span,
    /// What it names.
    pub label: ActorKind,
    /// How sure the recogniser is of `label`, in `0.0..=1.0`; when one
    /// actor's names get different labels, the highest score wins.
    pub score: f32,
}

/// A title or office: written before a name ("President" in "President
/// Zelenskyy") or standing for its holder ("The President").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    /// Byte span of the title.
    pub span: Span,
    /// Index in [`Doc::ents`] of the name it precedes; `None` when it stands
    /// alone and refers to a person named elsewhere.
    pub of: Option<usize>,
}

/// The score a recogniser strength (0 for a default guess to 7 for a
/// person's surname with strong evidence) maps to.
pub const fn score_of(strength: u8) -> f32 {
    strength as f32 / MAX_STRENGTH as f32
}

/// The strongest evidence the rules know.
const MAX_STRENGTH: u8 = 7;

/// The strength of a title: a standalone title ("The President") names a
/// person with this score.
pub const TITLE_SCORE: f32 = score_of(5);

/// A recognised mention before the names and titles are split apart.
#[derive(Debug, Clone, PartialEq)]
struct EntityMention {
    /// Byte span of the name.
    pub span: Span,
    /// Its kind.
    pub kind: ActorKind,
    /// How it refers.
    pub form: MentionForm,
    /// A title written just before the name ("President", "Prime Minister").
    pub title: Option<Span>,
    /// How much evidence backs `kind`, 0 (a default guess) to
    /// [`MAX_STRENGTH`]; used to settle merged actors' kinds.
    pub confidence: u8,
}

/// How sure a label is; higher wins when one name gets several labels.
type Strength = u8;

/// A candidate name: token range `a..b` (document token indices).
#[derive(Debug, Clone)]
struct Cand {
    a: usize,
    b: usize,
    title: Option<(usize, usize)>,
    form: MentionForm,
    /// A label forced by the chunker (titles → person).
    forced: Option<ActorKind>,
}

/// Fills [`Doc::ents`] and [`Doc::titles`] (reads the tokens).
pub struct Recognizer;

impl crate::pipeline::Component for Recognizer {
    fn name(&self) -> &'static str {
        "ner"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        let (ents, titles) = split(recognize(doc));
        doc.ents = ents;
        doc.titles = titles;
    }
}

/// Names and titles, each in text order, from the rules' mentions.
fn split(mentions: Vec<EntityMention>) -> (Vec<Ent>, Vec<Title>) {
    let mut ents = Vec::with_capacity(mentions.len());
    let mut titles = Vec::new();
    for m in mentions {
        if m.form == MentionForm::Role {
            titles.push(Title {
                span: m.span,
                of: None,
            });
            continue;
        }
        if let Some(t) = m.title {
            titles.push(Title {
                span: t,
                of: Some(ents.len()),
            });
        }
        ents.push(Ent {
            span: m.span,
            label: m.kind,
            score: score_of(m.confidence),
        });
    }
    (ents, titles)
}

/// Finds entity mentions in the story sentences, in text order.
fn recognize(doc: &Doc) -> Vec<EntityMention> {
    let r = Rules::new(doc);
    let mut cands = Vec::new();
    for s in 0..doc.sentences.len() {
        match r.headline[s] {
            Headline::No => r.chunk_sentence(s, &mut cands),
            _ => r.chunk_headline(s, &mut cands),
        }
    }
    let cands = r.split_hyphenated(cands);
    r.label(cands)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Headline {
    No,
    TitleCase,
    AllCaps,
}

struct Rules<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Capitalised words seen mid-sentence in body text.
    known_mid: FastSet<&'a str>,
    /// Capitalised words seen mid-sentence on their own (not next to
    /// another capitalised word).
    known_single: FastSet<&'a str>,
    /// Words seen starting with a lower-case letter.
    lower_doc: FastSet<&'a str>,
    /// Per sentence: is it a headline?
    headline: Vec<Headline>,
}

fn first_char(w: &str) -> Option<char> {
    w.chars().next()
}

fn is_cap(w: &str) -> bool {
    first_char(w).is_some_and(char::is_uppercase)
}

/// All letters upper case and at least two letters ("NASA", "U.S.").
fn is_acronym(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

impl<'d, 'a> Rules<'d, 'a> {
    fn new(doc: &'d Doc<'a>) -> Self {
        // Sized for a typical article up front (growing a table rehashes it);
        // capped so that a huge text does not reserve far more than it uses.
        let n = doc.tokens.len();
        let sized = |k: usize| FastSet::with_capacity_and_hasher(k.min(8192), Default::default());
        let mut r = Rules {
            doc,
            known_mid: sized(n / 16),
            known_single: sized(n / 32),
            lower_doc: sized(n / 3),
            headline: Vec::with_capacity(doc.sentences.len()),
        };
        for s in 0..doc.sentences.len() {
            let h = r.detect_headline(s);
            r.headline.push(h);
        }
        for s in 0..doc.sentences.len() {
            if r.headline[s] != Headline::No {
                continue;
            }
            for g in doc.sentence_tokens.get(s).cloned().unwrap_or(0..0) {
                if doc.tokens[g].kind != TokenKind::Word {
                    continue;
                }
                let w = doc.tok(g);
                if is_cap(w) {
                    if !r.is_initial(g) {
                        r.known_mid.insert(w);
                        let capw = |k: usize| {
                            doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                                && is_cap(doc.tok(k))
                        };
                        let left = g > 0 && capw(g - 1);
                        if !left && !capw(g + 1) {
                            r.known_single.insert(w);
                        }
                    }
                } else if first_char(w).is_some_and(char::is_lowercase) {
                    r.lower_doc.insert(w);
                }
            }
        }
        r
    }

    fn lx(&self) -> &'a crate::lexicon::Lexicon {
        self.doc.lex
    }

    fn kb(&self) -> &'a crate::kb::Kb {
        self.doc.kb
    }

    fn w(&self, g: usize) -> &'a str {
        self.doc.tok(g)
    }

    fn kind(&self, g: usize) -> Option<TokenKind> {
        self.doc.tokens.get(g).map(|t| t.kind)
    }

    fn space_before(&self, g: usize) -> bool {
        self.doc.tokens.get(g).is_some_and(|t| t.space_before)
    }

    /// A capitalised word that can be part of a name.
    fn capword(&self, g: usize) -> bool {
        self.kind(g) == Some(TokenKind::Word) && {
            let w = self.w(g);
            let month_may = w == "May" && self.kind(g + 1) == Some(TokenKind::Number);
            let contraction = w.starts_with("I'") || w.starts_with("I’");
            is_cap(w) && !self.lx().is_never_name(w) && !contraction && !month_may
        }
    }

    /// A capitalised word glued after a lower-case prefix ("pro-Beijing").
    fn after_prefix(&self, g: usize) -> bool {
        g >= 2
            && !self.space_before(g)
            && matches!(self.w(g - 1), "-" | "‐")
            && !self.space_before(g - 1)
            && first_char(self.w(g - 2)).is_some_and(char::is_lowercase)
    }

    /// Is token `g` the first word of its sentence (or of a quotation)?
    fn is_initial(&self, g: usize) -> bool {
        let Some(t) = self.doc.tokens.get(g) else {
            return false;
        };
        let start = self
            .doc
            .sentence_tokens
            .get(t.sentence_index())
            .map_or(g, |r| r.start);
        let mut k = g;
        while k > start {
            k -= 1;
            match self.kind(k) {
                Some(TokenKind::Punct) => {
                    let p = self.w(k);
                    if matches!(p, "“" | "\"" | "‘" | ":" | "—" | "–") {
                        return true;
                    }
                    if !matches!(p, "(" | "[" | "'" | "-" | "*" | "•") {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        true
    }

    fn detect_headline(&self, s: usize) -> Headline {
        let range = self.doc.sentence_tokens.get(s).cloned().unwrap_or(0..0);
        let (mut words, mut caps, mut upper, mut content) = (0, 0, 0, 0);
        let mut last_punct = "";
        for g in range.clone() {
            match self.kind(g) {
                Some(TokenKind::Word) => {
                    let w = self.w(g);
                    words += 1;
                    if is_acronym(w) && w.chars().count() > 1 {
                        upper += 1;
                    }
                    if w.chars().count() > 3 || is_cap(w) {
                        content += 1;
                        if is_cap(w) {
                            caps += 1;
                        }
                    }
                }
                Some(TokenKind::Punct) => last_punct = self.w(g),
                _ => {}
            }
        }
        let ends_with_stop = range
            .clone()
            .last()
            .is_some_and(|g| matches!(self.w(g), "." | "!" | "?" | "”" | "\""));
        let _ = last_punct;
        // A short line on its own ("Election Results", "Figure 2"): a heading.
        let heading = (1..=4).contains(&words) && !ends_with_stop && caps == content && {
            let sp = self.doc.sentences.get(s).copied().unwrap_or_default();
            let i = self.doc.paragraphs.partition_point(|p| p.end < sp.end);
            self.doc
                .paragraphs
                .get(i)
                .is_some_and(|p| p.start == sp.start && p.end == sp.end)
        };
        if words >= 3 && upper * 10 >= words * 8 {
            Headline::AllCaps
        } else if (words >= 3 && !ends_with_stop && caps * 10 >= content * 7) || heading {
            Headline::TitleCase
        } else {
            Headline::No
        }
    }

    /// Extends a run of name tokens starting at capitalised word `i`; returns
    /// the end (exclusive), never past `end`.
    fn extend(&self, i: usize, end: usize) -> usize {
        let mut j = i + 1;
        while j < end {
            let w = self.w(j);
            let prev = self.w(j - 1);
            let sp = self.space_before(j);
            if self.capword(j) && sp && !self.lx().is_function_word(w) {
                // "NASA Bill Ingalls": an acronym does not run into a person.
                if is_acronym(prev)
                    && self.lx().is_first_name(w)
                    && j + 1 < end
                    && self.capword(j + 1)
                {
                    break;
                }
                j += 1;
                continue;
            }
            if w == "." && !sp && j + 1 < end && self.capword(j + 1) {
                let single = prev.chars().count() == 1 && is_cap(prev);
                let abbrev = matches!(prev, "St" | "Mt" | "Ft" | "Pt");
                if single || abbrev || self.lx().is_title(prev) {
                    j += 2;
                    continue;
                }
            }
            if matches!(w, "-" | "‐") && !sp && j + 1 < end && !self.space_before(j + 1) {
                if self.kind(j + 1) == Some(TokenKind::Word) {
                    let nw = self.w(j + 1);
                    // "Cheuk-yan" joins; "Open-minded" does not.
                    let common_left =
                        !is_cap(nw) && j - 1 == i && self.lx().is_lowercase_word(&lower(prev));
                    if is_cap(nw) || (!self.lx().is_lowercase_word(nw) && !common_left) {
                        j += 2;
                        continue;
                    }
                }
                // "Facility-1".
                if self.kind(j + 1) == Some(TokenKind::Number)
                    && (j + 2 >= end || self.space_before(j + 2))
                {
                    j += 2;
                    continue;
                }
            }
            if w == "of" && self.lx().joins_of(prev) {
                let k = if self.w(j + 1) == "the" { j + 2 } else { j + 1 };
                if k < end && self.capword(k) {
                    j = k + 1;
                    continue;
                }
            }
            if w == "&" && j + 1 < end && self.capword(j + 1) {
                j += 2;
                continue;
            }
            // "National Air and Space Museum": "and" inside a name whose
            // head comes after it (bounded look-ahead).
            if w == "and" && !self.lx().is_org_head(prev) && !self.lx().is_place_head(prev) {
                let mut k = j + 1;
                while k < end && k < j + 6 && self.capword(k) && self.space_before(k) {
                    k += 1;
                }
                if k > j + 1 {
                    let head = self.w(k - 1);
                    if self.lx().is_org_head(head) || self.lx().is_place_head(head) {
                        j = k;
                        continue;
                    }
                }
            }
            if self.lx().is_name_particle(w) && sp && j + 1 < end && self.capword(j + 1) {
                j += 2;
                continue;
            }
            if self.kind(j) == Some(TokenKind::Possessive)
                && matches!(prev, "People" | "Women" | "Children" | "Men" | "Workers")
                && j + 1 < end
                && self.capword(j + 1)
            {
                j += 2;
                continue;
            }
            break;
        }
        j
    }

    /// Is `w` (capitalised) a common word here: a function word, usually
    /// lower case in English, or written in lower case in this document?
    fn is_common(&self, w: &str) -> bool {
        if self.lx().is_function_word(w) {
            return true;
        }
        let l = lower(w);
        let singular = l.strip_suffix('s').filter(|s| s.len() > 2);
        self.lx().is_lowercase_word(&l)
            || self.lower_doc.contains(l.as_str())
            || singular
                .is_some_and(|s| self.lx().is_lowercase_word(s) || self.lower_doc.contains(s))
    }

    /// Is `w` known as a name from a gazetteer or the knowledge base?
    fn is_gazetteer_name(&self, w: &str) -> bool {
        self.kb().lookup(w).is_some()
            || self.kb().is_place(w)
            || self.lx().is_first_name(w)
            || self.kb().demonym(w).is_some()
    }

    /// Should a capitalised word at the start of a sentence begin a name?
    fn accept_initial(&self, g: usize, run_len: usize) -> bool {
        let w = self.w(g);
        if self.lx().is_function_word(w) {
            return false;
        }
        if self.known_mid.contains(w) && (run_len > 1 || self.known_single.contains(w)) {
            return true;
        }
        if self.is_common(w) {
            // "Will Smith" yes, "Will" no.
            return run_len > 1 && self.is_gazetteer_name(w);
        }
        if self.known_mid.contains(w) || self.is_gazetteer_name(w) || is_acronym(w) || run_len > 1 {
            return true;
        }
        // An unknown single word: a name only with a name-like follower.
        let next = g + 1;
        self.kind(next) == Some(TokenKind::Possessive) || self.lx().is_say_verb(self.w(next))
    }

    fn chunk_sentence(&self, s: usize, out: &mut Vec<Cand>) {
        let range = self.doc.sentence_tokens.get(s).cloned().unwrap_or(0..0);
        let mut g = range.start;
        while g < range.end {
            if !self.capword(g) || self.after_prefix(g) {
                g += 1;
                continue;
            }
            let b = self.extend(g, range.end);
            self.process_run(g, b, out);
            g = b;
        }
    }

    /// Headlines: only words confirmed by the body or a gazetteer count.
    fn chunk_headline(&self, s: usize, out: &mut Vec<Cand>) {
        let range = self.doc.sentence_tokens.get(s).cloned().unwrap_or(0..0);
        let all_caps = self.headline.get(s) == Some(&Headline::AllCaps);
        let upper_known: HashSet<String> = if all_caps {
            self.known_mid.iter().map(|w| w.to_uppercase()).collect()
        } else {
            HashSet::default()
        };
        let confirmed = |g: usize| -> bool {
            if self.kind(g) != Some(TokenKind::Word) {
                return false;
            }
            let w = self.w(g);
            if self.lx().is_function_word(w) || self.lx().is_never_name(w) || !is_cap(w) {
                return false;
            }
            if all_caps {
                return upper_known.contains(w) || self.kb().lookup(w).is_some();
            }
            self.known_mid.contains(w)
                || self.kb().lookup(w).is_some()
                || (self.kb().is_place(w) && !self.is_common(w))
        };
        let mut g = range.start;
        while g < range.end {
            if !confirmed(g) {
                g += 1;
                continue;
            }
            let mut b = g + 1;
            while b < range.end && confirmed(b) && self.space_before(b) {
                b += 1;
            }
            self.emit(g, b, out);
            g = b;
        }
    }

    /// Strips function words, sentence-initial common words and titles from
    /// the run `a..b` and emits what remains.
    fn process_run(&self, mut a: usize, b: usize, out: &mut Vec<Cand>) {
        // Leading function words and a sentence-initial common word.
        while a < b {
            let w = self.w(a);
            let initial = self.is_initial(a);
            if self.lx().is_function_word(w) || (initial && !self.accept_initial(a, b - a)) {
                a += 1;
            } else {
                break;
            }
        }
        if a >= b || !self.capword(a) {
            return;
        }
        // A title inside the run: "U.S. President Donald Trump".
        let mut k = a;
        while k < b && !self.lx().is_title(self.w(k)) {
            k += 1;
        }
        if k < b {
            let mut t_end = k;
            while t_end < b {
                let w = self.w(t_end);
                if self.lx().is_title(w) || (w == "." && t_end > k) {
                    t_end += 1;
                } else if w == "of" && t_end > k && t_end + 1 < b {
                    t_end += 2;
                } else {
                    break;
                }
            }
            let weak = (k..t_end).all(|g| self.lx().is_weak_title(self.w(g)) || self.w(g) == ".");
            let has_name = t_end < b;
            // "Duke University", "Foreign Affairs": not a title and a name.
            let head = self.w(b - 1);
            if has_name && (self.lx().is_org_head(head) || self.lx().is_place_head(head)) {
                self.emit(a, b, out);
                return;
            }
            if has_name && b - t_end == 1 && self.is_common(head) {
                return;
            }
            let general_ok = self.w(k) != "General" || self.lx().is_first_name(self.w(t_end));
            if !weak || (has_name && t_end - k == 1 && general_ok) {
                // "Senate Majority Leader", "House Speaker", "State Department
                // Spokesperson": words before the title that are not a name
                // of their own belong to it; "U.S." or "NASA" do not.
                let mut k = k;
                if k > a {
                    let prefix = self.slice(a, k);
                    let own_name = self.kb().lookup(prefix).is_some()
                        || is_acronym(prefix)
                        || self.kb().is_place(prefix)
                        || (k - a == 1 && self.is_adjective(a))
                        || self.kb().demonym(prefix).is_some();
                    if own_name {
                        self.emit(a, k, out);
                    } else {
                        k = a;
                    }
                }
                let mut t_last = t_end;
                while t_last > k && self.w(t_last - 1) == "." {
                    t_last -= 1;
                }
                if has_name {
                    out.push(Cand {
                        a: t_end,
                        b,
                        title: Some((k, t_end)),
                        form: MentionForm::Name,
                        forced: Some(ActorKind::Person),
                    });
                } else if !self.is_initial(k) || k > a {
                    out.push(Cand {
                        a: k,
                        b: t_last,
                        title: None,
                        form: MentionForm::Role,
                        forced: Some(ActorKind::Person),
                    });
                }
                return;
            }
        }
        self.emit(a, b, out);
    }

    /// Emits `a..b` as a candidate unless it is a lone adjective.
    fn emit(&self, a: usize, b: usize, out: &mut Vec<Cand>) {
        if a >= b {
            return;
        }
        if b - a == 1 {
            let w = self.w(a);
            if !w.ends_with('s') && self.is_adjective(a) {
                return;
            }
        }
        let text = self.slice(a, b);
        // "(D-Mass.)", "R-Texas": party and state, not a name.
        if b - a >= 3 && self.w(a).len() == 1 && self.w(a + 1) == "-" {
            return;
        }
        if !text.ends_with('s')
            && self.kb().lookup(text).is_none()
            && !self.kb().is_place(text)
            && self.is_demonym_of_place(text)
        {
            return;
        }
        out.push(Cand {
            a,
            b,
            title: None,
            form: MentionForm::Name,
            forced: None,
        });
    }

    /// A singular demonym or nationality adjective ("Russian", "Indonesian").
    fn is_adjective(&self, g: usize) -> bool {
        let w = self.w(g);
        let next_lower = self.kind(g + 1) == Some(TokenKind::Word)
            && first_char(self.w(g + 1)).is_some_and(char::is_lowercase);
        // "Myanmar" is a country's name and its adjective: a name here.
        let entry = self.kb().lookup(w);
        let own_name = entry.is_some_and(|e| e.name == w);
        let demonym = !own_name && self.kb().demonym(w).is_some();
        if demonym && next_lower {
            // "Saudi officials".
            return true;
        }
        if entry.is_some() || self.kb().is_place(w) {
            return false;
        }
        if demonym || (w.ends_with("ist") && !self.lx().is_surname(w)) {
            return true;
        }
        next_lower
            && self
                .lx()
                .words(crate::lexicon::List::AdjectiveSuffixes)
                .iter()
                .any(|s| w.ends_with(s))
            && !self.lx().is_surname(w)
            && !self.lx().is_first_name(w)
            && w.chars().count() > 4
    }

    /// Splits "Trump-Putin" into two names when both halves are names here.
    fn split_hyphenated(&self, cands: Vec<Cand>) -> Vec<Cand> {
        let singles: FastSet<&str> = cands
            .iter()
            .map(|c| self.slice(c.a, c.b))
            .filter(|t| !t.contains('-'))
            .collect();
        let mut out = Vec::with_capacity(cands.len());
        for c in cands {
            let mut start = c.a;
            let mut pieces = Vec::new();
            for g in c.a..c.b {
                if self.w(g) == "-" && g > start && g + 1 < c.b {
                    let left = self.slice(start, g);
                    let right_end = (g + 1..c.b).find(|&h| self.w(h) == "-").unwrap_or(c.b);
                    let right = self.slice(g + 1, right_end);
                    let known = |t: &str| singles.contains(t) || self.kb().lookup(t).is_some();
                    if known(left) && known(right) {
                        pieces.push((start, g));
                        start = g + 1;
                    }
                }
            }
            if pieces.is_empty() {
                out.push(c);
            } else {
                pieces.push((start, c.b));
                for (a, b) in pieces {
                    out.push(Cand {
                        a,
                        b,
                        title: None,
                        form: c.form,
                        forced: None,
                    });
                }
            }
        }
        out
    }

    fn slice(&self, a: usize, b: usize) -> &'a str {
        let (Some(s), Some(e)) = (
            self.doc.tokens.get(a),
            b.checked_sub(1).and_then(|l| self.doc.tokens.get(l)),
        ) else {
            return "";
        };
        self.doc.slice(Span::new(s.start_byte(), e.end_byte()))
    }

    /// Number of words in `a..b` (hyphen-joined parts count once).
    fn word_count(&self, a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&g| self.kind(g) == Some(TokenKind::Word) && (g == a || self.space_before(g)))
            .count()
    }

    /// The head word: the last word, or the word before "of".
    fn head(&self, a: usize, b: usize) -> &'a str {
        (a + 1..b)
            .find(|&g| self.w(g) == "of")
            .map_or(self.w(b - 1), |g| self.w(g - 1))
    }

    /// Is `w` a singular nationality adjective made from a place name
    /// ("South Korean", "New Zealander", "Indonesian")?
    fn is_demonym_of_place(&self, text: &str) -> bool {
        let known = |t: &str| self.kb().is_place(t) || self.kb().lookup(t).is_some();
        let strip = |suf: &str, add: &str| {
            text.strip_suffix(suf)
                .is_some_and(|stem| !stem.is_empty() && known(&format!("{stem}{add}")))
        };
        strip("n", "")
            || strip("er", "")
            || strip("ian", "y")
            || strip("an", "")
            || strip("an", "a")
            || strip("ese", "")
            || strip("ese", "a")
            || strip("i", "")
            || strip("ish", "")
            || strip("ish", "land")
    }

    /// Label of one candidate from its own text and context.
    fn classify(&self, c: &Cand) -> (ActorKind, Strength) {
        if let Some(k) = c.forced {
            return (k, 5);
        }
        let text = self.slice(c.a, c.b);
        if let Some(e) = self.kb().lookup(text) {
            return (e.kind, 6);
        }
        let n = self.word_count(c.a, c.b);
        let first = self.w(c.a);
        let head = self.head(c.a, c.b);
        let last = self.w(c.b - 1);
        if n == 1
            && (self.lx().is_group_noun(last)
                || (self.kb().demonym(last).is_some() && last.ends_with('s')))
        {
            return (ActorKind::Group, 5);
        }
        if self.lx().is_org_head(head) {
            return (ActorKind::Organization, 4);
        }
        if self.lx().is_place_head(head) {
            return (ActorKind::Place, 4);
        }
        if self.kb().is_place(text) {
            return (ActorKind::Place, 4);
        }
        if n > 1 && self.lx().is_place_modifier(first) {
            let rest = self.slice(c.a + 1, c.b);
            if self.kb().is_place(rest) || self.kb().lookup(rest).is_some() {
                return (ActorKind::Place, 4);
            }
        }
        // Context.
        let next = self.w(c.b);
        let prev = c.a.checked_sub(1).map_or("", |p| self.w(p));
        let prev2 = c.a.checked_sub(2).map_or("", |p| self.w(p));
        if prev == "of" && self.lx().is_place_class(prev2) {
            return (ActorKind::Place, 3);
        }
        if next == "," {
            let after = self.w(c.b + 1);
            if self.kind(c.b + 1) == Some(TokenKind::Number) || self.lx().is_person_noun(after) {
                return (ActorKind::Person, 3);
            }
            // Appositive: "Jane Doe, an Australian woman,".
            if matches!(after, "a" | "an" | "the") {
                let person = (c.b + 2..c.b + 7)
                    .take_while(|&g| self.kind(g) == Some(TokenKind::Word))
                    .any(|g| self.lx().is_person_noun(self.w(g)));
                if person {
                    return (ActorKind::Person, 3);
                }
            }
            // "Aceh, Indonesia": a place followed by its country or state.
            if is_cap(after) {
                let mut e = c.b + 2;
                while e < c.b + 4 && self.capword(e) && self.space_before(e) {
                    e += 1;
                }
                let region = self.slice(c.b + 1, e);
                let is_region = self.kb().lookup(region).is_some_and(|k| {
                    matches!(
                        k.category,
                        crate::kb::Category::Country | crate::kb::Category::UsState
                    )
                });
                if is_region && self.kb().lookup(text).is_none() {
                    return (ActorKind::Place, 3);
                }
            }
        }
        if is_acronym(text) {
            // "WASHINGTON (Reuters)": a place name in capitals.
            if text.chars().count() > 3 && !text.contains('.') {
                let title_case: String = text
                    .split(' ')
                    .map(|w| {
                        let mut cs = w.chars();
                        cs.next().map_or(String::new(), |f| {
                            f.to_uppercase()
                                .chain(cs.flat_map(char::to_lowercase))
                                .collect()
                        })
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                if self.kb().is_place(&title_case)
                    || self
                        .kb()
                        .lookup(&title_case)
                        .is_some_and(|e| e.kind == ActorKind::Place)
                {
                    return (ActorKind::Place, 3);
                }
            }
            return (ActorKind::Organization, 3);
        }
        let initial = first.chars().count() == 1 && self.w(c.a + 1) == ".";
        if n > 1 && (self.lx().is_first_name(first) || initial) {
            return (ActorKind::Person, 3);
        }
        if let Some(h) = self.lx().head_counts(last) {
            let total: u16 = h.iter().sum();
            let (best, &cnt) = h
                .iter()
                .enumerate()
                .max_by_key(|(_, &v)| v)
                .unwrap_or((0, &0));
            if total >= 2 && cnt * 10 >= total * 7 {
                let k = [ActorKind::Person, ActorKind::Organization, ActorKind::Place][best];
                return (k, 2);
            }
        }
        if n == 1 {
            if (last.ends_with("ans") || last.ends_with("ians") || last.ends_with("is"))
                && !self.lx().is_surname(last)
                && last.chars().count() > 5
            {
                return (ActorKind::Group, 2);
            }
            if self.lx().is_first_name(last) || self.lx().is_surname(last) {
                return (ActorKind::Person, 2);
            }
        }
        if self.lx().is_say_verb(next) {
            return (ActorKind::Person, 1);
        }
        if self.kind(c.a.wrapping_sub(1)) == Some(TokenKind::Possessive) && n > 1 {
            return (ActorKind::Person, 1);
        }
        if self.lx().is_place_preposition(prev) {
            return (ActorKind::Place, 1);
        }
        if n >= 4 {
            (ActorKind::Organization, 0)
        } else {
            (ActorKind::Person, 0)
        }
    }

    /// Labels candidates, one label per name per document.
    fn label(&self, cands: Vec<Cand>) -> Vec<EntityMention> {
        let labels: Vec<(ActorKind, Strength)> = cands.iter().map(|c| self.classify(c)).collect();
        let mut best: FastMap<&str, (ActorKind, Strength)> = FastMap::default();
        for (c, &(k, s)) in cands.iter().zip(&labels) {
            let text = self.slice(c.a, c.b);
            let e = best.entry(text).or_insert((k, s));
            if s > e.1 {
                *e = (k, s);
            }
            // A person's surname is a person here.
            if k == ActorKind::Person && s >= 2 && c.b - c.a > 1 && c.form == MentionForm::Name {
                // With good evidence the surname reading beats even the
                // knowledge base ("Valeska Paris" … "Paris claims").
                let strength = if s >= 3 { 7 } else { 5 };
                let last = self.w(c.b - 1);
                let e = best.entry(last).or_insert((k, strength));
                if e.1 < strength {
                    *e = (k, strength);
                }
            }
        }
        let mut out: Vec<EntityMention> = cands
            .iter()
            .zip(labels)
            .filter_map(|(c, (k, strength))| {
                let text = self.slice(c.a, c.b);
                let unknown = strength == 0 && best.get(text).is_none_or(|b| b.1 == 0);
                if c.b - c.a == 1 && c.forced.is_none() {
                    // A lone letter, a code ("L2"), an unknown plural
                    // ("Polaroids") or a capitalised common word ("Factor").
                    let plural = text.ends_with('s') && !text.ends_with("ss");
                    if text.chars().count() == 1
                        || text.chars().any(|ch| ch.is_ascii_digit())
                        || (unknown && (plural || self.lx().is_lowercase_word(&lower(text))))
                    {
                        return None;
                    }
                }
                // "Space Shuttle", "Launch Pad": common words only, no cue.
                if unknown
                    && c.forced.is_none()
                    && (c.a..c.b).all(|g| {
                        self.kind(g) != Some(TokenKind::Word)
                            || self.lx().is_lowercase_word(&lower(self.w(g)))
                    })
                {
                    return None;
                }
                let s = self.doc.tokens.get(c.a)?.start_byte();
                let e = self.doc.tokens.get(c.b.checked_sub(1)?)?.end_byte();
                let (kind, confidence) = if c.forced.is_some() {
                    (k, strength)
                } else {
                    best.get(text).map_or((k, strength), |b| (b.0, b.1))
                };
                let title = c.title.and_then(|(ta, tb)| {
                    Some(Span::new(
                        self.doc.tokens.get(ta)?.start_byte(),
                        self.doc.tokens.get(tb.checked_sub(1)?)?.end_byte(),
                    ))
                });
                let form = if kind == ActorKind::Group && c.form == MentionForm::Name {
                    MentionForm::Demonym
                } else {
                    c.form
                };
                Some(EntityMention {
                    span: Span::new(s, e),
                    kind,
                    form,
                    title,
                    confidence,
                })
            })
            .collect();
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, ActorKind)> {
        let doc = Doc::segmented(text);
        recognize(&doc)
            .into_iter()
            .map(|m| (doc.slice(m.span).to_owned(), m.kind))
            .collect()
    }

    /// Asserts that each text yields exactly these names and kinds, in order.
    fn check(cases: &[(&str, &[(&str, ActorKind)])]) {
        for (text, want) in cases {
            let got = names(text);
            let want: Vec<(String, ActorKind)> =
                want.iter().map(|(t, k)| ((*t).to_owned(), *k)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    fn texts(text: &str) -> Vec<String> {
        names(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn table() {
        use ActorKind::*;
        let cases: &[(&str, &[(&str, ActorKind)])] = &[
            (
                "The book was written by J. R. R. Tolkien in Oxford.",
                &[("J. R. R. Tolkien", Person), ("Oxford", Place)],
            ),
            (
                "Officials in the U.S. said the deal was off.",
                &[("U.S.", Place)],
            ),
            (
                "Reporters asked Mr. Smith about the plan. Smith declined.",
                &[("Smith", Person), ("Smith", Person)],
            ),
            (
                "The report was praised by Jean-Claude Juncker on Monday.",
                &[("Jean-Claude Juncker", Person)],
            ),
            (
                "However, the talks failed. Despite this, Russia’s envoy stayed.",
                &[("Russia", Place)],
            ),
            (
                "He met Putin's aide and then Putin’s envoy.",
                &[("Putin", Person), ("Putin", Person)],
            ),
            (
                "The University of Michigan hired staff from the Labour Party.",
                &[
                    ("University of Michigan", Organization),
                    ("Labour Party", Organization),
                ],
            ),
            (
                "Many Muslims and Americans travelled there.",
                &[("Muslims", Group), ("Americans", Group)],
            ),
        ];
        check(cases);
    }

    #[test]
    fn tricky_text() {
        use ActorKind::*;
        let cases: &[(&str, &[(&str, ActorKind)])] = &[
            // Straight and curly possessives.
            (
                "Angela Merkel's visit and Merkel’s speech.",
                &[("Angela Merkel", Person), ("Merkel", Person)],
            ),
            // Sentence-initial common words are not names.
            (
                "Officials said little. Yesterday the talks ended. Earlier, nothing happened.",
                &[],
            ),
            // A sentence-initial name known from the body is kept.
            (
                "The plan came from Jeff Rathke. Rathke was clear.",
                &[("Jeff Rathke", Person), ("Rathke", Person)],
            ),
            // Weekdays and months are not names; "May" before a number neither.
            (
                "Talks resume on Monday, May 18, in Geneva.",
                &[("Geneva", Place)],
            ),
            // Titles before organisations are not titles.
            (
                "She studied at Duke University.",
                &[("Duke University", Organization)],
            ),
            // Nationality adjectives are not names.
            ("Russian officials met Indonesian fishermen.", &[]),
            // Acronyms.
            (
                "The deal was signed at NATO headquarters.",
                &[("NATO", Organization)],
            ),
            // Datelines and party-state tags.
            (
                "WASHINGTON (Reuters) — Chuck Schumer spoke.",
                &[
                    ("WASHINGTON", Place),
                    ("Reuters", Organization),
                    ("Chuck Schumer", Person),
                ],
            ),
            (
                "Sen. Elizabeth Warren (D-Mass.) spoke.",
                &[("Elizabeth Warren", Person)],
            ),
            // "and" inside a name before its head.
            (
                "It went to the National Air and Space Museum yesterday.",
                &[("National Air and Space Museum", Place)],
            ),
        ];
        check(cases);
    }

    #[test]
    fn headlines_need_confirmation() {
        let t = "PUTIN REJECTS NEW PLAN IN TALKS\n\nVladimir Putin met envoys. Putin said no.";
        let got = texts(t);
        assert_eq!(got.first().map(String::as_str), Some("PUTIN"));
        assert!(!got.iter().any(|w| w == "REJECTS" || w == "NEW PLAN"));
        let t = "Envoys Meet Putin In Moscow Talks\n\nThe envoys met Vladimir Putin in Moscow.";
        let got = texts(t);
        assert!(got.contains(&"Putin".to_owned()));
        assert!(!got
            .iter()
            .any(|w| w.contains("Envoys") || w.contains("Talks")));
    }

    #[test]
    fn titles_are_stripped() {
        let doc = Doc::segmented("Talks with President Zelenskyy and Prime Minister Keir Starmer.");
        let got = recognize(&doc);
        let first = &got[0];
        assert_eq!(doc.slice(first.span), "Zelenskyy");
        assert_eq!(first.title.map(|t| doc.slice(t)), Some("President"));
        assert_eq!(doc.slice(got[1].span), "Keir Starmer");
        assert_eq!(got[1].title.map(|t| doc.slice(t)), Some("Prime Minister"));
    }

    #[test]
    fn title_phrases() {
        let doc = Doc::segmented(
            "Senate Majority Leader Chuck Schumer met NASA Administrator Bill Nelson.",
        );
        let got: Vec<(&str, Option<&str>)> = recognize(&doc)
            .iter()
            .map(|m| (doc.slice(m.span), m.title.map(|t| doc.slice(t))))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Chuck Schumer", Some("Senate Majority Leader")),
                ("NASA", None),
                ("Bill Nelson", Some("Administrator")),
            ]
        );
    }

    #[test]
    fn hyphenated_pairs_split() {
        let got = texts("Trump met Putin. A Trump-Putin summit is planned.");
        assert_eq!(got, vec!["Trump", "Putin", "Trump", "Putin"]);
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            " ",
            "A",
            "-",
            "Mr.",
            "Mr. .",
            "of the",
            "X-",
            "É-Ü",
            "THE. THE. THE.",
            "“The”",
        ] {
            let _ = names(t);
        }
    }
}

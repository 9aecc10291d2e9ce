//! Merging mentions into actors: short forms, aliases, role phrases and
//! groups; names, ids and descriptions.
//!
//! * Name mentions are grouped by text, then merged: a knowledge-base alias
//!   ("America" = "United States"), a person's surname or given name
//!   ("Putin" → "Vladimir Putin"), an acronym defined in brackets or made of
//!   a longer name's initials ("USI" → "University of Southern Indiana").
//! * Role phrases ("the Russian president", "the Kremlin official") are
//!   resolved to the person whose description, title, knowledge-base entry
//!   and sentence company fit best.
//! * Nationality adjectives before plural nouns ("Ukrainian officials",
//!   "European powers") become group actors.
//! * Descriptions come from titles ("President"), premodifiers ("Kremlin
//!   insider Yuri Ushakov", shared over "and") and appositives.
//!
//! Complexity: O(n) in tokens and mentions; merging uses hash maps keyed by
//! text, token or initials (no pairwise comparison of mentions); role
//! resolution looks at the persons seen so far, a bounded list.

use crate::doc::Doc;
use crate::drafts::{ActorDraft, MentionDraft};
use crate::hash::{FastMap as HashMap, FastSet as HashSet};
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, MentionForm, Span};
use crate::ner::EntityMention;
use crate::pipeline::Component;
use crate::tokenize::TokenKind;

/// A URL-safe id from a name ("Vladimir Putin" → "vladimir-putin").
pub fn slug(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    while s.ends_with('-') {
        s.pop();
    }
    if s.is_empty() {
        s.push('x');
    }
    s
}

/// Lower-case nouns naming a person's role ("president", "envoy"), in any
/// case and singular or plural.
fn is_role_noun(lx: &Lexicon, w: &str) -> bool {
    let lower;
    let w = if w.starts_with(char::is_uppercase) {
        lower = w.to_lowercase();
        lower.as_str()
    } else {
        w
    };
    let w = w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w);
    lx.is_person_role(w)
}

/// A nationality or place adjective: "Russian", "European", "Kremlin".
fn affiliation<'k>(kb: &'k crate::kb::Kb, word: &str) -> Option<&'k crate::kb::Entry> {
    kb.demonym(word).or_else(|| kb.lookup(word))
}

/// One actor under construction.
#[derive(Debug)]
struct Proto<'k> {
    kind: ActorKind,
    /// Fullest name-form text.
    name: String,
    kb_id: Option<&'k str>,
    /// `(span, form)` of every mention.
    mentions: Vec<(Span, MentionForm)>,
    titles: Vec<Span>,
    descriptions: Vec<String>,
}

/// Union-find over entity indices, to merge groups of name texts.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Letters of a multi-word name's capitalised words ("University of
/// Southern Indiana" → "USI").
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let s: String = words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    (s.chars().count() >= 2).then_some(s)
}

/// Fills [`Doc::actors`] from the recognised mentions (reads tokens and
/// [`Doc::ents`]).
pub struct ActorBuilder;

impl Component for ActorBuilder {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn run(&self, doc: &mut Doc<'_>) {
        doc.actors = build(doc, &doc.ents);
    }
}

/// Builds actors from recognised mentions.
pub fn build(doc: &Doc, mentions: &[EntityMention]) -> Vec<ActorDraft> {
    // 1. Distinct name texts.
    let mut texts: Vec<&str> = Vec::new();
    let mut kinds: Vec<ActorKind> = Vec::new();
    let mut conf: Vec<u8> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    let mut ent_of: Vec<usize> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let t = doc.slice(m.span);
        let i = *index.entry(t).or_insert_with(|| {
            texts.push(t);
            kinds.push(m.kind);
            conf.push(m.confidence);
            texts.len() - 1
        });
        if m.form == MentionForm::Name && (kinds[i] == ActorKind::Other || m.confidence > conf[i]) {
            kinds[i] = m.kind;
            conf[i] = m.confidence;
        }
        ent_of.push(i);
    }
    let n = texts.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            // Keep the longer text as root.
            if texts[ra].len() >= texts[rb].len() {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    };

    // 2a. Knowledge-base identity.
    let mut by_kb: HashMap<&str, usize> = HashMap::default();
    for (i, t) in texts.iter().enumerate() {
        if let Some(e) = doc.kb.lookup(t).filter(|e| e.kind == kinds[i]) {
            match by_kb.get(e.id.as_str()) {
                Some(&j) => union(&mut parent, i, j),
                None => {
                    by_kb.insert(e.id.as_str(), i);
                }
            }
        }
    }
    // 2b. Person short forms: last word (surname), else unique first word.
    let mut by_last: HashMap<&str, usize> = HashMap::default();
    let mut by_first: HashMap<&str, Option<usize>> = HashMap::default();
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    for (i, t) in texts.iter().enumerate() {
        let words: Vec<&str> = t.split_whitespace().collect();
        if words.len() >= 2 && kinds[i] == ActorKind::Person {
            if let Some(last) = words.last() {
                let e = by_last.entry(last).or_insert(i);
                if texts[*e].len() < t.len() {
                    *e = i;
                }
            }
            if let Some(first) = words.first() {
                by_first
                    .entry(first)
                    .and_modify(|v| {
                        // Two different people share the given name: ambiguous.
                        if v.is_some_and(|j| j != i) {
                            *v = None;
                        }
                    })
                    .or_insert(Some(i));
            }
        }
        if matches!(kinds[i], ActorKind::Organization | ActorKind::Place) {
            if let Some(ini) = initials(t) {
                by_initials.entry(ini).or_insert(i);
            }
        }
    }
    for i in 0..n {
        let t = texts[i];
        if t.contains(char::is_whitespace) {
            // Multi-word person names ending in another's surname: "Mr Putin".
            continue;
        }
        if let Some(&j) = by_last.get(t) {
            // The recogniser already weighed the knowledge base: a word it
            // labels person here is the surname ("Valeska Paris" … "Paris").
            if j != i && kinds[i] == ActorKind::Person {
                union(&mut parent, i, j);
                continue;
            }
        }
        if let Some(Some(j)) = by_first.get(t) {
            if *j != i && kinds[i] == ActorKind::Person {
                union(&mut parent, i, *j);
                continue;
            }
        }
        let letters: String = t.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.chars().all(char::is_uppercase) {
            if let Some(&j) = by_initials.get(&letters) {
                if j != i {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // 2c. "Long Name (ACR)".
    for w in mentions.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let between = doc.text.get(a.span.end..b.span.start).unwrap_or("");
        if between.trim() == "("
            && doc
                .text
                .get(b.span.end..)
                .is_some_and(|r| r.starts_with(')'))
        {
            let t = doc.slice(b.span);
            if t.chars().all(|c| c.is_uppercase() || c == '.') {
                let (ia, ib) = (index[doc.slice(a.span)], index[t]);
                union(&mut parent, ia, ib);
            }
        }
    }

    // 3. One proto-actor per root, of the kind with the most evidence
    // ("CFL" as an acronym beats a guess for "Compact Fluorescent Light").
    let mut root_kind: Vec<(u8, ActorKind)> = (0..n).map(|i| (0, kinds[i])).collect();
    for i in 0..n {
        let r = find(&mut parent, i);
        if conf[i] > root_kind[r].0 || (i == r && conf[i] >= root_kind[r].0) {
            root_kind[r] = (conf[i], kinds[i]);
        }
    }
    let mut protos: Vec<Proto> = Vec::new();
    let mut proto_of_root: HashMap<usize, usize> = HashMap::default();
    let mut proto_of_mention: Vec<usize> = Vec::with_capacity(mentions.len());
    for (mi, m) in mentions.iter().enumerate() {
        let root = find(&mut parent, ent_of[mi]);
        let p = *proto_of_root.entry(root).or_insert_with(|| {
            let kind = root_kind[root].1;
            let kb = doc.kb.lookup(texts[root]).filter(|e| e.kind == kind);
            protos.push(Proto {
                kind,
                name: kb
                    .filter(|e| index.contains_key(e.name))
                    .map_or(texts[root], |e| e.name)
                    .to_owned(),
                kb_id: kb.map(|e| e.id.as_str()),
                mentions: Vec::new(),
                titles: Vec::new(),
                descriptions: Vec::new(),
            });
            protos.len() - 1
        });
        protos[p].mentions.push((m.span, m.form));
        if let Some(t) = m.title {
            // One span per distinct title text: a text that repeats a titled
            // name thousands of times must not make later title scans grow
            // with it (kept linear overall).
            let title = doc.slice(t);
            if !protos[p].titles.iter().any(|u| doc.slice(*u) == title) {
                protos[p].titles.push(t);
            }
        }
        proto_of_mention.push(p);
    }
    // Role-form mentions from the recogniser ("The President") are resolved
    // below like role phrases; take them out of their title-named protos.
    let ctx = Context::new(doc, mentions, &proto_of_mention, &protos);

    // 4. Descriptions from premodifiers and appositives.
    for (mi, m) in mentions.iter().enumerate() {
        if m.form != MentionForm::Name || protos[proto_of_mention[mi]].kind != ActorKind::Person {
            continue;
        }
        if let Some(d) = ctx.description(m.span, mentions, mi) {
            let p = proto_of_mention[mi];
            if !protos[p].descriptions.contains(&d) {
                protos[p].descriptions.push(d);
            }
        }
    }

    // 5. Role phrases and groups.
    let mut role_protos: HashSet<usize> = HashSet::default();
    for (mi, m) in mentions.iter().enumerate() {
        if m.form == MentionForm::Role {
            role_protos.insert(proto_of_mention[mi]);
        }
    }
    let mut extra: Vec<(usize, Span, MentionForm)> = Vec::new();
    let mut unresolved: HashSet<usize> = HashSet::default();
    for (mi, m) in mentions.iter().enumerate() {
        if m.form != MentionForm::Role {
            continue;
        }
        let role = doc.slice(m.span);
        let resolved = ctx
            .resolve(&protos, m.span, role, None, &role_protos)
            .or_else(|| {
                // "Malaysia's Prime Minister, Najib Razak": the next name.
                let next = mentions.get(mi + 1)?;
                let gap = doc.text.get(m.span.end..next.span.start)?;
                let p = proto_of_mention[mi + 1];
                (gap.trim().len() <= 1
                    && next.form == MentionForm::Name
                    && protos[p].kind == ActorKind::Person)
                    .then_some(p)
            });
        match resolved {
            Some(p) => {
                extra.push((p, m.span, MentionForm::Role));
                // "Malaysia's Prime Minister": the title describes its holder.
                if !protos[p].titles.iter().any(|t| doc.slice(*t) == role) {
                    protos[p].titles.push(m.span);
                }
            }
            // Nobody named: the title stands for its holder ("the Prime Minister").
            None => {
                unresolved.insert(proto_of_mention[mi]);
            }
        }
    }
    for p in &unresolved {
        role_protos.remove(p);
    }
    // A title's own actor keeps only the mentions no one else took.
    let by_span: HashMap<Span, usize> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (m.span, i))
        .collect();
    for &(_, span, _) in &extra {
        if let Some(&mi) = by_span.get(&span) {
            let p = proto_of_mention[mi];
            if unresolved.contains(&p) {
                protos[p].mentions.retain(|(s, _)| *s != span);
            }
        }
    }
    let mut groups: HashMap<String, usize> = HashMap::default();
    for phrase in ctx.role_phrases() {
        match phrase {
            Phrase::Role {
                span,
                role,
                modifier,
            } => {
                if let Some(p) = ctx.resolve(&protos, span, role, modifier, &role_protos) {
                    extra.push((p, span, MentionForm::Role));
                }
            }
            Phrase::Group { span, kind } => {
                let text = doc.slice(span);
                let key = text.to_lowercase();
                let p = *groups.entry(key).or_insert_with(|| {
                    protos.push(Proto {
                        kind,
                        name: text.to_owned(),
                        kb_id: None,
                        mentions: Vec::new(),
                        titles: Vec::new(),
                        descriptions: Vec::new(),
                    });
                    protos.len() - 1
                });
                extra.push((p, span, MentionForm::Demonym));
            }
        }
    }
    for (p, span, form) in extra {
        if let Some(proto) = protos.get_mut(p) {
            proto.mentions.push((span, form));
        }
    }

    // 6. Actors.
    let mut used: HashSet<String> = HashSet::default();
    let mut actors = Vec::with_capacity(protos.len());
    for (pi, p) in protos.into_iter().enumerate() {
        if role_protos.contains(&pi) {
            continue;
        }
        if p.mentions.is_empty() {
            continue;
        }
        actors.push(finish(doc, p, &mut used));
    }
    actors.sort_by_key(ActorDraft::first_start);
    actors
}

/// Turns a proto-actor into an [`Actor`]: sorted non-overlapping mentions,
/// unique id, aliases and description.
fn finish(doc: &Doc, mut p: Proto, used: &mut HashSet<String>) -> ActorDraft {
    p.mentions
        .sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut mentions: Vec<MentionDraft> = Vec::with_capacity(p.mentions.len());
    let mut last_end = 0;
    for (span, form) in p.mentions {
        if span.start < last_end && !mentions.is_empty() {
            continue;
        }
        last_end = span.end;
        mentions.push(MentionDraft { span, form });
    }
    let mut aliases: Vec<String> = Vec::new();
    for t in &p.titles {
        // "President Zelenskyy": the title and the name as written.
        let i = mentions.partition_point(|m| m.span.start <= t.end);
        let Some(m) = mentions.get(i) else {
            continue;
        };
        let gap = doc.text.get(t.end..m.span.start).unwrap_or("x");
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) || gap.len() > 2 {
            continue;
        }
        let full = doc.slice(Span::new(t.start, m.span.end)).to_owned();
        if full != p.name && !aliases.contains(&full) {
            aliases.push(full);
        }
    }
    for m in &mentions {
        let text = doc.slice(m.span);
        if text != p.name && !aliases.iter().any(|a| a == text) {
            aliases.push(text.to_owned());
        }
    }
    let mut desc: Vec<String> = Vec::new();
    for t in &p.titles {
        let t = doc.slice(*t).to_owned();
        // Honorifics say nothing about the person's role.
        if doc.lex.is_honorific(t.trim_end_matches('.')) {
            continue;
        }
        if let Some(x) = desc
            .iter_mut()
            .find(|x| x.contains(&t) || t.contains(x.as_str()))
        {
            // Keep the fuller title ("Emeritus Professor" over "Professor").
            if t.len() > x.len() {
                *x = t;
            }
        } else {
            desc.push(t);
        }
    }
    for d in p.descriptions {
        if !desc
            .iter()
            .any(|x| x.contains(&d) || d.contains(x.as_str()))
        {
            desc.push(d);
        }
    }
    let base = slug(&p.name);
    let mut id = base.clone();
    let mut k = 2;
    while used.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    used.insert(id.clone());
    let _ = p.kb_id;
    ActorDraft {
        slug: id,
        name: p.name,
        kind: p.kind,
        aliases,
        description: (!desc.is_empty()).then(|| desc.join("; ")),
        mentions,
        facts: Vec::new(),
        background: None,
        salience: 0.0,
    }
}

/// A phrase found by scanning tokens.
enum Phrase<'a> {
    /// "the Russian president": a role that points back to a person.
    Role {
        span: Span,
        role: &'a str,
        modifier: Option<&'a str>,
    },
    /// "Ukrainian officials".
    Group { span: Span, kind: ActorKind },
}

/// Document facts that role resolution needs.
struct Context<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Mention start → proto index (name mentions).
    starts: Vec<(usize, usize)>,
    /// Proto index → sentences with a name mention.
    /// (proto, affiliation id) → number of sentences naming both.
    co: HashMap<(usize, &'a str), usize>,
    /// Sentence → affiliation ids mentioned in it.
    affils: Vec<Vec<&'a str>>,
}

impl<'d, 'a> Context<'d, 'a> {
    fn new(
        doc: &'d Doc<'a>,
        mentions: &[EntityMention],
        proto_of: &[usize],
        protos: &[Proto<'a>],
    ) -> Self {
        let mut starts = Vec::new();
        let mut sentences_of: HashMap<usize, Vec<usize>> = HashMap::default();
        let mut affils: Vec<Vec<&'a str>> = vec![Vec::new(); doc.sentences.len()];
        for (m, &p) in mentions.iter().zip(proto_of) {
            if m.form != MentionForm::Name {
                continue;
            }
            starts.push((m.span.start, p));
            if let Some(s) = doc.sentence_at(m.span.start) {
                let v = sentences_of.entry(p).or_default();
                if v.last() != Some(&s) {
                    v.push(s);
                }
                if let Some(id) = protos[p].kb_id {
                    affils[s].push(id);
                }
            }
        }
        for (g, t) in doc.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word {
                let w = doc.tok(g);
                if !w.starts_with(char::is_uppercase) {
                    continue;
                }
                if let Some(e) = doc.kb.demonym(w) {
                    if let Some(v) = affils.get_mut(t.sentence_index()) {
                        v.push(e.id.as_str());
                    }
                }
            }
        }
        starts.sort_unstable();
        for a in &mut affils {
            a.sort_unstable();
            a.dedup();
        }
        let mut co: HashMap<(usize, &'a str), usize> = HashMap::default();
        for (&p, ss) in &sentences_of {
            for &s in ss {
                for &id in &affils[s] {
                    *co.entry((p, id)).or_default() += 1;
                }
            }
        }
        Context {
            doc,
            starts,
            co,
            affils,
        }
    }

    /// Description of the person named at `span`: premodifying role words
    /// ("Kremlin insider"), shared over "and", or an appositive.
    fn description(&self, span: Span, mentions: &[EntityMention], mi: usize) -> Option<String> {
        let doc = self.doc;
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
                return self.premodifier(pg, sent_start);
            }
        }
        if let Some(d) = self.premodifier(g, sent_start) {
            return Some(d);
        }
        // Appositive: "Name, a senior Kremlin aide,".
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

    /// Role words just before token `g` ("Trump’s special envoys").
    fn premodifier(&self, g: usize, sent_start: usize) -> Option<String> {
        let doc = self.doc;
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

    /// Role phrases and group phrases, in text order.
    fn role_phrases(&self) -> Vec<Phrase<'a>> {
        let doc = self.doc;
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
                        modifier = Some(m);
                        k += 1;
                    }
                    while k < range.end
                        && matches!(doc.tok(k), "former" | "top" | "senior" | "chief")
                    {
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
                            let span =
                                Span::new(doc.tokens[g].start_byte(), doc.tokens[k].end_byte());
                            out.push(Phrase::Role {
                                span,
                                role,
                                modifier,
                            });
                            g = k + 1;
                            continue;
                        }
                    }
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
                        out.push(Phrase::Group {
                            span,
                            kind: ActorKind::Group,
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

    /// The person a role phrase at `span` refers to.
    fn resolve(
        &self,
        protos: &[Proto],
        span: Span,
        role: &str,
        modifier: Option<&str>,
        skip: &HashSet<usize>,
    ) -> Option<usize> {
        let role_l = role.to_lowercase();
        let role_word = role_l.split_whitespace().last().unwrap_or("").to_owned();
        let aff = modifier.and_then(|m| affiliation(self.doc.kb, m));
        let here = self.doc.sentence_at(span.start);
        // The last few persons mentioned by name before the phrase (a
        // bounded look-back keeps this O(1) per phrase); the latest gets a bonus.
        const MAX_PERSONS: usize = 8;
        const MAX_STEPS: usize = 400;
        let mut seen: Vec<(usize, usize)> = Vec::new(); // (proto, last start)
        let upto = self.starts.partition_point(|&(s, _)| s < span.start);
        for &(s, p) in self.starts[..upto].iter().rev().take(MAX_STEPS) {
            if protos[p].kind != ActorKind::Person || skip.contains(&p) {
                continue;
            }
            if !seen.iter().any(|(q, _)| *q == p) {
                seen.push((p, s));
                if seen.len() == MAX_PERSONS {
                    break;
                }
            }
        }
        let latest = seen.iter().max_by_key(|(_, s)| *s).map(|(p, _)| *p);
        let mut best: Option<(i32, usize, usize)> = None;
        for &(p, last) in &seen {
            let proto = &protos[p];
            let mut score = 0i32;
            let descr = |needle: &str| {
                proto.descriptions.iter().any(|d| d.contains(needle))
                    || proto
                        .titles
                        .iter()
                        .any(|t| self.doc.slice(*t).contains(needle))
            };
            let lower_descr = |needle: &str| {
                proto
                    .descriptions
                    .iter()
                    .any(|d| d.to_lowercase().contains(needle))
                    || proto
                        .titles
                        .iter()
                        .any(|t| self.doc.slice(*t).to_lowercase().contains(needle))
            };
            if !role_word.is_empty() && lower_descr(role_word.trim_end_matches('s')) {
                score += 2;
            }
            if let (Some(m), Some(e)) = (modifier, aff) {
                if descr(m) || descr(e.name) {
                    score += 3;
                }
                if let Some(kbp) = self.doc.kb.lookup(&proto.name) {
                    if kbp.kind == ActorKind::Person && kbp.description.contains(e.name) {
                        score += 3;
                    }
                }
                let mut co = self.co.get(&(p, e.id.as_str())).copied().unwrap_or(0);
                // Not the phrase's own sentence.
                let named_here = here.is_some_and(|h| {
                    self.affils
                        .get(h)
                        .is_some_and(|a| a.binary_search(&e.id.as_str()).is_ok())
                        && self.doc.sentences.get(h).is_some_and(|sp| {
                            let lo = self.starts.partition_point(|&(st, _)| st < sp.start);
                            let hi = self.starts.partition_point(|&(st, _)| st < sp.end);
                            self.starts[lo..hi].iter().any(|&(_, q)| q == p)
                        })
                });
                if named_here {
                    co = co.saturating_sub(1);
                }
                score += co.min(3) as i32;
            }
            if Some(p) == latest {
                score += 1;
            }
            if best.is_none_or(|(b, _, bl)| score > b || (score == b && last > bl)) {
                best = Some((score, p, last));
            }
        }
        best.filter(|(s, _, _)| *s >= 2).map(|(_, p, _)| p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Actor;

    fn actors(text: &str) -> Vec<Actor> {
        let doc = Doc::segmented(text);
        let drafts = build(&doc, &crate::ner::recognize(&doc));
        drafts
            .iter()
            .map(|a| crate::assemble::actor(&doc, a))
            .collect()
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slug("  "), "x");
        assert_eq!(slug("U.S."), "u-s");
    }

    #[test]
    fn surnames_merge() {
        let a = actors("Vladimir Putin spoke. Later Putin’s aide and Putin's envoy left.");
        let putin: Vec<&Actor> = a.iter().filter(|a| a.name == "Vladimir Putin").collect();
        assert_eq!(putin.len(), 1);
        assert_eq!(putin[0].mentions.len(), 3);
        assert!(putin[0].mentions.iter().all(|m| m.text != "Putin’s"));
        assert_eq!(putin[0].kind, ActorKind::Person);
        assert!(!a.iter().any(|x| x.name == "Putin"));
    }

    #[test]
    fn acronyms_merge() {
        let a = actors("The University of Southern Indiana (USI) grew. USI hired staff.");
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].mentions.len(), 3);
        assert_eq!(a[0].kind, ActorKind::Organization);
    }

    #[test]
    fn bare_offices_resolve_by_title() {
        let a = actors(
            "President Joe Biden met Chancellor Olaf Scholz. The president spoke. \
             The chancellor agreed, and the mayor of Berlin hosted them.",
        );
        let texts = |name: &str| -> Vec<String> {
            a.iter()
                .find(|x| x.name == name)
                .map(|x| x.mentions.iter().map(|m| m.text.clone()).collect())
                .unwrap_or_default()
        };
        assert!(texts("Joe Biden").contains(&"The president".to_owned()));
        assert!(texts("Olaf Scholz").contains(&"The chancellor".to_owned()));
        assert!(!a
            .iter()
            .any(|x| x.mentions.iter().any(|m| m.text.contains("mayor"))));
    }

    #[test]
    fn groups_and_ids() {
        let a = actors("Ukrainian officials met Mary Smith. Mary Smith and John Smith left.");
        assert!(a
            .iter()
            .any(|x| x.name == "Ukrainian officials" && x.kind == ActorKind::Group));
        let mut ids: Vec<&str> = a.iter().map(|x| x.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), a.len());
    }

    #[test]
    fn mentions_are_consistent() {
        let text = "Smith met Smith-Jones. The Smith family. SMITH.";
        for a in actors(text) {
            let mut end = 0;
            for m in &a.mentions {
                assert_eq!(&text[m.start..m.end], m.text);
                assert!(m.start >= end);
                end = m.end;
            }
        }
    }
}

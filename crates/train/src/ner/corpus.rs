//! Reading the NER corpora (`../shared/train/ner/*.jsonl`,
//! `../shared/eval/gum-*.jsonl`) into documents of Gloss tokens with gold
//! BILOU tags.
//!
//! Every text is segmented and tokenised by the core itself
//! (`gloss_core::training`), exactly as at run time, and the gold entities
//! (code-point offsets) are aligned to those tokens. wikigold and re3d come
//! pre-tokenised ("did n't", "al - Abadi", "country ’ s"): their text is
//! first *detokenised* ([`detokenize`]) so that the model learns from text
//! spaced like news, and the entity offsets are carried over.

use gloss_core::training::recognizer::tags::{self, Tag};
use gloss_core::training::recognizer::EntLabel;
use serde_json::Value;
use std::ops::Range;

/// One sentence: token byte ranges into the document text, glue flags, tags.
#[derive(Clone, Debug)]
pub struct Sent {
    /// Byte ranges of the words.
    pub words: Vec<Range<usize>>,
    /// Word `i` follows word `i - 1` without a space.
    pub glued: Vec<bool>,
    /// Gold tags (all outside for unlabelled text).
    pub gold: Vec<Tag>,
}

/// One document.
#[derive(Clone, Debug)]
pub struct NerDoc {
    /// Id from the corpus.
    pub id: String,
    /// The (detokenised) text.
    pub text: String,
    /// Its sentences.
    pub sents: Vec<Sent>,
    /// Code-point offset in the corpus's *original* text of every byte
    /// offset of that text (for writing predictions), indexed by byte.
    pub char_of_byte: Vec<u32>,
    /// For detokenised text: every source token's byte range in the
    /// original text and in [`NerDoc::text`].
    pub to_raw: Option<TokenMap>,
    /// Every gold entity (nested ones too) as a byte range of
    /// [`NerDoc::text`] with its label (re3d spans trimmed of leading
    /// lower-case words), in text order.
    pub entities: Vec<(Range<usize>, EntLabel)>,
    /// Byte ranges of [`NerDoc::text`] annotated with something this
    /// reading leaves out (re3d's descriptions and pronouns, "ISIL
    /// terrorists", and its non-name types): what lies in them is unknown.
    pub ignored: Vec<Range<usize>>,
    /// The corpus's original text.
    pub raw: String,
}

impl NerDoc {
    /// The code-point range in the original text of the byte range `r` of
    /// [`NerDoc::text`], if it starts and ends on source token boundaries.
    pub fn original_chars(&self, r: Range<usize>) -> Option<(u32, u32)> {
        let (s, e) = match &self.to_raw {
            None => (r.start, r.end),
            Some(map) => (
                map.iter().find(|(_, n)| n.start == r.start)?.0.start,
                map.iter().find(|(_, n)| n.end == r.end)?.0.end,
            ),
        };
        Some((*self.char_of_byte.get(s)?, *self.char_of_byte.get(e)?))
    }
}

/// Alignment statistics of a corpus.
#[derive(Clone, Copy, Debug, Default)]
pub struct Alignment {
    /// Gold entities read.
    pub entities: usize,
    /// Aligned to token boundaries inside one sentence.
    pub aligned: usize,
    /// Dropped: overlapping or nested in another entity.
    pub nested: usize,
}

/// Source token byte ranges: (in the original text, in the detokenised text).
pub type TokenMap = Vec<(Range<usize>, Range<usize>)>;

/// How a corpus is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `text` is tokens joined by spaces: detokenise first.
    Tokenised,
    /// `text` is spaced like running text.
    Natural,
}

/// Which entity fields to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spans {
    /// `start`/`end` (UNER, wikigold, re3d).
    Plain,
    /// GUM's `name_start`/`name_end`.
    Name,
    /// re3d: `start`/`end` of entities marked `named`, trimmed of leading
    /// lower-case words ("an inclusive Government" → "Government"); other
    /// re3d types than PERSON/ORG/PLACE and Nationality are dropped.
    Re3d,
}

fn is_closing(t: &str) -> bool {
    matches!(
        t,
        "," | "."
            | ";"
            | ":"
            | "!"
            | "?"
            | ")"
            | "]"
            | "}"
            | "%"
            | "'s"
            | "’s"
            | "'S"
            | "n't"
            | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
            | "’"
            | "..."
    )
}

fn is_opening(t: &str) -> bool {
    matches!(t, "(" | "[" | "{" | "$" | "#" | "“" | "‘")
}

/// Rebuilds running text from space-separated tokens (one sentence per
/// line): no space before closing punctuation and clitics ("did n't" →
/// "didn't", "country ’ s" → "country’s"), none after opening brackets,
/// straight double quotes alternate between opening and closing, and a
/// hyphen between two words is glued to both ("al - Abadi" → "al-Abadi").
/// Returns the text and, for every token, its new byte range.
pub fn detokenize(text: &str) -> (String, TokenMap) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::new();
    for (li, line) in text.split('\n').enumerate() {
        if li > 0 {
            out.push('\n');
        }
        let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
        let toks: Vec<(usize, &str)> = line
            .split(' ')
            .scan(0usize, |pos, t| {
                let s = *pos;
                *pos += t.len() + 1;
                Some((line_start + s, t))
            })
            .filter(|(_, t)| !t.is_empty())
            .collect();
        let mut quote_open = false;
        let mut glue_next = true;
        for (k, &(src, t)) in toks.iter().enumerate() {
            let prev = if k > 0 { Some(toks[k - 1].1) } else { None };
            let next = toks.get(k + 1).map(|x| x.1);
            let wordish = |s: Option<&str>| {
                s.is_some_and(|s| s.chars().last().is_some_and(char::is_alphanumeric))
            };
            let starts_wordish = |s: Option<&str>| {
                s.is_some_and(|s| s.chars().next().is_some_and(char::is_alphanumeric))
            };
            let mut space = !glue_next;
            let mut glue_after = false;
            if is_closing(t) || (t == "s" && prev == Some("’")) {
                space = false;
            } else if is_opening(t) {
                glue_after = true;
            } else if t == "\"" {
                if quote_open {
                    space = false;
                } else {
                    glue_after = true;
                }
                quote_open = !quote_open;
            } else if t == "-" && wordish(prev) && starts_wordish(next) {
                space = false;
                glue_after = true;
            } else if t == "”" || t == "’" {
                space = false;
            }
            if space {
                out.push(' ');
            }
            let s = out.len();
            out.push_str(t);
            map.push((src..src + t.len(), s..out.len()));
            glue_next = glue_after;
        }
    }
    (out, map)
}

fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn label_of(e: &Value, spans: Spans) -> Option<EntLabel> {
    let label = EntLabel::parse(e.get("label")?.as_str()?)?;
    if spans == Spans::Re3d {
        if e.get("named").and_then(Value::as_bool) != Some(true) {
            return None;
        }
        if label == EntLabel::Other
            && e.get("source_label").and_then(Value::as_str) != Some("Nationality")
        {
            return None;
        }
    }
    Some(label)
}

/// Reads one JSONL document.
pub fn read_doc(
    line: &str,
    kind: Kind,
    spans: Spans,
    stats: &mut Alignment,
) -> Result<NerDoc, String> {
    let v: Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let id = v["id"].as_str().unwrap_or("").to_owned();
    let raw = v["text"].as_str().ok_or("document without text")?;
    let c2b = char_to_byte(raw);
    // Gold entities as byte ranges of `raw`.
    let mut ents: Vec<(Range<usize>, EntLabel)> = Vec::new();
    let mut ignored: Vec<Range<usize>> = Vec::new();
    for e in v["entities"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let Some(label) = label_of(e, spans) else {
            let (Some(s), Some(en)) = (e["start"].as_u64(), e["end"].as_u64()) else {
                continue;
            };
            if let (Some(&s), Some(&en)) = (c2b.get(s as usize), c2b.get(en as usize)) {
                ignored.push(s..en);
            }
            continue;
        };
        let (sk, ek) = if spans == Spans::Name {
            ("name_start", "name_end")
        } else {
            ("start", "end")
        };
        let (Some(s), Some(en)) = (e[sk].as_u64(), e[ek].as_u64()) else {
            continue;
        };
        let (Some(&s), Some(&en)) = (c2b.get(s as usize), c2b.get(en as usize)) else {
            continue;
        };
        if s >= en {
            continue;
        }
        stats.entities += 1;
        ents.push((s..en, label));
    }
    // Detokenise and move the entities along.
    let mut to_raw = None;
    let (text, ents, ignored) = match kind {
        Kind::Natural => (raw.to_owned(), ents, ignored),
        Kind::Tokenised => {
            let (text, map) = detokenize(raw);
            to_raw = Some(map.clone());
            let start_of = |b: usize| map.iter().find(|(o, _)| o.start == b).map(|(_, n)| n.start);
            let end_of = |b: usize| map.iter().find(|(o, _)| o.end == b).map(|(_, n)| n.end);
            let moved = ents
                .into_iter()
                .filter_map(|(r, l)| Some((start_of(r.start)?..end_of(r.end)?, l)))
                .collect();
            let ignored = ignored
                .into_iter()
                .filter_map(|r| Some(start_of(r.start)?..end_of(r.end)?))
                .collect();
            (text, moved, ignored)
        }
    };
    let tokenized = gloss_core::training::sentences(&text);
    let mut ents = ents;
    ents.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let entities = ents
        .iter()
        .filter_map(|(r, l)| {
            let mut r = r.clone();
            if spans == Spans::Re3d {
                while text[r.clone()]
                    .starts_with(|c: char| !c.is_uppercase() && !c.is_ascii_digit())
                {
                    let sp = text[r.clone()].find(' ')?;
                    r.start += sp + 1;
                }
            }
            Some((r, *l))
        })
        .collect();
    // Outermost entities only, in text order.
    let mut outer: Vec<(Range<usize>, EntLabel)> = Vec::new();
    for (r, l) in ents {
        if outer.last().is_some_and(|(o, _)| r.start < o.end) {
            stats.nested += 1;
            continue;
        }
        outer.push((r, l));
    }
    let mut sents = Vec::new();
    for ts in tokenized {
        let (words, glued) = (ts.tokens, ts.glued);
        sents.push(Sent {
            gold: vec![Tag::OUT; words.len()],
            words,
            glued,
        });
    }
    // Align: an entity covers the tokens inside it; it must start and end
    // on token boundaries (after trimming re3d's leading lower-case words)
    // inside one sentence.
    let mut per_sent: Vec<Vec<(Range<usize>, EntLabel)>> = vec![Vec::new(); sents.len()];
    for (r, l) in outer {
        let Some(si) = sents.iter().position(|s| {
            s.words.first().is_some_and(|w| w.start <= r.start)
                && s.words.last().is_some_and(|w| w.end >= r.start)
        }) else {
            continue;
        };
        let s = &sents[si];
        let Some(mut a) = s.words.iter().position(|w| w.start == r.start) else {
            continue;
        };
        let Some(b) = s.words.iter().position(|w| w.end == r.end) else {
            continue;
        };
        if spans == Spans::Re3d {
            while a < b && !text[s.words[a].clone()].starts_with(|c: char| c.is_uppercase()) {
                a += 1;
            }
            if !text[s.words[a].clone()]
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            {
                continue;
            }
        }
        if b < a {
            continue;
        }
        stats.aligned += 1;
        per_sent[si].push((a..b + 1, l));
    }
    for (s, e) in sents.iter_mut().zip(per_sent) {
        s.gold = tags::encode(s.words.len(), &e);
    }
    let mut char_of_byte = vec![0u32; raw.len() + 1];
    let mut ci = 0u32;
    for (b, ch) in raw.char_indices() {
        for slot in &mut char_of_byte[b..b + ch.len_utf8()] {
            *slot = ci;
        }
        ci += 1;
    }
    char_of_byte[raw.len()] = ci;
    Ok(NerDoc {
        id,
        text,
        sents,
        char_of_byte,
        to_raw,
        entities,
        ignored,
        raw: raw.to_owned(),
    })
}

/// Reads a JSONL corpus (`keep(i)` selects documents by index).
pub fn read(
    path: &std::path::Path,
    kind: Kind,
    spans: Spans,
    keep: &dyn Fn(usize) -> bool,
) -> Result<(Vec<NerDoc>, Alignment), String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut stats = Alignment::default();
    let mut docs = Vec::new();
    for (i, line) in data.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        if keep(i) {
            docs.push(
                read_doc(line, kind, spans, &mut stats)
                    .map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?,
            );
        }
    }
    Ok((docs, stats))
}

/// The wikigold documents held out for testing: every 5th in file order
/// (the 5th, 10th, …), as `scripts/eval_ner.py` selects them.
pub fn wikigold_held_out(index: usize) -> bool {
    index % 5 == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detokenize_spaces_like_running_text() {
        let (t, map) = detokenize(
            "He did n't go to St. Mary 's ( the old one ) , said \" Jo \" al - Abadi .\nNext line",
        );
        assert_eq!(
            t,
            "He didn't go to St. Mary's (the old one), said \"Jo\" al-Abadi.\nNext line"
        );
        assert_eq!(map.len(), 24);
        // Every token keeps its text.
        let src = "He did n't go";
        let (t2, m2) = detokenize(src);
        for (o, n) in m2 {
            assert_eq!(&src[o], &t2[n]);
        }
        assert_eq!(detokenize("the country ’ s plan").0, "the country’s plan");
    }

    #[test]
    fn aligns_entities_to_core_tokens() {
        let line = r#"{"id":"x","text":"Mr. Smith visited Ontario 's capital .\nThe Green Party won .","entities":[{"start":4,"end":9,"label":"PERSON"},{"start":18,"end":25,"label":"PLACE"},{"start":43,"end":54,"label":"ORG"}]}"#;
        let mut st = Alignment::default();
        let d = read_doc(line, Kind::Tokenised, Spans::Plain, &mut st).unwrap();
        assert_eq!(
            d.text,
            "Mr. Smith visited Ontario's capital.\nThe Green Party won."
        );
        assert_eq!(st.entities, 3);
        assert_eq!(st.aligned, 3);
        let names: Vec<String> = d
            .sents
            .iter()
            .flat_map(|s| {
                tags::decode(&s.gold)
                    .into_iter()
                    .map(|(r, l)| {
                        format!(
                            "{} {}",
                            &d.text[s.words[r.start].start..s.words[r.end - 1].end],
                            l.as_str()
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(names, ["Smith PERSON", "Ontario PLACE", "Green Party ORG"]);
    }
}

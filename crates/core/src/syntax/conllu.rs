//! Reading and annotating CoNLL-U (<https://universaldependencies.org/format.html>).
//!
//! [`parse`] reads sentences (comments, multiword-token ranges and empty
//! nodes kept as lines); [`annotate`] re-tags and re-parses every sentence
//! with the models, keeping the input's tokenisation and sentence breaks.
//! This is how treebank scores are computed (as UDPipe and Stanza do).

use std::fmt;

use super::labels::Upos;
use super::Models;

/// A CoNLL-U error, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConlluError {
    /// Line number (1-based; 0 when the error is not about one line).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConlluError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "CoNLL-U: {}", self.message)
        } else {
            write!(f, "CoNLL-U line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ConlluError {}

/// One line of a sentence block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// A comment (`# …`), a multiword-token range (`1-2`) or an empty node
    /// (`1.1`): copied as is.
    Other(&'a str),
    /// A syntactic word (index into [`Sentence::words`]).
    Word(usize),
}

/// A word line's ten columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The ten tab-separated fields, ID first.
    pub fields: [&'a str; 10],
    /// 1-based line number.
    pub line: usize,
}

impl<'a> Word<'a> {
    /// FORM.
    pub fn form(&self) -> &'a str {
        self.fields[1]
    }

    /// UPOS.
    pub fn upos(&self) -> &'a str {
        self.fields[3]
    }

    /// HEAD (0 = root; `None` when not a number).
    pub fn head(&self) -> Option<usize> {
        self.fields[6].parse().ok()
    }

    /// DEPREL.
    pub fn deprel(&self) -> &'a str {
        self.fields[7]
    }
}

/// A sentence: its lines in order and its words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// Lines in input order.
    pub lines: Vec<Line<'a>>,
    /// The syntactic words (IDs 1, 2, …).
    pub words: Vec<Word<'a>>,
}

/// Reads CoNLL-U text into sentences. Word IDs must run 1, 2, … in each
/// sentence and word lines must have ten tab-separated fields.
pub fn parse(text: &str) -> Result<Vec<Sentence<'_>>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let n = i + 1;
        if line.trim().is_empty() {
            if !cur.lines.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            cur.lines.push(Line::Other(line));
            continue;
        }
        let id = line.split('\t').next().unwrap_or("");
        if id.contains('-') || id.contains('.') {
            cur.lines.push(Line::Other(line));
            continue;
        }
        let mut fields = [""; 10];
        let mut k = 0;
        for f in line.split('\t') {
            if k == 10 {
                return Err(err(n, "more than ten fields"));
            }
            fields[k] = f;
            k += 1;
        }
        if k != 10 {
            return Err(err(n, &format!("{k} fields, expected ten (tab-separated)")));
        }
        let want = cur.words.len() + 1;
        if id.parse::<usize>().ok() != Some(want) {
            return Err(err(n, &format!("word ID {id:?}, expected {want}")));
        }
        cur.lines.push(Line::Word(cur.words.len()));
        cur.words.push(Word { fields, line: n });
    }
    if !cur.lines.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn err(line: usize, message: &str) -> ConlluError {
    ConlluError {
        line,
        message: message.to_string(),
    }
}

/// Re-annotates CoNLL-U text: every word gets the tagger's UPOS and the
/// parser's HEAD and DEPREL. Other columns are copied unchanged, except
/// DEPS, which is cleared (`_`) because it would contradict the new heads.
/// Comments, multiword-token lines and empty nodes are kept; output
/// sentences end with a blank line.
pub fn annotate(text: &str, models: &Models) -> Result<String, ConlluError> {
    let sentences = parse(text)?;
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut tags: Vec<Upos> = Vec::new();
    let mut forms: Vec<&str> = Vec::new();
    let mut tag_scratch = super::tagger::Scratch::default();
    for s in &sentences {
        forms.clear();
        forms.extend(s.words.iter().map(Word::form));
        tags.clear();
        models.tagger.tag_into(&forms, &mut tag_scratch, &mut tags);
        let arcs = models.parser.parse(&forms, &tags);
        for line in &s.lines {
            match *line {
                Line::Other(l) => out.push_str(l),
                Line::Word(w) => {
                    let f = &s.words[w].fields;
                    let head = arcs.get(w).and_then(|a| a.head).map_or(0, |h| h + 1);
                    let rel = arcs.get(w).map_or("dep", |a| a.rel.as_str());
                    let cols: [&str; 10] = [
                        f[0],
                        f[1],
                        f[2],
                        tags.get(w).map_or("X", |t| t.as_str()),
                        f[4],
                        f[5],
                        &head.to_string(),
                        rel,
                        "_",
                        f[9],
                    ];
                    out.push_str(&cols.join("\t"));
                }
            }
            out.push('\n');
        }
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# sent_id = a\n# text = I can't go.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\tcan\tAUX\tMD\t_\t4\taux\t4:aux\tSpaceAfter=No\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n4\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";

    #[test]
    fn parse_keeps_lines_and_words() {
        let s = parse(TEXT).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(s[0].lines.len(), 8);
        assert_eq!(s[0].words[1].form(), "ca");
        assert_eq!(s[0].words[3].head(), Some(0));
        assert_eq!(s[1].words[0].deprel(), "root");
        // CRLF and a missing final newline are fine.
        let crlf = TEXT.replace('\n', "\r\n");
        assert_eq!(parse(crlf.trim_end()).unwrap().len(), 2);
    }

    #[test]
    fn bad_input_names_its_line() {
        let cases = [
            ("1\tI\tI\n", 1, "3 fields"),
            ("# c\n2\tI\tI\tPRON\t_\t_\t0\troot\t_\t_\n", 2, "expected 1"),
            ("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\t_\n", 1, "more than ten"),
        ];
        for (text, line, msg) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.line, line, "{text:?}");
            assert!(e.message.contains(msg), "{e}");
        }
        assert!(parse("").unwrap().is_empty());
    }
}

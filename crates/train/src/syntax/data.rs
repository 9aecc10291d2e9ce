//! Treebank sentences for training: forms, gold tags, heads and relations.

use gloss_core::syntax::conllu;
use gloss_core::syntax::{Deprel, Upos};

/// A gold-annotated sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Word forms.
    pub forms: Vec<String>,
    /// Gold tags.
    pub upos: Vec<Upos>,
    /// Gold heads: `heads[i]` = head word index, `n` (= `forms.len()`) for the root.
    pub heads: Vec<u32>,
    /// Gold relations.
    pub rels: Vec<Deprel>,
}

/// Reads the sentences of a CoNLL-U text. Unknown tags are `X`; unknown
/// relations fall back to their universal part, or `dep`; heads out of
/// range make the sentence an error.
pub fn read(text: &str) -> Result<Vec<Sentence>, String> {
    let parsed = conllu::parse(text).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(parsed.len());
    for s in parsed {
        let n = s.words.len();
        if n == 0 {
            continue;
        }
        let mut sent = Sentence {
            forms: Vec::with_capacity(n),
            upos: Vec::with_capacity(n),
            heads: Vec::with_capacity(n),
            rels: Vec::with_capacity(n),
        };
        for w in &s.words {
            sent.forms.push(w.form().to_string());
            sent.upos
                .push(Upos::from_conllu(w.upos()).unwrap_or(Upos::X));
            let h = w
                .head()
                .filter(|&h| h <= n)
                .ok_or_else(|| format!("line {}: bad HEAD {:?}", w.line, w.fields[6]))?;
            sent.heads
                .push(if h == 0 { n as u32 } else { h as u32 - 1 });
            sent.rels
                .push(Deprel::parse_lenient(w.deprel()).unwrap_or(Deprel::Dep));
        }
        out.push(sent);
    }
    Ok(out)
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &std::path::Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    read(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_heads_and_relations() {
        let text = "1\tShe\t_\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tleft\t_\tVERB\t_\t_\t0\troot\t_\t_\n3\t.\t_\tPUNCT\t_\t_\t2\tpunct:odd\t_\t_\n";
        let s = read(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].forms, ["She", "left", "."]);
        assert_eq!(s[0].heads, [1, 3, 1]);
        assert_eq!(s[0].rels, [Deprel::Nsubj, Deprel::Root, Deprel::Punct]);
        let bad = "1\tShe\t_\tPRON\t_\t_\t7\tnsubj\t_\t_\n";
        assert!(read(bad).unwrap_err().contains("HEAD"));
    }
}

//! The dependency parser: greedy arc-eager transitions
//! ([`super::transition`]) scored by an averaged perceptron over
//! Zhang & Nivre (2011) features ([`features::parser_features`]), trained
//! with a dynamic oracle (Goldberg & Nivre 2012) by `crates/train`.
//!
//! One class per labelled move (shift, reduce, left arc with a relation,
//! right arc with a relation), as in spaCy's early parser: choosing the
//! move and its relation together was 1.1 UAS and 1.7 LAS points better on
//! EWT dev than a separate relation classifier, at any model size.
//!
//! O(n) in the sentence length: at most 2n transitions, each scoring about
//! a hundred hashed features.

use super::features::{self, ParseWord};
use super::labels::{Deprel, Upos};
use super::model_file::{ModelError, ModelFile, ModelKind, WeightTable};
use super::transition::{Move, MoveSet, State, NONE};

/// One word's attachment: its head (`None` for the sentence root) and the
/// relation to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// Index of the head word in the sentence, `None` for the root.
    pub head: Option<usize>,
    /// The relation.
    pub rel: Deprel,
}

/// A trained parser.
#[derive(Clone, Debug)]
pub struct Parser {
    weights: WeightTable,
    moves: MoveSet,
    labels: Vec<Deprel>,
    /// Label given to extra root children when a parse ends with several.
    extra_root: u8,
}

/// The class names of the moves over `labels`, in class order
/// ("shift", "reduce", "left:…", "right:…").
pub fn move_names(labels: &[Deprel]) -> Vec<String> {
    let mut v = vec!["shift".to_string(), "reduce".to_string()];
    v.extend(labels.iter().map(|l| format!("left:{l}")));
    v.extend(labels.iter().map(|l| format!("right:{l}")));
    v
}

impl Parser {
    /// Loads a parser model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        Parser::from_model(ModelFile::decode(bytes)?)
    }

    /// A parser from a decoded model file.
    pub fn from_model(m: ModelFile) -> Result<Parser, ModelError> {
        if m.kind != ModelKind::Parser {
            return Err(ModelError::WrongKind {
                expected: ModelKind::Parser,
                found: m.kind,
            });
        }
        if m.feature_set != features::PARSER_FEATURES {
            return Err(ModelError::FeatureSet {
                expected: features::PARSER_FEATURES,
                found: m.feature_set,
            });
        }
        let mut labels = Vec::new();
        for c in &m.classes {
            if let Some(l) = c.strip_prefix("left:") {
                labels.push(
                    Deprel::from_conllu(l).ok_or_else(|| ModelError::UnknownLabel(c.clone()))?,
                );
            }
        }
        if labels.is_empty() || labels.len() > 120 || move_names(&labels) != m.classes {
            return Err(ModelError::Invalid("parser classes"));
        }
        let root = labels
            .iter()
            .position(|&l| l == Deprel::Root)
            .ok_or(ModelError::Invalid("no root label"))? as u8;
        let extra_root = labels
            .iter()
            .position(|&l| l == Deprel::Parataxis)
            .or_else(|| labels.iter().position(|&l| l != Deprel::Root))
            .unwrap_or(root as usize) as u8;
        Ok(Parser {
            weights: m.weights,
            moves: MoveSet {
                n_labels: labels.len() as u8,
                root,
            },
            labels,
            extra_root,
        })
    }

    /// The relations this parser predicts.
    pub fn labels(&self) -> &[Deprel] {
        &self.labels
    }

    /// Parses one sentence of UD-style words with their tags (`tags` should
    /// have one tag a word; missing tags count as `X`). Every word gets a
    /// head, and exactly one word is the root.
    pub fn parse(&self, words: &[&str], tags: &[Upos]) -> Vec<Attachment> {
        let mut out = Vec::with_capacity(words.len());
        self.parse_into(words, tags, &mut Scratch::default(), &mut out);
        out
    }

    /// [`Parser::parse`] appending to `out`, with reusable scratch space.
    pub fn parse_into(
        &self,
        words: &[&str],
        tags: &[Upos],
        scratch: &mut Scratch,
        out: &mut Vec<Attachment>,
    ) {
        scratch.words.clear();
        for (i, w) in words.iter().enumerate() {
            let tag = tags.get(i).copied().unwrap_or(Upos::X).index();
            scratch.words.push(ParseWord::new(w, tag, &mut scratch.buf));
        }
        let n = words.len();
        let mut st = State::new(n);
        scratch.scores.resize(self.moves.n_classes(), 0);
        while !st.is_terminal() {
            scratch.feats.clear();
            features::parser_features(&st, &scratch.words, &mut scratch.feats);
            scratch.scores.iter_mut().for_each(|s| *s = 0);
            self.weights.add_scores(&scratch.feats, &mut scratch.scores);
            match best_move(&st, &self.moves, &scratch.scores) {
                Some(m) => st.apply(m, &self.moves),
                None => break,
            }
        }
        scratch.arcs.clear();
        scratch.arcs.extend(st.arcs());
        single_root(
            &mut scratch.arcs,
            n as u32,
            self.moves.root,
            self.extra_root,
        );
        out.extend(scratch.arcs.iter().map(|&(h, l)| Attachment {
            head: if h == NONE || h as usize >= n {
                None
            } else {
                Some(h as usize)
            },
            rel: self.labels.get(l as usize).copied().unwrap_or(Deprel::Dep),
        }));
    }

    /// The number of weighted features and of weights.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.len(), self.weights.entry_count())
    }

    /// The weight table (for diagnostics).
    pub fn weights(&self) -> &WeightTable {
        &self.weights
    }
}

/// Keeps one root: when several words hang from the root (`n`), the first
/// stays, the others attach to it with label `extra`; a word left without
/// a head (only after an aborted parse) does the same.
pub fn single_root(arcs: &mut [(u32, u8)], n: u32, root: u8, extra: u8) {
    let mut first = None;
    for (i, arc) in arcs.iter_mut().enumerate() {
        if arc.0 == n || arc.0 == NONE {
            match first {
                None => {
                    first = Some(i as u32);
                    *arc = (n, root);
                }
                Some(r) => *arc = (r, extra),
            }
        }
    }
}

/// The best-scoring valid move (the first on ties), or `None` when the
/// configuration is terminal.
pub fn best_move<T: PartialOrd + Copy>(st: &State, moves: &MoveSet, scores: &[T]) -> Option<Move> {
    let [shift, reduce, left, right] = st.valid_kinds();
    let mut best: Option<(usize, T)> = None;
    let mut consider = |c: usize| {
        if let Some(&s) = scores.get(c) {
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((c, s));
            }
        }
    };
    if shift {
        consider(0);
    }
    if reduce {
        consider(1);
    }
    let nl = moves.n_labels as usize;
    let root = moves.root as usize;
    if left {
        if st.at_root() {
            consider(2 + root);
        } else {
            (0..nl).filter(|&l| l != root).for_each(|l| consider(2 + l));
        }
    }
    if right {
        (0..nl)
            .filter(|&l| l != root)
            .for_each(|l| consider(2 + nl + l));
    }
    best.and_then(|(c, _)| moves.decode(c))
}

/// Reusable buffers for [`Parser::parse_into`].
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    words: Vec<ParseWord>,
    feats: Vec<u64>,
    scores: Vec<i32>,
    arcs: Vec<(u32, u8)>,
    buf: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty_parser() -> Parser {
        let labels = [Deprel::Root, Deprel::Nsubj, Deprel::Obj, Deprel::Parataxis];
        let m = ModelFile {
            kind: ModelKind::Parser,
            feature_set: features::PARSER_FEATURES,
            classes: move_names(&labels),
            weights: WeightTable::from_rows(20, Vec::new()).unwrap(),
            lexicon: Vec::new(),
            ambiguity: Vec::new(),
        };
        Parser::from_bytes(&m.encode()).unwrap()
    }

    #[test]
    fn an_untrained_parser_still_returns_one_tree() {
        let p = empty_parser();
        for n in 0..12 {
            let words: Vec<&str> = (0..n).map(|_| "w").collect();
            let arcs = p.parse(&words, &[]);
            assert_eq!(arcs.len(), n);
            assert_eq!(arcs.iter().filter(|a| a.head.is_none()).count(), n.min(1));
            assert!(arcs.iter().all(|a| a.head.is_none_or(|h| h < n)));
            assert!(arcs
                .iter()
                .all(|a| (a.head.is_none()) == (a.rel == Deprel::Root)));
        }
    }

    #[test]
    fn extra_roots_attach_to_the_first() {
        let mut arcs = vec![(3, 0), (0, 1), (3, 0)];
        single_root(&mut arcs, 3, 0, 3);
        assert_eq!(arcs, vec![(3, 0), (0, 1), (0, 3)]);
    }

    #[test]
    fn parser_classes_must_match_the_move_names() {
        let labels = [Deprel::Root, Deprel::Nsubj];
        let mut m = ModelFile {
            kind: ModelKind::Parser,
            feature_set: features::PARSER_FEATURES,
            classes: move_names(&labels),
            weights: WeightTable::from_rows(20, Vec::new()).unwrap(),
            lexicon: Vec::new(),
            ambiguity: Vec::new(),
        };
        m.classes.swap(0, 1);
        assert!(matches!(
            Parser::from_model(m.clone()),
            Err(ModelError::Invalid(_))
        ));
        m.classes = move_names(&[Deprel::Nsubj]);
        assert!(matches!(Parser::from_model(m), Err(ModelError::Invalid(_))));
    }
}

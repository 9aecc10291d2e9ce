//! Extractive summary. Placeholder: the first sentences.

use crate::doc::Doc;
use crate::model::{Actor, Proposal, Summary};

/// Picks `n` sentences, in text order.
pub fn summarize(doc: &Doc, _actors: &[Actor], _proposals: &[Proposal], n: usize) -> Summary {
    let sentences: Vec<usize> = (0..doc.sentences.len().min(n)).collect();
    let text = sentences
        .iter()
        .map(|&i| doc.slice(doc.sentences[i]))
        .collect::<Vec<_>>()
        .join(" ");
    Summary { sentences, text }
}

//! Proposals (plans, deals, demands, guarantees, summits…) and the stances
//! actors take on them.
//!
//! Placeholder: not yet implemented.

use crate::doc::Doc;
use crate::model::{Actor, Proposal};

/// Finds proposals and stances.
pub fn find(_doc: &Doc, _actors: &[Actor]) -> Vec<Proposal> {
    Vec::new()
}

//! Facts: what each actor does or says, as short clauses.
//!
//! Placeholder: not yet implemented.

use crate::doc::Doc;
use crate::model::Actor;

/// Attaches facts to actors.
pub fn attach(_doc: &Doc, _actors: &mut [Actor]) {}

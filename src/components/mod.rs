//! The app's components, one per file.

pub mod article;
pub mod card;
pub mod digest;
pub mod editor;
pub mod header;
pub mod positions;
pub mod quotes;
pub mod result;
pub mod sidebar;
pub mod stance_map;
pub mod summary;

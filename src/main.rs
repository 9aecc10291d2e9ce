//! Placeholder entry point; the Yew app replaces this.
fn main() {}

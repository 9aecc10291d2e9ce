//! HTML detection and story extraction (reader-view style).
//!
//! Placeholder extraction: strips tags and decodes a few entities. To be
//! replaced by a proper extractor.

/// True if `input` looks like an HTML document or fragment.
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start();
    let lower: String = head
        .chars()
        .take(512)
        .flat_map(char::to_lowercase)
        .collect();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || ["<p>", "<p ", "<div", "<article", "<body", "<br"]
            .iter()
            .any(|t| lower.contains(t))
}

/// Extracts the story text of an HTML document: one paragraph a line.
pub fn extract(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&nbsp;", " ")
}

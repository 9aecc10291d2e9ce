//! Escaping for HTML text and attribute values.

/// Escapes `s` for use as HTML text or a double- or single-quoted attribute value.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_html(&mut out, s);
    out
}

/// Appends `s` to `out`, escaped as by [`html`].
pub fn push_html(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Controls other than tab/newline are not valid in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// A token safe inside an id or class attribute and a URL fragment: ASCII
/// alphanumerics and `-`, everything else replaced by `-`.
pub fn ident(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            html("<img src=x onerror=\"a()\">&'"),
            "&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;&#39;"
        );
        assert_eq!(html("a\u{0}b"), "a\u{FFFD}b");
        assert_eq!(ident("p-x\"><script>"), "p-x---script-");
    }
}

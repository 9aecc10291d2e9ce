//! Story text from JSON-LD (`<script type="application/ld+json">`): many news
//! pages render their body with JavaScript but carry the full text in a
//! schema.org `NewsArticle`'s `articleBody`. Used only when the markup itself
//! yields almost nothing.
//!
//! No JSON parser is needed: the longest `"articleBody"` string value (and
//! the first `"headline"`) is read with a small string decoder. O(n).

use super::tokenizer::{Token, Tokenizer};

/// The headline and body found in a page's JSON-LD scripts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LdArticle {
    /// The `headline`, if any.
    pub headline: Option<String>,
    /// The longest `articleBody`.
    pub body: String,
}

/// Reads the JSON-LD article of `html`, if it has a non-empty `articleBody`.
pub fn article(html: &str) -> Option<LdArticle> {
    let mut best = LdArticle::default();
    let mut in_ld = false;
    for token in Tokenizer::new(html) {
        match token {
            Token::Start(tag) => {
                in_ld = tag.name.eq_ignore_ascii_case("script")
                    && tag
                        .attr("type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
            }
            Token::Raw(json) if in_ld => {
                for body in string_values(json, "articleBody") {
                    if body.len() > best.body.len() {
                        best.body = body;
                    }
                }
                if best.headline.is_none() {
                    best.headline = string_values(json, "headline").into_iter().next();
                }
            }
            _ => {}
        }
    }
    (!best.body.trim().is_empty()).then_some(best)
}

/// Every string value of `"key"` in `json` (decoded), in order.
fn string_values(json: &str, key: &str) -> Vec<String> {
    let needle = format!("\"{key}\"");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = json[from..].find(&needle) {
        let after = from + i + needle.len();
        from = after;
        let rest = json[after..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(body) = rest.strip_prefix('"') else {
            continue;
        };
        let (value, used) = decode_string(body);
        out.push(value);
        from = json.len() - body.len() + used;
    }
    out
}

/// Decodes a JSON string body (after the opening quote): the value and the
/// bytes used, closing quote included (or to the end if unterminated).
fn decode_string(s: &str) -> (String, usize) {
    let mut out = String::new();
    let mut chars = s.char_indices();
    // A high surrogate waiting for its low half.
    let mut pending_high: Option<u32> = None;
    while let Some((i, c)) = chars.next() {
        let high = pending_high.take();
        let decoded = match c {
            '"' => {
                if high.is_some() {
                    out.push('\u{FFFD}');
                }
                return (out, i + 1);
            }
            '\\' => match chars.next().map(|(_, e)| e) {
                None => break,
                Some('n') => '\n',
                Some('t') => '\t',
                Some('r') => '\r',
                Some('b' | 'f') => ' ',
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).map(|(_, h)| h).collect();
                    let code = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                    match (high, code) {
                        (Some(h), 0xDC00..=0xDFFF) => {
                            out.push(
                                char::from_u32(0x10000 + ((h - 0xD800) << 10) + (code - 0xDC00))
                                    .unwrap_or('\u{FFFD}'),
                            );
                            continue;
                        }
                        (_, 0xD800..=0xDBFF) => {
                            if high.is_some() {
                                out.push('\u{FFFD}');
                            }
                            pending_high = Some(code);
                            continue;
                        }
                        _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
                    }
                }
                Some(other) => other,
            },
            _ => c,
        };
        if high.is_some() {
            out.push('\u{FFFD}');
        }
        out.push(decoded);
    }
    if pending_high.is_some() {
        out.push('\u{FFFD}');
    }
    (out, s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_article_body_and_headline() {
        let page = r#"<html><head><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Talks \"stall\"","articleBody":"First line.\nSecond \u2019 line \ud83d\ude00."}
            </script><script>var articleBody = "not this";</script></head><body></body></html>"#;
        let a = article(page);
        assert_eq!(
            a,
            Some(LdArticle {
                headline: Some("Talks \"stall\"".to_owned()),
                body: "First line.\nSecond ’ line 😀.".to_owned(),
            })
        );
    }

    #[test]
    fn missing_or_broken_json_is_none_or_partial() {
        assert_eq!(article("<p>No scripts</p>"), None);
        let a = article("<script type=application/ld+json>{\"articleBody\": \"unterminated \\");
        assert_eq!(a.map(|a| a.body), Some("unterminated ".to_owned()));
        assert_eq!(decode_string(r#"\ud800x""#).0, "\u{FFFD}x");
    }
}

//! A forgiving, allocation-free HTML tokenizer: start tags (with their raw
//! attribute text), end tags, text and the raw content of `script`/`style`
//! and similar elements. Comments, doctypes and processing instructions are
//! skipped.
//!
//! Follows the HTML tokenizer where it matters for text extraction: a `<` not
//! followed by a tag name is text, quoted attribute values may contain `>`, a
//! comment or tag left open at the end of the input swallows the rest, and
//! raw-text elements end only at their own end tag. Every byte is scanned a
//! bounded number of times, so tokenizing is O(n).

/// Elements whose content is raw text (not markup) up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// One token of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// A start tag.
    Start(StartTag<'a>),
    /// An end tag, with its name as written.
    End(&'a str),
    /// Text between tags, with character references still encoded.
    Text(&'a str),
    /// The content of a raw-text element (`script`, `style`, `title`…).
    Raw(&'a str),
}

/// A start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartTag<'a> {
    /// The tag name as written (compare case-insensitively).
    pub name: &'a str,
    /// The raw attribute text between the name and `>`.
    pub attrs: &'a str,
    /// True for `<tag … />`.
    pub self_closing: bool,
}

impl<'a> StartTag<'a> {
    /// The value of attribute `name` (ASCII case-insensitive), entities undecoded.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        Attrs { s: self.attrs }
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// Iterator over `(name, value)` pairs of raw attribute text.
struct Attrs<'a> {
    s: &'a str,
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let s = self
                .s
                .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            if s.is_empty() {
                self.s = s;
                return None;
            }
            let b = s.as_bytes();
            // The first character of a name may be anything, even `=`.
            let mut i = 1;
            while i < b.len() && !matches!(b[i], b'=' | b'/' | b'>') && !b[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let name = &s[..i];
            let rest = s[i..].trim_start_matches(|c: char| c.is_ascii_whitespace());
            let Some(after_eq) = rest.strip_prefix('=') else {
                self.s = rest;
                return Some((name, ""));
            };
            let v = after_eq.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (value, rest) = match v.as_bytes().first() {
                Some(&q @ (b'"' | b'\'')) => match v[1..].find(q as char) {
                    Some(e) => (&v[1..1 + e], &v[2 + e..]),
                    None => (&v[1..], ""),
                },
                _ => {
                    let e = v.find(|c: char| c.is_ascii_whitespace()).unwrap_or(v.len());
                    (&v[..e], &v[e..])
                }
            };
            self.s = rest;
            if name.is_empty() {
                continue;
            }
            return Some((name, value));
        }
    }
}

/// The tokenizer: an iterator over the [`Token`]s of an HTML string.
#[derive(Debug, Clone)]
pub struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: the element whose content comes next.
    raw: Option<&'a str>,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer over `src`.
    pub fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
        }
    }

    /// Finds `</name` (case-insensitive, followed by a delimiter) at or after
    /// `from`; the input length when absent.
    fn raw_end(&self, from: usize, name: &str) -> usize {
        let b = self.src.as_bytes();
        let mut i = from;
        while let Some(off) = self.src[i..].find("</") {
            let at = i + off;
            let n = at + 2;
            let e = n + name.len();
            if e <= b.len()
                && b[n..e].eq_ignore_ascii_case(name.as_bytes())
                && b.get(e)
                    .is_none_or(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
            {
                return at;
            }
            i = at + 2;
        }
        b.len()
    }

    /// Scans a tag's attributes from `from` to its closing `>`, honouring
    /// quoted values; returns the index of `>` (or the input length).
    fn tag_end(&self, from: usize) -> usize {
        let b = self.src.as_bytes();
        let mut i = from;
        let mut after_eq = false;
        while i < b.len() {
            match b[i] {
                b'>' => return i,
                b'=' => after_eq = true,
                q @ (b'"' | b'\'') if after_eq => {
                    i = self.src[i + 1..]
                        .find(q as char)
                        .map_or(b.len(), |e| i + 1 + e);
                    after_eq = false;
                }
                c if c.is_ascii_whitespace() => {}
                _ => after_eq = false,
            }
            i += 1;
        }
        b.len()
    }

    /// Index just after the next `>` at or after `from` (or the input length).
    fn skip_to_gt(&self, from: usize) -> usize {
        self.src[from..]
            .find('>')
            .map_or(self.src.len(), |e| from + e + 1)
    }
}

fn name_len(b: &[u8]) -> usize {
    b.iter()
        .take_while(|&&c| !(c.is_ascii_whitespace() || c == b'/' || c == b'>'))
        .count()
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let src = self.src;
        let b = src.as_bytes();
        if let Some(name) = self.raw.take() {
            let end = self.raw_end(self.pos, name);
            let text = &src[self.pos..end];
            self.pos = end;
            if !text.is_empty() {
                return Some(Token::Raw(text));
            }
        }
        loop {
            if self.pos >= b.len() {
                return None;
            }
            let start = self.pos;
            // Text up to the next `<` that opens markup.
            let mut i = start;
            let markup = loop {
                match src[i..].find('<') {
                    None => break None,
                    Some(off) => {
                        let at = i + off;
                        match b.get(at + 1) {
                            Some(c)
                                if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?') =>
                            {
                                break Some(at)
                            }
                            _ => i = at + 1,
                        }
                    }
                }
            };
            let Some(lt) = markup else {
                self.pos = b.len();
                return Some(Token::Text(&src[start..]));
            };
            if lt > start {
                self.pos = lt;
                return Some(Token::Text(&src[start..lt]));
            }
            match b[lt + 1] {
                b'!' => {
                    self.pos = if src[lt..].starts_with("<!--") {
                        let body = lt + 4;
                        if src[body..].starts_with('>') {
                            body + 1
                        } else if src[body..].starts_with("->") {
                            body + 2
                        } else {
                            src[body..].find("-->").map_or(b.len(), |e| body + e + 3)
                        }
                    } else {
                        self.skip_to_gt(lt + 2)
                    };
                }
                b'?' => self.pos = self.skip_to_gt(lt + 2),
                b'/' => {
                    let n = lt + 2;
                    match b.get(n) {
                        Some(c) if c.is_ascii_alphabetic() => {
                            let len = name_len(&b[n..]);
                            let gt = self.tag_end(n + len);
                            self.pos = (gt + 1).min(b.len());
                            if gt >= b.len() {
                                return None;
                            }
                            return Some(Token::End(&src[n..n + len]));
                        }
                        _ => self.pos = self.skip_to_gt(n),
                    }
                }
                _ => {
                    let n = lt + 1;
                    let len = name_len(&b[n..]);
                    let name = &src[n..n + len];
                    let gt = self.tag_end(n + len);
                    if gt >= b.len() {
                        // A tag cut off by the end of the input is dropped.
                        self.pos = b.len();
                        return None;
                    }
                    self.pos = gt + 1;
                    let inner = &src[n + len..gt];
                    let self_closing = inner.ends_with('/');
                    if let Some(raw) = RAW_TEXT.iter().find(|r| name.eq_ignore_ascii_case(r)) {
                        self.raw = Some(raw);
                    }
                    return Some(Token::Start(StartTag {
                        name,
                        attrs: inner,
                        self_closing,
                    }));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Tokenizer::new(s).collect()
    }

    #[test]
    fn tags_text_and_attributes() {
        let t = tokens(r#"<P class="a>b" id=x data-q='1'>Hi &amp; bye</p>"#);
        assert_eq!(t.len(), 3);
        let Token::Start(tag) = t[0] else {
            panic!("expected a start tag, got {:?}", t[0])
        };
        assert!(tag.name.eq_ignore_ascii_case("p"));
        assert_eq!(tag.attr("CLASS"), Some("a>b"));
        assert_eq!(tag.attr("id"), Some("x"));
        assert_eq!(tag.attr("data-q"), Some("1"));
        assert_eq!(tag.attr("missing"), None);
        assert_eq!(t[1], Token::Text("Hi &amp; bye"));
        assert_eq!(t[2], Token::End("p"));
    }

    #[test]
    fn lone_angle_brackets_are_text() {
        let t = tokens("a < b and 3<4 <> c");
        let text: String = t
            .iter()
            .map(|t| match t {
                Token::Text(s) => *s,
                _ => "",
            })
            .collect();
        assert_eq!(text, "a < b and 3<4 <> c");
    }

    #[test]
    fn raw_text_and_comments() {
        let t = tokens(
            "<script>if (a<b) { x = '</div>'; }</script><!-- <p>gone</p> -->ok<style>p{}</STYLE >",
        );
        assert_eq!(t[1], Token::Raw("if (a<b) { x = '</div>'; }"));
        assert_eq!(t[2], Token::End("script"));
        assert_eq!(t[3], Token::Text("ok"));
        assert_eq!(t[5], Token::Raw("p{}"));
        assert_eq!(t[6], Token::End("STYLE"));
    }

    #[test]
    fn unterminated_constructs_end_quietly() {
        assert_eq!(tokens("text<!-- open comment").len(), 1);
        assert_eq!(tokens("text<div class=\"never closed>more").len(), 1);
        assert_eq!(tokens("<script>no end").len(), 2);
        assert_eq!(tokens("<!DOCTYPE html><?xml x?>t"), vec![Token::Text("t")]);
    }
}

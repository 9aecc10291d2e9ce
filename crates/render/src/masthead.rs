//! The article's masthead as the text gives it: its headline, byline and
//! date, for the page's `h1` and the titles of the exports.
//!
//! The headline is the first paragraph when it reads like one: short, a
//! single line that does not end like a sentence, not set aside, and
//! followed by more text. The byline and the date come from the lines the
//! core set aside as bylines ("By Maria Lopez", "Published 3 March 2026");
//! the one with a year in it is the date. O(paragraphs + ignored ranges).

use gloss_core::{Analysis, IgnoredReason, Span};

/// Longest headline, in characters.
const MAX_HEADLINE_CHARS: usize = 200;
/// Bylines and dates are looked for in this many paragraphs from the top.
const TOP_PARAGRAPHS: usize = 5;

/// What the top of the article says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masthead {
    /// The headline paragraph (its byte range), if the text starts with one.
    pub headline: Option<Span>,
    /// The byline ("By Maria Lopez, Transport Correspondent").
    pub byline: Option<String>,
    /// The date line ("Published 3 March 2026").
    pub date: Option<String>,
}

impl Masthead {
    /// The headline's text.
    pub fn title<'a>(&self, a: &'a Analysis) -> Option<&'a str> {
        self.headline
            .and_then(|s| a.text.get(s.start..s.end))
            .map(str::trim)
    }

    /// Index of the first paragraph of the story itself: after the headline
    /// and the byline and date lines right below it, which a view shows in
    /// its header instead (0 when there is no headline).
    pub fn body_start(&self, a: &Analysis) -> usize {
        if self.headline.is_none() {
            return 0;
        }
        let credit_line = |p: &Span| {
            a.ignored
                .iter()
                .any(|i| i.reason == IgnoredReason::Byline && i.start <= p.start && p.end <= i.end)
        };
        1 + a
            .paragraphs
            .iter()
            .skip(1)
            .take_while(|p| credit_line(p))
            .count()
    }

    /// "By Maria Lopez · Published 3 March 2026", when either is known.
    pub fn credit(&self) -> Option<String> {
        let parts: Vec<&str> = self
            .byline
            .iter()
            .chain(&self.date)
            .map(String::as_str)
            .collect();
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

fn has_year(s: &str) -> bool {
    s.as_bytes().windows(4).enumerate().any(|(i, w)| {
        let before = i == 0 || !s.as_bytes()[i - 1].is_ascii_digit();
        let after = s.as_bytes().get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        before
            && after
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && w.iter().all(u8::is_ascii_digit)
    })
}

/// The masthead of `a` (byte offsets).
pub fn masthead(a: &Analysis) -> Masthead {
    let mut m = Masthead::default();
    let ignored = |s: &Span| a.ignored.iter().any(|i| i.start < s.end && s.start < i.end);
    if let (Some(first), true) = (a.paragraphs.first(), a.paragraphs.len() > 1) {
        let text = a.text.get(first.start..first.end).unwrap_or("").trim();
        let ends_like_a_sentence = text.ends_with('.') && !text.ends_with("..");
        if !text.is_empty()
            && text.chars().count() <= MAX_HEADLINE_CHARS
            && !text.contains('\n')
            && !ends_like_a_sentence
            && !ignored(first)
        {
            m.headline = Some(*first);
        }
    }
    let top_end = a
        .paragraphs
        .get(TOP_PARAGRAPHS)
        .map_or(a.text.len(), |p| p.start);
    for i in a
        .ignored
        .iter()
        .filter(|i| i.reason == IgnoredReason::Byline && i.start < top_end)
    {
        let line = a.text.get(i.start..i.end).unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let slot = if has_year(line) {
            &mut m.date
        } else {
            &mut m.byline
        };
        if slot.is_none() {
            *slot = Some(line.to_owned());
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::{analyze, Options};

    #[test]
    fn headline_byline_and_date() {
        let text = "City council approves new bus lanes after heated debate\n\nBy Maria Lopez, Transport Correspondent\n\nPublished 3 March 2026\n\nThe city council on Tuesday approved a plan to add bus lanes on five main roads.\n\nMayor Daniel Reyes proposed the plan.";
        let a = analyze(text, &Options::default());
        let m = masthead(&a);
        assert_eq!(
            m.title(&a),
            Some("City council approves new bus lanes after heated debate")
        );
        assert_eq!(
            m.byline.as_deref(),
            Some("By Maria Lopez, Transport Correspondent")
        );
        assert_eq!(m.date.as_deref(), Some("Published 3 March 2026"));
        assert_eq!(
            m.credit().as_deref(),
            Some("By Maria Lopez, Transport Correspondent · Published 3 March 2026")
        );
        assert_eq!(
            m.body_start(&a),
            3,
            "the story starts after the headline, byline and date"
        );
    }

    #[test]
    fn no_headline_when_the_text_starts_with_a_sentence() {
        let a = analyze(
            include_str!("../../../www/samples/moscow-talks.txt"),
            &Options::default(),
        );
        assert_eq!(masthead(&a).headline, None);
        assert_eq!(masthead(&a).body_start(&a), 0);
        let one = analyze("Talks end without a deal", &Options::default());
        assert_eq!(
            masthead(&one).headline,
            None,
            "a lone line is the article, not its headline"
        );
    }

    #[test]
    fn years() {
        assert!(has_year("3 March 2026"));
        assert!(has_year("2026-03-03"));
        assert!(!has_year("12345 people"));
        assert!(!has_year("By Maria Lopez"));
    }
}

//! Boilerplate detection: lines pasted from a news page that are not the
//! story (photo credits, "Must Read", share widgets, ads, bylines…).
//!
//! Line-based and O(n).

use crate::model::{Ignored, IgnoredReason};

/// Finds boilerplate lines in `text` (byte offsets, sorted, non-overlapping).
pub fn detect(text: &str) -> Vec<Ignored> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(reason) = classify_line(trimmed) {
            let lead = line.len() - line.trim_start().len();
            out.push(Ignored {
                start: start + lead,
                end: start + lead + trimmed.len(),
                reason,
            });
        }
    }
    out
}

/// Whether one trimmed line is boilerplate, and why.
pub fn classify_line(line: &str) -> Option<IgnoredReason> {
    if line.len() > 200 {
        return None;
    }
    let lower = line.to_lowercase();
    let l = lower
        .trim_end_matches([':', '.', '!', '»', '›', '>', '→'])
        .trim();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| l.starts_with(p));
    if starts(&[
        "picture credit",
        "photo credit",
        "image credit",
        "photo:",
        "image:",
        "picture:",
        "credit:",
        "photograph:",
        "(photo",
        "getty images",
        "photo by",
        "image source",
    ]) {
        return Some(IgnoredReason::Credit);
    }
    if matches!(
        l,
        "must read"
            | "read more"
            | "read next"
            | "related"
            | "see also"
            | "more stories"
            | "recommended"
            | "trending"
            | "top stories"
            | "most read"
            | "also read"
            | "don't miss"
            | "you may also like"
            | "more from"
    ) || starts(&[
        "related:",
        "read more:",
        "also read:",
        "read also:",
        "see also:",
        "more on this",
    ]) {
        return Some(IgnoredReason::Navigation);
    }
    if matches!(
        l,
        "share"
            | "share this"
            | "share this article"
            | "share on facebook"
            | "share on twitter"
            | "tweet"
            | "email"
            | "print"
            | "copy link"
            | "comments"
            | "follow us"
    ) || starts(&["share this", "follow us on", "sign up for", "subscribe to"])
    {
        return Some(IgnoredReason::Share);
    }
    if matches!(
        l,
        "advertisement"
            | "advertisements"
            | "sponsored"
            | "sponsored content"
            | "ad"
            | "scroll to continue"
            | "story continues below advertisement"
    ) {
        return Some(IgnoredReason::Advertisement);
    }
    if starts(&[
        "we use cookies",
        "this site uses cookies",
        "this website uses cookies",
        "accept cookies",
        "by continuing to use",
    ]) {
        return Some(IgnoredReason::Notice);
    }
    if l.starts_with("by ")
        && line.split_whitespace().count() <= 6
        && line
            .split_whitespace()
            .skip(1)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w == "and")
    {
        return Some(IgnoredReason::Byline);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sample_boilerplate() {
        let t = "Story text here.\nPicture credit: www.commons.wikimedia.org\nMust Read\n";
        let ig = detect(t);
        assert_eq!(ig.len(), 2);
        assert_eq!(
            &t[ig[0].start..ig[0].end],
            "Picture credit: www.commons.wikimedia.org"
        );
        assert_eq!(ig[1].reason, IgnoredReason::Navigation);
    }

    #[test]
    fn story_lines_kept() {
        assert_eq!(
            classify_line("By the end of the day, Russia had agreed."),
            None
        );
        assert_eq!(
            classify_line("Advertisement"),
            Some(IgnoredReason::Advertisement)
        );
        assert_eq!(classify_line("By Jane Doe"), Some(IgnoredReason::Byline));
    }
}

//! Boilerplate detection: lines pasted from a news page that are not the
//! story (photo credits, "Must Read", share widgets, ads, bylines, cookie and
//! subscription notices, copyright lines…).
//!
//! Each line is classified on its own ([`classify_line`]), plus one context
//! rule: after a list header such as "Related:" or "More stories", the
//! following short, headline-like lines are teaser links too.
//!
//! Story sentences must never be flagged, so every rule that could match the
//! start of a sentence ("By the end of…", "Share prices fell…", "Read the
//! statement…") only applies to short lines without sentence shape.
//!
//! Complexity: O(n) — each line is lower-cased and checked against fixed
//! lists once; the context rule looks at most [`MAX_LIST_LINES`] lines ahead.

use crate::lexicon::{Lexicon, List};
use crate::model::{Ignored, IgnoredReason};

/// Lines longer than this (bytes) are always story.
const MAX_LINE_BYTES: usize = 300;

/// Most teaser lines taken after one list header.
pub const MAX_LIST_LINES: usize = 12;

/// Longest headline-like teaser line in a "Related" list (words).
const MAX_TEASER_WORDS: usize = 16;

/// Fills [`Doc::ignored`](crate::doc::Doc::ignored) (reads the text).
pub struct Boilerplate;

impl crate::pipeline::Component for Boilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }

    fn run(&self, doc: &mut crate::doc::Doc<'_>) {
        doc.ignored = detect(doc.lex, doc.text);
    }
}

/// Finds boilerplate lines in `text` (byte offsets, sorted, non-overlapping).
pub fn detect(lx: &Lexicon, text: &str) -> Vec<Ignored> {
    // Pass 1: every non-empty line with its own classification.
    let mut lines: Vec<(usize, usize, Option<IgnoredReason>, bool)> = Vec::new();
    let mut pos = 0;
    // Teaser lines still allowed after a list header ("Related:").
    let mut list_budget = 0usize;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let reason = classify_line(lx, trimmed).or_else(|| {
            (list_budget > 0 && is_teaser(trimmed)).then_some(IgnoredReason::Navigation)
        });
        match reason {
            Some(reason) => {
                if is_list_header(lx, trimmed) {
                    list_budget = MAX_LIST_LINES;
                } else if reason == IgnoredReason::Navigation && list_budget > 0 {
                    list_budget -= 1;
                }
            }
            None => list_budget = 0,
        }
        let span_start = start + lead;
        lines.push((
            span_start,
            span_start + trimmed.len(),
            reason,
            is_menu_item(trimmed),
        ));
    }
    // Pass 2: a run of MIN_MENU_RUN or more menu-like lines ("News",
    // "Business", "Sign in"…) is a navigation bar, whatever else it holds.
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        while j < lines.len() && lines[j].3 {
            j += 1;
        }
        // At least two entries must be recognisable site sections or
        // controls, so a list of places or names in a story is left alone.
        let known = lines[i..j]
            .iter()
            .filter(|l| {
                l.2.is_some()
                    || text
                        .get(l.0..l.1)
                        .is_some_and(|t| lx.is_section_word(&normalise(t)))
            })
            .count();
        if j - i >= MIN_MENU_RUN && known >= 2 {
            for l in &mut lines[i..j] {
                l.2.get_or_insert(IgnoredReason::Navigation);
            }
        }
        i = j.max(i + 1);
    }
    lines
        .into_iter()
        .filter_map(|(start, end, reason, _)| reason.map(|reason| Ignored { start, end, reason }))
        .collect()
}

/// Shortest run of consecutive menu-like lines taken as a navigation bar.
const MIN_MENU_RUN: usize = 3;

/// A menu entry: one to three capitalised words, no digits, no sentence
/// punctuation ("News", "Sign in", "Climate Crisis").
fn is_menu_item(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && line.len() <= 40
        && !line.contains(|c: char| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '?' | '!' | '"' | '“' | '”')
        })
        && words.iter().enumerate().all(|(k, w)| {
            w.chars().next().is_some_and(char::is_uppercase)
                || (k > 0 && matches!(*w, "in" | "up" | "out" | "&" | "and" | "of"))
        })
}

/// The normalised form of a line used by the rules: lower case, straight
/// apostrophes, surrounding punctuation and bullets trimmed.
fn normalise(line: &str) -> String {
    let lower: String = line
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    lower
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ':' | '.'
                        | '!'
                        | '»'
                        | '›'
                        | '>'
                        | '<'
                        | '→'
                        | '•'
                        | '·'
                        | '|'
                        | '-'
                        | '–'
                        | '—'
                        | '*'
                        | '#'
                        | '▶'
                        | '►'
                        | '+'
                )
        })
        .to_owned()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True if the line ends like a sentence (`.`, `!`, `?`, possibly quoted).
fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '”', '’', ')', '»']);
    t.ends_with(['.', '!', '?', '…']) && !t.ends_with("..")
}

/// True if the lower-case word cannot start a byline's name ("By Monday",
/// "By March", "By Christmas").
fn not_a_name(lx: &Lexicon, lower: &str) -> bool {
    lx.is_byline_not_name(lower) || lx.is_month_name(lower) || lx.is_weekday(lower)
}

/// A particle inside a byline name ("By Ursula von der Leyen", "By Jane
/// Doe and John Roe"): a name particle, a conjunction, or a particle of
/// Spanish and Dutch names ("y", "la", "ten") or "St" ("By Jane St Clair").
fn byline_particle(lx: &Lexicon, lower: &str) -> bool {
    matches!(lower, "and" | "&" | "la" | "y" | "ten" | "st") || lx.is_name_particle(lower)
}

fn is_list_header(lx: &Lexicon, line: &str) -> bool {
    let l = normalise(line);
    lx.is_list_header(&l) || (l.starts_with("more from ") && word_count(&l) <= 5)
}

/// A short, headline-like line (a teaser link in a "Related" list).
fn is_teaser(line: &str) -> bool {
    let words = word_count(line);
    words > 0
        && words <= MAX_TEASER_WORDS
        && !line.trim_end_matches(['"', '\'', '”', '’']).ends_with('.')
}

/// True for a line made only of dates, times and "updated/ago" words.
fn is_timestamp(lx: &Lexicon, l: &str) -> bool {
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '/' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    // A bare number ("2013") is a section heading, not a timestamp: require a
    // month or weekday, "ago", a clock time, or an "Updated"-like word with a number.
    let mut anchor = false;
    let mut number = false;
    let mut stamp_word = false;
    for w in &words {
        let w = w.trim_matches(|c: char| matches!(c, '.' | ':' | '-' | '–' | '—'));
        if w.is_empty() {
            continue;
        }
        let numeric = w
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-' | 'h'))
            && w.chars().any(|c| c.is_ascii_digit());
        let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| {
            w.strip_suffix(s)
                .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        });
        let time = w
            .strip_suffix("am")
            .or_else(|| w.strip_suffix("pm"))
            .is_some_and(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
            });
        if numeric || ordinal || time {
            number = true;
            anchor |= time || (numeric && w.contains(':'));
            continue;
        }
        if lx.is_month(w) || lx.is_weekday(w) {
            anchor = true;
            continue;
        }
        if lx.is_date_word(w) {
            anchor |= w == "ago";
            stamp_word |= matches!(w, "updated" | "published" | "posted");
            continue;
        }
        return false;
    }
    anchor || (stamp_word && number)
}

/// True for "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE | CNN".
fn is_byline(lx: &Lexicon, line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    if word_count(line) > 14 || ends_like_sentence(rest) && !rest.ends_with("Jr.") {
        return false;
    }
    // The name part ends at a comma, bar, bullet or dash.
    let name = rest
        .split([',', '|', '•', '·', '–', '—', ';', '(', '/'])
        .next()
        .unwrap_or("")
        .trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let first = words[0].to_lowercase();
    if not_a_name(lx, first.trim_end_matches(['\'', '’', 's'])) || not_a_name(lx, &first) {
        return false;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let all_name_like = words
        .iter()
        .all(|w| capitalised(w) || byline_particle(lx, &w.to_lowercase()));
    // A single word is a byline only if something follows it ("By Reuters staff" has
    // three words; "By Reuters" alone is a byline too, but "By Monday" is excluded above).
    all_name_like && capitalised(words[0])
}

/// True for a line that is only social-network names and share actions, or a handle.
fn is_share_widget(lx: &Lexicon, l: &str) -> bool {
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let handles = words
        .iter()
        .filter(|w| w.starts_with('@') && w.len() > 1)
        .count();
    let shares = words.iter().filter(|w| lx.is_share_word(w)).count();
    let glue = words
        .iter()
        .filter(|w| matches!(**w, "on" | "us" | "follow" | "via" | "and" | "or" | "to"))
        .count();
    handles + shares + glue == words.len() && (handles > 0 || shares >= 2)
}

fn is_copyright(l: &str) -> bool {
    (l.starts_with('©')
        || l.starts_with("(c) ")
        || l.starts_with("copyright ©")
        || l.starts_with("copyright (c)")
        || (l.starts_with("copyright ")
            && l.split_whitespace()
                .nth(1)
                .is_some_and(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))))
        || l.contains("all rights reserved")
        || l.contains("may not be published, broadcast, rewritten")
}

/// Whether one trimmed line is boilerplate, and why.
pub fn classify_line(lx: &Lexicon, line: &str) -> Option<IgnoredReason> {
    if line.len() > MAX_LINE_BYTES {
        return None;
    }
    let l = normalise(line);
    if l.is_empty() {
        return None;
    }
    let words = word_count(&l);
    let sentence = ends_like_sentence(line.trim());
    let starts = |list: &[&str]| list.iter().any(|p| l.starts_with(p));
    let starts_list = |list: List| starts(lx.words(list));
    let short = |max: usize| words <= max;

    // Credits: explicit labels at any length; agency credits on short lines.
    if starts_list(List::CreditPrefixes)
        || (short(14) && !sentence && lx.words(List::CreditSources).iter().any(|s| l.contains(s)))
        || (short(20) && l.contains("(ap photo"))
    {
        return Some(IgnoredReason::Credit);
    }
    if is_copyright(&l) && short(40) {
        return Some(IgnoredReason::Other);
    }
    if lx.is_ad_line(&l) {
        return Some(IgnoredReason::Advertisement);
    }
    if lx.is_list_header(&l)
        || lx.is_nav_line(&l)
        || (short(16) && starts_list(List::NavPrefixes))
        || (short(5) && l.starts_with("more from "))
        || (short(4) && l.ends_with("min read"))
        || (short(4) && l.starts_with("comments ("))
        || (short(3) && l.ends_with(" comments") && l.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Some(IgnoredReason::Navigation);
    }
    if lx.is_share_line(&l)
        || (short(8) && !sentence && starts(&["share this", "share on", "share via"]))
        || is_share_widget(lx, &l)
    {
        return Some(IgnoredReason::Share);
    }
    if lx.is_notice_line(&l)
        || (short(30) && starts_list(List::NoticePrefixes) && !story_like(line))
    {
        return Some(IgnoredReason::Notice);
    }
    if is_byline(lx, line.trim()) || (short(24) && starts_list(List::BylinePrefixes)) {
        return Some(IgnoredReason::Byline);
    }
    if short(14)
        && !sentence
        && (lx.words(List::TimestampStarts).iter().any(|p| {
            l.strip_prefix(p)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ':']))
                && is_timestamp(lx, &l)
        }) || is_timestamp(lx, &l))
    {
        return Some(IgnoredReason::Byline);
    }
    None
}

/// A notice prefix that begins a reported sentence instead ("Sign up for the
/// draft was mandatory, officials said."): long and ending like a sentence
/// with a reporting verb or a subject.
fn story_like(line: &str) -> bool {
    let l = line.to_lowercase();
    ends_like_sentence(line)
        && word_count(line) > 10
        && [
            " said",
            " says",
            " told",
            " according to",
            " reported",
            " was ",
            " were ",
        ]
        .iter()
        .any(|v| l.contains(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lx() -> &'static Lexicon {
        crate::Analyzer::shared().lexicon()
    }
    use IgnoredReason::*;

    #[test]
    fn finds_sample_boilerplate() {
        let t = "Story text here.\nPicture credit: www.commons.wikimedia.org\nMust Read\n";
        let ig = detect(lx(), t);
        assert_eq!(ig.len(), 2);
        assert_eq!(
            &t[ig[0].start..ig[0].end],
            "Picture credit: www.commons.wikimedia.org"
        );
        assert_eq!(ig[0].reason, Credit);
        assert_eq!(ig[1].reason, Navigation);
        assert_eq!(&t[ig[1].start..ig[1].end], "Must Read");
    }

    #[test]
    fn sample_article_has_exactly_its_two_boilerplate_lines() {
        let t = include_str!("../../../www/samples/moscow-talks.txt");
        let ig = detect(lx(), t);
        let lines: Vec<&str> = ig.iter().map(|i| &t[i.start..i.end]).collect();
        assert_eq!(
            lines,
            ["Picture credit: www.commons.wikimedia.org", "Must Read"]
        );
    }

    #[test]
    fn boilerplate_lines() {
        let cases: &[(&str, IgnoredReason)] = &[
            ("Photo: Jane Doe/Reuters", Credit),
            ("Image source, Getty Images", Credit),
            ("Image caption, Talks lasted five hours", Credit),
            (
                "Soldiers near the front line. (AP Photo/Efrem Lukatsky)",
                Credit,
            ),
            ("Cranes at the port. Jane Doe / Getty Images", Credit),
            ("Must Read", Navigation),
            ("Read more:", Navigation),
            ("READ MORE: Talks collapse in Geneva", Navigation),
            ("Related:", Navigation),
            ("Click here to see the full list", Navigation),
            ("4 min read", Navigation),
            ("Share this", Share),
            ("Share this article", Share),
            ("Facebook Twitter Email", Share),
            ("Follow @janedoe", Share),
            ("Follow us on Twitter @dailyledger", Share),
            ("Advertisement", Advertisement),
            ("ADVERTISEMENT", Advertisement),
            ("Story continues below advertisement", Advertisement),
            ("By Jane Doe", Byline),
            ("By Jane Doe, Reuters", Byline),
            ("By JANE DOE and JOHN ROE | Associated Press", Byline),
            ("By Ursula von der Leyen", Byline),
            ("Reporting by Jane Doe; Editing by John Roe", Byline),
            (
                "(Reporting by Jane Doe in Kyiv; editing by John Roe)",
                Byline,
            ),
            ("Updated 3 hours ago", Byline),
            ("Published 12:30 GMT, 5 March 2026", Byline),
            ("Last updated: Tuesday, 2 December 2025 at 10:15 pm", Byline),
            ("December 2, 2025", Byline),
            ("Updated 10:42", Byline),
            ("We use cookies to improve your experience.", Notice),
            ("Sign up for our newsletter", Notice),
            ("Subscribe to continue reading.", Notice),
            ("Already a subscriber? Log in", Notice),
            ("© 2026 The Daily Ledger", Other),
            (
                "Copyright 2026 The Associated Press. All rights reserved.",
                Other,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(classify_line(lx(), line), Some(*want), "{line:?}");
        }
    }

    #[test]
    fn story_lines_kept() {
        let story = [
            "By the end of the day, Russia had agreed.",
            "By Tuesday, officials said the talks had stalled.",
            "By Monday",
            "By contrast, Ukraine rejected the plan outright.",
            "By then the envoys had left Moscow.",
            "By law, the president must consult parliament.",
            "Read the full statement, the minister told reporters on Tuesday.",
            "Reading between the lines, analysts saw little progress.",
            "Share prices fell 3% on Monday after the talks ended.",
            "Shares in Gazprom rose sharply.",
            "Sharing intelligence remains a sticking point, officials said.",
            "Advertisement spending rose 5% last year, the report said.",
            "Related talks in Geneva ended without agreement.",
            "Photo opportunities were limited, aides said.",
            "Photographs of the meeting were released by the Kremlin.",
            "Credit Suisse said it would cut jobs.",
            "Follow-up talks are planned for next week.",
            "Follow the money, the prosecutor told the jury.",
            "Sign up for the draft was mandatory, the officials said in a statement on Monday.",
            "Subscribers to the service complained that prices had doubled.",
            "Copyright law was at the heart of the dispute.",
            "Updated guidance was issued on Monday by the health ministry.",
            "Published figures show inflation eased in March.",
            "Email messages showed the envoy had been warned.",
            "Print media in Russia is tightly controlled.",
            "Click-through rates fell after the change.",
            "More from the talks is expected on Wednesday.",
            "Comments by the Kremlin spokesman drew criticism.",
            "Tags on the crates showed they came from Poland.",
            "Trump characterized the overall situation as extremely complicated.",
            "What happens next",
            "2013",
            "The talks lasted five hours.",
            "May 2025 marked a turning point in the war.",
            "Getty Images photographers were barred from the room, the agency said.",
            "Ad hoc meetings continued through the night.",
            "Watch officials said the monitors would return.",
            "Home Secretary Jane Doe said the plan was sound.",
        ];
        for line in story {
            assert_eq!(classify_line(lx(), line), None, "{line:?}");
        }
    }

    #[test]
    fn related_list_after_header() {
        let t = "The story ends here.\n\nRelated stories\n\nPort strike enters second week\n\n\
                 Council approves new ferry route?\n\nThe story goes on with a full sentence after the list.\n\n\
                 Short headline-like line\n";
        let ig = detect(lx(), t);
        let lines: Vec<&str> = ig.iter().map(|i| &t[i.start..i.end]).collect();
        assert_eq!(
            lines,
            [
                "Related stories",
                "Port strike enters second week",
                "Council approves new ferry route?"
            ]
        );
        assert!(ig.iter().all(|i| i.reason == Navigation));
    }

    #[test]
    fn menu_runs_and_topic_lists() {
        let t = "News\nBusiness\nSign in\nTransport\nRail strike called off after late-night deal\n\
                 The strike was called off on Monday.\nExplore more on these topics\nRail strikes\nTrade unions\n\
                 The union will vote next week.\nKey Points\nMembers vote by post.\n";
        let ig = detect(lx(), t);
        let lines: Vec<&str> = ig.iter().map(|i| &t[i.start..i.end]).collect();
        assert_eq!(
            lines,
            [
                "News",
                "Business",
                "Sign in",
                "Transport",
                "Explore more on these topics",
                "Rail strikes",
                "Trade unions"
            ]
        );
        // Two short capitalised lines, or a list of places or names, stay.
        assert!(detect(
            lx(),
            "What Happens Next\nKey Points\nThe union will vote.\n"
        )
        .is_empty());
        assert!(detect(
            lx(),
            "Cities\nGrande Terre\nBasse Terre\nPointe Noire\nThe island is small.\n"
        )
        .is_empty());
        assert!(is_menu_item("Sign in") && is_menu_item("Climate Crisis"));
        assert!(!is_menu_item("The talks lasted.") && !is_menu_item("Trump signs order 12"));
    }

    #[test]
    fn offsets_are_trimmed_and_sorted() {
        let t = "  Advertisement  \r\nStory line.\n\tShare this\n";
        let ig = detect(lx(), t);
        assert_eq!(ig.len(), 2);
        assert_eq!(&t[ig[0].start..ig[0].end], "Advertisement");
        assert_eq!(&t[ig[1].start..ig[1].end], "Share this");
        assert!(ig[0].end <= ig[1].start);
    }
}

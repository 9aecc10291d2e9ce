//! Robustness: `analyze` never panics, and every offset it returns is inside
//! the text, on a char boundary, and slices to the text it claims — in bytes
//! and again after conversion to code points (JSON) and UTF-16 units (JS).
//!
//! Property tests run `PROPTEST_CASES` cases each (default [`DEFAULT_CASES`]);
//! the long mode is
//! `PROPTEST_CASES=100000 cargo test --release -p gloss-core --test robustness`.
//! Pathological inputs (10 MB without punctuation, a million one-letter
//! words, 100,000-deep HTML…) each run once and print their time; debug
//! builds use a tenth of the size so `cargo test` stays quick.

use std::time::Instant;

use gloss_core::{analyze, Analysis, InputFormat, OffsetUnit, Options};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per property test when `PROPTEST_CASES` is not set (release
/// builds, as `make test` runs them; debug builds run a fifth of that).
const DEFAULT_CASES: u32 = 1000;

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            DEFAULT_CASES / 5
        } else {
            DEFAULT_CASES
        });
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Every `(what, start, end, Some(claimed text))` span of an analysis.
fn spans(a: &Analysis) -> Vec<(&'static str, usize, usize, Option<&str>)> {
    let mut out = Vec::new();
    for i in &a.ignored {
        out.push(("ignored", i.start, i.end, None));
    }
    for p in &a.paragraphs {
        out.push(("paragraph", p.start, p.end, None));
    }
    for s in &a.sentences {
        out.push(("sentence", s.start, s.end, None));
    }
    for actor in &a.actors {
        for m in &actor.mentions {
            out.push(("actor mention", m.start, m.end, Some(m.text.as_str())));
        }
        for f in &actor.facts {
            out.push(("fact", f.start, f.end, None));
        }
    }
    for p in &a.proposals {
        for m in &p.mentions {
            out.push(("proposal mention", m.start, m.end, Some(m.text.as_str())));
        }
        for s in &p.stances {
            out.push((
                "evidence",
                s.evidence.start,
                s.evidence.end,
                Some(s.evidence.text.as_str()),
            ));
        }
    }
    for m in &a.mentions {
        out.push(("flat mention", m.start, m.end, Some(m.text.as_str())));
    }
    out
}

/// Checks every invariant of `a` (byte offsets), then converts it to code
/// points and checks again by indexing chars.
fn check(mut a: Analysis) {
    assert_eq!(a.offsets, OffsetUnit::Byte);
    assert_eq!(a.schema, 1);
    let text = a.text.clone();
    for (what, s, e, claimed) in spans(&a) {
        assert!(
            s <= e && e <= text.len(),
            "{what} {s}..{e} outside text of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{what} {s}..{e} not on char boundaries"
        );
        if let Some(c) = claimed {
            assert_eq!(&text[s..e], c, "{what} {s}..{e}");
        }
    }
    for f in a.actors.iter().flat_map(|x| &x.facts) {
        assert!(f.sentence < a.sentences.len(), "fact sentence index");
    }
    for &i in &a.summary.sentences {
        assert!(i < a.sentences.len(), "summary sentence index");
    }
    for st in a.proposals.iter().flat_map(|p| &p.stances) {
        assert!(
            a.actor(&st.actor).is_some(),
            "stance by unknown actor {}",
            st.actor
        );
    }
    for m in &a.mentions {
        assert!(
            a.actor(&m.actor).is_some(),
            "flat mention of unknown actor {}",
            m.actor
        );
    }
    for x in &a.actors {
        assert!(
            (0.0..=1.0).contains(&x.salience),
            "salience {} of {}",
            x.salience,
            x.name
        );
    }
    // UTF-16 (the JavaScript API): slices of the UTF-16 text match too.
    let mut js = a.clone();
    js.convert_offsets(OffsetUnit::Utf16);
    let units: Vec<u16> = text.encode_utf16().collect();
    for (what, s, e, claimed) in spans(&js) {
        assert!(
            s <= e && e <= units.len(),
            "{what} {s}..{e} outside {} UTF-16 units",
            units.len()
        );
        if let Some(c) = claimed {
            assert_eq!(
                String::from_utf16(&units[s..e]).ok().as_deref(),
                Some(c),
                "{what} {s}..{e} (UTF-16)"
            );
        }
    }
    a.convert_offsets(OffsetUnit::Codepoint);
    assert_eq!(a.offsets, OffsetUnit::Codepoint);
    let chars: Vec<char> = text.chars().collect();
    for (what, s, e, claimed) in spans(&a) {
        assert!(
            s <= e && e <= chars.len(),
            "{what} {s}..{e} outside {} chars",
            chars.len()
        );
        if let Some(c) = claimed {
            let got: String = chars[s..e].iter().collect();
            assert_eq!(got, c, "{what} {s}..{e} (code points)");
        }
    }
    // The JSON form round-trips.
    let json = serde_json::to_string(&a).unwrap_or_else(|e| panic!("serialise: {e}"));
    let back: Analysis = serde_json::from_str(&json).unwrap_or_else(|e| panic!("parse: {e}"));
    assert_eq!(back.text, a.text);
}

fn run(input: &str, format: InputFormat) {
    let options = Options {
        input: format,
        ..Options::default()
    };
    check(analyze(input, &options));
}

/// News-like pieces: names, words, punctuation, quotes, brackets, odd spaces,
/// boilerplate lines and scripts from other writing systems.
fn news_token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Vladimir",
        "Putin",
        "Putin’s",
        "Steve Witkoff",
        "Kushner",
        "the Kremlin",
        "Kremlin",
        "United States",
        "U.S.",
        "Mr.",
        "Dr.",
        "President",
        "Zelenskyy",
        "Ukraine",
        "Moscow",
        "Europe",
        "NATO",
        "the",
        "a",
        "said",
        "told",
        "rejected",
        "supports",
        "opposed",
        "plan",
        "peace",
        "proposal",
        "28-point",
        "security guarantees",
        "summit",
        "deal",
        "talks",
        "officials",
        "Russian",
        "Ukrainian",
        "American",
        "in",
        "of",
        "and",
        "on",
        "Tuesday",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "…",
        "...",
        "—",
        "–",
        "-",
        "\"",
        "'",
        "’",
        "‘",
        "“",
        "”",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "/",
        "&",
        "@",
        "#",
        "%",
        "$5",
        "3.5",
        "2,000",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "\u{2009}",
        "\u{200b}",
        "\u{200d}",
        "\u{feff}",
        "\u{0}",
        "\u{7}",
        "Must Read",
        "\nBy Jane Doe\n",
        "\nAdvertisement\n",
        "\nPicture credit: x\n",
        "\nRelated:\n",
        "Share this",
        "😀",
        "👩‍👩‍👧",
        "🇺🇦",
        "é",
        "e\u{301}",
        "İ",
        "ß",
        "ﬁ",
        "Ω",
        "Путин",
        "Москва",
        "بوتين",
        "פוטין",
        "\u{202e}",
        "\u{2067}",
        "日本",
        "。",
        "！",
        "A",
        "B",
        "X.",
        "J. R. R.",
        "Jr.",
        "St.",
        "e.g.",
        "i.e.",
        "No.",
        "WASHINGTON",
        "ALL CAPS HEADLINE",
    ])
}

fn news_text() -> impl Strategy<Value = String> {
    prop::collection::vec((news_token(), prop::bool::ANY), 0..250).prop_map(|parts| {
        let mut s = String::new();
        for (t, space) in parts {
            s.push_str(t);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn html_token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "<p>",
        "</p>",
        "<P class=x>",
        "<div>",
        "</div>",
        "<div class=\"share-bar\">",
        "<article>",
        "</article>",
        "<main>",
        "<nav>",
        "</nav>",
        "<br>",
        "<br/>",
        "<h1>",
        "</h1>",
        "<li>",
        "<ul>",
        "</ul>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<!DOCTYPE html>",
        "<html>",
        "<body>",
        "</body>",
        "<a href='x'>",
        "</a>",
        "<",
        ">",
        "</",
        "<!",
        "<?",
        "=",
        "\"",
        "'",
        "&amp;",
        "&rsquo;",
        "&#8217;",
        "&#x2019;",
        "&#",
        "&#x;",
        "&",
        "&nbsp",
        "&#99999999;",
        "<svg><path/></svg>",
        "<span hidden>",
        "</span>",
        "<div itemprop=articleBody>",
        "<header>",
        "</header>",
        "<footer>",
        "<template>",
        "<td>",
        "<table>",
        "<p style=\"display:none\">",
        "<img src=x onerror=alert(1)>",
    ])
}

fn html_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![3 => html_token(), 2 => news_token()], 0..300)
        .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode(s in any::<String>()) {
        run(&s, InputFormat::Auto);
    }

    #[test]
    fn arbitrary_chars_with_structure(s in "[A-Za-z0-9 .,;:!?\"'’“”()\\[\\]\n\t<>&#/=-]{0,400}") {
        run(&s, InputFormat::Auto);
        run(&s, InputFormat::Text);
    }

    #[test]
    fn news_like_fragments(s in news_text()) {
        run(&s, InputFormat::Text);
        run(&s, InputFormat::Auto);
    }

    #[test]
    fn html_like_fragments(s in html_text()) {
        run(&s, InputFormat::Html);
        run(&s, InputFormat::Auto);
    }
}

/// Size divisor: debug builds run the pathological inputs at a tenth of the size.
fn scale(n: usize) -> usize {
    if cfg!(debug_assertions) {
        n / 10
    } else {
        n
    }
}

/// Analyses one pathological input, checks it and prints the time taken.
fn timed(name: &str, input: &str, format: InputFormat) -> Analysis {
    let options = Options {
        input: format,
        ..Options::default()
    };
    let start = Instant::now();
    let a = analyze(input, &options);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name}: {} bytes in {secs:.3} s ({:.1} MB/s), {} actors, {} sentences",
        input.len(),
        input.len() as f64 / 1e6 / secs.max(1e-9),
        a.actors.len(),
        a.sentences.len()
    );
    check(a.clone());
    a
}

#[test]
fn ten_megabytes_without_sentence_punctuation() {
    let unit =
        "the envoys from moscow and washington kept talking about the plan and Putin waited ";
    let text = unit.repeat(scale(10_000_000) / unit.len());
    timed("10 MB, no punctuation", &text, InputFormat::Auto);
}

#[test]
fn a_million_one_letter_capitalised_words() {
    let mut text = String::with_capacity(scale(2_000_000));
    for i in 0..scale(1_000_000) {
        text.push((b'A' + (i % 26) as u8) as char);
        text.push(' ');
    }
    timed("1M one-letter capitalised words", &text, InputFormat::Auto);
}

#[test]
fn one_name_repeated_100000_times() {
    let text = "Vladimir Putin ".repeat(scale(100_000));
    timed("100k × one name", &text, InputFormat::Auto);
    let text = "Putin said. ".repeat(scale(100_000));
    let a = timed("100k × one-name sentences", &text, InputFormat::Auto);
    assert!(a.actors.len() <= 3, "one name should be one actor");
}

#[test]
fn html_nested_100000_deep() {
    let n = scale(100_000);
    let mut page = "<div>".repeat(n);
    page.push_str("<p>Vladimir Putin met Steve Witkoff in Moscow on Tuesday.</p>");
    page.push_str(&"</div>".repeat(n));
    let a = timed("100k-deep nested divs", &page, InputFormat::Auto);
    assert_eq!(
        a.text,
        "Vladimir Putin met Steve Witkoff in Moscow on Tuesday."
    );
    let page = "<blockquote><b><i>".repeat(n);
    timed(
        "100k-deep unclosed inline nesting",
        &page,
        InputFormat::Html,
    );
}

#[test]
fn html_page_of_only_scripts() {
    let script = "<script>var s = '<p>Not text</p>'; if (a < b) { run(); }</script>\n";
    let page = format!(
        "<!DOCTYPE html><html><head>{}</head><body>{}</body></html>",
        script.repeat(scale(20_000)),
        script.repeat(scale(20_000))
    );
    let a = timed("scripts-only page", &page, InputFormat::Auto);
    assert_eq!(a.text, "");
    assert!(a.actors.is_empty());
}

#[test]
fn unbalanced_quotes_over_a_megabyte() {
    let unit = "“Putin said the plan was dead, ‘and Witkoff agreed (as did \"Kushner. ";
    let text = unit.repeat(scale(1_000_000) / unit.len() + 1);
    timed("1 MB unbalanced quotes", &text, InputFormat::Auto);
}

#[test]
fn nul_and_control_characters() {
    let mut text = String::new();
    for i in 0..scale(200_000) {
        text.push(char::from_u32((i % 32) as u32).unwrap_or('\0'));
        if i % 7 == 0 {
            text.push_str("Putin\u{0}met\u{8}Witkoff.\u{1b}[31m ");
        }
    }
    text.push('\u{7f}');
    timed("NUL and control characters", &text, InputFormat::Auto);
}

#[test]
fn mixed_rtl_and_ltr() {
    let unit = "Vladimir Putin met \u{202b}בנימין נתניהו\u{202c} and محمد بن سلمان in Moscow. \
                قال بوتين إن الخطة جيدة. Witkoff \u{2067}replied\u{2069} “שלום”. ";
    let text = unit.repeat(scale(20_000));
    timed("mixed RTL/LTR", &text, InputFormat::Auto);
}

#[test]
fn zero_width_joiners_and_emoji() {
    let unit = "Putin\u{200d}’s 👩‍👩‍👧‍👦 envoy Wit\u{200d}koff\u{200b} met 🇺🇦🇷🇺 Kushner\u{feff}. e\u{301}\u{302}\u{303} ";
    let text = unit.repeat(scale(30_000));
    timed("ZWJ and emoji", &text, InputFormat::Auto);
    let text = "\u{200d}".repeat(scale(1_000_000));
    timed("1M ZWJ", &text, InputFormat::Auto);
}

#[test]
fn all_caps_text() {
    let unit = "VLADIMIR PUTIN MET STEVE WITKOFF IN MOSCOW. THE KREMLIN REJECTED THE 28-POINT PEACE PROPOSAL, SAID YURI USHAKOV.\n";
    let text = unit.repeat(scale(50_000));
    timed("all caps", &text, InputFormat::Auto);
}

#[test]
fn one_giant_line_and_many_empty_lines() {
    let text = "\n".repeat(scale(2_000_000));
    timed("2M newlines", &text, InputFormat::Auto);
    let text = format!("{}{}", "Putin ".repeat(scale(300_000)), "said.");
    timed("one 1.8 MB sentence", &text, InputFormat::Auto);
}

#[test]
fn sample_article_passes_the_checks() {
    let text = include_str!("../../../www/samples/moscow-talks.txt");
    let a = timed("moscow-talks sample", text, InputFormat::Auto);
    assert!(!a.actors.is_empty());
}

#[test]
fn html_fixtures_pass_the_checks() {
    for (name, page) in [
        ("news-page.html", include_str!("data/html/news-page.html")),
        ("old-layout.html", include_str!("data/html/old-layout.html")),
        (
            "modern-page.html",
            include_str!("data/html/modern-page.html"),
        ),
    ] {
        let a = timed(name, page, InputFormat::Auto);
        assert_eq!(a.source, gloss_core::SourceFormat::Html, "{name}");
        assert!(!a.actors.is_empty(), "{name}: no actors");
        assert!(!a.text.contains('<'), "{name}: markup left in text");
    }
}

#[test]
fn html_with_100000_sibling_paragraphs() {
    let para = "<div class=content><p>Officials said on Tuesday, after long talks, that the plan would go ahead.</p></div>";
    let page = format!("<html><body>{}</body></html>", para.repeat(scale(100_000)));
    let a = timed("100k sibling paragraphs", &page, InputFormat::Auto);
    assert_eq!(a.paragraphs.len(), scale(100_000));
}

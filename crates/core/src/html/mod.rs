//! HTML detection and story extraction (reader-view style).
//!
//! [`looks_like_html`] decides whether pasted input is markup; [`extract`]
//! turns a saved news page (or a fragment) into the story text: one block
//! (heading, paragraph, list item, quote, caption) per line with a blank line
//! between blocks, entities decoded and whitespace collapsed.
//!
//! Extraction, in one pass over the [`tokenizer`] output with an explicit
//! element stack (no recursion, so 100,000 nested `<div>`s are fine):
//! * page chrome is dropped: `script`, `style`, `nav`, `aside`, `footer`,
//!   `form`, `button`, `iframe`, `svg`, hidden elements, ARIA landmarks for
//!   navigation, and elements whose class or id names a share bar, comments,
//!   related links, a newsletter box, an ad, a cookie notice, a promo, a
//!   sidebar or breadcrumbs (`reader`);
//! * the story container is chosen Readability-style: every paragraph scores
//!   its parent and grandparent (1 + commas + length / 100), scores are damped
//!   by link density, and the best container plus its good siblings is kept.
//!   An `<article>`, `[itemprop=articleBody]` or `<main>` holding most of the
//!   paragraph text wins outright;
//! * the page's `<h1>` headline is kept in front when the container lacks one.
//!
//! If the strict pass finds almost nothing (a site whose layout classes look
//! like chrome), a lenient pass without the class/id rules is used; if that
//! finds almost nothing too (a page rendered by JavaScript), the schema.org
//! `articleBody` of the page's JSON-LD is used when present ([`jsonld`]).
//!
//! Complexity: O(n) time and memory in the input length (three passes at most).

pub mod entities;
pub mod jsonld;
mod reader;
pub mod tokenizer;

use tokenizer::{Token, Tokenizer};

/// Tags whose presence marks a document or a block-structured fragment.
const STRUCTURAL: &[&str] = &[
    "html",
    "head",
    "body",
    "p",
    "div",
    "article",
    "section",
    "main",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "blockquote",
    "header",
    "footer",
    "nav",
    "span",
    "a",
    "figure",
    "figcaption",
    "meta",
    "title",
    "b",
    "i",
    "em",
    "strong",
];

/// True if `input` should be read as HTML.
///
/// Plain text that merely contains `<` or a stray tag in prose (for example
/// `Look: <img src=x onerror=alert(1)> is an attack`) is *not* HTML. Input is
/// HTML when, ignoring leading whitespace and a byte-order mark:
/// * it starts with `<!doctype`, `<?xml`, `<!--` or a structural tag
///   (`<html>`, `<p>`, `<div>`, `<article>`, `<h1>`… — see the module list), or
/// * it contains at least two structural tags, at least one of them a closing
///   tag or `<br>` (a fragment such as `text<br>more<br>` or `a <b>b</b>
///   <p>c</p>`).
///
/// O(n): one scan for `<`.
pub fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let start: String = head
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    if start.starts_with("<!doctype") || start.starts_with("<?xml") || start.starts_with("<!--") {
        return true;
    }
    let mut count = 0usize;
    let mut closing_or_br = false;
    for (i, token) in Tokenizer::new(head).enumerate() {
        let (name, is_end) = match token {
            Token::Start(t) => (t.name, false),
            Token::End(n) => (n, true),
            _ => continue,
        };
        if !STRUCTURAL.iter().any(|s| name.eq_ignore_ascii_case(s)) {
            continue;
        }
        if i == 0 && !is_end && head.starts_with('<') {
            return true;
        }
        count += 1;
        closing_or_br |= is_end || name.eq_ignore_ascii_case("br");
        if count >= 2 && closing_or_br {
            return true;
        }
    }
    false
}

/// Extracts the story text of an HTML document: one block a line, blank
/// lines between blocks. Never panics; O(n).
pub fn extract(html: &str) -> String {
    let mut best = reader::read(html, reader::Mode::Strict);
    if best.chars() < FALLBACK_BELOW_CHARS {
        let lenient = reader::read(html, reader::Mode::Lenient);
        if lenient.chars() > best.chars() * 2 {
            best = lenient;
        }
    }
    if best.chars() < FALLBACK_BELOW_CHARS {
        if let Some(ld) = jsonld::article(html) {
            let text = from_json_ld(&ld);
            if text.chars().count() > best.chars() * 2 {
                return text;
            }
        }
    }
    best.into_text()
}

/// Below this many characters the strict pass is treated as a failure and the
/// fallbacks (lenient pass, JSON-LD `articleBody`) are tried.
const FALLBACK_BELOW_CHARS: usize = 250;

/// The text of a JSON-LD article: headline, then the body's paragraphs, in
/// the same one-block-a-line layout as [`extract`]. A body that is itself
/// HTML is extracted (leniently) first.
fn from_json_ld(ld: &jsonld::LdArticle) -> String {
    let body = if looks_like_html(&ld.body) {
        reader::read(&ld.body, reader::Mode::Lenient).into_text()
    } else {
        entities::decode(&ld.body)
    };
    let mut blocks: Vec<String> = Vec::new();
    if let Some(h) = &ld.headline {
        let h = entities::decode(h)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !h.is_empty() {
            blocks.push(h);
        }
    }
    for para in body.split('\n') {
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if !para.is_empty() {
            blocks.push(para);
        }
    }
    blocks.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_svg_or_math_does_not_swallow_the_story() {
        // Browsers leave SVG/MathML at an HTML tag such as <p> or <img>.
        let html = "<article><p>Vladimir Putin met Steve Witkoff in Moscow on Tuesday.</p>\
            <svg><path d='M0 0'><p>Donald Trump backed a summit with Putin, officials said.</p>\
            <math><mi>x</mi><div>The Kremlin said talks would continue next week.</div></article>";
        let text = extract(html);
        assert!(text.contains("Donald Trump backed"), "{text}");
        assert!(text.contains("talks would continue"), "{text}");
        // Inside an integration point HTML stays inside the (dropped) drawing.
        let inside = extract("<article><p>Vladimir Putin met Steve Witkoff in Moscow on Tuesday.</p><svg><foreignObject><p>Label text</p></foreignObject></svg><p>Donald Trump backed a summit with Putin, officials said.</p></article>");
        assert!(!inside.contains("Label text"), "{inside}");
        assert!(inside.contains("Donald Trump backed"), "{inside}");
    }

    #[test]
    fn detects_documents_and_fragments() {
        assert!(looks_like_html(
            "<!DOCTYPE html><html><body>x</body></html>"
        ));
        assert!(looks_like_html("\u{FEFF}  <html lang=en>"));
        assert!(looks_like_html("<p>One paragraph.</p>"));
        assert!(looks_like_html("<div class=story>Text"));
        assert!(looks_like_html("First line<br>second line<br>"));
        assert!(looks_like_html("Intro text <p>para</p> and more"));
        assert!(looks_like_html("<!-- saved page -->\n<div>"));
    }

    #[test]
    fn prose_with_angle_brackets_is_text() {
        assert!(!looks_like_html(
            "Look: <img src=x onerror=alert(1)> is an attack"
        ));
        assert!(!looks_like_html(
            "<img src=x onerror=alert(1)> is an attack"
        ));
        assert!(!looks_like_html("Prices rose 3% (x < y) and a<b, 4 > 2."));
        assert!(!looks_like_html(
            "He wrote <script>alert(1)</script> in the form."
        ));
        assert!(!looks_like_html("Use the <p> tag for paragraphs."));
        assert!(!looks_like_html(""));
    }

    const PAGE: &str = include_str!("../../tests/data/html/news-page.html");

    /// Story lines of the fixture, in order.
    const STORY: &[&str] = &[
        "Harbour deal stalls as mayor rejects port plan",
        "Mayor Elena Vasquez on Tuesday rejected the harbour authority’s expansion plan, saying the “deal” would cost the city £40 million",
        "The plan, drawn up by the Northern Port Authority and the shipping group Calder & Reed, proposed doubling the terminal’s capacity",
        "“We are not against growth,” Vasquez told reporters outside City Hall. “We are against a plan that puts the harbour beyond public reach.”",
        "The port authority's chairman, Tomas Brandt, said he was “disappointed”",
        "This is a once-in-a-generation chance to modernise the harbour",
        "What happens next",
        "Under the regional planning rules, the authority can appeal within 28 days.",
        "The appeal window closes on December 18.",
        "A public consultation is planned for the spring.",
    ];

    /// Chrome of the fixture that must not be extracted.
    const CHROME: &[&str] = &[
        "cookies",
        "Accept all",
        "World",
        "Business",
        "Daily Ledger",
        "Advertisement",
        "premium subscription",
        "Share on Facebook",
        "Tweet",
        "Port strike",
        "ferry route",
        "Sign up",
        "Subscribe",
        "rights reserved",
        "Ridiculous",
        "Comments",
        "Ten things",
        "celebrity",
        "Privacy",
        "trackPageView",
        "dataLayer",
        "display",
        "NewsArticle",
        "should never appear",
        "<",
        ">",
        "&amp;",
        "&rsquo;",
    ];

    fn assert_story(text: &str) {
        let mut from = 0;
        for line in STORY {
            let at = text[from..].find(line).map(|i| from + i);
            assert!(
                at.is_some(),
                "missing or out of order: {line:?}\n---\n{text}"
            );
            from = at.unwrap_or(from) + line.len();
        }
        for junk in CHROME {
            assert!(!text.contains(junk), "kept chrome {junk:?}\n---\n{text}");
        }
        for line in text.lines() {
            assert_eq!(line, line.trim(), "untrimmed line");
            assert!(!line.contains("  "), "uncollapsed whitespace: {line:?}");
        }
        assert!(!text.contains("\n\n\n"));
    }

    #[test]
    fn extracts_news_page() {
        let text = extract(PAGE);
        assert_story(&text);
        assert!(text.starts_with("Harbour deal stalls"), "{text}");
        assert_eq!(
            text.lines().filter(|l| !l.is_empty()).count(),
            STORY.len(),
            "{text}"
        );
    }

    #[test]
    fn extracts_news_page_without_semantic_markup() {
        // The same page as a 2010-era site: no <article>, <main>, itemprop or <nav>.
        let page = PAGE
            .replace("itemprop=\"articleBody\"", "")
            .replace("<article", "<div")
            .replace("</article>", "</div>")
            .replace("<main", "<div")
            .replace("</main>", "</div>")
            .replace("<nav", "<div")
            .replace("</nav>", "</div>");
        assert!(!page.contains("<article"));
        let text = extract(&page);
        assert_story(&text);
    }

    #[test]
    fn extracts_table_layout_page_with_br_paragraphs() {
        let page = include_str!("../../tests/data/html/old-layout.html");
        let text = extract(page);
        let lines: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(
            lines[0],
            "Bridge vote delayed again as councillors clash over cost"
        );
        assert!(lines[2].starts_with("The county council on Monday postponed"));
        assert!(text.contains(
            "said the delay was \"regrettable but necessary\", adding that the engineers' report"
        ));
        assert!(text.contains("the council’s April meeting"));
        for junk in [
            "Home",
            "Sport",
            "Obituaries",
            "Letters",
            "Printer-friendly",
            "E-mail this",
            "Bridge costs rise",
            "petition",
            "Copyright",
            "popup",
            "Riverside Gazette -",
        ] {
            assert!(!text.contains(junk), "kept {junk:?}:\n{text}");
        }
    }

    #[test]
    fn story_article_beats_main_with_teaser_cards() {
        let story = "<p>The harbour authority said on Tuesday that it would appeal the decision, which it called short-sighted.</p>";
        let card = "<article class=card><h3>Other story</h3><p>A teaser paragraph that is long enough to be counted as text.</p></article>";
        let page = format!(
            "<body><main><article><h1>Harbour appeal</h1>{}</article>{}</main></body>",
            story.repeat(3),
            card.repeat(4)
        );
        let t = extract(&page);
        assert!(
            t.starts_with("Harbour appeal\n\nThe harbour authority"),
            "{t}"
        );
        assert!(!t.contains("teaser"), "{t}");
    }

    #[test]
    fn headline_is_the_h1_nearest_the_story() {
        let page = "<body><header><h1><a href=/>Daily Ledger</a></h1></header>\
            <div class=top><h1>Ferry route approved</h1></div><div class=content>\
            <p>The council approved the new ferry route on Monday, after a two-hour debate.</p>\
            <p>Services will start in the spring, the operator said in a statement.</p></div></body>";
        assert!(extract(page).starts_with("Ferry route approved\n\nThe council approved"));
    }

    #[test]
    fn story_split_by_an_ad_keeps_both_halves() {
        let para = |n: u32| {
            format!("<p>Paragraph {n} of the story, with enough words, commas, and detail to count as text.</p>")
        };
        let page = format!(
            "<body><div class=wrap><div class=text-block>{}{}</div>\
             <div class=\"ad-slot\"><p>Advertisement: buy now, limited offer, while stocks last today.</p></div>\
             <div class=text-block>{}{}</div><div class=\"related-links\"><p>Another story you may like, with a long teaser.</p></div></div></body>",
            para(1),
            para(2),
            para(3),
            para(4)
        );
        let t = extract(&page);
        for n in 1..=4 {
            assert!(t.contains(&format!("Paragraph {n} of")), "{t}");
        }
        assert!(!t.contains("buy now") && !t.contains("teaser"), "{t}");
    }

    #[test]
    fn extracts_modern_page_with_hashed_classes() {
        let page = include_str!("../../tests/data/html/modern-page.html");
        let text = extract(page);
        let story = [
            "Rail strike called off after late-night deal",
            "By Sam Okoro, Transport correspondent",
            "A national rail strike planned for Friday has been called off",
            "The Rail Workers' Union said its executive had suspended the walkout",
            "“This is a fair deal that recognises the work our members do,” the union's general secretary",
            "Transport Secretary Peter Lang welcomed the agreement",
            "Passenger groups said the late cancellation would still disrupt Friday’s services",
        ];
        let mut from = 0;
        for line in story {
            let at = text[from..].find(line);
            assert!(at.is_some(), "missing or out of order: {line:?}\n{text}");
            from += at.unwrap_or(0) + line.len();
        }
        for junk in [
            "cookies",
            "Accept all",
            "Skip to content",
            "Opinion",
            "Search",
            "Herald Media",
            "Copy link",
            "Listen to this",
            "Advertisement",
            "Related",
            "fares",
            "Subscribe",
            "unlimited access",
            "Most read",
            "Ten walks",
            "All rights",
            "Privacy",
            "pageProps",
            "__APP_STATE__",
            "css-",
        ] {
            assert!(!text.contains(junk), "kept {junk:?}:\n{text}");
        }
    }

    #[test]
    fn unclosed_paragraphs_and_lists() {
        let t = extract("<body><p>First paragraph of the story here.<p>Second one<ul><li>item one<li>item two</ul>After list");
        assert_eq!(
            t,
            "First paragraph of the story here.\n\nSecond one\n\nitem one\n\nitem two\n\nAfter list"
        );
    }

    #[test]
    fn text_with_line_breaks_only() {
        let t = extract("<html><body>Line one of the story.<br>Line two of the story.<br/><br>Line three.</body></html>");
        assert_eq!(
            t,
            "Line one of the story.\n\nLine two of the story.\n\nLine three."
        );
    }

    #[test]
    fn scripts_only_page_is_empty() {
        let page = "<html><head><script>var a = '<p>x</p>';</script></head><body><script>b()</script><noscript><p>Enable JS</p></noscript></body></html>";
        assert_eq!(extract(page), "");
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let n = 100_000;
        let mut page = "<div>".repeat(n);
        page.push_str("<p>Deep inside the nesting, the story goes on.</p>");
        page.push_str(&"</div>".repeat(n));
        assert_eq!(
            extract(&page),
            "Deep inside the nesting, the story goes on."
        );
        // Unclosed, and with stray end tags.
        let page = format!("{}{}", "<div><span>".repeat(n), "</b>".repeat(n));
        assert_eq!(extract(&page), "");
    }

    #[test]
    fn layout_classes_that_look_like_chrome_fall_back() {
        let story = "The council voted on Monday to approve the budget, after a long debate.";
        let page = format!("<body><div class=\"layout with-sidebar\"><p>{story}</p><p>{story}</p><p>{story}</p></div></body>");
        let t = extract(&page);
        assert_eq!(t.lines().filter(|l| *l == story).count(), 3, "{t}");
    }

    #[test]
    fn hidden_and_aria_chrome_dropped() {
        let page = "<body><div role=navigation>Home News</div><p hidden>Secret text</p>\
            <div style=\"display: none\">Invisible text</div><p>The visible story sentence is here.</p></body>";
        assert_eq!(extract(page), "The visible story sentence is here.");
    }

    #[test]
    fn falls_back_to_json_ld_article_body() {
        let page = r#"<!DOCTYPE html><html><head>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Envoys meet in Moscow",
            "articleBody":"Vladimir Putin met Steve Witkoff in Moscow on Tuesday, the Kremlin said.\n\nThe talks lasted five hours and ended without a deal on territory, officials said.\nBoth sides agreed to keep talking, and a further round of talks is planned in the coming weeks."}</script>
            </head><body><div id="root">Loading&hellip;</div><script src="app.js"></script></body></html>"#;
        assert_eq!(
            extract(page),
            "Envoys meet in Moscow\n\nVladimir Putin met Steve Witkoff in Moscow on Tuesday, the Kremlin said.\n\n\
             The talks lasted five hours and ended without a deal on territory, officials said.\n\n\
             Both sides agreed to keep talking, and a further round of talks is planned in the coming weeks."
        );
        // With a real story in the markup, JSON-LD is not used.
        assert!(!extract(PAGE).contains("should never appear"));
    }

    #[test]
    fn extracts_fragment() {
        let t = extract("<p>Putin&rsquo;s   envoy\n met <b>Kushner</b>.</p><p>Second &amp; last.");
        assert_eq!(t, "Putin’s envoy met Kushner.\n\nSecond & last.");
    }
}

//! The reader-view pass: builds blocks of text and a flat element table from
//! the token stream, scores containers and keeps the story.
//!
//! Elements live in a `Vec<Node>` in document (pre-)order; a node's subtree
//! is the id range `id..=last`, so "is this block inside the chosen
//! container" is two comparisons. The open-element stack is explicit; each
//! entry carries what its subtree inherits (visibility, link, list and `p`
//! context), so every token is handled in O(1) amortised time and the whole
//! pass is O(n).

use crate::hash::FastMap as HashMap;

use super::entities;
use super::tokenizer::{StartTag, Token, Tokenizer};

/// Whether class/id/role rules apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Tag, ARIA and class/id rules.
    Strict,
    /// Tag rules only (a fallback for sites whose layout classes look like chrome).
    Lenient,
}

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame",
];

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "aside", "footer", "form",
    "button", "iframe", "select", "textarea", "object", "embed", "canvas", "video", "audio", "map",
    "dialog", "menu", "title", "head", "noembed", "noframes", "xmp", "label", "input",
];

/// Elements that start a new block of text.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Elements that stop an open `<p>` from being closed from inside them.
const P_SCOPE: &[&str] = &[
    "td", "th", "table", "caption", "button", "object", "marquee", "template", "html", "svg",
    "math",
];

/// HTML start tags that end SVG/MathML content (HTML § 13.2.6.5): browsers
/// resume the page at them, so an unclosed `<svg>` or `<math>` must not
/// swallow the rest of the story.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// SVG/MathML elements whose content is HTML again (integration points).
const INTEGRATION: &[&str] = &[
    "foreignobject",
    "desc",
    "title",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
];

/// ARIA roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
    "toolbar",
    "tablist",
];

/// Attributes whose values name what an element is (sites with hashed CSS
/// class names still say `data-component="ad-slot"`).
const NAMING_ATTRS: &[&str] = &[
    "class",
    "id",
    "data-component",
    "data-testid",
    "data-module",
    "data-type",
];

/// Class/id word prefixes of page chrome (matched per word, lower case).
const CHROME_PREFIXES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "comment",
    "related",
    "newsletter",
    "cookie",
    "promo",
    "sidebar",
    "breadcrumb",
    "advert",
    "sponsor",
    "subscri",
    "signup",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "disqus",
    "recirc",
    "gdpr",
    "consent",
    "trending",
    "mostread",
    "mostpopular",
    "recommend",
    "banner",
    "masthead",
    "navbar",
    "navigation",
    "toolbar",
    "paywall",
    "skiplink",
];

/// Class/id words (whole) of page chrome.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "dfp",
    "gpt",
    "nav",
    "menu",
    "footer",
    "tags",
    "widget",
    "pagination",
    "pager",
    "print",
    "hidden",
    "hide",
    "sr",
    "visually",
    "offscreen",
];

/// Class/id substrings that mark chrome even inside a longer word ("articleComments").
const CHROME_INFIXES: &[&str] = &[
    "comments",
    "sharebar",
    "socialbar",
    "newsletter",
    "relatedlinks",
    "relatedstories",
    "advert",
    "sidebar",
    "breadcrumb",
    "cookiebanner",
];

/// Class/id substrings that raise a container's score (Readability's positive list).
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story",
];

/// Class/id substrings that lower a container's score (Readability's negative list).
const NEGATIVE: &[&str] = &[
    "banner",
    "combx",
    "comment",
    "contact",
    "foot",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
];

/// Shortest block that counts as a paragraph for scoring.
const MIN_PARAGRAPH_CHARS: u32 = 25;

/// Visibility of an element's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Vis {
    /// Story candidate.
    Shown,
    /// Site chrome (a page `<header>`): only an `<h1>` is kept, as a headline candidate.
    Chrome,
    /// Dropped with all its content.
    Dropped,
}

/// What a block of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Heading(u8),
    Paragraph,
    ListItem,
    Quote,
    Caption,
    Cell,
    Preformatted,
    /// Text directly inside a container (`div`, `section`, `body`…).
    Loose,
}

impl Kind {
    fn of(name: &str) -> Kind {
        match name {
            "h1" => Kind::Heading(1),
            "h2" => Kind::Heading(2),
            "h3" => Kind::Heading(3),
            "h4" => Kind::Heading(4),
            "h5" => Kind::Heading(5),
            "h6" => Kind::Heading(6),
            "p" => Kind::Paragraph,
            "li" | "dd" | "dt" => Kind::ListItem,
            "blockquote" => Kind::Quote,
            "figcaption" | "caption" => Kind::Caption,
            "td" | "th" => Kind::Cell,
            "pre" => Kind::Preformatted,
            _ => Kind::Loose,
        }
    }

    /// Whether blocks of this kind score their container.
    fn scores(self) -> bool {
        matches!(
            self,
            Kind::Paragraph | Kind::Quote | Kind::Cell | Kind::Preformatted | Kind::Loose
        )
    }
}

/// One element in document order.
#[derive(Clone, Debug)]
struct Node {
    parent: u32,
    /// Last id inside this element's subtree.
    last: u32,
    /// Characters of shown text in the subtree.
    text: u32,
    /// Characters of shown link text in the subtree.
    link: u32,
    /// Characters of scoring paragraphs in the subtree.
    ptext: u32,
    /// Readability content score.
    score: f32,
    /// Class/id weight.
    weight: f32,
    /// Story-container hint: 3 `itemprop=articleBody`, 2 `<article>`, 1 `<main>`/`role=main`.
    hint: u8,
    dropped: bool,
}

/// An open element (everything its subtree inherits).
#[derive(Clone, Copy, Debug)]
struct Open {
    /// Interned lower-case tag name.
    name: u32,
    is_block: bool,
    node: u32,
    /// Node id of the innermost block element at or above this one.
    block: u32,
    block_kind: Kind,
    vis: Vis,
    in_link: bool,
    in_h1: bool,
    /// An open `<p>` is reachable (no scope boundary in between).
    open_p: bool,
    /// The innermost list-related ancestor is an `<li>`.
    open_li: bool,
    in_article: bool,
    foreign: bool,
    /// A foreign element whose content is HTML (`foreignObject`, `mtext`…).
    integration: bool,
}

/// A block of text.
#[derive(Clone, Debug)]
struct Block {
    text: String,
    owner: u32,
    kind: Kind,
    chars: u32,
    link: u32,
    chrome: bool,
}

/// The result of one pass.
#[derive(Debug)]
pub struct Extracted {
    text: String,
    chars: usize,
}

impl Extracted {
    /// Characters of extracted text.
    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The extracted text.
    pub fn into_text(self) -> String {
        self.text
    }
}

/// The state of one pass.
struct Reader {
    mode: Mode,
    nodes: Vec<Node>,
    stack: Vec<Open>,
    /// Lower-case tag name → interned id.
    names: HashMap<String, u32>,
    /// Open elements per interned name.
    open_counts: Vec<u32>,
    /// Tag facts per interned name.
    infos: Vec<TagInfo>,
    blocks: Vec<Block>,
    buf: String,
    buf_chars: u32,
    buf_link: u32,
    pending_space: bool,
}

/// `s` in ASCII lower case, without allocating when it already is.
fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn has(list: &[&str], name: &str) -> bool {
    list.contains(&name)
}

/// What the lists above say about one tag name (computed once per name).
#[derive(Clone, Copy, Debug, Default)]
struct TagInfo {
    void: bool,
    dropped: bool,
    block: bool,
    closes_p: bool,
    p_scope: bool,
    breakout: bool,
    integration: bool,
}

impl TagInfo {
    fn of(name: &str) -> TagInfo {
        TagInfo {
            void: has(VOID, name),
            dropped: has(DROPPED, name),
            block: has(BLOCK, name),
            closes_p: has(CLOSES_P, name),
            p_scope: has(P_SCOPE, name),
            breakout: has(BREAKOUT, name),
            integration: has(INTEGRATION, name),
        }
    }
}

fn class_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
}

/// True if a class or id value names page chrome.
fn chrome_name(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if CHROME_INFIXES.iter().any(|i| lower.contains(i)) {
        return true;
    }
    class_words(value).any(|w| {
        CHROME_WORDS.contains(&w.as_str())
            || (CHROME_PREFIXES.iter().any(|p| w.starts_with(p)) && !w.starts_with("commentary"))
    })
}

fn class_weight(value: &str) -> f32 {
    let lower = value.to_ascii_lowercase();
    let mut w = 0.0;
    if POSITIVE.iter().any(|p| lower.contains(p)) {
        w += 25.0;
    }
    if NEGATIVE.iter().any(|p| lower.contains(p)) {
        w -= 25.0;
    }
    w
}

impl Reader {
    fn new(mode: Mode, len: usize) -> Self {
        Reader {
            mode,
            nodes: vec![Node {
                parent: u32::MAX,
                last: 0,
                text: 0,
                link: 0,
                ptext: 0,
                score: 0.0,
                weight: 0.0,
                hint: 0,
                dropped: false,
            }],
            stack: Vec::new(),
            names: HashMap::default(),
            open_counts: Vec::new(),
            infos: Vec::new(),
            blocks: Vec::with_capacity(len / 200 + 1),
            buf: String::new(),
            buf_chars: 0,
            buf_link: 0,
            pending_space: false,
        }
    }

    fn top(&self) -> Option<&Open> {
        self.stack.last()
    }

    fn vis(&self) -> Vis {
        self.top().map_or(Vis::Shown, |o| o.vis)
    }

    /// Appends raw (undecoded) text to the current block.
    fn text(&mut self, raw: &str) {
        let vis = self.vis();
        let in_h1 = self.top().is_some_and(|o| o.in_h1);
        if vis == Vis::Dropped || (vis == Vis::Chrome && !in_h1) {
            return;
        }
        let in_link = self.top().is_some_and(|o| o.in_link);
        let node = self.top().map_or(0, |o| o.node) as usize;
        let mut added = 0u32;
        let mut rest = raw;
        while !rest.is_empty() {
            let (c, used) = if rest.starts_with('&') {
                entities::decode_at(rest).unwrap_or(('&', 1))
            } else {
                // `rest` is non-empty, so there is a next char.
                let c = rest.chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            rest = &rest[used..];
            if c.is_whitespace() || c == '\0' {
                self.pending_space = true;
                continue;
            }
            if c.is_control() {
                continue;
            }
            if self.pending_space && !self.buf.is_empty() {
                self.buf.push(' ');
            }
            self.pending_space = false;
            self.buf.push(c);
            added += 1;
        }
        self.buf_chars += added;
        if in_link {
            self.buf_link += added;
        }
        if let Some(n) = self.nodes.get_mut(node) {
            n.text += added;
            if in_link {
                n.link += added;
            }
        }
    }

    /// Ends the current block.
    fn flush(&mut self) {
        self.pending_space = false;
        if self.buf.is_empty() {
            return;
        }
        let (owner, kind, chrome) = self.top().map_or((0, Kind::Loose, false), |o| {
            (o.block, o.block_kind, o.vis == Vis::Chrome)
        });
        let block = Block {
            text: std::mem::take(&mut self.buf),
            owner,
            kind,
            chars: self.buf_chars,
            link: self.buf_link,
            chrome,
        };
        self.buf_chars = 0;
        self.buf_link = 0;
        if !chrome && kind.scores() && is_paragraph(&block) {
            if let Some(n) = self.nodes.get_mut(owner as usize) {
                n.ptext += block.chars;
            }
        }
        self.blocks.push(block);
    }

    /// Pops the innermost open element.
    fn pop(&mut self) {
        let Some(open) = self.stack.last() else {
            return;
        };
        if open.is_block {
            self.flush();
        }
        let Some(open) = self.stack.pop() else {
            return;
        };
        if let Some(c) = self.open_counts.get_mut(open.name as usize) {
            *c = c.saturating_sub(1);
        }
        let last = (self.nodes.len() - 1) as u32;
        let id = open.node as usize;
        let (text, link, ptext, parent) = {
            let n = &mut self.nodes[id];
            n.last = last;
            (n.text, n.link, n.ptext, n.parent as usize)
        };
        if let Some(p) = self.nodes.get_mut(parent) {
            p.text += text;
            p.link += link;
            p.ptext += ptext;
        }
    }

    /// The interned id of `name`, if it was ever opened.
    fn name_id(&self, name: &str) -> Option<u32> {
        self.names.get(name).copied()
    }

    /// The interned id of `name`, interning it if new.
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(id) = self.name_id(name) {
            return id;
        }
        let id = self.open_counts.len() as u32;
        self.names.insert(name.to_owned(), id);
        self.open_counts.push(0);
        self.infos.push(TagInfo::of(name));
        id
    }

    fn is_open(&self, name: &str) -> bool {
        self.name_id(name)
            .is_some_and(|id| self.open_counts.get(id as usize).is_some_and(|&c| c > 0))
    }

    /// Pops up to and including the innermost open `name`, if one is open.
    fn pop_to(&mut self, name: &str) {
        let Some(name) = self.name_id(name) else {
            return;
        };
        if self.open_counts.get(name as usize).copied().unwrap_or(0) == 0 {
            return;
        }
        while let Some(top) = self.stack.last() {
            let done = top.name == name;
            self.pop();
            if done {
                break;
            }
        }
    }

    fn start(&mut self, tag: &StartTag<'_>) {
        let lower = lower(tag.name);
        let name: &str = &lower;
        if name == "br" {
            self.flush();
            return;
        }
        // Implied end tags.
        let name_id = self.intern(name);
        let info = self
            .infos
            .get(name_id as usize)
            .copied()
            .unwrap_or_default();
        // An HTML tag inside SVG/MathML (outside an integration point) closes
        // the foreign elements; each is popped once, so O(1) amortised.
        if info.breakout {
            while self.top().is_some_and(|o| o.foreign && !o.integration) {
                self.pop();
            }
        }
        if info.closes_p && self.top().is_some_and(|o| o.open_p) {
            self.pop_to("p");
        }
        if matches!(name, "li") && self.top().is_some_and(|o| o.open_li) {
            self.pop_to("li");
        }
        if info.void {
            if info.block {
                self.flush();
            }
            return;
        }
        let is_block = info.block;
        if is_block {
            self.flush();
        }
        let parent = self.top().copied();
        let foreign = parent.as_ref().is_some_and(|p| p.foreign && !p.integration)
            || matches!(name, "svg" | "math");
        if tag.self_closing && foreign {
            return;
        }
        let parent_node = parent.as_ref().map_or(0, |p| p.node);
        let id = self.nodes.len() as u32;
        let vis = self.visibility(tag, name, info.dropped, parent.as_ref());
        let class = tag.attr("class").unwrap_or("");
        let idattr = tag.attr("id").unwrap_or("");
        let hint = if tag
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        {
            3
        } else if name == "article" {
            2
        } else if name == "main"
            || tag
                .attr("role")
                .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        {
            1
        } else {
            0
        };
        self.nodes.push(Node {
            parent: parent_node,
            last: id,
            text: 0,
            link: 0,
            ptext: 0,
            score: 0.0,
            weight: class_weight(class) + class_weight(idattr),
            hint,
            dropped: vis == Vis::Dropped,
        });
        let (block, block_kind) = if is_block {
            (id, Kind::of(name))
        } else {
            parent
                .as_ref()
                .map_or((0, Kind::Loose), |p| (p.block, p.block_kind))
        };
        let open = Open {
            name: name_id,
            is_block,
            node: id,
            block,
            block_kind,
            vis,
            in_link: name == "a" || parent.as_ref().is_some_and(|p| p.in_link),
            in_h1: name == "h1" || parent.as_ref().is_some_and(|p| p.in_h1),
            open_p: name == "p" || (!info.p_scope && parent.as_ref().is_some_and(|p| p.open_p)),
            open_li: match name {
                "li" => true,
                "ul" | "ol" | "menu" => false,
                _ => parent.as_ref().is_some_and(|p| p.open_li),
            },
            in_article: matches!(name, "article" | "main")
                || hint > 0
                || parent.as_ref().is_some_and(|p| p.in_article),
            foreign,
            integration: foreign && info.integration,
        };
        if let Some(c) = self.open_counts.get_mut(open.name as usize) {
            *c += 1;
        }
        self.stack.push(open);
    }

    fn visibility(
        &self,
        tag: &StartTag<'_>,
        name: &str,
        dropped: bool,
        parent: Option<&Open>,
    ) -> Vis {
        let inherited = parent.map_or(Vis::Shown, |p| p.vis);
        if inherited == Vis::Dropped || dropped {
            return Vis::Dropped;
        }
        if tag.attr("hidden").is_some()
            || tag
                .attr("aria-hidden")
                .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        {
            return Vis::Dropped;
        }
        if let Some(style) = tag.attr("style") {
            let s: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if s.contains("display:none") || s.contains("visibility:hidden") {
                return Vis::Dropped;
            }
        }
        let in_article = parent.is_some_and(|p| p.in_article);
        if name == "header" && !in_article {
            return if inherited == Vis::Shown {
                Vis::Chrome
            } else {
                inherited
            };
        }
        let protected = matches!(name, "html" | "body" | "article" | "main")
            || tag
                .attr("itemprop")
                .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        if self.mode == Mode::Strict && !protected {
            if tag
                .attr("role")
                .is_some_and(|r| CHROME_ROLES.iter().any(|c| r.eq_ignore_ascii_case(c)))
            {
                return Vis::Dropped;
            }
            if NAMING_ATTRS
                .iter()
                .any(|a| tag.attr(a).is_some_and(chrome_name))
            {
                return Vis::Dropped;
            }
        }
        inherited
    }

    fn end(&mut self, raw_name: &str) {
        let name = lower(raw_name);
        match &*name {
            "br" => self.flush(),
            "p" if !self.is_open("p") => self.flush(),
            n => self.pop_to(n),
        }
    }

    fn finish(mut self) -> Extracted {
        while !self.stack.is_empty() {
            self.pop();
        }
        self.flush();
        let last = (self.nodes.len() - 1) as u32;
        self.nodes[0].last = last;
        self.select()
    }

    /// Scores containers and assembles the story text.
    fn select(mut self) -> Extracted {
        // Readability: each paragraph scores its container fully and the
        // container's parent by half.
        for b in &self.blocks {
            if b.chrome || !b.kind.scores() || !is_paragraph(b) {
                continue;
            }
            let score = 1.0
                + b.text.matches([',', '，', '、']).count() as f32
                + (b.chars / 100).min(3) as f32;
            let container = if b.kind == Kind::Loose {
                b.owner
            } else {
                self.nodes[b.owner as usize].parent
            };
            if let Some(n) = self.nodes.get_mut(container as usize) {
                n.score += score;
                let gp = n.parent as usize;
                if let Some(g) = self.nodes.get_mut(gp) {
                    g.score += score / 2.0;
                }
            }
        }
        let final_score = |n: &Node| {
            let density = if n.text == 0 {
                0.0
            } else {
                n.link as f32 / n.text as f32
            };
            (n.score + n.weight) * (1.0 - density)
        };
        let total_ptext = self.nodes[0].ptext;
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        // A story container named by the markup wins if it holds most paragraphs.
        // Among marked containers holding at least 40% of the paragraph text,
        // the most specific mark wins (articleBody > article > main), so a
        // <main> full of teaser cards loses to the story's own <article>.
        let hinted = (0..self.nodes.len())
            .filter(|&i| {
                let n = &self.nodes[i];
                n.hint > 0
                    && !n.dropped
                    && n.ptext > 0
                    && u64::from(n.ptext) * 10 >= u64::from(total_ptext) * 4
            })
            .max_by_key(|&i| (self.nodes[i].hint, self.nodes[i].ptext));
        if let Some(h) = hinted {
            ranges.push((h as u32, self.nodes[h].last));
        } else if let Some(top) = (0..self.nodes.len())
            .filter(|&i| self.nodes[i].score > 0.0 && !self.nodes[i].dropped)
            .max_by(|&a, &b| final_score(&self.nodes[a]).total_cmp(&final_score(&self.nodes[b])))
        {
            let top_score = final_score(&self.nodes[top]);
            let threshold = (top_score * 0.2).max(10.0);
            let parent = self.nodes[top].parent;
            for (i, n) in self.nodes.iter().enumerate() {
                let sibling = i != top && n.parent == parent && parent != u32::MAX && !n.dropped;
                let density = if n.text == 0 {
                    1.0
                } else {
                    n.link as f32 / n.text as f32
                };
                if i == top
                    || (sibling
                        && (final_score(n) >= threshold || (n.ptext > 80 && density < 0.25)))
                {
                    ranges.push((i as u32, n.last));
                }
            }
        }
        // The ranges are disjoint subtrees pushed in document order, so a
        // binary search finds the only one that can hold `owner`.
        ranges.sort_unstable();
        let inside = |owner: u32| {
            let k = ranges.partition_point(|&(a, _)| a <= owner);
            k > 0 && owner <= ranges[k - 1].1
        };
        let keep = |b: &Block| {
            !b.chrome
                && (matches!(b.kind, Kind::Heading(_))
                    || u64::from(b.link) * 2 <= u64::from(b.chars))
        };
        let mut chosen: Vec<usize> = if ranges.is_empty() {
            Vec::new()
        } else {
            (0..self.blocks.len())
                .filter(|&i| inside(self.blocks[i].owner) && keep(&self.blocks[i]))
                .collect()
        };
        let chosen_chars: usize = chosen.iter().map(|&i| self.blocks[i].chars as usize).sum();
        if chosen_chars < 100 {
            let all: Vec<usize> = (0..self.blocks.len())
                .filter(|&i| keep(&self.blocks[i]))
                .collect();
            let all_chars: usize = all.iter().map(|&i| self.blocks[i].chars as usize).sum();
            if all_chars > chosen_chars {
                chosen = all;
            }
        }
        // The headline: the last <h1> before the story (the one nearest to it,
        // not a logo wrapped in <h1> at the top), if the story has none.
        let has_h1 = chosen
            .iter()
            .any(|&i| self.blocks[i].kind == Kind::Heading(1));
        if !has_h1 {
            let first = chosen.first().copied().unwrap_or(self.blocks.len());
            if let Some(h) = (0..first).rfind(|&i| self.blocks[i].kind == Kind::Heading(1)) {
                chosen.insert(0, h);
            }
        }
        let mut text = String::new();
        let mut chars = 0usize;
        for i in chosen {
            let b = &mut self.blocks[i];
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&b.text);
            chars += b.chars as usize;
        }
        Extracted { text, chars }
    }
}

fn is_paragraph(b: &Block) -> bool {
    b.chars >= MIN_PARAGRAPH_CHARS && u64::from(b.link) * 2 < u64::from(b.chars)
}

/// Runs one extraction pass over `html`.
pub fn read(html: &str, mode: Mode) -> Extracted {
    let mut r = Reader::new(mode, html.len());
    for token in Tokenizer::new(html) {
        match token {
            Token::Start(tag) => r.start(&tag),
            Token::End(name) => r.end(name),
            Token::Text(t) => r.text(t),
            // Raw text (scripts, styles, the <title>) is never story text.
            Token::Raw(_) => {}
        }
    }
    r.finish()
}

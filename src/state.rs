//! The app's whole state and every action that changes it, as one pure
//! reducer (no web APIs here, so it is unit-tested natively). Side effects
//! (the analysis worker, storage, focus) live in the components and in
//! [`crate::dom`] / [`crate::engine`].

use crate::worker::wire::Glossary;
use gloss_core::{ActorKind, Analysis, OffsetUnit};
pub use gloss_render::corrections::Correction;
use gloss_render::corrections::{self, Outcome};
use gloss_render::vocab;
use std::rc::Rc;

pub use gloss_render::layout::Target;

/// Largest input Gloss analyses, in UTF-8 bytes (5 MB).
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Colour scheme choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The value stored in localStorage and set as `data-theme` ("" for system).
    pub const fn as_str(self) -> &'static str {
        match self {
            Theme::System => "",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a stored value; anything unknown means [`Theme::System`].
    pub fn parse(s: &str) -> Self {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }

    /// The theme after pressing the switch, given whether the system is dark.
    pub const fn toggled(self, system_dark: bool) -> Self {
        let dark = match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        };
        if dark {
            Theme::Light
        } else {
            Theme::Dark
        }
    }
}

/// A shared value compared by identity: cheap to clone, and props holding
/// it compare in O(1) instead of comparing whole analyses.
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared::new(T::default())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The open card: its target and which of its mentions it was opened from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Selection {
    /// What the card shows.
    pub target: Target,
    /// Index of the current mention.
    pub mention: usize,
}

/// A highlight category of the legend / filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// Actors of one kind.
    Actor(ActorKind),
    /// Proposals.
    Proposal,
}

impl Category {
    /// Every category, in legend order.
    pub const ALL: [Category; 6] = [
        Category::Actor(ActorKind::Person),
        Category::Actor(ActorKind::Organization),
        Category::Actor(ActorKind::Place),
        Category::Actor(ActorKind::Group),
        Category::Actor(ActorKind::Other),
        Category::Proposal,
    ];

    const fn index(self) -> usize {
        match self {
            Category::Actor(ActorKind::Person) => 0,
            Category::Actor(ActorKind::Organization) => 1,
            Category::Actor(ActorKind::Place) => 2,
            Category::Actor(ActorKind::Group) => 3,
            Category::Actor(ActorKind::Other) => 4,
            Category::Proposal => 5,
        }
    }

    /// How the category is written (label, plural, CSS class).
    pub const fn words(self) -> vocab::KindWords {
        match self {
            Category::Actor(k) => vocab::kind(k),
            Category::Proposal => vocab::PROPOSAL,
        }
    }
}

/// Which categories are hidden by the legend filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Hidden([bool; 6]);

impl Hidden {
    /// True if `c` is filtered out.
    pub const fn is_hidden(&self, c: Category) -> bool {
        self.0[c.index()]
    }

    fn toggle(&mut self, c: Category) {
        self.0[c.index()] = !self.0[c.index()];
    }
}

/// Where the app is.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Phase {
    /// The paste area.
    #[default]
    Edit,
    /// An analysis is running in the worker.
    Analysing {
        /// Job number, to ignore stale replies.
        job: u32,
        /// `performance.now()` when Explain was pressed.
        started: f64,
        /// Fingerprint of the text being analysed.
        hash: Rc<str>,
    },
    /// Reading the result.
    Read,
}

/// Where the analysis engine is (it downloads in the background after the
/// page has painted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineStatus {
    /// Downloading: bytes so far, and in all (0: not known yet).
    Loading {
        /// Bytes received.
        loaded: u64,
        /// Bytes in all.
        total: u64,
    },
    /// Ready to analyse.
    Ready,
    /// It could not be loaded; the message says why.
    Unavailable(String),
}

impl Default for EngineStatus {
    fn default() -> Self {
        EngineStatus::Loading {
            loaded: 0,
            total: 0,
        }
    }
}

impl EngineStatus {
    /// True once it can analyse.
    pub fn is_ready(&self) -> bool {
        *self == EngineStatus::Ready
    }

    /// Download progress in percent, when the size is known.
    pub fn percent(&self) -> Option<u32> {
        match *self {
            EngineStatus::Loading { loaded, total } if total > 0 => {
                Some((loaded.min(total) * 100 / total) as u32)
            }
            _ => None,
        }
    }

    /// What the page says about it ("Loading the analyser… 120 of 410 KB").
    pub fn describe(&self) -> String {
        match self {
            EngineStatus::Loading { loaded, total } if *total > 0 => format!(
                "Loading the analyser… {} of {}",
                human_bytes(*loaded.min(total) as usize),
                human_bytes(*total as usize)
            ),
            EngineStatus::Loading { .. } => "Loading the analyser…".to_owned(),
            EngineStatus::Ready => "The analyser is ready.".to_owned(),
            EngineStatus::Unavailable(why) => format!(
                "The analyser could not be loaded ({why}). Reload the page to try again; your text is kept."
            ),
        }
    }
}

/// A download the toolbar offers (made by the engine).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// The analysis as JSON, code-point offsets (the CLI's format).
    Json,
    /// The Markdown report.
    Markdown,
    /// The self-contained HTML page.
    Html,
}

impl ExportFormat {
    /// The name the engine knows it by.
    pub const fn engine_name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Html => "html",
        }
    }

    /// The file name offered.
    pub const fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Json => "gloss-analysis.json",
            ExportFormat::Markdown => "gloss-analysis.md",
            ExportFormat::Html => "gloss-analysis.html",
        }
    }

    /// Its media type.
    pub const fn mime(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::Markdown => "text/markdown",
            ExportFormat::Html => "text/html",
        }
    }
}

/// A finished export, waiting to be handed to the browser as a download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// What it is.
    pub format: ExportFormat,
    /// Its content.
    pub content: Rc<str>,
}

/// A message about the input that is not an error (the text is fine, but
/// the reader should know something).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A web address was pasted on its own.
    BareUrl,
    /// Rich text was converted from a web page.
    Converted(PasteReport),
    /// A page arrived from the "Explain this page" bookmarklet.
    FromPage {
        /// The page's title.
        title: String,
        /// Its site ("www.example.org").
        host: String,
    },
    /// The "Explain this page" link was pressed instead of dragged.
    DragBookmarklet,
}

impl Notice {
    /// What the page says.
    pub fn message(&self) -> String {
        match self {
            Notice::BareUrl => "That is a web address. Gloss does not fetch pages, so nothing leaves your browser: open the article, select all of it (Ctrl+A), copy, and paste the text here.".to_owned(),
            Notice::Converted(r) => r.message(),
            Notice::FromPage { title, host } => format!(
                "From “{title}” ({host}): the page was handed over inside your browser and cleaned like pasted HTML. Nothing was uploaded."
            ),
            Notice::DragBookmarklet => "Drag this link to your bookmarks bar. Then, on a news article, click the bookmark: Gloss opens in a new tab with the article.".to_owned(),
        }
    }
}

/// What a rich-text paste kept and left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteReport {
    /// Paragraphs kept.
    pub paragraphs: usize,
    /// What the HTML had that the text has not ("2 menus", "5 images").
    pub dropped: Vec<String>,
    /// The clipboard's plain text, for "paste as plain text instead".
    pub plain: Rc<str>,
    /// Where the converted text went (UTF-16 start and length).
    pub at: (u32, u32),
}

impl PasteReport {
    /// Counts what the HTML holds that the extraction leaves out. O(n).
    pub fn dropped_from(html: &str) -> Vec<String> {
        let lower = html.to_ascii_lowercase();
        let count = |tag: &str| lower.matches(tag).count();
        let mut out = Vec::new();
        for (tag, one, many) in [
            ("<nav", "menu", "menus"),
            ("<img", "image", "images"),
            ("<iframe", "embedded frame", "embedded frames"),
            ("<form", "form", "forms"),
            ("<aside", "side box", "side boxes"),
        ] {
            let n = count(tag);
            if n > 0 {
                out.push(vocab::count(n, one, many));
            }
        }
        if count("<script") + count("<style") > 0 {
            out.push("the page's code".to_owned());
        }
        out
    }

    /// "Converted from a web page: kept 40 paragraphs, left out 2 menus and
    /// the page's code; links became plain text."
    pub fn message(&self) -> String {
        let kept = vocab::count(self.paragraphs, "paragraph", "paragraphs");
        let left = match self.dropped.as_slice() {
            [] => String::new(),
            [one] => format!(", left out {one}"),
            [rest @ .., last] => format!(", left out {} and {last}", rest.join(", ")),
        };
        format!("Converted from a web page: kept {kept}{left}; links became plain text.")
    }
}

/// Why a chosen or dropped file is refused before it is read, from its
/// name and type (a PDF, an image, an office document…); `None` for text,
/// HTML and anything else worth reading.
pub fn file_refusal(name: &str, mime: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    let what = if mime == "application/pdf" || ext == "pdf" {
        "a PDF"
    } else if mime.starts_with("image/")
        || matches!(
            ext,
            "png" | "jpg" | "jpeg" | "gif" | "webp" | "heic" | "avif" | "bmp" | "tif" | "tiff"
        )
    {
        "an image"
    } else if mime.starts_with("video/") || mime.starts_with("audio/") {
        "a recording"
    } else if matches!(
        ext,
        "doc" | "docx" | "odt" | "rtf" | "pages" | "epub" | "zip" | "xls" | "xlsx" | "ppt" | "pptx"
    ) {
        "a document Gloss cannot open"
    } else {
        return None;
    };
    Some(not_text(name, what))
}

/// The message for a file that is not text: copy the article's text instead.
pub fn not_text(name: &str, what: &str) -> String {
    format!(
        "“{name}” is {what}: Gloss reads text and web pages only. Open it, select the article's text, copy it and paste it here. Your text is kept."
    )
}

/// True when file content read as text is not text (NUL bytes, or many
/// characters that were not valid UTF-8).
pub fn looks_binary(content: &str) -> bool {
    let sample: String = content.chars().take(4096).collect();
    let bad = sample
        .chars()
        .filter(|&c| c == '\u{FFFD}' || c == '\0')
        .count();
    sample.contains('\0') || bad * 50 > sample.chars().count().max(1)
}

/// Number of paragraphs (blocks separated by blank lines) in `text`.
pub fn paragraph_count(text: &str) -> usize {
    text.split("\n\n").filter(|p| !p.trim().is_empty()).count()
}

/// True when `text` is only a web address ("https://…").
pub fn is_bare_url(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with("https://") || t.starts_with("http://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// A short, stable fingerprint of a text (FNV-1a, 64 bits, hex): what the
/// cached result and the corrections are stored under. Not a security hash.
pub fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::with_capacity(16);
    for i in (0..16).rev() {
        let d = ((h >> (i * 4)) & 0xf) as u8;
        out.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
    }
    out
}

/// Timings of the last analysis, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Timing {
    /// Time inside the analysis core (in the worker).
    pub analysis_ms: f64,
    /// From pressing Explain until the result was on screen.
    pub total_ms: Option<f64>,
    /// `performance.now()` when Explain was pressed.
    started: f64,
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// The text in the paste area (shared, so no action copies it).
    pub text: Rc<str>,
    /// Where the app is.
    pub phase: Phase,
    /// The last result as shown: the engine's analysis (byte offsets) with
    /// the reader's corrections applied; kept while editing.
    pub analysis: Option<Shared<Analysis>>,
    /// The engine's analysis, before corrections.
    pub base: Option<Shared<Analysis>>,
    /// The reader's corrections, in order (undo takes the last off).
    pub corrections: Rc<Vec<Correction>>,
    /// What became of each correction.
    pub outcomes: Rc<Vec<Outcome>>,
    /// Fingerprint of the text the result is of ([`text_hash`]).
    pub result_of: Option<Rc<str>>,
    /// Counts the reader's own corrections and undos (what is saved).
    pub corrections_rev: u32,
    /// Results made by pressing Explain (not restored): focus follows each.
    pub explained: u32,
    /// The open card.
    pub selection: Option<Selection>,
    /// The actor or proposal whose mentions are lit (hover/focus in the list).
    pub lit: Option<Target>,
    /// Legend filter.
    pub hidden: Hidden,
    /// Colour scheme.
    pub theme: Theme,
    /// An error to show (the text is always kept).
    pub error: Option<String>,
    /// Timings of the last analysis.
    pub timing: Option<Timing>,
    /// Sentence to flash after a jump.
    pub flash: Option<usize>,
    /// The stance (index into the open proposal's stances) to bring into
    /// view, when the card was opened from a stance-map edge.
    pub stance: Option<usize>,
    /// An HTML extraction in flight: (job, UTF-16 selection start, end) to replace.
    pub pending_insert: Option<(u32, u32, u32)>,
    /// Where the analysis engine is.
    pub engine: EngineStatus,
    /// Glossary entries of the result's proposals (from the engine).
    pub glossary: Shared<Vec<Glossary>>,
    /// Jobs that failed in the worker: each one asks the app for a fresh worker.
    pub failures: u32,
    /// The result as the engine encoded it (what exports are made from).
    pub encoded: Option<Rc<str>>,
    /// An export in flight: (job, format).
    pub pending_export: Option<(u32, ExportFormat)>,
    /// A finished export to hand to the browser.
    pub download: Option<Download>,
    /// A message about the input (not an error).
    pub notice: Option<Notice>,
    /// Kind tags after each highlight ("Acme Corp ORG").
    pub show_labels: bool,
    /// The index (actors and proposals) is open as a sheet (narrow screens).
    pub index_open: bool,
    /// Explain as soon as the HTML being converted is in the paste area
    /// (a page from the bookmarklet).
    pub explain_after_insert: bool,
    /// Set when that conversion has landed: the app then explains.
    pub insert_landed: u32,
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The paste area changed.
    SetText(Rc<str>),
    /// Insert `text` over the UTF-16 selection `start..end` of the paste area.
    Insert {
        /// Selection start (UTF-16 code units, as the DOM reports it).
        start: u32,
        /// Selection end.
        end: u32,
        /// Text to insert.
        text: String,
    },
    /// An analysis job was sent to the worker.
    Started {
        /// Job number.
        job: u32,
        /// `performance.now()`.
        now: f64,
        /// Fingerprint of the text ([`text_hash`]).
        hash: Rc<str>,
    },
    /// The worker answered with the analysis (byte offsets).
    Analysed {
        /// Job number.
        job: u32,
        /// The analysis in the [`crate::worker::wire`] encoding.
        encoded: Rc<str>,
        /// Time spent in the core.
        ms: f64,
    },
    /// The result is on screen.
    Rendered {
        /// `performance.now()`.
        now: f64,
    },
    /// The analysis failed or the worker crashed.
    Failed {
        /// Job number (`None`: whatever is running).
        job: Option<u32>,
        /// What to tell the reader.
        message: String,
    },
    /// Stop the running analysis.
    Cancel,
    /// Back to the paste area, text intact.
    EditText,
    /// Show an error.
    Error(String),
    /// Hide the error.
    DismissError,
    /// Open a card.
    Open(Selection),
    /// Open a proposal's card at one of its stances (a stance-map edge).
    OpenStance {
        /// Index into [`Analysis::proposals`].
        proposal: usize,
        /// Index into that proposal's stances.
        stance: usize,
    },
    /// Close the card.
    Close,
    /// Move the card to the previous (-1) or next (+1) mention.
    Step(i32),
    /// Light up the mentions of a target (or none).
    Light(Option<Target>),
    /// Toggle a legend category.
    Toggle(Category),
    /// Set the colour scheme.
    SetTheme(Theme),
    /// Flash a sentence after a jump.
    Flash(Option<usize>),
    /// HTML (pasted or from a file) is being converted to text for `start..end`.
    AwaitInsert {
        /// Job number.
        job: u32,
        /// Selection start (UTF-16).
        start: u32,
        /// Selection end (UTF-16).
        end: u32,
    },
    /// News of the engine (download progress, ready, unavailable).
    Engine(EngineStatus),
    /// An export was sent to the engine.
    AwaitExport {
        /// Job number.
        job: u32,
        /// What is being made.
        format: ExportFormat,
    },
    /// The download was handed to the browser.
    Downloaded,
    /// The reader corrects the analysis.
    Correct(Correction),
    /// Take back the last correction.
    Undo,
    /// Take back every correction.
    UndoAll,
    /// The corrections kept in this browser for the new result's text.
    Corrections(Vec<Correction>),
    /// A result kept in this browser for this text (a reload), with its corrections.
    Restore {
        /// The result in the wire encoding.
        encoded: Rc<str>,
        /// Its corrections.
        corrections: Vec<Correction>,
        /// Fingerprint of the text.
        hash: Rc<str>,
    },
    /// Show (or clear) a message about the input.
    Notice(Option<Notice>),
    /// Show or hide the kind tags.
    ToggleLabels,
    /// Open or close the index sheet.
    ToggleIndex(bool),
    /// Rich text is being converted: what to report once it lands.
    Pasting {
        /// What the HTML had that the text will not.
        dropped: Vec<String>,
        /// The clipboard's plain text.
        plain: Rc<str>,
    },
    /// Explain once the HTML being converted has landed.
    ExplainAfterInsert,
    /// The worker converted HTML to text.
    Extracted {
        /// Job number.
        job: u32,
        /// The text.
        text: String,
    },
}

/// Checks that `text` can be analysed; the error says why not.
pub fn validate(text: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("Paste or type an article first.".to_owned());
    }
    if is_bare_url(text) {
        return Err(Notice::BareUrl.message());
    }
    if text.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "This text is {}; Gloss analyses up to {}. Your text is kept — shorten it and press Explain again.",
            human_bytes(text.len()),
            human_bytes(MAX_INPUT_BYTES)
        ));
    }
    Ok(())
}

/// "4.2 MB", "310 KB", "12 bytes".
pub fn human_bytes(n: usize) -> String {
    if n >= 1024 * 1024 {
        let tenths = (n as u64 * 10 + 512 * 1024) / (1024 * 1024);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else if n >= 1024 {
        format!("{} KB", n.div_ceil(1024))
    } else {
        format!("{n} bytes")
    }
}

/// A duration in milliseconds with one decimal ("18.4"), written without
/// the float formatter (which would add kilobytes to the page's module).
pub fn tenths(ms: f64) -> String {
    let t = (ms.max(0.0) * 10.0 + 0.5) as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// "4,210".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "12 people, places and groups · 4 proposals".
pub fn counts(a: &Analysis) -> String {
    let n = a.actors.len();
    let actors = if n == 1 {
        "1 person, place or group".to_owned()
    } else {
        format!("{n} people, places and groups")
    };
    format!(
        "{actors} · {}",
        vocab::count(a.proposals.len(), "proposal", "proposals")
    )
}

/// Byte offset of UTF-16 offset `units` in `text` (clamped to the text).
pub fn utf16_to_byte(text: &str, units: usize) -> usize {
    let mut count = 0usize;
    for (i, c) in text.char_indices() {
        if count >= units {
            return i;
        }
        count += c.len_utf16();
    }
    text.len()
}

impl State {
    /// Number of mentions of a target in the current analysis.
    pub fn mention_count(&self, target: Target) -> usize {
        let Some(a) = &self.analysis else { return 0 };
        match target {
            Target::Actor(i) => a.actors.get(i).map_or(0, |x| x.mentions.len()),
            Target::Proposal(i) => a.proposals.get(i).map_or(0, |x| x.mentions.len()),
        }
    }

    /// The live-region status line.
    pub fn status(&self) -> String {
        match (&self.phase, &self.analysis) {
            (Phase::Analysing { .. }, _) => "Analysing…".to_owned(),
            (Phase::Read, Some(a)) => counts(a),
            _ => String::new(),
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::SetText(t) => {
                self.text = t;
                if matches!(self.notice, Some(Notice::Converted(_))) {
                    self.notice = None;
                }
            }
            Action::Insert { start, end, text } => {
                let a = utf16_to_byte(&self.text, start as usize);
                let b = utf16_to_byte(&self.text, end as usize).max(a);
                let mut next = String::with_capacity(self.text.len() - (b - a) + text.len());
                next.push_str(&self.text[..a]);
                next.push_str(&text);
                next.push_str(&self.text[b..]);
                self.text = next.into();
            }
            Action::Started { job, now, hash } => {
                self.phase = Phase::Analysing {
                    job,
                    started: now,
                    hash,
                };
                self.error = None;
                self.notice = None;
            }
            Action::Analysed { job, encoded, ms } => {
                let Phase::Analysing {
                    job: running,
                    started,
                    ref hash,
                } = self.phase
                else {
                    return;
                };
                if running != job {
                    return;
                }
                let hash = hash.clone();
                if self.take_result(encoded, hash) {
                    self.explained += 1;
                    self.timing = Some(Timing {
                        analysis_ms: ms,
                        total_ms: None,
                        started,
                    });
                }
            }
            Action::Rendered { now } => {
                if let Some(t) = &mut self.timing {
                    if t.total_ms.is_none() {
                        t.total_ms = Some((now - t.started).max(0.0));
                    }
                }
            }
            Action::Failed { job, message } => {
                if job.is_some() {
                    self.failures += 1;
                }
                if let Some((pending, _)) = self.pending_export {
                    if job.is_none_or(|j| j == pending) {
                        self.pending_export = None;
                        self.error = Some(format!("The download could not be made ({message})."));
                        return;
                    }
                }
                if let Phase::Analysing { job: running, .. } = self.phase {
                    if job.is_none_or(|j| j == running) {
                        self.fail(message);
                    }
                } else if let Some((pending, ..)) = self.pending_insert {
                    // A rich-text paste whose conversion failed: say so
                    // instead of dropping the paste silently.
                    if job.is_none_or(|j| j == pending) {
                        self.pending_insert = None;
                        self.error = Some(format!(
                            "The pasted formatted text could not be converted ({message}). Your text is kept; paste again as plain text (Ctrl+Shift+V)."
                        ));
                    }
                }
            }
            Action::Cancel => {
                if matches!(self.phase, Phase::Analysing { .. }) {
                    self.phase = Phase::Edit;
                }
            }
            Action::EditText => {
                self.phase = Phase::Edit;
                self.selection = None;
            }
            Action::Error(e) => self.error = Some(e),
            Action::DismissError => self.error = None,
            Action::Open(sel) => {
                let exists = self.analysis.as_ref().is_some_and(|a| match sel.target {
                    Target::Actor(i) => i < a.actors.len(),
                    Target::Proposal(i) => i < a.proposals.len(),
                });
                if exists {
                    self.selection = Some(sel);
                    self.stance = None;
                    self.index_open = false;
                }
            }
            Action::OpenStance { proposal, stance } => {
                let exists = self.analysis.as_ref().is_some_and(|a| {
                    a.proposals
                        .get(proposal)
                        .is_some_and(|p| stance < p.stances.len())
                });
                if exists {
                    self.selection = Some(Selection {
                        target: Target::Proposal(proposal),
                        mention: 0,
                    });
                    self.stance = Some(stance);
                }
            }
            Action::Close => {
                self.selection = None;
                self.stance = None;
            }
            Action::Step(d) => {
                if let Some(mut sel) = self.selection {
                    let n = self.mention_count(sel.target);
                    if n > 0 {
                        let cur = sel.mention.min(n - 1) as i64;
                        sel.mention = (cur + i64::from(d)).rem_euclid(n as i64) as usize;
                        self.selection = Some(sel);
                    }
                }
            }
            Action::Light(t) => self.lit = t,
            Action::Toggle(c) => self.hidden.toggle(c),
            Action::SetTheme(t) => self.theme = t,
            Action::Flash(s) => self.flash = s,
            Action::Engine(status) => self.engine = status,
            Action::AwaitExport { job, format } => {
                self.pending_export = Some((job, format));
                self.error = None;
            }
            Action::Downloaded => self.download = None,
            Action::Correct(c) => {
                let split = match &c {
                    Correction::Split { actor, start, .. } => {
                        Some(Correction::split_id(actor, *start))
                    }
                    _ => None,
                };
                let merged = match &c {
                    Correction::Merge { actor, into } => Some((actor.clone(), into.clone())),
                    _ => None,
                };
                Rc::make_mut(&mut self.corrections).push(c);
                self.corrections_rev += 1;
                self.recompute(merged);
                if let Some(id) = split {
                    self.select_actor(&id);
                }
            }
            Action::Undo => {
                if Rc::make_mut(&mut self.corrections).pop().is_some() {
                    self.corrections_rev += 1;
                    self.recompute(None);
                }
            }
            Action::UndoAll => {
                if !self.corrections.is_empty() {
                    self.corrections = Rc::default();
                    self.corrections_rev += 1;
                    self.recompute(None);
                }
            }
            Action::Corrections(list) => {
                self.corrections = Rc::new(list);
                self.recompute(None);
            }
            Action::Restore {
                encoded,
                corrections,
                hash,
            } => {
                if self.take_result(encoded, hash) {
                    self.corrections = Rc::new(corrections);
                    self.recompute(None);
                }
            }
            Action::Notice(n) => self.notice = n,
            Action::ToggleLabels => self.show_labels = !self.show_labels,
            Action::ToggleIndex(open) => self.index_open = open,
            Action::Pasting { dropped, plain } => {
                self.notice = Some(Notice::Converted(PasteReport {
                    paragraphs: 0,
                    dropped,
                    plain,
                    at: (0, 0),
                }));
            }
            Action::ExplainAfterInsert => self.explain_after_insert = true,
            Action::AwaitInsert { job, start, end } => {
                self.pending_insert = Some((job, start, end))
            }
            Action::Extracted { job, text } => {
                if let Some((j, format)) = self.pending_export {
                    if j == job {
                        self.pending_export = None;
                        self.download = Some(Download {
                            format,
                            content: text.into(),
                        });
                        return;
                    }
                }
                if let Some((j, start, end)) = self.pending_insert {
                    if j == job {
                        self.pending_insert = None;
                        let len = text.encode_utf16().count() as u32;
                        let paragraphs = paragraph_count(&text);
                        if let Some(Notice::Converted(r)) = &mut self.notice {
                            r.paragraphs = paragraphs;
                            r.at = (start.min(self.text.encode_utf16().count() as u32), len);
                        }
                        self.apply(Action::Insert { start, end, text });
                        if self.explain_after_insert {
                            self.explain_after_insert = false;
                            self.insert_landed += 1;
                        }
                    }
                }
            }
        }
    }

    /// Takes an engine result (wire encoding) as the one shown, without
    /// corrections; false (and an error) if it cannot be read.
    fn take_result(&mut self, encoded: Rc<str>, hash: Rc<str>) -> bool {
        match crate::worker::wire::decode_explained(&encoded) {
            Some(e) if e.analysis.offsets == OffsetUnit::Byte => {
                let a = Shared::new(e.analysis);
                self.base = Some(a.clone());
                self.analysis = Some(a);
                self.corrections = Rc::default();
                self.outcomes = Rc::default();
                self.glossary = Shared::new(e.glossary);
                self.encoded = Some(encoded);
                self.result_of = Some(hash);
                self.phase = Phase::Read;
                self.selection = None;
                self.lit = None;
                self.flash = None;
                self.stance = None;
                self.index_open = false;
                true
            }
            Some(_) => {
                self.fail("the result used unexpected offsets".to_owned());
                false
            }
            None => {
                self.fail("the result could not be read".to_owned());
                false
            }
        }
    }

    /// The id of an actor or proposal of the shown analysis.
    fn target_id(&self, t: Target) -> Option<(bool, String)> {
        let a = self.analysis.as_ref()?;
        match t {
            Target::Actor(i) => a.actors.get(i).map(|x| (true, x.id.clone())),
            Target::Proposal(i) => a.proposals.get(i).map(|p| (false, p.id.clone())),
        }
    }

    /// Opens the card of the actor with this id, if there is one.
    fn select_actor(&mut self, id: &str) {
        if let Some(i) = self
            .analysis
            .as_ref()
            .and_then(|a| a.actors.iter().position(|x| x.id == id))
        {
            self.selection = Some(Selection {
                target: Target::Actor(i),
                mention: 0,
            });
            self.stance = None;
        }
    }

    /// Applies the corrections to the engine's analysis again, keeping the
    /// open card on the same actor or proposal (or on the actor a merge kept).
    fn recompute(&mut self, merged: Option<(String, String)>) {
        let Some(base) = self.base.clone() else {
            return;
        };
        let open = self
            .selection
            .and_then(|s| self.target_id(s.target).map(|t| (s, t)));
        if self.corrections.is_empty() {
            self.analysis = Some(base);
            self.outcomes = Rc::default();
        } else {
            let mut a = (*base).clone();
            self.outcomes = Rc::new(corrections::apply(&mut a, &self.corrections));
            self.analysis = Some(Shared::new(a));
        }
        self.lit = None;
        self.selection = None;
        let Some((sel, (actor, id))) = open else {
            return;
        };
        let id = match merged {
            Some((gone, into)) if actor && gone == id => into,
            _ => id,
        };
        let Some(a) = &self.analysis else { return };
        let found = if actor {
            a.actors.iter().position(|x| x.id == id).map(Target::Actor)
        } else {
            a.proposals
                .iter()
                .position(|p| p.id == id)
                .map(Target::Proposal)
        };
        if let Some(target) = found {
            let n = match target {
                Target::Actor(i) => a.actors[i].mentions.len(),
                Target::Proposal(i) => a.proposals[i].mentions.len(),
            };
            self.selection = Some(Selection {
                target,
                mention: sel.mention.min(n.saturating_sub(1)),
            });
        } else {
            self.stance = None;
        }
    }

    fn fail(&mut self, message: String) {
        self.phase = Phase::Edit;
        self.error = Some(format!(
            "Gloss could not analyse this text: {message}. Your text is kept; you can edit it and try again."
        ));
    }
}

impl yew::Reducible for State {
    type Action = Action;

    /// Copies the state only when another handle still holds it; the copy
    /// is shallow (the text and the analysis are shared `Rc`s).
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed(text: &str) -> State {
        let mut s = State {
            text: text.into(),
            ..State::default()
        };
        s.apply(Action::Started {
            job: 1,
            now: 10.0,
            hash: "h".into(),
        });
        let encoded: Rc<str> = crate::worker::api::analyze_encoded(text, "text").into();
        s.apply(Action::Analysed {
            job: 1,
            encoded,
            ms: 2.0,
        });
        s
    }

    #[test]
    fn explain_flow_reaches_read_and_reports_status() {
        let mut s = analysed(include_str!("../www/samples/moscow-talks.txt"));
        assert_eq!(s.phase, Phase::Read);
        assert!(
            s.status().contains("people, places and groups"),
            "{}",
            s.status()
        );
        s.apply(Action::Rendered { now: 30.0 });
        assert_eq!(s.timing.and_then(|t| t.total_ms), Some(20.0));
        s.apply(Action::EditText);
        assert_eq!(s.phase, Phase::Edit);
        assert!(s.text.contains("Putin"), "text kept for editing");
    }

    #[test]
    fn stale_and_failed_jobs() {
        let mut s = State::default();
        s.apply(Action::Started {
            job: 2,
            now: 0.0,
            hash: "h".into(),
        });
        s.apply(Action::Analysed {
            job: 1,
            encoded: "".into(),
            ms: 0.0,
        });
        assert!(
            matches!(s.phase, Phase::Analysing { job: 2, .. }),
            "stale reply ignored"
        );
        s.apply(Action::Analysed {
            job: 2,
            encoded: "not an analysis".into(),
            ms: 0.0,
        });
        assert_eq!(s.phase, Phase::Edit);
        assert!(s.error.as_deref().unwrap_or("").contains("could not"));
        s.apply(Action::Started {
            job: 3,
            now: 0.0,
            hash: "h".into(),
        });
        assert_eq!(s.error, None);
        s.apply(Action::Failed {
            job: None,
            message: "RuntimeError: unreachable".into(),
        });
        assert!(s.error.as_deref().unwrap_or("").contains("unreachable"));
        s.apply(Action::Started {
            job: 4,
            now: 0.0,
            hash: "h".into(),
        });
        s.apply(Action::Cancel);
        assert_eq!(s.phase, Phase::Edit);
    }

    #[test]
    fn validation_keeps_limits() {
        assert!(validate("  \n").is_err());
        assert!(validate("Putin spoke.").is_ok());
        let big = "a".repeat(MAX_INPUT_BYTES + 1);
        let err = validate(&big).expect_err("too large");
        assert!(err.contains("5.0 MB"), "{err}");
    }

    #[test]
    fn card_steps_wrap_around() {
        let mut s = analysed("Putin met Trump. Putin left. Trump stayed.");
        let Some(i) = s
            .analysis
            .as_ref()
            .and_then(|a| a.actors.iter().position(|x| x.mentions.len() >= 2))
        else {
            return;
        };
        s.apply(Action::Open(Selection {
            target: Target::Actor(i),
            mention: 0,
        }));
        s.apply(Action::Step(-1));
        let n = s.mention_count(Target::Actor(i));
        assert_eq!(s.selection.map(|x| x.mention), Some(n - 1));
        s.apply(Action::Step(1));
        assert_eq!(s.selection.map(|x| x.mention), Some(0));
        s.apply(Action::Close);
        assert_eq!(s.selection, None);
        s.apply(Action::Open(Selection {
            target: Target::Actor(9999),
            mention: 0,
        }));
        assert_eq!(s.selection, None, "unknown targets are not opened");
    }

    #[test]
    fn open_stance_opens_the_proposal_at_that_stance() {
        let mut s = analysed(include_str!("../www/samples/moscow-talks.txt"));
        let (pi, n) = s
            .analysis
            .as_ref()
            .and_then(|a| {
                a.proposals
                    .iter()
                    .enumerate()
                    .find(|(_, p)| !p.stances.is_empty())
                    .map(|(i, p)| (i, p.stances.len()))
            })
            .expect("the sample has a stance");
        s.apply(Action::OpenStance {
            proposal: pi,
            stance: n - 1,
        });
        assert_eq!(s.selection.map(|x| x.target), Some(Target::Proposal(pi)));
        assert_eq!(s.stance, Some(n - 1));
        s.apply(Action::Open(Selection {
            target: Target::Actor(0),
            mention: 0,
        }));
        assert_eq!(s.stance, None, "a plain open forgets the stance");
        s.apply(Action::OpenStance {
            proposal: pi,
            stance: n,
        });
        assert_eq!(
            s.selection.map(|x| x.target),
            Some(Target::Actor(0)),
            "an unknown stance is not opened"
        );
    }

    #[test]
    fn insert_uses_utf16_positions() {
        let mut s = State {
            text: "a😀b".into(),
            ..State::default()
        };
        s.apply(Action::Insert {
            start: 3,
            end: 3,
            text: "X".into(),
        });
        assert_eq!(&*s.text, "a😀Xb");
        s.apply(Action::Insert {
            start: 0,
            end: 99,
            text: "new".into(),
        });
        assert_eq!(&*s.text, "new");
    }

    #[test]
    fn extracted_html_replaces_the_selection() {
        let mut s = State {
            text: "ab".into(),
            ..State::default()
        };
        s.apply(Action::AwaitInsert {
            job: 7,
            start: 1,
            end: 1,
        });
        s.apply(Action::Extracted {
            job: 6,
            text: "stale".into(),
        });
        assert_eq!(&*s.text, "ab");
        s.apply(Action::Extracted {
            job: 7,
            text: "<b>x</b>".into(),
        });
        assert_eq!(&*s.text, "a<b>x</b>b", "inserted as text, never as markup");
        assert_eq!(s.pending_insert, None);
    }

    #[test]
    fn failed_rich_paste_is_reported() {
        let mut s = State {
            text: "ab".into(),
            ..State::default()
        };
        s.apply(Action::AwaitInsert {
            job: 9,
            start: 1,
            end: 1,
        });
        s.apply(Action::Failed {
            job: None,
            message: "the analysis worker stopped".into(),
        });
        assert_eq!(s.pending_insert, None);
        assert_eq!(&*s.text, "ab", "the text is kept");
        assert!(s
            .error
            .as_deref()
            .unwrap_or("")
            .contains("could not be converted"));
    }

    #[test]
    fn actions_share_the_text_instead_of_copying_it() {
        let text: Rc<str> = "Putin met Trump.".into();
        let state = Rc::new(State {
            text: text.clone(),
            ..State::default()
        });
        let held = state.clone();
        let next = yew::Reducible::reduce(state, Action::Light(Some(Target::Actor(0))));
        assert!(Rc::ptr_eq(&next.text, &text), "a hover keeps the same text");
        assert!(Rc::ptr_eq(&held.text, &text));
    }

    #[test]
    fn engine_status_is_described() {
        let s = EngineStatus::Loading {
            loaded: 100 * 1024,
            total: 400 * 1024,
        };
        assert_eq!(s.percent(), Some(25));
        assert_eq!(s.describe(), "Loading the analyser… 100 KB of 400 KB");
        assert_eq!(EngineStatus::default().percent(), None);
        assert!(EngineStatus::Ready.is_ready());
        let mut st = State::default();
        st.apply(Action::Engine(EngineStatus::Ready));
        assert!(st.engine.is_ready());
    }

    #[test]
    fn input_messages() {
        assert!(is_bare_url(
            "  https://www.example.org/news/2026/story.html \n"
        ));
        assert!(is_bare_url("www.example.org/a"));
        assert!(!is_bare_url("Read https://example.org for more."));
        assert!(validate("https://example.org/story")
            .unwrap_err()
            .contains("does not fetch pages"));
        assert!(file_refusal("Report.PDF", "").unwrap().contains("is a PDF"));
        assert!(file_refusal("photo.jpg", "image/jpeg")
            .unwrap()
            .contains("an image"));
        assert!(file_refusal("x", "application/pdf").is_some());
        assert_eq!(file_refusal("story.txt", "text/plain"), None);
        assert_eq!(file_refusal("page.html", "text/html"), None);
        assert!(looks_binary("%PDF-1.7\0\u{FFFD}\u{FFFD}"));
        assert!(!looks_binary("Plain text, with ünïcode."));
        let r = PasteReport {
            paragraphs: 40,
            dropped: PasteReport::dropped_from(
                "<nav>a</nav><NAV>b</nav><script>x</script><img src=y>",
            ),
            plain: "".into(),
            at: (0, 0),
        };
        assert_eq!(
            r.message(),
            "Converted from a web page: kept 40 paragraphs, left out 2 menus, 1 image and the page's code; links became plain text."
        );
        assert_eq!(paragraph_count("a\n\nb\n\n\n\nc"), 3);
        assert_eq!(text_hash("abc"), text_hash("abc"));
        assert_ne!(text_hash("abc"), text_hash("abd"));
        assert_eq!(text_hash("").len(), 16);
    }

    #[test]
    fn corrections_apply_undo_and_keep_the_card() {
        let mut s = analysed("Vladimir Putin met Steve Witkoff in Moscow. Putin rejected the plan. Witkoff left Moscow.");
        let a = s.analysis.clone().expect("analysed");
        let putin = a
            .actors
            .iter()
            .position(|x| x.name.contains("Putin"))
            .expect("Putin");
        let witkoff = a
            .actors
            .iter()
            .find(|x| x.name.contains("Witkoff"))
            .expect("Witkoff")
            .id
            .clone();
        let putin_id = a.actors[putin].id.clone();
        s.apply(Action::Open(Selection {
            target: Target::Actor(putin),
            mention: 0,
        }));
        s.apply(Action::Correct(Correction::Rename {
            actor: putin_id.clone(),
            name: "V. Putin".into(),
        }));
        let shown = s.analysis.clone().expect("shown");
        let Some(Selection {
            target: Target::Actor(i),
            ..
        }) = s.selection
        else {
            panic!("card closed")
        };
        assert_eq!(
            shown.actors[i].name, "V. Putin",
            "the open card follows the actor"
        );
        assert_eq!(
            s.base
                .as_ref()
                .map(|b| b.actors[putin].name.clone())
                .as_deref(),
            Some(a.actors[putin].name.as_str()),
            "the engine's analysis is untouched"
        );
        s.apply(Action::Correct(Correction::Merge {
            actor: putin_id.clone(),
            into: witkoff.clone(),
        }));
        let Some(Selection {
            target: Target::Actor(i),
            ..
        }) = s.selection
        else {
            panic!("card closed")
        };
        assert_eq!(
            s.analysis.as_ref().map(|a| a.actors[i].id.clone()),
            Some(witkoff),
            "a merge keeps the card on the actor that stays"
        );
        assert_eq!(s.corrections.len(), 2);
        s.apply(Action::Undo);
        s.apply(Action::Undo);
        assert!(s.corrections.is_empty());
        assert_eq!(s.analysis, s.base, "undo restores the engine's analysis");
        assert_eq!(s.corrections_rev, 4);
        s.apply(Action::Correct(Correction::Hide { actor: putin_id }));
        s.apply(Action::UndoAll);
        assert!(s.corrections.is_empty());
    }

    #[test]
    fn a_kept_result_is_restored_with_its_corrections() {
        let text = "Vladimir Putin met Steve Witkoff in Moscow.";
        let encoded: Rc<str> = crate::worker::api::analyze_encoded(text, "text").into();
        let a = crate::worker::wire::decode_explained(&encoded)
            .expect("valid")
            .analysis;
        let id = a.actors[0].id.clone();
        let mut s = State::default();
        s.apply(Action::Restore {
            encoded,
            corrections: vec![Correction::Hide { actor: id.clone() }],
            hash: text_hash(text).into(),
        });
        assert_eq!(s.phase, Phase::Read);
        assert_eq!(s.explained, 0, "a restore does not move focus");
        assert!(s.analysis.as_ref().is_some_and(|a| a.actor(&id).is_none()));
        assert_eq!(s.result_of.as_deref(), Some(text_hash(text).as_str()));
    }

    #[test]
    fn helpers() {
        assert_eq!(thousands(4210), "4,210");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(human_bytes(300 * 1024), "300 KB");
        assert_eq!(human_bytes(5 * 1024 * 1024), "5.0 MB");
        assert_eq!(human_bytes(5_662_310), "5.4 MB");
        assert_eq!(tenths(18.44), "18.4");
        assert_eq!(tenths(0.06), "0.1");
        assert_eq!(Theme::parse("dark"), Theme::Dark);
        assert_eq!(Theme::System.toggled(true), Theme::Light);
        assert_eq!(Theme::Light.toggled(true), Theme::Dark);
        let mut h = Hidden::default();
        h.toggle(Category::Proposal);
        assert!(h.is_hidden(Category::Proposal));
        assert!(!h.is_hidden(Category::Actor(ActorKind::Person)));
    }
}

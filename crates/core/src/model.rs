//! The public, serde-serialisable result of an analysis.
//!
//! Every `start`/`end` pair in these types is an offset into [`Analysis::text`]
//! in the unit named by [`Analysis::offsets`] (end exclusive). [`crate::analyze`]
//! returns byte offsets, which Rust code can slice with directly; tools that
//! emit JSON convert once with [`Analysis::convert_offsets`] (see
//! [`crate::offsets`]). Field names are a contract read by the app, the CLI,
//! the tests and outside tools: add fields, never rename them.

use serde::{Deserialize, Serialize};

/// Version of the JSON schema described in the README.
pub const SCHEMA_VERSION: u32 = 1;

/// The unit in which every offset of an [`Analysis`] is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes: what `&text[start..end]` needs in Rust.
    #[default]
    Byte,
    /// Unicode scalar values (Python `str` indices): the JSON contract.
    Codepoint,
    /// UTF-16 code units: JavaScript string indices.
    Utf16,
}

/// How the input was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text, analysed as given.
    #[default]
    Text,
    /// An HTML document or fragment; `text` is the extracted story.
    Html,
}

/// A half-open range `start..end` of [`Analysis::text`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First offset inside the range.
    pub start: usize,
    /// First offset after the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in offset units.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True for an empty span.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True if `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Why a range of the text was set aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IgnoredReason {
    /// Photo or image credit ("Picture credit: …").
    Credit,
    /// Navigation or teaser links ("Must Read", "Read more", "Related:").
    Navigation,
    /// Share / social widgets ("Share this").
    Share,
    /// Advertising ("Advertisement").
    Advertisement,
    /// A byline or dateline-like author line ("By Jane Doe").
    Byline,
    /// Cookie or subscription notices.
    Notice,
    /// Any other non-story line.
    Other,
}

/// A range of text that is not part of the story (boilerplate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ignored {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Why it was set aside.
    pub reason: IgnoredReason,
}

/// What kind of real-world entity an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A company, government body, party organisation, agency, team…
    Organization,
    /// A country, city, region, building or other location.
    Place,
    /// A collective: nationalities, peoples, "Ukrainian officials", "European powers".
    Group,
    /// Anything else worth naming.
    Other,
}

impl ActorKind {
    /// The label used in the flat `mentions` list (the eval scorer's format).
    pub const fn label(self) -> Label {
        match self {
            ActorKind::Person | ActorKind::Group => Label::Person,
            ActorKind::Organization => Label::Org,
            ActorKind::Place => Label::Place,
            ActorKind::Other => Label::Other,
        }
    }
}

/// Entity label in the flat mention list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Label {
    /// A person (or group of people).
    #[serde(rename = "PERSON")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Org,
    /// A place.
    #[serde(rename = "PLACE")]
    Place,
    /// Anything else.
    #[serde(rename = "OTHER")]
    Other,
}

/// How a mention refers to its actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// The name as written ("Vladimir Putin", "Putin", "America").
    #[default]
    Name,
    /// A role phrase that refers back to a named actor ("the Russian president").
    Role,
    /// An adjective or demonym ("Russian", "Ukrainian officials").
    Demonym,
}

/// One place in the text that refers to an actor or proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The text of the mention (`text[start..end]`).
    pub text: String,
    /// How it refers.
    #[serde(default)]
    pub form: MentionForm,
}

/// Something an actor does or says in the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// Index into [`Analysis::sentences`].
    pub sentence: usize,
    /// Start of the sentence.
    pub start: usize,
    /// End of the sentence (exclusive).
    pub end: usize,
    /// A short clause saying what the actor did ("expressed harsh criticism of multiple key proposals").
    pub text: String,
}

/// Bundled background knowledge linked to an actor; `None` when not linked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Background {
    /// Knowledge-base id.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Short neutral description.
    pub description: String,
    /// Date the entry was true ("2026-11").
    pub as_of: String,
    /// Where the entry's facts come from.
    pub source: String,
    /// Title of the English Wikipedia article, where one exists.
    pub wiki: Option<String>,
    /// The entry is not the actor itself but what it is named after: the
    /// country of "French officials", the continent of "Europeans". A card
    /// shows it as "related: France (country)", not as the actor's own
    /// description. Absent in JSON when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub related: bool,
    /// What the entry is ("country", "city", "political party").
    #[serde(default)]
    pub category: String,
}

/// A real-world entity taking part in the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id, unique within the analysis (a slug of the name).
    pub id: String,
    /// Fullest name in the text ("Vladimir Putin").
    pub name: String,
    /// What kind of entity.
    pub kind: ActorKind,
    /// Other surface forms in the text ("Putin", "the Russian president").
    pub aliases: Vec<String>,
    /// Description from the article (titles, roles, appositives), if any.
    pub description: Option<String>,
    /// Importance in this article, in `0.0..=1.0`; actors are sorted by it, highest first.
    pub salience: f32,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// What the actor does or says here, in text order.
    pub facts: Vec<Fact>,
    /// Linked background knowledge, if any.
    pub background: Option<Background>,
}

impl Actor {
    /// Does the name stand for many ("Ukrainian officials", "the
    /// Sams")? Only groups can: "the United States" takes a singular verb.
    pub fn is_plural(&self) -> bool {
        self.kind == ActorKind::Group
            && self.name.rsplit(' ').next().is_some_and(|w| {
                w.len() > 2 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s")
            })
    }

    /// The name as it reads in running text: a singular common-noun phrase
    /// takes the article ("proposed by the Greek court"); proper names,
    /// bare plurals and names that already have a determiner do not.
    pub fn running_name(&self) -> String {
        let last = self.name.rsplit(' ').next().unwrap_or("");
        let common = last.chars().next().is_some_and(char::is_lowercase);
        let first = self.name.split(' ').next().unwrap_or("");
        let has_det = first.chars().next().is_some_and(char::is_lowercase)
            || first.eq_ignore_ascii_case("the");
        if common && !has_det && !self.is_plural() && self.kind != ActorKind::Person {
            format!("the {}", self.name)
        } else if let Some(rest) = self.name.strip_prefix("The ").filter(|_| common) {
            // "The senators" as first written at the start of a sentence.
            format!("the {rest}")
        } else {
            self.name.clone()
        }
    }
}

/// A stance an actor takes on a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StanceKind {
    /// Puts it forward or demands it.
    Proposes,
    /// Backs it.
    Supports,
    /// Rejects it.
    Opposes,
    /// Finds fault with it.
    Criticizes,
    /// Both for and against.
    Mixed,
    /// Involved without a clear position.
    Neutral,
}

/// A quoted piece of text: the sentence that shows a stance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The evidence text.
    pub text: String,
}

/// One actor's position on one proposal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stance {
    /// Id of the actor.
    pub actor: String,
    /// The position.
    pub stance: StanceKind,
    /// The sentence that shows it.
    pub evidence: Evidence,
    /// Said under "may", "might" or "could": a possibility the text
    /// reports, not a commitment (absent in JSON when false).
    #[serde(default, skip_serializing_if = "is_false")]
    pub hedged: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A plan, deal, demand, guarantee, summit… under discussion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Stable id, unique within the analysis.
    pub id: String,
    /// Its fullest name in the text ("28-point peace proposal").
    pub name: String,
    /// What it is, from the article.
    pub description: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Who stands where, in text order of the evidence.
    pub stances: Vec<Stance>,
}

/// Words an actor is quoted as saying: the text between quote marks, with
/// its speaker ("who said what").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Id of the actor who said it.
    pub speaker: String,
    /// Start offset of the quoted words (inside the quote marks).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The quoted words.
    pub text: String,
}

/// One actor's side in a digest line, linked to the sentence that shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestLink {
    /// Id of the actor.
    pub actor: String,
    /// Its position.
    pub stance: StanceKind,
    /// Index into [`Analysis::sentences`] of the evidence sentence.
    pub sentence: usize,
    /// Start of the evidence sentence.
    pub start: usize,
    /// End of the evidence sentence (exclusive).
    pub end: usize,
}

/// One line of the "who wants what" digest: a proposal and who is for and
/// against it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestLine {
    /// Id of the proposal.
    pub proposal: String,
    /// The line as text ("Lifting the sanctions: proposed by Norway; backed
    /// by Iceland; opposed by the Fishermen's Union.").
    pub text: String,
    /// Ids of the actors who propose or support it, in order of appearance.
    #[serde(rename = "for")]
    pub supporters: Vec<String>,
    /// Ids of the actors who oppose or criticise it.
    pub against: Vec<String>,
    /// Every actor's side with its evidence sentence, in text order.
    pub links: Vec<DigestLink>,
}

/// The extractive summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Summary {
    /// Indices into [`Analysis::sentences`], in text order.
    pub sentences: Vec<usize>,
    /// The chosen sentences joined by spaces.
    pub text: String,
}

/// One actor mention in the flat list (the format `shared/eval/score.py` reads).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlatMention {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The mention text.
    pub text: String,
    /// Entity label.
    pub label: Label,
    /// Id of the actor it belongs to.
    pub actor: String,
}

/// One syntactic word (UD tokenisation: "don't" is "do" + "n't") with its
/// part of speech and dependency, as the tagger and parser found them
/// ([`Analysis::tokens`], filled when [`crate::Options::tokens`] is set).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyntaxToken {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Universal part of speech ("NOUN", "VERB", …).
    pub upos: String,
    /// Index in [`Analysis::tokens`] of its head word; `null` for the root
    /// of its sentence.
    pub head: Option<usize>,
    /// Universal dependency relation to the head ("nsubj", "obj", …).
    pub deprel: String,
}

/// Everything Gloss found in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Schema version ([`SCHEMA_VERSION`]).
    pub schema: u32,
    /// The unit of every offset in this value.
    pub offsets: OffsetUnit,
    /// How the input was read.
    pub source: SourceFormat,
    /// The text that was analysed (after HTML extraction).
    pub text: String,
    /// Boilerplate ranges set aside.
    pub ignored: Vec<Ignored>,
    /// Paragraphs, in text order.
    pub paragraphs: Vec<Span>,
    /// Sentences, in text order (boilerplate excluded).
    pub sentences: Vec<Span>,
    /// Actors, most salient first.
    pub actors: Vec<Actor>,
    /// Proposals, in order of first mention.
    pub proposals: Vec<Proposal>,
    /// The extractive summary.
    pub summary: Summary,
    /// Direct quotes with a known speaker, in text order.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// "Who wants what": one line per main proposal, most important first.
    #[serde(default)]
    pub digest: Vec<DigestLine>,
    /// Every named actor mention (last word capitalised), in text order: the
    /// NER view read by the evaluation scorer. Role and group phrases ("the
    /// Russian president", "Ukrainian officials") stay on their actors only.
    pub mentions: Vec<FlatMention>,
    /// The syntactic words of the story sentences with their part of
    /// speech and dependency, in text order: only when
    /// [`crate::Options::tokens`] asks for them (absent from JSON
    /// otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<SyntaxToken>,
}

impl Analysis {
    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The proposal with this id.
    pub fn proposal(&self, id: &str) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(name: &str, kind: ActorKind) -> Actor {
        Actor {
            id: "x".into(),
            name: name.into(),
            kind,
            aliases: vec![],
            description: None,
            salience: 0.0,
            mentions: vec![],
            facts: vec![],
            background: None,
        }
    }

    #[test]
    fn plural_and_running_names() {
        use ActorKind::*;
        // (name, kind, plural, running name)
        let cases = [
            ("Portuguese nurses", Group, true, "Portuguese nurses"),
            ("the Olsens", Group, true, "the Olsens"),
            ("Swiss", Group, false, "Swiss"),
            ("United States", Place, false, "United States"),
            ("Supreme court", Organization, false, "the Supreme court"),
            ("the city council", Organization, false, "the city council"),
            ("The dockworkers", Group, true, "the dockworkers"),
            ("Lena Olsen", Person, false, "Lena Olsen"),
            (
                "Harbour Authority",
                Organization,
                false,
                "Harbour Authority",
            ),
        ];
        for (name, kind, plural, running) in cases {
            let a = actor(name, kind);
            assert_eq!(a.is_plural(), plural, "{name}");
            assert_eq!(a.running_name(), running, "{name}");
        }
    }
}

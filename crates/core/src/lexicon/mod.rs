//! The linguistic knowledge of the core, loaded from data files.
//!
//! Every word list lives in `crates/core/data/lexicons/en/`, one entry a
//! line, under a `#` header that says what the list is for, which stage uses
//! it and how its entries are cased; lists of tuples (proposal heads, stance
//! cues, name-head counts) are TSV. [`Lexicon::bundled`] parses the files
//! compiled into the binary; the [`crate::Analyzer`] owns the result and the
//! components reach it as [`Doc::lex`](crate::doc::Doc::lex). Lookups are
//! O(1) hash probes on the word as written (lists say their case).
//!
//! To add a list: write the file, add a line to the `word_lists!` table
//! below (its variant, predicate and path), and call the predicate.

mod cues;
mod heads;

pub use cues::{inflect, Cue, CueEntry};
pub use heads::{Family, Head, Strength};

use crate::hash::{FastMap, FastSet};

/// A bundled data file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// Path under `data/lexicons/en/`.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lexicon {}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

/// The entry lines of a data file: `(1-based line number, trimmed text)`,
/// skipping `#` comments and blank lines.
pub(crate) fn entries(data: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    data.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// One word list: its entries in file order and a set for lookups.
#[derive(Debug, Default)]
struct WordSet {
    words: Vec<&'static str>,
    set: FastSet<&'static str>,
}

macro_rules! word_lists {
    ($( $(#[$doc:meta])* $variant:ident : $method:ident => $path:literal, )*) => {
        /// A word list of the lexicon.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum List {
            $( #[doc = concat!("`", $path, "`")] $variant, )*
        }

        /// Every word list: (list, path under `data/lexicons/en/`, contents).
        pub(crate) const LISTS: &[(List, &str, &str)] = &[
            $( (List::$variant, $path, include_str!(concat!("../../data/lexicons/en/", $path))), )*
        ];

        // Every list gets a predicate; a few lists are only iterated.
        #[allow(dead_code)]
        impl Lexicon {
            $(
                $(#[$doc])*
                pub fn $method(&self, w: &str) -> bool {
                    self.has(List::$variant, w)
                }
            )*
        }
    };
}

word_lists! {
    // ---- names: recognition
    /// A person title before a name ("President", "Mr")?
    Titles: is_title => "names/titles.txt",
    /// A title only a person carries, before any surname ("Mrs", "Dr")?
    PersonalTitles: is_personal_title => "names/personal_titles.txt",
    /// A title word that may also head a name ("General", "Foreign")?
    WeakTitles: is_weak_title => "names/weak_titles.txt",
    /// A last word that makes a name an organisation ("Ministry")?
    OrgHeads: is_org_head => "names/org_heads.txt",
    /// A company's legal form as a name's last word ("GmbH", "Ltd")?
    LegalForms: is_legal_form => "names/legal_forms.txt",
    /// A last word that makes a name a place ("River")?
    PlaceHeads: is_place_head => "names/place_heads.txt",
    /// A word after which "of" continues a name ("University")?
    OfHeads: joins_of => "names/of_heads.txt",
    /// A word after which "for" continues an organisation's name ("Institute")?
    ForHeads: joins_for => "names/for_heads.txt",
    /// A lower-case noun that closes a party's name with "and" in it ("party")?
    PartyNouns: is_party_noun => "names/party_nouns.txt",
    /// A lower-case particle inside a personal name ("van")?
    NameParticles: is_name_particle => "names/name_particles.txt",
    /// A plural noun whose possessive may sit inside a name ("People's Party")?
    PossessiveInner: joins_possessive => "names/possessive_inner.txt",
    /// A capitalised word that is never a name on its own ("Tuesday")?
    NeverNames: is_never_name => "names/never_names.txt",
    /// A capitalised function word that is not part of a name ("The")?
    FunctionWords: is_function_word => "names/function_words.txt",
    /// A capitalised plural group noun ("Muslims", "Democrats")?
    GroupNouns: is_group_noun => "names/group_nouns.txt",
    /// A lower-case noun that makes the name after it an organisation ("charity")?
    OrgNouns: is_org_noun => "names/org_nouns.txt",
    /// A capitalised plural for members of an assembly ("MPs", "MEPs")?
    MemberNouns: is_member_noun => "names/member_nouns.txt",
    /// A word that counts the plural after it ("several")?
    CountingWords: is_counting_word => "names/counting_words.txt",
    /// An ending of plurals for kinds of people ("-ers": "Midwesterners")?
    PeoplePluralEndings: is_people_plural_ending => "names/people_plural_endings.txt",
    /// A verb of saying that follows a person ("said")?
    SayVerbs: is_say_verb => "names/say_verbs.txt",
    /// A noun in an appositive that shows a person ("woman")?
    PersonNouns: is_person_noun => "names/person_nouns.txt",
    /// A noun of an occupation or role that shows a person ("teacher")?
    Occupations: is_occupation => "names/occupations.txt",
    /// A compass or size word that makes a place of a place ("Southern")?
    PlaceModifiers: is_place_modifier => "names/place_modifiers.txt",
    /// A noun before "of" that introduces a place ("town")?
    PlaceClasses: is_place_class => "names/place_classes.txt",
    /// A preposition that usually precedes a place ("in")?
    PlacePrepositions: is_place_preposition => "names/place_prepositions.txt",
    /// An ending of nationality adjectives ("ian")? (iterate with [`Lexicon::words`])
    AdjectiveSuffixes: is_adjective_suffix => "names/adjective_suffixes.txt",
    /// A given name ("John", "Maria")? Title case.
    FirstNames: is_first_name => "names/first_names.txt",
    /// A common surname ("Smith")? Title case.
    Surnames: is_surname => "names/surnames.txt",
    /// Is the lower-cased word usually written in lower case?
    Lowercase: is_lowercase_word => "names/lowercase.txt",
    /// A last word that makes a name a law or treaty ("Bill", "Treaty")?
    DocumentHeads: is_document_head => "names/document_heads.txt",
    /// A word between two teams in a match report ("beat")?
    MatchVerbs: is_match_verb => "names/match_verbs.txt",
    /// A word of sports reports ("goal", "striker")?
    SportsWords: is_sports_word => "names/sports_words.txt",
    /// A word glued to a title by a hyphen ("elect" in "President-elect")?
    TitleSuffixes: is_title_suffix => "names/title_suffixes.txt",
    /// A short word glued after a name that makes an adjective of it ("led")?
    CombiningForms: is_combining_form => "names/combining_forms.txt",
    // ---- actors
    /// A noun naming a person's role ("president"), singular?
    PersonRoles: is_person_role => "actors/person_roles.txt",
    /// A plural noun that makes a nationality adjective a group ("officials")?
    GroupHeads: is_group_head => "actors/group_heads.txt",
    /// A modifier between a nationality adjective and a group noun ("military")?
    GroupModifiers: is_group_modifier => "actors/group_modifiers.txt",
    /// A word that ends a backwards description scan ("the", "said")?
    DescriptionStops: is_description_stop => "actors/description_stops.txt",
    /// A counting word a description never starts with ("two", "several")?
    CountWords: is_count_word => "actors/count_words.txt",
    /// An office one person holds ("president", "pope")?
    SingleOffices: is_single_office => "actors/single_offices.txt",
    /// An honorific ("Mr", "Dame")?
    Honorifics: is_honorific => "actors/honorifics.txt",
    /// A singular noun for a body that acts ("ministry", "court")?
    BodyNouns: is_body_noun => "actors/body_nouns.txt",
    /// A generic organisation noun that refers back ("the company")?
    AnaphoricBodies: is_anaphoric_body => "actors/anaphoric_bodies.txt",
    /// A noun for a relative ("sister", "mother")?
    KinNouns: is_kin_noun => "actors/kin_nouns.txt",
    // ---- syntax: closed word classes (lower case)
    /// An article, demonstrative or possessive pronoun?
    Determiners: is_determiner => "syntax/determiners.txt",
    /// A preposition?
    Prepositions: is_preposition => "syntax/prepositions.txt",
    /// A conjunction or subordinator?
    Conjunctions: is_conjunction => "syntax/conjunctions.txt",
    /// A word that introduces a clause ("that", "which", "because")?
    ClauseWords: is_clause_word => "syntax/clause_words.txt",
    /// A personal or relative pronoun?
    Pronouns: is_pronoun => "syntax/pronouns.txt",
    /// An auxiliary, modal or copula?
    Auxiliaries: is_aux => "syntax/auxiliaries.txt",
    /// A negator ("not", "never")?
    Negators: is_negator => "syntax/negators.txt",
    /// A common irregular or frequent verb form?
    CommonVerbs: is_common_verb => "syntax/common_verbs.txt",
    /// An adverb from the list (see [`Lexicon::is_adverb`] for the -ly rule)?
    Adverbs: is_listed_adverb => "syntax/adverbs.txt",
    /// A hard clause boundary for stance attribution (";", "but")?
    ClauseBoundaries: is_hard_boundary => "syntax/clause_boundaries.txt",
    /// A form of "be" ("was", "been")?
    BeForms: is_be_form => "syntax/be_forms.txt",
    /// A modal of possibility ("may", "could")?
    HedgeModals: is_hedge_modal => "syntax/hedge_modals.txt",
    /// A modal of the future or intent ("will", "would")?
    FutureModals: is_future_modal => "syntax/future_modals.txt",
    /// A modal of obligation ("should", "must")?
    ObligationModals: is_obligation_modal => "syntax/obligation_modals.txt",
    /// An irregular past participle ("withdrawn", "struck")?
    IrregularParticiples: is_irregular_participle => "syntax/irregular_participles.txt",
    /// An irregular simple past form ("fell", "grew")?
    IrregularPast: is_irregular_past => "syntax/irregular_past.txt",
    /// A verb whose infinitive is its subject's aim ("vowed", "plans")?
    IntentVerbs: is_intent_verb => "syntax/intent_verbs.txt",
    /// A verb reporting speech ("said", "told", "warned")?
    SpeechVerbs: is_speech_verb => "syntax/speech_verbs.txt",
    /// A noun for a statement whose words may follow in quotes ("statement")?
    StatementNouns: is_statement_noun => "syntax/statement_nouns.txt",
    /// A lower-case word that is not a noun ("itself", "too")?
    NonNouns: is_non_noun => "syntax/non_nouns.txt",
    /// A preposition that opens an adjunct of time or cause ("after",
    /// "despite")?
    AdjunctPrepositions: is_adjunct_preposition => "syntax/adjunct_prepositions.txt",
    /// A particle of a phrasal verb ("down", "off")?
    Particles: is_particle => "syntax/particles.txt",
    // ---- proposals
    /// A quantifier or evaluative adjective that does not identify a proposal?
    Quantifiers: is_quantifier => "proposals/quantifiers.txt",
    /// A determiner of free choice or none ("any", "no"): a kind, not one
    /// proposal?
    FreeChoice: is_free_choice => "proposals/free_choice.txt",
    /// A modifier marking an earlier version ("earlier")?
    OldTags: is_old_tag => "proposals/old_tags.txt",
    /// A modifier marking a newer version ("updated")?
    NewTags: is_new_tag => "proposals/new_tags.txt",
    /// A topic modifier that makes a head a proposal ("peace")?
    Topics: is_topic => "proposals/topics.txt",
    /// A noun for people or bodies acting for an actor ("leadership")?
    ActingBodies: is_acting_body => "proposals/acting_bodies.txt",
    /// A word of negotiation or politics ("talks", "referendum")?
    ContextWords: is_context_word => "proposals/context_words.txt",
    /// A word after which a head noun reads as a verb ("he", "to")?
    VerbSubjects: is_verb_subject => "proposals/verb_subjects.txt",
    /// A verb saying what a proposal does ("would", "includes")?
    Predicates: is_proposal_predicate => "proposals/predicates.txt",
    /// A time word ("yesterday", "weeks")?
    TimeWords: is_time_word => "proposals/time_words.txt",
    /// A verb taking an infinitive ("failed", "agreed")?
    ControlVerbs: is_control_verb => "proposals/control_verbs.txt",
    /// A participle of forbidding that names a measure ("banned from")?
    ProhibitionParticiples: is_prohibition_participle => "proposals/prohibition_participles.txt",
    /// A verb of deciding whose "that" clause is the decision ("ruled")?
    RulingVerbs: is_ruling_verb => "proposals/ruling_verbs.txt",
    /// A word dropped from the front of a proposal name ("potential")?
    Hedges: is_hedge => "proposals/hedges.txt",
    /// A participle used as an adjective before a proposal ("proposed")?
    KnownModifiers: is_listed_modifier => "proposals/known_modifiers.txt",
    /// A preposition that starts a proposal's complement ("on", "between")?
    ComplementPrepositions: is_complement_preposition => "proposals/complement_prepositions.txt",
    // ---- stances
    /// A reporting verb whose subject is the speaker ("said", "warned")?
    ReportingVerbs: is_reporting_verb => "stances/reporting_verbs.txt",
    /// A participle before "by" that names an author ("drafted")?
    AuthoringParticiples: is_authoring_participle => "stances/authoring_participles.txt",
    /// A preposition of the instrument of an act ("in a ruling")?
    IssuingPrepositions: is_issuing_preposition => "stances/issuing_prepositions.txt",
    /// A noun of change ("alterations")?
    AlterationNouns: is_alteration_noun => "stances/alteration_nouns.txt",
    /// A noun of part ("components")?
    PartNouns: is_part_noun => "stances/part_nouns.txt",
    /// A form of a verb of expressing an attitude ("voiced", "showed")?
    ExpressingVerbs: is_expressing_verb => "stances/expressing_verbs.txt",
    /// A form of a verb of weighing a course ("considering", "weighed")?
    WeighingVerbs: is_weighing_verb => "stances/weighing_verbs.txt",
    /// A verb denying the infinitive after it ("refused", "failed")?
    NegatingVerbs: is_negating_verb => "stances/negating_verbs.txt",
    /// A form of a verb of adopting a proposal ("approved", "passed")?
    AdoptingVerbs: is_adopting_verb => "stances/adopting_verbs.txt",
    /// A cardinal number written as a word ("five", "twenty")?
    NumberWords: is_number_word => "stances/number_words.txt",
    /// A plural noun of an organised group ("campaigners", "unions")?
    CollectiveNouns: is_collective_noun => "actors/collective_nouns.txt",
    /// A noun of undoing a measure ("repeal", "lifting")?
    ReverseNouns: is_reverse_noun => "stances/reverse_nouns.txt",
    /// A stance noun and the preposition before a proposal it is about
    /// ("opposition to"), as two words? See [`Lexicon::is_object_noun`].
    ObjectNouns: is_object_noun_pair => "proposals/object_nouns.txt",
    /// A head noun of an object that is not a proposal ("claims")?
    NotProposals: is_not_proposal => "proposals/not_proposals.txt",
    // ---- boilerplate (lines lower-cased, straight apostrophes)
    /// A news-site section name ("world", "sport")?
    SectionWords: is_section_word => "boilerplate/section_words.txt",
    /// A header of a related-links list?
    RelatedHeaders: is_list_header => "boilerplate/list_headers.txt",
    /// A whole navigation line?
    NavLines: is_nav_line => "boilerplate/nav_lines.txt",
    /// Prefixes of navigation lines (iterate with [`Lexicon::words`]).
    NavPrefixes: is_nav_prefix => "boilerplate/nav_prefixes.txt",
    /// A whole share-widget line?
    ShareLines: is_share_line => "boilerplate/share_lines.txt",
    /// A social network or share action?
    ShareWords: is_share_word => "boilerplate/share_words.txt",
    /// A whole advertising line?
    AdLines: is_ad_line => "boilerplate/ad_lines.txt",
    /// Prefixes of notices (iterate with [`Lexicon::words`]).
    NoticePrefixes: is_notice_prefix => "boilerplate/notice_prefixes.txt",
    /// A whole login or subscription line?
    NoticeLines: is_notice_line => "boilerplate/notice_lines.txt",
    /// Prefixes of credits (iterate with [`Lexicon::words`]).
    CreditPrefixes: is_credit_prefix => "boilerplate/credit_prefixes.txt",
    /// Agencies that end a credit line (iterate with [`Lexicon::words`]).
    CreditSources: is_credit_source => "boilerplate/credit_sources.txt",
    /// Prefixes of bylines (iterate with [`Lexicon::words`]).
    BylinePrefixes: is_byline_prefix => "boilerplate/byline_prefixes.txt",
    /// Words that start a timestamp line (iterate with [`Lexicon::words`]).
    TimestampStarts: is_timestamp_start => "boilerplate/timestamp_starts.txt",
    /// Another word allowed in a date-only line ("ago", "mon")?
    DateWords: is_date_word => "boilerplate/date_words.txt",
    /// A word that cannot start a byline's name ("christmas")?
    BylineNotNames: is_byline_not_name => "boilerplate/byline_not_names.txt",
    // ---- segmentation
    /// An abbreviation whose period does not end a sentence ("mr", "gen")?
    Abbreviations: is_abbreviation => "segment/abbreviations.txt",
    /// An abbreviation that may end a sentence ("u.s", "etc")?
    FinalAbbreviations: is_final_abbreviation => "segment/final_abbreviations.txt",
    /// A word that usually starts a sentence ("The", "He")?
    SentenceStarters: is_sentence_starter => "segment/sentence_starters.txt",
    // ---- dates (lower case)
    /// A month name ("may")?
    Months: is_month_name => "dates/months.txt",
    /// A month abbreviation ("sept")?
    MonthAbbreviations: is_month_abbreviation => "dates/month_abbreviations.txt",
    /// A word before a month name that makes it a date ("in", "since")?
    MonthCues: is_month_cue => "dates/month_cues.txt",
    /// A weekday name ("monday")?
    Weekdays: is_weekday => "dates/weekdays.txt",
    // ---- summary
    /// A stop word of the summary beyond the closed classes ("said")?
    ExtraStopWords: is_extra_stop_word => "summary/extra_stop_words.txt",
}

const HEADS: (&str, &str) = (
    "proposals/heads.tsv",
    include_str!("../../data/lexicons/en/proposals/heads.tsv"),
);
const VERB_CUES: (&str, &str) = (
    "stances/verb_cues.tsv",
    include_str!("../../data/lexicons/en/stances/verb_cues.tsv"),
);
const WORD_CUES: (&str, &str) = (
    "stances/word_cues.tsv",
    include_str!("../../data/lexicons/en/stances/word_cues.tsv"),
);
const REVERSE_VERBS: &str = include_str!("../../data/lexicons/en/stances/reverse_verbs.txt");
const REQUEST_VERBS: &str = include_str!("../../data/lexicons/en/stances/request_verbs.txt");
const MANDATIVE_VERBS: &str = include_str!("../../data/lexicons/en/stances/mandative_verbs.txt");
const MODIFYING_VERBS: &str = include_str!("../../data/lexicons/en/proposals/modifying_verbs.txt");
const OBJECT_VERBS: &str = include_str!("../../data/lexicons/en/proposals/object_verbs.txt");
const ATTITUDES: (&str, &str) = (
    "stances/attitude_words.tsv",
    include_str!("../../data/lexicons/en/stances/attitude_words.tsv"),
);
const EFFECTS: (&str, &str) = (
    "stances/effect_verbs.tsv",
    include_str!("../../data/lexicons/en/stances/effect_verbs.tsv"),
);
const NOMINALS: (&str, &str) = (
    "proposals/nominalisations.tsv",
    include_str!("../../data/lexicons/en/proposals/nominalisations.tsv"),
);
const NAME_HEADS: (&str, &str) = (
    "names/name_heads.tsv",
    include_str!("../../data/lexicons/en/names/name_heads.tsv"),
);

/// Every word class and table of the core, parsed.
#[derive(Debug)]
pub struct Lexicon {
    sets: Vec<WordSet>,
    /// Word → its closed word classes ([`crate::syntax::Classes`] bits),
    /// precomputed from the lists, heads and cues so that tagging a token
    /// is one probe.
    word_classes: FastMap<String, u32>,
    heads: FastMap<&'static str, Head>,
    cues: FastMap<String, Vec<CueEntry>>,
    name_heads: FastMap<&'static str, [u16; 3]>,
    /// Forms of verbs that undo a measure → base ("lifted" → "lift").
    reverse_verbs: FastMap<String, &'static str>,
    /// Forms of verbs of asking someone to act → base.
    request_verbs: FastMap<String, &'static str>,
    mandative_verbs: FastMap<String, &'static str>,
    /// Forms of verbs whose object is a proposal → base.
    object_verbs: FastMap<String, &'static str>,
    /// Forms of verbs that change a measure → base.
    modifying_verbs: FastMap<String, &'static str>,
    /// Words of belief about an outcome → positive?
    attitudes: FastMap<String, bool>,
    /// Forms of verbs of a measure's effect → positive?
    effects: FastMap<String, bool>,
    /// Forms of verbs of measures → the noun of the act ("closing" →
    /// "closure").
    nominals: FastMap<String, &'static str>,
}

impl Lexicon {
    /// Parses the data files compiled into the binary.
    pub fn bundled() -> Result<Lexicon, LexiconError> {
        let mut sets: Vec<WordSet> = Vec::with_capacity(LISTS.len());
        for (i, &(list, _, data)) in LISTS.iter().enumerate() {
            debug_assert_eq!(list as usize, i);
            let words: Vec<&'static str> = entries(data).map(|(_, w)| w).collect();
            let set = words.iter().copied().collect();
            sets.push(WordSet { words, set });
        }
        let mut lexicon = Lexicon {
            sets,
            word_classes: FastMap::default(),
            heads: heads::parse(HEADS.0, HEADS.1)?,
            cues: cues::parse(VERB_CUES, WORD_CUES)?,
            name_heads: parse_name_heads(NAME_HEADS.0, NAME_HEADS.1)?,
            reverse_verbs: cues::verb_forms(REVERSE_VERBS),
            request_verbs: cues::verb_forms(REQUEST_VERBS),
            mandative_verbs: cues::verb_forms(MANDATIVE_VERBS),
            object_verbs: cues::verb_forms(OBJECT_VERBS),
            modifying_verbs: cues::verb_forms(MODIFYING_VERBS),
            attitudes: cues::polarities(ATTITUDES.0, ATTITUDES.1, false)?,
            effects: cues::polarities(EFFECTS.0, EFFECTS.1, true)?,
            nominals: cues::nominals(NOMINALS.0, NOMINALS.1)?,
        };
        lexicon.word_classes = crate::syntax::class_table(&lexicon);
        Ok(lexicon)
    }

    /// The listed word classes of `w` (lower case), as bits.
    pub(crate) fn word_classes(&self, w: &str) -> u32 {
        self.word_classes.get(w).copied().unwrap_or(0)
    }

    /// Every word with a stance cue, and every proposal head form.
    pub(crate) fn cue_and_head_words(&self) -> impl Iterator<Item = &str> {
        self.cues
            .keys()
            .map(String::as_str)
            .chain(self.heads.keys().copied())
    }

    /// Is `w` in `list`?
    pub fn has(&self, list: List, w: &str) -> bool {
        self.sets
            .get(list as usize)
            .is_some_and(|s| s.set.contains(w))
    }

    /// The entries of `list`, in file order.
    pub fn words(&self, list: List) -> &[&'static str] {
        self.sets.get(list as usize).map_or(&[], |s| &s.words)
    }

    /// The proposal head for a lower-case word.
    pub fn head(&self, w: &str) -> Option<Head> {
        self.heads.get(w).copied()
    }

    /// The stance cue at lower-case word `w`, given the next lower-case word
    /// (for phrasal cues such as "call for", "insist on", "vote against"). A
    /// particle-specific entry wins over a plain one.
    pub fn cue(&self, w: &str, next: &str) -> Option<Cue> {
        let entries = self.cues.get(w)?;
        entries
            .iter()
            .find(|e| e.particle == Some(next))
            .or_else(|| entries.iter().find(|e| e.particle.is_none()))
            .map(|e| e.cue)
    }

    /// True if `w` is a cue word whatever follows (used to stop noun phrases).
    pub fn is_cue_word(&self, w: &str) -> bool {
        self.cues.contains_key(w)
    }

    /// True if `w` is a verb cue (not a noun or adjective one).
    pub fn is_verb_cue(&self, w: &str) -> bool {
        self.cues
            .get(w)
            .is_some_and(|es| es.iter().any(|e| !e.cue.nominal))
    }

    /// The base form of a verb that undoes a measure ("lifting" → "lift").
    pub fn reverse_verb(&self, w: &str) -> Option<&'static str> {
        self.reverse_verbs.get(w).copied()
    }

    /// Is `w` a form of a verb of asking someone to act ("urged")?
    pub fn is_request_verb(&self, w: &str) -> bool {
        self.request_verbs.contains_key(w)
    }

    /// Is `w` a form of a verb of demanding that takes a subjunctive
    /// "that" clause ("proposed that the board delay it")?
    pub fn is_mandative_verb(&self, w: &str) -> bool {
        self.mandative_verbs.contains_key(w)
    }

    /// Is `w` a form of a verb whose object is a proposal ("approved")?
    pub fn is_object_verb(&self, w: &str) -> bool {
        self.object_verbs.contains_key(w) || w == "upheld"
    }

    /// Is the noun `w` before the preposition `prep` about a proposal
    /// whatever its head ("opposition" before "to")?
    pub fn is_object_noun(&self, w: &str, prep: &str) -> bool {
        let mut pair = String::with_capacity(w.len() + prep.len() + 1);
        pair.push_str(w);
        pair.push(' ');
        pair.push_str(prep);
        self.is_object_noun_pair(&pair)
    }

    /// Is `w` a form of a verb that changes a measure ("delay", "extended")?
    pub fn is_modifying_verb(&self, w: &str) -> bool {
        self.modifying_verbs.contains_key(w)
    }

    /// The noun of the act a form of a verb of measures names ("closing"
    /// → "closure", "expanded" → "expansion").
    pub fn nominal_of(&self, w: &str) -> Option<&'static str> {
        self.nominals.get(w).copied()
    }

    /// The polarity of a word of belief about an outcome ("confident" →
    /// positive, "fears" → negative).
    pub fn attitude(&self, w: &str) -> Option<bool> {
        self.attitudes.get(w).copied()
    }

    /// The polarity of a verb of a measure's effect ("hurts" → negative).
    pub fn effect(&self, w: &str) -> Option<bool> {
        self.effects.get(w).copied()
    }

    /// Label counts `[person, org, place]` for a word seen as the last word
    /// of names in the training corpus.
    pub fn head_counts(&self, w: &str) -> Option<[u16; 3]> {
        self.name_heads.get(w).copied()
    }

    /// Is `lower` a month name or abbreviation ("may", "sept")?
    pub fn is_month(&self, lower: &str) -> bool {
        self.is_month_name(lower) || self.is_month_abbreviation(lower)
    }

    /// Adverbs that may sit between a subject and its verb: the list, or a
    /// word in -ly that is not one of a few -ly nouns.
    pub fn is_adverb(&self, w: &str) -> bool {
        (w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "family" | "supply" | "only"))
            || self.is_listed_adverb(w)
    }

    /// Could `w` (lower case) be a finite verb? An auxiliary, a common verb,
    /// a verb cue, or a word in -ed.
    pub fn is_verbish(&self, w: &str) -> bool {
        self.is_aux(w)
            || self.is_common_verb(w)
            || self.is_verb_cue(w)
            || (w.len() > 4 && w.ends_with("ed"))
    }
}

/// `word<TAB>person<TAB>org<TAB>place`.
fn parse_name_heads(
    file: &'static str,
    data: &'static str,
) -> Result<FastMap<&'static str, [u16; 3]>, LexiconError> {
    let mut out = FastMap::default();
    for (line, l) in entries(data) {
        let err = |message: &str| LexiconError {
            file,
            line,
            message: message.to_owned(),
        };
        let mut it = l.split('\t');
        let w = it.next().ok_or_else(|| err("empty row"))?;
        let mut c = [0u16; 3];
        for slot in &mut c {
            *slot = it
                .next()
                .and_then(|n| n.trim().parse().ok())
                .ok_or_else(|| err("expected word and three counts"))?;
        }
        out.insert(w, c);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;

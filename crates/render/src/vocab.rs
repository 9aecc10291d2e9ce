//! The words Gloss shows for stances and actor kinds: one vocabulary for the
//! live view, the HTML page, the reports and the CLI, so they never disagree.
//!
//! British spelling, as in the rest of the interface ("criticises",
//! "Organisation"). The CSS classes keep the JSON values (`criticizes`,
//! `mixed`) so a stylesheet can be written from the schema.

use gloss_core::{ActorKind, StanceKind};

/// Which side of a proposal a stance puts its actor on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// Proposes or supports it.
    For,
    /// Opposes or criticises it.
    Against,
    /// Divided on it, or involved without a clear position.
    Other,
}

impl Side {
    /// Every side, in display order.
    pub const ALL: [Side; 3] = [Side::For, Side::Against, Side::Other];

    /// Column heading ("For").
    pub const fn label(self) -> &'static str {
        match self {
            Side::For => "For",
            Side::Against => "Against",
            Side::Other => "Other",
        }
    }

    /// CSS class suffix ("for").
    pub const fn class(self) -> &'static str {
        match self {
            Side::For => "for",
            Side::Against => "against",
            Side::Other => "other",
        }
    }
}

/// How one stance is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StanceWords {
    /// The verb phrase in a sentence: "Zelenskyy *opposes* the plan",
    /// "Europe *is divided on* it".
    pub verb: &'static str,
    /// The same verb phrase after a plural holder: "Ukrainian officials
    /// *criticise* the plan", "the parents *are divided on* it".
    pub plural_verb: &'static str,
    /// One word for a stance-map edge ("opposes", "divided").
    pub label: &'static str,
    /// CSS class (the JSON value: "criticizes", "mixed").
    pub class: &'static str,
    /// Which side it is on.
    pub side: Side,
}

/// The words for a stance.
pub const fn stance(kind: StanceKind) -> StanceWords {
    let (verb, plural_verb, label, class, side) = match kind {
        StanceKind::Proposes => ("proposes", "propose", "proposes", "proposes", Side::For),
        StanceKind::Supports => ("supports", "support", "supports", "supports", Side::For),
        StanceKind::Opposes => ("opposes", "oppose", "opposes", "opposes", Side::Against),
        StanceKind::Criticizes => (
            "criticises",
            "criticise",
            "criticises",
            "criticizes",
            Side::Against,
        ),
        StanceKind::Mixed => (
            "is divided on",
            "are divided on",
            "divided",
            "mixed",
            Side::Other,
        ),
        StanceKind::Neutral => (
            "is involved in",
            "are involved in",
            "involved",
            "neutral",
            Side::Other,
        ),
    };
    StanceWords {
        verb,
        plural_verb,
        label,
        class,
        side,
    }
}

/// The verb phrase for a stance held by `holder`: plural holders take
/// plural verbs ("Ukrainian officials criticise"), everyone else, and an
/// unknown holder, the singular.
pub fn verb_for(kind: StanceKind, holder: Option<&gloss_core::Actor>) -> &'static str {
    let words = stance(kind);
    if holder.is_some_and(gloss_core::Actor::is_plural) {
        words.plural_verb
    } else {
        words.verb
    }
}

/// Every stance, in the order a menu lists them.
pub const STANCES: [StanceKind; 6] = [
    StanceKind::Proposes,
    StanceKind::Supports,
    StanceKind::Opposes,
    StanceKind::Criticizes,
    StanceKind::Mixed,
    StanceKind::Neutral,
];

/// How one actor kind is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindWords {
    /// In running text: "Putin (person, 3 mentions)".
    pub name: &'static str,
    /// As a label: "Person", "Organisation".
    pub label: &'static str,
    /// A heading for many: "People", "Organisations".
    pub plural: &'static str,
    /// CSS class suffix: "person", "org".
    pub class: &'static str,
    /// The short tag printed after a highlight when labels are shown ("ORG").
    pub tag: &'static str,
}

/// The words for an actor kind.
pub const fn kind(kind: ActorKind) -> KindWords {
    let (name, label, plural, class, tag) = match kind {
        ActorKind::Person => ("person", "Person", "People", "person", "PERSON"),
        ActorKind::Organization => (
            "organisation",
            "Organisation",
            "Organisations",
            "org",
            "ORG",
        ),
        ActorKind::Place => ("place", "Place", "Places", "place", "PLACE"),
        ActorKind::Group => ("group", "Group", "Groups", "group", "GROUP"),
        ActorKind::Other => ("other", "Other", "Other", "other", "OTHER"),
    };
    KindWords {
        name,
        label,
        plural,
        class,
        tag,
    }
}

/// Every actor kind, in legend order.
pub const KINDS: [ActorKind; 5] = [
    ActorKind::Person,
    ActorKind::Organization,
    ActorKind::Place,
    ActorKind::Group,
    ActorKind::Other,
];

/// The words for proposals, written like a kind.
pub const PROPOSAL: KindWords = KindWords {
    name: "proposal",
    label: "Proposal",
    plural: "Proposals",
    class: "proposal",
    tag: "PROPOSAL",
};

/// `s` with its first letter in upper case ("is divided on" → "Is divided on").
/// For the vocabulary's own words, which are ASCII (no Unicode case tables
/// in the page's module).
pub fn sentence_case(s: &str) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// "1 mention", "3 mentions": a count and a noun, plural when it is not 1.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stance_has_distinct_words_and_a_side() {
        let mut verbs: Vec<&str> = STANCES.iter().map(|&s| stance(s).verb).collect();
        let mut labels: Vec<&str> = STANCES.iter().map(|&s| stance(s).label).collect();
        verbs.sort_unstable();
        verbs.dedup();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(verbs.len(), STANCES.len());
        assert_eq!(labels.len(), STANCES.len());
        assert_eq!(stance(StanceKind::Criticizes).verb, "criticises");
        assert_eq!(stance(StanceKind::Mixed).verb, "is divided on");
        assert_eq!(stance(StanceKind::Opposes).side, Side::Against);
    }

    #[test]
    fn plural_holders_take_plural_verbs() {
        let holder = |name: &str, kind: ActorKind| gloss_core::Actor {
            id: "a".into(),
            name: name.into(),
            kind,
            aliases: vec![],
            description: None,
            salience: 0.0,
            mentions: vec![],
            facts: vec![],
            background: None,
        };
        let nurses = holder("Portuguese nurses", ActorKind::Group);
        let union = holder("Nurses Union", ActorKind::Organization);
        // (stance, holder, verb)
        let cases = [
            (StanceKind::Criticizes, Some(&nurses), "criticise"),
            (StanceKind::Supports, Some(&nurses), "support"),
            (StanceKind::Mixed, Some(&nurses), "are divided on"),
            (StanceKind::Criticizes, Some(&union), "criticises"),
            (StanceKind::Opposes, None, "opposes"),
        ];
        for (kind, who, verb) in cases {
            assert_eq!(verb_for(kind, who), verb, "{kind:?}");
        }
    }

    #[test]
    fn classes_are_the_json_values() {
        for s in STANCES {
            let json = serde_json::to_string(&s).expect("serialisable");
            assert_eq!(json.trim_matches('"'), stance(s).class);
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(sentence_case("is divided on"), "Is divided on");
        assert_eq!(sentence_case(""), "");
        assert_eq!(count(1, "mention", "mentions"), "1 mention");
        assert_eq!(count(0, "line", "lines"), "0 lines");
        assert_eq!(kind(ActorKind::Organization).tag, "ORG");
    }
}

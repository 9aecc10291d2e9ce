//! Closed word classes and the proposal / stance lexicons.
//!
//! Everything here is built once (`OnceLock`) and looked up by lower-case
//! token text in O(1). Verb cues are listed by base form and inflected at
//! start-up (`reject` → rejects, rejected, rejecting); irregular forms are
//! listed explicitly.

use crate::ner::{FastMap, FastSet};
use std::sync::OnceLock;

use crate::model::StanceKind;

/// A group of proposal head nouns that can refer to the same thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Family {
    /// plan, proposal, blueprint, framework, roadmap, initiative, offer, package.
    Plan,
    /// deal, agreement, accord, treaty, pact, settlement, arrangement.
    Deal,
    /// demand, condition, prerequisite, ultimatum.
    Demand,
    /// guarantee, assurance.
    Guarantee,
    /// provision, clause.
    Provision,
    /// restriction, limit, limitation, cap, ban.
    Restriction,
    /// summit.
    Summit,
    /// ceasefire, truce, armistice.
    Ceasefire,
    /// sanctions.
    Sanction,
    /// bill, legislation, amendment.
    Bill,
    /// referendum, plebiscite.
    Referendum,
    /// resolution.
    Resolution,
    /// policy.
    Policy,
}

/// How much evidence a head needs before it counts as a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// Nearly always a proposal when used as a noun (summit, ceasefire, treaty).
    Strong,
    /// Needs a proposal-like modifier, a determiner in a negotiation
    /// context, or a stance cue (plan, deal, demand…).
    Weak,
    /// Like `Weak`, and takes a complement ("restrictions on …",
    /// "provisions mandating …") that belongs to its name.
    Relational,
}

/// A proposal head noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
    /// Singular form, used to compare heads.
    pub lemma: &'static str,
    /// Its coreference family.
    pub family: Family,
    /// Evidence it needs.
    pub strength: Strength,
    /// The word can also be a verb ("plans to", "limits").
    pub verb_too: bool,
}

/// (singular, plural, family, strength, can be a verb)
const HEADS: &[(&str, &str, Family, Strength, bool)] = {
    use Family::*;
    use Strength::*;
    &[
        ("plan", "plans", Plan, Weak, true),
        ("proposal", "proposals", Plan, Weak, false),
        ("blueprint", "blueprints", Plan, Weak, false),
        ("framework", "frameworks", Plan, Weak, false),
        ("roadmap", "roadmaps", Plan, Weak, false),
        ("initiative", "initiatives", Plan, Weak, false),
        ("offer", "offers", Plan, Weak, true),
        ("package", "packages", Plan, Weak, false),
        ("deal", "deals", Deal, Weak, true),
        ("agreement", "agreements", Deal, Weak, false),
        ("accord", "accords", Deal, Strong, false),
        ("treaty", "treaties", Deal, Strong, false),
        ("pact", "pacts", Deal, Strong, false),
        ("settlement", "settlements", Deal, Weak, false),
        ("arrangement", "arrangements", Deal, Weak, false),
        ("demand", "demands", Demand, Relational, true),
        ("condition", "conditions", Demand, Relational, false),
        ("prerequisite", "prerequisites", Demand, Relational, false),
        ("precondition", "preconditions", Demand, Relational, false),
        ("ultimatum", "ultimatums", Demand, Strong, false),
        ("guarantee", "guarantees", Guarantee, Relational, true),
        ("assurance", "assurances", Guarantee, Relational, false),
        ("provision", "provisions", Provision, Relational, false),
        ("clause", "clauses", Provision, Relational, false),
        (
            "restriction",
            "restrictions",
            Restriction,
            Relational,
            false,
        ),
        ("limit", "limits", Restriction, Relational, true),
        ("limitation", "limitations", Restriction, Relational, false),
        ("cap", "caps", Restriction, Relational, true),
        ("ban", "bans", Restriction, Relational, true),
        ("summit", "summits", Summit, Strong, false),
        ("ceasefire", "ceasefires", Ceasefire, Strong, false),
        ("cease-fire", "cease-fires", Ceasefire, Strong, false),
        ("truce", "truces", Ceasefire, Strong, false),
        ("armistice", "armistices", Ceasefire, Strong, false),
        ("sanction", "sanctions", Sanction, Strong, true),
        ("tariff", "tariffs", Sanction, Strong, false),
        ("embargo", "embargoes", Sanction, Strong, false),
        ("bill", "bills", Bill, Weak, true),
        ("legislation", "legislations", Bill, Weak, false),
        ("amendment", "amendments", Bill, Weak, false),
        ("measure", "measures", Bill, Weak, true),
        ("referendum", "referendums", Referendum, Strong, false),
        ("referenda", "referenda", Referendum, Strong, false),
        ("plebiscite", "plebiscites", Referendum, Strong, false),
        ("resolution", "resolutions", Resolution, Weak, false),
        ("policy", "policies", Policy, Weak, false),
    ]
};

fn heads() -> &'static FastMap<&'static str, Head> {
    static M: OnceLock<FastMap<&'static str, Head>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = FastMap::default();
        for &(sg, pl, family, strength, verb_too) in HEADS {
            let h = Head {
                lemma: sg,
                family,
                strength,
                verb_too,
            };
            m.insert(sg, h);
            m.insert(pl, h);
        }
        m
    })
}

/// The proposal head for a lower-case word.
pub fn head(w: &str) -> Option<Head> {
    heads().get(w).copied()
}

fn set(words: &'static [&'static str]) -> FastSet<&'static str> {
    words.iter().copied().collect()
}

macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident / $list:ident, $words:expr) => {
        #[doc = concat!("The words of [`", stringify!($name), "`].")]
        pub const $list: &[&str] = $words;
        word_set!($(#[$doc])* $name, $list);
    };
    ($(#[$doc:meta])* $name:ident, $words:expr) => {
        $(#[$doc])*
        pub fn $name(w: &str) -> bool {
            static S: OnceLock<FastSet<&'static str>> = OnceLock::new();
            S.get_or_init(|| set($words)).contains(w)
        }
    };
}

word_set!(
    /// Articles, demonstratives, possessive pronouns: they open a noun phrase.
    is_determiner / DETERMINERS,
    &[
        "a", "an", "the", "this", "that", "these", "those", "any", "another", "some", "its",
        "their", "his", "her", "our", "my", "your", "every", "each", "no", "such", "either",
        "neither", "whose", "what", "which",
    ]
);

word_set!(
    /// Quantifiers and evaluative adjectives that do not identify a proposal.
    is_quantifier,
    &[
        "multiple", "several", "many", "few", "various", "certain", "key", "main", "major",
        "other", "further", "additional", "more", "most", "all", "both", "same", "whole",
        "entire", "particular", "specific", "overall", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "potential", "possible", "proposed", "so-called",
        "controversial", "contentious", "important", "crucial", "central", "core", "broad",
        "broader", "detailed", "vague", "long", "short", "real", "actual", "direct", "explicit",
        "concrete", "clear", "serious", "strict", "tough", "harsh",
    ]
);

word_set!(
    /// Modifiers that mark an earlier version ("an earlier 28-point proposal").
    is_old_tag,
    &[
        "earlier", "previous", "original", "initial", "old", "former", "prior", "outdated",
    ]
);

word_set!(
    /// Modifiers that mark a newer version ("the updated framework").
    is_new_tag,
    &[
        "updated", "new", "revised", "amended", "modified", "latest", "fresh", "reworked",
        "redrafted", "improved", "alternative", "counter", "rewritten",
    ]
);

word_set!(
    /// Modifiers that make a head a proposal on their own (topic words).
    is_topic,
    &[
        "peace", "security", "ceasefire", "cease-fire", "trade", "nuclear", "arms", "climate",
        "budget", "spending", "tax", "tariff", "reform", "bailout", "stimulus", "rescue", "aid",
        "debt", "immigration", "migration", "asylum", "health", "healthcare", "pension",
        "energy", "gas", "oil", "grain", "prisoner", "hostage", "border", "territorial",
        "military", "defense", "defence", "political", "power-sharing", "land", "emissions",
        "loan", "funding", "relief", "unity", "coalition", "withdrawal", "transition",
        "recovery", "investment", "infrastructure", "merger", "takeover", "buyout", "draft",
        "formal", "written", "binding", "interim", "final", "comprehensive", "joint",
        "bilateral", "multilateral", "international", "regional", "negotiated", "diplomatic",
        "economic", "minerals", "export", "import", "sanctions", "compromise", "free-trade",
        "bipartisan", "legislative", "constitutional", "electoral", "austerity", "welfare",
        "education", "housing", "transport", "water", "fishing", "visa", "travel", "exchange",
        "reconstruction", "demilitarization", "disarmament", "normalization", "annexation",
        "partition", "autonomy", "independence", "membership", "accession", "neutrality",
        "non-aggression", "partnership", "cooperation", "framework", "settlement", "summit",
        "leaders", "emergency", "humanitarian", "evacuation", "quota", "funding", "salary",
        "wage", "labour", "labor", "strike", "flag", "design", "customs", "brexit", "backstop",
        "fiscal", "monetary", "rate", "ethics", "gun", "abortion", "voting", "privacy",
    ]
);

word_set!(
    /// Prepositions: a noun phrase never extends left over one.
    is_preposition / PREPOSITIONS,
    &[
        "of", "on", "in", "at", "to", "for", "with", "from", "by", "about", "against",
        "between", "among", "into", "onto", "toward", "towards", "under", "over", "after",
        "before", "during", "without", "within", "across", "through", "via", "per", "near",
        "amid", "amidst", "despite", "including", "like", "than", "regarding", "concerning",
        "around", "behind", "beyond", "upon", "throughout", "since", "until", "outside",
        "inside", "along", "off", "beside", "besides", "except", "unlike", "versus",
    ]
);

word_set!(
    /// Conjunctions and subordinators.
    is_conjunction / CONJUNCTIONS,
    &[
        "and", "or", "but", "nor", "yet", "so", "while", "whereas", "although", "though",
        "because", "as", "if", "when", "whether", "unless", "once", "whilst", "then",
    ]
);

word_set!(
    /// Clause-introducing words that end a noun phrase on the right.
    is_clause_word,
    &[
        "that", "which", "who", "whom", "whose", "where", "when", "while", "whereas",
        "although", "though", "because", "but", "yet", "if", "unless", "as", "so",
    ]
);

word_set!(
    /// Personal and relative pronouns (a verb may follow them).
    is_pronoun / PRONOUNS,
    &[
        "i", "you", "he", "she", "it", "we", "they", "who", "which", "that", "this", "there",
        "one", "someone", "everyone", "nobody",
    ]
);

word_set!(
    /// Auxiliaries, modals and copulas.
    is_aux / AUXILIARIES,
    &[
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
        "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
        "must", "won't", "wouldn't", "can't", "couldn't", "didn't", "doesn't", "don't",
        "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "shouldn't",
    ]
);

word_set!(
    /// Negators that flip or weaken a following cue.
    is_negator,
    &["not", "never", "no", "n't", "neither", "nor", "without", "hardly"]
);

word_set!(
    /// Role nouns: "Russia’s leadership", "the Kremlin official" act for the actor.
    is_role_noun,
    &[
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "leader",
        "leaders", "leadership", "government", "minister", "ministers", "president", "envoy",
        "envoys", "aide", "aides", "forces", "troops", "military", "army", "administration",
        "authorities", "delegation", "delegates", "negotiators", "negotiator", "team", "side",
        "counterpart", "insider", "chief", "head", "diplomats", "diplomat", "lawmakers",
        "parliament", "cabinet", "ministry", "prime", "foreign", "defence", "defense",
        "representative", "representatives", "ambassador", "secretary", "advisers", "adviser",
        "advisor", "advisors", "camp", "allies", "partners", "police", "navy", "court",
        "council", "board", "committee", "officers", "staff", "members", "member",
    ]
);

word_set!(
    /// Common irregular or frequent verb forms (for "is the next word a verb?").
    is_common_verb,
    &[
        "said", "says", "say", "told", "tells", "met", "meets", "made", "makes", "took",
        "takes", "gave", "gives", "went", "goes", "came", "comes", "held", "holds", "left",
        "sent", "sends", "saw", "sees", "found", "finds", "brought", "brings", "began",
        "begins", "became", "becomes", "won", "wins", "lost", "loses", "spoke", "speaks",
        "wrote", "writes", "thought", "thinks", "kept", "keeps", "led", "leads", "felt",
        "ran", "runs", "rose", "rises", "fell", "falls", "put", "puts", "set", "sets", "cut",
        "cuts", "paid", "pays", "sold", "sells", "built", "builds", "meant", "means", "stood",
        "stands", "drew", "draws", "threw", "knew", "knows", "grew", "grows", "flew", "bought",
        "caught", "taught", "fought", "sought", "seeks", "struck", "spent", "spends", "broke",
        "chose", "chooses", "heard", "hears", "got", "gets", "want", "wants", "need", "needs",
        "hope", "hopes", "expect", "expects", "believe", "believes", "think", "know", "agree",
        "agrees", "warn", "warns", "claim", "claims", "deny", "denies", "insist", "insists",
        "fear", "fears", "remain", "remains", "argue", "argues", "urge", "urges", "accuse",
        "accuses", "plan", "tried", "tries", "try", "called", "calls", "announced",
        "announces", "added", "adds", "noted", "notes", "stated", "states", "confirmed",
        "confirms", "reported", "reports", "described", "describes", "admitted", "admits",
        "maintained", "maintains", "suggested", "suggests", "showed", "shows", "shown",
        "undertook", "undertakes", "undertaken", "let", "lets", "hit", "hits", "read", "led",
        "dealt", "laid", "lay", "shot", "won't", "came", "become", "seemed", "seems", "appear",
        "appears", "appeared", "continue", "continues", "continued", "looked", "looks",
    ]
);

/// The stance a cue word signals before negation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The stance.
    pub kind: StanceKind,
    /// The cue is a noun or adjective ("criticism", "unacceptable"), not a verb.
    pub nominal: bool,
}

/// A verb cue: base form (regular inflections are generated), the particle
/// it needs ("call" → "call for"), and its stance.
const VERB_CUES: &[(&str, Option<&str>, StanceKind)] = {
    use StanceKind::*;
    &[
        ("propose", None, Proposes),
        ("present", None, Proposes),
        ("offer", None, Proposes),
        ("draft", None, Proposes),
        ("unveil", None, Proposes),
        ("table", None, Proposes),
        ("float", None, Proposes),
        ("submit", None, Proposes),
        ("demand", None, Proposes),
        ("call", Some("for"), Proposes),
        ("insist", Some("on"), Proposes),
        ("push", Some("for"), Proposes),
        ("press", Some("for"), Proposes),
        ("urge", None, Proposes),
        ("advocate", None, Proposes),
        ("suggest", None, Proposes),
        ("introduce", None, Proposes),
        ("sponsor", None, Proposes),
        ("pitch", None, Proposes),
        ("announce", None, Proposes),
        ("seek", None, Proposes),
        ("bring", None, Proposes),
        ("want", None, Proposes),
        ("support", None, Supports),
        ("back", None, Supports),
        ("endorse", None, Supports),
        ("welcome", None, Supports),
        ("accept", None, Supports),
        ("approve", None, Supports),
        ("agree", None, Supports),
        ("embrace", None, Supports),
        ("favor", None, Supports),
        ("favour", None, Supports),
        ("praise", None, Supports),
        ("hail", None, Supports),
        ("sign", None, Supports),
        ("ratify", None, Supports),
        ("champion", None, Supports),
        ("adopt", None, Supports),
        ("pass", None, Supports),
        ("oppose", None, Opposes),
        ("reject", None, Opposes),
        ("refuse", None, Opposes),
        ("veto", None, Opposes),
        ("block", None, Opposes),
        ("dismiss", None, Opposes),
        ("rule", Some("out"), Opposes),
        ("object", Some("to"), Opposes),
        ("vote", Some("against"), Opposes),
        ("vote", Some("for"), Supports),
        ("resist", None, Opposes),
        ("scrap", None, Opposes),
        ("boycott", None, Opposes),
        ("abandon", None, Opposes),
        ("spurn", None, Opposes),
        ("rebuff", None, Opposes),
        ("criticize", None, Criticizes),
        ("criticise", None, Criticizes),
        ("condemn", None, Criticizes),
        ("denounce", None, Criticizes),
        ("slam", None, Criticizes),
        ("blast", None, Criticizes),
        ("attack", None, Criticizes),
        ("question", None, Criticizes),
        ("fault", None, Criticizes),
        ("lambast", None, Criticizes),
        ("decry", None, Criticizes),
        ("deplore", None, Criticizes),
        ("disparage", None, Criticizes),
        ("discuss", None, Neutral),
        ("consider", None, Neutral),
        ("review", None, Neutral),
        ("study", None, Neutral),
        ("weigh", None, Neutral),
        ("examine", None, Neutral),
        ("negotiate", None, Neutral),
        ("debate", None, Neutral),
        ("mull", None, Neutral),
        ("assess", None, Neutral),
        ("evaluate", None, Neutral),
    ]
};

/// Irregular forms and noun/adjective cues.
const OTHER_CUES: &[(&str, StanceKind, bool)] = {
    use StanceKind::*;
    &[
        ("brought", Proposes, false),
        ("sought", Proposes, false),
        ("put", Proposes, false),
        ("drew", Proposes, false),
        ("laid", Proposes, false),
        ("vetoes", Opposes, false),
        ("vetoed", Opposes, false),
        ("vetoing", Opposes, false),
        ("scrapped", Opposes, false),
        ("scrapping", Opposes, false),
        ("slammed", Criticizes, false),
        ("slamming", Criticizes, false),
        ("banned", Proposes, false),
        ("agreeable", Supports, true),
        ("acceptable", Supports, true),
        ("welcome", Supports, true),
        ("support", Supports, true),
        ("backing", Supports, true),
        ("endorsement", Supports, true),
        ("approval", Supports, true),
        ("fair", Supports, true),
        ("reasonable", Supports, true),
        ("generous", Supports, true),
        ("balanced", Supports, true),
        ("unworkable", Criticizes, true),
        ("inadequate", Criticizes, true),
        ("insufficient", Criticizes, true),
        ("insulting", Criticizes, true),
        ("derisory", Criticizes, true),
        ("flawed", Criticizes, true),
        ("unacceptable", Opposes, true),
        ("non-starter", Opposes, true),
        ("opposition", Opposes, true),
        ("rejection", Opposes, true),
        ("refusal", Opposes, true),
        ("criticism", Criticizes, true),
        ("criticisms", Criticizes, true),
        ("condemnation", Criticizes, true),
        ("skeptical", Criticizes, true),
        ("sceptical", Criticizes, true),
        ("skepticism", Criticizes, true),
        ("scepticism", Criticizes, true),
        ("unfair", Criticizes, true),
        ("one-sided", Criticizes, true),
        ("lopsided", Criticizes, true),
        ("unrealistic", Criticizes, true),
        ("feasible", Neutral, true),
        ("unfeasible", Neutral, true),
        ("infeasible", Neutral, true),
        ("premature", Neutral, true),
        ("unlikely", Neutral, true),
        ("likely", Neutral, true),
        ("possible", Neutral, true),
    ]
};

/// Particles of phrasal cues for irregular forms ("put forward", "drew up").
const IRREGULAR_PARTICLES: &[(&str, &str)] = &[("put", "forward"), ("drew", "up"), ("laid", "out")];

/// Regular inflections of a base verb: base, -s, -ed, -ing.
fn inflect(base: &str) -> Vec<String> {
    let mut out = vec![base.to_owned()];
    let es = base.ends_with('s')
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with('o');
    let (stem_y, ends_y) = match base.strip_suffix('y') {
        Some(s) if !s.ends_with(['a', 'e', 'o', 'u']) => (s, true),
        _ => (base, false),
    };
    if ends_y {
        out.push(format!("{stem_y}ies"));
        out.push(format!("{stem_y}ied"));
        out.push(format!("{base}ing"));
    } else if let Some(stem) = base.strip_suffix('e') {
        out.push(format!("{base}s"));
        out.push(format!("{base}d"));
        out.push(format!("{stem}ing"));
    } else {
        out.push(if es {
            format!("{base}es")
        } else {
            format!("{base}s")
        });
        // Short consonant-vowel-consonant verbs double ("ban" → "banned").
        let b = base.as_bytes();
        let double = b.len() == 3
            && !matches!(b[0], b'a' | b'e' | b'i' | b'o' | b'u')
            && matches!(b[1], b'a' | b'e' | b'i' | b'o' | b'u')
            && !matches!(b[2], b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'x' | b'y');
        if double {
            let last = b[2] as char;
            out.push(format!("{base}{last}ed"));
            out.push(format!("{base}{last}ing"));
        } else {
            out.push(format!("{base}ed"));
            out.push(format!("{base}ing"));
        }
    }
    out
}

/// A cue entry: stance, whether nominal, and the particle that must follow.
#[derive(Clone, Copy, Debug)]
struct CueEntry {
    cue: Cue,
    particle: Option<&'static str>,
}

fn cues() -> &'static FastMap<String, Vec<CueEntry>> {
    static M: OnceLock<FastMap<String, Vec<CueEntry>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: FastMap<String, Vec<CueEntry>> = FastMap::default();
        for &(base, particle, kind) in VERB_CUES {
            for form in inflect(base) {
                let entries = m.entry(form).or_default();
                if !entries.iter().any(|e| e.particle == particle) {
                    entries.push(CueEntry {
                        cue: Cue {
                            kind,
                            nominal: false,
                        },
                        particle,
                    });
                }
            }
        }
        for &(w, kind, nominal) in OTHER_CUES {
            let particle = IRREGULAR_PARTICLES
                .iter()
                .find(|(v, _)| *v == w)
                .map(|&(_, p)| p);
            m.insert(
                w.to_owned(),
                vec![CueEntry {
                    cue: Cue { kind, nominal },
                    particle,
                }],
            );
        }
        m
    })
}

/// The cue at lower-case word `w`, given the next lower-case word (for
/// phrasal cues such as "call for", "insist on", "vote against"). A
/// particle-specific entry wins over a plain one.
pub fn cue(w: &str, next: &str) -> Option<Cue> {
    let entries = cues().get(w)?;
    entries
        .iter()
        .find(|e| e.particle == Some(next))
        .or_else(|| entries.iter().find(|e| e.particle.is_none()))
        .map(|e| e.cue)
}

/// True if `w` is a cue word whatever follows (used to stop noun phrases).
pub fn is_cue_word(w: &str) -> bool {
    cues().contains_key(w)
}

/// Looks like an -ed/-ing participle or a finite verb ending (no POS tagger:
/// a suffix test backed by the closed lists above).
pub fn is_participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed")) || (w.len() > 5 && w.ends_with("ing"))
}

/// Could `w` (lower case) be a finite verb? Suffix tests plus closed lists.
pub fn is_verbish(w: &str) -> bool {
    if is_aux(w) || is_common_verb(w) {
        return true;
    }
    if cues()
        .get(w)
        .is_some_and(|es| es.iter().any(|e| !e.cue.nominal))
    {
        return true;
    }
    w.len() > 4 && w.ends_with("ed")
}

/// Adverbs that may sit between a subject and its verb.
pub fn is_adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly") && !matches!(w, "italy" | "family" | "supply" | "only"))
        || matches!(
            w,
            "also"
                | "still"
                | "already"
                | "now"
                | "then"
                | "just"
                | "again"
                | "reportedly"
                | "later"
                | "soon"
                | "never"
                | "not"
                | "even"
                | "once"
                | "often"
                | "since"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        let cases: &[(&str, &[&str])] = &[
            ("reject", &["rejects", "rejected", "rejecting"]),
            ("oppose", &["opposes", "opposed", "opposing"]),
            ("criticize", &["criticized", "criticizes"]),
            ("ban", &["banned", "banning"]),
            ("ratify", &["ratified", "ratifies"]),
            ("veto", &["vetoes"]),
        ];
        for (base, forms) in cases {
            let got = inflect(base);
            for f in *forms {
                assert!(got.iter().any(|g| g == f), "{base}: {f} missing in {got:?}");
            }
        }
    }

    #[test]
    fn cue_lookup() {
        let cases: &[(&str, &str, Option<StanceKind>)] = &[
            ("opposed", "provisions", Some(StanceKind::Opposes)),
            ("insisting", "on", Some(StanceKind::Proposes)),
            ("insisting", "that", None),
            ("called", "for", Some(StanceKind::Proposes)),
            ("called", "the", None),
            ("put", "forward", Some(StanceKind::Proposes)),
            ("criticized", "as", Some(StanceKind::Criticizes)),
            ("unacceptable", "to", Some(StanceKind::Opposes)),
            ("acceptance", "", None),
            ("voted", "against", Some(StanceKind::Opposes)),
            ("votes", "for", Some(StanceKind::Supports)),
            ("voted", "on", None),
            ("agreement", "", None),
        ];
        for &(w, next, want) in cases {
            assert_eq!(cue(w, next).map(|c| c.kind), want, "{w} {next}");
        }
    }

    #[test]
    fn heads_and_lowering() {
        assert_eq!(
            head("guarantees").map(|h| h.family),
            Some(Family::Guarantee)
        );
        assert_eq!(head("talks"), None);
        let t = "İstanbul Peace ÄÖ";
        let l = crate::doc::lower_text(t);
        assert_eq!(l.len(), t.len());
        assert!(l.ends_with("peace äö"));
    }
}

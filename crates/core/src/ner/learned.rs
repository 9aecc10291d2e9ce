//! The learned entity labeller: the rules find the candidate names (their
//! spans are good), and an averaged perceptron over the candidate's
//! features ([`super::features`]) decides what each one is: a person, an
//! organisation, a place, a group, another kind of name, or no name at all
//! (a capitalised sentence opener, a demonym adjective, a photo credit).
//!
//! Every label comes with its probability (a softmax of the class scores).
//! A person, organisation, place or group label below the model's
//! threshold becomes [`ActorKind::Other`] with that score: an unsure name
//! is never a default person. Standalone titles ("The President") stay the
//! rules' business.
//!
//! The model is trained by `gloss-train ner` (`crates/train`) and loaded
//! from bytes ([`LabelModel::from_bytes`]); damaged bytes give a
//! [`ModelError`]. O(k) for k candidates (one hash lookup per feature).

// The accessors and the training entry point serve the trainer
// (feature `training`) and the tests.
#![cfg_attr(not(any(test, feature = "training")), allow(dead_code))]

use super::features::{self, Lists};
use super::{Cand, EntityMention, RuleLabel, Rules};
use crate::kb::Kb;
use crate::model::{ActorKind, MentionForm};
use crate::weights::{Format, ModelError, ModelFile, Weights};

/// The bundled model file (`crates/core/data/models/ner-labels.bin`,
/// licence in `data/models/NER-NOTICE.txt`).
pub const BUNDLED: &[u8] = include_bytes!("../../data/models/ner-labels.bin");

/// Least probability of "no name" that drops a candidate. Measured with
/// the same model (labelled F1; 0 = the most probable class always wins):
/// gum-news-dev 0.7257 → 0.7284, UNER EWT test 0.5368 → 0.5373, wikigold
/// held-out 0.6735 → 0.6735, gum-train CV 0.7556 → 0.7551.
const NO_NAME_MIN: f32 = 0.5;

/// The classes, in model order.
pub const CLASSES: [Class; 6] = [
    Class::None,
    Class::Person,
    Class::Org,
    Class::Place,
    Class::Group,
    Class::Other,
];

/// What a candidate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Not a name.
    None,
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place.
    Place,
    /// A group of people named by a demonym or group noun ("Afghans").
    Group,
    /// Another kind of name (an event, a work, a product…).
    Other,
}

impl Class {
    /// Index in [`CLASSES`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The actor kind of the class (`None` for [`Class::None`]).
    pub const fn kind(self) -> Option<ActorKind> {
        match self {
            Class::None => None,
            Class::Person => Some(ActorKind::Person),
            Class::Org => Some(ActorKind::Organization),
            Class::Place => Some(ActorKind::Place),
            Class::Group => Some(ActorKind::Group),
            Class::Other => Some(ActorKind::Other),
        }
    }
}

/// The labeller's model file format: classes `0..6` are the first
/// pass's weights, `6..12` the second pass's (which also reads the first
/// pass's labels of related candidates, [`features::consistency`]).
pub const FORMAT: Format = Format {
    magic: b"GLLABv01",
    classes: 2 * CLASSES.len(),
    feature_set: features::FEATURE_SET,
};

/// A trained labeller and the name lists its features read.
#[derive(Clone, Debug)]
pub struct LabelModel {
    weights: Weights,
    threshold: f32,
    two_pass: bool,
    lists: Lists,
}

impl LabelModel {
    /// Is `name` in the place gazetteer or the knowledge base (any class)?
    pub fn is_listed(&self, name: &str) -> bool {
        self.lists.gazetteer.get(name) != 0
    }

    /// Loads a model file (the output of `gloss-train ner`); the name
    /// lists are built from the bundled ones and `kb`.
    pub fn from_bytes(bytes: &[u8], kb: &Kb) -> Result<LabelModel, ModelError> {
        let m = ModelFile::decode(bytes, &FORMAT)?;
        if !(0.0..=1.0).contains(&m.threshold) {
            return Err(ModelError::Invalid("threshold"));
        }
        Ok(LabelModel {
            weights: Weights::new(&m, FORMAT.classes)?,
            threshold: m.threshold,
            two_pass: m.two_pass,
            lists: Lists::build(kb),
        })
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Whether a second pass reads the first pass's labels.
    pub fn two_pass(&self) -> bool {
        self.two_pass
    }

    /// The probability of each class (in [`CLASSES`] order) for a
    /// candidate with `features`, by the first pass's weights (`pass` 0)
    /// or the second's (1).
    pub fn probabilities(&self, features: &[u32], pass: usize) -> [f32; 6] {
        let mut both = [0f32; 12];
        self.weights.add_scores(features, &mut both);
        let mut s = [0f32; 6];
        s.copy_from_slice(&both[6 * pass.min(1)..6 * pass.min(1) + 6]);
        let max = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut z = 0.0;
        for v in &mut s {
            *v = (*v - max).exp();
            z += *v;
        }
        for v in &mut s {
            *v /= z;
        }
        s
    }

    /// The decision for class probabilities `p`: the kind and its score,
    /// or `None` when the candidate is no name.
    pub fn decide(&self, p: &[f32; 6]) -> Option<(ActorKind, f32)> {
        let (best, &score) = p
            .iter()
            .enumerate()
            .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(&x.0)))?;
        let mut class = CLASSES[best];
        let mut score = score;
        // No name only when that is likelier than all kinds of name
        // together ("Kwok Ka-ki" at none 0.29, other 0.23, place 0.15…
        // is a name); else the likeliest kind of name.
        if class == Class::None && score < NO_NAME_MIN {
            let (i, &s) = p
                .iter()
                .enumerate()
                .skip(1)
                .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(&x.0)))?;
            class = CLASSES[i];
            score = s;
        }
        let kind = class.kind()?;
        if kind != ActorKind::Other && score < self.threshold {
            return Some((ActorKind::Other, score));
        }
        Some((kind, score))
    }

    /// Labels the rules' candidates (`rules[i]` the rules' reading of
    /// `cands[i]`), in text order.
    pub(super) fn label(
        &self,
        r: &Rules,
        cands: &[Cand],
        rules: &[RuleLabel],
    ) -> Vec<EntityMention> {
        let mut feats = features::extract(r, cands, rules, &self.lists);
        let mut probs: Vec<[f32; 6]> = feats.iter().map(|f| self.probabilities(f, 0)).collect();
        if self.two_pass {
            let links = features::links(r, cands);
            for (f, l) in feats.iter_mut().zip(&links) {
                features::consistency(l, &probs, f);
            }
            probs = feats.iter().map(|f| self.probabilities(f, 1)).collect();
        }
        let teams = r.teams(cands);
        let overridden: Vec<Decision> = cands.iter().map(|c| r.override_kind(c, &teams)).collect();
        let decided: Vec<Decision> = overridden
            .iter()
            .zip(&probs)
            .map(|(o, p)| o.or_else(|| self.decide(p)))
            .collect();
        let decided = self.people_by_context(r, cands, &probs, &overridden, decided);
        // A person reading of partners' names is a firm ("Keane & Lowry").
        let decided: Vec<Decision> = cands
            .iter()
            .zip(decided)
            .map(|(c, d)| d.map(|(k, s)| (r.firm_reading(c, k), s)))
            .collect();
        let decided = the_name_is_no_person(r, cands, decided.clone())
            .into_iter()
            .zip(decided)
            .zip(&overridden)
            // Whether a rule, not the model, decided.
            .map(|((d, model), o)| (d, o.is_some() || d != model))
            .collect::<Vec<_>>();
        // One reading per name: a candidate taken for no name takes the
        // best label its text gets elsewhere in the document ("Trump" in
        // "the Trump administration" when "Trump said" is a person).
        // Measured (labelled F1, same model): the second rule below, for
        // another kind of name, moved UNER EWT test 0.5370 → 0.5382,
        // gum-news-dev 0.7305 → 0.7330, gum-train and wikigold unchanged.
        let mut best: crate::hash::FastMap<&str, (ActorKind, f32)> = Default::default();
        for (c, (d, _)) in cands.iter().zip(&decided) {
            if let Some((k, s)) = *d {
                let e = best.entry(r.slice(c.a, c.b)).or_insert((k, s));
                if k != ActorKind::Other && (e.0 == ActorKind::Other || s > e.1) {
                    *e = (k, s);
                }
            }
        }
        let mut out: Vec<EntityMention> = cands
            .iter()
            .zip(rules)
            .zip(decided)
            .filter_map(|((c, rl), (d, by_rule))| {
                if c.form == MentionForm::Role {
                    return r.mention(c, rl.doc.0, super::score_of(rl.doc.1));
                }
                // And one the model takes for another kind of name takes a
                // sure person, organisation or place reading of its text
                // elsewhere ("Lopez" after "Lopez, 54, a nurse, said").
                let d = match d {
                    Some((ActorKind::Other, _)) if !by_rule => match best.get(r.slice(c.a, c.b)) {
                        Some(&b) if b.0 != ActorKind::Other && b.1 >= self.threshold => Some(b),
                        _ => d,
                    },
                    d => d,
                };
                let (kind, score) = d.or_else(|| {
                    let b = best.get(r.slice(c.a, c.b)).copied()?;
                    (b.0 != ActorKind::Other && !rl.dropped).then_some(b)
                })?;
                r.mention(c, kind, score)
            })
            .collect();
        out.sort_by_key(|m| (m.span.start, m.span.end));
        out
    }
}

impl LabelModel {
    /// A name the model is unsure of (another kind of name below the
    /// threshold, or read as one) in a context only a person fills
    /// ([`Rules::person_context`]: "Njeri Wambugu, a teacher from Nakuru,",
    /// "opposition leader Raila Odinga") is a person, with the model's
    /// person score raised to the threshold; so is a name whose inner words
    /// are name particles ([`Rules::particle_name`]) read as a place or
    /// another kind of name. Other readings and the rules' own decisions
    /// stay. So is an unsure name the knowledge base knows as a person.
    fn people_by_context(
        &self,
        r: &Rules,
        cands: &[Cand],
        probs: &[[f32; 6]],
        overridden: &[Decision],
        mut decided: Vec<Decision>,
    ) -> Vec<Decision> {
        // Names read as places by their place preposition: their other
        // unsure or person readings follow ("Gascony and Brittany" after
        // "in Brittany").
        let located: crate::hash::FastSet<&str> = cands
            .iter()
            .zip(&decided)
            .filter(|(c, d)| self.listed_place_after_locative(r, c, **d))
            .map(|(c, _)| r.slice(c.a, c.b))
            .collect();
        for (i, c) in cands.iter().enumerate() {
            if overridden[i].is_some() {
                continue;
            }
            // "Pieter van der Berg": lower-case name particles between
            // names make a personal name, unless a list knows the whole
            // name as something else ("Rio de Janeiro").
            let particles = matches!(decided[i], Some((ActorKind::Other | ActorKind::Place, _)))
                && r.particle_name(c)
                && self.lists.gazetteer.get(r.slice(c.a, c.b)) == 0
                && r.kb()
                    .lookup(r.slice(c.a, c.b))
                    .is_none_or(|e| e.kind == ActorKind::Person);
            let unsure = matches!(decided[i], Some((ActorKind::Other, _)));
            // A name the knowledge base knows as a person ("Bashar
            // al-Assad", whose glued particle the model rarely saw).
            let known_person = || {
                r.kb()
                    .lookup(r.slice(c.a, c.b))
                    .is_some_and(|e| e.kind == ActorKind::Person)
            };
            if particles || (unsure && (r.person_context(c) || known_person())) {
                let p = probs[i][Class::Person.index()];
                decided[i] = Some((ActorKind::Person, p.max(self.threshold)));
            } else if matches!(decided[i], Some((ActorKind::Person | ActorKind::Other, _)))
                && located.contains(r.slice(c.a, c.b))
                && c.title.is_none()
                && !r.person_context(c)
            {
                let p = probs[i][Class::Place.index()];
                decided[i] = Some((ActorKind::Place, p.max(self.threshold)));
            }
        }
        decided
    }

    /// "Protests spread in Brittany": a name the place gazetteer lists as a
    /// region or city, read as a person or another kind of name right after
    /// a place preposition (`names/place_prepositions.txt`), or joined to a
    /// name that follows one ("in Gascony and Brittany", by the learned
    /// parse), is the place, unless the knowledge base knows it as a
    /// person or a possessive follows ("in Jordan's view").
    fn listed_place_after_locative(&self, r: &Rules, c: &Cand, d: Decision) -> bool {
        use crate::gazetteer::class;
        if !matches!(d, Some((ActorKind::Person | ActorKind::Other, _))) || c.a == 0 {
            return false;
        }
        let text = r.slice(c.a, c.b);
        let listed = self.lists.gazetteer.get(text) & (class::REGION | class::CITY) != 0;
        listed
            && (r.lx().is_place_preposition(r.w(c.a - 1)) || conjunct_after_place_preposition(r, c))
            && r.kind(c.b) != Some(crate::tokenize::TokenKind::Possessive)
            && r.kb()
                .lookup(text)
                .is_none_or(|e| e.kind != ActorKind::Person)
    }
}

/// Is candidate `c` a later conjunct of a coordination whose first
/// conjunct has a place preposition ("in Bearn, Gascony and Brittany")?
/// Read from the learned parse; `false` without one.
fn conjunct_after_place_preposition(r: &Rules, c: &Cand) -> bool {
    use crate::syntax::Deprel;
    let Some(sp) = r.doc.parse_of_token(c.a) else {
        return false;
    };
    let Some(mut w) = sp.head_of(c.a..c.b) else {
        return false;
    };
    let mut hops = 0;
    while sp.words[w].deprel == Deprel::Conj && hops < 16 {
        match sp.words[w].head {
            Some(h) => w = h as usize,
            None => return false,
        }
        hops += 1;
    }
    hops > 0
        && sp.children(w).any(|k| {
            let x = &sp.words[k];
            x.deprel == Deprel::Case && r.lx().is_place_preposition(r.doc.lw(x.token as usize))
        })
}

/// A candidate's kind and score, or `None` for no name.
type Decision = Option<(ActorKind, f32)>;

/// "the Courier", "the Kremlin": one capitalised word after "the" is no
/// person. Read as a person or another kind of name, it takes the kind of
/// the longer name it ends ("the Daily Courier"), or else is another kind
/// of name with its score. Plurals
/// ("the Romans") are groups of people and keep their reading.
fn the_name_is_no_person(r: &Rules, cands: &[Cand], mut decided: Vec<Decision>) -> Vec<Decision> {
    // The first longer name's reading by its last word, other than a
    // person (one pass: a scan per "the X" was quadratic in long texts).
    let mut longer_by_last: crate::hash::FastMap<&str, (ActorKind, f32)> = Default::default();
    for (o, d) in cands.iter().zip(&decided) {
        if let Some((k, s)) = *d {
            if o.b - o.a > 1 && k != ActorKind::Person {
                longer_by_last.entry(r.w(o.b - 1)).or_insert((k, s));
            }
        }
    }
    for i in 0..cands.len() {
        let c = &cands[i];
        let Some((ActorKind::Person | ActorKind::Other, score)) = decided[i] else {
            continue;
        };
        if c.b - c.a != 1 || c.form != MentionForm::Name || c.a == 0 || r.w(c.a - 1) != "the" {
            continue;
        }
        let word = r.w(c.a);
        if word.ends_with('s') {
            continue;
        }
        let longer = longer_by_last.get(word).copied();
        decided[i] = Some(longer.unwrap_or((ActorKind::Other, score)));
    }
    decided
}

/// One candidate as training sees it.
#[cfg(any(test, feature = "training"))]
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Byte span of the name.
    pub span: crate::model::Span,
    /// Its features.
    pub features: Vec<u32>,
    /// The rules' label after document consistency, and whether the rules
    /// drop it.
    pub rule: (ActorKind, bool),
    /// A standalone title: labelled by the rules, not the model.
    pub role: bool,
    /// Its relations to the other candidates (indices into the same list),
    /// for [`features::consistency`].
    pub links: Vec<(u32, u8)>,
}

/// The candidates of a document whose earlier layers (up to `pos`) are
/// filled, with their features, for training.
#[cfg(any(test, feature = "training"))]
pub fn candidates(doc: &crate::doc::Doc, lists: &Lists) -> Vec<Candidate> {
    let r = Rules::new(doc);
    let cands = r.candidates();
    let rules = r.rule_labels(&cands);
    let feats = features::extract(&r, &cands, &rules, lists);
    let links = features::links(&r, &cands);
    cands
        .iter()
        .zip(&rules)
        .zip(feats.into_iter().zip(links))
        .map(|((c, rl), (features, links))| {
            let span = r
                .mention(c, rl.doc.0, 0.0)
                .map_or_else(Default::default, |m| m.span);
            Candidate {
                span,
                features,
                rule: (rl.doc.0, rl.dropped),
                role: c.form == MentionForm::Role,
                links,
            }
        })
        .collect()
}

//! Proposal head nouns (`proposals/heads.tsv`).

use super::{entries, LexiconError};
use crate::hash::FastMap;

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
    /// sanctions, tariffs, embargoes.
    Sanction,
    /// bill, legislation, amendment, measure.
    Bill,
    /// referendum, plebiscite.
    Referendum,
    /// resolution.
    Resolution,
    /// policy.
    Policy,
    /// law, regulation, rule, decree, directive, ordinance, statute.
    Law,
    /// ruling, decision, verdict, judgment, sentence, order, injunction.
    Ruling,
    /// request, call, appeal, petition, plea.
    Request,
    /// move, push, bid, step, effort.
    Move,
    /// change, reform, overhaul, redesign, design.
    Change,
    /// investigation, inquiry, probe, review, audit.
    Inquiry,
    /// crackdown, moratorium, exemption, waiver, subsidy, mediation, bailout.
    Measure,
    /// A phrase that is a proposal because of the verb it is the object of
    /// ("backed building a second bridge"); never read from the table.
    Object,
    /// An action that undoes a measure ("lifting the sanctions", "the
    /// repeal of the law"); never read from the table.
    Reversal,
}

impl Family {
    fn parse(s: &str) -> Option<Family> {
        use Family::*;
        Some(match s {
            "plan" => Plan,
            "deal" => Deal,
            "demand" => Demand,
            "guarantee" => Guarantee,
            "provision" => Provision,
            "restriction" => Restriction,
            "summit" => Summit,
            "ceasefire" => Ceasefire,
            "sanction" => Sanction,
            "bill" => Bill,
            "referendum" => Referendum,
            "resolution" => Resolution,
            "policy" => Policy,
            "law" => Law,
            "ruling" => Ruling,
            "request" => Request,
            "move" => Move,
            "change" => Change,
            "inquiry" => Inquiry,
            "measure" => Measure,
            _ => return None,
        })
    }
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
    /// A common word that names a proposal only when something says so: a
    /// governing stance cue, an actor as possessor or modifier, a number,
    /// a complement ("a change to the flag", "an inquiry into …") or an
    /// infinitive after a determiner ("a move to ban …"); a determiner in
    /// a political story is not enough.
    Governed,
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

/// `singular plural family strength verb` rows; both forms map to the head.
pub(super) fn parse(
    file: &'static str,
    data: &'static str,
) -> Result<FastMap<&'static str, Head>, LexiconError> {
    let mut m = FastMap::default();
    for (line, l) in entries(data) {
        let err = |message: String| LexiconError {
            file,
            line,
            message,
        };
        let f: Vec<&'static str> = l.split('\t').map(str::trim).collect();
        let [sg, pl, family, strength, verb] = f[..] else {
            return Err(err(format!("expected 5 columns, found {}", f.len())));
        };
        let family =
            Family::parse(family).ok_or_else(|| err(format!("unknown family {family:?}")))?;
        let strength = match strength {
            "strong" => Strength::Strong,
            "weak" => Strength::Weak,
            "relational" => Strength::Relational,
            "governed" => Strength::Governed,
            s => return Err(err(format!("unknown strength {s:?}"))),
        };
        let verb_too = match verb {
            "yes" => true,
            "no" => false,
            v => return Err(err(format!("verb column must be yes or no, not {v:?}"))),
        };
        let h = Head {
            lemma: sg,
            family,
            strength,
            verb_too,
        };
        m.insert(sg, h);
        m.insert(pl, h);
    }
    Ok(m)
}

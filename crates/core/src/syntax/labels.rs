//! The label sets: universal part-of-speech tags ([`Upos`]) and universal
//! dependency relations with their English subtypes ([`Deprel`]).
//!
//! Both are closed enums so that later stages can `match` on them; model
//! files name their classes by the CoNLL-U strings, which are mapped to
//! these enums when a model is loaded.

use std::fmt;

macro_rules! label_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The CoNLL-U spelling ("NOUN", "nsubj:pass").
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $text, )+
                }
            }

            /// Parses the exact CoNLL-U spelling.
            pub fn from_conllu(s: &str) -> Option<$name> {
                match s {
                    $( $text => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

label_enum! {
    /// A universal part-of-speech tag (<https://universaldependencies.org/u/pos/>).
    Upos {
        /// Adjective.
        Adj = "ADJ",
        /// Adposition.
        Adp = "ADP",
        /// Adverb.
        Adv = "ADV",
        /// Auxiliary.
        Aux = "AUX",
        /// Coordinating conjunction.
        Cconj = "CCONJ",
        /// Determiner.
        Det = "DET",
        /// Interjection.
        Intj = "INTJ",
        /// Noun.
        Noun = "NOUN",
        /// Numeral.
        Num = "NUM",
        /// Particle.
        Part = "PART",
        /// Pronoun.
        Pron = "PRON",
        /// Proper noun.
        Propn = "PROPN",
        /// Punctuation.
        Punct = "PUNCT",
        /// Subordinating conjunction.
        Sconj = "SCONJ",
        /// Symbol.
        Sym = "SYM",
        /// Verb.
        Verb = "VERB",
        /// Other.
        X = "X",
    }
}

label_enum! {
    /// A dependency relation: the 37 universal relations
    /// (<https://universaldependencies.org/u/dep/>) and the subtypes used by
    /// the English treebanks (UD English EWT and GUM, v2.16).
    Deprel {
        /// Clausal modifier of a noun.
        Acl = "acl",
        /// Relative clause.
        AclRelcl = "acl:relcl",
        /// Adverbial clause modifier.
        Advcl = "advcl",
        /// Adverbial relative clause.
        AdvclRelcl = "advcl:relcl",
        /// Adverbial modifier.
        Advmod = "advmod",
        /// Adjectival modifier.
        Amod = "amod",
        /// Appositional modifier.
        Appos = "appos",
        /// Auxiliary.
        Aux = "aux",
        /// Passive auxiliary.
        AuxPass = "aux:pass",
        /// Case marking (prepositions, possessive 's).
        Case = "case",
        /// Coordinating conjunction.
        Cc = "cc",
        /// Preconjunct ("either", "both").
        CcPreconj = "cc:preconj",
        /// Clausal complement.
        Ccomp = "ccomp",
        /// Classifier.
        Clf = "clf",
        /// Compound.
        Compound = "compound",
        /// Phrasal-verb particle.
        CompoundPrt = "compound:prt",
        /// Conjunct.
        Conj = "conj",
        /// Copula.
        Cop = "cop",
        /// Clausal subject.
        Csubj = "csubj",
        /// Outer clausal subject.
        CsubjOuter = "csubj:outer",
        /// Clausal passive subject.
        CsubjPass = "csubj:pass",
        /// Unspecified dependency.
        Dep = "dep",
        /// Determiner.
        Det = "det",
        /// Predeterminer ("all the").
        DetPredet = "det:predet",
        /// Discourse element.
        Discourse = "discourse",
        /// Dislocated element.
        Dislocated = "dislocated",
        /// Expletive ("there", "it").
        Expl = "expl",
        /// Fixed multiword expression.
        Fixed = "fixed",
        /// Flat multiword expression (names).
        Flat = "flat",
        /// Foreign flat expression.
        FlatForeign = "flat:foreign",
        /// Goes with (split word).
        Goeswith = "goeswith",
        /// Indirect object.
        Iobj = "iobj",
        /// List.
        List = "list",
        /// Marker (subordinating conjunction, infinitival "to").
        Mark = "mark",
        /// Nominal modifier.
        Nmod = "nmod",
        /// Descriptive nominal modifier.
        NmodDesc = "nmod:desc",
        /// Possessive nominal modifier.
        NmodPoss = "nmod:poss",
        /// Nominal modifier without a case marker (UD English ≥ 2.14).
        NmodUnmarked = "nmod:unmarked",
        /// Temporal nominal modifier (UD English before 2.14).
        NmodTmod = "nmod:tmod",
        /// Noun-phrase adverbial nominal modifier (UD English before 2.14).
        NmodNpmod = "nmod:npmod",
        /// Nominal subject.
        Nsubj = "nsubj",
        /// Outer nominal subject.
        NsubjOuter = "nsubj:outer",
        /// Passive nominal subject.
        NsubjPass = "nsubj:pass",
        /// Numeric modifier.
        Nummod = "nummod",
        /// Object.
        Obj = "obj",
        /// Oblique nominal.
        Obl = "obl",
        /// Agent of a passive ("by the committee").
        OblAgent = "obl:agent",
        /// Oblique without a case marker (UD English ≥ 2.14).
        OblUnmarked = "obl:unmarked",
        /// Temporal oblique (UD English before 2.14).
        OblTmod = "obl:tmod",
        /// Noun-phrase adverbial oblique (UD English before 2.14).
        OblNpmod = "obl:npmod",
        /// Orphan in an ellipsis.
        Orphan = "orphan",
        /// Parataxis.
        Parataxis = "parataxis",
        /// Punctuation.
        Punct = "punct",
        /// Overridden disfluency.
        Reparandum = "reparandum",
        /// Root of the sentence.
        Root = "root",
        /// Vocative.
        Vocative = "vocative",
        /// Open clausal complement.
        Xcomp = "xcomp",
    }
}

impl Deprel {
    /// Parses a CoNLL-U relation; an unknown subtype falls back to its
    /// universal part ("nmod:of" → `nmod`), an unknown relation to `None`.
    pub fn parse_lenient(s: &str) -> Option<Deprel> {
        Deprel::from_conllu(s).or_else(|| Deprel::from_conllu(s.split(':').next()?))
    }

    /// The universal part of the relation (`nsubj:pass` → `nsubj`).
    pub fn universal(self) -> Deprel {
        let s = self.as_str();
        match s.split_once(':') {
            Some((u, _)) => Deprel::from_conllu(u).unwrap_or(self),
            None => self,
        }
    }
}

impl Upos {
    /// Its index in [`Upos::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_their_spelling() {
        for &u in Upos::ALL {
            assert_eq!(Upos::from_conllu(u.as_str()), Some(u));
        }
        for &d in Deprel::ALL {
            assert_eq!(Deprel::from_conllu(d.as_str()), Some(d));
        }
        assert_eq!(Upos::ALL.len(), 17);
    }

    #[test]
    fn lenient_parsing_keeps_the_universal_part() {
        let cases = [
            ("nsubj:pass", Some(Deprel::NsubjPass)),
            ("nmod:of", Some(Deprel::Nmod)),
            ("obl:with", Some(Deprel::Obl)),
            ("nonsense", None),
            ("", None),
        ];
        for (s, want) in cases {
            assert_eq!(Deprel::parse_lenient(s), want, "{s}");
        }
        assert_eq!(Deprel::OblAgent.universal(), Deprel::Obl);
        assert_eq!(Deprel::Root.universal(), Deprel::Root);
    }
}

//! The compact text encoding the analysis worker uses to hand an
//! [`Analysis`] to the page (see [`super::api`] and
//! [`crate::state::Action::Analysed`]).
//!
//! Why not JSON: both ends are this same Rust code, and parsing JSON back
//! into an `Analysis` needs serde's derived deserialisers plus the
//! serde_json reader, tens of kilobytes of wasm. This encoding is a flat
//! sequence of items, written and read in field order:
//!
//! * an unsigned number: its decimal digits and a `,` (`42,`);
//! * a string: its UTF-8 byte length as a number, then the bytes (`3,abc`);
//! * `Option`: `0,` for none, or `1,` and the value;
//! * a list: its length, then the items;
//! * an enum without data: its variant index as a number;
//! * `f32`: its IEEE bit pattern as a number (exact, no float formatting);
//! * `bool`: `0,` or `1,`.
//!
//! Encoding and decoding are linear in the output. Decoding never panics:
//! malformed input (truncated, bad number, a length past the end or off a
//! character boundary, unknown variant) gives `None`.

use gloss_core::model::{
    Actor, ActorKind, Analysis, Background, DigestLine, DigestLink, Evidence, Fact, FlatMention,
    Ignored, IgnoredReason, Label, Mention, MentionForm, OffsetUnit, Proposal, Quote, SourceFormat,
    Span, Stance, StanceKind, Summary, SyntaxToken,
};
use gloss_render::corrections::Correction;

/// A bundled glossary entry for a proposal (what its card's Background box
/// shows). Looked up by the engine, so the page's module carries no KB.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glossary {
    /// Id of the proposal it explains.
    pub proposal: String,
    /// The glossary term that matched ("peace plan").
    pub term: String,
    /// Its neutral definition.
    pub definition: String,
    /// When the definition was written ("2026-11").
    pub as_of: String,
    /// Where it comes from.
    pub source: String,
}

/// What the engine sends back for one analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Explained {
    /// The analysis (byte offsets).
    pub analysis: Analysis,
    /// Glossary entries of its proposals (only those that have one).
    pub glossary: Vec<Glossary>,
}

/// Encodes an engine result for [`decode_explained`].
pub fn encode_explained(e: &Explained) -> String {
    let mut out = String::with_capacity(e.analysis.text.len() * 2 + 64);
    e.put(&mut out);
    out
}

/// Decodes what [`encode_explained`] wrote; `None` if malformed.
pub fn decode_explained(s: &str) -> Option<Explained> {
    let mut r = Cursor { s, pos: 0 };
    let e = Explained::take(&mut r)?;
    (r.pos == s.len()).then_some(e)
}

/// Encodes the reader's corrections (for storage and for the engine's exports).
pub fn encode_corrections(list: &[Correction]) -> String {
    let mut out = String::new();
    list.len().put(&mut out);
    for c in list {
        c.put(&mut out);
    }
    out
}

/// Decodes what [`encode_corrections`] wrote; `None` if malformed.
pub fn decode_corrections(s: &str) -> Option<Vec<Correction>> {
    let mut r = Cursor { s, pos: 0 };
    let v = Vec::<Correction>::take(&mut r)?;
    (r.pos == s.len()).then_some(v)
}

/// Encodes an analysis for [`decode`].
pub fn encode(a: &Analysis) -> String {
    let mut out = String::with_capacity(a.text.len() * 2 + 64);
    a.put(&mut out);
    out
}

/// Decodes what [`encode`] wrote; `None` if the input is malformed or has
/// bytes left over.
pub fn decode(s: &str) -> Option<Analysis> {
    let mut r = Cursor { s, pos: 0 };
    let a = Analysis::take(&mut r)?;
    (r.pos == s.len()).then_some(a)
}

/// Read position in an encoded string.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn number(&mut self) -> Option<u64> {
        let rest = self.s.get(self.pos..)?;
        let end = rest.find(',')?;
        let n = rest.get(..end)?.parse().ok()?;
        self.pos += end + 1;
        Some(n)
    }

    fn index(&mut self) -> Option<usize> {
        usize::try_from(self.number()?).ok()
    }
}

/// A value with a place in the encoding.
trait Wire: Sized {
    fn put(&self, out: &mut String);
    fn take(r: &mut Cursor<'_>) -> Option<Self>;
}

fn put_number(out: &mut String, n: u64) {
    // Digits by hand: `write!`/`to_string` would pull in the formatter.
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &buf[i..] {
        out.push(char::from(d));
    }
    out.push(',');
}

impl Wire for usize {
    fn put(&self, out: &mut String) {
        put_number(out, *self as u64);
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        r.index()
    }
}

impl Wire for u32 {
    fn put(&self, out: &mut String) {
        put_number(out, u64::from(*self));
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        u32::try_from(r.number()?).ok()
    }
}

impl Wire for bool {
    fn put(&self, out: &mut String) {
        put_number(out, u64::from(*self));
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        match r.number()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for f32 {
    fn put(&self, out: &mut String) {
        self.to_bits().put(out);
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        u32::take(r).map(f32::from_bits)
    }
}

impl Wire for String {
    fn put(&self, out: &mut String) {
        self.len().put(out);
        out.push_str(self);
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        let n = r.index()?;
        let end = r.pos.checked_add(n)?;
        let s = r.s.get(r.pos..end)?;
        r.pos = end;
        Some(s.to_owned())
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut String) {
        match self {
            None => put_number(out, 0),
            Some(v) => {
                put_number(out, 1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        match r.number()? {
            0 => Some(None),
            1 => T::take(r).map(Some),
            _ => None,
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut String) {
        self.len().put(out);
        for v in self {
            v.put(out);
        }
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        let n = r.index()?;
        // No capacity from the input: a bogus length fails on the items.
        let mut v = Vec::new();
        for _ in 0..n {
            v.push(T::take(r)?);
        }
        Some(v)
    }
}

/// Fields in declaration order. A struct literal, so a field added to the
/// model is a compile error here until it is encoded too.
macro_rules! wire_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, out: &mut String) {
                $(self.$f.put(out);)*
            }
            fn take(r: &mut Cursor<'_>) -> Option<Self> {
                Some($t { $($f: Wire::take(r)?),* })
            }
        }
    };
}

/// Variants by index. A `match`, so a variant added to the model is a
/// compile error here.
macro_rules! wire_enum {
    ($t:ident { $($v:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, out: &mut String) {
                let all = [$($t::$v),*];
                let i = match self { $($t::$v => all.iter().position(|x| *x == $t::$v),)* };
                put_number(out, i.unwrap_or(0) as u64);
            }
            fn take(r: &mut Cursor<'_>) -> Option<Self> {
                [$($t::$v),*].get(r.index()?).copied()
            }
        }
    };
}

wire_enum!(OffsetUnit {
    Byte,
    Codepoint,
    Utf16
});
wire_enum!(SourceFormat { Text, Html });
wire_enum!(IgnoredReason {
    Credit,
    Navigation,
    Share,
    Advertisement,
    Byline,
    Notice,
    Other
});
wire_enum!(ActorKind {
    Person,
    Organization,
    Place,
    Group,
    Other
});
wire_enum!(Label {
    Person,
    Org,
    Place,
    Other
});
wire_enum!(MentionForm {
    Name,
    Role,
    Demonym
});
wire_enum!(StanceKind {
    Proposes,
    Supports,
    Opposes,
    Criticizes,
    Mixed,
    Neutral
});

/// A correction: its variant index, then its fields in order.
impl Wire for Correction {
    fn put(&self, out: &mut String) {
        match self {
            Correction::Kind { actor, kind } => {
                put_number(out, 0);
                actor.put(out);
                kind.put(out);
            }
            Correction::Rename { actor, name } => {
                put_number(out, 1);
                actor.put(out);
                name.put(out);
            }
            Correction::Hide { actor } => {
                put_number(out, 2);
                actor.put(out);
            }
            Correction::Merge { actor, into } => {
                put_number(out, 3);
                actor.put(out);
                into.put(out);
            }
            Correction::Split { actor, start, end } => {
                put_number(out, 4);
                actor.put(out);
                start.put(out);
                end.put(out);
            }
            Correction::RemoveStance { proposal, actor } => {
                put_number(out, 5);
                proposal.put(out);
                actor.put(out);
            }
            Correction::SetStance {
                proposal,
                actor,
                stance,
            } => {
                put_number(out, 6);
                proposal.put(out);
                actor.put(out);
                stance.put(out);
            }
        }
    }
    fn take(r: &mut Cursor<'_>) -> Option<Self> {
        let s = |r: &mut Cursor<'_>| String::take(r);
        Some(match r.number()? {
            0 => Correction::Kind {
                actor: s(r)?,
                kind: ActorKind::take(r)?,
            },
            1 => Correction::Rename {
                actor: s(r)?,
                name: s(r)?,
            },
            2 => Correction::Hide { actor: s(r)? },
            3 => Correction::Merge {
                actor: s(r)?,
                into: s(r)?,
            },
            4 => Correction::Split {
                actor: s(r)?,
                start: usize::take(r)?,
                end: usize::take(r)?,
            },
            5 => Correction::RemoveStance {
                proposal: s(r)?,
                actor: s(r)?,
            },
            6 => Correction::SetStance {
                proposal: s(r)?,
                actor: s(r)?,
                stance: StanceKind::take(r)?,
            },
            _ => return None,
        })
    }
}

wire_struct!(Span { start, end });
wire_struct!(Ignored { start, end, reason });
wire_struct!(Mention {
    start,
    end,
    text,
    form
});
wire_struct!(Fact {
    sentence,
    start,
    end,
    text
});
wire_struct!(Background {
    id,
    name,
    description,
    as_of,
    source,
    wiki,
    related,
    category
});
wire_struct!(Actor {
    id,
    name,
    kind,
    aliases,
    description,
    salience,
    mentions,
    facts,
    background
});
wire_struct!(Evidence { start, end, text });
wire_struct!(Stance {
    actor,
    stance,
    evidence,
    hedged
});
wire_struct!(Proposal {
    id,
    name,
    description,
    mentions,
    stances
});
wire_struct!(Summary { sentences, text });
wire_struct!(Quote {
    speaker,
    start,
    end,
    text
});
wire_struct!(DigestLink {
    actor,
    stance,
    sentence,
    start,
    end
});
wire_struct!(DigestLine {
    proposal,
    text,
    supporters,
    against,
    links
});
wire_struct!(FlatMention {
    start,
    end,
    text,
    label,
    actor
});
wire_struct!(Glossary {
    proposal,
    term,
    definition,
    as_of,
    source
});
wire_struct!(SyntaxToken {
    start,
    end,
    upos,
    head,
    deprel
});
wire_struct!(Explained { analysis, glossary });
wire_struct!(Analysis {
    schema,
    offsets,
    source,
    text,
    ignored,
    paragraphs,
    sentences,
    actors,
    proposals,
    summary,
    quotes,
    digest,
    mentions,
    tokens
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_round_trips_exactly() {
        let text = include_str!("../../www/samples/moscow-talks.txt");
        let a = gloss_core::analyze(text, &gloss_core::Options::default());
        assert!(!a.actors.is_empty() && !a.proposals.is_empty());
        let back = decode(&encode(&a)).expect("decodes");
        assert_eq!(back, a);
    }

    #[test]
    fn odd_text_and_values_round_trip() {
        let mut a = gloss_core::analyze(
            "Ünïcode 🙂, \"quotes\", commas, 1,2,3 and\ttabs.\nVladimir Putin met Xi in Beijing.",
            &gloss_core::Options::default(),
        );
        a.source = SourceFormat::Html;
        a.offsets = OffsetUnit::Utf16;
        if let Some(actor) = a.actors.first_mut() {
            actor.salience = -0.0;
            actor.description = None;
        }
        let back = decode(&encode(&a)).expect("decodes");
        assert_eq!(back, a);
        assert_eq!(
            back.actors.first().map(|x| x.salience.to_bits()),
            a.actors.first().map(|x| x.salience.to_bits())
        );
    }

    #[test]
    fn corrections_round_trip() {
        let list = vec![
            Correction::Kind {
                actor: "a,1".into(),
                kind: ActorKind::Place,
            },
            Correction::Rename {
                actor: "a".into(),
                name: "Zoë, 5".into(),
            },
            Correction::Hide { actor: "b".into() },
            Correction::Merge {
                actor: "a".into(),
                into: "b".into(),
            },
            Correction::Split {
                actor: "a".into(),
                start: 3,
                end: 9,
            },
            Correction::RemoveStance {
                proposal: "p".into(),
                actor: "a".into(),
            },
            Correction::SetStance {
                proposal: "p".into(),
                actor: "a".into(),
                stance: StanceKind::Mixed,
            },
        ];
        let e = encode_corrections(&list);
        assert_eq!(decode_corrections(&e), Some(list));
        assert_eq!(decode_corrections(""), None);
        assert_eq!(decode_corrections("1,9,"), None);
        assert_eq!(decode_corrections("0,"), Some(vec![]));
    }

    #[test]
    fn malformed_input_is_rejected_without_panicking() {
        let a = gloss_core::analyze("Putin met Trump in Moscow.", &Default::default());
        let good = encode(&a);
        assert!(decode(&good).is_some());
        for cut in 0..good.len() {
            if let Some(prefix) = good.get(..cut) {
                assert_eq!(decode(prefix), None, "prefix of {cut} bytes");
            }
        }
        for bad in ["", ",", "1", "x,", "99999999999999999999999,", "1,0,0,5,ab"] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
        assert_eq!(decode(&format!("{good}0,")), None, "trailing bytes");
        // A string length that ends inside a multi-byte character.
        let t = "1,0,0,1,é0,0,0,0,0,0,0,0,";
        assert_eq!(decode(t), None);
    }
}

//! Entity labels and the BILOU tags the recogniser predicts per word.

/// The kind of a recognised entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntLabel {
    /// A person (or a named group of people: "Afghans").
    Person,
    /// An organisation (company, party, government body, team…).
    Org,
    /// A place (country, region, city, building as a place…).
    Place,
    /// Another name (event, work, nationality adjective…), or a name whose
    /// kind the model is unsure of.
    Other,
}

impl EntLabel {
    /// Every label, by index.
    pub const ALL: [EntLabel; 4] = [
        EntLabel::Person,
        EntLabel::Org,
        EntLabel::Place,
        EntLabel::Other,
    ];

    /// "PERSON", "ORG", "PLACE", "OTHER" (the corpora's and scorer's names).
    pub const fn as_str(self) -> &'static str {
        match self {
            EntLabel::Person => "PERSON",
            EntLabel::Org => "ORG",
            EntLabel::Place => "PLACE",
            EntLabel::Other => "OTHER",
        }
    }

    /// Parses [`EntLabel::as_str`].
    pub fn parse(s: &str) -> Option<EntLabel> {
        EntLabel::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Its index in [`EntLabel::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

/// Position of a word in an entity (BILOU).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// First word of a multi-word entity.
    Begin,
    /// Inside a multi-word entity.
    Inside,
    /// Last word of a multi-word entity.
    Last,
    /// A one-word entity.
    Unit,
}

/// A per-word tag: outside any entity, or a part of one with its label.
/// Encoded as a class index: 0 = outside, `1 + 4·label + part`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tag(pub u8);

/// Number of tags (outside + 4 parts × 4 labels).
pub const TAG_COUNT: usize = 17;

impl Tag {
    /// Outside any entity.
    pub const OUT: Tag = Tag(0);

    /// The tag of `part` of an entity labelled `label`.
    pub const fn new(label: EntLabel, part: Part) -> Tag {
        let p = match part {
            Part::Begin => 0,
            Part::Inside => 1,
            Part::Last => 2,
            Part::Unit => 3,
        };
        Tag(1 + 4 * label as u8 + p)
    }

    /// Label and part, or `None` for [`Tag::OUT`] (and out-of-range values).
    pub fn split(self) -> Option<(EntLabel, Part)> {
        if self.0 == 0 || self.0 as usize >= TAG_COUNT {
            return None;
        }
        let i = self.0 - 1;
        let part = [Part::Begin, Part::Inside, Part::Last, Part::Unit][(i % 4) as usize];
        Some((EntLabel::ALL[(i / 4) as usize], part))
    }

    /// Whether `self` may follow `prev` (BILOU grammar: an entity that
    /// began must continue with the same label until its last word).
    pub fn may_follow(self, prev: Tag) -> bool {
        let open = |t: Tag| matches!(t.split(), Some((_, Part::Begin | Part::Inside)));
        match (prev.split(), self.split()) {
            (Some((pl, Part::Begin | Part::Inside)), Some((l, Part::Inside | Part::Last))) => {
                pl == l
            }
            _ => !open(prev) && !matches!(self.split(), Some((_, Part::Inside | Part::Last))),
        }
    }

    /// Whether an entity may end after this tag (at the end of a sentence).
    pub fn may_end(self) -> bool {
        !matches!(self.split(), Some((_, Part::Begin | Part::Inside)))
    }

    /// Short name for debugging and model files ("O", "B-PERSON").
    pub fn name(self) -> String {
        match self.split() {
            None => "O".to_owned(),
            Some((l, p)) => {
                let c = match p {
                    Part::Begin => 'B',
                    Part::Inside => 'I',
                    Part::Last => 'L',
                    Part::Unit => 'U',
                };
                format!("{c}-{}", l.as_str())
            }
        }
    }
}

/// BILOU tags of `n` words holding the entities `spans` (word ranges with
/// labels, non-overlapping; overlapping ones after the first are skipped).
pub fn encode(n: usize, spans: &[(std::ops::Range<usize>, EntLabel)]) -> Vec<Tag> {
    let mut tags = vec![Tag::OUT; n];
    for (r, l) in spans {
        if r.is_empty() || r.end > n || tags[r.clone()].iter().any(|t| *t != Tag::OUT) {
            continue;
        }
        if r.len() == 1 {
            tags[r.start] = Tag::new(*l, Part::Unit);
        } else {
            tags[r.start] = Tag::new(*l, Part::Begin);
            for t in &mut tags[r.start + 1..r.end - 1] {
                *t = Tag::new(*l, Part::Inside);
            }
            tags[r.end - 1] = Tag::new(*l, Part::Last);
        }
    }
    tags
}

/// The entities of a tag sequence (ill-formed runs are closed where they
/// break, keeping the label of their first word).
pub fn decode(tags: &[Tag]) -> Vec<(std::ops::Range<usize>, EntLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntLabel)> = None;
    for (i, t) in tags.iter().enumerate() {
        match t.split() {
            None => {
                if let Some((s, l)) = open.take() {
                    out.push((s..i, l));
                }
            }
            Some((l, part)) => match part {
                Part::Begin | Part::Unit => {
                    if let Some((s, pl)) = open.take() {
                        out.push((s..i, pl));
                    }
                    if part == Part::Unit {
                        out.push((i..i + 1, l));
                    } else {
                        open = Some((i, l));
                    }
                }
                Part::Inside | Part::Last => {
                    let (s, ol) = open.take().unwrap_or((i, l));
                    if part == Part::Last {
                        out.push((s..i + 1, ol));
                    } else {
                        open = Some((s, ol));
                    }
                }
            },
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for i in 0..TAG_COUNT as u8 {
            let t = Tag(i);
            match t.split() {
                None => assert_eq!(i, 0),
                Some((l, p)) => assert_eq!(Tag::new(l, p), t),
            }
        }
        assert_eq!(Tag(17).split(), None);
        let spans = vec![(0..2, EntLabel::Person), (3..4, EntLabel::Place)];
        let tags = encode(5, &spans);
        assert_eq!(
            tags.iter().map(|t| t.name()).collect::<Vec<_>>(),
            ["B-PERSON", "L-PERSON", "O", "U-PLACE", "O"]
        );
        assert_eq!(decode(&tags), spans);
    }

    #[test]
    fn grammar() {
        let b = Tag::new(EntLabel::Org, Part::Begin);
        let l = Tag::new(EntLabel::Org, Part::Last);
        let lp = Tag::new(EntLabel::Person, Part::Last);
        assert!(l.may_follow(b));
        assert!(!lp.may_follow(b));
        assert!(!Tag::OUT.may_follow(b));
        assert!(!l.may_follow(Tag::OUT));
        assert!(b.may_follow(Tag::OUT));
        assert!(!b.may_end());
        // A broken run is closed, not lost.
        assert_eq!(decode(&[b, Tag::OUT]), vec![(0..1, EntLabel::Org)]);
    }
}

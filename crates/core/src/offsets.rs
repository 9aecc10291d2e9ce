//! Offset conversion at the boundary: byte offsets (inside the core) to
//! Unicode code points (JSON) or UTF-16 code units (JavaScript).
//!
//! [`OffsetMap`] keeps one checkpoint every `BLOCK` bytes, so building it is
//! O(n) in the text length with n/64 words of memory, and each lookup scans at
//! most one block: converting all m offsets of an analysis is O(n + m).

use crate::model::{Analysis, OffsetUnit};

/// Bytes between checkpoints.
const BLOCK: usize = 64;

/// Converts byte offsets of one text to another [`OffsetUnit`].
#[derive(Debug, Clone)]
pub struct OffsetMap<'a> {
    text: &'a str,
    unit: OffsetUnit,
    /// `checkpoints[i]` = offset in `unit` of byte `i * BLOCK` (rounded down to a char boundary).
    checkpoints: Vec<usize>,
}

fn unit_len(c: char, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Byte => c.len_utf8(),
        OffsetUnit::Codepoint => 1,
        OffsetUnit::Utf16 => c.len_utf16(),
    }
}

impl<'a> OffsetMap<'a> {
    /// Builds the map for `text`, converting to `unit`.
    pub fn new(text: &'a str, unit: OffsetUnit) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut count = 0usize;
        let mut next = 0usize;
        for (i, c) in text.char_indices() {
            while next <= i {
                // Byte `next` may sit inside `c`'s predecessor; the lookup
                // re-scans from the char boundary at or before it.
                checkpoints.push(count);
                next += BLOCK;
            }
            count += unit_len(c, unit);
        }
        if checkpoints.is_empty() {
            checkpoints.push(0);
        }
        OffsetMap {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset in the target unit of byte offset `byte` (clamped to the
    /// text, and rounded down to a char boundary).
    pub fn convert(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Byte {
            return byte.min(self.text.len());
        }
        let byte = byte.min(self.text.len());
        let block = (byte / BLOCK).min(self.checkpoints.len() - 1);
        // The checkpoint counts every char that starts before `block * BLOCK`.
        let mut pos = block * BLOCK;
        let mut count = self.checkpoints[block];
        // If `pos` is inside a char, that char was already counted; skip it.
        while pos < self.text.len() && !self.text.is_char_boundary(pos) {
            pos += 1;
        }
        if pos > byte {
            // `byte` lies inside the char that started before the block.
            return count;
        }
        // Count the chars that start in `pos..byte` by their lead bytes (not
        // 10xxxxxx); a 4-byte char (lead byte 11110xxx) is two UTF-16 units.
        let lead = |b: &u8| (b & 0xC0) != 0x80;
        let bytes = self.text.as_bytes().get(pos..byte).unwrap_or(&[]);
        count += bytes.iter().filter(|b| lead(b)).count();
        if self.unit == OffsetUnit::Utf16 {
            count += bytes.iter().filter(|&&b| b >= 0xF0).count();
        }
        count
    }
}

impl Analysis {
    /// Re-expresses every offset of this analysis in `unit`.
    ///
    /// The core produces byte offsets; call this once at the boundary (JSON
    /// output, JavaScript API). Converting from a unit other than bytes is not
    /// supported and leaves the value unchanged.
    pub fn convert_offsets(&mut self, unit: OffsetUnit) {
        if self.offsets != OffsetUnit::Byte || unit == OffsetUnit::Byte {
            return;
        }
        let text = std::mem::take(&mut self.text);
        {
            let map = OffsetMap::new(&text, unit);
            self.visit_offsets_mut(&mut |o: &mut usize| *o = map.convert(*o));
        }
        self.text = text;
        self.offsets = unit;
    }

    /// Calls `f` on every offset held by this analysis.
    pub fn visit_offsets_mut(&mut self, f: &mut dyn FnMut(&mut usize)) {
        let mut span = |s: &mut usize, e: &mut usize| {
            f(s);
            f(e);
        };
        for i in &mut self.ignored {
            span(&mut i.start, &mut i.end);
        }
        for s in self.paragraphs.iter_mut().chain(self.sentences.iter_mut()) {
            span(&mut s.start, &mut s.end);
        }
        for a in &mut self.actors {
            for m in &mut a.mentions {
                span(&mut m.start, &mut m.end);
            }
            for fact in &mut a.facts {
                span(&mut fact.start, &mut fact.end);
            }
        }
        for p in &mut self.proposals {
            for m in &mut p.mentions {
                span(&mut m.start, &mut m.end);
            }
            for s in &mut p.stances {
                span(&mut s.evidence.start, &mut s.evidence.end);
            }
        }
        for q in &mut self.quotes {
            span(&mut q.start, &mut q.end);
        }
        for d in &mut self.digest {
            for l in &mut d.links {
                span(&mut l.start, &mut l.end);
            }
        }
        for m in &mut self.mentions {
            span(&mut m.start, &mut m.end);
        }
        for t in &mut self.tokens {
            span(&mut t.start, &mut t.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, byte: usize, unit: OffsetUnit) -> usize {
        text[..byte].chars().map(|c| unit_len(c, unit)).sum()
    }

    #[test]
    fn converts_multibyte_text() {
        let text = "Putin’s envoy 🇺🇦 met Zoë — “talks” ".repeat(20);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            for unit in [OffsetUnit::Codepoint, OffsetUnit::Utf16, OffsetUnit::Byte] {
                assert_eq!(
                    OffsetMap::new(&text, unit).convert(b),
                    naive(&text, b, unit),
                    "byte {b} {unit:?}"
                );
            }
        }
    }

    #[test]
    fn empty_and_out_of_range() {
        let m = OffsetMap::new("", OffsetUnit::Codepoint);
        assert_eq!(m.convert(0), 0);
        assert_eq!(m.convert(10), 0);
        let m = OffsetMap::new("héllo", OffsetUnit::Codepoint);
        assert_eq!(m.convert(100), 5);
    }
}

//! Which top-level fields of an [`Analysis`] a batch record keeps
//! (`--fields` and `--no-text`).
//!
//! The field names are not listed here: they are read from the `Analysis`
//! type itself by serialising one through [`Select`], a serde serializer that
//! forwards the fields it is told to keep and records the names of all of
//! them. A field added to the `Analysis` later (a `digest`, say) is therefore
//! accepted by `--fields` and written by default without a change to the CLI.

use std::fmt;

use gloss_core::{Analysis, Options, SourceFormat};
use serde::ser::{self, Impossible, Serialize, SerializeMap, SerializeStruct, Serializer};
use serde_json::Value;

/// The key of the input's id in every output record.
pub const ID: &str = "id";

/// The key of the analysed text.
const TEXT: &str = "text";

/// The top-level field names of a serialised [`Analysis`], in output order.
pub fn analysis_fields() -> Vec<&'static str> {
    let analysis = gloss_core::analyze("", &Options::default());
    let mut names = Vec::new();
    let mut sink = serde_json::Serializer::new(std::io::sink());
    let probe = Select {
        inner: &mut sink,
        id: None,
        keep: &|_: &str| false,
        names: Some(&mut names),
    };
    // Writing to a sink cannot fail, and the Analysis is a struct.
    if analysis.serialize(probe).is_err() {
        names.clear();
    }
    names
}

/// A bad `--fields` / `--no-text` combination: the message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectionError(pub String);

impl fmt::Display for SelectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a batch record keeps of each Analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The fields to keep, or `None` for all of them.
    fields: Option<Vec<&'static str>>,
    /// Drop `text` where the input already holds it (`--no-text`).
    no_text: bool,
}

impl Default for Selection {
    /// Every field.
    fn default() -> Self {
        Selection {
            fields: None,
            no_text: false,
        }
    }
}

impl Selection {
    /// Builds a selection from `--fields` (each name trimmed; `id` is accepted
    /// and always kept) and `--no-text`, checking every name against
    /// `valid` (see [`analysis_fields`]).
    pub fn new(
        fields: Option<&[String]>,
        no_text: bool,
        valid: &[&'static str],
    ) -> Result<Selection, SelectionError> {
        let list = || format!("valid fields: {} (id is always kept)", valid.join(", "));
        let Some(requested) = fields else {
            return Ok(Selection {
                fields: None,
                no_text,
            });
        };
        let mut keep = Vec::new();
        for name in requested.iter().map(|n| n.trim()) {
            if name == ID {
                continue;
            }
            if name.is_empty() {
                return Err(SelectionError(format!(
                    "--fields has an empty name; {}",
                    list()
                )));
            }
            let Some(&known) = valid.iter().find(|v| **v == name) else {
                return Err(SelectionError(format!(
                    "unknown field '{name}' in --fields; {}",
                    list()
                )));
            };
            if known == TEXT && no_text {
                return Err(SelectionError(
                    "--fields asks for 'text' and --no-text drops it; use one of them".to_owned(),
                ));
            }
            if !keep.contains(&known) {
                keep.push(known);
            }
        }
        Ok(Selection {
            fields: Some(keep),
            no_text,
        })
    }

    /// Whether a record keeps `field` of an analysis whose input was read as
    /// `source`. `--no-text` keeps the text of HTML input: there the offsets
    /// point into the extracted story, which the input does not hold.
    fn keeps(&self, field: &str, source: SourceFormat) -> bool {
        if field == TEXT && self.no_text && source != SourceFormat::Html {
            return false;
        }
        self.fields
            .as_ref()
            .is_none_or(|keep| keep.contains(&field))
    }

    /// Serialises the record for `analysis`: `id` (when present) first, then
    /// the kept fields in the Analysis's own order.
    pub fn write<S: Serializer>(
        &self,
        serializer: S,
        id: Option<&Value>,
        analysis: &Analysis,
    ) -> Result<S::Ok, S::Error> {
        let source = analysis.source;
        analysis.serialize(Select {
            inner: serializer,
            id,
            keep: &|field: &str| self.keeps(field, source),
            names: None,
        })
    }
}

/// A serializer for one struct that writes it as a map of the fields `keep`
/// accepts, after an optional `id` entry, and records every field name
/// (written or not, including fields serde skips) in `names`.
struct Select<'a, S> {
    inner: S,
    id: Option<&'a Value>,
    keep: &'a dyn Fn(&str) -> bool,
    names: Option<&'a mut Vec<&'static str>>,
}

/// The struct half of [`Select`].
struct SelectStruct<'a, M> {
    map: M,
    keep: &'a dyn Fn(&str) -> bool,
    names: Option<&'a mut Vec<&'static str>>,
}

impl<M: SerializeMap> SerializeStruct for SelectStruct<'_, M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.skip_field(key)?;
        if (self.keep)(key) {
            self.map.serialize_entry(key, value)?;
        }
        Ok(())
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), M::Error> {
        if let Some(names) = self.names.as_deref_mut() {
            names.push(key);
        }
        Ok(())
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.map.end()
    }
}

fn not_a_struct<E: ser::Error>() -> E {
    E::custom("field selection applies to a struct")
}

/// Serializer methods that reject everything but a struct.
macro_rules! reject {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<S::Ok, S::Error> {
            Err(not_a_struct())
        })*
    };
}

impl<'a, S: Serializer> Serializer for Select<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStruct = SelectStruct<'a, S::SerializeMap>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        let mut map = self.inner.serialize_map(None)?;
        if let Some(id) = self.id {
            map.serialize_entry(ID, id)?;
        }
        Ok(SelectStruct {
            map,
            keep: self.keep,
            names: self.names,
        })
    }

    reject!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Err(not_a_struct())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Err(not_a_struct())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(selection: &Selection, id: Option<&Value>, analysis: &Analysis) -> Value {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::new(&mut out);
        selection
            .write(&mut ser, id, analysis)
            .unwrap_or_else(|e| panic!("write: {e}"));
        serde_json::from_slice(&out).unwrap_or_else(|e| panic!("JSON: {e}"))
    }

    fn keys(v: &Value) -> Vec<String> {
        v.as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    }

    #[test]
    fn names_come_from_the_analysis_type() {
        let names = analysis_fields();
        // With the optional `tokens`, every field is present.
        let with_tokens = Options {
            tokens: true,
            ..Options::default()
        };
        let analysis = gloss_core::analyze("Anna Berg met the mayor of Lyon.", &with_tokens);
        let full = serde_json::to_value(&analysis).unwrap_or(Value::Null);
        let mut want = keys(&full);
        want.sort();
        let mut got: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        got.sort();
        assert_eq!(got, want);
        assert!(names.contains(&"text") && names.contains(&"actors"));
    }

    #[test]
    fn full_selection_equals_plain_serialisation_with_id_first() {
        /// The record `gloss batch` wrote before field selection existed.
        #[derive(serde::Serialize)]
        struct Flattened<'a> {
            id: &'a Value,
            #[serde(flatten)]
            analysis: &'a Analysis,
        }
        let analysis = gloss_core::analyze("Anna Berg backed the plan.", &Options::default());
        let id = Value::from("a1");
        let mut bytes = Vec::new();
        Selection::default()
            .write(
                &mut serde_json::Serializer::new(&mut bytes),
                Some(&id),
                &analysis,
            )
            .unwrap_or_else(|e| panic!("{e}"));
        let before = serde_json::to_vec(&Flattened {
            id: &id,
            analysis: &analysis,
        })
        .unwrap_or_default();
        assert_eq!(
            String::from_utf8_lossy(&bytes),
            String::from_utf8_lossy(&before)
        );
        assert!(bytes.starts_with(b"{\"id\":\"a1\",\"schema\":"));
    }

    #[test]
    fn selections_table() {
        let valid = analysis_fields();
        // With the optional `tokens`, every field is present.
        let with_tokens = Options {
            tokens: true,
            ..Options::default()
        };
        let text_doc = gloss_core::analyze("Anna Berg backed the plan.", &with_tokens);
        let html_doc = gloss_core::analyze(
            "<p>Anna Berg backed the plan.</p><p>Jon Lee opposed it.</p>",
            &with_tokens,
        );
        assert_eq!(html_doc.source, SourceFormat::Html);
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        let all: Vec<&str> = std::iter::once("id").chain(valid.iter().copied()).collect();
        let no_text: Vec<&str> = all.iter().copied().filter(|k| *k != "text").collect();
        /// --fields, --no-text, the analysis, the keys of its record.
        type Case<'a> = (Option<Vec<String>>, bool, &'a Analysis, Vec<&'a str>);
        let cases: &[Case] = &[
            (None, false, &text_doc, all.clone()),
            (None, true, &text_doc, no_text.clone()),
            // HTML input keeps its extracted text under --no-text.
            (None, true, &html_doc, all.clone()),
            (Some(s(&["actors"])), false, &text_doc, vec!["id", "actors"]),
            // Asked order does not matter: output follows the Analysis.
            (
                Some(s(&["summary", " actors", "id", "actors"])),
                false,
                &text_doc,
                vec!["id", "actors", "summary"],
            ),
            (Some(s(&["id"])), false, &text_doc, vec!["id"]),
            (
                Some(s(&["text", "summary"])),
                false,
                &html_doc,
                vec!["id", "text", "summary"],
            ),
        ];
        let id = Value::from(7);
        for (fields, no_text, analysis, want) in cases {
            let sel = Selection::new(fields.as_deref(), *no_text, &valid)
                .unwrap_or_else(|e| panic!("{fields:?}: {e}"));
            let got = record(&sel, Some(&id), analysis);
            let mut want: Vec<String> = want.iter().map(|k| (*k).to_owned()).collect();
            let mut got_keys = keys(&got);
            want.sort();
            got_keys.sort();
            assert_eq!(got_keys, want, "{fields:?} no_text={no_text}");
        }
    }

    #[test]
    fn bad_selections_table() {
        let valid = analysis_fields();
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        for (fields, no_text, want) in [
            (s(&["actors", "bogus"]), false, "unknown field 'bogus'"),
            (s(&["Actors"]), false, "unknown field 'Actors'"),
            (s(&["actors", ""]), false, "empty name"),
            (s(&["text"]), true, "--no-text"),
        ] {
            let err = Selection::new(Some(&fields), no_text, &valid)
                .err()
                .unwrap_or_else(|| panic!("{fields:?} accepted"));
            assert!(err.0.contains(want), "{fields:?}: {err}");
            if want.starts_with("unknown") {
                assert!(err.0.contains("actors, proposals"), "lists valid: {err}");
            }
        }
    }
}

//! `gloss batch`: JSON Lines in, JSON Lines out, streamed.
//!
//! One input line is read, analysed and written before the next is read, so
//! memory is bounded by the largest single document, and a line longer than
//! [`Settings::max_bytes`] is never held whole: it becomes an error record.
//! Output order is input order; a bad line becomes an error record and
//! processing continues.

use std::io::{self, BufRead, ErrorKind, Write};

use gloss_core::{OffsetUnit, Options};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::fields::Selection;

/// Default for `--max-bytes`: 16 MiB per input line, which a news article
/// (even a saved page with its scripts) stays far below; peak memory for a
/// document of that size is about ten times its size.
pub const DEFAULT_MAX_BYTES: usize = 16 << 20;

/// How much of an over-long line is kept to find its `id`.
const ID_PREFIX_BYTES: usize = 64 << 10;

/// What a batch run does with each line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Analysis options for every document.
    pub options: Options,
    /// Which fields of each Analysis to write.
    pub selection: Selection,
    /// Longest input line analysed, in bytes (line ending excluded).
    pub max_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            options: Options::default(),
            selection: Selection::default(),
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// The fields of an input line that Gloss reads; others are ignored.
#[derive(Deserialize)]
struct InputLine {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
}

/// An output line for an input line that could not be analysed.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    /// 1-based input line number.
    line: u64,
    error: String,
}

/// Counts of what a batch run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Documents analysed.
    pub ok: u64,
    /// Lines answered with an error record.
    pub errors: u64,
}

/// The id and text of a good input line, or the id and message of a bad one.
type Parsed = Result<(Option<Value>, String), (Option<Value>, String)>;

/// Reads one input line: a JSON object with a string `text`.
fn parse_line(bytes: &[u8]) -> Parsed {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err((None, "line is not valid UTF-8".to_owned()));
    };
    // Serde would read `[id, text]` arrays as the struct too; require an object.
    if !text.trim_start().starts_with('{') {
        return Err((None, "not a JSON object".to_owned()));
    }
    let input: InputLine = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err((None, format!("invalid JSON object: {e}"))),
    };
    match input.text {
        Some(Value::String(s)) => Ok((input.id, s)),
        Some(_) => Err((input.id, "\"text\" is not a string".to_owned())),
        None => Err((input.id, "missing \"text\"".to_owned())),
    }
}

/// The `id` of a JSON object of which only the first bytes are at hand (an
/// over-long line): the top-level keys are walked in order until `id` is
/// found, and `None` is returned when it is not found before the bytes end.
fn peek_id(prefix: &[u8]) -> Option<Value> {
    let valid = match std::str::from_utf8(prefix) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&prefix[..e.valid_up_to()]).ok()?,
    };
    let mut rest = valid.trim_start().strip_prefix('{')?;
    loop {
        let mut keys = serde_json::Deserializer::from_str(rest).into_iter::<String>();
        let key = keys.next()?.ok()?;
        rest = rest[keys.byte_offset()..].trim_start().strip_prefix(':')?;
        if key == "id" {
            return serde_json::Deserializer::from_str(rest)
                .into_iter::<Value>()
                .next()?
                .ok();
        }
        let mut skip = serde_json::Deserializer::from_str(rest).into_iter::<IgnoredAny>();
        skip.next()?.ok()?;
        rest = rest[skip.byte_offset()..].trim_start().strip_prefix(',')?;
    }
}

/// What [`read_line`] found.
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// End of input.
    End,
    /// A line (in the buffer, line ending included).
    Whole,
    /// A line of this many bytes (newline excluded), over the limit; the
    /// buffer holds its first bytes only.
    TooLong(u64),
}

/// Reads one line into `buf` (cleared first), holding at most `max_bytes`
/// of it (plus the line ending); the rest of a longer line is read and
/// dropped.
fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, max_bytes: usize) -> io::Result<Line> {
    buf.clear();
    let mut total: u64 = 0;
    let mut over = false;
    loop {
        let available = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = chunk.len();
        total += n as u64;
        if !over {
            buf.extend_from_slice(chunk);
            if body_len(buf) > max_bytes {
                over = true;
                buf.truncate(ID_PREFIX_BYTES.min(max_bytes));
                buf.shrink_to(ID_PREFIX_BYTES);
            }
        }
        input.consume(n);
        if done {
            // Report the length without the newline.
            total -= 1;
            break;
        }
    }
    Ok(match (total, over) {
        (0, false) if buf.is_empty() => Line::End,
        (_, false) => Line::Whole,
        (n, true) => Line::TooLong(n),
    })
}

/// Length of the line in `buf` without its line ending (`\n`, `\r\n`, or a
/// `\r` that may be followed by `\n`), which does not count against the limit.
fn body_len(buf: &[u8]) -> usize {
    let line = buf.strip_suffix(b"\n").unwrap_or(buf);
    line.strip_suffix(b"\r").unwrap_or(line).len()
}

/// Analyses a parsed line and writes its output record (no newline) to
/// `out`, serialising straight into the writer so that a large document's
/// JSON is never held in memory whole. Returns whether it was analysed.
fn write_record(
    parsed: Parsed,
    line: u64,
    settings: &Settings,
    out: &mut dyn Write,
) -> io::Result<bool> {
    match parsed {
        Ok((id, text)) => {
            let mut analysis = gloss_core::analyze_owned(text, &settings.options);
            analysis.convert_offsets(OffsetUnit::Codepoint);
            let mut ser = serde_json::Serializer::new(&mut *out);
            settings
                .selection
                .write(&mut ser, id.as_ref(), &analysis)
                .map_err(io::Error::from)?;
            Ok(true)
        }
        Err((id, error)) => {
            let rec = ErrorRecord {
                id: id.as_ref(),
                line,
                error,
            };
            serde_json::to_writer(&mut *out, &rec).map_err(io::Error::from)?;
            Ok(false)
        }
    }
}

/// Runs a batch from `input` to `out`. Write errors (including a closed
/// pipe) are returned; input read errors are returned too.
pub fn run(input: &mut dyn BufRead, out: &mut dyn Write, settings: &Settings) -> io::Result<Stats> {
    let mut stats = Stats::default();
    let mut buf: Vec<u8> = Vec::new();
    let mut line_no = 0u64;
    loop {
        let parsed = match read_line(input, &mut buf, settings.max_bytes)? {
            Line::End => break,
            Line::Whole => {
                line_no += 1;
                let line = trim_ascii(&buf);
                if line.is_empty() {
                    continue;
                }
                parse_line(line)
            }
            Line::TooLong(bytes) => {
                line_no += 1;
                Err((
                    peek_id(&buf),
                    format!(
                        "line is {bytes} bytes, over the limit of {} bytes (--max-bytes); not analysed",
                        settings.max_bytes
                    ),
                ))
            }
        };
        // Do not keep a huge line's buffer while it is analysed, nor for the
        // rest of the run.
        if buf.capacity() > 1 << 20 {
            buf = Vec::new();
        }
        if write_record(parsed, line_no, settings, out)? {
            stats.ok += 1;
        } else {
            stats.errors += 1;
        }
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(stats)
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    &b[start..end.max(start)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with(input: &str, settings: &Settings) -> (Vec<Value>, Stats) {
        let mut out = Vec::new();
        let stats = run(&mut input.as_bytes(), &mut out, settings)
            .unwrap_or_else(|e| panic!("batch failed: {e}"));
        let lines = String::from_utf8(out).unwrap_or_default();
        let values = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
            .collect();
        (values, stats)
    }

    fn run_str(input: &str) -> (Vec<Value>, Stats) {
        run_with(input, &Settings::default())
    }

    #[test]
    fn records_and_errors_in_order() {
        let input = "{\"id\":\"a\",\"text\":\"Putin met Witkoff.\",\"extra\":1}\n\
                     not json\n\
                     \n\
                     {\"id\":7,\"text\":42}\n\
                     {\"id\":\"c\"}\n\
                     {\"id\":\"d\",\"text\":\"Zelenskyy spoke.\"}";
        let (v, stats) = run_str(input);
        assert_eq!(stats, Stats { ok: 2, errors: 3 });
        assert_eq!(v.len(), 5);
        assert_eq!(v[0]["id"], "a");
        assert_eq!(v[0]["schema"], 1);
        assert_eq!(v[0]["offsets"], "codepoint");
        assert!(v[0]["mentions"].is_array());
        assert!(v[1]["error"].as_str().is_some_and(|e| e.contains("JSON")));
        assert_eq!(v[1]["line"], 2);
        assert_eq!(v[2]["id"], 7);
        assert!(v[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("not a string")));
        assert_eq!(v[3]["id"], "c");
        assert!(v[3]["error"]
            .as_str()
            .is_some_and(|e| e.contains("missing")));
        assert_eq!(v[4]["id"], "d");
        assert!(v[4].get("error").is_none());
    }

    #[test]
    fn invalid_utf8_line_is_an_error_record() {
        let mut input: Vec<u8> = b"{\"id\":\"x\",\"text\":\"caf".to_vec();
        input.extend_from_slice(&[0xff, 0xfe]);
        input.extend_from_slice(b"\"}\n{\"id\":\"y\",\"text\":\"ok\"}\n");
        let mut out = Vec::new();
        let stats = run(&mut input.as_slice(), &mut out, &Settings::default());
        assert_eq!(stats.ok(), Some(Stats { ok: 1, errors: 1 }));
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.lines().next().is_some_and(|l| l.contains("UTF-8")));
    }

    #[test]
    fn read_line_table() {
        /// What one call returns and the buffer after it.
        type Step = (Line, &'static [u8]);
        // (input, limit, steps)
        let cases: &[(&[u8], usize, &[Step])] = &[
            (b"", 10, &[(Line::End, b"")]),
            (
                b"ab\ncd",
                10,
                &[
                    (Line::Whole, b"ab\n"),
                    (Line::Whole, b"cd"),
                    (Line::End, b""),
                ],
            ),
            (
                b"\n\n",
                10,
                &[(Line::Whole, b"\n"), (Line::Whole, b"\n"), (Line::End, b"")],
            ),
            // The line ending does not count against the limit.
            (
                b"abc\r\nx",
                3,
                &[
                    (Line::Whole, b"abc\r\n"),
                    (Line::Whole, b"x"),
                    (Line::End, b""),
                ],
            ),
            (
                b"abcd\nx\n",
                3,
                &[
                    (Line::TooLong(4), b"abc"),
                    (Line::Whole, b"x\n"),
                    (Line::End, b""),
                ],
            ),
            (
                b"abcdef",
                3,
                &[(Line::TooLong(6), b"abc"), (Line::End, b"")],
            ),
        ];
        for (input, limit, steps) in cases {
            // A one-byte buffer makes every line span many fill_buf calls.
            let mut reader = io::BufReader::with_capacity(1, *input);
            let mut buf = Vec::new();
            for (i, (want, want_buf)) in steps.iter().enumerate() {
                let got =
                    read_line(&mut reader, &mut buf, *limit).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(&got, want, "{:?} step {i}", String::from_utf8_lossy(input));
                assert_eq!(
                    buf.as_slice(),
                    *want_buf,
                    "{:?} step {i}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }

    #[test]
    fn peek_id_table() {
        let cases: &[(&str, Option<Value>)] = &[
            (
                r#"{"id":"a1","text":"Anna Berg sa"#,
                Some(Value::from("a1")),
            ),
            (
                r#" { "text_len": 5, "meta": {"id": 1}, "id" : [1, "x"], "text":"#,
                Some(serde_json::json!([1, "x"])),
            ),
            (r#"{"text":"Anna Berg said","id":3}"#, Some(Value::from(3))),
            // The id comes after a text that is cut off: not found.
            (r#"{"text":"Anna Berg sa"#, None),
            (r#"{"id":"a1"#, None),
            (r#"["a1","text"]"#, None),
            ("not json", None),
        ];
        for (prefix, want) in cases {
            assert_eq!(&peek_id(prefix.as_bytes()), want, "{prefix}");
        }
        // A prefix cut inside a multi-byte character.
        let bytes = b"{\"id\":\"caf\xc3\xa9\",\"text\":\"\xc3";
        assert_eq!(peek_id(bytes), Some(Value::from("caf\u{e9}")));
    }

    #[test]
    fn over_long_line_is_an_error_record() {
        let long = "Anna Berg met Jon Lee in Lyon. ".repeat(40);
        let input = format!(
            "{}\n{}\n{}\n",
            serde_json::json!({"id": "short", "text": "Anna Berg spoke."}),
            serde_json::json!({"id": "long", "text": long}),
            serde_json::json!({"id": "after", "text": "Jon Lee spoke."}),
        );
        let settings = Settings {
            max_bytes: 200,
            ..Settings::default()
        };
        let (v, stats) = run_with(&input, &settings);
        assert_eq!(stats, Stats { ok: 2, errors: 1 });
        assert_eq!(v[0]["id"], "short");
        assert_eq!(v[1]["id"], "long");
        assert_eq!(v[1]["line"], 2);
        let err = v[1]["error"].as_str().unwrap_or("");
        assert!(err.contains("--max-bytes") && err.contains("200"), "{err}");
        assert_eq!(v[2]["id"], "after");
        assert!(v[2].get("error").is_none());
    }
}

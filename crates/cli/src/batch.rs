//! `gloss batch`: JSON Lines in, JSON Lines out, streamed.
//!
//! One input line is read, analysed and written before the next is read, so
//! memory is bounded by the largest single document. Output order is input
//! order; a bad line becomes an error record and processing continues.

use std::io::{self, BufRead, Write};

use gloss_core::{Analysis, OffsetUnit, Options};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The fields of an input line that Gloss reads; others are ignored.
#[derive(Deserialize)]
struct InputLine {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    text: Option<Value>,
}

/// An output line: the `id` next to the flattened [`Analysis`].
#[derive(Serialize)]
struct Record<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    #[serde(flatten)]
    analysis: &'a Analysis,
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

/// Analyses a parsed line and writes its output record (no newline) to
/// `out`, serialising straight into the writer so that a large document's
/// JSON is never held in memory whole. Returns whether it was analysed.
fn write_record(
    parsed: Parsed,
    line: u64,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<bool> {
    match parsed {
        Ok((id, text)) => {
            let mut analysis = gloss_core::analyze_owned(text, options);
            analysis.convert_offsets(OffsetUnit::Codepoint);
            let rec = Record {
                id: id.as_ref(),
                analysis: &analysis,
            };
            serde_json::to_writer(&mut *out, &rec).map_err(io::Error::from)?;
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
pub fn run(input: &mut dyn BufRead, out: &mut dyn Write, options: &Options) -> io::Result<Stats> {
    let mut stats = Stats::default();
    let mut buf: Vec<u8> = Vec::new();
    let mut line_no = 0u64;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let line = trim_ascii(&buf);
        if line.is_empty() {
            continue;
        }
        let parsed = parse_line(line);
        // Do not keep a huge line's buffer while it is analysed, nor for the
        // rest of the run.
        if buf.capacity() > 1 << 20 {
            buf = Vec::new();
        }
        if write_record(parsed, line_no, options, out)? {
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

    fn run_str(input: &str) -> (Vec<Value>, Stats) {
        let mut out = Vec::new();
        let stats = run(&mut input.as_bytes(), &mut out, &Options::default())
            .unwrap_or_else(|e| panic!("batch failed: {e}"));
        let lines = String::from_utf8(out).unwrap_or_default();
        let values = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or(Value::Null))
            .collect();
        (values, stats)
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
        let stats = run(&mut input.as_slice(), &mut out, &Options::default());
        assert_eq!(stats.ok(), Some(Stats { ok: 1, errors: 1 }));
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.lines().next().is_some_and(|l| l.contains("UTF-8")));
    }
}

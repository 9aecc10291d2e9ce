//! Command-line parsing (hand-written: no dependency, fast to compile).

use std::ffi::OsString;
use std::path::PathBuf;

use gloss_core::InputFormat;

/// Output format of `gloss analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The `Analysis` as pretty JSON, code-point offsets.
    Json,
    /// The `Analysis` as one line of JSON.
    JsonCompact,
    /// A readable plain-text report.
    Text,
    /// A Markdown report.
    Markdown,
    /// A self-contained HTML page (highlights, cards, stance map; no script).
    Html,
}

/// Where input comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input (no file, or `-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

/// Settings shared by both commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Common {
    /// The input.
    pub input: Input,
    /// Summary length in sentences.
    pub summary_sentences: usize,
    /// How to read the text.
    pub input_format: InputFormat,
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `gloss analyze`.
    Analyze(Common, Format),
    /// `gloss batch`.
    Batch(Common),
    /// Print this help text to stdout and exit 0.
    Help(&'static str),
    /// Print the version and exit 0.
    Version,
}

/// Top-level help.
pub const MAIN_HELP: &str = "\
gloss - explain a news article: actors, proposals, stances and a summary

Usage:
  gloss analyze [FILE|-] [OPTIONS]   analyse one article (text or HTML)
  gloss batch [FILE|-] [OPTIONS]     analyse JSON Lines: {\"id\",\"text\"} per line
  gloss help [COMMAND]               show help for a command
  gloss --version                    show the version

Input is read from FILE, or from standard input when FILE is missing or '-'.
It must be UTF-8. Offsets in JSON output count Unicode code points.

Exit codes: 0 success, 1 input/output error, 2 usage error.
Run 'gloss help analyze' or 'gloss help batch' for options.
";

/// Help for `gloss analyze`.
pub const ANALYZE_HELP: &str = "\
gloss analyze - analyse one article

Usage: gloss analyze [FILE|-] [OPTIONS]

Options:
  -f, --format FORMAT          json (default), json-compact, text, markdown or html
  -n, --summary-sentences N    summary length in sentences (default 3)
      --html                   read the input as HTML (default: detect)
      --plain                  read the input as plain text, even if it looks like HTML
  -h, --help                   show this help

JSON output is the Analysis object (schema 1, docs/schema.md) with code-point
offsets. text and markdown print a readable report: summary, actors with their
kinds, descriptions and facts, proposals with who stands where and evidence.
";

/// Help for `gloss batch`.
pub const BATCH_HELP: &str = "\
gloss batch - analyse many articles, JSON Lines in and out

Usage: gloss batch [FILE|-] [OPTIONS]

Each input line is a JSON object with a string \"text\" (and usually an \"id\";
other fields are ignored). Each output line is the Analysis of that line with
its \"id\" at the top level, in input order. A bad line (invalid JSON, missing
or non-string \"text\", invalid UTF-8) gives {\"id\": ..., \"line\": N, \"error\": ...}
and processing continues. Blank lines are skipped.

Options:
  -n, --summary-sentences N    summary length in sentences (default 3)
      --html                   read every text as HTML (default: detect)
      --plain                  read every text as plain text
  -h, --help                   show this help
";

/// A usage error: a message for stderr (exit code 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: impl Into<String>) -> Result<T, UsageError> {
    Err(UsageError(msg.into()))
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else {
        return err("missing command; try 'gloss --help'");
    };
    let first = first.to_string_lossy().into_owned();
    let (is_batch, help) = match first.as_str() {
        "-h" | "--help" => return Ok(Command::Help(MAIN_HELP)),
        "-V" | "--version" => return Ok(Command::Version),
        "help" => {
            let topic = args.next().map(|a| a.to_string_lossy().into_owned());
            return match topic.as_deref() {
                None => Ok(Command::Help(MAIN_HELP)),
                Some("analyze") => Ok(Command::Help(ANALYZE_HELP)),
                Some("batch") => Ok(Command::Help(BATCH_HELP)),
                Some(other) => err(format!("unknown command '{other}'; try 'gloss --help'")),
            };
        }
        "analyze" | "analyse" => (false, ANALYZE_HELP),
        "batch" => (true, BATCH_HELP),
        other => return err(format!("unknown command '{other}'; try 'gloss --help'")),
    };
    let mut input: Option<Input> = None;
    let mut format = Format::Json;
    let mut summary_sentences = gloss_core::Options::default().summary_sentences;
    let mut input_format = InputFormat::Auto;
    let mut only_positional = false;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        if only_positional || text == "-" || !text.starts_with('-') {
            if input.is_some() {
                return err(format!("unexpected argument '{text}': only one input file"));
            }
            input = Some(if text == "-" {
                Input::Stdin
            } else {
                Input::File(PathBuf::from(arg))
            });
            continue;
        }
        // `--name=value` or `--name value`.
        let (name, inline) = match text.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (text.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, UsageError> {
            match inline
                .clone()
                .or_else(|| args.next().map(|a| a.to_string_lossy().into_owned()))
            {
                Some(v) => Ok(v),
                None => err(format!("{name} needs a value ({what})")),
            }
        };
        match name.as_str() {
            "--" => only_positional = true,
            "-h" | "--help" => return Ok(Command::Help(help)),
            "-f" | "--format" if !is_batch => {
                let v = value("json, json-compact, text or markdown")?;
                format = match v.as_str() {
                    "json" => Format::Json,
                    "json-compact" | "jsonl" => Format::JsonCompact,
                    "text" | "txt" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "html" => Format::Html,
                    _ => {
                        return err(format!(
                            "unknown format '{v}': use json, json-compact, text, markdown or html"
                        ))
                    }
                };
            }
            "-n" | "--summary-sentences" => {
                let v = value("a number")?;
                summary_sentences = match v.parse::<usize>() {
                    Ok(n) if n <= 1000 => n,
                    _ => {
                        return err(format!(
                            "--summary-sentences needs a number from 0 to 1000, not '{v}'"
                        ))
                    }
                };
            }
            "--html" => input_format = InputFormat::Html,
            "--plain" | "--text" => input_format = InputFormat::Text,
            _ => {
                let cmd = if is_batch { "batch" } else { "analyze" };
                return err(format!(
                    "unknown option '{name}' for '{cmd}'; try 'gloss help {cmd}'"
                ));
            }
        }
    }
    let common = Common {
        input: input.unwrap_or(Input::Stdin),
        summary_sentences,
        input_format,
    };
    Ok(if is_batch {
        Command::Batch(common)
    } else {
        Command::Analyze(common, format)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn parses_analyze() {
        let c = p(&[
            "analyze", "a.txt", "--format", "markdown", "-n", "5", "--html",
        ]);
        assert_eq!(
            c,
            Ok(Command::Analyze(
                Common {
                    input: Input::File("a.txt".into()),
                    summary_sentences: 5,
                    input_format: InputFormat::Html,
                },
                Format::Markdown
            ))
        );
        let c = p(&["analyze", "--format=text", "-"]);
        assert!(matches!(c, Ok(Command::Analyze(ref x, Format::Text)) if x.input == Input::Stdin));
    }

    #[test]
    fn parses_batch_and_help() {
        assert!(matches!(p(&["batch"]), Ok(Command::Batch(_))));
        assert_eq!(p(&["batch", "-h"]), Ok(Command::Help(BATCH_HELP)));
        assert_eq!(p(&["help", "analyze"]), Ok(Command::Help(ANALYZE_HELP)));
        assert_eq!(p(&["--version"]), Ok(Command::Version));
        assert!(
            matches!(p(&["analyze", "--", "-odd-name"]), Ok(Command::Analyze(ref c, _)) if c.input == Input::File("-odd-name".into()))
        );
    }

    #[test]
    fn rejects_bad_usage() {
        assert!(p(&[]).is_err());
        assert!(p(&["frobnicate"]).is_err());
        assert!(p(&["analyze", "--format", "xml"]).is_err());
        assert!(p(&["analyze", "--format"]).is_err());
        assert!(p(&["analyze", "-n", "lots"]).is_err());
        assert!(p(&["analyze", "a", "b"]).is_err());
        assert!(p(&["batch", "--format", "text"]).is_err());
        assert!(p(&["analyze", "--bogus"]).is_err());
    }
}

//! Command-line parsing: the `clap` definition of `gloss` and its commands,
//! and the conversion of what clap parsed into a [`Command`] to run.
//!
//! clap writes the help text, the usage errors (with suggestions for
//! misspelt options) and the shell completions. Errors are folded into one
//! line for standard error, as the CLI has always printed them.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::RangedU64ValueParser;
use clap::error::ErrorKind;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;
use gloss_core::InputFormat;

use crate::batch::{self, DEFAULT_MAX_BYTES};
use crate::fields::{self, Selection};

/// Output format of `gloss analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The Analysis as pretty JSON, code-point offsets.
    Json,
    /// The Analysis as one line of JSON.
    #[value(alias = "jsonl")]
    JsonCompact,
    /// A readable plain-text report.
    #[value(alias = "txt")]
    Text,
    /// A Markdown report.
    #[value(alias = "md")]
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
    /// Add every word's part of speech and dependency (`tokens`).
    pub tokens: bool,
}

impl Common {
    /// The analysis options these settings ask for.
    pub fn options(&self) -> gloss_core::Options {
        gloss_core::Options {
            summary_sentences: self.summary_sentences,
            input: self.input_format,
            tokens: self.tokens,
        }
    }
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// `gloss analyze`.
    Analyze(Common, Format),
    /// `gloss batch`.
    Batch(Common, batch::Settings),
    /// `gloss conllu`: re-annotate CoNLL-U with the tagger and parser.
    Conllu(Input),
    /// `gloss completions SHELL`: print the completion script.
    Completions(Shell),
    /// Print this text (help or version) to stdout and exit 0.
    Print(String),
}

/// What follows the commands in `gloss --help`.
const MAIN_AFTER: &str = "\
Input is read from FILE, or from standard input when FILE is missing or '-'.
It must be UTF-8. Offsets in JSON output count Unicode code points.

Exit codes: 0 success, 1 input/output error, 2 usage error.
Run 'gloss help analyze', 'gloss help batch' or 'gloss help conllu' for options.";

/// What follows the options in `gloss help conllu`.
const CONLLU_AFTER: &str = "\
Reads CoNLL-U (https://universaldependencies.org/format.html) and writes it
back with UPOS, HEAD and DEPREL predicted by Gloss's tagger and parser, on the
input's own words and sentence breaks; other columns, comments and
multiword-token lines are kept, DEPS is cleared. Score the result against the
gold file with: python3 scripts/eval_ud.py GOLD PRED";

/// What follows the options in `gloss help analyze`.
const ANALYZE_AFTER: &str = "\
JSON output is the Analysis object (schema 1, docs/schema.md) with code-point
offsets. text and markdown print a readable report: summary, actors with their
kinds, descriptions and facts, proposals with who stands where and evidence.";

/// What follows the options in `gloss help batch`.
const BATCH_AFTER: &str = "\
Each input line is a JSON object with a string \"text\" (and usually an \"id\";
other fields are ignored). Each output line is the Analysis of that line with
its \"id\" at the top level, in input order. A bad line (invalid JSON, missing
or non-string \"text\", invalid UTF-8, longer than --max-bytes) gives
{\"id\": ..., \"line\": N, \"error\": ...} and processing continues; \"line\"
counts the lines this process read. Blank lines are skipped.

Lean output for archives:
  gloss batch --fields actors,proposals,summary    only these fields (and id)
  gloss batch --no-text                           all but the text, which the
                                                  input holds already
Parallel: parallel --pipe --keep-order --block 8M gloss batch < in.jsonl > out.jsonl";

/// `gloss`: the whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    about = "gloss - explain a news article: actors, proposals, stances and a summary",
    after_help = MAIN_AFTER,
    subcommand_required = true
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// The commands.
#[derive(Debug, Subcommand)]
enum Cmd {
    /// Analyse one article (text or HTML)
    #[command(visible_alias = "analyse", after_help = ANALYZE_AFTER)]
    Analyze(AnalyzeArgs),
    /// Analyse JSON Lines: {"id","text"} per line
    #[command(after_help = BATCH_AFTER)]
    Batch(BatchArgs),
    /// Tag and parse CoNLL-U: fill UPOS, HEAD and DEPREL
    #[command(after_help = CONLLU_AFTER)]
    Conllu {
        /// Input file; standard input when missing or '-'
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    #[command(after_help = "Example: gloss completions bash > /etc/bash_completion.d/gloss")]
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// Input and analysis options of both commands.
#[derive(Debug, Args)]
struct InputArgs {
    /// Input file; standard input when missing or '-'
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
    /// Summary length in sentences (0 to 1000)
    #[arg(
        short = 'n',
        long,
        value_name = "N",
        default_value_t = gloss_core::Options::default().summary_sentences,
        value_parser = RangedU64ValueParser::<usize>::new().range(0..=1000)
    )]
    summary_sentences: usize,
    /// Read the input as HTML (default: detect)
    #[arg(long, overrides_with = "plain")]
    html: bool,
    /// Read the input as plain text, even if it looks like HTML
    #[arg(long, visible_alias = "text", overrides_with = "html")]
    plain: bool,
    /// Add "tokens" to the JSON: every word's part of speech, head and relation
    #[arg(long)]
    tokens: bool,
}

/// `gloss analyze` options.
#[derive(Debug, Args)]
struct AnalyzeArgs {
    /// Output format
    #[arg(short, long, value_enum, value_name = "FORMAT", default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    input: InputArgs,
}

/// `gloss batch` options.
#[derive(Debug, Args)]
struct BatchArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Keep only these top-level Analysis fields (and id)
    ///
    /// Comma-separated names of top-level fields of the Analysis, such as
    /// actors,proposals,summary; id is always kept, and the fields come in the
    /// Analysis's own order. 'gloss batch --fields help' lists the names.
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    fields: Option<Vec<String>>,
    /// Leave out "text", which the input holds already
    ///
    /// Offsets stay valid against the input's "text". Records of HTML input
    /// keep "text": their offsets point into the story extracted from the
    /// markup, which the input does not hold.
    #[arg(long)]
    no_text: bool,
    /// Longest input line analysed, in bytes (K, M, G: binary multiples)
    ///
    /// A longer line is not read into memory whole: it gives an error record
    /// (with its id when the id comes before the text) and the run goes on.
    #[arg(long, value_name = "BYTES", default_value = "16M", value_parser = parse_size)]
    max_bytes: usize,
}

/// Parses a size such as `65536`, `64K`, `16M` or `1G` (binary multiples).
fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a size such as 65536, 64K, 16M or 1G"))?;
    let bytes = n
        .checked_mul(1usize << shift)
        .ok_or_else(|| format!("'{s}' is too large"))?;
    if bytes == 0 {
        return Err("the limit must be at least 1 byte".to_owned());
    }
    Ok(bytes)
}

/// FILE, or standard input when missing or `-`.
fn input_of(file: Option<PathBuf>) -> Input {
    match file {
        None => Input::Stdin,
        Some(p) if p.as_os_str() == "-" => Input::Stdin,
        Some(p) => Input::File(p),
    }
}

impl InputArgs {
    fn common(self) -> Common {
        Common {
            input: input_of(self.file),
            tokens: self.tokens,
            summary_sentences: self.summary_sentences,
            input_format: if self.html {
                InputFormat::Html
            } else if self.plain {
                InputFormat::Text
            } else {
                InputFormat::Auto
            },
        }
    }
}

/// A usage error: one line for stderr (exit code 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The clap command, for completions and help.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let args: Vec<OsString> = args.into_iter().collect();
    let program = std::iter::once(OsString::from("gloss"));
    let cli =
        match Cli::try_parse_from(program.chain(args.iter().cloned())) {
            Ok(cli) => cli,
            Err(e) => return match e.kind() {
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                    Ok(Command::Print(e.render().to_string()))
                }
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => Err(UsageError(
                    "missing command: analyze, batch, conllu or completions; try 'gloss --help'"
                        .to_owned(),
                )),
                _ => Err(UsageError(one_line(&e, &args))),
            },
        };
    Ok(match cli.command {
        Cmd::Analyze(a) => Command::Analyze(a.input.common(), a.format),
        Cmd::Completions { shell } => Command::Completions(shell),
        Cmd::Conllu { file } => Command::Conllu(input_of(file)),
        Cmd::Batch(b) => {
            let valid = fields::analysis_fields();
            if b.fields.as_deref() == Some(&["help".to_owned()][..]) {
                return Ok(Command::Print(format!(
                    "Analysis fields for --fields (id is always kept):\n  {}\n",
                    valid.join("\n  ")
                )));
            }
            let selection = Selection::new(b.fields.as_deref(), b.no_text, &valid)
                .map_err(|e| UsageError(e.0))?;
            let common = b.input.common();
            let settings = batch::Settings {
                options: common.options(),
                selection,
                max_bytes: b.max_bytes,
            };
            Command::Batch(common, settings)
        }
    })
}

/// Folds a clap error into one line: its message, tips and possible values,
/// without the usage block, ending with where to find help.
fn one_line(e: &clap::Error, args: &[OsString]) -> String {
    let rendered = e.render().to_string();
    let mut parts: Vec<String> = Vec::new();
    for line in rendered.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("Usage:") || line.starts_with("For more information")
        {
            continue;
        }
        let line = line.strip_prefix("error: ").unwrap_or(line);
        let line = line.strip_prefix("tip: ").unwrap_or(line);
        match parts.last_mut() {
            // "[possible values: …]" belongs to the message before it.
            Some(last) if line.starts_with('[') => *last = format!("{last} {line}"),
            _ => parts.push(line.to_owned()),
        }
    }
    // The command the user was running, for the pointer to its help.
    let sub = args
        .iter()
        .find_map(|a| match a.to_str() {
            Some(s @ ("analyze" | "batch" | "conllu" | "completions")) => Some(s),
            Some("analyse") => Some("analyze"),
            _ => None,
        })
        .filter(|_| e.kind() != ErrorKind::InvalidSubcommand);
    let help = match sub {
        Some(s) => format!("try 'gloss help {s}'"),
        None => "try 'gloss --help'".to_owned(),
    };
    if parts.is_empty() {
        return help;
    }
    format!("{}; {help}", parts.join("; "))
}

// `--max-bytes`'s default is written "16M" for the help text: keep it equal
// to the batch module's constant.
const _: () = assert!(DEFAULT_MAX_BYTES == 16 << 20);

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn clap_definition_is_consistent() {
        command().debug_assert();
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
                    tokens: false,
                },
                Format::Markdown
            ))
        );
        let c = p(&["analyze", "--format=text", "-"]);
        assert!(matches!(c, Ok(Command::Analyze(ref x, Format::Text)) if x.input == Input::Stdin));
        // Aliases of formats and of the command; the last of --html/--plain wins.
        let c = p(&["analyse", "-f", "md", "--html", "--plain"]);
        assert!(
            matches!(c, Ok(Command::Analyze(ref x, Format::Markdown)) if x.input_format == InputFormat::Text)
        );
        let c = p(&["analyze", "-fjsonl", "--text"]);
        assert!(matches!(c, Ok(Command::Analyze(_, Format::JsonCompact))));
    }

    #[test]
    fn parses_batch_and_help() {
        assert!(matches!(p(&["batch"]), Ok(Command::Batch(_, _))));
        for args in [&["batch", "-h"][..], &["help", "analyze"], &["--version"]] {
            assert!(matches!(p(args), Ok(Command::Print(_))), "{args:?}");
        }
        assert!(
            matches!(p(&["analyze", "--", "-odd-name"]), Ok(Command::Analyze(ref c, _)) if c.input == Input::File("-odd-name".into()))
        );
        let Ok(Command::Batch(_, s)) = p(&["batch", "--max-bytes", "64K", "-n", "0"]) else {
            panic!("batch with a limit");
        };
        assert_eq!(s.max_bytes, 64 << 10);
        assert_eq!(s.options.summary_sentences, 0);
        let Ok(Command::Print(list)) = p(&["batch", "--fields", "help"]) else {
            panic!("--fields help");
        };
        assert!(
            list.contains("actors") && list.contains("summary"),
            "{list}"
        );
        assert_eq!(p(&["conllu"]), Ok(Command::Conllu(Input::Stdin)));
        assert_eq!(
            p(&["conllu", "x.conllu"]),
            Ok(Command::Conllu(Input::File("x.conllu".into())))
        );
        assert!(matches!(p(&["analyze", "--tokens"]), Ok(Command::Analyze(ref c, _)) if c.tokens));
        assert!(matches!(
            p(&["completions", "bash"]),
            Ok(Command::Completions(Shell::Bash))
        ));
    }

    #[test]
    fn sizes() {
        for (s, want) in [
            ("1", Ok(1)),
            ("65536", Ok(65536)),
            ("64K", Ok(65536)),
            ("16m", Ok(16 << 20)),
            ("1G", Ok(1 << 30)),
            ("0", Err(())),
            ("", Err(())),
            ("M", Err(())),
            ("-1", Err(())),
            ("1.5M", Err(())),
            ("99999999999999999999G", Err(())),
        ] {
            assert_eq!(parse_size(s).map_err(|_| ()), want, "{s:?}");
        }
    }

    #[test]
    fn rejects_bad_usage_in_one_line() {
        for (args, says) in [
            (&[][..], "missing command"),
            (&["frobnicate"], "unrecognized subcommand 'frobnicate'"),
            (&["analyze", "--format", "xml"], "possible values"),
            (&["analyze", "--format"], "--format"),
            (&["analyze", "-n", "lots"], "lots"),
            (&["analyze", "-n", "1001"], "1001"),
            (&["analyze", "a", "b"], "'b'"),
            (&["batch", "--format", "text"], "--format"),
            (&["analyze", "--bogus"], "--bogus"),
            (
                &["analyze", "--summary-sentence", "2"],
                "--summary-sentences",
            ),
            (
                &["batch", "--fields", "actors,nope"],
                "unknown field 'nope'",
            ),
            (&["batch", "--fields", "text", "--no-text"], "--no-text"),
            (&["batch", "--max-bytes", "0"], "at least 1 byte"),
            (&["completions", "tcsh"], "tcsh"),
        ] {
            let e = p(args).err().unwrap_or_else(|| panic!("{args:?} accepted"));
            assert!(e.0.contains(says), "{args:?}: {e}");
            assert!(!e.0.contains('\n'), "{args:?}: {e}");
        }
        let e = p(&["batch", "--bogus"]).err().unwrap_or_else(|| panic!());
        assert!(e.0.ends_with("try 'gloss help batch'"), "{e}");
    }
}

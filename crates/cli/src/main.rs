//! `gloss`: the command-line interface to the Gloss analysis core.
//!
//! `gloss analyze` explains one article (JSON, text, Markdown or HTML);
//! `gloss batch` streams JSON Lines (whole or lean records); `gloss
//! conllu` tags and parses CoNLL-U (how the syntax models are scored);
//! `gloss completions` prints a shell completion script. The command line is
//! defined with clap in [`args`]. See `docs/cli.md` and `gloss --help`.
//! Exit codes: 0 success, 1 input/output error, 2 usage error; a closed
//! output pipe (`gloss batch big.jsonl | head -1`) ends quietly with 0.
#![forbid(unsafe_code)]

mod args;
mod batch;
mod fields;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, ErrorKind, Read, Write};
use std::process::ExitCode;

use args::{Command, Common, Format, Input};
use gloss_core::OffsetUnit;
use gloss_render::report;

/// Exit code for input/output errors.
const EXIT_IO: u8 = 1;
/// Exit code for usage errors.
const EXIT_USAGE: u8 = 2;

/// A failure that ends the program.
enum Failure {
    /// Bad command line.
    Usage(String),
    /// Unreadable or invalid input, or an output error.
    Io(String),
    /// Standard output was closed by the reader: stop quietly.
    BrokenPipe,
}

fn describe(input: &Input) -> String {
    match input {
        Input::Stdin => "standard input".to_owned(),
        Input::File(p) => p.display().to_string(),
    }
}

fn read_error(input: &Input, e: &io::Error) -> Failure {
    let what = describe(input);
    Failure::Io(match e.kind() {
        ErrorKind::NotFound => format!("cannot read {what}: no such file"),
        ErrorKind::PermissionDenied => format!("cannot read {what}: permission denied"),
        ErrorKind::InvalidData => format!("{what} is not valid UTF-8 text"),
        _ => format!("cannot read {what}: {e}"),
    })
}

fn write_error(e: &io::Error) -> Failure {
    if e.kind() == ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Io(format!("cannot write output: {e}"))
    }
}

fn open(input: &Input) -> Result<Box<dyn BufRead>, Failure> {
    Ok(match input {
        Input::Stdin => Box::new(io::stdin().lock()),
        Input::File(path) => {
            let file = File::open(path).map_err(|e| read_error(input, &e))?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(Failure::Io(format!(
                    "cannot read {}: it is a directory",
                    describe(input)
                )));
            }
            Box::new(BufReader::with_capacity(1 << 16, file))
        }
    })
}

/// The whole input as UTF-8 text.
fn read_text(input: &Input) -> Result<String, Failure> {
    let mut reader = open(input)?;
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(input, &e))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Failure::Io(format!(
            "{} is not valid UTF-8 text (invalid byte at offset {at}); convert it first, e.g. with iconv",
            describe(input)
        ))
    })
}

/// `gloss conllu`: the input with UPOS, HEAD and DEPREL predicted.
fn conllu(input: &Input) -> Result<(), Failure> {
    let text = read_text(input)?;
    let output = gloss_core::Analyzer::shared()
        .annotate_conllu(&text)
        .map_err(|e| Failure::Io(format!("{}: {e}", describe(input))))?;
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(output.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_error(&e))
}

fn analyze(common: &Common, format: Format) -> Result<(), Failure> {
    let text = read_text(&common.input)?;
    let mut analysis = gloss_core::analyze(&text, &common.options());
    drop(text);
    let output = match format {
        Format::Json | Format::JsonCompact => {
            analysis.convert_offsets(OffsetUnit::Codepoint);
            let json = if format == Format::Json {
                serde_json::to_string_pretty(&analysis)
            } else {
                serde_json::to_string(&analysis)
            };
            json.map_err(|e| Failure::Io(format!("cannot serialise the analysis: {e}")))?
        }
        Format::Text => report::render(&analysis, report::Style::Text),
        Format::Markdown => report::render(&analysis, report::Style::Markdown),
        Format::Html => gloss_render::export::html_page(&analysis)
            .map_err(|e| Failure::Io(format!("cannot render the page: {e}")))?,
    };
    let mut out = BufWriter::new(io::stdout().lock());
    out.write_all(output.as_bytes())
        .and_then(|()| {
            if output.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|()| out.flush())
        .map_err(|e| write_error(&e))
}

fn batch(common: &Common, settings: &batch::Settings) -> Result<(), Failure> {
    let mut reader = open(&common.input)?;
    let mut out = BufWriter::new(io::stdout().lock());
    // Tell read errors from write errors: wrap the writer to remember failures.
    let mut tracked = Tracked {
        inner: &mut out,
        failed: None,
    };
    match batch::run(&mut reader, &mut tracked, settings) {
        Ok(_) => Ok(()),
        Err(e) => match tracked.failed {
            Some(kind) => Err(write_error(&io::Error::from(kind))),
            None => Err(read_error(&common.input, &e)),
        },
    }
}

/// A writer that remembers the kind of its last error.
struct Tracked<'a, W: Write> {
    inner: &'a mut W,
    failed: Option<ErrorKind>,
}

impl<W: Write> Write for Tracked<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner
            .write(buf)
            .inspect_err(|e| self.failed = Some(e.kind()))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner
            .flush()
            .inspect_err(|e| self.failed = Some(e.kind()))
    }
}

fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| write_error(&e))
}

fn run() -> Result<(), Failure> {
    let command = args::parse(std::env::args_os().skip(1)).map_err(|e| Failure::Usage(e.0))?;
    match command {
        Command::Print(text) => print(&text),
        Command::Analyze(common, format) => analyze(&common, format),
        Command::Batch(common, settings) => batch(&common, &settings),
        Command::Conllu(input) => conllu(&input),
        Command::Completions(shell) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut args::command(), "gloss", &mut script);
            print(&String::from_utf8_lossy(&script))
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) | Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            let _ = writeln!(io::stderr(), "gloss: {msg}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(Failure::Io(msg)) => {
            let _ = writeln!(io::stderr(), "gloss: {msg}");
            ExitCode::from(EXIT_IO)
        }
    }
}

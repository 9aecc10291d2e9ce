//! Full-analysis speed on one core, tagging and parsing included:
//! `cargo run --release -p gloss-core --example analysis_speed -- [FILE] [SECONDS]`.
//!
//! FILE is plain text, or JSON Lines whose "text" fields are the articles
//! (name ending in `.jsonl`); default: the reference article
//! (www/samples/moscow-talks.txt). The analyzer runs over the articles
//! again and again for about SECONDS (default 5) on this one thread, three
//! times: a default analysis (stages parse the sentences they need), every
//! sentence tagged and parsed (as with `--tokens`), and without the `parse`
//! component, so the cost of the tagger and parser shows. It prints MB/s of input per second of
//! this thread's CPU time (from /proc/thread-self/schedstat, Linux; wall
//! time elsewhere), which a busy shared machine disturbs less than wall time.
use std::time::Instant;

use gloss_core::{Analyzer, Config, Options};

const ARTICLE: &str = include_str!("../../../www/samples/moscow-talks.txt");

/// CPU seconds of this thread so far (wall seconds since `start` without
/// /proc).
fn cpu_seconds(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|ns| ns.parse::<f64>().ok())
        })
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// The articles of `path` (or the reference article).
fn articles(path: Option<&str>) -> Result<Vec<String>, String> {
    let Some(p) = path else {
        return Ok(vec![ARTICLE.to_owned()]);
    };
    let text = std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"))?;
    if !p.ends_with(".jsonl") {
        return Ok(vec![text]);
    }
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).map_err(|e| format!("{p}: {e}"))?;
            v["text"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{p}: a line without a \"text\" string"))
        })
        .collect()
}

/// MB/s of `analyzer` over `docs` for about `seconds` of CPU time, with
/// the tokens asked for (every sentence parsed) or not (only the sentences
/// later stages ask about).
fn measure(analyzer: &Analyzer, docs: &[String], seconds: f64, tokens: bool) -> f64 {
    let options = Options {
        tokens,
        ..Options::default()
    };
    let start = Instant::now();
    let t0 = cpu_seconds(start);
    let mut bytes = 0usize;
    loop {
        for d in docs {
            std::hint::black_box(analyzer.analyze(d, &options));
            bytes += d.len();
        }
        let dt = cpu_seconds(start) - t0;
        if dt >= seconds {
            return bytes as f64 / 1e6 / dt;
        }
    }
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .filter(|a| a.parse::<f64>().is_err())
        .map(String::as_str);
    let seconds: f64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(5.0);
    let docs = match articles(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("analysis_speed: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let total: usize = docs.iter().map(String::len).sum();
    let build = |skip: &[&str]| {
        Analyzer::new(Config {
            skip: skip.iter().map(|s| s.to_string()).collect(),
            ..Config::default()
        })
    };
    let (full, no_parse) = match (build(&[]), build(&["parse"])) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("analysis_speed: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    // Warm up (page in the models and tables).
    measure(&full, &docs, 0.2, true);
    let default = measure(&full, &docs, seconds, false);
    let with = measure(&full, &docs, seconds, true);
    let without = measure(&no_parse, &docs, seconds, true);
    println!(
        "{} articles, {} bytes; one core, CPU time",
        docs.len(),
        total
    );
    println!("default analysis (sentences parsed on request): {default:.2} MB/s");
    println!("every sentence tagged and parsed (--tokens):    {with:.2} MB/s");
    println!("without the parse component:                    {without:.2} MB/s");
    println!(
        "parse share of the time: {:.0} % by default, {:.0} % parsing everything",
        100.0 * (1.0 - default / without).max(0.0),
        100.0 * (1.0 - with / without).max(0.0)
    );
    std::process::ExitCode::SUCCESS
}

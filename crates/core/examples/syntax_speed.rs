//! Tagging and parsing speed of the bundled syntax models, single-threaded:
//! `cargo run --release -p gloss-core --example syntax_speed -- [FILE] [SECONDS]`.
//!
//! FILE is plain text (default: the reference article, tests/data/
//! moscow-talks.txt), split into sentences and tokens by Gloss's own
//! segmenter and tokenizer, then into UD words ([`ud_words`]); or a CoNLL-U
//! file (name ending in `.conllu`), whose words are used as they are.
//! Each stage runs for about SECONDS (default 3) and prints words/s, plus
//! MB/s of text for the whole (tag + parse), per second of this thread's
//! CPU time (from /proc/thread-self/schedstat, Linux; wall time elsewhere),
//! which a busy shared machine disturbs less than wall time.
use std::time::Instant;

use gloss_core::syntax::parser::Scratch as ParseScratch;
use gloss_core::syntax::tagger::Scratch as TagScratch;
use gloss_core::syntax::{conllu, ud_words::UdWords, Models, Upos};

const ARTICLE: &str = include_str!("../tests/data/moscow-talks.txt");

/// Sentences of words, and the text bytes they come from.
fn load(path: Option<&str>) -> (Vec<Vec<String>>, usize) {
    let text = match path {
        Some(p) => std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("{p}: {e}");
            std::process::exit(2)
        }),
        None => ARTICLE.to_string(),
    };
    if path.is_some_and(|p| p.ends_with(".conllu")) {
        let sents = conllu::parse(&text).unwrap_or_else(|e| {
            eprintln!("{e}");
            std::process::exit(2)
        });
        // Bytes of running text: the words and one space each.
        let words: Vec<Vec<String>> = sents
            .iter()
            .map(|s| s.words.iter().map(|w| w.form().to_string()).collect())
            .collect();
        let bytes = words.iter().flatten().map(|w| w.len() + 1).sum();
        return (words, bytes);
    }
    let paragraphs = gloss_core::segment::paragraphs(&text);
    let spans = gloss_core::segment::sentences(&text, &paragraphs, &[]);
    let (tokens, ranges) = gloss_core::tokenize::tokenize_sentences(&text, &spans);
    let sents = ranges
        .iter()
        .map(|r| {
            let toks: Vec<&str> = tokens[r.clone()].iter().map(|t| &text[t.range()]).collect();
            UdWords::split(&toks)
                .words
                .iter()
                .map(|w| w.to_string())
                .collect()
        })
        .collect();
    (sents, text.len())
}

/// This thread's CPU time in seconds (wall time when unavailable).
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .filter(|a| a.parse::<f64>().is_err())
        .map(String::as_str);
    let secs: f64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(3.0);
    let t0 = Instant::now();
    let models = Models::english().expect("bundled models load");
    println!(
        "models loaded in {:.1} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    for (name, w) in [
        ("tagger", models.tagger.weights()),
        ("parser", models.parser.weights()),
    ] {
        let (buckets, entries) = w.spill_stats();
        println!(
            "{name}: {} features, {} weights, {:.1} MB in memory; {:.1} % of buckets spilled, {:.1} % of weights away from home",
            w.len(),
            w.entry_count(),
            w.memory_bytes() as f64 / 1e6,
            100.0 * buckets,
            100.0 * entries
        );
    }
    let (sents, bytes) = load(path);
    let sents: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let words: usize = sents.iter().map(Vec::len).sum();
    println!(
        "{} sentences, {words} words, {bytes} bytes of text",
        sents.len()
    );

    let mut ts = TagScratch::default();
    let mut ps = ParseScratch::default();
    let mut tags: Vec<Vec<Upos>> = sents.iter().map(|_| Vec::new()).collect();
    let origin = Instant::now();
    let run = |label: &str, f: &mut dyn FnMut()| -> f64 {
        let start = Instant::now();
        let cpu0 = cpu_seconds(origin);
        let mut rounds = 0u64;
        while start.elapsed().as_secs_f64() < secs || rounds == 0 {
            f();
            rounds += 1;
        }
        let per = (cpu_seconds(origin) - cpu0) / rounds as f64;
        println!(
            "{label:12} {:>10.0} words/s {:>8.2} MB/s",
            words as f64 / per,
            bytes as f64 / per / 1e6
        );
        per
    };
    let tag_s = run("tag", &mut || {
        for (s, out) in sents.iter().zip(tags.iter_mut()) {
            out.clear();
            models.tagger.tag_into(s, &mut ts, out);
        }
    });
    let mut arcs = Vec::new();
    let parse_s = run("parse", &mut || {
        for (s, t) in sents.iter().zip(&tags) {
            arcs.clear();
            models.parser.parse_into(s, t, &mut ps, &mut arcs);
            std::hint::black_box(&arcs);
        }
    });
    println!(
        "{:12} {:>10.0} words/s {:>8.2} MB/s",
        "tag + parse",
        words as f64 / (tag_s + parse_s),
        bytes as f64 / (tag_s + parse_s) / 1e6
    );
}

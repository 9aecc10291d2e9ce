//! `gloss-train`: trains Gloss's models from ../shared/train (native only;
//! never part of the wasm): the entity labeller (`ner`, `bilou`) and the
//! tagger and parser (`syntax`; `annotate`, `syntax-eval`, `sweep` use them).
//! See `gloss-train --help`.
#![forbid(unsafe_code)]

mod ner;
mod syntax;

use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str =
    "gloss-train ner [--train-dir D] [--eval-dir D] [--out FILE] [--epochs N] [--seed N] [--seeds K]
                [--min-count N] [--clip Q] [--min-abs N] [--re3d|--no-re3d] [--no-gum]
                [--partial none|skip|label] [--threshold T] [--one-pass] [--pred-dir DIR] [--folds K]
                [--limit N]
gloss-train bilou [same options]

ner: trains the entity labeller (the `ner` component's model: what each candidate name
of the rules is) on wikigold (all but every 5th document) and gum-train (re3d with
--re3d: it lowered the held-out scores); tunes its
OTHER threshold on UNER EWT dev; writes crates/core/data/models/ner-labels.bin. With
--pred-dir, the full pipeline with the new model writes its mentions for gum-news-dev,
UNER EWT test, the wikigold held-out part and gum-train (k-fold cross-validated by
document) for scripts/eval_ner.py --pred NAME=DIR.
bilou: trains the standalone BILOU recogniser (not in the pipeline; re3d included) into
crates/core/data/models/ner.bin; --pred-dir writes its own predictions.
--limit N uses N documents of each corpus (a smoke run).";

fn value<T: std::str::FromStr>(args: &[String], i: usize, name: &str) -> Result<T, String> {
    args.get(i + 1)
        .ok_or(format!("{name} needs a value"))?
        .parse()
        .map_err(|_| format!("bad value for {name}"))
}

fn parse_ner(args: &[String], out: &str, re3d: bool) -> Result<ner::Options, String> {
    let mut o = ner::Options {
        train_dir: PathBuf::from("../shared/train"),
        eval_dir: PathBuf::from("../shared/eval"),
        out: PathBuf::from(out),
        epochs: 10,
        seed: 1,
        seeds: 10,
        min_count: 3,
        compression: ner::learn::Compression {
            clip_quantile: 1.0,
            min_abs: 30,
        },
        re3d,
        pred_dir: None,
        folds: 5,
        limit: None,
        gum: true,
        partial: ner::labels::Partial::Label,
        threshold: None,
        two_pass: true,
    };
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        match a {
            "--train-dir" => o.train_dir = value(args, i, a)?,
            "--eval-dir" => o.eval_dir = value(args, i, a)?,
            "--out" => o.out = value(args, i, a)?,
            "--epochs" => o.epochs = value(args, i, a)?,
            "--seed" => o.seed = value(args, i, a)?,
            "--seeds" => o.seeds = value(args, i, a)?,
            "--min-count" => o.min_count = value(args, i, a)?,
            "--clip" => o.compression.clip_quantile = value(args, i, a)?,
            "--min-abs" => o.compression.min_abs = value(args, i, a)?,
            "--pred-dir" => o.pred_dir = Some(value(args, i, a)?),
            "--folds" => o.folds = value(args, i, a)?,
            "--limit" => o.limit = Some(value(args, i, a)?),
            "--threshold" => o.threshold = Some(value(args, i, a)?),
            "--partial" => {
                o.partial = match args.get(i + 1).map(String::as_str) {
                    Some("none") => ner::labels::Partial::None,
                    Some("skip") => ner::labels::Partial::Skip,
                    Some("label") => ner::labels::Partial::Label,
                    _ => return Err("--partial needs none, skip or label".into()),
                }
            }
            "--one-pass" => {
                o.two_pass = false;
                i += 1;
                continue;
            }
            "--no-gum" => {
                o.gum = false;
                i += 1;
                continue;
            }
            "--re3d" => {
                o.re3d = true;
                i += 1;
                continue;
            }
            "--no-re3d" => {
                o.re3d = false;
                i += 1;
                continue;
            }
            _ => return Err(format!("unknown option {a}\n{HELP}")),
        }
        i += 2;
    }
    if o.folds == 0 {
        return Err("--folds must be at least 1".into());
    }
    Ok(o)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ner") => parse_ner(&args[1..], "crates/core/data/models/ner-labels.bin", false)
            .and_then(|o| ner::labels::run(&o)),
        Some("bilou") => parse_ner(&args[1..], "crates/core/data/models/ner.bin", true)
            .and_then(|o| ner::run(&o)),
        Some("syntax") => syntax::run::models(&args[1..]),
        Some("annotate") => syntax::annotate(&args[1..]),
        Some("syntax-eval") => syntax::run::eval_files(&args[1..]),
        Some("sweep") => syntax::run::sweep(&args[1..]),
        Some("-h" | "--help") => {
            println!("{HELP}\n\n{}", syntax::USAGE);
            Ok(())
        }
        _ => Err(format!("usage:\n{HELP}\n\n{}", syntax::USAGE)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gloss-train: {e}");
            ExitCode::from(2)
        }
    }
}

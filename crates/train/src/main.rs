//! `gloss-train`: trains Gloss's models from ../shared/train (native only;
//! never part of the wasm). See `gloss-train --help`.
#![forbid(unsafe_code)]

mod ner;

use std::path::PathBuf;
use std::process::ExitCode;

const HELP: &str =
    "gloss-train ner [--train-dir D] [--eval-dir D] [--out FILE] [--epochs N] [--seed N]
                [--min-count N] [--clip Q] [--min-abs N] [--no-re3d] [--pred-dir DIR] [--folds K]
                [--limit N]

Trains the named-entity recogniser on wikigold (all but every 5th document), re3d and
gum-train; tunes its OTHER threshold on UNER EWT dev; writes the model file (default
crates/core/data/models/ner.bin). With --pred-dir, also writes predictions for
gum-news-dev, UNER EWT test, the wikigold held-out part and gum-train (k-fold
cross-validated) for scripts/eval_ner.py --pred NAME=DIR. --limit N uses N documents of
each corpus (a smoke run).";

fn value<T: std::str::FromStr>(args: &[String], i: usize, name: &str) -> Result<T, String> {
    args.get(i + 1)
        .ok_or(format!("{name} needs a value"))?
        .parse()
        .map_err(|_| format!("bad value for {name}"))
}

fn parse_ner(args: &[String]) -> Result<ner::Options, String> {
    let mut o = ner::Options {
        train_dir: PathBuf::from("../shared/train"),
        eval_dir: PathBuf::from("../shared/eval"),
        out: PathBuf::from("crates/core/data/models/ner.bin"),
        epochs: 10,
        seed: 1,
        min_count: 3,
        compression: ner::learn::Compression {
            clip_quantile: 1.0,
            min_abs: 30,
        },
        re3d: true,
        pred_dir: None,
        folds: 5,
        limit: None,
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
            "--min-count" => o.min_count = value(args, i, a)?,
            "--clip" => o.compression.clip_quantile = value(args, i, a)?,
            "--min-abs" => o.compression.min_abs = value(args, i, a)?,
            "--pred-dir" => o.pred_dir = Some(value(args, i, a)?),
            "--folds" => o.folds = value(args, i, a)?,
            "--limit" => o.limit = Some(value(args, i, a)?),
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
        Some("ner") => parse_ner(&args[1..]).and_then(|o| ner::run(&o)),
        Some("-h" | "--help") => {
            println!("{HELP}");
            Ok(())
        }
        _ => Err(format!("usage:\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gloss-train: {e}");
            ExitCode::from(2)
        }
    }
}

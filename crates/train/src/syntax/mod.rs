//! Training of the part-of-speech tagger and the dependency parser from
//! UD CoNLL-U treebanks (`gloss-train syntax`), and annotating and scoring
//! CoNLL-U with the models (`annotate`, `syntax-eval`, `sweep`).

mod data;
mod eval;
mod parser;
mod perceptron;
mod rng;
pub mod run;
mod tagger;
#[cfg(test)]
mod tests;

use std::io::Read;
use std::path::PathBuf;

/// Usage of the syntax subcommands.
pub const USAGE: &str = "\
usage:
  gloss-train syntax [OPTIONS]
      Trains the tagger and the parser and writes tagger.bin and parser.bin.
      --data DIR           treebank directory (default ../shared/train/ud)
      --out DIR            output directory (default crates/core/data/models)
      --train FILE[,FILE]  training files, relative to --data
                           (default en_ewt-train.conllu,gum-train.conllu)
      --dev FILE           tuning file, relative to --data (default en_ewt-dev.conllu)
      --limit N            use only the first N training sentences (smoke runs)
      --tagger-epochs N    (default 10)      --parser-epochs N  (default 15)
      --tagger-seed N      the tagger's shuffling seed (default 1)
      --amb-min-freq N     ambiguity classes: words seen at least N times… (default 3)
      --amb-min-share R    …with the tags they took at least this share of the time (default 0.05)
      --tagger-prune-power P  tagger pruning keeps the largest |weight|·count^P (default 0.25;
                           0: |weight| alone)
      --dict-min-freq N    tag dictionary: words seen at least N times… (default 50)
      --dict-min-ratio R   …with one tag at least this share of the time (default 0.99)
      --tags jackknife|gold  parser training tags (default jackknife)
      --folds K            jack-knife folds (default 10)
      --universal          parser predicts universal relations only (no subtypes)
      --tagger-bits B      tagger key bits (default 20)
      --parser-bits B      parser key bits (default 22)
      --tagger-weights N   keep the N largest tagger weights (default 100000)
      --parser-weights N   keep the N largest parser weights (default 220000)
      --tagger-ratio R     tagger weight levels: 0 evenly spaced (default), or a geometric
                           codebook of levels R apart (fewer levels, fewer gzipped bytes)
      --parser-ratio R     parser weight levels (default 1.41: 14 levels)
      --all-weights        keep every weight of both (no pruning)
      --retrain            after pruning, retrain on the kept weights' features only (default)
      --no-retrain         prune the trained weights without retraining
      --exact DIR          also write unpruned models with 32-bit keys to DIR, for sweep
      --no-write           do not write the model files
      --tagger-only        train and score the tagger only
      --tags-cache FILE    reuse the jack-knifed tags in FILE (written when missing or stale;
                           for experiments: the cache does not know the tagger's settings)
  gloss-train annotate [--models DIR] [FILE|-]
      Writes the CoNLL-U input back with UPOS, HEAD and DEPREL predicted
      (bundled models unless --models DIR holds tagger.bin and parser.bin).
  gloss-train syntax-eval [--models DIR] FILE...
      Prints UPOS accuracy, UAS and LAS of the models on gold CoNLL-U files.
  gloss-train sweep --from DIR [--data DIR] [--dev FILE] [--tagger LIST] [--parser LIST] [--out DIR]
      Re-exports the unpruned models in DIR (syntax --exact) under each setting
      BITS:WEIGHTS[:RATIO] of the comma-separated LISTs (key bits : most weights
      kept, or 'all' : weight level ratio, 0 for even, the default) and prints dev scores and sizes as a table (the first tagger
      setting tags for the parser rows). With --out, the last setting of each
      is written there.
";

/// `gloss-train annotate`: CoNLL-U in, the same with UPOS, HEAD and DEPREL
/// predicted out.
pub fn annotate(args: &[String]) -> Result<(), String> {
    let mut models_dir: Option<PathBuf> = None;
    let mut input: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--models" => models_dir = Some(it.next().ok_or("--models needs a directory")?.into()),
            _ if input.is_none() => input = Some(a.clone()),
            _ => return Err(format!("unexpected argument {a:?}")),
        }
    }
    let text = match input.as_deref() {
        None | Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("reading stdin: {e}"))?;
            s
        }
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?,
    };
    let models = run::load_models(models_dir.as_deref())?;
    let out = gloss_core::syntax::conllu::annotate(&text, &models).map_err(|e| e.to_string())?;
    use std::io::Write;
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("writing: {e}"))
}

//! The `models` and `eval` commands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use gloss_core::syntax::model_file::ModelFile;
use gloss_core::syntax::{Models, Parser, Tagger, Upos};

use super::data::{self, Sentence};
use super::eval::{self, Scores};
use super::perceptron::{Compression, Levels};
use super::{parser, tagger};

/// Weights the shipped tagger keeps (the engine's size budget, docs/size.md).
pub const TAGGER_WEIGHTS: usize = 100_000;
/// Weights the shipped parser keeps.
pub const PARSER_WEIGHTS: usize = 220_000;
/// The parser's weights take geometric levels this far apart (14 levels,
/// 1 to 127): 8 % fewer gzipped bytes than evenly spaced ones, for the
/// same EWT dev scores.
pub const PARSER_LEVEL_RATIO: f64 = 1.41;

/// Options of `gloss-train syntax`.
#[derive(Clone, Debug)]
pub struct Options {
    pub data: PathBuf,
    pub out: PathBuf,
    pub train: Vec<String>,
    pub dev: String,
    pub limit: Option<usize>,
    pub tagger: tagger::Config,
    pub parser: parser::Config,
    pub gold_tags: bool,
    pub folds: usize,
    pub tagger_bits: u8,
    pub parser_bits: u8,
    pub tagger_entries: Option<usize>,
    pub parser_entries: Option<usize>,
    pub tagger_levels: Levels,
    pub parser_levels: Levels,
    /// Also write unpruned models with 32-bit keys here, for `sweep`.
    pub exact: Option<PathBuf>,
    pub write: bool,
    pub tagger_only: bool,
    /// Retrain on the features of the kept weights after pruning.
    pub retrain: bool,
    /// Where to keep jack-knifed tags between runs (experiments only).
    pub tags_cache: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            data: "../shared/train/ud".into(),
            out: "crates/core/data/models".into(),
            train: vec!["en_ewt-train.conllu".into(), "gum-train.conllu".into()],
            dev: "en_ewt-dev.conllu".into(),
            limit: None,
            tagger: tagger::Config::default(),
            parser: parser::Config::default(),
            gold_tags: false,
            folds: 10,
            tagger_bits: 20,
            parser_bits: 22,
            tagger_entries: Some(TAGGER_WEIGHTS),
            parser_entries: Some(PARSER_WEIGHTS),
            tagger_levels: Levels::Even,
            parser_levels: Levels::Geometric {
                ratio: PARSER_LEVEL_RATIO,
            },
            exact: None,
            write: true,
            tagger_only: false,
            retrain: true,
            tags_cache: None,
        }
    }
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.iter();
    fn num<T: std::str::FromStr>(v: Option<&String>, flag: &str) -> Result<T, String> {
        v.ok_or_else(|| format!("{flag} needs a value"))?
            .parse()
            .map_err(|_| format!("{flag}: not a valid number"))
    }
    while let Some(a) = it.next() {
        match a.as_str() {
            "--data" => o.data = it.next().ok_or("--data needs a directory")?.into(),
            "--out" => o.out = it.next().ok_or("--out needs a directory")?.into(),
            "--train" => {
                o.train = it
                    .next()
                    .ok_or("--train needs files")?
                    .split(',')
                    .map(str::to_string)
                    .collect()
            }
            "--dev" => o.dev = it.next().ok_or("--dev needs a file")?.clone(),
            "--limit" => o.limit = Some(num(it.next(), a)?),
            "--tagger-epochs" => o.tagger.epochs = num(it.next(), a)?,
            "--tagger-seed" => o.tagger.seed = num(it.next(), a)?,
            "--amb-min-freq" => o.tagger.amb_min_freq = num(it.next(), a)?,
            "--amb-min-share" => o.tagger.amb_min_share = num(it.next(), a)?,
            "--tagger-prune-power" => o.tagger.prune_power = num(it.next(), a)?,
            "--dict-min-freq" => o.tagger.dict_min_freq = num(it.next(), a)?,
            "--dict-min-ratio" => o.tagger.dict_min_ratio = num(it.next(), a)?,
            "--parser-epochs" => o.parser.epochs = num(it.next(), a)?,
            "--tags" => {
                o.gold_tags = match it.next().map(String::as_str) {
                    Some("gold") => true,
                    Some("jackknife") => false,
                    _ => return Err("--tags takes gold or jackknife".into()),
                }
            }
            "--folds" => o.folds = num(it.next(), a)?,
            "--universal" => o.parser.universal_only = true,
            "--tagger-bits" => o.tagger_bits = num(it.next(), a)?,
            "--parser-bits" => o.parser_bits = num(it.next(), a)?,
            "--tagger-weights" => o.tagger_entries = Some(num(it.next(), a)?),
            "--parser-weights" => o.parser_entries = Some(num(it.next(), a)?),
            "--tagger-ratio" => o.tagger_levels = levels(num(it.next(), a)?)?,
            "--parser-ratio" => o.parser_levels = levels(num(it.next(), a)?)?,
            "--exact" => o.exact = Some(it.next().ok_or("--exact needs a directory")?.into()),
            "--no-write" => o.write = false,
            "--tagger-only" => o.tagger_only = true,
            "--retrain" => o.retrain = true,
            "--no-retrain" => o.retrain = false,
            "--all-weights" => {
                o.tagger_entries = None;
                o.parser_entries = None;
            }
            "--tags-cache" => {
                o.tags_cache = Some(it.next().ok_or("--tags-cache needs a file")?.into())
            }
            _ => return Err(format!("unknown option {a:?}")),
        }
    }
    if !(1..=32).contains(&o.tagger_bits) || !(1..=32).contains(&o.parser_bits) {
        return Err("key bits must be 1 to 32".into());
    }
    if o.folds < 2 && !o.gold_tags {
        return Err("--folds must be at least 2".into());
    }
    Ok(o)
}

/// Gzip -9 size of `bytes`.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("writing to memory");
    e.finish().expect("writing to memory").len()
}

fn compression(bits: u8, max_entries: Option<usize>, levels: Levels) -> Compression {
    Compression {
        key_bits: bits,
        max_entries,
        levels,
    }
}

/// `--tagger-ratio`/`--parser-ratio`: 0 for evenly spaced levels, else the
/// geometric codebook's ratio.
fn levels(ratio: f64) -> Result<Levels, String> {
    if ratio == 0.0 {
        Ok(Levels::Even)
    } else if ratio > 1.0 && ratio.is_finite() {
        Ok(Levels::Geometric { ratio })
    } else {
        Err(format!(
            "level ratio must be 0 (even) or above 1, not {ratio}"
        ))
    }
}

fn refs(v: &[Sentence]) -> Vec<&Sentence> {
    v.iter().collect()
}

/// Tags and parses `sents`.
fn predict(
    t: &Tagger,
    p: &Parser,
    sents: &[&Sentence],
) -> (
    Vec<Vec<Upos>>,
    Vec<Vec<gloss_core::syntax::parser::Attachment>>,
) {
    let tags = tagger::tag_all(t, sents);
    let arcs = sents
        .iter()
        .zip(&tags)
        .map(|(s, ts)| {
            let forms: Vec<&str> = s.forms.iter().map(String::as_str).collect();
            p.parse(&forms, ts)
        })
        .collect();
    (tags, arcs)
}

/// Trains both models and writes them.
pub fn models(args: &[String]) -> Result<(), String> {
    let o = parse_options(args)?;
    let t0 = Instant::now();
    let mut train = Vec::new();
    for f in &o.train {
        train.extend(data::read_file(&o.data.join(f))?);
    }
    if let Some(n) = o.limit {
        train.truncate(n);
    }
    let dev = data::read_file(&o.data.join(&o.dev))?;
    let train_r = refs(&train);
    let dev_r = refs(&dev);
    eprintln!(
        "data: {} training sentences ({} words) from {}; dev {} sentences ({:.1}s)",
        train.len(),
        train.iter().map(|s| s.forms.len()).sum::<usize>(),
        o.train.join(" + "),
        dev.len(),
        t0.elapsed().as_secs_f64()
    );

    // Tagger.
    let t1 = Instant::now();
    let trained_tagger = match o.tagger_entries {
        Some(n) if o.retrain => tagger::train_pruned(&train_r, &o.tagger, n, o.tagger_bits),
        _ => tagger::train(&train_r, &o.tagger),
    };
    let (tagger_file, tstats) = tagger::to_model(
        &trained_tagger,
        compression(o.tagger_bits, o.tagger_entries, o.tagger_levels),
    );
    let tagger_rt = tagger::runtime(&tagger_file);
    let dev_tags = tagger::tag_all(&tagger_rt, &dev_r);
    eprintln!(
        "tagger: {} epochs, {} features → {} kept, {} weights, dictionary {} words, {} ambiguity classes; dev UPOS {:.2} ({:.1}s)",
        o.tagger.epochs,
        tstats.features_in,
        tstats.features,
        tstats.entries,
        trained_tagger.lexicon.len(),
        trained_tagger.ambiguity.len(),
        100.0 * tagger::accuracy(&dev_r, &dev_tags),
        t1.elapsed().as_secs_f64()
    );

    if o.tagger_only {
        if o.write {
            write_model(&o.out, "tagger.bin", &tagger_file.encode())?;
        }
        let tb = tagger_file.encode();
        eprintln!("size: tagger {} B raw, {} B gzip", tb.len(), gzip_len(&tb));
        confusions(&dev_r, &dev_tags);
        let vocab: std::collections::HashSet<&str> = train
            .iter()
            .flat_map(|s| s.forms.iter().map(String::as_str))
            .collect();
        let (mut kn, mut kok, mut un, mut uok) = (0, 0, 0, 0);
        for (s, p) in dev_r.iter().zip(&dev_tags) {
            for ((f, g), t) in s.forms.iter().zip(&s.upos).zip(p) {
                if vocab.contains(f.as_str()) {
                    kn += 1;
                    kok += usize::from(g == t);
                } else {
                    un += 1;
                    uok += usize::from(g == t);
                    if g != t && std::env::var_os("GLOSS_SHOW_UNKNOWN").is_some() {
                        eprintln!("unknown {f} gold {g} got {t}");
                    }
                }
            }
        }
        eprintln!(
            "known words {kn}: {:.2}; unknown {un}: {:.2}",
            100.0 * kok as f64 / kn as f64,
            100.0 * uok as f64 / un.max(1) as f64
        );
        return Ok(());
    }

    // Tags for parser training.
    let t2 = Instant::now();
    let train_tags: Vec<Vec<Upos>> = if o.gold_tags {
        train.iter().map(|s| s.upos.clone()).collect()
    } else if let Some(tags) = o.tags_cache.as_deref().and_then(|p| read_tags(p, &train)) {
        eprintln!(
            "jack-knife: tags from the cache, accuracy {:.2}",
            100.0 * tagger::accuracy(&train_r, &tags)
        );
        tags
    } else {
        let tags = tagger::jackknife(
            &train_r,
            o.folds,
            &o.tagger,
            compression(o.tagger_bits, o.tagger_entries, o.tagger_levels),
        );
        if let Some(p) = &o.tags_cache {
            write_tags(p, &tags)?;
        }
        eprintln!(
            "jack-knife: {} folds, training-tag accuracy {:.2} ({:.1}s)",
            o.folds,
            100.0 * tagger::accuracy(&train_r, &tags),
            t2.elapsed().as_secs_f64()
        );
        tags
    };

    // Parser.
    let t3 = Instant::now();
    let mut last = Instant::now();
    let mut progress = |epoch: usize, acc: f64| {
        eprintln!(
            "parser epoch {:>2}: {:.2}% of moves right ({:.1}s)",
            epoch + 1,
            100.0 * acc,
            last.elapsed().as_secs_f64()
        );
        last = Instant::now();
    };
    let trained_parser = match o.parser_entries {
        Some(n) if o.retrain => parser::train_pruned(
            &train_r,
            &train_tags,
            &o.parser,
            n,
            o.parser_bits,
            &mut progress,
        ),
        _ => parser::train(&train_r, &train_tags, &o.parser, &mut progress),
    };
    let ps = trained_parser.stats;
    eprintln!(
        "parser: {} labels; {} of {} training sentences non-projective ({} arcs lifted); {} features ({:.1}s)",
        trained_parser.labels.len(),
        ps.nonprojective,
        ps.sentences,
        ps.lifted,
        trained_parser.perceptron.n_features(),
        t3.elapsed().as_secs_f64()
    );
    let (parser_file, pstats) = parser::to_model(
        &trained_parser,
        compression(o.parser_bits, o.parser_entries, o.parser_levels),
    );
    let parser_rt = parser::runtime(&parser_file);
    let (tags, arcs) = predict(&tagger_rt, &parser_rt, &dev_r);
    let dev_scores = eval::score(&dev_r, &tags, &arcs);
    eprintln!(
        "parser: {} features kept, {} weights; dev {dev_scores}",
        pstats.features, pstats.entries
    );

    let tb = tagger_file.encode();
    let pb = parser_file.encode();
    eprintln!(
        "sizes: tagger {} B raw, {} B gzip; parser {} B raw, {} B gzip",
        tb.len(),
        gzip_len(&tb),
        pb.len(),
        gzip_len(&pb)
    );
    if let Some(dir) = &o.exact {
        let exact = Compression {
            key_bits: 32,
            max_entries: None,
            levels: Levels::Even,
        };
        write_model(
            dir,
            "tagger.bin",
            &tagger::to_model(&trained_tagger, exact).0.encode(),
        )?;
        write_model(
            dir,
            "parser.bin",
            &parser::to_model(&trained_parser, exact).0.encode(),
        )?;
    }
    if o.write {
        write_model(&o.out, "tagger.bin", &tb)?;
        write_model(&o.out, "parser.bin", &pb)?;
    }
    eprintln!("total {:.1}s", t0.elapsed().as_secs_f64());
    println!("dev: {dev_scores}");
    Ok(())
}

/// Cached tags: one line a sentence, tags separated by spaces. Used only
/// when the sentence lengths match the training data.
fn read_tags(path: &Path, train: &[Sentence]) -> Option<Vec<Vec<Upos>>> {
    let text = std::fs::read_to_string(path).ok()?;
    let tags: Vec<Vec<Upos>> = text
        .lines()
        .map(|l| l.split(' ').filter_map(Upos::from_conllu).collect())
        .collect();
    (tags.len() == train.len()
        && tags
            .iter()
            .zip(train)
            .all(|(t, s)| t.len() == s.forms.len()))
    .then_some(tags)
}

fn write_tags(path: &Path, tags: &[Vec<Upos>]) -> Result<(), String> {
    let text: String = tags
        .iter()
        .map(|t| t.iter().map(|u| u.as_str()).collect::<Vec<_>>().join(" ") + "\n")
        .collect();
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn write_model(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join(name);
    std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// The most frequent tagging errors (gold → predicted).
fn confusions(gold: &[&Sentence], pred: &[Vec<Upos>]) {
    let mut counts: std::collections::BTreeMap<(Upos, Upos), usize> = Default::default();
    for (s, p) in gold.iter().zip(pred) {
        for (g, t) in s.upos.iter().zip(p) {
            if g != t {
                *counts.entry((*g, *t)).or_default() += 1;
            }
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = v
        .iter()
        .take(12)
        .map(|((g, t), n)| format!("{g}→{t} {n}"))
        .collect();
    eprintln!("top confusions: {}", top.join(", "));
}

/// The weights of a model file as averaged weights (for re-export): the
/// 32-bit keys of an exact export become the top bits of the hashes.
fn as_averaged(m: &ModelFile) -> Vec<(u64, Vec<(u8, f64)>)> {
    let shift = 64 - u32::from(m.weights.key_bits());
    m.weights
        .rows()
        .into_iter()
        .map(|(k, r)| {
            (
                u64::from(k) << shift,
                r.iter().map(|e| (e.class, f64::from(e.weight))).collect(),
            )
        })
        .collect()
}

/// One compression setting of the sweep: `bits:max-weights[:ratio]`.
fn parse_setting(s: &str) -> Result<Compression, String> {
    let bad = || {
        format!("bad setting {s:?} (BITS:WEIGHTS[:RATIO], WEIGHTS may be 'all', RATIO 0 for even)")
    };
    let (bits, rest) = s.split_once(':').ok_or_else(bad)?;
    let (weights, ratio) = rest.split_once(':').unwrap_or((rest, "0"));
    Ok(Compression {
        levels: levels(ratio.parse().map_err(|_| bad())?)?,
        key_bits: bits.parse().map_err(|_| bad())?,
        max_entries: if weights == "all" {
            None
        } else {
            Some(weights.parse().map_err(|_| bad())?)
        },
    })
}

/// `gloss-train sweep`: dev scores and sizes of models re-exported from
/// exact ones (`models --exact`) under other compressions.
pub fn sweep(args: &[String]) -> Result<(), String> {
    let mut from = None;
    let mut data = PathBuf::from("../shared/train/ud");
    let mut dev_file = "en_ewt-dev.conllu".to_string();
    let mut tagger_settings = "32:all,24:all,20:all,20:200000,20:100000,18:100000".to_string();
    let mut parser_settings = "32:all,24:all,22:1000000,22:500000,20:250000,20:150000".to_string();
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--from" => from = Some(PathBuf::from(val()?)),
            "--data" => data = val()?.into(),
            "--dev" => dev_file = val()?,
            "--tagger" => tagger_settings = val()?,
            "--parser" => parser_settings = val()?,
            "--out" => out = Some(PathBuf::from(val()?)),
            _ => return Err(format!("unknown option {a:?}")),
        }
    }
    let from = from.ok_or("sweep needs --from DIR (written by models --exact)")?;
    let read = |name: &str| -> Result<ModelFile, String> {
        let p = from.join(name);
        let b = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        ModelFile::decode(&b).map_err(|e| format!("{}: {e}", p.display()))
    };
    let (tm, pm) = (read("tagger.bin")?, read("parser.bin")?);
    let dev = data::read_file(&data.join(&dev_file))?;
    let dev = refs(&dev);
    println!("| model | key bits | weights kept | features | raw bytes | gzip bytes | dev UPOS | dev UAS | dev LAS |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    let tavg = as_averaged(&tm);
    let mut best_tagger = None;
    for (i, setting) in tagger_settings.split(',').enumerate() {
        let c = parse_setting(setting)?;
        let (weights, s) = super::perceptron::export(&tavg, c);
        let m = ModelFile {
            weights,
            ..tm.clone()
        };
        let b = m.encode();
        let t = tagger::runtime(&m);
        let acc = tagger::accuracy(&dev, &tagger::tag_all(&t, &dev));
        println!(
            "| tagger | {} | {} | {} | {} | {} | {:.2} | | |",
            c.key_bits,
            s.entries,
            s.features,
            b.len(),
            gzip_len(&b),
            100.0 * acc
        );
        if i == 0 {
            best_tagger = Some(t);
        }
        if let Some(dir) = &out {
            write_model(dir, "tagger.bin", &b)?;
        }
    }
    let tagger_rt = best_tagger.ok_or("no tagger setting")?;
    let pavg = as_averaged(&pm);
    for setting in parser_settings.split(',') {
        let c = parse_setting(setting)?;
        let (weights, s) = super::perceptron::export(&pavg, c);
        let m = ModelFile {
            weights,
            ..pm.clone()
        };
        let b = m.encode();
        let (tags, arcs) = predict(&tagger_rt, &parser::runtime(&m), &dev);
        let sc = eval::score(&dev, &tags, &arcs);
        if let Some(dir) = &out {
            write_model(dir, "parser.bin", &b)?;
        }
        println!(
            "| parser | {} | {} | {} | {} | {} | | {:.2} | {:.2} |",
            c.key_bits,
            s.entries,
            s.features,
            b.len(),
            gzip_len(&b),
            100.0 * sc.uas,
            100.0 * sc.las
        );
    }
    Ok(())
}

/// The bundled models, or those in `dir`.
pub fn load_models(dir: Option<&Path>) -> Result<Models, String> {
    match dir {
        None => Models::english().map_err(|e| format!("bundled models: {e}")),
        Some(d) => {
            let read = |name: &str| {
                let p = d.join(name);
                std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))
            };
            let (t, p) = (read("tagger.bin")?, read("parser.bin")?);
            Models::from_bytes(&t, &p).map_err(|e| format!("{}: {e}", d.display()))
        }
    }
}

/// `gloss-train eval`.
pub fn eval_files(args: &[String]) -> Result<(), String> {
    let mut dir = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--models" => {
                dir = Some(PathBuf::from(
                    it.next().ok_or("--models needs a directory")?,
                ))
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err("eval needs at least one CoNLL-U file".into());
    }
    let m = load_models(dir.as_deref())?;
    for f in files {
        let sents = data::read_file(Path::new(&f))?;
        let r = refs(&sents);
        let t = Instant::now();
        let (tags, arcs) = predict(&m.tagger, &m.parser, &r);
        let secs = t.elapsed().as_secs_f64();
        let s: Scores = eval::score(&r, &tags, &arcs);
        println!(
            "{f}: {s} [{:.0} words/s tag+parse]",
            s.words as f64 / secs.max(1e-9)
        );
    }
    Ok(())
}

/// A check that a model file decodes (used by tests).
#[allow(dead_code)]
pub fn decodes(bytes: &[u8]) -> bool {
    ModelFile::decode(bytes).is_ok()
}

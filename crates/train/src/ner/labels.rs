//! `gloss-train ner`: trains the entity labeller
//! (`gloss_core::training::LabelModel`): the rule chunker's candidate names
//! of every training document, each with the class of the gold entity on
//! exactly its span (person, organisation, place, group, other) or "no
//! name", learned by an averaged perceptron.
//!
//! Training data: wikigold without its held-out fifth, re3d (named
//! entities) and gum-train; the threshold below which a label becomes
//! OTHER is tuned on UNER EWT dev. Never read for training: gum-news-dev,
//! UNER test, the wikigold held-out part. With `--pred-dir`, the full
//! pipeline with the new model predicts those three and gum-train, the
//! latter by k-fold cross-validation by document (each fold's model never
//! saw its documents).

use super::corpus::{self, Kind, NerDoc, Spans};
use super::{learn, Options, Rng};
use gloss_core::training::recognizer::EntLabel;
use gloss_core::training::{Candidate, Class, LabelModel, CLASSES, LABEL_FORMAT};
use gloss_core::{ActorKind, Analyzer, Config, NerModel, OffsetUnit};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// What a candidate that overlaps a gold entity without matching it
/// exactly is trained as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partial {
    /// Not a name (its span is wrong).
    None,
    /// Left out of training.
    Skip,
    /// The label of the gold entity it overlaps.
    Label,
}

/// The candidates of one training document and their gold classes
/// (`None`: left out of training, but still read by the second pass).
struct DocEx {
    cands: Vec<Candidate>,
    gold: Vec<Option<usize>>,
}

impl DocEx {
    fn new(doc: &NerDoc, partial: Partial) -> DocEx {
        let (cands, gold) = examples(doc, partial).into_iter().unzip();
        DocEx { cands, gold }
    }

    /// The training examples: features (`extra[i]` appended to candidate
    /// `i`'s) and gold class.
    fn examples(&self, extra: Option<&[Vec<u32>]>) -> Vec<(Vec<u32>, usize)> {
        self.cands
            .iter()
            .zip(&self.gold)
            .enumerate()
            .filter_map(|(i, (c, g))| {
                let mut f = c.features.clone();
                if let Some(x) = extra {
                    f.extend_from_slice(&x[i]);
                }
                Some((f, (*g)?))
            })
            .collect()
    }
}

/// The class of a gold label for a candidate the rules label `rule`.
fn class_of(gold: EntLabel, rule: ActorKind) -> Class {
    match gold {
        EntLabel::Person if rule == ActorKind::Group => Class::Group,
        EntLabel::Person => Class::Person,
        EntLabel::Org => Class::Org,
        EntLabel::Place => Class::Place,
        EntLabel::Other if rule == ActorKind::Group => Class::Group,
        EntLabel::Other => Class::Other,
    }
}

/// The candidates of a document and their gold classes (`None` where the
/// example is left out).
///
/// A candidate overlapping an `ignored` annotation is left out, and so is a
/// GUM candidate overlapping no entity (see below), and a
/// country, region, city or demonym that re3d calls an organisation (a
/// state acting: a convention of re3d alone; the others call it a place).
fn examples(doc: &NerDoc, partial: Partial) -> Vec<(Candidate, Option<usize>)> {
    let gold: HashMap<(usize, usize), EntLabel> = doc
        .entities
        .iter()
        .map(|(r, l)| ((r.start, r.end), *l))
        .collect();
    gloss_core::training::candidates(&doc.text, lists())
        .into_iter()
        .map(|c| {
            if c.role {
                return (c, None);
            }
            let (s, e) = (c.span.start, c.span.end);
            let text = &doc.text[s..e];
            let state = || {
                use gloss_core::training::gazetteer::class as g;
                lists().gazetteer.get(text) & (g::COUNTRY | g::REGION | g::CITY | g::DEMONYM) != 0
            };
            let class = match gold.get(&(s, e)) {
                Some(EntLabel::Org) if doc.id.starts_with("re3d-") && state() => None,
                Some(&l) => Some(class_of(l, c.rule.0)),
                None if doc.ignored.iter().any(|r| r.start < e && s < r.end) => None,
                None => {
                    let over: Vec<EntLabel> = doc
                        .entities
                        .iter()
                        .filter(|(r, _)| r.start < e && s < r.end)
                        .map(|(_, l)| *l)
                        .collect();
                    match (partial, over.as_slice()) {
                        // GUM's entity layer as converted (gum-train.jsonl) leaves
                        // many names unmarked ("outgoing governor Bob McDonnell"),
                        // so there a candidate overlapping no entity is no evidence
                        // of "no name": it is left out. Wikigold and re3d mark
                        // every name.
                        (_, []) if doc.id.starts_with("GUM_") => None,
                        (_, []) | (Partial::None, _) => Some(Class::None),
                        (Partial::Label, [l]) => Some(class_of(*l, c.rule.0)),
                        _ => None,
                    }
                }
            };
            (c, class.map(Class::index))
        })
        .collect()
}

fn lists() -> &'static gloss_core::training::Lists {
    static G: std::sync::OnceLock<gloss_core::training::Lists> = std::sync::OnceLock::new();
    G.get_or_init(gloss_core::training::lists)
}

/// Averaged weights from `docs` (examples per document), averaged again
/// over `o.seeds` shuffling seeds (`o.seed`, `o.seed + 1`, …). One
/// perceptron's weights move with the order it saw the examples in: two
/// seeds differed by 0.020 labelled F1 on gum-news-dev and 0.030 on
/// wikigold; the mean of ten by 0.0002 and 0.012.
fn train(docs: &[Vec<(Vec<u32>, usize)>], o: &Options) -> Vec<(u32, Vec<(u8, f64)>)> {
    let k = o.seeds.max(1) as u64;
    let mut sum: std::collections::BTreeMap<u32, [f64; CLASSES.len()]> = Default::default();
    for i in 0..k {
        let one = Options {
            seed: o.seed.wrapping_add(i),
            ..o.clone()
        };
        for (f, row) in train_one(docs, &one) {
            let e = sum.entry(f).or_insert([0.0; CLASSES.len()]);
            for (c, w) in row {
                e[c as usize] += w / k as f64;
            }
        }
    }
    sum.into_iter()
        .map(|(f, ws)| {
            let row: Vec<(u8, f64)> = ws
                .iter()
                .enumerate()
                .filter(|(_, &w)| w != 0.0)
                .map(|(c, &w)| (c as u8, w))
                .collect();
            (f, row)
        })
        .filter(|(_, r)| !r.is_empty())
        .collect()
}

/// Averaged weights of one perceptron from `docs`.
fn train_one(docs: &[Vec<(Vec<u32>, usize)>], o: &Options) -> Vec<(u32, Vec<(u8, f64)>)> {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for d in docs {
        for (f, _) in d {
            for &k in f {
                *counts.entry(k).or_insert(0) += 1;
            }
        }
    }
    let kept: Vec<Vec<(Vec<u32>, usize)>> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|(f, g)| {
                    let f = f
                        .iter()
                        .copied()
                        .filter(|k| counts[k] >= o.min_count)
                        .collect();
                    (f, *g)
                })
                .collect()
        })
        .collect();
    let mut model = learn::Perceptron::default();
    let mut order: Vec<usize> = (0..kept.len()).collect();
    let mut rng = Rng(o.seed);
    let mut scores = [0i64; CLASSES.len()];
    for _ in 0..o.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            for (f, gold) in &kept[d] {
                model.scores(f, &mut scores);
                let mut guess = 0;
                for (c, &s) in scores.iter().enumerate() {
                    if s > scores[guess] {
                        guess = c;
                    }
                }
                model.update(*gold, guess, f);
                model.tick();
            }
        }
    }
    model.averaged()
}

/// Folds for the first-pass labels the second pass trains on: each
/// document's are predicted by a model that did not see it.
const STACK_FOLDS: usize = 5;

type Rows = Vec<(u32, Vec<(u8, f64)>)>;

/// Class probabilities of `features` under `rows` (classes `offset..offset
/// + 6`) at temperature 1, in f64.
fn probs_f64(rows: &HashMap<u32, Vec<(u8, f64)>>, features: &[u32], offset: u8) -> [f64; 6] {
    let mut s = [0f64; 6];
    for k in features {
        for &(c, w) in rows.get(k).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(x) = c.checked_sub(offset).and_then(|c| s.get_mut(c as usize)) {
                *x += w;
            }
        }
    }
    let max = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let z: f64 = s.iter().map(|v| (v - max).exp()).sum();
    s.map(|v| (v - max).exp() / z)
}

/// The temperature that maximises the likelihood of the gold classes of
/// `calib` (features, gold) under `rows`: perceptron scores are not
/// probabilities, and dividing them by this makes their softmax one.
fn temperature(rows: &Rows, calib: &[(Vec<u32>, usize)]) -> f64 {
    let map: HashMap<u32, Vec<(u8, f64)>> = rows.iter().cloned().collect();
    let scaled = |t: f64| -> HashMap<u32, Vec<(u8, f64)>> {
        map.iter()
            .map(|(k, r)| (*k, r.iter().map(|&(c, w)| (c, w / t)).collect()))
            .collect()
    };
    let mut best = (1.0, f64::NEG_INFINITY);
    for t in [
        1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0,
    ] {
        let m = scaled(t);
        let ll: f64 = calib
            .iter()
            .map(|(f, g)| probs_f64(&m, f, 0)[*g].max(1e-12).ln())
            .sum();
        if ll > best.1 {
            best = (t, ll);
        }
    }
    best.0
}

fn scale(rows: Rows, t: f64) -> Rows {
    rows.into_iter()
        .map(|(k, r)| (k, r.into_iter().map(|(c, w)| (c, w / t)).collect()))
        .collect()
}

/// The second-pass features of a document's candidates from first-pass
/// `rows`.
fn second_pass(d: &DocEx, rows: &HashMap<u32, Vec<(u8, f64)>>) -> Vec<Vec<u32>> {
    let p: Vec<[f32; 6]> = d
        .cands
        .iter()
        .map(|c| probs_f64(rows, &c.features, 0).map(|v| v as f32))
        .collect();
    d.cands
        .iter()
        .map(|c| {
            let mut v = Vec::new();
            gloss_core::training::consistency(&c.links, &p, &mut v);
            v
        })
        .collect()
}

/// Both passes' weights from `docs` (second-pass classes offset by 6), or
/// the first pass's alone without `o.two_pass`, each calibrated on `calib`
/// (UNER dev) by a temperature.
fn fit(docs: &[&DocEx], calib: &[DocEx], o: &Options) -> Result<Rows, String> {
    let first: Vec<_> = docs.iter().map(|d| d.examples(None)).collect();
    let calib1: Vec<(Vec<u32>, usize)> = calib.iter().flat_map(|d| d.examples(None)).collect();
    let pass1 = train(&first, o);
    if !o.two_pass {
        let t1 = temperature(&pass1, &calib1);
        eprintln!("ner: temperature {t1}");
        return Ok(scale(pass1, t1));
    }
    // The first pass's labels only feed the second pass, whose features
    // read them as they come (temperature 1: sharper labels measured
    // better on wikigold and UNER than calibrated ones); the second pass,
    // whose probabilities are the output, is calibrated.
    let t1 = 1.0;
    let mut extra: Vec<Vec<Vec<u32>>> = vec![Vec::new(); docs.len()];
    for f in 0..STACK_FOLDS {
        let part: Vec<_> = (0..docs.len())
            .filter(|i| i % STACK_FOLDS != f)
            .map(|i| first[i].clone())
            .collect();
        let m: HashMap<u32, Vec<(u8, f64)>> = scale(train(&part, o), t1).into_iter().collect();
        for (i, d) in docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % STACK_FOLDS == f)
        {
            extra[i] = second_pass(d, &m);
        }
    }
    let second: Vec<_> = docs
        .iter()
        .zip(&extra)
        .map(|(d, x)| d.examples(Some(x)))
        .collect();
    let pass2 = train(&second, o);
    let m1: HashMap<u32, Vec<(u8, f64)>> = pass1.iter().cloned().collect();
    let calib2: Vec<(Vec<u32>, usize)> = calib
        .iter()
        .flat_map(|d| d.examples(Some(&second_pass(d, &m1))))
        .collect();
    let t2 = temperature(&pass2, &calib2);
    eprintln!("ner: temperatures {t1} (first pass), {t2} (second pass)");
    let pass2 = scale(pass2, t2);
    let mut rows: std::collections::BTreeMap<u32, Vec<(u8, f64)>> = pass1.into_iter().collect();
    for (k, row) in pass2 {
        rows.entry(k)
            .or_default()
            .extend(row.into_iter().map(|(c, w)| (c + CLASSES.len() as u8, w)));
    }
    Ok(rows.into_iter().collect())
}

fn model_bytes(avg: &[(u32, Vec<(u8, f64)>)], o: &Options, threshold: f32) -> Vec<u8> {
    learn::export(avg, o.compression, o.two_pass, threshold).encode(&LABEL_FORMAT)
}

fn load(bytes: &[u8]) -> Result<LabelModel, String> {
    LabelModel::from_bytes(bytes, gloss_core::training::kb()).map_err(|e| e.to_string())
}

/// Exact labelled P/R/F1 of PERSON/ORG/PLACE (groups count as PERSON) of
/// the labeller's decisions on `docs`' candidates (`cands[i]` those of
/// `docs[i]`) against all their gold entities.
fn candidate_f1(docs: &[NerDoc], cands: &[Vec<Candidate>], m: &LabelModel) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    let scored = |k: ActorKind| match k {
        ActorKind::Person | ActorKind::Group => Some(EntLabel::Person),
        ActorKind::Organization => Some(EntLabel::Org),
        ActorKind::Place => Some(EntLabel::Place),
        ActorKind::Other => None,
    };
    for (d, cs) in docs.iter().zip(cands) {
        let gold: HashMap<(usize, usize), EntLabel> = d
            .entities
            .iter()
            .map(|(r, l)| ((r.start, r.end), *l))
            .collect();
        ng += gold.values().filter(|l| **l != EntLabel::Other).count();
        let first: Vec<[f32; 6]> = cs.iter().map(|c| m.probabilities(&c.features, 0)).collect();
        for (c, p1) in cs.iter().zip(&first).filter(|(c, _)| !c.role) {
            let p = if m.two_pass() {
                let mut f = c.features.clone();
                gloss_core::training::consistency(&c.links, &first, &mut f);
                m.probabilities(&f, 1)
            } else {
                *p1
            };
            let Some((kind, _)) = m.decide(&p) else {
                continue;
            };
            let Some(label) = scored(kind) else { continue };
            let g = gold.get(&(c.span.start, c.span.end));
            if g == Some(&EntLabel::Other) {
                continue;
            }
            np += 1;
            if g == Some(&label) {
                tp += 1;
            }
        }
    }
    let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// The full pipeline's flat mentions of every document (code points of the
/// corpus's original text), as `gloss batch` writes them.
fn write_pipeline_preds(
    path: &Path,
    docs: &[&NerDoc],
    analyzers: &[(&Analyzer, &dyn Fn(usize) -> bool)],
) -> Result<(), String> {
    let mut f = std::io::BufWriter::new(
        std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
    );
    for (i, d) in docs.iter().enumerate() {
        let Some((a, _)) = analyzers.iter().find(|(_, pick)| pick(i)) else {
            continue;
        };
        let mut an = a.analyze(&d.raw, &gloss_core::Options::default());
        an.convert_offsets(OffsetUnit::Codepoint);
        let line = serde_json::json!({"id": d.id, "mentions": an.mentions});
        writeln!(f, "{line}").map_err(|e| e.to_string())?;
    }
    f.flush().map_err(|e| e.to_string())
}

fn analyzer(bytes: &[u8]) -> Result<Analyzer, String> {
    Analyzer::new(Config {
        ner_model: NerModel::Bytes(bytes.to_vec()),
        ..Config::default()
    })
    .map_err(|e| e.to_string())
}

/// A corpus to predict: name, file, how to read it, which documents.
type EvalSet<'a> = (
    &'a str,
    std::path::PathBuf,
    Kind,
    Spans,
    &'a dyn Fn(usize) -> bool,
);

/// Runs `gloss-train ner`.
pub fn run(o: &Options) -> Result<(), String> {
    let t0 = std::time::Instant::now();
    let ner = o.train_dir.join("ner");
    let limit = |docs: Vec<NerDoc>| match o.limit {
        Some(n) => docs.into_iter().take(n).collect(),
        None => docs,
    };
    let (wg, _) = corpus::read(
        &ner.join("wikigold.jsonl"),
        Kind::Tokenised,
        Spans::Plain,
        &|i| !corpus::wikigold_held_out(i),
    )?;
    let wg = limit(wg);
    let re = if o.re3d {
        limit(
            corpus::read(
                &ner.join("re3d.jsonl"),
                Kind::Tokenised,
                Spans::Re3d,
                &|_| true,
            )?
            .0,
        )
    } else {
        Vec::new()
    };
    let gum = limit(
        corpus::read(
            &o.eval_dir.join("gum-train.jsonl"),
            Kind::Natural,
            Spans::Name,
            &|_| true,
        )?
        .0,
    );
    let dev = limit(
        corpus::read(
            &ner.join("uner-ewt-dev.jsonl"),
            Kind::Natural,
            Spans::Plain,
            &|_| true,
        )?
        .0,
    );
    let to_examples =
        |docs: &[NerDoc]| -> Vec<DocEx> { docs.iter().map(|d| DocEx::new(d, o.partial)).collect() };
    let (wg_ex, re_ex) = (to_examples(&wg), to_examples(&re));
    let gum_ex = if o.gum { to_examples(&gum) } else { Vec::new() };
    if std::env::var_os("GLOSS_TRAIN_DUMP").is_some() {
        for (name, docs) in [("wikigold", &wg), ("re3d", &re), ("gum", &gum)] {
            for d in docs.iter() {
                for (c, g) in examples(d, o.partial) {
                    let g = g.map_or("skip", |g| {
                        ["none", "person", "org", "place", "group", "other"][g]
                    });
                    eprintln!(
                        "dump\t{name}\t{g}\t{:?}\t{}",
                        c.rule,
                        &d.text[c.span.start..c.span.end]
                    );
                }
            }
        }
    }
    let mut census = [0usize; 6];
    for g in wg_ex
        .iter()
        .chain(&re_ex)
        .chain(&gum_ex)
        .flat_map(|d| d.gold.iter().flatten())
    {
        census[*g] += 1;
    }
    eprintln!(
        "ner: {} training examples (none/person/org/place/group/other: {census:?}) from {} documents, read in {:.1}s",
        census.iter().sum::<usize>(),
        wg_ex.len() + re_ex.len() + gum_ex.len(),
        t0.elapsed().as_secs_f64()
    );
    let all: Vec<&DocEx> = wg_ex.iter().chain(&re_ex).chain(&gum_ex).collect();
    let dev_ex = to_examples(&dev);
    let avg = fit(&all, &dev_ex, o)?;
    // The OTHER threshold, on UNER dev.
    let dev_cands: Vec<Vec<Candidate>> = dev
        .iter()
        .map(|d| gloss_core::training::candidates(&d.text, lists()))
        .collect();
    let mut best = (0.0f32, (0.0, 0.0, 0.0));
    for t in [0.0f32, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] {
        let m = load(&model_bytes(&avg, o, t))?;
        let s = candidate_f1(&dev, &dev_cands, &m);
        eprintln!(
            "ner: threshold {t}: UNER dev candidates P/R/F1 {:.4}/{:.4}/{:.4}",
            s.0, s.1, s.2
        );
        if s.2 > best.1 .2 + 1e-9 {
            best = (t, s);
        }
    }
    let threshold = o.threshold.unwrap_or(best.0);
    let bytes = model_bytes(&avg, o, threshold);
    let model = load(&bytes)?;
    eprintln!(
        "ner: trained in {:.1}s; {} features; threshold {threshold} (UNER dev best {} at F1 {:.4})",
        t0.elapsed().as_secs_f64(),
        model.feature_count(),
        best.0,
        best.1 .2
    );
    if let Some(parent) = o.out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(&o.out, &bytes).map_err(|e| format!("{}: {e}", o.out.display()))?;
    eprintln!("ner: wrote {} ({} bytes)", o.out.display(), bytes.len());
    let Some(dir) = &o.pred_dir else {
        return Ok(());
    };
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let full = analyzer(&bytes)?;
    let everything: &dyn Fn(usize) -> bool = &|_| true;
    let eval_sets: [EvalSet; 4] = [
        (
            "uner-dev",
            ner.join("uner-ewt-dev.jsonl"),
            Kind::Natural,
            Spans::Plain,
            everything,
        ),
        (
            "gum-news-dev",
            o.eval_dir.join("gum-news-dev.jsonl"),
            Kind::Natural,
            Spans::Name,
            everything,
        ),
        (
            "uner-test",
            ner.join("uner-ewt-test.jsonl"),
            Kind::Natural,
            Spans::Plain,
            everything,
        ),
        (
            "wikigold-test",
            ner.join("wikigold.jsonl"),
            Kind::Tokenised,
            Spans::Plain,
            &corpus::wikigold_held_out,
        ),
    ];
    // The rules alone, for comparison.
    let rules = Analyzer::new(Config {
        ner_model: NerModel::RulesOnly,
        ..Config::default()
    })
    .map_err(|e| e.to_string())?;
    let rules_dir = dir.join("rules");
    std::fs::create_dir_all(&rules_dir).map_err(|e| e.to_string())?;
    for (name, path, kind, spans, keep) in eval_sets {
        let (docs, _) = corpus::read(&path, kind, spans, keep)?;
        let refs: Vec<&NerDoc> = docs.iter().collect();
        let file = format!("{name}.jsonl");
        write_pipeline_preds(&dir.join(&file), &refs, &[(&full, everything)])?;
        write_pipeline_preds(&rules_dir.join(&file), &refs, &[(&rules, everything)])?;
    }
    let refs: Vec<&NerDoc> = gum.iter().collect();
    write_pipeline_preds(
        &rules_dir.join("gum-train.jsonl"),
        &refs,
        &[(&rules, everything)],
    )?;
    // gum-train by cross-validation over its documents.
    let folds = o.folds.max(1);
    let mut fold_analyzers = Vec::new();
    for f in 0..folds {
        let train_docs: Vec<&DocEx> = wg_ex
            .iter()
            .chain(&re_ex)
            .chain(
                gum_ex
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != f)
                    .map(|(_, d)| d),
            )
            .collect();
        let avg = fit(&train_docs, &dev_ex, o)?;
        fold_analyzers.push(analyzer(&model_bytes(&avg, o, threshold))?);
        eprintln!("ner: gum-train fold {}/{folds} trained", f + 1);
    }
    let picks: Vec<Box<dyn Fn(usize) -> bool>> = (0..folds)
        .map(|f| Box::new(move |i: usize| i % folds == f) as Box<dyn Fn(usize) -> bool>)
        .collect();
    let table: Vec<(&Analyzer, &dyn Fn(usize) -> bool)> = fold_analyzers
        .iter()
        .zip(&picks)
        .map(|(a, p)| (a, p.as_ref()))
        .collect();
    write_pipeline_preds(&dir.join("gum-train.jsonl"), &refs, &table)?;
    eprintln!(
        "ner: predictions in {} ({:.1}s in all)",
        dir.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: &[&str] = &[
        r#"{"id":"a","text":"Maria Lopez met officials in Bavaria. Lopez said the Green Party agreed.","entities":[{"start":0,"end":11,"label":"PERSON"},{"start":28,"end":35,"label":"PLACE"},{"start":37,"end":42,"label":"PERSON"},{"start":52,"end":63,"label":"ORG"}]}"#,
        r#"{"id":"b","text":"The Labour Party chose Tom Reed. Reed visited Ontario on Friday.","entities":[{"start":4,"end":16,"label":"ORG"},{"start":23,"end":31,"label":"PERSON"},{"start":33,"end":37,"label":"PERSON"},{"start":46,"end":53,"label":"PLACE"}]}"#,
        r#"{"id":"c","text":"Ana Silva left Lisbon. Silva joined the Harbour Council in Porto.","entities":[{"start":0,"end":9,"label":"PERSON"},{"start":15,"end":21,"label":"PLACE"},{"start":23,"end":28,"label":"PERSON"},{"start":40,"end":55,"label":"ORG"},{"start":59,"end":64,"label":"PLACE"}]}"#,
    ];

    fn options() -> Options {
        Options {
            train_dir: std::path::PathBuf::new(),
            eval_dir: std::path::PathBuf::new(),
            out: std::path::PathBuf::new(),
            epochs: 5,
            seed: 7,
            seeds: 2,
            min_count: 1,
            compression: learn::Compression {
                clip_quantile: 1.0,
                min_abs: 1,
            },
            re3d: false,
            pred_dir: None,
            folds: 2,
            limit: None,
            gum: true,
            partial: Partial::Label,
            threshold: None,
            two_pass: true,
        }
    }

    fn model(o: &Options) -> Vec<u8> {
        let mut st = corpus::Alignment::default();
        let docs: Vec<DocEx> = DOCS
            .iter()
            .map(|l| corpus::read_doc(l, Kind::Natural, Spans::Plain, &mut st).unwrap())
            .map(|d| DocEx::new(&d, o.partial))
            .collect();
        let refs: Vec<&DocEx> = docs.iter().collect();
        model_bytes(&fit(&refs, &docs, o).unwrap(), o, 0.3)
    }

    #[test]
    fn labeller_training_is_deterministic_and_loads() {
        let a = model(&options());
        assert_eq!(
            a,
            model(&options()),
            "same data and seed give the same bytes"
        );
        let m = load(&a).expect("the core loads what the trainer writes");
        assert!(m.two_pass() && m.feature_count() > 0);
        // The full pipeline runs with it.
        let an = analyzer(&a).unwrap();
        let r = an.analyze(
            "Maria Lopez visited Bavaria.",
            &gloss_core::Options::default(),
        );
        assert!(r.actors.iter().any(|x| x.name == "Maria Lopez"));
        let mut o = options();
        o.seed = 8;
        assert_ne!(model(&o), a, "the seed matters");
    }
}

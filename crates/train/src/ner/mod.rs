//! `gloss-train bilou`: trains the standalone BILOU named-entity recogniser
//! (`gloss_core::training::recognizer`) and writes its model file, and optionally the
//! predictions `scripts/eval_ner.py` scores (`--pred-dir`).
//!
//! Training data: wikigold without its held-out fifth, re3d (named
//! entities, spans trimmed of leading lower-case words) and gum-train (GUM
//! name spans). Tuning (the OTHER threshold): UNER EWT dev. Never read:
//! gum-news-dev, UNER test and the wikigold held-out part, except to write
//! predictions for them. gum-train is also predicted by 5-fold
//! cross-validation by document (each fold's model never saw its documents).

pub mod corpus;
pub mod labels;
pub mod learn;

use corpus::{Kind, NerDoc, Spans};
use gloss_core::training::recognizer::features::{self, DocEvidence, Prepared, Sentence};
use gloss_core::training::recognizer::tags::{Tag, TAG_COUNT};
use gloss_core::training::recognizer::{EntLabel, Recognizer};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Options of `gloss-train ner`.
#[derive(Clone, Debug)]
pub struct Options {
    /// `../shared/train`.
    pub train_dir: PathBuf,
    /// `../shared/eval`.
    pub eval_dir: PathBuf,
    /// Model file to write.
    pub out: PathBuf,
    /// Training passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Perceptrons (one a seed) whose weights the labeller averages.
    pub seeds: usize,
    /// Static features seen fewer times in training are dropped.
    pub min_count: u32,
    /// Quantisation.
    pub compression: learn::Compression,
    /// Train on re3d too.
    pub re3d: bool,
    /// Where to write predictions (`<corpus>.jsonl`), with gum-train by
    /// cross-validation.
    pub pred_dir: Option<PathBuf>,
    /// Cross-validation folds for gum-train.
    pub folds: usize,
    /// Use only the first `limit` documents of each training corpus (smoke runs).
    pub limit: Option<usize>,
    /// Train on gum-train too (the labeller).
    pub gum: bool,
    /// How the labeller trains on candidates whose span is wrong.
    pub partial: labels::Partial,
    /// The labeller's OTHER threshold (tuned on UNER dev when `None`).
    pub threshold: Option<f32>,
    /// Train the labeller's second, document-consistency pass.
    pub two_pass: bool,
}

/// A document ready for training: words as `&str`, static features.
struct Prep<'a> {
    sents: Vec<(Vec<&'a str>, &'a [bool], &'a [Tag])>,
    /// Per sentence, per word: static feature keys.
    feats: Vec<Vec<Vec<u32>>>,
}

/// The gazetteer and cue words the recogniser's features read, built once.
fn resources() -> &'static (
    gloss_core::training::gazetteer::Gazetteer,
    gloss_core::training::recognizer::features::Cues,
) {
    static R: std::sync::OnceLock<(
        gloss_core::training::gazetteer::Gazetteer,
        gloss_core::training::recognizer::features::Cues,
    )> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        (
            gloss_core::training::gazetteer(),
            gloss_core::training::cues(),
        )
    })
}

fn prepare(doc: &NerDoc) -> Prep<'_> {
    let sents: Vec<(Vec<&str>, &[bool], &[Tag])> = doc
        .sents
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|r| &doc.text[r.clone()]).collect(),
                s.glued.as_slice(),
                s.gold.as_slice(),
            )
        })
        .collect();
    let views: Vec<Sentence> = sents
        .iter()
        .map(|(w, g, _)| Sentence {
            words: w,
            glued: g,
            pos: &[],
        })
        .collect();
    let evidence = DocEvidence::new(&views);
    let (gaz, cues) = resources();
    let feats = views
        .iter()
        .map(|s| {
            let p = Prepared::new(s, gaz, cues);
            (0..s.words.len())
                .map(|i| {
                    let mut v = Vec::with_capacity(40);
                    features::static_features(s, &p, &evidence, i, &mut v);
                    v
                })
                .collect()
        })
        .collect();
    Prep { sents, feats }
}

fn best_allowed(scores: &[i64], prev: Tag, last: bool) -> Tag {
    let mut best = Tag::OUT;
    let mut bs = i64::MIN;
    for (c, &s) in scores.iter().enumerate() {
        let t = Tag(c as u8);
        if t.may_follow(prev) && (!last || t.may_end()) && s > bs {
            best = t;
            bs = s;
        }
    }
    best
}

/// Trains on `docs`; returns the averaged weights.
fn train(docs: &[&NerDoc], o: &Options) -> Vec<(u32, Vec<(u8, f64)>)> {
    let mut preps: Vec<Prep> = docs.iter().map(|d| prepare(d)).collect();
    // Drop rare static features (deterministic: counts do not depend on order).
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for p in &preps {
        for s in &p.feats {
            for w in s {
                for &k in w {
                    *counts.entry(k).or_insert(0) += 1;
                }
            }
        }
    }
    for p in &mut preps {
        for s in &mut p.feats {
            for w in s {
                w.retain(|k| counts[k] >= o.min_count);
            }
        }
    }
    let mut model = learn::Perceptron::default();
    let mut order: Vec<usize> = (0..preps.len()).collect();
    let mut rng = Rng(o.seed);
    let mut scores = [0i64; TAG_COUNT];
    let mut buf: Vec<u32> = Vec::with_capacity(64);
    for _ in 0..o.epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let p = &preps[d];
            for (si, (words, glued, gold)) in p.sents.iter().enumerate() {
                let view = Sentence {
                    words,
                    glued,
                    pos: &[],
                };
                let (gaz, cues) = resources();
                let prep = Prepared::new(&view, gaz, cues);
                let (mut prev, mut prev2) = (Tag::OUT, Tag::OUT);
                for i in 0..words.len() {
                    buf.clear();
                    buf.extend_from_slice(&p.feats[si][i]);
                    features::tag_features(&prep, i, prev, prev2, &mut buf);
                    model.scores(&buf, &mut scores);
                    let guess = best_allowed(&scores, prev, i + 1 == words.len());
                    model.update(gold[i].0 as usize, guess.0 as usize, &buf);
                    model.tick();
                    // Gold history (teacher forcing): the gold tag is then
                    // always allowed after the history, so no update pushes
                    // a tag the decoder can never choose.
                    prev2 = prev;
                    prev = gold[i];
                }
            }
        }
    }
    model.averaged()
}

/// splitmix64, for the fixed-seed shuffle.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = ((u128::from(self.next()) * (i as u128 + 1)) >> 64) as usize;
            v.swap(i, j);
        }
    }
}

/// Predicted entities of a document: `(sentence, word range, label, score)`.
type Pred = Vec<(usize, std::ops::Range<usize>, EntLabel, f32)>;

fn predict(r: &Recognizer, doc: &NerDoc) -> Pred {
    let words: Vec<Vec<&str>> = doc
        .sents
        .iter()
        .map(|s| s.words.iter().map(|w| &doc.text[w.clone()]).collect())
        .collect();
    let views: Vec<Sentence> = doc
        .sents
        .iter()
        .zip(&words)
        .map(|(s, w)| Sentence {
            words: w,
            glued: &s.glued,
            pos: &[],
        })
        .collect();
    let mut out = Vec::new();
    for (si, ents) in r.recognize_doc(&views).into_iter().enumerate() {
        for e in ents {
            out.push((si, e.span, e.label, e.score));
        }
    }
    out
}

/// Exact labelled P/R/F1 of PERSON/ORG/PLACE against the aligned gold tags
/// (OTHER predictions and predictions on a gold OTHER span ignored, as in
/// score.py), with `threshold` applied to the scores.
fn labelled_f1(docs: &[NerDoc], preds: &[Pred], threshold: f32) -> (f64, f64, f64) {
    let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
    for (d, p) in docs.iter().zip(preds) {
        let mut gold = std::collections::HashSet::new();
        let mut other = std::collections::HashSet::new();
        for (si, s) in d.sents.iter().enumerate() {
            for (r, l) in gloss_core::training::recognizer::tags::decode(&s.gold) {
                if l == EntLabel::Other {
                    other.insert((si, r.start, r.end));
                } else {
                    gold.insert((si, r.start, r.end, l));
                }
            }
        }
        ng += gold.len();
        for (si, r, l, sc) in p {
            let l = if *sc < threshold { EntLabel::Other } else { *l };
            if l == EntLabel::Other || other.contains(&(*si, r.start, r.end)) {
                continue;
            }
            np += 1;
            if gold.contains(&(*si, r.start, r.end, l)) {
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

fn write_preds(path: &Path, docs: &[NerDoc], preds: &[Pred]) -> Result<(), String> {
    let mut f = std::io::BufWriter::new(
        std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
    );
    for (d, p) in docs.iter().zip(preds) {
        let mentions: Vec<serde_json::Value> = p
            .iter()
            .filter_map(|(si, r, l, sc)| {
                let s = &d.sents[*si];
                let bytes = s.words[r.start].start..s.words[r.end - 1].end;
                let (a, b) = d.original_chars(bytes)?;
                Some(serde_json::json!({"start": a, "end": b, "label": l.as_str(), "score": sc}))
            })
            .collect();
        let line = serde_json::json!({"id": d.id, "mentions": mentions});
        writeln!(f, "{line}").map_err(|e| e.to_string())?;
    }
    f.flush().map_err(|e| e.to_string())
}

fn model_from(
    avg: &[(u32, Vec<(u8, f64)>)],
    o: &Options,
    threshold: f32,
) -> Result<(Vec<u8>, Recognizer), String> {
    let m = learn::export(avg, o.compression, false, threshold);
    let bytes = m.encode(&gloss_core::training::recognizer::FORMAT);
    let r = gloss_core::training::recognizer(&bytes).map_err(|e| e.to_string())?;
    Ok((bytes, r))
}

/// Runs `gloss-train bilou`.
pub fn run(o: &Options) -> Result<(), String> {
    let t0 = std::time::Instant::now();
    let ner = o.train_dir.join("ner");
    let limit = |docs: Vec<NerDoc>| match o.limit {
        Some(n) => docs.into_iter().take(n).collect(),
        None => docs,
    };
    let (wg, wst) = corpus::read(
        &ner.join("wikigold.jsonl"),
        Kind::Tokenised,
        Spans::Plain,
        &|i| !corpus::wikigold_held_out(i),
    )?;
    let wg = limit(wg);
    let (re, rst) = if o.re3d {
        corpus::read(
            &ner.join("re3d.jsonl"),
            Kind::Tokenised,
            Spans::Re3d,
            &|_| true,
        )?
    } else {
        (Vec::new(), Default::default())
    };
    let re = limit(re);
    let (gum, gst) = corpus::read(
        &o.eval_dir.join("gum-train.jsonl"),
        Kind::Natural,
        Spans::Name,
        &|_| true,
    )?;
    let gum = limit(gum);
    let (dev, _) = corpus::read(
        &ner.join("uner-ewt-dev.jsonl"),
        Kind::Natural,
        Spans::Plain,
        &|_| true,
    )?;
    let dev = limit(dev);
    for (name, st) in [("wikigold train", wst), ("re3d", rst), ("gum-train", gst)] {
        eprintln!(
            "ner: {name}: {} entities, {} aligned to Gloss tokens, {} nested/overlapping dropped",
            st.entities, st.aligned, st.nested
        );
    }
    let words: usize = wg
        .iter()
        .chain(&re)
        .chain(&gum)
        .map(|d| d.sents.iter().map(|s| s.words.len()).sum::<usize>())
        .sum();
    let all: Vec<&NerDoc> = wg.iter().chain(&re).chain(&gum).collect();
    let avg = train(&all, o);
    // Tune the OTHER threshold on UNER dev.
    let (_, r0) = model_from(&avg, o, 0.0)?;
    let dev_preds: Vec<Pred> = dev.iter().map(|d| predict(&r0, d)).collect();
    let mut best = (0.0f32, labelled_f1(&dev, &dev_preds, 0.0));
    for t in [0.3f32, 0.4, 0.5, 0.6, 0.7, 0.8] {
        let s = labelled_f1(&dev, &dev_preds, t);
        if s.2 > best.1 .2 + 1e-9 {
            best = (t, s);
        }
    }
    let (bytes, rec) = model_from(&avg, o, best.0)?;
    eprintln!(
        "ner: trained on {} docs, {words} words, {} epochs in {:.1}s; {} features; UNER dev labelled P/R/F1 {:.4}/{:.4}/{:.4} at OTHER threshold {}",
        all.len(),
        o.epochs,
        t0.elapsed().as_secs_f64(),
        rec.feature_count(),
        best.1 .0,
        best.1 .1,
        best.1 .2,
        best.0
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
    type EvalSet<'a> = (&'a str, PathBuf, Kind, Spans, &'a dyn Fn(usize) -> bool);
    let eval_sets: [EvalSet; 3] = [
        (
            "gum-news-dev",
            o.eval_dir.join("gum-news-dev.jsonl"),
            Kind::Natural,
            Spans::Name,
            &|_| true,
        ),
        (
            "uner-test",
            ner.join("uner-ewt-test.jsonl"),
            Kind::Natural,
            Spans::Plain,
            &|_| true,
        ),
        (
            "wikigold-test",
            ner.join("wikigold.jsonl"),
            Kind::Tokenised,
            Spans::Plain,
            &corpus::wikigold_held_out,
        ),
    ];
    let mut n_words = 0usize;
    let mut all_eval = Vec::new();
    for (name, path, kind, spans, keep) in eval_sets {
        let (docs, _) = corpus::read(&path, kind, spans, keep)?;
        n_words += docs
            .iter()
            .map(|d| d.sents.iter().map(|s| s.words.len()).sum::<usize>())
            .sum::<usize>();
        let preds: Vec<Pred> = docs.iter().map(|d| predict(&rec, d)).collect();
        write_preds(&dir.join(format!("{name}.jsonl")), &docs, &preds)?;
        all_eval.extend(docs);
    }
    // Speed of recognition alone (words already tokenised), best of 5.
    let mut best_s = f64::INFINITY;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let n: usize = all_eval.iter().map(|d| predict(&rec, d).len()).sum();
        best_s = best_s.min(t.elapsed().as_secs_f64());
        std::hint::black_box(n);
    }
    eprintln!(
        "ner: recognition speed {:.0} words/s ({n_words} words of the eval sets in {:.1} ms, best of 5, one thread)",
        n_words as f64 / best_s,
        best_s * 1e3
    );
    // gum-train by cross-validation.
    let mut cv: Vec<Option<Pred>> = vec![None; gum.len()];
    for f in 0..o.folds {
        let train_docs: Vec<&NerDoc> = wg
            .iter()
            .chain(&re)
            .chain(
                gum.iter()
                    .enumerate()
                    .filter(|(i, _)| i % o.folds != f)
                    .map(|(_, d)| d),
            )
            .collect();
        let avg = train(&train_docs, o);
        let (_, r) = model_from(&avg, o, best.0)?;
        for (i, d) in gum.iter().enumerate() {
            if i % o.folds == f {
                cv[i] = Some(predict(&r, d));
            }
        }
        eprintln!("ner: gum-train fold {}/{} done", f + 1, o.folds);
    }
    let cv: Vec<Pred> = cv.into_iter().map(Option::unwrap_or_default).collect();
    write_preds(&dir.join("gum-train.jsonl"), &gum, &cv)?;
    eprintln!(
        "ner: predictions in {} ({:.1}s in all)",
        dir.display(),
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Trains on in-memory JSONL documents (own sentences in tests) and returns
/// the model file bytes.
#[cfg(test)]
fn train_bytes(lines: &[&str], o: &Options) -> Result<Vec<u8>, String> {
    let mut st = corpus::Alignment::default();
    let docs: Vec<NerDoc> = lines
        .iter()
        .map(|l| corpus::read_doc(l, Kind::Natural, Spans::Plain, &mut st))
        .collect::<Result<_, _>>()?;
    let refs: Vec<&NerDoc> = docs.iter().collect();
    let avg = train(&refs, o);
    Ok(model_from(&avg, o, 0.5)?.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: &[&str] = &[
        r#"{"id":"a","text":"Maria Lopez met officials in Bavaria. Lopez said the Green Party agreed.","entities":[{"start":0,"end":11,"label":"PERSON"},{"start":28,"end":35,"label":"PLACE"},{"start":37,"end":42,"label":"PERSON"},{"start":52,"end":63,"label":"ORG"}]}"#,
        r#"{"id":"b","text":"The Labour Party chose Tom Reed. Reed visited Ontario on Friday.","entities":[{"start":4,"end":16,"label":"ORG"},{"start":23,"end":31,"label":"PERSON"},{"start":33,"end":37,"label":"PERSON"},{"start":46,"end":53,"label":"PLACE"}]}"#,
    ];

    fn options() -> Options {
        Options {
            train_dir: PathBuf::new(),
            eval_dir: PathBuf::new(),
            out: PathBuf::new(),
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
            partial: labels::Partial::None,
            threshold: None,
            two_pass: false,
        }
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let a = train_bytes(DOCS, &options()).unwrap();
        let b = train_bytes(DOCS, &options()).unwrap();
        assert_eq!(a, b, "same data and seed give the same bytes");
        let r = gloss_core::training::recognizer(&a).unwrap();
        let es = r.recognize(
            &["Maria", "Lopez", "met", "officials", "in", "Bavaria", "."],
            &[],
        );
        let got: Vec<(std::ops::Range<usize>, EntLabel)> =
            es.into_iter().map(|e| (e.span, e.label)).collect();
        assert!(got.contains(&(0..2, EntLabel::Person)), "{got:?}");
        let mut o = options();
        o.seed = 8;
        assert_ne!(train_bytes(DOCS, &o).unwrap(), a, "the seed matters");
    }
}

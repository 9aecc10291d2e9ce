//! Wall time per pipeline stage, as `analyze` runs them one after another
//! (a profiling aid; stages timed alone in a loop look faster because their
//! tables stay in cache): `cargo run --release -p gloss-core --example
//! stage_times -- FILE [CALLS]`.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000)
        .max(1);
    let mut acc = [0f64; 12];
    let names = [
        "html?", "to_owned", "boiler", "doc", "ner", "actors", "link", "index", "props", "facts",
        "salience", "summary",
    ];
    for _ in 0..n {
        let mut t = Instant::now();
        let mut lap = |i: usize, t: &mut Instant| {
            acc[i] += t.elapsed().as_secs_f64();
            *t = Instant::now();
        };
        let h = gloss_core::html::looks_like_html(&text);
        std::hint::black_box(h);
        lap(0, &mut t);
        let owned = text.to_owned();
        lap(1, &mut t);
        let ig = gloss_core::boilerplate::detect(&owned);
        lap(2, &mut t);
        let doc = gloss_core::doc::Doc::new(&owned, ig);
        lap(3, &mut t);
        let raw = gloss_core::ner::recognize(&doc);
        lap(4, &mut t);
        let mut actors = gloss_core::actors::build(&doc, raw);
        lap(5, &mut t);
        gloss_core::kb::link(&doc, &mut actors);
        lap(6, &mut t);
        let ix = gloss_core::proposals::index::TextIndex::new(&doc, &actors);
        lap(7, &mut t);
        let props = gloss_core::proposals::find_in(&ix, &actors);
        lap(8, &mut t);
        gloss_core::facts::attach_in(&ix, &mut actors);
        lap(9, &mut t);
        drop(ix);
        gloss_core::salience::rank(&doc, &mut actors, &props);
        lap(10, &mut t);
        let s = gloss_core::summary::summarize(&doc, &actors, &props, 3);
        lap(11, &mut t);
        std::hint::black_box((s, actors, props));
    }
    let mut tot = 0.0;
    for (i, a) in acc.iter().enumerate() {
        println!("{:10} {:6.1} us", names[i], a * 1e6 / n as f64);
        tot += a;
    }
    println!("total {:.1} us", tot * 1e6 / n as f64);
}

//! Times `analyze` on one file over repeated calls (a profiling aid):
//! `cargo run --release -p gloss-core --example repeat -- FILE [CALLS]`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let opts = gloss_core::Options::default();
    let _ = gloss_core::analyze(&text, &opts);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(gloss_core::analyze(&text, &opts));
    }
    let per = t.elapsed().as_secs_f64() / n.max(1) as f64;
    println!(
        "{:.3} ms per call, {:.1} MB/s",
        per * 1e3,
        text.len() as f64 / per / 1e6
    );
}

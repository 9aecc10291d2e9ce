//! Times `analyze` on one file over repeated calls (a profiling aid):
//! `cargo run --release -p gloss-core --example repeat -- FILE [CALLS] [--stages]`.
//! With `--stages`, also the mean wall time of each pipeline stage as the
//! pipeline runs them (stages timed alone in a loop look faster, because
//! their tables stay in cache).
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stages = args.iter().any(|a| a == "--stages");
    let mut rest = args.iter().filter(|a| *a != "--stages");
    let text = std::fs::read_to_string(rest.next().map_or("", String::as_str)).unwrap_or_default();
    let n: usize = rest.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let opts = gloss_core::Options::default();
    let _ = gloss_core::analyze(&text, &opts);
    // Seconds per stage, in pipeline order.
    let mut laps: Vec<(&'static str, f64)> = Vec::new();
    let t = Instant::now();
    for _ in 0..n {
        if stages {
            let mut last = Instant::now();
            let mut i = 0;
            let mut lap = |stage: &'static str| {
                let dt = last.elapsed().as_secs_f64();
                last = Instant::now();
                match laps.get_mut(i) {
                    Some(l) => l.1 += dt,
                    None => laps.push((stage, dt)),
                }
                i += 1;
            };
            std::hint::black_box(gloss_core::analyze_with_laps(&text, &opts, &mut lap));
        } else {
            std::hint::black_box(gloss_core::analyze(&text, &opts));
        }
    }
    let per = t.elapsed().as_secs_f64() / n.max(1) as f64;
    for (stage, s) in &laps {
        println!("{stage:12} {:8.1} us", s * 1e6 / n.max(1) as f64);
    }
    println!(
        "{:.3} ms per call, {:.1} MB/s",
        per * 1e3,
        text.len() as f64 / per / 1e6
    );
}

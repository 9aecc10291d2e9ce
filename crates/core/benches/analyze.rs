//! Throughput of the whole pipeline ([`gloss_core::analyze`]) on real news text.
//!
//! Inputs are the reference article (`www/samples/moscow-talks.txt`, ~3 KB)
//! and that article repeated (paragraphs joined by blank lines) to about
//! 100 KB, 1 MB and 10 MB, so the bench runs without the shared eval data.
//! Run: `cargo bench -p gloss-core --bench analyze`; divan reports bytes/s.

use divan::counter::BytesCount;
use divan::Bencher;

const ARTICLE: &str = include_str!("../../../www/samples/moscow-talks.txt");

fn main() {
    divan::main();
}

/// The reference article repeated until the text is at least `size` bytes.
fn repeated(size: usize) -> String {
    let mut text = String::with_capacity(size + ARTICLE.len());
    while text.len() < size {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(ARTICLE.trim_end());
    }
    text
}

fn run(bencher: Bencher, text: &str) {
    let options = gloss_core::Options::default();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| gloss_core::analyze(divan::black_box(text), &options));
}

/// The reference article alone (~3 KB).
#[divan::bench(max_time = 3)]
fn s1_article_3kb(bencher: Bencher) {
    run(bencher, ARTICLE);
}

/// About 100 KB.
#[divan::bench(max_time = 5, sample_count = 20, sample_size = 1)]
fn s2_text_100kb(bencher: Bencher) {
    run(bencher, &repeated(100_000));
}

/// About 1 MB.
#[divan::bench(max_time = 10, sample_count = 5, sample_size = 1)]
fn s3_text_1mb(bencher: Bencher) {
    run(bencher, &repeated(1_000_000));
}

/// About 10 MB.
#[divan::bench(max_time = 30, sample_count = 3, sample_size = 1)]
fn s4_text_10mb(bencher: Bencher) {
    run(bencher, &repeated(10_000_000));
}

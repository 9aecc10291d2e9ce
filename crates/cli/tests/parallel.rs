//! The GNU parallel recipe of docs/cli.md, run for real: `gloss batch`
//! under `parallel --pipe --keep-order` (and `--pipepart`) writes what plain
//! `gloss batch` writes, line for line.
//!
//! Needs GNU parallel (`make test-rust` installs Debian's `parallel`); when it
//! is missing the test says so on stderr and passes without running.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const GLOSS: &str = env!("CARGO_BIN_EXE_gloss");

fn gnu_parallel() -> bool {
    Command::new("parallel")
        .arg("--version")
        .stderr(Stdio::null())
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("GNU parallel"))
}

/// An archive of `n` article-sized documents with some bad lines among them.
fn archive(dir: &Path, n: usize) -> PathBuf {
    let sample = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/samples/moscow-talks.txt"),
    )
    .unwrap_or_else(|e| panic!("sample: {e}"));
    let paragraphs: Vec<&str> = sample.split("\n\n").collect();
    let mut out = String::new();
    for i in 0..n {
        // Each document a different run of paragraphs, so records differ.
        let start = i % paragraphs.len();
        let len = 2 + i % 5;
        let text: Vec<&str> = paragraphs
            .iter()
            .cycle()
            .skip(start)
            .take(len)
            .copied()
            .collect();
        let line = match i % 23 {
            5 => format!("{{\"id\":\"bad-{i}\",\"text\":{i}}}"),
            11 => "this line is not JSON".to_owned(),
            17 => serde_json::json!({"text": text.join("\n\n")}).to_string(),
            _ => {
                serde_json::json!({"id": format!("doc-{i}"), "text": text.join("\n\n")}).to_string()
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    let path = dir.join("archive.jsonl");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("write: {e}"));
    path
}

/// Runs a shell command line and returns its standard output.
fn sh(script: &str) -> String {
    let o = Command::new("/bin/bash")
        .arg("-c")
        .arg(format!("set -euo pipefail; {script}"))
        .output()
        .unwrap_or_else(|e| panic!("bash: {e}"));
    assert!(
        o.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap_or_else(|e| panic!("stdout: {e}"))
}

/// Asserts that two batch outputs agree line for line. Error records may
/// differ in `line`, which counts the lines of the block one process read.
fn assert_same(plain: &str, other: &str, what: &str) {
    let (a, b): (Vec<&str>, Vec<&str>) = (plain.lines().collect(), other.lines().collect());
    assert_eq!(a.len(), b.len(), "{what}: line count");
    let mut errors = 0;
    for (i, (x, y)) in a.iter().zip(&b).enumerate() {
        if x == y {
            continue;
        }
        let parse = |s: &str| -> Value { serde_json::from_str(s).unwrap_or(Value::Null) };
        let (mut x, mut y) = (parse(x), parse(y));
        assert!(x.get("error").is_some(), "{what}: line {} differs", i + 1);
        for v in [&mut x, &mut y] {
            if let Some(o) = v.as_object_mut() {
                o.remove("line");
            }
        }
        assert_eq!(x, y, "{what}: error record at line {}", i + 1);
        errors += 1;
    }
    // The blocks were small enough that some error record moved block.
    assert!(
        errors > 0 || what.contains("-j1"),
        "{what}: no error record changed block"
    );
}

#[test]
fn parallel_output_equals_plain_batch() {
    if !gnu_parallel() {
        eprintln!(
            "SKIPPED parallel_output_equals_plain_batch: GNU parallel is not installed \
             (bash scripts/setup-parallel.sh, or make test-rust, installs it)"
        );
        return;
    }
    let dir = std::env::temp_dir().join(format!("gloss-parallel-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("temp dir: {e}"));
    let input = archive(&dir, 120);
    let input = input.display();
    let size = std::fs::metadata(dir.join("archive.jsonl")).map_or(0, |m| m.len());
    assert!(size > 100_000, "archive of {size} bytes");
    let plain = sh(&format!("'{GLOSS}' batch < '{input}'"));
    assert_eq!(plain.lines().count(), 120);
    // Blocks of 16 KiB: about 20 processes over the archive.
    for (what, cmd) in [
        (
            "--pipe -j2",
            format!("parallel --pipe --keep-order --block 16k -j2 '{GLOSS}' batch < '{input}'"),
        ),
        (
            "--pipe -j1",
            format!("parallel --pipe --keep-order --block 16k -j1 '{GLOSS}' batch < '{input}'"),
        ),
        (
            "--pipepart -j2",
            format!(
                "parallel --pipepart -a '{input}' --keep-order --block 16k -j2 '{GLOSS}' batch"
            ),
        ),
    ] {
        assert_same(&plain, &sh(&cmd), what);
    }
    // Lean output through parallel equals lean plain output.
    let lean = "--fields actors,proposals,summary";
    let plain_lean = sh(&format!("'{GLOSS}' batch {lean} < '{input}'"));
    let par_lean = sh(&format!(
        "parallel --pipe --keep-order --block 16k -j2 '{GLOSS}' batch {lean} < '{input}'"
    ));
    assert_same(&plain_lean, &par_lean, "--pipe -j2 --fields");
    assert!(plain_lean.len() < plain.len());
    let _ = std::fs::remove_dir_all(&dir);
}

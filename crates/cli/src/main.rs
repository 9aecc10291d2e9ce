//! `gloss`: placeholder CLI (to be replaced): `gloss [batch]` over stdin.
use std::io::{BufRead, Read, Write};

fn main() {
    let batch = std::env::args().nth(1).as_deref() == Some("batch");
    let opts = gloss_core::Options::default();
    if batch {
        let stdin = std::io::stdin();
        let mut out = std::io::stdout().lock();
        for line in stdin.lock().lines() {
            let Ok(line) = line else { break };
            let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            let text = v.get("text").and_then(|t| t.as_str()).unwrap_or("");
            let mut a = gloss_core::analyze(text, &opts);
            a.convert_offsets(gloss_core::OffsetUnit::Codepoint);
            let mut j = serde_json::to_value(&a).unwrap_or_default();
            j["id"] = v.get("id").cloned().unwrap_or_default();
            let _ = writeln!(out, "{j}");
        }
        return;
    }
    let mut s = String::new();
    if std::io::stdin().read_to_string(&mut s).is_err() {
        eprintln!("gloss: input is not valid UTF-8");
        std::process::exit(1);
    }
    let mut a = gloss_core::analyze(&s, &opts);
    a.convert_offsets(gloss_core::OffsetUnit::Codepoint);
    println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
}

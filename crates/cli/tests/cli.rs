//! End-to-end tests of the `gloss` binary: exit codes, help, formats, batch
//! streaming and error records, broken pipes and code-point offsets.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const GLOSS: &str = env!("CARGO_BIN_EXE_gloss");

fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../www/samples/moscow-talks.txt")
}

fn sample() -> String {
    std::fs::read_to_string(sample_path()).unwrap_or_else(|e| panic!("sample: {e}"))
}

/// Runs gloss with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(GLOSS)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn gloss: {e}"));
    if let Some(mut input) = child.stdin.take() {
        // The child may exit before reading everything (usage errors).
        let _ = input.write_all(stdin);
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait gloss: {e}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap_or_else(|e| panic!("stdout not UTF-8: {e}"))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gloss-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap_or_else(|e| panic!("write temp: {e}"));
    path
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
        .collect()
}

/// Asserts one clean error line on stderr and no panic.
fn assert_one_error_line(o: &Output) {
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "stderr: {err}");
    assert!(err.starts_with("gloss: "), "stderr: {err}");
    assert!(!err.contains("panicked"), "stderr: {err}");
}

#[test]
fn help_and_version() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["help"],
        &["analyze", "--help"],
        &["batch", "--help"],
        &["help", "analyze"],
        &["help", "batch"],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let out = stdout(&o);
        assert!(out.contains("Usage"), "{args:?}: {out}");
        assert!(o.stderr.is_empty());
    }
    let main = stdout(&run(&["--help"], b""));
    assert!(main.contains("analyze") && main.contains("batch") && main.contains("Exit codes"));
    assert!(stdout(&run(&["analyze", "--help"], b"")).contains("--summary-sentences"));
    assert!(stdout(&run(&["batch", "--help"], b"")).contains("\"error\""));
    let v = run(&["--version"], b"");
    assert_eq!(v.status.code(), Some(0));
    assert_eq!(
        stdout(&v).trim(),
        format!("gloss {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["analyze", "--format", "xml"],
        &["analyze", "--bogus"],
        &["analyze", "-n", "many"],
        &["analyze", "a.txt", "b.txt"],
        &["batch", "--format", "text"],
        &["help", "nothing"],
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_one_error_line(&o);
    }
}

#[test]
fn missing_file_and_directory_exit_1() {
    let o = run(&["analyze", "/nonexistent/gloss/article.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_one_error_line(&o);
    assert!(stderr(&o).contains("no such file"));
    let o = run(&["batch", "/nonexistent/gloss/in.jsonl"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_one_error_line(&o);
    let o = run(&["analyze", env!("CARGO_MANIFEST_DIR")], b"");
    assert_eq!(o.status.code(), Some(1));
    assert_one_error_line(&o);
}

#[test]
fn non_utf8_input_exit_1() {
    let bytes = b"Putin met Witkoff in Moscow. \xff\xfe Caf\xe9.";
    let o = run(&["analyze"], bytes);
    assert_eq!(o.status.code(), Some(1));
    assert_one_error_line(&o);
    assert!(stderr(&o).contains("UTF-8"));
    let path = temp_file("latin1.txt", bytes);
    let o = run(
        &["analyze", &path.to_string_lossy(), "--format", "text"],
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    assert_one_error_line(&o);
}

#[test]
fn analyze_json_has_codepoint_offsets() {
    let o = run(&["analyze", &sample_path().to_string_lossy()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("JSON: {e}"));
    assert_eq!(v["schema"], 1);
    assert_eq!(v["offsets"], "codepoint");
    assert_eq!(v["source"], "text");
    let text: Vec<char> = v["text"].as_str().unwrap_or("").chars().collect();
    assert_eq!(v["text"].as_str(), Some(sample().as_str()));
    let slice = |s: &Value, e: &Value| -> String {
        let (s, e) = (
            s.as_u64().unwrap_or(u64::MAX) as usize,
            e.as_u64().unwrap_or(0) as usize,
        );
        assert!(s <= e && e <= text.len(), "span {s}..{e} outside text");
        text[s..e].iter().collect()
    };
    let mentions = v["mentions"].as_array().cloned().unwrap_or_default();
    assert!(!mentions.is_empty());
    for m in &mentions {
        assert_eq!(
            slice(&m["start"], &m["end"]),
            m["text"].as_str().unwrap_or(""),
            "{m}"
        );
    }
    // The sample has curly apostrophes before late mentions, so byte offsets
    // would be off here: check a mention after the first ’.
    let first_apostrophe = text.iter().position(|&c| c == '’').unwrap_or(usize::MAX);
    assert!(mentions
        .iter()
        .any(|m| m["start"].as_u64().unwrap_or(0) as usize > first_apostrophe));
    for a in v["actors"].as_array().cloned().unwrap_or_default() {
        for m in a["mentions"].as_array().cloned().unwrap_or_default() {
            assert_eq!(
                slice(&m["start"], &m["end"]),
                m["text"].as_str().unwrap_or("")
            );
        }
    }
    for s in v["sentences"].as_array().cloned().unwrap_or_default() {
        let t = slice(&s["start"], &s["end"]);
        assert_eq!(t.trim(), t);
        assert!(!t.is_empty());
    }
    let ignored: Vec<String> = v["ignored"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|i| slice(&i["start"], &i["end"]))
        .collect();
    assert_eq!(
        ignored,
        ["Picture credit: www.commons.wikimedia.org", "Must Read"]
    );
    let names: Vec<&str> = v["actors"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["name"].as_str()).collect())
        .unwrap_or_default();
    assert!(names.contains(&"Vladimir Putin"), "{names:?}");
}

#[test]
fn text_and_markdown_reports() {
    let path = sample_path();
    let path = path.to_string_lossy();
    let text = run(&["analyze", &path, "--format", "text"], b"");
    assert_eq!(text.status.code(), Some(0));
    let t = stdout(&text);
    for want in [
        "Summary",
        "Actors",
        "Proposals",
        "Vladimir Putin (person",
        "Moscow",
    ] {
        assert!(t.contains(want), "text report lacks {want:?}:\n{t}");
    }
    let md = run(&["analyze", &path, "-f", "markdown", "-n", "2"], b"");
    assert_eq!(md.status.code(), Some(0));
    let m = stdout(&md);
    for want in [
        "# Gloss analysis",
        "## Summary",
        "## Actors",
        "**Vladimir Putin**",
    ] {
        assert!(m.contains(want), "markdown report lacks {want:?}:\n{m}");
    }
    // Hostile article text cannot inject links or HTML into the Markdown.
    let hostile =
        "Vladimir Putin met [the envoy](javascript:alert(1)) in Moscow <script>x</script>. \
                   Putin rejected the <img src=x onerror=alert(1)> plan.";
    let o = run(
        &["analyze", "--plain", "-f", "markdown"],
        hostile.as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0));
    let m: Vec<char> = stdout(&o).chars().collect();
    for (i, c) in m.iter().enumerate() {
        if matches!(c, '<' | '[' | ']') {
            let shown: String = m.iter().collect();
            assert!(i > 0 && m[i - 1] == '\\', "unescaped {c} at {i}:\n{shown}");
        }
    }
}

#[test]
fn html_input_is_extracted() {
    let page = "<!DOCTYPE html><html><body><nav><a href=/>Home</a></nav><article>\
                <p>Vladimir Putin met Steve Witkoff in Moscow on Tuesday, the Kremlin said.</p>\
                <p>Putin rejected the peace plan, according to officials in Kyiv.</p>\
                </article><footer>Copyright</footer></body></html>";
    let o = run(&["analyze", "-f", "json-compact"], page.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap_or(Value::Null);
    assert_eq!(v["source"], "html");
    let t = v["text"].as_str().unwrap_or("");
    assert!(t.starts_with("Vladimir Putin met"), "{t}");
    assert!(
        !t.contains("Home") && !t.contains("Copyright") && !t.contains('<'),
        "{t}"
    );
    // --plain keeps the markup as text.
    let o = run(
        &["analyze", "--plain", "-f", "json-compact"],
        page.as_bytes(),
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap_or(Value::Null);
    assert_eq!(v["source"], "text");
}

#[test]
fn batch_records_errors_order_and_partial_last_line() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"one\",\"text\":\"Vladimir Putin met Steve Witkoff in Moscow.\",\"lang\":\"en\"}\n");
    input.extend_from_slice(b"this is not json\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\":\"three\",\"text\":17}\n");
    input.extend_from_slice(b"{\"id\":\"four\"}\n");
    input.extend_from_slice(b"{\"id\":\"five\",\"text\":\"Caf\xff\"}\n");
    input.extend_from_slice(b"[1,2,3]\n");
    input.extend_from_slice(
        b"{\"id\":\"last\",\"text\":\"Zelenskyy\xe2\x80\x99s envoy met Trump.\"}",
    );
    let o = run(&["batch"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json_lines(&stdout(&o));
    let ids: Vec<&Value> = v.iter().map(|r| &r["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("one"),
            &Value::Null,
            &Value::from("three"),
            &Value::from("four"),
            &Value::Null,
            &Value::Null,
            &Value::from("last"),
        ]
    );
    assert!(v[0].get("error").is_none());
    assert!(v[0]["mentions"].is_array());
    assert_eq!(v[0]["offsets"], "codepoint");
    for (i, line) in [(1, 2), (2, 4), (3, 5), (4, 6), (5, 7)] {
        assert!(v[i]["error"].is_string(), "record {i}: {}", v[i]);
        assert_eq!(v[i]["line"], line, "record {i}");
    }
    assert!(v[6].get("error").is_none(), "{}", v[6]);
    // Code-point offsets after a curly apostrophe in the partial last line.
    let text: Vec<char> = v[6]["text"].as_str().unwrap_or("").chars().collect();
    for m in v[6]["mentions"].as_array().cloned().unwrap_or_default() {
        let (s, e) = (
            m["start"].as_u64().unwrap_or(0) as usize,
            m["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            m["text"].as_str().unwrap_or("")
        );
    }
}

#[test]
fn batch_reads_a_file_and_keeps_order() {
    let text = sample();
    let mut input = String::new();
    for i in 0..20 {
        let doc =
            serde_json::json!({ "id": format!("doc-{i}"), "text": format!("Doc {i}. {text}") });
        input.push_str(&doc.to_string());
        input.push('\n');
    }
    let path = temp_file("order.jsonl", input.as_bytes());
    let o = run(&["batch", &path.to_string_lossy(), "-n", "1"], b"");
    assert_eq!(o.status.code(), Some(0));
    let v = json_lines(&stdout(&o));
    assert_eq!(v.len(), 20);
    for (i, r) in v.iter().enumerate() {
        assert_eq!(r["id"], format!("doc-{i}"));
        assert!(r["summary"]["sentences"]
            .as_array()
            .is_some_and(|s| s.len() <= 1));
    }
}

#[test]
fn batch_into_closed_pipe_exits_quietly() {
    let doc = serde_json::json!({ "id": "x", "text": sample() }).to_string();
    let input = format!("{doc}\n").repeat(400);
    let path = temp_file("big.jsonl", input.as_bytes());
    // Read one line, then close the pipe while gloss is still writing.
    let mut child = Command::new(GLOSS)
        .args(["batch", &path.to_string_lossy()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn: {e}"));
    let out = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut first = String::new();
    let mut reader = BufReader::new(out);
    reader
        .read_line(&mut first)
        .unwrap_or_else(|e| panic!("read: {e}"));
    assert!(first.starts_with('{'));
    drop(reader);
    let o = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("wait: {e}"));
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(o.stderr.is_empty(), "stderr: {}", stderr(&o));
    // The shell form from the docs, with pipefail so gloss's status counts.
    if std::path::Path::new("/bin/bash").exists() {
        let o = Command::new("/bin/bash")
            .arg("-c")
            .arg(format!(
                "set -o pipefail; '{GLOSS}' batch '{}' | head -1 >/dev/null",
                path.display()
            ))
            .output()
            .unwrap_or_else(|e| panic!("bash: {e}"));
        assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
        assert!(o.stderr.is_empty(), "stderr: {}", stderr(&o));
    }
}

#[test]
fn html_page_is_self_contained_and_inert() {
    let mut text = sample();
    text.push_str("\nPutin answered <img src=x onerror=\"window.__pwned=1\"> and <script>alert(1)</script>.\n");
    let o = run(
        &["analyze", "--format", "html", "--text", "-"],
        text.as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Content-Security-Policy"));
    assert!(!page.contains("<script"), "no script element");
    assert!(!page.contains("<img"), "no image element");
    assert!(
        page.contains("&lt;img src=x onerror="),
        "hostile text shown as text"
    );
    assert!(
        page.contains("id=\"card-vladimir-putin\""),
        "a card per actor"
    );
    assert!(page.contains("class=\"stance-map\""), "the stance map");
    assert!(
        !page.contains("src=\"http") && !page.contains("href=\"http"),
        "no external resource"
    );
}

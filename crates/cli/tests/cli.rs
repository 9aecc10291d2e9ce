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

/// Runs `gloss batch` with `args` on `input` and returns its records.
fn batch_records(args: &[&str], input: &str) -> Vec<Value> {
    let mut all = vec!["batch"];
    all.extend_from_slice(args);
    let o = run(&all, input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    json_lines(&stdout(&o))
}

/// The top-level keys of a JSON object, in the order they are written.
struct Keys(Vec<String>);

impl<'de> serde::Deserialize<'de> for Keys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Keys;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = m.next_key::<String>()? {
                    m.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(k);
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// Runs `gloss batch` and returns, per output line, its keys in order.
fn batch_keys(args: &[&str], input: &str) -> Vec<Vec<String>> {
    let mut all = vec!["batch"];
    all.extend_from_slice(args);
    let o = run(&all, input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<Keys>(l)
                .unwrap_or_else(|e| panic!("{e}: {l}"))
                .0
        })
        .collect()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Checks every `start`/`end` pair in `v` against `text` (code points):
/// inside it and, for mentions and evidence, slicing to their `text`.
/// Returns how many spans it checked.
fn check_spans(v: &Value, text: &[char]) -> usize {
    let mut n = 0;
    match v {
        Value::Object(o) => {
            if let (Some(s), Some(e)) = (o.get("start"), o.get("end")) {
                let (s, e) = (
                    s.as_u64().unwrap_or(u64::MAX) as usize,
                    e.as_u64().unwrap_or(0) as usize,
                );
                assert!(
                    s <= e && e <= text.len(),
                    "span {s}..{e} outside the text: {v}"
                );
                // A fact's `text` is a clause, not the slice.
                if let (Some(t), false) = (o.get("text"), o.contains_key("sentence")) {
                    let slice: String = text[s..e].iter().collect();
                    assert_eq!(Some(slice.as_str()), t.as_str(), "{v}");
                }
                n += 1;
            }
            n += o.values().map(|x| check_spans(x, text)).sum::<usize>();
        }
        Value::Array(a) => n += a.iter().map(|x| check_spans(x, text)).sum::<usize>(),
        _ => {}
    }
    n
}

#[test]
fn batch_field_selection_table() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": sample()}),
        serde_json::json!({"id": "b", "text": "<p>Vladimir Putin met Steve Witkoff in Moscow.</p><p>Putin rejected the plan.</p>"}),
    );
    let full = batch_records(&[], &input);
    let all_keys = batch_keys(&[], &input).swap_remove(0);
    let all: Vec<&str> = all_keys.iter().map(String::as_str).collect();
    assert_eq!(all[..3], ["id", "schema", "offsets"]);
    let without_text: Vec<&str> = all.iter().copied().filter(|k| *k != "text").collect();
    // (arguments, keys of the plain-text record, keys of the HTML record)
    let cases: &[(&[&str], Vec<&str>, Vec<&str>)] = &[
        (&[], all.clone(), all.clone()),
        (&["--no-text"], without_text.clone(), all.clone()),
        (
            &["--fields", "actors,proposals,summary"],
            vec!["id", "actors", "proposals", "summary"],
            vec!["id", "actors", "proposals", "summary"],
        ),
        (
            &["--fields=summary,actors"],
            vec!["id", "actors", "summary"],
            vec!["id", "actors", "summary"],
        ),
        (
            &["--fields", "mentions", "--fields", "schema"],
            vec!["id", "schema", "mentions"],
            vec!["id", "schema", "mentions"],
        ),
        (&["--fields", "id"], vec!["id"], vec!["id"]),
        (
            &["--fields", "text,source", "-n", "1"],
            vec!["id", "source", "text"],
            vec!["id", "source", "text"],
        ),
        (
            &["--no-text", "--fields", "source,sentences"],
            vec!["id", "source", "sentences"],
            vec!["id", "source", "sentences"],
        ),
    ];
    for (args, plain_keys, html_keys) in cases {
        let v = batch_records(args, &input);
        assert_eq!(v.len(), 2, "{args:?}");
        // Keys in output order: id first, then the Analysis's order.
        let k = batch_keys(args, &input);
        assert_eq!(&k[0], plain_keys, "{args:?}");
        assert_eq!(&k[1], html_keys, "{args:?}");
        // What is kept is what the full record has.
        for (lean, whole) in v.iter().zip(&full) {
            for k in keys(lean) {
                if k != "summary" {
                    assert_eq!(lean[k], whole[k], "{args:?} {k}");
                }
            }
        }
    }
}

#[test]
fn batch_no_text_offsets_index_the_input() {
    let text = sample();
    let input = serde_json::json!({"id": 1, "text": text}).to_string();
    let v = batch_records(&["--no-text"], &input);
    assert!(v[0].get("text").is_none(), "{}", v[0]);
    assert_eq!(v[0]["source"], "text");
    let chars: Vec<char> = text.chars().collect();
    let spans = check_spans(&v[0], &chars);
    assert!(spans > 50, "only {spans} spans checked");
    // HTML input: the offsets point into the extracted story, which
    // --no-text therefore keeps; they do not index the markup.
    let page = "<article><p>Vladimir Putin met Steve Witkoff in Moscow on Tuesday.</p>\
                <p>Putin rejected the peace plan, officials in Kyiv said.</p></article>";
    let input = serde_json::json!({"id": 2, "text": page}).to_string();
    let v = batch_records(&["--no-text"], &input);
    assert_eq!(v[0]["source"], "html");
    let story: Vec<char> = v[0]["text"].as_str().unwrap_or("").chars().collect();
    assert!(story.starts_with(&['V', 'l']), "{}", v[0]["text"]);
    assert!(check_spans(&v[0], &story) > 5);
}

#[test]
fn batch_flag_errors_table() {
    for (args, says) in [
        (
            &["batch", "--fields", "actors,bogus"][..],
            "unknown field 'bogus'",
        ),
        (
            &["batch", "--fields", "actors,bogus"],
            "valid fields: schema, offsets, source, text",
        ),
        (&["batch", "--fields", ""], "empty name"),
        (&["batch", "--fields"], "--fields"),
        (&["batch", "--fields", "text", "--no-text"], "--no-text"),
        (&["batch", "--no-text=yes"], "--no-text"),
        (&["batch", "--max-bytes", "lots"], "not a size"),
        (&["batch", "--max-bytes", "0"], "at least 1 byte"),
        (&["analyze", "--fields", "actors"], "--fields"),
        (&["analyze", "--no-text"], "--no-text"),
        (&["completions"], "SHELL"),
        (&["completions", "tcsh"], "tcsh"),
    ] {
        let o = run(args, b"");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
        assert_one_error_line(&o);
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
    let o = run(&["batch", "--fields", "help"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("  proposals\n"), "{}", stdout(&o));
}

#[test]
fn batch_refuses_over_long_lines_and_goes_on() {
    let long = "Vladimir Putin met Steve Witkoff in Moscow. ".repeat(50_000); // 2.2 MB
    let mut input = String::new();
    for (id, text) in [
        ("a", "Putin spoke."),
        ("huge", long.as_str()),
        ("b", "Witkoff spoke."),
    ] {
        input.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        input.push('\n');
    }
    // The id after the text cannot be read from the kept prefix.
    input.push_str(&format!("{{\"text\":\"{long}\",\"id\":\"late\"}}\n"));
    let v = batch_records(&["--max-bytes", "1M", "--fields", "summary"], &input);
    assert_eq!(v.len(), 4);
    assert_eq!(v[0]["id"], "a");
    assert_eq!(v[1]["id"], "huge");
    assert_eq!(v[1]["line"], 2);
    let err = v[1]["error"].as_str().unwrap_or("");
    assert!(err.contains("over the limit of 1048576 bytes"), "{err}");
    assert_eq!(v[2]["id"], "b");
    assert!(v[2]["summary"].is_object());
    assert!(v[3].get("id").is_none());
    assert_eq!(v[3]["line"], 4);
    // The default limit (16 MiB) lets it through.
    let v = batch_records(&["--fields", "summary"], &input);
    assert!(v.iter().all(|r| r.get("error").is_none()));
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell], b"");
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = stdout(&o);
        assert!(
            script.contains("batch") && script.contains("no-text"),
            "{shell}"
        );
    }
}

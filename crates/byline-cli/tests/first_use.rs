//! What a new user meets first: plain text on standard input, plain words for a bad line, a
//! closed pipe, a missing file, and the summary's wording.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const TEXT: &str = "\"We will not back down,\" Iranian President Ebrahim Raisi said on Monday.\n\n\
                    Analysts said the talks had failed. {Braces} and [brackets] are text too.\n";

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the byline command starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("the byline command runs");
    feeder.join().expect("the feeder does not panic");
    out
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The document without its id, to compare two readings of one text.
fn body(mut doc: Value) -> Value {
    doc.as_object_mut().expect("an object").remove("id");
    doc
}

#[test]
fn plain_text_on_standard_input_is_one_document_as_the_same_file_gives() {
    let dir = tempfile::tempdir().unwrap();
    // What must not matter: blank lines and spaces before the text, a byte order mark, how the
    // format is chosen.
    for prefix in ["", "\n\n", "  \t", "\u{feff}", "\r\n \n"] {
        let text = format!("{prefix}{TEXT}");
        let file = dir.path().join("article.txt");
        std::fs::write(&file, &text).unwrap();
        let from_file = run(&["annotate", file.to_str().unwrap()], b"");
        assert!(from_file.status.success(), "{}", stderr(&from_file));
        let expected = body(json_lines(&from_file).remove(0));
        assert!(!expected["quotes"].as_array().unwrap().is_empty());
        for args in [
            &["annotate"][..],
            &["annotate", "-"],
            &["annotate", "-", "--format", "text"],
        ] {
            let out = run(args, text.as_bytes());
            assert!(
                out.status.success(),
                "{args:?} {prefix:?}: {}",
                stderr(&out)
            );
            let docs = json_lines(&out);
            assert_eq!(docs.len(), 1, "{args:?} {prefix:?}");
            assert_eq!(docs[0]["id"], "stdin");
            assert_eq!(body(docs[0].clone()), expected, "{args:?} {prefix:?}");
        }
    }
}

#[test]
fn json_lines_on_standard_input_are_still_read_as_json_lines() {
    let text = serde_json::to_string(TEXT).unwrap();
    for prefix in ["", "\n\n", " ", "\u{feff}"] {
        let input = format!("{prefix}{{\"id\": \"a\", \"text\": {text}}}\n{{\"text\": \"Hi.\"}}\n");
        let out = run(&["annotate", "-"], input.as_bytes());
        assert!(out.status.success(), "{prefix:?}: {}", stderr(&out));
        let docs = json_lines(&out);
        let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["a", "1"], "{prefix:?}");
    }
    // Text that starts with a brace is text when told so, and JSON Lines when told so.
    let braced = "{Reuters} said the talks failed.\n";
    let out = run(&["annotate", "--format", "text"], braced.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&out)[0]["id"], "stdin");
    let out = run(&["annotate", "--format", "jsonl"], TEXT.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(json_lines(&out)[0]["error"]
        .as_str()
        .unwrap()
        .contains("read as JSON Lines"));
}

#[test]
fn bad_json_lines_are_explained_in_plain_words() {
    // Each kind of mistake, at several places on the line: the message says the line was read
    // as JSON Lines and uses none of the parser's own words.
    let mistakes = [
        "{\"text\": tru}",
        "{\"text\": nul}",
        "{\"text\" \"x\"}",
        "{\"text\": \"x\"",
        "{\"text\": \"x}",
        "{\"text\": \"x\",}",
        "{\"text\": \"x\"} extra",
        "{text: \"x\"}",
        "{\"text\": \"a\\qb\"}",
        "{\"text\": \"a\tb\"}",
        "{\"text\": [1, 2}",
        "{\"text\": \"\\ud800\"}",
        "{\"text\": -}",
        "[\"a list\"]",
        "\"a string\"",
        "42",
        "null",
        "plain words",
    ];
    for pad in ["", "  ", "{\"id\": \"pad\", "] {
        let input: String = mistakes
            .iter()
            .map(|m| {
                let line = match (pad, m.strip_prefix('{')) {
                    ("{\"id\": \"pad\", ", Some(rest)) => format!("{pad}{rest}"),
                    (_, _) => format!("{pad}{m}"),
                };
                format!("{line}\n")
            })
            .collect();
        let out = run(&["annotate", "--format", "jsonl"], input.as_bytes());
        assert_eq!(out.status.code(), Some(1));
        let docs = json_lines(&out);
        assert_eq!(docs.len(), mistakes.len());
        for (doc, mistake) in docs.iter().zip(mistakes) {
            let error = doc["error"].as_str().unwrap_or_else(|| panic!("{mistake}"));
            assert!(error.contains("read as JSON Lines"), "{mistake}: {error}");
            for raw in ["ident", "EOF", "`", "sequence", "unit value", "hex escape"] {
                assert!(!error.contains(raw), "{mistake}: {error}");
            }
        }
    }
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let big: String = (0..2000)
        .map(|i| format!("{{\"id\": {i}, \"text\": \"He said so.\"}}\n"))
        .collect();
    let cases: [(&[&str], &[u8]); 5] = [
        (&["gazetteer", "lookup", "Gaza"], b""),
        (&["gazetteer", "stats"], b""),
        (&["gazetteer", "lookup", "Georgia", "--json"], b""),
        (&["annotate", "-", "--threads", "1"], big.as_bytes()),
        (&["annotate", "-", "--threads", "2"], big.as_bytes()),
    ];
    for (args, input) in cases {
        // The reader is gone before the command starts.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_vec();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_ne!(out.status.code(), Some(101), "{args:?}: {err}");
        assert!(
            !out.status.success(),
            "{args:?}: the output did not reach its reader"
        );
    }
}

#[test]
fn a_missing_input_is_a_usage_error_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, TEXT).unwrap();
    let good = good.to_str().unwrap();
    let output = dir.path().join("out.jsonl");
    for args in [
        vec!["annotate", "no/such/file.txt"],
        vec!["annotate", good, "no/such/file.txt"],
        vec!["annotate", "no/such/file.txt", good, "-"],
        vec![
            "annotate",
            good,
            "missing.jsonl",
            "-o",
            output.to_str().unwrap(),
        ],
    ] {
        let out = run(&args, b"{\"text\": \"Hi.\"}\n");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: nothing is written");
        let err = stderr(&out);
        assert!(
            err.contains("no such file")
                && (err.contains("file.txt") || err.contains("missing.jsonl")),
            "{args:?}: {err}"
        );
        assert!(!output.exists(), "{args:?}: the output file is not created");
    }
}

#[test]
fn the_summary_counts_in_words() {
    fn count(n: usize, noun: &str) -> String {
        match n {
            1 => format!("1 {noun}"),
            n => format!("{n} {noun}s"),
        }
    }
    let texts = [
        "The sky is blue.",
        "He said hi.",
        "\"Yes,\" Raisi said.",
        "\"Yes,\" Raisi said. \"No,\" Putin said in Moscow.",
        TEXT,
    ];
    for text in texts {
        let json = run(&["annotate", "--format", "text"], text.as_bytes());
        let doc = json_lines(&json).remove(0);
        let n = |field: &str| doc[field].as_array().unwrap().len();
        let expected = format!(
            "── stdin: {}, {}, {}",
            count(n("sentences"), "sentence"),
            count(n("entities"), "entity mention"),
            count(n("quotes"), "quotation")
        );
        let out = run(
            &["annotate", "--summary", "--format", "text"],
            text.as_bytes(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let summary = String::from_utf8(out.stdout).unwrap();
        assert_eq!(summary.lines().next().unwrap(), expected, "{text}");
    }
}

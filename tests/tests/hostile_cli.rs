//! Hostile documents through the `byline annotate` command: empty and blank documents, a large
//! document, a long single line, 100,000 quote marks, deep nesting, control characters, byte
//! order marks, CR line ends, right-to-left text, combining marks, emoji sequences, invalid
//! UTF-8 and wrong fields in JSON Lines, bad gazetteer files, and Ctrl-C in a long run.
//!
//! Each document gets a result whose offsets slice the text it names, or an error line naming
//! the file and line, and the other documents of the run are all in the output, in order.
//!
//! The command is the one [`byline_tests::byline_bin`] finds.

use std::fs;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use byline_tests::{byline, byline_bin, release};
use serde_json::{json, Value};

fn lines(out: &Output) -> Vec<Value> {
    let stdout = std::str::from_utf8(&out.stdout).expect("the output is UTF-8");
    assert!(
        stdout.is_empty() || stdout.ends_with('\n'),
        "the last line is incomplete"
    );
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:.200}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Checks a document line against the text it came from: every span on code points inside the
/// text, in order, and every `text` field equal to the slice.
fn check_document(doc: &Value, text: &str) {
    assert!(doc.get("error").is_none(), "unexpected error {doc:.300}");
    let chars: Vec<char> = text.chars().collect();
    let range = |v: &Value| -> (usize, usize) {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert!(
            s <= e && e <= chars.len(),
            "{v} outside {} code points",
            chars.len()
        );
        (s, e)
    };
    let slice = |v: &Value| -> String {
        let (s, e) = range(v);
        chars[s..e].iter().collect()
    };
    let in_order = |items: &[Value], apart: bool| {
        let mut end = 0;
        for v in items {
            let (s, e) = range(v);
            assert!(s >= if apart { end } else { 0 }, "{v} before {end}");
            assert!(s < e, "empty span {v}");
            end = e;
        }
    };
    in_order(doc["sentences"].as_array().unwrap(), true);
    if let Some(tokens) = doc.get("tokens") {
        let tokens = tokens.as_array().unwrap();
        in_order(tokens, true);
        // Tokens cover every character that is not white space.
        let mut covered = vec![false; chars.len()];
        for t in tokens {
            let (s, e) = range(t);
            covered[s..e].iter_mut().for_each(|c| *c = true);
        }
        for (i, c) in chars.iter().enumerate() {
            assert!(
                covered[i] || c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(c),
                "character {i} {c:?} is in no token"
            );
        }
    }
    if let Some(paragraphs) = doc.get("paragraphs") {
        in_order(paragraphs.as_array().unwrap(), true);
    }
    let entities = doc["entities"].as_array().unwrap();
    in_order(entities, true);
    for e in entities {
        assert_eq!(e["text"].as_str().unwrap(), slice(e), "entity {e}");
    }
    for q in doc["quotes"].as_array().unwrap() {
        let content = q["content"].as_array().unwrap();
        in_order(content, true);
        let joined: Vec<String> = content.iter().map(slice).collect();
        assert_eq!(
            q["text"].as_str().unwrap(),
            joined.join(" "),
            "quotation {q:.300}"
        );
        for f in q["quoted"].as_array().unwrap() {
            assert_eq!(f["text"].as_str().unwrap(), slice(f), "quoted {f}");
        }
        for key in ["cue", "speaker"] {
            if !q[key].is_null() {
                assert_eq!(q[key]["text"].as_str().unwrap(), slice(&q[key]), "{key}");
            }
        }
    }
}

/// `n` quote marks of every kind, with words between; balanced pairs, or marks at random.
fn quote_marks(n: usize, balanced: bool) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("\"", "\""),
        ("\u{201c}", "\u{201d}"),
        ("\u{2018}", "\u{2019}"),
        ("\u{ab}", "\u{bb}"),
        ("'", "'"),
        ("\u{201e}", "\u{201c}"),
    ];
    const MARKS: &[&str] = &[
        "\"", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "'", "\u{ab}", "\u{bb}", "`",
        "\u{201e}",
    ];
    let mut out = String::with_capacity(n * 8);
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    let mut marks = 0;
    while marks < n {
        if balanced {
            let (open, close) = PAIRS[next() % PAIRS.len()];
            out.push_str(open);
            out.push_str("we will win");
            out.push_str(close);
            out.push_str(if next() % 3 == 0 { ", he said. " } else { " " });
            marks += 2;
        } else {
            out.push_str(MARKS[next() % MARKS.len()]);
            out.push_str(["", " ", "said ", "Putin ", ". ", "\n"][next() % 6]);
            marks += 1;
        }
    }
    out
}

/// Quotations nested `depth` deep, alternating the kinds of marks.
fn nested_quotes(depth: usize) -> String {
    const OPEN: &[&str] = &["\u{201c}", "\u{2018}", "\"", "'", "\u{ab}"];
    const CLOSE: &[&str] = &["\u{201d}", "\u{2019}", "\"", "'", "\u{bb}"];
    let mut out = String::new();
    for i in 0..depth {
        out.push_str("He said ");
        out.push_str(OPEN[i % OPEN.len()]);
    }
    out.push_str("no");
    for i in (0..depth).rev() {
        out.push_str(CLOSE[i % CLOSE.len()]);
        out.push_str(", Smith said. ");
    }
    out
}

/// Hostile documents of ordinary size, by name.
fn hostile_documents() -> Vec<(&'static str, String)> {
    vec![
        ("empty", String::new()),
        ("white space", " \t\n\r\n\u{a0}\u{2028}\u{3000}  \n\n".to_owned()),
        ("quote marks balanced", quote_marks(100_000, true)),
        ("quote marks unbalanced", quote_marks(100_000, false)),
        ("nested quotes", nested_quotes(5_000)),
        (
            "control characters",
            "\"We\u{0} will\u{1} win,\u{7}\" Putin\u{1b}[0m said.\u{0}\u{0}\u{8}\u{c}\u{b}\u{1c}\u{1f}\u{7f}\u{85}\u{9f} End."
                .to_owned(),
        ),
        (
            "byte order marks",
            "\u{feff}\u{201c}Hello,\u{201d} said Joe Biden.\u{feff} \u{feff}Iran\u{feff}.".to_owned(),
        ),
        (
            "CRLF",
            "\"We will win,\" Putin said.\r\n\r\nThe U.S. disagreed.\r\nBiden said: \"No.\"\r\n".to_owned(),
        ),
        (
            "lone CR",
            "\"We will win,\" Putin said.\r\rThe U.S. disagreed.\rBiden said: \"No.\"\r".to_owned(),
        ),
        (
            "right to left",
            "\u{5e0}\u{5ea}\u{5e0}\u{5d9}\u{5d4}\u{5d5} \u{5d0}\u{5de}\u{5e8}: \u{201d}\u{5dc}\u{5d0}\u{201c}. \u{627}\u{644}\u{631}\u{626}\u{64a}\u{633} \u{642}\u{627}\u{644} \u{ab}\u{646}\u{639}\u{645}\u{bb}. \u{202e}Putin said\u{202c} \u{200f}\"yes\"\u{200e}."
                .to_owned(),
        ),
        (
            "combining marks",
            "Zalgo: Z\u{334}\u{31b}\u{35a}a\u{337}\u{302}\u{34e}l\u{336}\u{30f}g\u{338}o\u{335} said \"e\u{301}\u{301}\u{301}\u{301}\u{301}\" and Cafe\u{301} Mu\u{308}ller. \u{301}\u{302}\u{303} begin."
                .to_owned(),
        ),
        (
            "emoji sequences",
            "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466} \"\u{1f44d}\u{1f3fd}\u{1f44d}\u{1f3ff}\", said \u{1f1fa}\u{1f1f8}\u{1f1ee}\u{1f1f7} Biden. \u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} \u{2764}\u{fe0f}\u{200d}\u{1f525} #tag @user"
                .to_owned(),
        ),
        (
            "mixed scripts",
            "\u{41f}\u{443}\u{442}\u{438}\u{43d} (Putin) \u{441}\u{43a}\u{430}\u{437}\u{430}\u{43b}: \u{ab}\u{41d}\u{435}\u{442}\u{bb}. \u{65e5}\u{672c}\u{306e}\u{9996}\u{76f8}\u{300c}\u{306f}\u{3044}\u{300d}\u{3068}\u{8a00}\u{3063}\u{305f}\u{3002} \u{e01}\u{e23}\u{e38}\u{e07}\u{e40}\u{e17}\u{e1e} \u{3b1}\u{3b8}\u{3ae}\u{3bd}\u{3b1} Iran \u{939}\u{93f}\u{928}\u{94d}\u{926}\u{940}."
                .to_owned(),
        ),
        (
            "markup debris",
            "<p>&quot;We will win,&quot; Putin said.</p>\n<script>var s = \"\\\"\";</script>{{template}} [[link|Iran]] %3Cb%3E \\u201c \u{fffd}\u{fffd} Iran."
                .to_owned(),
        ),
    ]
}

#[test]
fn every_hostile_document_of_a_run_gets_its_line_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let docs = hostile_documents();
    // Good documents, each followed by a bad line of one kind.
    let huge = format!(
        "\"Huge,\" Putin said. {}",
        "word \u{201c}quoted\u{201d} ".repeat(200_000)
    );
    let bad: Vec<(Vec<u8>, &str)> = vec![
        (
            b"{\"id\": \"bad-utf8\", \"text\": \"caf\xc3 \xff\xfe ok\"}".to_vec(),
            "not valid UTF-8",
        ),
        (
            b"{\"id\": \"no-text\", \"body\": \"x\"}".to_vec(),
            "no \"text\" field",
        ),
        (
            b"{\"id\": \"null\", \"text\": null}".to_vec(),
            "field \"text\" is",
        ),
        (
            b"{\"id\": \"number\", \"text\": 42}".to_vec(),
            "field \"text\" is",
        ),
        (
            b"{\"id\": \"array\", \"text\": [\"a\"]}".to_vec(),
            "field \"text\" is",
        ),
        (
            b"{\"id\": \"object\", \"text\": {\"a\": 1}}".to_vec(),
            "field \"text\" is",
        ),
        (b"not json at all".to_vec(), "not valid JSON"),
        (b"[1, 2, 3]".to_vec(), "not a JSON object"),
        (
            b"{\"id\": \"truncated\", \"text\": \"ab".to_vec(),
            "not valid JSON",
        ),
        (
            b"{\"id\": \"nul\", \"text\": \"a\\u0000b\"}\x00".to_vec(),
            "not valid JSON",
        ),
    ];
    let mut jsonl = Vec::new();
    let mut expected: Vec<(String, Result<String, &str>)> = Vec::new();
    let mut line = 0;
    for (i, (name, text)) in docs.iter().enumerate() {
        jsonl.extend(serde_json::to_vec(&json!({"id": name, "text": text})).unwrap());
        jsonl.push(b'\n');
        line += 1;
        expected.push((name.to_string(), Ok(text.clone())));
        if let Some((bytes, message)) = bad.get(i) {
            jsonl.extend(bytes);
            jsonl.push(b'\n');
            line += 1;
            expected.push((format!("line {line}"), Err(*message)));
        }
    }
    // A huge text field, a numeric id, and CRLF line ends between JSON lines.
    jsonl.extend(serde_json::to_vec(&json!({"id": 7, "text": huge})).unwrap());
    jsonl.extend(b"\r\n");
    expected.push(("7".to_owned(), Ok(huge.clone())));
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(&corpus, &jsonl).unwrap();

    // Text files beside it: a byte order mark, an empty file, a file of invalid UTF-8.
    let bom = dir.path().join("bom.txt");
    fs::write(&bom, "\u{feff}\u{201c}Yes,\u{201d} said Joe Biden.\r\n").unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"caf\xe9 \"ol\xe9,\" he said.").unwrap();

    let out = byline(
        &[
            "annotate",
            corpus.to_str().unwrap(),
            bom.to_str().unwrap(),
            empty.to_str().unwrap(),
            latin1.to_str().unwrap(),
            "--tokens",
            "--paragraphs",
            "--threads",
            "2",
            "--batch-size",
            "3",
        ],
        b"",
    );
    let got = lines(&out);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "some documents fail: {err}");
    assert_eq!(
        got.len(),
        expected.len() + 3,
        "one line per document: {err}"
    );

    let mut failures = 0;
    for (i, ((key, want), doc)) in expected.iter().zip(&got).enumerate() {
        match want {
            Ok(text) => {
                assert_eq!(doc["id"].as_str(), Some(key.as_str()), "line {}", i + 1);
                check_document(doc, text);
            }
            Err(message) => {
                failures += 1;
                let error = doc["error"]
                    .as_str()
                    .unwrap_or_else(|| panic!("no error: {doc:.200}"));
                assert!(error.contains("corpus.jsonl"), "{error}");
                assert!(
                    error.contains(&format!("{key}:")) || error.contains(&format!("{key},")),
                    "{error} names {key}"
                );
                assert!(error.contains(message), "{error} says {message}");
                assert!(err.contains(error), "standard error repeats {error}");
            }
        }
    }
    assert_eq!(failures, bad.len());
    let tail = &got[expected.len()..];
    assert_eq!(tail[0]["id"], "bom.txt");
    check_document(&tail[0], "\u{feff}\u{201c}Yes,\u{201d} said Joe Biden.\r\n");
    assert!(
        tail[0]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "Joe Biden"),
        "a name after a byte order mark is found: {}",
        tail[0]
    );
    assert_eq!(tail[1]["id"], "empty.txt");
    check_document(&tail[1], "");
    assert_eq!(tail[1]["sentences"], json!([]));
    assert_eq!(tail[2]["id"], "latin1.txt");
    let error = tail[2]["error"].as_str().unwrap();
    assert!(
        error.contains("latin1.txt") && error.contains("UTF-8"),
        "{error}"
    );
}

#[test]
fn the_same_documents_on_standard_input_give_the_same_lines() {
    let docs = hostile_documents();
    let mut jsonl = Vec::new();
    for (name, text) in &docs {
        jsonl.extend(serde_json::to_vec(&json!({"id": name, "text": text})).unwrap());
        jsonl.push(b'\n');
    }
    let one = byline(&["annotate", "-", "--threads", "1"], &jsonl);
    let many = byline(&["annotate", "--threads", "3", "--batch-size", "1"], &jsonl);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(many.status.code(), Some(0), "{}", stderr(&many));
    assert_eq!(one.stdout, many.stdout, "thread count changes the output");
    let got = lines(&one);
    assert_eq!(got.len(), docs.len());
    for ((name, text), doc) in docs.iter().zip(&got) {
        assert_eq!(doc["id"].as_str(), Some(*name));
        check_document(doc, text);
    }
    // Quotations are found among the balanced marks, and none crosses a bad pairing.
    assert!(
        !got[2]["quotes"].as_array().unwrap().is_empty(),
        "quotations among balanced marks"
    );
}

/// Size of the large documents in MB: `$BYLINE_HOSTILE_MB` when set, else 50 in a release
/// build and 2 in a debug one (the 50 MB document runs in `benches/scripts/hostile_scaling.sh`).
fn large_mb() -> usize {
    std::env::var("BYLINE_HOSTILE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if release() { 50 } else { 2 })
}

#[test]
fn a_large_document_and_a_long_single_line() {
    let mb = large_mb();
    let dir = tempfile::tempdir().unwrap();
    let article = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/article.txt"
    ))
    .unwrap();
    let mut large = String::with_capacity(mb << 20);
    while large.len() < mb << 20 {
        large.push_str(&article);
        large.push_str("\n\n");
    }
    // One line of a fifth of the size (10 MB at 50 MB): sentences without a line break.
    let single: String = article
        .replace('\n', " ")
        .repeat((mb << 20) / 5 / article.len() + 1);
    let large_path = dir.path().join("large.txt");
    let single_path = dir.path().join("single.txt");
    fs::write(&large_path, &large).unwrap();
    fs::write(&single_path, &single).unwrap();
    let out = byline(
        &[
            "annotate",
            large_path.to_str().unwrap(),
            single_path.to_str().unwrap(),
            "--json",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = lines(&out);
    assert_eq!(got.len(), 2);
    check_document(&got[0], &large);
    check_document(&got[1], &single);
    let article_doc = &lines(&byline(
        &[
            "annotate",
            "--json",
            concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/article.txt"),
        ],
        b"",
    ))[0];
    let per_copy = article_doc["quotes"].as_array().unwrap().len();
    let copies = large.matches(article.as_str()).count();
    assert!(
        got[0]["quotes"].as_array().unwrap().len() >= per_copy * copies * 9 / 10,
        "the quotations of every copy of the article are found"
    );
}

#[test]
fn a_bad_gazetteer_file_is_refused_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        ("label.tsv", b"Q1\tVladimir Putin\tPERSON\tPutin\nQ2\tIran\tCOUNTRY\tIran\n", "line 2"),
        ("fields.tsv", b"# people\nQ1\tVladimir Putin\n", "line 2"),
        ("utf8.tsv", b"Q1\tVladimir Putin\tPERSON\tPutin\nQ2\tZ\xfcrich\tGPE\n", "line 2"),
        ("name.tsv", b"Q1\t \tPERSON\tPutin\n", "line 1"),
        ("weight.tsv", b"Q1\tPutin\tPERSON\tPutin\tNaN\n", "line 1"),
        ("utf8.csv", b"name,label\nPutin,PERSON\nZ\xfcrich,GPE\n", "line 3"),
        ("ragged.csv", b"name,label\nPutin,PERSON,extra\n", "line 2"),
        ("utf8.jsonl", b"{\"name\": \"Putin\", \"label\": \"PERSON\"}\n{\"name\": \"Z\xfcrich\", \"label\": \"GPE\"}\n", "line 2"),
        ("null.jsonl", b"{\"name\": null, \"label\": \"PERSON\"}\n", "line 1"),
        ("format.xml", b"<gazetteer/>", "format.xml"),
    ];
    let doc = b"{\"id\": \"a\", \"text\": \"Putin said so.\"}\n";
    for (name, content, place) in cases {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let out = byline(&["annotate", "--gazetteer", path.to_str().unwrap()], doc);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(name) && err.contains(place),
            "{name}: {err} names {place}"
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            out.stdout.is_empty(),
            "{name}: no document without its gazetteer"
        );
    }
}

#[test]
fn empty_aliases_and_duplicate_ids_in_a_gazetteer_still_match() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("people.tsv");
    fs::write(
        &path,
        "Q1\tAnna Politova\tPERSON\t\nQ2\tBoris Kotov\tPERSON\t|| |\nQ2\tB. Kotov\tPERSON\tKotov\n\n# comment\n",
    )
    .unwrap();
    let text = "Anna Politova met Boris Kotov. \"Fine,\" Kotov said.";
    let out = byline(
        &["annotate", "--gazetteer", path.to_str().unwrap()],
        json!({"id": "d", "text": text}).to_string().as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc = &lines(&out)[0];
    check_document(doc, text);
    let ids: Vec<(&str, &str)> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap(),
                e["entity_id"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("Anna Politova", "Q1"),
            ("Boris Kotov", "Q2"),
            ("Kotov", "Q2")
        ]
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_run_and_leaves_complete_lines() {
    let dir = tempfile::tempdir().unwrap();
    let article = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/article.txt"
    ))
    .unwrap();
    // Enough documents to run for minutes in a debug build.
    let corpus = dir.path().join("long.jsonl");
    let mut jsonl = Vec::new();
    let n = if release() { 200_000 } else { 40_000 };
    for i in 0..n {
        jsonl.extend(serde_json::to_vec(&json!({"id": i, "text": article})).unwrap());
        jsonl.push(b'\n');
    }
    fs::write(&corpus, &jsonl).unwrap();
    let output = dir.path().join("out.jsonl");
    let mut child = Command::new(byline_bin())
        .args([
            "annotate",
            corpus.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--batch-size",
            "8",
        ])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until lines are being written, then interrupt.
    let started = Instant::now();
    while fs::metadata(&output).map_or(0, |m| m.len()) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before Ctrl-C"
        );
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "no output after ten minutes"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let interrupted = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        // A hang guard, not a timing assertion: the run must end at all.
        if interrupted.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            panic!("byline did not stop after Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let err = {
        let mut s = String::new();
        std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut s).unwrap();
        s
    };
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    let written = fs::read_to_string(&output).unwrap();
    assert!(
        written.is_empty() || written.ends_with('\n'),
        "a partial last line"
    );
    let got: Vec<Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).expect("a complete line"))
        .collect();
    assert!(got.len() < n, "the run stopped before the end");
    for (i, doc) in got.iter().enumerate() {
        assert_eq!(
            doc["id"],
            i.to_string(),
            "lines are the first documents, in order"
        );
    }
}

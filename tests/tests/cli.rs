//! End-to-end tests of the `byline` command: the built binary on real files, as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use byline_tests::{byline, byline_bin};
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn article_path() -> PathBuf {
    repo().join("examples/article.txt")
}

fn article() -> String {
    std::fs::read_to_string(article_path()).expect("examples/article.txt is in the repository")
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("the output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `text[start:end]` in code points, as Python slices.
fn slice(chars: &[char], v: &Value) -> String {
    let start = v["start"].as_u64().expect("start is an integer") as usize;
    let end = v["end"].as_u64().expect("end is an integer") as usize;
    assert!(start <= end && end <= chars.len(), "{v}");
    chars[start..end].iter().collect()
}

fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

/// Checks one output document against the JSON schema, field by field, on its text.
fn check_document(doc: &Value, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    assert!(doc["id"].is_string(), "id is a string: {}", doc["id"]);
    for key in ["sentences", "entities", "quotes"] {
        assert!(doc[key].is_array(), "{key} is a list");
    }
    let sentences = doc["sentences"].as_array().unwrap();
    assert_eq!(text.trim().is_empty(), sentences.is_empty());
    let mut last_end = 0;
    for s in sentences {
        assert_eq!(keys(s), ["end", "start"]);
        let sentence = slice(&chars, s);
        assert!(!sentence.trim().is_empty());
        assert_eq!(
            sentence.trim(),
            sentence,
            "sentences start and end on tokens"
        );
        assert!(
            s["start"].as_u64().unwrap() >= last_end,
            "sentences in order"
        );
        last_end = s["end"].as_u64().unwrap();
    }
    for e in doc["entities"].as_array().unwrap() {
        assert_eq!(
            keys(e),
            [
                "end",
                "entity_id",
                "label",
                "name",
                "source",
                "start",
                "text"
            ]
        );
        assert!(["gazetteer", "model", "both"].contains(&e["source"].as_str().unwrap()));
        assert_eq!(slice(&chars, e), e["text"].as_str().unwrap(), "{e}");
        let label = e["label"].as_str().unwrap();
        assert!(
            ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "MISC"].contains(&label),
            "{e}"
        );
        assert!(e["entity_id"].is_null() || e["entity_id"].is_string());
        assert!(!e["name"].as_str().unwrap().is_empty());
    }
    for q in doc["quotes"].as_array().unwrap() {
        assert_eq!(
            keys(q),
            [
                "confidence",
                "content",
                "cue",
                "kind",
                "quoted",
                "speaker",
                "text"
            ]
        );
        assert!(["direct", "mixed", "indirect"].contains(&q["kind"].as_str().unwrap()));
        let content: Vec<String> = q["content"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                assert_eq!(keys(c), ["end", "start"]);
                slice(&chars, c)
            })
            .collect();
        assert!(!content.is_empty());
        assert_eq!(q["text"].as_str().unwrap(), content.join(" "));
        for piece in q["quoted"].as_array().unwrap() {
            assert_eq!(keys(piece), ["end", "start", "text"]);
            assert_eq!(slice(&chars, piece), piece["text"].as_str().unwrap());
        }
        if !q["cue"].is_null() {
            assert_eq!(keys(&q["cue"]), ["end", "start", "text"]);
            assert_eq!(slice(&chars, &q["cue"]), q["cue"]["text"].as_str().unwrap());
        }
        if !q["speaker"].is_null() {
            let sp = &q["speaker"];
            assert_eq!(keys(sp), ["end", "entity_id", "name", "start", "text"]);
            assert_eq!(slice(&chars, sp), sp["text"].as_str().unwrap());
        }
        let confidence = q["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
    }
    if let Some(tokens) = doc.get("tokens") {
        let mut covered = String::new();
        for t in tokens.as_array().unwrap() {
            assert_eq!(keys(t), ["end", "kind", "pos", "start", "tag"]);
            covered.push_str(&slice(&chars, t));
        }
        let non_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(covered, non_space, "tokens cover every non-space character");
    }
}

#[test]
fn the_example_article_gives_one_document_in_the_schema() {
    let path = article_path();
    let out = byline(&["annotate", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["id"], "article.txt");
    check_document(doc, &article());
    // The first sentence as DESIGN.md gives it.
    assert_eq!(doc["sentences"][0]["start"], 0);
    assert_eq!(doc["sentences"][0]["end"], 232);
    let raisi = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["start"] == 94)
        .expect("an entity at Ebrahim Raisi");
    assert_eq!(raisi["end"], 107);
    assert_eq!(raisi["label"], "PERSON");
    assert_eq!(raisi["name"], "Ebrahim Raisi");
}

#[test]
fn tokens_and_code_point_offsets_on_non_ascii_text() {
    let text = article()
        .replacen("\"genocide\"", "“genocide”", 1)
        .replacen("In a meeting", "À Genève — in a meeting", 1);
    let line = serde_json::json!({"id": "accents", "text": text}).to_string();
    let out = byline(&["annotate", "-", "--tokens"], line.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["tokens"].as_array().unwrap().len() > 500);
    check_document(&docs[0], &text);
}

/// Documents of various sizes built from the article's paragraphs, as JSON Lines.
fn corpus(n: usize) -> (String, Vec<String>) {
    let article = article();
    let paragraphs: Vec<&str> = article.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut jsonl = String::new();
    let mut texts = Vec::new();
    for i in 0..n {
        let take = 1 + i % paragraphs.len();
        let text = paragraphs[i % paragraphs.len()..]
            .iter()
            .chain(paragraphs.iter())
            .take(take)
            .copied()
            .collect::<Vec<_>>()
            .join("\n\n");
        jsonl.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        jsonl.push('\n');
        texts.push(text);
    }
    (jsonl, texts)
}

#[test]
fn output_order_is_input_order_whatever_the_thread_count() {
    let (jsonl, texts) = corpus(60);
    let mut outputs = Vec::new();
    for threads in ["1", "2", "4"] {
        let out = byline(
            &["annotate", "--threads", threads, "--batch-size", "7"],
            jsonl.as_bytes(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        outputs.push(out.stdout);
    }
    assert_eq!(
        outputs[0], outputs[1],
        "1 and 2 threads give the same output"
    );
    assert_eq!(
        outputs[0], outputs[2],
        "1 and 4 threads give the same output"
    );
    let docs = lines(&byline(&["annotate", "-j", "3"], jsonl.as_bytes()));
    assert_eq!(docs.len(), texts.len());
    for (i, (doc, text)) in docs.iter().zip(&texts).enumerate() {
        assert_eq!(doc["id"], format!("d{i}"));
        check_document(doc, text);
    }
}

/// Good and bad lines; blank lines are not documents.
const MIXED: &[u8] = b"{\"id\": \"a\", \"text\": \"Moscow said no.\"}\n\
this is not JSON\n\
{\"id\": \"c\", \"body\": \"no text field\"}\n\
\n\
{\"id\": 4, \"text\": 42}\n\
{\"id\": \"e\", \"text\": \"bad \xff byte\"}\n\
   \n\
{\"text\": \"No id here. Two sentences.\"}\n\
[\"an\", \"array\"]\n\
{\"id\": 7.5, \"text\": \"A float id.\"}\n";

#[test]
fn bad_lines_give_error_lines_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    std::fs::write(&path, MIXED).unwrap();
    let out = byline(&["annotate", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1), "documents failed: status 1");
    let docs = lines(&out);
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "1", "c", "4", "e", "5", "6", "7.5"]);
    let errors: Vec<(&str, &str)> = docs
        .iter()
        .filter_map(|d| Some((d["id"].as_str()?, d.get("error")?.as_str()?)))
        .collect();
    let name = path.display().to_string();
    let expected = [
        ("1", format!("{name}: line 2: not valid JSON")),
        ("c", format!("{name}: line 3: no \"text\" field")),
        (
            "4",
            format!("{name}: line 5: field \"text\" is a number, not a string"),
        ),
        (
            "e",
            format!("{name}: line 6: not valid UTF-8 (byte 26 of the line)"),
        ),
        ("6", format!("{name}: line 9: not a JSON object")),
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:?}");
    for ((id, error), (want_id, want)) in errors.iter().zip(&expected) {
        assert_eq!(id, want_id);
        assert!(error.starts_with(want.as_str()), "{error} / {want}");
        assert!(
            stderr(&out).contains(error),
            "stderr names the error: {error}"
        );
    }
    for (doc, text) in [
        (&docs[0], "Moscow said no."),
        (&docs[5], "No id here. Two sentences."),
        (&docs[7], "A float id."),
    ] {
        assert!(doc.get("error").is_none(), "{doc}");
        check_document(doc, text);
    }
    assert_eq!(docs[5]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn strict_stops_at_the_first_bad_document() {
    let out = byline(&["annotate", "--strict", "-"], MIXED);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2, "the good line and the first error line");
    assert_eq!(docs[0]["id"], "a");
    assert!(docs[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("<stdin>: line 2: not valid JSON"));
}

#[test]
fn every_document_good_means_status_zero_and_fields_can_be_renamed() {
    let input = b"{\"doc_id\": 10, \"body\": \"Kyiv said yes.\"}\n{\"doc_id\": \"x\", \"body\": \"Hi.\", \"text\": 3}\n";
    let out = byline(
        &["annotate", "--text-field", "body", "--id-field", "doc_id"],
        input,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "10");
    assert_eq!(docs[1]["id"], "x");
    check_document(&docs[0], "Kyiv said yes.");
}

#[test]
fn a_folder_of_text_files_in_name_order_and_an_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        ("b.txt", "Second file."),
        ("a.txt", "First file."),
        ("c.txt", "Third. File."),
    ];
    for (name, text) in texts {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    std::fs::write(dir.path().join("notes.md"), "not a document").unwrap();
    std::fs::write(dir.path().join("bad.txt"), b"caf\xe9").unwrap();
    let output = dir.path().join("out.jsonl");
    let out = byline(
        &[
            "annotate",
            dir.path().to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "bad.txt is not UTF-8");
    assert!(out.stdout.is_empty(), "nothing on standard output with -o");
    let written = std::fs::read_to_string(&output).unwrap();
    let docs: Vec<Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.txt", "b.txt", "bad.txt", "c.txt"]);
    assert!(docs[2]["error"]
        .as_str()
        .unwrap()
        .contains("bad.txt: not valid UTF-8 (byte 3)"));
    check_document(&docs[3], "Third. File.");
    assert_eq!(docs[3]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn a_missing_file_is_a_usage_error_before_any_output() {
    let out = byline(
        &["annotate", "no/such/file.txt", "-"],
        b"{\"text\": \"Hi.\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no/such/file.txt"));
}

#[test]
fn a_bad_gazetteer_file_is_reported_with_its_name() {
    let out = byline(
        &["annotate", "--gazetteer", "no/such/gazetteer.tsv", "-"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no/such/gazetteer.tsv"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_documents_every_option_with_an_example() {
    let out = byline(&["annotate", "--help"], b"");
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for option in [
        "--output",
        "--text-field",
        "--id-field",
        "--threads",
        "--gazetteer",
        "--with-default",
        "--tokens",
        "--paragraphs",
        "--strict",
        "--quiet",
        "--json",
        "--batch-size",
    ] {
        // The option's entry: its line in the options list, up to the next blank line.
        let lines: Vec<&str> = help.lines().collect();
        let at = lines
            .iter()
            .position(|l| {
                let l = l.trim_start();
                let named = |rest: &str| {
                    rest.strip_prefix(option)
                        .is_some_and(|r| r.is_empty() || r.starts_with([' ', '=']))
                };
                named(l) || (l.starts_with('-') && l.get(4..).is_some_and(named))
            })
            .unwrap_or_else(|| panic!("{option} is documented"));
        let paragraph = lines[at..]
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            paragraph.contains("Example"),
            "{option} has an example: {paragraph}"
        );
    }
    assert!(help.contains("byline annotate corpus.jsonl"));
}

#[test]
fn gazetteer_stats_and_lookup() {
    let out = byline(&["gazetteer", "stats", "--json"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(stats["entries"].as_u64().unwrap() > 1000);
    assert!(stats["labels"]["PERSON"]["entries"].as_u64().unwrap() > 0);
    assert!(stats["aliases"].as_u64().unwrap() >= stats["entries"].as_u64().unwrap());

    let out = byline(&["gazetteer", "lookup", "Vladimir Putin", "--json"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found[0]["name"], "Vladimir Putin");
    assert_eq!(found[0]["label"], "PERSON");

    // Best first, each candidate described.
    let out = byline(&["gazetteer", "lookup", "Washington", "--json"], b"");
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found[0]["entity_id"], "Q61");
    assert!(found
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["description"] == "US state"));

    let out = byline(&["gazetteer", "lookup", "Qwxzv Plorb"], b"");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn gazetteer_lookup_georgia_shows_each_candidates_description_and_source() {
    let out = byline(&["gazetteer", "lookup", "Georgia", "--json"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0]["description"], "country");
    assert_eq!(found[1]["description"], "US state");
    let sources: Vec<&str> = found
        .iter()
        .map(|f| f["source"].as_str().unwrap())
        .collect();
    assert!(sources[0].contains("country-codes"), "{sources:?}");
    assert!(sources[1].contains("dr5hn"), "{sources:?}");

    let out = byline(&["gazetteer", "lookup", "Georgia"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    for source in sources {
        assert!(text.contains(&format!("   source: {source}\n")), "{text}");
    }
}

#[test]
fn gazetteer_lookup_in_a_user_file_shows_the_file_name_as_source() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = dir.path().join("my places.tsv");
    std::fs::write(&gaz, "id\tname\tlabel\nQ230\tGeorgia\tGPE\n").unwrap();
    let path = gaz.to_str().unwrap();
    let out = byline(
        &[
            "gazetteer",
            "lookup",
            "Georgia",
            "--gazetteer",
            path,
            "--json",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found[0]["source"], "my places.tsv");

    // Beside the default, each candidate keeps its own source.
    let out = byline(
        &[
            "gazetteer",
            "lookup",
            "Georgia",
            "--gazetteer",
            path,
            "--with-default",
            "--json",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    assert!(sources.contains(&"my places.tsv"), "{sources:?}");
    assert!(sources.iter().any(|s| s.contains("dr5hn")), "{sources:?}");
}

#[test]
fn a_gazetteer_file_replaces_the_default_unless_asked_to_keep_it() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = dir.path().join("teams.jsonl");
    std::fs::write(
        &gaz,
        "{\"name\": \"Northwind Traders\", \"label\": \"ORG\", \"aliases\": [\"Northwind\"]}\n",
    )
    .unwrap();
    let input = b"{\"text\": \"Northwind said Vladimir Putin was in Moscow.\"}\n";
    let names = |args: &[&str]| -> Vec<String> {
        let out = byline(args, input);
        assert!(out.status.success(), "{}", stderr(&out));
        lines(&out)[0]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let only = names(&["annotate", "--gazetteer", gaz.to_str().unwrap()]);
    assert!(only.contains(&"Northwind Traders".to_owned()), "{only:?}");
    assert!(!only.contains(&"Moscow".to_owned()), "{only:?}");
    let both = names(&[
        "annotate",
        "--gazetteer",
        gaz.to_str().unwrap(),
        "--with-default",
    ]);
    assert!(both.contains(&"Northwind Traders".to_owned()), "{both:?}");
    assert!(both.contains(&"Moscow".to_owned()), "{both:?}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_run_and_leaves_only_complete_lines() {
    use std::io::{BufRead, BufReader, Read};

    let (jsonl, _) = corpus(50);
    let mut child = Command::new(byline_bin())
        .args(["annotate", "-", "--batch-size", "8", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // An endless stream: only the interruption ends the run.
    let feeder = std::thread::spawn(move || loop {
        if input.write_all(jsonl.as_bytes()).is_err() {
            return;
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.ends_with('\n'), "the run has started: {first}");
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(130), "interrupted: status 130");
    assert!(
        rest.is_empty() || rest.ends_with('\n'),
        "the last line is complete"
    );
    let mut ids = Vec::new();
    for line in first.lines().chain(rest.lines()) {
        let doc: Value = serde_json::from_str(line).expect("every line written is complete JSON");
        ids.push(doc["id"].as_str().unwrap().to_owned());
    }
    // Whatever was written is the input's first documents, in order, with none missing.
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(id, &format!("d{}", i % 50));
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_read() {
    let input =
        "\u{feff}{\"id\": \"a\", \"text\": \"Hi.\"}\r\n{\"id\": \"b\", \"text\": \"Yo. Hey.\"}\r\n";
    let out = byline(&["annotate"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "a");
    check_document(&docs[1], "Yo. Hey.");
}

/// Good documents from a few words to hundreds of KB, bad lines of every kind and blank lines,
/// and the id and error each line must give, in order.
fn uneven_corpus() -> (Vec<u8>, Vec<(String, bool)>) {
    let article = article();
    let mut jsonl = Vec::new();
    let mut expected = Vec::new();
    for i in 0..90 {
        let id = format!("u{i}");
        match i % 9 {
            3 => {
                jsonl.extend_from_slice(b"{\"id\": \"broken\", \"text\": ");
                expected.push((expected.len().to_string(), true));
            }
            5 => {
                jsonl.extend(
                    serde_json::to_vec(&serde_json::json!({"id": id, "body": "x"})).unwrap(),
                );
                expected.push((id, true));
            }
            7 => {
                jsonl.extend_from_slice(format!("{{\"id\": \"{id}\", \"text\": \"bad ").as_bytes());
                jsonl.push(0xff);
                jsonl.extend_from_slice(b" byte\xff\"}");
                expected.push((id, true));
            }
            _ => {
                // One document in ten is large (the article 25 times, ~80 KB: more than a chunk), the
                // others small.
                let text = match i % 10 {
                    0 => [article.as_str(); 25].join("\n\n"),
                    1 | 4 => "Moscow said no.".to_owned(),
                    _ => article[..article.len().min(200 * (i + 1))]
                        .rsplit_once(' ')
                        .map_or("Hi.", |(head, _)| head)
                        .to_owned(),
                };
                jsonl.extend(
                    serde_json::to_vec(&serde_json::json!({"id": id, "text": text})).unwrap(),
                );
                expected.push((id, false));
            }
        }
        jsonl.push(b'\n');
        if i % 11 == 0 {
            jsonl.extend_from_slice(b"   \n\n");
        }
    }
    (jsonl, expected)
}

#[test]
fn uneven_documents_and_bad_lines_give_the_same_bytes_on_any_thread_count() {
    let (jsonl, expected) = uneven_corpus();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("uneven.jsonl");
    std::fs::write(&path, &jsonl).unwrap();
    let path = path.to_str().unwrap();
    let reference = byline(&["annotate", path, "--threads", "1"], b"");
    assert_eq!(reference.status.code(), Some(1), "{}", stderr(&reference));
    let docs = lines(&reference);
    let got: Vec<(String, bool)> = docs
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_owned(),
                d.get("error").is_some(),
            )
        })
        .collect();
    assert_eq!(got, expected);
    let failures = expected.iter().filter(|(_, bad)| *bad).count();
    assert_eq!(
        stderr(&reference)
            .matches(&format!("byline: {path}: line "))
            .count(),
        failures,
        "one message per failed document: {}",
        stderr(&reference)
    );
    for threads in ["1", "2", "4"] {
        for batch in ["1", "3", "256"] {
            for from_stdin in [false, true] {
                let args = ["annotate", "--threads", threads, "--batch-size", batch];
                let out = if from_stdin {
                    byline(&[&args[..], &["-"]].concat(), &jsonl)
                } else {
                    byline(&[&args[..], &[path]].concat(), b"")
                };
                assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
                let same = if from_stdin {
                    // The same lines, only named after standard input.
                    String::from_utf8(reference.stdout.clone())
                        .unwrap()
                        .replace(path, "<stdin>")
                        .into_bytes()
                } else {
                    reference.stdout.clone()
                };
                assert!(
                    out.stdout == same,
                    "--threads {threads} --batch-size {batch} (stdin: {from_stdin}) gives other bytes"
                );
            }
        }
    }
}

#[test]
fn strict_writes_nothing_after_the_first_failure_on_any_thread_count() {
    let (jsonl, _) = corpus(80);
    let mut lines_in: Vec<&str> = jsonl.lines().collect();
    lines_in.insert(37, "{\"id\": \"bad\"}");
    lines_in.insert(60, "not JSON");
    let input = lines_in.join("\n") + "\n";
    for threads in ["1", "2", "4"] {
        for batch in ["1", "5", "256"] {
            let out = byline(
                &["annotate", "--strict", "-j", threads, "--batch-size", batch],
                input.as_bytes(),
            );
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            let docs = lines(&out);
            let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
            let want: Vec<String> = (0..37)
                .map(|i| format!("d{i}"))
                .chain(["bad".into()])
                .collect();
            assert_eq!(ids, want, "--threads {threads} --batch-size {batch}");
            assert!(docs[37]["error"]
                .as_str()
                .unwrap()
                .ends_with("no \"text\" field"));
            assert!(!stderr(&out).contains("line 61"), "{}", stderr(&out));
        }
    }
}

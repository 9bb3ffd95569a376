//! `byline report` end to end: its counts against an independent count of the same generated
//! corpus, counts that must not change when what should not matter changes, bad input, and the
//! page itself in a real browser.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{json, Value};

fn byline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_byline"))
}

/// A small deterministic random source (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Named speakers of the generated corpus: (name, Wikidata id, label, gender the name gives).
const NAMED: &[(&str, Option<&str>, &str, &str)] = &[
    ("Mary Jones", Some("Q1001"), "PERSON", "female"),
    ("Patricia Lee", None, "PERSON", "female"),
    ("Linda Park", Some("Q1003"), "PERSON", "female"),
    ("John Smith", Some("Q1004"), "PERSON", "male"),
    ("Robert Brown", None, "PERSON", "male"),
    ("William Chen", Some("Q1006"), "PERSON", "male"),
    ("J. Doe", Some("Q1007"), "PERSON", "unknown"),
    ("Acme Corporation", Some("Q1008"), "ORG", ""),
    ("City Council", None, "ORG", ""),
    ("Ruritania", Some("Q1010"), "GPE", ""),
];

/// Unnamed speakers: (text, the type the report must give).
const UNNAMED: &[(&str, &str)] = &[
    ("a spokesman", "role without a name"),
    ("the minister", "role without a name"),
    ("officials", "unnamed plural"),
    ("analysts", "unnamed plural"),
    ("he", "unresolved pronoun"),
    ("they", "unresolved pronoun"),
];

/// Entities quotations talk about.
const TOPICS: &[(&str, Option<&str>, &str)] = &[
    ("Freedonia", Some("Q2001"), "GPE"),
    ("Globex", Some("Q2002"), "ORG"),
    ("River Thames", None, "LOC"),
    ("Mary Jones", Some("Q1001"), "PERSON"),
];

const OUTLETS: &[&str] = &["Daily Bugle", "Planet", "Sentinel", "Gazette"];
const CUES: &[&str] = &["said", "told", "warned", "claimed", "according to"];
const KINDS: &[&str] = &["direct", "mixed", "indirect"];

/// The quotation that recurs, written differently each time.
const RECURRING: &[&str] = &[
    "“We will rebuild the bridge before the winter comes,”",
    "\"we will rebuild the bridge before the winter comes\"",
    "We will REBUILD the bridge -- before the winter comes!",
];

fn entity(start: u64, name: &str, id: Option<&str>, label: &str) -> Value {
    json!({"start": start, "end": start + name.chars().count() as u64, "text": name, "label": label,
           "entity_id": id, "name": name})
}

/// One generated annotated document (as `byline annotate` writes it, plus outlet and date).
fn document(rng: &mut Rng, i: usize) -> Value {
    let mut entities = Vec::new();
    let mut quotes = Vec::new();
    let mut pos = 0u64;
    for _ in 0..rng.below(6) {
        let (name, id, label) = *rng.pick(TOPICS);
        entities.push(entity(pos, name, id, label));
        pos += 40;
    }
    for _ in 0..rng.below(7) {
        let kind = *rng.pick(KINDS);
        let cue = *rng.pick(CUES);
        let content_start = pos;
        let (topic, tid, tlabel) = *rng.pick(TOPICS);
        let mentions_topic = rng.below(2) == 0;
        let text = if mentions_topic {
            format!("things are changing in {topic} faster than expected")
        } else {
            "we have nothing more to add at this time".to_owned()
        };
        if mentions_topic {
            entities.push(entity(content_start + 23, topic, tid, tlabel));
        }
        let content_end = content_start + text.chars().count() as u64;
        pos = content_end + 10;
        let speaker = match rng.below(10) {
            0..=5 => {
                let (name, id, label, _) = *rng.pick(NAMED);
                entities.push(entity(pos, name, id, label));
                let s = json!({"start": pos, "end": pos + name.chars().count() as u64, "text": name,
                               "entity_id": id, "name": name});
                pos += 30;
                s
            }
            6..=8 => {
                let (text, _) = *rng.pick(UNNAMED);
                let s = json!({"start": pos, "end": pos + text.len() as u64, "text": text,
                               "entity_id": null, "name": null});
                pos += 20;
                s
            }
            _ => Value::Null,
        };
        quotes.push(json!({"kind": kind, "text": text,
                           "content": [{"start": content_start, "end": content_end}],
                           "quoted": [], "cue": {"start": pos, "end": pos + 4, "text": cue},
                           "speaker": speaker, "confidence": 0.8}));
    }
    let mut doc = json!({"sentences": vec![json!({"start": 0, "end": 1}); rng.below(30)],
                         "entities": entities, "quotes": quotes});
    let obj = doc.as_object_mut().unwrap();
    match i % 7 {
        0 => {}
        1 => {
            obj.insert("id".into(), json!(i));
        }
        _ => {
            obj.insert("id".into(), json!(format!("doc-{i}")));
        }
    }
    if rng.below(10) > 0 {
        obj.insert("outlet".into(), json!(rng.pick(OUTLETS)));
    }
    if rng.below(10) > 0 {
        obj.insert(
            "published".into(),
            json!(format!("2024-03-{:02}T08:00:00Z", 1 + rng.below(28))),
        );
    }
    doc
}

/// A corpus of JSON Lines: generated documents, a few failed ones, blank lines, bad lines, and
/// one quotation recurring in three documents of three outlets.
fn corpus(seed: u64, docs: usize) -> Vec<String> {
    let mut rng = Rng(seed | 1);
    let mut lines = Vec::new();
    for i in 0..docs {
        let mut doc = document(&mut rng, i);
        if i % 50 == 3 && i % 97 != 5 {
            doc = json!({"id": format!("failed-{i}"), "error": "the text field is missing"});
        }
        if let Some(r) = (i % 97 == 5).then(|| RECURRING[(i / 97) % RECURRING.len()]) {
            let name = "Mary Jones";
            doc["quotes"].as_array_mut().unwrap().push(json!({
                "kind": "direct", "text": r, "content": [{"start": 9000, "end": 9050}], "quoted": [],
                "cue": {"start": 9060, "end": 9064, "text": "said"},
                "speaker": {"start": 9070, "end": 9080, "text": name, "entity_id": "Q1001", "name": name},
                "confidence": 0.9}));
            doc["entities"].as_array_mut().unwrap().push(entity(
                9070,
                name,
                Some("Q1001"),
                "PERSON",
            ));
            doc["outlet"] = json!(OUTLETS[(i / 97) % OUTLETS.len()]);
        }
        lines.push(doc.to_string());
        if i % 40 == 7 {
            lines.push(String::new());
        }
        if i % 60 == 11 {
            lines.push("{\"id\": \"broken\", \"quotes\": [".to_owned());
        }
    }
    lines
}

fn write_lines(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn report_json(inputs: &[&Path], extra: &[&str]) -> (Value, Output) {
    let out = byline()
        .arg("report")
        .args(inputs)
        .args([
            "--json",
            "--group-by",
            "outlet",
            "--date-field",
            "published",
            "--top",
            "100",
            "-q",
        ])
        .args(extra)
        .output()
        .unwrap();
    let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "report --json gave no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (value, out)
}

/// The counts, computed here from the JSON lines alone.
#[derive(Debug, Default)]
struct Expected {
    documents: u64,
    errors: u64,
    unreadable: u64,
    sentences: u64,
    mentions: u64,
    kinds: BTreeMap<String, u64>,
    types: BTreeMap<String, u64>,
    speaker_quotes: BTreeMap<String, u64>,
    speaker_docs: BTreeMap<String, u64>,
    gender_quotes: BTreeMap<String, u64>,
    groups: BTreeMap<String, (u64, u64)>,
    days: BTreeMap<String, (u64, u64)>,
    entity_mentions: BTreeMap<String, u64>,
    pairs: BTreeMap<(String, String), u64>,
}

fn independent_count(lines: &[String]) -> Expected {
    let mut e = Expected::default();
    let named: HashMap<&str, (&str, &str)> =
        NAMED.iter().map(|(n, _, l, g)| (*n, (*l, *g))).collect();
    let unnamed: HashMap<&str, &str> = UNNAMED.iter().copied().collect();
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        let Ok(doc) = serde_json::from_str::<Value>(line) else {
            e.unreadable += 1;
            continue;
        };
        e.documents += 1;
        if doc.get("error").is_some() {
            e.errors += 1;
        }
        e.sentences += doc["sentences"].as_array().map_or(0, Vec::len) as u64;
        let entities = doc["entities"].as_array().cloned().unwrap_or_default();
        e.mentions += entities.len() as u64;
        for ent in &entities {
            *e.entity_mentions
                .entry(ent["name"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
        let outlet = doc["outlet"].as_str().unwrap_or("(none)").to_owned();
        let day = doc["published"].as_str().map(|d| d[..10].to_owned());
        let quotes = doc["quotes"].as_array().cloned().unwrap_or_default();
        let g = e.groups.entry(outlet).or_default();
        g.0 += 1;
        g.1 += quotes.len() as u64;
        if let Some(day) = day {
            let d = e.days.entry(day).or_default();
            d.0 += 1;
            d.1 += quotes.len() as u64;
        }
        let mut speakers_here = Vec::new();
        for q in &quotes {
            *e.kinds
                .entry(q["kind"].as_str().unwrap().to_owned())
                .or_default() += 1;
            let s = &q["speaker"];
            let kind_of_speaker = if s.is_null() {
                "no speaker"
            } else if let Some(name) = s["name"].as_str() {
                let (label, gender) = named[name];
                *e.speaker_quotes.entry(name.to_owned()).or_default() += 1;
                if !speakers_here.contains(&name) {
                    speakers_here.push(name);
                }
                if label == "PERSON" {
                    *e.gender_quotes.entry(gender.to_owned()).or_default() += 1;
                }
                let (cs, ce) = (
                    q["content"][0]["start"].as_u64().unwrap(),
                    q["content"][0]["end"].as_u64().unwrap(),
                );
                let mut seen = Vec::new();
                for ent in &entities {
                    let (es, ee) = (ent["start"].as_u64().unwrap(), ent["end"].as_u64().unwrap());
                    let ename = ent["name"].as_str().unwrap();
                    if es >= cs && ee <= ce && ename != name && !seen.contains(&ename) {
                        seen.push(ename);
                        *e.pairs
                            .entry((name.to_owned(), ename.to_owned()))
                            .or_default() += 1;
                    }
                }
                match label {
                    "PERSON" => "named person",
                    "ORG" => "organisation",
                    _ => "place or group",
                }
            } else {
                unnamed[s["text"].as_str().unwrap()]
            };
            *e.types.entry(kind_of_speaker.to_owned()).or_default() += 1;
        }
        for name in speakers_here {
            *e.speaker_docs.entry(name.to_owned()).or_default() += 1;
        }
    }
    e
}

fn u(v: &Value) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))
}

#[test]
fn counts_match_an_independent_count_of_the_json() {
    let dir = tempfile::tempdir().unwrap();
    for seed in [1u64, 7, 2024] {
        let lines = corpus(seed, 400);
        let path = write_lines(dir.path(), "corpus.jsonl", &lines);
        let (r, out) = report_json(&[&path], &[]);
        let e = independent_count(&lines);
        assert_eq!(
            out.status.code(),
            Some(1),
            "bad lines make the exit status 1"
        );

        let c = &r["corpus"];
        assert_eq!(u(&c["documents"]), e.documents);
        assert_eq!(u(&c["documents_with_errors"]), e.errors);
        assert_eq!(u(&c["unreadable_lines"]), e.unreadable);
        assert!(e.unreadable > 0 && e.errors > 0);
        assert_eq!(u(&c["sentences"]), e.sentences);
        assert_eq!(u(&c["entity_mentions"]), e.mentions);
        for kind in KINDS {
            assert_eq!(u(&c[kind]), e.kinds[*kind], "{kind}");
        }
        assert_eq!(u(&c["quotations"]), e.kinds.values().sum::<u64>());

        for t in r["speaker_types"].as_array().unwrap() {
            let name = t["speaker_type"].as_str().unwrap();
            assert_eq!(
                u(&t["quotations"]),
                e.types.get(name).copied().unwrap_or(0),
                "{name}"
            );
        }
        let speakers = r["speakers"].as_array().unwrap();
        assert_eq!(speakers.len(), e.speaker_quotes.len());
        for s in speakers {
            let name = s["speaker"].as_str().unwrap();
            assert_eq!(u(&s["quotations"]), e.speaker_quotes[name], "{name}");
            assert_eq!(u(&s["documents"]), e.speaker_docs[name], "{name}");
            assert_eq!(
                u(&s["quotations"]),
                u(&s["direct"]) + u(&s["mixed"]) + u(&s["indirect"])
            );
        }
        let quotes: Vec<u64> = speakers.iter().map(|s| u(&s["quotations"])).collect();
        assert!(quotes.windows(2).all(|w| w[0] >= w[1]), "most quoted first");

        let g = &r["gender"];
        for (field, gender) in [
            ("quotations_women", "female"),
            ("quotations_men", "male"),
            ("quotations_unknown", "unknown"),
        ] {
            assert_eq!(
                u(&g[field]),
                e.gender_quotes.get(gender).copied().unwrap_or(0),
                "{field}"
            );
        }

        let groups: BTreeMap<String, (u64, u64)> = r["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["group"].as_str().unwrap().to_owned(),
                    (u(&g["documents"]), u(&g["quotations"])),
                )
            })
            .collect();
        assert_eq!(groups, e.groups);
        let days: BTreeMap<String, (u64, u64)> = r["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["date"].as_str().unwrap().to_owned(),
                    (u(&d["documents"]), u(&d["quotations"])),
                )
            })
            .collect();
        assert_eq!(days, e.days);

        for ent in r["entities"].as_array().unwrap() {
            let name = ent["entity"].as_str().unwrap();
            assert_eq!(u(&ent["mentions"]), e.entity_mentions[name], "{name}");
        }
        let pairs: BTreeMap<(String, String), u64> = r["co_occurrence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    (
                        p["speaker"].as_str().unwrap().to_owned(),
                        p["entity"].as_str().unwrap().to_owned(),
                    ),
                    u(&p["quotations"]),
                )
            })
            .collect();
        assert_eq!(pairs, e.pairs);

        // The same words, written three ways, in four documents of several outlets.
        let recurring = r["recurring"].as_array().unwrap();
        let bridge = recurring
            .iter()
            .find(|q| {
                q["text"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .contains("rebuild the bridge")
            })
            .expect("the recurring quotation is found");
        assert_eq!(bridge["speaker"], "Mary Jones");
        assert_eq!(
            u(&bridge["documents"]),
            lines
                .iter()
                .filter(|l| l.contains("rebuild the bridge") || l.contains("REBUILD"))
                .count() as u64
        );
        assert!(u(&bridge["groups"]) >= 2);
    }
}

/// Counts that must not change: the order of documents, how they are split into files, and
/// fields the report does not read.
#[test]
fn order_files_and_extra_fields_do_not_change_the_counts() {
    fn comparable(r: &Value) -> Value {
        let sorted = |key: &str, by: &str| {
            let mut rows = r[key].as_array().unwrap().clone();
            rows.sort_by_key(|row| row[by].to_string());
            rows
        };
        let speakers: Vec<Value> = sorted("speakers", "speaker")
            .iter()
            .map(|s| {
                json!([
                    s["speaker"],
                    s["quotations"],
                    s["direct"],
                    s["mixed"],
                    s["indirect"],
                    s["documents"],
                    s["gender"]
                ])
            })
            .collect();
        let mut recurring: Vec<String> = r["recurring"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| json!([q["documents"], q["groups"], q["quotations"]]).to_string())
            .collect();
        recurring.sort_unstable();
        json!({
            "corpus": r["corpus"], "speakers": speakers, "types": r["speaker_types"].as_array().unwrap().iter().map(|t| t["quotations"].clone()).collect::<Vec<_>>(),
            "gender": r["gender"], "groups": sorted("groups", "group"), "dates": r["dates"],
            "entities": sorted("entities", "entity").iter().map(|e| json!([e["entity"], e["mentions"], e["documents"]])).collect::<Vec<_>>(),
            "pairs": sorted("co_occurrence", "entity").len(), "recurring": recurring,
        })
    }
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus(99, 300);
    let whole = write_lines(dir.path(), "whole.jsonl", &lines);
    let (base, _) = report_json(&[&whole], &[]);
    let base = comparable(&base);

    let mut reversed = lines.clone();
    reversed.reverse();
    let path = write_lines(dir.path(), "reversed.jsonl", &reversed);
    assert_eq!(
        comparable(&report_json(&[&path], &[]).0),
        base,
        "document order"
    );

    let (a, b) = lines.split_at(lines.len() / 3);
    let pa = write_lines(dir.path(), "a.jsonl", a);
    let pb = write_lines(dir.path(), "b.jsonl", b);
    assert_eq!(
        comparable(&report_json(&[&pa, &pb], &[]).0),
        base,
        "split into two files"
    );

    let padded: Vec<String> = lines
        .iter()
        .map(|l| match serde_json::from_str::<Value>(l) {
            Ok(Value::Object(mut m)) => {
                m.insert(
                    "tokens".into(),
                    json!([{"start": 0, "end": 1, "kind": "word"}]),
                );
                m.insert("source_url".into(), json!("https://example.org/a"));
                Value::Object(m).to_string()
            }
            _ => l.clone(),
        })
        .collect();
    let path = write_lines(dir.path(), "padded.jsonl", &padded);
    assert_eq!(
        comparable(&report_json(&[&path], &[]).0),
        base,
        "fields the report does not read"
    );
}

#[test]
fn bad_input_is_named_and_never_stops_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    let mut bytes = b"{\"id\":\"a\",\"quotes\":[]}\nnot json at all\n".to_vec();
    bytes.extend_from_slice(
        b"{\"id\":\"b\",\"quotes\":[{\"kind\":\"direct\",\"text\":\"\xff\"}]}\n",
    );
    bytes.extend_from_slice(b"[1,2]\n{\"id\":\"c\",\"error\":\"could not read\"}\n");
    fs::write(&path, bytes).unwrap();
    let out = byline()
        .arg("report")
        .arg(&path)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("mixed.jsonl: line 2"), "{stderr}");
    assert!(
        stderr.contains("mixed.jsonl: line 3") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("mixed.jsonl: line 4"), "{stderr}");
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["corpus"]["documents"], 2);
    assert_eq!(r["corpus"]["documents_with_errors"], 1);
    assert_eq!(r["corpus"]["unreadable_lines"], 3);

    for field in ["--group-by", "--date-field", "--id-field"] {
        let out = byline()
            .arg("report")
            .arg(&path)
            .args([field, "quotes"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{field}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("got \"quotes\""));
    }

    let out = byline()
        .args(["report", "/nonexistent/x.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/x.jsonl"));
}

#[test]
fn the_page_is_self_contained_and_small_whatever_the_corpus_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut sizes = Vec::new();
    for docs in [600, 6000] {
        let path = write_lines(dir.path(), "c.jsonl", &corpus(5, docs));
        let out = byline()
            .arg("report")
            .arg(&path)
            .args(["--group-by", "outlet", "--date-field", "published", "-q"])
            .output()
            .unwrap();
        let html = String::from_utf8(out.stdout).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
        for fetched in ["src=", "<link", "@import", "url(", "<iframe"] {
            assert!(
                !html.contains(fetched),
                "the page would fetch something: {fetched}"
            );
        }
        assert!(
            html.contains("The table holds the first 1,000 of"),
            "the cap on rows is said"
        );
        sizes.push(html.len());
    }
    // Ten times the documents, about the same page (top lists and a capped table).
    assert!(sizes[1] < sizes[0] * 2, "{sizes:?}");
}

/// Chromium from Debian's `chromium` package, or `$BYLINE_CHROMIUM`.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("BYLINE_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if path.exists() {
        return Some(path);
    }
    let message = format!(
        "the report's browser test needs Chromium at {} (Debian: apt-get install chromium; or set \
         BYLINE_CHROMIUM)",
        path.display()
    );
    if std::env::var_os("CI").is_some() {
        panic!("{message}");
    }
    eprintln!("NOT RUN: {message}");
    None
}

/// What the browser is asked to do once the page has run its own script: sort, filter, count.
const HARNESS: &str = r#"<script>
(function () {
  var out = { errors: window.__errors, checks: {} };
  function rows(id) { return Array.prototype.slice.call(document.getElementById(id).tBodies[0].rows); }
  function visible(id) { return rows(id).filter(function (r) { return !r.hidden; }); }
  try {
    var ids = ["speakers-table", "types-table", "entities-table", "pairs-table", "recurring-table", "groups-table", "quotations-table"];
    out.checks.rows = ids.map(function (id) { return document.getElementById(id) ? rows(id).length : -1; });
    out.checks.charts = document.querySelectorAll("svg.chart").length;
    out.checks.bars = Array.prototype.filter.call(document.querySelectorAll("svg.chart rect"), function (r) {
      var b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length;
    var table = document.getElementById("speakers-table");
    var head = table.tHead.rows[0].cells[4];
    head.click();
    out.checks.desc = rows("speakers-table").map(function (r) { return +r.cells[4].textContent; });
    head.click();
    out.checks.asc = rows("speakers-table").map(function (r) { return +r.cells[4].textContent; });
    table.tHead.rows[0].cells[1].click();
    out.checks.names = rows("speakers-table").map(function (r) { return r.cells[1].textContent.trim(); });
    var input = document.querySelector('input[data-filter="quotations-table"]');
    input.value = "officials";
    input.dispatchEvent(new Event("input"));
    out.checks.filtered = visible("quotations-table").map(function (r) { return r.cells[0].textContent; });
    out.checks.count = document.getElementById("quotations-table-count").textContent;
    input.value = "";
    input.dispatchEvent(new Event("input"));
    out.checks.unfiltered = visible("quotations-table").length;
  } catch (e) { out.errors.push("harness: " + e); }
  var pre = document.createElement("pre");
  pre.id = "harness-result";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"#;

const ERROR_HOOK: &str = r#"<script>window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
var __consoleError = console.error;
console.error = function () { window.__errors.push(Array.prototype.join.call(arguments, " ")); __consoleError.apply(console, arguments); };
</script>"#;

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn the_page_renders_sorts_and_filters_in_chromium() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = write_lines(dir.path(), "c.jsonl", &corpus(3, 600));
    let page = dir.path().join("report.html");
    let out = byline()
        .arg("report")
        .arg(&path)
        .args([
            "--group-by",
            "outlet",
            "--date-field",
            "published",
            "--top",
            "100",
            "--max-rows",
            "300",
            "-q",
            "-o",
        ])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the generated corpus holds bad lines"
    );
    let (r, _) = report_json(&[&path], &["--max-rows", "300"]);
    let html = fs::read_to_string(&page).unwrap();
    let harness_page = dir.path().join("harness.html");
    let html = html
        .replacen("<head>", &format!("<head>{ERROR_HOOK}"), 1)
        .replacen("</body>", &format!("{HARNESS}</body>"), 1);
    fs::write(&harness_page, html).unwrap();

    let run = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(format!("file://{}", harness_page.display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    for line in stderr.lines().filter(|l| l.contains("CONSOLE")) {
        assert!(
            !line.contains("Uncaught") && !line.contains("ERROR:CONSOLE"),
            "console: {line}"
        );
    }
    let start = dom
        .find("<pre id=\"harness-result\">")
        .unwrap_or_else(|| panic!("the harness did not run:\n{stderr}"));
    let json_text = &dom[start + "<pre id=\"harness-result\">".len()..];
    let json_text = unescape(&json_text[..json_text.find("</pre>").unwrap()]);
    let result: Value = serde_json::from_str(&json_text).unwrap();
    assert_eq!(result["errors"], json!([]), "errors in the page");
    let checks = &result["checks"];

    // Every table rendered with the rows the JSON has.
    let rows: Vec<u64> = checks["rows"].as_array().unwrap().iter().map(u).collect();
    let json_rows = [
        "speakers",
        "speaker_types",
        "entities",
        "co_occurrence",
        "recurring",
        "groups",
        "quotations",
    ]
    .map(|k| r[k].as_array().unwrap().len() as u64);
    assert_eq!(rows, json_rows);
    assert_eq!(rows[6], 300);
    assert!(u(&checks["charts"]) >= 6, "{checks}");
    assert!(u(&checks["bars"]) >= 20, "{checks}");

    // Sorting: a numeric column both ways, then a text column.
    let desc: Vec<u64> = checks["desc"].as_array().unwrap().iter().map(u).collect();
    let mut want = desc.clone();
    want.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(desc, want);
    let asc: Vec<u64> = checks["asc"].as_array().unwrap().iter().map(u).collect();
    want.reverse();
    assert_eq!(asc, want);
    let names: Vec<String> = checks["names"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_lowercase())
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");

    // Filtering: exactly the rows whose speaker is "officials" (none of the other columns says it).
    let want = r["quotations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["speaker"] == "officials")
        .count();
    let filtered = checks["filtered"].as_array().unwrap();
    assert!(want > 0);
    assert_eq!(filtered.len(), want);
    assert!(filtered.iter().all(|s| s == "officials"));
    assert_eq!(checks["count"], format!("{want} of 300 rows"));
    assert_eq!(u(&checks["unfiltered"]), 300);

    // A screenshot of the page as it is, for a person to look at.
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("byline-report.png");
    let _ = fs::remove_file(&shot);
    let run = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--window-size=1280,2400",
        ])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        shot.metadata().map(|m| m.len() > 10_000).unwrap_or(false),
        "no screenshot: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    eprintln!("screenshot: {}", shot.display());

    // And printed: the print style sheet lays out every section (no scroll boxes cut rows off).
    let pdf = dir.path().join("report.pdf");
    let run = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let printed = fs::read(&pdf)
        .unwrap_or_else(|e| panic!("no PDF ({e}): {}", String::from_utf8_lossy(&run.stderr)));
    assert!(
        printed.starts_with(b"%PDF") && printed.len() > 20_000,
        "{} bytes",
        printed.len()
    );
}

#[test]
fn one_pass_writes_the_page_and_the_same_aggregates_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_lines(dir.path(), "c.jsonl", &corpus(11, 200));
    let (page, data) = (dir.path().join("r.html"), dir.path().join("r.json"));
    let out = byline()
        .arg("report")
        .arg(&path)
        .args([
            "--group-by",
            "outlet",
            "--date-field",
            "published",
            "--top",
            "100",
            "-q",
            "-o",
        ])
        .arg(&page)
        .arg("--json-out")
        .arg(&data)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let (alone, _) = report_json(&[&path], &[]);
    let together: Value = serde_json::from_str(&fs::read_to_string(&data).unwrap()).unwrap();
    assert_eq!(together, alone);
    assert!(fs::read_to_string(&page).unwrap().contains("<svg"));
}

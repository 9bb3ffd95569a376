//! The English Golden Rules of sentence segmentation, scored as `score_sentences.py` scores
//! them: each predicted sentence stripped of white space, empty ones dropped, exact list equality.

use byline_tokenize::Tokenizer;
use serde_json::Value;

/// The 48 rules, bundled so the test runs anywhere. MIT-licensed data from pySBD (derived from
/// pragmatic_segmenter); see `tests/data/README.md`.
const BUNDLED: &str = include_str!("data/golden_rules_en.jsonl");

struct Case {
    id: String,
    text: String,
    sentences: Vec<String>,
}

fn parse(source: &str, data: &str) -> Vec<Case> {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let v: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{source}:{}: {e}", n + 1));
            let field = |name: &str| {
                v.get(name)
                    .unwrap_or_else(|| panic!("{source}:{}: no field {name:?}", n + 1))
            };
            Case {
                id: field("id").to_string(),
                text: field("text").as_str().expect("text is a string").to_owned(),
                sentences: field("sentences")
                    .as_array()
                    .expect("sentences is a list")
                    .iter()
                    .map(|s| s.as_str().expect("sentence is a string").to_owned())
                    .collect(),
            }
        })
        .collect()
}

/// Returns the ids of the failing cases.
fn failures(cases: &[Case]) -> Vec<String> {
    let tokenizer = Tokenizer::new();
    let mut failed = Vec::new();
    for case in cases {
        let seg = tokenizer.segment(&case.text);
        let got: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| s.span.as_str(&case.text).trim())
            .filter(|s| !s.is_empty())
            .collect();
        let want: Vec<&str> = case
            .sentences
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if got != want {
            eprintln!("FAIL {}\n  want {want:?}\n  got  {got:?}", case.id);
            failed.push(case.id.clone());
        }
    }
    failed
}

fn shared_dir() -> std::path::PathBuf {
    match std::env::var_os("BYLINE_SHARED") {
        Some(dir) => dir.into(),
        None => concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared").into(),
    }
}

#[test]
fn bundled_golden_rules_all_pass() {
    let cases = parse("tests/data/golden_rules_en.jsonl", BUNDLED);
    assert_eq!(cases.len(), 48);
    let failed = failures(&cases);
    assert!(failed.is_empty(), "failing golden rules: {failed:?}");
}

#[test]
#[ignore = "needs ../shared (or $BYLINE_SHARED): data/sbd/golden_rules_en.jsonl"]
fn shared_golden_rules_at_least_47_of_48() {
    let path = shared_dir().join("data/sbd/golden_rules_en.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err}; set BYLINE_SHARED to the shared data folder",
            path.display()
        )
    });
    let cases = parse(&path.display().to_string(), &data);
    let failed = failures(&cases);
    let passed = cases.len() - failed.len();
    eprintln!("golden rules passed {passed}/{}", cases.len());
    assert!(
        passed >= 47,
        "only {passed}/{} pass; failing: {failed:?}",
        cases.len()
    );
}

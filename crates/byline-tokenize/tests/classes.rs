//! Classes of sentence boundaries that other splitters get right, each tested as cases of the
//! class, and each case again under changes that must not matter: a sentence before or after
//! it, more white space, curly instead of straight quotes.
//!
//! The cases are data (`tests/data/sentence_classes.jsonl`, fields `id class text sentences`)
//! so that `benches/scripts/compare_sentence_classes.py` can run other splitters on them too.

use byline_tokenize::Tokenizer;
use serde_json::Value;

const CASES: &str = include_str!("data/sentence_classes.jsonl");

struct Case {
    id: String,
    class: String,
    text: String,
    sentences: Vec<String>,
}

fn cases() -> Vec<Case> {
    CASES
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, line)| {
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("sentence_classes.jsonl:{}: {e}", n + 1));
            let field = |name: &str| {
                v.get(name)
                    .and_then(Value::as_str)
                    .unwrap_or_else(|| panic!("sentence_classes.jsonl:{}: no {name}", n + 1))
                    .to_owned()
            };
            Case {
                id: field("id"),
                class: field("class"),
                text: field("text"),
                sentences: v["sentences"]
                    .as_array()
                    .expect("sentences is a list")
                    .iter()
                    .map(|s| s.as_str().expect("sentence is a string").to_owned())
                    .collect(),
            }
        })
        .collect()
}

fn sentences(tokenizer: &Tokenizer, text: &str) -> Vec<String> {
    tokenizer
        .segment(text)
        .sentences
        .iter()
        .map(|s| s.span.as_str(text).to_owned())
        .collect()
}

/// Straight double quotes made curly, opening and closing in turn.
fn curly(s: &str, open: &mut bool) -> String {
    s.chars()
        .map(|c| match c {
            '"' => {
                *open = !*open;
                if *open {
                    '\u{201C}'
                } else {
                    '\u{201D}'
                }
            }
            c => c,
        })
        .collect()
}

/// The case and its variants, as (what changed, text, expected sentences).
fn variants(case: &Case) -> Vec<(&'static str, String, Vec<String>)> {
    let before = "It rained on Monday.";
    let after = "Nobody was hurt.";
    let mut out = vec![("as written", case.text.clone(), case.sentences.clone())];
    let mut with_before = vec![before.to_owned()];
    with_before.extend(case.sentences.iter().cloned());
    out.push((
        "after a sentence",
        format!("{before} {}", case.text),
        with_before,
    ));
    if case
        .sentences
        .last()
        .is_some_and(|s| s.ends_with(['.', '!', '?']))
    {
        let mut with_after = case.sentences.clone();
        with_after.push(after.to_owned());
        out.push((
            "before a sentence",
            format!("{} {after}", case.text),
            with_after,
        ));
    }
    out.push((
        "double spaces",
        case.text.replace(' ', "  "),
        case.sentences
            .iter()
            .map(|s| s.replace(' ', "  "))
            .collect(),
    ));
    if case.text.contains('"') {
        let mut open = false;
        let text = curly(&case.text, &mut open);
        let mut open = false;
        let want = case.sentences.iter().map(|s| curly(s, &mut open)).collect();
        out.push(("curly quotes", text, want));
    }
    out
}

#[test]
fn every_class_has_several_cases() {
    let cases = cases();
    let mut classes: Vec<&str> = cases.iter().map(|c| c.class.as_str()).collect();
    classes.dedup();
    assert!(classes.len() >= 6, "{classes:?}");
    for class in classes {
        let n = cases.iter().filter(|c| c.class == class).count();
        assert!(n >= 4, "{class}: only {n} cases");
    }
}

#[test]
fn classes_and_their_variants() {
    let tokenizer = Tokenizer::new();
    let mut failed = Vec::new();
    for case in cases() {
        for (what, text, want) in variants(&case) {
            let got = sentences(&tokenizer, &text);
            if got != want {
                failed.push(format!(
                    "{} ({}, {what}):\n  text {text:?}\n  want {want:?}\n  got  {got:?}",
                    case.id, case.class
                ));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Asserts that every (text, expected sentences) pair segments as expected, listing failures.
fn check_all(what: &str, tokenizer: &Tokenizer, cases: &[(String, Vec<String>)]) {
    let failed: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = sentences(tokenizer, text);
            (&got != want).then(|| format!("  {text:?}\n    want {want:?}\n    got  {got:?}"))
        })
        .collect();
    assert!(
        failed.is_empty(),
        "{what}: {} of {} failed\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

fn owned(sentences: &[&str]) -> Vec<String> {
    sentences.iter().map(|s| (*s).to_owned()).collect()
}

/// Each abbreviation that may end a sentence, before each word that is usually written in lower
/// case (a new sentence), and before each word that goes on a name or a time (none).
#[test]
fn generated_abbreviation_before_capitalised_word() {
    let ends = [
        "It spread across the U.S.",
        "They met at 9 a.m.",
        "It closed at 6 p.m.",
        "The law was signed in Washington, D.C.",
        "The storm hit the U.K.",
        "Shares fell at Acme Corp.",
        "Shares of Apple Inc.",
        "The deal went to Widget Inc.",
        "The ruling came from Sacramento, Calif.",
    ];
    let openers = [
        "Officials said cases rose.",
        "Police arrived later.",
        "Critics called it weak.",
        "Residents stayed home.",
        "Investigators found nothing.",
        "Analysts expected more.",
        "Doctors urged calm.",
    ];
    let mut cases = Vec::new();
    for end in ends {
        for opener in openers {
            cases.push((format!("{end} {opener}"), owned(&[end, opener])));
        }
    }
    let names = [
        "The U.S. Army sent troops.",
        "The U.S. Navy said so.",
        "She sued the U.S. Justice Department.",
        "He spoke for the U.S. Chamber of Commerce.",
        "The show starts at 8 p.m. Eastern today.",
        "Dr. Smith spoke to Mr. Jones.",
        "The U.S. Senate voted.",
        "They cited U.S. Code 18 in court.",
        "Widget Inc. Chief Executive Jane Roe resigned.",
        "Sales in the U.S. Northeast fell.",
        "The U.S. Attorney said so.",
        "The U.S. Ambassador left.",
        "The U.S. Open starts today.",
        "President George H.W. Brown spoke.",
        "The team signed J.R. Young on Monday.",
    ];
    for name in names {
        cases.push((name.to_owned(), owned(&[name])));
    }
    check_all("abbreviation class", &Tokenizer::new(), &cases);
}

/// The document's own evidence outweighs the list: a word it capitalises mid-sentence is a name.
#[test]
fn generated_document_evidence() {
    let tokenizer = Tokenizer::new();
    let mut cases = Vec::new();
    for word in ["Officials", "Police", "Critics", "Residents"] {
        let lower = word.to_lowercase();
        // Written in lower case elsewhere: a new sentence.
        let text = format!("The {lower} met. It spread across the U.S. {word} said cases rose.");
        let want = vec![
            format!("The {lower} met."),
            "It spread across the U.S.".to_owned(),
            format!("{word} said cases rose."),
        ];
        cases.push((text, want));
        // Capitalised mid-sentence elsewhere: part of a name.
        let text = format!("He met the {word} of Ruritania. The U.S. {word} said cases rose.");
        let want = vec![
            format!("He met the {word} of Ruritania."),
            format!("The U.S. {word} said cases rose."),
        ];
        cases.push((text, want));
    }
    check_all("document evidence", &tokenizer, &cases);
}

/// Footnote markers of every shape, one or several, after `.`, `!` or `?`, stay with their
/// sentence.
#[test]
fn generated_footnote_markers() {
    let markers = [
        "[1]",
        "[12]",
        "[a]",
        "[note 3]",
        "[citation needed]",
        "[2][3]",
        "\u{B9}",
        "\u{B2}\u{B3}",
        "\u{2074}",
    ];
    let mut cases = Vec::new();
    for marker in markers {
        for end in [".", "!", "?"] {
            let first = format!("The city grew fast{end}{marker}");
            for next in ["Later it shrank.", "Officials said so.", "It shrank."] {
                cases.push((
                    format!("{first} {next}"),
                    vec![first.clone(), next.to_owned()],
                ));
            }
        }
    }
    check_all("footnote markers", &Tokenizer::new(), &cases);
}

/// Lists in running text, with every marker style and length, each item its own sentence.
#[test]
fn generated_enumerations() {
    let styles: [fn(usize) -> String; 7] = [
        |k| format!("({})", ["i", "ii", "iii", "iv", "v"][k]),
        |k| format!("({})", ["a", "b", "c", "d", "e"][k]),
        |k| format!("({})", k + 1),
        |k| format!("{}.)", k + 1),
        |k| format!("{})", ["i", "ii", "iii", "iv", "v"][k]),
        |k| format!("{})", ["a", "b", "c", "d", "e"][k]),
        |k| format!("{}.", k + 1),
    ];
    let items = [
        "Pack the bags.",
        "Lock the door.",
        "Leave.",
        "Drive west.",
        "Rest.",
    ];
    let mut cases = Vec::new();
    for style in styles {
        for len in 2..=items.len() {
            let want: Vec<String> = (0..len)
                .map(|k| format!("{} {}", style(k), items[k]))
                .collect();
            cases.push((want.join(" "), want));
        }
    }
    for reference in ["2. above", "4. below", "3. earlier", "12. above"] {
        let text = format!("As noted in section {reference}, the rule holds.");
        cases.push((text.clone(), vec![text]));
    }
    check_all("enumerations", &Tokenizer::new(), &cases);
}

/// `!` and `?` inside an aside between dashes of any kind, or closing a name, end nothing.
#[test]
fn generated_marks_inside_a_sentence() {
    let mut cases = Vec::new();
    for dash in ["--", "\u{2014}", "\u{2013}"] {
        for aside in ["wow!", "did it work?", "no!", "can you believe it?!"] {
            for after in ["the crowd went wild.", "The crowd went wild."] {
                let text = format!("The players {dash} {aside} {dash} {after}");
                cases.push((text.clone(), vec![text]));
            }
        }
    }
    for name in [
        "Yahoo! Finance",
        "Yahoo! News",
        "Yahoo! Japan",
        "Jeopardy! Masters",
    ] {
        let text = format!("The story ran on {name} on Monday.");
        cases.push((text.clone(), vec![text]));
    }
    for (first, next) in [
        ("Help!", "Police came."),
        ("Why?", "Nobody knew."),
        ("Stop!", "The car stopped."),
    ] {
        cases.push((format!("{first} {next}"), owned(&[first, next])));
    }
    check_all("marks inside a sentence", &Tokenizer::new(), &cases);
}

/// Abbreviations from the built-in lists keep their sentence going, and so do the user's own.
#[test]
fn generated_abbreviations_not_yet_known() {
    let mut cases = Vec::new();
    for (abbr, next) in [
        ("Rs.", "500"),
        ("Rs.", "1,200"),
        ("2 tbsp.", "sugar"),
        ("1 tsp.", "salt"),
        ("the med.", "staff"),
        ("the assoc.", "professor"),
        ("the hosp.", "director"),
        ("the surg.", "ward"),
        ("the asst.", "coach"),
    ] {
        let text = format!("He paid for {abbr} {next} on Monday.");
        cases.push((text.clone(), vec![text]));
    }
    // Written in capitals, the same letters are a name, and the period ends the sentence.
    for name in ["QT", "MED", "DIR", "CT"] {
        let first = format!("We stopped at the {name}.");
        for next in ["It was open.", "Prices were low.", "Smith paid."] {
            cases.push((
                format!("{first} {next}"),
                vec![first.clone(), next.to_owned()],
            ));
        }
    }
    check_all("built-in abbreviations", &Tokenizer::new(), &cases);

    let tokenizer = Tokenizer::builder()
        .abbreviation("Kgs.")
        .abbreviation("approx.")
        .abbreviation("Sta.")
        .build();
    let cases: Vec<(String, Vec<String>)> = ["Kgs.", "approx.", "Sta."]
        .iter()
        .flat_map(|abbr| {
            ["Maria", "40", "the"].map(|next| {
                let text = format!("They sent {abbr} {next} today.");
                (text.clone(), vec![text])
            })
        })
        .collect();
    check_all("user abbreviations", &tokenizer, &cases);
}

/// A quotation broken off by a dash of any kind, in straight or curly quotes, ends its sentence
/// before a new one and not before its attribution.
#[test]
fn generated_interrupted_quotations() {
    let mut cases = Vec::new();
    for dash in ["--", "\u{2014}", "\u{2013}"] {
        for (open, close) in [("\"", "\""), ("\u{201C}", "\u{201D}")] {
            let quote = format!("{open}I wanted to{dash}{close}");
            for next in [
                "At that moment the door opened.",
                "Then the lights went out.",
            ] {
                cases.push((
                    format!("{quote} {next}"),
                    vec![quote.clone(), next.to_owned()],
                ));
            }
            for attribution in ["he began.", "Harry said.", "she said, and stopped."] {
                let text = format!("{quote} {attribution}");
                cases.push((text.clone(), vec![text]));
            }
        }
    }
    check_all("interrupted quotations", &Tokenizer::new(), &cases);
}

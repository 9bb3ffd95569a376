//! The names news prints every day, linked to their Wikidata ids by the embedded default
//! gazetteer: news agencies, international organisations, companies, armed groups, leaders,
//! business people, athletes, entertainers, capitals and large cities (`data/much_named.tsv`,
//! chosen from the gazetteer's sources). Each name is tried in several plain sentences, at the
//! start, in the middle and at the end, after a preposition or as a subject: where the name
//! stands must not change its id.

use byline_gazetteer::{EntityRecognizer, Gazetteer};
use byline_tokenize::Tokenizer;

/// Share of (name, sentence) pairs that must carry the right id.
const REQUIRED: f64 = 0.95;

struct Case {
    qid: String,
    label: String,
    name: String,
}

fn cases() -> Vec<Case> {
    include_str!("data/much_named.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "4 fields in {l:?}");
            Case {
                qid: f[0].to_owned(),
                label: f[1].to_owned(),
                name: f[2].to_owned(),
            }
        })
        .collect()
}

/// Sentences for a kind of name; `{}` stands for the name.
fn templates(label: &str) -> &'static [&'static str] {
    match label {
        "GPE" | "LOC" => &[
            "Talks were held in {} on Monday.",
            "Officials from {} said the plan would go ahead.",
            "The delegation arrived in {}.",
        ],
        "PERSON" => &[
            "On Monday {} published a statement.",
            "{} said on Tuesday that the talks would continue.",
            "The decision was welcomed by {}.",
        ],
        _ => &[
            "On Monday {} published a statement.",
            "A spokesperson for {} said the talks would continue.",
            "The report was criticised by {}.",
        ],
    }
}

#[test]
fn much_named_entities_are_linked() {
    let cases = cases();
    assert!(cases.len() >= 200, "{} names", cases.len());
    let recognizer = EntityRecognizer::new(Gazetteer::embedded());
    let tokenizer = Tokenizer::new();
    let (mut linked, mut total) = (0usize, 0usize);
    let mut missed = Vec::new();
    for case in &cases {
        for template in templates(&case.label) {
            let text = template.replace("{}", &case.name);
            let start = text.find(&case.name).expect("the name is in the sentence");
            let end = start + case.name.len();
            let seg = tokenizer.segment(&text);
            let mentions = recognizer.recognize(&text, &seg);
            let hit = mentions
                .iter()
                .find(|m| m.span.start <= start && end <= m.span.end);
            total += 1;
            match hit {
                Some(m) if m.entity_id.as_deref() == Some(case.qid.as_str()) => linked += 1,
                Some(m) => missed.push(format!(
                    "{text:?}: {} {:?} instead of {}",
                    m.label, m.entity_id, case.qid
                )),
                None => missed.push(format!("{text:?}: not found ({})", case.qid)),
            }
        }
    }
    let share = linked as f64 / total as f64;
    println!(
        "much-named entities: {} names, {linked} of {total} sentences linked ({:.1}%)",
        cases.len(),
        share * 100.0
    );
    for m in &missed {
        println!("  {m}");
    }
    assert!(
        share >= REQUIRED,
        "{:.1}% linked, {:.0}% required; missed:\n{}",
        share * 100.0,
        REQUIRED * 100.0,
        missed.join("\n")
    );
}

/// A function giving each entity mention of a text with its id, by the embedded gazetteer.
fn mentions() -> impl Fn(&str) -> Vec<(String, Option<String>)> {
    let recognizer = EntityRecognizer::new(Gazetteer::embedded());
    let tokenizer = Tokenizer::new();
    move |text: &str| {
        let seg = tokenizer.segment(text);
        recognizer
            .recognize(text, &seg)
            .into_iter()
            .map(|m| (text[m.span.range()].to_owned(), m.entity_id))
            .collect()
    }
}

/// Company names that are English words (and `May`, `Bill`) stay guarded: never in lower case,
/// never as the first word of a sentence unless the document names the company elsewhere;
/// inside a sentence, capitalised, they name the company.
#[test]
fn common_word_aliases_stay_guarded() {
    let ids = mentions();
    for (word, qid) in [
        ("Apple", "Q312"),
        ("Amazon", "Q3884"),
        ("Meta", "Q380"),
        ("Tesla", "Q478214"),
    ] {
        let lower = word.to_lowercase();
        for text in [
            format!("{word} is a word here. Nothing else is named."),
            format!("It said the {lower} was there."),
            format!("\"{word} and more,\" she wrote."),
        ] {
            let found = ids(&text);
            assert!(
                found.iter().all(|(t, _)| !t.eq_ignore_ascii_case(word)),
                "{text:?}: {found:?}"
            );
        }
        for text in [
            format!("Shares of {word} rose on Monday."),
            format!("Investors said {word} would report on Tuesday."),
            format!("{word} rose. Analysts expect more from {word}."),
        ] {
            let found = ids(&text);
            assert!(
                found
                    .iter()
                    .filter(|(t, _)| t == word)
                    .all(|(_, id)| id.as_deref() == Some(qid))
                    && found.iter().any(|(t, _)| t == word),
                "{text:?}: {found:?}"
            );
        }
    }
    for text in ["May I ask a question?", "Bill the client twice."] {
        assert!(ids(text).is_empty(), "{text:?}: {:?}", ids(text));
    }
}

/// A company name that is an English word, beside the noun of a natural feature, names the
/// feature (`the Amazon rainforest`, `the basin of the Amazon`), whatever the feature word,
/// its case, its side or the sentence around it; the same word elsewhere in the sentence's
/// neighbourhood still names the company.
#[test]
fn a_company_word_beside_a_natural_feature_names_the_feature() {
    let ids = mentions();
    let features = [
        "river",
        "River",
        "rainforest",
        "basin",
        "jungle",
        "forests",
        "delta",
    ];
    let after = [
        "Fires spread across the Amazon {f} this week.",
        "Scientists said the Amazon {f} was drying out.",
        "\"The Amazon {f} is at risk,\" she said.",
        "Deep in the Amazon {f}, villages flooded.",
    ];
    let before = [
        "The {f} of the Amazon flooded in May.",
        "Loggers cleared the {f} along the Amazon last year.",
    ];
    let mut checked = 0;
    for f in features {
        for template in after.iter().chain(&before) {
            let text = template.replace("{f}", f);
            let found = ids(&text);
            assert!(
                found.iter().all(|(_, id)| id.as_deref() != Some("Q3884")),
                "{text:?}: {found:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 42);
    for text in [
        "Shares of Amazon rose after the river flooded a warehouse in Ohio last week.",
        "Shares of Amazon rose. River towns flooded.",
        "Investors said Amazon would report on Tuesday.",
    ] {
        let found = ids(text);
        assert!(
            found
                .iter()
                .any(|(t, id)| t == "Amazon" && id.as_deref() == Some("Q3884")),
            "{text:?}: {found:?}"
        );
    }
}

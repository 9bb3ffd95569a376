//! Context decides between an entity mention's readings: a month name used as a date is never a
//! person, and a place named in a match result is the club (ORG), not the place. Each rule is
//! checked over generated texts that vary what must not matter (the name, the preposition, the
//! day or year, the sentence around it, the teams, the verb, the score), with the entity model
//! on and off.

use byline::{Document, Label, Pipeline};

fn pipelines() -> Vec<Pipeline> {
    let without_model = Pipeline::builder()
        .entity_model(false)
        .build()
        .expect("builds");
    vec![Pipeline::new(), without_model]
}

/// Labels of the mentions whose text is exactly `surface`.
fn labels_of(doc: &Document, surface: &str) -> Vec<Label> {
    doc.entities()
        .iter()
        .filter(|m| m.span.as_str(doc.text()) == surface)
        .map(|m| m.label)
        .collect()
}

const MONTHS: [&str; 6] = ["May", "March", "June", "April", "August", "January"];

#[test]
fn a_month_after_a_date_preposition_is_no_person() {
    let frames = [
        "{p} {m}, the minister said talks would resume.",
        "Theresa May said {p} {m} that talks would resume.",
        "The vote was delayed, officials said {p} {m}.",
    ];
    for nlp in pipelines() {
        for p in ["in", "on", "since", "until", "till", "In", "Since"] {
            for m in MONTHS {
                for frame in frames {
                    let text = frame.replace("{p}", p).replace("{m}", m);
                    let doc = nlp.annotate(text.as_str());
                    assert!(
                        !labels_of(&doc, m).contains(&Label::Person),
                        "{text:?}: {:?}",
                        doc.entities()
                    );
                    if text.starts_with("Theresa May") {
                        assert_eq!(labels_of(&doc, "Theresa May"), [Label::Person], "{text:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_month_before_a_day_or_year_is_no_person() {
    for nlp in pipelines() {
        for m in MONTHS {
            for when in ["3", "21", "3rd", "1st", "2024", "1999"] {
                for frame in [
                    "Theresa May will speak {m} {w}, aides said.",
                    "The talks end {m} {w}.",
                ] {
                    let text = frame.replace("{m}", m).replace("{w}", when);
                    let doc = nlp.annotate(text.as_str());
                    assert!(!labels_of(&doc, m).contains(&Label::Person), "{text:?}");
                }
            }
        }
    }
}

#[test]
fn a_surname_like_a_month_after_by_stays_the_person() {
    for nlp in pipelines() {
        for noun in ["A speech", "Comments", "A letter"] {
            let text = format!("Theresa May spoke on Monday. {noun} by May was praised.");
            let doc = nlp.annotate(text.as_str());
            let at = text.find("by May").expect("present") + 3;
            assert!(
                doc.entities()
                    .iter()
                    .any(|e| e.span.start == at && e.label == Label::Person),
                "{text:?}: {:?}",
                doc.entities()
            );
        }
    }
}

#[test]
fn the_person_named_like_a_month_stays_a_person() {
    for nlp in pipelines() {
        for verb in ["said", "told reporters", "resigned"] {
            let text = format!("Theresa May {verb} in May 2019. May later wrote a book.");
            let doc = nlp.annotate(text.as_str());
            assert_eq!(labels_of(&doc, "Theresa May"), [Label::Person], "{text:?}");
            let in_may = text.find("in May").expect("present") + 3;
            assert!(
                doc.entities()
                    .iter()
                    .all(|e| e.span.start != in_may || e.label != Label::Person),
                "{text:?}"
            );
        }
    }
}

const PLACES: [&str; 5] = ["Barcelona", "Leeds", "Liverpool", "Madrid", "Chicago"];

#[test]
fn a_place_in_a_match_result_is_the_club() {
    let frames = [
        "{a} beat {b} 2-1 on Sunday.",
        "{a} drew with {b} at home.",
        "{a} v {b} ended in a draw.",
        "{a} vs. {b} was a tense game.",
        "Fans watched {a} 3-0 {b} on television.",
        "Last night {a} beat {b}.",
    ];
    for nlp in pipelines() {
        for (i, a) in PLACES.iter().enumerate() {
            let b = PLACES[(i + 1) % PLACES.len()];
            for frame in frames {
                let text = frame.replace("{a}", a).replace("{b}", b);
                let doc = nlp.annotate(text.as_str());
                for team in [*a, b] {
                    let labels = labels_of(&doc, team);
                    assert!(
                        labels.iter().all(|&l| l == Label::Org),
                        "{text:?}: {team} {labels:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_place_outside_a_match_result_stays_a_place() {
    for nlp in pipelines() {
        for place in PLACES {
            for frame in [
                "{a} is a city in Spain.",
                "Protesters marched through {a} on Sunday.",
                "Storms beat down on {a} overnight.",
            ] {
                let text = frame.replace("{a}", place);
                let doc = nlp.annotate(text.as_str());
                assert!(
                    !labels_of(&doc, place).contains(&Label::Org),
                    "{text:?}: {:?}",
                    doc.entities()
                );
            }
        }
    }
}

//! Decisions the whole document takes, through the pipeline with the entity model on and off:
//! an acronym defined in parentheses names the entity of its name wherever it comes back, and
//! an ambiguous place name is the candidate the places named near it support. Each is checked
//! over generated texts that vary what must not matter (the organisation, the words around,
//! `the` before the acronym, the places that support, the sentence).

use byline::{Document, Label, Pipeline};

fn pipelines() -> Vec<Pipeline> {
    let without_model = Pipeline::builder()
        .entity_model(false)
        .build()
        .expect("builds");
    vec![Pipeline::new(), without_model]
}

/// (text, label, name, entity id) of each mention.
fn mentions(doc: &Document) -> Vec<(&str, Label, &str, Option<&str>)> {
    doc.entities()
        .iter()
        .map(|m| {
            (
                m.span.as_str(doc.text()),
                m.label,
                m.name.as_str(),
                m.entity_id.as_deref(),
            )
        })
        .collect()
}

#[test]
fn a_defined_acronym_names_the_same_entity_wherever_it_comes_back() {
    let names = [
        ("Mali Defence Forces", "MDF"),
        ("Nordwind Investment Bank", "NIB"),
        ("Coalition for the Defence of Farmers", "CDF"),
        ("Kivu Workers Union", "KWU"),
        ("Ministry of Water and Sanitation", "MWS"),
    ];
    let frames = [
        "The {L} ({S}) said on Monday it had withdrawn. The {S} later denied it, and {S} officers left.",
        "Officials of the {L} ({S}) met. A spokesman for the {S} said {S} would answer.",
        "In a statement, the {L} ({S}) blamed rebels.\n\nThe {S} has not said more; {S} declined to comment.",
    ];
    for nlp in pipelines() {
        for (long, short) in names {
            for frame in frames {
                let text = frame.replace("{L}", long).replace("{S}", short);
                let doc = nlp.annotate(text.as_str());
                let all = mentions(&doc);
                let named: Vec<_> = all.iter().filter(|m| m.0 == long).collect();
                assert_eq!(named.len(), 1, "{text:?}: {all:?}");
                let (_, label, name, id) = *named[0];
                let shorts: Vec<_> = all.iter().filter(|m| m.0 == short).collect();
                assert_eq!(shorts.len(), 3, "{text:?}: {all:?}");
                for s in shorts {
                    assert_eq!((s.1, s.2, s.3), (label, name, id), "{text:?}");
                }
            }
        }
    }
}

#[test]
fn what_no_acronym_defines_is_left_alone() {
    for nlp in pipelines() {
        for text in [
            // Initials that differ from the name's.
            "The Mali Defence Forces (MFD) said it had left. The MFD denied it.",
            // No word of an organisation, and no entity found for the name.
            "Gross Domestic Product (GDP) rose. The GDP figure fell.",
        ] {
            let doc = nlp.annotate(text);
            let all = mentions(&doc);
            assert!(
                all.iter()
                    .all(|m| !m.2.contains("Defence Forces") && !m.2.contains("Domestic")),
                "{text:?}: {all:?}"
            );
        }
    }
}

/// The entity id of every mention whose text is `surface`.
fn ids_of<'d>(doc: &'d Document, surface: &str) -> Vec<Option<&'d str>> {
    doc.entities()
        .iter()
        .filter(|m| m.span.as_str(doc.text()) == surface)
        .map(|m| m.entity_id.as_deref())
        .collect()
}

#[test]
fn the_places_named_near_an_ambiguous_place_choose_it() {
    // (ambiguous name, places that support a reading, its entity id) in the embedded gazetteer.
    let cases = [
        ("Georgia", "Atlanta", "Q1428"),
        ("Georgia", "Alabama and Texas", "Q1428"),
        ("Georgia", "Tbilisi", "Q230"),
        ("Georgia", "Ukraine", "Q230"),
        ("Perth", "Glasgow", "Q203000"),
        ("Perth", "Sydney", "Q3183"),
        ("Hyderabad", "Karachi and Lahore", "Q1640079"),
    ];
    let frames = [
        "{A} voters went to the polls on Tuesday, as did those in {B}.",
        "Officials in {B} said on Monday that {A} would follow.",
        "Results from {A} came late.\n\nIn {B}, counting went on.",
    ];
    for nlp in pipelines() {
        for (ambiguous, support, expected) in cases {
            for frame in frames {
                let text = frame.replace("{A}", ambiguous).replace("{B}", support);
                let doc = nlp.annotate(text.as_str());
                let ids = ids_of(&doc, ambiguous);
                assert!(!ids.is_empty(), "{text:?}: {:?}", mentions(&doc));
                assert!(
                    ids.iter().all(|&id| id == Some(expected)),
                    "{text:?}: {:?}",
                    mentions(&doc)
                );
            }
        }
    }
}

#[test]
fn places_far_away_or_countries_leave_the_choice_to_the_gazetteer() {
    let filler = " Nothing else happened that day.".repeat(12);
    for nlp in pipelines() {
        let alone = nlp.annotate("Georgia voters went to the polls.");
        let default = ids_of(&alone, "Georgia");
        for text in [
            format!("Georgia voters went to the polls.{filler} Atlanta was calm."),
            "Georgia voters went to the polls, the United States said.".to_string(),
            "Georgia voters went to the polls, Washington said.".to_string(),
        ] {
            let doc = nlp.annotate(text.as_str());
            assert_eq!(ids_of(&doc, "Georgia"), default, "{text:?}");
        }
    }
}

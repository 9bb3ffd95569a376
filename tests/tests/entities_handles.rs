//! Gazetteer names inside hashtags and @-handles, through the pipeline with the entity model on
//! and off: found in any case where the words of the tag run together on CamelCase boundaries
//! or as the whole tag, with the matched part as the span; never a piece of another word.
//! Checked over generated texts that vary what must not matter (the case of the tag, the words
//! around the name in the tag, `#` or `@`, where the tag stands in the post).

use byline::{Document, Pipeline};

fn pipelines() -> Vec<Pipeline> {
    let without_model = Pipeline::builder()
        .entity_model(false)
        .build()
        .expect("builds");
    vec![Pipeline::new(), without_model]
}

/// (text, entity id) of each mention.
fn mentions(doc: &Document) -> Vec<(&str, Option<&str>)> {
    doc.entities()
        .iter()
        .map(|m| (m.span.as_str(doc.text()), m.entity_id.as_deref()))
        .collect()
}

#[test]
fn names_inside_tags_are_found_whatever_the_case_and_the_words_around() {
    // (name as the tag may write it, entity id) in the embedded gazetteer.
    let names = [
        ("Putin", "Q7747"),
        ("Zelenskyy", "Q3874799"),
        ("Ukraine", "Q212"),
        ("Kyiv", "Q1899"),
    ];
    let tags = [
        "#{N}",
        "#{n}",
        "#{U}",
        "@{N}Ua",
        "#StandWith{N}",
        "#{N}2024",
        "@{N}_News",
    ];
    let posts = [
        "{T}",
        "Crowds gathered on Sunday. {T}",
        "{T} trended as crowds gathered.",
        "Watch live: {T} 🙂",
    ];
    for nlp in pipelines() {
        for (name, id) in names {
            for tag in tags {
                let tag = tag
                    .replace("{N}", name)
                    .replace("{n}", &name.to_lowercase())
                    .replace("{U}", &name.to_uppercase());
                for post in posts {
                    let text = post.replace("{T}", &tag);
                    let doc = nlp.annotate(text.as_str());
                    let found = mentions(&doc);
                    let hit = found.iter().find(|m| m.1 == Some(id));
                    assert!(hit.is_some(), "{text:?}: {found:?}");
                    let written = hit.expect("found").0;
                    assert!(written.eq_ignore_ascii_case(name), "{text:?}: {written:?}");
                }
            }
        }
    }
}

#[test]
fn pieces_of_other_words_inside_tags_are_no_names() {
    for nlp in pipelines() {
        for tag in [
            "#Putinism",
            "#standwithukraine2",
            "#Ukrainebased",
            "@xputinx",
            "#Kyivstar",
        ] {
            for post in ["{T}", "Crowds gathered on Sunday. {T}"] {
                let text = post.replace("{T}", tag);
                let doc = nlp.annotate(text.as_str());
                assert!(
                    doc.entities().iter().all(|m| {
                        let inside = m.span.start >= text.find(tag).expect("present");
                        !inside
                    }),
                    "{text:?}: {:?}",
                    mentions(&doc)
                );
            }
        }
    }
}

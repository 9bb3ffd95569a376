//! Person recognition and partial mentions through the public API.

use std::sync::Arc;

use byline_gazetteer::{EntityMention, EntityRecognizer, Entry, Gazetteer, Label};
use byline_tokenize::Tokenizer;

fn recognizer() -> EntityRecognizer {
    let gaz = Gazetteer::new([
        Entry::new("Vladimir Putin", Label::Person).id("Q7747"),
        Entry::new("Russia", Label::Gpe).id("Q159"),
        Entry::new("Russian", Label::Norp),
        Entry::new("White House", Label::Org),
        Entry::new("Jordan", Label::Gpe).id("Q810"),
    ])
    .unwrap();
    EntityRecognizer::new(Arc::new(gaz))
}

fn run(text: &str) -> Vec<EntityMention> {
    let seg = Tokenizer::new().segment(text);
    recognizer().recognize(text, &seg)
}

fn people(text: &str) -> Vec<(String, String, Option<String>)> {
    run(text)
        .into_iter()
        .filter(|m| m.label == Label::Person)
        .map(|m| {
            (
                text[m.span.range()].to_owned(),
                m.name.clone(),
                m.title.map(|t| text[t.range()].to_owned()),
            )
        })
        .collect()
}

fn p(s: &str, name: &str, title: Option<&str>) -> (String, String, Option<String>) {
    (s.to_owned(), name.to_owned(), title.map(str::to_owned))
}

#[test]
fn unknown_people_after_titles_and_first_names() {
    let text = "White House spokesman John Kirby said it. Russian Defense Minister Sergei Shoigu \
                agreed, and Mr. Kirby left. Later, Mary Smith came.";
    assert_eq!(
        people(text),
        [
            p("John Kirby", "John Kirby", Some("White House spokesman")),
            p(
                "Sergei Shoigu",
                "Sergei Shoigu",
                Some("Russian Defense Minister")
            ),
            p("Kirby", "John Kirby", Some("Mr.")),
            p("Mary Smith", "Mary Smith", None),
        ]
    );
}

#[test]
fn partial_forms_resolve_to_the_gazetteer_person() {
    let text = "Russian President Vladimir Putin spoke. President Putin said Putin's plan works.";
    let ms: Vec<EntityMention> = run(text)
        .into_iter()
        .filter(|m| m.label == Label::Person)
        .collect();
    assert_eq!(ms.len(), 3);
    assert!(ms
        .iter()
        .all(|m| m.name == "Vladimir Putin" && m.entity_id.as_deref() == Some("Q7747")));
    assert_eq!(&text[ms[0].title.unwrap().range()], "Russian President");
    assert_eq!(&text[ms[1].title.unwrap().range()], "President");
}

#[test]
fn precision_first() {
    for text in [
        "Follow Daryo's official Instagram and Twitter pages.",
        "Comments (0)",
        "Analysts speculate that Moscow gains.",
        "Breaking News From The Capital Tonight",
        "John Smith Wins The Big Race",
        "General Motors said so.",
    ] {
        assert_eq!(people(text), [], "{text}");
    }
}

#[test]
fn first_name_place_before_surname_is_a_person() {
    let text = "The author Jordan Peterson spoke in Jordan.";
    let ms = run(text);
    let got: Vec<(&str, Label)> = ms
        .iter()
        .map(|m| (&text[m.span.range()], m.label))
        .collect();
    assert_eq!(
        got,
        [("Jordan Peterson", Label::Person), ("Jordan", Label::Gpe)]
    );
}

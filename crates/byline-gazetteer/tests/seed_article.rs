//! The seed article with the embedded gazetteer: every entity of its gold annotation is
//! found with its label, none of the strings that must not be entities is one, and the
//! partial forms of a person share the person's name and id.

use byline_gazetteer::{EntityMention, EntityRecognizer, Gazetteer, Label};
use byline_tokenize::Tokenizer;

// A copy of examples/article.txt, so that the test builds from the published crate alone.
const ARTICLE: &str = include_str!("data/article.txt");

/// The gold entities of the article (`gold.json`, field `entities`): text and label.
const GOLD: &[(&str, Label)] = &[
    ("Vladimir Putin", Label::Person),
    ("Ebrahim Raisi", Label::Person),
    ("John Kirby", Label::Person),
    ("Sergei Shoigu", Label::Person),
    ("Alexander Novak", Label::Person),
    ("Moscow", Label::Gpe),
    ("Gaza", Label::Gpe),
    ("Israel", Label::Gpe),
    ("Iran", Label::Gpe),
    ("Russia", Label::Gpe),
    ("Ukraine", Label::Gpe),
    ("United Arab Emirates", Label::Gpe),
    ("Saudi Arabia", Label::Gpe),
    ("United States", Label::Gpe),
    ("Middle East", Label::Loc),
    ("Palestine", Label::Gpe),
    ("Reuters", Label::Org),
    ("Hamas", Label::Org),
    ("White House", Label::Org),
    ("Kremlin", Label::Org),
    ("Iranian", Label::Norp),
    ("Russian", Label::Norp),
    ("Palestinians", Label::Norp),
    ("Arab", Label::Norp),
];

/// Strings of the article that must not be (part of) an entity mention (`must_not_be_entities`).
const NOT_ENTITIES: &[&str] = &["Follow Daryo", "Defense", "Comments"];

fn mentions() -> Vec<EntityMention> {
    let seg = Tokenizer::new().segment(ARTICLE);
    EntityRecognizer::new(Gazetteer::embedded()).recognize(ARTICLE, &seg)
}

#[test]
fn every_gold_entity_is_found_with_its_label() {
    let ms = mentions();
    let mut missing = Vec::new();
    for &(text, label) in GOLD {
        if !ms
            .iter()
            .any(|m| &ARTICLE[m.span.range()] == text && m.label == label)
        {
            missing.push((text, label));
        }
    }
    assert!(missing.is_empty(), "missing: {missing:?}");
}

#[test]
fn no_forbidden_string_is_an_entity() {
    let ms = mentions();
    for bad in NOT_ENTITIES {
        for (at, _) in ARTICLE.match_indices(bad) {
            let end = at + bad.len();
            let hit = ms.iter().find(|m| m.span.start < end && at < m.span.end);
            assert!(hit.is_none(), "{bad:?} at {at} is in {hit:?}");
        }
    }
}

#[test]
fn mentions_are_ordered_and_disjoint_on_char_boundaries() {
    let ms = mentions();
    for w in ms.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "{:?} overlaps {:?}",
            w[0],
            w[1]
        );
    }
    assert!(ms
        .iter()
        .all(|m| ARTICLE.is_char_boundary(m.span.start) && ARTICLE.is_char_boundary(m.span.end)));
}

#[test]
fn partial_forms_of_people_share_name_and_id() {
    let ms = mentions();
    for (full, short) in [("Vladimir Putin", "Putin"), ("Ebrahim Raisi", "Raisi")] {
        let of: Vec<&EntityMention> = ms
            .iter()
            .filter(|m| {
                let t = &ARTICLE[m.span.range()];
                t == full || t == short
            })
            .collect();
        let n_short = ARTICLE.matches(short).count();
        assert_eq!(of.len(), n_short, "{full}: {of:?}");
        assert!(of
            .iter()
            .all(|m| m.label == Label::Person && m.name == of[0].name));
        assert!(of
            .iter()
            .all(|m| m.entity_id == of[0].entity_id && m.entity_id.is_some()));
    }
    // "President Putin": the title is offered, not part of the mention.
    let at = ARTICLE.find("President Putin, fresh").unwrap();
    let m = ms
        .iter()
        .find(|m| m.span.start == at + "President ".len())
        .unwrap();
    assert_eq!(&ARTICLE[m.title.unwrap().range()], "President");
    // The spokesman the gazetteer does not know, with his organisation in the title.
    let kirby = ms
        .iter()
        .find(|m| &ARTICLE[m.span.range()] == "John Kirby")
        .unwrap();
    assert_eq!(kirby.entity_id, None);
    assert_eq!(
        &ARTICLE[kirby.title.unwrap().range()],
        "White House spokesman"
    );
}

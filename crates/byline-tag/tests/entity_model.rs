//! The embedded entity-mention model: reproducible training, its score on UNER English-EWT
//! test, and tags that do not depend on what surrounds a sentence.

mod common;

use common::entity_data;

use byline_tag::{entity_model, Input, Scratch, ENTITY_TAGS};

#[test]
#[ignore = "needs ../shared: UNER English-EWT, WNUT-17, WikiGold and GUM under data/training (or $BYLINE_SHARED)"]
fn training_again_gives_the_embedded_entity_model_byte_for_byte() {
    let data = entity_data::load(&entity_data::shared()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        data.checksum,
        entity_data::PINNED,
        "the training corpora differ from the pinned ones"
    );
    let model = entity_data::train_model(
        &data.train(),
        entity_data::BITS,
        entity_data::EPOCHS,
        &entity_data::SEEDS,
    );
    assert!(
        model.to_bytes() == entity_model().to_bytes(),
        "retrained model differs from data/entities.bin: the gazetteer's matches (features) or \
         the training changed; retrain with the train_entities example"
    );
}

#[test]
#[ignore = "needs ../shared: UNER English-EWT test under data/training (or $BYLINE_SHARED)"]
fn the_model_alone_scores_at_least_062_f1_on_uner_test() {
    let data = entity_data::load(&entity_data::shared()).unwrap_or_else(|e| panic!("{e}"));
    let scores = entity_data::score(entity_model(), &data.test);
    let (p, r, f) = scores[0].1.prf();
    assert!(f >= 0.62 && p >= 0.62, "P {p:.3} R {r:.3} F1 {f:.3}");
    let (_, _, per) = scores[3].1.prf();
    assert!(per >= 0.70, "PER F1 {per:.3}");
}

#[test]
fn the_tag_set_is_the_training_one() {
    assert_eq!(entity_model().tags(), ENTITY_TAGS.map(String::from));
    assert!(entity_model().is_borrowed());
}

#[test]
fn a_sentence_tags_the_same_alone_and_after_others() {
    let sentences: [&[&str]; 3] = [
        &["Olusegun", "Bakare", "left", "Nordwind", "Bank", "."],
        &["The", "Bank", "of", "England", "raised", "rates", "."],
        &["She", "flew", "to", "Lagos", "on", "Monday", "."],
    ];
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for s in sentences {
        let alone = entity_model().tag_words(s);
        for other in sentences {
            entity_model().tag(&Input::from_words(other), &mut scratch, &mut out);
        }
        entity_model().tag(&Input::from_words(s), &mut scratch, &mut out);
        assert_eq!(alone, out, "{s:?}");
    }
}

#[test]
fn every_word_gets_one_tag_whatever_its_characters() {
    let words = [
        "",
        " ",
        "\u{0}",
        "É",
        "日本",
        "🙂",
        "12,000",
        "--",
        "X".repeat(10_000).leak(),
    ];
    let tags = entity_model().tag_words(&words);
    assert_eq!(tags.len(), words.len());
    assert!(tags.iter().all(|&t| (t as usize) < ENTITY_TAGS.len()));
}

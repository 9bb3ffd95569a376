//! The embedded part-of-speech model: held-out accuracy, reproducible training, and behaviour
//! that must not depend on what surrounds a sentence.

mod common;

use common::pos_data;

use byline_tag::{pos, Input, Scratch, Trainer};

#[test]
#[ignore = "needs ../shared: GUM and UD English-PUD under data/training (or $BYLINE_SHARED)"]
fn held_out_upos_accuracy_is_at_least_094() {
    let data = pos_data::load(&pos_data::shared()).expect("training corpora");
    let (gr, ga) = pos_data::accuracy(pos(), &data.held_gum);
    let (pr, pa) = pos_data::accuracy(pos(), &data.held_pud);
    let acc = (gr + pr) as f64 / (ga + pa) as f64;
    assert!(acc >= 0.94, "held-out UPOS accuracy {acc:.4}");
}

#[test]
#[ignore = "needs ../shared: GUM and UD English-PUD under data/training (or $BYLINE_SHARED)"]
fn training_again_gives_the_embedded_model_byte_for_byte() {
    let data = pos_data::load(&pos_data::shared()).expect("training corpora");
    assert_eq!(data.checksum, pos_data::PINNED, "inputs changed");
    let tags = pos_data::UPOS.iter().map(|s| s.to_string()).collect();
    let model =
        Trainer::new(tags, pos_data::BITS).train(&data.train, pos_data::EPOCHS, pos_data::SEED);
    assert!(
        model.to_bytes() == pos().to_bytes(),
        "retrained model differs from data/pos.bin"
    );
}

#[test]
fn a_sentence_tags_the_same_alone_and_after_others() {
    let sentences: [&[&str]; 3] = [
        &["The", "minister", "said", "talks", "would", "resume", "."],
        &["Barcelona", "beat", "Leeds", "2-1", "on", "Sunday", "."],
        &[
            "\"", "We", "will", "not", "back", "down", ",", "\"", "he", "said", ".",
        ],
    ];
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for s in sentences {
        let alone = pos().tag_words(s);
        for other in sentences {
            pos().tag(&Input::from_words(other), &mut scratch, &mut out);
        }
        pos().tag(&Input::from_words(s), &mut scratch, &mut out);
        assert_eq!(alone, out);
    }
}

#[test]
fn every_word_gets_one_tag_whatever_its_characters() {
    let words = [
        "",
        " ",
        "\u{0}",
        "é",
        "日本",
        "🙂",
        "12,000",
        "--",
        "x".repeat(10_000).leak(),
    ];
    let tags = pos().tag_words(&words);
    assert_eq!(tags.len(), words.len());
    assert!(tags.iter().all(|&t| (t as usize) < pos().tags().len()));
}

#[test]
fn common_words_get_their_usual_tags() {
    let cases: [(&[&str], usize, &str); 6] = [
        (&["She", "said", "no", "."], 1, "VERB"),
        (&["the", "new", "law"], 0, "DET"),
        (&["the", "new", "law"], 1, "ADJ"),
        (&["in", "Paris", "today"], 1, "PROPN"),
        (&["It", "has", "3", "parts"], 2, "NUM"),
        (&["They", "left", "."], 2, "PUNCT"),
    ];
    for (words, i, want) in cases {
        let tags = pos().tag_words(words);
        assert_eq!(pos().tag_name(tags[i]), want, "{words:?} word {i}");
    }
}

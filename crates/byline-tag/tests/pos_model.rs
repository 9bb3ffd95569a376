//! The embedded part-of-speech model: held-out accuracy, reproducible training, and behaviour
//! that must not depend on what surrounds a sentence.

mod common;

use common::pos_data;

use byline_tag::pos;

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
    let model = pos_data::train_model(&data, &pos_data::UPOS, pos_data::BITS, pos_data::EPOCHS);
    assert!(
        model.to_bytes() == pos().to_bytes(),
        "retrained model differs from data/pos.bin"
    );
}

#[test]
fn a_sentence_tags_the_same_alone_and_after_others() {
    pos_data::assert_context_free(pos());
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

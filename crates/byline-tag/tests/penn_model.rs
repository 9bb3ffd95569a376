//! The embedded Penn Treebank model: held-out accuracy on the UPOS model's held-out split,
//! reproducible training, and tags that do not depend on what surrounds a sentence.

mod common;

use common::pos_data;

use byline_tag::{penn, pos};

#[test]
#[ignore = "needs ../shared: GUM and UD English-PUD under data/training (or $BYLINE_SHARED)"]
fn held_out_penn_accuracy_is_at_least_093() {
    let data = pos_data::load_tags(&pos_data::shared(), 4, &pos_data::PENN).expect("corpora");
    let (gr, ga) = pos_data::accuracy(penn(), &data.held_gum);
    let (pr, pa) = pos_data::accuracy(penn(), &data.held_pud);
    let acc = (gr + pr) as f64 / (ga + pa) as f64;
    assert!(acc >= 0.93, "held-out Penn accuracy {acc:.4}");
}

#[test]
#[ignore = "needs ../shared: GUM and UD English-PUD under data/training (or $BYLINE_SHARED)"]
fn training_again_gives_the_embedded_penn_model_byte_for_byte() {
    let data = pos_data::load_tags(&pos_data::shared(), 4, &pos_data::PENN).expect("corpora");
    assert_eq!(data.checksum, pos_data::PINNED, "inputs changed");
    let model = pos_data::train_model(
        &data,
        &pos_data::PENN,
        pos_data::PENN_BITS,
        pos_data::EPOCHS,
    );
    assert!(
        model.to_bytes() == penn().to_bytes(),
        "retrained model differs from data/penn.bin"
    );
}

#[test]
fn the_tag_set_is_the_training_one() {
    assert_eq!(penn().tags(), pos_data::PENN.map(String::from));
    assert!(penn().is_borrowed());
}

#[test]
fn a_sentence_tags_the_same_alone_and_after_others() {
    pos_data::assert_context_free(penn());
}

/// Penn tags that refine each Universal tag: where the two models disagree beyond this, one of
/// them is wrong about the word's class.
fn refines(upos: &str, penn: &str) -> bool {
    match upos {
        "NOUN" => matches!(penn, "NN" | "NNS" | "NNP" | "NNPS" | "FW" | "GW"),
        "PROPN" => matches!(penn, "NNP" | "NNPS" | "NN" | "NNS"),
        "VERB" | "AUX" => penn.starts_with("VB") || penn == "MD",
        "PUNCT" => matches!(
            penn,
            "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "$" | "SYM"
        ),
        "DET" => matches!(penn, "DT" | "PDT" | "WDT" | "PRP$" | "WP$" | "EX"),
        "NUM" => matches!(penn, "CD" | "LS"),
        _ => true,
    }
}

#[test]
fn common_words_get_their_usual_penn_tags_whatever_the_sentence_around() {
    // (word, Penn tag) in frames that vary the subject, the object and the sentence end.
    let frames: [&[&str]; 3] = [
        &["The", "minister", "{}", "the", "plan", "."],
        &[
            "Officials",
            "in",
            "Paris",
            "{}",
            "the",
            "new",
            "plan",
            "on",
            "Monday",
            ".",
        ],
        &["He", "{}", "it", ",", "aides", "said", "."],
    ];
    for (word, tag) in [("condemned", "VBD"), ("rejects", "VBZ")] {
        for frame in frames {
            let words: Vec<&str> = frame
                .iter()
                .map(|w| if *w == "{}" { word } else { w })
                .collect();
            let at = frame.iter().position(|w| *w == "{}").expect("slot");
            let tags = penn().tag_words(&words);
            assert_eq!(penn().tag_name(tags[at]), tag, "{words:?}");
            let first = penn().tag_name(tags[0]);
            assert!(matches!(first, "DT" | "NNS" | "PRP"), "{words:?}: {first}");
        }
    }
}

#[test]
fn penn_and_universal_tags_mostly_agree_on_the_class() {
    let sentences: [&[&str]; 4] = [
        &["The", "minister", "said", "talks", "would", "resume", "."],
        &["Barcelona", "beat", "Leeds", "2-1", "on", "Sunday", "."],
        &[
            "Iran", "and", "Russia", "signed", "a", "deal", "in", "Moscow", ".",
        ],
        &[
            "\"", "We", "will", "not", "back", "down", ",", "\"", "he", "said", ".",
        ],
    ];
    let (mut agree, mut all) = (0, 0);
    for s in sentences {
        let u = pos().tag_words(s);
        let p = penn().tag_words(s);
        for (a, b) in u.iter().zip(&p) {
            all += 1;
            agree += usize::from(refines(pos().tag_name(*a), penn().tag_name(*b)));
        }
    }
    assert!(agree * 10 >= all * 9, "{agree}/{all}");
}

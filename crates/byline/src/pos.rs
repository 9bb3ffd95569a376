//! Parts of speech of a document's tokens, sentence by sentence, with the embedded model.

use std::cell::RefCell;

use byline_tag::{Input, Model, Scratch};
use byline_tokenize::Segmentation;

thread_local! {
    static SCRATCH: RefCell<(Scratch, Vec<u8>)> = RefCell::new(Default::default());
}

/// One Universal POS tag id per token of `segmentation`.
pub(crate) fn tag(text: &str, segmentation: &Segmentation) -> Vec<u8> {
    tag_with(byline_tag::pos(), text, segmentation)
}

/// One tag id of `model` per token of `segmentation`, sentence by sentence.
pub(crate) fn tag_with(model: &Model, text: &str, segmentation: &Segmentation) -> Vec<u8> {
    let mut tags = Vec::with_capacity(segmentation.tokens.len());
    let mut input = Input::new();
    SCRATCH.with(|cell| {
        let (scratch, out) = &mut *cell.borrow_mut();
        for sentence in &segmentation.sentences {
            // Tokens between sentences (none today) would otherwise shift every later tag.
            let punct = model.tag_id("PUNCT").or(model.tag_id(".")).unwrap_or(0);
            tags.resize(sentence.tokens.start, punct);
            input.clear();
            for token in &segmentation.tokens[sentence.tokens.clone()] {
                input.push(token.span.as_str(text));
            }
            model.tag(&input, scratch, out);
            tags.extend_from_slice(out);
        }
    });
    tags.resize(
        segmentation.tokens.len(),
        model.tag_id("X").or(model.tag_id("SYM")).unwrap_or(0),
    );
    tags
}

#[cfg(test)]
mod tests {
    use byline_tokenize::Tokenizer;

    #[test]
    fn every_token_gets_a_tag() {
        for text in [
            "",
            "One.",
            "\"Yes,\" he said. She left!\n\nNew paragraph",
            "¿Qué? 🙂 #Gaza",
        ] {
            let seg = Tokenizer::new().segment(text);
            assert_eq!(super::tag(text, &seg).len(), seg.tokens.len(), "{text:?}");
        }
    }
}

//! The entity-mention model: people, organisations and places, tagged on candidate words
//! (capitalised words and the connectors between them) with features of what the gazetteer and
//! the name lists already know.

use byline_gazetteer::{names, titles, EntityMention, Label};
use byline_tokenize::{Segmentation, Span};

use crate::{Aligned, Feature, Input, Model, Scratch};

static ENTITY_BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!("../data/entities.bin"));

/// The tags of the entity model, in id order: IOB2 over `PER`, `ORG`, `LOC`.
pub const ENTITY_TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

/// The embedded entity-mention model (tags [`ENTITY_TAGS`]), trained on openly licensed corpora
/// (see the crate's NOTICE) by the `train_entities` example. Parsed on first use; its weights
/// are read in place.
///
/// ```
/// let model = byline_tag::entity_model();
/// assert_eq!(model.tags().len(), byline_tag::ENTITY_TAGS.len());
/// ```
pub fn entity_model() -> &'static Model {
    static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_static(&ENTITY_BYTES.0).expect("the embedded entity model is valid")
    })
}

/// Lower-case words that may sit between capitalised words of one name (`Bank of England`,
/// `Osama bin Laden`, `Procter & Gamble`).
const CONNECTORS: &[&str] = &[
    "&", "al", "and", "bin", "da", "de", "del", "der", "des", "di", "du", "for", "ibn", "la", "le",
    "of", "on", "the", "van", "von",
];

fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether word `i` is one the model scores: a word starting with a capital letter, or a
/// connector between two such words. Every other word is outside any mention.
///
/// ```
/// let words = ["the", "Bank", "of", "England", "said"];
/// let c: Vec<bool> = (0..5).map(|i| byline_tag::is_candidate(&words, i)).collect();
/// assert_eq!(c, [false, true, true, true, false]);
/// ```
pub fn is_candidate(words: &[&str], i: usize) -> bool {
    candidate(|j| starts_upper(words[j]), |j| words[j], words.len(), i)
}

/// [`is_candidate`] for word `i` of `n`, given whether each word starts upper-case and each
/// word's text (read only for a lower-case word between two upper-case ones).
fn candidate<'w>(
    upper: impl Fn(usize) -> bool,
    word: impl Fn(usize) -> &'w str,
    n: usize,
    i: usize,
) -> bool {
    if upper(i) {
        return true;
    }
    // The neighbours first: most lower-case words stand between lower-case words.
    i > 0 && i + 1 < n && upper(i - 1) && upper(i + 1) && CONNECTORS.contains(&word(i))
}

/// Whether the word at `span` of `text` starts with an upper-case letter: [`starts_upper`]
/// from the first byte, without slicing the text for an ASCII one.
fn span_starts_upper(text: &str, span: Span) -> bool {
    match text.as_bytes().get(span.start) {
        _ if span.start >= span.end => false,
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => starts_upper(span.as_str(text)),
    }
}

const GROUPS: [&str; 5] = ["PER", "ORG", "LOC", "NORP", "MISC"];

fn label_index(label: Label) -> usize {
    match label {
        Label::Person => 0,
        Label::Org => 1,
        Label::Gpe | Label::Loc | Label::Fac => 2,
        Label::Norp => 3,
        _ => 4,
    }
}

/// Per label group: covered, first word, later word, gazetteer entry, person rule, whole
/// one-word mention; hashed once.
fn gazetteer_features() -> &'static [[Feature; 6]; 5] {
    static FEATURES: std::sync::OnceLock<[[Feature; 6]; 5]> = std::sync::OnceLock::new();
    FEATURES.get_or_init(|| {
        GROUPS.map(|g| {
            ["g=", "gB=", "gI=", "gaz=", "rule=", "g1="].map(|kind| Feature::pair(kind, g))
        })
    })
}

/// The features `first-name`, `title` and `after-title`, hashed once.
fn word_list_features() -> &'static [Feature; 3] {
    static FEATURES: std::sync::OnceLock<[Feature; 3]> = std::sync::OnceLock::new();
    FEATURES.get_or_init(|| ["first-name", "title", "after-title"].map(Feature::new))
}

/// The feature function of the entity model, shared by training and tagging: appends the words
/// of one sentence (`spans` into `text`) to `input`, non-candidates as fixed, each candidate with
/// features from the gazetteer mentions covering it (`mentions`: sorted, not overlapping),
/// the census first names, titles and honorifics.
///
/// ```
/// use byline_tag::{entity_input, Input};
/// use byline_tokenize::Span;
/// let text = "Mr. Bakare spoke";
/// let spans = [Span::new(0, 3), Span::new(4, 10), Span::new(11, 16)];
/// let mut input = Input::new();
/// entity_input(&mut input, text, &spans, &[]);
/// assert_eq!(input.len(), 3);
/// assert!(input.is_fixed(2));
/// assert!(!input.features(1).is_empty());
/// ```
pub fn entity_input<'w>(
    input: &mut Input<'w>,
    text: &'w str,
    spans: &[Span],
    mentions: &[EntityMention],
) {
    let word_at = |j: usize| spans[j].as_str(text);
    let mut m = mentions.partition_point(|m| spans.first().is_some_and(|s| m.span.end <= s.start));
    let mut prev_title = false;
    for (i, span) in spans.iter().enumerate() {
        let word = word_at(i);
        while m < mentions.len() && mentions[m].span.end <= span.start {
            m += 1;
        }
        let mention = mentions
            .get(m)
            .filter(|x| x.span.start <= span.start && span.end <= x.span.end);
        // A very common word opening a sentence (`The`, `But`, `He`) is capitalised for its
        // place, not as a name, unless the gazetteer knows it.
        let common_opener = i == 0 && mention.is_none() && crate::freq::is_common_ascii(word, 12);
        let upper = |j: usize| span_starts_upper(text, spans[j]);
        if !candidate(upper, word_at, spans.len(), i) || common_opener {
            input.push_fixed(word);
            prev_title = false;
            continue;
        }
        input.push(word);
        if let Some(mention) = mention {
            let f = &gazetteer_features()[label_index(mention.label)];
            let begins = mention.span.start == span.start;
            input.push_feature(f[0]);
            input.push_feature(if begins { f[1] } else { f[2] });
            input.push_feature(if mention.entry.is_some() { f[3] } else { f[4] });
            if begins && mention.span.end == span.end {
                input.push_feature(f[5]);
            }
        }
        let (first_name, title) = word_lists(word);
        let [first_name_feature, title_feature, after_title_feature] = *word_list_features();
        if first_name {
            input.push_feature(first_name_feature);
        }
        if title {
            input.push_feature(title_feature);
        }
        if prev_title {
            input.push_feature(after_title_feature);
        }
        prev_title = title;
    }
}

/// Whether `word` is a census first name, and whether it is a title or honorific: the lists'
/// answers kept per thread, since names and titles recur (the lists lower-case each word).
fn word_lists(word: &str) -> (bool, bool) {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static SEEN: RefCell<HashMap<u64, (bool, bool), rustc_hash::FxBuildHasher>> =
            RefCell::new(HashMap::default());
    }
    let key = crate::features::hash_bytes(word.as_bytes());
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(&known) = seen.get(&key) {
            return known;
        }
        if seen.len() >= 1 << 16 {
            seen.clear();
        }
        let known = (
            names::is_first_name(word),
            titles::is_honorific(word) || titles::is_title_word(word),
        );
        seen.insert(key, known);
        known
    })
}

/// A mention found by the entity model: its byte span and its label (`PER`, `ORG` or `LOC`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelMention {
    /// Byte span, from the first to the last word of the mention.
    pub span: Span,
    /// `"PER"`, `"ORG"` or `"LOC"`.
    pub label: &'static str,
    /// The smallest score margin of its words between the chosen tag and the next best (in
    /// weight units; larger is surer).
    pub margin: f32,
}

/// Mentions of a document by the entity model, sentence by sentence, given the gazetteer's
/// mentions of the same text (sorted, not overlapping) as features.
///
/// ```
/// use byline_tokenize::Tokenizer;
/// let text = "Olusegun Bakare, the head of Nordwind Bank, resigned.";
/// let seg = Tokenizer::new().segment(text);
/// let found = byline_tag::model_mentions(text, &seg, &[]);
/// assert!(found.iter().all(|m| ["PER", "ORG", "LOC"].contains(&m.label)));
/// ```
pub fn model_mentions(
    text: &str,
    segmentation: &Segmentation,
    mentions: &[EntityMention],
) -> Vec<ModelMention> {
    thread_local! {
        static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
    }
    BUFFERS.with(|b| tag_document(text, segmentation, mentions, &mut b.borrow_mut()))
}

/// Buffers of [`model_mentions`], kept per thread.
#[derive(Default)]
struct Buffers {
    scratch: Scratch,
    tags: Vec<u8>,
    margins: Vec<f32>,
    spans: Vec<Span>,
}

fn tag_document(
    text: &str,
    segmentation: &Segmentation,
    mentions: &[EntityMention],
    buffers: &mut Buffers,
) -> Vec<ModelMention> {
    let model = entity_model();
    let mut out = Vec::new();
    let longest = segmentation
        .sentences
        .iter()
        .map(|s| s.tokens.len())
        .max()
        .unwrap_or(0);
    let mut input = Input::with_capacity(longest);
    let Buffers {
        scratch,
        tags,
        margins,
        spans,
    } = buffers;
    for sentence in &segmentation.sentences {
        let tokens = &segmentation.tokens[sentence.tokens.clone()];
        if !tokens.iter().any(|t| span_starts_upper(text, t.span)) {
            continue;
        }
        spans.clear();
        spans.extend(tokens.iter().map(|t| t.span));
        input.clear();
        let first = mentions.partition_point(|m| m.span.end <= sentence.span.start);
        let last = mentions.partition_point(|m| m.span.start < sentence.span.end);
        entity_input(&mut input, text, spans, &mentions[first..last.max(first)]);
        if (0..input.len()).all(|i| input.is_fixed(i)) {
            continue;
        }
        margins.clear();
        margins.resize(input.len(), f32::INFINITY);
        model.tag_scored(&input, scratch, tags, |i, m| margins[i] = m);
        drop_leading_titles(&input, tags);
        decode_mentions(spans, tags, margins, &mut out);
    }
    out
}

/// A person's mention is the name without its title (`President Raisi` -> `Raisi`), as the
/// gazetteer's are: the title is found beside it.
fn drop_leading_titles(input: &Input<'_>, tags: &mut [u8]) {
    const B_PER: u8 = 1;
    const I_PER: u8 = 2;
    for i in 0..tags.len().saturating_sub(1) {
        let word = input.word(i);
        if tags[i] == B_PER
            && tags[i + 1] == I_PER
            && (titles::is_honorific(word) || titles::is_title_word(word))
        {
            tags[i] = 0;
            tags[i + 1] = B_PER;
        }
    }
}

/// Appends the mentions of IOB2 tag ids (of [`ENTITY_TAGS`]) over words at `spans`, each with
/// the smallest margin of its words.
///
/// ```
/// use byline_tokenize::Span;
/// let spans = [Span::new(0, 5), Span::new(6, 11), Span::new(12, 16)];
/// let mut out = Vec::new();
/// byline_tag::decode_mentions(&spans, &[1, 2, 0], &[3.0, 2.0, 9.0], &mut out);
/// assert_eq!((out[0].span, out[0].label, out[0].margin), (Span::new(0, 11), "PER", 2.0));
/// ```
pub fn decode_mentions(spans: &[Span], tags: &[u8], margins: &[f32], out: &mut Vec<ModelMention>) {
    let mut open: Option<(usize, &'static str)> = None;
    let close = |open: Option<(usize, &'static str)>, end: usize, out: &mut Vec<ModelMention>| {
        if let Some((s, label)) = open {
            out.push(ModelMention {
                span: Span::new(spans[s].start, spans[end - 1].end),
                label,
                margin: margins[s..end]
                    .iter()
                    .copied()
                    .fold(f32::INFINITY, f32::min),
            });
        }
    };
    for (i, &t) in tags.iter().enumerate() {
        match (iob(t), open) {
            (Some((true, ty)), Some((_, o))) if ty == o => {}
            (Some((_, ty)), _) => {
                close(open, i, out);
                open = Some((i, ty));
            }
            (None, _) => {
                close(open, i, out);
                open = None;
            }
        }
    }
    close(open, tags.len(), out);
}

/// Tag id `t` of [`ENTITY_TAGS`] read as IOB2: `None` outside a mention (`O`, or an id past
/// the tags), else whether it continues a mention (`I-`) and the mention's label.
fn iob(t: u8) -> Option<(bool, &'static str)> {
    match t {
        1 => Some((false, "PER")),
        2 => Some((true, "PER")),
        3 => Some((false, "ORG")),
        4 => Some((true, "ORG")),
        5 => Some((false, "LOC")),
        6 => Some((true, "LOC")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_leave_person_mentions() {
        let input = Input::from_words(&["President", "Ebrahim", "Raisi", "said"]);
        let mut tags = [1, 2, 2, 0];
        drop_leading_titles(&input, &mut tags);
        assert_eq!(tags, [0, 1, 2, 0]);
        let input = Input::from_words(&["Dr.", "Roe"]);
        let mut tags = [1, 2];
        drop_leading_titles(&input, &mut tags);
        assert_eq!(tags, [0, 1]);
    }

    fn label_static(ty: &str) -> &'static str {
        match ty {
            "PER" => "PER",
            "ORG" => "ORG",
            _ => "LOC",
        }
    }

    #[test]
    fn a_span_starts_upper_as_its_text_does() {
        let text = "A b Émile élan 1 \u{1F600} x";
        for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for end in (start..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let span = Span::new(start, end);
                assert_eq!(
                    span_starts_upper(text, span),
                    starts_upper(span.as_str(text)),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn iob_reads_the_tag_names() {
        for t in 0..=u8::MAX {
            let want = ENTITY_TAGS
                .get(t as usize)
                .and_then(|tag| tag.split_once('-'))
                .map(|(prefix, ty)| (prefix == "I", label_static(ty)));
            assert_eq!(iob(t), want, "{t}");
        }
    }

    #[test]
    fn decode_joins_b_and_i_and_splits_on_type_change() {
        let spans: Vec<Span> = (0..5).map(|i| Span::new(i * 2, i * 2 + 1)).collect();
        let mut out = Vec::new();
        decode_mentions(
            &spans,
            &[1, 2, 0, 4, 5],
            &[1.0, 2.0, 3.0, 4.0, 5.0],
            &mut out,
        );
        let got: Vec<(Span, &str, f32)> = out.iter().map(|m| (m.span, m.label, m.margin)).collect();
        assert_eq!(
            got,
            [
                (Span::new(0, 3), "PER", 1.0),
                (Span::new(6, 7), "ORG", 4.0),
                (Span::new(8, 9), "LOC", 5.0),
            ]
        );
    }
}

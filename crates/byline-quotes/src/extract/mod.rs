//! Attribution, stage by stage (see the crate README's stage map).

mod as_source;
mod assemble;
mod content;
mod cues;
mod decision;
mod doc;
mod pieces;
mod speaker;
mod uncued;

use byline_tokenize::Span;

pub(crate) use doc::Doc;

use crate::lexicon::*;

/// A found attribution, in token and byte terms, before speaker resolution.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// Content pieces (byte spans).
    pub content: Vec<Span>,
    /// Cue tokens `[a, b)`.
    pub cue: Option<(usize, usize)>,
    /// Speaker tokens `[a, b)`.
    pub speaker: Option<(usize, usize)>,
    /// The cue is a participle continuing the clause's speaker (`, saying ...`).
    pub confidence: f32,
}

pub(crate) fn extract(doc: &Doc<'_>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut used_quote = vec![false; doc.quotes.len()];
    for si in 0..doc.sents.len() {
        let first = found.len();
        assemble::sentence(doc, si, &mut found, &mut used_quote);
        drop_nested_beliefs(doc, &mut found, first);
    }
    uncued::uncovered_quotes(doc, &mut found, &mut used_quote);
    uncued::colon_labels(doc, &mut found);
    found.sort_by_key(|f| f.content.first().map(|s| s.start).unwrap_or(0));
    found.dedup_by(|a, b| a.content == b.content);
    found
}

/// The phrase a relative `who` at token `who` stands for: the noun phrase right before its
/// comma (`President Barack Obama` in `..., President Barack Obama, who said ...`).
pub(crate) fn antecedent(doc: &Doc<'_>, who: usize) -> Option<(usize, usize)> {
    if who < 2 || !doc.toks[who - 1].is_punct(',') {
        return None;
    }
    let si = doc.sents.partition_point(|s| s.1 <= who);
    let lo = doc.sents.get(si).map_or(0, |s| s.0);
    let (a, b) = speaker::left_np(doc, who - 1, lo)?;
    (doc.flags(a) & PRON == 0 && !doc.lower_is(a, "who")).then_some((a, b))
}

/// `He says he doesn't think X`: a belief inside content reported in the same sentence is part
/// of that content, not an attribution of its own.
fn drop_nested_beliefs(doc: &Doc<'_>, found: &mut Vec<Found>, first: usize) {
    let n = found.len() - first;
    if !(2..=32).contains(&n) {
        return;
    }
    let mut k = first;
    while k < found.len() {
        let nested = found[k].cue.is_some_and(|(ca, _)| {
            let f = doc.flags(ca);
            let belief = f & (SAY | TELL | MIXED | EVAL) == 0 && f & BELIEF != 0;
            let at = doc.toks[ca].start;
            belief
                && found[first..].iter().enumerate().any(|(m, o)| {
                    first + m != k && o.content.iter().any(|p| p.start <= at && at < p.end)
                })
        });
        if nested {
            found.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Helpers for the stages' tests: a document split by the extractor itself, and token lookup.
#[cfg(test)]
pub(super) mod testing {
    use byline_tokenize::Segmentation;

    use super::Doc;

    /// The document of `text`, with the extractor's own sentence splitter.
    pub(crate) fn doc(text: &str) -> Doc<'_> {
        Doc::new(text, &Segmentation::default())
    }

    /// The index of the first token reading `word` (case-sensitive), at or after token `from`.
    pub(crate) fn tok(doc: &Doc<'_>, word: &str, from: usize) -> usize {
        (from..doc.toks.len())
            .find(|&i| doc.word(i) == word)
            .unwrap_or_else(|| panic!("no token {word:?} in {:?}", doc.text))
    }

    /// The text of tokens `[a, b)`.
    pub(crate) fn words<'t>(doc: &Doc<'t>, (a, b): (usize, usize)) -> &'t str {
        &doc.text[doc.toks[a].start..doc.toks[b - 1].end]
    }

    /// Speaker and content pieces of each found attribution, as text.
    pub(crate) fn read(doc: &Doc<'_>, found: &[super::Found]) -> Vec<(String, Vec<String>)> {
        found
            .iter()
            .map(|f| {
                let spk = f
                    .speaker
                    .map(|s| words(doc, s).to_string())
                    .unwrap_or_default();
                let pieces = f.content.iter().map(|p| p.as_str(doc.text).to_string());
                (spk, pieces.collect())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::doc;
    use super::*;

    #[test]
    fn a_belief_inside_reported_content_is_not_an_attribution_of_its_own() {
        let d = doc("He says he doesn't think the plan will work.");
        let found = extract(&d);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn attributions_come_in_text_order_without_duplicates() {
        let d = doc("\"No,\" she said. Officials said the talks failed. \"Yes,\" he said.");
        let found = extract(&d);
        let starts: Vec<usize> = found.iter().map(|f| f.content[0].start).collect();
        let mut sorted = starts.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(starts, sorted);
        assert_eq!(found.len(), 3);
    }
}

//! The document as the stages see it: tokens, paired quotation marks and sentences.

use byline_tokenize::Segmentation;

use crate::lexicon::{Lexicon, DET, PRON, SAY, SPEAKER_NOUN, TELL, TITLE};
use crate::scan::{pair_quotes, scan, Kind, QSpan, Role, Tok};

pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    pub quotes: Vec<QSpan>,
    /// Quote index + 1 of the innermost quotation holding each token (0 outside quotations).
    pub in_quote: Vec<u32>,
    /// Sentences as token ranges (without line breaks).
    pub sents: Vec<(usize, usize)>,
    /// Quote index + 1 of the quotation each token closes (0 for none).
    close_at: Vec<u32>,
    /// Byte spans of the people and organisations named in the text, sorted (empty where the
    /// caller gave no entity mentions).
    names: Vec<(usize, usize)>,
}

impl<'t> Doc<'t> {
    pub(crate) fn new(text: &'t str, seg: &Segmentation) -> Doc<'t> {
        let lex = Lexicon::get();
        let toks = scan(text, lex);
        let mut quotes = pair_quotes(&toks);
        // A quotation runs on into the next paragraph only where that paragraph reopens it
        // with the same mark: a straight mark left open and a curly one after (`"Melanie
        // thought ...` / `“It never crossed my mind,” she said`) are two texts.
        for q in 0..quotes.len().saturating_sub(1) {
            if quotes[q].continues {
                let (a, b) = (quotes[q].open, quotes[q + 1].open);
                if text[toks[a].start..toks[a].end] != text[toks[b].start..toks[b].end] {
                    quotes[q].continues = false;
                }
            }
        }
        let mut in_quote = vec![0u32; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            let last = if q.closed { q.close } else { q.close + 1 };
            for slot in in_quote
                .iter_mut()
                .take(last.min(toks.len()))
                .skip(q.open + 1)
            {
                *slot = qi as u32 + 1;
            }
        }
        let mut sents = sentences(text, &toks, seg);
        join_question_tags(text, &toks, &mut sents);
        let mut close_at = vec![0u32; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            if q.closed {
                close_at[q.close] = qi as u32 + 1;
            }
        }
        Doc {
            names: Vec::new(),
            close_at,
            text,
            toks,
            quotes,
            in_quote,
            sents,
        }
    }

    /// Records the byte spans of the people and organisations named in the text (from the
    /// gazetteer and the tagger), so that a stage can tell a name from a common noun that
    /// opens a sentence (`Lopez paused.` against `Prices rose.`).
    pub(crate) fn set_names(&mut self, names: impl IntoIterator<Item = (usize, usize)>) {
        self.names = names.into_iter().collect();
        self.names.sort_unstable();
    }

    /// Whether token `i` lies inside a name recorded by [`Doc::set_names`].
    pub(super) fn is_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let k = self.names.partition_point(|&(s, _)| s <= t.start);
        k > 0 && self.names[k - 1].1 >= t.end
    }

    pub(super) fn word(&self, i: usize) -> &'t str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    pub(super) fn flags(&self, i: usize) -> u32 {
        self.toks[i].flags
    }

    pub(super) fn is_cap(&self, i: usize) -> bool {
        self.toks[i].is_word()
            && self
                .word(i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase())
    }

    pub(super) fn is_ly(&self, i: usize) -> bool {
        let w = self.word(i);
        self.toks[i].is_word() && w.len() > 4 && w.ends_with("ly") && !self.is_cap(i)
    }

    /// Whether token `i` is a word equal to `w` up to ASCII case. Called for every cue and
    /// speaker pattern: the length is compared before any byte, and no `str` is sliced.
    #[inline]
    pub(crate) fn lower_is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.is_word()
                && t.end.wrapping_sub(t.start) == w.len()
                && self.text.as_bytes()[t.start..t.end].eq_ignore_ascii_case(w.as_bytes())
        })
    }

    pub(super) fn is_closing_quote(&self, i: usize) -> bool {
        matches!(self.toks[i].kind, Kind::Quote { role, .. } if role != Role::Open)
            && self.in_quote.get(i).copied() == Some(0)
            && self.quote_closing_at(i).is_some()
    }

    /// Whether a quotation's content ends at `i`: its closing mark, or a comma right after it
    /// (`"We will fight on", she said`).
    pub(super) fn quote_ends_at(&self, i: usize) -> bool {
        self.quote_ended_at(i).is_some()
    }

    /// The outermost quotation [`Doc::quote_ends_at`] finds ending at `i`.
    pub(super) fn quote_ended_at(&self, i: usize) -> Option<usize> {
        if self.is_closing_quote(i) {
            return self.quote_closing_at(i);
        }
        let comma_after = i > 0
            && self.toks[i].is_punct(',')
            && self.toks[i].start == self.toks[i - 1].end
            && self.is_closing_quote(i - 1);
        if comma_after {
            self.quote_closing_at(i - 1)
        } else {
            None
        }
    }

    pub(super) fn quote_closing_at(&self, i: usize) -> Option<usize> {
        match self.close_at.get(i) {
            Some(&q) if q != 0 => Some(q as usize - 1),
            _ => None,
        }
    }

    pub(super) fn quote_opening_at(&self, i: usize) -> Option<usize> {
        if !self.toks[i].is_quote() {
            return None;
        }
        self.quotes.binary_search_by_key(&i, |q| q.open).ok()
    }

    /// Whether the clause-ending punctuation or a closing mark after punctuation sits at `i`.
    pub(super) fn is_comma_like(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.is_punct(',') || t.is_punct('—') || t.is_punct('–') {
            return true;
        }
        if self.is_closing_quote(i) && i > 0 {
            // Past a nested closing mark (`,'"`).
            let mut k = i - 1;
            while k > 0 && matches!(self.toks[k].kind, Kind::Quote { double: false, .. }) {
                k -= 1;
            }
            let p = &self.toks[k];
            return p.is_punct(',') || p.is_punct('?') || p.is_punct('!') || p.is_punct('—');
        }
        false
    }
}

/// Sentences as token ranges: the segmentation's when it has them, else a simple splitter.
pub(super) fn sentences(text: &str, toks: &[Tok], seg: &Segmentation) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    if !seg.sentences.is_empty() {
        let mut si = 0;
        for (k, t) in toks.iter().enumerate() {
            if t.kind == Kind::Break {
                if let Some(s) = start.take() {
                    out.push((s, k));
                }
                continue;
            }
            let mut boundary = false;
            while si < seg.sentences.len() && seg.sentences[si].span.start <= t.start {
                boundary = true;
                si += 1;
            }
            if boundary {
                if let Some(s) = start.take() {
                    out.push((s, k));
                }
            }
            if start.is_none() {
                start = Some(k);
            }
        }
        if let Some(s) = start {
            out.push((s, toks.len()));
        }
        return out;
    }
    let _ = text;
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if t.kind == Kind::Break {
            if let Some(s) = start.take() {
                out.push((s, k));
            }
            k += 1;
            continue;
        }
        if start.is_none() {
            start = Some(k);
        }
        if t.is_punct('.') || t.is_punct('!') || t.is_punct('?') {
            let mut e = k + 1;
            while e < toks.len()
                && (matches!(
                    toks[e].kind,
                    Kind::Quote {
                        role: Role::Close | Role::Either,
                        ..
                    }
                ) || toks[e].is_punct(')'))
                && toks[e].start == toks[e - 1].end
            {
                e += 1;
            }
            let next_starts = match toks.get(e) {
                None => true,
                Some(n) => match n.kind {
                    Kind::Word => text[n.start..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase()),
                    Kind::Number | Kind::Quote { .. } => true,
                    _ => false,
                },
            };
            if next_starts && e < toks.len() && toks[e].kind != Kind::Break {
                out.push((start.take().unwrap_or(k), e));
                k = e;
                continue;
            }
        }
        k += 1;
    }
    if let Some(s) = start {
        out.push((s, toks.len()));
    }
    out
}

/// `"Why now?" Lee asked.`: a quoted question or exclamation ends a sentence for the splitter,
/// but the tag after it belongs to it. Joins a sentence ending in a closing mark after `?` or `!`
/// with the next when that one opens with a speaker and a speech verb (or the verb, inverted).
fn join_question_tags(text: &str, toks: &[Tok], sents: &mut Vec<(usize, usize)>) {
    let word = |i: usize| &text[toks[i].start..toks[i].end];
    let cap = |i: usize| toks[i].is_word() && word(i).starts_with(char::is_uppercase);
    let ends_question = |e: usize| {
        let mut k = e;
        while k > 0 && matches!(toks[k - 1].kind, Kind::Quote { role, .. } if role != Role::Open) {
            k -= 1;
        }
        k < e && k > 0 && (toks[k - 1].is_punct('?') || toks[k - 1].is_punct('!'))
    };
    let opens_tag = |s: usize, e: usize| {
        let mut k = s;
        while k < e && k < s + 6 && toks[k].is_word() {
            let f = toks[k].flags;
            if f & (SAY | TELL) != 0 && !cap(k) {
                return true;
            }
            if !(cap(k) || f & (PRON | DET | TITLE | SPEAKER_NOUN) != 0) {
                return false;
            }
            k += 1;
        }
        false
    };
    let mut w = 0;
    for r in 0..sents.len() {
        let (s, e) = sents[r];
        if w > 0 {
            let (ps, pe) = sents[w - 1];
            // Only sentences that touch: no line break between them.
            let touching = pe == s;
            if touching && ends_question(pe) && opens_tag(s, e) {
                sents[w - 1] = (ps, e);
                continue;
            }
        }
        sents[w] = (s, e);
        w += 1;
    }
    sents.truncate(w);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{doc, tok};

    #[test]
    fn sentences_split_at_final_punctuation_and_line_breaks() {
        let d = doc("He left. She stayed.\n\nThey went home");
        assert_eq!(d.sents.len(), 3);
        assert_eq!(d.word(d.sents[1].0), "She");
    }

    #[test]
    fn a_tag_after_a_quoted_question_stays_in_its_sentence() {
        for text in [
            "\"Why now?\" Lee asked in a low voice.",
            "\"Stop!\" the officer shouted at them.",
            "\"Why?\" asked Lee.",
        ] {
            let d = doc(text);
            assert_eq!(d.sents.len(), 1, "{text}");
        }
        // A new sentence that is not a tag stays apart.
        assert_eq!(doc("\"Why now?\" Nobody knows.").sents.len(), 2);
    }

    #[test]
    fn lower_is_compares_words_up_to_ascii_case() {
        let d = doc("He SAID, “Ça” s'est fini: said-so ÉTÉ été 42 Said's said.");
        let words = [
            "said", "SAID", "he", "ça", "Ça", "été", "ÉTÉ", "42", "s", "'s", "", "x",
        ];
        for i in 0..d.toks.len() + 2 {
            for w in words {
                let plain =
                    i < d.toks.len() && d.toks[i].is_word() && d.word(i).eq_ignore_ascii_case(w);
                assert_eq!(d.lower_is(i, w), plain, "{i} {w:?}");
            }
        }
    }

    #[test]
    fn tokens_inside_a_quotation_know_it() {
        let d = doc("\"We won,\" he said.");
        assert_ne!(d.in_quote[tok(&d, "We", 0)], 0);
        assert_eq!(d.in_quote[tok(&d, "he", 0)], 0);
        // The closing mark after a comma ends a clause like a comma.
        let close = tok(&d, "he", 0) - 1;
        assert!(d.is_closing_quote(close));
        assert!(d.is_comma_like(close));
    }
}

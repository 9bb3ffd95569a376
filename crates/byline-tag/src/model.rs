//! A trained model: tag names and a quantised weight table read in place.

use std::borrow::Cow;

use crate::error::{Error, ErrorKind};
use crate::features::{Extractor, Input, NO_TAG};

const MAGIC: &[u8; 8] = b"BYLTAG01";
/// Most tags a model may have.
pub const MAX_TAGS: usize = 64;

/// A trained tagger: tag names and a weight table of `2^bits` rows of one `i16` per tag,
/// quantised from averaged perceptron weights. Built from bytes ([`Model::from_bytes`]) or
/// borrowed in place from embedded bytes ([`Model::from_static`]); [`crate::pos`] is the embedded
/// English part-of-speech model.
///
/// ```
/// let pos = byline_tag::pos();
/// let tags = pos.tag_words(&["She", "reads", "the", "news", "."]);
/// let names: Vec<&str> = tags.iter().map(|&t| pos.tag_name(t)).collect();
/// assert_eq!(names, ["PRON", "VERB", "DET", "NOUN", "PUNCT"]);
/// ```
#[derive(Clone, Debug)]
pub struct Model {
    tags: Vec<String>,
    bits: u32,
    scale: f32,
    weights: Cow<'static, [i16]>,
}

/// Reusable buffers for tagging; one per thread.
///
/// ```
/// use byline_tag::{Input, Scratch};
/// let pos = byline_tag::pos();
/// let mut scratch = Scratch::default();
/// let mut tags = Vec::new();
/// pos.tag(&Input::from_words(&["Hello", "!"]), &mut scratch, &mut tags);
/// assert_eq!(tags.len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Scratch {
    extractor: Extractor,
    buckets: Vec<u32>,
}

impl Model {
    pub(crate) fn from_parts(tags: Vec<String>, bits: u32, scale: f32, weights: Vec<i16>) -> Model {
        Model {
            tags,
            bits,
            scale,
            weights: Cow::Owned(weights),
        }
    }

    /// Reads a model saved by [`Model::to_bytes`], copying its weights.
    ///
    /// ```
    /// let bytes = byline_tag::pos().to_bytes();
    /// let copy = byline_tag::Model::from_bytes(&bytes).unwrap();
    /// assert_eq!(copy.tags(), byline_tag::pos().tags());
    /// assert!(byline_tag::Model::from_bytes(b"not a model").is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        let (tags, bits, scale, start) = parse_header(bytes)?;
        Ok(Model {
            tags,
            bits,
            scale,
            weights: Cow::Owned(to_i16(&bytes[start..])),
        })
    }

    /// Reads a model saved by [`Model::to_bytes`] from bytes that live for the whole program
    /// (`include_bytes!`), using its weights in place when the bytes are 2-byte aligned on a
    /// little-endian machine (else they are copied).
    ///
    /// ```
    /// static BYTES: &[u8] = b"BYLTAG01";
    /// assert!(byline_tag::Model::from_static(BYTES).is_err());
    /// ```
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, Error> {
        let (tags, bits, scale, start) = parse_header(bytes)?;
        Ok(Model {
            tags,
            bits,
            scale,
            weights: match bytemuck::try_cast_slice::<u8, i16>(&bytes[start..]) {
                Ok(w) if cfg!(target_endian = "little") => Cow::Borrowed(w),
                _ => Cow::Owned(to_i16(&bytes[start..])),
            },
        })
    }

    /// The model as bytes, for [`Model::from_bytes`].
    ///
    /// ```
    /// assert!(byline_tag::pos().to_bytes().starts_with(b"BYLTAG01"));
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.weights.len() + 256);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.tags.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for t in &self.tags {
            out.extend_from_slice(&(t.len() as u32).to_le_bytes());
            out.extend_from_slice(t.as_bytes());
        }
        out.resize(out.len().next_multiple_of(8), 0);
        for w in self.weights.iter() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The tag names, indexed by tag id.
    ///
    /// ```
    /// assert!(byline_tag::pos().tags().iter().any(|t| t == "PROPN"));
    /// ```
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// The name of tag `id`.
    ///
    /// ```
    /// let pos = byline_tag::pos();
    /// assert_eq!(pos.tag_name(pos.tag_id("NOUN").unwrap()), "NOUN");
    /// ```
    pub fn tag_name(&self, id: u8) -> &str {
        &self.tags[id as usize]
    }

    /// The id of the tag called `name`.
    ///
    /// ```
    /// assert!(byline_tag::pos().tag_id("no such tag").is_none());
    /// ```
    pub fn tag_id(&self, name: &str) -> Option<u8> {
        self.tags.iter().position(|t| t == name).map(|i| i as u8)
    }

    /// Bytes held by the weight table (borrowed in place for an embedded model).
    ///
    /// ```
    /// assert!(byline_tag::pos().weights_len() > 100_000);
    /// ```
    pub fn weights_len(&self) -> usize {
        self.weights.len() * 2
    }

    /// Whether the weights are read in place rather than copied.
    ///
    /// ```
    /// assert!(byline_tag::pos().is_borrowed());
    /// ```
    pub fn is_borrowed(&self) -> bool {
        matches!(self.weights, Cow::Borrowed(_))
    }

    /// Tags a sentence of words, allocating; see [`Model::tag`] for the reusable form.
    ///
    /// ```
    /// let pos = byline_tag::pos();
    /// let tags = pos.tag_words(&["Paris", "is", "big"]);
    /// assert_eq!(pos.tag_name(tags[0]), "PROPN");
    /// ```
    pub fn tag_words(&self, words: &[&str]) -> Vec<u8> {
        let mut out = Vec::new();
        self.tag(&Input::from_words(words), &mut Scratch::default(), &mut out);
        out
    }

    /// Tags `input` left to right (greedy, the two previous tags as features), writing one tag
    /// id per word into `out` (cleared first).
    ///
    /// ```
    /// use byline_tag::{Input, Scratch};
    /// let pos = byline_tag::pos();
    /// let (mut scratch, mut out) = (Scratch::default(), Vec::new());
    /// pos.tag(&Input::from_words(&["They", "voted", "."]), &mut scratch, &mut out);
    /// assert_eq!(pos.tag_name(out[1]), "VERB");
    /// ```
    pub fn tag(&self, input: &Input<'_>, scratch: &mut Scratch, out: &mut Vec<u8>) {
        self.tag_scored(input, scratch, out, |_, _| {});
    }

    /// Like [`Model::tag`], also calling `margin(i, m)` with each word's score margin between
    /// the best and second-best tag (in weight units; larger is surer).
    ///
    /// ```
    /// use byline_tag::{Input, Scratch};
    /// let pos = byline_tag::pos();
    /// let mut margins = Vec::new();
    /// pos.tag_scored(&Input::from_words(&["the", "cat"]), &mut Scratch::default(), &mut Vec::new(),
    ///     |_, m| margins.push(m));
    /// assert!(margins.iter().all(|&m| m >= 0.0));
    /// ```
    pub fn tag_scored(
        &self,
        input: &Input<'_>,
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
        mut margin: impl FnMut(usize, f32),
    ) {
        out.clear();
        if input.is_empty() {
            return;
        }
        let n = self.tags.len();
        scratch.extractor.prepare(input);
        let (mut p1, mut p2) = (NO_TAG, NO_TAG);
        let mut scores = [0i32; MAX_TAGS];
        for i in 0..input.len() {
            if input.is_fixed(i) {
                out.push(0);
                p2 = p1;
                p1 = 0;
                continue;
            }
            scratch
                .extractor
                .features(input, i, p1, p2, self.bits, &mut scratch.buckets);
            let scores = &mut scores[..n];
            match n {
                // The tag counts of the embedded models, unrolled by the compiler.
                7 => add_rows::<7>(&self.weights, &scratch.buckets, scores),
                17 => add_rows::<17>(&self.weights, &scratch.buckets, scores),
                _ => {
                    scores.fill(0);
                    for &b in &scratch.buckets {
                        let row = &self.weights[b as usize * n..(b as usize + 1) * n];
                        for (s, &w) in scores.iter_mut().zip(row) {
                            *s += i32::from(w);
                        }
                    }
                }
            }
            let (best, second) = best_two(scores);
            margin(i, (scores[best] - second) as f32 * self.scale);
            out.push(best as u8);
            p2 = p1;
            p1 = best as u64;
        }
    }
}

/// Sums the weight rows of `buckets` into `scores` (`N` tags a row).
fn add_rows<const N: usize>(weights: &[i16], buckets: &[u32], scores: &mut [i32]) {
    let mut acc = [0i32; N];
    for &b in buckets {
        let start = b as usize * N;
        if let Some(row) = weights.get(start..start + N) {
            for (a, &w) in acc.iter_mut().zip(row) {
                *a += i32::from(w);
            }
        }
    }
    scores.copy_from_slice(&acc);
}

fn to_i16(bytes: &[u8]) -> Vec<i16> {
    bytes
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect()
}

/// Index of the highest score (the first on ties) and the second-highest score.
fn best_two(scores: &[i32]) -> (usize, i32) {
    let mut best = 0;
    let mut second = i32::MIN;
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            second = scores[best];
            best = i;
        } else if s > second {
            second = s;
        }
    }
    if second == i32::MIN {
        second = scores[best];
    }
    (best, second)
}

fn parse_header(bytes: &[u8]) -> Result<(Vec<String>, u32, f32, usize), Error> {
    let bad = |what: &str, at: usize| Error::new(ErrorKind::BadModel(what.to_string()), at);
    if bytes.len() < 20 || &bytes[..8] != MAGIC {
        return Err(bad("not a byline tagger model (magic bytes)", 0));
    }
    let u32_at =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let bits = u32_at(8);
    let n = u32_at(12) as usize;
    let scale = f32::from_bits(u32_at(16));
    if !(1..=24).contains(&bits) {
        return Err(bad("table size out of range", 8));
    }
    if n == 0 || n > MAX_TAGS {
        return Err(bad("tag count out of range", 12));
    }
    let mut at = 20;
    let mut tags = Vec::with_capacity(n);
    for _ in 0..n {
        if at + 4 > bytes.len() {
            return Err(bad("truncated tag names", at));
        }
        let len = u32_at(at) as usize;
        at += 4;
        let name = bytes
            .get(at..at.saturating_add(len))
            .ok_or_else(|| bad("truncated tag name", at))?;
        let name = std::str::from_utf8(name).map_err(|_| bad("tag name is not UTF-8", at))?;
        tags.push(name.to_string());
        at += len;
    }
    at = at.next_multiple_of(8);
    let want = (1usize << bits) * n * 2;
    if bytes.len() < at || bytes.len() - at != want {
        return Err(bad("weight table has the wrong size", at));
    }
    Ok((tags, bits, scale, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_two_takes_first_on_ties() {
        assert_eq!(best_two(&[3, 3, 1]), (0, 3));
        assert_eq!(best_two(&[1, 5, 2]), (1, 2));
        assert_eq!(best_two(&[7]), (0, 7));
    }

    #[test]
    fn truncated_models_are_errors_not_panics() {
        let bytes = crate::pos().to_bytes();
        for cut in [0, 7, 8, 19, 20, 23, 30, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }
}

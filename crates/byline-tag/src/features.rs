//! The one feature function that training and tagging share.
//!
//! Each token is reduced to a handful of hashed attributes (its normalised form, suffixes, first
//! character, shape), computed once per sentence; a feature is then a template number mixed with
//! one or two of those hashes and the tags already chosen, folded into a bucket of the weight
//! table. Nothing is allocated per token once the buffers have grown.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// A caller-provided feature of one token (a gazetteer label, a name-list hit, ...), hashed from
/// its name. The same name gives the same feature in training and tagging.
///
/// ```
/// use byline_tag::Feature;
/// assert_eq!(Feature::new("gaz=PERSON"), Feature::new("gaz=PERSON"));
/// assert_ne!(Feature::new("gaz=PERSON"), Feature::new("gaz=ORG"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Feature(pub u64);

impl Feature {
    /// The feature called `name`.
    ///
    /// ```
    /// let f = byline_tag::Feature::new("first-name");
    /// assert_ne!(f.0, 0);
    /// ```
    pub fn new(name: &str) -> Feature {
        Feature(hash_bytes(name.as_bytes()) | 1)
    }

    /// The feature called `kind` followed by `value`, without building the string.
    ///
    /// ```
    /// use byline_tag::Feature;
    /// assert_eq!(Feature::pair("gaz=", "ORG"), Feature::pair("gaz=", "ORG"));
    /// assert_ne!(Feature::pair("gaz=", "ORG"), Feature::pair("gaz=", "PER"));
    /// ```
    pub fn pair(kind: &str, value: &str) -> Feature {
        Feature(mix(hash_bytes(kind.as_bytes()), hash_bytes(value.as_bytes())) | 1)
    }
}

pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(23) ^ b).wrapping_mul(K)
}

/// Hashed attributes of one token.
#[derive(Clone, Copy, Debug, Default)]
struct Attrs {
    word: u64,
    suf3: u64,
    suf2: u64,
    pre1: u64,
    shape: u64,
    /// Twice the word's Zipf frequency in English at large, 0 when rare.
    freq: u64,
}

/// Attributes standing for the positions before the first and after the last token.
const BEFORE: Attrs = Attrs {
    word: 0x5741_5254,
    suf3: 0x5741_5255,
    suf2: 0x5741_5256,
    pre1: 0x5741_5257,
    shape: 0x5741_5258,
    freq: 0x5741_5259,
};
const AFTER: Attrs = Attrs {
    word: 0x454e_4400,
    suf3: 0x454e_4401,
    suf2: 0x454e_4402,
    pre1: 0x454e_4403,
    shape: 0x454e_4404,
    freq: 0x454e_4405,
};

/// A sentence as the tagger reads it: its words and, optionally, features of each word given
/// by the caller. Reuse one `Input` across sentences to keep its buffers.
///
/// ```
/// use byline_tag::{Feature, Input};
///
/// let mut input = Input::new();
/// input.push("Kevin");
/// input.push_feature(Feature::new("first-name"));
/// input.push("Jordan");
/// assert_eq!(input.len(), 2);
/// assert_eq!(input.features(0), &[Feature::new("first-name")]);
/// assert!(input.features(1).is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Input<'w> {
    pub(crate) words: Vec<&'w str>,
    /// `extra_end[i]`: one past the last feature of word `i` in `extra`.
    extra_end: Vec<u32>,
    extra: Vec<Feature>,
    /// Words that take tag 0 without being scored (see [`Input::push_fixed`]).
    fixed: Vec<bool>,
}

impl<'w> Input<'w> {
    /// An empty sentence.
    ///
    /// ```
    /// assert!(byline_tag::Input::new().is_empty());
    /// ```
    pub fn new() -> Input<'w> {
        Input::default()
    }

    /// An empty sentence with room for `words` words.
    ///
    /// ```
    /// assert!(byline_tag::Input::with_capacity(8).is_empty());
    /// ```
    pub fn with_capacity(words: usize) -> Input<'w> {
        Input {
            words: Vec::with_capacity(words),
            extra_end: Vec::with_capacity(words),
            extra: Vec::with_capacity(words),
            fixed: Vec::with_capacity(words),
        }
    }

    /// A sentence of these words, without extra features.
    ///
    /// ```
    /// let input = byline_tag::Input::from_words(&["It", "rained", "."]);
    /// assert_eq!(input.len(), 3);
    /// ```
    pub fn from_words(words: &[&'w str]) -> Input<'w> {
        let mut input = Input::new();
        for w in words {
            input.push(w);
        }
        input
    }

    /// Appends a word.
    ///
    /// ```
    /// let mut input = byline_tag::Input::new();
    /// input.push("Hello");
    /// assert_eq!(input.word(0), "Hello");
    /// ```
    pub fn push(&mut self, word: &'w str) {
        self.words.push(word);
        self.extra_end.push(self.extra.len() as u32);
        self.fixed.push(false);
    }

    /// Appends a word that takes tag 0 (`O` of an entity model) without being scored: a model
    /// run only on candidate words costs nothing on the others, in training and tagging alike.
    ///
    /// ```
    /// let mut input = byline_tag::Input::new();
    /// input.push_fixed("said");
    /// assert!(input.is_fixed(0));
    /// ```
    pub fn push_fixed(&mut self, word: &'w str) {
        self.push(word);
        if let Some(f) = self.fixed.last_mut() {
            *f = true;
        }
    }

    /// Whether word `i` was pushed with [`Input::push_fixed`].
    ///
    /// ```
    /// assert!(!byline_tag::Input::from_words(&["a"]).is_fixed(0));
    /// ```
    pub fn is_fixed(&self, i: usize) -> bool {
        self.fixed[i]
    }

    /// Adds a feature to the last word pushed. Does nothing before the first word.
    ///
    /// ```
    /// use byline_tag::{Feature, Input};
    /// let mut input = Input::new();
    /// input.push_feature(Feature::new("ignored"));
    /// input.push("Paris");
    /// input.push_feature(Feature::new("gaz=GPE"));
    /// assert_eq!(input.features(0).len(), 1);
    /// ```
    pub fn push_feature(&mut self, feature: Feature) {
        if let Some(end) = self.extra_end.last_mut() {
            self.extra.push(feature);
            *end += 1;
        }
    }

    /// Empties the sentence, keeping its buffers.
    ///
    /// ```
    /// let mut input = byline_tag::Input::from_words(&["a"]);
    /// input.clear();
    /// assert!(input.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.words.clear();
        self.extra_end.clear();
        self.extra.clear();
        self.fixed.clear();
    }

    /// Number of words.
    ///
    /// ```
    /// assert_eq!(byline_tag::Input::from_words(&["a", "b"]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no word.
    ///
    /// ```
    /// assert!(byline_tag::Input::from_words(&[]).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Word `i`.
    ///
    /// ```
    /// assert_eq!(byline_tag::Input::from_words(&["a", "b"]).word(1), "b");
    /// ```
    pub fn word(&self, i: usize) -> &'w str {
        self.words[i]
    }

    /// The extra features of word `i`.
    ///
    /// ```
    /// assert!(byline_tag::Input::from_words(&["a"]).features(0).is_empty());
    /// ```
    pub fn features(&self, i: usize) -> &[Feature] {
        let start = if i == 0 {
            0
        } else {
            self.extra_end[i - 1] as usize
        };
        &self.extra[start..self.extra_end[i] as usize]
    }
}

/// Reusable per-sentence state of the feature function.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extractor {
    attrs: Vec<Attrs>,
    norm: String,
    /// Attributes of recently seen short ASCII words ([`CACHE_SLOTS`] slots once used): news
    /// repeats its words, and a hit saves hashing the word three times and a lookup in the
    /// frequency table, which is too large to stay in cache.
    cache: Vec<CacheSlot>,
}

/// Slots of [`Extractor::cache`], direct-mapped.
const CACHE_SLOTS: usize = 1024;
/// Longest word kept in [`Extractor::cache`].
const CACHE_WORD: usize = 16;

/// One word of [`Extractor::cache`], as its [`cache_key`], and its attributes; key 0 for an
/// empty slot.
#[derive(Clone, Copy, Debug, Default)]
struct CacheSlot {
    key: u128,
    attrs: Attrs,
}

/// The bytes of a word of 1 to [`CACHE_WORD`] bytes, none of them NUL, packed into an
/// integer in registers (never 0; distinct words give distinct keys).
#[inline]
fn cache_key(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > CACHE_WORD {
        return None;
    }
    let mut key = 0u128;
    for (i, &b) in word.iter().enumerate() {
        if b == 0 {
            return None;
        }
        key |= u128::from(b) << (8 * i);
    }
    Some(key)
}

/// The slot of a [`cache_key`].
#[inline]
fn cache_slot(key: u128) -> usize {
    let h = (key as u64) ^ (key >> 64) as u64;
    (h.wrapping_mul(K) >> (64 - CACHE_SLOTS.trailing_zeros())) as usize
}

/// A tag value for "no tag yet" before the first word.
pub(crate) const NO_TAG: u64 = 0xFFFF;

impl Extractor {
    /// Computes the attributes of every word of `input`.
    pub(crate) fn prepare(&mut self, input: &Input<'_>) {
        self.attrs.clear();
        self.attrs.reserve(input.len());
        let n = input.len();
        for (i, w) in input.words.iter().enumerate() {
            // Only words within two of a scored word are ever read.
            let needed = (i.saturating_sub(2)..(i + 3).min(n)).any(|j| !input.fixed[j]);
            let a = if needed {
                self.attrs_of(w)
            } else {
                Attrs::default()
            };
            self.attrs.push(a);
        }
    }

    fn attrs_of(&mut self, word: &str) -> Attrs {
        if !word.is_ascii() {
            return self.attrs_general(word);
        }
        let Some(key) = cache_key(word.as_bytes()) else {
            return attrs_of_ascii(word);
        };
        if self.cache.is_empty() {
            self.cache.resize(CACHE_SLOTS, CacheSlot::default());
        }
        let slot = &mut self.cache[cache_slot(key)];
        if slot.key == key {
            return slot.attrs;
        }
        let attrs = attrs_of_ascii(word);
        *slot = CacheSlot { key, attrs };
        attrs
    }

    fn attrs_general(&mut self, word: &str) -> Attrs {
        self.norm.clear();
        for c in word.chars() {
            if c.is_ascii_digit() {
                self.norm.push('0');
            } else if c.is_ascii() {
                self.norm.push(c.to_ascii_lowercase());
            } else {
                self.norm.extend(c.to_lowercase());
            }
        }
        let norm = self.norm.as_str();
        let suffix = |n: usize| -> &str {
            match norm.char_indices().rev().nth(n - 1) {
                Some((i, _)) => &norm[i..],
                None => norm,
            }
        };
        let pre1 = word.chars().next().map_or(0, |c| c as u64);
        let word_hash = hash_bytes(norm.as_bytes());
        Attrs {
            word: word_hash,
            freq: crate::freq::zipf2(word_hash),
            suf3: hash_bytes(suffix(3).as_bytes()),
            suf2: hash_bytes(suffix(2).as_bytes()),
            pre1,
            shape: shape_hash(word),
        }
    }

    #[inline]
    fn at(&self, i: isize) -> &Attrs {
        if i < 0 {
            &BEFORE
        } else {
            self.attrs.get(i as usize).unwrap_or(&AFTER)
        }
    }

    /// Pushes the buckets (of a table of `2^bits` rows) of the features of word `i`, given the
    /// two tags before it (`NO_TAG` at the start).
    pub(crate) fn features(
        &self,
        input: &Input<'_>,
        i: usize,
        p1: u64,
        p2: u64,
        bits: u32,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        let shift = 64 - bits;
        let mut put = |template: u64, h: u64| out.push((mix(template, h) >> shift) as u32);
        let ii = i as isize;
        let w = self.at(ii);
        let wp = self.at(ii - 1);
        let wpp = self.at(ii - 2);
        let wn = self.at(ii + 1);
        let wnn = self.at(ii + 2);
        put(1, 0);
        put(2, w.word);
        put(3, w.suf3);
        put(4, w.suf2);
        put(5, w.pre1);
        put(6, w.shape);
        put(7, p1);
        put(8, mix(p1, p2));
        put(9, mix(p1, w.word));
        put(10, wp.word);
        put(11, wp.suf3);
        put(12, wpp.word);
        put(13, wn.word);
        put(14, wn.suf3);
        put(15, wnn.word);
        put(16, mix(wp.shape, mix(w.shape, wn.shape)));
        put(17, mix(u64::from(i == 0), w.shape));
        put(18, mix(w.word, wn.word));
        put(19, mix(wp.word, w.word));
        put(24, mix(w.freq, w.shape));
        put(25, mix(mix(w.freq, w.shape), u64::from(i == 0)));
        put(26, mix(wn.freq, wn.shape));
        for f in input.features(i) {
            put(20, f.0);
            put(21, mix(f.0, p1));
        }
        if i > 0 {
            for f in input.features(i - 1) {
                put(22, f.0);
            }
        }
        if i + 1 < input.len() {
            for f in input.features(i + 1) {
                put(23, f.0);
            }
        }
    }
}

/// [`Extractor::attrs_of`] for an ASCII word, byte by byte (the same hashes).
fn attrs_of_ascii(word: &str) -> Attrs {
    let mut buf = [0u8; 32];
    let mut long = Vec::new();
    let norm: &mut [u8] = if word.len() <= buf.len() {
        &mut buf[..word.len()]
    } else {
        long.resize(word.len(), 0);
        &mut long
    };
    let mut h: u64 = 0x5348;
    let mut last = 0u32;
    for (n, b) in norm.iter_mut().zip(word.bytes()) {
        *n = if b.is_ascii_digit() {
            b'0'
        } else {
            b.to_ascii_lowercase()
        };
        let s = if b.is_ascii_uppercase() {
            u32::from(b'X')
        } else if b.is_ascii_lowercase() {
            u32::from(b'x')
        } else if b.is_ascii_digit() {
            u32::from(b'd')
        } else {
            u32::from(b)
        };
        if s != last {
            h = mix(h, u64::from(s));
            last = s;
        }
    }
    let norm = &*norm;
    let word_hash = hash_bytes(norm);
    Attrs {
        word: word_hash,
        freq: crate::freq::zipf2(word_hash),
        suf3: hash_bytes(&norm[norm.len().saturating_sub(3)..]),
        suf2: hash_bytes(&norm[norm.len().saturating_sub(2)..]),
        pre1: word.bytes().next().map_or(0, u64::from),
        shape: h,
    }
}

/// The shape of a word: upper-case letters as `X`, lower-case as `x`, digits as `d`, other
/// characters themselves, runs of one class collapsed to one symbol (`McCain` -> `XxXx`).
fn shape_hash(word: &str) -> u64 {
    let mut h: u64 = 0x5348;
    let mut last = 0u32;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X' as u32
        } else if c.is_lowercase() {
            'x' as u32
        } else if c.is_numeric() {
            'd' as u32
        } else {
            c as u32
        };
        if s != last {
            h = mix(h, u64::from(s));
            last = s;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_collapses_runs() {
        assert_eq!(shape_hash("McCain"), shape_hash("MoRan"));
        assert_eq!(shape_hash("2024"), shape_hash("7"));
        assert_ne!(shape_hash("Paris"), shape_hash("paris"));
    }

    #[test]
    fn the_ascii_path_gives_the_same_attributes() {
        let long = "long".repeat(20);
        let words = [
            "",
            "a",
            "Paris",
            "McCain",
            "U.S.",
            "2-1",
            "$1,000.50",
            "e-mail",
            "ABC123xyz",
            &long,
        ];
        for w in words {
            let a = attrs_of_ascii(w);
            let b = Extractor::default().attrs_general(w);
            assert_eq!(
                (a.word, a.suf3, a.suf2, a.pre1, a.shape, a.freq),
                (b.word, b.suf3, b.suf2, b.pre1, b.shape, b.freq),
                "{w:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_path_agrees_on_any_ascii_word(w in "[ -~]{0,40}") {
            let a = attrs_of_ascii(&w);
            let b = Extractor::default().attrs_general(&w);
            proptest::prop_assert_eq!(
                (a.word, a.suf3, a.suf2, a.pre1, a.shape, a.freq),
                (b.word, b.suf3, b.suf2, b.pre1, b.shape, b.freq)
            );
        }
    }

    proptest::proptest! {
        /// Words seen again, words sharing a slot and words too long for the cache: the
        /// attributes are the word's own every time.
        #[test]
        fn the_cache_gives_each_word_its_own_attributes(
            words in proptest::collection::vec("[a-cA-C0-9.\0-]{0,20}|Zür", 0..300)
        ) {
            let mut x = Extractor::default();
            for w in &words {
                let a = x.attrs_of(w);
                let b = Extractor::default().attrs_general(w);
                proptest::prop_assert_eq!(
                    (a.word, a.suf3, a.suf2, a.pre1, a.shape, a.freq),
                    (b.word, b.suf3, b.suf2, b.pre1, b.shape, b.freq),
                    "{:?}", w
                );
            }
        }
    }

    #[test]
    fn digits_are_one_word() {
        let mut x = Extractor::default();
        assert_eq!(x.attrs_of("1984").word, x.attrs_of("2024").word);
        assert_eq!(x.attrs_of("Paris").word, x.attrs_of("PARIS").word);
    }
}

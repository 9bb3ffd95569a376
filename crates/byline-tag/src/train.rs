//! Training: the averaged perceptron, deterministic for a given seed and corpus order.

use crate::features::{Extractor, Input, NO_TAG};
use crate::model::{Model, MAX_TAGS};

/// One training sentence: words, optional extra features per word, gold tag ids.
///
/// ```
/// use byline_tag::{Feature, TrainingSentence};
/// let mut s = TrainingSentence::default();
/// s.push("Paris", 1, &[Feature::new("gaz=GPE")]);
/// assert_eq!(s.len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct TrainingSentence {
    words: Vec<String>,
    features: Vec<Vec<crate::Feature>>,
    tags: Vec<u8>,
    fixed: Vec<bool>,
}

impl TrainingSentence {
    /// Appends a word with its gold tag id and extra features.
    ///
    /// ```
    /// let mut s = byline_tag::TrainingSentence::default();
    /// s.push("rain", 0, &[]);
    /// assert!(!s.is_empty());
    /// ```
    pub fn push(&mut self, word: &str, tag: u8, features: &[crate::Feature]) {
        self.words.push(word.to_string());
        self.features.push(features.to_vec());
        self.tags.push(tag);
        self.fixed.push(false);
    }

    /// Appends a word that takes tag 0 without being scored or learned from, as
    /// [`Input::push_fixed`] does in tagging.
    ///
    /// ```
    /// let mut s = byline_tag::TrainingSentence::default();
    /// s.push_fixed("said");
    /// assert!(s.input().is_fixed(0));
    /// ```
    pub fn push_fixed(&mut self, word: &str) {
        self.push(word, 0, &[]);
        if let Some(f) = self.fixed.last_mut() {
            *f = true;
        }
    }

    /// A training sentence of `input`'s words, features and fixed words, with gold `tags`
    /// (one per word; fixed words are taught nothing whatever their tag).
    ///
    /// ```
    /// let input = byline_tag::Input::from_words(&["Oslo"]);
    /// let s = byline_tag::TrainingSentence::from_input(&input, &[5]);
    /// assert_eq!(s.tags(), &[5]);
    /// ```
    pub fn from_input(input: &Input<'_>, tags: &[u8]) -> TrainingSentence {
        let mut s = TrainingSentence::default();
        for (i, &tag) in tags.iter().enumerate().take(input.len()) {
            s.words.push(input.word(i).to_string());
            s.features.push(input.features(i).to_vec());
            s.tags.push(tag);
            s.fixed.push(input.is_fixed(i));
        }
        s
    }

    /// Number of words.
    ///
    /// ```
    /// assert_eq!(byline_tag::TrainingSentence::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no word.
    ///
    /// ```
    /// assert!(byline_tag::TrainingSentence::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The gold tags.
    ///
    /// ```
    /// let mut s = byline_tag::TrainingSentence::default();
    /// s.push("a", 2, &[]);
    /// assert_eq!(s.tags(), &[2]);
    /// ```
    pub fn tags(&self) -> &[u8] {
        &self.tags
    }

    /// The sentence as tagger input.
    ///
    /// ```
    /// let mut s = byline_tag::TrainingSentence::default();
    /// s.push("a", 0, &[]);
    /// assert_eq!(s.input().word(0), "a");
    /// ```
    pub fn input(&self) -> Input<'_> {
        let mut input = Input::new();
        for ((w, fs), &fixed) in self.words.iter().zip(&self.features).zip(&self.fixed) {
            if fixed {
                input.push_fixed(w);
            } else {
                input.push(w);
            }
            for &f in fs {
                input.push_feature(f);
            }
        }
        input
    }
}

/// Trains a [`Model`] by the averaged perceptron: greedy decoding with the model's own previous
/// tags, an update on each wrong tag, weights averaged over every step, sentences shuffled each
/// epoch by a seeded generator (same seed and corpus, same model, byte for byte).
///
/// ```
/// use byline_tag::{Trainer, TrainingSentence};
/// let mut data = Vec::new();
/// for _ in 0..20 {
///     let mut s = TrainingSentence::default();
///     s.push("the", 0, &[]);
///     s.push("dog", 1, &[]);
///     data.push(s);
/// }
/// let model = Trainer::new(vec!["DET".into(), "NOUN".into()], 12).train(&data, 3, 7);
/// assert_eq!(model.tag_words(&["the", "dog"]), vec![0, 1]);
/// ```
#[derive(Clone, Debug)]
pub struct Trainer {
    tags: Vec<String>,
    bits: u32,
}

impl Trainer {
    /// A trainer for these tag names and a table of `2^bits` rows. Panics if there are no tags,
    /// more than 64, or `bits` is outside 1..=24.
    ///
    /// ```
    /// let t = byline_tag::Trainer::new(vec!["A".into()], 10);
    /// # let _ = t;
    /// ```
    pub fn new(tags: Vec<String>, bits: u32) -> Trainer {
        assert!(!tags.is_empty() && tags.len() <= MAX_TAGS, "1 to 64 tags");
        assert!((1..=24).contains(&bits), "bits in 1..=24");
        Trainer { tags, bits }
    }

    /// Runs `epochs` passes over `data` and returns the averaged, quantised model.
    ///
    /// ```
    /// let model = byline_tag::Trainer::new(vec!["X".into()], 8).train(&[], 1, 0);
    /// assert_eq!(model.tags(), &["X".to_string()]);
    /// ```
    pub fn train(&self, data: &[TrainingSentence], epochs: usize, seed: u64) -> Model {
        self.quantise(&self.averaged(data, epochs, seed))
    }

    /// Trains one averaged perceptron per seed (each shuffling `data` its own way) and returns
    /// the mean of their weights, quantised: a model less swayed by the order of any one
    /// shuffle. With one seed it is [`Trainer::train`]'s model; with none, a model of zero
    /// weights.
    ///
    /// ```
    /// use byline_tag::{Trainer, TrainingSentence};
    /// let mut data = Vec::new();
    /// for _ in 0..20 {
    ///     let mut s = TrainingSentence::default();
    ///     s.push("the", 0, &[]);
    ///     s.push("dog", 1, &[]);
    ///     data.push(s);
    /// }
    /// let t = Trainer::new(vec!["DET".into(), "NOUN".into()], 12);
    /// let model = t.train_seeds(&data, 3, &[1, 2, 3]);
    /// assert_eq!(model.tag_words(&["the", "dog"]), vec![0, 1]);
    /// assert_eq!(t.train_seeds(&data, 3, &[7]).to_bytes(), t.train(&data, 3, 7).to_bytes());
    /// ```
    pub fn train_seeds(&self, data: &[TrainingSentence], epochs: usize, seeds: &[u64]) -> Model {
        let mut sum = vec![0f64; (1usize << self.bits) * self.tags.len()];
        for (i, &seed) in seeds.iter().enumerate() {
            let avg = self.averaged(data, epochs, seed);
            if i == 0 {
                sum = avg;
            } else {
                for (s, a) in sum.iter_mut().zip(avg) {
                    *s += a;
                }
            }
        }
        if seeds.len() > 1 {
            let n = seeds.len() as f64;
            for s in &mut sum {
                *s /= n;
            }
        }
        self.quantise(&sum)
    }

    /// The averaged weights after `epochs` passes over `data` shuffled by `seed`.
    fn averaged(&self, data: &[TrainingSentence], epochs: usize, seed: u64) -> Vec<f64> {
        let n = self.tags.len();
        let size = (1usize << self.bits) * n;
        let mut w = vec![0f32; size];
        let mut total = vec![0f64; size];
        let mut stamp = vec![0u64; size];
        let mut step: u64 = 0;
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = SplitMix(seed);
        let mut extractor = Extractor::default();
        let mut buckets = Vec::new();
        let mut update = |k: usize, delta: f32, step: u64, w: &mut [f32]| {
            total[k] += (step - stamp[k]) as f64 * f64::from(w[k]);
            stamp[k] = step;
            w[k] += delta;
        };
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                let j = (rng.next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &s in &order {
                let sentence = &data[s];
                let input = sentence.input();
                extractor.prepare(&input);
                let (mut p1, mut p2) = (NO_TAG, NO_TAG);
                for (i, &gold) in sentence.tags.iter().enumerate() {
                    if sentence.fixed[i] {
                        p2 = p1;
                        p1 = 0;
                        continue;
                    }
                    step += 1;
                    extractor.features(&input, i, p1, p2, self.bits, &mut buckets);
                    let mut scores = [0f32; MAX_TAGS];
                    for &b in &buckets {
                        let row = &w[b as usize * n..(b as usize + 1) * n];
                        for (s, x) in scores.iter_mut().zip(row) {
                            *s += x;
                        }
                    }
                    let mut guess = 0;
                    for t in 1..n {
                        if scores[t] > scores[guess] {
                            guess = t;
                        }
                    }
                    if guess != gold as usize {
                        for &b in &buckets {
                            let base = b as usize * n;
                            update(base + gold as usize, 1.0, step, &mut w);
                            update(base + guess, -1.0, step, &mut w);
                        }
                    }
                    p2 = p1;
                    p1 = guess as u64;
                }
            }
        }
        let steps = step.max(1) as f64;
        (0..size)
            .map(|k| (total[k] + (step - stamp[k]) as f64 * f64::from(w[k])) / steps)
            .collect()
    }

    /// The model of averaged weights `avg`, scaled so that the largest is `i16::MAX`.
    fn quantise(&self, avg: &[f64]) -> Model {
        let max = avg.iter().fold(0f64, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 {
            max / f64::from(i16::MAX)
        } else {
            1.0
        };
        let weights = avg
            .iter()
            .map(|x| {
                (x / scale)
                    .round()
                    .clamp(f64::from(i16::MIN), f64::from(i16::MAX)) as i16
            })
            .collect();
        Model::from_parts(self.tags.clone(), self.bits, scale as f32, weights)
    }
}

/// SplitMix64: a tiny, well-mixed, seedable generator for the shuffles.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<TrainingSentence> {
        let words = [
            ("the", 0),
            ("a", 0),
            ("dog", 1),
            ("cat", 1),
            ("runs", 2),
            ("sleeps", 2),
        ];
        let mut data = Vec::new();
        for i in 0..60 {
            let mut s = TrainingSentence::default();
            s.push(words[i % 2].0, 0, &[]);
            s.push(words[2 + (i / 2) % 2].0, 1, &[]);
            s.push(words[4 + (i / 4) % 2].0, 2, &[]);
            data.push(s);
        }
        data
    }

    #[test]
    fn training_is_deterministic() {
        let t = Trainer::new(vec!["D".into(), "N".into(), "V".into()], 10);
        assert_eq!(
            t.train(&toy(), 4, 1).to_bytes(),
            t.train(&toy(), 4, 1).to_bytes()
        );
    }

    #[test]
    fn learns_a_toy_grammar() {
        let t = Trainer::new(vec!["D".into(), "N".into(), "V".into()], 10);
        let m = t.train(&toy(), 5, 3);
        assert_eq!(m.tag_words(&["a", "cat", "sleeps"]), vec![0, 1, 2]);
        assert_eq!(m.tag_words(&["the", "dog", "runs"]), vec![0, 1, 2]);
    }
}

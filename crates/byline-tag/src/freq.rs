//! How common a word is in English at large (wordfreq's Zipf scale), from an embedded hash
//! table read in place: a prior that tells `may` and `bill` from `Kadyrov` when case cannot.

use crate::features::hash_bytes;
use crate::Aligned;

static FREQ_BYTES: &Aligned<[u8]> = &Aligned(*include_bytes!("../data/freq.bin"));

/// Bits of a slot kept for the value; the rest is the word's hash.
const VALUE_BITS: u32 = 4;
const VALUE_MASK: u64 = (1 << VALUE_BITS) - 1;

/// The table: `2^bits` slots of a `u64` each, open addressing with linear probing; a slot holds
/// the word's hash with its low 4 bits replaced by twice its Zipf frequency (1..=15); 0 is empty.
pub(crate) fn table_bytes(words: &[(String, f32)], bits: u32) -> Vec<u8> {
    let size = 1usize << bits;
    let mut slots = vec![0u64; size];
    for (word, zipf) in words {
        let h = hash_bytes(word.as_bytes());
        let value = ((zipf * 2.0).floor() as u64).clamp(1, VALUE_MASK);
        let mut i = (h >> (64 - bits)) as usize;
        while slots[i] != 0 && slots[i] & !VALUE_MASK != h & !VALUE_MASK {
            i = (i + 1) & (size - 1);
        }
        if slots[i] == 0 {
            slots[i] = (h & !VALUE_MASK) | value;
        }
    }
    slots.iter().flat_map(|s| s.to_le_bytes()).collect()
}

/// Twice the Zipf frequency (rounded down) of the word whose normalised form hashes to `hash`,
/// or 0 when the word is not among the most frequent English words.
pub(crate) fn zipf2(hash: u64) -> u64 {
    lookup(&FREQ_BYTES.0, hash)
}

fn lookup(bytes: &[u8], hash: u64) -> u64 {
    let size = bytes.len() / 8;
    if size < 2 {
        return 0;
    }
    let bits = size.trailing_zeros();
    let mut i = (hash >> (64 - bits)) as usize;
    loop {
        let s = &bytes[i * 8..i * 8 + 8];
        let slot = u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]);
        if slot == 0 {
            return 0;
        }
        if slot & !VALUE_MASK == hash & !VALUE_MASK {
            return slot & VALUE_MASK;
        }
        i = (i + 1) & (size - 1);
    }
}

/// How common `word` is in English: twice its Zipf frequency (`the` 15, `jordan` 9), 0 for a word
/// outside the 60,000 most frequent. Case is ignored; digits count as `0`.
///
/// ```
/// assert!(byline_tag::zipf_frequency("the") > byline_tag::zipf_frequency("Jordan"));
/// assert_eq!(byline_tag::zipf_frequency("Kadyrovtsy"), 0);
/// ```
pub fn zipf_frequency(word: &str) -> u8 {
    let norm: String = word
        .chars()
        .flat_map(|c| {
            if c.is_ascii_digit() {
                '0'.to_lowercase()
            } else {
                c.to_lowercase()
            }
        })
        .collect();
    zipf2(hash_bytes(norm.as_bytes())) as u8
}

/// Whether `word` (ASCII, any case) is among the most common English words, twice its Zipf
/// frequency at least `min`, without allocating; `false` for other words.
pub(crate) fn is_common_ascii(word: &str, min: u64) -> bool {
    let mut buf = [0u8; 24];
    if word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = if c.is_ascii_digit() {
            b'0'
        } else {
            c.to_ascii_lowercase()
        };
    }
    zipf2(hash_bytes(&buf[..word.len()])) >= min
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_told_without_allocating() {
        assert!(is_common_ascii("The", 12));
        assert!(!is_common_ascii("Kadyrov", 12));
        assert!(!is_common_ascii("Zürich", 1));
        assert_eq!(is_common_ascii("But", 12), zipf_frequency("but") >= 12);
    }

    #[test]
    fn table_round_trips() {
        let words = vec![("the".to_string(), 7.73), ("jordan".to_string(), 4.51)];
        let bytes = table_bytes(&words, 4);
        assert_eq!(lookup(&bytes, hash_bytes(b"the")), 15);
        assert_eq!(lookup(&bytes, hash_bytes(b"jordan")), 9);
        assert_eq!(lookup(&bytes, hash_bytes(b"nope")), 0);
    }
}

//! Gazetteer names inside hashtags and @-handles, where words run together: `#Putin`,
//! `@ZelenskyyUa`, `#BlackLivesMatter`, `#blacklivesmatter`.
//!
//! A tag is cut into words on CamelCase (`Stand|With|Ukraine`, `BBC|Breaking`), letters
//! against digits, and underscores. Every run of its words (longest first, leftmost first) is
//! looked up, its words apart, as the gazetteer looks names up (case and diacritics folded). A
//! tag of one word in one case (`#blacklivesmatter`) is also looked up squashed (lower case,
//! letters and digits only) among the aliases squashed the same way, an index built at the
//! first such tag. So a tag written all in one case matches only as a whole, and `#Bahamas`
//! holds no `Hamas`. The mention's span is the matched part, without `#`, `@` or the tag's
//! other words, so that `text[start:end]` is the name as written.
//!
//! An Aho-Corasick automaton over the squashed aliases would find them anywhere in a tag, but
//! a match counts only on word boundaries, which a tag has few of; for the embedded gazetteer
//! that automaton made the first tag of a run cost 1.25 s and 55 MB, far more than this index.

use std::hash::Hasher;

use byline_tokenize::{Segmentation, Span, TokenKind};
use rustc_hash::{FxHashMap, FxHasher};

use crate::common_words::{is_common_word, is_common_word_bytes};
use crate::{EntityMention, EntryId, Gazetteer};

/// Shorter squashed aliases (`US`, `UN`, `EU`) are left out: inside tags they are mostly
/// pieces of other words.
const MIN_CHARS: usize = 4;

/// The most words of a tag one name may take.
const MAX_WORDS: usize = 8;

/// The squashed aliases of a gazetteer, by hash: for each, one alias it came from as (entry,
/// alias number) in the store, and whether that alias is an acronym (then it matches only
/// where the tag writes it in capitals).
#[derive(Debug)]
pub(crate) struct Handles {
    index: FxHashMap<u64, (u32, u32, bool)>,
}

/// Writes `text` into `out` in lower case with only its letters and digits.
fn squash(text: &str, out: &mut String) {
    out.clear();
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        out.extend(c.to_lowercase());
    }
}

/// [`squash`] for ASCII text, into bytes (no character to encode per byte).
fn squash_ascii(text: &[u8], out: &mut Vec<u8>) {
    out.clear();
    out.resize(text.len(), 0);
    // Without a branch per byte: each byte is written, and kept when it is a letter or digit.
    let mut n = 0;
    for &b in text {
        out[n] = b.to_ascii_lowercase();
        n += usize::from(b.is_ascii_alphanumeric());
    }
    out.truncate(n);
}

/// [`is_acronym`] for ASCII text.
fn is_ascii_acronym(alias: &[u8]) -> bool {
    alias.iter().filter(|b| b.is_ascii_uppercase()).count() >= 2
        && !alias.iter().any(u8::is_ascii_lowercase)
}

fn key(squashed: &str) -> u64 {
    key_bytes(squashed.as_bytes())
}

/// [`key`] of the bytes of a squashed string: hashed as a `str` hashes itself (its bytes,
/// then `0xff`).
fn key_bytes(squashed: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(squashed);
    h.write_u8(0xff);
    h.finish()
}

fn is_acronym(alias: &str) -> bool {
    alias.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !alias.chars().any(char::is_lowercase)
}

impl Handles {
    fn build(gazetteer: &Gazetteer) -> Handles {
        let store = &gazetteer.store;
        let mut index = FxHashMap::default();
        let mut squashed = String::new();
        let mut squashed_ascii = Vec::new();
        for e in 0..store.len() {
            for k in 0..store.alias_count(e) {
                // Most aliases are ASCII: squashed byte by byte, as `squash` would.
                let (hash, acronym) = if let Some(alias) = store.ascii_alias(e, k) {
                    // A one-word alias is found by the gazetteer's own lookup.
                    if alias.iter().all(u8::is_ascii_alphanumeric) {
                        continue;
                    }
                    squash_ascii(alias, &mut squashed_ascii);
                    if squashed_ascii.len() < MIN_CHARS || is_common_word_bytes(&squashed_ascii) {
                        continue;
                    }
                    (key_bytes(&squashed_ascii), is_ascii_acronym(alias))
                } else {
                    let alias = store.alias(e, k);
                    if alias.chars().all(char::is_alphanumeric) {
                        continue;
                    }
                    squash(alias, &mut squashed);
                    if squashed.chars().count() < MIN_CHARS || is_common_word(&squashed) {
                        continue;
                    }
                    (key(&squashed), is_acronym(alias))
                };
                index.entry(hash).or_insert((e as u32, k as u32, acronym));
            }
        }
        index.shrink_to_fit();
        Handles { index }
    }
}

impl Gazetteer {
    fn handles(&self) -> &Handles {
        self.handles.get_or_init(|| Handles::build(self))
    }
}

/// The word boundaries of a tag's body (byte offsets, sorted, both ends included).
fn boundaries(body: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = vec![0];
    for w in 1..chars.len() {
        let (i, c) = chars[w];
        let p = chars[w - 1].1;
        let next_lower = chars.get(w + 1).is_some_and(|&(_, n)| n.is_lowercase());
        let cut = (p.is_lowercase() && c.is_uppercase())
            || (p.is_uppercase() && c.is_uppercase() && next_lower)
            || (p.is_alphabetic() && c.is_numeric())
            || (p.is_numeric() && c.is_alphabetic())
            || !p.is_alphanumeric()
            || !c.is_alphanumeric();
        if cut {
            out.push(i);
        }
    }
    out.push(body.len());
    out.dedup();
    out
}

/// Gazetteer names found inside one tag's body, as (span in the body, entry), in order and
/// not overlapping: from each word boundary, the longest run of words that is an alias.
fn find_in(gazetteer: &Gazetteer, body: &str) -> Vec<(Span, EntryId)> {
    let cuts = boundaries(body);
    let mut out = Vec::new();
    let mut squashed = String::new();
    let mut spaced = String::new();
    let mut alias_squashed = String::new();
    let mut a = 0;
    while a + 1 < cuts.len() {
        let start = cuts[a];
        let mut next = a + 1;
        if body[start..].starts_with(char::is_alphanumeric) {
            for b in (a + 1..cuts.len().min(a + 1 + MAX_WORDS)).rev() {
                let end = cuts[b];
                let written = &body[start..end];
                if !written.ends_with(char::is_alphanumeric) {
                    continue;
                }
                squash(written, &mut squashed);
                if squashed.chars().count() < MIN_CHARS || is_common_word(&squashed) {
                    continue;
                }
                // The run's words apart, as the gazetteer reads names (`Black Lives Matter`);
                // a tag of one word in one case (`blacklivesmatter`) in the squashed index.
                spaced.clear();
                for w in cuts[a..=b].windows(2) {
                    let piece = &body[w[0]..w[1]];
                    if piece.starts_with(char::is_alphanumeric) {
                        if !spaced.is_empty() {
                            spaced.push(' ');
                        }
                        spaced.push_str(piece);
                    }
                }
                let entry = match gazetteer.lookup(&spaced).first() {
                    Some(&entry) => Some(entry),
                    None if cuts.len() == 2 => {
                        from_index(gazetteer, &squashed, &mut alias_squashed)
                    }
                    None => None,
                };
                let Some(entry) = entry else {
                    continue;
                };
                // An acronym (`NATO`) only where the tag writes it in capitals.
                let store = &gazetteer.store;
                let e = entry.0 as usize;
                let acronym = (0..store.alias_count(e)).any(|k| {
                    let alias = store.alias(e, k);
                    squash(alias, &mut alias_squashed);
                    alias_squashed == squashed && is_acronym(alias)
                });
                if acronym && written.chars().any(char::is_lowercase) {
                    continue;
                }
                out.push((Span::new(start, end), entry));
                next = b;
                break;
            }
        }
        a = next;
    }
    out
}

/// The best entry of the alias that squashes to `squashed`, from the index.
fn from_index(gazetteer: &Gazetteer, squashed: &str, buf: &mut String) -> Option<EntryId> {
    let &(e, k, _) = gazetteer.handles().index.get(&key(squashed))?;
    let alias = gazetteer.store.alias(e as usize, k as usize);
    squash(alias, buf);
    if buf != squashed {
        return None;
    }
    gazetteer.lookup(alias).first().copied()
}

/// Whether `bytes` hold a `#` or an `@`: eight bytes at a time, since every document's text
/// is read for them.
fn has_sigil(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        if has_zero(w ^ (ONES * u64::from(b'#'))) || has_zero(w ^ (ONES * u64::from(b'@'))) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b == b'#' || b == b'@')
}

/// Adds to `mentions` (in order, not overlapping) the gazetteer names inside the hashtags and
/// @-handles of the text that no mention covers yet.
pub(crate) fn add(
    gazetteer: &Gazetteer,
    text: &str,
    segmentation: &Segmentation,
    mentions: &mut Vec<EntityMention>,
) {
    if !has_sigil(text.as_bytes()) {
        return;
    }
    for token in &segmentation.tokens {
        if !matches!(token.kind, TokenKind::Hashtag | TokenKind::Mention) {
            continue;
        }
        let tag = token.span.as_str(text);
        let sigil = tag.chars().next().map_or(0, char::len_utf8);
        let offset = token.span.start + sigil;
        for (span, entry) in find_in(gazetteer, &tag[sigil..]) {
            let span = Span::new(offset + span.start, offset + span.end);
            let at = mentions.partition_point(|m| m.span.end <= span.start);
            if mentions.get(at).is_some_and(|m| m.span.start < span.end) {
                continue;
            }
            mentions.insert(
                at,
                EntityMention {
                    span,
                    label: gazetteer.label(entry),
                    entity_id: gazetteer.qid(entry).map(str::to_string),
                    name: gazetteer.name(entry).to_string(),
                    entry: Some(entry),
                    title: None,
                },
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::hash::Hash;

    use super::*;
    use crate::{Entry, Label};

    fn gazetteer() -> Gazetteer {
        Gazetteer::new([
            Entry::new("Volodymyr Zelenskyy", Label::Person)
                .id("Q3874799")
                .alias("Zelenskyy"),
            Entry::new("Vladimir Putin", Label::Person)
                .id("Q7747")
                .alias("Putin"),
            Entry::new("Black Lives Matter", Label::Org).id("Q18917071"),
            Entry::new("Ukraine", Label::Gpe).id("Q212"),
            Entry::new("Hamas", Label::Org).id("Q38833"),
            Entry::new("NATO", Label::Org).id("Q7184"),
            Entry::new("British Broadcasting Corporation", Label::Org)
                .id("Q9531")
                .alias("BBCX"),
        ])
        .expect("builds")
    }

    fn names(gazetteer: &Gazetteer, body: &str) -> Vec<(&'static str, String)> {
        find_in(gazetteer, body)
            .into_iter()
            .map(|(s, e)| {
                let written: &'static str = body[s.range()].to_string().leak();
                (written, gazetteer.name(e).to_string())
            })
            .collect()
    }

    #[test]
    fn names_are_found_on_word_boundaries_in_any_case() {
        let g = gazetteer();
        for (body, expected) in [
            ("Putin", vec![("Putin", "Vladimir Putin")]),
            ("putin", vec![("putin", "Vladimir Putin")]),
            ("PUTIN", vec![("PUTIN", "Vladimir Putin")]),
            ("ZelenskyyUa", vec![("Zelenskyy", "Volodymyr Zelenskyy")]),
            (
                "BlackLivesMatter",
                vec![("BlackLivesMatter", "Black Lives Matter")],
            ),
            (
                "blacklivesmatter",
                vec![("blacklivesmatter", "Black Lives Matter")],
            ),
            (
                "black_lives_matter",
                vec![("black_lives_matter", "Black Lives Matter")],
            ),
            ("StandWithUkraine", vec![("Ukraine", "Ukraine")]),
            ("Ukraine2024", vec![("Ukraine", "Ukraine")]),
            (
                "PutinVsZelenskyy",
                vec![
                    ("Putin", "Vladimir Putin"),
                    ("Zelenskyy", "Volodymyr Zelenskyy"),
                ],
            ),
            ("NATOSummit", vec![("NATO", "NATO")]),
            (
                "BBCXBreaking",
                vec![("BBCX", "British Broadcasting Corporation")],
            ),
        ] {
            let expected: Vec<(&str, String)> = expected
                .into_iter()
                .map(|(a, b)| (a, b.to_string()))
                .collect();
            assert_eq!(names(&g, body), expected, "{body:?}");
        }
    }

    #[test]
    fn ascii_squashing_is_squashing() {
        // Every mix of cases, digits, separators and lengths the aliases have.
        let pieces = [
            "A", "b", "Cd", "EF", "g7", "0", " ", "-", ".", "'", "_", "&", "()",
        ];
        let mut word = String::new();
        let (mut fast, mut plain) = (Vec::new(), String::new());
        for n in 0..20_000usize {
            word.clear();
            let mut m = n;
            loop {
                word.push_str(pieces[m % pieces.len()]);
                m /= pieces.len();
                if m == 0 {
                    break;
                }
            }
            squash_ascii(word.as_bytes(), &mut fast);
            squash(&word, &mut plain);
            assert_eq!(fast, plain.as_bytes(), "{word:?}");
            let mut h = FxHasher::default();
            plain.hash(&mut h);
            assert_eq!(key_bytes(&fast), h.finish(), "{word:?}");
            assert_eq!(key(&plain), h.finish(), "{word:?}");
            assert_eq!(
                is_ascii_acronym(word.as_bytes()),
                is_acronym(&word),
                "{word:?}"
            );
        }
    }

    #[test]
    fn sigils_are_found_anywhere() {
        let bytes = "a#b@c ＃é\u{1}\u{80}\u{ff}xyz0123456789".as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let piece = &bytes[start..end];
                let plain = piece.iter().any(|&b| b == b'#' || b == b'@');
                assert_eq!(has_sigil(piece), plain, "{piece:?}");
            }
        }
    }

    #[test]
    fn the_index_holds_ascii_and_other_aliases_alike() {
        let g = Gazetteer::new([
            Entry::new("Black Lives Matter", Label::Org),
            Entry::new("Šabac Fort", Label::Gpe).alias("Šabac-Fort"),
            Entry::new("A.B.C.D. Group", Label::Org).alias("ABCD Group"),
            Entry::new("Tny", Label::Org).alias("T Ny"),
            Entry::new("N.A.T.O.", Label::Org),
        ])
        .expect("builds");
        let index = &g.handles().index;
        for (squashed, entry, acronym) in [
            ("blacklivesmatter", 0, false),
            ("šabacfort", 1, false),
            ("abcdgroup", 2, false),
            ("nato", 4, true),
        ] {
            let &(e, _, a) = index.get(&key(squashed)).expect(squashed);
            assert_eq!((e, a), (entry, acronym), "{squashed}");
        }
        // Too short, and one-word aliases, are left to the gazetteer's own lookup.
        assert!(!index.contains_key(&key("tny")));
        assert_eq!(index.len(), 4);
    }

    #[test]
    fn pieces_of_other_words_are_not_names() {
        let g = gazetteer();
        for body in [
            "Bahamas",          // `hamas` inside one word
            "standwithukraine", // one-case tag: only the whole
            "Putinism",         // no boundary after `Putin`
            "NatoSummit",       // an acronym written in lower case
            "Us",
            "",
            "🙂",
            "日本",
        ] {
            assert!(names(&g, body).is_empty(), "{body:?}");
        }
    }

    #[test]
    fn mentions_are_added_in_order_without_overlap() {
        let g = gazetteer();
        let text = "Rally #StandWithUkraine as @ZelenskyyUa met Putin #Putin.";
        let seg = byline_tokenize::Tokenizer::new().segment(text);
        let mut mentions = Vec::new();
        for m in g.find(text) {
            mentions.push(EntityMention {
                span: m.span,
                label: g.label(m.entry),
                entity_id: g.qid(m.entry).map(str::to_string),
                name: g.name(m.entry).to_string(),
                entry: Some(m.entry),
                title: None,
            });
        }
        let before = mentions.len();
        add(&g, text, &seg, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| m.span.as_str(text)).collect();
        assert_eq!(
            found,
            ["Ukraine", "Zelenskyy", "Putin", "Putin"],
            "{before}"
        );
        assert!(mentions
            .windows(2)
            .all(|w| w[0].span.end <= w[1].span.start));
    }
}

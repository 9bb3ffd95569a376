//! Titles, honorifics and roles that come right before a person's name (`President`,
//! `Gen.`, `Deputy Prime Minister`, `White House spokesman`).
//!
//! A title is never part of a person's mention; the recognizer offers it in
//! [`EntityMention::title`](crate::EntityMention::title), for the speaker logic.
//!
//! ```
//! use byline_gazetteer::titles;
//!
//! let text = "said Russian Defense Minister Sergei Shoigu.";
//! let title = titles::title_before(text, text.find("Sergei").unwrap()).unwrap();
//! assert_eq!(&text[title.span.range()], "Defense Minister");
//! assert!(titles::is_title("spokesman"));
//! ```

use crate::Span;

/// Honorifics, written with or without a final period (`Dr.`, `Dr`); matched in this case.
pub const HONORIFICS: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Gen", "Gov",
    "Hon", "Insp", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Pres", "Prof", "Pvt",
    "Rep", "Rev", "Sen", "Sgt", "Supt",
];

/// Words that name a role and end a title (`President`, `spokesman`); matched in any case.
/// Multi-word roles are a role word with [`MODIFIERS`] before it (`Prime Minister`).
pub const ROLES: &[&str] = &[
    "activist",
    "actor",
    "actress",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "archbishop",
    "attorney",
    "author",
    "ayatollah",
    "banker",
    "bishop",
    "boss",
    "campaigner",
    "candidate",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "cleric",
    "co-founder",
    "coach",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "dame",
    "dean",
    "delegate",
    "deputy",
    "detective",
    "diplomat",
    "director",
    "economist",
    "editor",
    "emir",
    "emperor",
    "envoy",
    "expert",
    "founder",
    "general",
    "governor",
    "head",
    "historian",
    "imam",
    "inspector",
    "investigator",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "lieutenant",
    "lord",
    "manager",
    "mayor",
    "minister",
    "mp",
    "negotiator",
    "nominee",
    "officer",
    "owner",
    "pastor",
    "pm",
    "pope",
    "premier",
    "president",
    "president-elect",
    "priest",
    "prince",
    "princess",
    "professor",
    "prosecutor",
    "queen",
    "rabbi",
    "rapporteur",
    "reporter",
    "representative",
    "researcher",
    "ruler",
    "scientist",
    "secretary",
    "secretary-general",
    "senator",
    "sergeant",
    "sheikh",
    "sheriff",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "sultan",
    "superintendent",
    "treasurer",
    "tsar",
    "vice-president",
    "whip",
];

/// Words that may come before a role inside a title (`Deputy Prime Minister`, `Defense
/// Minister`, `former President`); matched in any case.
pub const MODIFIERS: &[&str] = &[
    "acting",
    "agriculture",
    "assistant",
    "associate",
    "attorney",
    "campaign",
    "chief",
    "commerce",
    "communications",
    "defence",
    "defense",
    "democratic",
    "deputy",
    "economy",
    "education",
    "energy",
    "environment",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "health",
    "home",
    "interim",
    "interior",
    "justice",
    "labor",
    "labour",
    "lead",
    "managing",
    "military",
    "national",
    "navy",
    "opposition",
    "party",
    "police",
    "political",
    "presidential",
    "press",
    "prime",
    "principal",
    "regional",
    "republican",
    "security",
    "senior",
    "special",
    "state",
    "then",
    "top",
    "trade",
    "transport",
    "treasury",
    "vice",
];

/// Titles of the form `role of something` (`Secretary of State`); matched in any case.
pub const OF_TITLES: &[&str] = &[
    "chairman of the joint chiefs of staff",
    "chief of staff",
    "minister of defence",
    "minister of defense",
    "minister of foreign affairs",
    "minister of state",
    "secretary of defense",
    "secretary of homeland security",
    "secretary of state",
    "secretary of the treasury",
];

/// The last words of [`OF_TITLES`], each once.
const OF_TITLE_ENDS: &[&str] = &[
    "staff", "defence", "defense", "affairs", "state", "security", "treasury",
];

/// Spelled-out roles that are also common in names of things (`General Motors`, `King's
/// College`): after them, one capitalised word is a person only if it is a known first name.
const WEAK: &[&str] = &[
    "chief", "dame", "general", "head", "judge", "justice", "king", "leader", "lord", "prince",
    "princess", "queen", "sir", "speaker",
];

/// A title found before a name.
///
/// ```
/// let text = "Dr. Jane Roe";
/// let t = byline_gazetteer::titles::title_before(text, 4).unwrap();
/// assert_eq!((&text[t.span.range()], t.weak), ("Dr.", false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Title {
    /// Byte span of the title.
    pub span: Span,
    /// The role is a word often found in names of things too (`General`, `King`): a single
    /// capitalised word after it is a person only if it is a known first name.
    pub weak: bool,
}

/// Whether `word`, lower-cased, is in the sorted `list` (of lower-case ASCII words). Lower-cases
/// an ASCII word on the stack: this runs for most capitalised words of a text.
fn lower_in(list: &[&str], word: &str) -> bool {
    if !word.is_ascii() {
        let w = word.to_lowercase();
        return list.binary_search(&w.as_str()).is_ok();
    }
    let mut buf = [0u8; 32];
    let Some(lower) = buf.get_mut(..word.len()) else {
        // Longer than any word of the lists.
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = &*lower;
    list.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
}

/// Whether `word` lower-cased is `lower` (a lower-case ASCII word), without allocating for an
/// ASCII word.
fn lower_is(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.len() == lower.len()
            && word
                .bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b)
    } else {
        word.to_lowercase() == lower
    }
}

/// Whether `word` is an honorific (`Dr`, `Dr.`), in its own case.
///
/// ```
/// assert!(byline_gazetteer::titles::is_honorific("Gen."));
/// assert!(!byline_gazetteer::titles::is_honorific("gen"));
/// ```
pub fn is_honorific(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    match packed(w.as_bytes()).map(key) {
        Some(key) => word_table().get(&key).is_some_and(|f| f & HONORIFIC != 0),
        None => HONORIFICS.binary_search(&w).is_ok(),
    }
}

/// Which lists a word is in, in [`word_table`].
const HONORIFIC: u8 = 1;
const ROLE: u8 = 2;
const MODIFIER: u8 = 4;
const WEAK_ROLE: u8 = 8;

/// Longest word [`packed`] takes.
const PACKED: usize = 16;

/// The bytes of a word of at most [`PACKED`] bytes, none of them NUL, zero-padded into an
/// integer: distinct words give distinct keys. Built in registers, eight bytes at a time: a
/// key copied through memory byte by byte and read back whole waits for the copy, and a loop
/// over the bytes shifts the whole key once per byte.
#[inline]
fn packed(bytes: &[u8]) -> Option<(u64, u64)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = bytes.len();
    if n > PACKED {
        return None;
    }
    let word = |at: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(w)
    };
    let half = |at: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[at..at + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    // Whole loads, overlapping where the word is not a multiple of their size.
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => {
            let byte = |k: usize| u64::from(bytes[k]) << (8 * k);
            (byte(0) | byte(n / 2) | byte(n - 1), 0)
        }
        4..=7 => (half(0) | (half(n - 4) << (8 * (n - 4))), 0),
        8 => (word(0), 0),
        _ => (word(0), word(n - 8) >> (8 * (16 - n))),
    };
    // A NUL among the bytes (the padding past the end set to 1 first).
    let pad = |k: usize| if k >= 8 { 0 } else { ONES << (8 * k) };
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    if has_zero(lo | pad(n.min(8))) || has_zero(hi | pad(n.saturating_sub(8))) {
        return None;
    }
    Some((lo, hi))
}

/// The key of [`packed`] bytes.
#[inline]
fn key((lo, hi): (u64, u64)) -> u128 {
    u128::from(lo) | (u128::from(hi) << 64)
}

/// The [`packed`] key of an ASCII word lower-cased.
#[inline]
fn packed_lower_ascii(word: &[u8]) -> Option<u128> {
    // The high bit of each byte: at least `A`, and past `Z` (no carry: every byte is ASCII).
    let lower = |x: u64| {
        let upper = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f)
            & !x.wrapping_add(0x2525_2525_2525_2525)
            & 0x8080_8080_8080_8080;
        x | (upper >> 2)
    };
    packed(word).map(|(lo, hi)| key((lower(lo), lower(hi))))
}

/// The words of the lists of at most [`PACKED`] bytes, as written (honorifics, matched in
/// their case; the other lists are lower case), with the lists they are in: one probe tells
/// a word's place in all of them. Longer words are looked up in the lists themselves.
fn word_table() -> &'static rustc_hash::FxHashMap<u128, u8> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<u128, u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = rustc_hash::FxHashMap::default();
        for (list, flag) in [
            (HONORIFICS, HONORIFIC),
            (ROLES, ROLE),
            (MODIFIERS, MODIFIER),
            (WEAK, WEAK_ROLE),
        ] {
            for word in list {
                if let Some(key) = packed(word.as_bytes()).map(key) {
                    *table.entry(key).or_insert(0) |= flag;
                }
            }
        }
        table
    })
}

/// The lists among [`ROLES`], [`MODIFIERS`] and [`WEAK`] that hold `word` lower-cased.
fn lower_lists(word: &str) -> u8 {
    if word.is_ascii() {
        if let Some(key) = packed_lower_ascii(word.as_bytes()) {
            let flags = word_table().get(&key).copied().unwrap_or(0);
            return flags & (ROLE | MODIFIER | WEAK_ROLE);
        }
    }
    [(ROLES, ROLE), (MODIFIERS, MODIFIER), (WEAK, WEAK_ROLE)]
        .into_iter()
        .filter(|(list, _)| lower_in(list, word))
        .fold(0, |flags, (_, flag)| flags | flag)
}

/// Whether `word` is an honorific or a role word (`President`, `spokesman`, `Sen.`).
///
/// ```
/// assert!(byline_gazetteer::titles::is_title("President"));
/// assert!(!byline_gazetteer::titles::is_title("Defense"));
/// ```
pub fn is_title(word: &str) -> bool {
    is_honorific(word) || lower_lists(word) & ROLE != 0
}

/// Whether `word` is a title word of any kind: honorific, role or modifier.
///
/// ```
/// assert!(byline_gazetteer::titles::is_title_word("Deputy"));
/// ```
pub fn is_title_word(word: &str) -> bool {
    is_honorific(word) || lower_lists(word) & (ROLE | MODIFIER) != 0
}

/// The word ending right before `end` (skipping spaces), with a final period when the word is
/// an honorific or a single capital: its start and text.
fn word_before(text: &str, end: usize) -> Option<(usize, usize)> {
    let before = &text[..end];
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}']);
    if trimmed.is_empty() || trimmed.len() == before.len() && end != text.len() && end > 0 {
        // Words must be separated from what follows by a space.
        if trimmed.len() == before.len() {
            return None;
        }
    }
    let wend = trimmed.len();
    let core = trimmed.strip_suffix('.').unwrap_or(trimmed);
    let start = core
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '-')
        .last()
        .map(|(i, _)| i)?;
    if core.len() != wend && !is_honorific(&trimmed[start..wend]) {
        return None;
    }
    Some((start, wend))
}

/// The title right before the name starting at `name_start`: an honorific (`Mr.`), a role
/// (`spokesman`), a role with modifiers (`Deputy Prime Minister`) or an `of` title (`Secretary
/// of State`). Capitalised words that are not title words (`White House`) are left out; the
/// recognizer adds organisations and nationalities it knows.
///
/// ```
/// use byline_gazetteer::titles::title_before;
/// let text = "the White House spokesman John Kirby";
/// let t = title_before(text, 26).unwrap();
/// assert_eq!(&text[t.span.range()], "spokesman");
/// assert!(title_before("Follow Daryo", 7).is_none());
/// ```
pub fn title_before(text: &str, name_start: usize) -> Option<Title> {
    if !text.is_char_boundary(name_start) {
        return None;
    }
    let (s, e) = word_before(text, name_start)?;
    let word = &text[s..e];
    // `of` titles first, when the nearest word can end one: compare the words before the name.
    if OF_TITLE_ENDS.iter().any(|last| lower_is(word, last)) {
        if let Some(title) = of_title(text, name_start) {
            return Some(title);
        }
    }
    let role = !is_honorific(word);
    let lists = if role { lower_lists(word) } else { 0 };
    if role && lists & ROLE == 0 {
        return None;
    }
    let modifiers = words_before(text, s).take(TITLE_WORDS - 1);
    let start = extend_modifiers(text, modifiers).unwrap_or(s);
    Some(Title {
        span: Span::new(start, e),
        weak: role && start == s && lists & WEAK_ROLE != 0,
    })
}

/// Most words a title spans, the name's nearest word included.
const TITLE_WORDS: usize = 7;

/// The words before byte `end`, nearest first: `(start, end)` pairs.
fn words_before(text: &str, mut end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    std::iter::from_fn(move || {
        let (s, e) = word_before(text, end)?;
        end = s;
        Some((s, e))
    })
}

/// The `of` title (`Secretary of State`, with modifiers before it) that ends right before the
/// name starting at `name_start`, if any.
fn of_title(text: &str, name_start: usize) -> Option<Title> {
    let mut spans = [(0, 0); TITLE_WORDS];
    let mut len = 0;
    for (slot, span) in spans.iter_mut().zip(words_before(text, name_start)) {
        *slot = span;
        len += 1;
    }
    let words = &spans[..len];
    for phrase in OF_TITLES {
        let n = phrase.split(' ').count();
        if n > words.len() {
            continue;
        }
        if phrase
            .split(' ')
            .rev()
            .zip(words)
            .all(|(p, &(s, e))| lower_is(&text[s..e], p))
        {
            let first = words[n - 1].0;
            let start = extend_modifiers(text, words[n..].iter().copied()).unwrap_or(first);
            return Some(Title {
                span: Span::new(start, words[0].1),
                weak: false,
            });
        }
    }
    None
}

/// Start of the run of modifier words at the head of `words` (nearest first).
fn extend_modifiers(text: &str, words: impl Iterator<Item = (usize, usize)>) -> Option<usize> {
    let mut start = None;
    for (s, e) in words {
        let w = &text[s..e];
        let lists = lower_lists(w);
        if lists & MODIFIER != 0
            || lists & ROLE != 0 && w.chars().next().is_some_and(char::is_uppercase)
        {
            start = Some(s);
        } else {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str, name: &str) -> Option<String> {
        title_before(text, text.find(name).unwrap()).map(|t| text[t.span.range()].to_owned())
    }

    /// The straightforward form of [`title_before`]: every word before the name lower-cased
    /// into a `String`. The fast form must agree with it everywhere.
    fn title_before_reference(text: &str, name_start: usize) -> Option<Title> {
        let lower_in = |list: &[&str], w: &str| list.binary_search(&&*w.to_lowercase()).is_ok();
        if !text.is_char_boundary(name_start) {
            return None;
        }
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut end = name_start;
        while words.len() < 7 {
            let Some((s, e)) = word_before(text, end) else {
                break;
            };
            words.push((s, e));
            end = s;
        }
        if words.is_empty() {
            return None;
        }
        let lower: Vec<String> = words
            .iter()
            .map(|&(s, e)| text[s..e].to_lowercase())
            .collect();
        let modifiers = |words: &[(usize, usize)]| {
            let mut start = None;
            for &(s, e) in words {
                let w = &text[s..e];
                if lower_in(MODIFIERS, w)
                    || lower_in(ROLES, w) && w.chars().next().is_some_and(char::is_uppercase)
                {
                    start = Some(s);
                } else {
                    break;
                }
            }
            start
        };
        for phrase in OF_TITLES {
            let n = phrase.split(' ').count();
            if n > words.len() {
                continue;
            }
            if phrase.split(' ').rev().zip(&lower).all(|(p, w)| p == w) {
                let start = modifiers(&words[n..]).unwrap_or(words[n - 1].0);
                return Some(Title {
                    span: Span::new(start, words[0].1),
                    weak: false,
                });
            }
        }
        let (s, e) = words[0];
        let word = &text[s..e];
        if is_honorific(word) {
            let start = modifiers(&words[1..]).unwrap_or(s);
            return Some(Title {
                span: Span::new(start, e),
                weak: false,
            });
        }
        if !lower_in(ROLES, word) {
            return None;
        }
        let start = modifiers(&words[1..]).unwrap_or(s);
        let weak = start == s && lower_in(WEAK, word);
        Some(Title {
            span: Span::new(start, e),
            weak,
        })
    }

    proptest::proptest! {
        /// Texts of title words, other words and separators in any case: the title found
        /// before every word boundary is the reference's.
        #[test]
        fn title_before_agrees_with_the_reference(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Secretary", "of", "STATE", "state", "Defense", "minister", "Minister",
                    "Deputy", "Prime", "former", "Dr.", "Dr", "Gen.", "Mr", "General", "King",
                    "chief", "the", "Joint", "Chiefs", "Staff", "Treasury", "Homeland",
                    "Security", "Foreign", "Affairs", "John", "Kirby", "said", "Ünter",
                    "\u{212a}ing", "Zoë", "S", "spokesman", "secretary-general", "x",
                ]),
                0..12,
            ),
            seps in proptest::collection::vec(
                proptest::sample::select(vec![" ", "  ", ", ", "\u{a0}", "\n", " - ", "."]),
                12,
            ),
        ) {
            let mut text = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
            }
            for at in 0..=text.len() {
                proptest::prop_assert_eq!(
                    title_before(&text, at),
                    title_before_reference(&text, at),
                    "{:?} at {}", text, at
                );
            }
        }
    }

    #[test]
    fn of_title_ends_are_the_last_words_of_the_of_titles() {
        let mut want: Vec<&str> = OF_TITLES
            .iter()
            .filter_map(|p| p.rsplit(' ').next())
            .collect();
        want.sort_unstable();
        want.dedup();
        let mut got = OF_TITLE_ENDS.to_vec();
        got.sort_unstable();
        assert_eq!(got, want);
    }

    #[test]
    fn packed_keys_are_packed_byte_by_byte() {
        let plain = |bytes: &[u8], f: fn(u8) -> u8| -> Option<u128> {
            if bytes.len() > PACKED || bytes.contains(&0) {
                return None;
            }
            Some(
                bytes
                    .iter()
                    .enumerate()
                    .fold(0u128, |key, (i, &b)| key | (u128::from(f(b)) << (8 * i))),
            )
        };
        // Every length to past PACKED, with each interesting byte at each position.
        let specials = [
            0u8, 1, b'.', b'@', b'A', b'M', b'Z', b'[', b'`', b'a', b'z', b'{', 0x7f,
        ];
        for n in 0..=PACKED + 2 {
            for at in 0..n.max(1) {
                for b in specials.into_iter().chain([0x80, 0xc3, 0xff]) {
                    for fill in [b'a', b'Q', b'-', b'9'] {
                        let mut w = vec![fill; n];
                        if let Some(x) = w.get_mut(at) {
                            *x = b;
                        }
                        assert_eq!(packed(&w).map(key), plain(&w, |b| b), "{w:?}");
                        if w.is_ascii() {
                            assert_eq!(
                                packed_lower_ascii(&w),
                                plain(&w, |b| b.to_ascii_lowercase()),
                                "{w:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_word_table_agrees_with_the_lists() {
        let mut words: Vec<String> = Vec::new();
        for list in [HONORIFICS, ROLES, MODIFIERS, WEAK, OF_TITLE_ENDS] {
            for w in list {
                let upper = w.to_uppercase();
                let mut cap = w.to_string();
                cap[..1].make_ascii_uppercase();
                words.extend([w.to_string(), format!("{w}."), upper, cap, format!("{w}x")]);
            }
        }
        words.extend(
            ["", ".", "Ünter", "K\u{212a}ng", "a\0", "x-x-x-x-x-x-x-x-x"].map(String::from),
        );
        for w in &words {
            let lower_in = |list: &[&str]| list.binary_search(&&*w.to_lowercase()).is_ok();
            let bare = w.strip_suffix('.').unwrap_or(w);
            assert_eq!(is_honorific(w), HONORIFICS.contains(&bare), "{w}");
            let lists = lower_lists(w);
            assert_eq!(lists & ROLE != 0, lower_in(ROLES), "{w}");
            assert_eq!(lists & MODIFIER != 0, lower_in(MODIFIERS), "{w}");
            assert_eq!(lists & WEAK_ROLE != 0, lower_in(WEAK), "{w}");
        }
    }

    #[test]
    fn lists_are_sorted() {
        for list in [HONORIFICS, ROLES, MODIFIERS, WEAK] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
            }
        }
    }

    #[test]
    fn titles_before_names() {
        let cases = [
            (
                "In a meeting with Russian President Vladimir Putin",
                "Vladimir",
                Some("President"),
            ),
            (
                "White House spokesman John Kirby said",
                "John",
                Some("spokesman"),
            ),
            (
                "and Deputy Prime Minister Alexander Novak",
                "Alexander",
                Some("Deputy Prime Minister"),
            ),
            (
                "Russian Defense Minister Sergei Shoigu",
                "Sergei",
                Some("Defense Minister"),
            ),
            ("said Gen. Mark Milley", "Mark", Some("Gen.")),
            ("said Sen. Ted Cruz", "Ted", Some("Sen.")),
            (
                "Secretary of State Antony Blinken",
                "Antony",
                Some("Secretary of State"),
            ),
            (
                "former President Donald Trump",
                "Donald",
                Some("former President"),
            ),
            ("Follow Daryo's pages", "Daryo", None),
            ("In response, President Raisi", "Raisi", Some("President")),
            ("the president,Raisi", "Raisi", None),
        ];
        for (text, name, want) in cases {
            assert_eq!(title(text, name).as_deref(), want, "{text}");
        }
        let t = title_before("General Motors", 8).unwrap();
        assert!(t.weak);
    }
}

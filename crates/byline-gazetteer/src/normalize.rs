//! Text normalisation for matching, with offsets back to the original text.
//!
//! A text is cut into units: runs of word characters, and single characters of any other kind
//! (punctuation, symbols, and each character of scripts written without spaces). White space is
//! dropped. Aliases are matched as sequences of whole units: `Iran` never matches inside
//! `Iranian`, and `Vladimir\n  Putin` matches `Vladimir Putin`.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Separates units in [`normalize_str`]'s output.
pub(crate) const UNIT_SEP: u8 = 0x01;

/// What to fold besides apostrophe and dash variants, which are always folded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fold {
    pub(crate) case: bool,
    pub(crate) diacritics: bool,
}

/// One unit: its folded bytes `nstart..nend` in the normalised bytes, and its byte range in
/// the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    pub(crate) nstart: u32,
    pub(crate) nend: u32,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// A normalised text: the folded units, back to back, and where each is.
#[derive(Clone, Debug, Default)]
pub(crate) struct Normalized {
    pub(crate) bytes: Vec<u8>,
    pub(crate) units: Vec<Unit>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// White space and control characters: separate units, dropped.
    Space,
    /// Joins the unit it is in (letters, digits, combining marks).
    Word,
    /// A unit by itself (punctuation, symbols, ideographs).
    Solo,
    /// Dropped without separating (soft hyphen, zero-width joiners).
    Ignore,
}

const fn ascii_classes() -> [Class; 128] {
    let mut t = [Class::Solo; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            Class::Word
        } else if b <= b' ' || b == 0x7f {
            Class::Space
        } else {
            Class::Solo
        };
        i += 1;
    }
    t
}

static ASCII_CLASS: [Class; 128] = ascii_classes();

/// Scripts written without spaces between words: each character is a unit.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF       // Thai, Lao
        | 0x1000..=0x109F     // Myanmar
        | 0x1780..=0x17FF     // Khmer
        | 0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF     // CJK extension A
        | 0x4E00..=0x9FFF     // CJK unified ideographs
        | 0xF900..=0xFAFF     // CJK compatibility ideographs
        | 0x20000..=0x3134F) // CJK extensions B-G
}

fn classify(c: char) -> Class {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    if matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    ) {
        Class::Ignore
    } else if c.is_whitespace() || c.is_control() {
        Class::Space
    } else if is_unspaced_script(c) {
        Class::Solo
    } else if c.is_alphanumeric() || is_combining_mark(c) {
        Class::Word
    } else {
        Class::Solo
    }
}

/// Apostrophe and dash variants, folded to ASCII always.
fn punctuation_variant(c: char) -> Option<char> {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{0060}' | '\u{00B4}'
        | '\u{2032}' | '\u{FF07}' => Some('\''),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Some('-'),
        _ => None,
    }
}

/// Letters that carry a stroke or ligature rather than a combining mark.
fn strip_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' => "d",
        'ħ' | 'Ħ' => "h",
        'ı' => "i",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        _ => return None,
    })
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

fn push_cased(out: &mut Vec<u8>, c: char, fold: Fold) {
    if !fold.case {
        push_char(out, c);
        return;
    }
    match c {
        'ß' | 'ẞ' => out.extend_from_slice(b"ss"),
        'ς' => push_char(out, 'σ'),
        'ſ' => out.push(b's'),
        _ => {
            for l in c.to_lowercase() {
                push_char(out, l);
            }
        }
    }
}

/// Writes the folded form of a non-ASCII character.
fn push_folded(out: &mut Vec<u8>, c: char, fold: Fold) {
    if let Some(p) = punctuation_variant(c) {
        out.push(p as u8);
        return;
    }
    if !fold.diacritics {
        push_cased(out, c, fold);
        return;
    }
    if is_combining_mark(c) {
        return;
    }
    if let Some(s) = strip_letter(c) {
        for l in s.chars() {
            push_cased(out, l, fold);
        }
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            push_cased(out, d, fold);
        }
    });
}

impl Normalized {
    /// Empties the buffers, keeping their memory.
    pub(crate) fn clear(&mut self) {
        self.bytes.clear();
        self.units.clear();
    }

    /// Normalises `text` (offsets relative to its start; `text.len()` must fit in `u32`).
    pub(crate) fn normalize(&mut self, text: &str, fold: Fold) {
        self.clear();
        self.bytes.reserve(text.len());
        // About one unit in five bytes of news text (words and punctuation).
        self.units.reserve(text.len() / 4 + 1);
        let bytes = text.as_bytes();
        // Start of the open word unit, if any.
        let mut open: Option<usize> = None;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                match ASCII_CLASS[b as usize] {
                    Class::Word => {
                        if open.is_none() {
                            self.open_unit(i);
                            open = Some(i);
                        }
                        // The whole run of ASCII word bytes at once.
                        let run = bytes[i..]
                            .iter()
                            .position(|&b| b >= 0x80 || ASCII_CLASS[b as usize] != Class::Word)
                            .map_or(bytes.len(), |k| i + k);
                        let word = &bytes[i..run];
                        if fold.case {
                            self.bytes.extend(word.iter().map(u8::to_ascii_lowercase));
                        } else {
                            self.bytes.extend_from_slice(word);
                        }
                        i = run;
                        continue;
                    }
                    Class::Space => {
                        if open.take().is_some() {
                            self.close_unit(i);
                        }
                    }
                    _ => {
                        if open.take().is_some() {
                            self.close_unit(i);
                        }
                        self.open_unit(i);
                        self.bytes.push(if b == b'`' { b'\'' } else { b });
                        self.close_unit(i + 1);
                    }
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("char boundary");
            let len = c.len_utf8();
            match classify(c) {
                Class::Word => {
                    if open.is_none() {
                        if is_combining_mark(c) && self.extend_last(i) {
                            // A mark right after a one-character unit belongs to it.
                            push_folded(&mut self.bytes, c, fold);
                            self.close_unit(i + len);
                            i += len;
                            continue;
                        }
                        self.open_unit(i);
                        open = Some(i);
                    }
                    push_folded(&mut self.bytes, c, fold);
                }
                Class::Space => {
                    if open.take().is_some() {
                        self.close_unit(i);
                    }
                }
                Class::Ignore => {}
                Class::Solo => {
                    if open.take().is_some() {
                        self.close_unit(i);
                    }
                    self.open_unit(i);
                    push_folded(&mut self.bytes, c, fold);
                    self.close_unit(i + len);
                }
            }
            i += len;
        }
        if open.is_some() {
            self.close_unit(bytes.len());
        }
    }

    fn open_unit(&mut self, start: usize) {
        let n = self.bytes.len() as u32;
        self.units.push(Unit {
            nstart: n,
            nend: n,
            start: start as u32,
            end: 0,
        });
    }

    fn close_unit(&mut self, end: usize) {
        let n = self.bytes.len() as u32;
        if let Some(u) = self.units.last_mut() {
            u.end = end as u32;
            u.nend = n;
        }
    }

    /// Whether the last unit ends right at `at`, so a combining mark there joins it.
    fn extend_last(&mut self, at: usize) -> bool {
        self.units
            .last()
            .is_some_and(|u| u.end as usize == at && u.nend as usize == self.bytes.len())
    }

    /// The folded bytes of unit `i`.
    pub(crate) fn unit(&self, i: usize) -> &[u8] {
        let u = self.units[i];
        &self.bytes[u.nstart as usize..u.nend as usize]
    }
}

/// The normalised form of a whole string, units separated by [`UNIT_SEP`] (for comparisons).
pub(crate) fn normalize_str(s: &str, fold: Fold) -> Vec<u8> {
    let mut n = Normalized::default();
    n.normalize(s, fold);
    let mut out = Vec::with_capacity(n.bytes.len() + n.units.len());
    for i in 0..n.units.len() {
        out.push(UNIT_SEP);
        out.extend_from_slice(n.unit(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOLD: Fold = Fold {
        case: true,
        diacritics: true,
    };

    fn show(s: &str, fold: Fold) -> String {
        String::from_utf8(normalize_str(s, fold))
            .unwrap()
            .replace(UNIT_SEP as char, "|")
    }

    #[test]
    fn ascii_text_is_cut_as_character_classes_say() {
        // Generated ASCII texts (every class next to every other), against a reading one
        // byte at a time: runs of word bytes, one unit per other visible byte, spaces dropped.
        let pieces = [
            "Ab", "c", "9", "Z", "`", "'", ".", "-", " ", "\n", "\t", "\x01", "_", "#", "Qx7",
        ];
        for fold in [
            FOLD,
            Fold {
                case: false,
                diacritics: false,
            },
        ] {
            let mut norm = Normalized::default();
            for n in 0..pieces.len().pow(3) {
                let text: String = [n % pieces.len(), n / pieces.len() % pieces.len(), n / 225]
                    .map(|k| pieces[k])
                    .concat();
                let mut expected: Vec<(u32, u32, Vec<u8>)> = Vec::new();
                let mut open = false;
                for (i, b) in text.bytes().enumerate() {
                    let i = i as u32;
                    match ASCII_CLASS[b as usize] {
                        Class::Word => {
                            let b = if fold.case { b.to_ascii_lowercase() } else { b };
                            match expected.last_mut() {
                                Some(u) if open => {
                                    u.1 = i + 1;
                                    u.2.push(b);
                                }
                                _ => expected.push((i, i + 1, vec![b])),
                            }
                            open = true;
                        }
                        Class::Space | Class::Ignore => open = false,
                        Class::Solo => {
                            expected.push((i, i + 1, vec![if b == b'`' { b'\'' } else { b }]));
                            open = false;
                        }
                    }
                }
                norm.normalize(&text, fold);
                let got: Vec<(u32, u32, Vec<u8>)> = (0..norm.units.len())
                    .map(|k| {
                        (
                            norm.units[k].start,
                            norm.units[k].end,
                            norm.unit(k).to_vec(),
                        )
                    })
                    .collect();
                assert_eq!(got, expected, "{text:?}");
            }
        }
    }

    #[test]
    fn units_and_folding() {
        assert_eq!(show("Putin’s  war", FOLD), "|putin|'|s|war");
        assert_eq!(show("Zürich\n\tAG", FOLD), "|zurich|ag");
        assert_eq!(
            show(
                "Zürich",
                Fold {
                    case: true,
                    diacritics: false
                }
            ),
            "|zürich"
        );
        assert_eq!(show("U.S.", FOLD), "|u|.|s|.");
        assert_eq!(show("Al–Qaeda", FOLD), "|al|-|qaeda");
        assert_eq!(show("STRASSE Straße", FOLD), "|strasse|strasse");
        assert_eq!(show("ΟΔΥΣΣΕΥΣ", FOLD), "|οδυσσευσ");
        assert_eq!(show("Łódź", FOLD), "|lodz");
        assert_eq!(show("北京市", FOLD), "|北|京|市");
        assert_eq!(
            show(
                "Mr. Big",
                Fold {
                    case: false,
                    diacritics: false
                }
            ),
            "|Mr|.|Big"
        );
    }

    #[test]
    fn offsets_map_back() {
        let text = "In  Zürich’s old town";
        let mut n = Normalized::default();
        n.normalize(text, FOLD);
        let u = n.units[1];
        assert_eq!(&text[u.start as usize..u.end as usize], "Zürich");
        assert_eq!(n.unit(1), b"zurich");
        let last = n.units.last().unwrap();
        assert_eq!(&text[last.start as usize..last.end as usize], "town");
        assert_eq!(n.unit(2), b"'");
    }
}

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

fn lower_in(list: &[&str], word: &str) -> bool {
    let w = word.to_lowercase();
    list.binary_search(&w.as_str()).is_ok()
}

/// Whether `word` is an honorific (`Dr`, `Dr.`), in its own case.
///
/// ```
/// assert!(byline_gazetteer::titles::is_honorific("Gen."));
/// assert!(!byline_gazetteer::titles::is_honorific("gen"));
/// ```
pub fn is_honorific(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    HONORIFICS.binary_search(&w).is_ok()
}

/// Whether `word` is an honorific or a role word (`President`, `spokesman`, `Sen.`).
///
/// ```
/// assert!(byline_gazetteer::titles::is_title("President"));
/// assert!(!byline_gazetteer::titles::is_title("Defense"));
/// ```
pub fn is_title(word: &str) -> bool {
    is_honorific(word) || lower_in(ROLES, word)
}

/// Whether `word` is a title word of any kind: honorific, role or modifier.
///
/// ```
/// assert!(byline_gazetteer::titles::is_title_word("Deputy"));
/// ```
pub fn is_title_word(word: &str) -> bool {
    is_title(word) || lower_in(MODIFIERS, word)
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
    // `of` titles first: compare the lower-cased words before the name.
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
    // The words before the name, nearest first, lower-cased once.
    let lower: Vec<String> = words
        .iter()
        .map(|&(s, e)| text[s..e].to_lowercase())
        .collect();
    for phrase in OF_TITLES {
        let n = phrase.split(' ').count();
        if n > words.len() {
            continue;
        }
        if phrase.split(' ').rev().zip(&lower).all(|(p, w)| p == w) {
            let first = words[n - 1].0;
            let start = extend_modifiers(text, &words[n..]).unwrap_or(first);
            return Some(Title {
                span: Span::new(start, words[0].1),
                weak: false,
            });
        }
    }
    let (s, e) = words[0];
    let word = &text[s..e];
    if is_honorific(word) {
        let start = extend_modifiers(text, &words[1..]).unwrap_or(s);
        return Some(Title {
            span: Span::new(start, e),
            weak: false,
        });
    }
    if !lower_in(ROLES, word) {
        return None;
    }
    let start = extend_modifiers(text, &words[1..]).unwrap_or(s);
    let weak = start == s && lower_in(WEAK, word);
    Some(Title {
        span: Span::new(start, e),
        weak,
    })
}

/// Start of the run of modifier words at the head of `words` (nearest first).
fn extend_modifiers(text: &str, words: &[(usize, usize)]) -> Option<usize> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(text: &str, name: &str) -> Option<String> {
        title_before(text, text.find(name).unwrap()).map(|t| text[t.span.range()].to_owned())
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

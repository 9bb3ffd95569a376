//! The compiled matcher: one aho-corasick automaton over every normalised alias, and the
//! candidates of each pattern.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::common_words::is_common_word;
use crate::error::{Error, ErrorKind};
use crate::normalize::{normalize_str, Fold, Normalized};
use crate::{CaseMode, Entry};

/// The alias is an acronym or single capital letter (`US`, `WHO`, `U.S.`).
pub(crate) const ACRONYM: u8 = 1;
/// The alias is a common English word (`May`, `Nice`).
pub(crate) const COMMON: u8 = 2;
/// The alias holds an upper-case letter.
pub(crate) const HAS_UPPER: u8 = 4;

/// One entry that a pattern names, with how its alias must be cased.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cand {
    pub(crate) entry: u32,
    pub(crate) alias: u16,
    pub(crate) case: CaseMode,
    pub(crate) flags: u8,
}

/// Which automaton to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    LeftmostLongest,
    Overlapping,
}

#[derive(Debug)]
pub(crate) struct Matcher {
    pub(crate) ac: AhoCorasick,
    /// `cands[pat_start[p]..pat_start[p + 1]]` are the candidates of pattern `p`.
    pat_start: Vec<u32>,
    cands: Vec<Cand>,
}

/// Smart-case facts about an alias.
pub(crate) fn alias_flags(alias: &str) -> u8 {
    let mut upper = 0usize;
    let mut lower = 0usize;
    for c in alias.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let mut flags = 0;
    if upper > 0 {
        flags |= HAS_UPPER;
    }
    if upper > 0 && lower == 0 {
        flags |= ACRONYM;
    }
    let lowered = alias.to_lowercase();
    if is_common_word(&lowered) {
        flags |= COMMON;
    }
    flags
}

/// Normalised patterns, the start of each pattern's candidates, and the candidates.
pub(crate) type Patterns = (Vec<Vec<u8>>, Vec<u32>, Vec<Cand>);

/// The normalised patterns of `entries`, deduplicated, with the candidates of each.
pub(crate) fn collect_patterns(
    entries: &[Entry],
    entry_case: &[CaseMode],
    fold: Fold,
) -> Result<Patterns, Error> {
    let mut ids: HashMap<Vec<u8>, u32> = HashMap::new();
    let mut patterns: Vec<Vec<u8>> = Vec::new();
    let mut per_pattern: Vec<Vec<Cand>> = Vec::new();
    let mut norm = Normalized::default();
    for (index, entry) in entries.iter().enumerate() {
        for (ai, alias) in entry.aliases.iter().enumerate() {
            norm.normalize(alias, fold);
            if norm.units.is_empty() {
                return Err(Error::new(ErrorKind::Entry {
                    index,
                    name: entry.name.clone(),
                    message: format!("alias {} ({alias:?}) has no characters to match", ai + 1),
                }));
            }
            let alias_index = u16::try_from(ai).map_err(|_| {
                Error::new(ErrorKind::Entry {
                    index,
                    name: entry.name.clone(),
                    message: "more than 65,536 aliases".to_owned(),
                })
            })?;
            let id = match ids.get(norm.bytes.as_slice()) {
                Some(&id) => id,
                None => {
                    let id = patterns.len() as u32;
                    ids.insert(norm.bytes.clone(), id);
                    patterns.push(norm.bytes.clone());
                    per_pattern.push(Vec::new());
                    id
                }
            };
            let cands = &mut per_pattern[id as usize];
            // The same entry twice under one pattern (`Zürich`, `Zurich`) is one candidate.
            if cands
                .iter()
                .any(|c| c.entry == index as u32 && c.case == entry_case[index])
            {
                continue;
            }
            cands.push(Cand {
                entry: index as u32,
                alias: alias_index,
                case: entry_case[index],
                flags: alias_flags(alias),
            });
        }
    }
    let mut pat_start = Vec::with_capacity(per_pattern.len() + 1);
    let mut cands = Vec::new();
    for list in per_pattern {
        pat_start.push(cands.len() as u32);
        cands.extend(list);
    }
    pat_start.push(cands.len() as u32);
    Ok((patterns, pat_start, cands))
}

pub(crate) fn build_automaton(patterns: &[Vec<u8>], kind: Kind) -> Result<AhoCorasick, Error> {
    let mut builder = AhoCorasick::builder();
    match kind {
        Kind::LeftmostLongest => builder
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both),
        Kind::Overlapping => builder.match_kind(MatchKind::Standard),
    };
    builder
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .prefilter(false)
        .build(patterns)
        .map_err(|e| {
            Error::new(ErrorKind::Build {
                message: e.to_string(),
            })
        })
}

impl Matcher {
    pub(crate) fn new(
        entries: &[Entry],
        entry_case: &[CaseMode],
        fold: Fold,
    ) -> Result<Matcher, Error> {
        let (patterns, pat_start, cands) = collect_patterns(entries, entry_case, fold)?;
        let ac = build_automaton(&patterns, Kind::LeftmostLongest)?;
        Ok(Matcher {
            ac,
            pat_start,
            cands,
        })
    }

    pub(crate) fn cands(&self, pattern: usize) -> &[Cand] {
        &self.cands[self.pat_start[pattern] as usize..self.pat_start[pattern + 1] as usize]
    }

    /// The pattern that is exactly `normalized`, if any.
    pub(crate) fn pattern_of(&self, normalized: &[u8]) -> Option<usize> {
        let input = Input::new(normalized).anchored(Anchored::Yes);
        let m = self.ac.find(input)?;
        (m.end() == normalized.len()).then(|| m.pattern().as_usize())
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.ac.memory_usage()
            + self.pat_start.capacity() * 4
            + self.cands.capacity() * std::mem::size_of::<Cand>()
    }
}

/// Whether `alias` and the text `found` spell the same units with the same case.
pub(crate) fn same_case(alias: &str, found: &str, fold_diacritics: bool) -> bool {
    let fold = Fold {
        case: false,
        diacritics: fold_diacritics,
    };
    normalize_str(alias, fold) == normalize_str(found, fold)
}

/// Whether the text `found` may be the alias of `cand` under its case mode.
pub(crate) fn case_ok(cand: &Cand, alias: &str, found: &str, fold_diacritics: bool) -> bool {
    match cand.case {
        CaseMode::Insensitive => true,
        CaseMode::Exact => same_case(alias, found, fold_diacritics),
        CaseMode::Smart => {
            if cand.flags & (ACRONYM | COMMON) != 0 {
                same_case(alias, found, fold_diacritics)
            } else if cand.flags & HAS_UPPER != 0 {
                found.chars().any(char::is_uppercase)
            } else {
                true
            }
        }
    }
}

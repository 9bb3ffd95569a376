//! Entries stored compactly: every string in one buffer, fixed-size fields in columns.
//! A gazetteer of a million entries then costs tens of megabytes, not hundreds, and saves and
//! loads as a few large arrays.

use crate::error::{Error, ErrorKind};
use crate::slab::{Section, Slab, SlabExt};
use crate::{CaseMode, Entry, Label};

/// Every label, by its number in a store (saved gazetteers keep these numbers, so new labels go
/// at the end of `Label::ALL`).
const LABELS: [Label; 7] = Label::ALL;

/// Every case mode, by its number in a store.
const CASES: [CaseMode; 3] = [CaseMode::Exact, CaseMode::Insensitive, CaseMode::Smart];

/// The number of a label in a store.
pub(crate) fn label_code(label: Label) -> u8 {
    LABELS.iter().position(|&l| l == label).unwrap_or(6) as u8
}

/// The number of a case mode in a store and a candidate.
pub(crate) fn case_code(case: CaseMode) -> u8 {
    match case {
        CaseMode::Exact => 0,
        CaseMode::Insensitive => 1,
        CaseMode::Smart => 2,
    }
}

/// The case mode numbered `code` (loaded stores are checked to hold valid numbers only).
#[inline]
pub(crate) fn case_of(code: u8) -> CaseMode {
    match code {
        0 => CaseMode::Exact,
        1 => CaseMode::Insensitive,
        _ => CaseMode::Smart,
    }
}

/// Whether `code` numbers a case mode.
pub(crate) fn valid_case(code: u8) -> bool {
    (code as usize) < CASES.len()
}

/// Entries, column by column. The strings of entry `e` are `first[e]..first[e + 1]`: its
/// name, its id (empty for none), its description (empty for none), then its aliases, an alias
/// equal to the name stored empty.
/// Labels and case modes are stored by number (see [`label_code`], [`case_code`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct Store {
    /// UTF-8, cut on character boundaries by `offsets`.
    pub(crate) strings: Slab<u8>,
    /// String `k` is `strings[offsets[k]..offsets[k + 1]]`.
    pub(crate) offsets: Slab<u32>,
    pub(crate) first: Slab<u32>,
    pub(crate) labels: Slab<u8>,
    pub(crate) weights: Slab<f32>,
    pub(crate) cases: Slab<u8>,
    /// The names of the sources (the open dataset or the file an entry came from), source `k`
    /// being `source_strings[source_offsets[k]..source_offsets[k + 1]]`.
    pub(crate) source_strings: Slab<u8>,
    pub(crate) source_offsets: Slab<u32>,
    /// Per entry: 0 for no source, else 1 + the number of its source.
    pub(crate) source_of: Slab<u16>,
    /// While building: the number of each source name (not saved).
    pub(crate) source_index: std::collections::HashMap<Box<str>, u16>,
}

impl Store {
    pub(crate) fn new() -> Store {
        Store {
            offsets: vec![0].into(),
            first: vec![0].into(),
            source_offsets: vec![0].into(),
            ..Store::default()
        }
    }

    fn push_str(&mut self, s: &str) -> Result<(), Error> {
        let strings = self.strings.to_mut();
        strings.extend_from_slice(s.as_bytes());
        let end = u32::try_from(strings.len()).map_err(|_| {
            Error::new(ErrorKind::Build {
                message: "more than 4 GiB of names".to_owned(),
            })
        })?;
        self.offsets.to_mut().push(end);
        Ok(())
    }

    /// Adds an entry (already checked), its name among its aliases.
    pub(crate) fn push(
        &mut self,
        e: &Entry,
        case: CaseMode,
        source: Option<&str>,
    ) -> Result<(), Error> {
        let source_code = match source {
            None | Some("") => 0,
            Some(name) => match self.source_index.get(name) {
                Some(&k) => k,
                None => {
                    let k = u16::try_from(self.source_index.len() + 1).map_err(|_| {
                        Error::new(ErrorKind::Build {
                            message: "more than 65,535 sources".to_owned(),
                        })
                    })?;
                    let strings = self.source_strings.to_mut();
                    strings.extend_from_slice(name.as_bytes());
                    let end = u32::try_from(strings.len()).map_err(|_| {
                        Error::new(ErrorKind::Build {
                            message: "more than 4 GiB of source names".to_owned(),
                        })
                    })?;
                    self.source_offsets.to_mut().push(end);
                    self.source_index.insert(name.into(), k);
                    k
                }
            },
        };
        self.push_str(&e.name)?;
        self.push_str(e.id.as_deref().unwrap_or(""))?;
        self.push_str(e.description.as_deref().unwrap_or(""))?;
        for a in &e.aliases {
            self.push_str(if *a == e.name { "" } else { a })?;
        }
        self.first.to_mut().push((self.offsets.len() - 1) as u32);
        self.labels.to_mut().push(label_code(e.label));
        self.weights.to_mut().push(e.weight);
        self.cases.to_mut().push(case_code(case));
        self.source_of.to_mut().push(source_code);
        Ok(())
    }

    pub(crate) fn shrink(&mut self) {
        self.strings.shrink();
        self.offsets.shrink();
        self.first.shrink();
        self.labels.shrink();
        self.weights.shrink();
        self.cases.shrink();
        self.source_strings.shrink();
        self.source_offsets.shrink();
        self.source_of.shrink();
        self.source_index = Default::default();
    }

    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    /// The bytes of string `k`, unchecked: UTF-8 wherever [`Store::string`] reads them as such.
    #[inline]
    fn string_bytes(&self, k: usize) -> &[u8] {
        &self.strings[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }

    #[inline]
    fn string(&self, k: usize) -> &str {
        let bytes = &self.strings[self.offsets[k] as usize..self.offsets[k + 1] as usize];
        // Checked when the store was loaded or built; a short string checks again quickly,
        // which spares checking megabytes when the embedded store is read in place.
        std::str::from_utf8(bytes).unwrap_or_default()
    }

    pub(crate) fn name(&self, e: usize) -> &str {
        self.string(self.first[e] as usize)
    }

    pub(crate) fn id(&self, e: usize) -> Option<&str> {
        let id = self.string(self.first[e] as usize + 1);
        (!id.is_empty()).then_some(id)
    }

    pub(crate) fn description(&self, e: usize) -> Option<&str> {
        let d = self.string(self.first[e] as usize + 2);
        (!d.is_empty()).then_some(d)
    }

    pub(crate) fn alias_count(&self, e: usize) -> usize {
        (self.first[e + 1] - self.first[e]) as usize - 3
    }

    pub(crate) fn alias(&self, e: usize, k: usize) -> &str {
        let a = self.string(self.first[e] as usize + 3 + k);
        if a.is_empty() {
            self.name(e)
        } else {
            a
        }
    }

    /// The bytes of the alias [`Store::alias`] gives when they are ASCII (then they are that
    /// alias, with no UTF-8 check to pay), else `None`.
    #[inline]
    pub(crate) fn ascii_alias(&self, e: usize, k: usize) -> Option<&[u8]> {
        let mut a = self.string_bytes(self.first[e] as usize + 3 + k);
        if a.is_empty() {
            a = self.string_bytes(self.first[e] as usize);
        }
        a.is_ascii().then_some(a)
    }

    pub(crate) fn label(&self, e: usize) -> Label {
        LABELS
            .get(self.labels[e] as usize)
            .copied()
            .unwrap_or(Label::Misc)
    }

    pub(crate) fn weight(&self, e: usize) -> f32 {
        self.weights[e]
    }

    pub(crate) fn case(&self, e: usize) -> CaseMode {
        case_of(self.cases[e])
    }

    /// The name of the source entry `e` came from, if known.
    pub(crate) fn source(&self, e: usize) -> Option<&str> {
        let k = *self.source_of.get(e)? as usize;
        if k == 0 {
            return None;
        }
        let (start, end) = (
            *self.source_offsets.get(k - 1)?,
            *self.source_offsets.get(k)?,
        );
        let bytes = self.source_strings.get(start as usize..end as usize)?;
        std::str::from_utf8(bytes).ok()
    }

    pub(crate) fn entry(&self, e: usize) -> Entry {
        Entry {
            id: self.id(e).map(str::to_owned),
            name: self.name(e).to_owned(),
            label: self.label(e),
            aliases: (0..self.alias_count(e))
                .map(|k| self.alias(e, k).to_owned())
                .collect(),
            weight: self.weight(e),
            description: self.description(e).map(str::to_owned),
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.strings.memory_bytes()
            + self.offsets.memory_bytes()
            + self.first.memory_bytes()
            + self.weights.memory_bytes()
            + self.labels.memory_bytes()
            + self.cases.memory_bytes()
            + self.source_strings.memory_bytes()
            + self.source_offsets.memory_bytes()
            + self.source_of.memory_bytes()
    }

    /// The arrays to save, in the order of the fields.
    pub(crate) fn sections(&self) -> [&dyn Section; 9] {
        [
            &self.strings,
            &self.offsets,
            &self.first,
            &self.labels,
            &self.weights,
            &self.cases,
            &self.source_strings,
            &self.source_offsets,
            &self.source_of,
        ]
    }

    /// Checks the sizes of a store saved by this crate's own build: enough for the arrays to
    /// be consistent with each other.
    pub(crate) fn validate_sizes(&self) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::bytes(format!("inconsistent entries: {what}")));
        let n = self.labels.len();
        if self.weights.len() != n
            || self.cases.len() != n
            || self.source_of.len() != n
            || self.first.len() != n + 1
        {
            return bad("column sizes");
        }
        if self.source_offsets.first() != Some(&0)
            || self.source_offsets.last().map(|&l| l as usize) != Some(self.source_strings.len())
        {
            return bad("source offsets");
        }
        if self.offsets.first() != Some(&0)
            || self.offsets.last().map(|&l| l as usize) != Some(self.strings.len())
        {
            return bad("string offsets");
        }
        if self.first[0] != 0
            || self.first.last().map(|&l| l as usize) != Some(self.offsets.len() - 1)
        {
            return bad("entry offsets");
        }
        Ok(())
    }

    /// Checks a loaded store so that no accessor can go out of bounds.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::bytes(format!("inconsistent entries: {what}")));
        self.validate_sizes()?;
        let Ok(strings) = std::str::from_utf8(&self.strings) else {
            return bad("names are not UTF-8");
        };
        let Ok(source_strings) = std::str::from_utf8(&self.source_strings) else {
            return bad("source names are not UTF-8");
        };
        if self.source_offsets.windows(2).any(|w| w[0] > w[1])
            || self
                .source_offsets
                .iter()
                .any(|&o| !source_strings.is_char_boundary(o as usize))
        {
            return bad("source offsets");
        }
        if self
            .source_of
            .iter()
            .any(|&k| k as usize >= self.source_offsets.len())
        {
            return bad("sources");
        }
        if self.offsets.windows(2).any(|w| w[0] > w[1])
            || self
                .offsets
                .iter()
                .any(|&o| !strings.is_char_boundary(o as usize))
        {
            return bad("string offsets");
        }
        if self.labels.iter().any(|&l| l as usize >= LABELS.len())
            || !self.cases.iter().all(|&c| valid_case(c))
        {
            return bad("labels or case modes");
        }
        if !self.weights.iter().all(|w| w.is_finite()) {
            return bad("weights");
        }
        if self.first[0] != 0
            || self
                .first
                .windows(2)
                .any(|w| (w[1] as u64) < w[0] as u64 + 4)
            || self.first.last().map(|&l| l as usize) != Some(self.offsets.len() - 1)
        {
            return bad("entry offsets");
        }
        Ok(())
    }
}

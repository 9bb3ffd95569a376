//! Entries stored compactly: every string in one buffer, fixed-size fields in columns.
//! A gazetteer of a million entries then costs tens of megabytes, not hundreds, and saves and
//! loads as a few large arrays.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::{CaseMode, Entry, Label};

/// Entries, column by column. The strings of entry `e` are `first[e]..first[e + 1]`: its
/// name, its id (empty for none), then its aliases, an alias equal to the name stored empty.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Store {
    strings: String,
    /// String `k` is `strings[offsets[k]..offsets[k + 1]]`.
    offsets: Vec<u32>,
    first: Vec<u32>,
    labels: Vec<Label>,
    weights: Vec<f32>,
    cases: Vec<CaseMode>,
}

impl Store {
    pub(crate) fn new() -> Store {
        Store {
            offsets: vec![0],
            first: vec![0],
            ..Store::default()
        }
    }

    fn push_str(&mut self, s: &str) -> Result<(), Error> {
        self.strings.push_str(s);
        let end = u32::try_from(self.strings.len()).map_err(|_| {
            Error::new(ErrorKind::Build {
                message: "more than 4 GiB of names".to_owned(),
            })
        })?;
        self.offsets.push(end);
        Ok(())
    }

    /// Adds an entry (already checked), its name among its aliases.
    pub(crate) fn push(&mut self, e: &Entry, case: CaseMode) -> Result<(), Error> {
        self.push_str(&e.name)?;
        self.push_str(e.id.as_deref().unwrap_or(""))?;
        for a in &e.aliases {
            self.push_str(if *a == e.name { "" } else { a })?;
        }
        self.first.push((self.offsets.len() - 1) as u32);
        self.labels.push(e.label);
        self.weights.push(e.weight);
        self.cases.push(case);
        Ok(())
    }

    pub(crate) fn shrink(&mut self) {
        self.strings.shrink_to_fit();
        self.offsets.shrink_to_fit();
        self.first.shrink_to_fit();
        self.labels.shrink_to_fit();
        self.weights.shrink_to_fit();
        self.cases.shrink_to_fit();
    }

    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    #[inline]
    fn string(&self, k: usize) -> &str {
        &self.strings[self.offsets[k] as usize..self.offsets[k + 1] as usize]
    }

    pub(crate) fn name(&self, e: usize) -> &str {
        self.string(self.first[e] as usize)
    }

    pub(crate) fn id(&self, e: usize) -> Option<&str> {
        let id = self.string(self.first[e] as usize + 1);
        (!id.is_empty()).then_some(id)
    }

    pub(crate) fn alias_count(&self, e: usize) -> usize {
        (self.first[e + 1] - self.first[e]) as usize - 2
    }

    pub(crate) fn alias(&self, e: usize, k: usize) -> &str {
        let a = self.string(self.first[e] as usize + 2 + k);
        if a.is_empty() {
            self.name(e)
        } else {
            a
        }
    }

    pub(crate) fn label(&self, e: usize) -> Label {
        self.labels[e]
    }

    pub(crate) fn weight(&self, e: usize) -> f32 {
        self.weights[e]
    }

    pub(crate) fn case(&self, e: usize) -> CaseMode {
        self.cases[e]
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
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.strings.capacity()
            + 4 * (self.offsets.capacity() + self.first.capacity() + self.weights.capacity())
            + self.labels.capacity()
            + self.cases.capacity()
    }

    /// Checks a loaded store so that no accessor can go out of bounds.
    pub(crate) fn validate(&self) -> Result<(), Error> {
        let bad = |what: &str| Err(Error::bytes(format!("inconsistent entries: {what}")));
        let n = self.labels.len();
        if self.weights.len() != n || self.cases.len() != n || self.first.len() != n + 1 {
            return bad("column sizes");
        }
        if self.offsets.first() != Some(&0)
            || self.offsets.last().map(|&l| l as usize) != Some(self.strings.len())
            || self.offsets.windows(2).any(|w| w[0] > w[1])
            || self
                .offsets
                .iter()
                .any(|&o| !self.strings.is_char_boundary(o as usize))
        {
            return bad("string offsets");
        }
        if self.first[0] != 0
            || self.first.windows(2).any(|w| w[1] < w[0] + 3)
            || self.first.last().map(|&l| l as usize) != Some(self.offsets.len() - 1)
        {
            return bad("entry offsets");
        }
        Ok(())
    }
}

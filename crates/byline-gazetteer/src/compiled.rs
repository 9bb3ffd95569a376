//! Compiling entries into a store and a matcher, and the saved form of both.
//!
//! This module and the ones it uses are also compiled by the build script, which saves the
//! embedded default gazetteer compiled, so that it loads without parsing or compiling.

use crate::error::{Error, ErrorKind};
use crate::matcher::{Matcher, MatcherBuilder, MatcherParts};
use crate::normalize::Fold;
use crate::slab::{self, Le, Slab};
use crate::store::{case_code, case_of, valid_case, Store};
use crate::{CaseMode, Entry};

/// Bytes that start a saved gazetteer, with the format's version.
///
/// After them: the default case mode's number and whether diacritics fold (one byte each),
/// six zero bytes, the size in bytes of each of the [`SECTIONS`] arrays (8 bytes each), then
/// the arrays, each little-endian and starting at a multiple of 8 bytes (zeros between), so
/// that where the bytes are 8-aligned in memory, the arrays can be read in place.
pub(crate) const MAGIC: &[u8; 8] = b"BYLGAZ04";

/// The arrays saved: the store's columns (the last three: the sources' names and each
/// entry's source), then the matcher's parts (the last three: its
/// vocabulary's hash table, read in place only when trusted, else built again).
const SECTIONS: usize = 21;

/// Where the arrays start.
const HEADER: usize = 16 + 8 * SECTIONS;

/// Checks and compiles entries one at a time, so that they are never all in memory twice.
pub(crate) fn compile<'s, I: Iterator<Item = (Entry, CaseMode, Option<&'s str>)>>(
    entries: I,
    fold_diacritics: bool,
) -> Result<(Store, Matcher), Error> {
    let mut store = Store::new();
    let mut matcher = MatcherBuilder::new(Fold {
        case: true,
        diacritics: fold_diacritics,
    });
    for (index, (mut e, entry_case, source)) in entries.enumerate() {
        let fail = |message: String| {
            Err(Error::new(ErrorKind::Entry {
                index,
                name: e.name.clone(),
                message,
            }))
        };
        if index >= u32::MAX as usize {
            return fail("more than 4,294,967,295 entries".to_owned());
        }
        if e.name.trim().is_empty() {
            return fail("the name is empty".to_owned());
        }
        if !e.weight.is_finite() {
            return fail(format!("weight {} is not a finite number", e.weight));
        }
        if !e.aliases.iter().any(|a| a == &e.name) {
            e.aliases.insert(0, e.name.clone());
        }
        for (ai, alias) in e.aliases.iter().enumerate() {
            matcher.add(index, &e.name, ai, alias, entry_case)?;
        }
        store.push(&e, entry_case, source)?;
    }
    store.shrink();
    Ok((store, matcher.finish()))
}

/// The saved form of a compiled gazetteer.
pub(crate) fn encode(
    case: CaseMode,
    fold_diacritics: bool,
    store: &Store,
    matcher: &Matcher,
) -> Vec<u8> {
    let mut sections = store.sections().to_vec();
    sections.extend(matcher.sections());
    debug_assert_eq!(sections.len(), SECTIONS);
    let total = HEADER + sections.iter().map(|s| s.byte_len() + 7).sum::<usize>();
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[case_code(case), fold_diacritics as u8, 0, 0, 0, 0, 0, 0]);
    for s in &sections {
        out.extend_from_slice(&(s.byte_len() as u64).to_le_bytes());
    }
    for s in &sections {
        s.write_le(&mut out);
        out.resize(out.len().next_multiple_of(8), 0);
    }
    out
}

/// The options and the arrays of saved bytes, each array's size checked to be a whole
/// number of its elements.
struct Sections<'a> {
    case: CaseMode,
    fold_diacritics: bool,
    arrays: [&'a [u8]; SECTIONS],
}

/// The size of an element of each array.
const ELEMENT: [usize; SECTIONS] = [
    1, 4, 4, 1, 4, 1, 1, 4, 2, 1, 4, 4, 4, 4, 4, 4, 4, 8, 16, 1, 4,
];

fn sections(bytes: &[u8]) -> Result<Sections<'_>, Error> {
    let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
        if bytes.starts_with(b"BYLGAZ0") {
            return Err(Error::bytes(
                "saved by an older byline in a format without sources \
                 (the first 8 bytes are not BYLGAZ04): build it again from its source files",
            ));
        }
        return Err(Error::bytes("the first 8 bytes are not BYLGAZ04"));
    };
    if rest.len() < HEADER - 8 {
        return Err(Error::bytes("the header is cut short"));
    }
    let (case, fold) = (rest[0], rest[1]);
    if !valid_case(case) || fold > 1 || rest[2..8] != [0; 6] {
        return Err(Error::bytes("bytes 8 to 15 are not valid options"));
    }
    let mut arrays = [&bytes[..0]; SECTIONS];
    let mut at = HEADER;
    for (k, array) in arrays.iter_mut().enumerate() {
        let field = 16 + 8 * k;
        let len = u64::from_le_bytes(bytes[field..field + 8].try_into().expect("8 bytes"));
        let end = usize::try_from(len)
            .ok()
            .and_then(|len| at.checked_add(len))
            .filter(|&end| end <= bytes.len() && len % ELEMENT[k] as u64 == 0);
        let Some(end) = end else {
            return Err(Error::bytes(format!(
                "array {} (size at byte {field}) does not fit",
                k + 1
            )));
        };
        *array = &bytes[at..end];
        at = end.next_multiple_of(8).min(bytes.len());
    }
    if at != bytes.len() {
        return Err(Error::bytes(format!(
            "{} bytes after the last array",
            bytes.len() - at
        )));
    }
    Ok(Sections {
        case: case_of(case),
        fold_diacritics: fold == 1,
        arrays,
    })
}

impl<'a> Sections<'a> {
    /// The store and matcher parts, each array made by `slab`.
    fn parts(&self, slab: impl SlabFrom<'a>) -> (Store, MatcherParts) {
        let a = &self.arrays;
        let store = Store {
            strings: slab.slab(a[0]),
            offsets: slab.slab(a[1]),
            first: slab.slab(a[2]),
            labels: slab.slab(a[3]),
            weights: slab.slab(a[4]),
            cases: slab.slab(a[5]),
            source_strings: slab.slab(a[6]),
            source_offsets: slab.slab(a[7]),
            source_of: slab.slab(a[8]),
            source_index: Default::default(),
        };
        let matcher = MatcherParts {
            vocab_bytes: slab.slab(a[9]),
            vocab_off: slab.slab(a[10]),
            root: slab.slab(a[11]),
            first: slab.slab(a[12]),
            edge_tok: slab.slab(a[13]),
            edge_child: slab.slab(a[14]),
            value: slab.slab(a[15]),
            pat_start: slab.slab(a[16]),
            cands: slab.slab(a[17]),
            slots: slab.slab(a[18]),
            tags: slab.slab(a[19]),
            collided: slab.slab(a[20]),
        };
        (store, matcher)
    }
}

/// How arrays are made from their saved bytes.
trait SlabFrom<'a>: Copy {
    fn slab<T: Le>(self, bytes: &'a [u8]) -> Slab<T>;
}

/// Copied into owned arrays.
#[derive(Clone, Copy)]
struct Copied;

impl<'a> SlabFrom<'a> for Copied {
    fn slab<T: Le>(self, bytes: &'a [u8]) -> Slab<T> {
        slab::copy_le(bytes)
    }
}

/// Read in place where possible.
#[derive(Clone, Copy)]
struct InPlace;

impl SlabFrom<'static> for InPlace {
    fn slab<T: Le>(self, bytes: &'static [u8]) -> Slab<T> {
        slab::in_place_le(bytes)
    }
}

/// A compiled gazetteer from its saved form, checked so that no search can go out of bounds.
pub(crate) fn decode(bytes: &[u8]) -> Result<(CaseMode, bool, Store, Matcher), Error> {
    let s = sections(bytes)?;
    let (store, parts) = s.parts(Copied);
    store.validate()?;
    let matcher = Matcher::from_parts(parts, &store, false)?;
    Ok((s.case, s.fold_diacritics, store, matcher))
}

/// A compiled gazetteer saved by this crate's own build script into the program, its arrays
/// read in place (where the machine is little-endian and the bytes 8-aligned, else copied).
/// Only the sizes of the arrays are checked: their values were made by the same code.
pub(crate) fn decode_trusted(
    bytes: &'static [u8],
) -> Result<(CaseMode, bool, Store, Matcher), Error> {
    let s = sections(bytes)?;
    let (store, parts) = s.parts(InPlace);
    store.validate_sizes()?;
    let matcher = Matcher::from_parts(parts, &store, true)?;
    Ok((s.case, s.fold_diacritics, store, matcher))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded_bytes() -> &'static [u8] {
        let g = crate::Gazetteer::embedded();
        Box::leak(g.to_bytes().into_boxed_slice())
    }

    #[test]
    fn embedded_bytes_pass_every_check() {
        let bytes = embedded_bytes();
        let (_, _, store, matcher) = decode(bytes).expect("fully checked");
        let (_, _, trusted, _) = decode_trusted(bytes).expect("sizes checked");
        assert_eq!(store.len(), trusted.len());
        assert_eq!(&*store.strings, &*trusted.strings);
        assert_eq!(matcher.sections().len() + store.sections().len(), SECTIONS);
    }

    #[test]
    fn embedded_arrays_are_read_in_place() {
        let g = crate::Gazetteer::embedded();
        if cfg!(target_endian = "little") {
            assert!(matches!(g.store.strings, std::borrow::Cow::Borrowed(_)));
            assert!(matches!(g.store.first, std::borrow::Cow::Borrowed(_)));
        }
        // Saved again, the same bytes: nothing was lost reading in place.
        let again = crate::Gazetteer::from_bytes(&g.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), g.to_bytes());
    }

    #[test]
    fn arrays_are_aligned_and_sizes_checked() {
        let bytes = embedded_bytes().to_vec();
        let s = sections(&bytes).unwrap();
        for a in s.arrays {
            assert_eq!((a.as_ptr() as usize - bytes.as_ptr() as usize) % 8, 0);
        }
        // An array size that is not a whole number of elements is refused.
        let mut bad = bytes.clone();
        bad[16 + 8] ^= 1;
        assert!(decode(&bad).is_err());
        let mut bad = bytes;
        bad[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
        let err = decode(&bad).unwrap_err().to_string();
        assert!(err.contains("array 1"), "{err}");
    }

    #[test]
    fn a_table_hashed_otherwise_is_built_again() {
        let mut bytes = embedded_bytes().to_vec();
        let s = sections(&bytes).unwrap();
        let start = s.arrays[15].as_ptr() as usize - bytes.as_ptr() as usize;
        let len = s.arrays[15].len();
        // As if another machine's hash had filled the table: every hash differs.
        for slot in bytes[start..start + len].chunks_mut(16) {
            slot[0] ^= 1;
        }
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let (case, fold, store, matcher) = decode_trusted(bytes).unwrap();
        let gaz = crate::Gazetteer::assemble(store, matcher, case, fold);
        let text = "Talks in Moscow with Angela Merkel.";
        let embedded = crate::Gazetteer::embedded();
        assert!(!gaz.find(text).is_empty());
        assert_eq!(gaz.find(text), embedded.find(text));
    }
}

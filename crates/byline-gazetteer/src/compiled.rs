//! Compiling entries into a store and a matcher, and the saved form of both.
//!
//! This module and the ones it uses are also compiled by the build script, which saves the
//! embedded default gazetteer compiled, so that it loads without parsing or compiling.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::matcher::{Matcher, MatcherBuilder, MatcherParts};
use crate::normalize::Fold;
use crate::store::Store;
use crate::{CaseMode, Entry};

/// Bytes that start a saved gazetteer, with the format's version.
pub(crate) const MAGIC: &[u8; 8] = b"BYLGAZ01";

/// How a saved gazetteer is laid out (postcard after [`MAGIC`]).
#[derive(Deserialize)]
struct Saved {
    case: CaseMode,
    fold_diacritics: bool,
    store: Store,
    matcher: MatcherParts,
}

/// [`Saved`], borrowing the store.
#[derive(Serialize)]
struct SavedRef<'a> {
    case: CaseMode,
    fold_diacritics: bool,
    store: &'a Store,
    matcher: MatcherParts,
}

/// Checks and compiles entries one at a time, so that they are never all in memory twice.
pub(crate) fn compile<I: Iterator<Item = (Entry, CaseMode)>>(
    entries: I,
    fold_diacritics: bool,
) -> Result<(Store, Matcher), Error> {
    let mut store = Store::new();
    let mut matcher = MatcherBuilder::new(Fold {
        case: true,
        diacritics: fold_diacritics,
    });
    for (index, (mut e, entry_case)) in entries.enumerate() {
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
        store.push(&e, entry_case)?;
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
    let saved = SavedRef {
        case,
        fold_diacritics,
        store,
        matcher: matcher.to_parts(),
    };
    let mut out = MAGIC.to_vec();
    out.extend(postcard::to_allocvec(&saved).expect("a gazetteer serializes"));
    out
}

/// A compiled gazetteer from its saved form, checked so that no search can go out of bounds.
pub(crate) fn decode(bytes: &[u8]) -> Result<(CaseMode, bool, Store, Matcher), Error> {
    let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
        return Err(Error::bytes("the first 8 bytes are not BYLGAZ01"));
    };
    let saved: Saved = postcard::from_bytes(rest).map_err(|e| Error::bytes(e.to_string()))?;
    saved.store.validate()?;
    let matcher = Matcher::from_parts(saved.matcher, &saved.store)?;
    Ok((saved.case, saved.fold_diacritics, saved.store, matcher))
}

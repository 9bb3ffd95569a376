//! First names of the US Census (1990, public domain), with the sex they are mostly given to,
//! for telling person names the gazetteer lacks and for pronoun agreement.
//!
//! ```
//! use byline_gazetteer::names::{first_name_sex, is_first_name, Sex};
//!
//! assert!(is_first_name("John"));
//! assert_eq!(first_name_sex("John"), Some(Sex::Male));
//! assert_eq!(first_name_sex("Mary"), Some(Sex::Female));
//! assert_eq!(first_name_sex("Kremlin"), None);
//! ```

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;
use rustc_hash::FxBuildHasher;

static FIRST_NAMES_TSV_GZ: &[u8] = include_bytes!("../data/first_names.tsv.gz");

/// The sex a first name is mostly given to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Given to women in at least 80% of its uses.
    Female,
    /// Given to men in at least 80% of its uses.
    Male,
}

/// Share of the census sample (per 100,000 people) of each known first name: (female, male).
/// Built on first use from one decompressed string, which the table borrows its names from
/// for the life of the process: start-up reads it, so no name is copied or lower-cased again.
fn table() -> &'static HashMap<&'static str, (u32, u32), FxBuildHasher> {
    static TABLE: OnceLock<HashMap<&'static str, (u32, u32), FxBuildHasher>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut tsv = String::new();
        GzDecoder::new(FIRST_NAMES_TSV_GZ)
            .read_to_string(&mut tsv)
            .expect("the embedded first-name table is valid gzip");
        let tsv: &'static str = Box::leak(tsv.into_boxed_str());
        let mut map = HashMap::with_capacity_and_hasher(tsv.len() / 12, FxBuildHasher);
        for line in tsv.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut f = line.split('\t');
            let (Some(name), Some(fem), Some(male)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let name = name.trim();
            let name: &'static str = if name
                .bytes()
                .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
            {
                name
            } else {
                Box::leak(name.to_lowercase().into_boxed_str())
            };
            map.insert(name, (count(fem), count(male)));
        }
        map
    })
}

/// A share of the table: a whole number, or a decimal one rounded down (0 when unreadable).
fn count(field: &str) -> u32 {
    let field = field.trim();
    field
        .parse::<u32>()
        .unwrap_or_else(|_| field.parse::<f64>().unwrap_or(0.0) as u32)
}

/// Census frequency of a first name (any case) as `(female, male)` shares of the sample, in
/// thousandths of a percent; `None` when the census does not list it.
///
/// ```
/// let (female, male) = byline_gazetteer::names::first_name_counts("James").unwrap();
/// assert!(male > 3000 && female < male);
/// ```
pub fn first_name_counts(name: &str) -> Option<(u32, u32)> {
    // Most words asked about are short ASCII words: lower-cased on the stack.
    let mut buf = [0u8; 32];
    match buf.get_mut(..name.len()) {
        Some(lower) if name.is_ascii() => {
            lower.copy_from_slice(name.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).expect("ASCII is UTF-8");
            table().get(lower).copied()
        }
        _ => table().get(name.to_lowercase().as_str()).copied(),
    }
}

/// Whether the census lists `name` (any case) as a first name.
///
/// ```
/// assert!(!byline_gazetteer::names::is_first_name("Kremlin"));
/// assert!(byline_gazetteer::names::is_first_name("Alexander"));
/// ```
pub fn is_first_name(name: &str) -> bool {
    first_name_counts(name).is_some()
}

/// The sex `name` (any case) is given to in at least 80% of its census uses; `None` when the
/// name is unknown or given to both.
///
/// ```
/// use byline_gazetteer::names::{first_name_sex, Sex};
/// assert_eq!(first_name_sex("ALEXANDER"), Some(Sex::Male));
/// ```
pub fn first_name_sex(name: &str) -> Option<Sex> {
    let (f, m) = first_name_counts(name)?;
    let total = f as u64 + m as u64;
    if total == 0 {
        None
    } else if f as u64 * 5 >= total * 4 {
        Some(Sex::Female)
    } else if m as u64 * 5 >= total * 4 {
        Some(Sex::Male)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_a_decimal_rounded_down() {
        for field in [
            "0",
            "240",
            " 3318 ",
            "+5",
            "2.9",
            "1e3",
            "-1",
            "x",
            "",
            "99999999999",
        ] {
            let want = field.trim().parse::<f64>().unwrap_or(0.0) as u32;
            assert_eq!(count(field), want, "{field:?}");
        }
    }

    /// The table holds what reading the file line by line, lower-casing every name and
    /// parsing every share as a decimal gives.
    #[test]
    fn the_table_is_the_file() {
        use std::io::{BufRead, BufReader};
        let mut want = std::collections::HashMap::new();
        for line in BufReader::new(GzDecoder::new(FIRST_NAMES_TSV_GZ)).lines() {
            let line = line.unwrap();
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let share = |s: &str| s.trim().parse::<f64>().unwrap_or(0.0) as u32;
            want.insert(f[0].trim().to_lowercase(), (share(f[1]), share(f[2])));
        }
        assert_eq!(table().len(), want.len());
        for (name, counts) in &want {
            assert_eq!(table().get(name.as_str()), Some(counts), "{name}");
        }
    }
}

//! Gazetteer files: TSV, CSV and JSON Lines, optionally gzip-compressed.

use std::io::{BufRead, BufReader, Read};

use serde::Deserialize;

use crate::error::Error;
use crate::{CaseMode, Entry, Label};

/// One record read from a file, before validation by the builder.
pub(crate) struct Record {
    pub(crate) entry: Entry,
    pub(crate) case: Option<CaseMode>,
    /// The source the record names itself (JSON Lines `source`), else none: the builder then
    /// names the file.
    pub(crate) source: Option<String>,
}

fn parse_label(source: &str, line: u64, field: &str, value: &str) -> Result<Label, Error> {
    value.parse::<Label>().map_err(|_| {
        Error::record(
            source,
            line,
            Some(field),
            format!("unknown label {value:?} (expected PERSON, NORP, FAC, ORG, GPE, LOC or MISC)"),
        )
    })
}

fn parse_case(source: &str, line: u64, field: &str, value: &str) -> Result<CaseMode, Error> {
    value.parse::<CaseMode>().map_err(|_| {
        Error::record(
            source,
            line,
            Some(field),
            format!("unknown case mode {value:?} (expected smart, exact or insensitive)"),
        )
    })
}

fn parse_weight(source: &str, line: u64, field: &str, value: &str) -> Result<f32, Error> {
    match value.trim().parse::<f32>() {
        Ok(w) if w.is_finite() => Ok(w),
        _ => Err(Error::record(
            source,
            line,
            Some(field),
            format!("weight {value:?} is not a finite number"),
        )),
    }
}

fn split_aliases(value: &str) -> Vec<String> {
    value
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

fn entry(
    id: &str,
    name: &str,
    label: Label,
    aliases: Vec<String>,
    weight: f32,
    description: &str,
) -> Entry {
    let (id, description) = (id.trim(), description.trim());
    Entry {
        id: (!id.is_empty()).then(|| id.to_owned()),
        name: name.trim().to_owned(),
        label,
        aliases,
        weight,
        description: (!description.is_empty()).then(|| description.to_owned()),
    }
}

fn check_name(source: &str, line: u64, field: &str, name: &str) -> Result<(), Error> {
    if name.trim().is_empty() {
        return Err(Error::record(
            source,
            line,
            Some(field),
            "the name is empty",
        ));
    }
    Ok(())
}

/// The columns of a gazetteer file, in the order TSV takes them without a header.
const COLUMNS: [&str; 7] = [
    "id",
    "name",
    "label",
    "aliases",
    "weight",
    "case",
    "description",
];

/// The columns a TSV header row names, as indexes into [`COLUMNS`], or `None` when `fields` is
/// not a header. A header is a row whose every field is a distinct column name: a data row
/// always has a label such as `PERSON` in it, which is not a column name, so no entry is ever
/// taken for a header, whatever its id or name. A header that lacks `name` or `label` is an
/// error.
fn tsv_header(fields: &[&str], source: &str, line: u64) -> Result<Option<Vec<usize>>, Error> {
    let mut columns = Vec::with_capacity(fields.len());
    for field in fields {
        let c = COLUMNS
            .iter()
            .position(|name| field.trim().eq_ignore_ascii_case(name));
        match c {
            Some(c) if !columns.contains(&c) => columns.push(c),
            _ => return Ok(None),
        }
    }
    if !(columns.contains(&1) && columns.contains(&2)) {
        return Err(Error::record(source, line, None, HEADER_COLUMNS));
    }
    Ok(Some(columns))
}

/// What a header must name, for the error of one that does not.
const HEADER_COLUMNS: &str = "the header must name the columns `name` and `label` (and \
                              optionally `id`, `aliases`, `weight`, `case`, `description`)";

/// Reads TSV: `id <TAB> name <TAB> label [<TAB> aliases [<TAB> weight [<TAB> case
/// [<TAB> description]]]]`, or, when the first row is a header naming the columns (`name` and
/// `label`, and optionally `id`, `aliases`, `weight`, `case`, `description`, in any order and
/// any case), the columns it names, as CSV is read. Blank lines and lines starting with `#` are
/// skipped.
pub(crate) fn read_tsv<R: Read>(reader: R, source: &str) -> Result<Vec<Record>, Error> {
    let mut out = Vec::new();
    let reader = BufReader::new(reader);
    // Which column each field of a row holds: positional until a header says otherwise.
    let mut columns: Vec<usize> = (0..COLUMNS.len()).collect();
    let mut header = false;
    let mut first = true;
    for (i, line) in reader.lines().enumerate() {
        let n = i as u64 + 1;
        let line = line.map_err(|e| Error::record(source, n, None, e.to_string()))?;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if std::mem::take(&mut first) {
            if let Some(named) = tsv_header(&fields, source, n)? {
                columns = named;
                header = true;
                continue;
            }
        }
        if !header && fields.len() < 3 {
            return Err(Error::record(
                source,
                n,
                None,
                format!(
                    "{} fields, expected at least 3 (id, name, label)",
                    fields.len()
                ),
            ));
        }
        if fields.len() > columns.len() {
            let names: Vec<&str> = columns.iter().map(|&c| COLUMNS[c]).collect();
            return Err(Error::record(
                source,
                n,
                None,
                format!(
                    "{} fields, expected at most {} ({})",
                    fields.len(),
                    columns.len(),
                    names.join(", ")
                ),
            ));
        }
        // Each column's value and its place for error messages (`2 (name)`).
        let mut values = [""; COLUMNS.len()];
        let mut places: [String; COLUMNS.len()] = Default::default();
        for (k, &c) in columns.iter().enumerate() {
            values[c] = fields.get(k).copied().unwrap_or("");
            places[c] = format!("{} ({})", k + 1, COLUMNS[c]);
        }
        check_name(source, n, &places[1], values[1])?;
        let label = parse_label(source, n, &places[2], values[2].trim())?;
        let aliases = split_aliases(values[3]);
        let weight = match values[4].trim() {
            "" => 1.0,
            w => parse_weight(source, n, &places[4], w)?,
        };
        let case = match values[5].trim() {
            "" => None,
            c => Some(parse_case(source, n, &places[5], c)?),
        };
        out.push(Record {
            entry: entry(values[0], values[1], label, aliases, weight, values[6]),
            case,
            source: None,
        });
    }
    Ok(out)
}

/// Reads CSV with a header naming the columns `id`, `name`, `label` and optionally `aliases`,
/// `weight`, `case`, `description`, in any order.
pub(crate) fn read_csv<R: Read>(reader: R, source: &str) -> Result<Vec<Record>, Error> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(reader);
    let headers = rdr
        .headers()
        .map_err(|e| Error::record(source, 1, None, e.to_string()))?;
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(name_col), Some(label_col)) = (col("name"), col("label")) else {
        return Err(Error::record(source, 1, None, HEADER_COLUMNS));
    };
    let (id_col, aliases_col, weight_col, case_col, description_col) = (
        col("id"),
        col("aliases"),
        col("weight"),
        col("case"),
        col("description"),
    );
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = row.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            Error::record(source, line, None, e.to_string())
        })?;
        let n = row.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).unwrap_or("");
        check_name(source, n, "name", get(Some(name_col)))?;
        let label = parse_label(source, n, "label", get(Some(label_col)).trim())?;
        let weight = match get(weight_col).trim() {
            "" => 1.0,
            w => parse_weight(source, n, "weight", w)?,
        };
        let case = match get(case_col).trim() {
            "" => None,
            c => Some(parse_case(source, n, "case", c)?),
        };
        let e = entry(
            get(id_col),
            get(Some(name_col)),
            label,
            split_aliases(get(aliases_col)),
            weight,
            get(description_col),
        );
        out.push(Record {
            entry: e,
            case,
            source: None,
        });
    }
    Ok(out)
}

#[derive(Deserialize)]
struct JsonRecord {
    #[serde(default)]
    id: Option<String>,
    name: String,
    label: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    weight: Option<f32>,
    #[serde(default)]
    case: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// Names the field that makes `line` unreadable as a record, for the error message.
fn json_error(source: &str, n: u64, line: &str, err: serde_json::Error) -> Error {
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Error::record(source, n, None, format!("invalid JSON: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return Error::record(source, n, None, "expected a JSON object");
    };
    let expect: [(&str, &str, bool); 8] = [
        ("name", "a string", true),
        ("label", "a string", true),
        ("id", "a string or null", false),
        ("aliases", "an array of strings", false),
        ("weight", "a number", false),
        ("case", "a string", false),
        ("description", "a string or null", false),
        ("source", "a string or null", false),
    ];
    for (field, what, required) in expect {
        match obj.get(field) {
            None if required => {
                return Error::record(source, n, Some(field), "missing");
            }
            None => {}
            Some(v) => {
                let ok = match field {
                    "id" => v.is_string() || v.is_null(),
                    "aliases" => v
                        .as_array()
                        .is_some_and(|a| a.iter().all(serde_json::Value::is_string)),
                    "weight" => v.is_number() || v.is_null(),
                    "case" | "description" | "source" => v.is_string() || v.is_null(),
                    _ => v.is_string(),
                };
                if !ok {
                    return Error::record(source, n, Some(field), format!("expected {what}"));
                }
            }
        }
    }
    Error::record(source, n, None, err.to_string())
}

/// Reads JSON Lines: one object a line with `name`, `label` and optionally `id`, `aliases`,
/// `weight`, `case`, `description`, `source` (the dataset the entry came from).
pub(crate) fn read_jsonl<R: Read>(reader: R, source: &str) -> Result<Vec<Record>, Error> {
    let mut out = Vec::new();
    let mut reader = BufReader::new(reader);
    let mut line = String::new();
    let mut n = 0u64;
    loop {
        line.clear();
        n += 1;
        let read = reader
            .read_line(&mut line)
            .map_err(|e| Error::record(source, n, None, e.to_string()))?;
        if read == 0 {
            break;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let rec: JsonRecord =
            serde_json::from_str(trimmed).map_err(|e| json_error(source, n, trimmed, e))?;
        check_name(source, n, "name", &rec.name)?;
        let label = parse_label(source, n, "label", &rec.label)?;
        let weight = match rec.weight {
            Some(w) if !w.is_finite() => {
                return Err(Error::record(
                    source,
                    n,
                    Some("weight"),
                    "not a finite number",
                ))
            }
            Some(w) => w,
            None => 1.0,
        };
        let case = match rec.case.as_deref() {
            Some(c) => Some(parse_case(source, n, "case", c)?),
            None => None,
        };
        let e = entry(
            rec.id.as_deref().unwrap_or(""),
            &rec.name,
            label,
            rec.aliases,
            weight,
            rec.description.as_deref().unwrap_or(""),
        );
        out.push(Record {
            entry: e,
            case,
            source: rec.source.filter(|s| !s.is_empty()),
        });
    }
    Ok(out)
}

//! A corpus report over byline's annotated documents (the JSON Lines of `byline annotate`): who
//! is quoted, how often, directly or only paraphrased, with which cues, about what; speaker types,
//! the estimated gender of quoted people, recurring quotations, breakdowns by a field and over
//! time.
//!
//! Documents are summed up one at a time by a [`ReportBuilder`] whose memory is bounded whatever
//! the corpus size; the [`Report`] it finishes holds top lists and samples only. The report is
//! data (serialise it with serde for JSON) and one self-contained HTML page
//! ([`Report::to_html`]): inline CSS, SVG charts and a little JavaScript, nothing fetched from a
//! network. The `byline report` command and the Python `byline.report()` both use this crate.
//!
//! ```
//! use byline_report::{Fields, Limits, ReportBuilder, ReportOptions};
//!
//! let quote = serde_json::json!({
//!     "kind": "direct", "text": "We will win", "content": [{"start": 1, "end": 12}],
//!     "cue": {"start": 14, "end": 18, "text": "said"},
//!     "speaker": {"start": 19, "end": 29, "text": "Mary Smith", "entity_id": null, "name": "Mary Smith"},
//! });
//! let doc = serde_json::json!({
//!     "id": "a", "outlet": "Planet", "sentences": [{"start": 0, "end": 30}], "quotes": [quote],
//!     "entities": [{"start": 19, "end": 29, "text": "Mary Smith", "label": "PERSON"}],
//! });
//! let lines = [doc.to_string(), "not a document".to_owned()];
//! let fields = Fields { group: Some("outlet".to_owned()), ..Fields::default() };
//! let mut builder = ReportBuilder::new(fields, Limits::default());
//! let mut problems = Vec::new();
//! let text = lines.join("\n");
//! builder.read(text.as_bytes(), "corpus.jsonl", |p| problems.push(p.to_owned())).unwrap();
//! assert_eq!(problems.len(), 1);
//! assert!(problems[0].starts_with("corpus.jsonl: line 2: not an annotated document: "));
//!
//! let report = builder.finish(ReportOptions { group_by: Some("outlet".to_owned()), ..ReportOptions::default() });
//! assert_eq!(report.unreadable_lines(), 1);
//! let data = serde_json::to_value(&report).unwrap();
//! assert_eq!(data["corpus"]["quotations"], 1);
//! assert_eq!(data["speakers"][0]["speaker"], "Mary Smith");
//! assert_eq!(data["groups"][0]["group"], "Planet");
//! assert!(report.to_html().starts_with("<!DOCTYPE html>"));
//! ```

mod aggregate;
mod bounded;
mod classify;
mod html;
mod read;

use std::io::{self, BufRead};

pub use aggregate::{Limits, Report, ReportOptions};

/// The fields of an annotated document that the report reads as annotations: [`Fields`] may not
/// name them.
///
/// ```
/// assert!(byline_report::ANNOTATION_FIELDS.contains(&"quotes"));
/// ```
pub const ANNOTATION_FIELDS: [&str; 4] = ["sentences", "entities", "quotes", "error"];

/// The fields of each annotated document that the report reads besides the fixed ones (`quotes`,
/// `entities`, `sentences`, `error`).
///
/// ```
/// let fields = byline_report::Fields {
///     group: Some("outlet".to_owned()),
///     date: Some("published".to_owned()),
///     ..byline_report::Fields::default()
/// };
/// assert_eq!(fields.id, "id");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The field holding the document id; a document without one gets its position.
    pub id: String,
    /// The field to break the counts down by (an outlet, a section), if any.
    pub group: Option<String>,
    /// The field holding each document's date (`YYYY-MM-DD...`), for counts over time and the
    /// first appearance of recurring quotations, if any.
    pub date: Option<String>,
}

impl Fields {
    /// The first of these fields that names one of the [`ANNOTATION_FIELDS`] (which would then be
    /// read as a group, a date or an id and missed as an annotation), if any: refuse it.
    ///
    /// ```
    /// let fields = byline_report::Fields { group: Some("quotes".to_owned()), ..Default::default() };
    /// assert_eq!(fields.annotation_field(), Some("quotes"));
    /// assert_eq!(byline_report::Fields::default().annotation_field(), None);
    /// ```
    pub fn annotation_field(&self) -> Option<&str> {
        [
            Some(self.id.as_str()),
            self.group.as_deref(),
            self.date.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find(|f| ANNOTATION_FIELDS.contains(f))
    }
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            id: "id".to_owned(),
            group: None,
            date: None,
        }
    }
}

/// Sums up annotated documents one at a time, in memory bounded whatever their number.
///
/// ```
/// let mut builder = byline_report::ReportBuilder::new(Default::default(), Default::default());
/// builder.add_line(r#"{"id": "a", "quotes": []}"#, 0).unwrap();
/// assert!(builder.add_line("[1, 2]", 1).is_err());
/// assert_eq!(builder.documents(), 1);
/// ```
#[derive(Debug)]
pub struct ReportBuilder {
    agg: aggregate::Aggregator,
    fields: Fields,
}

impl ReportBuilder {
    /// A builder that reads `fields` of each document and keeps what `limits` allow.
    ///
    /// ```
    /// let builder = byline_report::ReportBuilder::new(byline_report::Fields::default(), byline_report::Limits::default());
    /// assert_eq!(builder.documents(), 0);
    /// ```
    pub fn new(fields: Fields, limits: Limits) -> ReportBuilder {
        ReportBuilder {
            agg: aggregate::Aggregator::new(limits, fields.group.is_some()),
            fields,
        }
    }

    /// Counts one annotated document given as one line of JSON; `position` is its id when it has
    /// none. A line that is not an annotated document counts nothing and gives the JSON error
    /// (count it with [`ReportBuilder::add_unreadable`] to have the report say so).
    ///
    /// ```
    /// let mut builder = byline_report::ReportBuilder::new(Default::default(), Default::default());
    /// builder.add_line(r#"{"quotes": [{"kind": "direct", "text": "Yes"}]}"#, 7).unwrap();
    /// let err = builder.add_line(r#"{"quotes": 3}"#, 8).unwrap_err();
    /// assert!(err.to_string().contains("line 1 column"));
    /// ```
    pub fn add_line(&mut self, line: &str, position: u64) -> Result<(), serde_json::Error> {
        let doc = read::parse_line(line.trim_end(), self.names())?;
        self.agg.add(&doc, position);
        Ok(())
    }

    /// Counts an input that could not be read as a document; `problem` names its place, and the
    /// first few problems are listed in the report.
    ///
    /// ```
    /// let mut builder = byline_report::ReportBuilder::new(Default::default(), Default::default());
    /// builder.add_unreadable("a.jsonl: line 3: not UTF-8".to_owned());
    /// let report = builder.finish(Default::default());
    /// assert_eq!(report.unreadable_lines(), 1);
    /// ```
    pub fn add_unreadable(&mut self, problem: String) {
        self.agg.add_unreadable(problem);
    }

    /// Counts every line of one source of JSON Lines named `name`; blank lines are skipped and
    /// documents without an id get their position in this source, from 0. A line that is not
    /// UTF-8 or not an annotated document is counted as unreadable, named (source and line) to
    /// `on_problem`, and never ends the reading; only a failure of the source itself is an
    /// error.
    ///
    /// ```
    /// let mut builder = byline_report::ReportBuilder::new(Default::default(), Default::default());
    /// let mut seen = Vec::new();
    /// builder.read(&b"{\"quotes\": []}\n\n{oops\n"[..], "-", |p| seen.push(p.to_owned())).unwrap();
    /// assert_eq!(builder.documents(), 1);
    /// assert!(seen[0].starts_with("-: line 3: not an annotated document"));
    /// ```
    pub fn read<R: BufRead>(
        &mut self,
        mut reader: R,
        name: &str,
        mut on_problem: impl FnMut(&str),
    ) -> io::Result<()> {
        let mut buf = Vec::with_capacity(1 << 16);
        let mut line_no = 0u64;
        let mut position = 0u64;
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                return Ok(());
            }
            line_no += 1;
            let problem = match std::str::from_utf8(&buf) {
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) => match self.add_line(line, position) {
                    Ok(()) => {
                        position += 1;
                        continue;
                    }
                    Err(err) => {
                        format!("{name}: line {line_no}: not an annotated document: {err}")
                    }
                },
                Err(err) => format!("{name}: line {line_no}: not UTF-8: {err}"),
            };
            on_problem(&problem);
            self.agg.add_unreadable(problem);
        }
    }

    /// The documents counted so far.
    ///
    /// ```
    /// let builder = byline_report::ReportBuilder::new(Default::default(), Default::default());
    /// assert_eq!(builder.documents(), 0);
    /// ```
    pub fn documents(&self) -> u64 {
        self.agg.documents()
    }

    /// The report: top lists, tables and the notes that say what is approximate.
    ///
    /// ```
    /// let builder = byline_report::ReportBuilder::new(Default::default(), Default::default());
    /// let report = builder.finish(byline_report::ReportOptions { title: "Empty".to_owned(), ..Default::default() });
    /// assert!(report.to_html().contains("<title>Empty</title>"));
    /// ```
    pub fn finish(self, options: ReportOptions) -> Report {
        self.agg.finish(options)
    }

    fn names(&self) -> read::FieldNames<'_> {
        read::FieldNames {
            id: &self.fields.id,
            group: self.fields.group.as_deref(),
            date: self.fields.date.as_deref(),
        }
    }
}

impl Report {
    /// The report as one self-contained HTML page.
    ///
    /// ```
    /// let report = byline_report::ReportBuilder::new(Default::default(), Default::default())
    ///     .finish(byline_report::ReportOptions::default());
    /// let page = report.to_html();
    /// assert!(page.starts_with("<!DOCTYPE html>") && !page.contains("http://"));
    /// ```
    pub fn to_html(&self) -> String {
        html::render(self)
    }

    /// The report's aggregates as JSON, as `byline report --json` writes them (the report is
    /// also `serde::Serialize`, for other formats).
    ///
    /// ```
    /// let report = byline_report::ReportBuilder::new(Default::default(), Default::default())
    ///     .finish(byline_report::ReportOptions::default());
    /// let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    /// assert_eq!(json["corpus"]["documents"], 0);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a report's fields all serialise")
    }

    /// The input lines that could not be read as documents.
    ///
    /// ```
    /// let report = byline_report::ReportBuilder::new(Default::default(), Default::default())
    ///     .finish(byline_report::ReportOptions::default());
    /// assert_eq!(report.unreadable_lines(), 0);
    /// ```
    pub fn unreadable_lines(&self) -> u64 {
        self.corpus.unreadable_lines
    }
}

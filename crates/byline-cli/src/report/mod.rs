//! `byline report`: annotated documents (the JSON Lines of `byline annotate`) summed up as one
//! self-contained HTML page, or as JSON: who is quoted, how often, how, and about what.
//!
//! The input is streamed line by line into a [`byline_report::ReportBuilder`], whose memory is
//! bounded whatever the corpus size; the page holds top lists and samples only.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;

use byline_report::{Fields, Limits, Report, ReportBuilder, ReportOptions, ANNOTATION_FIELDS};
use clap::Args;

use crate::status;

/// Shown under `byline report --help`.
pub(crate) const EXAMPLES: &str = "\
Examples:
  # annotate a month of coverage, then make the report
  byline annotate january.jsonl -o annotated.jsonl
  byline report annotated.jsonl -o report.html

  # counts per outlet and over time, from fields of each annotated line
  byline report annotated.jsonl --group-by outlet --date-field published -o report.html

  # the same aggregates as JSON, for your own charts
  byline report annotated.jsonl --json -o report.json

Exit status: 0 when every line was read, 1 when some line could not be read (the report
counts the rest and names the lines), 2 when an input cannot be opened or the output written.";

/// Options of `byline report`.
#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Annotated JSON Lines (the output of `byline annotate`), or - for standard input
    /// [default: -]. Example: `byline report january.jsonl february.jsonl -o report.html`
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Write the report to FILE instead of standard output. Example: `-o report.html`
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write the aggregates as JSON instead of the HTML page. Example: `--json`
    #[arg(long)]
    pub json: bool,

    /// Also write the aggregates as JSON to FILE, from the same pass over the input. Example:
    /// `-o report.html --json-out report.json`
    #[arg(long, value_name = "FILE")]
    pub json_out: Option<PathBuf>,

    /// Break the counts down by this field of each line (an outlet, a section; `byline annotate`
    /// writes only the id and the annotations, so add such fields to its lines first, or use
    /// Python's `byline.report(docs, meta=...)`). Example: `--group-by outlet`
    #[arg(long, value_name = "NAME")]
    pub group_by: Option<String>,

    /// The field holding each document's date (`YYYY-MM-DD...`), for counts over time and the
    /// first appearance of recurring quotations. Example: `--date-field published`
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,

    /// The field holding the document id (documents without one get their position in their
    /// file, from 0). Example: `--id-field doc_id`
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// Rows of each top list. Example: `--top 50`
    #[arg(long, value_name = "N", default_value_t = 25, value_parser = clap::value_parser!(u32).range(1..))]
    pub top: u32,

    /// Rows of the table of quotations (the first ones in input order). Example: `--max-rows 5000`
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub max_rows: u32,

    /// The page's title. Example: `--title "Coverage, January"`
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// No messages about unreadable lines on standard error. Example: `--quiet`
    #[arg(short, long)]
    pub quiet: bool,
}

/// Runs `byline report`; the exit status.
pub(crate) fn run(args: ReportArgs) -> u8 {
    let fields = Fields {
        id: args.id_field.clone(),
        group: args.group_by.clone(),
        date: args.date_field.clone(),
    };
    // These fields are read as annotations; naming one as a field to group by would hide it.
    if let Some(field) = fields.annotation_field() {
        eprintln!(
            "byline: --id-field, --group-by and --date-field name fields of the input, not one of \
             the annotations ({}): got {field:?}",
            ANNOTATION_FIELDS.join(", ")
        );
        return status::ERROR;
    };
    let limits = Limits {
        top: args.top as usize,
        rows: args.max_rows as usize,
        ..Limits::default()
    };
    let mut builder = ReportBuilder::new(fields, limits);
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs.clone()
    };
    for path in &inputs {
        let name = path.display().to_string();
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(io::stdin().lock())
        } else {
            match File::open(path) {
                Ok(f) => Box::new(BufReader::with_capacity(1 << 20, f)),
                Err(err) => {
                    eprintln!("byline: cannot read {name}: {err}");
                    return status::ERROR;
                }
            }
        };
        let quiet = args.quiet;
        let on_problem = |problem: &str| {
            if !quiet {
                eprintln!("byline: {problem}");
            }
        };
        if let Err(err) = builder.read(reader, &name, on_problem) {
            eprintln!("byline: cannot read {name}: {err}");
            return status::ERROR;
        }
    }
    let options = ReportOptions {
        title: args
            .title
            .clone()
            .unwrap_or_else(|| "Who is quoted: a corpus report".to_owned()),
        inputs: inputs.iter().map(|p| p.display().to_string()).collect(),
        group_by: args.group_by.clone(),
        date_field: args.date_field.clone(),
        top: args.top as usize,
        max_rows: args.max_rows as usize,
    };
    let report = builder.finish(options);
    let unreadable = report.unreadable_lines();
    let mut outputs = vec![(args.output.as_deref(), args.json)];
    if let Some(path) = &args.json_out {
        outputs.push((Some(path.as_path()), true));
    }
    for (path, json) in outputs {
        let written = match path {
            Some(path) => {
                File::create(path).and_then(|f| write_report(&report, json, io::BufWriter::new(f)))
            }
            None => write_report(&report, json, io::stdout().lock()),
        };
        match written {
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => return status::BROKEN_PIPE,
            Err(err) => {
                let place = path.map_or("standard output".to_owned(), |p| p.display().to_string());
                eprintln!("byline: cannot write {place}: {err}");
                return status::ERROR;
            }
            Ok(()) => {}
        }
    }
    if unreadable == 0 {
        return status::OK;
    }
    if !args.quiet {
        eprintln!("byline: {unreadable} line(s) could not be read as documents; the report counts the rest");
    }
    status::FAILED_DOCUMENTS
}

fn write_report<W: Write>(report: &Report, json: bool, mut out: W) -> io::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut out, report)?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(report.to_html().as_bytes())?;
    }
    out.flush()
}

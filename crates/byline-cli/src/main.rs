//! The `byline` command: annotate news corpora with entities and attributed quotations, as JSON
//! Lines, or as a readable summary on a terminal.

mod annotate;
#[cfg(feature = "parquet")]
mod columnar;
mod gazetteer;
mod input;
mod report;
mod summary;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

const ANNOTATE_EXAMPLES: &str = "\
Examples:
  # a readable summary of one article on a terminal (JSON Lines when piped)
  byline annotate examples/article.txt

  # a corpus in JSON Lines, fields \"body\" and \"doc_id\", on 4 threads, into a file
  byline annotate corpus.jsonl --text-field body --id-field doc_id --threads 4 -o out.jsonl

  # every .txt file of a folder, with tokens, as JSON Lines on a terminal
  byline annotate articles/ --tokens --json

  # standard input, your own gazetteer beside the default one, stop at the first bad line
  cat corpus.jsonl | byline annotate - --gazetteer people.tsv --with-default --strict

  # plain text on standard input (one document, id \"stdin\")
  cat article.txt | byline annotate -

  # a Parquet corpus into Parquet, its date and outlet columns carried through
  byline annotate corpus.parquet --keep date,outlet -o annotated.parquet

  # JSON Lines into Parquet, or Parquet into JSON Lines: the format goes by the extension
  byline annotate corpus.jsonl -o annotated.parquet

Output: one JSON document a line, in input order, offsets in Unicode code points:
  {\"id\", \"sentences\", \"entities\", \"quotes\"} (+ \"tokens\" with --tokens); with -o
  FILE.parquet, one row a document in the Arrow document schema: id, the --keep columns,
  sentences, entities, quotes, error (null when the document went through).
A document that cannot be read or annotated gives {\"id\": ..., \"error\": \"...\"} (a row
with its error set in Parquet) and a message on standard error naming the file and line (the
row, from 0, in a Parquet file); the run goes on (unless --strict).

Exit status: 0 when every document was annotated, 1 when any failed, 2 on a usage or output
error (a missing input file included, reported before any output), 130 when interrupted (Ctrl-C;
every line written is complete). When the reader of the output goes away (`| head`), the command
ends quietly.";

const GAZETTEER_EXAMPLES: &str = "\
Examples:
  byline gazetteer stats
  byline gazetteer stats --gazetteer people.tsv --with-default
  byline gazetteer lookup Putin
  byline gazetteer lookup \"White House\" --json";

/// Who is named and who said what in English news text.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Annotate documents: sentences, entities, quotations with cues and speakers.
    #[command(
        long_about = "Annotate documents with sentences, entity mentions and quotations (direct, \
                      mixed, indirect) with their cue and speaker.\n\n\
                      Reads .txt files (one document each, id = file name), .jsonl files (one \
                      document a line), .parquet files (one document a row, read row group by \
                      row group), folders of .txt files (sorted by name) and standard input \
                      (-: JSON Lines when it starts with {, else one plain-text document; \
                      --format says which). Streams: memory stays bounded whatever the input \
                      size.",
        after_help = ANNOTATE_EXAMPLES
    )]
    Annotate(AnnotateArgs),
    /// Inspect a gazetteer: statistics, or the entries an alias names.
    #[command(after_help = GAZETTEER_EXAMPLES)]
    Gazetteer {
        #[command(subcommand)]
        command: GazetteerCommand,
    },
    /// Sum up annotated documents as one HTML page (or JSON): who is quoted, how, about what.
    #[command(after_help = report::EXAMPLES)]
    Report(report::ReportArgs),
}

/// Options of `byline annotate`.
#[derive(Debug, Args)]
pub(crate) struct AnnotateArgs {
    /// Inputs: .txt files, .jsonl files, folders of .txt files, or - for standard input
    /// [default: -]. Example: `byline annotate a.txt b.jsonl articles/`
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// How to read the inputs: auto (files by extension: .jsonl and .ndjson JSON Lines,
    /// .parquet and .pq Parquet, others text; standard input as JSON Lines when it starts with
    /// `{`, else as one text document), text (each input is one plain-text document), jsonl
    /// (each input is JSON Lines), parquet (each file is Parquet). Example: `cat article.txt |
    /// byline annotate - --format text`
    #[arg(long, visible_alias = "input-format", value_enum, value_name = "FORMAT", default_value_t = input::Format::Auto)]
    pub format: input::Format,

    /// Write to FILE instead of standard output: JSON Lines, or Parquet when FILE ends in
    /// .parquet or .pq (or --output-format says so). Example: `-o annotated.parquet`
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// What to write: auto (Parquet when the -o file ends in .parquet or .pq, else JSON Lines),
    /// jsonl, parquet. Example: `--output-format parquet -o annotated.out`
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = annotate::OutputFormat::Auto)]
    pub output_format: annotate::OutputFormat,

    /// Fields (JSON Lines) or columns (Parquet) carried through to the output beside the id,
    /// comma-separated or repeated: absent or null values are written as null; a Parquet
    /// column keeps its type when every input is Parquet, and is written as strings
    /// otherwise. Example: `--keep date,outlet`
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    pub keep: Vec<String>,

    /// The JSON Lines field (Parquet column) holding the text. Example: `--text-field body`
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,

    /// The JSON Lines field (Parquet column) holding the document id (a string or an integer,
    /// written as a string; documents without one get their position in their file, from 0;
    /// blank lines do not count). Example: `--id-field doc_id`
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,

    /// Worker threads; 0 = BYLINE_NUM_THREADS, or one per core; 1 does all the work in order on
    /// one thread. Output order never depends on it. Example: `--threads 4`
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub threads: usize,

    /// A gazetteer file (TSV, CSV or JSON Lines); repeatable. Replaces the embedded default
    /// gazetteer unless --with-default is given. Example: `--gazetteer people.tsv`
    #[arg(short, long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// Keep the embedded default gazetteer beside the --gazetteer files.
    /// Example: `--gazetteer extra.tsv --with-default`
    #[arg(long)]
    pub with_default: bool,

    /// Add the tokens (`{"start", "end", "kind", "pos", "tag"}`: Universal POS and Penn Treebank
    /// tags) to each JSON document. Example: `--tokens`
    #[arg(long)]
    pub tokens: bool,

    /// Add the paragraphs (`{"start", "end"}`) to each JSON document. Example: `--paragraphs`
    #[arg(long)]
    pub paragraphs: bool,

    /// Stop at the first document that cannot be read or annotated (its error line is written).
    /// Example: `--strict`
    #[arg(long)]
    pub strict: bool,

    /// No progress bar and no closing lines on standard error (each failed document is still
    /// reported). Example: `--quiet`
    #[arg(short, long)]
    pub quiet: bool,

    /// Write JSON Lines even when standard output is a terminal (they are written whenever it
    /// is not). Example: `byline annotate article.txt --json`
    #[arg(long, conflicts_with = "summary")]
    pub json: bool,

    /// Write the readable summary (entities by label, quotations with speaker and cue) even when
    /// standard output is not a terminal. Example: `byline annotate article.txt --summary | less`
    #[arg(long, conflicts_with = "output")]
    pub summary: bool,

    /// Documents a worker takes at a time (fewer once they reach 64 KB of input, and towards the
    /// end of a file); about four such chunks per thread are in memory at once. Smaller spreads
    /// uneven documents more evenly, larger hands over less. Example: `--batch-size 64`
    #[arg(long, value_name = "N", default_value_t = input::CHUNK_DOCS, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch_size: u32,
}

#[derive(Debug, Subcommand)]
enum GazetteerCommand {
    /// Entries per label and alias counts of the gazetteer.
    Stats(GazetteerArgs),
    /// The entries an alias names, highest weight first.
    Lookup {
        /// The alias, as it would appear in a text. Example: `"Ebrahim Raisi"`
        alias: String,
        #[command(flatten)]
        args: GazetteerArgs,
    },
}

/// Which gazetteer to inspect.
#[derive(Debug, Args)]
pub(crate) struct GazetteerArgs {
    /// A gazetteer file (TSV, CSV or JSON Lines) instead of the embedded default; repeatable.
    /// Example: `--gazetteer people.tsv`
    #[arg(short, long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// Keep the embedded default beside the --gazetteer files.
    #[arg(long)]
    pub with_default: bool,

    /// Print JSON instead of text. Example: `--json`
    #[arg(long)]
    pub json: bool,
}

fn main() -> ExitCode {
    end_quietly_on_closed_output();
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Annotate(args) => annotate::run(args),
        Command::Gazetteer { command } => match command {
            GazetteerCommand::Stats(args) => gazetteer::stats(&args),
            GazetteerCommand::Lookup { alias, args } => gazetteer::lookup(&alias, &args),
        },
        Command::Report(args) => report::run(args),
    };
    ExitCode::from(status)
}

/// Makes a failed write to standard output end the command without a panic: `print!` panics when
/// its write fails, and this hook turns that panic, whichever command printed, into a quiet exit
/// with [`status::BROKEN_PIPE`] when the reader went away (`byline ... | head -1`), as Unix tools
/// do, or into a one-line message and [`status::ERROR`] for any other write error (a full disk).
fn end_quietly_on_closed_output() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if let Some(error) = message.strip_prefix("failed printing to stdout: ") {
            if error.ends_with(BROKEN_PIPE_OS_ERROR) {
                std::process::exit(i32::from(status::BROKEN_PIPE));
            }
            eprintln!("byline: cannot write the output: {error}");
            std::process::exit(i32::from(status::ERROR));
        }
        default_hook(info);
    }));
}

/// How the operating system's error for a write to a pipe whose reader has gone ends.
#[cfg(windows)]
const BROKEN_PIPE_OS_ERROR: &str = "(os error 232)";
/// How the operating system's error for a write to a pipe whose reader has gone ends.
#[cfg(not(windows))]
const BROKEN_PIPE_OS_ERROR: &str = "(os error 32)";

/// Exit statuses.
pub(crate) mod status {
    /// Every document was annotated.
    pub const OK: u8 = 0;
    /// At least one document failed.
    pub const FAILED_DOCUMENTS: u8 = 1;
    /// A usage, gazetteer or output error.
    pub const ERROR: u8 = 2;
    /// The reader of the output went away (as `head` does).
    pub const BROKEN_PIPE: u8 = 141;
    /// Interrupted by Ctrl-C.
    pub const INTERRUPTED: u8 = 130;
}

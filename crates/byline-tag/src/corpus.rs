//! Readers for the annotated corpora the models are trained and evaluated on: CoNLL-U
//! treebanks and column files of words and tags (IOB2 and similar).

use crate::error::{Error, ErrorKind};

/// A sentence of a corpus: words, one tag per word, and the document it belongs to when the
/// corpus says so (`# newdoc id = ...`, `-DOCSTART-`).
///
/// ```
/// let s = byline_tag::corpus::read_columns("Paris\tB-LOC\n", 0, 1).unwrap();
/// assert_eq!(s[0].words, ["Paris"]);
/// assert_eq!(s[0].tags, ["B-LOC"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaggedSentence {
    /// The words.
    pub words: Vec<String>,
    /// One tag per word.
    pub tags: Vec<String>,
    /// Index of the document within the file (0 when the file does not mark documents).
    pub doc: usize,
}

/// Reads a CoNLL-U file, taking the tag from 0-based column `column` (3 = UPOS, 4 = XPOS).
/// Multiword-token ranges (`1-2`) and empty nodes (`1.1`) are skipped, so the words are the
/// syntactic words. A line with too few columns is an error naming the line.
///
/// ```
/// let text = "# newdoc id = a\n1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tran\trun\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
/// let s = byline_tag::corpus::read_conllu(text, 3).unwrap();
/// assert_eq!(s[0].tags, ["PRON", "VERB"]);
/// ```
pub fn read_conllu(text: &str, column: usize) -> Result<Vec<TaggedSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    let mut doc = 0;
    let mut seen_doc = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("# newdoc") {
            if seen_doc {
                doc += 1;
            }
            seen_doc = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut cur, &mut out, doc);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() <= column.max(1) {
            return Err(Error::new(
                ErrorKind::BadCorpus(format!(
                    "{} columns, need {}",
                    cols.len(),
                    column.max(1) + 1
                )),
                n + 1,
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        cur.words.push(cols[1].to_string());
        cur.tags.push(cols[column].to_string());
    }
    flush(&mut cur, &mut out, doc);
    Ok(out)
}

/// Reads a file of one word a line with its tag in columns separated by tabs (or, when a line
/// has no tab, by spaces): `word_col` and `tag_col` are 0-based. Blank lines (or a line holding
/// only a tab) end a sentence; `-DOCSTART-` lines start a new document; `# ...` comment lines
/// without a tab are skipped.
///
/// ```
/// let text = "-DOCSTART- O\n\nBarcelona I-ORG\nwon I-O\n";
/// let s = byline_tag::corpus::read_columns(text, 0, 1).unwrap();
/// assert_eq!(s[0].words, ["Barcelona", "won"]);
/// assert_eq!(s[0].doc, 1);
/// assert!(byline_tag::corpus::read_columns("lonely\n", 0, 1).is_err());
/// ```
pub fn read_columns(
    text: &str,
    word_col: usize,
    tag_col: usize,
) -> Result<Vec<TaggedSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    let mut doc = 0;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut cur, &mut out, doc);
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(' ').filter(|c| !c.is_empty()).collect()
        };
        if line.starts_with('#') && !line.contains('\t') && cols.len() != 2 {
            continue;
        }
        if cols.first() == Some(&"-DOCSTART-") {
            flush(&mut cur, &mut out, doc);
            doc += 1;
            continue;
        }
        if cols.len() <= word_col.max(tag_col) {
            return Err(Error::new(
                ErrorKind::BadCorpus(format!(
                    "{} columns, need {}",
                    cols.len(),
                    word_col.max(tag_col) + 1
                )),
                n + 1,
            ));
        }
        cur.words.push(cols[word_col].to_string());
        cur.tags.push(cols[tag_col].to_string());
    }
    flush(&mut cur, &mut out, doc);
    Ok(out)
}

fn flush(cur: &mut TaggedSentence, out: &mut Vec<TaggedSentence>, doc: usize) {
    if !cur.words.is_empty() {
        cur.doc = doc;
        out.push(std::mem::take(cur));
    }
}

/// Converts tags that use only `I-` (a new entity starts where the type changes) to IOB2.
///
/// ```
/// let tags = ["I-PER", "I-PER", "O", "I-LOC"].map(String::from).to_vec();
/// assert_eq!(byline_tag::corpus::io_to_iob2(&tags), ["B-PER", "I-PER", "O", "B-LOC"]);
/// ```
pub fn io_to_iob2(tags: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev = "O";
    for t in tags {
        let ty = t.strip_prefix("I-").or_else(|| t.strip_prefix("B-"));
        match ty {
            Some(ty) if t.starts_with("B-") || prev != ty => out.push(format!("B-{ty}")),
            Some(ty) => out.push(format!("I-{ty}")),
            None => out.push("O".to_string()),
        }
        prev = ty.unwrap_or("O");
    }
    out
}

/// Entity spans `(start, end, type)` (word indices, end exclusive) of IOB2 tags; an `I-` that
/// does not continue an entity of its type starts one.
///
/// ```
/// let tags = ["B-PER", "I-PER", "O", "I-LOC"].map(String::from).to_vec();
/// assert_eq!(byline_tag::corpus::spans(&tags), [(0, 2, "PER".to_string()), (3, 4, "LOC".to_string())]);
/// ```
pub fn spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (b, ty) = match (t.strip_prefix("B-"), t.strip_prefix("I-")) {
            (Some(ty), _) => (true, Some(ty)),
            (_, Some(ty)) => (false, Some(ty)),
            _ => (false, None),
        };
        let continues = !b && matches!((open, ty), (Some((_, o)), Some(t)) if o == t);
        if !continues {
            if let Some((s, o)) = open.take() {
                out.push((s, i, o.to_string()));
            }
            open = ty.map(|t| (i, t));
        }
    }
    if let Some((s, o)) = open {
        out.push((s, tags.len(), o.to_string()));
    }
    out
}

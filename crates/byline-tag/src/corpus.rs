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

/// One mention bracket of a GUM-style `Entity=` annotation, while its sentence is read.
struct GumMention {
    id: String,
    kind: String,
    named: bool,
    minspan: Vec<usize>,
    start: usize,
    end: Option<usize>,
}

/// Lower-case words that may join the words of one name, as the entity model's candidates do
/// (`Bank of England`, `Procter & Gamble`).
const CONNECTORS: &[&str] = &[
    "&", "al", "and", "bin", "da", "de", "del", "der", "des", "di", "du", "for", "ibn", "la", "le",
    "of", "on", "the", "van", "von",
];

/// The entity type GUM gives to people, organisations and places, as an IOB2 tag type.
fn gum_type(kind: &str) -> Option<&'static str> {
    match kind {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        _ => None,
    }
}

/// Reads a CoNLL-U file whose MISC column brackets entity mentions in the GUM corpus's style
/// (`Entity=(3-organization-new-sssss-cf1-5-coref-Some_Title` opens mention 3 on a word, `3)`
/// closes it; the fields are group, type, information status, salience, centering, minimal
/// span, link and Wikipedia identity), and tags the words of named people, organisations and
/// places in IOB2 over `PER`, `ORG` and `LOC`.
///
/// A mention is named when it has a Wikipedia identity or a proper noun (UPOS `PROPN`) in its
/// minimal span; GUM also annotates pronouns and common nouns (`the team`, `she`), which stay
/// `O`. Each word belongs to the innermost named mention around it, of any type (the words of a
/// named event or work are `O`), except that a mention that is part of a longer name belongs
/// to that name: after a connector (`England` in `Bank of England`) or beside another
/// capitalised word of a name other than a person's (`Boston` in `Boston Marathon`). Within a mention of a person,
/// organisation or place, the words that start with a capital letter (not a determiner or
/// pronoun) are the name, with the connectors between two of them (`of`, `de`, `&`, ...), so
/// that `Paris, France` is two places. Mentions that do not close within their sentence are
/// ignored.
///
/// ```
/// let text = "# newdoc id = d\n\
///     1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-organization-new-nnnnn-cf1-2,4-sgl-Bank_of_England\n\
///     2\tBank\tbank\tPROPN\tNNP\t_\t0\troot\t_\t_\n\
///     3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n\
///     4\tEngland\tEngland\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=(2-place-new-nnnnn-cf2-1-sgl-England)1)\n\
///     5\tsaid\tsay\tVERB\tVBD\t_\t2\tacl\t_\tEntity=(3-person-new-nnnnn-cf3-1-sgl)\n\n";
/// let s = byline_tag::corpus::read_gum_entities(text).unwrap();
/// assert_eq!(s[0].tags, ["O", "B-ORG", "I-ORG", "I-ORG", "O"]);
/// ```
pub fn read_gum_entities(text: &str) -> Result<Vec<TaggedSentence>, Error> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut upos: Vec<String> = Vec::new();
    let mut mentions: Vec<GumMention> = Vec::new();
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
            gum_sentence(&mut words, &mut upos, &mut mentions, doc, &mut out);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            return Err(Error::new(
                ErrorKind::BadCorpus(format!("{} columns, need 10", cols.len())),
                n + 1,
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let at = words.len();
        words.push(cols[1].to_string());
        upos.push(cols[3].to_string());
        for field in cols[9].split('|') {
            if let Some(value) = field.strip_prefix("Entity=") {
                gum_brackets(value, at, &mut mentions);
            }
        }
    }
    gum_sentence(&mut words, &mut upos, &mut mentions, doc, &mut out);
    Ok(out)
}

/// Opens and closes the mentions of one word's `Entity=` value.
fn gum_brackets(value: &str, at: usize, mentions: &mut Vec<GumMention>) {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'(' {
            let j = bytes[i + 1..]
                .iter()
                .position(|&b| b == b'(' || b == b')')
                .map_or(bytes.len(), |k| i + 1 + k);
            let fields: Vec<&str> = value[i + 1..j].splitn(8, '-').collect();
            let minspan = fields
                .get(5)
                .map(|m| {
                    m.split(',')
                        .filter_map(|x| x.parse::<usize>().ok())
                        .collect()
                })
                .unwrap_or_default();
            mentions.push(GumMention {
                id: fields[0].to_string(),
                kind: fields.get(1).copied().unwrap_or("").to_string(),
                named: fields.get(7).is_some_and(|x| !x.is_empty()),
                minspan,
                start: at,
                end: None,
            });
            if bytes.get(j) == Some(&b')') {
                if let Some(m) = mentions.last_mut() {
                    m.end = Some(at + 1);
                }
                i = j + 1;
            } else {
                i = j;
            }
        } else {
            let j = bytes[i..]
                .iter()
                .position(|&b| b == b')' || b == b'(')
                .map_or(bytes.len(), |k| i + k);
            let id = &value[i..j];
            if let Some(m) = mentions
                .iter_mut()
                .rev()
                .find(|m| m.end.is_none() && m.id == id)
            {
                m.end = Some(at + 1);
            }
            i = if bytes.get(j) == Some(&b')') {
                j + 1
            } else {
                j
            };
        }
    }
}

/// Tags one sentence's words from its mentions and appends it.
fn gum_sentence(
    words: &mut Vec<String>,
    upos: &mut Vec<String>,
    mentions: &mut Vec<GumMention>,
    doc: usize,
    out: &mut Vec<TaggedSentence>,
) {
    if words.is_empty() {
        mentions.clear();
        return;
    }
    let closed: Vec<(usize, usize, &GumMention)> = mentions
        .iter()
        .filter_map(|m| m.end.map(|e| (m.start, e, m)))
        .filter(|&(s, e, _)| s < e && e <= words.len())
        .collect();
    // A mention is named when it has a Wikipedia identity or a proper noun in its minimal span.
    let named: Vec<bool> = closed
        .iter()
        .map(|&(s, e, m)| {
            m.named
                || m.minspan
                    .iter()
                    .any(|&p| p >= 1 && s + p - 1 < e && upos[s + p - 1] == "PROPN")
        })
        .collect();
    let capital = |w: usize| {
        words[w].chars().next().is_some_and(char::is_uppercase)
            && !matches!(upos[w].as_str(), "DET" | "PRON")
    };
    // The innermost named mention around span `s..e` other than `skip`: the latest to start,
    // then the shortest, then one of a type byline tags.
    let around = |s: usize, e: usize, skip: Option<usize>| {
        closed
            .iter()
            .enumerate()
            .filter(|&(k, &(ks, ke, _))| named[k] && Some(k) != skip && ks <= s && e <= ke)
            .max_by_key(|&(_, &(ks, ke, m))| {
                (ks, std::cmp::Reverse(ke), gum_type(&m.kind).is_some())
            })
            .map(|(k, _)| k)
    };
    // Each word's mention: the innermost named one, unless that one is a part of a longer name,
    // whose mention it then is: after a connector (`England` in `Bank of England`), or beside
    // another capitalised word of a name other than a person's (`Boston` in `Boston Marathon`,
    // but not `Chicago` in `Chicago Mayor Rahm Emanuel`).
    let mut owner: Vec<Option<usize>> = vec![None; words.len()];
    for (w, slot) in owner.iter_mut().enumerate() {
        let mut k = around(w, w + 1, None);
        while let Some(inner) = k {
            let (s, e, _) = closed[inner];
            let Some(parent) = around(s, e, Some(inner)) else {
                break;
            };
            let (ps, pe, pm) = closed[parent];
            let after_connector =
                s >= ps + 2 && CONNECTORS.contains(&words[s - 1].as_str()) && capital(s - 2);
            let within_name =
                pm.kind != "person" && ((e < pe && capital(e)) || (s > ps && capital(s - 1)));
            if after_connector || within_name {
                k = Some(parent);
            } else {
                break;
            }
        }
        *slot = k;
    }
    // Each word's (mention, type) when it is part of a name.
    let mut label: Vec<Option<(usize, &'static str)>> = (0..words.len())
        .map(|w| {
            let k = owner[w]?;
            let ty = gum_type(&closed[k].2.kind)?;
            capital(w).then_some((k, ty))
        })
        .collect();
    for w in 1..words.len().saturating_sub(1) {
        if label[w].is_none() && CONNECTORS.contains(&words[w].as_str()) {
            if let (Some(a), Some(b)) = (label[w - 1], label[w + 1]) {
                if a == b && owner[w] == Some(a.0) {
                    label[w] = Some(a);
                }
            }
        }
    }
    let mut tags = Vec::with_capacity(words.len());
    for w in 0..words.len() {
        tags.push(match label[w] {
            None => "O".to_string(),
            Some(l) if w > 0 && label[w - 1] == Some(l) => format!("I-{}", l.1),
            Some(l) => format!("B-{}", l.1),
        });
    }
    out.push(TaggedSentence {
        words: std::mem::take(words),
        tags,
        doc,
    });
    upos.clear();
    mentions.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GUM-style sentence of `words`, each `(word, UPOS, Entity= value or "")`.
    fn gum(words: &[(&str, &str, &str)]) -> Vec<String> {
        let mut text = String::new();
        for (i, (w, upos, e)) in words.iter().enumerate() {
            let misc = if e.is_empty() {
                "_".to_string()
            } else {
                format!("Entity={e}")
            };
            text.push_str(&format!(
                "{}\t{w}\t_\t{upos}\t_\t_\t0\t_\t_\t{misc}\n",
                i + 1
            ));
        }
        text.push('\n');
        read_gum_entities(&text).unwrap().remove(0).tags
    }

    #[test]
    fn a_place_inside_a_title_and_name_stays_a_place() {
        let tags = gum(&[
            (
                "Chicago",
                "PROPN",
                "(1-person-new-x-cf1-4-sgl-Rahm_Emanuel(2-place-new-x-cf2-1-sgl-Chicago)",
            ),
            ("Mayor", "PROPN", ""),
            ("Rahm", "PROPN", ""),
            ("Emanuel", "PROPN", "1)"),
            ("spoke", "VERB", ""),
        ]);
        assert_eq!(tags, ["B-LOC", "B-PER", "I-PER", "I-PER", "O"]);
    }

    #[test]
    fn places_apart_by_a_comma_are_two() {
        let tags = gum(&[
            (
                "Paris",
                "PROPN",
                "(1-place-new-x-cf1-1-sgl-Paris(2-place-new-x-cf2-1-sgl-Paris)",
            ),
            (",", "PUNCT", ""),
            ("France", "PROPN", "(3-place-new-x-cf3-1-sgl-France)1)"),
        ]);
        assert_eq!(tags, ["B-LOC", "O", "B-LOC"]);
    }

    #[test]
    fn common_nouns_pronouns_and_named_events_are_outside() {
        let tags = gum(&[
            ("She", "PRON", "(1-person-new-x-cf1-1-sgl)"),
            ("saw", "VERB", ""),
            ("the", "DET", "(2-event-new-x-cf2-2,3-sgl-Boston_Marathon"),
            ("Boston", "PROPN", "(3-place-new-x-cf3-1-sgl-Boston)"),
            ("Marathon", "PROPN", "2)"),
            ("and", "CCONJ", ""),
            ("the", "DET", "(4-organization-new-x-cf4-2-sgl"),
            ("team", "NOUN", "4)"),
        ]);
        assert_eq!(tags, ["O", "O", "O", "O", "O", "O", "O", "O"]);
    }

    #[test]
    fn a_mention_left_open_is_ignored_and_the_next_sentence_is_whole() {
        let text = "1\tOslo\t_\tPROPN\t_\t_\t0\t_\t_\tEntity=(1-place-new-x-cf1-1-sgl-Oslo\n\n\
                    1\tOslo\t_\tPROPN\t_\t_\t0\t_\t_\tEntity=(2-place-new-x-cf1-1-sgl-Oslo)\n\n";
        let s = read_gum_entities(text).unwrap();
        assert_eq!(s[0].tags, ["O"]);
        assert_eq!(s[1].tags, ["B-LOC"]);
    }

    #[test]
    fn any_entity_value_reads_without_panic() {
        for value in [
            "(",
            ")",
            "((",
            "1)",
            "(-",
            "(1-person",
            "(1-person-a-b-c-x,y",
            "))((",
        ] {
            let tags = gum(&[("Ann", "PROPN", value), ("Lee", "PROPN", value)]);
            assert_eq!(tags.len(), 2, "{value}");
        }
    }
}

//! The readable summary of a document, for a terminal: entities grouped by label, then quotations
//! with their speakers and cues.

use std::collections::BTreeMap;
use std::io::Write;

use byline::{Document, Label};

/// Longest quotation text shown, in characters.
const QUOTE_CHARS: usize = 300;

/// An entity's name, Wikidata id and number of mentions.
type Named<'d> = (&'d str, Option<&'d str>, usize);

/// Writes the summary of `doc` into `out`.
pub(crate) fn write(out: &mut Vec<u8>, id: &str, doc: &Document) {
    let text = doc.text();
    let _ = writeln!(
        out,
        "── {id}: {}, {}, {}",
        count(doc.sentences().len(), "sentence"),
        count(doc.entities().len(), "entity mention"),
        count(doc.quotes().len(), "quotation")
    );

    // Per label, each entity once with its mention count, in first-mention order.
    let mut groups: BTreeMap<Label, Vec<Named<'_>>> = BTreeMap::new();
    for e in doc.entities() {
        let group = groups.entry(e.label).or_default();
        match group.iter_mut().find(|(name, _, _)| *name == e.name) {
            Some(entry) => entry.2 += 1,
            None => group.push((&e.name, e.entity_id.as_deref(), 1)),
        }
    }
    if !groups.is_empty() {
        let _ = writeln!(out, "\nEntities");
        for (label, names) in &groups {
            let list: Vec<String> = names
                .iter()
                .map(|(name, qid, n)| {
                    let qid = qid.map(|q| format!(" ({q})")).unwrap_or_default();
                    let times = if *n > 1 {
                        format!(" ×{n}")
                    } else {
                        String::new()
                    };
                    format!("{name}{qid}{times}")
                })
                .collect();
            let _ = writeln!(out, "  {:<7} {}", label.as_str(), list.join(", "));
        }
    }

    if !doc.quotes().is_empty() {
        let _ = writeln!(out, "\nQuotations");
        for (i, q) in doc.quotes().iter().enumerate() {
            let speaker = match &q.speaker {
                Some(s) => {
                    let said = s.span.as_str(text);
                    match &s.name {
                        Some(name) if name != said => format!("{name} (\"{said}\")"),
                        _ => said.to_owned(),
                    }
                }
                None => "(no speaker)".to_owned(),
            };
            let cue = q
                .cue
                .map(|c| format!(" — {}", c.as_str(text)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:>2}. {speaker}{cue}  [{}, {:.2}]",
                i + 1,
                q.kind.as_str(),
                q.confidence
            );
            let content = doc.quote_text(q);
            let content = one_line(&content);
            let _ = writeln!(out, "      “{content}”");
        }
    }
    let _ = writeln!(out);
}

/// `s` on one line, cut to [`QUOTE_CHARS`] characters.
fn one_line(s: &str) -> String {
    let mut line: String = s
        .split_whitespace()
        .flat_map(|w| [" ", w])
        .skip(1)
        .collect();
    if let Some((cut, _)) = line.char_indices().nth(QUOTE_CHARS) {
        line.truncate(cut);
        line.push('…');
    }
    line
}

/// `n` and the noun, plural unless `n` is 1: `1 sentence`, `2 sentences`, `0 quotations`.
pub(crate) fn count(n: impl TryInto<u64> + Copy + std::fmt::Display, noun: &str) -> String {
    let one = n.try_into().is_ok_and(|n: u64| n == 1);
    format!("{n} {noun}{}", if one { "" } else { "s" })
}

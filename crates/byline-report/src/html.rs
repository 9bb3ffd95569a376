//! The report as one self-contained HTML page: inline CSS, inline SVG charts, a little inline
//! JavaScript for sorting and filtering; nothing fetched from a network.

use std::fmt::Write;

use super::aggregate::{Counted, Report};

const CSS: &str = include_str!("assets/report.css");
const JS: &str = include_str!("assets/report.js");

const KIND_COLOURS: [&str; 3] = ["var(--direct)", "var(--mixed)", "var(--indirect)"];
const GENDER_COLOURS: [&str; 3] = ["var(--women)", "var(--men)", "var(--unknown)"];

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The whole page.
pub(crate) fn render(r: &Report) -> String {
    let mut h = String::with_capacity(256 * 1024);
    let title = esc(&r.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{CSS}</style></head><body>\n<header><h1>{title}</h1>\
         <p class=\"lead\">{} documents from {} · made by byline {}</p><nav>",
        num(r.corpus.documents),
        esc(&r.options.inputs.join(", ")),
        env!("CARGO_PKG_VERSION"),
    );
    let mut sections = vec![
        ("glance", "At a glance"),
        ("speakers", "Speakers"),
        ("types", "Speaker types"),
        ("gender", "Gender"),
    ];
    sections.extend([
        ("entities", "Entities"),
        ("recurring", "Recurring quotations"),
    ]);
    if r.options.group_by.is_some() {
        sections.push(("groups", "By group"));
    }
    if r.options.date_field.is_some() {
        sections.push(("time", "Over time"));
    }
    sections.push(("quotations", "Quotations"));
    for (id, name) in &sections {
        let _ = write!(h, "<a href=\"#{id}\">{name}</a>");
    }
    h.push_str("</nav></header>\n<main>\n");
    glance(&mut h, r);
    speakers(&mut h, r);
    types(&mut h, r);
    gender(&mut h, r);
    entities(&mut h, r);
    recurring(&mut h, r);
    if r.options.group_by.is_some() {
        groups(&mut h, r);
    }
    if r.options.date_field.is_some() {
        over_time(&mut h, r);
    }
    quotations(&mut h, r);
    notes(&mut h, r);
    let _ = write!(
        h,
        "</main>\n<footer>Counts come from byline's automatic annotation, which misses and \
         misreads some quotations; read them as estimates. The same numbers as data: \
         <code>byline report --json</code>.</footer>\n<script>{JS}</script>\n</body></html>\n"
    );
    h
}

fn num(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn pct(part: u64, whole: u64) -> String {
    if whole == 0 {
        "–".to_owned()
    } else {
        format!("{:.1}%", part as f64 * 100.0 / whole as f64)
    }
}

fn wikidata(name: &str, id: Option<&str>) -> String {
    match id {
        Some(q) if q.starts_with('Q') && q[1..].bytes().all(|b| b.is_ascii_digit()) => format!(
            "{} <a class=\"muted\" href=\"https://www.wikidata.org/wiki/{q}\" title=\"Wikidata\">{q}</a>",
            esc(name)
        ),
        _ => esc(name),
    }
}

fn counted_list(items: &[Counted]) -> String {
    items
        .iter()
        .map(|c| format!("{} ({})", esc(&c.value), c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table with a filter box and sortable columns; `heads` ending in `#` are numeric.
fn table_open(h: &mut String, id: &str, heads: &[&str], filter: bool) {
    if filter {
        let _ = write!(
            h,
            "<div class=\"tools\"><input type=\"search\" data-filter=\"{id}\" placeholder=\"Filter rows…\" \
             aria-label=\"Filter rows\"><span id=\"{id}-count\" class=\"muted\"></span></div>"
        );
    }
    let _ = write!(
        h,
        "<div class=\"scroll\"><table class=\"sortable\" id=\"{id}\"><thead><tr>"
    );
    for head in heads {
        match head.strip_suffix('#') {
            Some(name) => {
                let _ = write!(h, "<th class=\"n\">{name}</th>");
            }
            None => {
                let _ = write!(h, "<th>{head}</th>");
            }
        }
    }
    h.push_str("</tr></thead><tbody>");
}

fn table_close(h: &mut String) {
    h.push_str("</tbody></table></div>\n");
}

fn legend(h: &mut String, names: &[&str], colours: &[&str]) {
    h.push_str("<div class=\"legend\">");
    for (n, c) in names.iter().zip(colours) {
        let _ = write!(h, "<i style=\"background:{c}\"></i>{n}");
    }
    h.push_str("</div>");
}

/// Horizontal stacked bars, one row per label.
fn bars(h: &mut String, rows: &[(String, Vec<u64>)], colours: &[&str], label_width: u32) {
    if rows.is_empty() {
        h.push_str("<p class=\"muted\">Nothing to show.</p>");
        return;
    }
    let max = rows
        .iter()
        .map(|(_, v)| v.iter().sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let (width, row_h) = (560u32, 22u32);
    let plot = width - label_width - 60;
    let height = rows.len() as u32 * row_h + 4;
    let _ = write!(
        h,
        "<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" role=\"img\">"
    );
    for (i, (label, values)) in rows.iter().enumerate() {
        let y = i as u32 * row_h + 2;
        let mut short: String = label.chars().take(label_width as usize / 7).collect();
        if short.len() < label.len() {
            short.push('…');
        }
        let _ = write!(
            h,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_width - 6,
            y + 15,
            esc(&short)
        );
        let mut x = f64::from(label_width);
        for (v, c) in values.iter().zip(colours) {
            let w = *v as f64 * f64::from(plot) / max as f64;
            if w > 0.0 {
                let _ = write!(
                    h,
                    "<rect x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"{}\" fill=\"{c}\"><title>{}: {v}</title></rect>",
                    y + 3,
                    row_h - 6,
                    esc(label)
                );
            }
            x += w;
        }
        let _ = write!(
            h,
            "<text x=\"{:.1}\" y=\"{}\">{}</text>",
            x + 4.0,
            y + 15,
            num(values.iter().sum())
        );
    }
    h.push_str("</svg>");
}

fn glance(h: &mut String, r: &Report) {
    let c = &r.corpus;
    h.push_str("<section id=\"glance\"><h2>The corpus at a glance</h2><div class=\"cards\">");
    for (value, what) in [
        (c.documents, "documents"),
        (c.sentences, "sentences"),
        (c.entity_mentions, "entity mentions"),
        (c.quotations, "quotations"),
        (c.direct, "direct"),
        (c.mixed, "mixed"),
        (c.indirect, "indirect (reported)"),
        (c.documents_with_errors, "documents with errors"),
    ] {
        let _ = write!(
            h,
            "<div class=\"card\"><b>{}</b><span>{what}</span></div>",
            num(value)
        );
    }
    if c.unreadable_lines > 0 {
        let _ = write!(
            h,
            "<div class=\"card\"><b>{}</b><span>unreadable lines</span></div>",
            num(c.unreadable_lines)
        );
    }
    h.push_str("</div>");
    legend(h, &["direct", "mixed", "indirect"], &KIND_COLOURS);
    bars(
        h,
        &[("quotations".to_owned(), vec![c.direct, c.mixed, c.indirect])],
        &KIND_COLOURS,
        90,
    );
    h.push_str("</section>\n");
}

fn speakers(h: &mut String, r: &Report) {
    h.push_str(
        "<section id=\"speakers\"><h2>Most quoted speakers</h2><p class=\"muted\">Named speakers \
         (people, organisations, places), resolved to their entity; a speaker referred to by a \
         pronoun or a surname counts under the name it resolves to.</p>",
    );
    h.push_str("<div class=\"grid2\"><div>");
    legend(h, &["direct", "mixed", "indirect"], &KIND_COLOURS);
    let rows: Vec<(String, Vec<u64>)> = r
        .speakers
        .iter()
        .take(15)
        .map(|s| (s.speaker.clone(), vec![s.direct, s.mixed, s.indirect]))
        .collect();
    bars(h, &rows, &KIND_COLOURS, 200);
    h.push_str("</div><div><h3>Cues over all quotations</h3>");
    let rows: Vec<(String, Vec<u64>)> = r
        .cues
        .iter()
        .take(15)
        .map(|c| (c.value.clone(), vec![c.count]))
        .collect();
    bars(h, &rows, &["var(--indirect)"], 160);
    h.push_str("</div></div>");
    let grouped = r.options.group_by.is_some();
    let mut heads = vec![
        "#",
        "Speaker",
        "Type",
        "Gender",
        "Quotations#",
        "Direct#",
        "Mixed#",
        "Indirect#",
        "Documents#",
        "Cues",
    ];
    if grouped {
        heads.push("Groups");
    }
    heads.push("Samples");
    table_open(h, "speakers-table", &heads, true);
    for (i, s) in r.speakers.iter().enumerate() {
        let gender = s.gender.map_or("", |g| g.describe());
        let _ = write!(
            h,
            "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{gender}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td>",
            i + 1,
            wikidata(&s.speaker, s.entity_id.as_deref()),
            s.speaker_type,
            s.quotations,
            s.direct,
            s.mixed,
            s.indirect,
            s.documents,
            counted_list(&s.cues)
        );
        if grouped {
            let _ = write!(h, "<td>{}</td>", counted_list(&s.groups));
        }
        h.push_str("<td class=\"q\">");
        if !s.samples.is_empty() {
            let _ = write!(
                h,
                "<details><summary>{} sample(s)</summary>",
                s.samples.len()
            );
            for sample in &s.samples {
                let _ = write!(
                    h,
                    "<blockquote>{} <span class=\"tag {}\">{}</span> <span class=\"muted\">{}</span></blockquote>",
                    esc(&sample.text),
                    sample.kind,
                    sample.kind,
                    esc(&sample.document)
                );
            }
            h.push_str("</details>");
        }
        h.push_str("</td></tr>");
    }
    table_close(h);
    if r.cues.len() > 15 {
        let _ = write!(
            h,
            "<p class=\"muted\">More cues: {}</p>",
            counted_list(&r.cues[15.min(r.cues.len())..])
        );
    }
    h.push_str("</section>\n");
}

fn types(h: &mut String, r: &Report) {
    h.push_str(
        "<section id=\"types\"><h2>Speaker types</h2><p class=\"muted\">Who the quotations are \
         attributed to. Unnamed sources: a role without a name (“a spokesman”), an unnamed plural \
         (“officials”), a pronoun byline could not resolve.</p><div class=\"grid2\"><div>",
    );
    let rows: Vec<(String, Vec<u64>)> = r
        .speaker_types
        .iter()
        .map(|t| (t.speaker_type.to_owned(), vec![t.quotations]))
        .collect();
    bars(h, &rows, &["var(--direct)"], 150);
    h.push_str("</div><div>");
    table_open(
        h,
        "types-table",
        &["Type", "Quotations#", "Share#", "Most frequent wordings"],
        false,
    );
    for t in &r.speaker_types {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\" data-v=\"{}\">{:.1}%</td><td>{}</td></tr>",
            t.speaker_type,
            t.quotations,
            t.share,
            t.share * 100.0,
            counted_list(&t.examples)
        );
    }
    table_close(h);
    h.push_str("</div></div></section>\n");
}

fn gender(h: &mut String, r: &Report) {
    let g = &r.gender;
    let known = g.quotations_women + g.quotations_men;
    let _ = write!(
        h,
        "<section id=\"gender\"><h2>Gender of quoted people (estimated)</h2><p>Of the quotations \
         from named people whose first name allows an estimate, <b>{}</b> come from women and \
         <b>{}</b> from men ({} of {} quotations from named people could not be estimated). \
         Distinct people: {} women, {} men, {} unknown.</p>",
        pct(g.quotations_women, known),
        pct(g.quotations_men, known),
        num(g.quotations_unknown),
        num(known + g.quotations_unknown),
        num(g.people_women),
        num(g.people_men),
        num(g.people_unknown),
    );
    legend(h, &["women", "men", "unknown"], &GENDER_COLOURS);
    // Two charts, each to its own scale: people are far fewer than their quotations.
    h.push_str("<div class=\"grid2\"><div>");
    let quotes = vec![g.quotations_women, g.quotations_men, g.quotations_unknown];
    bars(h, &[("quotations".to_owned(), quotes)], &GENDER_COLOURS, 90);
    h.push_str("</div><div>");
    let people = vec![g.people_women, g.people_men, g.people_unknown];
    bars(h, &[("people".to_owned(), people)], &GENDER_COLOURS, 90);
    h.push_str("</div></div>");
    let _ = write!(
        h,
        "<p class=\"note\"><b>Method and limits.</b> {}</p></section>",
        esc(&g.method)
    );
}

fn entities(h: &mut String, r: &Report) {
    h.push_str(
        "<section id=\"entities\"><h2>Most named entities</h2><p class=\"muted\">Mentions by label \
         (the top of each label); filter by label, e.g. “PERSON”.</p>",
    );
    table_open(
        h,
        "entities-table",
        &["Label", "Entity", "Mentions#", "Documents#"],
        true,
    );
    for e in &r.entities {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            esc(&e.label),
            wikidata(&e.entity, e.entity_id.as_deref()),
            e.mentions,
            e.documents
        );
    }
    table_close(h);
    h.push_str(
        "<h3>Who talks about whom</h3><p class=\"muted\">Quotations of a named speaker that \
         mention an entity within the quoted content.</p>",
    );
    table_open(
        h,
        "pairs-table",
        &["Speaker", "Entity", "Label", "Quotations#"],
        true,
    );
    for p in &r.co_occurrence {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            wikidata(&p.speaker, p.speaker_id.as_deref()),
            wikidata(&p.entity, p.entity_id.as_deref()),
            esc(&p.label),
            p.quotations
        );
    }
    table_close(h);
    h.push_str("</section>\n");
}

fn recurring(h: &mut String, r: &Report) {
    h.push_str(
        "<section id=\"recurring\"><h2>Quotations that recur across documents</h2><p \
         class=\"muted\">The same words from the same speaker in more than one document, after \
         normalising case, punctuation and quote marks; near-duplicates (a word changed, a \
         sentence cut) are joined through MinHash over word 3-grams. Quotations of six words or \
         more.</p>",
    );
    if r.recurring.is_empty() {
        h.push_str("<p class=\"muted\">No quotation recurs.</p></section>\n");
        return;
    }
    let grouped = r.options.group_by.is_some();
    let dated = r.options.date_field.is_some();
    let mut heads = vec!["Speaker", "Quotation", "Documents#", "Variants#"];
    if grouped {
        heads.push("Groups#");
    }
    if dated {
        heads.push("First seen");
    }
    heads.push("First document");
    table_open(h, "recurring-table", &heads, true);
    for q in &r.recurring {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"q\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>",
            wikidata(
                if q.speaker.is_empty() {
                    "(no speaker)"
                } else {
                    &q.speaker
                },
                q.speaker_id.as_deref()
            ),
            esc(&q.text),
            q.documents,
            q.variants
        );
        if grouped {
            let plus = if q.more_groups { "+" } else { "" };
            let _ = write!(
                h,
                "<td class=\"n\" data-v=\"{}\" title=\"{}\">{}{plus}</td>",
                q.groups,
                esc(&q.group_values.join(", ")),
                q.groups
            );
        }
        if dated {
            let first = q.first_date.as_deref().unwrap_or("");
            let day = first
                .get(..10)
                .filter(|d| d.as_bytes().get(4) == Some(&b'-'))
                .unwrap_or(first);
            let _ = write!(h, "<td data-v=\"{}\">{}</td>", esc(first), esc(day));
        }
        let _ = write!(h, "<td>{}</td></tr>", esc(&q.first_document));
    }
    table_close(h);
    h.push_str("</section>\n");
}

fn groups(h: &mut String, r: &Report) {
    let field = esc(r.options.group_by.as_deref().unwrap_or(""));
    let _ = write!(
        h,
        "<section id=\"groups\"><h2>By {field}</h2><div class=\"grid2\"><div><h3>Quotations by kind</h3>"
    );
    legend(h, &["direct", "mixed", "indirect"], &KIND_COLOURS);
    let rows: Vec<(String, Vec<u64>)> = r
        .groups
        .iter()
        .take(20)
        .map(|g| (g.group.clone(), vec![g.direct, g.mixed, g.indirect]))
        .collect();
    bars(h, &rows, &KIND_COLOURS, 140);
    h.push_str("</div><div><h3>Quotations from named people, by estimated gender</h3>");
    legend(h, &["women", "men", "unknown"], &GENDER_COLOURS);
    let rows: Vec<(String, Vec<u64>)> = r
        .groups
        .iter()
        .take(20)
        .map(|g| (g.group.clone(), vec![g.women, g.men, g.gender_unknown]))
        .collect();
    bars(h, &rows, &GENDER_COLOURS, 140);
    h.push_str("</div></div>");
    table_open(
        h,
        "groups-table",
        &[
            &field,
            "Documents#",
            "Quotations#",
            "Direct#",
            "Mixed#",
            "Indirect#",
            "Named people#",
            "Unnamed sources#",
            "Women#",
            "Men#",
            "Women share#",
        ],
        true,
    );
    for g in &r.groups {
        let known = g.women + g.men;
        let share = if known == 0 {
            0.0
        } else {
            g.women as f64 / known as f64
        };
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\" data-v=\"{share}\">{}</td></tr>",
            esc(&g.group),
            g.documents,
            g.quotations,
            g.direct,
            g.mixed,
            g.indirect,
            g.named_person,
            g.unnamed,
            g.women,
            g.men,
            pct(g.women, known)
        );
    }
    table_close(h);
    h.push_str("</section>\n");
}

fn over_time(h: &mut String, r: &Report) {
    let field = esc(r.options.date_field.as_deref().unwrap_or(""));
    let _ = write!(h, "<section id=\"time\"><h2>Over time ({field})</h2>");
    // Days become months when there are too many to draw.
    let mut series: Vec<(String, u64, u64)> = Vec::new();
    let by_month = r.dates.len() > 92;
    for d in &r.dates {
        let key = if by_month {
            d.date.chars().take(7).collect()
        } else {
            d.date.clone()
        };
        match series.last_mut() {
            Some(last) if last.0 == key => {
                last.1 += d.documents;
                last.2 += d.quotations;
            }
            _ => series.push((key, d.documents, d.quotations)),
        }
    }
    if series.is_empty() {
        let _ = write!(
            h,
            "<p class=\"muted\">No document has a date in the field “{field}”.</p></section>"
        );
        return;
    }
    let (width, height, left, bottom) = (1100u32, 220u32, 50u32, 40u32);
    let max = series.iter().map(|s| s.2).max().unwrap_or(0).max(1);
    let step = f64::from(width - left - 10) / series.len() as f64;
    let plot_h = f64::from(height - bottom - 10);
    let _ = write!(
        h,
        "<p class=\"muted\">Quotations per {}; {} documents without a date.</p>\
         <svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" role=\"img\">\
         <text x=\"{}\" y=\"14\" text-anchor=\"end\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>",
        if by_month { "month" } else { "day" },
        num(r.corpus.undated_documents),
        left - 6,
        num(max),
        left - 6,
        height - bottom
    );
    let label_every = (series.len() / 12).max(1);
    for (i, (key, docs, quotes)) in series.iter().enumerate() {
        let bar_h = *quotes as f64 * plot_h / max as f64;
        let x = f64::from(left) + i as f64 * step;
        let _ = write!(
            h,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar_h:.1}\" fill=\"var(--direct)\">\
             <title>{}: {} quotations, {} documents</title></rect>",
            f64::from(height - bottom) - bar_h,
            (step * 0.8).max(1.0),
            esc(key),
            quotes,
            docs
        );
        if i % label_every == 0 {
            let _ = write!(
                h,
                "<text x=\"{x:.1}\" y=\"{}\">{}</text>",
                height - bottom + 16,
                esc(key)
            );
        }
    }
    h.push_str("</svg></section>\n");
}

fn quotations(h: &mut String, r: &Report) {
    let total = r.corpus.quotations;
    let _ = write!(h, "<section id=\"quotations\"><h2>Quotations</h2>");
    if total > r.quotations_shown {
        let _ = write!(
            h,
            "<p class=\"note\">The table holds the first {} of {} quotations, in input order \
             (<code>--max-rows</code> sets how many); every count above covers all of them.</p>",
            num(r.quotations_shown),
            num(total)
        );
    }
    let grouped = r.options.group_by.is_some();
    let mut heads = vec!["Speaker", "Type", "Kind", "Cue", "Text", "Document"];
    if grouped {
        heads.push("Group");
    }
    table_open(h, "quotations-table", &heads, true);
    for q in &r.quotations {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td><span class=\"tag {}\">{}</span></td><td>{}</td><td class=\"q\">{}</td><td>{}</td>",
            esc(&q.speaker),
            q.speaker_type,
            q.kind,
            q.kind,
            esc(&q.cue),
            esc(&q.text),
            esc(&q.document)
        );
        if grouped {
            let _ = write!(h, "<td>{}</td>", esc(q.group.as_deref().unwrap_or("")));
        }
        h.push_str("</tr>");
    }
    table_close(h);
    h.push_str("</section>\n");
}

fn notes(h: &mut String, r: &Report) {
    if r.notes.is_empty() && r.problems.is_empty() {
        return;
    }
    h.push_str("<section id=\"notes\"><h2>Notes</h2>");
    for n in &r.notes {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(n));
    }
    if !r.problems.is_empty() {
        let _ = write!(
            h,
            "<h3>Lines that could not be read ({} in all; the first are listed)</h3><ul>",
            num(r.corpus.unreadable_lines)
        );
        for p in &r.problems {
            let _ = write!(h, "<li>{}</li>", esc(p));
        }
        h.push_str("</ul>");
    }
    h.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_groups_digits() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(num(1234567), "1,234,567");
        assert_eq!(num(12), "12");
        assert_eq!(pct(1, 3), "33.3%");
    }
}

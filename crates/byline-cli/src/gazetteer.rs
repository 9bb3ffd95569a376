//! `byline gazetteer`: what a gazetteer holds, and what an alias names.

use std::collections::BTreeMap;
use std::sync::Arc;

use byline::{Gazetteer, Pipeline};
use serde::Serialize;

use crate::{status, GazetteerArgs};

fn load(args: &GazetteerArgs) -> Result<Arc<Gazetteer>, u8> {
    let mut builder = Pipeline::builder();
    builder.with_default(args.with_default).threads(1);
    for path in &args.gazetteer {
        builder.gazetteer_file(path);
    }
    match builder.build() {
        Ok(pipeline) => Ok(Arc::clone(pipeline.gazetteer())),
        Err(err) => {
            eprintln!("byline: {err}");
            Err(status::ERROR)
        }
    }
}

#[derive(Serialize)]
struct Stats {
    entries: usize,
    aliases: usize,
    with_wikidata_id: usize,
    labels: BTreeMap<&'static str, LabelStats>,
}

#[derive(Default, Serialize)]
struct LabelStats {
    entries: usize,
    aliases: usize,
}

/// Prints entries per label and alias counts.
pub(crate) fn stats(args: &GazetteerArgs) -> u8 {
    let gazetteer = match load(args) {
        Ok(g) => g,
        Err(code) => return code,
    };
    let mut stats = Stats {
        entries: 0,
        aliases: 0,
        with_wikidata_id: 0,
        labels: BTreeMap::new(),
    };
    for entry in gazetteer.entries() {
        stats.entries += 1;
        stats.aliases += entry.aliases.len();
        stats.with_wikidata_id += usize::from(entry.id.is_some());
        let label = stats.labels.entry(entry.label.as_str()).or_default();
        label.entries += 1;
        label.aliases += entry.aliases.len();
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&stats).expect("serialising counts does not fail")
        );
        return status::OK;
    }
    let source = if args.gazetteer.is_empty() {
        "embedded default gazetteer".to_owned()
    } else {
        let files: Vec<String> = args
            .gazetteer
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let default = if args.with_default {
            " + embedded default"
        } else {
            ""
        };
        format!("{}{default}", files.join(", "))
    };
    println!("{source}");
    println!(
        "  {} entries, {} aliases, {} with a Wikidata id",
        stats.entries, stats.aliases, stats.with_wikidata_id
    );
    println!("  {:<7} {:>9} {:>9}", "label", "entries", "aliases");
    for (label, s) in &stats.labels {
        println!("  {label:<7} {:>9} {:>9}", s.entries, s.aliases);
    }
    status::OK
}

#[derive(Serialize)]
struct Found<'a> {
    entity_id: Option<&'a str>,
    name: &'a str,
    label: &'static str,
    description: Option<&'a str>,
    /// The open dataset (embedded default) or the file the entry came from.
    source: Option<&'a str>,
    weight: f32,
    aliases: &'a [String],
}

/// Prints the entries `alias` names (after the matcher's normalisation), best first (highest
/// weight, then label), each with its description and its source.
pub(crate) fn lookup(alias: &str, args: &GazetteerArgs) -> u8 {
    let gazetteer = match load(args) {
        Ok(g) => g,
        Err(code) => return code,
    };
    let alias = alias.trim();
    let candidates = gazetteer.lookup(alias);
    let found: Vec<Found<'_>> = candidates
        .iter()
        .map(|&id| {
            let e = gazetteer.entry(id);
            Found {
                entity_id: e.id.as_deref(),
                name: &e.name,
                label: e.label.as_str(),
                description: e.description.as_deref(),
                source: gazetteer.source(id),
                weight: e.weight,
                aliases: &e.aliases,
            }
        })
        .collect();
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&found).expect("serialising entries does not fail")
        );
    } else if found.is_empty() {
        println!("no entry is named {alias:?}");
    } else {
        for (i, f) in found.iter().enumerate() {
            let qid = f.entity_id.unwrap_or("-");
            let description = f.description.map(|d| format!(", {d}")).unwrap_or_default();
            println!(
                "{}. {} [{}{description}] {qid} (weight {})",
                i + 1,
                f.name,
                f.label,
                f.weight
            );
            const SHOWN: usize = 12;
            let more = f.aliases.len().saturating_sub(SHOWN);
            let shown: Vec<&str> = f.aliases.iter().take(SHOWN).map(String::as_str).collect();
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            println!("   aliases: {}{more}", shown.join(", "));
            println!("   source: {}", f.source.unwrap_or("-"));
        }
    }
    if found.is_empty() {
        status::FAILED_DOCUMENTS
    } else {
        status::OK
    }
}

//! Builds a gazetteer from a list of names and times word-aligned matching over documents, for
//! `benches/scripts/compare_gazetteer.py`.
//!
//! `match_bench PATTERNS DOCS` reads one name a line from PATTERNS and one JSON string (a
//! document) a line from DOCS, and prints one JSON object: build and search seconds (CPU
//! time of the process, so that other work on the machine does not count), bytes searched,
//! matches, and the process's peak resident memory in MB.

use std::io::{BufRead, BufReader};

use byline_gazetteer::{Entry, Gazetteer, Label};

/// CPU time of this (single-threaded) process in seconds, from `/proc/self/schedstat`.
fn cpu_s() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/schedstat").unwrap_or_default();
    stat.split_whitespace()
        .next()
        .and_then(|ns| ns.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: match_bench PATTERNS DOCS");
        std::process::exit(2);
    }
    let open = |p: &str| {
        BufReader::new(std::fs::File::open(p).unwrap_or_else(|e| {
            eprintln!("{p}: {e}");
            std::process::exit(1)
        }))
    };
    let docs: Vec<String> = open(&args[2])
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<String>(&l).ok())
        .collect();
    let t = cpu_s();
    let patterns = open(&args[1]).lines().map_while(Result::ok);
    let gaz = Gazetteer::new(patterns.map(|p| Entry::new(p, Label::Misc))).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let build = cpu_s() - t;
    let t = cpu_s();
    let mut matches = 0usize;
    let mut bytes = 0usize;
    for d in &docs {
        matches += gaz.find(d).len();
        bytes += d.len();
    }
    let search = cpu_s() - t;
    println!(
        "{{\"build_s\": {build:.3}, \"search_s\": {search:.3}, \"bytes\": {bytes}, \
         \"matches\": {matches}, \"peak_rss_mb\": {:.1}, \"entries\": {}, \"gazetteer_mb\": {:.1}}}",
        peak_rss_mb(),
        gaz.len(),
        gaz.memory_usage() as f64 / 1e6
    );
}

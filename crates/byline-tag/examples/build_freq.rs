//! Builds the tagger's embedded word-frequency table from wordfreq's English list.
//!
//! ```text
//! python crates/byline-tag/scripts/export_wordfreq.py > /tmp/wordfreq_en.tsv
//! cargo run -p byline-tag --example build_freq -- /tmp/wordfreq_en.tsv crates/byline-tag/data/freq.bin
//! ```
//!
//! Retrain the models after rebuilding the table: its values are features.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(output)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: build_freq WORDLIST.tsv OUT.bin");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("build_freq: {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut words = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let parsed = line
            .split_once('\t')
            .and_then(|(w, z)| z.parse::<f32>().ok().map(|z| (w.to_string(), z)));
        match parsed {
            Some(entry) => words.push(entry),
            None => {
                eprintln!("build_freq: {input}:{}: expected WORD<TAB>ZIPF", n + 1);
                return ExitCode::FAILURE;
            }
        }
    }
    let bytes = byline_tag::frequency_table(&words, 17);
    if let Err(e) = std::fs::write(output, &bytes) {
        eprintln!("build_freq: {output}: {e}");
        return ExitCode::FAILURE;
    }
    println!("{} words, {} bytes", words.len(), bytes.len());
    ExitCode::SUCCESS
}

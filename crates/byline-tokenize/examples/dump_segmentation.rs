//! Writes every token, sentence and paragraph of some texts, one per line, so that the
//! segmentation of two builds of byline can be compared byte for byte (`cmp a.txt b.txt`).
//!
//! Usage: `cargo run --release -p byline-tokenize --example dump_segmentation -- [--custom] FILE...`
//!
//! `--custom` segments with user abbreviations and exceptions added (some of them odd on
//! purpose: a comma, a bullet, `AM`), so that the rules for user additions are compared too.
//! Each FILE is plain text, or JSON Lines whose `text` fields are documents. Every document is
//! segmented on its own, then all the documents of a file together, joined by blank lines (so
//! that evidence found across documents and paragraph rules are exercised as well). A line per
//! item: `T start end kind role` for a token, `S start end first_token end_token` for a
//! sentence, `P start end first_sentence end_sentence` for a paragraph, with byte offsets; a
//! `D` line names each document.

use std::io::{BufWriter, Write};

use byline_tokenize::{QuoteRole, Segmentation, Tokenizer};

mod common;

use common::load;

fn dump(out: &mut impl Write, name: &str, seg: &Segmentation) -> std::io::Result<()> {
    writeln!(out, "D {name}")?;
    for t in &seg.tokens {
        let role = match t.quote {
            None => "-",
            Some(QuoteRole::Opening) => "open",
            Some(QuoteRole::Closing) => "close",
            Some(QuoteRole::Ambiguous) => "ambiguous",
        };
        writeln!(
            out,
            "T {} {} {} {role}",
            t.span.start,
            t.span.end,
            t.kind.as_str()
        )?;
    }
    for s in &seg.sentences {
        writeln!(
            out,
            "S {} {} {} {}",
            s.span.start, s.span.end, s.tokens.start, s.tokens.end
        )?;
    }
    for p in &seg.paragraphs {
        writeln!(
            out,
            "P {} {} {} {}",
            p.span.start, p.span.end, p.sentences.start, p.sentences.end
        )?;
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let custom = args.iter().any(|a| a == "--custom");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if paths.is_empty() {
        eprintln!("usage: dump_segmentation [--custom] FILE...");
        std::process::exit(2);
    }
    let tokenizer = if custom {
        let mut builder = Tokenizer::builder();
        for a in ["Insp.", "Supt.", "approx.", "Sen.", "x.y.z."] {
            builder.abbreviation(a);
        }
        for e in [
            "C++", "Yahoo!", "E*Trade", ",", "\u{2022}", "AM", "U.S.", "a.m.", "no.", "--",
        ] {
            builder.exception(e);
        }
        builder.build()
    } else {
        Tokenizer::new()
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for path in &paths {
        let docs = match load(path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let mut written = Ok(());
        for (k, doc) in docs.iter().enumerate() {
            written = written
                .and_then(|()| dump(&mut out, &format!("{path}#{k}"), &tokenizer.segment(doc)));
        }
        if docs.len() > 1 {
            let joined = docs.join("\n\n");
            written = written.and_then(|()| {
                dump(
                    &mut out,
                    &format!("{path}#all"),
                    &tokenizer.segment(&joined),
                )
            });
        }
        if let Err(e) = written.and_then(|()| out.flush()) {
            eprintln!("writing the dump: {e}");
            std::process::exit(1);
        }
    }
}

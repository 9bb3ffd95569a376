//! The `byline` command: annotate news corpora with entities and attributed quotations.

fn main() {
    let _ = byline::Pipeline::new();
    eprintln!("byline: the annotate command is being built");
    std::process::exit(2);
}

//! How long the embedded default gazetteer takes to be ready, and its size. Times are wall
//! clock and, in brackets, CPU time of the process (which other work on the machine does not
//! inflate; Linux only).
//!
//! `cargo run --release -p byline-gazetteer --example load_time`

use std::time::Instant;

use byline_gazetteer::Gazetteer;

/// CPU time of this process's main thread in milliseconds, from `/proc/self/schedstat`.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/schedstat").unwrap_or_default();
    stat.split_whitespace()
        .next()
        .and_then(|ns| ns.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e6)
}

fn main() {
    let (t, c) = (Instant::now(), cpu_ms());
    let gaz = Gazetteer::embedded();
    let (ready, ready_cpu) = (t.elapsed(), cpu_ms() - c);
    let bytes = gaz.to_bytes();
    let (t, c) = (Instant::now(), cpu_ms());
    let again = Gazetteer::from_bytes(&bytes).expect("saved bytes load back");
    let (reload, reload_cpu) = (t.elapsed(), cpu_ms() - c);
    println!(
        "default gazetteer: {} entries, ready in {:.1} ms [{:.1} ms CPU] (from its {:.1} MB \
         compiled form again: {:.1} ms [{:.1} ms CPU]), {:.1} MB in memory",
        gaz.len(),
        ready.as_secs_f64() * 1e3,
        ready_cpu,
        bytes.len() as f64 / 1e6,
        reload.as_secs_f64() * 1e3,
        reload_cpu,
        again.memory_usage() as f64 / 1e6
    );
}

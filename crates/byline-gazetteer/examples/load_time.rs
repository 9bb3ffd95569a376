//! How long the embedded default gazetteer takes to be ready, and its size.
//!
//! `cargo run --release -p byline-gazetteer --example load_time`

use std::time::Instant;

use byline_gazetteer::Gazetteer;

fn main() {
    let t = Instant::now();
    let gaz = Gazetteer::embedded();
    let ready = t.elapsed();
    let bytes = gaz.to_bytes();
    let t = Instant::now();
    let again = Gazetteer::from_bytes(&bytes).expect("saved bytes load back");
    let reload = t.elapsed();
    println!(
        "default gazetteer: {} entries, ready in {:.1} ms (from its {:.1} MB compiled form again: \
         {:.1} ms), {:.1} MB in memory",
        gaz.len(),
        ready.as_secs_f64() * 1e3,
        bytes.len() as f64 / 1e6,
        reload.as_secs_f64() * 1e3,
        again.memory_usage() as f64 / 1e6
    );
}

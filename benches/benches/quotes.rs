//! Throughput benchmark of byline (quotes); filled in with its crate.

fn main() {}

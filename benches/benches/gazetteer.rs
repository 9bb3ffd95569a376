//! Throughput benchmark of byline (gazetteer); filled in with its crate.

fn main() {}

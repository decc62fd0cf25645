//! `eventlens-cli`: the engine from the command line.
fn main() {}

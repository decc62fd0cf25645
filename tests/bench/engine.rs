//! Engine benchmarks (synthetic data).
fn main() {}

//! `check` per application, natively. Run: `cargo bench --bench check`.

use divan::{black_box, Bencher};
use wengang_engine::{check, check_str, parse_application, submit, verify, Lang};

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

fn main() {
    divan::main();
}

/// Validate + decide + report, from a parsed application.
#[divan::bench]
fn check_parsed(bencher: Bencher) {
    let raw = parse_application(SAMPLE).expect("the sample parses");
    bencher.bench(|| check(black_box(&raw), Lang::Zh));
}

/// The same from JSON text, as the CLI and the bindings do.
#[divan::bench]
fn check_from_json(bencher: Bencher) {
    bencher.bench(|| check_str(black_box(SAMPLE), Lang::Zh));
}

/// Re-verifying an uploaded submission (parse, re-check, digest).
#[divan::bench]
fn verify_submission(bencher: Bencher) {
    let raw = parse_application(SAMPLE).expect("the sample parses");
    let text =
        serde_json::to_string(&submit(&raw).expect("the sample is valid")).expect("serialises");
    bencher.bench(|| verify(black_box(&text)));
}

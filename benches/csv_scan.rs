//! The hand-written CSV reader of `batch::csv` against the `csv` and
//! `csv-core` crates on the same generated file: every record split into
//! its fields and checked as UTF-8, which is what `wengang screen` needs
//! from a reader. Run: `cargo bench --bench csv_scan` (divan prints the
//! time per pass and the throughput in bytes/s).
//!
//! The input is `wengang gen --rows $CSV_BENCH_ROWS --seed 7` (default
//! 200,000 rows, about 69 MB; 2,000 when run once as a test), or the file
//! named by `CSV_BENCH_FILE`. Correctness on RFC 4180's edge cases is
//! `tests/csv_rfc4180.rs`.

use std::process::Command;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use wengang_engine::batch::csv::{records, Fields};

fn main() {
    divan::main();
}

/// The rows (the header dropped): whole records, as a screen chunk holds.
fn input() -> &'static [u8] {
    static INPUT: OnceLock<Vec<u8>> = OnceLock::new();
    INPUT.get_or_init(|| {
        let bytes = match std::env::var_os("CSV_BENCH_FILE") {
            Some(path) => std::fs::read(&path).expect("CSV_BENCH_FILE is readable"),
            None => {
                let test_mode = std::env::args().any(|a| a == "--test");
                let rows = std::env::var("CSV_BENCH_ROWS")
                    .unwrap_or_else(|_| if test_mode { "2000" } else { "200000" }.into());
                let out = Command::new(env!("CARGO_BIN_EXE_wengang"))
                    .args(["gen", "--rows", &rows, "--seed", "7"])
                    .output()
                    .expect("wengang gen runs");
                assert!(out.status.success(), "wengang gen failed");
                out.stdout
            }
        };
        let header_end = bytes.iter().position(|&b| b == b'\n').map_or(0, |p| p + 1);
        bytes[header_end..].to_vec()
    })
}

/// Fields in the whole input (each scanner's result is checked against it).
fn expected_fields() -> usize {
    static N: OnceLock<usize> = OnceLock::new();
    *N.get_or_init(|| ours_scan_and_parse(input()))
}

fn ours_scan_and_parse(buf: &[u8]) -> usize {
    let mut fields = Fields::default();
    let mut n = 0;
    for (_, range) in records(buf, 2) {
        fields.parse(&buf[range]).expect("generated rows parse");
        n += fields.iter().map(black_box).count();
    }
    n
}

/// `batch::csv`: the record scan (memchr for `"`/`\n`) then each record's
/// fields into one reused buffer, checked as UTF-8.
#[divan::bench]
fn ours(bencher: Bencher) {
    let buf = input();
    let expected = expected_fields();
    bencher
        .counter(BytesCount::new(buf.len()))
        .bench(|| assert_eq!(ours_scan_and_parse(black_box(buf)), expected));
}

/// Only `batch::csv::scan` (the reader thread's cut into records).
#[divan::bench]
fn ours_scan_only(bencher: Bencher) {
    let buf = input();
    bencher
        .counter(BytesCount::new(buf.len()))
        .bench(|| records(black_box(buf), 2).len());
}

/// The `csv` crate: a reused `StringRecord` (fields split and UTF-8 checked).
#[divan::bench]
fn csv_crate(bencher: Bencher) {
    let buf = input();
    let expected = expected_fields();
    bencher.counter(BytesCount::new(buf.len())).bench(|| {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(black_box(buf));
        let mut record = csv::StringRecord::new();
        let mut n = 0;
        while reader
            .read_record(&mut record)
            .expect("generated rows parse")
        {
            n += record.iter().map(black_box).count();
        }
        assert_eq!(n, expected);
    });
}

/// The `csv` crate without UTF-8 checking (`ByteRecord`): its floor.
#[divan::bench]
fn csv_crate_bytes(bencher: Bencher) {
    let buf = input();
    let expected = expected_fields();
    bencher.counter(BytesCount::new(buf.len())).bench(|| {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(black_box(buf));
        let mut record = csv::ByteRecord::new();
        let mut n = 0;
        while reader
            .read_byte_record(&mut record)
            .expect("generated rows parse")
        {
            n += record.iter().map(black_box).count();
        }
        assert_eq!(n, expected);
    });
}

/// `csv-core` directly over the buffer: field bytes and ends into reused
/// buffers, then each record's bytes checked as UTF-8 (as ours does).
#[divan::bench]
fn csv_core(bencher: Bencher) {
    let buf = input();
    let expected = expected_fields();
    bencher.counter(BytesCount::new(buf.len())).bench(|| {
        let mut reader = csv_core::Reader::new();
        let mut out = vec![0u8; 1 << 16];
        let mut ends = vec![0usize; 64];
        let mut input = black_box(buf);
        let mut n = 0;
        // A record cut by the end of the input continues where it stopped.
        let (mut outlen, mut endlen) = (0, 0);
        loop {
            let (result, read, written, nends) =
                reader.read_record(input, &mut out[outlen..], &mut ends[endlen..]);
            input = &input[read..];
            outlen += written;
            endlen += nends;
            let fields = endlen;
            match result {
                csv_core::ReadRecordResult::Record => {
                    (outlen, endlen) = (0, 0);
                    let used = ends[fields - 1];
                    let text = std::str::from_utf8(&out[..used]).expect("UTF-8");
                    let mut start = 0;
                    for &end in &ends[..fields] {
                        black_box(&text[start..end]);
                        start = end;
                        n += 1;
                    }
                }
                csv_core::ReadRecordResult::End => break,
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull
                | csv_core::ReadRecordResult::OutputEndsFull => panic!("a record over 64 KiB"),
            }
        }
        assert_eq!(n, expected);
    });
}

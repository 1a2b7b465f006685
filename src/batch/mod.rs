//! 批量预审 — batch pre-screening: many applications, one per row of a CSV
//! or JSON Lines file, each validated and decided by the same engine
//! functions as [`crate::report::check`].
//!
//! The library part is what one worker does to one chunk of a file (a run
//! of whole records), so it can be tested and fuzzed alone; the command
//! line (`wengang screen`) reads, splits, runs the workers in parallel and
//! writes the results in order.
//!
//! A CSV file has a header of dotted field paths (`applicant.credit_code`,
//! see [`Column`]); an empty cell is a missing value; a flag column takes
//! `true`/`false`; the hardship path is taken when any `hardship.*` cell
//! has a value. A JSON Lines file has one application per line, read as
//! `wengang check` reads a file.

pub mod cells;
pub mod columns;
pub mod csv;
pub mod report_html;
pub mod screen;
pub mod summary;
pub mod totals;
pub mod units;
#[cfg(not(target_arch = "wasm32"))]
pub mod workbook;
pub mod xml;
#[cfg(not(target_arch = "wasm32"))]
pub mod zip;

pub use cells::CellRows;
pub use columns::{Column, Header};
pub use csv::Malformed;
pub use screen::{REMINDER_HEADER, RESULT_HEADER};
pub use summary::{RowSummary, Summary};
pub use totals::{Duplicate, Totals};

use rust_decimal::Decimal;
use serde_json::Value;

use std::sync::Arc;

use crate::application::RawApplication;
use crate::assessment::{assess, Assessment};
use crate::bureau::Bureau;
use crate::refund::Route;

/// The longest record a reader takes (a 10 MB field fits; an unclosed
/// quote in a large file does not run away with the memory).
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// The kind of input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    JsonLines,
    /// An Excel workbook: one sheet's rows, read into [`CellRows`] and
    /// screened by [`Screener::screen_cells`] under a header as CSV's.
    Xlsx,
}

impl Format {
    /// By a file name's extension: `.jsonl`/`.ndjson` are JSON Lines,
    /// `.xlsx` a workbook, anything else CSV.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            Format::JsonLines
        } else if lower.ends_with(".xlsx") {
            Format::Xlsx
        } else {
            Format::Csv
        }
    }
}

/// How rows are read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The policy of rows that name none.
    pub default_policy: Option<String>,
    /// Stop at the first row that cannot be read.
    pub strict: bool,
}

/// Counts over the rows screened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Rows read (blank lines aside), including rejected ones.
    pub rows: u64,
    /// Rows that could not be read as an application (malformed).
    pub rejected: u64,
    /// Applications with an error-severity issue.
    pub invalid: u64,
    pub eligible: u64,
    pub not_eligible: u64,
    /// Valid but undecided (an unknown parameter).
    pub undecided: u64,
    /// Eligible refunds that go to government deliberation.
    pub government_review: u64,
    /// The sum of eligible refunds, yuan, exact.
    pub refund_total: Decimal,
    /// Rows whose credit code an earlier row already gave: not counted
    /// in any other figure (the first row counts). Counted by
    /// [`Totals`], never in a chunk's own stats.
    pub duplicates: u64,
}

impl Stats {
    pub fn add(&mut self, other: &Stats) {
        self.rows += other.rows;
        self.rejected += other.rejected;
        self.invalid += other.invalid;
        self.eligible += other.eligible;
        self.not_eligible += other.not_eligible;
        self.undecided += other.undecided;
        self.government_review += other.government_review;
        self.duplicates += other.duplicates;
        self.refund_total = self
            .refund_total
            .checked_add(other.refund_total)
            .unwrap_or(Decimal::MAX);
    }

    fn count(&mut self, a: &Assessment) {
        self.rows += 1;
        self.count_outcome(&Outcome::of(a));
    }

    /// Counts a screened row's outcome (not in `rows`: the caller does).
    pub fn count_outcome(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Invalid => self.invalid += 1,
            Outcome::Undecided => self.undecided += 1,
            Outcome::NotEligible => self.not_eligible += 1,
            Outcome::Eligible { refund, review } => {
                self.eligible += 1;
                if let Some(refund) = refund {
                    self.refund_total = self
                        .refund_total
                        .checked_add(*refund)
                        .unwrap_or(Decimal::MAX);
                }
                self.government_review += u64::from(*review);
            }
        }
    }
}

/// How a screened row counts in [`Stats`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Invalid,
    /// Valid but undecided (an unknown parameter).
    Undecided,
    NotEligible,
    /// Its refund (when the decision gives one) and whether it goes to
    /// government deliberation.
    Eligible {
        refund: Option<Decimal>,
        review: bool,
    },
}

impl Outcome {
    pub fn of(a: &Assessment) -> Outcome {
        let Some(d) = a.decision.as_ref().filter(|_| a.valid()) else {
            return if a.valid() {
                Outcome::Undecided
            } else {
                Outcome::Invalid
            };
        };
        match (d.eligible, d.payout()) {
            (Some(true), Some((refund, route))) => Outcome::Eligible {
                refund: Some(refund),
                review: route == Route::GovernmentReview,
            },
            (Some(true), None) => Outcome::Eligible {
                refund: None,
                review: false,
            },
            (Some(false), _) => Outcome::NotEligible,
            (None, _) => Outcome::Undecided,
        }
    }
}

/// A credit code as given, when it has the form of one (18 digits and
/// capital letters), packed into 94 bits for telling repeats apart; base
/// 36 over the whole set, so a code with a letter the standard excludes
/// is still matched with its repeats.
pub fn pack_credit_code(code: &str) -> Option<[u32; 3]> {
    let bytes = code.as_bytes();
    if bytes.len() != 18 {
        return None;
    }
    let mut halves = [0u64; 2];
    for (half, part) in halves.iter_mut().zip(bytes.chunks_exact(9)) {
        for &b in part {
            let v = match b {
                b'0'..=b'9' => b - b'0',
                b'A'..=b'Z' => b - b'A' + 10,
                _ => return None,
            };
            *half = *half * 36 + u64::from(v);
        }
    }
    // Each half is below 36^9 < 2^47.
    let [a, b] = halves;
    Some([
        (a >> 15) as u32,
        (((a & 0x7FFF) << 17) | (b >> 30)) as u32,
        (b & 0x3FFF_FFFF) as u32,
    ])
}

/// The credit code [`pack_credit_code`] packed.
pub fn unpack_credit_code(packed: [u32; 3]) -> String {
    let a = (u64::from(packed[0]) << 15) | (u64::from(packed[1]) >> 17);
    let b = ((u64::from(packed[1]) & 0x1_FFFF) << 30) | u64::from(packed[2]);
    let mut out = [0u8; 18];
    for (half, slot) in [a, b].into_iter().zip(out.chunks_exact_mut(9)) {
        let mut n = half;
        for place in slot.iter_mut().rev() {
            let v = (n % 36) as u8;
            *place = if v < 10 { b'0' + v } else { b'A' + v - 10 };
            n /= 36;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What the writer needs of one screened row to count it once, in input
/// order ([`Totals`]): a row repeating an earlier row's credit code is
/// flagged in the results, its reminder dropped, and it is left out of
/// every total.
#[derive(Debug, Clone)]
pub struct RowFact {
    pub line: u64,
    /// The credit code as given, packed ([`pack_credit_code`]).
    pub code: Option<[u32; 3]>,
    /// Where the row's result row ends in [`ChunkOutput::results`] (after its `\n`).
    pub result_end: u32,
    /// Its reminder row in [`ChunkOutput::reminders`], when it has one.
    pub reminder: Option<(u32, u32)>,
    pub outcome: Outcome,
}

/// A row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line of the file where the row starts.
    pub line: u64,
    pub reason: Malformed,
}

/// What screening a chunk produced.
#[derive(Debug, Clone, Default)]
pub struct ChunkOutput {
    /// Result rows (CSV, no header), one per row read.
    pub results: Vec<u8>,
    /// Reminder rows (CSV, no header), one per eligible row.
    pub reminders: Vec<u8>,
    pub stats: Stats,
    pub errors: Vec<RowError>,
    /// `true` when a strict run stopped in this chunk.
    pub stopped: bool,
    /// One fact per screened row (not per rejected one), in order.
    pub facts: Vec<RowFact>,
    /// The report's part of each fact, in the same order (a screener
    /// [`with_summary`](Screener::with_summary) only).
    pub summaries: Vec<RowSummary>,
    /// The text the summaries' ranges point into.
    pub summary_text: String,
    /// The line of the last row screened or rejected (0: none).
    pub last_line: u64,
}

impl ChunkOutput {
    pub fn clear(&mut self) {
        self.results.clear();
        self.reminders.clear();
        self.stats = Stats::default();
        self.errors.clear();
        self.stopped = false;
        self.facts.clear();
        self.summaries.clear();
        self.summary_text.clear();
        self.last_line = 0;
    }
}

/// One worker's state: the file's header and reusable buffers.
#[derive(Debug, Clone)]
pub struct Screener {
    format: Format,
    header: Header,
    options: Options,
    /// Reused from row to row, so filling it allocates nothing.
    raw: RawApplication,
    fields: csv::Fields,
    /// Gather each row's [`RowSummary`] (for `--report`).
    summarise: bool,
    /// The histogram bin of a zero layoff rate under the last threshold.
    zero_rate_bin: Option<(Decimal, usize)>,
    /// A bureau's run: each row is its record of a unit, joined to its
    /// months and lists ([`Screener::units`]).
    bureau: Option<Arc<Bureau>>,
}

impl Screener {
    /// A screener of CSV rows under `header`.
    pub fn csv(header: Header, options: Options) -> Screener {
        Screener {
            format: Format::Csv,
            header,
            options,
            raw: RawApplication::default(),
            fields: csv::Fields::default(),
            summarise: false,
            zero_rate_bin: None,
            bureau: None,
        }
    }

    /// The same screener, reading each row as the bureau's record of a
    /// unit (免申即享): its months and lists from `bureau`, nothing asked
    /// that only an applicant gives; result and reminder rows as
    /// [`units`] writes them.
    pub fn units(mut self, bureau: Arc<Bureau>) -> Screener {
        self.bureau = Some(bureau);
        self
    }

    /// A screener of a spreadsheet's rows ([`CellRows`]) under `header`.
    pub fn cells(header: Header, options: Options) -> Screener {
        Screener {
            format: Format::Xlsx,
            ..Screener::csv(header, options)
        }
    }

    /// The same screener, also filling each chunk's [`Summary`].
    pub fn with_summary(mut self) -> Screener {
        self.summarise = true;
        self
    }

    /// A screener of JSON Lines rows.
    pub fn json_lines(options: Options) -> Screener {
        Screener {
            format: Format::JsonLines,
            header: Header::new([]),
            options,
            raw: RawApplication::default(),
            fields: csv::Fields::default(),
            summarise: false,
            zero_rate_bin: None,
            bureau: None,
        }
    }

    /// Screens every row of `chunk` (whole records; its first one starts
    /// on `first_line`), appending to `out`.
    pub fn screen_chunk(&mut self, chunk: &[u8], first_line: u64, out: &mut ChunkOutput) {
        match self.format {
            // A spreadsheet comes as cells, not bytes (`screen_cells`).
            Format::Xlsx => {}
            Format::Csv => {
                for (line, range) in csv::records(chunk, first_line) {
                    let record = &chunk[range.clone()];
                    if csv::is_blank(record) {
                        continue;
                    }
                    let result = self.csv_row(record);
                    // A quote never closed runs to the end of the chunk
                    // (the reader cuts chunks only where records end, so
                    // this is the end of the input): only its first line
                    // is refused, and the lines after it are read as rows
                    // again instead of vanishing into one field.
                    let reread = match &result {
                        Err(Malformed::UnclosedQuote { .. }) => memchr::memchr(b'\n', record),
                        _ => None,
                    };
                    if !self.finish_row(line, result, out) {
                        return;
                    }
                    if let Some(newline) = reread {
                        let rest = range.start + newline + 1;
                        self.screen_chunk(&chunk[rest..], line + 1, out);
                        return;
                    }
                }
            }
            Format::JsonLines => {
                for (this, record) in (first_line..).zip(chunk.split(|&b| b == b'\n')) {
                    if record.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let result = self.json_row(record);
                    if !self.finish_row(this, result, out) {
                        return;
                    }
                }
            }
        }
    }

    /// Screens every row of a spreadsheet's chunk (each row has as many
    /// cells as the header), appending to `out`.
    pub fn screen_cells(&mut self, rows: &CellRows, out: &mut ChunkOutput) {
        for (line, row) in rows.rows() {
            let result = match row {
                Ok(cells) if cells.len() == self.header.slots.len() => {
                    self.fill(cells.iter());
                    Ok(())
                }
                Ok(cells) => Err(Malformed::FieldCount {
                    found: cells.len(),
                    expected: self.header.slots.len(),
                }),
                Err(reason) => Err(reason.clone()),
            };
            if !self.finish_row(line, result, out) {
                return;
            }
        }
    }

    /// Reports a row the reader could not hand over (a record longer than
    /// [`MAX_RECORD_BYTES`], skipped): a result row `row:malformed`, as
    /// for any unreadable row. `false`: stop (strict).
    pub fn reject(&mut self, line: u64, reason: Malformed, out: &mut ChunkOutput) -> bool {
        self.finish_row(line, Err(reason), out)
    }

    /// Screens a row that was read, or reports one that was not. `false`:
    /// stop (strict).
    fn finish_row(
        &mut self,
        line: u64,
        read: Result<(), Malformed>,
        out: &mut ChunkOutput,
    ) -> bool {
        out.last_line = line;
        match read {
            Ok(()) => {
                let a = match &self.bureau {
                    Some(bureau) => bureau.assess(&mut self.raw),
                    None => assess(&self.raw),
                };
                out.stats.count(&a);
                let clean = a.validation.issues.is_empty();
                let code = screen::given_in(self.raw.applicant.credit_code.raw(), clean);
                let name = screen::given_in(self.raw.applicant.name.raw(), clean);
                match &self.bureau {
                    Some(bureau) => {
                        units::write_unit_result(&mut out.results, line, code, name, &a, bureau)
                    }
                    None => screen::write_result_of(&mut out.results, line, code, name, &a),
                }
                if self.summarise {
                    let summary = RowSummary::of(
                        code,
                        name,
                        &a,
                        &mut out.summary_text,
                        &mut self.zero_rate_bin,
                    );
                    out.summaries.push(summary);
                }
                // A chunk is a few MiB (a record at most 64 MiB): its
                // offsets fit in 32 bits.
                let offset = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                let start = out.reminders.len();
                let reminded = match &self.bureau {
                    // A bureau calls the units just above the standard.
                    Some(_) => units::near_threshold(&a)
                        .map(|near| {
                            units::write_unit_reminder(&mut out.reminders, code, name, near)
                        })
                        .is_some(),
                    None => screen::reminder_refund(&a)
                        .map(|refund| {
                            screen::write_reminder_of(
                                &mut out.reminders,
                                code,
                                name,
                                &self.raw,
                                refund,
                            )
                        })
                        .is_some(),
                };
                let reminder = reminded.then(|| (offset(start), offset(out.reminders.len())));
                out.facts.push(RowFact {
                    line,
                    code: pack_credit_code(code),
                    result_end: offset(out.results.len()),
                    reminder,
                    outcome: Outcome::of(&a),
                });
                true
            }
            Err(reason) => {
                out.stats.rows += 1;
                out.stats.rejected += 1;
                if self.options.strict {
                    out.stopped = true;
                } else {
                    screen::write_rejected(&mut out.results, line, &reason.to_string());
                }
                out.errors.push(RowError { line, reason });
                !self.options.strict
            }
        }
    }

    /// Fills the reusable application from a CSV record.
    fn csv_row(&mut self, record: &[u8]) -> Result<(), Malformed> {
        self.fields.parse(record)?;
        let expected = self.header.slots.len();
        if self.fields.len() != expected {
            return Err(Malformed::FieldCount {
                found: self.fields.len(),
                expected,
            });
        }
        // `fill` borrows `self` whole: the fields are moved out and back
        // (no copy, no allocation).
        let fields = std::mem::take(&mut self.fields);
        self.fill(fields.iter());
        self.fields = fields;
        Ok(())
    }

    /// Fills the reusable application from one cell per header slot.
    fn fill<'a>(&mut self, cells: impl Iterator<Item = &'a str>) {
        self.raw.hardship = None;
        // A unit's months come from its own cells or from the months
        // file, never from the row before.
        if self.bureau.is_some() {
            *self.raw.insured.months.raw_mut() = Value::Null;
        }
        for (slot, cell) in self.header.slots.iter().zip(cells) {
            let Some(column) = slot else { continue };
            if column.is_hardship() && cell.is_empty() {
                continue;
            }
            columns::set_leaf(column.raw_mut(&mut self.raw), column.kind(), cell);
        }
        self.default_policy();
    }

    /// Reads a JSON Lines record as `wengang check` reads a file.
    fn json_row(&mut self, record: &[u8]) -> Result<(), Malformed> {
        let text = std::str::from_utf8(record).map_err(|_| csv::not_utf8(1, record))?;
        self.raw = crate::application::parse_application(text).map_err(|e| Malformed::Json {
            message: e.to_string(),
        })?;
        self.default_policy();
        Ok(())
    }

    fn default_policy(&mut self) {
        if let Some(policy) = &self.options.default_policy {
            let leaf = &mut self.raw.policy.0;
            let blank = match leaf {
                Value::Null => true,
                Value::String(s) => s.trim().is_empty(),
                _ => false,
            };
            if blank {
                *leaf = Value::String(policy.clone());
            }
        }
    }
}

/// Reads the header record at the start of a CSV file: the header and the
/// number of bytes it took (with its newline), or why it cannot be read.
/// `Ok(None)`: no complete header yet in `bytes` (and not at the end).
pub fn read_header(bytes: &[u8], at_end: bool) -> Result<Option<(Header, usize)>, Malformed> {
    let mut state = csv::ScanState::Outside;
    let mut end = None;
    csv::scan(bytes, 0, &mut state, |p, ends| {
        if ends && end.is_none() {
            end = Some(p);
        }
    });
    let (record, used) = match end {
        Some(p) => (&bytes[..p], p + 1),
        None if at_end => (bytes, bytes.len()),
        None => return Ok(None),
    };
    let mut fields = csv::Fields::default();
    fields.parse(record)?;
    Ok(Some((Header::new(fields.iter()), used)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::from_path("a.JSONL"), Format::JsonLines);
        assert_eq!(Format::from_path("a.ndjson"), Format::JsonLines);
        assert_eq!(Format::from_path("a.csv"), Format::Csv);
        assert_eq!(Format::from_path("-"), Format::Csv);
    }

    #[test]
    fn credit_codes_pack_and_unpack() {
        for code in [
            "91320594MA1MXL2K87",
            "000000000000000000",
            "ZZZZZZZZZZZZZZZZZZ",
        ] {
            let packed = pack_credit_code(code).unwrap();
            assert_eq!(unpack_credit_code(packed), code);
        }
        assert_ne!(
            pack_credit_code("91320594MA1MXL2K87"),
            pack_credit_code("91320594MA1MXL2K88")
        );
        for bad in [
            "",
            "91320594ma1mxl2k87",
            "91320594MA1MXL2K8",
            "91320594MA1MXL2K877",
            "９1320594MA1MXL2K8",
        ] {
            assert_eq!(pack_credit_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_bad_row_is_reported_and_the_next_one_screened() {
        let (header, used) = read_header(b"policy,applicant.name\nx", false)
            .unwrap()
            .unwrap();
        assert_eq!(used, 22);
        let mut s = Screener::csv(header, Options::default());
        let mut out = ChunkOutput::default();
        s.screen_chunk(b"a,b,c\n\"x\"y,z\ncn-2019,n\n", 2, &mut out);
        assert_eq!(out.stats.rows, 3);
        assert_eq!(out.stats.rejected, 2);
        assert_eq!(out.errors[0].line, 2);
        assert_eq!(out.errors[1].line, 3);
        let text = String::from_utf8(out.results).unwrap();
        assert!(text.starts_with("2,,,false,"), "{text}");
        assert!(text.contains("\n4,,n,false,"), "{text}");
    }
}

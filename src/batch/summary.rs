//! 汇总 — the figures of `wengang screen --report`, gathered as the rows
//! are screened: each worker fills one [`Summary`] per chunk beside its
//! [`Stats`](super::Stats), and the writer merges them in input order.
//!
//! Everything is small and fixed in size whatever the file's length:
//! counters by bucket, sums by route and rate class, a map by division
//! code (capped at [`MAX_DIVISIONS`] codes), a map by issue (bounded by
//! the schema's fields and the issue codes) and the [`TOP`] largest
//! refunds. Money is summed exactly in decimal.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for six-digit division codes held as numbers: one multiply
/// (SipHash, the default, is made for untrusted keys of any length and
/// cost a noticeable share of the report's time; these keys are at most
/// a million values and capped at [`MAX_DIVISIONS`] entries).
#[derive(Debug, Clone, Copy, Default)]
pub struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(*b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (u64::from(n) ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::eligibility::LayoffRate;
use crate::policy::{Comparison, RateClass};
use crate::refund::Route;
use crate::validate::Severity;

/// How many of the largest refunds are kept.
pub const TOP: usize = 20;
/// Histogram bins of (layoff rate − threshold), one percentage point each,
/// from `-BINS_EACH_SIDE` pp up to `BINS_EACH_SIDE` pp; values beyond fall
/// into the two open-ended bins at either end.
pub const BINS_EACH_SIDE: i64 = 10;
/// The number of histogram bins (the open-ended ones included).
pub const BINS: usize = (2 * BINS_EACH_SIDE + 2) as usize;
/// Distinct division codes kept; rows of further codes are counted under
/// [`Summary::unplaced`] (only a hostile file has so many).
pub const MAX_DIVISIONS: usize = 10_000;
/// Distinct issues kept (the schema's fields times the issue codes stay
/// far below); any further one is counted under [`OTHER_ISSUES`].
pub const MAX_ISSUES: usize = 4096;
/// The key further issues are counted under.
pub const OTHER_ISSUES: &str = "*:other";

/// "Worth a call": a rate that misses the threshold by at most this
/// (0.5 percentage points, as a ratio).
pub fn near_miss() -> Decimal {
    Decimal::new(5, 3)
}

/// Count and refund of a group of rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Rows screened (valid or not; unreadable rows have no credit code).
    pub rows: u64,
    /// Valid, eligible rows.
    pub eligible: u64,
    /// The sum of their refunds, yuan, exact.
    pub refund: Decimal,
}

impl Tally {
    pub fn add(&mut self, other: &Tally) {
        self.rows += other.rows;
        self.eligible += other.eligible;
        self.refund = add_money(self.refund, other.refund);
    }

    fn count(&mut self, refund: Option<Decimal>) {
        self.rows += 1;
        if let Some(r) = refund {
            self.eligible += 1;
            self.refund = add_money(self.refund, r);
        }
    }
}

/// One of the largest refunds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopRefund {
    pub refund: Decimal,
    /// The input line the row starts on.
    pub line: u64,
    pub name: String,
    pub credit_code: String,
}

impl TopRefund {
    /// Larger refund first; on equal refunds the earlier line.
    fn rank(&self, other: &TopRefund) -> Ordering {
        self.refund
            .cmp(&other.refund)
            .then_with(|| other.line.cmp(&self.line))
    }
}

/// By [`TopRefund::rank`]: greater is better.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ranked(TopRefund);

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.rank(&other.0)
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The report's figures over the rows screened so far.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Eligible refunds by route: standard, government review.
    pub standard: Tally,
    pub government_review: Tally,
    /// Eligible refunds by rate class: large, SME, none known.
    pub large: Tally,
    pub sme: Tally,
    pub no_class: Tally,
    /// Valid rows with a known layoff rate and threshold, by
    /// ⌊(rate − threshold) in percentage points⌋: bin 0 is below
    /// `-BINS_EACH_SIDE` pp, bin `i` (1..BINS-1) is
    /// `[i - 1 - BINS_EACH_SIDE, i - BINS_EACH_SIDE)` pp, the last is
    /// `BINS_EACH_SIDE` pp and above.
    pub histogram: [u64; BINS],
    /// Valid rows whose rate misses the threshold by at most 0.5 pp.
    pub near_miss: u64,
    /// Rows by the division code in positions 3–8 of the credit code.
    pub divisions: HashMap<u32, Tally, BuildHasherDefault<CodeHasher>>,
    /// Rows whose credit code gives no division code (or beyond
    /// [`MAX_DIVISIONS`] codes).
    pub unplaced: Tally,
    /// Error-severity issues of invalid rows, by `field:code` (as the
    /// results' `issues` column writes them).
    pub issues: HashMap<String, u64>,
    /// The largest refunds (at most [`TOP`]), kept as a min-heap.
    top: BinaryHeap<Reverse<Ranked>>,
    /// Reused for issue keys.
    scratch: String,
    /// The bin of a zero rate under the last threshold seen.
    zero_rate_bin: Option<(Decimal, usize)>,
}

/// What the report needs of one screened row, gathered by the worker that
/// screens it and counted by the writer in input order (so a row whose
/// credit code came earlier is left out of every figure).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowSummary {
    /// The division code of positions 3–8 of the credit code.
    pub division: Option<u32>,
    /// A valid, eligible row's refund, route and rate class.
    pub paid: Option<(Decimal, Route, Option<RateClass>)>,
    /// The histogram bin of (rate − threshold), when both are known.
    pub bin: Option<u8>,
    /// The rate misses the threshold by at most 0.5 pp.
    pub near_miss: bool,
    /// Name and credit code (an eligible row's) in the chunk's text.
    pub name: std::ops::Range<usize>,
    pub credit_code: std::ops::Range<usize>,
    /// An invalid row's error issues as `field:code` lines in the text.
    pub issues: std::ops::Range<usize>,
}

/// The division code in positions 3–8 of a credit code.
fn division_of(credit_code: &str) -> Option<u32> {
    credit_code.as_bytes().get(2..8).and_then(|digits| {
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    })
}

impl RowSummary {
    /// Gathers one row; names and issue keys are appended to `text`, and
    /// `zero_rate_bin` remembers the bin of a zero rate (most rows) under
    /// the last threshold seen.
    pub fn of(
        credit_code: &str,
        name: &str,
        a: &Assessment,
        text: &mut String,
        zero_rate_bin: &mut Option<(Decimal, usize)>,
    ) -> RowSummary {
        let mut row = RowSummary {
            division: division_of(credit_code),
            ..RowSummary::default()
        };
        let decision = a.decision.as_ref().filter(|_| a.valid());
        if let Some(d) = decision {
            if let Some((refund, route)) = d.payout().filter(|_| d.eligible == Some(true)) {
                row.paid = Some((refund, route, d.rate_class));
                let start = text.len();
                text.push_str(name);
                row.name = start..text.len();
                text.push_str(credit_code);
                row.credit_code = row.name.end..text.len();
            }
            if let (Some(layoff), Some(threshold)) = (&d.layoff, d.threshold.value) {
                if let Some((bin, near)) =
                    place_rate(layoff, threshold, d.threshold.comparison, zero_rate_bin)
                {
                    row.bin = u8::try_from(bin).ok();
                    row.near_miss = near;
                }
            }
        }
        if !a.valid() {
            let start = text.len();
            for issue in &a.validation.issues {
                if issue.severity() != Severity::Error {
                    continue;
                }
                text.push_str(&issue.field);
                text.push(':');
                text.push_str(issue.kind.code());
                text.push('\n');
            }
            row.issues = start..text.len();
        }
        row
    }
}

/// A layoff rate against its threshold: the histogram bin and whether it
/// is a near miss (`None` when the difference cannot be computed).
fn place_rate(
    layoff: &LayoffRate,
    threshold: Decimal,
    cmp: Option<Comparison>,
    zero_rate_bin: &mut Option<(Decimal, usize)>,
) -> Option<(usize, bool)> {
    // No layoffs (most rows): the bin of −threshold, remembered.
    if layoff.rate.is_zero() {
        let bin = match *zero_rate_bin {
            Some((t, bin)) if t == threshold => bin,
            _ => {
                let bin = bin_of(-threshold);
                *zero_rate_bin = Some((threshold, bin));
                bin
            }
        };
        let near = (threshold.is_sign_negative() || threshold.is_zero())
            && near_miss_of(layoff, threshold, -threshold, cmp);
        return Some((bin, near));
    }
    let difference = layoff.rate.checked_sub(threshold)?;
    Some((
        bin_of(difference),
        near_miss_of(layoff, threshold, difference, cmp),
    ))
}

fn near_miss_of(
    layoff: &LayoffRate,
    threshold: Decimal,
    difference: Decimal,
    cmp: Option<Comparison>,
) -> bool {
    // Compared exactly only near the threshold (a few rows).
    if difference.is_sign_negative() && !difference.is_zero() || difference > near_miss() {
        return false;
    }
    cmp.and_then(|c| layoff.meets(c, threshold)) == Some(false)
}

/// The histogram bin of a difference (a ratio).
pub fn bin_of(difference: Decimal) -> usize {
    // ⌊difference × 100⌋ on the mantissa: × 100 is the scale less two,
    // the floor a Euclidean division (cheaper than Decimal's mul and floor).
    let mantissa = difference.mantissa();
    let shift = i64::from(difference.scale()) - 2;
    let pp = if shift <= 0 {
        10i128
            .checked_pow(u32::try_from(-shift).unwrap_or(u32::MAX))
            .and_then(|p| mantissa.checked_mul(p))
    } else {
        10i128
            .checked_pow(u32::try_from(shift).unwrap_or(u32::MAX))
            .map(|p| mantissa.div_euclid(p))
    };
    let index = match pp {
        Some(pp) => {
            pp.clamp(-i128::from(BINS_EACH_SIDE) - 1, i128::from(BINS_EACH_SIDE))
                + i128::from(BINS_EACH_SIDE)
                + 1
        }
        None if mantissa < 0 => 0,
        None => BINS as i128 - 1,
    };
    usize::try_from(index).unwrap_or(0).min(BINS - 1)
}

/// The lower bound of a bin in percentage points (`None` for the first,
/// open-ended one).
pub fn bin_start(bin: usize) -> Option<i64> {
    let bin = i64::try_from(bin).ok()?;
    (bin > 0).then_some(bin - 1 - BINS_EACH_SIDE)
}

/// Adds `n` to an issue's count (allocating only for a new key).
fn count_issue(issues: &mut HashMap<String, u64>, key: &str, n: u64) {
    if let Some(count) = issues.get_mut(key) {
        *count += n;
    } else if issues.len() < MAX_ISSUES {
        issues.insert(key.to_owned(), n);
    } else {
        *issues.entry(OTHER_ISSUES.to_owned()).or_default() += n;
    }
}

fn add_money(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(Decimal::MAX)
}

impl Summary {
    pub fn clear(&mut self) {
        let scratch = std::mem::take(&mut self.scratch);
        let mut divisions = std::mem::take(&mut self.divisions);
        let mut issues = std::mem::take(&mut self.issues);
        let mut top = std::mem::take(&mut self.top);
        divisions.clear();
        issues.clear();
        top.clear();
        *self = Summary {
            divisions,
            issues,
            top,
            scratch,
            ..Summary::default()
        };
    }

    /// Counts one screened row (not an unreadable one).
    pub fn count(&mut self, line: u64, credit_code: &str, name: &str, a: &Assessment) {
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        let mut zero_rate_bin = self.zero_rate_bin;
        let row = RowSummary::of(credit_code, name, a, &mut text, &mut zero_rate_bin);
        self.zero_rate_bin = zero_rate_bin;
        self.count_row(line, &row, &text);
        self.scratch = text;
    }

    /// Counts one screened row from what the worker gathered of it
    /// ([`RowSummary::of`]); `text` holds its names and issue keys.
    pub fn count_row(&mut self, line: u64, row: &RowSummary, text: &str) {
        let at = |r: &std::ops::Range<usize>| text.get(r.clone()).unwrap_or("");
        let refund = row.paid.map(|(r, _, _)| r);
        self.count_division(row.division, refund);
        if let Some((refund, route, class)) = row.paid {
            match route {
                Route::GovernmentReview => self.government_review.count(Some(refund)),
                Route::Standard | Route::None => self.standard.count(Some(refund)),
            }
            match class {
                Some(RateClass::Large) => self.large.count(Some(refund)),
                Some(RateClass::Sme) => self.sme.count(Some(refund)),
                None => self.no_class.count(Some(refund)),
            }
            self.offer(refund, line, at(&row.name), at(&row.credit_code));
        }
        if let Some(bin) = row.bin {
            self.histogram[usize::from(bin)] += 1;
        }
        self.near_miss += u64::from(row.near_miss);
        for key in at(&row.issues).split('\n').filter(|k| !k.is_empty()) {
            count_issue(&mut self.issues, key, 1);
        }
    }

    fn count_division(&mut self, code: Option<u32>, refund: Option<Decimal>) {
        let tally = match code {
            Some(code) if self.divisions.len() < MAX_DIVISIONS => {
                self.divisions.entry(code).or_default()
            }
            Some(code) => match self.divisions.get_mut(&code) {
                Some(t) => t,
                None => &mut self.unplaced,
            },
            None => &mut self.unplaced,
        };
        tally.count(refund);
    }

    /// Keeps a refund if it is among the [`TOP`] largest so far.
    fn offer(&mut self, refund: Decimal, line: u64, name: &str, credit_code: &str) {
        if self.top.len() >= TOP {
            let Some(Reverse(worst)) = self.top.peek() else {
                return;
            };
            let beats = refund
                .cmp(&worst.0.refund)
                .then_with(|| worst.0.line.cmp(&line));
            if beats != Ordering::Greater {
                return;
            }
            self.top.pop();
        }
        self.top.push(Reverse(Ranked(TopRefund {
            refund,
            line,
            name: name.to_owned(),
            credit_code: credit_code.to_owned(),
        })));
    }

    fn offer_entry(&mut self, entry: &TopRefund) {
        self.offer(entry.refund, entry.line, &entry.name, &entry.credit_code);
    }

    /// Adds another chunk's figures.
    pub fn add(&mut self, other: &Summary) {
        self.standard.add(&other.standard);
        self.government_review.add(&other.government_review);
        self.large.add(&other.large);
        self.sme.add(&other.sme);
        self.no_class.add(&other.no_class);
        for (mine, theirs) in self.histogram.iter_mut().zip(other.histogram.iter()) {
            *mine += theirs;
        }
        self.near_miss += other.near_miss;
        for (code, tally) in &other.divisions {
            let room = self.divisions.len() < MAX_DIVISIONS;
            match self.divisions.get_mut(code) {
                Some(t) => t.add(tally),
                None if room => {
                    self.divisions.insert(*code, *tally);
                }
                None => self.unplaced.add(tally),
            }
        }
        self.unplaced.add(&other.unplaced);
        for (key, n) in &other.issues {
            count_issue(&mut self.issues, key, *n);
        }
        for Reverse(Ranked(entry)) in other.top.iter() {
            self.offer_entry(entry);
        }
    }

    /// The largest refunds, largest first (equal ones by line).
    pub fn top(&self) -> Vec<&TopRefund> {
        let mut top: Vec<&TopRefund> = self.top.iter().map(|Reverse(Ranked(t))| t).collect();
        top.sort_by(|a, b| b.rank(a));
        top
    }

    /// The most frequent issues, most first (equal ones by key), at most `n`.
    pub fn top_issues(&self, n: usize) -> Vec<(&str, u64)> {
        let mut all: Vec<(&str, u64)> = self.issues.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        all.truncate(n);
        all
    }

    /// Rows in the histogram (valid rows with a known rate and threshold).
    pub fn placed_against_threshold(&self) -> u64 {
        self.histogram.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_are_whole_percentage_points_with_open_ends() {
        assert_eq!(bin_of(Decimal::ZERO), 11);
        assert_eq!(bin_of(Decimal::new(4, 3)), 11);
        assert_eq!(bin_of(Decimal::new(-1, 4)), 10);
        assert_eq!(bin_of(Decimal::new(-10, 2)), 1);
        assert_eq!(bin_of(Decimal::new(-1001, 4)), 0);
        assert_eq!(bin_of(Decimal::new(10, 2)), BINS - 1);
        assert_eq!(bin_of(Decimal::MAX), BINS - 1);
        assert_eq!(bin_of(Decimal::MIN), 0);
        assert_eq!(bin_start(0), None);
        assert_eq!(bin_start(1), Some(-10));
        assert_eq!(bin_start(11), Some(0));
        assert_eq!(bin_start(BINS - 1), Some(10));
    }

    #[test]
    fn the_top_keeps_the_largest_and_merges_in_any_split() {
        let refunds: Vec<i64> = (0..100).map(|i| (i * 37) % 101).collect();
        let mut whole = Summary::default();
        for (line, r) in refunds.iter().enumerate() {
            whole.offer(Decimal::from(*r), line as u64, "n", "c");
        }
        let mut merged = Summary::default();
        for part in refunds.chunks(7).enumerate() {
            let mut s = Summary::default();
            for (i, r) in part.1.iter().enumerate() {
                s.offer(Decimal::from(*r), (part.0 * 7 + i) as u64, "n", "c");
            }
            merged.add(&s);
        }
        let top: Vec<Decimal> = whole.top().iter().map(|t| t.refund).collect();
        let mut expected: Vec<Decimal> = refunds.iter().map(|r| Decimal::from(*r)).collect();
        expected.sort_by(|a, b| b.cmp(a));
        expected.truncate(TOP);
        assert_eq!(top, expected);
        assert_eq!(whole.top(), merged.top());
    }

    #[test]
    fn equal_refunds_keep_the_earlier_lines() {
        let mut s = Summary::default();
        for line in (0..30).rev() {
            s.offer(Decimal::ONE, line, "n", "c");
        }
        let lines: Vec<u64> = s.top().iter().map(|t| t.line).collect();
        assert_eq!(lines, (0..20).collect::<Vec<u64>>());
    }

    #[test]
    fn the_issue_map_stays_bounded() {
        let mut issues = HashMap::new();
        for i in 0..MAX_ISSUES + 10 {
            count_issue(&mut issues, &format!("f{i}:code"), 1);
        }
        count_issue(&mut issues, "f0:code", 2);
        assert!(issues.len() <= MAX_ISSUES + 1);
        assert_eq!(issues.get("f0:code"), Some(&3));
        assert_eq!(issues.values().sum::<u64>(), MAX_ISSUES as u64 + 12);
    }

    #[test]
    fn division_codes_come_from_positions_3_to_8() {
        let mut s = Summary::default();
        for (code, refund) in [
            ("91320594MA1MXL2K87", Some(Decimal::TEN)),
            ("91320594XXXXXXXXXX", None),
            ("9132", None),
            ("91苏州0594", None),
        ] {
            s.count_division(division_of(code), refund);
        }
        assert_eq!(
            s.divisions.get(&320594),
            Some(&Tally {
                rows: 2,
                eligible: 1,
                refund: Decimal::TEN
            })
        );
        assert_eq!(s.unplaced.rows, 2);
        let mut cleared = s.clone();
        cleared.clear();
        assert!(cleared.divisions.is_empty() && cleared.unplaced.rows == 0);
    }
}

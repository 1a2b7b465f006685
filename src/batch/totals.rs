//! 合计 — a run's totals, counted by the writer in input order from each
//! chunk's [`RowFact`]s, so each credit code counts once: the first row
//! that gives it counts, and a later row with the same code is a
//! duplicate, flagged in the results (`credit_code.duplicate`), its
//! reminder dropped, and left out of every figure but `rows` and
//! `duplicates` (one enterprise listed on four rows is not four refunds).
//!
//! The codes seen are kept packed (12 bytes and the first line, 4 bytes):
//! memory grows by about 20–35 bytes a distinct credit code (35 MB at a
//! million rows), the one part of `screen` that grows with the file.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};

use super::{ChunkOutput, Stats, Summary};

/// A packed credit code as a key (12 bytes, 4-byte aligned: 16 with its
/// line in the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Code([u32; 3]);

impl Hash for Code {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64((u64::from(self.0[0]) << 32) | u64::from(self.0[1]));
        state.write_u32(self.0[2]);
    }
}

/// A hash of the codes keyed at random for each run: codes come from the
/// file, and with a fixed hash a hostile file could make every lookup
/// collide. One folded multiply a word (SipHash, the standard one, cost
/// the writer thread more than the rest of its work).
#[derive(Debug, Clone, Copy)]
struct Keys(u64, u64);

impl Default for Keys {
    fn default() -> Keys {
        let random = RandomState::new();
        Keys(random.hash_one(1u8), random.hash_one(2u8) | 1)
    }
}

impl BuildHasher for Keys {
    type Hasher = CodeHasher;

    fn build_hasher(&self) -> CodeHasher {
        CodeHasher {
            state: self.0,
            multiplier: self.1,
        }
    }
}

struct CodeHasher {
    state: u64,
    multiplier: u64,
}

impl CodeHasher {
    fn mix(&mut self, word: u64) {
        let product = u128::from(self.state ^ word) * u128::from(self.multiplier);
        self.state = (product as u64) ^ ((product >> 64) as u64);
    }
}

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.state
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }
}

/// A row whose credit code came earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    /// Its fact's index in the chunk.
    pub fact: usize,
    pub line: u64,
    /// The line of the first row with its code (`u32::MAX` past that).
    pub first: u64,
    pub code: [u32; 3],
}

/// The totals of a run so far.
#[derive(Debug, Default)]
pub struct Totals {
    pub stats: Stats,
    /// The report's figures, when a report is made.
    pub summary: Option<Summary>,
    /// Every credit code seen, with the line it was first on.
    seen: HashMap<Code, u32, Keys>,
}

impl Totals {
    /// Totals, with the report's figures when `report`, with room for
    /// `codes` credit codes (an estimate: growing later only costs time).
    pub fn new(report: bool, codes: usize) -> Totals {
        let mut seen = HashMap::with_hasher(Keys::default());
        seen.reserve(codes);
        Totals {
            summary: report.then(Summary::default),
            seen,
            ..Totals::default()
        }
    }

    /// Counts a chunk's rows, in input order after every earlier chunk;
    /// the rows whose credit code came earlier are pushed to `duplicates`.
    pub fn add(&mut self, out: &ChunkOutput, duplicates: &mut Vec<Duplicate>) {
        self.stats.rows += out.stats.rejected;
        self.stats.rejected += out.stats.rejected;
        for (i, fact) in out.facts.iter().enumerate() {
            self.stats.rows += 1;
            if let Some(code) = fact.code {
                match self.seen.entry(Code(code)) {
                    Entry::Occupied(first) => {
                        self.stats.duplicates += 1;
                        duplicates.push(Duplicate {
                            fact: i,
                            line: fact.line,
                            first: u64::from(*first.get()),
                            code,
                        });
                        continue;
                    }
                    Entry::Vacant(slot) => {
                        slot.insert(u32::try_from(fact.line).unwrap_or(u32::MAX));
                    }
                }
            }
            self.stats.count_outcome(&fact.outcome);
            if let (Some(summary), Some(row)) = (&mut self.summary, out.summaries.get(i)) {
                summary.count_row(fact.line, row, &out.summary_text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ChunkOutput, Header, Options, Screener};
    use super::*;

    #[test]
    fn a_credit_code_counts_once_whatever_the_chunks() {
        let header = Header::new(["applicant.credit_code", "applicant.name"]);
        let mut screener = Screener::csv(header, Options::default()).with_summary();
        let rows: Vec<&[u8]> = vec![
            b"91320594MA1MXL2K87,a\n",
            b"91320594MA1MXL2K88,b\n",
            b"91320594MA1MXL2K87,c\n",
            b",d\n",
            b",e\n",
            b"91320594MA1MXL2K87,f\n",
        ];
        for split in 1..rows.len() {
            let mut totals = Totals::new(true, 0);
            let mut found = Vec::new();
            for (first, part) in [(2u64, &rows[..split]), (2 + split as u64, &rows[split..])] {
                let mut out = ChunkOutput::default();
                screener.screen_chunk(&part.concat(), first, &mut out);
                let mut dups = Vec::new();
                totals.add(&out, &mut dups);
                found.extend(dups.iter().map(|d| (d.line, d.first)));
            }
            assert_eq!(found, [(4, 2), (7, 2)], "split at {split}");
            assert_eq!(totals.stats.rows, 6);
            assert_eq!(totals.stats.duplicates, 2);
            assert_eq!(totals.stats.invalid, 4, "rows without a code count each");
        }
    }
}

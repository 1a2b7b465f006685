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

use super::{ChunkOutput, Stats, Summary};

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
    /// Every credit code seen, with the line it was first on. SipHash
    /// with a random key (the default): codes come from the file, and a
    /// fixed hash would let a hostile file make every lookup collide.
    seen: HashMap<[u32; 3], u32>,
}

impl Totals {
    /// Totals, with the report's figures when `report`.
    pub fn new(report: bool) -> Totals {
        Totals {
            summary: report.then(Summary::default),
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
                match self.seen.entry(code) {
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
            if let (Some(summary), Some(row)) = (&mut self.summary, &fact.summary) {
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
        let mut screener = Screener::csv(header, Options::default());
        let rows: Vec<&[u8]> = vec![
            b"91320594MA1MXL2K87,a\n",
            b"91320594MA1MXL2K88,b\n",
            b"91320594MA1MXL2K87,c\n",
            b",d\n",
            b",e\n",
            b"91320594MA1MXL2K87,f\n",
        ];
        for split in 1..rows.len() {
            let mut totals = Totals::new(true);
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

//! Any bytes as a whole .xlsx workbook (`batch::workbook`, with its zip
//! and XML readers), read as `wengang screen` reads one but under small
//! limits: open it, list its sheets, read every cell of the first (and of
//! the second, if there is one) with its text.
//!
//! Invariants: nothing panics. The memory held while reading (counted by
//! this target's allocator) stays within what the limits allow, however
//! the file is built (zip bombs, huge cells, endless shared strings).
//! Rows are 1 to 1,048,576 and strictly increasing, columns below 16,384
//! and strictly increasing within a row, and [`Sheet::row`] is the row of
//! the cell just read. The same bytes read twice give the same cells.
#![no_main]

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::Cursor;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use libfuzzer_sys::fuzz_target;
use wengang_engine::batch::workbook::{Limits, Workbook, MAX_COLUMNS, MAX_ROWS};

/// The system allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = HELD.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Relaxed);
        System.dealloc(p, layout)
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new);
        if !q.is_null() {
            if new >= layout.size() {
                let now = HELD.fetch_add(new - layout.size(), Relaxed) + new - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                HELD.fetch_sub(layout.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Small limits, so a bomb reaches them in a few KB of input.
const LIMITS: Limits = Limits {
    file_bytes: 1 << 20,
    entries: 64,
    directory_bytes: 16 << 10,
    unpacked_bytes: 4 << 20,
    part_bytes: 256 << 10,
    shared_strings_bytes: 1 << 20,
    shared_strings: 4096,
    token_bytes: 4096,
    styles: 256,
};

/// What reading may hold at once: the directory, the entries (a name
/// each), the shared strings (text and 4 bytes a string), the styles, a
/// few tokens, two 64 KiB buffers and the inflater's state; each doubled
/// for a vector's growth, and 1 MiB for the rest.
fn bound(l: &Limits) -> usize {
    let entries = l.entries as usize * 128;
    let strings = l.shared_strings_bytes as usize + 4 * l.shared_strings as usize;
    2 * (l.directory_bytes as usize + entries + strings + 64 * l.styles + 8 * l.token_bytes)
        + (2 << 16)
        + (1 << 20)
}

/// What a read saw, folded into a digest (the cells are not kept: a
/// bomb's million cells would be this target's memory, not the reader's):
/// the sheets' names, each read sheet's cells (row, column, text or why it
/// is refused) and how it ended; or why the workbook cannot be read.
fn read(data: &[u8]) -> (u64, usize) {
    let mut digest = DefaultHasher::new();
    let mut count = 0;
    let mut book = match Workbook::open(Cursor::new(data), LIMITS) {
        Ok(b) => b,
        Err(e) => {
            e.hash(&mut digest);
            return (digest.finish(), 0);
        }
    };
    let names = book.sheet_names();
    names.hash(&mut digest);
    let mut text = String::new();
    for name in names.iter().take(2) {
        let mut sheet = match book.sheet(name) {
            Ok(s) => s,
            Err(e) => {
                e.hash(&mut digest);
                continue;
            }
        };
        let mut last: Option<(u32, u32)> = None;
        let end = loop {
            match sheet.next_cell() {
                Err(e) => break Some(e),
                Ok(None) => break None,
                Ok(Some((row, column))) => {
                    assert!((1..=MAX_ROWS).contains(&row), "row {row}");
                    assert!(column < MAX_COLUMNS, "column {column}");
                    assert_eq!(sheet.row(), Some(row));
                    if let Some((r, c)) = last {
                        assert!(
                            row > r || row == r && column > c,
                            "({row}, {column}) after ({r}, {c})"
                        );
                    }
                    last = Some((row, column));
                    text.clear();
                    let read = sheet.text(&mut text);
                    if read.is_ok() {
                        assert!(
                            text.len() <= LIMITS.token_bytes,
                            "a cell of {} bytes",
                            text.len()
                        );
                        assert!(!sheet.is_blank() || text.is_empty(), "blank but `{text}`");
                    }
                    (row, column, read, &text).hash(&mut digest);
                    count += 1;
                }
            }
        };
        end.hash(&mut digest);
    }
    (digest.finish(), count)
}

fuzz_target!(|data: &[u8]| {
    let before = HELD.load(Relaxed);
    PEAK.store(before, Relaxed);
    let first = read(data);
    let held = PEAK.load(Relaxed).saturating_sub(before);
    assert!(
        held <= bound(&LIMITS),
        "{held} bytes held while reading, more than the limits allow ({})",
        bound(&LIMITS)
    );
    assert_eq!(read(data), first, "the same bytes read twice");
});

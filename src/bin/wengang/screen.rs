//! `wengang screen`: a file of applications in, one result row per row out.
//!
//! Streaming in three stages with bounded queues between them, so memory
//! stays flat however large the file: a reader cuts the input into chunks
//! of whole records (about 1 MiB), workers (one per core) screen chunks
//! with the engine (`wengang_engine::batch`), and this thread writes the
//! results in input order, reports bad rows on stderr and keeps the tally.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use wengang_engine::batch::{
    self, csv, units, CellRows, ChunkOutput, Format, Header, Options, Screener, Stats, Summary,
    MAX_RECORD_BYTES,
};
use wengang_engine::bureau::Bureau;
use wengang_engine::field::Field;

use crate::args::{Input, Screen};
use crate::xlsx::{self, CellKind, SheetWriter};

/// Bytes a chunk holds before it is cut at the next record end.
const CHUNK_BYTES: usize = 1 << 20;
/// Bad rows told one by one on stderr; the rest are counted (every one is
/// in the result file).
const MAX_TOLD: u64 = 100;
const UNREADABLE: u8 = 2;

struct Job {
    seq: u64,
    first_line: u64,
    data: Chunk,
}

/// Rows for a worker: CSV or JSON Lines records, or a spreadsheet's cells.
enum Chunk {
    Bytes(Vec<u8>),
    Cells(CellRows),
}

struct Done {
    seq: u64,
    output: ChunkOutput,
    data: Chunk,
}

/// Where result or reminder rows go: CSV as the workers write it, or an
/// .xlsx sheet (when the file name ends in `.xlsx`), written by a thread of
/// its own: formatting the cells and compressing the workbook cost more
/// than screening, and the result and reminder workbooks then take a core
/// each.
enum Sink {
    Csv(Box<dyn Write>),
    Xlsx {
        rows: Option<SyncSender<Vec<u8>>>,
        writer: Option<thread::JoinHandle<Result<(), String>>>,
    },
}

/// How the result file's columns are held in .xlsx (`batch::RESULT_HEADER`).
const RESULT_KINDS: [CellKind; 10] = [
    CellKind::Number,
    CellKind::Text,
    CellKind::Text,
    CellKind::Flag,
    CellKind::Flag,
    CellKind::Money,
    CellKind::Number,
    CellKind::Text,
    CellKind::Text,
    CellKind::Text,
];
/// How a units run's result columns are held in .xlsx
/// (`batch::units::UNIT_RESULT_HEADER`).
const UNIT_RESULT_KINDS: [CellKind; 15] = [
    CellKind::Number,
    CellKind::Text,
    CellKind::Text,
    CellKind::Flag,
    CellKind::Flag,
    CellKind::Money,
    CellKind::Number,
    CellKind::Text,
    CellKind::Text,
    CellKind::Text,
    CellKind::Text,
    CellKind::Text,
    CellKind::Text,
    CellKind::Text,
    CellKind::Number,
];
/// How a units run's reminder columns are held in .xlsx.
const UNIT_REMINDER_KINDS: [CellKind; 5] = [
    CellKind::Text,
    CellKind::Text,
    CellKind::Number,
    CellKind::Number,
    CellKind::Number,
];
/// How the reminder file's columns are held in .xlsx (`batch::REMINDER_HEADER`).
const REMINDER_KINDS: [CellKind; 4] = [
    CellKind::Text,
    CellKind::Text,
    CellKind::Text,
    CellKind::Money,
];

/// The end of a workbook writer.
fn join(writer: Option<thread::JoinHandle<Result<(), String>>>) -> Result<(), String> {
    match writer {
        Some(w) => w
            .join()
            .unwrap_or_else(|_| Err("the .xlsx writer stopped".into())),
        None => Ok(()),
    }
}

fn is_xlsx(path: &std::ffi::OsStr) -> bool {
    path.to_string_lossy()
        .to_ascii_lowercase()
        .ends_with(".xlsx")
}

impl Sink {
    /// A sink for `path` (`None` or `-`: standard output, CSV); `header`
    /// is the CSV header line, written first.
    fn open(
        path: Option<&std::ffi::OsString>,
        sheet: &str,
        header: &str,
        kinds: &[CellKind],
    ) -> Result<Sink, String> {
        let named = |p: &std::ffi::OsString, e: &dyn std::fmt::Display| {
            format!("{}: {e}", p.to_string_lossy())
        };
        let mut sink = match path {
            Some(p) if p != "-" && is_xlsx(p) => {
                // Fail now, not after the whole run, if the file cannot be made.
                File::create(p).map_err(|e| named(p, &e))?;
                let names: Vec<&str> = header.trim_end().split(',').collect();
                let mut sheet = SheetWriter::new(sheet, &names, kinds).map_err(|e| named(p, &e))?;
                let path = std::path::PathBuf::from(p);
                let (tx, rx) = sync_channel::<Vec<u8>>(4);
                let writer = thread::spawn(move || {
                    for rows in rx {
                        sheet.write_csv(&rows)?;
                    }
                    sheet
                        .save(&path)
                        .map_err(|e| format!("{}: {e}", path.display()))
                });
                return Ok(Sink::Xlsx {
                    rows: Some(tx),
                    writer: Some(writer),
                });
            }
            Some(p) if p != "-" => Sink::Csv(Box::new(BufWriter::with_capacity(
                1 << 20,
                File::create(p).map_err(|e| named(p, &e))?,
            ))),
            _ => Sink::Csv(Box::new(BufWriter::with_capacity(1 << 20, io::stdout()))),
        };
        sink.write(header.as_bytes())
            .map_err(|e| format!("writing results: {e}"))?;
        Ok(sink)
    }

    /// Writes CSV rows (the workers' output).
    fn write(&mut self, rows: &[u8]) -> io::Result<()> {
        match self {
            Sink::Csv(w) => w.write_all(rows),
            Sink::Xlsx { rows: tx, writer } => {
                let sent = tx.as_ref().is_some_and(|tx| tx.send(rows.to_vec()).is_ok());
                if sent {
                    return Ok(());
                }
                // The writer stopped: its error says why.
                tx.take();
                Err(io::Error::other(
                    join(writer.take()).err().unwrap_or_default(),
                ))
            }
        }
    }

    /// Flushes a CSV file; writes a workbook out.
    fn finish(self) -> io::Result<()> {
        match self {
            Sink::Csv(mut w) => w.flush(),
            Sink::Xlsx { rows, writer } => {
                drop(rows);
                join(writer).map_err(io::Error::other)
            }
        }
    }
}

pub fn run(options: &Screen) -> ExitCode {
    match screen(options) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("wengang: {message}");
            ExitCode::from(UNREADABLE)
        }
    }
}

/// The screener of a run: a units run's reads each row as a unit record.
fn for_run(screener: Screener, bureau: &Option<Arc<Bureau>>) -> Screener {
    match bureau {
        Some(b) => screener.units(Arc::clone(b)),
        None => screener,
    }
}

/// A units run's lists and months, read before the register.
fn bureau(options: &Screen) -> Result<Option<Arc<Bureau>>, String> {
    if !options.units {
        return Ok(None);
    }
    crate::units::bureau(options).map(|b| Some(Arc::new(b)))
}

fn screen(options: &Screen) -> Result<ExitCode, String> {
    let name = options.input.name();
    let format = options.format.unwrap_or_else(|| Format::from_path(&name));
    let bureau = bureau(options)?;
    if format == Format::Xlsx {
        return screen_xlsx(options, &name, bureau);
    }
    if options.sheet.is_some() {
        return Err(format!(
            "{name}: --sheet is for an .xlsx workbook (this is read as {})",
            if format == Format::Csv {
                "CSV"
            } else {
                "JSON Lines"
            }
        ));
    }
    let (mut input, size): (Box<dyn Read + Send>, Option<u64>) = match &options.input {
        Input::Stdin => (Box::new(io::stdin()), None),
        Input::Path(p) => {
            let file = File::open(p).map_err(|e| format!("{name}: {e}"))?;
            let size = file.metadata().ok().map(|m| m.len());
            (Box::new(file), size)
        }
    };
    let batch_options = Options {
        default_policy: options.policy.clone(),
        strict: options.strict,
    };

    // The header (CSV): read until its record is complete.
    let mut buf = Vec::with_capacity(CHUNK_BYTES * 2);
    let mut eof = false;
    let mut first_line = 1;
    let screener = match format {
        Format::JsonLines if bureau.is_some() => {
            return Err(format!(
                "{name}: --units reads a register (CSV or .xlsx), not JSON Lines"
            ))
        }
        Format::JsonLines => Screener::json_lines(batch_options),
        Format::Xlsx => return Err("an .xlsx workbook is read by screen_xlsx".into()),
        Format::Csv => {
            let (header, used) = loop {
                if !eof {
                    eof =
                        fill(&mut input, &mut buf, 64 << 10).map_err(|e| format!("{name}: {e}"))?;
                }
                match batch::read_header(&buf, eof) {
                    Ok(Some(found)) => break found,
                    Ok(None) if buf.len() > MAX_RECORD_BYTES => {
                        return Err(format!(
                            "{name}:1: the header is longer than {MAX_RECORD_BYTES} bytes"
                        ))
                    }
                    Ok(None) => continue,
                    Err(reason) => return Err(format!("{name}:1: unreadable header: {reason}")),
                }
            };
            first_line += memchr::memchr_iter(b'\n', &buf[..used]).count() as u64;
            buf.drain(..used);
            tell(&name, &header, options)?;
            for_run(Screener::csv(header, batch_options), &bureau)
        }
    };

    let jobs = jobs(options);
    let stop = Arc::new(AtomicBool::new(false));
    let bytes_read = Arc::new(AtomicU64::new(buf.len() as u64));
    let (job_tx, job_rx) = sync_channel::<Job>(jobs * 2);
    let (recycle_tx, recycle_rx) = std::sync::mpsc::channel::<Vec<u8>>();
    let reader = {
        let stop = Arc::clone(&stop);
        let bytes_read = Arc::clone(&bytes_read);
        thread::spawn(move || {
            read_chunks(
                input,
                buf,
                eof,
                first_line,
                format,
                job_tx,
                recycle_rx,
                &stop,
                &bytes_read,
            )
        })
    };
    let read = Reading {
        name,
        size,
        jobs,
        job_rx,
        stop,
        progress: bytes_read,
        recycle: Some(recycle_tx),
        reader,
    };
    run_workers(options, screener, read, bureau)
}

fn jobs(options: &Screen) -> usize {
    options
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A reader thread under way, and what the writer needs of it.
struct Reading {
    name: String,
    /// Bytes of the input, for the progress bar (a CSV file's).
    size: Option<u64>,
    jobs: usize,
    job_rx: Receiver<Job>,
    stop: Arc<AtomicBool>,
    /// Bytes read (CSV) or rows read (.xlsx), for the progress bar.
    progress: Arc<AtomicU64>,
    /// Chunk buffers back to a CSV reader.
    recycle: Option<std::sync::mpsc::Sender<Vec<u8>>>,
    reader: thread::JoinHandle<Result<(), String>>,
}

/// `screen` of an .xlsx workbook: a reader thread reads the sheet (the
/// header first, then chunks of rows), the rest is as for CSV.
fn screen_xlsx(
    options: &Screen,
    name: &str,
    bureau: Option<Arc<Bureau>>,
) -> Result<ExitCode, String> {
    let source: Box<dyn xlsx::Source> = match &options.input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{name}: {e}"))?;
            Box::new(io::Cursor::new(bytes))
        }
        Input::Path(p) => Box::new(File::open(p).map_err(|e| format!("{name}: {e}"))?),
    };
    let jobs = jobs(options);
    let stop = Arc::new(AtomicBool::new(false));
    let rows_read = Arc::new(AtomicU64::new(0));
    let (job_tx, job_rx) = sync_channel::<Job>(jobs * 2);
    let (header_tx, header_rx) = sync_channel::<xlsx::HeaderFound>(1);
    let sheet = options.sheet.clone();
    let reader = {
        let stop = Arc::clone(&stop);
        let rows_read = Arc::clone(&rows_read);
        thread::spawn(move || {
            let mut seq = 0;
            let send = |rows: CellRows| {
                let job = Job {
                    seq,
                    first_line: 0,
                    data: Chunk::Cells(rows),
                };
                seq += 1;
                job_tx.send(job).is_ok()
            };
            xlsx::read_sheet(
                source,
                sheet.as_deref(),
                CHUNK_BYTES,
                header_tx,
                send,
                &stop,
                &rows_read,
            )
        })
    };
    let (names, line) = match header_rx.recv() {
        Ok(Ok(found)) => found,
        Ok(Err(message)) => {
            let _ = reader.join();
            return Err(format!("{name}: {message}"));
        }
        Err(_) => {
            let failed = reader
                .join()
                .unwrap_or_else(|_| Err("the reader stopped".into()));
            return Err(format!("{name}: {}", failed.err().unwrap_or_default()));
        }
    };
    let header = Header::new(names.iter().map(String::as_str));
    let at = format!("{name}:{line}");
    if let Err(e) = tell(name, &header, options) {
        stop.store(true, Ordering::Relaxed);
        drop(job_rx);
        let _ = reader.join();
        return Err(e.replacen(&format!("{name}:1"), &at, 1));
    }
    let batch_options = Options {
        default_policy: options.policy.clone(),
        strict: options.strict,
    };
    let read = Reading {
        name: name.to_owned(),
        size: None,
        jobs,
        job_rx,
        stop,
        progress: rows_read,
        recycle: None,
        reader,
    };
    let screener = for_run(Screener::cells(header, batch_options), &bureau);
    run_workers(options, screener, read, bureau)
}

/// Runs the workers over what the reader sends, and writes their results
/// in input order.
fn run_workers(
    options: &Screen,
    screener: Screener,
    read: Reading,
    bureau: Option<Arc<Bureau>>,
) -> Result<ExitCode, String> {
    let Reading {
        name,
        size,
        jobs,
        job_rx,
        stop,
        progress: bytes_read,
        recycle: recycle_tx,
        reader,
    } = read;
    let (result_header, result_kinds, reminder_header, reminder_kinds): (
        _,
        &[CellKind],
        _,
        &[CellKind],
    ) = match bureau {
        Some(_) => (
            units::UNIT_RESULT_HEADER,
            &UNIT_RESULT_KINDS,
            units::UNIT_REMINDER_HEADER,
            &UNIT_REMINDER_KINDS,
        ),
        None => (
            batch::RESULT_HEADER,
            &RESULT_KINDS,
            batch::REMINDER_HEADER,
            &REMINDER_KINDS,
        ),
    };
    let mut out = Sink::open(
        options.output.as_ref(),
        "results",
        result_header,
        result_kinds,
    )?;
    let mut reminders = match &options.reminders {
        Some(p) => Some(Sink::open(
            Some(p),
            "reminders",
            reminder_header,
            reminder_kinds,
        )?),
        None => None,
    };
    // Created now, so a path that cannot be written fails before the work.
    let report = match &options.report {
        Some(p) => Some((
            p,
            File::create(p).map_err(|e| format!("{}: {e}", p.to_string_lossy()))?,
        )),
        None => None,
    };
    let screener = if report.is_some() {
        screener.with_summary()
    } else {
        screener
    };
    let io_error = |e: io::Error| format!("writing results: {e}");
    let started = Instant::now();
    let (done_tx, done_rx) = sync_channel::<Done>(jobs * 2);
    let job_rx = Arc::new(Mutex::new(job_rx));
    // Result buffers go back to the workers once written, so they do not
    // grow from nothing (and get copied on the way) for every chunk.
    let outputs: Arc<Mutex<Vec<ChunkOutput>>> = Arc::default();
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let job_rx = Arc::clone(&job_rx);
            let done_tx = done_tx.clone();
            let outputs = Arc::clone(&outputs);
            let mut screener = screener.clone();
            thread::spawn(move || work(&job_rx, &done_tx, &outputs, &mut screener))
        })
        .collect();
    drop(done_tx);

    let progress = io::stderr().is_terminal().then(|| Progress::new(size));
    let mut stats = Stats::default();
    let mut report_summary = report.as_ref().map(|_| Summary::default());
    let mut told = 0u64;
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let mut stopped_at = None;
    let mut write_failed = None;
    let mut progress = progress;
    'receive: for done in done_rx.iter() {
        pending.insert(done.seq, done);
        while let Some(done) = pending.remove(&next) {
            next += 1;
            let o = &done.output;
            for e in &o.errors {
                if told < MAX_TOLD {
                    eprintln!("wengang: {name}:{}: malformed row: {}", e.line, e.reason);
                }
                told += 1;
            }
            stats.add(&o.stats);
            if let Some(s) = &mut report_summary {
                s.add(&o.summary);
            }
            let written = out.write(&o.results).and_then(|()| match &mut reminders {
                Some(r) => r.write(&o.reminders),
                None => Ok(()),
            });
            if let Err(e) = written {
                write_failed = Some(e);
                stop.store(true, Ordering::Relaxed);
                break 'receive;
            }
            if o.stopped {
                stopped_at = o.errors.last().map(|e| e.line);
                stop.store(true, Ordering::Relaxed);
                break 'receive;
            }
            if let (Some(tx), Chunk::Bytes(data)) = (&recycle_tx, done.data) {
                let _ = tx.send(data);
            }
            // Kept up to what the queues hold; a burst of reordered chunks
            // (a worker held up) is freed, not kept.
            if let Ok(mut pool) = outputs.lock() {
                if pool.len() < jobs * 4 {
                    pool.push(done.output);
                }
            }
            if let Some(p) = &mut progress {
                p.show(stats.rows, bytes_read.load(Ordering::Relaxed), started);
            }
        }
    }
    // Unblock and end the other threads.
    drop(done_rx);
    drop(recycle_tx);
    let read_result = reader
        .join()
        .unwrap_or_else(|_| Err("the reader stopped".into()));
    for w in workers {
        let _ = w.join();
    }
    if let Some(p) = &progress {
        p.clear();
    }
    let flushed = out.finish().and_then(|()| match reminders {
        Some(r) => r.finish(),
        None => Ok(()),
    });
    match write_failed.or(flushed.err()) {
        // A closed pipe (`| head`) ends the run quietly.
        Some(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Some(e) => return Err(io_error(e)),
        None => {}
    }
    if told > MAX_TOLD {
        eprintln!(
            "wengang: {name}: {} more malformed rows (each is in the results, issue row:malformed)",
            told - MAX_TOLD
        );
    }
    summary(&stats, started.elapsed());
    if let Some(b) = &bureau {
        crate::units::tell_after(b);
    }
    if let (Some((path, file)), Some(s)) = (report, &report_summary) {
        let page = batch::report_html::render(s, &stats, &name, options.lang);
        let mut file = BufWriter::new(file);
        file.write_all(page.as_bytes())
            .and_then(|()| file.flush())
            .map_err(|e| format!("{}: {e}", path.to_string_lossy()))?;
    }
    if let Some(line) = stopped_at {
        eprintln!("wengang: {name}:{line}: stopped at the first malformed row (--strict)");
        return Ok(ExitCode::from(UNREADABLE));
    }
    read_result.map_err(|e| format!("{name}: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Says what of the header is not read or missing: a register's, or an
/// application file's.
fn tell(name: &str, header: &Header, options: &Screen) -> Result<(), String> {
    tell_header(name, header, options.policy.is_some(), options.units)?;
    if options.units {
        crate::units::tell_header(name, header, options);
    }
    Ok(())
}

/// Says which columns are ignored or missing; refuses a header that names
/// no field of the application.
fn tell_header(name: &str, header: &Header, policy_given: bool, units: bool) -> Result<(), String> {
    if header.slots.iter().all(Option::is_none) {
        return Err(format!(
            "{name}:1: the header names no field of the application (e.g. applicant.credit_code or \
             统一社会信用代码; \
             see docs/screening.md)"
        ));
    }
    if !header.unknown.is_empty() {
        eprintln!(
            "wengang: {name}: ignored columns: {}",
            header.unknown.join(", ")
        );
    }
    if !header.duplicated.is_empty() {
        eprintln!(
            "wengang: {name}: columns given twice (the last one is used): {}",
            header.duplicated.join(", ")
        );
    }
    if units {
        // A unit record's needs are said by `units::tell_header`.
        return Ok(());
    }
    let missing: Vec<&str> = Field::ALL
        .iter()
        .filter(|c| !header.has(**c))
        .filter(|c| !c.is_hardship() && **c != Field::Format)
        .filter(|c| !(policy_given && **c == Field::Policy))
        .map(|c| c.path())
        .collect();
    if !missing.is_empty() {
        eprintln!(
            "wengang: {name}: missing columns (every row lacks them): {}",
            missing.join(", ")
        );
    }
    Ok(())
}

/// Appends up to `want` bytes; `true` at the end of the input.
fn fill(input: &mut dyn Read, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    // Into spare capacity: `read_to_end` does not zero it first (the old
    // `resize` cost a memset of every chunk).
    buf.reserve(want);
    let got = input.take(want as u64).read_to_end(buf)?;
    Ok(got < want)
}

/// The reader: cuts the input into chunks of whole records.
#[allow(clippy::too_many_arguments)]
fn read_chunks(
    mut input: Box<dyn Read + Send>,
    mut buf: Vec<u8>,
    mut eof: bool,
    mut first_line: u64,
    format: Format,
    jobs: SyncSender<Job>,
    recycled: Receiver<Vec<u8>>,
    stop: &AtomicBool,
    bytes_read: &AtomicU64,
) -> Result<(), String> {
    let mut seq = 0;
    let mut state = csv::ScanState::Outside;
    // How far `buf` is scanned, where its last record ends, and newlines before that.
    let mut scanned = 0;
    let mut boundary = 0;
    let mut newlines = 0u64;
    let mut newlines_at_boundary = 0u64;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if !eof && buf.len() < CHUNK_BYTES {
            let before = buf.len();
            eof = fill(&mut *input, &mut buf, CHUNK_BYTES - before).map_err(|e| e.to_string())?;
            bytes_read.fetch_add((buf.len() - before) as u64, Ordering::Relaxed);
        }
        match format {
            Format::Csv => csv::scan(&buf, scanned, &mut state, |p, ends| {
                newlines += 1;
                if ends {
                    boundary = p + 1;
                    newlines_at_boundary = newlines;
                }
            }),
            Format::JsonLines | Format::Xlsx => {
                for p in memchr::memchr_iter(b'\n', &buf[scanned..]) {
                    newlines += 1;
                    boundary = scanned + p + 1;
                    newlines_at_boundary = newlines;
                }
            }
        }
        scanned = buf.len();
        let cut = if eof {
            buf.len()
        } else if buf.len() >= CHUNK_BYTES && boundary > 0 {
            boundary
        } else if buf.len() > MAX_RECORD_BYTES {
            return Err(format!(
                "line {first_line}: a record longer than {MAX_RECORD_BYTES} bytes (an unclosed quote?)"
            ));
        } else {
            // A record longer than a chunk: read on.
            buf.reserve(CHUNK_BYTES);
            let before = buf.len();
            eof = fill(&mut *input, &mut buf, CHUNK_BYTES).map_err(|e| e.to_string())?;
            bytes_read.fetch_add((buf.len() - before) as u64, Ordering::Relaxed);
            continue;
        };
        if cut == 0 {
            return Ok(());
        }
        let mut next = recycled.try_recv().unwrap_or_default();
        next.clear();
        next.reserve(CHUNK_BYTES * 2);
        next.extend_from_slice(&buf[cut..]);
        let data = std::mem::replace(&mut buf, next);
        let mut data = data;
        data.truncate(cut);
        let job = Job {
            seq,
            first_line,
            data: Chunk::Bytes(data),
        };
        seq += 1;
        if cut == boundary {
            first_line += newlines_at_boundary;
            newlines -= newlines_at_boundary;
        } else {
            first_line += newlines;
            newlines = 0;
        }
        newlines_at_boundary = 0;
        boundary = 0;
        scanned = buf.len();
        if jobs.send(job).is_err() || eof && buf.is_empty() {
            return Ok(());
        }
    }
}

fn work(
    jobs: &Mutex<Receiver<Job>>,
    done: &SyncSender<Done>,
    outputs: &Mutex<Vec<ChunkOutput>>,
    screener: &mut Screener,
) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        let mut output = outputs
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_default();
        output.clear();
        match &job.data {
            Chunk::Bytes(data) => screener.screen_chunk(data, job.first_line, &mut output),
            Chunk::Cells(rows) => screener.screen_cells(rows, &mut output),
        }
        let finished = Done {
            seq: job.seq,
            output,
            data: job.data,
        };
        if done.send(finished).is_err() {
            return;
        }
    }
}

fn summary(stats: &Stats, elapsed: Duration) {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        stats.rows as f64 / secs
    } else {
        0.0
    };
    eprintln!(
        "wengang screen: {} rows read in {secs:.2} s ({rate:.0} rows/s)\n  \
         eligible:              {}  (to government deliberation: {})\n  \
         not eligible:          {}\n  \
         undecided:             {}\n  \
         invalid:               {}  (validation errors; see the issues column)\n  \
         rejected:              {}  (unreadable rows)\n  \
         total estimated refund: {} yuan",
        stats.rows,
        stats.eligible,
        stats.government_review,
        stats.not_eligible,
        stats.undecided,
        stats.invalid,
        stats.rejected,
        stats.refund_total,
    );
}

/// A one-line progress display, for a terminal only.
struct Progress {
    size: Option<u64>,
    last: Instant,
}

impl Progress {
    fn new(size: Option<u64>) -> Progress {
        Progress {
            size,
            last: Instant::now(),
        }
    }

    fn show(&mut self, rows: u64, bytes: u64, started: Instant) {
        if self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let rate = rows as f64 / secs;
        let line = match self.size {
            Some(size) if size > 0 => {
                let share = (bytes as f64 / size as f64).min(1.0);
                let filled = (share * 30.0) as usize;
                format!(
                    "[{}{}] {:>5.1}%  {rows} rows  {rate:.0} rows/s",
                    "#".repeat(filled),
                    "-".repeat(30 - filled),
                    share * 100.0
                )
            }
            _ => format!("{rows} rows  {rate:.0} rows/s"),
        };
        eprint!("\r{line}\x1b[K");
    }

    fn clear(&self) {
        eprint!("\r\x1b[K");
    }
}

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
    self, csv, units, CellRows, ChunkOutput, Format, Header, Malformed, Options, Screener, Stats,
    Totals, MAX_RECORD_BYTES,
};
use wengang_engine::bureau::Bureau;
use wengang_engine::controls::shown;
use wengang_engine::field::Field;

use crate::args::{Input, Screen};
use crate::exit::Exit;
use crate::outputs::{self, Dest, Output};
use crate::xlsx::{self, CellKind, SheetWriter};

/// Bytes a chunk holds before it is cut at the next record end.
const CHUNK_BYTES: usize = 1 << 20;
/// Bad rows told one by one on stderr; the rest are counted (every one is
/// in the result file).
const MAX_TOLD: u64 = 100;

struct Job {
    seq: u64,
    first_line: u64,
    data: Chunk,
}

/// Rows for a worker: CSV or JSON Lines records, a spreadsheet's cells,
/// or the line of a record too long to read (skipped).
enum Chunk {
    Bytes(Vec<u8>),
    Cells(CellRows),
    TooLong(u64),
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
/// each. Either way into an [`Output`]: a temporary file put in place
/// only when the run ends well.
enum Sink {
    Csv(BufWriter<Output>),
    Xlsx {
        rows: Option<SyncSender<Vec<u8>>>,
        writer: Option<thread::JoinHandle<Result<(), String>>>,
        output: Output,
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
    /// A sink into `output` (a workbook when `xlsx`); `header` is the CSV
    /// header line, written first.
    fn open(
        output: Output,
        xlsx: bool,
        sheet: &str,
        header: &str,
        kinds: &[CellKind],
    ) -> Result<Sink, String> {
        if let (true, Some(path)) = (xlsx, output.path()) {
            let names: Vec<&str> = header.trim_end().split(',').collect();
            let folder = path.parent().unwrap_or(std::path::Path::new("."));
            let mut sheet =
                SheetWriter::new(sheet, &names, kinds, folder).map_err(|e| output.error(&e))?;
            let path = path.to_path_buf();
            let (tx, rx) = sync_channel::<Vec<u8>>(4);
            let writer = thread::spawn(move || {
                for rows in rx {
                    sheet.write_csv(&rows)?;
                }
                sheet.save(&path)
            });
            return Ok(Sink::Xlsx {
                rows: Some(tx),
                writer: Some(writer),
                output,
            });
        }
        let mut sink = Sink::Csv(BufWriter::with_capacity(1 << 20, output));
        sink.write(header.as_bytes())?;
        Ok(sink)
    }

    /// Writes CSV rows (the workers' output); the error names the output.
    fn write(&mut self, rows: &[u8]) -> Result<(), String> {
        match self {
            Sink::Csv(w) => w.write_all(rows).map_err(|e| w.get_ref().error(&e)),
            Sink::Xlsx {
                rows: tx,
                writer,
                output,
            } => {
                let sent = tx.as_ref().is_some_and(|tx| tx.send(rows.to_vec()).is_ok());
                if sent {
                    return Ok(());
                }
                // The writer stopped: its error says why.
                tx.take();
                Err(output.error(&join(writer.take()).err().unwrap_or_default()))
            }
        }
    }

    /// Flushes a CSV file or writes a workbook out: the output, written
    /// whole, to be put in place ([`Output::commit`]) once every output of
    /// the run is.
    fn finish(self) -> Result<Output, String> {
        match self {
            Sink::Csv(w) => w.into_inner().map_err(|e| {
                let (error, w) = e.into_parts();
                w.get_ref().error(&error)
            }),
            Sink::Xlsx {
                rows,
                writer,
                output,
            } => {
                drop(rows);
                join(writer).map_err(|e| output.error(&e))?;
                Ok(output)
            }
        }
    }
}

pub fn run(options: &Screen) -> ExitCode {
    match screen(options) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("wengang: {message}");
            ExitCode::from(Exit::Unreadable)
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

/// The outputs a run writes, by option, for [`outputs::check`].
fn destinations(options: &Screen) -> Vec<(&'static str, Dest<'_>)> {
    let mut all = vec![("--output", Dest::of(options.output.as_ref()))];
    if let Some(p) = &options.reminders {
        all.push(("--reminders", Dest::of(Some(p))));
    }
    if let Some(p) = &options.report {
        all.push(("--report", Dest::of(Some(p))));
    }
    all
}

fn screen(options: &Screen) -> Result<ExitCode, String> {
    let name = shown(&options.input.name()).into_owned();
    // Before anything is opened for writing: no output may be an input
    // (the register, its months, a list) or another output.
    let mut inputs = vec![options.input.clone()];
    inputs.extend(options.months.iter().cloned().map(Input::Path));
    inputs.extend(
        options
            .lists
            .iter()
            .map(|(_, file)| Input::Path(file.clone())),
    );
    outputs::check(&inputs, &destinations(options))?;
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

    let mut buf = Vec::with_capacity(CHUNK_BYTES * 2);
    let mut eof = fill(&mut input, &mut buf, 64 << 10).map_err(|e| format!("{name}: {e}"))?;
    // A file whose lines end in a lone CR (classic Mac, some exports):
    // read as if they ended in LF, so its rows are not one long header.
    if cr_only(&buf, eof) {
        for b in &mut buf {
            if *b == b'\r' {
                *b = b'\n';
            }
        }
        input = Box::new(CrToLf(input));
        eprintln!("wengang: {name}: lines end in CR (not LF or CRLF): read as line ends");
    }
    // The header (CSV): read until its record is complete.
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
                match batch::read_header(&buf, eof) {
                    Ok(Some(found)) => break found,
                    Ok(None) if buf.len() > MAX_RECORD_BYTES => {
                        return Err(format!(
                            "{name}:1: the header is longer than {MAX_RECORD_BYTES} bytes \
                             (the limit of a record)"
                        ))
                    }
                    Ok(None) => {}
                    Err(reason) => return Err(format!("{name}:1: unreadable header: {reason}")),
                }
                eof = fill(&mut input, &mut buf, 64 << 10).map_err(|e| format!("{name}: {e}"))?;
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
        let reading = ChunkReader {
            input,
            buf,
            eof,
            first_line,
            format,
            jobs: job_tx,
            recycled: recycle_rx,
            seq: 0,
        };
        thread::spawn(move || reading.run(&stop, &bytes_read))
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

/// Do the input's lines end in a lone CR? Told by the first line end in
/// the first bytes read: a CR not followed by LF, before any LF.
fn cr_only(start: &[u8], eof: bool) -> bool {
    let Some(cr) = memchr::memchr(b'\r', start) else {
        return false;
    };
    let lf_first = memchr::memchr(b'\n', &start[..cr]).is_some();
    match start.get(cr + 1) {
        Some(b'\n') => false,
        Some(_) => !lf_first,
        None => eof && !lf_first,
    }
}

/// Reads an input whose lines end in CR as if they ended in LF.
struct CrToLf(Box<dyn Read + Send>);

impl Read for CrToLf {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        for b in &mut buf[..n] {
            if *b == b'\r' {
                *b = b'\n';
            }
        }
        Ok(n)
    }
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
        Input::Stdin => Box::new(io::Cursor::new(xlsx::read_stdin()?)),
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

/// Opens a run's outputs: results, reminders and report, each a
/// temporary file until the run ends well.
fn open_outputs(
    options: &Screen,
    units_run: bool,
) -> Result<(Sink, Option<Sink>, Option<Output>), String> {
    // A units run's rows carry a bureau's columns; its reminders are the
    // units just above the layoff-rate standard.
    let (result_header, result_kinds, reminder_header, reminder_kinds): (
        _,
        &[CellKind],
        _,
        &[CellKind],
    ) = if units_run {
        (
            units::UNIT_RESULT_HEADER,
            &UNIT_RESULT_KINDS,
            units::UNIT_REMINDER_HEADER,
            &UNIT_REMINDER_KINDS,
        )
    } else {
        (
            batch::RESULT_HEADER,
            &RESULT_KINDS,
            batch::REMINDER_HEADER,
            &REMINDER_KINDS,
        )
    };
    let dest = Dest::of(options.output.as_ref());
    let xlsx = |d: &Dest| matches!(d, Dest::Path(p) if is_xlsx(p));
    let out = Sink::open(
        Output::open("results", dest)?,
        xlsx(&dest),
        "results",
        result_header,
        result_kinds,
    )?;
    let reminders = match &options.reminders {
        Some(p) => {
            let dest = Dest::of(Some(p));
            Some(Sink::open(
                Output::open("reminders", dest)?,
                xlsx(&dest),
                "reminders",
                reminder_header,
                reminder_kinds,
            )?)
        }
        None => None,
    };
    // Opened now, so a path that cannot be written fails before the work.
    let report = match &options.report {
        Some(p) => Some(Output::open("the report", Dest::of(Some(p)))?),
        None => None,
    };
    Ok((out, reminders, report))
}

/// How a run ended.
enum Ending {
    /// Every row read.
    Complete,
    /// Reading stopped before the end: the rows before it are written, and
    /// every output says it is incomplete.
    Stopped(String),
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
    let (mut out, mut reminders, report) = open_outputs(options, bureau.is_some())?;
    let screener = if report.is_some() {
        screener.with_summary()
    } else {
        screener
    };
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
    // Only the workers hold the queue of jobs: when they end, the reader's
    // next send fails and it ends too (holding it here kept a reader
    // blocked on a full queue forever after a failed write).
    drop(job_rx);
    drop(done_tx);

    let progress = io::stderr().is_terminal().then(|| Progress::new(size));
    // Room for the credit codes of the rows the file likely has (gen's
    // are ~340 bytes), so the table of codes seen is not rebuilt as it
    // grows.
    let codes = size.map_or(0, |bytes| (bytes / 300).min(1 << 22) as usize);
    let mut totals = Totals::new(report.is_some(), codes);
    let mut duplicates = Vec::new();
    let mut told = 0u64;
    let mut told_duplicates = 0u64;
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    let mut stopped_at = None;
    let mut last_line = 0u64;
    let mut progress = progress;
    'receive: for done in done_rx.iter() {
        pending.insert(done.seq, done);
        while let Some(done) = pending.remove(&next) {
            next += 1;
            let o = &done.output;
            for e in &o.errors {
                if told < MAX_TOLD {
                    eprintln!(
                        "wengang: {name}:{}: malformed row: {}",
                        e.line,
                        shown(&e.reason.to_string())
                    );
                }
                told += 1;
            }
            duplicates.clear();
            totals.add(o, &mut duplicates);
            for d in &duplicates {
                if told_duplicates < MAX_TOLD {
                    eprintln!(
                        "wengang: {name}:{}: credit code {} is already on line {}: flagged \
                         credit_code.duplicate and not counted (the first row counts)",
                        d.line,
                        batch::unpack_credit_code(d.code),
                        d.first
                    );
                }
                told_duplicates += 1;
            }
            let written = write_marked(&mut out, &mut reminders, o, &duplicates);
            if let Err(e) = written {
                // Nothing more can be written: every thread is left to end
                // (none is waited for: a reader may be blocked on its
                // input), and the outputs are dropped unfinished, so their
                // temporary files go and any old files stay.
                stop.store(true, Ordering::Relaxed);
                let after = if last_line > 0 {
                    format!("; the rows after line {last_line} were not written")
                } else {
                    String::new()
                };
                return Err(format!("{e}{after} (the run is incomplete)"));
            }
            last_line = last_line.max(o.last_line);
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
                p.show(
                    totals.stats.rows,
                    bytes_read.load(Ordering::Relaxed),
                    started,
                );
            }
        }
    }
    if let Some(p) = &progress {
        p.clear();
    }
    let ending = match stopped_at {
        Some(line) => Ending::Stopped(format!(
            "stopped at the first malformed row, line {line} (--strict)"
        )),
        None => {
            // The workers are done, so the reader has ended: its result
            // says whether the input was read to its end.
            drop(done_rx);
            drop(recycle_tx);
            let read = reader
                .join()
                .unwrap_or_else(|_| Err("the reader stopped".into()));
            for w in workers {
                let _ = w.join();
            }
            match read {
                Ok(()) => Ending::Complete,
                Err(e) => Ending::Stopped(format!(
                    "the input could not be read after line {last_line}: {}",
                    shown(&e)
                )),
            }
        }
    };
    if let Ending::Stopped(reason) = &ending {
        // A closing row marks each file as incomplete.
        let mut closing = Vec::new();
        batch::screen::write_incomplete(&mut closing, reason);
        out.write(&closing)?;
        if let Some(r) = &mut reminders {
            closing.clear();
            batch::screen::write_incomplete_reminder(&mut closing, reason);
            r.write(&closing)?;
        }
    }
    // Every output is written whole before any is put in place: a run
    // whose reminders fail leaves the old results too.
    let out = out.finish()?;
    let reminders = reminders.map(Sink::finish).transpose()?;
    if told > MAX_TOLD {
        eprintln!(
            "wengang: {name}: {} more malformed rows (each is in the results, issue row:malformed)",
            told - MAX_TOLD
        );
    }
    if told_duplicates > MAX_TOLD {
        eprintln!(
            "wengang: {name}: {} more rows repeat an earlier credit code (each is flagged \
             credit_code.duplicate in the results)",
            told_duplicates - MAX_TOLD
        );
    }
    let stats = &totals.stats;
    summary(stats, started.elapsed());
    if let Some(b) = &bureau {
        crate::units::tell_after(b);
    }
    if let (Some(mut output), Some(s)) = (report, &totals.summary) {
        let stopped = match &ending {
            Ending::Stopped(reason) => Some(reason.as_str()),
            Ending::Complete => None,
        };
        let page = batch::report_html::render(s, stats, &name, options.lang, stopped);
        output
            .write_all(page.as_bytes())
            .map_err(|e| output.error(&e))?;
        out.commit()?;
        if let Some(r) = reminders {
            r.commit()?;
        }
        output.commit()?;
    } else {
        out.commit()?;
        if let Some(r) = reminders {
            r.commit()?;
        }
    }
    if let Ending::Stopped(reason) = &ending {
        eprintln!("wengang: {name}: incomplete: {reason}; every output says so in its last row");
        return Ok(ExitCode::from(Exit::Unreadable));
    }
    if stats.rejected > 0 {
        eprintln!(
            "wengang: {name}: {} of {} rows could not be read (issue row:malformed in the \
             results): exit 2",
            stats.rejected, stats.rows
        );
        return Ok(ExitCode::from(Exit::Unreadable));
    }
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

/// The issue added to the result row of a duplicate.
const DUPLICATE: &[u8] = b"applicant.credit_code:credit_code.duplicate";

/// Writes a chunk's rows: a duplicate's result row gets the issue
/// [`DUPLICATE`], and its reminder row is left out.
fn write_marked(
    out: &mut Sink,
    reminders: &mut Option<Sink>,
    o: &ChunkOutput,
    duplicates: &[batch::Duplicate],
) -> Result<(), String> {
    if duplicates.is_empty() {
        out.write(&o.results)?;
        return match reminders {
            Some(r) => r.write(&o.reminders),
            None => Ok(()),
        };
    }
    let mut at = 0;
    let mut marked = Vec::new();
    for d in duplicates {
        let end = o.facts[d.fact].result_end as usize;
        // The row without its `\n`, then the issue after the others.
        let row = &o.results[at..end - 1];
        marked.extend_from_slice(row);
        if row.last() != Some(&b',') {
            marked.push(b';');
        }
        marked.extend_from_slice(DUPLICATE);
        marked.push(b'\n');
        at = end;
    }
    marked.extend_from_slice(&o.results[at..]);
    out.write(&marked)?;
    if let Some(r) = reminders {
        let mut kept = Vec::with_capacity(o.reminders.len());
        let mut at = 0;
        for d in duplicates {
            if let Some((start, end)) = o.facts[d.fact].reminder {
                kept.extend_from_slice(&o.reminders[at..start as usize]);
                at = end as usize;
            }
        }
        kept.extend_from_slice(&o.reminders[at..]);
        r.write(&kept)?;
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
    let listed = |names: &[&str]| {
        let shown_names: Vec<String> = names
            .iter()
            .take(20)
            .map(|n| shown(n).into_owned())
            .collect();
        let more = names.len().saturating_sub(20);
        if more > 0 {
            format!("{} and {more} more", shown_names.join(", "))
        } else {
            shown_names.join(", ")
        }
    };
    if !header.unknown.is_empty() {
        eprintln!(
            "wengang: {name}: ignored columns: {}",
            listed(
                &header
                    .unknown
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
            )
        );
    }
    if !header.duplicated.is_empty() {
        eprintln!(
            "wengang: {name}: columns given twice (the last one is used): {}",
            listed(&header.duplicated)
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
struct ChunkReader {
    input: Box<dyn Read + Send>,
    /// Read but not yet sent; starts at a record's start.
    buf: Vec<u8>,
    eof: bool,
    /// The line `buf` starts on.
    first_line: u64,
    format: Format,
    jobs: SyncSender<Job>,
    recycled: Receiver<Vec<u8>>,
    seq: u64,
}

impl ChunkReader {
    /// `false`: nobody takes jobs any more.
    fn send(&mut self, first_line: u64, data: Chunk) -> bool {
        let job = Job {
            seq: self.seq,
            first_line,
            data,
        };
        self.seq += 1;
        self.jobs.send(job).is_ok()
    }

    /// Reads more into `buf`, counting it.
    fn fill(&mut self, want: usize, bytes_read: &AtomicU64) -> Result<(), String> {
        let before = self.buf.len();
        self.eof = fill(&mut *self.input, &mut self.buf, want).map_err(|e| e.to_string())?;
        bytes_read.fetch_add((self.buf.len() - before) as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Drops the rest of a line too long to read (its start is in `buf`,
    /// with no line end), keeping what follows the line's end.
    fn skip_line(&mut self, bytes_read: &AtomicU64) -> Result<(), String> {
        self.buf.clear();
        while !self.eof {
            self.fill(CHUNK_BYTES, bytes_read)?;
            if let Some(end) = memchr::memchr(b'\n', &self.buf) {
                self.buf.drain(..=end);
                return Ok(());
            }
            self.buf.clear();
        }
        Ok(())
    }

    fn run(mut self, stop: &AtomicBool, bytes_read: &AtomicU64) -> Result<(), String> {
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
            if !self.eof && self.buf.len() < CHUNK_BYTES {
                self.fill(CHUNK_BYTES - self.buf.len(), bytes_read)?;
            }
            match self.format {
                Format::Csv => csv::scan(&self.buf, scanned, &mut state, |p, ends| {
                    newlines += 1;
                    if ends {
                        boundary = p + 1;
                        newlines_at_boundary = newlines;
                    }
                }),
                Format::JsonLines | Format::Xlsx => {
                    for p in memchr::memchr_iter(b'\n', &self.buf[scanned..]) {
                        newlines += 1;
                        boundary = scanned + p + 1;
                        newlines_at_boundary = newlines;
                    }
                }
            }
            scanned = self.buf.len();
            let cut = if self.eof {
                self.buf.len()
            } else if self.buf.len() >= CHUNK_BYTES && boundary > 0 {
                boundary
            } else if self.buf.len() > MAX_RECORD_BYTES {
                // One record runs past the limit (no record ends in `buf`).
                let line = self.first_line;
                let quoted = state != csv::ScanState::Outside;
                match memchr::memchr(b'\n', &self.buf).filter(|_| quoted) {
                    // A quote that does not close: its first line goes
                    // alone (refused as an unclosed quote), and reading
                    // resumes on the next line.
                    Some(end) => {
                        let first: Vec<u8> = self.buf.drain(..=end).collect();
                        if !self.send(line, Chunk::Bytes(first)) {
                            return Ok(());
                        }
                    }
                    // One line longer than the limit: refused, skipped.
                    None => {
                        if !self.send(line, Chunk::TooLong(line)) {
                            return Ok(());
                        }
                        self.skip_line(bytes_read)?;
                    }
                }
                self.first_line += 1;
                state = csv::ScanState::Outside;
                (scanned, boundary, newlines, newlines_at_boundary) = (0, 0, 0, 0);
                continue;
            } else {
                // A record longer than a chunk: read on.
                self.fill(CHUNK_BYTES, bytes_read)?;
                continue;
            };
            if cut == 0 {
                return Ok(());
            }
            let mut next = self.recycled.try_recv().unwrap_or_default();
            next.clear();
            next.reserve(CHUNK_BYTES * 2);
            next.extend_from_slice(&self.buf[cut..]);
            let mut data = std::mem::replace(&mut self.buf, next);
            data.truncate(cut);
            let first_line = self.first_line;
            if cut == boundary {
                self.first_line += newlines_at_boundary;
                newlines -= newlines_at_boundary;
            } else {
                self.first_line += newlines;
                newlines = 0;
            }
            newlines_at_boundary = 0;
            boundary = 0;
            scanned = self.buf.len();
            if !self.send(first_line, Chunk::Bytes(data)) || self.eof && self.buf.is_empty() {
                return Ok(());
            }
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
            Chunk::TooLong(line) => {
                let reason = Malformed::TooLong {
                    limit: MAX_RECORD_BYTES,
                };
                if !screener.reject(*line, reason, &mut output) {
                    output.stopped = true;
                }
            }
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
         duplicates:            {}  (credit code of an earlier row; only the first counts)\n  \
         total estimated refund: {} yuan",
        stats.rows,
        stats.eligible,
        stats.government_review,
        stats.not_eligible,
        stats.undecided,
        stats.invalid,
        stats.rejected,
        stats.duplicates,
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

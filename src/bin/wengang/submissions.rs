//! Many submission files verified in parallel, for `wengang verify` on more
//! than one file and for `wengang notice`.
//!
//! The same three stages as `wengang screen`: a reader thread turns the
//! inputs (files, folders of `*.json` files, JSON Lines files) into one
//! item per submission, workers verify items with the engine, and the
//! calling thread takes the results in input order. Queues are bounded, so
//! a large JSON Lines file is never held whole.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use serde_json::Value;
use wengang_engine as engine;
use wengang_engine::controls::shown;

use crate::args::Input;

/// A submission longer than this (a file or a JSON Lines line) is not read.
pub const MAX_SUBMISSION_BYTES: usize = 64 << 20;

/// One submission to verify: where it is from and its text, or why it
/// could not be read.
pub struct Item {
    /// The file's path, or `path:line` in a JSON Lines file.
    pub source: String,
    pub text: Result<String, String>,
}

/// What verification found, with what the file says about itself.
pub struct Checked {
    pub source: String,
    pub result: Result<engine::Verified, Failure>,
    /// `applicant.credit_code` and `applicant.name` as the file gives them
    /// (empty when unreadable), and its `decision.refund`.
    pub credit_code: String,
    pub name: String,
    pub claimed_refund: String,
}

/// Why an item does not hold.
pub enum Failure {
    /// The file could not be read at all (missing, not UTF-8, too long).
    Read(String),
    Verify(engine::VerifyError),
}

impl Failure {
    pub fn outcome(&self) -> engine::VerifyOutcome {
        match self {
            Failure::Read(_) => engine::VerifyOutcome::Unreadable,
            Failure::Verify(e) => e.outcome(),
        }
    }
}

impl Checked {
    pub fn outcome(&self) -> engine::VerifyOutcome {
        match &self.result {
            Ok(_) => engine::VerifyOutcome::Holds,
            Err(f) => f.outcome(),
        }
    }
}

/// Is this path read as JSON Lines (one submission a line)?
pub fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Verifies every submission of the inputs with `jobs` workers and hands
/// each result to `each` in input order. `each` returns `false` to stop.
/// A folder with no `*.json` file is named on stderr.
pub fn verify_all(inputs: &[Input], jobs: usize, mut each: impl FnMut(Checked) -> bool) {
    let jobs = jobs.max(1);
    let (item_tx, item_rx) = sync_channel::<(u64, Item)>(jobs * 4);
    let (done_tx, done_rx) = sync_channel::<(u64, Checked)>(jobs * 4);
    let item_rx = Arc::new(Mutex::new(item_rx));
    let inputs = inputs.to_vec();
    let reader = thread::spawn(move || read_inputs(&inputs, &item_tx));
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let item_rx = Arc::clone(&item_rx);
            let done_tx = done_tx.clone();
            thread::spawn(move || work(&item_rx, &done_tx))
        })
        .collect();
    // Only the workers hold the queue of items: when they end, the reader's
    // next send fails and it ends too. (Held here as well, it kept the
    // reader blocked on a full queue, and this thread waiting for it in
    // `join`, forever after a failed write: `verify FOLDER | head -1`.)
    drop(item_rx);
    drop(done_tx);
    let mut pending = BTreeMap::new();
    let mut next = 0u64;
    for (seq, checked) in done_rx.iter() {
        pending.insert(seq, checked);
        while let Some(checked) = pending.remove(&next) {
            next += 1;
            if !each(checked) {
                // Stopped: the other threads end on their next send into
                // the closed queue; none is waited for (the reader may be
                // blocked on standard input).
                return;
            }
        }
    }
    let _ = reader.join();
    for w in workers {
        let _ = w.join();
    }
}

fn work(items: &Mutex<Receiver<(u64, Item)>>, done: &SyncSender<(u64, Checked)>) {
    loop {
        let next = match items.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, item)) = next else { return };
        if done.send((seq, check(item))).is_err() {
            return;
        }
    }
}

/// Verifies one item.
pub fn check(item: Item) -> Checked {
    let text = match item.text {
        Ok(text) => text,
        Err(reason) => {
            return Checked {
                source: item.source,
                result: Err(Failure::Read(reason)),
                credit_code: String::new(),
                name: String::new(),
                claimed_refund: String::new(),
            }
        }
    };
    let result = engine::verify(&text).map_err(Failure::Verify);
    // What the file says of itself, for the row (read leniently: a file
    // that does not verify still shows whose it claims to be).
    let file: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap_or(Value::Null);
    let text_at = |pointer: &str| {
        file.pointer(pointer)
            .and_then(Value::as_str)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    Checked {
        source: item.source,
        credit_code: text_at("/application/applicant/credit_code"),
        name: text_at("/application/applicant/name"),
        claimed_refund: text_at("/decision/refund"),
        result,
    }
}

/// The reader: every input's submissions, in order.
fn read_inputs(inputs: &[Input], out: &SyncSender<(u64, Item)>) {
    let mut seq = 0u64;
    let mut send = |item: Item| {
        let sent = out.send((seq, item)).is_ok();
        seq += 1;
        sent
    };
    for input in inputs {
        let path = match input {
            Input::Stdin => {
                let text = read_all(io::stdin().lock());
                if !send(Item {
                    source: input.name(),
                    text,
                }) {
                    return;
                }
                continue;
            }
            Input::Path(p) => PathBuf::from(p),
        };
        if path.is_dir() {
            let files = json_files(&path);
            if files.is_empty() {
                eprintln!("wengang: {}: no *.json files", shown(&input.name()));
            }
            for file in files {
                let item = match file {
                    Ok(file) => match read_regular_file(&file) {
                        Some(text) => Item {
                            source: file.to_string_lossy().into_owned(),
                            text,
                        },
                        None => {
                            eprintln!(
                                "wengang: {}: skipped: not a regular file (a FIFO, socket or \
                                 device is never read from a folder)",
                                shown(&file.to_string_lossy())
                            );
                            continue;
                        }
                    },
                    Err(reason) => Item {
                        source: input.name(),
                        text: Err(reason),
                    },
                };
                if !send(item) {
                    return;
                }
            }
        } else if is_json_lines(&path) {
            if !read_json_lines(&path, &mut send) {
                return;
            }
        } else if !send(Item {
            source: input.name(),
            text: read_file(&path),
        }) {
            return;
        }
    }
}

/// The `*.json` files of a folder (not its subfolders), sorted by name; an
/// unreadable folder is one error.
pub fn json_files(dir: &Path) -> Vec<Result<PathBuf, String>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return vec![Err(format!("{}: {e}", dir.display()))],
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && !p.is_dir()
        })
        .collect();
    files.sort();
    files.into_iter().map(Ok).collect()
}

/// A folder's file, read only if it is a regular file: opened without
/// waiting (a FIFO would block the open, and its reads, forever), then
/// checked on the open handle. `None`: not a regular file.
fn read_regular_file(path: &Path) -> Option<Result<String, String>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) => return Some(Err(e.to_string())),
    };
    match file.metadata() {
        Ok(meta) if meta.is_file() => Some(read_all(file)),
        Ok(_) => None,
        Err(e) => Some(Err(e.to_string())),
    }
}

fn read_file(path: &Path) -> Result<String, String> {
    match File::open(path) {
        Ok(file) => read_all(file),
        Err(e) => Err(e.to_string()),
    }
}

fn read_all(input: impl Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    input
        .take(MAX_SUBMISSION_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() > MAX_SUBMISSION_BYTES {
        return Err(format!(
            "longer than {MAX_SUBMISSION_BYTES} bytes (wengang's limit for one submission)"
        ));
    }
    utf8(bytes)
}

fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()))
}

/// Sends one item per non-blank line; `false` when the receiver is gone.
fn read_json_lines(path: &Path, send: &mut impl FnMut(Item) -> bool) -> bool {
    let name = path.to_string_lossy();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) => {
            return send(Item {
                source: name.into_owned(),
                text: Err(e.to_string()),
            })
        }
    };
    let mut input = BufReader::with_capacity(1 << 16, file);
    let mut line_no = 0u64;
    loop {
        line_no += 1;
        let line = match read_line(&mut input) {
            Ok(Some(line)) => line,
            Ok(None) => return true,
            Err(e) => {
                return send(Item {
                    source: format!("{name}:{line_no}"),
                    text: Err(e.to_string()),
                })
            }
        };
        let text = match line {
            Line::Text(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
            Line::Text(bytes) => utf8(bytes),
            Line::TooLong => Err(format!("a line longer than {MAX_SUBMISSION_BYTES} bytes")),
        };
        if !send(Item {
            source: format!("{name}:{line_no}"),
            text,
        }) {
            return false;
        }
    }
}

enum Line {
    Text(Vec<u8>),
    /// Skipped to its end without keeping it.
    TooLong,
}

/// One line without its `\n`, at most [`MAX_SUBMISSION_BYTES`] kept;
/// `None` at the end of the input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (used, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let content = if done { &buf[..used - 1] } else { buf };
        if !too_long {
            if line.len() + content.len() > MAX_SUBMISSION_BYTES {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(content);
            }
        }
        input.consume(used);
        if done {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => None,
        (true, true) => Some(Line::TooLong),
        (true, false) => Some(Line::Text(line)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_whole_without_their_newline() {
        let mut input = io::Cursor::new(b"a\r\n\nbc".to_vec());
        let mut got = Vec::new();
        while let Some(line) = read_line(&mut input).unwrap() {
            match line {
                Line::Text(t) => got.push(String::from_utf8(t).unwrap()),
                Line::TooLong => got.push("!".into()),
            }
        }
        assert_eq!(got, ["a\r", "", "bc"]);
    }
}

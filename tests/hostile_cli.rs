//! Issue 22: the command line against hostile files and careless commands.
//! One test per reproducer of the issue, each run as a user runs it (the
//! binary, its exit code, its message), each checking that its input is
//! untouched and, where memory was the problem, running under a 1 GiB
//! address-space limit (`prlimit --as`). Bombs are built here, small and
//! compressed (deflate blocks repeated), never committed.

mod support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{path_str, read_csv};

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");
/// The address space a bounded run may take: far below the 2–4 GB the
/// bombs reached, well above the ~30 MB a normal run takes (threads
/// reserve stacks and allocator arenas).
const MEMORY: &str = "1073741824";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_wengang")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("wengang-hostile-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Waits for a child, reading its output as it comes (a full pipe would
/// block it), killing it (and failing) after `limit`.
fn finish(mut child: Child, limit: Duration) -> Output {
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait") {
            Some(status) => break status,
            None if started.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                let err = stderr.join().unwrap_or_default();
                panic!(
                    "still running after {limit:?} (a hang): {}",
                    String::from_utf8_lossy(&err)
                );
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }
}

/// Runs `wengang ARGS` with `stdin`, under the memory limit when
/// `bounded`, failing on a hang (60 s).
fn run_with(args: &[&str], stdin: Option<Vec<u8>>, bounded: bool, env: &[(&str, &str)]) -> Output {
    let mut command = if bounded && Path::new("/usr/bin/prlimit").exists() {
        let mut c = Command::new("/usr/bin/prlimit");
        c.arg(format!("--as={MEMORY}")).arg("--").arg(bin());
        c
    } else {
        Command::new(bin())
    };
    command
        .args(args)
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary runs");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    finish(child, Duration::from_secs(60))
}

fn run(args: &[&str]) -> Output {
    run_with(args, None, false, &[])
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The exit code, with stderr when it is not the one expected.
fn code(out: &Output) -> (Option<i32>, String) {
    (out.status.code(), stderr(out))
}

fn assert_code(out: &Output, expected: i32) -> String {
    let (code, err) = code(out);
    assert_eq!(code, Some(expected), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// `gen` rows as CSV text.
fn gen_csv(rows: u64) -> Vec<u8> {
    let out = run(&["gen", "--rows", &rows.to_string(), "--seed", "7"]);
    assert_code(&out, 0);
    out.stdout
}

/// A table of rows as CSV text (cells quoted where needed).
fn csv_of(table: &[Vec<String>]) -> String {
    let mut text = Vec::new();
    for row in table {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                text.push(b',');
            }
            wengang_engine::batch::screen::push_field(&mut text, cell);
        }
        text.push(b'\n');
    }
    String::from_utf8(text).expect("UTF-8")
}

/// gen's rows as a table, and the column of `path`.
fn gen_table(rows: u64, path: &str) -> (Vec<Vec<String>>, usize) {
    let table = read_csv(&String::from_utf8(gen_csv(rows)).expect("UTF-8"));
    let at = table[0].iter().position(|h| h == path).expect("column");
    (table, at)
}

fn submission() -> String {
    let out = run_with(
        &["submit", "-"],
        Some(SAMPLE.as_bytes().to_vec()),
        false,
        &[],
    );
    assert_code(&out, 0);
    String::from_utf8(out.stdout).expect("UTF-8")
}

// ---------------------------------------------------------------------
// A minimal .xlsx writer: enough zip and SpreadsheetML for the bombs.

struct Part {
    name: String,
    data: Vec<u8>,
    method: u16,
    size: u64,
    crc: u32,
}

fn deflate(data: &[u8], flush: flate2::FlushCompress) -> Vec<u8> {
    let mut c = flate2::Compress::new(flate2::Compression::best(), false);
    let mut out = Vec::with_capacity(data.len() / 2 + 1024);
    loop {
        let at = c.total_in() as usize;
        out.reserve(1 << 16);
        c.compress_vec(&data[at..], &mut out, flush)
            .expect("deflate");
        if c.total_in() as usize == data.len() && out.capacity() > out.len() {
            break;
        }
    }
    out
}

/// A deflated part.
fn part(name: &str, data: &[u8]) -> Part {
    Part {
        name: name.to_owned(),
        data: deflate(data, flate2::FlushCompress::Finish),
        method: 8,
        size: data.len() as u64,
        crc: crc32fast::hash(data),
    }
}

/// A part of `prefix`, `unit` `times` times, then `suffix`, deflated as
/// one block of `unit` repeated (a full flush makes each block stand
/// alone): gigabytes unpacked from a few megabytes, built in
/// milliseconds. Its checksum is not computed: the reader stops long
/// before the end, where it would be checked.
fn bomb(name: &str, prefix: &[u8], unit: &[u8], times: usize, suffix: &[u8]) -> Part {
    let mut data = deflate(prefix, flate2::FlushCompress::Full);
    let block = deflate(unit, flate2::FlushCompress::Full);
    for _ in 0..times {
        data.extend_from_slice(&block);
    }
    data.extend_from_slice(&deflate(suffix, flate2::FlushCompress::Finish));
    Part {
        name: name.to_owned(),
        data,
        method: 8,
        size: (prefix.len() + unit.len() * times + suffix.len()) as u64,
        crc: 0,
    }
}

fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    let size32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    for p in parts {
        let offset = out.len() as u32;
        let mut header = Vec::new();
        header.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        header.extend_from_slice(&[20, 0, 0, 0]);
        header.extend_from_slice(&p.method.to_le_bytes());
        header.extend_from_slice(&[0, 0, 0, 0]);
        header.extend_from_slice(&p.crc.to_le_bytes());
        header.extend_from_slice(&(p.data.len() as u32).to_le_bytes());
        header.extend_from_slice(&size32(p.size).to_le_bytes());
        header.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
        header.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&header);
        out.extend_from_slice(p.name.as_bytes());
        out.extend_from_slice(&p.data);
        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        directory.extend_from_slice(&p.method.to_le_bytes());
        directory.extend_from_slice(&[0, 0, 0, 0]);
        directory.extend_from_slice(&p.crc.to_le_bytes());
        directory.extend_from_slice(&(p.data.len() as u32).to_le_bytes());
        directory.extend_from_slice(&size32(p.size).to_le_bytes());
        directory.extend_from_slice(&(p.name.len() as u16).to_le_bytes());
        directory.extend_from_slice(&[0; 12]);
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(p.name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

/// A workbook of one sheet (`sheet`, its XML part) and a shared-strings
/// part.
fn workbook(sheet: Part, strings: Part) -> Vec<u8> {
    let rels = part(
        "_rels/.rels",
        br#"<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    let book = part(
        "xl/workbook.xml",
        br#"<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="rows" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    );
    let book_rels = part(
        "xl/_rels/workbook.xml.rels",
        br#"<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
    );
    zip(&[rels, book, book_rels, sheet, strings])
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// gen's rows as sheet XML (inline strings), the header as row 1; `row`
/// may rewrite a row's XML (by its row number).
fn sheet_rows(rows: u64, mut row: impl FnMut(u64, String) -> String) -> Vec<u8> {
    let csv = String::from_utf8(gen_csv(rows)).expect("UTF-8");
    let mut xml = String::from("<worksheet><sheetData>");
    for (i, cells) in read_csv(&csv).iter().enumerate() {
        let r = i as u64 + 1;
        let mut one = format!("<row r=\"{r}\">");
        for (c, cell) in cells.iter().enumerate() {
            let col = (b'A' + (c % 26) as u8) as char;
            let col = if c >= 26 {
                format!("A{col}")
            } else {
                col.to_string()
            };
            one.push_str(&format!(
                "<c r=\"{col}{r}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                xml_escape(cell)
            ));
        }
        one.push_str("</row>");
        xml.push_str(&row(r, one));
    }
    xml.push_str("</sheetData></worksheet>");
    xml.into_bytes()
}

fn strings(items: &[&str]) -> Part {
    let mut xml = String::from("<sst>");
    for s in items {
        xml.push_str(&format!("<si><t>{}</t></si>", xml_escape(s)));
    }
    xml.push_str("</sst>");
    part("xl/sharedStrings.xml", xml.as_bytes())
}

/// Writes `bytes` to `dir/name`, returning the path and the bytes (to
/// compare after the run: an input is never changed).
fn input(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn untouched(path: &Path, bytes: &[u8]) {
    assert!(
        std::fs::read(path).expect("still there") == bytes,
        "{} was changed",
        path.display()
    );
}

/// No temporary file of an output is left in `dir`.
fn no_temporaries(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(!name.contains(".wengang-"), "left behind: {name}");
    }
}

// ---------------------------------------------------------------------
// 1. Hangs

/// Reads the first line of a child's output, then closes the pipe.
fn head_one(mut child: Child) -> (String, Output) {
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = Vec::new();
    let mut byte = [0u8; 1];
    while stdout.read(&mut byte).expect("read") == 1 && byte[0] != b'\n' {
        first.push(byte[0]);
    }
    drop(stdout);
    (
        String::from_utf8_lossy(&first).into_owned(),
        finish(child, Duration::from_secs(60)),
    )
}

#[test]
fn verify_of_many_into_a_closed_pipe_ends_with_exit_2() {
    let dir = temp_dir("verify-head");
    let up = dir.join("up");
    std::fs::create_dir_all(&up).expect("dir");
    let one = submission();
    let mut lines = String::new();
    for i in 0..600 {
        std::fs::write(up.join(format!("{i:04}.json")), &one).expect("write");
        lines.push_str(&one.replace('\n', ""));
        lines.push('\n');
    }
    let jsonl = input(&dir, "all.jsonl", lines.as_bytes());
    for target in [up.as_path(), jsonl.as_path()] {
        let child = Command::new(bin())
            .args(["verify", path_str(target), "--jobs", "2"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let (first, out) = head_one(child);
        assert_eq!(first, "source,outcome,credit_code,name,refund,field,reason");
        let err = assert_code(&out, 2);
        assert!(
            err.contains("writing results (standard output)") && err.contains("incomplete"),
            "{err}"
        );
    }
    untouched(&jsonl, lines.as_bytes());
}

#[test]
fn a_full_disk_stops_every_command_with_exit_2_naming_the_output() {
    let dir = temp_dir("full");
    let csv = gen_csv(3000);
    let rows = input(&dir, "rows.csv", &csv);
    let out = run(&["screen", path_str(&rows), "--output", "/dev/full"]);
    let err = assert_code(&out, 2);
    assert!(err.contains("writing results (/dev/full)"), "{err}");
    assert!(err.contains("No space left"), "{err}");
    // The reminders name themselves (they said "writing results" before).
    let results = dir.join("r.csv");
    std::fs::write(&results, "old\n").expect("write");
    let out = run(&[
        "screen",
        path_str(&rows),
        "--output",
        path_str(&results),
        "--reminders",
        "/dev/full",
    ]);
    let err = assert_code(&out, 2);
    assert!(err.contains("writing reminders (/dev/full)"), "{err}");
    // The failed run leaves the old results as they were, and no temporary file.
    assert_eq!(std::fs::read_to_string(&results).expect("kept"), "old\n");
    no_temporaries(&dir);
    untouched(&rows, &csv);

    let up = dir.join("up");
    std::fs::create_dir_all(&up).expect("dir");
    let one = submission();
    for i in 0..600 {
        std::fs::write(up.join(format!("{i:04}.json")), &one).expect("write");
    }
    let out = run(&["verify", path_str(&up), "--output", "/dev/full"]);
    let err = assert_code(&out, 2);
    assert!(err.contains("writing results (/dev/full)"), "{err}");
    let out = run(&["gen", "--rows", "100000", "--output", "/dev/full"]);
    let err = assert_code(&out, 2);
    assert!(err.contains("writing rows (/dev/full)"), "{err}");
    let out = run_with(
        &["print", "-", "--output", "/dev/full"],
        Some(SAMPLE.as_bytes().to_vec()),
        false,
        &[],
    );
    let err = assert_code(&out, 2);
    assert!(err.contains("writing the page (/dev/full)"), "{err}");
}

#[test]
fn a_fifo_in_a_folder_is_skipped_not_waited_for() {
    let dir = temp_dir("fifo");
    let up = dir.join("up");
    std::fs::create_dir_all(&up).expect("dir");
    std::fs::write(up.join("a.json"), submission()).expect("write");
    let made = Command::new("mkfifo")
        .arg(up.join("b.json"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let out = run(&["verify", path_str(&up)]);
    let err = assert_code(&out, 0);
    assert!(err.contains("b.json: skipped: not a regular file"), "{err}");
    assert!(err.contains("1 submissions"), "{err}");
    let out = run(&["notice", path_str(&up)]);
    let err = assert_code(&out, 0);
    assert!(err.contains("b.json: skipped"), "{err}");
}

// ---------------------------------------------------------------------
// 2. Memory

#[test]
fn xlsx_bombs_stop_at_a_named_limit_in_bounded_memory() {
    let dir = temp_dir("bombs");
    let header = sheet_rows(1, |_, row| row);
    let header = String::from_utf8(header).expect("UTF-8");
    // The header row alone.
    let header_row = header
        .trim_start_matches("<worksheet><sheetData>")
        .split_inclusive("</row>")
        .next()
        .expect("a header row");
    let x_mib = vec![b'x'; 1 << 20];
    let space_mib = vec![b' '; 1 << 20];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            // One 3 GiB inline cell after the header.
            "inline-cell.xlsx",
            workbook(
                bomb(
                    "xl/worksheets/sheet1.xml",
                    format!("<worksheet><sheetData>{header_row}<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>").as_bytes(),
                    &x_mib,
                    3072,
                    b"</t></is></c></row></sheetData></worksheet>",
                ),
                strings(&[]),
            ),
            "longer than 1048576 bytes",
        ),
        (
            // A 3 GiB shared string.
            "shared-string.xlsx",
            workbook(
                part("xl/worksheets/sheet1.xml", header.as_bytes()),
                bomb("xl/sharedStrings.xml", b"<sst><si><t>", &x_mib, 3072, b"</t></si></sst>"),
            ),
            "longer than 1048576 bytes",
        ),
        (
            // 3 GiB of white space between two rows.
            "white-space.xlsx",
            workbook(
                bomb(
                    "xl/worksheets/sheet1.xml",
                    format!("<worksheet><sheetData>{header_row}").as_bytes(),
                    &space_mib,
                    3072,
                    b"</sheetData></worksheet>",
                ),
                strings(&[]),
            ),
            "longer than 1048576 bytes",
        ),
    ];
    for (name, bytes, says) in cases {
        assert!(bytes.len() < 8 << 20, "{name}: {} bytes", bytes.len());
        let path = input(&dir, name, &bytes);
        let started = Instant::now();
        let out = run_with(&["screen", path_str(&path)], None, true, &[]);
        let err = assert_code(&out, 2);
        assert!(err.contains(says), "{name}: {err}");
        assert!(started.elapsed() < Duration::from_secs(30), "{name}");
        untouched(&path, &bytes);
    }
}

#[test]
#[ignore = "inflates and counts 16.8 M shared strings: ~30 s in a debug build, ~2 s in release"]
fn a_hundred_million_shared_strings_stop_at_the_count_limit() {
    let dir = temp_dir("sst-count");
    let header = sheet_rows(1, |_, row| row);
    let bytes = workbook(
        part("xl/worksheets/sheet1.xml", &header),
        bomb(
            "xl/sharedStrings.xml",
            b"<sst>",
            &b"<si/>".repeat(1 << 18),
            98_000_000 / (1 << 18),
            b"</sst>",
        ),
    );
    let path = input(&dir, "many.xlsx", &bytes);
    let out = run_with(&["screen", path_str(&path)], None, true, &[]);
    let err = assert_code(&out, 2);
    assert!(err.contains("more than 16777216 shared strings"), "{err}");
}

#[test]
fn print_of_a_huge_name_is_cut_and_stdin_has_a_limit() {
    let mut app = support::sample("eligible-sme");
    // 50 MB: under the input limit; the page shows the first 200 characters.
    app["applicant"]["name"] = "名".repeat(50 << 20 >> 2).into();
    let text = app.to_string().into_bytes();
    let out = run_with(&["print", "-"], Some(text), true, &[]);
    let err = assert_code(&out, 0);
    assert!(err.contains("longer than a field takes"), "{err}");
    assert!(
        out.stdout.len() < 1 << 20,
        "a page of {} bytes",
        out.stdout.len()
    );
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains("characters in all"), "the cut is marked");
    // 100 MB on standard input: refused, naming the limit.
    app["applicant"]["name"] = "x".repeat(100 << 20).into();
    let text = app.to_string().into_bytes();
    for command in ["check", "print", "verify", "submit"] {
        let out = run_with(&[command, "-"], Some(text.clone()), true, &[]);
        let err = assert_code(&out, 2);
        assert!(
            err.contains("longer than 67108864 bytes (wengang's limit"),
            "{command}: {err}"
        );
    }
}

// ---------------------------------------------------------------------
// 3. Lost input

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_written() {
    let dir = temp_dir("same");
    let csv = gen_csv(2000);
    let rows = input(&dir, "in.csv", &csv);
    let link = dir.join("hard.csv");
    std::fs::hard_link(&rows, &link).expect("link");
    let soft = dir.join("soft.csv");
    std::os::unix::fs::symlink("in.csv", &soft).expect("symlink");
    let other = dir.join("./in.csv");
    for option in ["--output", "--reminders", "--report"] {
        for name in [&rows, &link, &soft, &other] {
            let out = run(&["screen", path_str(&rows), option, path_str(name)]);
            let err = assert_code(&out, 2);
            assert!(
                err.contains("is the input file"),
                "{option} {name:?}: {err}"
            );
            untouched(&rows, &csv);
        }
    }
    // Standard output appended to the input (`>> in.csv`) is refused too.
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .open(&rows)
        .expect("open");
    let out = Command::new(bin())
        .args(["screen", path_str(&rows)])
        .stdout(appended)
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    let err = assert_code(&out, 2);
    assert!(err.contains("standard output is the input file"), "{err}");
    untouched(&rows, &csv);

    // verify a.json b.json --output b.json
    let sub = submission();
    let a = input(&dir, "a.json", sub.as_bytes());
    let b = input(&dir, "b.json", sub.as_bytes());
    let out = run(&[
        "verify",
        path_str(&a),
        path_str(&b),
        "--output",
        path_str(&b),
    ]);
    let err = assert_code(&out, 2);
    assert!(err.contains("is the input file"), "{err}");
    untouched(&b, sub.as_bytes());

    // --output x --reminders x: one file, two outputs.
    for x in ["x.csv", "x.xlsx"] {
        let x = dir.join(x);
        let out = run(&[
            "screen",
            path_str(&rows),
            "--output",
            path_str(&x),
            "--reminders",
            path_str(&x),
        ]);
        let err = assert_code(&out, 2);
        assert!(err.contains("are the same file"), "{err}");
        assert!(!x.exists(), "nothing written");
    }
    no_temporaries(&dir);
}

// ---------------------------------------------------------------------
// 4. Silent loss

#[test]
fn cr_only_line_ends_are_read() {
    let dir = temp_dir("cr");
    let csv = gen_csv(50);
    let cr: Vec<u8> = String::from_utf8(csv)
        .expect("UTF-8")
        .replace('\n', "\r")
        .into_bytes();
    let path = input(&dir, "mac.csv", &cr);
    let out = run(&["screen", path_str(&path)]);
    let err = assert_code(&out, 0);
    assert!(err.contains("lines end in CR"), "{err}");
    assert!(err.contains("50 rows read"), "{err}");
    assert_eq!(read_csv(&String::from_utf8_lossy(&out.stdout)).len(), 51);
    untouched(&path, &cr);
}

#[test]
fn a_bad_shared_string_index_refuses_its_row_and_every_other_row_is_written() {
    let dir = temp_dir("sst-index");
    for bad in ["-1", "1.9", "abc", "99999"] {
        let sheet = sheet_rows(3000, |r, row| {
            if r == 2500 {
                // The name of row 2500 points at a shared string.
                let start = row.find("<c r=\"B2500\"").expect("B2500");
                let end = start + row[start..].find("</c>").expect("end") + 4;
                format!(
                    "{}<c r=\"B2500\" t=\"s\"><v>{bad}</v></c>{}",
                    &row[..start],
                    &row[end..]
                )
            } else {
                row
            }
        });
        let bytes = workbook(
            part("xl/worksheets/sheet1.xml", &sheet),
            strings(&["只有一个"]),
        );
        let path = input(&dir, "damaged.xlsx", &bytes);
        let out = run(&["screen", path_str(&path)]);
        let err = assert_code(&out, 2);
        assert!(
            err.contains(&format!(
                "damaged.xlsx:2500: malformed row: cell B2500: the shared string `{bad}` is not in the workbook's table of 1"
            )),
            "{bad}: {err}"
        );
        let rows = read_csv(&String::from_utf8_lossy(&out.stdout));
        assert_eq!(rows.len(), 3001, "the header and 3,000 rows: none lost");
        assert_eq!(rows[2499][0], "2500");
        assert!(
            rows[2499][9].starts_with("row:malformed"),
            "{:?}",
            rows[2499]
        );
        assert!(err.contains("1 of 3000 rows could not be read"), "{err}");
        untouched(&path, &bytes);
    }
}

#[test]
fn a_workbook_damaged_mid_sheet_keeps_the_rows_before_and_says_it_is_incomplete() {
    let dir = temp_dir("xlsx-damaged");
    let sheet = sheet_rows(3000, |r, row| {
        if r == 2500 {
            "<row r=\"2500\"><c r=\"A2500\" t=\"inlineStr\"><is><t>cut".to_owned()
        } else if r > 2500 {
            String::new()
        } else {
            row
        }
    });
    let bytes = workbook(part("xl/worksheets/sheet1.xml", &sheet), strings(&[]));
    let path = input(&dir, "cut.xlsx", &bytes);
    let results = dir.join("r.csv");
    let report = dir.join("r.html");
    let out = run(&[
        "screen",
        path_str(&path),
        "--output",
        path_str(&results),
        "--report",
        path_str(&report),
    ]);
    let err = assert_code(&out, 2);
    assert!(err.contains("incomplete"), "{err}");
    let rows = read_csv(&std::fs::read_to_string(&results).expect("results"));
    // The header, rows 2–2499, and the closing row.
    assert_eq!(rows.len(), 2500);
    assert_eq!(rows[2498][0], "2499");
    let last = rows.last().expect("closing row");
    assert!(last[9].starts_with("run:incomplete"), "{last:?}");
    let page = std::fs::read_to_string(&report).expect("report");
    assert!(page.contains("id=\"incomplete\""), "the report's banner");
    untouched(&path, &bytes);
}

#[test]
fn xlsx_row_numbers_past_the_sheet_are_an_error_not_a_wrap() {
    let dir = temp_dir("row-number");
    let sheet = sheet_rows(3, |r, row| {
        if r == 3 {
            row.replace("<row r=\"3\">", "<row r=\"4294967297\">")
                .replace("3\" t=", "4294967297\" t=")
        } else {
            row
        }
    });
    let bytes = workbook(part("xl/worksheets/sheet1.xml", &sheet), strings(&[]));
    let path = input(&dir, "wrap.xlsx", &bytes);
    let out = run(&["screen", path_str(&path)]);
    let err = assert_code(&out, 2);
    assert!(
        err.contains("row number `4294967297` after row 2: a sheet's rows are 1 to 1048576"),
        "{err}"
    );
    let rows = read_csv(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(rows[1][0], "2", "row 2 is screened");
    assert!(rows.last().expect("row")[9].starts_with("run:incomplete"));
}

#[test]
fn a_gbk_file_is_named_as_gbk_and_exits_2() {
    let dir = temp_dir("gbk");
    // gen's header, then one row whose name is 苏州示例 in GBK.
    let (mut table, at) = gen_table(1, "applicant.name");
    table[1][at] = "@NAME@".to_owned();
    let text = csv_of(&table);
    let (before, after) = text.split_once("@NAME@").expect("marker");
    let mut bytes = before.as_bytes().to_vec();
    bytes.extend_from_slice(b"\xcb\xd5\xd6\xdd\xca\xbe\xc0\xfd");
    bytes.extend_from_slice(after.as_bytes());
    let path = input(&dir, "gbk.csv", &bytes);
    let out = run(&["screen", path_str(&path)]);
    let err = assert_code(&out, 2);
    assert!(err.contains("gbk.csv:2: malformed row"), "{err}");
    assert!(err.contains("it looks like GBK/GB18030"), "{err}");
    untouched(&path, &bytes);
}

#[test]
fn an_unclosed_quote_refuses_its_line_and_the_lines_after_it_are_read() {
    let dir = temp_dir("quote");
    let csv = String::from_utf8(gen_csv(20)).expect("UTF-8");
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    // Line 6 opens a quote that never closes.
    lines[5] = format!("\"{}", lines[5]);
    let text = lines.join("\n") + "\n";
    let path = input(&dir, "quote.csv", text.as_bytes());
    let out = run(&["screen", path_str(&path)]);
    let err = assert_code(&out, 2);
    assert!(
        err.contains("quote.csv:6: malformed row: column 1: a quoted field is never closed"),
        "{err}"
    );
    assert!(err.contains("20 rows read"), "{err}");
    let rows = read_csv(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(rows.len(), 21, "lines 7–21 are not swallowed");
    untouched(&path, text.as_bytes());
}

#[test]
fn screen_into_a_closed_pipe_is_an_error_naming_where_it_stopped() {
    let dir = temp_dir("pipe");
    let csv = gen_csv(40_000);
    let path = input(&dir, "big.csv", &csv);
    let child = Command::new(bin())
        .args(["screen", path_str(&path)])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let (first, out) = head_one(child);
    assert!(first.starts_with("line,credit_code"), "{first}");
    let err = assert_code(&out, 2);
    assert!(
        err.contains("writing results (standard output)") && err.contains("Broken pipe"),
        "{err}"
    );
    assert!(err.contains("incomplete"), "{err}");
    untouched(&path, &csv);
}

// ---------------------------------------------------------------------
// 5. A full temporary folder

#[test]
fn a_missing_temporary_folder_is_an_error_naming_it_not_a_panic() {
    let dir = temp_dir("tmpdir");
    let csv = gen_csv(100);
    let rows = input(&dir, "rows.csv", &csv);
    let results = dir.join("r.xlsx");
    let out = run_with(
        &["screen", path_str(&rows), "--output", path_str(&results)],
        None,
        false,
        &[
            ("TMPDIR", "/nonexistent/wengang-tmp"),
            ("RUST_BACKTRACE", "1"),
        ],
    );
    let err = assert_code(&out, 2);
    assert!(err.contains("/nonexistent/wengang-tmp"), "{err}");
    assert!(err.contains("temporary"), "{err}");
    assert!(!err.contains("stack backtrace"), "{err}");
    assert!(!results.exists());
    no_temporaries(&dir);
    untouched(&rows, &csv);
}

// ---------------------------------------------------------------------
// 6. verify tells only what it knows; notice takes only screen's results

fn verify_text(text: &str) -> (Option<i32>, String) {
    let out = run_with(&["verify", "-"], Some(text.as_bytes().to_vec()), false, &[]);
    (out.status.code(), stderr(&out))
}

#[test]
fn a_forged_refund_under_a_bumped_version_is_altered() {
    let mut file: Value = serde_json::from_str(&submission()).expect("JSON");
    file["decision"]["refund"] = "5242000.00".into();
    for bump in ["engine", "policy"] {
        let mut forged = file.clone();
        forged[bump]["version"] = "9.9.9".into();
        forged["digest"] = wengang_engine::digest_of(&forged).into();
        let (code, err) = verify_text(&forged.to_string());
        assert_eq!(code, Some(1), "{bump}: {err}");
        assert!(err.contains("altered"), "{err}");
        assert!(err.contains("decision.refund"), "{err}");
        assert!(
            !err.contains("not altered") && !err.contains("holds"),
            "{err}"
        );
    }
    // Another profile's data (its digest differs): cannot be checked here.
    let mut other = file.clone();
    other["policy"]["version"] = "0.9.0".into();
    other["policy"]["digest"] = "sha256:0000".into();
    other["digest"] = wengang_engine::digest_of(&other).into();
    let (code, err) = verify_text(&other.to_string());
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("made under another version: its decision cannot be checked here"),
        "{err}"
    );
    assert!(err.contains("today's rules give: decision.refund"), "{err}");
    assert!(!err.contains("not altered"), "{err}");
}

#[test]
fn unknown_and_misspelt_fields_are_named() {
    let mut app = support::sample("eligible-sme");
    app["applicant"]["official_sise"] = "large".into();
    let out = run_with(
        &["check", "-", "--lang", "en"],
        Some(app.to_string().into_bytes()),
        false,
        &[],
    );
    assert_code(&out, 0);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["valid"], false);
    let issue = report["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .find(|i| i["code"] == "field.unknown")
        .expect("named");
    assert_eq!(issue["field"], "applicant.official_sise");
    assert!(
        issue["message"]
            .as_str()
            .unwrap_or_default()
            .contains("did you mean “applicant.official_size”"),
        "{issue}"
    );
    // A million unknown keys: eleven issues, quickly, in bounded memory.
    let mut many = String::from(SAMPLE.trim_end().trim_end_matches('}'));
    for i in 0..1_000_000 {
        many.push_str(&format!(",\"k{i}\":1"));
    }
    many.push('}');
    let started = Instant::now();
    let out = run_with(&["check", "-"], Some(many.clone().into_bytes()), true, &[]);
    assert_code(&out, 0);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let unknown: Vec<&Value> = report["issues"]
        .as_array()
        .expect("issues")
        .iter()
        .filter(|i| {
            i["code"]
                .as_str()
                .unwrap_or("")
                .starts_with("field.unknown")
        })
        .collect();
    assert_eq!(unknown.len(), 11);
    assert!(started.elapsed() < Duration::from_secs(30));
    // verify: a made file with keys added and the digest recomputed.
    let mut file: Value = serde_json::from_str(&submission()).expect("JSON");
    file["application"]["applicant"]["official_sise"] = "large".into();
    file["digest"] = wengang_engine::digest_of(&file).into();
    let (code, err) = verify_text(&file.to_string());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("application.applicant.official_sise (did you mean applicant.official_size?)"),
        "{err}"
    );
}

#[test]
fn notice_takes_only_what_screen_could_have_written() {
    let dir = temp_dir("notice");
    let csv = gen_csv(200);
    let rows = input(&dir, "rows.csv", &csv);
    let results = dir.join("results.csv");
    let out = run(&["screen", path_str(&rows), "--output", path_str(&results)]);
    assert_code(&out, 0);
    let good = std::fs::read_to_string(&results).expect("results");
    let table = read_csv(&good);
    let eligible = table
        .iter()
        .position(|r| r[3] == "true" && r[4] == "true")
        .expect("an eligible row");
    let line = eligible + 1;
    for (column, value, says) in [
        (5, "12.345", "refund `12.345`"),
        (1, "9132059", "credit_code `9132059`"),
        (3, "yes", "valid `yes`"),
    ] {
        let mut edited = table.clone();
        edited[eligible][column] = value.to_owned();
        let mut text = Vec::new();
        for row in &edited {
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    text.push(b',');
                }
                wengang_engine::batch::screen::push_field(&mut text, cell);
            }
            text.push(b'\n');
        }
        let path = input(&dir, "edited.csv", &text);
        let out = run(&["notice", path_str(&path)]);
        let err = assert_code(&out, 2);
        assert!(
            err.contains(&format!("edited.csv:{line}: {says}")),
            "{column}: {err}"
        );
        untouched(&path, &text);
    }
    assert_code(&run(&["notice", path_str(&results)]), 0);
}

// ---------------------------------------------------------------------
// 7. Text that fools a reader

#[test]
fn control_and_bidi_characters_are_refused_and_never_echoed() {
    let dir = temp_dir("controls");
    let (mut table, at) = gen_table(3, "applicant.name");
    table[0].push("evil\x1b]0;owned\x07\x1b[2J".to_owned());
    for (row, name) in table[1..]
        .iter_mut()
        .zip(["苏州\u{202E}司公限有", "a\u{0}b", "c\u{85}d"])
    {
        row[at] = name.to_owned();
        row.push("x".to_owned());
    }
    let text = csv_of(&table);
    let path = input(&dir, "controls.csv", text.as_bytes());
    let out = run(&["screen", path_str(&path)]);
    let err = assert_code(&out, 0);
    // The header's escape sequence is told escaped, never raw.
    assert!(!err.contains('\x1b'), "{err:?}");
    assert!(err.contains("evil\\u{1B}]0;owned\\u{7}"), "{err}");
    let rows = read_csv(&String::from_utf8_lossy(&out.stdout));
    for row in &rows[1..] {
        assert!(row[9].contains("applicant.name:text.control"), "{row:?}");
        assert_eq!(row[2], "", "the name is not copied: {row:?}");
    }
    assert!(!out.stdout.iter().any(|b| *b == 0 || *b == 0x1b));
    untouched(&path, text.as_bytes());
}

#[test]
fn a_leading_apostrophe_survives_into_the_notice() {
    let dir = temp_dir("apostrophe");
    let (mut table, at) = gen_table(200, "applicant.name");
    table[1][at] = "'=2+2".to_owned();
    table[2][at] = "=2+2".to_owned();
    let text = csv_of(&table);
    let rows = input(&dir, "rows.csv", text.as_bytes());
    let results = dir.join("results.csv");
    assert_code(
        &run(&["screen", path_str(&rows), "--output", path_str(&results)]),
        0,
    );
    let screened = read_csv(&std::fs::read_to_string(&results).expect("results"));
    assert_eq!(screened[1][2], "''=2+2");
    assert_eq!(screened[2][2], "'=2+2");
    let out = run(&["notice", path_str(&results)]);
    assert_code(&out, 0);
    let list = read_csv(&String::from_utf8_lossy(&out.stdout));
    let names: Vec<&str> = list.iter().map(|r| r[4].as_str()).collect();
    // Written defused again, and read back: the original text each.
    let eligible = |i: usize| screened[i][4] == "true";
    if eligible(1) {
        assert!(names.contains(&"''=2+2"), "{names:?}");
    }
    if eligible(2) {
        assert!(names.contains(&"'=2+2"), "{names:?}");
    }
}

// ---------------------------------------------------------------------
// 8. Totals

#[test]
fn one_credit_code_on_four_rows_counts_once() {
    let dir = temp_dir("duplicates");
    let csv = String::from_utf8(gen_csv(10)).expect("UTF-8");
    let mut lines: Vec<&str> = csv.lines().collect();
    let first = lines[1];
    for _ in 0..3 {
        lines.push(first);
    }
    let text = lines.join("\n") + "\n";
    let rows = input(&dir, "dup.csv", text.as_bytes());
    let results = dir.join("r.csv");
    let reminders = dir.join("m.csv");
    let report = dir.join("r.html");
    let out = run(&[
        "screen",
        path_str(&rows),
        "--output",
        path_str(&results),
        "--reminders",
        path_str(&reminders),
        "--report",
        path_str(&report),
    ]);
    let err = assert_code(&out, 0);
    assert!(err.contains("13 rows read"), "{err}");
    assert!(err.contains("duplicates:            3"), "{err}");
    assert!(err.contains("dup.csv:12: credit code"), "{err}");
    assert!(err.contains("is already on line 2"), "{err}");
    let table = read_csv(&std::fs::read_to_string(&results).expect("results"));
    let flagged: Vec<&str> = table[1..]
        .iter()
        .filter(|r| r[9].contains("credit_code.duplicate"))
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(flagged, ["12", "13", "14"]);
    // Counted once: the totals equal those of the file without the copies.
    let single = input(&dir, "single.csv", csv.as_bytes());
    let once = run(&["screen", path_str(&single)]);
    let total = |s: &str| {
        s.lines()
            .find(|l| l.contains("total estimated refund"))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    assert_eq!(total(&err), total(&stderr(&once)));
    let reminded = read_csv(&std::fs::read_to_string(&reminders).expect("reminders"));
    let codes: Vec<&str> = reminded[1..].iter().map(|r| r[0].as_str()).collect();
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(codes.len(), unique.len(), "each enterprise reminded once");
    let page = std::fs::read_to_string(&report).expect("report");
    assert!(page.contains("data-figure=\"duplicates\" data-value=\"3\""));
    untouched(&rows, text.as_bytes());
}

// ---------------------------------------------------------------------
// 10. Smaller

#[test]
fn a_bom_before_json_is_read_everywhere() {
    let bommed = format!("\u{feff}{SAMPLE}");
    for command in ["check", "submit", "print"] {
        let out = run_with(
            &[command, "-"],
            Some(bommed.clone().into_bytes()),
            false,
            &[],
        );
        assert_code(&out, 0);
    }
    let (code, err) = verify_text(&format!("\u{feff}{}", submission()));
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn one_over_long_json_line_is_skipped_not_the_end_of_the_run() {
    let dir = temp_dir("long-line");
    let line = SAMPLE.replace('\n', "");
    let mut text = format!("{line}\n");
    text.push_str(&"x".repeat(65 << 20));
    text.push('\n');
    text.push_str(&line);
    text.push('\n');
    let path = input(&dir, "rows.jsonl", text.as_bytes());
    let out = run_with(&["screen", path_str(&path)], None, true, &[]);
    let err = assert_code(&out, 2);
    assert!(
        err.contains("rows.jsonl:2: malformed row: a record longer than 67108864 bytes"),
        "{err}"
    );
    let rows = read_csv(&String::from_utf8_lossy(&out.stdout));
    let lines: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(lines, ["1", "2", "3"]);
    assert_eq!(rows[3][4], "true", "the line after it is screened");
}

// ---------------------------------------------------------------------
// The hostile corpus (tests/hostile/): the small reproducers, as files.

#[test]
fn the_corpus_of_small_reproducers() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let cases: [(&str, &str, i32, &[&str]); 8] = [
        (
            "screen",
            "cr-only.csv",
            0,
            &["lines end in CR", "2 rows read"],
        ),
        (
            "screen",
            "gbk.csv",
            2,
            &["gbk.csv:2: malformed row", "GBK/GB18030"],
        ),
        (
            "screen",
            "unclosed-quote.csv",
            2,
            &[
                "unclosed-quote.csv:2: malformed row: column 1: a quoted field is never closed",
                "2 rows read",
            ],
        ),
        (
            "screen",
            "controls.csv",
            0,
            &["ignored columns: \\u{1B}[31mred\\u{1B}[0m"],
        ),
        (
            "screen",
            "duplicate-code.csv",
            0,
            &["duplicates:            1", "is already on line 2"],
        ),
        ("screen", "apostrophe.csv", 0, &["2 rows read"]),
        ("check", "misspelt-field.json", 0, &[]),
        ("check", "bidi-name.json", 0, &[]),
    ];
    for (command, file, expected, says) in cases {
        let path = corpus.join(file);
        let before = std::fs::read(&path).expect("corpus file");
        let out = run(&[command, path_str(&path), "--lang", "en"]);
        let err = assert_code(&out, expected);
        for said in says {
            assert!(err.contains(said), "{file}: {err}");
        }
        assert!(!err.contains('\x1b'), "{file}: an escape reached stderr");
        assert!(
            !out.stdout.contains(&0x1b),
            "{file}: an escape reached stdout"
        );
        untouched(&path, &before);
        match file {
            "controls.csv" => {
                let rows = read_csv(&String::from_utf8_lossy(&out.stdout));
                assert!(rows[1..]
                    .iter()
                    .all(|r| r[9].contains("applicant.name:text.control")));
            }
            "apostrophe.csv" => {
                let rows = read_csv(&String::from_utf8_lossy(&out.stdout));
                assert_eq!(
                    (rows[1][2].as_str(), rows[2][2].as_str()),
                    ("''=2+2", "'=2+2")
                );
            }
            "misspelt-field.json" | "bidi-name.json" => {
                let report: Value = serde_json::from_slice(&out.stdout).expect("a report");
                let codes: Vec<&str> = report["issues"]
                    .as_array()
                    .expect("issues")
                    .iter()
                    .filter_map(|i| i["code"].as_str())
                    .collect();
                let expected = if file == "bidi-name.json" {
                    "text.control"
                } else {
                    "field.unknown"
                };
                assert_eq!(codes, [expected], "{file}");
            }
            _ => {}
        }
    }
}

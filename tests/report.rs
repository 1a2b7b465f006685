//! `wengang screen --report FILE.html`, as an officer gets it: the page's
//! totals are the stderr summary's, its district groups and 20 largest
//! refunds are what the result rows add up to, and it stays self-contained.

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::str::FromStr;
use support::{path_str, read_csv, wengang};

use rust_decimal::Decimal;
use sha2::{Digest, Sha256};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("wengang-report-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// The number after `label:` on the summary line that starts with it.
fn summary_figure(stderr: &str, label: &str) -> String {
    let line = stderr
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no `{label}` in\n{stderr}"));
    line.trim_start()[label.len()..]
        .split_whitespace()
        .next()
        .expect("a figure")
        .to_owned()
}

/// The value of `attr="…"` from `at` on.
fn attr<'a>(html: &'a str, attr: &str) -> Option<&'a str> {
    let start = html.find(&format!("{attr}=\""))? + attr.len() + 2;
    let end = html[start..].find('"')? + start;
    Some(&html[start..end])
}

/// The body of the table with `id`.
fn table<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<table id=\"{id}\""))
        .or_else(|| html.find(&format!("id=\"{id}\">")))
        .unwrap_or_else(|| panic!("no table {id}"));
    let end = html[start..].find("</table>").expect("table ends") + start;
    &html[start..end]
}

/// Rows of a table whose `<tr>` carries `key_attr`: the key and the
/// `data-value`s of the row, in order.
fn keyed_rows(table: &str, key_attr: &str) -> Vec<(String, Vec<String>)> {
    table
        .split("<tr ")
        .skip(1)
        .filter_map(|row| {
            let key = attr(row, key_attr)?.to_owned();
            let row = &row[..row.find("</tr>").unwrap_or(row.len())];
            let values = row
                .split("data-value=\"")
                .skip(1)
                .map(|v| v[..v.find('"').expect("closed")].to_owned())
                .collect();
            Some((key, values))
        })
        .collect()
}

fn figure(html: &str, key: &str) -> String {
    attr(
        &html[html.find(&format!("data-figure=\"{key}\"")).expect(key)..],
        "data-value",
    )
    .expect("a value")
    .to_owned()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

/// The credit code as given: the results defuse a formula-like one with `'`.
fn undefused(code: &str) -> &str {
    match code.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest,
        _ => code,
    }
}

#[test]
fn the_report_adds_up_to_the_summary_and_the_result_rows() {
    let dir = temp_dir("sums");
    let input = dir.join("city.csv");
    let results = dir.join("results.csv");
    let report = dir.join("report.html");
    let made = wengang(&[
        "gen",
        "--rows",
        "6000",
        "--seed",
        "11",
        "--output",
        path_str(&input),
    ]);
    assert!(made.status.success());
    // Two rows of our own: one with no division code, one unreadable.
    let mut text = std::fs::read_to_string(&input).expect("generated");
    let header = text.lines().next().expect("header").to_owned();
    let first = text.lines().nth(1).expect("a row").to_owned();
    let columns: Vec<&str> = header.split(',').collect();
    let code_at = columns
        .iter()
        .position(|c| *c == "applicant.credit_code")
        .expect("credit code column");
    let mut cells: Vec<String> = first.split(',').map(str::to_owned).collect();
    cells[code_at] = "91AB".to_owned();
    text.push_str(&cells.join(","));
    text.push('\n');
    text.push_str("too,few,fields\n");
    std::fs::write(&input, text).expect("written");

    let run = wengang(&[
        "screen",
        path_str(&input),
        "--output",
        path_str(&results),
        "--report",
        path_str(&report),
        "--jobs",
        "2",
    ]);
    // One row could not be read: every output is written, and the exit
    // code says not every row was screened (issue 22).
    assert_eq!(
        run.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("1 of 6002 rows could not be read"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(&report).expect("the report is written");

    // Totals: the stderr summary's.
    for (key, label) in [
        ("rows", "wengang screen:"),
        ("eligible", "eligible:"),
        ("not_eligible", "not eligible:"),
        ("undecided", "undecided:"),
        ("invalid", "invalid:"),
        ("rejected", "rejected:"),
        ("refund_total", "total estimated refund:"),
    ] {
        assert_eq!(figure(&html, key), summary_figure(&stderr, label), "{key}");
    }
    let n = |key: &str| figure(&html, key).parse::<u64>().expect("a count");
    assert_eq!(
        n("valid"),
        n("eligible") + n("not_eligible") + n("undecided")
    );
    assert_eq!(n("rows"), n("valid") + n("invalid") + n("rejected"));
    assert_eq!(n("rejected"), 1);
    let to_review = stderr
        .split("(to government deliberation: ")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .expect("review count");
    assert_eq!(figure(&html, "government_review"), to_review);

    // By route and by class: each adds up to the total.
    let total = dec(&figure(&html, "refund_total"));
    for id in ["by-route", "by-class"] {
        let rows = keyed_rows(table(&html, id), "data-key");
        let count: u64 = rows
            .iter()
            .map(|(_, v)| v[0].parse::<u64>().expect("n"))
            .sum();
        let sum: Decimal = rows.iter().map(|(_, v)| dec(&v[1])).sum();
        assert_eq!(count, n("eligible"), "{id}");
        assert_eq!(sum, total, "{id}");
    }

    // The result rows, regrouped by positions 3–8 of the credit code.
    let rows = read_csv(&std::fs::read_to_string(&results).expect("results"));
    let col = |name: &str| rows[0].iter().position(|c| c == name).expect(name);
    let (line, code, valid, eligible, refund) = (
        col("line"),
        col("credit_code"),
        col("valid"),
        col("eligible"),
        col("refund"),
    );
    let mut districts: BTreeMap<String, (u64, u64, Decimal)> = BTreeMap::new();
    let mut paid: Vec<(Decimal, u64)> = Vec::new();
    for r in &rows[1..] {
        if r[col("issues")].starts_with("row:malformed") {
            continue;
        }
        let c = undefused(&r[code]);
        let key = c
            .get(2..8)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or("none")
            .to_owned();
        let entry = districts.entry(key).or_insert((0, 0, Decimal::ZERO));
        entry.0 += 1;
        if r[valid] == "true" && r[eligible] == "true" {
            entry.1 += 1;
            entry.2 += dec(&r[refund]);
            paid.push((dec(&r[refund]), r[line].parse().expect("line")));
        }
    }
    let shown = keyed_rows(table(&html, "by-district"), "data-code");
    let mut from_report: BTreeMap<String, (u64, u64, Decimal)> = BTreeMap::new();
    for (key, v) in &shown {
        from_report.insert(
            key.clone(),
            (
                v[0].parse().expect("rows"),
                v[1].parse().expect("eligible"),
                dec(&v[2]),
            ),
        );
    }
    assert_eq!(from_report, districts);
    assert!(
        districts.contains_key("none"),
        "the row with no division code"
    );
    // Sorted by refund, largest first (the unplaced row last).
    let refunds: Vec<Decimal> = shown
        .iter()
        .filter(|(k, _)| k != "none")
        .map(|(_, v)| dec(&v[2]))
        .collect();
    assert!(refunds.windows(2).all(|w| w[0] >= w[1]), "{refunds:?}");
    // Prefectures: the districts cut to XXXX00.
    let mut prefectures: BTreeMap<String, Decimal> = BTreeMap::new();
    for (key, (_, _, sum)) in &districts {
        let cut = if key == "none" {
            key.clone()
        } else {
            format!("{}00", &key[..4])
        };
        *prefectures.entry(cut).or_default() += *sum;
    }
    let shown: BTreeMap<String, Decimal> = keyed_rows(table(&html, "by-prefecture"), "data-code")
        .into_iter()
        .map(|(k, v)| (k, dec(&v[2])))
        .collect();
    assert_eq!(shown, prefectures);

    // The 20 largest refunds, equal ones by line.
    paid.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    paid.truncate(20);
    let top: Vec<(Decimal, u64)> = keyed_rows(table(&html, "top-data"), "data-line")
        .into_iter()
        .map(|(line, v)| (dec(&v[0]), line.parse().expect("line")))
        .collect();
    assert_eq!(top, paid);
    assert_eq!(html.matches("<svg").count(), 3);
    for chart in ["chart-histogram", "chart-issues", "chart-top"] {
        assert!(
            html.contains(&format!("<svg id=\"{chart}\" role=\"img\"")),
            "{chart}"
        );
    }
    // The histogram counts every valid row with a rate and threshold.
    let bins: u64 = ["histogram-data-0", "histogram-data-1"]
        .iter()
        .flat_map(|id| {
            let t = table(&html, id);
            t.split("data-value=\"")
                .skip(1)
                .map(|v| v[..v.find('"').expect("closed")].parse::<u64>().expect("n"))
                .collect::<Vec<u64>>()
        })
        .sum();
    assert_eq!(bins, n("valid"));
}

#[test]
fn the_page_is_self_contained_and_its_style_allowed_by_hash() {
    let dir = temp_dir("csp");
    let input = dir.join("city.csv");
    let report = dir.join("r.html");
    assert!(wengang(&[
        "gen",
        "--rows",
        "300",
        "--seed",
        "3",
        "--output",
        path_str(&input)
    ])
    .status
    .success());
    for (lang, tag, title) in [
        ("zh", "zh-CN", "稳岗返还批量预审报告"),
        ("en", "en", "batch pre-screening report"),
    ] {
        let run = wengang(&[
            "screen",
            path_str(&input),
            "--output",
            path_str(&dir.join("out.csv")),
            "--report",
            path_str(&report),
            "--lang",
            lang,
        ]);
        assert!(run.status.success());
        let html = std::fs::read_to_string(&report).expect("report");
        assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{lang}");
        assert!(html.contains(title), "{lang}");
        for banned in [
            "<script",
            "http://",
            "https://",
            "<img",
            "<link",
            "@import",
            "url(",
            " style=\"",
        ] {
            let allowed_ns = html.matches("http://www.w3.org/2000/svg").count();
            if banned == "http://" {
                assert_eq!(html.matches(banned).count(), allowed_ns, "{lang}");
            } else {
                assert!(!html.contains(banned), "{lang}: {banned}");
            }
        }
        let style =
            &html[html.find("<style>").expect("style") + 7..html.find("</style>").expect("end")];
        let hash = Sha256::digest(style.as_bytes());
        let b64 = base64(&hash);
        assert!(
            html.contains(&format!("default-src 'none'; style-src 'sha256-{b64}'")),
            "the CSP allows exactly the page's style"
        );
        assert!(style.contains("@page { size: A4"));
    }
    // No --report: no page.
    std::fs::remove_file(&report).expect("removed");
    assert!(wengang(&[
        "screen",
        path_str(&input),
        "--output",
        path_str(&dir.join("out.csv"))
    ])
    .status
    .success());
    assert!(!report.exists());
    // A report that cannot be written fails before the work.
    let run = wengang(&[
        "screen",
        path_str(&input),
        "--output",
        path_str(&dir.join("out.csv")),
        "--report",
        path_str(&dir.join("no/such/dir/r.html")),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&run.stderr).contains("rows read"));
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63])
            } else {
                '='
            });
        }
    }
    out
}

#[test]
fn the_page_is_the_same_whatever_the_number_of_workers() {
    let dir = temp_dir("jobs");
    let input = dir.join("city.csv");
    // Large enough for several chunks (about 1 MiB each).
    assert!(wengang(&[
        "gen",
        "--rows",
        "12000",
        "--seed",
        "5",
        "--output",
        path_str(&input)
    ])
    .status
    .success());
    let page = |jobs: &str| {
        let report = dir.join(format!("r{jobs}.html"));
        let run = wengang(&[
            "screen",
            path_str(&input),
            "--output",
            path_str(&dir.join("out.csv")),
            "--report",
            path_str(&report),
            "--jobs",
            jobs,
        ]);
        assert!(run.status.success());
        std::fs::read_to_string(&report).expect("report")
    };
    let one = page("1");
    assert!(std::fs::metadata(&input).expect("input").len() > 3 << 20);
    assert_eq!(one, page("3"));
    assert_eq!(one, page("8"));
}

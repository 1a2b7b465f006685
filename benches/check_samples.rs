//! The JavaScript package's work, natively, on every sample: the figures
//! `benches/node_check.mjs` sets Node's beside. Timed as Node is timed
//! there: rounds of `CALLS` calls, each round's mean per call, the median
//! of the rounds; in wall time and in the process's CPU time (which a
//! shared machine disturbs less: time spent waiting for a core is not in it).
//!
//! Run: `cargo bench --bench check_samples -- [ROUNDS] [CALLS]` (5, 2000);
//! one JSON line per figure: `{"what", "sample", "us", "cpu_us"}`. Under
//! `cargo test` (no `--bench`) each call runs once, as a smoke test.

use std::hint::black_box;
use std::time::Instant;

use serde_json::Value;
use wengang_engine::{check, check_str, submit, verify, Lang, RawApplication};

const SAMPLES: [(&str, &str); 5] = [
    ("eligible-sme", include_str!("../samples/eligible-sme.json")),
    ("hardship", include_str!("../samples/hardship.json")),
    (
        "large-enterprise-review",
        include_str!("../samples/large-enterprise-review.json"),
    ),
    (
        "missing-months",
        include_str!("../samples/missing-months.json"),
    ),
    (
        "over-layoff-threshold",
        include_str!("../samples/over-layoff-threshold.json"),
    ),
];

/// The CPU time of this process so far, in seconds.
fn cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Microseconds a call, wall and CPU: the median over `rounds` of each
/// round's mean.
fn time(rounds: usize, calls: usize, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..calls / 4 {
        f();
    }
    let (mut wall, mut cpu): (Vec<f64>, Vec<f64>) = (0..rounds)
        .map(|_| {
            let (start, start_cpu) = (Instant::now(), cpu_seconds());
            for _ in 0..calls {
                f();
            }
            let per = 1e6 / calls as f64;
            (
                start.elapsed().as_secs_f64() * per,
                (cpu_seconds() - start_cpu) * per,
            )
        })
        .unzip();
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (median(&mut wall), median(&mut cpu))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo test --all-targets` runs this without `--bench`: once each.
    let timed = args.iter().any(|a| a == "--bench");
    let mut numbers = args.iter().filter_map(|a| a.parse::<usize>().ok());
    let (rounds, calls) = match (numbers.next(), numbers.next()) {
        (Some(r), Some(c)) => (r.max(1), c.max(1)),
        (Some(r), None) => (r.max(1), 2000),
        _ if timed => (5, 2000),
        _ => (1, 1),
    };
    let line = |what: &str, sample: &str, (us, cpu_us): (f64, f64)| {
        println!(r#"{{"what":"{what}","sample":"{sample}","us":{us:.3},"cpu_us":{cpu_us:.3}}}"#);
    };
    for (name, text) in SAMPLES {
        // `cargo bench --bench check`'s check_from_json: parse and check.
        let us = time(rounds, calls, || {
            black_box(check_str(black_box(text), Lang::Zh).ok());
        });
        line("check_from_json", name, us);
        // What the package's `check` does besides: the report as JSON text.
        let us = time(rounds, calls, || {
            let report = check_str(black_box(text), Lang::Zh).ok();
            black_box(serde_json::to_string(&report).ok());
        });
        line("check_json_out", name, us);
        // `validateField` with the application as its context: the value
        // set in the application, which is checked whole.
        let app: Value = serde_json::from_str(text).unwrap_or_default();
        let us = time(rounds, calls, || {
            let mut app = app.clone();
            app["applicant"]["credit_code"] = Value::from("91320500MA1XXXXX0X");
            if let Ok(raw) = RawApplication::from_json(app) {
                let issues: Vec<_> = check(&raw, Lang::Zh)
                    .issues
                    .into_iter()
                    .filter(|i| i.field == "applicant.credit_code")
                    .collect();
                black_box(serde_json::to_string(&issues).ok());
            }
        });
        line("validate_field", name, us);
        // `verify` of a submission's text, for the samples that make one.
        let submission = wengang_engine::parse_application(text)
            .ok()
            .and_then(|raw| submit(&raw).ok())
            .and_then(|s| serde_json::to_string(&s).ok());
        if let Some(submission) = submission {
            let us = time(rounds, calls, || {
                black_box(verify(black_box(&submission)).is_ok());
            });
            line("verify", name, us);
        }
    }
}

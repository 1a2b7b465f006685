//! `wengang verify` on many submissions: one CSV row per submission, a
//! summary on stderr, and the worst outcome's exit code.
//!
//! One file (not a folder, not JSON Lines, no `--output`) keeps the single
//! file's behaviour: its message and its exit code, nothing else.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::thread;
use std::time::Instant;

use wengang_engine::batch::screen::push_text;
use wengang_engine::controls::{shown, shown_up_to};
use wengang_engine::{VerifyError, VerifyOutcome};

use crate::args::{Input, Verify};
use crate::exit::Exit;
use crate::outputs::{self, Dest, Output};
use crate::submissions::{self, Checked, Failure};

/// The header of the bulk result.
pub const VERIFY_HEADER: &str = "source,outcome,credit_code,name,refund,field,reason\n";

/// The outcomes from the least to the most serious. The most serious one in
/// a run decides its exit code: an alteration is possible fraud and must
/// never hide behind anything else; an unreadable file cannot be checked
/// at all (so it could hide an alteration); a file from another version is
/// not tampered with but needs deciding again; an old format needs only a
/// new export.
pub const SEVERITY: [VerifyOutcome; 5] = [
    VerifyOutcome::Holds,
    VerifyOutcome::OldFormat,
    VerifyOutcome::OtherVersion,
    VerifyOutcome::Unreadable,
    VerifyOutcome::Altered,
];

/// The rank of an outcome in [`SEVERITY`].
pub fn severity(outcome: VerifyOutcome) -> usize {
    SEVERITY.iter().position(|o| *o == outcome).unwrap_or(0)
}

/// The one input verified as today, when the command names just one file.
pub fn single(options: &Verify) -> Option<&Input> {
    if options.output.is_some() || options.inputs.len() != 1 {
        return None;
    }
    let input = options.inputs.first()?;
    match input {
        Input::Stdin => Some(input),
        Input::Path(p) => {
            let path = Path::new(p);
            (!path.is_dir() && !submissions::is_json_lines(path)).then_some(input)
        }
    }
}

pub fn run(options: &Verify) -> ExitCode {
    let dest = Dest::of(options.output.as_ref());
    let opened = outputs::check(&options.inputs, &[("--output", dest)])
        .and_then(|()| Output::open("results", dest));
    let mut out = match opened {
        Ok(output) => BufWriter::new(output),
        Err(e) => {
            eprintln!("wengang: {e}");
            return ExitCode::from(Exit::Unreadable);
        }
    };
    let jobs = options
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()));
    let started = Instant::now();
    let mut counts = [0u64; 5];
    let mut write_error = out.write_all(VERIFY_HEADER.as_bytes()).err();
    let mut row = Vec::new();
    let mut last_source = String::new();
    if write_error.is_none() {
        submissions::verify_all(&options.inputs, jobs, |checked| {
            counts[severity(checked.outcome())] += 1;
            row.clear();
            write_row(&mut row, &checked);
            match out.write_all(&row) {
                Ok(()) => {
                    last_source = checked.source;
                    true
                }
                Err(e) => {
                    write_error = Some(e);
                    false
                }
            }
        });
    }
    let flushed = match write_error {
        Some(e) => Err(out.get_ref().error(&e)),
        None => match out.into_inner() {
            Ok(output) => output.commit(),
            Err(e) => {
                let (error, w) = e.into_parts();
                Err(w.get_ref().error(&error))
            }
        },
    };
    if let Err(e) = flushed {
        // A closed pipe (`| head`) too: the rows after it are lost, so the
        // run did not do its work.
        let after = if last_source.is_empty() {
            String::new()
        } else {
            format!("; the rows after {} were not written", shown(&last_source))
        };
        eprintln!("wengang: {e}{after} (the run is incomplete)");
        return ExitCode::from(Exit::Unreadable);
    }
    let total: u64 = counts.iter().sum();
    if total == 0 {
        eprintln!("wengang verify: no submissions found");
        return ExitCode::from(Exit::Unreadable);
    }
    let worst = SEVERITY
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(o, _)| *o)
        .next_back()
        .unwrap_or(VerifyOutcome::Holds);
    eprintln!(
        "wengang verify: {total} submissions in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let mut by_code = SEVERITY;
    by_code.sort_by_key(|o| Exit::of(*o).code());
    for outcome in by_code {
        eprintln!(
            "  {:<14} {:>8}  (exit {})",
            format!("{}:", outcome.as_str()),
            counts[severity(outcome)],
            Exit::of(outcome).code()
        );
    }
    eprintln!(
        "  exit {}: the most serious outcome found ({}; altered > unreadable > other_version > old_format > holds)",
        Exit::of(worst).code(),
        worst.as_str()
    );
    ExitCode::from(Exit::of(worst))
}

/// The longest reason a row gives, in characters.
const MAX_REASON_CHARS: usize = 2000;

/// One result row. What the file says of itself (credit code, name,
/// refund) is echoed as [`shown`] text: control characters escaped, cut
/// after 200 characters, so a forged file cannot put a 60 MB name or an
/// escape sequence into the rows.
fn write_row(out: &mut Vec<u8>, c: &Checked) {
    push_text(out, &shown(&c.source));
    out.push(b',');
    out.extend_from_slice(c.outcome().as_str().as_bytes());
    out.push(b',');
    push_text(out, &shown(&c.credit_code));
    out.push(b',');
    push_text(out, &shown(&c.name));
    out.push(b',');
    push_text(out, &shown(&c.claimed_refund));
    out.push(b',');
    match &c.result {
        Ok(_) => out.push(b','),
        Err(Failure::Read(reason)) => {
            out.push(b',');
            push_text(out, &shown_up_to(reason, MAX_REASON_CHARS));
        }
        Err(Failure::Verify(e)) => {
            push_text(out, &shown(&field(e)));
            out.push(b',');
            push_text(out, &shown_up_to(&e.to_string(), MAX_REASON_CHARS));
        }
    }
    out.push(b'\n');
}

/// Which part of the file the verdict is about: the first decision value
/// that differs for an alteration, the part missing, the version stamps.
pub fn field(e: &VerifyError) -> String {
    match e {
        VerifyError::Unreadable(_) => String::new(),
        VerifyError::WrongFormat { .. } | VerifyError::OldFormat => "format".to_owned(),
        VerifyError::Missing { field } => (*field).to_owned(),
        VerifyError::BadApplication(_) => "application".to_owned(),
        VerifyError::UnknownProfile { .. } | VerifyError::PolicyMismatch { .. } => {
            "policy.id".to_owned()
        }
        VerifyError::DigestMismatch { changed, .. } => match changed {
            Some(d) => d.path.clone(),
            None => "digest".to_owned(),
        },
        VerifyError::DecisionMismatch(d) => d.path.clone(),
        VerifyError::UnknownKeys(unknown) => unknown
            .named
            .first()
            .map(|(path, _)| path.clone())
            .unwrap_or_default(),
        VerifyError::OtherVersion { versions, .. } => {
            let mut out = Vec::new();
            for v in versions {
                out.push(if v.what == "engine" {
                    "engine.version"
                } else {
                    "policy.version"
                });
            }
            out.join(";")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_has_a_rank_and_altered_is_the_worst() {
        let mut ranks: Vec<usize> = SEVERITY.iter().map(|o| severity(*o)).collect();
        ranks.dedup();
        assert_eq!(ranks, [0, 1, 2, 3, 4]);
        assert_eq!(SEVERITY[4], VerifyOutcome::Altered);
        assert_eq!(SEVERITY[0], VerifyOutcome::Holds);
    }
}

//! What each command does, as thin adapters over the engine's API.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use serde::Serialize;
use wengang_engine::{self as engine, policy, receipt::SubmissionError};

use crate::args::{Command, Input, USAGE};

const UNREADABLE: u8 = 2;

pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { input, lang } => with_application(&input, |raw| {
            print_json(&engine::check(&raw, lang));
            ExitCode::SUCCESS
        }),
        Command::Submit { input, lang } => {
            with_application(&input, |raw| match engine::submit(&raw, lang) {
                Ok(submission) => {
                    print_json(&submission);
                    ExitCode::SUCCESS
                }
                Err(SubmissionError::NotValid(report)) => {
                    eprintln!("wengang: {}: cannot make a submission:", input.name());
                    for issue in report
                        .issues
                        .iter()
                        .filter(|i| i.severity == engine::Severity::Error)
                    {
                        eprintln!("  {}: {}", issue.field, issue.message);
                    }
                    ExitCode::from(1)
                }
            })
        }
        Command::Verify { input } => match read(&input) {
            Ok(text) => match engine::verify(&text) {
                Ok(verified) => {
                    let refund = verified.report.refund.as_deref().unwrap_or("-");
                    println!(
                        "ok: {} holds ({}, refund {refund})",
                        input.name(),
                        verified.policy
                    );
                    if let Some(other) = verified.made_by_other_engine {
                        println!(
                            "note: made by engine {other}, re-checked by {}",
                            engine::ENGINE_VERSION
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(reason) => {
                    eprintln!("wengang: {}: does not hold: {reason}", input.name());
                    ExitCode::from(1)
                }
            },
            Err(code) => code,
        },
        Command::Schema => {
            print_json(&engine::application_schema());
            ExitCode::SUCCESS
        }
        Command::Policies { json } => policies(json),
        Command::Screen(options) => crate::screen::run(&options),
        Command::Gen(options) => crate::gen::run(&options),
        Command::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("wengang {}", engine::ENGINE_VERSION);
            ExitCode::SUCCESS
        }
    }
}

/// Reads and parses an application, or says where it is unreadable.
fn with_application(
    input: &Input,
    then: impl FnOnce(engine::RawApplication) -> ExitCode,
) -> ExitCode {
    let text = match read(input) {
        Ok(text) => text,
        Err(code) => return code,
    };
    match engine::parse_application(&text) {
        Ok(raw) => then(raw),
        Err(e) => {
            eprintln!(
                "wengang: {}:{}:{}: not a readable application: {}",
                input.name(),
                e.line,
                e.column,
                e.message
            );
            ExitCode::from(UNREADABLE)
        }
    }
}

fn read(input: &Input) -> Result<String, ExitCode> {
    let mut bytes = Vec::new();
    let result = match input {
        Input::Stdin => io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Input::Path(path) => std::fs::read(path).map(|b| bytes = b),
    };
    if let Err(e) = result {
        eprintln!("wengang: {}: {e}", input.name());
        return Err(ExitCode::from(UNREADABLE));
    }
    String::from_utf8(bytes).map_err(|e| {
        eprintln!(
            "wengang: {}: not UTF-8 text (byte {})",
            input.name(),
            e.utf8_error().valid_up_to()
        );
        ExitCode::from(UNREADABLE)
    })
}

fn print_json<T: Serialize>(value: &T) {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = writeln!(out, "{text}");
}

fn policies(json: bool) -> ExitCode {
    let mut rows = Vec::new();
    for loaded in policy::profiles() {
        match loaded {
            Ok(p) => rows.push(p),
            Err(e) => eprintln!("wengang: {e}"),
        }
    }
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|p| {
                serde_json::json!({
                    "id": p.profile.id,
                    "version": p.profile.version,
                    "name": p.profile.name,
                    "place": p.profile.place,
                    "applies_in": p.profile.applies_in,
                    "data_year": p.profile.data_year,
                    "valid_from": p.profile.valid_from,
                    "valid_to": p.profile.valid_to,
                    "digest": p.digest(),
                    "sources": p.profile.sources,
                })
            })
            .collect();
        print_json(&list);
    } else {
        for p in rows {
            let pr = &p.profile;
            println!(
                "{:<12} {} – {}  {}",
                pr.id, pr.valid_from, pr.valid_to, pr.name.zh
            );
            for source in pr.sources.values() {
                let mark = if source.confirmed {
                    ""
                } else {
                    " (文号未确认 / unconfirmed)"
                };
                println!("{:<12}   {}{mark}", "", source.document);
            }
        }
    }
    ExitCode::SUCCESS
}

//! What each command does, as thin adapters over the engine's API.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use serde::Serialize;
use wengang_engine as engine;

use crate::args::{Command, Input, USAGE};

const UNREADABLE: u8 = 2;

pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { input, lang } => with_application(&input, |raw| {
            let mut report = engine::check(&raw, lang);
            report.gloss_sources();
            print_json(&report);
            ExitCode::SUCCESS
        }),
        Command::Submit { input, lang } => {
            with_application(&input, |raw| match engine::submit(&raw) {
                Ok(submission) => {
                    print_json(&submission);
                    ExitCode::SUCCESS
                }
                Err(refused) => {
                    eprintln!("wengang: {}: cannot make a submission:", input.name());
                    for issue in refused
                        .report(lang)
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
        Command::Print(options) => with_application(&options.input, |raw| print(&raw, &options)),
        Command::Statement { input, year, lang } => crate::statement::run(&input, year, lang),
        Command::Verify(options) => match crate::verify::single(&options) {
            Some(input) => verify_one(input),
            None => crate::verify::run(&options),
        },
        Command::Schema => {
            print_json(&engine::application_schema());
            ExitCode::SUCCESS
        }
        Command::Policies { json } => policies(json),
        Command::Screen(options) => crate::screen::run(&options),
        Command::Gen(options) => crate::gen::run(&options),
        Command::GenBureau(options) => crate::gen_bureau::run(&options),
        Command::Notice(options) => crate::notice::run(&options),
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

/// `wengang print`: the page, to a file or standard output. An application
/// with errors is printed all the same (the page says so and has no QR
/// code), with a warning.
fn print(raw: &engine::RawApplication, options: &crate::args::Print) -> ExitCode {
    let page = engine::print::page(raw, options.lang, options.sample);
    if engine::submit(raw).is_err() {
        eprintln!(
            "wengang: {}: the application has errors: the printout lists them and cannot be submitted",
            options.input.name()
        );
    }
    let written = match options.output.as_ref().filter(|o| *o != "-") {
        Some(path) => std::fs::write(path, page.as_bytes())
            .map_err(|e| format!("{}: {e}", path.to_string_lossy())),
        None => io::stdout()
            .write_all(page.as_bytes())
            .map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wengang: {e}");
            ExitCode::from(UNREADABLE)
        }
    }
}

/// `wengang verify FILE`: one submission, its message and its exit code.
fn verify_one(input: &Input) -> ExitCode {
    match read(input) {
        Ok(text) => match engine::verify(&text) {
            Ok(verified) => {
                let refund = verified.decision.refund.as_deref().unwrap_or("-");
                println!(
                    "ok: {} holds ({}, refund {refund})",
                    input.name(),
                    verified.policy
                );
                ExitCode::SUCCESS
            }
            Err(reason) => {
                let outcome = reason.outcome();
                eprintln!("wengang: {}: {}: {reason}", input.name(), outcome.as_str());
                ExitCode::from(outcome.exit_code())
            }
        },
        Err(code) => code,
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

pub fn print_json<T: Serialize>(value: &T) {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = io::stdout().lock();
    // A closed pipe (e.g. `| head`) is not an error worth a panic.
    let _ = writeln!(out, "{text}");
}

fn policies(json: bool) -> ExitCode {
    let (rows, errors) = engine::policies();
    for e in &errors {
        eprintln!("wengang: {e}");
    }
    if json {
        print_json(&rows);
    } else {
        for p in rows {
            // Provisional rules say so on their first line.
            let status = match p.status {
                engine::internals::policy::ProfileStatus::Provisional => {
                    "  [待核实：官方文本未核实 / provisional: the official text is not verified]"
                }
                engine::internals::policy::ProfileStatus::Published => "",
            };
            println!(
                "{:<12} {} – {}  {}{status}",
                p.id, p.valid_from, p.valid_to, p.name.zh
            );
            for source in p.sources.values() {
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

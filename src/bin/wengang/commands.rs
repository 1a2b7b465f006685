//! What each command does, as thin adapters over the engine's API.

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use wengang_engine as engine;
use wengang_engine::controls::{shown, shown_up_to};
use wengang_engine::field::Field;
use wengang_engine::internals::fields::MAX_TEXT_CHARS;

use crate::args::{Command, Input};
use crate::exit::Exit;
use crate::outputs::{self, print_json, print_text, Dest, Output};

pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { input, lang } => with_application(&input, |raw| {
            let mut report = engine::check(&raw, lang);
            report.gloss_sources();
            print_json(&report)
        }),
        Command::Submit { input, lang } => {
            with_application(&input, |raw| match engine::submit(&raw) {
                Ok(submission) => print_json(&submission),
                Err(refused) => {
                    eprintln!(
                        "wengang: {}: cannot make a submission:",
                        shown(&input.name())
                    );
                    for issue in refused
                        .report(lang)
                        .issues
                        .iter()
                        .filter(|i| i.severity == engine::Severity::Error)
                    {
                        eprintln!("  {}: {}", shown(&issue.field), shown(&issue.message));
                    }
                    ExitCode::from(Exit::Refused)
                }
            })
        }
        Command::Print(options) => with_application(&options.input, |raw| print(&raw, &options)),
        Command::Statement { input, year, lang } => crate::statement::run(&input, year, lang),
        Command::Verify(options) => match crate::verify::single(&options) {
            Some(input) => verify_one(input),
            None => crate::verify::run(&options),
        },
        Command::Schema => print_json(&engine::application_schema()),
        Command::Policies { json } => policies(json),
        Command::Screen(options) => crate::screen::run(&options),
        Command::Gen(options) => crate::gen::run(&options),
        Command::GenBureau(options) => crate::gen_bureau::run(&options),
        Command::Notice(options) => crate::notice::run(&options),
        Command::Help => print_text(&crate::flags::usage()),
        Command::Version => print_text(&format!("wengang {}\n", engine::ENGINE_VERSION)),
    }
}

/// `wengang print`: the page, to a file or standard output. An application
/// with errors is printed all the same (the page says so and has no QR
/// code), with a warning. Text longer than a field takes is cut on the
/// page (see [`clip_long_text`]).
fn print(raw: &engine::RawApplication, options: &crate::args::Print) -> ExitCode {
    let dest = Dest::of(options.output.as_ref());
    let mut output =
        match outputs::check(std::slice::from_ref(&options.input), &[("--output", dest)])
            .and_then(|()| Output::open("the page", dest))
        {
            Ok(output) => output,
            Err(e) => {
                eprintln!("wengang: {e}");
                return ExitCode::from(Exit::Unreadable);
            }
        };
    let mut shown_raw = raw.clone();
    let cut = clip_long_text(&mut shown_raw);
    if cut > 0 {
        eprintln!(
            "wengang: {}: {cut} answers are longer than a field takes: the page shows their first \
             {MAX_TEXT_CHARS} characters",
            shown(&options.input.name())
        );
    }
    // The page shows the cut answers; its decision, issues and code are
    // the whole application's.
    let page = engine::print::page_shown(raw, &shown_raw, options.lang, options.sample);
    if !page.submittable {
        eprintln!(
            "wengang: {}: the application has errors: the printout lists them and cannot be submitted",
            shown(&options.input.name())
        );
    }
    let written = output
        .write_all(page.html.as_bytes())
        .map_err(|e| output.error(&e))
        .and_then(|()| output.commit());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wengang: {e}");
            ExitCode::from(Exit::Unreadable)
        }
    }
}

/// Cuts every answer longer than a text field takes (`MAX_TEXT_CHARS`)
/// to its first `MAX_TEXT_CHARS` characters and a mark with the full
/// length, so a 100 MB name is not copied onto the page three times. The
/// cut text is still too long, so the page names the same issue. Returns
/// how many answers were cut.
fn clip_long_text(raw: &mut engine::RawApplication) -> usize {
    let mut cut = 0;
    for field in Field::ALL {
        if field.section() == engine::field::Section::Hardship && raw.hardship.is_none() {
            continue;
        }
        if let serde_json::Value::String(text) = field.raw_mut(raw) {
            let long = text.len() > MAX_TEXT_CHARS && text.chars().nth(MAX_TEXT_CHARS).is_some();
            if long {
                let total = text.chars().count();
                let kept: String = text.chars().take(MAX_TEXT_CHARS).collect();
                *text = format!("{kept}…（共 {total} 字 / {total} characters in all）");
                cut += 1;
            }
        }
    }
    cut
}

/// `wengang verify FILE`: one submission, its message and its exit code.
fn verify_one(input: &Input) -> ExitCode {
    let name = shown(&input.name()).into_owned();
    match read(input) {
        Ok(text) => match engine::verify(&text) {
            Ok(verified) => {
                let refund = verified.decision.refund.as_deref().unwrap_or("-");
                print_text(&format!(
                    "ok: {name} holds ({}, refund {refund})\n",
                    verified.policy
                ))
            }
            Err(reason) => {
                let outcome = reason.outcome();
                eprintln!(
                    "wengang: {name}: {}: {}",
                    outcome.as_str(),
                    shown_up_to(&reason.to_string(), 4000)
                );
                ExitCode::from(Exit::of(outcome))
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
                shown(&input.name()),
                e.line,
                e.column,
                shown_up_to(&e.message, 1000)
            );
            ExitCode::from(Exit::Unreadable)
        }
    }
}

/// The most a command reads of one application or submission (a file or
/// standard input): 64 MiB, as `verify` takes of each submission.
pub const MAX_INPUT_BYTES: usize = crate::submissions::MAX_SUBMISSION_BYTES;

fn read(input: &Input) -> Result<String, ExitCode> {
    let name = shown(&input.name()).into_owned();
    let mut bytes = Vec::new();
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let result = match input {
        Input::Stdin => io::stdin().lock().take(limit).read_to_end(&mut bytes),
        Input::Path(path) => {
            std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
        }
    };
    if let Err(e) = result {
        eprintln!("wengang: {name}: {e}");
        return Err(ExitCode::from(Exit::Unreadable));
    }
    if bytes.len() > MAX_INPUT_BYTES {
        eprintln!(
            "wengang: {name}: longer than {MAX_INPUT_BYTES} bytes (wengang's limit for one \
             application or submission): not read"
        );
        return Err(ExitCode::from(Exit::Unreadable));
    }
    String::from_utf8(bytes).map_err(|e| {
        eprintln!(
            "wengang: {name}: not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        );
        ExitCode::from(Exit::Unreadable)
    })
}

fn policies(json: bool) -> ExitCode {
    let (rows, errors) = engine::policies();
    for e in &errors {
        eprintln!("wengang: {e}");
    }
    if json {
        return print_json(&rows);
    }
    let mut text = String::new();
    for p in rows {
        // Provisional rules say so on their first line.
        let status = match p.status {
            engine::internals::policy::ProfileStatus::Provisional => {
                "  [待核实：官方文本未核实 / provisional: the official text is not verified]"
            }
            engine::internals::policy::ProfileStatus::Published => "",
        };
        let _ = writeln!(
            text,
            "{:<12} {} – {}  {}{status}",
            p.id, p.valid_from, p.valid_to, p.name.zh
        );
        for source in p.sources.values() {
            let mark = if source.confirmed {
                ""
            } else {
                " (文号未确认 / unconfirmed)"
            };
            let _ = writeln!(text, "{:<12}   {}{mark}", "", source.document);
        }
    }
    print_text(&text)
}

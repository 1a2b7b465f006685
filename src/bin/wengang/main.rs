//! `wengang`: the command line. It only wires arguments to the engine.

mod args;
mod commands;
mod gen;
mod notice;
mod screen;
mod submissions;
mod verify;
mod xlsx;

use std::process::ExitCode;

fn main() -> ExitCode {
    match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => commands::run(command),
        Err(message) => {
            eprintln!("wengang: {message}\n\n{}", args::USAGE);
            ExitCode::from(2)
        }
    }
}

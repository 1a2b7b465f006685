//! `wengang`: the command line. It only wires arguments to the engine.
//!
//! Native only: a wasm32 build of the package (the bindings' browser
//! tests) compiles this binary as an empty stub, since the spreadsheet
//! crates it uses are native dependencies.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod commands;
#[cfg(not(target_arch = "wasm32"))]
mod exit;
#[cfg(not(target_arch = "wasm32"))]
mod flags;
#[cfg(not(target_arch = "wasm32"))]
mod gen;
#[cfg(not(target_arch = "wasm32"))]
mod gen_bureau;
#[cfg(not(target_arch = "wasm32"))]
mod notice;
#[cfg(not(target_arch = "wasm32"))]
mod outputs;
#[cfg(not(target_arch = "wasm32"))]
mod screen;
#[cfg(not(target_arch = "wasm32"))]
mod statement;
#[cfg(not(target_arch = "wasm32"))]
mod submissions;
#[cfg(not(target_arch = "wasm32"))]
mod units;
#[cfg(not(target_arch = "wasm32"))]
mod verify;
#[cfg(not(target_arch = "wasm32"))]
mod xlsx;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    xlsx::quiet_writer_panics();
    match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => commands::run(command),
        Err(message) => {
            eprintln!("wengang: {message}\n\n{}", flags::usage());
            std::process::ExitCode::from(crate::exit::Exit::Unreadable)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

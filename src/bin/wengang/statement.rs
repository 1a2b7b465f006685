//! `wengang statement`: a social-insurance statement (参保缴费明细), as
//! copied or exported, read into the `insured.months` rows (JSON on
//! standard output), or refused naming the line (exit 2).

use std::io::{self, Read};
use std::process::ExitCode;

use wengang_engine::{read_statement, Lang};

use crate::args::Input;
use crate::exit::Exit;

pub fn run(input: &Input, year: Option<u16>, lang: Lang) -> ExitCode {
    let text = match text(input) {
        Ok(text) => text,
        Err(message) => {
            eprintln!("wengang: {}: {message}", input.name());
            return ExitCode::from(Exit::Unreadable);
        }
    };
    match read_statement(&text, year) {
        Ok(statement) => {
            let written = crate::outputs::print_json(&statement.months());
            for (code, note) in statement.notes(lang) {
                eprintln!("wengang: {}: {code}: {note}", input.name());
            }
            written
        }
        Err(e) => {
            let column = e.column().map(|c| format!(":{c}")).unwrap_or_default();
            eprintln!(
                "wengang: {}:{}{column}: {}: {}",
                input.name(),
                e.line(),
                e.code(),
                e.message(lang)
            );
            ExitCode::from(Exit::Unreadable)
        }
    }
}

/// The file's text: UTF-8 (a BOM is the reader's to skip), or UTF-16 with
/// its BOM (Excel's "Unicode text"). GBK, the Chinese Windows default for
/// CSV, is not read: the message says how to save it instead.
fn text(input: &Input) -> Result<String, String> {
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Input::Path(path) => std::fs::read(path).map(|b| bytes = b),
    }
    .map_err(|e| e.to_string())?;
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| "not UTF-16 text, although it starts like it".to_owned())
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).map_err(|e| {
            let byte = e.utf8_error().valid_up_to();
            format!(
                "不是 UTF-8 文本（第 {byte} 字节）：中文 Windows 上 Excel 保存的 CSV 是 GBK 编码，\
                 请另存为“CSV UTF-8”，或复制单元格后粘贴 / not UTF-8 text (byte {byte}); a CSV \
                 saved by Excel on Chinese Windows is GBK: save it as \"CSV UTF-8\", or copy the \
                 cells and paste them"
            )
        }),
    }
}

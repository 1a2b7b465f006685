//! Command-line arguments: raw words in, a validated [`Command`] out.

use std::ffi::OsString;

use wengang_engine::batch::Format;
use wengang_engine::division::Level;
use wengang_engine::internals::ListKind;
use wengang_engine::Lang;

use crate::flags::{self, Cmd};

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Check {
        input: Input,
        lang: Lang,
    },
    Submit {
        input: Input,
        lang: Lang,
    },
    Print(Print),
    /// `wengang statement`: a statement's rows as `insured.months`.
    Statement {
        input: Input,
        year: Option<u16>,
        lang: Lang,
    },
    Verify(Verify),
    Schema,
    Policies {
        json: bool,
    },
    Screen(Screen),
    Gen(Gen),
    GenBureau(GenBureau),
    Notice(Notice),
    Help,
    Version,
}

/// `wengang screen`: what to read and where results go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub input: Input,
    /// `None`: by the file's extension.
    pub format: Option<Format>,
    pub output: Option<OsString>,
    pub reminders: Option<OsString>,
    /// A known profile id.
    pub policy: Option<String>,
    pub strict: bool,
    /// `None`: one per core.
    pub jobs: Option<usize>,
    /// The sheet of an .xlsx workbook (`None`: the first).
    pub sheet: Option<String>,
    /// `--report FILE.html`: the one-page report.
    pub report: Option<OsString>,
    /// The report's language.
    pub lang: Lang,
    /// `--units`: each row is the bureau's record of a unit (免申即享), not
    /// an application.
    pub units: bool,
    /// `--months FILE`: unit months in long form, joined by credit code.
    pub months: Option<OsString>,
    /// `--list KIND=FILE`: other offices' lists, in the order given.
    pub lists: Vec<(ListKind, OsString)>,
}

/// `wengang print`: the printout of one application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Print {
    pub input: Input,
    /// `en`: an English gloss beside the Chinese.
    pub lang: Lang,
    /// Every sheet marked 样例 / SAMPLE.
    pub sample: bool,
    pub output: Option<OsString>,
}

/// `wengang verify`: one submission or many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verify {
    pub inputs: Vec<Input>,
    pub output: Option<OsString>,
    /// `None`: one per core.
    pub jobs: Option<usize>,
}

/// The formats of the notice list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeFormat {
    Csv,
    Html,
    Xlsx,
}

impl NoticeFormat {
    fn parse(text: &str) -> Option<NoticeFormat> {
        match text.to_ascii_lowercase().as_str() {
            "csv" => Some(NoticeFormat::Csv),
            "html" | "htm" => Some(NoticeFormat::Html),
            "xlsx" => Some(NoticeFormat::Xlsx),
            _ => None,
        }
    }
}

/// `wengang notice`: where the list comes from and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub inputs: Vec<Input>,
    pub output: Option<OsString>,
    pub format: NoticeFormat,
    pub by: Level,
    pub title: Option<String>,
    pub jobs: Option<usize>,
}

/// `wengang gen`: how many rows, from which seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gen {
    pub rows: u64,
    pub seed: u64,
    /// A known profile id (default `suzhou-2019`).
    pub policy: String,
    pub output: Option<OsString>,
    /// Column names: field paths or zh labels.
    pub header: HeaderNames,
}

/// `wengang gen --bureau DIR`: what to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenBureau {
    pub dir: OsString,
    /// Units in the register.
    pub units: u64,
    pub seed: u64,
    /// The year of the records (the data year).
    pub year: u16,
}

/// How `gen` names its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HeaderNames {
    /// `applicant.credit_code`.
    #[default]
    Path,
    /// 统一社会信用代码.
    Zh,
}

/// A file path, or `-` for standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    Path(OsString),
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::Path(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// Parses the arguments after the program name: the table's options
/// ([`flags::FLAGS`]), each only where its command takes it.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let low = flags::parse_low(args)?;
    if low.version {
        return Ok(Command::Version);
    }
    let doc = match low.command.as_deref() {
        None | Some("help") => return Ok(Command::Help),
        Some(name) => flags::command(name).ok_or_else(|| format!("unknown command `{name}`"))?,
    };
    if low.help {
        return Ok(Command::Help);
    }
    flags::check_taken(&low, doc)?;
    let mut inputs: Vec<Input> = low
        .inputs
        .into_iter()
        .map(|v| {
            if v == "-" {
                Input::Stdin
            } else {
                Input::Path(v)
            }
        })
        .collect();
    let many = matches!(doc.cmd, Cmd::Verify | Cmd::Notice);
    if !many && inputs.len() > 1 {
        if let Some(Input::Path(extra)) = inputs.get(1) {
            return Err(lexopt::Arg::Value(extra.clone()).unexpected().to_string());
        }
        return Err("unexpected argument \"-\"".to_owned());
    }
    let input = if many { None } else { inputs.pop() };
    let need_input = |input: Option<Input>| {
        input.ok_or_else(|| {
            format!(
                "`wengang {}` needs a FILE (or - for standard input)",
                doc.name
            )
        })
    };
    let lang = low.lang.unwrap_or_default();
    let output = low.output;
    match doc.cmd {
        Cmd::Check => Ok(Command::Check {
            input: need_input(input)?,
            lang,
        }),
        Cmd::Submit => Ok(Command::Submit {
            input: need_input(input)?,
            lang,
        }),
        Cmd::Print => Ok(Command::Print(Print {
            input: need_input(input)?,
            lang,
            sample: low.sample,
            output,
        })),
        Cmd::Statement => Ok(Command::Statement {
            input: need_input(input)?,
            year: low.year,
            lang,
        }),
        Cmd::Verify if inputs.is_empty() => Err(
            "`wengang verify` needs a FILE (or - for standard input), or several, or a folder"
                .to_owned(),
        ),
        Cmd::Verify => Ok(Command::Verify(Verify {
            inputs,
            output,
            jobs: low.jobs,
        })),
        Cmd::Notice if inputs.is_empty() => Err(
            "`wengang notice` needs screen's result CSV, or submissions (files, folders, JSON Lines)"
                .to_owned(),
        ),
        Cmd::Notice => {
            let by_extension = output.as_ref().and_then(|o| {
                std::path::Path::new(o)
                    .extension()
                    .and_then(|e| e.to_str())
                    .and_then(NoticeFormat::parse)
            });
            let format = match low.format.as_deref() {
                Some(f) => NoticeFormat::parse(f)
                    .ok_or_else(|| format!("--format takes csv, html or xlsx, not `{f}`"))?,
                None => by_extension.unwrap_or(NoticeFormat::Csv),
            };
            if format == NoticeFormat::Xlsx && output.as_ref().is_none_or(|o| o == "-") {
                return Err("a spreadsheet (xlsx) needs --output FILE".to_owned());
            }
            Ok(Command::Notice(Notice {
                inputs,
                output,
                format,
                by: low.by.unwrap_or(Level::District),
                title: low.title,
                jobs: low.jobs,
            }))
        }
        Cmd::Schema => Ok(Command::Schema),
        Cmd::Policies => Ok(Command::Policies { json: low.json }),
        Cmd::Screen => {
            let format = match low.format.as_deref() {
                None => None,
                Some("csv") => Some(Format::Csv),
                Some("jsonl" | "ndjson") => Some(Format::JsonLines),
                Some("xlsx") => Some(Format::Xlsx),
                Some(other) => {
                    return Err(format!("--format takes csv, jsonl or xlsx, not `{other}`"))
                }
            };
            Ok(Command::Screen(Screen {
                input: need_input(input)?,
                format,
                output,
                reminders: low.reminders,
                policy: low.policy,
                strict: low.strict,
                jobs: low.jobs,
                sheet: low.sheet,
                report: low.report,
                lang,
                units: low.units || low.months.is_some() || !low.lists.is_empty(),
                months: low.months,
                lists: low.lists,
            }))
        }
        Cmd::Gen => match low.bureau {
            Some(dir) => {
                let stray: Vec<&str> = ["policy", "header", "output"]
                    .into_iter()
                    .filter(|o| low.given.contains(o))
                    .collect();
                if let Some(first) = stray.first() {
                    return Err(format!(
                        "`wengang gen --bureau` takes no --{first} (it writes its files in DIR)"
                    ));
                }
                Ok(Command::GenBureau(GenBureau {
                    dir,
                    units: low.rows.ok_or("`wengang gen --bureau DIR` needs --rows N (units)")?,
                    seed: low.seed.unwrap_or(0),
                    year: low.year.unwrap_or(2024),
                }))
            }
            None if low.year.is_some() => {
                Err("`wengang gen` takes --year only with --bureau DIR".to_owned())
            }
            None => Ok(Command::Gen(Gen {
                rows: low.rows.ok_or("`wengang gen` needs --rows N")?,
                seed: low.seed.unwrap_or(0),
                policy: low.policy.unwrap_or_else(|| "suzhou-2019".to_owned()),
                output,
                header: match low.header_zh {
                    Some(true) => HeaderNames::Zh,
                    _ => HeaderNames::Path,
                },
            })),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Result<Command, String> {
        parse(words.iter().map(OsString::from))
    }

    #[test]
    fn check_with_language() {
        assert_eq!(
            args(&["check", "-", "--lang", "en"]),
            Ok(Command::Check {
                input: Input::Stdin,
                lang: Lang::En
            })
        );
        assert_eq!(
            args(&["check", "a.json"]),
            Ok(Command::Check {
                input: Input::Path("a.json".into()),
                lang: Lang::Zh
            })
        );
    }

    #[test]
    fn print_with_its_options() {
        assert_eq!(
            args(&["print", "a.json", "--lang", "en", "--sample", "-o", "a.html"]),
            Ok(Command::Print(Print {
                input: Input::Path("a.json".into()),
                lang: Lang::En,
                sample: true,
                output: Some("a.html".into()),
            }))
        );
        assert!(args(&["print"]).is_err());
    }

    #[test]
    fn a_units_run_with_its_months_and_lists() {
        let parsed = args(&[
            "screen",
            "u.csv",
            "--units",
            "--months",
            "m.csv",
            "--list",
            "zombie=z.xlsx",
        ]);
        let Ok(Command::Screen(s)) = parsed else {
            panic!("{parsed:?}")
        };
        assert!(s.units);
        assert_eq!(s.months, Some("m.csv".into()));
        assert_eq!(s.lists, vec![(ListKind::Zombie, "z.xlsx".into())]);
        // Naming a list or months makes it a units run.
        let listed = args(&["screen", "u.csv", "--list", "dishonest=d.csv"]);
        assert!(matches!(listed, Ok(Command::Screen(s)) if s.units));
        assert!(args(&["screen", "u.csv", "--list", "dishonest"]).is_err());
        assert!(args(&["screen", "u.csv", "--list", "other=x.csv"]).is_err());
        assert_eq!(
            args(&["gen", "--bureau", "out", "--rows", "10", "--seed", "3"]),
            Ok(Command::GenBureau(GenBureau {
                dir: "out".into(),
                units: 10,
                seed: 3,
                year: 2024,
            }))
        );
    }

    #[test]
    fn screen_and_gen() {
        assert_eq!(
            args(&[
                "screen",
                "rows.csv",
                "--policy",
                "suzhou-2019",
                "--strict",
                "--jobs",
                "2"
            ]),
            Ok(Command::Screen(Screen {
                input: Input::Path("rows.csv".into()),
                format: None,
                output: None,
                reminders: None,
                policy: Some("suzhou-2019".into()),
                strict: true,
                jobs: Some(2),
                sheet: None,
                report: None,
                lang: Lang::Zh,
                units: false,
                months: None,
                lists: Vec::new(),
            }))
        );
        assert_eq!(
            args(&["gen", "--rows", "10", "--seed", "7"]),
            Ok(Command::Gen(Gen {
                rows: 10,
                seed: 7,
                policy: "suzhou-2019".into(),
                output: None,
                header: HeaderNames::Path,
            }))
        );
        assert_eq!(
            args(&["screen", "a.xlsx", "--sheet", "二月", "--output", "r.xlsx"]),
            Ok(Command::Screen(Screen {
                input: Input::Path("a.xlsx".into()),
                format: None,
                output: Some("r.xlsx".into()),
                reminders: None,
                policy: None,
                strict: false,
                jobs: None,
                sheet: Some("二月".into()),
                report: None,
                lang: Lang::Zh,
                units: false,
                months: None,
                lists: Vec::new(),
            }))
        );
        assert_eq!(
            args(&["gen", "--rows", "1", "--header", "zh"]),
            Ok(Command::Gen(Gen {
                rows: 1,
                seed: 0,
                policy: "suzhou-2019".into(),
                output: None,
                header: HeaderNames::Zh,
            }))
        );
        assert!(args(&["gen", "--rows", "1", "--header", "en"]).is_err());
        assert!(args(&["screen", "-", "--policy", "nowhere-1999"]).is_err());
        assert!(args(&["screen", "-", "--format", "xml"]).is_err());
        assert!(args(&["screen", "-", "--jobs", "0"]).is_err());
        let with_report = args(&["screen", "a.csv", "--report", "r.html", "--lang", "en"]);
        assert!(matches!(with_report, Ok(Command::Screen(s))
            if s.report == Some("r.html".into()) && s.lang == Lang::En));
        assert!(args(&["gen"]).is_err());
    }

    #[test]
    fn verify_and_notice_take_many_inputs() {
        assert_eq!(
            args(&["verify", "a.json", "uploads", "--jobs", "3"]),
            Ok(Command::Verify(Verify {
                inputs: vec![Input::Path("a.json".into()), Input::Path("uploads".into())],
                output: None,
                jobs: Some(3),
            }))
        );
        assert_eq!(
            args(&[
                "notice",
                "results.csv",
                "--output",
                "list.XLSX",
                "--by",
                "prefecture"
            ]),
            Ok(Command::Notice(Notice {
                inputs: vec![Input::Path("results.csv".into())],
                output: Some("list.XLSX".into()),
                format: NoticeFormat::Xlsx,
                by: Level::Prefecture,
                title: None,
                jobs: None,
            }))
        );
        let notice = args(&["notice", "up", "--output", "l.html", "--format", "csv"]);
        assert!(matches!(notice, Ok(Command::Notice(n)) if n.format == NoticeFormat::Csv));
        assert!(args(&["verify"]).is_err());
        assert!(args(&["notice", "up"]).is_ok());
        assert!(args(&["notice", "up", "--format", "xlsx"]).is_err());
        assert!(args(&["notice", "up", "--format", "pdf"]).is_err());
        assert!(args(&["notice", "up", "--by", "street"]).is_err());
        // The single-input commands still take one.
        assert!(args(&["check", "a.json", "b.json"]).is_err());
        assert!(args(&["screen", "a.csv", "-"]).is_err());
        assert!(args(&["screen", "a.csv", "--format", "html"]).is_err());
    }

    #[test]
    fn statement_with_a_year() {
        assert_eq!(
            args(&["statement", "-", "--year", "2025", "--lang", "en"]),
            Ok(Command::Statement {
                input: Input::Stdin,
                year: Some(2025),
                lang: Lang::En,
            })
        );
        assert_eq!(
            args(&["statement", "s.csv"]),
            Ok(Command::Statement {
                input: Input::Path("s.csv".into()),
                year: None,
                lang: Lang::Zh,
            })
        );
        assert!(args(&["statement"]).is_err());
        assert!(args(&["statement", "-", "--year", "25"]).is_err());
    }

    #[test]
    fn mistakes_are_reported() {
        assert!(args(&["check"]).is_err());
        assert!(args(&["check", "-", "--lang", "fr"]).is_err());
        assert!(args(&["frobnicate"]).is_err());
    }
}

//! Command-line arguments: raw words in, a validated [`Command`] out.

use std::ffi::OsString;

use wengang_engine::batch::Format;
use wengang_engine::division::Level;
use wengang_engine::internals::{ListKind, Named};
use wengang_engine::{internals::policy, Lang};

pub const USAGE: &str = "\
wengang — 稳岗返还自助预审 (job-retention refund pre-check)

USAGE:
    wengang check FILE|- [--lang zh|en]    print the report of an application (JSON)
    wengang submit FILE|- [--lang zh|en]   print the submission file (wengang.submission/2) of a valid
                                           application; the same in every language (--lang: messages)
    wengang print FILE|- [--lang zh|en] [--sample] [-o FILE.html]
                                           the printout for the counter: the application form (申请表)
                                           and the commitment letter (承诺书) on A4, always in Chinese
                                           (--lang en adds an English gloss), signatures, seal and date
                                           left blank for the pen, the refund in capitals (大写), a QR
                                           code of the submission digest; 免申即享 rules: a self-check
                                           record instead. --sample marks every sheet 样例 / SAMPLE.
                                           One self-contained page (no script, strict CSP); default:
                                           standard output
    wengang statement FILE|- [--year YYYY] [--lang zh|en]
                                           read a social-insurance statement (参保缴费明细) as copied
                                           or exported (tab, CSV or space-separated text, columns by
                                           their headings) and print its insured.months rows (JSON);
                                           or say which line it cannot read, and why (exit 2). --year:
                                           the data year every period that names a year must be in
    wengang verify FILE|-                  re-run the engine on a submission and say whether it holds
    wengang verify FILE|DIR... [OPTIONS]   verify many: files, folders (their *.json files, by name) and
                                           JSON Lines files (.jsonl/.ndjson, one submission a line), in
                                           parallel; one CSV row each in input order (source, outcome,
                                           credit_code, name, refund, field, reason), counts on stderr
        --output FILE                      the rows (default: standard output; given, even one file
                                           gives a row)
        --jobs N                           worker threads (default: one per core)
    wengang schema                         print the JSON Schema of wengang.application/1
    wengang policies [--json]              list the policy profiles with dates and sources
    wengang screen FILE|- [OPTIONS]        pre-screen many applications, one per row (CSV, JSON Lines
                                           or .xlsx); columns named by field path or zh label
                                           (applicant.credit_code or 统一社会信用代码)
        --format csv|jsonl|xlsx            the input's format (default: by extension, else CSV)
        --sheet NAME                       the sheet of an .xlsx workbook (default: the first)
        --output FILE                      result rows (default: standard output; FILE.xlsx: a workbook)
        --reminders FILE                   the eligible enterprises to remind, with phone and refund
                                           (FILE.xlsx: a workbook)
        --policy ID                        the policy of rows that name none
        --strict                           stop at the first row that cannot be read
        --jobs N                           worker threads (default: one per core)
        --report FILE.html                 also a one-page report for officials: totals, refunds by
                                           route, rate class, prefecture and district, charts of layoff
                                           rates against the threshold, common issues and the 20
                                           largest refunds (self-contained, no script, prints on A4)
        --lang zh|en                       the report's language (default zh)
        --units                            免申即享: each row is the bureau's record of a unit (credit
                                           code, name, unit type, its size class or the size measures,
                                           year, arrears, the insured figures or --months); bank,
                                           contact, commitment and declarations are not read. Result
                                           rows add rate_class, size_source, lists_not_given,
                                           listed_on and gap; --reminders lists the units just above
                                           the layoff-rate standard, with their gap
        --months FILE                      unit months in long form (credit_code, [year,] month,
                                           insured, due, paid; sql/unit_months.sql's output), joined
                                           by credit code (needs --policy: its data year)
        --list KIND=FILE                   an office's list of excluded units (CSV or .xlsx with a
                                           credit_code / 统一社会信用代码 column, optional date);
                                           KIND: dishonest, zombie, arrears, industrial, environmental.
                                           A list not given leaves its criterion undecided
    wengang gen --bureau DIR --rows N [--seed S] [--year YYYY]
                                           a province's made-up records for benchmarks: DIR/units.csv,
                                           DIR/contributions.csv (person-months) and DIR/lists/*.csv
    wengang gen --rows N [--seed S] [--policy ID] [--header path|zh] [--output FILE]
                                           deterministic synthetic applications for benchmarks: CSV,
                                           or .xlsx when FILE ends in .xlsx; --header zh names the
                                           columns by their zh labels (default: field paths)
    wengang notice INPUT... [OPTIONS]      the list a bureau publishes (公示名单): number, name, credit
                                           code and refund, grouped by district with a count and total
                                           each. INPUT: screen's result CSV (its valid, eligible rows), or
                                           submissions as for verify (those that hold and are eligible).
                                           No contact, phone or bank data is read into it.
        --output FILE                      .csv, .html (a printable A4 page) or .xlsx (default: CSV on
                                           standard output)
        --format csv|html|xlsx             the output's format (default: by --output's extension)
        --by district|prefecture|province  the grouping, from credit-code positions 3-8 (default district)
        --title TEXT                       the heading (default 失业保险稳岗返还公示名单)
        --jobs N                           verification threads, for submissions (default: one per core)

Exit codes: 0 done (verify: the submission holds); 1 verify: altered after it was made
(the message names the field, the file's value and the engine's), submit: cannot be made;
2 unreadable input or a usage error (screen: an unreadable file, or a bad row under --strict);
3 verify: made under another engine or profile version (names both, and how the decision
changes under today's rules); 4 verify: an older format (wengang.submission/1): export again.
verify on many submissions exits with the code of the most serious outcome found, in this
order: altered (1) > unreadable (2) > other version (3) > old format (4) > all hold (0).
An alteration is possible fraud and is never hidden by another outcome; an unreadable file
cannot be checked at all, so it could hide one; another version is not tampering but needs
deciding again; an old format needs only a new export. No submission found at all: 2.
";

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

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut subcommand: Option<String> = None;
    let mut inputs: Vec<Input> = Vec::new();
    let mut lang = Lang::Zh;
    let mut json = false;
    let mut format: Option<String> = None;
    let mut by = None;
    let mut title = None;
    let mut output = None;
    let mut reminders = None;
    let mut report = None;
    let mut policy_id: Option<String> = None;
    let mut strict = false;
    let mut sample = false;
    let mut jobs = None;
    let mut rows = None;
    let mut seed = None;
    let mut year = None;
    let mut sheet = None;
    let mut header = HeaderNames::Path;
    let mut units = false;
    let mut months = None;
    let mut lists = Vec::new();
    let mut bureau = None;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("lang") => {
                let value = parser.value().map_err(|e| e.to_string())?;
                let tag = value.to_string_lossy();
                lang = Lang::parse(&tag)
                    .ok_or_else(|| format!("--lang takes zh or en, not `{tag}`"))?;
            }
            Long("json") => json = true,
            Long("format") => format = Some(text(&mut parser)?),
            Long("by") => {
                let value = text(&mut parser)?;
                by = Some(match value.as_str() {
                    "district" => Level::District,
                    "prefecture" => Level::Prefecture,
                    "province" => Level::Province,
                    other => {
                        return Err(format!(
                            "--by takes district, prefecture or province, not `{other}`"
                        ))
                    }
                });
            }
            Long("title") => title = Some(text(&mut parser)?),
            Long("output") | Short('o') => {
                output = Some(parser.value().map_err(|e| e.to_string())?)
            }
            Long("reminders") => reminders = Some(parser.value().map_err(|e| e.to_string())?),
            Long("report") => report = Some(parser.value().map_err(|e| e.to_string())?),
            Long("policy") => {
                let id = text(&mut parser)?;
                if policy::find(&id).is_err() {
                    return Err(format!(
                        "--policy: unknown policy profile `{id}` (see `wengang policies`)"
                    ));
                }
                policy_id = Some(id);
            }
            Long("strict") => strict = true,
            Long("sample") => sample = true,
            Long("sheet") => sheet = Some(text(&mut parser)?),
            Long("header") => {
                header = match text(&mut parser)?.as_str() {
                    "path" => HeaderNames::Path,
                    "zh" => HeaderNames::Zh,
                    other => return Err(format!("--header takes path or zh, not `{other}`")),
                }
            }
            Long("jobs") => jobs = Some(number(&mut parser, "--jobs", 1, 1024)? as usize),
            Long("rows") => rows = Some(number(&mut parser, "--rows", 0, u64::MAX)?),
            Long("seed") => seed = Some(number(&mut parser, "--seed", 0, u64::MAX)?),
            Long("units") => units = true,
            Long("months") => months = Some(parser.value().map_err(|e| e.to_string())?),
            Long("list") => lists.push(list(&mut parser)?),
            Long("bureau") => bureau = Some(parser.value().map_err(|e| e.to_string())?),
            Long("year") => year = Some(number(&mut parser, "--year", 1900, 2100)? as u16),
            Value(value) if subcommand.is_none() => {
                subcommand = Some(value.to_string_lossy().into_owned())
            }
            Value(value) => inputs.push(if value == "-" {
                Input::Stdin
            } else {
                Input::Path(value)
            }),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let many = matches!(subcommand.as_deref(), Some("verify" | "notice"));
    if !many && inputs.len() > 1 {
        if let Some(Input::Path(extra)) = inputs.get(1) {
            return Err(lexopt::Arg::Value(extra.clone()).unexpected().to_string());
        }
        return Err("unexpected argument \"-\"".to_owned());
    }
    let input = if many { None } else { inputs.pop() };
    let need_input = |input: Option<Input>, what: &str| {
        input.ok_or_else(|| format!("`wengang {what}` needs a FILE (or - for standard input)"))
    };
    let screen_format = |format: Option<String>| -> Result<Option<Format>, String> {
        match format.as_deref() {
            None => Ok(None),
            Some("csv") => Ok(Some(Format::Csv)),
            Some("jsonl" | "ndjson") => Ok(Some(Format::JsonLines)),
            Some("xlsx") => Ok(Some(Format::Xlsx)),
            Some(other) => Err(format!("--format takes csv, jsonl or xlsx, not `{other}`")),
        }
    };
    match subcommand.as_deref() {
        Some("check") => Ok(Command::Check {
            input: need_input(input, "check")?,
            lang,
        }),
        Some("submit") => Ok(Command::Submit {
            input: need_input(input, "submit")?,
            lang,
        }),
        Some("print") => Ok(Command::Print(Print {
            input: need_input(input, "print")?,
            lang,
            sample,
            output,
        })),
        Some("statement") => Ok(Command::Statement {
            input: need_input(input, "statement")?,
            year,
            lang,
        }),
        Some("verify") if inputs.is_empty() => Err(
            "`wengang verify` needs a FILE (or - for standard input), or several, or a folder"
                .to_owned(),
        ),
        Some("verify") => Ok(Command::Verify(Verify {
            inputs,
            output,
            jobs,
        })),
        Some("notice") if inputs.is_empty() => Err(
            "`wengang notice` needs screen's result CSV, or submissions (files, folders, JSON Lines)"
                .to_owned(),
        ),
        Some("notice") => {
            let by_extension = output.as_ref().and_then(|o| {
                std::path::Path::new(o)
                    .extension()
                    .and_then(|e| e.to_str())
                    .and_then(NoticeFormat::parse)
            });
            let format = match format.as_deref() {
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
                by: by.unwrap_or(Level::District),
                title,
                jobs,
            }))
        }
        Some("schema") => Ok(Command::Schema),
        Some("policies") => Ok(Command::Policies { json }),
        Some("screen") => Ok(Command::Screen(Screen {
            input: need_input(input, "screen")?,
            format: screen_format(format)?,
            output,
            reminders,
            policy: policy_id,
            strict,
            jobs,
            sheet,
            report,
            lang,
            units: units || months.is_some() || !lists.is_empty(),
            months,
            lists,
        })),
        Some("gen") if bureau.is_some() => Ok(Command::GenBureau(GenBureau {
            dir: bureau.unwrap_or_default(),
            units: rows.ok_or("`wengang gen --bureau DIR` needs --rows N (units)")?,
            seed: seed.unwrap_or(0),
            year: year.unwrap_or(2024),
        })),
        Some("gen") => Ok(Command::Gen(Gen {
            rows: rows.ok_or("`wengang gen` needs --rows N")?,
            seed: seed.unwrap_or(0),
            policy: policy_id.unwrap_or_else(|| "suzhou-2019".to_owned()),
            output,
            header,
        })),
        Some("help") | None => Ok(Command::Help),
        Some(other) => Err(format!("unknown command `{other}`")),
    }
}

/// `--list KIND=FILE`: an office's list and where it is.
fn list(parser: &mut lexopt::Parser) -> Result<(ListKind, OsString), String> {
    let value = text(parser)?;
    let names = || ListKind::names().join(", ");
    let (kind, file) = value
        .split_once('=')
        .ok_or_else(|| format!("--list takes KIND=FILE (KIND: {}), not `{value}`", names()))?;
    let kind = ListKind::from_name(kind.trim())
        .ok_or_else(|| format!("--list: `{kind}` is not a list (KIND: {})", names()))?;
    Ok((kind, OsString::from(file)))
}

/// An option's value as text.
fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
    let value = parser.value().map_err(|e| e.to_string())?;
    value
        .into_string()
        .map_err(|v| format!("not UTF-8: {}", v.to_string_lossy()))
}

/// An option's value as a whole number within bounds.
fn number(parser: &mut lexopt::Parser, name: &str, min: u64, max: u64) -> Result<u64, String> {
    let value = text(parser)?;
    match value.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "{name} takes a whole number from {min} to {max}, not `{value}`"
        )),
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

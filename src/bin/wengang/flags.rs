//! The command line's one table: every command and every option, written
//! once, with its help and the commands that take it. Parsing, the check
//! that a command takes the options given, and the usage text all read it.
//!
//! Raw words become [`LowArgs`] here (each option's value parsed, nothing
//! checked across options); `args` turns them into a validated command.

use std::ffi::OsString;

use wengang_engine::division::Level;
use wengang_engine::internals::{policy, ListKind, Named};
use wengang_engine::Lang;

/// A command of `wengang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Check,
    Submit,
    Print,
    Statement,
    Verify,
    Schema,
    Policies,
    Screen,
    Gen,
    Notice,
}

/// A command's name, synopsis and what it does (lines of help).
pub struct CommandDoc {
    pub cmd: Cmd,
    pub name: &'static str,
    pub synopsis: &'static str,
    pub help: &'static str,
}

/// Every command, in the order the usage lists them.
pub const COMMANDS: &[CommandDoc] = &[
    CommandDoc {
        cmd: Cmd::Check,
        name: "check",
        synopsis: "check FILE|-",
        help: "print the report of an application (JSON)",
    },
    CommandDoc {
        cmd: Cmd::Submit,
        name: "submit",
        synopsis: "submit FILE|-",
        help: "print the submission file (wengang.submission/2) of a valid\n\
               application; the same in every language",
    },
    CommandDoc {
        cmd: Cmd::Print,
        name: "print",
        synopsis: "print FILE|-",
        help: "the printout for the counter: the application form (申请表)\n\
               and the commitment letter (承诺书) on A4, always in Chinese,\n\
               signatures, seal and date left blank for the pen, the refund in\n\
               capitals (大写), a QR code of the submission digest; 免申即享\n\
               rules: a self-check record instead. One self-contained page (no\n\
               script, strict CSP)",
    },
    CommandDoc {
        cmd: Cmd::Statement,
        name: "statement",
        synopsis: "statement FILE|-",
        help: "read a social-insurance statement (参保缴费明细) as copied or\n\
               exported (tab, CSV or space-separated text, columns by their\n\
               headings) and print its insured.months rows (JSON); or say which\n\
               line it cannot read, and why (exit 2)",
    },
    CommandDoc {
        cmd: Cmd::Verify,
        name: "verify",
        synopsis: "verify FILE|DIR|-...",
        help: "re-run the engine on submissions and say whether each holds: one\n\
               file, or many (files, folders' *.json files by name, JSON Lines\n\
               files with one submission a line) checked in parallel, one CSV\n\
               row each in input order (source, outcome, credit_code, name,\n\
               refund, field, reason), counts on stderr",
    },
    CommandDoc {
        cmd: Cmd::Schema,
        name: "schema",
        synopsis: "schema",
        help: "print the JSON Schema of wengang.application/1",
    },
    CommandDoc {
        cmd: Cmd::Policies,
        name: "policies",
        synopsis: "policies",
        help: "list the policy profiles with dates, status and sources",
    },
    CommandDoc {
        cmd: Cmd::Screen,
        name: "screen",
        synopsis: "screen FILE|-",
        help: "pre-screen many applications, one per row (CSV, JSON Lines or\n\
               .xlsx); columns named by field path or zh label\n\
               (applicant.credit_code or 统一社会信用代码)",
    },
    CommandDoc {
        cmd: Cmd::Gen,
        name: "gen",
        synopsis: "gen --rows N",
        help: "deterministic synthetic applications for benchmarks (CSV, or\n\
               .xlsx when --output ends in .xlsx); with --bureau, a province's\n\
               made-up records instead",
    },
    CommandDoc {
        cmd: Cmd::Notice,
        name: "notice",
        synopsis: "notice INPUT...",
        help: "the list a bureau publishes (公示名单): number, name, credit code\n\
               and refund, grouped by district with a count and total each.\n\
               INPUT: screen's result CSV (its valid, eligible rows), or\n\
               submissions as for verify (those that hold and are eligible). No\n\
               contact, phone or bank data is read into it",
    },
];

/// The options' raw values, as given (the last of an option given twice).
#[derive(Debug, Default)]
pub struct LowArgs {
    pub command: Option<String>,
    /// Positional arguments after the command.
    pub inputs: Vec<OsString>,
    /// The options given, by their long name, in order.
    pub given: Vec<&'static str>,
    pub help: bool,
    pub version: bool,
    pub lang: Option<Lang>,
    pub json: bool,
    pub format: Option<String>,
    pub by: Option<Level>,
    pub title: Option<String>,
    pub output: Option<OsString>,
    pub reminders: Option<OsString>,
    pub report: Option<OsString>,
    pub policy: Option<String>,
    pub strict: bool,
    pub sample: bool,
    pub jobs: Option<usize>,
    pub rows: Option<u64>,
    pub seed: Option<u64>,
    pub year: Option<u16>,
    pub sheet: Option<String>,
    pub header_zh: Option<bool>,
    pub units: bool,
    pub months: Option<OsString>,
    pub lists: Vec<(ListKind, OsString)>,
    pub bureau: Option<OsString>,
}

/// How an option's value updates [`LowArgs`] (`None`: a switch).
type Update = fn(&mut LowArgs, Option<OsString>) -> Result<(), String>;

/// An option: its names, its value's name, and each command that takes
/// it with what it does there.
pub struct Flag {
    pub long: &'static str,
    pub short: Option<char>,
    /// The value's name in the usage (`FILE`, `N`); `None`: a switch.
    pub value: Option<&'static str>,
    pub uses: &'static [(Cmd, &'static str)],
    update: Update,
}

impl Flag {
    /// Whether `cmd` takes this option.
    pub fn taken_by(&self, cmd: Cmd) -> bool {
        self.uses.iter().any(|(c, _)| *c == cmd)
    }
}

fn text(value: Option<OsString>, long: &str) -> Result<String, String> {
    value
        .unwrap_or_default()
        .into_string()
        .map_err(|v| format!("--{long}: not UTF-8: {}", v.to_string_lossy()))
}

fn number(value: Option<OsString>, long: &str, min: u64, max: u64) -> Result<u64, String> {
    let value = text(value, long)?;
    match value.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "--{long} takes a whole number from {min} to {max}, not `{value}`"
        )),
    }
}

/// Every option, in the order the usage lists them under each command.
pub const FLAGS: &[Flag] = &[
    Flag {
        long: "format",
        short: None,
        value: Some("FORMAT"),
        uses: &[
            (
                Cmd::Screen,
                "csv|jsonl|xlsx: the input's format (default: by extension, else CSV)",
            ),
            (
                Cmd::Notice,
                "csv|html|xlsx: the output's format (default: by --output's extension)",
            ),
        ],
        update: |a, v| {
            a.format = Some(text(v, "format")?);
            Ok(())
        },
    },
    Flag {
        long: "sheet",
        short: None,
        value: Some("NAME"),
        uses: &[(
            Cmd::Screen,
            "the sheet of an .xlsx workbook (default: the first)",
        )],
        update: |a, v| {
            a.sheet = Some(text(v, "sheet")?);
            Ok(())
        },
    },
    Flag {
        long: "output",
        short: Some('o'),
        value: Some("FILE"),
        uses: &[
            (Cmd::Print, "the page (default: standard output)"),
            (
                Cmd::Verify,
                "the rows (default: standard output; given, even one file gives a row)",
            ),
            (
                Cmd::Screen,
                "result rows (default: standard output; FILE.xlsx: a workbook)",
            ),
            (
                Cmd::Gen,
                "the rows (default: standard output; FILE.xlsx: a workbook)",
            ),
            (
                Cmd::Notice,
                ".csv, .html (a printable A4 page) or .xlsx (default: CSV on standard output)",
            ),
        ],
        update: |a, v| {
            a.output = v;
            Ok(())
        },
    },
    Flag {
        long: "reminders",
        short: None,
        value: Some("FILE"),
        uses: &[(
            Cmd::Screen,
            "the eligible enterprises to remind, with phone and refund; with\n\
             --units, the units just above the layoff-rate standard, with their\n\
             gap (FILE.xlsx: a workbook)",
        )],
        update: |a, v| {
            a.reminders = v;
            Ok(())
        },
    },
    Flag {
        long: "report",
        short: None,
        value: Some("FILE.html"),
        uses: &[(
            Cmd::Screen,
            "also a one-page report for officials: totals, refunds by route,\n\
             rate class, prefecture and district, charts of layoff rates against\n\
             the threshold, common issues and the 20 largest refunds\n\
             (self-contained, no script, prints on A4)",
        )],
        update: |a, v| {
            a.report = v;
            Ok(())
        },
    },
    Flag {
        long: "policy",
        short: None,
        value: Some("ID"),
        uses: &[
            (Cmd::Screen, "the policy of rows that name none"),
            (Cmd::Gen, "the policy the rows name (default suzhou-2019)"),
        ],
        update: |a, v| {
            let id = text(v, "policy")?;
            if policy::find(&id).is_err() {
                return Err(format!(
                    "--policy: unknown policy profile `{id}` (see `wengang policies`)"
                ));
            }
            a.policy = Some(id);
            Ok(())
        },
    },
    Flag {
        long: "strict",
        short: None,
        value: None,
        uses: &[(Cmd::Screen, "stop at the first row that cannot be read")],
        update: |a, _| {
            a.strict = true;
            Ok(())
        },
    },
    Flag {
        long: "units",
        short: None,
        value: None,
        uses: &[(
            Cmd::Screen,
            "免申即享: each row is the bureau's record of a unit (credit code,\n\
             name, unit type, its size class or the size measures, year,\n\
             arrears, the insured figures or --months); bank, contact,\n\
             commitment and declarations are not read. Result rows add\n\
             rate_class, size_source, lists_not_given, listed_on and gap",
        )],
        update: |a, _| {
            a.units = true;
            Ok(())
        },
    },
    Flag {
        long: "months",
        short: None,
        value: Some("FILE"),
        uses: &[(
            Cmd::Screen,
            "unit months in long form (credit_code, [year,] month, insured, due,\n\
             paid; sql/unit_months.sql's output), joined by credit code (needs\n\
             --policy: its data year)",
        )],
        update: |a, v| {
            a.months = v;
            Ok(())
        },
    },
    Flag {
        long: "list",
        short: None,
        value: Some("KIND=FILE"),
        uses: &[(
            Cmd::Screen,
            "an office's list of excluded units (CSV or .xlsx with a credit_code\n\
             / 统一社会信用代码 column, optional date); KIND: dishonest, zombie,\n\
             arrears, industrial, environmental. A list not given leaves its\n\
             criterion undecided",
        )],
        update: |a, v| {
            let value = text(v, "list")?;
            let names = || ListKind::names().join(", ");
            let (kind, file) = value.split_once('=').ok_or_else(|| {
                format!("--list takes KIND=FILE (KIND: {}), not `{value}`", names())
            })?;
            let kind = ListKind::from_name(kind.trim())
                .ok_or_else(|| format!("--list: `{kind}` is not a list (KIND: {})", names()))?;
            a.lists.push((kind, OsString::from(file)));
            Ok(())
        },
    },
    Flag {
        long: "jobs",
        short: None,
        value: Some("N"),
        uses: &[
            (Cmd::Verify, "worker threads (default: one per core)"),
            (Cmd::Screen, "worker threads (default: one per core)"),
            (
                Cmd::Notice,
                "verification threads, for submissions (default: one per core)",
            ),
        ],
        update: |a, v| {
            a.jobs = Some(number(v, "jobs", 1, 1024)? as usize);
            Ok(())
        },
    },
    Flag {
        long: "lang",
        short: None,
        value: Some("zh|en"),
        uses: &[
            (Cmd::Check, "the report's language (default zh)"),
            (
                Cmd::Submit,
                "the language of the reasons a submission cannot be made",
            ),
            (Cmd::Print, "en adds an English gloss beside the Chinese"),
            (
                Cmd::Statement,
                "the language of the reason a line cannot be read",
            ),
            (Cmd::Screen, "the report's language (default zh)"),
        ],
        update: |a, v| {
            let tag = text(v, "lang")?;
            a.lang = Some(
                Lang::parse(&tag).ok_or_else(|| format!("--lang takes zh or en, not `{tag}`"))?,
            );
            Ok(())
        },
    },
    Flag {
        long: "sample",
        short: None,
        value: None,
        uses: &[(Cmd::Print, "marks every sheet 样例 / SAMPLE")],
        update: |a, _| {
            a.sample = true;
            Ok(())
        },
    },
    Flag {
        long: "year",
        short: None,
        value: Some("YYYY"),
        uses: &[
            (
                Cmd::Statement,
                "the data year every period that names a year must be in",
            ),
            (
                Cmd::Gen,
                "with --bureau: the year of the records (default 2024)",
            ),
        ],
        update: |a, v| {
            a.year = Some(number(v, "year", 1900, 2100)? as u16);
            Ok(())
        },
    },
    Flag {
        long: "json",
        short: None,
        value: None,
        uses: &[(Cmd::Policies, "as JSON")],
        update: |a, _| {
            a.json = true;
            Ok(())
        },
    },
    Flag {
        long: "rows",
        short: None,
        value: Some("N"),
        uses: &[(Cmd::Gen, "how many rows (with --bureau: units)")],
        update: |a, v| {
            a.rows = Some(number(v, "rows", 0, u64::MAX)?);
            Ok(())
        },
    },
    Flag {
        long: "seed",
        short: None,
        value: Some("S"),
        uses: &[(
            Cmd::Gen,
            "the seed: the same seed writes the same bytes (default 0)",
        )],
        update: |a, v| {
            a.seed = Some(number(v, "seed", 0, u64::MAX)?);
            Ok(())
        },
    },
    Flag {
        long: "header",
        short: None,
        value: Some("path|zh"),
        uses: &[(
            Cmd::Gen,
            "name the columns by field path (default) or zh label",
        )],
        update: |a, v| {
            a.header_zh = Some(match text(v, "header")?.as_str() {
                "path" => false,
                "zh" => true,
                other => return Err(format!("--header takes path or zh, not `{other}`")),
            });
            Ok(())
        },
    },
    Flag {
        long: "bureau",
        short: None,
        value: Some("DIR"),
        uses: &[(
            Cmd::Gen,
            "a province's made-up records instead: DIR/units.csv,\n\
             DIR/contributions.csv (person-months) and DIR/lists/*.csv",
        )],
        update: |a, v| {
            a.bureau = v;
            Ok(())
        },
    },
    Flag {
        long: "by",
        short: None,
        value: Some("LEVEL"),
        uses: &[(
            Cmd::Notice,
            "district|prefecture|province: the grouping, from credit-code\n\
             positions 3-8 (default district)",
        )],
        update: |a, v| {
            let value = text(v, "by")?;
            a.by = Some(match value.as_str() {
                "district" => Level::District,
                "prefecture" => Level::Prefecture,
                "province" => Level::Province,
                other => {
                    return Err(format!(
                        "--by takes district, prefecture or province, not `{other}`"
                    ))
                }
            });
            Ok(())
        },
    },
    Flag {
        long: "title",
        short: None,
        value: Some("TEXT"),
        uses: &[(
            Cmd::Notice,
            "the heading (default 失业保险稳岗返还公示名单)",
        )],
        update: |a, v| {
            a.title = Some(text(v, "title")?);
            Ok(())
        },
    },
];

/// The command a name names.
pub fn command(name: &str) -> Option<&'static CommandDoc> {
    COMMANDS.iter().find(|c| c.name == name)
}

/// Reads the words after the program name into [`LowArgs`].
pub fn parse_low(args: impl IntoIterator<Item = OsString>) -> Result<LowArgs, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut low = LowArgs::default();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        let flag = match arg {
            Short('h') | Long("help") => {
                low.help = true;
                continue;
            }
            Short('V') | Long("version") => {
                low.version = true;
                continue;
            }
            Value(value) if low.command.is_none() => {
                low.command = Some(value.to_string_lossy().into_owned());
                continue;
            }
            Value(value) => {
                low.inputs.push(value);
                continue;
            }
            Long(name) => FLAGS.iter().find(|f| f.long == name),
            Short(c) => FLAGS.iter().find(|f| f.short == Some(c)),
        };
        let Some(flag) = flag else {
            return Err(arg.unexpected().to_string());
        };
        let value = match flag.value {
            Some(_) => Some(parser.value().map_err(|e| e.to_string())?),
            None => None,
        };
        (flag.update)(&mut low, value)?;
        low.given.push(flag.long);
    }
    Ok(low)
}

/// Refuses an option the command does not take, naming both.
pub fn check_taken(low: &LowArgs, doc: &CommandDoc) -> Result<(), String> {
    for long in &low.given {
        let Some(flag) = FLAGS.iter().find(|f| f.long == *long) else {
            continue;
        };
        if !flag.taken_by(doc.cmd) {
            let takers: Vec<&str> = COMMANDS
                .iter()
                .filter(|c| flag.taken_by(c.cmd))
                .map(|c| c.name)
                .collect();
            return Err(format!(
                "`wengang {}` takes no --{long} (it is an option of: {})",
                doc.name,
                takers.join(", ")
            ));
        }
    }
    Ok(())
}

/// Where help text starts on a usage line.
const HELP_AT: usize = 43;

/// The usage text, from the table.
pub fn usage() -> String {
    let mut out =
        String::from("wengang — 稳岗返还自助预审 (job-retention refund pre-check)\n\nUSAGE:\n");
    let line = |out: &mut String, indent: usize, head: &str, help: &str| {
        let mut lines = help.lines();
        let first = lines.next().unwrap_or("");
        let pad = HELP_AT.saturating_sub(indent + head.chars().count());
        if pad == 0 {
            out.push_str(&format!(
                "{}{head}\n{}{first}\n",
                " ".repeat(indent),
                " ".repeat(HELP_AT)
            ));
        } else {
            out.push_str(&format!(
                "{}{head}{}{first}\n",
                " ".repeat(indent),
                " ".repeat(pad)
            ));
        }
        for more in lines {
            out.push_str(&format!("{}{}\n", " ".repeat(HELP_AT), more.trim_start()));
        }
    };
    for doc in COMMANDS {
        line(&mut out, 4, &format!("wengang {}", doc.synopsis), doc.help);
        for flag in FLAGS {
            if let Some((_, help)) = flag.uses.iter().find(|(c, _)| *c == doc.cmd) {
                let head = match (flag.short, flag.value) {
                    (Some(s), Some(v)) => format!("-{s}, --{} {v}", flag.long),
                    (None, Some(v)) => format!("--{} {v}", flag.long),
                    (Some(s), None) => format!("-{s}, --{}", flag.long),
                    (None, None) => format!("--{}", flag.long),
                };
                line(&mut out, 8, &head, help);
            }
        }
    }
    out.push_str(crate::exit::CODES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_is_taken_by_some_command_and_named_once() {
        for (i, flag) in FLAGS.iter().enumerate() {
            assert!(!flag.uses.is_empty(), "--{}", flag.long);
            assert!(
                FLAGS[i + 1..].iter().all(|f| f.long != flag.long),
                "--{} twice",
                flag.long
            );
        }
    }

    #[test]
    fn the_usage_lists_every_command_and_each_of_its_options() {
        let text = usage();
        for doc in COMMANDS {
            assert!(text.contains(&format!("wengang {}", doc.synopsis)));
        }
        for flag in FLAGS {
            assert!(
                text.contains(&format!("--{}", flag.long)),
                "--{}",
                flag.long
            );
        }
    }
}

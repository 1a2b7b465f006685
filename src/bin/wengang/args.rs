//! Command-line arguments: raw words in, a validated [`Command`] out.

use std::ffi::OsString;

use wengang_engine::Lang;

pub const USAGE: &str = "\
wengang — 稳岗返还自助预审 (job-retention refund pre-check)

USAGE:
    wengang check FILE|- [--lang zh|en]    print the report of an application (JSON)
    wengang submit FILE|- [--lang zh|en]   print the submission file of a valid application
    wengang verify FILE|-                  re-check a submission; exit 1 with the reason if it does not hold
    wengang schema                         print the JSON Schema of wengang.application/1
    wengang policies [--json]              list the policy profiles with dates and sources

Exit codes: 0 done; 1 a submission does not hold (verify) or cannot be made (submit);
2 unreadable input or a usage error.
";

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Check { input: Input, lang: Lang },
    Submit { input: Input, lang: Lang },
    Verify { input: Input },
    Schema,
    Policies { json: bool },
    Help,
    Version,
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
    let mut input: Option<Input> = None;
    let mut lang = Lang::Zh;
    let mut json = false;
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
            Value(value) if subcommand.is_none() => {
                subcommand = Some(value.to_string_lossy().into_owned())
            }
            Value(value) if input.is_none() => {
                input = Some(if value == "-" {
                    Input::Stdin
                } else {
                    Input::Path(value)
                });
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    let need_input = |input: Option<Input>, what: &str| {
        input.ok_or_else(|| format!("`wengang {what}` needs a FILE (or - for standard input)"))
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
        Some("verify") => Ok(Command::Verify {
            input: need_input(input, "verify")?,
        }),
        Some("schema") => Ok(Command::Schema),
        Some("policies") => Ok(Command::Policies { json }),
        Some("help") | None => Ok(Command::Help),
        Some(other) => Err(format!("unknown command `{other}`")),
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
    fn mistakes_are_reported() {
        assert!(args(&["check"]).is_err());
        assert!(args(&["check", "-", "--lang", "fr"]).is_err());
        assert!(args(&["frobnicate"]).is_err());
    }
}

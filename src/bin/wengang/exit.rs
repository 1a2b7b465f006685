//! The exit codes, in one place: what each means, and the words the usage
//! says of them. Every command ends in one of these.

use std::process::ExitCode;

use wengang_engine::VerifyOutcome;

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: done (verify: the submission holds).
    Done,
    /// 1: verify: altered after it was made; submit: cannot be made.
    Refused,
    /// 2: unreadable input, a usage error, or an output not written
    /// (screen: a row not read, or a run stopped early).
    Unreadable,
    /// 3: verify: made under another engine or profile version.
    OtherVersion,
    /// 4: verify: an older format: export again.
    OldFormat,
}

impl Exit {
    /// The code a verification's outcome exits with.
    pub fn of(outcome: VerifyOutcome) -> Exit {
        match outcome {
            VerifyOutcome::Holds => Exit::Done,
            VerifyOutcome::Altered => Exit::Refused,
            VerifyOutcome::Unreadable => Exit::Unreadable,
            VerifyOutcome::OtherVersion => Exit::OtherVersion,
            VerifyOutcome::OldFormat => Exit::OldFormat,
        }
    }

    pub fn code(self) -> u8 {
        match self {
            Exit::Done => 0,
            Exit::Refused => 1,
            Exit::Unreadable => 2,
            Exit::OtherVersion => 3,
            Exit::OldFormat => 4,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

/// What the usage says of the exit codes.
pub const CODES: &str = "
Exit codes: 0 done (verify: the submission holds); 1 verify: altered after it was made
(the message names the field, the file's value and the engine's), submit: cannot be made;
2 unreadable input, a usage error, or an output not written (screen: a row not read, or a run stopped early);
3 verify: made under another engine or profile version (names both, and how the decision
changes under today's rules); 4 verify: an older format (wengang.submission/1): export again.
verify on many submissions exits with the code of the most serious outcome found, in this
order: altered (1) > unreadable (2) > other version (3) > old format (4) > all hold (0).
An alteration is possible fraud and is never hidden by another outcome; an unreadable file
cannot be checked at all, so it could hide one; another version is not tampering but needs
deciding again; an old format needs only a new export. No submission found at all: 2.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_outcome_exits_as_the_engine_numbers_it() {
        for outcome in [
            VerifyOutcome::Holds,
            VerifyOutcome::Altered,
            VerifyOutcome::Unreadable,
            VerifyOutcome::OtherVersion,
            VerifyOutcome::OldFormat,
        ] {
            assert_eq!(Exit::of(outcome).code(), outcome.exit_code());
        }
    }
}

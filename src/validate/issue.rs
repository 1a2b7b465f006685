//! A validation issue: which field, what is wrong, how bad.

use serde::{Deserialize, Serialize};

/// `error` blocks a decision; `warning` informs and can be confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// What is wrong with a field. Each variant has a stable `code` (for
/// programs) and a message in both languages (`crate::messages`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// The field is empty or missing.
    Required,
    /// The value is not text.
    NotText,
    /// Text longer than the field allows.
    TooLong { max: usize },
    /// Text with an invisible control or bidirectional formatting
    /// character (`crate::controls`), at a position in characters.
    TextControl { found: char, position: usize },
    /// A key this engine does not read (as shown: escaped, cut), with the
    /// known field it is closest to.
    UnknownField {
        key: String,
        suggestion: Option<&'static str>,
    },
    /// More unknown keys than are named one by one.
    UnknownFieldsMore { count: usize },
    /// Not `true` or `false`.
    NotFlag,
    /// Not one of the allowed values.
    NotChoice { allowed: Vec<&'static str> },
    /// Money that is not a plain decimal number of yuan.
    MoneyFormat,
    /// Money given as a JSON number with a fraction (binary floating point).
    MoneyFractionNumber,
    /// Money with more than two decimals (smaller than 1 分).
    MoneyTooManyDecimals,
    /// Money below zero (including `-0`).
    MoneyNegative,
    /// Money beyond any plausible amount.
    MoneyTooLarge,
    /// A count that is not a whole number.
    CountFormat,
    /// A count below zero.
    CountNegative,
    /// A count beyond any plausible number of people.
    CountTooLarge,
    /// A decimal that is not a plain non-negative decimal number.
    DecimalFormat,
    /// A decimal with more decimals than allowed.
    DecimalTooManyDecimals { max: u32 },
    /// Not a `YYYY-MM-DD` date.
    DateFormat,
    /// A `YYYY-MM-DD` date that does not exist.
    DateInvalid,
    /// A year outside 1990–2100.
    YearImplausible,
    /// The `format` tag is not `wengang.application/1`.
    FormatUnsupported { found: String },
    /// No shipped policy profile has this id.
    PolicyUnknown { id: String },
    /// A credit code that is not 18 characters long.
    CreditCodeLength { length: usize },
    /// A credit code with lowercase letters.
    CreditCodeLowercase,
    /// A credit code with a character outside GB 32100's set.
    CreditCodeCharset { position: usize, found: char },
    /// A credit code whose division part (positions 3–8) is not digits.
    CreditCodeDivision,
    /// A credit code whose check character does not match (a warning: a few
    /// early pilot codes are legal but fail it).
    CreditCodeCheck { expected: char, found: char },
    /// An account number with characters other than digits.
    AccountCharset,
    /// An account number of implausible length.
    AccountLength {
        length: usize,
        min: usize,
        max: usize,
    },
    /// Not an 11-digit mobile number starting with 1.
    PhoneFormat,
    /// Arrears and late fees larger than the premiums they are part of.
    ArrearsExceedPremiums,
    /// A monthly average of zero, which the layoff rate divides by.
    MonthlyAverageZero,
    /// A monthly average far from the start and end counts.
    MonthlyAverageImplausible,
    /// More than 12 months in one year.
    MonthsOverTwelve,
    /// More retired or deceased than insured at the start.
    RetiredExceedStart,
    /// More new benefit claimants than insured at the start.
    ClaimantsExceedStart,
    /// Premiums per insured person far outside the usual range.
    PremiumsImplausible,
    /// The figures are for another year than the rules use: a warning,
    /// since the data year is never rewritten to fit rules; the result is
    /// an estimate and says so.
    YearMismatch { expected: u16 },
    /// The commitment was not accepted.
    CommitmentNotAccepted,
    /// The signing date lies outside the application window the notice states.
    DateOutsideWindow { from: String, to: String },
    /// Hardship inputs given, but the profile does not cover that path.
    HardshipNotCovered,
    /// A parameter the decision needs is unknown in the profile.
    ParameterUnknown { parameter: String },
    /// The figures are too large to compute with (beyond any real unit).
    ComputationOverflow,
    /// The monthly records are not a list of rows.
    MonthsNotList,
    /// A row of the monthly records that is not an object.
    MonthsRowNotObject,
    /// Monthly records with other than 12 rows.
    MonthsRowCount { found: usize },
    /// A row's month outside 1–12.
    MonthOutOfRange,
    /// A month given in two rows (named on the later one).
    MonthDuplicate { month: u64 },
    /// Months 1–12 that no row gives.
    MonthsMissing { months: Vec<u64> },
    /// A year's figure that disagrees with the one the monthly records
    /// give: an error, since either could decide the outcome.
    MonthsDisagree { given: String, derived: String },
}

impl IssueKind {
    /// The stable code programs match on.
    pub fn code(&self) -> &'static str {
        use IssueKind::*;
        match self {
            Required => "required",
            NotText => "text.type",
            TooLong { .. } => "text.too_long",
            TextControl { .. } => "text.control",
            UnknownField { .. } => "field.unknown",
            UnknownFieldsMore { .. } => "field.unknown_more",
            NotFlag => "flag.type",
            NotChoice { .. } => "choice.unknown",
            MoneyFormat => "money.format",
            MoneyFractionNumber => "money.json_fraction",
            MoneyTooManyDecimals => "money.decimals",
            MoneyNegative => "money.negative",
            MoneyTooLarge => "money.too_large",
            CountFormat => "count.format",
            CountNegative => "count.negative",
            CountTooLarge => "count.too_large",
            DecimalFormat => "decimal.format",
            DecimalTooManyDecimals { .. } => "decimal.decimals",
            DateFormat => "date.format",
            DateInvalid => "date.invalid",
            YearImplausible => "year.implausible",
            FormatUnsupported { .. } => "format.unsupported",
            PolicyUnknown { .. } => "policy.unknown",
            CreditCodeLength { .. } => "credit_code.length",
            CreditCodeLowercase => "credit_code.lowercase",
            CreditCodeCharset { .. } => "credit_code.charset",
            CreditCodeDivision => "credit_code.division",
            CreditCodeCheck { .. } => "credit_code.check",
            AccountCharset => "account.charset",
            AccountLength { .. } => "account.length",
            PhoneFormat => "phone.format",
            ArrearsExceedPremiums => "insured.arrears_exceed_premiums",
            MonthlyAverageZero => "insured.monthly_average_zero",
            MonthlyAverageImplausible => "insured.monthly_average_implausible",
            MonthsOverTwelve => "insured.months_over_twelve",
            RetiredExceedStart => "insured.retired_exceed_start",
            ClaimantsExceedStart => "insured.claimants_exceed_start",
            PremiumsImplausible => "insured.premiums_implausible",
            YearMismatch { .. } => "insured.year_mismatch",
            CommitmentNotAccepted => "commitment.not_accepted",
            DateOutsideWindow { .. } => "commitment.date_outside_window",
            HardshipNotCovered => "hardship.not_covered",
            ParameterUnknown { .. } => "policy.parameter_unknown",
            ComputationOverflow => "figures.overflow",
            MonthsNotList => "months.type",
            MonthsRowNotObject => "months.row_type",
            MonthsRowCount { .. } => "months.count",
            MonthOutOfRange => "months.month_range",
            MonthDuplicate { .. } => "months.month_duplicate",
            MonthsMissing { .. } => "months.missing",
            MonthsDisagree { .. } => "months.disagree",
        }
    }

    /// How bad it is.
    pub fn severity(&self) -> Severity {
        use IssueKind::*;
        match self {
            CreditCodeCheck { .. }
            | MonthlyAverageImplausible
            | RetiredExceedStart
            | ClaimantsExceedStart
            | PremiumsImplausible
            | DateOutsideWindow { .. }
            | YearMismatch { .. }
            | HardshipNotCovered
            | ParameterUnknown { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// An issue found in one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// A path such as `applicant.credit_code`.
    pub field: String,
    pub kind: IssueKind,
}

impl Issue {
    pub fn new(field: impl Into<String>, kind: IssueKind) -> Self {
        Self {
            field: field.into(),
            kind,
        }
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

//! 表头 — which column of a statement holds which figure, by its heading.
//!
//! A heading is compared after full-width characters are made half-width,
//! white space, `_`, `-`, `*` and a trailing colon are dropped, Latin
//! letters are lower-cased, and a unit in brackets at its end is dropped
//! (`实缴金额（元）`, `Amount due (yuan)`). Then:
//!
//! | role | headings |
//! |---|---|
//! | month | 月份, 月, 所属期, 费款所属期, 所属月份, 所属年月, 费款所属年月, 缴费年月, 缴费月份, 缴费所属期, 年月, month, period |
//! | insured | 参保人数, 缴费人数, 参保缴费人数, 参保职工人数, 参保人员数, 人数, insured, insured persons, headcount … |
//! | due | 应缴, 应缴纳, 应缴费 + (金额, 额, 费额, 总额, 合计 …): 应缴金额, 应缴费额 …; due, amount due, payable |
//! | paid | 实缴, 实缴纳, 实缴费 + the same: 实缴金额, 实缴费额 …; paid, amount paid |
//! | insurance | 险种, 险种类型, 险种名称, 保险类型, insurance, insurance type |
//! | year | 年度, 年份, 缴费年度, 所属年度, year |
//!
//! 应缴 and 实缴 may follow 本期, 本月, 当期 or 当月.
//!
//! A figure's heading may name the insurance: `失业保险应缴` is the
//! unemployment insurance's (the one wanted); `养老保险应缴` another's
//! (ignored). It may name a share: `单位应缴`, `个人实缴`, `应缴(单位)` —
//! one share, never the total the policy asks for (unit and employee
//! together), so never read as it. Every other heading is ignored
//! (单位名称, 备注, 缴费基数 …).

use crate::application::field::MonthColumn;
use crate::validate::tidy::half_width;

/// What a column of the statement can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// 月份.
    Month,
    /// 参保人数.
    Insured,
    /// 应缴.
    Due,
    /// 实缴.
    Paid,
    /// 险种: rows of other insurances are skipped.
    Insurance,
    /// 年度: the year, in a column of its own; checked as a period's year.
    Year,
}

impl Role {
    /// The row's field the role fills, if any.
    pub const fn field(self) -> Option<MonthColumn> {
        match self {
            Role::Month => Some(MonthColumn::Month),
            Role::Insured => Some(MonthColumn::Insured),
            Role::Due => Some(MonthColumn::Due),
            Role::Paid => Some(MonthColumn::Paid),
            Role::Insurance | Role::Year => None,
        }
    }

    /// The role of a row's field.
    pub const fn of(field: MonthColumn) -> Role {
        match field {
            MonthColumn::Month => Role::Month,
            MonthColumn::Insured => Role::Insured,
            MonthColumn::Due => Role::Due,
            MonthColumn::Paid => Role::Paid,
        }
    }
}

/// What a heading says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// The column of `role`; `unemployment`: the heading names 失业保险.
    Column { role: Role, unemployment: bool },
    /// One share (unit or employee) of the figure `role`.
    Share(Role),
    /// The figure `role` of another insurance (养老、医疗 …).
    OtherInsurance(Role),
}

/// A heading as compared (see the module's notes).
pub fn normalise(heading: &str) -> String {
    let mut s: String = half_width(heading)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '*'))
        // ASCII only: the headings known are Chinese or English (and
        // Unicode's case tables would cost the wasm build 10 KB).
        .map(|c| c.to_ascii_lowercase())
        .collect();
    while let Some(rest) = s.strip_suffix(':') {
        s.truncate(rest.len());
    }
    while let Some(rest) = UNITS.iter().find_map(|u| s.strip_suffix(u)) {
        s.truncate(rest.len());
    }
    s
}

/// Units a heading may end with.
const UNITS: &[&str] = &[
    "(元)",
    "(人)",
    "(个)",
    "(人民币)",
    "(人民币元)",
    "(单位:元)",
    "(单位:人)",
    "(yuan)",
    "(rmb)",
    "(cny)",
    "/元",
    "/人",
];

/// Names of the unemployment insurance before a figure's heading.
const UNEMPLOYMENT: &[&str] = &["失业保险费", "失业保险", "失业险", "失业"];

/// Names of other insurances (and the housing fund) before a heading.
const OTHER_INSURANCES: &[&str] = &[
    "基本养老保险费",
    "基本养老保险",
    "养老保险费",
    "养老保险",
    "养老",
    "基本医疗保险费",
    "基本医疗保险",
    "医疗保险费",
    "医疗保险",
    "医疗",
    "医保",
    "工伤保险费",
    "工伤保险",
    "工伤",
    "生育保险费",
    "生育保险",
    "生育",
    "大病保险",
    "大额医疗",
    "住房公积金",
    "公积金",
];

/// A share of a figure, before or after it.
const SHARE_BEFORE: &[&str] = &["单位缴纳", "个人缴纳", "单位", "个人", "企业", "职工"];
const SHARE_AFTER: &[&str] = &[
    "(单位)",
    "(个人)",
    "(单位部分)",
    "(个人部分)",
    "(单位缴纳)",
    "(个人缴纳)",
];

const MONTH: &[&str] = &[
    "月份",
    "月",
    "所属期",
    "费款所属期",
    "所属月份",
    "费款所属月份",
    "所属年月",
    "费款所属年月",
    "缴费年月",
    "缴费月份",
    "缴费所属期",
    "年月",
    "month",
    "period",
    "contributionmonth",
    "contributionperiod",
];

const INSURED: &[&str] = &[
    "参保人数",
    "缴费人数",
    "参保缴费人数",
    "参保职工人数",
    "参保职工数",
    "参保人员数",
    "人数",
    "insured",
    "insuredpersons",
    "insuredpeople",
    "insuredcount",
    "insuredemployees",
    "numberinsured",
    "numberofinsured",
    "numberofinsuredpersons",
    "headcount",
    "insuredheadcount",
    "employeesinsured",
];

const DUE_STEMS: &[&str] = &["应缴纳", "应缴费", "应缴"];
const PAID_STEMS: &[&str] = &["实缴纳", "实缴费", "实缴"];
/// What may follow 应缴 / 实缴.
const AMOUNT_WORDS: &[&str] = &[
    "",
    "金额",
    "额",
    "费额",
    "费金额",
    "总额",
    "合计",
    "金额合计",
];
const DUE_EN: &[&str] = &[
    "due",
    "amountdue",
    "dueamount",
    "contributionsdue",
    "contributiondue",
    "premiumsdue",
    "payable",
    "amountpayable",
];
const PAID_EN: &[&str] = &[
    "paid",
    "amountpaid",
    "paidamount",
    "contributionspaid",
    "contributionpaid",
    "premiumspaid",
    "actualpaid",
    "actuallypaid",
];

const YEAR: &[&str] = &["年度", "年份", "缴费年度", "所属年度", "year"];

/// Words before 应缴 / 实缴 that change nothing.
const THIS_PERIOD: &[&str] = &["本期", "本月", "当期", "当月"];

const INSURANCE: &[&str] = &[
    "险种",
    "险种类型",
    "险种名称",
    "险种类别",
    "保险类型",
    "insurance",
    "insurancetype",
];

/// What a heading says; `None`: a column the statement does not need.
pub fn meaning(heading: &str) -> Option<Meaning> {
    let s = normalise(heading);
    if s.is_empty() {
        return None;
    }
    for (names, role) in [(INSURANCE, Role::Insurance), (YEAR, Role::Year)] {
        if names.contains(&s.as_str()) {
            return Some(Meaning::Column {
                role,
                unemployment: false,
            });
        }
    }
    let mut rest = s.as_str();
    let mut unemployment = false;
    let mut other = false;
    let mut share = false;
    // Insurance and share words, in either order.
    for _ in 0..2 {
        if let Some(r) = UNEMPLOYMENT.iter().find_map(|p| rest.strip_prefix(p)) {
            (rest, unemployment) = (r, true);
        } else if let Some(r) = OTHER_INSURANCES.iter().find_map(|p| rest.strip_prefix(p)) {
            (rest, other) = (r.strip_prefix('费').unwrap_or(r), true);
        }
        if let Some(r) = SHARE_BEFORE.iter().find_map(|p| rest.strip_prefix(p)) {
            (rest, share) = (r, true);
        }
    }
    if let Some(r) = SHARE_AFTER.iter().find_map(|p| rest.strip_suffix(p)) {
        (rest, share) = (r, true);
    }
    let mut this_period = false;
    if let Some(r) = THIS_PERIOD.iter().find_map(|p| rest.strip_prefix(p)) {
        (rest, this_period) = (r, true);
    }
    let role = role_of(rest)?;
    // The month is never an insurance's or a share's; 本期 is an amount's.
    if role == Role::Month && (unemployment || other || share) {
        return None;
    }
    if this_period && !matches!(role, Role::Due | Role::Paid) {
        return None;
    }
    Some(match (share, other) {
        // A share of the count (`单位参保人数`) is no heading we know.
        (true, _) if role == Role::Insured => return None,
        (true, _) => Meaning::Share(role),
        (false, true) => Meaning::OtherInsurance(role),
        (false, false) => Meaning::Column { role, unemployment },
    })
}

fn role_of(s: &str) -> Option<Role> {
    let amount = |stems: &[&str]| {
        stems
            .iter()
            .filter_map(|stem| s.strip_prefix(stem))
            .any(|rest| AMOUNT_WORDS.contains(&rest))
    };
    if MONTH.contains(&s) {
        Some(Role::Month)
    } else if INSURED.contains(&s) {
        Some(Role::Insured)
    } else if amount(DUE_STEMS) || DUE_EN.contains(&s) {
        Some(Role::Due)
    } else if amount(PAID_STEMS) || PAID_EN.contains(&s) {
        Some(Role::Paid)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(role: Role) -> Option<Meaning> {
        Some(Meaning::Column {
            role,
            unemployment: false,
        })
    }

    #[test]
    fn headings_a_statement_uses() {
        for (heading, role) in [
            ("月份", Role::Month),
            ("费款所属期", Role::Month),
            ("缴费年月", Role::Month),
            ("所属期", Role::Month),
            ("Month", Role::Month),
            (" 月 份 ", Role::Month),
            ("参保人数", Role::Insured),
            ("参保人数（人）", Role::Insured),
            ("缴费人数", Role::Insured),
            ("Insured persons", Role::Insured),
            ("insured", Role::Insured),
            ("应缴", Role::Due),
            ("应缴金额", Role::Due),
            ("应缴金额（元）", Role::Due),
            ("应缴金额(元)", Role::Due),
            ("应缴费额", Role::Due),
            ("应缴合计", Role::Due),
            ("应缴金额：", Role::Due),
            ("*应缴金额", Role::Due),
            ("Amount due (yuan)", Role::Due),
            ("due", Role::Due),
            ("实缴", Role::Paid),
            ("实缴金额（元）", Role::Paid),
            ("实缴费额", Role::Paid),
            ("amount_paid", Role::Paid),
            ("PAID", Role::Paid),
            ("险种", Role::Insurance),
            ("险种类型", Role::Insurance),
            ("年度", Role::Year),
            ("Year", Role::Year),
            ("本期应缴", Role::Due),
            ("本月实缴金额（元）", Role::Paid),
            ("Contribution month", Role::Month),
        ] {
            assert_eq!(meaning(heading), column(role), "{heading:?}");
        }
    }

    #[test]
    fn insurances_and_shares() {
        let unemployment = |role| {
            Some(Meaning::Column {
                role,
                unemployment: true,
            })
        };
        assert_eq!(meaning("失业保险应缴"), unemployment(Role::Due));
        assert_eq!(meaning("失业保险费实缴金额"), unemployment(Role::Paid));
        assert_eq!(meaning("失业保险参保人数"), unemployment(Role::Insured));
        assert_eq!(
            meaning("养老保险应缴"),
            Some(Meaning::OtherInsurance(Role::Due))
        );
        assert_eq!(
            meaning("医疗保险费实缴"),
            Some(Meaning::OtherInsurance(Role::Paid))
        );
        assert_eq!(
            meaning("养老保险参保人数"),
            Some(Meaning::OtherInsurance(Role::Insured))
        );
        assert_eq!(meaning("单位应缴"), Some(Meaning::Share(Role::Due)));
        assert_eq!(meaning("个人实缴金额"), Some(Meaning::Share(Role::Paid)));
        assert_eq!(meaning("应缴金额（单位）"), Some(Meaning::Share(Role::Due)));
        assert_eq!(meaning("失业保险单位应缴"), Some(Meaning::Share(Role::Due)));
        assert_eq!(meaning("单位失业保险应缴"), Some(Meaning::Share(Role::Due)));
    }

    #[test]
    fn headings_not_needed() {
        for heading in [
            "",
            "单位名称",
            "备注",
            "缴费基数",
            "滞纳金",
            "应缴月份",
            "实缴日期",
            "单位参保人数",
            "失业保险月份",
            "1月",
            "3,220.00",
            "应收金额",
            "参保",
            "amount",
            "本期人数",
            "本期月份",
            "缴费金额",
            "所属期起",
            "所属期止",
            "年度应缴",
        ] {
            assert_eq!(meaning(heading), None, "{heading:?}");
        }
    }
}

//! The one-sentence answer at the top of a report.

use crate::text::Lang;

/// How the rules a decision was made under stand, said before the
/// answer (in the headline, not a footnote).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// The rules are provisional (the official text is not verified); the
    /// year they apply in.
    pub provisional: Option<u16>,
    /// The rules compute with another year's figures than the user's:
    /// the year they compute with. The result is an estimate.
    pub other_year: Option<u16>,
}

impl Standing {
    /// How `rules` stand for a user whose figures are of `user_year`
    /// (unknown: only whether the rules are provisional).
    pub fn of(rules: &crate::policy::PolicyProfile, user_year: Option<u64>) -> Standing {
        Standing {
            provisional: (rules.status == crate::policy::ProfileStatus::Provisional)
                .then_some(rules.applies_in),
            other_year: user_year
                .filter(|y| *y != u64::from(rules.data_year))
                .map(|_| rules.data_year),
        }
    }
}

/// The standing in a few words, for after the amount in a headline
/// ("预计 22,848.00 元（暂按 2026 年待核实规则）"); `None` when published
/// rules for the user's own year decided.
#[cfg_attr(not(feature = "app"), allow(dead_code))]
pub fn caveat(standing: Standing, lang: Lang) -> Option<String> {
    let zh = lang == Lang::Zh;
    let mut parts = Vec::new();
    if let Some(year) = standing.provisional {
        parts.push(match zh {
            true => format!("暂按 {year} 年待核实规则"),
            false => format!("under provisional {year} rules, not yet verified"),
        });
    }
    if let Some(year) = standing.other_year {
        parts.push(match zh {
            true => format!("按使用 {year} 年度数据的规则估算"),
            false => format!("an estimate with rules for {year} figures"),
        });
    }
    (!parts.is_empty()).then(|| parts.join(if zh { "，" } else { "; " }))
}

/// What the summary is about.
pub enum Outcome<'a> {
    /// Errors prevent a decision.
    Invalid {
        errors: usize,
    },
    /// A parameter the decision needs is unknown.
    Undecided,
    NotEligible,
    Eligible {
        refund: &'a str,
        review: bool,
        /// The rate is a cap (按不超过): the amount is the most that may be paid.
        cap: bool,
    },
}

/// Groups the yuan part of an amount in thousands: `1234567.80` → `1,234,567.80`.
pub fn group_thousands(amount: &str) -> String {
    let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped}.{fraction}")
    }
}

/// The standing of the rules, as the headline's first words ("" when
/// published rules for the user's own year decided).
pub fn standing(standing: Standing, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    if let Some(year) = standing.provisional {
        out.push_str(&match zh {
            true => format!("暂按 {year} 年待核实规则（官方文本未核实）："),
            false => format!("Provisional {year} rules (the official text is not verified): "),
        });
    }
    if let Some(year) = standing.other_year {
        out.push_str(&match zh {
            true => format!("估算（所用规则按 {year} 年度数据计算，不是适用的规则）："),
            false => format!(
                "Estimate (these rules use {year} figures; they are not the rules that apply): "
            ),
        });
    }
    out
}

/// The one-sentence answer, after the rules' standing.
pub fn summary(outcome: &Outcome<'_>, standing: Standing, lang: Lang) -> String {
    let answer = answer(outcome, lang);
    match outcome {
        Outcome::Invalid { .. } => answer,
        _ => format!("{}{answer}", self::standing(standing, lang)),
    }
}

fn answer(outcome: &Outcome<'_>, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    super::reworded(match outcome {
        Outcome::Invalid { errors } if zh => format!("还有 {errors} 处需要修改，改好后才能判定。"),
        Outcome::Invalid { errors } => format!("{errors} answer(s) need correcting before a decision can be made."),
        Outcome::Undecided if zh => "所需政策参数尚未确认，暂时无法判定，请咨询当地人社部门。".into(),
        Outcome::Undecided => "A policy parameter this needs is unknown, so no decision can be made yet: ask the local human-resources bureau.".into(),
        Outcome::NotEligible if zh => "不符合稳岗返还条件，原因见下列各项。".into(),
        Outcome::NotEligible => "Not eligible for the job-retention refund: see the criteria below.".into(),
        Outcome::Eligible { refund, review, cap } => {
            let amount = group_thousands(refund);
            let paid = match (zh, cap) {
                (true, false) => format!("符合条件，预计返还 {amount} 元"),
                (true, true) => format!("符合条件，最多可返还 {amount} 元（全国规定的上限，所在地可能低于此数）"),
                (false, false) => format!("Eligible: an estimated refund of {amount} yuan"),
                (false, true) => format!("Eligible: up to {amount} yuan (the national cap; your city may pay less)"),
            };
            match (zh, review) {
                (true, false) => format!("{paid}。"),
                (true, true) => format!("{paid}；金额达到市政府审议标准，将报市政府审议。"),
                (false, false) => format!("{paid}."),
                (false, true) => format!("{paid}, which goes to the municipal government for deliberation."),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::group_thousands;

    #[test]
    fn thousands() {
        assert_eq!(group_thousands("1234567.80"), "1,234,567.80");
        assert_eq!(group_thousands("123.00"), "123.00");
        assert_eq!(group_thousands("0.00"), "0.00");
    }
}

//! The one-sentence answer at the top of a report.

use crate::text::Lang;

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

pub fn summary(outcome: &Outcome<'_>, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    super::reworded(match outcome {
        Outcome::Invalid { errors } if zh => format!("还有 {errors} 处需要修改，改好后才能判定。"),
        Outcome::Invalid { errors } => format!("{errors} answer(s) need correcting before a decision can be made."),
        Outcome::Undecided if zh => "所需政策参数尚未确认，暂时无法判定，请咨询当地人社部门。".into(),
        Outcome::Undecided => "A policy parameter this needs is unknown, so no decision can be made yet: ask the local human-resources bureau.".into(),
        Outcome::NotEligible if zh => "不符合稳岗返还条件，原因见下列各项。".into(),
        Outcome::NotEligible => "Not eligible for the job-retention refund: see the criteria below.".into(),
        Outcome::Eligible { refund, review } => {
            let amount = group_thousands(refund);
            match (zh, review) {
                (true, false) => format!("符合条件，预计返还 {amount} 元。"),
                (true, true) => format!("符合条件，预计返还 {amount} 元；金额达到市政府审议标准，将报市政府审议。"),
                (false, false) => format!("Eligible: an estimated refund of {amount} yuan."),
                (false, true) => format!("Eligible: an estimated refund of {amount} yuan, which goes to the municipal government for deliberation."),
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

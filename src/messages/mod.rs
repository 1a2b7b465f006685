//! 文案 — every text a user reads, zh-CN first, behind stable codes.
//! A new language touches only this folder.

#[cfg(feature = "app")]
pub mod app;
pub mod commitment;
pub mod criteria;
pub mod derived;
pub mod fields;
pub mod issues;
pub mod names;
pub mod notices;
pub mod report;
pub mod statement;
#[cfg(any(feature = "print-wasm", test))]
pub mod statement_read;
pub mod summary;
#[cfg(any(feature = "print-wasm", test))]
pub mod working;

use crate::text::Lang;
use crate::validate::Issue;

/// The full message of an issue: the field's name, then what to do.
pub fn issue(issue: &Issue, lang: Lang) -> String {
    let label = fields::label(&issue.field, lang);
    let choice = match issue.kind {
        crate::validate::IssueKind::Required => crate::application::field::Field::from_path(&issue.field)
            .and_then(|f| issues::required_choice(f, lang)),
        _ => None,
    };
    let text = choice.unwrap_or_else(|| issues::text(&issue.kind, lang));
    reworded(match lang {
        Lang::Zh => format!("{label}：{text}"),
        Lang::En => format!("{label}: {text}"),
    })
}

/// An average as a reader is shown it: as it is when it has two decimals
/// or fewer, else "about" it to two (`45.333…` → `约 45.33`); the report's
/// figures keep the exact value.
pub(crate) fn average(value: rust_decimal::Decimal, lang: Lang) -> String {
    let exact = value.normalize();
    if exact.scale() <= 2 {
        return exact.to_string();
    }
    let shown =
        exact.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    match lang {
        Lang::Zh => format!("约 {shown:.2}"),
        Lang::En => format!("about {shown:.2}"),
    }
}

#[cfg(test)]
thread_local! {
    /// Tests turn this on to change every message's wording.
    pub(crate) static REWORD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A message as shown; in tests, reworded on demand (to show that no
/// digest depends on wording).
pub(crate) fn reworded(text: String) -> String {
    #[cfg(test)]
    if REWORD.get() {
        return format!("{text} (reworded)");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn an_average_is_shown_to_two_decimals_and_said_to_be_rounded() {
        let third = Decimal::from(136) / Decimal::from(3);
        assert_eq!(average(third, Lang::Zh), "约 45.33");
        assert_eq!(average(third, Lang::En), "about 45.33");
        assert_eq!(average(Decimal::new(1195, 1), Lang::Zh), "119.5");
        assert_eq!(average(Decimal::new(12000, 2), Lang::En), "120");
    }
}

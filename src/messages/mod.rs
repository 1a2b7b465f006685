//! 文案 — every text a user reads, zh-CN first, behind stable codes.
//! A new language touches only this folder.

pub mod commitment;
pub mod criteria;
pub mod derived;
pub mod fields;
pub mod issues;
pub mod names;
pub mod notices;
pub mod report;
pub mod statement;
pub mod summary;

use crate::text::Lang;
use crate::validate::Issue;

/// The full message of an issue: the field's name, then what to do.
pub fn issue(issue: &Issue, lang: Lang) -> String {
    let label = fields::label(&issue.field, lang);
    let text = issues::text(&issue.kind, lang);
    reworded(match lang {
        Lang::Zh => format!("{label}：{text}"),
        Lang::En => format!("{label}: {text}"),
    })
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

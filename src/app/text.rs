//! Small helpers for the app's bilingual texts: every string is written
//! in both languages where it is used, zh-CN first.

use crate::application::{Industry, UnitType};
use crate::messages::names;
use crate::Lang;

/// Picks the text of the current language.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The office's size classes (划型).
pub fn rate_class(c: crate::policy::RateClass, lang: Lang) -> &'static str {
    pick(names::rate_class(c), lang)
}

pub fn unit_type(u: UnitType, lang: Lang) -> &'static str {
    pick(names::unit_type(u), lang)
}

pub fn industry(i: Industry, lang: Lang) -> &'static str {
    pick(names::industry(i), lang)
}

pub fn criterion(id: &str, lang: Lang) -> &'static str {
    pick(names::criterion(id), lang)
}

fn pick((zh, en): (&'static str, &'static str), lang: Lang) -> &'static str {
    t(lang, zh, en)
}

//! The result's working as the app shows it under its answer, and its
//! hardship path: made here, in the second module, as two HTML fragments
//! (no script, no inline style), so their layout and words cost the app's
//! first load nothing. The app asks for them once the result is shown;
//! in English every quoted clause carries its gloss.

use std::fmt::Write as _;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::eligibility::HardshipStatus;
use crate::field::Field;
use crate::html::escape;
use crate::messages::criteria::percent;
use crate::messages::names;
use crate::messages::summary::group_thousands;
use crate::messages::working::{self as words, pick};
use crate::policy::RateClass;
use crate::report::{CriterionReport, Report};
use crate::{Lang, RawApplication};

/// The fragments: what to do next and the hardship path (shown), and the
/// working (folded).
pub struct Working {
    pub next: String,
    pub hardship: String,
    pub working: String,
}

/// The fragments of an application's result in `lang`; `suzhou`: the unit
/// is in Suzhou (its credit code's place, or the place chosen), whose
/// published contacts it is given.
pub fn working(raw: &RawApplication, lang: Lang, suzhou: bool) -> Working {
    let mut r = crate::check(raw, lang);
    r.gloss_sources();
    let mut working = String::with_capacity(8 << 10);
    unconfirmed(&mut working, &r, lang);
    if r.eligible == Some(true) {
        refund(&mut working, raw, &r, lang);
    }
    working.push_str("<ul class=\"criteria\" id=\"criteria\">\n");
    for c in &r.criteria {
        criterion(&mut working, c, lang);
    }
    working.push_str("</ul>\n");
    profile(&mut working, &r, lang);
    Working {
        next: next_steps(&r, suzhou, lang),
        hardship: hardship(&r, lang),
        working,
    }
}

/// What to do next: under 免申即享 what to check, under application rules
/// the stages, for a unit that does not qualify what to verify; and whom
/// to ask (Suzhou's published contacts, else 12333; never an invented
/// number).
fn next_steps(r: &Report, suzhou: bool, lang: Lang) -> String {
    let automatic = r.procedure == Some(crate::policy::Procedure::Automatic);
    // A unit the rules class outright has no size to check.
    let outright = r
        .notices
        .iter()
        .any(|n| n.code == "rate_class.by_unit_type");
    let list = |items: &[words::Pair]| {
        let items: String = items
            .iter()
            .map(|i| format!("<li>{}</li>", pick(*i, lang)))
            .collect();
        format!("<ul class=\"list list--bullet\">{items}</ul>\n")
    };
    let steps = match (r.eligible, automatic) {
        (Some(true), true) => {
            let mut checks = vec![words::CHECK_ACCOUNT];
            if !outright {
                checks.push(words::CHECK_SIZE);
            }
            checks.push(words::CHECK_NOTICE);
            format!(
                "<section id=\"automatic-checklist\">\n<h2 class=\"heading-m\">{}</h2>\n{}</section>\n",
                pick(words::CHECKLIST_TITLE, lang),
                list(&checks)
            )
        }
        (Some(true), false) => route(r, lang),
        (Some(false), true) => list(&[words::NOT_ON_LIST, words::OBJECT]),
        (Some(false), false) => list(&[words::NOTHING_TO_SUBMIT, words::KEEP_RECORD]),
        (None, _) => list(&[words::UNDECIDED]),
    };
    let contacts = if suzhou {
        words::SUZHOU_CONTACTS
    } else {
        words::OTHER_CONTACTS
    };
    format!(
        "<section id=\"next-steps\">\n<h2 class=\"heading-m\">{}</h2>\n{steps}<p class=\"body\" id=\"contacts\">{}</p>\n</section>\n",
        pick(words::NEXT, lang),
        pick(contacts, lang)
    )
}

/// The stages of an application, the government's deliberation marked
/// as needed or not.
fn route(r: &Report, lang: Lang) -> String {
    use crate::refund::Route;
    let Some(route) = r.route.filter(|r| *r != Route::None) else {
        return String::new();
    };
    let review = route == Route::GovernmentReview;
    let text = match (review, r.review_threshold.as_deref()) {
        (true, Some(limit)) => escape(&words::review(&group_thousands(limit), lang)),
        _ => pick(words::STANDARD, lang).to_owned(),
    };
    let mut out = format!(
        "<section id=\"route\">\n<h2 class=\"heading-m\">{}</h2>\n<p class=\"body\" id=\"route-text\">{text}</p>\n<ol class=\"stages\">\n",
        pick(words::WHAT_HAPPENS, lang)
    );
    for (i, stage) in words::STAGES.iter().enumerate() {
        let (class, note) = match (i == 4, review) {
            (true, true) => (" stage--highlight", String::new()),
            (true, false) => (
                " stage--skipped",
                format!(
                    "<span class=\"hint\">{}</span>",
                    pick(words::NOT_NEEDED, lang)
                ),
            ),
            _ => ("", String::new()),
        };
        let _ = writeln!(
            out,
            "<li class=\"stage{class}\">{}{note}</li>",
            pick(*stage, lang)
        );
    }
    out.push_str("</ol>\n</section>\n");
    out
}

/// `text (aside)` with the language's brackets.
fn bracketed(text: &str, aside: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{text}（{aside}）"),
        Lang::En => format!("{text} ({aside})"),
    }
}

/// Parameter names joined as the language lists them.
fn parameters(names: &[String], lang: Lang) -> String {
    let list: Vec<&str> = names
        .iter()
        .map(|n| pick(words::parameter(n), lang))
        .collect();
    list.join(if lang == Lang::Zh { "、" } else { ", " })
}

/// The English gloss of a quoted clause, after it.
fn gloss(gloss: Option<&str>, class: &str) -> String {
    gloss.map_or_else(String::new, |g| {
        format!("<span class=\"{class}\" lang=\"en\">“{}”</span>", escape(g))
    })
}

fn unconfirmed(out: &mut String, r: &Report, lang: Lang) {
    if r.unconfirmed.is_empty() && r.unknown.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<div class=\"inset inset--warning\" id=\"unconfirmed\">\n<h2 class=\"heading-s\">{}</h2>\n",
        pick(words::UNCONFIRMED_TITLE, lang)
    );
    if !r.unknown.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}{}</p>",
            pick(words::UNKNOWN, lang),
            escape(&parameters(&r.unknown, lang))
        );
    }
    out.push_str("<ul>\n");
    for u in &r.unconfirmed {
        let name = pick(words::parameter(&u.used_for), lang);
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let _ = writeln!(
            out,
            "<li><span class=\"tag tag--unconfirmed\">{}</span> {}{colon}{} — {}{}</li>",
            pick(words::UNCONFIRMED, lang),
            escape(name),
            escape(&u.source.document),
            escape(&u.source.clause),
            gloss(u.source.clause_en.as_deref(), "hint"),
        );
    }
    let _ = writeln!(
        out,
        "</ul>\n<p class=\"hint\">{}</p>\n</div>",
        pick(words::PRE_CHECK, lang)
    );
}

/// The refund step by step; premiums left blank are the monthly rows' sum.
fn refund(out: &mut String, raw: &RawApplication, r: &Report, lang: Lang) {
    let rate = r
        .refund_rate
        .as_deref()
        .and_then(|v| Decimal::from_str(v).ok());
    let (Some(base), Some(rate), Some(exact)) = (&r.refund_base, rate, &r.refund_unrounded) else {
        return;
    };
    let text = |field: Field| match field.raw(raw) {
        serde_json::Value::String(s) => s.trim().to_owned(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let given = text(Field::PremiumsPaid);
    let derived = r
        .derived
        .iter()
        .find(|d| d.field == Field::PremiumsPaid.path() && given.is_empty());
    let premiums = derived.map_or(given, |d| d.value.clone());
    let from_rows = if derived.is_some() {
        format!(
            "<span class=\"hint\">{}</span>",
            pick(words::FROM_ROWS, lang)
        )
    } else {
        String::new()
    };
    let yuan = |v: &str| {
        format!(
            "{} {}",
            escape(&group_thousands(v)),
            pick(words::YUAN, lang)
        )
    };
    let size = r.size.map(|s| pick(names::size(s), lang));
    let class = match r.rate_class {
        Some(RateClass::Large) => pick(words::LARGE_RATE, lang),
        Some(RateClass::Sme) => pick(words::SME_RATE, lang),
        None => "",
    };
    let class = match size {
        Some(size) => [size, class].join(if lang == Lang::Zh { "，" } else { ", " }),
        None => class.to_owned(),
    };
    let rows = [
        (
            format!("{}{from_rows}", pick(words::PREMIUMS, lang)),
            yuan(&premiums),
        ),
        (
            pick(words::LESS_ARREARS, lang).to_owned(),
            yuan(&text(Field::ArrearsAndLateFees)),
        ),
        (pick(words::BASE, lang).to_owned(), yuan(base)),
        (
            escape(&bracketed(pick(words::RATE, lang), &class, lang)),
            percent(rate),
        ),
        (pick(words::BASE_TIMES_RATE, lang).to_owned(), yuan(exact)),
        (
            pick(words::ROUNDED, lang).to_owned(),
            yuan(r.refund.as_deref().unwrap_or_default()),
        ),
    ];
    let _ = write!(
        out,
        "<section>\n<h2 class=\"heading-m\">{}</h2>\n<table class=\"table\" id=\"refund-breakdown\">\n<tbody>\n",
        pick(words::HOW_COMPUTED, lang)
    );
    for (label, value) in rows {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{label}</th><td>{value}</td></tr>"
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// One criterion with its numbers and its source (and, in English, the
/// gloss of the clause).
fn criterion(out: &mut String, c: &CriterionReport, lang: Lang) {
    let (mark, class, status) = match c.passed {
        Some(true) => ("✓", "passed", words::MET),
        Some(false) => ("✗", "failed", words::NOT_MET),
        None => ("?", "unknown", words::CANNOT_DECIDE),
    };
    let status = match lang {
        Lang::Zh => format!("（{}）", status.0),
        Lang::En => format!(" ({})", status.1),
    };
    let unconfirmed = if c.source.confirmed {
        String::new()
    } else {
        format!(
            "<span class=\"tag tag--unconfirmed\">{}</span>",
            pick(words::UNCONFIRMED, lang)
        )
    };
    let clause_gloss = match (lang, c.source.clause_en.as_deref()) {
        (Lang::En, Some(g)) => format!(
            "<p class=\"criterion__gloss hint\" lang=\"en\">“{}”</p>",
            escape(g)
        ),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "<li class=\"criterion criterion--{class}\" id=\"criterion-{id}\">\
         <p class=\"criterion__title\"><span aria-hidden=\"true\" class=\"criterion__mark\">{mark}</span>\
         {name}<span class=\"criterion__status\">{status}</span></p>\
         <p class=\"criterion__explanation\">{explanation}</p>\
         <p class=\"criterion__source\">{source}{document} — {clause}{unconfirmed}</p>{clause_gloss}</li>",
        id = escape(&c.id),
        name = pick(names::criterion(&c.id), lang),
        explanation = escape(&c.explanation),
        source = pick(words::SOURCE, lang),
        document = escape(&c.source.document),
        clause = escape(&c.source.clause),
    );
}

fn profile(out: &mut String, r: &Report, lang: Lang) {
    let Some(p) = &r.profile else {
        return;
    };
    let _ = writeln!(
        out,
        "<section class=\"profile\" id=\"profile-info\">\n<h2 class=\"heading-s\">{}</h2>\n\
         <p class=\"hint\">{}</p>\n<p class=\"hint\" id=\"engine-version\">{} {}</p>\n</section>",
        pick(words::PROFILE, lang),
        escape(&words::profile(
            &p.name,
            &p.version,
            &p.valid_from,
            &p.valid_to,
            lang
        )),
        pick(words::ENGINE, lang),
        crate::ENGINE_VERSION,
    );
}

/// The hardship path: its status, its conditions, its amounts.
fn hardship(r: &Report, lang: Lang) -> String {
    let Some(h) = &r.hardship else {
        return String::new();
    };
    let status = match h.status {
        HardshipStatus::Computed => words::COMPUTED,
        HardshipStatus::ConditionsNotMet => words::CONDITIONS_NOT_MET,
        HardshipStatus::CannotCompute => words::CANNOT_COMPUTE,
        HardshipStatus::NotCovered => words::NOT_COVERED,
    };
    let mut out = format!(
        "<section id=\"hardship-result\">\n<h2 class=\"heading-m\">{}</h2>\n<p class=\"body\">{}</p>\n<ul class=\"criteria\">\n",
        pick(words::HARDSHIP, lang),
        pick(status, lang)
    );
    for c in &h.conditions {
        criterion(&mut out, c, lang);
    }
    out.push_str("</ul>\n<ul class=\"list\">\n");
    for a in &h.amounts {
        let name = if a.formula == "benefit" {
            words::BENEFIT_FORMULA
        } else {
            words::CONTRIBUTION_FORMULA
        };
        let amount = match &a.amount {
            Some(v) => format!("{} {}", group_thousands(v), pick(words::YUAN, lang)),
            None => bracketed(
                pick(words::NOT_COMPUTABLE, lang),
                &parameters(&a.missing, lang),
                lang,
            ),
        };
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        let _ = writeln!(
            out,
            "<li>{}{colon}<strong>{}</strong></li>",
            pick(name, lang),
            escape(&amount)
        );
    }
    out.push_str("</ul>\n</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> RawApplication {
        let path = format!("{}/samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        crate::parse_application(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn the_working_has_each_criterion_with_its_source_and_the_refund_step_by_step() {
        let w = working(&sample("eligible-sme"), Lang::Zh, true);
        assert!(w.next.contains("id=\"route\""));
        assert_eq!(w.next.matches("<li class=\"stage").count(), 8);
        assert!(
            w.next.contains("可能已变更"),
            "the contacts may have changed"
        );
        assert!(w.working.contains("id=\"criterion-layoff_rate\""));
        assert!(
            w.working.contains("苏州市 2018 年末城镇登记失业率")
                || w.working.contains("苏州市 2018 年城镇登记失业率")
        );
        assert!(w.working.contains("84,840.00 元"));
        assert!(w.working.contains("id=\"unconfirmed\""));
        assert!(
            !w.working.contains("suzhou-2019"),
            "the rules by name, never by id"
        );
        assert!(w.hardship.is_empty());
    }

    #[test]
    fn in_english_every_clause_carries_its_gloss_and_english_punctuation() {
        let w = working(&sample("hardship"), Lang::En, false);
        assert!(w.next.contains("12333") && !w.next.contains("0512"));
        assert!(w.working.contains("criterion__gloss"));
        assert!(w.hardship.contains("1,236,000.00 yuan"));
        for text in [&w.working, &w.hardship] {
            assert!(!text.contains("（Met）") && !text.contains("Met）"));
        }
    }
}

//! The decision on paper: the outcome, the refund in figures and in
//! capitals with how it was computed, and every reason in full, each with
//! the legal source it rests on (no "see below": paper has no below).

use std::fmt::Write as _;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::capitals::capitals;
use super::Printout;
use crate::html::escape;
use crate::messages::criteria::percent;
use crate::messages::names;
use crate::messages::summary::group_thousands;
use crate::policy::RateKind;
use crate::refund::Route;
use crate::report::CriterionReport;
use crate::validate::Severity;

pub fn write(out: &mut String, p: &Printout) {
    let (zh, en) = (&p.zh, p.en.as_ref());
    let heading = if p.automatic() {
        ("自查结果", "Self-check result")
    } else {
        ("预审结论", "Pre-check decision")
    };
    let outcome = if !zh.valid {
        (
            "尚有错误，不能据此申请",
            "The application has errors and cannot be submitted as it is",
        )
    } else {
        match zh.eligible {
            Some(true) => ("符合稳岗返还条件", "Eligible for the job-retention refund"),
            Some(false) => (
                "不符合稳岗返还条件",
                "Not eligible for the job-retention refund",
            ),
            None => ("暂时无法判定", "No decision yet"),
        }
    };
    let _ = write!(
        out,
        "<section class=\"wg-decision\">\n<h2>{}</h2>\n<p class=\"wg-outcome\">{}</p>\n",
        p.pair(heading),
        p.pair(outcome)
    );
    // Provisional or another year's rules: said with the outcome, not in a footnote.
    if let Some(standing) = zh.standing.as_deref() {
        let gloss = en.and_then(|e| e.standing.as_deref()).unwrap_or("");
        let trim = |s: &str| s.trim_end_matches(['：', ':', ' ']).to_owned();
        let _ = writeln!(
            out,
            "<p class=\"wg-standing\">{}</p>",
            p.bi(&trim(standing), &trim(gloss))
        );
    }
    // Not eligible: which conditions fail, named at once (each in full below).
    let failed: Vec<&CriterionReport> = zh
        .criteria
        .iter()
        .chain(zh.hardship.iter().flat_map(|h| h.conditions.iter()))
        .filter(|c| c.passed == Some(false))
        .collect();
    if zh.valid && zh.eligible == Some(false) && !failed.is_empty() {
        let names: Vec<String> = failed
            .iter()
            .map(|c| {
                let (zh, en) = names::criterion(&c.id);
                p.inline(zh, en)
            })
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"wg-failed\">{}：{}</p>",
            p.inline("不符合的条件", "Conditions not met"),
            names.join("；")
        );
    }

    // The errors, when there are any: each names its field and what to do.
    let errors: Vec<usize> = (0..zh.issues.len())
        .filter(|i| zh.issues[*i].severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<ol class=\"wg-reasons\">\n",
            p.bi("需要修改", "To correct")
        );
        for i in errors {
            let gloss = en
                .and_then(|e| e.issues.get(i))
                .map_or("", |x| x.message.as_str());
            let _ = writeln!(out, "<li>{}</li>", p.bi(&zh.issues[i].message, gloss));
        }
        out.push_str("</ol>\n");
    }

    if !zh.criteria.is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<ol class=\"wg-reasons\">\n",
            p.bi("各项条件及依据", "Each condition and its source")
        );
        for (i, c) in zh.criteria.iter().enumerate() {
            criterion(out, p, c, en.and_then(|e| e.criteria.get(i)));
        }
        out.push_str("</ol>\n");
    }
    if let Some(h) = &zh.hardship {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<ol class=\"wg-reasons\">\n",
            p.bi(
                "困难企业条件及依据",
                "Hardship conditions and their sources"
            )
        );
        for (i, c) in h.conditions.iter().enumerate() {
            let gloss = en
                .and_then(|e| e.hardship.as_ref())
                .and_then(|h| h.conditions.get(i));
            criterion(out, p, c, gloss);
        }
        out.push_str("</ol>\n");
    }
    if !zh.notices.is_empty() {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<ul class=\"wg-notes\">\n",
            p.bi("提示", "Notes")
        );
        for (i, n) in zh.notices.iter().enumerate() {
            let gloss = en
                .and_then(|e| e.notices.get(i))
                .map_or("", |x| x.message.as_str());
            let _ = writeln!(out, "<li>{}</li>", p.bi(&n.message, gloss));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// The refund in figures and in capitals, how it was computed, and its
/// route: printed with the signatures and the seal, in one block.
pub fn amount(out: &mut String, p: &Printout) {
    let zh = &p.zh;
    // Only an eligible unit applies for an amount (a refusal's 0.00 next
    // to base × rate would read as a sum gone wrong).
    let Some(refund) = zh
        .refund
        .as_deref()
        .filter(|_| zh.valid && zh.eligible == Some(true))
    else {
        return;
    };
    let words = Decimal::from_str(refund)
        .ok()
        .and_then(capitals)
        .unwrap_or_default();
    // A capped rate gives the most that may be paid, not the amount.
    let label = match (zh.refund_rate_kind, p.automatic()) {
        (Some(RateKind::Cap), _) => (
            "最多可返还金额（小写，全国规定的上限，所在地可能低于此数）",
            "Refund up to, in figures (the national cap; your city may pay less)",
        ),
        (_, true) => ("预计返还金额（小写）", "Expected refund, in figures"),
        (_, false) => ("申请返还金额（小写）", "Refund applied for, in figures"),
    };
    let _ = write!(
        out,
        "<table class=\"wg-amount\">\n<tbody>\n\
         <tr><th scope=\"row\">{}</th><td class=\"num\" data-amount=\"{refund}\">¥{}</td></tr>\n\
         <tr><th scope=\"row\">{}</th><td class=\"wg-capitals\">{}</td></tr>\n",
        p.bi(label.0, label.1),
        escape(&group_thousands(refund)),
        p.bi("金额大写", "In capitals (大写)"),
        escape(&words),
        refund = escape(refund),
    );
    if let (Some(base), Some(rate)) = (zh.refund_base.as_deref(), zh.refund_rate.as_deref()) {
        let rate = Decimal::from_str(rate).map_or_else(|_| rate.to_owned(), percent);
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{} 元 × {} = {} 元</td></tr>",
            p.bi("计算", "Computed as"),
            escape(&group_thousands(base)),
            escape(&rate),
            escape(&group_thousands(refund)),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if zh.route == Some(Route::GovernmentReview) {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            p.bi(
                "返还金额达到市政府审议标准，将报市政府审议。",
                "The refund reaches the amount that goes to the municipal government for deliberation."
            )
        );
    }
}

/// One condition: its name, whether it is met, why, and its source.
fn criterion(out: &mut String, p: &Printout, c: &CriterionReport, gloss: Option<&CriterionReport>) {
    let status = match c.passed {
        Some(true) => ("符合", "met"),
        Some(false) => ("不符合", "not met"),
        None => ("无法判定", "cannot be decided"),
    };
    let class = match c.passed {
        Some(true) => "met",
        Some(false) => "failed",
        None => "open",
    };
    let source = if c.source.document.is_empty() {
        escape(&c.source.clause)
    } else {
        format!(
            "{} {}",
            escape(&c.source.document),
            escape(&c.source.clause)
        )
    };
    let unconfirmed = if c.source.confirmed {
        String::new()
    } else {
        format!("（{}）", p.inline("出处待确认", "source not yet confirmed"))
    };
    // The clause as the profile quotes it, then its English gloss, then
    // the mark of an unconfirmed source.
    let clause_en = match (&p.en, gloss.and_then(|g| g.source.clause_en.as_deref())) {
        (Some(_), Some(en)) => format!("<span class=\"gloss\" lang=\"en\">{}</span>", escape(en)),
        _ => String::new(),
    };
    let (name_zh, name_en) = names::criterion(&c.id);
    // The Chinese sentence whole, then its English whole: a gloss inside
    // the sentence would break it into pieces.
    let gloss = match (&p.en, gloss) {
        (Some(_), Some(g)) => format!(
            "<span class=\"gloss\" lang=\"en\">{name_en}: {}. {}</span>",
            status.1,
            escape(&g.explanation)
        ),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "<li class=\"wg-reason wg-reason--{class}\" data-criterion=\"{id}\"><strong>{name_zh}</strong>：{}。\
         {}{gloss}<span class=\"wg-source\">{}：{source}{clause_en}{unconfirmed}</span></li>",
        status.0,
        escape(&c.explanation),
        p.inline("依据", "Source"),
        id = escape(&c.id),
    );
}

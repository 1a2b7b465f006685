//! Every answer of the application, section by section, labelled from the
//! field registry (`messages::fields`), as printed tables.

use std::fmt::Write as _;

use serde_json::Value;

use super::Printout;
use crate::application::field::{Field, Kind, MonthColumn, Months, Section};
use crate::application::{Industry, Named, UnitType};
use crate::html::escape;
use crate::messages::fields::field_label;
use crate::messages::names;
use crate::messages::summary::group_thousands;
use crate::policy::{self, RateClass};
use crate::text::Lang;
use crate::validate::asked::asked;

/// The heading of a section on paper, numbered as a form numbers them.
fn section_title(section: Section) -> (&'static str, &'static str) {
    match section {
        Section::Top => ("适用政策", "Policy"),
        Section::Applicant => ("申请单位基本情况", "The unit"),
        Section::Insured => ("上年度参保和缴费情况", "Last year's insured and premiums"),
        Section::Declarations => ("申请人声明", "Declarations"),
        Section::Hardship => ("困难企业", "Hardship"),
        Section::Bank => ("收款账户", "Bank account"),
        Section::Contact => ("联系人", "Contact"),
        Section::Commitment => ("填表信息", "Filled in by"),
    }
}

/// Chinese numbering of the sections: 一、二、…
const NUMBERS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// The sections printed, numbered as a form numbers them: the hardship
/// section only when the unit takes that path, and none whose every
/// question the rules never asked (the commitment under 免申即享).
pub fn sections(p: &Printout) -> Vec<(usize, Section)> {
    Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Hardship || p.raw.hardship.is_some())
        // The rules used are named under the title.
        .filter(|s| *s != Section::Top)
        .filter(|s| fields(p, *s).next().is_some())
        .enumerate()
        .collect()
}

/// The sections of a form's first page (the unit, its figures, its
/// declarations and the hardship path) and of its second (the account,
/// the contact, who filled it in: then the decision).
pub fn split(sections: &[(usize, Section)]) -> (&[(usize, Section)], &[(usize, Section)]) {
    let at = sections
        .iter()
        .position(|(_, s)| *s > Section::Hardship)
        .unwrap_or(sections.len());
    sections.split_at(at)
}

/// The questions of a section this unit was asked under these rules: a
/// question never asked is not printed as "未填写".
fn fields<'a>(p: &'a Printout, section: Section) -> impl Iterator<Item = Field> + 'a {
    let rules =
        p.zh.profile
            .as_ref()
            .and_then(|r| policy::find(&r.id).ok())
            .map(|r| &r.profile);
    let unit_type = match Field::UnitType.raw(p.raw) {
        Value::String(name) => UnitType::from_name(name),
        _ => None,
    };
    section
        .fields()
        .filter(|f| *f != Field::Format)
        .filter(move |f| asked(*f, rules, unit_type))
}

/// The answers of `sections`, one table each.
pub fn write(out: &mut String, p: &Printout, sections: &[(usize, Section)]) {
    for (n, section) in sections {
        let (zh, en) = section_title(*section);
        let _ = write!(
            out,
            "<table class=\"wg-answers wg-answers--pairs\">\n<caption>{}、{}</caption>\n<tbody>\n",
            NUMBERS.get(*n).copied().unwrap_or_default(),
            p.bi(zh, en)
        );
        // Two answers a row, as a paper form sets them: the form fits two pages.
        let asked: Vec<Field> = fields(p, *section).collect();
        for pair in asked.chunks(2) {
            out.push_str("<tr>");
            for field in pair {
                let _ = write!(
                    out,
                    "<th scope=\"row\">{}</th><td>{}</td>",
                    label(p, *field),
                    value(p, *field, field.raw(p.raw))
                );
            }
            if pair.len() == 1 {
                out.push_str("<td class=\"wg-empty\" colspan=\"2\"></td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        if *section == Section::Insured {
            months(out, p);
        }
    }
}

/// The label of a field on paper. The signatory is who filled the form in
/// (经办人（填表）): the signature lines stay blank for the pen.
fn label(p: &Printout, field: Field) -> String {
    match field {
        Field::Signatory => p.bi("经办人（填表）", "Filled in by"),
        Field::CommitmentDate => p.bi("填表日期", "Date filled in"),
        _ => p.bi(field_label(field, Lang::Zh), field_label(field, Lang::En)),
    }
}

/// An answer as a person reads it (escaped); left blank, the figure the
/// monthly rows give, said so.
fn value(p: &Printout, field: Field, value: &Value) -> String {
    let blank = match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    };
    if blank {
        return match p.zh.derived.iter().find(|d| d.field == field.path()) {
            Some(d) => format!(
                "{}（{}）",
                derived(field, &d.value),
                p.inline("按月明细得出", "from the monthly rows")
            ),
            None => p.bi("未填写", "Not answered"),
        };
    }
    let text = match value {
        Value::Bool(true) => return p.bi("是", "Yes"),
        Value::Bool(false) => return p.bi("否", "No"),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match field.kind() {
        Kind::Money => format!("{} 元", escape(&group_thousands(text.trim()))),
        Kind::UnitType => {
            UnitType::from_name(&text).map_or(escape(&text), |u| p.pair(names::unit_type(u)))
        }
        Kind::Industry => {
            Industry::from_name(&text).map_or(escape(&text), |i| p.pair(names::industry(i)))
        }
        Kind::OfficialSize => {
            RateClass::from_name(&text).map_or(escape(&text), |c| p.pair(names::rate_class(c)))
        }
        // The rules by their name, never their id.
        _ if field == Field::Policy => match policy::find(&text) {
            Ok(profile) => p.bi(
                profile.profile.name.get(Lang::Zh),
                profile.profile.name.get(Lang::En),
            ),
            Err(_) => escape(&text),
        },
        _ => escape(&text),
    }
}

/// A derived figure as printed: money grouped with 元, an average to two
/// decimals (the report keeps the exact value).
fn derived(field: Field, value: &str) -> String {
    match field.kind() {
        Kind::Money => format!("{} 元", escape(&group_thousands(value))),
        Kind::Decimal => value.parse().map_or_else(
            |_| escape(value),
            |v| escape(&crate::messages::average(v, Lang::Zh)),
        ),
        _ => escape(value),
    }
}

/// The monthly records (参保缴费明细), when given: one row a month.
fn months(out: &mut String, p: &Printout) {
    let Value::Array(rows) = Months::raw(p.raw) else {
        return;
    };
    if rows.is_empty() {
        return;
    }
    let columns = [
        (MonthColumn::Month, ("月份", "Month")),
        (MonthColumn::Insured, ("参保人数", "Insured")),
        (MonthColumn::Due, ("应缴金额（元）", "Due (yuan)")),
        (MonthColumn::Paid, ("实缴金额（元）", "Paid (yuan)")),
    ];
    let _ = write!(
        out,
        "<table class=\"wg-answers wg-months\">\n<caption>{}</caption>\n<thead><tr>",
        p.bi("参保缴费明细", "Monthly records")
    );
    for (_, words) in columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", p.pair(words));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (column, _) in columns {
            let cell = match row.get(column.key()) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(v) => v.to_string(),
            };
            let cell = match column.kind() {
                Kind::Money if !cell.is_empty() => group_thousands(cell.trim()),
                _ => cell,
            };
            let _ = write!(out, "<td class=\"num\">{}</td>", escape(&cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

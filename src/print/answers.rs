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

/// The answers, one table per section; the hardship section only when the
/// unit takes that path.
pub fn write(out: &mut String, p: &Printout) {
    let sections = Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Hardship || p.raw.hardship.is_some());
    for (n, section) in sections.enumerate() {
        let (zh, en) = section_title(section);
        let _ = write!(
            out,
            "<table class=\"wg-answers\">\n<caption>{}、{}</caption>\n<tbody>\n",
            NUMBERS.get(n).copied().unwrap_or_default(),
            p.bi(zh, en)
        );
        for field in section.fields().filter(|f| *f != Field::Format) {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                label(p, field),
                value(p, field, field.raw(p.raw))
            );
        }
        out.push_str("</tbody>\n</table>\n");
        if section == Section::Insured {
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

/// An answer as a person reads it (escaped).
fn value(p: &Printout, field: Field, value: &Value) -> String {
    let text = match value {
        Value::Null => return p.bi("未填写", "Not answered"),
        Value::String(s) if s.trim().is_empty() => return p.bi("未填写", "Not answered"),
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
        _ if field == Field::Policy => match policy::find(&text) {
            Ok(profile) => format!(
                "{}（{}）",
                p.bi(
                    profile.profile.name.get(Lang::Zh),
                    profile.profile.name.get(Lang::En)
                ),
                escape(&profile.profile.id)
            ),
            Err(_) => escape(&text),
        },
        _ => escape(&text),
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

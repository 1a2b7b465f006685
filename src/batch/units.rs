//! The result and reminder rows of a bureau's run over its unit register
//! (`wengang screen --units`): the application's result columns, then
//! what a bureau needs besides: the rate class and whether it is the
//! office's or an estimate, the lists not given, the lists that name the
//! unit (file, line, date), and how many fewer departures would have met
//! the layoff-rate standard. Reminders are the units just above it.

use rust_decimal::Decimal;

use super::screen::{
    push_decimal, push_field, push_text, push_u64, write_decision_fields, write_issues,
};
use super::summary::near_miss;
use crate::assessment::Assessment;
use crate::bureau::Bureau;
use crate::eligibility::{CriterionId, Evidence, SizeSource};
use crate::named::Named;
use crate::policy::RateClass;
use crate::record::ratio_decimal;

/// The header of a units run's result file: an application's columns,
/// then a bureau's, then the issues (last, as in every result file).
pub const UNIT_RESULT_HEADER: &str = "line,credit_code,name,valid,eligible,refund,layoff_rate,route,failed_criteria,rate_class,size_source,lists_not_given,listed_on,gap,issues\n";
/// The header of a units run's reminders: units just above the layoff-rate
/// standard, with how many fewer departures would have met it.
pub const UNIT_REMINDER_HEADER: &str = "credit_code,name,layoff_rate,threshold,gap\n";

/// Writes one unit's result row.
pub fn write_unit_result(
    out: &mut Vec<u8>,
    line: u64,
    code: &str,
    name: &str,
    a: &Assessment,
    bureau: &Bureau,
) {
    write_decision_fields(out, line, code, name, a);
    let d = a.decision.as_ref();
    if let Some(class) = d.and_then(|d| d.rate_class) {
        out.extend_from_slice(match class {
            RateClass::Large => b"large",
            RateClass::Sme => b"sme",
        });
    }
    out.push(b',');
    if let Some(source) = d.and_then(|d| d.size_source) {
        out.extend_from_slice(match source {
            SizeSource::Official => b"official",
            SizeSource::Estimate => b"estimate",
        });
    }
    out.push(b',');
    let verdicts = || d.into_iter().flat_map(|d| d.verdicts());
    let unchecked = verdicts().filter_map(|v| match v.evidence {
        Evidence::Unchecked { list } => Some(list.name()),
        _ => None,
    });
    for (i, list) in unchecked.enumerate() {
        if i > 0 {
            out.push(b';');
        }
        out.extend_from_slice(list.as_bytes());
    }
    out.push(b',');
    // The evidence of each list that names the unit: kind:file:line[:date].
    let mut evidence = String::new();
    for v in verdicts() {
        let Evidence::Listed {
            list,
            row: Some(row),
        } = v.evidence
        else {
            continue;
        };
        if !evidence.is_empty() {
            evidence.push(';');
        }
        let given = bureau.lists.get(list);
        evidence.push_str(list.name());
        evidence.push(':');
        evidence.push_str(given.map_or("", |l| l.source.as_str()));
        evidence.push(':');
        evidence.push_str(&row.to_string());
        let date = given
            .and_then(|l| l.get(code))
            .and_then(|e| e.date.as_deref());
        if let Some(date) = date {
            evidence.push(':');
            evidence.push_str(date);
        }
    }
    push_field(out, &evidence);
    out.push(b',');
    if let Some(gap) = d.and_then(|d| d.gap) {
        push_u64(out, gap);
    }
    out.push(b',');
    write_issues(out, a);
    out.push(b'\n');
}

/// A unit whose layoff rate misses the standard by at most half a
/// percentage point, the other criteria aside: its rate, the threshold
/// and the gap in insured employees.
pub fn near_threshold(a: &Assessment) -> Option<(Decimal, Decimal, u64)> {
    let d = a.decision.as_ref().filter(|_| a.valid())?;
    let layoff = d
        .verdicts()
        .find(|v| v.id == CriterionId::LayoffRate && v.passed == Some(false))?;
    let Evidence::Layoff(evidence) = layoff.evidence else {
        return None;
    };
    let rate = evidence.layoff?.rate;
    let threshold = evidence.threshold?;
    let over = rate.checked_sub(threshold)?;
    (over <= near_miss()).then_some((rate, threshold, d.gap?))
}

/// Writes one reminder row: a unit just above the standard.
pub fn write_unit_reminder(
    out: &mut Vec<u8>,
    code: &str,
    name: &str,
    (rate, threshold, gap): (Decimal, Decimal, u64),
) {
    push_text(out, code);
    out.push(b',');
    push_text(out, name);
    out.push(b',');
    push_decimal(out, ratio_decimal(rate));
    out.push(b',');
    push_decimal(out, threshold);
    out.push(b',');
    push_u64(out, gap);
    out.push(b'\n');
}

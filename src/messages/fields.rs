//! The names of the application's fields, as a form labels them.

use crate::application::field::{Field, MonthColumn, Months, Section};
use crate::text::Lang;

/// The label of a field path (or of a section the issues of which are
/// about the whole of it), or the path itself if it has none.
pub fn label(path: &str, lang: Lang) -> String {
    if let Some((row, column)) = Months::parse_path(path) {
        return months_label(row, column, lang);
    }
    let texts = match Field::from_path(path) {
        Some(field) => Some(field_texts(field)),
        None => Section::from_name(path).and_then(section_texts),
    };
    match texts {
        Some(texts) => pick(texts, lang).to_owned(),
        None => path.to_owned(),
    }
}

/// The label of a field.
pub fn field_label(field: Field, lang: Lang) -> &'static str {
    pick(field_texts(field), lang)
}

/// The field whose zh-CN label is `label` (统一社会信用代码 names
/// `applicant.credit_code`): batch files may name their columns so. The
/// labels are [`field_label`]'s, so there is no second list of names; they
/// are unique (tested).
pub fn field_from_label(label: &str) -> Option<Field> {
    Field::ALL
        .iter()
        .copied()
        .find(|f| field_texts(*f).0 == label)
}

fn pick((zh, en): (&'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Every field's label, zh-CN then English: a new field does not compile
/// until it has both.
fn field_texts(field: Field) -> (&'static str, &'static str) {
    match field {
        Field::Format => ("文件格式", "File format"),
        Field::Policy => ("适用政策", "Policy"),
        Field::ApplicantName => ("单位名称", "Name of the unit"),
        Field::CreditCode => ("统一社会信用代码", "Unified social credit code"),
        Field::UnitType => ("单位类型", "Type of unit"),
        Field::Industry => ("所属行业", "Industry"),
        Field::Employees => ("从业人员数", "Persons employed"),
        Field::Revenue => ("上年度营业收入（元）", "Last year's revenue (yuan)"),
        Field::Assets => ("资产总额（元）", "Total assets (yuan)"),
        Field::OfficialSize => (
            "经办机构划型（如已知）",
            "The office's size classification (if known)",
        ),
        Field::Year => ("参保数据年度", "Year of the insurance figures"),
        Field::Start => ("年初参保人数", "Insured at the start of the year"),
        Field::End => ("年末参保人数", "Insured at the end of the year"),
        Field::MonthlyAverage => ("月平均参保人数", "Monthly average insured"),
        Field::RetiredOrDeceased => ("年内退休或死亡人数", "Retired or deceased during the year"),
        Field::NewBenefitClaimants => (
            "新增领取失业保险金人数",
            "New unemployment-benefit claimants",
        ),
        Field::MonthsPaidInFull => ("足额缴费月数", "Months paid in full"),
        Field::PremiumsPaid => (
            "上年度实际缴纳失业保险费（元）",
            "Unemployment-insurance premiums paid last year (yuan)",
        ),
        Field::ArrearsAndLateFees => (
            "其中补缴历年欠费和滞纳金（元）",
            "Of which back payments and late fees (yuan)",
        ),
        Field::IndustrialPolicy => ("符合产业结构调整政策", "Complies with industrial policy"),
        Field::Environmental => ("符合环保政策", "Complies with environmental policy"),
        Field::SeriouslyDishonest => ("被列入严重失信名单", "Listed as seriously dishonest"),
        Field::Zombie => ("属于僵尸企业", "A zombie enterprise"),
        Field::NoOutstandingArrears => (
            "无失业保险历史欠费",
            "No unemployment-insurance arrears from earlier years",
        ),
        Field::TemporaryDifficulty => (
            "暂时性生产经营困难且恢复有望",
            "Temporary difficulty with prospects of recovery",
        ),
        Field::UnionAgreedPlan => (
            "稳岗方案经工会同意",
            "Job-stabilisation plan agreed with the union",
        ),
        Field::NoLayoffCommitment => ("承诺不裁员或少裁员", "Commitment not to lay off"),
        Field::MonthlyContributions => (
            "每月应缴社会保险费（元）",
            "Social-insurance contributions payable per month (yuan)",
        ),
        Field::AccountName => ("账户名称", "Account name"),
        Field::BankName => ("开户银行", "Bank"),
        Field::AccountNumber => ("银行账号", "Account number"),
        Field::ContactName => ("联系人", "Contact person"),
        Field::ContactPhone => ("联系人手机号码", "Contact's mobile number"),
        Field::Accepted => ("申请人承诺", "Applicant's commitment"),
        Field::Signatory => ("承诺人", "Signed by"),
        Field::CommitmentDate => ("申请日期", "Date of application"),
    }
}

/// The label of a section as a whole, where an issue names one.
fn section_texts(section: Section) -> Option<(&'static str, &'static str)> {
    match section {
        Section::Hardship => Some(("困难企业申请", "Hardship application")),
        Section::Top
        | Section::Applicant
        | Section::Insured
        | Section::Declarations
        | Section::Bank
        | Section::Contact
        | Section::Commitment => None,
    }
}

/// The label of the monthly records table, one of its rows (counted from
/// 1) or one of its cells.
fn months_label(row: Option<usize>, column: Option<MonthColumn>, lang: Lang) -> String {
    let (table_zh, table_en) = ("参保缴费明细", "Monthly records");
    let Some(row) = row else {
        return pick((table_zh, table_en), lang).to_owned();
    };
    let column = column.map(|c| {
        pick(
            match c {
                MonthColumn::Month => ("月份", "month"),
                MonthColumn::Insured => ("参保人数", "insured"),
                MonthColumn::Due => ("应缴金额（元）", "amount due (yuan)"),
                MonthColumn::Paid => ("实缴金额（元）", "amount paid (yuan)"),
            },
            lang,
        )
    });
    match (lang, column) {
        (Lang::Zh, Some(c)) => format!("{table_zh}第 {row} 行的{c}"),
        (Lang::Zh, None) => format!("{table_zh}第 {row} 行"),
        (Lang::En, Some(c)) => format!("{table_en}, row {row}: {c}"),
        (Lang::En, None) => format!("{table_en}, row {row}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_paths_are_labelled() {
        assert_eq!(label("insured.months", Lang::Zh), "参保缴费明细");
        assert_eq!(
            label("insured.months.3.paid", Lang::Zh),
            "参保缴费明细第 3 行的实缴金额（元）"
        );
        assert_eq!(
            label("insured.months.13", Lang::En),
            "Monthly records, row 13"
        );
        assert_eq!(label("insured.months.3.x", Lang::En), "insured.months.3.x");
    }

    #[test]
    fn zh_labels_are_unique_and_name_their_field() {
        let mut seen = std::collections::BTreeMap::new();
        for f in Field::ALL {
            let zh = field_label(*f, Lang::Zh);
            if let Some(other) = seen.insert(zh, *f) {
                panic!("{f} and {other} are both labelled {zh}");
            }
            assert_eq!(field_from_label(zh), Some(*f));
            assert_eq!(Field::from_path(zh), None, "{zh} is also a path");
        }
        assert_eq!(field_from_label("applicant.credit_code"), None);
        assert_eq!(field_from_label(""), None);
    }
}

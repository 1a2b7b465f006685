//! The names of the application's fields, as a form labels them.

use crate::text::Lang;

/// The label of a field path, or the path itself if it has none.
pub fn label(path: &str, lang: Lang) -> String {
    let (zh, en) = match path {
        "format" => ("文件格式", "File format"),
        "policy" => ("适用政策", "Policy"),
        "applicant.name" => ("单位名称", "Name of the unit"),
        "applicant.credit_code" => ("统一社会信用代码", "Unified social credit code"),
        "applicant.unit_type" => ("单位类型", "Type of unit"),
        "applicant.industry" => ("所属行业", "Industry"),
        "applicant.employees" => ("从业人员数", "Persons employed"),
        "applicant.revenue" => ("上年度营业收入（元）", "Last year's revenue (yuan)"),
        "applicant.assets" => ("资产总额（元）", "Total assets (yuan)"),
        "insured.year" => ("参保数据年度", "Year of the insurance figures"),
        "insured.start" => ("年初参保人数", "Insured at the start of the year"),
        "insured.end" => ("年末参保人数", "Insured at the end of the year"),
        "insured.monthly_average" => ("月平均参保人数", "Monthly average insured"),
        "insured.retired_or_deceased" => {
            ("年内退休或死亡人数", "Retired or deceased during the year")
        }
        "insured.new_benefit_claimants" => (
            "新增领取失业保险金人数",
            "New unemployment-benefit claimants",
        ),
        "insured.months_paid_in_full" => ("足额缴费月数", "Months paid in full"),
        "insured.premiums_paid" => (
            "上年度实际缴纳失业保险费（元）",
            "Unemployment-insurance premiums paid last year (yuan)",
        ),
        "insured.arrears_and_late_fees" => (
            "其中补缴历年欠费和滞纳金（元）",
            "Of which back payments and late fees (yuan)",
        ),
        "declarations.industrial_policy_compliant" => {
            ("符合产业结构调整政策", "Complies with industrial policy")
        }
        "declarations.environmental_compliant" => {
            ("符合环保政策", "Complies with environmental policy")
        }
        "declarations.seriously_dishonest" => {
            ("被列入严重失信名单", "Listed as seriously dishonest")
        }
        "declarations.zombie" => ("属于僵尸企业", "A zombie enterprise"),
        "hardship" => ("困难企业申请", "Hardship application"),
        "hardship.temporary_difficulty" => (
            "暂时性生产经营困难且恢复有望",
            "Temporary difficulty with prospects of recovery",
        ),
        "hardship.union_agreed_plan" => (
            "稳岗方案经工会同意",
            "Job-stabilisation plan agreed with the union",
        ),
        "hardship.no_layoff_commitment" => ("承诺不裁员或少裁员", "Commitment not to lay off"),
        "hardship.monthly_contributions_payable" => (
            "每月应缴社会保险费（元）",
            "Social-insurance contributions payable per month (yuan)",
        ),
        "bank.account_name" => ("账户名称", "Account name"),
        "bank.bank_name" => ("开户银行", "Bank"),
        "bank.account_number" => ("银行账号", "Account number"),
        "contact.name" => ("联系人", "Contact person"),
        "contact.phone" => ("联系人手机号码", "Contact's mobile number"),
        "commitment.accepted" => ("申请人承诺", "Applicant's commitment"),
        "commitment.signatory" => ("承诺人", "Signed by"),
        "commitment.date" => ("申请日期", "Date of application"),
        _ => return path.to_owned(),
    };
    match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
    }
}

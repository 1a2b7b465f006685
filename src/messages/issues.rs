//! What each validation issue says, and what to do about it.

use crate::application::field::{Field, Kind};
use crate::text::Lang;
use crate::validate::IssueKind;

/// A required answer chosen from a list, or a box to tick, is asked for
/// as such ("请选择", not "请填写"); `None` for a field typed in.
pub fn required_choice(field: Field, lang: Lang) -> Option<String> {
    let (zh, en) = match (field, field.kind()) {
        (Field::Accepted, _) => (
            "必须勾选，请阅读后勾选。",
            "Required: read it and tick the box.",
        ),
        (Field::Policy | Field::Year, _)
        | (_, Kind::Flag | Kind::UnitType | Kind::Industry | Kind::OfficialSize) => {
            ("必选，请选择一项。", "Required: please choose one.")
        }
        _ => return None,
    };
    Some(match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
    })
}

/// The message for an issue kind, without the field's name.
pub fn text(kind: &IssueKind, lang: Lang) -> String {
    use IssueKind::*;
    let (zh, en): (String, String) = match kind {
        Required => ("必填，请填写。".into(), "Required: please fill it in.".into()),
        NotText => ("应为文字，请重新填写。".into(), "Should be text: please enter it again.".into()),
        TooLong { max } => (format!("过长，最多 {max} 个字。"), format!("Too long: at most {max} characters.")),
        TextControl { found, position } => {
            let code = crate::controls::code_point(*found);
            if crate::controls::is_bidi(*found) {
                (
                    format!("第 {position} 个字符 {code} 是看不见的、会改变文字显示方向的字符，请删除。"),
                    format!("Character {position} is {code}, an invisible character that changes the direction text is shown in: remove it."),
                )
            } else {
                (
                    format!("第 {position} 个字符 {code} 是看不见的控制字符，请删除。"),
                    format!("Character {position} is {code}, an invisible control character: remove it."),
                )
            }
        }
        UnknownField { key, suggestion: Some(known) } => (
            format!("“{key}”不是本表的字段，不会被读取；是否应为“{known}”？请改正或删除。"),
            format!("“{key}” is not a field of the form and is not read; did you mean “{known}”? Correct or remove it."),
        ),
        UnknownField { key, suggestion: None } => (
            format!("“{key}”不是本表的字段，不会被读取，请删除。"),
            format!("“{key}” is not a field of the form and is not read: remove it."),
        ),
        UnknownFieldsMore { count } => (
            format!("另有 {count} 个不是本表字段的键，不会被读取，请删除。"),
            format!("{count} more keys are not fields of the form and are not read: remove them."),
        ),
        NotFlag => ("请选择“是”或“否”。".into(), "Choose yes or no.".into()),
        NotChoice { allowed } => (
            format!("不是可选的值，请从以下选择：{}。", allowed.join("、")),
            format!("Not one of the choices; use one of: {}.", allowed.join(", ")),
        ),
        MoneyFormat => (
            "金额格式不对：请填写以元为单位的金额，例如 123456.78。".into(),
            "Not an amount: enter it in yuan, e.g. 123456.78.".into(),
        ),
        MoneyFractionNumber => (
            "带小数的金额必须写成文本（例如 \"123456.78\"），不能写成 JSON 数字，以免二进制浮点误差。".into(),
            "An amount with decimals must be a string (e.g. \"123456.78\"), not a JSON number, to avoid binary floating-point error.".into(),
        ),
        MoneyTooManyDecimals => ("金额最多两位小数（到分）。".into(), "At most two decimals (to the fen).".into()),
        MoneyNegative => ("金额不能为负数。".into(), "An amount cannot be negative.".into()),
        MoneyTooLarge => ("金额过大，请检查是否多输了数字。".into(), "Too large: check for extra digits.".into()),
        CountFormat => ("请填写整数人数或月数。".into(), "Enter a whole number.".into()),
        CountNegative => ("不能为负数。".into(), "Cannot be negative.".into()),
        CountTooLarge => ("数字过大，请检查。".into(), "Too large: please check.".into()),
        DecimalFormat => ("请填写数字，例如 103.5。".into(), "Enter a number, e.g. 103.5.".into()),
        DecimalTooManyDecimals { max } => (format!("最多 {max} 位小数。"), format!("At most {max} decimals.")),
        DateFormat => ("日期格式应为 年-月-日，例如 2019-05-20。".into(), "Use the date format YYYY-MM-DD, e.g. 2019-05-20.".into()),
        DateInvalid => ("没有这一天，请检查月和日。".into(), "That day does not exist: check the month and day.".into()),
        YearImplausible => ("年份不合理，请填写四位年份。".into(), "Not a plausible year: enter four digits.".into()),
        FormatUnsupported { found } => (
            format!("不支持的文件格式 “{found}”，应为 wengang.application/1。"),
            format!("Unsupported format “{found}”; expected wengang.application/1."),
        ),
        PolicyUnknown { id } => (
            format!("没有名为 “{id}” 的政策档案，请从列表中选择。"),
            format!("There is no policy profile “{id}”: choose one from the list."),
        ),
        CreditCodeLength { length } => (
            format!("应为 18 位，现在是 {length} 位。"),
            format!("Must be 18 characters; this has {length}."),
        ),
        CreditCodeLowercase => ("字母请用大写。".into(), "Use capital letters.".into()),
        CreditCodeCharset { position, found } => (
            format!("第 {position} 位的 “{found}” 不能出现在代码中（只用数字和除 I、O、Z、S、V 外的大写字母）。"),
            format!("“{found}” at position {position} cannot appear (digits and capital letters except I, O, Z, S, V only)."),
        ),
        CreditCodeDivision => (
            "第 3–8 位是行政区划代码，应为数字。".into(),
            "Positions 3–8 are the administrative division code and must be digits.".into(),
        ),
        CreditCodeCheck { expected, found } => (
            format!("校验位是 “{found}”，按国家标准计算应为 “{expected}”。请核对营业执照；若执照上确实如此（少数早期试点代码），可确认后继续。"),
            format!("The check character is “{found}” but the standard gives “{expected}”. Compare with the business licence; if it really reads so (a few early pilot codes do), confirm and go on."),
        ),
        AccountCharset => ("账号只能包含数字（可用空格分组）。".into(), "An account number has digits only (spaces between groups are fine).".into()),
        AccountLength { length, min, max } => (
            format!("账号位数不对：现在 {length} 位，通常在 {min}–{max} 位之间。"),
            format!("Unusual length: {length} digits; account numbers have {min}–{max}."),
        ),
        PhoneFormat => ("请填写 11 位手机号码，以 1 开头。".into(), "Enter an 11-digit mobile number starting with 1.".into()),
        ArrearsExceedPremiums => (
            "补缴欠费和滞纳金不能多于实际缴纳的失业保险费（它们包含在其中）。".into(),
            "Back payments and late fees cannot exceed the premiums paid, which include them.".into(),
        ),
        MonthlyAverageZero => (
            "月平均参保人数不能为 0（裁员率要用它作除数）。".into(),
            "The monthly average cannot be 0: the layoff rate divides by it.".into(),
        ),
        MonthlyAverageImplausible => (
            "与年初、年末人数相差较大，请核对；如无误可确认后继续。".into(),
            "Far from the start and end counts: please check, and confirm if it is right.".into(),
        ),
        MonthsOverTwelve => ("一年最多 12 个月。".into(), "A year has at most 12 months.".into()),
        RetiredExceedStart => (
            "多于年初参保人数，请核对；如无误可确认后继续。".into(),
            "More than were insured at the start: please check, and confirm if it is right.".into(),
        ),
        ClaimantsExceedStart => (
            "多于年初参保人数，请核对；如无误可确认后继续。".into(),
            "More than were insured at the start: please check, and confirm if it is right.".into(),
        ),
        PremiumsImplausible => (
            "按参保人数看，缴费金额异常偏高或偏低，请核对是否多输或少输了数字；如无误可确认后继续。".into(),
            "Unusually high or low for the number insured: check for a missing or extra digit, and confirm if it is right.".into(),
        ),
        YearMismatch { expected } => (
            format!("该政策按 {expected} 年度的数据计算，与所填年度不同：结果只是估算，不是适用的规则。如有 {expected} 年的数据，请改填或选择适用的政策。"),
            format!("These rules use {expected} figures, not this year's: the result is only an estimate, not the rules that apply. Enter {expected} figures or choose the rules for your year."),
        ),
        CommitmentNotAccepted => ("须阅读并同意承诺书后才能提交。".into(), "Read and accept the commitment to submit.".into()),
        DateOutsideWindow { from, to } => (
            format!("不在通知规定的申请期限（{from} 至 {to}）内，请核对签署日期。"),
            format!("Outside the application window the notice states ({from} to {to}): check the signing date."),
        ),
        HardshipNotCovered => (
            "所选政策没有困难企业返还，该部分不会计算。".into(),
            "The chosen policy has no hardship path; this part is not computed.".into(),
        ),
        ParameterUnknown { parameter } => (
            format!("政策参数 {parameter} 尚未确认，无法据此判定。"),
            format!("The policy parameter {parameter} is unknown, so this cannot be decided."),
        ),
        ComputationOverflow => (
            "数字过大，无法计算，请核对各项金额和人数。".into(),
            "The figures are too large to compute with: check the amounts and counts.".into(),
        ),
        MonthsNotList => (
            "应为逐月明细的列表（每月一行，共 12 行）。".into(),
            "Should be a list of monthly rows (one row per month, 12 rows).".into(),
        ),
        MonthsRowNotObject => (
            "这一行应包含月份、参保人数、应缴和实缴金额。".into(),
            "This row should have the month, the insured count, and the amounts due and paid.".into(),
        ),
        MonthsRowCount { found } => (
            format!("应为 12 行（每月一行），现在是 {found} 行。"),
            format!("Should have 12 rows, one per month; this has {found}."),
        ),
        MonthOutOfRange => ("月份应为 1 到 12。".into(), "The month should be 1 to 12.".into()),
        MonthDuplicate { month } => (
            format!("{month} 月已在前面的行中填写过，每个月只能填一行。"),
            format!("Month {month} is already given in an earlier row; each month once."),
        ),
        MonthsMissing { months } => {
            let list: Vec<String> = months.iter().map(u64::to_string).collect();
            (
                format!("缺少 {} 月的明细。", list.join("、")),
                format!("No row for month {}.", list.join(", ")),
            )
        }
        MonthsDisagree { given, derived } => (
            format!("填写的是 {given}，按参保缴费明细计算为 {derived}，两者不一致。请改正其中之一，或将此项留空，由明细计算。"),
            format!("Given as {given}, but the monthly records give {derived}. Correct one of them, or leave this blank to use the monthly records."),
        ),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

//! 界面 — the app's own words (zh-CN, English) that are not the engine's
//! report: headings, hints and notes. Each is a pair or a function of the
//! language; the app picks one.

use crate::application::UnitType;
use crate::text::Lang;

/// A pair of texts, zh-CN first.
pub type Pair = (&'static str, &'static str);

/// The text of `lang` in a pair.
pub fn pick((zh, en): Pair, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The headline when the rules are provisional or another year's: the
/// answer is what they would give, said so before anything else.
pub const LIKELY_ELIGIBLE: Pair = ("预计符合稳岗返还条件", "Likely eligible for the refund");
pub const LIKELY_NOT_ELIGIBLE: Pair = ("预计不符合稳岗返还条件", "Likely not eligible");

/// The refund in the headline: "up to" where the text only caps the rate,
/// "预计" (an estimate) under provisional or another year's rules, and
/// what those rules are, in brackets after the amount.
pub fn amount(grouped: &str, cap: bool, caveat: Option<&str>, lang: Lang) -> String {
    let figure = match (lang, cap, caveat.is_some()) {
        (Lang::Zh, true, _) => format!("最多 {grouped} 元"),
        (Lang::Zh, false, true) => format!("预计 {grouped} 元"),
        (Lang::Zh, false, false) => format!("{grouped} 元"),
        (Lang::En, true, _) => format!("Up to {grouped} yuan"),
        (Lang::En, false, true) => format!("About {grouped} yuan"),
        (Lang::En, false, false) => format!("{grouped} yuan"),
    };
    match (caveat, lang) {
        (Some(c), Lang::Zh) => format!("{figure}（{c}）"),
        (Some(c), Lang::En) => format!("{figure} ({c})"),
        (None, _) => figure,
    }
}

/// How many more could have left and the unit still qualify, in one
/// sentence under the amount.
pub fn margin(n: u64, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Zh, 0) => "裁员率刚好符合标准：再多减少 1 名参保职工就不符合。".to_owned(),
        (Lang::Zh, n) => format!("还可再减少 {n} 名参保职工仍符合条件（月平均参保人数不变）。"),
        (Lang::En, 0) => "The layoff rate just meets the standard: one more departure would not.".to_owned(),
        (Lang::En, 1) => "One more insured employee could have left and the unit would still qualify (the monthly average unchanged).".to_owned(),
        (Lang::En, n) => format!("{n} more insured employees could have left and the unit would still qualify (the monthly average unchanged)."),
    }
}

/// Where the unit's name and credit code are printed: a registration
/// certificate (登记证书) or practising licence for a unit that is not an
/// enterprise, the business licence (营业执照) otherwise.
fn document(unit_type: Option<UnitType>) -> Pair {
    match unit_type {
        Some(UnitType::SocialOrganisation | UnitType::Foundation | UnitType::SocialServiceBody) => {
            ("登记证书", "registration certificate")
        }
        Some(UnitType::LawFirm) => ("律师事务所执业许可证", "practising licence"),
        Some(UnitType::AccountingFirm) => ("会计师事务所执业证书", "practising certificate"),
        _ => ("营业执照", "business licence"),
    }
}

/// The hint under the unit's name.
pub fn name_hint(unit_type: Option<UnitType>, lang: Lang) -> String {
    let (zh, en) = document(unit_type);
    match lang {
        Lang::Zh => format!("与{zh}一致。"),
        Lang::En => format!("As on the {en}."),
    }
}

/// The hint under the credit code.
pub fn credit_code_hint(unit_type: Option<UnitType>, lang: Lang) -> String {
    let (zh, en) = document(unit_type);
    match lang {
        Lang::Zh => format!("18 位，见{zh}。"),
        Lang::En => format!("18 characters, on the {en}."),
    }
}

pub const UNIT_TYPE_HINT: Pair = (
    "先选单位类型：有的类型按规则直接确定返还比例，不需要填写规模。",
    "Choose this first: for some types the rules set the rate outright, and no size is asked.",
);
pub const INDUSTRY_HINT: Pair = (
    "按工信部联企业〔2011〕300号划分规模的行业；没有列出的行业（如教育、卫生）选“其他未列明行业”。",
    "The industries of the size rules (工信部联企业〔2011〕300号); one not listed (education, health…) is “Other”.",
);
pub const REVENUE_HINT: Pair = (
    "元，例如 35000000.00、35,000,000 或 3500万。用于划分企业规模。",
    "Yuan, e.g. 35000000.00 or 35,000,000. Used for the enterprise size.",
);
pub const ASSETS_HINT: Pair = (
    "元，也可写 4200万。部分行业划型需要。",
    "Yuan. Some industries' size rules use it.",
);

/// A figure the engine derived from the monthly rows, where the field
/// was left blank.
pub const FROM_ROWS: Pair = ("按月明细得出", "from your monthly rows");

/// The derived figure beside its empty field: "按月明细得出：86,040.00 元".
pub fn from_rows(figure: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}：{figure}", FROM_ROWS.0),
        Lang::En => format!("From your monthly rows: {figure}"),
    }
}

/// The monthly rows, as the review lists them.
pub const MONTHLY_ROWS: Pair = ("按月明细", "Monthly rows");
pub const MONTH: Pair = ("月份", "Month");
pub const INSURED: Pair = ("参保人数", "Insured");
pub const DUE: Pair = ("应缴（元）", "Due (yuan)");
pub const PAID: Pair = ("实缴（元）", "Paid (yuan)");

/// While the working comes from the second module.
pub const WORKING_LOADING: Pair = ("正在准备计算过程……", "Preparing the working…");

/// This copy has no second module (or it failed to load).
pub const WORKING_UNAVAILABLE: Pair = (
    "此版本无法显示下一步和计算过程（缺少第二个模块）：请用网页版，或用命令行 wengang check。咨询：人社服务热线 12333。",
    "This copy cannot show what to do next or the working (its second module is missing): use the web app, or the command line (wengang check). Questions: the hotline 12333.",
);

/// The monthly grid (参保缴费明细): twelve rows, read from a pasted
/// statement by the engine's reader or typed cell by cell.
pub const GRID_SUMMARY: Pair = (
    "按月填写明细（可选，代替下面的合计）",
    "Monthly rows (optional, instead of the totals)",
);
pub const GRID_HINT: Pair = (
    "把社保缴费明细连同表头一起复制，粘贴到任一格，就按表头读入；也可以逐格填写。读不准的不会猜，会说明原因。",
    "Copy the statement with its header row and paste it into any cell: it is read by its headings. Or type each cell. Nothing is guessed: what cannot be read is refused, saying why.",
);
pub const GRID_READING: Pair = ("正在读取粘贴的明细……", "Reading the pasted statement…");
pub const GRID_CLEAR: Pair = ("清空明细", "Clear the rows");
pub const GRID_NO_READER: Pair = (
    "此版本不含读取明细的模块，请逐格填写。",
    "This copy cannot read a pasted statement: type each cell.",
);
pub const GRID_READ_AS: Pair = ("读取方式", "How it was read");
/// A pasted statement the engine refused: why, and that nothing changed.
pub fn not_read(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未读入：{why}表格没有改动。"),
        Lang::En => format!("Not read: {why} The grid is unchanged."),
    }
}

/// A line of the statement: "第 3 行" / "line 3".
pub fn line(line: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {line} 行"),
        Lang::En => format!("line {line}"),
    }
}

/// A month as the grid labels its row: "3 月" / "Month 3".
pub fn month(month: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{month} 月"),
        Lang::En => format!("Month {month}"),
    }
}

/// An amount in the reader's language: 万元 beside the figure in Chinese,
/// the yuan with separators in English.
pub fn echo(grouped_yuan: &str, wan: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => wan.to_owned(),
        Lang::En => format!("= {grouped_yuan} yuan"),
    }
}

/// Said once the submission or record is saved: its file name.
pub fn saved_as(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已保存为 {name}（在浏览器的下载文件夹中）。"),
        Lang::En => format!("Saved as {name} (in your browser's downloads folder)."),
    }
}

/// "text (aside)" with the language's brackets.
pub fn bracketed(text: &str, aside: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{text}（{aside}）"),
        Lang::En => format!("{text} ({aside})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_amount_says_how_the_rules_stand() {
        let provisional = Some("暂按 2026 年待核实规则");
        assert_eq!(
            amount("22,848.00", false, provisional, Lang::Zh),
            "预计 22,848.00 元（暂按 2026 年待核实规则）"
        );
        assert_eq!(amount("42,420.00", false, None, Lang::Zh), "42,420.00 元");
        assert_eq!(
            amount(
                "1,000.00",
                true,
                Some("under provisional 2026 rules, not yet verified"),
                Lang::En
            ),
            "Up to 1,000.00 yuan (under provisional 2026 rules, not yet verified)"
        );
    }

    #[test]
    fn a_unit_that_is_not_an_enterprise_looks_at_its_registration_certificate() {
        let kindergarten = Some(UnitType::SocialServiceBody);
        assert_eq!(name_hint(kindergarten, Lang::Zh), "与登记证书一致。");
        assert_eq!(
            credit_code_hint(kindergarten, Lang::En),
            "18 characters, on the registration certificate."
        );
        assert_eq!(
            name_hint(Some(UnitType::Enterprise), Lang::Zh),
            "与营业执照一致。"
        );
        assert_eq!(name_hint(None, Lang::Zh), "与营业执照一致。");
    }

    #[test]
    fn the_margin_in_one_sentence() {
        assert_eq!(
            margin(24, Lang::Zh),
            "还可再减少 24 名参保职工仍符合条件（月平均参保人数不变）。"
        );
        assert!(margin(1, Lang::En).starts_with("One more"));
    }
}

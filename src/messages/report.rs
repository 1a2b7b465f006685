//! The words of the batch report (`wengang screen --report FILE.html`).

use crate::text::Lang;

/// Every fixed text of the report page, in one language.
pub struct Words {
    /// The `lang` attribute of the page.
    pub html_lang: &'static str,
    pub title: &'static str,
    pub input: &'static str,
    pub engine: &'static str,
    pub totals: &'static str,
    pub rows: &'static str,
    pub valid: &'static str,
    pub eligible: &'static str,
    pub to_review: &'static str,
    pub not_eligible: &'static str,
    pub undecided: &'static str,
    pub invalid: &'static str,
    pub rejected: &'static str,
    pub refund_total: &'static str,
    pub figure: &'static str,
    pub count: &'static str,
    pub by_route: &'static str,
    pub route: &'static str,
    pub route_standard: &'static str,
    pub route_review: &'static str,
    pub by_class: &'static str,
    pub class: &'static str,
    pub class_large: &'static str,
    pub class_sme: &'static str,
    pub class_none: &'static str,
    pub enterprises: &'static str,
    pub refund: &'static str,
    pub total: &'static str,
    pub histogram: &'static str,
    pub histogram_axis: &'static str,
    pub bin: &'static str,
    pub below: &'static str,
    pub above: &'static str,
    pub issues: &'static str,
    pub issue: &'static str,
    pub issues_column: &'static str,
    pub times: &'static str,
    pub no_issues: &'static str,
    pub top: &'static str,
    pub rank: &'static str,
    pub name: &'static str,
    pub credit_code: &'static str,
    pub line: &'static str,
    pub no_top: &'static str,
    pub by_prefecture: &'static str,
    pub by_district: &'static str,
    pub division: &'static str,
    pub rows_screened: &'static str,
    pub division_note: &'static str,
    pub unplaced: &'static str,
    pub chart_data: &'static str,
    pub footer: &'static str,
    /// The banner of a run that stopped before the end of its input.
    pub incomplete: &'static str,
    /// Rows whose credit code an earlier row gave.
    pub duplicates: &'static str,
}

const ZH: Words = Words {
    html_lang: "zh-CN",
    title: "稳岗返还批量预审报告",
    input: "输入文件",
    engine: "引擎版本",
    totals: "总体情况",
    rows: "读取行数",
    valid: "有效",
    eligible: "符合条件",
    to_review: "其中报市政府审议",
    not_eligible: "不符合条件",
    undecided: "暂无法判定（政策参数未知）",
    invalid: "无效（有校验错误）",
    rejected: "无法读取的行",
    refund_total: "预计返还总额（元）",
    figure: "项目",
    count: "数量",
    by_route: "按审批途径",
    route: "途径",
    route_standard: "常规审核",
    route_review: "报市政府审议",
    by_class: "按返还比例类别",
    class: "类别",
    class_large: "大型企业",
    class_sme: "中小微企业",
    class_none: "类别未定",
    enterprises: "企业数",
    refund: "返还金额（元）",
    total: "合计",
    histogram: "裁员率与标准的距离",
    histogram_axis: "裁员率 − 标准（百分点）",
    bin: "区间（百分点）",
    below: "低于标准",
    above: "等于或高于标准",
    issues: "无效行最常见的问题（前 10 项）",
    issue: "问题（字段：代码）",
    issues_column: "结果文件 issues 列中的写法",
    times: "次数",
    no_issues: "没有无效行。",
    top: "返还金额最大的 20 家企业",
    rank: "名次",
    name: "企业名称",
    credit_code: "统一社会信用代码",
    line: "行号",
    no_top: "没有符合条件的企业。",
    by_prefecture: "按地市",
    by_district: "按区县",
    division: "地区",
    rows_screened: "筛查行数",
    division_note: "地区取自统一社会信用代码第 3–8 位（登记机关行政区划代码），按返还金额从高到低排列；数据中没有名称的地区只列代码。",
    unplaced: "无法确定地区",
    chart_data: "图表数据",
    footer: "本报告由 wengang screen 生成。金额为按政策参数计算的预估值，以人社部门审核为准。",
    incomplete: "不完整：读取在文件结束之前停止，以下数字只包括停止之前的行。原因：",
    duplicates: "重复的统一社会信用代码（只计第一次出现的一行，其余不计入任何数字）",
};

const EN: Words = Words {
    html_lang: "en",
    title: "Job-retention refund: batch pre-screening report",
    input: "Input file",
    engine: "Engine version",
    totals: "Totals",
    rows: "Rows read",
    valid: "Valid",
    eligible: "Eligible",
    to_review: "of which to government deliberation",
    not_eligible: "Not eligible",
    undecided: "Undecided (a policy parameter is unknown)",
    invalid: "Invalid (validation errors)",
    rejected: "Unreadable rows",
    refund_total: "Estimated refund total (yuan)",
    figure: "Figure",
    count: "Count",
    by_route: "By route",
    route: "Route",
    route_standard: "Standard",
    route_review: "Government deliberation",
    by_class: "By rate class",
    class: "Class",
    class_large: "Large enterprises",
    class_sme: "SMEs",
    class_none: "No rate class",
    enterprises: "Enterprises",
    refund: "Refund (yuan)",
    total: "Total",
    histogram: "Layoff rates against the threshold",
    histogram_axis: "Layoff rate − threshold (percentage points)",
    bin: "Bin (percentage points)",
    below: "Below the threshold",
    above: "At or above the threshold",
    issues: "Most common issues in invalid rows (top 10)",
    issue: "Issue (field: code)",
    issues_column: "As in the results' issues column",
    times: "Count",
    no_issues: "No invalid rows.",
    top: "The 20 largest refunds",
    rank: "Rank",
    name: "Name",
    credit_code: "Credit code",
    line: "Line",
    no_top: "No eligible enterprise.",
    by_prefecture: "By prefecture",
    by_district: "By district",
    division: "Division",
    rows_screened: "Rows",
    division_note: "The division is read from positions 3–8 of the credit code (the registering authority's division code); largest refund first; a division the data does not name is shown by its code.",
    unplaced: "No division (credit code unreadable)",
    chart_data: "Chart data",
    footer: "Made by wengang screen. Amounts are estimates under the policy parameters; the bureau's review decides.",
    incomplete: "Incomplete: reading stopped before the end of the file; the figures below cover only the rows before the stop. Why:",
    duplicates: "Repeated credit codes (only the first row with a code counts; the others are in no figure)",
};

/// The report's words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The sentence under the histogram: what it counts.
pub fn histogram_note(rows: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "统计裁员率和标准均已知的有效行 {rows} 行。每柱一个百分点（含下限，不含上限），\
             两端的柱为 −10 以下和 10 及以上；0 左侧为低于标准。恰好等于标准的行在 0 柱中。"
        ),
        Lang::En => format!(
            "{rows} valid rows with a known layoff rate and threshold. One bar per percentage \
             point (lower bound included, upper excluded); the end bars are below −10 and 10 \
             and above; left of 0 is below the threshold. A rate exactly at the threshold is in \
             the 0 bar."
        ),
    }
}

/// The "worth a call" count: rates that miss the threshold by at most
/// 0.5 percentage points.
pub fn near_miss(count: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "超出标准 0.5 个百分点以内：{count} 家。差一点达标，值得电话联系核实（如参保人数是否填报有误）。"
        ),
        Lang::En => format!(
            "Within 0.5 percentage points above the threshold: {count}. A near miss, worth a \
             call (to check the insured headcounts reported)."
        ),
    }
}

/// The chart's accessible description of the histogram.
pub fn histogram_label(rows: &str, near: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("柱状图：{rows} 行的裁员率减去标准，按百分点分组；超出标准 0.5 个百分点以内 {near} 家。数据见下表。"),
        Lang::En => format!("Histogram: layoff rate minus threshold for {rows} rows, by percentage point; {near} within 0.5 points above it. The data are in the table below."),
    }
}

/// The chart's accessible description of the issue chart.
pub fn issues_label(shown: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("条形图：无效行中最常见的 {shown} 项问题及其次数。数据见下表。"),
        Lang::En => format!("Bar chart: the {shown} most common issues in invalid rows, with their counts. The data are in the table below."),
    }
}

/// The chart's accessible description of the top refunds.
pub fn top_label(shown: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("条形图：返还金额最大的 {shown} 家企业。数据见下表。"),
        Lang::En => {
            format!("Bar chart: the {shown} largest refunds. The data are in the table below.")
        }
    }
}

/// The row that sums the divisions not listed one by one.
pub fn other_divisions(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("其余 {count} 个地区"),
        Lang::En => format!("The other {count} divisions"),
    }
}

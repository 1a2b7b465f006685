//! The figures derived from the monthly records (参保缴费明细), in words:
//! the figure, its formula, its value.

use crate::application::months::Formula;
use crate::text::Lang;

/// The explanation of a derived figure, by formula id (an unknown id, as
/// in a record from a later version, is shown as it is).
pub fn explain(formula: &str, value: &str, lang: Lang) -> String {
    let Some(formula) = Formula::from_id(formula) else {
        return format!("{formula} = {value}");
    };
    // The average to two decimals, as every figure a reader is shown.
    let average = value
        .parse()
        .map_or_else(|_| value.to_owned(), |v| super::average(v, lang));
    let (zh, en) = match formula {
        Formula::FirstMonth => (
            format!("年初参保人数 = 1 月参保人数 = {value}（本工具把明细上的“年初”读作 1 月；尚未确认，有的地方用上年 12 月的人数）"),
            format!("Insured at the start = January's count = {value} (our reading of 年初 on a monthly statement; unconfirmed: some places use the previous December)"),
        ),
        Formula::LastMonth => (
            format!("年末参保人数 = 12 月参保人数 = {value}（本工具把明细上的“年末”读作 12 月；尚未确认）"),
            format!("Insured at the end = December's count = {value} (our reading of 年末 on a monthly statement; unconfirmed)"),
        ),
        Formula::Average => (
            format!("月平均参保人数 = 12 个月参保人数之和 ÷ 12 = {average}"),
            format!("Monthly average insured = the sum of the twelve monthly counts ÷ 12 = {average}"),
        ),
        Formula::SumPaid => (
            format!("实际缴纳失业保险费 = 12 个月实缴之和（单位和个人合计）= {value} 元；补缴的历年欠费和滞纳金另行扣除"),
            format!("Premiums paid = the sum of the twelve monthly payments (unit and employee shares) = {value} yuan; back payments and late fees are subtracted separately"),
        ),
        Formula::PaidInFull => (
            format!("足额缴费月数 = 实缴不少于应缴的月数 = {value}"),
            format!("Months paid in full = months whose payment is at least what was due = {value}"),
        ),
    };
    super::reworded(match lang {
        Lang::Zh => zh,
        Lang::En => en,
    })
}

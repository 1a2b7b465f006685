//! How a statement was read, in words, for the app's monthly grid: the
//! column each figure came from, the columns and lines left out and why,
//! then the reader's own notes. Made by the second module with the
//! reading itself, so none of it is in the app's first load.

use crate::statement::{Role, SkipReason, SourceColumn, Statement};
use crate::text::Lang;

/// A column of the statement: "第 3 列“参保人数”" / "column 3 (“参保人数”)".
fn column(c: &SourceColumn, lang: Lang) -> String {
    match (lang, &c.heading) {
        (Lang::Zh, Some(h)) => format!("第 {} 列“{h}”", c.index),
        (Lang::Zh, None) => format!("第 {} 列", c.index),
        (Lang::En, Some(h)) => format!("column {} (“{h}”)", c.index),
        (Lang::En, None) => format!("column {}", c.index),
    }
}

fn reason(reason: SkipReason, lang: Lang) -> &'static str {
    let (zh, en) = match reason {
        SkipReason::Title => ("标题", "a title"),
        SkipReason::RepeatedHeader => ("重复的表头", "the header again"),
        SkipReason::Total => ("合计，已与各月核对", "a total, checked against the months"),
        SkipReason::OtherInsurance => ("其他险种", "another insurance"),
        SkipReason::NoFigures => ("没有数字", "no figures"),
    };
    if lang == Lang::Zh {
        zh
    } else {
        en
    }
}

/// The lines of "how it was read", in order.
pub fn how(statement: &Statement, lang: Lang) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let c = &statement.columns;
    let due = match &c.due {
        Some(due) => column(due, lang),
        None => if zh {
            "明细中没有此列"
        } else {
            "not in the statement"
        }
        .to_owned(),
    };
    let read = [
        (Role::Month, column(&c.month, lang)),
        (Role::Insured, column(&c.insured, lang)),
        (Role::Due, due),
        (Role::Paid, column(&c.paid, lang)),
    ]
    .map(|(role, from)| {
        let name = super::statement::role(role, lang);
        if zh {
            format!("{name}：{from}")
        } else {
            format!("{name}: {from}")
        }
    });
    let mut how = vec![read.join(if zh { "；" } else { "; " })];
    let list = if zh { "、" } else { ", " };
    if !c.ignored.is_empty() {
        let ignored: Vec<String> = c.ignored.iter().map(|i| column(i, lang)).collect();
        how.push(match zh {
            true => format!("未读取的列：{}", ignored.join(list)),
            false => format!("Columns not read: {}", ignored.join(list)),
        });
    }
    if !statement.skipped.is_empty() {
        let skipped: Vec<String> = statement
            .skipped
            .iter()
            .map(|s| match zh {
                true => format!("第 {} 行（{}）", s.line, reason(s.reason, lang)),
                false => format!("line {} ({})", s.line, reason(s.reason, lang)),
            })
            .collect();
        how.push(match zh {
            true => format!("跳过的行：{}", skipped.join(list)),
            false => format!("Lines skipped: {}", skipped.join(list)),
        });
    }
    how.extend(statement.notes(lang).into_iter().map(|(_, note)| note));
    how
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_read_by_its_headings_says_which_column_gave_what() {
        let text = "单位：苏州示例\n月份\t单位名称\t参保人数\t实缴金额\n1月\t甲\t46\t3,220.00\n2月\t甲\t46\t3,220.00\n";
        let statement = crate::statement::read_statement(text, None).expect("read");
        let how = how(&statement, Lang::Zh);
        assert_eq!(
            how[0],
            "月份：第 1 列“月份”；参保人数：第 3 列“参保人数”；应缴：明细中没有此列；实缴：第 4 列“实缴金额”"
        );
        assert_eq!(how[1], "未读取的列：第 2 列“单位名称”");
        assert_eq!(how[2], "跳过的行：第 1 行（标题）");
        assert!(how.iter().any(|h| h.contains("足额缴费月数无法由明细得出")));
        let en = super::how(&statement, Lang::En);
        assert!(en[0].starts_with("month: column 1 (“月份”); insured count: column 3"));
    }
}

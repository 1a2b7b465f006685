//! `wengang print`: the printout for the counter, read as a clerk would:
//! both sheets sealed and signed by hand, the refund in capitals, 样例 on a
//! demonstration, always Chinese with English only as a gloss.

mod support;

use support::{wengang, wengang_with_input};

const SAMPLE: &str = include_str!("../samples/eligible-sme.json");

fn page(args: &[&str]) -> String {
    let out = wengang_with_input(&[&["print", "-"], args].concat(), SAMPLE);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The HTML of the element with `id` (up to the next sheet).
fn sheet<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[start..];
    let end = rest
        .find("</section>\n<section class=\"wg-sheet")
        .unwrap_or(rest.len());
    &rest[..end]
}

/// The line `data-sign="{key}"` of a sheet, up to its end.
fn sign_line<'a>(sheet: &'a str, key: &str) -> &'a str {
    let start = sheet
        .find(&format!("data-sign=\"{key}\""))
        .unwrap_or_else(|| panic!("no {key} line"));
    let rest = &sheet[start..];
    &rest[..rest.find("</p>").unwrap_or(rest.len())]
}

#[test]
fn both_sheets_have_a_seal_box_blank_signatures_and_the_date_by_hand() {
    let html = page(&[]);
    for id in ["sheet-form", "sheet-commitment"] {
        let sheet = sheet(&html, id);
        assert!(sheet.contains("class=\"wg-seal\""), "{id}: a seal box");
        assert!(sheet.contains("单位（盖章）"), "{id}");
        assert!(
            sheet.contains("______年____月____日"),
            "{id}: the date by hand"
        );
        for line in ["legal-representative", "signatory"] {
            let line = sign_line(sheet, line);
            assert!(
                line.contains("<span class=\"wg-line\"></span>"),
                "{id}: {line}"
            );
            assert!(
                !line.contains("李明"),
                "{id}: no name where the pen goes: {line}"
            );
        }
        assert!(
            !sign_line(sheet, "date").contains("2019"),
            "{id}: no typed date"
        );
    }
    assert!(html.contains("法定代表人（签字）"));
    // Who filled it in is printed as information, away from the lines.
    assert!(html.contains("经办人（填表）</th><td>李明</td>"));
}

#[test]
fn the_refund_in_figures_and_in_capitals() {
    let html = page(&[]);
    // 86 040.00 − 1 200.00 paid as arrears = 84 840.00, refunded at 50 %.
    assert!(html.contains("¥42,420.00"), "the figures");
    assert!(html.contains("肆万贰仟肆佰贰拾元整"), "the capitals");
}

#[test]
fn the_reasons_are_printed_in_full_with_their_source() {
    let html = page(&[]);
    assert!(html.contains("各项条件及依据"));
    assert!(html.contains("data-criterion=\"layoff_rate\""));
    assert!(html.contains("依据："));
    assert!(!html.contains("见下"), "no \"see below\" on paper");
}

#[test]
fn a_sample_says_so_on_every_sheet() {
    let plain = page(&[]);
    assert!(!plain.contains("样例"));
    let html = page(&["--sample"]);
    for id in ["sheet-form", "sheet-commitment"] {
        assert!(sheet(&html, id).contains("样例 / SAMPLE"), "{id}");
    }
    assert!(html.contains("<title>样例 SAMPLE"));
}

#[test]
fn english_is_a_gloss_beside_the_chinese() {
    let zh = page(&[]);
    assert!(!zh.contains("lang=\"en\""));
    let en = page(&["--lang", "en"]);
    assert!(en.contains("<html lang=\"zh-CN\">"), "a Chinese form");
    for (chinese, english) in [
        (
            "失业保险稳岗返还申请表",
            "Job-retention refund application form",
        ),
        ("承诺书", "Commitment letter"),
        ("统一社会信用代码", "Unified social credit code"),
    ] {
        assert!(
            en.contains(&format!(
                "{chinese}<span class=\"gloss\" lang=\"en\">{english}</span>"
            )),
            "{chinese} glossed {english}"
        );
    }
    // Where a line is a label and a blank, the gloss stays on the line.
    assert!(en.contains(
        "法定代表人（签字） / <span lang=\"en\">Legal representative (signature)</span>：<span class=\"wg-line\">"
    ));
    assert!(en.contains("肆万贰仟肆佰贰拾元整"));
}

#[test]
fn in_english_each_source_clause_carries_its_gloss() {
    let en = page(&["--lang", "en"]);
    for (clause, gloss) in [
        (
            "人社部发〔2019〕23号 足额缴纳失业保险费12个月以上",
            "Unemployment insurance premiums paid in full for 12 months or more",
        ),
        (
            "苏州市 2018 年城镇登记失业率 1.78%",
            "Suzhou&#39;s registered urban unemployment rate in 2018: 1.78%",
        ),
    ] {
        assert!(
            en.contains(&format!(
                "{clause}<span class=\"gloss\" lang=\"en\">{gloss}</span>"
            )),
            "{clause} glossed {gloss}"
        );
    }
    let zh = page(&[]);
    assert!(zh.contains("人社部发〔2019〕23号 足额缴纳失业保险费12个月以上</span></li>"));
}

#[test]
fn a_self_contained_page_under_a_strict_policy() {
    let html = page(&[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("content=\"default-src 'none'; style-src 'sha256-"));
    assert!(!html.contains("<script"));
    assert!(!html.contains(" style=\""));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no request anywhere"
    );
}

#[test]
fn writes_the_file_given_with_o() {
    let dir = std::env::temp_dir().join(format!("wengang-print-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("app.json");
    let output = dir.join("app.html");
    std::fs::write(&input, SAMPLE).unwrap();
    let out = wengang(&[
        "print",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&output).unwrap();
    assert!(html.contains("id=\"sheet-commitment\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn automatic_rules_print_a_self_check_record_not_a_form() {
    let mut app = support::sample("eligible-sme");
    app["policy"] = "suzhou-2020".into();
    app["commitment"]["date"] = "2020-06-10".into();
    app["insured"]["year"] = 2019.into();
    let out = wengang_with_input(&["print", "-"], &app.to_string());
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(
        html.contains("id=\"sheet-record\""),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!html.contains("id=\"sheet-commitment\""));
    assert!(html.contains("不是申请表，不需要提交"));
    assert!(html.contains("wengang verify"));
    assert!(!html.contains("单位（盖章）"));
}

#[test]
fn an_application_with_errors_prints_them_and_warns() {
    let out = wengang_with_input(
        &["print", "-"],
        r#"{"format":"wengang.application/1","policy":"suzhou-2019"}"#,
    );
    assert!(out.status.success());
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(html.contains("尚有错误"));
    assert!(html.contains("无法生成核对码"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has errors"));
}

#[test]
fn unreadable_input_is_refused() {
    let out = wengang_with_input(&["print", "-"], "{ not json");
    assert_eq!(out.status.code(), Some(2));
}

/// The eligible sample moved to 2025 figures under the reported 2026
/// national rules (provisional, rates capped).
fn provisional_capped() -> String {
    let mut app = support::sample("eligible-sme");
    app["policy"] = "cn-2026".into();
    app["insured"]["year"] = 2025.into();
    app["applicant"]["credit_code"] = "91110000MA1MXL2K8N".into();
    app.to_string()
}

#[test]
fn provisional_rules_and_a_capped_rate_are_said_with_the_outcome() {
    let out = wengang_with_input(&["print", "-", "--lang", "en"], &provisional_capped());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    let decision = &html[html.find("class=\"wg-decision\"").expect("a decision")..];
    // Right after the outcome, before the amount: not a footnote.
    let standing = decision
        .find("class=\"wg-standing\"")
        .expect("the standing");
    let amount = decision.find("class=\"wg-amount\"").expect("the amount");
    assert!(standing < amount);
    assert!(decision.contains("暂按 2026 年待核实规则（官方文本未核实）"));
    assert!(decision.contains("Provisional 2026 rules (the official text is not verified)"));
    assert!(decision.contains("最多可返还金额（小写，全国规定的上限，所在地可能低于此数）"));
    assert!(
        decision.contains("Refund up to, in figures (the national cap; your city may pay less)")
    );
    // Published rules for the year's own figures say neither.
    let published = page(&[]);
    assert!(!published.contains("wg-standing"));
    assert!(!published.contains("最多可返还金额"));
}

//! The sheets of a printout, each one A4 page or more: the application
//! form (申请表), the commitment letter (承诺书), and under 免申即享 rules
//! the self-check record (自查记录) instead of both.

use std::fmt::Write as _;

use super::{answers, decision, qr, Printout};
use crate::application::field::Field;
use crate::html::escape;
use crate::messages::commitment::{CLAUSES, OPENING, OUR_UNIT};

/// The date, left for the hand that signs.
const DATE_BY_HAND: &str = "______年____月____日";

/// The opening of a sheet and of its first page (样例 when a
/// demonstration), and the header with the title and the QR code.
fn open(out: &mut String, p: &Printout, id: &str, title: (&str, &str)) {
    let _ = writeln!(
        out,
        "<section class=\"wg-sheet{}\" id=\"{id}\" aria-labelledby=\"{id}-title\">",
        if p.sample { " wg-sheet--sample" } else { "" }
    );
    open_page(out, p);
    let _ = write!(
        out,
        "<header class=\"wg-head\">\n<div>\n<h1 id=\"{id}-title\">{}</h1>\n<p class=\"wg-meta\">{}</p>\n</div>\n",
        p.pair(title),
        meta(p)
    );
    qr_block(out, p);
    out.push_str("</header>\n");
}

/// A page of a sheet: each is one A4 page and starts on a new one, so a
/// demonstration's 样例 / SAMPLE, at the top of each, is on every page.
fn open_page(out: &mut String, p: &Printout) {
    out.push_str("<div class=\"wg-page\">\n");
    if p.sample {
        let _ = writeln!(
            out,
            "<p class=\"wg-sample\"><strong>样例 / SAMPLE</strong> 演示数据，不是真实申请，不得提交。\
             <span lang=\"en\">Demonstration data, not a real application: do not submit.</span></p>"
        );
    }
}

/// The next page of a sheet.
fn next_page(out: &mut String, p: &Printout) {
    out.push_str("</div>\n");
    open_page(out, p);
}

/// The end of the last page and of the sheet.
fn close(out: &mut String) {
    out.push_str("</div>\n</section>\n");
}

/// The rules used and the engine version, under the title.
fn meta(p: &Printout) -> String {
    // The rules by their name and version, never their id.
    let profile = match &p.zh.profile {
        Some(profile) => format!(
            "{}，版本 {}",
            escape(&profile.name),
            escape(&profile.version)
        ),
        None => p.inline("未确定", "not determined"),
    };
    format!(
        "{}：{profile}　{}：{}",
        p.inline("所用政策", "Rules used"),
        p.inline("预审引擎版本", "Engine version"),
        crate::receipt::ENGINE_VERSION
    )
}

fn qr_block(out: &mut String, p: &Printout) {
    let Some(digest) = p.digest.as_deref() else {
        let _ = writeln!(
            out,
            "<p class=\"wg-noqr\">{}</p>",
            p.bi(
                "申请尚有错误，无法生成核对码。",
                "The application has errors: no check code."
            )
        );
        return;
    };
    let Some((path, width)) = qr::svg_path(digest) else {
        return;
    };
    let size = width + 8;
    let _ = writeln!(
        out,
        "<figure class=\"wg-qr\">\n<svg class=\"wg-qr__code\" viewBox=\"-4 -4 {size} {size}\" role=\"img\" \
         aria-label=\"提交文件摘要的二维码 / QR code of the submission digest\" shape-rendering=\"crispEdges\">\
         <rect x=\"-4\" y=\"-4\" width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>\n\
         <figcaption class=\"wg-qr__digest\">{}</figcaption>\n</figure>",
        escape(digest)
    );
}

/// The blank lines to sign, the date by hand, and the seal box.
fn signatures(out: &mut String, p: &Printout, sheet: &str, lines: &[(&str, (&str, &str))]) {
    out.push_str("<div class=\"wg-signs\">\n<div class=\"wg-sign-lines\">\n");
    for (key, words) in lines {
        let _ = writeln!(
            out,
            "<p class=\"wg-sign\" data-sign=\"{key}\">{}：<span class=\"wg-line\"></span></p>",
            p.inline(words.0, words.1)
        );
    }
    let _ = writeln!(
        out,
        "<p class=\"wg-sign\" data-sign=\"date\">{}：{DATE_BY_HAND}</p>\n</div>",
        p.inline("日期", "Date")
    );
    let _ = writeln!(
        out,
        "<div class=\"wg-seal\" data-seal=\"{sheet}\">{}</div>\n</div>",
        p.bi("单位（盖章）", "Seal of the unit")
    );
}

/// 申请表, on two A4 pages: the unit and its figures on the first; the
/// rest of the answers, the decision with its reasons, and then the
/// amount in capitals, the signatures and the seal together (one block
/// that is never split) on the second.
pub fn form(out: &mut String, p: &Printout) {
    open(
        out,
        p,
        "sheet-form",
        (
            "失业保险稳岗返还申请表",
            "Job-retention refund application form",
        ),
    );
    let sections = answers::sections(p);
    let (first, second) = answers::split(&sections);
    answers::write(out, p, first);
    next_page(out, p);
    answers::write(out, p, second);
    decision::write(out, p);
    out.push_str("<div class=\"wg-close\">\n");
    decision::amount(out, p);
    signatures(
        out,
        p,
        "form",
        &[
            (
                "legal-representative",
                ("法定代表人（签字）", "Legal representative (signature)"),
            ),
            (
                "signatory",
                ("经办人（签字）", "Person handling it (signature)"),
            ),
        ],
    );
    out.push_str("</div>\n");
    close(out);
}

/// 承诺书: the unit's commitment, signed by its legal representative and
/// sealed.
pub fn commitment(out: &mut String, p: &Printout) {
    open(out, p, "sheet-commitment", ("承诺书", "Commitment letter"));
    let name = text(Field::ApplicantName.raw(p.raw));
    let (zh_name, en_name) = if name.trim().is_empty() {
        (OUR_UNIT.0.to_owned(), OUR_UNIT.1.to_owned())
    } else {
        (name.clone(), name)
    };
    let _ = writeln!(
        out,
        "<p class=\"wg-letter\">{}</p>\n<ol class=\"wg-clauses\">",
        p.bi(
            &format!("{zh_name}{}", OPENING.0),
            &format!("{en_name} {}", OPENING.1)
        )
    );
    for clause in CLAUSES {
        let _ = writeln!(out, "<li>{}</li>", p.pair(clause));
    }
    out.push_str("</ol>\n");
    let _ = writeln!(
        out,
        "<p class=\"wg-letter\">{}：{}</p>",
        p.inline("承诺单位", "Unit"),
        escape(if zh_name.is_empty() {
            OUR_UNIT.0
        } else {
            &zh_name
        })
    );
    signatures(
        out,
        p,
        "commitment",
        &[
            (
                "legal-representative",
                ("法定代表人（签字）", "Legal representative (signature)"),
            ),
            (
                "signatory",
                ("经办人（签字）", "Person handling it (signature)"),
            ),
        ],
    );
    close(out);
}

/// 自查记录 (免申即享): nothing is applied for, so this is the unit's own
/// record, verifiable against the exported file: no form, no seal.
pub fn record(out: &mut String, p: &Printout) {
    open(
        out,
        p,
        "sheet-record",
        ("稳岗返还自查记录", "Job-retention refund self-check record"),
    );
    let _ = writeln!(
        out,
        "<p id=\"record-lead\">{}</p>",
        p.bi(
            "免申即享：经办机构比对数据后直接拨付，无需申请。本记录是单位的自查结果，不是申请表，不需要提交；以经办机构核定和公示名单为准，有误可在公示期内凭本记录提出异议。",
            "Paid without application (免申即享): the office matches its records and pays. This is the unit's self-check, not an application form, and is not submitted; the office's decision and public list decide, and this record supports an objection within the notice period."
        )
    );
    let profile = p.zh.profile.as_ref().map_or_else(String::new, |r| {
        format!("{}，版本 {}", escape(&r.name), escape(&r.version))
    });
    let _ = writeln!(
        out,
        "<section class=\"wg-verify\" id=\"record-verify\">\n<h2>{}</h2>\n<ul>\n\
         <li>{}：{profile}</li>\n<li>{}：{}</li>\n<li>{}</li>\n</ul>\n</section>",
        p.bi("如何核对本记录", "How to verify this record"),
        p.inline("所用政策", "Rules used"),
        p.inline("预审引擎版本", "Engine version"),
        crate::receipt::ENGINE_VERSION,
        p.bi(
            "二维码即其下的摘要，对应导出的 .json 文件：用 wengang verify 核对该文件，应显示 ok 且摘要相同。",
            "The QR code is the digest under it, of the exported .json file: wengang verify on that file should say ok with the same digest."
        ),
    );
    let sections = answers::sections(p);
    let (first, second) = answers::split(&sections);
    answers::write(out, p, first);
    next_page(out, p);
    answers::write(out, p, second);
    decision::write(out, p);
    out.push_str("<div class=\"wg-close\">\n");
    decision::amount(out, p);
    // Nobody signs under 免申即享: who checked it, and when, by hand.
    let _ = writeln!(
        out,
        "<p class=\"wg-sign\" data-sign=\"checked-by\">{}：<span class=\"wg-line\"></span></p>\n\
         <p class=\"wg-sign\" data-sign=\"date\">{}：{DATE_BY_HAND}</p>\n</div>",
        p.inline("核对人", "Checked by"),
        p.inline("核对日期", "Date"),
    );
    close(out);
}

/// A leaf as plain text.
fn text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

//! 打印 — the printout a unit takes to the counter: the application form
//! (申请表) and the commitment letter (承诺书) laid out for A4, or, under
//! 免申即享 rules, a self-check record. The CLI writes it as a page
//! (`wengang print`); the app loads it as a small second WebAssembly module
//! only when someone prints, so it costs the first load nothing.
//!
//! Always in Chinese, the language of the counter; for an English reader
//! each heading, label and clause carries an English gloss, never instead
//! of the Chinese. Signatures, the seal and the date are left blank for
//! the pen; the refund is given in figures and in capitals (大写); a QR
//! code holds the submission digest. A demonstration printout says 样例 /
//! SAMPLE on every sheet so it can never pass as real.
//!
//! It runs the engine itself (`check`, `submit`) from the application as
//! typed: it holds no rule. No script, no inline style attribute: the
//! fragment goes into the app under its strict CSP unchanged.

mod answers;
mod capitals;
mod decision;
mod qr;
mod sheets;
mod style;
#[cfg(feature = "print-wasm")]
mod wasm;
#[cfg(any(feature = "print-wasm", test))]
mod working;

pub use capitals::capitals;
pub use style::STYLE;

use std::fmt::Write as _;

use crate::application::RawApplication;
use crate::html::{escape, style_hash};
use crate::policy::Procedure;
use crate::report::Report;
use crate::text::Lang;

/// What one printout is made from: the application, its report in
/// Chinese (and in English for the gloss), and the submission digest.
struct Printout<'a> {
    raw: &'a RawApplication,
    zh: Report,
    /// The English report, for the gloss; `None` when printing for a
    /// Chinese reader.
    en: Option<Report>,
    /// The submission's digest; `None` while the application has errors.
    digest: Option<String>,
    sample: bool,
}

impl Printout<'_> {
    /// Chinese text (escaped), with its English gloss when there is one.
    fn bi(&self, zh: &str, en: &str) -> String {
        let mut out = escape(zh);
        if self.en.is_some() {
            let _ = write!(
                out,
                "<span class=\"gloss\" lang=\"en\">{}</span>",
                escape(en)
            );
        }
        out
    }

    /// A short term on one line: `依据 / Source`, or the Chinese alone.
    fn inline(&self, zh: &str, en: &str) -> String {
        match self.en {
            Some(_) => format!("{} / <span lang=\"en\">{}</span>", escape(zh), escape(en)),
            None => escape(zh),
        }
    }

    /// A (zh-CN, English) pair, as [`Printout::bi`].
    fn pair(&self, (zh, en): (&str, &str)) -> String {
        self.bi(zh, en)
    }

    fn automatic(&self) -> bool {
        self.zh.procedure == Some(Procedure::Automatic)
    }
}

impl<'a> Printout<'a> {
    /// Assesses `raw` once: both languages' reports and the digest come
    /// from the one assessment.
    fn of(raw: &'a RawApplication, lang: Lang, sample: bool) -> Self {
        Self::shown(raw, raw, lang, sample)
    }

    /// The decision, its issues and the digest of `assessed`, with the
    /// answers of `shown` (the same application, its answers cut to fit).
    fn shown(
        assessed: &RawApplication,
        shown: &'a RawApplication,
        lang: Lang,
        sample: bool,
    ) -> Self {
        let assessment = crate::assessment::assess(assessed);
        Printout {
            raw: shown,
            zh: Report::render(&assessment, Lang::Zh),
            en: (lang == Lang::En).then(|| {
                let mut en = Report::render(&assessment, Lang::En);
                en.gloss_sources();
                en
            }),
            digest: crate::receipt::stamp(assessed, &assessment).map(|s| s.digest),
            sample,
        }
    }

    /// The sheets as an HTML fragment (one `<div class="wg-print">`).
    fn html(&self) -> String {
        let mut out = String::with_capacity(32 << 10);
        out.push_str("<div class=\"wg-print\" lang=\"zh-CN\">\n");
        if self.sample {
            // Printed on every page (position: fixed repeats on each one).
            out.push_str("<p class=\"wg-sample-mark\" aria-hidden=\"true\">样例 SAMPLE</p>\n");
        }
        if self.automatic() {
            sheets::record(&mut out, self);
        } else {
            sheets::form(&mut out, self);
            sheets::commitment(&mut out, self);
        }
        out.push_str("</div>\n");
        out
    }
}

/// The printout as an HTML fragment (one `<div class="wg-print">`), for a
/// page whose stylesheet includes [`STYLE`].
pub fn fragment(raw: &RawApplication, lang: Lang, sample: bool) -> String {
    Printout::of(raw, lang, sample).html()
}

/// The printout from the JSON text of an application; text that is not an
/// application gives a short bilingual message instead (never a panic).
pub fn fragment_from_json(text: &str, lang: Lang, sample: bool) -> String {
    match crate::application::parse_application(text) {
        Ok(raw) => fragment(&raw, lang, sample),
        Err(e) => format!(
            "<div class=\"wg-print\" lang=\"zh-CN\"><p class=\"wg-error\" role=\"alert\">无法读取申请：{} \
             <span class=\"gloss\" lang=\"en\">The application cannot be read.</span></p></div>\n",
            escape(&e.to_string())
        ),
    }
}

/// A whole printed page, and whether the application it shows can be
/// submitted (one with errors is printed all the same, listing them).
pub struct Page {
    pub html: String,
    pub submittable: bool,
}

/// The printout as a whole page: strict CSP (its one style allowed by its
/// hash, nothing else), no script, A4 print CSS.
pub fn page(raw: &RawApplication, lang: Lang, sample: bool) -> Page {
    page_shown(raw, raw, lang, sample)
}

/// [`page`] of `raw` showing the answers of `shown`: `raw` with answers
/// too long for a page cut. The decision, the issues (the cut answers'
/// among them) and the code are `raw`'s, never the cut copy's.
pub fn page_shown(raw: &RawApplication, shown: &RawApplication, lang: Lang, sample: bool) -> Page {
    let printout = Printout::shown(raw, shown, lang, sample);
    let body = printout.html();
    let style = format!("{STYLE}{PAGE_STYLE}");
    let title = if printout.automatic() {
        "稳岗返还自查记录"
    } else {
        "失业保险稳岗返还申请表和承诺书"
    };
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'sha256-{hash}'; img-src 'none'; font-src 'none'; base-uri 'none'; \
         form-action 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n\
         <title>{sample}{title}</title>\n<style>{style}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        hash = style_hash(&style),
        sample = if sample { "样例 SAMPLE · " } else { "" },
    );
    Page {
        html,
        submittable: printout.digest.is_some(),
    }
}

/// What only the standalone page needs: its body.
const PAGE_STYLE: &str = "\
body { margin: 0 auto; padding: 8mm 6mm; max-width: 186mm; background: #fff; }
@media print { body { padding: 0; max-width: none; } }
";

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> RawApplication {
        let path = format!("{}/samples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        crate::application::parse_application(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// The text of the element that starts at `marker` up to its end tag.
    fn element<'a>(html: &'a str, marker: &str) -> &'a str {
        let start = html.find(marker).unwrap_or_else(|| panic!("no {marker}"));
        let rest = &html[start..];
        &rest[..rest.find("</p>").unwrap()]
    }

    #[test]
    fn the_form_and_the_letter_are_ready_for_the_counter() {
        let html = fragment(&sample("eligible-sme"), Lang::Zh, false);
        assert!(html.contains("id=\"sheet-form\""));
        assert!(html.contains("id=\"sheet-commitment\""));
        assert_eq!(
            html.matches("class=\"wg-seal\"").count(),
            2,
            "a seal box on each sheet"
        );
        assert_eq!(
            html.matches("______年____月____日").count(),
            2,
            "the date by hand"
        );
        // The signatory's name is printed as who filled the form, never on
        // the line where the pen goes.
        assert!(html.contains("经办人（填表）"));
        for line in [
            "data-sign=\"signatory\"",
            "data-sign=\"legal-representative\"",
        ] {
            let at = html.find(line).unwrap();
            assert!(!element(&html[at..], line).contains("李明"));
        }
        assert!(!html.contains("样例"));
        assert!(
            !html.contains("class=\"gloss\""),
            "no English for a Chinese reader"
        );
        assert!(html.contains("<path d=\"M"), "the QR code");
        assert!(html.contains("sha256:"));
    }

    #[test]
    fn the_refund_in_figures_and_capitals() {
        let raw = sample("eligible-sme");
        let refund = crate::report::check(&raw, Lang::Zh).refund.unwrap();
        let words = capitals(refund.parse().unwrap()).unwrap();
        let html = fragment(&raw, Lang::Zh, false);
        assert!(html.contains(&words), "{words}");
        assert!(html.contains(&crate::messages::summary::group_thousands(&refund)));
    }

    #[test]
    fn a_refusal_names_what_fails_and_applies_for_no_amount() {
        let html = fragment(&sample("over-layoff-threshold"), Lang::Zh, false);
        assert!(html.contains("不符合稳岗返还条件"));
        assert!(html.contains("不符合的条件：裁员率"));
        assert!(!html.contains("申请返还金额"));
        assert!(!html.contains("零元整"));
    }

    #[test]
    fn english_glosses_the_chinese_and_samples_say_so() {
        let html = fragment(&sample("eligible-sme"), Lang::En, true);
        assert!(html.contains("失业保险稳岗返还申请表"));
        assert!(html.contains(
            "<span class=\"gloss\" lang=\"en\">Job-retention refund application form</span>"
        ));
        // A label before a blank keeps its gloss on the line.
        assert!(html.contains(
            "法定代表人（签字） / <span lang=\"en\">Legal representative (signature)</span>："
        ));
        assert!(html.contains("承诺书"));
        // Every source's clause is followed by its English gloss.
        let en = crate::report::check(&sample("eligible-sme"), Lang::En);
        for c in &en.criteria {
            let gloss = crate::policy::clause_gloss(&c.source.clause).unwrap();
            let glossed = format!(
                "{}<span class=\"gloss\" lang=\"en\">{}</span>",
                escape(&c.source.clause),
                escape(gloss)
            );
            assert!(html.contains(&glossed), "{}", c.id);
        }
        let zh = fragment(&sample("eligible-sme"), Lang::Zh, false);
        assert!(!zh.contains("Unemployment insurance premiums paid in full"));
        assert_eq!(
            html.matches("class=\"wg-sample\"").count(),
            3,
            "样例 at the top of each page: the form's two and the letter's one"
        );
        assert_eq!(
            html.matches("class=\"wg-sample-mark\"").count(),
            1,
            "and across every printed page"
        );
    }

    #[test]
    fn the_form_is_two_pages_with_the_amount_signatures_and_seal_together() {
        let html = fragment(&sample("eligible-sme"), Lang::Zh, false);
        let form = &html[..html.find("id=\"sheet-commitment\"").unwrap()];
        assert_eq!(form.matches("<div class=\"wg-page\">").count(), 2);
        let second = &form[form.rfind("<div class=\"wg-page\">").unwrap()..];
        let close = &second[second.find("class=\"wg-close\"").unwrap()..];
        for part in [
            "class=\"wg-amount\"",
            "data-sign=\"legal-representative\"",
            "class=\"wg-seal\"",
        ] {
            assert!(
                close.contains(part),
                "{part} in the block that is never split"
            );
        }
        assert!(
            second.contains("收款账户"),
            "the account on the second page"
        );
    }

    #[test]
    fn questions_never_asked_are_not_printed() {
        // cn-2019 counts no retired or deceased, and no new claimants.
        let html = fragment(&sample("over-layoff-threshold"), Lang::Zh, false);
        assert!(!html.contains("年内退休或死亡人数"), "{html}");
        // Under 免申即享 nobody signs: no commitment section, no date typed.
        let mut raw = sample("eligible-sme");
        crate::field::Field::Policy.set_raw(&mut raw, "jiangsu-2025".into());
        crate::field::Field::Year.set_raw(&mut raw, 2024.into());
        let html = fragment(&raw, Lang::Zh, false);
        assert!(html.contains("id=\"sheet-record\""));
        for unasked in ["填表信息", "填表日期", "经办人（填表）"] {
            assert!(
                !html.contains(unasked),
                "{unasked}: the commitment is not asked"
            );
        }
    }

    #[test]
    fn the_rules_are_named_never_by_their_id() {
        let html = fragment(&sample("eligible-sme"), Lang::En, false);
        assert!(html.contains("苏州市 2019 年稳岗返还"));
        assert!(!html.contains("suzhou-2019"));
    }

    #[test]
    fn unreadable_input_gives_a_message() {
        let html = fragment_from_json("{ not json", Lang::Zh, false);
        assert!(html.contains("无法读取申请"));
        let html = fragment_from_json("<script>", Lang::En, false);
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn the_page_allows_its_one_style_and_nothing_else() {
        let printed = page(&sample("eligible-sme"), Lang::Zh, false);
        assert!(printed.submittable);
        let html = printed.html;
        assert!(html.contains("default-src 'none'; style-src 'sha256-"));
        assert!(!html.contains("<script"));
        assert!(!html.contains(" style=\""));
    }

    #[test]
    fn a_page_with_answers_cut_to_fit_shows_the_whole_applications_errors_and_no_code() {
        let raw = sample("eligible-sme");
        let mut long = raw.clone();
        long.applicant.name = serde_json::Value::String("长".repeat(300)).into();
        let printed = page_shown(&long, &raw, Lang::Zh, false);
        assert!(!printed.submittable);
        assert!(!printed.html.contains("长长长"));
        assert!(page_shown(&raw, &raw, Lang::Zh, false).submittable);
    }

    #[test]
    fn a_page_with_errors_is_printed_and_said_not_submittable() {
        let mut raw = sample("eligible-sme");
        raw.applicant.credit_code = serde_json::Value::Null.into();
        let printed = page(&raw, Lang::Zh, false);
        assert!(!printed.submittable);
        assert!(printed.html.contains("wg-print"));
    }
}

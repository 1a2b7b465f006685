//! The print view: the application form (申请表) and the commitment
//! letter (承诺书) laid out for A4, with a QR code of the submission
//! digest so counter staff can match paper to file; for 免申即享
//! profiles, a self-check record verifiable against the exported file.

use yew::prelude::*;

use super::question_page::commitment_text;
use super::review::answers;
use super::Ctx;
use crate::app::form::{self, Page};
use crate::app::qr;
use crate::app::state::Action;
use crate::app::text::t;
use crate::field::Field;
use crate::policy::Procedure;
use crate::{Lang, RawApplication};

#[function_component(PrintView)]
pub fn print_view(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let raw = RawApplication::from_value(&ctx.state.application).unwrap_or_default();
    let digest = crate::submit(&raw).ok().map(|s| s.digest);
    let on_print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let on_back = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Goto(Page::Result)))
    };
    let app = &ctx.state.application;
    let signatory = form::as_text(form::get(app, Field::Signatory.path()));
    let date = form::as_text(form::get(app, Field::CommitmentDate.path()));
    // 免申即享: nothing is applied for, so the print is a self-check
    // record anyone can verify against the exported file, not a form.
    let automatic = ctx.report.procedure == Some(Procedure::Automatic);
    let profile = ctx.report.profile.as_ref().map(|p| match lang {
        Lang::Zh => format!("{}（{}），版本 {}", p.name, p.id, p.version),
        Lang::En => format!("{} ({}), version {}", p.name, p.id, p.version),
    });
    html! {
        <div class="print">
            <div class="actions no-print">
                <button type="button" class="back-link" onclick={on_back}>{ t(lang, "返回结果", "Back to the result") }</button>
                <button type="button" class="button" id="print-now" onclick={on_print}>{ t(lang, "打印", "Print") }</button>
            </div>
            <section class="sheet" id={if automatic { "sheet-record" } else { "sheet-form" }}>
                <header class="sheet__header">
                    <h1 id="page-heading" tabindex="-1">{ if automatic {
                        t(lang, "稳岗返还自查记录", "Job-retention refund self-check record")
                    } else {
                        t(lang, "失业保险稳岗返还申请表", "Job-retention refund application form")
                    } }</h1>
                    { qr_block(digest.as_deref(), lang) }
                </header>
                if automatic {
                    <p id="record-lead">{ t(lang,
                        "免申即享：经办机构比对数据后直接拨付，无需申请。本记录是单位的自查结果，不是申请表，不需要提交；以经办机构核定和公示名单为准，有误可在公示期内凭本记录提出异议。",
                        "Paid without application (免申即享): the office matches its records and pays. This is the unit's self-check, not an application form, and is not submitted; the office's decision and public list decide, and this record supports an objection within the notice period.") }</p>
                    <section class="sheet__section" id="record-verify">
                        <h2>{ t(lang, "如何核对本记录", "How to verify this record") }</h2>
                        <ul class="list">
                            <li>{ t(lang, "所用政策：", "Rules used: ") }{ profile.unwrap_or_default() }</li>
                            <li>{ t(lang, "预审引擎版本：", "Engine version: ") }{ crate::ENGINE_VERSION }</li>
                            <li>{ t(lang,
                                "二维码即其下的摘要，对应导出的 .json 文件：用 wengang verify 核对该文件，应显示 ok 且摘要相同。",
                                "The QR code is the digest under it, of the exported .json file: wengang verify on that file should say ok with the same digest.") }</li>
                        </ul>
                    </section>
                }
                { for ctx.state.pages().into_iter().filter(|p| *p != Page::Commitment).map(|page| html! {
                    <section class="sheet__section">
                        <h2>{ page.title(lang) }</h2>
                        { answers(ctx, page, false) }
                    </section>
                }) }
                <p class="sheet__result">{ if automatic { t(lang, "自查结果：", "Self-check result: ") } else { t(lang, "预审结果：", "Pre-check result: ") } }{ &ctx.report.summary }</p>
                if automatic {
                    <p class="sheet__sign">{ t(lang, "核对人：", "Checked by: ") }{ signatory.clone() }</p>
                    <p class="sheet__sign">{ t(lang, "核对日期：", "Date: ") }{ date.clone() }</p>
                }
            </section>
            if !automatic {
                <section class="sheet" id="sheet-commitment">
                    <header class="sheet__header">
                        <h1>{ t(lang, "承诺书", "Commitment letter") }</h1>
                        { qr_block(digest.as_deref(), lang) }
                    </header>
                    { commitment_text(ctx) }
                    <p class="sheet__sign">{ t(lang, "承诺人（签字）：", "Signed: ") }{ signatory }</p>
                    <p class="sheet__sign">{ t(lang, "单位（盖章）：", "Unit (seal): ") }</p>
                    <p class="sheet__sign">{ t(lang, "日期：", "Date: ") }{ date }</p>
                </section>
            }
        </div>
    }
}

fn qr_block(digest: Option<&str>, lang: Lang) -> Html {
    let Some(digest) = digest else {
        return html! { <p class="hint">{ t(lang, "申请尚有错误，无法生成核对码。", "The application has errors: no check code.") }</p> };
    };
    let Some((path, width)) = qr::svg_path(digest) else {
        return Html::default();
    };
    let size = width + 8;
    html! {
        <figure class="qr">
            <svg class="qr__code" viewBox={format!("-4 -4 {size} {size}")} role="img"
                aria-label={t(lang, "提交文件摘要的二维码", "QR code of the submission digest")} shape-rendering="crispEdges">
                <rect x="-4" y="-4" width={size.to_string()} height={size.to_string()} fill="#fff" />
                <path d={path} fill="#000" />
            </svg>
            <figcaption class="qr__digest">{ digest.to_owned() }</figcaption>
        </figure>
    }
}

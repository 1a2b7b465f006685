//! The print view: the application form (申请表) and the commitment
//! letter (承诺书) laid out for A4, with a QR code of the submission
//! digest so counter staff can match paper to file.

use yew::prelude::*;

use super::question_page::commitment_text;
use super::review::answers;
use super::Ctx;
use crate::app::form::{self, Page};
use crate::app::qr;
use crate::app::state::Action;
use crate::app::text::t;
use crate::field::Field;
use crate::RawApplication;

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
    html! {
        <div class="print">
            <div class="actions no-print">
                <button type="button" class="back-link" onclick={on_back}>{ t(lang, "返回结果", "Back to the result") }</button>
                <button type="button" class="button" id="print-now" onclick={on_print}>{ t(lang, "打印", "Print") }</button>
            </div>
            <section class="sheet" id="sheet-form">
                <header class="sheet__header">
                    <h1 id="page-heading" tabindex="-1">{ t(lang, "失业保险稳岗返还申请表", "Job-retention refund application form") }</h1>
                    { qr_block(digest.as_deref(), lang) }
                </header>
                { for ctx.state.pages().into_iter().filter(|p| *p != Page::Commitment).map(|page| html! {
                    <section class="sheet__section">
                        <h2>{ page.title(lang) }</h2>
                        { answers(ctx, page, false) }
                    </section>
                }) }
                <p class="sheet__result">{ t(lang, "预审结果：", "Pre-check result: ") }{ &ctx.report.summary }</p>
            </section>
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
        </div>
    }
}

fn qr_block(digest: Option<&str>, lang: crate::Lang) -> Html {
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

//! One-off notices (draft restored, imported, cleared) with their undo,
//! the question asked before answers are replaced, the demo banner, and
//! the storage failure banner.

use yew::prelude::*;

use super::Ctx;
use crate::app::demos;
use crate::app::state::{Action, Notice, Pending, Storage};
use crate::app::storage;
use crate::app::text::t;
use crate::Lang;

#[function_component(Notices)]
pub fn notices(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let notice = ctx.state.notice.as_ref().map(|n| match n {
        Notice::DraftRestored => t(
            lang,
            "已恢复您上次填写的内容。",
            "Your saved answers have been restored.",
        )
        .to_owned(),
        Notice::Imported => t(
            lang,
            "已导入文件，请核对答案。",
            "The file was imported: check the answers.",
        )
        .to_owned(),
        Notice::ImportedOldFormat => t(
            lang,
            "已导入旧格式文件（wengang.submission/1）中的申请，请核对答案。旧文件已不能通过核验：请在结果页重新导出。",
            "The application was imported from an older file (wengang.submission/1): check the answers. The old file no longer verifies: export it again from the result page.",
        )
        .to_owned(),
        Notice::ImportFailed(reason) => match lang {
            Lang::Zh => format!("无法导入该文件：{reason}"),
            Lang::En => format!("The file could not be imported: {reason}"),
        },
        Notice::DemoFailed(reason) => match lang {
            Lang::Zh => format!("无法载入演示企业（{reason}）。您的答案没有改变。"),
            Lang::En => format!("The demo could not be loaded ({reason}). Your answers are unchanged."),
        },
        Notice::DemoLoaded(id) => {
            let name = demos::find(id)
                .map(|d| if lang == Lang::Zh { d.1 } else { d.2 })
                .unwrap_or(id);
            match lang {
                Lang::Zh => format!("已载入演示企业：{name}。"),
                Lang::En => format!("Demo loaded: {name}."),
            }
        }
        Notice::Cleared => t(
            lang,
            "已清除本机保存的所有数据。",
            "All data saved on this device has been cleared.",
        )
        .to_owned(),
        Notice::Undone => t(
            lang,
            "已撤销，您的答案已恢复。",
            "Undone: your answers are back.",
        )
        .to_owned(),
        Notice::DemoLeft => t(
            lang,
            "已退出演示，这是您自己的答案。",
            "You left the demo: these are your own answers.",
        )
        .to_owned(),
        Notice::Prefilled => t(
            lang,
            "已带入门户提供的单位信息，请核对。",
            "Details from the portal have been filled in: please check them.",
        )
        .to_owned(),
        Notice::SentToPortal => t(
            lang,
            "提交文件已发送到门户。",
            "The submission has been sent to the portal.",
        )
        .to_owned(),
    });
    let storage = match &ctx.state.storage {
        Storage::Saved => None,
        Storage::Failed(reason) => Some(match lang {
            Lang::Zh => format!(
                "草稿无法保存到本机（{reason}）。页面上的内容不会丢失，但关闭或刷新页面后无法恢复；请在结果页“导出”保存文件。"
            ),
            Lang::En => format!(
                "Your answers cannot be saved on this device ({reason}). Nothing on screen is lost, but it will not survive closing or reloading: use Export on the result page to keep a file."
            ),
        }),
    };
    let accept_update = Callback::from(|_| crate::app::embed::fire("wengang:update-accept"));
    let undo = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Undo))
    };
    let leave_demo = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::LeaveDemo))
    };
    html! {
        <>
            if ctx.state.update_ready {
                <div class="banner banner--update" role="status" id="update-ready">
                    { t(lang, "新版本已就绪。您填写的内容已保存，更新后仍在。", "A new version is ready. Your answers are saved and will still be here.") }
                    { " " }
                    <button type="button" class="button button--secondary" id="update-now" onclick={accept_update}>
                        { t(lang, "立即更新", "Update now") }
                    </button>
                </div>
            }
            if let Some(text) = storage {
                <div class="banner banner--warning" role="alert" id="storage-failed">{ text }</div>
            }
            if ctx.state.demo.is_some() {
                <div class="demo-banner no-print" id="demo-banner">
                    { t(lang, "演示模式：这是样例企业，您自己的答案和草稿不受影响。", "Demo mode: this is a sample enterprise; your own answers and draft are untouched.") }
                    { " " }
                    <button type="button" class="link-button" id="leave-demo" onclick={leave_demo}>{ t(lang, "退出演示", "Leave the demo") }</button>
                </div>
            }
            { confirm(ctx) }
            if let Some(text) = notice {
                <div class="banner" role="status" id="notice">
                    { text }
                    if ctx.state.undo.is_some() {
                        <button type="button" class="link-button" id="undo" onclick={undo}>{ t(lang, "撤销", "Undo") }</button>
                    }
                </div>
            }
        </>
    }
}

/// The question asked before the answers are replaced: what will be lost,
/// and that it can be undone once.
fn confirm(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let Some(pending) = &ctx.state.pending else {
        return Html::default();
    };
    let clearing = matches!(pending, Pending::Clear);
    let yes = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| {
            if clearing {
                // The draft goes now; an undo puts the answers back and saves them again.
                let _ = storage::clear();
            }
            dispatch.dispatch(Action::ConfirmPending)
        })
    };
    let no = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::CancelPending))
    };
    let (question, yes_label) = if clearing {
        (
            t(
                lang,
                "清除本机保存的全部答案和草稿吗？清除后可以撤销一次。",
                "Clear all answers and the draft saved on this device? You can undo it once.",
            ),
            t(lang, "清除", "Clear"),
        )
    } else {
        (
            t(
                lang,
                "导入的文件会替换您已填写的全部答案。导入后可以撤销一次。",
                "The imported file replaces all the answers you have given. You can undo it once.",
            ),
            t(
                lang,
                "替换为文件中的答案",
                "Replace with the file's answers",
            ),
        )
    };
    html! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-question" id="confirm" tabindex="-1">
            <p class="heading-s" id="confirm-question">{ question }</p>
            <div class="actions">
                <button type="button" class="button button--warning" id="confirm-yes" onclick={yes}>{ yes_label }</button>
                <button type="button" class="button button--secondary" id="confirm-no" onclick={no}>{ t(lang, "取消", "Cancel") }</button>
            </div>
        </div>
    }
}

//! One-off notices (draft restored, imported, cleared) and the storage
//! failure banner.

use yew::prelude::*;

use super::Ctx;
use crate::app::demos;
use crate::app::state::{Notice, Storage};
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
            if let Some(text) = notice {
                <div class="banner" role="status" id="notice">{ text }</div>
            }
        </>
    }
}

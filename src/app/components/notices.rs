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
    html! {
        <>
            if let Some(text) = storage {
                <div class="banner banner--warning" role="alert" id="storage-failed">{ text }</div>
            }
            if let Some(text) = notice {
                <div class="banner" role="status" id="notice">{ text }</div>
            }
        </>
    }
}

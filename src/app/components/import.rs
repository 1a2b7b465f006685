//! Import a saved submission or application to continue or correct it.
//! The file is read in the browser; nothing is sent anywhere.

use yew::prelude::*;

use super::Ctx;
use crate::app::files;
use crate::app::state::{Action, Notice};
use crate::app::text::t;

#[function_component(Import)]
pub fn import(ctx: &Ctx) -> Html {
    let lang = ctx.state.lang;
    let dispatch = ctx.dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let file = gloo_file::File::from(file);
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let text = gloo_file::futures::read_as_text(&file).await.ok();
            let action = match text.map(|text| files::application_in(&text)) {
                Some(Ok((application, notice))) => Action::Import {
                    application,
                    notice,
                },
                Some(Err(reason)) => Action::Notify(Notice::ImportFailed(reason)),
                None => Action::Notify(Notice::ImportFailed("unreadable file".into())),
            };
            dispatch.dispatch(action);
        });
    });
    html! {
        <div class="import no-print">
            <label class="label" for="import-file">{ t(lang, "导入已保存的文件以继续或修改", "Import a saved file to continue or correct it") }</label>
            <input type="file" id="import-file" accept=".json,application/json" {onchange} />
        </div>
    }
}

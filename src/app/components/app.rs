//! The root: holds the state, runs the engine on every change, saves the
//! draft, and shows the current page.

use std::rc::Rc;

use yew::prelude::*;

use super::{focus, Ctx};
use crate::app::form::Page;
use crate::app::state::{report_of, Action, AppState, Storage};
use crate::app::{embed, history, storage};
use crate::Lang;

/// Today's local date as `YYYY-MM-DD`.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

fn initial_state() -> AppState {
    let mine = storage::load();
    // A demo shown before the reload is shown again, the draft kept aside.
    let demo = storage::load_demo()
        .and_then(|(id, draft)| crate::app::demos::find(&id).map(|(id, ..)| (*id, draft)));
    let mut state = match (demo, mine) {
        (Some((id, demo)), mine) => AppState::from_demo(id, demo, mine, &today()),
        (None, Some(draft)) => AppState::from_draft(draft, &today()),
        (None, None) => AppState::new(&today(), Lang::Zh),
    };
    // A link to a page opens that page.
    if let Some(page) = history::page_in_address() {
        state.visit(page);
    }
    state
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let report = {
        let deps = (state.application.clone(), state.lang);
        use_memo(deps, |(application, lang)| report_of(application, *lang))
    };

    // Save after each change; a failure is told, and nothing on screen is lost.
    {
        let dispatch = state.dispatcher();
        // Nothing is kept until the user has answered something; a demo
        // is kept apart, so it survives a reload and never overwrites the
        // user's draft.
        let worth_keeping = state.has_answers();
        use_effect_with(
            (state.draft(), worth_keeping, state.demo),
            move |(draft, worth_keeping, demo)| {
                let saved = match demo {
                    Some(id) => storage::save_demo(id, draft),
                    None => {
                        storage::clear_demo();
                        if !*worth_keeping {
                            return;
                        }
                        storage::save(draft)
                    }
                };
                let status = match saved {
                    Ok(()) => Storage::Saved,
                    Err(reason) => Storage::Failed(reason),
                };
                dispatch.dispatch(Action::Stored(status));
            },
        );
    }

    // The page's language, and focus on the new page's heading.
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", if *lang == Lang::Zh { "zh-CN" } else { "en" });
            }
        });
    }
    {
        let opened_on = use_mut_ref(|| true);
        use_effect_with(state.page, move |page| {
            history::show(*page, opened_on.replace(false));
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, 0.0);
            }
            focus("page-heading");
        });
    }
    // Back and Forward move between pages.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = history::listen(move |page| dispatch.dispatch(Action::Visit(page)));
            move || drop(listener)
        });
    }
    // A question before answers are replaced takes the focus.
    {
        let asking = state.pending.is_some();
        use_effect_with(asking, move |asking| {
            if *asking {
                focus("confirm");
            }
        });
    }

    // Inside an allowed portal: say ready, take prefills, report height.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = embed::allowed_parent_origin().map(|origin| {
                dispatch.dispatch(Action::Embedded(origin.clone()));
                let on_prefill = {
                    let dispatch = dispatch.clone();
                    move |values| dispatch.dispatch(Action::Prefill(values))
                };
                let listener = embed::listen(origin.clone(), on_prefill);
                embed::ready(&origin);
                listener
            });
            move || drop(listener)
        });
    }
    {
        let origin = state.embedded.clone();
        use_effect(move || {
            if let Some(origin) = origin {
                embed::height(&origin);
            }
        });
    }

    // A new version installed by the service worker is offered, not forced.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if embed::window_flag("wengangUpdateReady") {
                dispatch.dispatch(Action::UpdateReady);
            }
            let listener = embed::listen_event("wengang:update-ready", move || {
                dispatch.dispatch(Action::UpdateReady)
            });
            move || drop(listener)
        });
    }

    let ctx = Ctx {
        state: Rc::new((*state).clone()),
        report: Rc::clone(&report),
        dispatch: state.dispatcher(),
    };
    let page = match state.page {
        Page::Review => html! { <super::review::Review ..ctx.clone() /> },
        Page::Result => html! { <super::result::ResultPage ..ctx.clone() /> },
        Page::Print => html! { <super::print::PrintView ..ctx.clone() /> },
        _ => html! { <super::question_page::QuestionPage ..ctx.clone() /> },
    };
    html! {
        <>
            <a class="skip-link no-print" href="#main">{ crate::app::text::t(state.lang, "跳到主要内容", "Skip to main content") }</a>
            <super::header::Header ..ctx.clone() />
            <main id="main" class="page">
                <super::notices::Notices ..ctx.clone() />
                { page }
            </main>
        </>
    }
}

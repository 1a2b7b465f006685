//! The app's components, one per file.

pub mod app;
pub mod error_summary;
pub mod header;
pub mod import;
pub mod months;
pub mod notices;
pub mod print;
pub mod proposal;
pub mod question;
pub mod question_page;
pub mod result;
pub mod review;

use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, AppState};
use crate::Report;

/// What most components need: the state, the report, and the dispatcher.
#[derive(Properties, Clone)]
pub struct Ctx {
    pub state: Rc<AppState>,
    pub report: Rc<Report>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The same state and report, not equal ones: the root hands out new ones
/// after every change, and comparing the whole state and report field by
/// field cost the first load more code than the re-render it would save.
impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
            && Rc::ptr_eq(&self.report, &other.report)
            && self.dispatch == other.dispatch
    }
}

/// A form's submit: continue (to the next page, or stay and show what blocks).
pub fn continue_on_submit(dispatch: &UseReducerDispatcher<AppState>) -> Callback<SubmitEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        dispatch.dispatch(Action::Continue);
    })
}

/// A back link.
pub fn back_on_click(dispatch: &UseReducerDispatcher<AppState>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(Action::Back))
}

/// Moves keyboard focus to the element with this id (and scrolls to it).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

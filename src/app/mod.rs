//! The self-check app (Yew): question pages, check your answers, the
//! result, export/import and print. It computes nothing itself: every
//! decision is the engine's `check`, run on every change.

pub mod bench;
mod components;
mod demos;
mod embed;
mod files;
pub mod form;
mod history;
mod later;
pub mod state;
mod storage;
mod text;

pub use components::app::App;

/// Mounts the app on the page's body.
pub fn run() {
    yew::Renderer::<App>::new().render();
}

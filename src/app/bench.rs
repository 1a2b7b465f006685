//! A browser benchmark hook: the time of one full re-validation +
//! recompute, as the app does on every keystroke, per batch. Exported to
//! JavaScript (`window.wasmBindings.bench_recompute`); the benchmark script
//! takes the median (a sort kept out of the app's first load).

use wasm_bindgen::prelude::*;

use super::state::report_of;
use crate::Lang;

/// Checks per timed batch: the browser's clock is coarse (about 0.1 ms),
/// so one check is timed as a batch's mean.
const BATCH: u32 = 50;

/// Runs `batches` batches of checks of an application (its JSON text,
/// from the script) and returns the milliseconds one check took in each
/// batch.
#[wasm_bindgen]
pub fn bench_recompute(application_json: &str, batches: u32) -> Vec<f64> {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return Vec::new();
    };
    let Ok(application) = serde_json::from_str(application_json) else {
        return Vec::new();
    };
    (0..batches.max(1))
        .map(|_| {
            let start = performance.now();
            for _ in 0..BATCH {
                std::hint::black_box(report_of(&application, Lang::Zh));
            }
            (performance.now() - start) / f64::from(BATCH)
        })
        .collect()
}

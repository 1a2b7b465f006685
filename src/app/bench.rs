//! A browser benchmark hook: the median time of one full re-validation +
//! recompute, as the app does on every keystroke. Exported to JavaScript
//! (`window.wasmBindings.bench_recompute`) for the benchmark script.

use wasm_bindgen::prelude::*;

use super::state::report_of;
use crate::Lang;

/// Checks per timed batch: the browser's clock is coarse (about 0.1 ms),
/// so one check is timed as a batch's mean.
const BATCH: u32 = 50;

/// Runs `batches` batches of checks of the sample application and returns
/// the median over batches of the milliseconds one check takes.
#[wasm_bindgen]
pub fn bench_recompute(batches: u32) -> f64 {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return f64::NAN;
    };
    let Ok(application) = serde_json::from_str(super::demos::DEMOS[0].3) else {
        return f64::NAN;
    };
    let mut times: Vec<f64> = (0..batches.max(1))
        .map(|_| {
            let start = performance.now();
            for _ in 0..BATCH {
                std::hint::black_box(report_of(&application, Lang::Zh));
            }
            (performance.now() - start) / f64::from(BATCH)
        })
        .collect();
    times.sort_unstable_by(f64::total_cmp);
    times[times.len() / 2]
}

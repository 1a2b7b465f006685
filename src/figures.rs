//! How figures are written as text, the same in records, reports and
//! issues: money to the fen, ratios to ten places, plain decimals.

use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places a non-terminating ratio is written to.
const RATIO_PLACES: u32 = 10;

/// A ratio as written: exact when it terminates within 10 places, else
/// rounded half away from zero at the 10th.
pub fn ratio_decimal(value: Decimal) -> Decimal {
    value
        .round_dp_with_strategy(RATIO_PLACES, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// A ratio as a decimal string (see [`ratio_decimal`]).
pub fn ratio(value: Decimal) -> String {
    ratio_decimal(value).to_string()
}

/// Yuan to the fen, as a string (`"1234.50"`).
pub fn money(value: Decimal) -> String {
    crate::refund::round_yuan(value).to_string()
}

/// A decimal without trailing zeros (`"0.055"`).
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

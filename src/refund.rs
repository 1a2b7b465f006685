//! 返还金额 — refund base, rate, rounding and the review route.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::application::Insured;
use crate::policy::{PolicyProfile, RateClass, RateKind};

/// Which procedure a refund goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// The ordinary stages.
    Standard,
    /// 报市政府审议: large refunds go to the government for deliberation.
    GovernmentReview,
    /// Not eligible: nothing to pay.
    None,
}

/// The refund of an eligible application.
#[derive(Debug, Clone, PartialEq)]
pub struct Refund {
    /// 返还基数: premiums paid less arrears and late fees of earlier years.
    pub base: Decimal,
    pub rate: Decimal,
    /// Whether the text fixes the rate or only caps it (a capped refund is
    /// "up to" the amount); `None` while the profile does not say.
    pub kind: Option<RateKind>,
    /// base × rate before rounding.
    pub exact: Decimal,
    /// Rounded half away from zero to 0.01 yuan.
    pub amount: Decimal,
    pub route: Route,
    /// The review threshold, when the profile has one.
    pub review_threshold: Option<Decimal>,
}

/// Rounds yuan to 分, half away from zero (四舍五入).
pub fn round_yuan(amount: Decimal) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// The refund base: 上年度实际缴纳失业保险费, without back payments of
/// earlier years' arrears and late fees.
pub fn base(insured: &Insured) -> Decimal {
    (insured.premiums_paid - insured.arrears_and_late_fees).max(Decimal::ZERO)
}

/// The refund for a unit of `class`; `None` when the profile's rate is unknown.
pub fn compute(profile: &PolicyProfile, class: RateClass, insured: &Insured) -> Option<Refund> {
    let rate = profile.refund_rate.get(class).value?;
    let base = base(insured);
    let exact = base.checked_mul(rate)?;
    let amount = round_yuan(exact);
    let review_threshold = profile.review_threshold.as_ref().and_then(|p| p.value);
    let route = match review_threshold {
        Some(threshold) if amount >= threshold => Route::GovernmentReview,
        _ => Route::Standard,
    };
    Some(Refund {
        base,
        rate,
        kind: profile.refund_rate_kind.get(class).value,
        exact,
        amount,
        route,
        review_threshold,
    })
}

/// What a report says is paid: the refund and its route when eligible,
/// `0.00` and no route when not, nothing while undecided (or while the
/// rate is unknown).
pub fn payout(eligible: Option<bool>, refund: Option<&Refund>) -> Option<(Decimal, Route)> {
    match (eligible, refund) {
        (Some(true), Some(r)) => Some((r.amount, r.route)),
        (Some(false), _) => Some((Decimal::new(0, 2), Route::None)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_a_fen_rounds_away_from_zero() {
        assert_eq!(round_yuan(Decimal::new(5, 3)).to_string(), "0.01");
        assert_eq!(round_yuan(Decimal::new(4999, 6)).to_string(), "0.00");
        assert_eq!(round_yuan(Decimal::new(12345, 3)).to_string(), "12.35");
        assert_eq!(round_yuan(Decimal::from(7)).to_string(), "7.00");
    }
}

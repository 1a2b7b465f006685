//! Sample enterprises for demonstrations at outreach events.

/// (id, zh name, en name, application JSON)
pub const DEMOS: [(&str, &str, &str, &str); 5] = [
    (
        "eligible-sme",
        "符合条件的中小企业",
        "An eligible SME",
        include_str!("../../samples/eligible-sme.json"),
    ),
    (
        "large-enterprise-review",
        "返还 500 万元以上的大型企业",
        "A large enterprise above 5,000,000 yuan",
        include_str!("../../samples/large-enterprise-review.json"),
    ),
    (
        "over-layoff-threshold",
        "裁员率超标的企业",
        "Over the layoff-rate standard",
        include_str!("../../samples/over-layoff-threshold.json"),
    ),
    (
        "missing-months",
        "缴费月数不足的企业",
        "Missing months of premiums",
        include_str!("../../samples/missing-months.json"),
    ),
    (
        "hardship",
        "困难企业",
        "A hardship case",
        include_str!("../../samples/hardship.json"),
    ),
];

pub fn find(id: &str) -> Option<&'static (&'static str, &'static str, &'static str, &'static str)> {
    DEMOS.iter().find(|d| d.0 == id)
}

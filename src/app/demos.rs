//! Sample enterprises for demonstrations at outreach events: their names
//! here; their applications come from the second module when one is
//! shown (`samples/`, not in the first load).

/// (id, zh name, en name)
pub const DEMOS: [(&str, &str, &str); 5] = [
    ("eligible-sme", "符合条件的中小企业", "An eligible SME"),
    (
        "large-enterprise-review",
        "返还 500 万元以上的大型企业",
        "A large enterprise above 5,000,000 yuan",
    ),
    (
        "over-layoff-threshold",
        "裁员率超标的企业",
        "Over the layoff-rate standard",
    ),
    (
        "missing-months",
        "缴费月数不足的企业",
        "Missing months of premiums",
    ),
    ("hardship", "困难企业", "A hardship case"),
];

pub fn find(id: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    DEMOS.iter().find(|d| d.0 == id)
}

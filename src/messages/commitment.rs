//! 承诺书 — the words of the applicant's commitment, shown on the form's
//! last page and printed on the commitment letter, each (zh-CN, English).

// Read by the app and the printout, both behind features.
#![cfg_attr(not(any(feature = "app", feature = "print")), allow(dead_code))]

/// The opening, after the unit's name: "…郑重承诺：".
pub const OPENING: (&str, &str) = ("郑重承诺：", "solemnly undertakes that:");

/// The unit's name when none was given.
pub const OUR_UNIT: (&str, &str) = ("本单位", "Our unit");

/// The clauses, in order.
pub const CLAUSES: [(&str, &str); 3] = [
    (
        "本申请所填报的信息和提供的材料真实、准确、完整；",
        "the information and documents in this application are true, accurate and complete;",
    ),
    (
        "返还资金专项用于职工生活补助、缴纳社会保险费、转岗培训、技能提升培训等稳定就业岗位的支出；",
        "the refund is spent only on keeping jobs: living subsidies, social-insurance contributions, job-transfer and skills training;",
    ),
    (
        "如有虚报、瞒报、冒领，愿退回全部返还资金并承担相应法律责任。",
        "if anything was misstated or claimed falsely, it will repay the whole refund and bear the legal consequences.",
    ),
];

/// Under 免申即享 nothing is applied for: the first clause vouches for a
/// self-check record instead of an application. (The app's; the printout
/// of a self-check record has no commitment letter.)
#[cfg_attr(not(feature = "app"), allow(dead_code))]
pub const SELF_CHECK_CLAUSE: (&str, &str) = (
    "本自查记录所填报的信息真实、准确、完整；",
    "the information in this self-check record is true, accurate and complete;",
);

/// The clauses for an application, or for a self-check record.
#[cfg_attr(not(feature = "app"), allow(dead_code))]
pub fn clauses(automatic: bool) -> [(&'static str, &'static str); 3] {
    let mut clauses = CLAUSES;
    if automatic {
        clauses[0] = SELF_CHECK_CLAUSE;
    }
    clauses
}

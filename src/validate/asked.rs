//! 所问 — which questions the rules ask of a unit. A question the rules
//! never use is not asked, not required by validation, and not printed:
//! the app, the printout and validation read this one list.

use crate::application::UnitType;
use crate::application::field::{Field, Section};
use crate::policy::{PolicyProfile, Treatment};

/// Does the unit's size (industry, employees, revenue and assets under
/// 工信部联企业〔2011〕300号) decide its rate class? Only where the rules
/// class its unit type by size: a unit they treat as large or SME outright
/// (Jiangsu: 社会服务机构 as large), or give no class at all, is not asked
/// its size. Until the rules and the unit type are known, it is.
pub fn size_decides(profile: Option<&PolicyProfile>, unit_type: Option<UnitType>) -> bool {
    match (profile, unit_type) {
        (Some(p), Some(u)) => p.treatment(u) == Some(Treatment::BySize),
        _ => true,
    }
}

/// Does the office's classification (划型) decide anything? Not for a
/// unit the rules treat as large or SME outright.
pub fn official_size_decides(profile: Option<&PolicyProfile>, unit_type: Option<UnitType>) -> bool {
    match (profile, unit_type) {
        (Some(p), Some(u)) => !matches!(p.treatment(u), Some(Treatment::Large | Treatment::Sme)),
        _ => true,
    }
}

// Read by the app and the printout, both behind features.
#[cfg_attr(not(any(feature = "app", feature = "print")), allow(dead_code))]
/// Is `field` asked of this unit under these rules? Unknown rules or
/// unit type ask everything, so nothing needed goes unasked.
pub fn asked(field: Field, profile: Option<&PolicyProfile>, unit_type: Option<UnitType>) -> bool {
    match field {
        Field::Industry | Field::Employees | Field::Revenue | Field::Assets => {
            size_decides(profile, unit_type)
        }
        Field::OfficialSize => official_size_decides(profile, unit_type),
        Field::RetiredOrDeceased | Field::NewBenefitClaimants => {
            profile.is_none_or(|p| p.counts_in_layoff_rate(field))
        }
        // Under automatic rules (免申即享) nobody signs a commitment.
        _ if field.section() == Section::Commitment => {
            profile.is_none_or(|p| p.takes_applications())
        }
        _ if field.section() == Section::Hardship => profile.is_none_or(|p| p.hardship.is_some()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy;

    fn rules(id: &str) -> Option<&'static PolicyProfile> {
        Some(&policy::find(id).unwrap().profile)
    }

    #[test]
    fn a_social_service_body_under_jiangsu_rules_is_not_asked_its_size() {
        let unit = Some(UnitType::SocialServiceBody);
        for field in [
            Field::Industry,
            Field::Employees,
            Field::Revenue,
            Field::Assets,
            Field::OfficialSize,
        ] {
            assert!(!asked(field, rules("jiangsu-2025"), unit), "{field}");
            assert!(!asked(field, rules("jiangsu-2026"), unit), "{field}");
        }
    }

    #[test]
    fn national_rules_give_no_class_so_only_the_offices_classification_helps() {
        let unit = Some(UnitType::Foundation);
        assert!(!asked(Field::Industry, rules("cn-2024"), unit));
        assert!(asked(Field::OfficialSize, rules("cn-2024"), unit));
    }

    #[test]
    fn under_automatic_rules_nobody_signs_and_hardship_is_asked_only_where_the_rules_have_it() {
        let unit = Some(UnitType::Enterprise);
        // Suzhou 2020: paid without application, with a hardship path.
        assert!(!asked(Field::Signatory, rules("suzhou-2020"), unit));
        assert!(asked(
            Field::TemporaryDifficulty,
            rules("suzhou-2020"),
            unit
        ));
        assert!(asked(Field::CreditCode, rules("suzhou-2020"), unit));
        // Jiangsu 2025: paid without application, no hardship path.
        assert!(!asked(
            Field::TemporaryDifficulty,
            rules("jiangsu-2025"),
            unit
        ));
        assert!(asked(Field::CreditCode, rules("jiangsu-2025"), unit));
        // Suzhou 2019: applied for and signed.
        assert!(asked(Field::Signatory, rules("suzhou-2019"), unit));
    }

    #[test]
    fn suzhou_2019_classes_every_unit_by_size() {
        let unit = Some(UnitType::SocialServiceBody);
        assert!(asked(Field::Industry, rules("suzhou-2019"), unit));
        assert!(asked(Field::Revenue, rules("suzhou-2019"), unit));
    }

    #[test]
    fn an_enterprise_and_unknown_rules_are_asked_everything() {
        let enterprise = Some(UnitType::Enterprise);
        assert!(asked(Field::Industry, rules("jiangsu-2025"), enterprise));
        assert!(asked(Field::Industry, None, Some(UnitType::Foundation)));
        assert!(asked(Field::Industry, rules("jiangsu-2025"), None));
    }

    #[test]
    fn automatic_rules_ask_for_no_commitment() {
        assert!(!asked(Field::Signatory, rules("jiangsu-2024"), None));
        assert!(asked(Field::Signatory, rules("suzhou-2019"), None));
    }
}

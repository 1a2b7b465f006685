//! 名称 — the names of the application's enumerated values (unit types,
//! industries, size classes) and of the decision's criteria, each as
//! (zh-CN, English): the app shows one, the printed form both.

// Read by the app and the printout, both behind features.
#![cfg_attr(not(any(feature = "app", feature = "print")), allow(dead_code))]

use crate::application::{Industry, ListKind, UnitType};
use crate::policy::RateClass;
use crate::size::EnterpriseSize;

/// The office's size classes (划型).
pub fn rate_class(c: RateClass) -> (&'static str, &'static str) {
    match c {
        RateClass::Large => ("大型企业", "Large"),
        RateClass::Sme => ("中小微企业", "Small or medium-sized (SME)"),
    }
}

/// The offices' lists a bureau checks units against (名单).
pub fn list_kind(list: ListKind) -> (&'static str, &'static str) {
    match list {
        ListKind::Dishonest => ("严重失信主体名单", "list of seriously dishonest entities"),
        ListKind::Zombie => ("僵尸企业名单", "list of zombie enterprises"),
        ListKind::Arrears => (
            "失业保险欠费单位名单",
            "list of units in arrears of unemployment insurance",
        ),
        ListKind::Industrial => (
            "不符合产业结构调整政策的单位名单",
            "list of units not complying with industrial policy",
        ),
        ListKind::Environmental => (
            "不符合环保政策的单位名单",
            "list of units not complying with environmental policy",
        ),
    }
}

pub fn unit_type(u: UnitType) -> (&'static str, &'static str) {
    match u {
        UnitType::Enterprise => ("企业", "Enterprise"),
        UnitType::IndividualBusiness => (
            "以单位形式参保的个体工商户",
            "Individual business insured as a unit",
        ),
        UnitType::SocialOrganisation => ("社会团体", "Social organisation"),
        UnitType::Foundation => ("基金会", "Foundation"),
        UnitType::SocialServiceBody => ("社会服务机构", "Social service body"),
        UnitType::LawFirm => ("律师事务所", "Law firm"),
        UnitType::AccountingFirm => ("会计师事务所", "Accounting firm"),
        UnitType::LabourDispatch => ("劳务派遣单位", "Labour-dispatch firm"),
    }
}

pub fn industry(i: Industry) -> (&'static str, &'static str) {
    match i {
        Industry::Agriculture => (
            "农、林、牧、渔业",
            "Agriculture, forestry, husbandry, fishery",
        ),
        Industry::Industry => (
            "工业（采矿、制造、电力热力燃气水）",
            "Industry (mining, manufacturing, utilities)",
        ),
        Industry::Construction => ("建筑业", "Construction"),
        Industry::Wholesale => ("批发业", "Wholesale"),
        Industry::Retail => ("零售业", "Retail"),
        Industry::Transport => ("交通运输业（不含铁路）", "Transport (excluding rail)"),
        Industry::Warehousing => ("仓储业", "Warehousing"),
        Industry::Postal => ("邮政业", "Postal services"),
        Industry::Accommodation => ("住宿业", "Accommodation"),
        Industry::Catering => ("餐饮业", "Catering"),
        Industry::InformationTransmission => ("信息传输业", "Information transmission"),
        Industry::SoftwareIt => ("软件和信息技术服务业", "Software and IT services"),
        Industry::RealEstate => ("房地产开发经营", "Real-estate development"),
        Industry::PropertyManagement => ("物业管理", "Property management"),
        Industry::LeasingBusiness => ("租赁和商务服务业", "Leasing and business services"),
        Industry::Other => ("其他未列明行业", "Other"),
    }
}

#[cfg_attr(not(any(feature = "print-wasm", test)), allow(dead_code))]
pub fn size(size: EnterpriseSize) -> (&'static str, &'static str) {
    use EnterpriseSize::*;
    match size {
        Large => ("大型企业", "Large"),
        Medium => ("中型企业", "Medium"),
        Small => ("小型企业", "Small"),
        Micro => ("微型企业", "Micro"),
    }
}

pub fn criterion(id: &str) -> (&'static str, &'static str) {
    match id {
        "months_paid_in_full" => ("足额缴费满 12 个月", "Premiums paid in full for 12 months"),
        "layoff_rate" => ("裁员率", "Layoff rate"),
        "industrial_policy" => ("符合产业结构调整政策", "Industrial policy"),
        "environmental" => ("符合环保政策", "Environmental policy"),
        "not_seriously_dishonest" => ("非严重失信企业", "Not seriously dishonest"),
        "not_zombie" => ("非僵尸企业", "Not a zombie enterprise"),
        "no_historical_arrears" => (
            "无失业保险历史欠费",
            "No earlier unemployment-insurance arrears",
        ),
        "hardship_temporary_difficulty" => ("暂时性困难且恢复有望", "Temporary difficulty"),
        "hardship_union_agreed_plan" => ("稳岗方案经工会同意", "Plan agreed with the union"),
        "hardship_no_layoff_commitment" => ("不裁员或少裁员承诺", "No-layoff commitment"),
        _ => ("其他条件", "Other condition"),
    }
}

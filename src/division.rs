//! 行政区划 — where an enterprise was registered, from positions 3–8 of its
//! unified social credit code (the registering authority's division code,
//! GB/T 2260 style).
//!
//! The names are data with their sources (`src/policy/divisions.json`):
//! the provinces, Jiangsu's prefectures and Suzhou's districts, including
//! `320594`, the code Suzhou Industrial Park's registrations carry (GB/T
//! 2260 lists the park as `320571`), and `100000`, a national-level
//! registration. Development zones register under codes of their own, so
//! grouping is reliable by province and prefecture; a district is named
//! only where its code is known, and a code with no name is shown bare.

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// How far down a division code names a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// `100000`: registered at national level.
    National,
    /// `XX0000`.
    Province,
    /// `XXXX00`.
    Prefecture,
    /// `XXXXXX`: a district, county-level city or development zone.
    District,
}

/// One named division, with the source of its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Division {
    /// Six digits.
    pub code: String,
    pub level: Level,
    pub zh: String,
    pub en: String,
    /// Where the code and the name come from.
    pub source: String,
}

#[derive(Deserialize)]
struct Table {
    divisions: Vec<Division>,
}

const DATA: &str = include_str!("policy/divisions.json");

/// Every named division, in the data file's order. (Empty if the shipped
/// data could not be read, which a test rules out.)
pub fn all() -> &'static [Division] {
    static TABLE: OnceLock<Vec<Division>> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str::<Table>(DATA)
            .map(|t| t.divisions)
            .unwrap_or_default()
    })
}

/// The division a six-digit code names, if it is in the data.
pub fn find(code: &str) -> Option<&'static Division> {
    all().iter().find(|d| d.code == code)
}

/// Where a division code places an enterprise: its province, prefecture and
/// district, each named when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Six ASCII digits: positions 3–8 of the credit code.
    pub code: String,
    /// The province (or, for `100000`, the national-level registration).
    pub province: Option<&'static Division>,
    /// `None` when the code stops at the province or the prefecture is not
    /// in the data.
    pub prefecture: Option<&'static Division>,
    /// `None` when the code stops at the prefecture or the district is not
    /// in the data.
    pub district: Option<&'static Division>,
}

impl Place {
    /// The place of a six-digit division code; `None` unless it is six
    /// ASCII digits.
    pub fn of_division_code(code: &str) -> Option<Place> {
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Slicing is safe: six ASCII bytes.
        let province = find(&format!("{}0000", &code[..2]));
        let prefecture = if &code[2..4] == "00" {
            None
        } else {
            find(&format!("{}00", &code[..4]))
        };
        let district = if &code[4..6] == "00" {
            None
        } else {
            find(code)
        };
        Some(Place {
            code: code.to_owned(),
            province,
            prefecture,
            district,
        })
    }

    /// The place of a credit code (positions 3–8); `None` when the code is
    /// shorter or those positions are not digits.
    pub fn of_credit_code(credit_code: &str) -> Option<Place> {
        Place::of_division_code(credit_code.trim().get(2..8)?)
    }

    /// The place one level up or at `level`: the code cut to that level
    /// (`320594` at `Prefecture` is `320500`). `National` keeps the code.
    pub fn at(&self, level: Level) -> Place {
        let keep = match level {
            Level::Province => 2,
            Level::Prefecture => 4,
            Level::National | Level::District => 6,
        };
        let mut code = self.code.get(..keep).unwrap_or_default().to_owned();
        while code.len() < 6 {
            code.push('0');
        }
        Place::of_division_code(&code).unwrap_or_else(|| self.clone())
    }

    /// The named parts, from the province down.
    pub fn parts(&self) -> impl Iterator<Item = &'static Division> {
        [self.province, self.prefecture, self.district]
            .into_iter()
            .flatten()
    }

    /// Whether every level the code reaches is named.
    pub fn fully_named(&self) -> bool {
        let reaches_prefecture = self.code.get(2..4).is_some_and(|p| p != "00");
        let reaches_district = self.code.get(4..6).is_some_and(|d| d != "00");
        self.province.is_some()
            && (!reaches_prefecture || self.prefecture.is_some())
            && (!reaches_district || self.district.is_some())
    }

    /// The names known, from the province down, and the code: `江苏省
    /// 苏州市 苏州工业园区 (320594)`; the bare code when nothing is known.
    pub fn label_zh(&self) -> String {
        self.label(|d| &d.zh)
    }

    /// As [`Place::label_zh`], in English: `Jiangsu Suzhou Suzhou Industrial
    /// Park (320594)`.
    pub fn label_en(&self) -> String {
        self.label(|d| &d.en)
    }

    fn label(&self, name: impl Fn(&Division) -> &str) -> String {
        let mut out = String::new();
        for d in self.parts() {
            out.push_str(name(d));
            out.push(' ');
        }
        if out.is_empty() {
            return self.code.clone();
        }
        let _ = write!(out, "({})", self.code);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_reads_and_every_code_is_six_digits_at_its_level() {
        assert!(all().len() > 31 + 13 + 11);
        for d in all() {
            assert_eq!(d.code.len(), 6, "{}", d.code);
            assert!(d.code.bytes().all(|b| b.is_ascii_digit()), "{}", d.code);
            assert!(!d.zh.is_empty() && !d.en.is_empty() && !d.source.is_empty());
            let level = match (&d.code[2..4], &d.code[4..6]) {
                _ if d.code == "100000" => Level::National,
                ("00", "00") => Level::Province,
                (_, "00") => Level::Prefecture,
                _ => Level::District,
            };
            assert_eq!(d.level, level, "{}", d.code);
        }
        let mut codes: Vec<&str> = all().iter().map(|d| d.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all().len(), "a code is listed twice");
    }

    #[test]
    fn suzhou_industrial_park_by_its_registration_code() {
        let place = Place::of_credit_code("91320594MA1MXL2K87").unwrap();
        assert_eq!(place.code, "320594");
        assert_eq!(place.province.unwrap().zh, "江苏省");
        assert_eq!(place.prefecture.unwrap().zh, "苏州市");
        assert_eq!(place.district.unwrap().zh, "苏州工业园区");
        assert!(place.fully_named());
        assert_eq!(place.label_zh(), "江苏省 苏州市 苏州工业园区 (320594)");
        assert_eq!(
            place.label_en(),
            "Jiangsu Suzhou Suzhou Industrial Park (320594)"
        );
        assert_eq!(
            place.at(Level::Prefecture).label_zh(),
            "江苏省 苏州市 (320500)"
        );
        assert_eq!(place.at(Level::Province).label_zh(), "江苏省 (320000)");
    }

    #[test]
    fn a_jiangsu_prefecture_with_an_unnamed_district() {
        // 320102: a Nanjing district the data does not name.
        let place = Place::of_credit_code("91320102MA1XXXXXXX").unwrap();
        assert_eq!(place.prefecture.unwrap().zh, "南京市");
        assert_eq!(place.district, None);
        assert!(!place.fully_named());
        assert_eq!(place.label_zh(), "江苏省 南京市 (320102)");
        // Registered by the prefecture itself.
        let city = Place::of_division_code("320500").unwrap();
        assert_eq!(city.label_zh(), "江苏省 苏州市 (320500)");
        assert!(city.fully_named());
    }

    #[test]
    fn an_unknown_code_is_shown_bare() {
        let place = Place::of_division_code("990101").unwrap();
        assert_eq!(place.parts().count(), 0);
        assert_eq!(place.label_zh(), "990101");
        assert_eq!(place.label_en(), "990101");
        // Another province's prefecture: the province only.
        let hz = Place::of_division_code("330100").unwrap();
        assert_eq!(hz.label_zh(), "浙江省 (330100)");
    }

    #[test]
    fn a_national_registration() {
        let place = Place::of_credit_code("91100000100000000X").unwrap();
        assert_eq!(place.province.unwrap().level, Level::National);
        assert_eq!(place.prefecture, None);
        assert_eq!(place.district, None);
        assert_eq!(place.label_zh(), "国家级登记 (100000)");
        assert!(place.fully_named());
    }

    #[test]
    fn codes_that_do_not_place() {
        for code in [
            "",
            "91",
            "9132059",
            "91AB0594MA1MXL2K87",
            "9１320594",
            "913205é4",
        ] {
            assert_eq!(Place::of_credit_code(code), None, "{code}");
        }
        assert_eq!(Place::of_division_code("32059"), None);
        assert_eq!(Place::of_division_code("３２０５９４"), None);
    }
}

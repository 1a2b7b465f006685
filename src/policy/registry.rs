//! The shipped profiles, embedded at compile time and parsed once.

use std::fmt;
use std::sync::OnceLock;

use super::PolicyProfile;

/// The data of one profile: natively the file as written; in the browser
/// the compact copy build.rs makes (the same data less the maintainers'
/// notes, which no surface shows).
macro_rules! profile {
    ($id:literal) => {
        (
            $id,
            #[cfg(not(target_arch = "wasm32"))]
            include_str!(concat!("profiles/", $id, ".json")),
            #[cfg(target_arch = "wasm32")]
            include_str!(concat!(env!("OUT_DIR"), "/", $id, ".json")),
        )
    };
}

/// One file per profile; adding a profile means adding a line here.
const FILES: [(&str, &str); 15] = [
    profile!("cn-2019"),
    profile!("suzhou-2019"),
    profile!("suzhou-2020"),
    profile!("cn-2021"),
    profile!("jiangsu-2021"),
    profile!("cn-2022"),
    profile!("jiangsu-2022"),
    profile!("cn-2023"),
    profile!("jiangsu-2023"),
    profile!("cn-2024"),
    profile!("jiangsu-2024"),
    profile!("cn-2025"),
    profile!("jiangsu-2025"),
    profile!("cn-2026"),
    profile!("jiangsu-2026"),
];

/// The digest of each data file's canonical JSON, computed by build.rs
/// with the engine's canonical form (`src/canonical.rs`) from the full file.
const DIGESTS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/profile_digests.rs"));

/// A profile and the data it was read from.
#[derive(Debug)]
pub struct LoadedProfile {
    pub profile: PolicyProfile,
    text: &'static str,
    digest: &'static str,
}

impl LoadedProfile {
    /// `sha256:` + hex of the profile data file's canonical JSON, as
    /// submissions stamp it.
    pub fn digest(&self) -> &str {
        self.digest
    }
}

impl PartialEq for LoadedProfile {
    fn eq(&self, other: &Self) -> bool {
        self.profile == other.profile && self.text == other.text
    }
}

/// Why a profile cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// No shipped profile has this id.
    Unknown(String),
    /// The embedded data does not parse (a build defect; tests catch it).
    Corrupt { id: String, reason: String },
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::Unknown(id) => write!(f, "unknown policy profile `{id}`"),
            ProfileError::Corrupt { id, reason } => {
                write!(f, "policy profile `{id}` is corrupt: {reason}")
            }
        }
    }
}

impl std::error::Error for ProfileError {}

type Loaded = Result<LoadedProfile, ProfileError>;

fn registry() -> &'static [Loaded] {
    static REGISTRY: OnceLock<Vec<Loaded>> = OnceLock::new();
    REGISTRY.get_or_init(|| FILES.iter().map(|(id, text)| load(id, text)).collect())
}

fn load(id: &str, text: &'static str) -> Loaded {
    let corrupt = |reason: String| ProfileError::Corrupt {
        id: id.to_owned(),
        reason,
    };
    let profile: PolicyProfile = super::read::from_str(text).map_err(corrupt)?;
    if profile.id != id {
        return Err(corrupt(format!("file declares id `{}`", profile.id)));
    }
    let digest = DIGESTS
        .iter()
        .find(|(file, _)| *file == id)
        .map(|(_, digest)| *digest)
        .ok_or_else(|| corrupt("no digest from build.rs".to_owned()))?;
    Ok(LoadedProfile {
        profile,
        text,
        digest,
    })
}

/// The profile with this id.
pub fn find(id: &str) -> Result<&'static LoadedProfile, ProfileError> {
    let id = id.trim();
    match registry()
        .iter()
        .find(|l| matches!(l, Ok(p) if p.profile.id == id))
    {
        Some(Ok(profile)) => Ok(profile),
        _ => match registry()
            .iter()
            .find(|l| matches!(l, Err(ProfileError::Corrupt { id: c, .. }) if c == id))
        {
            Some(Err(e)) => Err(e.clone()),
            _ => Err(ProfileError::Unknown(id.to_owned())),
        },
    }
}

/// Every shipped profile, in the order of the years they apply in; a
/// corrupt one shows as its error.
pub fn profiles() -> &'static [Loaded] {
    registry()
}

/// One line of the profile listing, as `wengang policies --json` and the
/// bindings' `policies()` give it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProfileSummary {
    pub id: String,
    pub version: String,
    pub name: crate::text::Bilingual,
    pub place: crate::text::Bilingual,
    pub applies_in: u16,
    pub data_year: u16,
    pub valid_from: String,
    pub valid_to: String,
    /// `published`, or `provisional` (the official text is not verified).
    pub status: super::ProfileStatus,
    /// How the refund is obtained, `null` while unknown.
    pub procedure: Option<super::Procedure>,
    /// `sha256:` digest of the profile's canonical data, as submissions stamp it.
    pub digest: String,
    pub sources: std::collections::BTreeMap<String, super::Source>,
}

/// Every shipped profile that loads, as a listing; the errors of any that
/// do not (a build defect) come second.
pub fn listing() -> (Vec<ProfileSummary>, Vec<ProfileError>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for loaded in registry() {
        match loaded {
            Ok(p) => {
                let pr = &p.profile;
                rows.push(ProfileSummary {
                    id: pr.id.clone(),
                    version: pr.version.clone(),
                    name: pr.name.clone(),
                    place: pr.place.clone(),
                    applies_in: pr.applies_in,
                    data_year: pr.data_year,
                    valid_from: pr.valid_from.clone(),
                    valid_to: pr.valid_to.clone(),
                    status: pr.status,
                    procedure: pr.procedure.value,
                    digest: p.digest().to_owned(),
                    sources: pr.sources.clone(),
                })
            }
            Err(e) => errors.push(e.clone()),
        }
    }
    (rows, errors)
}

/// What the engine proposes for the year whose figures a clerk holds:
/// the rules that compute with that year's figures, most local first.
/// The data year is the key: no date picks, nothing is proposed in
/// silence from another year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proposal {
    /// 数据年度: the year of the figures (the refund is paid the year after).
    pub data_year: u16,
    /// The place prefixes tried, most local first (`suzhou`, `jiangsu`, `cn`).
    pub places: &'static [&'static str],
    /// The rules that compute with `data_year`'s figures; `None` when no
    /// shipped rules do.
    pub profile: Option<&'static LoadedProfile>,
    /// When none do: the newest rules of the place for an earlier year,
    /// to be offered only as a labelled estimate.
    pub latest: Option<&'static LoadedProfile>,
}

/// The places a credit code's registering division (positions 3–8)
/// belongs to, most local first: 3205… Suzhou, 32… Jiangsu, else national.
pub fn places_of(credit_code: &str) -> &'static [&'static str] {
    let division = credit_code.trim().get(2..8).unwrap_or("");
    if division.starts_with("3205") {
        &["suzhou", "jiangsu", "cn"]
    } else if division.starts_with("32") {
        &["jiangsu", "cn"]
    } else {
        &["cn"]
    }
}

/// Proposes the rules for `data_year`'s figures among `places` (most
/// local first, as [`places_of`] gives them for a credit code).
pub fn propose(data_year: u16, places: &'static [&'static str]) -> Proposal {
    let profile = propose_for_data_year(data_year, places);
    let latest = match profile {
        Some(_) => None,
        None => data_years()
            .into_iter()
            .rev()
            .filter(|y| *y < data_year)
            .find_map(|y| propose_for_data_year(y, places)),
    };
    Proposal {
        data_year,
        places,
        profile,
        latest,
    }
}

/// The profile that computes with `data_year`'s figures among `places`
/// (most local first). `None` when no shipped rules use that year.
pub fn propose_for_data_year(
    data_year: u16,
    places: &'static [&'static str],
) -> Option<&'static LoadedProfile> {
    places.iter().find_map(|place| {
        registry()
            .iter()
            .filter_map(|l| l.as_ref().ok())
            .filter(|p| p.profile.data_year == data_year && has_prefix(&p.profile.id, place))
            // Two of one place for one year: the later rules.
            .max_by(|a, b| a.profile.valid_to.cmp(&b.profile.valid_to))
    })
}

/// Every year whose figures some shipped rules use, oldest first.
pub fn data_years() -> Vec<u16> {
    // Kept in order as they are found (a binary search), not sorted after:
    // a sort costs the browser's first load more than this does.
    let mut years: Vec<u16> = Vec::new();
    for profile in registry().iter().filter_map(|l| l.as_ref().ok()) {
        if let Err(at) = years.binary_search(&profile.profile.data_year) {
            years.insert(at, profile.profile.data_year);
        }
    }
    years
}

fn has_prefix(id: &str, prefix: &str) -> bool {
    id.strip_prefix(prefix)
        .is_some_and(|rest| rest.starts_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_equals_itself_and_no_other() {
        // The app re-renders a proposal only when it changes (Yew props).
        let (a, b) = (find("cn-2019").unwrap(), find("cn-2021").unwrap());
        assert_eq!(a, find("cn-2019").unwrap());
        assert_ne!(a, b);
        assert_eq!(propose(2018, &["cn"]), propose(2018, &["cn"]));
        assert_ne!(propose(2018, &["cn"]), propose(2020, &["cn"]));
    }

    #[test]
    fn the_build_time_digest_is_the_canonical_digest_of_the_file() {
        for loaded in profiles() {
            let p = loaded.as_ref().unwrap();
            let value: serde_json::Value = serde_json::from_str(p.text).unwrap();
            assert_eq!(
                p.digest(),
                crate::canonical::digest(&value),
                "{}",
                p.profile.id
            );
        }
        assert_eq!(profiles().len(), FILES.len());
        assert_eq!(
            DIGESTS.len(),
            FILES.len(),
            "a data file not in FILES, or the reverse"
        );
    }

    #[test]
    fn a_data_year_proposes_the_rules_that_compute_with_it() {
        let id = |year, places| propose_for_data_year(year, places).map(|p| p.profile.id.as_str());
        let suzhou: &'static [&'static str] = &["suzhou", "jiangsu", "cn"];
        let jiangsu: &'static [&'static str] = &["jiangsu", "cn"];
        let elsewhere: &'static [&'static str] = &["cn"];
        assert_eq!(id(2018, suzhou), Some("suzhou-2019"));
        assert_eq!(id(2018, elsewhere), Some("cn-2019"));
        assert_eq!(id(2019, suzhou), Some("suzhou-2020"));
        assert_eq!(
            id(2023, suzhou),
            Some("jiangsu-2024"),
            "Suzhou is in Jiangsu"
        );
        assert_eq!(id(2023, elsewhere), Some("cn-2024"));
        assert_eq!(id(2022, jiangsu), Some("jiangsu-2023"));
        assert_eq!(
            id(2024, suzhou),
            Some("jiangsu-2025"),
            "2024 figures, refunded in 2025"
        );
        assert_eq!(
            id(2025, suzhou),
            Some("jiangsu-2026"),
            "2025 figures: the provisional 2026 rules"
        );
        assert_eq!(id(2025, elsewhere), Some("cn-2026"));
        assert_eq!(id(2026, suzhou), None, "no rules use 2026 figures yet");
        assert_eq!(id(2017, elsewhere), None);
    }

    #[test]
    fn the_listing_names_every_profile_with_its_status_and_digest() {
        let (rows, errors) = listing();
        assert!(errors.is_empty());
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), FILES.len());
        assert_eq!(ids.first(), Some(&"cn-2019"));
        let provisional: Vec<&str> = rows
            .iter()
            .filter(|r| r.status == super::super::ProfileStatus::Provisional)
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(provisional, ["cn-2026", "jiangsu-2026"]);
        let cn_2024 = rows.iter().find(|r| r.id == "cn-2024").unwrap();
        assert_eq!(cn_2024.digest, find("cn-2024").unwrap().digest());
        assert_eq!(cn_2024.data_year, 2023);
    }

    #[test]
    fn the_data_years_are_those_of_the_profiles() {
        assert_eq!(data_years(), (2018..=2025).collect::<Vec<u16>>());
    }

    #[test]
    fn a_credit_code_names_its_places_most_local_first() {
        assert_eq!(places_of("91320594MA1MXL2K87"), ["suzhou", "jiangsu", "cn"]);
        assert_eq!(places_of("91320100MA1MXL2K87"), ["jiangsu", "cn"]);
        assert_eq!(places_of("91110000MA1MXL2K87"), ["cn"]);
        assert_eq!(places_of(""), ["cn"]);
    }

    #[test]
    fn a_year_no_rules_use_offers_the_latest_earlier_rules_as_an_estimate() {
        let suzhou: &'static [&'static str] = &["suzhou", "jiangsu", "cn"];
        let later = propose(2026, suzhou);
        assert_eq!(later.profile, None);
        assert_eq!(
            later.latest.map(|p| p.profile.id.as_str()),
            Some("jiangsu-2026")
        );
        let known = propose(2024, suzhou);
        assert_eq!(
            known.profile.map(|p| p.profile.id.as_str()),
            Some("jiangsu-2025")
        );
        assert_eq!(known.latest, None, "no estimate where rules exist");
        assert_eq!(propose(2017, &["cn"]).latest, None, "nothing earlier");
    }
}

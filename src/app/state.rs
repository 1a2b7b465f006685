//! The app's state and the actions that change it (a reducer).
//!
//! The application is kept as the JSON the user is building, every value
//! as typed, so nothing is lost; the engine computes the report from it on
//! every change.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use yew::Reducible;

use super::form::{self, Page, QUESTION_PAGES};
use crate::field::{Field, Months, Section};
use crate::{check, policy, Lang, RawApplication, Report, Severity};

/// Where the last attempt to save the draft stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    Saved,
    /// Saving failed; what is on screen is kept, the reason shown.
    Failed(String),
}

/// A message shown once at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    DraftRestored,
    Imported,
    /// Imported from a `wengang.submission/1` file, which no longer verifies.
    ImportedOldFormat,
    ImportFailed(String),
    DemoLoaded(&'static str),
    Cleared,
    /// The embedding portal filled in what it knows.
    Prefilled,
    /// The submission went to the embedding portal.
    SentToPortal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub application: Value,
    pub page: Page,
    pub lang: Lang,
    /// `suzhou` or `other`: which place's profiles to suggest.
    pub place: String,
    /// Fields the user has edited (their issues show as they type).
    pub touched: BTreeSet<String>,
    /// Pages the user tried to leave (all their issues show).
    pub attempted: BTreeSet<Page>,
    /// Warnings the user checked and kept, as `field|code`.
    pub confirmed: BTreeSet<String>,
    /// Came from a change link: continue returns to the review page.
    pub returning: bool,
    pub storage: Storage,
    pub notice: Option<Notice>,
    pub demo: bool,
    /// The origin of the portal that embeds the app, when it is an allowed one.
    pub embedded: Option<String>,
    /// A new version of the app is installed and waiting.
    pub update_ready: bool,
}

/// Everything that can happen.
pub enum Action {
    SetField {
        field: Field,
        value: Value,
    },
    /// The monthly records table (`insured.months`), whole.
    SetMonths(Value),
    SetPlace(String),
    /// Take (or leave) the hardship path.
    SetHardship(bool),
    Continue,
    Back,
    Goto(Page),
    /// A change link on the review page.
    Change(Page),
    Confirm {
        key: String,
        confirmed: bool,
    },
    SetLang(Lang),
    /// Replace the application (import, demo).
    Load {
        application: Value,
        notice: Notice,
        demo: bool,
    },
    Clear,
    /// The app runs inside an allowed portal (its origin).
    Embedded(String),
    /// Fields the embedding portal already knows.
    Prefill(Value),
    /// A new version is waiting to take over.
    UpdateReady,
    /// Show a notice and change nothing else.
    Notify(Notice),
    Stored(Storage),
    DismissNotice,
}

/// The draft as saved in local storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub version: u32,
    pub application: Value,
    pub page: Page,
    pub lang: Lang,
    pub place: String,
    pub confirmed: BTreeSet<String>,
}

pub const DRAFT_VERSION: u32 = 1;

/// A new, empty application dated `today`: every section an empty object
/// (hardship `null`, not taken), the format tag and the date filled in.
pub fn blank(today: &str) -> Value {
    let mut app = json!({});
    for section in Section::ALL {
        match section {
            Section::Top => {}
            Section::Hardship => form::set(&mut app, section.name(), Value::Null),
            _ => form::set(&mut app, section.name(), json!({})),
        }
    }
    form::set(
        &mut app,
        Field::Format.path(),
        json!(crate::APPLICATION_FORMAT),
    );
    form::set(&mut app, Field::Policy.path(), Value::Null);
    form::set(&mut app, Field::CommitmentDate.path(), json!(today));
    let proposed = proposal(&app, "suzhou");
    suggest_policy(&mut app, proposed);
    app
}

/// The places a choice of the place select stands for, most local first
/// (Suzhou is in Jiangsu, so Jiangsu's rules come next).
pub fn places_of_choice(place: &str) -> &'static [&'static str] {
    match place {
        "suzhou" => &["suzhou", "jiangsu", "cn"],
        "jiangsu" => &["jiangsu", "cn"],
        _ => &["cn"],
    }
}

/// The place select's choice for a credit code's places.
fn choice_of_places(places: &[&str]) -> &'static str {
    match places.first().copied() {
        Some("suzhou") => "suzhou",
        Some("jiangsu") => "jiangsu",
        _ => "other",
    }
}

/// The registering division of a credit code (positions 3–8), once it
/// has been typed that far and is all digits.
pub fn division(credit_code: &str) -> Option<&str> {
    let division = credit_code.trim().get(2..8)?;
    division
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then_some(division)
}

/// The application's date, when it is a whole, valid date.
fn date_of(app: &Value) -> Option<String> {
    let date = form::as_text(form::get(app, Field::CommitmentDate.path()));
    crate::validate::fields::date_text(date.trim())
        .ok()
        .map(|d| d.to_string())
}

/// What the engine proposes for the application's date: by the credit
/// code when it names a division, else by the place chosen.
pub fn proposal(app: &Value, place: &str) -> Option<policy::Proposal> {
    let date = date_of(app)?;
    let code = form::as_text(form::get(app, Field::CreditCode.path()));
    Some(match division(&code) {
        Some(_) => policy::propose(&date, &code),
        None => policy::propose_in(&date, places_of_choice(place)),
    })
}

/// Picks the proposed profile for the application's date and the data
/// year that goes with it. On a date with no published rules it picks
/// none (the policy page says so and offers the latest rules as an
/// estimate) and sets the date's own data year: never another year's
/// rules in silence. A date not yet whole changes nothing.
fn suggest_policy(app: &mut Value, proposal: Option<policy::Proposal>) {
    let Some(proposal) = proposal else {
        return;
    };
    match proposal.profile {
        Some(profile) => {
            form::set(app, Field::Policy.path(), json!(profile.profile.id));
            form::set(
                app,
                Field::Year.path(),
                json!(profile.profile.data_year.to_string()),
            );
        }
        None => {
            form::set(app, Field::Policy.path(), Value::Null);
            if let Some(year) = proposal.data_year {
                form::set(app, Field::Year.path(), json!(year.to_string()));
            }
        }
    }
}

impl AppState {
    pub fn new(today: &str, lang: Lang) -> Self {
        AppState {
            application: blank(today),
            page: Page::Policy,
            lang,
            place: "suzhou".into(),
            touched: BTreeSet::new(),
            attempted: BTreeSet::new(),
            confirmed: BTreeSet::new(),
            returning: false,
            storage: Storage::Saved,
            notice: None,
            demo: false,
            embedded: None,
            update_ready: false,
        }
    }

    pub fn from_draft(draft: Draft, today: &str) -> Self {
        let mut state = AppState::new(today, draft.lang);
        state.application = draft.application;
        state.page = draft.page;
        state.place = draft.place;
        state.confirmed = draft.confirmed;
        state.touched = all_paths();
        state.notice = Some(Notice::DraftRestored);
        state
    }

    pub fn draft(&self) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            application: self.application.clone(),
            page: self.page,
            lang: self.lang,
            place: self.place.clone(),
            confirmed: self.confirmed.clone(),
        }
    }

    pub fn report(&self) -> Report {
        report_of(&self.application, self.lang)
    }

    /// Does the chosen profile have a hardship path?
    pub fn hardship_offered(&self) -> bool {
        let id = form::as_text(form::get(&self.application, Field::Policy.path()));
        policy::find(&id).is_ok_and(|p| p.profile.hardship.is_some())
    }

    /// The question pages this application goes through.
    pub fn pages(&self) -> Vec<Page> {
        QUESTION_PAGES
            .into_iter()
            .filter(|p| *p != Page::Hardship || self.hardship_offered())
            .collect()
    }

    /// Issues that keep the user on `page`: errors, and warnings not yet confirmed.
    pub fn blocking<'r>(
        &self,
        report: &'r Report,
        page: Page,
    ) -> Vec<&'r crate::report::IssueReport> {
        report
            .issues
            .iter()
            .filter(|i| Page::of_field(&i.field) == page)
            .filter(|i| {
                i.severity == Severity::Error
                    || !self.confirmed.contains(&warning_key(&i.field, &i.code))
            })
            .collect()
    }

    /// Should this field's issues be shown yet?
    pub fn shows_issues_of(&self, path: &str) -> bool {
        self.touched.contains(path) || self.attempted.contains(&Page::of_field(path))
    }

    fn next_page(&self) -> Page {
        if self.returning {
            return Page::Review;
        }
        let pages = self.pages();
        match pages.iter().position(|p| *p == self.page) {
            Some(i) if i + 1 < pages.len() => pages[i + 1],
            Some(_) => Page::Review,
            None => match self.page {
                Page::Review => Page::Result,
                other => other,
            },
        }
    }

    fn previous_page(&self) -> Page {
        let pages = self.pages();
        match self.page {
            Page::Review => pages.last().copied().unwrap_or(Page::Policy),
            Page::Result | Page::Print => Page::Review,
            page => match pages.iter().position(|p| *p == page) {
                Some(i) if i > 0 => pages[i - 1],
                _ => page,
            },
        }
    }
}

/// Merges known fields into the application: objects merge, values
/// replace, `null` is ignored (a portal sends only what it knows).
fn merge_into(target: &mut Value, values: &Value) {
    match (target, values) {
        (Value::Object(target), Value::Object(values)) => {
            for (key, value) in values {
                match value {
                    Value::Null => {}
                    Value::Object(_) => merge_into(
                        target.entry(key.clone()).or_insert_with(|| json!({})),
                        value,
                    ),
                    other => {
                        target.insert(key.clone(), other.clone());
                    }
                }
            }
        }
        (target, value) if !value.is_null() => *target = value.clone(),
        _ => {}
    }
}

pub fn warning_key(field: &str, code: &str) -> String {
    format!("{field}|{code}")
}

pub fn report_of(application: &Value, lang: Lang) -> Report {
    let raw = RawApplication::from_value(application).unwrap_or_default();
    check(&raw, lang)
}

fn all_paths() -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for field in QUESTION_PAGES.iter().flat_map(|p| p.fields()) {
        paths.insert(field.path().to_owned());
    }
    paths
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if !matches!(action, Action::Stored(_)) {
            s.notice = None;
        }
        match action {
            Action::SetField { field, value } => {
                form::set(&mut s.application, field.path(), value);
                if field == Field::CommitmentDate {
                    let proposed = proposal(&s.application, &s.place);
                    suggest_policy(&mut s.application, proposed);
                }
                if field == Field::CreditCode {
                    // The place select follows the code; the policy is
                    // offered, not changed (the pages show the proposal).
                    let code = form::as_text(form::get(&s.application, field.path()));
                    if division(&code).is_some() {
                        s.place = choice_of_places(policy::places_of(&code)).to_owned();
                    }
                }
                if field == Field::Policy {
                    let id = form::as_text(form::get(&s.application, Field::Policy.path()));
                    if let Ok(p) = policy::find(&id) {
                        form::set(
                            &mut s.application,
                            Field::Year.path(),
                            json!(p.profile.data_year.to_string()),
                        );
                    }
                }
                s.touched.insert(field.path().to_owned());
            }
            Action::SetMonths(table) => {
                form::set(&mut s.application, Months::PATH, table);
                s.touched.insert(Months::PATH.to_owned());
            }
            Action::SetPlace(place) => {
                s.place = place;
                // The place chosen by hand decides, whatever the code says.
                let proposed = date_of(&s.application)
                    .map(|date| policy::propose_in(&date, places_of_choice(&s.place)));
                suggest_policy(&mut s.application, proposed);
            }
            Action::SetHardship(taken) => {
                let value = if taken { json!({}) } else { Value::Null };
                form::set(&mut s.application, Section::Hardship.name(), value);
            }
            Action::Continue => {
                let report = s.report();
                let on_question_page = QUESTION_PAGES.contains(&s.page);
                if on_question_page && !s.blocking(&report, s.page).is_empty() {
                    s.attempted.insert(s.page);
                } else if s.page == Page::Review && !report.valid {
                    // Send the user to the first page with a problem.
                    s.attempted.extend(s.pages());
                    let first = s
                        .pages()
                        .into_iter()
                        .find(|p| !s.blocking(&report, *p).is_empty());
                    s.page = first.unwrap_or(Page::Review);
                } else {
                    s.page = s.next_page();
                    s.returning = false;
                }
            }
            Action::Back => {
                s.page = s.previous_page();
                s.returning = false;
            }
            Action::Goto(page) => {
                s.page = page;
                s.returning = false;
            }
            Action::Change(page) => {
                s.page = page;
                s.returning = true;
            }
            Action::Confirm { key, confirmed } => {
                if confirmed {
                    s.confirmed.insert(key);
                } else {
                    s.confirmed.remove(&key);
                }
            }
            Action::SetLang(lang) => s.lang = lang,
            Action::Load {
                application,
                notice,
                demo,
            } => {
                s.application = application;
                s.touched = all_paths();
                s.attempted.clear();
                s.confirmed.clear();
                s.page = Page::Review;
                s.returning = false;
                s.notice = Some(notice);
                s.demo = demo;
            }
            Action::Clear => {
                let today = form::as_text(form::get(&s.application, Field::CommitmentDate.path()));
                let (lang, embedded, update_ready) = (s.lang, s.embedded.take(), s.update_ready);
                s = AppState::new(&today, lang);
                s.embedded = embedded;
                s.update_ready = update_ready;
                s.notice = Some(Notice::Cleared);
            }
            Action::Stored(storage) => {
                if s.storage == storage {
                    return self;
                }
                s.storage = storage;
            }
            Action::Notify(notice) => s.notice = Some(notice),
            Action::Embedded(origin) => s.embedded = Some(origin),
            Action::Prefill(values) => {
                merge_into(&mut s.application, &values);
                let code = form::as_text(form::get(&s.application, Field::CreditCode.path()));
                if division(&code).is_some() {
                    s.place = choice_of_places(policy::places_of(&code)).to_owned();
                }
                if form::get(&values, Field::Policy.path()).is_null() {
                    let proposed = proposal(&s.application, &s.place);
                    suggest_policy(&mut s.application, proposed);
                } else if let Ok(p) = policy::find(&form::as_text(form::get(
                    &s.application,
                    Field::Policy.path(),
                ))) {
                    form::set(
                        &mut s.application,
                        Field::Year.path(),
                        json!(p.profile.data_year.to_string()),
                    );
                }
                s.notice = Some(Notice::Prefilled);
            }
            Action::UpdateReady => s.update_ready = true,
            Action::DismissNotice => {}
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new("2019-06-10", Lang::Zh))
    }

    #[test]
    fn a_new_application_gets_the_suggested_policy_and_data_year() {
        let s = state();
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("suzhou-2019")
        );
        assert_eq!(
            form::get(&s.application, Field::Year.path()),
            &json!("2018")
        );
    }

    #[test]
    fn a_date_without_published_rules_gets_no_profile_but_its_own_data_year() {
        let s = Rc::new(AppState::new("2026-11-26", Lang::Zh));
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &Value::Null
        );
        assert_eq!(
            form::get(&s.application, Field::Year.path()),
            &json!("2025")
        );
        let p = proposal(&s.application, &s.place).unwrap();
        assert_eq!(p.profile, None);
        assert_eq!(
            p.latest.map(|p| p.profile.id.as_str()),
            Some("jiangsu-2025")
        );
    }

    #[test]
    fn changing_the_date_or_place_changes_the_suggestion() {
        let s = state().reduce(Action::SetField {
            field: Field::CommitmentDate,
            value: json!("2024-05-01"),
        });
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("jiangsu-2024"),
            "Suzhou is in Jiangsu"
        );
        let s = s.reduce(Action::SetPlace("other".into()));
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("cn-2024")
        );
        let s = s.reduce(Action::SetPlace("jiangsu".into()));
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("jiangsu-2024")
        );
    }

    #[test]
    fn a_date_not_yet_whole_changes_nothing() {
        let s = state().reduce(Action::SetField {
            field: Field::CommitmentDate,
            value: json!("2026-0"),
        });
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("suzhou-2019")
        );
    }

    #[test]
    fn the_credit_code_moves_the_place_and_proposes_but_does_not_choose() {
        let s = state()
            .reduce(Action::SetPlace("other".into()))
            .reduce(Action::SetField {
                field: Field::CommitmentDate,
                value: json!("2024-06-10"),
            });
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("cn-2024")
        );
        let s = s.reduce(Action::SetField {
            field: Field::CreditCode,
            value: json!("9132"),
        });
        assert_eq!(s.place, "other", "no division yet");
        let s = s.reduce(Action::SetField {
            field: Field::CreditCode,
            value: json!("91320100MA1MXL2K87"),
        });
        assert_eq!(s.place, "jiangsu");
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("cn-2024"),
            "offered, not changed"
        );
        let p = proposal(&s.application, &s.place).unwrap();
        assert_eq!(
            p.profile.map(|p| p.profile.id.as_str()),
            Some("jiangsu-2024")
        );
        // A date typed afterwards follows the code.
        let s = s.reduce(Action::SetField {
            field: Field::CommitmentDate,
            value: json!("2023-06-10"),
        });
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("jiangsu-2023")
        );
        assert_eq!(
            form::get(&s.application, Field::Year.path()),
            &json!("2022")
        );
    }

    #[test]
    fn continue_with_errors_stays_and_shows_them() {
        let s = state().reduce(Action::Continue).reduce(Action::Continue);
        assert_eq!(s.page, Page::Enterprise);
        assert!(s.attempted.contains(&Page::Enterprise));
        assert!(s.shows_issues_of(Field::ApplicantName.path()));
    }

    #[test]
    fn a_portal_prefill_fills_only_what_it_sends() {
        let s = state().reduce(Action::SetField {
            field: Field::ContactName,
            value: json!("王芳"),
        });
        let s = s.reduce(Action::Prefill(json!({
            "applicant": { "name": "门户单位", "credit_code": "91320594079903279G" },
            "contact": { "phone": null }
        })));
        assert_eq!(
            form::get(&s.application, Field::ApplicantName.path()),
            &json!("门户单位")
        );
        assert_eq!(
            form::get(&s.application, Field::ContactName.path()),
            &json!("王芳"),
            "kept"
        );
        assert_eq!(
            form::get(&s.application, Field::Policy.path()),
            &json!("suzhou-2019"),
            "still suggested"
        );
        assert_eq!(s.notice, Some(Notice::Prefilled));
    }

    #[test]
    fn hardship_page_only_where_the_profile_has_one() {
        assert!(state().pages().contains(&Page::Hardship));
        let s = state().reduce(Action::SetField {
            field: Field::Policy,
            value: json!("cn-2024"),
        });
        assert!(!s.pages().contains(&Page::Hardship));
    }

    #[test]
    fn a_change_link_returns_to_the_review() {
        let sample: Value =
            serde_json::from_str(include_str!("../../samples/eligible-sme.json")).unwrap();
        let s = state()
            .reduce(Action::Load {
                application: sample,
                notice: Notice::Imported,
                demo: false,
            })
            .reduce(Action::Change(Page::Premiums))
            .reduce(Action::Continue);
        assert_eq!(s.page, Page::Review);
        let s = s.reduce(Action::Continue);
        assert_eq!(s.page, Page::Result);
    }
}

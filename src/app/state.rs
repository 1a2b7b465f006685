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
use crate::field::{Field, MonthColumn, Months, Section};
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
    /// The demo's module could not be loaded: the reason.
    DemoFailed(String),
    /// The demo was left; the user's own answers are back.
    DemoLeft,
    /// Cleared; can be undone while this notice shows.
    Cleared,
    /// The last clear or import was undone.
    Undone,
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
    /// Figures entered for another data year, to be confirmed again
    /// (nothing is relabelled in silence).
    pub recheck: BTreeSet<String>,
    /// Came from a change link: continue returns to the review page.
    pub returning: bool,
    pub storage: Storage,
    pub notice: Option<Notice>,
    /// A demo is shown (its id). The user's own answers wait in `stash`;
    /// the demo is saved apart (it survives a reload), so it never
    /// touches the user's draft.
    pub demo: Option<&'static str>,
    pub stash: Option<Box<Draft>>,
    /// A step that would replace the answers, waiting for a yes.
    pub pending: Option<Pending>,
    /// What the last clear or import replaced: it can be undone once,
    /// while its notice shows.
    pub undo: Option<Box<Draft>>,
    /// The origin of the portal that embeds the app, when it is an allowed one.
    pub embedded: Option<String>,
    /// A new version of the app is installed and waiting.
    pub update_ready: bool,
}

/// A step that replaces the answers, asked about first.
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    Clear,
    Import { application: Value, notice: Notice },
}

/// Everything that can happen.
pub enum Action {
    SetField {
        field: Field,
        value: Value,
    },
    /// The monthly records table (`insured.months`), whole: a statement
    /// read by the engine's reader, or `null` to clear it.
    SetMonths(Value),
    /// One cell of the monthly grid, as typed: its row (0–11, as shown)
    /// and column.
    SetMonthCell {
        row: usize,
        column: MonthColumn,
        value: String,
    },
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
    /// Replace the application with an imported one. Asks first when
    /// it would replace answers the user gave.
    Import {
        application: Value,
        notice: Notice,
    },
    /// Show a demo enterprise (its id and application), keeping the
    /// user's answers aside.
    Demo {
        id: &'static str,
        application: Value,
    },
    /// Back from the demo to the user's own answers.
    LeaveDemo,
    /// Clear everything (asks first).
    Clear,
    /// The user said yes to the pending step.
    ConfirmPending,
    /// The user said no.
    CancelPending,
    /// Undo the last clear or import.
    Undo,
    /// Browser history moved to a page (Back, Forward, a deep link).
    Visit(Page),
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
    /// Fields answered and pages tried: after a reload, issues show
    /// where they showed before, and nowhere else.
    #[serde(default)]
    pub touched: BTreeSet<String>,
    #[serde(default)]
    pub attempted: BTreeSet<Page>,
    #[serde(default)]
    pub recheck: BTreeSet<String>,
    /// The demo this is, when saved as one (apart from the user's draft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demo: Option<String>,
}

pub const DRAFT_VERSION: u32 = 1;

impl Draft {
    /// The draft as stored: the same JSON its derived serialiser writes,
    /// made by hand (the derived code cost the first load 3 KB).
    pub fn to_json(&self) -> Value {
        let pages = |pages: &BTreeSet<Page>| -> Vec<Value> {
            pages.iter().map(|p| json!(page_name(*p))).collect()
        };
        let mut draft = json!({
            "version": self.version,
            "application": self.application,
            "page": page_name(self.page),
            "lang": if self.lang == Lang::Zh { "zh" } else { "en" },
            "place": self.place,
            "confirmed": self.confirmed,
            "touched": self.touched,
            "attempted": pages(&self.attempted),
            "recheck": self.recheck,
        });
        if let Some(demo) = &self.demo {
            draft["demo"] = json!(demo);
        }
        draft
    }

    /// A draft stored by [`Draft::to_json`] (or by the derived serialiser
    /// of before); `None` when it is not one.
    pub fn from_json(v: &Value) -> Option<Draft> {
        // Inserted one by one: collecting into a set sorts first, and the
        // sort of strings cost the first load 2 KB.
        let texts = |key: &str| {
            let mut set = BTreeSet::new();
            for t in v[key].as_array().into_iter().flatten() {
                if let Some(t) = t.as_str() {
                    set.insert(t.to_owned());
                }
            }
            set
        };
        let page = |name: &Value| {
            name.as_str()
                .and_then(|n| Page::from_slug(&n.replace('_', "-")))
        };
        let mut attempted = BTreeSet::new();
        for p in v["attempted"].as_array().into_iter().flatten() {
            attempted.extend(page(p));
        }
        Some(Draft {
            version: u32::try_from(v["version"].as_u64()?).ok()?,
            application: v.get("application")?.clone(),
            page: page(&v["page"])?,
            lang: Lang::parse(v["lang"].as_str()?)?,
            place: v["place"].as_str()?.to_owned(),
            confirmed: texts("confirmed"),
            touched: texts("touched"),
            attempted,
            recheck: texts("recheck"),
            demo: v["demo"].as_str().map(str::to_owned),
        })
    }
}

/// A page's name in a stored draft (as its derived serialiser wrote it).
fn page_name(page: Page) -> String {
    page.slug().replace('-', "_")
}

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
    // The data year is the user's first answer: no year, no rules yet.
    form::set(&mut app, Field::Year.path(), Value::Null);
    form::set(&mut app, Field::Policy.path(), Value::Null);
    form::set(&mut app, Field::CommitmentDate.path(), json!(today));
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

/// What the engine proposes for the data year the user holds.
pub use crate::policy::Proposal;

/// The places the proposal looks in, most local first: the credit
/// code's, once it names a division, else the place chosen.
pub fn places(app: &Value, place: &str) -> &'static [&'static str] {
    let code = form::as_text(form::get(app, Field::CreditCode.path()));
    match division(&code) {
        Some(_) => policy::places_of(&code),
        None => places_of_choice(place),
    }
}

/// The application's data year, once one is chosen.
fn data_year(app: &Value) -> Option<u16> {
    form::as_text(form::get(app, Field::Year.path()))
        .trim()
        .parse()
        .ok()
}

/// The proposal for the application's data year, once one is chosen.
pub fn proposal(app: &Value, place: &str) -> Option<Proposal> {
    Some(policy::propose(data_year(app)?, places(app, place)))
}

/// Picks the proposed profile; with no published rules for the year it
/// picks none (the policy page says so and offers the latest rules as an
/// estimate): never another year's rules in silence.
fn suggest_policy(app: &mut Value, proposal: Option<Proposal>) {
    if let Some(proposal) = proposal {
        let id = proposal.profile.map(|p| json!(p.profile.id));
        form::set(app, Field::Policy.path(), id.unwrap_or(Value::Null));
    }
}

/// Fills a blank data year with the chosen rules' own; a year given stays.
fn fill_blank_year(app: &mut Value) {
    if data_year(app).is_some() {
        return;
    }
    let id = form::as_text(form::get(app, Field::Policy.path()));
    if let Ok(p) = policy::find(&id) {
        form::set(
            app,
            Field::Year.path(),
            json!(p.profile.data_year.to_string()),
        );
    }
}

/// The figures that belong to one data year: asked again when it changes.
fn figures_of_the_year(app: &Value) -> impl Iterator<Item = String> + '_ {
    [Page::Headcount, Page::Premiums]
        .into_iter()
        .flat_map(|p| p.fields())
        .map(|p| p.path().to_owned())
        .chain(std::iter::once(Months::PATH.to_owned()))
        .filter(|path| {
            let v = form::get(app, path);
            !(v.is_null() || v.as_str().is_some_and(|t| t.trim().is_empty()))
        })
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
            recheck: BTreeSet::new(),
            returning: false,
            storage: Storage::Saved,
            notice: None,
            demo: None,
            stash: None,
            pending: None,
            undo: None,
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
        state.touched = draft.touched;
        state.attempted = draft.attempted;
        state.recheck = draft.recheck;
        state.notice = Some(Notice::DraftRestored);
        state
    }

    /// Reopens a demo after a reload: the demo as it was left, the
    /// user's own draft (if any) kept aside for when the demo is left.
    pub fn from_demo(id: &'static str, demo: Draft, mine: Option<Draft>, today: &str) -> Self {
        let mut state = AppState::from_draft(demo, today);
        state.notice = None;
        state.demo = Some(id);
        let mine = mine.unwrap_or_else(|| AppState::new(today, state.lang).draft());
        state.stash = Some(Box::new(mine));
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
            touched: self.touched.clone(),
            attempted: self.attempted.clone(),
            recheck: self.recheck.clone(),
            demo: None,
        }
    }

    /// Shows `page` when this application goes through it (history,
    /// links); any other page is ignored.
    pub fn visit(&mut self, page: Page) {
        let reachable = self.pages().contains(&page)
            || matches!(page, Page::Review | Page::Result | Page::Print);
        if reachable {
            self.page = page;
            self.returning = false;
        }
    }

    /// The data year moved (chosen, or brought by other rules): figures
    /// entered before belong to the old year and are flagged to be
    /// confirmed again.
    fn note_year_change(&mut self, before: &Value) {
        let after = form::get(&self.application, Field::Year.path());
        let year = |v: &Value| form::as_text(v).trim().to_owned();
        if before.is_null() || year(before).is_empty() || year(before) == year(after) {
            return;
        }
        let figures: Vec<String> = figures_of_the_year(&self.application).collect();
        self.recheck.extend(figures);
    }

    /// Has the user given any answer worth keeping?
    pub fn has_answers(&self) -> bool {
        !self.touched.is_empty()
    }

    /// Puts back the answers a draft holds (what a slip could lose); the
    /// language stays as the user has it now.
    fn restore(&mut self, draft: Draft) {
        self.application = draft.application;
        self.page = draft.page;
        self.place = draft.place;
        self.touched = draft.touched;
        self.attempted = draft.attempted;
        self.confirmed = draft.confirmed;
        self.recheck = draft.recheck;
        self.returning = false;
    }

    /// Replaces the answers with a file's or a demo's, to be checked on
    /// the review page.
    fn load(&mut self, application: Value) {
        self.application = application;
        self.touched = all_paths();
        self.attempted.clear();
        self.confirmed.clear();
        self.recheck.clear();
        self.page = Page::Review;
        self.returning = false;
    }

    /// Starts afresh, keeping the language and the page's surroundings.
    fn reset(&mut self) {
        let today = form::as_text(form::get(&self.application, Field::CommitmentDate.path()));
        let mut fresh = AppState::new(&today, self.lang);
        fresh.embedded = self.embedded.take();
        fresh.update_ready = self.update_ready;
        *self = fresh;
    }

    pub fn report(&self) -> Report {
        report_of(&self.application, self.lang)
    }

    /// Does the chosen profile have a hardship path?
    pub fn hardship_offered(&self) -> bool {
        let id = form::as_text(form::get(&self.application, Field::Policy.path()));
        policy::find(&id).is_ok_and(|p| p.profile.hardship.is_some())
    }

    /// Is this question asked of this unit under the chosen profile? The
    /// engine's list (`validate::asked`): a formula input the rules never
    /// use, or the size of a unit the rules class outright, is not (until
    /// a profile and a unit type are chosen, every question is).
    pub fn asks(&self, field: Field) -> bool {
        let id = form::as_text(form::get(&self.application, Field::Policy.path()));
        let rules = policy::find(&id).ok().map(|p| &p.profile);
        crate::validate::asked::asked(field, rules, self.unit_type())
    }

    /// The unit type chosen, if any.
    pub fn unit_type(&self) -> Option<crate::application::UnitType> {
        use crate::application::Named;
        let name = form::as_text(form::get(&self.application, Field::UnitType.path()));
        crate::application::UnitType::from_name(&name)
    }

    /// Does the chosen profile take applications? Under automatic rules
    /// (免申即享) nobody signs a commitment, so its page is not shown
    /// (until a profile is chosen, it is).
    pub fn takes_applications(&self) -> bool {
        let id = form::as_text(form::get(&self.application, Field::Policy.path()));
        policy::find(&id).map_or(true, |p| p.profile.takes_applications())
    }

    /// The question pages this application goes through.
    pub fn pages(&self) -> Vec<Page> {
        QUESTION_PAGES
            .into_iter()
            .filter(|p| *p != Page::Hardship || self.hardship_offered())
            .filter(|p| *p != Page::Commitment || self.takes_applications())
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

/// The monthly grid's rows as the application holds them: the table
/// given, filled out to twelve rows (month = the row's place) so each
/// cell can be typed into.
pub fn month_rows(app: &Value) -> Vec<Value> {
    let mut rows = form::get(app, Months::PATH)
        .as_array()
        .cloned()
        .unwrap_or_default();
    for month in rows.len() + 1..=Months::ROWS {
        rows.push(json!({ "month": month, "insured": null, "due": null, "paid": null }));
    }
    rows
}

/// Writes one cell of the grid, tidied as the field's kind is (12,345.00
/// → 12345.00; a count's 人 dropped); blank is `null`.
fn set_month_cell(app: &mut Value, row: usize, column: MonthColumn, text: &str) {
    let field = match column {
        MonthColumn::Due | MonthColumn::Paid => Field::PremiumsPaid,
        MonthColumn::Month | MonthColumn::Insured => Field::Start,
    };
    let tidied = crate::tidy::tidy(field, text);
    let value = if tidied.is_empty() {
        Value::Null
    } else {
        Value::String(tidied)
    };
    let mut rows = month_rows(app);
    if let Some(Value::Object(cells)) = rows.get_mut(row) {
        cells.insert(column.key().to_owned(), value);
    }
    form::set(app, Months::PATH, Value::Array(rows));
}

/// The rows of a statement the engine's reader read (its `months`, in
/// month order, a month without a row left out), one per month 1–12:
/// a month the statement lacks is a row of blanks, for the clerk to fill
/// or for validation to name.
pub fn rows_of_statement(months: &Value) -> Value {
    let read = months.as_array().map(Vec::as_slice).unwrap_or_default();
    Value::Array(
        (1..=Months::ROWS)
            .map(|month| {
                read.iter()
                    .find(|r| r.get("month").and_then(Value::as_u64) == Some(month as u64))
                    .cloned()
                    .unwrap_or_else(
                        || json!({ "month": month, "insured": null, "due": null, "paid": null }),
                    )
            })
            .collect(),
    )
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
        if let Action::Visit(page) = action {
            if page == self.page {
                return self;
            }
        }
        let mut s = (*self).clone();
        if !matches!(action, Action::Stored(_)) {
            // A notice, its undo and a question asked show once.
            s.notice = None;
            s.undo = None;
            s.pending = None;
        }
        match action {
            Action::SetField { field, value } => {
                let year_before = form::get(&s.application, Field::Year.path()).clone();
                form::set(&mut s.application, field.path(), value);
                match field {
                    Field::Year => {
                        let proposed = proposal(&s.application, &s.place);
                        suggest_policy(&mut s.application, proposed);
                    }
                    // The place select follows the code; the policy is
                    // offered, not changed (the pages show the proposal).
                    Field::CreditCode => {
                        let code = form::as_text(form::get(&s.application, field.path()));
                        if division(&code).is_some() {
                            s.place = choice_of_places(policy::places_of(&code)).to_owned();
                        }
                    }
                    // Rules chosen by hand fill a blank data year; a year
                    // given is never rewritten to fit rules (other years'
                    // rules give an estimate, which the result says).
                    Field::Policy => fill_blank_year(&mut s.application),
                    _ => {}
                }
                s.note_year_change(&year_before);
                s.recheck.remove(field.path());
                s.touched.insert(field.path().to_owned());
            }
            Action::SetMonths(table) => {
                form::set(&mut s.application, Months::PATH, table);
                s.recheck.remove(Months::PATH);
                s.touched.insert(Months::PATH.to_owned());
            }
            Action::SetMonthCell { row, column, value } => {
                set_month_cell(&mut s.application, row, column, &value);
                s.recheck.remove(Months::PATH);
                s.touched.insert(Months::PATH.to_owned());
            }
            Action::SetPlace(place) => {
                s.place = place;
                // The place chosen by hand decides, whatever the code says.
                let proposed = data_year(&s.application)
                    .map(|year| policy::propose(year, places_of_choice(&s.place)));
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
                } else if s.page == Page::Review && !s.recheck.is_empty() {
                    // Figures of another year are looked at again first.
                    let first = s.pages().into_iter().find(|p| {
                        p.fields().iter().any(|f| s.recheck.contains(f.path()))
                            || (*p == Page::Headcount && s.recheck.contains(Months::PATH))
                    });
                    s.page = first.unwrap_or(Page::Review);
                    // …and come back to the review after each.
                    s.returning = true;
                } else if s.page == Page::Review && !report.valid {
                    // Send the user to the first page with a problem.
                    s.attempted.extend(s.pages());
                    let first = s
                        .pages()
                        .into_iter()
                        .find(|p| !s.blocking(&report, *p).is_empty());
                    s.page = first.unwrap_or(Page::Review);
                } else {
                    // Seen on this page and kept: confirmed for the new year.
                    for f in s.page.fields() {
                        s.recheck.remove(f.path());
                    }
                    if s.page == Page::Headcount {
                        s.recheck.remove(Months::PATH);
                    }
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
            Action::Import {
                application,
                notice,
            } => {
                if s.demo.is_some() {
                    // Importing ends the demo: the file is the user's own.
                    if let Some(stash) = s.stash.take() {
                        s.restore(*stash);
                    }
                    s.demo = None;
                }
                if s.has_answers() {
                    s.pending = Some(Pending::Import {
                        application,
                        notice,
                    });
                } else {
                    s.undo = Some(Box::new(s.draft()));
                    s.load(application);
                    s.notice = Some(notice);
                }
            }
            Action::Demo { id, application } => {
                if s.demo.is_none() {
                    s.stash = Some(Box::new(s.draft()));
                }
                s.demo = Some(id);
                s.load(application);
                s.notice = Some(Notice::DemoLoaded(id));
            }
            Action::LeaveDemo => {
                if let Some(stash) = s.stash.take() {
                    s.restore(*stash);
                }
                s.demo = None;
                s.notice = Some(Notice::DemoLeft);
            }
            Action::Clear => s.pending = Some(Pending::Clear),
            Action::ConfirmPending => match self.pending.clone() {
                Some(Pending::Clear) => {
                    let before = s.draft();
                    s.reset();
                    s.undo = Some(Box::new(before));
                    s.notice = Some(Notice::Cleared);
                }
                Some(Pending::Import {
                    application,
                    notice,
                }) => {
                    s.undo = Some(Box::new(s.draft()));
                    s.load(application);
                    s.notice = Some(notice);
                }
                None => {}
            },
            Action::CancelPending => s.pending = None,
            Action::Undo => {
                if let Some(before) = self.undo.clone() {
                    s.restore(*before);
                    s.notice = Some(Notice::Undone);
                }
            }
            Action::Visit(page) => s.visit(page),
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
                    if proposed.is_some_and(|p| p.profile.is_some()) {
                        suggest_policy(&mut s.application, proposed);
                    }
                } else {
                    fill_blank_year(&mut s.application);
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

    /// A clerk in Suzhou holding 2018 statements.
    fn state() -> Rc<AppState> {
        Rc::new(AppState::new("2019-06-10", Lang::Zh)).reduce(Action::SetField {
            field: Field::Year,
            value: json!("2018"),
        })
    }

    fn policy_of(s: &AppState) -> &Value {
        form::get(&s.application, Field::Policy.path())
    }

    #[test]
    fn the_data_year_is_asked_first_and_decides_the_rules() {
        let blank = Rc::new(AppState::new("2026-11-28", Lang::Zh));
        assert_eq!(blank.page, Page::Policy);
        assert_eq!(QUESTION_PAGES[0].fields()[0].field, Field::Year);
        assert_eq!(policy_of(&blank), &Value::Null, "no year, no rules yet");
        assert_eq!(policy_of(&state()), &json!("suzhou-2019"));
    }

    #[test]
    fn untouched_defaults_never_error_only_unanswered_questions_are_asked_for() {
        let s = Rc::new(AppState::new("2026-11-28", Lang::Zh)).reduce(Action::Continue);
        assert_eq!(s.page, Page::Policy);
        let report = s.report();
        let blocking = s.blocking(&report, Page::Policy);
        assert!(!blocking.is_empty());
        for issue in blocking {
            assert_eq!(issue.code, "required", "{}: {}", issue.field, issue.code);
        }
    }

    #[test]
    fn a_year_no_rules_use_gets_none_and_the_latest_only_as_an_estimate() {
        // 2025 figures (refunded in 2026): the provisional 2026 rules.
        let s = state().reduce(Action::SetField {
            field: Field::Year,
            value: json!("2025"),
        });
        assert_eq!(policy_of(&s), &json!("jiangsu-2026"));
        // 2026 figures: no rules use them yet.
        let s = state().reduce(Action::SetField {
            field: Field::Year,
            value: json!("2026"),
        });
        assert_eq!(policy_of(&s), &Value::Null);
        let p = proposal(&s.application, &s.place).unwrap();
        assert_eq!(p.profile, None);
        assert_eq!(
            p.latest.map(|p| p.profile.id.as_str()),
            Some("jiangsu-2026")
        );
    }

    #[test]
    fn rules_of_another_year_chosen_as_an_estimate_never_rewrite_the_data_year() {
        let s = state().reduce(Action::SetField {
            field: Field::Year,
            value: json!("2026"),
        });
        let s = typed(s, Field::Policy, "jiangsu-2026");
        assert_eq!(policy_of(&s), &json!("jiangsu-2026"));
        assert_eq!(
            form::get(&s.application, Field::Year.path()),
            &json!("2026")
        );
        // A blank year is filled from rules chosen by hand.
        let blank = typed(state(), Field::Year, "");
        let s = typed(blank, Field::Policy, "cn-2024");
        assert_eq!(
            form::get(&s.application, Field::Year.path()),
            &json!("2023")
        );
    }

    #[test]
    fn the_commitment_page_is_asked_only_where_the_rules_take_applications() {
        let year = |y: &str| {
            state().reduce(Action::SetField {
                field: Field::Year,
                value: json!(y),
            })
        };
        // 2018 figures in Suzhou: the 2019 application procedure.
        assert!(year("2018").pages().contains(&Page::Commitment));
        // 2024 figures: 免申即享, nobody signs.
        assert!(!year("2024").pages().contains(&Page::Commitment));
    }

    #[test]
    fn changing_the_year_or_place_changes_the_suggestion() {
        let s = state().reduce(Action::SetField {
            field: Field::Year,
            value: json!("2023"),
        });
        assert_eq!(
            policy_of(&s),
            &json!("jiangsu-2024"),
            "Suzhou is in Jiangsu"
        );
        let s = s.reduce(Action::SetPlace("other".into()));
        assert_eq!(policy_of(&s), &json!("cn-2024"));
        let s = s.reduce(Action::SetPlace("jiangsu".into()));
        assert_eq!(policy_of(&s), &json!("jiangsu-2024"));
    }

    #[test]
    fn the_signing_date_changes_no_rules() {
        let s = state().reduce(Action::SetField {
            field: Field::CommitmentDate,
            value: json!("2024-05-01"),
        });
        assert_eq!(policy_of(&s), &json!("suzhou-2019"));
        assert_eq!(
            form::get(&s.application, Field::Year.path()),
            &json!("2018")
        );
    }

    #[test]
    fn figures_entered_for_another_year_are_flagged_to_be_confirmed_again() {
        let s = typed(
            typed(state(), Field::Start, "120"),
            Field::PremiumsPaid,
            "86040.00",
        );
        assert!(s.recheck.is_empty());
        // Another data year chosen.
        let s = typed(s, Field::Year, "2023");
        assert!(s.recheck.contains(Field::Start.path()));
        assert!(s.recheck.contains(Field::PremiumsPaid.path()));
        assert!(
            !s.recheck.contains(Field::End.path()),
            "nothing entered there"
        );
        // The review sends the user to them; continuing past a page confirms its figures.
        let s = s
            .reduce(Action::Visit(Page::Review))
            .reduce(Action::Continue);
        assert_eq!(s.page, Page::Headcount);
        let s = typed(typed(s, Field::End, "119"), Field::MonthlyAverage, "119.5")
            .reduce(Action::Continue);
        assert_eq!(s.page, Page::Review, "back to the review");
        let s = s.reduce(Action::Continue);
        assert_eq!(s.page, Page::Premiums, "the next flagged figure");
        assert!(!s.recheck.contains(Field::Start.path()));
        assert!(s.recheck.contains(Field::PremiumsPaid.path()));
        // Editing a figure confirms it too.
        let s = typed(s, Field::PremiumsPaid, "86040.00");
        assert!(s.recheck.is_empty());
    }

    #[test]
    fn the_credit_code_moves_the_place_and_proposes_but_does_not_choose() {
        let s = state()
            .reduce(Action::SetPlace("other".into()))
            .reduce(Action::SetField {
                field: Field::Year,
                value: json!("2023"),
            });
        assert_eq!(policy_of(&s), &json!("cn-2024"));
        let s = typed(s, Field::CreditCode, "9132");
        assert_eq!(s.place, "other", "no division yet");
        let s = typed(s, Field::CreditCode, "91320100MA1MXL2K87");
        assert_eq!(s.place, "jiangsu");
        assert_eq!(policy_of(&s), &json!("cn-2024"), "offered, not changed");
        let p = proposal(&s.application, &s.place).unwrap();
        assert_eq!(
            p.profile.map(|p| p.profile.id.as_str()),
            Some("jiangsu-2024")
        );
        // A year chosen afterwards follows the code.
        let s = typed(s, Field::Year, "2022");
        assert_eq!(policy_of(&s), &json!("jiangsu-2023"));
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
    fn counts_no_formula_uses_are_not_asked() {
        let s = state();
        assert!(
            !s.asks(Field::RetiredOrDeceased),
            "every profile uses the net reduction"
        );
        assert!(!s.asks(Field::NewBenefitClaimants));
        assert!(s.asks(Field::Start));
        let s = typed(s, Field::Policy, "");
        assert!(s.asks(Field::RetiredOrDeceased), "no profile chosen: asked");
    }

    #[test]
    fn a_kindergarten_under_jiangsu_rules_is_not_asked_its_size() {
        let s = typed(state(), Field::Year, "2024");
        assert_eq!(policy_of(&s), &json!("jiangsu-2025"));
        assert!(s.asks(Field::Industry), "no unit type yet: asked");
        let s = typed(s, Field::UnitType, "social_service_body");
        for field in [
            Field::Industry,
            Field::Employees,
            Field::Revenue,
            Field::Assets,
            Field::OfficialSize,
        ] {
            assert!(!s.asks(field), "{field}");
        }
        assert!(s.asks(Field::ApplicantName));
        let s = typed(s, Field::UnitType, "enterprise");
        assert!(s.asks(Field::Industry));
    }

    #[test]
    fn a_cell_typed_into_the_grid_makes_the_twelve_rows_and_is_tidied() {
        let s = state().reduce(Action::SetMonthCell {
            row: 2,
            column: MonthColumn::Paid,
            value: "7,170.00 元".into(),
        });
        let rows = form::get(&s.application, Months::PATH).as_array().unwrap();
        assert_eq!(rows.len(), 12);
        assert_eq!(
            rows[2],
            json!({"month": 3, "insured": null, "due": null, "paid": "7170.00"})
        );
        assert!(s.touched.contains(Months::PATH));
        let s = s.reduce(Action::SetMonthCell {
            row: 2,
            column: MonthColumn::Paid,
            value: " ".into(),
        });
        assert_eq!(
            form::get(&s.application, Months::PATH)[2]["paid"],
            Value::Null
        );
    }

    #[test]
    fn a_statement_read_fills_every_month_and_leaves_a_missing_one_blank() {
        let read = json!([
            {"month": 1, "insured": 46, "due": null, "paid": "3220.00"},
            {"month": 3, "insured": 45, "due": null, "paid": "3150.00"}
        ]);
        let rows = rows_of_statement(&read);
        let rows = rows.as_array().unwrap();
        assert_eq!(rows.len(), 12);
        assert_eq!(rows[0]["insured"], json!(46));
        assert_eq!(
            rows[1],
            json!({"month": 2, "insured": null, "due": null, "paid": null})
        );
        assert_eq!(rows[2]["paid"], json!("3150.00"));
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
        let s = Rc::new(AppState::new("2019-06-10", Lang::Zh))
            .reduce(Action::Import {
                application: sample,
                notice: Notice::Imported,
            })
            .reduce(Action::Change(Page::Premiums))
            .reduce(Action::Continue);
        assert_eq!(s.page, Page::Review);
        let s = s.reduce(Action::Continue);
        assert_eq!(s.page, Page::Result);
    }

    fn demo(id: &'static str) -> Action {
        let text = match id {
            "hardship" => include_str!("../../samples/hardship.json"),
            _ => include_str!("../../samples/eligible-sme.json"),
        };
        Action::Demo {
            id,
            application: serde_json::from_str(text).unwrap(),
        }
    }

    fn typed(s: Rc<AppState>, field: Field, value: &str) -> Rc<AppState> {
        s.reduce(Action::SetField {
            field,
            value: json!(value),
        })
    }

    #[test]
    fn a_demo_keeps_the_users_answers_aside_and_gives_them_back() {
        let s = typed(state(), Field::ApplicantName, "我的单位");
        let mine = s.draft();
        let s = s.reduce(demo("eligible-sme"));
        assert_eq!(s.demo, Some("eligible-sme"));
        assert_eq!(s.page, Page::Review);
        assert_ne!(
            form::get(&s.application, Field::ApplicantName.path()),
            &json!("我的单位")
        );
        // Another demo keeps the user's answers, not the first demo's.
        let s = s.reduce(demo("hardship")).reduce(Action::LeaveDemo);
        assert_eq!(s.demo, None);
        assert_eq!(s.draft(), mine);
        assert_eq!(s.notice, Some(Notice::DemoLeft));
    }

    #[test]
    fn a_demo_survives_a_reload_and_leaving_it_returns_to_the_users_own_page() {
        let s = typed(state(), Field::ApplicantName, "我的单位");
        let s = s.reduce(Action::Continue); // on to the enterprise page… stays: errors
        let mine = s.draft();
        let s = s
            .reduce(demo("hardship"))
            .reduce(Action::Continue)
            .reduce(Action::Visit(Page::Result));
        assert_eq!(s.page, Page::Result);
        // A reload: the demo as saved apart, the user's draft as saved.
        let reloaded = Rc::new(AppState::from_demo(
            "hardship",
            s.draft(),
            Some(mine.clone()),
            "2019-06-10",
        ));
        assert_eq!(reloaded.demo, Some("hardship"));
        assert_eq!(reloaded.page, Page::Result, "still on the demo's page");
        assert_eq!(reloaded.application, s.application);
        let left = reloaded.reduce(Action::LeaveDemo);
        assert_eq!(left.demo, None);
        assert_eq!(left.page, mine.page, "the user's own page");
        assert_eq!(left.draft(), mine);
    }

    #[test]
    fn a_demo_reopened_with_no_draft_of_the_users_leaves_to_a_blank_start() {
        let s = Rc::new(AppState::new("2019-06-10", Lang::Zh)).reduce(demo("eligible-sme"));
        let reloaded = Rc::new(AppState::from_demo(
            "eligible-sme",
            s.draft(),
            None,
            "2019-06-10",
        ));
        let left = reloaded.reduce(Action::LeaveDemo);
        assert_eq!(left.page, Page::Policy);
        assert!(!left.has_answers());
    }

    #[test]
    fn clearing_asks_first_and_no_changes_nothing() {
        let s = typed(state(), Field::ApplicantName, "我的单位");
        let mine = s.draft();
        let s = s.reduce(Action::Clear);
        assert_eq!(s.pending, Some(Pending::Clear));
        assert_eq!(s.draft(), mine, "nothing cleared before the yes");
        let s = s.reduce(Action::CancelPending);
        assert_eq!(s.pending, None);
        assert_eq!(s.draft(), mine);
    }

    #[test]
    fn a_clear_can_be_undone_once() {
        let s = typed(state(), Field::ApplicantName, "我的单位");
        let mine = s.draft();
        let s = s.reduce(Action::Clear).reduce(Action::ConfirmPending);
        assert_eq!(s.notice, Some(Notice::Cleared));
        assert!(!s.has_answers());
        let undone = s.clone().reduce(Action::Undo);
        assert_eq!(undone.draft(), mine);
        assert_eq!(undone.notice, Some(Notice::Undone));
        // Once: the undo is gone after it is used, and after any other step.
        assert_eq!(undone.undo, None);
        let moved_on = s.reduce(Action::Continue).reduce(Action::Undo);
        assert!(!moved_on.has_answers());
    }

    #[test]
    fn an_import_over_answers_asks_first_and_can_be_undone() {
        let sample: Value =
            serde_json::from_str(include_str!("../../samples/eligible-sme.json")).unwrap();
        let s = typed(state(), Field::ApplicantName, "我的单位");
        let mine = s.draft();
        let s = s.reduce(Action::Import {
            application: sample.clone(),
            notice: Notice::Imported,
        });
        assert!(matches!(s.pending, Some(Pending::Import { .. })));
        assert_eq!(s.draft(), mine);
        let s = s.reduce(Action::ConfirmPending);
        assert_eq!(s.application, sample);
        assert_eq!(s.notice, Some(Notice::Imported));
        assert_eq!(s.reduce(Action::Undo).draft(), mine);
    }

    #[test]
    fn an_import_into_a_blank_application_needs_no_question() {
        let sample: Value =
            serde_json::from_str(include_str!("../../samples/eligible-sme.json")).unwrap();
        let s = Rc::new(AppState::new("2019-06-10", Lang::Zh)).reduce(Action::Import {
            application: sample.clone(),
            notice: Notice::Imported,
        });
        assert_eq!(s.pending, None);
        assert_eq!(s.application, sample);
    }

    #[test]
    fn history_visits_only_pages_this_application_goes_through() {
        let s = state().reduce(Action::Visit(Page::Premiums));
        assert_eq!(s.page, Page::Premiums);
        let s = typed(s, Field::Policy, "cn-2024").reduce(Action::Visit(Page::Hardship));
        assert_eq!(s.page, Page::Premiums, "cn-2024 has no hardship page");
        let same = Rc::clone(&s).reduce(Action::Visit(Page::Premiums));
        assert!(
            Rc::ptr_eq(&s, &same),
            "a visit to the page shown changes nothing"
        );
    }

    #[test]
    fn after_a_reload_issues_show_only_where_they_showed_before() {
        let s = state().reduce(Action::Continue).reduce(Action::Continue);
        assert!(s.attempted.contains(&Page::Enterprise));
        let s = typed(s, Field::Start, "12");
        let reloaded = AppState::from_draft(s.draft(), "2019-06-10");
        assert!(
            reloaded.shows_issues_of(Field::ApplicantName.path()),
            "tried"
        );
        assert!(reloaded.shows_issues_of(Field::Start.path()), "typed in");
        assert!(
            !reloaded.shows_issues_of(Field::PremiumsPaid.path()),
            "untried"
        );
        assert!(
            !reloaded.shows_issues_of(Field::AccountNumber.path()),
            "untried"
        );
    }

    #[test]
    fn a_draft_is_stored_as_its_derived_serialiser_wrote_it_and_read_back() {
        let s = typed(state(), Field::ApplicantName, "我的单位")
            .reduce(Action::Visit(Page::BankContact));
        let mut draft = s.draft();
        draft.attempted.insert(Page::BankContact);
        draft.demo = Some("hardship".into());
        let by_hand = draft.to_json();
        assert_eq!(by_hand, serde_json::to_value(&draft).unwrap());
        assert_eq!(Draft::from_json(&by_hand), Some(draft.clone()));
        draft.demo = None;
        assert_eq!(
            Draft::from_json(&serde_json::to_value(&draft).unwrap()),
            Some(draft)
        );
    }

    #[test]
    fn a_draft_of_before_keeps_loading() {
        let old = r#"{"version":1,"application":{},"page":"premiums","lang":"zh","place":"suzhou","confirmed":[]}"#;
        let draft: Draft = serde_json::from_str(old).unwrap();
        assert_eq!(
            Draft::from_json(&serde_json::from_str(old).unwrap()),
            Some(draft.clone())
        );
        let s = AppState::from_draft(draft, "2019-06-10");
        assert_eq!(s.page, Page::Premiums);
        assert!(!s.shows_issues_of(Field::PremiumsPaid.path()));
    }
}

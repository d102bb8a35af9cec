//! The pages for employing PAs: the list of PAs, a PA's record with its
//! checks, statements and the forms that keep them, the hire form, and the
//! dashboard of what expires in the next 60 days with the co-operative's
//! insurance.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::{Action, has_employer_duties};
use cylch_employment::checks::{
    Checks, Course, DueItem, Missing, RightToWorkLimit, RightToWorkMethod, StatusOutcome,
};
use cylch_employment::employment::{Hours, Household};
use cylch_store::CoopScope;
use cylch_store::employment::{EmploymentEntry, EmploymentRecord, NotPayable, SupportingPa};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::areas::employment::commands::{
    self, AuthorisationFields, COURSES, DbsFields, END_REASONS, EndFields, HireFields,
    InsuranceFields, LinkFields, RTW_METHODS, ReferenceFields, Refused, RightToWorkFields,
    StatementFields, TrainingFields,
};
use crate::areas::employment::statement::{self, pounds, shown_date, tenths};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

/// How far ahead the dashboard looks.
pub const DASHBOARD_DAYS: u32 = 60;

/// What was typed into a form, to show again beside its problems.
#[derive(Default)]
pub struct Typed(serde_json::Map<String, serde_json::Value>);

impl Typed {
    fn of(form: &impl Serialize) -> Typed {
        match serde_json::to_value(form) {
            Ok(serde_json::Value::Object(map)) => Typed(map),
            _ => Typed::default(),
        }
    }

    /// The text typed into a field.
    pub fn v(&self, name: &str) -> String {
        match self.0.get(name) {
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => String::new(),
        }
    }

    /// Whether a box was ticked.
    pub fn on(&self, name: &str) -> bool {
        match self.0.get(name) {
            Some(serde_json::Value::Bool(b)) => *b,
            Some(serde_json::Value::String(s)) => !s.is_empty(),
            _ => false,
        }
    }

    /// Whether `value` is the option chosen for `name`, or the default
    /// when nothing was chosen.
    pub fn chosen(&self, name: &str, value: &str, default: &str) -> bool {
        match self.v(name).as_str() {
            "" => value == default,
            typed => typed == value,
        }
    }
}

fn pa_link(coop: &str, id: &str) -> String {
    format!("/coops/{coop}/employment/{id}")
}

fn date_words(d: cylch_payroll::Date) -> String {
    shown_date(&d.to_string())
}

fn yes_no(chrome: &Chrome, yes: bool) -> String {
    chrome.t(if yes {
        "employment-yes"
    } else {
        "employment-no"
    })
}

fn course_words(state: &AppState, language: Language, course: Course) -> String {
    state
        .i18n
        .text(language, &format!("employment-course-{}", course.code()))
}

/// What stops a PA working on a day, in words.
pub fn missing_words(state: &AppState, language: Language, missing: Missing) -> String {
    let i18n = &state.i18n;
    let id = format!("employment-missing-{}", missing.code());
    let mut args = fluent_bundle::FluentArgs::new();
    match missing {
        Missing::RightToWorkEnded(d)
        | Missing::DbsRecheckDue(d)
        | Missing::DbsStatusCheckDue(d)
        | Missing::InsuranceNotStarted(d)
        | Missing::InsuranceExpired(d) => args.set("date", date_words(d)),
        Missing::References { have, need } => {
            args.set("have", i64::try_from(have).unwrap_or(0));
            args.set("need", i64::try_from(need).unwrap_or(0));
        }
        Missing::Training(course) => args.set("course", course_words(state, language, course)),
        Missing::TrainingExpired(course, d) => {
            args.set("course", course_words(state, language, course));
            args.set("date", date_words(d));
        }
        Missing::InsuranceCoverTooLow { cover, minimum } => {
            args.set("cover", pounds(cover));
            args.set("minimum", pounds(minimum));
        }
        _ => {}
    }
    i18n.format(language, &id, Some(&args))
}

fn due_words(state: &AppState, language: Language, item: DueItem) -> String {
    match item {
        DueItem::Training(course) => state.i18n.with_arg(
            language,
            "employment-due-training-renewal",
            "course",
            &course_words(state, language, course),
        ),
        other => state
            .i18n
            .text(language, &format!("employment-due-{}", other.code())),
    }
}

// ---- The list ----------------------------------------------------------------

pub struct PaRow {
    pub link: String,
    pub name: String,
    pub job_title: String,
    pub started: String,
    pub ended: String,
}

pub struct SupportingRow {
    pub link: String,
    pub name: String,
    pub welsh: String,
    pub training: Vec<String>,
}

#[derive(Template)]
#[template(path = "employment/list.html")]
struct ListPage {
    chrome: Chrome,
    coop_id: String,
    coop_name: String,
    employer: bool,
    rows: Vec<PaRow>,
    supporting: Vec<SupportingRow>,
}

fn training_lines(state: &AppState, language: Language, pa: &SupportingPa) -> Vec<String> {
    pa.training
        .iter()
        .map(|t| {
            let course = course_words(state, language, t.course);
            match t.expires {
                Some(e) => state.i18n.with_arg(
                    language,
                    "employment-training-until",
                    "date",
                    &format!("{course}: {}", date_words(e)),
                ),
                None => course,
            }
        })
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    let entries = state.store.employments(&scope).await?;
    let employer = has_employer_duties(scope.roles());
    let coop = scope.coop_id().to_string();
    if !employer
        && let Some(own) = entries.iter().find_map(|e| match e {
            EmploymentEntry::Full(r) => Some(r.id.as_str().to_owned()),
            EmploymentEntry::Supported(_) => None,
        })
    {
        return Ok(Redirect::to(&pa_link(&coop, &own)).into_response());
    }
    let language = viewer.language;
    let mut rows = Vec::new();
    let mut supporting = Vec::new();
    for entry in &entries {
        match entry {
            EmploymentEntry::Full(r) => rows.push(PaRow {
                link: pa_link(&coop, r.id.as_str()),
                name: r.employment.name.as_str().to_owned(),
                job_title: r.employment.job_title.as_str().to_owned(),
                started: date_words(r.employment.start),
                ended: r
                    .employment
                    .ending
                    .map(|e| date_words(e.last_day))
                    .unwrap_or_default(),
            }),
            EmploymentEntry::Supported(pa) => supporting.push(SupportingRow {
                link: pa_link(&coop, pa.id.as_str()),
                name: pa.name.as_str().to_owned(),
                welsh: state.i18n.text(
                    language,
                    if pa.welsh_speaker {
                        "employment-yes"
                    } else {
                        "employment-no"
                    },
                ),
                training: training_lines(&state, language, pa),
            }),
        }
    }
    render(&ListPage {
        chrome: Chrome::new(&state, &viewer, "employment-title"),
        coop_id: coop,
        coop_name: scope.coop().name.clone(),
        employer,
        rows,
        supporting,
    })
}

// ---- Hiring ------------------------------------------------------------------

#[derive(Template)]
#[template(path = "employment/hire.html")]
struct HirePage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    members: Vec<(String, String)>,
    typed: Typed,
    /// Where the form goes: hiring, or changing one PA's record.
    action: String,
    /// The page's heading, the button's words and the introduction.
    heading: String,
    button: String,
    intro: String,
}

/// The hire form as a browser sends it: the fields, and a box for Welsh.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct HireForm {
    #[serde(flatten)]
    fields: HireFields,
    welsh_speaker: String,
    /// A box ticked, as a browser sends it; read into `fields` before use.
    postgraduate_loan: String,
}

impl HireForm {
    /// The fields as the command reads them, with the boxes ticked.
    fn fields(&self) -> HireFields {
        HireFields {
            postgraduate_loan: !self.postgraduate_loan.is_empty(),
            ..self.fields.clone()
        }
    }
}

impl HirePage {
    /// The choices of one of the form's lists, in the viewer's words.
    fn options(&self, list: &str) -> Vec<(String, String)> {
        let codes: &[&str] = match list {
            "account" => {
                let mut out = vec![(String::new(), self.chrome.t("employment-no-account"))];
                out.extend(self.members.iter().cloned());
                return out;
            }
            "household" => &["unrelated", "relative"],
            "engagement" => &["employee", "self_employed", "agency"],
            "hours" => &["fixed", "part_year", "irregular"],
            "pay_frequency" => &["weekly", "two_weekly", "four_weekly", "monthly"],
            "starter" => &["A", "B", "C", "p45"],
            "pension" => &["assess", "opted_in", "opted_out", "postponed"],
            "student_loan" => &["none", "plan_1", "plan_2", "plan_4", "plan_5"],
            _ => &[],
        };
        codes
            .iter()
            .map(|code| {
                let id = match list {
                    "pay_frequency" => format!("employment-frequency-{code}"),
                    "pension" => format!("employment-pension-{code}"),
                    "student_loan" => format!("employment-student-loan-{}", code.replace('_', "-")),
                    other => format!("employment-{}-{code}", other.replace('_', "-")),
                };
                ((*code).to_owned(), self.chrome.t(&id))
            })
            .collect()
    }
}

async fn hire_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    typed: Typed,
) -> Result<HirePage, AppError> {
    let members = state.store.members(scope).await?;
    let mut chrome = Chrome::new(state, viewer, "employment-hire-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(HirePage {
        heading: chrome.t("employment-hire-title"),
        button: chrome.t("employment-hire-button"),
        intro: chrome.t("employment-hire-intro"),
        errors,
        action: format!("/coops/{}/employment", scope.coop_id()),
        coop_id: scope.coop_id().to_string(),
        members: members
            .iter()
            .map(|m| (m.account.to_string(), m.name.clone()))
            .collect(),
        typed,
        chrome,
    })
}

/// The hire form as the form to change one PA's record.
async fn edit_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &str,
    errors: Problems,
    typed: Typed,
) -> Result<HirePage, AppError> {
    let mut page = hire_page(state, viewer, scope, errors, typed).await?;
    page.heading = page.chrome.t("employment-edit-title");
    page.chrome.title = if page.errors.is_empty() {
        page.heading.clone()
    } else {
        format!("{} {}", page.chrome.t("error-title-prefix"), page.heading)
    };
    page.action = format!("{}/edit", pa_link(scope.coop_id().as_str(), pa));
    page.button = page.chrome.t("employment-edit-button");
    page.intro = page.chrome.t("employment-edit-intro");
    Ok(page)
}

pub async fn edit_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    let employment = cylch_store::EmploymentId::parse(&pa).ok_or(AppError::NOT_FOUND)?;
    let record = match state.store.employment(&scope, &employment).await {
        Ok(EmploymentEntry::Full(record)) => record,
        Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
        _ => return Err(AppError::NOT_FOUND),
    };
    let yes = |on: bool| if on { "yes".to_owned() } else { String::new() };
    let form = HireForm {
        fields: commands::HireFields::of(&record),
        welsh_speaker: yes(record.details.welsh_speaker),
        postgraduate_loan: yes(record.details.postgraduate_loan),
    };
    render(
        &edit_page(
            &state,
            &viewer,
            &scope,
            &pa,
            Problems::default(),
            Typed::of(&form),
        )
        .await?,
    )
}

pub async fn edit(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<HireForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    let changed = commands::update(
        &state,
        &scope,
        &pa,
        &form.fields(),
        !form.welsh_speaker.is_empty(),
        viewer.language,
    )
    .await;
    match changed {
        Ok(()) => Ok(Redirect::to(&pa_link(scope.coop_id().as_str(), &pa)).into_response()),
        Err(Refused::Fields(errors)) => render_invalid(
            &edit_page(&state, &viewer, &scope, &pa, errors, Typed::of(&form)).await?,
        ),
        Err(Refused::Rule(refusal)) => {
            refusal.to_page(&state, &viewer, &pa_link(scope.coop_id().as_str(), &pa))
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn hire_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    render(
        &hire_page(
            &state,
            &viewer,
            &scope,
            Problems::default(),
            Typed::default(),
        )
        .await?,
    )
}

pub async fn hire(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<HireForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    let hired = commands::hire(
        &state,
        &scope,
        &form.fields(),
        !form.welsh_speaker.is_empty(),
        viewer.language,
    )
    .await;
    let errors = match hired {
        Ok(record) => {
            return Ok(
                Redirect::to(&pa_link(scope.coop_id().as_str(), record.id.as_str()))
                    .into_response(),
            );
        }
        Err(Refused::Fields(errors)) => errors,
        Err(Refused::Rule(refusal)) => {
            return refusal.to_page(&state, &viewer, &format!("/coops/{id}/employment/hire"));
        }
        Err(Refused::Failed(err)) => return Err(err),
    };
    render_invalid(&hire_page(&state, &viewer, &scope, errors, Typed::of(&form)).await?)
}

// ---- A PA's record -----------------------------------------------------------

pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct WorksWithRow {
    pub id: String,
    pub name: String,
    pub medication: String,
    pub payable: String,
}

pub struct StatementRow {
    pub version: i64,
    pub language: String,
    pub issued: String,
    pub acknowledged: String,
    pub can_acknowledge: bool,
    pub pdf: String,
}

pub struct CheckRow {
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "employment/record.html")]
struct RecordPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    pa_id: String,
    name: String,
    employer: bool,
    own: bool,
    ended: bool,
    facts: Vec<Fact>,
    ni_number: String,
    can_reveal: bool,
    revealed: bool,
    works_with: Vec<WorksWithRow>,
    people: Vec<(String, String)>,
    checks: Vec<CheckRow>,
    shift_date: String,
    shift_date_words: String,
    missing: Vec<String>,
    statements: Vec<StatementRow>,
    awaiting_authorisation: bool,
    rtw_methods: Vec<(String, String)>,
    courses: Vec<(String, String)>,
    end_reasons: Vec<(String, String)>,
    typed: Typed,
    pa_language: String,
    /// The working-time limits the rota applies to this PA, in words.
    working_time: Vec<String>,
    /// The day the PA signed an opt-out of the 48-hour average, if one stands.
    opted_out: Option<String>,
}

#[derive(Template)]
#[template(path = "employment/supporting.html")]
struct SupportingPage {
    chrome: Chrome,
    coop_id: String,
    pa_id: String,
    name: String,
    welsh: String,
    training: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RecordQuery {
    /// The day to check the PA is fit for a shift on.
    date: String,
    /// The whole NI number, once asked for with the button that audits
    /// each showing; never read from the address.
    #[serde(skip)]
    revealed: Option<String>,
}

fn hours_words(chrome: &Chrome, hours: Hours) -> String {
    match hours {
        Hours::Irregular => chrome.t("employment-value-hours-irregular"),
        Hours::Fixed {
            weekly,
            days_per_week,
            part_year,
        } => {
            let mut s = format!(
                "{} / {}",
                chrome.t1("employment-hours-weekly", "hours", &tenths(weekly)),
                chrome.t1("employment-hours-days", "days", &tenths(days_per_week)),
            );
            if part_year {
                s.push(' ');
                s.push_str(&chrome.t("employment-value-part-year"));
            }
            s
        }
    }
}

fn checks_rows(state: &AppState, chrome: &Chrome, checks: &Checks) -> Vec<CheckRow> {
    let language = chrome.lang;
    let none = chrome.t("employment-check-none");
    let mut rows = Vec::new();
    rows.push(CheckRow {
        label: chrome.t("employment-check-right-to-work"),
        value: match &checks.right_to_work {
            None => none.clone(),
            Some(r) => {
                let method = match r.method {
                    RightToWorkMethod::ManualDocument => "manual_document",
                    RightToWorkMethod::HomeOfficeOnline => "home_office_online",
                    RightToWorkMethod::IdentityServiceProvider => "identity_service_provider",
                };
                let limit = match r.limit {
                    RightToWorkLimit::Unlimited => chrome.t("employment-rtw-unlimited"),
                    RightToWorkLimit::Until(d) => {
                        chrome.t1("employment-rtw-until", "date", &date_words(d))
                    }
                };
                format!(
                    "{}; {} {} ({}); {limit}",
                    chrome.t(&format!("employment-rtw-{method}")),
                    chrome.t("employment-checked-on"),
                    date_words(r.checked_on),
                    r.checked_by.as_str(),
                )
            }
        },
    });
    rows.push(CheckRow {
        label: chrome.t("employment-check-dbs"),
        value: match &checks.dbs {
            None => none.clone(),
            Some(d) => {
                let cert = d.certificate.as_str();
                let mut s = format!(
                    "{} ••••••••{}; {} {}; {}: {}",
                    chrome.t("employment-dbs-certificate"),
                    cert.get(8..).unwrap_or(""),
                    chrome.t("employment-issued-on"),
                    date_words(d.issued),
                    chrome.t("employment-dbs-barred-list"),
                    yes_no(chrome, d.adults_barred_list),
                );
                if let Some(us) = d.update_service {
                    let outcome = match us.outcome {
                        StatusOutcome::NoNewInformation => "employment-dbs-no-new-information",
                        StatusOutcome::NewInformation => "employment-dbs-new-information",
                    };
                    s.push_str(&format!(
                        "; {} {} ({})",
                        chrome.t("employment-dbs-status-checked"),
                        date_words(us.last_status_check),
                        chrome.t(outcome)
                    ));
                }
                s
            }
        },
    });
    rows.push(CheckRow {
        label: chrome.t("employment-check-references"),
        value: if checks.references.is_empty() {
            none.clone()
        } else {
            checks
                .references
                .iter()
                .map(|r| {
                    format!(
                        "{} ({}, {})",
                        r.from.as_str(),
                        date_words(r.received),
                        chrome.t(if r.satisfactory {
                            "employment-reference-satisfactory"
                        } else {
                            "employment-reference-unsatisfactory"
                        })
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        },
    });
    rows.push(CheckRow {
        label: chrome.t("employment-check-training"),
        value: if checks.training.is_empty() {
            none.clone()
        } else {
            checks
                .training
                .iter()
                .map(|t| {
                    let course = course_words(state, language, t.course);
                    match t.expires {
                        Some(e) => format!(
                            "{course} ({}, {})",
                            date_words(t.completed),
                            chrome.t1("employment-training-until", "date", &date_words(e))
                        ),
                        None => format!("{course} ({})", date_words(t.completed)),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        },
    });
    rows.push(CheckRow {
        label: chrome.t("employment-check-statement"),
        value: match checks.statement_signed {
            Some(d) => chrome.t1("employment-statement-signed-on", "date", &date_words(d)),
            None => none.clone(),
        },
    });
    rows.push(CheckRow {
        label: chrome.t("employment-check-insurance"),
        value: match &checks.employers_liability {
            None => none,
            Some(i) => format!(
                "{}, {}; {}; {} – {}",
                i.insurer.as_str(),
                i.policy.as_str(),
                pounds(i.cover),
                date_words(i.starts),
                date_words(i.expires)
            ),
        },
    });
    rows
}

fn facts(chrome: &Chrome, r: &EmploymentRecord) -> Vec<Fact> {
    let e = &r.employment;
    let fact = |label: &str, value: String| Fact {
        label: chrome.t(label),
        value,
    };
    let mut out = vec![
        fact(
            "employment-field-job-title",
            e.job_title.as_str().to_owned(),
        ),
        fact(
            "employment-field-duties",
            r.details
                .duties
                .as_ref()
                .map(|d| d.as_str().to_owned())
                .unwrap_or_default(),
        ),
        fact("employment-field-start", date_words(e.start)),
        fact("employment-field-born", date_words(e.born)),
        fact(
            "employment-field-address",
            r.details.address.as_str().to_owned(),
        ),
        fact(
            "employment-field-place-of-work",
            e.place_of_work.as_str().to_owned(),
        ),
        fact("employment-field-hours", hours_words(chrome, e.hours)),
        fact(
            "employment-field-rates",
            format!(
                "{} {}; {} {}; {} {}; {} {}; {} {}",
                chrome.t("employment-rate-day"),
                pounds(e.rates.day),
                chrome.t("employment-rate-night"),
                pounds(e.rates.night),
                chrome.t("employment-rate-weekend"),
                pounds(e.rates.weekend),
                chrome.t("employment-rate-bank-holiday"),
                pounds(e.rates.bank_holiday),
                chrome.t("employment-rate-sleep-in"),
                pounds(e.rates.sleep_in_per_night),
            ),
        ),
        fact(
            "employment-field-pay-frequency",
            chrome.t(&format!(
                "employment-frequency-{}",
                match e.pay_frequency {
                    cylch_payroll::Frequency::Weekly => "weekly",
                    cylch_payroll::Frequency::TwoWeekly => "two_weekly",
                    cylch_payroll::Frequency::FourWeekly => "four_weekly",
                    cylch_payroll::Frequency::Monthly => "monthly",
                }
            )),
        ),
        fact(
            "employment-field-tax-code",
            r.details
                .tax_code
                .map(|c| c.to_string())
                .unwrap_or_default(),
        ),
        fact(
            "employment-field-student-loan",
            format!(
                "{}{}",
                chrome.t(&format!(
                    "employment-student-loan-{}",
                    r.details
                        .student_loan
                        .map_or("none", |l| l.code())
                        .replace('_', "-")
                )),
                if r.details.postgraduate_loan {
                    format!("; {}", chrome.t("employment-field-postgraduate-loan"))
                } else {
                    String::new()
                }
            ),
        ),
        fact(
            "employment-field-pension",
            chrome.t(&format!(
                "employment-pension-{}",
                e.pension.code().replace('-', "_")
            )),
        ),
        fact(
            "employment-field-welsh-speaker",
            yes_no(chrome, r.details.welsh_speaker),
        ),
        fact(
            "employment-field-household",
            match &e.household {
                Household::Unrelated => chrome.t("employment-household-unrelated"),
                Household::RelativeInSameHousehold {
                    authorisation: None,
                } => chrome.t("employment-household-awaiting"),
                Household::RelativeInSameHousehold {
                    authorisation: Some(a),
                } => format!(
                    "{} ({}, {})",
                    chrome.t("employment-household-authorised"),
                    a.reference.as_str(),
                    date_words(a.date)
                ),
            },
        ),
    ];
    if let Some(ending) = e.ending {
        out.push(fact(
            "employment-field-last-day",
            format!(
                "{} ({})",
                date_words(ending.last_day),
                chrome.t(&format!("employment-end-{}", ending.reason.code()))
            ),
        ));
    }
    out
}

#[allow(clippy::too_many_arguments)]
/// A PA's record page again, with the problems of a form sent from it.
pub(crate) async fn record_with_problems(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &str,
    errors: Problems,
) -> Result<Response, AppError> {
    record_page(
        state,
        viewer,
        scope,
        pa,
        RecordQuery::default(),
        errors,
        Typed::default(),
    )
    .await
}

async fn record_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &str,
    query: RecordQuery,
    errors: Problems,
    typed: Typed,
) -> Result<Response, AppError> {
    let id = cylch_store::EmploymentId::parse(pa).ok_or(AppError::NOT_FOUND)?;
    let entry = match state.store.employment(scope, &id).await {
        Ok(entry) => entry,
        Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
        Err(_) => return Err(AppError::NOT_FOUND),
    };
    let language = viewer.language;
    let coop_id = scope.coop_id().to_string();
    let record = match entry {
        EmploymentEntry::Supported(pa) => {
            let chrome = Chrome::new(state, viewer, "employment-pa-title");
            let page = SupportingPage {
                chrome,
                coop_id,
                pa_id: pa.id.as_str().to_owned(),
                name: pa.name.as_str().to_owned(),
                welsh: state.i18n.text(
                    language,
                    if pa.welsh_speaker {
                        "employment-yes"
                    } else {
                        "employment-no"
                    },
                ),
                training: training_lines(state, language, &pa),
            };
            // A form of the whole record sent by someone who sees it
            // limited: its problems are not theirs to mend here.
            return if errors.is_empty() {
                render(&page)
            } else {
                render_invalid(&page)
            };
        }
        EmploymentEntry::Full(record) => record,
    };
    let employer = has_employer_duties(scope.roles());
    let own = record.details.account.as_ref() == Some(scope.account());
    let mut chrome = Chrome::new(state, viewer, "employment-pa-title");
    chrome.title = record.employment.name.as_str().to_owned();
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let today = commands::today(state)?;
    let shift_day = commands::day(&query.date).unwrap_or(today);
    let missing = match state.store.fit_for_shift(scope, &id, shift_day).await {
        Ok(m) => m,
        Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
        Err(_) => return Err(AppError::NOT_FOUND),
    };
    let checks = match state.store.checks_for(scope, &id).await {
        Ok(c) => c,
        Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
        Err(_) => return Err(AppError::NOT_FOUND),
    };
    let versions = match state.store.statements(scope, &id).await {
        Ok(v) => v,
        Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
        Err(_) => return Err(AppError::NOT_FOUND),
    };
    let mut works_with = Vec::new();
    for w in &record.works_with {
        let payable = match state.store.payable_from(scope, &id, &w.person).await {
            Ok(()) => chrome.t("employment-payable-yes"),
            Err(NotPayable::NeedsCouncilAuthorisation) => {
                chrome.t("employment-payable-needs-authorisation")
            }
            Err(NotPayable::Store(err)) => return Err(err.into()),
            Err(_) => chrome.t("employment-payable-no"),
        };
        works_with.push(WorksWithRow {
            id: w.person.clone(),
            name: w.name.clone(),
            medication: yes_no(&chrome, w.needs_medication),
            payable,
        });
    }
    let people = if employer {
        let (people, _) = state.store.support_register(scope).await?;
        people
            .into_iter()
            .filter(|p| p.ends_on.is_none())
            .map(|p| (p.id, p.name))
            .collect()
    } else {
        Vec::new()
    };
    let revealed = query.revealed.is_some();
    let ni_number = match (&record.employment.ni_number, query.revealed) {
        (None, _) => chrome.t("employment-ni-none"),
        (Some(_), Some(full)) => full,
        (Some(n), None) => n.masked(),
    };
    let pa_language = match &record.details.account {
        Some(account) => state
            .store
            .account(account)
            .await?
            .map_or(Language::En, |a| a.language),
        None if record.details.welsh_speaker => Language::Cy,
        None => Language::En,
    };
    let statements = versions
        .iter()
        .map(|v| StatementRow {
            version: v.version,
            language: chrome.t(&format!("employment-language-{}", v.language.code())),
            issued: chrome.when(&v.issued_at_ms),
            acknowledged: v
                .acknowledged_at_ms
                .map(|at| chrome.when(&at))
                .unwrap_or_default(),
            can_acknowledge: own && v.acknowledged_at_ms.is_none(),
            pdf: format!(
                "{}/statement.pdf?version={}",
                pa_link(&coop_id, id.as_str()),
                v.version
            ),
        })
        .collect();
    let page = RecordPage {
        facts: facts(&chrome, &record),
        checks: checks_rows(state, &chrome, &checks),
        missing: missing
            .into_iter()
            .map(|m| missing_words(state, language, m))
            .collect(),
        shift_date: shift_day.to_string(),
        shift_date_words: date_words(shift_day),
        ni_number,
        can_reveal: (employer || own) && record.employment.ni_number.is_some(),
        revealed,
        works_with,
        people,
        statements,
        awaiting_authorisation: matches!(
            record.employment.household,
            Household::RelativeInSameHousehold {
                authorisation: None
            }
        ),
        rtw_methods: RTW_METHODS
            .iter()
            .map(|(code, _)| {
                (
                    code.to_string(),
                    chrome.t(&format!("employment-rtw-{code}")),
                )
            })
            .collect(),
        courses: COURSES
            .iter()
            .map(|c| (c.code().to_owned(), course_words(state, language, *c)))
            .collect(),
        end_reasons: END_REASONS
            .iter()
            .map(|r| {
                (
                    r.code().to_owned(),
                    chrome.t(&format!("employment-end-{}", r.code())),
                )
            })
            .collect(),
        ended: record.employment.ending.is_some(),
        name: record.employment.name.as_str().to_owned(),
        pa_id: id.as_str().to_owned(),
        coop_id,
        employer,
        own,
        errors,
        typed,
        pa_language: pa_language.code().to_owned(),
        working_time: crate::areas::employment::settings::pages::limits_in_words(
            state,
            language,
            &state.store.employer_settings(scope).await?.settings,
            record.employment.born,
            today,
        ),
        opted_out: match state.store.opt_out_of(scope, &id).await {
            Ok(signed) => signed.map(date_words),
            Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
            Err(_) => None,
        },
        chrome,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn record(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    Query(query): Query<RecordQuery>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    record_page(
        &state,
        &viewer,
        &scope,
        &pa,
        query,
        Problems::default(),
        Typed::default(),
    )
    .await
}

/// Shows the whole NI number to an officer with the employer's duties or
/// the PA, once for each press of the button, each showing audited.
pub async fn reveal_ni_number(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<crate::common::form::NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    let employment = cylch_store::EmploymentId::parse(&pa).ok_or(AppError::NOT_FOUND)?;
    let number = match state.store.reveal_ni_number(&scope, &employment).await {
        Ok(number) => number,
        Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
        Err(_) => return Err(AppError::NOT_FOUND),
    };
    record_page(
        &state,
        &viewer,
        &scope,
        &pa,
        RecordQuery {
            revealed: number.map(|n| n.full().to_owned()),
            ..RecordQuery::default()
        },
        Problems::default(),
        Typed::default(),
    )
    .await
}

/// After an action on a PA's record: back to it, or the record again with
/// the form's problems, or the refusal.
async fn answer<T>(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    pa: &str,
    outcome: Result<T, Refused>,
    typed: Typed,
    anchor: &str,
) -> Result<Response, AppError> {
    let link = pa_link(scope.coop_id().as_str(), pa);
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("{link}#{anchor}")).into_response()),
        Err(Refused::Fields(errors)) => {
            record_page(
                state,
                viewer,
                scope,
                pa,
                RecordQuery::default(),
                errors,
                typed,
            )
            .await
        }
        Err(Refused::Rule(refusal)) => refusal.to_page(state, viewer, &link),
        Err(Refused::Failed(err)) => Err(err),
    }
}

macro_rules! record_action {
    ($name:ident, $form:ty, $anchor:literal, |$state:ident, $scope:ident, $pa:ident, $f:ident, $lang:ident| $call:expr) => {
        pub async fn $name(
            State($state): State<AppState>,
            viewer: ViewerExt,
            Path((id, $pa)): Path<(String, String)>,
            CsrfForm($f): CsrfForm<$form>,
        ) -> Result<Response, AppError> {
            let $scope = scope_for(&$state, &viewer, &id, Action::ManageEmployment).await?;
            let $lang = viewer.language;
            let outcome = $call;
            answer(
                &$state,
                &viewer,
                &$scope,
                &$pa,
                outcome,
                Typed::of(&$f),
                $anchor,
            )
            .await
        }
    };
}

/// The forms on a PA's record, as a browser sends them.
#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct EndForm {
    last_day: String,
    reason: String,
}

record_action!(end, EndForm, "end", |state, scope, pa, f, lang| {
    commands::end_employment(
        &state,
        &scope,
        &pa,
        &EndFields {
            last_day: f.last_day.clone(),
            reason: f.reason.clone(),
        },
        lang,
    )
    .await
});

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct LinkForm {
    person: String,
    needs_medication: String,
}

record_action!(link, LinkForm, "works-with", |state, scope, pa, f, lang| {
    commands::link_person(
        &state,
        &scope,
        &pa,
        &LinkFields {
            person: f.person.clone(),
            needs_medication: !f.needs_medication.is_empty(),
        },
        lang,
    )
    .await
});

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct UnlinkForm {
    person: String,
}

record_action!(
    unlink,
    UnlinkForm,
    "works-with",
    |state, scope, pa, f, lang| {
        commands::unlink_person(&state, &scope, &pa, &f.person, lang).await
    }
);

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct AuthorisationForm {
    authorisation_date: String,
    authorisation_reference: String,
}

record_action!(
    authorise,
    AuthorisationForm,
    "authorisation",
    |state, scope, pa, f, lang| {
        commands::record_authorisation(
            &state,
            &scope,
            &pa,
            &AuthorisationFields {
                authorisation_date: f.authorisation_date.clone(),
                authorisation_reference: f.authorisation_reference.clone(),
            },
            lang,
        )
        .await
    }
);

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct RightToWorkForm {
    rtw_method: String,
    rtw_checked_on: String,
    rtw_checked_by: String,
    rtw_valid_until: String,
}

record_action!(
    right_to_work,
    RightToWorkForm,
    "checks",
    |state, scope, pa, f, lang| {
        commands::record_right_to_work(
            &state,
            &scope,
            &pa,
            &RightToWorkFields {
                rtw_method: f.rtw_method.clone(),
                rtw_checked_on: f.rtw_checked_on.clone(),
                rtw_checked_by: f.rtw_checked_by.clone(),
                rtw_valid_until: f.rtw_valid_until.clone(),
            },
            lang,
        )
        .await
    }
);

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct DbsForm {
    dbs_certificate: String,
    dbs_issued: String,
    dbs_barred_list: String,
    dbs_status_checked_on: String,
    dbs_status_outcome: String,
}

record_action!(dbs, DbsForm, "checks", |state, scope, pa, f, lang| {
    commands::record_dbs(
        &state,
        &scope,
        &pa,
        &DbsFields {
            dbs_certificate: f.dbs_certificate.clone(),
            dbs_issued: f.dbs_issued.clone(),
            dbs_barred_list: !f.dbs_barred_list.is_empty(),
            dbs_status_checked_on: f.dbs_status_checked_on.clone(),
            dbs_status_outcome: f.dbs_status_outcome.clone(),
        },
        lang,
    )
    .await
});

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct ReferenceForm {
    referee: String,
    reference_received: String,
    reference_satisfactory: String,
}

record_action!(
    reference,
    ReferenceForm,
    "checks",
    |state, scope, pa, f, lang| {
        commands::record_reference(
            &state,
            &scope,
            &pa,
            &ReferenceFields {
                referee: f.referee.clone(),
                reference_received: f.reference_received.clone(),
                reference_satisfactory: !f.reference_satisfactory.is_empty(),
            },
            lang,
        )
        .await
    }
);

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct TrainingForm {
    course: String,
    training_completed: String,
    training_expires: String,
}

record_action!(
    training,
    TrainingForm,
    "checks",
    |state, scope, pa, f, lang| {
        commands::record_training(
            &state,
            &scope,
            &pa,
            &TrainingFields {
                course: f.course.clone(),
                training_completed: f.training_completed.clone(),
                training_expires: f.training_expires.clone(),
            },
            lang,
        )
        .await
    }
);

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct StatementForm {
    employer_address: String,
    statement_language: String,
}

record_action!(
    issue_statement,
    StatementForm,
    "statements",
    |state, scope, pa, f, lang| {
        commands::issue_statement(
            &state,
            &scope,
            &pa,
            &StatementFields {
                employer_address: f.employer_address.clone(),
                statement_language: f.statement_language.clone(),
            },
            lang,
        )
        .await
    }
);

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct AcknowledgeForm {
    version: String,
}

/// The PA acknowledges a version of their statement (no office needed:
/// the store allows only the PA themself).
pub async fn acknowledge(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<AcknowledgeForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    let outcome =
        commands::acknowledge_statement(&state, &scope, &pa, &form.version, viewer.language).await;
    answer(
        &state,
        &viewer,
        &scope,
        &pa,
        outcome,
        Typed::default(),
        "statements",
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PdfQuery {
    /// The version; the latest when absent.
    version: String,
}

/// A version of the statement as a tagged PDF, for the officers and the PA.
pub async fn statement_pdf(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    Query(query): Query<PdfQuery>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    let pa_id = cylch_store::EmploymentId::parse(&pa).ok_or(AppError::NOT_FOUND)?;
    let record = match commands::full_record(&state, &scope, &pa_id).await {
        Ok(r) => r,
        Err(Refused::Failed(err)) => return Err(err),
        Err(_) => return Err(AppError::NOT_FOUND),
    };
    let versions = match state.store.statements(&scope, &pa_id).await {
        Ok(v) => v,
        Err(cylch_store::employment::EmploymentError::Store(err)) => return Err(err.into()),
        Err(_) => return Err(AppError::NOT_FOUND),
    };
    let found = match query.version.trim() {
        "" => versions.last(),
        raw => {
            let version: i64 = raw.parse().map_err(|_| AppError::NOT_FOUND)?;
            versions.iter().find(|v| v.version == version)
        }
    }
    .ok_or(AppError::NOT_FOUND)?;
    let version = found.version;
    let bytes = statement::pdf_bytes(
        &state,
        &scope.coop().name,
        record.employment.name.as_str(),
        found,
    )
    .await?;
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"statement-{version}.pdf\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

// ---- The dashboard and insurance -----------------------------------------

pub struct DueRow {
    pub name: String,
    pub link: String,
    pub what: String,
    pub last_day: String,
    pub overdue: bool,
}

#[derive(Template)]
#[template(path = "employment/due.html")]
struct DuePage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    employer: bool,
    rows: Vec<DueRow>,
    typed: Typed,
}

async fn due_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    typed: Typed,
) -> Result<Response, AppError> {
    let due = state.store.due_within(scope, DASHBOARD_DAYS).await?;
    let today = commands::today(state)?;
    let coop_id = scope.coop_id().to_string();
    let language = viewer.language;
    let mut chrome = Chrome::new(state, viewer, "employment-due-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let rows = due
        .iter()
        .map(|d| DueRow {
            name: d
                .name
                .clone()
                .unwrap_or_else(|| chrome.t("employment-due-the-coop")),
            link: d
                .employment
                .as_ref()
                .map(|e| pa_link(&coop_id, e.as_str()))
                .unwrap_or_default(),
            what: due_words(state, language, d.due.item),
            last_day: date_words(d.due.last_valid_day),
            overdue: d.due.last_valid_day < today,
        })
        .collect();
    let page = DuePage {
        chrome,
        employer: has_employer_duties(scope.roles()),
        coop_id,
        rows,
        typed,
        errors,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn due(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewEmployment).await?;
    due_page(
        &state,
        &viewer,
        &scope,
        Problems::default(),
        Typed::default(),
    )
    .await
}

#[derive(Deserialize, Serialize, Default)]
#[serde(default)]
pub struct InsuranceForm {
    insurer: String,
    policy: String,
    cover: String,
    insurance_starts: String,
    insurance_expires: String,
}

pub async fn insurance(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<InsuranceForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageEmployment).await?;
    let outcome = commands::record_insurance(
        &state,
        &scope,
        &InsuranceFields {
            insurer: form.insurer.clone(),
            policy: form.policy.clone(),
            cover: form.cover.clone(),
            insurance_starts: form.insurance_starts.clone(),
            insurance_expires: form.insurance_expires.clone(),
        },
        viewer.language,
    )
    .await;
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/coops/{id}/employment/due")).into_response()),
        Err(Refused::Fields(errors)) => {
            due_page(&state, &viewer, &scope, errors, Typed::of(&form)).await
        }
        Err(Refused::Rule(refusal)) => {
            refusal.to_page(&state, &viewer, &format!("/coops/{id}/employment/due"))
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// This area's pages.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/employment", list),
        route("POST", "/coops/{id}/employment", hire),
        route("GET", "/coops/{id}/employment/hire", hire_form),
        route("GET", "/coops/{id}/employment/due", due),
        route("POST", "/coops/{id}/employment/insurance", insurance),
        route("GET", "/coops/{id}/employment/{pa}", record),
        route("GET", "/coops/{id}/employment/{pa}/edit", edit_form),
        route("POST", "/coops/{id}/employment/{pa}/edit", edit),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/ni-number",
            reveal_ni_number,
        ),
        route("POST", "/coops/{id}/employment/{pa}/end", end),
        route("POST", "/coops/{id}/employment/{pa}/people", link),
        route("POST", "/coops/{id}/employment/{pa}/people/remove", unlink),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/authorisation",
            authorise,
        ),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/right-to-work",
            right_to_work,
        ),
        route("POST", "/coops/{id}/employment/{pa}/dbs", dbs),
        route("POST", "/coops/{id}/employment/{pa}/references", reference),
        route("POST", "/coops/{id}/employment/{pa}/training", training),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/statements",
            issue_statement,
        ),
        route(
            "POST",
            "/coops/{id}/employment/{pa}/statements/acknowledge",
            acknowledge,
        ),
        route(
            "GET",
            "/coops/{id}/employment/{pa}/statement.pdf",
            statement_pdf,
        ),
    ]
}

//! Who the co-operative gives care and support to, and the four-person rule.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::CoopKind;
use cylch_domain::policy::Action;
use cylch_governance::support::{CapacityRules, CiwRegistration};
use cylch_store::support::{END_REASONS, SupportedPerson, end_reason_code};
use cylch_store::{AccountId, CoopScope};
use serde::Deserialize;

use crate::AppState;
use crate::areas::support::commands::{
    AddSupportedPerson, EndSupport, Refused, add_supported_person, end_support,
};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::parse_date;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

/// A row of the register as the page shows it.
pub struct PlaceRow {
    pub id: String,
    pub name: String,
    pub link: String,
    pub starts_on: String,
    pub ends_on: String,
    pub end_reason: String,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "support/support.html")]
struct SupportPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    coop_name: String,
    provides_support: bool,
    summary: String,
    refusal: Vec<String>,
    rows: Vec<PlaceRow>,
    members: Vec<(String, String)>,
    end_reasons: Vec<(String, String)>,
    name: String,
    member: String,
    representative: String,
    starts_on: String,
    today: String,
    /// What was typed into one person's form to end their support, when it
    /// comes back with a problem.
    end_typed: Option<EndTyped>,
}

struct EndTyped {
    person: String,
    ends_on: String,
    reason: String,
}

impl SupportPage {
    /// The date shown in the form that ends `person`'s support.
    fn ends_on_value(&self, person: &str) -> &str {
        match &self.end_typed {
            Some(typed) if typed.person == person => &typed.ends_on,
            _ => &self.today,
        }
    }

    /// Whether `reason` is the one chosen in the form that ends `person`'s
    /// support.
    fn end_reason_chosen(&self, person: &str, reason: &str) -> bool {
        self.end_typed
            .as_ref()
            .is_some_and(|typed| typed.person == person && typed.reason == reason)
    }
}

/// What was typed into the add form.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AddForm {
    name: String,
    member: String,
    representative: String,
    starts_on: String,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    refusal: Vec<String>,
    typed: AddForm,
) -> Result<SupportPage, AppError> {
    let (people, ciw) = state.store.support_register(scope).await?;
    let members = state.store.members(scope).await?;
    let name_of = |id: &AccountId| {
        members
            .iter()
            .find(|m| &m.account == id)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    };
    let language = viewer.language;
    let i18n = &state.i18n;
    let rows = people
        .iter()
        .map(|p: &SupportedPerson| PlaceRow {
            id: p.id.clone(),
            name: p.name.clone(),
            link: match (&p.represented_by, &p.member_account) {
                (Some(rep), _) => {
                    i18n.with_arg(language, "support-represented-by", "name", &name_of(rep))
                }
                (None, Some(_)) => i18n.text(language, "support-is-member"),
                (None, None) => String::new(),
            },
            starts_on: p.starts_on.strftime("%d/%m/%Y").to_string(),
            ends_on: p
                .ends_on
                .map(|d| d.strftime("%d/%m/%Y").to_string())
                .unwrap_or_default(),
            end_reason: p
                .end_reason
                .map(|r| i18n.text(language, &format!("support-end-{}", end_reason_code(r))))
                .unwrap_or_default(),
            open: p.ends_on.is_none(),
        })
        .collect();
    let day = state.clock().today_in_wales();
    let in_use = people
        .iter()
        .filter(|p| p.starts_on <= day && p.ends_on.is_none_or(|e| day < e))
        .count();
    let kind = scope.coop().kind;
    let summary = match (&ciw, kind) {
        (_, CoopKind::PaCoop) => i18n.text(language, "support-pa-coop"),
        (Some(registration), _) => i18n.with_arg(
            language,
            "support-ciw-registered",
            "number",
            &registration.registration_number,
        ),
        (None, _) => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("count", i64::try_from(in_use).unwrap_or(0));
            args.set("limit", i64::from(CapacityRules::default().limit));
            i18n.format(language, "support-places-in-use", Some(&args))
        }
    };
    let mut chrome = Chrome::new(state, viewer, "support-title");
    if !errors.is_empty() || !refusal.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(SupportPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        provides_support: kind.provides_support(),
        summary,
        refusal,
        rows,
        members: members
            .iter()
            .map(|m| (m.account.to_string(), m.name.clone()))
            .collect(),
        end_reasons: END_REASONS
            .iter()
            .map(|r| {
                (
                    end_reason_code(*r).to_owned(),
                    i18n.text(language, &format!("support-end-{}", end_reason_code(*r))),
                )
            })
            .collect(),
        name: typed.name,
        member: typed.member,
        representative: typed.representative,
        starts_on: typed.starts_on,
        today: day.to_string(),
        end_typed: None,
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewSupportRegister).await?;
    render(
        &page(
            &state,
            &viewer,
            &scope,
            Problems::default(),
            Vec::new(),
            AddForm::default(),
        )
        .await?,
    )
}

pub async fn add(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<AddForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageSupport).await?;
    let added = add_supported_person(
        &state,
        &scope,
        AddSupportedPerson {
            name: &form.name,
            member_account: Some(&form.member),
            represented_by: Some(&form.representative),
            starts_on: &form.starts_on,
            language: viewer.language,
        },
    )
    .await;
    let (errors, lines) = match added {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/coops/{}/support", scope.coop_id())).into_response());
        }
        Err(Refused::Fields(problems)) => (on_page(&problems, Problems::default()), Vec::new()),
        Err(Refused::Rule { lines, .. }) => (Problems::default(), lines),
        Err(Refused::Failed(err)) => return Err(err),
    };
    render_invalid(&page(&state, &viewer, &scope, errors, lines, form).await?)
}

/// The problems as the page names its fields.
fn on_page(problems: &Problems, mut errors: Problems) -> Problems {
    for problem in problems.list() {
        let field = match problem.name {
            "member_account" => "member",
            "represented_by" => "representative",
            other => other,
        };
        errors.add(field, problem.message.clone());
    }
    errors
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EndForm {
    ends_on: String,
    reason: String,
}

pub async fn end(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, person)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<EndForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageSupport).await?;
    let ended = end_support(
        &state,
        &scope,
        EndSupport {
            person: &person,
            ends_on: &form.ends_on,
            reason: &form.reason,
            row: Some(&person),
            language: viewer.language,
        },
    )
    .await;
    let errors = match ended {
        Ok(()) => {
            return Ok(Redirect::to(&format!("/coops/{}/support", scope.coop_id())).into_response());
        }
        Err(Refused::Fields(errors)) => errors,
        Err(Refused::Rule { refusal, .. }) => {
            let mut errors = Problems::for_row(&person);
            errors.add(refusal.field.unwrap_or("ends_on"), refusal.code);
            errors
        }
        Err(Refused::Failed(err)) => return Err(err),
    };
    end_refused(&state, &viewer, &scope, errors, person, form).await
}

/// The register again with one person's form to end their support showing
/// its problems and what was typed.
async fn end_refused(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    person: String,
    form: EndForm,
) -> Result<Response, AppError> {
    let mut page = page(state, viewer, scope, errors, Vec::new(), AddForm::default()).await?;
    page.end_typed = Some(EndTyped {
        person,
        ends_on: form.ends_on,
        reason: form.reason,
    });
    render_invalid(&page)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CiwForm {
    registration_number: String,
    registered_on: String,
}

pub async fn record_ciw(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<CiwForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageSupport).await?;
    let mut errors = Problems::default();
    let number = errors.check(
        "registration_number",
        cylch_domain::parse_text(&form.registration_number, cylch_domain::Lines::One),
    );
    let on = errors.check("registered_on", parse_date(&form.registered_on));
    let (Some(number), Some(on)) = (number, on) else {
        return render_invalid(
            &page(
                &state,
                &viewer,
                &scope,
                errors,
                Vec::new(),
                AddForm::default(),
            )
            .await?,
        );
    };
    state
        .store
        .record_ciw_registration(
            &scope,
            &CiwRegistration {
                registration_number: number.to_owned(),
                registered_on: on,
            },
        )
        .await?;
    Ok(Redirect::to(&format!("/coops/{}/support", scope.coop_id())).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use cylch_domain::FieldError;

    #[test]
    fn dates_are_read_as_people_in_wales_write_them() {
        assert_eq!(parse_date("2026-04-06").unwrap().to_string(), "2026-04-06");
        assert_eq!(parse_date("6/4/2026").unwrap().to_string(), "2026-04-06");
        assert_eq!(
            parse_date(" 06.04.2026 ").unwrap().to_string(),
            "2026-04-06"
        );
        assert_eq!(parse_date(""), Err(FieldError::Missing));
        assert_eq!(parse_date("31/2/2026"), Err(FieldError::DateFormat));
        assert_eq!(parse_date("next Tuesday"), Err(FieldError::DateFormat));
    }
}

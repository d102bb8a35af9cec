//! What HMRC needs, in the pages: the employer's references and each PA's
//! gender as HMRC holds it, and a run's Full Payment Submission to
//! download (or, when something is missing, what to record first).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::policy::Action;
use cylch_payroll::rti::Gender;
use cylch_store::CoopScope;
use cylch_store::payroll::paye_text;

use crate::AppState;
use crate::areas::payroll::commands::{self, GenderFields, ReferenceFields, Refused};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, attachment, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

pub struct PaRow {
    pub id: String,
    pub name: String,
    /// `F`, `M` or empty when not recorded.
    pub gender: &'static str,
}

#[derive(Template)]
#[template(path = "payroll/hmrc.html")]
struct HmrcPage {
    chrome: Chrome,
    coop_id: String,
    typed: ReferenceFields,
    pas: Vec<PaRow>,
    errors: Problems,
    /// The PA whose gender form the errors are about.
    errors_for: String,
}

async fn hmrc_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    typed: Option<ReferenceFields>,
    errors: Problems,
    errors_for: String,
) -> Result<Response, AppError> {
    let details = state
        .store
        .hmrc_details(scope)
        .await
        .map_err(commands::read_failed)?;
    let typed = typed.unwrap_or_else(|| match &details.employer {
        Some(r) => ReferenceFields {
            paye_reference: paye_text(&r.paye),
            accounts_office_reference: r.accounts_office.as_str().to_owned(),
        },
        None => ReferenceFields::default(),
    });
    let mut chrome = Chrome::new(state, viewer, "payroll-hmrc-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let page = HmrcPage {
        chrome,
        coop_id: scope.coop_id().as_str().to_owned(),
        typed,
        pas: details
            .pas
            .into_iter()
            .map(|p| PaRow {
                id: p.employment.to_string(),
                name: p.name,
                gender: match p.gender {
                    Some(Gender::Female) => "F",
                    Some(Gender::Male) => "M",
                    None => "",
                },
            })
            .collect(),
        errors,
        errors_for,
    };
    if page.errors.is_empty() {
        render(&page)
    } else {
        render_invalid(&page)
    }
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    hmrc_page(
        &state,
        &viewer,
        &scope,
        None,
        Problems::default(),
        String::new(),
    )
    .await
}

pub async fn references(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ReferenceFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    let back = format!("/coops/{id}/payroll/hmrc");
    match commands::record_references(&state, &scope, &form, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&back).into_response()),
        Err(Refused::Fields(errors)) => {
            hmrc_page(&state, &viewer, &scope, Some(form), errors, String::new()).await
        }
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub async fn gender(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, pa)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<GenderFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    let back = format!("/coops/{id}/payroll/hmrc");
    match commands::record_gender(&state, &scope, &pa, &form, viewer.language).await {
        Ok(()) => Ok(Redirect::to(&format!("{back}#pas")).into_response()),
        Err(Refused::Fields(errors)) => hmrc_page(&state, &viewer, &scope, None, errors, pa).await,
        Err(Refused::Rule(refusal)) => refusal.to_page(&state, &viewer, &back),
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// The run's FPS as a file; when something HMRC needs is missing, a page
/// that says what, with the way to the form that records it.
pub async fn fps(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, run)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RunPayroll).await?;
    let run_id = commands::run_id(&run)?;
    match commands::fps_file(&state, &scope, &run_id, viewer.language).await {
        Ok(xml) => Ok(attachment("application/xml", format!("fps-{run}.xml"), xml)),
        Err(Refused::Rule(refusal)) => {
            refusal.to_page(&state, &viewer, &format!("/coops/{id}/payroll/hmrc"))
        }
        Err(Refused::Fields(_)) => Err(AppError::NOT_FOUND),
        Err(Refused::Failed(err)) => Err(err),
    }
}

pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/payroll/hmrc", show),
        route("POST", "/coops/{id}/payroll/hmrc/employer", references),
        route("POST", "/coops/{id}/payroll/hmrc/pas/{pa}", gender),
        route("GET", "/coops/{id}/payroll/runs/{run}/fps", fps),
    ]
}

//! The registers of members and of officers: on a page that prints
//! cleanly, as CSV and as PDF. Former members keep their entries.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::FieldError;
use cylch_domain::policy::{self, Action};
use cylch_ledger::export::{Cell, to_csv};
use cylch_ledger::money::Pence;
use cylch_store::register::{CEASED_REASONS, MemberEntry, OfficerEntry, RegisterError};
use cylch_store::{AccountId, CoopScope};
use fluent_bundle::{FluentArgs, FluentValue};
use serde::Deserialize;

use crate::AppState;
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::{AppError, ErrorKind};
use crate::common::fields::parse_date;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;
use cylch_documents::{Column, Document, Orientation, Table, pdf};

pub struct MemberRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub postal_address: String,
    pub class: String,
    pub shares: i64,
    pub paid: String,
    pub admitted_on: String,
    pub ceased: String,
    pub current: bool,
    /// What the member's forms show: the entry as it is, or what was typed
    /// when a form comes back with a problem.
    pub address_input: String,
    pub shares_input: String,
    pub paid_input: String,
    pub ceased_on_input: String,
    pub reason_input: String,
}

/// What was typed into one member's form, shown again when it comes back
/// with a problem.
#[derive(Clone, Copy)]
enum Typed<'a> {
    Nothing,
    Details(&'a AccountId, &'a DetailsForm),
    Cease(&'a AccountId, &'a CeaseForm),
}

pub struct OfficerRow {
    pub name: String,
    pub postal_address: String,
    pub office: String,
    pub took_office: String,
    pub left_office: String,
}

#[derive(Template)]
#[template(path = "register/register.html")]
struct RegisterPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    coop_name: String,
    can_manage: bool,
    members: Vec<MemberRow>,
    officers: Vec<OfficerRow>,
    reasons: Vec<(String, String)>,
}

fn uk_date(date: Option<jiff::civil::Date>) -> String {
    date.map(|d| d.strftime("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

fn pounds(pence: i64) -> String {
    cylch_ledger::export::plain_money(Pence::new(pence))
}

fn member_row(state: &AppState, viewer: &Viewer, entry: &MemberEntry) -> MemberRow {
    let language = viewer.language;
    let paid = format!("£{}", pounds(entry.paid_pence));
    MemberRow {
        address_input: entry.postal_address.clone(),
        shares_input: entry.shares.to_string(),
        paid_input: paid.clone(),
        ceased_on_input: state.clock().today_in_wales().to_string(),
        reason_input: String::new(),
        id: entry.account.to_string(),
        name: entry.name.clone(),
        email: entry.email.clone(),
        postal_address: entry.postal_address.clone(),
        class: entry
            .class
            .map(|c| state.i18n.text(language, &format!("class-{}", c.code())))
            .unwrap_or_default(),
        shares: entry.shares,
        paid,
        admitted_on: uk_date(entry.admitted_on),
        ceased: match (&entry.ceased_on, &entry.ceased_reason) {
            (Some(on), Some(reason)) => {
                format!(
                    "{} ({})",
                    on.strftime("%d/%m/%Y"),
                    state
                        .i18n
                        .text(language, &format!("register-ceased-{reason}"))
                )
            }
            (Some(on), None) => on.strftime("%d/%m/%Y").to_string(),
            _ => String::new(),
        },
        current: entry.ceased_on.is_none(),
    }
}

fn officer_row(state: &AppState, viewer: &Viewer, entry: &OfficerEntry) -> OfficerRow {
    OfficerRow {
        name: entry.name.clone(),
        postal_address: entry.postal_address.clone(),
        office: state
            .i18n
            .text(viewer.language, &format!("office-{}", entry.office.code())),
        took_office: uk_date(Some(entry.took_office)),
        left_office: uk_date(entry.left_office),
    }
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    typed: Typed<'_>,
) -> Result<RegisterPage, AppError> {
    let members = state.store.register_of_members(scope).await?;
    let mut members: Vec<MemberRow> = members
        .iter()
        .map(|m| member_row(state, viewer, m))
        .collect();
    for row in &mut members {
        match typed {
            Typed::Details(member, form) if member.to_string() == row.id => {
                row.address_input = form.postal_address.clone();
                row.shares_input = form.shares.clone();
                row.paid_input = form.paid.clone();
            }
            Typed::Cease(member, form) if member.to_string() == row.id => {
                row.ceased_on_input = form.ceased_on.clone();
                row.reason_input = form.reason.clone();
            }
            _ => {}
        }
    }
    let officers = state.store.register_of_officers(scope).await?;
    let mut chrome = Chrome::new(state, viewer, "register-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(RegisterPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        can_manage: policy::decide(viewer.actor(), Some(scope.roles()), Action::ManageRegisters)
            .is_allowed(),
        members,
        officers: officers
            .iter()
            .map(|o| officer_row(state, viewer, o))
            .collect(),
        reasons: CEASED_REASONS
            .iter()
            .map(|r| {
                (
                    (*r).to_owned(),
                    state
                        .i18n
                        .text(viewer.language, &format!("register-ceased-{r}")),
                )
            })
            .collect(),
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRegisters).await?;
    render(&page(&state, &viewer, &scope, Problems::default(), Typed::Nothing).await?)
}

/// The register of members as a CSV file, safe to open in a spreadsheet.
pub async fn csv(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRegisters).await?;
    let members = state.store.register_of_members(&scope).await?;
    let t = |key: &str| state.i18n.text(viewer.language, key);
    let header = [
        t("col-name"),
        t("register-col-address"),
        t("register-col-email"),
        t("register-col-class"),
        t("register-col-shares"),
        t("register-col-paid"),
        t("register-col-admitted"),
        t("register-col-ceased"),
        t("register-col-reason"),
    ];
    let rows: Vec<Vec<Cell>> = members
        .iter()
        .map(|m| {
            vec![
                Cell::from(m.name.as_str()),
                Cell::from(m.postal_address.as_str()),
                Cell::from(m.email.as_str()),
                Cell::from(
                    m.class
                        .map(|c| t(&format!("class-{}", c.code())))
                        .unwrap_or_default(),
                ),
                Cell::from(m.shares.to_string()),
                Cell::from(Pence::new(m.paid_pence)),
                Cell::from(m.admitted_on.map(|d| d.to_string()).unwrap_or_default()),
                Cell::from(m.ceased_on.map(|d| d.to_string()).unwrap_or_default()),
                Cell::from(
                    m.ceased_reason
                        .as_deref()
                        .map(|r| t(&format!("register-ceased-{r}")))
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"register-of-members.csv\"".to_owned(),
            ),
        ],
        // A byte-order mark, so spreadsheets read Welsh letters as UTF-8.
        format!("\u{feff}{}", to_csv(&header, &rows)),
    )
        .into_response())
}

/// The register of officers, past and present, as a spreadsheet.
pub async fn officers_csv(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRegisters).await?;
    let officers = state.store.register_of_officers(&scope).await?;
    let t = |key: &str| state.i18n.text(viewer.language, key);
    let header = [
        t("col-name"),
        t("register-col-address"),
        t("register-col-office"),
        t("register-col-took-office"),
        t("register-col-left-office"),
    ];
    let rows: Vec<Vec<Cell>> = officers
        .iter()
        .map(|o| {
            vec![
                Cell::from(o.name.as_str()),
                Cell::from(o.postal_address.as_str()),
                Cell::from(t(&format!("office-{}", o.office.code()))),
                Cell::from(o.took_office.to_string()),
                Cell::from(o.left_office.map(|d| d.to_string()).unwrap_or_default()),
            ]
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"register-of-officers.csv\"".to_owned(),
            ),
        ],
        format!("\u{feff}{}", to_csv(&header, &rows)),
    )
        .into_response())
}

/// Both registers, current and former entries, as a PDF file to print,
/// send or keep with the society's records.
pub async fn pdf(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRegisters).await?;
    let members = state.store.register_of_members(&scope).await?;
    let officers = state.store.register_of_officers(&scope).await?;
    let language = viewer.language;
    let t = |key: &str| state.i18n.text(language, key);
    let members: Vec<Vec<String>> = members
        .iter()
        .map(|entry| {
            let m = member_row(&state, &viewer, entry);
            vec![
                m.name,
                m.postal_address,
                m.email,
                m.class,
                m.shares.to_string(),
                m.paid,
                m.admitted_on,
                m.ceased,
            ]
        })
        .collect();
    let officers: Vec<Vec<String>> = officers
        .iter()
        .map(|entry| {
            let o = officer_row(&state, &viewer, entry);
            vec![
                o.name,
                o.office,
                o.postal_address,
                o.took_office,
                o.left_office,
            ]
        })
        .collect();
    let today = state
        .clock()
        .today_in_wales()
        .strftime("%d/%m/%Y")
        .to_string();
    let document = Document {
        language,
        title: t("register-title"),
        subtitles: vec![scope.coop().name.clone()],
        generated: state
            .i18n
            .with_arg(language, "documents-made-on", "date", &today),
        orientation: Orientation::Landscape,
        tables: vec![
            Table {
                heading: t("register-members"),
                columns: vec![
                    Column::new(t("col-name"), 4),
                    Column::new(t("register-col-address"), 6),
                    Column::new(t("register-col-email"), 5),
                    Column::new(t("register-col-class"), 4),
                    Column::new(t("register-col-shares"), 2),
                    Column::new(t("register-col-paid"), 3),
                    Column::new(t("register-col-admitted"), 3),
                    Column::new(t("register-col-ceased"), 4),
                ],
                rows: members,
                row_headers: true,
                empty: t("register-pdf-no-members"),
            },
            Table {
                heading: t("register-officers"),
                columns: vec![
                    Column::new(t("col-name"), 4),
                    Column::new(t("register-col-office"), 3),
                    Column::new(t("register-col-address"), 6),
                    Column::new(t("register-col-took-office"), 3),
                    Column::new(t("register-col-left-office"), 3),
                ],
                rows: officers,
                row_headers: true,
                empty: t("register-pdf-no-officers"),
            },
        ],
    };
    let i18n = state.i18n.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        pdf::render(&document, |page, pages| {
            let mut args = FluentArgs::new();
            args.set("page", FluentValue::from(page));
            args.set("pages", FluentValue::from(pages));
            i18n.format(language, "documents-page-of", Some(&args))
        })
    })
    .await??;
    Ok((
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (
                CONTENT_DISPOSITION,
                "attachment; filename=\"registers.pdf\"".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailsForm {
    postal_address: String,
    shares: String,
    paid: String,
}

fn member_id(raw: &str) -> Result<AccountId, AppError> {
    AccountId::parse(raw).ok_or(AppError::NOT_FOUND)
}

pub async fn save_details(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, member)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<DetailsForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageRegisters).await?;
    let member = member_id(&member)?;
    let mut errors = Problems::for_row(&member);
    let shares = form.shares.trim().parse::<i64>().ok().filter(|s| *s >= 0);
    if shares.is_none() {
        errors.add("shares", "register-error-shares");
    }
    let paid = Pence::parse(form.paid.trim())
        .ok()
        .map(|p| p.get())
        .filter(|p| *p >= 0);
    if paid.is_none() {
        errors.add("paid", "register-error-paid");
    }
    if form.postal_address.chars().count() > 500 {
        errors.field("postal_address", FieldError::TooLong);
    }
    let typed = Typed::Details(&member, &form);
    let (Some(shares), Some(paid)) = (shares, paid) else {
        return render_invalid(&page(&state, &viewer, &scope, errors, typed).await?);
    };
    if !errors.is_empty() {
        return render_invalid(&page(&state, &viewer, &scope, errors, typed).await?);
    }
    match state
        .store
        .update_register_entry(&scope, &member, &form.postal_address, shares, paid)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/coops/{}/register", scope.coop_id())).into_response()),
        Err(RegisterError::NotAMember) => Err(AppError::NOT_FOUND),
        Err(RegisterError::Store(err)) => Err(err.into()),
        Err(RegisterError::Negative) => {
            errors.add("shares", "register-error-shares");
            render_invalid(&page(&state, &viewer, &scope, errors, typed).await?)
        }
        Err(RegisterError::UnknownReason | RegisterError::CeasesBeforeAdmitted) => {
            // Neither is asked of a register entry's details.
            Err(AppError::Kind(ErrorKind::BadRequest))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CeaseForm {
    ceased_on: String,
    reason: String,
}

pub async fn cease(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, member)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<CeaseForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageRegisters).await?;
    let member = member_id(&member)?;
    let mut errors = Problems::for_row(&member);
    let on = errors.check("ceased_on", parse_date(&form.ceased_on));
    let typed = Typed::Cease(&member, &form);
    let Some(on) = on else {
        return render_invalid(&page(&state, &viewer, &scope, errors, typed).await?);
    };
    match state
        .store
        .cease_membership(&scope, &member, on, form.reason.trim())
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("/coops/{}/register", scope.coop_id())).into_response()),
        Err(RegisterError::NotAMember) => Err(AppError::NOT_FOUND),
        Err(RegisterError::UnknownReason) => {
            errors.field("reason", FieldError::UnknownChoice);
            render_invalid(&page(&state, &viewer, &scope, errors, typed).await?)
        }
        Err(RegisterError::CeasesBeforeAdmitted) => {
            errors.add("ceased_on", "register-error-before-admitted");
            render_invalid(&page(&state, &viewer, &scope, errors, typed).await?)
        }
        Err(RegisterError::Store(err)) => Err(err.into()),
        Err(RegisterError::Negative) => {
            // Ceasing asks nothing about shares.
            Err(AppError::Kind(ErrorKind::BadRequest))
        }
    }
}

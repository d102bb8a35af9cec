//! Payments and their approval, openly: every claim with its category,
//! whose fund pays, who asked and who approved. Above the limit the
//! officers set, two officers must approve; nobody approves their own
//! claim (the ledger crate decides, the store keeps each approval and
//! audits it). An approved claim is paid once, by an entry in the books.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::FieldError;
use cylch_domain::policy::Action;
use cylch_ledger::approval::ClaimStatus;
use cylch_ledger::{Category, ChargeTo, Pence, PersonId};
use cylch_store::CoopScope;
use cylch_store::ledger::LedgerSettings;
use serde::Deserialize;

use super::{allowed, money, parse_money, required};
use crate::AppState;
use crate::areas::ledger::commands::{self, MakeClaim};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::parse_date;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Explain;
use crate::common::viewer::Viewer;

pub struct ClaimRow {
    pub id: String,
    pub description: String,
    pub category: String,
    pub amount: String,
    pub charged_to: String,
    pub claimant: String,
    pub approved_by: String,
    pub status: String,
    /// Approved and not yet paid.
    pub payable: bool,
    /// Still waiting for an approval.
    pub open: bool,
}

/// What was typed into whichever form came back with problems.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ClaimTyped {
    claim_description: String,
    claim_category: String,
    claim_amount: String,
    claim_charge_to: String,
    /// A shared claim's people, rule and shares, as on the spending form;
    /// read from the claim form's repeated fields, never by serde.
    #[serde(skip)]
    split: super::sharing::TypedSplit,
    claim: String,
    paid_on: String,
    limit: String,
    surplus_weeks: String,
}

impl ClaimTyped {
    /// The claim form, whose people ticked and shares come as repeated
    /// fields, which only a list of pairs keeps.
    fn from_pairs(pairs: &[(String, String)]) -> ClaimTyped {
        let mut form = ClaimTyped::default();
        for (key, value) in pairs {
            if form.split.take("claim_", key, value) {
                continue;
            }
            let value = value.clone();
            match key.as_str() {
                "claim_description" => form.claim_description = value,
                "claim_category" => form.claim_category = value,
                "claim_amount" => form.claim_amount = value,
                "claim_charge_to" => form.claim_charge_to = value,
                _ => {}
            }
        }
        form
    }
}

#[derive(Template)]
#[template(path = "ledger/claims.html")]
struct ClaimsPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    rows: Vec<ClaimRow>,
    limit: String,
    limit_field: String,
    weeks_field: String,
    /// A refused approval or payment names a claim not on the page.
    failed_elsewhere: bool,
    can_record: bool,
    can_approve: bool,
    people: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    typed: ClaimTyped,
    /// The claim whose approval or payment was refused.
    failed: String,
    today: String,
}

async fn claims_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    typed: ClaimTyped,
) -> Result<ClaimsPage, AppError> {
    let language = viewer.language;
    let t = |id: &str| state.i18n.text(language, id);
    let settings = state.store.ledger_settings(scope).await?;
    let members = state.store.members(scope).await?;
    let people = crate::common::whose::funds(state, scope).await?;
    let name_of_account = |id: &str| {
        members
            .iter()
            .find(|m| m.account.as_str() == id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| t("ledger-claim-former-member"))
    };
    let name_of_person = |p: &PersonId| {
        people
            .iter()
            .find(|(id, _)| id == p)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let rows: Vec<ClaimRow> = state
        .store
        .claims(scope)
        .await?
        .into_iter()
        .rev()
        .map(|c| {
            let status = match (&c.paid_by, &c.status) {
                (Some(_), _) => t("ledger-claim-paid"),
                (None, ClaimStatus::Approved) => t("ledger-claim-approved"),
                (None, ClaimStatus::AwaitingApproval { have, needed }) => {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("have", i64::try_from(*have).unwrap_or(0));
                    args.set("needed", i64::try_from(*needed).unwrap_or(0));
                    state
                        .i18n
                        .format(language, "ledger-claim-awaiting", Some(&args))
                }
            };
            ClaimRow {
                id: c.claim.id().to_owned(),
                description: c.claim.description().to_owned(),
                category: t(&format!("ledger-category-{}", c.claim.category().code())),
                amount: money(c.claim.amount()),
                charged_to: match &c.charge_to {
                    ChargeTo::General => t("ledger-charge-general"),
                    ChargeTo::Person { person } => name_of_person(person),
                    ChargeTo::Shared { rule } => rule
                        .people()
                        .into_iter()
                        .map(name_of_person)
                        .collect::<Vec<_>>()
                        .join(", "),
                },
                claimant: name_of_account(c.claimant.as_str()),
                approved_by: c
                    .claim
                    .approvals()
                    .iter()
                    .map(|a| name_of_account(a.as_str()))
                    .collect::<Vec<_>>()
                    .join(", "),
                status,
                payable: c.paid_by.is_none() && c.status == ClaimStatus::Approved,
                open: c.paid_by.is_none() && c.status != ClaimStatus::Approved,
            }
        })
        .collect();
    let mut chrome = Chrome::new(state, viewer, "ledger-claims-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let failed = typed.claim.clone();
    let failed_elsewhere = !rows.iter().any(|r: &ClaimRow| r.id == failed);
    let limit_field = if typed.limit.trim().is_empty() {
        limit_value(settings.two_officer_limit)
    } else {
        typed.limit.clone()
    };
    let weeks_field = if typed.surplus_weeks.trim().is_empty() {
        settings.surplus_weeks.to_string()
    } else {
        typed.surplus_weeks.clone()
    };
    Ok(ClaimsPage {
        limit_field,
        weeks_field,
        failed_elsewhere,
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        rows,
        limit: money(settings.two_officer_limit),
        can_record: allowed(viewer, scope, Action::RecordMoney),
        can_approve: allowed(viewer, scope, Action::ApprovePayment),
        people: people
            .into_iter()
            .map(|(id, name)| (id.as_str().to_owned(), name))
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| {
                (
                    c.code().to_owned(),
                    t(&format!("ledger-category-{}", c.code())),
                )
            })
            .collect(),
        typed,
        failed,
        today: state.clock().today_in_wales().to_string(),
    })
}

fn back(scope: &CoopScope) -> Response {
    Redirect::to(&format!("/coops/{}/ledger/claims", scope.coop_id())).into_response()
}

async fn invalid(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    typed: ClaimTyped,
) -> Result<Response, AppError> {
    render_invalid(&claims_page(state, viewer, scope, errors, typed).await?)
}

/// `GET /coops/{id}/ledger/claims`
pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewAllFunds).await?;
    render(
        &claims_page(
            &state,
            &viewer,
            &scope,
            Problems::default(),
            ClaimTyped::default(),
        )
        .await?,
    )
}

/// `POST /coops/{id}/ledger/claims`: a claim for money, in the signed-in
/// officer's name.
pub async fn make(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let form = ClaimTyped::from_pairs(&pairs);
    let mut errors = Problems::default();
    let description = required(&mut errors, "claim_description", &form.claim_description);
    let category = errors.check(
        "claim_category",
        Category::from_code(form.claim_category.trim()).ok_or(FieldError::UnknownChoice),
    );
    let amount = parse_money(&mut errors, "claim_amount", &form.claim_amount);
    let charge_to = match form.claim_charge_to.trim() {
        "general" => Some(ChargeTo::General),
        "shared" => match form.split.rule() {
            Ok(rule) => Some(ChargeTo::Shared { rule }),
            Err(message) => {
                errors.add("claim_shared_with", message);
                None
            }
        },
        other => match other.strip_prefix("person:").map(PersonId::new) {
            Some(Ok(person)) => Some(ChargeTo::Person { person }),
            _ => {
                errors.field("claim_charge_to", FieldError::UnknownChoice);
                None
            }
        },
    };
    let (Some(description), Some(category), Some(amount), Some(charge_to)) =
        (description, category, amount, charge_to)
    else {
        return invalid(&state, &viewer, &scope, errors, form).await;
    };
    let claim = MakeClaim {
        amount,
        category,
        description: &description,
        charge_to,
    };
    match commands::make_claim(&state, &scope, claim).await {
        Ok(_) => Ok(back(&scope)),
        Err(err) => {
            let refusal = err.explain(&state, viewer.language)?;
            errors.add("claim_amount", refusal.code);
            invalid(&state, &viewer, &scope, errors, form).await
        }
    }
}

/// `POST /coops/{id}/ledger/claims/approve`
pub async fn approve(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ClaimTyped>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ApprovePayment).await?;
    let mut errors = Problems::default();
    match commands::approve_claim(&state, &scope, &form.claim).await {
        Ok(_) => Ok(back(&scope)),
        Err(err) => {
            let refusal = err.explain(&state, viewer.language)?;
            errors.add("claim", refusal.code);
            invalid(&state, &viewer, &scope, errors, form).await
        }
    }
}

/// `POST /coops/{id}/ledger/claims/pay`: pays an approved claim from the
/// bank.
pub async fn pay(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ClaimTyped>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let mut errors = Problems::default();
    if form.claim.trim().is_empty() {
        errors.field("claim", FieldError::Missing);
    }
    let date = errors.check("paid_on", parse_date(&form.paid_on));
    let Some(date) = date.filter(|_| errors.is_empty()) else {
        return invalid(&state, &viewer, &scope, errors, form).await;
    };
    match commands::pay_claim(&state, &scope, &form.claim, date).await {
        Ok(_) => Ok(back(&scope)),
        Err(err) => {
            let refusal = err.explain(&state, viewer.language)?;
            errors.add(refusal.field.unwrap_or("paid_on"), refusal.code);
            invalid(&state, &viewer, &scope, errors, form).await
        }
    }
}

/// `POST /coops/{id}/ledger/settings`: the two-officer limit and the
/// surplus rule, as the officers set them.
pub async fn settings(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ClaimTyped>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ApprovePayment).await?;
    let mut errors = Problems::default();
    let limit = parse_money(&mut errors, "limit", &form.limit);
    let weeks = match form.surplus_weeks.trim().parse::<u32>() {
        Ok(weeks) if (1..=104).contains(&weeks) => Some(weeks),
        _ => {
            errors.add("surplus_weeks", "ledger-settings-weeks");
            None
        }
    };
    let (Some(two_officer_limit), Some(surplus_weeks)) = (limit, weeks) else {
        return invalid(&state, &viewer, &scope, errors, form).await;
    };
    state
        .store
        .set_ledger_settings(
            &scope,
            LedgerSettings {
                two_officer_limit,
                surplus_weeks,
            },
        )
        .await?;
    Ok(back(&scope))
}

/// The two-officer limit as a form shows it, without the pound sign.
pub fn limit_value(limit: Pence) -> String {
    money(limit).trim_start_matches('£').to_owned()
}

//! The co-operative's books through the API: money in pence, dates as
//! `YYYY-MM-DD`. Posted entries have no route that edits or deletes them; a
//! correction is a reversal (`POST …/ledger/reversals`) and a new entry.
//!
//! Who sees what: every member sees the co-operative's totals; a supported
//! person and their representative see their own fund; officers see every
//! fund, the journal and the bank, and record money.

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::{self, Action, Decision};
use cylch_domain::{FieldError, Language};
use cylch_ledger::bank::LayoutChoice;
use cylch_ledger::journal::PostedEntry;
use cylch_ledger::report::Period;
use cylch_ledger::{Arrangement, Category, ChargeTo, EntryId, Pence, PersonId, Schedule};
use cylch_store::CoopScope;
use cylch_store::accounts::Account;
use cylch_store::ledger::{LedgerError, StoredEntry, parse_frequency};
use cylch_store::people::PersonScope;
use jiff::civil::Date;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::ledger::commands::{
    self, MakeClaim, PostSpending, RecordReceipt, Refused, ReverseEntry, bank_line,
};
use crate::common::api::{ApiErrorBody, ApiErrorDetail, Caller, rejected, scope};
use crate::common::error::{AppError, ErrorKind};
use crate::common::fields::{parse_date, required};
use crate::common::problems::Problems;
use crate::common::refusal::Explain;

/// A refusal under the ledger's rules, as [`Explain`] says it: 422 with
/// its stable code, a sentence in the caller's language, and for a bank
/// file the line it is on; a problem with one input is a 422 naming the
/// field as the API calls it (`api_field`).
fn refused(
    state: &AppState,
    language: Language,
    refused: Refused,
    api_field: fn(&'static str) -> &'static str,
) -> Result<Response, AppError> {
    match refused {
        Refused::Field((field, code)) => {
            let mut invalid = Problems::default();
            invalid.add(api_field(field), code);
            Ok(invalid.respond(state, language))
        }
        Refused::Ledger(err) => {
            let line = bank_line(&err);
            let refusal = err.explain(state, language)?;
            let Some(line) = line else {
                return Ok(refusal.to_json());
            };
            let mut body = json!(ApiErrorBody {
                error: ApiErrorDetail {
                    code: refusal.code.to_owned(),
                    message: refusal.message,
                    fields: Vec::new(),
                },
            });
            body["error"]["line"] = json!(line);
            Ok((refusal.status, Json(body)).into_response())
        }
    }
}

/// The API's name of an input the commands name: amounts are in pence.
fn in_pence(field: &'static str) -> &'static str {
    match field {
        "amount" => "amount_pence",
        other => other,
    }
}

/// A ledger result as a response: refusals are 422, a missing record 404,
/// anything else a server error.
fn answer(
    state: &AppState,
    language: Language,
    result: Result<Response, LedgerError>,
) -> Result<Response, AppError> {
    match result {
        Ok(response) => Ok(response),
        Err(err) => refused(state, language, Refused::Ledger(err), in_pence),
    }
}

/// A command's result as a response.
fn answer_command<T>(
    state: &AppState,
    language: Language,
    result: Result<T, Refused>,
    respond: impl FnOnce(T) -> Response,
) -> Result<Response, AppError> {
    match result {
        Ok(value) => Ok(respond(value)),
        Err(err) => refused(state, language, err, in_pence),
    }
}

fn posted(entry: PostedEntry) -> Response {
    (
        StatusCode::CREATED,
        Json(json!({"id": entry.id().as_str(), "entry": entry.to_draft()})),
    )
        .into_response()
}

fn allowed(account: &Account, scope: &CoopScope, action: Action) -> bool {
    matches!(
        policy::decide(
            cylch_domain::Actor::person(account.instance_admin),
            Some(scope.roles()),
            action
        ),
        Decision::Allow
    )
}

/// The fund named in a query, if the caller may see it; a reference that
/// cannot be one is a bad request.
async fn fund_of(state: &AppState, scope: &CoopScope, raw: &str) -> Result<PersonScope, AppError> {
    PersonId::new(raw.trim()).map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    crate::common::whose::fund(state, scope, raw).await
}

fn today(state: &AppState) -> Date {
    state.clock().today_in_wales()
}

/// A period from the query, by default the calendar quarter holding today.
/// What every report on one person's fund starts from: the co-operative,
/// the person (if the caller may see their fund) and the period asked for.
async fn fund_and_period(
    state: &AppState,
    account: &Account,
    id: &str,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<(CoopScope, PersonScope, Period), AppError> {
    let scope = scope(state, account, id, Action::ViewOwnFund).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let fund = fund_of(state, &scope, &query.person).await?;
    let period = period(query.from.as_deref(), query.to.as_deref(), today(state))?;
    Ok((scope, fund, period))
}

fn period(from: Option<&str>, to: Option<&str>, today: Date) -> Result<Period, AppError> {
    let bad = |_| AppError::Kind(ErrorKind::BadRequest);
    match (from, to) {
        (None, None) => Ok(Period::quarter_containing(today)),
        (Some(from), Some(to)) => {
            Period::new(parse_date(from).map_err(bad)?, parse_date(to).map_err(bad)?)
                .map_err(|_| AppError::Kind(ErrorKind::BadRequest))
        }
        _ => Err(AppError::Kind(ErrorKind::BadRequest)),
    }
}

#[derive(Deserialize)]
pub struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
}

#[derive(Deserialize)]
pub struct FundQuery {
    person: String,
    from: Option<String>,
    to: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/totals", params(("id" = String, Path), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, description = "The co-operative's income, spending and net assets for the period, in pence, all funds together"), (status = 404, body = ApiErrorBody)))]
pub async fn totals(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewCoopTotals).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let period = period(query.from.as_deref(), query.to.as_deref(), today(&state))?;
    let result = state.store.coop_totals(&scope, period).await;
    answer(
        &state,
        account.language,
        result.map(|t| Json(t).into_response()),
    )
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/funds", params(("id" = String, Path)),
    responses((status = 200, description = "The funds the caller may see, each with its balance today, in pence"), (status = 403, body = ApiErrorBody)))]
pub async fn funds(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewOwnFund).await?;
    let people = crate::common::whose::funds(&state, &scope).await?;
    let mut funds = Vec::new();
    let all_time =
        Period::new(Date::constant(2000, 1, 1), today(&state)).map_err(AppError::from)?;
    for (person, name) in people {
        match state
            .store
            .person_statement(&scope, &person, all_time)
            .await
        {
            Ok(statement) => funds.push(json!({
                "person": person.as_str(),
                "name": name,
                "balance_pence": statement.closing,
            })),
            Err(err) => return answer(&state, account.language, Err(err)),
        }
    }
    Ok(Json(funds).into_response())
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/statement", params(("id" = String, Path), ("person" = String, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, description = "The person's statement: opening balance, received, spent by category with shares of shared costs, every item, closing balance; pence"), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn statement(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let (scope, fund, period) = fund_and_period(&state, &account, &id, query).await?;
    let person = fund.person();
    let result = state.store.person_statement(&scope, person, period).await;
    answer(
        &state,
        account.language,
        result.map(|s| Json(s).into_response()),
    )
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/return", params(("id" = String, Path), ("person" = String, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, description = "The council's monitoring return for the person and period (this quarter unless given), with any surplus flagged; pence"), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn la_return(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let (scope, fund, period) = fund_and_period(&state, &account, &id, query).await?;
    let person = fund.person();
    let result = state.store.la_return(&scope, person, period).await;
    answer(
        &state,
        account.language,
        result.map(|r| Json(r).into_response()),
    )
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/return.csv", params(("id" = String, Path), ("person" = String, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, description = "The council's monitoring return as CSV, one figure a row", content_type = "text/csv"), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn la_return_csv(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let (scope, fund, period) = fund_and_period(&state, &account, &id, query).await?;
    let person = fund.person();
    let name = fund.name();
    let result = state.store.la_return(&scope, person, period).await;
    answer(
        &state,
        account.language,
        result.map(|r| {
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "attachment; filename=\"return-{}-{}.csv\"",
                            period.from(),
                            period.to()
                        ),
                    ),
                ],
                crate::areas::ledger::pages::return_csv_text(&state, account.language, name, &r),
            )
                .into_response()
        }),
    )
}

fn entry_view(stored: &StoredEntry) -> Value {
    json!({
        "id": stored.entry.id().as_str(),
        "entry": stored.entry.to_draft(),
        "posted_by": stored.posted_by.as_ref().map(|a| a.as_str()),
        "posted_at_ms": stored.posted_at_ms,
        "reversed_by": stored.reversed_by.as_ref().map(EntryId::as_str),
    })
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/entries", params(("id" = String, Path)),
    responses((status = 200, description = "Every posted entry, oldest first, with its lines, sharing rule and any reversal"), (status = 403, body = ApiErrorBody)))]
pub async fn entries(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Value>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewAllFunds).await?;
    let entries = state.store.ledger_entries(&scope).await?;
    Ok(Json(entries.iter().map(entry_view).collect()))
}

fn parse_category(raw: &str) -> Result<Category, FieldError> {
    Category::from_code(raw.trim()).ok_or(FieldError::UnknownChoice)
}

/// A field problem with a ledger message of its own.
fn ok_or_add<T>(
    invalid: &mut Problems,
    field: &'static str,
    value: Result<T, &'static str>,
) -> Option<T> {
    value.map_err(|code| invalid.add(field, code)).ok()
}

fn parse_pence(raw: i64) -> Result<Pence, &'static str> {
    if raw > 0 {
        crate::common::fields::within_bound(Pence::new(raw))
    } else {
        Err("ledger-field-amount")
    }
}

fn parse_charge(raw: Value) -> Result<ChargeTo, &'static str> {
    serde_json::from_value(raw).map_err(|_| "ledger-field-charge-to")
}

#[derive(Deserialize, ToSchema)]
pub struct NewSpending {
    /// `YYYY-MM-DD`
    date: String,
    description: String,
    /// `pa_wages`, `employer_costs`, `activities`, `equipment`, `training`, `insurance` or `admin`
    category: String,
    /// More than zero.
    amount_pence: i64,
    /// `{"to": "person", "person": id}`, `{"to": "general"}`, or `{"to": "shared", "rule": {"rule": "equally", "people": [ids]}}` (also `by_minutes`, `by_basis_points`, `by_weights` with `[id, n]` pairs)
    #[schema(value_type = Object)]
    charge_to: Value,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/entries", params(("id" = String, Path)), request_body = NewSpending,
    responses((status = 201, description = "The posted entry"), (status = 422, body = ApiErrorBody)))]
pub async fn post_spending(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewSpending>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    let date = invalid.check("date", parse_date(&body.date));
    let description = invalid.check("description", required(&body.description));
    let category = invalid.check("category", parse_category(&body.category));
    let amount = ok_or_add(&mut invalid, "amount_pence", parse_pence(body.amount_pence));
    let charge_to = ok_or_add(&mut invalid, "charge_to", parse_charge(body.charge_to));
    let (Some(date), Some(description), Some(category), Some(amount), Some(charge_to)) =
        (date, description, category, amount, charge_to)
    else {
        return Ok(invalid.respond(&state, account.language));
    };
    let result = commands::post_spending(
        &state,
        &scope,
        PostSpending {
            date,
            description: &description,
            category,
            amount,
            charge_to,
        },
    )
    .await;
    answer_command(&state, account.language, result, posted)
}

#[derive(Deserialize, ToSchema)]
pub struct NewReceipt {
    person: String,
    /// `YYYY-MM-DD`
    date: String,
    amount_pence: i64,
    /// True for the person's own contribution; false for the council's
    /// Direct Payment (from the council of their arrangement).
    #[serde(default)]
    contribution: bool,
    description: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/receipts", params(("id" = String, Path)), request_body = NewReceipt,
    responses((status = 201, description = "The posted entry"), (status = 422, body = ApiErrorBody)))]
pub async fn record_receipt(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewReceipt>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    let person = invalid.check(
        "person",
        PersonId::new(body.person.trim()).map_err(|_| FieldError::Missing),
    );
    let date = invalid.check("date", parse_date(&body.date));
    let amount = ok_or_add(&mut invalid, "amount_pence", parse_pence(body.amount_pence));
    let description = invalid.check("description", required(&body.description));
    let (Some(person), Some(date), Some(amount), Some(description)) =
        (person, date, amount, description)
    else {
        return Ok(invalid.respond(&state, account.language));
    };
    let result = commands::record_receipt(
        &state,
        &scope,
        RecordReceipt {
            person,
            contribution: body.contribution,
            date,
            amount,
            description: &description,
        },
    )
    .await;
    answer_command(&state, account.language, result, posted)
}

#[derive(Deserialize, ToSchema)]
pub struct NewReversal {
    /// The entry to cancel.
    entry: String,
    /// `YYYY-MM-DD`: the day of the correction.
    date: String,
    /// Why, as the members will read it.
    reason: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/reversals", params(("id" = String, Path)), request_body = NewReversal,
    responses((status = 201, description = "The reversal: every line of the entry on the other side"), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn reverse(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewReversal>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    let entry = invalid.check("entry", required(&body.entry));
    let date = invalid.check("date", parse_date(&body.date));
    let reason = invalid.check("reason", required(&body.reason));
    let (Some(entry), Some(date), Some(reason)) = (entry, date, reason) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let result = commands::reverse_entry(
        &state,
        &scope,
        ReverseEntry {
            entry: &entry,
            date,
            reason: &reason,
        },
    )
    .await;
    answer_command(&state, account.language, result, posted)
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/arrangements", params(("id" = String, Path)),
    responses((status = 200, description = "Every Direct Payment arrangement"), (status = 403, body = ApiErrorBody)))]
pub async fn arrangements(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Value>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewAllFunds).await?;
    let found = state.store.arrangements(&scope).await?;
    Ok(Json(
        found
            .iter()
            .map(|a| json!({"id": a.id, "arrangement": a.arrangement}))
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct NewArrangement {
    person: String,
    council: String,
    amount_pence: i64,
    /// `weekly`, `four_weekly` or `monthly`
    frequency: String,
    /// `YYYY-MM-DD`
    starts_on: String,
    ends_on: Option<String>,
    /// The person's own contribution, if they pay one.
    contribution_pence: Option<i64>,
    contribution_frequency: Option<String>,
    contribution_starts_on: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/arrangements", params(("id" = String, Path)), request_body = NewArrangement,
    responses((status = 201, description = "The arrangement's id and any warnings (a contribution above the Welsh weekly cap)"), (status = 422, body = ApiErrorBody)))]
pub async fn add_arrangement(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewArrangement>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    let person = invalid.check(
        "person",
        PersonId::new(body.person.trim()).map_err(|_| FieldError::Missing),
    );
    let council = invalid.check("council", required(&body.council));
    let amount = ok_or_add(&mut invalid, "amount_pence", parse_pence(body.amount_pence));
    let frequency = invalid.check(
        "frequency",
        parse_frequency(body.frequency.trim()).ok_or(FieldError::UnknownChoice),
    );
    let starts = invalid.check("starts_on", parse_date(&body.starts_on));
    let ends = invalid.check(
        "ends_on",
        body.ends_on
            .as_deref()
            .filter(|e| !e.trim().is_empty())
            .map(parse_date)
            .transpose(),
    );
    let contribution = match (
        body.contribution_pence,
        &body.contribution_frequency,
        &body.contribution_starts_on,
    ) {
        (None, None, None) => Some(None),
        (amount, frequency, start) => {
            let amount = ok_or_add(
                &mut invalid,
                "contribution_pence",
                amount.ok_or("error-missing").and_then(parse_pence),
            );
            let frequency = invalid.check(
                "contribution_frequency",
                frequency
                    .as_deref()
                    .and_then(parse_frequency)
                    .ok_or(FieldError::UnknownChoice),
            );
            let start = invalid.check(
                "contribution_starts_on",
                start
                    .as_deref()
                    .ok_or(FieldError::Missing)
                    .and_then(parse_date),
            );
            match (amount, frequency, start) {
                (Some(amount), Some(frequency), Some(start)) => Some(Some(Schedule {
                    amount,
                    frequency,
                    start,
                    end: None,
                })),
                _ => None,
            }
        }
    };
    let (
        Some(person),
        Some(council),
        Some(amount),
        Some(frequency),
        Some(starts),
        Some(ends),
        Some(contribution),
    ) = (
        person,
        council,
        amount,
        frequency,
        starts,
        ends,
        contribution,
    )
    else {
        return Ok(invalid.respond(&state, account.language));
    };
    let arrangement = Arrangement {
        person,
        council,
        payment: Schedule {
            amount,
            frequency,
            start: starts,
            end: ends,
        },
        client_contribution: contribution,
    };
    let result = commands::add_arrangement(&state, &scope, &arrangement).await;
    answer_command(&state, account.language, result, |(id, warnings)| {
        (
            StatusCode::CREATED,
            Json(json!({"id": id, "warnings": warnings})),
        )
            .into_response()
    })
}

fn claim_view(c: &cylch_store::ledger::StoredClaim) -> Value {
    json!({
        "id": c.claim.id(),
        "claimant": c.claimant.as_str(),
        "amount_pence": c.claim.amount(),
        "category": c.claim.category().code(),
        "description": c.claim.description(),
        "charge_to": c.charge_to,
        "approvals": c.claim.approvals(),
        "status": c.status,
        "paid_by": c.paid_by.as_ref().map(EntryId::as_str),
    })
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/claims", params(("id" = String, Path)),
    responses((status = 200, description = "Every payment claim with its approvals and payment"), (status = 403, body = ApiErrorBody)))]
pub async fn claims(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Value>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewAllFunds).await?;
    let claims = state.store.claims(&scope).await?;
    Ok(Json(claims.iter().map(claim_view).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct NewClaim {
    amount_pence: i64,
    /// A spending category, as for entries.
    category: String,
    description: String,
    /// Whose fund pays, as for entries.
    #[schema(value_type = Object)]
    charge_to: Value,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/claims", params(("id" = String, Path)), request_body = NewClaim,
    responses((status = 201, description = "The claim, awaiting approval"), (status = 422, body = ApiErrorBody)))]
pub async fn make_claim(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewClaim>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    let amount = ok_or_add(&mut invalid, "amount_pence", parse_pence(body.amount_pence));
    let category = invalid.check("category", parse_category(&body.category));
    let description = invalid.check("description", required(&body.description));
    let charge_to = ok_or_add(&mut invalid, "charge_to", parse_charge(body.charge_to));
    let (Some(amount), Some(category), Some(description), Some(charge_to)) =
        (amount, category, description, charge_to)
    else {
        return Ok(invalid.respond(&state, account.language));
    };
    let result = commands::make_claim(
        &state,
        &scope,
        MakeClaim {
            amount,
            category,
            description: &description,
            charge_to,
        },
    )
    .await;
    answer_command(&state, account.language, result, |c| {
        (StatusCode::CREATED, Json(claim_view(&c))).into_response()
    })
}

#[derive(Deserialize, ToSchema)]
pub struct ClaimApproval {
    claim: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/approvals", params(("id" = String, Path)), request_body = ClaimApproval,
    responses((status = 201, description = "The claim with this approval"), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<ClaimApproval>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ApprovePayment).await?;
    let Json(body) = body.map_err(rejected)?;
    let result = commands::approve_claim(&state, &scope, &body.claim).await;
    answer_command(&state, account.language, result, |c| {
        (StatusCode::CREATED, Json(claim_view(&c))).into_response()
    })
}

#[derive(Deserialize, ToSchema)]
pub struct ClaimPayment {
    claim: String,
    /// `YYYY-MM-DD`
    date: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/payments", params(("id" = String, Path)), request_body = ClaimPayment,
    responses((status = 201, description = "The entry paying the claim"), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn pay(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<ClaimPayment>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    if body.claim.trim().is_empty() {
        invalid.field("claim", FieldError::Missing);
    }
    let date = invalid.check("date", parse_date(&body.date));
    let Some(date) = date.filter(|_| invalid.is_empty()) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let result = commands::pay_claim(&state, &scope, &body.claim, date).await;
    answer_command(&state, account.language, result, posted)
}

#[derive(Deserialize, ToSchema)]
pub struct NewImport {
    /// The statement file's text, as the bank exported it.
    csv: String,
    /// The columns of a bank Cylch does not recognise: `{"name", "date", "description": [..], "amount": {"style": "signed", "column"} or {"style": "in_and_out", "money_in", "money_out"}, "balance"}`. Left out, the layout is recognised from the header.
    #[schema(value_type = Object)]
    layout: Option<Value>,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/bank/imports", params(("id" = String, Path)), request_body = NewImport,
    responses((status = 201, description = "How many lines the file had and how many were new"), (status = 422, description = "The file was refused whole; the error names the line and the problem", body = ApiErrorBody)))]
pub async fn import(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewImport>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ImportStatement).await?;
    let Json(body) = body.map_err(rejected)?;
    let choice = match body.layout {
        None => LayoutChoice::Detect,
        Some(raw) => match serde_json::from_value(raw) {
            Ok(layout) => LayoutChoice::Use(layout),
            Err(_) => {
                let mut invalid = Problems::default();
                invalid.add("layout", "ledger-field-layout");
                return Ok(invalid.respond(&state, account.language));
            }
        },
    };
    let result = commands::import_statement(&state, &scope, body.csv.as_bytes(), &choice).await;
    answer_command(&state, account.language, result, |s| {
        (
            StatusCode::CREATED,
            Json(json!({
                "import_id": s.import_id,
                "layout": s.layout,
                "lines_in_file": s.lines_in_file,
                "lines_added": s.lines_added,
                "already_imported": s.already_imported,
            })),
        )
            .into_response()
    })
}

fn bank_line_view(l: &cylch_store::ledger::StoredBankLine) -> Value {
    json!({
        "id": l.id,
        "date": l.date.to_string(),
        "description": l.description,
        "amount_pence": l.amount,
        "balance_pence": l.balance,
        "matched_entry": l.matched_entry,
    })
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/bank/lines", params(("id" = String, Path)),
    responses((status = 200, description = "Every imported bank line, with the entry it was matched to, if any"), (status = 403, body = ApiErrorBody)))]
pub async fn bank_lines(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Value>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewAllFunds).await?;
    let lines = state.store.bank_lines(&scope).await?;
    Ok(Json(lines.iter().map(bank_line_view).collect()))
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/bank/reconcile", params(("id" = String, Path)),
    responses((status = 200, description = "Lines matched now, and what is still unreconciled on the statement and in the books"), (status = 403, body = ApiErrorBody)))]
pub async fn reconcile(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let result = commands::reconcile_bank(&state, &scope).await;
    answer_command(&state, account.language, result, |r| {
        Json(json!({
            "matched_now": r.matched_now,
            "unreconciled_lines": r.unreconciled_lines.iter().map(bank_line_view).collect::<Vec<_>>(),
            "unmatched_entries": r.unmatched_entries,
        }))
        .into_response()
    })
}

#[derive(Deserialize)]
pub struct AsAtQuery {
    as_at: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/trial-balance", params(("id" = String, Path), ("as_at" = Option<String>, Query)),
    responses((status = 200, description = "Balances by account on the day (today unless given), all funds"), (status = 403, body = ApiErrorBody)))]
pub async fn trial_balance(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<AsAtQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewAllFunds).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let as_at = match query.as_at.as_deref() {
        None => today(&state),
        Some(raw) => parse_date(raw).map_err(|_| AppError::Kind(ErrorKind::BadRequest))?,
    };
    let result = state.store.trial_balance(&scope, as_at, None).await;
    answer(
        &state,
        account.language,
        result.map(|t| Json(t).into_response()),
    )
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/receipts", params(("id" = String, Path), ("person" = String, Query), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, description = "Each expected receipt of the person's arrangement in the period (this quarter unless given), matched with what arrived and flagged late, short, overpaid or missing; and money that matched nothing"), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn receipt_checks(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let (scope, fund, period) = fund_and_period(&state, &account, &id, query).await?;
    let person = fund.person();
    let result = state
        .store
        .receipt_checks(&scope, person, period.from(), period.to(), today(&state))
        .await;
    answer(
        &state,
        account.language,
        result.map(|m| Json(m).into_response()),
    )
}

#[derive(Deserialize)]
pub struct ForecastQuery {
    person: String,
    months: Option<u16>,
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/forecast", params(("id" = String, Path), ("person" = String, Query), ("months" = Option<u16>, Query)),
    responses((status = 200, description = "The person's fund month by month from this month (6 months unless given, at most 24): opening, expected receipts, closing, and the first month it would run short"), (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
pub async fn forecast(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<ForecastQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewOwnFund).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let fund = fund_of(&state, &scope, &query.person).await?;
    let person = fund.person();
    let months = query.months.unwrap_or(6).clamp(1, 24);
    let result = state
        .store
        .fund_forecast(&scope, person, today(&state), months)
        .await;
    answer(
        &state,
        account.language,
        result.map(|f| Json(f).into_response()),
    )
}

/// A period from the query, by default the financial year holding today.
fn year_or(from: Option<&str>, to: Option<&str>, today: Date) -> Result<Period, AppError> {
    match (from, to) {
        (None, None) => Ok(Period::financial_year_containing(today)),
        (from, to) => period(from, to, today),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/accounts", params(("id" = String, Path), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, description = "The co-operative's accounts for the period (the financial year holding today unless given): income and spending by account, restricted and unrestricted, each fund's movement and the balance sheet, in pence. Members who are not officers read the totals at …/ledger/totals"), (status = 403, body = ApiErrorBody)))]
pub async fn annual_accounts(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewAllFunds).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let period = year_or(query.from.as_deref(), query.to.as_deref(), today(&state))?;
    let result = state.store.annual_accounts(&scope, period).await;
    answer(
        &state,
        account.language,
        result.map(|a| Json(a).into_response()),
    )
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/ledger/budget", params(("id" = String, Path), ("from" = Option<String>, Query), ("to" = Option<String>, Query)),
    responses((status = 200, description = "Budget against spending for the period (the financial year holding today unless given), one row per fund and category, in pence: a budget set for a longer period counts for its share of the days. A supported person or representative gets their own fund's rows only"), (status = 403, body = ApiErrorBody)))]
pub async fn budget_vs_actual(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewOwnFund).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let period = year_or(query.from.as_deref(), query.to.as_deref(), today(&state))?;
    let everyone = allowed(&account, &scope, Action::ViewAllFunds);
    let people = crate::common::whose::funds(&state, &scope).await?;
    let result = state.store.budget_vs_actual(&scope, period).await;
    answer(
        &state,
        account.language,
        result.map(|rows| {
            let rows: Vec<_> = rows
                .into_iter()
                .filter(|r| match r.fund.person() {
                    None => everyone,
                    Some(person) => people.iter().any(|(p, _)| p == person),
                })
                .collect();
            Json(json!({"period": period, "rows": rows})).into_response()
        }),
    )
}

#[derive(Deserialize, ToSchema)]
pub struct NewBudget {
    /// `general` for the co-operative's own money, or a supported person's
    /// id for their fund.
    fund: String,
    /// A spending category, as for entries.
    category: String,
    /// The budget's first and last days, `YYYY-MM-DD`.
    from: String,
    to: String,
    /// What may be spent over the whole period; 0 for nothing.
    amount_pence: i64,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/ledger/budgets", params(("id" = String, Path)), request_body = NewBudget,
    responses((status = 201, description = "The budget's id; a budget set before for the same fund, category and period is replaced"), (status = 422, body = ApiErrorBody)))]
pub async fn set_budget(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewBudget>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::RecordMoney).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    let fund = match body.fund.trim() {
        "general" => Some(cylch_ledger::FundId::General),
        other => ok_or_add(
            &mut invalid,
            "fund",
            PersonId::new(other)
                .map(cylch_ledger::FundId::Person)
                .map_err(|_| "ledger-budget-choose-fund"),
        ),
    };
    let category = invalid.check("category", parse_category(&body.category));
    let from = invalid.check("from", parse_date(&body.from));
    let to = invalid.check("to", parse_date(&body.to));
    let amount = ok_or_add(
        &mut invalid,
        "amount_pence",
        if body.amount_pence < 0 {
            Err("ledger-budget-negative")
        } else {
            crate::common::fields::within_bound(Pence::new(body.amount_pence))
        },
    );
    let period = match (from, to) {
        (Some(from), Some(to)) => ok_or_add(
            &mut invalid,
            "to",
            Period::new(from, to).map_err(|_| "ledger-budget-backwards"),
        ),
        _ => None,
    };
    let (Some(fund), Some(category), Some(period), Some(amount)) = (fund, category, period, amount)
    else {
        return Ok(invalid.respond(&state, account.language));
    };
    let budget = cylch_ledger::report::Budget {
        fund,
        category,
        period,
        amount,
    };
    let result = commands::set_budget(&state, &scope, &budget).await;
    answer_command(&state, account.language, result, |id| {
        (StatusCode::CREATED, Json(json!({"id": id}))).into_response()
    })
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/ledger/totals", totals).documented::<__path_totals>(),
        route("GET", "/api/v1/coops/{id}/ledger/funds", funds).documented::<__path_funds>(),
        route("GET", "/api/v1/coops/{id}/ledger/statement", statement)
            .documented::<__path_statement>(),
        route("GET", "/api/v1/coops/{id}/ledger/return", la_return)
            .documented::<__path_la_return>(),
        route("GET", "/api/v1/coops/{id}/ledger/return.csv", la_return_csv)
            .documented::<__path_la_return_csv>(),
        route("GET", "/api/v1/coops/{id}/ledger/entries", entries).documented::<__path_entries>(),
        route("POST", "/api/v1/coops/{id}/ledger/entries", post_spending)
            .documented::<__path_post_spending>(),
        route("POST", "/api/v1/coops/{id}/ledger/receipts", record_receipt)
            .documented::<__path_record_receipt>(),
        route("POST", "/api/v1/coops/{id}/ledger/reversals", reverse)
            .documented::<__path_reverse>(),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/arrangements",
            arrangements,
        )
        .documented::<__path_arrangements>(),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/arrangements",
            add_arrangement,
        )
        .documented::<__path_add_arrangement>(),
        route("GET", "/api/v1/coops/{id}/ledger/claims", claims).documented::<__path_claims>(),
        route("POST", "/api/v1/coops/{id}/ledger/claims", make_claim)
            .documented::<__path_make_claim>(),
        route("POST", "/api/v1/coops/{id}/ledger/approvals", approve)
            .documented::<__path_approve>(),
        route("POST", "/api/v1/coops/{id}/ledger/payments", pay).documented::<__path_pay>(),
        route("POST", "/api/v1/coops/{id}/ledger/bank/imports", import)
            .documented::<__path_import>(),
        route("GET", "/api/v1/coops/{id}/ledger/bank/lines", bank_lines)
            .documented::<__path_bank_lines>(),
        route(
            "POST",
            "/api/v1/coops/{id}/ledger/bank/reconcile",
            reconcile,
        )
        .documented::<__path_reconcile>(),
        route(
            "GET",
            "/api/v1/coops/{id}/ledger/trial-balance",
            trial_balance,
        )
        .documented::<__path_trial_balance>(),
        route("GET", "/api/v1/coops/{id}/ledger/receipts", receipt_checks)
            .documented::<__path_receipt_checks>(),
        route("GET", "/api/v1/coops/{id}/ledger/forecast", forecast)
            .documented::<__path_forecast>(),
        route("GET", "/api/v1/coops/{id}/ledger/accounts", annual_accounts)
            .documented::<__path_annual_accounts>(),
        route("GET", "/api/v1/coops/{id}/ledger/budget", budget_vs_actual)
            .documented::<__path_budget_vs_actual>(),
        route("POST", "/api/v1/coops/{id}/ledger/budgets", set_budget)
            .documented::<__path_set_budget>(),
    ]
}

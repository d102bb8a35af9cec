//! The council's monitoring return for one person and period, to send as
//! the council asks: a CSV file for its spreadsheet or a PDF to print or
//! attach. Both carry the same figures in the same order as the statement
//! page shows them.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_ledger::export::{Cell, to_csv};
use cylch_ledger::report::LaReturn;
use cylch_ledger::{Pence, PersonId};
use cylch_store::CoopScope;
use cylch_store::ledger::LedgerError;
use fluent_bundle::{FluentArgs, FluentValue};

use super::{FundQuery, ViewerExt, chosen_fund, money, period_of};
use crate::AppState;
use crate::common::access::scope_for;
use crate::common::error::{AppError, ErrorKind};
use crate::common::page::attachment;
use cylch_documents::{Column, Document, Orientation, Table, pdf};

/// One figure of the return: the words naming it and its value.
enum Value {
    Text(String),
    Money(Pence),
}

/// The return's figures, one a row, in the reader's language.
fn rows(state: &AppState, language: Language, name: &str, r: &LaReturn) -> Vec<(String, Value)> {
    let t = |id: &str| state.i18n.text(language, id);
    let mut rows = vec![
        (t("ledger-csv-person"), Value::Text(name.to_owned())),
        (t("ledger-csv-council"), Value::Text(r.council.clone())),
        (
            t("ledger-csv-from"),
            Value::Text(r.period.from().to_string()),
        ),
        (t("ledger-csv-to"), Value::Text(r.period.to().to_string())),
        (t("ledger-csv-opening"), Value::Money(r.opening)),
        (
            t("ledger-csv-direct-payments"),
            Value::Money(r.direct_payments),
        ),
        (
            t("ledger-csv-contributions"),
            Value::Money(r.client_contributions),
        ),
        (t("ledger-csv-other-income"), Value::Money(r.other_income)),
    ];
    for (category, amount) in &r.spent_by_category {
        rows.push((
            t(&format!("ledger-category-{}", category.code())),
            Value::Money(*amount),
        ));
    }
    rows.push((t("ledger-csv-shared"), Value::Money(r.shared_spending)));
    rows.push((t("ledger-csv-spent"), Value::Money(r.spent_total)));
    rows.push((t("ledger-csv-closing"), Value::Money(r.closing)));
    rows.push((t("ledger-csv-threshold"), Value::Money(r.surplus_threshold)));
    rows.push((
        t("ledger-csv-surplus"),
        Value::Money(r.surplus.unwrap_or(Pence::ZERO)),
    ));
    rows
}

/// The return as rows a council's spreadsheet can take: one figure a row.
pub fn return_csv_text(state: &AppState, language: Language, name: &str, r: &LaReturn) -> String {
    let t = |id: &str| state.i18n.text(language, id);
    let rows: Vec<Vec<Cell>> = rows(state, language, name, r)
        .into_iter()
        .map(|(label, value)| {
            let value = match value {
                Value::Text(text) => text.into(),
                Value::Money(amount) => amount.into(),
            };
            vec![label.into(), value]
        })
        .collect();
    to_csv(&[&t("ledger-csv-figure"), &t("ledger-csv-amount")], &rows)
}

/// The person's return for the period, if the viewer may see their fund
/// and they have an arrangement; otherwise where to go instead.
async fn the_return(
    state: &AppState,
    viewer: &ViewerExt,
    id: &str,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Result<(CoopScope, String, LaReturn), Response>, AppError> {
    let scope = scope_for(state, viewer, id, Action::ViewOwnFund).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let (_, chosen) = chosen_fund(state, &scope, &query.person).await?;
    let Some((person, name)) = chosen else {
        // No fund to return on: the statement page says so.
        return Ok(Err(Redirect::to(&format!(
            "/coops/{}/ledger/statement",
            scope.coop_id()
        ))
        .into_response()));
    };
    let period = period_of(&query, state.clock().today_in_wales())?;
    match state.store.la_return(&scope, &person, period).await {
        Ok(r) => Ok(Ok((scope, name, r))),
        Err(LedgerError::NoArrangement(_)) => Ok(Err(no_arrangement(&scope, &person))),
        Err(LedgerError::Store(err)) => Err(err.into()),
        Err(err) => Err(err.into()),
    }
}

/// Without an arrangement there is nothing to return: the statement page
/// says so.
fn no_arrangement(scope: &CoopScope, person: &PersonId) -> Response {
    Redirect::to(&format!(
        "/coops/{}/ledger/statement?person={}",
        scope.coop_id(),
        crate::common::page::encode_query(person.as_str())
    ))
    .into_response()
}

pub async fn return_csv(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let (_, name, r) = match the_return(&state, &viewer, &id, query).await? {
        Ok(found) => found,
        Err(elsewhere) => return Ok(elsewhere),
    };
    Ok(attachment(
        "text/csv; charset=utf-8",
        format!("return-{}-{}.csv", r.period.from(), r.period.to()),
        return_csv_text(&state, viewer.language, &name, &r),
    ))
}

/// The same return as a PDF, in the reader's language, to print or attach
/// to an email to the council's Direct Payments team.
pub async fn return_pdf(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let (scope, name, r) = match the_return(&state, &viewer, &id, query).await? {
        Ok(found) => found,
        Err(elsewhere) => return Ok(elsewhere),
    };
    let language = viewer.language;
    let t = |id: &str| state.i18n.text(language, id);
    let period = format!(
        "{} – {}",
        r.period.from().strftime("%d/%m/%Y"),
        r.period.to().strftime("%d/%m/%Y")
    );
    let mut subtitles = vec![
        scope.coop().name.clone(),
        state
            .i18n
            .with_arg(language, "ledger-statement-of", "name", &name),
        state
            .i18n
            .with_arg(language, "ledger-return-caption", "period", &period),
    ];
    if let Some(above) = r.surplus {
        subtitles.push(state.i18n.with_arg(
            language,
            "ledger-surplus-flag",
            "amount",
            &money(above),
        ));
    }
    let figures = rows(&state, language, &name, &r)
        .into_iter()
        .map(|(label, value)| {
            let value = match value {
                Value::Text(text) => text,
                Value::Money(amount) => money(amount),
            };
            vec![label, value]
        })
        .collect();
    let today = state
        .clock()
        .today_in_wales()
        .strftime("%d/%m/%Y")
        .to_string();
    let document = Document {
        language,
        title: t("ledger-return-heading"),
        subtitles,
        generated: state
            .i18n
            .with_arg(language, "documents-made-on", "date", &today),
        orientation: Orientation::Portrait,
        tables: vec![Table {
            heading: t("ledger-return-figures"),
            columns: vec![
                Column::new(t("ledger-csv-figure"), 3),
                Column::new(t("ledger-return-col-value"), 2),
            ],
            rows: figures,
            row_headers: true,
            empty: String::new(),
        }],
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
    .await
    .map_err(AppError::from)?
    .map_err(AppError::from)?;
    Ok(attachment(
        "application/pdf",
        format!("return-{}-{}.pdf", r.period.from(), r.period.to()),
        bytes,
    ))
}

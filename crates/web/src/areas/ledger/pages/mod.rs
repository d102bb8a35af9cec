//! The co-operative's money as pages: totals for every member; each
//! person's fund, statement and council return for them, their
//! representative and the officers; and the treasurer's forms (an
//! arrangement, money received, spending shared by a rule, a pasted bank
//! statement, reconciliation). Posted entries are never edited here either:
//! there is no form that changes or deletes one.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::FieldError;
use cylch_domain::policy::{self, Action, Decision};
use cylch_ledger::report::Period;
use cylch_ledger::{Arrangement, Category, ChargeTo, Frequency, Pence, PersonId, Schedule};
use cylch_store::CoopScope;
use cylch_store::ledger::{LedgerError, frequency_code, parse_frequency};
use serde::Deserialize;

use crate::AppState;
use crate::areas::ledger::commands::{self, PostSpending, RecordReceipt, Refused, ReverseEntry};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::{AppError, ErrorKind};
use crate::common::fields::parse_date;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Explain;
use crate::common::viewer::Viewer;

mod attention;
mod bank;
mod books;
mod budget;
mod claims;
mod forecast;
mod returns;
mod sharing;
mod upload;

pub use returns::return_csv_text;

/// `£1,234.56` as the pages show money.
fn money(amount: Pence) -> String {
    amount.to_string()
}

fn allowed(viewer: &Viewer, scope: &CoopScope, action: Action) -> bool {
    matches!(
        policy::decide(viewer.actor(), Some(scope.roles()), action),
        Decision::Allow
    )
}

pub struct FundRow {
    pub id: String,
    pub name: String,
    pub balance: String,
}

pub struct BankRow {
    pub date: String,
    pub description: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "ledger/ledger.html")]
struct LedgerPage {
    chrome: Chrome,
    errors: Problems,
    /// A refused bank file, in words naming the line.
    bank_problem: String,
    notice: String,
    coop_id: String,
    coop_name: String,
    period: String,
    income: String,
    spending: String,
    net_assets: String,
    funds: Vec<FundRow>,
    can_record: bool,
    can_import: bool,
    people: Vec<(String, String)>,
    categories: Vec<(String, String)>,
    frequencies: Vec<(String, String)>,
    unreconciled: Vec<BankRow>,
    /// Direct Payments late, short, over or not arrived: for the treasurer.
    flagged: Vec<attention::FlagRow>,
    typed: Typed,
}

/// What was typed into whichever form came back with problems.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Typed {
    person: String,
    council: String,
    amount: String,
    frequency: String,
    starts_on: String,
    date: String,
    description: String,
    category: String,
    charge_to: String,
    /// Read from the spending form's repeated fields, never by serde.
    #[serde(skip)]
    split: sharing::TypedSplit,
    dp_amount: String,
    receipt_person: String,
    receipt_date: String,
    receipt_amount: String,
    receipt_description: String,
    contribution: String,
}

impl Typed {
    /// The spending form, whose people ticked and shares come as repeated
    /// fields, which only a list of pairs keeps.
    fn spending_from_pairs(pairs: &[(String, String)]) -> Typed {
        let mut form = Typed::default();
        for (key, value) in pairs {
            if form.split.take("", key, value) {
                continue;
            }
            let value = value.clone();
            match key.as_str() {
                "date" => form.date = value,
                "description" => form.description = value,
                "category" => form.category = value,
                "amount" => form.amount = value,
                "charge_to" => form.charge_to = value,
                _ => {}
            }
        }
        form
    }
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    bank_problem: String,
    notice: String,
    typed: Typed,
) -> Result<LedgerPage, AppError> {
    let language = viewer.language;
    let i18n = &state.i18n;
    let quarter = Period::quarter_containing(state.clock().today_in_wales());
    let totals = state
        .store
        .coop_totals(scope, quarter)
        .await
        .map_err(AppError::from)?;
    let mut funds = Vec::new();
    let all_time = Period::new(jiff::civil::Date::constant(2000, 1, 1), quarter.to())
        .map_err(AppError::from)?;
    let people = crate::common::whose::funds(state, scope).await?;
    for (person, name) in &people {
        let statement = state
            .store
            .person_statement(scope, person, all_time)
            .await
            .map_err(AppError::from)?;
        funds.push(FundRow {
            id: person.as_str().to_owned(),
            name: name.clone(),
            balance: money(statement.closing),
        });
    }
    let can_record = allowed(viewer, scope, Action::RecordMoney);
    let unreconciled = if can_record {
        state
            .store
            .bank_lines(scope)
            .await?
            .into_iter()
            .filter(|l| l.matched_entry.is_none())
            .map(|l| BankRow {
                date: l.date.strftime("%d/%m/%Y").to_string(),
                description: l.description,
                amount: money(l.amount),
            })
            .collect()
    } else {
        Vec::new()
    };
    let flagged = if can_record {
        attention::flagged_receipts(
            state,
            language,
            scope,
            &people,
            state.clock().today_in_wales(),
        )
        .await?
    } else {
        Vec::new()
    };
    let mut chrome = Chrome::new(state, viewer, "ledger-title");
    if !errors.is_empty() || !bank_problem.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(LedgerPage {
        chrome,
        errors,
        bank_problem,
        notice,
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        period: format!(
            "{} – {}",
            quarter.from().strftime("%d/%m/%Y"),
            quarter.to().strftime("%d/%m/%Y")
        ),
        income: money(totals.income.total),
        spending: money(totals.spending.total),
        net_assets: money(totals.net_assets),
        funds,
        can_record,
        can_import: allowed(viewer, scope, Action::ImportStatement),
        people: people
            .into_iter()
            .map(|(id, name)| (id.as_str().to_owned(), name))
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| {
                (
                    c.code().to_owned(),
                    i18n.text(language, &format!("ledger-category-{}", c.code())),
                )
            })
            .collect(),
        frequencies: [Frequency::Weekly, Frequency::FourWeekly, Frequency::Monthly]
            .iter()
            .map(|f| {
                (
                    frequency_code(*f).to_owned(),
                    i18n.text(
                        language,
                        &format!("ledger-frequency-{}", frequency_code(*f)),
                    ),
                )
            })
            .collect(),
        unreconciled,
        flagged,
        typed,
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewCoopTotals).await?;
    render(
        &page(
            &state,
            &viewer,
            &scope,
            Problems::default(),
            String::new(),
            String::new(),
            Typed::default(),
        )
        .await?,
    )
}

fn back(scope: &CoopScope) -> Response {
    Redirect::to(&format!("/coops/{}/ledger", scope.coop_id())).into_response()
}

fn parse_money(errors: &mut Problems, field: &'static str, raw: &str) -> Option<Pence> {
    crate::common::fields::parse_amount(raw)
        .map_err(|code| errors.add(field, code))
        .ok()
}

fn parse_person(errors: &mut Problems, field: &'static str, raw: &str) -> Option<PersonId> {
    PersonId::new(raw.trim())
        .map_err(|_| errors.field(field, FieldError::Missing))
        .ok()
}

fn required(errors: &mut Problems, field: &'static str, raw: &str) -> Option<String> {
    errors.check(field, crate::common::fields::required(raw))
}

/// A refusal from the books, shown at the field it concerns; anything else
/// is a server error.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    field: &'static str,
    err: impl Into<Refused>,
    typed: Typed,
) -> Result<Response, AppError> {
    let err = err.into();
    let is_bank = matches!(err, Refused::Ledger(LedgerError::Bank(_)));
    let refusal = err.explain(state, viewer.language)?;
    match (is_bank, refusal.field) {
        (true, _) => {
            let text = refusal.message;
            render_invalid(
                &page(
                    state,
                    viewer,
                    scope,
                    Problems::default(),
                    text,
                    String::new(),
                    typed,
                )
                .await?,
            )
        }
        (false, at) => {
            let mut errors = Problems::default();
            errors.add(at.unwrap_or(field), refusal.code);
            render_invalid(
                &page(
                    state,
                    viewer,
                    scope,
                    errors,
                    String::new(),
                    String::new(),
                    typed,
                )
                .await?,
            )
        }
    }
}

pub async fn add_arrangement(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Typed>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let mut errors = Problems::default();
    let person = parse_person(&mut errors, "person", &form.person);
    let council = required(&mut errors, "council", &form.council);
    let amount = parse_money(&mut errors, "dp_amount", &form.dp_amount);
    let frequency = errors.check(
        "frequency",
        parse_frequency(form.frequency.trim()).ok_or(FieldError::UnknownChoice),
    );
    let starts = errors.check("starts_on", parse_date(&form.starts_on));
    let (Some(person), Some(council), Some(amount), Some(frequency), Some(start)) =
        (person, council, amount, frequency, starts)
    else {
        return render_invalid(
            &page(
                &state,
                &viewer,
                &scope,
                errors,
                String::new(),
                String::new(),
                form,
            )
            .await?,
        );
    };
    let arrangement = Arrangement {
        person,
        council,
        payment: Schedule {
            amount,
            frequency,
            start,
            end: None,
        },
        client_contribution: None,
    };
    match commands::add_arrangement(&state, &scope, &arrangement).await {
        Ok(_) => Ok(back(&scope)),
        Err(err) => refused(&state, &viewer, &scope, "council", err, form).await,
    }
}

pub async fn record_receipt(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<Typed>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let mut errors = Problems::default();
    let person = parse_person(&mut errors, "receipt_person", &form.receipt_person);
    let date = errors.check("receipt_date", parse_date(&form.receipt_date));
    let amount = parse_money(&mut errors, "receipt_amount", &form.receipt_amount);
    let description = required(
        &mut errors,
        "receipt_description",
        &form.receipt_description,
    );
    let (Some(person), Some(date), Some(amount), Some(description)) =
        (person, date, amount, description)
    else {
        return render_invalid(
            &page(
                &state,
                &viewer,
                &scope,
                errors,
                String::new(),
                String::new(),
                form,
            )
            .await?,
        );
    };
    let contribution = form.contribution == "yes";
    let receipt = RecordReceipt {
        person,
        contribution,
        date,
        amount,
        description: &description,
    };
    match commands::record_receipt(&state, &scope, receipt).await {
        Ok(_) => Ok(back(&scope)),
        Err(err) => refused(&state, &viewer, &scope, "receipt_person", err, form).await,
    }
}

pub async fn post_spending(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let form = Typed::spending_from_pairs(&pairs);
    let mut errors = Problems::default();
    let date = errors.check("date", parse_date(&form.date));
    let description = required(&mut errors, "description", &form.description);
    let category = errors.check(
        "category",
        Category::from_code(form.category.trim()).ok_or(FieldError::UnknownChoice),
    );
    let amount = parse_money(&mut errors, "amount", &form.amount);
    let charge_to = match form.charge_to.trim() {
        "general" => Some(ChargeTo::General),
        "shared" => match form.split.rule() {
            Ok(rule) => Some(ChargeTo::Shared { rule }),
            Err(message) => {
                errors.add("shared_with", message);
                None
            }
        },
        other => match other.strip_prefix("person:").map(PersonId::new) {
            Some(Ok(person)) => Some(ChargeTo::Person { person }),
            _ => {
                errors.field("charge_to", FieldError::UnknownChoice);
                None
            }
        },
    };
    let (Some(date), Some(description), Some(category), Some(amount), Some(charge_to)) =
        (date, description, category, amount, charge_to)
    else {
        return render_invalid(
            &page(
                &state,
                &viewer,
                &scope,
                errors,
                String::new(),
                String::new(),
                form,
            )
            .await?,
        );
    };
    let spending = PostSpending {
        date,
        description: &description,
        category,
        amount,
        charge_to,
    };
    let result = commands::post_spending(&state, &scope, spending).await;
    match result {
        Ok(_) => Ok(back(&scope)),
        Err(err) => refused(&state, &viewer, &scope, "amount", err, form).await,
    }
}

pub async fn reconcile(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    match commands::reconcile_bank(&state, &scope).await {
        Ok(_) => Ok(back(&scope)),
        // A refusal under the ledger's rules is the person's to hear, as
        // the API answers it (422 with the rule's sentence), not a failure.
        Err(err) => err.explain(&state, viewer.language)?.to_page(
            &state,
            &viewer,
            &format!("/coops/{}/ledger", scope.coop_id()),
        ),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FundQuery {
    person: String,
    from: String,
    to: String,
}

pub struct Figure {
    pub label: String,
    pub amount: String,
}

pub struct SharedRow {
    pub date: String,
    pub description: String,
    pub category: String,
    pub whole: String,
    pub share: String,
    /// The rule, from this person's side: "1 of 4 hours of support".
    pub rule: String,
}

#[derive(Template)]
#[template(path = "ledger/statement.html")]
struct StatementPage {
    chrome: Chrome,
    coop_id: String,
    people: Vec<(String, String)>,
    person: String,
    name: String,
    from: String,
    to: String,
    period: String,
    figures: Vec<Figure>,
    shared: Vec<SharedRow>,
    /// The council return, when the person has an arrangement.
    council_figures: Vec<Figure>,
    surplus: String,
    csv_href: String,
    pdf_href: String,
}

/// The fund asked for, if the viewer may see it, or the first they may.
async fn chosen_fund(
    state: &AppState,
    scope: &CoopScope,
    raw: &str,
) -> Result<(Vec<(PersonId, String)>, Option<(PersonId, String)>), AppError> {
    let people = crate::common::whose::funds(state, scope).await?;
    let wanted = raw.trim();
    if wanted.is_empty() {
        let first = people.first().cloned();
        return Ok((people, first));
    }
    match people.iter().find(|(p, _)| p.as_str() == wanted).cloned() {
        Some(found) => Ok((people, Some(found))),
        None => Err(crate::common::whose::not_among(scope)),
    }
}

fn period_of(query: &FundQuery, today: jiff::civil::Date) -> Result<Period, AppError> {
    let bad = |_| AppError::Kind(ErrorKind::BadRequest);
    if query.from.trim().is_empty() && query.to.trim().is_empty() {
        return Ok(Period::quarter_containing(today));
    }
    Period::new(
        parse_date(&query.from).map_err(bad)?,
        parse_date(&query.to).map_err(bad)?,
    )
    .map_err(|_| AppError::Kind(ErrorKind::BadRequest))
}

pub async fn statement(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<FundQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewOwnFund).await?;
    let Query(query) = query.map_err(|_| AppError::Kind(ErrorKind::BadRequest))?;
    let (people, chosen) = chosen_fund(&state, &scope, &query.person).await?;
    let period = period_of(&query, state.clock().today_in_wales())?;
    let language = viewer.language;
    let t = |id: &str| state.i18n.text(language, id);
    let mut figures = Vec::new();
    let mut shared = Vec::new();
    let mut council_figures = Vec::new();
    let mut surplus = String::new();
    let mut csv_href = String::new();
    let mut pdf_href = String::new();
    let (person, name) = match &chosen {
        Some((person, name)) => (person.as_str().to_owned(), name.clone()),
        None => (String::new(), String::new()),
    };
    if let Some((person_id, _)) = &chosen {
        let s = state
            .store
            .person_statement(&scope, person_id, period)
            .await
            .map_err(AppError::from)?;
        figures.push(Figure {
            label: t("ledger-csv-opening"),
            amount: money(s.opening),
        });
        for row in &s.received {
            figures.push(Figure {
                label: t(&format!("ledger-account-{}", row.account.as_str())),
                amount: money(row.amount),
            });
        }
        for row in &s.spent {
            figures.push(Figure {
                label: t(&format!("ledger-category-{}", row.category.code())),
                amount: money(row.total),
            });
        }
        figures.push(Figure {
            label: t("ledger-csv-spent"),
            amount: money(s.spent_total),
        });
        figures.push(Figure {
            label: t("ledger-csv-closing"),
            amount: money(s.closing),
        });
        shared = s
            .shared_items
            .iter()
            .map(|item| SharedRow {
                date: item.date.strftime("%d/%m/%Y").to_string(),
                description: item.description.clone(),
                category: t(&format!("ledger-category-{}", item.category.code())),
                whole: money(item.whole_cost),
                share: money(item.share),
                rule: sharing::describe(&state, language, &item.rule, person_id),
            })
            .collect();
        match state.store.la_return(&scope, person_id, period).await {
            Ok(r) => {
                council_figures = vec![
                    Figure {
                        label: t("ledger-csv-council"),
                        amount: r.council.clone(),
                    },
                    Figure {
                        label: t("ledger-csv-opening"),
                        amount: money(r.opening),
                    },
                    Figure {
                        label: t("ledger-csv-direct-payments"),
                        amount: money(r.direct_payments),
                    },
                    Figure {
                        label: t("ledger-csv-contributions"),
                        amount: money(r.client_contributions),
                    },
                    Figure {
                        label: t("ledger-csv-other-income"),
                        amount: money(r.other_income),
                    },
                    Figure {
                        label: t("ledger-csv-shared"),
                        amount: money(r.shared_spending),
                    },
                    Figure {
                        label: t("ledger-csv-spent"),
                        amount: money(r.spent_total),
                    },
                    Figure {
                        label: t("ledger-csv-closing"),
                        amount: money(r.closing),
                    },
                    Figure {
                        label: t("ledger-csv-threshold"),
                        amount: money(r.surplus_threshold),
                    },
                ];
                if let Some(above) = r.surplus {
                    surplus = state.i18n.with_arg(
                        language,
                        "ledger-surplus-flag",
                        "amount",
                        &money(above),
                    );
                }
                csv_href = format!(
                    "/coops/{}/ledger/return.csv?person={}&from={}&to={}",
                    scope.coop_id(),
                    crate::common::page::encode_query(person_id.as_str()),
                    period.from(),
                    period.to()
                );
                pdf_href = csv_href.replacen("/return.csv?", "/return.pdf?", 1);
            }
            Err(LedgerError::NoArrangement(_)) => {}
            Err(err) => {
                return err.explain(&state, language)?.to_page(
                    &state,
                    &viewer,
                    &format!("/coops/{}/ledger", scope.coop_id()),
                );
            }
        }
    }
    let chrome = Chrome::new(&state, &viewer, "ledger-statement-title");
    render(&StatementPage {
        chrome,
        coop_id: scope.coop_id().to_string(),
        people: people
            .into_iter()
            .map(|(id, name)| (id.as_str().to_owned(), name))
            .collect(),
        person,
        name,
        from: period.from().to_string(),
        to: period.to().to_string(),
        period: format!(
            "{} – {}",
            period.from().strftime("%d/%m/%Y"),
            period.to().strftime("%d/%m/%Y")
        ),
        figures,
        shared,
        council_figures,
        surplus,
        csv_href,
        pdf_href,
    })
}

pub struct EntryRow {
    pub id: String,
    pub date: String,
    pub description: String,
    pub amount: String,
    /// Said when the entry was reversed, or is itself a reversal.
    pub status: String,
    pub reversible: bool,
}

#[derive(Template)]
#[template(path = "ledger/entries.html")]
struct EntriesPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    rows: Vec<EntryRow>,
    today: String,
    /// The entry whose reversal form came back with problems.
    failed: String,
    reason: String,
}

async fn entries_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    failed: String,
    reason: String,
) -> Result<EntriesPage, AppError> {
    let language = viewer.language;
    let entries = state.store.ledger_entries(scope).await?;
    let rows = entries
        .iter()
        .rev()
        .map(|stored| {
            let entry = &stored.entry;
            let amount = Pence::sum(
                entry
                    .lines()
                    .iter()
                    .filter(|l| l.side == cylch_ledger::Side::Debit)
                    .map(|l| l.amount),
            )
            .unwrap_or(Pence::ZERO);
            let status = match (&stored.reversed_by, entry.reverses()) {
                (Some(_), _) => state.i18n.text(language, "ledger-entry-reversed"),
                (None, Some(_)) => state.i18n.text(language, "ledger-entry-is-reversal"),
                (None, None) => String::new(),
            };
            EntryRow {
                id: entry.id().as_str().to_owned(),
                date: entry.date().strftime("%d/%m/%Y").to_string(),
                description: entry.description().to_owned(),
                amount: money(amount),
                status,
                reversible: stored.reversed_by.is_none() && entry.reverses().is_none(),
            }
        })
        .collect();
    let mut chrome = Chrome::new(state, viewer, "ledger-entries-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(EntriesPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        rows,
        today: state.clock().today_in_wales().to_string(),
        failed,
        reason,
    })
}

pub async fn entries(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewAllFunds).await?;
    render(
        &entries_page(
            &state,
            &viewer,
            &scope,
            Problems::default(),
            String::new(),
            String::new(),
        )
        .await?,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReversalForm {
    entry: String,
    reverse_date: String,
    reason: String,
}

/// The only correction the books allow: the entry's exact opposite, with a
/// reason, after which the right entry is posted again.
pub async fn reverse(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<ReversalForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordMoney).await?;
    let mut errors = Problems::default();
    let date = errors.check("reverse_date", parse_date(&form.reverse_date));
    let reason = required(&mut errors, "reason", &form.reason);
    let entry = form.entry.trim().to_owned();
    if entry.is_empty() {
        errors.field("entry", FieldError::Missing);
    }
    let (Some(date), Some(reason)) = (date, reason) else {
        return render_invalid(
            &entries_page(&state, &viewer, &scope, errors, entry, form.reason).await?,
        );
    };
    if !errors.is_empty() {
        return render_invalid(
            &entries_page(&state, &viewer, &scope, errors, entry, form.reason).await?,
        );
    }
    let reversal = ReverseEntry {
        entry: &entry,
        date,
        reason: &reason,
    };
    match commands::reverse_entry(&state, &scope, reversal).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/coops/{}/ledger/entries", scope.coop_id())).into_response())
        }
        Err(err) => {
            let refusal = err.explain(&state, viewer.language)?;
            errors.add(refusal.field.unwrap_or("reason"), refusal.code);
            render_invalid(
                &entries_page(&state, &viewer, &scope, errors, entry, form.reason).await?,
            )
        }
    }
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/ledger", show),
        route("POST", "/coops/{id}/ledger/arrangements", add_arrangement),
        route("POST", "/coops/{id}/ledger/receipts", record_receipt),
        route("POST", "/coops/{id}/ledger/spending", post_spending),
        route("POST", "/coops/{id}/ledger/bank", bank::import)
            .with_body_limit(upload::UPLOAD_LIMIT_BYTES),
        route(
            "POST",
            "/coops/{id}/ledger/bank/mapping",
            bank::import_mapped,
        )
        .with_body_limit(upload::UPLOAD_LIMIT_BYTES),
        route("POST", "/coops/{id}/ledger/reconcile", reconcile),
        route("GET", "/coops/{id}/ledger/claims", claims::show),
        route("POST", "/coops/{id}/ledger/claims", claims::make),
        route("POST", "/coops/{id}/ledger/claims/approve", claims::approve),
        route("POST", "/coops/{id}/ledger/claims/pay", claims::pay),
        route("POST", "/coops/{id}/ledger/settings", claims::settings),
        route("GET", "/coops/{id}/ledger/forecast", forecast::show),
        route("POST", "/coops/{id}/ledger/plans", forecast::add_plan),
        route("GET", "/coops/{id}/ledger/statement", statement),
        route("GET", "/coops/{id}/ledger/return.csv", returns::return_csv),
        route("GET", "/coops/{id}/ledger/return.pdf", returns::return_pdf),
        route("GET", "/coops/{id}/ledger/entries", entries),
        route(
            "GET",
            "/coops/{id}/ledger/trial-balance",
            books::trial_balance,
        ),
        route("GET", "/coops/{id}/ledger/accounts", books::accounts),
        route("GET", "/coops/{id}/ledger/budget", budget::show),
        route("POST", "/coops/{id}/ledger/budgets", budget::set),
        route("POST", "/coops/{id}/ledger/reversals", reverse),
    ]
}

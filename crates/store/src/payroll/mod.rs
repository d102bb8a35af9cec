//! Pay runs: one pay period of one frequency, computed for every PA paid
//! at that frequency with approved time not yet paid (in the period, or
//! approved late for an earlier one), reviewed as a draft, then approved
//! and locked.
//!
//! Each payslip keeps the engine's input in the payroll contract's JSON
//! (`docs/payroll-contract.md`), so that anyone can recompute it with
//! `cylch payroll calc` and get the stored figures; the store computes from
//! that same JSON, parsed by the contract's own parser, so the two cannot
//! drift apart.
//!
//! A period is paid once: starting a run takes the co-operative's lock and
//! looks for the period first, and a unique index on (co-operative, tax
//! year, frequency, period) refuses the second run even if something got
//! past the lock. Only the officers with the employer's duties run, read or
//! approve pay. Nothing is deleted; an approved run cannot change.

mod fps;
pub mod gross;
mod hmrc;
mod inputs;
mod p60;
mod payslips;
mod postings;

use std::collections::BTreeMap;

use cylch_domain::policy::has_employer_duties;
use cylch_payroll::contract::{self, FieldError};
use cylch_payroll::{Date, Frequency, Pence, Period, TaxYear, payslip};
use serde_json::{Value, json};
use sqlx::{AnyConnection, Row};

use crate::audit::{self, AuditAction, Change};
use crate::employment as employment_store;
use crate::{
    AccountId, CoopScope, EmploymentId, PayRunId, PayslipId, Store, StoreError, TimesheetLineId,
    timesheets,
};

pub use fps::{Missing, address_for_hmrc};
pub use hmrc::{EmployerReferences, HmrcDetails, PaForHmrc, paye_text};
pub use inputs::frequency_code;
pub use p60::{P60, P60Nic};
pub use payslips::{PaySlipLine, PayslipReady, PayslipSummary, PayslipView};
pub use postings::{Payee, RunPayment};

#[derive(Debug, thiserror::Error)]
pub enum PayRunError {
    /// Only the officers with the employer's duties run payroll.
    #[error("only the officers with the employer's duties run payroll")]
    NeedsEmployerDuties,
    /// No such run in this co-operative.
    #[error("no such pay run")]
    NotFound,
    /// The period has already been run (draft or approved).
    #[error("this pay period has already been run")]
    AlreadyRun,
    #[error("{0}")]
    BadPeriod(String),
    /// The pay date must fall in the tax year the run is for.
    #[error("the pay date must fall in the tax year")]
    PayDateOutsideYear,
    /// An earlier period of the same payroll is still a draft: its figures
    /// are not yet final, and this period's year-to-date figures build on
    /// them.
    #[error("an earlier pay run of this payroll is still waiting for approval")]
    EarlierRunNotApproved,
    /// A later period of the same payroll has already been run: running an
    /// earlier one now would leave the later one's year-to-date figures
    /// wrong.
    #[error("a later pay period of this payroll has already been run")]
    LaterPeriodRun,
    /// The run is approved and locked.
    #[error("this pay run is approved and cannot be changed")]
    Locked,
    /// The officer who started the run may not also approve it while
    /// another officer with the employer's duties could.
    #[error("another officer must approve the pay run you started")]
    SameOfficer,
    /// The engine refused one PA's input.
    #[error("the payroll engine refused the pay of {pa}: {error}")]
    Engine { pa: String, error: FieldError },
    /// Payments are recorded for approved runs only.
    #[error("this pay run is not approved yet")]
    NotApproved,
    /// This payee's payment for the run is already recorded.
    #[error("this payment has already been recorded")]
    AlreadyPaid,
    /// The run owes this payee nothing.
    #[error("this pay run owes them nothing")]
    NothingOwed,
    /// The ledger refused the run's entries: a fault in the figures, not
    /// something the officer can fix, so it names what it refused.
    #[error("the ledger refused the pay run's entries: {0}")]
    Posting(String),
    /// What HMRC needs that is not recorded yet, each thing named.
    #[error("HMRC's details are missing: {0:?}")]
    HmrcDetailsMissing(Vec<fps::Missing>),
    /// The FPS would break HMRC's rules on something recorded (an NI
    /// number, a name or address HMRC's characters cannot carry): HMRC's
    /// words, for the officer to correct the record.
    #[error("HMRC would refuse the FPS: {0}")]
    Rti(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PayRunError {
    fn from(err: sqlx::Error) -> Self {
        if StoreError::is_unique_violation(&err) {
            PayRunError::AlreadyRun
        } else {
            PayRunError::Store(err.into())
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunState {
    Draft,
    Approved,
}

impl RunState {
    pub fn code(self) -> &'static str {
        match self {
            RunState::Draft => "draft",
            RunState::Approved => "approved",
        }
    }
}

/// One PA's payslip in a run: the engine's figures and the to-date ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPayslip {
    pub id: PayslipId,
    pub employment: EmploymentId,
    pub pa_name: String,
    /// Minutes paid at an hourly rate: the hours a payslip must show.
    pub minutes_paid: i64,
    pub sleep_in_nights: i64,
    pub gross: Pence,
    pub taxable_pay: Pence,
    pub tax: Pence,
    pub employee_ni: Pence,
    pub employer_ni: Pence,
    pub employment_allowance_used: Pence,
    pub employee_pension: Pence,
    pub employer_pension: Pence,
    /// Always 0 for now: the engine has no student loan plans yet.
    pub student_loan: Pence,
    pub net_pay: Pence,
    pub taxable_pay_to_date: Pence,
    pub tax_to_date: Pence,
    /// This employment's own figures to date, this tax year.
    pub gross_to_date: Pence,
    pub employee_ni_to_date: Pence,
    pub employee_pension_to_date: Pence,
    pub auto_enrolment: Option<String>,
    pub pension_enrolled: bool,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayRun {
    pub id: PayRunId,
    pub frequency: Frequency,
    pub tax_year: TaxYear,
    /// Tax week or tax month.
    pub period: i64,
    pub first: Date,
    pub last: Date,
    pub pay_date: Date,
    pub state: RunState,
    pub created_by: AccountId,
    pub approved_by: Option<AccountId>,
    pub payslips: Vec<StoredPayslip>,
}

/// One PA's engine input in a run, in the contract's JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct PayslipInput {
    pub employment: EmploymentId,
    pub pa_name: String,
    pub input: Value,
}

fn require_employer(scope: &CoopScope) -> Result<(), PayRunError> {
    if has_employer_duties(scope.roles()) {
        Ok(())
    } else {
        Err(PayRunError::NeedsEmployerDuties)
    }
}

/// The first day of a period: the day after the previous period's last
/// day, or 6 April for the first.
fn first_day(year: TaxYear, period: Period) -> Result<Date, StoreError> {
    let units = period.frequency().units_per_period();
    let previous = period.number() - units;
    if previous < 1 {
        return Ok(year.first_day());
    }
    Period::new(period.frequency(), previous)
        .map_err(|e| StoreError::Corrupt(e.to_string()))?
        .last_day(year)
        .add_days(1)
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn parse_date(text: &str) -> Result<Date, StoreError> {
    Date::parse(text).map_err(|_| StoreError::Corrupt(format!("date {text:?}")))
}

impl Store {
    /// Runs pay for one period of one frequency: a draft payslip for every
    /// PA paid at that frequency whose employment covers the period and
    /// who has approved time in it. Refused when the period has been run
    /// before ([`PayRunError::AlreadyRun`]), also when two officers press
    /// at once.
    pub async fn start_pay_run(
        &self,
        scope: &CoopScope,
        frequency: Frequency,
        tax_year: TaxYear,
        period: i64,
        pay_date: Date,
    ) -> Result<PayRun, PayRunError> {
        require_employer(scope)?;
        let period =
            Period::new(frequency, period).map_err(|e| PayRunError::BadPeriod(e.to_string()))?;
        if !tax_year.contains(pay_date) {
            return Err(PayRunError::PayDateOutsideYear);
        }
        let first = first_day(tax_year, period)?;
        let last = period.last_day(tax_year);
        let year_name = tax_year.data().name;
        let frequency_text = frequency_code(frequency);

        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let earlier = sqlx::query(
            "SELECT period, state FROM pay_runs WHERE coop_id = $1 AND tax_year = $2 AND frequency = $3",
        )
        .bind(scope.coop_id().as_str())
        .bind(year_name)
        .bind(frequency_text)
        .fetch_all(&mut *tx)
        .await?;
        for row in &earlier {
            let number: i64 = row.try_get(0)?;
            let state: String = row.try_get(1)?;
            if number == period.number() {
                return Err(PayRunError::AlreadyRun);
            }
            if number > period.number() {
                return Err(PayRunError::LaterPeriodRun);
            }
            if state != RunState::Approved.code() {
                return Err(PayRunError::EarlierRunNotApproved);
            }
        }

        let id = PayRunId::new();
        let now = self.now_ms();
        sqlx::query(
            "INSERT INTO pay_runs (id, coop_id, frequency, tax_year, period, period_first, period_last, pay_date, state, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10)",
        )
        .bind(id.as_str())
        .bind(scope.coop_id().as_str())
        .bind(frequency_text)
        .bind(year_name)
        .bind(period.number())
        .bind(first.to_string())
        .bind(last.to_string())
        .bind(pay_date.to_string())
        .bind(scope.account().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;

        let employments: Vec<String> = sqlx::query(
            "SELECT id FROM employments WHERE coop_id = $1 ORDER BY starts_on, name, id",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<Result<_, _>>()?;
        let mut count = 0usize;
        for raw in employments {
            let employment = EmploymentId::from_db(raw);
            let Some(stored) =
                employment_store::load_one(&mut tx, scope.coop_id(), &employment).await?
            else {
                continue;
            };
            let e = &stored.employment;
            if e.pay_frequency != frequency
                || e.start > last
                || e.ending.is_some_and(|end| end.last_day < first)
            {
                continue;
            }
            // Rule 10: a relative in the household is not paid until the
            // council authorises it. Their approved time waits, unpaid,
            // and is paid by the first run after the authorisation; the
            // run's page names them (`pay_run_held_back`).
            if !e.household.payable() {
                continue;
            }
            // Every approved line from the start of the employment: time
            // approved after its own period was run is paid now.
            let lines =
                timesheets::approved_lines(&mut tx, scope.coop_id(), &employment, e.start, last)
                    .await?;
            let paid = paid_lines(&mut tx, scope, &employment).await?;
            let pay = gross::gross(&lines, &e.rates, &paid)
                .map_err(|e| StoreError::Corrupt(format!("pay of {employment}: {e}")))?;
            if pay.lines.is_empty() {
                // No approved time: no payslip. (Cylch has no salaried PAs.)
                continue;
            }
            let before = inputs::to_date(&mut tx, scope, &employment, tax_year).await?;
            let built = inputs::build(&stored, tax_year, period, pay_date, pay.pence, &before)
                .map_err(StoreError::Corrupt)?;
            let engine = contract::parse_input(&built.input)
                .and_then(|input| {
                    payslip::calculate(&input).map_err(|e| FieldError {
                        field: "gross_pay_pence".to_owned(),
                        message: e.to_string(),
                    })
                })
                .map_err(|error| PayRunError::Engine {
                    pa: e.name.as_str().to_owned(),
                    error,
                })?;
            let mut notes = built.notes;
            notes.extend(engine.notes.iter().cloned());
            let add = |a: Pence, b: Pence| {
                a.checked_add(b)
                    .ok_or_else(|| StoreError::Corrupt("figures to date overflow".to_owned()))
            };
            let payslip_id = crate::ids::random_id();
            sqlx::query(
                "INSERT INTO payslips (id, coop_id, run_id, employment_id, input_json, minutes_paid, sleep_in_nights,
                     gross_pence, taxable_pay_pence, tax_pence, employee_ni_pence, employer_ni_pence,
                     employment_allowance_used_pence, employee_pension_pence, employer_pension_pence,
                     student_loan_pence, net_pay_pence, taxable_pay_to_date_pence, tax_to_date_pence,
                     gross_to_date_pence, employee_ni_to_date_pence, employee_pension_to_date_pence,
                     auto_enrolment, pension_enrolled, notes_json, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                     $19, $20, $21, $22, $23, $24, $25, $26)",
            )
            .bind(&payslip_id)
            .bind(scope.coop_id().as_str())
            .bind(id.as_str())
            .bind(employment.as_str())
            .bind(built.input.to_string())
            .bind(pay.minutes)
            .bind(pay.sleep_in_nights)
            .bind(pay.pence)
            .bind(engine.taxable_pay)
            .bind(engine.tax)
            .bind(engine.employee_ni)
            .bind(engine.employer_ni)
            .bind(engine.employment_allowance_used)
            .bind(engine.employee_pension)
            .bind(engine.employer_pension)
            .bind(0_i64)
            .bind(engine.net_pay)
            .bind(engine.taxable_pay_to_date)
            .bind(engine.tax_to_date)
            .bind(add(before.gross, pay.pence)?)
            .bind(add(before.employee_ni, engine.employee_ni)?)
            .bind(add(before.employee_pension, engine.employee_pension)?)
            .bind(engine.auto_enrolment.map(|c| c.as_str().to_owned()))
            .bind(i64::from(built.enrolled))
            .bind(json!(notes).to_string())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            for line in &pay.lines {
                sqlx::query(
                    "INSERT INTO payslip_lines (payslip_id, coop_id, line_id, rate_pence, minutes, flat_pence)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&payslip_id)
                .bind(scope.coop_id().as_str())
                .bind(line.line.as_str())
                .bind(line.rate)
                .bind(line.minutes)
                .bind(line.flat)
                .execute(&mut *tx)
                .await?;
            }
            count += 1;
        }
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "pay_run",
                record_id: id.as_str(),
                action: AuditAction::Created,
                before: None,
                after: Some(json!({
                    "frequency": frequency_text,
                    "tax_year": year_name,
                    "period": period.number(),
                    "pay_date": pay_date.to_string(),
                    "state": RunState::Draft.code(),
                    "payslips": count,
                })),
            },
        )
        .await?;
        tx.commit().await?;
        let mut conn = self.pool().acquire().await?;
        load_run(&mut conn, scope, &id)
            .await?
            .ok_or(PayRunError::NotFound)
    }

    /// Approves a draft run, which locks it. The officer who started it
    /// may not approve it while another officer with the employer's duties
    /// holds office.
    pub async fn approve_pay_run(
        &self,
        scope: &CoopScope,
        run: &PayRunId,
    ) -> Result<PayRun, PayRunError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let row =
            sqlx::query("SELECT state, created_by FROM pay_runs WHERE coop_id = $1 AND id = $2")
                .bind(scope.coop_id().as_str())
                .bind(run.as_str())
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(PayRunError::NotFound)?;
        let state: String = row.try_get(0)?;
        let created_by: String = row.try_get(1)?;
        if state != RunState::Draft.code() {
            return Err(PayRunError::Locked);
        }
        if created_by == scope.account().as_str() {
            // Every office carries the employer's duties (see
            // `has_employer_duties`), so any other office-holder could approve.
            let others: Vec<String> = sqlx::query(
                "SELECT DISTINCT account_id FROM offices WHERE coop_id = $1 AND ended_at IS NULL AND account_id <> $2",
            )
            .bind(scope.coop_id().as_str())
            .bind(scope.account().as_str())
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
            if !others.is_empty() {
                return Err(PayRunError::SameOfficer);
            }
        }
        let changed = sqlx::query(
            "UPDATE pay_runs SET state = 'approved', approved_by = $1, approved_at = $2
             WHERE coop_id = $3 AND id = $4 AND state = 'draft'",
        )
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .bind(scope.coop_id().as_str())
        .bind(run.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(PayRunError::Locked);
        }
        postings::post_run(&mut tx, scope, run).await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "pay_run",
                record_id: run.as_str(),
                action: AuditAction::Updated,
                before: Some(json!({"state": RunState::Draft.code()})),
                after: Some(json!({"state": RunState::Approved.code()})),
            },
        )
        .await?;
        tx.commit().await?;
        let mut conn = self.pool().acquire().await?;
        load_run(&mut conn, scope, run)
            .await?
            .ok_or(PayRunError::NotFound)
    }

    /// One run with its payslips.
    pub async fn pay_run(&self, scope: &CoopScope, run: &PayRunId) -> Result<PayRun, PayRunError> {
        require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        load_run(&mut conn, scope, run)
            .await?
            .ok_or(PayRunError::NotFound)
    }

    /// Every run of the co-operative, the latest first, with payslips.
    pub async fn pay_runs(&self, scope: &CoopScope) -> Result<Vec<PayRun>, PayRunError> {
        require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        let ids: Vec<String> = sqlx::query(
            "SELECT id FROM pay_runs WHERE coop_id = $1 ORDER BY pay_date DESC, created_at DESC, id",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
        let mut out = Vec::new();
        for id in ids {
            if let Some(run) = load_run(&mut conn, scope, &PayRunId::from_db(id)).await? {
                out.push(run);
            }
        }
        Ok(out)
    }

    /// The PAs of a run's frequency with approved time up to its last day
    /// who were not paid in it because the council has not yet authorised
    /// paying them (rule 10), by name.
    pub async fn pay_run_held_back(
        &self,
        scope: &CoopScope,
        run: &PayRunId,
    ) -> Result<Vec<String>, PayRunError> {
        require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        let found = load_run(&mut conn, scope, run)
            .await?
            .ok_or(PayRunError::NotFound)?;
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT id FROM employments WHERE coop_id = $1 ORDER BY name, id")
                .bind(scope.coop_id().as_str())
                .fetch_all(&mut *conn)
                .await?;
        let mut out = Vec::new();
        for raw in ids {
            let employment = EmploymentId::from_db(raw);
            let Some(stored) =
                employment_store::load_one(&mut conn, scope.coop_id(), &employment).await?
            else {
                continue;
            };
            let e = &stored.employment;
            if e.pay_frequency != found.frequency || e.household.payable() {
                continue;
            }
            let lines = timesheets::approved_lines(
                &mut conn,
                scope.coop_id(),
                &employment,
                e.start,
                found.last,
            )
            .await?;
            if !lines.is_empty() {
                out.push(e.name.as_str().to_owned());
            }
        }
        Ok(out)
    }

    /// Each PA's engine input in a run, as `cylch payroll calc` reads it.
    pub async fn pay_run_inputs(
        &self,
        scope: &CoopScope,
        run: &PayRunId,
    ) -> Result<Vec<PayslipInput>, PayRunError> {
        require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        if load_run(&mut conn, scope, run).await?.is_none() {
            return Err(PayRunError::NotFound);
        }
        let rows = sqlx::query(
            "SELECT p.employment_id, e.name, p.input_json FROM payslips p
             JOIN employments e ON e.coop_id = p.coop_id AND e.id = p.employment_id
             WHERE p.coop_id = $1 AND p.run_id = $2 ORDER BY e.name, p.employment_id",
        )
        .bind(scope.coop_id().as_str())
        .bind(run.as_str())
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                let text: String = row.try_get(2)?;
                Ok(PayslipInput {
                    employment: EmploymentId::from_db(row.try_get(0)?),
                    pa_name: row.try_get(1)?,
                    input: serde_json::from_str(&text)
                        .map_err(|_| StoreError::Corrupt("payslip input".to_owned()))?,
                })
            })
            .collect()
    }
}

/// The lines this employment's earlier payslips paid, by line id.
async fn paid_lines(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    employment: &EmploymentId,
) -> Result<BTreeMap<String, gross::PaidLine>, StoreError> {
    let rows = sqlx::query(
        "SELECT l.line_id, l.rate_pence, l.minutes, l.flat_pence
         FROM payslip_lines l JOIN payslips p ON p.id = l.payslip_id
         WHERE p.coop_id = $1 AND p.employment_id = $2",
    )
    .bind(scope.coop_id().as_str())
    .bind(employment.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut out = BTreeMap::new();
    for row in &rows {
        let id: String = row.try_get(0)?;
        out.insert(
            id.clone(),
            gross::PaidLine {
                line: TimesheetLineId::from_db(id),
                rate: row.try_get(1)?,
                minutes: row.try_get(2)?,
                flat: row.try_get(3)?,
            },
        );
    }
    Ok(out)
}

async fn load_run(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &PayRunId,
) -> Result<Option<PayRun>, PayRunError> {
    let Some(row) = sqlx::query(
        "SELECT frequency, tax_year, period, period_first, period_last, pay_date, state, created_by, approved_by
         FROM pay_runs WHERE coop_id = $1 AND id = $2",
    )
    .bind(scope.coop_id().as_str())
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let frequency: String = row.try_get(0)?;
    let year: String = row.try_get(1)?;
    let state: String = row.try_get(6)?;
    let approved_by: Option<String> = row.try_get(8)?;
    let mut run = PayRun {
        id: id.clone(),
        frequency: Frequency::parse(&frequency)
            .map_err(|_| StoreError::Corrupt(format!("frequency {frequency:?}")))?,
        tax_year: TaxYear::parse(&year)
            .map_err(|_| StoreError::Corrupt(format!("tax year {year:?}")))?,
        period: row.try_get(2)?,
        first: parse_date(&row.try_get::<String, _>(3)?)?,
        last: parse_date(&row.try_get::<String, _>(4)?)?,
        pay_date: parse_date(&row.try_get::<String, _>(5)?)?,
        state: if state == RunState::Approved.code() {
            RunState::Approved
        } else {
            RunState::Draft
        },
        created_by: AccountId::from_db(row.try_get(7)?),
        approved_by: approved_by.map(AccountId::from_db),
        payslips: Vec::new(),
    };
    let rows = sqlx::query(
        "SELECT p.employment_id, e.name, p.minutes_paid, p.sleep_in_nights, p.gross_pence, p.taxable_pay_pence,
             p.tax_pence, p.employee_ni_pence, p.employer_ni_pence, p.employment_allowance_used_pence,
             p.employee_pension_pence, p.employer_pension_pence, p.student_loan_pence, p.net_pay_pence,
             p.taxable_pay_to_date_pence, p.tax_to_date_pence, p.gross_to_date_pence,
             p.employee_ni_to_date_pence, p.employee_pension_to_date_pence, p.auto_enrolment,
             p.pension_enrolled, p.notes_json, p.id
         FROM payslips p JOIN employments e ON e.coop_id = p.coop_id AND e.id = p.employment_id
         WHERE p.coop_id = $1 AND p.run_id = $2 ORDER BY e.name, p.employment_id",
    )
    .bind(scope.coop_id().as_str())
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?;
    for row in &rows {
        let notes: String = row.try_get(21)?;
        run.payslips.push(StoredPayslip {
            id: PayslipId::from_db(row.try_get(22)?),
            employment: EmploymentId::from_db(row.try_get(0)?),
            pa_name: row.try_get(1)?,
            minutes_paid: row.try_get(2)?,
            sleep_in_nights: row.try_get(3)?,
            gross: row.try_get(4)?,
            taxable_pay: row.try_get(5)?,
            tax: row.try_get(6)?,
            employee_ni: row.try_get(7)?,
            employer_ni: row.try_get(8)?,
            employment_allowance_used: row.try_get(9)?,
            employee_pension: row.try_get(10)?,
            employer_pension: row.try_get(11)?,
            student_loan: row.try_get(12)?,
            net_pay: row.try_get(13)?,
            taxable_pay_to_date: row.try_get(14)?,
            tax_to_date: row.try_get(15)?,
            gross_to_date: row.try_get(16)?,
            employee_ni_to_date: row.try_get(17)?,
            employee_pension_to_date: row.try_get(18)?,
            auto_enrolment: row.try_get(19)?,
            pension_enrolled: row.try_get::<i64, _>(20)? == 1,
            notes: serde_json::from_str(&notes)
                .map_err(|_| StoreError::Corrupt("payslip notes".to_owned()))?,
        });
    }
    Ok(Some(run))
}

//! A pay run in the ledger. Approving a run posts one entry per payslip:
//! the PA's wages and the employer's costs charged to the funds of the
//! people they supported, in proportion to the approved time spent with
//! each (time shared between people split equally between them), and what
//! is then owed to the PA, HMRC and the pension scheme
//! ([`cylch_ledger::allocate_payslip`]). Recording a payment to the PAs,
//! HMRC or the scheme posts one entry that clears exactly what the run left
//! owing to that payee, fund by fund ([`cylch_ledger::settle`]).
//!
//! Everything is posted in the same transaction as the change that causes
//! it, so an approved run always has its entries and a run is paid once.

use std::collections::BTreeMap;

use cylch_ledger::account::codes;
use cylch_ledger::{
    Chart, EntryDraft, Line, PayslipCosts, PersonId, WagesInput, allocate_payslip, settle,
};
use cylch_payroll::Pence as PayrollPence;
use serde_json::json;
use sqlx::Row;

use super::{PayRunError, load_run, require_employer};
use crate::audit::{self, AuditAction, Change};
use crate::ledger::entries::{insert_entry, new_entry_id};
use crate::ledger::parse_date;
use crate::{CoopScope, PayRunId, Store, StoreError, Tx};

/// Whom a payment of a run went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payee {
    /// The PAs' net pay.
    Pas,
    Hmrc,
    Pension,
}

impl Payee {
    pub const ALL: [Payee; 3] = [Payee::Pas, Payee::Hmrc, Payee::Pension];

    pub fn code(self) -> &'static str {
        match self {
            Payee::Pas => "pas",
            Payee::Hmrc => "hmrc",
            Payee::Pension => "pension",
        }
    }

    pub fn parse(raw: &str) -> Option<Payee> {
        Payee::ALL.into_iter().find(|p| p.code() == raw)
    }

    /// The liability account a payment to this payee clears.
    fn account(self) -> &'static str {
        match self {
            Payee::Pas => codes::PAYROLL_CONTROL,
            Payee::Hmrc => codes::HMRC,
            Payee::Pension => codes::PENSION,
        }
    }
}

/// What a run left owing to one payee, and the entry that paid it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunPayment {
    pub payee: Payee,
    pub amount: PayrollPence,
    /// The payment's ledger entry and its date, once recorded.
    pub paid: Option<(String, jiff::civil::Date)>,
}

/// The weights for splitting one payslip between the people the PA
/// supported: each paid line's minutes, shared equally between everyone
/// the line was for. A line is for at most four people (the most a
/// co-operative may support unregulated), so minutes × 12 divides evenly
/// between any of them.
async fn minutes_by_person(
    tx: &mut Tx,
    scope: &CoopScope,
    payslip: &str,
) -> Result<Vec<(PersonId, u32)>, StoreError> {
    let rows = sqlx::query(
        "SELECT pl.line_id, tl.minutes, lp.person_id
         FROM payslip_lines pl
         JOIN timesheet_lines tl ON tl.coop_id = pl.coop_id AND tl.id = pl.line_id
         JOIN timesheet_line_people lp ON lp.coop_id = pl.coop_id AND lp.line_id = pl.line_id
         WHERE pl.coop_id = $1 AND pl.payslip_id = $2
         ORDER BY pl.line_id, lp.person_id",
    )
    .bind(scope.coop_id().as_str())
    .bind(payslip)
    .fetch_all(&mut **tx)
    .await?;
    let mut lines: BTreeMap<String, (i64, Vec<String>)> = BTreeMap::new();
    for row in &rows {
        let line: String = row.try_get(0)?;
        let minutes: i64 = row.try_get(1)?;
        let person: String = row.try_get(2)?;
        lines
            .entry(line)
            .or_insert((minutes, Vec::new()))
            .1
            .push(person);
    }
    let mut weights: BTreeMap<String, i64> = BTreeMap::new();
    for (minutes, people) in lines.values() {
        let count = i64::try_from(people.len()).unwrap_or(i64::MAX).max(1);
        let share = minutes.saturating_mul(12) / count;
        for person in people {
            let weight = weights.entry(person.clone()).or_default();
            *weight = weight.saturating_add(share);
        }
    }
    weights
        .into_iter()
        .map(|(person, weight)| {
            Ok((
                PersonId::new(&person)
                    .map_err(|_| StoreError::Corrupt(format!("person id {person:?}")))?,
                u32::try_from(weight.max(0))
                    .map_err(|_| StoreError::Corrupt("minutes in one payslip".to_owned()))?,
            ))
        })
        .collect()
}

/// Posts every payslip of an approved run. Called inside the approval's
/// transaction.
pub(super) async fn post_run(
    tx: &mut Tx,
    scope: &CoopScope,
    run: &PayRunId,
) -> Result<(), PayRunError> {
    let header = sqlx::query(
        "SELECT pay_date, tax_year, period, period_first, period_last FROM pay_runs WHERE coop_id = $1 AND id = $2",
    )
    .bind(scope.coop_id().as_str())
    .bind(run.as_str())
    .fetch_one(&mut **tx)
    .await?;
    let pay_date = parse_date(&header.try_get::<String, _>(0)?)?;
    let first: String = header.try_get(3)?;
    let last: String = header.try_get(4)?;
    let rows = sqlx::query(
        "SELECT p.id, p.employment_id, e.name, p.gross_pence, p.tax_pence, p.employee_ni_pence,
             p.employer_ni_pence, p.employment_allowance_used_pence, p.employee_pension_pence,
             p.employer_pension_pence, p.student_loan_pence
         FROM payslips p JOIN employments e ON e.coop_id = p.coop_id AND e.id = p.employment_id
         WHERE p.coop_id = $1 AND p.run_id = $2 ORDER BY e.name, p.employment_id",
    )
    .bind(scope.coop_id().as_str())
    .bind(run.as_str())
    .fetch_all(&mut **tx)
    .await?;
    let overflow = || StoreError::Corrupt("payslip figures overflow".to_owned());
    for row in &rows {
        let payslip: String = row.try_get(0)?;
        let employment: String = row.try_get(1)?;
        let name: String = row.try_get(2)?;
        let figure = |i: usize| -> Result<i64, StoreError> { Ok(row.try_get::<i64, _>(i)?) };
        let gross = figure(3)?;
        let tax = figure(4)?;
        let employee_ni = figure(5)?;
        let employer_ni = figure(6)?;
        let allowance = figure(7)?;
        let employee_pension = figure(8)?;
        let employer_pension = figure(9)?;
        let student_loan = figure(10)?;
        // The Employment Allowance reduces what the employer's NI costs
        // and what HMRC is owed, by the same amount.
        let employer_ni_due = employer_ni.checked_sub(allowance).ok_or_else(overflow)?;
        let employer_costs = employer_ni_due
            .checked_add(employer_pension)
            .ok_or_else(overflow)?;
        let owed_to_hmrc = [tax, employee_ni, employer_ni_due, student_loan]
            .into_iter()
            .try_fold(0_i64, i64::checked_add)
            .ok_or_else(overflow)?;
        let owed_to_pension = employee_pension
            .checked_add(employer_pension)
            .ok_or_else(overflow)?;
        if gross == 0 && employer_costs == 0 {
            continue;
        }
        let minutes = minutes_by_person(tx, scope, &payslip).await?;
        let posting = allocate_payslip(&PayslipCosts {
            wages: WagesInput {
                gross: cylch_ledger::Pence::new(gross),
                employer_costs: cylch_ledger::Pence::new(employer_costs),
                minutes,
            },
            owed_to_hmrc: cylch_ledger::Pence::new(owed_to_hmrc),
            owed_to_pension: cylch_ledger::Pence::new(owed_to_pension),
        })
        .map_err(|e| PayRunError::Posting(format!("{name}: {e}")))?;
        let entry = EntryDraft {
            id: new_entry_id(),
            date: pay_date,
            description: format!("{name}: {first} – {last}"),
            lines: posting.lines,
            allocation: Some(posting.allocation),
            reverses: None,
        }
        .post(&Chart::standard())
        .map_err(|e| PayRunError::Posting(format!("{name}: {e}")))?;
        insert_entry(tx, scope, &entry)
            .await
            .map_err(|e| PayRunError::Posting(format!("{name}: {e}")))?;
        record(tx, scope, run, &entry, "pay", Some(&employment)).await?;
    }
    Ok(())
}

async fn record(
    tx: &mut Tx,
    scope: &CoopScope,
    run: &PayRunId,
    entry: &cylch_ledger::PostedEntry,
    purpose: &str,
    employment: Option<&str>,
) -> Result<(), PayRunError> {
    sqlx::query(
        "INSERT INTO pay_run_entries (entry_id, coop_id, run_id, purpose, employment_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(entry.id().as_str())
    .bind(scope.coop_id().as_str())
    .bind(run.as_str())
    .bind(purpose)
    .bind(employment)
    .bind(crate::clock::written_at_ms())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The lines of every payslip entry the run posted.
async fn run_lines(
    tx: &mut Tx,
    scope: &CoopScope,
    run: &PayRunId,
) -> Result<Vec<Line>, PayRunError> {
    let rows = sqlx::query(
        "SELECT l.account_code, l.fund_person_id, l.side, l.amount
         FROM pay_run_entries r JOIN ledger_lines l ON l.coop_id = r.coop_id AND l.entry_id = r.entry_id
         WHERE r.coop_id = $1 AND r.run_id = $2 AND r.purpose = 'pay'
         ORDER BY r.entry_id, l.line_no",
    )
    .bind(scope.coop_id().as_str())
    .bind(run.as_str())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| {
            let account: String = row.try_get(0)?;
            let fund = crate::ledger::fund_from_column(row.try_get(1)?)?;
            let side: String = row.try_get(2)?;
            let amount = cylch_ledger::Pence::new(row.try_get(3)?);
            Ok(match side.as_str() {
                "debit" => Line::debit(&account, fund, amount),
                "credit" => Line::credit(&account, fund, amount),
                other => return Err(StoreError::Corrupt(format!("side {other:?}")).into()),
            })
        })
        .collect()
}

/// Payments already recorded for a run, by payee.
async fn payments_made(
    tx: &mut Tx,
    scope: &CoopScope,
    run: &PayRunId,
) -> Result<BTreeMap<String, (String, jiff::civil::Date)>, PayRunError> {
    let rows = sqlx::query(
        "SELECT r.purpose, r.entry_id, e.entry_date FROM pay_run_entries r
         JOIN ledger_entries e ON e.coop_id = r.coop_id AND e.id = r.entry_id
         WHERE r.coop_id = $1 AND r.run_id = $2 AND r.purpose <> 'pay'",
    )
    .bind(scope.coop_id().as_str())
    .bind(run.as_str())
    .fetch_all(&mut **tx)
    .await?;
    let mut out = BTreeMap::new();
    for row in &rows {
        let date: String = row.try_get(2)?;
        out.insert(row.try_get(0)?, (row.try_get(1)?, parse_date(&date)?));
    }
    Ok(out)
}

fn owed_on(lines: &[Line], account: &str) -> Result<PayrollPence, StoreError> {
    lines
        .iter()
        .filter(|l| l.account.as_str() == account)
        .try_fold(0_i64, |sum, l| {
            let signed = l
                .signed()
                .map_err(|_| StoreError::Corrupt("overflow".into()))?;
            sum.checked_sub(signed.get())
                .ok_or_else(|| StoreError::Corrupt("overflow".into()))
        })
}

impl Store {
    /// What an approved run owes each payee, and which are paid.
    pub async fn pay_run_payments(
        &self,
        scope: &CoopScope,
        run: &PayRunId,
    ) -> Result<Vec<RunPayment>, PayRunError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        let found = load_run(&mut tx, scope, run)
            .await?
            .ok_or(PayRunError::NotFound)?;
        if found.state != super::RunState::Approved {
            return Ok(Vec::new());
        }
        let lines = run_lines(&mut tx, scope, run).await?;
        let made = payments_made(&mut tx, scope, run).await?;
        tx.commit().await?;
        Payee::ALL
            .into_iter()
            .map(|payee| {
                Ok(RunPayment {
                    payee,
                    amount: owed_on(&lines, payee.account())?,
                    paid: made.get(payee.code()).cloned(),
                })
            })
            .collect()
    }

    /// Records paying one payee what an approved run owes them, on `date`,
    /// from the bank. Refused for a draft run, and for a payee already
    /// paid for this run (also when two officers press at once).
    pub async fn record_pay_run_payment(
        &self,
        scope: &CoopScope,
        run: &PayRunId,
        payee: Payee,
        date: jiff::civil::Date,
    ) -> Result<RunPayment, PayRunError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let found = load_run(&mut tx, scope, run)
            .await?
            .ok_or(PayRunError::NotFound)?;
        if found.state != super::RunState::Approved {
            return Err(PayRunError::NotApproved);
        }
        if payments_made(&mut tx, scope, run)
            .await?
            .contains_key(payee.code())
        {
            return Err(PayRunError::AlreadyPaid);
        }
        let lines = run_lines(&mut tx, scope, run).await?;
        let amount = owed_on(&lines, payee.account())?;
        let paid = settle(&lines, payee.account()).map_err(|e| match e {
            cylch_ledger::wages::WagesError::Nothing => PayRunError::NothingOwed,
            other => PayRunError::Posting(other.to_string()),
        })?;
        let period = format!("{} – {}", found.first, found.last);
        let entry = EntryDraft {
            id: new_entry_id(),
            date,
            description: match payee {
                // Both languages: an entry's description is the same text
                // whoever reads the books.
                Payee::Pas => format!("PAs' net pay / Cyflog net y cynorthwywyr: {period}"),
                Payee::Hmrc => format!("HMRC PAYE and NI / CThEF TWE ac YG: {period}"),
                Payee::Pension => format!("Pension contributions / Cyfraniadau pensiwn: {period}"),
            },
            lines: paid,
            allocation: None,
            reverses: None,
        }
        .post(&Chart::standard())
        .map_err(|e| PayRunError::Posting(e.to_string()))?;
        insert_entry(&mut tx, scope, &entry)
            .await
            .map_err(|e| PayRunError::Posting(e.to_string()))?;
        record(&mut tx, scope, run, &entry, payee.code(), None).await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "pay_run",
                record_id: run.as_str(),
                action: AuditAction::Updated,
                before: None,
                after: Some(json!({
                    "paid": payee.code(),
                    "amount_pence": amount,
                    "date": date.to_string(),
                    "entry": entry.id().as_str(),
                })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(RunPayment {
            payee,
            amount,
            paid: Some((entry.id().as_str().to_owned(), date)),
        })
    }
}

//! Payslips as people read them: a PA their own, once the run is
//! approved; the officers with the employer's duties every one. Anyone
//! else is told there is no such payslip, so an id tells them nothing.

use cylch_domain::Language;
use cylch_domain::policy::has_employer_duties;
use cylch_employment::timesheet::LineKind;
use cylch_payroll::{Date, Pence};
use sqlx::{AnyConnection, Row};

use super::{PayRun, PayRunError, RunState, StoredPayslip, load_run, parse_date};
use crate::{CoopScope, PayRunId, PayslipId, Store, StoreError};

/// One payslip in a list of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayslipSummary {
    pub id: PayslipId,
    pub employment: crate::EmploymentId,
    pub run: PayRunId,
    pub pa_name: String,
    pub first: Date,
    pub last: Date,
    pub pay_date: Date,
    pub gross: Pence,
    pub net_pay: Pence,
}

/// Hours paid at one rate for one kind of time: the itemised lines the
/// law asks a payslip to show where pay varies with the hours worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaySlipLine {
    pub kind: LineKind,
    /// Pence an hour.
    pub rate: Pence,
    pub minutes: i64,
    /// Flat sums (the sleep-in nights') on these lines, and how many.
    pub flat: Pence,
    pub nights: i64,
    /// Time that replaces time an earlier payslip paid: the payslip pays
    /// only the difference.
    pub adjustment: bool,
}

/// A payslip in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayslipView {
    /// The run, without its other payslips.
    pub run: PayRun,
    pub slip: StoredPayslip,
    pub tax_code: String,
    pub week1_month1: bool,
    pub ni_letter: String,
    pub lines: Vec<PaySlipLine>,
    /// The PA's own language, when they sign in: their payslip is written
    /// in it.
    pub pa_language: Option<Language>,
    /// The employer: the co-operative's name.
    pub employer: String,
}

async fn visible_run(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    payslip: &PayslipId,
) -> Result<(PayRunId, Option<String>), PayRunError> {
    let row = sqlx::query(
        "SELECT p.run_id, r.state, e.account_id FROM payslips p
         JOIN pay_runs r ON r.coop_id = p.coop_id AND r.id = p.run_id
         JOIN employments e ON e.coop_id = p.coop_id AND e.id = p.employment_id
         WHERE p.coop_id = $1 AND p.id = $2",
    )
    .bind(scope.coop_id().as_str())
    .bind(payslip.as_str())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(PayRunError::NotFound)?;
    let state: String = row.try_get(1)?;
    let account: Option<String> = row.try_get(2)?;
    let own = account.as_deref() == Some(scope.account().as_str());
    let allowed = has_employer_duties(scope.roles()) || (own && state == RunState::Approved.code());
    if !allowed {
        return Err(PayRunError::NotFound);
    }
    Ok((PayRunId::from_db(row.try_get(0)?), account))
}

/// A PA to tell that their payslip is ready: where, and in which language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayslipReady {
    pub payslip: PayslipId,
    pub email: cylch_domain::EmailAddress,
    pub language: Language,
}

impl Store {
    /// The PAs of an approved run who sign in, to be told their payslip is
    /// ready. Nothing for a draft: a PA reads only approved payslips.
    pub async fn payslips_ready(
        &self,
        scope: &CoopScope,
        run: &PayRunId,
    ) -> Result<Vec<PayslipReady>, PayRunError> {
        super::require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        let rows = sqlx::query(
            "SELECT p.id, a.email, a.language FROM payslips p
             JOIN pay_runs r ON r.coop_id = p.coop_id AND r.id = p.run_id
             JOIN employments e ON e.coop_id = p.coop_id AND e.id = p.employment_id
             JOIN accounts a ON a.id = e.account_id
             WHERE p.coop_id = $1 AND p.run_id = $2 AND r.state = 'approved'
             ORDER BY p.id",
        )
        .bind(scope.coop_id().as_str())
        .bind(run.as_str())
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                let email: String = row.try_get(1)?;
                let language: String = row.try_get(2)?;
                Ok(PayslipReady {
                    payslip: PayslipId::from_db(row.try_get(0)?),
                    email: cylch_domain::EmailAddress::parse(&email)
                        .map_err(|_| StoreError::Corrupt("account email".to_owned()))?,
                    language: Language::from_code(&language)
                        .ok_or_else(|| StoreError::Corrupt("account language".to_owned()))?,
                })
            })
            .collect::<Result<_, StoreError>>()
            .map_err(PayRunError::from)
    }

    /// The language of the PA's own sign-in, for the documents Cylch
    /// writes for them; `None` when they do not sign in.
    pub async fn employment_language(
        &self,
        scope: &CoopScope,
        employment: &crate::EmploymentId,
    ) -> Result<Option<Language>, StoreError> {
        let code: Option<String> = sqlx::query_scalar(
            "SELECT a.language FROM employments e JOIN accounts a ON a.id = e.account_id
             WHERE e.coop_id = $1 AND e.id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(employment.as_str())
        .fetch_optional(self.pool())
        .await?;
        Ok(code.as_deref().and_then(Language::from_code))
    }

    /// The caller's own payslips, from approved runs, the latest first.
    pub async fn own_payslips(&self, scope: &CoopScope) -> Result<Vec<PayslipSummary>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let rows = sqlx::query(
            "SELECT p.id, p.run_id, e.name, r.period_first, r.period_last, r.pay_date, p.gross_pence, p.net_pay_pence,
                 p.employment_id
             FROM payslips p
             JOIN pay_runs r ON r.coop_id = p.coop_id AND r.id = p.run_id
             JOIN employments e ON e.coop_id = p.coop_id AND e.id = p.employment_id
             WHERE p.coop_id = $1 AND e.account_id = $2 AND r.state = 'approved'
             ORDER BY r.pay_date DESC, p.id",
        )
        .bind(scope.coop_id().as_str())
        .bind(scope.account().as_str())
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(PayslipSummary {
                    id: PayslipId::from_db(row.try_get(0)?),
                    employment: crate::EmploymentId::from_db(row.try_get(8)?),
                    run: PayRunId::from_db(row.try_get(1)?),
                    pa_name: row.try_get(2)?,
                    first: parse_date(&row.try_get::<String, _>(3)?)?,
                    last: parse_date(&row.try_get::<String, _>(4)?)?,
                    pay_date: parse_date(&row.try_get::<String, _>(5)?)?,
                    gross: row.try_get(6)?,
                    net_pay: row.try_get(7)?,
                })
            })
            .collect()
    }

    /// One payslip in full, for its PA (once approved) or an officer with
    /// the employer's duties; [`PayRunError::NotFound`] for anyone else.
    pub async fn payslip(
        &self,
        scope: &CoopScope,
        id: &PayslipId,
    ) -> Result<PayslipView, PayRunError> {
        let mut conn = self.pool().acquire().await?;
        let (run_id, account) = visible_run(&mut conn, scope, id).await?;
        let mut run = load_run(&mut conn, scope, &run_id)
            .await?
            .ok_or(PayRunError::NotFound)?;
        let position = run
            .payslips
            .iter()
            .position(|p| &p.id == id)
            .ok_or(PayRunError::NotFound)?;
        let slip = run.payslips.swap_remove(position);
        run.payslips.clear();
        let input: String =
            sqlx::query_scalar("SELECT input_json FROM payslips WHERE coop_id = $1 AND id = $2")
                .bind(scope.coop_id().as_str())
                .bind(id.as_str())
                .fetch_one(&mut *conn)
                .await?;
        let input: serde_json::Value = serde_json::from_str(&input)
            .map_err(|_| StoreError::Corrupt("payslip input".to_owned()))?;
        let text = |key: &str| input[key].as_str().unwrap_or_default().to_owned();
        let rows = sqlx::query(
            "SELECT t.kind, l.rate_pence, l.minutes, l.flat_pence, t.adjusts_line_id
             FROM payslip_lines l
             JOIN timesheet_lines t ON t.coop_id = l.coop_id AND t.id = l.line_id
             WHERE l.coop_id = $1 AND l.payslip_id = $2
             ORDER BY t.starts_at, t.id",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .fetch_all(&mut *conn)
        .await?;
        let mut lines: Vec<PaySlipLine> = Vec::new();
        for row in &rows {
            let kind: String = row.try_get(0)?;
            let kind = LineKind::parse(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("line kind {kind:?}")))?;
            let rate: i64 = row.try_get(1)?;
            let minutes: i64 = row.try_get(2)?;
            let flat: i64 = row.try_get(3)?;
            let adjustment = row.try_get::<Option<String>, _>(4)?.is_some();
            let overflow = || StoreError::Corrupt("payslip lines overflow".to_owned());
            match lines
                .iter_mut()
                .find(|l| l.kind == kind && l.rate == rate && l.adjustment == adjustment)
            {
                Some(line) => {
                    line.minutes = line.minutes.checked_add(minutes).ok_or_else(overflow)?;
                    line.flat = line.flat.checked_add(flat).ok_or_else(overflow)?;
                    line.nights += i64::from(flat > 0);
                }
                None => lines.push(PaySlipLine {
                    kind,
                    rate,
                    minutes,
                    flat,
                    nights: i64::from(flat > 0),
                    adjustment,
                }),
            }
        }
        let pa_language = match account {
            Some(account) => {
                sqlx::query_scalar::<_, String>("SELECT language FROM accounts WHERE id = $1")
                    .bind(account)
                    .fetch_optional(&mut *conn)
                    .await?
                    .and_then(|code| Language::from_code(&code))
            }
            None => None,
        };
        let employer: String = sqlx::query_scalar("SELECT name FROM coops WHERE id = $1")
            .bind(scope.coop_id().as_str())
            .fetch_one(&mut *conn)
            .await?;
        Ok(PayslipView {
            run,
            slip,
            tax_code: text("tax_code"),
            week1_month1: input["week1_month1"].as_bool().unwrap_or(false),
            ni_letter: text("ni_category"),
            lines,
            pa_language,
            employer,
        })
    }
}

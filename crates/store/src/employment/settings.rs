//! The co-operative's settings as an employer: the checks' intervals, the
//! references it asks for, the working-time limits its rota applies, and
//! whether it requires the Real Living Wage, with the figures by date.
//!
//! Without a row the law's defaults stand ([`EmployerSettings::default`]):
//! a DBS re-check every 3 years (12 months between Update Service status
//! checks), two references, the Working Time Regulations as written, and
//! the Real Living Wage not required.

use cylch_employment::checks::CheckSettings;
use cylch_employment::pay_rate::RealLivingWage;
use cylch_employment::working_time::{Limits, WeeklyRest};
use cylch_payroll::{Date, Pence};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::{EmploymentError, codec, require_employer};
use crate::audit::{self, AuditAction, Change};
use crate::{CoopId, CoopScope, Store, StoreError};

/// The settings that can be changed, as one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerSettings {
    pub dbs_recheck_months: u32,
    pub status_check_months: u32,
    pub references_required: usize,
    /// `None` where the co-operative has recorded that the 48-hour average
    /// does not apply to its PAs.
    pub weekly_average_minutes: Option<i64>,
    pub reference_weeks: i64,
    pub weekly_rest: WeeklyRest,
    pub real_living_wage_required: bool,
}

impl Default for EmployerSettings {
    fn default() -> Self {
        let checks = CheckSettings::default();
        let limits = Limits::default();
        EmployerSettings {
            dbs_recheck_months: checks.dbs_recheck_months,
            status_check_months: checks.status_check_months,
            references_required: checks.references_required,
            weekly_average_minutes: limits.weekly_average,
            reference_weeks: limits.reference_weeks,
            weekly_rest: limits.weekly_rest.unwrap_or(WeeklyRest::EachWeek),
            real_living_wage_required: false,
        }
    }
}

/// Why settings were refused: each field out of its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsField {
    DbsRecheckMonths,
    StatusCheckMonths,
    ReferencesRequired,
    WeeklyAverage,
    ReferenceWeeks,
    RealLivingWage,
}

impl SettingsField {
    pub fn code(self) -> &'static str {
        match self {
            SettingsField::DbsRecheckMonths => "dbs_recheck_months",
            SettingsField::StatusCheckMonths => "status_check_months",
            SettingsField::ReferencesRequired => "references_required",
            SettingsField::WeeklyAverage => "weekly_average_hours",
            SettingsField::ReferenceWeeks => "reference_weeks",
            SettingsField::RealLivingWage => "real_living_wage",
        }
    }
}

impl EmployerSettings {
    /// Every field out of range, at once.
    pub fn problems(&self) -> Vec<SettingsField> {
        let mut out = Vec::new();
        if !(1..=120).contains(&self.dbs_recheck_months) {
            out.push(SettingsField::DbsRecheckMonths);
        }
        if !(1..=60).contains(&self.status_check_months) {
            out.push(SettingsField::StatusCheckMonths);
        }
        if self.references_required > 5 {
            out.push(SettingsField::ReferencesRequired);
        }
        if self
            .weekly_average_minutes
            .is_some_and(|m| !(60..=10_080).contains(&m))
        {
            out.push(SettingsField::WeeklyAverage);
        }
        if !(1..=52).contains(&self.reference_weeks) {
            out.push(SettingsField::ReferenceWeeks);
        }
        out
    }

    /// The checks' settings the rules read.
    pub fn checks(&self) -> CheckSettings {
        CheckSettings {
            dbs_recheck_months: self.dbs_recheck_months,
            status_check_months: self.status_check_months,
            references_required: self.references_required,
            ..CheckSettings::default()
        }
    }

    /// The working-time limits the rota applies; young workers' limits are
    /// the law's and not a setting.
    pub fn limits(&self) -> Limits {
        Limits {
            weekly_average: self.weekly_average_minutes,
            reference_weeks: self.reference_weeks,
            weekly_rest: Some(self.weekly_rest),
            ..Limits::default()
        }
    }
}

/// Everything the rules read for one co-operative: its settings, and the
/// Real Living Wage figures when it requires the Real Living Wage.
#[derive(Debug, Clone, Default)]
pub struct InForce {
    pub settings: EmployerSettings,
    /// Oldest first.
    pub real_living_wage_rates: Vec<(Date, Pence)>,
}

impl InForce {
    /// The Real Living Wage to warn against, when it is required.
    pub fn real_living_wage(&self) -> Option<RealLivingWage> {
        if !self.settings.real_living_wage_required {
            return None;
        }
        RealLivingWage::new(self.real_living_wage_rates.clone()).ok()
    }
}

fn weekly_rest_code(w: WeeklyRest) -> &'static str {
    match w {
        WeeklyRest::EachWeek => "each_week",
        WeeklyRest::EachFortnight => "each_fortnight",
    }
}

/// The settings of `coop`, or the defaults.
pub(crate) async fn in_force(
    conn: &mut AnyConnection,
    coop: &CoopId,
) -> Result<InForce, StoreError> {
    let row = sqlx::query(
        "SELECT dbs_recheck_months, status_check_months, references_required, weekly_average_minutes,
                reference_weeks, weekly_rest, real_living_wage_required
         FROM employer_settings WHERE coop_id = $1",
    )
    .bind(coop.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    let settings = match row {
        None => EmployerSettings::default(),
        Some(row) => {
            let weekly_rest: String = row.try_get(5)?;
            EmployerSettings {
                dbs_recheck_months: u32::try_from(row.try_get::<i64, _>(0)?)
                    .map_err(|_| codec::corrupt("setting", "dbs_recheck_months"))?,
                status_check_months: u32::try_from(row.try_get::<i64, _>(1)?)
                    .map_err(|_| codec::corrupt("setting", "status_check_months"))?,
                references_required: usize::try_from(row.try_get::<i64, _>(2)?)
                    .map_err(|_| codec::corrupt("setting", "references_required"))?,
                weekly_average_minutes: row.try_get(3)?,
                reference_weeks: row.try_get(4)?,
                weekly_rest: match weekly_rest.as_str() {
                    "each_fortnight" => WeeklyRest::EachFortnight,
                    "each_week" => WeeklyRest::EachWeek,
                    other => return Err(codec::corrupt("weekly rest", other)),
                },
                real_living_wage_required: codec::flag(row.try_get(6)?),
            }
        }
    };
    let rates = sqlx::query(
        "SELECT starts_on, hourly FROM real_living_wage_rates WHERE coop_id = $1 ORDER BY starts_on",
    )
    .bind(coop.as_str())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| Ok((codec::date(&row.try_get::<String, _>(0)?)?, row.try_get(1)?)))
    .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(InForce {
        settings,
        real_living_wage_rates: rates,
    })
}

fn audit_view(s: &EmployerSettings) -> serde_json::Value {
    json!({
        "dbs_recheck_months": s.dbs_recheck_months,
        "status_check_months": s.status_check_months,
        "references_required": s.references_required,
        "weekly_average_minutes": s.weekly_average_minutes,
        "reference_weeks": s.reference_weeks,
        "weekly_rest": weekly_rest_code(s.weekly_rest),
        "real_living_wage_required": s.real_living_wage_required,
    })
}

/// Why a Real Living Wage figure was refused.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("settings out of range")]
    Invalid(Vec<SettingsField>),
    #[error(transparent)]
    Employment(#[from] EmploymentError),
}

impl From<StoreError> for SettingsError {
    fn from(e: StoreError) -> Self {
        SettingsError::Employment(EmploymentError::Store(e))
    }
}

impl From<sqlx::Error> for SettingsError {
    fn from(e: sqlx::Error) -> Self {
        SettingsError::Employment(e.into())
    }
}

impl Store {
    /// The co-operative's settings as an employer, with the Real Living
    /// Wage figures: anyone in the co-operative may read them (the
    /// officers change them).
    pub async fn employer_settings(&self, scope: &CoopScope) -> Result<InForce, StoreError> {
        let mut conn = self.pool().acquire().await?;
        in_force(&mut conn, scope.coop_id()).await
    }

    /// Changes the settings: every field out of range refused at once.
    pub async fn set_employer_settings(
        &self,
        scope: &CoopScope,
        settings: &EmployerSettings,
    ) -> Result<(), SettingsError> {
        require_employer(scope)?;
        let problems = settings.problems();
        if !problems.is_empty() {
            return Err(SettingsError::Invalid(problems));
        }
        let mut tx = self.begin().await?;
        let before = in_force(&mut tx, scope.coop_id()).await?.settings;
        let now = self.now_ms();
        sqlx::query("DELETE FROM employer_settings WHERE coop_id = $1")
            .bind(scope.coop_id().as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO employer_settings (coop_id, dbs_recheck_months, status_check_months, references_required,
                 weekly_average_minutes, reference_weeks, weekly_rest, real_living_wage_required, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(scope.coop_id().as_str())
        .bind(i64::from(settings.dbs_recheck_months))
        .bind(i64::from(settings.status_check_months))
        .bind(i64::try_from(settings.references_required).unwrap_or(0))
        .bind(settings.weekly_average_minutes)
        .bind(settings.reference_weeks)
        .bind(weekly_rest_code(settings.weekly_rest))
        .bind(i64::from(settings.real_living_wage_required))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employer_settings",
                record_id: scope.coop_id().as_str(),
                action: AuditAction::Updated,
                before: Some(audit_view(&before)),
                after: Some(audit_view(settings)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the Real Living Wage figure from a date (the Living Wage
    /// Foundation announces each in the autumn); a figure for the same
    /// date replaces the one before, audited.
    pub async fn set_real_living_wage(
        &self,
        scope: &CoopScope,
        starts_on: Date,
        hourly: Pence,
    ) -> Result<(), SettingsError> {
        require_employer(scope)?;
        if hourly <= 0 || hourly > cylch_employment::Rates::MAX {
            return Err(SettingsError::Invalid(vec![SettingsField::RealLivingWage]));
        }
        let mut tx = self.begin().await?;
        let before: Option<i64> = sqlx::query_scalar(
            "SELECT hourly FROM real_living_wage_rates WHERE coop_id = $1 AND starts_on = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(starts_on.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM real_living_wage_rates WHERE coop_id = $1 AND starts_on = $2")
            .bind(scope.coop_id().as_str())
            .bind(starts_on.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO real_living_wage_rates (coop_id, starts_on, hourly, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(scope.coop_id().as_str())
        .bind(starts_on.to_string())
        .bind(hourly)
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "real_living_wage",
                record_id: &starts_on.to_string(),
                action: if before.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: before.map(|p| json!({"hourly": p})),
                after: Some(json!({"starts_on": starts_on.to_string(), "hourly": hourly})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

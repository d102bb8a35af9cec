//! The written statement of particulars, each version kept: issued by an
//! officer with the employer's duties, acknowledged only by the PA themself
//! from their own sign-in. The first acknowledgement is the signed
//! statement rule 12 asks for.

use cylch_domain::Language;
use cylch_domain::policy::acknowledges_statement;
use cylch_employment::employment::Hours;
use cylch_employment::particulars::{HolidayTerm, Statement, Value};
use serde_json::json;
use sqlx::Row;

use super::{EmploymentError, codec, require_employer};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{CoopScope, EmploymentId, Store, StoreError};

/// One version of a PA's written statement, as issued.
#[derive(Debug, Clone, PartialEq)]
pub struct StatementVersion {
    pub version: i64,
    pub language: Language,
    pub issued_at_ms: i64,
    /// Every particular in order: `[{"particular": code, "value": …}]`,
    /// a value `null` where the statement gives none.
    pub particulars: serde_json::Value,
    pub acknowledged_at_ms: Option<i64>,
}

fn value_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Text(t) => json!({"text": t.as_str()}),
        Value::Date(d) => json!({"date": d.to_string()}),
        Value::Rates(r) => json!({"rates": {
            "day": r.day,
            "night": r.night,
            "weekend": r.weekend,
            "bank_holiday": r.bank_holiday,
            "sleep_in_per_night": r.sleep_in_per_night,
        }}),
        Value::Interval(f) => json!({"interval": codec::frequency_code(*f)}),
        Value::Hours(h) => match h {
            Hours::Fixed {
                weekly,
                days_per_week,
                part_year,
            } => json!({"hours": {
                "kind": h.code(),
                "weekly": weekly,
                "days_per_week": days_per_week,
                "part_year": part_year,
            }}),
            Hours::Irregular => json!({"hours": {"kind": h.code()}}),
        },
        Value::Holiday(HolidayTerm::HoursPerYear(h)) => json!({"holiday": {"hours_per_year": h}}),
        Value::Holiday(HolidayTerm::Accrual) => json!({"holiday": "accrual"}),
        Value::Notice {
            employer_weeks,
            worker_weeks,
        } => json!({"notice": {"employer_weeks": employer_weeks, "worker_weeks": worker_weeks}}),
        Value::Weeks(w) => json!({"weeks": w}),
        Value::Pension(p) => {
            let date = match p {
                cylch_employment::employment::PensionChoice::Assess => None,
                cylch_employment::employment::PensionChoice::OptedIn { on }
                | cylch_employment::employment::PensionChoice::OptedOut { on } => Some(*on),
                cylch_employment::employment::PensionChoice::Postponed { until } => Some(*until),
            };
            json!({"pension": {"choice": p.code(), "date": date.map(|d| d.to_string())}})
        }
        Value::ReferTo(t) => json!({"refer_to": t.as_str()}),
        Value::None => json!({"none": true}),
    }
}

/// The statement as data, each particular under its stable code.
pub fn particulars_json(statement: &Statement) -> serde_json::Value {
    serde_json::Value::Array(
        statement
            .entries()
            .iter()
            .map(|(kind, value)| {
                json!({
                    "particular": kind.code(),
                    "value": value.as_ref().map(value_json),
                })
            })
            .collect(),
    )
}

fn version_from_row(row: &sqlx::any::AnyRow) -> Result<StatementVersion, StoreError> {
    let language: String = row.try_get(1)?;
    let particulars: String = row.try_get(3)?;
    Ok(StatementVersion {
        version: row.try_get(0)?,
        language: Language::from_code(&language)
            .ok_or_else(|| codec::corrupt("language", &language))?,
        issued_at_ms: row.try_get(2)?,
        particulars: serde_json::from_str(&particulars)
            .map_err(|_| codec::corrupt("particulars", "(not JSON)"))?,
        acknowledged_at_ms: row.try_get(4)?,
    })
}

const VERSION_COLUMNS: &str = "version, language, issued_at, particulars_json, acknowledged_at";

impl Store {
    /// Issues a new version of a PA's written statement, which must give
    /// every day-one particular. Earlier versions are kept.
    pub async fn issue_statement(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        statement: Statement,
        language: Language,
    ) -> Result<StatementVersion, EmploymentError> {
        require_employer(scope)?;
        let statement = statement
            .ready()
            .map_err(|incomplete| EmploymentError::Incomplete(incomplete.0))?;
        let mut tx = self.begin().await?;
        if super::load_one(&mut tx, scope.coop_id(), id)
            .await?
            .is_none()
        {
            return Err(EmploymentError::NotFound);
        }
        let latest: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(version) FROM employment_statements WHERE coop_id = $1 AND employment_id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .fetch_one(&mut *tx)
        .await?;
        let issued = StatementVersion {
            version: latest.unwrap_or(0) + 1,
            language,
            issued_at_ms: self.now_ms(),
            particulars: particulars_json(&statement),
            acknowledged_at_ms: None,
        };
        sqlx::query(
            "INSERT INTO employment_statements (id, coop_id, employment_id, version, language, particulars_json, issued_by, issued_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(random_id())
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(issued.version)
        .bind(language.code())
        .bind(issued.particulars.to_string())
        .bind(scope.account().as_str())
        .bind(issued.issued_at_ms)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employment_statement",
                record_id: id.as_str(),
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"version": issued.version, "language": language.code()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(issued)
    }

    /// Every version of a PA's statement, oldest first: for the officers
    /// with the employer's duties and the PA.
    pub async fn statements(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<Vec<StatementVersion>, EmploymentError> {
        let mut conn = self.pool().acquire().await?;
        self.full(&mut conn, scope, id).await?;
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {VERSION_COLUMNS} FROM employment_statements WHERE coop_id = $1 AND employment_id = $2 ORDER BY version"
        )))
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .iter()
            .map(version_from_row)
            .collect::<Result<Vec<_>, _>>()?)
    }

    /// The PA acknowledges a version of their written statement, signed in
    /// as themself. An officer who may see the record but is not the PA is
    /// refused; anyone else is told there is no such employment.
    pub async fn acknowledge_statement(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        version: i64,
    ) -> Result<StatementVersion, EmploymentError> {
        let mut tx = self.begin().await?;
        let (_, _, tie) = self.full(&mut tx, scope, id).await?;
        if !acknowledges_statement(tie) {
            return Err(EmploymentError::NotThePa);
        }
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {VERSION_COLUMNS} FROM employment_statements WHERE coop_id = $1 AND employment_id = $2 AND version = $3"
        )))
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(EmploymentError::NotFound)?;
        let before = version_from_row(&row)?;
        if before.acknowledged_at_ms.is_some() {
            return Err(EmploymentError::AlreadyAcknowledged);
        }
        let now = self.now_ms();
        sqlx::query("UPDATE employment_statements SET acknowledged_at = $1 WHERE coop_id = $2 AND employment_id = $3 AND version = $4")
            .bind(now)
            .bind(scope.coop_id().as_str())
            .bind(id.as_str())
            .bind(version)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employment_statement",
                record_id: id.as_str(),
                action: AuditAction::Updated,
                before: Some(json!({"version": version, "acknowledged_at": null})),
                after: Some(json!({"version": version, "acknowledged_at": now})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(StatementVersion {
            acknowledged_at_ms: Some(now),
            ..before
        })
    }
}

//! What HMRC needs beyond the employment records to take the co-operative's
//! Full Payment Submissions: the employer's PAYE and Accounts Office
//! references (from HMRC's letter when the co-operative registered as an
//! employer), and each PA's gender as HMRC holds it. Only the officers
//! with the employer's duties read or change them; every change is
//! audited.

use cylch_payroll::rti::{AccountsOfficeReference, Gender, PayeReference};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::{PayRunError, require_employer};
use crate::audit::{self, AuditAction, Change};
use crate::{CoopScope, EmploymentId, Store, StoreError};

/// The employer's references, as HMRC's letter gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerReferences {
    pub paye: PayeReference,
    pub accounts_office: AccountsOfficeReference,
}

/// One PA and the gender HMRC holds for them, if recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaForHmrc {
    pub employment: EmploymentId,
    pub name: String,
    pub gender: Option<Gender>,
}

/// Everything HMRC needs that Cylch asks the officers for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HmrcDetails {
    pub employer: Option<EmployerReferences>,
    pub pas: Vec<PaForHmrc>,
}

/// The PAYE reference as HMRC's letters write it: `123/AB45678`.
pub fn paye_text(reference: &PayeReference) -> String {
    format!("{}/{}", reference.office_number(), reference.reference())
}

pub(super) fn gender_code(gender: Gender) -> &'static str {
    match gender {
        Gender::Female => "F",
        Gender::Male => "M",
    }
}

fn gender_of(code: &str) -> Result<Gender, StoreError> {
    match code {
        "F" => Ok(Gender::Female),
        "M" => Ok(Gender::Male),
        other => Err(StoreError::Corrupt(format!("gender {other:?}"))),
    }
}

pub(super) async fn employer_references(
    conn: &mut AnyConnection,
    scope: &CoopScope,
) -> Result<Option<EmployerReferences>, StoreError> {
    let Some(row) = sqlx::query(
        "SELECT paye_reference, accounts_office_reference FROM hmrc_employer WHERE coop_id = $1",
    )
    .bind(scope.coop_id().as_str())
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let paye: String = row.try_get(0)?;
    let office: String = row.try_get(1)?;
    Ok(Some(EmployerReferences {
        paye: PayeReference::parse(&paye)
            .map_err(|_| StoreError::Corrupt("PAYE reference".to_owned()))?,
        accounts_office: AccountsOfficeReference::parse(&office)
            .map_err(|_| StoreError::Corrupt("Accounts Office reference".to_owned()))?,
    }))
}

pub(super) async fn gender(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    employment: &EmploymentId,
) -> Result<Option<Gender>, StoreError> {
    let code: Option<String> = sqlx::query_scalar(
        "SELECT gender FROM hmrc_employees WHERE coop_id = $1 AND employment_id = $2",
    )
    .bind(scope.coop_id().as_str())
    .bind(employment.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    code.as_deref().map(gender_of).transpose()
}

impl Store {
    /// The employer's references and each PA's recorded gender.
    pub async fn hmrc_details(&self, scope: &CoopScope) -> Result<HmrcDetails, PayRunError> {
        require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        let employer = employer_references(&mut conn, scope).await?;
        let rows = sqlx::query(
            "SELECT e.id, e.name, h.gender FROM employments e
             LEFT JOIN hmrc_employees h ON h.coop_id = e.coop_id AND h.employment_id = e.id
             WHERE e.coop_id = $1 ORDER BY e.name, e.id",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *conn)
        .await?;
        let pas = rows
            .iter()
            .map(|row| {
                let gender: Option<String> = row.try_get(2)?;
                Ok(PaForHmrc {
                    employment: EmploymentId::from_db(row.try_get(0)?),
                    name: row.try_get(1)?,
                    gender: gender.as_deref().map(gender_of).transpose()?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(HmrcDetails { employer, pas })
    }

    /// Records the employer's references, replacing any before.
    pub async fn set_employer_references(
        &self,
        scope: &CoopScope,
        references: &EmployerReferences,
    ) -> Result<(), PayRunError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let before = employer_references(&mut tx, scope).await?;
        let describe = |r: &EmployerReferences| json!({"paye_reference": paye_text(&r.paye), "accounts_office_reference": r.accounts_office.as_str()});
        sqlx::query("DELETE FROM hmrc_employer WHERE coop_id = $1")
            .bind(scope.coop_id().as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO hmrc_employer (coop_id, paye_reference, accounts_office_reference, updated_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(scope.coop_id().as_str())
        .bind(paye_text(&references.paye))
        .bind(references.accounts_office.as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "hmrc_employer",
                record_id: scope.coop_id().as_str(),
                action: if before.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: before.as_ref().map(describe),
                after: Some(describe(references)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a PA's gender as HMRC holds it.
    pub async fn set_hmrc_gender(
        &self,
        scope: &CoopScope,
        employment: &EmploymentId,
        value: Gender,
    ) -> Result<(), PayRunError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let known: Option<String> =
            sqlx::query_scalar("SELECT id FROM employments WHERE coop_id = $1 AND id = $2")
                .bind(scope.coop_id().as_str())
                .bind(employment.as_str())
                .fetch_optional(&mut *tx)
                .await?;
        if known.is_none() {
            return Err(PayRunError::NotFound);
        }
        let before = gender(&mut tx, scope, employment).await?;
        sqlx::query("DELETE FROM hmrc_employees WHERE coop_id = $1 AND employment_id = $2")
            .bind(scope.coop_id().as_str())
            .bind(employment.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO hmrc_employees (coop_id, employment_id, gender, updated_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(scope.coop_id().as_str())
        .bind(employment.as_str())
        .bind(gender_code(value))
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "hmrc_employee",
                record_id: employment.as_str(),
                action: if before.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: before.map(|g| json!({"gender": gender_code(g)})),
                after: Some(json!({"gender": gender_code(value)})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

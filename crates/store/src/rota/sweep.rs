//! Taking a PA off the shifts to come when a check will have run out by
//! the shift's day (rule 12), or their employment ended before it.
//!
//! Every app server may run the sweep: each shift is taken off by an
//! update that only one of them can win (it names the PA still on it), and
//! only the winner writes the audit entry and hears whom to tell.

use std::collections::BTreeMap;

use cylch_domain::{EmailAddress, Language};
use cylch_employment::checks as rules;
use jiff::civil::DateTime;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::audit::{self, AuditAction, Change};
use crate::employment as employment_store;
use crate::{CoopId, EmploymentId, ShiftId, Store, StoreError};

/// Most shifts one sweep looks at; the next sweep goes on from there.
const BATCH: i64 = 5_000;

/// Someone to tell that a shift lost its PA.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub email: EmailAddress,
    pub name: String,
    pub language: Language,
}

/// A shift this sweep took a PA off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenOffShift {
    pub coop: CoopId,
    pub shift: ShiftId,
    pub start: DateTime,
    pub pa: String,
    /// [`cylch_employment::rostering::Unfit::code`]s.
    pub reasons: Vec<String>,
    /// The coordinators; the other officers with the employer's duties when
    /// the co-operative has no coordinator.
    pub tell: Vec<Recipient>,
}

/// Why `pa` may not work on `day`, as far as time passing can change it.
async fn reasons_on(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: &EmploymentId,
    day: cylch_payroll::Date,
    settings: &rules::CheckSettings,
) -> Result<Vec<String>, StoreError> {
    let Some(stored) = employment_store::load_one(conn, coop, pa).await? else {
        return Ok(Vec::new());
    };
    let mut reasons = Vec::new();
    if let Some(ending) = stored.employment.ending
        && ending.last_day < day
    {
        reasons.push("ended".to_owned());
    }
    let links = employment_store::links(conn, coop, Some(pa)).await?;
    let mut checks = employment_store::own_checks(conn, coop, pa).await?;
    checks.employers_liability = employment_store::insurance_on(conn, coop, day).await?;
    if let Err(missing) =
        rules::fit_for_shift(&checks, settings, day, employment_store::needs(&links))
    {
        reasons.extend(missing.into_iter().map(|m| m.code().to_owned()));
    }
    Ok(reasons)
}

async fn recipients(conn: &mut AnyConnection, coop: &CoopId) -> Result<Vec<Recipient>, StoreError> {
    let rows = sqlx::query(
        "SELECT DISTINCT a.email, a.name, a.language, o.office FROM offices o
         JOIN memberships m ON m.coop_id = o.coop_id AND m.account_id = o.account_id AND m.ceased_on IS NULL
         JOIN accounts a ON a.id = o.account_id
         WHERE o.coop_id = $1 ORDER BY a.email",
    )
    .bind(coop.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut coordinators = Vec::new();
    let mut others = Vec::new();
    for row in &rows {
        let email: String = row.try_get(0)?;
        let language: String = row.try_get(2)?;
        let office: String = row.try_get(3)?;
        let recipient = Recipient {
            email: EmailAddress::parse(&email)
                .map_err(|_| StoreError::Corrupt(format!("email {email:?}")))?,
            name: row.try_get(1)?,
            language: Language::from_code(&language)
                .ok_or_else(|| StoreError::Corrupt(format!("language {language:?}")))?,
        };
        let list = if office == "coordinator" {
            &mut coordinators
        } else {
            &mut others
        };
        if !list.contains(&recipient) {
            list.push(recipient);
        }
    }
    Ok(if coordinators.is_empty() {
        others
    } else {
        coordinators
    })
}

impl Store {
    /// Takes every PA off the shifts to come that they may no longer work,
    /// keeping who and why on each shift; returns the shifts this call took
    /// them off, with whom to tell.
    pub async fn take_unfit_off_shifts(&self) -> Result<Vec<TakenOffShift>, StoreError> {
        let now = self.now_ms();
        let mut conn = self.pool().acquire().await?;
        let rows = sqlx::query(
            "SELECT coop_id, id, employment_id, starts_local FROM shifts
             WHERE employment_id IS NOT NULL AND cancelled_at IS NULL AND starts_at > $1
             ORDER BY starts_at, id LIMIT $2",
        )
        .bind(now)
        .bind(BATCH)
        .fetch_all(&mut *conn)
        .await?;
        // One judgement per PA per day, however many shifts they have then.
        let mut judged: BTreeMap<(String, String, String), Vec<String>> = BTreeMap::new();
        let mut settings_of: BTreeMap<String, rules::CheckSettings> = BTreeMap::new();
        let mut unfit = Vec::new();
        for row in &rows {
            let coop = CoopId::from_db(row.try_get(0)?);
            let shift = ShiftId::from_db(row.try_get(1)?);
            let pa = EmploymentId::from_db(row.try_get(2)?);
            let starts: String = row.try_get(3)?;
            let start: DateTime = starts
                .parse()
                .map_err(|_| StoreError::Corrupt(format!("shift time {starts:?}")))?;
            let key = (
                coop.as_str().to_owned(),
                pa.as_str().to_owned(),
                start.date().to_string(),
            );
            let reasons = match judged.get(&key) {
                Some(r) => r.clone(),
                None => {
                    let day = crate::employment::codec_from_jiff(start.date())?;
                    // Each co-operative's settings are read once a sweep.
                    let settings = match settings_of.get(coop.as_str()) {
                        Some(s) => s.clone(),
                        None => {
                            let s = employment_store::in_force(&mut conn, &coop)
                                .await?
                                .settings
                                .checks();
                            settings_of.insert(coop.as_str().to_owned(), s.clone());
                            s
                        }
                    };
                    let r = reasons_on(&mut conn, &coop, &pa, day, &settings).await?;
                    judged.insert(key, r.clone());
                    r
                }
            };
            if !reasons.is_empty() {
                unfit.push((coop, shift, pa, start, reasons));
            }
        }
        drop(conn);
        let mut out = Vec::new();
        for (coop, shift, pa, start, reasons) in unfit {
            let mut tx = self.begin().await?;
            let won = sqlx::query(
                "UPDATE shifts SET employment_id = NULL, taken_off_employment_id = $1, taken_off_reasons = $2, taken_off_at = $3, updated_at = $3
                 WHERE coop_id = $4 AND id = $5 AND employment_id = $1",
            )
            .bind(pa.as_str())
            .bind(json!(reasons).to_string())
            .bind(now)
            .bind(coop.as_str())
            .bind(shift.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if won == 0 {
                continue;
            }
            audit::record(
                &mut tx,
                Change {
                    coop: Some(&coop),
                    actor: None,
                    record_kind: "shift",
                    record_id: shift.as_str(),
                    action: AuditAction::Updated,
                    before: Some(json!({"pa": pa.as_str()})),
                    after: Some(json!({"pa": null, "taken_off": pa.as_str(), "reasons": reasons})),
                },
            )
            .await?;
            let name: Option<String> =
                sqlx::query_scalar("SELECT name FROM employments WHERE coop_id = $1 AND id = $2")
                    .bind(coop.as_str())
                    .bind(pa.as_str())
                    .fetch_optional(&mut *tx)
                    .await?;
            let tell = recipients(&mut tx, &coop).await?;
            tx.commit().await?;
            out.push(TakenOffShift {
                coop,
                shift,
                start,
                pa: name.unwrap_or_default(),
                reasons,
                tell,
            });
        }
        Ok(out)
    }
}

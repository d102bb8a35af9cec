//! The register of members and the register of officers (Co-operative and
//! Community Benefit Societies Act 2014, section 30). Entries are never
//! deleted: a member who ceases keeps their entry, with the day and why.

use cylch_domain::{MemberClass, Office};
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::{AccountId, CoopScope, Store, StoreError};

/// Why a membership ended, as the register records it.
pub const CEASED_REASONS: [&str; 5] = [
    "resigned",
    "died",
    "expelled",
    "no_longer_qualifies",
    "other",
];

/// One entry in the register of members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberEntry {
    pub account: AccountId,
    pub name: String,
    /// The electronic address the member gave for notices.
    pub email: String,
    pub postal_address: String,
    pub class: Option<MemberClass>,
    pub shares: i64,
    pub paid_pence: i64,
    pub admitted_on: Option<Date>,
    pub ceased_on: Option<Date>,
    pub ceased_reason: Option<String>,
}

/// One entry in the register of officers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerEntry {
    pub account: AccountId,
    pub name: String,
    pub postal_address: String,
    pub office: Office,
    pub took_office: Date,
    pub left_office: Option<Date>,
}

fn date(raw: Option<String>) -> Result<Option<Date>, StoreError> {
    raw.map(|r| {
        r.parse()
            .map_err(|_| StoreError::Corrupt(format!("date {r:?}")))
    })
    .transpose()
}

fn day_of(ms: i64) -> Date {
    let london = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_millisecond(ms)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(london)
        .date()
}

#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    #[error("that person has no current membership of this co-operative")]
    NotAMember,
    #[error("a membership cannot cease before the member was admitted")]
    CeasesBeforeAdmitted,
    #[error("choose why the membership ended")]
    UnknownReason,
    #[error("shares and the amount paid cannot be negative")]
    Negative,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for RegisterError {
    fn from(err: sqlx::Error) -> Self {
        RegisterError::Store(err.into())
    }
}

impl Store {
    /// Every member the co-operative has had, current and former, in the
    /// order they were admitted.
    pub async fn register_of_members(
        &self,
        scope: &CoopScope,
    ) -> Result<Vec<MemberEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.name, a.email, m.postal_address, m.class, m.shares, m.paid_pence, m.admitted_on, m.ceased_on, m.ceased_reason
             FROM memberships m JOIN accounts a ON a.id = m.account_id
             WHERE m.coop_id = $1 ORDER BY m.created_at, a.name, a.id",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let class: Option<String> = row.try_get(4)?;
                Ok(MemberEntry {
                    account: AccountId::from_db(row.try_get(0)?),
                    name: row.try_get(1)?,
                    email: row.try_get(2)?,
                    postal_address: row.try_get(3)?,
                    class: class
                        .map(|c| {
                            MemberClass::parse(&c)
                                .map_err(|_| StoreError::Corrupt(format!("class {c:?}")))
                        })
                        .transpose()?,
                    shares: row.try_get(5)?,
                    paid_pence: row.try_get(6)?,
                    admitted_on: date(row.try_get(7)?)?,
                    ceased_on: date(row.try_get(8)?)?,
                    ceased_reason: row.try_get(9)?,
                })
            })
            .collect()
    }

    /// Everyone who holds or has held an office.
    pub async fn register_of_officers(
        &self,
        scope: &CoopScope,
    ) -> Result<Vec<OfficerEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.name, m.postal_address, o.office, o.created_at, o.ended_at
             FROM offices o JOIN accounts a ON a.id = o.account_id
             JOIN memberships m ON m.coop_id = o.coop_id AND m.account_id = o.account_id
             WHERE o.coop_id = $1 ORDER BY o.created_at, a.name",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let office: String = row.try_get(3)?;
                Ok(OfficerEntry {
                    account: AccountId::from_db(row.try_get(0)?),
                    name: row.try_get(1)?,
                    postal_address: row.try_get(2)?,
                    office: Office::parse(&office)
                        .map_err(|_| StoreError::Corrupt(format!("office {office:?}")))?,
                    took_office: day_of(row.try_get(4)?),
                    left_office: row.try_get::<Option<i64>, _>(5)?.map(day_of),
                })
            })
            .collect()
    }

    /// Records a member's postal address and shareholding.
    pub async fn update_register_entry(
        &self,
        scope: &CoopScope,
        account: &AccountId,
        postal_address: &str,
        shares: i64,
        paid_pence: i64,
    ) -> Result<(), RegisterError> {
        if shares < 0 || paid_pence < 0 {
            return Err(RegisterError::Negative);
        }
        let mut tx = self.begin().await?;
        let before = sqlx::query("SELECT postal_address, shares, paid_pence FROM memberships WHERE coop_id = $1 AND account_id = $2")
            .bind(scope.coop_id().as_str())
            .bind(account.as_str())
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(RegisterError::NotAMember)?;
        let before = json!({
            "postal_address": before.try_get::<String, _>(0)?,
            "shares": before.try_get::<i64, _>(1)?,
            "paid_pence": before.try_get::<i64, _>(2)?,
        });
        sqlx::query("UPDATE memberships SET postal_address = $1, shares = $2, paid_pence = $3, updated_at = $4 WHERE coop_id = $5 AND account_id = $6")
            .bind(postal_address.trim())
            .bind(shares)
            .bind(paid_pence)
            .bind(self.now_ms())
            .bind(scope.coop_id().as_str())
            .bind(account.as_str())
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "membership",
                record_id: &format!("{}:{}", scope.coop_id(), account),
                action: AuditAction::Updated,
                before: Some(before),
                after: Some(json!({"postal_address": postal_address.trim(), "shares": shares, "paid_pence": paid_pence})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a membership on `on`, with the reason; any offices the member
    /// held end with it. The entry stays in the register.
    pub async fn cease_membership(
        &self,
        scope: &CoopScope,
        account: &AccountId,
        on: Date,
        reason: &str,
    ) -> Result<(), RegisterError> {
        if !CEASED_REASONS.contains(&reason) {
            return Err(RegisterError::UnknownReason);
        }
        let mut tx = self.begin().await?;
        let admitted: Option<Option<String>> = sqlx::query_scalar(
            "SELECT admitted_on FROM memberships WHERE coop_id = $1 AND account_id = $2 AND ceased_on IS NULL",
        )
        .bind(scope.coop_id().as_str())
        .bind(account.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let admitted = date(admitted.ok_or(RegisterError::NotAMember)?)?;
        if admitted.is_some_and(|a| on < a) {
            return Err(RegisterError::CeasesBeforeAdmitted);
        }
        let now = self.now_ms();
        sqlx::query("UPDATE memberships SET ceased_on = $1, ceased_reason = $2, updated_at = $3 WHERE coop_id = $4 AND account_id = $5")
            .bind(on.to_string())
            .bind(reason)
            .bind(now)
            .bind(scope.coop_id().as_str())
            .bind(account.as_str())
            .execute(&mut *tx)
            .await?;
        // Offices end on the day the membership ceases, as the register of
        // members says, not on the day the cessation was recorded.
        let left_office = on
            .to_zoned_datetime(crate::clock::wales())
            .map_err(|_| StoreError::Corrupt(format!("ceased on {on}")))?
            .timestamp()
            .as_millisecond();
        sqlx::query("UPDATE offices SET ended_at = $1 WHERE coop_id = $2 AND account_id = $3 AND ended_at IS NULL")
            .bind(left_office)
            .bind(scope.coop_id().as_str())
            .bind(account.as_str())
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "membership",
                record_id: &format!("{}:{}", scope.coop_id(), account),
                action: AuditAction::Updated,
                before: Some(json!({"ceased_on": null})),
                after: Some(json!({"ceased_on": on.to_string(), "ceased_reason": reason})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

//! The people a co-operative gives care and support to, and the four-person
//! rule, checked inside the transaction that adds a person so that two
//! officers adding at the same moment can never make five.

use cylch_governance::support::{
    CapacityRules, CiwRegistration, EndSupportError, MemberLink, SupportEndReason, SupportPlace,
    SupportRefusal, SupportRegister,
};
use cylch_governance::{MemberId, PersonId};
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{AccountId, CoopScope, Store, StoreError, Tx};

/// One person's place, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportedPerson {
    pub id: String,
    pub name: String,
    pub member_account: Option<AccountId>,
    pub represented_by: Option<AccountId>,
    pub starts_on: Date,
    pub ends_on: Option<Date>,
    pub end_reason: Option<SupportEndReason>,
}

impl SupportedPerson {
    fn place(&self) -> SupportPlace {
        let link = match (&self.member_account, &self.represented_by) {
            (_, Some(rep)) => MemberLink::RepresentedBy(MemberId::new(rep.as_str())),
            (Some(member), None) => MemberLink::Member(MemberId::new(member.as_str())),
            (None, None) => MemberLink::NotAMember,
        };
        SupportPlace {
            person: PersonId::new(self.id.as_str()),
            link,
            starts: self.starts_on,
            ends: self.ends_on,
            end_reason: self.end_reason,
        }
    }

    fn audit_view(&self) -> serde_json::Value {
        json!({
            "name": self.name,
            "member": self.member_account.as_ref().map(AccountId::as_str),
            "represented_by": self.represented_by.as_ref().map(AccountId::as_str),
            "starts_on": self.starts_on.to_string(),
            "ends_on": self.ends_on.map(|d| d.to_string()),
            "end_reason": self.end_reason.map(end_reason_code),
        })
    }
}

pub fn end_reason_code(reason: SupportEndReason) -> &'static str {
    match reason {
        SupportEndReason::NoLongerNeeded => "no_longer_needed",
        SupportEndReason::MovedAway => "moved_away",
        SupportEndReason::ChoseAnotherProvider => "chose_another_provider",
        SupportEndReason::Died => "died",
        SupportEndReason::MovedToAnotherCoop => "moved_to_another_coop",
        SupportEndReason::Other => "other",
    }
}

pub const END_REASONS: [SupportEndReason; 6] = [
    SupportEndReason::NoLongerNeeded,
    SupportEndReason::MovedAway,
    SupportEndReason::ChoseAnotherProvider,
    SupportEndReason::Died,
    SupportEndReason::MovedToAnotherCoop,
    SupportEndReason::Other,
];

pub fn parse_end_reason(code: &str) -> Option<SupportEndReason> {
    END_REASONS
        .into_iter()
        .find(|r| end_reason_code(*r) == code)
}

/// A new place as the store receives it.
pub struct NewSupportedPerson<'a> {
    pub name: &'a str,
    /// The person's own membership, when they are a member.
    pub member_account: Option<&'a AccountId>,
    /// The member who acts for them, when they are represented.
    pub represented_by: Option<&'a AccountId>,
    pub starts_on: Date,
}

#[derive(Debug, thiserror::Error)]
pub enum SupportError {
    #[error(transparent)]
    Refused(#[from] SupportRefusal),
    #[error(transparent)]
    CannotEnd(#[from] EndSupportError),
    /// The account named as the person or their representative is not a
    /// member of this co-operative.
    #[error("that person is not a member of this co-operative")]
    NotAMemberHere,
    /// The member named as the person already has a place over some of
    /// the same days: one person holds one place, so counts once towards
    /// the four-person limit.
    #[error("that member already has a place over those dates")]
    MemberAlreadySupported,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for SupportError {
    fn from(err: sqlx::Error) -> Self {
        SupportError::Store(err.into())
    }
}

fn parse_date(raw: &str) -> Result<Date, StoreError> {
    raw.parse()
        .map_err(|_| StoreError::Corrupt(format!("date {raw:?}")))
}

fn person_from_row(row: &sqlx::any::AnyRow) -> Result<SupportedPerson, StoreError> {
    let ends: Option<String> = row.try_get(5)?;
    let reason: Option<String> = row.try_get(6)?;
    Ok(SupportedPerson {
        id: row.try_get(0)?,
        name: row.try_get(1)?,
        member_account: row.try_get::<Option<String>, _>(2)?.map(AccountId::from_db),
        represented_by: row.try_get::<Option<String>, _>(3)?.map(AccountId::from_db),
        starts_on: parse_date(&row.try_get::<String, _>(4)?)?,
        ends_on: ends.as_deref().map(parse_date).transpose()?,
        end_reason: reason
            .map(|r| {
                parse_end_reason(&r).ok_or_else(|| StoreError::Corrupt(format!("end reason {r:?}")))
            })
            .transpose()?,
    })
}

const COLUMNS: &str =
    "id, name, member_account_id, represented_by_account_id, starts_on, ends_on, end_reason";

async fn load(
    tx_or_pool: &mut Tx,
    coop: &str,
) -> Result<(Vec<SupportedPerson>, Option<CiwRegistration>), StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM supported_people WHERE coop_id = $1 ORDER BY starts_on, name, id"
    )))
    .bind(coop)
    .fetch_all(&mut **tx_or_pool)
    .await?;
    let people = rows
        .iter()
        .map(person_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let ciw = sqlx::query(
        "SELECT registration_number, registered_on FROM ciw_registrations WHERE coop_id = $1",
    )
    .bind(coop)
    .fetch_optional(&mut **tx_or_pool)
    .await?
    .map(|row| -> Result<CiwRegistration, StoreError> {
        Ok(CiwRegistration {
            registration_number: row.try_get(0)?,
            registered_on: parse_date(&row.try_get::<String, _>(1)?)?,
        })
    })
    .transpose()?;
    Ok((people, ciw))
}

async fn is_member(tx: &mut Tx, coop: &str, account: &AccountId) -> Result<bool, StoreError> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT account_id FROM memberships WHERE coop_id = $1 AND account_id = $2",
    )
    .bind(coop)
    .bind(account.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.is_some())
}

impl Store {
    /// Everyone the co-operative has supported, with its CIW registration.
    pub async fn support_register(
        &self,
        scope: &CoopScope,
    ) -> Result<(Vec<SupportedPerson>, Option<CiwRegistration>), StoreError> {
        let mut tx = self.pool().begin().await?;
        let loaded = load(&mut tx, scope.coop_id().as_str()).await?;
        tx.commit().await?;
        Ok(loaded)
    }

    /// Gives a person a place, if the rules allow it on every day it covers.
    pub async fn add_supported_person(
        &self,
        scope: &CoopScope,
        new: NewSupportedPerson<'_>,
    ) -> Result<SupportedPerson, SupportError> {
        let coop = scope.coop_id().as_str();
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        for account in [new.member_account, new.represented_by]
            .into_iter()
            .flatten()
        {
            if !is_member(&mut tx, coop, account).await? {
                return Err(SupportError::NotAMemberHere);
            }
        }
        let (people, ciw) = load(&mut tx, coop).await?;
        // A new place runs on with no end, so any place of the same member
        // that has not ended by its first day overlaps it.
        if let Some(member) = new.member_account
            && people.iter().any(|p| {
                p.member_account.as_ref() == Some(member)
                    && p.ends_on.is_none_or(|ends| ends > new.starts_on)
            })
        {
            return Err(SupportError::MemberAlreadySupported);
        }
        let register =
            SupportRegister::from_history(people.iter().map(SupportedPerson::place).collect());
        let person = SupportedPerson {
            id: random_id(),
            name: new.name.trim().to_owned(),
            member_account: new.member_account.cloned(),
            represented_by: new.represented_by.cloned(),
            starts_on: new.starts_on,
            ends_on: None,
            end_reason: None,
        };
        register.check_addition(
            scope.coop().kind,
            CapacityRules::default(),
            ciw.as_ref(),
            &person.place(),
        )?;
        let now = self.now_ms();
        sqlx::query(
            "INSERT INTO supported_people (id, coop_id, name, member_account_id, represented_by_account_id, starts_on, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
        )
        .bind(&person.id)
        .bind(coop)
        .bind(&person.name)
        .bind(person.member_account.as_ref().map(|a| a.as_str().to_owned()))
        .bind(person.represented_by.as_ref().map(|a| a.as_str().to_owned()))
        .bind(person.starts_on.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "supported_person",
                record_id: &person.id,
                action: AuditAction::Created,
                before: None,
                after: Some(person.audit_view()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(person)
    }

    /// Ends a person's support from `on`, which frees their place from that
    /// day; the entry is kept.
    pub async fn end_support(
        &self,
        scope: &CoopScope,
        person_id: &str,
        on: Date,
        reason: SupportEndReason,
    ) -> Result<(), SupportError> {
        let coop = scope.coop_id().as_str();
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let (people, _) = load(&mut tx, coop).await?;
        let before = people
            .iter()
            .find(|p| p.id == person_id)
            .cloned()
            .ok_or(StoreError::NotFound)?;
        let mut register =
            SupportRegister::from_history(people.iter().map(SupportedPerson::place).collect());
        register.end(&PersonId::new(person_id), on, reason)?;
        sqlx::query("UPDATE supported_people SET ends_on = $1, end_reason = $2, updated_at = $3 WHERE id = $4 AND coop_id = $5")
            .bind(on.to_string())
            .bind(end_reason_code(reason))
            .bind(self.now_ms())
            .bind(person_id)
            .bind(coop)
            .execute(&mut *tx)
            .await?;
        let after = SupportedPerson {
            ends_on: Some(on),
            end_reason: Some(reason),
            ..before.clone()
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "supported_person",
                record_id: person_id,
                action: AuditAction::Updated,
                before: Some(before.audit_view()),
                after: Some(after.audit_view()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the co-operative's registration with Care Inspectorate Wales,
    /// which lifts the four-person limit from the day it took effect. A
    /// co-operative has one registration: recording it again corrects it,
    /// with the old and new values in the audit trail.
    pub async fn record_ciw_registration(
        &self,
        scope: &CoopScope,
        registration: &CiwRegistration,
    ) -> Result<(), StoreError> {
        let coop = scope.coop_id().as_str();
        let mut tx = self.begin().await?;
        // Locked, so two officers correcting at once update in turn rather
        // than both inserting.
        self.dialect().lock_coop(&mut tx, scope.coop_id()).await?;
        let (_, before) = load(&mut tx, coop).await?;
        let view = |r: &CiwRegistration| {
            json!({
                "registration_number": r.registration_number,
                "registered_on": r.registered_on.to_string(),
            })
        };
        if before.is_some() {
            sqlx::query("UPDATE ciw_registrations SET registration_number = $1, registered_on = $2 WHERE coop_id = $3")
                .bind(&registration.registration_number)
                .bind(registration.registered_on.to_string())
                .bind(coop)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("INSERT INTO ciw_registrations (coop_id, registration_number, registered_on, created_at) VALUES ($1, $2, $3, $4)")
                .bind(coop)
                .bind(&registration.registration_number)
                .bind(registration.registered_on.to_string())
                .bind(self.now_ms())
                .execute(&mut *tx)
                .await?;
        }
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "ciw_registration",
                record_id: coop,
                action: if before.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: before.as_ref().map(view),
                after: Some(view(registration)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

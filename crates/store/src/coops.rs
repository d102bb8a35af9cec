//! Co-operatives, and who belongs to them.

use std::collections::BTreeMap;

use cylch_domain::{CoopKind, CoopName, CoopRoles, MemberClass, Office};
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::{AccountId, CoopId, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coop {
    pub id: CoopId,
    pub name: String,
    pub kind: CoopKind,
}

/// Proof that an account holds a role in a co-operative. Only
/// [`Store::scope`] makes one, from the membership tables, and every query on
/// a co-operative's records takes one: a query cannot forget the
/// co-operative filter, nor be pointed at a co-operative the person is not in.
#[derive(Debug, Clone)]
pub struct CoopScope {
    coop: Coop,
    account: AccountId,
    roles: CoopRoles,
}

impl CoopScope {
    pub fn coop(&self) -> &Coop {
        &self.coop
    }

    pub fn coop_id(&self) -> &CoopId {
        &self.coop.id
    }

    pub fn account(&self) -> &AccountId {
        &self.account
    }

    pub fn roles(&self) -> &CoopRoles {
        &self.roles
    }
}

fn coop_from_row(row: &sqlx::any::AnyRow) -> Result<Coop, StoreError> {
    let kind: String = row.try_get(2)?;
    Ok(Coop {
        id: CoopId::from_db(row.try_get(0)?),
        name: row.try_get(1)?,
        kind: CoopKind::parse(&kind)
            .map_err(|_| StoreError::Corrupt(format!("co-operative kind {kind:?}")))?,
    })
}

fn parse_class(raw: Option<String>) -> Result<Option<MemberClass>, StoreError> {
    raw.map(|c| {
        MemberClass::parse(&c).map_err(|_| StoreError::Corrupt(format!("member class {c:?}")))
    })
    .transpose()
}

fn parse_office(raw: &str) -> Result<Office, StoreError> {
    Office::parse(raw).map_err(|_| StoreError::Corrupt(format!("office {raw:?}")))
}

/// One person's place in a co-operative, as the members list shows it.
#[derive(Debug, Clone)]
pub struct Member {
    pub account: AccountId,
    pub name: String,
    pub roles: CoopRoles,
    pub represents: Option<AccountId>,
}

impl Store {
    /// Creates a co-operative; the instance administrator does this, then
    /// invites its first officer.
    pub async fn create_coop(
        &self,
        actor: &AccountId,
        name: &CoopName,
        kind: CoopKind,
    ) -> Result<Coop, StoreError> {
        let coop = Coop {
            id: CoopId::new(),
            name: name.as_str().to_owned(),
            kind,
        };
        let now = self.now_ms();
        let mut tx = self.begin().await?;
        sqlx::query("INSERT INTO coops (id, name, kind, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
            .bind(coop.id.as_str())
            .bind(&coop.name)
            .bind(kind.code())
            .bind(actor.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(&coop.id),
                actor: Some(actor),
                record_kind: "coop",
                record_id: coop.id.as_str(),
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"name": coop.name, "kind": kind.code()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(coop)
    }

    /// Every co-operative on the instance, by name: names and kinds only,
    /// for the instance administrator.
    pub async fn all_coops(&self) -> Result<Vec<Coop>, StoreError> {
        let rows = sqlx::query("SELECT id, name, kind FROM coops ORDER BY name, id")
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(coop_from_row).collect()
    }

    /// A co-operative by id, for the instance administrator's invitation
    /// form; names and kinds are not care or money records.
    pub async fn coop_summary(&self, id: &CoopId) -> Result<Option<Coop>, StoreError> {
        let row = sqlx::query("SELECT id, name, kind FROM coops WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(coop_from_row).transpose()
    }

    /// The co-operatives a person belongs to, with their roles in each.
    pub async fn coops_of(&self, account: &AccountId) -> Result<Vec<CoopScope>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.name, c.kind, m.class FROM memberships m JOIN coops c ON c.id = m.coop_id
             WHERE m.account_id = $1 AND m.ceased_on IS NULL ORDER BY c.name, c.id",
        )
        .bind(account.as_str())
        .fetch_all(self.pool())
        .await?;
        let offices = sqlx::query(
            "SELECT coop_id, office FROM offices WHERE account_id = $1 AND ended_at IS NULL",
        )
        .bind(account.as_str())
        .fetch_all(self.pool())
        .await?;
        let mut offices_by_coop: BTreeMap<String, Vec<Office>> = BTreeMap::new();
        for row in &offices {
            let office: String = row.try_get(1)?;
            offices_by_coop
                .entry(row.try_get(0)?)
                .or_default()
                .push(parse_office(&office)?);
        }
        rows.iter()
            .map(|row| {
                let coop = coop_from_row(row)?;
                let roles = CoopRoles {
                    class: parse_class(row.try_get(3)?)?,
                    offices: offices_by_coop
                        .remove(coop.id.as_str())
                        .unwrap_or_default()
                        .into_iter()
                        .collect(),
                };
                Ok(CoopScope {
                    coop,
                    account: account.clone(),
                    roles,
                })
            })
            .collect()
    }

    /// The scope in which `account` may act in co-operative `coop`, or
    /// `None` when they hold no role there.
    pub async fn scope(
        &self,
        account: &AccountId,
        coop: &CoopId,
    ) -> Result<Option<CoopScope>, StoreError> {
        let row = sqlx::query(
            "SELECT c.id, c.name, c.kind, m.class FROM memberships m JOIN coops c ON c.id = m.coop_id
             WHERE m.account_id = $1 AND m.coop_id = $2 AND m.ceased_on IS NULL",
        )
        .bind(account.as_str())
        .bind(coop.as_str())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let offices =
            sqlx::query("SELECT office FROM offices WHERE account_id = $1 AND coop_id = $2 AND ended_at IS NULL")
                .bind(account.as_str())
                .bind(coop.as_str())
                .fetch_all(self.pool())
                .await?;
        let offices = offices
            .iter()
            .map(|r| {
                r.try_get::<String, _>(0)
                    .map_err(StoreError::from)
                    .and_then(|o| parse_office(&o))
            })
            .collect::<Result<_, _>>()?;
        Ok(Some(CoopScope {
            coop: coop_from_row(&row)?,
            account: account.clone(),
            roles: CoopRoles {
                class: parse_class(row.try_get(3)?)?,
                offices,
            },
        }))
    }

    /// Everyone in the co-operative with their roles, by name.
    pub async fn members(&self, scope: &CoopScope) -> Result<Vec<Member>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.name, m.class, m.represents_account_id FROM memberships m
             JOIN accounts a ON a.id = m.account_id WHERE m.coop_id = $1 AND m.ceased_on IS NULL ORDER BY a.name, a.id",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        let offices = sqlx::query(
            "SELECT account_id, office FROM offices WHERE coop_id = $1 AND ended_at IS NULL",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        let mut by_account: BTreeMap<String, Vec<Office>> = BTreeMap::new();
        for row in &offices {
            let office: String = row.try_get(1)?;
            by_account
                .entry(row.try_get(0)?)
                .or_default()
                .push(parse_office(&office)?);
        }
        rows.iter()
            .map(|row| {
                let id: String = row.try_get(0)?;
                let offices = by_account
                    .remove(&id)
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                Ok(Member {
                    account: AccountId::from_db(id),
                    name: row.try_get(1)?,
                    roles: CoopRoles {
                        class: parse_class(row.try_get(2)?)?,
                        offices,
                    },
                    represents: row.try_get::<Option<String>, _>(3)?.map(AccountId::from_db),
                })
            })
            .collect()
    }

    /// Adds a person to a co-operative with the given roles (used when an
    /// invitation is accepted, and by the demo).
    pub async fn add_member(
        &self,
        actor: &AccountId,
        coop: &CoopId,
        account: &AccountId,
        roles: &CoopRoles,
        represents: Option<&AccountId>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        add_member_in(
            &mut tx,
            actor,
            coop,
            account,
            roles,
            represents,
            self.clock().now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

pub(crate) async fn add_member_in(
    tx: &mut Tx,
    actor: &AccountId,
    coop: &CoopId,
    account: &AccountId,
    roles: &CoopRoles,
    represents: Option<&AccountId>,
    at: jiff::Timestamp,
) -> Result<(), StoreError> {
    let now = crate::clock::written_at_ms();
    // The day the member is admitted and the instant they take any office
    // are facts of the register, so they follow the service's clock; `now`
    // only stamps the rows' writing.
    let today = at.to_zoned_datetime(crate::clock::wales()).date();
    let took_office = at.as_millisecond();
    let existing: Option<Option<String>> =
        sqlx::query_scalar("SELECT class FROM memberships WHERE coop_id = $1 AND account_id = $2")
            .bind(coop.as_str())
            .bind(account.as_str())
            .fetch_optional(&mut **tx)
            .await?;
    let record_id = format!("{}:{}", coop.as_str(), account.as_str());
    match existing {
        None => {
            sqlx::query(
                "INSERT INTO memberships (coop_id, account_id, class, represents_account_id, created_at, updated_at, admitted_on)
                 VALUES ($1, $2, $3, $4, $5, $5, $6)",
            )
            .bind(coop.as_str())
            .bind(account.as_str())
            .bind(roles.class.map(|c| c.code()))
            .bind(represents.map(|r| r.as_str().to_owned()))
            .bind(now)
            .bind(today.to_string())
            .execute(&mut **tx)
            .await?;
            audit::record(
                tx,
                Change {
                    coop: Some(coop),
                    actor: Some(actor),
                    record_kind: "membership",
                    record_id: &record_id,
                    action: AuditAction::Created,
                    before: None,
                    after: Some(json!({"class": roles.class.map(|c| c.code()), "represents": represents.map(|r| r.as_str())})),
                },
            )
            .await?;
        }
        Some(old_class) => {
            if let Some(class) = roles.class
                && old_class.as_deref() != Some(class.code())
            {
                sqlx::query("UPDATE memberships SET class = $1, updated_at = $2 WHERE coop_id = $3 AND account_id = $4")
                    .bind(class.code())
                    .bind(now)
                    .bind(coop.as_str())
                    .bind(account.as_str())
                    .execute(&mut **tx)
                    .await?;
                audit::record(
                    tx,
                    Change {
                        coop: Some(coop),
                        actor: Some(actor),
                        record_kind: "membership",
                        record_id: &record_id,
                        action: AuditAction::Updated,
                        before: Some(json!({"class": old_class})),
                        after: Some(json!({"class": class.code()})),
                    },
                )
                .await?;
            }
        }
    }
    // A ceased member who is admitted again starts a new membership.
    sqlx::query(
        "UPDATE memberships SET ceased_on = NULL, ceased_reason = NULL, admitted_on = $1, updated_at = $2
         WHERE coop_id = $3 AND account_id = $4 AND ceased_on IS NOT NULL",
    )
    .bind(today.to_string())
    .bind(now)
    .bind(coop.as_str())
    .bind(account.as_str())
    .execute(&mut **tx)
    .await?;
    for office in &roles.offices {
        // `Some(None)`: held now; `Some(Some(_))`: held before and left.
        let held: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT ended_at FROM offices WHERE coop_id = $1 AND account_id = $2 AND office = $3",
        )
        .bind(coop.as_str())
        .bind(account.as_str())
        .bind(office.code())
        .fetch_optional(&mut **tx)
        .await?;
        let statement = match held {
            Some(None) => continue,
            Some(Some(_)) => {
                "UPDATE offices SET ended_at = NULL, created_at = $4 WHERE coop_id = $1 AND account_id = $2 AND office = $3"
            }
            None => {
                "INSERT INTO offices (coop_id, account_id, office, created_at) VALUES ($1, $2, $3, $4)"
            }
        };
        sqlx::query(statement)
            .bind(coop.as_str())
            .bind(account.as_str())
            .bind(office.code())
            .bind(took_office)
            .execute(&mut **tx)
            .await?;
        audit::record(
            tx,
            Change {
                coop: Some(coop),
                actor: Some(actor),
                record_kind: "office",
                record_id: &format!("{record_id}:{}", office.code()),
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"office": office.code()})),
            },
        )
        .await?;
    }
    Ok(())
}

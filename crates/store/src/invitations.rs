//! Invitations to join a co-operative, sent by emailed link.

use cylch_domain::{CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName};
use serde_json::json;
use sqlx::Row;

use crate::accounts::{self, Account, NewAccount};
use crate::audit::{self, AuditAction, Change};
use crate::coops::add_member_in;
use crate::ids::{hash_secret, random_id, random_secret};
use crate::{AccountId, CoopId, Store, StoreError};

/// An invitation link works for fourteen days.
pub const INVITATION_LIFETIME_MS: i64 = 14 * 24 * 60 * 60 * 1000;

#[derive(Debug, Clone)]
pub struct Invitation {
    pub id: String,
    pub coop_id: CoopId,
    pub coop_name: String,
    pub email: EmailAddress,
    pub name: String,
    pub office: Option<Office>,
    pub class: Option<MemberClass>,
}

pub struct NewInvitation<'a> {
    pub coop: &'a CoopId,
    pub email: &'a EmailAddress,
    pub name: &'a PersonName,
    pub office: Option<Office>,
    pub class: Option<MemberClass>,
}

/// Why the instance administrator may not invite a co-operative's first
/// officer.
#[derive(Debug, thiserror::Error)]
pub enum FirstOfficerError {
    /// The co-operative has officers: from now on they invite whom they
    /// choose, and the administrator, who runs the service and is no
    /// member, has no say in who joins.
    #[error("the co-operative already has officers")]
    HasOfficers,
    /// The administrator named their own address: they would read the
    /// co-operative's care and money records as its officer.
    #[error("the administrator cannot invite themselves")]
    Themselves,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for FirstOfficerError {
    fn from(err: sqlx::Error) -> Self {
        FirstOfficerError::Store(err.into())
    }
}

/// What accepting an invitation needs from a person without an account.
pub struct NewSignIn<'a> {
    pub password_hash: &'a str,
    pub language: Language,
}

/// Records an invitation in the caller's transaction and returns its
/// secret for the emailed link.
pub(crate) async fn create_in(
    tx: &mut crate::Tx,
    actor: &AccountId,
    coop_name: &str,
    new: NewInvitation<'_>,
    now_ms: i64,
) -> Result<(Invitation, String), StoreError> {
    let secret = random_secret();
    let now = now_ms;
    let invitation = Invitation {
        id: random_id(),
        coop_id: new.coop.clone(),
        coop_name: coop_name.to_owned(),
        email: new.email.clone(),
        name: new.name.as_str().to_owned(),
        office: new.office,
        class: new.class,
    };
    sqlx::query(
        "INSERT INTO invitations (id, token_hash, coop_id, email, name, office, class, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&invitation.id)
    .bind(hash_secret(&secret))
    .bind(invitation.coop_id.as_str())
    .bind(invitation.email.as_str())
    .bind(&invitation.name)
    .bind(invitation.office.map(Office::code))
    .bind(invitation.class.map(MemberClass::code))
    .bind(actor.as_str())
    .bind(now)
    .bind(now + INVITATION_LIFETIME_MS)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        Change {
            coop: Some(&invitation.coop_id),
            actor: Some(actor),
            record_kind: "invitation",
            record_id: &invitation.id,
            action: AuditAction::Created,
            before: None,
            after: Some(json!({
                "email": invitation.email.as_str(),
                "name": invitation.name,
                "office": invitation.office.map(Office::code),
                "class": invitation.class.map(MemberClass::code),
            })),
        },
    )
    .await?;
    Ok((invitation, secret))
}

/// Who sent an invitation, when it is known.
async fn invited_by(tx: &mut crate::Tx, invitation: &str) -> Result<Option<AccountId>, StoreError> {
    let by: Option<String> = sqlx::query_scalar("SELECT invited_by FROM invitations WHERE id = $1")
        .bind(invitation)
        .fetch_one(&mut **tx)
        .await?;
    Ok(by.map(AccountId::from_db))
}

impl Store {
    /// Records an invitation and returns its secret for the emailed link.
    pub async fn create_invitation(
        &self,
        actor: &AccountId,
        new: NewInvitation<'_>,
    ) -> Result<(Invitation, String), StoreError> {
        let coop = self
            .coop_summary(new.coop)
            .await?
            .ok_or(StoreError::NotFound)?;
        let mut tx = self.begin().await?;
        let created = create_in(&mut tx, actor, &coop.name, new, self.now_ms()).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// Records the instance administrator's invitation to a co-operative's
    /// first officer, while it has none and never to the administrator's
    /// own address. Checked in the transaction that writes it, with the
    /// co-operative locked, so that no officer can join in between. The
    /// audit entry belongs to the co-operative, so its officers see it on
    /// the co-operative's audit page.
    pub async fn create_first_officer_invitation(
        &self,
        admin: &Account,
        new: NewInvitation<'_>,
    ) -> Result<(Invitation, String), FirstOfficerError> {
        let coop = self
            .coop_summary(new.coop)
            .await?
            .ok_or(StoreError::NotFound)?;
        if *new.email == admin.email {
            return Err(FirstOfficerError::Themselves);
        }
        let mut tx = self.begin().await?;
        self.dialect().lock_coop(&mut tx, new.coop).await?;
        let officers: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM offices WHERE coop_id = $1")
            .bind(new.coop.as_str())
            .fetch_one(&mut *tx)
            .await?;
        if officers > 0 {
            return Err(FirstOfficerError::HasOfficers);
        }
        let created = create_in(&mut tx, &admin.id, &coop.name, new, self.now_ms()).await?;
        tx.commit().await?;
        Ok(created)
    }

    /// A live invitation by its secret.
    pub async fn invitation(&self, secret: &str) -> Result<Option<Invitation>, StoreError> {
        let row = sqlx::query(
            "SELECT i.id, i.coop_id, c.name, i.email, i.name, i.office, i.class
             FROM invitations i JOIN coops c ON c.id = i.coop_id
             WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > $2",
        )
        .bind(hash_secret(secret))
        .bind(self.now_ms())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let email: String = row.try_get(3)?;
        let office: Option<String> = row.try_get(5)?;
        let class: Option<String> = row.try_get(6)?;
        Ok(Some(Invitation {
            id: row.try_get(0)?,
            coop_id: CoopId::from_db(row.try_get(1)?),
            coop_name: row.try_get(2)?,
            email: EmailAddress::parse(&email)
                .map_err(|_| StoreError::Corrupt(format!("invitation email {email:?}")))?,
            name: row.try_get(4)?,
            office: office
                .map(|o| Office::parse(&o))
                .transpose()
                .map_err(|_| StoreError::Corrupt("office".into()))?,
            class: class
                .map(|c| MemberClass::parse(&c))
                .transpose()
                .map_err(|_| StoreError::Corrupt("class".into()))?,
        }))
    }

    /// Accepts an invitation: makes the account if the email has none (with
    /// the password given), and gives it the invited roles. All in one
    /// transaction, so a failure leaves the invitation usable.
    pub async fn accept_invitation(
        &self,
        secret: &str,
        sign_in: Option<NewSignIn<'_>>,
    ) -> Result<Account, StoreError> {
        let invitation = self.invitation(secret).await?.ok_or(StoreError::NotFound)?;
        let mut tx = self.begin().await?;
        let taken = sqlx::query(
            "UPDATE invitations SET accepted_at = $1 WHERE id = $2 AND accepted_at IS NULL",
        )
        .bind(self.now_ms())
        .bind(&invitation.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if taken == 0 {
            return Err(StoreError::NotFound);
        }
        let account = match accounts::by_email_in(&mut tx, &invitation.email).await? {
            // Nobody accepts their own invitation: an administrator who
            // invited an address and then took it for their own account
            // would otherwise make themselves an officer after all.
            Some(account)
                if invited_by(&mut tx, &invitation.id).await?.as_ref() == Some(&account.id) =>
            {
                return Err(StoreError::NotFound);
            }
            Some(account) => account,
            None => {
                let sign_in = sign_in.ok_or(StoreError::NotFound)?;
                let name = PersonName::parse(&invitation.name)
                    .map_err(|_| StoreError::Corrupt("invitation name".into()))?;
                accounts::create_in(
                    &mut tx,
                    None,
                    NewAccount {
                        email: &invitation.email,
                        name: &name,
                        language: sign_in.language,
                        password_hash: Some(sign_in.password_hash),
                        instance_admin: false,
                    },
                )
                .await?
            }
        };
        let roles = CoopRoles {
            class: invitation.class,
            offices: invitation.office.into_iter().collect(),
        };
        add_member_in(
            &mut tx,
            &account.id,
            &invitation.coop_id,
            &account.id,
            &roles,
            None,
            self.clock().now(),
        )
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(&invitation.coop_id),
                actor: Some(&account.id),
                record_kind: "invitation",
                record_id: &invitation.id,
                action: AuditAction::Updated,
                before: Some(json!({"accepted": false})),
                after: Some(json!({"accepted": true})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(account)
    }
}

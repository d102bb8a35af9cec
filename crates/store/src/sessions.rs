//! Signed-in sessions, kept in the database so that any app server can
//! answer any request.

use serde_json::json;
use sqlx::Row;

use crate::accounts::{Account, account_at};
use crate::audit::{self, AuditAction, Change};
use crate::ids::{hash_secret, random_secret};
use crate::{AccountId, Store, StoreError, Tx};

/// A session ends after this long without a request…
pub const IDLE_TIMEOUT_MS: i64 = 2 * 60 * 60 * 1000;
/// …and in any case this long after sign-in, because these are care and
/// money records, often opened on shared or family devices.
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;
/// `last_seen_at` is written at most this often, to spare the database a
/// write on every request.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// A session as the web layer sees it.
#[derive(Debug, Clone)]
pub struct Session {
    /// The secret in the cookie. Only its hash is stored.
    pub token: String,
    pub csrf_token: String,
    pub account: Account,
}

/// What became of a cookie's session.
#[derive(Debug)]
pub enum SessionLookup {
    Active(Session),
    /// It existed but has timed out: the person is asked to sign in again.
    Expired,
    Unknown,
}

fn session_audit_id(token_hash: &str) -> &str {
    &token_hash[..16.min(token_hash.len())]
}

impl Store {
    pub async fn start_session(&self, account: &Account) -> Result<Session, StoreError> {
        let token = random_secret();
        let csrf_token = random_secret();
        let token_hash = hash_secret(&token);
        let now = self.now_ms();
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
             VALUES ($1, $2, $3, $4, $4, $5)",
        )
        .bind(&token_hash)
        .bind(account.id.as_str())
        .bind(&csrf_token)
        .bind(now)
        .bind(now + ABSOLUTE_TIMEOUT_MS)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: None,
                actor: Some(&account.id),
                record_kind: "session",
                record_id: session_audit_id(&token_hash),
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"account": account.id.as_str()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Session {
            token,
            csrf_token,
            account: account.clone(),
        })
    }

    pub async fn session(&self, token: &str) -> Result<SessionLookup, StoreError> {
        let token_hash = hash_secret(token);
        let row = sqlx::query(
            "SELECT s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
                    a.id, a.email, a.name, a.language, a.instance_admin, a.password_hash, a.sessions_valid_after
             FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
        )
        .bind(&token_hash)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(SessionLookup::Unknown);
        };
        let csrf_token: String = row.try_get(0)?;
        let created_at: i64 = row.try_get(1)?;
        let last_seen_at: i64 = row.try_get(2)?;
        let expires_at: i64 = row.try_get(3)?;
        let account = account_at(&row, 4)?;
        let now = self.now_ms();
        if now >= expires_at
            || now - last_seen_at >= IDLE_TIMEOUT_MS
            || created_at < account.sessions_valid_after
        {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(&token_hash)
                .execute(self.pool())
                .await?;
            return Ok(SessionLookup::Expired);
        }
        if now - last_seen_at >= TOUCH_EVERY_MS {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(&token_hash)
                .execute(self.pool())
                .await?;
        }
        Ok(SessionLookup::Active(Session {
            token: token.to_owned(),
            csrf_token,
            account,
        }))
    }

    /// Signs out this one session.
    pub async fn end_session(&self, session: &Session) -> Result<(), StoreError> {
        let token_hash = hash_secret(&session.token);
        let mut tx = self.begin().await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(&token_hash)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: None,
                actor: Some(&session.account.id),
                record_kind: "session",
                record_id: session_audit_id(&token_hash),
                action: AuditAction::Deleted,
                before: Some(json!({"account": session.account.id.as_str()})),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Signs the person out on every device.
    pub async fn end_all_sessions(&self, account: &AccountId) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        end_all_but_in(&mut tx, account, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many sessions the person has open: shown on their account page.
    pub async fn session_count(&self, account: &AccountId) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT COUNT(*) FROM sessions WHERE account_id = $1 AND expires_at > $2",
        )
        .bind(account.as_str())
        .bind(self.now_ms())
        .fetch_one(self.pool())
        .await?)
    }
}

pub(crate) async fn end_all_but_in(
    tx: &mut Tx,
    account: &AccountId,
    keep_token: Option<&str>,
) -> Result<(), StoreError> {
    let keep_hash = keep_token.map(hash_secret).unwrap_or_default();
    let ended = sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
        .bind(account.as_str())
        .bind(&keep_hash)
        .execute(&mut **tx)
        .await?
        .rows_affected();
    if ended > 0 {
        audit::record(
            tx,
            Change {
                coop: None,
                actor: Some(account),
                record_kind: "session",
                record_id: account.as_str(),
                action: AuditAction::Deleted,
                before: Some(json!({"sessions_ended": ended})),
                after: None,
            },
        )
        .await?;
    }
    Ok(())
}

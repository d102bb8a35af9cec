//! Personal API tokens: the JSON API's equivalent of a session.

use serde_json::json;
use sqlx::Row;

use crate::accounts::{Account, account_at};
use crate::audit::{self, AuditAction, Change};
use crate::ids::{hash_secret, random_id, random_secret};
use crate::{AccountId, Store, StoreError};

/// A token as listed on the account page: never the secret.
#[derive(Debug, Clone)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub created_at_ms: i64,
    pub last_used_at_ms: Option<i64>,
}

/// Prefixed so a leaked token is recognisable in logs and secret scanners.
pub const TOKEN_PREFIX: &str = "cylch_";

impl Store {
    /// Creates a token and returns it with its secret, which is shown once.
    pub async fn create_api_token(
        &self,
        account: &AccountId,
        name: &str,
    ) -> Result<(ApiToken, String), StoreError> {
        let secret = format!("{TOKEN_PREFIX}{}", random_secret());
        let token = ApiToken {
            id: random_id(),
            name: name.to_owned(),
            created_at_ms: self.now_ms(),
            last_used_at_ms: None,
        };
        let mut tx = self.begin().await?;
        sqlx::query("INSERT INTO api_tokens (id, token_hash, account_id, name, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(&token.id)
            .bind(hash_secret(&secret))
            .bind(account.as_str())
            .bind(&token.name)
            .bind(token.created_at_ms)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: None,
                actor: Some(account),
                record_kind: "api_token",
                record_id: &token.id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"name": token.name})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok((token, secret))
    }

    pub async fn api_tokens(&self, account: &AccountId) -> Result<Vec<ApiToken>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, name, created_at, last_used_at FROM api_tokens
             WHERE account_id = $1 AND revoked_at IS NULL ORDER BY created_at, id",
        )
        .bind(account.as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ApiToken {
                    id: row.try_get(0)?,
                    name: row.try_get(1)?,
                    created_at_ms: row.try_get(2)?,
                    last_used_at_ms: row.try_get(3)?,
                })
            })
            .collect()
    }

    /// Revokes one of the person's own tokens; `NotFound` for anyone else's.
    pub async fn revoke_api_token(
        &self,
        account: &AccountId,
        token_id: &str,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let revoked = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND account_id = $3 AND revoked_at IS NULL",
        )
        .bind(self.now_ms())
        .bind(token_id)
        .bind(account.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if revoked == 0 {
            return Err(StoreError::NotFound);
        }
        audit::record(
            &mut tx,
            Change {
                coop: None,
                actor: Some(account),
                record_kind: "api_token",
                record_id: token_id,
                action: AuditAction::Deleted,
                before: Some(json!({"revoked": false})),
                after: Some(json!({"revoked": true})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account a bearer token belongs to, if it is live.
    pub async fn account_for_api_token(&self, secret: &str) -> Result<Option<Account>, StoreError> {
        let token_hash = hash_secret(secret);
        let row = sqlx::query(
            "SELECT a.id, a.email, a.name, a.language, a.instance_admin, a.password_hash, a.sessions_valid_after, t.last_used_at
             FROM api_tokens t JOIN accounts a ON a.id = t.account_id
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
        )
        .bind(&token_hash)
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let last_used: Option<i64> = row.try_get(7)?;
        let now = self.now_ms();
        // Recorded to the minute: enough to spot an unused token.
        if last_used.is_none_or(|t| now - t > 60_000) {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE token_hash = $2")
                .bind(now)
                .bind(&token_hash)
                .execute(self.pool())
                .await?;
        }
        Ok(Some(account_at(&row, 0)?))
    }
}

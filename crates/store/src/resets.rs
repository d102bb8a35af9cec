//! Password resets by emailed link.

use crate::accounts::{self, Account};
use crate::ids::{hash_secret, random_secret};
use crate::{AccountId, Store, StoreError};

/// A reset link works for an hour, and once.
pub const RESET_LIFETIME_MS: i64 = 60 * 60 * 1000;

impl Store {
    /// Makes a reset secret for the account; the caller emails the link.
    pub async fn create_password_reset(&self, account: &Account) -> Result<String, StoreError> {
        let secret = random_secret();
        let now = self.now_ms();
        sqlx::query("INSERT INTO password_resets (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(hash_secret(&secret))
            .bind(account.id.as_str())
            .bind(now)
            .bind(now + RESET_LIFETIME_MS)
            .execute(self.pool())
            .await?;
        Ok(secret)
    }

    /// Whether a reset secret is still usable, without using it: the form
    /// that asks for the new password is shown only for a live link.
    pub async fn password_reset_is_live(&self, secret: &str) -> Result<bool, StoreError> {
        let found: Option<String> = sqlx::query_scalar(
            "SELECT account_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(hash_secret(secret))
        .bind(self.now_ms())
        .fetch_optional(self.pool())
        .await?;
        Ok(found.is_some())
    }

    /// Uses a reset secret to set a new password, signing the person out
    /// everywhere. `NotFound` when the link is unknown, used or expired.
    pub async fn complete_password_reset(
        &self,
        secret: &str,
        password_hash: &str,
    ) -> Result<AccountId, StoreError> {
        let now = self.now_ms();
        let mut tx = self.begin().await?;
        let account: Option<String> = sqlx::query_scalar(
            "SELECT account_id FROM password_resets WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(hash_secret(secret))
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let account = AccountId::from_db(account.ok_or(StoreError::NotFound)?);
        // Every outstanding link for the account dies with this one.
        sqlx::query(
            "UPDATE password_resets SET used_at = $1 WHERE account_id = $2 AND used_at IS NULL",
        )
        .bind(now)
        .bind(account.as_str())
        .execute(&mut *tx)
        .await?;
        accounts::set_password_in(&mut tx, &account, &account, password_hash, None).await?;
        tx.commit().await?;
        Ok(account)
    }
}

//! Sign-in throttling, kept in the database so that it holds across app
//! servers.

use cylch_domain::EmailAddress;

use crate::{Store, StoreError};

/// Failed attempts allowed for one email address within the window…
pub const MAX_FAILURES: i64 = 5;
/// …after which sign-in for that address waits until the window has passed.
pub const WINDOW_MS: i64 = 15 * 60 * 1000;

impl Store {
    pub async fn record_sign_in_attempt(
        &self,
        email: &EmailAddress,
        succeeded: bool,
    ) -> Result<(), StoreError> {
        let now = self.now_ms();
        let mut tx = self.begin().await?;
        sqlx::query("INSERT INTO login_attempts (email, at, succeeded) VALUES ($1, $2, $3)")
            .bind(email.as_str())
            .bind(now)
            .bind(i64::from(succeeded))
            .execute(&mut *tx)
            .await?;
        // Old attempts say nothing about the window; keep the table small.
        sqlx::query("DELETE FROM login_attempts WHERE at < $1")
            .bind(now - 2 * WINDOW_MS)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// True when the address has failed too often lately: the sign-in form
    /// refuses (without checking the password) until the window passes.
    pub async fn sign_in_throttled(&self, email: &EmailAddress) -> Result<bool, StoreError> {
        let now = self.now_ms();
        let last_success: Option<i64> = sqlx::query_scalar(
            "SELECT MAX(at) FROM login_attempts WHERE email = $1 AND succeeded = 1 AND at > $2",
        )
        .bind(email.as_str())
        .bind(now - WINDOW_MS)
        .fetch_one(self.pool())
        .await?;
        let failures: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND succeeded = 0 AND at > $2",
        )
        .bind(email.as_str())
        .bind(last_success.unwrap_or(now - WINDOW_MS))
        .fetch_one(self.pool())
        .await?;
        Ok(failures >= MAX_FAILURES)
    }
}

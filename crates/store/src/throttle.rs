//! Throttles on guessing, kept in the database so that they hold across app
//! servers: sign-in by email address and by client address, guesses of the
//! current password on a signed-in account, and password-reset requests.

use std::net::IpAddr;

use cylch_domain::EmailAddress;

use crate::{AccountId, Store, StoreError};

/// Failed attempts allowed for one email address within the window…
pub const MAX_FAILURES: i64 = 5;
/// …after which sign-in for that address waits until the window has passed.
pub const WINDOW_MS: i64 = 15 * 60 * 1000;
/// Failed sign-ins allowed from one client address within the window, over
/// every account: enough for a household or an office behind one address
/// to mistype many times, few enough that one password tried across many
/// accounts is slowed to a crawl.
pub const MAX_CLIENT_FAILURES: i64 = 30;

/// What is being counted. Each is kept under its own key in one table; the
/// keys other than an email address start with a word and a space, which
/// no parsed email address holds, so no two can meet.
#[derive(Debug, Clone, Copy)]
pub enum Throttle<'a> {
    /// Sign-in with this email address: a success clears the count.
    SignIn(&'a EmailAddress),
    /// Failed sign-ins from this client address, whatever the account: a
    /// success does not clear them, or one real account would let its
    /// holder guess at everyone else's.
    Client(IpAddr),
    /// Guesses of this account's current password (changing it or the
    /// email address): a right one clears the count.
    CurrentPassword(&'a AccountId),
    /// Requests to reset the password of this address, counted for every
    /// address whether or not it has an account, so that the answer is the
    /// same for both; each request counts as a failure.
    Reset(&'a EmailAddress),
}

impl Throttle<'_> {
    fn key(&self) -> String {
        match self {
            Throttle::SignIn(email) => email.as_str().to_owned(),
            Throttle::Client(address) => format!("client {address}"),
            Throttle::CurrentPassword(account) => format!("password {account}"),
            Throttle::Reset(email) => format!("reset {email}"),
        }
    }

    fn limit(&self) -> i64 {
        match self {
            Throttle::Client(_) => MAX_CLIENT_FAILURES,
            _ => MAX_FAILURES,
        }
    }

    /// Whether a success wipes the slate.
    fn cleared_by_success(&self) -> bool {
        !matches!(self, Throttle::Client(_))
    }
}

impl Store {
    pub async fn record_sign_in_attempt(
        &self,
        email: &EmailAddress,
        succeeded: bool,
    ) -> Result<(), StoreError> {
        self.record_attempt(Throttle::SignIn(email), succeeded)
            .await
    }

    /// True when the address has failed too often lately: the sign-in form
    /// refuses (without checking the password) until the window passes.
    pub async fn sign_in_throttled(&self, email: &EmailAddress) -> Result<bool, StoreError> {
        self.throttled(Throttle::SignIn(email)).await
    }

    /// Counts one attempt at what `throttle` guards.
    pub async fn record_attempt(
        &self,
        throttle: Throttle<'_>,
        succeeded: bool,
    ) -> Result<(), StoreError> {
        let now = self.now_ms();
        let mut tx = self.begin().await?;
        sqlx::query("INSERT INTO login_attempts (email, at, succeeded) VALUES ($1, $2, $3)")
            .bind(throttle.key())
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

    /// True when what `throttle` guards has failed too often lately: it is
    /// refused (without checking anything) until the window passes.
    pub async fn throttled(&self, throttle: Throttle<'_>) -> Result<bool, StoreError> {
        let now = self.now_ms();
        let key = throttle.key();
        let last_success: Option<i64> = if throttle.cleared_by_success() {
            sqlx::query_scalar(
                "SELECT MAX(at) FROM login_attempts WHERE email = $1 AND succeeded = 1 AND at > $2",
            )
            .bind(&key)
            .bind(now - WINDOW_MS)
            .fetch_one(self.pool())
            .await?
        } else {
            None
        };
        let failures: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM login_attempts WHERE email = $1 AND succeeded = 0 AND at > $2",
        )
        .bind(&key)
        .bind(last_success.unwrap_or(now - WINDOW_MS))
        .fetch_one(self.pool())
        .await?;
        Ok(failures >= throttle.limit())
    }
}

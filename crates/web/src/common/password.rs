//! Password hashing with Argon2id, off the async threads and bounded, so a
//! burst of sign-ins cannot starve every other request of CPU or memory.

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use tokio::sync::Semaphore;

use crate::AppError;

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
}

impl Default for PasswordHasher {
    fn default() -> Self {
        Self::new()
    }
}

/// A hash of a password nobody knows, checked when an email has no account
/// so that "no such account" and "wrong password" take the same time.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(cylch_store::ids::random_secret().as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .unwrap_or_default()
    })
}

impl PasswordHasher {
    pub fn new() -> Self {
        PasswordHasher {
            permits: Arc::new(Semaphore::new(2)),
        }
    }

    pub async fn hash(&self, password: &str) -> Result<String, AppError> {
        let password = password.to_owned();
        let _permit = self.permits.acquire().await?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(AppError::PasswordHash)
        })
        .await?
    }

    /// Whether `password` matches `hash`; with no hash, a dummy is checked so
    /// the answer takes as long either way.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> Result<bool, AppError> {
        let password = password.to_owned();
        let known = hash.is_some();
        let hash = hash.map(str::to_owned);
        let _permit = self.permits.acquire().await?;
        let matches = tokio::task::spawn_blocking(move || {
            let hash: &str = match &hash {
                Some(hash) => hash,
                None => dummy_hash(),
            };
            match PasswordHash::new(hash) {
                Ok(parsed) => Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok(),
                Err(_) => false,
            }
        })
        .await?;
        Ok(known && matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_wrong_passwords_fail() {
        let hasher = PasswordHasher::new();
        let hash = hasher.hash("tair coeden afal").await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            hasher
                .verify("tair coeden afal", Some(&hash))
                .await
                .unwrap()
        );
        assert!(!hasher.verify("tair coeden", Some(&hash)).await.unwrap());
        assert!(!hasher.verify("anything", None).await.unwrap());
        assert!(!hasher.verify("anything", Some("not a hash")).await.unwrap());
    }
}

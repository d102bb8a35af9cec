//! Consistent copies of a live database.

use std::path::Path;

use crate::{Dialect, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "this instance runs on PostgreSQL; back it up with pg_dump, for example: pg_dump --format=custom --file=cylch.dump \"$DATABASE_URL\""
    )]
    UsePgDump,
    #[error("{0} already exists; choose a new file name so nothing is overwritten")]
    Exists(String),
    #[error("the path {0} cannot be used in a backup command")]
    BadPath(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Writes a consistent copy of a live SQLite database to `path` with
    /// `VACUUM INTO`, which reads one snapshot while the service keeps
    /// running.
    pub async fn backup_to(&self, path: &Path) -> Result<(), BackupError> {
        if self.dialect() == Dialect::Postgres {
            return Err(BackupError::UsePgDump);
        }
        if path.exists() {
            return Err(BackupError::Exists(path.display().to_string()));
        }
        let text = path
            .to_str()
            .ok_or_else(|| BackupError::BadPath(path.display().to_string()))?;
        if text.contains('\0') {
            return Err(BackupError::BadPath(path.display().to_string()));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(text)
            .execute(self.pool())
            .await
            .map_err(StoreError::from)?;
        Ok(())
    }
}

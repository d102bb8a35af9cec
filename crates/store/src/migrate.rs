//! Schema migrations, embedded in the binary and applied at start-up.

use sqlx::Executor;

use crate::{Store, StoreError, now_ms};

/// Every migration, in order. They are written in portable SQL; a statement
/// that must differ between the databases would be chosen by dialect here.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../migrations/0001_foundation.sql"),
    ),
    (2, "support", include_str!("../migrations/0002_support.sql")),
];

pub(crate) async fn run(store: &Store) -> Result<(), StoreError> {
    store
        .pool()
        .execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at BIGINT NOT NULL
            )",
        )
        .await
        .map_err(|e| StoreError::Migrate(e.to_string()))?;
    for &(version, name, sql) in MIGRATIONS {
        apply(store, version, name, sql).await?;
    }
    Ok(())
}

async fn apply(store: &Store, version: i64, name: &str, sql: &str) -> Result<(), StoreError> {
    let failed = |e: sqlx::Error| StoreError::Migrate(format!("migration {version} ({name}): {e}"));
    // The write lock is taken before the check, so two servers starting at
    // once cannot both apply the same migration.
    let mut tx = store
        .begin()
        .await
        .map_err(|e| StoreError::Migrate(e.to_string()))?;
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1")
            .bind(version)
            .fetch_optional(&mut *tx)
            .await
            .map_err(failed)?;
    if applied.is_some() {
        return Ok(());
    }
    if store.dialect() == crate::Dialect::Postgres {
        // PostgreSQL has no database-wide write lock; an advisory lock held to
        // the end of the transaction serialises concurrent migrators.
        tx.execute("SELECT pg_advisory_xact_lock(7316)")
            .await
            .map_err(failed)?;
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT version FROM schema_migrations WHERE version = $1")
                .bind(version)
                .fetch_optional(&mut *tx)
                .await
                .map_err(failed)?;
        if applied.is_some() {
            return Ok(());
        }
    }
    for statement in statements(sql) {
        tx.execute(sqlx::AssertSqlSafe(statement))
            .await
            .map_err(failed)?;
    }
    sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
        .bind(version)
        .bind(name)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
    tx.commit().await.map_err(failed)?;
    Ok(())
}

/// Splits a migration into statements at semicolons that end a line, after
/// dropping comment lines; each statement is sent on its own because the
/// PostgreSQL driver's prepared path takes one at a time.
fn statements(sql: &str) -> Vec<String> {
    let without_comments: String = sql
        .lines()
        .filter(|line| !line.trim_start().starts_with("--"))
        .map(|line| format!("{line}\n"))
        .collect();
    without_comments
        .split(";\n")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_end_matches(';').to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn splits_statements_and_drops_comments() {
        let sql = "-- a comment; with a semicolon\nCREATE TABLE a (x BIGINT);\n\nCREATE INDEX i ON a (x);\n";
        assert_eq!(
            super::statements(sql),
            vec!["CREATE TABLE a (x BIGINT)", "CREATE INDEX i ON a (x)"]
        );
    }
}

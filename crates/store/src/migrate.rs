//! Schema migrations, embedded in the binary and applied at start-up.

use sqlx::Executor;

use crate::{Store, StoreError};

/// One migration: portable SQL that runs on both databases, then the few
/// statements that must differ (triggers, above all), one file per dialect.
struct Migration {
    version: i64,
    name: &'static str,
    portable: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

/// Every migration, in order. A test checks that the migrated schemas of
/// the two databases name the same tables and columns.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        portable: include_str!("../migrations/0001_foundation.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 2,
        name: "support",
        portable: include_str!("../migrations/0002_support.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 3,
        name: "ledger",
        portable: include_str!("../migrations/0003_ledger.sql"),
        sqlite: include_str!("../migrations/0003_ledger.sqlite.sql"),
        postgres: include_str!("../migrations/0003_ledger.postgres.sql"),
    },
    Migration {
        version: 4,
        name: "register",
        portable: include_str!("../migrations/0004_register.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 5,
        name: "formation",
        portable: include_str!("../migrations/0005_formation.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 10,
        name: "votes",
        portable: include_str!("../migrations/0010_votes.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 11,
        name: "planned_spending",
        portable: include_str!("../migrations/0011_planned_spending.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 12,
        name: "budgets",
        portable: include_str!("../migrations/0012_budgets.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 20,
        name: "meetings",
        portable: include_str!("../migrations/0020_meetings.sql"),
        sqlite: include_str!("../migrations/0020_meetings.sqlite.sql"),
        postgres: include_str!("../migrations/0020_meetings.postgres.sql"),
    },
    Migration {
        version: 30,
        name: "rules and proxies",
        portable: include_str!("../migrations/0030_rules_and_proxies.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 31,
        name: "notifications",
        portable: include_str!("../migrations/0031_notifications.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 32,
        name: "admissions",
        portable: include_str!("../migrations/0032_admissions.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 40,
        name: "employment",
        portable: include_str!("../migrations/0040_employment.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 41,
        name: "leave",
        portable: include_str!("../migrations/0041_leave.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 42,
        name: "employer settings",
        portable: include_str!("../migrations/0042_employer_settings.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 43,
        name: "student loans",
        portable: include_str!("../migrations/0043_student_loans.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 50,
        name: "rota",
        portable: include_str!("../migrations/0050_rota.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 51,
        name: "needs",
        portable: include_str!("../migrations/0051_needs.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 52,
        name: "availability",
        portable: include_str!("../migrations/0052_availability.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 53,
        name: "calendar feeds",
        portable: include_str!("../migrations/0053_calendar_feeds.sql"),
        sqlite: include_str!("../migrations/0053_calendar_feeds.sqlite.sql"),
        postgres: include_str!("../migrations/0053_calendar_feeds.postgres.sql"),
    },
    Migration {
        version: 60,
        name: "timesheets",
        portable: include_str!("../migrations/0060_timesheets.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 70,
        name: "payroll",
        portable: include_str!("../migrations/0070_payroll.sql"),
        sqlite: include_str!("../migrations/0070_payroll.sqlite.sql"),
        postgres: include_str!("../migrations/0070_payroll.postgres.sql"),
    },
    Migration {
        version: 71,
        name: "pay run postings",
        portable: include_str!("../migrations/0071_pay_run_postings.sql"),
        sqlite: "",
        postgres: "",
    },
    Migration {
        version: 72,
        name: "HMRC details",
        portable: include_str!("../migrations/0072_hmrc_details.sql"),
        sqlite: "",
        postgres: "",
    },
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
    for migration in MIGRATIONS {
        let dialect_sql = match store.dialect() {
            crate::Dialect::Sqlite => migration.sqlite,
            crate::Dialect::Postgres => migration.postgres,
        };
        apply(
            store,
            migration.version,
            migration.name,
            migration.portable,
            dialect_sql,
        )
        .await?;
    }
    Ok(())
}

async fn apply(
    store: &Store,
    version: i64,
    name: &str,
    sql: &str,
    dialect_sql: &str,
) -> Result<(), StoreError> {
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
    for statement in statements(sql).into_iter().chain(statements(dialect_sql)) {
        tx.execute(sqlx::AssertSqlSafe(statement))
            .await
            .map_err(failed)?;
    }
    sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
        .bind(version)
        .bind(name)
        .bind(crate::clock::written_at_ms())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
    tx.commit().await.map_err(failed)?;
    Ok(())
}

/// Splits a migration into statements, after dropping comment lines; each
/// statement is sent on its own because the PostgreSQL driver's prepared
/// path takes one at a time. Statements end at a semicolon that ends a line,
/// or, in a file with a line `-- statement` (for trigger bodies, which hold
/// semicolons of their own), at each such line.
fn statements(sql: &str) -> Vec<String> {
    let marked = sql.lines().any(|line| line.trim() == "-- statement");
    let separator = if marked { "\u{0}" } else { ";\n" };
    let without_comments: String = sql
        .lines()
        .filter_map(|line| match line.trim() {
            "-- statement" => Some("\u{0}\n".to_owned()),
            trimmed if trimmed.starts_with("--") => None,
            _ => Some(format!("{line}\n")),
        })
        .collect();
    without_comments
        .split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            if marked {
                s.to_owned()
            } else {
                s.trim_end_matches(';').to_owned()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn trigger_bodies_keep_their_semicolons() {
        let sql = "-- statement\nCREATE TRIGGER t BEFORE UPDATE ON a BEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;\n-- statement\nCREATE INDEX i ON a (x);\n";
        let parts = super::statements(sql);
        assert_eq!(parts.len(), 2);
        assert!(
            parts[0].starts_with("CREATE TRIGGER")
                && parts[0].contains("RAISE(ABORT, 'no');")
                && parts[0].ends_with("END;")
        );
        assert_eq!(parts[1], "CREATE INDEX i ON a (x);");
    }

    #[test]
    fn splits_statements_and_drops_comments() {
        let sql = "-- a comment; with a semicolon\nCREATE TABLE a (x BIGINT);\n\nCREATE INDEX i ON a (x);\n";
        assert_eq!(
            super::statements(sql),
            vec!["CREATE TABLE a (x BIGINT)", "CREATE INDEX i ON a (x)"]
        );
    }
}

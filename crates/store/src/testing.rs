//! Fresh databases for tests: every storage test runs on both SQLite and
//! PostgreSQL.
//!
//! PostgreSQL is found at `CYLCH_TEST_POSTGRES_URL` (by default the local
//! server on 127.0.0.1:5432 as `postgres`). When it cannot be reached the
//! PostgreSQL half of a test is skipped with a message, unless
//! `CYLCH_REQUIRE_POSTGRES=1`, as the test command sets, makes it a failure.
//! Each test's schema is named with the prefix `CYLCH_TEST_SCHEMA_PREFIX`
//! (`cylch_test_` when unset): the test command gives each run a prefix of
//! its own, so that it drops its own schemas and no one else's.
//!
//! A SQLite database lives in a folder of its own in the temporary
//! directory, removed when the thread that made it ends: the test harness
//! runs each test on a thread of its own, so that is when the test is done.

#![allow(clippy::expect_used, clippy::panic)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::Store;
use crate::ids::random_id;

/// A new folder in the temporary directory, removed with all it holds when
/// dropped: hold it for as long as the test uses the folder (and drop
/// anything that writes there, such as a server, before it).
#[derive(Debug)]
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    /// A new, empty folder named `{prefix}-{random id}`.
    pub fn new(prefix: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("{prefix}-{}", random_id()));
        std::fs::create_dir_all(&path).expect("create a temporary folder");
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A path inside the folder.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.path.join(name)
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Best effort: a folder that cannot be removed must not fail the test.
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

thread_local! {
    /// The SQLite folders this thread made, removed when it ends. The
    /// `Store` cannot hold its own folder, so the thread does: a test that
    /// hands its store to another thread must keep its own thread alive
    /// for as long as the store is used.
    static SQLITE_FOLDERS: RefCell<Vec<TempDir>> = const { RefCell::new(Vec::new()) };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

fn admin_url() -> String {
    std::env::var("CYLCH_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn postgres_required() -> bool {
    std::env::var("CYLCH_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// A new, empty, migrated database on `backend`, or `None` when PostgreSQL
/// is not available and not required.
pub async fn fresh_store(backend: Backend) -> Option<Store> {
    match backend {
        Backend::Sqlite => {
            let dir = TempDir::new("cylch-test");
            let store = Store::open(&Store::sqlite_url(dir.path()))
                .await
                .expect("open a fresh SQLite database");
            SQLITE_FOLDERS.with(|folders| folders.borrow_mut().push(dir));
            Some(store)
        }
        Backend::Postgres => {
            let url = fresh_postgres_url().await?;
            Some(
                Store::open(&url)
                    .await
                    .expect("open a fresh PostgreSQL database"),
            )
        }
    }
}

/// The start of every test schema's name: `CYLCH_TEST_SCHEMA_PREFIX`, or
/// `cylch_test_` when it is unset. It is written into SQL as it is, so it
/// may hold only lower-case ASCII letters, digits and underscores, starting
/// with a letter, and must leave room for the random id within PostgreSQL's
/// 63 bytes.
fn schema_prefix() -> String {
    let id_length = random_id().len();
    let prefix = std::env::var("CYLCH_TEST_SCHEMA_PREFIX")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "cylch_test_".into());
    let well_formed = prefix.starts_with(|c: char| c.is_ascii_lowercase())
        && prefix
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && prefix.len() + id_length <= 63;
    assert!(
        well_formed,
        "CYLCH_TEST_SCHEMA_PREFIX={prefix:?} must be lower-case letters, digits and underscores, \
         start with a letter and be at most {} characters long",
        63 - id_length
    );
    prefix
}

/// The URL of a new, empty PostgreSQL schema in the test database. A schema
/// rather than a database: creating and dropping one costs almost nothing,
/// where each database would cost a checkpoint.
pub async fn fresh_postgres_url() -> Option<String> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let admin = admin_url();
    let mut conn = match sqlx::AnyConnection::connect(&admin).await {
        Ok(conn) => conn,
        Err(err) if !postgres_required() => {
            eprintln!("skipping the PostgreSQL half of this test: {err}");
            return None;
        }
        Err(err) => panic!(
            "PostgreSQL is required (CYLCH_REQUIRE_POSTGRES=1) but {admin} is unreachable: {err}"
        ),
    };
    let name = format!("{}{}", schema_prefix(), random_id());
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {name}")))
        .execute(&mut conn)
        .await
        .expect("create a test schema");
    let separator = if admin.contains('?') { '&' } else { '?' };
    Some(format!(
        "{admin}{separator}options=-c%20search_path%3D{name}"
    ))
}

/// Runs a test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_databases {
    ($name:ident, |$store:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $store = $crate::testing::fresh_store($crate::testing::Backend::Sqlite)
                    .await
                    .unwrap();
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($store) =
                    $crate::testing::fresh_store($crate::testing::Backend::Postgres).await
                else {
                    return;
                };
                $body
            }
        }
    };
}

/// Moves every session's clock back by `ms`, as if that long had passed
/// since it was last used: how expiry is tested without waiting.
pub async fn age_sessions(store: &Store, ms: i64) {
    sqlx::query("UPDATE sessions SET created_at = created_at - $1, last_seen_at = last_seen_at - $1, expires_at = expires_at - $1")
        .bind(ms)
        .execute(store.pool())
        .await
        .expect("age the sessions");
}

/// Every table and its columns, by name, as the database describes them:
/// the two databases must agree.
pub async fn schema(store: &Store) -> Vec<(String, Vec<String>)> {
    use sqlx::Row;
    let tables: Vec<String> = match store.dialect() {
        crate::Dialect::Sqlite => sqlx::query_scalar(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name",
        )
        .fetch_all(store.pool())
        .await
        .expect("list tables"),
        crate::Dialect::Postgres => sqlx::query_scalar(
            "SELECT table_name::TEXT FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name",
        )
        .fetch_all(store.pool())
        .await
        .expect("list tables"),
    };
    let mut schema = Vec::new();
    for table in tables {
        let mut columns: Vec<String> = match store.dialect() {
            crate::Dialect::Sqlite => sqlx::query(sqlx::AssertSqlSafe(format!("SELECT name FROM pragma_table_info('{table}')")))
                .fetch_all(store.pool())
                .await
                .expect("list columns")
                .iter()
                .map(|r| r.get::<String, _>(0))
                .collect(),
            crate::Dialect::Postgres => sqlx::query(
                "SELECT column_name::TEXT FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
            )
            .bind(&table)
            .fetch_all(store.pool())
            .await
            .expect("list columns")
            .iter()
            .map(|r| r.get::<String, _>(0))
            .collect(),
        };
        columns.sort();
        schema.push((table, columns));
    }
    schema
}

/// Runs one statement straight on the database, past every check the store
/// makes: how a test shows the database itself refuses a change.
pub async fn execute_raw(store: &Store, sql: &str) -> Result<u64, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(store.pool())
        .await
        .map(|done| done.rows_affected())
}

/// One number from the database, for tests that count rows.
pub async fn count_raw(store: &Store, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(store.pool())
        .await
        .expect("count rows")
}

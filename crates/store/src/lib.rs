//! Cylch's storage: one set of queries over SQLite and PostgreSQL.
//!
//! The database is chosen from its URL at run time. Columns are portable
//! (integers for money and instants, text for ids, dates and enums), so one
//! migration tree and one set of `$1`-placeholder queries serve both; the few
//! statements that must differ go through [`Dialect`].
//!
//! Every write and its audit entry share one transaction. Queries on a
//! co-operative's records take a [`CoopScope`], which only
//! [`Store::scope`] can make, from a real membership.

pub mod accounts;
pub mod admissions;
pub mod audit;
pub mod backup;
pub mod calendars;
pub mod clock;
pub mod coops;
pub mod employment;
mod error;
pub mod formation;
pub mod ids;
pub mod invitations;
pub mod ledger;
pub mod meetings;
mod migrate;
pub mod notifications;
pub mod payroll;
pub mod people;
pub mod proxies;
pub mod register;
pub mod resets;
pub mod rota;
pub mod rules;
pub mod sessions;
pub mod support;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod timesheets;
pub mod tokens;
pub mod votes;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

pub use clock::Clock;

pub use coops::CoopScope;
pub use error::StoreError;
pub use ids::{
    AccountId, CoopId, EmploymentId, PayRunId, PayslipId, ShiftId, TimesheetId, TimesheetLineId,
};

pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// The SQL dialect behind the pool, for the few statements that differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    pub fn from_url(url: &str) -> Result<Dialect, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Dialect::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }

    /// Locks a co-operative's row for the rest of the transaction, so that
    /// checks across its records (such as the four-person rule) see no
    /// concurrent change. SQLite needs nothing: `BEGIN IMMEDIATE` already
    /// holds the database's one write lock.
    pub(crate) async fn lock_coop(self, tx: &mut Tx, coop: &CoopId) -> Result<(), StoreError> {
        if self == Dialect::Postgres {
            sqlx::query("SELECT id FROM coops WHERE id = $1 FOR UPDATE")
                .bind(coop.as_str())
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// How a transaction that will write begins. SQLite takes the write lock
    /// at once, so two writers queue on the busy timeout rather than one
    /// failing when it upgrades a read lock.
    fn begin_write(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BEGIN IMMEDIATE",
            Dialect::Postgres => "BEGIN",
        }
    }
}

/// A handle on the database, cheap to clone; the app servers keep no other
/// state, so several can share one PostgreSQL database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
    clock: Clock,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dialect", &self.dialect)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Connects to the database at `url` (`sqlite://…` or `postgres://…`)
    /// and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let dialect = Dialect::from_url(url)?;
        let options = AnyConnectOptions::from_str(url).map_err(StoreError::Connect)?;
        let pool_options = AnyPoolOptions::new()
            .max_connections(match dialect {
                Dialect::Sqlite => 4,
                Dialect::Postgres => 10,
            })
            .acquire_timeout(Duration::from_secs(10));
        let pool_options = match dialect {
            Dialect::Sqlite => pool_options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    conn.execute("PRAGMA synchronous = NORMAL").await?;
                    Ok(())
                })
            }),
            Dialect::Postgres => pool_options,
        };
        let pool = pool_options
            .connect_with(options)
            .await
            .map_err(StoreError::Connect)?;
        let store = Store {
            pool,
            dialect,
            clock: Clock::wall(),
        };
        migrate::run(&store).await?;
        Ok(store)
    }

    /// The URL of a SQLite database file in `dir`, created if missing.
    pub fn sqlite_url(dir: &Path) -> String {
        format!("sqlite://{}?mode=rwc", dir.join("cylch.sqlite3").display())
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The time as this store sees it; every clone shares it.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub(crate) fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    pub(crate) fn today(&self) -> jiff::civil::Date {
        self.clock.today_in_wales()
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Begins a transaction for a change.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(self.pool.begin_with(self.dialect.begin_write()).await?)
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

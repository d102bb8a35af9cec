/// What can go wrong in storage. Database causes are kept for the log and
/// never shown to a person.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("DATABASE_URL must start with sqlite:// or postgres://")]
    UnsupportedUrl,
    #[error("could not connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("could not bring the database schema up to date: {0}")]
    Migrate(String),
    #[error("the record was not found")]
    NotFound,
    #[error("that email address already has an account")]
    EmailTaken,
    #[error("the stored record is not in a form Cylch understands: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}

impl StoreError {
    /// True when the database refused a write because of a unique index.
    pub(crate) fn is_unique_violation(err: &sqlx::Error) -> bool {
        match err {
            sqlx::Error::Database(db) => db.is_unique_violation(),
            _ => false,
        }
    }
}

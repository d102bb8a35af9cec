//! Configuration as a value: defaults, then `cylch.toml`, then environment
//! variables, then command-line flags, each overriding the one before.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Clone)]
pub struct Config {
    pub listen: String,
    pub data_dir: PathBuf,
    /// A PostgreSQL (or SQLite) URL; `None` means SQLite in `data_dir`.
    pub database_url: Option<String>,
    pub base_url: Option<String>,
    pub email_from: String,
    /// An SMTP server for outgoing email; without one, emails are written to
    /// the outbox folder.
    pub smtp_url: Option<String>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A database URL can carry a password.
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_ref().map(|_| "<redacted>"),
            )
            .field("base_url", &self.base_url)
            .field("smtp_url", &self.smtp_url.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    base_url: Option<String>,
    email_from: Option<String>,
    smtp_url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read the configuration file {0}: {1}")]
    Read(String, std::io::Error),
    #[error("the configuration file {0} is not valid: {1}")]
    Parse(String, String),
}

/// What the command line may override.
#[derive(Default)]
pub struct Overrides {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
}

impl Config {
    pub fn load(file: Option<&Path>, overrides: Overrides) -> Result<Config, ConfigError> {
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let explicit = file
            .map(Path::to_path_buf)
            .or_else(|| env("CYLCH_CONFIG").map(PathBuf::from));
        let path = explicit
            .clone()
            .unwrap_or_else(|| PathBuf::from("cylch.toml"));
        let from_file = if path.exists() || explicit.is_some() {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| ConfigError::Read(path.display().to_string(), e))?;
            toml::from_str::<FileConfig>(&text)
                .map_err(|e| ConfigError::Parse(path.display().to_string(), e.to_string()))?
        } else {
            FileConfig::default()
        };
        Ok(Config {
            listen: overrides
                .listen
                .or_else(|| env("CYLCH_LISTEN"))
                .or(from_file.listen)
                .unwrap_or_else(|| "127.0.0.1:8080".into()),
            data_dir: overrides
                .data_dir
                .or_else(|| env("CYLCH_DATA_DIR").map(PathBuf::from))
                .or(from_file.data_dir)
                .unwrap_or_else(|| PathBuf::from("cylch-data")),
            database_url: env("DATABASE_URL").or(from_file.database_url),
            base_url: env("CYLCH_BASE_URL").or(from_file.base_url),
            email_from: env("CYLCH_EMAIL_FROM")
                .or(from_file.email_from)
                .unwrap_or_else(|| "Cylch <cylch@localhost>".into()),
            smtp_url: env("CYLCH_SMTP_URL").or(from_file.smtp_url),
        })
    }

    /// The address people reach this instance at, for links in emails.
    pub fn public_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.listen))
            .trim_end_matches('/')
            .to_owned()
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| cylch_store::Store::sqlite_url(&self.data_dir))
    }
}

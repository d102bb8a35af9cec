//! Cylch's web front: server-rendered pages that work without JavaScript,
//! the JSON API under `/api/v1`, and sign-in. Handlers are thin: they parse
//! input into domain types, ask [`cylch_domain::policy`] and call the store.

pub mod api;
pub(crate) mod areas;
mod common;
pub mod routes;

pub use common::{i18n, mail, notify};

/// The rota's background work, which `cylch serve` runs each hour and tests
/// run by hand.
pub use areas::rota::commands::take_unfit_off_shifts;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use cylch_store::Store;

pub use common::error::AppError;
pub use common::password::PasswordHasher;
pub use i18n::I18n;
pub use mail::Mailer;

/// Settings the web layer needs; built once at start-up and passed in.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Where links in emails point, e.g. `https://cylch.example.cymru`.
    pub base_url: String,
    /// Mark cookies `Secure`; on whenever the public URL is https.
    pub secure_cookies: bool,
    pub data_dir: PathBuf,
}

/// Everything a request handler can reach. App servers keep no state of
/// their own beyond this: sessions, throttles and tokens live in the database.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub i18n: Arc<I18n>,
    pub mailer: Arc<Mailer>,
    pub hasher: PasswordHasher,
}

impl AppState {
    pub fn new(
        store: Store,
        config: WebConfig,
        mailer: Mailer,
    ) -> Result<AppState, i18n::I18nError> {
        Ok(AppState {
            store,
            config: Arc::new(config),
            i18n: Arc::new(I18n::load()?),
            mailer: Arc::new(mailer),
            hasher: PasswordHasher::new(),
        })
    }

    /// The time as the service sees it, shared with the store: the wall
    /// clock in service, pinned by a test where the day matters.
    pub fn clock(&self) -> &cylch_store::Clock {
        self.store.clock()
    }
}

/// The whole application as one router.
pub fn app(state: AppState) -> Router {
    routes::router(state)
}

//! A test app: the real router on a fresh database, driven request by
//! request as a browser or an API client would.

use std::path::PathBuf;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use cylch_domain::{
    CoopKind, CoopName, CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName,
};
use cylch_store::Store;
use cylch_store::accounts::{Account, NewAccount};
use cylch_store::coops::Coop;
use cylch_store::testing::{Backend, TempDir, fresh_store};
use cylch_web::{AppState, Mailer, WebConfig};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const PASSWORD: &str = "llanfair pwll gwyngyll";

pub struct TestApp {
    pub store: Store,
    pub router: Router,
    /// The state behind the router, for the background work the service
    /// runs beside it (notification emails).
    pub state: AppState,
    pub outbox: PathBuf,
    /// A hash of [`PASSWORD`], computed once: hashing is slow on purpose.
    pub hash: String,
    /// Counts the rows of every audited table (see `audit.rs`).
    audited_rows: String,
    /// The app's data folder with its outbox, removed when the test is
    /// done; last, so that it goes after everything that writes there.
    _dir: TempDir,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| v.split(';').next())
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_owned())
    }

    /// The value of the first hidden `csrf` field on the page.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf\" value=\"";
        let start = self
            .body
            .find(marker)
            .map(|i| i + marker.len())
            .unwrap_or(0);
        self.body[start..]
            .split('"')
            .next()
            .unwrap_or("")
            .to_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

impl TestApp {
    /// The app's clock, shared with its store: a test that depends on the
    /// day pins it, so that it passes on any day it is run.
    pub fn clock(&self) -> &cylch_store::Clock {
        self.store.clock()
    }

    /// The date `days` after today (before, if negative), by the app's clock.
    pub fn days_from_today(&self, days: i64) -> jiff::civil::Date {
        self.clock()
            .today_in_wales()
            .checked_add(jiff::Span::new().days(days))
            .unwrap()
    }

    pub async fn new(backend: Backend) -> Option<TestApp> {
        // Errors the app logs show in a failing test's output.
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter("warn")
            .try_init();
        let store = fresh_store(backend).await?;
        let dir = TempDir::new("cylch-web-test");
        let outbox = dir.join("outbox");
        let config = WebConfig {
            base_url: "http://cylch.test".into(),
            secure_cookies: false,
            data_dir: dir.path().to_path_buf(),
        };
        let state = AppState::new(
            store.clone(),
            config,
            Mailer::folder(outbox.clone(), "Cylch <cylch@test>").unwrap(),
        )
        .unwrap();
        let hash = state.hasher.hash(PASSWORD).await.unwrap();
        let audited_rows = crate::audit::rows_query(&store).await;
        Some(TestApp {
            store,
            router: cylch_web::app(state.clone()),
            state,
            outbox,
            hash,
            audited_rows,
            _dir: dir,
        })
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let method = request.method().clone();
        let path = request.uri().path().to_owned();
        let before = self.written().await;
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let location = response
            .headers()
            .get(header::LOCATION)
            .and_then(|to| to.to_str().ok())
            .map(str::to_owned);
        let after = self.written().await;
        crate::audit::check(
            (&method, &path),
            (status, location.as_deref()),
            before,
            after,
        );
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// How many entries the audit trail holds, and how many rows the
    /// records it audits fill, over every co-operative.
    pub async fn written(&self) -> crate::audit::Written {
        crate::audit::Written {
            entries: cylch_store::testing::count_raw(&self.store, "SELECT COUNT(*) FROM audit_log")
                .await,
            rows: cylch_store::testing::count_raw(&self.store, &self.audited_rows).await,
        }
    }

    pub async fn get(&self, path: &str, cookies: &str) -> Reply {
        self.send(
            Request::get(path)
                .header(header::COOKIE, cookies)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn post_form(&self, path: &str, cookies: &str, fields: &[(&str, &str)]) -> Reply {
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.send(
            Request::post(path)
                .header(header::COOKIE, cookies)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::HOST, "cylch.test")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<serde_json::Value>,
    ) -> Reply {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = match body {
            Some(json) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(json.to_string())),
            None => request.body(Body::empty()),
        };
        self.send(request.unwrap()).await
    }

    /// A new API token for `account`.
    pub async fn token(&self, account: &Account) -> String {
        self.store
            .create_api_token(&account.id, "tests")
            .await
            .unwrap()
            .1
    }

    pub async fn person(&self, email: &str, name: &str, admin: bool) -> Account {
        self.store
            .create_account(
                None,
                NewAccount {
                    email: &EmailAddress::parse(email).unwrap(),
                    name: &PersonName::parse(name).unwrap(),
                    language: Language::En,
                    password_hash: Some(&self.hash),
                    instance_admin: admin,
                },
            )
            .await
            .unwrap()
    }

    pub async fn coop(&self, admin: &Account, name: &str, kind: CoopKind) -> Coop {
        self.store
            .create_coop(&admin.id, &CoopName::parse(name).unwrap(), kind)
            .await
            .unwrap()
    }

    pub async fn join(&self, coop: &Coop, account: &Account, roles: CoopRoles) {
        self.store
            .add_member(&account.id, &coop.id, &account.id, &roles, None)
            .await
            .unwrap();
    }

    /// A signed-in browser: its cookie header and form token, without the
    /// cost of a password check.
    pub async fn browser(&self, account: &Account) -> Browser {
        let session = self.store.start_session(account).await.unwrap();
        Browser {
            cookies: format!("cylch_session={}", session.token),
            csrf: session.csrf_token,
        }
    }

    /// A browser before sign-in: it gets its form token from a page.
    pub async fn anonymous_browser(&self) -> Browser {
        let page = self.get("/sign-in", "").await;
        let token = page.cookie("cylch_csrf").unwrap();
        Browser {
            cookies: format!("cylch_csrf={token}"),
            csrf: token,
        }
    }

    /// The newest email in the outbox.
    pub fn last_email(&self) -> String {
        let mut files: Vec<_> = std::fs::read_dir(&self.outbox)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort_by_key(|p| std::fs::metadata(p).unwrap().modified().unwrap());
        std::fs::read_to_string(files.last().unwrap()).unwrap()
    }

    pub fn emails(&self) -> usize {
        std::fs::read_dir(&self.outbox)
            .map(|d| d.count())
            .unwrap_or(0)
    }
}

pub struct Browser {
    pub cookies: String,
    pub csrf: String,
}

/// The link in an email that starts with `prefix`.
pub fn link_in(email: &str, prefix: &str) -> String {
    let start = email.find(prefix).unwrap();
    email[start..]
        .split_whitespace()
        .next()
        .unwrap()
        .trim_end_matches('\r')
        .to_owned()
}

/// Every role a person can hold, one account each, in co-operative `a`; an
/// instance administrator; and an outsider who chairs co-operative `b`.
pub struct Cast {
    pub coop_a: Coop,
    pub coop_b: Coop,
    pub people: Vec<(&'static str, Option<Account>)>,
}

impl Cast {
    /// The account that plays `role` (one of [`ROLES`] but "anonymous").
    pub fn who(&self, role: &str) -> &Account {
        self.people
            .iter()
            .find(|(r, _)| *r == role)
            .and_then(|(_, a)| a.as_ref())
            .unwrap()
    }

    /// A member of co-operative A whom no test signs in as: the supporter.
    pub fn member_of_a(&self) -> cylch_store::AccountId {
        self.people
            .iter()
            .find(|(role, _)| *role == "supporter")
            .and_then(|(_, a)| a.as_ref())
            .map(|a| a.id.clone())
            .unwrap()
    }
}

pub const ROLES: &[&str] = &[
    "anonymous",
    "admin",
    "chair",
    "secretary",
    "treasurer",
    "coordinator",
    "supported",
    "representative",
    "family",
    "pa",
    "supporter",
    "outsider",
];

pub async fn cast(app: &TestApp) -> Cast {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop_a = app.coop(&admin, "Cydweithfa A", CoopKind::Family).await;
    let coop_b = app.coop(&admin, "Cydweithfa B", CoopKind::Family).await;
    let mut people = vec![("anonymous", None), ("admin", Some(admin))];
    let offices = [
        ("chair", Office::Chair),
        ("secretary", Office::Secretary),
        ("treasurer", Office::Treasurer),
        ("coordinator", Office::Coordinator),
    ];
    for (role, office) in offices {
        let account = app.person(&format!("{role}@cylch.test"), role, false).await;
        app.join(
            &coop_a,
            &account,
            CoopRoles::member(MemberClass::FamilyOrCarer).with_office(office),
        )
        .await;
        people.push((role, Some(account)));
    }
    let classes = [
        ("supported", MemberClass::SupportedPerson),
        ("representative", MemberClass::Representative),
        ("family", MemberClass::FamilyOrCarer),
        ("pa", MemberClass::Pa),
        ("supporter", MemberClass::Supporter),
    ];
    for (role, class) in classes {
        let account = app.person(&format!("{role}@cylch.test"), role, false).await;
        app.join(&coop_a, &account, CoopRoles::member(class)).await;
        people.push((role, Some(account)));
    }
    let outsider = app.person("outsider@cylch.test", "Outsider", false).await;
    app.join(&coop_b, &outsider, CoopRoles::officer(Office::Chair))
        .await;
    people.push(("outsider", Some(outsider)));
    Cast {
        coop_a,
        coop_b,
        people,
    }
}

/// Runs a test body once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = $crate::support::TestApp::new(cylch_store::testing::Backend::Sqlite)
                    .await
                    .unwrap();
                $body
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some($app) =
                    $crate::support::TestApp::new(cylch_store::testing::Backend::Postgres).await
                else {
                    return;
                };
                $body
            }
        }
    };
}

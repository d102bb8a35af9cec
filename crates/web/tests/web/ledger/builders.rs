//! The set-up the ledger tests share: co-operative A's books with the people
//! it supports, written through the store as the tests did by hand, and one
//! signed-in person's view of its ledger through the API or the pages.

use axum::body::Body;
use axum::http::{Request, header};
use cylch_ledger::account::codes;
use cylch_ledger::{
    AccountCode, Arrangement, Category, ChargeTo, Chart, Frequency, Pence, PersonId, Schedule,
    Spending,
};
use cylch_store::accounts::Account;
use cylch_store::support::{NewSupportedPerson, SupportedPerson};
use cylch_store::{AccountId, CoopScope};
use http_body_util::BodyExt;
use jiff::civil::Date;
use serde_json::Value;
use tower::ServiceExt;

use crate::support::{Browser, Cast, Reply, TestApp, cast};

/// A Lloyds statement export: a council's Direct Payment in, a leisure
/// centre's charge out.
pub const LLOYDS: &str = "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n\
01/04/2026,BGC,'30-99-50,12345678,CYNGOR GWYNEDD DP,,1200.00,1200.00\n\
10/04/2026,DEB,'30-99-50,12345678,CANOLFAN HAMDDEN,12.50,,1187.50\n";

/// Co-operative A's books: every role of [`cast`], and the treasurer's scope
/// for what a test writes or reads through the store.
pub struct Books<'a> {
    app: &'a TestApp,
    cast: Cast,
    pub scope: CoopScope,
}

impl<'a> Books<'a> {
    pub async fn new(app: &'a TestApp) -> Books<'a> {
        let cast = cast(app).await;
        let scope = app
            .store
            .scope(&cast.who("treasurer").id, &cast.coop_a.id)
            .await
            .unwrap()
            .unwrap();
        Books { app, cast, scope }
    }

    /// The account that plays `role` in co-operative A.
    pub fn who(&self, role: &str) -> &Account {
        self.cast.who(role)
    }

    /// Gwen, supported from 1 January 2026, a member herself: the
    /// "supported" account reads her fund.
    pub async fn gwen(&self) -> SupportedPerson {
        self.supports("Gwen", Some(&self.who("supported").id), None)
            .await
    }

    /// Huw, supported from 1 January 2026, for whom the "representative"
    /// acts.
    pub async fn huw(&self) -> SupportedPerson {
        self.supports("Huw", None, Some(&self.who("representative").id))
            .await
    }

    /// Someone the co-operative supports from 1 January 2026, a member
    /// through `member_account` or represented by `represented_by`.
    pub async fn supports(
        &self,
        name: &str,
        member_account: Option<&AccountId>,
        represented_by: Option<&AccountId>,
    ) -> SupportedPerson {
        self.app
            .store
            .add_supported_person(
                &self.scope,
                NewSupportedPerson {
                    name,
                    member_account,
                    represented_by,
                    starts_on: "2026-01-01".parse().unwrap(),
                },
            )
            .await
            .unwrap()
    }

    /// A Direct Payment from Cyngor Gwynedd of `pence` a month from `start`,
    /// open-ended and with no client contribution.
    pub async fn paid_monthly(&self, person: &PersonId, pence: i64, start: Date) {
        let arrangement = Arrangement {
            person: person.clone(),
            council: "Cyngor Gwynedd".into(),
            payment: Schedule {
                amount: Pence::new(pence),
                frequency: Frequency::Monthly,
                start,
                end: None,
            },
            client_contribution: None,
        };
        self.app
            .store
            .add_arrangement(&self.scope, &arrangement)
            .await
            .unwrap();
    }

    /// A Direct Payment of `pence` received for `person` on `date`.
    pub async fn received(&self, person: &PersonId, date: Date, pence: i64) {
        self.app
            .store
            .record_receipt(&self.scope, person, false, date, Pence::new(pence), "DP")
            .await
            .unwrap();
    }

    /// Spending of `pence` paid from the bank on `date`, posted as the
    /// standard chart's lines for `category`, charged as `charge_to` says.
    pub async fn spent(
        &self,
        date: Date,
        description: &str,
        category: Category,
        pence: i64,
        charge_to: ChargeTo,
    ) {
        let lines = cylch_ledger::posting::spending(
            &Spending {
                category,
                amount: Pence::new(pence),
                charge_to,
                paid_from: AccountCode::new(codes::BANK),
            },
            &Chart::standard(),
        )
        .unwrap();
        self.app
            .store
            .post_lines(&self.scope, date, description, lines)
            .await
            .unwrap();
    }

    /// The ledger API with a new token of the account that plays `role`.
    pub async fn api(&self, role: &str) -> Api<'a> {
        Api {
            app: self.app,
            base: format!("/api/v1/coops/{}/ledger", self.cast.coop_a.id.as_str()),
            token: self.app.token(self.who(role)).await,
        }
    }

    /// The ledger pages in a browser signed in as the account that plays
    /// `role`.
    pub async fn pages(&self, role: &str) -> Pages<'a> {
        Pages {
            app: self.app,
            base: format!("/coops/{}/ledger", self.cast.coop_a.id.as_str()),
            browser: self.app.browser(self.who(role)).await,
        }
    }
}

/// The id a supported person's fund is kept under.
pub fn fund_of(person: &SupportedPerson) -> PersonId {
    PersonId::new(person.id.clone()).unwrap()
}

/// Co-operative A's ledger API as one token holder: paths are under
/// `/api/v1/coops/{coop}/ledger`.
pub struct Api<'a> {
    app: &'a TestApp,
    pub base: String,
    token: String,
}

impl Api<'_> {
    pub async fn get(&self, path: &str) -> Reply {
        self.send("GET", path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send("POST", path, Some(body)).await
    }

    pub async fn send(&self, method: &str, path: &str, body: Option<Value>) -> Reply {
        self.app
            .api(
                method,
                &format!("{}{path}", self.base),
                Some(&self.token),
                body,
            )
            .await
    }
}

/// Co-operative A's ledger pages in one signed-in browser: paths are under
/// `/coops/{coop}/ledger`, and every form carries the browser's form token
/// first, as the pages' forms do.
pub struct Pages<'a> {
    app: &'a TestApp,
    pub base: String,
    pub browser: Browser,
}

impl Pages<'_> {
    pub async fn get(&self, path: &str) -> Reply {
        self.app
            .get(&format!("{}{path}", self.base), &self.browser.cookies)
            .await
    }

    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Reply {
        let mut form = vec![("csrf", self.browser.csrf.as_str())];
        form.extend_from_slice(fields);
        self.app
            .post_form(
                &format!("{}{path}", self.base),
                &self.browser.cookies,
                &form,
            )
            .await
    }

    /// A form with a file input, sent as [`upload`] sends it.
    pub async fn upload(&self, path: &str, fields: &[(&str, &str)], file: &[u8]) -> Reply {
        upload(
            self.app,
            &format!("{}{path}", self.base),
            &self.browser.cookies,
            &self.browser.csrf,
            fields,
            file,
        )
        .await
    }

    /// The status, content type and bytes of a download.
    pub async fn download(&self, path: &str) -> (u16, String, Vec<u8>) {
        let request = Request::get(format!("{}{path}", self.base))
            .header(header::COOKIE, &self.browser.cookies)
            .body(Body::empty())
            .unwrap();
        let response = self.app.router.clone().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, kind, bytes.to_vec())
    }
}

/// Sends a form as a browser sends one with a file input: multipart, the
/// file under `statement` (none when `file` is empty).
pub async fn upload(
    app: &TestApp,
    path: &str,
    cookies: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    file: &[u8],
) -> Reply {
    let boundary = "----cylch-test-boundary";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf)].iter().chain(fields) {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    let filename = if file.is_empty() { "" } else { "statement.csv" };
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    app.send(
        Request::post(path)
            .header(header::COOKIE, cookies)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::HOST, "cylch.test")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// A PDF's text as its reader sees it (poppler's pdftotext), each run of
/// spaces and line breaks made one space.
pub fn pdf_text(pdf: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!(
        "cylch-ledger-{}.pdf",
        cylch_store::ids::random_id()
    ));
    std::fs::write(&file, pdf).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&file);
    let output = output.expect("pdftotext (poppler-utils) reads the PDF");
    assert!(output.status.success(), "pdftotext could not read the PDF");
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

//! Every change is audited, and a refusal changes nothing: a property that
//! every request of every HTTP test is held to. `TestApp::send` counts the
//! audit trail's entries before and after each request and asks [`check`]:
//!
//! - a state-changing request (POST, PUT, DELETE) that succeeded (a 2xx
//!   answer, or a redirect after a form) wrote at least one entry, because
//!   every command that changes a record writes its entry in the same
//!   transaction; and whatever the request, no row of an audited table was
//!   added or removed without an entry;
//! - a request that was refused or failed (4xx, 5xx) wrote no entry and
//!   added or removed no row, because a refused action leaves nothing
//!   half-done;
//! - a read (GET) wrote nothing.
//!
//! The few actions that change something which is not a record of the
//! co-operative's (signing in and out, a session, a reset link asked for,
//! a notification read) are named in [`UNAUDITED`] with the reason.

use axum::http::{Method, StatusCode};
use cylch_store::Store;

/// Tables that hold no record of a co-operative's, so a change to them is
/// not audited: sign-in sessions and attempts, reset links, API tokens,
/// whether a notification was read, and the trail itself.
const NOT_AUDITED_TABLES: &[&str] = &[
    "audit_log",
    "sessions",
    "login_attempts",
    "password_resets",
    "api_tokens",
    "notifications",
];

/// What the database holds, as far as the property looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Entries in the audit trail.
    pub entries: i64,
    /// Rows in every audited table.
    pub rows: i64,
}

/// One statement that counts the rows of every audited table: every table
/// the schema has, so a table added later is held to the property at once.
pub async fn rows_query(store: &Store) -> String {
    let counts: Vec<String> = cylch_store::testing::schema(store)
        .await
        .into_iter()
        .map(|(table, _)| table)
        .filter(|table| !NOT_AUDITED_TABLES.contains(&table.as_str()) && !table.starts_with('_'))
        .map(|table| format!("(SELECT COUNT(*) FROM {table})"))
        .collect();
    format!("SELECT {}", counts.join(" + "))
}

/// (method, path pattern, why no entry is written). A pattern's `*` stands
/// for one path segment.
pub const UNAUDITED: &[(&str, &str, &str)] = &[
    ("POST", "/sign-in", "a session is not a record"),
    ("POST", "/sign-out", "a session is not a record"),
    (
        "POST",
        "/reset-password",
        "a reset link asked for is not a record",
    ),
    (
        "POST",
        "/notifications/*/read",
        "whether a person has read a notice is theirs alone",
    ),
    (
        "POST",
        "/api/v1/notifications/*/read",
        "whether a person has read a notice is theirs alone",
    ),
    // These find nothing to do when every line is already imported, nothing
    // matches or no mark changed; when they add rows, the rows rule holds
    // them to an entry, and each changed mark has its own.
    (
        "POST",
        "/coops/*/ledger/bank/mapping",
        "a statement already imported adds nothing",
    ),
    (
        "POST",
        "/coops/*/meetings/*/attendance",
        "marks saved again unchanged change nothing",
    ),
    (
        "PUT",
        "/api/v1/coops/*/meetings/*/attendance",
        "marks saved again unchanged change nothing",
    ),
    (
        "POST",
        "/coops/*/ledger/bank",
        "a statement already imported adds nothing",
    ),
    (
        "POST",
        "/api/v1/coops/*/ledger/bank/imports",
        "a statement already imported adds nothing",
    ),
    (
        "POST",
        "/coops/*/ledger/reconcile",
        "a reconciliation that matches nothing adds nothing",
    ),
    (
        "POST",
        "/api/v1/coops/*/ledger/bank/reconcile",
        "a reconciliation that matches nothing adds nothing",
    ),
    (
        "POST",
        "/coops/*/timesheets/*/build",
        "building a timesheet with no new delivered shifts adds nothing",
    ),
    (
        "POST",
        "/api/v1/coops/*/timesheets/*/build",
        "building a timesheet with no new delivered shifts adds nothing",
    ),
];

fn matches(pattern: &str, path: &str) -> bool {
    let pattern: Vec<&str> = pattern.split('/').collect();
    let path: Vec<&str> = path.split('/').collect();
    pattern.len() == path.len() && pattern.iter().zip(&path).all(|(p, s)| *p == "*" || p == s)
}

fn unaudited(method: &Method, path: &str) -> bool {
    UNAUDITED
        .iter()
        .any(|(m, pattern, _)| *m == method.as_str() && matches(pattern, path))
}

/// Panics with what went wrong when a request broke the property.
pub fn check(
    (method, path): (&Method, &str),
    (status, location): (StatusCode, Option<&str>),
    before: Written,
    after: Written,
) {
    let entries = after.entries - before.entries;
    let changes = matches!(
        *method,
        Method::POST | Method::PUT | Method::DELETE | Method::PATCH
    );
    // Sent to sign in first is a refusal too.
    let to_sign_in = location.is_some_and(|to| to.starts_with("/sign-in?next="));
    let succeeded = (status.is_success() || status.is_redirection()) && !to_sign_in;
    if !changes || !succeeded {
        assert_eq!(
            after, before,
            "{method} {path} answered {status} and wrote {entries} audit entries: \
             a read or a refusal must change nothing"
        );
    } else if after.rows != before.rows {
        assert!(
            entries > 0,
            "{method} {path} added or removed {} rows without an audit entry",
            after.rows - before.rows
        );
    } else if !unaudited(method, path) {
        assert!(
            entries > 0,
            "{method} {path} answered {status} without an audit entry: \
             every change is audited in its own transaction"
        );
    }
}

#[test]
fn the_property_tells_a_change_from_a_refusal() {
    let path = "/api/v1/coops/abc/ledger/entries";
    let at = |entries, rows| Written { entries, rows };
    let post = (&Method::POST, path);
    check(post, (StatusCode::CREATED, None), at(3, 10), at(4, 12));
    check(
        post,
        (StatusCode::UNPROCESSABLE_ENTITY, None),
        at(3, 10),
        at(3, 10),
    );
    check(
        (&Method::GET, path),
        (StatusCode::OK, None),
        at(3, 10),
        at(3, 10),
    );
    let signed_out = (StatusCode::SEE_OTHER, Some("/sign-in?next=/coops"));
    check(post, signed_out, at(3, 10), at(3, 10));
    let changed_anyway = std::panic::catch_unwind(|| check(post, signed_out, at(3, 10), at(4, 11)));
    assert!(
        changed_anyway.is_err(),
        "being sent to sign in changes nothing"
    );
    for (method, status, before, after) in [
        (Method::POST, StatusCode::CREATED, at(3, 10), at(3, 10)),
        (Method::POST, StatusCode::CREATED, at(3, 10), at(3, 11)),
        (
            Method::POST,
            StatusCode::UNPROCESSABLE_ENTITY,
            at(3, 10),
            at(4, 10),
        ),
        (
            Method::POST,
            StatusCode::UNPROCESSABLE_ENTITY,
            at(3, 10),
            at(3, 11),
        ),
        (Method::GET, StatusCode::OK, at(3, 10), at(4, 11)),
    ] {
        let broken =
            std::panic::catch_unwind(|| check((&method, path), (status, None), before, after));
        assert!(
            broken.is_err(),
            "{method} {status} {before:?}->{after:?} breaks the property"
        );
    }
    assert!(matches("/coops/*/audit", "/coops/abc/audit"));
    assert!(!matches("/coops/*/audit", "/coops/abc/audit/x"));
}

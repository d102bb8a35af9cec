//! Shifts as rows: local times as text, instants as milliseconds, and the
//! facts that decide whose shift it is.

use std::collections::BTreeMap;

use cylch_domain::policy::ShiftTie;
use cylch_employment::rostering::ShiftKind;
use cylch_employment::working_time::Shift as Timed;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use sqlx::{AnyConnection, Row};

use super::{RotaShift, ShiftPa, ShiftPerson, TakenOff};
use crate::{CoopId, CoopScope, EmploymentId, ShiftId, StoreError};

fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("shift {what} {raw:?}"))
}

/// A local time as the rota keeps it: `YYYY-MM-DDTHH:MM`.
pub(super) fn local(at: DateTime) -> String {
    at.strftime("%Y-%m-%dT%H:%M").to_string()
}

fn parse_local(raw: &str) -> Result<DateTime, StoreError> {
    raw.parse().map_err(|_| corrupt("time", raw))
}

pub(super) fn timed_from_row(
    start_ms: i64,
    end_ms: i64,
    break_minutes: i64,
) -> Result<Timed, StoreError> {
    let at = |ms: i64| {
        jiff::Timestamp::from_millisecond(ms).map_err(|_| corrupt("instant", &ms.to_string()))
    };
    Timed::new(at(start_ms)?, at(end_ms)?, break_minutes)
        .map_err(|_| corrupt("times", &format!("{start_ms}..{end_ms}")))
}

/// The instant a local day begins, in milliseconds.
pub(super) fn day_start_ms(tz: &TimeZone, day: jiff::civil::Date) -> Result<i64, StoreError> {
    day.to_zoned_datetime(tz.clone())
        .map(|z| z.timestamp().as_millisecond())
        .map_err(|_| corrupt("day", &day.to_string()))
}

/// Who is tied to a shift: the PA's sign-in, and the sign-ins of the
/// people it supports and of those who act for them.
#[derive(Debug, Clone, Default)]
pub(super) struct TieFacts {
    pa_account: Option<String>,
    people_accounts: Vec<String>,
}

impl TieFacts {
    pub(super) fn of(&self, scope: &CoopScope) -> ShiftTie {
        let me = scope.account().as_str();
        if self.pa_account.as_deref() == Some(me) {
            ShiftTie::Works
        } else if self.people_accounts.iter().any(|a| a == me) {
            ShiftTie::For
        } else {
            ShiftTie::Unrelated
        }
    }
}

const SHIFT_COLUMNS: &str = "s.id, s.starts_local, s.ends_local, s.kind, s.break_minutes, s.employment_id, e.name, e.account_id, s.taken_off_employment_id, t.name, s.taken_off_reasons, s.cancelled_at";

const SHIFT_FROM: &str = "FROM shifts s
     LEFT JOIN employments e ON e.coop_id = s.coop_id AND e.id = s.employment_id
     LEFT JOIN employments t ON t.coop_id = s.coop_id AND t.id = s.taken_off_employment_id";

/// The shifts of `coop` that `filter` (on `s`, binding $2 and on) picks.
async fn load_where(
    conn: &mut AnyConnection,
    coop: &CoopId,
    filter: &str,
    binds: &[Bind<'_>],
) -> Result<Vec<(RotaShift, TieFacts)>, StoreError> {
    let sql = format!(
        "SELECT {SHIFT_COLUMNS} {SHIFT_FROM} WHERE s.coop_id = $1 AND {filter} ORDER BY s.starts_at, s.id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    for b in binds {
        q = match b {
            Bind::Text(t) => q.bind(*t),
            Bind::Ms(ms) => q.bind(*ms),
        };
    }
    let rows = q.fetch_all(&mut *conn).await?;
    let mut shifts = Vec::new();
    for row in &rows {
        shifts.push(shift_from_row(row)?);
    }
    let people_sql = format!(
        "SELECT sp.shift_id, p.id, p.name, p.member_account_id, p.represented_by_account_id
         FROM shift_people sp JOIN shifts s ON s.coop_id = sp.coop_id AND s.id = sp.shift_id
         JOIN supported_people p ON p.coop_id = sp.coop_id AND p.id = sp.person_id
         WHERE s.coop_id = $1 AND {filter} ORDER BY p.name, p.id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(people_sql)).bind(coop.as_str());
    for b in binds {
        q = match b {
            Bind::Text(t) => q.bind(*t),
            Bind::Ms(ms) => q.bind(*ms),
        };
    }
    let mut by_shift: BTreeMap<String, Vec<(ShiftPerson, Vec<String>)>> = BTreeMap::new();
    for row in q.fetch_all(&mut *conn).await? {
        let mut accounts = Vec::new();
        accounts.extend(row.try_get::<Option<String>, _>(3)?);
        accounts.extend(row.try_get::<Option<String>, _>(4)?);
        by_shift.entry(row.try_get(0)?).or_default().push((
            ShiftPerson {
                id: row.try_get(1)?,
                name: row.try_get(2)?,
            },
            accounts,
        ));
    }
    for (shift, facts) in &mut shifts {
        for (person, accounts) in by_shift.remove(shift.id.as_str()).unwrap_or_default() {
            shift.people.push(person);
            facts.people_accounts.extend(accounts);
        }
    }
    Ok(shifts)
}

enum Bind<'a> {
    Text(&'a str),
    Ms(i64),
}

fn shift_from_row(row: &sqlx::any::AnyRow) -> Result<(RotaShift, TieFacts), StoreError> {
    let kind: String = row.try_get(3)?;
    let pa = match (
        row.try_get::<Option<String>, _>(5)?,
        row.try_get::<Option<String>, _>(6)?,
    ) {
        (Some(id), Some(name)) => Some(ShiftPa {
            employment: EmploymentId::from_db(id),
            name,
        }),
        _ => None,
    };
    let taken_off = match (
        row.try_get::<Option<String>, _>(8)?,
        row.try_get::<Option<String>, _>(9)?,
        row.try_get::<Option<String>, _>(10)?,
    ) {
        (Some(id), Some(name), Some(reasons)) => Some(TakenOff {
            pa: ShiftPa {
                employment: EmploymentId::from_db(id),
                name,
            },
            reasons: serde_json::from_str(&reasons).map_err(|_| corrupt("reasons", &reasons))?,
        }),
        _ => None,
    };
    Ok((
        RotaShift {
            id: ShiftId::from_db(row.try_get(0)?),
            start: parse_local(&row.try_get::<String, _>(1)?)?,
            end: parse_local(&row.try_get::<String, _>(2)?)?,
            kind: ShiftKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
            break_minutes: row.try_get(4)?,
            people: Vec::new(),
            pa,
            taken_off,
            cancelled: row.try_get::<Option<i64>, _>(11)?.is_some(),
        },
        TieFacts {
            pa_account: row.try_get(7)?,
            people_accounts: Vec::new(),
        },
    ))
}

pub(super) async fn load_with_tie(
    conn: &mut AnyConnection,
    coop: &CoopId,
    id: &ShiftId,
) -> Result<Option<(RotaShift, TieFacts)>, StoreError> {
    Ok(
        load_where(conn, coop, "s.id = $2", &[Bind::Text(id.as_str())])
            .await?
            .pop(),
    )
}

pub(super) async fn load(
    conn: &mut AnyConnection,
    coop: &CoopId,
    id: &ShiftId,
) -> Result<Option<RotaShift>, StoreError> {
    Ok(load_with_tie(conn, coop, id).await?.map(|(s, _)| s))
}

/// The shifts starting from `start` until before `end` (milliseconds).
pub(super) async fn load_between(
    conn: &mut AnyConnection,
    coop: &CoopId,
    start: i64,
    end: i64,
) -> Result<Vec<(RotaShift, TieFacts)>, StoreError> {
    load_where(
        conn,
        coop,
        "s.starts_at >= $2 AND s.starts_at < $3",
        &[Bind::Ms(start), Bind::Ms(end)],
    )
    .await
}

//! Timesheet lines as rows: local times as text, instants as milliseconds,
//! the first figures of a corrected line as JSON, and each person's part
//! with the sign-ins that decide whose it is.

use std::collections::BTreeMap;

use cylch_employment::timesheet::{Figures, LineKind, LineSource};
use cylch_payroll::Date;
use jiff::civil::DateTime;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::{CoopId, EmploymentId, StoreError, TimesheetId, TimesheetLineId};

fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("timesheet line {what} {raw:?}"))
}

/// A local time as the rota and timesheets keep it: `YYYY-MM-DDTHH:MM`.
pub(super) fn local(at: DateTime) -> String {
    at.strftime("%Y-%m-%dT%H:%M").to_string()
}

pub(super) fn parse_local(raw: &str) -> Result<DateTime, StoreError> {
    raw.parse().map_err(|_| corrupt("time", raw))
}

pub(super) fn parse_day(raw: &str) -> Result<Date, StoreError> {
    Date::parse(raw).map_err(|_| corrupt("day", raw))
}

pub(super) fn figures_json(f: &Figures) -> serde_json::Value {
    json!({
        "start": local(f.start),
        "end": local(f.end),
        "break_minutes": f.break_minutes,
        "kind": f.kind.code(),
        "woken_minutes": f.woken_minutes,
    })
}

fn figures_from_json(raw: &str) -> Result<Figures, StoreError> {
    let v: serde_json::Value = serde_json::from_str(raw).map_err(|_| corrupt("original", raw))?;
    let text = |k: &str| v[k].as_str().ok_or_else(|| corrupt("original", raw));
    let kind = text("kind")?;
    Ok(Figures {
        start: parse_local(text("start")?)?,
        end: parse_local(text("end")?)?,
        break_minutes: v["break_minutes"].as_i64().unwrap_or(0),
        kind: LineKind::parse(kind).ok_or_else(|| corrupt("kind", kind))?,
        woken_minutes: v["woken_minutes"].as_i64().unwrap_or(0),
    })
}

/// One person's part of a line, with the sign-ins tied to them.
#[derive(Debug, Clone)]
pub(super) struct RawPerson {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) member: Option<String>,
    pub(super) represented_by: Option<String>,
    pub(super) approved: bool,
}

impl RawPerson {
    /// Whether `account` is the person or acts for them.
    pub(super) fn tied_to(&self, account: &str) -> bool {
        self.member.as_deref() == Some(account) || self.represented_by.as_deref() == Some(account)
    }
}

/// A line as stored, before anyone's view of it.
#[derive(Debug, Clone)]
pub(super) struct RawLine {
    pub(super) id: TimesheetLineId,
    pub(super) timesheet: TimesheetId,
    pub(super) employment: EmploymentId,
    pub(super) source: LineSource,
    pub(super) adjusts: Option<TimesheetLineId>,
    pub(super) day: Date,
    pub(super) figures: Figures,
    pub(super) minutes: i64,
    pub(super) minimum_wage_minutes: i64,
    pub(super) original: Option<Figures>,
    pub(super) reason: Option<String>,
    pub(super) confirmed: bool,
    pub(super) people: Vec<RawPerson>,
}

impl RawLine {
    pub(super) fn approvals(&self) -> Vec<bool> {
        self.people.iter().map(|p| p.approved).collect()
    }
}

const COLUMNS: &str = "l.id, l.timesheet_id, l.employment_id, l.source, l.adjusts_line_id, l.day, l.starts_local, l.ends_local, l.break_minutes, l.kind, l.woken_minutes, l.minutes, l.minimum_wage_minutes, l.original_json, l.reason, l.confirmed_at";

fn line_from_row(row: &sqlx::any::AnyRow) -> Result<RawLine, StoreError> {
    let source: String = row.try_get(3)?;
    let kind: String = row.try_get(9)?;
    Ok(RawLine {
        id: TimesheetLineId::from_db(row.try_get(0)?),
        timesheet: TimesheetId::from_db(row.try_get(1)?),
        employment: EmploymentId::from_db(row.try_get(2)?),
        source: LineSource::parse(&source).ok_or_else(|| corrupt("source", &source))?,
        adjusts: row
            .try_get::<Option<String>, _>(4)?
            .map(TimesheetLineId::from_db),
        day: parse_day(&row.try_get::<String, _>(5)?)?,
        figures: Figures {
            start: parse_local(&row.try_get::<String, _>(6)?)?,
            end: parse_local(&row.try_get::<String, _>(7)?)?,
            break_minutes: row.try_get(8)?,
            kind: LineKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
            woken_minutes: row.try_get(10)?,
        },
        minutes: row.try_get(11)?,
        minimum_wage_minutes: row.try_get(12)?,
        original: row
            .try_get::<Option<String>, _>(13)?
            .map(|raw| figures_from_json(&raw))
            .transpose()?,
        reason: row.try_get(14)?,
        confirmed: row.try_get::<Option<i64>, _>(15)?.is_some(),
        people: Vec::new(),
    })
}

/// The lines of `coop` that `filter` (on `l`, binding $2 and on, all text)
/// picks, in time order, with their people.
pub(super) async fn lines_where(
    conn: &mut AnyConnection,
    coop: &CoopId,
    filter: &str,
    binds: &[&str],
) -> Result<Vec<RawLine>, StoreError> {
    let sql = format!(
        "SELECT {COLUMNS} FROM timesheet_lines l WHERE l.coop_id = $1 AND {filter} ORDER BY l.starts_at, l.created_at, l.id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    for b in binds {
        q = q.bind(*b);
    }
    let mut lines = Vec::new();
    for row in q.fetch_all(&mut *conn).await? {
        lines.push(line_from_row(&row)?);
    }
    let people_sql = format!(
        "SELECT lp.line_id, p.id, p.name, p.member_account_id, p.represented_by_account_id, lp.approved_at
         FROM timesheet_line_people lp
         JOIN timesheet_lines l ON l.coop_id = lp.coop_id AND l.id = lp.line_id
         JOIN supported_people p ON p.coop_id = lp.coop_id AND p.id = lp.person_id
         WHERE l.coop_id = $1 AND {filter} ORDER BY p.name, p.id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(people_sql)).bind(coop.as_str());
    for b in binds {
        q = q.bind(*b);
    }
    let mut by_line: BTreeMap<String, Vec<RawPerson>> = BTreeMap::new();
    for row in q.fetch_all(&mut *conn).await? {
        by_line.entry(row.try_get(0)?).or_default().push(RawPerson {
            id: row.try_get(1)?,
            name: row.try_get(2)?,
            member: row.try_get(3)?,
            represented_by: row.try_get(4)?,
            approved: row.try_get::<Option<i64>, _>(5)?.is_some(),
        });
    }
    for line in &mut lines {
        line.people = by_line.remove(line.id.as_str()).unwrap_or_default();
    }
    Ok(lines)
}

//! Each PA's availability, as the rota plans from it: the hours of the week
//! they can work, dates they cannot or can work more, and their contracted
//! hours. Holiday and sickness come from the leave records and are shown
//! here, never entered twice.
//!
//! Whose availability: [`manages_availability`] decides, and only
//! [`Store::availability_scope`] hands out the [`PaScope`] every read and
//! change takes. Someone who may not see a PA's availability is told the PA
//! does not exist, as for the employment record.

use cylch_domain::policy::{EmploymentTie, manages_availability};
use cylch_employment::employment::Hours;
use jiff::civil::Date;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::needs::{Times, Weekdays, hhmm, parse_day, parse_hhmm, parse_weekdays};
use crate::audit::{self, AuditAction, Change};
use crate::employment as employment_store;
use crate::{CoopId, CoopScope, EmploymentId, Store, StoreError};

/// One PA whose availability the caller keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaScope {
    employment: EmploymentId,
    name: String,
    own: bool,
}

impl PaScope {
    pub fn employment(&self) -> &EmploymentId {
        &self.employment
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the caller is the PA.
    pub fn own(&self) -> bool {
        self.own
    }
}

/// Hours of the week a PA can work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub id: String,
    pub weekdays: Weekdays,
    pub times: Times,
    /// Taken back (kept on record; the lists leave it out).
    pub removed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AvailabilityExceptionKind {
    /// Cannot work at all that day.
    Unavailable,
    /// Can work these hours that day, besides the week's.
    Extra(Times),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvailabilityException {
    pub id: String,
    pub date: Date,
    pub kind: AvailabilityExceptionKind,
    /// Taken back (kept on record; the lists leave it out).
    pub removed: bool,
}

/// Why a PA is away, from the leave records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwayKind {
    Holiday,
    Sickness,
    OtherLeave,
}

impl AwayKind {
    pub fn code(self) -> &'static str {
        match self {
            AwayKind::Holiday => "holiday",
            AwayKind::Sickness => "sickness",
            AwayKind::OtherLeave => "other-leave",
        }
    }
}

/// Days away, first to last; a sickness still going on has no last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Away {
    pub kind: AwayKind,
    pub first: Date,
    pub last: Option<Date>,
}

impl Away {
    pub fn covers(&self, day: Date) -> bool {
        day >= self.first && self.last.is_none_or(|l| day <= l)
    }
}

/// Contracted hours, from where they are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contracted {
    /// Fixed weekly hours in the employment record, in minutes.
    Employment(i64),
    /// Irregular hours: the minutes agreed here, if any.
    Agreed(Option<i64>),
}

impl Contracted {
    pub fn minutes(self) -> Option<i64> {
        match self {
            Contracted::Employment(m) => Some(m),
            Contracted::Agreed(m) => m,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Availability {
    pub slots: Vec<Slot>,
    pub exceptions: Vec<AvailabilityException>,
    pub contracted: Contracted,
    /// Holiday approved, sickness and other leave, from today on.
    pub away: Vec<Away>,
}

/// A field of the availability forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AvailabilityField {
    Weekdays,
    End,
    Date,
    Minutes,
}

impl AvailabilityField {
    pub fn code(self) -> &'static str {
        match self {
            AvailabilityField::Weekdays => "weekdays",
            AvailabilityField::End => "end",
            AvailabilityField::Date => "date",
            AvailabilityField::Minutes => "hours",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AvailabilityProblem {
    NoWeekdays,
    EndIsStart,
    /// Hours beyond a week, or below nothing.
    BadHours,
    /// The employment record has fixed hours: they are changed there.
    HoursInEmployment,
    /// The date already has an exception of that kind.
    AlreadyThatDay,
}

impl AvailabilityProblem {
    pub fn code(self) -> &'static str {
        match self {
            AvailabilityProblem::NoWeekdays => "no-weekdays",
            AvailabilityProblem::EndIsStart => "end-is-start",
            AvailabilityProblem::BadHours => "bad-hours",
            AvailabilityProblem::HoursInEmployment => "hours-in-employment",
            AvailabilityProblem::AlreadyThatDay => "already-that-day",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AvailabilityError {
    #[error("the availability has {} problems", .0.len())]
    Invalid(Vec<(AvailabilityField, AvailabilityProblem)>),
    /// No such PA, slot or exception, or not one the caller may see.
    #[error("not found")]
    NotFound,
    /// The hours or the date were taken back already.
    #[error("already taken back")]
    AlreadyRemoved,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for AvailabilityError {
    fn from(err: sqlx::Error) -> Self {
        AvailabilityError::Store(err.into())
    }
}

/// Minutes in a week: no contract is longer.
pub const WEEK_MINUTES: i64 = 7 * 24 * 60;

/// Fixed weekly hours of an employment, in minutes.
pub(crate) fn contracted_in(hours: Hours) -> Option<i64> {
    match hours {
        Hours::Fixed { weekly, .. } => Some(weekly * 60 / cylch_payroll::holiday::HOUR),
        Hours::Irregular => None,
    }
}

pub(crate) async fn load_slots(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: Option<&EmploymentId>,
) -> Result<Vec<(EmploymentId, Slot)>, StoreError> {
    load_slots_with(conn, coop, pa, false).await
}

/// The same, with those taken back when `removed` is true (each marked).
async fn load_slots_with(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: Option<&EmploymentId>,
    removed: bool,
) -> Result<Vec<(EmploymentId, Slot)>, StoreError> {
    let mut filter = if pa.is_some() {
        " AND employment_id = $2".to_owned()
    } else {
        String::new()
    };
    if !removed {
        filter.push_str(" AND removed_at IS NULL");
    }
    let sql = format!(
        "SELECT employment_id, id, weekdays, starts, ends, removed_at FROM pa_availability WHERE coop_id = $1{filter} ORDER BY starts, id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(pa) = pa {
        q = q.bind(pa.as_str());
    }
    let mut out = Vec::new();
    for row in q.fetch_all(&mut *conn).await? {
        out.push((
            EmploymentId::from_db(row.try_get(0)?),
            Slot {
                id: row.try_get(1)?,
                weekdays: parse_weekdays(&row.try_get::<String, _>(2)?)?,
                times: Times {
                    start: parse_hhmm(&row.try_get::<String, _>(3)?)?,
                    end: parse_hhmm(&row.try_get::<String, _>(4)?)?,
                },
                removed: row.try_get::<Option<i64>, _>(5)?.is_some(),
            },
        ));
    }
    Ok(out)
}

pub(crate) async fn load_exceptions(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: Option<&EmploymentId>,
) -> Result<Vec<(EmploymentId, AvailabilityException)>, StoreError> {
    load_exceptions_with(conn, coop, pa, false).await
}

async fn load_exceptions_with(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: Option<&EmploymentId>,
    removed: bool,
) -> Result<Vec<(EmploymentId, AvailabilityException)>, StoreError> {
    let mut filter = if pa.is_some() {
        " AND employment_id = $2".to_owned()
    } else {
        String::new()
    };
    if !removed {
        filter.push_str(" AND removed_at IS NULL");
    }
    let sql = format!(
        "SELECT employment_id, id, on_date, kind, starts, ends, removed_at FROM pa_availability_exceptions WHERE coop_id = $1{filter} ORDER BY on_date, id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(pa) = pa {
        q = q.bind(pa.as_str());
    }
    let mut out = Vec::new();
    for row in q.fetch_all(&mut *conn).await? {
        let kind = match (
            row.try_get::<String, _>(3)?.as_str(),
            row.try_get::<Option<String>, _>(4)?,
            row.try_get::<Option<String>, _>(5)?,
        ) {
            ("extra", Some(start), Some(end)) => AvailabilityExceptionKind::Extra(Times {
                start: parse_hhmm(&start)?,
                end: parse_hhmm(&end)?,
            }),
            _ => AvailabilityExceptionKind::Unavailable,
        };
        out.push((
            EmploymentId::from_db(row.try_get(0)?),
            AvailabilityException {
                id: row.try_get(1)?,
                date: parse_day(&row.try_get::<String, _>(2)?)?,
                kind,
                removed: row.try_get::<Option<i64>, _>(6)?.is_some(),
            },
        ));
    }
    Ok(out)
}

/// Holiday approved, sickness and other leave of the co-operative's PAs
/// (of `pa`, if given) that reach `from` or later.
pub(crate) async fn load_away(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: Option<&EmploymentId>,
    from: Date,
) -> Result<Vec<(EmploymentId, Away)>, StoreError> {
    let filter = if pa.is_some() {
        " AND employment_id = $3"
    } else {
        ""
    };
    let mut out = Vec::new();
    for (kind, table, extra) in [
        (
            AwayKind::Holiday,
            "holiday_requests",
            " AND state = 'approved'",
        ),
        (AwayKind::Sickness, "sickness_absences", ""),
        (AwayKind::OtherLeave, "other_leave", ""),
    ] {
        let sql = format!(
            "SELECT employment_id, first_day, last_day FROM {table}
             WHERE coop_id = $1 AND (last_day IS NULL OR last_day >= $2){extra}{filter}
             ORDER BY first_day"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(coop.as_str())
            .bind(from.to_string());
        if let Some(pa) = pa {
            q = q.bind(pa.as_str());
        }
        for row in q.fetch_all(&mut *conn).await? {
            let last: Option<String> = row.try_get(2)?;
            out.push((
                EmploymentId::from_db(row.try_get(0)?),
                Away {
                    kind,
                    first: parse_day(&row.try_get::<String, _>(1)?)?,
                    last: last.as_deref().map(parse_day).transpose()?,
                },
            ));
        }
    }
    out.sort_by_key(|(pa, a)| (pa.as_str().to_owned(), a.first));
    Ok(out)
}

/// Minutes agreed here for PAs on irregular hours.
pub(crate) async fn load_agreed(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: &EmploymentId,
) -> Result<Option<i64>, StoreError> {
    let agreed: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT minutes_per_week FROM pa_contracted_hours WHERE coop_id = $1 AND employment_id = $2",
    )
    .bind(coop.as_str())
    .bind(pa.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(agreed.flatten())
}

fn times_view(t: Times) -> serde_json::Value {
    json!({"start": hhmm(t.start), "end": hhmm(t.end)})
}

impl Store {
    /// The PAs whose availability the caller keeps: every PA still
    /// employed for the officers with the employer's duties, their own
    /// for a PA, nobody for anyone else.
    pub async fn availability_pas(&self, scope: &CoopScope) -> Result<Vec<PaScope>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let today = self.today();
        let rows = sqlx::query(
            "SELECT id, name, account_id FROM employments WHERE coop_id = $1 ORDER BY name, id",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *conn)
        .await?;
        let mut out = Vec::new();
        for row in &rows {
            let id = EmploymentId::from_db(row.try_get(0)?);
            if let Some(pa) = self.pa_scope_of(&mut conn, scope, &id).await? {
                let ended = employment_store::load_one(&mut conn, scope.coop_id(), &id)
                    .await?
                    .and_then(|s| s.employment.ending.map(|e| e.last_day))
                    .is_some_and(|last| {
                        crate::employment::codec_from_jiff(today).is_ok_and(|t| last < t)
                    });
                if !ended {
                    out.push(pa);
                }
            }
        }
        Ok(out)
    }

    async fn pa_scope_of(
        &self,
        conn: &mut AnyConnection,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<Option<PaScope>, StoreError> {
        let row =
            sqlx::query("SELECT name, account_id FROM employments WHERE coop_id = $1 AND id = $2")
                .bind(scope.coop_id().as_str())
                .bind(id.as_str())
                .fetch_optional(&mut *conn)
                .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let account: Option<String> = row.try_get(1)?;
        let own = account.as_deref() == Some(scope.account().as_str());
        let tie = if own {
            EmploymentTie::Own
        } else {
            // Whether they work with the caller does not matter here:
            // availability is the PA's and the employer's business.
            EmploymentTie::Unrelated
        };
        Ok(manages_availability(scope.roles(), tie).then(|| PaScope {
            employment: id.clone(),
            name: row.try_get(0).unwrap_or_default(),
            own,
        }))
    }

    /// The scope of one PA's availability, if the caller keeps it.
    pub async fn availability_scope(
        &self,
        scope: &CoopScope,
        raw: &str,
    ) -> Result<PaScope, AvailabilityError> {
        let id = EmploymentId::parse(raw.trim()).ok_or(AvailabilityError::NotFound)?;
        let mut conn = self.pool().acquire().await?;
        self.pa_scope_of(&mut conn, scope, &id)
            .await?
            .ok_or(AvailabilityError::NotFound)
    }

    /// A PA's availability, with their contracted hours and time away.
    pub async fn availability(
        &self,
        scope: &CoopScope,
        pa: &PaScope,
    ) -> Result<Availability, AvailabilityError> {
        let mut conn = self.pool().acquire().await?;
        let coop = scope.coop_id();
        let id = &pa.employment;
        let stored = employment_store::load_one(&mut conn, coop, id)
            .await?
            .ok_or(AvailabilityError::NotFound)?;
        let contracted = match contracted_in(stored.employment.hours) {
            Some(m) => Contracted::Employment(m),
            None => Contracted::Agreed(load_agreed(&mut conn, coop, id).await?),
        };
        Ok(Availability {
            slots: load_slots(&mut conn, coop, Some(id))
                .await?
                .into_iter()
                .map(|(_, s)| s)
                .collect(),
            exceptions: load_exceptions(&mut conn, coop, Some(id))
                .await?
                .into_iter()
                .map(|(_, e)| e)
                .collect(),
            away: load_away(&mut conn, coop, Some(id), self.today())
                .await?
                .into_iter()
                .map(|(_, a)| a)
                .collect(),
            contracted,
        })
    }

    /// Adds hours of the week the PA can work.
    pub async fn add_availability(
        &self,
        scope: &CoopScope,
        pa: &PaScope,
        weekdays: Weekdays,
        times: Times,
    ) -> Result<String, AvailabilityError> {
        let mut problems = Vec::new();
        if weekdays.is_empty() {
            problems.push((AvailabilityField::Weekdays, AvailabilityProblem::NoWeekdays));
        }
        if times.start == times.end {
            problems.push((AvailabilityField::End, AvailabilityProblem::EndIsStart));
        }
        if !problems.is_empty() {
            return Err(AvailabilityError::Invalid(problems));
        }
        let id = crate::ids::random_id();
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO pa_availability (id, coop_id, employment_id, weekdays, starts, ends, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(pa.employment.as_str())
        .bind(weekdays.code())
        .bind(hhmm(times.start))
        .bind(hhmm(times.end))
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "pa_availability",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({
                    "employment": pa.employment.as_str(),
                    "weekdays": weekdays.code(),
                    "times": times_view(times),
                })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes away hours of the week the PA can work.
    pub async fn remove_availability(
        &self,
        scope: &CoopScope,
        pa: &PaScope,
        slot: &str,
    ) -> Result<(), AvailabilityError> {
        let mut tx = self.begin().await?;
        let found = load_slots_with(&mut tx, scope.coop_id(), Some(&pa.employment), true)
            .await?
            .into_iter()
            .find(|(_, s)| s.id == slot)
            .ok_or(AvailabilityError::NotFound)?
            .1;
        if found.removed {
            return Err(AvailabilityError::AlreadyRemoved);
        }
        sqlx::query("UPDATE pa_availability SET removed_at = $3 WHERE coop_id = $1 AND id = $2")
            .bind(scope.coop_id().as_str())
            .bind(slot)
            .bind(self.now_ms())
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "pa_availability",
                record_id: slot,
                action: AuditAction::Deleted,
                before: Some(json!({
                    "employment": pa.employment.as_str(),
                    "weekdays": found.weekdays.code(),
                    "times": times_view(found.times),
                })),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a date the PA cannot work, or can work more.
    pub async fn add_availability_exception(
        &self,
        scope: &CoopScope,
        pa: &PaScope,
        date: Date,
        kind: AvailabilityExceptionKind,
    ) -> Result<String, AvailabilityError> {
        if let AvailabilityExceptionKind::Extra(t) = kind
            && t.start == t.end
        {
            return Err(AvailabilityError::Invalid(vec![(
                AvailabilityField::End,
                AvailabilityProblem::EndIsStart,
            )]));
        }
        let mut tx = self.begin().await?;
        let clash = load_exceptions(&mut tx, scope.coop_id(), Some(&pa.employment))
            .await?
            .into_iter()
            .any(|(_, e)| {
                e.date == date
                    && matches!(
                        (e.kind, kind),
                        (
                            AvailabilityExceptionKind::Unavailable,
                            AvailabilityExceptionKind::Unavailable
                        )
                    )
            });
        if clash {
            return Err(AvailabilityError::Invalid(vec![(
                AvailabilityField::Date,
                AvailabilityProblem::AlreadyThatDay,
            )]));
        }
        let id = crate::ids::random_id();
        let (code, times) = match kind {
            AvailabilityExceptionKind::Unavailable => ("unavailable", None),
            AvailabilityExceptionKind::Extra(t) => ("extra", Some(t)),
        };
        sqlx::query(
            "INSERT INTO pa_availability_exceptions (id, coop_id, employment_id, on_date, kind, starts, ends, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(pa.employment.as_str())
        .bind(date.to_string())
        .bind(code)
        .bind(times.map(|t| hhmm(t.start)))
        .bind(times.map(|t| hhmm(t.end)))
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "pa_availability_exception",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({
                    "employment": pa.employment.as_str(),
                    "date": date.to_string(),
                    "kind": code,
                    "times": times.map(times_view),
                })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes back a dated exception of the PA's.
    pub async fn remove_availability_exception(
        &self,
        scope: &CoopScope,
        pa: &PaScope,
        exception: &str,
    ) -> Result<(), AvailabilityError> {
        let mut tx = self.begin().await?;
        let found = load_exceptions_with(&mut tx, scope.coop_id(), Some(&pa.employment), true)
            .await?
            .into_iter()
            .find(|(_, e)| e.id == exception)
            .ok_or(AvailabilityError::NotFound)?
            .1;
        if found.removed {
            return Err(AvailabilityError::AlreadyRemoved);
        }
        sqlx::query(
            "UPDATE pa_availability_exceptions SET removed_at = $3 WHERE coop_id = $1 AND id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(exception)
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "pa_availability_exception",
                record_id: exception,
                action: AuditAction::Deleted,
                before: Some(json!({
                    "employment": pa.employment.as_str(),
                    "date": found.date.to_string(),
                })),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the weekly hours agreed with a PA on irregular hours; a PA
    /// with fixed hours has them in the employment record, changed there.
    pub async fn set_contracted_hours(
        &self,
        scope: &CoopScope,
        pa: &PaScope,
        minutes: Option<i64>,
    ) -> Result<(), AvailabilityError> {
        if minutes.is_some_and(|m| !(0..=WEEK_MINUTES).contains(&m)) {
            return Err(AvailabilityError::Invalid(vec![(
                AvailabilityField::Minutes,
                AvailabilityProblem::BadHours,
            )]));
        }
        let coop = scope.coop_id();
        let mut tx = self.begin().await?;
        let stored = employment_store::load_one(&mut tx, coop, &pa.employment)
            .await?
            .ok_or(AvailabilityError::NotFound)?;
        if contracted_in(stored.employment.hours).is_some() {
            return Err(AvailabilityError::Invalid(vec![(
                AvailabilityField::Minutes,
                AvailabilityProblem::HoursInEmployment,
            )]));
        }
        let before = load_agreed(&mut tx, coop, &pa.employment).await?;
        sqlx::query("DELETE FROM pa_contracted_hours WHERE coop_id = $1 AND employment_id = $2")
            .bind(coop.as_str())
            .bind(pa.employment.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO pa_contracted_hours (coop_id, employment_id, minutes_per_week, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(coop.as_str())
        .bind(pa.employment.as_str())
        .bind(minutes)
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(coop),
                actor: Some(scope.account()),
                record_kind: "pa_contracted_hours",
                record_id: pa.employment.as_str(),
                action: AuditAction::Updated,
                before: Some(json!({"minutes_per_week": before})),
                after: Some(json!({"minutes_per_week": minutes})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

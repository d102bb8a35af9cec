//! Holiday and absence of employed PAs: the co-operative's leave year, the
//! hours irregular-hours PAs accrue on, holiday requests and their
//! decisions, sickness absences and other leave.
//!
//! Whose record is the employment's ([`employment_view`]): the PA and the
//! officers with the employer's duties see everything, with the balance; a
//! supported person and their representative see only the PA's holiday
//! requests and the days the PA is away ([`AwayRecord`], a type with no
//! field for why: sickness is health data); anyone else nothing, answered
//! as for a PA who does not exist.
//!
//! Holiday is counted in hours throughout. A PA on fixed hours asks in
//! days, turned into hours at their working day; a PA whose holiday
//! accrues asks in hours. The balance of a leave year is its entitlement
//! (5.6 weeks pro rata, capped at 28 days) or what has accrued on the hours
//! recorded as worked (12.07%), less approved holiday.
//!
//! Every write shares its transaction with its audit entry.

use cylch_domain::policy::{
    EmploymentTie, EmploymentView, decides_holiday, employment_view, has_employer_duties,
};
use cylch_employment::absence::{self, AbsenceError, Amount, OtherLeave, Sickness, Span};
use cylch_employment::employment::Hours;
use cylch_employment::holiday::{
    self, Balance, HolidayError, LeaveYear, Method, PeriodHours, leave_year_containing,
};
use cylch_employment::text::Text;
use cylch_payroll::Date;
use cylch_payroll::holiday::Hours as HourCount;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::{Stored, codec, links, load_one, tie};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{CoopScope, EmploymentId, Store, StoreError};

/// The first day of the leave year when a co-operative has not chosen one:
/// 1 April, the start of the financial year most PAs' payroll follows and
/// the date the 12.07% accrual rules took effect from.
pub const DEFAULT_LEAVE_YEAR_START: (u32, u32) = (4, 1);

#[derive(Debug, thiserror::Error)]
pub enum LeaveError {
    /// No such PA or record, or not one the caller may see: answered alike.
    #[error("no such employment")]
    NotFound,
    /// The caller may see the PA's leave but may not do this.
    #[error("you may not do this")]
    NotAllowed,
    /// Nobody decides their own holiday request.
    #[error("nobody decides their own holiday request")]
    OwnRequest,
    #[error("{0}")]
    Dates(AbsenceError),
    #[error("{0}")]
    Holiday(HolidayError),
    /// More holiday asked for than is left, with what is left (in
    /// ten-thousandths of an hour).
    #[error("{asked} asked for, {available} left")]
    NotEnough {
        asked: HourCount,
        available: HourCount,
    },
    /// The days overlap holiday already asked for or approved.
    #[error("the days overlap holiday already asked for")]
    Overlaps,
    /// The days fall before the employment began or after it ended.
    #[error("the days are outside the employment")]
    OutsideEmployment,
    /// The request has already been decided or cancelled.
    #[error("this request has already been decided or cancelled")]
    NotAwaiting,
    /// Approved holiday that has begun is the officers' to correct.
    #[error("holiday that has begun cannot be cancelled")]
    AlreadyBegun,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for LeaveError {
    fn from(err: sqlx::Error) -> Self {
        LeaveError::Store(err.into())
    }
}

impl From<AbsenceError> for LeaveError {
    fn from(err: AbsenceError) -> Self {
        LeaveError::Dates(err)
    }
}

impl From<HolidayError> for LeaveError {
    fn from(err: HolidayError) -> Self {
        LeaveError::Holiday(err)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestState {
    Requested,
    Approved,
    Declined,
    Cancelled,
}

impl RequestState {
    pub fn code(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Approved => "approved",
            Self::Declined => "declined",
            Self::Cancelled => "cancelled",
        }
    }

    fn from_code(raw: &str) -> Result<Self, StoreError> {
        match raw {
            "requested" => Ok(Self::Requested),
            "approved" => Ok(Self::Approved),
            "declined" => Ok(Self::Declined),
            "cancelled" => Ok(Self::Cancelled),
            other => Err(codec::corrupt("holiday request state", other)),
        }
    }

    /// Whether the request holds its days: asked for or approved.
    fn holds_days(self) -> bool {
        matches!(self, Self::Requested | Self::Approved)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayRequest {
    pub id: String,
    pub employment: EmploymentId,
    pub pa_name: String,
    pub first: Date,
    pub last: Date,
    /// As asked, in ten-thousandths of a day, for a PA who asks in days.
    pub days: Option<i64>,
    /// What it takes from the balance, in ten-thousandths of an hour.
    pub hours: HourCount,
    pub note: Option<Text>,
    pub state: RequestState,
    pub requested_at_ms: i64,
    pub decided_by: Option<String>,
    pub decided_at_ms: Option<i64>,
    pub decline_reason: Option<Text>,
}

/// A holiday request as the PA makes it.
#[derive(Debug, Clone)]
pub struct NewHoliday {
    pub first: Date,
    pub last: Date,
    pub amount: Amount,
    pub note: Option<Text>,
}

#[derive(Debug, Clone)]
pub enum Decision {
    Approve,
    Decline(Text),
}

/// A sickness absence, with its reason: for the PA and the officers with
/// the employer's duties only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SicknessAbsence {
    pub id: String,
    pub sickness: Sickness,
    pub reason: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherLeaveRecord {
    pub id: String,
    pub kind: OtherLeave,
    pub span: Span,
    pub note: Option<Text>,
}

/// A leave year's holiday as the PA's balance shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearBalance {
    pub year: LeaveYear,
    pub method: Method,
    /// Entitlement (or accrued) less approved holiday taken and booked.
    pub balance: Balance,
    /// Hours asked for and not yet decided.
    pub pending: HourCount,
}

impl YearBalance {
    /// What is left once approved holiday is counted.
    pub fn remaining(&self) -> Result<HourCount, HolidayError> {
        self.balance.remaining()
    }

    /// What is left to ask for: the remaining less what awaits a decision.
    pub fn available(&self) -> Result<HourCount, HolidayError> {
        self.remaining()?
            .checked_sub(self.pending)
            .ok_or(HolidayError::Overflow)
    }
}

/// What the caller may do on a PA's leave.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeaveRights {
    pub request: bool,
    pub decide: bool,
    pub record_sickness: bool,
    pub record_other: bool,
}

/// A PA's leave in full: for the PA and the officers with the employer's
/// duties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveRecord {
    pub employment: EmploymentId,
    pub pa_name: String,
    pub hours: Hours,
    /// A working day in ten-thousandths of an hour, for a PA who asks in
    /// days.
    pub day_length: Option<HourCount>,
    pub this_year: YearBalance,
    pub requests: Vec<HolidayRequest>,
    pub sickness: Vec<SicknessAbsence>,
    pub other: Vec<OtherLeaveRecord>,
    pub hours_worked: Vec<PeriodHours>,
    pub rights: LeaveRights,
}

/// A PA's leave as a supported person or their representative sees it:
/// the holiday requests they may decide, and the days the PA is away, with
/// no word of why. No balance, no sickness, no other leave by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwayRecord {
    pub employment: EmploymentId,
    pub pa_name: String,
    pub requests: Vec<HolidayRequest>,
    /// Days away from today on: approved holiday, sickness and other leave
    /// alike.
    pub away: Vec<Span>,
    pub rights: LeaveRights,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeaveEntry {
    Full(Box<LeaveRecord>),
    Away(AwayRecord),
}

/// The PA as this module needs them, with the caller's tie to them.
struct Pa {
    stored: Stored,
    tie: EmploymentTie,
    view: EmploymentView,
}

async fn pa(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
) -> Result<Pa, LeaveError> {
    let stored = load_one(conn, scope.coop_id(), id)
        .await?
        .ok_or(LeaveError::NotFound)?;
    let links = links(conn, scope.coop_id(), Some(id)).await?;
    let tie = tie(scope, &stored, &links);
    let view = employment_view(scope.roles(), tie);
    if view == EmploymentView::None {
        return Err(LeaveError::NotFound);
    }
    Ok(Pa { stored, tie, view })
}

fn rights(scope: &CoopScope, pa: &Pa) -> LeaveRights {
    let employer = has_employer_duties(scope.roles());
    let own = pa.tie == EmploymentTie::Own;
    LeaveRights {
        request: own || employer,
        decide: decides_holiday(scope.roles(), pa.tie),
        record_sickness: own || employer,
        record_other: employer,
    }
}

async fn year_start(conn: &mut AnyConnection, scope: &CoopScope) -> Result<(u32, u32), StoreError> {
    let row = sqlx::query(
        "SELECT year_starts_month, year_starts_day FROM leave_settings WHERE coop_id = $1",
    )
    .bind(scope.coop_id().as_str())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        None => Ok(DEFAULT_LEAVE_YEAR_START),
        Some(row) => {
            let month: i64 = row.try_get(0)?;
            let day: i64 = row.try_get(1)?;
            Ok((
                u32::try_from(month).map_err(|_| codec::corrupt("month", &month.to_string()))?,
                u32::try_from(day).map_err(|_| codec::corrupt("day", &day.to_string()))?,
            ))
        }
    }
}

async fn leave_year(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    date: Date,
) -> Result<LeaveYear, LeaveError> {
    let (month, day) = year_start(conn, scope).await?;
    Ok(leave_year_containing(month, day, date)?)
}

const REQUEST_COLUMNS: &str = "r.id, r.employment_id, e.name, r.first_day, r.last_day, r.days, r.hours, r.note, r.state, r.requested_at, a.name, r.decided_at, r.decline_reason";

fn request_sql(filter: &str) -> String {
    format!(
        "SELECT {REQUEST_COLUMNS} FROM holiday_requests r
         JOIN employments e ON e.coop_id = r.coop_id AND e.id = r.employment_id
         LEFT JOIN accounts a ON a.id = r.decided_by
         WHERE r.coop_id = $1{filter} ORDER BY r.first_day, r.requested_at, r.id"
    )
}

fn opt_text(raw: Option<String>) -> Result<Option<Text>, StoreError> {
    raw.as_deref().map(codec::text).transpose()
}

fn request_from_row(row: &sqlx::any::AnyRow) -> Result<HolidayRequest, StoreError> {
    let employment: String = row.try_get(1)?;
    let first: String = row.try_get(3)?;
    let last: String = row.try_get(4)?;
    let state: String = row.try_get(8)?;
    Ok(HolidayRequest {
        id: row.try_get(0)?,
        employment: EmploymentId::parse(&employment)
            .ok_or_else(|| codec::corrupt("employment id", &employment))?,
        pa_name: row.try_get(2)?,
        first: codec::date(&first)?,
        last: codec::date(&last)?,
        days: row.try_get(5)?,
        hours: row.try_get(6)?,
        note: opt_text(row.try_get(7)?)?,
        state: RequestState::from_code(&state)?,
        requested_at_ms: row.try_get(9)?,
        decided_by: row.try_get(10)?,
        decided_at_ms: row.try_get(11)?,
        decline_reason: opt_text(row.try_get(12)?)?,
    })
}

async fn requests_of(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
) -> Result<Vec<HolidayRequest>, StoreError> {
    sqlx::query(sqlx::AssertSqlSafe(request_sql(
        " AND r.employment_id = $2",
    )))
    .bind(scope.coop_id().as_str())
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(request_from_row)
    .collect()
}

async fn one_request(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
    request: &str,
) -> Result<HolidayRequest, LeaveError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(request_sql(
        " AND r.employment_id = $2 AND r.id = $3",
    )))
    .bind(scope.coop_id().as_str())
    .bind(id.as_str())
    .bind(request)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(LeaveError::NotFound)?;
    Ok(request_from_row(&row)?)
}

async fn sickness_of(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
) -> Result<Vec<SicknessAbsence>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, first_day, last_day, fit_note_received_on, reason FROM sickness_absences
         WHERE coop_id = $1 AND employment_id = $2 ORDER BY first_day DESC, id",
    )
    .bind(scope.coop_id().as_str())
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let first: String = row.try_get(1)?;
            Ok(SicknessAbsence {
                id: row.try_get(0)?,
                sickness: Sickness {
                    first: codec::date(&first)?,
                    last: codec::opt_date(row.try_get(2)?)?,
                    fit_note_received: codec::opt_date(row.try_get(3)?)?,
                },
                reason: opt_text(row.try_get(4)?)?,
            })
        })
        .collect()
}

async fn other_of(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
) -> Result<Vec<OtherLeaveRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, kind, first_day, last_day, note FROM other_leave
         WHERE coop_id = $1 AND employment_id = $2 ORDER BY first_day DESC, id",
    )
    .bind(scope.coop_id().as_str())
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get(1)?;
            let first: String = row.try_get(2)?;
            let last: String = row.try_get(3)?;
            Ok(OtherLeaveRecord {
                id: row.try_get(0)?,
                kind: OtherLeave::from_code(&kind)
                    .ok_or_else(|| codec::corrupt("leave kind", &kind))?,
                span: Span::new(codec::date(&first)?, codec::date(&last)?)
                    .map_err(|_| codec::corrupt("leave span", &first))?,
                note: opt_text(row.try_get(4)?)?,
            })
        })
        .collect()
}

async fn hours_worked_of(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
) -> Result<Vec<PeriodHours>, StoreError> {
    let rows = sqlx::query(
        "SELECT period_end, hours FROM leave_hours_worked
         WHERE coop_id = $1 AND employment_id = $2 ORDER BY period_end",
    )
    .bind(scope.coop_id().as_str())
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let end: String = row.try_get(0)?;
            Ok(PeriodHours {
                period_end: codec::date(&end)?,
                hours_worked: row.try_get(1)?,
            })
        })
        .collect()
}

/// A leave year's balance: the entitlement (or what has accrued), less
/// approved holiday in the year, taken if it has ended by `today` and
/// booked if not; with what awaits a decision beside it.
fn year_balance(
    stored: &Stored,
    year: LeaveYear,
    requests: &[HolidayRequest],
    periods: &[PeriodHours],
    today: Date,
) -> Result<YearBalance, LeaveError> {
    let e = &stored.employment;
    let method = holiday::method(e.hours, year)?;
    let entitlement = holiday::entitlement(
        e.hours,
        e.start,
        e.ending.map(|x| x.last_day),
        year,
        periods,
    )?;
    let mut balance = Balance {
        entitlement,
        taken: 0,
        booked: 0,
    };
    let mut pending: HourCount = 0;
    for r in requests.iter().filter(|r| year.contains(r.first)) {
        let add = |to: HourCount| to.checked_add(r.hours).ok_or(HolidayError::Overflow);
        match r.state {
            RequestState::Approved if r.last < today => balance.taken = add(balance.taken)?,
            RequestState::Approved => balance.booked = add(balance.booked)?,
            RequestState::Requested => pending = add(pending)?,
            RequestState::Declined | RequestState::Cancelled => {}
        }
    }
    Ok(YearBalance {
        year,
        method,
        balance,
        pending,
    })
}

fn require(allowed: bool) -> Result<(), LeaveError> {
    if allowed {
        Ok(())
    } else {
        Err(LeaveError::NotAllowed)
    }
}

fn request_audit(r: &HolidayRequest) -> serde_json::Value {
    json!({
        "employment": r.employment.as_str(),
        "first_day": r.first.to_string(),
        "last_day": r.last.to_string(),
        "days": r.days,
        "hours": r.hours,
        "note": r.note.as_ref().map(Text::as_str),
        "state": r.state.code(),
        "decline_reason": r.decline_reason.as_ref().map(Text::as_str),
    })
}

/// A sickness absence as the audit log keeps it: the dates and the fit
/// note, and only whether a reason was given, never the reason.
fn sickness_audit(id: &EmploymentId, s: &Sickness, reason: bool) -> serde_json::Value {
    json!({
        "employment": id.as_str(),
        "first_day": s.first.to_string(),
        "last_day": s.last.map(|d| d.to_string()),
        "fit_note_received_on": s.fit_note_received.map(|d| d.to_string()),
        "reason_given": reason,
    })
}

/// The audit entry of a change to a holiday request: its state before and
/// after, in the transaction that changed it.
async fn audit_request_change(
    tx: &mut crate::Tx,
    scope: &CoopScope,
    request: &str,
    before: &HolidayRequest,
    after: &HolidayRequest,
) -> Result<(), StoreError> {
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "holiday_request",
            record_id: request,
            action: AuditAction::Updated,
            before: Some(request_audit(before)),
            after: Some(request_audit(after)),
        },
    )
    .await
}

impl Store {
    fn leave_today(&self) -> Result<Date, StoreError> {
        codec::from_jiff(self.today())
    }

    /// The first day of the co-operative's leave year, as month and day.
    pub async fn leave_year_start(&self, scope: &CoopScope) -> Result<(u32, u32), StoreError> {
        let mut conn = self.pool().acquire().await?;
        year_start(&mut conn, scope).await
    }

    /// Sets the first day of the co-operative's leave years: the officers
    /// with the employer's duties only. 29 February is refused.
    pub async fn set_leave_year_start(
        &self,
        scope: &CoopScope,
        month: u32,
        day: u32,
    ) -> Result<(), LeaveError> {
        require(has_employer_duties(scope.roles()))?;
        leave_year_containing(month, day, self.leave_today()?)?;
        let mut tx = self.begin().await?;
        let before = year_start(&mut tx, scope).await?;
        sqlx::query("DELETE FROM leave_settings WHERE coop_id = $1")
            .bind(scope.coop_id().as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO leave_settings (coop_id, year_starts_month, year_starts_day, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(scope.coop_id().as_str())
        .bind(i64::from(month))
        .bind(i64::from(day))
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "leave_settings",
                record_id: scope.coop_id().as_str(),
                action: AuditAction::Updated,
                before: Some(json!({"year_starts": format!("{:02}-{:02}", before.0, before.1)})),
                after: Some(json!({"year_starts": format!("{month:02}-{day:02}")})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// What the caller may do on a PA's leave; `NotFound` if they may not
    /// see it at all. The fronts ask before reading a form, so that a
    /// person who may not act is told so rather than what to fix.
    pub async fn leave_rights(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<LeaveRights, LeaveError> {
        let mut conn = self.pool().acquire().await?;
        let pa = pa(&mut conn, scope, id).await?;
        Ok(rights(scope, &pa))
    }

    /// A PA's leave in the view the caller may see it in.
    pub async fn leave(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<LeaveEntry, LeaveError> {
        let mut conn = self.pool().acquire().await?;
        let pa = pa(&mut conn, scope, id).await?;
        let today = self.leave_today()?;
        let rights = rights(scope, &pa);
        let requests = requests_of(&mut conn, scope, id).await?;
        let sickness = sickness_of(&mut conn, scope, id).await?;
        let other = other_of(&mut conn, scope, id).await?;
        let pa_name = pa.stored.employment.name.as_str().to_owned();
        if pa.view == EmploymentView::Supported {
            let mut away: Vec<Span> = requests
                .iter()
                .filter(|r| r.state == RequestState::Approved)
                .map(|r| Span {
                    first: r.first,
                    last: r.last,
                })
                .chain(sickness.iter().map(|s| {
                    let (first, last) = s.sickness.spell(today);
                    Span { first, last }
                }))
                .chain(other.iter().map(|o| o.span))
                .filter(|s| s.last >= today)
                .collect();
            away.sort_by_key(|s| (s.first, s.last));
            return Ok(LeaveEntry::Away(AwayRecord {
                employment: id.clone(),
                pa_name,
                requests,
                away,
                rights,
            }));
        }
        let hours_worked = hours_worked_of(&mut conn, scope, id).await?;
        let year = leave_year(&mut conn, scope, today).await?;
        let this_year = year_balance(&pa.stored, year, &requests, &hours_worked, today)?;
        Ok(LeaveEntry::Full(Box::new(LeaveRecord {
            employment: id.clone(),
            pa_name,
            hours: pa.stored.employment.hours,
            day_length: absence::day_length(pa.stored.employment.hours),
            this_year,
            requests,
            sickness,
            other,
            hours_worked,
            rights,
        })))
    }

    /// The PA asks for holiday (or an officer with the employer's duties
    /// asks for a PA who does not sign in). Refused when the days are not
    /// the employment's, overlap holiday already asked for, or take more
    /// than is left of that leave year once what awaits a decision counts.
    pub async fn request_holiday(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        new: &NewHoliday,
    ) -> Result<HolidayRequest, LeaveError> {
        let today = self.leave_today()?;
        let mut tx = self.begin().await?;
        let pa = pa(&mut tx, scope, id).await?;
        require(rights(scope, &pa).request)?;
        let year = leave_year(&mut tx, scope, new.first).await?;
        let span = absence::holiday_span(new.first, new.last, today, year)?;
        let e = &pa.stored.employment;
        if span.first < e.start || e.ending.is_some_and(|x| span.last > x.last_day) {
            return Err(LeaveError::OutsideEmployment);
        }
        let hours = absence::hours_asked(span, new.amount, e.hours)?;
        let requests = requests_of(&mut tx, scope, id).await?;
        if requests.iter().filter(|r| r.state.holds_days()).any(|r| {
            span.overlaps(Span {
                first: r.first,
                last: r.last,
            })
        }) {
            return Err(LeaveError::Overlaps);
        }
        let periods = hours_worked_of(&mut tx, scope, id).await?;
        let balance = year_balance(&pa.stored, year, &requests, &periods, today)?;
        let available = balance.available()?;
        if hours > available {
            return Err(LeaveError::NotEnough {
                asked: hours,
                available: available.max(0),
            });
        }
        let request = HolidayRequest {
            id: random_id(),
            employment: id.clone(),
            pa_name: e.name.as_str().to_owned(),
            first: span.first,
            last: span.last,
            days: match new.amount {
                Amount::Days(d) if absence::day_length(e.hours).is_some() => Some(d),
                _ => None,
            },
            hours,
            note: new.note.clone(),
            state: RequestState::Requested,
            requested_at_ms: self.now_ms(),
            decided_by: None,
            decided_at_ms: None,
            decline_reason: None,
        };
        sqlx::query(
            "INSERT INTO holiday_requests (id, coop_id, employment_id, first_day, last_day, days, hours, note, state, requested_by, requested_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&request.id)
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(request.first.to_string())
        .bind(request.last.to_string())
        .bind(request.days)
        .bind(request.hours)
        .bind(request.note.as_ref().map(|t| t.as_str().to_owned()))
        .bind(request.state.code())
        .bind(scope.account().as_str())
        .bind(request.requested_at_ms)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "holiday_request",
                record_id: &request.id,
                action: AuditAction::Created,
                before: None,
                after: Some(request_audit(&request)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(request)
    }

    /// Approves or declines a holiday request: the supported person or
    /// their representative whose support it affects, or an officer with
    /// the employer's duties; never the PA. Approval is refused if it
    /// would take more than is left of the leave year.
    pub async fn decide_holiday(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        request: &str,
        decision: &Decision,
    ) -> Result<HolidayRequest, LeaveError> {
        let today = self.leave_today()?;
        let mut tx = self.begin().await?;
        let pa = pa(&mut tx, scope, id).await?;
        if pa.tie == EmploymentTie::Own {
            return Err(LeaveError::OwnRequest);
        }
        require(rights(scope, &pa).decide)?;
        let before = one_request(&mut tx, scope, id, request).await?;
        if before.state != RequestState::Requested {
            return Err(LeaveError::NotAwaiting);
        }
        if let Decision::Approve = decision {
            let year = leave_year(&mut tx, scope, before.first).await?;
            let requests = requests_of(&mut tx, scope, id).await?;
            let periods = hours_worked_of(&mut tx, scope, id).await?;
            let balance = year_balance(&pa.stored, year, &requests, &periods, today)?;
            let remaining = balance.remaining()?;
            if before.hours > remaining {
                return Err(LeaveError::NotEnough {
                    asked: before.hours,
                    available: remaining.max(0),
                });
            }
        }
        let (state, reason) = match decision {
            Decision::Approve => (RequestState::Approved, None),
            Decision::Decline(reason) => (RequestState::Declined, Some(reason.clone())),
        };
        let now = self.now_ms();
        sqlx::query(
            "UPDATE holiday_requests SET state = $1, decided_by = $2, decided_at = $3, decline_reason = $4
             WHERE coop_id = $5 AND id = $6 AND state = 'requested'",
        )
        .bind(state.code())
        .bind(scope.account().as_str())
        .bind(now)
        .bind(reason.as_ref().map(|t| t.as_str().to_owned()))
        .bind(scope.coop_id().as_str())
        .bind(request)
        .execute(&mut *tx)
        .await?;
        let after = one_request(&mut tx, scope, id, request).await?;
        audit_request_change(&mut tx, scope, request, &before, &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Cancels a holiday request: the PA or an officer with the employer's
    /// duties. Approved holiday can be cancelled until its first day; once
    /// it has begun it is taken.
    pub async fn cancel_holiday(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        request: &str,
    ) -> Result<HolidayRequest, LeaveError> {
        let today = self.leave_today()?;
        let mut tx = self.begin().await?;
        let pa = pa(&mut tx, scope, id).await?;
        require(rights(scope, &pa).request)?;
        let before = one_request(&mut tx, scope, id, request).await?;
        match before.state {
            RequestState::Requested => {}
            RequestState::Approved if before.first > today => {}
            RequestState::Approved => return Err(LeaveError::AlreadyBegun),
            RequestState::Declined | RequestState::Cancelled => {
                return Err(LeaveError::NotAwaiting);
            }
        }
        sqlx::query(
            "UPDATE holiday_requests SET state = 'cancelled' WHERE coop_id = $1 AND id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(request)
        .execute(&mut *tx)
        .await?;
        let after = HolidayRequest {
            state: RequestState::Cancelled,
            ..before.clone()
        };
        audit_request_change(&mut tx, scope, request, &before, &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Records a sickness absence: the PA, or an officer with the
    /// employer's duties.
    pub async fn record_sickness(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        sickness: &Sickness,
        reason: Option<&Text>,
    ) -> Result<SicknessAbsence, LeaveError> {
        let today = self.leave_today()?;
        let sickness = Sickness::new(
            sickness.first,
            sickness.last,
            sickness.fit_note_received,
            today,
        )?;
        let mut tx = self.begin().await?;
        let pa = pa(&mut tx, scope, id).await?;
        require(rights(scope, &pa).record_sickness)?;
        if sickness.first < pa.stored.employment.start {
            return Err(LeaveError::OutsideEmployment);
        }
        let absence = SicknessAbsence {
            id: random_id(),
            sickness,
            reason: reason.cloned(),
        };
        let now = self.now_ms();
        sqlx::query(
            "INSERT INTO sickness_absences (id, coop_id, employment_id, first_day, last_day, fit_note_received_on, reason, recorded_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        )
        .bind(&absence.id)
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(sickness.first.to_string())
        .bind(sickness.last.map(|d| d.to_string()))
        .bind(sickness.fit_note_received.map(|d| d.to_string()))
        .bind(reason.map(|t| t.as_str().to_owned()))
        .bind(scope.account().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "sickness_absence",
                record_id: &absence.id,
                action: AuditAction::Created,
                before: None,
                after: Some(sickness_audit(id, &sickness, reason.is_some())),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(absence)
    }

    /// Records the end of a sickness absence or its fit note: the PA, or
    /// an officer with the employer's duties. A blank keeps what was there.
    pub async fn update_sickness(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        absence: &str,
        last: Option<Date>,
        fit_note_received: Option<Date>,
    ) -> Result<SicknessAbsence, LeaveError> {
        let today = self.leave_today()?;
        let mut tx = self.begin().await?;
        let pa = pa(&mut tx, scope, id).await?;
        require(rights(scope, &pa).record_sickness)?;
        let before = sickness_of(&mut tx, scope, id)
            .await?
            .into_iter()
            .find(|s| s.id == absence)
            .ok_or(LeaveError::NotFound)?;
        let old = before.sickness;
        let after = Sickness::new(
            old.first,
            last.or(old.last),
            fit_note_received.or(old.fit_note_received),
            today.max(old.first),
        )?;
        sqlx::query(
            "UPDATE sickness_absences SET last_day = $1, fit_note_received_on = $2, updated_at = $3 WHERE coop_id = $4 AND id = $5",
        )
        .bind(after.last.map(|d| d.to_string()))
        .bind(after.fit_note_received.map(|d| d.to_string()))
        .bind(self.now_ms())
        .bind(scope.coop_id().as_str())
        .bind(absence)
        .execute(&mut *tx)
        .await?;
        let given = before.reason.is_some();
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "sickness_absence",
                record_id: absence,
                action: AuditAction::Updated,
                before: Some(sickness_audit(id, &old, given)),
                after: Some(sickness_audit(id, &after, given)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(SicknessAbsence {
            sickness: after,
            ..before
        })
    }

    /// Records other leave (compassionate, parental, jury service …): the
    /// officers with the employer's duties.
    pub async fn record_other_leave(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        kind: OtherLeave,
        span: Span,
        note: Option<&Text>,
    ) -> Result<OtherLeaveRecord, LeaveError> {
        let mut tx = self.begin().await?;
        let pa = pa(&mut tx, scope, id).await?;
        require(rights(scope, &pa).record_other)?;
        let e = &pa.stored.employment;
        if span.first < e.start || e.ending.is_some_and(|x| span.last > x.last_day) {
            return Err(LeaveError::OutsideEmployment);
        }
        let record = OtherLeaveRecord {
            id: random_id(),
            kind,
            span,
            note: note.cloned(),
        };
        sqlx::query(
            "INSERT INTO other_leave (id, coop_id, employment_id, kind, first_day, last_day, note, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&record.id)
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(kind.code())
        .bind(span.first.to_string())
        .bind(span.last.to_string())
        .bind(note.map(|t| t.as_str().to_owned()))
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "other_leave",
                record_id: &record.id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({
                    "employment": id.as_str(),
                    "kind": kind.code(),
                    "first_day": span.first.to_string(),
                    "last_day": span.last.to_string(),
                    "note": note.map(Text::as_str),
                })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Records the hours a PA worked in the pay period ending on
    /// `period_end`, on which holiday accrues for irregular-hours and
    /// part-year PAs: the officers with the employer's duties. Recording a
    /// period again replaces its hours.
    pub async fn record_hours_worked(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        period: PeriodHours,
    ) -> Result<(), LeaveError> {
        require(has_employer_duties(scope.roles()))?;
        if period.hours_worked < 0 {
            return Err(LeaveError::Holiday(HolidayError::Negative));
        }
        let mut tx = self.begin().await?;
        pa(&mut tx, scope, id).await?;
        let end = period.period_end.to_string();
        let before: Option<i64> = sqlx::query_scalar(
            "SELECT hours FROM leave_hours_worked WHERE coop_id = $1 AND employment_id = $2 AND period_end = $3",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(&end)
        .fetch_optional(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM leave_hours_worked WHERE coop_id = $1 AND employment_id = $2 AND period_end = $3",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(&end)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO leave_hours_worked (coop_id, employment_id, period_end, hours, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(&end)
        .bind(period.hours_worked)
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        let record_id = format!("{}/{end}", id.as_str());
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "leave_hours_worked",
                record_id: &record_id,
                action: if before.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: before.map(|h| json!({"hours": h})),
                after: Some(json!({"hours": period.hours_worked})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The holiday requests awaiting the caller's decision: for an officer
    /// with the employer's duties, every PA's but their own; for a
    /// supported person or their representative, those of the PAs who work
    /// with them; for anyone else, none.
    pub async fn holiday_requests_awaiting(
        &self,
        scope: &CoopScope,
    ) -> Result<Vec<HolidayRequest>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let waiting: Vec<HolidayRequest> = sqlx::query(sqlx::AssertSqlSafe(request_sql(
            " AND r.state = 'requested'",
        )))
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(request_from_row)
        .collect::<Result<_, _>>()?;
        if waiting.is_empty() {
            return Ok(waiting);
        }
        let stored = super::load(&mut conn, scope.coop_id(), None).await?;
        let links = links(&mut conn, scope.coop_id(), None).await?;
        Ok(waiting
            .into_iter()
            .filter(|r| {
                stored
                    .iter()
                    .find(|s| s.id == r.employment)
                    .is_some_and(|s| decides_holiday(scope.roles(), tie(scope, s, &links)))
            })
            .collect())
    }
}

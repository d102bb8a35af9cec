//! The rota's shifts: a time, the supported people it is for, and the PA on
//! it, if any. A call that needs two PAs is two shifts.
//!
//! A PA is put on a shift only when every rule of
//! [`cylch_employment::rostering`] allows it (rules 10 and 12-14), checked in
//! the same transaction that writes it, with the co-operative locked so
//! that two coordinators cannot each put the same PA on overlapping shifts.
//! A refusal names every reason at once.
//!
//! Checks run out by themselves, so [`Store::take_unfit_off_shifts`] looks
//! at the shifts to come each day and takes off any PA whose checks will
//! not be in date on the shift's day; the shift keeps who was taken off and
//! why, for the rota's explanation, and the coordinators are told.
//!
//! Whose shifts: [`sees_shift`] decides, shift by shift. Someone who may
//! not see a shift is told it does not exist.

pub mod availability;
mod codec;
pub mod instance;
pub mod needs;
mod sweep;

pub use sweep::TakenOffShift;

use std::collections::BTreeMap;

use cylch_domain::policy::{has_employer_duties, sees_shift};
use cylch_employment::rostering::{
    self, Assessment, Candidate, Caution, Opening, ShiftKind, Unfit,
};
use cylch_employment::working_time::{Shift as Timed, WorkingTimeError};
use cylch_payroll::Date;
use jiff::civil::DateTime;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::audit::{self, AuditAction, Change};
use crate::employment::{self as employment_store, EmploymentError};
use crate::{CoopId, CoopScope, EmploymentId, ShiftId, Store, StoreError};

/// A field of the shift form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ShiftField {
    Start,
    End,
    Break,
    People,
    Pa,
}

impl ShiftField {
    pub fn code(self) -> &'static str {
        match self {
            ShiftField::Start => "start",
            ShiftField::End => "end",
            ShiftField::Break => "break",
            ShiftField::People => "people",
            ShiftField::Pa => "pa",
        }
    }
}

/// What is wrong with a field of a new shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShiftProblem {
    EndNotAfterStart,
    /// Longer than the working-time rules accept in one shift.
    TooLong,
    /// The time does not exist: the clocks go forward over it.
    ClocksGoForward,
    /// Negative, or longer than the shift.
    BadBreak,
    NoPeople,
    /// More people than a family co-operative supports.
    TooManyPeople,
    /// Not a supported person of this co-operative.
    NotSupportedHere,
    /// No PA of this co-operative by that id.
    NoSuchPa,
}

impl ShiftProblem {
    pub fn code(self) -> &'static str {
        match self {
            ShiftProblem::EndNotAfterStart => "end-not-after-start",
            ShiftProblem::TooLong => "too-long",
            ShiftProblem::ClocksGoForward => "clocks-go-forward",
            ShiftProblem::BadBreak => "bad-break",
            ShiftProblem::NoPeople => "no-people",
            ShiftProblem::TooManyPeople => "too-many-people",
            ShiftProblem::NotSupportedHere => "not-supported-here",
            ShiftProblem::NoSuchPa => "no-such-pa",
        }
    }
}

/// A shift to put on the rota, in the local times people plan in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewShift {
    pub start: DateTime,
    pub end: DateTime,
    pub kind: ShiftKind,
    pub break_minutes: i64,
    /// The supported people it is for, by id; more than one is a shared
    /// session.
    pub people: Vec<String>,
    pub pa: Option<EmploymentId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftPerson {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftPa {
    pub employment: EmploymentId,
    pub name: String,
}

/// A PA Cylch took off a shift, and the codes of why
/// ([`Unfit::code`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakenOff {
    pub pa: ShiftPa,
    pub reasons: Vec<String>,
}

/// One shift as its viewer may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RotaShift {
    pub id: ShiftId,
    pub start: DateTime,
    pub end: DateTime,
    pub kind: ShiftKind,
    pub break_minutes: i64,
    pub people: Vec<ShiftPerson>,
    pub pa: Option<ShiftPa>,
    pub taken_off: Option<TakenOff>,
    pub cancelled: bool,
}

impl RotaShift {
    /// The local day the shift counts on: the day it starts.
    pub fn day(&self) -> jiff::civil::Date {
        self.start.date()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RotaError {
    /// Every problem with the shift at once, at its field.
    #[error("the shift has {} problems", .0.len())]
    Invalid(Vec<(ShiftField, ShiftProblem)>),
    /// No such shift, or not one the caller may see.
    #[error("no such shift")]
    NotFound,
    #[error("only the officers with the employer's duties manage the rota")]
    NeedsEmployerDuties,
    /// The PA may not work this shift: every reason, with the names of the
    /// shift's people by id for the words.
    #[error("this PA may not work this shift ({} reasons)", .reasons.len())]
    Unfit {
        pa: String,
        reasons: Vec<Unfit>,
        people: BTreeMap<String, String>,
    },
    #[error("the shift has been cancelled")]
    Cancelled,
    /// Taking the PA off a shift that has none.
    #[error("the shift has no PA to take off")]
    NoPa,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for RotaError {
    fn from(err: sqlx::Error) -> Self {
        RotaError::Store(err.into())
    }
}

/// Most supported people in one shared session: a family co-operative
/// supports at most four people (rule 1).
pub const MAX_PEOPLE: usize = 4;

/// The longest window one rota read covers.
pub const MAX_DAYS: i64 = 62;

fn require_employer(scope: &CoopScope) -> Result<(), RotaError> {
    if has_employer_duties(scope.roles()) {
        Ok(())
    } else {
        Err(RotaError::NeedsEmployerDuties)
    }
}

/// The shift's times as instants, or each problem at its field.
pub fn timed(
    start: DateTime,
    end: DateTime,
    break_minutes: i64,
) -> Result<Timed, Vec<(ShiftField, ShiftProblem)>> {
    let tz = crate::clock::wales();
    let mut problems = Vec::new();
    let start_at = rostering_instant(&tz, start, ShiftField::Start, &mut problems);
    let end_at = rostering_instant(&tz, end, ShiftField::End, &mut problems);
    let (Some(start_at), Some(end_at)) = (start_at, end_at) else {
        return Err(problems);
    };
    Timed::new(start_at, end_at, break_minutes).map_err(|e| {
        vec![match e {
            WorkingTimeError::EndNotAfterStart => (ShiftField::End, ShiftProblem::EndNotAfterStart),
            WorkingTimeError::ShiftTooLong => (ShiftField::End, ShiftProblem::TooLong),
            WorkingTimeError::BadBreak => (ShiftField::Break, ShiftProblem::BadBreak),
            _ => (ShiftField::Start, ShiftProblem::ClocksGoForward),
        }]
    })
}

fn rostering_instant(
    tz: &jiff::tz::TimeZone,
    local: DateTime,
    field: ShiftField,
    problems: &mut Vec<(ShiftField, ShiftProblem)>,
) -> Option<jiff::Timestamp> {
    match cylch_employment::working_time::instant(tz, local) {
        Ok(at) => Some(at),
        Err(_) => {
            problems.push((field, ShiftProblem::ClocksGoForward));
            None
        }
    }
}

/// The payroll calendar's date for a local day.
fn civil(d: jiff::civil::Date) -> Result<Date, StoreError> {
    crate::employment::codec_from_jiff(d)
}

/// The PA's other shifts near `timed`: the 17-week reference period and a
/// week before it, and a fortnight after, as the working-time rules read
/// them. At most the checker's limit.
async fn other_shifts(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: &EmploymentId,
    timed: &Timed,
    except: Option<&ShiftId>,
) -> Result<Vec<Timed>, StoreError> {
    let week_ms = 7 * 24 * 3600 * 1000;
    let from = timed.start().as_millisecond() - 18 * week_ms;
    let to = timed.end().as_millisecond() + 2 * week_ms;
    let limit = i64::try_from(cylch_employment::working_time::MAX_SHIFTS - 1).unwrap_or(1_000);
    let rows = sqlx::query(
        "SELECT id, starts_at, ends_at, break_minutes FROM shifts
         WHERE coop_id = $1 AND employment_id = $2 AND cancelled_at IS NULL
           AND starts_at < $3 AND ends_at > $4
         ORDER BY starts_at LIMIT $5",
    )
    .bind(coop.as_str())
    .bind(pa.as_str())
    .bind(to)
    .bind(from)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::new();
    for row in &rows {
        let id: String = row.try_get(0)?;
        if except.is_some_and(|e| e.as_str() == id) {
            continue;
        }
        out.push(codec::timed_from_row(
            row.try_get(1)?,
            row.try_get(2)?,
            row.try_get(3)?,
        )?);
    }
    Ok(out)
}

/// Whether a signed opt-out of the 48-hour average stands on `day`.
async fn opted_out(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: &EmploymentId,
    day: Date,
) -> Result<bool, StoreError> {
    let day = day.to_string();
    let found: Option<String> = sqlx::query_scalar(
        "SELECT id FROM working_time_opt_outs
         WHERE coop_id = $1 AND employment_id = $2 AND signed_on <= $3
           AND (withdrawn_on IS NULL OR withdrawn_on > $3)
         LIMIT 1",
    )
    .bind(coop.as_str())
    .bind(pa.as_str())
    .bind(day)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

/// One PA judged for one shift, with their name; `None` when the
/// co-operative employs nobody by that id.
pub(crate) async fn assess_pa(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: &EmploymentId,
    opening: &Opening<'_>,
    except: Option<&ShiftId>,
) -> Result<Option<(String, Assessment)>, StoreError> {
    let Some(stored) = employment_store::load_one(conn, coop, pa).await? else {
        return Ok(None);
    };
    let links = employment_store::links(conn, coop, Some(pa)).await?;
    let works_with: Vec<String> = links.iter().map(|l| l.works_with.person.clone()).collect();
    let mut checks = employment_store::own_checks(conn, coop, pa).await?;
    checks.employers_liability = employment_store::insurance_on(conn, coop, opening.day).await?;
    let others = other_shifts(conn, coop, pa, &opening.shift, except).await?;
    let opted_out = opted_out(conn, coop, pa, opening.day).await?;
    let in_force = employment_store::in_force(conn, coop).await?;
    let real_living_wage = in_force.real_living_wage();
    let assessment = rostering::assess(
        &Candidate {
            employment: &stored.employment,
            checks: &checks,
            settings: &in_force.settings.checks(),
            needs: employment_store::needs(&links),
            works_with: &works_with,
            other_shifts: &others,
            opted_out,
            limits: &in_force.settings.limits(),
            real_living_wage: real_living_wage.as_ref(),
        },
        opening,
        &crate::clock::wales(),
    )
    .map_err(|e| StoreError::Corrupt(format!("a shift the checker cannot read: {e}")))?;
    Ok(Some((
        stored.employment.name.as_str().to_owned(),
        assessment,
    )))
}

/// The names of the supported people of `coop` among `ids`.
async fn people_named(
    conn: &mut AnyConnection,
    coop: &CoopId,
    ids: &[String],
) -> Result<BTreeMap<String, String>, StoreError> {
    let mut out = BTreeMap::new();
    for id in ids {
        let name: Option<String> =
            sqlx::query_scalar("SELECT name FROM supported_people WHERE coop_id = $1 AND id = $2")
                .bind(coop.as_str())
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        if let Some(name) = name {
            out.insert(id.clone(), name);
        }
    }
    Ok(out)
}

fn audit_view(id: &ShiftId, s: &NewShift) -> serde_json::Value {
    json!({
        "id": id.as_str(),
        "start": codec::local(s.start),
        "end": codec::local(s.end),
        "kind": s.kind.code(),
        "break_minutes": s.break_minutes,
        "people": s.people,
        "pa": s.pa.as_ref().map(EmploymentId::as_str),
    })
}

impl Store {
    /// Puts a shift on the rota, with its PA if one is given: the whole
    /// shift is checked, and the PA judged by every rule, before anything
    /// is written. Cautions (a short break, a rate below the Real Living
    /// Wage) come back beside the shift.
    pub async fn add_shift(
        &self,
        scope: &CoopScope,
        shift: &NewShift,
    ) -> Result<(RotaShift, Vec<Caution>), RotaError> {
        require_employer(scope)?;
        let mut problems = Vec::new();
        let timed = match timed(shift.start, shift.end, shift.break_minutes) {
            Ok(t) => Some(t),
            Err(p) => {
                problems.extend(p);
                None
            }
        };
        let mut people = shift.people.clone();
        people.sort();
        people.dedup();
        if people.is_empty() {
            problems.push((ShiftField::People, ShiftProblem::NoPeople));
        } else if people.len() > MAX_PEOPLE {
            problems.push((ShiftField::People, ShiftProblem::TooManyPeople));
        }
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let names = people_named(&mut tx, scope.coop_id(), &people).await?;
        if names.len() != people.len() && !people.is_empty() {
            problems.push((ShiftField::People, ShiftProblem::NotSupportedHere));
        }
        let Some(timed) = timed else {
            problems.sort_by_key(|p| p.0);
            return Err(RotaError::Invalid(problems));
        };
        if !problems.is_empty() {
            problems.sort_by_key(|p| p.0);
            return Err(RotaError::Invalid(problems));
        }
        let day = civil(shift.start.date())?;
        let mut cautions = Vec::new();
        let mut pa = None;
        if let Some(employment) = &shift.pa {
            let opening = Opening {
                shift: timed,
                kind: shift.kind,
                people: &people,
                day,
            };
            let Some((name, assessment)) =
                assess_pa(&mut tx, scope.coop_id(), employment, &opening, None).await?
            else {
                return Err(RotaError::Invalid(vec![(
                    ShiftField::Pa,
                    ShiftProblem::NoSuchPa,
                )]));
            };
            if !assessment.fit() {
                return Err(RotaError::Unfit {
                    pa: name,
                    reasons: assessment.unfit,
                    people: names,
                });
            }
            cautions = assessment.cautions;
            pa = Some(ShiftPa {
                employment: employment.clone(),
                name,
            });
        }
        let id = ShiftId::new();
        let now = self.now_ms();
        sqlx::query(
            "INSERT INTO shifts (id, coop_id, starts_local, ends_local, starts_at, ends_at, kind, break_minutes, employment_id, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
        )
        .bind(id.as_str())
        .bind(scope.coop_id().as_str())
        .bind(codec::local(shift.start))
        .bind(codec::local(shift.end))
        .bind(timed.start().as_millisecond())
        .bind(timed.end().as_millisecond())
        .bind(shift.kind.code())
        .bind(shift.break_minutes)
        .bind(shift.pa.as_ref().map(|p| p.as_str().to_owned()))
        .bind(scope.account().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for person in &people {
            sqlx::query(
                "INSERT INTO shift_people (coop_id, shift_id, person_id) VALUES ($1, $2, $3)",
            )
            .bind(scope.coop_id().as_str())
            .bind(id.as_str())
            .bind(person)
            .execute(&mut *tx)
            .await?;
        }
        let recorded = NewShift {
            people: people.clone(),
            ..shift.clone()
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "shift",
                record_id: id.as_str(),
                action: AuditAction::Created,
                before: None,
                after: Some(audit_view(&id, &recorded)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok((
            RotaShift {
                id,
                start: shift.start,
                end: shift.end,
                kind: shift.kind,
                break_minutes: shift.break_minutes,
                people: names
                    .into_iter()
                    .map(|(id, name)| ShiftPerson { id, name })
                    .collect(),
                pa,
                taken_off: None,
                cancelled: false,
            },
            cautions,
        ))
    }

    /// Puts a PA on a shift, in place of whoever was on it, if every rule
    /// allows it.
    pub async fn assign_shift(
        &self,
        scope: &CoopScope,
        id: &ShiftId,
        pa: &EmploymentId,
    ) -> Result<Vec<Caution>, RotaError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let shift = codec::load(&mut tx, scope.coop_id(), id)
            .await?
            .ok_or(RotaError::NotFound)?;
        if shift.cancelled {
            return Err(RotaError::Cancelled);
        }
        let timed = timed(shift.start, shift.end, shift.break_minutes)
            .map_err(|_| StoreError::Corrupt(format!("shift {} times", id.as_str())))?;
        let people: Vec<String> = shift.people.iter().map(|p| p.id.clone()).collect();
        let opening = Opening {
            shift: timed,
            kind: shift.kind,
            people: &people,
            day: civil(shift.day())?,
        };
        let Some((name, assessment)) =
            assess_pa(&mut tx, scope.coop_id(), pa, &opening, Some(id)).await?
        else {
            return Err(RotaError::Invalid(vec![(
                ShiftField::Pa,
                ShiftProblem::NoSuchPa,
            )]));
        };
        if !assessment.fit() {
            return Err(RotaError::Unfit {
                pa: name,
                reasons: assessment.unfit,
                people: shift
                    .people
                    .iter()
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect(),
            });
        }
        sqlx::query(
            "UPDATE shifts SET employment_id = $1, taken_off_employment_id = NULL, taken_off_reasons = NULL, taken_off_at = NULL, updated_at = $2
             WHERE coop_id = $3 AND id = $4",
        )
        .bind(pa.as_str())
        .bind(self.now_ms())
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "shift",
                record_id: id.as_str(),
                action: AuditAction::Updated,
                before: Some(json!({"pa": shift.pa.as_ref().map(|p| p.employment.as_str())})),
                after: Some(json!({"pa": pa.as_str()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(assessment.cautions)
    }

    /// Takes the PA off a shift, leaving it to be covered; refused when
    /// no PA is on it, so that every answer of success is a change audited.
    pub async fn unassign_shift(&self, scope: &CoopScope, id: &ShiftId) -> Result<(), RotaError> {
        self.change_shift(scope, id, "UPDATE shifts SET employment_id = NULL, updated_at = $1 WHERE coop_id = $2 AND id = $3 AND employment_id IS NOT NULL", "pa", json!(null))
            .await
    }

    /// Cancels a shift: it stays on record, marked cancelled, with no PA.
    /// Cancelling it again is refused.
    pub async fn cancel_shift(&self, scope: &CoopScope, id: &ShiftId) -> Result<(), RotaError> {
        self.change_shift(scope, id, "UPDATE shifts SET cancelled_at = $1, employment_id = NULL, updated_at = $1 WHERE coop_id = $2 AND id = $3 AND cancelled_at IS NULL", "cancelled", json!(true))
            .await
    }

    async fn change_shift(
        &self,
        scope: &CoopScope,
        id: &ShiftId,
        sql: &'static str,
        field: &str,
        after: serde_json::Value,
    ) -> Result<(), RotaError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        let shift = codec::load(&mut tx, scope.coop_id(), id)
            .await?
            .ok_or(RotaError::NotFound)?;
        let changed = sqlx::query(sql)
            .bind(self.now_ms())
            .bind(scope.coop_id().as_str())
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if changed == 0 {
            return Err(if shift.cancelled {
                RotaError::Cancelled
            } else {
                RotaError::NoPa
            });
        }
        let before = match field {
            "pa" => json!(shift.pa.as_ref().map(|p| p.employment.as_str())),
            _ => json!(shift.cancelled),
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "shift",
                record_id: id.as_str(),
                action: AuditAction::Updated,
                before: Some(json!({ field: before })),
                after: Some(json!({ field: after })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The shifts the caller may see that start on the `days` days from
    /// `from`, in order.
    pub async fn shifts(
        &self,
        scope: &CoopScope,
        from: jiff::civil::Date,
        days: i64,
    ) -> Result<Vec<RotaShift>, StoreError> {
        let days = days.clamp(1, MAX_DAYS);
        let tz = crate::clock::wales();
        let start = codec::day_start_ms(&tz, from)?;
        let end = codec::day_start_ms(
            &tz,
            from.checked_add(jiff::Span::new().days(days))
                .map_err(|_| StoreError::Corrupt(format!("date {from}")))?,
        )?;
        let mut conn = self.pool().acquire().await?;
        let all = codec::load_between(&mut conn, scope.coop_id(), start, end).await?;
        Ok(all
            .into_iter()
            .filter(|(_, tie)| sees_shift(scope.roles(), tie.of(scope)))
            .map(|(shift, _)| shift)
            .collect())
    }

    /// One shift, if the caller may see it.
    pub async fn shift(&self, scope: &CoopScope, id: &ShiftId) -> Result<RotaShift, RotaError> {
        let mut conn = self.pool().acquire().await?;
        let (shift, tie) = codec::load_with_tie(&mut conn, scope.coop_id(), id)
            .await?
            .ok_or(RotaError::NotFound)?;
        if sees_shift(scope.roles(), tie.of(scope)) {
            Ok(shift)
        } else {
            Err(RotaError::NotFound)
        }
    }

    /// Each PA who works with everyone on the shift, judged for it: what
    /// the form to put a PA on it offers, with the reasons beside each.
    pub async fn candidates(
        &self,
        scope: &CoopScope,
        id: &ShiftId,
    ) -> Result<Vec<(ShiftPa, Assessment)>, RotaError> {
        require_employer(scope)?;
        let mut conn = self.pool().acquire().await?;
        let shift = codec::load(&mut conn, scope.coop_id(), id)
            .await?
            .ok_or(RotaError::NotFound)?;
        let timed = timed(shift.start, shift.end, shift.break_minutes)
            .map_err(|_| StoreError::Corrupt(format!("shift {} times", id.as_str())))?;
        let people: Vec<String> = shift.people.iter().map(|p| p.id.clone()).collect();
        let opening = Opening {
            shift: timed,
            kind: shift.kind,
            people: &people,
            day: civil(shift.day())?,
        };
        let employments = employment_ids(&mut conn, scope.coop_id()).await?;
        let mut out = Vec::new();
        for employment in employments {
            if let Some((name, assessment)) =
                assess_pa(&mut conn, scope.coop_id(), &employment, &opening, Some(id)).await?
            {
                // Someone who has left, or never worked with these people,
                // is no candidate at all.
                let irrelevant = assessment
                    .unfit
                    .iter()
                    .any(|u| matches!(u, Unfit::Ended(_) | Unfit::NotTheirPa(_)));
                if !irrelevant {
                    out.push((ShiftPa { employment, name }, assessment));
                }
            }
        }
        Ok(out)
    }

    /// The day the PA signed the opt-out of the 48-hour average that stands
    /// today, if one does: for those who may see the PA's whole record.
    pub async fn opt_out_of(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
    ) -> Result<Option<Date>, EmploymentError> {
        let mut conn = self.pool().acquire().await?;
        // Whose record: the same as the employment record's.
        self.require_full(&mut conn, scope, pa).await?;
        let today = civil(self.today())?;
        let signed: Option<String> = sqlx::query_scalar(
            "SELECT signed_on FROM working_time_opt_outs
             WHERE coop_id = $1 AND employment_id = $2 AND signed_on <= $3
               AND (withdrawn_on IS NULL OR withdrawn_on > $3)
             ORDER BY signed_on DESC LIMIT 1",
        )
        .bind(scope.coop_id().as_str())
        .bind(pa.as_str())
        .bind(today.to_string())
        .fetch_optional(&mut *conn)
        .await?;
        signed
            .map(|raw| {
                Date::parse(&raw).map_err(|_| {
                    EmploymentError::Store(StoreError::Corrupt(format!("opt-out date {raw:?}")))
                })
            })
            .transpose()
    }

    /// Records a PA's signed opt-out of the 48-hour average (reg. 5).
    pub async fn record_opt_out(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        signed_on: Date,
    ) -> Result<(), RotaError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        if employment_store::load_one(&mut tx, scope.coop_id(), pa)
            .await?
            .is_none()
        {
            return Err(RotaError::NotFound);
        }
        let id = crate::ids::random_id();
        sqlx::query(
            "INSERT INTO working_time_opt_outs (id, coop_id, employment_id, signed_on, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(pa.as_str())
        .bind(signed_on.to_string())
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "working_time_opt_out",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"employment": pa.as_str(), "signed_on": signed_on.to_string()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn employment_ids(
    conn: &mut AnyConnection,
    coop: &CoopId,
) -> Result<Vec<EmploymentId>, StoreError> {
    let ids: Vec<String> =
        sqlx::query_scalar("SELECT id FROM employments WHERE coop_id = $1 ORDER BY name, id")
            .bind(coop.as_str())
            .fetch_all(&mut *conn)
            .await?;
    Ok(ids.into_iter().map(EmploymentId::from_db).collect())
}

impl From<EmploymentError> for RotaError {
    fn from(err: EmploymentError) -> Self {
        match err {
            EmploymentError::Store(e) => RotaError::Store(e),
            _ => RotaError::NotFound,
        }
    }
}

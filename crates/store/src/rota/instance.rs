//! The planning problem in the roster format (`shared/docs/roster-format.md`)
//! for a run of days, from the needs and availability records.
//!
//! The store loads the records ([`Store::roster_instance`]); [`build`], a
//! pure function, turns them into the instance, so that the rules of the
//! translation are tested without a database:
//!
//! - Days run from midnight (`day_boundary` `00:00`), so that every call on
//!   a date counts on that date, a night call after midnight included.
//! - A routine gives one need a day it runs, less the people whose
//!   exception takes them off it that day (a shared session goes on for the
//!   others); an extra call gives one need. Needs are named
//!   `<routine>-<date>` and by the exception's id.
//! - Skills: a call's own, and `welsh` when anyone in it asks for Welsh as
//!   a requirement. A PA has `welsh` if they speak it, and a call's skill
//!   when their training for it counts through the whole run.
//! - Welsh as a strong preference makes the Welsh speakers among the
//!   person's PAs preferred (beside any the person prefers by name).
//! - A person's `excluded_pas` are the PAs they do not want and every PA
//!   who does not work with them (the employment rules allow no other).
//! - A PA is available in their weekly hours and extra dates, less the
//!   dates they cannot work, their holiday, sickness and other leave, and
//!   the days before their employment starts or after it ends.
//! - Local times are written as the wall clock in Wales says them. A time
//!   the spring clock change skips is moved on as the clocks are (01:30
//!   becomes 02:30), so the instance never names a time that does not
//!   happen; across either change, a call lasts what the clock says.

use std::collections::{BTreeMap, BTreeSet};

use cylch_domain::policy::has_employer_duties;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use serde::Serialize;

use super::availability::{
    self, Availability, AvailabilityExceptionKind, Away, Contracted, Slot, contracted_in,
};
use super::needs::{
    self, ExceptionKind, NeedException, Preferences, Routine, WELSH_SKILL, WelshNeed,
};
use crate::employment as employment_store;
use crate::{CoopScope, EmploymentId, Store, StoreError};

/// A supported person, as planning needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanPerson {
    pub id: String,
    pub preferences: Preferences,
}

/// A PA, as planning needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanPa {
    pub id: EmploymentId,
    pub hourly_rate_pence: i64,
    pub welsh_speaker: bool,
    /// The roster format's skills their training gives them through the
    /// whole run (without `welsh`).
    pub skills: Vec<String>,
    pub opted_out_48h: bool,
    /// The supported people they work with, by id.
    pub works_with: Vec<String>,
    pub first_day: Date,
    pub last_day: Option<Date>,
    pub availability: Availability,
}

/// Everything the instance is made from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanningRecords {
    /// The people supported at some time in the run.
    pub people: Vec<PlanPerson>,
    pub pas: Vec<PlanPa>,
    /// Routines with the ids of the people in them.
    pub routines: Vec<Routine>,
    /// Dated exceptions, each with its person's id.
    pub exceptions: Vec<(String, NeedException)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Horizon {
    pub start: String,
    pub days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterPerson {
    pub id: String,
    pub preferred_pas: Vec<String>,
    pub excluded_pas: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interval {
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterPa {
    pub id: String,
    pub hourly_rate_pence: i64,
    pub skills: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contracted_minutes_per_week: Option<i64>,
    pub opted_out_48h: bool,
    pub available: Vec<Interval>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterNeed {
    pub id: String,
    pub people: Vec<String>,
    pub start: String,
    pub end: String,
    pub pas_required: i64,
    pub skills: Vec<String>,
}

/// The instance in the roster format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RosterInstance {
    pub horizon: Horizon,
    pub timezone: String,
    pub day_boundary: String,
    pub people: Vec<RosterPerson>,
    pub pas: Vec<RosterPa>,
    pub needs: Vec<RosterNeed>,
}

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("only the officers with the employer's duties plan the rota")]
    NeedsEmployerDuties,
    /// The last day before the first, or more days than one read covers.
    #[error("the days asked for cannot be planned at once")]
    BadRange,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PlanError {
    fn from(err: sqlx::Error) -> Self {
        PlanError::Store(err.into())
    }
}

fn local(at: DateTime) -> String {
    at.strftime("%Y-%m-%dT%H:%M").to_string()
}

/// The wall-clock time the clocks show for `at`: itself, or, inside the
/// spring gap, the time the clocks moved on to.
fn shown(tz: &TimeZone, at: DateTime) -> Option<DateTime> {
    tz.to_ambiguous_zoned_datetime(at)
        .compatible()
        .ok()
        .map(|z| z.datetime())
}

fn days(from: Date, to: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let mut d = from;
    while d <= to {
        out.push(d);
        match d.tomorrow() {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    out
}

fn midnight(d: Date) -> DateTime {
    d.to_datetime(jiff::civil::Time::midnight())
}

/// `intervals` less `[cut.0, cut.1)`.
fn subtract(
    intervals: Vec<(DateTime, DateTime)>,
    cut: (DateTime, DateTime),
) -> Vec<(DateTime, DateTime)> {
    let mut out = Vec::new();
    for (s, e) in intervals {
        if cut.1 <= s || e <= cut.0 {
            out.push((s, e));
            continue;
        }
        if s < cut.0 {
            out.push((s, cut.0));
        }
        if cut.1 < e {
            out.push((cut.1, e));
        }
    }
    out
}

fn merge(mut intervals: Vec<(DateTime, DateTime)>) -> Vec<(DateTime, DateTime)> {
    intervals.sort();
    let mut out: Vec<(DateTime, DateTime)> = Vec::new();
    for (s, e) in intervals {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// A whole local day as an interval.
fn whole_day(d: Date) -> Option<(DateTime, DateTime)> {
    Some((midnight(d), midnight(d.tomorrow().ok()?)))
}

fn available(pa: &PlanPa, from: Date, to: Date, tz: &TimeZone) -> Vec<Interval> {
    let a = &pa.availability;
    // From the day before, for a night that runs into the first day.
    let first = from.yesterday().unwrap_or(from);
    let mut open = Vec::new();
    for d in days(first, to) {
        for Slot {
            weekdays, times, ..
        } in &a.slots
        {
            if weekdays.contains(d.weekday())
                && let Some(span) = times.on(d)
            {
                open.push(span);
            }
        }
        for e in a.exceptions.iter().filter(|e| e.date == d) {
            if let AvailabilityExceptionKind::Extra(times) = e.kind
                && let Some(span) = times.on(d)
            {
                open.push(span);
            }
        }
    }
    let mut open = merge(open);
    let last = to.tomorrow().unwrap_or(to);
    for d in days(first, last) {
        let off = a
            .exceptions
            .iter()
            .any(|e| e.date == d && e.kind == AvailabilityExceptionKind::Unavailable)
            || a.away.iter().any(|w: &Away| w.covers(d))
            || d < pa.first_day
            || pa.last_day.is_some_and(|l| d > l);
        if off && let Some(day) = whole_day(d) {
            open = subtract(open, day);
        }
    }
    open.into_iter()
        .filter_map(|(s, e)| {
            let (s, e) = (shown(tz, s)?, shown(tz, e)?);
            (e > s).then(|| Interval {
                start: local(s),
                end: local(e),
            })
        })
        .collect()
}

/// Builds the instance for the days `from` to `to`, both included.
pub fn build(records: &PlanningRecords, from: Date, to: Date) -> Result<RosterInstance, PlanError> {
    let count = i64::try_from(days(from, to).len()).unwrap_or(i64::MAX);
    if to < from || count > super::MAX_DAYS {
        return Err(PlanError::BadRange);
    }
    let tz = crate::clock::wales();
    let people_ids: BTreeSet<&str> = records.people.iter().map(|p| p.id.as_str()).collect();
    let pa_ids: Vec<&str> = records.pas.iter().map(|p| p.id.as_str()).collect();
    let welsh_of: BTreeMap<&str, WelshNeed> = records
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.preferences.welsh))
        .collect();
    let people = records
        .people
        .iter()
        .map(|p| {
            let known = |list: &[EmploymentId]| -> Vec<String> {
                list.iter()
                    .filter(|id| pa_ids.contains(&id.as_str()))
                    .map(|id| id.as_str().to_owned())
                    .collect()
            };
            let mut preferred: BTreeSet<String> =
                known(&p.preferences.preferred).into_iter().collect();
            if p.preferences.welsh == WelshNeed::Preferred {
                preferred.extend(
                    records
                        .pas
                        .iter()
                        .filter(|pa| pa.welsh_speaker && pa.works_with.contains(&p.id))
                        .map(|pa| pa.id.as_str().to_owned()),
                );
            }
            let mut excluded: BTreeSet<String> =
                known(&p.preferences.not_wanted).into_iter().collect();
            excluded.extend(
                records
                    .pas
                    .iter()
                    .filter(|pa| !pa.works_with.contains(&p.id))
                    .map(|pa| pa.id.as_str().to_owned()),
            );
            // A PA both preferred and excluded is simply excluded.
            preferred.retain(|pa| !excluded.contains(pa));
            RosterPerson {
                id: p.id.clone(),
                preferred_pas: preferred.into_iter().collect(),
                excluded_pas: excluded.into_iter().collect(),
            }
        })
        .collect();
    let pas = records
        .pas
        .iter()
        .map(|pa| {
            let mut skills = pa.skills.clone();
            if pa.welsh_speaker {
                skills.push(WELSH_SKILL.to_owned());
            }
            skills.sort();
            skills.dedup();
            RosterPa {
                id: pa.id.as_str().to_owned(),
                hourly_rate_pence: pa.hourly_rate_pence,
                skills,
                contracted_minutes_per_week: pa.availability.contracted.minutes(),
                opted_out_48h: pa.opted_out_48h,
                available: available(pa, from, to, &tz),
            }
        })
        .collect();
    let mut needs = Vec::new();
    let need = |id: String,
                people: Vec<String>,
                day: Date,
                times: needs::Times,
                pas_required: i64,
                skills: &[needs::Skill]| {
        let (s, e) = times.on(day)?;
        let (s, e) = (shown(&tz, s)?, shown(&tz, e)?);
        if e <= s {
            return None;
        }
        let mut skills: Vec<String> = skills.iter().map(|s| s.code().to_owned()).collect();
        if people
            .iter()
            .any(|p| welsh_of.get(p.as_str()) == Some(&WelshNeed::Required))
        {
            skills.push(WELSH_SKILL.to_owned());
        }
        skills.sort();
        skills.dedup();
        Some(RosterNeed {
            id,
            people,
            start: local(s),
            end: local(e),
            pas_required,
            skills,
        })
    };
    for day in days(from, to) {
        for r in &records.routines {
            if !r.runs_on(day) {
                continue;
            }
            let off: BTreeSet<&str> = records
                .exceptions
                .iter()
                .filter(|(_, e)| {
                    e.date == day
                        && matches!(&e.kind, ExceptionKind::Skip { routine } if *routine == r.id)
                })
                .map(|(p, _)| p.as_str())
                .collect();
            let people: Vec<String> = r
                .people
                .iter()
                .map(|p| p.id.clone())
                .filter(|p| people_ids.contains(p.as_str()) && !off.contains(p.as_str()))
                .collect();
            if people.is_empty() {
                continue;
            }
            needs.extend(need(
                format!("{}-{day}", r.id),
                people,
                day,
                r.times,
                r.pas_required,
                &r.skills,
            ));
        }
        for (person, e) in records.exceptions.iter().filter(|(_, e)| e.date == day) {
            if let ExceptionKind::Extra(call) = &e.kind
                && people_ids.contains(person.as_str())
            {
                needs.extend(need(
                    e.id.clone(),
                    vec![person.clone()],
                    day,
                    call.times,
                    call.pas_required,
                    &call.skills,
                ));
            }
        }
    }
    needs.sort_by(|a, b| (&a.start, &a.id).cmp(&(&b.start, &b.id)));
    Ok(RosterInstance {
        horizon: Horizon {
            start: from.to_string(),
            days: count,
        },
        timezone: "Europe/London".to_owned(),
        day_boundary: "00:00".to_owned(),
        people,
        pas,
        needs,
    })
}

/// The records of one PA, taken out of those of all.
fn take<T>(all: &mut Vec<(EmploymentId, T)>, id: &EmploymentId) -> Vec<T> {
    let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(all)
        .into_iter()
        .partition(|(pa, _)| pa == id);
    *all = rest;
    mine.into_iter().map(|(_, x)| x).collect()
}

fn jiff_day(d: cylch_payroll::Date) -> Result<Date, StoreError> {
    d.to_string()
        .parse()
        .map_err(|_| StoreError::Corrupt(format!("date {d}")))
}

impl Store {
    /// The planning problem for the days `from` to `to` (both included),
    /// in the roster format: for the officers with the employer's duties,
    /// who plan the rota.
    pub async fn roster_instance(
        &self,
        scope: &CoopScope,
        from: Date,
        to: Date,
    ) -> Result<RosterInstance, PlanError> {
        if !has_employer_duties(scope.roles()) {
            return Err(PlanError::NeedsEmployerDuties);
        }
        if to < from || (to - from).get_days() >= i32::try_from(super::MAX_DAYS).unwrap_or(62) {
            return Err(PlanError::BadRange);
        }
        let (register, _) = self.support_register(scope).await?;
        let mut conn = self.pool().acquire().await?;
        let coop = scope.coop_id();
        let mut prefs = needs::load_preferences(&mut conn, coop, None).await?;
        let people = register
            .into_iter()
            .filter(|p| p.starts_on <= to && p.ends_on.is_none_or(|end| end >= from))
            .map(|p| PlanPerson {
                preferences: prefs.remove(&p.id).unwrap_or_default(),
                id: p.id,
            })
            .collect();
        let routines = needs::load_routines(&mut conn, coop, None)
            .await?
            .into_iter()
            .map(|(mut r, people)| {
                r.people = people
                    .into_iter()
                    .map(|(id, name)| needs::NeedPerson { id, name })
                    .collect();
                r
            })
            .collect();
        let exceptions = needs::load_exceptions(&mut conn, coop, None).await?;
        let links = employment_store::links(&mut conn, coop, None).await?;
        let mut slots = availability::load_slots(&mut conn, coop, None).await?;
        let mut pa_exceptions = availability::load_exceptions(&mut conn, coop, None).await?;
        let mut away = availability::load_away(&mut conn, coop, None, from).await?;
        let first = crate::employment::codec_from_jiff(from)?;
        let last = crate::employment::codec_from_jiff(to)?;
        let mut pas = Vec::new();
        for id in super::employment_ids(&mut conn, coop).await? {
            let Some(stored) = employment_store::load_one(&mut conn, coop, &id).await? else {
                continue;
            };
            let e = &stored.employment;
            let last_day = e.ending.as_ref().map(|end| end.last_day);
            if e.start > last || last_day.is_some_and(|l| l < first) {
                continue;
            }
            let training = employment_store::own_checks(&mut conn, coop, &id)
                .await?
                .training;
            let skills = needs::Skill::ALL
                .into_iter()
                .filter(|s| {
                    training.iter().any(|t| {
                        t.course == s.course()
                            && t.completed <= first
                            && t.expires.is_none_or(|x| x >= last)
                    })
                })
                .map(|s| s.code().to_owned())
                .collect();
            let contracted = match contracted_in(e.hours) {
                Some(m) => Contracted::Employment(m),
                None => Contracted::Agreed(availability::load_agreed(&mut conn, coop, &id).await?),
            };
            pas.push(PlanPa {
                hourly_rate_pence: e.rates.day,
                welsh_speaker: stored.details.welsh_speaker,
                skills,
                opted_out_48h: super::opted_out(&mut conn, coop, &id, first).await?,
                works_with: links
                    .iter()
                    .filter(|l| l.employment == id.as_str())
                    .map(|l| l.works_with.person.clone())
                    .collect(),
                first_day: jiff_day(e.start)?,
                last_day: last_day.map(jiff_day).transpose()?,
                availability: Availability {
                    slots: take(&mut slots, &id),
                    exceptions: take(&mut pa_exceptions, &id),
                    away: take(&mut away, &id),
                    contracted,
                },
                id,
            });
        }
        build(
            &PlanningRecords {
                people,
                pas,
                routines,
                exceptions,
            },
            from,
            to,
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::rota::needs::{Call, NeedPerson, Times, Weekdays};

    fn routine(start: &str, end: &str) -> Routine {
        Routine {
            id: "r".into(),
            call: Call::WakingNight,
            weekdays: Weekdays::parse("7").unwrap(),
            times: Times {
                start: start.parse().unwrap(),
                end: end.parse().unwrap(),
            },
            pas_required: 1,
            skills: vec![],
            starts_on: "2026-01-01".parse().unwrap(),
            ended_on: None,
            people: vec![NeedPerson {
                id: "p".into(),
                name: "P".into(),
            }],
        }
    }

    #[test]
    fn a_time_the_spring_clocks_skip_is_moved_on_as_the_clocks_are() {
        let records = PlanningRecords {
            people: vec![PlanPerson {
                id: "p".into(),
                preferences: Preferences::default(),
            }],
            routines: vec![routine("00:30", "01:30"), routine("01:15", "01:45")],
            ..PlanningRecords::default()
        };
        // Sunday 29 March 2026: 01:00 becomes 02:00.
        let day: Date = "2026-03-29".parse().unwrap();
        let built = build(&records, day, day).unwrap();
        // A call ending in the gap ends at 02:30 by the clock, an hour
        // after it began; one wholly inside it happens an hour on by the
        // clock, as long as it was meant to be.
        assert_eq!(built.needs.len(), 2);
        assert_eq!(built.needs[0].start, "2026-03-29T00:30");
        assert_eq!(built.needs[0].end, "2026-03-29T02:30");
        assert_eq!(built.needs[1].start, "2026-03-29T02:15");
        assert_eq!(built.needs[1].end, "2026-03-29T02:45");
        assert_eq!(built.day_boundary, "00:00");
        assert!(matches!(
            build(&records, day, day.yesterday().unwrap()),
            Err(PlanError::BadRange)
        ));
    }
}

//! Each supported person's needs, as the rota plans from them: their
//! support as routines (a call on chosen weekdays, at set times, for so many
//! PAs with the skills it takes), dated exceptions, and their choices of
//! who supports them (the Active Offer of Welsh, PAs they prefer, PAs they
//! do not want).
//!
//! Whose needs: [`PersonScope`] for [`PersonRecord::Needs`], handed out by
//! [`Store::needs_scope`] only to the person, their representative and the
//! officers with the employer's duties. A shared session (one routine for
//! two or more people) may be made or changed only by someone who keeps the
//! needs of everyone in it.

use std::collections::{BTreeMap, BTreeSet};

use cylch_domain::policy::PersonRecord;
use jiff::civil::{Date, Time, Weekday};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::audit::{self, AuditAction, Change};
use crate::people::{PersonScope, PersonScopeError};
use crate::{CoopId, CoopScope, EmploymentId, Store, StoreError};

/// A call of the day, as people name their support. Each is planned as one
/// of the rota's shift kinds ([`Call::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Call {
    Morning,
    Lunch,
    Tea,
    Bed,
    SleepIn,
    WakingNight,
    /// Getting out and about: shopping, a class, the match.
    Community,
}

impl Call {
    pub const ALL: [Call; 7] = [
        Call::Morning,
        Call::Lunch,
        Call::Tea,
        Call::Bed,
        Call::SleepIn,
        Call::WakingNight,
        Call::Community,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Call::Morning => "morning",
            Call::Lunch => "lunch",
            Call::Tea => "tea",
            Call::Bed => "bed",
            Call::SleepIn => "sleep_in",
            Call::WakingNight => "waking_night",
            Call::Community => "community",
        }
    }

    pub fn parse(code: &str) -> Option<Call> {
        Call::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The rota's kind of shift for the call: a sleep-in and a waking night
    /// are paid and counted as themselves, every other call is day work.
    pub fn kind(self) -> cylch_employment::rostering::ShiftKind {
        use cylch_employment::rostering::ShiftKind;
        match self {
            Call::SleepIn => ShiftKind::SleepIn,
            Call::WakingNight => ShiftKind::WakingNight,
            _ => ShiftKind::Day,
        }
    }
}

/// A skill a call needs, in the roster format's words. A PA has it when
/// their training for it is in date ([`Skill::course`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Skill {
    /// Moving and handling, with a hoist.
    Hoist,
    Medication,
    FirstAid,
}

impl Skill {
    pub const ALL: [Skill; 3] = [Skill::Hoist, Skill::Medication, Skill::FirstAid];

    /// The roster format's name of the skill.
    pub fn code(self) -> &'static str {
        match self {
            Skill::Hoist => "hoist",
            Skill::Medication => "medication",
            Skill::FirstAid => "first-aid",
        }
    }

    pub fn parse(code: &str) -> Option<Skill> {
        Skill::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The training that gives a PA the skill.
    pub fn course(self) -> cylch_employment::checks::Course {
        use cylch_employment::checks::Course;
        match self {
            Skill::Hoist => Course::MovingAndHandling,
            Skill::Medication => Course::Medication,
            Skill::FirstAid => Course::FirstAid,
        }
    }
}

/// The roster format's skill of a Welsh-speaking PA.
pub const WELSH_SKILL: &str = "welsh";

/// The Active Offer: how much a person wants their support in Welsh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WelshNeed {
    #[default]
    None,
    /// A Welsh speaker whenever one can be found.
    Preferred,
    /// Only Welsh speakers.
    Required,
}

impl WelshNeed {
    pub const ALL: [WelshNeed; 3] = [WelshNeed::None, WelshNeed::Preferred, WelshNeed::Required];

    pub fn code(self) -> &'static str {
        match self {
            WelshNeed::None => "none",
            WelshNeed::Preferred => "preferred",
            WelshNeed::Required => "required",
        }
    }

    pub fn parse(code: &str) -> Option<WelshNeed> {
        WelshNeed::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// A set of weekdays, kept as the digits of ISO weekdays (Monday 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Weekdays(u8);

impl Weekdays {
    pub fn of(days: &[Weekday]) -> Weekdays {
        Weekdays(
            days.iter()
                .fold(0, |bits, d| bits | 1 << d.to_monday_zero_offset()),
        )
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.to_monday_zero_offset()) != 0
    }

    /// The days in the week's order.
    pub fn days(self) -> Vec<Weekday> {
        (1..=7)
            .filter_map(|n| Weekday::from_monday_one_offset(n).ok())
            .filter(|d| self.contains(*d))
            .collect()
    }

    /// As kept: `12345` for Monday to Friday.
    pub fn code(self) -> String {
        self.days()
            .iter()
            .map(|d| d.to_monday_one_offset().to_string())
            .collect()
    }

    pub fn parse(code: &str) -> Option<Weekdays> {
        let mut days = Vec::new();
        for c in code.chars() {
            let n = c.to_digit(10)?;
            days.push(Weekday::from_monday_one_offset(i8::try_from(n).ok()?).ok()?);
        }
        Some(Weekdays::of(&days))
    }
}

/// Times of a call or of availability as people write them: a start, and
/// an end at or before it meaning the next day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Times {
    pub start: Time,
    pub end: Time,
}

impl Times {
    /// Whether it ends the next day.
    pub fn overnight(self) -> bool {
        self.end <= self.start
    }

    /// The local start and end on `day`.
    pub fn on(self, day: Date) -> Option<(jiff::civil::DateTime, jiff::civil::DateTime)> {
        let end_day = if self.overnight() {
            day.tomorrow().ok()?
        } else {
            day
        };
        Some((day.to_datetime(self.start), end_day.to_datetime(self.end)))
    }
}

pub(crate) fn hhmm(t: Time) -> String {
    t.strftime("%H:%M").to_string()
}

pub(crate) fn parse_hhmm(raw: &str) -> Result<Time, StoreError> {
    Time::strptime("%H:%M", raw).map_err(|_| StoreError::Corrupt(format!("time {raw:?}")))
}

pub(crate) fn parse_day(raw: &str) -> Result<Date, StoreError> {
    raw.parse()
        .map_err(|_| StoreError::Corrupt(format!("date {raw:?}")))
}

pub(crate) fn parse_weekdays(raw: &str) -> Result<Weekdays, StoreError> {
    Weekdays::parse(raw).ok_or_else(|| StoreError::Corrupt(format!("weekdays {raw:?}")))
}

fn skills_code(skills: &[Skill]) -> String {
    skills
        .iter()
        .map(|s| s.code())
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_skills(raw: &str) -> Result<Vec<Skill>, StoreError> {
    raw.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| Skill::parse(s).ok_or_else(|| StoreError::Corrupt(format!("skill {s:?}"))))
        .collect()
}

fn parse_call(raw: &str) -> Result<Call, StoreError> {
    Call::parse(raw).ok_or_else(|| StoreError::Corrupt(format!("call {raw:?}")))
}

/// Most PAs one call may need at once.
pub const MAX_PAS_REQUIRED: i64 = 4;

/// A routine as entered: the call, when, how many PAs and what skills, from
/// which day, and the other people it supports at once (a shared session).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutineInput {
    pub call: Call,
    pub weekdays: Weekdays,
    pub times: Times,
    pub pas_required: i64,
    pub skills: Vec<Skill>,
    pub starts_on: Date,
    /// Others supported in the same session, by id, besides the person.
    pub shared_with: Vec<String>,
}

/// One person a routine supports, as the caller may know them: the full
/// name of those whose needs the caller keeps, the first name of others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedPerson {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routine {
    pub id: String,
    pub call: Call,
    pub weekdays: Weekdays,
    pub times: Times,
    pub pas_required: i64,
    pub skills: Vec<Skill>,
    pub starts_on: Date,
    /// The last day it was needed, once ended.
    pub ended_on: Option<Date>,
    pub people: Vec<NeedPerson>,
}

impl Routine {
    /// Whether the routine is needed on `day` (before any exception).
    pub fn runs_on(&self, day: Date) -> bool {
        self.weekdays.contains(day.weekday())
            && day >= self.starts_on
            && self.ended_on.is_none_or(|end| day <= end)
    }

    /// Whether it is a shared session: one PA with two or more people.
    pub fn shared(&self) -> bool {
        self.people.len() > 1
    }
}

/// An extra call on one date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraCall {
    pub call: Call,
    pub times: Times,
    pub pas_required: i64,
    pub skills: Vec<Skill>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExceptionInput {
    /// A routine of the person is not needed on the date.
    Skip {
        date: Date,
        routine: String,
    },
    Extra {
        date: Date,
        call: ExtraCall,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExceptionKind {
    Skip { routine: String },
    Extra(ExtraCall),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedException {
    pub id: String,
    pub date: Date,
    pub kind: ExceptionKind,
    /// Taken back (kept on record; the lists leave it out).
    pub removed: bool,
}

/// The person's choices of who supports them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Preferences {
    pub welsh: WelshNeed,
    pub preferred: Vec<EmploymentId>,
    pub not_wanted: Vec<EmploymentId>,
}

/// A PA a person may name as preferred or not wanted: one who works with
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaChoice {
    pub employment: EmploymentId,
    pub name: String,
    pub welsh_speaker: bool,
}

/// A person's needs as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needs {
    pub preferences: Preferences,
    /// Running routines first, then ended ones, each by call and time.
    pub routines: Vec<Routine>,
    /// By date.
    pub exceptions: Vec<NeedException>,
    /// The PAs who work with the person, for the choices.
    pas: Vec<PaChoice>,
}

impl Needs {
    pub fn pas(&self) -> &[PaChoice] {
        &self.pas
    }
}

/// A field of the needs forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NeedField {
    Weekdays,
    Start,
    End,
    PasRequired,
    StartsOn,
    People,
    Date,
    Routine,
    Preferred,
    NotWanted,
    LastDay,
}

impl NeedField {
    pub fn code(self) -> &'static str {
        match self {
            NeedField::Weekdays => "weekdays",
            NeedField::Start => "start",
            NeedField::End => "end",
            NeedField::PasRequired => "pas_required",
            NeedField::StartsOn => "starts_on",
            NeedField::People => "people",
            NeedField::Date => "date",
            NeedField::Routine => "routine",
            NeedField::Preferred => "preferred",
            NeedField::NotWanted => "not_wanted",
            NeedField::LastDay => "last_day",
        }
    }
}

/// What is wrong with a field of the needs forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedProblem {
    NoWeekdays,
    /// The end is the start: a call needs some length.
    EndIsStart,
    BadPasRequired,
    /// Not a person whose needs the caller keeps, or not supported here.
    NotYours,
    TooManyPeople,
    /// No routine of the person's by that id, or it is not running then.
    NoSuchRoutine,
    /// The routine is not needed that day anyway.
    NotThatDay,
    /// That routine is already off that day.
    AlreadySkipped,
    /// A PA who does not work with the person.
    NoSuchPa,
    /// Both preferred and not wanted.
    BothChoices,
    /// Before the routine began.
    BeforeStart,
    AlreadyEnded,
}

impl NeedProblem {
    pub fn code(self) -> &'static str {
        match self {
            NeedProblem::NoWeekdays => "no-weekdays",
            NeedProblem::EndIsStart => "end-is-start",
            NeedProblem::BadPasRequired => "bad-pas-required",
            NeedProblem::NotYours => "not-yours",
            NeedProblem::TooManyPeople => "too-many-people",
            NeedProblem::NoSuchRoutine => "no-such-routine",
            NeedProblem::NotThatDay => "not-that-day",
            NeedProblem::AlreadySkipped => "already-skipped",
            NeedProblem::NoSuchPa => "no-such-pa",
            NeedProblem::BothChoices => "both-choices",
            NeedProblem::BeforeStart => "before-start",
            NeedProblem::AlreadyEnded => "already-ended",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NeedsError {
    /// Every problem at once, at its field.
    #[error("the needs have {} problems", .0.len())]
    Invalid(Vec<(NeedField, NeedProblem)>),
    /// No such routine or exception of the person's.
    #[error("not found")]
    NotFound,
    /// A shared session that includes someone whose needs the caller does
    /// not keep: only someone who keeps everyone's may change it.
    #[error("the session is shared with someone whose needs are not the caller's")]
    SharedWithOthers,
    /// The exception was taken back already.
    #[error("already taken back")]
    AlreadyRemoved,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for NeedsError {
    fn from(err: sqlx::Error) -> Self {
        NeedsError::Store(err.into())
    }
}

fn invalid<T>(mut problems: Vec<(NeedField, NeedProblem)>) -> Result<T, NeedsError> {
    problems.sort_by_key(|p| p.0);
    problems.dedup();
    Err(NeedsError::Invalid(problems))
}

/// The routines with their people, for `coop`: those of `person` if given,
/// else every one.
pub(crate) async fn load_routines(
    conn: &mut AnyConnection,
    coop: &CoopId,
    person: Option<&str>,
) -> Result<Vec<(Routine, Vec<(String, String)>)>, StoreError> {
    let filter = if person.is_some() {
        " AND r.id IN (SELECT routine_id FROM need_routine_people WHERE coop_id = $1 AND person_id = $2)"
    } else {
        ""
    };
    let sql = format!(
        "SELECT r.id, r.call_kind, r.weekdays, r.starts, r.ends, r.pas_required, r.skills, r.starts_on, r.ended_on
         FROM need_routines r WHERE r.coop_id = $1{filter} ORDER BY r.starts, r.id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(p) = person {
        q = q.bind(p);
    }
    let rows = q.fetch_all(&mut *conn).await?;
    let people_rows = sqlx::query(
        "SELECT rp.routine_id, p.id, p.name FROM need_routine_people rp
         JOIN supported_people p ON p.coop_id = rp.coop_id AND p.id = rp.person_id
         WHERE rp.coop_id = $1 ORDER BY p.name, p.id",
    )
    .bind(coop.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut people: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for row in &people_rows {
        people
            .entry(row.try_get(0)?)
            .or_default()
            .push((row.try_get(1)?, row.try_get(2)?));
    }
    let mut out = Vec::new();
    for row in &rows {
        let id: String = row.try_get(0)?;
        let ended: Option<String> = row.try_get(8)?;
        out.push((
            Routine {
                call: parse_call(&row.try_get::<String, _>(1)?)?,
                weekdays: parse_weekdays(&row.try_get::<String, _>(2)?)?,
                times: Times {
                    start: parse_hhmm(&row.try_get::<String, _>(3)?)?,
                    end: parse_hhmm(&row.try_get::<String, _>(4)?)?,
                },
                pas_required: row.try_get(5)?,
                skills: parse_skills(&row.try_get::<String, _>(6)?)?,
                starts_on: parse_day(&row.try_get::<String, _>(7)?)?,
                ended_on: ended.as_deref().map(parse_day).transpose()?,
                people: Vec::new(),
                id: id.clone(),
            },
            people.remove(&id).unwrap_or_default(),
        ));
    }
    Ok(out)
}

/// The dated exceptions of `coop`, of `person` if given.
pub(crate) async fn load_exceptions(
    conn: &mut AnyConnection,
    coop: &CoopId,
    person: Option<&str>,
) -> Result<Vec<(String, NeedException)>, StoreError> {
    load_exceptions_with(conn, coop, person, false).await
}

/// The same, with those taken back when `removed` is true.
async fn load_exceptions_with(
    conn: &mut AnyConnection,
    coop: &CoopId,
    person: Option<&str>,
    removed: bool,
) -> Result<Vec<(String, NeedException)>, StoreError> {
    let mut filter = if person.is_some() {
        " AND person_id = $2".to_owned()
    } else {
        String::new()
    };
    if !removed {
        filter.push_str(" AND removed_at IS NULL");
    }
    let sql = format!(
        "SELECT id, person_id, on_date, kind, routine_id, call_kind, starts, ends, pas_required, skills, removed_at
         FROM need_exceptions WHERE coop_id = $1{filter} ORDER BY on_date, starts, id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(p) = person {
        q = q.bind(p);
    }
    let mut out = Vec::new();
    for row in q.fetch_all(&mut *conn).await? {
        let kind: String = row.try_get(3)?;
        let kind = if kind == "skip" {
            ExceptionKind::Skip {
                routine: row.try_get::<Option<String>, _>(4)?.unwrap_or_default(),
            }
        } else {
            let text = |i: usize| -> Result<String, StoreError> {
                Ok(row.try_get::<Option<String>, _>(i)?.unwrap_or_default())
            };
            ExceptionKind::Extra(ExtraCall {
                call: parse_call(&text(5)?)?,
                times: Times {
                    start: parse_hhmm(&text(6)?)?,
                    end: parse_hhmm(&text(7)?)?,
                },
                pas_required: row.try_get::<Option<i64>, _>(8)?.unwrap_or(1),
                skills: parse_skills(&text(9)?)?,
            })
        };
        out.push((
            row.try_get(1)?,
            NeedException {
                id: row.try_get(0)?,
                date: parse_day(&row.try_get::<String, _>(2)?)?,
                kind,
                removed: row.try_get::<Option<i64>, _>(10)?.is_some(),
            },
        ));
    }
    Ok(out)
}

/// Each person's Welsh and choices of PA, by person id.
pub(crate) async fn load_preferences(
    conn: &mut AnyConnection,
    coop: &CoopId,
    person: Option<&str>,
) -> Result<BTreeMap<String, Preferences>, StoreError> {
    let filter = if person.is_some() {
        " AND person_id = $2"
    } else {
        ""
    };
    let mut out: BTreeMap<String, Preferences> = BTreeMap::new();
    let sql = format!("SELECT person_id, welsh FROM need_preferences WHERE coop_id = $1{filter}");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(p) = person {
        q = q.bind(p);
    }
    for row in q.fetch_all(&mut *conn).await? {
        let welsh: String = row.try_get(1)?;
        out.entry(row.try_get(0)?).or_default().welsh = WelshNeed::parse(&welsh)
            .ok_or_else(|| StoreError::Corrupt(format!("welsh {welsh:?}")))?;
    }
    let sql = format!(
        "SELECT person_id, employment_id, choice FROM need_pa_choices WHERE coop_id = $1{filter} ORDER BY employment_id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(p) = person {
        q = q.bind(p);
    }
    for row in q.fetch_all(&mut *conn).await? {
        let entry = out.entry(row.try_get(0)?).or_default();
        let pa = EmploymentId::from_db(row.try_get(1)?);
        if row.try_get::<String, _>(2)? == "preferred" {
            entry.preferred.push(pa);
        } else {
            entry.not_wanted.push(pa);
        }
    }
    Ok(out)
}

/// The PAs who work with `person` now, for the choices.
async fn pas_of(
    conn: &mut AnyConnection,
    coop: &CoopId,
    person: &str,
) -> Result<Vec<PaChoice>, StoreError> {
    let rows = sqlx::query(
        "SELECT e.id, e.name, e.welsh_speaker FROM employment_people ep
         JOIN employments e ON e.coop_id = ep.coop_id AND e.id = ep.employment_id
         WHERE ep.coop_id = $1 AND ep.person_id = $2 ORDER BY e.name, e.id",
    )
    .bind(coop.as_str())
    .bind(person)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(PaChoice {
                employment: EmploymentId::from_db(row.try_get(0)?),
                name: row.try_get(1)?,
                welsh_speaker: row.try_get::<i64, _>(2)? != 0,
            })
        })
        .collect()
}

fn routine_audit(id: &str, r: &RoutineInput, people: &[String]) -> serde_json::Value {
    json!({
        "id": id,
        "call": r.call.code(),
        "weekdays": r.weekdays.code(),
        "start": hhmm(r.times.start),
        "end": hhmm(r.times.end),
        "pas_required": r.pas_required,
        "skills": skills_code(&r.skills),
        "starts_on": r.starts_on.to_string(),
        "people": people,
    })
}

impl Store {
    /// The people whose needs the caller keeps, in the register's order.
    pub async fn needs_people(&self, scope: &CoopScope) -> Result<Vec<PersonScope>, StoreError> {
        self.visible_people(scope, PersonRecord::Needs).await
    }

    /// The ids of the people whose needs the caller keeps.
    async fn kept(&self, scope: &CoopScope) -> Result<BTreeSet<String>, StoreError> {
        Ok(self
            .needs_people(scope)
            .await?
            .into_iter()
            .map(|p| p.person().as_str().to_owned())
            .collect())
    }

    /// The scope of one person's needs, if the caller keeps them.
    pub async fn needs_scope(
        &self,
        scope: &CoopScope,
        person: &str,
    ) -> Result<PersonScope, PersonScopeError> {
        self.person_scope(scope, person, PersonRecord::Needs).await
    }

    /// A person's needs: their choices, routines and exceptions.
    pub async fn needs(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
    ) -> Result<Needs, NeedsError> {
        let kept = self.kept(scope).await?;
        let mut conn = self.pool().acquire().await?;
        let coop = scope.coop_id();
        let id = person.person().as_str();
        let mut routines: Vec<Routine> = load_routines(&mut conn, coop, Some(id))
            .await?
            .into_iter()
            .map(|(mut r, people)| {
                r.people = people
                    .into_iter()
                    .map(|(pid, name)| {
                        // Someone else in a shared session is named as the
                        // people in it know each other: by first name.
                        let name = if kept.contains(&pid) {
                            name
                        } else {
                            name.split_whitespace().next().unwrap_or("").to_owned()
                        };
                        NeedPerson { id: pid, name }
                    })
                    .collect();
                r
            })
            .collect();
        routines.sort_by_key(|r| (r.ended_on.is_some(), r.times.start, r.call));
        let exceptions = load_exceptions(&mut conn, coop, Some(id))
            .await?
            .into_iter()
            .map(|(_, e)| e)
            .collect();
        let preferences = load_preferences(&mut conn, coop, Some(id))
            .await?
            .remove(id)
            .unwrap_or_default();
        let pas = pas_of(&mut conn, coop, id).await?;
        Ok(Needs {
            preferences,
            routines,
            exceptions,
            pas,
        })
    }

    /// Everyone a routine would support: the person and those shared
    /// with, each checked as someone whose needs the caller keeps.
    async fn routine_people(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
        input: &RoutineInput,
        problems: &mut Vec<(NeedField, NeedProblem)>,
    ) -> Result<Vec<String>, NeedsError> {
        let kept = self.kept(scope).await?;
        let mut people = vec![person.person().as_str().to_owned()];
        for other in &input.shared_with {
            let other = other.trim();
            if other.is_empty() || people.iter().any(|p| p == other) {
                continue;
            }
            if kept.contains(other) {
                people.push(other.to_owned());
            } else {
                problems.push((NeedField::People, NeedProblem::NotYours));
            }
        }
        if people.len() > super::MAX_PEOPLE {
            problems.push((NeedField::People, NeedProblem::TooManyPeople));
        }
        people.sort();
        Ok(people)
    }

    fn check_routine(input: &RoutineInput, problems: &mut Vec<(NeedField, NeedProblem)>) {
        if input.weekdays.is_empty() {
            problems.push((NeedField::Weekdays, NeedProblem::NoWeekdays));
        }
        if input.times.start == input.times.end {
            problems.push((NeedField::End, NeedProblem::EndIsStart));
        }
        if !(1..=MAX_PAS_REQUIRED).contains(&input.pas_required) {
            problems.push((NeedField::PasRequired, NeedProblem::BadPasRequired));
        }
    }

    /// Adds a routine to a person's needs (and to the others' it is shared
    /// with).
    pub async fn add_routine(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
        input: &RoutineInput,
    ) -> Result<String, NeedsError> {
        let mut problems = Vec::new();
        Self::check_routine(input, &mut problems);
        let people = self
            .routine_people(scope, person, input, &mut problems)
            .await?;
        if !problems.is_empty() {
            return invalid(problems);
        }
        let id = crate::ids::random_id();
        let now = self.now_ms();
        let coop = scope.coop_id().as_str();
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO need_routines (id, coop_id, call_kind, weekdays, starts, ends, pas_required, skills, starts_on, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
        )
        .bind(&id)
        .bind(coop)
        .bind(input.call.code())
        .bind(input.weekdays.code())
        .bind(hhmm(input.times.start))
        .bind(hhmm(input.times.end))
        .bind(input.pas_required)
        .bind(skills_code(&input.skills))
        .bind(input.starts_on.to_string())
        .bind(scope.account().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        for p in &people {
            sqlx::query(
                "INSERT INTO need_routine_people (coop_id, routine_id, person_id) VALUES ($1, $2, $3)",
            )
            .bind(coop)
            .bind(&id)
            .bind(p)
            .execute(&mut *tx)
            .await?;
        }
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "need_routine",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(routine_audit(&id, input, &people)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A routine of the person's that the caller may change: everyone in it
    /// must be someone whose needs the caller keeps.
    async fn own_routine(
        &self,
        conn: &mut AnyConnection,
        kept: &BTreeSet<String>,
        scope: &CoopScope,
        person: &PersonScope,
        routine: &str,
    ) -> Result<Routine, NeedsError> {
        let (mut found, people) =
            load_routines(conn, scope.coop_id(), Some(person.person().as_str()))
                .await?
                .into_iter()
                .find(|(r, _)| r.id == routine)
                .ok_or(NeedsError::NotFound)?;
        if people.iter().any(|(id, _)| !kept.contains(id)) {
            return Err(NeedsError::SharedWithOthers);
        }
        found.people = people
            .into_iter()
            .map(|(id, name)| NeedPerson { id, name })
            .collect();
        Ok(found)
    }

    /// Changes a routine as it stands (its times, days, PAs, skills and who
    /// shares it); the audit trail keeps what it was.
    pub async fn change_routine(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
        routine: &str,
        input: &RoutineInput,
    ) -> Result<(), NeedsError> {
        let mut problems = Vec::new();
        Self::check_routine(input, &mut problems);
        let people = self
            .routine_people(scope, person, input, &mut problems)
            .await?;
        let kept = self.kept(scope).await?;
        let mut tx = self.begin().await?;
        let before = self
            .own_routine(&mut tx, &kept, scope, person, routine)
            .await?;
        if before.ended_on.is_some() {
            problems.push((NeedField::Routine, NeedProblem::AlreadyEnded));
        }
        if !problems.is_empty() {
            return invalid(problems);
        }
        let coop = scope.coop_id().as_str();
        sqlx::query(
            "UPDATE need_routines SET call_kind = $3, weekdays = $4, starts = $5, ends = $6, pas_required = $7, skills = $8, starts_on = $9, updated_at = $10
             WHERE coop_id = $1 AND id = $2",
        )
        .bind(coop)
        .bind(routine)
        .bind(input.call.code())
        .bind(input.weekdays.code())
        .bind(hhmm(input.times.start))
        .bind(hhmm(input.times.end))
        .bind(input.pas_required)
        .bind(skills_code(&input.skills))
        .bind(input.starts_on.to_string())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM need_routine_people WHERE coop_id = $1 AND routine_id = $2")
            .bind(coop)
            .bind(routine)
            .execute(&mut *tx)
            .await?;
        for p in &people {
            sqlx::query(
                "INSERT INTO need_routine_people (coop_id, routine_id, person_id) VALUES ($1, $2, $3)",
            )
            .bind(coop)
            .bind(routine)
            .bind(p)
            .execute(&mut *tx)
            .await?;
        }
        let before_input = RoutineInput {
            call: before.call,
            weekdays: before.weekdays,
            times: before.times,
            pas_required: before.pas_required,
            skills: before.skills.clone(),
            starts_on: before.starts_on,
            shared_with: Vec::new(),
        };
        let before_people: Vec<String> = before.people.iter().map(|p| p.id.clone()).collect();
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "need_routine",
                record_id: routine,
                action: AuditAction::Updated,
                before: Some(routine_audit(routine, &before_input, &before_people)),
                after: Some(routine_audit(routine, input, &people)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends a routine after `last_day`, keeping it on record.
    pub async fn end_routine(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
        routine: &str,
        last_day: Date,
    ) -> Result<(), NeedsError> {
        let kept = self.kept(scope).await?;
        let mut tx = self.begin().await?;
        let found = self
            .own_routine(&mut tx, &kept, scope, person, routine)
            .await?;
        if found.ended_on.is_some() {
            return invalid(vec![(NeedField::Routine, NeedProblem::AlreadyEnded)]);
        }
        // Ending on the day before it began withdraws it altogether.
        let earliest = found.starts_on.yesterday().unwrap_or(found.starts_on);
        if last_day < earliest {
            return invalid(vec![(NeedField::LastDay, NeedProblem::BeforeStart)]);
        }
        sqlx::query(
            "UPDATE need_routines SET ended_on = $3, updated_at = $4 WHERE coop_id = $1 AND id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(routine)
        .bind(last_day.to_string())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "need_routine",
                record_id: routine,
                action: AuditAction::Updated,
                before: Some(json!({"ended_on": null})),
                after: Some(json!({"ended_on": last_day.to_string()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets the person's Welsh and choices of PA, replacing the last.
    pub async fn set_need_preferences(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
        prefs: &Preferences,
    ) -> Result<(), NeedsError> {
        let coop = scope.coop_id();
        let id = person.person().as_str();
        let mut tx = self.begin().await?;
        let theirs: BTreeSet<String> = pas_of(&mut tx, coop, id)
            .await?
            .into_iter()
            .map(|p| p.employment.as_str().to_owned())
            .collect();
        let mut problems = Vec::new();
        for (field, list) in [
            (NeedField::Preferred, &prefs.preferred),
            (NeedField::NotWanted, &prefs.not_wanted),
        ] {
            if list.iter().any(|pa| !theirs.contains(pa.as_str())) {
                problems.push((field, NeedProblem::NoSuchPa));
            }
        }
        if prefs.preferred.iter().any(|p| prefs.not_wanted.contains(p)) {
            problems.push((NeedField::NotWanted, NeedProblem::BothChoices));
        }
        if !problems.is_empty() {
            return invalid(problems);
        }
        let before = load_preferences(&mut tx, coop, Some(id))
            .await?
            .remove(id)
            .unwrap_or_default();
        let now = self.now_ms();
        sqlx::query("DELETE FROM need_preferences WHERE coop_id = $1 AND person_id = $2")
            .bind(coop.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO need_preferences (coop_id, person_id, welsh, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(coop.as_str())
        .bind(id)
        .bind(prefs.welsh.code())
        .bind(scope.account().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM need_pa_choices WHERE coop_id = $1 AND person_id = $2")
            .bind(coop.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let mut chosen: BTreeMap<&str, &str> = BTreeMap::new();
        for pa in &prefs.preferred {
            chosen.insert(pa.as_str(), "preferred");
        }
        for pa in &prefs.not_wanted {
            chosen.insert(pa.as_str(), "not_wanted");
        }
        for (pa, choice) in chosen {
            sqlx::query(
                "INSERT INTO need_pa_choices (coop_id, person_id, employment_id, choice) VALUES ($1, $2, $3, $4)",
            )
            .bind(coop.as_str())
            .bind(id)
            .bind(pa)
            .bind(choice)
            .execute(&mut *tx)
            .await?;
        }
        let view = |p: &Preferences| {
            json!({
                "welsh": p.welsh.code(),
                "preferred": p.preferred.iter().map(EmploymentId::as_str).collect::<Vec<_>>(),
                "not_wanted": p.not_wanted.iter().map(EmploymentId::as_str).collect::<Vec<_>>(),
            })
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(coop),
                actor: Some(scope.account()),
                record_kind: "need_preferences",
                record_id: id,
                action: AuditAction::Updated,
                before: Some(view(&before)),
                after: Some(view(prefs)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a date on which the person's support differs.
    pub async fn add_need_exception(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
        input: &ExceptionInput,
    ) -> Result<String, NeedsError> {
        let coop = scope.coop_id();
        let pid = person.person().as_str();
        let mut tx = self.begin().await?;
        let id = crate::ids::random_id();
        let now = self.now_ms();
        let after = match input {
            ExceptionInput::Skip { date, routine } => {
                let routines = load_routines(&mut tx, coop, Some(pid)).await?;
                let Some((found, _)) = routines.iter().find(|(r, _)| &r.id == routine) else {
                    return invalid(vec![(NeedField::Routine, NeedProblem::NoSuchRoutine)]);
                };
                if !found.runs_on(*date) {
                    return invalid(vec![(NeedField::Date, NeedProblem::NotThatDay)]);
                }
                let already: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM need_exceptions WHERE coop_id = $1 AND person_id = $2 AND routine_id = $3 AND on_date = $4 AND removed_at IS NULL",
                )
                .bind(coop.as_str())
                .bind(pid)
                .bind(routine)
                .bind(date.to_string())
                .fetch_optional(&mut *tx)
                .await?;
                if already.is_some() {
                    return invalid(vec![(NeedField::Date, NeedProblem::AlreadySkipped)]);
                }
                sqlx::query(
                    "INSERT INTO need_exceptions (id, coop_id, person_id, on_date, kind, routine_id, created_by, created_at)
                     VALUES ($1, $2, $3, $4, 'skip', $5, $6, $7)",
                )
                .bind(&id)
                .bind(coop.as_str())
                .bind(pid)
                .bind(date.to_string())
                .bind(routine)
                .bind(scope.account().as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
                json!({"person": pid, "date": date.to_string(), "kind": "skip", "routine": routine})
            }
            ExceptionInput::Extra { date, call } => {
                let mut problems = Vec::new();
                if call.times.start == call.times.end {
                    problems.push((NeedField::End, NeedProblem::EndIsStart));
                }
                if !(1..=MAX_PAS_REQUIRED).contains(&call.pas_required) {
                    problems.push((NeedField::PasRequired, NeedProblem::BadPasRequired));
                }
                if !problems.is_empty() {
                    return invalid(problems);
                }
                sqlx::query(
                    "INSERT INTO need_exceptions (id, coop_id, person_id, on_date, kind, call_kind, starts, ends, pas_required, skills, created_by, created_at)
                     VALUES ($1, $2, $3, $4, 'extra', $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(&id)
                .bind(coop.as_str())
                .bind(pid)
                .bind(date.to_string())
                .bind(call.call.code())
                .bind(hhmm(call.times.start))
                .bind(hhmm(call.times.end))
                .bind(call.pas_required)
                .bind(skills_code(&call.skills))
                .bind(scope.account().as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
                json!({
                    "person": pid, "date": date.to_string(), "kind": "extra",
                    "call": call.call.code(), "start": hhmm(call.times.start),
                    "end": hhmm(call.times.end), "pas_required": call.pas_required,
                    "skills": skills_code(&call.skills),
                })
            }
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(coop),
                actor: Some(scope.account()),
                record_kind: "need_exception",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes back a dated exception of the person's.
    pub async fn remove_need_exception(
        &self,
        scope: &CoopScope,
        person: &PersonScope,
        exception: &str,
    ) -> Result<(), NeedsError> {
        let coop = scope.coop_id();
        let pid = person.person().as_str();
        let mut tx = self.begin().await?;
        let found = load_exceptions_with(&mut tx, coop, Some(pid), true)
            .await?
            .into_iter()
            .find(|(_, e)| e.id == exception)
            .ok_or(NeedsError::NotFound)?;
        if found.1.removed {
            return Err(NeedsError::AlreadyRemoved);
        }
        sqlx::query("UPDATE need_exceptions SET removed_at = $3 WHERE coop_id = $1 AND id = $2")
            .bind(coop.as_str())
            .bind(exception)
            .bind(self.now_ms())
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(coop),
                actor: Some(scope.account()),
                record_kind: "need_exception",
                record_id: exception,
                action: AuditAction::Deleted,
                before: Some(json!({"person": pid, "date": found.1.date.to_string()})),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

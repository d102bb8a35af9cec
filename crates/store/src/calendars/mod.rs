//! The rota's calendar feeds: a secret address for each PA's shifts and for
//! each supported person's, which a phone's calendar reads without signing
//! in, so the secret is the only key. Only its hash is kept (as every other
//! token's); one feed is live per PA and per person, and replacing or
//! revoking one keeps the old row, audited, and its address stops working.
//!
//! Who keeps a feed is the policy's decision: a PA their own
//! ([`keeps_calendar_feed`]), a supported person and their representative
//! the person's ([`PersonRecord::CalendarFeed`]). What a feed shows is
//! decided here and nowhere else: a PA's shifts with the first names of the
//! people on each, a person's shifts with the first name of the PA; never a
//! surname, a care note, or anyone else's shift.
//!
//! A shift a PA has left (taken off, cancelled, given to someone else) stays
//! in their feed as cancelled, read from `shift_pa_departures`, which a
//! trigger fills whatever statement changed the shift, so that their phone
//! takes it away rather than keeping a shift that is no longer theirs.

use cylch_domain::Language;
use cylch_domain::policy::{EmploymentTie, PersonRecord, keeps_calendar_feed};
use cylch_employment::rostering::ShiftKind;
use jiff::civil::DateTime;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::ids::{hash_secret, random_id, random_secret};
use crate::{CoopId, CoopScope, EmploymentId, ShiftId, Store, StoreError};

/// Whose shifts a feed shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOwner {
    /// A PA, by their employment.
    Pa(EmploymentId),
    /// A supported person, by their id in the register of support.
    Person(String),
}

impl FeedOwner {
    /// `pa` or `person`, as forms and the API name it.
    pub fn kind(&self) -> &'static str {
        match self {
            FeedOwner::Pa(_) => "pa",
            FeedOwner::Person(_) => "person",
        }
    }

    pub fn id(&self) -> &str {
        match self {
            FeedOwner::Pa(e) => e.as_str(),
            FeedOwner::Person(p) => p,
        }
    }

    /// An owner as a form or the API sends it; only its shape is checked.
    pub fn parse(kind: &str, id: &str) -> Option<FeedOwner> {
        let id = id.trim();
        match kind.trim() {
            "pa" => EmploymentId::parse(id).map(FeedOwner::Pa),
            // Supported people's ids are the store's random ids too.
            "person" => EmploymentId::parse(id).map(|_| FeedOwner::Person(id.to_owned())),
            _ => None,
        }
    }

    fn columns(&self) -> (Option<&str>, Option<&str>) {
        match self {
            FeedOwner::Pa(e) => (Some(e.as_str()), None),
            FeedOwner::Person(p) => (None, Some(p.as_str())),
        }
    }
}

/// A feed the caller keeps: whose shifts, their name, and since when the
/// live feed has worked (none while there is no feed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLine {
    pub owner: FeedOwner,
    pub name: String,
    pub live_since_ms: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    /// No such PA or person, or not one whose feed the caller keeps.
    #[error("no such calendar feed")]
    NotFound,
    /// Revoking a feed when none is live.
    #[error("there is no live calendar feed to revoke")]
    NoFeed,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CalendarError {
    fn from(err: sqlx::Error) -> Self {
        CalendarError::Store(err.into())
    }
}

/// One shift as a feed shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedShift {
    pub id: ShiftId,
    /// Local wall-clock times in Wales, as the rota planned them.
    pub start: DateTime,
    pub end: DateTime,
    /// The same times as instants: which of two 01:30s in October is meant.
    pub starts_at_ms: i64,
    pub ends_at_ms: i64,
    pub kind: ShiftKind,
    /// First names only: for a PA's feed the people on the shift, for a
    /// person's feed the PA (none while it needs one).
    pub with: Vec<String>,
    /// Cancelled, or (in a PA's feed) no longer theirs.
    pub cancelled: bool,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

/// What a feed's secret opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub coop: CoopId,
    pub owner: FeedOwner,
    /// The owner's first name, for the calendar's own name.
    pub first_name: String,
    /// The language of whoever made the feed, as their account says now.
    pub language: Language,
    pub shifts: Vec<FeedShift>,
}

/// The first word of a name: all a feed ever says of anyone.
pub fn first_name(name: &str) -> String {
    name.split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// How far back a feed reaches: calendars keep past events themselves, and
/// a month lets a change to last week's shifts still reach them.
const PAST_MS: i64 = 31 * 24 * 3600 * 1000;
/// How far ahead a feed reaches.
const AHEAD_MS: i64 = 400 * 24 * 3600 * 1000;
/// Most shifts in one feed: more than a year of four calls a day.
const MAX_SHIFTS: i64 = 2_000;

/// A secret in the shape [`random_secret`] makes; anything else is no key.
fn well_formed(secret: &str) -> bool {
    secret.len() == 64
        && secret
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

impl Store {
    /// The feeds the caller keeps in this co-operative, whether live or
    /// not: one for each employment of theirs as a PA, and one for each
    /// supported person who is them or whom they represent.
    pub async fn calendar_feeds(&self, scope: &CoopScope) -> Result<Vec<FeedLine>, StoreError> {
        let mut lines = Vec::new();
        let own: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, name FROM employments WHERE coop_id = $1 AND account_id = $2 ORDER BY name, id",
        )
        .bind(scope.coop_id().as_str())
        .bind(scope.account().as_str())
        .fetch_all(self.pool())
        .await?;
        // The query found the caller's own employments; the policy still
        // says whether that tie keeps a feed.
        if keeps_calendar_feed(EmploymentTie::Own) {
            for (id, name) in own {
                lines.push(FeedLine {
                    owner: FeedOwner::Pa(EmploymentId::from_db(id)),
                    name,
                    live_since_ms: None,
                });
            }
        }
        for person in self
            .visible_people(scope, PersonRecord::CalendarFeed)
            .await?
        {
            lines.push(FeedLine {
                owner: FeedOwner::Person(person.person().as_str().to_owned()),
                name: person.name().to_owned(),
                live_since_ms: None,
            });
        }
        let live: Vec<(Option<String>, Option<String>, i64)> = sqlx::query_as(
            "SELECT employment_id, person_id, created_at FROM calendar_feeds
             WHERE coop_id = $1 AND revoked_at IS NULL",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        for line in &mut lines {
            let (pa, person) = line.owner.columns();
            line.live_since_ms = live
                .iter()
                .find(|(e, p, _)| e.as_deref() == pa && p.as_deref() == person)
                .map(|(_, _, at)| *at);
        }
        Ok(lines)
    }

    async fn kept_feed(&self, scope: &CoopScope, owner: &FeedOwner) -> Result<(), CalendarError> {
        let kept = self.calendar_feeds(scope).await?;
        if kept.iter().any(|line| &line.owner == owner) {
            Ok(())
        } else {
            Err(CalendarError::NotFound)
        }
    }

    /// Makes a new feed for `owner`, revoking the live one if there is one,
    /// and returns its secret, which is shown once and kept only as a hash.
    pub async fn create_calendar_feed(
        &self,
        scope: &CoopScope,
        owner: &FeedOwner,
    ) -> Result<String, CalendarError> {
        self.kept_feed(scope, owner).await?;
        let mut tx = self.begin().await?;
        // Two requests at once would otherwise each revoke nothing and then
        // both insert, and the second would fail on the one-live-feed index.
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        revoke_live(&mut tx, scope, owner, self.now_ms()).await?;
        let secret = random_secret();
        let id = random_id();
        let (pa, person) = owner.columns();
        sqlx::query(
            "INSERT INTO calendar_feeds (id, coop_id, employment_id, person_id, token_hash, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(pa)
        .bind(person)
        .bind(hash_secret(&secret))
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "calendar_feed",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"owner": owner.kind(), "id": owner.id()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(secret)
    }

    /// Revokes the live feed of `owner`: its address answers "not found"
    /// from now on.
    pub async fn revoke_calendar_feed(
        &self,
        scope: &CoopScope,
        owner: &FeedOwner,
    ) -> Result<(), CalendarError> {
        self.kept_feed(scope, owner).await?;
        let mut tx = self.begin().await?;
        if !revoke_live(&mut tx, scope, owner, self.now_ms()).await? {
            return Err(CalendarError::NoFeed);
        }
        tx.commit().await?;
        Ok(())
    }

    /// The calendar a feed's secret opens, if the feed is live. No scope:
    /// the secret is the only key, and everything read here is bound to
    /// the co-operative and the owner its row names.
    pub async fn calendar_for_secret(&self, secret: &str) -> Result<Option<Calendar>, StoreError> {
        if !well_formed(secret) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT f.coop_id, f.employment_id, f.person_id, a.language
             FROM calendar_feeds f JOIN accounts a ON a.id = f.created_by
             WHERE f.token_hash = $1 AND f.revoked_at IS NULL",
        )
        .bind(hash_secret(secret))
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let coop = CoopId::from_db(row.try_get(0)?);
        let language: String = row.try_get(3)?;
        let language = Language::from_code(&language).unwrap_or(Language::Cy);
        let owner = match (
            row.try_get::<Option<String>, _>(1)?,
            row.try_get::<Option<String>, _>(2)?,
        ) {
            (Some(pa), None) => FeedOwner::Pa(EmploymentId::from_db(pa)),
            (None, Some(person)) => FeedOwner::Person(person),
            _ => return Err(StoreError::Corrupt("a calendar feed with no owner".into())),
        };
        let now = self.now_ms();
        let (from, to) = (now - PAST_MS, now + AHEAD_MS);
        let (name, shifts) = match &owner {
            FeedOwner::Pa(pa) => self.pa_shifts(&coop, pa, from, to).await?,
            FeedOwner::Person(person) => self.person_shifts(&coop, person, from, to).await?,
        };
        Ok(Some(Calendar {
            coop,
            owner,
            first_name: first_name(&name),
            language,
            shifts,
        }))
    }

    /// A PA's shifts, and the shifts they have left (as cancelled), with
    /// the first names of the people on each.
    async fn pa_shifts(
        &self,
        coop: &CoopId,
        pa: &EmploymentId,
        from: i64,
        to: i64,
    ) -> Result<(String, Vec<FeedShift>), StoreError> {
        let name: String =
            sqlx::query_scalar("SELECT name FROM employments WHERE coop_id = $1 AND id = $2")
                .bind(coop.as_str())
                .bind(pa.as_str())
                .fetch_one(self.pool())
                .await?;
        let theirs = "s.coop_id = $1 AND s.starts_at >= $3 AND s.starts_at < $4
             AND (s.employment_id = $2 OR EXISTS (SELECT 1 FROM shift_pa_departures d
                  WHERE d.coop_id = s.coop_id AND d.shift_id = s.id AND d.employment_id = $2))";
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT s.id, s.starts_local, s.ends_local, s.starts_at, s.ends_at, s.kind, s.cancelled_at, s.created_at, s.updated_at, s.employment_id
             FROM shifts s WHERE {theirs} ORDER BY s.starts_at, s.id LIMIT $5"
        )))
        .bind(coop.as_str())
        .bind(pa.as_str())
        .bind(from)
        .bind(to)
        .bind(MAX_SHIFTS)
        .fetch_all(self.pool())
        .await?;
        let people: Vec<(String, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT sp.shift_id, p.name FROM shift_people sp
             JOIN shifts s ON s.coop_id = sp.coop_id AND s.id = sp.shift_id
             JOIN supported_people p ON p.coop_id = sp.coop_id AND p.id = sp.person_id
             WHERE {theirs} ORDER BY p.name, p.id"
        )))
        .bind(coop.as_str())
        .bind(pa.as_str())
        .bind(from)
        .bind(to)
        .fetch_all(self.pool())
        .await?;
        let mut shifts = Vec::new();
        for row in &rows {
            let on_it: Option<String> = row.try_get(9)?;
            let mut shift = feed_shift(row, on_it.as_deref() != Some(pa.as_str()))?;
            shift.with = people
                .iter()
                .filter(|(id, _)| id == shift.id.as_str())
                .map(|(_, name)| first_name(name))
                .collect();
            shifts.push(shift);
        }
        Ok((name, shifts))
    }

    /// A supported person's shifts, with the first name of the PA on each.
    async fn person_shifts(
        &self,
        coop: &CoopId,
        person: &str,
        from: i64,
        to: i64,
    ) -> Result<(String, Vec<FeedShift>), StoreError> {
        let name: String =
            sqlx::query_scalar("SELECT name FROM supported_people WHERE coop_id = $1 AND id = $2")
                .bind(coop.as_str())
                .bind(person)
                .fetch_one(self.pool())
                .await?;
        let rows = sqlx::query(
            "SELECT s.id, s.starts_local, s.ends_local, s.starts_at, s.ends_at, s.kind, s.cancelled_at, s.created_at, s.updated_at, e.name
             FROM shifts s
             JOIN shift_people sp ON sp.coop_id = s.coop_id AND sp.shift_id = s.id AND sp.person_id = $2
             LEFT JOIN employments e ON e.coop_id = s.coop_id AND e.id = s.employment_id
             WHERE s.coop_id = $1 AND s.starts_at >= $3 AND s.starts_at < $4
             ORDER BY s.starts_at, s.id LIMIT $5",
        )
        .bind(coop.as_str())
        .bind(person)
        .bind(from)
        .bind(to)
        .bind(MAX_SHIFTS)
        .fetch_all(self.pool())
        .await?;
        let mut shifts = Vec::new();
        for row in &rows {
            let mut shift = feed_shift(row, false)?;
            let pa: Option<String> = row.try_get(9)?;
            shift.with = pa.iter().map(|n| first_name(n)).collect();
            shifts.push(shift);
        }
        Ok((name, shifts))
    }
}

/// Revokes the live feed of `owner`, with its audit entry; whether there
/// was one.
async fn revoke_live(
    tx: &mut crate::Tx,
    scope: &CoopScope,
    owner: &FeedOwner,
    now: i64,
) -> Result<bool, StoreError> {
    let column = match owner {
        FeedOwner::Pa(_) => "employment_id",
        FeedOwner::Person(_) => "person_id",
    };
    let live: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT id FROM calendar_feeds WHERE coop_id = $1 AND revoked_at IS NULL AND {column} = $2"
    )))
    .bind(scope.coop_id().as_str())
    .bind(owner.id())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(id) = live else {
        return Ok(false);
    };
    sqlx::query("UPDATE calendar_feeds SET revoked_at = $1, revoked_by = $2 WHERE id = $3")
        .bind(now)
        .bind(scope.account().as_str())
        .bind(&id)
        .execute(&mut **tx)
        .await?;
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "calendar_feed",
            record_id: &id,
            action: AuditAction::Deleted,
            before: Some(json!({"owner": owner.kind(), "id": owner.id(), "revoked": false})),
            after: Some(json!({"owner": owner.kind(), "id": owner.id(), "revoked": true})),
        },
    )
    .await?;
    Ok(true)
}

fn feed_shift(row: &sqlx::any::AnyRow, left: bool) -> Result<FeedShift, StoreError> {
    let corrupt = |what: &str, raw: &str| StoreError::Corrupt(format!("shift {what} {raw:?}"));
    let local = |raw: String| -> Result<DateTime, StoreError> {
        raw.parse().map_err(|_| corrupt("time", &raw))
    };
    let kind: String = row.try_get(5)?;
    Ok(FeedShift {
        id: ShiftId::from_db(row.try_get(0)?),
        start: local(row.try_get(1)?)?,
        end: local(row.try_get(2)?)?,
        starts_at_ms: row.try_get(3)?,
        ends_at_ms: row.try_get(4)?,
        kind: ShiftKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
        with: Vec::new(),
        cancelled: left || row.try_get::<Option<i64>, _>(6)?.is_some(),
        created_at_ms: row.try_get(7)?,
        updated_at_ms: row.try_get(8)?,
    })
}

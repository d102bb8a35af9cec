//! Meetings of the members (the AGM and other general meetings) and of the
//! committee: scheduled with an agenda, notice sent to everyone entitled in
//! time, attendance and apologies with the quorum worked out, minutes
//! drafted, approved at a later meeting and locked.
//!
//! The governance rules decide every step ([`Meeting`]); this module loads
//! the meeting, asks them, and writes the new state with its audit entry in
//! one transaction. Who is entitled is fixed when notice is sent: everyone
//! it went to may attend, and the quorum is counted against them.
//!
//! A locked meeting never changes. The store refuses any step on it, and
//! database triggers (migration 20) refuse any write to it or to who came,
//! whatever the application does.

use std::collections::{BTreeMap, BTreeSet};

use cylch_domain::{EmailAddress, Language};
use cylch_governance::meeting::{MeetingError, NoticeGiven};
use cylch_governance::quorum::{Attendance, AttendanceRecord, QuorumCheck, check_quorum};
use cylch_governance::vote::{VoteChoice, VoteError};
use cylch_governance::{
    Meeting, MeetingId, MeetingKind, MeetingState, MemberId, ShortNoticeConsent,
};
use jiff::Timestamp;
use jiff::civil::{Date, Time};
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::votes::{BallotChannel, CastVote, VotingError};
use crate::{AccountId, CoopScope, Dialect, Store, StoreError, Tx};

pub const KINDS: [MeetingKind; 3] = [
    MeetingKind::AnnualGeneral,
    MeetingKind::General,
    MeetingKind::Committee,
];

pub fn kind_code(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::AnnualGeneral => "annual_general",
        MeetingKind::General => "general",
        MeetingKind::Committee => "committee",
    }
}

pub fn parse_kind(code: &str) -> Option<MeetingKind> {
    KINDS.into_iter().find(|k| kind_code(*k) == code)
}

/// What the secretary records of one person at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Present,
    Apologies,
    Absent,
    /// Represented by another member, present, who holds their proxy.
    ByProxy {
        holder: AccountId,
    },
}

impl Mark {
    pub fn code(&self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Apologies => "apologies",
            Mark::Absent => "absent",
            Mark::ByProxy { .. } => "by_proxy",
        }
    }
}

/// A proposal to be decided at the meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedProposal {
    pub id: String,
    pub title: String,
    pub decided: bool,
}

/// A meeting as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub id: String,
    pub kind: MeetingKind,
    pub date: Date,
    pub starts_at: Time,
    /// The address, or the link to join online.
    pub place: String,
    pub agenda: Vec<String>,
    pub proposals: Vec<LinkedProposal>,
    pub state: MeetingState,
    pub minutes: String,
    pub created_by_name: String,
}

impl MeetingRecord {
    pub fn governance(&self) -> Meeting {
        Meeting {
            id: MeetingId::new(self.id.clone()),
            kind: self.kind,
            date: self.date,
            state: self.state.clone(),
        }
    }

    pub fn is_locked(&self) -> bool {
        matches!(self.state, MeetingState::Locked { .. })
    }

    /// Held, whatever has happened to the minutes since.
    pub fn was_held(&self) -> bool {
        matches!(
            self.state,
            MeetingState::Held { .. }
                | MeetingState::MinutesDrafted { .. }
                | MeetingState::MinutesApproved { .. }
                | MeetingState::Locked { .. }
        )
    }

    /// The quorum recorded when the meeting was held.
    pub fn quorum(&self) -> Option<QuorumCheck> {
        match &self.state {
            MeetingState::Held { quorum }
            | MeetingState::MinutesDrafted { quorum }
            | MeetingState::MinutesApproved { quorum, .. }
            | MeetingState::Locked { quorum, .. } => Some(*quorum),
            _ => None,
        }
    }
}

/// A new meeting as the store receives it.
pub struct NewMeeting<'a> {
    pub kind: MeetingKind,
    pub date: Date,
    pub starts_at: Time,
    pub place: &'a str,
    pub agenda: &'a [String],
    /// Proposals of this co-operative, not yet decided, to be decided at
    /// the meeting.
    pub proposals: &'a [String],
}

/// Someone entitled to notice of a meeting, with where and in which
/// language to write to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entitled {
    pub account: AccountId,
    pub name: String,
    pub email: EmailAddress,
    pub language: Language,
}

/// One person entitled to attend, and what is recorded of them so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    pub account: AccountId,
    pub name: String,
    pub mark: Option<Mark>,
    pub holder_name: Option<String>,
}

/// Why a step on a meeting was refused.
#[derive(Debug, thiserror::Error)]
pub enum MeetingStoreError {
    #[error(transparent)]
    Refused(#[from] MeetingError),
    /// Proxies the rules do not allow, too many for one holder, and so on.
    #[error(transparent)]
    Attendance(#[from] VoteError),
    #[error("only people who were sent notice of the meeting are recorded as attending")]
    NotEntitled,
    #[error("attendance is recorded once notice has gone out, until the minutes are drafted")]
    AttendanceClosed,
    #[error("a proxy holder must be at the meeting in person")]
    HolderNotPresent,
    #[error("that proposal is not one of this co-operative's undecided proposals")]
    UnknownProposal,
    #[error("that proposal is not to be decided at this meeting")]
    ProposalNotOnAgenda,
    #[error("no one is entitled to notice of this meeting")]
    NobodyEntitled,
    #[error(transparent)]
    Voting(#[from] VotingError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for MeetingStoreError {
    fn from(err: sqlx::Error) -> Self {
        MeetingStoreError::Store(err.into())
    }
}

impl MeetingStoreError {
    /// The stable code the pages and the API translate.
    pub fn code(&self) -> &'static str {
        match self {
            MeetingStoreError::Refused(inner) => inner.code(),
            MeetingStoreError::Attendance(inner) => inner.code(),
            MeetingStoreError::NotEntitled => "meetings-not-entitled",
            MeetingStoreError::AttendanceClosed => "meetings-attendance-closed",
            MeetingStoreError::HolderNotPresent => "meetings-holder-not-present",
            MeetingStoreError::UnknownProposal => "meetings-unknown-proposal",
            MeetingStoreError::ProposalNotOnAgenda => "meetings-proposal-not-on-agenda",
            MeetingStoreError::NobodyEntitled => "meetings-nobody-entitled",
            MeetingStoreError::Voting(inner) => inner.code(),
            MeetingStoreError::Store(_) => "internal",
        }
    }
}

fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {raw:?}"))
}

fn time_text(time: Time) -> String {
    time.strftime("%H:%M").to_string()
}

fn parse_time(raw: &str) -> Result<Time, StoreError> {
    Time::strptime("%H:%M", raw).map_err(|_| corrupt("time", raw))
}

fn state_json(state: &MeetingState) -> Result<String, StoreError> {
    serde_json::to_string(state).map_err(|e| StoreError::Corrupt(format!("meeting state: {e}")))
}

const MEETING_COLUMNS: &str =
    "m.id, m.kind, m.held_on, m.starts_at, m.place, m.agenda_json, m.state_json, m.minutes, a.name";

fn meeting_from_row(row: &sqlx::any::AnyRow) -> Result<MeetingRecord, StoreError> {
    let kind: String = row.try_get(1)?;
    let date: String = row.try_get(2)?;
    let starts: String = row.try_get(3)?;
    let agenda: String = row.try_get(5)?;
    let state: String = row.try_get(6)?;
    Ok(MeetingRecord {
        id: row.try_get(0)?,
        kind: parse_kind(&kind).ok_or_else(|| corrupt("meeting kind", &kind))?,
        date: date.parse().map_err(|_| corrupt("date", &date))?,
        starts_at: parse_time(&starts)?,
        place: row.try_get(4)?,
        agenda: serde_json::from_str(&agenda).map_err(|_| corrupt("agenda", &agenda))?,
        proposals: Vec::new(),
        state: serde_json::from_str(&state).map_err(|_| corrupt("meeting state", &state))?,
        minutes: row.try_get(7)?,
        created_by_name: row.try_get(8)?,
    })
}

fn meeting_query(filter: &str) -> String {
    format!(
        "SELECT {MEETING_COLUMNS} FROM meetings m JOIN accounts a ON a.id = m.created_by
         WHERE m.coop_id = $1 {filter}"
    )
}

async fn linked_proposals<'e, E>(
    executor: E,
    meeting: &str,
) -> Result<Vec<LinkedProposal>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let rows = sqlx::query(
        "SELECT p.id, p.title, p.decided_at FROM meeting_proposals mp JOIN proposals p ON p.id = mp.proposal_id
         WHERE mp.meeting_id = $1 ORDER BY p.created_at, p.id",
    )
    .bind(meeting)
    .fetch_all(executor)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(LinkedProposal {
                id: row.try_get(0)?,
                title: row.try_get(1)?,
                decided: row.try_get::<Option<i64>, _>(2)?.is_some(),
            })
        })
        .collect()
}

/// Loads one of the co-operative's meetings inside a write transaction,
/// locking its row on PostgreSQL so that steps on it queue.
async fn lock_meeting(
    dialect: Dialect,
    tx: &mut Tx,
    scope: &CoopScope,
    id: &str,
) -> Result<MeetingRecord, StoreError> {
    let lock = match dialect {
        Dialect::Postgres => " FOR UPDATE OF m",
        Dialect::Sqlite => "",
    };
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{}{lock}",
        meeting_query("AND m.id = $2")
    )))
    .bind(scope.coop_id().as_str())
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    let mut record = meeting_from_row(&row)?;
    record.proposals = linked_proposals(&mut **tx, id).await?;
    Ok(record)
}

/// Everyone entitled to notice of a `kind` meeting now: every current
/// member for a general meeting, every current office holder for a
/// committee meeting.
async fn entitled_now<'e, E>(
    executor: E,
    scope: &CoopScope,
    kind: MeetingKind,
) -> Result<Vec<Entitled>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let sql = if kind.is_general() {
        "SELECT a.id, a.name, a.email, a.language FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.coop_id = $1 AND m.ceased_on IS NULL AND m.class IS NOT NULL ORDER BY a.name, a.id"
    } else {
        "SELECT a.id, a.name, a.email, a.language FROM memberships m JOIN accounts a ON a.id = m.account_id
         WHERE m.coop_id = $1 AND m.ceased_on IS NULL
           AND EXISTS (SELECT 1 FROM offices o WHERE o.coop_id = m.coop_id AND o.account_id = m.account_id AND o.ended_at IS NULL)
         ORDER BY a.name, a.id"
    };
    let rows = sqlx::query(sql)
        .bind(scope.coop_id().as_str())
        .fetch_all(executor)
        .await?;
    rows.iter()
        .map(|row| {
            let email: String = row.try_get(2)?;
            let language: String = row.try_get(3)?;
            Ok(Entitled {
                account: AccountId::from_db(row.try_get(0)?),
                name: row.try_get(1)?,
                email: EmailAddress::parse(&email).map_err(|_| corrupt("email", &email))?,
                language: Language::from_code(&language)
                    .ok_or_else(|| corrupt("language", &language))?,
            })
        })
        .collect()
}

/// Who was sent notice, and what is recorded of their attendance.
async fn attendance_in<'e, E>(executor: E, meeting: &str) -> Result<Vec<AttendanceRow>, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let rows = sqlx::query(
        "SELECT n.account_id, a.name, t.attendance, t.proxy_holder, h.name FROM meeting_notices n
         JOIN accounts a ON a.id = n.account_id
         LEFT JOIN meeting_attendance t ON t.meeting_id = n.meeting_id AND t.account_id = n.account_id
         LEFT JOIN accounts h ON h.id = t.proxy_holder
         WHERE n.meeting_id = $1 ORDER BY a.name, a.id",
    )
    .bind(meeting)
    .fetch_all(executor)
    .await?;
    rows.iter()
        .map(|row| {
            let mark: Option<String> = row.try_get(2)?;
            let holder: Option<String> = row.try_get(3)?;
            let mark = match (mark.as_deref(), holder) {
                (None, _) => None,
                (Some("present"), _) => Some(Mark::Present),
                (Some("apologies"), _) => Some(Mark::Apologies),
                (Some("absent"), _) => Some(Mark::Absent),
                (Some("by_proxy"), Some(holder)) => Some(Mark::ByProxy {
                    holder: AccountId::from_db(holder),
                }),
                (Some(other), _) => return Err(corrupt("attendance", other)),
            };
            Ok(AttendanceRow {
                account: AccountId::from_db(row.try_get(0)?),
                name: row.try_get(1)?,
                mark,
                holder_name: row.try_get(4)?,
            })
        })
        .collect()
}

/// The quorum as the attendance recorded so far makes it.
fn quorum_of(
    rules: &cylch_governance::Rules,
    kind: MeetingKind,
    rows: &[AttendanceRow],
) -> Result<QuorumCheck, MeetingStoreError> {
    let records: Vec<AttendanceRecord> = rows
        .iter()
        .filter_map(|row| {
            let attendance = match row.mark.as_ref()? {
                Mark::Present => Attendance::Present,
                Mark::Apologies => Attendance::Apologies,
                Mark::Absent => return None,
                Mark::ByProxy { holder } => Attendance::ByProxy {
                    holder: MemberId::new(holder.as_str()),
                },
            };
            Some(AttendanceRecord {
                member: MemberId::new(row.account.as_str()),
                attendance,
            })
        })
        .collect();
    let entitled = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    Ok(check_quorum(rules, kind, entitled, &records)?)
}

async fn save_state(
    tx: &mut Tx,
    scope: &CoopScope,
    record: &MeetingRecord,
    state: &MeetingState,
    minutes: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE meetings SET state = $1, state_json = $2, minutes = COALESCE($3, minutes), updated_at = $4
         WHERE id = $5 AND coop_id = $6",
    )
    .bind(state.code())
    .bind(state_json(state)?)
    .bind(minutes)
    .bind(crate::clock::written_at_ms())
    .bind(&record.id)
    .bind(scope.coop_id().as_str())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn audit_meeting(
    tx: &mut Tx,
    scope: &CoopScope,
    id: &str,
    action: AuditAction,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), StoreError> {
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "meeting",
            record_id: id,
            action,
            before,
            after: Some(after),
        },
    )
    .await
}

impl Store {
    /// Schedules a meeting with its agenda and the proposals it will decide.
    pub async fn schedule_meeting(
        &self,
        scope: &CoopScope,
        new: NewMeeting<'_>,
    ) -> Result<MeetingRecord, MeetingStoreError> {
        let id = random_id();
        let meeting = Meeting::schedule(MeetingId::new(id.clone()), new.kind, new.date);
        let agenda: Vec<String> = new
            .agenda
            .iter()
            .map(|item| item.trim().to_owned())
            .filter(|item| !item.is_empty())
            .collect();
        let agenda_json =
            serde_json::to_string(&agenda).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let now = self.now_ms();
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO meetings (id, coop_id, kind, held_on, starts_at, place, agenda_json, state, state_json, minutes, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '', $10, $11, $11)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(kind_code(new.kind))
        .bind(new.date.to_string())
        .bind(time_text(new.starts_at))
        .bind(new.place.trim())
        .bind(&agenda_json)
        .bind(meeting.state.code())
        .bind(state_json(&meeting.state)?)
        .bind(scope.account().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let unique: BTreeSet<&String> = new.proposals.iter().collect();
        for proposal in unique {
            let undecided: Option<String> = sqlx::query_scalar(
                "SELECT id FROM proposals WHERE id = $1 AND coop_id = $2 AND decided_at IS NULL",
            )
            .bind(proposal)
            .bind(scope.coop_id().as_str())
            .fetch_optional(&mut *tx)
            .await?;
            if undecided.is_none() {
                return Err(MeetingStoreError::UnknownProposal);
            }
            sqlx::query("INSERT INTO meeting_proposals (meeting_id, proposal_id) VALUES ($1, $2)")
                .bind(&id)
                .bind(proposal)
                .execute(&mut *tx)
                .await?;
        }
        audit_meeting(
            &mut tx,
            scope,
            &id,
            AuditAction::Created,
            None,
            json!({
                "kind": kind_code(new.kind),
                "date": new.date.to_string(),
                "starts_at": time_text(new.starts_at),
                "place": new.place.trim(),
                "agenda": agenda,
                "proposals": new.proposals,
            }),
        )
        .await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, &id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// The co-operative's meetings, latest date first.
    pub async fn meetings(&self, scope: &CoopScope) -> Result<Vec<MeetingRecord>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(meeting_query(
            "ORDER BY m.held_on DESC, m.starts_at DESC, m.id",
        )))
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(meeting_from_row).collect()
    }

    pub async fn meeting(
        &self,
        scope: &CoopScope,
        id: &str,
    ) -> Result<Option<MeetingRecord>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(meeting_query("AND m.id = $2")))
            .bind(scope.coop_id().as_str())
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let mut record = meeting_from_row(&row)?;
        record.proposals = linked_proposals(self.pool(), id).await?;
        Ok(Some(record))
    }

    /// Who would be sent notice of a `kind` meeting today.
    pub async fn entitled_to_notice(
        &self,
        scope: &CoopScope,
        kind: MeetingKind,
    ) -> Result<Vec<Entitled>, StoreError> {
        entitled_now(self.pool(), scope, kind).await
    }

    /// Records that notice of the meeting, with its agenda, went on
    /// `sent_on` to everyone entitled, and returns them so that it can be
    /// sent. Refused, with nothing recorded, when it is too late under the
    /// rules' clear days unless members' consent to short notice is given.
    pub async fn give_notice(
        &self,
        scope: &CoopScope,
        id: &str,
        sent_on: Date,
        consent: Option<ShortNoticeConsent>,
    ) -> Result<(MeetingRecord, Vec<Entitled>), MeetingStoreError> {
        let mut tx = self.begin().await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        let rules = crate::rules::current(&mut *tx, scope).await?;
        let entitled = entitled_now(&mut *tx, scope, record.kind).await?;
        if entitled.is_empty() {
            return Err(MeetingStoreError::NobodyEntitled);
        }
        let sent_to: BTreeSet<MemberId> = entitled
            .iter()
            .map(|e| MemberId::new(e.account.as_str()))
            .collect();
        let mut agenda = record.agenda.clone();
        agenda.extend(record.proposals.iter().map(|p| p.title.clone()));
        let mut meeting = record.governance();
        let check = meeting.send_notice(
            &rules,
            &NoticeGiven {
                sent_on,
                agenda,
                sent_to: sent_to.clone(),
            },
            &sent_to,
            consent,
        )?;
        for person in &entitled {
            sqlx::query(
                "INSERT INTO meeting_notices (meeting_id, account_id, email, language, sent_on) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(person.account.as_str())
            .bind(person.email.as_str())
            .bind(person.language.code())
            .bind(sent_on.to_string())
            .execute(&mut *tx)
            .await?;
        }
        // The notice itself goes by email to everyone entitled; the home
        // page shows it too.
        crate::notifications::notify(
            &mut tx,
            scope.coop_id(),
            crate::notifications::NotificationKind::MeetingNotice,
            &crate::notifications::Subject::Meeting {
                id: id.to_owned(),
                kind: kind_code(record.kind).to_owned(),
                date: record.date,
            },
            &entitled
                .iter()
                .map(|e| e.account.clone())
                .collect::<Vec<_>>(),
            false,
        )
        .await?;
        save_state(&mut tx, scope, &record, &meeting.state, None).await?;
        audit_meeting(
            &mut tx,
            scope,
            id,
            AuditAction::Updated,
            Some(json!({"state": record.state.code()})),
            json!({
                "state": meeting.state.code(),
                "notice_sent_on": sent_on.to_string(),
                "clear_days": check.clear_days,
                "required": check.required,
                "by_consent": check.by_consent,
                "consent": consent.map(|c| json!({"agreeing": c.agreeing, "entitled": c.entitled})),
                "sent_to": entitled.iter().map(|e| e.account.as_str()).collect::<Vec<_>>(),
            }),
        )
        .await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        tx.commit().await?;
        Ok((record, entitled))
    }

    /// Everyone notice went to, with the language it was written in.
    pub async fn notice_recipients(
        &self,
        scope: &CoopScope,
        id: &str,
    ) -> Result<Vec<(String, Language, Date)>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.name, n.language, n.sent_on FROM meeting_notices n JOIN meetings m ON m.id = n.meeting_id
             JOIN accounts a ON a.id = n.account_id WHERE m.coop_id = $1 AND n.meeting_id = $2 ORDER BY a.name, a.id",
        )
        .bind(scope.coop_id().as_str())
        .bind(id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let language: String = row.try_get(1)?;
                let sent: String = row.try_get(2)?;
                Ok((
                    row.try_get(0)?,
                    Language::from_code(&language).ok_or_else(|| corrupt("language", &language))?,
                    sent.parse().map_err(|_| corrupt("date", &sent))?,
                ))
            })
            .collect()
    }

    /// Everyone entitled to attend (those sent notice), with what is
    /// recorded of each.
    pub async fn attendance(
        &self,
        scope: &CoopScope,
        id: &str,
    ) -> Result<Vec<AttendanceRow>, StoreError> {
        if self.meeting(scope, id).await?.is_none() {
            return Err(StoreError::NotFound);
        }
        attendance_in(self.pool(), id).await
    }

    /// The quorum as the attendance recorded so far makes it, under the
    /// rules in force; `None` before notice has gone out.
    pub async fn live_quorum(
        &self,
        scope: &CoopScope,
        record: &MeetingRecord,
    ) -> Result<Option<QuorumCheck>, MeetingStoreError> {
        let rows = self.attendance(scope, &record.id).await?;
        if rows.is_empty() {
            return Ok(None);
        }
        let rules = self.rules(scope).await?;
        quorum_of(&rules, record.kind, &rows).map(Some)
    }

    /// Records who came, who sent apologies, who was absent and who was
    /// represented by proxy. `marks` replaces what was recorded for the
    /// people it names (`None` clears it). Refused as a whole when anyone
    /// named was not sent notice, or the proxies break the rules.
    pub async fn record_attendance(
        &self,
        scope: &CoopScope,
        id: &str,
        marks: &[(AccountId, Option<Mark>)],
    ) -> Result<QuorumCheck, MeetingStoreError> {
        let mut tx = self.begin().await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        if !matches!(
            record.state,
            MeetingState::NoticeSent { .. } | MeetingState::Held { .. }
        ) {
            return Err(MeetingStoreError::AttendanceClosed);
        }
        let rules = crate::rules::current(&mut *tx, scope).await?;
        let mut rows = attendance_in(&mut *tx, id).await?;
        let before: BTreeMap<String, Option<Mark>> = rows
            .iter()
            .map(|r| (r.account.as_str().to_owned(), r.mark.clone()))
            .collect();
        for (account, mark) in marks {
            let row = rows
                .iter_mut()
                .find(|r| &r.account == account)
                .ok_or(MeetingStoreError::NotEntitled)?;
            row.mark = mark.clone();
        }
        for row in &rows {
            if let Some(Mark::ByProxy { holder }) = &row.mark {
                // Committee members act in person.
                if !record.kind.is_general() {
                    return Err(VoteError::ProxiesNotAllowed.into());
                }
                let holder_present = rows
                    .iter()
                    .any(|r| &r.account == holder && r.mark == Some(Mark::Present));
                if !holder_present {
                    return Err(if before.contains_key(holder.as_str()) {
                        MeetingStoreError::HolderNotPresent
                    } else {
                        MeetingStoreError::NotEntitled
                    });
                }
            }
        }
        let quorum = quorum_of(&rules, record.kind, &rows)?;
        let now = self.now_ms();
        for (account, mark) in marks {
            sqlx::query("DELETE FROM meeting_attendance WHERE meeting_id = $1 AND account_id = $2")
                .bind(id)
                .bind(account.as_str())
                .execute(&mut *tx)
                .await?;
            if let Some(mark) = mark {
                let holder = match mark {
                    Mark::ByProxy { holder } => Some(holder.as_str().to_owned()),
                    _ => None,
                };
                sqlx::query(
                    "INSERT INTO meeting_attendance (meeting_id, account_id, attendance, proxy_holder, recorded_by, recorded_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(account.as_str())
                .bind(mark.code())
                .bind(holder)
                .bind(scope.account().as_str())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            let view = |mark: Option<&Mark>| match mark {
                Some(Mark::ByProxy { holder }) => {
                    json!({"attendance": "by_proxy", "proxy_holder": holder.as_str()})
                }
                Some(other) => json!({"attendance": other.code()}),
                None => json!({"attendance": null}),
            };
            let previous = before.get(account.as_str()).cloned().flatten();
            if previous.as_ref() == mark.as_ref() {
                continue;
            }
            audit::record(
                &mut tx,
                Change {
                    coop: Some(scope.coop_id()),
                    actor: Some(scope.account()),
                    record_kind: "meeting_attendance",
                    record_id: &format!("{id}:{}", account.as_str()),
                    action: if previous.is_some() {
                        AuditAction::Updated
                    } else {
                        AuditAction::Created
                    },
                    before: previous.as_ref().map(|m| view(Some(m))),
                    after: Some(view(mark.as_ref())),
                },
            )
            .await?;
        }
        // Once held, the quorum in the record follows late arrivals.
        if let MeetingState::Held { .. } = record.state {
            save_state(
                &mut tx,
                scope,
                &record,
                &MeetingState::Held { quorum },
                None,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(quorum)
    }

    /// Records the meeting as held on `held_on`, its day, with the quorum
    /// the attendance makes. An inquorate meeting is recorded but decides
    /// nothing.
    pub async fn hold_meeting(
        &self,
        scope: &CoopScope,
        id: &str,
        held_on: Date,
    ) -> Result<MeetingRecord, MeetingStoreError> {
        let mut tx = self.begin().await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        let rules = crate::rules::current(&mut *tx, scope).await?;
        let rows = attendance_in(&mut *tx, id).await?;
        let quorum = quorum_of(&rules, record.kind, &rows)?;
        let mut meeting = record.governance();
        meeting.hold(held_on, quorum)?;
        save_state(&mut tx, scope, &record, &meeting.state, None).await?;
        audit_meeting(
            &mut tx,
            scope,
            id,
            AuditAction::Updated,
            Some(json!({"state": record.state.code()})),
            json!({
                "state": meeting.state.code(),
                "present": quorum.present,
                "required": quorum.required,
                "quorate": quorum.quorate,
            }),
        )
        .await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Drafts the minutes of a held meeting, or changes the draft; refused
    /// once they are approved.
    pub async fn draft_minutes(
        &self,
        scope: &CoopScope,
        id: &str,
        text: &str,
    ) -> Result<MeetingRecord, MeetingStoreError> {
        let mut tx = self.begin().await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        let mut meeting = record.governance();
        if matches!(meeting.state, MeetingState::Held { .. }) {
            meeting.draft_minutes()?;
        } else {
            meeting.may_edit_minutes()?;
        }
        let text = text.trim();
        save_state(&mut tx, scope, &record, &meeting.state, Some(text)).await?;
        audit_meeting(
            &mut tx,
            scope,
            id,
            AuditAction::Updated,
            Some(json!({"state": record.state.code(), "minutes": record.minutes})),
            json!({"state": meeting.state.code(), "minutes": text}),
        )
        .await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Records that the minutes of meeting `earlier` were approved at
    /// meeting `at`: a later meeting of the same body, held and quorate.
    pub async fn approve_minutes(
        &self,
        scope: &CoopScope,
        earlier: &str,
        at: &str,
    ) -> Result<MeetingRecord, MeetingStoreError> {
        let mut tx = self.begin().await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, earlier).await?;
        let later = lock_meeting(self.dialect(), &mut tx, scope, at).await?;
        let mut meeting = record.governance();
        meeting.approve_minutes(&later.governance())?;
        save_state(&mut tx, scope, &record, &meeting.state, None).await?;
        audit_meeting(
            &mut tx,
            scope,
            earlier,
            AuditAction::Updated,
            Some(json!({"state": record.state.code()})),
            json!({"state": meeting.state.code(), "approved_at": at, "approved_on": later.date.to_string()}),
        )
        .await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, earlier).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// Locks approved minutes: from now on nothing about the meeting
    /// changes.
    pub async fn lock_minutes(
        &self,
        scope: &CoopScope,
        id: &str,
    ) -> Result<MeetingRecord, MeetingStoreError> {
        self.step(scope, id, |meeting| meeting.lock()).await
    }

    /// Calls off a meeting that has not been held.
    pub async fn cancel_meeting(
        &self,
        scope: &CoopScope,
        id: &str,
    ) -> Result<MeetingRecord, MeetingStoreError> {
        self.step(scope, id, |meeting| meeting.cancel()).await
    }

    async fn step(
        &self,
        scope: &CoopScope,
        id: &str,
        apply: impl FnOnce(&mut Meeting) -> Result<(), MeetingError>,
    ) -> Result<MeetingRecord, MeetingStoreError> {
        let mut tx = self.begin().await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        let mut meeting = record.governance();
        apply(&mut meeting)?;
        save_state(&mut tx, scope, &record, &meeting.state, None).await?;
        audit_meeting(
            &mut tx,
            scope,
            id,
            AuditAction::Updated,
            Some(json!({"state": record.state.code()})),
            json!({"state": meeting.state.code()}),
        )
        .await?;
        let record = lock_meeting(self.dialect(), &mut tx, scope, id).await?;
        tx.commit().await?;
        Ok(record)
    }

    /// A vote given at the meeting on a proposal it decides, entered by the
    /// secretary. It is the member's one ballot on the proposal, counted
    /// with the online ones: refused if they have already voted in any way.
    /// Only while the meeting is held and quorate.
    pub async fn record_meeting_vote(
        &self,
        scope: &CoopScope,
        id: &str,
        proposal: &str,
        member: &AccountId,
        choice: VoteChoice,
        at: Timestamp,
    ) -> Result<CastVote, MeetingStoreError> {
        let record = self.meeting(scope, id).await?.ok_or(StoreError::NotFound)?;
        record.governance().may_decide()?;
        if !record.proposals.iter().any(|p| p.id == proposal) {
            return Err(MeetingStoreError::ProposalNotOnAgenda);
        }
        Ok(self
            .record_vote_for(scope, proposal, member, choice, BallotChannel::Paper, at)
            .await?)
    }
}

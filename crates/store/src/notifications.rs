//! Notifications: what each member is told of a new proposal, a vote about
//! to close, a meeting's notice and a result.
//!
//! They are written in the same transaction as the thing they tell of, so
//! none is lost or told of something that did not happen. Email goes out
//! later, from whichever app server claims each one first: the claim is an
//! update that only one server can win, which keeps the servers stateless
//! and sends each email once.

use std::collections::BTreeMap;

use cylch_domain::{EmailAddress, Language};
use jiff::Timestamp;
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{AccountId, CoopId, CoopScope, Store, StoreError, Tx};

/// What a notification tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NotificationKind {
    NewProposal,
    /// A vote the member has not yet cast closes within a day.
    VoteClosing,
    MeetingNotice,
    Result,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 4] = [
        NotificationKind::NewProposal,
        NotificationKind::VoteClosing,
        NotificationKind::MeetingNotice,
        NotificationKind::Result,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::NewProposal => "new_proposal",
            NotificationKind::VoteClosing => "vote_closing",
            NotificationKind::MeetingNotice => "meeting_notice",
            NotificationKind::Result => "result",
        }
    }

    pub fn parse(code: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the notification is about, as it was when it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Proposal {
        id: String,
        title: String,
    },
    Meeting {
        id: String,
        kind: String,
        date: Date,
    },
}

impl Subject {
    fn id(&self) -> &str {
        match self {
            Subject::Proposal { id, .. } | Subject::Meeting { id, .. } => id,
        }
    }
}

/// One notification on a member's home page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub id: String,
    pub coop_id: CoopId,
    pub coop_name: String,
    pub kind: NotificationKind,
    pub subject: Subject,
    pub created_at_ms: i64,
    pub read: bool,
}

/// A notification claimed for sending by email.
#[derive(Debug, Clone)]
pub struct PendingEmail {
    pub notification: Notification,
    pub to: EmailAddress,
    pub name: String,
    pub language: Language,
}

fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {raw:?}"))
}

/// Tells `recipients` of `subject`, in the caller's transaction. Each hears
/// by email unless they said not to; `email` false keeps it to the home
/// page (a meeting's notice, which goes by email anyway). A member told of
/// the same thing before is not told twice.
pub(crate) async fn notify(
    tx: &mut Tx,
    coop: &CoopId,
    kind: NotificationKind,
    subject: &Subject,
    recipients: &[AccountId],
    email: bool,
) -> Result<(), StoreError> {
    let (title, meeting_kind, meeting_date) = match subject {
        Subject::Proposal { title, .. } => (title.clone(), None, None),
        Subject::Meeting { kind, date, .. } => {
            (String::new(), Some(kind.clone()), Some(date.to_string()))
        }
    };
    let now = crate::clock::written_at_ms();
    for account in recipients {
        let refused: Option<i64> = sqlx::query_scalar(
            "SELECT email FROM notification_settings WHERE coop_id = $1 AND account_id = $2 AND kind = $3",
        )
        .bind(coop.as_str())
        .bind(account.as_str())
        .bind(kind.code())
        .fetch_optional(&mut **tx)
        .await?;
        let wanted = email && refused != Some(0);
        sqlx::query(
            "INSERT INTO notifications (id, coop_id, account_id, kind, subject_id, title, meeting_kind, meeting_date, created_at, email_wanted)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (account_id, kind, subject_id) DO NOTHING",
        )
        .bind(random_id())
        .bind(coop.as_str())
        .bind(account.as_str())
        .bind(kind.code())
        .bind(subject.id())
        .bind(&title)
        .bind(meeting_kind.clone())
        .bind(meeting_date.clone())
        .bind(now)
        .bind(i64::from(wanted))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The co-operative's current members, but one.
pub(crate) async fn members_but(
    tx: &mut Tx,
    coop: &CoopId,
    but: Option<&AccountId>,
) -> Result<Vec<AccountId>, StoreError> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT account_id FROM memberships WHERE coop_id = $1 AND ceased_on IS NULL ORDER BY account_id",
    )
    .bind(coop.as_str())
    .fetch_all(&mut **tx)
    .await?;
    Ok(ids
        .into_iter()
        .map(AccountId::from_db)
        .filter(|id| Some(id) != but)
        .collect())
}

const COLUMNS: &str = "n.id, n.coop_id, c.name, n.kind, n.subject_id, n.title, n.meeting_kind, n.meeting_date, n.created_at, n.read_at";

fn from_row(row: &sqlx::any::AnyRow) -> Result<Notification, StoreError> {
    let kind: String = row.try_get(3)?;
    let kind = NotificationKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?;
    let id: String = row.try_get(4)?;
    let subject = match row.try_get::<Option<String>, _>(7)? {
        Some(date) => Subject::Meeting {
            id,
            kind: row.try_get::<Option<String>, _>(6)?.unwrap_or_default(),
            date: date.parse().map_err(|_| corrupt("date", &date))?,
        },
        None => Subject::Proposal {
            id,
            title: row.try_get(5)?,
        },
    };
    Ok(Notification {
        id: row.try_get(0)?,
        coop_id: CoopId::from_db(row.try_get(1)?),
        coop_name: row.try_get(2)?,
        kind,
        subject,
        created_at_ms: row.try_get(8)?,
        read: row.try_get::<Option<i64>, _>(9)?.is_some(),
    })
}

impl Store {
    /// The newest notifications of `account` from co-operatives it is a
    /// current member of: someone who has left hears nothing more of it.
    pub async fn notifications_for(
        &self,
        account: &AccountId,
        limit: i64,
    ) -> Result<Vec<Notification>, StoreError> {
        let query = format!(
            "SELECT {COLUMNS} FROM notifications n JOIN coops c ON c.id = n.coop_id
             JOIN memberships m ON m.coop_id = n.coop_id AND m.account_id = n.account_id AND m.ceased_on IS NULL
             WHERE n.account_id = $1 ORDER BY n.created_at DESC, n.id LIMIT $2"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(account.as_str())
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(from_row).collect()
    }

    /// Marks one of the account's own notifications read. Someone else's
    /// is "not found".
    pub async fn mark_notification_read(
        &self,
        account: &AccountId,
        id: &str,
    ) -> Result<(), StoreError> {
        let done = sqlx::query(
            "UPDATE notifications SET read_at = $1 WHERE id = $2 AND account_id = $3 AND read_at IS NULL",
        )
        .bind(self.now_ms())
        .bind(id)
        .bind(account.as_str())
        .execute(self.pool())
        .await?
        .rows_affected();
        if done == 0 {
            let exists: Option<String> = sqlx::query_scalar(
                "SELECT id FROM notifications WHERE id = $1 AND account_id = $2",
            )
            .bind(id)
            .bind(account.as_str())
            .fetch_optional(self.pool())
            .await?;
            if exists.is_none() {
                return Err(StoreError::NotFound);
            }
        }
        Ok(())
    }

    /// Whether the signed-in member hears of each kind by email here.
    pub async fn notification_settings(
        &self,
        scope: &CoopScope,
    ) -> Result<BTreeMap<NotificationKind, bool>, StoreError> {
        let rows = sqlx::query(
            "SELECT kind, email FROM notification_settings WHERE coop_id = $1 AND account_id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(scope.account().as_str())
        .fetch_all(self.pool())
        .await?;
        let mut settings: BTreeMap<_, _> =
            NotificationKind::ALL.iter().map(|k| (*k, true)).collect();
        for row in &rows {
            let kind: String = row.try_get(0)?;
            let kind = NotificationKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?;
            settings.insert(kind, row.try_get::<i64, _>(1)? == 1);
        }
        Ok(settings)
    }

    /// Saves the signed-in member's choices of email, kind by kind.
    pub async fn set_notification_settings(
        &self,
        scope: &CoopScope,
        settings: &BTreeMap<NotificationKind, bool>,
    ) -> Result<(), StoreError> {
        let before = self.notification_settings(scope).await?;
        let mut tx = self.begin().await?;
        for (kind, email) in settings {
            sqlx::query(
                "DELETE FROM notification_settings WHERE coop_id = $1 AND account_id = $2 AND kind = $3",
            )
            .bind(scope.coop_id().as_str())
            .bind(scope.account().as_str())
            .bind(kind.code())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO notification_settings (coop_id, account_id, kind, email) VALUES ($1, $2, $3, $4)",
            )
            .bind(scope.coop_id().as_str())
            .bind(scope.account().as_str())
            .bind(kind.code())
            .bind(i64::from(*email))
            .execute(&mut *tx)
            .await?;
        }
        let view = |s: &BTreeMap<NotificationKind, bool>| {
            s.iter()
                .map(|(k, v)| (k.code().to_owned(), json!(v)))
                .collect::<serde_json::Map<_, _>>()
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "notification_settings",
                record_id: scope.account().as_str(),
                action: AuditAction::Updated,
                before: Some(view(&before).into()),
                after: Some(view(settings).into()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Tells every member who has a vote and has not used it that voting
    /// closes within a day, once per proposal. Runs across every
    /// co-operative on the instance, from the service's own timer.
    pub async fn remind_closing_votes(&self, now: Timestamp) -> Result<usize, StoreError> {
        let soon = now.as_millisecond() + 24 * 60 * 60 * 1000;
        let due = sqlx::query(
            "SELECT id, coop_id, title FROM proposals
             WHERE decided_at IS NULL AND opens_at <= $1 AND closes_at > $1 AND closes_at <= $2",
        )
        .bind(now.as_millisecond())
        .bind(soon)
        .fetch_all(self.pool())
        .await?;
        let mut told = 0;
        for row in &due {
            let id: String = row.try_get(0)?;
            let coop = CoopId::from_db(row.try_get(1)?);
            let title: String = row.try_get(2)?;
            let mut tx = self.begin().await?;
            let waiting: Vec<String> = sqlx::query_scalar(
                "SELECT m.account_id FROM memberships m
                 WHERE m.coop_id = $1 AND m.ceased_on IS NULL AND m.class IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.proposal_id = $2 AND b.member_account_id = m.account_id)
                 AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.account_id = m.account_id AND n.kind = 'vote_closing' AND n.subject_id = $2)",
            )
            .bind(coop.as_str())
            .bind(&id)
            .fetch_all(&mut *tx)
            .await?;
            let waiting: Vec<AccountId> = waiting.into_iter().map(AccountId::from_db).collect();
            told += waiting.len();
            notify(
                &mut tx,
                &coop,
                NotificationKind::VoteClosing,
                &Subject::Proposal { id, title },
                &waiting,
                true,
            )
            .await?;
            tx.commit().await?;
        }
        Ok(told)
    }

    /// Claims up to `limit` notifications waiting to be emailed. A claimed
    /// one is never claimed again, by this server or another; one that
    /// fails to send is logged by the sender, not retried forever.
    pub async fn claim_emails(&self, limit: i64) -> Result<Vec<PendingEmail>, StoreError> {
        let query = format!(
            "SELECT {COLUMNS}, a.email, a.name, a.language FROM notifications n JOIN coops c ON c.id = n.coop_id
             JOIN accounts a ON a.id = n.account_id
             WHERE n.email_wanted = 1 AND n.emailed_at IS NULL ORDER BY n.created_at, n.id LIMIT $1"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(query))
            .bind(limit)
            .fetch_all(self.pool())
            .await?;
        let mut claimed = Vec::new();
        for row in &rows {
            let notification = from_row(row)?;
            let won = sqlx::query(
                "UPDATE notifications SET emailed_at = $1 WHERE id = $2 AND emailed_at IS NULL",
            )
            .bind(self.now_ms())
            .bind(&notification.id)
            .execute(self.pool())
            .await?
            .rows_affected();
            if won == 0 {
                continue;
            }
            let email: String = row.try_get(10)?;
            let language: String = row.try_get(12)?;
            claimed.push(PendingEmail {
                notification,
                to: EmailAddress::parse(&email).map_err(|_| corrupt("email", &email))?,
                name: row.try_get(11)?,
                language: Language::from_code(&language)
                    .ok_or_else(|| corrupt("language", &language))?,
            });
        }
        Ok(claimed)
    }
}

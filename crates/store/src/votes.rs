//! Proposals, their discussion, and votes: one member, one vote, changeable
//! until the close, counted against the right majority and quorum and kept
//! in the decisions log.
//!
//! # One vote each
//!
//! Every vote, however it arrives (online, assisted by an officer on the
//! member's instruction, or on paper entered by the secretary), is one row
//! in `ballots`, and a unique index on (proposal, member) makes a second
//! row impossible even if two requests race. Each write also locks the
//! proposal's row (PostgreSQL) or holds the database's write lock (SQLite)
//! for its whole transaction, so the window, the right to vote and the
//! existing ballot are checked against what is committed.
//!
//! A member may change their own vote until the close, and their own vote
//! replaces one an officer entered for them. An officer cannot replace a
//! vote that is already there: the member's word is the one that counts.
//!
//! # Secret ballots
//!
//! On a secret ballot the `ballots` row records only that the member voted,
//! how the vote arrived and who entered it. The choice is added to a
//! per-class counter in `secret_tallies` in the same transaction; counters
//! carry no time and are created at zero for every class and choice when
//! the proposal is raised, so their rows do not betray the order of votes.
//! The audit entry names the channel, never the choice.
//!
//! To let a vote be changed, the voter is given a random receipt (256 bits)
//! and the row keeps only a seal: the hash of the proposal, the member, the
//! choice and the receipt. Without the receipt the seal cannot be tested
//! against the three choices, so neither a query, an officer nor a copy of
//! the database can read who voted how. With it, the store finds which
//! counter to take the old vote from, and issues a new receipt. The receipt
//! is never stored; a voter who loses it keeps their vote but cannot change
//! it. Running counts of a secret ballot are not offered before the close,
//! since watching them move as people vote would reveal choices.

use cylch_domain::MemberClass;
use cylch_governance::proposal::{Proposal, ProposalError, Subject, VotingPlace, VotingWindow};
use cylch_governance::vote::{Ballot, Channel, DecisionRule, ResolutionResult, VoteChoice, decide};
use cylch_governance::{MemberId, Rules};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::ids::{hash_secret, random_id, random_secret};
use crate::notifications::{self, NotificationKind};
use crate::{AccountId, CoopScope, Dialect, Store, StoreError, Tx};

pub const SUBJECTS: [Subject; 6] = [
    Subject::General,
    Subject::RuleChange,
    Subject::ExpelMember,
    Subject::WindUp,
    Subject::ConvertToCompany,
    Subject::Informal,
];

/// The rules a proposal may be decided by here; simple polls need options,
/// which proposals do not have yet.
pub const DECISION_RULES: [DecisionRule; 3] = [
    DecisionRule::OrdinaryResolution,
    DecisionRule::SpecialResolution,
    DecisionRule::Consent,
];

pub const CHOICES: [VoteChoice; 3] = [VoteChoice::For, VoteChoice::Against, VoteChoice::Abstain];

pub fn subject_code(subject: Subject) -> &'static str {
    match subject {
        Subject::General => "general",
        Subject::RuleChange => "rule_change",
        Subject::ExpelMember => "expel_member",
        Subject::WindUp => "wind_up",
        Subject::ConvertToCompany => "convert_to_company",
        Subject::Informal => "informal",
    }
}

pub fn parse_subject(code: &str) -> Option<Subject> {
    SUBJECTS.into_iter().find(|s| subject_code(*s) == code)
}

pub fn parse_rule(code: &str) -> Option<DecisionRule> {
    DECISION_RULES.into_iter().find(|r| r.code() == code)
}

pub fn choice_code(choice: VoteChoice) -> &'static str {
    match choice {
        VoteChoice::For => "for",
        VoteChoice::Against => "against",
        VoteChoice::Abstain => "abstain",
    }
}

pub fn parse_choice(code: &str) -> Option<VoteChoice> {
    CHOICES.into_iter().find(|c| choice_code(*c) == code)
}

/// How a vote reached the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BallotChannel {
    /// Cast by the member themselves.
    Online,
    /// Recorded by an officer on the member's instruction.
    Assisted,
    /// A paper vote entered by the secretary.
    Paper,
    /// Cast by another member holding the member's proxy.
    Proxy,
}

impl BallotChannel {
    pub const ALL: [BallotChannel; 4] = [
        BallotChannel::Online,
        BallotChannel::Assisted,
        BallotChannel::Paper,
        BallotChannel::Proxy,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BallotChannel::Online => "online",
            BallotChannel::Assisted => "assisted",
            BallotChannel::Paper => "paper",
            BallotChannel::Proxy => "proxy",
        }
    }

    pub fn parse(code: &str) -> Option<BallotChannel> {
        BallotChannel::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// What is recorded as the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordedOutcome {
    Carried,
    Lost,
    /// Too few members took part for the quorum: nothing was decided.
    Inquorate,
    /// Statute asks for more members to vote (conversion to a company).
    TurnoutTooLow,
}

impl RecordedOutcome {
    pub fn code(self) -> &'static str {
        match self {
            RecordedOutcome::Carried => "carried",
            RecordedOutcome::Lost => "lost",
            RecordedOutcome::Inquorate => "inquorate",
            RecordedOutcome::TurnoutTooLow => "turnout_too_low",
        }
    }

    fn parse(code: &str) -> Option<RecordedOutcome> {
        [
            RecordedOutcome::Carried,
            RecordedOutcome::Lost,
            RecordedOutcome::Inquorate,
            RecordedOutcome::TurnoutTooLow,
        ]
        .into_iter()
        .find(|o| o.code() == code)
    }
}

/// How many votes arrived each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelCounts {
    pub online: u32,
    pub assisted: u32,
    pub paper: u32,
    /// Results recorded before proxies existed have none.
    #[serde(default)]
    pub proxy: u32,
}

impl ChannelCounts {
    pub fn total(&self) -> u32 {
        self.online + self.assisted + self.paper + self.proxy
    }

    pub fn add(&mut self, channel: BallotChannel) {
        match channel {
            BallotChannel::Online => self.online += 1,
            BallotChannel::Assisted => self.assisted += 1,
            BallotChannel::Paper => self.paper += 1,
            BallotChannel::Proxy => self.proxy += 1,
        }
    }
}

/// The result as recorded in the decisions log: the count, the quorum and
/// the outcome, with the governance rules' own reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedResult {
    pub outcome: RecordedOutcome,
    pub resolution: ResolutionResult,
    /// Members entitled to vote when the votes were counted.
    pub entitled: u32,
    /// Members who voted, abstentions included.
    pub took_part: u32,
    pub quorum_required: u32,
    pub quorate: bool,
    /// Set when the outcome is `TurnoutTooLow`.
    pub turnout_needed: Option<u32>,
    pub by_channel: ChannelCounts,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub at_ms: i64,
    pub by_name: String,
    pub result: RecordedResult,
}

/// A proposal as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalRecord {
    pub id: String,
    pub title: String,
    pub background: String,
    pub subject: Subject,
    pub rule: DecisionRule,
    pub secret: bool,
    pub window: VotingWindow,
    pub raised_by: AccountId,
    pub raised_by_name: String,
    pub created_at_ms: i64,
    pub decided: Option<Decided>,
}

impl ProposalRecord {
    pub fn is_open_at(&self, at: Timestamp) -> bool {
        self.window.accepts(at).is_ok()
    }

    fn governance(&self) -> Proposal {
        Proposal {
            subject: self.subject,
            rule: self.rule,
            place: VotingPlace::Online {
                window: self.window,
            },
            secret_ballot_asked: self.secret,
        }
    }
}

/// What a proposal puts into effect when carried.
pub(crate) enum Carries<'a> {
    /// New rules, as JSON.
    Rules(String),
    /// A person to invite as a member.
    Admission(&'a crate::admissions::NewAdmission<'a>),
}

/// A new proposal as the store receives it.
pub struct NewProposal<'a> {
    pub title: &'a str,
    pub background: &'a str,
    pub subject: Subject,
    pub rule: DecisionRule,
    /// The proposer asks for a secret ballot (the rules may require one).
    pub secret_asked: bool,
    pub opens: Timestamp,
    pub closes: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: String,
    pub author_name: String,
    pub body: String,
    pub at_ms: i64,
}

/// One member's ballot as officers see it: that they voted and how, and on
/// an open ballot, their choice. A secret ballot has no choice to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BallotRow {
    pub member: AccountId,
    pub member_name: String,
    pub channel: BallotChannel,
    pub recorded_by_name: String,
    pub choice: Option<VoteChoice>,
    pub cast_at_ms: i64,
}

/// What a vote left behind for the voter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CastVote {
    /// Whether an earlier ballot was replaced.
    pub changed: bool,
    /// On a secret ballot, the receipt needed to change this vote. Shown
    /// once; never stored.
    pub receipt: Option<String>,
}

/// Why a member cannot vote, or a vote or count was refused.
#[derive(Debug, thiserror::Error)]
pub enum VotingError {
    #[error("only current members can vote")]
    NotAMember,
    #[error("members in this class have no vote under the rules")]
    ClassHasNoVote { class: MemberClass },
    #[error("voting has not opened yet")]
    NotOpen { opens: Timestamp },
    #[error("voting has closed")]
    Closed { closed: Timestamp },
    #[error("this member has already voted; only they can change their vote")]
    AlreadyVoted,
    #[error("an officer records votes for other members; vote for yourself online")]
    OwnVoteOnline,
    #[error("this is a secret ballot: give the receipt you were given to change the vote")]
    ReceiptNeeded,
    #[error("that receipt does not match the vote")]
    ReceiptWrong,
    #[error("the votes are counted once voting has closed")]
    NotClosed,
    #[error("the result has already been recorded")]
    AlreadyDecided,
    #[error("the rules do not allow voting by proxy")]
    ProxiesNotAllowed,
    #[error("a member cannot hold their own proxy")]
    OwnProxy,
    #[error("the proxy holder must be a current member with a vote")]
    ProxyHolderCannotVote,
    #[error("that member already holds as many proxies as the rules allow ({limit})")]
    TooManyProxies { limit: u32 },
    #[error("you do not hold this member's proxy on this proposal")]
    NoProxy,
    #[error("the proposed rules are the rules in force: nothing would change")]
    RulesUnchanged,
    #[error("the proposed rules cannot work as written: {0}")]
    InvalidRules(cylch_governance::rules::RulesError),
    #[error("the discussion has ended: the result is recorded")]
    DiscussionEnded,
    #[error(transparent)]
    Proposal(#[from] ProposalError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for VotingError {
    fn from(err: sqlx::Error) -> Self {
        VotingError::Store(err.into())
    }
}

impl VotingError {
    /// The stable code the pages and the API translate.
    pub fn code(&self) -> &'static str {
        match self {
            VotingError::NotAMember => "votes-not-a-member",
            VotingError::ClassHasNoVote { .. } => "votes-class-has-no-vote",
            VotingError::NotOpen { .. } => "governance-voting-not-open",
            VotingError::Closed { .. } => "governance-voting-closed",
            VotingError::AlreadyVoted => "votes-already-voted",
            VotingError::OwnVoteOnline => "votes-own-vote-online",
            VotingError::ReceiptNeeded => "votes-receipt-needed",
            VotingError::ReceiptWrong => "votes-receipt-wrong",
            VotingError::NotClosed => "votes-not-closed",
            VotingError::AlreadyDecided => "votes-already-decided",
            VotingError::RulesUnchanged => "rules-unchanged",
            VotingError::ProxiesNotAllowed => "votes-proxies-not-allowed",
            VotingError::OwnProxy => "votes-own-proxy",
            VotingError::ProxyHolderCannotVote => "votes-proxy-holder-cannot-vote",
            VotingError::TooManyProxies { .. } => "votes-too-many-proxies",
            VotingError::NoProxy => "votes-no-proxy",
            VotingError::InvalidRules(inner) => inner.code(),
            VotingError::DiscussionEnded => "votes-discussion-ended",
            VotingError::Proposal(inner) => inner.code(),
            VotingError::Store(_) => "internal",
        }
    }

    /// A voting window's refusal as a voting error.
    pub(crate) fn from_window(err: ProposalError) -> VotingError {
        match err {
            ProposalError::VotingNotOpen { opens } => VotingError::NotOpen { opens },
            ProposalError::VotingClosed { closed } => VotingError::Closed { closed },
            other => VotingError::Proposal(other),
        }
    }

    /// Whether the refusal is about who is asking rather than when or what.
    pub fn is_no_right(&self) -> bool {
        matches!(
            self,
            VotingError::NotAMember | VotingError::ClassHasNoVote { .. }
        )
    }
}

fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {raw:?}"))
}

fn timestamp(ms: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_millisecond(ms).map_err(|_| corrupt("instant", &ms.to_string()))
}

const PROPOSAL_COLUMNS: &str = "p.id, p.title, p.background, p.subject, p.decision_rule, p.secret, p.opens_at, p.closes_at, p.raised_by, a.name, p.created_at, p.decided_at, d.name, p.result_json";

fn proposal_from_row(row: &sqlx::any::AnyRow) -> Result<ProposalRecord, StoreError> {
    let subject: String = row.try_get(3)?;
    let rule: String = row.try_get(4)?;
    let opens = timestamp(row.try_get(6)?)?;
    let closes = timestamp(row.try_get(7)?)?;
    let decided_at: Option<i64> = row.try_get(11)?;
    let decided = match decided_at {
        Some(at_ms) => {
            let raw: Option<String> = row.try_get(13)?;
            let raw = raw.unwrap_or_default();
            let result: RecordedResult =
                serde_json::from_str(&raw).map_err(|_| corrupt("result", &raw))?;
            Some(Decided {
                at_ms,
                by_name: row.try_get::<Option<String>, _>(12)?.unwrap_or_default(),
                result,
            })
        }
        None => None,
    };
    Ok(ProposalRecord {
        id: row.try_get(0)?,
        title: row.try_get(1)?,
        background: row.try_get(2)?,
        subject: parse_subject(&subject).ok_or_else(|| corrupt("subject", &subject))?,
        rule: parse_rule(&rule).ok_or_else(|| corrupt("decision rule", &rule))?,
        secret: row.try_get::<i64, _>(5)? == 1,
        window: VotingWindow::new(opens, closes)
            .map_err(|_| corrupt("voting window", &format!("{opens}..{closes}")))?,
        raised_by: AccountId::from_db(row.try_get(8)?),
        raised_by_name: row.try_get(9)?,
        created_at_ms: row.try_get(10)?,
        decided,
    })
}

fn proposal_query(filter: &str) -> String {
    format!(
        "SELECT {PROPOSAL_COLUMNS} FROM proposals p JOIN accounts a ON a.id = p.raised_by
         LEFT JOIN accounts d ON d.id = p.decided_by WHERE p.coop_id = $1 {filter}"
    )
}

/// Loads one of the co-operative's proposals inside a write transaction,
/// locking its row on PostgreSQL so that votes and the count on it queue.
pub(crate) async fn lock_proposal(
    dialect: Dialect,
    tx: &mut Tx,
    scope: &CoopScope,
    id: &str,
) -> Result<ProposalRecord, StoreError> {
    if dialect == Dialect::Postgres {
        sqlx::query("SELECT id FROM proposals WHERE id = $1 AND coop_id = $2 FOR UPDATE")
            .bind(id)
            .bind(scope.coop_id().as_str())
            .execute(&mut **tx)
            .await?;
    }
    let row = sqlx::query(sqlx::AssertSqlSafe(proposal_query("AND p.id = $2")))
        .bind(scope.coop_id().as_str())
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::NotFound)?;
    proposal_from_row(&row)
}

/// The class of a current member, or why they cannot vote.
pub(crate) async fn voting_class(
    tx: &mut Tx,
    scope: &CoopScope,
    rules: &Rules,
    member: &AccountId,
) -> Result<MemberClass, VotingError> {
    let class: Option<Option<String>> = sqlx::query_scalar(
        "SELECT class FROM memberships WHERE coop_id = $1 AND account_id = $2 AND ceased_on IS NULL",
    )
    .bind(scope.coop_id().as_str())
    .bind(member.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(Some(raw)) = class else {
        return Err(VotingError::NotAMember);
    };
    let class = MemberClass::parse(&raw).map_err(|_| corrupt("member class", &raw))?;
    if rules.class_votes(class) {
        Ok(class)
    } else {
        Err(VotingError::ClassHasNoVote { class })
    }
}

fn seal(proposal: &str, member: &AccountId, choice: VoteChoice, receipt: &str) -> String {
    hash_secret(&format!(
        "cylch-ballot|{proposal}|{}|{}|{receipt}",
        member.as_str(),
        choice_code(choice)
    ))
}

async fn move_tally(
    tx: &mut Tx,
    proposal: &str,
    class: &str,
    choice: VoteChoice,
    by: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE secret_tallies SET votes = votes + $1 WHERE proposal_id = $2 AND class = $3 AND choice = $4",
    )
    .bind(by)
    .bind(proposal)
    .bind(class)
    .bind(choice_code(choice))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

struct Existing {
    class: String,
    channel: BallotChannel,
    choice: Option<VoteChoice>,
    seal: Option<String>,
}

impl Store {
    /// Raises a proposal, after checking its decision rule suits its
    /// subject and the rules allow voting online.
    pub async fn raise_proposal(
        &self,
        scope: &CoopScope,
        new: NewProposal<'_>,
    ) -> Result<ProposalRecord, VotingError> {
        self.raise_proposal_carrying(scope, new, None).await
    }

    /// Raises a proposal with what it would put into effect if carried,
    /// stored with it in the same transaction.
    pub(crate) async fn raise_proposal_carrying(
        &self,
        scope: &CoopScope,
        new: NewProposal<'_>,
        carries: Option<Carries<'_>>,
    ) -> Result<ProposalRecord, VotingError> {
        let rules = self.rules(scope).await?;
        let window = VotingWindow::new(new.opens, new.closes)?;
        let secret = cylch_governance::vote::is_secret_ballot(&rules, new.secret_asked);
        let governance = Proposal {
            subject: new.subject,
            rule: new.rule,
            place: VotingPlace::Online { window },
            secret_ballot_asked: secret,
        };
        governance.check(&rules)?;
        let id = random_id();
        // When it was raised is shown to members beside its voting window,
        // so it follows the same clock.
        let now = self.now_ms();
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO proposals (id, coop_id, title, background, subject, decision_rule, secret, opens_at, closes_at, raised_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(new.title.trim())
        .bind(new.background.trim())
        .bind(subject_code(new.subject))
        .bind(new.rule.code())
        .bind(i64::from(secret))
        .bind(new.opens.as_millisecond())
        .bind(new.closes.as_millisecond())
        .bind(scope.account().as_str())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        match &carries {
            Some(Carries::Rules(raw)) => {
                sqlx::query(
                    "INSERT INTO proposed_rules (proposal_id, coop_id, rules_json) VALUES ($1, $2, $3)",
                )
                .bind(&id)
                .bind(scope.coop_id().as_str())
                .bind(raw)
                .execute(&mut *tx)
                .await?;
            }
            Some(Carries::Admission(person)) => {
                crate::admissions::attach(&mut tx, scope, &id, person).await?;
            }
            None => {}
        }
        if secret {
            // Every counter exists from the start, so the rows themselves
            // say nothing about which choice came first.
            for class in MemberClass::ALL {
                for choice in CHOICES {
                    sqlx::query("INSERT INTO secret_tallies (proposal_id, class, choice, votes) VALUES ($1, $2, $3, 0)")
                        .bind(&id)
                        .bind(class.code())
                        .bind(choice_code(choice))
                        .execute(&mut *tx)
                        .await?;
                }
            }
        }
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "proposal",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({
                    "title": new.title.trim(),
                    "subject": subject_code(new.subject),
                    "decision_rule": new.rule.code(),
                    "secret": secret,
                    "opens_at": new.opens.to_string(),
                    "closes_at": new.closes.to_string(),
                })),
            },
        )
        .await?;
        let record = lock_proposal(self.dialect(), &mut tx, scope, &id).await?;
        let members =
            notifications::members_but(&mut tx, scope.coop_id(), Some(scope.account())).await?;
        notifications::notify(
            &mut tx,
            scope.coop_id(),
            NotificationKind::NewProposal,
            &notifications::Subject::Proposal {
                id: record.id.clone(),
                title: record.title.clone(),
            },
            &members,
            true,
        )
        .await?;
        tx.commit().await?;
        Ok(record)
    }

    /// The co-operative's proposals, newest first.
    pub async fn proposals(&self, scope: &CoopScope) -> Result<Vec<ProposalRecord>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(proposal_query(
            "ORDER BY p.created_at DESC, p.id",
        )))
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(proposal_from_row).collect()
    }

    pub async fn proposal(
        &self,
        scope: &CoopScope,
        id: &str,
    ) -> Result<Option<ProposalRecord>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(proposal_query("AND p.id = $2")))
            .bind(scope.coop_id().as_str())
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(proposal_from_row).transpose()
    }

    /// The decisions log: every proposal whose result is recorded, newest
    /// first, optionally only those whose title or background contains
    /// `search` (ignoring case).
    pub async fn decisions(
        &self,
        scope: &CoopScope,
        search: &str,
    ) -> Result<Vec<ProposalRecord>, StoreError> {
        let needle = search.trim().to_lowercase();
        let pattern = format!(
            "%{}%",
            needle
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(proposal_query(
            "AND p.decided_at IS NOT NULL AND (LOWER(p.title) LIKE $2 ESCAPE '\\' OR LOWER(p.background) LIKE $2 ESCAPE '\\')
             ORDER BY p.decided_at DESC, p.id",
        )))
        .bind(scope.coop_id().as_str())
        .bind(pattern)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(proposal_from_row).collect()
    }

    pub async fn comments(
        &self,
        scope: &CoopScope,
        proposal: &str,
    ) -> Result<Vec<Comment>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, a.name, c.body, c.created_at FROM proposal_comments c JOIN accounts a ON a.id = c.author
             WHERE c.coop_id = $1 AND c.proposal_id = $2 ORDER BY c.created_at, c.id",
        )
        .bind(scope.coop_id().as_str())
        .bind(proposal)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(Comment {
                    id: row.try_get(0)?,
                    author_name: row.try_get(1)?,
                    body: row.try_get(2)?,
                    at_ms: row.try_get(3)?,
                })
            })
            .collect()
    }

    /// Adds to the discussion of a proposal, until its result is recorded.
    pub async fn add_comment(
        &self,
        scope: &CoopScope,
        proposal: &str,
        body: &str,
    ) -> Result<Comment, VotingError> {
        let mut tx = self.begin().await?;
        let record = lock_proposal(self.dialect(), &mut tx, scope, proposal).await?;
        if record.decided.is_some() {
            return Err(VotingError::DiscussionEnded);
        }
        let comment = Comment {
            id: random_id(),
            author_name: String::new(),
            body: body.trim().to_owned(),
            at_ms: self.now_ms(),
        };
        sqlx::query("INSERT INTO proposal_comments (id, proposal_id, coop_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&comment.id)
            .bind(proposal)
            .bind(scope.coop_id().as_str())
            .bind(scope.account().as_str())
            .bind(&comment.body)
            .bind(comment.at_ms)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "proposal_comment",
                record_id: &comment.id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"proposal": proposal, "body": comment.body})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(comment)
    }

    /// The member's own vote, `at` the given instant. A secret ballot
    /// already cast can be changed only with its receipt.
    pub async fn vote(
        &self,
        scope: &CoopScope,
        proposal: &str,
        choice: VoteChoice,
        receipt: Option<&str>,
        at: Timestamp,
    ) -> Result<CastVote, VotingError> {
        let member = scope.account().clone();
        self.put_ballot(
            scope,
            proposal,
            &member,
            choice,
            BallotChannel::Online,
            receipt,
            at,
        )
        .await
    }

    /// A vote an officer records for another member: assisted (on the
    /// member's instruction) or from a paper ballot. Refused if the member
    /// has already voted in any way; the member can replace it themselves.
    pub async fn record_vote_for(
        &self,
        scope: &CoopScope,
        proposal: &str,
        member: &AccountId,
        choice: VoteChoice,
        channel: BallotChannel,
        at: Timestamp,
    ) -> Result<CastVote, VotingError> {
        if channel == BallotChannel::Online || member == scope.account() {
            return Err(VotingError::OwnVoteOnline);
        }
        self.put_ballot(scope, proposal, member, choice, channel, None, at)
            .await
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn put_ballot(
        &self,
        scope: &CoopScope,
        proposal: &str,
        member: &AccountId,
        choice: VoteChoice,
        channel: BallotChannel,
        receipt: Option<&str>,
        at: Timestamp,
    ) -> Result<CastVote, VotingError> {
        let mut tx = self.begin().await?;
        let record = lock_proposal(self.dialect(), &mut tx, scope, proposal).await?;
        let rules = crate::rules::current(&mut *tx, scope).await?;
        record
            .window
            .accepts(at)
            .map_err(VotingError::from_window)?;
        let class = voting_class(&mut tx, scope, &rules, member).await?;
        if channel == BallotChannel::Proxy {
            crate::proxies::check_held(&mut tx, scope, &rules, proposal, member).await?;
        }
        let existing = sqlx::query(
            "SELECT class, channel, choice, seal FROM ballots WHERE proposal_id = $1 AND member_account_id = $2",
        )
        .bind(proposal)
        .bind(member.as_str())
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| -> Result<Existing, StoreError> {
            let channel: String = row.try_get(1)?;
            let choice: Option<String> = row.try_get(2)?;
            Ok(Existing {
                class: row.try_get(0)?,
                channel: BallotChannel::parse(&channel)
                    .ok_or_else(|| corrupt("channel", &channel))?,
                choice: choice
                    .map(|c| parse_choice(&c).ok_or_else(|| corrupt("choice", &c)))
                    .transpose()?,
                seal: row.try_get(3)?,
            })
        })
        .transpose()?;
        if existing.is_some() && channel != BallotChannel::Online {
            return Err(VotingError::AlreadyVoted);
        }
        let new_receipt = record.secret.then(random_secret);
        let new_seal = new_receipt
            .as_deref()
            .map(|r| seal(proposal, member, choice, r));
        let stored_choice = (!record.secret).then(|| choice_code(choice));
        let cast_at = at.as_millisecond();
        let record_id = format!("{proposal}:{}", member.as_str());
        match &existing {
            None => {
                let inserted = sqlx::query(
                    "INSERT INTO ballots (proposal_id, member_account_id, coop_id, class, channel, recorded_by, choice, seal, cast_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(proposal)
                .bind(member.as_str())
                .bind(scope.coop_id().as_str())
                .bind(class.code())
                .bind(channel.code())
                .bind(scope.account().as_str())
                .bind(stored_choice)
                .bind(new_seal.clone())
                .bind(cast_at)
                .execute(&mut *tx)
                .await;
                match inserted {
                    Ok(_) => {}
                    Err(err) if StoreError::is_unique_violation(&err) => {
                        return Err(VotingError::AlreadyVoted);
                    }
                    Err(err) => return Err(err.into()),
                }
                if record.secret {
                    move_tally(&mut tx, proposal, class.code(), choice, 1).await?;
                }
            }
            Some(old) => {
                if record.secret {
                    let receipt = receipt
                        .map(str::trim)
                        .filter(|r| !r.is_empty())
                        .ok_or(VotingError::ReceiptNeeded)?;
                    let old_seal = old.seal.as_deref().unwrap_or_default();
                    let old_choice = CHOICES
                        .into_iter()
                        .find(|c| seal(proposal, member, *c, receipt) == old_seal)
                        .ok_or(VotingError::ReceiptWrong)?;
                    move_tally(&mut tx, proposal, &old.class, old_choice, -1).await?;
                    move_tally(&mut tx, proposal, class.code(), choice, 1).await?;
                }
                sqlx::query(
                    "UPDATE ballots SET class = $1, channel = $2, recorded_by = $3, choice = $4, seal = $5, cast_at = $6
                     WHERE proposal_id = $7 AND member_account_id = $8",
                )
                .bind(class.code())
                .bind(channel.code())
                .bind(scope.account().as_str())
                .bind(stored_choice)
                .bind(new_seal.clone())
                .bind(cast_at)
                .bind(proposal)
                .bind(member.as_str())
                .execute(&mut *tx)
                .await?;
            }
        }
        // The audit says who entered which vote and how; on a secret ballot
        // it never holds the choice.
        let view = |channel: BallotChannel, choice: Option<&str>| match choice {
            Some(choice) => json!({"channel": channel.code(), "choice": choice}),
            None => json!({"channel": channel.code()}),
        };
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "ballot",
                record_id: &record_id,
                action: if existing.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: existing
                    .as_ref()
                    .map(|old| view(old.channel, old.choice.map(choice_code))),
                after: Some(view(channel, stored_choice)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(CastVote {
            changed: existing.is_some(),
            receipt: new_receipt,
        })
    }

    /// Who has voted and how each vote arrived; the choice only on an open
    /// ballot.
    pub async fn ballots(
        &self,
        scope: &CoopScope,
        proposal: &str,
    ) -> Result<Vec<BallotRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT b.member_account_id, m.name, b.channel, r.name, b.choice, b.cast_at FROM ballots b
             JOIN accounts m ON m.id = b.member_account_id JOIN accounts r ON r.id = b.recorded_by
             WHERE b.coop_id = $1 AND b.proposal_id = $2 ORDER BY m.name, b.member_account_id",
        )
        .bind(scope.coop_id().as_str())
        .bind(proposal)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let channel: String = row.try_get(2)?;
                let choice: Option<String> = row.try_get(4)?;
                Ok(BallotRow {
                    member: AccountId::from_db(row.try_get(0)?),
                    member_name: row.try_get(1)?,
                    channel: BallotChannel::parse(&channel)
                        .ok_or_else(|| corrupt("channel", &channel))?,
                    recorded_by_name: row.try_get(3)?,
                    choice: choice
                        .map(|c| parse_choice(&c).ok_or_else(|| corrupt("choice", &c)))
                        .transpose()?,
                    cast_at_ms: row.try_get(5)?,
                })
            })
            .collect()
    }

    /// How many votes have arrived each way so far.
    pub async fn turnout(
        &self,
        scope: &CoopScope,
        proposal: &str,
    ) -> Result<ChannelCounts, StoreError> {
        let mut counts = ChannelCounts::default();
        for row in self.ballots(scope, proposal).await? {
            counts.add(row.channel);
        }
        Ok(counts)
    }

    /// Counts the votes once voting has closed, decides the proposal under
    /// the rules (majority, quorum, statutory turnout) and records the
    /// result in the decisions log.
    pub async fn record_result(
        &self,
        scope: &CoopScope,
        proposal: &str,
        at: Timestamp,
    ) -> Result<RecordedResult, VotingError> {
        let mut tx = self.begin().await?;
        let record = lock_proposal(self.dialect(), &mut tx, scope, proposal).await?;
        let rules = crate::rules::current(&mut *tx, scope).await?;
        if record.decided.is_some() {
            return Err(VotingError::AlreadyDecided);
        }
        if at < record.window.closes() {
            return Err(VotingError::NotClosed);
        }
        let classes: Vec<Option<String>> = sqlx::query_scalar(
            "SELECT class FROM memberships WHERE coop_id = $1 AND ceased_on IS NULL",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *tx)
        .await?;
        let entitled = classes
            .iter()
            .flatten()
            .filter_map(|c| MemberClass::parse(c).ok())
            .filter(|c| rules.class_votes(*c))
            .count();
        let entitled = u32::try_from(entitled).unwrap_or(u32::MAX);
        let rows = sqlx::query(
            "SELECT member_account_id, class, channel, choice FROM ballots WHERE proposal_id = $1 AND coop_id = $2",
        )
        .bind(proposal)
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *tx)
        .await?;
        let mut by_channel = ChannelCounts::default();
        let mut ballots = Vec::new();
        for row in &rows {
            let channel: String = row.try_get(2)?;
            by_channel
                .add(BallotChannel::parse(&channel).ok_or_else(|| corrupt("channel", &channel))?);
            if !record.secret {
                let class: String = row.try_get(1)?;
                let choice: Option<String> = row.try_get(3)?;
                let choice = choice.unwrap_or_default();
                ballots.push(Ballot {
                    voter: MemberId::new(row.try_get::<String, _>(0)?),
                    class: MemberClass::parse(&class).map_err(|_| corrupt("class", &class))?,
                    choice: parse_choice(&choice).ok_or_else(|| corrupt("choice", &choice))?,
                    channel: Channel::Online,
                });
            }
        }
        if record.secret {
            // The counters become ballots without voters: enough for the
            // rules to count and weigh them by class.
            let tallies = sqlx::query(
                "SELECT class, choice, votes FROM secret_tallies WHERE proposal_id = $1 ORDER BY class, choice",
            )
            .bind(proposal)
            .fetch_all(&mut *tx)
            .await?;
            for row in &tallies {
                let class: String = row.try_get(0)?;
                let choice: String = row.try_get(1)?;
                let votes: i64 = row.try_get(2)?;
                let class = MemberClass::parse(&class).map_err(|_| corrupt("class", &class))?;
                let choice = parse_choice(&choice).ok_or_else(|| corrupt("choice", &choice))?;
                for _ in 0..votes {
                    ballots.push(Ballot {
                        voter: MemberId::new(format!("secret-{}", ballots.len())),
                        class,
                        choice,
                        channel: Channel::Online,
                    });
                }
            }
        }
        let took_part = u32::try_from(ballots.len()).unwrap_or(u32::MAX);
        let resolution = decide(&rules, record.rule, &ballots).map_err(ProposalError::from)?;
        let quorum_required = rules.general_meeting_quorum.required(entitled);
        let quorate = took_part >= quorum_required;
        let mut turnout_needed = None;
        let outcome = match record.governance().decide(&rules, None, entitled, &ballots) {
            Ok(_) if !quorate => RecordedOutcome::Inquorate,
            Ok(result) if result.carried() => RecordedOutcome::Carried,
            Ok(_) => RecordedOutcome::Lost,
            Err(ProposalError::TurnoutTooLow { needed, .. }) => {
                turnout_needed = Some(needed);
                RecordedOutcome::TurnoutTooLow
            }
            Err(other) => return Err(other.into()),
        };
        let result = RecordedResult {
            outcome,
            resolution,
            entitled,
            took_part,
            quorum_required,
            quorate,
            turnout_needed,
            by_channel,
        };
        let json = serde_json::to_string(&result)
            .map_err(|e| StoreError::Corrupt(format!("result: {e}")))?;
        let now = self.now_ms();
        sqlx::query(
            "UPDATE proposals SET decided_at = $1, decided_by = $2, outcome = $3, result_json = $4 WHERE id = $5 AND coop_id = $6",
        )
        .bind(now)
        .bind(scope.account().as_str())
        .bind(outcome.code())
        .bind(&json)
        .bind(proposal)
        .bind(scope.coop_id().as_str())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "proposal",
                record_id: proposal,
                action: AuditAction::Updated,
                before: None,
                after: Some(json!({
                    "outcome": outcome.code(),
                    "for": result.resolution.tally.for_votes,
                    "against": result.resolution.tally.against,
                    "abstentions": result.resolution.tally.abstentions,
                    "entitled": entitled,
                    "took_part": took_part,
                    "quorum_required": quorum_required,
                })),
            },
        )
        .await?;
        let members = notifications::members_but(&mut tx, scope.coop_id(), None).await?;
        notifications::notify(
            &mut tx,
            scope.coop_id(),
            NotificationKind::Result,
            &notifications::Subject::Proposal {
                id: record.id.clone(),
                title: record.title.clone(),
            },
            &members,
            true,
        )
        .await?;
        if outcome == RecordedOutcome::Carried {
            crate::rules::adopt_if_carried(
                &mut tx,
                scope,
                proposal,
                &result.resolution,
                self.today(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(result)
    }
}

/// Reads a stored outcome code; the decisions log shows it.
pub fn parse_outcome(code: &str) -> Option<RecordedOutcome> {
    RecordedOutcome::parse(code)
}

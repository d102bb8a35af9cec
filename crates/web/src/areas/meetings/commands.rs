//! The actions on meetings, shared by the pages and the API.

use cylch_domain::Language;
use cylch_governance::ShortNoticeConsent;
use cylch_governance::meeting::MeetingError;
use cylch_governance::quorum::QuorumCheck;
use cylch_store::meetings::{
    AttendanceRow, Entitled, Mark, MeetingRecord, MeetingStoreError, NewMeeting, parse_kind,
};
use cylch_store::votes::{CastVote, VotingError, parse_choice};
use cylch_store::{AccountId, CoopScope, StoreError};

use crate::AppState;
use crate::areas::meetings::pages::{
    MAX_AGENDA, MAX_MINUTES, MAX_PLACE, kind_text, meeting_id, shown_date, shown_time,
};
use crate::common::error::AppError;
use crate::common::fields::{parse_date, parse_time};
use crate::common::mail::OutgoingEmail;
use crate::common::refusal::{Explain, Refusal};

/// A problem with one field of an action's input: the field's name as the
/// API knows it and the message id that says what to do.
pub type Problem = (&'static str, &'static str);

/// Why an action was not taken: problems with what was typed, shown at
/// their fields, or the store's refusal (which both fronts answer with
/// the one [`Refusal`] its [`Explain`] gives, and never as "something went
/// wrong" unless the database failed).
#[derive(Debug)]
pub enum Refused {
    Fields(Vec<Problem>),
    Store(MeetingStoreError),
}

/// A meeting as the person asks for it, as typed.
#[derive(Debug, Default)]
pub struct ScheduleMeeting<'a> {
    /// `annual_general`, `general` or `committee`.
    pub kind: &'a str,
    /// `YYYY-MM-DD`, today or later.
    pub date: &'a str,
    /// `HH:MM`, the time in Wales.
    pub starts_at: &'a str,
    pub place: &'a str,
    /// The agenda: an item a line, however the lines come; blank ones are
    /// dropped.
    pub agenda: Vec<String>,
    /// Undecided proposals to decide at the meeting.
    pub proposals: &'a [String],
}

/// Schedules a meeting. Every problem with the fields is found at once, so
/// that the person can mend them together.
pub async fn schedule_meeting(
    state: &AppState,
    scope: &CoopScope,
    input: ScheduleMeeting<'_>,
) -> Result<MeetingRecord, Refused> {
    let mut problems = Vec::new();
    let kind = parse_kind(input.kind.trim());
    if kind.is_none() {
        problems.push(("kind", "meetings-error-kind"));
    }
    let date = parse_date(input.date).ok();
    match date {
        None => problems.push(("date", "meetings-error-date")),
        Some(date) if date < state.clock().today_in_wales() => {
            problems.push(("date", "meetings-error-date-past"));
        }
        Some(_) => {}
    }
    let time = parse_time(input.starts_at);
    if time.is_none() {
        problems.push(("starts_at", "meetings-error-time"));
    }
    let place = input.place.trim();
    if place.is_empty() {
        problems.push(("place", "meetings-error-place"));
    } else if place.chars().count() > MAX_PLACE {
        problems.push(("place", "meetings-error-place-long"));
    }
    // An item a line: the page sends the agenda as one text, and an API
    // client's item with line breaks in it is several items, as it always was.
    let agenda: Vec<String> = input
        .agenda
        .iter()
        .flat_map(|item| item.lines())
        .map(|line| line.trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect();
    // The limit is on what the agenda says, not on the blank lines and
    // spaces between its items, so a pasted agenda counts as a typed one.
    if agenda.iter().map(|i| i.chars().count()).sum::<usize>() > MAX_AGENDA {
        problems.push(("agenda", "meetings-error-agenda-long"));
    } else if agenda.is_empty() && input.proposals.is_empty() {
        problems.push(("agenda", "meetings-error-agenda"));
    }
    let (Some(kind), Some(date), Some(starts_at), true) = (kind, date, time, problems.is_empty())
    else {
        return Err(Refused::Fields(problems));
    };
    state
        .store
        .schedule_meeting(
            scope,
            NewMeeting {
                kind,
                date,
                starts_at,
                place,
                agenda: &agenda,
                proposals: input.proposals,
            },
        )
        .await
        .map_err(|err| match err {
            MeetingStoreError::UnknownProposal => {
                Refused::Fields(vec![("proposals", "meetings-error-proposal")])
            }
            err => Refused::Store(err),
        })
}

impl From<MeetingStoreError> for Refused {
    fn from(err: MeetingStoreError) -> Self {
        Refused::Store(err)
    }
}

impl From<StoreError> for Refused {
    fn from(err: StoreError) -> Self {
        Refused::Store(MeetingStoreError::Store(err))
    }
}

/// A failure of the database, whichever way the store wrapped it: "not
/// found" when the record is not there (or not theirs), and otherwise
/// "something went wrong", never a refusal. Anything else is the rules
/// speaking, and comes back to be explained.
fn failure(err: MeetingStoreError) -> Result<MeetingStoreError, AppError> {
    match err {
        MeetingStoreError::Store(err) | MeetingStoreError::Voting(VotingError::Store(err)) => {
            Err(err.into())
        }
        refusal => Ok(refusal),
    }
}

impl Explain for MeetingStoreError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        let err = failure(self)?;
        let mut refusal = Refusal::rule(state, language, err.code(), message_id(&err));
        if let MeetingStoreError::Refused(MeetingError::NoticeTooShort {
            sent_on,
            clear_days,
            required,
            earliest,
        }) = err
        {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("sent", shown_date(sent_on));
            args.set("clear", i64::from(clear_days));
            args.set("required", i64::from(required));
            args.set("earliest", shown_date(earliest));
            refusal.message =
                state
                    .i18n
                    .format(language, "meetings-error-notice-too-short", Some(&args));
        }
        Ok(refusal)
    }
}

/// The message id for a refusal's code: the rules' own codes have a
/// sentence about meetings here.
fn message_id(err: &MeetingStoreError) -> &'static str {
    match err.code() {
        "governance-notice-too-short" => "meetings-error-notice-too-short",
        "governance-invalid-step" => "meetings-error-invalid-step",
        "governance-no-agenda" => "meetings-error-no-agenda",
        "governance-not-everyone-notified" => "meetings-error-not-everyone-notified",
        "governance-held-on-another-day" => "meetings-error-held-on-another-day",
        "governance-approved-too-early" => "meetings-error-approved-too-early",
        "governance-approved-at-same-meeting" => "meetings-error-approved-at-same-meeting",
        "governance-approved-by-another-body" => "meetings-error-approved-by-another-body",
        "governance-not-quorate" => "meetings-error-not-quorate",
        "governance-consent-only-for-general-meetings" => "meetings-error-consent-only-general",
        "governance-more-agreeing-than-entitled" => "meetings-error-more-agreeing",
        "governance-date-out-of-range" => "meetings-error-date-out-of-range",
        "governance-proxies-not-allowed" => "meetings-error-proxies-not-allowed",
        "governance-too-many-proxies" => "meetings-error-too-many-proxies",
        "governance-own-proxy" => "meetings-error-own-proxy",
        "governance-duplicate-voter" => "meetings-error-duplicate-voter",
        "meetings-not-entitled" => "meetings-not-entitled",
        "meetings-attendance-closed" => "meetings-attendance-closed",
        "meetings-holder-not-present" => "meetings-holder-not-present",
        "meetings-unknown-proposal" => "meetings-unknown-proposal",
        "meetings-proposal-not-on-agenda" => "meetings-proposal-not-on-agenda",
        "meetings-nobody-entitled" => "meetings-nobody-entitled",
        "votes-already-voted" => "votes-already-voted",
        "votes-not-a-member" => "votes-not-a-member",
        "votes-class-has-no-vote" => "votes-class-has-no-vote",
        "votes-own-vote-online" => "votes-own-vote-online",
        "governance-voting-not-open" => "governance-voting-not-open",
        "governance-voting-closed" => "governance-voting-closed",
        _ => "meetings-error-other",
    }
}

/// The meeting a URL names, in the caller's co-operative; "not found"
/// when the id is not one, or not theirs.
pub async fn load(
    state: &AppState,
    scope: &CoopScope,
    raw: &str,
) -> Result<MeetingRecord, AppError> {
    let id = meeting_id(raw)?;
    state
        .store
        .meeting(scope, &id)
        .await?
        .ok_or(AppError::NOT_FOUND)
}

/// The quorum as the page and the API show it: the one recorded when the
/// meeting was held; before that, worked out from the attendance so far
/// (`rows`), once anything is recorded. A failure of the database is
/// passed on, never taken for "no quorum yet"; attendance the rules in
/// force no longer allow (the rules changed since) gives no figure.
pub async fn quorum(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
    rows: &[AttendanceRow],
) -> Result<Option<QuorumCheck>, AppError> {
    if let Some(q) = record.quorum() {
        return Ok(Some(q));
    }
    if !rows.iter().any(|r| r.mark.is_some()) {
        return Ok(None);
    }
    match state.store.live_quorum(scope, record).await {
        Ok(quorum) => Ok(quorum),
        Err(err) => {
            let refusal = failure(err)?;
            tracing::warn!(meeting = %record.id, code = refusal.code(), "no quorum under the rules in force");
            Ok(None)
        }
    }
}

/// What notice went out: the meeting, and the names of those the email
/// could not reach (to be given notice another way).
pub struct NoticeGiven {
    pub record: MeetingRecord,
    pub not_reached: Vec<String>,
}

/// Gives notice of a meeting today and emails it to everyone entitled, each
/// in their own language. `consent_agreeing` is how many members agreed in
/// writing to shorter notice of a general meeting.
pub async fn give_notice(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
    consent_agreeing: Option<u32>,
) -> Result<NoticeGiven, Refused> {
    let consent = match consent_agreeing {
        Some(agreeing) => {
            let entitled = state
                .store
                .entitled_to_notice(scope, record.kind)
                .await?
                .len();
            Some(ShortNoticeConsent {
                agreeing,
                entitled: u32::try_from(entitled).unwrap_or(u32::MAX),
            })
        }
        None => None,
    };
    let (record, to) = state
        .store
        .give_notice(scope, &record.id, state.clock().today_in_wales(), consent)
        .await?;
    let not_reached = send_notice_emails(state, scope, &record, &to).await;
    Ok(NoticeGiven {
        record,
        not_reached,
    })
}

/// Emails the notice to each person in their own language; returns the
/// names of those it could not reach.
async fn send_notice_emails(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
    to: &[Entitled],
) -> Vec<String> {
    let link = format!(
        "{}/coops/{}/meetings/{}",
        state.config.base_url,
        scope.coop_id(),
        record.id
    );
    let mut failed = Vec::new();
    for person in to {
        let language = person.language;
        let mut items: Vec<String> = record.agenda.iter().map(|i| format!("- {i}")).collect();
        items.extend(record.proposals.iter().map(|p| {
            format!(
                "- {}",
                state
                    .i18n
                    .with_arg(language, "meetings-agenda-proposal", "title", &p.title)
            )
        }));
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("name", person.name.clone());
        args.set("coop", scope.coop().name.clone());
        args.set("kind", kind_text(state, language, record.kind));
        args.set("date", shown_date(record.date));
        args.set("time", shown_time(record.starts_at));
        args.set("place", record.place.clone());
        args.set("agenda", items.join("\n"));
        args.set("link", link.clone());
        let body = state
            .i18n
            .format(language, "meetings-email-body", Some(&args));
        let subject = state
            .i18n
            .format(language, "meetings-email-subject", Some(&args));
        let sent = state
            .mailer
            .send(&OutgoingEmail {
                to: person.email.clone(),
                subject,
                body,
            })
            .await;
        if let Err(err) = sent {
            tracing::error!(%err, meeting = %record.id, "a notice email could not be sent");
            failed.push(person.name.clone());
        }
    }
    failed
}

/// Records who came, who sent apologies, who was absent and who was
/// represented by proxy; returns the quorum as it now stands.
pub async fn record_attendance(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
    marks: &[(AccountId, Option<Mark>)],
) -> Result<QuorumCheck, Refused> {
    Ok(state
        .store
        .record_attendance(scope, &record.id, marks)
        .await?)
}

/// Records that the meeting is being held, today.
pub async fn hold(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
) -> Result<MeetingRecord, Refused> {
    Ok(state
        .store
        .hold_meeting(scope, &record.id, state.clock().today_in_wales())
        .await?)
}

/// A vote given at the meeting, as typed.
#[derive(Debug, Default)]
pub struct VoteAtMeeting<'a> {
    /// One of the proposals this meeting decides.
    pub proposal: &'a str,
    /// The member's account id.
    pub member: &'a str,
    /// `for`, `against` or `abstain`.
    pub choice: &'a str,
}

/// Records a vote given at the meeting: the member's one ballot on the
/// proposal. A proposal the meeting does not decide is a problem with that
/// field, found with the others before anything is asked of the store.
pub async fn vote_at_meeting(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
    input: VoteAtMeeting<'_>,
) -> Result<CastVote, Refused> {
    let mut problems = Vec::new();
    let proposal = record
        .proposals
        .iter()
        .find(|p| p.id == input.proposal.trim())
        .map(|p| p.id.clone());
    if proposal.is_none() {
        problems.push(("proposal", "meetings-error-vote-proposal"));
    }
    let member = AccountId::parse(input.member.trim());
    if member.is_none() {
        problems.push(("member", "meetings-error-member"));
    }
    let choice = parse_choice(input.choice.trim());
    if choice.is_none() {
        problems.push(("choice", "meetings-error-choice"));
    }
    let (Some(proposal), Some(member), Some(choice)) = (proposal, member, choice) else {
        return Err(Refused::Fields(problems));
    };
    Ok(state
        .store
        .record_meeting_vote(
            scope,
            &record.id,
            &proposal,
            &member,
            choice,
            state.clock().now(),
        )
        .await?)
}

/// Drafts (or redrafts) the minutes of a meeting that was held.
pub async fn draft_minutes(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
    minutes: &str,
) -> Result<MeetingRecord, Refused> {
    let text = minutes.trim();
    if text.is_empty() {
        return Err(Refused::Fields(vec![("minutes", "meetings-error-minutes")]));
    }
    if text.chars().count() > MAX_MINUTES {
        return Err(Refused::Fields(vec![(
            "minutes",
            "meetings-error-minutes-long",
        )]));
    }
    Ok(state.store.draft_minutes(scope, &record.id, text).await?)
}

/// Approves, at meeting `record`, the minutes of an earlier meeting of the
/// same body; returns the earlier meeting. An earlier meeting that is not
/// one of this co-operative's is a problem with that field.
pub async fn approve_minutes(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
    earlier: &str,
) -> Result<MeetingRecord, Refused> {
    let earlier = match meeting_id(earlier.trim()) {
        Ok(earlier) => state.store.meeting(scope, &earlier).await?,
        Err(_) => None,
    };
    let Some(earlier) = earlier else {
        return Err(Refused::Fields(vec![("earlier", "meetings-error-earlier")]));
    };
    Ok(state
        .store
        .approve_minutes(scope, &earlier.id, &record.id)
        .await?)
}

/// Locks approved minutes: from now on nothing about the meeting changes.
pub async fn lock_minutes(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
) -> Result<MeetingRecord, Refused> {
    Ok(state.store.lock_minutes(scope, &record.id).await?)
}

/// Calls off a meeting that has not been held.
pub async fn cancel(
    state: &AppState,
    scope: &CoopScope,
    record: &MeetingRecord,
) -> Result<MeetingRecord, Refused> {
    Ok(state.store.cancel_meeting(scope, &record.id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::common::error::ErrorKind;

    #[test]
    fn a_failure_of_the_database_is_never_a_refusal_nor_not_found() {
        let corrupt = || StoreError::Corrupt("x".to_owned());
        for err in [
            MeetingStoreError::Store(corrupt()),
            MeetingStoreError::Voting(VotingError::Store(corrupt())),
        ] {
            assert_eq!(failure(err).unwrap_err().kind(), ErrorKind::Internal);
        }
        for err in [
            MeetingStoreError::Store(StoreError::NotFound),
            MeetingStoreError::Voting(VotingError::Store(StoreError::NotFound)),
        ] {
            assert_eq!(failure(err).unwrap_err().kind(), ErrorKind::NotFound);
        }
        assert!(failure(MeetingStoreError::NotEntitled).is_ok());
        assert!(failure(MeetingStoreError::Voting(VotingError::AlreadyVoted)).is_ok());
    }
}

//! A meeting's life: scheduled, notice sent, held, minutes drafted, minutes
//! approved at a later meeting, then locked so the record cannot change.

use std::collections::BTreeSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ids::{MeetingId, MemberId};
use crate::notice::{MeetingKind, NoticeCheck, NoticeError, ShortNoticeConsent, check_notice};
use crate::quorum::QuorumCheck;
use crate::rules::Rules;

/// The notice as it went out: when, with what agenda, to whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeGiven {
    pub sent_on: Date,
    pub agenda: Vec<String>,
    pub sent_to: BTreeSet<MemberId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum MeetingState {
    Scheduled,
    NoticeSent {
        sent_on: Date,
        notice: NoticeCheck,
    },
    Held {
        quorum: QuorumCheck,
    },
    MinutesDrafted {
        quorum: QuorumCheck,
    },
    MinutesApproved {
        quorum: QuorumCheck,
        approved_at: MeetingId,
        approved_on: Date,
    },
    Locked {
        quorum: QuorumCheck,
        approved_at: MeetingId,
        approved_on: Date,
    },
    Cancelled,
}

impl MeetingState {
    /// A stable code for the pages and for storage.
    pub fn code(&self) -> &'static str {
        match self {
            MeetingState::Scheduled => "scheduled",
            MeetingState::NoticeSent { .. } => "notice_sent",
            MeetingState::Held { .. } => "held",
            MeetingState::MinutesDrafted { .. } => "minutes_drafted",
            MeetingState::MinutesApproved { .. } => "minutes_approved",
            MeetingState::Locked { .. } => "locked",
            MeetingState::Cancelled => "cancelled",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStep {
    SendNotice,
    Hold,
    DraftMinutes,
    ApproveMinutes,
    Lock,
    Cancel,
    EditMinutes,
    Reschedule,
    Decide,
}

impl MeetingStep {
    pub fn code(self) -> &'static str {
        match self {
            MeetingStep::SendNotice => "send_notice",
            MeetingStep::Hold => "hold",
            MeetingStep::DraftMinutes => "draft_minutes",
            MeetingStep::ApproveMinutes => "approve_minutes",
            MeetingStep::Lock => "lock",
            MeetingStep::Cancel => "cancel",
            MeetingStep::EditMinutes => "edit_minutes",
            MeetingStep::Reschedule => "reschedule",
            MeetingStep::Decide => "decide",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingError {
    #[error("a meeting that is {state} cannot {}; see what comes next on the meeting's page", step.code())]
    InvalidStep {
        state: &'static str,
        step: MeetingStep,
    },
    #[error(
        "notice sent on {sent_on} gives {clear_days} clear days; the rules need {required}. \
         Hold the meeting on or after {earliest}, or get the written agreement of members holding enough of the votes"
    )]
    NoticeTooShort {
        sent_on: Date,
        clear_days: u32,
        required: u32,
        earliest: Date,
    },
    #[error("the notice must carry the agenda: what the meeting will decide")]
    NoAgenda,
    #[error("notice must go to every member entitled to it; {} have not been sent it", missing.len())]
    NotEveryoneNotified { missing: Vec<MemberId> },
    #[error("the meeting is on {date}; it cannot be recorded as held on {held_on}")]
    HeldOnAnotherDay { date: Date, held_on: Date },
    #[error(
        "minutes are approved at a later meeting, after the one they record ({held_on}); not on {approved_on}"
    )]
    ApprovedTooEarly { held_on: Date, approved_on: Date },
    #[error("minutes cannot be approved at the meeting they record")]
    ApprovedAtSameMeeting,
    #[error(
        "a committee's minutes are approved by the committee, and a general meeting's by the members in general meeting"
    )]
    ApprovedByAnotherBody,
    #[error(
        "the meeting was not quorate ({present} present, {required} needed), so it can make no decision"
    )]
    NotQuorate { present: u32, required: u32 },
    #[error(transparent)]
    Notice(#[from] NoticeError),
}

impl MeetingError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            MeetingError::InvalidStep { .. } => "governance-invalid-step",
            MeetingError::NoticeTooShort { .. } => "governance-notice-too-short",
            MeetingError::NoAgenda => "governance-no-agenda",
            MeetingError::NotEveryoneNotified { .. } => "governance-not-everyone-notified",
            MeetingError::HeldOnAnotherDay { .. } => "governance-held-on-another-day",
            MeetingError::ApprovedTooEarly { .. } => "governance-approved-too-early",
            MeetingError::ApprovedAtSameMeeting => "governance-approved-at-same-meeting",
            MeetingError::ApprovedByAnotherBody => "governance-approved-by-another-body",
            MeetingError::NotQuorate { .. } => "governance-not-quorate",
            MeetingError::Notice(inner) => inner.code(),
        }
    }
}

/// A meeting of the members or of the committee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub kind: MeetingKind,
    pub date: Date,
    pub state: MeetingState,
}

impl Meeting {
    pub fn schedule(id: MeetingId, kind: MeetingKind, date: Date) -> Meeting {
        Meeting {
            id,
            kind,
            date,
            state: MeetingState::Scheduled,
        }
    }

    fn invalid(&self, step: MeetingStep) -> MeetingError {
        MeetingError::InvalidStep {
            state: self.state.code(),
            step,
        }
    }

    /// Moves a scheduled meeting to another date, before notice is sent.
    pub fn reschedule(&mut self, date: Date) -> Result<(), MeetingError> {
        match self.state {
            MeetingState::Scheduled => {
                self.date = date;
                Ok(())
            }
            _ => Err(self.invalid(MeetingStep::Reschedule)),
        }
    }

    /// Records that notice, with the agenda, went to every member entitled
    /// (`entitled`: all members for a general meeting, the committee for a
    /// committee meeting), refusing notice that is too short under the
    /// rules.
    pub fn send_notice(
        &mut self,
        rules: &Rules,
        given: &NoticeGiven,
        entitled: &BTreeSet<MemberId>,
        consent: Option<ShortNoticeConsent>,
    ) -> Result<NoticeCheck, MeetingError> {
        if self.state != MeetingState::Scheduled {
            return Err(self.invalid(MeetingStep::SendNotice));
        }
        if given.agenda.iter().all(|item| item.trim().is_empty()) {
            return Err(MeetingError::NoAgenda);
        }
        let missing: Vec<MemberId> = entitled.difference(&given.sent_to).cloned().collect();
        if !missing.is_empty() {
            return Err(MeetingError::NotEveryoneNotified { missing });
        }
        let sent_on = given.sent_on;
        let notice = check_notice(rules, self.kind, sent_on, self.date, consent)?;
        if !notice.sufficient {
            return Err(MeetingError::NoticeTooShort {
                sent_on,
                clear_days: notice.clear_days,
                required: notice.required,
                earliest: notice.earliest_on_full_notice,
            });
        }
        self.state = MeetingState::NoticeSent { sent_on, notice };
        Ok(notice)
    }

    /// Records the meeting as held on its day, with its quorum worked out.
    /// An inquorate meeting is still recorded (who came matters) but can
    /// make no decision: see [`Meeting::may_decide`].
    pub fn hold(&mut self, held_on: Date, quorum: QuorumCheck) -> Result<(), MeetingError> {
        if !matches!(self.state, MeetingState::NoticeSent { .. }) {
            return Err(self.invalid(MeetingStep::Hold));
        }
        if held_on != self.date {
            return Err(MeetingError::HeldOnAnotherDay {
                date: self.date,
                held_on,
            });
        }
        self.state = MeetingState::Held { quorum };
        Ok(())
    }

    /// Whether decisions may be recorded now: only while the meeting is
    /// held and quorate.
    pub fn may_decide(&self) -> Result<(), MeetingError> {
        match &self.state {
            MeetingState::Held { quorum } if quorum.quorate => Ok(()),
            MeetingState::Held { quorum } => Err(MeetingError::NotQuorate {
                present: quorum.present,
                required: quorum.required,
            }),
            _ => Err(self.invalid(MeetingStep::Decide)),
        }
    }

    pub fn draft_minutes(&mut self) -> Result<(), MeetingError> {
        match self.state {
            MeetingState::Held { quorum } => {
                self.state = MeetingState::MinutesDrafted { quorum };
                Ok(())
            }
            _ => Err(self.invalid(MeetingStep::DraftMinutes)),
        }
    }

    /// Minutes can be edited only while they are a draft.
    pub fn may_edit_minutes(&self) -> Result<(), MeetingError> {
        match self.state {
            MeetingState::MinutesDrafted { .. } => Ok(()),
            _ => Err(self.invalid(MeetingStep::EditMinutes)),
        }
    }

    /// Records approval of the minutes at `later`, which must be another
    /// meeting of the same body (the committee, or the members in general
    /// meeting) held after this one and itself quorate.
    pub fn approve_minutes(&mut self, later: &Meeting) -> Result<(), MeetingError> {
        let MeetingState::MinutesDrafted { quorum } = self.state else {
            return Err(self.invalid(MeetingStep::ApproveMinutes));
        };
        if later.id == self.id {
            return Err(MeetingError::ApprovedAtSameMeeting);
        }
        if later.kind.is_general() != self.kind.is_general() {
            return Err(MeetingError::ApprovedByAnotherBody);
        }
        if later.date <= self.date {
            return Err(MeetingError::ApprovedTooEarly {
                held_on: self.date,
                approved_on: later.date,
            });
        }
        later.may_decide()?;
        self.state = MeetingState::MinutesApproved {
            quorum,
            approved_at: later.id.clone(),
            approved_on: later.date,
        };
        Ok(())
    }

    /// Locks approved minutes; nothing about the meeting changes after this.
    pub fn lock(&mut self) -> Result<(), MeetingError> {
        match &self.state {
            MeetingState::MinutesApproved {
                quorum,
                approved_at,
                approved_on,
            } => {
                self.state = MeetingState::Locked {
                    quorum: *quorum,
                    approved_at: approved_at.clone(),
                    approved_on: *approved_on,
                };
                Ok(())
            }
            _ => Err(self.invalid(MeetingStep::Lock)),
        }
    }

    /// Calls off a meeting that has not yet been held.
    pub fn cancel(&mut self) -> Result<(), MeetingError> {
        match self.state {
            MeetingState::Scheduled | MeetingState::NoticeSent { .. } => {
                self.state = MeetingState::Cancelled;
                Ok(())
            }
            _ => Err(self.invalid(MeetingStep::Cancel)),
        }
    }
}

//! Cylch's governance rules: how a co-operative owned and controlled by its
//! members decides things, and the limits the law puts on it.
//!
//! Pure: no database, network or clock. Storage hands in what it has
//! recorded; pages show what comes back. Arithmetic is exact (whole numbers
//! and fractions), so a result can be checked by hand.
//!
//! - [`support`]: the four-person rule and the history of who is supported.
//! - [`rules`]: the governing document's settings, with Co-operatives UK's
//!   model rules as defaults.
//! - [`notice`], [`quorum`], [`meeting`], [`agm`]: meetings.
//! - [`proposal`], [`vote`], [`written`]: proposals, ballots, results and
//!   written resolutions.
//! - [`formation`]: the stages of forming a co-operative.
//! - [`register`]: the register of members and officers.
//! - [`amendment`]: changing the rules by special resolution.

pub mod agm;
pub mod amendment;
pub mod formation;
pub mod ids;
pub mod meeting;
pub mod notice;
pub mod proposal;
pub mod quorum;
pub mod ratio;
pub mod register;
pub mod rules;
pub mod support;
pub mod vote;
mod weighting;
pub mod written;

pub use agm::{AgmDeadline, AgmDeadlineReason, AgmError, next_agm_deadline};
pub use amendment::{RuleChangeError, RuleSetting, amend_rules, changed_settings};
pub use formation::{FormationProgress, FormationRecord, Stage, Task, progress};
pub use ids::{MeetingId, MemberId, PersonId};
pub use meeting::{Meeting, MeetingError, MeetingState};
pub use notice::{
    MeetingKind, NoticeCheck, NoticeError, ShortNoticeConsent, check_notice, clear_days_between,
    earliest_meeting_date, latest_notice_date,
};
pub use proposal::{Proposal, ProposalError, Subject, VotingPlace, VotingWindow};
pub use quorum::{Attendance, AttendanceRecord, QuorumCheck, check_quorum};
pub use ratio::{Ratio, Share};
pub use register::{MemberEntry, OfficerEntry, Register, RegisterError};
pub use rules::{Majority, QuorumRule, Rules, RulesError, VotingScheme};
pub use support::{
    CapacityChoice, CapacityRules, CiwRegistration, SupportPlace, SupportRefusal, SupportRegister,
};
pub use vote::{
    Ballot, Channel, DecisionRule, Outcome, OutcomeReason, PollBallot, PollOutcome,
    ResolutionResult, VoteChoice, VoteError, decide, decide_poll,
};
pub use written::{Signature, WrittenError, WrittenStatus, written_resolution_status};

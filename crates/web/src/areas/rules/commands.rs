//! The actions on the rules, shared by the pages and the API: record the
//! rules as registered, and propose a change to them.

use cylch_domain::Language;
use cylch_governance::Rules;
use cylch_governance::proposal::Subject;
use cylch_governance::vote::DecisionRule;
use cylch_store::CoopScope;
use cylch_store::rules::RecordRulesError;
use cylch_store::votes::{NewProposal, ProposalRecord, VotingError};
use jiff::Timestamp;

use crate::AppState;
use crate::areas::votes::pages::{MAX_BACKGROUND, MAX_TITLE};
use crate::common::error::AppError;
use crate::common::fields::{parse_date, parse_local};
use crate::common::problems::Problems;
use crate::common::refusal::{Explain, Refusal};

/// An instant as an API client sends it (RFC 3339) or as a
/// `datetime-local` field does (read as the time in Wales).
pub(crate) fn parse_instant(raw: &str) -> Option<Timestamp> {
    raw.trim()
        .parse::<Timestamp>()
        .ok()
        .or_else(|| parse_local(raw))
}

/// Checks a voting window, each end at its field.
pub(crate) fn check_window(
    errors: &mut Problems,
    opens_at: &str,
    closes_at: &str,
) -> (Option<Timestamp>, Option<Timestamp>) {
    let opens = parse_instant(opens_at);
    if opens.is_none() {
        errors.add("opens_at", "votes-error-opens");
    }
    let closes = parse_instant(closes_at);
    if closes.is_none() {
        errors.add("closes_at", "votes-error-closes");
    }
    (opens, closes)
}

/// Why an action on the rules was not taken.
#[derive(Debug)]
pub enum Refused {
    /// Problems with the fields, each at its own.
    Fields(Problems),
    /// A refusal that concerns the rules themselves: each front shows it
    /// at the field the rules are in (the page's setting, the API's
    /// `rules`), with these problems already found.
    Rules(Refusal, Problems),
    Failed(AppError),
}

impl From<cylch_store::StoreError> for Refused {
    fn from(err: cylch_store::StoreError) -> Refused {
        Refused::Failed(err.into())
    }
}

impl Explain for RecordRulesError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        match self {
            RecordRulesError::Store(err) => Err(err.into()),
            err => Ok(Refusal::rule(state, language, err.code(), err.code()).at("rules")),
        }
    }
}

/// The rules as registered, as the person gives them.
pub struct RecordRules<'a> {
    /// The rules as read from the page or the body, or `None` where that
    /// reading found problems (given in `problems`).
    pub rules: Option<Rules>,
    pub problems: Problems,
    /// When they came into force.
    pub adopted_on: &'a str,
    pub language: Language,
}

/// Records the rules as registered, once.
pub async fn record_rules(
    state: &AppState,
    scope: &CoopScope,
    input: RecordRules<'_>,
) -> Result<(), Refused> {
    let mut errors = input.problems;
    let adopted = parse_date(input.adopted_on).ok();
    if adopted.is_none() {
        errors.add("adopted_on", "rules-error-date");
    }
    let (Some(rules), Some(adopted), true) = (input.rules, adopted, errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    match state
        .store
        .record_registered_rules(scope, &rules, adopted)
        .await
    {
        Ok(()) => Ok(()),
        Err(err) => match err.explain(state, input.language) {
            Ok(refusal) => Err(Refused::Rules(refusal, errors)),
            Err(failed) => Err(Refused::Failed(failed)),
        },
    }
}

/// A proposed change to the rules, as typed.
pub struct ProposeRuleChange<'a> {
    pub title: &'a str,
    pub background: &'a str,
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    /// The whole proposed rules, or `None` where reading them found the
    /// problems in `problems`.
    pub rules: Option<Rules>,
    pub problems: Problems,
    pub language: Language,
}

/// Raises a special resolution to change the rules.
pub async fn propose_rule_change(
    state: &AppState,
    scope: &CoopScope,
    input: ProposeRuleChange<'_>,
) -> Result<ProposalRecord, Refused> {
    let mut errors = input.problems;
    let title = input.title.trim();
    if title.is_empty() {
        errors.add("title", "votes-error-title");
    } else if title.chars().count() > MAX_TITLE {
        errors.add("title", "votes-error-title-long");
    }
    if input.background.chars().count() > MAX_BACKGROUND {
        errors.add("background", "votes-error-background-long");
    }
    let (opens, closes) = check_window(&mut errors, input.opens_at, input.closes_at);
    let (Some(rules), Some(opens), Some(closes), true) =
        (input.rules, opens, closes, errors.is_empty())
    else {
        return Err(Refused::Fields(errors));
    };
    let proposal = NewProposal {
        title,
        background: input.background,
        subject: Subject::RuleChange,
        rule: DecisionRule::SpecialResolution,
        secret_asked: false,
        opens,
        closes,
    };
    match state
        .store
        .propose_rule_change(scope, proposal, &rules)
        .await
    {
        Ok(record) => Ok(record),
        Err(VotingError::Store(err)) => Err(err.into()),
        // The voting window is wrong: shown at its closing, on both fronts.
        Err(err @ VotingError::Proposal(_)) => {
            errors.add("closes_at", err.code());
            Err(Refused::Fields(errors))
        }
        Err(err) => Err(Refused::Rules(
            Refusal::rule(state, input.language, err.code(), err.code()).at("rules"),
            errors,
        )),
    }
}

//! Changing the rules. A co-operative changes its rules only by special
//! resolution; the change then takes effect when the FCA registers it, which
//! storage records separately.

use crate::rules::{Rules, RulesError};
use crate::vote::{DecisionRule, ResolutionResult};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleChangeError {
    #[error("the rules can only be changed by a special resolution")]
    NeedsSpecialResolution,
    #[error("the special resolution to change the rules was not carried")]
    NotCarried,
    #[error("the new rules cannot work as written: {0}")]
    Invalid(#[from] RulesError),
}

/// Returns the new rules if `decided_by` is a carried special resolution and
/// the new rules are valid.
pub fn amend_rules(
    proposed: Rules,
    decided_by: &ResolutionResult,
) -> Result<Rules, RuleChangeError> {
    if decided_by.rule != DecisionRule::SpecialResolution {
        return Err(RuleChangeError::NeedsSpecialResolution);
    }
    if !decided_by.carried() {
        return Err(RuleChangeError::NotCarried);
    }
    proposed.validate()?;
    Ok(proposed)
}

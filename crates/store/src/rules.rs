//! The co-operative's rules as recorded here: the rules as registered, then
//! each change a carried special resolution made. Versions are only ever
//! added; the current rules are the newest, and a co-operative that has
//! recorded none works under the model rules.

use cylch_governance::Rules;
use cylch_governance::amendment::{RuleChangeError, amend_rules, changed_settings};
use cylch_governance::vote::ResolutionResult;
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::votes::{NewProposal, ProposalRecord, VotingError};
use crate::{CoopScope, Store, StoreError, Tx};

/// One version of the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleVersion {
    pub version: i64,
    pub rules: Rules,
    pub adopted_on: Date,
    /// The special resolution that adopted it; `None` for the rules as
    /// registered.
    pub proposal_id: Option<String>,
    pub recorded_by_name: String,
    pub recorded_at_ms: i64,
}

/// Why rules could not be recorded.
#[derive(Debug, thiserror::Error)]
pub enum RecordRulesError {
    #[error("the rules as registered are recorded already; change them by special resolution")]
    AlreadyRecorded,
    #[error(transparent)]
    Invalid(#[from] cylch_governance::rules::RulesError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for RecordRulesError {
    fn from(err: sqlx::Error) -> Self {
        RecordRulesError::Store(err.into())
    }
}

impl RecordRulesError {
    /// The stable code the pages and the API translate.
    pub fn code(&self) -> &'static str {
        match self {
            RecordRulesError::AlreadyRecorded => "rules-already-recorded",
            RecordRulesError::Invalid(inner) => inner.code(),
            RecordRulesError::Store(_) => "internal",
        }
    }
}

fn corrupt(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("{what} {raw:?}"))
}

fn parse_rules(raw: &str) -> Result<Rules, StoreError> {
    serde_json::from_str(raw).map_err(|_| corrupt("rules", raw))
}

fn to_json(rules: &Rules) -> Result<String, StoreError> {
    serde_json::to_string(rules).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The current rules of a co-operative. Votes and counts read them inside
/// their own transaction, so they use the rules in force when they write.
pub(crate) async fn current<'e, E>(executor: E, scope: &CoopScope) -> Result<Rules, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let raw: Option<String> = sqlx::query_scalar(
        "SELECT rules_json FROM rule_versions WHERE coop_id = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(scope.coop_id().as_str())
    .fetch_optional(executor)
    .await?;
    match raw {
        Some(raw) => parse_rules(&raw),
        None => Ok(Rules::default()),
    }
}

async fn next_version(tx: &mut Tx, scope: &CoopScope) -> Result<i64, StoreError> {
    let latest: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM rule_versions WHERE coop_id = $1")
            .bind(scope.coop_id().as_str())
            .fetch_one(&mut **tx)
            .await?;
    Ok(latest.unwrap_or(0) + 1)
}

async fn insert_version(
    tx: &mut Tx,
    scope: &CoopScope,
    version: i64,
    rules: &Rules,
    adopted_on: Date,
    proposal: Option<&str>,
) -> Result<(), StoreError> {
    let raw = to_json(rules)?;
    sqlx::query(
        "INSERT INTO rule_versions (coop_id, version, rules_json, adopted_on, proposal_id, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(scope.coop_id().as_str())
    .bind(version)
    .bind(&raw)
    .bind(adopted_on.to_string())
    .bind(proposal)
    .bind(scope.account().as_str())
    .bind(crate::clock::written_at_ms())
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "rules",
            record_id: &version.to_string(),
            action: AuditAction::Created,
            before: None,
            after: Some(json!({
                "adopted_on": adopted_on.to_string(),
                "proposal": proposal,
                "rules": serde_json::to_value(rules).unwrap_or_default(),
            })),
        },
    )
    .await?;
    Ok(())
}

/// Adopts the rules a carried rule-change proposal carries, in the
/// transaction that records its result. A proposal without proposed rules,
/// or one that was not carried, changes nothing.
pub(crate) async fn adopt_if_carried(
    tx: &mut Tx,
    scope: &CoopScope,
    proposal: &str,
    result: &ResolutionResult,
    on: Date,
) -> Result<(), StoreError> {
    let raw: Option<String> = sqlx::query_scalar(
        "SELECT rules_json FROM proposed_rules WHERE proposal_id = $1 AND coop_id = $2",
    )
    .bind(proposal)
    .bind(scope.coop_id().as_str())
    .fetch_optional(&mut **tx)
    .await?;
    let Some(raw) = raw else {
        return Ok(());
    };
    let proposed = parse_rules(&raw)?;
    match amend_rules(proposed, result) {
        Ok(rules) => {
            let version = next_version(tx, scope).await?;
            insert_version(tx, scope, version, &rules, on, Some(proposal)).await
        }
        // Lost, or not a special resolution: the rules stay as they are.
        Err(RuleChangeError::NotCarried | RuleChangeError::NeedsSpecialResolution) => Ok(()),
        Err(RuleChangeError::Invalid(_)) => Err(corrupt("proposed rules", &raw)),
    }
}

impl Store {
    /// The rules in force.
    pub async fn rules(&self, scope: &CoopScope) -> Result<Rules, StoreError> {
        current(self.pool(), scope).await
    }

    /// Every version of the rules, newest first.
    pub async fn rule_history(&self, scope: &CoopScope) -> Result<Vec<RuleVersion>, StoreError> {
        let rows = sqlx::query(
            "SELECT v.version, v.rules_json, v.adopted_on, v.proposal_id, a.name, v.recorded_at
             FROM rule_versions v JOIN accounts a ON a.id = v.recorded_by
             WHERE v.coop_id = $1 ORDER BY v.version DESC",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let raw: String = row.try_get(1)?;
                let adopted: String = row.try_get(2)?;
                Ok(RuleVersion {
                    version: row.try_get(0)?,
                    rules: parse_rules(&raw)?,
                    adopted_on: adopted.parse().map_err(|_| corrupt("date", &adopted))?,
                    proposal_id: row.try_get(3)?,
                    recorded_by_name: row.try_get(4)?,
                    recorded_at_ms: row.try_get(5)?,
                })
            })
            .collect()
    }

    /// Records the rules as registered. Only once: after that the rules
    /// change only by special resolution.
    pub async fn record_registered_rules(
        &self,
        scope: &CoopScope,
        rules: &Rules,
        adopted_on: Date,
    ) -> Result<(), RecordRulesError> {
        rules.validate()?;
        let mut tx = self.begin().await?;
        let version = next_version(&mut tx, scope).await?;
        if version != 1 {
            return Err(RecordRulesError::AlreadyRecorded);
        }
        match insert_version(&mut tx, scope, version, rules, adopted_on, None).await {
            Ok(()) => {}
            // Two officers recording at once: the key lets only one in.
            Err(StoreError::Database(err)) if StoreError::is_unique_violation(&err) => {
                return Err(RecordRulesError::AlreadyRecorded);
            }
            Err(err) => return Err(err.into()),
        }
        tx.commit().await?;
        Ok(())
    }

    /// Raises a special resolution to change the rules to `proposed`. It
    /// must change something and the new rules must work as written.
    pub async fn propose_rule_change(
        &self,
        scope: &CoopScope,
        new: NewProposal<'_>,
        proposed: &Rules,
    ) -> Result<ProposalRecord, VotingError> {
        proposed.validate().map_err(VotingError::InvalidRules)?;
        let current = self.rules(scope).await?;
        if changed_settings(&current, proposed).is_empty() {
            return Err(VotingError::RulesUnchanged);
        }
        let raw = to_json(proposed)?;
        self.raise_proposal_carrying(scope, new, Some(crate::votes::Carries::Rules(raw)))
            .await
    }

    /// The rules a rule-change proposal would adopt, if it carries any.
    pub async fn proposed_rules(
        &self,
        scope: &CoopScope,
        proposal: &str,
    ) -> Result<Option<Rules>, StoreError> {
        let raw: Option<String> = sqlx::query_scalar(
            "SELECT rules_json FROM proposed_rules WHERE proposal_id = $1 AND coop_id = $2",
        )
        .bind(proposal)
        .bind(scope.coop_id().as_str())
        .fetch_optional(self.pool())
        .await?;
        raw.as_deref().map(parse_rules).transpose()
    }
}

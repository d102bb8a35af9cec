//! Journal entries: the only way money moves in the ledger.
//!
//! A draft becomes a [`PostedEntry`] only by [`EntryDraft::post`], which
//! checks that debits equal credits in total *and within every fund*, so
//! each person's fund is self-contained and can be reported on its own.
//! Posted entries have no setters: a mistake is put right with
//! [`reverse`] and a new entry, so the council can see both.

use std::collections::BTreeMap;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::account::{AccountCode, Chart};
use crate::fund::{FundId, PersonId};
use crate::money::{Overflow, Pence};
use crate::split::{SplitError, SplitRule};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntryId(String);

impl EntryId {
    pub fn new(id: impl Into<String>) -> Self {
        EntryId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Debit,
    Credit,
}

impl Side {
    pub fn opposite(self) -> Side {
        match self {
            Side::Debit => Side::Credit,
            Side::Credit => Side::Debit,
        }
    }
}

/// One posting: an amount on one side of one account, in one fund.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub account: AccountCode,
    pub fund: FundId,
    pub side: Side,
    /// Always more than zero; the side says which way it goes.
    pub amount: Pence,
}

impl Line {
    pub fn debit(account: &str, fund: FundId, amount: Pence) -> Line {
        Line {
            account: AccountCode::new(account),
            fund,
            side: Side::Debit,
            amount,
        }
    }

    pub fn credit(account: &str, fund: FundId, amount: Pence) -> Line {
        Line {
            account: AccountCode::new(account),
            fund,
            side: Side::Credit,
            amount,
        }
    }

    /// Debits positive, credits negative: the form sums are taken in.
    pub fn signed(&self) -> Result<Pence, Overflow> {
        match self.side {
            Side::Debit => Ok(self.amount),
            Side::Credit => self.amount.checked_neg(),
        }
    }
}

/// A shared cost's rule, kept with the entry so every member it touches can
/// see how their share was worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allocation {
    pub rule: SplitRule,
    /// The whole cost before it was shared.
    pub total: Pence,
}

/// An entry being prepared. Nothing reads a draft as if it were posted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryDraft {
    pub id: EntryId,
    pub date: Date,
    pub description: String,
    pub lines: Vec<Line>,
    pub allocation: Option<Allocation>,
    /// Set on a reversal: the entry it cancels.
    pub reverses: Option<EntryId>,
}

/// Why an entry cannot be posted. Line numbers count from 1, as a person
/// reading the entry would.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EntryError {
    #[error("an entry needs at least two lines")]
    TooFewLines,
    #[error("an entry needs a description saying what it is for")]
    NoDescription,
    #[error(
        "line {line}: the amount must be more than zero (use the other side for money going the other way)"
    )]
    NotPositive { line: usize },
    #[error("line {line}: there is no account {account} in the chart of accounts")]
    UnknownAccount { line: usize, account: AccountCode },
    #[error("the {fund} does not balance: debits {debits}, credits {credits}")]
    FundUnbalanced {
        fund: FundId,
        debits: Pence,
        credits: Pence,
    },
    #[error("{person} has a line in this entry but is not in its sharing rule")]
    NotInAllocation { person: PersonId },
    #[error("the sharing rule cannot be used: {0}")]
    Allocation(#[from] SplitError),
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

/// Debits and credits of one fund within an entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sides {
    debits: Pence,
    credits: Pence,
}

impl EntryDraft {
    /// Validates the draft against the chart and makes it a posted entry.
    pub fn post(self, chart: &Chart) -> Result<PostedEntry, EntryError> {
        if self.description.trim().is_empty() {
            return Err(EntryError::NoDescription);
        }
        if self.lines.len() < 2 {
            return Err(EntryError::TooFewLines);
        }
        let mut by_fund: BTreeMap<&FundId, Sides> = BTreeMap::new();
        for (index, line) in self.lines.iter().enumerate() {
            let number = index.saturating_add(1);
            if !line.amount.is_positive() {
                return Err(EntryError::NotPositive { line: number });
            }
            if chart.get(&line.account).is_none() {
                return Err(EntryError::UnknownAccount {
                    line: number,
                    account: line.account.clone(),
                });
            }
            let sides = by_fund.entry(&line.fund).or_default();
            match line.side {
                Side::Debit => sides.debits = sides.debits.checked_add(line.amount)?,
                Side::Credit => sides.credits = sides.credits.checked_add(line.amount)?,
            }
        }
        // Every fund balancing on its own implies the entry balances in
        // total, so there is no separate total check to get out of step.
        for (fund, sides) in &by_fund {
            if sides.debits != sides.credits {
                return Err(EntryError::FundUnbalanced {
                    fund: (*fund).clone(),
                    debits: sides.debits,
                    credits: sides.credits,
                });
            }
        }
        if let Some(allocation) = &self.allocation {
            allocation.rule.validate()?;
            let people = allocation.rule.people();
            for fund in by_fund.keys() {
                if let Some(person) = fund.person()
                    && !people.contains(&person)
                {
                    return Err(EntryError::NotInAllocation {
                        person: person.clone(),
                    });
                }
            }
        }
        Ok(PostedEntry { draft: self })
    }
}

/// A validated, immutable entry. The only ways to get one are
/// [`EntryDraft::post`] and [`reverse`]; it has no setters and is not
/// deserialisable, so storage re-posts what it loads through the same
/// checks ([`PostedEntry::to_draft`] gives the stored form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct PostedEntry {
    draft: EntryDraft,
}

impl PostedEntry {
    pub fn id(&self) -> &EntryId {
        &self.draft.id
    }

    pub fn date(&self) -> Date {
        self.draft.date
    }

    pub fn description(&self) -> &str {
        &self.draft.description
    }

    pub fn lines(&self) -> &[Line] {
        &self.draft.lines
    }

    pub fn allocation(&self) -> Option<&Allocation> {
        self.draft.allocation.as_ref()
    }

    pub fn reverses(&self) -> Option<&EntryId> {
        self.draft.reverses.as_ref()
    }

    /// The form to store; loading it back goes through [`EntryDraft::post`].
    pub fn to_draft(&self) -> EntryDraft {
        self.draft.clone()
    }

    /// The funds this entry touches, each once, in a stable order.
    pub fn funds(&self) -> Vec<&FundId> {
        let mut funds: Vec<&FundId> = self.lines().iter().map(|l| &l.fund).collect();
        funds.sort();
        funds.dedup();
        funds
    }

    /// Whether this entry is exactly the reversal of `original`: same
    /// lines, sides swapped, and marked as reversing it.
    pub fn is_reversal_of(&self, original: &PostedEntry) -> bool {
        self.reverses() == Some(original.id())
            && self.lines().len() == original.lines().len()
            && self.lines().iter().zip(original.lines()).all(|(r, o)| {
                r.account == o.account
                    && r.fund == o.fund
                    && r.amount == o.amount
                    && r.side == o.side.opposite()
            })
    }
}

/// The entry that cancels `original` exactly: every line on the other side.
/// It carries the same sharing rule so each member sees the correction
/// against the same share they saw the original.
pub fn reverse(original: &PostedEntry, id: EntryId, date: Date, reason: &str) -> PostedEntry {
    let lines = original
        .lines()
        .iter()
        .map(|l| Line {
            side: l.side.opposite(),
            ..l.clone()
        })
        .collect();
    let reason = reason.trim();
    let description = if reason.is_empty() {
        format!("Reversal of {}: {}", original.id(), original.description())
    } else {
        format!("Reversal of {}: {reason}", original.id())
    };
    // Swapping sides keeps every fund balanced and every amount positive,
    // and the accounts already passed the chart, so this is valid without
    // re-checking.
    PostedEntry {
        draft: EntryDraft {
            id,
            date,
            description,
            lines,
            allocation: original.allocation().cloned(),
            reverses: Some(original.id().clone()),
        },
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReversalError {
    #[error("entry {original} has already been reversed by entry {by}")]
    AlreadyReversed { original: EntryId, by: EntryId },
    #[error(
        "entry {0} is itself a reversal; post the correct entry again instead of reversing the reversal"
    )]
    IsAReversal(EntryId),
}

/// Whether `original` may be reversed, given the entries already posted:
/// an entry is reversed at most once, and a reversal is not reversed
/// (post the right entry again instead), so the trail stays readable.
pub fn check_reversal(original: &PostedEntry, posted: &[PostedEntry]) -> Result<(), ReversalError> {
    if original.reverses().is_some() {
        return Err(ReversalError::IsAReversal(original.id().clone()));
    }
    match posted.iter().find(|e| e.reverses() == Some(original.id())) {
        Some(by) => Err(ReversalError::AlreadyReversed {
            original: original.id().clone(),
            by: by.id().clone(),
        }),
        None => Ok(()),
    }
}

impl EntryError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            EntryError::TooFewLines => "ledger-entry-too-few-lines",
            EntryError::NoDescription => "ledger-entry-no-description",
            EntryError::NotPositive { .. } => "ledger-entry-not-positive",
            EntryError::UnknownAccount { .. } => "ledger-entry-unknown-account",
            EntryError::FundUnbalanced { .. } => "ledger-entry-fund-unbalanced",
            EntryError::NotInAllocation { .. } => "ledger-entry-not-in-allocation",
            EntryError::Allocation(inner) => inner.code(),
            EntryError::Overflow(inner) => inner.code(),
        }
    }
}

impl ReversalError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ReversalError::AlreadyReversed { .. } => "ledger-already-reversed",
            ReversalError::IsAReversal(_) => "ledger-reversal-of-reversal",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::codes;

    fn ann() -> FundId {
        FundId::Person(PersonId::new("ann").unwrap())
    }

    fn bryn() -> FundId {
        FundId::Person(PersonId::new("bryn").unwrap())
    }

    fn draft(lines: Vec<Line>) -> EntryDraft {
        EntryDraft {
            id: EntryId::new("e1"),
            date: Date::constant(2026, 4, 1),
            description: "Direct Payment for April".into(),
            lines,
            allocation: None,
            reverses: None,
        }
    }

    #[test]
    fn a_balanced_receipt_posts() {
        let entry = draft(vec![
            Line::debit(codes::BANK, ann(), Pence::new(120_000)),
            Line::credit(codes::DIRECT_PAYMENT_INCOME, ann(), Pence::new(120_000)),
        ])
        .post(&Chart::standard())
        .unwrap();
        assert_eq!(entry.lines().len(), 2);
        assert_eq!(entry.funds(), vec![&ann()]);
    }

    #[test]
    fn balancing_in_total_is_not_enough_each_fund_must_balance() {
        // Ann's bank money paying Bryn's activity balances overall but would
        // spend Ann's Direct Payment on Bryn.
        let err = draft(vec![
            Line::debit(codes::ACTIVITIES, bryn(), Pence::new(500)),
            Line::credit(codes::BANK, ann(), Pence::new(500)),
        ])
        .post(&Chart::standard())
        .unwrap_err();
        assert_eq!(
            err,
            EntryError::FundUnbalanced {
                fund: ann(),
                debits: Pence::ZERO,
                credits: Pence::new(500),
            }
        );
    }

    #[test]
    fn refuses_bad_drafts() {
        let chart = Chart::standard();
        let one_line = draft(vec![Line::debit(codes::BANK, ann(), Pence::new(1))]);
        assert_eq!(one_line.post(&chart), Err(EntryError::TooFewLines));

        let zero = draft(vec![
            Line::debit(codes::BANK, ann(), Pence::ZERO),
            Line::credit(codes::GRANTS, ann(), Pence::ZERO),
        ]);
        assert_eq!(zero.post(&chart), Err(EntryError::NotPositive { line: 1 }));

        let unknown = draft(vec![
            Line::debit(codes::BANK, ann(), Pence::new(1)),
            Line::credit("9999", ann(), Pence::new(1)),
        ]);
        assert_eq!(
            unknown.post(&chart),
            Err(EntryError::UnknownAccount {
                line: 2,
                account: AccountCode::new("9999")
            })
        );

        let mut blank = draft(vec![
            Line::debit(codes::BANK, ann(), Pence::new(1)),
            Line::credit(codes::GRANTS, ann(), Pence::new(1)),
        ]);
        blank.description = "  ".into();
        assert_eq!(blank.post(&chart), Err(EntryError::NoDescription));

        let huge = draft(vec![
            Line::debit(codes::BANK, ann(), Pence::new(i64::MAX)),
            Line::debit(codes::BANK, ann(), Pence::new(1)),
            Line::credit(codes::GRANTS, ann(), Pence::new(1)),
        ]);
        assert_eq!(huge.post(&chart), Err(EntryError::Overflow(Overflow)));
    }

    #[test]
    fn a_shared_entry_may_only_touch_people_in_its_rule() {
        let mut d = draft(vec![
            Line::debit(codes::ACTIVITIES, ann(), Pence::new(500)),
            Line::credit(codes::BANK, ann(), Pence::new(500)),
            Line::debit(codes::ACTIVITIES, bryn(), Pence::new(500)),
            Line::credit(codes::BANK, bryn(), Pence::new(500)),
        ]);
        d.allocation = Some(Allocation {
            rule: SplitRule::Equally {
                people: vec![PersonId::new("ann").unwrap()],
            },
            total: Pence::new(1000),
        });
        assert_eq!(
            d.post(&Chart::standard()),
            Err(EntryError::NotInAllocation {
                person: PersonId::new("bryn").unwrap()
            })
        );
    }

    #[test]
    fn a_reversal_swaps_every_side_and_says_what_it_reverses() {
        let original = draft(vec![
            Line::debit(codes::EQUIPMENT, ann(), Pence::new(4_999)),
            Line::credit(codes::BANK, ann(), Pence::new(4_999)),
        ])
        .post(&Chart::standard())
        .unwrap();
        let rev = reverse(
            &original,
            EntryId::new("e2"),
            Date::constant(2026, 4, 3),
            "charged to the wrong person",
        );
        assert!(rev.is_reversal_of(&original));
        assert!(!original.is_reversal_of(&rev));
        assert_eq!(rev.reverses(), Some(&EntryId::new("e1")));
        assert_eq!(rev.lines()[0].side, Side::Credit);
        assert_eq!(rev.lines()[1].side, Side::Debit);
        assert_eq!(
            rev.description(),
            "Reversal of e1: charged to the wrong person"
        );
        // Stored and re-posted, a reversal passes the same checks.
        assert_eq!(rev.to_draft().post(&Chart::standard()), Ok(rev.clone()));

        // Once reversed, never again; and a reversal is not itself reversed.
        let ledger = vec![original.clone(), rev.clone()];
        assert_eq!(
            check_reversal(&original, std::slice::from_ref(&original)),
            Ok(())
        );
        assert_eq!(
            check_reversal(&original, &ledger),
            Err(ReversalError::AlreadyReversed {
                original: EntryId::new("e1"),
                by: EntryId::new("e2"),
            })
        );
        assert_eq!(
            check_reversal(&rev, &ledger),
            Err(ReversalError::IsAReversal(EntryId::new("e2")))
        );
    }
}

//! Sharing one cost between several people's funds, exactly to the penny.
//!
//! The rule is a value: it is stored with the entry and shown to every
//! member whose fund it touches, so anyone can check their share.
//!
//! **Remainder rule (largest remainder).** Each person first gets their
//! exact share rounded towards zero. The pennies left over (always fewer
//! than the number of people) go one each to the people whose exact share
//! lost the largest fraction of a penny; where fractions are equal, to the
//! person listed first in the rule. So every share is within a penny of the
//! exact share, the shares add up to the total, and the same rule and total
//! always give the same shares. A negative total (a refund) is split as its
//! positive amount and every share negated, so a refund undoes its cost
//! exactly.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::fund::PersonId;
use crate::money::{Overflow, Pence};

/// Basis points in a whole: 10,000 basis points = 100%.
pub const WHOLE_IN_BASIS_POINTS: u32 = 10_000;

/// How a cost is shared. People are listed in the order the rule was
/// written, and that order breaks ties in the remainder rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum SplitRule {
    /// The same share for everyone listed.
    Equally { people: Vec<PersonId> },
    /// In proportion to minutes of support each person had, e.g. a PA's
    /// shift supporting two people.
    ByMinutes { minutes: Vec<(PersonId, u32)> },
    /// Fixed percentages in basis points (2,500 = 25%), adding up to 10,000.
    ByBasisPoints { shares: Vec<(PersonId, u32)> },
    /// Fixed whole-number weights, e.g. 2:1:1.
    ByWeights { weights: Vec<(PersonId, u32)> },
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SplitError {
    #[error("a split needs at least one person")]
    NoPeople,
    #[error("{0} is listed more than once in the split")]
    DuplicatePerson(PersonId),
    #[error("nobody in the split has any minutes or weight, so there is nothing to share by")]
    NothingToShareBy,
    #[error("the percentage shares add up to {0} basis points; they must add up to 10,000 (100%)")]
    BasisPointsNotWhole(u64),
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

/// One person's part of a split cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub person: PersonId,
    pub amount: Pence,
}

impl SplitRule {
    /// The people and their weights, in the rule's order.
    pub fn weights(&self) -> Vec<(&PersonId, u64)> {
        match self {
            SplitRule::Equally { people } => people.iter().map(|p| (p, 1)).collect(),
            SplitRule::ByMinutes { minutes: list }
            | SplitRule::ByBasisPoints { shares: list }
            | SplitRule::ByWeights { weights: list } => {
                list.iter().map(|(p, w)| (p, u64::from(*w))).collect()
            }
        }
    }

    pub fn people(&self) -> Vec<&PersonId> {
        self.weights().into_iter().map(|(p, _)| p).collect()
    }

    /// Checks the rule can share anything: someone to share with, nobody
    /// twice, some weight, and percentages that make a whole.
    pub fn validate(&self) -> Result<(), SplitError> {
        let weights = self.weights();
        if weights.is_empty() {
            return Err(SplitError::NoPeople);
        }
        let mut seen = BTreeSet::new();
        for (person, _) in &weights {
            if !seen.insert(*person) {
                return Err(SplitError::DuplicatePerson((*person).clone()));
            }
        }
        let total = total_weight(&weights)?;
        if let SplitRule::ByBasisPoints { .. } = self
            && total != u64::from(WHOLE_IN_BASIS_POINTS)
        {
            return Err(SplitError::BasisPointsNotWhole(total));
        }
        if total == 0 {
            return Err(SplitError::NothingToShareBy);
        }
        Ok(())
    }
}

fn total_weight(weights: &[(&PersonId, u64)]) -> Result<u64, Overflow> {
    weights
        .iter()
        .try_fold(0u64, |acc, (_, w)| acc.checked_add(*w))
        .ok_or(Overflow)
}

/// Shares `total` by `rule`, using the largest-remainder rule described at
/// the top of this module. Shares come back in the rule's order, one per
/// person listed (a person with no minutes gets a zero share, so they still
/// see the cost was not theirs).
pub fn split(total: Pence, rule: &SplitRule) -> Result<Vec<Share>, SplitError> {
    rule.validate()?;
    let weights = rule.weights();
    let total_w = u128::from(total_weight(&weights)?);
    let magnitude = u128::from(total.get().unsigned_abs());

    // Exact share = magnitude * w / total_w; keep the floor and remainder.
    let mut parts: Vec<(u128, u128)> = Vec::with_capacity(weights.len());
    for (_, w) in &weights {
        let product = magnitude.checked_mul(u128::from(*w)).ok_or(Overflow)?;
        let floor = product.checked_div(total_w).ok_or(Overflow)?;
        let remainder = product.checked_rem(total_w).ok_or(Overflow)?;
        parts.push((floor, remainder));
    }
    let floors = parts
        .iter()
        .try_fold(0u128, |acc, (f, _)| acc.checked_add(*f))
        .ok_or(Overflow)?;
    let leftover = magnitude.checked_sub(floors).ok_or(Overflow)?;

    // Largest remainder first; a stable sort keeps the rule's order on ties.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|a, b| {
        let ra = parts.get(*a).map(|p| p.1);
        let rb = parts.get(*b).map(|p| p.1);
        rb.cmp(&ra)
    });
    let leftover = usize::try_from(leftover).map_err(|_| Overflow)?;
    for index in order.into_iter().take(leftover) {
        if let Some(part) = parts.get_mut(index) {
            part.0 = part.0.checked_add(1).ok_or(Overflow)?;
        }
    }

    let negative = total.is_negative();
    weights
        .iter()
        .zip(parts)
        .map(|((person, _), (amount, _))| {
            let amount = i64::try_from(amount).map_err(|_| Overflow)?;
            let amount = if negative {
                amount.checked_neg().ok_or(Overflow)?
            } else {
                amount
            };
            Ok(Share {
                person: (*person).clone(),
                amount: Pence::new(amount),
            })
        })
        .collect()
}

impl SplitError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            SplitError::NoPeople => "ledger-split-no-people",
            SplitError::DuplicatePerson(_) => "ledger-split-duplicate-person",
            SplitError::NothingToShareBy => "ledger-split-nothing-to-share-by",
            SplitError::BasisPointsNotWhole(_) => "ledger-split-basis-points-not-whole",
            SplitError::Overflow(inner) => inner.code(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str) -> PersonId {
        PersonId::new(id).unwrap()
    }

    fn amounts(shares: &[Share]) -> Vec<i64> {
        shares.iter().map(|s| s.amount.get()).collect()
    }

    fn equally(ids: &[&str]) -> SplitRule {
        SplitRule::Equally {
            people: ids.iter().map(|i| person(i)).collect(),
        }
    }

    #[test]
    fn ten_pounds_between_three_gives_the_odd_penny_to_the_first() {
        // 1000 / 3 = 333 r 1 each; all remainders equal, so the first
        // listed person takes the one leftover penny.
        let shares = split(Pence::new(1000), &equally(&["ann", "bryn", "cerys"])).unwrap();
        assert_eq!(amounts(&shares), vec![334, 333, 333]);
        assert_eq!(shares[0].person, person("ann"));
    }

    #[test]
    fn order_in_the_rule_breaks_ties_not_names() {
        let shares = split(Pence::new(1000), &equally(&["cerys", "ann", "bryn"])).unwrap();
        assert_eq!(shares[0].person, person("cerys"));
        assert_eq!(amounts(&shares), vec![334, 333, 333]);
    }

    #[test]
    fn by_minutes_gives_leftover_pennies_to_the_largest_remainders() {
        // £100.00 over 90, 60 and 30 minutes (180 in all):
        // exact shares 5000, 3333.33…, 1666.66…; floors 5000, 3333, 1666
        // leave 1p for the largest fraction: cerys (.66…) before bryn (.33…).
        let rule = SplitRule::ByMinutes {
            minutes: vec![
                (person("ann"), 90),
                (person("bryn"), 60),
                (person("cerys"), 30),
            ],
        };
        let shares = split(Pence::new(10_000), &rule).unwrap();
        assert_eq!(amounts(&shares), vec![5000, 3333, 1667]);
    }

    #[test]
    fn by_basis_points() {
        // 12.5% / 87.5% of £3.01: exact 37.625 and 263.375; floors 37 and
        // 263 leave 1p for the larger remainder (0.625, ann).
        let rule = SplitRule::ByBasisPoints {
            shares: vec![(person("ann"), 1250), (person("bryn"), 8750)],
        };
        assert_eq!(
            amounts(&split(Pence::new(301), &rule).unwrap()),
            vec![38, 263]
        );
    }

    #[test]
    fn by_weights() {
        let rule = SplitRule::ByWeights {
            weights: vec![
                (person("ann"), 2),
                (person("bryn"), 1),
                (person("cerys"), 1),
            ],
        };
        // 1001 * 2/4 = 500.5, 250.25, 250.25 → floors 500, 250, 250, one
        // penny left for the largest remainder (ann's 0.5).
        assert_eq!(
            amounts(&split(Pence::new(1001), &rule).unwrap()),
            vec![501, 250, 250]
        );
    }

    #[test]
    fn a_refund_is_the_exact_negative_of_its_cost() {
        let rule = equally(&["ann", "bryn", "cerys"]);
        let cost = split(Pence::new(1000), &rule).unwrap();
        let refund = split(Pence::new(-1000), &rule).unwrap();
        assert_eq!(amounts(&refund), vec![-334, -333, -333]);
        for (c, r) in cost.iter().zip(&refund) {
            assert_eq!(c.amount.get(), -r.amount.get());
        }
    }

    #[test]
    fn someone_with_no_minutes_gets_nothing() {
        let rule = SplitRule::ByMinutes {
            minutes: vec![(person("ann"), 0), (person("bryn"), 45)],
        };
        assert_eq!(
            amounts(&split(Pence::new(999), &rule).unwrap()),
            vec![0, 999]
        );
    }

    #[test]
    fn refuses_rules_that_cannot_share() {
        assert_eq!(
            split(Pence::new(1), &equally(&[])),
            Err(SplitError::NoPeople)
        );
        assert_eq!(
            split(Pence::new(1), &equally(&["ann", "ann"])),
            Err(SplitError::DuplicatePerson(person("ann")))
        );
        let zero = SplitRule::ByMinutes {
            minutes: vec![(person("ann"), 0)],
        };
        assert_eq!(
            split(Pence::new(1), &zero),
            Err(SplitError::NothingToShareBy)
        );
        let bp = SplitRule::ByBasisPoints {
            shares: vec![(person("ann"), 5000), (person("bryn"), 4999)],
        };
        assert_eq!(
            split(Pence::new(1), &bp),
            Err(SplitError::BasisPointsNotWhole(9999))
        );
    }

    #[test]
    fn the_largest_amounts_split_without_overflow() {
        let rule = SplitRule::ByWeights {
            weights: vec![(person("ann"), u32::MAX), (person("bryn"), u32::MAX - 1)],
        };
        for total in [i64::MAX, i64::MIN] {
            let shares = split(Pence::new(total), &rule).unwrap();
            let sum: i128 = shares.iter().map(|s| i128::from(s.amount.get())).sum();
            assert_eq!(sum, i128::from(total));
        }
    }

    #[test]
    fn rules_serialise_for_storage() {
        let rule = equally(&["ann", "bryn"]);
        let text = format!("{rule:?}");
        assert!(text.contains("ann"));
    }
}

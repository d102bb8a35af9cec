//! How much one vote in each class weighs, given how many in each class
//! voted. Under one member one vote every vote weighs 1 unless a capped
//! class would exceed its cap; under class weights each class's weight is
//! shared among those of its members who voted.

use std::collections::BTreeMap;

use cylch_domain::MemberClass;

use crate::ratio::{Overflow, Ratio, Share};
use crate::rules::VotingScheme;

/// The weight of one vote cast in each class that cast any.
pub(crate) fn per_vote_weights(
    scheme: &VotingScheme,
    cast_by_class: &BTreeMap<MemberClass, u32>,
) -> Result<BTreeMap<MemberClass, Ratio>, Overflow> {
    let voting = cast_by_class.iter().filter(|(_, n)| **n > 0);
    match scheme {
        VotingScheme::ClassShares { weights } => voting
            .map(|(class, n)| {
                let weight = weights.get(class).copied().unwrap_or(0);
                Ok((*class, Ratio::new(u128::from(weight), u128::from(*n))))
            })
            .collect(),
        VotingScheme::OneMemberOneVote { caps } => {
            let strengths = capped_strengths(caps, cast_by_class)?;
            voting
                .map(|(class, n)| {
                    let strength = strengths.get(class).copied().unwrap_or(Ratio::ZERO);
                    Ok((*class, strength.checked_div(Ratio::whole(u64::from(*n)))?))
                })
                .collect()
        }
    }
}

/// Each class's total strength under one member one vote with caps: a
/// class over its cap holds exactly its cap of the total; the rest keep one
/// vote each. Scaling one class down shrinks the total, which can put
/// another capped class over its cap, so this repeats until nothing changes.
/// If only capped classes voted, they share the vote in proportion to their
/// caps.
fn capped_strengths(
    caps: &BTreeMap<MemberClass, Share>,
    cast_by_class: &BTreeMap<MemberClass, u32>,
) -> Result<BTreeMap<MemberClass, Ratio>, Overflow> {
    let mut over_cap: BTreeMap<MemberClass, Ratio> = BTreeMap::new();
    let total = loop {
        let uncapped: u64 = cast_by_class
            .iter()
            .filter(|(class, _)| !over_cap.contains_key(class))
            .map(|(_, n)| u64::from(*n))
            .sum();
        let cap_sum = over_cap
            .values()
            .try_fold(Ratio::ZERO, |sum, cap| sum.checked_add(*cap))?;
        if uncapped == 0 {
            break None;
        }
        let total = Ratio::whole(uncapped).checked_div(Ratio::whole(1).checked_sub(cap_sum)?)?;
        let mut newly = Vec::new();
        for (class, n) in cast_by_class {
            if over_cap.contains_key(class) || *n == 0 {
                continue;
            }
            if let Some(cap) = caps.get(class) {
                let allowed = cap.as_ratio().checked_mul(total)?;
                if Ratio::whole(u64::from(*n)).checked_cmp(allowed)?.is_gt() {
                    newly.push((*class, cap.as_ratio()));
                }
            }
        }
        if newly.is_empty() {
            break Some(total);
        }
        over_cap.extend(newly);
    };
    cast_by_class
        .iter()
        .map(|(class, n)| {
            let strength = match (over_cap.get(class), total) {
                (Some(cap), Some(total)) => cap.checked_mul(total)?,
                (Some(cap), None) => *cap,
                (None, _) => Ratio::whole(u64::from(*n)),
            };
            Ok((*class, strength))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cast(pairs: &[(MemberClass, u32)]) -> BTreeMap<MemberClass, u32> {
        pairs.iter().copied().collect()
    }

    #[test]
    fn one_member_one_vote_weighs_each_vote_as_one() -> Result<(), Overflow> {
        let weights = per_vote_weights(
            &VotingScheme::default(),
            &cast(&[(MemberClass::Pa, 3), (MemberClass::Supporter, 0)]),
        )?;
        assert_eq!(weights.get(&MemberClass::Pa), Some(&Ratio::whole(1)));
        assert_eq!(weights.get(&MemberClass::Supporter), None);
        Ok(())
    }

    #[test]
    fn a_capped_class_holds_exactly_its_cap() -> Result<(), Overflow> {
        let scheme = VotingScheme::OneMemberOneVote {
            caps: BTreeMap::from([(MemberClass::Supporter, Share::ONE_TENTH)]),
        };
        // 9 others and 11 supporters: supporters would hold 55%.
        let counts = cast(&[
            (MemberClass::FamilyOrCarer, 9),
            (MemberClass::Supporter, 11),
        ]);
        let weights = per_vote_weights(&scheme, &counts)?;
        let supporters = weights
            .get(&MemberClass::Supporter)
            .copied()
            .unwrap_or(Ratio::ZERO)
            .checked_mul(Ratio::whole(11))?;
        // 9 / (1 - 1/10) = 10 in all, so supporters hold 1.
        assert_eq!(supporters, Ratio::whole(1));
        // Under the cap nothing changes.
        let counts = cast(&[(MemberClass::FamilyOrCarer, 9), (MemberClass::Supporter, 1)]);
        let weights = per_vote_weights(&scheme, &counts)?;
        assert_eq!(weights.get(&MemberClass::Supporter), Some(&Ratio::whole(1)));
        Ok(())
    }

    #[test]
    fn class_weights_are_shared_among_those_who_vote() -> Result<(), Overflow> {
        let scheme = VotingScheme::ClassShares {
            weights: BTreeMap::from([(MemberClass::SupportedPerson, 50), (MemberClass::Pa, 50)]),
        };
        let weights = per_vote_weights(
            &scheme,
            &cast(&[(MemberClass::SupportedPerson, 2), (MemberClass::Pa, 5)]),
        )?;
        assert_eq!(
            weights.get(&MemberClass::SupportedPerson),
            Some(&Ratio::whole(25))
        );
        assert_eq!(weights.get(&MemberClass::Pa), Some(&Ratio::whole(10)));
        Ok(())
    }
}

//! Posting a PA's pay to the funds of the people they supported, in
//! proportion to the minutes of support each person had.
//!
//! Gross pay and employer costs are each split by minutes (largest
//! remainder, see [`mod@crate::split`]) and debited to each person's fund. Each
//! fund's credit goes to the payroll control account, for exactly that
//! fund's two debits, so every fund balances to the penny. The control
//! account is then cleared by the payments of net pay, HMRC and pension,
//! each charged to the funds in proportion to what they owe it. Splitting
//! net pay, tax and pension separately by minutes could leave a fund a penny
//! out of balance, which is why the pay run credits one control account.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::account::codes;
use crate::fund::{FundId, PersonId};
use crate::journal::{Allocation, Line};
use crate::money::{Overflow, Pence};
use crate::split::{SplitError, SplitRule, split};

/// One PA's pay for one pay period and who they supported in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WagesInput {
    pub gross: Pence,
    /// Employer's National Insurance, employer pension and any other cost
    /// of employment on top of gross pay.
    pub employer_costs: Pence,
    /// Minutes of support given to each person in the period, from
    /// timesheets, in a stable order (it breaks ties in rounding).
    pub minutes: Vec<(PersonId, u32)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WagesError {
    #[error("gross pay and employer costs cannot be negative; post a correction as a reversal")]
    Negative,
    #[error("there is no pay to post")]
    Nothing,
    #[error("the PA's hours cannot be shared: {0}")]
    Split(#[from] SplitError),
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

/// The lines of a pay-run entry and the rule to store with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WagesPosting {
    pub lines: Vec<Line>,
    pub allocation: Allocation,
}

/// Builds the fund-tagged lines for one PA's pay. Lines come in the order of
/// the minutes list: for each person, wages, employer costs, then the
/// control-account credit. People with no minutes get no lines, and a zero
/// employer cost gets no line.
pub fn allocate_wages(input: &WagesInput) -> Result<WagesPosting, WagesError> {
    if input.gross.is_negative() || input.employer_costs.is_negative() {
        return Err(WagesError::Negative);
    }
    let total = input.gross.checked_add(input.employer_costs)?;
    if total.is_zero() {
        return Err(WagesError::Nothing);
    }
    let rule = SplitRule::ByMinutes {
        minutes: input.minutes.clone(),
    };
    let gross = split(input.gross, &rule)?;
    let employer = split(input.employer_costs, &rule)?;

    let mut lines = Vec::new();
    for (g, e) in gross.iter().zip(&employer) {
        let fund = FundId::Person(g.person.clone());
        let both = g.amount.checked_add(e.amount)?;
        if both.is_zero() {
            continue;
        }
        if g.amount.is_positive() {
            lines.push(Line::debit(codes::PA_WAGES, fund.clone(), g.amount));
        }
        if e.amount.is_positive() {
            lines.push(Line::debit(codes::EMPLOYER_COSTS, fund.clone(), e.amount));
        }
        lines.push(Line::credit(codes::PAYROLL_CONTROL, fund, both));
    }
    Ok(WagesPosting {
        lines,
        allocation: Allocation { rule, total },
    })
}

impl WagesError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            WagesError::Negative => "ledger-wages-negative",
            WagesError::Nothing => "ledger-wages-nothing",
            WagesError::Split(inner) => inner.code(),
            WagesError::Overflow(inner) => inner.code(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::Chart;
    use crate::journal::{EntryDraft, EntryId};
    use jiff::civil::Date;

    fn person(id: &str) -> PersonId {
        PersonId::new(id).unwrap()
    }

    #[test]
    fn a_pa_shared_between_two_people_is_charged_by_minutes() {
        // 40 hours: 30 with Ann (1800 min), 10 with Bryn (600 min).
        // Gross £508.40 → 3/4 = 38130, 1/4 = 12710 exactly.
        // Employer costs £41.27 → 3095.25 and 1031.75 → floors 3095, 1031,
        // 1p left for the larger remainder (Bryn's .75): 3095 and 1032.
        let posting = allocate_wages(&WagesInput {
            gross: Pence::new(50_840),
            employer_costs: Pence::new(4_127),
            minutes: vec![(person("ann"), 1800), (person("bryn"), 600)],
        })
        .unwrap();
        let ann = FundId::Person(person("ann"));
        let bryn = FundId::Person(person("bryn"));
        assert_eq!(
            posting.lines,
            vec![
                Line::debit(codes::PA_WAGES, ann.clone(), Pence::new(38_130)),
                Line::debit(codes::EMPLOYER_COSTS, ann.clone(), Pence::new(3_095)),
                Line::credit(codes::PAYROLL_CONTROL, ann, Pence::new(41_225)),
                Line::debit(codes::PA_WAGES, bryn.clone(), Pence::new(12_710)),
                Line::debit(codes::EMPLOYER_COSTS, bryn.clone(), Pence::new(1_032)),
                Line::credit(codes::PAYROLL_CONTROL, bryn, Pence::new(13_742)),
            ]
        );
        assert_eq!(posting.allocation.total, Pence::new(54_967));
        // And it posts: every fund balances.
        EntryDraft {
            id: EntryId::new("pay-1"),
            date: Date::constant(2026, 4, 30),
            description: "April pay".into(),
            lines: posting.lines,
            allocation: Some(posting.allocation),
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap();
    }

    #[test]
    fn someone_not_supported_this_period_gets_no_lines() {
        let posting = allocate_wages(&WagesInput {
            gross: Pence::new(1000),
            employer_costs: Pence::ZERO,
            minutes: vec![(person("ann"), 0), (person("bryn"), 60)],
        })
        .unwrap();
        assert_eq!(posting.lines.len(), 2);
        assert!(
            posting
                .lines
                .iter()
                .all(|l| l.fund == FundId::Person(person("bryn")))
        );
    }

    #[test]
    fn refuses_negative_empty_and_unshareable_pay() {
        let base = WagesInput {
            gross: Pence::new(-1),
            employer_costs: Pence::ZERO,
            minutes: vec![(person("ann"), 60)],
        };
        assert_eq!(allocate_wages(&base), Err(WagesError::Negative));
        let nothing = WagesInput {
            gross: Pence::ZERO,
            ..base.clone()
        };
        assert_eq!(allocate_wages(&nothing), Err(WagesError::Nothing));
        let no_minutes = WagesInput {
            gross: Pence::new(100),
            minutes: vec![(person("ann"), 0)],
            ..base
        };
        assert_eq!(
            allocate_wages(&no_minutes),
            Err(WagesError::Split(SplitError::NothingToShareBy))
        );
    }
}

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

/// One PA's payslip as the ledger needs it: the cost to the funds and
/// whom the co-operative now owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayslipCosts {
    pub wages: WagesInput,
    /// Tax, both NI contributions (less any Employment Allowance used) and
    /// student loan deductions: owed to HMRC.
    pub owed_to_hmrc: Pence,
    /// Employee and employer pension contributions: owed to the scheme.
    pub owed_to_pension: Pence,
}

/// The lines of one payslip's entry: [`allocate_wages`], then for each fund
/// the part of its payroll-control credit that is owed to HMRC and to the
/// pension scheme moved to those liability accounts. What is left on the
/// control account in each fund is that fund's share of the PA's net pay.
/// HMRC's and the scheme's amounts are split by the same minutes, so their
/// shares add up to the payslip's figures exactly.
pub fn allocate_payslip(input: &PayslipCosts) -> Result<WagesPosting, WagesError> {
    if input.owed_to_hmrc.is_negative() || input.owed_to_pension.is_negative() {
        return Err(WagesError::Negative);
    }
    let mut posting = allocate_wages(&input.wages)?;
    let rule = &posting.allocation.rule;
    let hmrc = split(input.owed_to_hmrc, rule)?;
    let pension = split(input.owed_to_pension, rule)?;
    for (h, p) in hmrc.iter().zip(&pension) {
        let fund = FundId::Person(h.person.clone());
        let both = h.amount.checked_add(p.amount)?;
        if both.is_zero() {
            continue;
        }
        posting
            .lines
            .push(Line::debit(codes::PAYROLL_CONTROL, fund.clone(), both));
        if h.amount.is_positive() {
            posting
                .lines
                .push(Line::credit(codes::HMRC, fund.clone(), h.amount));
        }
        if p.amount.is_positive() {
            posting
                .lines
                .push(Line::credit(codes::PENSION, fund, p.amount));
        }
    }
    Ok(posting)
}

/// The lines that pay off what `lines` left owing on `account` (the
/// payroll-control account for the PAs' net pay, HMRC's or the pension
/// scheme's), fund by fund, from the bank. Funds that owe nothing on it get
/// no lines. Splitting each figure to the nearest penny can leave a fund a
/// penny the other way (owed rather than owing, when a PA's net pay is a
/// few pence); that penny goes back to its bank share the same way, so the
/// payment still totals exactly what the run owes.
pub fn settle(lines: &[Line], account: &str) -> Result<Vec<Line>, WagesError> {
    let mut owed: Vec<(FundId, Pence)> = Vec::new();
    for line in lines.iter().filter(|l| l.account.as_str() == account) {
        // Credits raise what is owed; debits lower it.
        let change = line.signed()?.checked_neg()?;
        match owed.iter_mut().find(|(fund, _)| *fund == line.fund) {
            Some((_, amount)) => *amount = amount.checked_add(change)?,
            None => owed.push((line.fund.clone(), change)),
        }
    }
    let mut out = Vec::new();
    for (fund, amount) in owed {
        if amount.is_positive() {
            out.push(Line::debit(account, fund.clone(), amount));
            out.push(Line::credit(codes::BANK, fund, amount));
        } else if amount.is_negative() {
            let back = amount.checked_neg()?;
            out.push(Line::debit(codes::BANK, fund.clone(), back));
            out.push(Line::credit(account, fund, back));
        }
    }
    if out.is_empty() {
        return Err(WagesError::Nothing);
    }
    Ok(out)
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

    fn owed(lines: &[Line], account: &str) -> i64 {
        lines
            .iter()
            .filter(|l| l.account.as_str() == account)
            .map(|l| l.signed().unwrap().checked_neg().unwrap().get())
            .sum()
    }

    #[test]
    fn a_payslip_leaves_net_pay_on_control_and_the_rest_owed_to_hmrc_and_the_scheme() {
        // Gross 508.40; tax 40.00, employee NI 16.67, employee pension 12.34
        // → net 439.39. Employer NI 21.11 (no allowance), employer pension
        // 9.25 → employer costs 30.36. HMRC is owed 40.00 + 16.67 + 21.11.
        let input = PayslipCosts {
            wages: WagesInput {
                gross: Pence::new(50_840),
                employer_costs: Pence::new(3_036),
                minutes: vec![
                    (person("ann"), 1800),
                    (person("bryn"), 600),
                    (person("cai"), 1),
                ],
            },
            owed_to_hmrc: Pence::new(4_000 + 1_667 + 2_111),
            owed_to_pension: Pence::new(1_234 + 925),
        };
        let posting = allocate_payslip(&input).unwrap();
        assert_eq!(owed(&posting.lines, codes::PAYROLL_CONTROL), 43_939);
        assert_eq!(owed(&posting.lines, codes::HMRC), 7_778);
        assert_eq!(owed(&posting.lines, codes::PENSION), 2_159);
        let entry = EntryDraft {
            id: EntryId::new("pay-1"),
            date: Date::constant(2026, 4, 30),
            description: "April pay".into(),
            lines: posting.lines.clone(),
            allocation: Some(posting.allocation),
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap();
        // Paying each clears it to zero in every fund, and each payment
        // posts on its own.
        for account in [codes::PAYROLL_CONTROL, codes::HMRC, codes::PENSION] {
            let paid = settle(entry.lines(), account).unwrap();
            let mut all = entry.lines().to_vec();
            all.extend(paid.iter().cloned());
            for fund in ["ann", "bryn", "cai"] {
                let fund = FundId::Person(person(fund));
                let left: i64 = all
                    .iter()
                    .filter(|l| l.account.as_str() == account && l.fund == fund)
                    .map(|l| l.signed().unwrap().get())
                    .sum();
                assert_eq!(left, 0, "{account} left in {fund:?}");
            }
            EntryDraft {
                id: EntryId::new("paid"),
                date: Date::constant(2026, 4, 30),
                description: "paid".into(),
                lines: paid,
                allocation: None,
                reverses: None,
            }
            .post(&Chart::standard())
            .unwrap();
        }
    }

    #[test]
    fn a_penny_left_the_other_way_by_rounding_goes_back_to_its_bank_share() {
        // Net pay 0: everything is owed elsewhere, and three people share
        // 1p of HMRC's and 1p of the scheme's by minutes 1:1:1.
        let input = PayslipCosts {
            wages: WagesInput {
                gross: Pence::new(2),
                employer_costs: Pence::ZERO,
                minutes: vec![
                    (person("ann"), 60),
                    (person("bryn"), 60),
                    (person("cai"), 60),
                ],
            },
            owed_to_hmrc: Pence::new(1),
            owed_to_pension: Pence::new(1),
        };
        let posting = allocate_payslip(&input).unwrap();
        assert_eq!(owed(&posting.lines, codes::PAYROLL_CONTROL), 0);
        // Nothing is owed to the PAs in total, so nothing leaves the bank.
        match settle(&posting.lines, codes::PAYROLL_CONTROL) {
            Ok(lines) => {
                let bank: i64 = lines
                    .iter()
                    .filter(|l| l.account.as_str() == codes::BANK)
                    .map(|l| l.signed().unwrap().get())
                    .sum();
                assert_eq!(bank, 0);
            }
            Err(e) => assert_eq!(e, WagesError::Nothing),
        }
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

//! The everyday entries, built the same way every time: a Direct Payment or
//! contribution arriving, and spending charged to one fund or shared
//! between several by a stated rule.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::account::{AccountCode, AccountKind, Chart, codes};
use crate::approval::{ApprovalPolicy, Claim, ClaimStatus};
use crate::category::Category;
use crate::fund::{FundId, PersonId};
use crate::journal::{Allocation, Line};
use crate::money::{Overflow, Pence};
use crate::schedule::{ActualReceipt, ReceiptSource};
use crate::split::{SplitError, SplitRule, split};

/// Whose fund pays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "to", rename_all = "snake_case")]
pub enum ChargeTo {
    /// One person's Direct Payment fund.
    Person { person: PersonId },
    /// The co-operative's own money.
    General,
    /// Several people's funds, by the rule (stored with the entry).
    Shared { rule: SplitRule },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spending {
    pub category: Category,
    /// What was spent; more than zero.
    pub amount: Pence,
    pub charge_to: ChargeTo,
    /// Where the money went from: usually the bank, or bills to pay when
    /// an invoice is recorded before it is paid.
    pub paid_from: AccountCode,
}

/// Lines and, for a shared cost, the rule to keep with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub lines: Vec<Line>,
    pub allocation: Option<Allocation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PostingError {
    #[error("spending must be more than zero; a refund is posted as a reversal or as income")]
    NotPositive,
    #[error("the chart of accounts has no expense account for {0}")]
    NoAccountFor(Category),
    #[error(
        "account {0} cannot pay for things: money is paid from an asset or a liability account"
    )]
    NotAPaymentAccount(AccountCode),
    #[error("the claim is not approved yet: it has {have} of the {needed} approvals it needs")]
    NotApproved { have: usize, needed: usize },
    #[error("money can only be transferred between two different funds")]
    SameFund,
    #[error("the cost cannot be shared: {0}")]
    Split(#[from] SplitError),
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

impl PostingError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            PostingError::NotPositive => "ledger-posting-not-positive",
            PostingError::NoAccountFor(_) => "ledger-posting-no-account-for-category",
            PostingError::NotAPaymentAccount(_) => "ledger-posting-not-a-payment-account",
            PostingError::NotApproved { .. } => "ledger-posting-not-approved",
            PostingError::SameFund => "ledger-posting-same-fund",
            PostingError::Split(inner) => inner.code(),
            PostingError::Overflow(inner) => inner.code(),
        }
    }
}

/// The lines for a piece of spending: the expense account for its category
/// debited in each fund that pays, the paying account credited in the same
/// fund, so every fund balances. A person whose share is nil gets no lines.
pub fn spending(spend: &Spending, chart: &Chart) -> Result<Posting, PostingError> {
    if !spend.amount.is_positive() {
        return Err(PostingError::NotPositive);
    }
    let expense = chart
        .expense_account_for(spend.category)
        .ok_or(PostingError::NoAccountFor(spend.category))?
        .code
        .clone();
    match chart.get(&spend.paid_from).map(|a| a.kind) {
        Some(AccountKind::Asset | AccountKind::Liability) => {}
        _ => return Err(PostingError::NotAPaymentAccount(spend.paid_from.clone())),
    }
    let (parts, allocation) = match &spend.charge_to {
        ChargeTo::Person { person } => (vec![(FundId::Person(person.clone()), spend.amount)], None),
        ChargeTo::General => (vec![(FundId::General, spend.amount)], None),
        ChargeTo::Shared { rule } => {
            let shares = split(spend.amount, rule)?;
            (
                shares
                    .into_iter()
                    .map(|s| (FundId::Person(s.person), s.amount))
                    .collect(),
                Some(Allocation {
                    rule: rule.clone(),
                    total: spend.amount,
                }),
            )
        }
    };
    let mut lines = Vec::with_capacity(parts.len().saturating_mul(2));
    for (fund, amount) in parts {
        if !amount.is_positive() {
            continue;
        }
        lines.push(Line {
            account: expense.clone(),
            fund: fund.clone(),
            side: crate::journal::Side::Debit,
            amount,
        });
        lines.push(Line {
            account: spend.paid_from.clone(),
            fund,
            side: crate::journal::Side::Credit,
            amount,
        });
    }
    Ok(Posting { lines, allocation })
}

/// Paying an approved claim: refused until it has all its approvals, so
/// the two-officer rule cannot be skipped by posting the payment directly
/// from a claim.
pub fn pay_claim(
    claim: &Claim,
    policy: &ApprovalPolicy,
    charge_to: ChargeTo,
    paid_from: AccountCode,
    chart: &Chart,
) -> Result<Posting, PostingError> {
    if let ClaimStatus::AwaitingApproval { have, needed } = claim.status(policy) {
        return Err(PostingError::NotApproved { have, needed });
    }
    spending(
        &Spending {
            category: claim.category(),
            amount: claim.amount(),
            charge_to,
            paid_from,
        },
        chart,
    )
}

/// Money arriving in the bank for a person: the council's Direct Payment or
/// their own contribution, in their fund.
pub fn receipt(receipt: &ActualReceipt) -> Result<Posting, PostingError> {
    if !receipt.amount.is_positive() {
        return Err(PostingError::NotPositive);
    }
    let income = match receipt.source {
        ReceiptSource::Council(_) => codes::DIRECT_PAYMENT_INCOME,
        ReceiptSource::ClientContribution => codes::CLIENT_CONTRIBUTIONS,
    };
    let fund = FundId::Person(receipt.person.clone());
    Ok(Posting {
        lines: vec![
            Line::debit(codes::BANK, fund.clone(), receipt.amount),
            Line::credit(income, fund, receipt.amount),
        ],
        allocation: None,
    })
}

/// Moving money from one fund to another (the general fund covering a
/// shortfall, say): each fund's share of the bank changes and the
/// transfers account records why, so both funds still balance on their
/// own and the move shows on both people's statements.
pub fn transfer(from: &FundId, to: &FundId, amount: Pence) -> Result<Posting, PostingError> {
    if from == to {
        return Err(PostingError::SameFund);
    }
    if !amount.is_positive() {
        return Err(PostingError::NotPositive);
    }
    Ok(Posting {
        lines: vec![
            Line::debit(codes::TRANSFERS, from.clone(), amount),
            Line::credit(codes::BANK, from.clone(), amount),
            Line::debit(codes::BANK, to.clone(), amount),
            Line::credit(codes::TRANSFERS, to.clone(), amount),
        ],
        allocation: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{EntryDraft, EntryId};
    use jiff::civil::Date;

    fn p(id: &str) -> PersonId {
        PersonId::new(id).unwrap()
    }

    fn bank() -> AccountCode {
        AccountCode::new(codes::BANK)
    }

    #[test]
    fn a_shared_cost_is_charged_by_its_rule_and_posts() {
        // £50.00 of craft materials by 2:1 weights: 3333.33 and 1666.66 →
        // 3333 and 1666, the leftover penny to the larger remainder (ann's
        // .333… vs bryn's .666…): bryn, so 3333 and 1667.
        let rule = SplitRule::ByWeights {
            weights: vec![(p("ann"), 2), (p("bryn"), 1)],
        };
        let posting = spending(
            &Spending {
                category: Category::Activities,
                amount: Pence::new(5_000),
                charge_to: ChargeTo::Shared { rule: rule.clone() },
                paid_from: bank(),
            },
            &Chart::standard(),
        )
        .unwrap();
        let amounts: Vec<(String, i64)> = posting
            .lines
            .iter()
            .map(|l| (format!("{}", l.account), l.amount.get()))
            .collect();
        assert_eq!(
            amounts,
            vec![
                ("5200".to_owned(), 3_333),
                ("1000".to_owned(), 3_333),
                ("5200".to_owned(), 1_667),
                ("1000".to_owned(), 1_667),
            ]
        );
        assert_eq!(
            posting.allocation,
            Some(Allocation {
                rule,
                total: Pence::new(5_000)
            })
        );
        EntryDraft {
            id: EntryId::new("craft"),
            date: Date::constant(2026, 5, 2),
            description: "Craft materials".into(),
            lines: posting.lines,
            allocation: posting.allocation,
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap();
    }

    #[test]
    fn spending_must_come_from_somewhere_that_holds_money() {
        let err = spending(
            &Spending {
                category: Category::Admin,
                amount: Pence::new(100),
                charge_to: ChargeTo::General,
                paid_from: AccountCode::new(codes::GRANTS),
            },
            &Chart::standard(),
        )
        .unwrap_err();
        assert_eq!(
            err,
            PostingError::NotAPaymentAccount(AccountCode::new(codes::GRANTS))
        );
        let err = spending(
            &Spending {
                category: Category::Admin,
                amount: Pence::ZERO,
                charge_to: ChargeTo::General,
                paid_from: bank(),
            },
            &Chart::standard(),
        )
        .unwrap_err();
        assert_eq!(err, PostingError::NotPositive);
    }

    #[test]
    fn a_claim_is_paid_only_once_approved() {
        let policy = ApprovalPolicy {
            two_officer_limit: ApprovalPolicy::SUGGESTED_LIMIT,
            officers: vec![p("chair"), p("treasurer")],
        };
        let claim = Claim::new(
            "c1",
            p("pa-dafydd"),
            Pence::new(30_000),
            Category::Training,
            "First aid course",
        )
        .unwrap();
        let pay = |c: &Claim| {
            pay_claim(
                c,
                &policy,
                ChargeTo::Person { person: p("ann") },
                bank(),
                &Chart::standard(),
            )
        };
        assert_eq!(
            pay(&claim),
            Err(PostingError::NotApproved { have: 0, needed: 2 })
        );
        let claim = claim.approve(&p("chair"), &policy).unwrap();
        assert_eq!(
            pay(&claim),
            Err(PostingError::NotApproved { have: 1, needed: 2 })
        );
        let claim = claim.approve(&p("treasurer"), &policy).unwrap();
        let posting = pay(&claim).unwrap();
        assert_eq!(posting.lines[0].account.as_str(), codes::TRAINING);
        assert_eq!(posting.lines[0].amount, Pence::new(30_000));
    }

    #[test]
    fn the_general_fund_can_cover_a_shortfall() {
        let ann = FundId::Person(p("ann"));
        let posting = transfer(&FundId::General, &ann, Pence::new(2_000)).unwrap();
        let entry = EntryDraft {
            id: EntryId::new("t1"),
            date: Date::constant(2026, 6, 1),
            description: "General fund covers Ann's June shortfall".into(),
            lines: posting.lines,
            allocation: None,
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap();
        let period = crate::report::Period::quarter_containing(Date::constant(2026, 6, 1));
        let statement =
            crate::report::person_statement(&[entry], &Chart::standard(), &p("ann"), period)
                .unwrap();
        assert_eq!(statement.received_total, Pence::new(2_000));
        assert_eq!(statement.closing, Pence::new(2_000));
        assert_eq!(
            transfer(&ann, &ann, Pence::new(1)),
            Err(PostingError::SameFund)
        );
        assert_eq!(
            transfer(&FundId::General, &ann, Pence::ZERO),
            Err(PostingError::NotPositive)
        );
    }

    #[test]
    fn receipts_go_to_the_right_income_account() {
        let mut r = ActualReceipt {
            id: "x".into(),
            person: p("ann"),
            source: ReceiptSource::Council("Cyngor Gwynedd".into()),
            date: Date::constant(2026, 5, 1),
            amount: Pence::new(150_000),
        };
        let posting = receipt(&r).unwrap();
        assert_eq!(
            posting.lines[1].account.as_str(),
            codes::DIRECT_PAYMENT_INCOME
        );
        r.source = ReceiptSource::ClientContribution;
        let posting = receipt(&r).unwrap();
        assert_eq!(
            posting.lines[1].account.as_str(),
            codes::CLIENT_CONTRIBUTIONS
        );
        assert_eq!(posting.lines[0].fund, FundId::Person(p("ann")));
    }
}

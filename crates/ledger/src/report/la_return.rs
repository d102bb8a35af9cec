//! The monitoring return a council asks for, per person and period
//! (quarterly by default): opening balance, the council's payments, the
//! person's own contribution, spending by category, closing balance, and
//! whether the money held is more than the council lets a person keep.

use serde::{Deserialize, Serialize};

use super::statement::person_statement;
use super::{Period, ReportError};
use crate::account::{Chart, codes};
use crate::category::Category;
use crate::fund::PersonId;
use crate::journal::PostedEntry;
use crate::money::{Overflow, Pence};
use crate::schedule::Arrangement;

/// How much unspent money a fund may hold before the return flags it, in
/// weeks of the person's Direct Payment. Councils commonly allow four to
/// eight weeks; eight is the default and each council's figure is a
/// setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurplusRule {
    pub weeks: u32,
}

impl Default for SurplusRule {
    fn default() -> Self {
        SurplusRule { weeks: 8 }
    }
}

impl SurplusRule {
    /// The most a fund may hold: `weeks` of payments, with a monthly or
    /// four-weekly payment turned into weeks over a 52-week year
    /// (monthly × 12 ÷ 52, four-weekly ÷ 4), rounded down to the penny.
    /// Client contributions are not counted: the contingency is the
    /// council's money.
    pub fn threshold(self, arrangement: &Arrangement) -> Result<Pence, Overflow> {
        let amount = i128::from(arrangement.payment.amount.get());
        let yearly = amount
            .checked_mul(i128::from(arrangement.payment.frequency.per_year()))
            .and_then(|v| v.checked_mul(i128::from(self.weeks)))
            .ok_or(Overflow)?;
        let threshold = yearly.checked_div_euclid(52).ok_or(Overflow)?;
        i64::try_from(threshold)
            .map(Pence::new)
            .map_err(|_| Overflow)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaReturn {
    pub person: PersonId,
    pub council: String,
    pub period: Period,
    pub opening: Pence,
    pub direct_payments: Pence,
    pub client_contributions: Pence,
    /// Anything else credited to the fund (balances brought forward,
    /// refunds to income), so the return still adds up.
    pub other_income: Pence,
    pub spent_by_category: Vec<(Category, Pence)>,
    /// Of the spending, the person's shares of costs split with others.
    pub shared_spending: Pence,
    pub spent_total: Pence,
    pub closing: Pence,
    pub surplus_threshold: Pence,
    /// How far the closing balance is above the threshold, if it is.
    pub surplus: Option<Pence>,
}

pub fn la_return(
    entries: &[PostedEntry],
    chart: &Chart,
    arrangement: &Arrangement,
    period: Period,
    rule: SurplusRule,
) -> Result<LaReturn, ReportError> {
    let statement = person_statement(entries, chart, &arrangement.person, period)?;
    let mut direct_payments = Pence::ZERO;
    let mut client_contributions = Pence::ZERO;
    let mut other_income = Pence::ZERO;
    for row in &statement.received {
        let slot = match row.account.as_str() {
            codes::DIRECT_PAYMENT_INCOME => &mut direct_payments,
            codes::CLIENT_CONTRIBUTIONS => &mut client_contributions,
            _ => &mut other_income,
        };
        *slot = slot.checked_add(row.amount)?;
    }
    let shared_spending = Pence::sum(statement.spent.iter().map(|r| r.shared))?;
    let threshold = rule.threshold(arrangement)?;
    let surplus = if statement.closing > threshold {
        Some(statement.closing.checked_sub(threshold)?)
    } else {
        None
    };
    Ok(LaReturn {
        person: arrangement.person.clone(),
        council: arrangement.council.clone(),
        period,
        opening: statement.opening,
        direct_payments,
        client_contributions,
        other_income,
        spent_by_category: statement
            .spent
            .iter()
            .map(|r| (r.category, r.total))
            .collect(),
        shared_spending,
        spent_total: statement.spent_total,
        closing: statement.closing,
        surplus_threshold: threshold,
        surplus,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::codes;
    use crate::fund::FundId;
    use crate::journal::{EntryDraft, EntryId, Line};
    use crate::schedule::{Frequency, Schedule};
    use jiff::civil::Date;

    fn arrangement(amount: i64, frequency: Frequency) -> Arrangement {
        Arrangement {
            person: PersonId::new("ann").unwrap(),
            council: "Cyngor Sir Ddinbych".into(),
            payment: Schedule {
                amount: Pence::new(amount),
                frequency,
                start: Date::constant(2026, 4, 1),
                end: None,
            },
            client_contribution: None,
        }
    }

    #[test]
    fn eight_weeks_of_payments() {
        let rule = SurplusRule::default();
        // Weekly £350: 8 × 350 = £2,800.
        assert_eq!(
            rule.threshold(&arrangement(35_000, Frequency::Weekly)),
            Ok(Pence::new(280_000))
        );
        // Four-weekly £1,400: 8 weeks is two payments, £2,800.
        assert_eq!(
            rule.threshold(&arrangement(140_000, Frequency::FourWeekly)),
            Ok(Pence::new(280_000))
        );
        // Monthly £1,500: £18,000 a year ÷ 52 × 8 = £2,769.230… → £2,769.23.
        assert_eq!(
            rule.threshold(&arrangement(150_000, Frequency::Monthly)),
            Ok(Pence::new(276_923))
        );
    }

    #[test]
    fn a_return_flags_money_held_above_the_threshold() {
        let ann = FundId::Person(PersonId::new("ann").unwrap());
        let line_pair = |id: &str, date: Date, debit: &str, credit: &str, amount: i64| {
            EntryDraft {
                id: EntryId::new(id),
                date,
                description: id.into(),
                lines: vec![
                    Line::debit(debit, ann.clone(), Pence::new(amount)),
                    Line::credit(credit, ann.clone(), Pence::new(amount)),
                ],
                allocation: None,
                reverses: None,
            }
            .post(&Chart::standard())
            .unwrap()
        };
        let d = Date::constant;
        let mut entries = Vec::new();
        for (i, month) in [4, 5, 6].into_iter().enumerate() {
            entries.push(line_pair(
                &format!("dp{i}"),
                d(2026, month, 1),
                codes::BANK,
                codes::DIRECT_PAYMENT_INCOME,
                150_000,
            ));
        }
        entries.push(line_pair(
            "cc",
            d(2026, 4, 8),
            codes::BANK,
            codes::CLIENT_CONTRIBUTIONS,
            10_000,
        ));
        entries.push(line_pair(
            "w",
            d(2026, 4, 30),
            codes::PA_WAGES,
            codes::BANK,
            100_000,
        ));
        let period = Period::quarter_containing(d(2026, 4, 1));
        let r = la_return(
            &entries,
            &Chart::standard(),
            &arrangement(150_000, Frequency::Monthly),
            period,
            SurplusRule::default(),
        )
        .unwrap();
        assert_eq!(r.direct_payments, Pence::new(450_000));
        assert_eq!(r.client_contributions, Pence::new(10_000));
        assert_eq!(r.other_income, Pence::ZERO);
        assert_eq!(r.spent_total, Pence::new(100_000));
        // 4,500 + 100 - 1,000 = £3,600.00, which is £830.77 over £2,769.23.
        assert_eq!(r.closing, Pence::new(360_000));
        assert_eq!(r.surplus, Some(Pence::new(83_077)));
        let wages = r
            .spent_by_category
            .iter()
            .find(|(c, _)| *c == Category::PaWages)
            .unwrap();
        assert_eq!(wages.1, Pence::new(100_000));

        // With twelve weeks allowed (£4,153.84) nothing is flagged.
        let relaxed = la_return(
            &entries,
            &Chart::standard(),
            &arrangement(150_000, Frequency::Monthly),
            period,
            SurplusRule { weeks: 12 },
        )
        .unwrap();
        assert_eq!(relaxed.surplus_threshold, Pence::new(415_384));
        assert_eq!(relaxed.surplus, None);
    }
}

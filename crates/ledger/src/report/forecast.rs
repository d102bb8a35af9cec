//! Looking ahead: each month's expected receipts and planned spending for a
//! fund, and the first month it would run short.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::ReportError;
use crate::category::Category;
use crate::fund::FundId;
use crate::money::Pence;
use crate::schedule::{ExpectedReceipt, Schedule, ScheduleError};

/// Spending the members plan: wages, a regular activity, a one-off
/// purchase (a schedule whose end is its start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedSpend {
    pub fund: FundId,
    pub description: String,
    pub category: Category,
    pub schedule: Schedule,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForecastMonth {
    /// The first day of the month.
    pub month: Date,
    pub opening: Pence,
    pub receipts: Pence,
    pub spending: Pence,
    pub closing: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Forecast {
    pub fund: FundId,
    pub months: Vec<ForecastMonth>,
    /// The first month whose closing balance falls below the minimum.
    pub first_shortfall: Option<Date>,
}

/// Forecasts `fund` for `months` months from the month holding `start`,
/// from its balance at the start of that month. Only receipts for the
/// fund's person count (the general fund has no Direct Payment receipts),
/// and only spending planned for this fund. A month is short when it
/// would close below `minimum` (zero, or a contingency the members want to
/// keep).
pub fn forecast(
    fund: &FundId,
    opening: Pence,
    start: Date,
    months: u16,
    receipts: &[ExpectedReceipt],
    planned: &[PlannedSpend],
    minimum: Pence,
) -> Result<Forecast, ReportError> {
    if months == 0 {
        return Err(ReportError::NoMonths);
    }
    let mut rows = Vec::with_capacity(usize::from(months));
    let mut balance = opening;
    let mut first_shortfall = None;
    let mut month_start = start.first_of_month();
    for _ in 0..months {
        let month_end = month_start.last_of_month();
        let mut income = Pence::ZERO;
        for r in receipts {
            let ours = fund.person() == Some(&r.person);
            if ours && month_start <= r.due && r.due <= month_end {
                income = income.checked_add(r.amount)?;
            }
        }
        let mut spending = Pence::ZERO;
        for p in planned.iter().filter(|p| &p.fund == fund) {
            let count = p.schedule.dates_between(month_start, month_end)?.len();
            let count = i64::try_from(count).map_err(|_| ScheduleError::DateOutOfRange)?;
            spending = spending.checked_add(p.schedule.amount.checked_mul(count)?)?;
        }
        let closing = balance.checked_add(income)?.checked_sub(spending)?;
        if first_shortfall.is_none() && closing < minimum {
            first_shortfall = Some(month_start);
        }
        rows.push(ForecastMonth {
            month: month_start,
            opening: balance,
            receipts: income,
            spending,
            closing,
        });
        balance = closing;
        month_start = month_end
            .tomorrow()
            .map_err(|_| ScheduleError::DateOutOfRange)?;
    }
    Ok(Forecast {
        fund: fund.clone(),
        months: rows,
        first_shortfall,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fund::PersonId;
    use crate::schedule::{Arrangement, Frequency, ReceiptSource};

    #[test]
    fn a_fund_spending_more_than_it_receives_runs_short() {
        let ann = PersonId::new("ann").unwrap();
        let d = Date::constant;
        let arrangement = Arrangement {
            person: ann.clone(),
            council: "Cyngor Conwy".into(),
            payment: Schedule {
                amount: Pence::new(100_000),
                frequency: Frequency::FourWeekly,
                start: d(2026, 4, 3),
                end: None,
            },
            client_contribution: None,
        };
        let receipts = arrangement
            .expected_receipts(d(2026, 4, 1), d(2026, 9, 30))
            .unwrap();
        // Someone else's receipt must not count.
        let mut all = receipts.clone();
        all.push(ExpectedReceipt {
            person: PersonId::new("bryn").unwrap(),
            source: ReceiptSource::ClientContribution,
            due: d(2026, 4, 10),
            amount: Pence::new(1_000_000),
        });
        let planned = vec![
            PlannedSpend {
                fund: FundId::Person(ann.clone()),
                description: "PA wages".into(),
                category: Category::PaWages,
                schedule: Schedule {
                    amount: Pence::new(110_000),
                    frequency: Frequency::Monthly,
                    start: d(2026, 4, 28),
                    end: None,
                },
            },
            PlannedSpend {
                fund: FundId::Person(ann.clone()),
                description: "Hoist service".into(),
                category: Category::Equipment,
                schedule: Schedule {
                    amount: Pence::new(20_000),
                    frequency: Frequency::Monthly,
                    start: d(2026, 6, 15),
                    end: Some(d(2026, 6, 15)),
                },
            },
            // Someone else's plans must not count either.
            PlannedSpend {
                fund: FundId::General,
                description: "Room hire".into(),
                category: Category::Activities,
                schedule: Schedule {
                    amount: Pence::new(5_000),
                    frequency: Frequency::Weekly,
                    start: d(2026, 4, 1),
                    end: None,
                },
            },
        ];
        let f = forecast(
            &FundId::Person(ann),
            Pence::new(50_000),
            d(2026, 4, 20),
            6,
            &all,
            &planned,
            Pence::ZERO,
        )
        .unwrap();
        // Four-weekly from 3 April: 3 Apr, 1 May, 29 May, 26 Jun, 24 Jul,
        // 21 Aug, 18 Sep. So May has two payments.
        let receipts: Vec<i64> = f.months.iter().map(|m| m.receipts.get()).collect();
        assert_eq!(
            receipts,
            vec![100_000, 200_000, 100_000, 100_000, 100_000, 100_000]
        );
        let spending: Vec<i64> = f.months.iter().map(|m| m.spending.get()).collect();
        assert_eq!(
            spending,
            vec![110_000, 110_000, 130_000, 110_000, 110_000, 110_000]
        );
        let closing: Vec<i64> = f.months.iter().map(|m| m.closing.get()).collect();
        // 500 → 400 → 1,300 → 1,000 → 900 → 800 → 700 (pounds)
        assert_eq!(
            closing,
            vec![40_000, 130_000, 100_000, 90_000, 80_000, 70_000]
        );
        assert_eq!(f.first_shortfall, None);

        // Keeping £850 back, April (closing at £400) is already short.
        let careful = forecast(
            &f.fund,
            Pence::new(50_000),
            d(2026, 4, 1),
            6,
            &receipts_only(&arrangement),
            &planned,
            Pence::new(85_000),
        )
        .unwrap();
        assert_eq!(careful.first_shortfall, Some(d(2026, 4, 1)));
        assert_eq!(careful.months[0].opening, Pence::new(50_000));
    }

    fn receipts_only(a: &Arrangement) -> Vec<ExpectedReceipt> {
        a.expected_receipts(Date::constant(2026, 4, 1), Date::constant(2026, 9, 30))
            .unwrap()
    }

    #[test]
    fn a_forecast_needs_a_month() {
        assert_eq!(
            forecast(
                &FundId::General,
                Pence::ZERO,
                Date::constant(2026, 4, 1),
                0,
                &[],
                &[],
                Pence::ZERO
            ),
            Err(ReportError::NoMonths)
        );
    }
}

//! Statutory Sick Pay, each day judged under the rules in force on it.
//!
//! Before 6 April 2026: a period of incapacity for work (PIW) is four or
//! more consecutive days of incapacity, the first three qualifying days of
//! each (linked) PIW are waiting days, and nothing is due unless average
//! weekly earnings reach the lower earnings limit. From 6 April 2026
//! (Employment Rights Act 2025 s.10 and the SSP provisions of Part 1): one
//! day of incapacity is a PIW, SSP is payable from the first qualifying
//! day, there is no earnings test, and the weekly rate is the lower of the
//! flat rate and 80% of average weekly earnings. Throughout: PIWs no more
//! than 8 weeks apart are linked into one, and SSP stops after 28 weeks'
//! worth in a linked PIW (Social Security Contributions and Benefits Act
//! 1992 ss.152, 153, 155).

use crate::date::{Date, DateError};
use crate::money::{self, Overflow, Pence};

/// SSP rules from a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SspRules {
    pub from: Date,
    pub weekly_rate: Pence,
    /// Consecutive days of incapacity that make a PIW.
    pub min_piw_days: i64,
    pub waiting_days: u32,
    /// Average weekly earnings must reach this; `None` once the test went.
    pub lower_earnings_limit: Option<Pence>,
    /// Pay at most this share of average weekly earnings, in percent.
    pub earnings_cap_percent: Option<i64>,
}

/// Oldest first.
pub const RULES: [SspRules; 2] = [
    SspRules {
        from: Date::known(2025, 4, 6),
        weekly_rate: 11_875,
        min_piw_days: 4,
        waiting_days: 3,
        lower_earnings_limit: Some(12_500),
        earnings_cap_percent: None,
    },
    SspRules {
        from: Date::known(2026, 4, 6),
        weekly_rate: 12_325,
        min_piw_days: 1,
        waiting_days: 0,
        lower_earnings_limit: None,
        earnings_cap_percent: Some(80),
    },
];

/// Most weeks of SSP in one linked period of incapacity.
const MAX_WEEKS: i64 = 28;
/// PIWs separated by no more than this many days are one.
const LINK_DAYS: i64 = 56;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SspInput {
    /// Spells of consecutive days of incapacity, first and last day.
    pub spells: Vec<(Date, Date)>,
    /// Qualifying days (the days the PA would work), Monday first.
    pub qualifying_days: [bool; 7],
    /// Average weekly earnings over the relevant period (8 weeks).
    pub average_weekly_earnings: Pence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayOutcome {
    /// SSP is paid for the day; the amount is in the week's total.
    Paid,
    Waiting,
    NotQualifyingDay,
    /// Part of a spell too short to be a PIW under the day's rules.
    NotPiw,
    BelowLowerEarningsLimit,
    /// 28 weeks already paid in this linked PIW.
    Exhausted,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SspResult {
    pub days: Vec<(Date, DayOutcome)>,
    /// Each SSP week (Sunday to Saturday) and the amount for it.
    pub weeks: Vec<(Date, Pence)>,
    pub total: Pence,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SspError {
    #[error("a sickness spell ends ({last}) before it starts ({first})")]
    Backwards { first: Date, last: Date },
    #[error("Cylch has no SSP rules for {0}")]
    NoRules(Date),
    #[error("no qualifying days are set; agree which days the PA would work")]
    NoQualifyingDays,
    #[error(transparent)]
    Date(#[from] DateError),
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

pub fn rules_on(date: Date) -> Result<&'static SspRules, SspError> {
    RULES
        .iter()
        .rev()
        .find(|r| r.from <= date)
        .ok_or(SspError::NoRules(date))
}

/// The weekly amount payable under `rules` for these earnings, or `None`
/// when the earnings test fails.
pub fn weekly_amount(
    rules: &SspRules,
    average_weekly_earnings: Pence,
) -> Result<Option<Pence>, Overflow> {
    if let Some(lel) = rules.lower_earnings_limit
        && average_weekly_earnings < lel
    {
        return Ok(None);
    }
    let mut rate = rules.weekly_rate;
    if let Some(percent) = rules.earnings_cap_percent {
        let cap = money::to_pence(money::div_round_half_up(
            i128::from(average_weekly_earnings.max(0)) * i128::from(percent),
            100,
        ))?;
        rate = rate.min(cap);
    }
    Ok(Some(rate))
}

pub fn calculate(input: &SspInput) -> Result<SspResult, SspError> {
    let qds_per_week = input.qualifying_days.iter().filter(|q| **q).count() as i64;
    if qds_per_week == 0 {
        return Err(SspError::NoQualifyingDays);
    }
    let mut spells = input.spells.clone();
    for &(first, last) in &spells {
        if last < first {
            return Err(SspError::Backwards { first, last });
        }
    }
    spells.sort();
    // Overlapping or touching spells are one run of consecutive days.
    let mut merged: Vec<(Date, Date)> = Vec::new();
    for (first, last) in spells {
        match merged.last_mut() {
            Some(prev) if first.day_number() <= prev.1.day_number() + 1 => {
                prev.1 = prev.1.max(last);
            }
            _ => merged.push((first, last)),
        }
    }

    let mut days = Vec::new();
    // (week start, rate) -> qualifying days paid, in order of appearance.
    let mut week_parts: Vec<(Date, Pence, i64)> = Vec::new();
    let mut previous_piw_end: Option<Date> = None;
    let mut waiting_served = 0u32;
    let mut paid_days = 0i64;

    for (first, last) in merged {
        let length = first.days_until(last) + 1;
        // A day belongs to a PIW if its spell is long enough under the
        // rules of that day; the spell links to others if any day does.
        let day_in_piw =
            |day: Date| -> Result<bool, SspError> { Ok(length >= rules_on(day)?.min_piw_days) };
        let is_piw = day_in_piw(first)? || day_in_piw(last)?;
        if is_piw {
            let linked = previous_piw_end.is_some_and(|end| end.days_until(first) - 1 <= LINK_DAYS);
            if !linked {
                waiting_served = 0;
                paid_days = 0;
            }
            previous_piw_end = Some(last);
        }
        let mut day = first;
        while day <= last {
            let qualifying = input.qualifying_days[day.weekday_from_monday() as usize];
            let outcome = if !day_in_piw(day)? {
                DayOutcome::NotPiw
            } else if !qualifying {
                DayOutcome::NotQualifyingDay
            } else {
                let rules = rules_on(day)?;
                match weekly_amount(rules, input.average_weekly_earnings)? {
                    None => DayOutcome::BelowLowerEarningsLimit,
                    Some(_) if waiting_served < rules.waiting_days => {
                        waiting_served += 1;
                        DayOutcome::Waiting
                    }
                    Some(_) if paid_days >= MAX_WEEKS * qds_per_week => DayOutcome::Exhausted,
                    Some(rate) => {
                        paid_days += 1;
                        let week = day.add_days(-i64::from((day.weekday_from_monday() + 1) % 7))?;
                        match week_parts
                            .iter_mut()
                            .find(|(w, r, _)| *w == week && *r == rate)
                        {
                            Some(part) => part.2 += 1,
                            None => week_parts.push((week, rate, 1)),
                        }
                        DayOutcome::Paid
                    }
                }
            };
            days.push((day, outcome));
            day = day.add_days(1)?;
        }
    }

    // A week's SSP is rate × days ÷ qualifying days, rounded up to the penny.
    let mut weeks: Vec<(Date, Pence)> = Vec::new();
    for (week, rate, count) in week_parts {
        let amount = money::to_pence(money::div_ceil(
            i128::from(rate) * i128::from(count),
            i128::from(qds_per_week),
        ))?;
        match weeks.iter_mut().find(|(w, _)| *w == week) {
            Some(entry) => entry.1 = money::add(entry.1, amount)?,
            None => weeks.push((week, amount)),
        }
    }
    let total = weeks
        .iter()
        .try_fold(0, |acc: Pence, (_, a)| money::add(acc, *a))?;
    Ok(SspResult { days, weeks, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    const MON_TO_FRI: [bool; 7] = [true, true, true, true, true, false, false];

    #[test]
    fn old_rules_wait_three_days() {
        // Mon 2 Feb to Fri 6 Feb 2026: 5 qualifying days, 3 waiting, 2 paid
        // at £118.75 ÷ 5 = £23.75 (GOV.UK SSP daily rates table).
        let r = calculate(&SspInput {
            spells: vec![(d(2026, 2, 2), d(2026, 2, 6))],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 30_000,
        })
        .unwrap();
        assert_eq!(r.total, 4_750);
    }

    #[test]
    fn new_rules_pay_from_day_one_at_80_percent_cap() {
        // Mon 13 to Fri 17 April 2026, AWE £100: 80% is £80 a week, so
        // 5 days × £16 = £80.
        let r = calculate(&SspInput {
            spells: vec![(d(2026, 4, 13), d(2026, 4, 17))],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 10_000,
        })
        .unwrap();
        assert_eq!(r.total, 8_000);
        // Under the old rules the same PA (below the £125 LEL) got nothing.
        let old = calculate(&SspInput {
            spells: vec![(d(2026, 2, 2), d(2026, 2, 6))],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 10_000,
        })
        .unwrap();
        assert_eq!(old.total, 0);
    }

    #[test]
    fn linked_spells_serve_waiting_days_once() {
        // Two 4-day spells 3 weeks apart in early 2026: the second links,
        // so no new waiting days.
        let r = calculate(&SspInput {
            spells: vec![
                (d(2026, 1, 5), d(2026, 1, 8)),
                (d(2026, 1, 26), d(2026, 1, 29)),
            ],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 30_000,
        })
        .unwrap();
        let waiting = r
            .days
            .iter()
            .filter(|(_, o)| *o == DayOutcome::Waiting)
            .count();
        assert_eq!(waiting, 3);
        // 1 paid day in week 1 and 4 in the linked spell: £23.75 × 5.
        assert_eq!(r.total, 11_875);
    }

    #[test]
    fn short_spells_are_piws_only_from_april_2026() {
        // Mon 2 to Wed 4 February 2026: three days are not a PIW.
        let r = calculate(&SspInput {
            spells: vec![(d(2026, 2, 2), d(2026, 2, 4))],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 30_000,
        })
        .unwrap();
        assert_eq!(r.total, 0);
        // Mon 4 May 2026 alone is a PIW (ERA 2025 s.10): £123.25 ÷ 5.
        let r = calculate(&SspInput {
            spells: vec![(d(2026, 5, 4), d(2026, 5, 4))],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 30_000,
        })
        .unwrap();
        assert_eq!(r.total, 2_465);
    }

    #[test]
    fn each_day_follows_the_rules_in_force_on_it() {
        // Thu 2 April to Fri 10 April 2026, Mon–Fri, AWE £300. Thu 2, Fri 3
        // and Mon 6 are the three qualifying days: Thu and Fri wait under
        // the old rules; from Mon 6 April there are no waiting days, so Mon
        // 6 to Fri 10 are paid at £123.25 ÷ 5 = £24.65 a day.
        let r = calculate(&SspInput {
            spells: vec![(d(2026, 4, 2), d(2026, 4, 10))],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 30_000,
        })
        .unwrap();
        let waiting = r
            .days
            .iter()
            .filter(|(_, o)| *o == DayOutcome::Waiting)
            .count();
        assert_eq!(waiting, 2);
        assert_eq!(r.total, 5 * 2_465);
    }

    #[test]
    fn unlinked_spells_wait_again_and_28_weeks_is_the_most() {
        // Gaps over 8 weeks: each PIW serves its own waiting days.
        let r = calculate(&SspInput {
            spells: vec![
                (d(2025, 6, 2), d(2025, 6, 6)),
                (d(2025, 9, 1), d(2025, 9, 5)),
            ],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 30_000,
        })
        .unwrap();
        let waiting = r
            .days
            .iter()
            .filter(|(_, o)| *o == DayOutcome::Waiting)
            .count();
        assert_eq!(waiting, 6);
        // A year off sick from May 2026: 28 weeks × £123.25 at most.
        let r = calculate(&SspInput {
            spells: vec![(d(2026, 5, 4), d(2027, 5, 2))],
            qualifying_days: MON_TO_FRI,
            average_weekly_earnings: 50_000,
        })
        .unwrap();
        assert_eq!(r.total, 28 * 12_325);
        assert!(r.days.iter().any(|(_, o)| *o == DayOutcome::Exhausted));
    }
}

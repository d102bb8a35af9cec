//! Direct Payment arrangements and the receipts they lead us to expect.
//!
//! A council pays each person's Direct Payment weekly, four-weekly or
//! monthly from a start date; the person may also pay in their own
//! contribution towards the cost of their care. From these Cylch works out
//! what should arrive and when, and flags payments that are late, short,
//! missing or more than expected.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::fund::PersonId;
use crate::money::{Overflow, Pence};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    FourWeekly,
    /// On the start date's day of the month; in a shorter month, on its
    /// last day (a payment starting on 31 January falls on 28 or 29
    /// February, then 31 March).
    Monthly,
}

impl Frequency {
    /// Payments in a (52-week) year, for turning an amount into weeks of
    /// payments without rounding: weekly 52, four-weekly 13, monthly 12.
    pub fn per_year(self) -> i64 {
        match self {
            Frequency::Weekly => 52,
            Frequency::FourWeekly => 13,
            Frequency::Monthly => 12,
        }
    }
}

/// An amount paid regularly from a start date, perhaps until an end date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub amount: Pence,
    pub frequency: Frequency,
    pub start: Date,
    /// The last day a payment can fall on, if the arrangement ends.
    pub end: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleError {
    #[error("the dates run beyond the calendar Cylch can work with")]
    DateOutOfRange,
    #[error("the period ends ({to}) before it starts ({from})")]
    BackwardsPeriod { from: Date, to: Date },
    #[error("a regular payment must be for more than zero")]
    NotPositive,
    #[error("the arrangement ends ({end}) before it starts ({start})")]
    EndsBeforeStart { start: Date, end: Date },
    #[error("the council's name is missing")]
    NoCouncil,
    #[error(transparent)]
    Overflow(#[from] Overflow),
}

impl Schedule {
    /// A schedule pays something, and does not end before it starts.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if !self.amount.is_positive() {
            return Err(ScheduleError::NotPositive);
        }
        match self.end {
            Some(end) if end < self.start => Err(ScheduleError::EndsBeforeStart {
                start: self.start,
                end,
            }),
            _ => Ok(()),
        }
    }

    /// The amount over a 52-week year, for comparing schedules of different
    /// frequencies without rounding.
    pub fn per_year(&self) -> Result<Pence, Overflow> {
        self.amount.checked_mul(self.frequency.per_year())
    }

    /// The `n`th payment date (the first is `n = 0`), always worked out
    /// from the start date so month-end clamping never drifts.
    pub fn nth(&self, n: i64) -> Result<Date, ScheduleError> {
        let days = |per: i64| -> Result<Date, ScheduleError> {
            let offset = n.checked_mul(per).ok_or(ScheduleError::DateOutOfRange)?;
            add_days(self.start, offset)
        };
        match self.frequency {
            Frequency::Weekly => days(7),
            Frequency::FourWeekly => days(28),
            Frequency::Monthly => {
                let month0 = i64::from(self.start.month())
                    .checked_sub(1)
                    .and_then(|m| m.checked_add(n))
                    .ok_or(ScheduleError::DateOutOfRange)?;
                let year = i64::from(self.start.year())
                    .checked_add(month0.div_euclid(12))
                    .ok_or(ScheduleError::DateOutOfRange)?;
                let month = month0
                    .rem_euclid(12)
                    .checked_add(1)
                    .ok_or(ScheduleError::DateOutOfRange)?;
                let year = i16::try_from(year).map_err(|_| ScheduleError::DateOutOfRange)?;
                let month = i8::try_from(month).map_err(|_| ScheduleError::DateOutOfRange)?;
                let first = Date::new(year, month, 1).map_err(|_| ScheduleError::DateOutOfRange)?;
                let day = self.start.day().min(first.days_in_month());
                Date::new(year, month, day).map_err(|_| ScheduleError::DateOutOfRange)
            }
        }
    }

    /// Payment dates from `from` to `to`, both included.
    pub fn dates_between(&self, from: Date, to: Date) -> Result<Vec<Date>, ScheduleError> {
        if to < from {
            return Err(ScheduleError::BackwardsPeriod { from, to });
        }
        let last = match self.end {
            Some(end) if end < to => end,
            _ => to,
        };
        let mut dates = Vec::new();
        let mut n: i64 = 0;
        loop {
            let date = self.nth(n)?;
            if date > last {
                break;
            }
            if date >= from {
                dates.push(date);
            }
            n = n.checked_add(1).ok_or(ScheduleError::DateOutOfRange)?;
        }
        Ok(dates)
    }
}

/// Adds whole days to a date, refusing dates past jiff's calendar.
pub fn add_days(date: Date, days: i64) -> Result<Date, ScheduleError> {
    date.checked_add(days.days())
        .map_err(|_| ScheduleError::DateOutOfRange)
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> Result<i64, ScheduleError> {
    a.until(b)
        .map(|span| i64::from(span.get_days()))
        .map_err(|_| ScheduleError::DateOutOfRange)
}

/// Where an expected receipt comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "council", rename_all = "snake_case")]
pub enum ReceiptSource {
    /// The council's Direct Payment.
    Council(String),
    /// The person's own contribution towards their care, paid in to the
    /// Direct Payment account.
    ClientContribution,
}

/// One person's Direct Payment arrangement, as in their care and support
/// plan and the council's agreement with the co-operative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrangement {
    pub person: PersonId,
    /// The paying council's name, e.g. "Cyngor Gwynedd".
    pub council: String,
    pub payment: Schedule,
    pub client_contribution: Option<Schedule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedReceipt {
    pub person: PersonId,
    pub source: ReceiptSource,
    pub due: Date,
    pub amount: Pence,
}

/// In Wales the most a council may charge a person towards
/// non-residential care and support is £100 a week (since April 2020). It
/// is a figure that changes, so callers pass it in; this is the current
/// one.
pub const WALES_WEEKLY_CHARGE_CAP: Pence = Pence::new(10_000);

/// Something about an arrangement worth a second look, though not wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum ArrangementWarning {
    /// The person's own contribution, as a weekly figure, is above the
    /// weekly cap on charges: check the council's charging letter.
    ContributionAboveCap { weekly: Pence, cap: Pence },
}

impl Arrangement {
    /// Checks the arrangement can be used, and returns anything a person
    /// should look at. The weekly contribution compared with the cap is the
    /// yearly total over 52 weeks, rounded down.
    pub fn validate(&self, weekly_cap: Pence) -> Result<Vec<ArrangementWarning>, ScheduleError> {
        if self.council.trim().is_empty() {
            return Err(ScheduleError::NoCouncil);
        }
        self.payment.validate()?;
        let mut warnings = Vec::new();
        if let Some(contribution) = &self.client_contribution {
            contribution.validate()?;
            let per_year = contribution.per_year()?;
            let weekly = Pence::new(per_year.get().div_euclid(52));
            // Compared exactly: above the cap if the yearly total is above
            // 52 weeks of the cap.
            if per_year > weekly_cap.checked_mul(52)? {
                warnings.push(ArrangementWarning::ContributionAboveCap {
                    weekly,
                    cap: weekly_cap,
                });
            }
        }
        Ok(warnings)
    }

    /// Everything this arrangement should bring in from `from` to `to`
    /// (both included), by due date; on the same day the council's payment
    /// comes before the person's contribution.
    pub fn expected_receipts(
        &self,
        from: Date,
        to: Date,
    ) -> Result<Vec<ExpectedReceipt>, ScheduleError> {
        let mut receipts = Vec::new();
        let sources = [
            (
                Some(&self.payment),
                ReceiptSource::Council(self.council.clone()),
            ),
            (
                self.client_contribution.as_ref(),
                ReceiptSource::ClientContribution,
            ),
        ];
        for (schedule, source) in sources {
            let Some(schedule) = schedule else { continue };
            for due in schedule.dates_between(from, to)? {
                receipts.push(ExpectedReceipt {
                    person: self.person.clone(),
                    source: source.clone(),
                    due,
                    amount: schedule.amount,
                });
            }
        }
        receipts.sort_by(|a, b| a.due.cmp(&b.due).then(a.source.cmp(&b.source)));
        Ok(receipts)
    }
}

/// Money that did arrive for a person (usually from a reconciled bank line).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActualReceipt {
    /// The bank line's fingerprint or the entry id: whatever lets a page
    /// link to it.
    pub id: String,
    pub person: PersonId,
    pub source: ReceiptSource,
    pub date: Date,
    pub amount: Pence,
}

/// How far from the due date a receipt may land and still count as on time.
///
/// Defaults: up to 3 days early (councils sometimes pay before a weekend or
/// bank holiday) and up to 5 days late (a payment run that slips over a
/// weekend and a bank holiday still arrives within 5 days). Later than that
/// is flagged late; a co-operative can set its own figures per council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptTolerance {
    pub early_days: u16,
    pub late_days: u16,
}

impl Default for ReceiptTolerance {
    fn default() -> Self {
        ReceiptTolerance {
            early_days: 3,
            late_days: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum ReceiptFlag {
    /// Arrived more than the tolerance after the due date.
    Late {
        days: i64,
    },
    Short {
        by: Pence,
    },
    Overpaid {
        by: Pence,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum ReceiptOutcome {
    /// Matched to an actual receipt; `flags` is empty when all was well.
    Received {
        receipt_id: String,
        date: Date,
        amount: Pence,
        flags: Vec<ReceiptFlag>,
    },
    /// Nothing has arrived and the late tolerance has passed.
    Missing { overdue_days: i64 },
    /// Nothing has arrived yet, but it is not yet late.
    NotYetDue,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptCheck {
    pub expected: ExpectedReceipt,
    pub outcome: ReceiptOutcome,
}

impl ReceiptCheck {
    /// Whether someone should look at this receipt.
    pub fn needs_attention(&self) -> bool {
        match &self.outcome {
            ReceiptOutcome::Received { flags, .. } => !flags.is_empty(),
            ReceiptOutcome::Missing { .. } => true,
            ReceiptOutcome::NotYetDue => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptMatching {
    /// One per expected receipt, in the order given.
    pub checks: Vec<ReceiptCheck>,
    /// Money that arrived but matched nothing expected: to be explained.
    pub unexpected: Vec<ActualReceipt>,
}

/// Matches what arrived to what was expected, for the same person and
/// source.
///
/// Receipts are taken in date order (ties in the order given). Each goes to
/// an unmatched expected receipt, choosing in turn:
/// 1. one it is on time for (received on or after the due date, within the
///    late tolerance), the earliest such;
/// 2. otherwise the oldest one that is already overdue (a late payment pays
///    the oldest debt first);
/// 3. otherwise one it is early for, within the early tolerance.
///
/// So a late April payment followed by an on-time May payment shows April
/// late and May on time, not the other way round. A receipt that fits none
/// is unexpected. Expected receipts left unmatched are missing once `today`
/// is past their late tolerance.
pub fn match_receipts(
    expected: &[ExpectedReceipt],
    actual: &[ActualReceipt],
    tolerance: ReceiptTolerance,
    today: Date,
) -> Result<ReceiptMatching, ScheduleError> {
    let early = i64::from(tolerance.early_days);
    let late = i64::from(tolerance.late_days);
    let mut taken: Vec<Option<usize>> = vec![None; expected.len()];
    let mut unexpected = Vec::new();

    let mut order: Vec<usize> = (0..actual.len()).collect();
    order.sort_by_key(|i| actual.get(*i).map(|a| a.date));

    for index in order {
        let Some(receipt) = actual.get(index) else {
            continue;
        };
        let mut on_time: Option<(Date, usize)> = None;
        let mut overdue: Option<(Date, usize)> = None;
        let mut early_for: Option<(Date, usize)> = None;
        for (e_index, exp) in expected.iter().enumerate() {
            if taken.get(e_index).copied().flatten().is_some()
                || exp.person != receipt.person
                || exp.source != receipt.source
            {
                continue;
            }
            let after_due = days_between(exp.due, receipt.date)?;
            let slot = if after_due < 0 {
                if after_due.checked_neg().is_some_and(|d| d <= early) {
                    &mut early_for
                } else {
                    continue;
                }
            } else if after_due <= late {
                &mut on_time
            } else {
                &mut overdue
            };
            if slot.is_none_or(|(due, _)| exp.due < due) {
                *slot = Some((exp.due, e_index));
            }
        }
        match on_time.or(overdue).or(early_for) {
            Some((_, e_index)) => {
                if let Some(slot) = taken.get_mut(e_index) {
                    *slot = Some(index);
                }
            }
            None => unexpected.push(receipt.clone()),
        }
    }

    let mut checks = Vec::with_capacity(expected.len());
    for (exp, matched) in expected.iter().zip(taken) {
        let outcome = match matched.and_then(|i| actual.get(i)) {
            Some(receipt) => {
                let mut flags = Vec::new();
                let after_due = days_between(exp.due, receipt.date)?;
                if after_due > late {
                    flags.push(ReceiptFlag::Late { days: after_due });
                }
                let difference = receipt.amount.checked_sub(exp.amount)?;
                if difference.is_negative() {
                    flags.push(ReceiptFlag::Short {
                        by: difference.checked_neg()?,
                    });
                } else if difference.is_positive() {
                    flags.push(ReceiptFlag::Overpaid { by: difference });
                }
                ReceiptOutcome::Received {
                    receipt_id: receipt.id.clone(),
                    date: receipt.date,
                    amount: receipt.amount,
                    flags,
                }
            }
            None => {
                let overdue = days_between(exp.due, today)?;
                if overdue > late {
                    ReceiptOutcome::Missing {
                        overdue_days: overdue,
                    }
                } else {
                    ReceiptOutcome::NotYetDue
                }
            }
        };
        checks.push(ReceiptCheck {
            expected: exp.clone(),
            outcome,
        });
    }
    Ok(ReceiptMatching { checks, unexpected })
}

impl ScheduleError {
    /// A stable code for pages and the API to translate; the message is
    /// for logs and tests.
    pub fn code(&self) -> &'static str {
        match self {
            ScheduleError::DateOutOfRange => "ledger-date-out-of-range",
            ScheduleError::BackwardsPeriod { .. } => "ledger-backwards-period",
            ScheduleError::NotPositive => "ledger-schedule-not-positive",
            ScheduleError::EndsBeforeStart { .. } => "ledger-schedule-ends-before-start",
            ScheduleError::NoCouncil => "ledger-schedule-no-council",
            ScheduleError::Overflow(inner) => inner.code(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::constant(y, m, day)
    }

    fn ann() -> PersonId {
        PersonId::new("ann").unwrap()
    }

    fn monthly_from(start: Date) -> Schedule {
        Schedule {
            amount: Pence::new(150_000),
            frequency: Frequency::Monthly,
            start,
            end: None,
        }
    }

    #[test]
    fn monthly_on_the_31st_clamps_to_month_end_without_drifting() {
        let s = monthly_from(d(2026, 1, 31));
        let dates = s.dates_between(d(2026, 1, 1), d(2026, 5, 31)).unwrap();
        assert_eq!(
            dates,
            vec![
                d(2026, 1, 31),
                d(2026, 2, 28),
                d(2026, 3, 31),
                d(2026, 4, 30),
                d(2026, 5, 31)
            ]
        );
        // A leap year February.
        let leap = monthly_from(d(2028, 1, 30));
        assert_eq!(leap.nth(1).unwrap(), d(2028, 2, 29));
        // Across a year end.
        let s = monthly_from(d(2026, 11, 15));
        assert_eq!(s.nth(2).unwrap(), d(2027, 1, 15));
        assert_eq!(s.nth(14).unwrap(), d(2028, 1, 15));
    }

    #[test]
    fn weekly_and_four_weekly() {
        let weekly = Schedule {
            amount: Pence::new(35_000),
            frequency: Frequency::Weekly,
            start: d(2026, 4, 6),
            end: None,
        };
        assert_eq!(
            weekly
                .dates_between(d(2026, 4, 10), d(2026, 4, 30))
                .unwrap(),
            vec![d(2026, 4, 13), d(2026, 4, 20), d(2026, 4, 27)]
        );
        let four = Schedule {
            frequency: Frequency::FourWeekly,
            ..weekly
        };
        assert_eq!(
            four.dates_between(d(2026, 4, 1), d(2026, 7, 1)).unwrap(),
            vec![d(2026, 4, 6), d(2026, 5, 4), d(2026, 6, 1), d(2026, 6, 29)]
        );
    }

    #[test]
    fn nothing_before_the_start_or_after_the_end() {
        let s = Schedule {
            end: Some(d(2026, 6, 14)),
            ..monthly_from(d(2026, 4, 15))
        };
        assert_eq!(
            s.dates_between(d(2026, 1, 1), d(2026, 12, 31)).unwrap(),
            vec![d(2026, 4, 15), d(2026, 5, 15)]
        );
        assert_eq!(
            s.dates_between(d(2026, 2, 1), d(2026, 1, 1)),
            Err(ScheduleError::BackwardsPeriod {
                from: d(2026, 2, 1),
                to: d(2026, 1, 1)
            })
        );
    }

    fn arrangement() -> Arrangement {
        Arrangement {
            person: ann(),
            council: "Cyngor Gwynedd".into(),
            payment: Schedule {
                amount: Pence::new(120_000),
                frequency: Frequency::FourWeekly,
                start: d(2026, 4, 6),
                end: None,
            },
            client_contribution: Some(Schedule {
                amount: Pence::new(2_500),
                frequency: Frequency::Weekly,
                start: d(2026, 4, 6),
                end: None,
            }),
        }
    }

    #[test]
    fn an_arrangement_expects_the_councils_payment_and_the_persons_contribution() {
        let expected = arrangement()
            .expected_receipts(d(2026, 4, 1), d(2026, 4, 19))
            .unwrap();
        let summary: Vec<(Date, bool, i64)> = expected
            .iter()
            .map(|e| {
                (
                    e.due,
                    e.source == ReceiptSource::ClientContribution,
                    e.amount.get(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (d(2026, 4, 6), false, 120_000),
                (d(2026, 4, 6), true, 2_500),
                (d(2026, 4, 13), true, 2_500),
            ]
        );
    }

    #[test]
    fn an_arrangement_is_checked_and_a_high_contribution_is_flagged() {
        assert_eq!(arrangement().validate(WALES_WEEKLY_CHARGE_CAP), Ok(vec![]));
        let mut a = arrangement();
        // £440 a month is £101.53 a week: above the £100 cap.
        a.client_contribution = Some(Schedule {
            amount: Pence::new(44_000),
            ..monthly_from(d(2026, 4, 1))
        });
        assert_eq!(
            a.validate(WALES_WEEKLY_CHARGE_CAP),
            Ok(vec![ArrangementWarning::ContributionAboveCap {
                weekly: Pence::new(10_153),
                cap: WALES_WEEKLY_CHARGE_CAP,
            }])
        );
        // £100 a week exactly is not above it.
        a.client_contribution = Some(Schedule {
            amount: Pence::new(10_000),
            frequency: Frequency::Weekly,
            start: d(2026, 4, 6),
            end: None,
        });
        assert_eq!(a.validate(WALES_WEEKLY_CHARGE_CAP), Ok(vec![]));
        a.payment.end = Some(d(2026, 1, 1));
        assert_eq!(
            a.validate(WALES_WEEKLY_CHARGE_CAP),
            Err(ScheduleError::EndsBeforeStart {
                start: d(2026, 4, 6),
                end: d(2026, 1, 1)
            })
        );
        a.payment.end = None;
        a.payment.amount = Pence::ZERO;
        assert_eq!(
            a.validate(WALES_WEEKLY_CHARGE_CAP),
            Err(ScheduleError::NotPositive)
        );
        a.council = " ".into();
        assert_eq!(
            a.validate(WALES_WEEKLY_CHARGE_CAP),
            Err(ScheduleError::NoCouncil)
        );
    }

    fn council() -> ReceiptSource {
        ReceiptSource::Council("Cyngor Gwynedd".into())
    }

    fn expected(due: Date) -> ExpectedReceipt {
        ExpectedReceipt {
            person: ann(),
            source: council(),
            due,
            amount: Pence::new(150_000),
        }
    }

    fn got(id: &str, date: Date, amount: i64) -> ActualReceipt {
        ActualReceipt {
            id: id.into(),
            person: ann(),
            source: council(),
            date,
            amount: Pence::new(amount),
        }
    }

    #[test]
    fn flags_late_short_overpaid_missing_and_unexpected() {
        let exp = vec![
            expected(d(2026, 4, 1)),
            expected(d(2026, 5, 1)),
            expected(d(2026, 6, 1)),
            expected(d(2026, 7, 1)),
            expected(d(2026, 8, 1)),
        ];
        let actual = vec![
            got("apr", d(2026, 4, 29), 150_000), // April, 28 days late
            got("may", d(2026, 5, 1), 140_000),  // May, on time but £100 short
            got("jun", d(2026, 5, 30), 160_000), // June, 2 days early, £100 over
            got("odd", d(2026, 2, 1), 999),      // before anything was due
        ];
        let result =
            match_receipts(&exp, &actual, ReceiptTolerance::default(), d(2026, 7, 20)).unwrap();
        let outcomes: Vec<&ReceiptOutcome> = result.checks.iter().map(|c| &c.outcome).collect();
        assert_eq!(
            outcomes[0],
            &ReceiptOutcome::Received {
                receipt_id: "apr".into(),
                date: d(2026, 4, 29),
                amount: Pence::new(150_000),
                flags: vec![ReceiptFlag::Late { days: 28 }],
            }
        );
        assert!(
            matches!(outcomes[1], ReceiptOutcome::Received { receipt_id, flags, .. }
            if receipt_id == "may" && flags == &vec![ReceiptFlag::Short { by: Pence::new(10_000) }])
        );
        assert!(
            matches!(outcomes[2], ReceiptOutcome::Received { receipt_id, flags, .. }
            if receipt_id == "jun" && flags == &vec![ReceiptFlag::Overpaid { by: Pence::new(10_000) }])
        );
        assert_eq!(outcomes[3], &ReceiptOutcome::Missing { overdue_days: 19 });
        assert_eq!(outcomes[4], &ReceiptOutcome::NotYetDue);
        assert_eq!(result.unexpected, vec![got("odd", d(2026, 2, 1), 999)]);
        let attention: Vec<bool> = result
            .checks
            .iter()
            .map(ReceiptCheck::needs_attention)
            .collect();
        assert_eq!(attention, vec![true, true, true, true, false]);
    }

    #[test]
    fn within_tolerance_is_on_time_and_a_day_more_is_late() {
        let exp = vec![expected(d(2026, 4, 1))];
        let on_time = [got("a", d(2026, 4, 6), 150_000)];
        let r = match_receipts(&exp, &on_time, ReceiptTolerance::default(), d(2026, 5, 1)).unwrap();
        assert!(!r.checks[0].needs_attention());
        let late = [got("a", d(2026, 4, 7), 150_000)];
        let r = match_receipts(&exp, &late, ReceiptTolerance::default(), d(2026, 5, 1)).unwrap();
        assert!(
            matches!(&r.checks[0].outcome, ReceiptOutcome::Received { flags, .. }
            if flags == &vec![ReceiptFlag::Late { days: 6 }])
        );
        // Four days early is outside the early tolerance: unexpected.
        let too_early = [got("a", d(2026, 3, 28), 150_000)];
        let r = match_receipts(
            &exp,
            &too_early,
            ReceiptTolerance::default(),
            d(2026, 3, 29),
        )
        .unwrap();
        assert_eq!(r.unexpected.len(), 1);
        assert_eq!(r.checks[0].outcome, ReceiptOutcome::NotYetDue);
    }

    #[test]
    fn a_missing_month_does_not_steal_the_next_months_payment() {
        let exp = vec![expected(d(2026, 4, 1)), expected(d(2026, 5, 1))];
        let actual = [got("may", d(2026, 5, 1), 150_000)];
        let r = match_receipts(&exp, &actual, ReceiptTolerance::default(), d(2026, 5, 10)).unwrap();
        assert_eq!(
            r.checks[0].outcome,
            ReceiptOutcome::Missing { overdue_days: 39 }
        );
        assert!(!r.checks[1].needs_attention());
    }

    #[test]
    fn another_persons_money_or_source_never_matches() {
        let exp = vec![expected(d(2026, 4, 1))];
        let mut bryn = got("b", d(2026, 4, 1), 150_000);
        bryn.person = PersonId::new("bryn").unwrap();
        let mut own = got("c", d(2026, 4, 1), 150_000);
        own.source = ReceiptSource::ClientContribution;
        let r = match_receipts(
            &exp,
            &[bryn, own],
            ReceiptTolerance::default(),
            d(2026, 4, 2),
        )
        .unwrap();
        assert_eq!(r.unexpected.len(), 2);
    }
}

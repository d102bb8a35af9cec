//! When the next annual general meeting must be held.
//!
//! Co-operatives UK's model rules: an AGM in every calendar year, no more
//! than 15 months after the last, and the first within 18 months of
//! registration. The first AGM is bound only by the 18 months: a society
//! registered late in a year need not meet in that year.

use jiff::ToSpan;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::rules::AgmRule;

/// Which rule sets the deadline, so the page can say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgmDeadlineReason {
    FirstAfterRegistration,
    MonthsSinceLast,
    CalendarYear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgmDeadline {
    /// The last day the AGM may be held.
    pub latest: Date,
    pub reason: AgmDeadlineReason,
}

impl AgmDeadline {
    /// Days from `today` to the deadline: 0 on the last day, negative once
    /// it has passed.
    pub fn days_left(self, today: Date) -> i64 {
        today
            .until(self.latest)
            .map(|span| i64::from(span.get_days()))
            .unwrap_or(0)
    }

    pub fn is_overdue(self, today: Date) -> bool {
        today > self.latest
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AgmError {
    #[error("that date is outside the calendar Cylch can count in")]
    DateOutOfRange,
    #[error("the last AGM ({last}) cannot be before registration ({registered})")]
    LastBeforeRegistration { last: Date, registered: Date },
}

impl AgmError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            AgmError::DateOutOfRange => "governance-date-out-of-range",
            AgmError::LastBeforeRegistration { .. } => "governance-last-before-registration",
        }
    }
}

/// The last day the next AGM may be held. Adding months keeps the day of
/// the month where it can and otherwise uses the month's last day:
/// registration on 31 August 2026 plus 18 months is 29 February 2028.
pub fn next_agm_deadline(
    rule: AgmRule,
    registered_on: Date,
    last_agm: Option<Date>,
) -> Result<AgmDeadline, AgmError> {
    let Some(last) = last_agm else {
        let latest = registered_on
            .checked_add(i64::from(rule.first_within_months).months())
            .map_err(|_| AgmError::DateOutOfRange)?;
        return Ok(AgmDeadline {
            latest,
            reason: AgmDeadlineReason::FirstAfterRegistration,
        });
    };
    if last < registered_on {
        return Err(AgmError::LastBeforeRegistration {
            last,
            registered: registered_on,
        });
    }
    let by_months = last
        .checked_add(i64::from(rule.max_months_between).months())
        .map_err(|_| AgmError::DateOutOfRange)?;
    if !rule.every_calendar_year {
        return Ok(AgmDeadline {
            latest: by_months,
            reason: AgmDeadlineReason::MonthsSinceLast,
        });
    }
    let next_year_end = last
        .last_of_year()
        .checked_add(1.year())
        .map_err(|_| AgmError::DateOutOfRange)?;
    Ok(if next_year_end < by_months {
        AgmDeadline {
            latest: next_year_end,
            reason: AgmDeadlineReason::CalendarYear,
        }
    } else {
        AgmDeadline {
            latest: by_months,
            reason: AgmDeadlineReason::MonthsSinceLast,
        }
    })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::rules::Rules;

    fn model() -> AgmRule {
        Rules::default().agm
    }

    #[test]
    fn the_first_agm_is_within_eighteen_months() -> Result<(), AgmError> {
        let deadline = next_agm_deadline(model(), date(2026, 3, 10), None)?;
        assert_eq!(deadline.latest, date(2027, 9, 10));
        assert_eq!(deadline.reason, AgmDeadlineReason::FirstAfterRegistration);
        assert_eq!(deadline.days_left(date(2027, 9, 10)), 0);
        assert_eq!(deadline.days_left(date(2027, 9, 1)), 9);
        assert_eq!(deadline.days_left(date(2027, 9, 12)), -2);
        assert!(!deadline.is_overdue(date(2027, 9, 10)));
        assert!(deadline.is_overdue(date(2027, 9, 11)));
        // Month ends clamp.
        let deadline = next_agm_deadline(model(), date(2026, 8, 31), None)?;
        assert_eq!(deadline.latest, date(2028, 2, 29));
        Ok(())
    }

    #[test]
    fn an_early_agm_is_followed_within_fifteen_months() -> Result<(), AgmError> {
        // AGM in March 2027: 15 months is June 2028, but 2028 ends later, so
        // the 15 months bind.
        let deadline = next_agm_deadline(model(), date(2026, 1, 5), Some(date(2027, 3, 20)))?;
        assert_eq!(deadline.latest, date(2028, 6, 20));
        assert_eq!(deadline.reason, AgmDeadlineReason::MonthsSinceLast);
        Ok(())
    }

    #[test]
    fn a_late_agm_is_followed_in_the_next_calendar_year() -> Result<(), AgmError> {
        // AGM on 1 Sep 2027: 15 months is 1 Dec 2028, before the year's end.
        let deadline = next_agm_deadline(model(), date(2026, 1, 5), Some(date(2027, 9, 1)))?;
        assert_eq!(deadline.latest, date(2028, 12, 1));
        // AGM on 30 Dec 2027: 15 months is 30 Mar 2029, but 2028 needs its
        // own AGM.
        let deadline = next_agm_deadline(model(), date(2026, 1, 5), Some(date(2027, 12, 30)))?;
        assert_eq!(deadline.latest, date(2028, 12, 31));
        assert_eq!(deadline.reason, AgmDeadlineReason::CalendarYear);
        Ok(())
    }

    #[test]
    fn the_calendar_year_can_be_switched_off() -> Result<(), AgmError> {
        let rule = AgmRule {
            every_calendar_year: false,
            ..model()
        };
        let deadline = next_agm_deadline(rule, date(2026, 1, 5), Some(date(2027, 12, 30)))?;
        assert_eq!(deadline.latest, date(2029, 3, 30));
        assert_eq!(
            next_agm_deadline(rule, date(2026, 1, 5), Some(date(2025, 12, 30))),
            Err(AgmError::LastBeforeRegistration {
                last: date(2025, 12, 30),
                registered: date(2026, 1, 5)
            })
        );
        Ok(())
    }
}

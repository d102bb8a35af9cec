//! Time away from work, as the rules see it: a run of days with a first and
//! a last day; a holiday request's dates and how much of the balance it
//! uses; a sickness absence and when it needs a fit note; and the kinds of
//! other leave a co-operative records.
//!
//! Pure, like the rest of the crate: "today" is passed in.

use cylch_payroll::Date;
use cylch_payroll::holiday::{HOUR, Hours as HourCount};

use crate::employment::Hours;
use crate::holiday::LeaveYear;

/// Why dates or an amount of leave were not accepted. Each is said once, as
/// a stable code the web layer translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AbsenceError {
    #[error("the last day is before the first day")]
    LastBeforeFirst,
    #[error("holiday cannot be asked for this far in the past")]
    TooFarInPast,
    #[error("the holiday runs into the next leave year; ask for each year's part on its own")]
    AcrossLeaveYears,
    #[error("a sickness absence cannot start in the future")]
    SicknessInFuture,
    #[error("the amount of holiday must be more than nothing")]
    NothingAsked,
    #[error("the amount of holiday is more than the days asked for could hold")]
    MoreThanTheDays,
    #[error("the fit note cannot be received before the absence started")]
    FitNoteBeforeFirst,
    #[error("the amount is too large")]
    Overflow,
}

impl AbsenceError {
    pub fn code(self) -> &'static str {
        match self {
            Self::LastBeforeFirst => "leave-problem-last-before-first",
            Self::TooFarInPast => "leave-problem-too-far-in-past",
            Self::AcrossLeaveYears => "leave-problem-across-leave-years",
            Self::SicknessInFuture => "leave-problem-sickness-in-future",
            Self::NothingAsked => "leave-problem-nothing-asked",
            Self::MoreThanTheDays => "leave-problem-more-than-the-days",
            Self::FitNoteBeforeFirst => "leave-problem-fit-note-before-first",
            Self::Overflow => "leave-problem-too-large",
        }
    }
}

/// Days in a row, the first and the last both counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub first: Date,
    pub last: Date,
}

impl Span {
    pub fn new(first: Date, last: Date) -> Result<Span, AbsenceError> {
        if last < first {
            return Err(AbsenceError::LastBeforeFirst);
        }
        Ok(Span { first, last })
    }

    /// Calendar days, non-working days included.
    pub fn days(self) -> i64 {
        self.first.days_until(self.last) + 1
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

/// How far back a holiday request may start: four weeks, so that a day
/// taken at short notice can still be booked against the balance before a
/// monthly payroll closes, while holiday long past is the officers' to
/// correct, not a request for someone to approve.
pub const HOLIDAY_PAST_LIMIT_DAYS: i64 = 28;

/// A holiday request's dates: the last day not before the first, the first
/// no more than [`HOLIDAY_PAST_LIMIT_DAYS`] before today, and both in one
/// leave year, because each leave year has its own balance.
pub fn holiday_span(
    first: Date,
    last: Date,
    today: Date,
    year: LeaveYear,
) -> Result<Span, AbsenceError> {
    let span = Span::new(first, last)?;
    if today.days_until(first) < -HOLIDAY_PAST_LIMIT_DAYS {
        return Err(AbsenceError::TooFarInPast);
    }
    if !(year.contains(first) && year.contains(last)) {
        return Err(AbsenceError::AcrossLeaveYears);
    }
    Ok(span)
}

/// The length of a working day for a PA on fixed hours, in ten-thousandths
/// of an hour: their weekly hours over the days they work. `None` for those
/// whose holiday accrues by the hour, who ask in hours.
pub fn day_length(hours: Hours) -> Option<HourCount> {
    match hours {
        Hours::Fixed {
            weekly,
            days_per_week,
            part_year: false,
        } if days_per_week > 0 => {
            // weekly × HOUR / days_per_week, days in ten-thousandths.
            let scaled = i128::from(weekly) * i128::from(HOUR) / i128::from(days_per_week);
            HourCount::try_from(scaled).ok()
        }
        _ => None,
    }
}

/// How a PA asks for holiday: in days when their entitlement is 5.6 weeks
/// of a fixed working week, in hours when it accrues by hours worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    /// Days in ten-thousandths of a day (half a day = 5_000).
    Days(i64),
    /// Hours in ten-thousandths of an hour.
    Hours(HourCount),
}

/// The hours of the balance a request uses. Days become hours at the PA's
/// working day ([`day_length`]); a PA on accrual asks in hours. The amount
/// must be more than nothing and no more than the calendar days asked for
/// could hold (24 hours a day), which catches a slip of the keyboard.
pub fn hours_asked(span: Span, amount: Amount, hours: Hours) -> Result<HourCount, AbsenceError> {
    let asked = match (amount, day_length(hours)) {
        (Amount::Days(days), Some(length)) => {
            if days > span.days().saturating_mul(HOUR) {
                return Err(AbsenceError::MoreThanTheDays);
            }
            let scaled = i128::from(days) * i128::from(length) / i128::from(HOUR);
            HourCount::try_from(scaled).map_err(|_| AbsenceError::Overflow)?
        }
        (Amount::Hours(h), _) | (Amount::Days(h), None) => h,
    };
    if asked <= 0 {
        return Err(AbsenceError::NothingAsked);
    }
    if asked > span.days().saturating_mul(24 * HOUR) {
        return Err(AbsenceError::MoreThanTheDays);
    }
    Ok(asked)
}

/// A fit note is needed when a PA is off sick for more than seven days in a
/// row, counting every calendar day, days they would not have worked
/// included; for the first seven they certify themselves.
pub const SELF_CERTIFIED_DAYS: i64 = 7;

/// A spell of sickness as recorded: the last day is unknown while the PA
/// is still off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sickness {
    pub first: Date,
    pub last: Option<Date>,
    pub fit_note_received: Option<Date>,
}

impl Sickness {
    /// Checks a sickness absence as recorded on `today`: it has begun, does
    /// not end before it starts, and a fit note is not dated before it.
    pub fn new(
        first: Date,
        last: Option<Date>,
        fit_note_received: Option<Date>,
        today: Date,
    ) -> Result<Sickness, AbsenceError> {
        if first > today {
            return Err(AbsenceError::SicknessInFuture);
        }
        if let Some(last) = last {
            Span::new(first, last)?;
        }
        if fit_note_received.is_some_and(|d| d < first) {
            return Err(AbsenceError::FitNoteBeforeFirst);
        }
        Ok(Sickness {
            first,
            last,
            fit_note_received,
        })
    }

    /// The days off so far: to the last day, or to today while it goes on.
    pub fn days(self, today: Date) -> i64 {
        let to = self.last.unwrap_or(today).max(self.first);
        self.first.days_until(to) + 1
    }

    /// Whether the absence is long enough to need a fit note.
    pub fn needs_fit_note(self, today: Date) -> bool {
        self.days(today) > SELF_CERTIFIED_DAYS
    }

    /// Whether a fit note is needed and has not arrived: the reminder.
    pub fn fit_note_missing(self, today: Date) -> bool {
        self.needs_fit_note(today) && self.fit_note_received.is_none()
    }

    /// The first day a fit note covers: the eighth day off.
    pub fn fit_note_from(self) -> Option<Date> {
        self.first.add_days(SELF_CERTIFIED_DAYS).ok()
    }

    /// The spell as the SSP rules take it, to the last day or today.
    pub fn spell(self, today: Date) -> (Date, Date) {
        (self.first, self.last.unwrap_or(today).max(self.first))
    }
}

/// Leave other than holiday and sickness, which the officers record so that
/// the pay run and the rota know the PA is away. Whether each is paid, and
/// at what rate, is the payroll's business, not recorded here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OtherLeave {
    Compassionate,
    Maternity,
    Paternity,
    Adoption,
    SharedParental,
    /// Unpaid parental leave (up to 18 weeks for each child).
    Parental,
    /// Parental bereavement leave, for the loss of a child.
    ParentalBereavement,
    Neonatal,
    /// Unpaid carer's leave (a week a year).
    Carers,
    /// Time off for an emergency involving a dependant.
    Dependants,
    JuryService,
    Unpaid,
    Other,
}

impl OtherLeave {
    pub const ALL: [OtherLeave; 13] = [
        Self::Compassionate,
        Self::Maternity,
        Self::Paternity,
        Self::Adoption,
        Self::SharedParental,
        Self::Parental,
        Self::ParentalBereavement,
        Self::Neonatal,
        Self::Carers,
        Self::Dependants,
        Self::JuryService,
        Self::Unpaid,
        Self::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Compassionate => "compassionate",
            Self::Maternity => "maternity",
            Self::Paternity => "paternity",
            Self::Adoption => "adoption",
            Self::SharedParental => "shared_parental",
            Self::Parental => "parental",
            Self::ParentalBereavement => "parental_bereavement",
            Self::Neonatal => "neonatal",
            Self::Carers => "carers",
            Self::Dependants => "dependants",
            Self::JuryService => "jury_service",
            Self::Unpaid => "unpaid",
            Self::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<OtherLeave> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::d;
    use crate::holiday::leave_year_containing;

    const FIXED: Hours = Hours::Fixed {
        weekly: 30 * HOUR,
        days_per_week: 4 * HOUR,
        part_year: false,
    };

    #[test]
    fn a_span_counts_both_ends_and_refuses_going_backwards() {
        assert_eq!(Span::new(d(2026, 5, 4), d(2026, 5, 8)).unwrap().days(), 5);
        assert_eq!(Span::new(d(2026, 5, 4), d(2026, 5, 4)).unwrap().days(), 1);
        assert_eq!(
            Span::new(d(2026, 5, 4), d(2026, 5, 3)),
            Err(AbsenceError::LastBeforeFirst)
        );
        let a = Span::new(d(2026, 5, 4), d(2026, 5, 8)).unwrap();
        assert!(a.overlaps(Span::new(d(2026, 5, 8), d(2026, 5, 9)).unwrap()));
        assert!(!a.overlaps(Span::new(d(2026, 5, 9), d(2026, 5, 9)).unwrap()));
    }

    #[test]
    fn holiday_dates_stay_in_one_leave_year_and_not_long_past() {
        let today = d(2026, 5, 20);
        let year = leave_year_containing(4, 1, today).unwrap();
        assert!(holiday_span(d(2026, 6, 1), d(2026, 6, 5), today, year).is_ok());
        // Four weeks back is allowed, a day more is not.
        assert!(holiday_span(d(2026, 4, 22), d(2026, 4, 22), today, year).is_ok());
        assert_eq!(
            holiday_span(d(2026, 4, 21), d(2026, 4, 21), today, year),
            Err(AbsenceError::TooFarInPast)
        );
        assert_eq!(
            holiday_span(d(2027, 3, 29), d(2027, 4, 2), today, year),
            Err(AbsenceError::AcrossLeaveYears)
        );
        assert_eq!(
            holiday_span(d(2026, 6, 5), d(2026, 6, 1), today, year),
            Err(AbsenceError::LastBeforeFirst)
        );
    }

    #[test]
    fn days_become_hours_at_the_working_day() {
        // 30 hours over 4 days: a day is 7.5 hours.
        assert_eq!(day_length(FIXED), Some(75_000));
        assert_eq!(day_length(Hours::Irregular), None);
        let week = Span::new(d(2026, 6, 1), d(2026, 6, 7)).unwrap();
        assert_eq!(
            hours_asked(week, Amount::Days(4 * HOUR), FIXED),
            Ok(30 * HOUR)
        );
        assert_eq!(hours_asked(week, Amount::Days(5_000), FIXED), Ok(37_500));
        assert_eq!(
            hours_asked(week, Amount::Hours(12 * HOUR), Hours::Irregular),
            Ok(12 * HOUR)
        );
        assert_eq!(
            hours_asked(week, Amount::Days(0), FIXED),
            Err(AbsenceError::NothingAsked)
        );
        assert_eq!(
            hours_asked(week, Amount::Days(8 * HOUR), FIXED),
            Err(AbsenceError::MoreThanTheDays)
        );
        let day = Span::new(d(2026, 6, 1), d(2026, 6, 1)).unwrap();
        assert_eq!(
            hours_asked(day, Amount::Hours(25 * HOUR), Hours::Irregular),
            Err(AbsenceError::MoreThanTheDays)
        );
    }

    #[test]
    fn a_fit_note_is_needed_after_seven_calendar_days() {
        let today = d(2026, 5, 20);
        // Off from Wednesday 13 May: 8 days by today, weekend included.
        let s = Sickness::new(d(2026, 5, 13), None, None, today).unwrap();
        assert_eq!(s.days(today), 8);
        assert!(s.needs_fit_note(today) && s.fit_note_missing(today));
        assert_eq!(s.fit_note_from(), Some(d(2026, 5, 20)));
        // Seven days exactly: self-certified.
        let s = Sickness::new(d(2026, 5, 13), Some(d(2026, 5, 19)), None, today).unwrap();
        assert_eq!(s.days(today), 7);
        assert!(!s.needs_fit_note(today));
        let s = Sickness::new(
            d(2026, 5, 1),
            Some(d(2026, 5, 12)),
            Some(d(2026, 5, 9)),
            today,
        )
        .unwrap();
        assert!(s.needs_fit_note(today) && !s.fit_note_missing(today));
        assert_eq!(s.spell(today), (d(2026, 5, 1), d(2026, 5, 12)));
    }

    #[test]
    fn sickness_dates_are_checked() {
        let today = d(2026, 5, 20);
        assert_eq!(
            Sickness::new(d(2026, 5, 21), None, None, today),
            Err(AbsenceError::SicknessInFuture)
        );
        assert_eq!(
            Sickness::new(d(2026, 5, 10), Some(d(2026, 5, 9)), None, today),
            Err(AbsenceError::LastBeforeFirst)
        );
        assert_eq!(
            Sickness::new(d(2026, 5, 10), None, Some(d(2026, 5, 9)), today),
            Err(AbsenceError::FitNoteBeforeFirst)
        );
        // A last day ahead is fine: the fit note says when they expect to
        // be back.
        assert!(Sickness::new(d(2026, 5, 10), Some(d(2026, 6, 1)), None, today).is_ok());
    }

    #[test]
    fn other_leave_kinds_read_back_from_their_codes() {
        for kind in OtherLeave::ALL {
            assert_eq!(OtherLeave::from_code(kind.code()), Some(kind));
        }
        assert_eq!(OtherLeave::from_code("holiday"), None);
    }
}

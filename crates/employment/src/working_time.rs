//! The Working Time Regulations 1998 over a PA's shifts (rule 14).
//!
//! Limits are settings with the law's defaults, because some do not apply
//! to a domestic servant in a private household (reg. 19) and a co-operative
//! may agree others; Cylch applies them all unless told otherwise.
//!
//! Adults: at most 48 hours a week on average over 17 weeks unless the PA
//! has signed an opt-out (reg. 4; fewer weeks while employment is shorter,
//! reg. 4(4)); 11 consecutive hours' rest in each 24 hours (reg. 10); 24
//! hours' uninterrupted rest in each week, or 48 (or two of 24) in each
//! fortnight (reg. 11); a 20-minute break when working more than 6 hours
//! (reg. 12).
//!
//! Young workers (over school age, under 18): at most 8 hours a day and 40
//! a week, with no averaging and no opt-out (reg. 5A); 12 hours' rest in
//! each 24 (reg. 10(2)); 48 hours' rest each week (reg. 11(3)); a 30-minute
//! break when working more than 4½ hours (reg. 12(4)).
//!
//! Time is real elapsed time: shifts are instants, so a night shift across
//! the October clock change is an hour longer than the clock suggests. Days
//! and weeks are local to Europe/London; a week begins at midnight between
//! Sunday and Monday (reg. 2). Sleep-in time at the workplace is working
//! time here, unlike for the minimum wage: the caller passes the whole
//! shift.
//!
//! Simplifications, each on the side of reporting: the 17-week windows end
//! at each local week that has work (not every day); a break's minutes are
//! taken from the day and week the shift starts in.

use jiff::civil::{Date as CivilDate, DateTime, Time};
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::{Timestamp, ToSpan};

use cylch_payroll::Date;

/// One shift: real instants and the break recorded in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    start: Timestamp,
    end: Timestamp,
    break_minutes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkingTimeError {
    #[error("a shift must end after it starts")]
    EndNotAfterStart,
    #[error("a shift lasts at most 72 hours")]
    ShiftTooLong,
    #[error("a break cannot be negative or longer than the shift")]
    BadBreak,
    #[error("{0} does not exist in Europe/London: the clocks go forward over it")]
    Nonexistent(DateTime),
    #[error("the time cannot be placed on the time line")]
    OutOfRange,
    #[error("at most {MAX_SHIFTS} shifts are checked at once")]
    TooManyShifts,
    #[error("the time-zone data for Europe/London is missing")]
    NoZone,
}

impl WorkingTimeError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::EndNotAfterStart => "shift-end-not-after-start",
            Self::ShiftTooLong => "shift-too-long",
            Self::BadBreak => "shift-bad-break",
            Self::Nonexistent(_) => "time-nonexistent",
            Self::OutOfRange => "time-out-of-range",
            Self::TooManyShifts => "too-many-shifts",
            Self::NoZone => "no-time-zone",
        }
    }
}

const MAX_SHIFT_SECONDS: i64 = 72 * 3600;
/// A year and a half of daily shifts, with room to spare.
pub const MAX_SHIFTS: usize = 2_000;

/// Europe/London from the bundled time-zone data.
pub fn london() -> Result<TimeZone, WorkingTimeError> {
    TimeZone::get("Europe/London").map_err(|_| WorkingTimeError::NoZone)
}

/// A local time in `tz` as an instant: a time in the spring gap is refused;
/// one that happens twice in the autumn means its first occurrence.
pub fn instant(tz: &TimeZone, local: DateTime) -> Result<Timestamp, WorkingTimeError> {
    let ambiguous = tz.to_ambiguous_timestamp(local);
    if let AmbiguousOffset::Gap { .. } = ambiguous.offset() {
        return Err(WorkingTimeError::Nonexistent(local));
    }
    ambiguous
        .earlier()
        .map_err(|_| WorkingTimeError::OutOfRange)
}

impl Shift {
    pub fn new(
        start: Timestamp,
        end: Timestamp,
        break_minutes: i64,
    ) -> Result<Self, WorkingTimeError> {
        let seconds = end.as_second() - start.as_second();
        if seconds <= 0 {
            return Err(WorkingTimeError::EndNotAfterStart);
        }
        if seconds > MAX_SHIFT_SECONDS {
            return Err(WorkingTimeError::ShiftTooLong);
        }
        if break_minutes < 0 || break_minutes * 60 > seconds {
            return Err(WorkingTimeError::BadBreak);
        }
        Ok(Self {
            start,
            end,
            break_minutes,
        })
    }

    /// A shift written in local wall-clock times in `tz`.
    pub fn local(
        tz: &TimeZone,
        start: DateTime,
        end: DateTime,
        break_minutes: i64,
    ) -> Result<Self, WorkingTimeError> {
        Self::new(instant(tz, start)?, instant(tz, end)?, break_minutes)
    }

    pub fn start(&self) -> Timestamp {
        self.start
    }

    pub fn end(&self) -> Timestamp {
        self.end
    }

    /// Real minutes from start to end.
    pub fn minutes(&self) -> i64 {
        (self.end.as_second() - self.start.as_second()) / 60
    }

    /// Minutes worked: the shift less its break.
    pub fn working_minutes(&self) -> i64 {
        self.minutes() - self.break_minutes
    }
}

/// How weekly rest is given (reg. 11(1) and (2)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeeklyRest {
    /// 24 hours in each week.
    EachWeek,
    /// 48 hours, or two periods of 24, in each fortnight.
    EachFortnight,
}

/// The limits, in minutes, as co-operative settings. `None` switches a
/// limit off (a domestic servant's exemption, a workforce agreement).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub weekly_average: Option<i64>,
    pub reference_weeks: i64,
    pub daily_rest: Option<i64>,
    pub weekly_rest: Option<WeeklyRest>,
    pub break_after: Option<i64>,
    pub break_length: i64,
    pub young_daily_max: Option<i64>,
    pub young_weekly_max: Option<i64>,
    pub young_daily_rest: Option<i64>,
    pub young_weekly_rest: Option<i64>,
    pub young_break_after: Option<i64>,
    pub young_break_length: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            weekly_average: Some(48 * 60),
            reference_weeks: 17,
            daily_rest: Some(11 * 60),
            weekly_rest: Some(WeeklyRest::EachWeek),
            break_after: Some(6 * 60),
            break_length: 20,
            young_daily_max: Some(8 * 60),
            young_weekly_max: Some(40 * 60),
            young_daily_rest: Some(12 * 60),
            young_weekly_rest: Some(48 * 60),
            young_break_after: Some(4 * 60 + 30),
            young_break_length: 30,
        }
    }
}

/// What the checker needs to know of the PA.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Worker {
    pub born: Date,
    pub start: Date,
    /// A signed opt-out of the 48-hour average is on file.
    pub opted_out: bool,
}

/// One breach. Shifts are named by their index in the list passed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Breach {
    Overlap {
        first: usize,
        second: usize,
    },
    Break {
        shift: usize,
        needed: i64,
        recorded: i64,
    },
    /// In the 24 hours from the start of `shift`, no rest was long enough.
    DailyRest {
        shift: usize,
        longest: i64,
        needed: i64,
    },
    /// In the week (or fortnight) beginning on `week`, no rest was long enough.
    WeeklyRest {
        week: Date,
        longest: i64,
        needed: i64,
    },
    /// The average over the weeks ending with the week beginning `week`.
    WeeklyAverage {
        week: Date,
        weeks: i64,
        average: i64,
        limit: i64,
    },
    YoungDaily {
        day: Date,
        minutes: i64,
        limit: i64,
    },
    YoungWeekly {
        week: Date,
        minutes: i64,
        limit: i64,
    },
}

impl Breach {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Overlap { .. } => "shifts-overlap",
            Self::Break { .. } => "break-too-short",
            Self::DailyRest { .. } => "daily-rest-too-short",
            Self::WeeklyRest { .. } => "weekly-rest-too-short",
            Self::WeeklyAverage { .. } => "weekly-average-over-limit",
            Self::YoungDaily { .. } => "young-daily-over-limit",
            Self::YoungWeekly { .. } => "young-weekly-over-limit",
        }
    }
}

fn payroll_date(d: CivilDate) -> Result<Date, WorkingTimeError> {
    Date::new(i32::from(d.year()), d.month() as u32, d.day() as u32)
        .map_err(|_| WorkingTimeError::OutOfRange)
}

fn civil_date(d: Date) -> Result<CivilDate, WorkingTimeError> {
    let y = i16::try_from(d.year()).map_err(|_| WorkingTimeError::OutOfRange)?;
    CivilDate::new(y, d.month() as i8, d.day() as i8).map_err(|_| WorkingTimeError::OutOfRange)
}

fn local_date(tz: &TimeZone, t: Timestamp) -> CivilDate {
    tz.to_datetime(t).date()
}

/// The Monday on or before `d`.
fn monday_of(d: CivilDate) -> Result<CivilDate, WorkingTimeError> {
    let back = i64::from(d.weekday().to_monday_zero_offset());
    d.checked_sub(back.days())
        .map_err(|_| WorkingTimeError::OutOfRange)
}

/// Local midnight at the start of `d`, as seconds (never in a UK gap).
fn midnight(tz: &TimeZone, d: CivilDate) -> Result<i64, WorkingTimeError> {
    Ok(instant(tz, d.to_datetime(Time::midnight()))?.as_second())
}

fn add_days(d: CivilDate, n: i64) -> Result<CivilDate, WorkingTimeError> {
    d.checked_add(n.days())
        .map_err(|_| WorkingTimeError::OutOfRange)
}

/// Longest stretch without work inside `[from, to)`, in seconds, given work
/// intervals sorted by start.
fn longest_rest(work: &[(i64, i64)], from: i64, to: i64) -> i64 {
    let mut cursor = from;
    let mut longest = 0;
    for &(s, e) in work {
        if e <= from {
            continue;
        }
        if s >= to {
            break;
        }
        longest = longest.max(s.max(from) - cursor);
        cursor = cursor.max(e.min(to));
    }
    longest.max(to - cursor)
}

/// Stretches without work of at least `at_least` seconds inside `[from, to)`.
fn rests_of_at_least(work: &[(i64, i64)], from: i64, to: i64, at_least: i64) -> usize {
    let mut cursor = from;
    let mut count = 0;
    for &(s, e) in work {
        if e <= from {
            continue;
        }
        if s >= to {
            break;
        }
        if s.max(from) - cursor >= at_least {
            count += 1;
        }
        cursor = cursor.max(e.min(to));
    }
    count + usize::from(to - cursor >= at_least)
}

/// Seconds of `[s, e)` inside `[from, to)`.
fn overlap(s: i64, e: i64, from: i64, to: i64) -> i64 {
    (e.min(to) - s.max(from)).max(0)
}

/// Every breach of the limits in a PA's shifts.
pub fn check(
    shifts: &[Shift],
    worker: &Worker,
    limits: &Limits,
    tz: &TimeZone,
) -> Result<Vec<Breach>, WorkingTimeError> {
    if shifts.len() > MAX_SHIFTS {
        return Err(WorkingTimeError::TooManyShifts);
    }
    let mut breaches = Vec::new();
    if shifts.is_empty() {
        return Ok(breaches);
    }
    let mut order: Vec<usize> = (0..shifts.len()).collect();
    order.sort_by_key(|&i| (shifts[i].start, shifts[i].end));
    let work: Vec<(i64, i64)> = order
        .iter()
        .map(|&i| (shifts[i].start.as_second(), shifts[i].end.as_second()))
        .collect();
    let young_on = |t: Timestamp| -> Result<bool, WorkingTimeError> {
        Ok(worker.born.age_on(payroll_date(local_date(tz, t))?) < 18)
    };

    for pair in order.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if shifts[b].start < shifts[a].end {
            breaches.push(Breach::Overlap {
                first: a,
                second: b,
            });
        }
    }

    for &i in &order {
        let shift = &shifts[i];
        let young = young_on(shift.start)?;
        let (after, length) = if young {
            (limits.young_break_after, limits.young_break_length)
        } else {
            (limits.break_after, limits.break_length)
        };
        if let Some(after) = after
            && shift.working_minutes() > after
            && shift.break_minutes < length
        {
            breaches.push(Breach::Break {
                shift: i,
                needed: length,
                recorded: shift.break_minutes,
            });
        }
        let rest = if young {
            limits.young_daily_rest
        } else {
            limits.daily_rest
        };
        if let Some(needed) = rest {
            let from = shift.start.as_second();
            let longest = longest_rest(&work, from, from + 24 * 3600) / 60;
            if longest < needed {
                breaches.push(Breach::DailyRest {
                    shift: i,
                    longest,
                    needed,
                });
            }
        }
    }

    // Local weeks from the one employment started in (or the first shift,
    // if earlier) to the one the last shift ends in.
    let first_shift_day = local_date(tz, shifts[order[0]].start);
    let start_day = civil_date(worker.start)?.min(first_shift_day);
    let first_week = monday_of(start_day)?;
    let last_end = work.iter().map(|w| w.1).max().unwrap_or(work[0].1);
    let last_week = monday_of(local_date(
        tz,
        Timestamp::from_second(last_end - 1).map_err(|_| WorkingTimeError::OutOfRange)?,
    ))?;
    let mut weeks: Vec<(CivilDate, i64, i64)> = Vec::new(); // (monday, from, to)
    let mut monday = first_week;
    while monday <= last_week {
        let next = add_days(monday, 7)?;
        weeks.push((monday, midnight(tz, monday)?, midnight(tz, next)?));
        monday = next;
    }

    // Working minutes in each week and (for young workers) each day, the
    // break taken from the bucket the shift starts in.
    let bucket_minutes = |from: i64, to: i64| -> i64 {
        order
            .iter()
            .map(|&i| {
                let s = &shifts[i];
                let (a, b) = (s.start.as_second(), s.end.as_second());
                let inside = overlap(a, b, from, to) / 60;
                if (from..to).contains(&a) {
                    (inside - s.break_minutes).max(0)
                } else {
                    inside
                }
            })
            .sum()
    };
    let week_minutes: Vec<i64> = weeks
        .iter()
        .map(|&(_, from, to)| bucket_minutes(from, to))
        .collect();
    let week_has_work: Vec<bool> = weeks
        .iter()
        .map(|&(_, from, to)| work.iter().any(|&(s, e)| overlap(s, e, from, to) > 0))
        .collect();

    for (k, &(monday, from, to)) in weeks.iter().enumerate() {
        let week = payroll_date(monday)?;
        let young = worker.born.age_on(week) < 18
            || worker.born.age_on(payroll_date(add_days(monday, 6)?)?) < 18;
        if !week_has_work[k] {
            continue;
        }
        // Weekly rest.
        if young {
            if let Some(needed) = limits.young_weekly_rest {
                let longest = longest_rest(&work, from, to) / 60;
                if longest < needed {
                    breaches.push(Breach::WeeklyRest {
                        week,
                        longest,
                        needed,
                    });
                }
            }
        } else {
            match limits.weekly_rest {
                Some(WeeklyRest::EachWeek) => {
                    let longest = longest_rest(&work, from, to) / 60;
                    if longest < 24 * 60 {
                        breaches.push(Breach::WeeklyRest {
                            week,
                            longest,
                            needed: 24 * 60,
                        });
                    }
                }
                // Fortnights counted from the first week of employment.
                Some(WeeklyRest::EachFortnight) if k % 2 == 0 => {
                    // The fortnight runs on past the last shift if need be.
                    let to = midnight(tz, add_days(monday, 14)?)?;
                    let longest = longest_rest(&work, from, to) / 60;
                    let two = rests_of_at_least(&work, from, to, 24 * 3600) >= 2;
                    if longest < 48 * 60 && !two {
                        breaches.push(Breach::WeeklyRest {
                            week,
                            longest,
                            needed: 48 * 60,
                        });
                    }
                }
                _ => {}
            }
        }
        // Hours.
        if young {
            if let Some(limit) = limits.young_weekly_max
                && week_minutes[k] > limit
            {
                breaches.push(Breach::YoungWeekly {
                    week,
                    minutes: week_minutes[k],
                    limit,
                });
            }
            if let Some(limit) = limits.young_daily_max {
                for n in 0..7 {
                    let day = add_days(monday, n)?;
                    if worker.born.age_on(payroll_date(day)?) >= 18 {
                        continue;
                    }
                    let minutes =
                        bucket_minutes(midnight(tz, day)?, midnight(tz, add_days(day, 1)?)?);
                    if minutes > limit {
                        breaches.push(Breach::YoungDaily {
                            day: payroll_date(day)?,
                            minutes,
                            limit,
                        });
                    }
                }
            }
        } else if let Some(limit) = limits.weekly_average
            && !worker.opted_out
        {
            let span = limits.reference_weeks.max(1);
            let first = usize::try_from((k as i64 + 1 - span).max(0)).unwrap_or(0);
            let count = (k - first + 1) as i64;
            let total: i64 = week_minutes[first..=k].iter().sum();
            let average = total / count;
            if total > limit * count {
                breaches.push(Breach::WeeklyAverage {
                    week,
                    weeks: count,
                    average,
                    limit,
                });
            }
        }
    }
    Ok(breaches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::d;

    fn tz() -> TimeZone {
        london().unwrap()
    }

    fn at(s: &str) -> DateTime {
        s.parse().unwrap()
    }

    fn shift(start: &str, end: &str, break_minutes: i64) -> Shift {
        Shift::local(&tz(), at(start), at(end), break_minutes).unwrap()
    }

    fn adult() -> Worker {
        Worker {
            born: d(1990, 1, 1),
            start: d(2026, 1, 5),
            opted_out: false,
        }
    }

    fn codes(shifts: &[Shift], worker: &Worker) -> Vec<&'static str> {
        check(shifts, worker, &Limits::default(), &tz())
            .unwrap()
            .iter()
            .map(|b| b.code())
            .collect()
    }

    /// Monday to Friday 09:00-17:00 with a 30-minute break, for `weeks`
    /// weeks from Monday 5 January 2026.
    fn office_weeks(weeks: i64) -> Vec<Shift> {
        let mut out = Vec::new();
        let monday = CivilDate::new(2026, 1, 5).unwrap();
        for w in 0..weeks {
            for n in 0..5 {
                let day = monday.checked_add((w * 7 + n).days()).unwrap();
                out.push(shift(&format!("{day}T09:00"), &format!("{day}T17:00"), 30));
            }
        }
        out
    }

    #[test]
    fn an_ordinary_fortnight_is_fine() {
        assert_eq!(codes(&office_weeks(2), &adult()), Vec::<&str>::new());
    }

    #[test]
    fn clock_changes_are_real_time() {
        // 25 October 2026: clocks go back at 02:00. 20:00-08:00 is 13 hours.
        let night = shift("2026-10-24T20:00", "2026-10-25T08:00", 0);
        assert_eq!(night.minutes(), 13 * 60);
        // 29 March 2026: clocks go forward at 01:00. 20:00-08:00 is 11 hours.
        let spring = shift("2026-03-28T20:00", "2026-03-29T08:00", 0);
        assert_eq!(spring.minutes(), 11 * 60);
        assert_eq!(
            Shift::local(&tz(), at("2026-03-29T01:30"), at("2026-03-29T08:00"), 0),
            Err(WorkingTimeError::Nonexistent(at("2026-03-29T01:30")))
        );
    }

    #[test]
    fn a_long_shift_needs_a_break_over_six_hours() {
        let no_break = shift("2026-01-05T09:00", "2026-01-05T15:01", 0);
        let six_exactly = shift("2026-01-06T09:00", "2026-01-06T15:00", 0);
        let with_break = shift("2026-01-07T09:00", "2026-01-07T16:00", 20);
        assert_eq!(
            check(
                &[no_break, six_exactly, with_break],
                &adult(),
                &Limits::default(),
                &tz()
            )
            .unwrap(),
            vec![Breach::Break {
                shift: 0,
                needed: 20,
                recorded: 0
            }]
        );
    }

    #[test]
    fn eleven_hours_rest_in_each_24() {
        // Ends 22:00, starts again 08:00: 10 hours.
        let late = shift("2026-01-05T14:00", "2026-01-05T22:00", 30);
        let early = shift("2026-01-06T08:00", "2026-01-06T12:00", 0);
        let out = check(&[early, late], &adult(), &Limits::default(), &tz()).unwrap();
        assert_eq!(
            out,
            vec![Breach::DailyRest {
                shift: 1,
                longest: 10 * 60,
                needed: 11 * 60
            }]
        );
        // A split shift is fine when one rest in the 24 hours is long enough.
        let morning = shift("2026-01-05T07:00", "2026-01-05T10:00", 0);
        let evening = shift("2026-01-05T17:00", "2026-01-05T20:00", 0);
        let next = shift("2026-01-06T07:00", "2026-01-06T10:00", 0);
        assert!(
            check(
                &[morning, evening, next],
                &adult(),
                &Limits::default(),
                &tz()
            )
            .unwrap()
            .is_empty()
        );
    }

    #[test]
    fn weekly_rest_each_week_or_fortnight() {
        // Seven days of 08:00-16:00 in the week of 5 January: the longest
        // rest inside the week is 16 hours.
        let mut shifts = Vec::new();
        for n in 5..=11 {
            shifts.push(shift(
                &format!("2026-01-{n:02}T08:00"),
                &format!("2026-01-{n:02}T16:00"),
                30,
            ));
        }
        // Employed since September, so the 52½ hours average out.
        let worker = Worker {
            start: d(2025, 9, 1),
            ..adult()
        };
        let out = check(&shifts, &worker, &Limits::default(), &tz()).unwrap();
        assert_eq!(
            out,
            vec![Breach::WeeklyRest {
                week: d(2026, 1, 5),
                longest: 16 * 60,
                needed: 24 * 60
            }]
        );
        // Over a fortnight, the free second week gives 48 hours.
        let fortnightly = Limits {
            weekly_rest: Some(WeeklyRest::EachFortnight),
            ..Limits::default()
        };
        assert!(
            check(&shifts, &worker, &fortnightly, &tz())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn forty_eight_hours_on_average_unless_opted_out() {
        // 12 hours a day (with an hour's break: 11 worked), five days: 55
        // hours a week, every week.
        let mut shifts = Vec::new();
        let monday = CivilDate::new(2026, 1, 5).unwrap();
        for w in 0..3 {
            for n in 0..5 {
                let day = monday.checked_add((w * 7 + n).days()).unwrap();
                shifts.push(shift(&format!("{day}T07:00"), &format!("{day}T19:00"), 60));
            }
        }
        let worker = adult();
        let out = check(&shifts, &worker, &Limits::default(), &tz()).unwrap();
        assert_eq!(out.len(), 3);
        assert_eq!(
            out[0],
            Breach::WeeklyAverage {
                week: d(2026, 1, 5),
                weeks: 1,
                average: 55 * 60,
                limit: 48 * 60
            }
        );
        let opted = Worker {
            opted_out: true,
            ..worker
        };
        assert!(
            check(&shifts, &opted, &Limits::default(), &tz())
                .unwrap()
                .is_empty()
        );
        // 55 hours in one week after sixteen of 40 averages out.
        let mut history = office_weeks(16);
        let monday = CivilDate::new(2026, 4, 27).unwrap();
        for n in 0..5 {
            let day = monday.checked_add(n.days()).unwrap();
            history.push(shift(&format!("{day}T07:00"), &format!("{day}T19:00"), 60));
        }
        let averaged = Worker {
            start: d(2026, 1, 5),
            ..adult()
        };
        assert!(
            check(&history, &averaged, &Limits::default(), &tz())
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn young_workers_have_stricter_limits() {
        let young = Worker {
            born: d(2009, 1, 1),
            start: d(2026, 1, 5),
            opted_out: true,
        };
        // 5 hours with a 20-minute break: over 4½ hours worked, break short.
        // 9 hours on Tuesday: over 8 a day. 12-hour rest missed overnight.
        let shifts = [
            shift("2026-01-05T09:00", "2026-01-05T14:00", 20),
            shift("2026-01-06T08:00", "2026-01-06T17:30", 30),
            shift("2026-01-07T05:00", "2026-01-07T08:00", 0),
        ];
        let out = codes(&shifts, &young);
        assert_eq!(
            out,
            vec![
                "break-too-short",
                "daily-rest-too-short",
                "young-daily-over-limit",
            ]
        );
        // The same for an adult is lawful.
        assert!(codes(&shifts, &adult()).is_empty());
    }

    #[test]
    fn overlaps_and_bad_shifts() {
        let a = shift("2026-01-05T09:00", "2026-01-05T13:00", 0);
        let b = shift("2026-01-05T12:00", "2026-01-05T14:00", 0);
        assert_eq!(codes(&[a, b], &adult()), vec!["shifts-overlap"]);
        let t = |s: &str| instant(&tz(), at(s)).unwrap();
        assert_eq!(
            Shift::new(t("2026-01-05T09:00"), t("2026-01-05T09:00"), 0),
            Err(WorkingTimeError::EndNotAfterStart)
        );
        assert_eq!(
            Shift::new(t("2026-01-05T09:00"), t("2026-01-08T09:01"), 0),
            Err(WorkingTimeError::ShiftTooLong)
        );
        assert_eq!(
            Shift::new(t("2026-01-05T09:00"), t("2026-01-05T10:00"), 61),
            Err(WorkingTimeError::BadBreak)
        );
    }

    proptest::proptest! {
        #[test]
        fn short_spaced_shifts_never_breach(
            days in proptest::collection::btree_set(0i64..120, 1..40),
            hours in 1i64..=6
        ) {
            // At most one shift of at most 6 hours a day, starting 09:00,
            // with at least one free day in every week: never a breach.
            let monday = CivilDate::new(2026, 1, 5).unwrap();
            let shifts: Vec<Shift> = days
                .iter()
                .filter(|n| *n % 7 != 6)
                .map(|n| {
                    let day = monday.checked_add(n.days()).unwrap();
                    shift(&format!("{day}T09:00"), &format!("{day}T{:02}:00", 9 + hours), 0)
                })
                .collect();
            let out = check(&shifts, &adult(), &Limits::default(), &tz()).unwrap();
            proptest::prop_assert!(out.is_empty(), "{:?}", out);
        }
    }
}

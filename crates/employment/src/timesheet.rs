//! Timesheets: the time a PA worked in a pay period, line by line, as the
//! minimum-wage records (start, finish, breaks) and as what pay runs read.
//!
//! A line is built from a delivered shift on the rota, or entered by hand
//! where there is no rota. The PA confirms it or corrects it (a correction
//! carries a reason, and the original figures are kept); then each
//! supported person the time was for approves the time spent with them,
//! themself or through their representative, or the officers with the
//! employer's duties approve it where the person chose the coordinator.
//! Nobody approves their own time. A line every person approved is locked;
//! a later correction is a new line, an [`adjustment`](LineSource), that
//! replaces it once approved the same way.
//!
//! These rules live here rather than in `cylch-payroll` because they are
//! about the employment (who worked, for whom, who vouches for it), and
//! they reuse the rota's [`ShiftKind`] and the minimum-wage rules of
//! [`crate::pay_rate`]; payroll only reads the approved figures.
//!
//! Times are local to Europe/London; lengths are real elapsed minutes, so a
//! night across the October clock change is an hour longer than its clock
//! times suggest.

use cylch_payroll::{Date, Frequency};
use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

use crate::pay_rate::{ShiftMinutes, minimum_wage_minutes};
use crate::rostering::ShiftKind;
use crate::text::Text;
use crate::working_time::{self, Shift, WorkingTimeError};

/// What a line of a timesheet records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LineKind {
    Day,
    Night,
    /// Asleep at the workplace, on call: time asleep does not count for
    /// the minimum wage; time woken and working does.
    SleepIn,
    WakingNight,
    /// Paid holiday taken: paid, but not time worked.
    Holiday,
    /// Off sick: not time worked.
    Sickness,
}

impl LineKind {
    pub const ALL: [LineKind; 6] = [
        LineKind::Day,
        LineKind::Night,
        LineKind::SleepIn,
        LineKind::WakingNight,
        LineKind::Holiday,
        LineKind::Sickness,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LineKind::Day => "day",
            LineKind::Night => "night",
            LineKind::SleepIn => "sleep_in",
            LineKind::WakingNight => "waking_night",
            LineKind::Holiday => "holiday",
            LineKind::Sickness => "sickness",
        }
    }

    pub fn parse(code: &str) -> Option<LineKind> {
        LineKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether the line is time worked (not holiday or sickness).
    pub fn is_work(self) -> bool {
        !matches!(self, LineKind::Holiday | LineKind::Sickness)
    }
}

impl From<ShiftKind> for LineKind {
    fn from(kind: ShiftKind) -> Self {
        match kind {
            ShiftKind::Day => LineKind::Day,
            ShiftKind::Night => LineKind::Night,
            ShiftKind::SleepIn => LineKind::SleepIn,
            ShiftKind::WakingNight => LineKind::WakingNight,
        }
    }
}

/// The figures of one line as people write them: local times, the break,
/// the kind, and for a sleep-in the minutes the PA was woken and working.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figures {
    pub start: DateTime,
    pub end: DateTime,
    pub break_minutes: i64,
    pub kind: LineKind,
    pub woken_minutes: i64,
}

/// A field of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LineField {
    Start,
    End,
    Break,
    Woken,
    People,
    Reason,
}

impl LineField {
    pub fn code(self) -> &'static str {
        match self {
            LineField::Start => "start",
            LineField::End => "end",
            LineField::Break => "break_minutes",
            LineField::Woken => "woken_minutes",
            LineField::People => "people",
            LineField::Reason => "reason",
        }
    }
}

/// What is wrong with a field of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, thiserror::Error)]
pub enum LineProblem {
    #[error("the end must be after the start")]
    EndNotAfterStart,
    #[error("a line lasts at most 72 hours")]
    TooLong,
    #[error("the clocks go forward over this time, so it never happened")]
    ClocksGoForward,
    #[error("the break cannot be negative or longer than the time")]
    BadBreak,
    #[error("time woken is recorded only on a sleep-in, and no longer than it")]
    BadWoken,
    #[error("a timesheet records time already worked, not time to come")]
    InFuture,
    #[error("the day is outside this pay period")]
    OutsidePeriod,
    #[error("say whom the time was for")]
    NoPeople,
    #[error("the PA does not work with this person")]
    NotTheirPerson,
    #[error("say why the figures are corrected")]
    NoReason,
    #[error("the reason is too long")]
    ReasonTooLong,
    #[error("nothing was changed")]
    Unchanged,
}

impl LineProblem {
    pub fn code(self) -> &'static str {
        match self {
            LineProblem::EndNotAfterStart => "end-not-after-start",
            LineProblem::TooLong => "too-long",
            LineProblem::ClocksGoForward => "clocks-go-forward",
            LineProblem::BadBreak => "bad-break",
            LineProblem::BadWoken => "bad-woken",
            LineProblem::InFuture => "in-future",
            LineProblem::OutsidePeriod => "outside-period",
            LineProblem::NoPeople => "no-people",
            LineProblem::NotTheirPerson => "not-their-person",
            LineProblem::NoReason => "no-reason",
            LineProblem::ReasonTooLong => "reason-too-long",
            LineProblem::Unchanged => "unchanged",
        }
    }
}

/// A line's figures, checked: the real instants and the minutes that
/// follow from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckedLine {
    pub figures: Figures,
    pub shift: Shift,
}

impl CheckedLine {
    /// The day the line counts on: the day it starts.
    pub fn day(&self) -> Result<Date, LineProblem> {
        civil(self.figures.start.date())
    }

    /// Minutes from start to end less the break: time worked, or for
    /// holiday and sickness the time taken.
    pub fn minutes(&self) -> i64 {
        self.shift.working_minutes()
    }

    pub fn break_minutes(&self) -> i64 {
        self.figures.break_minutes
    }

    /// The minutes that count for the minimum wage: none for holiday and
    /// sickness; for a sleep-in only the time woken and working; otherwise
    /// all the minutes less the break.
    pub fn minimum_wage_minutes(&self) -> i64 {
        let minutes = self.minutes();
        match self.figures.kind {
            LineKind::Holiday | LineKind::Sickness => 0,
            LineKind::SleepIn => minimum_wage_minutes(ShiftMinutes {
                total: minutes,
                sleep_in: minutes,
                woken: self.figures.woken_minutes,
            })
            .unwrap_or(0),
            _ => minutes,
        }
    }

    /// Nights of sleep-in the line is paid a flat sum for.
    pub fn sleep_in_nights(&self) -> i64 {
        i64::from(self.figures.kind == LineKind::SleepIn)
    }
}

/// The payroll calendar's date for a local day.
pub fn civil(d: jiff::civil::Date) -> Result<Date, LineProblem> {
    Date::new(
        i32::from(d.year()),
        u32::try_from(d.month()).unwrap_or(0),
        u32::try_from(d.day()).unwrap_or(0),
    )
    .map_err(|_| LineProblem::TooLong)
}

/// Checks a line's figures: the end after the start, at most 72 hours, a
/// time that exists in Europe/London, a break no longer than the time,
/// minutes woken only on a sleep-in, finished by `now` and starting in
/// `period`. Every problem at once, each at its field.
pub fn check(
    figures: Figures,
    period: PayPeriod,
    now: Timestamp,
    tz: &TimeZone,
) -> Result<CheckedLine, Vec<(LineField, LineProblem)>> {
    let mut problems = Vec::new();
    let start = working_time::instant(tz, figures.start);
    let end = working_time::instant(tz, figures.end);
    if start.is_err() {
        problems.push((LineField::Start, LineProblem::ClocksGoForward));
    }
    if end.is_err() {
        problems.push((LineField::End, LineProblem::ClocksGoForward));
    }
    match civil(figures.start.date()) {
        Ok(day) if period.contains(day) => {}
        _ => problems.push((LineField::Start, LineProblem::OutsidePeriod)),
    }
    let shift = match (start, end) {
        (Ok(start), Ok(end)) => match Shift::new(start, end, figures.break_minutes) {
            Ok(shift) => Some(shift),
            Err(e) => {
                problems.push(match e {
                    WorkingTimeError::EndNotAfterStart => {
                        (LineField::End, LineProblem::EndNotAfterStart)
                    }
                    WorkingTimeError::ShiftTooLong => (LineField::End, LineProblem::TooLong),
                    _ => (LineField::Break, LineProblem::BadBreak),
                });
                None
            }
        },
        _ => None,
    };
    if let Some(shift) = &shift
        && shift.end() > now
    {
        problems.push((LineField::End, LineProblem::InFuture));
    }
    let woken_ok = figures.woken_minutes == 0
        || (figures.kind == LineKind::SleepIn
            && figures.woken_minutes > 0
            && shift.is_none_or(|s| figures.woken_minutes <= s.working_minutes()));
    if !woken_ok {
        problems.push((LineField::Woken, LineProblem::BadWoken));
    }
    match shift {
        Some(shift) if problems.is_empty() => Ok(CheckedLine { figures, shift }),
        _ => {
            problems.sort();
            problems.dedup();
            Err(problems)
        }
    }
}

/// Why a correction or adjustment says it was made: required, bounded.
pub fn reason(raw: &str) -> Result<Text, LineProblem> {
    Text::parse(raw).map_err(|e| match e {
        crate::text::TextError::Missing => LineProblem::NoReason,
        _ => LineProblem::ReasonTooLong,
    })
}

/// One pay period: the days from `first` to `last`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PayPeriod {
    pub first: Date,
    pub last: Date,
}

impl PayPeriod {
    pub fn contains(&self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }
}

/// The pay period of `frequency` that `day` falls in, counted as HMRC
/// counts tax weeks and months: from 6 April, a monthly period from the
/// 6th of one month to the 5th of the next; weekly, two-weekly and
/// four-weekly periods of 1, 2 or 4 tax weeks, the last of the year cut
/// short at 5 April.
pub fn pay_period(frequency: Frequency, day: Date) -> PayPeriod {
    let year_start = |y: i32| Date::new(y, 4, 6).unwrap_or(day);
    let start_of_year = if day >= year_start(day.year()) {
        year_start(day.year())
    } else {
        year_start(day.year() - 1)
    };
    let next_year = year_start(start_of_year.year() + 1);
    let year_end = next_year.add_days(-1).unwrap_or(day);
    match frequency.weeks() {
        None => {
            let first = if day.day() >= 6 {
                Date::new(day.year(), day.month(), 6).unwrap_or(day)
            } else {
                Date::new(day.year(), day.month(), 6)
                    .and_then(|d| d.add_months(-1))
                    .unwrap_or(day)
            };
            let last = first
                .add_months(1)
                .and_then(|d| d.add_days(-1))
                .unwrap_or(day);
            PayPeriod { first, last }
        }
        Some(weeks) => {
            let length = weeks * 7;
            let index = start_of_year.days_until(day) / length;
            let first = start_of_year.add_days(index * length).unwrap_or(day);
            let last = first.add_days(length - 1).unwrap_or(day).min(year_end);
            PayPeriod { first, last }
        }
    }
}

/// Where a line came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineSource {
    /// Built from a delivered shift on the rota.
    Rota,
    /// Entered by hand, where the time was not on the rota.
    Hand,
    /// A correction after the line it replaces was approved.
    Adjustment,
}

impl LineSource {
    pub fn code(self) -> &'static str {
        match self {
            LineSource::Rota => "rota",
            LineSource::Hand => "hand",
            LineSource::Adjustment => "adjustment",
        }
    }

    pub fn parse(code: &str) -> Option<LineSource> {
        [LineSource::Rota, LineSource::Hand, LineSource::Adjustment]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Where a line stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LineState {
    /// Built or entered by someone else: the PA has yet to confirm it.
    ToConfirm,
    /// Confirmed by the PA; someone it was for has yet to approve it.
    ToApprove,
    /// Every person it was for approved it: locked.
    Approved,
}

impl LineState {
    pub fn code(self) -> &'static str {
        match self {
            LineState::ToConfirm => "to-confirm",
            LineState::ToApprove => "to-approve",
            LineState::Approved => "approved",
        }
    }
}

/// A line's state from whether the PA confirmed it and, person by person,
/// whether each approved it.
pub fn line_state(confirmed: bool, approvals: &[bool]) -> LineState {
    if !confirmed {
        LineState::ToConfirm
    } else if !approvals.is_empty() && approvals.iter().all(|a| *a) {
        LineState::Approved
    } else {
        LineState::ToApprove
    }
}

/// Where a whole timesheet stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimesheetState {
    /// No lines yet.
    Empty,
    /// Some line waits for the PA.
    ToConfirm,
    /// Every line is confirmed; some wait for approval.
    ToApprove,
    /// Every line is approved: the timesheet is locked.
    Locked,
}

impl TimesheetState {
    pub fn code(self) -> &'static str {
        match self {
            TimesheetState::Empty => "empty",
            TimesheetState::ToConfirm => "to-confirm",
            TimesheetState::ToApprove => "to-approve",
            TimesheetState::Locked => "locked",
        }
    }
}

/// The state of a timesheet from the states of its lines in force (lines
/// replaced by an approved adjustment are not counted).
pub fn timesheet_state(lines: &[LineState]) -> TimesheetState {
    if lines.is_empty() {
        TimesheetState::Empty
    } else if lines.contains(&LineState::ToConfirm) {
        TimesheetState::ToConfirm
    } else if lines.contains(&LineState::ToApprove) {
        TimesheetState::ToApprove
    } else {
        TimesheetState::Locked
    }
}

/// Whether a line may still be corrected in place: only until anyone has
/// approved it. After that a correction is an adjustment.
pub fn may_correct(approvals: &[bool]) -> Result<(), Locked> {
    if approvals.iter().any(|a| *a) {
        Err(Locked)
    } else {
        Ok(())
    }
}

/// Whether a line may be adjusted: once it is approved by everyone it was
/// for, and while no other adjustment of it waits or has replaced it.
pub fn may_adjust(state: LineState, replaced: bool) -> Result<(), NotAdjustable> {
    if replaced {
        Err(NotAdjustable::AlreadyReplaced)
    } else if state != LineState::Approved {
        Err(NotAdjustable::NotApproved)
    } else {
        Ok(())
    }
}

/// The line has been approved and cannot be changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("an approved line cannot be changed; make an adjustment instead")]
pub struct Locked;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotAdjustable {
    #[error("only an approved line is adjusted; correct it instead")]
    NotApproved,
    #[error("this line already has an adjustment")]
    AlreadyReplaced,
}

/// Who approves the time spent with a supported person: the person's own
/// choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Approver {
    /// The person, or their representative.
    #[default]
    Person,
    /// The officers with the employer's duties (the coordinator above all).
    Coordinator,
}

impl Approver {
    pub fn code(self) -> &'static str {
        match self {
            Approver::Person => "person",
            Approver::Coordinator => "coordinator",
        }
    }

    pub fn parse(code: &str) -> Option<Approver> {
        [Approver::Person, Approver::Coordinator]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// How the caller stands to one person's part of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApprovalTie {
    /// The caller is the PA whose time it is.
    pub is_the_pa: bool,
    /// The caller is the supported person, or acts for them.
    pub for_them: bool,
    /// The caller carries the employer's duties.
    pub employer_duties: bool,
    /// Whom the person chose.
    pub approver: Approver,
    /// Someone other than the PA can approve as the person: they sign in
    /// themself, or a representative who is not the PA acts for them.
    /// When nobody can, the officers approve.
    pub person_can_approve: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotApprover {
    /// Even an officer, or a representative, does not approve time they
    /// worked themself.
    #[error("nobody approves their own time")]
    OwnTime,
    #[error("this time is approved by the person it was for, or whoever they chose")]
    NotTheirs,
}

/// Whether the caller may approve one person's part of a line.
pub fn may_approve(tie: ApprovalTie) -> Result<(), NotApprover> {
    if tie.is_the_pa {
        return Err(NotApprover::OwnTime);
    }
    let officers_approve = tie.approver == Approver::Coordinator || !tie.person_can_approve;
    if officers_approve {
        if tie.employer_duties {
            Ok(())
        } else {
            Err(NotApprover::NotTheirs)
        }
    } else if tie.for_them {
        Ok(())
    } else {
        Err(NotApprover::NotTheirs)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn at(raw: &str) -> DateTime {
        raw.parse().unwrap()
    }

    fn tz() -> TimeZone {
        working_time::london().unwrap()
    }

    fn figures(start: &str, end: &str, break_minutes: i64, kind: LineKind) -> Figures {
        Figures {
            start: at(start),
            end: at(end),
            break_minutes,
            kind,
            woken_minutes: 0,
        }
    }

    fn november() -> PayPeriod {
        pay_period(Frequency::Monthly, d(2026, 11, 20))
    }

    fn now() -> Timestamp {
        "2026-12-07T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn monthly_periods_run_from_the_sixth_to_the_fifth() {
        assert_eq!(
            november(),
            PayPeriod {
                first: d(2026, 11, 6),
                last: d(2026, 12, 5)
            }
        );
        assert_eq!(
            pay_period(Frequency::Monthly, d(2027, 1, 5)),
            PayPeriod {
                first: d(2026, 12, 6),
                last: d(2027, 1, 5)
            }
        );
    }

    #[test]
    fn weekly_periods_count_tax_weeks_and_stop_at_the_years_end() {
        // Tax week 1 of 2026-27 is 6-12 April 2026.
        assert_eq!(
            pay_period(Frequency::Weekly, d(2026, 4, 12)),
            PayPeriod {
                first: d(2026, 4, 6),
                last: d(2026, 4, 12)
            }
        );
        assert_eq!(
            pay_period(Frequency::TwoWeekly, d(2026, 4, 20)),
            PayPeriod {
                first: d(2026, 4, 20),
                last: d(2026, 5, 3)
            }
        );
        // Week 53 is 5 April 2027 alone.
        assert_eq!(
            pay_period(Frequency::Weekly, d(2027, 4, 5)),
            PayPeriod {
                first: d(2027, 4, 5),
                last: d(2027, 4, 5)
            }
        );
        // Before 6 April belongs to the year before: tax weeks 49-52.
        assert_eq!(
            pay_period(Frequency::FourWeekly, d(2027, 4, 1)),
            PayPeriod {
                first: d(2027, 3, 8),
                last: d(2027, 4, 4)
            }
        );
    }

    #[test]
    fn minutes_and_the_minimum_wage() {
        let day = check(
            figures("2026-11-10T09:00", "2026-11-10T16:30", 30, LineKind::Day),
            november(),
            now(),
            &tz(),
        )
        .unwrap();
        assert_eq!(day.minutes(), 420);
        assert_eq!(day.minimum_wage_minutes(), 420);
        assert_eq!(day.sleep_in_nights(), 0);
        let mut sleep = figures("2026-11-10T22:00", "2026-11-11T07:00", 0, LineKind::SleepIn);
        sleep.woken_minutes = 45;
        let sleep = check(sleep, november(), now(), &tz()).unwrap();
        assert_eq!(sleep.minutes(), 540);
        assert_eq!(sleep.minimum_wage_minutes(), 45);
        assert_eq!(sleep.sleep_in_nights(), 1);
        let holiday = check(
            figures("2026-11-12T09:00", "2026-11-12T15:00", 0, LineKind::Holiday),
            november(),
            now(),
            &tz(),
        )
        .unwrap();
        assert_eq!(holiday.minutes(), 360);
        assert_eq!(holiday.minimum_wage_minutes(), 0);
    }

    #[test]
    fn a_night_across_the_october_clock_change_is_an_hour_longer() {
        let line = check(
            figures(
                "2026-10-24T22:00",
                "2026-10-25T07:00",
                0,
                LineKind::WakingNight,
            ),
            pay_period(Frequency::Monthly, d(2026, 10, 24)),
            now(),
            &tz(),
        )
        .unwrap();
        assert_eq!(line.minutes(), 600);
    }

    #[test]
    fn every_problem_is_found_at_its_field() {
        let problems = check(
            figures("2026-11-10T16:00", "2026-11-10T09:00", -5, LineKind::Day),
            november(),
            now(),
            &tz(),
        )
        .unwrap_err();
        assert_eq!(
            problems,
            vec![(LineField::End, LineProblem::EndNotAfterStart)]
        );
        let problems = check(
            figures("2026-11-10T09:00", "2026-11-10T10:00", 61, LineKind::Day),
            november(),
            now(),
            &tz(),
        )
        .unwrap_err();
        assert_eq!(problems, vec![(LineField::Break, LineProblem::BadBreak)]);
        let mut woken = figures("2026-11-10T09:00", "2026-11-10T10:00", 0, LineKind::Day);
        woken.woken_minutes = 10;
        assert_eq!(
            check(woken, november(), now(), &tz()).unwrap_err(),
            vec![(LineField::Woken, LineProblem::BadWoken)]
        );
        let problems = check(
            figures("2026-12-07T09:00", "2026-12-07T17:00", 0, LineKind::Day),
            pay_period(Frequency::Monthly, d(2026, 12, 7)),
            now(),
            &tz(),
        )
        .unwrap_err();
        assert_eq!(problems, vec![(LineField::End, LineProblem::InFuture)]);
        let problems = check(
            figures("2026-10-10T09:00", "2026-10-10T17:00", 0, LineKind::Day),
            november(),
            now(),
            &tz(),
        )
        .unwrap_err();
        assert_eq!(
            problems,
            vec![(LineField::Start, LineProblem::OutsidePeriod)]
        );
        // 01:30 on 29 March 2026 never happened in Wales.
        let problems = check(
            figures("2026-03-29T01:30", "2026-03-29T04:00", 0, LineKind::Day),
            pay_period(Frequency::Monthly, d(2026, 3, 29)),
            now(),
            &tz(),
        )
        .unwrap_err();
        assert_eq!(
            problems,
            vec![(LineField::Start, LineProblem::ClocksGoForward)]
        );
        assert_eq!(reason("  ").unwrap_err(), LineProblem::NoReason);
        assert!(reason("Stayed late for the doctor").is_ok());
    }

    #[test]
    fn states_follow_confirmation_and_every_approval() {
        assert_eq!(line_state(false, &[false]), LineState::ToConfirm);
        assert_eq!(line_state(true, &[true, false]), LineState::ToApprove);
        assert_eq!(line_state(true, &[true, true]), LineState::Approved);
        assert_eq!(timesheet_state(&[]), TimesheetState::Empty);
        assert_eq!(
            timesheet_state(&[LineState::Approved, LineState::ToApprove]),
            TimesheetState::ToApprove
        );
        assert_eq!(
            timesheet_state(&[LineState::Approved, LineState::Approved]),
            TimesheetState::Locked
        );
    }

    #[test]
    fn an_approved_line_is_adjusted_not_corrected() {
        assert!(may_correct(&[false, false]).is_ok());
        assert_eq!(may_correct(&[true, false]), Err(Locked));
        assert!(may_adjust(LineState::Approved, false).is_ok());
        assert_eq!(
            may_adjust(LineState::ToApprove, false),
            Err(NotAdjustable::NotApproved)
        );
        assert_eq!(
            may_adjust(LineState::Approved, true),
            Err(NotAdjustable::AlreadyReplaced)
        );
    }

    fn tie() -> ApprovalTie {
        ApprovalTie {
            is_the_pa: false,
            for_them: false,
            employer_duties: false,
            approver: Approver::Person,
            person_can_approve: true,
        }
    }

    #[test]
    fn the_person_approves_unless_they_chose_the_coordinator() {
        let person = ApprovalTie {
            for_them: true,
            ..tie()
        };
        assert!(may_approve(person).is_ok());
        let officer = ApprovalTie {
            employer_duties: true,
            ..tie()
        };
        assert_eq!(may_approve(officer), Err(NotApprover::NotTheirs));
        let chose = |t: ApprovalTie| ApprovalTie {
            approver: Approver::Coordinator,
            ..t
        };
        assert!(may_approve(chose(officer)).is_ok());
        assert_eq!(may_approve(chose(person)), Err(NotApprover::NotTheirs));
        // Nobody but the PA could approve as the person: the officers do.
        assert!(
            may_approve(ApprovalTie {
                person_can_approve: false,
                ..officer
            })
            .is_ok()
        );
    }

    #[test]
    fn nobody_approves_their_own_time_whatever_office_they_hold() {
        let pa = ApprovalTie {
            is_the_pa: true,
            for_them: true,
            employer_duties: true,
            approver: Approver::Coordinator,
            person_can_approve: false,
        };
        assert_eq!(may_approve(pa), Err(NotApprover::OwnTime));
        assert_eq!(
            may_approve(ApprovalTie {
                approver: Approver::Person,
                ..pa
            }),
            Err(NotApprover::OwnTime)
        );
    }
}

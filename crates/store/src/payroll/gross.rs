//! Gross pay from approved timesheet lines: pure arithmetic, no storage.
//!
//! A run pays every approved line not paid before, whatever its day: time
//! approved after its period was run is paid in the next run. An approved
//! adjustment of a line already paid pays the difference (the new line less
//! what the old one was paid); a line replaced before it was paid is not
//! paid, its replacement is.
//!
//! Rounding: each line's pay is its minutes × its hourly rate in
//! pence-minutes, kept exact; the period's total is divided by 60 once and
//! rounded to the nearest penny, a half penny up, so that splitting time
//! into many short lines neither gains nor loses a penny. Sleep-in sums are
//! whole pence and added after.

use std::collections::BTreeMap;

use cylch_employment::employment::Rates;
use cylch_employment::timesheet::LineKind;
use cylch_payroll::Pence;
use cylch_payroll::money::{Overflow, to_pence};

use crate::TimesheetLineId;
use crate::timesheets::ApprovedLine;

/// One approved line as a payslip pays it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaidLine {
    pub line: TimesheetLineId,
    /// Pence an hour for `minutes`.
    pub rate: Pence,
    pub minutes: i64,
    /// A flat sum: the sleep-in night's.
    pub flat: Pence,
}

/// A period's pay from its lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Gross {
    pub lines: Vec<PaidLine>,
    /// Minutes paid at an hourly rate.
    pub minutes: i64,
    pub sleep_in_nights: i64,
    pub pence: Pence,
}

/// The rate and minutes a line is paid at, or `None` for a line this step
/// does not pay by the hour (sickness: Statutory Sick Pay is not yet
/// computed).
///
/// - day time: the weekend rate on a Saturday or Sunday (the day the line
///   starts), else the day rate. Bank holidays get the day or weekend rate:
///   Cylch holds no bank-holiday calendar yet;
/// - night and waking night: the night rate;
/// - sleep-in: the flat sum for the night, plus the minutes woken and
///   working (those that count for the minimum wage) at the night rate;
/// - holiday taken: the day rate for the hours recorded.
fn pay_of(line: &ApprovedLine, rates: &Rates) -> Option<PaidLine> {
    let (rate, minutes, flat) = match line.kind {
        LineKind::Day => {
            let weekend = line.day.weekday_from_monday() >= 5;
            (
                if weekend { rates.weekend } else { rates.day },
                line.minutes,
                0,
            )
        }
        LineKind::Night | LineKind::WakingNight => (rates.night, line.minutes, 0),
        LineKind::SleepIn => (
            rates.night,
            line.minimum_wage_minutes,
            rates.sleep_in_per_night,
        ),
        LineKind::Holiday => (rates.day, line.minutes, 0),
        LineKind::Sickness => return None,
    };
    Some(PaidLine {
        line: line.id.clone(),
        rate,
        minutes,
        flat,
    })
}

/// The pay for `lines` (every approved line of the PA up to the period's
/// end), given what earlier payslips paid (`paid`, by line id): each line
/// paid once, an approved adjustment in place of the line it replaces.
pub fn gross(
    lines: &[ApprovedLine],
    rates: &Rates,
    paid: &BTreeMap<String, PaidLine>,
) -> Result<Gross, Overflow> {
    let by_id: BTreeMap<&str, &ApprovedLine> = lines.iter().map(|l| (l.id.as_str(), l)).collect();
    let mut out = Gross::default();
    let mut pence_minutes: i128 = 0;
    let mut flat: i128 = 0;
    for line in lines
        .iter()
        .filter(|l| l.replaced_by.is_none() && !paid.contains_key(l.id.as_str()))
    {
        let Some(pay) = pay_of(line, rates) else {
            continue;
        };
        pence_minutes += i128::from(pay.minutes) * i128::from(pay.rate);
        flat += i128::from(pay.flat);
        let mut minutes = pay.minutes;
        let mut nights = line.sleep_in_nights;
        // The line this one replaces, or the one that replaced, and so on
        // back: the first that was paid is taken off, since this line now
        // stands for it.
        let mut back = line.replaces.as_ref();
        while let Some(id) = back {
            if let Some(before) = paid.get(id.as_str()) {
                pence_minutes -= i128::from(before.minutes) * i128::from(before.rate);
                flat -= i128::from(before.flat);
                minutes = minutes.checked_sub(before.minutes).ok_or(Overflow)?;
                nights -= i64::from(before.flat > 0);
                break;
            }
            back = by_id.get(id.as_str()).and_then(|l| l.replaces.as_ref());
        }
        out.minutes = out.minutes.checked_add(minutes).ok_or(Overflow)?;
        out.sleep_in_nights += nights;
        out.lines.push(pay);
    }
    // Nearest penny, a half penny up; `div_euclid` keeps that true for a
    // negative difference too.
    let hourly = (pence_minutes * 2 + 60).div_euclid(120);
    out.pence = to_pence(hourly + flat)?;
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use cylch_payroll::Date;

    fn rates() -> Rates {
        Rates {
            day: 1_360,
            night: 1_400,
            weekend: 1_450,
            bank_holiday: 2_040,
            sleep_in_per_night: 8_000,
        }
    }

    fn line(day: Date, kind: LineKind, minutes: i64, woken: i64) -> ApprovedLine {
        ApprovedLine {
            id: TimesheetLineId::new(),
            day,
            kind,
            minutes,
            break_minutes: 0,
            minimum_wage_minutes: woken,
            sleep_in_nights: i64::from(kind == LineKind::SleepIn),
            people: vec![],
            replaces: None,
            replaced_by: None,
        }
    }

    #[test]
    fn rates_by_kind_and_weekday() {
        // Tuesday 12 May 2026, Saturday 16 May 2026.
        let tue = Date::new(2026, 5, 12).unwrap();
        let sat = Date::new(2026, 5, 16).unwrap();
        let g = gross(
            &[
                line(tue, LineKind::Day, 450, 450),
                line(sat, LineKind::Day, 60, 60),
                line(tue, LineKind::Night, 120, 120),
                line(tue, LineKind::SleepIn, 600, 45),
                line(tue, LineKind::Holiday, 60, 0),
                line(tue, LineKind::Sickness, 480, 0),
            ],
            &rates(),
            &BTreeMap::new(),
        )
        .unwrap();
        // By hand: 7.5 h × £13.60 = £102.00; 1 h × £14.50; 2 h × £14.00 =
        // £28.00; sleep-in £80.00 + 0.75 h × £14.00 = £10.50; holiday 1 h ×
        // £13.60; sickness unpaid here. Total £248.60.
        assert_eq!(g.pence, 24_860);
        assert_eq!(g.minutes, 450 + 60 + 120 + 45 + 60);
        assert_eq!(g.sleep_in_nights, 1);
        assert_eq!(g.lines.len(), 5);
    }

    #[test]
    fn rounds_the_total_once_half_a_penny_up() {
        let tue = Date::new(2026, 5, 12).unwrap();
        let r = Rates {
            day: 1_271,
            ..rates()
        };
        // 1 minute at 1,271p an hour is 21.183p; three such lines are
        // 63.55p, which rounds to 64p (per line it would be 3 × 21p = 63p).
        let lines: Vec<_> = (0..3).map(|_| line(tue, LineKind::Day, 1, 1)).collect();
        assert_eq!(gross(&lines, &r, &BTreeMap::new()).unwrap().pence, 64);
        // Exactly half a penny rounds up: 1 minute at 30p an hour.
        let half = Rates { day: 30, ..rates() };
        assert_eq!(
            gross(&[line(tue, LineKind::Day, 1, 1)], &half, &BTreeMap::new())
                .unwrap()
                .pence,
            1
        );
    }

    #[test]
    fn an_adjustment_replaces_its_line() {
        let tue = Date::new(2026, 5, 12).unwrap();
        let mut first = line(tue, LineKind::Day, 60, 60);
        let mut adjustment = line(tue, LineKind::Day, 90, 90);
        first.replaced_by = Some(adjustment.id.clone());
        adjustment.replaces = Some(first.id.clone());
        let g = gross(&[first, adjustment.clone()], &rates(), &BTreeMap::new()).unwrap();
        assert_eq!(g.pence, 2_040);
        assert_eq!(g.lines.len(), 1);
        assert_eq!(g.lines[0].line, adjustment.id);
    }

    #[test]
    fn an_adjustment_of_a_paid_line_pays_the_difference_and_paid_lines_are_not_paid_again() {
        let tue = Date::new(2026, 5, 12).unwrap();
        let mut first = line(tue, LineKind::Day, 60, 60);
        let mut adjustment = line(tue, LineKind::Day, 90, 90);
        let late = line(tue, LineKind::Day, 30, 30);
        first.replaced_by = Some(adjustment.id.clone());
        adjustment.replaces = Some(first.id.clone());
        let paid: BTreeMap<String, PaidLine> = [(
            first.id.as_str().to_owned(),
            PaidLine {
                line: first.id.clone(),
                rate: 1_360,
                minutes: 60,
                flat: 0,
            },
        )]
        .into();
        let g = gross(&[first, adjustment.clone(), late], &rates(), &paid).unwrap();
        // By hand: the adjustment adds 30 minutes (£6.80), the late line
        // 30 minutes (£6.80).
        assert_eq!(g.pence, 1_360);
        assert_eq!(g.minutes, 60);
        assert_eq!(g.lines.len(), 2);
        // A shorter adjustment takes the difference off: 30 minutes less,
        // -£6.80.
        let mut shorter = adjustment;
        shorter.minutes = 30;
        let g = gross(&[shorter], &rates(), &paid).unwrap();
        assert_eq!(g.pence, -680);
    }
}

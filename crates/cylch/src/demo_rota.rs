//! The demo's rota: the fortnight from today, each supported person's morning and
//! tea-time calls and Tomos's sleep-ins, each given to a PA who works with
//! them and may work it, turn and turn about. Where no PA may (Huw awaits
//! the council's authorisation, and a PA already on a call needs their
//! rest), the shift is left needing a PA, as a real rota would show it; one
//! Saturday call is left open on purpose, for the coordinator to fill.

use cylch_employment::rostering::ShiftKind;
use cylch_store::employment::EmploymentEntry;
use cylch_store::rota::{NewShift, RotaError};
use cylch_store::{CoopScope, EmploymentId, Store};
use jiff::civil::{Date, Time};

use crate::demo::DemoError;

/// One call of a day: its times (hour, minute), its kind, and whether only
/// Tomos has it.
struct Call {
    from: (i8, i8),
    to: (i8, i8),
    kind: ShiftKind,
    tomos_only: bool,
}

const CALLS: &[Call] = &[
    Call {
        from: (7, 30),
        to: (9, 30),
        kind: ShiftKind::Day,
        tomos_only: false,
    },
    Call {
        from: (17, 0),
        to: (19, 0),
        kind: ShiftKind::Day,
        tomos_only: false,
    },
    Call {
        from: (22, 0),
        to: (7, 0),
        kind: ShiftKind::SleepIn,
        tomos_only: true,
    },
];

fn data(e: impl std::fmt::Display) -> DemoError {
    DemoError::Data(e.to_string())
}

/// Puts the fortnight's shifts on the rota; returns how many have a PA.
pub async fn plan(
    store: &Store,
    scope: &CoopScope,
    people: [&String; 3],
) -> Result<usize, DemoError> {
    // From today: the PAs sign their statements on the day the demo loads,
    // so no earlier shift could have been theirs.
    let first = store.clock().today_in_wales();
    // Who works with whom, in the order the demo hired them.
    let mut pas: Vec<(EmploymentId, Vec<String>)> = Vec::new();
    for entry in store.employments(scope).await? {
        if let EmploymentEntry::Full(record) = entry {
            pas.push((
                record.id.clone(),
                record.works_with.iter().map(|w| w.person.clone()).collect(),
            ));
        }
    }
    let mut staffed = 0;
    let mut turn = 0usize;
    for offset in 0..14 {
        let day: Date = first
            .checked_add(jiff::Span::new().days(offset))
            .map_err(data)?;
        for (n, person) in people.iter().enumerate() {
            for (
                call,
                Call {
                    from,
                    to,
                    kind,
                    tomos_only,
                },
            ) in CALLS.iter().enumerate()
            {
                // Tomos (the third person) has a sleep-in three nights a week.
                if *tomos_only && (n != 2 || offset % 2 == 1) {
                    continue;
                }
                let start = day.to_datetime(Time::new(from.0, from.1, 0, 0).map_err(data)?);
                let end_day = if to < from {
                    day.tomorrow().map_err(data)?
                } else {
                    day
                };
                let end = end_day.to_datetime(Time::new(to.0, to.1, 0, 0).map_err(data)?);
                let shift = |pa: Option<EmploymentId>| NewShift {
                    start,
                    end,
                    kind: *kind,
                    break_minutes: 0,
                    people: vec![(*person).clone()],
                    pa,
                };
                let open_on_purpose = offset < 7
                    && day.weekday() == jiff::civil::Weekday::Saturday
                    && n == 1
                    && call == 1;
                let candidates: Vec<&EmploymentId> = pas
                    .iter()
                    .filter(|(_, with)| with.contains(person))
                    .map(|(id, _)| id)
                    .collect();
                let mut placed = false;
                if !open_on_purpose {
                    for k in 0..candidates.len() {
                        let pa = candidates[(turn + k) % candidates.len()];
                        match store.add_shift(scope, &shift(Some(pa.clone()))).await {
                            Ok(_) => {
                                placed = true;
                                break;
                            }
                            Err(RotaError::Unfit { .. }) => {}
                            Err(e) => return Err(data(e)),
                        }
                    }
                }
                if placed {
                    staffed += 1;
                } else {
                    store.add_shift(scope, &shift(None)).await.map_err(data)?;
                }
                turn += 1;
            }
        }
    }
    Ok(staffed)
}

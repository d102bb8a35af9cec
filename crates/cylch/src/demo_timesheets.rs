//! The demo's month of timesheets: each PA who may work has time with the
//! first person they support over the last five weeks, confirmed by the
//! PA; most is approved by the person the time was for, and one PA's
//! latest pay period waits for approval. The fortnight to come is on the
//! rota (see `demo_rota`).
//!
//! The past month is entered as the coordinator enters paper timesheets
//! (lines by hand): the demo's PAs sign their written statements on the
//! day the demo is loaded, so the rota's rules would keep them off any
//! earlier shift. Once the rota's shifts have passed, they are built into
//! the timesheets like any delivered shift.

use cylch_employment::rostering::ShiftKind;
use cylch_employment::timesheet::{Figures, LineKind};
use cylch_payroll::Date;
use cylch_store::employment::EmploymentEntry;
use cylch_store::rota::NewShift;
use cylch_store::timesheets::NewLine;
use cylch_store::{CoopScope, Store};
use jiff::civil::DateTime;

use crate::demo::DemoError;

fn data(e: impl std::fmt::Display) -> DemoError {
    DemoError::Data(e.to_string())
}

fn date_of(d: jiff::civil::Date) -> Result<Date, DemoError> {
    Date::new(
        i32::from(d.year()),
        u32::try_from(d.month()).unwrap_or(1),
        u32::try_from(d.day()).unwrap_or(1),
    )
    .map_err(data)
}

fn at(d: jiff::civil::Date, hour: i8, minute: i8) -> DateTime {
    d.at(hour, minute, 0, 0)
}

/// Loads the shifts and timesheets, as the co-operative's chair (`scope`).
pub async fn load(store: &Store, scope: &CoopScope) -> Result<(), DemoError> {
    let today = store.clock().today_in_wales();
    let members = store.members(scope).await?;
    let mut waiting_left = 1;
    for (n, entry) in store.employments(scope).await?.iter().enumerate() {
        let EmploymentEntry::Full(pa) = entry else {
            continue;
        };
        let Some(person) = pa.works_with.first() else {
            continue;
        };
        let Some(account) = &pa.details.account else {
            continue;
        };
        let mut placed = 0;
        for offset in (-35..=-1_i64).filter(|o| (o + n as i64).rem_euclid(3) == 0) {
            let day = today
                .checked_add(jiff::Span::new().days(offset))
                .map_err(data)?;
            let sleep_in = offset.rem_euclid(9) == 0;
            let shift = NewShift {
                start: if sleep_in {
                    at(day, 21, 0)
                } else {
                    at(day, 9, 0)
                },
                end: if sleep_in {
                    at(day.tomorrow().map_err(data)?, 7, 0)
                } else {
                    at(day, 15, 30)
                },
                kind: if sleep_in {
                    ShiftKind::SleepIn
                } else {
                    ShiftKind::Day
                },
                break_minutes: if sleep_in { 0 } else { 30 },
                people: vec![person.person.clone()],
                pa: Some(pa.id.clone()),
            };
            let line = NewLine {
                figures: Figures {
                    start: shift.start,
                    end: shift.end,
                    break_minutes: shift.break_minutes,
                    kind: LineKind::from(shift.kind),
                    woken_minutes: if sleep_in { 20 } else { 0 },
                },
                people: shift.people.clone(),
            };
            store
                .add_timesheet_line(scope, &pa.id, &line)
                .await
                .map_err(data)?;
            placed += 1;
        }
        if placed == 0 {
            continue;
        }
        let own = store
            .scope(account, scope.coop_id())
            .await?
            .ok_or_else(|| data("a PA is not a member"))?;
        for offset in [-35, -18, -1] {
            let on = date_of(
                today
                    .checked_add(jiff::Span::new().days(offset))
                    .map_err(data)?,
            )?;
            if store.confirm_timesheet(&own, &pa.id, on).await.is_err() {
                // Nothing waits in that pay period.
                continue;
            }
            // One PA's latest time waits for the person it was for.
            if offset == -1 && waiting_left > 0 {
                waiting_left -= 1;
                continue;
            }
            for member in &members {
                let Some(approver) = store.scope(&member.account, scope.coop_id()).await? else {
                    continue;
                };
                if store
                    .approve_timesheet(&approver, &pa.id, on, &person.person)
                    .await
                    .is_ok()
                {
                    break;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use cylch_domain::EmailAddress;
    use cylch_employment::timesheet::TimesheetState;
    use cylch_store::testing::{Backend, fresh_store};
    use cylch_web::PasswordHasher;

    async fn the_demo_has_timesheets(backend: Backend) {
        let Some(store) = fresh_store(backend).await else {
            return;
        };
        assert!(
            crate::demo::load(&store, &PasswordHasher::new())
                .await
                .unwrap()
        );
        let carys = store
            .account_by_email(&EmailAddress::parse("carys@demo.cylch.example").unwrap())
            .await
            .unwrap()
            .unwrap();
        let scope = store
            .coops_of(&carys.id)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.coop().kind == cylch_domain::CoopKind::Family)
            .unwrap();
        let sheets = store.timesheets(&scope).await.unwrap();
        let states: Vec<TimesheetState> = sheets.iter().map(|s| s.state).collect();
        assert!(states.contains(&TimesheetState::Locked), "{states:?}");
        assert_eq!(
            states
                .iter()
                .filter(|s| **s == TimesheetState::ToApprove)
                .count(),
            1,
            "{states:?}"
        );
    }

    #[tokio::test]
    async fn the_demo_has_timesheets_on_sqlite() {
        the_demo_has_timesheets(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn the_demo_has_timesheets_on_postgres() {
        the_demo_has_timesheets(Backend::Postgres).await;
    }
}

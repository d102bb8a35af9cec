//! Timesheets in the store, on SQLite and PostgreSQL: built once from the
//! PA's delivered shifts, confirmed or corrected by the PA, approved by the
//! person the time was for, locked once approved and then changed only by
//! an adjustment approved the same way; whose timesheet each person sees;
//! two approvals at once count once; what pay runs read.

use cylch_domain::Language;
use cylch_employment::particulars::Statement;
use cylch_employment::rostering::ShiftKind;
use cylch_employment::timesheet::{
    Approver, Figures, LineField, LineKind, LineProblem, LineSource, LineState, NotApprover,
    TimesheetState,
};
use cylch_store::EmploymentId;
use cylch_store::rota::NewShift;
use cylch_store::testing::count_raw;
use cylch_store::timesheets::{NewLine, TimesheetError, TimesheetView};
use jiff::civil::DateTime;

use super::employment::{Family, all_checks, d, facts, family, hire_both, megan_record};
use super::*;

fn at(raw: &str) -> DateTime {
    raw.parse().unwrap()
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

/// Megan fit to work, with three shifts with Sioned in June 2026: one
/// delivered, one cancelled, one still to come when the clock is moved to
/// 20 June; then the clock is moved there.
async fn june(store: &Store, f: &Family) -> EmploymentId {
    let (megan, _) = hire_both(store, f).await;
    all_checks(store, f, &megan.id, d(2026, 3, 1)).await;
    let v1 = store
        .issue_statement(
            &f.chair,
            &megan.id,
            Statement::build(&megan_record(), &facts()),
            Language::Cy,
        )
        .await
        .unwrap();
    store
        .acknowledge_statement(&f.pa, &megan.id, v1.version)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for (start, end, kind, brk) in [
        ("2026-06-10T09:00", "2026-06-10T16:30", ShiftKind::Day, 30),
        ("2026-06-12T09:00", "2026-06-12T13:00", ShiftKind::Day, 0),
        (
            "2026-06-15T22:00",
            "2026-06-16T07:00",
            ShiftKind::SleepIn,
            0,
        ),
        ("2026-06-25T09:00", "2026-06-25T13:00", ShiftKind::Day, 0),
    ] {
        let (shift, _) = store
            .add_shift(
                &f.chair,
                &NewShift {
                    start: at(start),
                    end: at(end),
                    kind,
                    break_minutes: brk,
                    people: vec![f.sioned_id.clone()],
                    pa: Some(megan.id.clone()),
                },
            )
            .await
            .unwrap();
        ids.push(shift.id);
    }
    store.cancel_shift(&f.chair, &ids[1]).await.unwrap();
    store.clock().pin("2026-06-20T12:00:00Z".parse().unwrap());
    megan.id
}

on_both_databases!(building_twice_adds_each_delivered_shift_once, |store| {
    let f = family(&store).await;
    let megan = june(&store, &f).await;
    assert_eq!(
        store
            .build_timesheet(&f.pa, &megan, d(2026, 6, 20))
            .await
            .unwrap(),
        2
    );
    assert_eq!(
        store
            .build_timesheet(&f.chair, &megan, d(2026, 6, 7))
            .await
            .unwrap(),
        0
    );
    let sheet = store
        .timesheet(&f.pa, &megan, d(2026, 6, 10))
        .await
        .unwrap();
    assert_eq!(sheet.period.first, d(2026, 6, 6));
    assert_eq!(sheet.period.last, d(2026, 7, 5));
    assert_eq!(sheet.state, TimesheetState::ToConfirm);
    let lines = &sheet.lines;
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].minutes, 420);
    assert_eq!(lines[0].source, LineSource::Rota);
    assert_eq!(lines[1].figures.kind, LineKind::SleepIn);
    assert_eq!(lines[1].minimum_wage_minutes, 0);
    assert_eq!(
        count_raw(&store, "SELECT COUNT(*) FROM timesheet_lines").await,
        2
    );
    // Someone tied to nobody may not build it.
    assert!(matches!(
        store
            .build_timesheet(&f.other, &megan, d(2026, 6, 20))
            .await,
        Err(TimesheetError::NotFound)
    ));
});

on_both_databases!(
    the_pa_corrects_the_person_approves_and_then_only_an_adjustment_changes_it,
    |store| {
        let f = family(&store).await;
        let megan = june(&store, &f).await;
        store
            .build_timesheet(&f.chair, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        let sheet = store
            .timesheet(&f.pa, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        let day = sheet.lines[0].id.clone();
        // Sioned cannot approve before Megan confirms.
        assert!(matches!(
            store
                .approve_timesheet(&f.sioned, &megan, d(2026, 6, 20), &f.sioned_id)
                .await,
            Err(TimesheetError::NothingToApprove)
        ));
        // Only Megan corrects, with a reason.
        let later = figures("2026-06-10T09:00", "2026-06-10T17:30", 30, LineKind::Day);
        assert!(matches!(
            store
                .correct_timesheet_line(&f.chair, &megan, &day, later, "Stayed late")
                .await,
            Err(TimesheetError::NotThePa)
        ));
        let Err(TimesheetError::Invalid(problems)) = store
            .correct_timesheet_line(&f.pa, &megan, &day, later, " ")
            .await
        else {
            panic!("accepted without a reason");
        };
        assert_eq!(problems, vec![(LineField::Reason, LineProblem::NoReason)]);
        store
            .correct_timesheet_line(&f.pa, &megan, &day, later, "Stayed late for the doctor")
            .await
            .unwrap();
        store
            .confirm_timesheet(&f.pa, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        let sheet = store
            .timesheet(&f.pa, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        assert_eq!(sheet.lines[0].minutes, 480);
        assert_eq!(
            sheet.lines[0].original,
            Some(figures(
                "2026-06-10T09:00",
                "2026-06-10T16:30",
                30,
                LineKind::Day
            ))
        );
        assert_eq!(sheet.state, TimesheetState::ToApprove);
        // Megan may not approve her own time; the chair may not approve
        // what Sioned approves herself.
        assert!(matches!(
            store
                .approve_timesheet(&f.pa, &megan, d(2026, 6, 20), &f.sioned_id)
                .await,
            Err(TimesheetError::NotFound | TimesheetError::NotApprover(NotApprover::OwnTime))
        ));
        assert!(matches!(
            store
                .approve_timesheet(&f.chair, &megan, d(2026, 6, 20), &f.sioned_id)
                .await,
            Err(TimesheetError::NotApprover(NotApprover::NotTheirs))
        ));
        assert_eq!(
            store
                .approve_timesheet(&f.sioned, &megan, d(2026, 6, 20), &f.sioned_id)
                .await
                .unwrap(),
            2
        );
        let sheet = store
            .timesheet(&f.chair, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        assert_eq!(sheet.state, TimesheetState::Locked);
        // An approved timesheet cannot be changed.
        let again = figures("2026-06-10T09:00", "2026-06-10T18:00", 30, LineKind::Day);
        assert!(matches!(
            store
                .correct_timesheet_line(&f.pa, &megan, &day, again, "Later still")
                .await,
            Err(TimesheetError::Locked)
        ));
        let before = count_raw(&store, "SELECT COUNT(*) FROM audit_log").await;
        // A later correction is an adjustment, approved the same way.
        let adjustment = store
            .adjust_timesheet_line(&f.pa, &megan, &day, again, "Forgot the hand-over")
            .await
            .unwrap();
        assert!(count_raw(&store, "SELECT COUNT(*) FROM audit_log").await > before);
        assert!(matches!(
            store
                .adjust_timesheet_line(&f.pa, &megan, &day, later, "Twice")
                .await,
            Err(TimesheetError::NotAdjustable(_))
        ));
        let paid = store
            .approved_timesheet_lines(&f.chair, &megan, d(2026, 6, 6), d(2026, 7, 5))
            .await
            .unwrap();
        assert_eq!(paid.len(), 2, "the adjustment waits for approval");
        store
            .approve_timesheet(&f.sioned, &megan, d(2026, 6, 20), &f.sioned_id)
            .await
            .unwrap();
        let paid = store
            .approved_timesheet_lines(&f.chair, &megan, d(2026, 6, 6), d(2026, 7, 5))
            .await
            .unwrap();
        assert_eq!(paid.len(), 3);
        let original = paid.iter().find(|l| l.id == day).unwrap();
        assert_eq!(original.replaced_by.as_ref(), Some(&adjustment));
        let adj = paid.iter().find(|l| l.id == adjustment).unwrap();
        assert_eq!(adj.replaces.as_ref(), Some(&day));
        assert_eq!(adj.minutes, 510);
        assert_eq!(adj.people, vec![f.sioned_id.clone()]);
        let sleep = paid.iter().find(|l| l.kind == LineKind::SleepIn).unwrap();
        assert_eq!(sleep.sleep_in_nights, 1);
        assert_eq!(sleep.minutes, 540);
        let sheet = store
            .timesheet(&f.pa, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        assert_eq!(sheet.state, TimesheetState::Locked);
        assert_eq!(sheet.minutes(), 510 + 540);
        // Pay is the officers' business.
        assert!(
            store
                .approved_timesheet_lines(&f.pa, &megan, d(2026, 6, 6), d(2026, 7, 5))
                .await
                .is_err()
        );
    }
);

on_both_databases!(
    each_person_sees_only_their_own_and_the_coordinator_approves_when_chosen,
    |store| {
        let f = family(&store).await;
        let megan = june(&store, &f).await;
        store
            .build_timesheet(&f.chair, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        store
            .confirm_timesheet(&f.pa, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        // Tomos's representative and a member tied to nobody see nothing.
        for who in [&f.rep, &f.other] {
            assert!(matches!(
                store.timesheet(who, &megan, d(2026, 6, 20)).await,
                Err(TimesheetError::NotFound)
            ));
            assert!(store.timesheets(who).await.unwrap().is_empty());
        }
        let hers = store
            .timesheet(&f.sioned, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        assert_eq!(hers.view, TimesheetView::TheirPeople);
        assert_eq!(hers.awaiting_caller(), 2);
        // Only Sioned chooses for Sioned.
        assert!(matches!(
            store
                .choose_timesheet_approver(&f.chair, &f.sioned_id, Approver::Coordinator)
                .await,
            Err(TimesheetError::NotTheirChoice)
        ));
        store
            .choose_timesheet_approver(&f.sioned, &f.sioned_id, Approver::Coordinator)
            .await
            .unwrap();
        assert!(matches!(
            store
                .approve_timesheet(&f.sioned, &megan, d(2026, 6, 20), &f.sioned_id)
                .await,
            Err(TimesheetError::NotApprover(NotApprover::NotTheirs))
        ));
        // Two approvals at once count once.
        let (a, b) = tokio::join!(
            store.approve_timesheet(&f.chair, &megan, d(2026, 6, 20), &f.sioned_id),
            store.approve_timesheet(&f.chair, &megan, d(2026, 6, 20), &f.sioned_id),
        );
        let counts: Vec<usize> = [a, b].into_iter().filter_map(Result::ok).collect();
        assert_eq!(counts, vec![2]);
        assert_eq!(
            count_raw(
                &store,
                "SELECT COUNT(*) FROM audit_log WHERE record_kind = 'timesheet_line' AND after_json LIKE '%\"approved\":true%'"
            )
            .await,
            2
        );
        let sheet = store
            .timesheet(&f.pa, &megan, d(2026, 6, 20))
            .await
            .unwrap();
        assert!(sheet.lines.iter().all(|l| l.state == LineState::Approved));
    }
);

on_both_databases!(
    a_bad_line_by_hand_is_refused_whole_and_nothing_is_saved,
    |store| {
        let f = family(&store).await;
        let megan = june(&store, &f).await;
        let Err(TimesheetError::Invalid(problems)) = store
            .add_timesheet_line(
                &f.pa,
                &megan,
                &NewLine {
                    figures: figures("2026-06-18T17:00", "2026-06-18T09:00", 0, LineKind::Day),
                    people: vec![],
                },
            )
            .await
        else {
            panic!("accepted");
        };
        assert_eq!(
            problems,
            vec![
                (LineField::End, LineProblem::EndNotAfterStart),
                (LineField::People, LineProblem::NoPeople),
            ]
        );
        let Err(TimesheetError::Invalid(problems)) = store
            .add_timesheet_line(
                &f.pa,
                &megan,
                &NewLine {
                    figures: figures("2026-06-21T09:00", "2026-06-21T12:00", 0, LineKind::Day),
                    people: vec![f.tomos_id.clone()],
                },
            )
            .await
        else {
            panic!("accepted");
        };
        assert_eq!(
            problems,
            vec![
                (LineField::End, LineProblem::InFuture),
                (LineField::People, LineProblem::NotTheirPerson),
            ]
        );
        assert_eq!(
            count_raw(&store, "SELECT COUNT(*) FROM timesheets").await,
            0
        );
        assert_eq!(
            count_raw(&store, "SELECT COUNT(*) FROM timesheet_lines").await,
            0
        );
        // A holiday by hand: the PA's own line is confirmed as entered.
        store
            .add_timesheet_line(
                &f.pa,
                &megan,
                &NewLine {
                    figures: figures("2026-06-18T09:00", "2026-06-18T15:00", 0, LineKind::Holiday),
                    people: vec![f.sioned_id.clone()],
                },
            )
            .await
            .unwrap();
        let sheet = store
            .timesheet(&f.chair, &megan, d(2026, 6, 18))
            .await
            .unwrap();
        assert_eq!(sheet.lines[0].state, LineState::ToApprove);
        assert_eq!(sheet.lines[0].minimum_wage_minutes, 0);
        assert!(matches!(
            store
                .add_timesheet_line(
                    &f.sioned,
                    &megan,
                    &NewLine {
                        figures: figures("2026-06-18T09:00", "2026-06-18T15:00", 0, LineKind::Day),
                        people: vec![f.sioned_id.clone()],
                    },
                )
                .await,
            Err(TimesheetError::NeedsPaOrEmployer)
        ));
    }
);

//! Holiday and absence in the store, on SQLite and PostgreSQL: who asks,
//! who decides (never the PA), the balance a request may not exceed, the
//! dates the rules refuse with nothing saved, sickness that a supported
//! person sees only as days away, and every write audited.

use cylch_employment::absence::{AbsenceError, Amount, OtherLeave, Sickness, Span};
use cylch_employment::holiday::{HolidayError, PeriodHours};
use cylch_payroll::holiday::HOUR;
use cylch_store::employment::leave::{
    Decision, LeaveEntry, LeaveError, LeaveRecord, NewHoliday, RequestState,
};
use cylch_store::testing::count_raw;
use cylch_store::{CoopScope, EmploymentId};

use super::employment::{Family, d, family, hire_both, text};
use super::*;

/// 1 June 2026, mid-morning in Wales: Megan and Huw started on 1 May.
fn june(store: &Store) {
    store.clock().pin("2026-06-01T09:00:00Z".parse().unwrap());
}

fn days(first: (u32, u32), last: (u32, u32), n: i64) -> NewHoliday {
    NewHoliday {
        first: d(2026, first.0, first.1),
        last: d(2026, last.0, last.1),
        amount: Amount::Days(n * HOUR),
        note: Some(text("Family wedding")),
    }
}

async fn full(store: &Store, scope: &CoopScope, id: &EmploymentId) -> LeaveRecord {
    match store.leave(scope, id).await.unwrap() {
        LeaveEntry::Full(r) => *r,
        LeaveEntry::Away(_) => panic!("expected the full record"),
    }
}

async fn rows(store: &Store) -> i64 {
    count_raw(
        store,
        "SELECT (SELECT COUNT(*) FROM holiday_requests) + (SELECT COUNT(*) FROM sickness_absences) + (SELECT COUNT(*) FROM other_leave) + (SELECT COUNT(*) FROM audit_log)",
    )
    .await
}

async fn setup(store: &Store) -> (Family, EmploymentId, EmploymentId) {
    let f = family(store).await;
    let (megan, huw) = hire_both(store, &f).await;
    june(store);
    (f, megan.id, huw.id)
}

on_both_databases!(
    a_pa_asks_the_supported_person_approves_and_the_balance_falls,
    |store| {
        let (f, megan, _) = setup(&store).await;
        let before = full(&store, &f.pa, &megan).await;
        // 30 hours over 4 days from 1 May: 168 hours × 335 / 365 days.
        assert_eq!(before.this_year.balance.entitlement, 1_541_918);
        assert_eq!(before.day_length, Some(75_000));
        let asked = store
            .request_holiday(&f.pa, &megan, &days((6, 8), (6, 9), 2))
            .await
            .unwrap();
        assert_eq!(
            (asked.hours, asked.state),
            (15 * HOUR, RequestState::Requested)
        );
        assert_eq!(
            full(&store, &f.pa, &megan).await.this_year.pending,
            15 * HOUR
        );
        // Waiting for Sioned, whom Megan supports, and the chair; not for the
        // representative of Tomos, nor anyone else, nor Megan herself.
        for (scope, waiting) in [
            (&f.sioned, 1),
            (&f.chair, 1),
            (&f.rep, 0),
            (&f.other, 0),
            (&f.pa, 0),
        ] {
            assert_eq!(
                store.holiday_requests_awaiting(scope).await.unwrap().len(),
                waiting
            );
        }
        assert!(matches!(
            store
                .decide_holiday(&f.pa, &megan, &asked.id, &Decision::Approve)
                .await,
            Err(LeaveError::OwnRequest)
        ));
        assert!(matches!(
            store
                .decide_holiday(&f.rep, &megan, &asked.id, &Decision::Approve)
                .await,
            Err(LeaveError::NotFound)
        ));
        let approved = store
            .decide_holiday(&f.sioned, &megan, &asked.id, &Decision::Approve)
            .await
            .unwrap();
        assert_eq!(approved.state, RequestState::Approved);
        assert_eq!(approved.decided_by.as_deref(), Some("sioned"));
        let after = full(&store, &f.pa, &megan).await;
        assert_eq!(after.this_year.balance.booked, 15 * HOUR);
        assert_eq!(after.this_year.pending, 0);
        assert_eq!(after.this_year.remaining().unwrap(), 1_541_918 - 15 * HOUR);
        // Decided once: not again.
        assert!(matches!(
            store
                .decide_holiday(&f.chair, &megan, &asked.id, &Decision::Approve)
                .await,
            Err(LeaveError::NotAwaiting)
        ));
        let trail = store
            .audit_of_record("holiday_request", &asked.id)
            .await
            .unwrap();
        assert_eq!(trail.len(), 2);
        assert_eq!(trail[1].after.as_ref().unwrap()["state"], "approved");
    }
);

on_both_databases!(more_than_is_left_is_refused_with_what_is_left, |store| {
    let (f, megan, huw) = setup(&store).await;
    let before = rows(&store).await;
    let refused = store
        .request_holiday(&f.pa, &megan, &days((6, 1), (7, 31), 21))
        .await;
    assert!(
        matches!(refused, Err(LeaveError::NotEnough { asked, available }) if asked == 157 * HOUR + 5_000 && available == 1_541_918),
        "{refused:?}"
    );
    // What awaits a decision counts: two requests cannot share the hours.
    store
        .request_holiday(&f.pa, &megan, &days((6, 1), (6, 30), 20))
        .await
        .unwrap();
    let second = store
        .request_holiday(&f.pa, &megan, &days((7, 1), (7, 2), 2))
        .await;
    assert!(
        matches!(second, Err(LeaveError::NotEnough { available, .. }) if available == 1_541_918 - 150 * HOUR),
        "{second:?}"
    );
    // Huw's hours are irregular: nothing has accrued until hours worked are
    // recorded, then 12.07% of them.
    let nothing = store
        .request_holiday(
            &f.chair,
            &huw,
            &NewHoliday {
                first: d(2026, 6, 10),
                last: d(2026, 6, 10),
                amount: Amount::Hours(6 * HOUR),
                note: None,
            },
        )
        .await;
    assert!(matches!(
        nothing,
        Err(LeaveError::NotEnough { available: 0, .. })
    ));
    store
        .record_hours_worked(
            &f.chair,
            &huw,
            PeriodHours {
                period_end: d(2026, 5, 31),
                hours_worked: 100 * HOUR,
            },
        )
        .await
        .unwrap();
    let huw_leave = full(&store, &f.chair, &huw).await;
    assert_eq!(huw_leave.this_year.balance.entitlement, 120_700);
    assert_eq!(huw_leave.day_length, None);
    store
        .request_holiday(
            &f.chair,
            &huw,
            &NewHoliday {
                first: d(2026, 6, 10),
                last: d(2026, 6, 10),
                amount: Amount::Hours(6 * HOUR),
                note: None,
            },
        )
        .await
        .unwrap();
    // Two requests written with their entries, and the hours' entry; the
    // refusals wrote nothing.
    assert_eq!(rows(&store).await, before + 2 * 2 + 1);
});

on_both_databases!(dates_the_rules_refuse_save_nothing, |store| {
    let (f, megan, _) = setup(&store).await;
    let before = rows(&store).await;
    let refusals = [
        (days((6, 9), (6, 8), 1), "last before first"),
        (days((5, 3), (5, 3), 1), "too far back"),
        (
            NewHoliday {
                first: d(2027, 3, 30),
                last: d(2027, 4, 2),
                amount: Amount::Days(2 * HOUR),
                note: None,
            },
            "across years",
        ),
        (days((6, 8), (6, 8), 2), "more days than the dates hold"),
    ];
    let expected = [
        AbsenceError::LastBeforeFirst,
        AbsenceError::TooFarInPast,
        AbsenceError::AcrossLeaveYears,
        AbsenceError::MoreThanTheDays,
    ];
    for ((new, what), want) in refusals.iter().zip(expected) {
        let got = store.request_holiday(&f.pa, &megan, new).await;
        assert!(
            matches!(got, Err(LeaveError::Dates(e)) if e == want),
            "{what}: {got:?}"
        );
    }
    // Before Megan started: 1 May is her first day; the pinned today is
    // 1 June, so 20 May is within the four weeks allowed back.
    store.clock().pin("2026-05-10T09:00:00Z".parse().unwrap());
    assert!(matches!(
        store
            .request_holiday(&f.pa, &megan, &days((4, 29), (4, 30), 1))
            .await,
        Err(LeaveError::OutsideEmployment)
    ));
    june(&store);
    store
        .request_holiday(&f.pa, &megan, &days((6, 8), (6, 9), 2))
        .await
        .unwrap();
    assert!(matches!(
        store
            .request_holiday(&f.pa, &megan, &days((6, 9), (6, 10), 2))
            .await,
        Err(LeaveError::Overlaps)
    ));
    assert_eq!(rows(&store).await, before + 2);
    // The leave year: only the employer's officers set it; 29 February is
    // no start.
    assert!(matches!(
        store.set_leave_year_start(&f.pa, 1, 1).await,
        Err(LeaveError::NotAllowed)
    ));
    assert!(matches!(
        store.set_leave_year_start(&f.chair, 2, 29).await,
        Err(LeaveError::Holiday(HolidayError::LeaveYearStart))
    ));
    assert_eq!(store.leave_year_start(&f.chair).await.unwrap(), (4, 1));
    store.set_leave_year_start(&f.chair, 1, 1).await.unwrap();
    assert_eq!(store.leave_year_start(&f.chair).await.unwrap(), (1, 1));
    let year = full(&store, &f.pa, &megan).await.this_year.year;
    assert_eq!((year.first, year.last), (d(2026, 1, 1), d(2026, 12, 31)));
});

on_both_databases!(
    declined_and_cancelled_requests_give_the_hours_back,
    |store| {
        let (f, megan, _) = setup(&store).await;
        let a = store
            .request_holiday(&f.pa, &megan, &days((6, 8), (6, 9), 2))
            .await
            .unwrap();
        let declined = store
            .decide_holiday(
                &f.chair,
                &megan,
                &a.id,
                &Decision::Decline(text("Sioned's appointment that week")),
            )
            .await
            .unwrap();
        assert_eq!(declined.state, RequestState::Declined);
        assert_eq!(
            declined.decline_reason.as_ref().map(|t| t.as_str()),
            Some("Sioned's appointment that week")
        );
        let b = store
            .request_holiday(&f.pa, &megan, &days((6, 15), (6, 16), 2))
            .await
            .unwrap();
        store
            .decide_holiday(&f.sioned, &megan, &b.id, &Decision::Approve)
            .await
            .unwrap();
        // The other member may not cancel it; Megan may, before it begins.
        assert!(matches!(
            store.cancel_holiday(&f.other, &megan, &b.id).await,
            Err(LeaveError::NotFound)
        ));
        assert!(matches!(
            store.cancel_holiday(&f.sioned, &megan, &b.id).await,
            Err(LeaveError::NotAllowed)
        ));
        store.cancel_holiday(&f.pa, &megan, &b.id).await.unwrap();
        let leave = full(&store, &f.pa, &megan).await;
        assert_eq!(leave.this_year.balance.booked + leave.this_year.pending, 0);
        assert!(matches!(
            store.cancel_holiday(&f.pa, &megan, &b.id).await,
            Err(LeaveError::NotAwaiting)
        ));
        // Holiday that has begun is taken.
        let c = store
            .request_holiday(&f.pa, &megan, &days((5, 28), (6, 2), 4))
            .await
            .unwrap();
        store
            .decide_holiday(&f.chair, &megan, &c.id, &Decision::Approve)
            .await
            .unwrap();
        assert!(matches!(
            store.cancel_holiday(&f.pa, &megan, &c.id).await,
            Err(LeaveError::AlreadyBegun)
        ));
    }
);

on_both_databases!(
    sickness_is_seen_as_days_away_by_the_supported_person,
    |store| {
        let (f, megan, _) = setup(&store).await;
        let reason = text("Flu");
        let absence = store
            .record_sickness(
                &f.pa,
                &megan,
                &Sickness {
                    first: d(2026, 5, 25),
                    last: None,
                    fit_note_received: None,
                },
                Some(&reason),
            )
            .await
            .unwrap();
        // Eight days by 1 June, the weekend counted: a fit note is due.
        assert!(absence.sickness.fit_note_missing(d(2026, 6, 1)));
        let leave = full(&store, &f.chair, &megan).await;
        assert_eq!(leave.sickness[0].reason.as_ref(), Some(&reason));
        match store.leave(&f.sioned, &megan).await.unwrap() {
            LeaveEntry::Away(away) => {
                assert_eq!(
                    away.away,
                    vec![Span {
                        first: d(2026, 5, 25),
                        last: d(2026, 6, 1)
                    }]
                );
                assert!(!format!("{away:?}").contains("Flu"));
                assert!(!away.rights.record_sickness);
            }
            LeaveEntry::Full(_) => panic!("a supported person sees only days away"),
        }
        assert!(matches!(
            store.leave(&f.other, &megan).await,
            Err(LeaveError::NotFound)
        ));
        assert!(matches!(
            store.leave(&f.rep, &megan).await,
            Err(LeaveError::NotFound)
        ));
        // The reason never reaches the audit log.
        let trail = store
            .audit_of_record("sickness_absence", &absence.id)
            .await
            .unwrap();
        assert!(!format!("{:?}", trail[0].after).contains("Flu"));
        assert_eq!(trail[0].after.as_ref().unwrap()["reason_given"], true);
        // Back on 2 June, with a fit note from 1 June.
        let updated = store
            .update_sickness(
                &f.pa,
                &megan,
                &absence.id,
                Some(d(2026, 6, 2)),
                Some(d(2026, 6, 1)),
            )
            .await
            .unwrap();
        assert!(!updated.sickness.fit_note_missing(d(2026, 6, 3)));
        assert!(matches!(
            store
                .update_sickness(&f.pa, &megan, &absence.id, Some(d(2026, 5, 1)), None)
                .await,
            Err(LeaveError::Dates(AbsenceError::LastBeforeFirst))
        ));
        assert!(matches!(
            store
                .record_sickness(
                    &f.sioned,
                    &megan,
                    &Sickness {
                        first: d(2026, 5, 30),
                        last: None,
                        fit_note_received: None
                    },
                    None
                )
                .await,
            Err(LeaveError::NotAllowed)
        ));
        assert!(matches!(
            store
                .record_sickness(
                    &f.pa,
                    &megan,
                    &Sickness {
                        first: d(2026, 6, 2),
                        last: None,
                        fit_note_received: None
                    },
                    None
                )
                .await,
            Err(LeaveError::Dates(AbsenceError::SicknessInFuture))
        ));
        // Other leave: the officers record it, the PA does not.
        let span = Span::new(d(2026, 6, 20), d(2026, 6, 22)).unwrap();
        assert!(matches!(
            store
                .record_other_leave(&f.pa, &megan, OtherLeave::Compassionate, span, None)
                .await,
            Err(LeaveError::NotAllowed)
        ));
        store
            .record_other_leave(&f.chair, &megan, OtherLeave::Compassionate, span, None)
            .await
            .unwrap();
        match store.leave(&f.sioned, &megan).await.unwrap() {
            LeaveEntry::Away(away) => assert_eq!(away.away.len(), 2),
            LeaveEntry::Full(_) => panic!("a supported person sees only days away"),
        }
    }
);

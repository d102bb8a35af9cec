//! The rota in the store, on SQLite and PostgreSQL: a PA is put on a shift
//! only when every rule allows it, the refusal names every reason and
//! saves nothing; Cylch takes a PA off the shifts to come when a check
//! fails or their employment ends, once however many servers sweep; whose
//! shifts each person sees.

use cylch_domain::Language;
use cylch_employment::checks::{Dbs, DbsCertificateNumber, Missing, StatusOutcome, UpdateService};
use cylch_employment::employment::{
    CouncilAuthorisation, EndReason, Ending, Household, RateKind, Rates,
};
use cylch_employment::particulars::Statement;
use cylch_employment::rostering::{ShiftKind, Unfit};
use cylch_store::rota::{NewShift, RotaError, ShiftField, ShiftProblem};
use cylch_store::testing::count_raw;
use cylch_store::{EmploymentId, ShiftId};
use jiff::civil::DateTime;

use super::employment::{Family, all_checks, d, facts, family, hire_both, megan_record};
use super::*;

fn at(raw: &str) -> DateTime {
    raw.parse().unwrap()
}

fn shift(start: &str, end: &str, people: &[&str], pa: Option<&EmploymentId>) -> NewShift {
    NewShift {
        start: at(start),
        end: at(end),
        kind: ShiftKind::Day,
        break_minutes: 0,
        people: people.iter().map(|p| (*p).to_owned()).collect(),
        pa: pa.cloned(),
    }
}

/// Megan with every check in date and her statement acknowledged, her DBS
/// issued on `dbs_issued`.
async fn ready_megan(store: &Store, f: &Family, dbs_issued: cylch_payroll::Date) -> EmploymentId {
    let (megan, _) = hire_both(store, f).await;
    all_checks(store, f, &megan.id, dbs_issued).await;
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
    megan.id
}

fn reasons(err: RotaError) -> Vec<Unfit> {
    match err {
        RotaError::Unfit { reasons, .. } => reasons,
        other => panic!("{other:?}"),
    }
}

on_both_databases!(
    a_pa_whose_dbs_has_run_out_is_refused_and_nothing_is_saved,
    |store| {
        let f = family(&store).await;
        // Issued 10 June 2023: due for renewal after three years, on 10 June
        // 2026.
        let megan = ready_megan(&store, &f, d(2023, 6, 10)).await;
        let refused = store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-06-10T08:00",
                    "2026-06-10T12:00",
                    &[&f.sioned_id],
                    Some(&megan),
                ),
            )
            .await
            .unwrap_err();
        assert_eq!(
            reasons(refused),
            vec![Unfit::Check(Missing::DbsRecheckDue(d(2026, 6, 10)))]
        );
        assert_eq!(count_raw(&store, "SELECT COUNT(*) FROM shifts").await, 0);
        assert_eq!(
            count_raw(&store, "SELECT COUNT(*) FROM shift_people").await,
            0
        );
        // The day before it fell due she may work.
        let (ok, cautions) = store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-06-09T08:00",
                    "2026-06-09T12:00",
                    &[&f.sioned_id],
                    Some(&megan),
                ),
            )
            .await
            .unwrap();
        assert!(cautions.is_empty());
        assert_eq!(ok.pa.unwrap().employment, megan);
    }
);

on_both_databases!(a_bad_shift_is_refused_whole_at_its_fields, |store| {
    let f = family(&store).await;
    let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
    // The end before the start, and nobody to support.
    let Err(RotaError::Invalid(problems)) = store
        .add_shift(
            &f.chair,
            &shift("2026-06-01T12:00", "2026-06-01T08:00", &[], Some(&megan)),
        )
        .await
    else {
        panic!("accepted");
    };
    assert_eq!(
        problems,
        vec![
            (ShiftField::End, ShiftProblem::EndNotAfterStart),
            (ShiftField::People, ShiftProblem::NoPeople),
        ]
    );
    // 01:30 on 29 March 2026 never happens in Wales.
    let Err(RotaError::Invalid(problems)) = store
        .add_shift(
            &f.chair,
            &shift(
                "2026-03-29T01:30",
                "2026-03-29T04:00",
                &[&f.sioned_id],
                None,
            ),
        )
        .await
    else {
        panic!("accepted");
    };
    assert_eq!(
        problems,
        vec![(ShiftField::Start, ShiftProblem::ClocksGoForward)]
    );
    // Someone from another co-operative, or a PA who does not exist.
    let Err(RotaError::Invalid(problems)) = store
        .add_shift(
            &f.chair,
            &shift(
                "2026-06-01T08:00",
                "2026-06-01T12:00",
                &["0123456789abcdef0123456789abcdef"],
                None,
            ),
        )
        .await
    else {
        panic!("accepted");
    };
    assert_eq!(
        problems,
        vec![(ShiftField::People, ShiftProblem::NotSupportedHere)]
    );
    let stranger = EmploymentId::parse("0123456789abcdef0123456789abcdef").unwrap();
    let Err(RotaError::Invalid(problems)) = store
        .add_shift(
            &f.chair,
            &shift(
                "2026-06-01T08:00",
                "2026-06-01T12:00",
                &[&f.sioned_id],
                Some(&stranger),
            ),
        )
        .await
    else {
        panic!("accepted");
    };
    assert_eq!(problems, vec![(ShiftField::Pa, ShiftProblem::NoSuchPa)]);
    // Only the officers with the employer's duties plan the rota.
    assert!(matches!(
        store
            .add_shift(
                &f.pa,
                &shift(
                    "2026-06-01T08:00",
                    "2026-06-01T12:00",
                    &[&f.sioned_id],
                    None
                )
            )
            .await,
        Err(RotaError::NeedsEmployerDuties)
    ));
    assert_eq!(count_raw(&store, "SELECT COUNT(*) FROM shifts").await, 0);
    assert_eq!(
        count_raw(
            &store,
            "SELECT COUNT(*) FROM audit_log WHERE record_kind = 'shift'"
        )
        .await,
        0
    );
});

on_both_databases!(
    a_rate_below_the_minimum_on_the_shifts_day_is_refused,
    |store| {
        let f = family(&store).await;
        let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
        // £12.21 was the adult minimum until 31 March 2026; from 1 April it is
        // £12.71. Megan's record says £12.21 for every kind of hour.
        let mut low = megan_record();
        low.rates = Rates {
            day: 1_221,
            night: 1_221,
            weekend: 1_221,
            bank_holiday: 1_221,
            sleep_in_per_night: 8_000,
        };
        low.start = d(2026, 3, 1);
        store
            .update_employment(
                &f.chair,
                &megan,
                &low,
                &super::employment::details(Some(f.pa.account())),
            )
            .await
            .unwrap();
        let before = store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-03-31T08:00",
                    "2026-03-31T12:00",
                    &[&f.sioned_id],
                    Some(&megan),
                ),
            )
            .await;
        // The checks are dated April, so March is refused for them; but not
        // for the rate, which was lawful then.
        let before = reasons(before.unwrap_err());
        assert!(before.contains(&Unfit::Check(Missing::WrittenStatement)));
        assert!(
            !before.iter().any(|u| matches!(u, Unfit::Rate(..))),
            "{before:?}"
        );
        let after = reasons(
            store
                .add_shift(
                    &f.chair,
                    &shift(
                        "2026-04-21T08:00",
                        "2026-04-21T12:00",
                        &[&f.sioned_id],
                        Some(&megan),
                    ),
                )
                .await
                .unwrap_err(),
        );
        let kinds: Vec<RateKind> = after
            .iter()
            .filter_map(|u| match u {
                Unfit::Rate(kind, _) => Some(*kind),
                _ => None,
            })
            .collect();
        assert_eq!(kinds, RateKind::ALL.to_vec(), "{after:?}");
    }
);

on_both_databases!(
    a_relative_in_the_household_is_rostered_only_once_authorised,
    |store| {
        let f = family(&store).await;
        let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
        let mut relative = megan_record();
        relative.household = Household::RelativeInSameHousehold {
            authorisation: None,
        };
        store
            .update_employment(
                &f.chair,
                &megan,
                &relative,
                &super::employment::details(Some(f.pa.account())),
            )
            .await
            .unwrap();
        let (open, _) = store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-06-01T08:00",
                    "2026-06-01T12:00",
                    &[&f.sioned_id],
                    None,
                ),
            )
            .await
            .unwrap();
        assert_eq!(
            reasons(
                store
                    .assign_shift(&f.chair, &open.id, &megan)
                    .await
                    .unwrap_err()
            ),
            vec![Unfit::NeedsCouncilAuthorisation]
        );
        store
            .record_council_authorisation(
                &f.chair,
                &megan,
                CouncilAuthorisation {
                    reference: super::employment::text("DP/2026/114"),
                    date: d(2026, 4, 1),
                },
            )
            .await
            .unwrap();
        store
            .assign_shift(&f.chair, &open.id, &megan)
            .await
            .unwrap();
        assert_eq!(
            store
                .shift(&f.chair, &open.id)
                .await
                .unwrap()
                .pa
                .unwrap()
                .employment,
            megan
        );
    }
);

on_both_databases!(
    working_time_and_who_the_pa_works_with_are_checked,
    |store| {
        let f = family(&store).await;
        let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
        store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-06-01T15:00",
                    "2026-06-01T23:00",
                    &[&f.sioned_id],
                    Some(&megan),
                ),
            )
            .await
            .unwrap();
        // Eight hours' rest before an early start, where eleven are needed;
        // and Tomos is not someone Megan works with.
        let refused = reasons(
            store
                .add_shift(
                    &f.chair,
                    &shift(
                        "2026-06-02T07:00",
                        "2026-06-02T10:00",
                        &[&f.sioned_id, &f.tomos_id],
                        Some(&megan),
                    ),
                )
                .await
                .unwrap_err(),
        );
        let codes: Vec<&str> = refused.iter().map(Unfit::code).collect();
        assert_eq!(codes, vec!["not-their-pa", "daily-rest-too-short"]);
        // An eight-hour shift with no break planned is allowed, with a caution.
        let (_, cautions) = store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-06-04T08:00",
                    "2026-06-04T16:00",
                    &[&f.sioned_id],
                    Some(&megan),
                ),
            )
            .await
            .unwrap();
        assert_eq!(cautions.len(), 1);
    }
);

on_both_databases!(each_person_sees_only_the_shifts_that_are_theirs, |store| {
    let f = family(&store).await;
    let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
    let (sioneds, _) = store
        .add_shift(
            &f.chair,
            &shift(
                "2026-06-01T08:00",
                "2026-06-01T12:00",
                &[&f.sioned_id],
                Some(&megan),
            ),
        )
        .await
        .unwrap();
    let (tomoss, _) = store
        .add_shift(
            &f.chair,
            &shift("2026-06-01T09:00", "2026-06-01T11:00", &[&f.tomos_id], None),
        )
        .await
        .unwrap();
    let from = jiff::civil::date(2026, 6, 1);
    let ids = |shifts: Vec<cylch_store::rota::RotaShift>| -> Vec<ShiftId> {
        shifts.into_iter().map(|s| s.id).collect()
    };
    assert_eq!(
        ids(store.shifts(&f.chair, from, 7).await.unwrap()),
        vec![sioneds.id.clone(), tomoss.id.clone()]
    );
    assert_eq!(
        ids(store.shifts(&f.pa, from, 7).await.unwrap()),
        vec![sioneds.id.clone()]
    );
    assert_eq!(
        ids(store.shifts(&f.sioned, from, 7).await.unwrap()),
        vec![sioneds.id.clone()]
    );
    assert_eq!(
        ids(store.shifts(&f.rep, from, 7).await.unwrap()),
        vec![tomoss.id.clone()]
    );
    assert!(store.shifts(&f.other, from, 7).await.unwrap().is_empty());
    assert!(matches!(
        store.shift(&f.other, &sioneds.id).await,
        Err(RotaError::NotFound)
    ));
    assert!(matches!(
        store.shift(&f.rep, &sioneds.id).await,
        Err(RotaError::NotFound)
    ));
    // The window ends where it says: a day later shows neither.
    assert!(
        store
            .shifts(&f.chair, jiff::civil::date(2026, 6, 2), 7)
            .await
            .unwrap()
            .is_empty()
    );
});

on_both_databases!(
    new_information_on_the_dbs_takes_the_pa_off_the_shifts_to_come_once,
    |store| {
        let f = family(&store).await;
        let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
        let mut shifts = Vec::new();
        for day in ["2026-05-04", "2026-06-01", "2026-06-08"] {
            let (s, _) = store
                .add_shift(
                    &f.chair,
                    &shift(
                        &format!("{day}T08:00"),
                        &format!("{day}T12:00"),
                        &[&f.sioned_id],
                        Some(&megan),
                    ),
                )
                .await
                .unwrap();
            shifts.push(s.id);
        }
        // Nothing to take off while everything is in date.
        assert!(store.take_unfit_off_shifts().await.unwrap().is_empty());
        store.clock().pin("2026-05-20T09:00:00Z".parse().unwrap());
        // An Update Service status check shows new information.
        store
            .record_dbs(
                &f.chair,
                &megan,
                &Dbs {
                    certificate: DbsCertificateNumber::parse("001234567890").unwrap(),
                    issued: d(2026, 3, 1),
                    adults_barred_list: true,
                    update_service: Some(UpdateService {
                        last_status_check: d(2026, 5, 20),
                        outcome: StatusOutcome::NewInformation,
                    }),
                },
            )
            .await
            .unwrap();
        // Two servers sweep at once: each shift is taken off once.
        let (a, b) = tokio::join!(store.take_unfit_off_shifts(), store.take_unfit_off_shifts());
        let mut taken: Vec<ShiftId> = a
            .unwrap()
            .into_iter()
            .chain(b.unwrap())
            .map(|t| t.shift)
            .collect();
        taken.sort();
        let mut expected = vec![shifts[1].clone(), shifts[2].clone()];
        expected.sort();
        assert_eq!(taken, expected);
        assert_eq!(
        count_raw(
            &store,
            "SELECT COUNT(*) FROM audit_log WHERE record_kind = 'shift' AND actor_account_id IS NULL"
        )
        .await,
        2
    );
        // The shift already worked is history and keeps its PA; the others say
        // who was taken off and why.
        assert!(
            store
                .shift(&f.chair, &shifts[0])
                .await
                .unwrap()
                .pa
                .is_some()
        );
        let open = store.shift(&f.chair, &shifts[1]).await.unwrap();
        assert!(open.pa.is_none());
        let off = open.taken_off.unwrap();
        assert_eq!(off.pa.employment, megan);
        assert_eq!(off.reasons, vec!["dbs-new-information".to_owned()]);
        // The PA no longer sees a shift she is not on.
        let from = jiff::civil::date(2026, 6, 1);
        assert!(store.shifts(&f.pa, from, 14).await.unwrap().is_empty());
        assert!(store.take_unfit_off_shifts().await.unwrap().is_empty());
    }
);

on_both_databases!(
    an_ended_employment_takes_the_pa_off_shifts_after_the_last_day,
    |store| {
        let f = family(&store).await;
        let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
        let mut shifts = Vec::new();
        for day in ["2026-05-29", "2026-06-02"] {
            let (s, _) = store
                .add_shift(
                    &f.chair,
                    &shift(
                        &format!("{day}T08:00"),
                        &format!("{day}T12:00"),
                        &[&f.sioned_id],
                        Some(&megan),
                    ),
                )
                .await
                .unwrap();
            shifts.push(s.id);
        }
        store
            .end_employment(
                &f.chair,
                &megan,
                Ending {
                    last_day: d(2026, 5, 31),
                    reason: EndReason::Resigned,
                },
            )
            .await
            .unwrap();
        let taken = store.take_unfit_off_shifts().await.unwrap();
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].shift, shifts[1]);
        assert_eq!(taken[0].reasons, vec!["ended".to_owned()]);
        // The chair is the one to tell: this co-operative has no coordinator.
        assert_eq!(taken[0].tell.len(), 1);
        assert_eq!(taken[0].tell[0].email.as_str(), "cadeirydd@example.cymru");
        // Taking off a PA who is not there, or cancelling twice, is
        // refused; cancelling keeps the row.
        assert!(matches!(
            store.unassign_shift(&f.chair, &shifts[1]).await,
            Err(RotaError::NoPa)
        ));
        store.cancel_shift(&f.chair, &shifts[1]).await.unwrap();
        assert!(matches!(
            store.cancel_shift(&f.chair, &shifts[1]).await,
            Err(RotaError::Cancelled)
        ));
        assert!(store.shift(&f.chair, &shifts[1]).await.unwrap().cancelled);
        assert!(matches!(
            store.assign_shift(&f.chair, &shifts[1], &megan).await,
            Err(RotaError::Cancelled)
        ));
        assert_eq!(
            count_raw(
                &store,
                &format!(
                    "SELECT COUNT(*) FROM audit_log WHERE record_id = '{}' AND action = 'updated'",
                    shifts[1].as_str()
                )
            )
            .await,
            2
        );
    }
);

on_both_databases!(
    the_coops_settings_decide_when_checks_fall_due_and_what_warns,
    |store| {
        use cylch_employment::rostering::Caution;
        use cylch_store::employment::{EmployerSettings, SettingsError, SettingsField};

        let f = family(&store).await;
        // A DBS issued on 1 March 2026 is in date for three years by default.
        let megan = ready_megan(&store, &f, d(2026, 3, 1)).await;
        let in_force = store.employer_settings(&f.chair).await.unwrap();
        assert_eq!(in_force.settings, EmployerSettings::default());
        assert!(in_force.real_living_wage().is_none());
        let (june, cautions) = store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-06-01T08:00",
                    "2026-06-01T12:00",
                    &[&f.sioned_id],
                    Some(&megan),
                ),
            )
            .await
            .unwrap();
        assert!(cautions.is_empty());
        // Out-of-range settings are refused whole, and only officers change them.
        let wild = EmployerSettings {
            dbs_recheck_months: 0,
            references_required: 9,
            reference_weeks: 60,
            ..EmployerSettings::default()
        };
        let Err(SettingsError::Invalid(fields)) =
            store.set_employer_settings(&f.chair, &wild).await
        else {
            panic!("accepted");
        };
        assert_eq!(
            fields,
            vec![
                SettingsField::DbsRecheckMonths,
                SettingsField::ReferencesRequired,
                SettingsField::ReferenceWeeks
            ]
        );
        assert!(
            store
                .set_employer_settings(&f.pa, &EmployerSettings::default())
                .await
                .is_err()
        );
        // The Real Living Wage, once required with a dated figure, warns but
        // does not refuse: Megan's day rate is £13.60, below a £13.75 figure.
        let rlw = EmployerSettings {
            real_living_wage_required: true,
            ..EmployerSettings::default()
        };
        store.set_employer_settings(&f.chair, &rlw).await.unwrap();
        store
            .set_real_living_wage(&f.chair, d(2026, 4, 1), 1_375)
            .await
            .unwrap();
        let (may, cautions) = store
            .add_shift(
                &f.chair,
                &shift(
                    "2026-05-04T08:00",
                    "2026-05-04T12:00",
                    &[&f.sioned_id],
                    Some(&megan),
                ),
            )
            .await
            .unwrap();
        assert_eq!(
            cautions,
            vec![Caution::BelowRealLivingWage {
                kind: RateKind::Day,
                rate: 1_360,
                real_living_wage: 1_375
            }]
        );
        // A co-operative that re-checks every two months: Megan's DBS falls due
        // on 1 May, so both her shifts are taken off.
        let strict = EmployerSettings {
            dbs_recheck_months: 2,
            ..rlw
        };
        store
            .set_employer_settings(&f.chair, &strict)
            .await
            .unwrap();
        let mut taken: Vec<ShiftId> = store
            .take_unfit_off_shifts()
            .await
            .unwrap()
            .into_iter()
            .map(|t| {
                assert_eq!(t.reasons, vec!["dbs-recheck-due".to_owned()]);
                t.shift
            })
            .collect();
        taken.sort();
        let mut expected = vec![june.id, may.id];
        expected.sort();
        assert_eq!(taken, expected);
        assert_eq!(
        count_raw(
            &store,
            "SELECT COUNT(*) FROM audit_log WHERE record_kind IN ('employer_settings', 'real_living_wage')"
        )
        .await,
        3
    );
    }
);

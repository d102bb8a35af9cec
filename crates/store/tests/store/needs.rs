//! Needs and availability in the store, on SQLite and PostgreSQL: whose
//! records each person keeps, that another co-operative sees nothing, that
//! ending a routine keeps it, and that the roster instance built from the
//! records is one the roster crate's own parser, solver and checker accept,
//! across the autumn clock change.

use cylch_employment::absence::Sickness;
use cylch_store::people::PersonScopeError;
use cylch_store::rota::availability::{
    AvailabilityError, AvailabilityExceptionKind, AvailabilityField, AvailabilityProblem,
    Contracted,
};
use cylch_store::rota::instance::PlanError;
use cylch_store::rota::needs::{
    Call, ExceptionInput, ExtraCall, NeedField, NeedProblem, NeedsError, Preferences, RoutineInput,
    Skill, Times, Weekdays, WelshNeed,
};
use cylch_store::testing::count_raw;
use jiff::civil::{Date, Weekday};

use super::employment::{d, family, hire_both};
use super::*;

fn day(raw: &str) -> Date {
    raw.parse().unwrap()
}

fn times(start: &str, end: &str) -> Times {
    Times {
        start: start.parse().unwrap(),
        end: end.parse().unwrap(),
    }
}

fn every_day() -> Weekdays {
    use Weekday::*;
    Weekdays::of(&[
        Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
    ])
}

fn morning(shared_with: &[&str]) -> RoutineInput {
    RoutineInput {
        call: Call::Morning,
        weekdays: every_day(),
        times: times("07:30", "09:30"),
        pas_required: 1,
        skills: vec![],
        starts_on: day("2026-04-01"),
        shared_with: shared_with.iter().map(|s| (*s).to_owned()).collect(),
    }
}

on_both_databases!(a_person_keeps_their_own_needs_and_nobody_elses, |store| {
    let f = family(&store).await;
    // Sioned keeps hers, the representative Tomos's, the chair both.
    let sioned = store.needs_scope(&f.sioned, &f.sioned_id).await.unwrap();
    assert!(matches!(
        store.needs_scope(&f.sioned, &f.tomos_id).await,
        Err(PersonScopeError::Refused)
    ));
    let tomos = store.needs_scope(&f.rep, &f.tomos_id).await.unwrap();
    assert!(matches!(
        store.needs_scope(&f.rep, &f.sioned_id).await,
        Err(PersonScopeError::Refused)
    ));
    for other in [&f.pa, &f.other] {
        assert!(store.needs_people(other).await.unwrap().is_empty());
        assert!(matches!(
            store.needs_scope(other, &f.sioned_id).await,
            Err(PersonScopeError::Refused)
        ));
    }
    assert_eq!(store.needs_people(&f.chair).await.unwrap().len(), 2);

    let routine = store
        .add_routine(&f.sioned, &sioned, &morning(&[]))
        .await
        .unwrap();
    // Sharing with someone whose needs she does not keep is refused.
    let Err(NeedsError::Invalid(problems)) = store
        .add_routine(&f.sioned, &sioned, &morning(&[&f.tomos_id]))
        .await
    else {
        panic!("shared with a stranger");
    };
    assert_eq!(problems, vec![(NeedField::People, NeedProblem::NotYours)]);
    // The representative cannot reach Sioned's routine through Tomos.
    assert!(matches!(
        store
            .end_routine(&f.rep, &tomos, &routine, day("2026-05-01"))
            .await,
        Err(NeedsError::NotFound)
    ));
    assert!(
        store
            .needs(&f.rep, &tomos)
            .await
            .unwrap()
            .routines
            .is_empty()
    );

    // The chair shares a session between them; Sioned sees Tomos by first
    // name only, and may not change it alone.
    let chair_sioned = store.needs_scope(&f.chair, &f.sioned_id).await.unwrap();
    let shared = store
        .add_routine(&f.chair, &chair_sioned, &morning(&[&f.tomos_id]))
        .await
        .unwrap();
    let seen = store.needs(&f.sioned, &sioned).await.unwrap();
    let shared_seen = seen.routines.iter().find(|r| r.id == shared).unwrap();
    assert!(shared_seen.shared());
    assert!(matches!(
        store
            .end_routine(&f.sioned, &sioned, &shared, day("2026-05-01"))
            .await,
        Err(NeedsError::SharedWithOthers)
    ));
    assert_eq!(
        store.needs(&f.rep, &tomos).await.unwrap().routines.len(),
        1,
        "the shared session is Tomos's too"
    );

    // Ending keeps the routine, with its last day.
    store
        .end_routine(&f.sioned, &sioned, &routine, day("2026-05-31"))
        .await
        .unwrap();
    let after = store.needs(&f.sioned, &sioned).await.unwrap();
    let ended = after.routines.iter().find(|r| r.id == routine).unwrap();
    assert_eq!(ended.ended_on, Some(day("2026-05-31")));
    assert!(matches!(
        store
            .end_routine(&f.sioned, &sioned, &routine, day("2026-06-30"))
            .await,
        Err(NeedsError::Invalid(_))
    ));

    // Exceptions: a skip on a day the routine runs, and an extra call.
    let Err(NeedsError::Invalid(problems)) = store
        .add_need_exception(
            &f.sioned,
            &sioned,
            &ExceptionInput::Skip {
                date: day("2026-06-03"),
                routine: routine.clone(),
            },
        )
        .await
    else {
        panic!("skipped a day after the routine ended");
    };
    assert_eq!(problems, vec![(NeedField::Date, NeedProblem::NotThatDay)]);
    let extra = store
        .add_need_exception(
            &f.sioned,
            &sioned,
            &ExceptionInput::Extra {
                date: day("2026-05-09"),
                call: ExtraCall {
                    call: Call::Community,
                    times: times("13:00", "16:00"),
                    pas_required: 1,
                    skills: vec![],
                },
            },
        )
        .await
        .unwrap();
    assert!(matches!(
        store.remove_need_exception(&f.rep, &tomos, &extra).await,
        Err(NeedsError::NotFound)
    ));
    store
        .remove_need_exception(&f.sioned, &sioned, &extra)
        .await
        .unwrap();
    // Every change is in the audit trail.
    assert_eq!(
        count_raw(
            &store,
            "SELECT COUNT(*) FROM audit_log WHERE record_kind IN ('need_routine', 'need_exception')"
        )
        .await,
        5
    );
});

on_both_databases!(choices_of_pa_are_among_the_person_s_own_pas, |store| {
    let f = family(&store).await;
    let (megan, huw) = hire_both(&store, &f).await;
    let sioned = store.needs_scope(&f.sioned, &f.sioned_id).await.unwrap();
    let Err(NeedsError::Invalid(problems)) = store
        .set_need_preferences(
            &f.sioned,
            &sioned,
            &Preferences {
                welsh: WelshNeed::Required,
                preferred: vec![huw.id.clone()],
                not_wanted: vec![],
            },
        )
        .await
    else {
        panic!("chose a PA who does not work with her");
    };
    assert_eq!(
        problems,
        vec![(NeedField::Preferred, NeedProblem::NoSuchPa)]
    );
    store
        .set_need_preferences(
            &f.sioned,
            &sioned,
            &Preferences {
                welsh: WelshNeed::Required,
                preferred: vec![megan.id.clone()],
                not_wanted: vec![],
            },
        )
        .await
        .unwrap();
    let needs = store.needs(&f.sioned, &sioned).await.unwrap();
    assert_eq!(needs.preferences.welsh, WelshNeed::Required);
    assert_eq!(needs.preferences.preferred, vec![megan.id.clone()]);
    assert_eq!(needs.pas().len(), 1, "only her own PA is offered");
});

on_both_databases!(availability_is_the_pa_s_and_the_employer_s, |store| {
    let f = family(&store).await;
    let (megan, huw) = hire_both(&store, &f).await;
    let own = store
        .availability_scope(&f.pa, megan.id.as_str())
        .await
        .unwrap();
    assert!(own.own());
    for (scope, pa) in [
        (&f.pa, huw.id.as_str()),
        (&f.sioned, megan.id.as_str()),
        (&f.rep, huw.id.as_str()),
        (&f.other, megan.id.as_str()),
    ] {
        assert!(matches!(
            store.availability_scope(scope, pa).await,
            Err(AvailabilityError::NotFound)
        ));
    }
    assert_eq!(store.availability_pas(&f.pa).await.unwrap().len(), 1);
    assert_eq!(store.availability_pas(&f.chair).await.unwrap().len(), 2);
    assert!(store.availability_pas(&f.sioned).await.unwrap().is_empty());

    let slot = store
        .add_availability(&f.pa, &own, every_day(), times("07:00", "13:00"))
        .await
        .unwrap();
    store
        .add_availability_exception(
            &f.pa,
            &own,
            day("2026-05-12"),
            AvailabilityExceptionKind::Unavailable,
        )
        .await
        .unwrap();
    let Err(AvailabilityError::Invalid(problems)) = store
        .add_availability_exception(
            &f.pa,
            &own,
            day("2026-05-12"),
            AvailabilityExceptionKind::Unavailable,
        )
        .await
    else {
        panic!("the same day twice");
    };
    assert_eq!(
        problems,
        vec![(AvailabilityField::Date, AvailabilityProblem::AlreadyThatDay)]
    );
    // Megan's 30 hours are in her employment record; Huw's are agreed here.
    let Err(AvailabilityError::Invalid(problems)) =
        store.set_contracted_hours(&f.pa, &own, Some(600)).await
    else {
        panic!("hours set twice over");
    };
    assert_eq!(
        problems,
        vec![(
            AvailabilityField::Minutes,
            AvailabilityProblem::HoursInEmployment
        )]
    );
    let huw_scope = store
        .availability_scope(&f.chair, huw.id.as_str())
        .await
        .unwrap();
    store
        .set_contracted_hours(&f.chair, &huw_scope, Some(16 * 60))
        .await
        .unwrap();
    let mine = store.availability(&f.pa, &own).await.unwrap();
    assert_eq!(mine.contracted, Contracted::Employment(30 * 60));
    assert_eq!(mine.slots.len(), 1);
    assert_eq!(mine.exceptions.len(), 1);
    assert_eq!(
        store
            .availability(&f.chair, &huw_scope)
            .await
            .unwrap()
            .contracted,
        Contracted::Agreed(Some(16 * 60))
    );
    store.remove_availability(&f.pa, &own, &slot).await.unwrap();
    assert!(matches!(
        store.remove_availability(&f.chair, &huw_scope, &slot).await,
        Err(AvailabilityError::NotFound)
    ));
    assert_eq!(
        count_raw(
            &store,
            "SELECT COUNT(*) FROM audit_log WHERE record_kind IN ('pa_availability', 'pa_availability_exception', 'pa_contracted_hours')"
        )
        .await,
        4
    );
});

on_both_databases!(
    another_coop_sees_nothing_of_needs_or_availability,
    |store| {
        let f = family(&store).await;
        let (megan, _) = hire_both(&store, &f).await;
        let sioned = store.needs_scope(&f.chair, &f.sioned_id).await.unwrap();
        store
            .add_routine(&f.chair, &sioned, &morning(&[]))
            .await
            .unwrap();
        let admin = store
            .account_by_email(&email("admin@example.cymru"))
            .await
            .unwrap()
            .unwrap();
        let chair_b = person(&store, "arall@example.cymru", false).await;
        let coop_b = store
            .create_coop(
                &admin.id,
                &CoopName::parse("Cylch Arall").unwrap(),
                CoopKind::Family,
            )
            .await
            .unwrap();
        store
            .add_member(
                &admin.id,
                &coop_b.id,
                &chair_b.id,
                &CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Coordinator),
                None,
            )
            .await
            .unwrap();
        let b = store.scope(&chair_b.id, &coop_b.id).await.unwrap().unwrap();
        assert!(matches!(
            store.needs_scope(&b, &f.sioned_id).await,
            Err(PersonScopeError::NotFound)
        ));
        assert!(matches!(
            store.availability_scope(&b, megan.id.as_str()).await,
            Err(AvailabilityError::NotFound)
        ));
        let instance = store
            .roster_instance(&b, day("2026-05-04"), day("2026-05-10"))
            .await
            .unwrap();
        assert!(instance.people.is_empty() && instance.pas.is_empty() && instance.needs.is_empty());
        // Nobody but the officers exports the whole problem.
        assert!(matches!(
            store
                .roster_instance(&f.sioned, day("2026-05-04"), day("2026-05-10"))
                .await,
            Err(PlanError::NeedsEmployerDuties)
        ));
    }
);

on_both_databases!(
    the_instance_is_accepted_by_the_roster_checker_across_the_clock_change,
    |store| {
        let f = family(&store).await;
        let (megan, huw) = hire_both(&store, &f).await;
        let sioned = store.needs_scope(&f.chair, &f.sioned_id).await.unwrap();
        let tomos = store.needs_scope(&f.chair, &f.tomos_id).await.unwrap();
        store
            .set_need_preferences(
                &f.chair,
                &sioned,
                &Preferences {
                    welsh: WelshNeed::Required,
                    preferred: vec![megan.id.clone()],
                    not_wanted: vec![],
                },
            )
            .await
            .unwrap();
        let morning_routine = store
            .add_routine(&f.chair, &sioned, &morning(&[]))
            .await
            .unwrap();
        store
            .add_routine(
                &f.chair,
                &sioned,
                &RoutineInput {
                    call: Call::SleepIn,
                    weekdays: Weekdays::of(&[Weekday::Saturday]),
                    times: times("22:00", "08:00"),
                    pas_required: 1,
                    skills: vec![],
                    starts_on: day("2026-04-01"),
                    shared_with: vec![],
                },
            )
            .await
            .unwrap();
        store
            .add_routine(
                &f.chair,
                &tomos,
                &RoutineInput {
                    call: Call::Bed,
                    weekdays: every_day(),
                    times: times("20:00", "21:00"),
                    pas_required: 2,
                    skills: vec![Skill::Hoist],
                    starts_on: day("2026-04-01"),
                    shared_with: vec![],
                },
            )
            .await
            .unwrap();
        store
            .add_need_exception(
                &f.chair,
                &sioned,
                &ExceptionInput::Skip {
                    date: day("2026-10-22"),
                    routine: morning_routine.clone(),
                },
            )
            .await
            .unwrap();
        store
            .add_need_exception(
                &f.chair,
                &sioned,
                &ExceptionInput::Extra {
                    date: day("2026-10-23"),
                    call: ExtraCall {
                        call: Call::Community,
                        times: times("13:00", "15:00"),
                        pas_required: 1,
                        skills: vec![],
                    },
                },
            )
            .await
            .unwrap();
        let megan_scope = store
            .availability_scope(&f.chair, megan.id.as_str())
            .await
            .unwrap();
        store
            .add_availability(&f.chair, &megan_scope, every_day(), times("07:00", "16:00"))
            .await
            .unwrap();
        store
            .add_availability(
                &f.chair,
                &megan_scope,
                Weekdays::of(&[Weekday::Saturday]),
                times("21:00", "09:00"),
            )
            .await
            .unwrap();
        store
            .add_availability_exception(
                &f.chair,
                &megan_scope,
                day("2026-10-21"),
                AvailabilityExceptionKind::Unavailable,
            )
            .await
            .unwrap();
        let huw_scope = store
            .availability_scope(&f.chair, huw.id.as_str())
            .await
            .unwrap();
        store
            .add_availability(&f.chair, &huw_scope, every_day(), times("18:00", "22:00"))
            .await
            .unwrap();
        // Megan is off sick on the 20th.
        store.clock().pin("2026-10-20T09:00:00Z".parse().unwrap());
        store
            .record_sickness(
                &f.chair,
                &megan.id,
                &Sickness {
                    first: d(2026, 10, 20),
                    last: Some(d(2026, 10, 20)),
                    fit_note_received: None,
                },
                None,
            )
            .await
            .unwrap();

        // Monday 19 to Sunday 1 November: the clocks go back on the 25th.
        let instance = store
            .roster_instance(&f.chair, day("2026-10-19"), day("2026-11-01"))
            .await
            .unwrap();
        let json = serde_json::to_string(&instance).unwrap();
        let parsed = cylch_roster::instance::parse(&json).expect("the roster format accepts it");
        assert_eq!(parsed.days, 14);
        // 14 mornings less one skipped, 2 sleep-ins, 14 bed calls, one extra.
        assert_eq!(instance.needs.len(), 13 + 2 + 14 + 1);
        let sleep_in = instance
            .needs
            .iter()
            .find(|n| n.start == "2026-10-24T22:00")
            .unwrap();
        assert_eq!(sleep_in.end, "2026-10-25T08:00");
        assert_eq!(sleep_in.skills, vec!["welsh"], "Sioned asks for Welsh");
        // Eleven hours by the clock are eleven real hours plus the one the
        // clocks give back.
        let i = parsed.need_index()[sleep_in.id.as_str()];
        assert_eq!(parsed.needs[i].minutes(), 11 * 60);
        // Sick on the 20th, unavailable on the 21st: nothing those days.
        let megan_pa = instance
            .pas
            .iter()
            .find(|p| p.id == megan.id.as_str())
            .unwrap();
        assert!(megan_pa.skills.contains(&"welsh".to_owned()));
        assert_eq!(megan_pa.contracted_minutes_per_week, Some(30 * 60));
        assert!(
            megan_pa
                .available
                .iter()
                .all(|a| !a.start.starts_with("2026-10-20") && !a.start.starts_with("2026-10-21"))
        );
        // Huw does not work with Sioned, Megan not with Tomos.
        let sioned_row = instance
            .people
            .iter()
            .find(|p| p.id == f.sioned_id)
            .unwrap();
        assert_eq!(sioned_row.excluded_pas, vec![huw.id.as_str().to_owned()]);
        assert_eq!(sioned_row.preferred_pas, vec![megan.id.as_str().to_owned()]);

        // The roster crate solves it and its own checker accepts the answer.
        let solved = cylch_roster::cli::solve_json(&json, Some(2_000), 7);
        assert_eq!(solved.exit_status, 0, "{}", solved.output);
        let checked = cylch_roster::cli::check_json(&json, &solved.output);
        assert_eq!(checked.exit_status, 0, "{}", checked.output);
        // Tomos's bed calls need two PAs with the hoist: nobody has it.
        let solution: serde_json::Value = serde_json::from_str(&solved.output).unwrap();
        assert!(solution["unassigned"].as_array().unwrap().len() >= 14);
    }
);

use cylch_domain::CoopKind;
use cylch_governance::support::{
    CapacityChoice, CapacityRules, CiwRegistration, Counting, EndSupportError, MemberLink,
    SupportEndReason, SupportRefusal, SupportRegister,
};
use cylch_governance::{MemberId, PersonId};
use jiff::civil::date;

use crate::common::place;

fn four_from_january() -> SupportRegister {
    let mut register = SupportRegister::new();
    for person in ["ann", "bryn", "ceri", "dai"] {
        register
            .add(
                CoopKind::Family,
                CapacityRules::default(),
                None,
                place(person, date(2026, 1, 5)),
            )
            .unwrap();
    }
    register
}

#[test]
fn a_family_coop_supports_four_and_refuses_a_fifth_with_the_choices() {
    let register = four_from_january();
    assert_eq!(register.count_on(date(2026, 2, 1)), 4);
    let refusal = register
        .check_addition(
            CoopKind::Family,
            CapacityRules::default(),
            None,
            &place("elin", date(2026, 3, 1)),
        )
        .unwrap_err();
    let SupportRefusal::FourPersonLimit {
        current,
        limit,
        busiest_day,
        counting,
        ref choices,
    } = refusal
    else {
        panic!("expected the four-person limit, got {refusal:?}");
    };
    assert_eq!((current, limit), (4, 4));
    assert_eq!(busiest_day, date(2026, 3, 1));
    assert_eq!(counting, Counting::AtAnyOneTime);
    assert!(matches!(
        &choices[0],
        CapacityChoice::EndSomeonesSupport { people } if people.len() == 4
    ));
    assert!(choices.contains(&CapacityChoice::RegisterWithCiw {
        becomes_citizen_led: true
    }));
    assert!(choices.contains(&CapacityChoice::FormAnotherCoop));
    // Nobody's support is due to end, so starting later is not offered.
    assert!(
        !choices
            .iter()
            .any(|c| matches!(c, CapacityChoice::StartLater { .. }))
    );
    let message = refusal.to_string();
    assert!(
        message.contains("at most 4 people at any one time"),
        "{message}"
    );
    assert!(message.contains("Care Inspectorate Wales"), "{message}");
}

#[test]
fn support_ending_on_a_day_frees_the_place_from_that_day() {
    let mut register = four_from_january();
    register
        .end(
            &PersonId::new("dai"),
            date(2026, 6, 30),
            SupportEndReason::MovedAway,
        )
        .unwrap();
    assert_eq!(register.count_on(date(2026, 6, 29)), 4);
    assert_eq!(register.count_on(date(2026, 6, 30)), 3);

    // The day before is still full, and the refusal says when a place frees.
    let refusal = register
        .check_addition(
            CoopKind::Family,
            CapacityRules::default(),
            None,
            &place("elin", date(2026, 6, 29)),
        )
        .unwrap_err();
    let SupportRefusal::FourPersonLimit { choices, .. } = refusal else {
        panic!("expected the limit");
    };
    assert!(choices.contains(&CapacityChoice::StartLater {
        first_free_day: date(2026, 6, 30)
    }));

    register
        .add(
            CoopKind::Family,
            CapacityRules::default(),
            None,
            place("elin", date(2026, 6, 30)),
        )
        .unwrap();
    assert_eq!(register.count_on(date(2026, 6, 30)), 4);
    // History is kept: five places, one of them ended, with its reason.
    assert_eq!(register.places().len(), 5);
    let dai = &register.places()[3];
    assert_eq!(dai.ends, Some(date(2026, 6, 30)));
    assert_eq!(dai.end_reason, Some(SupportEndReason::MovedAway));
}

#[test]
fn a_place_already_booked_for_later_counts_on_its_start_day() {
    let mut register = SupportRegister::new();
    let rules = CapacityRules::default();
    for person in ["ann", "bryn", "ceri"] {
        register
            .add(
                CoopKind::Family,
                rules,
                None,
                place(person, date(2026, 1, 5)),
            )
            .unwrap();
    }
    register
        .add(
            CoopKind::Family,
            rules,
            None,
            place("dai", date(2026, 9, 1)),
        )
        .unwrap();
    // Elin from March with no end would make five in September.
    let refusal = register
        .check_addition(
            CoopKind::Family,
            rules,
            None,
            &place("elin", date(2026, 3, 1)),
        )
        .unwrap_err();
    assert!(matches!(
        refusal,
        SupportRefusal::FourPersonLimit { busiest_day, current: 4, .. } if busiest_day == date(2026, 9, 1)
    ));
    // A short spell ending before Dai starts is fine.
    let mut short = place("elin", date(2026, 3, 1));
    short.ends = Some(date(2026, 9, 1));
    register.add(CoopKind::Family, rules, None, short).unwrap();
}

#[test]
fn a_citizen_led_coop_goes_past_four_only_from_its_ciw_registration() {
    let register = {
        let mut r = SupportRegister::new();
        for person in ["ann", "bryn", "ceri", "dai"] {
            r.add(
                CoopKind::CitizenLed,
                CapacityRules::default(),
                None,
                place(person, date(2026, 1, 5)),
            )
            .unwrap();
        }
        r
    };
    let rules = CapacityRules::default();
    let fifth = place("elin", date(2026, 5, 1));
    let refusal = register
        .check_addition(CoopKind::CitizenLed, rules, None, &fifth)
        .unwrap_err();
    assert!(matches!(
        refusal,
        SupportRefusal::FourPersonLimit { ref choices, .. }
            if choices.contains(&CapacityChoice::RegisterWithCiw { becomes_citizen_led: false })
    ));

    let registered_april = CiwRegistration {
        registration_number: "SIN-00012345".into(),
        registered_on: date(2026, 4, 1),
    };
    register
        .check_addition(CoopKind::CitizenLed, rules, Some(&registered_april), &fifth)
        .unwrap();

    // Registration recorded but not yet in force on the start day.
    let registered_june = CiwRegistration {
        registered_on: date(2026, 6, 1),
        ..registered_april
    };
    assert!(
        register
            .check_addition(CoopKind::CitizenLed, rules, Some(&registered_june), &fifth)
            .is_err()
    );
    register
        .check_addition(
            CoopKind::CitizenLed,
            rules,
            Some(&registered_june),
            &place("elin", date(2026, 6, 1)),
        )
        .unwrap();
}

#[test]
fn a_recorded_ciw_registration_lifts_the_limit_for_a_family_coop_too() {
    let register = four_from_january();
    let registration = CiwRegistration {
        registration_number: "SIN-1".into(),
        registered_on: date(2026, 1, 1),
    };
    register
        .check_addition(
            CoopKind::Family,
            CapacityRules::default(),
            Some(&registration),
            &place("elin", date(2026, 3, 1)),
        )
        .unwrap();
}

#[test]
fn a_pa_coop_supports_nobody() {
    let register = SupportRegister::new();
    assert_eq!(
        register.check_addition(
            CoopKind::PaCoop,
            CapacityRules::default(),
            None,
            &place("ann", date(2026, 1, 5)),
        ),
        Err(SupportRefusal::PaCoopProvidesNoSupport)
    );
}

#[test]
fn everyone_supported_is_a_member_or_represented() {
    let register = SupportRegister::new();
    let mut outsider = place("ann", date(2026, 1, 5));
    outsider.link = MemberLink::NotAMember;
    assert_eq!(
        register.check_addition(CoopKind::Family, CapacityRules::default(), None, &outsider),
        Err(SupportRefusal::NotAMember)
    );
    let relaxed = CapacityRules {
        require_membership: false,
        ..CapacityRules::default()
    };
    register
        .check_addition(CoopKind::Family, relaxed, None, &outsider)
        .unwrap();
    let mut represented = outsider;
    represented.link = MemberLink::RepresentedBy(MemberId::new("mam"));
    register
        .check_addition(
            CoopKind::Family,
            CapacityRules::default(),
            None,
            &represented,
        )
        .unwrap();
}

#[test]
fn a_person_has_one_place_at_a_time_and_dates_must_run_forwards() {
    let mut register = four_from_january();
    let again = place("ann", date(2026, 2, 1));
    assert!(matches!(
        register.check_addition(CoopKind::Family, CapacityRules::default(), None, &again),
        Err(SupportRefusal::AlreadySupported { .. })
    ));
    let mut backwards = place("elin", date(2026, 2, 1));
    backwards.ends = Some(date(2026, 1, 1));
    assert!(matches!(
        register.check_addition(CoopKind::Family, CapacityRules::default(), None, &backwards),
        Err(SupportRefusal::EndsBeforeStart { .. })
    ));
    assert!(matches!(
        register.end(
            &PersonId::new("ann"),
            date(2025, 12, 1),
            SupportEndReason::Other
        ),
        Err(EndSupportError::EndsBeforeStart { .. })
    ));
    assert!(matches!(
        register.end(
            &PersonId::new("nobody"),
            date(2026, 2, 1),
            SupportEndReason::Other
        ),
        Err(EndSupportError::NoOpenPlace { .. })
    ));
    register
        .end(
            &PersonId::new("ann"),
            date(2026, 3, 1),
            SupportEndReason::NoLongerNeeded,
        )
        .unwrap();
    // Ann may come back after her support ended.
    register
        .add(
            CoopKind::Family,
            CapacityRules::default(),
            None,
            place("ann", date(2026, 4, 1)),
        )
        .unwrap();
}

#[test]
fn counting_everyone_ever_refuses_a_fifth_person_even_after_an_ending() {
    let rules = CapacityRules {
        counting: Counting::EveryoneEver,
        ..CapacityRules::default()
    };
    let mut register = SupportRegister::new();
    for person in ["ann", "bryn", "ceri", "dai"] {
        register
            .add(
                CoopKind::Family,
                rules,
                None,
                place(person, date(2026, 1, 5)),
            )
            .unwrap();
    }
    register
        .end(
            &PersonId::new("dai"),
            date(2026, 2, 1),
            SupportEndReason::Died,
        )
        .unwrap();
    assert!(matches!(
        register.check_addition(
            CoopKind::Family,
            rules,
            None,
            &place("elin", date(2026, 3, 1))
        ),
        Err(SupportRefusal::FourPersonLimit {
            counting: Counting::EveryoneEver,
            ..
        })
    ));
}

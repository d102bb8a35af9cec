//! Employing PAs in the store, on SQLite and PostgreSQL: a record is
//! checked whole at the boundary and nothing is saved when it is wrong; the
//! NI number never reaches the audit log in full; whose record each person
//! sees; the checks before a shift; rule 10 on paying a relative; the
//! written statement's versions, acknowledged only by the PA.

use cylch_domain::Language;
use cylch_employment::checks::{
    Course, Dbs, DbsCertificateNumber, DueItem, EmployersLiability, Missing, Reference,
    RightToWork, RightToWorkLimit, RightToWorkMethod, Training,
};
use cylch_employment::employment::{
    CouncilAuthorisation, EndReason, Ending, Engagement, Field, Hours, Household, PensionChoice,
    Problem, Rates, Starter, StarterDeclaration,
};
use cylch_employment::ni_number::NiNumberError;
use cylch_employment::particulars::{EmployerFacts, Statement, Value};
use cylch_employment::text::Text;
use cylch_employment::{Employment, NiNumber};
use cylch_payroll::holiday::HOUR;
use cylch_payroll::{Date, Frequency, TaxCode};
use cylch_store::employment::{
    EmploymentEntry, EmploymentError, EmploymentRecord, NotPayable, PaDetails,
};
use cylch_store::support::NewSupportedPerson;
use cylch_store::testing::count_raw;
use cylch_store::{AccountId, CoopScope, EmploymentId};

use super::*;

pub(crate) fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

pub(crate) fn text(s: &str) -> Text {
    Text::parse(s).unwrap()
}

/// Megan, 30, 30 hours over 4 days from 1 May 2026.
pub(super) fn megan_record() -> Employment {
    Employment {
        name: name("Megan Jones"),
        born: d(1996, 3, 14),
        ni_number: Some(NiNumber::parse("AB 12 34 56 C").unwrap()),
        start: d(2026, 5, 1),
        continuous_from: None,
        job_title: text("Personal Assistant"),
        place_of_work: text("The supported person's home, Aberystwyth"),
        engagement: Engagement::Employee,
        household: Household::Unrelated,
        hours: Hours::Fixed {
            weekly: 30 * HOUR,
            days_per_week: 4 * HOUR,
            part_year: false,
        },
        rates: Rates {
            day: 1_360,
            night: 1_400,
            weekend: 1_450,
            bank_holiday: 2_040,
            sleep_in_per_night: 8_000,
        },
        pay_frequency: Frequency::Monthly,
        starter: Starter::Declaration(StarterDeclaration::B),
        pension: PensionChoice::Assess,
        probation: None,
        fixed_term_end: None,
        notice_from_employer_weeks: 1,
        notice_from_worker_weeks: 1,
        ending: None,
    }
}

pub(super) fn huw_record() -> Employment {
    Employment {
        name: name("Huw Evans"),
        born: d(1980, 11, 2),
        ni_number: Some(NiNumber::parse("JZ987654D").unwrap()),
        hours: Hours::Irregular,
        ..megan_record()
    }
}

pub(super) fn details(account: Option<&AccountId>) -> PaDetails {
    PaDetails {
        account: account.cloned(),
        address: text("2 Heol y Bont, Aberystwyth"),
        duties: Some(text("Personal care, cooking, getting out and about")),
        welsh_speaker: true,
        tax_code: Some(TaxCode::parse("C1257L").unwrap()),
        student_loan: Some(cylch_employment::employment::StudentLoanPlan::Plan2),
        postgraduate_loan: true,
    }
}

pub(super) fn facts() -> EmployerFacts {
    EmployerFacts {
        name: text("Cylch Cyflogi Cyf"),
        address: text("1 Stryd Fawr, Aberystwyth"),
        sick_leave_and_pay: Some(Value::ReferTo(text("Sickness policy"))),
        other_paid_leave: Some(Value::None),
        benefits: Some(Value::None),
        work_abroad: Some(Value::None),
        required_training: Some(Value::Text(text("Moving and handling, first aid"))),
        pension_scheme: None,
        collective_agreements: Some(Value::None),
        other_training: None,
        disciplinary: None,
        grievance: None,
    }
}

/// The people of one family co-operative, each signed in as themself.
pub(crate) struct Family {
    pub(crate) chair: CoopScope,
    pub(crate) pa: CoopScope,
    /// A supported person who is a member.
    pub(crate) sioned: CoopScope,
    pub(crate) sioned_id: String,
    /// The representative of Tomos, who is supported but not a member.
    pub(crate) rep: CoopScope,
    pub(crate) tomos_id: String,
    /// A member tied to nobody.
    pub(crate) other: CoopScope,
}

pub(crate) async fn family(store: &Store) -> Family {
    // 20 April 2026, mid-morning in Wales.
    store.clock().pin("2026-04-20T09:00:00Z".parse().unwrap());
    let (coop, chair, _) = coop_with_members(
        store,
        "Cylch Cyflogi",
        ("cadeirydd@example.cymru", Office::Chair),
        MemberClass::FamilyOrCarer,
        "aelod",
        0,
    )
    .await;
    let mut scopes = Vec::new();
    for (address, class) in [
        ("megan@example.cymru", MemberClass::Pa),
        ("sioned@example.cymru", MemberClass::SupportedPerson),
        ("rep@example.cymru", MemberClass::Representative),
        ("other@example.cymru", MemberClass::FamilyOrCarer),
    ] {
        let account = person(store, address, false).await;
        store
            .add_member(
                &chair.id,
                &coop.id,
                &account.id,
                &CoopRoles::member(class),
                None,
            )
            .await
            .unwrap();
        scopes.push(store.scope(&account.id, &coop.id).await.unwrap().unwrap());
    }
    let chair = store.scope(&chair.id, &coop.id).await.unwrap().unwrap();
    let [pa, sioned, rep, other] = <[CoopScope; 4]>::try_from(scopes).unwrap();
    let sioned_id = store
        .add_supported_person(
            &chair,
            NewSupportedPerson {
                name: "Sioned",
                member_account: Some(sioned.account()),
                represented_by: None,
                starts_on: "2026-04-01".parse().unwrap(),
            },
        )
        .await
        .unwrap()
        .id;
    let tomos_id = store
        .add_supported_person(
            &chair,
            NewSupportedPerson {
                name: "Tomos",
                member_account: None,
                represented_by: Some(rep.account()),
                starts_on: "2026-04-01".parse().unwrap(),
            },
        )
        .await
        .unwrap()
        .id;
    Family {
        chair,
        pa,
        sioned,
        sioned_id,
        rep,
        tomos_id,
        other,
    }
}

/// Megan (who signs in as the PA) works with Sioned; Huw (no sign-in) with
/// Tomos.
pub(crate) async fn hire_both(store: &Store, f: &Family) -> (EmploymentRecord, EmploymentRecord) {
    let megan = store
        .hire(&f.chair, &megan_record(), &details(Some(f.pa.account())))
        .await
        .unwrap();
    let huw = store
        .hire(&f.chair, &huw_record(), &details(None))
        .await
        .unwrap();
    store
        .link_person(&f.chair, &megan.id, &f.sioned_id, false)
        .await
        .unwrap();
    store
        .link_person(&f.chair, &huw.id, &f.tomos_id, false)
        .await
        .unwrap();
    (megan, huw)
}

fn is_not_found<T: std::fmt::Debug>(r: Result<T, EmploymentError>) -> bool {
    matches!(r, Err(EmploymentError::NotFound))
}

/// Every check on file but the written statement, with a DBS certificate
/// issued on `dbs_issued`.
pub(super) async fn all_checks(store: &Store, f: &Family, id: &EmploymentId, dbs_issued: Date) {
    store
        .record_right_to_work(
            &f.chair,
            id,
            &RightToWork {
                method: RightToWorkMethod::ManualDocument,
                checked_on: d(2026, 4, 1),
                checked_by: name("Cadeirydd"),
                limit: RightToWorkLimit::Unlimited,
            },
        )
        .await
        .unwrap();
    store
        .record_dbs(
            &f.chair,
            id,
            &Dbs {
                certificate: DbsCertificateNumber::parse("001234567890").unwrap(),
                issued: dbs_issued,
                adults_barred_list: true,
                update_service: None,
            },
        )
        .await
        .unwrap();
    for (referee, day) in [("Ann Referee", 2), ("Bob Referee", 3)] {
        store
            .record_reference(
                &f.chair,
                id,
                &Reference {
                    from: name(referee),
                    received: d(2026, 4, day),
                    satisfactory: true,
                },
            )
            .await
            .unwrap();
    }
    for course in [
        Course::MovingAndHandling,
        Course::FirstAid,
        Course::Safeguarding,
    ] {
        store
            .record_training(
                &f.chair,
                id,
                &Training {
                    course,
                    completed: d(2026, 1, 10),
                    expires: Some(d(2027, 1, 9)),
                },
            )
            .await
            .unwrap();
    }
    store
        .record_insurance(
            &f.chair,
            &EmployersLiability {
                insurer: text("PA Insurers Ltd"),
                policy: text("EL-1"),
                cover: 1_000_000_000,
                starts: d(2026, 1, 1),
                expires: d(2026, 12, 31),
            },
        )
        .await
        .unwrap();
}

on_both_databases!(a_bad_record_is_refused_whole_and_nothing_saved, |store| {
    let f = family(&store).await;
    // The NI number is parsed at the edge, with a typed reason: HMRC never
    // uses Q as a prefix letter.
    assert_eq!(NiNumber::parse("QQ 12 34 56 A"), Err(NiNumberError::Prefix));
    assert_eq!(NiNumber::parse("AB12345C"), Err(NiNumberError::Format));

    let mut bad = megan_record();
    bad.born = d(2027, 1, 1);
    bad.rates.day = -1;
    let refused = store.hire(&f.chair, &bad, &details(None)).await;
    let Err(EmploymentError::Invalid(problems)) = refused else {
        panic!("{refused:?}");
    };
    let problems: Vec<_> = problems.iter().map(|p| (p.field, p.problem)).collect();
    assert_eq!(
        problems,
        vec![
            (Field::Born, Problem::InFuture),
            (
                Field::Rate(cylch_employment::employment::RateKind::Day),
                Problem::Negative
            ),
        ]
    );
    // Only the officers with the employer's duties hire, and the PA's
    // sign-in must be a member's.
    assert!(matches!(
        store.hire(&f.other, &megan_record(), &details(None)).await,
        Err(EmploymentError::NeedsEmployerDuties)
    ));
    let stranger = person(&store, "stranger@example.cymru", false).await;
    assert!(matches!(
        store
            .hire(&f.chair, &megan_record(), &details(Some(&stranger.id)))
            .await,
        Err(EmploymentError::AccountNotMember)
    ));
    assert_eq!(
        count_raw(&store, "SELECT COUNT(*) FROM employments").await,
        0
    );
    assert_eq!(
        count_raw(
            &store,
            "SELECT COUNT(*) FROM audit_log WHERE record_kind = 'employment'"
        )
        .await,
        0
    );

    // A good record is saved, and reads back as it went in.
    let hired = store
        .hire(&f.chair, &megan_record(), &details(Some(f.pa.account())))
        .await
        .unwrap();
    let EmploymentEntry::Full(read) = store.employment(&f.chair, &hired.id).await.unwrap() else {
        panic!("the chair sees the whole record");
    };
    assert_eq!(read.employment, megan_record());
    assert_eq!(read.details, details(Some(f.pa.account())));
});

on_both_databases!(the_audit_log_never_holds_the_ni_number_in_full, |store| {
    let f = family(&store).await;
    let hired = store
        .hire(&f.chair, &megan_record(), &details(Some(f.pa.account())))
        .await
        .unwrap();
    let mut changed = megan_record();
    changed.rates.day = 1_400;
    changed.ni_number = Some(NiNumber::parse("CE 65 43 21 A").unwrap());
    store
        .update_employment(
            &f.chair,
            &hired.id,
            &changed,
            &details(Some(f.pa.account())),
        )
        .await
        .unwrap();
    let trail = store
        .audit_of_record("employment", hired.id.as_str())
        .await
        .unwrap();
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["created", "updated"]
    );
    assert_eq!(
        trail[0].after.as_ref().unwrap()["ni_number"],
        "•• •• •• 56 C"
    );
    assert_eq!(
        trail[1].before.as_ref().unwrap()["ni_number"],
        "•• •• •• 56 C"
    );
    assert_eq!(
        trail[1].after.as_ref().unwrap()["ni_number"],
        "•• •• •• 21 A"
    );
    assert_eq!(trail[1].after.as_ref().unwrap()["rates"]["day"], 1_400);
    // Nowhere in the whole log, in any form.
    for digits in ["123456", "654321"] {
        assert_eq!(
            count_raw(
                &store,
                &format!(
                    "SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%{digits}%' OR before_json LIKE '%{digits}%'"
                )
            )
            .await,
            0
        );
    }
    // The record itself keeps the whole number for payroll.
    let EmploymentEntry::Full(read) = store.employment(&f.chair, &hired.id).await.unwrap() else {
        panic!("full");
    };
    assert_eq!(
        read.employment.ni_number.as_ref().map(NiNumber::full),
        Some("CE654321A")
    );
});

on_both_databases!(
    each_person_sees_only_the_employment_records_that_are_theirs,
    |store| {
        let f = family(&store).await;
        let (megan, huw) = hire_both(&store, &f).await;

        // The chair sees both, in full.
        let all = store.employments(&f.chair).await.unwrap();
        assert_eq!(all.len(), 2);
        assert!(all.iter().all(|e| matches!(e, EmploymentEntry::Full(_))));

        // The PA sees their own, in full, and nothing of Huw.
        let mine = store.employments(&f.pa).await.unwrap();
        assert_eq!(mine.len(), 1);
        let EmploymentEntry::Full(own) = &mine[0] else {
            panic!("the PA sees their own record in full");
        };
        assert_eq!(own.id, megan.id);
        assert_eq!(
            own.employment.ni_number.as_ref().map(NiNumber::full),
            Some("AB123456C")
        );
        assert_eq!(own.employment.rates.day, 1_360);
        assert!(is_not_found(store.employment(&f.pa, &huw.id).await));
        assert!(store.checks_for(&f.pa, &megan.id).await.is_ok());
        assert!(is_not_found(store.checks_for(&f.pa, &huw.id).await));

        // Sioned sees Megan in the limited view only: name, Welsh, training.
        store
            .record_training(
                &f.chair,
                &megan.id,
                &Training {
                    course: Course::Medication,
                    completed: d(2026, 2, 1),
                    expires: None,
                },
            )
            .await
            .unwrap();
        store
            .record_training(
                &f.chair,
                &megan.id,
                &Training {
                    course: Course::FirstAid,
                    completed: d(2026, 2, 1),
                    expires: Some(d(2029, 1, 31)),
                },
            )
            .await
            .unwrap();
        let hers = store.employments(&f.sioned).await.unwrap();
        assert_eq!(hers.len(), 1);
        let EmploymentEntry::Supported(pa) = &hers[0] else {
            panic!(
                "a supported person never gets the full record: {:?}",
                hers[0]
            );
        };
        assert_eq!(pa.id, megan.id);
        assert_eq!(pa.name.as_str(), "Megan Jones");
        assert!(pa.welsh_speaker);
        assert_eq!(pa.supports, vec![f.sioned_id.clone()]);
        // Medication training is not relevant until her support needs it.
        let courses: Vec<_> = pa.training.iter().map(|t| t.course).collect();
        assert_eq!(courses, vec![Course::FirstAid]);
        store
            .link_person(&f.chair, &megan.id, &f.sioned_id, true)
            .await
            .unwrap();
        let Ok(EmploymentEntry::Supported(pa)) = store.employment(&f.sioned, &megan.id).await
        else {
            panic!("limited view");
        };
        let courses: Vec<_> = pa.training.iter().map(|t| t.course).collect();
        assert_eq!(courses, vec![Course::Medication, Course::FirstAid]);
        assert!(is_not_found(store.employment(&f.sioned, &huw.id).await));
        assert!(is_not_found(store.checks_for(&f.sioned, &megan.id).await));
        assert!(is_not_found(store.statements(&f.sioned, &megan.id).await));

        // Tomos's representative sees Huw, limited, and not Megan.
        let theirs = store.employments(&f.rep).await.unwrap();
        assert_eq!(theirs.len(), 1);
        assert!(matches!(&theirs[0], EmploymentEntry::Supported(s) if s.id == huw.id));
        assert!(is_not_found(store.employment(&f.rep, &megan.id).await));

        // A member tied to nobody sees nothing and changes nothing.
        assert!(store.employments(&f.other).await.unwrap().is_empty());
        assert!(is_not_found(store.employment(&f.other, &megan.id).await));
        assert!(store.due_within(&f.other, 365).await.unwrap().is_empty());
        assert!(matches!(
            store
                .link_person(&f.other, &megan.id, &f.tomos_id, false)
                .await,
            Err(EmploymentError::NeedsEmployerDuties)
        ));
        // Nor may the PA change their own record.
        assert!(matches!(
            store
                .update_employment(
                    &f.pa,
                    &megan.id,
                    &megan_record(),
                    &details(Some(f.pa.account()))
                )
                .await,
            Err(EmploymentError::NeedsEmployerDuties)
        ));

        // Another co-operative's chair sees nothing, even with the id.
        let admin = store
            .account_by_email(&email("admin@example.cymru"))
            .await
            .unwrap()
            .unwrap();
        let elsewhere_chair = person(&store, "arall@example.cymru", false).await;
        let elsewhere = store
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
                &elsewhere.id,
                &elsewhere_chair.id,
                &CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Chair),
                None,
            )
            .await
            .unwrap();
        let outsider = store
            .scope(&elsewhere_chair.id, &elsewhere.id)
            .await
            .unwrap()
            .unwrap();
        assert!(store.employments(&outsider).await.unwrap().is_empty());
        assert!(is_not_found(store.employment(&outsider, &megan.id).await));
        assert!(is_not_found(store.checks_for(&outsider, &megan.id).await));
        assert!(matches!(
            store
                .link_person(&outsider, &megan.id, &f.sioned_id, false)
                .await,
            Err(EmploymentError::NotFound)
        ));
        let own = store
            .hire(&outsider, &huw_record(), &details(None))
            .await
            .unwrap();
        assert!(matches!(
            store
                .link_person(&outsider, &own.id, &f.sioned_id, false)
                .await,
            Err(EmploymentError::PersonNotHere)
        ));

        // Once Huw's employment has ended, Tomos's representative no longer
        // sees him; the officers still do.
        let refused = store
            .end_employment(
                &f.chair,
                &huw.id,
                Ending {
                    last_day: d(2026, 4, 30),
                    reason: EndReason::Resigned,
                },
            )
            .await;
        assert!(
            matches!(&refused, Err(EmploymentError::Invalid(p)) if p.iter().any(|p| p.field == Field::LastDay && p.problem == Problem::BeforeStart)),
            "{refused:?}"
        );
        store
            .end_employment(
                &f.chair,
                &huw.id,
                Ending {
                    last_day: d(2026, 6, 30),
                    reason: EndReason::Resigned,
                },
            )
            .await
            .unwrap();
        assert_eq!(store.employments(&f.rep).await.unwrap().len(), 1);
        store.clock().pin("2026-07-01T09:00:00Z".parse().unwrap());
        assert!(store.employments(&f.rep).await.unwrap().is_empty());
        let EmploymentEntry::Full(ended) = store.employment(&f.chair, &huw.id).await.unwrap()
        else {
            panic!("full");
        };
        assert_eq!(
            ended.employment.ending.map(|e| e.reason),
            Some(EndReason::Resigned)
        );
    }
);

on_both_databases!(an_expired_dbs_takes_a_pa_off_the_rota, |store| {
    let f = family(&store).await;
    let (megan, _) = hire_both(&store, &f).await;
    let shift = d(2026, 5, 1);

    let nothing = store
        .fit_for_shift(&f.chair, &megan.id, shift)
        .await
        .unwrap();
    let codes: Vec<_> = nothing.iter().map(|m| m.code()).collect();
    assert_eq!(
        codes,
        vec![
            "right-to-work-missing",
            "dbs-missing",
            "references-missing",
            "training-missing",
            "training-missing",
            "training-missing",
            "written-statement-missing",
            "insurance-missing",
        ]
    );

    // A certificate issued on 1 May 2023 falls due on 1 May 2026 under the
    // default three-year re-check.
    all_checks(&store, &f, &megan.id, d(2023, 5, 1)).await;
    let before = d(2026, 4, 30);
    assert_eq!(
        store
            .fit_for_shift(&f.chair, &megan.id, before)
            .await
            .unwrap(),
        vec![Missing::WrittenStatement]
    );
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
    assert_eq!(
        store
            .fit_for_shift(&f.chair, &megan.id, before)
            .await
            .unwrap(),
        vec![]
    );
    assert_eq!(
        store
            .fit_for_shift(&f.chair, &megan.id, shift)
            .await
            .unwrap(),
        vec![Missing::DbsRecheckDue(shift)]
    );
    // The PA may ask the same of their own record; nobody else but the
    // officers may.
    assert_eq!(
        store.fit_for_shift(&f.pa, &megan.id, shift).await.unwrap(),
        vec![Missing::DbsRecheckDue(shift)]
    );
    assert!(is_not_found(
        store.fit_for_shift(&f.sioned, &megan.id, shift).await
    ));
    // The dashboard lists it ten days ahead, and the insurance once.
    let due = store.due_within(&f.chair, 10).await.unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert_eq!(due[0].employment.as_ref(), Some(&megan.id));
    assert_eq!(due[0].due.item, DueItem::DbsRecheck);
    assert_eq!(due[0].due.last_valid_day, d(2026, 4, 30));
    let year = store.due_within(&f.chair, 365).await.unwrap();
    assert_eq!(
        year.iter()
            .filter(|d| d.due.item == DueItem::Insurance && d.employment.is_none())
            .count(),
        1
    );
    // A new certificate puts her back on the rota; the old one is kept.
    store
        .record_dbs(
            &f.chair,
            &megan.id,
            &Dbs {
                certificate: DbsCertificateNumber::parse("009876543210").unwrap(),
                issued: d(2026, 4, 25),
                adults_barred_list: true,
                update_service: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        store
            .fit_for_shift(&f.chair, &megan.id, shift)
            .await
            .unwrap(),
        vec![]
    );
    assert_eq!(
        count_raw(&store, "SELECT COUNT(*) FROM employment_dbs").await,
        2
    );
    // The audit keeps a certificate number only masked.
    let trail = store
        .audit_of_record("employment_check", megan.id.as_str())
        .await
        .unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.after.as_ref().unwrap()["certificate"] == "••••••••3210")
    );
    assert!(
        !trail
            .iter()
            .any(|e| e.after.as_ref().unwrap().to_string().contains("98765"))
    );
});

on_both_databases!(
    a_relative_is_not_paid_until_the_council_authorises_it,
    |store| {
        let f = family(&store).await;
        let mut relative = megan_record();
        relative.name = name("Gareth Jones");
        relative.start = d(2026, 6, 1);
        relative.household = Household::RelativeInSameHousehold {
            authorisation: None,
        };
        // The record may be kept while the council decides.
        let gareth = store
            .hire(&f.chair, &relative, &details(None))
            .await
            .unwrap();
        store
            .link_person(&f.chair, &gareth.id, &f.sioned_id, false)
            .await
            .unwrap();
        assert!(matches!(
            store.payable_from(&f.chair, &gareth.id, &f.sioned_id).await,
            Err(NotPayable::NeedsCouncilAuthorisation)
        ));
        assert!(matches!(
            store.payable_from(&f.chair, &gareth.id, &f.tomos_id).await,
            Err(NotPayable::NotTheirPa)
        ));
        assert!(matches!(
            store
                .payable_from(&f.sioned, &gareth.id, &f.sioned_id)
                .await,
            Err(NotPayable::NotFound)
        ));

        // An authorisation dated after the start does not cover it.
        let late = store
            .record_council_authorisation(
                &f.chair,
                &gareth.id,
                CouncilAuthorisation {
                    date: d(2026, 6, 2),
                    reference: text("DP/123"),
                },
            )
            .await;
        assert!(
            matches!(&late, Err(EmploymentError::Invalid(p)) if p.iter().any(|p| p.problem == Problem::AuthorisationAfterStart)),
            "{late:?}"
        );
        assert!(matches!(
            store.payable_from(&f.chair, &gareth.id, &f.sioned_id).await,
            Err(NotPayable::NeedsCouncilAuthorisation)
        ));
        store
            .record_council_authorisation(
                &f.chair,
                &gareth.id,
                CouncilAuthorisation {
                    date: d(2026, 5, 15),
                    reference: text("DP/123"),
                },
            )
            .await
            .unwrap();
        store
            .payable_from(&f.chair, &gareth.id, &f.sioned_id)
            .await
            .unwrap();
        let trail = store
            .audit_of_record("employment", gareth.id.as_str())
            .await
            .unwrap();
        assert_eq!(
            trail.last().unwrap().after.as_ref().unwrap()["council_authorisation"]["reference"],
            "DP/123"
        );
        // Anyone else is paid as usual.
        let (megan, _) = hire_both(&store, &f).await;
        store
            .payable_from(&f.chair, &megan.id, &f.sioned_id)
            .await
            .unwrap();
    }
);

on_both_databases!(
    statement_versions_are_kept_and_only_the_pa_acknowledges,
    |store| {
        let f = family(&store).await;
        let (megan, huw) = hire_both(&store, &f).await;

        let mut lacking = facts();
        lacking.sick_leave_and_pay = None;
        let incomplete = store
            .issue_statement(
                &f.chair,
                &megan.id,
                Statement::build(&megan_record(), &lacking),
                Language::En,
            )
            .await;
        assert!(
            matches!(&incomplete, Err(EmploymentError::Incomplete(k)) if k.len() == 1),
            "{incomplete:?}"
        );
        assert!(matches!(
            store
                .issue_statement(
                    &f.pa,
                    &megan.id,
                    Statement::build(&megan_record(), &facts()),
                    Language::En
                )
                .await,
            Err(EmploymentError::NeedsEmployerDuties)
        ));

        let v1 = store
            .issue_statement(
                &f.chair,
                &megan.id,
                Statement::build(&megan_record(), &facts()),
                Language::Cy,
            )
            .await
            .unwrap();
        let mut raised = megan_record();
        raised.rates.day = 1_400;
        let v2 = store
            .issue_statement(
                &f.chair,
                &megan.id,
                Statement::build(&raised, &facts()),
                Language::En,
            )
            .await
            .unwrap();
        assert_eq!((v1.version, v2.version), (1, 2));

        // The chair, who issued it, cannot sign for the PA; those who may not
        // see the record are told it does not exist.
        assert!(matches!(
            store.acknowledge_statement(&f.chair, &megan.id, 1).await,
            Err(EmploymentError::NotThePa)
        ));
        assert!(is_not_found(
            store.acknowledge_statement(&f.sioned, &megan.id, 1).await
        ));
        assert!(is_not_found(
            store.acknowledge_statement(&f.pa, &huw.id, 1).await
        ));
        assert!(is_not_found(
            store.acknowledge_statement(&f.pa, &megan.id, 3).await
        ));

        let acknowledged = store
            .acknowledge_statement(&f.pa, &megan.id, 1)
            .await
            .unwrap();
        assert!(acknowledged.acknowledged_at_ms.is_some());
        assert!(matches!(
            store.acknowledge_statement(&f.pa, &megan.id, 1).await,
            Err(EmploymentError::AlreadyAcknowledged)
        ));

        let versions = store.statements(&f.pa, &megan.id).await.unwrap();
        assert_eq!(versions.len(), 2);
        assert_eq!(versions[0].language, Language::Cy);
        assert!(versions[0].acknowledged_at_ms.is_some());
        assert!(versions[1].acknowledged_at_ms.is_none());
        let pay = |v: &cylch_store::employment::StatementVersion| {
            v.particulars
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["particular"] == "pay-rates")
                .unwrap()["value"]["rates"]["day"]
                .clone()
        };
        assert_eq!(pay(&versions[0]), 1_360);
        assert_eq!(pay(&versions[1]), 1_400);
        assert_eq!(versions[0].particulars.as_array().unwrap().len(), 24);
        assert_eq!(
            store.statements(&f.chair, &megan.id).await.unwrap(),
            versions
        );
        // The statement on file is signed from the day of the first
        // acknowledgement, 20 April 2026.
        assert_eq!(
            store
                .checks_for(&f.pa, &megan.id)
                .await
                .unwrap()
                .statement_signed,
            Some(d(2026, 4, 20))
        );
        let trail = store
            .audit_of_record("employment_statement", megan.id.as_str())
            .await
            .unwrap();
        assert_eq!(
            trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
            ["created", "created", "updated"]
        );
    }
);

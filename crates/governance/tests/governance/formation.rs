use cylch_domain::{CoopKind, Office};
use cylch_governance::formation::{Evidence, EvidenceField, EvidenceValue, FormationError, Who};
use cylch_governance::{FormationRecord, Stage, Task, progress};
use jiff::civil::date;

/// Evidence that satisfies every field `task` needs.
fn good_evidence(task: Task, council: &str) -> Evidence {
    task.evidence()
        .iter()
        .map(|field| {
            let value = match field {
                EvidenceField::Date | EvidenceField::ExpiresOn => {
                    EvidenceValue::Date(date(2026, 4, 1))
                }
                EvidenceField::Document => EvidenceValue::Document("doc-1".into()),
                EvidenceField::PeopleCount => EvidenceValue::Count(4),
                EvidenceField::CoverPence => EvidenceValue::Pence(1_000_000_000),
                EvidenceField::HmrcEmployerReference => EvidenceValue::Text("123/AB45678".into()),
                EvidenceField::Council => EvidenceValue::Text(council.into()),
                _ => EvidenceValue::Text("recorded".into()),
            };
            (*field, value)
        })
        .collect()
}

#[test]
fn templates_differ_by_kind() {
    assert_eq!(
        Stage::template(CoopKind::PaCoop),
        vec![
            Stage::IdeaAndSteeringGroup,
            Stage::Feasibility,
            Stage::MembersAndRules,
            Stage::Registration,
            Stage::FirstGeneralMeeting,
        ]
    );
    let family = Stage::template(CoopKind::Family);
    assert!(family.contains(&Stage::EmployerSetUp));
    assert!(family.contains(&Stage::DirectPaymentsPooling));
    assert!(!family.contains(&Stage::CiwRegistration));
    assert!(Stage::template(CoopKind::CitizenLed).contains(&Stage::CiwRegistration));
    assert!(
        Stage::Feasibility
            .tasks(CoopKind::Family)
            .contains(&Task::FourPersonCheck)
    );
    assert!(
        !Stage::Feasibility
            .tasks(CoopKind::PaCoop)
            .contains(&Task::DirectPaymentBudgets)
    );
    assert_eq!(Task::RegisterWithFca.who(), Who::Office(Office::Secretary));
    assert_eq!(Task::PoolingAgreements.who(), Who::EachSupportedPerson);
}

#[test]
fn progress_starts_at_the_first_task_and_moves_on() {
    let mut record = FormationRecord::new();
    let start = progress(CoopKind::Family, &record);
    assert_eq!(start.current_stage, Some(Stage::IdeaAndSteeringGroup));
    assert_eq!(start.next_task, Some(Task::FirstConversations));
    assert_eq!(start.tasks_done, 0);
    for task in Stage::IdeaAndSteeringGroup.tasks(CoopKind::Family) {
        record
            .complete(CoopKind::Family, task, good_evidence(task, ""))
            .unwrap();
    }
    let later = progress(CoopKind::Family, &record);
    assert_eq!(later.current_stage, Some(Stage::Feasibility));
    assert_eq!(later.next_task, Some(Task::DirectPaymentBudgets));
    assert_eq!(later.tasks_done, 3);
    assert!(later.stages[0].complete);
}

#[test]
fn every_kind_can_finish() {
    for kind in CoopKind::ALL {
        let mut record = FormationRecord::new();
        record.add_council("Cyngor Gwynedd").unwrap();
        for stage in Stage::template(kind) {
            for task in stage.tasks(kind) {
                record
                    .complete(kind, task, good_evidence(task, "Cyngor Gwynedd"))
                    .unwrap();
            }
        }
        let done = progress(kind, &record);
        assert_eq!(done.current_stage, None, "{kind:?}");
        assert_eq!(done.next_task, None);
        assert_eq!(done.tasks_done, done.tasks_total);
    }
}

#[test]
fn pooling_needs_an_agreement_with_each_council() {
    let kind = CoopKind::Family;
    let mut record = FormationRecord::new();
    record.add_council("Cyngor Gwynedd").unwrap();
    record
        .add_council("Isle of Anglesey County Council")
        .unwrap();
    assert!(matches!(
        record.complete(
            kind,
            Task::PoolingAgreements,
            good_evidence(Task::PoolingAgreements, "Conwy")
        ),
        Err(FormationError::UnknownCouncil { .. })
    ));
    record
        .complete(
            kind,
            Task::PoolingAgreements,
            good_evidence(Task::PoolingAgreements, "Cyngor Gwynedd"),
        )
        .unwrap();
    let partway = progress(kind, &record);
    assert_eq!(
        partway.councils_without_agreement,
        vec!["Isle of Anglesey County Council".to_owned()]
    );
    let pooling = partway
        .stages
        .iter()
        .find(|s| s.stage == Stage::DirectPaymentsPooling)
        .unwrap();
    assert!(!pooling.complete);
    record
        .complete(
            kind,
            Task::PoolingAgreements,
            good_evidence(Task::PoolingAgreements, "Isle of Anglesey County Council"),
        )
        .unwrap();
    assert!(
        progress(kind, &record)
            .councils_without_agreement
            .is_empty()
    );
    assert!(matches!(
        record.add_council(" "),
        Err(FormationError::Blank { .. })
    ));
}

#[test]
fn evidence_is_checked() {
    let mut record = FormationRecord::new();
    let kind = CoopKind::Family;
    assert_eq!(
        record.complete(
            CoopKind::PaCoop,
            Task::RegisterAsEmployer,
            good_evidence(Task::RegisterAsEmployer, "")
        ),
        Err(FormationError::NotInTemplate {
            task: Task::RegisterAsEmployer
        })
    );
    assert_eq!(
        record.complete(kind, Task::RegisterWithFca, Evidence::new()),
        Err(FormationError::MissingEvidence {
            task: Task::RegisterWithFca,
            field: EvidenceField::Date
        })
    );

    let mut insurance = good_evidence(Task::EmployersLiabilityInsurance, "");
    insurance.insert(EvidenceField::CoverPence, EvidenceValue::Pence(200_000_000));
    assert_eq!(
        record.complete(kind, Task::EmployersLiabilityInsurance, insurance.clone()),
        Err(FormationError::CoverTooLow {
            cover_pence: 200_000_000
        })
    );
    insurance.insert(EvidenceField::CoverPence, EvidenceValue::Pence(500_000_000));
    record
        .complete(kind, Task::EmployersLiabilityInsurance, insurance)
        .unwrap();

    let mut group = good_evidence(Task::FormSteeringGroup, "");
    group.insert(EvidenceField::PeopleCount, EvidenceValue::Count(2));
    assert_eq!(
        record.complete(kind, Task::FormSteeringGroup, group),
        Err(FormationError::TooFewPeople { count: 2 })
    );

    for bad in ["123AB456", "12/AB456", "abc/AB456", "123/", "123/AB-456"] {
        let mut employer = good_evidence(Task::RegisterAsEmployer, "");
        employer.insert(
            EvidenceField::HmrcEmployerReference,
            EvidenceValue::Text(bad.into()),
        );
        assert_eq!(
            record.complete(kind, Task::RegisterAsEmployer, employer),
            Err(FormationError::EmployerReferenceForm),
            "{bad}"
        );
    }

    let mut wrong = good_evidence(Task::RegisterWithFca, "");
    wrong.insert(
        EvidenceField::Date,
        EvidenceValue::Text("last Tuesday".into()),
    );
    assert_eq!(
        record.complete(kind, Task::RegisterWithFca, wrong),
        Err(FormationError::WrongValue {
            field: EvidenceField::Date
        })
    );
    let mut blank = good_evidence(Task::RegisterWithFca, "");
    blank.insert(
        EvidenceField::FcaRegistrationNumber,
        EvidenceValue::Text(" ".into()),
    );
    assert!(matches!(
        record.complete(kind, Task::RegisterWithFca, blank),
        Err(FormationError::Blank { .. })
    ));
    assert!(record.evidence_for(Task::RegisterWithFca).is_none());
}

use cylch_domain::{MemberClass, Office};
use cylch_governance::register::{CessationReason, ElectronicAddress, PropertyHeld, PropertyKind};
use cylch_governance::{MemberEntry, OfficerEntry, Register, RegisterError};
use jiff::civil::{Date, date};

use crate::common::member;

fn entry(id: &str, class: MemberClass, admitted_on: Date) -> MemberEntry {
    MemberEntry {
        member: member(id),
        name: format!("Member {id}"),
        postal_address: "1 Stryd Fawr, Caernarfon LL55 1AA".into(),
        electronic_address: None,
        class,
        acts_for: None,
        shares_held: 1,
        amount_paid_pence: 100,
        other_property: Vec::new(),
        admitted_on,
        ceased: None,
    }
}

#[test]
fn a_former_member_keeps_their_entry() {
    let mut register = Register::new();
    let mut ann = entry("ann", MemberClass::SupportedPerson, date(2026, 1, 5));
    ann.electronic_address = Some(ElectronicAddress {
        address: "ann@example.org".into(),
        purposes: vec!["notices of meetings".into()],
    });
    ann.other_property.push(PropertyHeld {
        kind: PropertyKind::Loan,
        amount_pence: 50_000,
        description: "member loan".into(),
    });
    register.admit(ann).unwrap();
    register
        .admit(entry("bryn", MemberClass::Pa, date(2026, 1, 5)))
        .unwrap();
    register
        .cease(&member("bryn"), date(2026, 8, 1), CessationReason::Withdrew)
        .unwrap();
    assert_eq!(register.members().len(), 2);
    assert_eq!(register.member_count_on(date(2026, 7, 31)), 2);
    assert_eq!(register.member_count_on(date(2026, 8, 1)), 1);
    let bryn = register.member(&member("bryn")).unwrap();
    assert_eq!(
        bryn.ceased.as_ref().map(|c| c.reason),
        Some(CessationReason::Withdrew)
    );
    assert!(matches!(
        register.cease(&member("bryn"), date(2026, 9, 1), CessationReason::Other),
        Err(RegisterError::AlreadyCeased { .. })
    ));
    assert!(matches!(
        register.cease(&member("ann"), date(2025, 1, 1), CessationReason::Other),
        Err(RegisterError::CeasedBeforeAdmitted { .. })
    ));
    assert!(matches!(
        register.cease(&member("zed"), date(2026, 9, 1), CessationReason::Other),
        Err(RegisterError::UnknownMember { .. })
    ));
}

#[test]
fn entries_need_the_statutory_fields() {
    let mut register = Register::new();
    let mut nameless = entry("a", MemberClass::Pa, date(2026, 1, 1));
    nameless.name = "  ".into();
    assert_eq!(
        register.admit(nameless),
        Err(RegisterError::MissingNameOrAddress)
    );
    let mut shareless = entry("a", MemberClass::Pa, date(2026, 1, 1));
    shareless.shares_held = 0;
    assert_eq!(register.admit(shareless), Err(RegisterError::NoShares));
    register
        .admit(entry("a", MemberClass::Pa, date(2026, 1, 1)))
        .unwrap();
    assert!(matches!(
        register.admit(entry("a", MemberClass::Pa, date(2026, 1, 1))),
        Err(RegisterError::AlreadyEntered { .. })
    ));
}

#[test]
fn a_representative_acts_for_a_supported_member() {
    let mut register = Register::new();
    register
        .admit(entry("ann", MemberClass::SupportedPerson, date(2026, 1, 5)))
        .unwrap();
    register
        .admit(entry("pa", MemberClass::Pa, date(2026, 1, 5)))
        .unwrap();
    let rep = entry("mam", MemberClass::Representative, date(2026, 1, 5));
    assert_eq!(
        register.admit(rep.clone()),
        Err(RegisterError::RepresentativeWithoutPerson)
    );
    let for_pa = MemberEntry {
        acts_for: Some(member("pa")),
        ..rep.clone()
    };
    assert!(matches!(
        register.admit(for_pa),
        Err(RegisterError::NotASupportedMember { .. })
    ));
    let carer_acting = MemberEntry {
        class: MemberClass::FamilyOrCarer,
        acts_for: Some(member("ann")),
        ..rep.clone()
    };
    assert_eq!(
        register.admit(carer_acting),
        Err(RegisterError::ActsForButNotRepresentative)
    );
    register
        .admit(MemberEntry {
            acts_for: Some(member("ann")),
            ..rep
        })
        .unwrap();
}

#[test]
fn three_members_are_needed_to_register() {
    let mut register = Register::new();
    for id in ["a", "b"] {
        register
            .admit(entry(id, MemberClass::FamilyOrCarer, date(2026, 1, 1)))
            .unwrap();
    }
    assert_eq!(
        register.may_register(date(2026, 2, 1)),
        Err(RegisterError::TooFewMembersToRegister {
            members: 2,
            needed: 3
        })
    );
    register
        .admit(entry("c", MemberClass::Pa, date(2026, 1, 20)))
        .unwrap();
    assert!(register.may_register(date(2026, 1, 19)).is_err());
    register.may_register(date(2026, 1, 20)).unwrap();
}

#[test]
fn officers_keep_their_history() {
    let mut register = Register::new();
    let secretary = OfficerEntry {
        name: "Ceri".into(),
        postal_address: "2 Lôn Las, Bangor".into(),
        office: Office::Secretary,
        member: Some(member("ceri")),
        took_office: date(2026, 1, 5),
        left_office: None,
    };
    register.appoint(secretary.clone()).unwrap();
    assert!(matches!(
        register.leave_office("Ceri", Office::Secretary, date(2025, 1, 1)),
        Err(RegisterError::LeftBeforeTaking { .. })
    ));
    register
        .leave_office("Ceri", Office::Secretary, date(2027, 6, 30))
        .unwrap();
    assert_eq!(
        register.leave_office("Ceri", Office::Secretary, date(2027, 7, 30)),
        Err(RegisterError::NoSuchOfficeHolder)
    );
    let officer = &register.officers()[0];
    assert!(officer.holds_office_on(date(2027, 6, 29)));
    assert!(!officer.holds_office_on(date(2027, 6, 30)));
    assert!(matches!(
        register.appoint(OfficerEntry {
            left_office: Some(date(2025, 1, 1)),
            ..secretary
        }),
        Err(RegisterError::LeftBeforeTaking { .. })
    ));
}

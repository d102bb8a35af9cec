//! Who may do what. Every permission decision in Cylch is made here, so the
//! whole policy can be read in one place.
//!
//! Care, health and money records are special category data: the instance
//! administrator runs the service but sees none of them unless they also
//! hold a role in the co-operative concerned.

use crate::role::{CoopRoles, Office};

/// What someone is trying to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See one's own home page, account and co-operatives.
    ManageOwnAccount,
    /// Read proposals, their discussion, who has voted and how many came
    /// each way, and the decisions log: every member's business. Former
    /// members have no scope, so they read nothing.
    ViewDecisions,
    /// Raise a proposal for the members to decide.
    RaiseProposal,
    /// Take part in the discussion of a proposal.
    Comment,
    /// Cast one's own vote. Only members vote: an officer who is not a
    /// member reads but does not vote. Whether the member's class votes,
    /// whether their membership is current and whether the window is open
    /// are the rules' business, checked where the vote is stored.
    Vote,
    /// Record a vote on a member's instruction when they cannot vote
    /// online themselves: any officer.
    RecordAssistedVote,
    /// Enter paper votes: the secretary's job, or the chair's.
    RecordPaperVotes,
    /// Count the votes after the close and record the result, and see who
    /// voted and how each vote arrived: the secretary or the chair.
    DeclareResult,
    /// Create a co-operative on this instance.
    CreateCoop,
    /// Invite the first officer of a co-operative, so that it can run itself.
    InviteFirstOfficer,
    /// List the co-operatives this instance hosts (names and kinds only).
    ListAllCoops,
    /// See a co-operative's overview: its name, kind and one's own roles.
    ViewCoop,
    /// Read the co-operative's audit trail.
    ViewAuditTrail,
    /// See who the co-operative supports, since when and why support ended:
    /// care records, so officers only.
    ViewSupportRegister,
    /// Give a person a place, end their support, record a CIW registration.
    ManageSupport,
    /// See the co-operative's money as totals, with no one person's figures:
    /// every member's business, as the accounts put to a general meeting.
    ViewCoopTotals,
    /// See a Direct Payment fund: officers see any; a supported person and
    /// their representative see their own, which the caller checks against
    /// the support register. PAs and other members see none.
    ViewOwnFund,
    /// See every person's fund, the journal and the bank: officers only.
    ViewAllFunds,
    /// Post entries and reversals, record arrangements and receipts, put in
    /// and pay claims, reconcile the bank: officers.
    RecordMoney,
    /// Approve a payment claim; the ledger's two-officer rule still refuses
    /// one's own claim and a second approval by the same officer.
    ApprovePayment,
    /// Import a bank statement.
    ImportStatement,
    /// Read the registers of members and officers, with addresses.
    ViewRegisters,
    /// Record a member's address and shares, or that their membership
    /// ended: the secretary's job, or the chair's.
    ManageRegisters,
    /// See how far the group has got in forming the co-operative.
    ViewFormation,
    /// Record a formation task as done, with its evidence.
    RecordFormation,
    /// Read the co-operative's meetings, their agendas, who came and the
    /// minutes: every member's business.
    ViewMeetings,
    /// Schedule meetings, give notice, record attendance, votes given at
    /// the meeting and the minutes: the secretary's job, or the chair's.
    ManageMeetings,
    /// Read the co-operative's rules and how they have changed: every
    /// member's business.
    ViewRules,
    /// Record the rules as registered: the secretary's job, or the chair's.
    /// Later changes come only from a carried special resolution.
    RecordRules,
    /// Invite a person to become a member, which admits them when they
    /// accept: the secretary's job, or the chair's, as the committee
    /// decides admissions under the model rules.
    InviteMember,
    /// Hire PAs, keep their employment records, record their checks and the
    /// co-operative's employer's liability insurance, issue their written
    /// statements: the officers who carry the employer's duties (see
    /// [`has_employer_duties`]).
    ManageEmployment,
    /// Open the employment pages. Anyone in the co-operative may ask; what
    /// each person is shown is [`employment_view`]'s decision, record by
    /// record: a PA their own, a supported person or their representative
    /// the PAs who work with them (limited), other members nothing.
    ViewEmployment,
    /// Put shifts on the rota, put a PA on one or take them off, cancel
    /// one: the officers who carry the employer's duties, the coordinator
    /// above all, since the rota directs the co-operative's employees.
    ManageRota,
    /// Open the rota. Anyone in the co-operative may ask; which shifts each
    /// person is shown is [`sees_shift`]'s decision, shift by shift.
    ViewRota,
    /// Open the timesheets. Anyone in the co-operative may ask; what each
    /// person is shown, and who confirms and approves, is the store's
    /// decision line by line under `cylch_employment::timesheet`: the
    /// officers with the employer's duties every PA's, a PA their own, a
    /// supported person and their representative the time spent with them.
    ViewTimesheets,
    /// Run pay, read pay runs and payslips, approve a run: the officers
    /// who carry the employer's duties (the treasurer above all).
    RunPayroll,
    /// Open one's payslips. Anyone in the co-operative may ask; the store
    /// shows a PA their own from approved runs, and the officers with the
    /// employer's duties every one; anyone else finds none.
    ViewPayslips,
    /// Read and change a supported person's needs (their routines, dated
    /// exceptions and choices of PA): the person, their representative and
    /// the officers with the employer's duties. Whose needs is
    /// [`sees_person`]'s decision with [`PersonRecord::Needs`].
    ManageNeeds,
    /// Read and change a PA's availability. Anyone in the co-operative may
    /// ask; whose is [`manages_availability`]'s decision: the PA their own,
    /// the officers with the employer's duties every PA's.
    ManageAvailability,
    /// Export the planning problem in the roster format: every person's
    /// needs and every PA's availability at once, so the officers with the
    /// employer's duties only.
    ExportRoster,
}

/// The person asking, as far as the instance is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Actor {
    pub signed_in: bool,
    pub instance_admin: bool,
}

impl Actor {
    pub const ANONYMOUS: Actor = Actor {
        signed_in: false,
        instance_admin: false,
    };

    pub fn person(instance_admin: bool) -> Actor {
        Actor {
            signed_in: true,
            instance_admin,
        }
    }
}

/// Why something was refused; each has a page that explains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotSignedIn,
    /// Not a member or officer of the co-operative. Pages answer this with
    /// "not found", so that nobody learns which co-operatives exist.
    NotInCoop,
    NeedsOffice,
    NeedsInstanceAdmin,
    /// Only members may do this (vote, above all).
    NeedsMembership,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Refuse(Refusal),
}

impl Decision {
    pub fn is_allowed(self) -> bool {
        matches!(self, Decision::Allow)
    }
}

/// Decides whether `actor`, holding `roles` in the co-operative concerned
/// (`None` when they hold none, or the action concerns no co-operative), may
/// do `action`.
pub fn decide(actor: Actor, roles: Option<&CoopRoles>, action: Action) -> Decision {
    use Decision::{Allow, Refuse};
    if !actor.signed_in {
        return Refuse(Refusal::NotSignedIn);
    }
    match action {
        Action::ManageOwnAccount => Allow,
        Action::ViewDecisions
        | Action::RaiseProposal
        | Action::Comment
        | Action::RecordAssistedVote
        | Action::RecordPaperVotes
        | Action::DeclareResult
        | Action::Vote => proposals_and_votes(roles, action),
        Action::CreateCoop | Action::InviteFirstOfficer | Action::ListAllCoops => {
            if actor.instance_admin {
                Allow
            } else {
                Refuse(Refusal::NeedsInstanceAdmin)
            }
        }
        Action::ViewCoop | Action::ViewFormation | Action::ViewMeetings | Action::ViewRules => {
            match roles {
                Some(_) => Allow,
                None => Refuse(Refusal::NotInCoop),
            }
        }
        Action::RecordRules | Action::InviteMember => match roles {
            Some(roles) if roles.holds(Office::Secretary) || roles.holds(Office::Chair) => Allow,
            Some(_) => Refuse(Refusal::NeedsOffice),
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ManageRegisters | Action::ManageMeetings => match roles {
            Some(roles) if roles.holds(Office::Secretary) || roles.holds(Office::Chair) => Allow,
            Some(_) => Refuse(Refusal::NeedsOffice),
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ViewCoopTotals => match roles {
            Some(_) => Allow,
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ViewOwnFund => match roles {
            Some(roles)
                if roles.is_officer()
                    || matches!(
                        roles.class,
                        Some(
                            crate::role::MemberClass::SupportedPerson
                                | crate::role::MemberClass::Representative
                        )
                    ) =>
            {
                Allow
            }
            Some(_) => Refuse(Refusal::NeedsOffice),
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ViewAllFunds
        | Action::RecordMoney
        | Action::ApprovePayment
        | Action::ImportStatement => match roles {
            Some(roles) if roles.is_officer() => Allow,
            Some(_) => Refuse(Refusal::NeedsOffice),
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ManageNeeds => match roles {
            Some(roles)
                if has_employer_duties(roles)
                    || matches!(
                        roles.class,
                        Some(
                            crate::role::MemberClass::SupportedPerson
                                | crate::role::MemberClass::Representative
                        )
                    ) =>
            {
                Allow
            }
            Some(_) => Refuse(Refusal::NeedsOffice),
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ManageAvailability => match roles {
            Some(_) => Allow,
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ManageEmployment
        | Action::ManageRota
        | Action::RunPayroll
        | Action::ExportRoster => match roles {
            Some(roles) if has_employer_duties(roles) => Allow,
            Some(_) => Refuse(Refusal::NeedsOffice),
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ViewEmployment
        | Action::ViewRota
        | Action::ViewTimesheets
        | Action::ViewPayslips => match roles {
            Some(_) => Allow,
            None => Refuse(Refusal::NotInCoop),
        },
        Action::ViewAuditTrail
        | Action::ViewSupportRegister
        | Action::ManageSupport
        | Action::ViewRegisters
        | Action::RecordFormation => match roles {
            Some(roles) if roles.is_officer() => Allow,
            Some(_) => Refuse(Refusal::NeedsOffice),
            None => Refuse(Refusal::NotInCoop),
        },
    }
}

/// Proposals and votes: everyone in the co-operative reads and discusses,
/// members vote, officers help members vote, and the secretary or chair
/// enters paper votes and declares results.
fn proposals_and_votes(roles: Option<&CoopRoles>, action: Action) -> Decision {
    use Decision::{Allow, Refuse};
    let Some(roles) = roles else {
        return Refuse(Refusal::NotInCoop);
    };
    let keeps_records = roles.holds(Office::Secretary) || roles.holds(Office::Chair);
    match action {
        Action::Vote if roles.class.is_none() => Refuse(Refusal::NeedsMembership),
        Action::RecordAssistedVote if !roles.is_officer() => Refuse(Refusal::NeedsOffice),
        Action::RecordPaperVotes | Action::DeclareResult if !keeps_records => {
            Refuse(Refusal::NeedsOffice)
        }
        _ => Allow,
    }
}

/// How the caller stands to one supported person: the facts "whose record"
/// turns on, read from the register of support by the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    /// The caller is the supported person.
    Themselves,
    /// The caller is the member who acts for them.
    Representative,
    /// Neither: an officer, a PA, another family.
    Unrelated,
}

/// The records kept about one supported person. Each new kind (their plan,
/// the timesheets of their support) is added here with who may read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonRecord {
    /// Their Direct Payment fund: balance, statement, forecast, budget.
    Fund,
    /// Their whole rota, every PA on it by first name: the printable rota.
    Rota,
    /// The secret address of their rota's calendar feed, to create, replace
    /// or revoke it.
    CalendarFeed,
    /// Their needs as the rota plans from them: routines, dated exceptions,
    /// the Welsh they ask for and the PAs they prefer or do not want.
    Needs,
}

/// Whose record: whether a caller holding `roles` in the co-operative, tied
/// to a supported person by `tie`, may see that person's `record`. Money
/// and care records are special category data, so the default is no.
pub fn sees_person(roles: &CoopRoles, tie: Tie, record: PersonRecord) -> bool {
    match record {
        // The officers keep the pooled account, so they see every fund;
        // otherwise only the person and whoever acts for them.
        PersonRecord::Fund => {
            roles.is_officer() || matches!(tie, Tie::Themselves | Tie::Representative)
        }
        // Those who see the whole rota anyway ([`sees_shift`]) may print
        // anyone's; otherwise the person and whoever acts for them.
        PersonRecord::Rota => {
            has_employer_duties(roles) || matches!(tie, Tie::Themselves | Tie::Representative)
        }
        // A feed is a key to someone's whereabouts that works without
        // signing in: only the person and whoever acts for them hold it,
        // not the officers, who see the rota signed in.
        PersonRecord::CalendarFeed => matches!(tie, Tie::Themselves | Tie::Representative),
        // Care needs are for the person, whoever acts for them, and the
        // officers who plan the rota; a PA learns of a need only through
        // the shifts they work.
        PersonRecord::Needs => {
            has_employer_duties(roles) || matches!(tie, Tie::Themselves | Tie::Representative)
        }
    }
}

/// Whether someone holding `roles` carries the co-operative's duties as an
/// employer of PAs: the committee's officers (chair, secretary, treasurer,
/// who answer for the co-operative as employer and run its payroll) and the
/// coordinator, who manages the PAs day to day. Named one by one, so that an
/// office added later does not gain access to NI numbers and pay by default.
pub fn has_employer_duties(roles: &CoopRoles) -> bool {
    roles.offices.iter().any(|office| match office {
        Office::Chair | Office::Secretary | Office::Treasurer | Office::Coordinator => true,
    })
}

/// How the caller stands to one PA's employment: the facts the store reads
/// from the employment record and the register of support.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmploymentTie {
    /// The employment is the caller's own: they are the PA.
    Own,
    /// The PA works with the caller, or with someone the caller represents.
    WorksWithThem,
    /// Neither: another member, another family.
    Unrelated,
}

/// How much of one PA's employment record the caller may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EmploymentView {
    /// Nothing, not even that it exists.
    None,
    /// What a supported person needs to know about who supports them: the
    /// PA's name, whether they speak Welsh (the Active Offer), and the
    /// training relevant to the support. Never their NI number, pay, date
    /// of birth, address or health.
    Supported,
    /// The whole record: NI number, pay, tax, checks, statements.
    Full,
}

/// Whose record, for employment: the officers with the employer's duties
/// see every PA in full, as do PAs their own record; a supported person and
/// their representative see their own PAs in the limited view; everyone
/// else sees nothing. An employment record is special category data (pay,
/// health, criminal record checks), so the default is nothing.
pub fn employment_view(roles: &CoopRoles, tie: EmploymentTie) -> EmploymentView {
    if has_employer_duties(roles) {
        return EmploymentView::Full;
    }
    match tie {
        EmploymentTie::Own => EmploymentView::Full,
        EmploymentTie::WorksWithThem => EmploymentView::Supported,
        EmploymentTie::Unrelated => EmploymentView::None,
    }
}

/// How the caller stands to one shift on the rota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShiftTie {
    /// The caller is the PA on it.
    Works,
    /// It supports the caller, or someone the caller represents.
    For,
    /// Neither.
    Unrelated,
}

/// Whose shifts: the officers with the employer's duties see the whole
/// rota; a PA the shifts they work; a supported person and their
/// representative the shifts that support them. Where someone is and when
/// is personal data, so other members see none.
pub fn sees_shift(roles: &CoopRoles, tie: ShiftTie) -> bool {
    has_employer_duties(roles) || tie != ShiftTie::Unrelated
}

/// Only the PA keeps the calendar feed of their own shifts: its secret
/// address opens their whereabouts without signing in.
pub fn keeps_calendar_feed(tie: EmploymentTie) -> bool {
    tie == EmploymentTie::Own
}

/// Whose availability: a PA enters their own, and the officers with the
/// employer's duties every PA's (for a PA who does not sign in, above all).
/// When someone can work is personal data, so nobody else sees it.
pub fn manages_availability(roles: &CoopRoles, tie: EmploymentTie) -> bool {
    has_employer_duties(roles) || tie == EmploymentTie::Own
}

/// Only the PA acknowledges their own written statement, from their own
/// sign-in: an officer issuing it cannot also sign for them.
pub fn acknowledges_statement(tie: EmploymentTie) -> bool {
    tie == EmploymentTie::Own
}

/// Who decides a PA's holiday request: the supported person or their
/// representative whose support it affects, or an officer with the
/// employer's duties; never the PA themself, whatever office they hold.
pub fn decides_holiday(roles: &CoopRoles, tie: EmploymentTie) -> bool {
    tie != EmploymentTie::Own && (has_employer_duties(roles) || tie == EmploymentTie::WorksWithThem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role::{MemberClass, Office};

    #[test]
    fn everyone_in_the_coop_discusses_members_vote_officers_help() {
        let person = Actor::person(false);
        let reading = [
            Action::ViewDecisions,
            Action::RaiseProposal,
            Action::Comment,
        ];
        for class in MemberClass::ALL {
            let member = CoopRoles::member(class);
            for action in reading.into_iter().chain([Action::Vote]) {
                assert!(decide(person, Some(&member), action).is_allowed());
            }
            for action in [
                Action::RecordAssistedVote,
                Action::RecordPaperVotes,
                Action::DeclareResult,
            ] {
                assert_eq!(
                    decide(person, Some(&member), action),
                    Decision::Refuse(Refusal::NeedsOffice)
                );
            }
        }
        // An officer who is not a member reads and discusses but has no vote.
        let bare = CoopRoles::officer(Office::Treasurer);
        for action in reading {
            assert!(decide(person, Some(&bare), action).is_allowed());
        }
        assert_eq!(
            decide(person, Some(&bare), Action::Vote),
            Decision::Refuse(Refusal::NeedsMembership)
        );
        assert!(decide(person, Some(&bare), Action::RecordAssistedVote).is_allowed());
        assert_eq!(
            decide(person, Some(&bare), Action::RecordPaperVotes),
            Decision::Refuse(Refusal::NeedsOffice)
        );
        for office in [Office::Secretary, Office::Chair] {
            let roles = CoopRoles::member(MemberClass::Pa).with_office(office);
            for action in [
                Action::Vote,
                Action::RecordAssistedVote,
                Action::RecordPaperVotes,
                Action::DeclareResult,
            ] {
                assert!(decide(person, Some(&roles), action).is_allowed());
            }
        }
        for action in reading
            .into_iter()
            .chain([Action::Vote, Action::DeclareResult])
        {
            assert_eq!(
                decide(Actor::person(true), None, action),
                Decision::Refuse(Refusal::NotInCoop)
            );
            assert_eq!(
                decide(Actor::ANONYMOUS, None, action),
                Decision::Refuse(Refusal::NotSignedIn)
            );
        }
    }

    #[test]
    fn nobody_anonymous_gets_anything() {
        for action in [
            Action::ManageOwnAccount,
            Action::CreateCoop,
            Action::ViewCoop,
        ] {
            assert_eq!(
                decide(
                    Actor::ANONYMOUS,
                    Some(&CoopRoles::officer(Office::Chair)),
                    action
                ),
                Decision::Refuse(Refusal::NotSignedIn)
            );
        }
    }

    #[test]
    fn the_instance_admin_sees_no_coop_records_without_a_role() {
        let admin = Actor::person(true);
        assert!(decide(admin, None, Action::CreateCoop).is_allowed());
        assert_eq!(
            decide(admin, None, Action::ViewCoop),
            Decision::Refuse(Refusal::NotInCoop)
        );
        assert_eq!(
            decide(admin, None, Action::ViewAuditTrail),
            Decision::Refuse(Refusal::NotInCoop)
        );
    }

    #[test]
    fn only_officers_read_the_audit_trail() {
        let person = Actor::person(false);
        let member = CoopRoles::member(MemberClass::Pa);
        assert_eq!(
            decide(person, Some(&member), Action::ViewAuditTrail),
            Decision::Refuse(Refusal::NeedsOffice)
        );
        for office in Office::ALL {
            let roles = CoopRoles::member(MemberClass::FamilyOrCarer).with_office(office);
            assert!(decide(person, Some(&roles), Action::ViewAuditTrail).is_allowed());
        }
    }

    #[test]
    fn only_officers_see_and_manage_who_is_supported() {
        let person = Actor::person(false);
        for class in crate::role::MemberClass::ALL {
            let member = CoopRoles::member(class);
            assert_eq!(
                decide(person, Some(&member), Action::ViewSupportRegister),
                Decision::Refuse(Refusal::NeedsOffice)
            );
            assert_eq!(
                decide(person, Some(&member), Action::ManageSupport),
                Decision::Refuse(Refusal::NeedsOffice)
            );
        }
        assert!(
            decide(
                person,
                Some(&CoopRoles::officer(Office::Coordinator)),
                Action::ManageSupport
            )
            .is_allowed()
        );
        assert_eq!(
            decide(Actor::person(true), None, Action::ViewSupportRegister),
            Decision::Refuse(Refusal::NotInCoop)
        );
    }

    #[test]
    fn the_secretary_or_chair_keeps_the_registers() {
        let person = Actor::person(false);
        for office in [Office::Secretary, Office::Chair] {
            assert!(
                decide(
                    person,
                    Some(&CoopRoles::officer(office)),
                    Action::ManageRegisters
                )
                .is_allowed()
            );
        }
        for office in [Office::Treasurer, Office::Coordinator] {
            let roles = CoopRoles::officer(office);
            assert!(decide(person, Some(&roles), Action::ViewRegisters).is_allowed());
            assert_eq!(
                decide(person, Some(&roles), Action::ManageRegisters),
                Decision::Refuse(Refusal::NeedsOffice)
            );
        }
        let member = CoopRoles::member(crate::role::MemberClass::Pa);
        assert_eq!(
            decide(person, Some(&member), Action::ViewRegisters),
            Decision::Refuse(Refusal::NeedsOffice)
        );
    }

    #[test]
    fn money_is_seen_by_whose_it_is() {
        use crate::role::MemberClass as C;
        let person = Actor::person(false);
        let ledger_actions = [
            Action::ViewAllFunds,
            Action::RecordMoney,
            Action::ApprovePayment,
            Action::ImportStatement,
        ];
        for office in Office::ALL {
            let roles = CoopRoles::officer(office);
            assert!(decide(person, Some(&roles), Action::ViewOwnFund).is_allowed());
            for action in ledger_actions {
                assert!(
                    decide(person, Some(&roles), action).is_allowed(),
                    "{office:?} {action:?}"
                );
            }
        }
        for class in [C::SupportedPerson, C::Representative] {
            let roles = CoopRoles::member(class);
            assert!(decide(person, Some(&roles), Action::ViewOwnFund).is_allowed());
            assert!(decide(person, Some(&roles), Action::ViewCoopTotals).is_allowed());
            for action in ledger_actions {
                assert_eq!(
                    decide(person, Some(&roles), action),
                    Decision::Refuse(Refusal::NeedsOffice)
                );
            }
        }
        // PAs, family and supporters see the co-operative's totals, no fund.
        for class in [C::Pa, C::FamilyOrCarer, C::Supporter] {
            let roles = CoopRoles::member(class);
            assert!(decide(person, Some(&roles), Action::ViewCoopTotals).is_allowed());
            assert_eq!(
                decide(person, Some(&roles), Action::ViewOwnFund),
                Decision::Refuse(Refusal::NeedsOffice)
            );
        }
        // Outsiders and the instance administrator see nothing.
        for action in [
            Action::ViewCoopTotals,
            Action::ViewOwnFund,
            Action::ViewAllFunds,
        ] {
            assert_eq!(
                decide(Actor::person(true), None, action),
                Decision::Refuse(Refusal::NotInCoop)
            );
        }
    }

    #[test]
    fn members_read_meetings_and_the_secretary_or_chair_keeps_them() {
        let person = Actor::person(false);
        for class in crate::role::MemberClass::ALL {
            let member = CoopRoles::member(class);
            assert!(decide(person, Some(&member), Action::ViewMeetings).is_allowed());
            assert_eq!(
                decide(person, Some(&member), Action::ManageMeetings),
                Decision::Refuse(Refusal::NeedsOffice)
            );
        }
        for office in [Office::Secretary, Office::Chair] {
            let roles = CoopRoles::officer(office);
            assert!(decide(person, Some(&roles), Action::ManageMeetings).is_allowed());
        }
        for office in [Office::Treasurer, Office::Coordinator] {
            assert_eq!(
                decide(
                    person,
                    Some(&CoopRoles::officer(office)),
                    Action::ManageMeetings
                ),
                Decision::Refuse(Refusal::NeedsOffice)
            );
        }
        for action in [Action::ViewMeetings, Action::ManageMeetings] {
            assert_eq!(
                decide(Actor::person(true), None, action),
                Decision::Refuse(Refusal::NotInCoop)
            );
        }
    }

    #[test]
    fn members_cannot_run_the_instance() {
        let chair = CoopRoles::officer(Office::Chair);
        assert_eq!(
            decide(Actor::person(false), Some(&chair), Action::CreateCoop),
            Decision::Refuse(Refusal::NeedsInstanceAdmin)
        );
    }

    #[test]
    fn a_fund_is_seen_by_its_person_their_representative_and_the_officers_only() {
        use crate::role::MemberClass;
        for class in MemberClass::ALL {
            let member = CoopRoles::member(class);
            assert!(sees_person(&member, Tie::Themselves, PersonRecord::Fund));
            assert!(sees_person(
                &member,
                Tie::Representative,
                PersonRecord::Fund
            ));
            assert!(
                !sees_person(&member, Tie::Unrelated, PersonRecord::Fund),
                "a {class:?} who is not tied to the person sees nothing"
            );
            let treasurer = CoopRoles::member(class).with_office(Office::Treasurer);
            assert!(sees_person(&treasurer, Tie::Unrelated, PersonRecord::Fund));
        }
    }

    #[test]
    fn the_officers_with_employer_duties_manage_pas() {
        let person = Actor::person(false);
        for office in Office::ALL {
            let roles = CoopRoles::member(MemberClass::FamilyOrCarer).with_office(office);
            assert!(has_employer_duties(&roles));
            assert!(decide(person, Some(&roles), Action::ManageEmployment).is_allowed());
            assert!(decide(person, Some(&roles), Action::ViewEmployment).is_allowed());
        }
        for class in MemberClass::ALL {
            let member = CoopRoles::member(class);
            assert!(!has_employer_duties(&member));
            assert_eq!(
                decide(person, Some(&member), Action::ManageEmployment),
                Decision::Refuse(Refusal::NeedsOffice)
            );
            assert!(decide(person, Some(&member), Action::ViewEmployment).is_allowed());
        }
        for action in [Action::ManageEmployment, Action::ViewEmployment] {
            assert_eq!(
                decide(Actor::person(true), None, action),
                Decision::Refuse(Refusal::NotInCoop)
            );
            assert_eq!(
                decide(Actor::ANONYMOUS, None, action),
                Decision::Refuse(Refusal::NotSignedIn)
            );
        }
    }

    #[test]
    fn needs_are_kept_by_the_person_their_representative_and_the_employer() {
        use EmploymentTie::{Own, Unrelated, WorksWithThem};
        let person = Actor::person(false);
        for class in MemberClass::ALL {
            let member = CoopRoles::member(class);
            assert!(sees_person(&member, Tie::Themselves, PersonRecord::Needs));
            assert!(sees_person(
                &member,
                Tie::Representative,
                PersonRecord::Needs
            ));
            assert!(
                !sees_person(&member, Tie::Unrelated, PersonRecord::Needs),
                "a {class:?} not tied to the person sees nothing of their needs"
            );
            assert!(manages_availability(&member, Own));
            assert!(!manages_availability(&member, WorksWithThem));
            assert!(!manages_availability(&member, Unrelated));
            assert_eq!(
                decide(person, Some(&member), Action::ExportRoster),
                Decision::Refuse(Refusal::NeedsOffice)
            );
        }
        for class in [
            MemberClass::Pa,
            MemberClass::FamilyOrCarer,
            MemberClass::Supporter,
        ] {
            assert_eq!(
                decide(person, Some(&CoopRoles::member(class)), Action::ManageNeeds),
                Decision::Refuse(Refusal::NeedsOffice)
            );
        }
        let coordinator = CoopRoles::officer(Office::Coordinator);
        assert!(sees_person(
            &coordinator,
            Tie::Unrelated,
            PersonRecord::Needs
        ));
        assert!(manages_availability(&coordinator, Unrelated));
        for action in [
            Action::ManageNeeds,
            Action::ManageAvailability,
            Action::ExportRoster,
        ] {
            assert!(decide(person, Some(&coordinator), action).is_allowed());
            assert_eq!(
                decide(Actor::person(true), None, action),
                Decision::Refuse(Refusal::NotInCoop)
            );
        }
    }

    #[test]
    fn holiday_is_decided_by_those_it_affects_never_the_pa() {
        use EmploymentTie::{Own, Unrelated, WorksWithThem};
        let coordinator = CoopRoles::officer(Office::Coordinator);
        let member = CoopRoles::member(MemberClass::SupportedPerson);
        assert!(decides_holiday(&coordinator, Unrelated));
        assert!(!decides_holiday(&coordinator, Own));
        assert!(decides_holiday(&member, WorksWithThem));
        assert!(!decides_holiday(&member, Unrelated));
        assert!(!decides_holiday(&CoopRoles::member(MemberClass::Pa), Own));
    }

    #[test]
    fn an_employment_record_is_seen_by_whose_it_is() {
        use EmploymentTie::{Own, Unrelated, WorksWithThem};
        for office in Office::ALL {
            let officer = CoopRoles::officer(office);
            for tie in [Own, WorksWithThem, Unrelated] {
                assert_eq!(employment_view(&officer, tie), EmploymentView::Full);
            }
        }
        for class in MemberClass::ALL {
            let member = CoopRoles::member(class);
            assert_eq!(employment_view(&member, Own), EmploymentView::Full);
            assert_eq!(
                employment_view(&member, WorksWithThem),
                EmploymentView::Supported,
                "{class:?}"
            );
            assert_eq!(
                employment_view(&member, Unrelated),
                EmploymentView::None,
                "a {class:?} not tied to the PA sees nothing"
            );
        }
        // Only the PA signs for their own statement, officer or not.
        assert!(acknowledges_statement(Own));
        assert!(!acknowledges_statement(WorksWithThem));
        assert!(!acknowledges_statement(Unrelated));
    }
}

//! The register of members and officers (section 30 of the Co-operative and
//! Community Benefit Societies Act 2014).
//!
//! For each member the Act requires: name and postal address; any
//! electronic address they gave for notices, with what it is for; shares
//! held and the amount paid on them; other property the society holds for
//! them (loans, deposits); the date they were entered as a member; and the
//! date they ceased. Entries are never removed: a member who leaves keeps
//! their entry with the date and the reason.

use cylch_domain::{MemberClass, Office};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ids::MemberId;

/// A society needs at least three members to register (section 2).
pub const MINIMUM_MEMBERS_TO_REGISTER: u32 = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectronicAddress {
    pub address: String,
    /// What the member agreed it may be used for (notices of meetings,
    /// accounts, ...), as they gave it.
    pub purposes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropertyKind {
    Loan,
    Deposit,
    Other,
}

/// Property of the member's held by the society, other than shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PropertyHeld {
    pub kind: PropertyKind,
    pub amount_pence: u64,
    pub description: String,
}

/// Why someone stopped being a member, as model rules list the ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CessationReason {
    Withdrew,
    /// Expelled by special resolution at a general meeting.
    Expelled,
    Died,
    Bankrupt,
    /// No longer meets the rules' qualification for membership (for
    /// example, no longer supported, employed or involved).
    NoLongerQualifies,
    /// The society lost contact for the period the rules set.
    LostContact,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cessation {
    pub on: Date,
    pub reason: CessationReason,
}

/// One member's entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberEntry {
    pub member: MemberId,
    pub name: String,
    pub postal_address: String,
    pub electronic_address: Option<ElectronicAddress>,
    pub class: MemberClass,
    /// For a representative: the supported member they act for. The vote
    /// stays that member's.
    pub acts_for: Option<MemberId>,
    pub shares_held: u32,
    pub amount_paid_pence: u64,
    pub other_property: Vec<PropertyHeld>,
    pub admitted_on: Date,
    pub ceased: Option<Cessation>,
}

impl MemberEntry {
    pub fn is_member_on(&self, day: Date) -> bool {
        self.admitted_on <= day && self.ceased.as_ref().is_none_or(|c| day < c.on)
    }
}

/// One officer's entry: who, which office, from when and until when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficerEntry {
    pub name: String,
    pub postal_address: String,
    pub office: Office,
    /// The member's entry, if the officer is a member.
    pub member: Option<MemberId>,
    pub took_office: Date,
    pub left_office: Option<Date>,
}

impl OfficerEntry {
    pub fn holds_office_on(&self, day: Date) -> bool {
        self.took_office <= day && self.left_office.is_none_or(|left| day < left)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegisterError {
    #[error(
        "{member} is already in the register; a returning member keeps their entry and gets a new one only under a new id"
    )]
    AlreadyEntered { member: MemberId },
    #[error("enter the member's name and postal address; the Act requires both")]
    MissingNameOrAddress,
    #[error("a member holds at least one share")]
    NoShares,
    #[error("a representative must act for a supported member; choose who they act for")]
    RepresentativeWithoutPerson,
    #[error("{member} is not in the register as a member who receives support")]
    NotASupportedMember { member: MemberId },
    #[error("only a representative acts for another member")]
    ActsForButNotRepresentative,
    #[error("{member} is not in the register")]
    UnknownMember { member: MemberId },
    #[error("{member} already ceased to be a member on {on}")]
    AlreadyCeased { member: MemberId, on: Date },
    #[error("membership cannot end ({ceased}) before it began ({admitted})")]
    CeasedBeforeAdmitted { admitted: Date, ceased: Date },
    #[error("the officer cannot leave office ({left}) before taking it ({took})")]
    LeftBeforeTaking { took: Date, left: Date },
    #[error("no one holds that office in the register from that date")]
    NoSuchOfficeHolder,
    #[error("the co-operative has {members} members; it needs at least {needed} to register")]
    TooFewMembersToRegister { members: u32, needed: u32 },
}

impl RegisterError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::AlreadyEntered { .. } => "governance-already-entered",
            RegisterError::MissingNameOrAddress => "governance-missing-name-or-address",
            RegisterError::NoShares => "governance-no-shares",
            RegisterError::RepresentativeWithoutPerson => {
                "governance-representative-without-person"
            }
            RegisterError::NotASupportedMember { .. } => "governance-not-a-supported-member",
            RegisterError::ActsForButNotRepresentative => {
                "governance-acts-for-but-not-representative"
            }
            RegisterError::UnknownMember { .. } => "governance-unknown-member",
            RegisterError::AlreadyCeased { .. } => "governance-already-ceased",
            RegisterError::CeasedBeforeAdmitted { .. } => "governance-ceased-before-admitted",
            RegisterError::LeftBeforeTaking { .. } => "governance-left-before-taking",
            RegisterError::NoSuchOfficeHolder => "governance-no-such-office-holder",
            RegisterError::TooFewMembersToRegister { .. } => {
                "governance-too-few-members-to-register"
            }
        }
    }
}

/// The register of members and officers. There is no way to delete an
/// entry: that is the point.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Register {
    members: Vec<MemberEntry>,
    officers: Vec<OfficerEntry>,
}

impl Register {
    pub fn new() -> Register {
        Register::default()
    }

    /// Rebuilds the register from stored entries as they are.
    pub fn from_entries(members: Vec<MemberEntry>, officers: Vec<OfficerEntry>) -> Register {
        Register { members, officers }
    }

    pub fn members(&self) -> &[MemberEntry] {
        &self.members
    }

    pub fn officers(&self) -> &[OfficerEntry] {
        &self.officers
    }

    pub fn member(&self, member: &MemberId) -> Option<&MemberEntry> {
        self.members.iter().find(|e| &e.member == member)
    }

    pub fn members_on(&self, day: Date) -> impl Iterator<Item = &MemberEntry> {
        self.members.iter().filter(move |e| e.is_member_on(day))
    }

    pub fn member_count_on(&self, day: Date) -> u32 {
        u32::try_from(self.members_on(day).count()).unwrap_or(u32::MAX)
    }

    /// Enters a new member.
    pub fn admit(&mut self, entry: MemberEntry) -> Result<(), RegisterError> {
        if self.member(&entry.member).is_some() {
            return Err(RegisterError::AlreadyEntered {
                member: entry.member,
            });
        }
        if entry.name.trim().is_empty() || entry.postal_address.trim().is_empty() {
            return Err(RegisterError::MissingNameOrAddress);
        }
        if entry.shares_held == 0 {
            return Err(RegisterError::NoShares);
        }
        match (&entry.class, &entry.acts_for) {
            (MemberClass::Representative, None) => {
                return Err(RegisterError::RepresentativeWithoutPerson);
            }
            (MemberClass::Representative, Some(person)) => {
                let supported = self
                    .member(person)
                    .is_some_and(|e| e.class == MemberClass::SupportedPerson);
                if !supported {
                    return Err(RegisterError::NotASupportedMember {
                        member: person.clone(),
                    });
                }
            }
            (_, Some(_)) => return Err(RegisterError::ActsForButNotRepresentative),
            (_, None) => {}
        }
        if let Some(ceased) = &entry.ceased
            && ceased.on < entry.admitted_on
        {
            return Err(RegisterError::CeasedBeforeAdmitted {
                admitted: entry.admitted_on,
                ceased: ceased.on,
            });
        }
        self.members.push(entry);
        Ok(())
    }

    /// Records that a member ceased to be one; the entry stays.
    pub fn cease(
        &mut self,
        member: &MemberId,
        on: Date,
        reason: CessationReason,
    ) -> Result<(), RegisterError> {
        let entry = self
            .members
            .iter_mut()
            .find(|e| &e.member == member)
            .ok_or_else(|| RegisterError::UnknownMember {
                member: member.clone(),
            })?;
        if let Some(ceased) = &entry.ceased {
            return Err(RegisterError::AlreadyCeased {
                member: member.clone(),
                on: ceased.on,
            });
        }
        if on < entry.admitted_on {
            return Err(RegisterError::CeasedBeforeAdmitted {
                admitted: entry.admitted_on,
                ceased: on,
            });
        }
        entry.ceased = Some(Cessation { on, reason });
        Ok(())
    }

    /// Records an officer taking office.
    pub fn appoint(&mut self, entry: OfficerEntry) -> Result<(), RegisterError> {
        if entry.name.trim().is_empty() || entry.postal_address.trim().is_empty() {
            return Err(RegisterError::MissingNameOrAddress);
        }
        if let Some(left) = entry.left_office
            && left < entry.took_office
        {
            return Err(RegisterError::LeftBeforeTaking {
                took: entry.took_office,
                left,
            });
        }
        self.officers.push(entry);
        Ok(())
    }

    /// Records an officer leaving `office` on `on`; the entry stays.
    pub fn leave_office(
        &mut self,
        name: &str,
        office: Office,
        on: Date,
    ) -> Result<(), RegisterError> {
        let entry = self
            .officers
            .iter_mut()
            .find(|e| e.name == name && e.office == office && e.left_office.is_none())
            .ok_or(RegisterError::NoSuchOfficeHolder)?;
        if on < entry.took_office {
            return Err(RegisterError::LeftBeforeTaking {
                took: entry.took_office,
                left: on,
            });
        }
        entry.left_office = Some(on);
        Ok(())
    }

    /// Whether the co-operative has enough members on `day` to be marked
    /// registered (domain rule 19).
    pub fn may_register(&self, day: Date) -> Result<(), RegisterError> {
        let members = self.member_count_on(day);
        if members < MINIMUM_MEMBERS_TO_REGISTER {
            Err(RegisterError::TooFewMembersToRegister {
                members,
                needed: MINIMUM_MEMBERS_TO_REGISTER,
            })
        } else {
            Ok(())
        }
    }
}

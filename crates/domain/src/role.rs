//! The roles a person can hold within a co-operative.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::account::FieldError;

/// The class of membership a person holds; the rules may weight votes by
/// class in a multi-stakeholder co-operative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberClass {
    SupportedPerson,
    /// Acts for a supported person who lacks capacity or chooses to be
    /// represented.
    Representative,
    FamilyOrCarer,
    Pa,
    Supporter,
}

impl MemberClass {
    pub const ALL: [MemberClass; 5] = [
        MemberClass::SupportedPerson,
        MemberClass::Representative,
        MemberClass::FamilyOrCarer,
        MemberClass::Pa,
        MemberClass::Supporter,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MemberClass::SupportedPerson => "supported_person",
            MemberClass::Representative => "representative",
            MemberClass::FamilyOrCarer => "family_or_carer",
            MemberClass::Pa => "pa",
            MemberClass::Supporter => "supporter",
        }
    }

    pub fn parse(code: &str) -> Result<MemberClass, FieldError> {
        MemberClass::ALL
            .into_iter()
            .find(|class| class.code() == code)
            .ok_or(FieldError::UnknownChoice)
    }
}

/// Offices held by members the co-operative has elected or appointed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    Chair,
    Secretary,
    Treasurer,
    Coordinator,
}

impl Office {
    pub const ALL: [Office; 4] = [
        Office::Chair,
        Office::Secretary,
        Office::Treasurer,
        Office::Coordinator,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Office::Chair => "chair",
            Office::Secretary => "secretary",
            Office::Treasurer => "treasurer",
            Office::Coordinator => "coordinator",
        }
    }

    pub fn parse(code: &str) -> Result<Office, FieldError> {
        Office::ALL
            .into_iter()
            .find(|office| office.code() == code)
            .ok_or(FieldError::UnknownChoice)
    }
}

/// Everything one person is within one co-operative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoopRoles {
    /// `None` for someone who holds an office without (yet) being admitted
    /// as a member, such as a first officer invited when the co-operative is
    /// being formed.
    pub class: Option<MemberClass>,
    pub offices: BTreeSet<Office>,
}

impl CoopRoles {
    pub fn member(class: MemberClass) -> Self {
        CoopRoles {
            class: Some(class),
            offices: BTreeSet::new(),
        }
    }

    pub fn officer(office: Office) -> Self {
        CoopRoles {
            class: None,
            offices: BTreeSet::from([office]),
        }
    }

    pub fn with_office(mut self, office: Office) -> Self {
        self.offices.insert(office);
        self
    }

    pub fn is_officer(&self) -> bool {
        !self.offices.is_empty()
    }

    pub fn holds(&self, office: Office) -> bool {
        self.offices.contains(&office)
    }
}

//! Who the co-operative provides care and support to, and the four-person
//! rule.
//!
//! A family co-operative stays outside regulation as a domiciliary support
//! service only while it provides care and support to no more than four
//! people (SI 2017/1264, Part 2). Cylch reads that as four *at any one time*
//! by default; [`Counting::EveryoneEver`] is the strictest reading, for a
//! co-operative whose advisers read the regulation that way.
//!
//! Dates: a place runs from its `starts` day up to, but not including, its
//! `ends` day. Support that ends on day D frees the place from D, so a new
//! person may start on the day another person's support ends. This matches
//! how handovers happen (the last shift of one and the first of the next on
//! the same day would otherwise be impossible) and it keeps "the day support
//! ended" the date the members record.

use cylch_domain::CoopKind;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ids::{MemberId, PersonId};

/// The usual limit under the regulation.
pub const FOUR_PERSON_LIMIT: u32 = 4;

/// How a person receiving support belongs to the co-operative (domain rule
/// 2: everyone supported is a member or is represented by one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "link", content = "member", rename_all = "snake_case")]
pub enum MemberLink {
    /// The person is a member themselves.
    Member(MemberId),
    /// A member acts for them (a family member, appointee or other
    /// representative).
    RepresentedBy(MemberId),
    /// Neither: not allowed while the rule requires membership.
    NotAMember,
}

/// One person's period of care and support from the co-operative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportPlace {
    pub person: PersonId,
    pub link: MemberLink,
    pub starts: Date,
    /// The day support ended; `None` while it continues.
    pub ends: Option<Date>,
    /// Why support ended, recorded for history.
    pub end_reason: Option<SupportEndReason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportEndReason {
    NoLongerNeeded,
    MovedAway,
    ChoseAnotherProvider,
    Died,
    MovedToAnotherCoop,
    Other,
}

impl SupportPlace {
    pub fn open(person: PersonId, link: MemberLink, starts: Date) -> SupportPlace {
        SupportPlace {
            person,
            link,
            starts,
            ends: None,
            end_reason: None,
        }
    }

    /// Whether the person takes up a place on `day`.
    pub fn is_active_on(&self, day: Date) -> bool {
        self.starts <= day && self.ends.is_none_or(|end| day < end)
    }

    /// Whether two places share at least one day.
    fn overlaps(&self, starts: Date, ends: Option<Date>) -> bool {
        let self_before_other_ends = ends.is_none_or(|end| self.starts < end);
        let other_before_self_ends = self.ends.is_none_or(|end| starts < end);
        self_before_other_ends && other_before_self_ends
    }
}

/// The co-operative's recorded registration with Care Inspectorate Wales as
/// a provider of a domiciliary support service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CiwRegistration {
    pub registration_number: String,
    /// The day the registration took effect; more than four people may be
    /// supported from this day.
    pub registered_on: Date,
}

/// How people are counted against the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    /// At most `limit` people supported on any one day.
    #[default]
    AtAnyOneTime,
    /// At most `limit` people ever, however support starts and ends.
    EveryoneEver,
}

impl std::fmt::Display for Counting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Counting::AtAnyOneTime => "at any one time",
            Counting::EveryoneEver => "in all, counting everyone ever supported",
        })
    }
}

/// The capacity settings of the instance or co-operative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CapacityRules {
    pub limit: u32,
    pub counting: Counting,
    /// Everyone supported must be a member or represented by one.
    pub require_membership: bool,
}

impl Default for CapacityRules {
    fn default() -> Self {
        CapacityRules {
            limit: FOUR_PERSON_LIMIT,
            counting: Counting::AtAnyOneTime,
            require_membership: true,
        }
    }
}

/// What the members can do when the limit is reached; each is explained on
/// the page that shows the refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "choice", rename_all = "snake_case")]
pub enum CapacityChoice {
    /// End one of these people's support on or before the new start date.
    EndSomeonesSupport { people: Vec<PersonId> },
    /// Start the new person's support later, on a day when a place is free.
    StartLater { first_free_day: Date },
    /// Register with Care Inspectorate Wales as a domiciliary support
    /// service; a family co-operative would then run as a citizen-led one.
    RegisterWithCiw { becomes_citizen_led: bool },
    /// Form a second co-operative for the new person and others.
    FormAnotherCoop,
}

/// Why a person cannot be given a place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SupportRefusal {
    #[error(
        "a co-operative that is not registered with Care Inspectorate Wales may provide care and support \
         to at most {limit} people {counting}; {current} would already be supported on {busiest_day}. \
         The members can end someone's support, start later, register with Care Inspectorate Wales, \
         or form another co-operative"
    )]
    FourPersonLimit {
        current: u32,
        limit: u32,
        busiest_day: Date,
        counting: Counting,
        choices: Vec<CapacityChoice>,
    },
    #[error(
        "a PA co-operative supports its PAs and does not provide care and support itself, so it has \
         no supported people; the people PAs support engage them directly"
    )]
    PaCoopProvidesNoSupport,
    #[error(
        "everyone the co-operative supports must be a member or be represented by a member; \
         admit them or their representative first"
    )]
    NotAMember,
    #[error("{person} already has care and support from the co-operative over those dates")]
    AlreadySupported { person: PersonId },
    #[error("support cannot end ({ends}) before it starts ({starts})")]
    EndsBeforeStart { starts: Date, ends: Date },
}

impl SupportRefusal {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            SupportRefusal::FourPersonLimit { .. } => "governance-four-person-limit",
            SupportRefusal::PaCoopProvidesNoSupport => "governance-pa-coop-provides-no-support",
            SupportRefusal::NotAMember => "governance-not-a-member",
            SupportRefusal::AlreadySupported { .. } => "governance-already-supported",
            SupportRefusal::EndsBeforeStart { .. } => "governance-ends-before-start",
        }
    }
}

/// Why support could not be ended as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndSupportError {
    #[error("{person} has no continuing care and support to end")]
    NoOpenPlace { person: PersonId },
    #[error("support cannot end ({ends}) before it started ({starts})")]
    EndsBeforeStart { starts: Date, ends: Date },
}

impl EndSupportError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            EndSupportError::NoOpenPlace { .. } => "governance-no-open-place",
            EndSupportError::EndsBeforeStart { .. } => "governance-ends-before-start",
        }
    }
}

/// Every place the co-operative has ever given: ending support keeps the
/// entry, so the history of who was supported when is never lost.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportRegister {
    places: Vec<SupportPlace>,
}

impl SupportRegister {
    pub fn new() -> SupportRegister {
        SupportRegister::default()
    }

    /// Rebuilds a register from stored places without re-checking them, so
    /// that history recorded under older settings can still be read.
    pub fn from_history(places: Vec<SupportPlace>) -> SupportRegister {
        SupportRegister { places }
    }

    pub fn places(&self) -> &[SupportPlace] {
        &self.places
    }

    pub fn supported_on(&self, day: Date) -> impl Iterator<Item = &SupportPlace> {
        self.places
            .iter()
            .filter(move |place| place.is_active_on(day))
    }

    pub fn count_on(&self, day: Date) -> u32 {
        u32::try_from(self.supported_on(day).count()).unwrap_or(u32::MAX)
    }

    /// Checks whether `proposed` may be added, without adding it; the pages
    /// use this to explain before anyone commits.
    pub fn check_addition(
        &self,
        kind: CoopKind,
        rules: CapacityRules,
        ciw: Option<&CiwRegistration>,
        proposed: &SupportPlace,
    ) -> Result<(), SupportRefusal> {
        if !kind.provides_support() {
            return Err(SupportRefusal::PaCoopProvidesNoSupport);
        }
        if let Some(ends) = proposed.ends
            && ends < proposed.starts
        {
            return Err(SupportRefusal::EndsBeforeStart {
                starts: proposed.starts,
                ends,
            });
        }
        if rules.require_membership && proposed.link == MemberLink::NotAMember {
            return Err(SupportRefusal::NotAMember);
        }
        if self
            .places
            .iter()
            .any(|p| p.person == proposed.person && p.overlaps(proposed.starts, proposed.ends))
        {
            return Err(SupportRefusal::AlreadySupported {
                person: proposed.person.clone(),
            });
        }
        // The limit binds only on days before a recorded CIW registration.
        let limit_ends = match (ciw, proposed.ends) {
            (Some(registration), Some(end)) => Some(end.min(registration.registered_on)),
            (Some(registration), None) => Some(registration.registered_on),
            (None, end) => end,
        };
        if limit_ends.is_some_and(|end| end <= proposed.starts) {
            return Ok(());
        }
        match rules.counting {
            Counting::AtAnyOneTime => self.check_concurrent(kind, rules, proposed, limit_ends),
            Counting::EveryoneEver => self.check_everyone_ever(kind, rules, proposed),
        }
    }

    /// Adds a place after checking it.
    pub fn add(
        &mut self,
        kind: CoopKind,
        rules: CapacityRules,
        ciw: Option<&CiwRegistration>,
        proposed: SupportPlace,
    ) -> Result<(), SupportRefusal> {
        self.check_addition(kind, rules, ciw, &proposed)?;
        self.places.push(proposed);
        Ok(())
    }

    /// Ends a person's continuing support on `on`, which frees their place
    /// from that day. The entry stays.
    pub fn end(
        &mut self,
        person: &PersonId,
        on: Date,
        reason: SupportEndReason,
    ) -> Result<(), EndSupportError> {
        let place = self
            .places
            .iter_mut()
            .find(|p| &p.person == person && p.ends.is_none())
            .ok_or_else(|| EndSupportError::NoOpenPlace {
                person: person.clone(),
            })?;
        if on < place.starts {
            return Err(EndSupportError::EndsBeforeStart {
                starts: place.starts,
                ends: on,
            });
        }
        place.ends = Some(on);
        place.end_reason = Some(reason);
        Ok(())
    }

    fn check_concurrent(
        &self,
        kind: CoopKind,
        rules: CapacityRules,
        proposed: &SupportPlace,
        limit_ends: Option<Date>,
    ) -> Result<(), SupportRefusal> {
        let within = |day: Date| day >= proposed.starts && limit_ends.is_none_or(|end| day < end);
        // The count only rises on a day someone's place starts, so the
        // busiest day in the period is the start of the period or a start
        // inside it.
        let mut busiest: Option<(u32, Date)> = None;
        let candidates = std::iter::once(proposed.starts)
            .chain(self.places.iter().map(|p| p.starts).filter(|d| within(*d)));
        for day in candidates {
            let count = self.count_on(day);
            if busiest.is_none_or(|(most, _)| count > most) {
                busiest = Some((count, day));
            }
        }
        let Some((current, busiest_day)) = busiest else {
            return Ok(());
        };
        if current < rules.limit {
            return Ok(());
        }
        let mut choices = Vec::new();
        let blocking: Vec<PersonId> = self
            .supported_on(busiest_day)
            .map(|p| p.person.clone())
            .collect();
        choices.push(CapacityChoice::EndSomeonesSupport { people: blocking });
        if let Some(first_free_day) = self.first_free_day_after(rules.limit, proposed.starts) {
            choices.push(CapacityChoice::StartLater { first_free_day });
        }
        choices.push(CapacityChoice::RegisterWithCiw {
            becomes_citizen_led: kind == CoopKind::Family,
        });
        choices.push(CapacityChoice::FormAnotherCoop);
        Err(SupportRefusal::FourPersonLimit {
            current,
            limit: rules.limit,
            busiest_day,
            counting: Counting::AtAnyOneTime,
            choices,
        })
    }

    fn check_everyone_ever(
        &self,
        kind: CoopKind,
        rules: CapacityRules,
        proposed: &SupportPlace,
    ) -> Result<(), SupportRefusal> {
        let mut people: Vec<&PersonId> = self.places.iter().map(|p| &p.person).collect();
        people.sort();
        people.dedup();
        if people.contains(&&proposed.person) {
            return Ok(());
        }
        let current = u32::try_from(people.len()).unwrap_or(u32::MAX);
        if current < rules.limit {
            return Ok(());
        }
        Err(SupportRefusal::FourPersonLimit {
            current,
            limit: rules.limit,
            busiest_day: proposed.starts,
            counting: Counting::EveryoneEver,
            choices: vec![
                CapacityChoice::RegisterWithCiw {
                    becomes_citizen_led: kind == CoopKind::Family,
                },
                CapacityChoice::FormAnotherCoop,
            ],
        })
    }

    /// The first day from `from` after which fewer than `limit` people are
    /// supported for good, if places already end. A day when the count dips
    /// but later rises again would not give an open-ended place a home.
    fn first_free_day_after(&self, limit: u32, from: Date) -> Option<Date> {
        let mut days: Vec<Date> = self
            .places
            .iter()
            .filter_map(|p| p.ends)
            .filter(|d| *d > from)
            .collect();
        days.sort();
        days.into_iter().find(|day| {
            let from_then = std::iter::once(*day)
                .chain(self.places.iter().map(|p| p.starts).filter(|s| s > day));
            from_then.into_iter().all(|d| self.count_on(d) < limit)
        })
    }
}

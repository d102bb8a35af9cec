//! Quorum: no decision without enough members present.
//!
//! Members present in person (or online, where the rules allow joining
//! online) count; a member represented by proxy counts when the rules allow
//! proxies and the proxy holder is present. Apologies are recorded but do
//! not count.

use serde::{Deserialize, Serialize};

use crate::ids::MemberId;
use crate::notice::MeetingKind;
use crate::rules::Rules;
use crate::vote::{Channel, VoteError, check_channels};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "attendance", rename_all = "snake_case")]
pub enum Attendance {
    Present,
    /// Represented by another member holding their proxy.
    ByProxy {
        holder: MemberId,
    },
    Apologies,
}

/// One member's attendance at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRecord {
    pub member: MemberId,
    pub attendance: Attendance,
}

/// The quorum worked out, to show at the meeting and in the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuorumCheck {
    /// Members counted: present, plus represented by proxy where that counts.
    pub present: u32,
    pub in_person: u32,
    pub by_proxy: u32,
    pub apologies: u32,
    pub required: u32,
    pub quorate: bool,
}

/// Works out the quorum of a `kind` meeting with `entitled` members entitled
/// to attend (for a committee meeting, the committee members).
pub fn check_quorum(
    rules: &Rules,
    kind: MeetingKind,
    entitled: u32,
    attendance: &[AttendanceRecord],
) -> Result<QuorumCheck, VoteError> {
    // The proxy limits and "one entry per member" are the same as for votes.
    let as_channels: Vec<(&MemberId, Channel)> = attendance
        .iter()
        .filter_map(|record| match &record.attendance {
            Attendance::Present => Some((&record.member, Channel::AtMeeting)),
            Attendance::ByProxy { holder } if kind.is_general() => Some((
                &record.member,
                Channel::Proxy {
                    holder: holder.clone(),
                },
            )),
            Attendance::ByProxy { .. } | Attendance::Apologies => None,
        })
        .collect();
    check_channels(rules, as_channels.iter().map(|(m, c)| (*m, c)))?;
    let mut seen = std::collections::BTreeSet::new();
    for record in attendance {
        if !seen.insert(&record.member) {
            return Err(VoteError::DuplicateVoter {
                voter: record.member.clone(),
            });
        }
    }
    let present_members: std::collections::BTreeSet<&MemberId> = attendance
        .iter()
        .filter(|r| r.attendance == Attendance::Present)
        .map(|r| &r.member)
        .collect();
    let count = |pred: &dyn Fn(&AttendanceRecord) -> bool| {
        u32::try_from(attendance.iter().filter(|r| pred(r)).count()).unwrap_or(u32::MAX)
    };
    let in_person = count(&|r| r.attendance == Attendance::Present);
    // Committee members act in person; proxies are a general meeting matter.
    let by_proxy = if kind.is_general() {
        count(&|r| match &r.attendance {
            Attendance::ByProxy { holder } => present_members.contains(holder),
            _ => false,
        })
    } else {
        0
    };
    let apologies = count(&|r| r.attendance == Attendance::Apologies);
    let quorum = if kind.is_general() {
        rules.general_meeting_quorum
    } else {
        rules.committee_quorum
    };
    let required = quorum.required(entitled);
    let present = in_person + by_proxy;
    Ok(QuorumCheck {
        present,
        in_person,
        by_proxy,
        apologies,
        required,
        quorate: present >= required,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(member: &str, attendance: Attendance) -> AttendanceRecord {
        AttendanceRecord {
            member: MemberId::new(member),
            attendance,
        }
    }

    fn proxy(holder: &str) -> Attendance {
        Attendance::ByProxy {
            holder: MemberId::new(holder),
        }
    }

    #[test]
    fn half_of_an_odd_membership_rounds_up() -> Result<(), VoteError> {
        let rules = Rules::default();
        let two = [
            record("a", Attendance::Present),
            record("b", Attendance::Present),
        ];
        let check = check_quorum(&rules, MeetingKind::General, 5, &two)?;
        assert_eq!(
            (check.present, check.required, check.quorate),
            (2, 3, false)
        );
        let check = check_quorum(&rules, MeetingKind::General, 4, &two)?;
        assert!(check.quorate);
        Ok(())
    }

    #[test]
    fn proxies_count_when_allowed_and_the_holder_is_there() -> Result<(), VoteError> {
        let mut rules = Rules::default();
        let attendance = [
            record("a", Attendance::Present),
            record("b", proxy("a")),
            record("c", proxy("z")),
            record("d", Attendance::Apologies),
        ];
        let check = check_quorum(&rules, MeetingKind::General, 6, &attendance)?;
        assert_eq!(check.in_person, 1);
        assert_eq!(check.by_proxy, 1, "z is not there, so c is not represented");
        assert_eq!(check.apologies, 1);
        assert_eq!(
            (check.present, check.required, check.quorate),
            (2, 3, false)
        );

        rules.proxies.allowed = false;
        assert_eq!(
            check_quorum(&rules, MeetingKind::General, 6, &attendance),
            Err(VoteError::ProxiesNotAllowed)
        );
        Ok(())
    }

    #[test]
    fn a_holder_may_carry_at_most_five_proxies() {
        let rules = Rules::default();
        let mut attendance = vec![record("h", Attendance::Present)];
        for i in 0..6 {
            attendance.push(record(&format!("m{i}"), proxy("h")));
        }
        assert!(matches!(
            check_quorum(&rules, MeetingKind::General, 20, &attendance),
            Err(VoteError::TooManyProxies {
                held: 6,
                limit: 5,
                ..
            })
        ));
        attendance.pop();
        assert!(check_quorum(&rules, MeetingKind::General, 20, &attendance).is_ok());
    }

    #[test]
    fn committee_meetings_use_the_committee_quorum_without_proxies() -> Result<(), VoteError> {
        let rules = Rules::default();
        let attendance = [record("a", Attendance::Present), record("b", proxy("a"))];
        let check = check_quorum(&rules, MeetingKind::Committee, 3, &attendance)?;
        assert_eq!(
            (check.present, check.required, check.quorate),
            (1, 2, false)
        );
        Ok(())
    }

    #[test]
    fn a_member_is_counted_once() {
        let rules = Rules::default();
        let attendance = [
            record("a", Attendance::Present),
            record("a", Attendance::Apologies),
        ];
        assert!(matches!(
            check_quorum(&rules, MeetingKind::General, 3, &attendance),
            Err(VoteError::DuplicateVoter { .. })
        ));
    }
}

//! Small builders shared by the tests.

use cylch_domain::MemberClass;
use cylch_governance::support::MemberLink;
use cylch_governance::{Ballot, Channel, MemberId, PersonId, SupportPlace, VoteChoice};
use jiff::civil::Date;

pub fn member(id: &str) -> MemberId {
    MemberId::new(id)
}

pub fn place(person: &str, starts: Date) -> SupportPlace {
    SupportPlace::open(
        PersonId::new(person),
        MemberLink::Member(member(person)),
        starts,
    )
}

pub fn ballot(voter: &str, class: MemberClass, choice: VoteChoice) -> Ballot {
    Ballot {
        voter: member(voter),
        class,
        choice,
        channel: Channel::Online,
    }
}

/// `for_votes` for, `against` against and `abstain` abstaining, all in one
/// class, with distinct voters.
pub fn ballots(for_votes: u32, against: u32, abstain: u32) -> Vec<Ballot> {
    let mut all = Vec::new();
    let mut n = 0;
    for (count, choice) in [
        (for_votes, VoteChoice::For),
        (against, VoteChoice::Against),
        (abstain, VoteChoice::Abstain),
    ] {
        for _ in 0..count {
            all.push(ballot(&format!("m{n}"), MemberClass::FamilyOrCarer, choice));
            n += 1;
        }
    }
    all
}

use std::collections::BTreeSet;

use cylch_governance::MemberId;
use cylch_governance::meeting::{MeetingStep, NoticeGiven};
use cylch_governance::quorum::QuorumCheck;
use cylch_governance::{
    Attendance, AttendanceRecord, Meeting, MeetingError, MeetingId, MeetingKind, MeetingState,
    Rules, ShortNoticeConsent, check_quorum,
};
use jiff::civil::{Date, date};

use crate::common::member;

fn quorate() -> QuorumCheck {
    let attendance: Vec<AttendanceRecord> = ["a", "b", "c"]
        .into_iter()
        .map(|m| AttendanceRecord {
            member: member(m),
            attendance: Attendance::Present,
        })
        .collect();
    check_quorum(&Rules::default(), MeetingKind::General, 5, &attendance).unwrap()
}

fn inquorate() -> QuorumCheck {
    let attendance = [AttendanceRecord {
        member: member("a"),
        attendance: Attendance::Present,
    }];
    check_quorum(&Rules::default(), MeetingKind::General, 5, &attendance).unwrap()
}

fn members() -> BTreeSet<MemberId> {
    ["a", "b", "c", "d", "e"].into_iter().map(member).collect()
}

fn notice(sent_on: Date) -> NoticeGiven {
    NoticeGiven {
        sent_on,
        agenda: vec![
            "Accounts for the year".into(),
            "Election of the committee".into(),
        ],
        sent_to: members(),
    }
}

fn held(id: &str, on: Date, quorum: QuorumCheck) -> Meeting {
    let rules = Rules::default();
    let mut meeting = Meeting::schedule(MeetingId::new(id), MeetingKind::General, on);
    let sent = cylch_governance::latest_notice_date(on, 14).unwrap();
    meeting
        .send_notice(&rules, &notice(sent), &members(), None)
        .unwrap();
    meeting.hold(on, quorum).unwrap();
    meeting
}

#[test]
fn a_meeting_goes_from_scheduled_to_locked() {
    let rules = Rules::default();
    let mut agm = Meeting::schedule(
        MeetingId::new("agm"),
        MeetingKind::AnnualGeneral,
        date(2026, 6, 20),
    );
    agm.reschedule(date(2026, 6, 27)).unwrap();
    let notice = agm
        .send_notice(&rules, &notice(date(2026, 6, 12)), &members(), None)
        .unwrap();
    assert_eq!((notice.clear_days, notice.required), (14, 14));
    agm.hold(date(2026, 6, 27), quorate()).unwrap();
    agm.may_decide().unwrap();
    agm.draft_minutes().unwrap();
    agm.may_edit_minutes().unwrap();

    let next = held("next", date(2026, 9, 19), quorate());
    agm.approve_minutes(&next).unwrap();
    assert!(
        agm.may_edit_minutes().is_err(),
        "approved minutes are not edited"
    );
    agm.lock().unwrap();
    assert!(matches!(
        agm.state,
        MeetingState::Locked { ref approved_at, approved_on, .. }
            if approved_at.as_str() == "next" && approved_on == date(2026, 9, 19)
    ));
    assert_eq!(
        agm.lock(),
        Err(MeetingError::InvalidStep {
            state: "locked",
            step: MeetingStep::Lock
        })
    );
}

#[test]
fn short_notice_is_refused_with_the_earliest_date() {
    let rules = Rules::default();
    let mut meeting = Meeting::schedule(
        MeetingId::new("gm"),
        MeetingKind::General,
        date(2026, 12, 31),
    );
    assert_eq!(
        meeting.send_notice(&rules, &notice(date(2026, 12, 20)), &members(), None),
        Err(MeetingError::NoticeTooShort {
            sent_on: date(2026, 12, 20),
            clear_days: 10,
            required: 14,
            earliest: date(2027, 1, 4),
        })
    );
    assert_eq!(meeting.state, MeetingState::Scheduled);
    // With 90% of the members agreeing in writing, it may go ahead.
    let notice = meeting
        .send_notice(
            &rules,
            &notice(date(2026, 12, 20)),
            &members(),
            Some(ShortNoticeConsent {
                agreeing: 9,
                entitled: 10,
            }),
        )
        .unwrap();
    assert!(notice.by_consent);
    assert!(meeting.reschedule(date(2027, 1, 10)).is_err());
}

#[test]
fn steps_out_of_order_are_refused() {
    let mut meeting = Meeting::schedule(
        MeetingId::new("m"),
        MeetingKind::Committee,
        date(2026, 5, 1),
    );
    assert!(matches!(
        meeting.hold(date(2026, 5, 1), quorate()),
        Err(MeetingError::InvalidStep {
            state: "scheduled",
            step: MeetingStep::Hold
        })
    ));
    assert!(meeting.draft_minutes().is_err());
    assert!(meeting.lock().is_err());
    assert!(meeting.may_decide().is_err());
    meeting
        .send_notice(
            &Rules::default(),
            &notice(date(2026, 4, 20)),
            &members(),
            None,
        )
        .unwrap();
    assert_eq!(
        meeting.hold(date(2026, 5, 2), quorate()),
        Err(MeetingError::HeldOnAnotherDay {
            date: date(2026, 5, 1),
            held_on: date(2026, 5, 2)
        })
    );
    meeting.hold(date(2026, 5, 1), quorate()).unwrap();
    assert!(
        meeting.cancel().is_err(),
        "a held meeting cannot be cancelled"
    );

    let mut called_off =
        Meeting::schedule(MeetingId::new("c"), MeetingKind::General, date(2026, 5, 1));
    called_off.cancel().unwrap();
    assert!(
        called_off
            .send_notice(
                &Rules::default(),
                &notice(date(2026, 4, 1)),
                &members(),
                None
            )
            .is_err()
    );
}

#[test]
fn an_inquorate_meeting_is_recorded_but_decides_nothing() {
    let meeting = held("m", date(2026, 5, 1), inquorate());
    assert_eq!(
        meeting.may_decide(),
        Err(MeetingError::NotQuorate {
            present: 1,
            required: 3
        })
    );
}

#[test]
fn minutes_are_approved_only_at_a_later_quorate_meeting() {
    let mut first = held("first", date(2026, 5, 1), quorate());
    first.draft_minutes().unwrap();
    let same = first.clone();
    assert_eq!(
        first.approve_minutes(&same),
        Err(MeetingError::ApprovedAtSameMeeting)
    );
    let earlier = held("earlier", date(2026, 4, 1), quorate());
    assert!(matches!(
        first.approve_minutes(&earlier),
        Err(MeetingError::ApprovedTooEarly { .. })
    ));
    let thin = held("thin", date(2026, 6, 1), inquorate());
    assert!(matches!(
        first.approve_minutes(&thin),
        Err(MeetingError::NotQuorate { .. })
    ));
    let not_yet_held = Meeting::schedule(
        MeetingId::new("later"),
        MeetingKind::General,
        date(2026, 7, 1),
    );
    assert!(first.approve_minutes(&not_yet_held).is_err());
    assert!(matches!(first.state, MeetingState::MinutesDrafted { .. }));
}

#[test]
fn the_committee_approves_its_own_minutes_and_the_members_theirs() {
    let mut general = held("general", date(2026, 5, 1), quorate());
    general.draft_minutes().unwrap();
    let mut committee = held("committee", date(2026, 6, 1), quorate());
    committee.kind = MeetingKind::Committee;
    assert_eq!(
        general.approve_minutes(&committee),
        Err(MeetingError::ApprovedByAnotherBody)
    );
    let mut agm = held("agm", date(2026, 6, 2), quorate());
    agm.kind = MeetingKind::AnnualGeneral;
    general.approve_minutes(&agm).unwrap();
    assert!(matches!(
        general.state,
        MeetingState::MinutesApproved { approved_on, .. } if approved_on == date(2026, 6, 2)
    ));
}

#[test]
fn notice_goes_to_everyone_entitled_with_the_agenda() {
    let rules = Rules::default();
    let mut meeting = Meeting::schedule(
        MeetingId::new("gm"),
        MeetingKind::General,
        date(2026, 6, 30),
    );
    let mut partial = notice(date(2026, 6, 1));
    partial.sent_to.remove(&member("e"));
    assert_eq!(
        meeting.send_notice(&rules, &partial, &members(), None),
        Err(MeetingError::NotEveryoneNotified {
            missing: vec![member("e")]
        })
    );
    let mut bare = notice(date(2026, 6, 1));
    bare.agenda = vec![" ".into()];
    assert_eq!(
        meeting.send_notice(&rules, &bare, &members(), None),
        Err(MeetingError::NoAgenda)
    );
    meeting
        .send_notice(&rules, &notice(date(2026, 6, 1)), &members(), None)
        .unwrap();
}

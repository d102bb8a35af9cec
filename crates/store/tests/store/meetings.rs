//! Meetings in the store, on SQLite and PostgreSQL: notice in time to
//! everyone entitled, attendance with the quorum worked out, minutes
//! approved at a later meeting and then locked for good (by the database
//! too), votes given at the meeting counted as the member's one ballot.

use cylch_governance::meeting::{MeetingError, MeetingStep};
use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, VoteChoice, VoteError};
use cylch_governance::{MeetingKind, MeetingState, ShortNoticeConsent};
use cylch_store::meetings::{Mark, MeetingRecord, MeetingStoreError, NewMeeting};
use cylch_store::testing::execute_raw;
use cylch_store::votes::{NewProposal, VotingError};
use cylch_store::{AccountId, CoopScope};
use jiff::Timestamp;
use jiff::civil::{Date, Time};

use super::*;

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn seven_pm() -> Time {
    Time::new(19, 0, 0, 0).unwrap()
}

/// A co-operative whose secretary (also a member) keeps the meetings, with
/// `n` ordinary members: the secretary's scope and the members' accounts.
async fn coop(store: &Store, n: usize) -> (CoopScope, Vec<cylch_store::accounts::Account>) {
    let (coop, secretary, members) = coop_with_members(
        store,
        "Cylch Cyfarfod",
        ("ysgrifennydd@example.cymru", Office::Secretary),
        MemberClass::FamilyOrCarer,
        "aelod",
        n,
    )
    .await;
    (
        store.scope(&secretary.id, &coop.id).await.unwrap().unwrap(),
        members,
    )
}

async fn schedule(
    store: &Store,
    scope: &CoopScope,
    kind: MeetingKind,
    on: &str,
    proposals: &[String],
) -> MeetingRecord {
    store
        .schedule_meeting(
            scope,
            NewMeeting {
                kind,
                date: day(on),
                starts_at: seven_pm(),
                place: "Neuadd y Pentref, Llanrug",
                agenda: &["Accounts for the year".to_owned(), " ".to_owned()],
                proposals,
            },
        )
        .await
        .unwrap()
}

/// Notice on `sent`, everyone but the last member present, then held.
async fn hold(
    store: &Store,
    scope: &CoopScope,
    members: &[cylch_store::accounts::Account],
    meeting: &MeetingRecord,
    sent: &str,
) {
    store
        .give_notice(scope, &meeting.id, day(sent), None)
        .await
        .unwrap();
    let mut marks = vec![(scope.account().clone(), Some(Mark::Present))];
    for (i, m) in members.iter().enumerate() {
        let mark = if i + 1 == members.len() {
            Mark::Apologies
        } else {
            Mark::Present
        };
        marks.push((m.id.clone(), Some(mark)));
    }
    store
        .record_attendance(scope, &meeting.id, &marks)
        .await
        .unwrap();
    store
        .hold_meeting(scope, &meeting.id, meeting.date)
        .await
        .unwrap();
}

on_both_databases!(
    a_meeting_runs_from_notice_to_minutes_locked_for_good,
    |store| {
        let (scope, members) = coop(&store, 4).await;
        let agm = schedule(
            &store,
            &scope,
            MeetingKind::AnnualGeneral,
            "2026-06-20",
            &[],
        )
        .await;
        assert_eq!(agm.agenda, ["Accounts for the year"], "blank items dropped");
        assert!(matches!(agm.state, MeetingState::Scheduled));

        let (sent, to) = store
            .give_notice(&scope, &agm.id, day("2026-06-01"), None)
            .await
            .unwrap();
        assert!(matches!(sent.state, MeetingState::NoticeSent { .. }));
        assert_eq!(to.len(), 5, "every current member: the secretary and four");
        assert_eq!(
            store
                .notice_recipients(&scope, &agm.id)
                .await
                .unwrap()
                .len(),
            5
        );

        let marks = [
            (scope.account().clone(), Some(Mark::Present)),
            (members[0].id.clone(), Some(Mark::Present)),
            (members[1].id.clone(), Some(Mark::Apologies)),
            (members[2].id.clone(), Some(Mark::Absent)),
        ];
        let quorum = store
            .record_attendance(&scope, &agm.id, &marks)
            .await
            .unwrap();
        assert_eq!(
            (
                quorum.present,
                quorum.apologies,
                quorum.required,
                quorum.quorate
            ),
            (2, 1, 3, false),
            "2 of 5 present; half of 5 rounds up to 3"
        );
        let quorum = store
            .record_attendance(
                &scope,
                &agm.id,
                &[(members[2].id.clone(), Some(Mark::Present))],
            )
            .await
            .unwrap();
        assert!(quorum.quorate);
        let rows = store.attendance(&scope, &agm.id).await.unwrap();
        assert_eq!(rows.len(), 5);
        assert_eq!(rows.iter().filter(|r| r.mark.is_none()).count(), 1);

        let wrong_day = store.hold_meeting(&scope, &agm.id, day("2026-06-21")).await;
        assert!(matches!(
            wrong_day,
            Err(MeetingStoreError::Refused(
                MeetingError::HeldOnAnotherDay { .. }
            ))
        ));
        let held = store
            .hold_meeting(&scope, &agm.id, day("2026-06-20"))
            .await
            .unwrap();
        assert_eq!(held.quorum().unwrap().present, 3);
        store
            .draft_minutes(&scope, &agm.id, "  The accounts were received.  ")
            .await
            .unwrap();
        let drafted = store
            .draft_minutes(&scope, &agm.id, "The accounts were received and adopted.")
            .await
            .unwrap();
        assert_eq!(drafted.minutes, "The accounts were received and adopted.");

        // A committee meeting cannot approve the members' minutes; the next
        // general meeting does.
        let committee = schedule(&store, &scope, MeetingKind::Committee, "2026-07-10", &[]).await;
        let (_, officers) = store
            .give_notice(&scope, &committee.id, day("2026-07-01"), None)
            .await
            .unwrap();
        assert_eq!(
            officers.len(),
            1,
            "committee notice goes to office holders only"
        );
        store
            .record_attendance(
                &scope,
                &committee.id,
                &[(scope.account().clone(), Some(Mark::Present))],
            )
            .await
            .unwrap();
        store
            .hold_meeting(&scope, &committee.id, day("2026-07-10"))
            .await
            .unwrap();
        assert!(matches!(
            store.approve_minutes(&scope, &agm.id, &committee.id).await,
            Err(MeetingStoreError::Refused(
                MeetingError::ApprovedByAnotherBody
            ))
        ));

        let next = schedule(&store, &scope, MeetingKind::General, "2026-09-01", &[]).await;
        hold(&store, &scope, &members, &next, "2026-08-10").await;
        let approved = store
            .approve_minutes(&scope, &agm.id, &next.id)
            .await
            .unwrap();
        assert!(matches!(
            approved.state,
            MeetingState::MinutesApproved { approved_on, .. } if approved_on == day("2026-09-01")
        ));
        let locked = store.lock_minutes(&scope, &agm.id).await.unwrap();
        assert!(locked.is_locked());

        // Nothing changes after this, through the store or around it.
        assert!(matches!(
            store.draft_minutes(&scope, &agm.id, "Rewritten").await,
            Err(MeetingStoreError::Refused(MeetingError::InvalidStep {
                step: MeetingStep::EditMinutes,
                ..
            }))
        ));
        assert!(matches!(
            store
                .record_attendance(
                    &scope,
                    &agm.id,
                    &[(members[3].id.clone(), Some(Mark::Present))]
                )
                .await,
            Err(MeetingStoreError::AttendanceClosed)
        ));
        assert!(store.cancel_meeting(&scope, &agm.id).await.is_err());
        for sql in [
            format!("UPDATE meetings SET minutes = 'Rewritten' WHERE id = '{}'", agm.id),
            format!("DELETE FROM meetings WHERE id = '{}'", agm.id),
            format!("DELETE FROM meeting_attendance WHERE meeting_id = '{}'", agm.id),
            format!(
                "UPDATE meeting_attendance SET attendance = 'absent' WHERE meeting_id = '{}'",
                agm.id
            ),
            format!(
                "INSERT INTO meeting_attendance (meeting_id, account_id, attendance, recorded_by, recorded_at)
                 VALUES ('{}', '{}', 'present', '{}', 0)",
                agm.id,
                members[3].id.as_str(),
                scope.account().as_str()
            ),
        ] {
            assert!(
                execute_raw(&store, &sql).await.is_err(),
                "the database refuses: {sql}"
            );
        }
        let kept = store.meeting(&scope, &agm.id).await.unwrap().unwrap();
        assert_eq!(kept.minutes, "The accounts were received and adopted.");
        assert_eq!(store.attendance(&scope, &agm.id).await.unwrap().len(), 5);

        let trail = store.audit_of_record("meeting", &agm.id).await.unwrap();
        assert_eq!(
            trail.len(),
            7,
            "scheduled, notice, held, drafted twice, approved, locked"
        );
        let attendance_trail = store
            .audit_of_record(
                "meeting_attendance",
                &format!("{}:{}", agm.id, members[2].id.as_str()),
            )
            .await
            .unwrap();
        assert_eq!(
            attendance_trail
                .iter()
                .map(|e| e.action.as_str())
                .collect::<Vec<_>>(),
            ["created", "updated"]
        );
    }
);

on_both_databases!(
    notice_too_late_is_refused_unless_members_agree_to_short_notice,
    |store| {
        let (scope, _members) = coop(&store, 4).await;
        let general = schedule(&store, &scope, MeetingKind::General, "2026-06-10", &[]).await;
        let late = store
            .give_notice(&scope, &general.id, day("2026-06-01"), None)
            .await;
        assert!(
            matches!(
                late,
                Err(MeetingStoreError::Refused(MeetingError::NoticeTooShort {
                    clear_days: 8,
                    required: 14,
                    earliest,
                    ..
                })) if earliest == day("2026-06-16")
            ),
            "{late:?}"
        );
        assert!(
            store
                .notice_recipients(&scope, &general.id)
                .await
                .unwrap()
                .is_empty(),
            "a refused notice records nothing"
        );
        let four_of_five = ShortNoticeConsent {
            agreeing: 4,
            entitled: 5,
        };
        assert!(matches!(
            store
                .give_notice(&scope, &general.id, day("2026-06-01"), Some(four_of_five))
                .await,
            Err(MeetingStoreError::Refused(
                MeetingError::NoticeTooShort { .. }
            ))
        ));
        let all = ShortNoticeConsent {
            agreeing: 5,
            entitled: 5,
        };
        let (sent, _) = store
            .give_notice(&scope, &general.id, day("2026-06-01"), Some(all))
            .await
            .unwrap();
        assert!(matches!(
            sent.state,
            MeetingState::NoticeSent { notice, .. } if notice.by_consent
        ));
        assert!(
            store
                .give_notice(&scope, &general.id, day("2026-06-01"), None)
                .await
                .is_err(),
            "notice goes once"
        );

        let committee = schedule(&store, &scope, MeetingKind::Committee, "2026-06-05", &[]).await;
        assert!(matches!(
            store
                .give_notice(&scope, &committee.id, day("2026-06-01"), Some(all))
                .await,
            Err(MeetingStoreError::Refused(MeetingError::Notice(_)))
        ));
        assert!(
            store
                .give_notice(&scope, &committee.id, day("2026-05-28"), None)
                .await
                .is_ok(),
            "seven clear days for the committee"
        );
    }
);

on_both_databases!(attendance_follows_the_rules_on_proxies, |store| {
    let (scope, members) = coop(&store, 8).await;
    let general = schedule(&store, &scope, MeetingKind::General, "2026-06-20", &[]).await;
    store
        .give_notice(&scope, &general.id, day("2026-06-01"), None)
        .await
        .unwrap();
    let stranger = person(&store, "dieithryn@example.cymru", false).await;
    assert!(matches!(
        store
            .record_attendance(
                &scope,
                &general.id,
                &[(stranger.id.clone(), Some(Mark::Present))]
            )
            .await,
        Err(MeetingStoreError::NotEntitled)
    ));
    let holder = members[0].id.clone();
    let by = |m: &cylch_store::accounts::Account| {
        (
            m.id.clone(),
            Some(Mark::ByProxy {
                holder: holder.clone(),
            }),
        )
    };
    assert!(matches!(
        store
            .record_attendance(&scope, &general.id, &[by(&members[1])])
            .await,
        Err(MeetingStoreError::HolderNotPresent)
    ));
    let mut marks = vec![(holder.clone(), Some(Mark::Present))];
    marks.extend(members[1..7].iter().map(by));
    assert!(matches!(
        store.record_attendance(&scope, &general.id, &marks).await,
        Err(MeetingStoreError::Attendance(VoteError::TooManyProxies {
            held: 6,
            limit: 5,
            ..
        }))
    ));
    marks.pop();
    let quorum = store
        .record_attendance(&scope, &general.id, &marks)
        .await
        .unwrap();
    assert_eq!(
        (quorum.in_person, quorum.by_proxy, quorum.present),
        (1, 5, 6)
    );
    assert!(quorum.quorate, "6 of 9 counted; 5 needed");
    let rows = store.attendance(&scope, &general.id).await.unwrap();
    let represented = rows.iter().find(|r| r.account == members[1].id).unwrap();
    assert_eq!(represented.holder_name.as_deref(), Some("aelod0"));

    let committee = schedule(&store, &scope, MeetingKind::Committee, "2026-06-20", &[]).await;
    store
        .give_notice(&scope, &committee.id, day("2026-06-01"), None)
        .await
        .unwrap();
    assert!(matches!(
        store
            .record_attendance(
                &scope,
                &committee.id,
                &[(members[0].id.clone(), Some(Mark::Present))]
            )
            .await,
        Err(MeetingStoreError::NotEntitled)
    ));
});

on_both_databases!(votes_at_the_meeting_are_each_members_one_ballot, |store| {
    let (scope, members) = coop(&store, 4).await;
    let now = Timestamp::now();
    let hour = jiff::SignedDuration::from_hours(1);
    let proposal = store
        .raise_proposal(
            &scope,
            NewProposal {
                title: "Buy a minibus",
                background: "For days out.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: now.checked_sub(hour).unwrap(),
                closes: now.checked_add(hour).unwrap(),
            },
        )
        .await
        .unwrap();
    let other = store
        .raise_proposal(
            &scope,
            NewProposal {
                title: "Not on the agenda",
                background: "",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: now.checked_sub(hour).unwrap(),
                closes: now.checked_add(hour).unwrap(),
            },
        )
        .await
        .unwrap();
    let today = store.clock().today_in_wales();
    let meeting = schedule(
        &store,
        &scope,
        MeetingKind::General,
        &today.to_string(),
        std::slice::from_ref(&proposal.id),
    )
    .await;
    assert_eq!(meeting.proposals.len(), 1);
    assert!(
        store
            .schedule_meeting(
                &scope,
                NewMeeting {
                    kind: MeetingKind::General,
                    date: today,
                    starts_at: seven_pm(),
                    place: "Ar-lein",
                    agenda: &["Anything".to_owned()],
                    proposals: &["0".repeat(32)],
                },
            )
            .await
            .is_err(),
        "only this co-operative's proposals"
    );
    let member = |i: usize| -> AccountId { members[i].id.clone() };
    let vote = |who: AccountId, on: String| {
        let store = store.clone();
        let scope = scope.clone();
        let meeting = meeting.id.clone();
        async move {
            store
                .record_meeting_vote(
                    &scope,
                    &meeting,
                    &on,
                    &who,
                    VoteChoice::For,
                    Timestamp::now(),
                )
                .await
        }
    };
    assert!(
        matches!(
            vote(member(0), proposal.id.clone()).await,
            Err(MeetingStoreError::Refused(MeetingError::InvalidStep { .. }))
        ),
        "not before the meeting is held"
    );
    store
        .give_notice(
            &scope,
            &meeting.id,
            today,
            Some(ShortNoticeConsent {
                agreeing: 5,
                entitled: 5,
            }),
        )
        .await
        .unwrap();
    let marks: Vec<_> = std::iter::once(scope.account().clone())
        .chain(members.iter().map(|m| m.id.clone()))
        .map(|id| (id, Some(Mark::Present)))
        .collect();
    store
        .record_attendance(&scope, &meeting.id, &marks)
        .await
        .unwrap();
    store
        .hold_meeting(&scope, &meeting.id, today)
        .await
        .unwrap();

    let member_scope = store
        .scope(&member(1), &scope.coop_id().clone())
        .await
        .unwrap()
        .unwrap();
    store
        .vote(&member_scope, &proposal.id, VoteChoice::Against, None, now)
        .await
        .unwrap();
    vote(member(0), proposal.id.clone()).await.unwrap();
    assert!(matches!(
        vote(member(0), proposal.id.clone()).await,
        Err(MeetingStoreError::Voting(VotingError::AlreadyVoted))
    ));
    assert!(
        matches!(
            vote(member(1), proposal.id.clone()).await,
            Err(MeetingStoreError::Voting(VotingError::AlreadyVoted))
        ),
        "voted online already"
    );
    assert!(matches!(
        vote(member(2), other.id.clone()).await,
        Err(MeetingStoreError::ProposalNotOnAgenda)
    ));
    let turnout = store.turnout(&scope, &proposal.id).await.unwrap();
    assert_eq!((turnout.online, turnout.paper), (1, 1));
});

on_both_databases!(another_coops_meetings_are_out_of_reach, |store| {
    let (scope, members) = coop(&store, 2).await;
    let meeting = schedule(&store, &scope, MeetingKind::General, "2026-06-20", &[]).await;
    let admin = store
        .account_by_email(&email("admin@example.cymru"))
        .await
        .unwrap()
        .unwrap();
    let other = store
        .create_coop(
            &admin.id,
            &CoopName::parse("Arall").unwrap(),
            CoopKind::Family,
        )
        .await
        .unwrap();
    store
        .add_member(
            &admin.id,
            &other.id,
            &members[0].id,
            &CoopRoles::member(MemberClass::Pa).with_office(Office::Secretary),
            None,
        )
        .await
        .unwrap();
    let elsewhere = store
        .scope(&members[0].id, &other.id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        store
            .meeting(&elsewhere, &meeting.id)
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.meetings(&elsewhere).await.unwrap().is_empty());
    assert!(matches!(
        store
            .give_notice(&elsewhere, &meeting.id, day("2026-06-01"), None)
            .await,
        Err(MeetingStoreError::Store(StoreError::NotFound))
    ));
    assert!(matches!(
        store.attendance(&elsewhere, &meeting.id).await,
        Err(StoreError::NotFound)
    ));
});

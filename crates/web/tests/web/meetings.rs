//! Meetings through the pages: the secretary schedules a meeting, gives
//! notice by email in each member's language (refused, in Welsh and in
//! English, when too late for the clear days), records who came with the
//! quorum shown, takes votes at the meeting, and has the earlier meeting's
//! minutes approved and locked, after which they refuse any change.

use std::collections::BTreeMap;
use std::sync::Mutex;

use cylch_domain::{CoopKind, CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName};
use cylch_governance::MeetingKind;
use cylch_governance::proposal::Subject;
use cylch_governance::vote::DecisionRule;
use cylch_store::accounts::{Account, NewAccount};
use cylch_store::coops::Coop;
use cylch_store::meetings::{Mark, NewMeeting};
use cylch_store::votes::NewProposal;
use jiff::civil::{Date, Time};

use crate::on_both;
use crate::support::{Cast, TestApp};

static SEEDED: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());

fn form_date(date: Date) -> String {
    date.to_string()
}

fn shown(date: Date) -> String {
    date.strftime("%d/%m/%Y").to_string()
}

/// A scheduled general meeting a month ahead in each co-operative of the
/// cast, for the permission tables.
pub async fn seed_meetings(app: &TestApp, cast: &Cast) {
    for coop in [&cast.coop_a, &cast.coop_b] {
        for account in cast.people.iter().filter_map(|(_, a)| a.as_ref()) {
            let Some(scope) = app.store.scope(&account.id, &coop.id).await.unwrap() else {
                continue;
            };
            let meeting = app
                .store
                .schedule_meeting(
                    &scope,
                    NewMeeting {
                        kind: MeetingKind::General,
                        date: app.days_from_today(30),
                        starts_at: Time::new(19, 0, 0, 0).unwrap(),
                        place: "Neuadd y Dref",
                        agenda: &["The year ahead".to_owned()],
                        proposals: &[],
                    },
                )
                .await
                .unwrap();
            SEEDED
                .lock()
                .unwrap()
                .insert(coop.id.to_string(), meeting.id);
            break;
        }
    }
}

/// The seeded meeting of a co-operative, or an id that exists nowhere.
pub fn meeting_in(coop: &str) -> String {
    SEEDED
        .lock()
        .unwrap()
        .get(coop)
        .cloned()
        .unwrap_or_else(|| "0".repeat(32))
}

struct Meeting4 {
    coop: Coop,
    secretary: Account,
    /// Dai (English), Ffion (Welsh), Nia (English).
    members: Vec<Account>,
}

async fn account(app: &TestApp, email: &str, name: &str, language: Language) -> Account {
    app.store
        .create_account(
            None,
            NewAccount {
                email: &EmailAddress::parse(email).unwrap(),
                name: &PersonName::parse(name).unwrap(),
                language,
                password_hash: Some(&app.hash),
                instance_admin: false,
            },
        )
        .await
        .unwrap()
}

async fn coop_of_four(app: &TestApp) -> Meeting4 {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Cyfarfod", CoopKind::Family)
        .await;
    let secretary = account(app, "elin@cylch.test", "Elin Parry", Language::En).await;
    app.join(
        &coop,
        &secretary,
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
    )
    .await;
    let mut members = Vec::new();
    for (email, name, language) in [
        ("dai@cylch.test", "Dai Jones", Language::En),
        ("ffion@cylch.test", "Ffion Davies", Language::Cy),
        ("nia@cylch.test", "Nia Rees", Language::En),
    ] {
        let member = account(app, email, name, language).await;
        app.join(&coop, &member, CoopRoles::member(MemberClass::Pa))
            .await;
        members.push(member);
    }
    Meeting4 {
        coop,
        secretary,
        members,
    }
}

/// Every email in the outbox addressed to `to`.
fn emails_to(app: &TestApp, to: &str) -> Vec<String> {
    let Ok(dir) = std::fs::read_dir(&app.outbox) else {
        return Vec::new();
    };
    dir.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|text| text.contains(&format!("To: {to}")))
        .collect()
}

fn meeting_id_from(location: &str) -> String {
    location.rsplit('/').next().unwrap().to_owned()
}

on_both!(
    a_secretary_runs_a_meeting_from_notice_to_locked_minutes,
    |app| {
        let c = coop_of_four(&app).await;
        let secretary_scope = app
            .store
            .scope(&c.secretary.id, &c.coop.id)
            .await
            .unwrap()
            .unwrap();
        // The spring meeting, held a month ago, whose minutes are a draft.
        let spring = app
            .store
            .schedule_meeting(
                &secretary_scope,
                NewMeeting {
                    kind: MeetingKind::General,
                    date: app.days_from_today(-30),
                    starts_at: Time::new(18, 30, 0, 0).unwrap(),
                    place: "Y Llyfrgell",
                    agenda: &["The rota".to_owned()],
                    proposals: &[],
                },
            )
            .await
            .unwrap();
        app.store
            .give_notice(&secretary_scope, &spring.id, app.days_from_today(-50), None)
            .await
            .unwrap();
        let everyone: Vec<_> = std::iter::once(&c.secretary)
            .chain(&c.members)
            .map(|a| (a.id.clone(), Some(Mark::Present)))
            .collect();
        app.store
            .record_attendance(&secretary_scope, &spring.id, &everyone)
            .await
            .unwrap();
        app.store
            .hold_meeting(&secretary_scope, &spring.id, app.days_from_today(-30))
            .await
            .unwrap();
        app.store
            .draft_minutes(&secretary_scope, &spring.id, "The new rota was agreed.")
            .await
            .unwrap();
        let now = jiff::Timestamp::now();
        let hour = jiff::SignedDuration::from_hours(1);
        let proposal = app
            .store
            .raise_proposal(
                &secretary_scope,
                NewProposal {
                    title: "Buy a minibus",
                    background: "For days out together.",
                    subject: Subject::General,
                    rule: DecisionRule::OrdinaryResolution,
                    secret_asked: false,
                    opens: now.checked_sub(hour).unwrap(),
                    closes: now.checked_add(hour).unwrap(),
                },
            )
            .await
            .unwrap();

        let b = app.browser(&c.secretary).await;
        let base = format!("/coops/{}/meetings", c.coop.id);
        let list = app.get(&base, &b.cookies).await;
        assert_eq!(list.status, 200);
        assert!(list.body.contains("Schedule a meeting"));
        assert!(list.body.contains("No registration date is recorded yet"));

        let today = app.clock().today_in_wales();
        let scheduled = app
            .post_form(
                &base,
                &b.cookies,
                &[
                    ("csrf", &b.csrf),
                    ("kind", "general"),
                    ("date", &form_date(today)),
                    ("time", "19:00"),
                    ("place", "Neuadd y Pentref, Llanrug"),
                    (
                        "agenda",
                        "Approve the spring minutes\n\nThe budget for next year",
                    ),
                    ("proposal", &proposal.id),
                ],
            )
            .await;
        assert_eq!(scheduled.status, 303, "{}", scheduled.body);
        let id = meeting_id_from(scheduled.location());
        let page_path = format!("{base}/{id}");
        let page = app.get(&page_path, &b.cookies).await;
        assert!(page.body.contains("The budget for next year"));
        assert!(page.body.contains("To decide: Buy a minibus"));
        assert!(page.body.contains("People entitled to notice: 4."));

        // Same-day notice without the members' agreement is refused, with
        // when the meeting could be held instead; nobody is emailed.
        let refused = app
            .post_form(
                &format!("{page_path}/notice"),
                &b.cookies,
                &[("csrf", &b.csrf), ("consent", "")],
            )
            .await;
        assert_eq!(refused.status, 422);
        let earliest = shown(today.checked_add(jiff::Span::new().days(15)).unwrap());
        assert!(
            refused
                .body
                .contains("gives 0 clear days, but the rules ask for 14")
                && refused.body.contains(&earliest),
            "{}",
            refused.body
        );
        assert!(emails_to(&app, "dai@cylch.test").is_empty());
        let three_of_four = app
            .post_form(
                &format!("{page_path}/notice"),
                &b.cookies,
                &[("csrf", &b.csrf), ("consent", "3")],
            )
            .await;
        assert_eq!(three_of_four.status, 422, "90% are needed");
        let sent = app
            .post_form(
                &format!("{page_path}/notice"),
                &b.cookies,
                &[("csrf", &b.csrf), ("consent", "4")],
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.body);
        assert!(sent.body.contains("Notice is on its way"));
        assert!(sent.body.contains("with the written agreement"));
        let welsh = emails_to(&app, "ffion@cylch.test");
        assert_eq!(welsh.len(), 1, "one notice each");
        assert!(welsh[0].contains("Dyma rybudd o gyfarfod"), "{}", welsh[0]);
        assert!(welsh[0].contains("- The budget for next year"));
        assert!(welsh[0].contains(&format!("http://cylch.test{page_path}")));
        let english = emails_to(&app, "dai@cylch.test");
        assert!(english[0].contains("This is notice of a meeting of Cydweithfa Cyfarfod"));
        assert!(english[0].contains("To decide: Buy a minibus"));
        assert_eq!(emails_to(&app, "elin@cylch.test").len(), 1);

        // Attendance, with the quorum worked out as it is saved.
        let field = |a: &Account| format!("a-{}", a.id.as_str());
        let (dai, ffion, nia) = (&c.members[0], &c.members[1], &c.members[2]);
        let saved = app
            .post_form(
                &format!("{page_path}/attendance"),
                &b.cookies,
                &[
                    ("csrf", &b.csrf),
                    (&field(&c.secretary), "present"),
                    (&field(ffion), "apologies"),
                ],
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
        let page = app.get(&page_path, &b.cookies).await;
        assert!(
            page.body.contains(
                "Counted: 1 (1 present, 0 by proxy). Apologies: 1. Needed: 2 of the 4 entitled."
            ),
            "{}",
            page.body
        );
        assert!(page.body.contains("The meeting is not quorate"));
        let vote_early = app
            .post_form(
                &format!("{page_path}/votes"),
                &b.cookies,
                &[
                    ("csrf", &b.csrf),
                    ("proposal", &proposal.id),
                    ("member", dai.id.as_str()),
                    ("choice", "for"),
                ],
            )
            .await;
        assert_eq!(vote_early.status, 422);
        app.post_form(
            &format!("{page_path}/attendance"),
            &b.cookies,
            &[
                ("csrf", &b.csrf),
                (&field(dai), "present"),
                (&field(nia), "absent"),
            ],
        )
        .await;
        let page = app.get(&page_path, &b.cookies).await;
        assert!(page.body.contains("The meeting is quorate."));
        let held = app
            .post_form(
                &format!("{page_path}/hold"),
                &b.cookies,
                &[("csrf", &b.csrf)],
            )
            .await;
        assert_eq!(held.status, 303, "{}", held.body);

        // A vote given at the meeting is the member's one ballot.
        let vote = |member: &Account| {
            let fields = [
                ("csrf".to_owned(), b.csrf.clone()),
                ("proposal".to_owned(), proposal.id.clone()),
                ("member".to_owned(), member.id.as_str().to_owned()),
                ("choice".to_owned(), "for".to_owned()),
            ];
            let app = &app;
            let path = format!("{page_path}/votes");
            let cookies = b.cookies.clone();
            async move {
                let borrowed: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                app.post_form(&path, &cookies, &borrowed).await
            }
        };
        let first = vote(dai).await;
        assert_eq!(first.status, 200, "{}", first.body);
        assert!(first.body.contains("The vote is recorded."));
        let again = vote(dai).await;
        assert_eq!(again.status, 422);
        assert!(again.body.contains("This member has already voted"));
        let turnout = app
            .store
            .turnout(&secretary_scope, &proposal.id)
            .await
            .unwrap();
        assert_eq!(turnout.paper, 1);

        // This meeting approves the spring minutes, which are then locked.
        let approved = app
            .post_form(
                &format!("{page_path}/approve"),
                &b.cookies,
                &[("csrf", &b.csrf), ("earlier", &spring.id)],
            )
            .await;
        assert_eq!(approved.status, 303, "{}", approved.body);
        let spring_path = format!("{base}/{}", spring.id);
        let spring_page = app.get(&spring_path, &b.cookies).await;
        assert!(spring_page.body.contains(&format!(
            "These minutes were approved at the meeting on {}",
            shown(today)
        )));
        let locked = app
            .post_form(
                &format!("{spring_path}/lock"),
                &b.cookies,
                &[("csrf", &b.csrf)],
            )
            .await;
        assert_eq!(locked.status, 303);
        let spring_page = app.get(&spring_path, &b.cookies).await;
        assert!(spring_page.body.contains("are locked: they cannot change"));
        assert!(
            !spring_page.body.contains("name=\"minutes\""),
            "no form to change them"
        );
        let rewrite = app
            .post_form(
                &format!("{spring_path}/minutes"),
                &b.cookies,
                &[("csrf", &b.csrf), ("minutes", "Something else")],
            )
            .await;
        assert_eq!(rewrite.status, 422);
        assert!(
            rewrite
                .body
                .contains("The meeting is not at the stage for that")
        );
        let kept = app
            .store
            .meeting(&secretary_scope, &spring.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(kept.minutes, "The new rota was agreed.");

        // Today's minutes, drafted; members read them.
        let drafted = app
            .post_form(
                &format!("{page_path}/minutes"),
                &b.cookies,
                &[("csrf", &b.csrf), ("minutes", "The budget was agreed.")],
            )
            .await;
        assert_eq!(drafted.status, 303);
        let member = app.browser(nia).await;
        let read = app.get(&page_path, &member.cookies).await;
        assert_eq!(read.status, 200);
        assert!(read.body.contains("The budget was agreed."));
        assert!(read.body.contains("These minutes are a draft"));
        assert!(
            !read.body.contains("/attendance\""),
            "members do not keep the record"
        );
        let trail = app.store.audit_of_record("meeting", &id).await.unwrap();
        assert!(trail.len() >= 4, "{trail:?}");
    }
);

on_both!(too_short_notice_is_refused_in_welsh_and_english, |app| {
    let c = coop_of_four(&app).await;
    let b = app.browser(&c.secretary).await;
    let base = format!("/coops/{}/meetings", c.coop.id);
    let in_five_days = app.days_from_today(5);
    for (kind, expected) in [("general", 303), ("committee", 303)] {
        let reply = app
            .post_form(
                &base,
                &b.cookies,
                &[
                    ("csrf", &b.csrf),
                    ("kind", kind),
                    ("date", &form_date(in_five_days)),
                    ("time", "10:30"),
                    ("place", "https://meet.example/cylch"),
                    ("agenda", "Planning"),
                ],
            )
            .await;
        assert_eq!(reply.status, expected, "{}", reply.body);
    }
    let meetings = app
        .store
        .meetings(
            &app.store
                .scope(&c.secretary.id, &c.coop.id)
                .await
                .unwrap()
                .unwrap(),
        )
        .await
        .unwrap();
    let general = meetings
        .iter()
        .find(|m| m.kind == MeetingKind::General)
        .unwrap();
    let path = format!("{base}/{}/notice", general.id);
    let earliest = shown(app.days_from_today(15));
    let welsh = app
        .post_form(
            &path,
            &format!("{}; cylch_lang=cy", b.cookies),
            &[("csrf", &b.csrf)],
        )
        .await;
    assert_eq!(welsh.status, 422);
    assert!(
        welsh
            .body
            .contains("yn rhoi 4 diwrnod clir, ond mae&#39;r rheolau&#39;n gofyn am 14")
            && welsh
                .body
                .contains(&format!("Cynhaliwch y cyfarfod ar {earliest} neu wedyn")),
        "{}",
        welsh.body
    );
    assert!(welsh.body.contains("<title>Gwall:"), "the title says Error");
    let english = app
        .post_form(
            &path,
            &format!("{}; cylch_lang=en", b.cookies),
            &[("csrf", &b.csrf)],
        )
        .await;
    assert_eq!(english.status, 422);
    assert!(
        english
            .body
            .contains("gives 4 clear days, but the rules ask for 14")
            && english
                .body
                .contains(&format!("Hold the meeting on or after {earliest}")),
        "{}",
        english.body
    );
    assert!(emails_to(&app, "dai@cylch.test").is_empty());

    // Members may agree to short notice of a general meeting, never of a
    // committee meeting.
    let committee = meetings
        .iter()
        .find(|m| m.kind == MeetingKind::Committee)
        .unwrap();
    let refused = app
        .post_form(
            &format!("{base}/{}/notice", committee.id),
            &b.cookies,
            &[("csrf", &b.csrf), ("consent", "1")],
        )
        .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("Only a general meeting can be held on shorter notice")
    );
    let bad_number = app
        .post_form(&path, &b.cookies, &[("csrf", &b.csrf), ("consent", "lots")])
        .await;
    assert_eq!(bad_number.status, 422);
    assert!(bad_number.body.contains("href=\"#consent\""));
    assert!(
        bad_number.body.contains("value=\"lots\""),
        "the typed value is kept"
    );
});

on_both!(a_meeting_form_sent_wrong_names_each_problem, |app| {
    let c = coop_of_four(&app).await;
    let b = app.browser(&c.secretary).await;
    let base = format!("/coops/{}/meetings", c.coop.id);
    let reply = app
        .post_form(
            &base,
            &b.cookies,
            &[
                ("csrf", &b.csrf),
                ("kind", "party"),
                ("date", &form_date(app.days_from_today(-1))),
                ("time", "teatime"),
                ("place", " "),
                ("agenda", ""),
            ],
        )
        .await;
    assert_eq!(reply.status, 422);
    for field in ["kind", "date", "time", "place", "agenda"] {
        assert!(
            reply.body.contains(&format!("href=\"#{field}\"")),
            "{field}: {}",
            reply.body
        );
    }
    assert!(reply.body.contains("The meeting must be today or later."));
    let stranger_proposal = app
        .post_form(
            &base,
            &b.cookies,
            &[
                ("csrf", &b.csrf),
                ("kind", "general"),
                ("date", &form_date(app.days_from_today(20))),
                ("time", "19:00"),
                ("place", "Neuadd"),
                ("agenda", "Item"),
                ("proposal", &"0".repeat(32)),
            ],
        )
        .await;
    assert_eq!(stranger_proposal.status, 422);
    assert!(stranger_proposal.body.contains("href=\"#proposal\""));
    let none = app
        .get(&format!("{base}/{}", "0".repeat(32)), &b.cookies)
        .await;
    assert_eq!(none.status, 404);
    let bad_attendance = app
        .post_form(
            &format!("{base}/{}/attendance", meeting_in_for(&app, &c).await),
            &b.cookies,
            &[("csrf", &b.csrf), ("a-not-an-id", "present")],
        )
        .await;
    assert_eq!(bad_attendance.status, 422);
});

/// A meeting scheduled through the store, for requests that need one.
async fn meeting_in_for(app: &TestApp, c: &Meeting4) -> String {
    let scope = app
        .store
        .scope(&c.secretary.id, &c.coop.id)
        .await
        .unwrap()
        .unwrap();
    app.store
        .schedule_meeting(
            &scope,
            NewMeeting {
                kind: MeetingKind::General,
                date: app.days_from_today(40),
                starts_at: Time::new(19, 0, 0, 0).unwrap(),
                place: "Neuadd",
                agenda: &["Item".to_owned()],
                proposals: &[],
            },
        )
        .await
        .unwrap()
        .id
}

on_both!(
    the_api_schedules_gives_notice_and_records_attendance,
    |app| {
        let c = coop_of_four(&app).await;
        let (_, token) = app
            .store
            .create_api_token(&c.secretary.id, "meetings")
            .await
            .unwrap();
        let base = format!("/api/v1/coops/{}/meetings", c.coop.id);
        let date = form_date(app.days_from_today(20));
        let created = app
            .api(
                "POST",
                &base,
                Some(&token),
                Some(serde_json::json!({
                    "kind": "annual_general",
                    "date": date,
                    "starts_at": "18:00",
                    "place": "Canolfan Gymunedol",
                    "agenda": ["Accounts", "Election of the committee"],
                })),
            )
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let id = created.json()["id"].as_str().unwrap().to_owned();
        assert_eq!(created.json()["state"], "scheduled");
        let sent = app
            .api(
                "POST",
                &format!("{base}/{id}/notice"),
                Some(&token),
                Some(serde_json::json!({})),
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.body);
        assert_eq!(sent.json()["meeting"]["clear_days"], 19);
        assert_eq!(sent.json()["not_reached"], serde_json::json!([]));
        assert_eq!(emails_to(&app, "nia@cylch.test").len(), 1);
        let again = app
            .api(
                "POST",
                &format!("{base}/{id}/notice"),
                Some(&token),
                Some(serde_json::json!({})),
            )
            .await;
        assert_eq!(again.status, 422);
        assert_eq!(again.json()["error"]["code"], "governance-invalid-step");

        let quorum = app
        .api(
            "PUT",
            &format!("{base}/{id}/attendance"),
            Some(&token),
            Some(serde_json::json!({"attendance": [
                {"member": c.secretary.id.as_str(), "attendance": "present"},
                {"member": c.members[0].id.as_str(), "attendance": "present"},
                {"member": c.members[1].id.as_str(), "attendance": "by_proxy", "proxy_holder": c.members[0].id.as_str()},
            ]})),
        )
        .await;
        assert_eq!(quorum.status, 200, "{}", quorum.body);
        assert_eq!(quorum.json()["present"], 3);
        assert_eq!(quorum.json()["by_proxy"], 1);
        assert_eq!(quorum.json()["quorate"], true);
        let shown = app
            .api("GET", &format!("{base}/{id}"), Some(&token), None)
            .await;
        assert_eq!(shown.json()["attendance"].as_array().unwrap().len(), 4);
        assert_eq!(shown.json()["quorum"]["required"], 2);

        let (_, member_token) = app
            .store
            .create_api_token(&c.members[2].id, "member")
            .await
            .unwrap();
        let read = app.api("GET", &base, Some(&member_token), None).await;
        assert_eq!(read.status, 200);
        assert_eq!(read.json().as_array().unwrap().len(), 1);
        let refused = app
            .api(
                "POST",
                &format!("{base}/{id}/cancel"),
                Some(&member_token),
                None,
            )
            .await;
        assert_eq!(refused.status, 403);
    }
);

on_both!(the_page_and_the_api_measure_an_agenda_the_same_way, |app| {
    let c = coop_of_four(&app).await;
    let b = app.browser(&c.secretary).await;
    let token = app.token(&c.secretary).await;
    let page = format!("/coops/{}/meetings", c.coop.id);
    let api = format!("/api/v1/coops/{}/meetings", c.coop.id);
    let date = form_date(app.days_from_today(20));
    // Two items of 2,400 letters: 4,800 in all, under the limit of
    // 5,000, however many blank lines a pasted agenda has between them.
    let item = "a".repeat(2_400);
    let spaced = format!("{item}\n{}\n{item}", "\n".repeat(300));
    // And three such items: 7,200 letters, over it on both fronts.
    let long = [item.clone(), item.clone(), item.clone()];
    for (agenda, accepted) in [(vec![spaced.clone()], true), (long.to_vec(), false)] {
        let text = agenda.join("\n");
        let sent = app
            .post_form(
                &page,
                &b.cookies,
                &[
                    ("csrf", &b.csrf),
                    ("kind", "general"),
                    ("date", &date),
                    ("time", "19:00"),
                    ("place", "Neuadd"),
                    ("agenda", &text),
                ],
            )
            .await;
        let items: Vec<&str> = text.lines().collect();
        let called = app
            .api(
                "POST",
                &api,
                Some(&token),
                Some(serde_json::json!({
                    "kind": "general", "date": date, "starts_at": "19:00",
                    "place": "Neuadd", "agenda": items,
                })),
            )
            .await;
        if accepted {
            assert_eq!(sent.status, 303, "{}", sent.body);
            assert_eq!(called.status, 201, "{}", called.body);
        } else {
            assert_eq!(sent.status, 422);
            assert!(sent.body.contains("href=\"#agenda\""), "{}", sent.body);
            assert_eq!(called.status, 422, "{}", called.body);
            assert_eq!(called.json()["error"]["fields"][0]["field"], "agenda");
            assert_eq!(
                called.json()["error"]["fields"][0]["code"],
                "meetings-error-agenda-long"
            );
        }
    }
    // An API client's item with a line break in it is two items, as a
    // pasted agenda is on the page.
    let called = app
        .api(
            "POST",
            &api,
            Some(&token),
            Some(serde_json::json!({
                "kind": "general", "date": date, "starts_at": "19:00",
                "place": "Neuadd", "agenda": ["Croeso\n\n  Cyfrifon  "],
            })),
        )
        .await;
    assert_eq!(called.status, 201, "{}", called.body);
    assert_eq!(
        called.json()["agenda"],
        serde_json::json!(["Croeso", "Cyfrifon"])
    );
});

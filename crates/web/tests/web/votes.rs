//! Proposals and votes through the pages and the API: raised with their
//! decision rule shown, discussed, voted on once per member however the
//! vote arrives, changed until the close, counted into the decisions log;
//! secret ballots that show nobody's choice, not even to officers or
//! through the API; and no vote without the right or outside the window.

use std::collections::BTreeMap;
use std::sync::Mutex;

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};
use cylch_governance::proposal::Subject;
use cylch_governance::vote::DecisionRule;
use cylch_store::accounts::Account;
use cylch_store::coops::Coop;
use cylch_store::testing::execute_raw;
use cylch_store::votes::NewProposal;
use jiff::Timestamp;
use serde_json::json;

use crate::on_both;
use crate::support::{Cast, TestApp};

static SEEDED: Mutex<BTreeMap<String, String>> = Mutex::new(BTreeMap::new());

fn hours_from_now(hours: i64) -> Timestamp {
    Timestamp::from_second(Timestamp::now().as_second() + hours * 3600).unwrap()
}

/// The time in Wales as a `datetime-local` field sends it.
fn local(at: Timestamp) -> String {
    let london = jiff::tz::TimeZone::get("Europe/London").unwrap();
    at.to_zoned_datetime(london)
        .strftime("%Y-%m-%dT%H:%M")
        .to_string()
}

/// An open proposal in each co-operative of the permission tests' cast, so
/// that every route reaches a real proposal.
pub async fn seed_proposals(app: &TestApp, cast: &Cast) {
    for coop in [&cast.coop_a, &cast.coop_b] {
        for account in cast.people.iter().filter_map(|(_, a)| a.as_ref()) {
            let Some(scope) = app.store.scope(&account.id, &coop.id).await.unwrap() else {
                continue;
            };
            let id = raise_in(app, &scope, false).await;
            SEEDED.lock().unwrap().insert(coop.id.to_string(), id);
            break;
        }
    }
}

/// The seeded proposal of a co-operative, or an id that exists nowhere.
pub fn proposal_in(coop: &str) -> String {
    SEEDED
        .lock()
        .unwrap()
        .get(coop)
        .cloned()
        .unwrap_or_else(|| "0".repeat(32))
}

async fn raise_in(app: &TestApp, scope: &cylch_store::CoopScope, secret: bool) -> String {
    app.store
        .raise_proposal(
            scope,
            NewProposal {
                title: "A new rota pattern",
                background: "Four days on, four days off.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: secret,
                opens: hours_from_now(-1),
                closes: hours_from_now(1),
            },
        )
        .await
        .unwrap()
        .id
}

struct Coop3 {
    coop: Coop,
    secretary: Account,
    members: Vec<Account>,
}

async fn coop_with_members(app: &TestApp, names: &[&str]) -> Coop3 {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Pleidlais", CoopKind::Family)
        .await;
    let secretary = app
        .person("secretary@cylch.test", "Elin Parry", false)
        .await;
    app.join(
        &coop,
        &secretary,
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
    )
    .await;
    let mut members = Vec::new();
    for name in names {
        let account = app
            .person(&format!("{}@cylch.test", name.to_lowercase()), name, false)
            .await;
        app.join(&coop, &account, CoopRoles::member(MemberClass::Pa))
            .await;
        members.push(account);
    }
    Coop3 {
        coop,
        secretary,
        members,
    }
}

/// Moves a proposal's window into the past, as if voting had closed.
async fn close_voting(app: &TestApp, proposal: &str) {
    let past = hours_from_now(-1).as_millisecond();
    execute_raw(
        &app.store,
        &format!(
            "UPDATE proposals SET opens_at = {}, closes_at = {past} WHERE id = '{proposal}'",
            past - 3_600_000
        ),
    )
    .await
    .unwrap();
}

on_both!(a_member_raises_discusses_and_votes_on_the_pages, |app| {
    let c = coop_with_members(&app, &["Dafydd", "Sian"]).await;
    let dafydd = app.browser(&c.members[0]).await;
    let sian = app.browser(&c.members[1]).await;
    let secretary = app.browser(&c.secretary).await;
    let base = format!("/coops/{}/proposals", c.coop.id);

    let coop_page = app
        .get(&format!("/coops/{}", c.coop.id), &dafydd.cookies)
        .await;
    assert!(coop_page.body.contains(&format!("href=\"{base}\"")));

    let empty = app
        .post_form(&base, &dafydd.cookies, &[("csrf", &dafydd.csrf)])
        .await;
    assert_eq!(empty.status, 422);
    assert!(empty.body.contains("href=\"#title\""));
    assert!(empty.body.contains("Enter a title for the proposal"));

    let raised = app
        .post_form(
            &base,
            &dafydd.cookies,
            &[
                ("csrf", &dafydd.csrf),
                ("title", "Buy a hoist"),
                (
                    "background",
                    "Mair needs a hoist.\n\nThe grant covers half.",
                ),
                ("subject", "general"),
                ("decision_rule", "ordinary_resolution"),
                ("opens_at", &local(hours_from_now(-1))),
                ("closes_at", &local(hours_from_now(2))),
            ],
        )
        .await;
    assert_eq!(raised.status, 303, "{}", raised.body);
    let page_path = raised.location().to_owned();
    let proposal = page_path.rsplit('/').next().unwrap().to_owned();

    let page = app.get(&page_path, &sian.cookies).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Buy a hoist"));
    assert!(
        page.body
            .contains("Ordinary resolution: Carried by more than half"),
        "the decision rule is shown on the proposal"
    );
    assert!(page.body.contains("<legend>How do you vote?</legend>"));

    let commented = app
        .post_form(
            &format!("{page_path}/comments"),
            &sian.cookies,
            &[("csrf", &sian.csrf), ("body", "Yes, and soon.")],
        )
        .await;
    assert_eq!(commented.status, 303);
    let blank = app
        .post_form(
            &format!("{page_path}/comments"),
            &sian.cookies,
            &[("csrf", &sian.csrf), ("body", "  ")],
        )
        .await;
    assert_eq!(blank.status, 422);
    assert!(blank.body.contains("Write your comment"));

    let no_choice = app
        .post_form(
            &format!("{page_path}/vote"),
            &sian.cookies,
            &[("csrf", &sian.csrf)],
        )
        .await;
    assert_eq!(no_choice.status, 422);
    assert!(no_choice.body.contains("href=\"#choice\""));
    for choice in ["against", "for"] {
        let voted = app
            .post_form(
                &format!("{page_path}/vote"),
                &sian.cookies,
                &[("csrf", &sian.csrf), ("choice", choice)],
            )
            .await;
        assert_eq!(voted.status, 303, "{}", voted.body);
    }
    let page = app.get(&page_path, &sian.cookies).await;
    assert!(
        page.body.contains("You voted For (online)."),
        "{}",
        page.body
    );
    assert!(page.body.contains("Yes, and soon."));
    assert!(page.body.contains("Change my vote"));

    // The secretary enters Dafydd's paper vote; it cannot be entered twice,
    // nor over Sian's own vote.
    let dafydd_id = c.members[0].id.to_string();
    let sian_id = c.members[1].id.to_string();
    let paper = app
        .post_form(
            &format!("{page_path}/paper"),
            &secretary.cookies,
            &[
                ("csrf", &secretary.csrf),
                ("member", &dafydd_id),
                ("choice", "against"),
            ],
        )
        .await;
    assert_eq!(paper.status, 303, "{}", paper.body);
    for member in [&dafydd_id, &sian_id] {
        let twice = app
            .post_form(
                &format!("{page_path}/paper"),
                &secretary.cookies,
                &[
                    ("csrf", &secretary.csrf),
                    ("member", member),
                    ("choice", "for"),
                ],
            )
            .await;
        assert_eq!(twice.status, 422);
        assert!(twice.body.contains("This member has already voted"));
    }
    let dafydd_page = app.get(&page_path, &dafydd.cookies).await;
    assert!(dafydd_page.body.contains("You voted Against (on paper)."));
    let secretary_page = app.get(&page_path, &secretary.cookies).await;
    assert!(secretary_page.body.contains(
        "2 members have voted: 1 online, 0 assisted by an officer, 1 on paper, 0 by proxy."
    ));
    assert!(
        secretary_page
            .body
            .contains("Who has voted, and how each vote arrived"),
        "the secretary sees who voted and how"
    );
    // A member cannot enter paper votes.
    let refused = app
        .post_form(
            &format!("{page_path}/paper"),
            &sian.cookies,
            &[
                ("csrf", &sian.csrf),
                ("member", &dafydd_id),
                ("choice", "for"),
            ],
        )
        .await;
    assert_eq!(refused.status, 403);

    let early = app
        .post_form(
            &format!("{page_path}/result"),
            &secretary.cookies,
            &[("csrf", &secretary.csrf)],
        )
        .await;
    assert_eq!(early.status, 422);
    assert!(early.body.contains("once voting has closed"));

    close_voting(&app, &proposal).await;
    let late = app
        .post_form(
            &format!("{page_path}/vote"),
            &dafydd.cookies,
            &[("csrf", &dafydd.csrf), ("choice", "for")],
        )
        .await;
    assert_eq!(late.status, 422);
    assert!(late.body.contains("Voting has closed."));
    let declared = app
        .post_form(
            &format!("{page_path}/result"),
            &secretary.cookies,
            &[("csrf", &secretary.csrf)],
        )
        .await;
    assert_eq!(declared.status, 303, "{}", declared.body);
    let page = app.get(&page_path, &sian.cookies).await;
    assert!(
        page.body.contains("<strong>Not carried</strong>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("A tie is lost"));
    assert!(
        page.body
            .contains("2 of the 3 members entitled to vote took part; the quorum is 2.")
    );

    let log = app
        .get(
            &format!("/coops/{}/decisions?q=HOIST", c.coop.id),
            &dafydd.cookies,
        )
        .await;
    assert_eq!(log.status, 200);
    assert!(log.body.contains("Buy a hoist") && log.body.contains("Not carried"));
    let none = app
        .get(
            &format!("/coops/{}/decisions?q=minibus", c.coop.id),
            &dafydd.cookies,
        )
        .await;
    assert!(none.body.contains("No decisions mention"));
    let welsh = app
        .get(
            &format!("/coops/{}/decisions", c.coop.id),
            &format!("{}; cylch_lang=cy", dafydd.cookies),
        )
        .await;
    assert!(welsh.body.contains("Cofnod penderfyniadau") && welsh.body.contains("Ni phasiwyd"));
});

on_both!(
    secret_ballots_reveal_nothing_to_officers_or_the_api,
    |app| {
        let c = coop_with_members(&app, &["Gwen", "Huw", "Iolo"]).await;
        let token = |account: &Account| {
            let store = app.store.clone();
            let id = account.id.clone();
            async move { store.create_api_token(&id, "tests").await.unwrap().1 }
        };
        let gwen = token(&c.members[0]).await;
        let secretary = token(&c.secretary).await;
        let base = format!("/api/v1/coops/{}/proposals", c.coop.id);
        let raised = app
            .api(
                "POST",
                &base,
                Some(&gwen),
                Some(json!({
                    "title": "Elect the chair",
                    "background": "",
                    "subject": "general",
                    "decision_rule": "ordinary_resolution",
                    "secret_ballot": true,
                    "opens_at": hours_from_now(-1).to_string(),
                    "closes_at": hours_from_now(1).to_string(),
                })),
            )
            .await;
        assert_eq!(raised.status, 201, "{}", raised.body);
        let proposal = raised.json()["id"].as_str().unwrap().to_owned();
        assert_eq!(raised.json()["secret"], true);
        let path = format!("{base}/{proposal}");

        let voted = app
            .api(
                "PUT",
                &format!("{path}/vote"),
                Some(&gwen),
                Some(json!({"choice": "for"})),
            )
            .await;
        assert_eq!(voted.status, 200, "{}", voted.body);
        let receipt = voted.json()["receipt"].as_str().unwrap().to_owned();
        let again = app
            .api(
                "PUT",
                &format!("{path}/vote"),
                Some(&gwen),
                Some(json!({"choice": "against"})),
            )
            .await;
        assert_eq!(again.status, 422);
        assert_eq!(again.json()["error"]["code"], "votes-receipt-needed");
        let changed = app
            .api(
                "PUT",
                &format!("{path}/vote"),
                Some(&gwen),
                Some(json!({"choice": "against", "receipt": receipt})),
            )
            .await;
        assert_eq!(changed.status, 200);
        assert_eq!(changed.json()["changed"], true);

        // Huw votes on the page; his device keeps the receipt, so he can change
        // his vote there without typing it.
        let huw = app.browser(&c.members[1]).await;
        let page_path = format!("/coops/{}/proposals/{proposal}", c.coop.id);
        let voted = app
            .post_form(
                &format!("{page_path}/vote"),
                &huw.cookies,
                &[("csrf", &huw.csrf), ("choice", "for")],
            )
            .await;
        assert_eq!(voted.status, 303, "{}", voted.body);
        let cookie_name = format!("cylch_receipt_{proposal}");
        let kept = voted
            .cookie(&cookie_name)
            .expect("the receipt is kept on the device");
        let with_receipt = format!("{}; {cookie_name}={kept}", huw.cookies);
        let page = app.get(&page_path, &with_receipt).await;
        assert!(page.body.contains(&format!("Your receipt: {kept}")));
        assert!(
            page.body
                .contains("Your choice is not kept with your name.")
        );
        let changed = app
            .post_form(
                &format!("{page_path}/vote"),
                &with_receipt,
                &[("csrf", &huw.csrf), ("choice", "abstain")],
            )
            .await;
        assert_eq!(changed.status, 303, "{}", changed.body);
        let elsewhere = app
            .post_form(
                &format!("{page_path}/vote"),
                &huw.cookies,
                &[("csrf", &huw.csrf), ("choice", "for")],
            )
            .await;
        assert_eq!(elsewhere.status, 422, "another device needs the receipt");

        // The secretary records Iolo's assisted vote and is given the receipt
        // to hand over.
        let sec = app.browser(&c.secretary).await;
        let assisted = app
            .post_form(
                &format!("{page_path}/assisted"),
                &sec.cookies,
                &[
                    ("csrf", &sec.csrf),
                    ("member", &c.members[2].id.to_string()),
                    ("choice", "for"),
                ],
            )
            .await;
        assert_eq!(assisted.status, 200, "{}", assisted.body);
        assert!(assisted.body.contains("give the member this receipt"));

        // Nothing an officer can read says who voted which way: not the
        // proposal, not the list of ballots, not the audit trail, and no count
        // before the result.
        let seen = app.api("GET", &path, Some(&secretary), None).await;
        assert!(seen.json()["result"].is_null());
        assert!(seen.json()["my_vote"].is_null());
        assert_eq!(seen.json()["turnout"]["total"], 3);
        let ballots = app
            .api("GET", &format!("{path}/ballots"), Some(&secretary), None)
            .await;
        assert_eq!(ballots.status, 200);
        let ballots = ballots.json();
        assert_eq!(ballots.as_array().unwrap().len(), 3);
        assert!(
            ballots
                .as_array()
                .unwrap()
                .iter()
                .all(|b| b["choice"].is_null())
        );
        let own = app.api("GET", &path, Some(&gwen), None).await;
        assert!(
            own.json()["my_vote"]["choice"].is_null(),
            "not even to the voter"
        );
        let audit = app
            .api(
                "GET",
                &format!("/api/v1/coops/{}/audit", c.coop.id),
                Some(&secretary),
                None,
            )
            .await;
        for entry in audit.json().as_array().unwrap() {
            if entry["record_kind"] == "ballot" {
                let text = format!("{}{}", entry["before"], entry["after"]);
                assert!(!text.contains("choice"), "the audit leaks a choice: {text}");
            }
        }
        let sec_page = app.get(&page_path, &sec.cookies).await;
        assert!(!sec_page.body.contains("<th scope=\"col\">Vote</th>"));

        close_voting(&app, &proposal).await;
        let result = app
            .api("POST", &format!("{path}/result"), Some(&secretary), None)
            .await;
        assert_eq!(result.status, 201, "{}", result.body);
        let result = &result.json()["result"];
        assert_eq!(
            (
                &result["for_votes"],
                &result["against"],
                &result["abstentions"]
            ),
            (&json!(1), &json!(1), &json!(1))
        );
        assert_eq!(result["outcome"], "lost");
        assert!(
            result["per_class"].as_array().unwrap().is_empty(),
            "no count by class, which could single out a voter"
        );
        assert_eq!(result["by_channel"]["assisted"], 1);
        let ballots = app
            .api("GET", &format!("{path}/ballots"), Some(&secretary), None)
            .await;
        assert!(
            ballots
                .json()
                .as_array()
                .unwrap()
                .iter()
                .all(|b| b["choice"].is_null()),
            "a secret ballot stays secret after the count"
        );
        let decisions = app
            .api(
                "GET",
                &format!("/api/v1/coops/{}/decisions?q=chair", c.coop.id),
                Some(&gwen),
                None,
            )
            .await;
        assert_eq!(decisions.json().as_array().unwrap().len(), 1);
    }
);

on_both!(no_vote_without_the_right_or_outside_the_window, |app| {
    let c = coop_with_members(&app, &["Nia", "Owain"]).await;
    let admin = app
        .store
        .account_by_email(&cylch_domain::EmailAddress::parse("admin@cylch.test").unwrap())
        .await
        .unwrap()
        .unwrap();
    let treasurer = app.person("treasurer@cylch.test", "Rhys", false).await;
    app.store
        .add_member(
            &admin.id,
            &c.coop.id,
            &treasurer.id,
            &CoopRoles::officer(Office::Treasurer),
            None,
        )
        .await
        .unwrap();
    let scope = app
        .store
        .scope(&c.members[0].id, &c.coop.id)
        .await
        .unwrap()
        .unwrap();
    let proposal = raise_in(&app, &scope, false).await;
    let page_path = format!("/coops/{}/proposals/{proposal}", c.coop.id);

    // An officer who is not a member reads, and may help others vote, but
    // has no vote of their own.
    let rhys = app.browser(&treasurer).await;
    let page = app.get(&page_path, &rhys.cookies).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("you have no vote"));
    let refused = app
        .post_form(
            &format!("{page_path}/vote"),
            &rhys.cookies,
            &[("csrf", &rhys.csrf), ("choice", "for")],
        )
        .await;
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("Only current members can vote."));
    let token = app
        .store
        .create_api_token(&treasurer.id, "t")
        .await
        .unwrap()
        .1;
    let api_path = format!("/api/v1/coops/{}/proposals/{proposal}", c.coop.id);
    let refused = app
        .api(
            "PUT",
            &format!("{api_path}/vote"),
            Some(&token),
            Some(json!({"choice": "for"})),
        )
        .await;
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["error"]["code"], "votes-not-a-member");

    // A former member sees nothing, and nobody can vote for them.
    let owain = &c.members[1];
    let owain_browser = app.browser(owain).await;
    execute_raw(
        &app.store,
        &format!(
            "UPDATE memberships SET ceased_on = '2026-01-01' WHERE account_id = '{}'",
            owain.id
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        app.get(&page_path, &owain_browser.cookies).await.status,
        404
    );
    let assisted = app
        .post_form(
            &format!("{page_path}/assisted"),
            &rhys.cookies,
            &[
                ("csrf", &rhys.csrf),
                ("member", &owain.id.to_string()),
                ("choice", "for"),
            ],
        )
        .await;
    assert_eq!(assisted.status, 422);
    assert!(assisted.body.contains("Only current members can vote."));

    // Not before the window opens.
    execute_raw(
        &app.store,
        &format!(
            "UPDATE proposals SET opens_at = {}, closes_at = {} WHERE id = '{proposal}'",
            hours_from_now(1).as_millisecond(),
            hours_from_now(2).as_millisecond()
        ),
    )
    .await
    .unwrap();
    let nia = app
        .store
        .create_api_token(&c.members[0].id, "t")
        .await
        .unwrap()
        .1;
    let early = app
        .api(
            "PUT",
            &format!("{api_path}/vote"),
            Some(&nia),
            Some(json!({"choice": "for"})),
        )
        .await;
    assert_eq!(early.status, 422);
    assert_eq!(early.json()["error"]["code"], "governance-voting-not-open");
});

on_both!(
    a_member_votes_through_a_proxy_on_the_pages_and_the_api,
    |app| {
        let c = coop_with_members(&app, &["Dafydd", "Sian", "Gwen"]).await;
        let dafydd = app.browser(&c.members[0]).await;
        let sian = app.browser(&c.members[1]).await;
        let scope = app
            .store
            .scope(&c.secretary.id, &c.coop.id)
            .await
            .unwrap()
            .unwrap();
        let proposal = raise_in(&app, &scope, false).await;
        let page_path = format!("/coops/{}/proposals/{proposal}", c.coop.id);
        let (dafydd_id, sian_id) = (c.members[0].id.to_string(), c.members[1].id.to_string());

        let page = app.get(&page_path, &dafydd.cookies).await;
        assert!(page.body.contains("Voting by proxy"), "{}", page.body);
        assert!(
            page.body
                .contains(&format!("<option value=\"{sian_id}\">Sian</option>"))
        );

        let unnamed = app
            .post_form(
                &format!("{page_path}/proxy"),
                &dafydd.cookies,
                &[("csrf", &dafydd.csrf)],
            )
            .await;
        assert_eq!(unnamed.status, 422);
        assert!(unnamed.body.contains("href=\"#proxy-member\""));

        let named = app
            .post_form(
                &format!("{page_path}/proxy"),
                &dafydd.cookies,
                &[("csrf", &dafydd.csrf), ("member", &sian_id)],
            )
            .await;
        assert_eq!(named.status, 303, "{}", named.body);
        let page = app.get(&page_path, &dafydd.cookies).await;
        assert!(page.body.contains("You have named Sian to vote for you"));

        // Sian sees the vote she holds, in Welsh too, and casts it.
        let held = app.get(&page_path, &sian.cookies).await;
        assert!(held.body.contains("Votes you hold as proxy"));
        let welsh = app
            .get(&page_path, &format!("{}; cylch_lang=cy", sian.cookies))
            .await;
        assert!(welsh.body.contains("Pleidleisiau sydd gennych fel dirprwy"));
        let cast = app
            .post_form(
                &format!("{page_path}/proxy-vote"),
                &sian.cookies,
                &[
                    ("csrf", &sian.csrf),
                    ("member", &dafydd_id),
                    ("choice", "against"),
                ],
            )
            .await;
        assert_eq!(cast.status, 303, "{}", cast.body);
        let twice = app
            .post_form(
                &format!("{page_path}/proxy-vote"),
                &sian.cookies,
                &[
                    ("csrf", &sian.csrf),
                    ("member", &dafydd_id),
                    ("choice", "for"),
                ],
            )
            .await;
        assert_eq!(twice.status, 422);
        assert!(twice.body.contains("href=\"#proxy-vote-member\""));
        let page = app.get(&page_path, &dafydd.cookies).await;
        assert!(
            page.body.contains("You voted Against (by proxy)."),
            "{}",
            page.body
        );
        assert!(page.body.contains("0 on paper, 1 by proxy."));

        // Gwen holds nothing: the API refuses her a vote for Dafydd, and
        // Dafydd, in person, replaces the proxy's vote.
        let gwen_token = app
            .store
            .create_api_token(&c.members[2].id, "proxy")
            .await
            .unwrap()
            .1;
        let api_base = format!("/api/v1/coops/{}/proposals/{proposal}", c.coop.id);
        let refused = app
            .api(
                "POST",
                &format!("{api_base}/proxy-votes"),
                Some(&gwen_token),
                Some(json!({"member": dafydd_id, "choice": "for"})),
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains("votes-no-proxy"));
        let own = app
            .post_form(
                &format!("{page_path}/vote"),
                &dafydd.cookies,
                &[("csrf", &dafydd.csrf), ("choice", "for")],
            )
            .await;
        assert_eq!(own.status, 303);
        let page = app.get(&page_path, &dafydd.cookies).await;
        assert!(page.body.contains("You voted For (online)."));

        // Through the API Gwen names Sian, sees it, and takes it back.
        let appoint = app
            .api(
                "PUT",
                &format!("{api_base}/proxy"),
                Some(&gwen_token),
                Some(json!({"holder": sian_id})),
            )
            .await;
        assert_eq!(appoint.status, 204, "{}", appoint.body);
        let view = app
            .api("GET", &format!("{api_base}/proxy"), Some(&gwen_token), None)
            .await;
        assert!(view.body.contains(&format!("\"holder\":\"{sian_id}\"")));
        let revoke = app
            .api(
                "DELETE",
                &format!("{api_base}/proxy"),
                Some(&gwen_token),
                None,
            )
            .await;
        assert_eq!(revoke.status, 204);
        let again = app
            .api(
                "DELETE",
                &format!("{api_base}/proxy"),
                Some(&gwen_token),
                None,
            )
            .await;
        assert_eq!(again.status, 422);
    }
);

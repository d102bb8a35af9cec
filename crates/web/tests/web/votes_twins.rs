//! The pages and the API of proposals and votes answer the same: each
//! action is one command, and where the two fronts once disagreed the
//! better answer now stands on both. Each case is tried on each front.

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};
use cylch_governance::proposal::Subject;
use cylch_governance::vote::DecisionRule;
use cylch_store::accounts::Account;
use cylch_store::coops::Coop;
use cylch_store::votes::NewProposal;
use jiff::Timestamp;
use serde_json::{Value, json};

use crate::on_both;
use crate::support::{Reply, TestApp};

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

struct Setting {
    coop: Coop,
    secretary: Account,
    /// Dafydd, Sian and Gwen, members with a vote.
    members: Vec<Account>,
    proposal: String,
}

impl Setting {
    fn page(&self) -> String {
        format!("/coops/{}/proposals/{}", self.coop.id, self.proposal)
    }

    fn api(&self) -> String {
        format!("/api/v1/coops/{}/proposals/{}", self.coop.id, self.proposal)
    }
}

async fn setting(app: &TestApp) -> Setting {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Efeilliaid", CoopKind::Family)
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
    for name in ["Dafydd", "Sian", "Gwen"] {
        let account = app
            .person(&format!("{}@cylch.test", name.to_lowercase()), name, false)
            .await;
        app.join(&coop, &account, CoopRoles::member(MemberClass::Pa))
            .await;
        members.push(account);
    }
    let scope = app
        .store
        .scope(&secretary.id, &coop.id)
        .await
        .unwrap()
        .unwrap();
    let proposal = app
        .store
        .raise_proposal(
            &scope,
            NewProposal {
                title: "A new rota pattern",
                background: "Four days on, four days off.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: hours_from_now(-1),
                closes: hours_from_now(1),
            },
        )
        .await
        .unwrap()
        .id;
    Setting {
        coop,
        secretary,
        members,
        proposal,
    }
}

/// The code of the API's problem at `field`, if there is one.
fn field_code(reply: &Reply, field: &str) -> Option<String> {
    let body: Value = reply.json();
    body["error"]["fields"]
        .as_array()?
        .iter()
        .find(|f| f["field"] == field)
        .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
}

on_both!(raising_a_proposal_is_checked_alike, |app| {
    let s = setting(&app).await;
    let dafydd = app.browser(&s.members[0]).await;
    let token = app.token(&s.members[0]).await;
    let page = format!("/coops/{}/proposals", s.coop.id);
    let api = format!("/api/v1/coops/{}/proposals", s.coop.id);
    let opens = hours_from_now(-1);
    let closes = hours_from_now(2);

    // A missing title and an unknown decision rule say what to do, on the
    // API as on the page (the API said "Enter a value").
    let form = app
        .post_form(
            &page,
            &dafydd.cookies,
            &[
                ("csrf", &dafydd.csrf),
                ("subject", "general"),
                ("decision_rule", "by_lot"),
                ("opens_at", &local(opens)),
                ("closes_at", &local(closes)),
            ],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(form.body.contains("Enter a title for the proposal"));
    assert!(form.body.contains("Choose how the proposal is decided"));
    let body = app
        .api(
            "POST",
            &api,
            Some(&token),
            Some(json!({"title": " ", "background": "", "subject": "general",
                "decision_rule": "by_lot", "opens_at": opens.to_string(),
                "closes_at": closes.to_string()})),
        )
        .await;
    assert_eq!(body.status, 422, "{}", body.body);
    assert_eq!(field_code(&body, "title").unwrap(), "votes-error-title");
    assert_eq!(
        field_code(&body, "decision_rule").unwrap(),
        "votes-error-rule"
    );

    // An instant that cannot be read is named at its own field on both.
    let form = app
        .post_form(
            &page,
            &dafydd.cookies,
            &[
                ("csrf", &dafydd.csrf),
                ("title", "Buy a hoist"),
                ("subject", "general"),
                ("decision_rule", "ordinary_resolution"),
                ("opens_at", "soon"),
                ("closes_at", &local(closes)),
            ],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(form.body.contains("href=\"#opens_at\""));
    assert!(form.body.contains("Enter when voting opens"));
    let body = app
        .api(
            "POST",
            &api,
            Some(&token),
            Some(
                json!({"title": "Buy a hoist", "background": "", "subject": "general",
                "decision_rule": "ordinary_resolution", "opens_at": "soon",
                "closes_at": closes.to_string()}),
            ),
        )
        .await;
    assert_eq!(body.status, 422);
    assert_eq!(field_code(&body, "opens_at").unwrap(), "votes-error-opens");

    // Both read both ways of writing an instant: RFC 3339 on the page, the
    // time in Wales through the API.
    let form = app
        .post_form(
            &page,
            &dafydd.cookies,
            &[
                ("csrf", &dafydd.csrf),
                ("title", "Buy a hoist"),
                ("subject", "general"),
                ("decision_rule", "ordinary_resolution"),
                ("opens_at", &opens.to_string()),
                ("closes_at", &closes.to_string()),
            ],
        )
        .await;
    assert_eq!(form.status, 303, "{}", form.body);
    let body = app
        .api(
            "POST",
            &api,
            Some(&token),
            Some(
                json!({"title": "Buy a sling", "background": "", "subject": "general",
                "decision_rule": "ordinary_resolution", "opens_at": local(opens),
                "closes_at": local(closes)}),
            ),
        )
        .await;
    assert_eq!(body.status, 201, "{}", body.body);
});

on_both!(comments_and_votes_are_checked_alike, |app| {
    let s = setting(&app).await;
    let sian = app.browser(&s.members[1]).await;
    let token = app.token(&s.members[1]).await;

    // A blank or overlong comment: the pages' words on both.
    let long = "a".repeat(4_001);
    for (text, words, code) in [
        ("  ", "Write your comment", "votes-error-comment"),
        (
            long.as_str(),
            "A comment must be at most 4,000 characters",
            "votes-error-comment-long",
        ),
    ] {
        let form = app
            .post_form(
                &format!("{}/comments", s.page()),
                &sian.cookies,
                &[("csrf", &sian.csrf), ("body", text)],
            )
            .await;
        assert_eq!(form.status, 422);
        assert!(form.body.contains(words));
        let body = app
            .api(
                "POST",
                &format!("{}/comments", s.api()),
                Some(&token),
                Some(json!({ "body": text })),
            )
            .await;
        assert_eq!(body.status, 422);
        assert_eq!(field_code(&body, "body").unwrap(), code);
    }

    // A choice that is none of the three.
    let form = app
        .post_form(
            &format!("{}/vote", s.page()),
            &sian.cookies,
            &[("csrf", &sian.csrf), ("choice", "maybe")],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(form.body.contains("Choose for, against or abstain"));
    let body = app
        .api(
            "PUT",
            &format!("{}/vote", s.api()),
            Some(&token),
            Some(json!({"choice": "maybe"})),
        )
        .await;
    assert_eq!(body.status, 422);
    assert_eq!(field_code(&body, "choice").unwrap(), "votes-error-choice");
});

on_both!(votes_recorded_for_others_are_checked_alike, |app| {
    let s = setting(&app).await;
    let secretary = app.browser(&s.secretary).await;
    let token = app.token(&s.secretary).await;
    let dafydd_id = s.members[0].id.to_string();
    let sian_id = s.members[1].id.to_string();

    // No member named, and no choice: both named at their fields, in words
    // that say what to do (the API said "Choose one of the options").
    for channel in ["paper", "assisted"] {
        let form = app
            .post_form(
                &format!("{}/{channel}", s.page()),
                &secretary.cookies,
                &[("csrf", &secretary.csrf), ("member", "someone")],
            )
            .await;
        assert_eq!(form.status, 422);
        assert!(form.body.contains(&format!("href=\"#{channel}-member\"")));
        assert!(form.body.contains(&format!("href=\"#{channel}-choice\"")));
        assert!(form.body.contains("Choose the member whose vote it is"));
        let body = app
            .api(
                "POST",
                &format!("{}/{channel}", s.api()),
                Some(&token),
                Some(json!({"member": "someone", "choice": "maybe"})),
            )
            .await;
        assert_eq!(body.status, 422);
        assert_eq!(field_code(&body, "member").unwrap(), "votes-error-member");
        assert_eq!(field_code(&body, "choice").unwrap(), "votes-error-choice");
    }

    // A member who has voted already: a problem with the member field on
    // both (the API answered it as a refusal of the whole request).
    let first = app
        .post_form(
            &format!("{}/paper", s.page()),
            &secretary.cookies,
            &[
                ("csrf", &secretary.csrf),
                ("member", &dafydd_id),
                ("choice", "for"),
            ],
        )
        .await;
    assert_eq!(first.status, 303, "{}", first.body);
    let first = app
        .api(
            "POST",
            &format!("{}/assisted", s.api()),
            Some(&token),
            Some(json!({"member": sian_id, "choice": "for"})),
        )
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    for member in [&dafydd_id, &sian_id] {
        let form = app
            .post_form(
                &format!("{}/assisted", s.page()),
                &secretary.cookies,
                &[
                    ("csrf", &secretary.csrf),
                    ("member", member),
                    ("choice", "against"),
                ],
            )
            .await;
        assert_eq!(form.status, 422);
        assert!(form.body.contains("href=\"#assisted-member\""));
        assert!(form.body.contains("This member has already voted"));
        let body = app
            .api(
                "POST",
                &format!("{}/paper", s.api()),
                Some(&token),
                Some(json!({"member": member, "choice": "against"})),
            )
            .await;
        assert_eq!(body.status, 422, "{}", body.body);
        assert_eq!(field_code(&body, "member").unwrap(), "votes-already-voted");
    }
});

on_both!(proxies_are_checked_alike, |app| {
    let s = setting(&app).await;
    let dafydd = app.browser(&s.members[0]).await;
    let sian = app.browser(&s.members[1]).await;
    let gwen = app.browser(&s.members[2]).await;
    let dafydd_token = app.token(&s.members[0]).await;
    let sian_token = app.token(&s.members[1]).await;
    let gwen_token = app.token(&s.members[2]).await;
    let (dafydd_id, sian_id) = (s.members[0].id.to_string(), s.members[1].id.to_string());

    // A holder that is nobody: the API's words, which speak of a holder,
    // on both (the page said "Choose the member whose vote it is").
    let form = app
        .post_form(
            &format!("{}/proxy", s.page()),
            &dafydd.cookies,
            &[("csrf", &dafydd.csrf), ("member", "nobody")],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(form.body.contains("href=\"#proxy-member\""));
    assert!(
        form.body
            .contains("Choose a current member who has a vote under the rules.")
    );
    let body = app
        .api(
            "PUT",
            &format!("{}/proxy", s.api()),
            Some(&dafydd_token),
            Some(json!({"holder": "nobody"})),
        )
        .await;
    assert_eq!(body.status, 422);
    assert_eq!(
        field_code(&body, "holder").unwrap(),
        "votes-proxy-holder-cannot-vote"
    );

    // Taking back a proxy never given is refused as a whole, on both (the
    // page showed it at the field of the form that names a holder).
    let form = app
        .post_form(
            &format!("{}/proxy/revoke", s.page()),
            &gwen.cookies,
            &[("csrf", &gwen.csrf)],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(
        !form.body.contains("href=\"#proxy-member\""),
        "{}",
        form.body
    );
    assert!(form.body.contains("proxy on this proposal"));
    let body = app
        .api(
            "DELETE",
            &format!("{}/proxy", s.api()),
            Some(&gwen_token),
            None,
        )
        .await;
    assert_eq!(body.status, 422);
    assert_eq!(body.json()["error"]["code"], "votes-no-proxy");

    // A member who has voted cannot name a proxy: a refusal of the whole
    // request on both (the page showed it at the holder's field).
    let voted = app
        .post_form(
            &format!("{}/vote", s.page()),
            &gwen.cookies,
            &[("csrf", &gwen.csrf), ("choice", "for")],
        )
        .await;
    assert_eq!(voted.status, 303);
    let form = app
        .post_form(
            &format!("{}/proxy", s.page()),
            &gwen.cookies,
            &[("csrf", &gwen.csrf), ("member", &sian_id)],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(
        !form.body.contains("href=\"#proxy-member\""),
        "{}",
        form.body
    );
    assert!(form.body.contains("This member has already voted"));
    let body = app
        .api(
            "PUT",
            &format!("{}/proxy", s.api()),
            Some(&gwen_token),
            Some(json!({"holder": sian_id})),
        )
        .await;
    assert_eq!(body.status, 422);
    assert_eq!(body.json()["error"]["code"], "votes-already-voted");

    // A proxy vote for nobody, with no choice: the pages' words on both
    // (the API said the caller held no proxy).
    let form = app
        .post_form(
            &format!("{}/proxy-vote", s.page()),
            &sian.cookies,
            &[("csrf", &sian.csrf), ("member", "nobody")],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(form.body.contains("href=\"#proxy-vote-member\""));
    assert!(form.body.contains("href=\"#proxy-vote-choice\""));
    assert!(form.body.contains("Choose the member whose vote it is"));
    let body = app
        .api(
            "POST",
            &format!("{}/proxy-votes", s.api()),
            Some(&sian_token),
            Some(json!({"member": "nobody", "choice": "maybe"})),
        )
        .await;
    assert_eq!(body.status, 422);
    assert_eq!(field_code(&body, "member").unwrap(), "votes-error-member");
    assert_eq!(field_code(&body, "choice").unwrap(), "votes-error-choice");

    // Dafydd names Sian, then votes himself: Sian's proxy vote is a
    // problem with the member on both (the API refused the whole request).
    let named = app
        .api(
            "PUT",
            &format!("{}/proxy", s.api()),
            Some(&dafydd_token),
            Some(json!({"holder": sian_id})),
        )
        .await;
    assert_eq!(named.status, 204, "{}", named.body);
    let own = app
        .post_form(
            &format!("{}/vote", s.page()),
            &dafydd.cookies,
            &[("csrf", &dafydd.csrf), ("choice", "against")],
        )
        .await;
    assert_eq!(own.status, 303);
    let form = app
        .post_form(
            &format!("{}/proxy-vote", s.page()),
            &sian.cookies,
            &[
                ("csrf", &sian.csrf),
                ("member", &dafydd_id),
                ("choice", "for"),
            ],
        )
        .await;
    assert_eq!(form.status, 422);
    assert!(form.body.contains("href=\"#proxy-vote-member\""));
    let body = app
        .api(
            "POST",
            &format!("{}/proxy-votes", s.api()),
            Some(&sian_token),
            Some(json!({"member": dafydd_id, "choice": "for"})),
        )
        .await;
    assert_eq!(body.status, 422, "{}", body.body);
    assert_eq!(
        field_code(&body, "member").as_deref(),
        Some("votes-already-voted"),
        "{}",
        body.body
    );
});

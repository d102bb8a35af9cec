//! Snapshots of the main pages, in English and in Welsh, and of the JSON
//! that the API gives for the same things, so that a word that moves, goes
//! missing or comes out in the wrong language fails a test and shows in
//! review as a change to a readable file.
//!
//! What a page's snapshot holds: the page's language and title, then the
//! content of its `<main>` (the header and footer are the same on every
//! page) turned into plain lines that read like a document:
//!
//! - headings start with `#`, `##`…; list items with `-` or their number;
//!   a table row is `| cell | cell |` and its caption `Caption: …`; a
//!   definition is `term: description`;
//! - a link is `[words](href)`; a button `[button: words]`; a text field
//!   `[text: value]` (its type, then what it holds); a radio button `( )` or
//!   `(x)` and a tick box `[ ]` or `[x]` before its label; a list to choose
//!   from `[select: a | *chosen* | c]`; a text area `[textarea: …]`;
//! - words for screen readers only (class `visually-hidden`) are in
//!   `⟨…⟩`; words a screen reader is given in attributes show where they are:
//!   `(aria-label: …)`, `(title: …)`, `(placeholder: …)`, `[image: alt]`,
//!   and a part in another language `{lang=en}`;
//! - hidden fields (the form token) and the markup itself are left out.
//!
//! So the snapshot holds every word a person sees or hears, and little else:
//! a change of markup alone does not fail it, a change of words does.
//!
//! What varies from run to run is made the same:
//!
//! - the clock is pinned before anything is made, and moved on by hand
//!   between writes, so every date and time the pages show is fixed (and
//!   things written one after another keep their order);
//! - the ids of the things a test makes are written as their role:
//!   `{coop}`, `{proposal}` (open), `{decided}`, `{rota}` (the meeting's),
//!   `{meeting}`, `{account:Elin Parry}`, `{person:Gwen Morgan}`; any other
//!   id (a ledger entry's) becomes `{id}`, a secret `{secret}` and an API
//!   token `{token}` (insta's filters);
//! - nothing else is filtered: every date a page shows (when a proposal
//!   was raised, when an officer took office) follows the pinned clock.
//!
//! What members wrote (a proposal's title and background, a meeting's
//! agenda, a comment, a ledger description) is shown as they wrote it, in
//! English here, on the Welsh pages too; every other word of a Welsh page is
//! Cylch's own and must be Welsh.
//!
//! The same snapshot is matched on SQLite and on PostgreSQL: a snapshot is
//! named after the page and language only, never the database, so the two
//! must agree word for word and in order.
//!
//! The JSON reads are made by one account in English and again in Welsh:
//! the API speaks in codes, not words, so the two must be the same, and one
//! snapshot holds them.
//!
//! Snapshots are in `snapshots/` beside this file, in the repository. With
//! `CI` set (as CI runs) insta writes nothing and a difference fails the
//! test; elsewhere a difference also fails and leaves a `.snap.new` beside
//! the snapshot to review (`INSTA_UPDATE=always` writes the new snapshot
//! over the old one instead, to be reviewed with `git diff`).

use cylch_domain::{CoopKind, CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName};
use cylch_governance::MeetingKind;
use cylch_governance::proposal::Subject;
use cylch_governance::vote::{DecisionRule, VoteChoice};
use cylch_store::CoopScope;
use cylch_store::accounts::{Account, NewAccount};
use cylch_store::coops::Coop;
use cylch_store::meetings::{Mark, NewMeeting};
use cylch_store::support::NewSupportedPerson;
use cylch_store::votes::{BallotChannel, NewProposal};
use jiff::Timestamp;
use jiff::civil::Time;
use serde_json::{Value, json};

use crate::on_both;
use crate::support::{Browser, TestApp};

/// The morning the pages are read: Thursday 14 May 2026, 11:00 in Wales.
const READ_AT: &str = "2026-05-14T10:00:00Z";

/// Pins the app's clock at `at`, an instant in UTC.
fn at(app: &TestApp, at: &str) {
    app.clock().pin(at.parse::<Timestamp>().unwrap());
}

/// A small family co-operative with something on each page: members of
/// every kind with two supported people, a proposal decided in April and
/// one open with votes and comments, a meeting today with its agenda and
/// who is coming, and a quarter's money.
struct Scene {
    coop: Coop,
    /// Everyone, by name, in the order they joined.
    people: Vec<Account>,
    gwen: String,
    huw: String,
    /// Open, with votes and comments.
    proposal: String,
    /// Decided last month.
    decided: String,
    /// To be decided at the meeting.
    rota: String,
    meeting: String,
}

impl Scene {
    fn who(&self, name: &str) -> &Account {
        self.people.iter().find(|a| a.name == name).unwrap()
    }

    async fn scope(&self, app: &TestApp, name: &str) -> CoopScope {
        app.store
            .scope(&self.who(name).id, &self.coop.id)
            .await
            .unwrap()
            .unwrap()
    }

    /// The ids this scene made, each with what it stands for.
    fn names(&self) -> Vec<(String, String)> {
        let mut names = vec![
            (self.coop.id.as_str().to_owned(), "{coop}".to_owned()),
            (self.proposal.clone(), "{proposal}".to_owned()),
            (self.decided.clone(), "{decided}".to_owned()),
            (self.rota.clone(), "{rota}".to_owned()),
            (self.meeting.clone(), "{meeting}".to_owned()),
            (self.gwen.clone(), "{person:Gwen Morgan}".to_owned()),
            (self.huw.clone(), "{person:Huw Roberts}".to_owned()),
        ];
        for account in &self.people {
            names.push((
                account.id.as_str().to_owned(),
                format!("{{account:{}}}", account.name),
            ));
        }
        names
    }

    /// `text` with every id this scene made written as what it stands for.
    fn name_ids(&self, text: &str) -> String {
        self.names()
            .iter()
            .filter(|(id, _)| !id.is_empty())
            .fold(text.to_owned(), |text, (id, name)| text.replace(id, name))
    }
}

async fn account(app: &TestApp, name: &str, language: Language) -> Account {
    let first = name.split(' ').next().unwrap().replace('â', "a");
    let email = format!("{}@cylch.test", first.to_lowercase());
    app.store
        .create_account(
            None,
            NewAccount {
                email: &EmailAddress::parse(&email).unwrap(),
                name: &PersonName::parse(name).unwrap(),
                language,
                password_hash: Some(&app.hash),
                instance_admin: false,
            },
        )
        .await
        .unwrap()
}

async fn scene(app: &TestApp) -> Scene {
    // On the first day of the quarter the co-operative is formed and its
    // members join, in the order of their names: the register lists members
    // in the order their rows were written, to the millisecond of the real
    // time, and then by name, so two who join in the same millisecond are
    // still in this order.
    at(app, "2026-04-01T08:00:00Z");
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cylch Gofal Eryri", CoopKind::Family)
        .await;
    let members = [
        ("Dafydd Jones", Language::En, MemberClass::Pa, None),
        (
            "Elin Parry",
            Language::En,
            MemberClass::FamilyOrCarer,
            Some(Office::Secretary),
        ),
        (
            "Gareth Hughes",
            Language::En,
            MemberClass::FamilyOrCarer,
            Some(Office::Treasurer),
        ),
        (
            "Gwen Morgan",
            Language::Cy,
            MemberClass::SupportedPerson,
            None,
        ),
        (
            "Mair Owen",
            Language::Cy,
            MemberClass::FamilyOrCarer,
            Some(Office::Chair),
        ),
        ("Nia Rees", Language::Cy, MemberClass::FamilyOrCarer, None),
        (
            "Rhys Roberts",
            Language::En,
            MemberClass::Representative,
            None,
        ),
        ("Siân Evans", Language::Cy, MemberClass::Supporter, None),
    ];
    let mut people = Vec::new();
    for (name, language, class, office) in members {
        let person = account(app, name, language).await;
        let roles = match office {
            Some(office) => CoopRoles::member(class).with_office(office),
            None => CoopRoles::member(class),
        };
        app.join(&coop, &person, roles).await;
        people.push(person);
    }
    let mut scene = Scene {
        coop,
        people,
        gwen: String::new(),
        huw: String::new(),
        proposal: String::new(),
        decided: String::new(),
        rota: String::new(),
        meeting: String::new(),
    };

    // The register: addresses and shares paid.
    let secretary = app.browser(scene.who("Elin Parry")).await;
    for (name, address) in [
        ("Elin Parry", "1 Stryd Fawr, Llanberis LL55 4EU"),
        ("Gwen Morgan", "Tŷ Gwyn, Lôn Las, Nant Peris LL55 4UL"),
    ] {
        let saved = app
            .post_form(
                &format!("/coops/{}/register/{}", scene.coop.id, scene.who(name).id),
                &secretary.cookies,
                &[
                    ("csrf", &secretary.csrf),
                    ("postal_address", address),
                    ("shares", "1"),
                    ("paid", "£1.00"),
                ],
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.body);
    }

    // Two supported people: Gwen, a member herself, and Huw, whom Rhys
    // represents.
    let treasurer = scene.scope(app, "Gareth Hughes").await;
    for (name, own, representative) in [
        ("Gwen Morgan", Some("Gwen Morgan"), None),
        ("Huw Roberts", None, Some("Rhys Roberts")),
    ] {
        let person = app
            .store
            .add_supported_person(
                &treasurer,
                NewSupportedPerson {
                    name,
                    member_account: own.map(|n| &scene.who(n).id),
                    represented_by: representative.map(|n| &scene.who(n).id),
                    starts_on: "2026-04-01".parse().unwrap(),
                },
            )
            .await
            .unwrap();
        match name {
            "Gwen Morgan" => scene.gwen = person.id,
            _ => scene.huw = person.id,
        }
    }

    // A proposal decided in April: voted on for a week, then counted.
    at(app, "2026-04-13T08:00:00Z");
    let secretary_scope = scene.scope(app, "Elin Parry").await;
    let wages = app
        .store
        .raise_proposal(
            &secretary_scope,
            NewProposal {
                title: "Pay our PAs the Real Living Wage",
                background: "From the first pay day in May, every PA's hourly rate rises to \
                             the Real Living Wage.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: "2026-04-13T08:00:00Z".parse().unwrap(),
                closes: "2026-04-20T16:00:00Z".parse().unwrap(),
            },
        )
        .await
        .unwrap();
    scene.decided = wages.id.clone();
    for (time, name, choice) in [
        ("2026-04-13T09:15:00Z", "Mair Owen", VoteChoice::For),
        ("2026-04-14T18:40:00Z", "Gareth Hughes", VoteChoice::For),
        ("2026-04-15T12:00:00Z", "Dafydd Jones", VoteChoice::Abstain),
        ("2026-04-16T20:30:00Z", "Nia Rees", VoteChoice::For),
        ("2026-04-17T10:05:00Z", "Siân Evans", VoteChoice::Against),
        ("2026-04-18T11:00:00Z", "Gwen Morgan", VoteChoice::For),
    ] {
        at(app, time);
        let scope = scene.scope(app, name).await;
        app.store
            .vote(&scope, &wages.id, choice, None, app.clock().now())
            .await
            .unwrap();
    }
    at(app, "2026-04-21T08:00:00Z");
    app.store
        .record_result(&secretary_scope, &wages.id, app.clock().now())
        .await
        .unwrap();

    // The general meeting of 14 May, given notice three weeks before, with
    // an agenda and a proposal to decide.
    at(app, "2026-04-23T08:00:00Z");
    let rota = app
        .store
        .raise_proposal(
            &secretary_scope,
            NewProposal {
                title: "Adopt the summer rota",
                background: "Four days on, four days off, from June to September.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: "2026-05-14T17:30:00Z".parse().unwrap(),
                closes: "2026-05-14T19:30:00Z".parse().unwrap(),
            },
        )
        .await
        .unwrap();
    let agenda = [
        "Apologies for absence".to_owned(),
        "Minutes of the last meeting".to_owned(),
        "Any other business".to_owned(),
    ];
    let meeting = app
        .store
        .schedule_meeting(
            &secretary_scope,
            NewMeeting {
                kind: MeetingKind::General,
                date: "2026-05-14".parse().unwrap(),
                starts_at: Time::new(18, 30, 0, 0).unwrap(),
                place: "Neuadd Goffa, Llanberis",
                agenda: &agenda,
                proposals: std::slice::from_ref(&rota.id),
            },
        )
        .await
        .unwrap();
    scene.meeting = meeting.id.clone();
    scene.rota = rota.id.clone();
    app.store
        .give_notice(
            &secretary_scope,
            &meeting.id,
            "2026-04-23".parse().unwrap(),
            None,
        )
        .await
        .unwrap();
    // The quarter's money so far, through the API, as the treasurer keeps
    // it: recorded in one sitting, a minute apart.
    let token = app.token(scene.who("Gareth Hughes")).await;
    let base = format!("/api/v1/coops/{}/ledger", scene.coop.id);
    let gwen = scene.gwen.clone();
    let huw = scene.huw.clone();
    let postings = [
        (
            "arrangements",
            json!({"person": gwen, "council": "Cyngor Gwynedd", "amount_pence": 120000,
                   "frequency": "monthly", "starts_on": "2026-04-01"}),
        ),
        (
            "receipts",
            json!({"person": gwen, "date": "2026-04-01", "amount_pence": 120000,
                   "description": "Direct Payment, April"}),
        ),
        (
            "receipts",
            json!({"person": gwen, "date": "2026-05-01", "amount_pence": 120000,
                   "description": "Direct Payment, May"}),
        ),
        (
            "entries",
            json!({"date": "2026-04-10", "description": "Swimming at Plas Brondanw",
                   "category": "activities", "amount_pence": 2500,
                   "charge_to": {"to": "shared", "rule": {"rule": "equally", "people": [gwen, huw]}}}),
        ),
        (
            "entries",
            json!({"date": "2026-04-15", "description": "Employers' liability insurance",
                   "category": "insurance", "amount_pence": 18000, "charge_to": {"to": "general"}}),
        ),
        (
            "entries",
            json!({"date": "2026-04-30", "description": "Dafydd's wages, April",
                   "category": "pa_wages", "amount_pence": 82000,
                   "charge_to": {"to": "person", "person": gwen}}),
        ),
        (
            "entries",
            json!({"date": "2026-05-06", "description": "Shower chair",
                   "category": "equipment", "amount_pence": 4500,
                   "charge_to": {"to": "person", "person": huw}}),
        ),
    ];
    for (minute, (path, body)) in postings.into_iter().enumerate() {
        at(app, &format!("2026-05-11T08:{minute:02}:00Z"));
        let posted = app
            .api("POST", &format!("{base}/{path}"), Some(&token), Some(body))
            .await;
        assert_eq!(posted.status, 201, "{path}: {}", posted.body);
    }

    // A proposal, open for a week, that members are discussing and voting
    // on; one vote came on paper.
    at(app, "2026-05-11T09:00:00Z");
    let proposal = app
        .store
        .raise_proposal(
            &secretary_scope,
            NewProposal {
                title: "Buy a ceiling hoist for Gwen's home",
                background: "Gwen's PAs lift her by hand twice a day, which the \
                             occupational therapist says must stop.\n\n\
                             The council's grant pays half; the co-operative's \
                             general fund would pay the rest, £1,450.",
                subject: Subject::General,
                rule: DecisionRule::OrdinaryResolution,
                secret_asked: false,
                opens: "2026-05-11T09:00:00Z".parse().unwrap(),
                closes: "2026-05-18T16:00:00Z".parse().unwrap(),
            },
        )
        .await
        .unwrap();
    scene.proposal = proposal.id.clone();
    for (time, name, comment) in [
        (
            "2026-05-11T12:30:00Z",
            "Nia Rees",
            "Is a mobile hoist not cheaper?",
        ),
        (
            "2026-05-11T18:05:00Z",
            "Elin Parry",
            "A mobile hoist needs two people to use it; a ceiling hoist needs one.",
        ),
    ] {
        at(app, time);
        let scope = scene.scope(app, name).await;
        app.store
            .add_comment(&scope, &proposal.id, comment)
            .await
            .unwrap();
    }
    for (time, name, choice) in [
        ("2026-05-12T07:10:00Z", "Mair Owen", VoteChoice::For),
        ("2026-05-12T19:45:00Z", "Nia Rees", VoteChoice::Against),
        ("2026-05-13T10:00:00Z", "Dafydd Jones", VoteChoice::Abstain),
        ("2026-05-13T16:20:00Z", "Gwen Morgan", VoteChoice::For),
    ] {
        at(app, time);
        let scope = scene.scope(app, name).await;
        app.store
            .vote(&scope, &proposal.id, choice, None, app.clock().now())
            .await
            .unwrap();
    }
    at(app, "2026-05-13T17:00:00Z");
    app.store
        .record_vote_for(
            &secretary_scope,
            &proposal.id,
            &scene.who("Gareth Hughes").id,
            VoteChoice::For,
            BallotChannel::Paper,
            app.clock().now(),
        )
        .await
        .unwrap();

    // The evening before the meeting, the replies so far.
    at(app, "2026-05-13T18:00:00Z");
    let marks: Vec<_> = [
        ("Elin Parry", Mark::Present),
        ("Mair Owen", Mark::Present),
        ("Gareth Hughes", Mark::Present),
        ("Nia Rees", Mark::Apologies),
        ("Dafydd Jones", Mark::Absent),
    ]
    .into_iter()
    .map(|(name, mark)| (scene.who(name).id.clone(), Some(mark)))
    .collect();
    app.store
        .record_attendance(&secretary_scope, &meeting.id, &marks)
        .await
        .unwrap();

    at(app, READ_AT);
    scene
}

/// The settings every snapshot is taken with: what it shows, and the
/// filters for what varies from run to run.
fn settings(description: &str) -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_description(description);
    settings.set_omit_expression(true);
    settings.set_prepend_module_to_snapshot(false);
    // A secret (64 hex digits) before an id (32), so that an id is never
    // found inside a secret; an API token is a secret with its prefix.
    settings.add_filter(r"cylch_[0-9a-f]{64}", "{token}");
    settings.add_filter(r"\b[0-9a-f]{64}\b", "{secret}");
    settings.add_filter(r"\b[0-9a-f]{32}\b", "{id}");
    settings
}

/// A page as the viewer reads it in `language`, its status checked.
async fn page(
    app: &TestApp,
    scene: &Scene,
    path: &str,
    browser: &Browser,
    language: &str,
) -> String {
    let reply = app
        .get(path, &format!("{}; cylch_lang={language}", browser.cookies))
        .await;
    assert_eq!(reply.status, 200, "{path} in {language}: {}", reply.body);
    readable(&scene.name_ids(&reply.body))
}

/// Snapshots a page in English and in Welsh, as `{name}-en` and `{name}-cy`,
/// with `filters` for what on it keeps the real time.
async fn snapshot_page(
    app: &TestApp,
    scene: &Scene,
    (name, path): (&str, &str),
    viewer: &str,
    filters: &[(&str, &str)],
) {
    let browser = app.browser(scene.who(viewer)).await;
    for (language, in_words) in [("en", "English"), ("cy", "Welsh")] {
        let text = page(app, scene, path, &browser, language).await;
        assert!(
            text.starts_with(&format!("lang: {language}\n")),
            "{path} is marked as {language}:\n{text}"
        );
        // A message that is missing shows its id instead of words.
        let ids = message_ids();
        let words = without_hrefs(&text);
        let shown: Vec<&str> = words
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|word| ids.iter().any(|id| id == word))
            .collect();
        assert!(
            shown.is_empty(),
            "{path} in {language} shows message ids {shown:?}:\n{text}"
        );
        let mut settings = settings(&format!(
            "GET {} as {viewer}, in {in_words}",
            scene.name_ids(path)
        ));
        for (pattern, replacement) in filters {
            settings.add_filter(pattern, *replacement);
        }
        settings.bind(|| insta::assert_snapshot!(format!("{name}-{language}"), text));
    }
}

/// Snapshots an API read, made by `caller` with their account in English
/// and again in Welsh, which must give the same JSON.
async fn snapshot_api(app: &TestApp, scene: &Scene, name: &str, path: &str, caller: &str) {
    let account = scene.who(caller);
    let token = app.token(account).await;
    let mut read = Vec::new();
    for language in [Language::En, Language::Cy] {
        app.store
            .update_profile(
                &account.id,
                &PersonName::parse(&account.name).unwrap(),
                &account.email,
                language,
            )
            .await
            .unwrap();
        let reply = app.api("GET", path, Some(&token), None).await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        let json: Value = serde_json::from_str(&scene.name_ids(&reply.body)).unwrap();
        read.push(json);
    }
    app.store
        .update_profile(
            &account.id,
            &PersonName::parse(&account.name).unwrap(),
            &account.email,
            account.language,
        )
        .await
        .unwrap();
    assert_eq!(
        read[0], read[1],
        "{path} is the same whatever the caller's language"
    );
    let shown_path = scene.name_ids(path);
    settings(&format!("GET {shown_path} as {caller}"))
        .bind(|| insta::assert_json_snapshot!(name, read[0]));
}

on_both!(the_coop_and_its_register, |app| {
    let s = scene(&app).await;
    let coop = format!("coops/{}", s.coop.id);
    let page = format!("/{coop}");
    snapshot_page(&app, &s, ("coop", &page), "Elin Parry", &[]).await;
    let register = format!("/{coop}/register");
    snapshot_page(&app, &s, ("register", &register), "Elin Parry", &[]).await;
    for (name, path) in [
        ("api-coop", coop.clone()),
        ("api-members", format!("{coop}/members")),
    ] {
        snapshot_api(&app, &s, name, &format!("/api/v1/{path}"), "Elin Parry").await;
    }
});

on_both!(proposals_open_and_decided, |app| {
    let s = scene(&app).await;
    for (name, proposal) in [("proposal", &s.proposal), ("decided", &s.decided)] {
        let path = format!("coops/{}/proposals/{proposal}", s.coop.id);
        let page = format!("/{path}");
        snapshot_page(&app, &s, (name, &page), "Elin Parry", &[]).await;
        let api = format!("/api/v1/{path}");
        snapshot_api(&app, &s, &format!("api-{name}"), &api, "Elin Parry").await;
    }
});

on_both!(a_meeting_with_its_agenda, |app| {
    let s = scene(&app).await;
    let path = format!("coops/{}/meetings/{}", s.coop.id, s.meeting);
    let page = format!("/{path}");
    snapshot_page(&app, &s, ("meeting", &page), "Elin Parry", &[]).await;
    snapshot_api(
        &app,
        &s,
        "api-meeting",
        &format!("/api/v1/{path}"),
        "Elin Parry",
    )
    .await;
});

on_both!(the_money_and_a_statement, |app| {
    let s = scene(&app).await;
    let ledger = format!("coops/{}/ledger", s.coop.id);
    let page = format!("/{ledger}");
    snapshot_page(&app, &s, ("ledger", &page), "Gareth Hughes", &[]).await;
    let statement = format!("{ledger}/statement?person={}", s.gwen);
    let page = format!("/{statement}");
    snapshot_page(&app, &s, ("statement", &page), "Gareth Hughes", &[]).await;
    for (name, path) in [
        ("api-ledger-totals", format!("{ledger}/totals")),
        ("api-ledger-funds", format!("{ledger}/funds")),
        ("api-ledger-statement", statement),
    ] {
        snapshot_api(&app, &s, name, &format!("/api/v1/{path}"), "Gareth Hughes").await;
    }
});

/// The text without the links' addresses, which are not words shown.
fn without_hrefs(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("](") {
        out.push_str(&rest[..start]);
        rest = rest[start..].split_once(')').map(|(_, r)| r).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// The id of every message in the pages' English and Welsh.
fn message_ids() -> Vec<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            files.push(path);
        }
    }
    let mut ids: Vec<String> = files
        .iter()
        .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
        .flat_map(|path| {
            std::fs::read_to_string(path)
                .unwrap()
                .lines()
                .filter_map(|line| line.split_once(" ="))
                .map(|(id, _)| id.to_owned())
                .filter(|id| id.contains('-') && !id.contains(char::is_whitespace))
                .collect::<Vec<_>>()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert!(
        ids.len() > 100,
        "the messages are found in {}",
        folder.display()
    );
    ids
}

/// A page as lines of text: its language, its title, and what its `<main>`
/// says (see the module's documentation for how each part is written).
fn readable(html: &str) -> String {
    let lang = html
        .split_once("<html lang=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(lang, _)| lang)
        .unwrap_or("?");
    let title = html
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map(|(title, _)| decode(title))
        .unwrap_or_default();
    let main = html
        .split_once("<main")
        .and_then(|(_, rest)| rest.split_once('>'))
        .and_then(|(_, rest)| rest.rsplit_once("</main>"))
        .map(|(main, _)| main)
        .unwrap_or_else(|| panic!("the page has a <main>:\n{html}"));
    let mut doc = Doc::default();
    let mut rest = main;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.split_once("-->").map(|(_, r)| r).unwrap_or("");
        } else if let Some(tag) = rest.strip_prefix('<') {
            let (tag, after) = tag.split_once('>').unwrap();
            doc.tag(tag);
            rest = after;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            doc.text(&rest[..end]);
            rest = &rest[end..];
        }
    }
    doc.end_line();
    format!(
        "lang: {lang}\ntitle: {title}\n\n{}\n",
        doc.lines.join("\n").trim()
    )
}

/// The lines of a page's text as they are written.
#[derive(Default)]
struct Doc {
    lines: Vec<String>,
    line: String,
    /// For each list open: its next number, or none for a bulleted list.
    lists: Vec<Option<usize>>,
    /// The hrefs of the links open.
    links: Vec<String>,
    /// A list to choose from, while open: its options, and whether each is
    /// chosen.
    select: Option<Vec<(String, bool)>>,
    textarea: Option<String>,
    /// For each element open, whether it is for screen readers only.
    open: Vec<bool>,
}

/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr",
];

impl Doc {
    fn end_line(&mut self) {
        let line = self.line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            self.lines.push(line);
        }
        self.line.clear();
    }

    fn push(&mut self, text: &str) {
        if let Some(options) = &mut self.select {
            if let Some(last) = options.last_mut() {
                last.0.push_str(text);
            }
        } else if let Some(area) = &mut self.textarea {
            area.push_str(text);
        } else {
            self.line.push_str(text);
        }
    }

    fn text(&mut self, raw: &str) {
        self.push(&decode(raw));
    }

    fn tag(&mut self, tag: &str) {
        let tag = tag.trim_end_matches('/').trim();
        let (closing, tag) = match tag.strip_prefix('/') {
            Some(tag) => (true, tag),
            None => (false, tag),
        };
        let name_end = tag.find(char::is_whitespace).unwrap_or(tag.len());
        let name = tag[..name_end].to_ascii_lowercase();
        let attrs = attributes(&tag[name_end..]);
        let attr = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        if closing {
            self.close(&name);
            return;
        }
        match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.end_line();
                self.lines.push(String::new());
                let level: usize = name[1..].parse().unwrap();
                self.line.push_str(&format!("{} ", "#".repeat(level)));
            }
            "ul" => {
                self.end_line();
                self.lists.push(None);
            }
            "ol" => {
                self.end_line();
                self.lists.push(Some(1));
            }
            "li" => {
                self.end_line();
                let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "-".to_owned(),
                };
                self.line.push_str(&format!("{indent}{marker} "));
            }
            "tr" => {
                self.end_line();
                self.line.push_str("| ");
            }
            "caption" => {
                self.end_line();
                self.line.push_str("Caption: ");
            }
            "dd" => self.line.push_str(": "),
            "br" | "p" | "div" | "dl" | "dt" | "table" | "thead" | "tbody" | "tfoot" | "form"
            | "fieldset" | "legend" | "article" | "section" | "nav" | "aside" | "details"
            | "summary" | "figure" | "figcaption" | "pre" | "blockquote" | "hr" | "header"
            | "footer" => self.end_line(),
            "a" => {
                self.links.push(attr("href").unwrap_or("").to_owned());
                self.push("[");
            }
            "button" => self.push("[button: "),
            "input" => {
                let kind = attr("type").unwrap_or("text");
                let checked = attr("checked").is_some();
                match kind {
                    "hidden" => {}
                    "radio" => self.push(if checked { "(x) " } else { "( ) " }),
                    "checkbox" => self.push(if checked { "[x] " } else { "[ ] " }),
                    "submit" | "button" => {
                        let value = attr("value").unwrap_or("").to_owned();
                        self.push(&format!("[button: {value}]"));
                    }
                    _ => {
                        let value = attr("value").unwrap_or("").to_owned();
                        self.push(&format!(" [{kind}: {value}] "));
                    }
                }
            }
            "select" => self.select = Some(Vec::new()),
            "option" => {
                if let Some(options) = &mut self.select {
                    options.push((String::new(), attr("selected").is_some()));
                }
            }
            "textarea" => self.textarea = Some(String::new()),
            "img" => {
                let alt = attr("alt").unwrap_or("").to_owned();
                self.push(&format!("[image: {alt}]"));
            }
            _ => {}
        }
        for (key, label) in [
            ("aria-label", "aria-label"),
            ("title", "title"),
            ("placeholder", "placeholder"),
        ] {
            if let Some(value) = attr(key) {
                let value = value.to_owned();
                self.push(&format!(" ({label}: {value}) "));
            }
        }
        if let Some(lang) = attr("lang") {
            let lang = lang.to_owned();
            self.push(&format!("{{lang={lang}}} "));
        }
        if !VOID.contains(&name.as_str()) {
            let hidden =
                attr("class").is_some_and(|c| c.split_whitespace().any(|c| c == "visually-hidden"));
            if hidden {
                self.push("⟨");
            }
            self.open.push(hidden);
        }
    }

    fn close(&mut self, name: &str) {
        if self.open.pop() == Some(true) {
            self.push("⟩");
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "p" | "div" | "dd" | "table"
            | "caption" | "form" | "fieldset" | "legend" | "article" | "section" | "nav"
            | "aside" | "details" | "summary" | "figure" | "figcaption" | "pre" | "blockquote"
            | "header" | "footer" | "tr" => self.end_line(),
            "ul" | "ol" => {
                self.end_line();
                self.lists.pop();
            }
            "th" | "td" => self.line.push_str(" | "),
            "a" => {
                let href = self.links.pop().unwrap_or_default();
                self.push(&format!("]({href})"));
            }
            "button" => self.push("]"),
            "select" => {
                let options = self.select.take().unwrap_or_default();
                let shown: Vec<String> = options
                    .into_iter()
                    .map(|(text, chosen)| {
                        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                        if chosen { format!("*{text}*") } else { text }
                    })
                    .collect();
                self.push(&format!(" [select: {}] ", shown.join(" | ")));
            }
            "textarea" => {
                let text = self.textarea.take().unwrap_or_default();
                self.push(&format!(" [textarea: {}] ", text.trim()));
            }
            _ => {}
        }
    }
}

/// A tag's attributes, each value decoded; a bare attribute has an empty
/// value.
fn attributes(raw: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = raw.trim_start();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        let value = match rest.strip_prefix("=\"") {
            Some(quoted) => {
                let (value, after) = quoted.split_once('"').unwrap_or((quoted, ""));
                rest = after;
                decode(value)
            }
            None => String::new(),
        };
        found.push((key, value));
        rest = rest.trim_start();
    }
    found
}

/// Text with its character references made the characters they stand for.
fn decode(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let character = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match character {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

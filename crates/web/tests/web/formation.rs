//! Forming a co-operative, stage by stage, through the pages.

use cylch_domain::{CoopKind, CoopRoles, MemberClass, Office};

use crate::on_both;
use crate::support::TestApp;

/// What a group typically records for each task of a family co-operative.
fn evidence_for(task: &str) -> Vec<(&'static str, &'static str)> {
    match task {
        "form_steering_group" | "admit_founder_members" => {
            vec![("date", "3/2/2026"), ("people_count", "5")]
        }
        "ask_councils_about_pooling" | "open_bank_account" | "dbs_checks" | "set_up_payroll" => {
            vec![("date", "2026-03-01")]
        }
        "register_with_fca" => vec![
            ("date", "2026-03-10"),
            ("fca_registration_number", "RS009999"),
            ("document", "Shared drive/Registration"),
        ],
        "register_as_employer" => vec![
            ("date", "2026-03-12"),
            ("hmrc_employer_reference", "123/AB45678"),
        ],
        "employers_liability_insurance" => vec![
            ("insurer", "PA Insurance Cymru"),
            ("policy_number", "EL-1234"),
            ("cover_pence", "10000000"),
            ("expires_on", "2027-03-31"),
            ("document", "Shared drive/Insurance"),
        ],
        "pension_scheme" => vec![("date", "2026-03-15"), ("pension_provider", "NEST")],
        "pooling_agreements" => vec![
            ("council", "Cyngor Gwynedd"),
            ("council_reference", "DP-77"),
            ("date", "2026-03-20"),
            ("document", "Agreement.pdf"),
        ],
        _ => vec![("date", "2026-01-15"), ("document", "Shared drive/Notes")],
    }
}

async fn steering_group(app: &TestApp) -> (cylch_store::coops::Coop, crate::support::Browser) {
    let admin = app.person("admin@cylch.test", "Admin", true).await;
    let coop = app
        .coop(&admin, "Cydweithfa Newydd", CoopKind::Family)
        .await;
    let secretary = app.person("secretary@cylch.test", "Elin", false).await;
    app.join(
        &coop,
        &secretary,
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Secretary),
    )
    .await;
    let browser = app.browser(&secretary).await;
    (coop, browser)
}

on_both!(
    a_family_coop_is_formed_from_idea_to_first_general_meeting,
    |app| {
        let (coop, browser) = steering_group(&app).await;
        let base = format!("/coops/{}/formation", coop.id);
        let start = app.get(&base, &browser.cookies).await;
        assert_eq!(start.status, 200);
        assert!(
            start
                .body
                .contains("Now at: The idea and a steering group. 0 of"),
            "{}",
            start.body
        );

        let council = app
            .post_form(
                &format!("{base}/councils"),
                &browser.cookies,
                &[("csrf", &browser.csrf), ("council", "Cyngor Gwynedd")],
            )
            .await;
        assert_eq!(council.status, 303);

        let mut steps = 0;
        loop {
            let page = app.get(&base, &browser.cookies).await;
            let Some(next) = page
                .body
                .split(&format!("href=\"{base}/"))
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(str::to_owned)
            else {
                panic!("no next task on {}", page.body);
            };
            if page.body.contains("The co-operative is formed") {
                break;
            }
            let mut fields = vec![("csrf", browser.csrf.as_str())];
            fields.extend(evidence_for(&next));
            let recorded = app
                .post_form(&format!("{base}/{next}"), &browser.cookies, &fields)
                .await;
            assert_eq!(recorded.status, 303, "{next}: {}", recorded.body);
            steps += 1;
            assert!(steps < 40, "formation never finished");
        }
        assert!(
            steps >= 15,
            "a family co-operative has many tasks, {steps} recorded"
        );
        let done = app
            .get(&base, &format!("{}; cylch_lang=cy", browser.cookies))
            .await;
        assert!(
            done.body.contains("Mae'r gydweithfa wedi'i ffurfio")
                || done
                    .body
                    .contains("Mae&#39;r gydweithfa wedi&#39;i ffurfio")
                || done
                    .body
                    .contains("Mae&#x27;r gydweithfa wedi&#x27;i ffurfio"),
            "{}",
            done.body
        );
        let scope = app
            .store
            .scope(
                &app.store
                    .account_by_email(
                        &cylch_domain::EmailAddress::parse("secretary@cylch.test").unwrap(),
                    )
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
                &coop.id,
            )
            .await
            .unwrap()
            .unwrap();
        let trail = app.store.audit_trail(&scope, 200).await.unwrap();
        assert!(
            trail
                .iter()
                .filter(|e| e.record_kind == "formation")
                .count()
                > steps,
            "every step is audited"
        );
    }
);

on_both!(the_rules_check_the_evidence, |app| {
    let (coop, browser) = steering_group(&app).await;
    let base = format!("/coops/{}/formation", coop.id);
    let few = app
        .post_form(
            &format!("{base}/form_steering_group"),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("date", "2026-02-03"),
                ("people_count", "2"),
            ],
        )
        .await;
    assert_eq!(few.status, 422);
    assert!(
        few.body.contains("At least three people are needed")
            && few.body.contains("href=\"#people_count\"")
    );
    assert!(few.body.contains("value=\"2\""), "what was typed is kept");
    let cover = app
        .post_form(
            &format!("{base}/employers_liability_insurance"),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("insurer", "X"),
                ("policy_number", "1"),
                ("cover_pence", "1000000"),
                ("expires_on", "2027-01-01"),
                ("document", "d"),
            ],
        )
        .await;
    assert_eq!(cover.status, 422);
    assert!(cover.body.contains("at least £5,000,000"));
    let reference = app
        .post_form(
            &format!("{base}/register_as_employer"),
            &format!("{}; cylch_lang=cy", browser.cookies),
            &[
                ("csrf", &browser.csrf),
                ("date", "2026-03-01"),
                ("hmrc_employer_reference", "12345"),
            ],
        )
        .await;
    assert_eq!(reference.status, 422);
    assert!(reference.body.contains("123/AB45678") && reference.body.contains("tri digid"));
    let blank = app
        .post_form(
            &format!("{base}/first_conversations"),
            &browser.cookies,
            &[("csrf", &browser.csrf)],
        )
        .await;
    assert_eq!(blank.status, 422);
    assert!(blank.body.contains("href=\"#date\"") && blank.body.contains("href=\"#document\""));
    let no_council = app
        .post_form(
            &format!("{base}/pooling_agreements"),
            &browser.cookies,
            &[
                ("csrf", &browser.csrf),
                ("council", "Nowhere"),
                ("council_reference", "1"),
                ("date", "2026-01-01"),
                ("document", "d"),
            ],
        )
        .await;
    assert_eq!(no_council.status, 422);
    assert!(no_council.body.contains("Add the council"));
    assert_eq!(
        app.get(&format!("{base}/register_with_ciw"), &browser.cookies)
            .await
            .status,
        404,
        "not a task for a family co-operative"
    );
});

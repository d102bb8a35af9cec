//! Whose record: a supported person, a representative and a PA each see
//! exactly their own per-person records, in the store's scope, on the pages
//! and in the API, and nobody else's.

use cylch_domain::{PersonRecord, Tie};
use cylch_store::support::NewSupportedPerson;

use crate::on_both;
use crate::support::cast;

on_both!(
    each_person_sees_exactly_their_own_per_person_records,
    |app| {
        let cast = cast(&app).await;
        let coop = cast.coop_a.id.clone();
        let treasurer = cast.who("treasurer");
        let officer_scope = app
            .store
            .scope(&treasurer.id, &coop)
            .await
            .unwrap()
            .unwrap();
        let supported = cast.who("supported");
        let representative = cast.who("representative");
        let family = cast.who("family");
        let pa = cast.who("pa");
        let mut ids = Vec::new();
        for (name, member, represented) in [
            ("Gwen Rowlands", Some(&supported.id), None),
            ("Huw Pritchard", None, Some(&representative.id)),
            ("Ifan Morgan", None, Some(&family.id)),
        ] {
            let person = app
                .store
                .add_supported_person(
                    &officer_scope,
                    NewSupportedPerson {
                        name,
                        member_account: member,
                        represented_by: represented,
                        starts_on: "2026-01-01".parse().unwrap(),
                    },
                )
                .await
                .unwrap();
            ids.push((name, person.id));
        }

        // (who, the one person whose fund is theirs to see, how they are tied)
        let cases = [
            (supported, Some(0), Tie::Themselves),
            (representative, Some(1), Tie::Representative),
            (pa, None, Tie::Unrelated),
        ];
        for (account, own, tie) in cases {
            let scope = app.store.scope(&account.id, &coop).await.unwrap().unwrap();
            // The store hands out a scope for their own person only.
            let visible = app
                .store
                .visible_people(&scope, PersonRecord::Fund)
                .await
                .unwrap();
            let names: Vec<&str> = visible.iter().map(|p| p.name()).collect();
            let expected: Vec<&str> = own.map(|i| ids[i].0).into_iter().collect();
            assert_eq!(names, expected, "{} sees", account.name);
            if own.is_some() {
                assert_eq!(visible[0].tie(), tie);
            }
            for (i, (name, id)) in ids.iter().enumerate() {
                let opened = app.store.person_scope(&scope, id, PersonRecord::Fund).await;
                assert_eq!(
                    opened.is_ok(),
                    own == Some(i),
                    "{} and {name}'s fund",
                    account.name
                );
            }

            // The API lists the same, and refuses anyone else's statement.
            let t = app.token(account).await;
            let base = format!("/api/v1/coops/{}/ledger", coop.as_str());
            let funds = app
                .api("GET", &format!("{base}/funds"), Some(&t), None)
                .await;
            match own {
                Some(own) => {
                    assert_eq!(funds.status, 200, "{}", funds.body);
                    let listed: Vec<String> = funds
                        .json()
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|f| f["person"].as_str().unwrap_or_default().to_owned())
                        .collect();
                    assert_eq!(listed, vec![ids[own].1.clone()]);
                }
                // A PA has no fund of their own to see.
                None => assert_eq!(funds.status, 403, "{}", funds.body),
            }
            let browser = app.browser(account).await;
            for (i, (name, id)) in ids.iter().enumerate() {
                let expected = if own == Some(i) { 200 } else { 403 };
                let api = app
                    .api(
                        "GET",
                        &format!("{base}/statement?person={id}"),
                        Some(&t),
                        None,
                    )
                    .await;
                assert_eq!(
                    api.status, expected,
                    "{} reading {name}'s statement in the API",
                    account.name
                );
                let page = app
                    .get(
                        &format!("/coops/{}/ledger/statement?person={id}", coop.as_str()),
                        &browser.cookies,
                    )
                    .await;
                assert_eq!(
                    page.status, expected,
                    "{} reading {name}'s statement on the page",
                    account.name
                );
                if expected == 200 {
                    assert!(page.body.contains(name));
                }
            }
            // The money page names their own fund and no one else's.
            let money = app
                .get(
                    &format!("/coops/{}/ledger", coop.as_str()),
                    &browser.cookies,
                )
                .await;
            for (i, (name, _)) in ids.iter().enumerate() {
                assert_eq!(
                    money.body.contains(name),
                    own == Some(i),
                    "{} on the money page and {name}",
                    account.name
                );
            }
        }
    }
);

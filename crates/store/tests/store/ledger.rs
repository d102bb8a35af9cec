//! The co-operative's books in the store, on SQLite and PostgreSQL: posted
//! lines the database itself will not change, imports that are all or
//! nothing, and a worked quarter whose council returns are checked against
//! figures worked out by hand.

use cylch_ledger::account::codes;
use cylch_ledger::bank::LayoutChoice;
use cylch_ledger::report::Period;
use cylch_ledger::{
    Arrangement, Category, ChargeTo, EntryDraft, EntryId, Frequency, Line, Pence, PersonId,
    Schedule, Spending, SplitRule, posting,
};
use cylch_store::CoopScope;
use cylch_store::ledger::LedgerError;
use cylch_store::support::NewSupportedPerson;
use cylch_store::testing::{count_raw, execute_raw};

use super::*;

fn day(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

fn p(pounds: i64, pence: i64) -> Pence {
    Pence::new(pounds * 100 + pence)
}

/// A family co-operative with a treasurer, a second officer, and `names`
/// supported people (each a member): the treasurer's and the second
/// officer's scopes, and the people's ids.
struct Books {
    treasurer: CoopScope,
    secretary: CoopScope,
    people: Vec<PersonId>,
}

async fn books(store: &Store, names: &[&str]) -> Books {
    let admin = person(store, "admin@example.cymru", true).await;
    let treasurer = person(store, "trysorydd@example.cymru", false).await;
    let secretary = person(store, "ysgrifennydd@example.cymru", false).await;
    let coop = store
        .create_coop(
            &admin.id,
            &CoopName::parse("Cylch Llŷn").unwrap(),
            CoopKind::Family,
        )
        .await
        .unwrap();
    for (account, office) in [
        (&treasurer, Office::Treasurer),
        (&secretary, Office::Secretary),
    ] {
        store
            .add_member(
                &admin.id,
                &coop.id,
                &account.id,
                &CoopRoles::member(MemberClass::FamilyOrCarer).with_office(office),
                None,
            )
            .await
            .unwrap();
    }
    let scope = store.scope(&treasurer.id, &coop.id).await.unwrap().unwrap();
    let mut people = Vec::new();
    for name in names {
        let member = person(
            store,
            &format!("{}@example.cymru", name.to_lowercase()),
            false,
        )
        .await;
        store
            .add_member(
                &treasurer.id,
                &coop.id,
                &member.id,
                &CoopRoles::member(MemberClass::SupportedPerson),
                None,
            )
            .await
            .unwrap();
        let added = store
            .add_supported_person(
                &scope,
                NewSupportedPerson {
                    name,
                    member_account: Some(&member.id),
                    represented_by: None,
                    starts_on: day("2026-01-01"),
                },
            )
            .await
            .unwrap();
        people.push(PersonId::new(added.id).unwrap());
    }
    Books {
        secretary: store.scope(&secretary.id, &coop.id).await.unwrap().unwrap(),
        treasurer: scope,
        people,
    }
}

fn monthly(council: &str, person: &PersonId, amount: Pence, start: &str) -> Arrangement {
    Arrangement {
        person: person.clone(),
        council: council.into(),
        payment: Schedule {
            amount,
            frequency: Frequency::Monthly,
            start: day(start),
            end: None,
        },
        client_contribution: None,
    }
}

async fn spend(
    store: &Store,
    scope: &CoopScope,
    date: &str,
    what: &str,
    category: Category,
    amount: Pence,
    charge_to: ChargeTo,
) -> cylch_ledger::PostedEntry {
    let lines = posting::spending(
        &Spending {
            category,
            amount,
            charge_to,
            paid_from: cylch_ledger::AccountCode::new(codes::BANK),
        },
        &cylch_ledger::Chart::standard(),
    )
    .unwrap();
    store
        .post_lines(scope, day(date), what, lines)
        .await
        .unwrap()
}

fn own(person: &PersonId) -> ChargeTo {
    ChargeTo::Person {
        person: person.clone(),
    }
}

on_both_databases!(
    posted_lines_cannot_be_changed_or_deleted_at_the_database,
    |store| {
        let b = books(&store, &["Aled"]).await;
        let entry = spend(
            &store,
            &b.treasurer,
            "2026-04-10",
            "Swimming",
            Category::Activities,
            p(12, 50),
            own(&b.people[0]),
        )
        .await;
        let id = entry.id().as_str();
        for sql in [
            format!("UPDATE ledger_lines SET amount = 1 WHERE entry_id = '{id}'"),
            format!("UPDATE ledger_lines SET fund_person_id = NULL WHERE entry_id = '{id}'"),
            format!("DELETE FROM ledger_lines WHERE entry_id = '{id}'"),
            format!("UPDATE ledger_entries SET description = 'Something else' WHERE id = '{id}'"),
            format!("DELETE FROM ledger_entries WHERE id = '{id}'"),
            "DELETE FROM ledger_lines".to_owned(),
        ] {
            let refused = execute_raw(&store, &sql).await;
            assert!(refused.is_err(), "the database allowed: {sql}");
            let message = refused.unwrap_err().to_string();
            assert!(message.contains("posted ledger"), "{sql}: {message}");
        }
        if store.dialect() == cylch_store::Dialect::Postgres {
            assert!(execute_raw(&store, "TRUNCATE ledger_lines").await.is_err());
        }
        // Nothing changed: the entry loads exactly as posted.
        let loaded = store.ledger_entry(&b.treasurer, entry.id()).await.unwrap();
        assert_eq!(loaded.entry, entry);
        assert_eq!(
            count_raw(&store, "SELECT COUNT(*) FROM ledger_lines").await,
            2
        );
    }
);

on_both_databases!(entries_round_trip_and_corrections_are_reversals, |store| {
    let b = books(&store, &["Aled", "Bethan", "Cai"]).await;
    let rule = SplitRule::ByWeights {
        weights: vec![
            (b.people[0].clone(), 2),
            (b.people[1].clone(), 1),
            (b.people[2].clone(), 1),
        ],
    };
    let shared = spend(
        &store,
        &b.treasurer,
        "2026-04-12",
        "Hoist sling",
        Category::Equipment,
        p(100, 1),
        ChargeTo::Shared { rule: rule.clone() },
    )
    .await;
    let loaded = store.ledger_entries(&b.treasurer).await.unwrap();
    assert_eq!(loaded.len(), 1);
    assert_eq!(loaded[0].entry, shared);
    assert_eq!(loaded[0].entry.allocation().unwrap().rule, rule);
    assert_eq!(loaded[0].posted_by.as_ref(), Some(b.treasurer.account()));

    let reversal = store
        .reverse_entry(
            &b.treasurer,
            shared.id(),
            day("2026-04-13"),
            "wrong supplier",
        )
        .await
        .unwrap();
    assert_eq!(reversal.reverses(), Some(shared.id()));
    // Reversed once only, and a reversal is not reversed.
    assert!(matches!(
        store
            .reverse_entry(&b.treasurer, shared.id(), day("2026-04-14"), "again")
            .await,
        Err(LedgerError::Reversal(_))
    ));
    assert!(matches!(
        store
            .reverse_entry(&b.treasurer, reversal.id(), day("2026-04-14"), "undo")
            .await,
        Err(LedgerError::Reversal(_))
    ));
    let loaded = store.ledger_entries(&b.treasurer).await.unwrap();
    assert_eq!(loaded.len(), 2);
    assert_eq!(loaded[0].reversed_by.as_ref(), Some(reversal.id()));
    let balance = store
        .trial_balance(&b.treasurer, day("2026-04-30"), None)
        .await
        .unwrap();
    assert!(balance.rows.is_empty(), "a reversal restores every balance");

    // Unbalanced drafts, strangers' funds and reversals posted as new
    // entries are refused, and leave nothing behind.
    let unbalanced = EntryDraft {
        id: EntryId::new("x"),
        date: day("2026-04-15"),
        description: "Out by a penny".into(),
        lines: vec![
            Line::debit(codes::ACTIVITIES, cylch_ledger::FundId::General, p(1, 0)),
            Line::credit(codes::BANK, cylch_ledger::FundId::General, p(0, 99)),
        ],
        allocation: None,
        reverses: None,
    };
    assert!(matches!(
        store.post_entry(&b.treasurer, unbalanced).await,
        Err(LedgerError::Entry(_))
    ));
    let stranger = PersonId::new("not-supported-here").unwrap();
    let refused = store
        .post_lines(
            &b.treasurer,
            day("2026-04-15"),
            "Taxi",
            posting::spending(
                &Spending {
                    category: Category::Activities,
                    amount: p(5, 0),
                    charge_to: own(&stranger),
                    paid_from: cylch_ledger::AccountCode::new(codes::BANK),
                },
                &cylch_ledger::Chart::standard(),
            )
            .unwrap(),
        )
        .await;
    assert!(matches!(refused, Err(LedgerError::UnknownPerson(_))));
    let mut sneaky = shared.to_draft();
    sneaky.id = EntryId::new("y");
    sneaky.reverses = Some(shared.id().clone());
    assert!(matches!(
        store.post_entry(&b.treasurer, sneaky).await,
        Err(LedgerError::ReversalPostedDirectly)
    ));
    assert_eq!(store.ledger_entries(&b.treasurer).await.unwrap().len(), 2);
    let trail = store
        .audit_of_record("ledger_entry", shared.id().as_str())
        .await
        .unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(
        trail[0].after.as_ref().unwrap()["description"],
        "Hoist sling"
    );
});

on_both_databases!(claims_need_two_other_officers_above_the_limit, |store| {
    let b = books(&store, &["Aled"]).await;
    let claim = store
        .make_claim(
            &b.treasurer,
            p(300, 0),
            Category::Equipment,
            "Riser chair",
            own(&b.people[0]),
        )
        .await
        .unwrap();
    let id = claim.claim.id().to_owned();
    // Not paid before approval, and the treasurer cannot approve their own
    // claim.
    assert!(matches!(
        store.pay_claim(&b.treasurer, &id, day("2026-05-01")).await,
        Err(LedgerError::Posting(_))
    ));
    assert!(matches!(
        store.approve_claim(&b.treasurer, &id).await,
        Err(LedgerError::Approval(_))
    ));
    let once = store.approve_claim(&b.secretary, &id).await.unwrap();
    assert_eq!(
        once.status,
        cylch_ledger::ClaimStatus::AwaitingApproval { have: 1, needed: 2 }
    );
    assert!(matches!(
        store.approve_claim(&b.secretary, &id).await,
        Err(LedgerError::Approval(_))
    ));
    assert!(
        store
            .pay_claim(&b.secretary, &id, day("2026-05-01"))
            .await
            .is_err()
    );
    assert_eq!(store.ledger_entries(&b.treasurer).await.unwrap().len(), 0);

    // At or below the limit one officer is enough.
    let small = store
        .make_claim(
            &b.secretary,
            p(250, 0),
            Category::Training,
            "First aid course",
            own(&b.people[0]),
        )
        .await
        .unwrap();
    let small_id = small.claim.id().to_owned();
    let approved = store.approve_claim(&b.treasurer, &small_id).await.unwrap();
    assert_eq!(approved.status, cylch_ledger::ClaimStatus::Approved);
    let paid = store
        .pay_claim(&b.treasurer, &small_id, day("2026-05-02"))
        .await
        .unwrap();
    assert!(matches!(
        store
            .pay_claim(&b.treasurer, &small_id, day("2026-05-02"))
            .await,
        Err(LedgerError::AlreadyPaid(_))
    ));
    let claims = store.claims(&b.treasurer).await.unwrap();
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[1].paid_by.as_ref(), Some(paid.id()));
    assert_eq!(claims[0].claim.approvals().len(), 1);
    assert_eq!(
        store
            .audit_of_record("claim_payment", &small_id)
            .await
            .unwrap()
            .len(),
        1
    );
});

const LLOYDS: &str = "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n\
03/04/2026,BGC,'30-99-50,12345678,CYNGOR GWYNEDD DP,,1200.00,1700.00\n\
10/04/2026,DEB,'30-99-50,12345678,CANOLFAN HAMDDEN,12.50,,1687.50\n\
10/04/2026,DEB,'30-99-50,12345678,CANOLFAN HAMDDEN,12.50,,1675.00\n";

const LLOYDS_LATER: &str = "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n\
10/04/2026,DEB,'30-99-50,12345678,CANOLFAN HAMDDEN,12.50,,1687.50\n\
10/04/2026,DEB,'30-99-50,12345678,CANOLFAN HAMDDEN,12.50,,1675.00\n\
14/04/2026,FPO,'30-99-50,12345678,SIOP OFFER,40.00,,1635.00\n";

const NATIONWIDE: &str = "\"Account Name:\",\"FlexDirect ****01234\"\n\
\"Account Balance:\",\"£1,635.00\"\n\
\"Available Balance: \",\"£1,635.00\"\n\
\n\
\"Date\",\"Transaction type\",\"Description\",\"Paid out\",\"Paid in\",\"Balance\"\n\
\"01 May 2026\",\"Bank credit\",\"CYNGOR GWYNEDD DP\",\"\",\"£1,200.00\",\"£2,835.00\"\n\
\"02 May 2026\",\"Payment to\",\"TACSI LLYN\",\"£18.00\",\"\",\"£2,817.00\"\n";

const BARCLAYS: &str = "Number,Date,Account,Amount,Subcategory,Memo\n\
,05/05/2026,20-32-06 13152170,-25.00,PAYMENT,CAFFI'R CEI\n\
,06/05/2026,20-32-06 13152170,300.00,CREDIT,CYNGOR GWYNEDD CC\n";

const STARLING: &str = "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category\n\
07/05/2026,Cyngor Gwynedd,DP MAI,FASTER PAYMENT,850.00,3942.00,INCOME\n\
08/05/2026,Siop Offer,ANFONEB 22,FASTER PAYMENT,-60.00,3882.00,SHOPPING\n";

on_both_databases!(statements_import_once_and_whole, |store| {
    let b = books(&store, &["Aled"]).await;
    let s = &b.treasurer;
    for (file, bank, lines) in [
        (LLOYDS, "lloyds", 3),
        (NATIONWIDE, "nationwide", 2),
        (BARCLAYS, "barclays", 2),
        (STARLING, "starling", 2),
    ] {
        let summary = store
            .import_statement(s, file.as_bytes(), &LayoutChoice::Detect)
            .await
            .unwrap();
        assert_eq!(summary.layout, bank);
        assert_eq!((summary.lines_in_file, summary.lines_added), (lines, lines));
        assert!(summary.import_id.is_some());
    }
    assert_eq!(store.bank_lines(s).await.unwrap().len(), 9);

    // The same file again adds nothing and records no import.
    let again = store
        .import_statement(s, LLOYDS.as_bytes(), &LayoutChoice::Detect)
        .await
        .unwrap();
    assert_eq!((again.lines_added, again.already_imported), (0, 3));
    assert_eq!(again.import_id, None);
    // An overlapping later export adds only its new line; the two
    // identical coffees stay two lines, not one and not four.
    let later = store
        .import_statement(s, LLOYDS_LATER.as_bytes(), &LayoutChoice::Detect)
        .await
        .unwrap();
    assert_eq!((later.lines_added, later.already_imported), (1, 2));
    assert_eq!(store.bank_lines(s).await.unwrap().len(), 10);
    assert_eq!(
        count_raw(&store, "SELECT COUNT(*) FROM bank_imports").await,
        5
    );

    let lloyds_header = "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance\n";
    let bad: Vec<(&str, Vec<u8>, Option<usize>)> = vec![
        ("not UTF-8", format!("{lloyds_header}03/06/2026,DEB,x,1,CAF\u{e9},1.00,,2.00\n").replace('\u{e9}', "").into_bytes().into_iter().chain([0xff, b'\n']).collect(), None),
        ("no header", b"Foo,Bar\n1,2\n".to_vec(), None),
        ("no transactions", lloyds_header.as_bytes().to_vec(), None),
        ("bad date", format!("{lloyds_header}31/02/2026,DEB,x,1,TACSI,1.00,,2.00\n").into_bytes(), Some(2)),
        ("two-digit year", format!("{lloyds_header}03/06/26,DEB,x,1,TACSI,1.00,,2.00\n").into_bytes(), Some(2)),
        ("bad amount", format!("{lloyds_header}03/06/2026,DEB,x,1,TACSI,1.0O,,2.00\n").into_bytes(), Some(2)),
        ("both amounts", format!("{lloyds_header}03/06/2026,DEB,x,1,TACSI,1.00,2.00,2.00\n").into_bytes(), Some(2)),
        ("neither amount", format!("{lloyds_header}03/06/2026,DEB,x,1,TACSI,,,2.00\n").into_bytes(), Some(2)),
        ("too many fields", format!("{lloyds_header}03/06/2026,DEB,x,1,TACSI,1.00,,2.00,extra\n04/06/2026,DEB,x,1,TACSI,1.00,,1.00\n").into_bytes(), Some(2)),
        ("unclosed quote", format!("{lloyds_header}03/06/2026,DEB,x,1,\"TACSI,1.00,,2.00\n").into_bytes(), Some(2)),
        ("cut short", format!("{lloyds_header}03/06/2026,DEB,x,1,TACSI,1.00,,2.00\n04/06/2026,DEB,x,1").into_bytes(), Some(3)),
        ("good lines then a bad one", format!("{lloyds_header}03/06/2026,DEB,x,1,TACSI,1.00,,2.00\n04/06/2026,DEB,x,1,TACSI,1.00,,1.00\n05/06/2026,DEB,x,1,TACSI,lots,,0.00\n").into_bytes(), Some(4)),
    ];
    for (what, file, line) in bad {
        let refused = store
            .import_statement(s, &file, &LayoutChoice::Detect)
            .await;
        match refused {
            Err(LedgerError::Bank(err)) => {
                if let Some(line) = line {
                    assert_eq!(err.line(), Some(line), "{what}: {err}");
                }
            }
            other => panic!("{what}: expected the file refused, got {other:?}"),
        }
        assert_eq!(
            store.bank_lines(s).await.unwrap().len(),
            10,
            "{what} left lines behind"
        );
    }
    assert_eq!(
        count_raw(&store, "SELECT COUNT(*) FROM bank_imports").await,
        5
    );
});

on_both_databases!(bank_lines_reconcile_with_entries, |store| {
    let b = books(&store, &["Aled"]).await;
    let s = &b.treasurer;
    store
        .add_arrangement(
            s,
            &monthly("Cyngor Gwynedd", &b.people[0], p(1200, 0), "2026-04-03"),
        )
        .await
        .unwrap();
    store
        .record_receipt(
            s,
            &b.people[0],
            false,
            day("2026-04-03"),
            p(1200, 0),
            "Direct Payment April",
        )
        .await
        .unwrap();
    spend(
        &store,
        s,
        "2026-04-09",
        "Swimming",
        Category::Activities,
        p(12, 50),
        own(&b.people[0]),
    )
    .await;
    spend(
        &store,
        s,
        "2026-04-20",
        "Cinema",
        Category::Activities,
        p(9, 0),
        own(&b.people[0]),
    )
    .await;
    store
        .import_statement(s, LLOYDS.as_bytes(), &LayoutChoice::Detect)
        .await
        .unwrap();
    let first = store.reconcile_bank(s).await.unwrap();
    // The Direct Payment and one swim match; the second swim on the
    // statement and the cinema in the books are left to explain.
    assert_eq!(first.matched_now, 2);
    assert_eq!(first.unreconciled_lines.len(), 1);
    assert_eq!(first.unreconciled_lines[0].amount, p(-12, -50));
    assert_eq!(first.unmatched_entries.len(), 1);
    assert_eq!(first.unmatched_entries[0].amount, p(-9, 0));
    let again = store.reconcile_bank(s).await.unwrap();
    assert_eq!(again.matched_now, 0);
    assert_eq!(again.unreconciled_lines.len(), 1);
    let lines = store.bank_lines(s).await.unwrap();
    assert_eq!(
        lines.iter().filter(|l| l.matched_entry.is_some()).count(),
        2
    );

    let checks = store
        .receipt_checks(
            s,
            &b.people[0],
            day("2026-04-01"),
            day("2026-05-31"),
            day("2026-05-20"),
        )
        .await
        .unwrap();
    assert_eq!(checks.checks.len(), 2);
    assert!(!checks.checks[0].needs_attention());
    assert!(
        checks.checks[1].needs_attention(),
        "May's payment is missing"
    );
});

// Four people, April to June 2026. Every figure below was worked out by
// hand from the entries, and the returns must match to the penny.
//
// Arrangements (Cyngor Gwynedd):
// - Aled: £1,200.00 monthly from 1 April: 3 payments, £3,600.00; £500.00
//   brought forward on 31 March.
// - Bethan: £300.00 weekly from Friday 3 April: 13 payments, £3,900.00.
// - Cai: £1,000.00 four-weekly from 6 April (6 Apr, 4 May, 1 Jun, 29 Jun):
//   £4,000.00; and his own contribution of £40.00 monthly from 15 April:
//   £120.00.
// - Dafydd: £850.00 monthly from 28 April: 3 payments, £2,550.00.
//
// Spending:
// - Own PA wages, three months: Aled 3 × £1,100 = £3,300; Bethan 3 ×
//   £1,100 = £3,300; Cai 3 × £1,200 = £3,600; Dafydd 3 × £700 = £2,100.
// - Beach trip, £100.00 equally among all four: £25.00 each.
// - Hoist sling, £100.01 by weights 2:1:1 (Aled, Bethan, Cai): exact shares
//   £50.005, £25.0025, £25.0025; rounded down £50.00, £25.00, £25.00; the
//   leftover penny to the largest fraction, Aled: £50.01.
// - A shared PA shift, £450.00 by minutes (Bethan 600, Dafydd 300):
//   £300.00 and £150.00.
// - Insurance, £100.00 equally (Bethan, Cai, Dafydd): £33.333… each;
//   £33.33 each and the penny to the first in the rule, Bethan: £33.34.
// - Cai's riser chair, a £300.00 claim approved by two officers.
// - Dafydd's cinema posted at £80.00 by mistake, reversed, posted again
//   at £60.00.
//
// Returns:
// - Aled: opening 500.00 + 3,600.00 − (3,300.00 + 25.00 + 50.01 =
//   3,375.01) = 724.99; shared 75.01.
// - Bethan: 0 + 3,900.00 − (wages 3,300 + 300 = 3,600.00; activities
//   25.00; equipment 25.00; insurance 33.34; = 3,683.34) = 216.66; shared
//   383.34.
// - Cai: 0 + 4,000.00 + 120.00 − (wages 3,600.00; activities 25.00;
//   equipment 25.00 + 300.00 = 325.00; insurance 33.33; = 3,983.33) =
//   136.67; shared 83.33.
// - Dafydd: 0 + 2,550.00 − (wages 2,100 + 150 = 2,250.00; activities
//   25.00 + 60.00 = 85.00; insurance 33.33; = 2,368.33) = 181.67; shared
//   208.33.
on_both_databases!(a_worked_quarter_matches_the_returns_to_the_penny, |store| {
    let b = books(&store, &["Aled", "Bethan", "Cai", "Dafydd"]).await;
    let s = &b.treasurer;
    let [aled, bethan, cai, dafydd] = [&b.people[0], &b.people[1], &b.people[2], &b.people[3]];
    let council = "Cyngor Gwynedd";

    store
        .add_arrangement(s, &monthly(council, aled, p(1200, 0), "2026-04-01"))
        .await
        .unwrap();
    let mut weekly = monthly(council, bethan, p(300, 0), "2026-04-03");
    weekly.payment.frequency = Frequency::Weekly;
    store.add_arrangement(s, &weekly).await.unwrap();
    let mut four_weekly = monthly(council, cai, p(1000, 0), "2026-04-06");
    four_weekly.payment.frequency = Frequency::FourWeekly;
    four_weekly.client_contribution = Some(Schedule {
        amount: p(40, 0),
        frequency: Frequency::Monthly,
        start: day("2026-04-15"),
        end: None,
    });
    store.add_arrangement(s, &four_weekly).await.unwrap();
    store
        .add_arrangement(s, &monthly(council, dafydd, p(850, 0), "2026-04-28"))
        .await
        .unwrap();

    // Aled's balance brought forward.
    store
        .post_entry(
            s,
            EntryDraft {
                id: EntryId::new("brought-forward-aled"),
                date: day("2026-03-31"),
                description: "Balance brought forward".into(),
                lines: vec![
                    Line::debit(
                        codes::BANK,
                        cylch_ledger::FundId::Person(aled.clone()),
                        p(500, 0),
                    ),
                    Line::credit(
                        codes::BROUGHT_FORWARD,
                        cylch_ledger::FundId::Person(aled.clone()),
                        p(500, 0),
                    ),
                ],
                allocation: None,
                reverses: None,
            },
        )
        .await
        .unwrap();

    // Every expected receipt arrives on time.
    let quarter = Period::new(day("2026-04-01"), day("2026-06-30")).unwrap();
    for arrangement in store.arrangements(s).await.unwrap() {
        for expected in arrangement
            .arrangement
            .expected_receipts(quarter.from(), quarter.to())
            .unwrap()
        {
            let contribution = matches!(
                expected.source,
                cylch_ledger::ReceiptSource::ClientContribution
            );
            store
                .record_receipt(
                    s,
                    &expected.person,
                    contribution,
                    expected.due,
                    expected.amount,
                    "Received",
                )
                .await
                .unwrap();
        }
    }

    for (person, amount) in [
        (aled, p(1100, 0)),
        (bethan, p(1100, 0)),
        (cai, p(1200, 0)),
        (dafydd, p(700, 0)),
    ] {
        for date in ["2026-04-30", "2026-05-29", "2026-06-30"] {
            spend(
                &store,
                s,
                date,
                "PA wages",
                Category::PaWages,
                amount,
                own(person),
            )
            .await;
        }
    }
    spend(
        &store,
        s,
        "2026-05-10",
        "Beach trip",
        Category::Activities,
        p(100, 0),
        ChargeTo::Shared {
            rule: SplitRule::Equally {
                people: vec![aled.clone(), bethan.clone(), cai.clone(), dafydd.clone()],
            },
        },
    )
    .await;
    spend(
        &store,
        s,
        "2026-05-12",
        "Hoist sling",
        Category::Equipment,
        p(100, 1),
        ChargeTo::Shared {
            rule: SplitRule::ByWeights {
                weights: vec![(aled.clone(), 2), (bethan.clone(), 1), (cai.clone(), 1)],
            },
        },
    )
    .await;
    spend(
        &store,
        s,
        "2026-06-05",
        "Shared PA shift",
        Category::PaWages,
        p(450, 0),
        ChargeTo::Shared {
            rule: SplitRule::ByMinutes {
                minutes: vec![(bethan.clone(), 600), (dafydd.clone(), 300)],
            },
        },
    )
    .await;
    spend(
        &store,
        s,
        "2026-06-10",
        "Insurance",
        Category::Insurance,
        p(100, 0),
        ChargeTo::Shared {
            rule: SplitRule::Equally {
                people: vec![bethan.clone(), cai.clone(), dafydd.clone()],
            },
        },
    )
    .await;
    let claim = store
        .make_claim(s, p(300, 0), Category::Equipment, "Riser chair", own(cai))
        .await
        .unwrap();
    store
        .approve_claim(&b.secretary, claim.claim.id())
        .await
        .unwrap();
    // The treasurer made the claim, so a third officer gives the second
    // approval.
    let chair = person(&store, "cadeirydd@example.cymru", false).await;
    store
        .add_member(
            b.treasurer.account(),
            b.treasurer.coop_id(),
            &chair.id,
            &CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Chair),
            None,
        )
        .await
        .unwrap();
    let chair_scope = store
        .scope(&chair.id, b.treasurer.coop_id())
        .await
        .unwrap()
        .unwrap();
    store
        .approve_claim(&chair_scope, claim.claim.id())
        .await
        .unwrap();
    store
        .pay_claim(s, claim.claim.id(), day("2026-06-12"))
        .await
        .unwrap();
    let mistake = spend(
        &store,
        s,
        "2026-06-15",
        "Cinema",
        Category::Activities,
        p(80, 0),
        own(dafydd),
    )
    .await;
    store
        .reverse_entry(s, mistake.id(), day("2026-06-16"), "the ticket was £60")
        .await
        .unwrap();
    spend(
        &store,
        s,
        "2026-06-16",
        "Cinema",
        Category::Activities,
        p(60, 0),
        own(dafydd),
    )
    .await;

    struct ByHand {
        opening: Pence,
        direct_payments: Pence,
        contributions: Pence,
        spent: Vec<(Category, Pence)>,
        shared: Pence,
        spent_total: Pence,
        closing: Pence,
    }
    let by_hand = [
        ByHand {
            opening: p(500, 0),
            direct_payments: p(3600, 0),
            contributions: p(0, 0),
            spent: vec![
                (Category::PaWages, p(3300, 0)),
                (Category::Activities, p(25, 0)),
                (Category::Equipment, p(50, 1)),
            ],
            shared: p(75, 1),
            spent_total: p(3375, 1),
            closing: p(724, 99),
        },
        ByHand {
            opening: p(0, 0),
            direct_payments: p(3900, 0),
            contributions: p(0, 0),
            spent: vec![
                (Category::PaWages, p(3600, 0)),
                (Category::Activities, p(25, 0)),
                (Category::Equipment, p(25, 0)),
                (Category::Insurance, p(33, 34)),
            ],
            shared: p(383, 34),
            spent_total: p(3683, 34),
            closing: p(216, 66),
        },
        ByHand {
            opening: p(0, 0),
            direct_payments: p(4000, 0),
            contributions: p(120, 0),
            spent: vec![
                (Category::PaWages, p(3600, 0)),
                (Category::Activities, p(25, 0)),
                (Category::Equipment, p(325, 0)),
                (Category::Insurance, p(33, 33)),
            ],
            shared: p(83, 33),
            spent_total: p(3983, 33),
            closing: p(136, 67),
        },
        ByHand {
            opening: p(0, 0),
            direct_payments: p(2550, 0),
            contributions: p(0, 0),
            spent: vec![
                (Category::PaWages, p(2250, 0)),
                (Category::Activities, p(85, 0)),
                (Category::Insurance, p(33, 33)),
            ],
            shared: p(208, 33),
            spent_total: p(2368, 33),
            closing: p(181, 67),
        },
    ];
    for (person, want) in b.people.iter().zip(by_hand) {
        let got = store.la_return(s, person, quarter).await.unwrap();
        assert_eq!(got.council, council);
        assert_eq!(got.opening, want.opening, "{person} opening");
        assert_eq!(
            got.direct_payments, want.direct_payments,
            "{person} direct payments"
        );
        assert_eq!(
            got.client_contributions, want.contributions,
            "{person} contributions"
        );
        assert_eq!(got.other_income, Pence::ZERO, "{person} other income");
        let spent: Vec<(Category, Pence)> = got
            .spent_by_category
            .iter()
            .copied()
            .filter(|(_, amount)| !amount.is_zero())
            .collect();
        assert_eq!(spent, want.spent, "{person} spending by category");
        assert_eq!(got.shared_spending, want.shared, "{person} shared");
        assert_eq!(got.spent_total, want.spent_total, "{person} spent");
        assert_eq!(got.closing, want.closing, "{person} closing");
        assert_eq!(got.surplus, None, "{person} has no surplus");
        let statement = store.person_statement(s, person, quarter).await.unwrap();
        assert_eq!(statement.closing, want.closing);
    }
    // Every expected receipt arrived on time.
    for person in &b.people {
        let checks = store
            .receipt_checks(s, person, quarter.from(), quarter.to(), day("2026-07-10"))
            .await
            .unwrap();
        assert!(
            checks.checks.iter().all(|c| !c.needs_attention()),
            "{person}"
        );
        assert!(checks.unexpected.is_empty());
    }
    // The books balance, and the co-operative holds what the four funds
    // hold: 724.99 + 216.66 + 136.67 + 181.67 = 1,259.99.
    let balance = store.trial_balance(s, quarter.to(), None).await.unwrap();
    assert!(balance.balances());
    let totals = store.coop_totals(s, quarter).await.unwrap();
    assert_eq!(totals.net_assets, p(1259, 99));
});

on_both_databases!(two_officers_reversing_at_once_reverse_once, |store| {
    let b = books(&store, &["Aled"]).await;
    let entry = spend(
        &store,
        &b.treasurer,
        "2026-04-10",
        "Taxi",
        Category::Activities,
        p(20, 0),
        own(&b.people[0]),
    )
    .await;
    let (first, second) = tokio::join!(
        store.reverse_entry(&b.treasurer, entry.id(), day("2026-04-11"), "twice"),
        store.reverse_entry(&b.secretary, entry.id(), day("2026-04-11"), "twice"),
    );
    assert_eq!(
        usize::from(first.is_ok()) + usize::from(second.is_ok()),
        1,
        "{first:?} {second:?}"
    );
    assert_eq!(store.ledger_entries(&b.treasurer).await.unwrap().len(), 2);
    // Two imports of the same file at once add its lines once.
    let (a, c) = tokio::join!(
        store.import_statement(&b.treasurer, LLOYDS.as_bytes(), &LayoutChoice::Detect),
        store.import_statement(&b.secretary, LLOYDS.as_bytes(), &LayoutChoice::Detect),
    );
    assert_eq!(a.unwrap().lines_added + c.unwrap().lines_added, 3);
    assert_eq!(store.bank_lines(&b.treasurer).await.unwrap().len(), 3);
});

on_both_databases!(
    budgets_are_set_again_audited_and_compared_with_spending,
    |store| {
        use cylch_ledger::FundId;
        use cylch_ledger::report::Budget;
        let b = books(&store, &["Aled", "Bethan"]).await;
        let (aled, bethan) = (&b.people[0], &b.people[1]);
        let year = Period::new(day("2026-04-01"), day("2027-03-31")).unwrap();
        let budget = |fund: FundId, category, pounds| Budget {
            fund,
            category,
            period: year,
            amount: p(pounds, 0),
        };
        let aled_fund = FundId::Person(aled.clone());
        let id = store
            .set_budget(
                &b.treasurer,
                &budget(aled_fund.clone(), Category::Activities, 365),
            )
            .await
            .unwrap();
        // Set again for the same fund, category and year: replaced, not added.
        let again = store
            .set_budget(
                &b.secretary,
                &budget(aled_fund.clone(), Category::Activities, 730),
            )
            .await
            .unwrap();
        assert_eq!(id, again);
        store
            .set_budget(
                &b.treasurer,
                &budget(FundId::General, Category::Insurance, 100),
            )
            .await
            .unwrap();
        let budgets = store.budgets(&b.treasurer).await.unwrap();
        assert_eq!(budgets.len(), 2);
        let trail = store.audit_of_record("ledger_budget", &id).await.unwrap();
        assert_eq!(trail.len(), 2);
        assert_eq!(trail[1].before.as_ref().unwrap()["amount"], 36_500);
        assert_eq!(trail[1].after.as_ref().unwrap()["amount"], 73_000);

        // Refused: less than nothing, and someone the co-operative does not
        // support; neither leaves a row.
        assert!(matches!(
            store
                .set_budget(
                    &b.treasurer,
                    &Budget {
                        amount: Pence::new(-1),
                        ..budget(aled_fund.clone(), Category::Training, 0)
                    },
                )
                .await,
            Err(LedgerError::NegativeBudget)
        ));
        let stranger = FundId::Person(PersonId::new("stranger").unwrap());
        assert!(matches!(
            store
                .set_budget(&b.treasurer, &budget(stranger, Category::Training, 5))
                .await,
            Err(LedgerError::UnknownPerson(_))
        ));
        assert_eq!(store.budgets(&b.treasurer).await.unwrap().len(), 2);

        // April to June, 91 of the year's 365 days: Aled's £730 counts as
        // £182.00 against £60 spent, plus £10 of a shared £20; Bethan has no
        // budget and spent £10.
        spend(
            &store,
            &b.treasurer,
            "2026-04-20",
            "Bowling",
            Category::Activities,
            p(60, 0),
            own(aled),
        )
        .await;
        spend(
            &store,
            &b.treasurer,
            "2026-05-02",
            "Cinema",
            Category::Activities,
            p(20, 0),
            ChargeTo::Shared {
                rule: SplitRule::Equally {
                    people: vec![aled.clone(), bethan.clone()],
                },
            },
        )
        .await;
        spend(
            &store,
            &b.treasurer,
            "2026-07-01",
            "After the quarter",
            Category::Activities,
            p(500, 0),
            own(aled),
        )
        .await;
        let quarter = Period::new(day("2026-04-01"), day("2026-06-30")).unwrap();
        let rows = store.budget_vs_actual(&b.treasurer, quarter).await.unwrap();
        let summary: Vec<(FundId, Category, i64, i64, i64)> = rows
            .into_iter()
            .map(|r| {
                (
                    r.fund,
                    r.category,
                    r.budget.get(),
                    r.actual.get(),
                    r.remaining.get(),
                )
            })
            .collect();
        let mut expected = vec![
            (FundId::General, Category::Insurance, 2_493, 0, 2_493),
            (
                aled_fund.clone(),
                Category::Activities,
                18_200,
                7_000,
                11_200,
            ),
            (
                FundId::Person(bethan.clone()),
                Category::Activities,
                0,
                1_000,
                -1_000,
            ),
        ];
        expected.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        assert_eq!(summary, expected);
    }
);

//! What storage will keep, and that it comes back through the same checks.

use cylch_ledger::journal::{Allocation, EntryDraft, EntryId, Line};
use cylch_ledger::{Chart, FundId, Pence, PersonId, SplitRule, account::codes, reverse};
use jiff::civil::Date;
use serde_json::json;

fn ann() -> PersonId {
    PersonId::new("ann").unwrap()
}

#[test]
fn a_posted_entry_is_stored_as_its_draft_and_re_posted_on_loading() {
    let entry = EntryDraft {
        id: EntryId::new("e1"),
        date: Date::constant(2026, 5, 1),
        description: "Day out".into(),
        lines: vec![
            Line::debit(codes::ACTIVITIES, FundId::Person(ann()), Pence::new(1_000)),
            Line::credit(codes::BANK, FundId::Person(ann()), Pence::new(1_000)),
        ],
        allocation: Some(Allocation {
            rule: SplitRule::Equally {
                people: vec![ann()],
            },
            total: Pence::new(1_000),
        }),
        reverses: None,
    }
    .post(&Chart::standard())
    .unwrap();
    let stored = serde_json::to_value(&entry).unwrap();
    assert_eq!(
        stored,
        json!({
            "id": "e1",
            "date": "2026-05-01",
            "description": "Day out",
            "lines": [
                {"account": "5200", "fund": {"kind": "person", "person": "ann"}, "side": "debit", "amount": 1000},
                {"account": "1000", "fund": {"kind": "person", "person": "ann"}, "side": "credit", "amount": 1000}
            ],
            "allocation": {"rule": {"rule": "equally", "people": ["ann"]}, "total": 1000},
            "reverses": null
        })
    );
    let loaded: EntryDraft = serde_json::from_value(stored).unwrap();
    assert_eq!(loaded.post(&Chart::standard()).unwrap(), entry);
}

#[test]
fn a_tampered_row_does_not_load_as_a_posted_entry() {
    let mut stored = serde_json::to_value(
        EntryDraft {
            id: EntryId::new("e1"),
            date: Date::constant(2026, 5, 1),
            description: "Grant".into(),
            lines: vec![
                Line::debit(codes::BANK, FundId::General, Pence::new(500)),
                Line::credit(codes::GRANTS, FundId::General, Pence::new(500)),
            ],
            allocation: None,
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap(),
    )
    .unwrap();
    stored["lines"][0]["amount"] = json!(5000);
    let loaded: EntryDraft = serde_json::from_value(stored).unwrap();
    assert!(loaded.post(&Chart::standard()).is_err());
}

#[test]
fn a_reversal_is_stored_with_what_it_reverses() {
    let original = EntryDraft {
        id: EntryId::new("e1"),
        date: Date::constant(2026, 5, 1),
        description: "Grant".into(),
        lines: vec![
            Line::debit(codes::BANK, FundId::General, Pence::new(500)),
            Line::credit(codes::GRANTS, FundId::General, Pence::new(500)),
        ],
        allocation: None,
        reverses: None,
    }
    .post(&Chart::standard())
    .unwrap();
    let rev = reverse(
        &original,
        EntryId::new("e2"),
        Date::constant(2026, 5, 2),
        "",
    );
    let stored = serde_json::to_value(&rev).unwrap();
    assert_eq!(stored["reverses"], json!("e1"));
    assert_eq!(stored["description"], json!("Reversal of e1: Grant"));
}

#[test]
fn stored_rules_and_ids_are_plain_and_checked() {
    let rule = SplitRule::ByMinutes {
        minutes: vec![(ann(), 90), (PersonId::new("bryn").unwrap(), 30)],
    };
    let text = serde_json::to_string(&rule).unwrap();
    assert_eq!(
        text,
        r#"{"rule":"by_minutes","minutes":[["ann",90],["bryn",30]]}"#
    );
    assert_eq!(serde_json::from_str::<SplitRule>(&text).unwrap(), rule);
    assert!(serde_json::from_str::<PersonId>(r#""""#).is_err());
    assert_eq!(
        serde_json::to_string(&FundId::General).unwrap(),
        r#"{"kind":"general"}"#
    );
}

#[test]
fn a_chart_and_a_period_are_checked_when_loaded() {
    let chart = Chart::standard();
    let stored = serde_json::to_value(&chart).unwrap();
    assert_eq!(
        stored[0],
        json!({"code": "1000", "name": "Bank current account", "kind": {"kind": "asset"}})
    );
    assert_eq!(
        stored[15],
        json!({"code": "5000", "name": "PA wages", "kind": {"kind": "expense", "category": "pa_wages"}})
    );
    assert_eq!(
        serde_json::from_value::<Chart>(stored.clone()).unwrap(),
        chart
    );
    let mut twice = stored.as_array().unwrap().clone();
    twice.push(twice[0].clone());
    assert!(serde_json::from_value::<Chart>(json!(twice)).is_err());

    let period = cylch_ledger::report::Period::quarter_containing(Date::constant(2026, 5, 1));
    let stored = serde_json::to_value(period).unwrap();
    assert_eq!(stored, json!({"from": "2026-04-01", "to": "2026-06-30"}));
    assert!(
        serde_json::from_value::<cylch_ledger::report::Period>(
            json!({"from": "2026-06-30", "to": "2026-04-01"})
        )
        .is_err()
    );
}

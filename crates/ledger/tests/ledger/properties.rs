//! Invariants, checked with proptest over generated ledgers.

use std::collections::BTreeMap;

use cylch_ledger::bank::{BankLine, ExpectedMovement, reconcile};
use cylch_ledger::bank::{LayoutChoice, parse_statement};
use cylch_ledger::export::{Cell, to_csv};
use cylch_ledger::journal::{Allocation, EntryDraft, EntryId, Line, PostedEntry, Side, reverse};
use cylch_ledger::report::{Period, fund_balance, person_statement, trial_balance};
use cylch_ledger::report::{SurplusRule, annual_accounts, la_return};
use cylch_ledger::schedule::{
    ActualReceipt, Arrangement, ExpectedReceipt, Frequency, ReceiptOutcome, ReceiptSource,
    ReceiptTolerance, Schedule, match_receipts,
};
use cylch_ledger::{
    AccountCode, Chart, FundId, Pence, PersonId, SplitRule, WagesInput, account::codes,
    allocate_wages, split,
};
use jiff::civil::Date;
use proptest::prelude::*;

const PEOPLE: [&str; 4] = ["ann", "bryn", "cerys", "dai"];

fn person(i: usize) -> PersonId {
    PersonId::new(PEOPLE[i % PEOPLE.len()]).unwrap()
}

fn fund_strategy() -> impl Strategy<Value = FundId> {
    prop_oneof![
        Just(FundId::General),
        (0..PEOPLE.len()).prop_map(|i| FundId::Person(person(i))),
    ]
}

fn account_strategy() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        codes::BANK,
        codes::PAYROLL_CONTROL,
        codes::BROUGHT_FORWARD,
        codes::DIRECT_PAYMENT_INCOME,
        codes::CLIENT_CONTRIBUTIONS,
        codes::GRANTS,
        codes::PA_WAGES,
        codes::EMPLOYER_COSTS,
        codes::ACTIVITIES,
        codes::EQUIPMENT,
        codes::ADMIN,
    ])
}

/// A balanced movement within one fund: one amount, debited to one account
/// and credited to another, sometimes split over several credit lines.
fn movement() -> impl Strategy<Value = Vec<Line>> {
    (
        fund_strategy(),
        account_strategy(),
        prop::collection::vec(account_strategy(), 1..3),
        1i64..5_000_000,
    )
        .prop_map(|(fund, debit, credits, amount)| {
            let n = credits.len() as i64;
            let mut lines = vec![Line::debit(debit, fund.clone(), Pence::new(amount * n))];
            for c in credits {
                lines.push(Line::credit(c, fund.clone(), Pence::new(amount)));
            }
            lines
        })
}

fn entry_strategy() -> impl Strategy<Value = (u8, Vec<Line>)> {
    (0u8..90, prop::collection::vec(movement(), 1..4))
        .prop_map(|(day, movements)| (day, movements.into_iter().flatten().collect()))
}

fn day(offset: u8) -> Date {
    Date::constant(2026, 4, 1)
        .checked_add(jiff::Span::new().days(i64::from(offset)))
        .unwrap()
}

fn post_all(generated: &[(u8, Vec<Line>)]) -> Vec<PostedEntry> {
    generated
        .iter()
        .enumerate()
        .map(|(i, (offset, lines))| {
            EntryDraft {
                id: EntryId::new(format!("e{i}")),
                date: day(*offset),
                description: format!("entry {i}"),
                lines: lines.clone(),
                allocation: None,
                reverses: None,
            }
            .post(&Chart::standard())
            .unwrap()
        })
        .collect()
}

fn net_by_account_and_fund(entries: &[&PostedEntry]) -> BTreeMap<(AccountCode, FundId), i128> {
    let mut net = BTreeMap::new();
    for e in entries {
        for l in e.lines() {
            let v = i128::from(l.amount.get());
            *net.entry((l.account.clone(), l.fund.clone())).or_insert(0) +=
                if l.side == Side::Debit { v } else { -v };
        }
    }
    net
}

fn rule_strategy() -> impl Strategy<Value = SplitRule> {
    let people = (1usize..=PEOPLE.len()).prop_map(|n| (0..n).map(person).collect::<Vec<_>>());
    prop_oneof![
        people
            .clone()
            .prop_map(|people| SplitRule::Equally { people }),
        prop::collection::vec(1u32..100_000, 1..=PEOPLE.len()).prop_map(|m| SplitRule::ByMinutes {
            minutes: m
                .into_iter()
                .enumerate()
                .map(|(i, w)| (person(i), w))
                .collect()
        }),
        prop::collection::vec(0u32..u32::MAX, 1..=PEOPLE.len())
            .prop_filter("some weight", |w| w.iter().any(|x| *x > 0))
            .prop_map(|w| SplitRule::ByWeights {
                weights: w
                    .into_iter()
                    .enumerate()
                    .map(|(i, x)| (person(i), x))
                    .collect()
            }),
        (1u32..10_000).prop_map(|a| SplitRule::ByBasisPoints {
            shares: vec![(person(0), a), (person(1), 10_000 - a)]
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn split_sums_to_the_total_and_each_share_is_within_a_penny(
        total in any::<i64>().prop_filter("not MIN", |t| *t != i64::MIN),
        rule in rule_strategy(),
    ) {
        let shares = split(Pence::new(total), &rule).unwrap();
        let weights = rule.weights();
        let w_total: i128 = weights.iter().map(|(_, w)| i128::from(*w)).sum();
        let sum: i128 = shares.iter().map(|s| i128::from(s.amount.get())).sum();
        prop_assert_eq!(sum, i128::from(total));
        for (share, (_, w)) in shares.iter().zip(&weights) {
            // |share - total × w / W| < 1  ⇔  |share × W - total × w| < W
            let exact_times_w = i128::from(total) * i128::from(*w);
            let diff = (i128::from(share.amount.get()) * w_total - exact_times_w).abs();
            prop_assert!(diff < w_total, "share {} of {} by {:?}", share.amount, total, rule);
        }
        // A refund undoes the cost exactly.
        let negated = split(Pence::new(-total), &rule).unwrap();
        for (a, b) in shares.iter().zip(&negated) {
            prop_assert_eq!(a.amount.get(), -b.amount.get());
        }
    }

    #[test]
    fn an_entry_posts_exactly_when_every_fund_balances(
        lines in prop::collection::vec(
            (fund_strategy(), account_strategy(), any::<bool>(), 1i64..1_000),
            2..8,
        ),
    ) {
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|(fund, account, debit, amount)| if debit {
                Line::debit(account, fund, Pence::new(amount))
            } else {
                Line::credit(account, fund, Pence::new(amount))
            })
            .collect();
        let mut by_fund: BTreeMap<FundId, i64> = BTreeMap::new();
        for l in &lines {
            *by_fund.entry(l.fund.clone()).or_insert(0) +=
                if l.side == Side::Debit { l.amount.get() } else { -l.amount.get() };
        }
        let balanced = by_fund.values().all(|v| *v == 0);
        let result = EntryDraft {
            id: EntryId::new("e"),
            date: day(0),
            description: "generated".into(),
            lines,
            allocation: None,
            reverses: None,
        }
        .post(&Chart::standard());
        prop_assert_eq!(result.is_ok(), balanced);
    }

    #[test]
    fn every_posted_entry_balances_per_fund_and_its_reversal_nets_to_zero(
        generated in prop::collection::vec(entry_strategy(), 1..6),
    ) {
        let entries = post_all(&generated);
        for e in &entries {
            let mut by_fund: BTreeMap<&FundId, i128> = BTreeMap::new();
            for l in e.lines() {
                let v = i128::from(l.amount.get());
                *by_fund.entry(&l.fund).or_insert(0) += if l.side == Side::Debit { v } else { -v };
            }
            prop_assert!(by_fund.values().all(|v| *v == 0));

            let rev = reverse(e, EntryId::new("r"), e.date(), "test");
            prop_assert!(rev.is_reversal_of(e));
            let net = net_by_account_and_fund(&[e, &rev]);
            prop_assert!(net.values().all(|v| *v == 0), "{:?}", net);
        }
    }

    #[test]
    fn statements_add_up_and_agree_with_the_fund_balance(
        generated in prop::collection::vec(entry_strategy(), 1..12),
        start in 0u8..60,
        length in 0u8..40,
        who in 0..PEOPLE.len(),
    ) {
        let entries = post_all(&generated);
        let chart = Chart::standard();
        let period = Period::new(day(start), day(start + length)).unwrap();
        let s = person_statement(&entries, &chart, &person(who), period).unwrap();
        prop_assert_eq!(
            s.closing,
            s.opening.checked_add(s.received_total).unwrap().checked_sub(s.spent_total).unwrap()
        );
        let after = period.to().tomorrow().unwrap();
        prop_assert_eq!(
            fund_balance(&entries, &chart, &FundId::Person(person(who)), after).unwrap(),
            s.closing
        );
        let items: i64 = s.items.iter().map(|i| i.amount.get()).sum();
        prop_assert_eq!(items, s.received_total.get() - s.spent_total.get());
        let tb = trial_balance(&entries, &chart, day(90), None).unwrap();
        prop_assert!(tb.balances());
    }

    #[test]
    fn shared_entries_split_by_any_rule_post_and_balance(
        total in 1i64..10_000_000,
        rule in rule_strategy(),
    ) {
        let shares = split(Pence::new(total), &rule).unwrap();
        let mut lines = Vec::new();
        for s in shares.iter().filter(|s| s.amount.is_positive()) {
            let f = FundId::Person(s.person.clone());
            lines.push(Line::debit(codes::ACTIVITIES, f.clone(), s.amount));
            lines.push(Line::credit(codes::BANK, f, s.amount));
        }
        prop_assume!(lines.len() >= 2);
        let entry = EntryDraft {
            id: EntryId::new("shared"),
            date: day(0),
            description: "shared".into(),
            lines,
            allocation: Some(Allocation { rule, total: Pence::new(total) }),
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap();
        let tb = trial_balance(&[entry], &Chart::standard(), day(0), None).unwrap();
        prop_assert_eq!(tb.total_debit, Pence::new(total));
    }

    #[test]
    fn money_reads_back_what_it_shows(v in any::<i64>()) {
        let shown = Pence::new(v).to_string();
        prop_assert_eq!(Pence::parse(&shown).unwrap(), Pence::new(v));
    }

    #[test]
    fn exported_statements_parse_back_with_the_same_fingerprints(
        rows in prop::collection::vec(
            (0u8..30, -1_000_000i64..1_000_000, "[ -~]{0,20}"),
            1..20,
        ),
    ) {
        // Written with Cylch's own CSV writer, descriptions of any printable
        // text (quotes, commas, would-be formulas) come back as written,
        // apart from the apostrophe that neutralises a formula.
        let cells: Vec<Vec<Cell>> = rows
            .iter()
            .map(|(d, amount, text)| vec![
                Cell::from(day(*d).to_string()),
                Cell::from(text.clone()),
                Cell::from(Pence::new(*amount)),
            ])
            .collect();
        let file = to_csv(&["Date", "Description", "Amount"], &cells);
        let first = parse_statement(file.as_bytes(), &LayoutChoice::Detect).unwrap();
        let second = parse_statement(file.as_bytes(), &LayoutChoice::Detect).unwrap();
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(first.lines.len(), rows.len());
        let mut prints: Vec<_> = first.lines.iter().map(|l| l.fingerprint.clone()).collect();
        for (line, (d, amount, _)) in first.lines.iter().zip(&rows) {
            prop_assert_eq!(line.date, day(*d));
            prop_assert_eq!(line.amount, Pence::new(*amount));
        }
        prints.sort();
        prints.dedup();
        prop_assert_eq!(prints.len(), rows.len(), "fingerprints are unique within a file");
    }

    #[test]
    fn wages_post_and_keep_gross_and_employer_costs_exact(
        gross in 0i64..10_000_000,
        employer in 0i64..2_000_000,
        minutes in prop::collection::vec(0u32..5_000, 1..=PEOPLE.len()),
    ) {
        prop_assume!(gross + employer > 0 && minutes.iter().any(|m| *m > 0));
        let input = WagesInput {
            gross: Pence::new(gross),
            employer_costs: Pence::new(employer),
            minutes: minutes.iter().enumerate().map(|(i, m)| (person(i), *m)).collect(),
        };
        let posting = allocate_wages(&input).unwrap();
        let total_on = |account: &str| -> i64 {
            posting.lines.iter().filter(|l| l.account.as_str() == account).map(|l| l.amount.get()).sum()
        };
        prop_assert_eq!(total_on(codes::PA_WAGES), gross);
        prop_assert_eq!(total_on(codes::EMPLOYER_COSTS), employer);
        prop_assert_eq!(total_on(codes::PAYROLL_CONTROL), gross + employer);
        // Nobody without minutes is charged.
        for (i, m) in minutes.iter().enumerate() {
            if *m == 0 {
                let fund = FundId::Person(person(i));
                prop_assert!(posting.lines.iter().all(|l| l.fund != fund));
            }
        }
        EntryDraft {
            id: EntryId::new("pay"),
            date: day(0),
            description: "pay".into(),
            lines: posting.lines,
            allocation: Some(posting.allocation),
            reverses: None,
        }
        .post(&Chart::standard())
        .unwrap();
    }

    #[test]
    fn every_receipt_is_matched_once_or_left_unexpected(
        start_day in 0u8..28,
        arrivals in prop::collection::vec((0u8..120, 0i64..200_000, 0usize..2), 0..10),
        today in 0u8..150,
    ) {
        let schedule = Schedule {
            amount: Pence::new(100_000),
            frequency: Frequency::FourWeekly,
            start: day(start_day),
            end: None,
        };
        let arrangement = Arrangement {
            person: person(0),
            council: "Cyngor".into(),
            payment: schedule.clone(),
            client_contribution: Some(Schedule { amount: Pence::new(2_500), ..schedule }),
        };
        let expected: Vec<ExpectedReceipt> =
            arrangement.expected_receipts(day(0), day(120)).unwrap();
        let actual: Vec<ActualReceipt> = arrivals
            .iter()
            .enumerate()
            .map(|(i, (d, amount, source))| ActualReceipt {
                id: format!("r{i}"),
                person: person(0),
                source: if *source == 0 {
                    ReceiptSource::Council("Cyngor".into())
                } else {
                    ReceiptSource::ClientContribution
                },
                date: day(*d),
                amount: Pence::new(*amount),
            })
            .collect();
        let result =
            match_receipts(&expected, &actual, ReceiptTolerance::default(), day(today)).unwrap();
        prop_assert_eq!(result.checks.len(), expected.len());
        let mut used: Vec<String> = result
            .checks
            .iter()
            .filter_map(|c| match &c.outcome {
                ReceiptOutcome::Received { receipt_id, .. } => Some(receipt_id.clone()),
                _ => None,
            })
            .collect();
        used.extend(result.unexpected.iter().map(|r| r.id.clone()));
        used.sort();
        let mut all: Vec<String> = actual.iter().map(|r| r.id.clone()).collect();
        all.sort();
        prop_assert_eq!(used, all);
        // A match is never more than the early tolerance before its due date
        // and never for the other source.
        for c in &result.checks {
            if let ReceiptOutcome::Received { receipt_id, date, .. } = &c.outcome {
                let r = actual.iter().find(|r| &r.id == receipt_id).unwrap();
                prop_assert_eq!(&r.source, &c.expected.source);
                prop_assert!(*date >= c.expected.due.checked_sub(jiff::Span::new().days(3)).unwrap());
            }
        }
    }

    #[test]
    fn reconciliation_uses_each_line_and_expectation_at_most_once(
        lines in prop::collection::vec((0u8..40, -5i64..5), 0..12),
        expected in prop::collection::vec((0u8..40, -5i64..5), 0..12),
        window in 0u16..10,
    ) {
        let file_lines: Vec<BankLine> = {
            let mut text = String::from("Date,Description,Amount\n");
            for (d, amount) in &lines {
                text.push_str(&format!(
                    "{},line,{}
",
                    day(*d),
                    cylch_ledger::export::plain_money(Pence::new(*amount * 100))
                ));
            }
            if lines.is_empty() {
                Vec::new()
            } else {
                cylch_ledger::bank::parse_statement(text.as_bytes(), &LayoutChoice::Detect).unwrap().lines
            }
        };
        let expected: Vec<ExpectedMovement> = expected
            .iter()
            .enumerate()
            .map(|(i, (d, amount))| ExpectedMovement {
                id: format!("x{i}"),
                date: day(*d),
                amount: Pence::new(*amount * 100),
            })
            .collect();
        let r = reconcile(&file_lines, &expected, window).unwrap();
        prop_assert_eq!(r.matched.len() + r.unreconciled_lines.len(), file_lines.len());
        prop_assert_eq!(r.matched.len() + r.unmatched_expected.len(), expected.len());
        for m in &r.matched {
            let line = file_lines.iter().find(|l| l.fingerprint == m.fingerprint).unwrap();
            let exp = expected.iter().find(|e| e.id == m.expected_id).unwrap();
            prop_assert_eq!(line.amount, exp.amount);
            prop_assert!(m.days_apart.unsigned_abs() <= u64::from(window));
        }
    }

    #[test]
    fn a_council_return_adds_up(
        generated in prop::collection::vec(entry_strategy(), 1..12),
        weeks in 0u32..20,
        who in 0..PEOPLE.len(),
    ) {
        let entries = post_all(&generated);
        let arrangement = Arrangement {
            person: person(who),
            council: "Cyngor".into(),
            payment: Schedule {
                amount: Pence::new(100_000),
                frequency: Frequency::Monthly,
                start: day(0),
                end: None,
            },
            client_contribution: None,
        };
        let period = Period::quarter_containing(day(30));
        let r = la_return(&entries, &Chart::standard(), &arrangement, period, SurplusRule { weeks }).unwrap();
        let received = r.direct_payments.get() + r.client_contributions.get() + r.other_income.get();
        let spent: i64 = r.spent_by_category.iter().map(|(_, p)| p.get()).sum();
        prop_assert_eq!(spent, r.spent_total.get());
        prop_assert_eq!(r.closing.get(), r.opening.get() + received - spent);
        prop_assert_eq!(r.surplus.is_some(), r.closing > r.surplus_threshold);
    }

    #[test]
    fn the_year_s_funds_add_up_to_the_balance_sheet(
        generated in prop::collection::vec(entry_strategy(), 1..12),
        start in 0u8..60,
    ) {
        let entries = post_all(&generated);
        let chart = Chart::standard();
        let year = Period::new(day(start), day(start + 30)).unwrap();
        let a = annual_accounts(&entries, &chart, year).unwrap();
        let closing: i64 = a.funds.iter().map(|f| f.closing.get()).sum();
        prop_assert_eq!(closing, a.net_assets.get());
        for f in &a.funds {
            let after = year.to().tomorrow().unwrap();
            prop_assert_eq!(fund_balance(&entries, &chart, &f.fund, after).unwrap(), f.closing);
            let tb = trial_balance(&entries, &chart, year.to(), Some(&f.fund)).unwrap();
            prop_assert!(tb.balances());
        }
        prop_assert_eq!(
            a.total_income.total.get(),
            a.total_income.restricted.get() + a.total_income.unrestricted.get()
        );
    }
}

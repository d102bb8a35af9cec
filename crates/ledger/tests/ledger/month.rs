//! A co-operative's May, worked through by hand: Ann and Bryn's Direct
//! Payments arrive (Bryn's short), a PA is paid for supporting both, a
//! shared day out is split equally, and a £300 purchase needs two officers.

use cylch_ledger::approval::{ApprovalError, ApprovalPolicy, Claim, ClaimStatus};
use cylch_ledger::bank::{ExpectedMovement, LayoutChoice, parse_statement, reconcile};
use cylch_ledger::journal::{Allocation, EntryDraft, EntryId, Line, PostedEntry};
use cylch_ledger::report::{Period, SurplusRule, la_return, person_statement, trial_balance};
use cylch_ledger::schedule::{
    ActualReceipt, Arrangement, Frequency, ReceiptFlag, ReceiptOutcome, ReceiptSource,
    ReceiptTolerance, Schedule, match_receipts,
};
use cylch_ledger::{
    Category, Chart, FundId, Pence, PersonId, SplitRule, WagesInput, account::codes,
    allocate_wages, split,
};
use jiff::civil::Date;

const D: fn(i16, i8, i8) -> Date = Date::constant;

fn p(id: &str) -> PersonId {
    PersonId::new(id).unwrap()
}

fn arrangement(person: &str, council: &str, amount: i64) -> Arrangement {
    Arrangement {
        person: p(person),
        council: council.into(),
        payment: Schedule {
            amount: Pence::new(amount),
            frequency: Frequency::Monthly,
            start: D(2026, 4, 1),
            end: None,
        },
        client_contribution: None,
    }
}

fn post(id: &str, date: Date, lines: Vec<Line>, allocation: Option<Allocation>) -> PostedEntry {
    EntryDraft {
        id: EntryId::new(id),
        date,
        description: id.into(),
        lines,
        allocation,
        reverses: None,
    }
    .post(&Chart::standard())
    .unwrap()
}

#[test]
fn may_from_bank_file_to_council_return() {
    let chart = Chart::standard();
    let ann_dp = arrangement("ann", "Cyngor Gwynedd", 150_000);
    let bryn_dp = arrangement("bryn", "Cyngor Conwy", 100_000);
    let may = Period::new(D(2026, 5, 1), D(2026, 5, 31)).unwrap();

    // 1. What should arrive in May.
    let mut expected = ann_dp.expected_receipts(may.from(), may.to()).unwrap();
    expected.extend(bryn_dp.expected_receipts(may.from(), may.to()).unwrap());
    assert_eq!(expected.len(), 2);

    // 2. The bank statement.
    let file = "Date,Description,Amount\n\
                01/05/2026,GWYNEDD CC DP,1500.00\n\
                05/05/2026,CONWY CBC DP,950.00\n\
                29/05/2026,D JONES WAGES,-700.00\n\
                30/05/2026,SNOWDON RAILWAY,-96.00\n";
    let statement = parse_statement(file.as_bytes(), &LayoutChoice::Detect).unwrap();

    // 3. Reconcile against the expected receipts: Bryn's short payment
    // does not match by amount, so it is left for the treasurer.
    let movements: Vec<ExpectedMovement> = expected
        .iter()
        .map(|e| ExpectedMovement {
            id: format!("dp-{}", e.person),
            date: e.due,
            amount: e.amount,
        })
        .collect();
    let rec = reconcile(&statement.lines, &movements, 5).unwrap();
    assert_eq!(rec.matched.len(), 1);
    assert_eq!(rec.unmatched_expected[0].id, "dp-bryn");
    assert_eq!(rec.unreconciled_lines.len(), 3);

    // 4. The treasurer says whose the CONWY line is; matching receipts
    // flags it short.
    let actual = vec![
        ActualReceipt {
            id: statement.lines[0].fingerprint.to_string(),
            person: p("ann"),
            source: ReceiptSource::Council("Cyngor Gwynedd".into()),
            date: D(2026, 5, 1),
            amount: Pence::new(150_000),
        },
        ActualReceipt {
            id: statement.lines[1].fingerprint.to_string(),
            person: p("bryn"),
            source: ReceiptSource::Council("Cyngor Conwy".into()),
            date: D(2026, 5, 5),
            amount: Pence::new(95_000),
        },
    ];
    let checks = match_receipts(
        &expected,
        &actual,
        ReceiptTolerance::default(),
        D(2026, 6, 1),
    )
    .unwrap();
    let bryn_check = checks
        .checks
        .iter()
        .find(|c| c.expected.person == p("bryn"))
        .unwrap();
    assert!(
        matches!(&bryn_check.outcome, ReceiptOutcome::Received { flags, .. }
        if flags == &vec![ReceiptFlag::Short { by: Pence::new(5_000) }])
    );

    // 5. Post what happened.
    let ann = FundId::Person(p("ann"));
    let bryn = FundId::Person(p("bryn"));
    let mut entries = vec![
        post(
            "dp-ann",
            D(2026, 5, 1),
            vec![
                Line::debit(codes::BANK, ann.clone(), Pence::new(150_000)),
                Line::credit(
                    codes::DIRECT_PAYMENT_INCOME,
                    ann.clone(),
                    Pence::new(150_000),
                ),
            ],
            None,
        ),
        post(
            "dp-bryn",
            D(2026, 5, 5),
            vec![
                Line::debit(codes::BANK, bryn.clone(), Pence::new(95_000)),
                Line::credit(
                    codes::DIRECT_PAYMENT_INCOME,
                    bryn.clone(),
                    Pence::new(95_000),
                ),
            ],
            None,
        ),
    ];
    // Dafydd's May pay: £700.00 gross, £35.00 employer costs; 40 hours
    // with Ann and 30 with Bryn (2,400 and 1,800 minutes).
    // Gross: 700 × 4/7 = 400.00, 300.00. Employer: 35 × 4/7 = 20.00, 15.00.
    let wages = allocate_wages(&WagesInput {
        gross: Pence::new(70_000),
        employer_costs: Pence::new(3_500),
        minutes: vec![(p("ann"), 2_400), (p("bryn"), 1_800)],
    })
    .unwrap();
    entries.push(post(
        "pay-may",
        D(2026, 5, 28),
        wages.lines,
        Some(wages.allocation),
    ));
    // Net pay went out on the 29th. For the example the £700.00 paid clears
    // the control account in each fund by the same minutes (£400.00 and
    // £300.00), leaving the £35.00 of employer costs still owed.
    let paid = split(
        Pence::new(70_000),
        &SplitRule::ByMinutes {
            minutes: vec![(p("ann"), 2_400), (p("bryn"), 1_800)],
        },
    )
    .unwrap();
    let mut pay_lines = Vec::new();
    for s in &paid {
        let f = FundId::Person(s.person.clone());
        pay_lines.push(Line::debit(codes::PAYROLL_CONTROL, f.clone(), s.amount));
        pay_lines.push(Line::credit(codes::BANK, f, s.amount));
    }
    entries.push(post("wages-paid", D(2026, 5, 29), pay_lines, None));

    // A £96.00 train trip shared equally: £48.00 each.
    let rule = SplitRule::Equally {
        people: vec![p("ann"), p("bryn")],
    };
    let shares = split(Pence::new(9_600), &rule).unwrap();
    let mut trip = Vec::new();
    for s in &shares {
        let f = FundId::Person(s.person.clone());
        trip.push(Line::debit(codes::ACTIVITIES, f.clone(), s.amount));
        trip.push(Line::credit(codes::BANK, f, s.amount));
    }
    entries.push(post(
        "trip",
        D(2026, 5, 30),
        trip,
        Some(Allocation {
            rule,
            total: Pence::new(9_600),
        }),
    ));

    // 6. Ann's statement: 1,500 in; wages 400, employer 20, trip 48 (shared).
    let s = person_statement(&entries, &chart, &p("ann"), may).unwrap();
    assert_eq!(s.received_total, Pence::new(150_000));
    let row = |c: Category| s.spent.iter().find(|r| r.category == c).unwrap().clone();
    assert_eq!(row(Category::PaWages).shared, Pence::new(40_000));
    assert_eq!(row(Category::EmployerCosts).shared, Pence::new(2_000));
    assert_eq!(row(Category::Activities).shared, Pence::new(4_800));
    assert_eq!(s.spent_total, Pence::new(46_800));
    assert_eq!(s.closing, Pence::new(103_200));
    assert_eq!(s.shared_items.len(), 3);

    // 7. Bryn's council return for the quarter: 950 in, 300 + 15 + 48 out,
    // £587.00 held, below eight weeks of £1,000 a month (£1,846.15).
    let r = la_return(
        &entries,
        &chart,
        &bryn_dp,
        Period::quarter_containing(D(2026, 5, 1)),
        SurplusRule::default(),
    )
    .unwrap();
    assert_eq!(r.direct_payments, Pence::new(95_000));
    assert_eq!(r.spent_total, Pence::new(36_300));
    assert_eq!(r.closing, Pence::new(58_700));
    assert_eq!(r.surplus_threshold, Pence::new(184_615));
    assert_eq!(r.surplus, None);

    // 8. The books balance, overall and for each fund.
    let tb = trial_balance(&entries, &chart, may.to(), None).unwrap();
    assert!(tb.balances());
    // Bank: 1500 + 950 - 700 - 96 = 1,654.00; control still owes £35.00.
    let bank = tb
        .rows
        .iter()
        .find(|r| r.account.as_str() == codes::BANK)
        .unwrap();
    assert_eq!(bank.debit, Pence::new(165_400));
    let control = tb
        .rows
        .iter()
        .find(|r| r.account.as_str() == codes::PAYROLL_CONTROL)
        .unwrap();
    assert_eq!(control.credit, Pence::new(3_500));
    for fund in [&ann, &bryn] {
        assert!(
            trial_balance(&entries, &chart, may.to(), Some(fund))
                .unwrap()
                .balances()
        );
    }
}

#[test]
fn a_hoist_sling_over_the_limit_needs_two_officers() {
    let policy = ApprovalPolicy {
        two_officer_limit: ApprovalPolicy::SUGGESTED_LIMIT,
        officers: vec![p("chair"), p("treasurer"), p("secretary")],
    };
    let claim = Claim::new(
        "c7",
        p("treasurer"),
        Pence::new(30_000),
        Category::Equipment,
        "Hoist sling",
    )
    .unwrap();
    let err = claim.approve(&p("treasurer"), &policy).unwrap_err();
    assert_eq!(
        err.to_string(),
        "treasurer cannot approve their own claim; another officer must"
    );
    assert!(matches!(err, ApprovalError::OwnClaim(_)));
    let claim = claim.approve(&p("chair"), &policy).unwrap();
    assert_eq!(
        claim.status(&policy),
        ClaimStatus::AwaitingApproval { have: 1, needed: 2 }
    );
    let claim = claim.approve(&p("secretary"), &policy).unwrap();
    assert_eq!(claim.status(&policy), ClaimStatus::Approved);
}

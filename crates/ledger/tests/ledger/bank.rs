use std::collections::BTreeSet;

use cylch_ledger::Pence;
use cylch_ledger::bank::{
    AmountColumns, BankFileError, ExpectedMovement, Layout, LayoutChoice, new_lines,
    parse_statement, reconcile,
};
use cylch_ledger::money::MoneyParseError;
use jiff::civil::Date;

fn detect(text: &str) -> Result<cylch_ledger::bank::Statement, BankFileError> {
    parse_statement(text.as_bytes(), &LayoutChoice::Detect)
}

fn summary(statement: &cylch_ledger::bank::Statement) -> Vec<(Date, i64, &str)> {
    statement
        .lines
        .iter()
        .map(|l| (l.date, l.amount.get(), l.description.as_str()))
        .collect()
}

const D: fn(i16, i8, i8) -> Date = Date::constant;

#[test]
fn lloyds_export() {
    let file = "Transaction Date,Transaction Type,Sort Code,Account Number,Transaction Description,Debit Amount,Credit Amount,Balance,\n\
                28/04/2026,FPI,'30-99-99,12345678,GWYNEDD CC DP ANN,,1200.00,4200.00,\n\
                29/04/2026,DD,'30-99-99,12345678,PA INSURE LTD,45.50,,4154.50,\n";
    let s = detect(file).unwrap();
    assert_eq!(s.layout, "lloyds");
    assert_eq!(
        summary(&s),
        vec![
            (D(2026, 4, 28), 120_000, "GWYNEDD CC DP ANN"),
            (D(2026, 4, 29), -4_550, "PA INSURE LTD"),
        ]
    );
    assert_eq!(s.lines[1].balance, Some(Pence::new(415_450)));
    assert_eq!(s.lines[0].line, 2);
}

#[test]
fn nationwide_export_with_lines_above_the_header() {
    let file = "\"Account Name:\",\"FlexDirect ****12345\"\n\
                \"Account Balance:\",\"£4,154.50\"\n\
                \"Available Balance: \",\"£4,154.50\"\n\
                \n\
                \"Date\",\"Transaction type\",\"Description\",\"Paid out\",\"Paid in\",\"Balance\"\n\
                \"28 Apr 2026\",\"Bank credit\",\"GWYNEDD CC\",\"\",\"£1,200.00\",\"£4,200.00\"\n\
                \"29 Apr 2026\",\"Direct debit\",\"PA INSURE LTD\",\"£45.50\",\"\",\"£4,154.50\"\n";
    let s = detect(file).unwrap();
    assert_eq!(s.layout, "nationwide");
    assert_eq!(
        summary(&s),
        vec![
            (D(2026, 4, 28), 120_000, "Bank credit GWYNEDD CC"),
            (D(2026, 4, 29), -4_550, "Direct debit PA INSURE LTD"),
        ]
    );
    assert_eq!(s.lines[0].line, 6);
}

#[test]
fn barclays_export() {
    let file = "Number,Date,Account,Amount,Subcategory,Memo\n\
                ,01/05/2026,20-00-00 12345678,-12.30,PAYMENT,CAFFI Y BONT\n\
                ,02/05/2026,20-00-00 12345678,350.00,DIRECTDEP,CYNGOR CONWY DP\n";
    let s = detect(file).unwrap();
    assert_eq!(s.layout, "barclays");
    assert_eq!(
        summary(&s),
        vec![
            (D(2026, 5, 1), -1_230, "CAFFI Y BONT"),
            (D(2026, 5, 2), 35_000, "CYNGOR CONWY DP"),
        ]
    );
}

#[test]
fn starling_export() {
    let file = "Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,Notes\n\
                01/05/2026,Cyngor Conwy,DP BRYN MAY,FASTER PAYMENT,1500.00,2500.00,INCOME,\n\
                03/05/2026,Hoist Co,INV 881,DIRECT DEBIT,-89.99,2410.01,GENERAL,\n";
    let s = detect(file).unwrap();
    assert_eq!(s.layout, "starling");
    assert_eq!(
        summary(&s),
        vec![
            (D(2026, 5, 1), 150_000, "Cyngor Conwy DP BRYN MAY"),
            (D(2026, 5, 3), -8_999, "Hoist Co INV 881"),
        ]
    );
}

#[test]
fn natwest_export() {
    let file = "\n\
                Date, Type, Description, Value, Balance, Account Name, Account Number\n\
                01/05/2026,BAC,\"'CYNGOR SIR YNYS MON , DP\",1200.00,3200.00,\"'CYLCH CYF\",\"'601234-12345678\",\n";
    let s = detect(file).unwrap();
    assert_eq!(s.layout, "natwest");
    assert_eq!(s.lines[0].amount, Pence::new(120_000));
    assert_eq!(s.lines[0].description, "BAC 'CYNGOR SIR YNYS MON , DP");
}

#[test]
fn generic_layouts() {
    let s = detect("Date,Description,Money In,Money Out,Balance\n2026-05-01,Grant,500.00,,500.00\n2026-05-02,Stamps,,6.80,493.20\n").unwrap();
    assert_eq!(s.layout, "date-description-money-in-out");
    assert_eq!(
        summary(&s),
        vec![
            (D(2026, 5, 1), 50_000, "Grant"),
            (D(2026, 5, 2), -680, "Stamps")
        ]
    );
    let s = detect("date,description,amount\n1 May 2026,Refund,(12.30)\n").unwrap();
    assert_eq!(s.layout, "date-description-amount");
    assert_eq!(s.lines[0].amount, Pence::new(-1_230));
}

#[test]
fn a_mapping_for_any_other_bank() {
    let layout = Layout {
        name: "credit-union".into(),
        date: "Posted".into(),
        description: vec!["Payee".into(), "Ref".into()],
        amount: AmountColumns::InOut {
            money_in: "Credit".into(),
            money_out: "Debit".into(),
        },
        balance: None,
        date_order: Default::default(),
    };
    let file =
        "Ref,Posted,Payee,Debit,Credit\nA1,05/05/2026,Caffi,3.20,\n,06/05/2026,Member sub,,1.00\n";
    let s = parse_statement(file.as_bytes(), &LayoutChoice::Use(layout.clone())).unwrap();
    assert_eq!(s.layout, "credit-union");
    assert_eq!(
        summary(&s),
        vec![
            (D(2026, 5, 5), -320, "Caffi A1"),
            (D(2026, 5, 6), 100, "Member sub")
        ]
    );
    // The same mapping on a file without its columns names what it wanted.
    let err =
        parse_statement(b"Date,Amount\n01/05/2026,1\n", &LayoutChoice::Use(layout)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no header row found in the first 20 lines with the columns Posted, Payee, Ref, Credit, Debit; choose the bank's layout or name its columns"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(b"Date,Description,Amount\r\n01/05/2026,x,1.00\r\n");
    let s = parse_statement(&bytes, &LayoutChoice::Detect).unwrap();
    assert_eq!(s.lines.len(), 1);
}

#[test]
fn every_bad_file_is_refused_whole_naming_the_line() {
    let header = "Date,Description,Amount\n";
    let cases: Vec<(Vec<u8>, BankFileError, &str)> = vec![
        (
            format!("{header}01/05/2026,ok,1.00\n31/02/2026,bad date,1.00\n").into_bytes(),
            BankFileError::BadDate {
                line: 3,
                text: "31/02/2026".into(),
            },
            "line 3: \"31/02/2026\" is not a date; dates must be like 01/04/2026, 2026-04-01 or 01 Apr 2026",
        ),
        (
            format!("{header}01/05/2026,ok,1.00\n02/05/2026,bad amount,1.2.3\n").into_bytes(),
            BankFileError::BadAmount {
                line: 3,
                column: "Amount".into(),
                problem: MoneyParseError::NotMoney("1.2.3".into()),
            },
            "line 3: column \"Amount\": \"1.2.3\" is not an amount of money; write it like 1,234.56 or -12.30",
        ),
        (
            format!(
                "{header}01/05/2026,ok,1.00\n02/05/2026,extra,1.00,surprise\n03/05/2026,ok,1.00\n"
            )
            .into_bytes(),
            BankFileError::WrongFieldCount {
                line: 3,
                found: 4,
                expected: 3,
            },
            "line 3: has 4 fields where the header has 3",
        ),
        (
            format!("{header}01/05/2026,ok,1.00\n02/05/2026,half").into_bytes(),
            BankFileError::CutShort {
                line: 3,
                found: 2,
                expected: 3,
            },
            "line 3: the last line has 2 fields where the header has 3; the file looks cut short, so download it again",
        ),
        (
            format!("{header}01/05/2026,ok,1.00\n02/05/2026,\"half a descr").into_bytes(),
            BankFileError::CutShortInQuotes { line: 3 },
            "line 3: a quoted field starts here and the file ends before it closes; the file looks cut short, so download it again",
        ),
        (
            b"Date,Description,Amount\n01/05/2026,Caf\xE9,1.00\n".to_vec(),
            BankFileError::NotUtf8 { line: 2 },
            "line 2: the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\" and import it again",
        ),
        (
            header.as_bytes().to_vec(),
            BankFileError::NoTransactions,
            "the file has a header but no transactions",
        ),
        (
            b"When,What,How much\n01/05/2026,x,1\n".to_vec(),
            BankFileError::NoHeader {
                wanted: String::new(),
            },
            "",
        ),
    ];
    for (bytes, expected, message) in cases {
        let err = parse_statement(&bytes, &LayoutChoice::Detect).unwrap_err();
        if let BankFileError::NoHeader { .. } = expected {
            assert!(matches!(err, BankFileError::NoHeader { .. }), "{err}");
            assert!(err.to_string().contains("Date, Description, Amount"));
            continue;
        }
        assert_eq!(err, expected);
        assert_eq!(err.to_string(), message);
    }
}

#[test]
fn money_in_and_out_must_say_which() {
    let head = "Date,Description,Money In,Money Out\n";
    let err = detect(&format!("{head}01/05/2026,nothing,,\n")).unwrap_err();
    assert_eq!(err, BankFileError::NoAmount { line: 2 });
    let err = detect(&format!("{head}01/05/2026,both,1.00,2.00\n")).unwrap_err();
    assert_eq!(err, BankFileError::BothAmounts { line: 2 });
    // A zero in the other column is how some banks write "nothing".
    let s = detect(&format!("{head}01/05/2026,out,0.00,2.00\n")).unwrap();
    assert_eq!(s.lines[0].amount, Pence::new(-200));
}

#[test]
fn trailing_empty_columns_and_blank_lines_are_not_data() {
    let s = detect("Date,Description,Amount,\n01/05/2026,x,1.00,,\n\n\n").unwrap();
    assert_eq!(s.lines.len(), 1);
}

#[test]
fn fingerprints_tell_identical_lines_apart_and_survive_re_import() {
    let file = "Date,Description,Amount\n\
                01/05/2026,CAFFI Y BONT,-3.20\n\
                01/05/2026,CAFFI Y BONT,-3.20\n\
                01/05/2026,Caffi  y Bont,-3.20\n\
                02/05/2026,CAFFI Y BONT,-3.20\n";
    let s = detect(file).unwrap();
    let prints: Vec<&str> = s.lines.iter().map(|l| l.fingerprint.as_str()).collect();
    assert_eq!(
        prints,
        vec![
            "2026-05-01|-320|CAFFI Y BONT|1",
            "2026-05-01|-320|CAFFI Y BONT|2",
            // Spacing and capitals are tidied: a third coffee, not a new kind.
            "2026-05-01|-320|CAFFI Y BONT|3",
            "2026-05-02|-320|CAFFI Y BONT|1",
        ]
    );

    // Importing the file: everything is new. Importing it again: nothing is.
    let mut known = BTreeSet::new();
    let first = new_lines(&s, &known);
    assert_eq!(first.len(), 4);
    known.extend(first.iter().map(|l| l.fingerprint.clone()));
    let again = detect(file).unwrap();
    assert!(new_lines(&again, &known).is_empty());

    // A later export overlapping the first adds only what is new, even when
    // the bank now writes dates another way.
    let later = "Date,Description,Amount\n\
                 2026-05-02,CAFFI Y BONT,-3.20\n\
                 2026-05-03,STAMPS,-6.80\n";
    let later = detect(later).unwrap();
    let fresh = new_lines(&later, &known);
    assert_eq!(fresh.len(), 1);
    assert_eq!(fresh[0].description, "STAMPS");
}

#[test]
fn reconciliation_pairs_closest_dates_and_lists_what_is_left() {
    let file = "Date,Description,Amount\n\
                01/05/2026,GWYNEDD DP ANN,1200.00\n\
                03/05/2026,GWYNEDD DP BRYN,1200.00\n\
                04/05/2026,PA WAGES D JONES,-812.40\n\
                20/05/2026,MYSTERY,-5.00\n";
    let s = detect(file).unwrap();
    let expected = vec![
        ExpectedMovement {
            id: "dp-bryn".into(),
            date: D(2026, 5, 4),
            amount: Pence::new(120_000),
        },
        ExpectedMovement {
            id: "dp-ann".into(),
            date: D(2026, 5, 1),
            amount: Pence::new(120_000),
        },
        ExpectedMovement {
            id: "wages".into(),
            date: D(2026, 4, 28),
            amount: Pence::new(-81_240),
        },
        ExpectedMovement {
            id: "insurance".into(),
            date: D(2026, 5, 10),
            amount: Pence::new(-4_550),
        },
    ];
    let r = reconcile(&s.lines, &expected, 5).unwrap();
    let pairs: Vec<(&str, &str, i64)> = r
        .matched
        .iter()
        .map(|m| {
            let line = s
                .lines
                .iter()
                .find(|l| l.fingerprint == m.fingerprint)
                .unwrap();
            (
                line.description.as_str(),
                m.expected_id.as_str(),
                m.days_apart,
            )
        })
        .collect();
    assert_eq!(
        pairs,
        vec![
            ("GWYNEDD DP ANN", "dp-ann", 0),
            ("GWYNEDD DP BRYN", "dp-bryn", -1),
        ]
    );
    // Wages went out 6 days after expected: outside a 5-day window.
    let left: Vec<&str> = r
        .unreconciled_lines
        .iter()
        .map(|l| l.description.as_str())
        .collect();
    assert_eq!(left, vec!["PA WAGES D JONES", "MYSTERY"]);
    let missing: Vec<&str> = r.unmatched_expected.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(missing, vec!["wages", "insurance"]);

    let wider = reconcile(&s.lines, &expected, 7).unwrap();
    assert_eq!(wider.matched.len(), 3);
}

#[test]
fn a_file_cut_off_inside_its_last_amount_is_refused() {
    let head = "Date,Description,Amount,Balance\n01/05/2026,x,-1.00,99.00\n";
    let err = detect(&format!("{head}02/05/2026,y,-1.00,98.0")).unwrap_err();
    assert_eq!(
        err,
        BankFileError::CutShortInValue {
            line: 3,
            text: "98.0".into(),
            expected: 2
        }
    );
    assert_eq!(
        err.to_string(),
        "line 3: the file ends part-way through \"98.0\" (other lines have 2 digits of pence); the file looks cut short, so download it again"
    );
    let err = detect(&format!("{head}02/05/2026,y,-1.00,9")).unwrap_err();
    assert!(matches!(
        err,
        BankFileError::CutShortInValue { line: 3, .. }
    ));
    // Complete, just without a final line break: accepted.
    let s = detect(&format!("{head}02/05/2026,y,-1.00,98.00")).unwrap();
    assert_eq!(s.lines[1].balance, Some(Pence::new(9_800)));
    // With a final line break the bank wrote what it meant.
    let s = detect(&format!("{head}02/05/2026,y,-1.00,98\n")).unwrap();
    assert_eq!(s.lines[1].balance, Some(Pence::new(9_800)));
}

#[test]
fn a_file_that_writes_whole_pounds_without_pence_is_not_called_cut_short() {
    let s = detect("Date,Description,Amount\n01/05/2026,x,12\n02/05/2026,y,3.20\n03/05/2026,z,5")
        .unwrap();
    assert_eq!(s.lines[2].amount, Pence::new(500));
}

#[test]
fn a_preview_finds_the_header_below_lines_about_the_account() {
    let file = "\"Account Name:\",\"Club ****1234\"\n\"Balance:\",\"£10.00\"\n\nWhen,Payee,Out,In,Notes,\n03/05/2026,Caffi,3.20,,\n04/05/2026,Grant,,100.00,thanks\n";
    let p = cylch_ledger::bank::preview(file.as_bytes()).unwrap();
    assert_eq!(p.header_line, 4);
    assert_eq!(p.columns, vec!["When", "Payee", "Out", "In", "Notes"]);
    assert_eq!(
        p.sample,
        vec![
            vec!["03/05/2026", "Caffi", "3.20", "", ""],
            vec!["04/05/2026", "Grant", "", "100.00", "thanks"],
        ]
    );
    // A mapping made from the preview reads the file, American dates too.
    let layout = Layout {
        name: "custom".into(),
        date: "When".into(),
        description: vec!["Payee".into()],
        amount: AmountColumns::InOut {
            money_in: "In".into(),
            money_out: "Out".into(),
        },
        balance: None,
        date_order: cylch_ledger::bank::DateOrder::MonthFirst,
    };
    let s = parse_statement(file.as_bytes(), &LayoutChoice::Use(layout)).unwrap();
    assert_eq!(
        summary(&s),
        vec![
            (D(2026, 3, 5), -320, "Caffi"),
            (D(2026, 4, 5), 10_000, "Grant")
        ]
    );
}

#[test]
fn a_preview_of_a_file_that_is_not_text_names_the_line() {
    let err = cylch_ledger::bank::preview(b"Date,Amount\n01/05/2026,\xa3 1\n").unwrap_err();
    assert_eq!(err.line(), Some(2));
    assert!(cylch_ledger::bank::preview(b"just one field\n").is_err());
}

//! Every error has a stable code for pages to translate into Welsh and
//! English; codes are distinct unless two errors mean the same thing.

use std::collections::BTreeMap;

use cylch_ledger::approval::{ApprovalError, ClaimError};
use cylch_ledger::bank::BankFileError;
use cylch_ledger::money::{MoneyParseError, Overflow};
use cylch_ledger::posting::PostingError;
use cylch_ledger::report::ReportError;
use cylch_ledger::schedule::ScheduleError;
use cylch_ledger::wages::WagesError;
use cylch_ledger::{
    AccountCode, Category, EntryError, EntryId, FundId, Pence, PersonId, ReversalError, SplitError,
    account::ChartError, fund::EmptyPersonId,
};
use jiff::civil::Date;

#[test]
fn codes_are_prefixed_and_distinct() {
    let ann = PersonId::new("ann").unwrap();
    let d = Date::constant(2026, 4, 1);
    let codes: Vec<(&str, String)> = vec![
        (Overflow.code(), "overflow".into()),
        (MoneyParseError::Empty.code(), "money empty".into()),
        (
            MoneyParseError::NotMoney(String::new()).code(),
            "not money".into(),
        ),
        (
            MoneyParseError::TooManyDecimals(String::new()).code(),
            "decimals".into(),
        ),
        (
            MoneyParseError::BadGrouping(String::new()).code(),
            "grouping".into(),
        ),
        (
            MoneyParseError::TooLarge(String::new()).code(),
            "too large".into(),
        ),
        (EmptyPersonId.code(), "empty id".into()),
        (
            ChartError::DuplicateCode(AccountCode::new("1")).code(),
            "dup code".into(),
        ),
        (ChartError::EmptyCode.code(), "empty code".into()),
        (SplitError::NoPeople.code(), "no people".into()),
        (
            SplitError::DuplicatePerson(ann.clone()).code(),
            "dup person".into(),
        ),
        (SplitError::NothingToShareBy.code(), "nothing".into()),
        (SplitError::BasisPointsNotWhole(1).code(), "bp".into()),
        (EntryError::TooFewLines.code(), "few lines".into()),
        (EntryError::NoDescription.code(), "no description".into()),
        (
            EntryError::NotPositive { line: 1 }.code(),
            "entry not positive".into(),
        ),
        (
            EntryError::UnknownAccount {
                line: 1,
                account: AccountCode::new("9"),
            }
            .code(),
            "unknown account".into(),
        ),
        (
            EntryError::FundUnbalanced {
                fund: FundId::General,
                debits: Pence::ZERO,
                credits: Pence::ZERO,
            }
            .code(),
            "unbalanced".into(),
        ),
        (
            EntryError::NotInAllocation {
                person: ann.clone(),
            }
            .code(),
            "allocation".into(),
        ),
        (
            ReversalError::AlreadyReversed {
                original: EntryId::new("a"),
                by: EntryId::new("b"),
            }
            .code(),
            "already reversed".into(),
        ),
        (
            ReversalError::IsAReversal(EntryId::new("a")).code(),
            "reversal".into(),
        ),
        (WagesError::Negative.code(), "wages negative".into()),
        (WagesError::Nothing.code(), "wages nothing".into()),
        (ScheduleError::DateOutOfRange.code(), "date range".into()),
        (
            ScheduleError::BackwardsPeriod { from: d, to: d }.code(),
            "backwards".into(),
        ),
        (
            ScheduleError::NotPositive.code(),
            "schedule not positive".into(),
        ),
        (
            ScheduleError::EndsBeforeStart { start: d, end: d }.code(),
            "ends before".into(),
        ),
        (ScheduleError::NoCouncil.code(), "no council".into()),
        (ClaimError::NotPositive.code(), "claim not positive".into()),
        (
            ClaimError::NoDescription.code(),
            "claim no description".into(),
        ),
        (
            ApprovalError::NotAnOfficer(ann.clone()).code(),
            "not officer".into(),
        ),
        (
            ApprovalError::OwnClaim(ann.clone()).code(),
            "own claim".into(),
        ),
        (
            ApprovalError::AlreadyApprovedBy(ann.clone()).code(),
            "approved by".into(),
        ),
        (ApprovalError::AlreadyApproved.code(), "approved".into()),
        (
            PostingError::NotPositive.code(),
            "posting not positive".into(),
        ),
        (
            PostingError::NoAccountFor(Category::Admin).code(),
            "no account".into(),
        ),
        (
            PostingError::NotAPaymentAccount(AccountCode::new("4000")).code(),
            "not payment".into(),
        ),
        (
            PostingError::NotApproved { have: 0, needed: 1 }.code(),
            "not approved".into(),
        ),
        (PostingError::SameFund.code(), "same fund".into()),
        (BankFileError::NotUtf8 { line: 1 }.code(), "utf8".into()),
        (
            BankFileError::CutShortInQuotes { line: 1 }.code(),
            "quotes".into(),
        ),
        (
            BankFileError::TextAfterQuote { line: 1 }.code(),
            "after quote".into(),
        ),
        (
            BankFileError::NoHeader {
                wanted: String::new(),
            }
            .code(),
            "header".into(),
        ),
        (
            BankFileError::NoTransactions.code(),
            "no transactions".into(),
        ),
        (
            BankFileError::CutShort {
                line: 1,
                found: 1,
                expected: 2,
            }
            .code(),
            "cut".into(),
        ),
        (
            BankFileError::WrongFieldCount {
                line: 1,
                found: 1,
                expected: 2,
            }
            .code(),
            "fields".into(),
        ),
        (
            BankFileError::BadDate {
                line: 1,
                text: String::new(),
            }
            .code(),
            "bad date".into(),
        ),
        (
            BankFileError::BadAmount {
                line: 1,
                column: String::new(),
                problem: MoneyParseError::Empty,
            }
            .code(),
            "bad amount".into(),
        ),
        (
            BankFileError::NoAmount { line: 1 }.code(),
            "no amount".into(),
        ),
        (BankFileError::BothAmounts { line: 1 }.code(), "both".into()),
        (
            BankFileError::CutShortInValue {
                line: 1,
                text: String::new(),
                expected: 2,
            }
            .code(),
            "cut value".into(),
        ),
        (
            BankFileError::Overflow { line: 1 }.code(),
            "bank overflow".into(),
        ),
        (
            ReportError::UnknownAccount {
                entry: EntryId::new("e"),
                account: AccountCode::new("9"),
            }
            .code(),
            "report account".into(),
        ),
        (ReportError::NoMonths.code(), "months".into()),
    ];
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (code, what) in &codes {
        assert!(code.starts_with("ledger-"), "{code}");
        if let Some(before) = seen.insert(code, what) {
            panic!("{code} is used for both {before} and {what}");
        }
    }
    // Wrapped errors speak with the inner code; the same meaning shares one.
    assert_eq!(
        ReportError::BackwardsPeriod { from: d, to: d }.code(),
        ScheduleError::BackwardsPeriod { from: d, to: d }.code()
    );
    assert_eq!(EntryError::Overflow(Overflow).code(), "ledger-overflow");
    assert_eq!(
        EntryError::Allocation(SplitError::NoPeople).code(),
        "ledger-split-no-people"
    );
    assert_eq!(
        BankFileError::BadDate {
            line: 7,
            text: String::new()
        }
        .line(),
        Some(7)
    );
    assert_eq!(BankFileError::NoTransactions.line(), None);
}

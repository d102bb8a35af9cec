//! An approved pay run in the ledger, on SQLite and PostgreSQL: wages and
//! employer costs charged to each supported person's fund by the time the
//! PA spent with them (shared time split equally), what is owed to the PA,
//! HMRC and the pension scheme, each payment clearing exactly that, and
//! every penny accounted for.

use cylch_employment::timesheet::{Figures, LineKind};
use cylch_ledger::account::codes;
use cylch_ledger::{FundId, PersonId};
use cylch_payroll::Frequency;
use cylch_store::CoopScope;
use cylch_store::payroll::{PayRunError, Payee};
use cylch_store::testing::count_raw;
use cylch_store::timesheets::NewLine;

use super::employment::{d, family, hire_both};
use super::payroll::{treasurer, weekdays_of, y26};
use super::*;

fn jd(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

/// The balance of `account` in `fund` on `as_at`, debits positive.
async fn balance(store: &Store, scope: &CoopScope, fund: &FundId, account: &str) -> i64 {
    let tb = store
        .trial_balance(scope, "2027-04-05".parse().unwrap(), Some(fund))
        .await
        .unwrap();
    assert!(tb.balances(), "{fund:?} does not balance");
    tb.rows
        .iter()
        .filter(|r| r.account.as_str() == account)
        .map(|r| r.debit.get() - r.credit.get())
        .sum()
}

on_both_databases!(
    an_approved_run_charges_each_fund_and_its_payments_clear_what_is_owed,
    |store| {
        let f = family(&store).await;
        let (megan, _) = hire_both(&store, &f).await;
        let treasurer = treasurer(&store, &f).await;
        store
            .link_person(&f.chair, &megan.id, &f.tomos_id, false)
            .await
            .unwrap();
        // Megan works ten weekdays with Sioned (80 hours), then a Saturday
        // afternoon of 4 hours with Sioned and Tomos together.
        weekdays_of(&store, &f, &f.pa, &megan.id, d(2026, 5, 6), d(2026, 5, 19)).await;
        store
            .add_timesheet_line(
                &f.pa,
                &megan.id,
                &NewLine {
                    figures: Figures {
                        start: "2026-05-23T13:00".parse().unwrap(),
                        end: "2026-05-23T17:00".parse().unwrap(),
                        break_minutes: 0,
                        kind: LineKind::Day,
                        woken_minutes: 0,
                    },
                    people: vec![f.sioned_id.clone(), f.tomos_id.clone()],
                },
            )
            .await
            .unwrap();
        store
            .approve_timesheet(&f.sioned, &megan.id, d(2026, 5, 23), &f.sioned_id)
            .await
            .unwrap();
        store
            .approve_timesheet(&f.rep, &megan.id, d(2026, 5, 23), &f.tomos_id)
            .await
            .unwrap();

        let run = store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 2, d(2026, 6, 5))
            .await
            .unwrap();
        // A draft posts nothing and cannot be paid.
        assert_eq!(
            count_raw(&store, "SELECT COUNT(*) FROM ledger_entries").await,
            0
        );
        assert!(matches!(
            store
                .record_pay_run_payment(&treasurer, &run.id, Payee::Pas, jd("2026-06-05"))
                .await,
            Err(PayRunError::NotApproved)
        ));
        let run = store.approve_pay_run(&treasurer, &run.id).await.unwrap();
        let slip = &run.payslips[0];
        assert_eq!(
            count_raw(&store, "SELECT COUNT(*) FROM ledger_entries").await,
            1
        );

        let sioned = FundId::Person(PersonId::new(&f.sioned_id).unwrap());
        let tomos = FundId::Person(PersonId::new(&f.tomos_id).unwrap());
        let wages_s = balance(&store, &f.chair, &sioned, codes::PA_WAGES).await;
        let wages_t = balance(&store, &f.chair, &tomos, codes::PA_WAGES).await;
        // No penny lost in splitting: the funds' wages add up to the gross.
        assert_eq!(wages_s + wages_t, slip.gross);
        // Sioned had 80 h + 2 h of the 84 h, Tomos 2 h: within a penny of
        // his exact share, rounded by the largest remainder.
        assert!(
            (wages_t * 84 - slip.gross * 2).abs() < 84,
            "{wages_t} of {}",
            slip.gross
        );
        let costs = balance(&store, &f.chair, &sioned, codes::EMPLOYER_COSTS).await
            + balance(&store, &f.chair, &tomos, codes::EMPLOYER_COSTS).await;
        assert_eq!(
            costs,
            slip.employer_ni - slip.employment_allowance_used + slip.employer_pension
        );
        // What is owed, by whom, over both funds.
        let owed = |account: &'static str| {
            let store = &store;
            let f = &f;
            let (sioned, tomos) = (sioned.clone(), tomos.clone());
            async move {
                -(balance(store, &f.chair, &sioned, account).await
                    + balance(store, &f.chair, &tomos, account).await)
            }
        };
        assert_eq!(owed(codes::PAYROLL_CONTROL).await, slip.net_pay);
        assert_eq!(
            owed(codes::HMRC).await,
            slip.tax + slip.employee_ni + slip.employer_ni - slip.employment_allowance_used
                + slip.student_loan
        );
        assert_eq!(
            owed(codes::PENSION).await,
            slip.employee_pension + slip.employer_pension
        );
        let payments = store.pay_run_payments(&treasurer, &run.id).await.unwrap();
        assert_eq!(
            payments
                .iter()
                .map(|p| (p.payee, p.amount, p.paid.is_some()))
                .collect::<Vec<_>>(),
            vec![
                (Payee::Pas, slip.net_pay, false),
                (
                    Payee::Hmrc,
                    slip.tax + slip.employee_ni + slip.employer_ni - slip.employment_allowance_used,
                    false
                ),
                (
                    Payee::Pension,
                    slip.employee_pension + slip.employer_pension,
                    false
                ),
            ]
        );

        // Paying each payee clears it in every fund; the bank falls by the
        // whole cost of the run; each payee is paid once, also under a race.
        let (a, b) = tokio::join!(
            store.record_pay_run_payment(&treasurer, &run.id, Payee::Pas, jd("2026-06-05")),
            store.record_pay_run_payment(&f.chair, &run.id, Payee::Pas, jd("2026-06-05")),
        );
        assert_eq!([&a, &b].iter().filter(|r| r.is_ok()).count(), 1);
        assert!(
            [&a, &b]
                .iter()
                .any(|r| matches!(r, Err(PayRunError::AlreadyPaid)))
        );
        for payee in [Payee::Hmrc, Payee::Pension] {
            store
                .record_pay_run_payment(&treasurer, &run.id, payee, jd("2026-06-22"))
                .await
                .unwrap();
        }
        for fund in [&sioned, &tomos] {
            for account in [codes::PAYROLL_CONTROL, codes::HMRC, codes::PENSION] {
                assert_eq!(
                    balance(&store, &f.chair, fund, account).await,
                    0,
                    "{account}"
                );
            }
        }
        let bank = balance(&store, &f.chair, &sioned, codes::BANK).await
            + balance(&store, &f.chair, &tomos, codes::BANK).await;
        assert_eq!(bank, -(slip.gross + costs));
        assert!(
            store
                .pay_run_payments(&f.chair, &run.id)
                .await
                .unwrap()
                .iter()
                .all(|p| p.paid.is_some())
        );
        // A PA reads none of it.
        assert!(matches!(
            store.pay_run_payments(&f.pa, &run.id).await,
            Err(PayRunError::NeedsEmployerDuties)
        ));
        // The whole books still balance.
        let tb = store
            .trial_balance(&f.chair, "2027-04-05".parse().unwrap(), None)
            .await
            .unwrap();
        assert!(tb.balances());
    }
);

on_both_databases!(
    an_approved_runs_fps_passes_hmrcs_schemas_and_rules,
    |store| {
        use cylch_payroll::rti::{AccountsOfficeReference, Gender, PayeReference, check};
        use cylch_store::payroll::{EmployerReferences, Missing};

        // Tax year 2025-26, whose schemas and business rules the project
        // holds (`../shared/hmrc-rti/`): Megan started on 1 May 2025.
        let f = family(&store).await;
        let megan = store
            .hire(
                &f.chair,
                &cylch_employment::Employment {
                    start: d(2025, 5, 1),
                    ..super::employment::megan_record()
                },
                &super::employment::details(Some(f.pa.account())),
            )
            .await
            .unwrap();
        store
            .link_person(&f.chair, &megan.id, &f.sioned_id, false)
            .await
            .unwrap();
        let treasurer = treasurer(&store, &f).await;
        weekdays_of(&store, &f, &f.pa, &megan.id, d(2025, 5, 6), d(2025, 5, 19)).await;
        let run = store
            .start_pay_run(
                &f.chair,
                Frequency::Monthly,
                cylch_payroll::TaxYear::Y2025_26,
                2,
                d(2025, 6, 5),
            )
            .await
            .unwrap();
        assert_eq!(run.payslips.len(), 1);
        // Only an approved run has an FPS.
        assert!(matches!(
            store.pay_run_fps(&treasurer, &run.id).await,
            Err(PayRunError::NotApproved)
        ));
        store.approve_pay_run(&treasurer, &run.id).await.unwrap();
        // Until HMRC's details are recorded, each is named.
        match store.pay_run_fps(&treasurer, &run.id).await {
            Err(PayRunError::HmrcDetailsMissing(missing)) => assert_eq!(
                missing,
                vec![
                    Missing::EmployerReferences,
                    Missing::Gender("Megan Jones".into())
                ]
            ),
            other => panic!("{other:?}"),
        }
        store
            .set_employer_references(
                &treasurer,
                &EmployerReferences {
                    paye: PayeReference::parse("475/CY12345").unwrap(),
                    accounts_office: AccountsOfficeReference::parse("475PA00123456").unwrap(),
                },
            )
            .await
            .unwrap();
        store
            .set_hmrc_gender(&treasurer, &megan.id, Gender::Female)
            .await
            .unwrap();
        // A PA cannot record them.
        assert!(matches!(
            store
                .set_hmrc_gender(&f.pa, &megan.id, Gender::Female)
                .await,
            Err(PayRunError::NeedsEmployerDuties)
        ));
        let fps = store.pay_run_fps(&treasurer, &run.id).await.unwrap();
        let message = check::assert_fps_accepted("store-may", &fps);
        let slip = &run.payslips[0];
        // Her first FPS: a starter, with the run's pay and to-date figures.
        assert!(message.contains("<StartDate>"), "{message}");
        assert!(message.contains(&format!(
            "<TaxablePay>{}</TaxablePay>",
            cylch_payroll::rti::pounds(slip.taxable_pay)
        )));
        assert!(message.contains("<MonthNo>2</MonthNo>"), "{message}");
    }
);

on_both_databases!(
    a_relative_is_paid_only_once_the_council_authorises_it,
    |store| {
        use cylch_employment::employment::{CouncilAuthorisation, Household};
        use cylch_employment::text::Text;

        let f = family(&store).await;
        let treasurer = treasurer(&store, &f).await;
        let mut relative = super::employment::megan_record();
        relative.household = Household::RelativeInSameHousehold {
            authorisation: None,
        };
        let megan = store
            .hire(
                &f.chair,
                &relative,
                &super::employment::details(Some(f.pa.account())),
            )
            .await
            .unwrap();
        store
            .link_person(&f.chair, &megan.id, &f.sioned_id, false)
            .await
            .unwrap();
        weekdays_of(&store, &f, &f.pa, &megan.id, d(2026, 5, 6), d(2026, 5, 19)).await;
        // Her approved time waits, unpaid, and the run says why.
        let may = store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 2, d(2026, 6, 5))
            .await
            .unwrap();
        assert!(may.payslips.is_empty());
        assert_eq!(
            store.pay_run_held_back(&treasurer, &may.id).await.unwrap(),
            vec!["Megan Jones".to_owned()]
        );
        store.approve_pay_run(&treasurer, &may.id).await.unwrap();
        // Authorised: the next run pays the time that waited.
        store
            .record_council_authorisation(
                &f.chair,
                &megan.id,
                CouncilAuthorisation {
                    date: d(2026, 4, 30),
                    reference: Text::parse("DP/123").unwrap(),
                },
            )
            .await
            .unwrap();
        let june = store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 3, d(2026, 7, 5))
            .await
            .unwrap();
        assert_eq!(june.payslips.len(), 1);
        assert_eq!(june.payslips[0].minutes_paid, 10 * 8 * 60);
        assert!(
            store
                .pay_run_held_back(&treasurer, &june.id)
                .await
                .unwrap()
                .is_empty()
        );
    }
);

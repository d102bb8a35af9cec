//! A year of pay, on SQLite and PostgreSQL: tax year 2025-26 (the year
//! whose HMRC schemas and business rules the project holds), a monthly PA
//! and a weekly PA each with approved time in every period, every run
//! started, approved and paid. Every payslip equals `cylch payroll calc` on
//! the run's recorded input; the figures to date carry from run to run;
//! every run's Full Payment Submission passes HMRC's schemas and rules and
//! carries that run's figures, so the year's totals on the last payslip
//! (what a P60 shows) equal the sum of what the FPS files reported; and the
//! books hold every penny of gross pay and employer's costs in the
//! supported people's funds, with nothing left owing once paid.

use cylch_employment::timesheet::{Figures, LineKind};
use cylch_ledger::account::codes;
use cylch_payroll::rti::{AccountsOfficeReference, Gender, PayeReference, check, pounds};
use cylch_payroll::{Date, Frequency, Period, TaxYear};
use cylch_store::payroll::{EmployerReferences, PayRun, Payee};
use cylch_store::timesheets::NewLine;
use cylch_store::{CoopScope, EmploymentId};

use super::employment::{Family, d, details, family, huw_record, megan_record};
use super::payroll::{assert_recomputes, treasurer};
use super::*;

const YEAR: TaxYear = TaxYear::Y2025_26;

/// Adds a line of `hours` from 09:00 on each of `days` for `person`, then
/// has `approver` approve the period holding them.
#[allow(clippy::too_many_arguments)]
async fn work(
    store: &Store,
    pa_scope: &CoopScope,
    pa: &EmploymentId,
    person: &str,
    approver: &CoopScope,
    days: &[Date],
    hours: i8,
) {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return;
    };
    store
        .clock()
        .pin(format!("{}T20:00:00Z", last).parse().unwrap());
    for day in days {
        store
            .add_timesheet_line(
                pa_scope,
                pa,
                &NewLine {
                    figures: Figures {
                        start: format!("{day}T09:00").parse().unwrap(),
                        end: format!("{day}T{:02}:00", 9 + hours).parse().unwrap(),
                        break_minutes: 0,
                        kind: LineKind::Day,
                        woken_minutes: 0,
                    },
                    people: vec![person.to_owned()],
                },
            )
            .await
            .unwrap();
    }
    store
        .approve_timesheet(approver, pa, *first, person)
        .await
        .unwrap();
}

fn days_between(first: Date, last: Date, weekdays: &[i64]) -> Vec<Date> {
    let mut out = Vec::new();
    let mut day = first;
    while day <= last {
        if weekdays.contains(&i64::from(day.weekday_from_monday())) {
            out.push(day);
        }
        day = day.add_days(1).unwrap();
    }
    out
}

/// Starts, approves and pays one period, and checks its payslips and FPS.
async fn pay_period(
    store: &Store,
    f: &Family,
    treasurer: &CoopScope,
    frequency: Frequency,
    number: i64,
    pay_date: Date,
) -> (PayRun, String) {
    let run = store
        .start_pay_run(&f.chair, frequency, YEAR, number, pay_date)
        .await
        .unwrap();
    assert_eq!(run.payslips.len(), 1, "{frequency:?} {number}");
    let run = store.approve_pay_run(treasurer, &run.id).await.unwrap();
    assert_recomputes(store, f, &run).await;
    let jd: jiff::civil::Date = pay_date.to_string().parse().unwrap();
    for payee in [Payee::Pas, Payee::Hmrc, Payee::Pension] {
        let owed = store
            .pay_run_payments(treasurer, &run.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.payee == payee)
            .unwrap();
        if owed.amount > 0 {
            store
                .record_pay_run_payment(treasurer, &run.id, payee, jd)
                .await
                .unwrap();
        }
    }
    let fps = store.pay_run_fps(treasurer, &run.id).await.unwrap();
    let message = check::assert_fps_accepted(&format!("year-{frequency:?}-{number}"), &fps);
    let slip = &run.payslips[0];
    // The FPS carries this period's figures and the year's so far.
    for figure in [
        format!("<TaxablePay>{}</TaxablePay>", pounds(slip.taxable_pay)),
        format!(
            "<TaxablePay>{}</TaxablePay>",
            pounds(slip.taxable_pay_to_date)
        ),
        format!("<TotalTax>{}</TotalTax>", pounds(slip.tax_to_date)),
    ] {
        assert!(message.contains(&figure), "{figure} in\n{message}");
    }
    (run, message)
}

on_both_databases!(
    a_year_of_weekly_and_monthly_pay_carries_files_and_books,
    |store| {
        let f = family(&store).await;
        let treasurer = treasurer(&store, &f).await;
        let start = d(2025, 4, 6);
        let megan = store
            .hire(
                &f.chair,
                &cylch_employment::Employment {
                    start,
                    pay_frequency: Frequency::Monthly,
                    ..megan_record()
                },
                &cylch_store::employment::PaDetails {
                    student_loan: None,
                    postgraduate_loan: false,
                    ..details(Some(f.pa.account()))
                },
            )
            .await
            .unwrap();
        let huw = store
            .hire(
                &f.chair,
                &cylch_employment::Employment {
                    start,
                    pay_frequency: Frequency::Weekly,
                    ..huw_record()
                },
                &cylch_store::employment::PaDetails {
                    student_loan: None,
                    postgraduate_loan: false,
                    ..details(Some(f.other.account()))
                },
            )
            .await
            .unwrap();
        store
            .link_person(&f.chair, &megan.id, &f.sioned_id, false)
            .await
            .unwrap();
        store
            .link_person(&f.chair, &huw.id, &f.tomos_id, false)
            .await
            .unwrap();
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
        store
            .set_hmrc_gender(&treasurer, &huw.id, Gender::Male)
            .await
            .unwrap();

        let mut megan_runs = Vec::new();
        let mut huw_runs = Vec::new();
        let mut month = 1;
        // Week 53 is the year's last day alone (5 April 2026): Huw does not
        // work it, but Megan's twelfth month ends on it.
        for week in 1..=53 {
            let last = Period::new(Frequency::Weekly, week).unwrap().last_day(YEAR);
            if week <= 52 {
                // Huw: Tuesdays and Thursdays, 7 hours, with Tomos.
                let first = last.add_days(-6).unwrap();
                let days = days_between(first, last, &[1, 3]);
                work(&store, &f.other, &huw.id, &f.tomos_id, &f.rep, &days, 7).await;
                huw_runs
                    .push(pay_period(&store, &f, &treasurer, Frequency::Weekly, week, last).await);
            }
            // Megan: Mondays, Wednesdays and Fridays, 8 hours, with Sioned; her
            // month is paid once the week holding its last day is done.
            let month_last = Period::new(Frequency::Monthly, month)
                .unwrap()
                .last_day(YEAR);
            if month <= 12 && month_last <= last {
                let month_first = if month == 1 {
                    YEAR.first_day()
                } else {
                    Period::new(Frequency::Monthly, month - 1)
                        .unwrap()
                        .last_day(YEAR)
                        .add_days(1)
                        .unwrap()
                };
                let days = days_between(month_first, month_last, &[0, 2, 4]);
                work(&store, &f.pa, &megan.id, &f.sioned_id, &f.sioned, &days, 8).await;
                megan_runs.push(
                    pay_period(
                        &store,
                        &f,
                        &treasurer,
                        Frequency::Monthly,
                        month,
                        month_last,
                    )
                    .await,
                );
                month += 1;
            }
        }
        assert_eq!((megan_runs.len(), huw_runs.len()), (12, 52));

        // The year's totals on each PA's last payslip (a P60's figures) are the
        // sum of what the year's FPS files reported, period by period.
        for runs in [&megan_runs, &huw_runs] {
            let slips: Vec<_> = runs
                .iter()
                .map(|(run, _)| run.payslips[0].clone())
                .collect();
            let last = slips.last().unwrap();
            let taxable: i64 = slips.iter().map(|s| s.taxable_pay).sum();
            let tax: i64 = slips.iter().map(|s| s.tax).sum();
            let gross: i64 = slips.iter().map(|s| s.gross).sum();
            let ni: i64 = slips.iter().map(|s| s.employee_ni).sum();
            assert_eq!(last.taxable_pay_to_date, taxable);
            assert_eq!(last.tax_to_date, tax);
            assert_eq!(last.gross_to_date, gross);
            assert_eq!(last.employee_ni_to_date, ni);
            for ((_, message), slip) in runs.iter().zip(&slips) {
                assert!(message.contains(&format!(
                    "<TaxablePay>{}</TaxablePay>",
                    pounds(slip.taxable_pay)
                )));
            }
        }
        // Each PA's P60 gives the same totals, to them and to the officers,
        // and to nobody else.
        for (pa, scope, runs) in [
            (&megan.id, &f.pa, &megan_runs),
            (&huw.id, &f.other, &huw_runs),
        ] {
            let p60 = store.p60(scope, pa, YEAR).await.unwrap().unwrap();
            let slips: Vec<_> = runs
                .iter()
                .map(|(run, _)| run.payslips[0].clone())
                .collect();
            assert_eq!(p60.pay, slips.iter().map(|s| s.taxable_pay).sum::<i64>());
            assert_eq!(p60.tax, slips.iter().map(|s| s.tax).sum::<i64>());
            assert_eq!(
                p60.nics.iter().map(|n| n.employee).sum::<i64>(),
                slips.iter().map(|s| s.employee_ni).sum::<i64>()
            );
            assert_eq!(p60.paye_reference.as_deref(), Some("475/CY12345"));
            assert_eq!(store.p60(&treasurer, pa, YEAR).await.unwrap(), Some(p60));
            assert!(matches!(
                store.p60(&f.sioned, pa, YEAR).await,
                Err(cylch_store::payroll::PayRunError::NotFound)
            ));
        }
        // Megan's pay is above the thresholds: tax, NI and pension were taken.
        let megan_last = &megan_runs.last().unwrap().0.payslips[0];
        assert!(megan_last.tax_to_date > 0 && megan_last.employee_ni_to_date > 0);
        assert!(megan_last.employee_pension_to_date > 0);

        // The books: every penny of gross pay and employer's costs in the
        // funds of the people supported, nothing left owing, and balanced.
        let all: Vec<_> = megan_runs
            .iter()
            .chain(&huw_runs)
            .map(|(run, _)| run.payslips[0].clone())
            .collect();
        let gross: i64 = all.iter().map(|s| s.gross).sum();
        let costs: i64 = all
            .iter()
            .map(|s| s.employer_ni - s.employment_allowance_used + s.employer_pension)
            .sum();
        let tb = store
            .trial_balance(&f.chair, "2026-04-05".parse().unwrap(), None)
            .await
            .unwrap();
        assert!(tb.balances());
        let balance = |code: &str| -> i64 {
            tb.rows
                .iter()
                .filter(|r| r.account.as_str() == code)
                .map(|r| r.debit.get() - r.credit.get())
                .sum()
        };
        assert_eq!(balance(codes::PA_WAGES), gross);
        assert_eq!(balance(codes::EMPLOYER_COSTS), costs);
        for owed in [codes::PAYROLL_CONTROL, codes::HMRC, codes::PENSION] {
            assert_eq!(balance(owed), 0, "{owed}");
        }
        assert_eq!(balance(codes::BANK), -(gross + costs));
        let sioned =
            cylch_ledger::FundId::Person(cylch_ledger::PersonId::new(&f.sioned_id).unwrap());
        let megan_gross: i64 = megan_runs.iter().map(|(r, _)| r.payslips[0].gross).sum();
        let sioned_tb = store
            .trial_balance(&f.chair, "2026-04-05".parse().unwrap(), Some(&sioned))
            .await
            .unwrap();
        let sioned_wages: i64 = sioned_tb
            .rows
            .iter()
            .filter(|r| r.account.as_str() == codes::PA_WAGES)
            .map(|r| r.debit.get() - r.credit.get())
            .sum();
        assert_eq!(
            sioned_wages, megan_gross,
            "Sioned's fund carries Megan's pay"
        );
    }
);

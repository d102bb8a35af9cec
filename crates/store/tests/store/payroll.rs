//! Pay runs in the store, on SQLite and PostgreSQL: a run pays every PA of
//! the frequency with approved time; each payslip equals `cylch payroll
//! calc` on its recorded input; figures to date carry; a period is paid
//! once, also when two officers press at once; an approved run is locked.

use cylch_employment::timesheet::{Figures, LineKind};
use cylch_payroll::{Date, Frequency, TaxYear};
use cylch_store::employment::PaDetails;
use cylch_store::payroll::{PayRun, PayRunError, RunState};
use cylch_store::testing::{count_raw, execute_raw};
use cylch_store::timesheets::NewLine;
use cylch_store::{CoopScope, EmploymentId};

use cylch_employment::employment::{P45, Starter, StarterDeclaration};
use cylch_payroll::TaxCode;

use super::employment::{Family, d, details, family, hire_both, megan_record};
use super::*;

/// An officer besides the chair: the treasurer.
pub(crate) async fn treasurer(store: &Store, f: &Family) -> CoopScope {
    let account = person(store, "trysorydd@example.cymru", false).await;
    store
        .add_member(
            f.chair.account(),
            f.chair.coop_id(),
            &account.id,
            &CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Treasurer),
            None,
        )
        .await
        .unwrap();
    store
        .scope(&account.id, f.chair.coop_id())
        .await
        .unwrap()
        .unwrap()
}

/// Megan works 09:00–17:00 with Sioned on each weekday from `from` to `to`
/// (both included), entered by Megan and approved by Sioned. The clock is
/// moved past `to` first.
async fn weekdays(store: &Store, f: &Family, megan: &EmploymentId, from: Date, to: Date) {
    weekdays_of(store, f, &f.pa, megan, from, to).await;
}

/// As [`weekdays`], for the PA who signs in as `pa`.
pub(crate) async fn weekdays_of(
    store: &Store,
    f: &Family,
    pa: &CoopScope,
    megan: &EmploymentId,
    from: Date,
    to: Date,
) {
    let after = to.add_days(5).unwrap();
    store
        .clock()
        .pin(format!("{after}T09:00:00Z").parse().unwrap());
    let mut day = from;
    while day <= to {
        if day.weekday_from_monday() < 5 {
            store
                .add_timesheet_line(
                    pa,
                    megan,
                    &NewLine {
                        figures: Figures {
                            start: format!("{day}T09:00").parse().unwrap(),
                            end: format!("{day}T17:00").parse().unwrap(),
                            break_minutes: 0,
                            kind: LineKind::Day,
                            woken_minutes: 0,
                        },
                        people: vec![f.sioned_id.clone()],
                    },
                )
                .await
                .unwrap();
        }
        day = day.add_days(1).unwrap();
    }
    store
        .approve_timesheet(&f.sioned, megan, from, &f.sioned_id)
        .await
        .unwrap();
}

pub(crate) fn y26() -> TaxYear {
    TaxYear::Y2026_27
}

/// Every payslip of the run equals the contract's calculation on the
/// run's recorded input.
pub(crate) async fn assert_recomputes(store: &Store, f: &Family, run: &PayRun) {
    let inputs = store.pay_run_inputs(&f.chair, &run.id).await.unwrap();
    assert_eq!(inputs.len(), run.payslips.len());
    for (input, slip) in inputs.iter().zip(&run.payslips) {
        assert_eq!(input.employment, slip.employment);
        let outcome = cylch_payroll::contract::calc_json(&input.input.to_string());
        assert_eq!(outcome.exit_status, 0, "{}", outcome.output);
        let out: serde_json::Value = serde_json::from_str(&outcome.output).unwrap();
        assert_eq!(input.input["gross_pay_pence"], slip.gross);
        for (key, stored) in [
            ("taxable_pay_pence", slip.taxable_pay),
            ("tax_pence", slip.tax),
            ("employee_ni_pence", slip.employee_ni),
            ("employer_ni_pence", slip.employer_ni),
            (
                "employment_allowance_used_pence",
                slip.employment_allowance_used,
            ),
            ("employee_pension_pence", slip.employee_pension),
            ("employer_pension_pence", slip.employer_pension),
            ("net_pay_pence", slip.net_pay),
            ("taxable_pay_to_date_pence", slip.taxable_pay_to_date),
            ("tax_to_date_pence", slip.tax_to_date),
        ] {
            assert_eq!(out[key], stored, "{key}");
        }
        assert_eq!(
            out["auto_enrolment"].as_str(),
            slip.auto_enrolment.as_deref()
        );
    }
}

on_both_databases!(pay_runs_pay_approved_time_and_carry_the_year, |store| {
    let f = family(&store).await;
    let (megan, huw) = hire_both(&store, &f).await;
    let treasurer = treasurer(&store, &f).await;
    // Tax month 2 of 2026-27 is 6 May to 5 June: 23 weekdays.
    weekdays(&store, &f, &megan.id, d(2026, 5, 6), d(2026, 6, 5)).await;

    // Only the officers with the employer's duties run or read pay.
    for scope in [&f.pa, &f.sioned, &f.other] {
        assert!(matches!(
            store
                .start_pay_run(scope, Frequency::Monthly, y26(), 2, d(2026, 6, 5))
                .await,
            Err(PayRunError::NeedsEmployerDuties)
        ));
    }
    assert!(matches!(
        store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 13, d(2026, 6, 5))
            .await,
        Err(PayRunError::BadPeriod(_))
    ));
    assert!(matches!(
        store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 2, d(2026, 4, 5))
            .await,
        Err(PayRunError::PayDateOutsideYear)
    ));
    // Nobody is paid weekly: an empty run is still a run of that period.
    let weekly = store
        .start_pay_run(&f.chair, Frequency::Weekly, y26(), 9, d(2026, 6, 5))
        .await
        .unwrap();
    assert!(weekly.payslips.is_empty());

    let may = store
        .start_pay_run(&treasurer, Frequency::Monthly, y26(), 2, d(2026, 6, 5))
        .await
        .unwrap();
    assert_eq!(may.state, RunState::Draft);
    assert_eq!((may.first, may.last), (d(2026, 5, 6), d(2026, 6, 5)));
    // Huw has no approved time: no payslip.
    assert_eq!(may.payslips.len(), 1);
    assert!(may.payslips.iter().all(|p| p.employment != huw.id));
    let slip = &may.payslips[0];
    // By hand, following docs/payroll.md step by step: 23 days × 8 h ×
    // £13.60 = £2,502.40. C1257L month 2, cumulative: free pay to date
    // £2,096.52, taxable £405.88, rounded down to £405, tax 20% = £81.00.
    // Employee NI (£2,502.40 − £1,048) × 8% = £116.352 → £116.35; employer
    // (£2,502.40 − £417) × 15% = £312.81. Age 30 and above the £833
    // trigger: an eligible jobholder, enrolled; qualifying earnings
    // £2,502.40 − £520 = £1,982.40; 5% = £99.12, less 20% relief at
    // source = £79.296 → £79.30 deducted; employer 3% = £59.472 → £59.47.
    // Net £2,502.40 − £81.00 − £116.35 − £79.30 = £2,225.75.
    assert_eq!(slip.minutes_paid, 23 * 8 * 60);
    assert_eq!(slip.gross, 250_240);
    assert_eq!(slip.tax, 8_100);
    assert_eq!(slip.employee_ni, 11_635);
    assert_eq!(slip.employer_ni, 31_281);
    assert_eq!(slip.auto_enrolment.as_deref(), Some("eligible_jobholder"));
    assert!(slip.pension_enrolled);
    assert_eq!(slip.employee_pension, 7_930);
    assert_eq!(slip.employer_pension, 5_947);
    assert_eq!(slip.net_pay, 222_575);
    assert_eq!(slip.student_loan, 0);
    assert_recomputes(&store, &f, &may).await;

    // The same period again is refused, by anyone; so are later periods
    // while this one waits, and earlier ones once it exists.
    assert!(matches!(
        store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 2, d(2026, 6, 5))
            .await,
        Err(PayRunError::AlreadyRun)
    ));
    assert!(matches!(
        store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 3, d(2026, 7, 5))
            .await,
        Err(PayRunError::EarlierRunNotApproved)
    ));
    assert!(matches!(
        store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 1, d(2026, 5, 5))
            .await,
        Err(PayRunError::LaterPeriodRun)
    ));

    // The treasurer started it, so the chair approves it; then it is
    // locked.
    assert!(matches!(
        store.approve_pay_run(&treasurer, &may.id).await,
        Err(PayRunError::SameOfficer)
    ));
    assert!(matches!(
        store.approve_pay_run(&f.pa, &may.id).await,
        Err(PayRunError::NeedsEmployerDuties)
    ));
    let approved = store.approve_pay_run(&f.chair, &may.id).await.unwrap();
    assert_eq!(approved.state, RunState::Approved);
    assert_eq!(approved.approved_by.as_ref(), Some(f.chair.account()));
    assert_eq!(approved.payslips, may.payslips);
    for scope in [&f.chair, &treasurer] {
        assert!(matches!(
            store.approve_pay_run(scope, &may.id).await,
            Err(PayRunError::Locked)
        ));
    }
    let trail = store
        .audit_of_record("pay_run", may.id.as_str())
        .await
        .unwrap();
    assert_eq!(
        trail.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["created", "updated"]
    );

    // Month 3: 10 weekdays from 8 June. Cumulative tax: pay to date
    // £3,590.40 less pension... the engine's figures carry from month 2.
    weekdays(&store, &f, &megan.id, d(2026, 6, 8), d(2026, 6, 19)).await;
    let june = store
        .start_pay_run(&f.chair, Frequency::Monthly, y26(), 3, d(2026, 7, 3))
        .await
        .unwrap();
    let inputs = store.pay_run_inputs(&f.chair, &june.id).await.unwrap();
    assert_eq!(
        inputs[0].input["taxable_pay_to_date_pence"],
        slip.taxable_pay_to_date
    );
    assert_eq!(inputs[0].input["tax_to_date_pence"], slip.tax_to_date);
    let third = &june.payslips[0];
    assert_eq!(third.gross, 108_800);
    assert_eq!(
        third.taxable_pay_to_date,
        slip.taxable_pay_to_date + third.taxable_pay
    );
    assert_eq!(third.tax_to_date, slip.tax_to_date + third.tax);
    assert_eq!(third.gross_to_date, slip.gross + third.gross);
    assert_eq!(
        third.employee_ni_to_date,
        slip.employee_ni + third.employee_ni
    );
    assert_eq!(
        third.employee_pension_to_date,
        slip.employee_pension + third.employee_pension
    );
    // By hand: pay to date £3,590.40, free pay to month 3 £3,144.78,
    // taxable £445.62 → £445, tax due £89.00, less £81.00 paid: £8.00.
    assert_eq!(third.tax, 800);
    // Still enrolled: once in, in until they opt out.
    assert!(third.pension_enrolled);
    assert_recomputes(&store, &f, &june).await;
    // The chair started this one; the treasurer approves.
    store.approve_pay_run(&treasurer, &june.id).await.unwrap();

    let runs = store.pay_runs(&f.chair).await.unwrap();
    assert_eq!(runs.len(), 3);
    // The database itself keeps payroll records: nothing is deleted, no
    // payslip changes, and an approved run does not change.
    for sql in [
        "DELETE FROM payslip_lines",
        "UPDATE payslip_lines SET minutes = 0",
        "DELETE FROM payslips",
        "UPDATE payslips SET net_pay_pence = 0",
        "DELETE FROM pay_runs",
        "UPDATE pay_runs SET pay_date = '2026-07-01' WHERE state = 'approved'",
    ] {
        assert!(execute_raw(&store, sql).await.is_err(), "{sql}");
    }
    assert_eq!(count_raw(&store, "SELECT COUNT(*) FROM payslips").await, 2);
    assert!(matches!(
        store.pay_runs(&f.pa).await,
        Err(PayRunError::NeedsEmployerDuties)
    ));
});

on_both_databases!(
    a_period_is_paid_once_when_two_officers_press_at_once,
    |store| {
        let f = family(&store).await;
        let (megan, _) = hire_both(&store, &f).await;
        let treasurer = treasurer(&store, &f).await;
        weekdays(&store, &f, &megan.id, d(2026, 5, 6), d(2026, 5, 15)).await;
        let (a, b) = tokio::join!(
            store.start_pay_run(&f.chair, Frequency::Monthly, y26(), 2, d(2026, 6, 5)),
            store.start_pay_run(&treasurer, Frequency::Monthly, y26(), 2, d(2026, 6, 5)),
        );
        let outcomes = [a, b];
        assert_eq!(outcomes.iter().filter(|r| r.is_ok()).count(), 1);
        assert_eq!(
            outcomes
                .iter()
                .filter(|r| matches!(r, Err(PayRunError::AlreadyRun)))
                .count(),
            1
        );
        assert_eq!(count_raw(&store, "SELECT COUNT(*) FROM pay_runs").await, 1);
        assert_eq!(count_raw(&store, "SELECT COUNT(*) FROM payslips").await, 1);
    }
);

on_both_databases!(
    a_new_starter_is_taxed_from_the_p45_or_the_checklist,
    |store| {
        let f = family(&store).await;
        // Megan brings a P45 from a job she left on 30 April; Owen (who signs
        // in as the co-operative's other member) ticked statement B. HMRC has
        // sent neither a code yet.
        let megan = store
            .hire(
                &f.chair,
                &cylch_employment::Employment {
                    starter: Starter::P45(P45 {
                        previous_pay_to_date: 300_000,
                        previous_tax_to_date: 40_000,
                        tax_code: TaxCode::parse("1257L").unwrap(),
                        leaving_date: d(2026, 4, 30),
                    }),
                    ..megan_record()
                },
                &PaDetails {
                    tax_code: None,
                    ..details(Some(f.pa.account()))
                },
            )
            .await
            .unwrap();
        let owen = store
            .hire(
                &f.chair,
                &cylch_employment::Employment {
                    name: PersonName::parse("Owen Price").unwrap(),
                    starter: Starter::Declaration(StarterDeclaration::B),
                    ..megan_record()
                },
                &PaDetails {
                    tax_code: None,
                    ..details(Some(f.other.account()))
                },
            )
            .await
            .unwrap();
        for id in [&megan.id, &owen.id] {
            store
                .link_person(&f.chair, id, &f.sioned_id, false)
                .await
                .unwrap();
        }
        weekdays_of(&store, &f, &f.pa, &megan.id, d(2026, 5, 6), d(2026, 5, 20)).await;
        weekdays_of(
            &store,
            &f,
            &f.other,
            &owen.id,
            d(2026, 5, 6),
            d(2026, 5, 20),
        )
        .await;
        let run = store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 2, d(2026, 6, 5))
            .await
            .unwrap();
        assert_eq!(run.payslips.len(), 2);
        let inputs = store.pay_run_inputs(&f.chair, &run.id).await.unwrap();
        let of = |id: &EmploymentId| &inputs.iter().find(|i| &i.employment == id).unwrap().input;
        // The P45's code, cumulative, with its pay and tax to date.
        let m = of(&megan.id);
        assert_eq!(m["tax_code"], "1257L");
        assert_eq!(m["taxable_pay_to_date_pence"], 300_000);
        assert_eq!(m["tax_to_date_pence"], 40_000);
        assert!(m.get("week1_month1").is_none());
        // Statement B: the emergency code on the month 1 basis.
        let o = of(&owen.id);
        assert_eq!(o["tax_code"], "1257L");
        assert_eq!(o["week1_month1"], true);
        assert_eq!(o["taxable_pay_to_date_pence"], 0);
        let megan_slip = run
            .payslips
            .iter()
            .find(|p| p.employment == megan.id)
            .unwrap();
        assert_eq!(
            megan_slip.taxable_pay_to_date,
            300_000 + megan_slip.taxable_pay
        );
        // The employment's own gross to date leaves the P45 out.
        assert_eq!(megan_slip.gross_to_date, megan_slip.gross);
        assert!(megan_slip.notes.iter().any(|n| n.contains("P45")));
        assert_recomputes(&store, &f, &run).await;
    }
);

on_both_databases!(
    time_approved_after_its_period_was_run_is_paid_next,
    |store| {
        let f = family(&store).await;
        let (megan, _) = hire_both(&store, &f).await;
        let treasurer = treasurer(&store, &f).await;
        // Eight weekdays, 6 to 15 May, paid in month 2.
        weekdays(&store, &f, &megan.id, d(2026, 5, 6), d(2026, 5, 15)).await;
        let may = store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 2, d(2026, 6, 5))
            .await
            .unwrap();
        assert_eq!(may.payslips[0].gross, 8 * 8 * 1_360);
        store.approve_pay_run(&treasurer, &may.id).await.unwrap();

        // Then Megan records a day she forgot (18 May) and corrects 12 May
        // from 8 hours to 9; Sioned approves both.
        let tuesday = store
            .approved_timesheet_lines(&f.chair, &megan.id, d(2026, 5, 12), d(2026, 5, 12))
            .await
            .unwrap()
            .remove(0);
        store
            .add_timesheet_line(
                &f.pa,
                &megan.id,
                &NewLine {
                    figures: Figures {
                        start: "2026-05-18T09:00".parse().unwrap(),
                        end: "2026-05-18T17:00".parse().unwrap(),
                        break_minutes: 0,
                        kind: LineKind::Day,
                        woken_minutes: 0,
                    },
                    people: vec![f.sioned_id.clone()],
                },
            )
            .await
            .unwrap();
        store
            .adjust_timesheet_line(
                &f.pa,
                &megan.id,
                &tuesday.id,
                Figures {
                    start: "2026-05-12T09:00".parse().unwrap(),
                    end: "2026-05-12T18:00".parse().unwrap(),
                    break_minutes: 0,
                    kind: LineKind::Day,
                    woken_minutes: 0,
                },
                "Stayed an hour late",
            )
            .await
            .unwrap();
        store
            .approve_timesheet(&f.sioned, &megan.id, d(2026, 5, 12), &f.sioned_id)
            .await
            .unwrap();

        // Month 3 has no time of its own: it pays the forgotten day and the
        // hour the correction added, 9 hours × £13.60 = £122.40.
        let june = store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 3, d(2026, 7, 3))
            .await
            .unwrap();
        assert_eq!(june.payslips.len(), 1);
        assert_eq!(june.payslips[0].gross, 12_240);
        assert_eq!(june.payslips[0].minutes_paid, 9 * 60);
        assert_recomputes(&store, &f, &june).await;
        store.approve_pay_run(&treasurer, &june.id).await.unwrap();

        // Nothing is paid twice: month 4 finds nothing new.
        let july = store
            .start_pay_run(&f.chair, Frequency::Monthly, y26(), 4, d(2026, 8, 5))
            .await
            .unwrap();
        assert!(july.payslips.is_empty());
    }
);

//! HMRC RTI files: FPS and EPS messages checked with HMRC's own schemas
//! and business rules (`hmrc-rti/`, 2025-26), by `xmllint` and `xsltproc`.
//!
//! The pay figures come from the payroll engine itself, period by period,
//! so each FPS carries figures that agree with one another the way a real
//! pay run's do. Where a figure the engine does not compute is needed (a
//! student loan deduction), the test works it out by hand and says how.
//!
//! The tools are required: a missing `xmllint` or `xsltproc` fails these
//! tests with the command that installs it (scripts/test installs both).

use cylch_payroll::money::{Pence, Percent};
use cylch_payroll::pension::{Arrangement, ContributionBasis, PensionScheme};
use cylch_payroll::rti::check::{
    assert_eps_accepted, assert_fps_accepted, check, check_fps_message,
};
use cylch_payroll::rti::{
    AccountsOfficeReference, Address, AddressEnd, AmountProblem, EmployeeDetails, Employer,
    EmployerPaymentSummary, Employment, EmploymentAllowance, FiguresToDate, FinalSubmission,
    FpsEmployee, FullPaymentSubmission, Gender, HoursWorked, NamePart, NiLetterProblem, NiNumber,
    NicBands, NicFigures, NoPaymentPeriod, PayeReference, Payment, PensionContributions,
    PersonName, PreviousEmployment, RecoverableAmounts, Recovery, RtiError, Starter,
    StarterDeclaration, StateAidSector, StudentLoanDeduction, StudentLoanPlan, pounds,
    transliterate, write_eps, write_fps,
};
use cylch_payroll::{Date, Frequency, NiCategory, PayInput, Period, TaxCode, TaxYear, calculate};

const YEAR: TaxYear = TaxYear::Y2025_26;

// ---------------------------------------------------------------------
// Realistic pay runs, from the payroll engine

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn employer() -> Employer {
    Employer {
        paye_reference: PayeReference::parse("475/CY12345").unwrap(),
        accounts_office_reference: AccountsOfficeReference::parse("475PA00123456").unwrap(),
    }
}

fn address(lines: &[&str], postcode: &str) -> Option<Address> {
    Some(Address {
        lines: lines.iter().map(|l| (*l).to_owned()).collect(),
        end: Some(AddressEnd::UkPostcode(postcode.to_owned())),
    })
}

fn details(forenames: &[&str], surname: &str, born: &str, gender: Gender) -> EmployeeDetails {
    EmployeeDetails {
        ni_number: Some(NiNumber::parse("AB123456C").unwrap()),
        name: PersonName {
            title: None,
            forenames: forenames.iter().map(|f| (*f).to_owned()).collect(),
            surname: surname.to_owned(),
        },
        address: address(&["12 Heol y Bont", "Caerfyrddin"], "SA31 1AA"),
        birth_date: date(born),
        gender,
    }
}

/// Pay date of a period: the 28th of the tax month, or the Friday of the
/// tax week (6 April 2025 was a Sunday, so week 1's Friday is 11 April).
fn pay_date(frequency: Frequency, number: i64) -> Date {
    match frequency {
        Frequency::Monthly => Date::new(2025, 4, 28)
            .unwrap()
            .add_months(number as i32 - 1)
            .unwrap(),
        _ => date("2025-04-11").add_days(7 * (number - 1)).unwrap(),
    }
}

/// Plan 2 student loan for 2025-26 by hand, as HMRC's student loan
/// guidance for employers sets it: 9% of pay above the threshold of
/// £28,470 a year (£2,372.50 a month, £547.50 a week), rounded down to
/// the whole pound.
fn plan2(frequency: Frequency, gross: Pence) -> Pence {
    let threshold = match frequency {
        Frequency::Monthly => 237_250,
        _ => 54_750,
    };
    ((gross - threshold).max(0) * 9 / 100) / 100 * 100
}

struct Pa {
    frequency: Frequency,
    code: &'static str,
    category: NiCategory,
    born: &'static str,
    pension: Option<PensionScheme>,
    student_loan: bool,
    p45: Option<PreviousEmployment>,
}

/// Runs the engine over `pays` (period number and gross pay, in order) and
/// returns the employment as the FPS for the last of them reports it.
fn employment(payroll_id: &str, pa: &Pa, pays: &[(i64, Pence)]) -> Employment {
    let code = TaxCode::parse(pa.code).unwrap();
    let previous = pa.p45.unwrap_or(PreviousEmployment {
        taxable_pay: 0,
        tax: 0,
    });
    let mut to_date = FiguresToDate {
        taxable_pay: previous.taxable_pay,
        tax: previous.tax,
        student_loan: pa.student_loan.then_some(0),
        ..FiguresToDate::default()
    };
    let mut nic = NicFigures {
        category: pa.category,
        gross_earnings: 0,
        gross_earnings_to_date: 0,
        bands_to_date: NicBands::default(),
        employer: 0,
        employer_to_date: 0,
        employee: 0,
        employee_to_date: 0,
    };
    let mut payment = None;
    for &(number, gross) in pays {
        let period = Period::new(pa.frequency, number).unwrap();
        let paid_on = pay_date(pa.frequency, number);
        let slip = calculate(&PayInput {
            year: YEAR,
            period,
            code,
            week1_month1: false,
            category: pa.category,
            gross,
            pension: pa.pension,
            taxable_pay_to_date: to_date.taxable_pay,
            tax_to_date: to_date.tax,
            employment_allowance_left: 0,
            date_of_birth: Some(date(pa.born)),
            hourly_rate: None,
            hours_worked: None,
            pay_date: paid_on,
        })
        .unwrap();
        let loan = if pa.student_loan {
            plan2(pa.frequency, gross)
        } else {
            0
        };
        to_date.taxable_pay = slip.taxable_pay_to_date;
        to_date.tax = slip.tax_to_date;
        to_date.student_loan = to_date.student_loan.map(|s| s + loan);
        to_date.pension.relief_at_source += slip.employee_pension;
        nic.gross_earnings = gross;
        nic.gross_earnings_to_date += gross;
        nic.bands_to_date = nic
            .bands_to_date
            .plus(NicBands::of_period(YEAR, pa.frequency, pa.category, gross))
            .unwrap();
        nic.employer = slip.employer_ni;
        nic.employer_to_date += slip.employer_ni;
        nic.employee = slip.employee_ni;
        nic.employee_to_date += slip.employee_ni;
        payment = Some(Payment {
            period,
            payment_date: paid_on,
            periods_covered: 1,
            late_reason: None,
            hours: HoursWorked::From16To24,
            tax_code: code,
            week1_month1: false,
            taxable_pay: slip.taxable_pay,
            non_taxable_payments: None,
            deductions_from_net_pay: None,
            pay_after_statutory_deductions: Some(gross - slip.tax - slip.employee_ni - loan),
            pension: PensionContributions {
                net_pay_arrangement: 0,
                relief_at_source: slip.employee_pension,
            },
            student_loan: pa.student_loan.then_some(StudentLoanDeduction {
                plan: StudentLoanPlan::Plan2,
                amount: loan,
            }),
            postgraduate_loan: None,
            tax: slip.tax,
            after_leaving: false,
            unpaid_absence: false,
            statutory_to_date: Default::default(),
        });
    }
    Employment {
        payroll_id: payroll_id.to_owned(),
        starter: None,
        irregular_payment_pattern: false,
        leaving_date: None,
        previous_employment: pa.p45,
        to_date,
        payment: payment.expect("at least one pay"),
        nics: vec![nic],
    }
}

fn monthly_pa() -> Pa {
    Pa {
        frequency: Frequency::Monthly,
        code: "C1257L",
        category: NiCategory::A,
        born: "1988-02-14",
        pension: None,
        student_loan: false,
        p45: None,
    }
}

fn fps(employees: Vec<FpsEmployee>) -> FullPaymentSubmission {
    FullPaymentSubmission {
        employer: employer(),
        year: YEAR,
        employees,
        final_submission: None,
    }
}

fn one(details: EmployeeDetails, employment: Employment) -> FullPaymentSubmission {
    fps(vec![FpsEmployee {
        details,
        employments: vec![employment],
    }])
}

/// A monthly PA in month 3 with a NEST pension (relief at source, 5% of
/// qualifying earnings) and a Welsh name and address.
fn welsh_monthly() -> FullPaymentSubmission {
    let pa = Pa {
        pension: Some(PensionScheme {
            arrangement: Arrangement::ReliefAtSource,
            basis: ContributionBasis::QualifyingEarnings,
            employee: Percent::parse("5").unwrap(),
            employer: Percent::parse("3").unwrap(),
            enrolled: true,
        }),
        ..monthly_pa()
    };
    let mut d = details(
        &["Siân", "Gwenllïan"],
        "ap Gruffydd-Ŵyn",
        "1988-02-14",
        Gender::Female,
    );
    d.name.title = Some("Mrs".into());
    d.address = address(
        &["Tŷ Gwyn", "Ffordd y Môr", "Aberystwyth", "Ceredigion"],
        "sy23 1aa",
    );
    one(
        d,
        employment("PA-0001", &pa, &[(1, 180_000), (2, 180_000), (3, 195_000)]),
    )
}

// ---------------------------------------------------------------------
// Files HMRC accepts

#[test]
fn a_monthly_pa_with_a_welsh_name_and_a_pension() {
    let message = assert_fps_accepted("monthly-welsh", &welsh_monthly());
    // Transliterated for HMRC only; the spelling is the person's elsewhere.
    assert!(message.contains("<Ttl>Mrs</Ttl>"));
    assert!(message.contains("<Fore>Sian</Fore>"));
    assert!(message.contains("<Fore>Gwenllian</Fore>"));
    assert!(message.contains("<Sur>ap Gruffydd-Wyn</Sur>"));
    assert!(message.contains("<Line>Ty Gwyn</Line>"));
    assert!(message.contains("<Line>Ffordd y Mor</Line>"));
    assert!(message.contains("<UKPostcode>SY23 1AA</UKPostcode>"));
    // Welsh rates: the C prefix goes in TaxRegime, not in the code.
    assert!(message.contains("<TaxCode TaxRegime=\"C\">1257L</TaxCode>"));
    assert!(message.contains("<MonthNo>3</MonthNo>"));
    assert!(message.contains("<PayFreq>M1</PayFreq>"));
    // Month 1 of payroll.md's worked example: £1,800, tax £150.20 and
    // employee NI £60.16 a month; month 3 is £1,950.
    assert!(message.contains("<GrossEarningsForNICsYTD>5550.00</GrossEarningsForNICsYTD>"));
    // 2025-26 monthly LEL £542 three times; LEL to PT £506 three times.
    assert!(message.contains("<AtLELYTD>1626.00</AtLELYTD>"));
    assert!(message.contains("<LELtoPTYTD>1518.00</LELtoPTYTD>"));
    assert!(message.contains("<EmpeePenContribnsNotPaidYTD>"));
    assert!(message.contains("<RelatedTaxYear>25-26</RelatedTaxYear>"));
    assert!(message.contains(
        "xmlns=\"http://www.govtalk.gov.uk/taxation/PAYE/RTI/FullPaymentSubmission/25-26/1\""
    ));
}

#[test]
fn a_weekly_pa() {
    let pa = Pa {
        frequency: Frequency::Weekly,
        ..monthly_pa()
    };
    let pays: Vec<(i64, Pence)> = (1..=10).map(|w| (w, 32_500)).collect();
    let mut e = employment("PA-0002", &pa, &pays);
    e.payment.hours = HoursWorked::From24To30;
    let d = details(&["Dafydd"], "ap Gruffydd", "1979-11-02", Gender::Male);
    let message = assert_fps_accepted("weekly", &one(d, e));
    assert!(message.contains("<Sur>ap Gruffydd</Sur>"));
    assert!(message.contains("<PayFreq>W1</PayFreq>"));
    assert!(message.contains("<WeekNo>10</WeekNo>"));
    assert!(message.contains("<HoursWorked>C</HoursWorked>"));
    // Weekly LEL £125 ten times.
    assert!(message.contains("<AtLELYTD>1250.00</AtLELYTD>"));
}

#[test]
fn a_new_starter_with_a_p45() {
    // Started in month 5 with a P45 for £9,000 pay and £800 tax earlier
    // this year; the engine's to-date figures include them, the FPS's are
    // for this employment only.
    let p45 = PreviousEmployment {
        taxable_pay: 900_000,
        tax: 80_000,
    };
    let pa = Pa {
        p45: Some(p45),
        ..monthly_pa()
    };
    let mut e = employment("PA-0003", &pa, &[(5, 210_000)]);
    e.starter = Some(Starter {
        start_date: date("2025-08-11"),
        declaration: StarterDeclaration::OnlyJob,
        student_loan: false,
        postgraduate_loan: false,
    });
    let taxable_here = e.to_date.taxable_pay - p45.taxable_pay;
    let tax_here = e.to_date.tax - p45.tax;
    assert_eq!(taxable_here, 210_000);
    let d = details(&["Rhian"], "Morgan", "1995-06-30", Gender::Female);
    let message = assert_fps_accepted("starter-p45", &one(d, e));
    assert!(message.contains("<StartDate>2025-08-11</StartDate>"));
    assert!(message.contains("<StartDec>B</StartDec>"));
    assert!(message.contains(&format!(
        "<TaxablePay>{}</TaxablePay>",
        pounds(taxable_here)
    )));
    assert!(message.contains(&format!("<TotalTax>{}</TotalTax>", pounds(tax_here))));
}

#[test]
fn a_new_starter_without_an_ni_number() {
    let mut e = employment("PA-0004", &monthly_pa(), &[(2, 120_000)]);
    e.starter = Some(Starter {
        start_date: date("2025-05-19"),
        declaration: StarterDeclaration::FirstJobSinceApril,
        student_loan: false,
        postgraduate_loan: false,
    });
    let mut d = details(&["Ffion"], "Hughes", "2006-09-01", Gender::Female);
    d.ni_number = None;
    let message = assert_fps_accepted("starter-no-nino", &one(d, e));
    assert!(!message.contains("<NINO>"));
    assert!(message.contains("<StartDec>A</StartDec>"));
}

#[test]
fn a_leaver() {
    let mut e = employment(
        "PA-0005",
        &monthly_pa(),
        &[(1, 150_000), (2, 150_000), (3, 150_000), (4, 75_000)],
    );
    e.leaving_date = Some(date("2025-07-18"));
    let d = details(&["Gareth"], "Pritchard", "1970-03-09", Gender::Male);
    let message = assert_fps_accepted("leaver", &one(d.clone(), e.clone()));
    assert!(message.contains("<LeavingDate>2025-07-18</LeavingDate>"));

    // And a payment after leaving, which needs the date (rule 7847).
    e.payment.after_leaving = true;
    let message = assert_fps_accepted("leaver-after", &one(d.clone(), e.clone()));
    assert!(message.contains("<PmtAfterLeaving>yes</PmtAfterLeaving>"));
    e.leaving_date = None;
    assert_eq!(
        write_fps(&one(d, e)),
        Err(RtiError::PaymentAfterLeavingWithoutDate("PA-0005".into()))
    );
}

#[test]
fn a_pa_with_a_student_loan() {
    let pa = Pa {
        student_loan: true,
        ..monthly_pa()
    };
    let mut e = employment("PA-0006", &pa, &[(1, 260_000), (2, 260_000)]);
    e.starter = Some(Starter {
        start_date: date("2025-04-07"),
        declaration: StarterDeclaration::FirstJobSinceApril,
        student_loan: true,
        postgraduate_loan: false,
    });
    let d = details(&["Owain"], "Glyndŵr", "1999-01-20", Gender::Male);
    let message = assert_fps_accepted("student-loan", &one(d, e));
    // (£2,600 − £2,372.50) × 9% = £20.475, so £20 a month.
    assert!(message.contains("<StudentLoanRecovered PlanType=\"02\">20.00</StudentLoanRecovered>"));
    assert!(message.contains("<StudentLoansTD>40.00</StudentLoansTD>"));
    assert!(message.contains("<StudentLoan>yes</StudentLoan>"));
    assert!(message.contains("<Sur>Glyndwr</Sur>"));
}

#[test]
fn a_period_with_no_pay() {
    // An irregular PA paid in month 1 and nothing in month 2, reported so
    // the year's figures stand.
    let mut e = employment("PA-0007", &monthly_pa(), &[(1, 60_000), (2, 0)]);
    e.irregular_payment_pattern = true;
    e.payment.hours = HoursWorked::Other;
    e.payment.unpaid_absence = true;
    let d = details(&["Mair"], "Jones", "1961-04-01", Gender::Female);
    let message = assert_fps_accepted("zero-pay", &one(d, e));
    assert!(message.contains("<IrrEmp>yes</IrrEmp>"));
    assert!(message.contains("<TaxablePay>0.00</TaxablePay>"));
    assert!(message.contains("<TaxDeductedOrRefunded>0.00</TaxDeductedOrRefunded>"));
    assert!(message.contains("<HoursWorked>E</HoursWorked>"));
}

#[test]
fn a_whole_pay_run_and_the_last_fps_of_the_year() {
    let mut run = welsh_monthly();
    run.employees.push(FpsEmployee {
        details: details(&["Gareth"], "Pritchard", "1970-03-09", Gender::Male),
        employments: vec![employment("PA-0005", &monthly_pa(), &[(3, 150_000)])],
    });
    run.employees.push(FpsEmployee {
        details: details(&["Mair"], "Jones", "1958-04-01", Gender::Female),
        employments: vec![employment(
            "PA-0008",
            &Pa {
                category: NiCategory::C,
                ..monthly_pa()
            },
            &[(3, 90_000)],
        )],
    });
    assert_fps_accepted("pay-run", &run);

    let mut last = fps(Vec::new());
    last.final_submission = Some(FinalSubmission::ForYear);
    let message = assert_fps_accepted("final", &last);
    assert!(message.contains("<ForYear>yes</ForYear>"));
}

#[test]
fn every_kind_of_tax_code_and_a_fortnightly_payroll() {
    // Each code through the engine and into one FPS; HMRC's schema takes
    // the code without its prefix or basis marker.
    let codes = [
        ("S1257L", "<TaxCode TaxRegime=\"S\">1257L</TaxCode>"),
        ("CK475", "<TaxCode TaxRegime=\"C\">K475</TaxCode>"),
        ("BR", "<TaxCode>BR</TaxCode>"),
        ("NT", "<TaxCode>NT</TaxCode>"),
        ("SD2", "<TaxCode TaxRegime=\"S\">D2</TaxCode>"),
        ("0T M1", "<TaxCode BasisNonCumulative=\"yes\">0T</TaxCode>"),
        (
            "1257L W1",
            "<TaxCode BasisNonCumulative=\"yes\">1257L</TaxCode>",
        ),
    ];
    let employees = codes
        .iter()
        .enumerate()
        .map(|(i, (code, _))| {
            let pa = Pa {
                frequency: Frequency::TwoWeekly,
                code,
                ..monthly_pa()
            };
            let mut e = employment(&format!("PA-1{i:03}"), &pa, &[(2, 90_000), (4, 90_000)]);
            // Fortnightly periods are numbered by their last week; the pay
            // date falls in it.
            e.payment.payment_date = date("2025-05-02");
            FpsEmployee {
                details: details(&["Elin"], "Rees", "1984-05-05", Gender::Female),
                employments: vec![e],
            }
        })
        .collect();
    let message = assert_fps_accepted("tax-codes", &fps(employees));
    for (_, written) in codes {
        assert!(message.contains(written), "{written}");
    }
    assert!(message.contains("<PayFreq>W2</PayFreq>"));
    assert!(message.contains("<WeekNo>4</WeekNo>"));
}

// ---------------------------------------------------------------------
// The checks catch what HMRC would refuse

#[test]
fn a_broken_file_is_reported_by_the_business_rules() {
    let mut e = employment("PA-0003", &monthly_pa(), &[(5, 210_000)]);
    e.starter = Some(Starter {
        start_date: date("2025-08-11"),
        declaration: StarterDeclaration::OnlyJob,
        student_loan: false,
        postgraduate_loan: false,
    });
    let d = details(&["Rhian"], "Morgan", "1995-06-30", Gender::Female);
    let good = write_fps(&one(d, e)).unwrap();

    // A starter without the starter declaration: still valid against the
    // schema, refused by rule 7881.
    let no_declaration = good.replace("<StartDec>B</StartDec>", "");
    assert_ne!(no_declaration, good);
    let report = check_fps_message("broken-startdec", &no_declaration);
    assert_eq!(report.body, Ok(()));
    // Rule 7878 (a start date needs a declaration or one of its
    // alternatives) fails with it.
    let numbers: Vec<&str> = report.rules.iter().map(|r| r.number.as_str()).collect();
    assert_eq!(numbers, vec!["7878", "7881"], "{:?}", report.rules);
    assert!(report.rules[1].text.contains("[STARTINGDECLARATION]"));
    assert!(
        report.rules[1]
            .location
            .ends_with("/fps:Employee[1]/fps:Employment[1]")
    );

    // Keys in the GovTalk header that differ from the IRheader's (5005),
    // and a male PA with letter B (7849).
    let wrong_key = good.replacen(
        "<Key Type=\"TaxOfficeReference\">CY12345</Key>",
        "<Key Type=\"TaxOfficeReference\">CY99999</Key>",
        1,
    );
    let numbers: Vec<String> = check_fps_message("broken-keys", &wrong_key)
        .rules
        .into_iter()
        .map(|r| r.number)
        .collect();
    assert_eq!(numbers, vec!["5005"]);
    let male_b = good
        .replace("<Gender>F</Gender>", "<Gender>M</Gender>")
        .replace("<NIletter>A</NIletter>", "<NIletter>B</NIletter>");
    let numbers: Vec<String> = check_fps_message("broken-letter", &male_b)
        .rules
        .into_iter()
        .map(|r| r.number)
        .collect();
    assert!(numbers.contains(&"7849".to_owned()), "{numbers:?}");
}

#[test]
fn a_broken_file_is_reported_by_the_schemas() {
    let good = write_fps(&welsh_monthly()).unwrap();
    // Earnings at the LEL must be whole pounds.
    let pence = good.replace(
        "<AtLELYTD>1626.00</AtLELYTD>",
        "<AtLELYTD>1626.50</AtLELYTD>",
    );
    assert_ne!(pence, good);
    let report = check_fps_message("broken-lel", &pence);
    assert!(
        report.body.as_ref().is_err_and(|e| e.contains("AtLELYTD")),
        "{report:?}"
    );
    // An accent the FPS does not take.
    let accent = good.replace("<Fore>Sian</Fore>", "<Fore>Siân</Fore>");
    let report = check_fps_message("broken-accent", &accent);
    assert!(
        report.body.as_ref().is_err_and(|e| e.contains("Fore")),
        "{report:?}"
    );
    // An envelope element out of order.
    let envelope = good.replace(
        "<Qualifier>request</Qualifier>",
        "<Qualifier>sometime</Qualifier>",
    );
    let report = check_fps_message("broken-envelope", &envelope);
    assert!(report.envelope.is_err(), "{report:?}");
}

// ---------------------------------------------------------------------
// What the writer refuses rather than write

#[test]
fn the_writer_refuses_what_hmrc_would() {
    let e = || employment("PA-0009", &monthly_pa(), &[(1, 100_000)]);
    let d = || details(&["Nia"], "Evans", "1990-01-01", Gender::Female);

    let mut name = d();
    name.name.surname = "李".into();
    assert_eq!(
        write_fps(&one(name, e())),
        Err(RtiError::Name {
            employee: "PA-0009".into(),
            part: NamePart::Surname
        })
    );
    let mut name = d();
    name.name.forenames = vec!["…".into()];
    assert!(matches!(
        write_fps(&one(name, e())),
        Err(RtiError::Name {
            part: NamePart::Forename,
            ..
        })
    ));

    let mut starter = e();
    starter.starter = Some(Starter {
        start_date: date("2025-04-20"),
        declaration: StarterDeclaration::AnotherJobOrPension,
        student_loan: false,
        postgraduate_loan: false,
    });
    let mut one_line = d();
    one_line.address = address(&["Caerfyrddin"], "SA31 1AA");
    assert!(matches!(
        write_fps(&one(one_line, starter)),
        Err(RtiError::AddressTooShort { .. })
    ));

    let mut male_b = d();
    male_b.gender = Gender::Male;
    let mut b = e();
    b.nics[0].category = NiCategory::B;
    assert!(matches!(
        write_fps(&one(male_b, b.clone())),
        Err(RtiError::NiLetters {
            problem: NiLetterProblem::ReducedRateMale,
            ..
        })
    ));
    assert!(matches!(
        write_fps(&one(d(), b)),
        Err(RtiError::NiLetters {
            problem: NiLetterProblem::ReducedRateBornAfter1961,
            ..
        })
    ));

    let mut plan5 = e();
    plan5.payment.student_loan = Some(StudentLoanDeduction {
        plan: StudentLoanPlan::Plan5,
        amount: 1_000,
    });
    assert!(matches!(
        write_fps(&one(d(), plan5)),
        Err(RtiError::StudentLoanPlan { .. })
    ));

    let mut pence_loan = e();
    pence_loan.payment.student_loan = Some(StudentLoanDeduction {
        plan: StudentLoanPlan::Plan1,
        amount: 1_050,
    });
    assert!(matches!(
        write_fps(&one(d(), pence_loan)),
        Err(RtiError::Amount {
            problem: AmountProblem::NotWholePounds,
            ..
        })
    ));

    let mut id = e();
    id.payroll_id = "PA#9".into();
    assert_eq!(
        write_fps(&one(d(), id)),
        Err(RtiError::PayrollId("PA#9".into()))
    );

    let mut p45 = e();
    p45.previous_employment = Some(PreviousEmployment {
        taxable_pay: 10_000_000,
        tax: 0,
    });
    assert!(matches!(
        write_fps(&one(d(), p45)),
        Err(RtiError::PreviousEmployment { .. })
    ));

    let mut wrong_month = e();
    wrong_month.payment.payment_date = date("2025-05-06");
    assert!(matches!(
        write_fps(&one(d(), wrong_month)),
        Err(RtiError::PeriodNotOfPaymentDate { number: 1, .. })
    ));

    let mut next_year = e();
    next_year.payment.payment_date = date("2026-04-28");
    assert!(matches!(
        write_fps(&one(d(), next_year)),
        Err(RtiError::DateOutsideYear { .. })
    ));

    assert_eq!(write_fps(&fps(Vec::new())), Err(RtiError::NoEmployees));
}

// ---------------------------------------------------------------------
// EPS

fn eps() -> EmployerPaymentSummary {
    EmployerPaymentSummary {
        employer: employer(),
        year: YEAR,
        no_payment: None,
        employment_allowance: None,
        recoverable: None,
        final_submission: None,
    }
}

#[test]
fn an_eps_for_a_month_with_no_payment() {
    let message = assert_eps_accepted(
        "eps-no-payment",
        &EmployerPaymentSummary {
            no_payment: Some(NoPaymentPeriod {
                from_month: 4,
                to_month: 5,
            }),
            ..eps()
        },
    );
    assert!(message.contains("<Class>HMRC-PAYE-RTI-EPS</Class>"));
    assert!(message.contains("<NoPaymentForPeriod>yes</NoPaymentForPeriod>"));
    assert!(message.contains("<From>2025-07-06</From>"));
    assert!(message.contains("<To>2025-09-05</To>"));
}

#[test]
fn an_eps_claiming_the_employment_allowance() {
    let message = assert_eps_accepted(
        "eps-allowance",
        &EmployerPaymentSummary {
            employment_allowance: Some(EmploymentAllowance::Claim {
                state_aid: StateAidSector::NotApplicable,
            }),
            ..eps()
        },
    );
    assert!(message.contains("<EmpAllceInd>yes</EmpAllceInd>"));
    assert!(message.contains("<NA>yes</NA>"));
}

#[test]
fn an_eps_recovering_statutory_pay() {
    // SMP of £4,000 and SPP of £375 paid to date: 92% recovered
    // (£3,680.00 and £345.00), no small employers' compensation.
    let message = assert_eps_accepted(
        "eps-recovery",
        &EmployerPaymentSummary {
            recoverable: Some(RecoverableAmounts {
                tax_month: 6,
                maternity: Some(Recovery {
                    recovered: 368_000,
                    nic_compensation: 0,
                }),
                paternity: Some(Recovery {
                    recovered: 34_500,
                    nic_compensation: 1_125,
                }),
                ..RecoverableAmounts::default()
            }),
            final_submission: Some(FinalSubmission::ForYear),
            ..eps()
        },
    );
    assert!(message.contains("<SMPRecovered>3680.00</SMPRecovered>"));
    assert!(message.contains("<SPPRecovered>345.00</SPPRecovered>"));
    assert!(message.contains("<NICCompensationOnSPP>11.25</NICCompensationOnSPP>"));
    assert!(!message.contains("NICCompensationOnSMP"));
}

#[test]
fn an_eps_says_something_or_is_refused() {
    assert_eq!(write_eps(&eps()), Err(RtiError::EmptyEps));
    let broken = write_eps(&EmployerPaymentSummary {
        no_payment: Some(NoPaymentPeriod {
            from_month: 1,
            to_month: 1,
        }),
        ..eps()
    })
    .unwrap()
    .replace("<From>2025-04-06</From>", "<From>2025-04-07</From>");
    let report = check(
        "eps-broken",
        &broken,
        "EmployerPaymentSummary-2026-v1-0.xsd",
        false,
    );
    assert!(report.body.is_err(), "{report:?}");
}

// ---------------------------------------------------------------------
// Characters and money, through the public API

#[test]
fn transliteration_for_the_fps() {
    assert_eq!(transliterate("Siân"), "Sian");
    assert_eq!(transliterate("Dafydd ap Gruffydd"), "Dafydd ap Gruffydd");
    assert_eq!(
        transliterate("Ŵ ŵ Ŷ ŷ â ê î ô û ï ë"),
        "W w Y y a e i o u i e"
    );
    assert_eq!(
        transliterate("Llanfair-ym-Muallt, Tŷ’r Gŵr"),
        "Llanfair-ym-Muallt, Ty'r Gwr"
    );
}

#[test]
fn money_from_pence() {
    assert_eq!(pounds(0), "0.00");
    assert_eq!(pounds(1), "0.01");
    assert_eq!(pounds(15_020), "150.20");
    assert_eq!(pounds(-15_020), "-150.20");
    assert_eq!(pounds(1_050_000), "10500.00");
}

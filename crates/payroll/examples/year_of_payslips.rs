//! Benchmark: a whole tax year of payslips for 10,000 PAs, cumulative PAYE
//! fed forward period by period, with a mix of frequencies, tax codes, NI
//! letters and pensions. Run through bench/payroll/run.sh.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Instant;

use cylch_payroll::money::Percent;
use cylch_payroll::pension::{Arrangement, ContributionBasis, PensionScheme};
use cylch_payroll::{Date, Frequency, NiCategory, PayInput, Period, TaxCode, TaxYear, calculate};

const PAS: usize = 10_000;

struct Pa {
    frequency: Frequency,
    code: TaxCode,
    category: NiCategory,
    pay: i64,
    pension: Option<PensionScheme>,
    born: Date,
}

fn staff() -> Vec<Pa> {
    let codes = [
        "1257L", "C1257L", "S1257L", "K475", "BR", "0T", "1100L", "SD1", "1257L W1",
    ];
    let frequencies = [
        Frequency::Monthly,
        Frequency::Monthly,
        Frequency::Weekly,
        Frequency::TwoWeekly,
        Frequency::FourWeekly,
    ];
    (0..PAS)
        .map(|i| {
            let frequency = frequencies[i % frequencies.len()];
            let monthly_pay = 60_000 + (i as i64 * 7_919) % 400_000;
            let pay = match frequency {
                Frequency::Monthly => monthly_pay,
                Frequency::Weekly => monthly_pay * 12 / 52,
                Frequency::TwoWeekly => monthly_pay * 24 / 52,
                Frequency::FourWeekly => monthly_pay * 48 / 52,
            };
            Pa {
                frequency,
                code: TaxCode::parse(codes[i % codes.len()]).unwrap(),
                category: NiCategory::ALL[i % NiCategory::ALL.len()],
                pay,
                pension: (i % 3 != 0).then(|| PensionScheme {
                    arrangement: if i % 2 == 0 {
                        Arrangement::ReliefAtSource
                    } else {
                        Arrangement::NetPay
                    },
                    basis: ContributionBasis::QualifyingEarnings,
                    employee: Percent::parse("5").unwrap(),
                    employer: Percent::parse("3").unwrap(),
                    enrolled: true,
                }),
                born: Date::new(
                    1960 + (i % 45) as i32,
                    1 + (i % 12) as u32,
                    1 + (i % 28) as u32,
                )
                .unwrap(),
            }
        })
        .collect()
}

/// Computes every payslip of the year; returns how many and a checksum so
/// the work cannot be optimised away.
fn run_year(year: TaxYear, staff: &[Pa]) -> (usize, i64) {
    let mut payslips = 0;
    let mut checksum = 0i64;
    for pa in staff {
        let step = pa.frequency.units_per_period();
        let last = match pa.frequency {
            Frequency::Monthly => 12,
            _ => 52,
        };
        let (mut pay_to_date, mut tax_to_date) = (0, 0);
        let mut unit = step;
        while unit <= last {
            let period = Period::new(pa.frequency, unit).unwrap();
            let slip = calculate(&PayInput {
                year,
                period,
                code: pa.code,
                week1_month1: false,
                category: pa.category,
                gross: pa.pay,
                pension: pa.pension,
                taxable_pay_to_date: pay_to_date,
                tax_to_date,
                employment_allowance_left: 0,
                date_of_birth: Some(pa.born),
                hourly_rate: None,
                hours_worked: None,
                pay_date: period.last_day(year),
            })
            .unwrap();
            pay_to_date = slip.taxable_pay_to_date;
            tax_to_date = slip.tax_to_date;
            checksum = checksum.wrapping_add(slip.net_pay);
            payslips += 1;
            unit += step;
        }
    }
    (payslips, checksum)
}

fn main() {
    let staff = staff();
    let mut times = Vec::new();
    let mut last = (0, 0);
    for _ in 0..7 {
        let start = Instant::now();
        last = run_year(TaxYear::Y2026_27, &staff);
        times.push(start.elapsed());
    }
    times.sort();
    let (payslips, checksum) = last;
    println!(
        "{PAS} PAs, one tax year (2026-27), {payslips} payslips: median {:.1} ms, best {:.1} ms over {} runs (checksum {checksum})",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times.len()
    );
}

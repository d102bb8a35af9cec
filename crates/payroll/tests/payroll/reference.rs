//! A second, deliberately plain implementation of HMRC's method, used only
//! to produce expected figures for the differential tests.
//!
//! It was written from docs/payroll.md, docs/payroll-contract.md and
//! HMRC's "Rates and thresholds for employers" pages for 2025-26 and
//! 2026-27, without looking at or calling the engine: every figure below is
//! typed in again in pounds from those pages, and the arithmetic uses exact
//! fractions rather than the engine's scaled integers. Where HMRC's
//! material leaves a choice it follows the contract's "Rules that fix
//! every figure", as revised to follow HMRC's test data (band choice on
//! the unrounded taxable pay against limits rounded up to the pound; the
//! 50% overriding limit for every code; NI rounded band by band by the
//! third decimal place). Speed and elegance do not matter here; being
//! obviously right does.

/// An exact fraction, always reduced, denominator positive.
#[derive(Clone, Copy, Debug)]
pub struct Frac {
    n: i128,
    d: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

impl Frac {
    pub fn new(n: i128, d: i128) -> Frac {
        assert!(d != 0);
        let sign = if d < 0 { -1 } else { 1 };
        let g = gcd(n, d).max(1);
        Frac {
            n: sign * n / g,
            d: sign * d / g,
        }
    }
    pub fn int(n: i128) -> Frac {
        Frac::new(n, 1)
    }
    pub fn add(self, o: Frac) -> Frac {
        Frac::new(self.n * o.d + o.n * self.d, self.d * o.d)
    }
    pub fn sub(self, o: Frac) -> Frac {
        Frac::new(self.n * o.d - o.n * self.d, self.d * o.d)
    }
    pub fn mul(self, o: Frac) -> Frac {
        Frac::new(self.n * o.n, self.d * o.d)
    }
    pub fn floor(self) -> i128 {
        let q = self.n / self.d;
        if self.n % self.d != 0 && self.n < 0 {
            q - 1
        } else {
            q
        }
    }
    pub fn ceil(self) -> i128 {
        -Frac::new(-self.n, self.d).floor()
    }
    /// Nearest whole; exactly half goes up.
    pub fn round_half_up(self) -> i128 {
        self.add(Frac::new(1, 2)).floor()
    }
}

/// Reads "8.5" as the fraction 17/2.
pub fn decimal(text: &str) -> Frac {
    match text.split_once('.') {
        None => Frac::int(text.parse().unwrap()),
        Some((w, f)) => {
            let den = 10i128.pow(f.len() as u32);
            Frac::new(
                w.parse::<i128>().unwrap() * den + f.parse::<i128>().unwrap(),
                den,
            )
        }
    }
}

// ---------------------------------------------------------------- figures

/// Income tax bands: (top of band in taxable pay in pounds, rate in %).
const RUK: &[(Option<i128>, i128)] = &[(Some(37_700), 20), (Some(125_140), 40), (None, 45)];
const SCOT_2025: &[(Option<i128>, i128)] = &[
    (Some(2_827), 19),
    (Some(14_921), 20),
    (Some(31_092), 21),
    (Some(62_430), 42),
    (Some(125_140), 45),
    (None, 48),
];
const SCOT_2026: &[(Option<i128>, i128)] = &[
    (Some(3_967), 19),
    (Some(16_956), 20),
    (Some(31_092), 21),
    (Some(62_430), 42),
    (Some(125_140), 45),
    (None, 48),
];

/// NI thresholds in pounds: (PT, ST, UEL, UST) — weekly, monthly, yearly.
/// The same for both years (frozen); the LEL plays no part in the sums.
const NI_WEEKLY: (i128, i128, i128, i128) = (242, 96, 967, 967);
const NI_MONTHLY: (i128, i128, i128, i128) = (1_048, 417, 4_189, 4_189);
const NI_YEARLY: (i128, i128, i128, i128) = (12_570, 5_000, 50_270, 50_270);

// ---------------------------------------------------------------- inputs

#[derive(Clone, Debug)]
pub struct Case {
    pub tax_year: &'static str,
    pub frequency: &'static str,
    pub period: i64,
    pub tax_code: String,
    pub week1_month1: bool,
    pub ni_category: char,
    pub gross: i64,
    pub pay_to_date: i64,
    pub tax_to_date: i64,
    pub allowance_left: i64,
    /// (arrangement, basis, employee %, employer %)
    pub pension: Option<(&'static str, &'static str, &'static str, &'static str)>,
    /// (year, month, day) of birth
    pub born: Option<(i32, u32, u32)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    pub taxable_pay: i64,
    pub tax: i64,
    pub employee_ni: i64,
    pub employer_ni: i64,
    pub allowance_used: i64,
    pub employee_pension: i64,
    pub employer_pension: i64,
    pub auto_enrolment: Option<&'static str>,
    pub net_pay: i64,
    pub pay_to_date: i64,
    pub tax_to_date: i64,
}

// ---------------------------------------------------------------- tax

enum Kind {
    Allowance(i128),
    K(i128),
    Flat(i128),
    NoTax,
}

/// Returns (region letter, kind, non-cumulative marker).
fn read_code(code: &str) -> (char, Kind, bool) {
    let mut c = code.to_string();
    let mut w1 = false;
    for end in ["W1", "M1", "X"] {
        if c.ends_with(end) && c.len() > end.len() {
            c.truncate(c.len() - end.len());
            c = c.trim_end().to_string();
            w1 = true;
            break;
        }
    }
    let region = if c.starts_with('S') {
        c.remove(0);
        'S'
    } else if c.starts_with('C') {
        c.remove(0);
        'C'
    } else {
        'E'
    };
    let kind = if c == "NT" {
        Kind::NoTax
    } else if c == "BR" {
        Kind::Flat(20)
    } else if let Some(d) = c.strip_prefix('D') {
        let rates: &[i128] = if region == 'S' {
            &[21, 42, 45, 48]
        } else {
            &[40, 45]
        };
        Kind::Flat(rates[d.parse::<usize>().unwrap()])
    } else if let Some(k) = c.strip_prefix('K') {
        Kind::K(k.parse().unwrap())
    } else {
        Kind::Allowance(c[..c.len() - 1].parse().unwrap())
    };
    (region, kind, w1)
}

/// Tables A: the pay adjustment for one week or month, in pence.
fn one_period_adjustment(number: i128, monthly: bool) -> i128 {
    if number == 0 {
        return 0;
    }
    let mut q = number / 500;
    let mut r = number % 500;
    if r == 0 {
        q -= 1;
        r = 500;
    }
    let per_year_pence = (r * 10 + 9) * 100;
    if monthly {
        q * 41_667 + Frac::new(per_year_pence, 12).ceil()
    } else {
        q * 9_616 + Frac::new(per_year_pence, 52).ceil()
    }
}

/// Income tax bands as (top of band in taxable pay in pounds, rate in %).
pub type Bands = &'static [(Option<i128>, i128)];

/// The year's bands for a region letter from `read_code`.
fn bands_for(region: char, year: &str) -> Bands {
    match (region, year) {
        ('S', "2025-26") => SCOT_2025,
        ('S', _) => SCOT_2026,
        _ => RUK,
    }
}

fn tax_due(bands: Bands, kind: &Kind, pay: i128, units: i128, monthly: bool) -> i128 {
    let pounds = |p: i128| Frac::new(p, 100).floor() * 100;
    let per_year: i128 = if monthly { 12 } else { 52 };
    // Taxable pay to date, not yet rounded ("Un" in HMRC's specification).
    let un = match kind {
        Kind::NoTax => return 0,
        Kind::Flat(rate) => {
            let t = pounds(pay.max(0));
            return Frac::new(t * rate, 100).floor();
        }
        Kind::Allowance(n) => pay - one_period_adjustment(*n, monthly) * units,
        Kind::K(n) => pay + one_period_adjustment(*n, monthly) * units,
    };
    if un <= 0 {
        return 0;
    }
    // docs/payroll-contract.md, "Rounding in tax": U (`un`) is not
    // rounded; T is U rounded down to the pound. Each band's limit to date
    // c is the annual limit × periods ÷ 52 (÷ 12), not rounded; the band is
    // the first whose c, rounded up to the whole pound, U does not exceed
    // (or the top band). The tax to date is the tax on all the bands below
    // it, k, plus (T − c of the band below) × its rate; only the total is
    // rounded down to the penny.
    let t = Frac::int(pounds(un));
    let mut c_below = Frac::int(0);
    let mut k_below = Frac::int(0);
    for (top, rate) in bands {
        let rate = Frac::new(*rate, 100);
        let chosen = match top {
            None => true,
            Some(top) => {
                let c = Frac::new(top * 100 * units, per_year);
                // c rounded up to the whole pound, in pence.
                let rounded_up = Frac::new(c.ceil(), 100).ceil() * 100;
                if un <= rounded_up {
                    true
                } else {
                    k_below = k_below.add(c.sub(c_below).mul(rate));
                    c_below = c;
                    false
                }
            }
        };
        if chosen {
            return k_below.add(t.sub(c_below).mul(rate)).floor();
        }
    }
    unreachable!("the last band is open")
}

/// This period's tax for `code` on the given bands: the contract's basis,
/// rounding and overriding-limit rules, nothing else. `taxable_pay` is this
/// period's gross pay less net-pay pension; the other two amounts are the
/// to-date figures before this period.
#[allow(clippy::too_many_arguments)]
pub fn tax_this_period(
    bands: Bands,
    code: &str,
    frequency: &str,
    period: i64,
    week1_month1: bool,
    taxable_pay: i128,
    pay_to_date_before: i128,
    tax_to_date_before: i128,
) -> i128 {
    let monthly = frequency == "monthly";
    let weeks_per_period: i128 = match frequency {
        "two_weekly" => 2,
        "four_weekly" => 4,
        _ => 1,
    };
    let (_, kind, code_w1) = read_code(code);
    let extra_week = matches!(
        (frequency, period),
        ("weekly", 53) | ("two_weekly", 54) | ("four_weekly", 56)
    );
    let tax = if extra_week || week1_month1 || code_w1 {
        tax_due(bands, &kind, taxable_pay, weeks_per_period, monthly)
    } else {
        // Cumulative, NT included: tax due to date less tax already paid.
        tax_due(
            bands,
            &kind,
            pay_to_date_before + taxable_pay,
            period as i128,
            monthly,
        ) - tax_to_date_before
    };
    // The overriding limit (contract, "Overriding limit, every code"):
    // every code, every basis, half of this period's gross pay less
    // net-pay pension, rounded down to the penny; a refund is not limited.
    tax.min(Frac::new(taxable_pay.max(0), 2).floor())
}

// ---------------------------------------------------------------- NI

fn ni_thresholds(frequency: &str) -> (i128, i128, i128, i128) {
    let from_year = |weeks: i128| {
        let f = |y: i128| Frac::new(y * weeks, 52).ceil();
        (
            f(NI_YEARLY.0),
            f(NI_YEARLY.1),
            f(NI_YEARLY.2),
            f(NI_YEARLY.3),
        )
    };
    match frequency {
        "weekly" => NI_WEEKLY,
        "monthly" => NI_MONTHLY,
        "two_weekly" => from_year(2),
        "four_weekly" => from_year(4),
        _ => unreachable!(),
    }
}

/// One band's contribution in pence: earnings (pence) × rate (hundredths
/// of a percent), cut after the third decimal place of a pound (tenths of
/// a penny), then rounded by that digit alone: 5 or less down, 6 or more
/// up (docs/payroll-contract.md, "Rounding in NI").
fn band(earnings: i128, rate: i128) -> i128 {
    let tenths = Frac::new(earnings * rate, 1000).floor();
    let pence = Frac::new(tenths, 10).floor();
    if tenths - pence * 10 >= 6 {
        pence + 1
    } else {
        pence
    }
}

/// (employee, employer) NI in pence on this period's gross pay.
pub fn ni(frequency: &str, letter: char, gross: i128) -> (i128, i128) {
    let (pt, st, uel, ust) = ni_thresholds(frequency);
    let (pt, st, uel, ust) = (pt * 100, st * 100, uel * 100, ust * 100);
    let between = |lo: i128, hi: i128| (gross.min(hi) - lo).max(0);
    let above = |lo: i128| (gross - lo).max(0);
    let main = match letter {
        'A' | 'H' | 'M' | 'V' => 800,
        'B' => 185,
        'J' | 'Z' => 200,
        _ => 0,
    };
    // Below and above the UEL, each amount rounded on its own.
    let employee = if main == 0 {
        0
    } else {
        band(between(pt, uel), main) + band(above(uel), 200)
    };
    let employer = match letter {
        'X' => 0,
        // Nothing up to the UST (= the UEL here).
        'H' | 'M' | 'V' | 'Z' => {
            band(between(ust, uel.max(ust)), 1500) + band(above(uel.max(ust)), 1500)
        }
        _ => band(between(st, uel), 1500) + band(above(uel), 1500),
    };
    (employee, employer)
}

// ---------------------------------------------------------------- pensions

/// (trigger, qualifying lower, qualifying upper) in pounds.
fn pension_figures(frequency: &str) -> (i128, i128, i128) {
    match frequency {
        "weekly" => (192, 120, 967),
        "two_weekly" => (384, 240, 1_934),
        "four_weekly" => (768, 480, 3_867),
        "monthly" => (833, 520, 4_189),
        _ => unreachable!(),
    }
}

fn age_on(born: (i32, u32, u32), on: (i32, u32, u32)) -> i32 {
    let mut age = on.0 - born.0;
    if (on.1, on.2) < (born.1, born.2) {
        age -= 1;
    }
    age
}

/// State Pension age in years for the birth dates the tests use (GOV.UK
/// State Pension age timetable): 66 for 6 Oct 1954 – 5 Apr 1960, 67 for
/// 6 Mar 1961 – 5 Apr 1977, 68 from 6 Apr 1978. Cases avoid the months
/// with transitional ages.
fn state_pension_age(born: (i32, u32, u32)) -> i32 {
    if born < (1954, 10, 6) {
        65
    } else if born < (1960, 4, 6) {
        66
    } else if ((1961, 3, 6)..(1977, 4, 6)).contains(&born) {
        67
    } else if born >= (1978, 4, 6) {
        68
    } else {
        panic!("reference has no table for births in transitional months: {born:?}")
    }
}

/// The last day of the tax week or month (5 April at the latest).
pub fn period_end(year: &str, frequency: &str, period: i64) -> (i32, u32, u32) {
    let start: i32 = year[..4].parse().unwrap();
    if frequency == "monthly" {
        let m = 4 + period as u32;
        return if m > 12 {
            (start + 1, m - 12, 5)
        } else {
            (start, m, 5)
        };
    }
    // Walk the calendar day by day from 6 April.
    let days_in = |y: i32, m: u32| match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    };
    let mut d = (start, 4u32, 6u32);
    for _ in 0..(period * 7 - 1) {
        d.2 += 1;
        if d.2 > days_in(d.0, d.1) {
            d.2 = 1;
            d.1 += 1;
            if d.1 > 12 {
                d.1 = 1;
                d.0 += 1;
            }
        }
    }
    d.min((start + 1, 4, 5))
}

// ---------------------------------------------------------------- all

pub fn expected(c: &Case) -> Expected {
    let gross = c.gross as i128;

    // Pensions.
    let (trigger, ql, qu) = pension_figures(c.frequency);
    let (mut ee_contribution, mut ee_deducted, mut er, mut before_tax) = (0, 0, 0, 0);
    if let Some((arrangement, basis, ee, er_pct)) = c.pension {
        let base = if basis == "all_pay" {
            gross
        } else {
            (gross.min(qu * 100) - ql * 100).max(0)
        };
        ee_contribution = Frac::int(base)
            .mul(decimal(ee))
            .mul(Frac::new(1, 100))
            .round_half_up();
        er = Frac::int(base)
            .mul(decimal(er_pct))
            .mul(Frac::new(1, 100))
            .round_half_up();
        if arrangement == "net_pay" {
            ee_deducted = ee_contribution;
            before_tax = ee_contribution;
        } else {
            ee_deducted = Frac::new(ee_contribution * 80, 100).round_half_up();
        }
    }
    let _ = ee_contribution;

    // Tax.
    let taxable_pay = gross - before_tax;
    let pay_to_date = c.pay_to_date as i128 + taxable_pay;
    let (region, _, _) = read_code(&c.tax_code);
    let tax = tax_this_period(
        bands_for(region, c.tax_year),
        &c.tax_code,
        c.frequency,
        c.period,
        c.week1_month1,
        taxable_pay,
        c.pay_to_date as i128,
        c.tax_to_date as i128,
    );

    // NI.
    let (ee_ni, er_ni) = ni(c.frequency, c.ni_category, gross);

    // Auto-enrolment, on the last day of the period.
    let auto_enrolment = c.born.and_then(|born| {
        let on = period_end(c.tax_year, c.frequency, c.period);
        let age = age_on(born, on);
        if !(16..=74).contains(&age) {
            None
        } else if age >= 22 && age < state_pension_age(born) && gross > trigger * 100 {
            Some("eligible_jobholder")
        } else if gross > ql * 100 {
            Some("non_eligible_jobholder")
        } else {
            Some("entitled_worker")
        }
    });

    Expected {
        taxable_pay: taxable_pay as i64,
        tax: tax as i64,
        employee_ni: ee_ni as i64,
        employer_ni: er_ni as i64,
        allowance_used: er_ni.min(c.allowance_left as i128) as i64,
        employee_pension: ee_deducted as i64,
        employer_pension: er as i64,
        auto_enrolment,
        net_pay: (gross - tax - ee_ni - ee_deducted) as i64,
        pay_to_date: pay_to_date as i64,
        tax_to_date: (c.tax_to_date as i128 + tax) as i64,
    }
}

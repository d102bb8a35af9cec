//! Every rate, band and threshold of a tax year, in one reviewed place.
//!
//! Adding 2027-28 means adding one `TaxYearData` constant and one arm to
//! [`TaxYear::data`]; no calculation changes. Money is in pence, rates in
//! basis points (1% = 100).
//!
//! Sources, checked for both years: HMRC "Rates and thresholds for
//! employers 2025 to 2026" and "2026 to 2027"; the Scottish Rate
//! Resolutions (Scottish Budget of 13 January 2026 for 2026-27); the
//! National Minimum Wage (Amendment) Regulations; The Pensions Regulator's
//! earnings thresholds table.

use crate::date::Date;
use crate::period::Frequency;

/// A tax year, 6 April to the following 5 April.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaxYear {
    Y2025_26,
    Y2026_27,
}

/// The tax year text was not one the engine has figures for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the tax year must be one of {known}; \"{given}\" is not")]
pub struct UnknownTaxYear {
    pub given: String,
    pub known: String,
}

impl TaxYear {
    pub const ALL: [TaxYear; 2] = [TaxYear::Y2025_26, TaxYear::Y2026_27];

    /// Reads `"2025-26"` or `"2026-27"`.
    pub fn parse(text: &str) -> Result<Self, UnknownTaxYear> {
        Self::ALL
            .into_iter()
            .find(|year| year.data().name == text)
            .ok_or_else(|| UnknownTaxYear {
                given: text.to_owned(),
                known: Self::ALL
                    .iter()
                    .map(|y| format!("\"{}\"", y.data().name))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    pub fn data(self) -> &'static TaxYearData {
        match self {
            TaxYear::Y2025_26 => &Y2025_26,
            TaxYear::Y2026_27 => &Y2026_27,
        }
    }

    /// 6 April of the year the tax year starts in.
    pub fn first_day(self) -> Date {
        Date::known(self.data().starts_in, 4, 6)
    }

    /// 5 April of the following calendar year.
    pub fn last_day(self) -> Date {
        Date::known(self.data().starts_in + 1, 4, 5)
    }

    pub fn contains(self, date: Date) -> bool {
        self.first_day() <= date && date <= self.last_day()
    }
}

/// One slice of taxable pay taxed at one rate. `upper_pence` is the annual
/// top of the band in taxable pay (after free pay); `None` is unlimited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub upper_pence: Option<i64>,
    pub rate_bp: i64,
}

/// The income tax schedule for one of the three regimes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaxSchedule {
    pub bands: &'static [Band],
    /// Rate used by code BR (CBR, SBR).
    pub basic_rate_bp: i64,
    /// Rates of D0, D1, … in order (SD0 to SD3 for Scotland).
    pub d_code_rates_bp: &'static [i64],
}

/// National Insurance thresholds for one kind of pay period, in pence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NiThresholds {
    pub lel: i64,
    pub pt: i64,
    pub st: i64,
    pub uel: i64,
    /// Upper secondary threshold (UST, AUST and VUST are equal in both years).
    pub ust: i64,
}

/// Auto-enrolment earnings figures for one kind of pay period, in pence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PensionThresholds {
    pub trigger: i64,
    pub qualifying_lower: i64,
    pub qualifying_upper: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PerFrequency<T> {
    pub weekly: T,
    pub two_weekly: T,
    pub four_weekly: T,
    pub monthly: T,
}

impl<T: Copy> PerFrequency<T> {
    pub fn get(&self, frequency: Frequency) -> T {
        match frequency {
            Frequency::Weekly => self.weekly,
            Frequency::TwoWeekly => self.two_weekly,
            Frequency::FourWeekly => self.four_weekly,
            Frequency::Monthly => self.monthly,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NiRates {
    /// Employee rate between PT and UEL for categories A, H, M, V.
    pub employee_main_bp: i64,
    /// Employee rate above the UEL for every paying category.
    pub employee_upper_bp: i64,
    /// Category B (married women's reduced rate) between PT and UEL.
    pub employee_reduced_bp: i64,
    /// Categories J and Z (deferment) between PT and UEL.
    pub employee_deferred_bp: i64,
    pub employer_bp: i64,
}

/// All figures for one tax year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaxYearData {
    pub name: &'static str,
    pub starts_in: i32,
    pub rest_of_uk: TaxSchedule,
    pub wales: TaxSchedule,
    pub scotland: TaxSchedule,
    /// Yearly NI figures, in pence; two- and four-weekly figures are derived
    /// from these (see `ni`).
    pub ni_annual: NiThresholds,
    pub ni_weekly: NiThresholds,
    pub ni_monthly: NiThresholds,
    pub ni_rates: NiRates,
    pub employment_allowance_pence: i64,
    pub pension: PerFrequency<PensionThresholds>,
}

#[rustfmt::skip]
const REST_OF_UK_BANDS: [Band; 3] = [
    Band { upper_pence: Some(3_770_000), rate_bp: 2000 },
    Band { upper_pence: Some(12_514_000), rate_bp: 4000 },
    Band { upper_pence: None, rate_bp: 4500 },
];

/// The Welsh rate is 10p in each band on top of the UK rates reduced by
/// 10p, so the Welsh schedule equals the rest of the UK's (Senedd
/// resolutions for 2025-26 and 2026-27).
const REST_OF_UK: TaxSchedule = TaxSchedule {
    bands: &REST_OF_UK_BANDS,
    basic_rate_bp: 2000,
    d_code_rates_bp: &[4000, 4500],
};

#[rustfmt::skip]
const SCOTLAND_2025_26_BANDS: [Band; 6] = [
    Band { upper_pence: Some(282_700), rate_bp: 1900 },
    Band { upper_pence: Some(1_492_100), rate_bp: 2000 },
    Band { upper_pence: Some(3_109_200), rate_bp: 2100 },
    Band { upper_pence: Some(6_243_000), rate_bp: 4200 },
    Band { upper_pence: Some(12_514_000), rate_bp: 4500 },
    Band { upper_pence: None, rate_bp: 4800 },
];

/// Scottish Budget 2026-27: starter band to £3,967 and basic to £16,956 of
/// taxable income; the higher bands frozen.
#[rustfmt::skip]
const SCOTLAND_2026_27_BANDS: [Band; 6] = [
    Band { upper_pence: Some(396_700), rate_bp: 1900 },
    Band { upper_pence: Some(1_695_600), rate_bp: 2000 },
    Band { upper_pence: Some(3_109_200), rate_bp: 2100 },
    Band { upper_pence: Some(6_243_000), rate_bp: 4200 },
    Band { upper_pence: Some(12_514_000), rate_bp: 4500 },
    Band { upper_pence: None, rate_bp: 4800 },
];

/// SD0 to SD3: the intermediate, higher, advanced and top rates.
const SCOTTISH_D_RATES: [i64; 4] = [2100, 4200, 4500, 4800];

const NI_RATES: NiRates = NiRates {
    employee_main_bp: 800,
    employee_upper_bp: 200,
    employee_reduced_bp: 185,
    employee_deferred_bp: 200,
    employer_bp: 1500,
};

/// The Pensions Regulator's per-period figures; frozen for 2026-27
/// (written statement HCWS1206).
#[rustfmt::skip]
const PENSION_THRESHOLDS: PerFrequency<PensionThresholds> = PerFrequency {
    weekly:      PensionThresholds { trigger: 19_200, qualifying_lower: 12_000, qualifying_upper:  96_700 },
    two_weekly:  PensionThresholds { trigger: 38_400, qualifying_lower: 24_000, qualifying_upper: 193_400 },
    four_weekly: PensionThresholds { trigger: 76_800, qualifying_lower: 48_000, qualifying_upper: 386_700 },
    monthly:     PensionThresholds { trigger: 83_300, qualifying_lower: 52_000, qualifying_upper: 418_900 },
};

#[rustfmt::skip]
pub const Y2025_26: TaxYearData = TaxYearData {
    name: "2025-26",
    starts_in: 2025,
    rest_of_uk: REST_OF_UK,
    wales: REST_OF_UK,
    scotland: TaxSchedule {
        bands: &SCOTLAND_2025_26_BANDS,
        basic_rate_bp: 2000,
        d_code_rates_bp: &SCOTTISH_D_RATES,
    },
    ni_annual:  NiThresholds { lel: 650_000, pt: 1_257_000, st: 500_000, uel: 5_027_000, ust: 5_027_000 },
    ni_weekly:  NiThresholds { lel:  12_500, pt:    24_200, st:   9_600, uel:    96_700, ust:    96_700 },
    ni_monthly: NiThresholds { lel:  54_200, pt:   104_800, st:  41_700, uel:   418_900, ust:   418_900 },
    ni_rates: NI_RATES,
    employment_allowance_pence: 1_050_000,
    pension: PENSION_THRESHOLDS,
};

/// 2026-27: only the LEL and the Scottish starter and basic bands move.
#[rustfmt::skip]
pub const Y2026_27: TaxYearData = TaxYearData {
    name: "2026-27",
    starts_in: 2026,
    rest_of_uk: REST_OF_UK,
    wales: REST_OF_UK,
    scotland: TaxSchedule {
        bands: &SCOTLAND_2026_27_BANDS,
        basic_rate_bp: 2000,
        d_code_rates_bp: &SCOTTISH_D_RATES,
    },
    ni_annual:  NiThresholds { lel: 670_800, pt: 1_257_000, st: 500_000, uel: 5_027_000, ust: 5_027_000 },
    ni_weekly:  NiThresholds { lel:  12_900, pt:    24_200, st:   9_600, uel:    96_700, ust:    96_700 },
    ni_monthly: NiThresholds { lel:  55_900, pt:   104_800, st:  41_700, uel:   418_900, ust:   418_900 },
    ni_rates: NI_RATES,
    employment_allowance_pence: 1_050_000,
    pension: PENSION_THRESHOLDS,
};

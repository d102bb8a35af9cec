//! HMRC's own PAYE test data for payroll software, tax year 2016-17.
//!
//! Source of every HMRC figure: HMRC's "PAYE test data" for 2016-17
//! (published for software developers at hmrc.gov.uk/ebu/testdata.htm),
//! as transcribed case by case in the open-source Cedita.Payroll test suite
//! (`Cedita.Payroll.Tests/PayeTests.2016.cs`). HMRC does not publish such
//! data for 2025-26 or 2026-27 in a form found for this work, so the
//! routine is checked on 2016-17's rest-of-UK schedule (20% to £32,000,
//! 40% to £150,000, 45% above); the method has not changed since, only
//! the figures.
//!
//! All 239 cases are here. The engine follows docs/payroll-contract.md,
//! which fixes two readings that HMRC's data takes differently:
//!
//! - band choice ("Rounding in tax"): the contract rounds taxable pay down
//!   to the pound and prices it against the exact pro-rated band limits;
//!   HMRC's data chooses the band by comparing the unrounded taxable pay
//!   with each limit rounded up to the pound (the "C values"), so a whole
//!   pound that only just passes an exact limit stays in the lower band;
//! - overriding limit: the contract caps tax at 50% of the period's pay
//!   for K codes only; HMRC's data applies the cap to every code.
//!
//! `CASES` (221) must give HMRC's figure. `EXCEPTIONS` (18: 3 band choice,
//! 15 overriding limit) are the cases where the two readings give different
//! figures; each keeps HMRC's figure, states the contract's figure with the
//! working by hand, and must give the contract's figure, which
//! `reference.rs` (written from the contract) must also give. A comment
//! marks where each exception stood in HMRC's sequence.

use cylch_payroll::paye::{PayeInput, calculate_with};
use cylch_payroll::tax_year::{Band, TaxSchedule};
use cylch_payroll::{Frequency, Period, TaxCode, TaxYear};

use crate::reference;

const BANDS_2016_17: [Band; 3] = [
    Band {
        upper_pence: Some(3_200_000),
        rate_bp: 2000,
    },
    Band {
        upper_pence: Some(15_000_000),
        rate_bp: 4000,
    },
    Band {
        upper_pence: None,
        rate_bp: 4500,
    },
];

const SCHEDULE_2016_17: TaxSchedule = TaxSchedule {
    bands: &BANDS_2016_17,
    basic_rate_bp: 2000,
    d_code_rates_bp: &[4000, 4500],
};

/// (pay this period, code, W(eekly)/M(onthly), period, pay to date before,
/// tax to date before, week 1/month 1, expected tax this period)
type Case = (
    &'static str,
    &'static str,
    char,
    i64,
    &'static str,
    &'static str,
    bool,
    &'static str,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // General tax rate: the band edges.
    ("39.24", "45L", 'M', 1, "0", "0", false, "0"),
    ("39.25", "45L", 'M', 1, "0", "0", false, "0.20"),
    ("2705.24", "45L", 'M', 1, "0", "0", false, "533.20"),
    // HMRC case B1: in EXCEPTIONS (band choice).
    ("2705.26", "45L", 'M', 1, "0", "0", false, "533.46"),
    ("12538.24", "45L", 'M', 1, "0", "0", false, "4466.26"),
    ("12538.25", "45L", 'M', 1, "0", "0", false, "4466.66"),
    ("12538.26", "45L", 'M', 1, "0", "0", false, "4466.66"),
    ("12539.25", "45L", 'M', 1, "0", "0", false, "4467.11"),
    ("624.82", "45L", 'W', 1, "0", "0", false, "123"),
    // HMRC case B2: in EXCEPTIONS (band choice).
    ("624.84", "45L", 'W', 1, "0", "0", false, "123.32"),
    ("2893.82", "45L", 'W', 1, "0", "0", false, "1030.52"),
    // HMRC case B3: in EXCEPTIONS (band choice).
    ("2893.84", "45L", 'W', 1, "0", "0", false, "1030.94"),
    // Large tax codes.
    ("2000", "501L", 'M', 1, "0", "0", false, "316.20"),
    ("2100", "999L", 'M', 1, "0", "0", false, "253.20"),
    ("2250", "1000L", 'M', 1, "0", "0", false, "283"),
    ("2250", "1001L", 'M', 1, "0", "0", false, "283"),
    ("2612", "1567L", 'M', 1, "0", "0", false, "261"),
    ("2750", "1999L", 'M', 1, "0", "0", false, "216.60"),
    ("3333.33", "2000L", 'M', 1, "0", "0", false, "333"),
    ("3333.33", "2001L", 'M', 1, "0", "0", false, "333"),
    ("500", "501L", 'W', 1, "0", "0", false, "80.60"),
    ("825", "999L", 'W', 1, "0", "0", false, "129.72"),
    ("825", "1000L", 'W', 1, "0", "0", false, "129.72"),
    ("825", "1001L", 'W', 1, "0", "0", false, "129.72"),
    ("500", "1567L", 'W', 1, "0", "0", false, "39.60"),
    ("825", "1999L", 'W', 1, "0", "0", false, "88"),
    ("825", "2000L", 'W', 1, "0", "0", false, "88"),
    ("827", "2001L", 'W', 1, "0", "0", false, "88.2"),
    // Tax code L.
    ("15000", "45L", 'M', 1, "0", "0", true, "5574.11"),
    ("280", "45L", 'M', 2, "15000", "5574.11", true, "48.2"),
    ("280", "45L", 'M', 3, "15280", "5622.31", false, "-1044.31"),
    ("500", "45L", 'M', 1, "0", "0", false, "92.20"),
    ("800", "45L", 'M', 2, "500", "92.20", true, "152.20"),
    ("471", "BR", 'M', 1, "0", "0", false, "94.20"),
    ("500", "45L", 'M', 2, "471", "94.20", false, "84.60"),
    ("500", "45L", 'M', 1, "0", "0", false, "92.20"),
    ("627", "BR", 'M', 2, "500", "92.20", true, "125.40"),
    ("500", "45L", 'M', 1, "0", "0", false, "92.20"),
    ("623.23", "100L", 'M', 2, "500", "92.20", false, "98.80"),
    ("500", "100L", 'M', 1, "0", "0", false, "83"),
    ("80", "100L", 'M', 2, "500", "83", false, "-0.80"),
    ("500", "100L", 'W', 1, "0", "0", false, "96"),
    ("500", "100L", 'W', 2, "500", "96", false, "96.20"),
    // Tax code D0.
    ("14000.53", "D0", 'M', 1, "0", "0", true, "5600"),
    ("1200", "D0", 'M', 2, "14000.53", "5600", true, "480"),
    ("250", "D0", 'W', 1, "0", "0", true, "100"),
    ("250", "450L", 'W', 2, "250", "100", false, "-34.80"),
    ("250", "450L", 'W', 1, "0", "0", false, "32.60"),
    ("250", "D0", 'W', 2, "250", "32.60", true, "100"),
    ("700.77", "D0", 'M', 1, "0", "0", false, "280"),
    ("15000", "D0", 'M', 2, "700.77", "280", false, "6000"),
    ("15000", "D0", 'M', 3, "15700.77", "6280", false, "6000"),
    ("15000", "D0", 'M', 4, "30700.77", "12280", false, "6000"),
    ("500.22", "D0", 'W', 1, "0", "0", false, "200"),
    ("600.37", "D0", 'W', 2, "500.22", "200", false, "240"),
    ("799.90", "D0", 'W', 3, "1100.59", "440", false, "320"),
    ("801.10", "D0", 'W', 4, "1900.49", "760", false, "320.40"),
    // Tax code D1.
    ("14000.53", "D1", 'M', 1, "0", "0", true, "6300"),
    ("1200", "D1", 'M', 2, "14000.53", "6300", true, "540"),
    ("250", "D1", 'W', 1, "0", "0", true, "112.50"),
    ("250", "450L", 'W', 2, "250", "112.50", false, "-47.30"),
    ("250", "450L", 'W', 1, "0", "0", false, "32.60"),
    ("250", "D1", 'W', 2, "250", "32.60", true, "112.50"),
    ("700.77", "D1", 'M', 1, "0", "0", false, "315"),
    ("15000", "D1", 'M', 2, "700.77", "315", false, "6750"),
    ("15000", "D1", 'M', 3, "15700.77", "7065", false, "6750"),
    ("15000", "D1", 'M', 4, "30700.77", "13815", false, "6750"),
    ("500.22", "D1", 'W', 1, "0", "0", false, "225"),
    ("600.37", "D1", 'W', 2, "500.22", "225", false, "270"),
    ("799.90", "D1", 'W', 3, "1100.59", "495", false, "360"),
    ("801.10", "D1", 'W', 4, "1900.49", "855", false, "360.45"),
    // Tax code BR.
    ("120", "BR", 'M', 1, "0", "0", false, "24"),
    ("120.99", "BR", 'M', 1, "0", "0", false, "24"),
    ("500", "BR", 'M', 1, "0", "0", false, "100"),
    ("15000", "BR", 'M', 1, "0", "0", false, "3000"),
    ("670", "BR", 'M', 1, "0", "0", false, "134"),
    ("740", "BR", 'M', 2, "670", "134", false, "148"),
    ("550", "BR", 'M', 1, "0", "0", true, "110"),
    ("550", "BR", 'M', 2, "550", "110", true, "110"),
    ("600.24", "BR", 'M', 1, "0", "0", false, "120"),
    ("1500", "400L", 'M', 2, "600.24", "120", false, "166.4"),
    ("1500", "400L", 'M', 1, "0", "0", false, "233"),
    ("1500.33", "BR", 'M', 2, "1500", "233", true, "300"),
    ("575", "BR", 'W', 1, "0", "0", false, "115"),
    ("480", "BR", 'W', 2, "575", "115", false, "96"),
    // Tax code NT.
    ("500", "NT", 'M', 1, "0", "0", false, "0"),
    ("500", "NT", 'M', 1, "0", "0", false, "0"),
    ("1000", "400L", 'M', 2, "500", "0", true, "133"),
    ("770", "400L", 'M', 1, "0", "0", false, "87"),
    ("770", "NT", 'M', 2, "770", "87", false, "-87"),
    ("770", "NT", 'M', 1, "0", "0", true, "0"),
    ("500", "400L", 'M', 2, "770", "0", true, "33"),
    ("500", "400L", 'W', 1, "0", "0", false, "84.40"),
    ("770", "NT", 'W', 2, "770", "84.40", true, "0"),
    // Tax code 0T.
    ("125", "0T", 'M', 1, "0", "0", false, "25"),
    ("1000", "0T", 'M', 2, "125", "25", false, "200"),
    ("850", "0T", 'M', 1, "0", "0", false, "170"),
    ("1050", "508L", 'M', 2, "850", "170", false, "40.20"),
    ("1050", "508L", 'M', 1, "0", "0", false, "125"),
    ("1050", "0T", 'M', 2, "1050", "125", true, "210"),
    ("465", "0T", 'W', 1, "0", "0", false, "93"),
    ("485", "0T", 'W', 2, "465", "93", false, "97"),
    ("475", "0T", 'W', 1, "0", "0", false, "95"),
    ("475", "0T", 'W', 2, "475", "95", false, "95"),
    // Tax code K.
    ("510", "K427", 'M', 1, "0", "0", false, "173.2"),
    ("633.22", "K427", 'M', 2, "510", "173.20", false, "198"),
    ("610", "K427", 'M', 1, "0", "0", true, "193.2"),
    ("683.22", "K427", 'M', 2, "610", "193.20", true, "207.8"),
    ("510", "K427", 'M', 1, "0", "0", false, "173.20"),
    ("65", "K427", 'M', 2, "510", "173.20", false, "32.50"),
    ("510", "K427", 'M', 3, "575", "205.70", false, "225.10"),
    ("600", "K417", 'M', 1, "0", "0", false, "189.60"),
    ("500", "0T", 'M', 2, "600", "189.60", false, "30.40"),
    ("750", "0T", 'M', 1, "0", "0", false, "150"),
    ("500", "K421", 'M', 2, "750", "150", true, "170.2"),
    ("15", "K55", 'W', 1, "0", "0", false, "5"),
    ("80", "K55", 'W', 2, "15", "5", false, "18.2"),
    ("1500", "K55", 'W', 3, "95", "23.20", false, "302.2"),
    // 50% regulatory limit.
    ("1000", "900L", 'M', 1, "0", "0", false, "49.80"),
    ("449.22", "45L", 'M', 2, "1000", "49.80", false, "224.60"),
    ("1000", "900L", 'M', 1, "0", "0", false, "49.80"),
    ("449.20", "45L", 'M', 2, "1000", "49.80", false, "224.60"),
    ("1000", "900L", 'M', 1, "0", "0", false, "49.80"),
    // HMRC case L1: in EXCEPTIONS (overriding limit).
    ("500", "45L", 'M', 3, "1449.18", "274.39", false, "92.41"),
    ("1000", "500L", 'W', 1, "0", "0", false, "238.12"),
    // HMRC case L2: in EXCEPTIONS (overriding limit).
    ("1000", "D0", 'W', 3, "1300", "388.12", true, "400"),
    ("1000", "450L", 'W', 1, "0", "0", true, "242.12"),
    // HMRC case L3: in EXCEPTIONS (overriding limit).
    // HMRC case L4: in EXCEPTIONS (overriding limit).
    ("50000", "D1", 'W', 4, "2500.80", "992.52", false, "22632.48"),
    // Weekly 20% bandwidth.
    ("120", "470L", 'W', 1, "0", "0", false, "5.80"),
    ("120", "470L", 'W', 2, "120", "5.8", false, "5.80"),
    ("120", "470L", 'W', 3, "240", "11.60", false, "6"),
    ("120", "470L", 'W', 4, "360", "17.60", false, "5.80"),
    ("120", "470L", 'W', 5, "480", "23.40", false, "6"),
    ("120", "470L", 'W', 6, "600", "29.4", false, "5.80"),
    ("120", "470L", 'W', 7, "720", "35.2", false, "6"),
    ("120", "470L", 'W', 8, "840", "41.2", false, "5.80"),
    // Weekly 40% bandwidth.
    ("1500.63", "145L", 'W', 1, "0", "0", false, "465.72"),
    ("1500.63", "145L", 'W', 2, "1500.63", "465.72", false, "466.12"),
    ("1500.63", "145L", 'W', 3, "3001.26", "931.84", false, "465.72"),
    ("1500.63", "145L", 'W', 4, "4501.89", "1397.56", false, "466.13"),
    ("1500.63", "145L", 'W', 5, "6002.52", "1863.69", false, "465.72"),
    ("1500.63", "145L", 'W', 6, "7503.15", "2329.41", false, "466.12"),
    ("1500.63", "145L", 'W', 7, "9003.78", "2795.53", false, "465.73"),
    ("1500.63", "145L", 'W', 8, "10504.41", "3261.26", false, "466.12"),
    // Weekly 45% bandwidth.
    ("3010.77", "412L", 'W', 1, "0", "0", false, "1051.64"),
    ("3010.77", "412L", 'W', 2, "3010.77", "1051.64", false, "1051.64"),
    ("3010.77", "412L", 'W', 3, "6021.54", "2103.28", false, "1052.09"),
    ("3010.77", "412L", 'W', 4, "9032.31", "3155.37", false, "1051.64"),
    ("3010.77", "412L", 'W', 5, "12043.08", "4207.01", false, "1051.65"),
    ("3010.77", "412L", 'W', 6, "15053.85", "5258.66", false, "1052.09"),
    ("3010.77", "412L", 'W', 7, "18064.62", "6310.75", false, "1051.64"),
    ("3010.77", "412L", 'W', 8, "21075.39", "7362.39", false, "1051.64"),
    // Weekly variable pay.
    ("0", "500L", 'W', 1, "0", "0", false, "0"),
    ("300", "500L", 'W', 2, "0", "0", false, "21.40"),
    ("10000", "500L", 'W', 3, "300", "21.40", false, "3681.62"),
    ("5800", "500L", 'W', 4, "10300", "3703.02", false, "2299.04"),
    ("100", "500L", 'W', 5, "16100", "6002.06", false, "-265.50"),
    ("2985", "500L", 'W', 6, "16200", "5736.56", false, "1032.74"),
    // HMRC case L5: in EXCEPTIONS (overriding limit).
    ("500", "10L", 'W', 8, "19435", "6894.30", false, "88.28"),
    // Weekly 50% regulatory limit.
    ("5000", "NT", 'W', 1, "0", "0", false, "0"),
    // HMRC case L6: in EXCEPTIONS (overriding limit).
    ("700", "D0", 'W', 3, "5500", "250", true, "280"),
    // HMRC case L7: in EXCEPTIONS (overriding limit).
    ("400", "D1", 'W', 5, "7000", "930", true, "180"),
    // HMRC case L8: in EXCEPTIONS (overriding limit).
    // HMRC case L9: in EXCEPTIONS (overriding limit).
    ("500", "BR", 'W', 8, "8400", "1610", true, "100"),
    ("500", "0T", 'W', 9, "8900", "1710", true, "100"),
    // HMRC case L10: in EXCEPTIONS (overriding limit).
    ("2500", "0T", 'W', 11, "14400", "4310", false, "1096.15"),
    ("500", "0T", 'W', 12, "16900", "5406.15", false, "76.92"),
    // Monthly 20% bandwidth.
    ("452", "410L", 'M', 1, "0", "0", false, "21.80"),
    ("452", "410L", 'M', 2, "452", "21.8", false, "22"),
    ("452", "410L", 'M', 3, "904", "43.8", false, "21.80"),
    ("452", "410L", 'M', 4, "1356", "65.6", false, "22"),
    ("452", "410L", 'M', 5, "1808", "87.6", false, "21.80"),
    ("452", "410L", 'M', 6, "2260", "109.4", false, "22"),
    ("452", "410L", 'M', 7, "2712", "131.4", false, "22"),
    ("452", "410L", 'M', 8, "3164", "153.4", false, "21.80"),
    ("452", "410L", 'M', 9, "3616", "175.2", false, "22"),
    ("452", "410L", 'M', 10, "4068", "197.2", false, "21.80"),
    ("452", "410L", 'M', 11, "4520", "219", false, "22"),
    ("452", "410L", 'M', 12, "4972", "241", false, "21.80"),
    // Monthly 40% bandwidth.
    ("3856", "430L", 'M', 1, "0", "0", false, "865.06"),
    ("3856", "430L", 'M', 2, "3856", "865.06", false, "865.47"),
    ("3856", "430L", 'M', 3, "7712", "1730.53", false, "865.47"),
    ("3856", "430L", 'M', 4, "11568", "2596.00", false, "865.46"),
    ("3856", "430L", 'M', 5, "15424", "3461.46", false, "865.47"),
    ("3856", "430L", 'M', 6, "19280", "4326.93", false, "865.47"),
    ("3856", "430L", 'M', 7, "23136", "5192.40", false, "865.46"),
    ("3856", "430L", 'M', 8, "26992", "6057.86", false, "865.47"),
    ("3856", "430L", 'M', 9, "30848", "6923.33", false, "865.47"),
    ("3856", "430L", 'M', 10, "34704", "7788.80", false, "865.46"),
    ("3856", "430L", 'M', 11, "38560", "8654.26", false, "865.47"),
    ("3856", "430L", 'M', 12, "42416", "9519.73", false, "865.07"),
    // Monthly 45% bandwidth.
    ("15000.81", "30L", 'M', 1, "0", "0", false, "5580.41"),
    ("15000.81", "30L", 'M', 2, "15000.81", "5580.41", false, "5580.42"),
    ("15000.81", "30L", 'M', 3, "30001.62", "11160.83", false, "5580.42"),
    ("15000.81", "30L", 'M', 4, "45002.43", "16741.25", false, "5580.41"),
    ("15000.81", "30L", 'M', 5, "60003.24", "22321.66", false, "5580.42"),
    ("15000.81", "30L", 'M', 6, "75004.05", "27902.08", false, "5580.42"),
    ("15000.81", "30L", 'M', 7, "90004.86", "33482.50", false, "5580.41"),
    ("15000.81", "30L", 'M', 8, "105005.67", "39062.91", false, "5580.42"),
    ("15000.81", "30L", 'M', 9, "120006.48", "44643.33", false, "5580.42"),
    ("15000.81", "30L", 'M', 10, "135007.29", "50223.75", false, "5580.41"),
    ("15000.81", "30L", 'M', 11, "150008.10", "55804.16", false, "5580.42"),
    ("15000.81", "30L", 'M', 12, "165008.91", "61384.58", false, "5580.42"),
    // Monthly variable pay.
    ("1000", "900L", 'M', 1, "0", "0", false, "49.80"),
    // HMRC case L11: in EXCEPTIONS (overriding limit).
    ("500.56", "45L", 'M', 3, "1449.18", "274.39", false, "92.41"),
    ("1500", "944L", 'M', 4, "1949.74", "366.80", false, "-306.80"),
    ("500.77", "944L", 'M', 5, "3449.74", "60", false, "-57.40"),
    ("16000.30", "944L", 'M', 6, "3950.51", "2.60", false, "3042.60"),
    ("5000", "944L", 'M', 7, "19950.81", "3045.20", false, "996.66"),
    ("13600.99", "944L", 'M', 8, "24950.81", "4041.86", false, "4592.27"),
    ("3000", "944L", 'M', 9, "38551.80", "8634.13", false, "351.87"),
    ("0", "944L", 'M', 10, "41551.80", "8986.00", false, "-848.54"),
    ("120000", "944L", 'M', 11, "41551.80", "8137.46", false, "47921.37"),
    ("1000.46", "944L", 'M', 12, "161551.80", "56058.83", false, "-1062.48"),
    // Monthly 50% regulatory limit.
    ("5000", "NT", 'M', 1, "0", "0", false, "0"),
    // HMRC case L12: in EXCEPTIONS (overriding limit).
    ("700", "D0", 'M', 3, "5500", "250", true, "280"),
    // HMRC case L13: in EXCEPTIONS (overriding limit).
    ("400", "D1", 'M', 5, "7000", "930", true, "180"),
    // HMRC case L14: in EXCEPTIONS (overriding limit).
    // HMRC case L15: in EXCEPTIONS (overriding limit).
    ("500", "BR", 'M', 8, "8400", "1610", true, "100"),
    ("500", "0T", 'M', 9, "8900", "1710", true, "100"),
    ("5000", "0T", 'M', 10, "9400", "1810", false, "1070"),
    ("2500", "0T", 'M', 11, "14400", "2880", false, "500"),
    ("500", "0T", 'M', 12, "16900", "3380", false, "100"),
];

/// Which of the contract's fixed readings explains an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// "Rounding in tax": taxable pay rounded down to the pound against
    /// exact band limits, where HMRC's data uses the unrounded pay against
    /// limits rounded up to the pound.
    BandChoice,
    /// "Overriding limit": 50% of the period's pay for K codes only, where
    /// HMRC's data limits every code.
    OverridingLimit,
}

/// An HMRC case whose figure differs from the contract's reading.
struct Exception {
    id: &'static str,
    /// The case as HMRC gives it; its last field is HMRC's figure.
    case: Case,
    /// The figure the contract gives, worked by hand below.
    contract: &'static str,
    rule: Rule,
}

use Rule::{BandChoice, OverridingLimit};

#[rustfmt::skip]
const EXCEPTIONS: &[Exception] = &[
    // B1. 45L, month 1, £2,705.25. Free pay 459 × 100 ÷ 12 = 3,825p
    // (£38.25); taxable £2,667.00. Basic rate limit £32,000 ÷ 12 =
    // £2,666.66⅔, not rounded, and £2,667 passes it: £2,666.66⅔ × 20% =
    // £533.33⅓, plus 33⅓p × 40% = 13⅓p; £533.46⅔ rounded down: £533.46.
    // HMRC: £2,667.00 does not pass the C value £2,667, so all at 20%:
    // £533.40.
    Exception { id: "B1", case: ("2705.25", "45L", 'M', 1, "0", "0", false, "533.40"),
        contract: "533.46", rule: BandChoice },
    // B2. 45L, week 1, £624.83. Free pay 45,900 ÷ 52 = 882.69p, rounded up
    // to £8.83; taxable £616.00. Limit £32,000 ÷ 52 = £615.3846…: £123.0769…
    // at 20%, plus (£616 − £615.3846…) × 40% = £0.2461…; £123.3230…
    // rounded down: £123.32. HMRC (C value £616): 20% of £616 = £123.20.
    Exception { id: "B2", case: ("624.83", "45L", 'W', 1, "0", "0", false, "123.20"),
        contract: "123.32", rule: BandChoice },
    // B3. 45L, week 1, £2,893.83. Free pay £8.83; taxable £2,885.00.
    // Limits £615.3846… and £150,000 ÷ 52 = £2,884.6153…: £123.0769… at
    // 20%, £2,269.2307… × 40% = £907.6923…, and £0.3846… × 45% = £0.1730…;
    // £1,030.9423… rounded down: £1,030.94. HMRC (C value £2,885): all of
    // £2,885 − £615.3846… at 40%: £1,030.9230… → £1,030.92.
    Exception { id: "B3", case: ("2893.83", "45L", 'W', 1, "0", "0", false, "1030.92"),
        contract: "1030.94", rule: BandChoice },
    // L1. 45L, month 2, £449.18, £1,000 and £49.80 before. Free pay 2 ×
    // £38.25 = £76.50; taxable £1,449.18 − £76.50 = £1,372.68 → £1,372,
    // under the limit to date £5,333.33⅓: due £274.40; less £49.80:
    // £224.60. Not a K code, so no limit. HMRC: half of £449.18, £224.59.
    Exception { id: "L1", case: ("449.18", "45L", 'M', 2, "1000", "49.80", false, "224.59"),
        contract: "224.60", rule: OverridingLimit },
    // L2. D0, week 2, £300, £1,000 and £238.12 before. 40% of £1,300 =
    // £520.00; less £238.12: £281.88. HMRC: half of £300, £150.
    Exception { id: "L2", case: ("300", "D0", 'W', 2, "1000", "238.12", false, "150"),
        contract: "281.88", rule: OverridingLimit },
    // L3. D1, week 2, £1,000, £1,000 and £242.12 before. 45% of £2,000 =
    // £900.00; less £242.12: £657.88. HMRC: half of £1,000, £500.
    Exception { id: "L3", case: ("1000", "D1", 'W', 2, "1000", "242.12", false, "500"),
        contract: "657.88", rule: OverridingLimit },
    // L4. D1, week 3, £500.80, £2,000 and £742.12 before. £2,500.80 → £2,500;
    // 45% = £1,125.00; less £742.12: £382.88. HMRC: half of £500.80,
    // £250.40.
    Exception { id: "L4", case: ("500.80", "D1", 'W', 3, "2000", "742.12", false, "250.40"),
        contract: "382.88", rule: OverridingLimit },
    // L5. 10L, week 7, £250, £19,185 and £6,769.30 before. Free pay 7 ×
    // (10,900 ÷ 52 = 209.6p → £2.10) = £14.70; taxable £19,435 − £14.70 =
    // £19,420.30 → £19,420. Limits to date £32,000 × 7 ÷ 52 = £4,307.6923…
    // and £150,000 × 7 ÷ 52 = £20,192.3076…: £861.5384… at 20% plus
    // (£19,420 − £4,307.6923…) × 40% = £6,044.9230…; due £6,906.4615… →
    // £6,906.46; less £6,769.30: £137.16. HMRC: half of £250, £125.
    Exception { id: "L5", case: ("250", "10L", 'W', 7, "19185", "6769.30", false, "125"),
        contract: "137.16", rule: OverridingLimit },
    // L6. D0, week 2, £500, £5,000 and nothing before (NT in week 1). 40%
    // of £5,500 = £2,200.00. HMRC: half of £500, £250.
    Exception { id: "L6", case: ("500", "D0", 'W', 2, "5000", "0", false, "250"),
        contract: "2200", rule: OverridingLimit },
    // L7. D1, week 4, £800, £6,200 and £530 before. 45% of £7,000 =
    // £3,150.00; less £530: £2,620.00. HMRC: half of £800, £400.
    Exception { id: "L7", case: ("800", "D1", 'W', 4, "6200", "530", false, "400"),
        contract: "2620", rule: OverridingLimit },
    // L8. BR, week 6, £500, £7,400 and £1,110 before. 20% of £7,900 =
    // £1,580.00; less £1,110: £470.00. HMRC: half of £500, £250.
    Exception { id: "L8", case: ("500", "BR", 'W', 6, "7400", "1110", false, "250"),
        contract: "470", rule: OverridingLimit },
    // L9. BR, week 7, £500, £7,900 and £1,360 before. 20% of £8,400 =
    // £1,680.00; less £1,360: £320.00. HMRC: £250.
    Exception { id: "L9", case: ("500", "BR", 'W', 7, "7900", "1360", false, "250"),
        contract: "320", rule: OverridingLimit },
    // L10. 0T, week 10, £5,000, £9,400 and £1,810 before. Taxable £14,400.
    // Limits to date £32,000 × 10 ÷ 52 = £6,153.8461… and £28,846.1538…:
    // £1,230.7692… at 20% plus (£14,400 − £6,153.8461…) × 40% =
    // £3,298.4615…; due £4,529.2307… → £4,529.23; less £1,810: £2,719.23.
    // HMRC: half of £5,000, £2,500.
    Exception { id: "L10", case: ("5000", "0T", 'W', 10, "9400", "1810", false, "2500"),
        contract: "2719.23", rule: OverridingLimit },
    // L11. The case of L1 again, in HMRC's monthly variable pay sequence:
    // £224.60.
    Exception { id: "L11", case: ("449.18", "45L", 'M', 2, "1000", "49.80", false, "224.59"),
        contract: "224.60", rule: OverridingLimit },
    // L12. D0, month 2, £500, £5,000 and nothing before. 40% of £5,500 =
    // £2,200.00. HMRC: £250.
    Exception { id: "L12", case: ("500", "D0", 'M', 2, "5000", "0", false, "250"),
        contract: "2200", rule: OverridingLimit },
    // L13. D1, month 4, £800, £6,200 and £530 before. 45% of £7,000 =
    // £3,150.00; less £530: £2,620.00. HMRC: £400.
    Exception { id: "L13", case: ("800", "D1", 'M', 4, "6200", "530", false, "400"),
        contract: "2620", rule: OverridingLimit },
    // L14. BR, month 6, £500, £7,400 and £1,110 before. 20% of £7,900 =
    // £1,580.00; less £1,110: £470.00. HMRC: £250.
    Exception { id: "L14", case: ("500", "BR", 'M', 6, "7400", "1110", false, "250"),
        contract: "470", rule: OverridingLimit },
    // L15. BR, month 7, £500, £7,900 and £1,360 before. 20% of £8,400 =
    // £1,680.00; less £1,360: £320.00. HMRC: £250.
    Exception { id: "L15", case: ("500", "BR", 'M', 7, "7900", "1360", false, "250"),
        contract: "320", rule: OverridingLimit },
];

/// The 2016-17 bands in the reference implementation's form, in pounds.
const REFERENCE_BANDS_2016_17: reference::Bands =
    &[(Some(32_000), 20), (Some(150_000), 40), (None, 45)];

/// "1234.5" or "-0.80" as pence.
fn pence(text: &str) -> i64 {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let (pounds, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let fraction = format!("{fraction:0<2}");
    sign * (pounds.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap())
}

fn frequency(letter: char) -> Frequency {
    if letter == 'W' {
        Frequency::Weekly
    } else {
        Frequency::Monthly
    }
}

/// The engine's tax this period for a case, on 2016-17's schedule.
fn engine_tax(case: &Case) -> i64 {
    let &(pay, code, letter, period, pay_before, tax_before, w1, _) = case;
    let input = PayeInput {
        // The year only picks a schedule, which this test supplies.
        year: TaxYear::Y2025_26,
        period: Period::new(frequency(letter), period).unwrap(),
        code: TaxCode::parse(code).unwrap(),
        week1_month1: w1,
        taxable_pay: pence(pay),
        taxable_pay_to_date_before: pence(pay_before),
        tax_to_date_before: pence(tax_before),
    };
    calculate_with(&input, &SCHEDULE_2016_17).unwrap().tax
}

/// The reference implementation's tax this period for a case, on
/// 2016-17's bands.
fn reference_tax(case: &Case) -> i64 {
    let &(pay, code, letter, period, pay_before, tax_before, w1, _) = case;
    let frequency = if letter == 'W' { "weekly" } else { "monthly" };
    reference::tax_this_period(
        REFERENCE_BANDS_2016_17,
        code,
        frequency,
        period,
        w1,
        i128::from(pence(pay)),
        i128::from(pence(pay_before)),
        i128::from(pence(tax_before)),
    ) as i64
}

fn describe(case: &Case) -> String {
    let &(pay, code, letter, period, pay_before, tax_before, w1, expected) = case;
    format!(
        "{code} {letter}{period} pay {pay} (before {pay_before}/{tax_before}, w1 {w1}), HMRC {expected}"
    )
}

/// Every case outside `EXCEPTIONS` gives HMRC's figure, in the engine and
/// in the reference implementation.
#[test]
fn hmrc_paye_test_data_2016_17() {
    assert_eq!(CASES.len() + EXCEPTIONS.len(), 239, "all of HMRC's cases");
    let mut failures = Vec::new();
    for case in CASES {
        let hmrc = pence(case.7);
        let (engine, reference) = (engine_tax(case), reference_tax(case));
        if engine != hmrc || reference != hmrc {
            failures.push(format!(
                "{}: engine {engine}p, reference {reference}p",
                describe(case)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Where HMRC's figure and the contract's reading differ, the engine gives
/// the contract's figure (worked by hand in `EXCEPTIONS`, and the same in
/// the reference implementation), and the difference is the one its rule
/// names.
#[test]
fn hmrc_cases_where_the_contract_reads_differently() {
    let count = |rule: Rule| EXCEPTIONS.iter().filter(|e| e.rule == rule).count();
    assert_eq!((count(BandChoice), count(OverridingLimit)), (3, 15));
    for e in EXCEPTIONS {
        let what = format!("{} {}", e.id, describe(&e.case));
        let (hmrc, contract) = (pence(e.case.7), pence(e.contract));
        let (pay, code) = (pence(e.case.0), TaxCode::parse(e.case.1).unwrap());
        assert_ne!(hmrc, contract, "{what}: not an exception");
        assert_eq!(engine_tax(&e.case), contract, "{what}");
        assert_eq!(reference_tax(&e.case), contract, "{what}: reference");
        match e.rule {
            // HMRC keeps the last whole pound in the lower band: a few
            // pence less, never a whole pound's worth, and far from the
            // 50% limit.
            BandChoice => {
                assert!(contract > hmrc && contract - hmrc < 100, "{what}");
                assert!(contract < pay / 2, "{what}");
            }
            // HMRC's figure is exactly half this period's pay, rounded down
            // to the penny; the contract takes more.
            // K codes are limited on both readings, so these are others.
            OverridingLimit => {
                assert!(!code.is_k(), "{what}");
                assert_eq!(hmrc, pay.div_euclid(2), "{what}");
                assert!(contract > hmrc, "{what}");
            }
        }
    }
}

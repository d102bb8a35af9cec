//! HMRC's own PAYE and NICs test data for payroll software, tax year
//! 2025-26.
//!
//! Source of every HMRC figure: HMRC's test data for 2025-26 as HMRC's
//! Software Developers Support Team issues it to payroll developers
//! ("2025 - 26 rest of UK tax v1.0", "2025 - 26 Scottish tax v1.0",
//! "2025- 26 Welsh tax v1.0": 168 PAYE cases; "NIC test data v1.1": 448
//! Class 1 NICs cases), as transcribed case by case, with HMRC's test
//! names, in the open-source Payetools project (github.com/payetools/
//! Payetools, MIT licence, `test/Payetools.Testing.Data/Data/IncomeTax/
//! income_tax_test_data_2025-2026.json` and `…/NationalInsurance/
//! national_insurance_test_data_2025-2026.json`, added in commit 07caf39
//! of 6 June 2025). Only the figures are taken, typed here as HMRC gives
//! them, with each case named as HMRC names it.
//!
//! Not here: the same NICs data's 448 cases for Freeport and Investment
//! Zone letters (F I L S N E D K), which Cylch's engine does not take
//! (docs/payroll-contract.md lists A B C H J M V X Z), and the directors'
//! NICs data (directors' annual earnings periods are not modelled). NI
//! letter X has no HMRC cases; it pays nothing.
//!
//! Every PAYE case runs through the JSON contract (`cylch payroll calc`'s
//! code) with the tax year 2025-26 and the case's code, frequency, period
//! and basis, with HMRC's own pay and tax to date before it (nil at the
//! start of each of HMRC's sequences, else HMRC's figures after the case
//! before), and must give HMRC's tax this period and
//! HMRC's taxable pay and tax to date after it; the reference
//! implementation must give the same. Every NICs case must give HMRC's
//! employee and employer contributions in the engine and the reference.
//!
//! Six Scottish monthly cases are the contract's open point ("Scottish
//! codes (open)"): HMRC's figure is one penny below exact arithmetic, and
//! until HMRC's specification settles why, the contract keeps the rule it
//! gives for every other code. They are listed in `SCOTTISH_OPEN` with the
//! working; the engine must give the contract's figure, one penny above
//! HMRC's, and every other case HMRC's.

use serde_json::{Value, json};

use cylch_payroll::{Frequency, NiCategory, TaxYear, ni};

use crate::hmrc_test_data::pence;
use crate::reference;

/// (HMRC's test, tax code, W(eekly)/M(onthly), period, week 1/month 1,
/// pay this period, taxable pay to date after it, tax this period, tax to
/// date after it), money in pounds as HMRC writes it.
type PayeCase = (
    &'static str,
    &'static str,
    char,
    i64,
    bool,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const PAYE_2025_26: &[PayeCase] = &[
    // 2025 - 26 rest of UK tax v1.0, Gen_cumul-mthly.
    ("rUK/Gen_cumul-mthly/1", "1257L", 'M', 1, false, "1156.25", "1156.25", "21.40", "21.40"),
    ("rUK/Gen_cumul-mthly/2", "1257L", 'M', 2, false, "1156.26", "2312.51", "21.60", "43.00"),
    ("rUK/Gen_cumul-mthly/3", "1257L", 'M', 3, false, "31123.26", "33435.77", "10188.00", "10231.00"),
    ("rUK/Gen_cumul-mthly/4", "1257L", 'M', 4, false, "14465.71", "47901.48", "4838.60", "15069.60"),
    ("rUK/Gen_cumul-mthly/5", "1257L", 'M', 5, false, "52681.25", "100582.73", "22085.10", "37154.70"),
    ("rUK/Gen_cumul-mthly/6", "1257L", 'M', 6, false, "50000.00", "150582.73", "20878.65", "58033.35"),
    ("rUK/Gen_cumul-mthly/7", "1257L", 'M', 7, false, "15000.00", "165582.73", "5128.20", "63161.55"),
    ("rUK/Gen_cumul-mthly/8", "1257L", 'M', 8, false, "14000.55", "179583.28", "4679.10", "67840.65"),
    ("rUK/Gen_cumul-mthly/9", "BR", 'M', 9, false, "12590.45", "192173.73", "-29406.05", "38434.60"),
    ("rUK/Gen_cumul-mthly/10", "NT", 'M', 10, false, "11245.05", "203418.78", "-38434.60", "0.00"),
    // 2025 - 26 rest of UK tax v1.0, Gen_cumul-wkly.
    ("rUK/Gen_cumul-wkly/1", "1257L", 'W', 1, false, "267.07", "267.07", "5.00", "5.00"),
    ("rUK/Gen_cumul-wkly/2", "1257L", 'W', 2, false, "266.08", "533.15", "4.80", "9.80"),
    ("rUK/Gen_cumul-wkly/3", "1257L", 'W', 3, false, "853.05", "1386.20", "122.20", "132.00"),
    ("rUK/Gen_cumul-wkly/4", "1257L", 'W', 4, false, "2021.09", "3407.29", "355.80", "487.80"),
    ("rUK/Gen_cumul-wkly/5", "1257L", 'W', 5, false, "9834.16", "13241.45", "3599.60", "4087.40"),
    ("rUK/Gen_cumul-wkly/6", "1257L", 'W', 6, false, "15000.00", "28241.45", "6375.68", "10463.08"),
    ("rUK/Gen_cumul-wkly/7", "1257L", 'W', 7, false, "242.84", "28484.29", "-264.87", "10198.21"),
    ("rUK/Gen_cumul-wkly/8", "1257L", 'W', 8, false, "243.83", "28728.12", "-264.43", "9933.78"),
    ("rUK/Gen_cumul-wkly/9", "BR", 'W', 9, false, "632.84", "29360.96", "-4061.78", "5872.00"),
    ("rUK/Gen_cumul-wkly/10", "NT", 'W', 10, false, "2893.83", "32254.79", "-5872.00", "0.00"),
    // 2025 - 26 rest of UK tax v1.0, Gen_W1M1_mthly.
    ("rUK/Gen_W1M1_mthly/1", "45L", 'M', 1, true, "39.24", "39.24", "0.00", "0.00"),
    ("rUK/Gen_W1M1_mthly/2", "45L", 'M', 1, true, "39.25", "39.25", "0.20", "0.20"),
    ("rUK/Gen_W1M1_mthly/3", "45L", 'M', 1, true, "3164.24", "3164.24", "625.00", "625.00"),
    ("rUK/Gen_W1M1_mthly/4", "45L", 'M', 1, true, "3164.25", "3164.25", "625.20", "625.20"),
    ("rUK/Gen_W1M1_mthly/5", "45L", 'M', 1, true, "10450.24", "10450.24", "3536.06", "3536.06"),
    ("rUK/Gen_W1M1_mthly/6", "45L", 'M', 1, true, "10500.78", "10500.78", "3558.15", "3558.15"),
    ("rUK/Gen_W1M1_mthly/7", "45L", 'M', 1, true, "12539.24", "12539.24", "4475.25", "4475.25"),
    ("rUK/Gen_W1M1_mthly/8", "45L", 'M', 1, true, "12539.25", "12539.25", "4475.70", "4475.70"),
    ("rUK/Gen_W1M1_mthly/9", "BR", 'M', 1, true, "99.99", "99.99", "19.80", "19.80"),
    ("rUK/Gen_W1M1_mthly/10", "D0", 'M', 1, true, "99.99", "99.99", "39.60", "39.60"),
    ("rUK/Gen_W1M1_mthly/11", "D1", 'M', 1, true, "99.99", "99.99", "44.55", "44.55"),
    // 2025 - 26 rest of UK tax v1.0, Gen_W1M1_wkly.
    ("rUK/Gen_W1M1_wkly/1", "145L", 'W', 1, true, "29.05", "29.05", "0.00", "0.00"),
    ("rUK/Gen_W1M1_wkly/2", "145L", 'W', 1, true, "29.06", "29.06", "0.20", "0.20"),
    ("rUK/Gen_W1M1_wkly/3", "145L", 'W', 1, true, "750.06", "750.06", "144.40", "144.40"),
    ("rUK/Gen_W1M1_wkly/4", "145L", 'W', 1, true, "750.07", "750.07", "144.40", "144.40"),
    ("rUK/Gen_W1M1_wkly/5", "145L", 'W', 1, true, "2913.06", "2913.06", "1032.92", "1032.92"),
    ("rUK/Gen_W1M1_wkly/6", "145L", 'W', 1, true, "2913.07", "2913.07", "1032.92", "1032.92"),
    ("rUK/Gen_W1M1_wkly/7", "BR", 'W', 1, true, "101.99", "101.99", "20.20", "20.20"),
    ("rUK/Gen_W1M1_wkly/8", "D0", 'W', 1, true, "101.99", "101.99", "40.40", "40.40"),
    ("rUK/Gen_W1M1_wkly/9", "D1", 'W', 1, true, "101.99", "101.99", "45.45", "45.45"),
    // 2025 - 26 rest of UK tax v1.0, BR_monthly.
    ("rUK/BR_monthly/1", "BR", 'M', 1, false, "2870.55", "2870.55", "574.00", "574.00"),
    ("rUK/BR_monthly/2", "BR", 'M', 2, false, "3500.95", "6371.50", "700.20", "1274.20"),
    ("rUK/BR_monthly/3", "BR", 'M', 3, false, "32000.00", "38371.50", "6400.00", "7674.20"),
    // 2025 - 26 rest of UK tax v1.0, BR_weekly.
    ("rUK/BR_weekly/1", "BR", 'W', 1, false, "650.15", "650.15", "130.00", "130.00"),
    ("rUK/BR_weekly/2", "BR", 'W', 2, false, "995.55", "1645.70", "199.00", "329.00"),
    ("rUK/BR_weekly/3", "BR", 'W', 3, false, "7100.35", "8746.05", "1420.20", "1749.20"),
    // 2025 - 26 rest of UK tax v1.0, K_cumul_mthly.
    ("rUK/K_cumul_mthly/1", "K585", 'M', 1, false, "895.00", "895.00", "276.60", "276.60"),
    ("rUK/K_cumul_mthly/2", "K585", 'M', 2, false, "1250.00", "2145.00", "347.60", "624.20"),
    ("rUK/K_cumul_mthly/3", "K585", 'M', 3, false, "765.00", "2910.00", "250.60", "874.80"),
    // 2025 - 26 rest of UK tax v1.0, K_cumul_wkly.
    ("rUK/K_cumul_wkly/1", "K630", 'W', 1, false, "150.00", "150.00", "54.20", "54.20"),
    ("rUK/K_cumul_wkly/2", "K630", 'W', 2, false, "300.00", "450.00", "84.20", "138.40"),
    ("rUK/K_cumul_wkly/3", "K630", 'W', 3, false, "245.00", "695.00", "73.40", "211.80"),
    // 2025 - 26 rest of UK tax v1.0, K_W1M1_mthly.
    ("rUK/K_W1M1_mthly/1", "K45", 'M', 1, true, "950.00", "950.00", "197.60", "197.60"),
    ("rUK/K_W1M1_mthly/2", "K285", 'M', 1, true, "1120.00", "1120.00", "271.60", "271.60"),
    ("rUK/K_W1M1_mthly/3", "K401", 'M', 1, true, "885.00", "885.00", "243.80", "243.80"),
    // 2025 - 26 rest of UK tax v1.0, K_W1M1_wkly.
    ("rUK/K_W1M1_wkly/1", "K27", 'W', 1, true, "560.00", "560.00", "113.00", "113.00"),
    ("rUK/K_W1M1_wkly/2", "K159", 'W', 1, true, "432.00", "432.00", "92.40", "92.40"),
    ("rUK/K_W1M1_wkly/3", "K306", 'W', 1, true, "810.00", "810.00", "202.60", "202.60"),
    // 2025 - 26 rest of UK tax v1.0, Large_code_mthly.
    ("rUK/Large_code_mthly/1", "999L", 'M', 1, false, "2500.00", "2500.00", "333.20", "333.20"),
    ("rUK/Large_code_mthly/2", "1000L", 'M', 1, false, "3000.00", "3000.00", "433.00", "433.00"),
    ("rUK/Large_code_mthly/3", "1001L", 'M', 1, false, "5000.00", "5000.00", "1037.66", "1037.66"),
    // 2025 - 26 rest of UK tax v1.0, Large_code_wkly.
    ("rUK/Large_code_wkly/1", "999L", 'W', 1, false, "750.00", "750.00", "111.40", "111.40"),
    ("rUK/Large_code_wkly/2", "1000L", 'W', 1, false, "900.00", "900.00", "141.40", "141.40"),
    ("rUK/Large_code_wkly/3", "1001L", 'W', 1, false, "1500.00", "1500.00", "377.80", "377.80"),
    // 2025 - 26 Scottish tax v1.0, Gen_cumul_mthly.
    ("Scot/Gen_cumul_mthly/1", "S1257L", 'M', 1, false, "1156.25", "1156.25", "20.33", "20.33"),
    ("Scot/Gen_cumul_mthly/2", "S1257L", 'M', 2, false, "1156.26", "2312.51", "20.52", "40.85"),
    ("Scot/Gen_cumul_mthly/3", "S1257L", 'M', 3, false, "31123.26", "33435.77", "11444.72", "11485.57"),
    ("Scot/Gen_cumul_mthly/4", "S1257L", 'M', 4, false, "14465.71", "47901.48", "5382.96", "16868.53"),
    ("Scot/Gen_cumul_mthly/5", "S1257L", 'M', 5, false, "52681.25", "100582.73", "23756.02", "40624.55"),
    ("Scot/Gen_cumul_mthly/6", "S1257L", 'M', 6, false, "50000.00", "150582.73", "22469.14", "63093.69"),
    ("Scot/Gen_cumul_mthly/7", "S1257L", 'M', 7, false, "15000.00", "165582.73", "5668.65", "68762.34"),
    ("Scot/Gen_cumul_mthly/8", "S1257L", 'M', 8, false, "14000.55", "179583.28", "5189.61", "73951.95"),
    ("Scot/Gen_cumul_mthly/9", "SBR", 'M', 9, false, "12590.45", "192173.73", "-35517.35", "38434.60"),
    ("Scot/Gen_cumul_mthly/10", "NT", 'M', 10, false, "11245.05", "203418.78", "-38434.60", "0.00"),
    // 2025 - 26 Scottish tax v1.0, Gen_cumul_wkly.
    ("Scot/Gen_cumul_wkly/1", "S1257L", 'W', 1, false, "267.07", "267.07", "4.75", "4.75"),
    ("Scot/Gen_cumul_wkly/2", "S1257L", 'W', 2, false, "266.08", "533.15", "4.56", "9.31"),
    ("Scot/Gen_cumul_wkly/3", "S1257L", 'W', 3, false, "853.05", "1386.20", "121.05", "130.36"),
    ("Scot/Gen_cumul_wkly/4", "S1257L", 'W', 4, false, "2021.09", "3407.29", "378.11", "508.47"),
    ("Scot/Gen_cumul_wkly/5", "S1257L", 'W', 5, false, "9834.16", "13241.45", "4080.50", "4588.97"),
    ("Scot/Gen_cumul_wkly/6", "S1257L", 'W', 6, false, "15000.00", "28241.45", "6846.60", "11435.57"),
    ("Scot/Gen_cumul_wkly/7", "S1257L", 'W', 7, false, "242.84", "28484.29", "-236.71", "11198.86"),
    ("Scot/Gen_cumul_wkly/8", "S1257L", 'W', 8, false, "243.83", "28728.12", "-236.23", "10962.63"),
    ("Scot/Gen_cumul_wkly/9", "SBR", 'W', 9, false, "632.84", "29360.96", "-5090.63", "5872.00"),
    ("Scot/Gen_cumul_wkly/10", "NT", 'W', 10, false, "2893.83", "32254.79", "-5872.00", "0.00"),
    // 2025 - 26 Scottish tax v1.0, Gen_W1M1_mthly.
    ("Scot/Gen_W1M1_mthly/1", "S45L", 'M', 1, true, "39.24", "39.24", "0.00", "0.00"),
    ("Scot/Gen_W1M1_mthly/2", "S45L", 'M', 1, true, "39.25", "39.25", "0.19", "0.19"),
    ("Scot/Gen_W1M1_mthly/3", "S45L", 'M', 1, true, "3164.24", "3164.24", "753.59", "753.59"),
    ("Scot/Gen_W1M1_mthly/4", "S45L", 'M', 1, true, "3164.25", "3164.25", "754.01", "754.01"),
    ("Scot/Gen_W1M1_mthly/5", "S45L", 'M', 1, true, "10450.24", "10450.24", "3969.97", "3969.97"),
    ("Scot/Gen_W1M1_mthly/6", "S45L", 'M', 1, true, "10500.78", "10500.78", "3993.93", "3993.93"),
    ("Scot/Gen_W1M1_mthly/7", "S45L", 'M', 1, true, "12539.24", "12539.24", "4972.17", "4972.17"),
    ("Scot/Gen_W1M1_mthly/8", "S45L", 'M', 1, true, "12539.25", "12539.25", "4972.65", "4972.65"),
    ("Scot/Gen_W1M1_mthly/9", "SBR", 'M', 1, true, "99.99", "99.99", "19.80", "19.80"),
    ("Scot/Gen_W1M1_mthly/10", "SBR", 'M', 1, true, "1450.03", "1450.03", "290.00", "290.00"),
    ("Scot/Gen_W1M1_mthly/11", "SD0", 'M', 1, true, "99.99", "99.99", "20.79", "20.79"),
    ("Scot/Gen_W1M1_mthly/12", "SD0", 'M', 1, true, "1450.03", "1450.03", "304.50", "304.50"),
    ("Scot/Gen_W1M1_mthly/13", "SD1", 'M', 1, true, "99.99", "99.99", "41.58", "41.58"),
    ("Scot/Gen_W1M1_mthly/14", "SD1", 'M', 1, true, "1450.03", "1450.03", "609.00", "609.00"),
    ("Scot/Gen_W1M1_mthly/15", "SD2", 'M', 1, true, "99.99", "99.99", "44.55", "44.55"),
    ("Scot/Gen_W1M1_mthly/16", "SD2", 'M', 1, true, "1450.03", "1450.03", "652.50", "652.50"),
    ("Scot/Gen_W1M1_mthly/17", "SD2", 'M', 1, true, "5300.67", "5300.67", "2385.00", "2385.00"),
    ("Scot/Gen_W1M1_mthly/18", "SD3", 'M', 1, true, "99.99", "99.99", "47.52", "47.52"),
    ("Scot/Gen_W1M1_mthly/19", "SD3", 'M', 1, true, "1450.03", "1450.03", "696.00", "696.00"),
    ("Scot/Gen_W1M1_mthly/20", "SD3", 'M', 1, true, "5300.67", "5300.67", "2544.00", "2544.00"),
    // 2025 - 26 Scottish tax v1.0, Gen_W1M1_wkly.
    ("Scot/Gen_W1M1_wkly/1", "S145L", 'W', 1, true, "29.05", "29.05", "0.00", "0.00"),
    ("Scot/Gen_W1M1_wkly/2", "S145L", 'W', 1, true, "29.06", "29.06", "0.19", "0.19"),
    ("Scot/Gen_W1M1_wkly/3", "S145L", 'W', 1, true, "750.06", "750.06", "174.26", "174.26"),
    ("Scot/Gen_W1M1_wkly/4", "S145L", 'W', 1, true, "750.07", "750.07", "174.26", "174.26"),
    ("Scot/Gen_W1M1_wkly/5", "S145L", 'W', 1, true, "2913.06", "2913.06", "1147.60", "1147.60"),
    ("Scot/Gen_W1M1_wkly/6", "S145L", 'W', 1, true, "2913.07", "2913.07", "1147.60", "1147.60"),
    ("Scot/Gen_W1M1_wkly/7", "SBR", 'W', 1, true, "101.99", "101.99", "20.20", "20.20"),
    ("Scot/Gen_W1M1_wkly/8", "SBR", 'W', 1, true, "324.63", "324.63", "64.80", "64.80"),
    ("Scot/Gen_W1M1_wkly/9", "SD0", 'W', 1, true, "101.99", "101.99", "21.21", "21.21"),
    ("Scot/Gen_W1M1_wkly/10", "SD0", 'W', 1, true, "324.63", "324.63", "68.04", "68.04"),
    ("Scot/Gen_W1M1_wkly/11", "SD1", 'W', 1, true, "101.99", "101.99", "42.42", "42.42"),
    ("Scot/Gen_W1M1_wkly/12", "SD1", 'W', 1, true, "324.63", "324.63", "136.08", "136.08"),
    ("Scot/Gen_W1M1_wkly/13", "SD2", 'W', 1, true, "101.99", "101.99", "45.45", "45.45"),
    ("Scot/Gen_W1M1_wkly/14", "SD2", 'W', 1, true, "324.63", "324.63", "145.80", "145.80"),
    ("Scot/Gen_W1M1_wkly/15", "SD2", 'W', 1, true, "1056.81", "1056.81", "475.20", "475.20"),
    ("Scot/Gen_W1M1_wkly/16", "SD3", 'W', 1, true, "101.99", "101.99", "48.48", "48.48"),
    ("Scot/Gen_W1M1_wkly/17", "SD3", 'W', 1, true, "324.63", "324.63", "155.52", "155.52"),
    ("Scot/Gen_W1M1_wkly/18", "SD3", 'W', 1, true, "1056.81", "1056.81", "506.88", "506.88"),
    // 2025 - 26 Scottish tax v1.0, K_cumul_mthly.
    ("Scot/K_cumul_mthly/1", "SK585", 'M', 1, false, "895.00", "895.00", "275.63", "275.63"),
    ("Scot/K_cumul_mthly/2", "SK585", 'M', 2, false, "1250.00", "2145.00", "350.19", "625.82"),
    ("Scot/K_cumul_mthly/3", "SK585", 'M', 3, false, "765.00", "2910.00", "248.35", "874.17"),
    // 2025 - 26 Scottish tax v1.0, K_cumul_wkly.
    ("Scot/K_cumul_wkly/1", "SK630", 'W', 1, false, "150.00", "150.00", "53.65", "53.65"),
    ("Scot/K_cumul_wkly/2", "SK630", 'W', 2, false, "300.00", "450.00", "84.84", "138.49"),
    ("Scot/K_cumul_wkly/3", "SK630", 'W', 3, false, "245.00", "695.00", "73.66", "212.15"),
    // 2025- 26 Welsh tax v1.0, Gen_cumul_mthly.
    ("Wales/Gen_cumul_mthly/1", "C1257L", 'M', 1, false, "1156.25", "1156.25", "21.40", "21.40"),
    ("Wales/Gen_cumul_mthly/2", "C1257L", 'M', 2, false, "1156.26", "2312.51", "21.60", "43.00"),
    ("Wales/Gen_cumul_mthly/3", "C1257L", 'M', 3, false, "31123.26", "33435.77", "10188.00", "10231.00"),
    ("Wales/Gen_cumul_mthly/4", "C1257L", 'M', 4, false, "14465.71", "47901.48", "4838.60", "15069.60"),
    ("Wales/Gen_cumul_mthly/5", "C1257L", 'M', 5, false, "52681.25", "100582.73", "22085.10", "37154.70"),
    ("Wales/Gen_cumul_mthly/6", "C1257L", 'M', 6, false, "50000.00", "150582.73", "20878.65", "58033.35"),
    ("Wales/Gen_cumul_mthly/7", "C1257L", 'M', 7, false, "15000.00", "165582.73", "5128.20", "63161.55"),
    ("Wales/Gen_cumul_mthly/8", "C1257L", 'M', 8, false, "14000.55", "179583.28", "4679.10", "67840.65"),
    ("Wales/Gen_cumul_mthly/9", "CBR", 'M', 9, false, "12590.45", "192173.73", "-29406.05", "38434.60"),
    ("Wales/Gen_cumul_mthly/10", "NT", 'M', 10, false, "11245.05", "203418.78", "-38434.60", "0.00"),
    // 2025- 26 Welsh tax v1.0, Gen_cumul_wkly.
    ("Wales/Gen_cumul_wkly/1", "C1257L", 'W', 1, false, "267.07", "267.07", "5.00", "5.00"),
    ("Wales/Gen_cumul_wkly/2", "C1257L", 'W', 2, false, "266.08", "533.15", "4.80", "9.80"),
    ("Wales/Gen_cumul_wkly/3", "C1257L", 'W', 3, false, "853.05", "1386.20", "122.20", "132.00"),
    ("Wales/Gen_cumul_wkly/4", "C1257L", 'W', 4, false, "2021.09", "3407.29", "355.80", "487.80"),
    ("Wales/Gen_cumul_wkly/5", "C1257L", 'W', 5, false, "9834.16", "13241.45", "3599.60", "4087.40"),
    ("Wales/Gen_cumul_wkly/6", "C1257L", 'W', 6, false, "15000.00", "28241.45", "6375.68", "10463.08"),
    ("Wales/Gen_cumul_wkly/7", "C1257L", 'W', 7, false, "242.84", "28484.29", "-264.87", "10198.21"),
    ("Wales/Gen_cumul_wkly/8", "C1257L", 'W', 8, false, "243.83", "28728.12", "-264.43", "9933.78"),
    ("Wales/Gen_cumul_wkly/9", "CBR", 'W', 9, false, "632.84", "29360.96", "-4061.78", "5872.00"),
    ("Wales/Gen_cumul_wkly/10", "NT", 'W', 10, false, "2893.83", "32254.79", "-5872.00", "0.00"),
    // 2025- 26 Welsh tax v1.0, Gen_W1M1_mthly.
    ("Wales/Gen_W1M1_mthly/1", "C45L", 'M', 1, true, "39.24", "39.24", "0.00", "0.00"),
    ("Wales/Gen_W1M1_mthly/2", "C45L", 'M', 1, true, "39.25", "39.25", "0.20", "0.20"),
    ("Wales/Gen_W1M1_mthly/3", "C45L", 'M', 1, true, "3164.24", "3164.24", "625.00", "625.00"),
    ("Wales/Gen_W1M1_mthly/4", "C45L", 'M', 1, true, "3164.25", "3164.25", "625.20", "625.20"),
    ("Wales/Gen_W1M1_mthly/5", "C45L", 'M', 1, true, "10450.24", "10450.24", "3536.06", "3536.06"),
    ("Wales/Gen_W1M1_mthly/6", "C45L", 'M', 1, true, "10500.78", "10500.78", "3558.15", "3558.15"),
    ("Wales/Gen_W1M1_mthly/7", "C45L", 'M', 1, true, "12539.24", "12539.24", "4475.25", "4475.25"),
    ("Wales/Gen_W1M1_mthly/8", "C45L", 'M', 1, true, "12539.25", "12539.25", "4475.70", "4475.70"),
    ("Wales/Gen_W1M1_mthly/9", "CBR", 'M', 1, true, "99.99", "99.99", "19.80", "19.80"),
    ("Wales/Gen_W1M1_mthly/10", "CD0", 'M', 1, true, "99.99", "99.99", "39.60", "39.60"),
    ("Wales/Gen_W1M1_mthly/11", "CD1", 'M', 1, true, "99.99", "99.99", "44.55", "44.55"),
    // 2025- 26 Welsh tax v1.0, Gen_W1M1_wkly.
    ("Wales/Gen_W1M1_wkly/1", "C145L", 'W', 1, true, "29.05", "29.05", "0.00", "0.00"),
    ("Wales/Gen_W1M1_wkly/2", "C145L", 'W', 1, true, "29.06", "29.06", "0.20", "0.20"),
    ("Wales/Gen_W1M1_wkly/3", "C145L", 'W', 1, true, "750.06", "750.06", "144.40", "144.40"),
    ("Wales/Gen_W1M1_wkly/4", "C145L", 'W', 1, true, "750.07", "750.07", "144.40", "144.40"),
    ("Wales/Gen_W1M1_wkly/5", "C145L", 'W', 1, true, "2913.06", "2913.06", "1032.92", "1032.92"),
    ("Wales/Gen_W1M1_wkly/6", "C145L", 'W', 1, true, "2913.07", "2913.07", "1032.92", "1032.92"),
    ("Wales/Gen_W1M1_wkly/7", "CBR", 'W', 1, true, "101.99", "101.99", "20.20", "20.20"),
    ("Wales/Gen_W1M1_wkly/8", "CD0", 'W', 1, true, "101.99", "101.99", "40.40", "40.40"),
    ("Wales/Gen_W1M1_wkly/9", "CD1", 'W', 1, true, "101.99", "101.99", "45.45", "45.45"),
];

/// The contract's open point: HMRC's test, HMRC's tax this period, and the
/// figure the contract's rule gives (exact arithmetic, one penny more).
///
/// Worked by hand, Scot/Gen_W1M1_mthly/3: S45L month 1, £3,164.24. Free
/// pay £38.25, U = £3,125.99, T = £3,125. Limits to date £2,827 ÷ 12 =
/// £235.58⅓, £14,921 ÷ 12 = £1,243.41⅔, £31,092 ÷ 12 = £2,591 and
/// £62,430 ÷ 12 = £5,202.50 (rounded up £5,203, not exceeded): the 42%
/// band. Tax of the bands below: (£2,827 × 19% + £12,094 × 20% + £16,171 ×
/// 21%) ÷ 12 = £6,351.84 ÷ 12 = £529.32; plus (£3,125 − £2,591) × 42% =
/// £224.28: £753.60 exactly. HMRC: £753.59.
///
/// What the six share: the exact tax to date is a whole number of pence
/// and the period count is 1, 2, 4 or 8, so the Scottish limits to date
/// are recurring decimals; the Scottish cases whose exact figure is a
/// whole number of pence in months 3 and 6 (K_cumul_mthly/3,
/// Gen_cumul_mthly/6) agree with HMRC, and so do all the rest-of-UK and
/// Welsh cases of that kind. That looks like limited precision in HMRC's
/// own Scottish calculation rather than a rule; no reading tried (the
/// limits or the tax of the bands below rounded to 2 to 6 decimal places,
/// band by band or in total, or binary floating point) gives HMRC's figure
/// in all six without breaking other cases of the 2016-17 or 2025-26 data.
#[rustfmt::skip]
const SCOTTISH_OPEN: [(&str, &str, &str); 6] = [
    ("Scot/Gen_cumul_mthly/4", "5382.96", "5382.97"),
    ("Scot/Gen_cumul_mthly/8", "5189.61", "5189.62"),
    ("Scot/Gen_W1M1_mthly/3", "753.59", "753.60"),
    ("Scot/Gen_W1M1_mthly/4", "754.01", "754.02"),
    ("Scot/K_cumul_mthly/1", "275.63", "275.64"),
    ("Scot/K_cumul_mthly/2", "350.19", "350.20"),
];

/// (HMRC's test, NI category, frequency, gross pay this period, employee
/// NI, employer NI), money in pounds as HMRC writes it. Every case is the
/// first period of its frequency.
type NiCase = (
    &'static str,
    char,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
const NICS_2025_26: &[NiCase] = &[
    // Category A.
    ("Cat_A/1", 'A', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_A/2", 'A', "weekly", "96.04", "0.00", "0.01"),
    ("Cat_A/3", 'A', "weekly", "125.00", "0.00", "4.35"),
    ("Cat_A/4", 'A', "weekly", "125.01", "0.00", "4.35"),
    ("Cat_A/5", 'A', "weekly", "242.07", "0.00", "21.91"),
    ("Cat_A/6", 'A', "weekly", "242.08", "0.01", "21.91"),
    ("Cat_A/7", 'A', "weekly", "242.31", "0.02", "21.95"),
    ("Cat_A/8", 'A', "weekly", "242.32", "0.02", "21.95"),
    ("Cat_A/9", 'A', "weekly", "481.03", "19.12", "57.75"),
    ("Cat_A/10", 'A', "weekly", "481.04", "19.12", "57.76"),
    ("Cat_A/11", 'A', "weekly", "966.64", "57.97", "130.60"),
    ("Cat_A/12", 'A', "weekly", "966.65", "57.97", "130.60"),
    ("Cat_A/13", 'A', "weekly", "967.04", "58.00", "130.66"),
    ("Cat_A/14", 'A', "weekly", "967.05", "58.00", "130.66"),
    ("Cat_A/15", 'A', "two_weekly", "193.04", "0.00", "0.01"),
    ("Cat_A/16", 'A', "two_weekly", "193.05", "0.00", "0.01"),
    ("Cat_A/17", 'A', "two_weekly", "250.00", "0.00", "8.55"),
    ("Cat_A/18", 'A', "two_weekly", "250.01", "0.00", "8.55"),
    ("Cat_A/19", 'A', "two_weekly", "484.07", "0.00", "43.66"),
    ("Cat_A/20", 'A', "two_weekly", "484.08", "0.01", "43.66"),
    ("Cat_A/21", 'A', "two_weekly", "484.31", "0.02", "43.70"),
    ("Cat_A/22", 'A', "two_weekly", "484.32", "0.02", "43.70"),
    ("Cat_A/23", 'A', "two_weekly", "962.03", "38.24", "115.35"),
    ("Cat_A/24", 'A', "two_weekly", "962.04", "38.24", "115.36"),
    ("Cat_A/25", 'A', "two_weekly", "1933.72", "115.98", "261.11"),
    ("Cat_A/26", 'A', "two_weekly", "1933.73", "115.98", "261.11"),
    ("Cat_A/27", 'A', "two_weekly", "1934.04", "116.00", "261.16"),
    ("Cat_A/28", 'A', "two_weekly", "1934.05", "116.00", "261.16"),
    ("Cat_A/29", 'A', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_A/30", 'A', "four_weekly", "385.04", "0.00", "0.01"),
    ("Cat_A/31", 'A', "four_weekly", "500.00", "0.00", "17.25"),
    ("Cat_A/32", 'A', "four_weekly", "500.01", "0.00", "17.25"),
    ("Cat_A/33", 'A', "four_weekly", "967.07", "0.00", "87.31"),
    ("Cat_A/34", 'A', "four_weekly", "967.08", "0.01", "87.31"),
    ("Cat_A/35", 'A', "four_weekly", "967.31", "0.02", "87.35"),
    ("Cat_A/36", 'A', "four_weekly", "967.32", "0.02", "87.35"),
    ("Cat_A/37", 'A', "four_weekly", "1924.04", "76.56", "230.86"),
    ("Cat_A/38", 'A', "four_weekly", "1924.05", "76.56", "230.86"),
    ("Cat_A/39", 'A', "four_weekly", "3866.68", "231.97", "522.25"),
    ("Cat_A/40", 'A', "four_weekly", "3866.69", "231.97", "522.25"),
    ("Cat_A/41", 'A', "four_weekly", "3867.04", "232.00", "522.31"),
    ("Cat_A/42", 'A', "four_weekly", "3867.05", "232.00", "522.31"),
    ("Cat_A/43", 'A', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_A/44", 'A', "monthly", "417.04", "0.00", "0.01"),
    ("Cat_A/45", 'A', "monthly", "542.00", "0.00", "18.75"),
    ("Cat_A/46", 'A', "monthly", "542.01", "0.00", "18.75"),
    ("Cat_A/47", 'A', "monthly", "1048.07", "0.00", "94.66"),
    ("Cat_A/48", 'A', "monthly", "1048.08", "0.01", "94.66"),
    ("Cat_A/49", 'A', "monthly", "1048.31", "0.02", "94.70"),
    ("Cat_A/50", 'A', "monthly", "1048.32", "0.02", "94.70"),
    ("Cat_A/51", 'A', "monthly", "2083.05", "82.80", "249.91"),
    ("Cat_A/52", 'A', "monthly", "2083.06", "82.80", "249.91"),
    ("Cat_A/53", 'A', "monthly", "4188.53", "251.24", "565.73"),
    ("Cat_A/54", 'A', "monthly", "4188.54", "251.24", "565.73"),
    ("Cat_A/55", 'A', "monthly", "4189.04", "251.28", "565.81"),
    ("Cat_A/56", 'A', "monthly", "4189.05", "251.28", "565.81"),
    // Category B.
    ("Cat_B/1", 'B', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_B/2", 'B', "weekly", "96.04", "0.00", "0.01"),
    ("Cat_B/3", 'B', "weekly", "125.00", "0.00", "4.35"),
    ("Cat_B/4", 'B', "weekly", "125.01", "0.00", "4.35"),
    ("Cat_B/5", 'B', "weekly", "242.07", "0.00", "21.91"),
    ("Cat_B/6", 'B', "weekly", "242.08", "0.00", "21.91"),
    ("Cat_B/7", 'B', "weekly", "242.31", "0.00", "21.95"),
    ("Cat_B/8", 'B', "weekly", "242.32", "0.00", "21.95"),
    ("Cat_B/9", 'B', "weekly", "481.03", "4.42", "57.75"),
    ("Cat_B/10", 'B', "weekly", "481.04", "4.42", "57.76"),
    ("Cat_B/11", 'B', "weekly", "966.64", "13.40", "130.60"),
    ("Cat_B/12", 'B', "weekly", "966.65", "13.41", "130.60"),
    ("Cat_B/13", 'B', "weekly", "967.04", "13.41", "130.66"),
    ("Cat_B/14", 'B', "weekly", "967.05", "13.41", "130.66"),
    ("Cat_B/15", 'B', "two_weekly", "193.04", "0.00", "0.01"),
    ("Cat_B/16", 'B', "two_weekly", "193.05", "0.00", "0.01"),
    ("Cat_B/17", 'B', "two_weekly", "250.00", "0.00", "8.55"),
    ("Cat_B/18", 'B', "two_weekly", "250.01", "0.00", "8.55"),
    ("Cat_B/19", 'B', "two_weekly", "484.07", "0.00", "43.66"),
    ("Cat_B/20", 'B', "two_weekly", "484.08", "0.00", "43.66"),
    ("Cat_B/21", 'B', "two_weekly", "484.31", "0.00", "43.70"),
    ("Cat_B/22", 'B', "two_weekly", "484.32", "0.00", "43.70"),
    ("Cat_B/23", 'B', "two_weekly", "962.03", "8.84", "115.35"),
    ("Cat_B/24", 'B', "two_weekly", "962.04", "8.84", "115.36"),
    ("Cat_B/25", 'B', "two_weekly", "1933.72", "26.82", "261.11"),
    ("Cat_B/26", 'B', "two_weekly", "1933.73", "26.82", "261.11"),
    ("Cat_B/27", 'B', "two_weekly", "1934.04", "26.82", "261.16"),
    ("Cat_B/28", 'B', "two_weekly", "1934.05", "26.82", "261.16"),
    ("Cat_B/29", 'B', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_B/30", 'B', "four_weekly", "385.04", "0.00", "0.01"),
    ("Cat_B/31", 'B', "four_weekly", "500.00", "0.00", "17.25"),
    ("Cat_B/32", 'B', "four_weekly", "500.01", "0.00", "17.25"),
    ("Cat_B/33", 'B', "four_weekly", "967.07", "0.00", "87.31"),
    ("Cat_B/34", 'B', "four_weekly", "967.08", "0.00", "87.31"),
    ("Cat_B/35", 'B', "four_weekly", "967.31", "0.00", "87.35"),
    ("Cat_B/36", 'B', "four_weekly", "967.32", "0.00", "87.35"),
    ("Cat_B/37", 'B', "four_weekly", "1924.04", "17.70", "230.86"),
    ("Cat_B/38", 'B', "four_weekly", "1924.05", "17.70", "230.86"),
    ("Cat_B/39", 'B', "four_weekly", "3866.68", "53.64", "522.25"),
    ("Cat_B/40", 'B', "four_weekly", "3866.69", "53.64", "522.25"),
    ("Cat_B/41", 'B', "four_weekly", "3867.04", "53.65", "522.31"),
    ("Cat_B/42", 'B', "four_weekly", "3867.05", "53.65", "522.31"),
    ("Cat_B/43", 'B', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_B/44", 'B', "monthly", "417.04", "0.00", "0.01"),
    ("Cat_B/45", 'B', "monthly", "542.00", "0.00", "18.75"),
    ("Cat_B/46", 'B', "monthly", "542.01", "0.00", "18.75"),
    ("Cat_B/47", 'B', "monthly", "1048.07", "0.00", "94.66"),
    ("Cat_B/48", 'B', "monthly", "1048.08", "0.00", "94.66"),
    ("Cat_B/49", 'B', "monthly", "1048.31", "0.00", "94.70"),
    ("Cat_B/50", 'B', "monthly", "1048.32", "0.00", "94.70"),
    ("Cat_B/51", 'B', "monthly", "2083.05", "19.15", "249.91"),
    ("Cat_B/52", 'B', "monthly", "2083.06", "19.15", "249.91"),
    ("Cat_B/53", 'B', "monthly", "4188.53", "58.10", "565.73"),
    ("Cat_B/54", 'B', "monthly", "4188.54", "58.10", "565.73"),
    ("Cat_B/55", 'B', "monthly", "4189.04", "58.11", "565.81"),
    ("Cat_B/56", 'B', "monthly", "4189.05", "58.11", "565.81"),
    // Category C.
    ("Cat_C/1", 'C', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_C/2", 'C', "weekly", "96.04", "0.00", "0.01"),
    ("Cat_C/3", 'C', "weekly", "125.00", "0.00", "4.35"),
    ("Cat_C/4", 'C', "weekly", "125.01", "0.00", "4.35"),
    ("Cat_C/5", 'C', "weekly", "242.07", "0.00", "21.91"),
    ("Cat_C/6", 'C', "weekly", "242.08", "0.00", "21.91"),
    ("Cat_C/7", 'C', "weekly", "242.31", "0.00", "21.95"),
    ("Cat_C/8", 'C', "weekly", "242.32", "0.00", "21.95"),
    ("Cat_C/9", 'C', "weekly", "481.03", "0.00", "57.75"),
    ("Cat_C/10", 'C', "weekly", "481.04", "0.00", "57.76"),
    ("Cat_C/11", 'C', "weekly", "966.64", "0.00", "130.60"),
    ("Cat_C/12", 'C', "weekly", "966.65", "0.00", "130.60"),
    ("Cat_C/13", 'C', "weekly", "967.04", "0.00", "130.66"),
    ("Cat_C/14", 'C', "weekly", "967.05", "0.00", "130.66"),
    ("Cat_C/15", 'C', "two_weekly", "193.04", "0.00", "0.01"),
    ("Cat_C/16", 'C', "two_weekly", "193.05", "0.00", "0.01"),
    ("Cat_C/17", 'C', "two_weekly", "250.00", "0.00", "8.55"),
    ("Cat_C/18", 'C', "two_weekly", "250.01", "0.00", "8.55"),
    ("Cat_C/19", 'C', "two_weekly", "484.07", "0.00", "43.66"),
    ("Cat_C/20", 'C', "two_weekly", "484.08", "0.00", "43.66"),
    ("Cat_C/21", 'C', "two_weekly", "484.31", "0.00", "43.70"),
    ("Cat_C/22", 'C', "two_weekly", "484.32", "0.00", "43.70"),
    ("Cat_C/23", 'C', "two_weekly", "962.03", "0.00", "115.35"),
    ("Cat_C/24", 'C', "two_weekly", "962.04", "0.00", "115.36"),
    ("Cat_C/25", 'C', "two_weekly", "1933.72", "0.00", "261.11"),
    ("Cat_C/26", 'C', "two_weekly", "1933.73", "0.00", "261.11"),
    ("Cat_C/27", 'C', "two_weekly", "1934.04", "0.00", "261.16"),
    ("Cat_C/28", 'C', "two_weekly", "1934.05", "0.00", "261.16"),
    ("Cat_C/29", 'C', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_C/30", 'C', "four_weekly", "385.04", "0.00", "0.01"),
    ("Cat_C/31", 'C', "four_weekly", "500.00", "0.00", "17.25"),
    ("Cat_C/32", 'C', "four_weekly", "500.01", "0.00", "17.25"),
    ("Cat_C/33", 'C', "four_weekly", "967.07", "0.00", "87.31"),
    ("Cat_C/34", 'C', "four_weekly", "967.08", "0.00", "87.31"),
    ("Cat_C/35", 'C', "four_weekly", "967.31", "0.00", "87.35"),
    ("Cat_C/36", 'C', "four_weekly", "967.32", "0.00", "87.35"),
    ("Cat_C/37", 'C', "four_weekly", "1924.04", "0.00", "230.86"),
    ("Cat_C/38", 'C', "four_weekly", "1924.05", "0.00", "230.86"),
    ("Cat_C/39", 'C', "four_weekly", "3866.68", "0.00", "522.25"),
    ("Cat_C/40", 'C', "four_weekly", "3866.69", "0.00", "522.25"),
    ("Cat_C/41", 'C', "four_weekly", "3867.04", "0.00", "522.31"),
    ("Cat_C/42", 'C', "four_weekly", "3867.05", "0.00", "522.31"),
    ("Cat_C/43", 'C', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_C/44", 'C', "monthly", "417.04", "0.00", "0.01"),
    ("Cat_C/45", 'C', "monthly", "542.00", "0.00", "18.75"),
    ("Cat_C/46", 'C', "monthly", "542.01", "0.00", "18.75"),
    ("Cat_C/47", 'C', "monthly", "1048.07", "0.00", "94.66"),
    ("Cat_C/48", 'C', "monthly", "1048.08", "0.00", "94.66"),
    ("Cat_C/49", 'C', "monthly", "1048.31", "0.00", "94.70"),
    ("Cat_C/50", 'C', "monthly", "1048.32", "0.00", "94.70"),
    ("Cat_C/51", 'C', "monthly", "2083.05", "0.00", "249.91"),
    ("Cat_C/52", 'C', "monthly", "2083.06", "0.00", "249.91"),
    ("Cat_C/53", 'C', "monthly", "4188.53", "0.00", "565.73"),
    ("Cat_C/54", 'C', "monthly", "4188.54", "0.00", "565.73"),
    ("Cat_C/55", 'C', "monthly", "4189.04", "0.00", "565.81"),
    ("Cat_C/56", 'C', "monthly", "4189.05", "0.00", "565.81"),
    // Category H.
    ("Cat_H/1", 'H', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_H/2", 'H', "weekly", "96.04", "0.00", "0.00"),
    ("Cat_H/3", 'H', "weekly", "125.00", "0.00", "0.00"),
    ("Cat_H/4", 'H', "weekly", "125.01", "0.00", "0.00"),
    ("Cat_H/5", 'H', "weekly", "242.07", "0.00", "0.00"),
    ("Cat_H/6", 'H', "weekly", "242.08", "0.01", "0.00"),
    ("Cat_H/7", 'H', "weekly", "242.31", "0.02", "0.00"),
    ("Cat_H/8", 'H', "weekly", "242.32", "0.02", "0.00"),
    ("Cat_H/9", 'H', "weekly", "481.03", "19.12", "0.00"),
    ("Cat_H/10", 'H', "weekly", "481.04", "19.12", "0.00"),
    ("Cat_H/11", 'H', "weekly", "966.64", "57.97", "0.00"),
    ("Cat_H/12", 'H', "weekly", "966.65", "57.97", "0.00"),
    ("Cat_H/13", 'H', "weekly", "967.04", "58.00", "0.01"),
    ("Cat_H/14", 'H', "weekly", "967.05", "58.00", "0.01"),
    ("Cat_H/15", 'H', "two_weekly", "193.04", "0.00", "0.00"),
    ("Cat_H/16", 'H', "two_weekly", "193.05", "0.00", "0.00"),
    ("Cat_H/17", 'H', "two_weekly", "250.00", "0.00", "0.00"),
    ("Cat_H/18", 'H', "two_weekly", "250.01", "0.00", "0.00"),
    ("Cat_H/19", 'H', "two_weekly", "484.07", "0.00", "0.00"),
    ("Cat_H/20", 'H', "two_weekly", "484.08", "0.01", "0.00"),
    ("Cat_H/21", 'H', "two_weekly", "484.31", "0.02", "0.00"),
    ("Cat_H/22", 'H', "two_weekly", "484.32", "0.02", "0.00"),
    ("Cat_H/23", 'H', "two_weekly", "962.03", "38.24", "0.00"),
    ("Cat_H/24", 'H', "two_weekly", "962.04", "38.24", "0.00"),
    ("Cat_H/25", 'H', "two_weekly", "1933.72", "115.98", "0.00"),
    ("Cat_H/26", 'H', "two_weekly", "1933.73", "115.98", "0.00"),
    ("Cat_H/27", 'H', "two_weekly", "1934.04", "116.00", "0.01"),
    ("Cat_H/28", 'H', "two_weekly", "1934.05", "116.00", "0.01"),
    ("Cat_H/29", 'H', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_H/30", 'H', "four_weekly", "385.04", "0.00", "0.00"),
    ("Cat_H/31", 'H', "four_weekly", "500.00", "0.00", "0.00"),
    ("Cat_H/32", 'H', "four_weekly", "500.01", "0.00", "0.00"),
    ("Cat_H/33", 'H', "four_weekly", "967.07", "0.00", "0.00"),
    ("Cat_H/34", 'H', "four_weekly", "967.08", "0.01", "0.00"),
    ("Cat_H/35", 'H', "four_weekly", "967.31", "0.02", "0.00"),
    ("Cat_H/36", 'H', "four_weekly", "967.32", "0.02", "0.00"),
    ("Cat_H/37", 'H', "four_weekly", "1924.04", "76.56", "0.00"),
    ("Cat_H/38", 'H', "four_weekly", "1924.05", "76.56", "0.00"),
    ("Cat_H/39", 'H', "four_weekly", "3866.68", "231.97", "0.00"),
    ("Cat_H/40", 'H', "four_weekly", "3866.69", "231.97", "0.00"),
    ("Cat_H/41", 'H', "four_weekly", "3867.04", "232.00", "0.01"),
    ("Cat_H/42", 'H', "four_weekly", "3867.05", "232.00", "0.01"),
    ("Cat_H/43", 'H', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_H/44", 'H', "monthly", "417.04", "0.00", "0.00"),
    ("Cat_H/45", 'H', "monthly", "542.00", "0.00", "0.00"),
    ("Cat_H/46", 'H', "monthly", "542.01", "0.00", "0.00"),
    ("Cat_H/47", 'H', "monthly", "1048.07", "0.00", "0.00"),
    ("Cat_H/48", 'H', "monthly", "1048.08", "0.01", "0.00"),
    ("Cat_H/49", 'H', "monthly", "1048.31", "0.02", "0.00"),
    ("Cat_H/50", 'H', "monthly", "1048.32", "0.02", "0.00"),
    ("Cat_H/51", 'H', "monthly", "2083.05", "82.80", "0.00"),
    ("Cat_H/52", 'H', "monthly", "2083.06", "82.80", "0.00"),
    ("Cat_H/53", 'H', "monthly", "4188.53", "251.24", "0.00"),
    ("Cat_H/54", 'H', "monthly", "4188.54", "251.24", "0.00"),
    ("Cat_H/55", 'H', "monthly", "4189.04", "251.28", "0.01"),
    ("Cat_H/56", 'H', "monthly", "4189.05", "251.28", "0.01"),
    // Category J.
    ("Cat_J/1", 'J', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_J/2", 'J', "weekly", "96.04", "0.00", "0.01"),
    ("Cat_J/3", 'J', "weekly", "125.00", "0.00", "4.35"),
    ("Cat_J/4", 'J', "weekly", "125.01", "0.00", "4.35"),
    ("Cat_J/5", 'J', "weekly", "242.07", "0.00", "21.91"),
    ("Cat_J/6", 'J', "weekly", "242.08", "0.00", "21.91"),
    ("Cat_J/7", 'J', "weekly", "242.31", "0.01", "21.95"),
    ("Cat_J/8", 'J', "weekly", "242.32", "0.01", "21.95"),
    ("Cat_J/9", 'J', "weekly", "481.03", "4.78", "57.75"),
    ("Cat_J/10", 'J', "weekly", "481.04", "4.78", "57.76"),
    ("Cat_J/11", 'J', "weekly", "966.64", "14.49", "130.60"),
    ("Cat_J/12", 'J', "weekly", "966.65", "14.49", "130.60"),
    ("Cat_J/13", 'J', "weekly", "967.04", "14.50", "130.66"),
    ("Cat_J/14", 'J', "weekly", "967.05", "14.50", "130.66"),
    ("Cat_J/15", 'J', "two_weekly", "193.04", "0.00", "0.01"),
    ("Cat_J/16", 'J', "two_weekly", "193.05", "0.00", "0.01"),
    ("Cat_J/17", 'J', "two_weekly", "250.00", "0.00", "8.55"),
    ("Cat_J/18", 'J', "two_weekly", "250.01", "0.00", "8.55"),
    ("Cat_J/19", 'J', "two_weekly", "484.07", "0.00", "43.66"),
    ("Cat_J/20", 'J', "two_weekly", "484.08", "0.00", "43.66"),
    ("Cat_J/21", 'J', "two_weekly", "484.31", "0.01", "43.70"),
    ("Cat_J/22", 'J', "two_weekly", "484.32", "0.01", "43.70"),
    ("Cat_J/23", 'J', "two_weekly", "962.03", "9.56", "115.35"),
    ("Cat_J/24", 'J', "two_weekly", "962.04", "9.56", "115.36"),
    ("Cat_J/25", 'J', "two_weekly", "1933.72", "28.99", "261.11"),
    ("Cat_J/26", 'J', "two_weekly", "1933.73", "28.99", "261.11"),
    ("Cat_J/27", 'J', "two_weekly", "1934.04", "29.00", "261.16"),
    ("Cat_J/28", 'J', "two_weekly", "1934.05", "29.00", "261.16"),
    ("Cat_J/29", 'J', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_J/30", 'J', "four_weekly", "385.04", "0.00", "0.01"),
    ("Cat_J/31", 'J', "four_weekly", "500.00", "0.00", "17.25"),
    ("Cat_J/32", 'J', "four_weekly", "500.01", "0.00", "17.25"),
    ("Cat_J/33", 'J', "four_weekly", "967.07", "0.00", "87.31"),
    ("Cat_J/34", 'J', "four_weekly", "967.08", "0.00", "87.31"),
    ("Cat_J/35", 'J', "four_weekly", "967.31", "0.01", "87.35"),
    ("Cat_J/36", 'J', "four_weekly", "967.32", "0.01", "87.35"),
    ("Cat_J/37", 'J', "four_weekly", "1924.04", "19.14", "230.86"),
    ("Cat_J/38", 'J', "four_weekly", "1924.05", "19.14", "230.86"),
    ("Cat_J/39", 'J', "four_weekly", "3866.68", "57.99", "522.25"),
    ("Cat_J/40", 'J', "four_weekly", "3866.69", "57.99", "522.25"),
    ("Cat_J/41", 'J', "four_weekly", "3867.04", "58.00", "522.31"),
    ("Cat_J/42", 'J', "four_weekly", "3867.05", "58.00", "522.31"),
    ("Cat_J/43", 'J', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_J/44", 'J', "monthly", "417.04", "0.00", "0.01"),
    ("Cat_J/45", 'J', "monthly", "542.00", "0.00", "18.75"),
    ("Cat_J/46", 'J', "monthly", "542.01", "0.00", "18.75"),
    ("Cat_J/47", 'J', "monthly", "1048.07", "0.00", "94.66"),
    ("Cat_J/48", 'J', "monthly", "1048.08", "0.00", "94.66"),
    ("Cat_J/49", 'J', "monthly", "1048.31", "0.01", "94.70"),
    ("Cat_J/50", 'J', "monthly", "1048.32", "0.01", "94.70"),
    ("Cat_J/51", 'J', "monthly", "2083.05", "20.70", "249.91"),
    ("Cat_J/52", 'J', "monthly", "2083.06", "20.70", "249.91"),
    ("Cat_J/53", 'J', "monthly", "4188.53", "62.81", "565.73"),
    ("Cat_J/54", 'J', "monthly", "4188.54", "62.81", "565.73"),
    ("Cat_J/55", 'J', "monthly", "4189.04", "62.82", "565.81"),
    ("Cat_J/56", 'J', "monthly", "4189.05", "62.82", "565.81"),
    // Category M.
    ("Cat_M/1", 'M', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_M/2", 'M', "weekly", "96.04", "0.00", "0.00"),
    ("Cat_M/3", 'M', "weekly", "125.00", "0.00", "0.00"),
    ("Cat_M/4", 'M', "weekly", "125.01", "0.00", "0.00"),
    ("Cat_M/5", 'M', "weekly", "242.07", "0.00", "0.00"),
    ("Cat_M/6", 'M', "weekly", "242.08", "0.01", "0.00"),
    ("Cat_M/7", 'M', "weekly", "242.31", "0.02", "0.00"),
    ("Cat_M/8", 'M', "weekly", "242.32", "0.02", "0.00"),
    ("Cat_M/9", 'M', "weekly", "481.03", "19.12", "0.00"),
    ("Cat_M/10", 'M', "weekly", "481.04", "19.12", "0.00"),
    ("Cat_M/11", 'M', "weekly", "966.64", "57.97", "0.00"),
    ("Cat_M/12", 'M', "weekly", "966.65", "57.97", "0.00"),
    ("Cat_M/13", 'M', "weekly", "967.04", "58.00", "0.01"),
    ("Cat_M/14", 'M', "weekly", "967.05", "58.00", "0.01"),
    ("Cat_M/15", 'M', "two_weekly", "193.04", "0.00", "0.00"),
    ("Cat_M/16", 'M', "two_weekly", "193.05", "0.00", "0.00"),
    ("Cat_M/17", 'M', "two_weekly", "250.00", "0.00", "0.00"),
    ("Cat_M/18", 'M', "two_weekly", "250.01", "0.00", "0.00"),
    ("Cat_M/19", 'M', "two_weekly", "484.07", "0.00", "0.00"),
    ("Cat_M/20", 'M', "two_weekly", "484.08", "0.01", "0.00"),
    ("Cat_M/21", 'M', "two_weekly", "484.31", "0.02", "0.00"),
    ("Cat_M/22", 'M', "two_weekly", "484.32", "0.02", "0.00"),
    ("Cat_M/23", 'M', "two_weekly", "962.03", "38.24", "0.00"),
    ("Cat_M/24", 'M', "two_weekly", "962.04", "38.24", "0.00"),
    ("Cat_M/25", 'M', "two_weekly", "1933.72", "115.98", "0.00"),
    ("Cat_M/26", 'M', "two_weekly", "1933.73", "115.98", "0.00"),
    ("Cat_M/27", 'M', "two_weekly", "1934.04", "116.00", "0.01"),
    ("Cat_M/28", 'M', "two_weekly", "1934.05", "116.00", "0.01"),
    ("Cat_M/29", 'M', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_M/30", 'M', "four_weekly", "385.04", "0.00", "0.00"),
    ("Cat_M/31", 'M', "four_weekly", "500.00", "0.00", "0.00"),
    ("Cat_M/32", 'M', "four_weekly", "500.01", "0.00", "0.00"),
    ("Cat_M/33", 'M', "four_weekly", "967.07", "0.00", "0.00"),
    ("Cat_M/34", 'M', "four_weekly", "967.08", "0.01", "0.00"),
    ("Cat_M/35", 'M', "four_weekly", "967.31", "0.02", "0.00"),
    ("Cat_M/36", 'M', "four_weekly", "967.32", "0.02", "0.00"),
    ("Cat_M/37", 'M', "four_weekly", "1924.04", "76.56", "0.00"),
    ("Cat_M/38", 'M', "four_weekly", "1924.05", "76.56", "0.00"),
    ("Cat_M/39", 'M', "four_weekly", "3866.68", "231.97", "0.00"),
    ("Cat_M/40", 'M', "four_weekly", "3866.69", "231.97", "0.00"),
    ("Cat_M/41", 'M', "four_weekly", "3867.04", "232.00", "0.01"),
    ("Cat_M/42", 'M', "four_weekly", "3867.05", "232.00", "0.01"),
    ("Cat_M/43", 'M', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_M/44", 'M', "monthly", "417.04", "0.00", "0.00"),
    ("Cat_M/45", 'M', "monthly", "542.00", "0.00", "0.00"),
    ("Cat_M/46", 'M', "monthly", "542.01", "0.00", "0.00"),
    ("Cat_M/47", 'M', "monthly", "1048.07", "0.00", "0.00"),
    ("Cat_M/48", 'M', "monthly", "1048.08", "0.01", "0.00"),
    ("Cat_M/49", 'M', "monthly", "1048.31", "0.02", "0.00"),
    ("Cat_M/50", 'M', "monthly", "1048.32", "0.02", "0.00"),
    ("Cat_M/51", 'M', "monthly", "2083.05", "82.80", "0.00"),
    ("Cat_M/52", 'M', "monthly", "2083.06", "82.80", "0.00"),
    ("Cat_M/53", 'M', "monthly", "4188.53", "251.24", "0.00"),
    ("Cat_M/54", 'M', "monthly", "4188.54", "251.24", "0.00"),
    ("Cat_M/55", 'M', "monthly", "4189.04", "251.28", "0.01"),
    ("Cat_M/56", 'M', "monthly", "4189.05", "251.28", "0.01"),
    // Category V.
    ("Cat_V/1", 'V', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_V/2", 'V', "weekly", "96.04", "0.00", "0.00"),
    ("Cat_V/3", 'V', "weekly", "125.00", "0.00", "0.00"),
    ("Cat_V/4", 'V', "weekly", "125.01", "0.00", "0.00"),
    ("Cat_V/5", 'V', "weekly", "242.07", "0.00", "0.00"),
    ("Cat_V/6", 'V', "weekly", "242.08", "0.01", "0.00"),
    ("Cat_V/7", 'V', "weekly", "242.31", "0.02", "0.00"),
    ("Cat_V/8", 'V', "weekly", "242.32", "0.02", "0.00"),
    ("Cat_V/9", 'V', "weekly", "481.03", "19.12", "0.00"),
    ("Cat_V/10", 'V', "weekly", "481.04", "19.12", "0.00"),
    ("Cat_V/11", 'V', "weekly", "966.64", "57.97", "0.00"),
    ("Cat_V/12", 'V', "weekly", "966.65", "57.97", "0.00"),
    ("Cat_V/13", 'V', "weekly", "967.04", "58.00", "0.01"),
    ("Cat_V/14", 'V', "weekly", "967.05", "58.00", "0.01"),
    ("Cat_V/15", 'V', "two_weekly", "193.04", "0.00", "0.00"),
    ("Cat_V/16", 'V', "two_weekly", "193.05", "0.00", "0.00"),
    ("Cat_V/17", 'V', "two_weekly", "250.00", "0.00", "0.00"),
    ("Cat_V/18", 'V', "two_weekly", "250.01", "0.00", "0.00"),
    ("Cat_V/19", 'V', "two_weekly", "484.07", "0.00", "0.00"),
    ("Cat_V/20", 'V', "two_weekly", "484.08", "0.01", "0.00"),
    ("Cat_V/21", 'V', "two_weekly", "484.31", "0.02", "0.00"),
    ("Cat_V/22", 'V', "two_weekly", "484.32", "0.02", "0.00"),
    ("Cat_V/23", 'V', "two_weekly", "962.03", "38.24", "0.00"),
    ("Cat_V/24", 'V', "two_weekly", "962.04", "38.24", "0.00"),
    ("Cat_V/25", 'V', "two_weekly", "1933.72", "115.98", "0.00"),
    ("Cat_V/26", 'V', "two_weekly", "1933.73", "115.98", "0.00"),
    ("Cat_V/27", 'V', "two_weekly", "1934.04", "116.00", "0.01"),
    ("Cat_V/28", 'V', "two_weekly", "1934.05", "116.00", "0.01"),
    ("Cat_V/29", 'V', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_V/30", 'V', "four_weekly", "385.04", "0.00", "0.00"),
    ("Cat_V/31", 'V', "four_weekly", "500.00", "0.00", "0.00"),
    ("Cat_V/32", 'V', "four_weekly", "500.01", "0.00", "0.00"),
    ("Cat_V/33", 'V', "four_weekly", "967.07", "0.00", "0.00"),
    ("Cat_V/34", 'V', "four_weekly", "967.08", "0.01", "0.00"),
    ("Cat_V/35", 'V', "four_weekly", "967.31", "0.02", "0.00"),
    ("Cat_V/36", 'V', "four_weekly", "967.32", "0.02", "0.00"),
    ("Cat_V/37", 'V', "four_weekly", "1924.04", "76.56", "0.00"),
    ("Cat_V/38", 'V', "four_weekly", "1924.05", "76.56", "0.00"),
    ("Cat_V/39", 'V', "four_weekly", "3866.68", "231.97", "0.00"),
    ("Cat_V/40", 'V', "four_weekly", "3866.69", "231.97", "0.00"),
    ("Cat_V/41", 'V', "four_weekly", "3867.04", "232.00", "0.01"),
    ("Cat_V/42", 'V', "four_weekly", "3867.05", "232.00", "0.01"),
    ("Cat_V/43", 'V', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_V/44", 'V', "monthly", "417.04", "0.00", "0.00"),
    ("Cat_V/45", 'V', "monthly", "542.00", "0.00", "0.00"),
    ("Cat_V/46", 'V', "monthly", "542.01", "0.00", "0.00"),
    ("Cat_V/47", 'V', "monthly", "1048.07", "0.00", "0.00"),
    ("Cat_V/48", 'V', "monthly", "1048.08", "0.01", "0.00"),
    ("Cat_V/49", 'V', "monthly", "1048.31", "0.02", "0.00"),
    ("Cat_V/50", 'V', "monthly", "1048.32", "0.02", "0.00"),
    ("Cat_V/51", 'V', "monthly", "2083.05", "82.80", "0.00"),
    ("Cat_V/52", 'V', "monthly", "2083.06", "82.80", "0.00"),
    ("Cat_V/53", 'V', "monthly", "4188.53", "251.24", "0.00"),
    ("Cat_V/54", 'V', "monthly", "4188.54", "251.24", "0.00"),
    ("Cat_V/55", 'V', "monthly", "4189.04", "251.28", "0.01"),
    ("Cat_V/56", 'V', "monthly", "4189.05", "251.28", "0.01"),
    // Category Z.
    ("Cat_Z/1", 'Z', "weekly", "96.03", "0.00", "0.00"),
    ("Cat_Z/2", 'Z', "weekly", "96.04", "0.00", "0.00"),
    ("Cat_Z/3", 'Z', "weekly", "125.00", "0.00", "0.00"),
    ("Cat_Z/4", 'Z', "weekly", "125.01", "0.00", "0.00"),
    ("Cat_Z/5", 'Z', "weekly", "242.07", "0.00", "0.00"),
    ("Cat_Z/6", 'Z', "weekly", "242.08", "0.00", "0.00"),
    ("Cat_Z/7", 'Z', "weekly", "242.31", "0.01", "0.00"),
    ("Cat_Z/8", 'Z', "weekly", "242.32", "0.01", "0.00"),
    ("Cat_Z/9", 'Z', "weekly", "481.03", "4.78", "0.00"),
    ("Cat_Z/10", 'Z', "weekly", "481.04", "4.78", "0.00"),
    ("Cat_Z/11", 'Z', "weekly", "966.64", "14.49", "0.00"),
    ("Cat_Z/12", 'Z', "weekly", "966.65", "14.49", "0.00"),
    ("Cat_Z/13", 'Z', "weekly", "967.04", "14.50", "0.01"),
    ("Cat_Z/14", 'Z', "weekly", "967.05", "14.50", "0.01"),
    ("Cat_Z/15", 'Z', "two_weekly", "193.04", "0.00", "0.00"),
    ("Cat_Z/16", 'Z', "two_weekly", "193.05", "0.00", "0.00"),
    ("Cat_Z/17", 'Z', "two_weekly", "250.00", "0.00", "0.00"),
    ("Cat_Z/18", 'Z', "two_weekly", "250.01", "0.00", "0.00"),
    ("Cat_Z/19", 'Z', "two_weekly", "484.07", "0.00", "0.00"),
    ("Cat_Z/20", 'Z', "two_weekly", "484.08", "0.00", "0.00"),
    ("Cat_Z/21", 'Z', "two_weekly", "484.31", "0.01", "0.00"),
    ("Cat_Z/22", 'Z', "two_weekly", "484.32", "0.01", "0.00"),
    ("Cat_Z/23", 'Z', "two_weekly", "962.03", "9.56", "0.00"),
    ("Cat_Z/24", 'Z', "two_weekly", "962.04", "9.56", "0.00"),
    ("Cat_Z/25", 'Z', "two_weekly", "1933.72", "28.99", "0.00"),
    ("Cat_Z/26", 'Z', "two_weekly", "1933.73", "28.99", "0.00"),
    ("Cat_Z/27", 'Z', "two_weekly", "1934.04", "29.00", "0.01"),
    ("Cat_Z/28", 'Z', "two_weekly", "1934.05", "29.00", "0.01"),
    ("Cat_Z/29", 'Z', "four_weekly", "385.03", "0.00", "0.00"),
    ("Cat_Z/30", 'Z', "four_weekly", "385.04", "0.00", "0.00"),
    ("Cat_Z/31", 'Z', "four_weekly", "500.00", "0.00", "0.00"),
    ("Cat_Z/32", 'Z', "four_weekly", "500.01", "0.00", "0.00"),
    ("Cat_Z/33", 'Z', "four_weekly", "967.07", "0.00", "0.00"),
    ("Cat_Z/34", 'Z', "four_weekly", "967.08", "0.00", "0.00"),
    ("Cat_Z/35", 'Z', "four_weekly", "967.31", "0.01", "0.00"),
    ("Cat_Z/36", 'Z', "four_weekly", "967.32", "0.01", "0.00"),
    ("Cat_Z/37", 'Z', "four_weekly", "1924.04", "19.14", "0.00"),
    ("Cat_Z/38", 'Z', "four_weekly", "1924.05", "19.14", "0.00"),
    ("Cat_Z/39", 'Z', "four_weekly", "3866.68", "57.99", "0.00"),
    ("Cat_Z/40", 'Z', "four_weekly", "3866.69", "57.99", "0.00"),
    ("Cat_Z/41", 'Z', "four_weekly", "3867.04", "58.00", "0.01"),
    ("Cat_Z/42", 'Z', "four_weekly", "3867.05", "58.00", "0.01"),
    ("Cat_Z/43", 'Z', "monthly", "417.03", "0.00", "0.00"),
    ("Cat_Z/44", 'Z', "monthly", "417.04", "0.00", "0.00"),
    ("Cat_Z/45", 'Z', "monthly", "542.00", "0.00", "0.00"),
    ("Cat_Z/46", 'Z', "monthly", "542.01", "0.00", "0.00"),
    ("Cat_Z/47", 'Z', "monthly", "1048.07", "0.00", "0.00"),
    ("Cat_Z/48", 'Z', "monthly", "1048.08", "0.00", "0.00"),
    ("Cat_Z/49", 'Z', "monthly", "1048.31", "0.01", "0.00"),
    ("Cat_Z/50", 'Z', "monthly", "1048.32", "0.01", "0.00"),
    ("Cat_Z/51", 'Z', "monthly", "2083.05", "20.70", "0.00"),
    ("Cat_Z/52", 'Z', "monthly", "2083.06", "20.70", "0.00"),
    ("Cat_Z/53", 'Z', "monthly", "4188.53", "62.81", "0.00"),
    ("Cat_Z/54", 'Z', "monthly", "4188.54", "62.81", "0.00"),
    ("Cat_Z/55", 'Z', "monthly", "4189.04", "62.82", "0.01"),
    ("Cat_Z/56", 'Z', "monthly", "4189.05", "62.82", "0.01"),
];

fn frequency(letter: char) -> &'static str {
    if letter == 'W' { "weekly" } else { "monthly" }
}

/// HMRC's taxable pay and tax to date before each case: nil at the start
/// of each of HMRC's sequences (its test name less the number), and
/// otherwise HMRC's figures after the case before it. Checks on the way
/// that HMRC's figures add up: to date after = before + this period.
fn to_date_before() -> Vec<(i64, i64)> {
    let sequence = |id: &str| id.rsplit_once('/').map(|(group, _)| group.to_owned());
    let mut before = Vec::new();
    let mut previous: Option<&PayeCase> = None;
    for case in PAYE_2025_26 {
        let (pay_before, tax_before) = match previous {
            Some(p) if sequence(p.0) == sequence(case.0) && !case.4 && case.3 > p.3 => {
                (pence(p.6), pence(p.8))
            }
            _ => (0, 0),
        };
        assert_eq!(
            pence(case.6),
            pay_before + pence(case.5),
            "{}: pay to date",
            case.0
        );
        assert_eq!(
            pence(case.8),
            tax_before + pence(case.7),
            "{}: tax to date",
            case.0
        );
        before.push((pay_before, tax_before));
        previous = Some(case);
    }
    before
}

/// The case as the contract's JSON input, with HMRC's figures to date
/// before it.
fn paye_input(case: &PayeCase, (pay_before, tax_before): (i64, i64)) -> Value {
    let &(_, code, letter, period, w1, pay, ..) = case;
    json!({
        "tax_year": "2025-26",
        "frequency": frequency(letter),
        "period": period,
        "tax_code": code,
        "week1_month1": w1,
        "ni_category": "A",
        "gross_pay_pence": pence(pay),
        "taxable_pay_to_date_pence": pay_before,
        "tax_to_date_pence": tax_before,
    })
}

/// The reference implementation's (tax this period, tax to date after).
fn reference_tax(case: &PayeCase, (pay_before, tax_before): (i64, i64)) -> (i64, i64) {
    let &(_, code, letter, period, w1, pay, ..) = case;
    let expected = reference::expected(&reference::Case {
        tax_year: "2025-26",
        frequency: frequency(letter),
        period,
        tax_code: code.to_owned(),
        week1_month1: w1,
        ni_category: 'A',
        gross: pence(pay),
        pay_to_date: pay_before,
        tax_to_date: tax_before,
        allowance_left: 0,
        pension: None,
        born: None,
    });
    (expected.tax, expected.tax_to_date)
}

/// Every PAYE case gives HMRC's figure (the six of `SCOTTISH_OPEN` the
/// contract's), with HMRC's taxable pay and tax to date after it, in the
/// engine through the JSON contract and in the reference implementation.
#[test]
fn hmrc_paye_test_data_2025_26() {
    assert_eq!(PAYE_2025_26.len(), 168, "all of HMRC's cases");
    let count = |prefix: &str| {
        PAYE_2025_26
            .iter()
            .filter(|c| c.0.starts_with(prefix))
            .count()
    };
    assert_eq!(
        (count("rUK/"), count("Scot/"), count("Wales/")),
        (64, 64, 40)
    );

    let before = to_date_before();
    let input = Value::Array(
        PAYE_2025_26
            .iter()
            .zip(&before)
            .map(|(case, &b)| paye_input(case, b))
            .collect(),
    );
    let outcome = cylch_payroll::contract::calc_json(&input.to_string());
    assert_eq!(outcome.exit_status, 0, "{}", outcome.output);
    let results: Value = serde_json::from_str(&outcome.output).unwrap();
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), PAYE_2025_26.len());

    let mut failures = Vec::new();
    let mut open_seen = 0;
    for ((case, result), &(_, tax_before)) in PAYE_2025_26.iter().zip(results).zip(&before) {
        let &(id, _, _, _, _, _, pay_to_date, tax, _) = case;
        let hmrc = pence(tax);
        let want = match SCOTTISH_OPEN.iter().find(|open| open.0 == id) {
            Some(&(_, hmrc_figure, contract)) => {
                assert_eq!(pence(hmrc_figure), hmrc, "{id}: SCOTTISH_OPEN");
                assert_eq!(pence(contract), hmrc + 1, "{id}: one penny above");
                open_seen += 1;
                pence(contract)
            }
            None => hmrc,
        };
        let engine = result["tax_pence"].as_i64();
        let engine_to_date = result["tax_to_date_pence"].as_i64();
        let engine_pay_to_date = result["taxable_pay_to_date_pence"].as_i64();
        let reference = reference_tax(case, (pence(pay_to_date) - pence(case.5), tax_before));
        if engine != Some(want)
            || engine_to_date != Some(tax_before + want)
            || engine_pay_to_date != Some(pence(pay_to_date))
            || reference != (want, tax_before + want)
        {
            failures.push(format!(
                "{id}: want {want}p, engine {result}, reference {reference:?}"
            ));
        }
    }
    assert_eq!(open_seen, SCOTTISH_OPEN.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        PAYE_2025_26.len(),
        failures.join("\n")
    );
}

/// The contract's figures from HMRC's 2025-26 PAYE data, named there: NT
/// in month 10 after £38,434.60 deducted refunds it all; SD2 and SD3 in
/// month 1 on £99.99 take £44.55 and £47.52; S45L on £3,164.24 is the open
/// point, £753.60 by the contract's rule.
#[test]
fn contract_figures_from_hmrc_2025_26() {
    let run = |code: &str, w1: bool, period: i64, pay: i64, pay_before: i64, tax_before: i64| {
        let out = cylch_payroll::contract::calc_json(
            &json!({"tax_year": "2025-26", "frequency": "monthly", "period": period,
                "tax_code": code, "week1_month1": w1, "ni_category": "A",
                "gross_pay_pence": pay, "taxable_pay_to_date_pence": pay_before,
                "tax_to_date_pence": tax_before})
            .to_string(),
        );
        let v: Value = serde_json::from_str(&out.output).unwrap();
        v["tax_pence"].as_i64().unwrap()
    };
    assert_eq!(
        run("NT", false, 10, 1_124_505, 19_217_373, 3_843_460),
        -3_843_460
    );
    assert_eq!(run("SD2", true, 1, 9_999, 0, 0), 4_455);
    assert_eq!(run("SD3", true, 1, 9_999, 0, 0), 4_752);
    assert_eq!(run("S45L", true, 1, 316_424, 0, 0), 75_360);
}

fn ni_frequency(text: &str) -> Frequency {
    match text {
        "weekly" => Frequency::Weekly,
        "two_weekly" => Frequency::TwoWeekly,
        "four_weekly" => Frequency::FourWeekly,
        _ => Frequency::Monthly,
    }
}

/// Every NICs case gives HMRC's employee and employer contributions, in the
/// engine and in the reference implementation.
#[test]
fn hmrc_nics_test_data_2025_26() {
    assert_eq!(NICS_2025_26.len(), 448, "all of HMRC's cases");
    let mut failures = Vec::new();
    for &(id, letter, frequency, pay, employee, employer) in NICS_2025_26 {
        let want = (pence(employee), pence(employer));
        let category = NiCategory::parse(&letter.to_string()).unwrap();
        let engine = ni::calculate(
            TaxYear::Y2025_26,
            ni_frequency(frequency),
            category,
            pence(pay),
        )
        .unwrap();
        let reference = reference::ni(frequency, letter, i128::from(pence(pay)));
        if (engine.employee, engine.employer) != want
            || (reference.0 as i64, reference.1 as i64) != want
        {
            failures.push(format!(
                "{id} {frequency} £{pay}: HMRC {want:?}, engine {engine:?}, reference {reference:?}"
            ));
        }
    }
    // Every letter HMRC tests meets every frequency, 14 cases each.
    for letter in ['A', 'B', 'C', 'H', 'J', 'M', 'V', 'Z'] {
        for frequency in ["weekly", "two_weekly", "four_weekly", "monthly"] {
            let n = NICS_2025_26
                .iter()
                .filter(|c| c.1 == letter && c.2 == frequency)
                .count();
            assert_eq!(n, 14, "{letter} {frequency}");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        NICS_2025_26.len(),
        failures.join("\n")
    );
}

/// The contract's NI figures from HMRC's 2025-26 NICs data, named there:
/// weekly £242.07, category A, employee £0.00 (7p × 8% = £0.0056) and
/// £242.08 £0.01; fortnightly £1,934.05, category B, £26.82 (£1,450 ×
/// 1.85% = £26.825 and £0.05 × 2% = £0.001, rounded apart).
#[test]
fn contract_ni_figures_from_hmrc_2025_26() {
    let employee = |frequency, letter, pay| {
        ni::calculate(TaxYear::Y2025_26, frequency, letter, pay)
            .unwrap()
            .employee
    };
    assert_eq!(employee(Frequency::Weekly, NiCategory::A, 24_207), 0);
    assert_eq!(employee(Frequency::Weekly, NiCategory::A, 24_208), 1);
    assert_eq!(
        employee(Frequency::TwoWeekly, NiCategory::B, 193_405),
        2_682
    );
    for (id, figure) in [
        ("Cat_A/5", "0.00"),
        ("Cat_A/6", "0.01"),
        ("Cat_B/28", "26.82"),
    ] {
        let case = NICS_2025_26.iter().find(|c| c.0 == id).unwrap();
        assert_eq!(case.4, figure, "{id}");
    }
}

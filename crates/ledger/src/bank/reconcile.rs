//! Matching bank lines to the receipts and payments we expected, and
//! listing what is left over for a person to explain.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::statement::{BankLine, Fingerprint};
use crate::money::Pence;
use crate::schedule::{ScheduleError, days_between};

/// Something we expect to see on the bank statement: a Direct Payment, a
/// client contribution, an approved payment going out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedMovement {
    pub id: String,
    pub date: Date,
    /// Money in positive, money out negative, as on the statement.
    pub amount: Pence,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchedLine {
    pub fingerprint: Fingerprint,
    pub expected_id: String,
    /// Bank date minus expected date.
    pub days_apart: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reconciliation {
    pub matched: Vec<MatchedLine>,
    /// Bank lines nothing was expected for, in file order.
    pub unreconciled_lines: Vec<BankLine>,
    /// Expected movements not seen on the statement, in the order given.
    pub unmatched_expected: Vec<ExpectedMovement>,
}

/// A suggested window: 5 days either side covers a payment run that slips
/// over a weekend and a bank holiday.
pub const DEFAULT_WINDOW_DAYS: u16 = 5;

/// Pairs each bank line with at most one expected movement of exactly the
/// same amount whose date is within `window_days` either side. Closest
/// dates are paired first; ties go to the earlier bank line, then to the
/// expected movement listed first, so the result never depends on chance.
pub fn reconcile(
    lines: &[BankLine],
    expected: &[ExpectedMovement],
    window_days: u16,
) -> Result<Reconciliation, ScheduleError> {
    let window = i64::from(window_days);
    let mut candidates: Vec<(u64, usize, usize, i64)> = Vec::new();
    for (l_index, line) in lines.iter().enumerate() {
        for (e_index, exp) in expected.iter().enumerate() {
            if line.amount != exp.amount {
                continue;
            }
            let apart = days_between(exp.date, line.date)?;
            if apart.unsigned_abs() <= window.unsigned_abs() {
                candidates.push((apart.unsigned_abs(), l_index, e_index, apart));
            }
        }
    }
    candidates.sort();

    let mut line_used = vec![false; lines.len()];
    let mut expected_used = vec![false; expected.len()];
    let mut matched = Vec::new();
    for (_, l_index, e_index, apart) in candidates {
        let (Some(l_used), Some(e_used)) = (line_used.get(l_index), expected_used.get(e_index))
        else {
            continue;
        };
        if *l_used || *e_used {
            continue;
        }
        if let (Some(line), Some(exp)) = (lines.get(l_index), expected.get(e_index)) {
            matched.push(MatchedLine {
                fingerprint: line.fingerprint.clone(),
                expected_id: exp.id.clone(),
                days_apart: apart,
            });
        }
        if let Some(flag) = line_used.get_mut(l_index) {
            *flag = true;
        }
        if let Some(flag) = expected_used.get_mut(e_index) {
            *flag = true;
        }
    }
    let unreconciled_lines = lines
        .iter()
        .zip(&line_used)
        .filter(|(_, used)| !**used)
        .map(|(l, _)| l.clone())
        .collect();
    let unmatched_expected = expected
        .iter()
        .zip(&expected_used)
        .filter(|(_, used)| !**used)
        .map(|(e, _)| e.clone())
        .collect();
    Ok(Reconciliation {
        matched,
        unreconciled_lines,
        unmatched_expected,
    })
}

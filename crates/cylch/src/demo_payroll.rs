//! The demo's pay: the latest tax month that has ended is run by the chair
//! from the approved timesheets, approved by the treasurer (which posts the
//! wages and employer's costs to each supported person's fund), and the
//! PAs' net pay and the pension scheme are recorded as paid on the pay
//! date. HMRC's payment is left owing when its due date (the 22nd after
//! the tax month) has not come, as a treasurer would find it.
//!
//! A demo loaded on a day outside the tax years the payroll engine knows
//! runs no pay: there are no rates to run it with.

use cylch_domain::Office;
use cylch_payroll::{Date, Frequency, Period, TaxYear};
use cylch_store::payroll::Payee;
use cylch_store::{CoopScope, Store};

use crate::demo::DemoError;

fn data(e: impl std::fmt::Display) -> DemoError {
    DemoError::Data(e.to_string())
}

fn civil(d: Date) -> Result<jiff::civil::Date, DemoError> {
    d.to_string().parse().map_err(data)
}

/// The latest monthly period that ended before `today`: its tax year, tax
/// month and last day.
fn last_month_ended(today: Date) -> Option<(TaxYear, i64, Date)> {
    TaxYear::ALL
        .into_iter()
        .flat_map(|year| {
            (1..=12).filter_map(move |month| {
                let last = Period::new(Frequency::Monthly, month).ok()?.last_day(year);
                (last < today).then_some((year, month, last))
            })
        })
        .max_by_key(|(_, _, last)| *last)
}

/// Runs, approves and pays the latest month, as the chair (`scope`).
pub async fn load(store: &Store, scope: &CoopScope) -> Result<(), DemoError> {
    let t = store.clock().today_in_wales();
    let today = Date::new(
        i32::from(t.year()),
        u32::try_from(t.month()).unwrap_or(1),
        u32::try_from(t.day()).unwrap_or(1),
    )
    .map_err(data)?;
    let Some((year, month, last)) = last_month_ended(today) else {
        return Ok(());
    };
    if last.days_until(today) > 62 {
        // The engine's years are long past: nothing recent to run.
        return Ok(());
    }
    let treasurer = store
        .members(scope)
        .await?
        .into_iter()
        .find(|m| m.roles.holds(Office::Treasurer))
        .ok_or_else(|| data("the demo has a treasurer"))?;
    let treasurer = store
        .scope(&treasurer.account, scope.coop_id())
        .await?
        .ok_or_else(|| data("the treasurer is a member"))?;
    let run = store
        .start_pay_run(scope, Frequency::Monthly, year, month, last)
        .await
        .map_err(data)?;
    if run.payslips.is_empty() {
        return Ok(());
    }
    store
        .approve_pay_run(&treasurer, &run.id)
        .await
        .map_err(data)?;
    let paid_on = civil(last)?;
    // HMRC is paid by the 22nd of the month after the tax month ends.
    let hmrc_due = paid_on
        .first_of_month()
        .checked_add(jiff::Span::new().days(21))
        .map_err(data)?;
    let today = civil(today)?;
    for payment in store
        .pay_run_payments(&treasurer, &run.id)
        .await
        .map_err(data)?
    {
        if payment.amount <= 0 || (payment.payee == Payee::Hmrc && hmrc_due > today) {
            continue;
        }
        let on = if payment.payee == Payee::Hmrc {
            hmrc_due
        } else {
            paid_on
        };
        store
            .record_pay_run_payment(&treasurer, &run.id, payment.payee, on)
            .await
            .map_err(data)?;
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_last_month_ended_is_the_tax_month_before_today() {
        let (year, month, last) = last_month_ended(Date::parse("2026-12-08").unwrap()).unwrap();
        assert_eq!(
            (year.data().name, month, last.to_string()),
            ("2026-27", 8, "2026-12-05".to_owned())
        );
        let (_, month, _) = last_month_ended(Date::parse("2026-12-05").unwrap()).unwrap();
        assert_eq!(month, 7, "a month ends after its last day");
    }

    async fn the_demo_has_an_approved_run_in_its_books(backend: cylch_store::testing::Backend) {
        let Some(store) = cylch_store::testing::fresh_store(backend).await else {
            return;
        };
        store.clock().pin("2026-12-08T10:00:00Z".parse().unwrap());
        assert!(
            crate::demo::load(&store, &cylch_web::PasswordHasher::new())
                .await
                .unwrap()
        );
        let carys = store
            .account_by_email(
                &cylch_domain::EmailAddress::parse("carys@demo.cylch.example").unwrap(),
            )
            .await
            .unwrap()
            .unwrap();
        let scope = store
            .coops_of(&carys.id)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.coop().kind == cylch_domain::CoopKind::Family)
            .unwrap();
        let runs = store.pay_runs(&scope).await.unwrap();
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        assert_eq!(run.state, cylch_store::payroll::RunState::Approved);
        assert!(!run.payslips.is_empty());
        let payments = store.pay_run_payments(&scope, &run.id).await.unwrap();
        let paid = |payee| {
            payments
                .iter()
                .find(|p| p.payee == payee)
                .unwrap()
                .paid
                .is_some()
        };
        assert!(paid(Payee::Pas));
        assert!(!paid(Payee::Hmrc), "HMRC is due on 22 December");
        let tb = store
            .trial_balance(&scope, "2026-12-08".parse().unwrap(), None)
            .await
            .unwrap();
        assert!(tb.balances());
        let gross: i64 = run.payslips.iter().map(|p| p.gross).sum();
        let wages: i64 = tb
            .rows
            .iter()
            .filter(|r| r.account.as_str() == cylch_ledger::account::codes::PA_WAGES)
            .map(|r| r.debit.get() - r.credit.get())
            .sum();
        assert_eq!(wages, gross);
    }

    #[tokio::test]
    async fn the_demo_has_an_approved_run_in_its_books_on_sqlite() {
        the_demo_has_an_approved_run_in_its_books(cylch_store::testing::Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn the_demo_has_an_approved_run_in_its_books_on_postgres() {
        the_demo_has_an_approved_run_in_its_books(cylch_store::testing::Backend::Postgres).await;
    }
}

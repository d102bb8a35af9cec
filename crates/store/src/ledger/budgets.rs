//! Budgets per fund and category for a period, and the report of budget
//! against what the books show was spent. A budget is a plan, so it can be
//! set again; every setting is audited with what it replaced.

use cylch_ledger::report::{self, Budget, BudgetRow, Period};
use cylch_ledger::{Category, Chart, FundId};
use serde_json::json;
use sqlx::Row;

use super::entries::{load_entries, posted};
use super::{LedgerError, check_people, fund_from_column, parse_date};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{CoopScope, Store, StoreError, Tx};

/// A budget with who set it last.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredBudget {
    pub id: String,
    pub budget: Budget,
    pub set_by: Option<String>,
    pub set_at_ms: i64,
}

/// The fund as the budgets table keys it: '' for the general fund.
fn fund_key(fund: &FundId) -> &str {
    fund.person().map(|p| p.as_str()).unwrap_or("")
}

async fn load_budgets(tx: &mut Tx, scope: &CoopScope) -> Result<Vec<StoredBudget>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, person_id, category, starts_on, ends_on, amount, set_by, set_at
         FROM ledger_budgets WHERE coop_id = $1
         ORDER BY starts_on, fund_key, category",
    )
    .bind(scope.coop_id().as_str())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| {
            let category: String = row.try_get(2)?;
            let from = parse_date(&row.try_get::<String, _>(3)?)?;
            let to = parse_date(&row.try_get::<String, _>(4)?)?;
            Ok(StoredBudget {
                id: row.try_get(0)?,
                budget: Budget {
                    fund: fund_from_column(row.try_get(1)?)?,
                    category: Category::from_code(&category)
                        .ok_or_else(|| StoreError::Corrupt(format!("category {category:?}")))?,
                    period: Period::new(from, to)
                        .map_err(|_| StoreError::Corrupt(format!("budget period {from}–{to}")))?,
                    amount: cylch_ledger::Pence::new(row.try_get(5)?),
                },
                set_by: row.try_get(6)?,
                set_at_ms: row.try_get(7)?,
            })
        })
        .collect()
}

impl Store {
    /// Sets the budget for one fund and category over a period, replacing
    /// any budget set before for exactly that fund, category and period.
    /// Returns the budget's id.
    pub async fn set_budget(
        &self,
        scope: &CoopScope,
        budget: &Budget,
    ) -> Result<String, LedgerError> {
        if budget.amount.is_negative() {
            return Err(LedgerError::NegativeBudget);
        }
        let mut tx = self.begin().await?;
        if let Some(person) = budget.fund.person() {
            check_people(&mut tx, scope, [person]).await?;
        }
        let key = fund_key(&budget.fund);
        let from = budget.period.from().to_string();
        let to = budget.period.to().to_string();
        let before: Option<(String, i64)> = sqlx::query(
            "SELECT id, amount FROM ledger_budgets
             WHERE coop_id = $1 AND fund_key = $2 AND category = $3 AND starts_on = $4 AND ends_on = $5",
        )
        .bind(scope.coop_id().as_str())
        .bind(key)
        .bind(budget.category.code())
        .bind(&from)
        .bind(&to)
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| Ok::<_, sqlx::Error>((row.try_get(0)?, row.try_get(1)?)))
        .transpose()?;
        // Two officers setting the same budget at once: the later one wins,
        // and each is audited, rather than one failing on the unique index.
        sqlx::query(
            "INSERT INTO ledger_budgets (id, coop_id, fund_key, person_id, category, starts_on, ends_on, amount, set_by, set_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (coop_id, fund_key, category, starts_on, ends_on)
             DO UPDATE SET amount = excluded.amount, set_by = excluded.set_by, set_at = excluded.set_at",
        )
        .bind(random_id())
        .bind(scope.coop_id().as_str())
        .bind(key)
        .bind(budget.fund.person().map(|p| p.as_str()))
        .bind(budget.category.code())
        .bind(&from)
        .bind(&to)
        .bind(budget.amount.get())
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        let id: String = sqlx::query_scalar(
            "SELECT id FROM ledger_budgets
             WHERE coop_id = $1 AND fund_key = $2 AND category = $3 AND starts_on = $4 AND ends_on = $5",
        )
        .bind(scope.coop_id().as_str())
        .bind(key)
        .bind(budget.category.code())
        .bind(&from)
        .bind(&to)
        .fetch_one(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "ledger_budget",
                record_id: &id,
                action: if before.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: before.map(|(_, amount)| {
                    json!({
                        "fund": budget.fund, "category": budget.category,
                        "period": budget.period, "amount": amount,
                    })
                }),
                after: Some(json!(budget)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every budget the co-operative has set.
    pub async fn budgets(&self, scope: &CoopScope) -> Result<Vec<StoredBudget>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let budgets = load_budgets(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(budgets)
    }

    /// Budget against actual for any period, by fund and category: each
    /// budget counted for the share of its days inside the period.
    pub async fn budget_vs_actual(
        &self,
        scope: &CoopScope,
        period: Period,
    ) -> Result<Vec<BudgetRow>, LedgerError> {
        let mut tx = self.pool().begin().await?;
        let budgets = load_budgets(&mut tx, scope).await?;
        let entries = load_entries(&mut tx, scope).await?;
        tx.commit().await?;
        let budgets: Vec<Budget> = budgets.into_iter().map(|b| b.budget).collect();
        let lines = report::budget_for(&budgets, period)?;
        Ok(report::budget_vs_actual(
            &posted(&entries),
            &Chart::standard(),
            &lines,
            period,
        )?)
    }
}

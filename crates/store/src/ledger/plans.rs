//! Spending planned from a person's fund, for the forecast: what the
//! members expect to pay regularly (an activity, PA hours) that is not yet
//! money moved.

use cylch_ledger::report::forecast::PlannedSpend;
use cylch_ledger::{Category, FundId, Schedule};
use serde_json::json;
use sqlx::Row;

use super::arrangements::{frequency_code, parse_frequency};
use super::{LedgerError, check_people, parse_date, person_id};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{CoopScope, Store, StoreError, Tx};

pub(crate) async fn load_plans(
    tx: &mut Tx,
    scope: &CoopScope,
) -> Result<Vec<PlannedSpend>, StoreError> {
    let rows = sqlx::query(
        "SELECT person_id, description, category, amount, frequency, starts_on FROM planned_spending
         WHERE coop_id = $1 ORDER BY starts_on, created_at, id",
    )
    .bind(scope.coop_id().as_str())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter()
        .map(|row| {
            let category: String = row.try_get(2)?;
            let frequency: String = row.try_get(4)?;
            Ok(PlannedSpend {
                fund: FundId::Person(person_id(&row.try_get::<String, _>(0)?)?),
                description: row.try_get(1)?,
                category: Category::from_code(&category)
                    .ok_or_else(|| StoreError::Corrupt(format!("category {category:?}")))?,
                schedule: Schedule {
                    amount: cylch_ledger::Pence::new(row.try_get(3)?),
                    frequency: parse_frequency(&frequency)
                        .ok_or_else(|| StoreError::Corrupt(format!("frequency {frequency:?}")))?,
                    start: parse_date(&row.try_get::<String, _>(5)?)?,
                    end: None,
                },
            })
        })
        .collect()
}

impl Store {
    /// Records spending planned from a person's fund.
    pub async fn add_planned_spend(
        &self,
        scope: &CoopScope,
        plan: &PlannedSpend,
    ) -> Result<String, LedgerError> {
        let Some(person) = plan.fund.person() else {
            return Err(LedgerError::UnknownPerson(String::new()));
        };
        if plan.description.trim().is_empty() {
            return Err(cylch_ledger::EntryError::NoDescription.into());
        }
        if !plan.schedule.amount.is_positive() {
            return Err(cylch_ledger::schedule::ScheduleError::NotPositive.into());
        }
        let mut tx = self.begin().await?;
        check_people(&mut tx, scope, [person]).await?;
        let id = random_id();
        sqlx::query(
            "INSERT INTO planned_spending (id, coop_id, person_id, description, category, amount, frequency, starts_on, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(person.as_str())
        .bind(plan.description.trim())
        .bind(plan.category.code())
        .bind(plan.schedule.amount.get())
        .bind(frequency_code(plan.schedule.frequency))
        .bind(plan.schedule.start.to_string())
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "planned_spending",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!(plan)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every plan the co-operative has recorded.
    pub async fn planned_spending(
        &self,
        scope: &CoopScope,
    ) -> Result<Vec<PlannedSpend>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let plans = load_plans(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(plans)
    }
}

//! Each person's Direct Payment arrangement, the receipts it should bring,
//! and whether they came: late, short, overpaid or missing.

use cylch_ledger::account::codes;
use cylch_ledger::posting;
use cylch_ledger::schedule::{ArrangementWarning, ReceiptMatching, WALES_WEEKLY_CHARGE_CAP};
use cylch_ledger::{
    ActualReceipt, Arrangement, Frequency, Pence, PersonId, PostedEntry, ReceiptSource,
    ReceiptTolerance, Schedule, Side, match_receipts,
};
use jiff::civil::Date;
use serde_json::json;
use sqlx::Row;

use super::entries::load_entries;
use super::{LedgerError, check_people, parse_date, person_id};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{CoopScope, Store, StoreError, Tx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArrangement {
    pub id: String,
    pub arrangement: Arrangement,
}

pub fn frequency_code(frequency: Frequency) -> &'static str {
    match frequency {
        Frequency::Weekly => "weekly",
        Frequency::FourWeekly => "four_weekly",
        Frequency::Monthly => "monthly",
    }
}

pub fn parse_frequency(raw: &str) -> Option<Frequency> {
    [Frequency::Weekly, Frequency::FourWeekly, Frequency::Monthly]
        .into_iter()
        .find(|f| frequency_code(*f) == raw)
}

fn stored_frequency(raw: &str) -> Result<Frequency, StoreError> {
    parse_frequency(raw).ok_or_else(|| StoreError::Corrupt(format!("frequency {raw:?}")))
}

fn arrangement_from_row(row: &sqlx::any::AnyRow) -> Result<StoredArrangement, StoreError> {
    let date = |i: usize| -> Result<Option<Date>, StoreError> {
        row.try_get::<Option<String>, _>(i)?
            .as_deref()
            .map(parse_date)
            .transpose()
    };
    let contribution = match (
        row.try_get::<Option<i64>, _>(8)?,
        row.try_get::<Option<String>, _>(9)?,
        date(10)?,
    ) {
        (Some(amount), Some(frequency), Some(start)) => Some(Schedule {
            amount: Pence::new(amount),
            frequency: stored_frequency(&frequency)?,
            start,
            end: date(11)?,
        }),
        _ => None,
    };
    Ok(StoredArrangement {
        id: row.try_get(0)?,
        arrangement: Arrangement {
            person: person_id(&row.try_get::<String, _>(1)?)?,
            council: row.try_get(2)?,
            payment: Schedule {
                amount: Pence::new(row.try_get(3)?),
                frequency: stored_frequency(&row.try_get::<String, _>(4)?)?,
                start: parse_date(&row.try_get::<String, _>(5)?)?,
                end: date(6)?,
            },
            client_contribution: contribution,
        },
    })
}

pub(crate) async fn load_arrangements(
    tx: &mut Tx,
    scope: &CoopScope,
) -> Result<Vec<StoredArrangement>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, person_id, council, amount, frequency, starts_on, ends_on, created_at,
                contribution_amount, contribution_frequency, contribution_starts_on, contribution_ends_on
         FROM dp_arrangements WHERE coop_id = $1 ORDER BY person_id, starts_on, created_at, id",
    )
    .bind(scope.coop_id().as_str())
    .fetch_all(&mut **tx)
    .await?;
    rows.iter().map(arrangement_from_row).collect()
}

/// The arrangement in force for a period: the latest to start on or before
/// its last day.
pub(crate) fn arrangement_for<'a>(
    arrangements: &'a [StoredArrangement],
    person: &PersonId,
    until: Date,
) -> Option<&'a StoredArrangement> {
    arrangements
        .iter()
        .filter(|a| &a.arrangement.person == person && a.arrangement.payment.start <= until)
        .max_by_key(|a| a.arrangement.payment.start)
}

/// What arrived for a person, read from the books: credits to Direct
/// Payment income (from the council of the arrangement in force) and to
/// client contributions in their fund. Reversed entries and reversals are
/// left out, so a corrected receipt counts once.
fn actual_receipts(
    entries: &[super::StoredEntry],
    arrangements: &[StoredArrangement],
    person: &PersonId,
) -> Vec<ActualReceipt> {
    let mut receipts = Vec::new();
    for stored in entries {
        let entry: &PostedEntry = &stored.entry;
        if stored.reversed_by.is_some() || entry.reverses().is_some() {
            continue;
        }
        for line in entry.lines() {
            if line.side != Side::Credit || line.fund.person() != Some(person) {
                continue;
            }
            let source = match line.account.as_str() {
                codes::DIRECT_PAYMENT_INCOME => {
                    match arrangement_for(arrangements, person, entry.date()) {
                        Some(a) => ReceiptSource::Council(a.arrangement.council.clone()),
                        None => continue,
                    }
                }
                codes::CLIENT_CONTRIBUTIONS => ReceiptSource::ClientContribution,
                _ => continue,
            };
            receipts.push(ActualReceipt {
                id: entry.id().as_str().to_owned(),
                person: person.clone(),
                source,
                date: entry.date(),
                amount: line.amount,
            });
        }
    }
    receipts
}

impl Store {
    /// Records a person's Direct Payment arrangement, returning its id and
    /// anything worth a second look (a contribution above the Welsh cap).
    pub async fn add_arrangement(
        &self,
        scope: &CoopScope,
        arrangement: &Arrangement,
    ) -> Result<(String, Vec<ArrangementWarning>), LedgerError> {
        let warnings = arrangement.validate(WALES_WEEKLY_CHARGE_CAP)?;
        let mut tx = self.begin().await?;
        check_people(&mut tx, scope, [&arrangement.person]).await?;
        let id = random_id();
        let contribution = arrangement.client_contribution.as_ref();
        sqlx::query(
            "INSERT INTO dp_arrangements (id, coop_id, person_id, council, amount, frequency, starts_on, ends_on,
                contribution_amount, contribution_frequency, contribution_starts_on, contribution_ends_on, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(arrangement.person.as_str())
        .bind(arrangement.council.trim())
        .bind(arrangement.payment.amount.get())
        .bind(frequency_code(arrangement.payment.frequency))
        .bind(arrangement.payment.start.to_string())
        .bind(arrangement.payment.end.map(|d| d.to_string()))
        .bind(contribution.map(|c| c.amount.get()))
        .bind(contribution.map(|c| frequency_code(c.frequency)))
        .bind(contribution.map(|c| c.start.to_string()))
        .bind(contribution.and_then(|c| c.end).map(|d| d.to_string()))
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "dp_arrangement",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!(arrangement)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok((id, warnings))
    }

    /// Every arrangement the co-operative has recorded.
    pub async fn arrangements(
        &self,
        scope: &CoopScope,
    ) -> Result<Vec<StoredArrangement>, StoreError> {
        let mut tx = self.pool().begin().await?;
        let found = load_arrangements(&mut tx, scope).await?;
        tx.commit().await?;
        Ok(found)
    }

    /// Money arriving for a person: the council's Direct Payment (from the
    /// council of their arrangement) or their own contribution, in their
    /// fund.
    pub async fn record_receipt(
        &self,
        scope: &CoopScope,
        person: &PersonId,
        contribution: bool,
        date: Date,
        amount: Pence,
        description: &str,
    ) -> Result<PostedEntry, LedgerError> {
        let source = if contribution {
            ReceiptSource::ClientContribution
        } else {
            let arrangements = self.arrangements(scope).await?;
            let arrangement = arrangement_for(&arrangements, person, date)
                .ok_or(LedgerError::NoArrangement(date))?;
            ReceiptSource::Council(arrangement.arrangement.council.clone())
        };
        let lines = posting::receipt(&ActualReceipt {
            id: String::new(),
            person: person.clone(),
            source,
            date,
            amount,
        })?;
        self.post_lines(scope, date, description, lines).await
    }

    /// Expected receipts for a person from `from` to `to`, each matched
    /// with what arrived and flagged late, short, overpaid or missing as of
    /// `today`.
    pub async fn receipt_checks(
        &self,
        scope: &CoopScope,
        person: &PersonId,
        from: Date,
        to: Date,
        today: Date,
    ) -> Result<ReceiptMatching, LedgerError> {
        let mut tx = self.pool().begin().await?;
        check_people(&mut tx, scope, [person]).await?;
        let arrangements = load_arrangements(&mut tx, scope).await?;
        let entries = load_entries(&mut tx, scope).await?;
        tx.commit().await?;
        let mut expected = Vec::new();
        for stored in arrangements
            .iter()
            .filter(|a| &a.arrangement.person == person)
        {
            expected.extend(stored.arrangement.expected_receipts(from, to)?);
        }
        expected.sort_by(|a, b| a.due.cmp(&b.due).then(a.source.cmp(&b.source)));
        let actual: Vec<ActualReceipt> = actual_receipts(&entries, &arrangements, person)
            .into_iter()
            .filter(|r| r.date >= from)
            .collect();
        Ok(match_receipts(
            &expected,
            &actual,
            ReceiptTolerance::default(),
            today,
        )?)
    }
}

//! The checks before a PA works, as stored: every check recorded is kept,
//! and the latest of each kind counts; the co-operative's employer's
//! liability insurance; whether a PA is fit for a shift (rule 12) and what
//! falls due soon.

use cylch_domain::PersonName;
use cylch_employment::checks::{
    self as rules, Checks, Dbs, DbsCertificateNumber, Due, DueItem, EmployersLiability, Missing,
    Needs, Reference, RightToWork, RightToWorkLimit, Training, UpdateService,
};
use cylch_payroll::Date;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::{EmploymentError, codec, ended_before, require_employer};
use crate::audit::{self, AuditAction, Change};
use crate::ids::random_id;
use crate::{CoopId, CoopScope, EmploymentId, Store, StoreError};

/// Something on the dashboard that runs out soon: for one PA, or (with no
/// employment) the co-operative's insurance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueSoon {
    pub employment: Option<EmploymentId>,
    pub name: Option<String>,
    pub due: Due,
}

pub(super) async fn training(
    conn: &mut AnyConnection,
    coop: &CoopId,
    id: &EmploymentId,
) -> Result<Vec<Training>, StoreError> {
    sqlx::query(
        "SELECT course, completed_on, expires_on FROM employment_training
         WHERE coop_id = $1 AND employment_id = $2 ORDER BY completed_on, created_at",
    )
    .bind(coop.as_str())
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| {
        Ok(Training {
            course: codec::course(&row.try_get::<String, _>(0)?)?,
            completed: codec::date(&row.try_get::<String, _>(1)?)?,
            expires: codec::opt_date(row.try_get(2)?)?,
        })
    })
    .collect()
}

fn name(raw: &str) -> Result<PersonName, StoreError> {
    PersonName::parse(raw).map_err(|_| codec::corrupt("name", raw))
}

/// Everything on file for one PA, without the insurance.
pub(crate) async fn own_checks(
    conn: &mut AnyConnection,
    coop_id: &CoopId,
    id: &EmploymentId,
) -> Result<Checks, StoreError> {
    let coop = coop_id.as_str();
    let right_to_work = sqlx::query(
        "SELECT method, checked_on, checked_by, valid_until FROM employment_right_to_work
         WHERE coop_id = $1 AND employment_id = $2 ORDER BY checked_on DESC, created_at DESC LIMIT 1",
    )
    .bind(coop)
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await?
    .map(|row| -> Result<RightToWork, StoreError> {
        Ok(RightToWork {
            method: codec::method(&row.try_get::<String, _>(0)?)?,
            checked_on: codec::date(&row.try_get::<String, _>(1)?)?,
            checked_by: name(&row.try_get::<String, _>(2)?)?,
            limit: match codec::opt_date(row.try_get(3)?)? {
                Some(last) => RightToWorkLimit::Until(last),
                None => RightToWorkLimit::Unlimited,
            },
        })
    })
    .transpose()?;
    let dbs = sqlx::query(
        "SELECT certificate, issued_on, adults_barred_list, status_checked_on, status_outcome FROM employment_dbs
         WHERE coop_id = $1 AND employment_id = $2
         ORDER BY issued_on DESC, COALESCE(status_checked_on, issued_on) DESC, created_at DESC LIMIT 1",
    )
    .bind(coop)
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await?
    .map(|row| -> Result<Dbs, StoreError> {
        let certificate: String = row.try_get(0)?;
        let update_service = match (
            row.try_get::<Option<String>, _>(3)?,
            row.try_get::<Option<String>, _>(4)?,
        ) {
            (Some(on), Some(outcome)) => Some(UpdateService {
                last_status_check: codec::date(&on)?,
                outcome: codec::outcome(&outcome)?,
            }),
            _ => None,
        };
        Ok(Dbs {
            certificate: DbsCertificateNumber::parse(&certificate)
                .map_err(|_| codec::corrupt("DBS certificate", "(hidden)"))?,
            issued: codec::date(&row.try_get::<String, _>(1)?)?,
            adults_barred_list: codec::flag(row.try_get(2)?),
            update_service,
        })
    })
    .transpose()?;
    let references = sqlx::query(
        "SELECT referee, received_on, satisfactory FROM employment_references
         WHERE coop_id = $1 AND employment_id = $2 ORDER BY received_on, created_at",
    )
    .bind(coop)
    .bind(id.as_str())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| -> Result<Reference, StoreError> {
        Ok(Reference {
            from: name(&row.try_get::<String, _>(0)?)?,
            received: codec::date(&row.try_get::<String, _>(1)?)?,
            satisfactory: codec::flag(row.try_get(2)?),
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    // The first day a signed statement was on file: the earliest
    // acknowledgement of any version.
    let signed_at: Option<i64> = sqlx::query_scalar(
        "SELECT MIN(acknowledged_at) FROM employment_statements WHERE coop_id = $1 AND employment_id = $2",
    )
    .bind(coop)
    .bind(id.as_str())
    .fetch_one(&mut *conn)
    .await?;
    Ok(Checks {
        right_to_work,
        dbs,
        references,
        training: training(conn, coop_id, id).await?,
        statement_signed: signed_at.map(codec::wales_day).transpose()?,
        employers_liability: None,
    })
}

/// The co-operative's insurance that counts on `on`: the policy in force
/// that day (the latest to start), else the last that has run out, else the
/// first yet to start.
pub(crate) async fn insurance_on(
    conn: &mut AnyConnection,
    coop: &CoopId,
    on: Date,
) -> Result<Option<EmployersLiability>, StoreError> {
    let policies = sqlx::query(
        "SELECT insurer, policy, cover, starts_on, expires_on FROM employers_liability WHERE coop_id = $1",
    )
    .bind(coop.as_str())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|row| -> Result<EmployersLiability, StoreError> {
        Ok(EmployersLiability {
            insurer: codec::text(&row.try_get::<String, _>(0)?)?,
            policy: codec::text(&row.try_get::<String, _>(1)?)?,
            cover: row.try_get(2)?,
            starts: codec::date(&row.try_get::<String, _>(3)?)?,
            expires: codec::date(&row.try_get::<String, _>(4)?)?,
        })
    })
    .collect::<Result<Vec<_>, _>>()?;
    let in_force = policies
        .iter()
        .filter(|p| p.starts <= on && on <= p.expires)
        .max_by_key(|p| (p.starts, p.cover));
    let run_out = || {
        policies
            .iter()
            .filter(|p| p.expires < on)
            .max_by_key(|p| p.expires)
    };
    let to_come = || {
        policies
            .iter()
            .filter(|p| p.starts > on)
            .min_by_key(|p| p.starts)
    };
    Ok(in_force.or_else(run_out).or_else(to_come).cloned())
}

/// What the support this PA gives needs beyond the usual.
pub(crate) fn needs(links: &[super::Link]) -> Needs {
    Needs {
        medication: links.iter().any(|l| l.works_with.needs_medication),
    }
}

fn mask_certificate(c: &DbsCertificateNumber) -> String {
    let s = c.as_str();
    format!("••••••••{}", s.get(8..).unwrap_or(""))
}

impl Store {
    async fn record_check<'q>(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        kind: &str,
        insert: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
        audit_after: serde_json::Value,
    ) -> Result<(), EmploymentError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        if super::load_one(&mut tx, scope.coop_id(), id)
            .await?
            .is_none()
        {
            return Err(EmploymentError::NotFound);
        }
        insert.execute(&mut *tx).await?;
        let mut after = audit_after;
        after["check"] = json!(kind);
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employment_check",
                record_id: id.as_str(),
                action: AuditAction::Created,
                before: None,
                after: Some(after),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a right-to-work check.
    pub async fn record_right_to_work(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        check: &RightToWork,
    ) -> Result<(), EmploymentError> {
        let until = match check.limit {
            RightToWorkLimit::Unlimited => None,
            RightToWorkLimit::Until(last) => Some(last.to_string()),
        };
        let q = sqlx::query(
            "INSERT INTO employment_right_to_work (id, coop_id, employment_id, method, checked_on, checked_by, valid_until, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(random_id())
        .bind(scope.coop_id().as_str().to_owned())
        .bind(id.as_str().to_owned())
        .bind(codec::method_code(check.method))
        .bind(check.checked_on.to_string())
        .bind(check.checked_by.as_str().to_owned())
        .bind(until.clone())
        .bind(scope.account().as_str().to_owned())
        .bind(crate::clock::written_at_ms());
        let after = json!({
            "method": codec::method_code(check.method),
            "checked_on": check.checked_on.to_string(),
            "valid_until": until,
        });
        self.record_check(scope, id, "right_to_work", q, after)
            .await
    }

    /// Records a DBS certificate, or a new Update Service status check on
    /// it (recorded as the certificate with its latest status check).
    pub async fn record_dbs(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        dbs: &Dbs,
    ) -> Result<(), EmploymentError> {
        let q = sqlx::query(
            "INSERT INTO employment_dbs (id, coop_id, employment_id, certificate, issued_on, adults_barred_list, status_checked_on, status_outcome, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(random_id())
        .bind(scope.coop_id().as_str().to_owned())
        .bind(id.as_str().to_owned())
        .bind(dbs.certificate.as_str().to_owned())
        .bind(dbs.issued.to_string())
        .bind(i64::from(dbs.adults_barred_list))
        .bind(dbs.update_service.map(|u| u.last_status_check.to_string()))
        .bind(dbs.update_service.map(|u| codec::outcome_code(u.outcome)))
        .bind(scope.account().as_str().to_owned())
        .bind(crate::clock::written_at_ms());
        let after = json!({
            "certificate": mask_certificate(&dbs.certificate),
            "issued": dbs.issued.to_string(),
            "adults_barred_list": dbs.adults_barred_list,
            "status_checked_on": dbs.update_service.map(|u| u.last_status_check.to_string()),
            "status_outcome": dbs.update_service.map(|u| codec::outcome_code(u.outcome)),
        });
        self.record_check(scope, id, "dbs", q, after).await
    }

    /// Records a reference received.
    pub async fn record_reference(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        reference: &Reference,
    ) -> Result<(), EmploymentError> {
        let q = sqlx::query(
            "INSERT INTO employment_references (id, coop_id, employment_id, referee, received_on, satisfactory, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(random_id())
        .bind(scope.coop_id().as_str().to_owned())
        .bind(id.as_str().to_owned())
        .bind(reference.from.as_str().to_owned())
        .bind(reference.received.to_string())
        .bind(i64::from(reference.satisfactory))
        .bind(scope.account().as_str().to_owned())
        .bind(crate::clock::written_at_ms());
        let after = json!({
            "referee": reference.from.as_str(),
            "received": reference.received.to_string(),
            "satisfactory": reference.satisfactory,
        });
        self.record_check(scope, id, "reference", q, after).await
    }

    /// Records training completed.
    pub async fn record_training(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        training: &Training,
    ) -> Result<(), EmploymentError> {
        let q = sqlx::query(
            "INSERT INTO employment_training (id, coop_id, employment_id, course, completed_on, expires_on, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(random_id())
        .bind(scope.coop_id().as_str().to_owned())
        .bind(id.as_str().to_owned())
        .bind(codec::course_code(training.course))
        .bind(training.completed.to_string())
        .bind(training.expires.map(|d| d.to_string()))
        .bind(scope.account().as_str().to_owned())
        .bind(crate::clock::written_at_ms());
        let after = json!({
            "course": codec::course_code(training.course),
            "completed": training.completed.to_string(),
            "expires": training.expires.map(|d| d.to_string()),
        });
        self.record_check(scope, id, "training", q, after).await
    }

    /// Records a policy of the co-operative's employer's liability
    /// insurance; each policy is kept.
    pub async fn record_insurance(
        &self,
        scope: &CoopScope,
        policy: &EmployersLiability,
    ) -> Result<(), EmploymentError> {
        require_employer(scope)?;
        let id = random_id();
        let mut tx = self.begin().await?;
        sqlx::query(
            "INSERT INTO employers_liability (id, coop_id, insurer, policy, cover, starts_on, expires_on, recorded_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&id)
        .bind(scope.coop_id().as_str())
        .bind(policy.insurer.as_str())
        .bind(policy.policy.as_str())
        .bind(policy.cover)
        .bind(policy.starts.to_string())
        .bind(policy.expires.to_string())
        .bind(scope.account().as_str())
        .bind(crate::clock::written_at_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employers_liability",
                record_id: &id,
                action: AuditAction::Created,
                before: None,
                after: Some(json!({
                    "insurer": policy.insurer.as_str(),
                    "policy": policy.policy.as_str(),
                    "cover": policy.cover,
                    "starts": policy.starts.to_string(),
                    "expires": policy.expires.to_string(),
                })),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everything on file for one PA today, with the co-operative's
    /// insurance: for the officers with the employer's duties and the PA.
    pub async fn checks_for(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<Checks, EmploymentError> {
        let mut conn = self.pool().acquire().await?;
        self.full(&mut conn, scope, id).await?;
        let today = codec::from_jiff(self.today())?;
        let mut checks = own_checks(&mut conn, scope.coop_id(), id).await?;
        checks.employers_liability = insurance_on(&mut conn, scope.coop_id(), today).await?;
        Ok(checks)
    }

    /// What stops the PA working a shift on `date` (rule 12): empty when
    /// they are fit. The checks are those on file with the co-operative's
    /// insurance on that date; medication training counts when the support
    /// of anyone they work with includes medication.
    pub async fn fit_for_shift(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        date: Date,
    ) -> Result<Vec<Missing>, EmploymentError> {
        let mut conn = self.pool().acquire().await?;
        let (_, links, _) = self.full(&mut conn, scope, id).await?;
        let mut checks = own_checks(&mut conn, scope.coop_id(), id).await?;
        checks.employers_liability = insurance_on(&mut conn, scope.coop_id(), date).await?;
        let settings = super::in_force(&mut conn, scope.coop_id()).await?.settings;
        Ok(
            rules::fit_for_shift(&checks, &settings.checks(), date, needs(&links))
                .err()
                .unwrap_or_default(),
        )
    }

    /// What runs out within `days` of today (already overdue included),
    /// soonest first, for the employments the caller sees in full that have
    /// not ended; and the co-operative's insurance, once, for the officers
    /// with the employer's duties.
    pub async fn due_within(
        &self,
        scope: &CoopScope,
        days: u32,
    ) -> Result<Vec<DueSoon>, StoreError> {
        let today = codec::from_jiff(self.today())?;
        let entries = self.employments(scope).await?;
        let mut conn = self.pool().acquire().await?;
        let settings = super::in_force(&mut conn, scope.coop_id())
            .await?
            .settings
            .checks();
        let mut out = Vec::new();
        for entry in entries {
            let super::EmploymentEntry::Full(record) = entry else {
                continue;
            };
            if ended_before(&record.employment, today) {
                continue;
            }
            let checks = own_checks(&mut conn, scope.coop_id(), &record.id).await?;
            out.extend(
                rules::due_within(&checks, &settings, today, days)
                    .into_iter()
                    .map(|due| DueSoon {
                        employment: Some(record.id.clone()),
                        name: Some(record.employment.name.as_str().to_owned()),
                        due,
                    }),
            );
        }
        if super::has_employer_duties(scope.roles()) {
            let insurance = Checks {
                employers_liability: insurance_on(&mut conn, scope.coop_id(), today).await?,
                ..Checks::default()
            };
            out.extend(
                rules::due_within(&insurance, &settings, today, days)
                    .into_iter()
                    .filter(|d| d.item == DueItem::Insurance)
                    .map(|due| DueSoon {
                        employment: None,
                        name: None,
                        due,
                    }),
            );
        }
        out.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }
}

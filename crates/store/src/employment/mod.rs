//! Employing PAs: each PA's employment record, the supported people they
//! work with, and whose record each person may see.
//!
//! Whose record is decided by [`employment_view`] from the caller's roles and
//! their tie to the PA, and applied here so that it cannot be forgotten:
//! - the officers with the employer's duties, and the PA themself, get an
//!   [`EmploymentRecord`], the whole record;
//! - a supported person and their representative get a [`SupportingPa`] for
//!   each PA who works with them: a type with no field for the NI number,
//!   pay, date of birth or address, so those cannot leak by mistake;
//! - anyone else gets nothing, and asking for one record by id answers
//!   [`EmploymentError::NotFound`], exactly as for an id that does not
//!   exist, so that nobody learns who the co-operative employs.
//!
//! The NI number is written to the audit log only in its masked form.
//!
//! Every write takes the caller's [`CoopScope`] and is refused unless they
//! carry the employer's duties ([`has_employer_duties`]): the store checks
//! this itself, as well as the pages, because these are special category
//! records.

mod checks;
mod codec;
pub mod leave;
mod settings;
mod statements;

pub use checks::DueSoon;
pub(crate) use checks::{insurance_on, needs, own_checks};
pub(crate) use codec::from_jiff as codec_from_jiff;
pub(crate) use settings::in_force;
pub use settings::{EmployerSettings, InForce, SettingsError, SettingsField};
pub use statements::StatementVersion;

use cylch_domain::PersonName;
use cylch_domain::policy::{EmploymentTie, EmploymentView, employment_view, has_employer_duties};
use cylch_employment::checks::{CheckSettings, Course, Training};
use cylch_employment::employment::{
    CouncilAuthorisation, Ending, Field, FieldProblem, Household, Problem, validate,
};
use cylch_employment::particulars::ParticularKind;
use cylch_employment::text::Text;
use cylch_employment::{Employment, NiNumber};
use cylch_payroll::{Date, TaxCode};
use serde_json::json;
use sqlx::{AnyConnection, Row};

use crate::audit::{self, AuditAction, Change};
use crate::{AccountId, CoopId, CoopScope, EmploymentId, Store, StoreError};

/// What the store keeps about a PA beyond the employment rules' record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaDetails {
    /// The PA's own sign-in, if they have one: how they see their record
    /// and acknowledge their statement. It must be a member's account.
    pub account: Option<AccountId>,
    pub address: Text,
    pub duties: Option<Text>,
    /// For the Active Offer: matching Welsh speakers with people who want
    /// their support in Welsh.
    pub welsh_speaker: bool,
    /// The tax code payroll uses now (from HMRC's latest notice), if known.
    pub tax_code: Option<TaxCode>,
    /// The student loan plan repaid through payroll, if any.
    pub student_loan: Option<cylch_employment::employment::StudentLoanPlan>,
    /// A postgraduate loan is repaid too.
    pub postgraduate_loan: bool,
}

/// A supported person a PA works with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorksWith {
    pub person: String,
    pub name: String,
    /// The support includes medication, so medication training is needed.
    pub needs_medication: bool,
}

/// A PA's whole employment record: for the officers with the employer's
/// duties and the PA themself only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmploymentRecord {
    pub id: EmploymentId,
    pub employment: Employment,
    pub details: PaDetails,
    pub works_with: Vec<WorksWith>,
}

/// A PA as a supported person or their representative sees them. Holds no
/// NI number, pay, date of birth, address or anything about health, by
/// design: there is no field to put them in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportingPa {
    pub id: EmploymentId,
    pub name: PersonName,
    pub welsh_speaker: bool,
    /// Training relevant to the support: the courses every PA needs, and
    /// medication where the caller's support needs it.
    pub training: Vec<Training>,
    /// The people, among those the caller is or acts for, this PA works with.
    pub supports: Vec<String>,
}

/// One employment, in the view the caller is entitled to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmploymentEntry {
    Full(Box<EmploymentRecord>),
    Supported(SupportingPa),
}

impl EmploymentEntry {
    pub fn id(&self) -> &EmploymentId {
        match self {
            EmploymentEntry::Full(r) => &r.id,
            EmploymentEntry::Supported(s) => &s.id,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EmploymentError {
    /// Every problem with the record at once, at its field.
    #[error("the employment record has {} problems", .0.len())]
    Invalid(Vec<FieldProblem>),
    /// No such employment, or not one the caller may see: the two are
    /// answered alike.
    #[error("no such employment")]
    NotFound,
    /// Only the officers with the employer's duties change employment
    /// records.
    #[error("only the officers with the employer's duties may do this")]
    NeedsEmployerDuties,
    /// The account named as the PA's is not a member of this co-operative.
    #[error("that account is not a member of this co-operative")]
    AccountNotMember,
    /// The supported person is not one of this co-operative's.
    #[error("nobody with that reference is supported here")]
    PersonNotHere,
    /// Only the PA themself, signed in as themself, acknowledges their
    /// written statement.
    #[error("only the PA may acknowledge their own written statement")]
    NotThePa,
    #[error("this version of the written statement is already acknowledged")]
    AlreadyAcknowledged,
    /// The statement lacks day-one particulars and cannot be issued.
    #[error("the written statement lacks {} day-one particulars", .0.len())]
    Incomplete(Vec<ParticularKind>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for EmploymentError {
    fn from(err: sqlx::Error) -> Self {
        EmploymentError::Store(err.into())
    }
}

/// Why a PA may not be paid from a supported person's Direct Payment.
#[derive(Debug, thiserror::Error)]
pub enum NotPayable {
    /// No such employment or person, or not the caller's to see.
    #[error("no such employment")]
    NotFound,
    /// The PA does not work with that person.
    #[error("this PA does not work with that person")]
    NotTheirPa,
    /// Rule 10: a relative living in the same household needs the council's
    /// recorded authorisation first.
    #[error("a relative in the same household needs the council's recorded authorisation")]
    NeedsCouncilAuthorisation,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for NotPayable {
    fn from(err: sqlx::Error) -> Self {
        NotPayable::Store(err.into())
    }
}

/// An employment as read from its row.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub(crate) id: EmploymentId,
    pub(crate) employment: Employment,
    pub(crate) details: PaDetails,
}

/// One link between a PA and a supported person, with what the tie needs.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub(crate) employment: String,
    pub(crate) works_with: WorksWith,
    member: Option<String>,
    represented_by: Option<String>,
}

impl Link {
    /// Whether the caller is the person or acts for them.
    fn is_callers(&self, scope: &CoopScope) -> bool {
        let me = Some(scope.account().as_str());
        self.member.as_deref() == me || self.represented_by.as_deref() == me
    }
}

/// The checks of the record the store makes at its boundary: the employment
/// rules' own, except that a relative in the same household may be recorded
/// before the council's authorisation arrives. Rule 10 forbids paying them
/// until it does, which [`Store::payable_from`] enforces; recording the
/// offer of work while the council decides is not forbidden.
fn check_record(e: &Employment, today: Date) -> Result<(), EmploymentError> {
    match validate(e, today) {
        Ok(()) => Ok(()),
        Err(problems) => {
            let problems: Vec<FieldProblem> = problems
                .into_iter()
                .filter(|p| {
                    !(p.field == Field::Household
                        && p.problem == Problem::NeedsCouncilAuthorisation)
                })
                .collect();
            if problems.is_empty() {
                Ok(())
            } else {
                Err(EmploymentError::Invalid(problems))
            }
        }
    }
}

fn require_employer(scope: &CoopScope) -> Result<(), EmploymentError> {
    if has_employer_duties(scope.roles()) {
        Ok(())
    } else {
        Err(EmploymentError::NeedsEmployerDuties)
    }
}

/// The record as the audit log keeps it: the NI number masked.
fn audit_view(e: &Employment, p: &PaDetails) -> serde_json::Value {
    let authorisation = match &e.household {
        Household::RelativeInSameHousehold {
            authorisation: Some(a),
        } => Some(json!({"reference": a.reference.as_str(), "date": a.date.to_string()})),
        _ => None,
    };
    json!({
        "account": p.account.as_ref().map(AccountId::as_str),
        "name": e.name.as_str(),
        "born": e.born.to_string(),
        "ni_number": e.ni_number.as_ref().map(NiNumber::masked),
        "address": p.address.as_str(),
        "job_title": e.job_title.as_str(),
        "duties": p.duties.as_ref().map(Text::as_str),
        "place_of_work": e.place_of_work.as_str(),
        "hours": e.hours.code(),
        "rates": {
            "day": e.rates.day,
            "night": e.rates.night,
            "weekend": e.rates.weekend,
            "bank_holiday": e.rates.bank_holiday,
            "sleep_in_per_night": e.rates.sleep_in_per_night,
        },
        "pay_frequency": codec::frequency_code(e.pay_frequency),
        "tax_code": p.tax_code.map(|c| c.to_string()),
        "student_loan": p.student_loan.map(|l| l.code()),
        "postgraduate_loan": p.postgraduate_loan,
        "pension": e.pension.code(),
        "welsh_speaker": p.welsh_speaker,
        "start": e.start.to_string(),
        "last_day": e.ending.map(|x| x.last_day.to_string()),
        "end_reason": e.ending.map(|x| codec::end_reason_code(x.reason)),
        "relative_in_household": matches!(e.household, Household::RelativeInSameHousehold { .. }),
        "council_authorisation": authorisation,
    })
}

fn select_sql(one: bool) -> String {
    let columns = codec::COLUMNS.join(", ");
    let filter = if one { " AND id = $2" } else { "" };
    format!(
        "SELECT id, {columns} FROM employments WHERE coop_id = $1{filter} ORDER BY starts_on, name, id"
    )
}

async fn load(
    conn: &mut AnyConnection,
    coop: &CoopId,
    id: Option<&EmploymentId>,
) -> Result<Vec<Stored>, StoreError> {
    let sql = select_sql(id.is_some());
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(id) = id {
        q = q.bind(id.as_str());
    }
    q.fetch_all(&mut *conn)
        .await?
        .iter()
        .map(codec::from_row)
        .collect()
}

pub(crate) async fn load_one(
    conn: &mut AnyConnection,
    coop: &CoopId,
    id: &EmploymentId,
) -> Result<Option<Stored>, StoreError> {
    Ok(load(conn, coop, Some(id)).await?.pop())
}

pub(crate) async fn links(
    conn: &mut AnyConnection,
    coop: &CoopId,
    id: Option<&EmploymentId>,
) -> Result<Vec<Link>, StoreError> {
    let filter = if id.is_some() {
        " AND ep.employment_id = $2"
    } else {
        ""
    };
    let sql = format!(
        "SELECT ep.employment_id, ep.person_id, sp.name, ep.needs_medication, sp.member_account_id, sp.represented_by_account_id
         FROM employment_people ep JOIN supported_people sp ON sp.coop_id = ep.coop_id AND sp.id = ep.person_id
         WHERE ep.coop_id = $1{filter} ORDER BY sp.name, ep.person_id"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(coop.as_str());
    if let Some(id) = id {
        q = q.bind(id.as_str());
    }
    q.fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|row| {
            Ok(Link {
                employment: row.try_get(0)?,
                works_with: WorksWith {
                    person: row.try_get(1)?,
                    name: row.try_get(2)?,
                    needs_medication: codec::flag(row.try_get(3)?),
                },
                member: row.try_get(4)?,
                represented_by: row.try_get(5)?,
            })
        })
        .collect()
}

fn tie(scope: &CoopScope, stored: &Stored, links: &[Link]) -> EmploymentTie {
    if stored.details.account.as_ref() == Some(scope.account()) {
        EmploymentTie::Own
    } else if links
        .iter()
        .any(|l| l.employment == stored.id.as_str() && l.is_callers(scope))
    {
        EmploymentTie::WorksWithThem
    } else {
        EmploymentTie::Unrelated
    }
}

/// Whether an employment has ended before `today`.
fn ended_before(e: &Employment, today: Date) -> bool {
    e.ending.is_some_and(|x| x.last_day < today)
}

async fn is_member(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    account: &AccountId,
) -> Result<bool, StoreError> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT account_id FROM memberships WHERE coop_id = $1 AND account_id = $2",
    )
    .bind(scope.coop_id().as_str())
    .bind(account.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.is_some())
}

async fn person_is_here(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    person: &str,
) -> Result<bool, StoreError> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM supported_people WHERE coop_id = $1 AND id = $2")
            .bind(scope.coop_id().as_str())
            .bind(person)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(found.is_some())
}

async fn write(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
    e: &Employment,
    p: &PaDetails,
    insert: bool,
    now: i64,
) -> Result<(), StoreError> {
    let n = codec::COLUMNS.len();
    let sql = if insert {
        let placeholders: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
        format!(
            "INSERT INTO employments ({}, coop_id, id, created_at, updated_at) VALUES ({}, ${}, ${}, ${}, ${})",
            codec::COLUMNS.join(", "),
            placeholders.join(", "),
            n + 1,
            n + 2,
            n + 3,
            n + 3,
        )
    } else {
        let sets: Vec<String> = codec::COLUMNS
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{c} = ${}", i + 1))
            .collect();
        format!(
            "UPDATE employments SET {}, updated_at = ${} WHERE coop_id = ${} AND id = ${}",
            sets.join(", "),
            n + 3,
            n + 1,
            n + 2,
        )
    };
    let q = codec::bind(sqlx::query(sqlx::AssertSqlSafe(sql)), codec::values(e, p))
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(now);
    q.execute(&mut *conn).await?;
    Ok(())
}

impl Store {
    /// Hires a PA: checks the whole record (every problem at once), that
    /// the PA's account, if given, is a member here, and saves it with its
    /// audit entry.
    pub async fn hire(
        &self,
        scope: &CoopScope,
        employment: &Employment,
        details: &PaDetails,
    ) -> Result<EmploymentRecord, EmploymentError> {
        require_employer(scope)?;
        check_record(employment, codec::from_jiff(self.today())?)?;
        let mut tx = self.begin().await?;
        if let Some(account) = &details.account
            && !is_member(&mut tx, scope, account).await?
        {
            return Err(EmploymentError::AccountNotMember);
        }
        let id = EmploymentId::new();
        write(
            &mut tx,
            scope,
            &id,
            employment,
            details,
            true,
            self.now_ms(),
        )
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employment",
                record_id: id.as_str(),
                action: AuditAction::Created,
                before: None,
                after: Some(audit_view(employment, details)),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(EmploymentRecord {
            id,
            employment: employment.clone(),
            details: details.clone(),
            works_with: Vec::new(),
        })
    }

    /// Changes an employment record. Its ending is kept as it was: ending
    /// an employment is [`Store::end_employment`]'s business.
    pub async fn update_employment(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        employment: &Employment,
        details: &PaDetails,
    ) -> Result<(), EmploymentError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        let before = load_one(&mut tx, scope.coop_id(), id)
            .await?
            .ok_or(EmploymentError::NotFound)?;
        let after = Employment {
            ending: before.employment.ending,
            ..employment.clone()
        };
        self.replace(&mut tx, scope, &before, &after, details)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends an employment on its last day, for a reason; the record is kept.
    pub async fn end_employment(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        ending: Ending,
    ) -> Result<(), EmploymentError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        let before = load_one(&mut tx, scope.coop_id(), id)
            .await?
            .ok_or(EmploymentError::NotFound)?;
        let after = Employment {
            ending: Some(ending),
            ..before.employment.clone()
        };
        let details = before.details.clone();
        self.replace(&mut tx, scope, &before, &after, &details)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the council's authorisation to pay a PA who is a relative
    /// living in the same household (rule 10). It must be dated on or
    /// before the start of the employment.
    pub async fn record_council_authorisation(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        authorisation: CouncilAuthorisation,
    ) -> Result<(), EmploymentError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        let before = load_one(&mut tx, scope.coop_id(), id)
            .await?
            .ok_or(EmploymentError::NotFound)?;
        let after = Employment {
            household: Household::RelativeInSameHousehold {
                authorisation: Some(authorisation),
            },
            ..before.employment.clone()
        };
        let details = before.details.clone();
        self.replace(&mut tx, scope, &before, &after, &details)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn replace(
        &self,
        tx: &mut crate::Tx,
        scope: &CoopScope,
        before: &Stored,
        after: &Employment,
        details: &PaDetails,
    ) -> Result<(), EmploymentError> {
        check_record(after, codec::from_jiff(self.today())?)?;
        if let Some(account) = &details.account
            && !is_member(tx, scope, account).await?
        {
            return Err(EmploymentError::AccountNotMember);
        }
        write(tx, scope, &before.id, after, details, false, self.now_ms()).await?;
        audit::record(
            tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employment",
                record_id: before.id.as_str(),
                action: AuditAction::Updated,
                before: Some(audit_view(&before.employment, &before.details)),
                after: Some(audit_view(after, details)),
            },
        )
        .await?;
        Ok(())
    }

    /// Records that a PA works with a supported person of this
    /// co-operative, and whether that support includes medication. Linking
    /// again changes the medication flag.
    pub async fn link_person(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        person: &str,
        needs_medication: bool,
    ) -> Result<(), EmploymentError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        load_one(&mut tx, scope.coop_id(), id)
            .await?
            .ok_or(EmploymentError::NotFound)?;
        if !person_is_here(&mut tx, scope, person).await? {
            return Err(EmploymentError::PersonNotHere);
        }
        let existing: Option<i64> = sqlx::query_scalar(
            "SELECT needs_medication FROM employment_people WHERE coop_id = $1 AND employment_id = $2 AND person_id = $3",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(person)
        .fetch_optional(&mut *tx)
        .await?;
        let flag = i64::from(needs_medication);
        if existing.is_some() {
            sqlx::query("UPDATE employment_people SET needs_medication = $1 WHERE coop_id = $2 AND employment_id = $3 AND person_id = $4")
                .bind(flag)
                .bind(scope.coop_id().as_str())
                .bind(id.as_str())
                .bind(person)
                .execute(&mut *tx)
                .await?;
        } else {
            sqlx::query("INSERT INTO employment_people (coop_id, employment_id, person_id, needs_medication, created_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(scope.coop_id().as_str())
                .bind(id.as_str())
                .bind(person)
                .bind(flag)
                .bind(self.now_ms())
                .execute(&mut *tx)
                .await?;
        }
        let record_id = format!("{}/{person}", id.as_str());
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employment_person",
                record_id: &record_id,
                action: if existing.is_some() {
                    AuditAction::Updated
                } else {
                    AuditAction::Created
                },
                before: existing.map(|m| json!({"needs_medication": codec::flag(m)})),
                after: Some(json!({"needs_medication": needs_medication})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that a PA no longer works with a supported person.
    pub async fn unlink_person(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        person: &str,
    ) -> Result<(), EmploymentError> {
        require_employer(scope)?;
        let mut tx = self.begin().await?;
        let removed = sqlx::query(
            "DELETE FROM employment_people WHERE coop_id = $1 AND employment_id = $2 AND person_id = $3",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(person)
        .execute(&mut *tx)
        .await?;
        if removed.rows_affected() == 0 {
            return Err(EmploymentError::NotFound);
        }
        let record_id = format!("{}/{person}", id.as_str());
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "employment_person",
                record_id: &record_id,
                action: AuditAction::Deleted,
                before: Some(json!({"person": person})),
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The employments the caller may see, each in the view they may see it
    /// in: every one in full for the officers with the employer's duties;
    /// their own in full for a PA; for a supported person or their
    /// representative, the PAs who work with them now, limited; nothing for
    /// anyone else.
    pub async fn employments(&self, scope: &CoopScope) -> Result<Vec<EmploymentEntry>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let stored = load(&mut conn, scope.coop_id(), None).await?;
        let links = links(&mut conn, scope.coop_id(), None).await?;
        let today = codec::from_jiff(self.today())?;
        let mut out = Vec::new();
        for s in stored {
            if let Some(entry) = self.entry(&mut conn, scope, s, &links, today).await? {
                out.push(entry);
            }
        }
        Ok(out)
    }

    /// One employment in the view the caller may see it in; `NotFound`
    /// alike for one that does not exist and one the caller may not see.
    pub async fn employment(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<EmploymentEntry, EmploymentError> {
        let mut conn = self.pool().acquire().await?;
        let stored = load_one(&mut conn, scope.coop_id(), id)
            .await?
            .ok_or(EmploymentError::NotFound)?;
        let links = links(&mut conn, scope.coop_id(), Some(id)).await?;
        let today = codec::from_jiff(self.today())?;
        self.entry(&mut conn, scope, stored, &links, today)
            .await?
            .ok_or(EmploymentError::NotFound)
    }

    async fn entry(
        &self,
        conn: &mut AnyConnection,
        scope: &CoopScope,
        stored: Stored,
        links: &[Link],
        today: Date,
    ) -> Result<Option<EmploymentEntry>, StoreError> {
        let mine = |l: &&Link| l.employment == stored.id.as_str();
        match employment_view(scope.roles(), tie(scope, &stored, links)) {
            EmploymentView::None => Ok(None),
            EmploymentView::Full => Ok(Some(EmploymentEntry::Full(Box::new(EmploymentRecord {
                works_with: links
                    .iter()
                    .filter(mine)
                    .map(|l| l.works_with.clone())
                    .collect(),
                id: stored.id,
                employment: stored.employment,
                details: stored.details,
            })))),
            EmploymentView::Supported => {
                if ended_before(&stored.employment, today) {
                    return Ok(None);
                }
                let callers: Vec<&Link> = links
                    .iter()
                    .filter(mine)
                    .filter(|l| l.is_callers(scope))
                    .collect();
                let mut relevant = CheckSettings::default().required_training;
                if callers.iter().any(|l| l.works_with.needs_medication) {
                    relevant.push(Course::Medication);
                }
                let training = checks::training(conn, scope.coop_id(), &stored.id)
                    .await?
                    .into_iter()
                    .filter(|t| relevant.contains(&t.course))
                    .collect();
                Ok(Some(EmploymentEntry::Supported(SupportingPa {
                    id: stored.id,
                    name: stored.employment.name,
                    welsh_speaker: stored.details.welsh_speaker,
                    training,
                    supports: callers
                        .iter()
                        .map(|l| l.works_with.person.clone())
                        .collect(),
                })))
            }
        }
    }

    /// Whether the caller may see the employment in full (an officer with
    /// the employer's duties, or the PA): `NotFound` otherwise, as for one
    /// that does not exist.
    pub(crate) async fn require_full(
        &self,
        conn: &mut AnyConnection,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<(), EmploymentError> {
        self.full(conn, scope, id).await.map(|_| ())
    }

    /// The employment with its links, if the caller may see it in full.
    async fn full(
        &self,
        conn: &mut AnyConnection,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<(Stored, Vec<Link>, EmploymentTie), EmploymentError> {
        let stored = load_one(conn, scope.coop_id(), id)
            .await?
            .ok_or(EmploymentError::NotFound)?;
        let links = links(conn, scope.coop_id(), Some(id)).await?;
        let tie = tie(scope, &stored, &links);
        if employment_view(scope.roles(), tie) == EmploymentView::Full {
            Ok((stored, links, tie))
        } else {
            Err(EmploymentError::NotFound)
        }
    }

    /// The PA's whole NI number, for an officer with the employer's duties
    /// or the PA themself; each showing is written to the audit log (who
    /// saw it, never the number), because the number is kept from everyone
    /// who does not need it.
    pub async fn reveal_ni_number(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
    ) -> Result<Option<NiNumber>, EmploymentError> {
        let mut tx = self.begin().await?;
        let (stored, _, _) = self.full(&mut tx, scope, id).await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "ni_number_shown",
                record_id: id.as_str(),
                action: AuditAction::Created,
                before: None,
                after: Some(json!({"shown_to": scope.account().as_str()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(stored.employment.ni_number)
    }

    /// Whether the PA may be paid from `person`'s Direct Payment: they must
    /// work with the person, and a relative living in the same household
    /// needs the council's recorded authorisation first (rule 10).
    pub async fn payable_from(
        &self,
        scope: &CoopScope,
        id: &EmploymentId,
        person: &str,
    ) -> Result<(), NotPayable> {
        let mut conn = self.pool().acquire().await?;
        let (stored, links, _) = match self.full(&mut conn, scope, id).await {
            Ok(found) => found,
            Err(EmploymentError::Store(e)) => return Err(NotPayable::Store(e)),
            Err(_) => return Err(NotPayable::NotFound),
        };
        if !links.iter().any(|l| l.works_with.person == person) {
            return Err(NotPayable::NotTheirPa);
        }
        match stored.employment.household {
            Household::RelativeInSameHousehold {
                authorisation: None,
            } => Err(NotPayable::NeedsCouncilAuthorisation),
            _ => Ok(()),
        }
    }
}

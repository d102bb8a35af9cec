//! Timesheets: each PA's time in each pay period, built from their
//! delivered shifts or entered by hand, confirmed or corrected by the PA,
//! approved by each supported person it was for (or whoever they chose),
//! and locked once approved; the rules are
//! [`cylch_employment::timesheet`]'s.
//!
//! Whose timesheet: the officers with the employer's duties see every
//! PA's; a PA their own; a supported person and their representative the
//! lines of time spent with them, and of those lines only their own part
//! (never another person's name, never pay). Anyone else is told the
//! timesheet does not exist.
//!
//! Every write takes the co-operative's lock and shares its transaction
//! with its audit entry, so two approvals at once cannot both count, and a
//! correction cannot slip in beside an approval.
//!
//! Pay runs read [`Store::approved_timesheet_lines`].

mod codec;
mod writes;

pub use writes::NewLine;

use std::collections::BTreeMap;

use cylch_domain::policy::has_employer_duties;
use cylch_employment::timesheet::{
    self as rules, ApprovalTie, Approver, Figures, LineField, LineKind, LineProblem, LineSource,
    LineState, NotAdjustable, NotApprover, PayPeriod, TimesheetState,
};
use cylch_payroll::Date;
use sqlx::AnyConnection;

use crate::employment::{self as employment_store, EmploymentError};
use crate::{CoopId, CoopScope, EmploymentId, Store, StoreError, TimesheetLineId};

use codec::{RawLine, RawPerson};

#[derive(Debug, thiserror::Error)]
pub enum TimesheetError {
    /// Every problem with the line at once, at its field.
    #[error("the line has {} problems", .0.len())]
    Invalid(Vec<(LineField, LineProblem)>),
    /// No such PA, timesheet or line, or not one the caller may see.
    #[error("no such timesheet")]
    NotFound,
    /// Only the PA confirms or corrects their own timesheet.
    #[error("only the PA confirms or corrects their own time")]
    NotThePa,
    /// Only the PA or the officers with the employer's duties add time.
    #[error("only the PA or the officers with the employer's duties add time")]
    NeedsPaOrEmployer,
    /// Someone has approved the line: it is changed only by an adjustment.
    #[error("an approved line cannot be changed; make an adjustment instead")]
    Locked,
    #[error(transparent)]
    NotAdjustable(#[from] NotAdjustable),
    #[error(transparent)]
    NotApprover(#[from] NotApprover),
    /// Only the person, or whoever acts for them, chooses who approves
    /// their time.
    #[error("only the person or their representative chooses who approves their time")]
    NotTheirChoice,
    #[error("there is nothing to confirm")]
    NothingToConfirm,
    #[error("there is nothing to approve")]
    NothingToApprove,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for TimesheetError {
    fn from(err: sqlx::Error) -> Self {
        TimesheetError::Store(err.into())
    }
}

impl From<EmploymentError> for TimesheetError {
    fn from(err: EmploymentError) -> Self {
        match err {
            EmploymentError::Store(e) => TimesheetError::Store(e),
            _ => TimesheetError::NotFound,
        }
    }
}

/// One person's part of a line, as the caller may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePerson {
    pub id: String,
    pub name: String,
    pub approved: bool,
    /// The caller may approve this part now.
    pub may_approve: bool,
}

/// One line of a timesheet, as the caller may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimesheetLine {
    pub id: TimesheetLineId,
    pub source: LineSource,
    /// The approved line this adjustment replaces.
    pub adjusts: Option<TimesheetLineId>,
    /// The adjustment that replaces this line, waiting or approved.
    pub adjusted_by: Option<TimesheetLineId>,
    pub day: Date,
    pub figures: Figures,
    /// Minutes less the break: time worked, or taken as holiday or sick.
    pub minutes: i64,
    pub minimum_wage_minutes: i64,
    /// The figures before the PA corrected them.
    pub original: Option<Figures>,
    /// Why it was corrected or adjusted.
    pub reason: Option<String>,
    pub state: LineState,
    /// Only the caller's own people, unless they see the whole timesheet.
    pub people: Vec<LinePerson>,
}

impl TimesheetLine {
    /// Replaced by an approved adjustment: no longer counted.
    pub fn superseded(&self, lines: &[TimesheetLine]) -> bool {
        self.adjusted_by.as_ref().is_some_and(|a| {
            lines
                .iter()
                .any(|l| &l.id == a && l.state == LineState::Approved)
        })
    }
}

/// How much of a timesheet the caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimesheetView {
    /// Every line: the PA themself, or an officer with the employer's
    /// duties.
    Whole,
    /// Only time spent with the people the caller is or acts for.
    TheirPeople,
}

/// One PA's timesheet for one pay period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timesheet {
    pub pa: EmploymentId,
    pub pa_name: String,
    pub period: PayPeriod,
    pub view: TimesheetView,
    /// The caller is the PA.
    pub own: bool,
    /// The caller may add lines and build from the rota.
    pub may_add: bool,
    pub state: TimesheetState,
    pub lines: Vec<TimesheetLine>,
    /// The people the PA works with (for the form that adds a line), when
    /// the caller may add.
    pub works_with: Vec<(String, String)>,
}

impl Timesheet {
    /// Lines the PA has yet to confirm.
    pub fn to_confirm(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| l.state == LineState::ToConfirm)
            .count()
    }

    /// Parts of lines the caller may approve now.
    pub fn awaiting_caller(&self) -> usize {
        self.lines
            .iter()
            .flat_map(|l| &l.people)
            .filter(|p| p.may_approve)
            .count()
    }

    /// Minutes in the lines counted (not replaced by an adjustment).
    pub fn minutes(&self) -> i64 {
        self.lines
            .iter()
            .filter(|l| !l.superseded(&self.lines))
            .map(|l| l.minutes)
            .sum()
    }
}

/// An approved line, for pay runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovedLine {
    pub id: TimesheetLineId,
    pub day: Date,
    pub kind: LineKind,
    /// Minutes from start to end less the break.
    pub minutes: i64,
    pub break_minutes: i64,
    /// The minutes that count for the minimum wage (sleep-in rules).
    pub minimum_wage_minutes: i64,
    pub sleep_in_nights: i64,
    /// The supported people the time was for, by id.
    pub people: Vec<String>,
    /// The approved line this one replaces (an adjustment). A pay run that
    /// already paid the replaced line pays the difference.
    pub replaces: Option<TimesheetLineId>,
    /// The approved adjustment that replaces this one, if any: a pay run
    /// that has not paid this line pays the replacement instead.
    pub replaced_by: Option<TimesheetLineId>,
}

/// A supported person's choice of who approves their time, as the caller
/// may see and change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApproverChoice {
    pub person: String,
    pub name: String,
    pub approver: Approver,
    /// Nobody but the officers can approve for them (no sign-in of their
    /// own, no representative).
    pub officers_only: bool,
}

/// The PA behind a timesheet, and how the caller stands to them.
struct Pa {
    id: EmploymentId,
    name: String,
    account: Option<String>,
    frequency: cylch_payroll::Frequency,
    works_with: Vec<(String, String)>,
    /// The caller is or acts for someone the PA works with.
    works_with_callers: bool,
}

impl Pa {
    fn is_callers(&self, scope: &CoopScope) -> bool {
        self.account.as_deref() == Some(scope.account().as_str())
    }

    /// Whether the caller confirms or corrects this PA's time: the PA, or,
    /// for a PA who does not sign in (a paper timesheet), an officer with
    /// the employer's duties, who enters what the PA wrote.
    fn confirms(&self, scope: &CoopScope) -> bool {
        self.is_callers(scope) || (self.account.is_none() && has_employer_duties(scope.roles()))
    }

    /// Whether the caller may see any of this PA's timesheets, and how much.
    fn view(&self, scope: &CoopScope) -> Option<TimesheetView> {
        if self.is_callers(scope) || has_employer_duties(scope.roles()) {
            Some(TimesheetView::Whole)
        } else if self.works_with_callers {
            Some(TimesheetView::TheirPeople)
        } else {
            None
        }
    }
}

async fn load_pa(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    id: &EmploymentId,
) -> Result<Option<Pa>, StoreError> {
    let Some(stored) = employment_store::load_one(conn, scope.coop_id(), id).await? else {
        return Ok(None);
    };
    let links = employment_store::links(conn, scope.coop_id(), Some(id)).await?;
    let people = people_of(conn, scope.coop_id()).await?;
    let me = scope.account().as_str();
    Ok(Some(Pa {
        id: stored.id,
        name: stored.employment.name.as_str().to_owned(),
        account: stored.details.account.map(|a| a.as_str().to_owned()),
        frequency: stored.employment.pay_frequency,
        works_with_callers: links.iter().any(|l| {
            people
                .get(&l.works_with.person)
                .is_some_and(|p| p.tied_to(me))
        }),
        works_with: links
            .into_iter()
            .map(|l| (l.works_with.person, l.works_with.name))
            .collect(),
    }))
}

/// Every supported person of the co-operative, with their sign-ins.
async fn people_of(
    conn: &mut AnyConnection,
    coop: &CoopId,
) -> Result<BTreeMap<String, RawPerson>, StoreError> {
    use sqlx::Row;
    let rows = sqlx::query(
        "SELECT id, name, member_account_id, represented_by_account_id FROM supported_people WHERE coop_id = $1",
    )
    .bind(coop.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut out = BTreeMap::new();
    for row in &rows {
        let id: String = row.try_get(0)?;
        out.insert(
            id.clone(),
            RawPerson {
                id,
                name: row.try_get(1)?,
                member: row.try_get(2)?,
                represented_by: row.try_get(3)?,
                approved: false,
            },
        );
    }
    Ok(out)
}

/// Whom each person chose to approve their time.
async fn approvers(
    conn: &mut AnyConnection,
    coop: &CoopId,
) -> Result<BTreeMap<String, Approver>, StoreError> {
    use sqlx::Row;
    let rows =
        sqlx::query("SELECT person_id, approver FROM timesheet_approvers WHERE coop_id = $1")
            .bind(coop.as_str())
            .fetch_all(&mut *conn)
            .await?;
    let mut out = BTreeMap::new();
    for row in &rows {
        let approver: String = row.try_get(1)?;
        out.insert(
            row.try_get(0)?,
            Approver::parse(&approver)
                .ok_or_else(|| StoreError::Corrupt(format!("approver {approver:?}")))?,
        );
    }
    Ok(out)
}

/// Whether someone other than the PA can approve as the person.
fn person_can_approve(person: &RawPerson, pa_account: Option<&str>) -> bool {
    [person.member.as_deref(), person.represented_by.as_deref()]
        .into_iter()
        .flatten()
        .any(|a| Some(a) != pa_account)
}

/// How the caller stands to one person's part of one line of `pa`'s.
fn approval_tie(
    scope: &CoopScope,
    pa: &Pa,
    person: &RawPerson,
    approvers: &BTreeMap<String, Approver>,
) -> ApprovalTie {
    ApprovalTie {
        is_the_pa: pa.is_callers(scope),
        for_them: person.tied_to(scope.account().as_str()),
        employer_duties: has_employer_duties(scope.roles()),
        approver: approvers.get(&person.id).copied().unwrap_or_default(),
        person_can_approve: person_can_approve(person, pa.account.as_deref()),
    }
}

/// The lines as the caller may see them.
fn view_lines(
    scope: &CoopScope,
    pa: &Pa,
    view: TimesheetView,
    raw: Vec<RawLine>,
    approvers: &BTreeMap<String, Approver>,
) -> Vec<TimesheetLine> {
    let me = scope.account().as_str();
    let adjusted_by: BTreeMap<String, TimesheetLineId> = raw
        .iter()
        .filter_map(|l| {
            l.adjusts
                .as_ref()
                .map(|a| (a.as_str().to_owned(), l.id.clone()))
        })
        .collect();
    raw.into_iter()
        .filter(|l| view == TimesheetView::Whole || l.people.iter().any(|p| p.tied_to(me)))
        .map(|l| {
            let state = rules::line_state(l.confirmed, &l.approvals());
            let people = l
                .people
                .iter()
                .filter(|p| view == TimesheetView::Whole || p.tied_to(me))
                .map(|p| LinePerson {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    approved: p.approved,
                    may_approve: l.confirmed
                        && !p.approved
                        && rules::may_approve(approval_tie(scope, pa, p, approvers)).is_ok(),
                })
                .collect();
            TimesheetLine {
                adjusted_by: adjusted_by.get(l.id.as_str()).cloned(),
                id: l.id,
                source: l.source,
                adjusts: l.adjusts,
                day: l.day,
                figures: l.figures,
                minutes: l.minutes,
                minimum_wage_minutes: l.minimum_wage_minutes,
                original: l.original,
                reason: l.reason,
                state,
                people,
            }
        })
        .collect()
}

fn state_of(lines: &[TimesheetLine]) -> TimesheetState {
    let counted: Vec<LineState> = lines
        .iter()
        .filter(|l| !l.superseded(lines))
        .map(|l| l.state)
        .collect();
    rules::timesheet_state(&counted)
}

/// The lines of `pa`'s timesheet for `period`.
async fn raw_lines(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: &EmploymentId,
    period: PayPeriod,
) -> Result<Vec<RawLine>, StoreError> {
    codec::lines_where(
        conn,
        coop,
        "l.timesheet_id IN (SELECT t.id FROM timesheets t WHERE t.coop_id = l.coop_id AND t.employment_id = $2 AND t.period_first = $3)",
        &[pa.as_str(), &period.first.to_string()],
    )
    .await
}

async fn assemble(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    pa: &Pa,
    view: TimesheetView,
    period: PayPeriod,
) -> Result<Timesheet, StoreError> {
    let raw = raw_lines(conn, scope.coop_id(), &pa.id, period).await?;
    let approvers = approvers(conn, scope.coop_id()).await?;
    let lines = view_lines(scope, pa, view, raw, &approvers);
    let own = pa.is_callers(scope);
    let may_add = own || has_employer_duties(scope.roles());
    Ok(Timesheet {
        pa: pa.id.clone(),
        pa_name: pa.name.clone(),
        period,
        view,
        own,
        may_add,
        state: state_of(&lines),
        lines,
        works_with: if may_add {
            pa.works_with.clone()
        } else {
            Vec::new()
        },
    })
}

impl Store {
    /// `pa`'s timesheet for the pay period `on` falls in, as the caller may
    /// see it; an empty one when nothing is recorded yet.
    pub async fn timesheet(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        on: Date,
    ) -> Result<Timesheet, TimesheetError> {
        let mut conn = self.pool().acquire().await?;
        let found = load_pa(&mut conn, scope, pa)
            .await?
            .ok_or(TimesheetError::NotFound)?;
        let view = found.view(scope).ok_or(TimesheetError::NotFound)?;
        let period = rules::pay_period(found.frequency, on);
        Ok(assemble(&mut conn, scope, &found, view, period).await?)
    }

    /// Every timesheet the caller may see, the latest period first: the
    /// officers every PA's, a PA their own, a supported person and their
    /// representative those with time spent with them.
    pub async fn timesheets(&self, scope: &CoopScope) -> Result<Vec<Timesheet>, StoreError> {
        use sqlx::Row;
        let mut conn = self.pool().acquire().await?;
        let rows = sqlx::query(
            "SELECT employment_id, period_first FROM timesheets WHERE coop_id = $1
             ORDER BY period_first DESC, employment_id LIMIT 500",
        )
        .bind(scope.coop_id().as_str())
        .fetch_all(&mut *conn)
        .await?;
        let mut pas: BTreeMap<String, Option<Pa>> = BTreeMap::new();
        let mut out = Vec::new();
        for row in &rows {
            let employment: String = row.try_get(0)?;
            let first = codec::parse_day(&row.try_get::<String, _>(1)?)?;
            if !pas.contains_key(&employment) {
                let id = EmploymentId::from_db(employment.clone());
                let pa = load_pa(&mut conn, scope, &id).await?;
                pas.insert(employment.clone(), pa);
            }
            let Some(Some(pa)) = pas.get(&employment) else {
                continue;
            };
            let Some(view) = pa.view(scope) else {
                continue;
            };
            let sheet = assemble(
                &mut conn,
                scope,
                pa,
                view,
                rules::pay_period(pa.frequency, first),
            )
            .await?;
            if view == TimesheetView::Whole || !sheet.lines.is_empty() {
                out.push(sheet);
            }
        }
        Ok(out)
    }

    /// The supported people whose approver the caller may see: the
    /// officers every person's, anyone else the people they are or act
    /// for.
    pub async fn approver_choices(
        &self,
        scope: &CoopScope,
    ) -> Result<Vec<ApproverChoice>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let people = people_of(&mut conn, scope.coop_id()).await?;
        let chosen = approvers(&mut conn, scope.coop_id()).await?;
        let me = scope.account().as_str();
        let employer = has_employer_duties(scope.roles());
        let mut out: Vec<ApproverChoice> = people
            .values()
            .filter(|p| employer || p.tied_to(me))
            .map(|p| ApproverChoice {
                person: p.id.clone(),
                name: p.name.clone(),
                approver: chosen.get(&p.id).copied().unwrap_or_default(),
                officers_only: p.member.is_none() && p.represented_by.is_none(),
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then(a.person.cmp(&b.person)));
        Ok(out)
    }

    /// The approved lines of one PA on the days `from` to `to` (both
    /// included), for pay runs: each with its kind, minutes, break, the
    /// minutes that count for the minimum wage, sleep-in nights and the
    /// people it was for. Adjustments name the line they replace, and a
    /// replaced line names its replacement. Only the officers with the
    /// employer's duties run payroll.
    pub async fn approved_timesheet_lines(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        from: Date,
        to: Date,
    ) -> Result<Vec<ApprovedLine>, TimesheetError> {
        if !has_employer_duties(scope.roles()) {
            return Err(TimesheetError::NotFound);
        }
        let mut conn = self.pool().acquire().await?;
        Ok(approved_lines(&mut conn, scope.coop_id(), pa, from, to).await?)
    }
}

/// [`Store::approved_timesheet_lines`] on a connection the caller holds, so
/// that a pay run reads them inside its own transaction.
pub(crate) async fn approved_lines(
    conn: &mut AnyConnection,
    coop: &CoopId,
    pa: &EmploymentId,
    from: Date,
    to: Date,
) -> Result<Vec<ApprovedLine>, StoreError> {
    let raw = codec::lines_where(
        conn,
        coop,
        "l.employment_id = $2 AND l.day >= $3 AND l.day <= $4 AND l.confirmed_at IS NOT NULL",
        &[pa.as_str(), &from.to_string(), &to.to_string()],
    )
    .await?;
    let approved: Vec<&RawLine> = raw
        .iter()
        .filter(|l| rules::line_state(l.confirmed, &l.approvals()) == LineState::Approved)
        .collect();
    let replaced_by: BTreeMap<&str, &TimesheetLineId> = approved
        .iter()
        .filter_map(|l| l.adjusts.as_ref().map(|a| (a.as_str(), &l.id)))
        .collect();
    Ok(approved
        .iter()
        .map(|l| ApprovedLine {
            id: l.id.clone(),
            day: l.day,
            kind: l.figures.kind,
            minutes: l.minutes,
            break_minutes: l.figures.break_minutes,
            minimum_wage_minutes: l.minimum_wage_minutes,
            sleep_in_nights: i64::from(l.figures.kind == LineKind::SleepIn),
            people: l.people.iter().map(|p| p.id.clone()).collect(),
            replaces: l.adjusts.clone(),
            replaced_by: replaced_by.get(l.id.as_str()).map(|id| (*id).clone()),
        })
        .collect())
}

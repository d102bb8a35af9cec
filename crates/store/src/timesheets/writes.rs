//! The changes to timesheets, each in one transaction with the
//! co-operative locked and its audit entry: build from the rota, add by
//! hand, confirm, correct, adjust, approve, choose who approves.

use cylch_domain::policy::has_employer_duties;
use cylch_employment::rostering::ShiftKind;
use cylch_employment::timesheet::{
    self as rules, Approver, CheckedLine, Figures, LineField, LineKind, LineProblem, LineSource,
    LineState, PayPeriod,
};
use cylch_payroll::Date;
use serde_json::json;
use sqlx::{AnyConnection, Row};

use super::codec::{self, RawLine};
use super::{Pa, TimesheetError, approval_tie, approvers, load_pa, people_of};
use crate::audit::{self, AuditAction, Change};
use crate::{CoopScope, EmploymentId, Store, StoreError, TimesheetId, TimesheetLineId, Tx};

/// A line to add by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLine {
    pub figures: Figures,
    /// The supported people the time was for, by id.
    pub people: Vec<String>,
}

fn audit_line(l: &CheckedLine, people: &[String], extra: serde_json::Value) -> serde_json::Value {
    let mut v = codec::figures_json(&l.figures);
    v["minutes"] = json!(l.minutes());
    v["minimum_wage_minutes"] = json!(l.minimum_wage_minutes());
    v["people"] = json!(people);
    if let serde_json::Value::Object(extra) = extra {
        for (k, x) in extra {
            v[k] = x;
        }
    }
    v
}

/// `pa`'s timesheet row for `period`, made if missing.
async fn timesheet_id(
    tx: &mut Tx,
    scope: &CoopScope,
    pa: &EmploymentId,
    period: PayPeriod,
    now: i64,
) -> Result<TimesheetId, StoreError> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT id FROM timesheets WHERE coop_id = $1 AND employment_id = $2 AND period_first = $3",
    )
    .bind(scope.coop_id().as_str())
    .bind(pa.as_str())
    .bind(period.first.to_string())
    .fetch_optional(&mut **tx)
    .await?;
    if let Some(id) = found {
        return Ok(TimesheetId::from_db(id));
    }
    let id = TimesheetId::new();
    sqlx::query(
        "INSERT INTO timesheets (id, coop_id, employment_id, period_first, period_last, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id.as_str())
    .bind(scope.coop_id().as_str())
    .bind(pa.as_str())
    .bind(period.first.to_string())
    .bind(period.last.to_string())
    .bind(now)
    .execute(&mut **tx)
    .await?;
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "timesheet",
            record_id: id.as_str(),
            action: AuditAction::Created,
            before: None,
            after: Some(json!({
                "employment": pa.as_str(),
                "first": period.first.to_string(),
                "last": period.last.to_string(),
            })),
        },
    )
    .await?;
    Ok(id)
}

struct Insert<'a> {
    timesheet: &'a TimesheetId,
    pa: &'a EmploymentId,
    source: LineSource,
    shift: Option<&'a str>,
    adjusts: Option<&'a TimesheetLineId>,
    line: &'a CheckedLine,
    reason: Option<&'a str>,
    confirmed: bool,
    people: &'a [String],
}

async fn insert_line(
    tx: &mut Tx,
    scope: &CoopScope,
    now: i64,
    i: Insert<'_>,
) -> Result<TimesheetLineId, TimesheetError> {
    let id = TimesheetLineId::new();
    let day = i
        .line
        .day()
        .map_err(|p| TimesheetError::Invalid(vec![(LineField::Start, p)]))?;
    let me = scope.account().as_str();
    sqlx::query(
        "INSERT INTO timesheet_lines (id, coop_id, timesheet_id, employment_id, source, shift_id, adjusts_line_id, day, starts_local, ends_local, starts_at, ends_at, kind, break_minutes, woken_minutes, minutes, minimum_wage_minutes, reason, entered_by, confirmed_at, confirmed_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22)",
    )
    .bind(id.as_str())
    .bind(scope.coop_id().as_str())
    .bind(i.timesheet.as_str())
    .bind(i.pa.as_str())
    .bind(i.source.code())
    .bind(i.shift.map(str::to_owned))
    .bind(i.adjusts.map(|a| a.as_str().to_owned()))
    .bind(day.to_string())
    .bind(codec::local(i.line.figures.start))
    .bind(codec::local(i.line.figures.end))
    .bind(i.line.shift.start().as_millisecond())
    .bind(i.line.shift.end().as_millisecond())
    .bind(i.line.figures.kind.code())
    .bind(i.line.figures.break_minutes)
    .bind(i.line.figures.woken_minutes)
    .bind(i.line.minutes())
    .bind(i.line.minimum_wage_minutes())
    .bind(i.reason.map(str::to_owned))
    .bind(me)
    .bind(i.confirmed.then_some(now))
    .bind(i.confirmed.then(|| me.to_owned()))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for person in i.people {
        sqlx::query(
            "INSERT INTO timesheet_line_people (coop_id, line_id, person_id) VALUES ($1, $2, $3)",
        )
        .bind(scope.coop_id().as_str())
        .bind(id.as_str())
        .bind(person)
        .execute(&mut **tx)
        .await?;
    }
    audit::record(
        tx,
        Change {
            coop: Some(scope.coop_id()),
            actor: Some(scope.account()),
            record_kind: "timesheet_line",
            record_id: id.as_str(),
            action: AuditAction::Created,
            before: None,
            after: Some(audit_line(
                i.line,
                i.people,
                json!({
                    "employment": i.pa.as_str(),
                    "source": i.source.code(),
                    "shift": i.shift,
                    "adjusts": i.adjusts.map(TimesheetLineId::as_str),
                    "reason": i.reason,
                    "confirmed": i.confirmed,
                }),
            )),
        },
    )
    .await?;
    Ok(id)
}

/// The PA, if the caller may see their timesheets at all.
async fn visible_pa(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    pa: &EmploymentId,
) -> Result<Pa, TimesheetError> {
    let found = load_pa(conn, scope, pa)
        .await?
        .ok_or(TimesheetError::NotFound)?;
    if found.view(scope).is_none() {
        return Err(TimesheetError::NotFound);
    }
    Ok(found)
}

/// The PA themself, or an officer with the employer's duties.
fn require_pa_or_employer(scope: &CoopScope, pa: &Pa) -> Result<(), TimesheetError> {
    if pa.is_callers(scope) || has_employer_duties(scope.roles()) {
        Ok(())
    } else {
        Err(TimesheetError::NeedsPaOrEmployer)
    }
}

/// One line and its PA, if the caller may see the line.
async fn visible_line(
    conn: &mut AnyConnection,
    scope: &CoopScope,
    pa: &EmploymentId,
    line: &TimesheetLineId,
) -> Result<(RawLine, Pa, PayPeriod), TimesheetError> {
    let mut found = codec::lines_where(
        conn,
        scope.coop_id(),
        "l.id = $2 AND l.employment_id = $3",
        &[line.as_str(), pa.as_str()],
    )
    .await?;
    let raw = found.pop().ok_or(TimesheetError::NotFound)?;
    let pa = visible_pa(conn, scope, &raw.employment).await?;
    let me = scope.account().as_str();
    if pa.view(scope) != Some(super::TimesheetView::Whole)
        && !raw.people.iter().any(|p| p.tied_to(me))
    {
        return Err(TimesheetError::NotFound);
    }
    let (first, last): (String, String) = {
        let row = sqlx::query(
            "SELECT period_first, period_last FROM timesheets WHERE coop_id = $1 AND id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(raw.timesheet.as_str())
        .fetch_one(&mut *conn)
        .await?;
        (row.try_get(0)?, row.try_get(1)?)
    };
    let period = PayPeriod {
        first: codec::parse_day(&first)?,
        last: codec::parse_day(&last)?,
    };
    Ok((raw, pa, period))
}

impl Store {
    fn check_line(
        &self,
        figures: Figures,
        period: PayPeriod,
    ) -> Result<CheckedLine, TimesheetError> {
        rules::check(figures, period, self.clock().now(), &crate::clock::wales())
            .map_err(TimesheetError::Invalid)
    }

    /// Builds `pa`'s timesheet for the pay period `on` falls in from their
    /// delivered shifts: those not cancelled that have ended. A shift
    /// already on a timesheet is not added again, so building twice adds
    /// nothing. The PA confirms the lines afterwards. The number of lines
    /// added.
    pub async fn build_timesheet(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        on: Date,
    ) -> Result<usize, TimesheetError> {
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let found = visible_pa(&mut tx, scope, pa).await?;
        require_pa_or_employer(scope, &found)?;
        let period = rules::pay_period(found.frequency, on);
        let after_last = period
            .last
            .add_days(1)
            .map_err(|_| StoreError::Corrupt(format!("period {}", period.last)))?;
        let now = self.now_ms();
        let rows = sqlx::query(
            "SELECT s.id, s.starts_local, s.ends_local, s.kind, s.break_minutes FROM shifts s
             WHERE s.coop_id = $1 AND s.employment_id = $2 AND s.cancelled_at IS NULL
               AND s.ends_at <= $3 AND s.starts_local >= $4 AND s.starts_local < $5
               AND NOT EXISTS (SELECT 1 FROM timesheet_lines l WHERE l.coop_id = s.coop_id AND l.shift_id = s.id)
             ORDER BY s.starts_at, s.id",
        )
        .bind(scope.coop_id().as_str())
        .bind(pa.as_str())
        .bind(now)
        .bind(period.first.to_string())
        .bind(after_last.to_string())
        .fetch_all(&mut *tx)
        .await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let timesheet = timesheet_id(&mut tx, scope, pa, period, now).await?;
        let mut added = 0;
        for row in &rows {
            let shift: String = row.try_get(0)?;
            let kind: String = row.try_get(3)?;
            let figures = Figures {
                start: codec::parse_local(&row.try_get::<String, _>(1)?)?,
                end: codec::parse_local(&row.try_get::<String, _>(2)?)?,
                break_minutes: row.try_get(4)?,
                kind: ShiftKind::parse(&kind)
                    .map(LineKind::from)
                    .ok_or_else(|| StoreError::Corrupt(format!("shift kind {kind:?}")))?,
                woken_minutes: 0,
            };
            let line = rules::check(figures, period, self.clock().now(), &crate::clock::wales())
                .map_err(|_| StoreError::Corrupt(format!("shift {shift} times")))?;
            let people: Vec<String> = sqlx::query_scalar(
                "SELECT person_id FROM shift_people WHERE coop_id = $1 AND shift_id = $2 ORDER BY person_id",
            )
            .bind(scope.coop_id().as_str())
            .bind(&shift)
            .fetch_all(&mut *tx)
            .await?;
            insert_line(
                &mut tx,
                scope,
                now,
                Insert {
                    timesheet: &timesheet,
                    pa,
                    source: LineSource::Rota,
                    shift: Some(&shift),
                    adjusts: None,
                    line: &line,
                    reason: None,
                    confirmed: false,
                    people: &people,
                },
            )
            .await?;
            added += 1;
        }
        tx.commit().await?;
        Ok(added)
    }

    /// Adds a line by hand, for time that was not on the rota: the PA
    /// (whose line is then confirmed) or an officer with the employer's
    /// duties (whose line the PA confirms).
    pub async fn add_timesheet_line(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        new: &NewLine,
    ) -> Result<TimesheetLineId, TimesheetError> {
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let found = visible_pa(&mut tx, scope, pa).await?;
        require_pa_or_employer(scope, &found)?;
        let day = rules::civil(new.figures.start.date())
            .map_err(|p| TimesheetError::Invalid(vec![(LineField::Start, p)]))?;
        let period = rules::pay_period(found.frequency, day);
        let mut people = new.people.clone();
        people.sort();
        people.dedup();
        let mut problems = match self.check_line(new.figures, period) {
            Ok(_) => Vec::new(),
            Err(TimesheetError::Invalid(p)) => p,
            Err(e) => return Err(e),
        };
        if people.is_empty() {
            problems.push((LineField::People, LineProblem::NoPeople));
        } else if !people
            .iter()
            .all(|p| found.works_with.iter().any(|(id, _)| id == p))
        {
            problems.push((LineField::People, LineProblem::NotTheirPerson));
        }
        if !problems.is_empty() {
            problems.sort();
            return Err(TimesheetError::Invalid(problems));
        }
        let line = self.check_line(new.figures, period)?;
        let now = self.now_ms();
        let timesheet = timesheet_id(&mut tx, scope, pa, period, now).await?;
        let id = insert_line(
            &mut tx,
            scope,
            now,
            Insert {
                timesheet: &timesheet,
                pa,
                source: LineSource::Hand,
                shift: None,
                adjusts: None,
                line: &line,
                reason: None,
                confirmed: found.is_callers(scope),
                people: &people,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The PA confirms every line of their timesheet for the pay period
    /// `on` falls in that waits for them. The number confirmed.
    pub async fn confirm_timesheet(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        on: Date,
    ) -> Result<usize, TimesheetError> {
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let found = visible_pa(&mut tx, scope, pa).await?;
        if !found.confirms(scope) {
            return Err(TimesheetError::NotThePa);
        }
        let period = rules::pay_period(found.frequency, on);
        let waiting: Vec<RawLine> = super::raw_lines(&mut tx, scope.coop_id(), pa, period)
            .await?
            .into_iter()
            .filter(|l| !l.confirmed)
            .collect();
        if waiting.is_empty() {
            return Err(TimesheetError::NothingToConfirm);
        }
        let now = self.now_ms();
        for line in &waiting {
            let changed = sqlx::query(
                "UPDATE timesheet_lines SET confirmed_at = $1, confirmed_by = $2, updated_at = $1
                 WHERE coop_id = $3 AND id = $4 AND confirmed_at IS NULL",
            )
            .bind(now)
            .bind(scope.account().as_str())
            .bind(scope.coop_id().as_str())
            .bind(line.id.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                continue;
            }
            audit::record(
                &mut tx,
                Change {
                    coop: Some(scope.coop_id()),
                    actor: Some(scope.account()),
                    record_kind: "timesheet_line",
                    record_id: line.id.as_str(),
                    action: AuditAction::Updated,
                    before: Some(json!({"confirmed": false})),
                    after: Some(json!({"confirmed": true})),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(waiting.len())
    }

    /// The PA corrects a line before anyone has approved it: new figures
    /// and the reason; the figures it had before the first correction are
    /// kept. A corrected line is confirmed.
    pub async fn correct_timesheet_line(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        line: &TimesheetLineId,
        figures: Figures,
        reason: &str,
    ) -> Result<(), TimesheetError> {
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let (raw, pa, period) = visible_line(&mut tx, scope, pa, line).await?;
        if !pa.confirms(scope) {
            return Err(TimesheetError::NotThePa);
        }
        rules::may_correct(&raw.approvals()).map_err(|_| TimesheetError::Locked)?;
        let checked = checked_with_reason(self, figures, period, reason, Some(&raw.figures))?;
        let now = self.now_ms();
        let original = raw.original.unwrap_or(raw.figures);
        sqlx::query(
            "UPDATE timesheet_lines SET starts_local = $1, ends_local = $2, starts_at = $3, ends_at = $4, kind = $5, break_minutes = $6, woken_minutes = $7, minutes = $8, minimum_wage_minutes = $9, day = $10, original_json = $11, reason = $12, confirmed_at = $13, confirmed_by = $14, updated_at = $13
             WHERE coop_id = $15 AND id = $16",
        )
        .bind(codec::local(checked.figures.start))
        .bind(codec::local(checked.figures.end))
        .bind(checked.shift.start().as_millisecond())
        .bind(checked.shift.end().as_millisecond())
        .bind(checked.figures.kind.code())
        .bind(checked.figures.break_minutes)
        .bind(checked.figures.woken_minutes)
        .bind(checked.minutes())
        .bind(checked.minimum_wage_minutes())
        .bind(day_of(&checked)?.to_string())
        .bind(codec::figures_json(&original).to_string())
        .bind(reason.trim())
        .bind(now)
        .bind(scope.account().as_str())
        .bind(scope.coop_id().as_str())
        .bind(line.as_str())
        .execute(&mut *tx)
        .await?;
        let people: Vec<String> = raw.people.iter().map(|p| p.id.clone()).collect();
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "timesheet_line",
                record_id: line.as_str(),
                action: AuditAction::Updated,
                before: Some(json!({
                    "figures": codec::figures_json(&raw.figures),
                    "confirmed": raw.confirmed,
                })),
                after: Some(audit_line(
                    &checked,
                    &people,
                    json!({"reason": reason.trim(), "confirmed": true}),
                )),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A correction after a line was approved: a new line that replaces it
    /// once approved the same way. The PA's adjustment is confirmed; an
    /// officer's waits for the PA.
    pub async fn adjust_timesheet_line(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        line: &TimesheetLineId,
        figures: Figures,
        reason: &str,
    ) -> Result<TimesheetLineId, TimesheetError> {
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let (raw, pa, period) = visible_line(&mut tx, scope, pa, line).await?;
        require_pa_or_employer(scope, &pa)?;
        let adjusted: Option<String> = sqlx::query_scalar(
            "SELECT id FROM timesheet_lines WHERE coop_id = $1 AND adjusts_line_id = $2",
        )
        .bind(scope.coop_id().as_str())
        .bind(line.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        rules::may_adjust(
            rules::line_state(raw.confirmed, &raw.approvals()),
            adjusted.is_some(),
        )?;
        let checked = checked_with_reason(self, figures, period, reason, Some(&raw.figures))?;
        let people: Vec<String> = raw.people.iter().map(|p| p.id.clone()).collect();
        let now = self.now_ms();
        let id = insert_line(
            &mut tx,
            scope,
            now,
            Insert {
                timesheet: &raw.timesheet,
                pa: &raw.employment,
                source: LineSource::Adjustment,
                shift: None,
                adjusts: Some(line),
                line: &checked,
                reason: Some(reason.trim()),
                confirmed: pa.is_callers(scope),
                people: &people,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Approves the time spent with `person` in `pa`'s timesheet for the
    /// pay period `on` falls in: every confirmed line for them not yet
    /// approved, when the caller may approve it. Refused whole if any such
    /// line is the caller's own time. The number of lines approved.
    pub async fn approve_timesheet(
        &self,
        scope: &CoopScope,
        pa: &EmploymentId,
        on: Date,
        person: &str,
    ) -> Result<usize, TimesheetError> {
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let found = visible_pa(&mut tx, scope, pa).await?;
        let period = rules::pay_period(found.frequency, on);
        let chosen = approvers(&mut tx, scope.coop_id()).await?;
        let lines = super::raw_lines(&mut tx, scope.coop_id(), pa, period).await?;
        let mut parts = Vec::new();
        for line in lines.iter().filter(|l| l.confirmed) {
            for p in line.people.iter().filter(|p| p.id == person && !p.approved) {
                rules::may_approve(approval_tie(scope, &found, p, &chosen))?;
                parts.push(line);
            }
        }
        if parts.is_empty() {
            return Err(TimesheetError::NothingToApprove);
        }
        let now = self.now_ms();
        let mut approved = 0;
        for line in parts {
            let changed = sqlx::query(
                "UPDATE timesheet_line_people SET approved_at = $1, approved_by = $2
                 WHERE coop_id = $3 AND line_id = $4 AND person_id = $5 AND approved_at IS NULL",
            )
            .bind(now)
            .bind(scope.account().as_str())
            .bind(scope.coop_id().as_str())
            .bind(line.id.as_str())
            .bind(person)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                continue;
            }
            approved += 1;
            let state = rules::line_state(
                true,
                &line
                    .people
                    .iter()
                    .map(|p| p.approved || p.id == person)
                    .collect::<Vec<_>>(),
            );
            audit::record(
                &mut tx,
                Change {
                    coop: Some(scope.coop_id()),
                    actor: Some(scope.account()),
                    record_kind: "timesheet_line",
                    record_id: line.id.as_str(),
                    action: AuditAction::Updated,
                    before: Some(json!({"person": person, "approved": false})),
                    after: Some(json!({
                        "person": person,
                        "approved": true,
                        "locked": state == LineState::Approved,
                    })),
                },
            )
            .await?;
        }
        if approved == 0 {
            return Err(TimesheetError::NothingToApprove);
        }
        tx.commit().await?;
        Ok(approved)
    }

    /// Records who approves the time spent with `person`: their own
    /// choice, made by them or their representative. The officers record
    /// it only for someone with no sign-in and no representative.
    pub async fn choose_timesheet_approver(
        &self,
        scope: &CoopScope,
        person: &str,
        approver: Approver,
    ) -> Result<(), TimesheetError> {
        let mut tx = self.begin().await?;
        self.dialect.lock_coop(&mut tx, scope.coop_id()).await?;
        let people = people_of(&mut tx, scope.coop_id()).await?;
        let found = people.get(person).ok_or(TimesheetError::NotFound)?;
        let theirs = found.tied_to(scope.account().as_str());
        let officers_only = found.member.is_none() && found.represented_by.is_none();
        let employer = has_employer_duties(scope.roles());
        if !theirs && !employer {
            return Err(TimesheetError::NotFound);
        }
        if !theirs && !officers_only {
            return Err(TimesheetError::NotTheirChoice);
        }
        let before = approvers(&mut tx, scope.coop_id())
            .await?
            .get(person)
            .copied()
            .unwrap_or_default();
        sqlx::query("DELETE FROM timesheet_approvers WHERE coop_id = $1 AND person_id = $2")
            .bind(scope.coop_id().as_str())
            .bind(person)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO timesheet_approvers (coop_id, person_id, approver, chosen_by, updated_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(scope.coop_id().as_str())
        .bind(person)
        .bind(approver.code())
        .bind(scope.account().as_str())
        .bind(self.now_ms())
        .execute(&mut *tx)
        .await?;
        audit::record(
            &mut tx,
            Change {
                coop: Some(scope.coop_id()),
                actor: Some(scope.account()),
                record_kind: "timesheet_approver",
                record_id: person,
                action: AuditAction::Updated,
                before: Some(json!({"approver": before.code()})),
                after: Some(json!({"approver": approver.code()})),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

fn day_of(line: &CheckedLine) -> Result<Date, TimesheetError> {
    line.day()
        .map_err(|p| TimesheetError::Invalid(vec![(LineField::Start, p)]))
}

/// New figures for a line, checked, with the reason for the change; the
/// same figures again are no change at all.
fn checked_with_reason(
    store: &Store,
    figures: Figures,
    period: PayPeriod,
    reason: &str,
    before: Option<&Figures>,
) -> Result<CheckedLine, TimesheetError> {
    let mut problems = match store.check_line(figures, period) {
        Ok(_) => Vec::new(),
        Err(TimesheetError::Invalid(p)) => p,
        Err(e) => return Err(e),
    };
    if let Err(p) = rules::reason(reason) {
        problems.push((LineField::Reason, p));
    }
    if before == Some(&figures) {
        problems.push((LineField::Start, LineProblem::Unchanged));
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(TimesheetError::Invalid(problems));
    }
    store.check_line(figures, period)
}

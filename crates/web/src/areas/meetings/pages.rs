//! Meetings on pages that work without JavaScript: the list with the AGM
//! deadline, scheduling, notice by email in each person's language,
//! attendance with the quorum worked out as it is saved, votes given at the
//! meeting, and minutes drafted, approved at a later meeting and locked.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::{self, Action};
use cylch_governance::formation::{EvidenceField, EvidenceValue, Task};
use cylch_governance::quorum::QuorumCheck;
use cylch_governance::{AgmDeadline, MeetingKind, MeetingState, next_agm_deadline};
use cylch_store::meetings::{KINDS, Mark, MeetingRecord, MeetingStoreError, kind_code};
use cylch_store::votes::{CHOICES, choice_code};
use cylch_store::{AccountId, CoopScope};
use jiff::civil::{Date, Time};
use serde::Deserialize;

use crate::AppState;
use crate::areas::meetings::commands::{
    self, NoticeGiven, Refused, ScheduleMeeting, VoteAtMeeting, load, schedule_meeting,
};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::{CsrfForm, NoFields};
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Explain;
use crate::common::viewer::Viewer;

pub const MAX_PLACE: usize = 500;
pub const MAX_AGENDA: usize = 5_000;
pub const MAX_MINUTES: usize = 50_000;

/// A meeting id as it arrives in a URL: only its shape is checked here.
pub fn meeting_id(raw: &str) -> Result<String, AppError> {
    if raw.len() == 32
        && raw
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        Ok(raw.to_owned())
    } else {
        Err(AppError::NOT_FOUND)
    }
}

pub fn shown_date(date: Date) -> String {
    date.strftime("%d/%m/%Y").to_string()
}

pub fn shown_time(time: Time) -> String {
    time.strftime("%H:%M").to_string()
}

pub(crate) fn kind_text(state: &AppState, language: Language, kind: MeetingKind) -> String {
    state
        .i18n
        .text(language, &format!("meetings-kind-{}", kind_code(kind)))
}

fn state_text(state: &AppState, language: Language, meeting: &MeetingState) -> String {
    state
        .i18n
        .text(language, &format!("meetings-state-{}", meeting.code()))
}

pub struct MeetingRow {
    pub id: String,
    pub title: String,
    pub when: String,
    pub status: String,
}

/// What was typed into the form that schedules a meeting.
#[derive(Default, Clone)]
pub struct ScheduleForm {
    kind: String,
    date: String,
    time: String,
    place: String,
    agenda: String,
    proposals: Vec<String>,
}

impl ScheduleForm {
    fn from_pairs(pairs: &[(String, String)]) -> ScheduleForm {
        let mut form = ScheduleForm::default();
        for (key, value) in pairs {
            match key.as_str() {
                "kind" => form.kind = value.clone(),
                "date" => form.date = value.clone(),
                "time" => form.time = value.clone(),
                "place" => form.place = value.clone(),
                "agenda" => form.agenda = value.clone(),
                "proposal" => form.proposals.push(value.clone()),
                _ => {}
            }
        }
        form
    }

    fn has_proposal(&self, id: &str) -> bool {
        self.proposals.iter().any(|p| p == id)
    }
}

#[derive(Template)]
#[template(path = "meetings/meetings.html")]
struct MeetingsPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    coop_name: String,
    agm: Vec<String>,
    agm_overdue: bool,
    upcoming: Vec<MeetingRow>,
    past: Vec<MeetingRow>,
    can_manage: bool,
    kinds: Vec<(String, String, String)>,
    proposals: Vec<(String, String)>,
    form: ScheduleForm,
}

/// The AGM deadline in sentences, and whether it has passed.
async fn agm_lines(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    meetings: &[MeetingRecord],
) -> Result<(Vec<String>, bool), AppError> {
    let language = viewer.language;
    let i18n = &state.i18n;
    let formation = state.store.formation(scope).await?;
    let registered = formation
        .evidence_for(Task::RegisterWithFca)
        .and_then(|evidence| match evidence.get(&EvidenceField::Date) {
            Some(EvidenceValue::Date(date)) => Some(*date),
            _ => None,
        });
    let Some(registered) = registered else {
        return Ok((
            vec![i18n.text(language, "meetings-agm-no-registration")],
            false,
        ));
    };
    let rules = state.store.rules(scope).await?;
    let last = meetings
        .iter()
        .filter(|m| m.kind == MeetingKind::AnnualGeneral && m.was_held())
        .map(|m| m.date)
        .max();
    let Ok(deadline) = next_agm_deadline(rules.agm, registered, last) else {
        return Ok((
            vec![i18n.text(language, "meetings-agm-no-registration")],
            false,
        ));
    };
    let AgmDeadline { latest, reason } = deadline;
    let today = state.clock().today_in_wales();
    let date = shown_date(latest);
    let overdue = deadline.is_overdue(today);
    let mut lines = Vec::new();
    if overdue {
        lines.push(i18n.with_arg(language, "meetings-agm-overdue", "date", &date));
    } else {
        lines.push(i18n.with_arg(language, "meetings-agm-due", "date", &date));
        lines.push(i18n.with_arg(
            language,
            "meetings-agm-days-left",
            "count",
            &deadline.days_left(today).to_string(),
        ));
    }
    let (reason_code, months) = match reason {
        cylch_governance::AgmDeadlineReason::FirstAfterRegistration => {
            ("first_after_registration", rules.agm.first_within_months)
        }
        cylch_governance::AgmDeadlineReason::MonthsSinceLast => {
            ("months_since_last", rules.agm.max_months_between)
        }
        cylch_governance::AgmDeadlineReason::CalendarYear => ("calendar_year", 0),
    };
    lines.push(i18n.with_arg(
        language,
        &format!("meetings-agm-reason-{reason_code}"),
        "months",
        &months.to_string(),
    ));
    Ok((lines, overdue))
}

fn row(state: &AppState, language: Language, record: &MeetingRecord) -> MeetingRow {
    MeetingRow {
        id: record.id.clone(),
        title: kind_text(state, language, record.kind),
        when: state.i18n.format(
            language,
            "meetings-when",
            Some(&when_args(record.date, record.starts_at)),
        ),
        status: state_text(state, language, &record.state),
    }
}

fn when_args(date: Date, time: Time) -> fluent_bundle::FluentArgs<'static> {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("date", shown_date(date));
    args.set("time", shown_time(time));
    args
}

async fn meetings_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    form: ScheduleForm,
) -> Result<MeetingsPage, AppError> {
    let language = viewer.language;
    let records = state.store.meetings(scope).await?;
    let today = state.clock().today_in_wales();
    let (agm, agm_overdue) = agm_lines(state, viewer, scope, &records).await?;
    let (mut upcoming, past): (Vec<&MeetingRecord>, Vec<&MeetingRecord>) =
        records.iter().partition(|m| {
            m.date >= today
                && matches!(
                    m.state,
                    MeetingState::Scheduled | MeetingState::NoticeSent { .. }
                )
        });
    upcoming.reverse();
    let can_manage =
        policy::decide(viewer.actor(), Some(scope.roles()), Action::ManageMeetings).is_allowed();
    let proposals = if can_manage {
        state
            .store
            .proposals(scope)
            .await?
            .into_iter()
            .filter(|p| p.decided.is_none())
            .map(|p| (p.id, p.title))
            .collect()
    } else {
        Vec::new()
    };
    let t = |id: &str| state.i18n.text(language, id);
    let mut chrome = Chrome::new(state, viewer, "meetings-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(MeetingsPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        agm,
        agm_overdue,
        upcoming: upcoming
            .into_iter()
            .map(|m| row(state, language, m))
            .collect(),
        past: past.into_iter().map(|m| row(state, language, m)).collect(),
        can_manage,
        kinds: KINDS
            .iter()
            .map(|k| {
                let code = kind_code(*k);
                (
                    code.to_owned(),
                    t(&format!("meetings-kind-{code}")),
                    t(&format!("meetings-kind-{code}-hint")),
                )
            })
            .collect(),
        proposals,
        form,
    })
}

pub async fn list(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewMeetings).await?;
    let form = ScheduleForm {
        kind: kind_code(MeetingKind::General).to_owned(),
        time: "19:00".to_owned(),
        ..ScheduleForm::default()
    };
    render(&meetings_page(&state, &viewer, &scope, Problems::default(), form).await?)
}

pub async fn schedule(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let form = ScheduleForm::from_pairs(&pairs);
    let scheduled = schedule_meeting(
        &state,
        &scope,
        ScheduleMeeting {
            kind: &form.kind,
            date: &form.date,
            starts_at: &form.time,
            place: &form.place,
            agenda: vec![form.agenda.clone()],
            proposals: &form.proposals,
        },
    )
    .await;
    let mut errors = Problems::default();
    match scheduled {
        Ok(record) => return Ok(back(&scope, &record.id)),
        // The form's names for the fields the API calls `starts_at` and
        // `proposals`.
        Err(Refused::Fields(problems)) => {
            for (field, message) in problems {
                let field = match field {
                    "starts_at" => "time",
                    "proposals" => "proposal",
                    other => other,
                };
                errors.add(field, message);
            }
        }
        // Nothing the rules refuse is about one field here: the refusal
        // is said on a page of its own, as the API says it.
        Err(Refused::Store(err)) => {
            let refusal = err.explain(&state, viewer.language)?;
            let list = format!("/coops/{}/meetings", scope.coop_id());
            return refusal.to_page(&state, &viewer, &list);
        }
    }
    render_invalid(&meetings_page(&state, &viewer, &scope, errors, form).await?)
}

fn back(scope: &CoopScope, id: &str) -> Response {
    Redirect::to(&format!("/coops/{}/meetings/{id}", scope.coop_id())).into_response()
}

pub struct AttendanceLine {
    pub field: String,
    pub name: String,
    pub shown: String,
    pub options: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "meetings/meeting.html")]
struct MeetingPage {
    chrome: Chrome,
    errors: Problems,
    refusal: String,
    notice: String,
    coop_id: String,
    id: String,
    heading: String,
    kind: String,
    when: String,
    place: String,
    status: String,
    scheduled_by: String,
    agenda: Vec<String>,
    proposals: Vec<(String, String)>,
    notice_rule: String,
    notice_latest: String,
    notice_sent: String,
    by_consent: bool,
    recipients: Vec<(String, String)>,
    entitled: String,
    can_send_notice: bool,
    is_general: bool,
    consent: String,
    attendance_recorded: bool,
    attendance_open: bool,
    lines: Vec<AttendanceLine>,
    quorum_line: String,
    quorate: Option<bool>,
    can_hold: bool,
    hold_not_today: String,
    votes_open: bool,
    vote_proposals: Vec<(String, String)>,
    voters: Vec<(String, String)>,
    choices: Vec<(String, String)>,
    minutes: Vec<String>,
    minutes_status: String,
    can_edit_minutes: bool,
    minutes_text: String,
    can_approve: bool,
    earlier: Vec<(String, String)>,
    can_lock: bool,
    can_cancel: bool,
}

/// What a handler hands the meeting page beyond the stored record.
#[derive(Default)]
struct Extras {
    errors: Problems,
    refusal: String,
    notice: String,
    consent: String,
    minutes_text: Option<String>,
}

fn quorum_line(state: &AppState, language: Language, q: QuorumCheck, entitled: usize) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("present", i64::from(q.present));
    args.set("in_person", i64::from(q.in_person));
    args.set("by_proxy", i64::from(q.by_proxy));
    args.set("apologies", i64::from(q.apologies));
    args.set("required", i64::from(q.required));
    args.set("entitled", i64::try_from(entitled).unwrap_or(i64::MAX));
    state
        .i18n
        .format(language, "meetings-quorum-line", Some(&args))
}

fn mark_value(mark: Option<&Mark>) -> String {
    match mark {
        None => String::new(),
        Some(Mark::ByProxy { holder }) => format!("proxy-{}", holder.as_str()),
        Some(other) => other.code().to_owned(),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

async fn meeting_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    record: &MeetingRecord,
    extras: Extras,
) -> Result<MeetingPage, AppError> {
    let language = viewer.language;
    let i18n = &state.i18n;
    let t = |id: &str| i18n.text(language, id);
    let today = state.clock().today_in_wales();
    let can_manage =
        policy::decide(viewer.actor(), Some(scope.roles()), Action::ManageMeetings).is_allowed();
    let rules = state.store.rules(scope).await?;
    let required_days = record.kind.notice_days(&rules);
    let notice_rule = i18n.with_arg(
        language,
        "meetings-notice-rule",
        "days",
        &required_days.to_string(),
    );
    let notice_latest = cylch_governance::latest_notice_date(record.date, required_days)
        .map(|d| i18n.with_arg(language, "meetings-notice-latest", "date", &shown_date(d)))
        .unwrap_or_default();
    let (notice_sent, by_consent) = match &record.state {
        MeetingState::NoticeSent { sent_on, notice } => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("date", shown_date(*sent_on));
            args.set("clear", i64::from(notice.clear_days));
            (
                i18n.format(language, "meetings-notice-sent", Some(&args)),
                notice.by_consent,
            )
        }
        _ => (String::new(), false),
    };
    let recipients: Vec<(String, String)> = state
        .store
        .notice_recipients(scope, &record.id)
        .await?
        .into_iter()
        .map(|(name, lang, _)| (name, t(&format!("meetings-language-{}", lang.code()))))
        .collect();
    let entitled_now = if matches!(record.state, MeetingState::Scheduled) {
        state
            .store
            .entitled_to_notice(scope, record.kind)
            .await?
            .len()
    } else {
        recipients.len()
    };
    let rows = state.store.attendance(scope, &record.id).await?;
    let proxies_allowed = record.kind.is_general() && rules.proxies.allowed;
    let lines = rows
        .iter()
        .map(|row| {
            let current = mark_value(row.mark.as_ref());
            let mut options = vec![
                (String::new(), t("meetings-mark-none")),
                ("present".to_owned(), t("meetings-mark-present")),
                ("apologies".to_owned(), t("meetings-mark-apologies")),
                ("absent".to_owned(), t("meetings-mark-absent")),
            ];
            if proxies_allowed || matches!(row.mark, Some(Mark::ByProxy { .. })) {
                for holder in rows.iter().filter(|h| h.account != row.account) {
                    options.push((
                        format!("proxy-{}", holder.account.as_str()),
                        i18n.with_arg(language, "meetings-mark-proxy", "name", &holder.name),
                    ));
                }
            }
            let shown = options
                .iter()
                .find(|(value, _)| *value == current)
                .map(|(_, label)| label.clone())
                .unwrap_or_default();
            AttendanceLine {
                field: format!("a-{}", row.account.as_str()),
                name: row.name.clone(),
                shown,
                options: options
                    .into_iter()
                    .map(|(value, label)| {
                        let selected = value == current;
                        (value, label, selected)
                    })
                    .collect(),
            }
        })
        .collect();
    let quorum = commands::quorum(state, scope, record, &rows).await?;
    let attendance_open = can_manage
        && matches!(
            record.state,
            MeetingState::NoticeSent { .. } | MeetingState::Held { .. }
        );
    let held_now = matches!(record.state, MeetingState::Held { .. });
    let votes_open = can_manage && record.governance().may_decide().is_ok();
    let vote_proposals: Vec<(String, String)> = record
        .proposals
        .iter()
        .filter(|p| !p.decided)
        .map(|p| (p.id.clone(), p.title.clone()))
        .collect();
    let voters = if votes_open {
        rows.iter()
            .filter(|r| r.mark == Some(Mark::Present) && &r.account != scope.account())
            .map(|r| (r.account.as_str().to_owned(), r.name.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let earlier = if can_manage && votes_open {
        state
            .store
            .meetings(scope)
            .await?
            .into_iter()
            .filter(|m| {
                m.id != record.id
                    && m.date < record.date
                    && m.kind.is_general() == record.kind.is_general()
                    && matches!(m.state, MeetingState::MinutesDrafted { .. })
            })
            .map(|m| {
                let label = format!(
                    "{}, {}",
                    kind_text(state, language, m.kind),
                    shown_date(m.date)
                );
                (m.id, label)
            })
            .collect()
    } else {
        Vec::new()
    };
    let minutes_status = match &record.state {
        MeetingState::MinutesDrafted { .. } => t("meetings-minutes-draft"),
        MeetingState::MinutesApproved { approved_on, .. } => i18n.with_arg(
            language,
            "meetings-minutes-approved",
            "date",
            &shown_date(*approved_on),
        ),
        MeetingState::Locked { approved_on, .. } => i18n.with_arg(
            language,
            "meetings-minutes-locked",
            "date",
            &shown_date(*approved_on),
        ),
        _ => String::new(),
    };
    let can_edit_minutes = can_manage
        && matches!(
            record.state,
            MeetingState::Held { .. } | MeetingState::MinutesDrafted { .. }
        );
    let heading = format!(
        "{}, {}",
        kind_text(state, language, record.kind),
        shown_date(record.date)
    );
    let mut chrome = Chrome::new(state, viewer, "meetings-title");
    chrome.title = heading.clone();
    if !extras.errors.is_empty() || !extras.refusal.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    Ok(MeetingPage {
        errors: extras.errors,
        refusal: extras.refusal,
        notice: extras.notice,
        coop_id: scope.coop_id().to_string(),
        id: record.id.clone(),
        heading,
        kind: kind_text(state, language, record.kind),
        when: i18n.format(
            language,
            "meetings-when",
            Some(&when_args(record.date, record.starts_at)),
        ),
        place: record.place.clone(),
        status: state_text(state, language, &record.state),
        scheduled_by: i18n.with_arg(
            language,
            "meetings-scheduled-by",
            "name",
            &record.created_by_name,
        ),
        agenda: record.agenda.clone(),
        proposals: record
            .proposals
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    i18n.with_arg(language, "meetings-agenda-proposal", "title", &p.title),
                )
            })
            .collect(),
        notice_rule,
        notice_latest,
        notice_sent,
        by_consent,
        recipients,
        entitled: i18n.with_arg(
            language,
            "meetings-entitled",
            "count",
            &entitled_now.to_string(),
        ),
        can_send_notice: can_manage && matches!(record.state, MeetingState::Scheduled),
        is_general: record.kind.is_general(),
        consent: extras.consent,
        attendance_recorded: !rows.is_empty(),
        attendance_open,
        lines,
        quorum_line: quorum
            .map(|q| quorum_line(state, language, q, rows.len()))
            .unwrap_or_default(),
        quorate: quorum.map(|q| q.quorate),
        can_hold: can_manage
            && matches!(record.state, MeetingState::NoticeSent { .. })
            && record.date == today,
        hold_not_today: if can_manage
            && matches!(record.state, MeetingState::NoticeSent { .. })
            && record.date != today
        {
            i18n.with_arg(
                language,
                "meetings-hold-not-today",
                "date",
                &shown_date(record.date),
            )
        } else {
            String::new()
        },
        votes_open: votes_open && held_now,
        vote_proposals,
        voters,
        choices: CHOICES
            .iter()
            .map(|c| {
                (
                    choice_code(*c).to_owned(),
                    t(&format!("votes-choice-{}", choice_code(*c))),
                )
            })
            .collect(),
        minutes: paragraphs(&record.minutes),
        minutes_status,
        can_edit_minutes,
        minutes_text: extras
            .minutes_text
            .unwrap_or_else(|| record.minutes.clone()),
        can_approve: !earlier.is_empty(),
        earlier,
        can_lock: can_manage && matches!(record.state, MeetingState::MinutesApproved { .. }),
        can_cancel: can_manage
            && matches!(
                record.state,
                MeetingState::Scheduled | MeetingState::NoticeSent { .. }
            ),
        chrome,
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    render(&meeting_page(&state, &viewer, &scope, &record, Extras::default()).await?)
}

/// Why an action on a meeting was not taken, shown on the meeting page in
/// the viewer's language: problems at the form's fields (`names` gives the
/// form's name for each field the command knows by the API's name), or the
/// store's refusal as the area explains it, with its status. A missing
/// meeting is "not found" and a failure of the database stays one.
async fn refuse(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    record: &MeetingRecord,
    refused: Refused,
    mut extras: Extras,
    names: &[(&str, &'static str)],
) -> Result<Response, AppError> {
    match refused {
        Refused::Fields(problems) => {
            for (field, message) in problems {
                let field = names
                    .iter()
                    .find(|(api, _)| *api == field)
                    .map_or(field, |(_, form)| *form);
                extras.errors.add(field, message);
            }
            render_invalid(&meeting_page(state, viewer, scope, record, extras).await?)
        }
        Refused::Store(err) => {
            let refusal = err.explain(state, viewer.language)?;
            let status = refusal.status;
            extras.refusal = refusal.message;
            let page = meeting_page(state, viewer, scope, record, extras).await?;
            Ok((status, render(&page)?).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NoticeForm {
    consent: String,
}

pub async fn give_notice(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<NoticeForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    let typed = form.consent.trim();
    let extras = || Extras {
        consent: form.consent.clone(),
        ..Extras::default()
    };
    let consent = if typed.is_empty() {
        None
    } else {
        match typed.parse::<u32>() {
            Ok(agreeing) => Some(agreeing),
            Err(_) => {
                let refused = Refused::Fields(vec![("consent", "meetings-error-consent")]);
                return refuse(&state, &viewer, &scope, &record, refused, extras(), &[]).await;
            }
        }
    };
    match commands::give_notice(&state, &scope, &record, consent).await {
        Ok(NoticeGiven {
            record,
            not_reached,
        }) => {
            let notice = if not_reached.is_empty() {
                state.i18n.text(viewer.language, "meetings-notice-done")
            } else {
                state.i18n.with_arg(
                    viewer.language,
                    "meetings-notice-failed",
                    "names",
                    &not_reached.join(", "),
                )
            };
            let extras = Extras {
                notice,
                ..Extras::default()
            };
            render(&meeting_page(&state, &viewer, &scope, &record, extras).await?)
        }
        Err(err) => refuse(&state, &viewer, &scope, &record, err, extras(), &[]).await,
    }
}

/// Reads the attendance form: one select a person, `a-<account>`, whose
/// value is `present`, `apologies`, `absent`, `proxy-<holder>` or empty.
pub fn parse_marks(pairs: &[(String, String)]) -> Option<Vec<(AccountId, Option<Mark>)>> {
    let mut marks = Vec::new();
    for (key, value) in pairs {
        let Some(raw) = key.strip_prefix("a-") else {
            continue;
        };
        let account = AccountId::parse(raw)?;
        let mark = match value.trim() {
            "" => None,
            "present" => Some(Mark::Present),
            "apologies" => Some(Mark::Apologies),
            "absent" => Some(Mark::Absent),
            other => Some(Mark::ByProxy {
                holder: AccountId::parse(other.strip_prefix("proxy-")?)?,
            }),
        };
        marks.push((account, mark));
    }
    Some(marks)
}

pub async fn record_attendance(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    let result = match parse_marks(&pairs) {
        Some(marks) => commands::record_attendance(&state, &scope, &record, &marks)
            .await
            .map(|_| ()),
        None => Err(Refused::Store(MeetingStoreError::NotEntitled)),
    };
    match result {
        Ok(()) => Ok(back(&scope, &record.id)),
        Err(err) => {
            refuse(
                &state,
                &viewer,
                &scope,
                &record,
                err,
                Extras::default(),
                &[],
            )
            .await
        }
    }
}

pub async fn hold(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    match commands::hold(&state, &scope, &record).await {
        Ok(_) => Ok(back(&scope, &record.id)),
        Err(err) => {
            refuse(
                &state,
                &viewer,
                &scope,
                &record,
                err,
                Extras::default(),
                &[],
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct VoteForm {
    proposal: String,
    member: String,
    choice: String,
}

/// The vote form's names for the fields of a vote at the meeting.
const VOTE_FIELDS: &[(&str, &str)] = &[
    ("proposal", "vote-proposal"),
    ("member", "vote-member"),
    ("choice", "vote-choice"),
];

pub async fn vote(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<VoteForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    let input = VoteAtMeeting {
        proposal: &form.proposal,
        member: &form.member,
        choice: &form.choice,
    };
    match commands::vote_at_meeting(&state, &scope, &record, input).await {
        Ok(_) => {
            let extras = Extras {
                notice: state.i18n.text(viewer.language, "meetings-vote-recorded"),
                ..Extras::default()
            };
            render(&meeting_page(&state, &viewer, &scope, &record, extras).await?)
        }
        Err(err) => {
            refuse(
                &state,
                &viewer,
                &scope,
                &record,
                err,
                Extras::default(),
                VOTE_FIELDS,
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MinutesForm {
    minutes: String,
}

pub async fn draft_minutes(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<MinutesForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    match commands::draft_minutes(&state, &scope, &record, &form.minutes).await {
        Ok(_) => Ok(back(&scope, &record.id)),
        Err(err) => {
            let extras = Extras {
                minutes_text: Some(form.minutes.clone()),
                ..Extras::default()
            };
            refuse(&state, &viewer, &scope, &record, err, extras, &[]).await
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ApproveForm {
    earlier: String,
}

pub async fn approve_minutes(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(form): CsrfForm<ApproveForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    match commands::approve_minutes(&state, &scope, &record, &form.earlier).await {
        Ok(earlier) => Ok(back(&scope, &earlier.id)),
        Err(err) => {
            refuse(
                &state,
                &viewer,
                &scope,
                &record,
                err,
                Extras::default(),
                &[],
            )
            .await
        }
    }
}

pub async fn lock_minutes(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    match commands::lock_minutes(&state, &scope, &record).await {
        Ok(_) => Ok(back(&scope, &record.id)),
        Err(err) => {
            refuse(
                &state,
                &viewer,
                &scope,
                &record,
                err,
                Extras::default(),
                &[],
            )
            .await
        }
    }
}

pub async fn cancel(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path((id, meeting)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    match commands::cancel(&state, &scope, &record).await {
        Ok(_) => Ok(back(&scope, &record.id)),
        Err(err) => {
            refuse(
                &state,
                &viewer,
                &scope,
                &record,
                err,
                Extras::default(),
                &[],
            )
            .await
        }
    }
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/meetings", list),
        route("POST", "/coops/{id}/meetings", schedule),
        route("GET", "/coops/{id}/meetings/{meeting}", show),
        route("POST", "/coops/{id}/meetings/{meeting}/notice", give_notice),
        route(
            "POST",
            "/coops/{id}/meetings/{meeting}/attendance",
            record_attendance,
        ),
        route("POST", "/coops/{id}/meetings/{meeting}/hold", hold),
        route("POST", "/coops/{id}/meetings/{meeting}/votes", vote),
        route(
            "POST",
            "/coops/{id}/meetings/{meeting}/minutes",
            draft_minutes,
        ),
        route(
            "POST",
            "/coops/{id}/meetings/{meeting}/approve",
            approve_minutes,
        ),
        route("POST", "/coops/{id}/meetings/{meeting}/lock", lock_minutes),
        route("POST", "/coops/{id}/meetings/{meeting}/cancel", cancel),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_marks_are_read_from_the_form() {
        let a = "a".repeat(32);
        let b = "b".repeat(32);
        let pairs = vec![
            ("csrf".to_owned(), "x".to_owned()),
            (format!("a-{a}"), "present".to_owned()),
            (format!("a-{b}"), format!("proxy-{a}")),
        ];
        let marks = parse_marks(&pairs).unwrap();
        assert_eq!(marks.len(), 2);
        assert_eq!(marks[0].1, Some(Mark::Present));
        assert!(matches!(&marks[1].1, Some(Mark::ByProxy { holder }) if holder.as_str() == a));
        let bad = vec![(format!("a-{a}"), "proxy-nobody".to_owned())];
        assert!(parse_marks(&bad).is_none());
        let bad = vec![("a-../x".to_owned(), "present".to_owned())];
        assert!(parse_marks(&bad).is_none());
    }

    #[test]
    fn meeting_ids_are_checked_for_shape() {
        assert!(meeting_id(&"0f".repeat(16)).is_ok());
        assert!(meeting_id("../../etc").is_err());
    }
}

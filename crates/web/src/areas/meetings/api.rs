//! Meetings through the API: the same steps as the pages, under the same
//! policy and rules. Dates are `YYYY-MM-DD` and times `HH:MM`, both as in
//! Wales.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::Language;
use cylch_domain::policy::Action;
use cylch_governance::MeetingState;
use cylch_governance::quorum::QuorumCheck;
use cylch_store::meetings::{AttendanceRow, Mark, MeetingRecord, kind_code};
use cylch_store::{AccountId, CoopScope};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::meetings::commands::{
    self, NoticeGiven, Refused, ScheduleMeeting, VoteAtMeeting, load, schedule_meeting,
};
use crate::common::api::{ApiErrorBody, Caller, rejected, scope};
use crate::common::error::AppError;
use crate::common::problems::Problems;
use crate::common::refusal::Explain;

#[derive(Serialize, ToSchema)]
pub struct QuorumView {
    /// Members counted: present in person, and by proxy where that counts.
    present: u32,
    in_person: u32,
    by_proxy: u32,
    apologies: u32,
    required: u32,
    quorate: bool,
}

impl From<QuorumCheck> for QuorumView {
    fn from(q: QuorumCheck) -> Self {
        QuorumView {
            present: q.present,
            in_person: q.in_person,
            by_proxy: q.by_proxy,
            apologies: q.apologies,
            required: q.required,
            quorate: q.quorate,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct LinkedProposalView {
    id: String,
    title: String,
    decided: bool,
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceView {
    member: String,
    name: String,
    /// `present`, `apologies`, `absent`, `by_proxy`, or absent when nothing
    /// is recorded yet.
    attendance: Option<String>,
    proxy_holder: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingView {
    id: String,
    /// `annual_general`, `general` or `committee`.
    kind: String,
    date: String,
    starts_at: String,
    place: String,
    agenda: Vec<String>,
    proposals: Vec<LinkedProposalView>,
    /// `scheduled`, `notice_sent`, `held`, `minutes_drafted`,
    /// `minutes_approved`, `locked` or `cancelled`.
    state: String,
    notice_sent_on: Option<String>,
    clear_days: Option<u32>,
    notice_by_consent: Option<bool>,
    /// Recorded when the meeting was held; before that, worked out from the
    /// attendance so far.
    quorum: Option<QuorumView>,
    minutes: String,
    minutes_approved_at: Option<String>,
    minutes_approved_on: Option<String>,
    /// Everyone sent notice, with their attendance; empty before notice.
    attendance: Vec<AttendanceView>,
}

fn attendance_view(row: AttendanceRow) -> AttendanceView {
    let (attendance, proxy_holder) = match &row.mark {
        None => (None, None),
        Some(Mark::ByProxy { holder }) => (
            Some("by_proxy".to_owned()),
            Some(holder.as_str().to_owned()),
        ),
        Some(other) => (Some(other.code().to_owned()), None),
    };
    AttendanceView {
        member: row.account.as_str().to_owned(),
        name: row.name,
        attendance,
        proxy_holder,
    }
}

async fn view(
    state: &AppState,
    scope: &CoopScope,
    record: MeetingRecord,
) -> Result<MeetingView, AppError> {
    let rows = state.store.attendance(scope, &record.id).await?;
    let quorum = commands::quorum(state, scope, &record, &rows).await?;
    let (notice_sent_on, clear_days, by_consent) = match &record.state {
        MeetingState::NoticeSent { sent_on, notice } => (
            Some(sent_on.to_string()),
            Some(notice.clear_days),
            Some(notice.by_consent),
        ),
        _ => (None, None, None),
    };
    let (approved_at, approved_on) = match &record.state {
        MeetingState::MinutesApproved {
            approved_at,
            approved_on,
            ..
        }
        | MeetingState::Locked {
            approved_at,
            approved_on,
            ..
        } => (
            Some(approved_at.as_str().to_owned()),
            Some(approved_on.to_string()),
        ),
        _ => (None, None),
    };
    Ok(MeetingView {
        kind: kind_code(record.kind).to_owned(),
        date: record.date.to_string(),
        starts_at: record.starts_at.strftime("%H:%M").to_string(),
        state: record.state.code().to_owned(),
        proposals: record
            .proposals
            .into_iter()
            .map(|p| LinkedProposalView {
                id: p.id,
                title: p.title,
                decided: p.decided,
            })
            .collect(),
        id: record.id,
        place: record.place,
        agenda: record.agenda,
        notice_sent_on,
        clear_days,
        notice_by_consent: by_consent,
        quorum: quorum.map(QuorumView::from),
        minutes: record.minutes,
        minutes_approved_at: approved_at,
        minutes_approved_on: approved_on,
        attendance: rows.into_iter().map(attendance_view).collect(),
    })
}

/// Why an action was not taken, as the API says it: 422 with each field's
/// problem, or the store's refusal as the meeting area explains it (422
/// with its code and sentence; 404 when the record is not there; a failure
/// of the database stays one).
fn refused(state: &AppState, language: Language, refused: Refused) -> Result<Response, AppError> {
    match refused {
        Refused::Fields(problems) => {
            let mut invalid = Problems::default();
            for (field, message) in problems {
                invalid.add(field, message);
            }
            Ok(invalid.respond(state, language))
        }
        Refused::Store(err) => Ok(err.explain(state, language)?.to_json()),
    }
}

async fn answer(
    state: &AppState,
    scope: &CoopScope,
    language: Language,
    result: Result<MeetingRecord, Refused>,
) -> Result<Response, AppError> {
    match result {
        Ok(record) => Ok(Json(view(state, scope, record).await?).into_response()),
        Err(err) => refused(state, language, err),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/meetings", params(("id" = String, Path)),
    responses((status = 200, body = [MeetingView]), (status = 404, body = ApiErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<MeetingView>>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewMeetings).await?;
    let mut views = Vec::new();
    for record in state.store.meetings(&scope).await? {
        let record = load(&state, &scope, &record.id).await?;
        views.push(view(&state, &scope, record).await?);
    }
    Ok(Json(views))
}

#[derive(Deserialize, ToSchema)]
pub struct NewMeetingBody {
    /// `annual_general`, `general` or `committee`.
    kind: String,
    /// `YYYY-MM-DD`, today or later.
    date: String,
    /// `HH:MM`, the time in Wales.
    starts_at: String,
    /// An address, or the link to join online.
    place: String,
    #[serde(default)]
    agenda: Vec<String>,
    /// Ids of this co-operative's undecided proposals to decide there.
    #[serde(default)]
    proposals: Vec<String>,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/meetings", params(("id" = String, Path)), request_body = NewMeetingBody,
    responses((status = 201, body = MeetingView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn schedule(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<NewMeetingBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let Json(body) = body.map_err(rejected)?;
    let scheduled = schedule_meeting(
        &state,
        &scope,
        ScheduleMeeting {
            kind: &body.kind,
            date: &body.date,
            starts_at: &body.starts_at,
            place: &body.place,
            agenda: body.agenda,
            proposals: &body.proposals,
        },
    )
    .await;
    match scheduled {
        Ok(record) => Ok((
            StatusCode::CREATED,
            Json(view(&state, &scope, record).await?),
        )
            .into_response()),
        Err(err) => refused(&state, account.language, err),
    }
}

#[utoipa::path(get, path = "/api/v1/coops/{id}/meetings/{meeting}", params(("id" = String, Path), ("meeting" = String, Path)),
    responses((status = 200, body = MeetingView), (status = 404, body = ApiErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
) -> Result<Json<MeetingView>, AppError> {
    let scope = scope(&state, &account, &id, Action::ViewMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    Ok(Json(view(&state, &scope, record).await?))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct NoticeBody {
    /// Members who agreed in writing to shorter notice of a general
    /// meeting; leave out when notice is full.
    consent_agreeing: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct NoticeSentView {
    meeting: MeetingView,
    /// Names of those the email could not reach: give them notice another
    /// way.
    not_reached: Vec<String>,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/meetings/{meeting}/notice", params(("id" = String, Path), ("meeting" = String, Path)), request_body = NoticeBody,
    responses((status = 200, body = NoticeSentView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn give_notice(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
    body: Result<Json<NoticeBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let Json(body) = body.map_err(rejected)?;
    let record = load(&state, &scope, &meeting).await?;
    match commands::give_notice(&state, &scope, &record, body.consent_agreeing).await {
        Ok(NoticeGiven {
            record,
            not_reached,
        }) => Ok(Json(NoticeSentView {
            meeting: view(&state, &scope, record).await?,
            not_reached,
        })
        .into_response()),
        Err(err) => refused(&state, account.language, err),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct AttendanceEntry {
    /// The member's account id.
    member: String,
    /// `present`, `apologies`, `absent` or `by_proxy`; null clears it.
    attendance: Option<String>,
    /// With `by_proxy`: the account id of the member, present, who holds
    /// the proxy.
    proxy_holder: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct AttendanceBody {
    attendance: Vec<AttendanceEntry>,
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/meetings/{meeting}/attendance", params(("id" = String, Path), ("meeting" = String, Path)), request_body = AttendanceBody,
    responses((status = 200, body = QuorumView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn record_attendance(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
    body: Result<Json<AttendanceBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let Json(body) = body.map_err(rejected)?;
    let record = load(&state, &scope, &meeting).await?;
    let mut invalid = Problems::default();
    let mut marks = Vec::new();
    for entry in &body.attendance {
        let member = AccountId::parse(entry.member.trim());
        let mark = match entry.attendance.as_deref().map(str::trim) {
            None => Some(None),
            Some("present") => Some(Some(Mark::Present)),
            Some("apologies") => Some(Some(Mark::Apologies)),
            Some("absent") => Some(Some(Mark::Absent)),
            Some("by_proxy") => entry
                .proxy_holder
                .as_deref()
                .and_then(|h| AccountId::parse(h.trim()))
                .map(|holder| Some(Mark::ByProxy { holder })),
            Some(_) => None,
        };
        match (member, mark) {
            (Some(member), Some(mark)) => marks.push((member, mark)),
            (None, _) => invalid.add("member", "meetings-not-entitled"),
            (_, None) => invalid.add("attendance", "error-unknown-choice"),
        }
    }
    if !invalid.is_empty() {
        return Ok(invalid.respond(&state, account.language));
    }
    match commands::record_attendance(&state, &scope, &record, &marks).await {
        Ok(quorum) => Ok(Json(QuorumView::from(quorum)).into_response()),
        Err(err) => refused(&state, account.language, err),
    }
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/meetings/{meeting}/hold", params(("id" = String, Path), ("meeting" = String, Path)),
    responses((status = 200, body = MeetingView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn hold(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    let result = commands::hold(&state, &scope, &record).await;
    answer(&state, &scope, account.language, result).await
}

#[derive(Deserialize, ToSchema)]
pub struct MeetingVoteBody {
    /// A proposal the meeting decides.
    proposal: String,
    /// The member's account id.
    member: String,
    /// `for`, `against` or `abstain`.
    choice: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/meetings/{meeting}/votes", params(("id" = String, Path), ("meeting" = String, Path)), request_body = MeetingVoteBody,
    responses((status = 201), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn vote(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
    body: Result<Json<MeetingVoteBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let Json(body) = body.map_err(rejected)?;
    let record = load(&state, &scope, &meeting).await?;
    let input = VoteAtMeeting {
        proposal: &body.proposal,
        member: &body.member,
        choice: &body.choice,
    };
    match commands::vote_at_meeting(&state, &scope, &record, input).await {
        Ok(_) => Ok(StatusCode::CREATED.into_response()),
        Err(err) => refused(&state, account.language, err),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct MinutesBody {
    minutes: String,
}

#[utoipa::path(put, path = "/api/v1/coops/{id}/meetings/{meeting}/minutes", params(("id" = String, Path), ("meeting" = String, Path)), request_body = MinutesBody,
    responses((status = 200, body = MeetingView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn draft_minutes(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
    body: Result<Json<MinutesBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let Json(body) = body.map_err(rejected)?;
    let record = load(&state, &scope, &meeting).await?;
    let result = commands::draft_minutes(&state, &scope, &record, &body.minutes).await;
    answer(&state, &scope, account.language, result).await
}

#[derive(Deserialize, ToSchema)]
pub struct ApproveBody {
    /// The earlier meeting whose minutes this meeting approves.
    earlier: String,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/meetings/{meeting}/approve", params(("id" = String, Path), ("meeting" = String, Path)), request_body = ApproveBody,
    responses((status = 200, description = "The earlier meeting, its minutes approved", body = MeetingView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn approve_minutes(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
    body: Result<Json<ApproveBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let Json(body) = body.map_err(rejected)?;
    let record = load(&state, &scope, &meeting).await?;
    let result = commands::approve_minutes(&state, &scope, &record, &body.earlier).await;
    answer(&state, &scope, account.language, result).await
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/meetings/{meeting}/lock", params(("id" = String, Path), ("meeting" = String, Path)),
    responses((status = 200, body = MeetingView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn lock_minutes(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    let result = commands::lock_minutes(&state, &scope, &record).await;
    answer(&state, &scope, account.language, result).await
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/meetings/{meeting}/cancel", params(("id" = String, Path), ("meeting" = String, Path)),
    responses((status = 200, body = MeetingView), (status = 404, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
pub async fn cancel(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path((id, meeting)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::ManageMeetings).await?;
    let record = load(&state, &scope, &meeting).await?;
    let result = commands::cancel(&state, &scope, &record).await;
    answer(&state, &scope, account.language, result).await
}

/// The API routes of this area.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/api/v1/coops/{id}/meetings", list).documented::<__path_list>(),
        route("POST", "/api/v1/coops/{id}/meetings", schedule).documented::<__path_schedule>(),
        route("GET", "/api/v1/coops/{id}/meetings/{meeting}", show).documented::<__path_show>(),
        route(
            "POST",
            "/api/v1/coops/{id}/meetings/{meeting}/notice",
            give_notice,
        )
        .documented::<__path_give_notice>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/meetings/{meeting}/attendance",
            record_attendance,
        )
        .documented::<__path_record_attendance>(),
        route("POST", "/api/v1/coops/{id}/meetings/{meeting}/hold", hold)
            .documented::<__path_hold>(),
        route("POST", "/api/v1/coops/{id}/meetings/{meeting}/votes", vote)
            .documented::<__path_vote>(),
        route(
            "PUT",
            "/api/v1/coops/{id}/meetings/{meeting}/minutes",
            draft_minutes,
        )
        .documented::<__path_draft_minutes>(),
        route(
            "POST",
            "/api/v1/coops/{id}/meetings/{meeting}/approve",
            approve_minutes,
        )
        .documented::<__path_approve_minutes>(),
        route(
            "POST",
            "/api/v1/coops/{id}/meetings/{meeting}/lock",
            lock_minutes,
        )
        .documented::<__path_lock_minutes>(),
        route(
            "POST",
            "/api/v1/coops/{id}/meetings/{meeting}/cancel",
            cancel,
        )
        .documented::<__path_cancel>(),
    ]
}

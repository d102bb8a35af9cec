//! Admitting members in the API: invite one, or raise the resolution the rules ask for.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cylch_domain::policy::Action;
use cylch_domain::{EmailAddress, MemberClass, PersonName};
use cylch_governance::proposal::Subject;
use cylch_governance::rules::Admission;
use cylch_governance::vote::DecisionRule;
use cylch_store::admissions::NewAdmission;
use cylch_store::invitations::NewInvitation;
use cylch_store::votes::{NewProposal, VotingError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::rules::api::instant;
use crate::common::api::{Caller, rejected, scope};
use crate::common::error::AppError;
use crate::common::problems::Problems;

#[derive(Deserialize, ToSchema)]
pub struct InviteMemberBody {
    name: String,
    email: String,
    /// `supported_person`, `representative`, `family_or_carer`, `pa` or
    /// `supporter`.
    class: String,
    /// Where the members admit: why, and when they vote (RFC 3339).
    #[serde(default)]
    background: String,
    #[serde(default)]
    opens_at: String,
    #[serde(default)]
    closes_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct InvitedView {
    /// Whether the invitation went now (admission by the committee).
    invited: bool,
    /// The proposal to admit them, where the members decide.
    proposal: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/coops/{id}/members/invitations", params(("id" = String, Path)), request_body = InviteMemberBody,
    responses((status = 201, body = InvitedView), (status = 403, body = crate::common::api::ApiErrorBody), (status = 404, body = crate::common::api::ApiErrorBody), (status = 422, body = crate::common::api::ApiErrorBody)))]
pub async fn invite_member(
    State(state): State<AppState>,
    Caller(account): Caller,
    Path(id): Path<String>,
    body: Result<Json<InviteMemberBody>, JsonRejection>,
) -> Result<Response, AppError> {
    let scope = scope(&state, &account, &id, Action::InviteMember).await?;
    let Json(body) = body.map_err(rejected)?;
    let mut invalid = Problems::default();
    let name = invalid.check("name", PersonName::parse(&body.name));
    let email = invalid.check("email", EmailAddress::parse(&body.email));
    let class = invalid.check("class", MemberClass::parse(body.class.trim()));
    if state.store.rules(&scope).await?.admission == Admission::ByMembers {
        let opens = instant(&body.opens_at, "opens_at", &mut invalid);
        let closes = instant(&body.closes_at, "closes_at", &mut invalid);
        let (Some(name), Some(email), Some(class), Some(opens), Some(closes)) =
            (name, email, class, opens, closes)
        else {
            return Ok(invalid.respond(&state, account.language));
        };
        let title = state.i18n.with_arg(
            account.language,
            "members-admit-title",
            "name",
            name.as_str(),
        );
        let raised = state
            .store
            .propose_admission(
                &scope,
                NewProposal {
                    title: &title,
                    background: &body.background,
                    subject: Subject::General,
                    rule: DecisionRule::OrdinaryResolution,
                    secret_asked: false,
                    opens,
                    closes,
                },
                &NewAdmission {
                    name: &name,
                    email: &email,
                    class,
                },
            )
            .await;
        return match raised {
            Ok(record) => Ok((
                StatusCode::CREATED,
                Json(InvitedView {
                    invited: false,
                    proposal: Some(record.id),
                }),
            )
                .into_response()),
            Err(VotingError::Store(err)) => Err(err.into()),
            Err(err) => {
                invalid.add("closes_at", err.code());
                Ok(invalid.respond(&state, account.language))
            }
        };
    }
    let (Some(name), Some(email), Some(class)) = (name, email, class) else {
        return Ok(invalid.respond(&state, account.language));
    };
    let (invitation, secret) = state
        .store
        .create_invitation(
            scope.account(),
            NewInvitation {
                coop: scope.coop_id(),
                email: &email,
                name: &name,
                office: None,
                class: Some(class),
            },
        )
        .await?;
    crate::areas::admin::pages::send_invitation(&state, &invitation, &secret).await?;
    Ok((
        StatusCode::CREATED,
        Json(InvitedView {
            invited: true,
            proposal: None,
        }),
    )
        .into_response())
}

/// This area's API routes, each with its documentation.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route(
            "POST",
            "/api/v1/coops/{id}/members/invitations",
            invite_member,
        )
        .documented::<__path_invite_member>(),
    ]
}

//! Inviting members. Under the model rules the committee admits members;
//! here the secretary or chair records that decision by inviting the
//! person, with the class they join in, and the invitation admits them when
//! they accept it (the register then shows the date). Where the rules put
//! admissions to the members, the same form raises an ordinary resolution
//! to admit the person instead; the invitation goes once it is carried.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::policy::Action;
use cylch_domain::{EmailAddress, MemberClass, PersonName};
use cylch_governance::proposal::Subject;
use cylch_governance::rules::Admission;
use cylch_governance::vote::DecisionRule;
use cylch_store::CoopScope;
use cylch_store::admissions::NewAdmission;
use cylch_store::invitations::NewInvitation;
use cylch_store::votes::{NewProposal, VotingError};
use jiff::Timestamp;
use serde::Deserialize;

use crate::AppState;
use crate::areas::admin::pages::send_invitation;
use crate::areas::coops::pages::scope_for;
use crate::areas::votes::pages::check_proposal_fields;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::local_field;
use crate::common::form::CsrfForm;
use crate::common::page::{MessagePage, ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct InviteMemberForm {
    name: String,
    email: String,
    class: String,
    // When the members decide: why, and when they vote.
    background: String,
    opens_at: String,
    closes_at: String,
}

#[derive(Template)]
#[template(path = "members/invite.html")]
struct InviteMemberPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    classes: Vec<(String, String)>,
    /// The rules put admissions to the members.
    by_members: bool,
    form: InviteMemberForm,
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    by_members: bool,
    errors: Problems,
    form: InviteMemberForm,
) -> InviteMemberPage {
    let mut chrome = Chrome::new(state, viewer, "members-invite-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    InviteMemberPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        classes: MemberClass::ALL
            .iter()
            .map(|c| (c.code().to_owned(), format!("class-{}", c.code())))
            .collect(),
        by_members,
        form,
    }
}

async fn by_members(state: &AppState, scope: &CoopScope) -> Result<bool, AppError> {
    Ok(state.store.rules(scope).await?.admission == Admission::ByMembers)
}

pub async fn invite_form(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::InviteMember).await?;
    let now = state.clock().now();
    let form = InviteMemberForm {
        opens_at: local_field(now),
        closes_at: local_field(
            Timestamp::from_second(now.as_second() + 14 * 86_400).unwrap_or(now),
        ),
        ..InviteMemberForm::default()
    };
    let by_members = by_members(&state, &scope).await?;
    render(&page(
        &state,
        &viewer,
        &scope,
        by_members,
        Problems::default(),
        form,
    ))
}

pub async fn invite(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<InviteMemberForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::InviteMember).await?;
    let mut errors = Problems::default();
    let name = errors.check("name", PersonName::parse(&form.name));
    let email = errors.check("email", EmailAddress::parse(&form.email));
    let class = errors.check("class", MemberClass::parse(form.class.trim()));
    let by_members = by_members(&state, &scope).await?;
    if by_members {
        let title = name
            .as_ref()
            .map(|n| {
                state
                    .i18n
                    .with_arg(viewer.language, "members-admit-title", "name", n.as_str())
            })
            .unwrap_or_default();
        let (_, opens, closes) = check_proposal_fields(
            &mut errors,
            "-",
            &form.background,
            &form.opens_at,
            &form.closes_at,
        );
        let (Some(name), Some(email), Some(class), Some(opens), Some(closes), true) =
            (name, email, class, opens, closes, errors.is_empty())
        else {
            return render_invalid(&page(&state, &viewer, &scope, true, errors, form));
        };
        let raised = state
            .store
            .propose_admission(
                &scope,
                NewProposal {
                    title: &title,
                    background: &form.background,
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
            Ok(record) => Ok(Redirect::to(&format!(
                "/coops/{}/proposals/{}",
                scope.coop_id(),
                record.id
            ))
            .into_response()),
            Err(VotingError::Store(err)) => Err(err.into()),
            Err(err) => {
                errors.add("closes_at", err.code());
                render_invalid(&page(&state, &viewer, &scope, true, errors, form))
            }
        };
    }
    let (Some(name), Some(email), Some(class)) = (name, email, class) else {
        return render_invalid(&page(&state, &viewer, &scope, false, errors, form));
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
    send_invitation(&state, &invitation, &secret).await?;
    let mut sent = MessagePage::new(&state, &viewer, "invite-sent-title", &[])
        .link(&format!("/coops/{}", scope.coop_id()), "members-back");
    sent.paragraphs.push(state.i18n.with_arg(
        viewer.language,
        "invite-sent-body",
        "email",
        email.as_str(),
    ));
    render(&sent)
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/members/invite", invite_form),
        route("POST", "/coops/{id}/members/invite", invite),
    ]
}

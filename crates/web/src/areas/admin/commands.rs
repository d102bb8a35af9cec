//! The instance administrator's actions, shared by the page and the API:
//! creating a co-operative and inviting its first officer; and emailing an
//! invitation, which admitting a member does too.

use cylch_domain::{CoopKind, CoopName, EmailAddress, FieldError, Language, Office, PersonName};
use cylch_store::CoopId;
use cylch_store::accounts::Account;
use cylch_store::coops::Coop;
use cylch_store::invitations::{FirstOfficerError, Invitation, NewInvitation};

use crate::AppState;
use crate::common::error::AppError;
use crate::common::mail::{MailError, OutgoingEmail};
use crate::common::problems::Problems;

/// Why an action was not taken: problems with what was typed, each at its
/// field as the API names it, or a failure of the service. The same answer
/// as admitting a member's, so one type serves.
pub use crate::areas::members::commands::Refused;

/// An invitation that is saved but whose email could not be sent: the
/// invitee has no link to use it, and it expires unused.
#[derive(Debug, thiserror::Error)]
#[error("the invitation {invitation} to {to} could not be emailed: {source}")]
pub struct NotSent {
    /// The invitation's id.
    pub invitation: String,
    pub to: EmailAddress,
    #[source]
    pub source: MailError,
}

/// Where an action can only fail, an email that did not go is a failure of
/// the service, logged with its cause.
impl From<NotSent> for AppError {
    fn from(err: NotSent) -> AppError {
        tracing::error!(
            invitation = err.invitation,
            "an invitation could not be emailed"
        );
        AppError::Mail(err.source)
    }
}

/// The co-operative a URL names, for the instance administrator; "not
/// found" when the id is not one.
pub async fn coop_for_admin(state: &AppState, raw_id: &str) -> Result<Coop, AppError> {
    let id = CoopId::parse(raw_id).ok_or(AppError::NOT_FOUND)?;
    state
        .store
        .coop_summary(&id)
        .await?
        .ok_or(AppError::NOT_FOUND)
}

/// A co-operative to create, as typed.
#[derive(Debug, Default)]
pub struct CreateCoop<'a> {
    pub name: &'a str,
    /// `family`, `pa_coop` or `citizen_led`.
    pub kind: &'a str,
}

/// Creates a co-operative. A kind left blank is missing, not an unknown
/// choice.
pub async fn create_coop(
    state: &AppState,
    admin: &Account,
    input: CreateCoop<'_>,
) -> Result<Coop, Refused> {
    let mut errors = Problems::default();
    let name = errors.check("name", CoopName::parse(input.name));
    let kind = if input.kind.trim().is_empty() {
        errors.check("kind", Err(FieldError::Missing))
    } else {
        errors.check("kind", CoopKind::parse(input.kind))
    };
    let (Some(name), Some(kind)) = (name, kind) else {
        return Err(Refused::Fields(errors));
    };
    Ok(state.store.create_coop(&admin.id, &name, kind).await?)
}

/// A co-operative's first officer to invite, as typed.
#[derive(Debug, Default)]
pub struct InviteOfficer<'a> {
    pub name: &'a str,
    pub email: &'a str,
    /// `chair`, `secretary`, `treasurer` or `coordinator`.
    pub office: &'a str,
}

/// What inviting did: the invitation is saved, and emailed unless `emailed`
/// is false (then the invitee has no link, and should be invited again
/// once email works; the cause is logged).
#[derive(Debug)]
pub struct Invited {
    pub invitation: Invitation,
    pub emailed: bool,
}

/// Invites a first officer of `coop` and emails them the invitation: only
/// while the co-operative has no officers, and never the administrator
/// themselves (each refused at its field).
pub async fn invite_first_officer(
    state: &AppState,
    admin: &Account,
    coop: &Coop,
    input: InviteOfficer<'_>,
) -> Result<Invited, Refused> {
    let mut errors = Problems::default();
    let name = errors.check("name", PersonName::parse(input.name));
    let email = errors.check("email", EmailAddress::parse(input.email));
    let office = errors.check("office", Office::parse(input.office));
    let (Some(name), Some(email), Some(office)) = (name, email, office) else {
        return Err(Refused::Fields(errors));
    };
    let created = state
        .store
        .create_first_officer_invitation(
            admin,
            NewInvitation {
                coop: &coop.id,
                email: &email,
                name: &name,
                office: Some(office),
                class: None,
            },
        )
        .await;
    let (invitation, secret) = match created {
        Ok(created) => created,
        Err(FirstOfficerError::Themselves) => {
            errors.add("email", "invite-error-themselves");
            return Err(Refused::Fields(errors));
        }
        Err(FirstOfficerError::HasOfficers) => {
            errors.add("office", "invite-error-has-officers");
            return Err(Refused::Fields(errors));
        }
        Err(FirstOfficerError::Store(err)) => return Err(err.into()),
    };
    // The invitation is saved, and audited, whether or not its email goes:
    // the answer says which.
    let emailed = match send_invitation(state, &invitation, &secret).await {
        Ok(()) => true,
        Err(err) => {
            tracing::error!(%err, "an invitation email could not be sent");
            false
        }
    };
    Ok(Invited {
        invitation,
        emailed,
    })
}

/// Emails an invitation, in Welsh and English: the invitee has not chosen
/// yet.
pub async fn send_invitation(
    state: &AppState,
    invitation: &Invitation,
    secret: &str,
) -> Result<(), NotSent> {
    let link = format!("{}/invitations/{secret}", state.config.base_url);
    let body = [Language::Cy, Language::En]
        .iter()
        .map(|&l| {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("coop", invitation.coop_name.clone());
            args.set("link", link.clone());
            state.i18n.format(l, "email-invite-body", Some(&args))
        })
        .collect::<Vec<_>>()
        .join("\n\n----\n\n");
    let subject = [Language::Cy, Language::En]
        .map(|l| {
            state
                .i18n
                .with_arg(l, "email-invite-subject", "coop", &invitation.coop_name)
        })
        .join(" / ");
    state
        .mailer
        .send(&OutgoingEmail {
            to: invitation.email.clone(),
            subject,
            body,
        })
        .await
        .map_err(|source| NotSent {
            invitation: invitation.id.clone(),
            to: invitation.email.clone(),
            source,
        })
}

//! Admitting a member, shared by the page and the API: where the rules put
//! admissions to the members, an ordinary resolution to admit the person;
//! otherwise the invitation, emailed now.

use cylch_domain::{EmailAddress, Language, MemberClass, PersonName};
use cylch_governance::proposal::Subject;
use cylch_governance::rules::Admission;
use cylch_governance::vote::DecisionRule;
use cylch_store::CoopScope;
use cylch_store::admissions::NewAdmission;
use cylch_store::invitations::NewInvitation;
use cylch_store::votes::{NewProposal, ProposalRecord, VotingError};

use crate::AppState;
use crate::areas::admin::commands::send_invitation;
use crate::areas::rules::commands::check_window;
use crate::areas::votes::pages::MAX_BACKGROUND;
use crate::common::error::AppError;
use crate::common::problems::Problems;

/// Why an action was not taken: problems with what was typed, shown at
/// their fields, or a failure of the service.
#[derive(Debug)]
pub enum Refused {
    Fields(Problems),
    Failed(AppError),
}

impl From<AppError> for Refused {
    fn from(err: AppError) -> Refused {
        Refused::Failed(err)
    }
}

impl From<cylch_store::StoreError> for Refused {
    fn from(err: cylch_store::StoreError) -> Refused {
        Refused::Failed(err.into())
    }
}

/// A person to admit, as typed.
#[derive(Debug, Default)]
pub struct AdmitMember<'a> {
    pub name: &'a str,
    pub email: &'a str,
    /// `supported_person`, `representative`, `family_or_carer`, `pa` or
    /// `supporter`.
    pub class: &'a str,
    /// Where the members admit: why, and when they vote (RFC 3339, or a
    /// `datetime-local` value read as the time in Wales).
    pub background: &'a str,
    pub opens_at: &'a str,
    pub closes_at: &'a str,
    /// The language the proposal's title is written in.
    pub language: Language,
}

/// What admitting did.
#[derive(Debug)]
pub enum Admitted {
    /// The invitation went to this address.
    Invited(EmailAddress),
    /// The members now vote on this proposal to admit the person.
    Proposed(Box<ProposalRecord>),
}

/// Whether the co-operative's rules put admissions to the members.
pub async fn by_members(state: &AppState, scope: &CoopScope) -> Result<bool, AppError> {
    Ok(state.store.rules(scope).await?.admission == Admission::ByMembers)
}

/// Admits a member as the rules say: raises the resolution, or invites the
/// person and emails the invitation.
pub async fn admit_member(
    state: &AppState,
    scope: &CoopScope,
    input: AdmitMember<'_>,
) -> Result<Admitted, Refused> {
    let mut errors = Problems::default();
    let name = errors.check("name", PersonName::parse(input.name));
    let email = errors.check("email", EmailAddress::parse(input.email));
    let class = errors.check("class", MemberClass::parse(input.class.trim()));
    if by_members(state, scope).await? {
        if input.background.chars().count() > MAX_BACKGROUND {
            errors.add("background", "votes-error-background-long");
        }
        let (opens, closes) = check_window(&mut errors, input.opens_at, input.closes_at);
        let (Some(name), Some(email), Some(class), Some(opens), Some(closes), true) =
            (name, email, class, opens, closes, errors.is_empty())
        else {
            return Err(Refused::Fields(errors));
        };
        let title =
            state
                .i18n
                .with_arg(input.language, "members-admit-title", "name", name.as_str());
        let raised = state
            .store
            .propose_admission(
                scope,
                NewProposal {
                    title: &title,
                    background: input.background,
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
            Ok(record) => Ok(Admitted::Proposed(Box::new(record))),
            Err(VotingError::Store(err)) => Err(err.into()),
            Err(err) => {
                errors.add("closes_at", err.code());
                Err(Refused::Fields(errors))
            }
        };
    }
    let (Some(name), Some(email), Some(class)) = (name, email, class) else {
        return Err(Refused::Fields(errors));
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
    send_invitation(state, &invitation, &secret)
        .await
        .map_err(AppError::from)?;
    Ok(Admitted::Invited(email))
}

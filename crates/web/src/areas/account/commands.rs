//! The actions on a person's own account, shared by the page and the API:
//! saving their details, changing their password, signing out everywhere,
//! and making and revoking API tokens.

use cylch_domain::{EmailAddress, FieldError, Language, Password, PersonName};
use cylch_store::StoreError;
use cylch_store::accounts::Account;
use cylch_store::throttle::Throttle;
use cylch_store::tokens::ApiToken;

use crate::AppState;
use crate::common::error::AppError;
use crate::common::mail::OutgoingEmail;
use crate::common::problems::Problems;

/// Why an action was not taken: problems with what was typed, each at its
/// field as the API names it, or a failure of the service. The same answer
/// as admitting a member's, so one type serves.
pub use crate::areas::members::commands::Refused;

/// A person's details, as typed.
#[derive(Debug, Default)]
pub struct SaveDetails<'a> {
    pub name: &'a str,
    pub email: &'a str,
    /// `en` or `cy`.
    pub language: &'a str,
    /// The current password, needed only to change the email address.
    pub current_password: &'a str,
}

/// Saves the person's name, email address and language; returns the
/// account as it now is. An address another account has is a problem with
/// the email field.
///
/// A new email address needs the current password: the address is where
/// a password reset goes, so whoever finds a signed-in phone or a token
/// could otherwise take the account for good. The old address is told, so
/// that its owner can act if it was not them.
pub async fn save_details(
    state: &AppState,
    account: &Account,
    input: SaveDetails<'_>,
) -> Result<Account, Refused> {
    let mut errors = Problems::default();
    let name = errors.check("name", PersonName::parse(input.name));
    let email = errors.check("email", EmailAddress::parse(input.email));
    let language = errors.check(
        "language",
        Language::from_code(input.language).ok_or(FieldError::UnknownChoice),
    );
    let changes_email = email.as_ref().is_some_and(|e| *e != account.email);
    if changes_email {
        check_current_password(state, account, input.current_password, &mut errors).await?;
    }
    let (Some(name), Some(email), Some(language), true) =
        (name, email, language, errors.is_empty())
    else {
        return Err(Refused::Fields(errors));
    };
    match state
        .store
        .update_profile(&account.id, &name, &email, language)
        .await
    {
        Ok(updated) => {
            if changes_email {
                tell_old_address(state, account, &updated).await;
            }
            Ok(updated)
        }
        Err(StoreError::EmailTaken) => {
            errors.add("email", "error-email-taken");
            Err(Refused::Fields(errors))
        }
        Err(err) => Err(err.into()),
    }
}

/// A new password, as typed.
#[derive(Debug, Default)]
pub struct ChangePassword<'a> {
    pub current_password: &'a str,
    pub new_password: &'a str,
    /// The new password typed again, where a form asks for it (the page
    /// does; an API client sends what it means once).
    pub confirm: Option<&'a str>,
    /// The session the person is using, which stays signed in; every other
    /// session ends with the old password.
    pub keep_session: Option<&'a str>,
}

/// Changes the person's password, once they have given the current one.
/// A blank current password is missing (and costs no hashing); a wrong
/// one is not right.
pub async fn change_password(
    state: &AppState,
    account: &Account,
    input: ChangePassword<'_>,
) -> Result<(), Refused> {
    let mut errors = Problems::default();
    check_current_password(state, account, input.current_password, &mut errors).await?;
    let password = errors.check("new_password", Password::parse(input.new_password));
    if let (Some(password), Some(confirm)) = (&password, input.confirm)
        && password.expose() != confirm
    {
        errors.add("confirm", "error-password-mismatch");
    }
    let Some(password) = password.filter(|_| errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    let hash = state.hasher.hash(password.expose()).await?;
    state
        .store
        .set_password(&account.id, &hash, input.keep_session)
        .await?;
    Ok(())
}

/// Checks the current password as typed, a problem at its field when it is
/// blank (which costs no hashing), wrong, or guessed at too often lately:
/// guesses are throttled as sign-in is, so a signed-in session or a token
/// cannot be used to try passwords one after another.
async fn check_current_password(
    state: &AppState,
    account: &Account,
    typed: &str,
    errors: &mut Problems,
) -> Result<(), AppError> {
    let throttle = Throttle::CurrentPassword(&account.id);
    if typed.is_empty() {
        errors.field("current_password", FieldError::Missing);
    } else if state.store.throttled(throttle).await? {
        errors.add("current_password", "error-current-password-throttled");
    } else {
        let right = state
            .hasher
            .verify(typed, account.password_hash.as_deref())
            .await?;
        state.store.record_attempt(throttle, right).await?;
        if !right {
            errors.add("current_password", "error-current-password");
        }
    }
    Ok(())
}

/// Tells the old address that the account's email address has changed, in
/// the account's language. The change is made whether or not this email
/// goes: a mail failure is logged, not shown as the change failing.
async fn tell_old_address(state: &AppState, before: &Account, after: &Account) {
    let language = after.language;
    let email = OutgoingEmail {
        to: before.email.clone(),
        subject: state.i18n.text(language, "email-address-changed-subject"),
        body: state.i18n.with_arg(
            language,
            "email-address-changed-body",
            "email",
            after.email.as_str(),
        ),
    };
    if let Err(err) = state.mailer.send(&email).await {
        tracing::error!(%err, "the old address could not be told of its change");
    }
}

/// Ends every session the person has, on every device.
pub async fn sign_out_everywhere(state: &AppState, account: &Account) -> Result<(), AppError> {
    Ok(state.store.end_all_sessions(&account.id).await?)
}

/// Makes an API token named `name`; returns it with its secret, which is
/// shown once and never kept in clear.
pub async fn create_token(
    state: &AppState,
    account: &Account,
    name: &str,
) -> Result<(ApiToken, String), Refused> {
    let mut errors = Problems::default();
    let Some(name) = errors.check("name", PersonName::parse(name)) else {
        return Err(Refused::Fields(errors));
    };
    Ok(state
        .store
        .create_api_token(&account.id, name.as_str())
        .await?)
}

/// Revokes one of the person's API tokens. One that is not there, is
/// someone else's or is already revoked is "not found".
pub async fn revoke_token(state: &AppState, account: &Account, id: &str) -> Result<(), AppError> {
    Ok(state.store.revoke_api_token(&account.id, id).await?)
}

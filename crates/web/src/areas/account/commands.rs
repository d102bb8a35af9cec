//! The actions on a person's own account, shared by the page and the API:
//! saving their details, changing their password, signing out everywhere,
//! and making and revoking API tokens.

use cylch_domain::{EmailAddress, FieldError, Language, Password, PersonName};
use cylch_store::StoreError;
use cylch_store::accounts::Account;
use cylch_store::tokens::ApiToken;

use crate::AppState;
use crate::common::error::AppError;
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
}

/// Saves the person's name, email address and language; returns the
/// account as it now is. An address another account has is a problem with
/// the email field.
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
    let (Some(name), Some(email), Some(language)) = (name, email, language) else {
        return Err(Refused::Fields(errors));
    };
    match state
        .store
        .update_profile(&account.id, &name, &email, language)
        .await
    {
        Ok(updated) => Ok(updated),
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
    if input.current_password.is_empty() {
        errors.field("current_password", FieldError::Missing);
    } else if !state
        .hasher
        .verify(input.current_password, account.password_hash.as_deref())
        .await?
    {
        errors.add("current_password", "error-current-password");
    }
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

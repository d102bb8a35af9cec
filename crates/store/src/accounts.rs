//! Accounts: a person's sign-in and their own settings.

use cylch_domain::{EmailAddress, Language, PersonName};
use serde_json::json;
use sqlx::Row;

use crate::audit::{self, AuditAction, Change};
use crate::{AccountId, Store, StoreError, Tx};

#[derive(Debug, Clone)]
pub struct Account {
    pub id: AccountId,
    pub email: EmailAddress,
    pub name: String,
    pub language: Language,
    pub instance_admin: bool,
    /// `None` until the person sets a password (an invited officer, say).
    pub password_hash: Option<String>,
    pub sessions_valid_after: i64,
}

impl Account {
    /// What the audit trail records of an account: never the password hash.
    fn audit_view(&self) -> serde_json::Value {
        json!({
            "email": self.email.as_str(),
            "name": self.name,
            "language": self.language.code(),
            "instance_admin": self.instance_admin,
            "has_password": self.password_hash.is_some(),
        })
    }
}

/// A new account as the store receives it.
pub struct NewAccount<'a> {
    pub email: &'a EmailAddress,
    pub name: &'a PersonName,
    pub language: Language,
    pub password_hash: Option<&'a str>,
    pub instance_admin: bool,
}

const ACCOUNT_COLUMNS: &str =
    "id, email, name, language, instance_admin, password_hash, sessions_valid_after";

pub(crate) fn account_from_row(row: &sqlx::any::AnyRow) -> Result<Account, StoreError> {
    account_at(row, 0)
}

/// Reads the account columns, in `ACCOUNT_COLUMNS` order, starting at
/// column `base` of a (possibly joined) row.
pub(crate) fn account_at(row: &sqlx::any::AnyRow, base: usize) -> Result<Account, StoreError> {
    let email: String = row.try_get(base + 1)?;
    let language: String = row.try_get(base + 3)?;
    Ok(Account {
        id: AccountId::from_db(row.try_get(base)?),
        email: EmailAddress::parse(&email)
            .map_err(|_| StoreError::Corrupt(format!("account email {email:?}")))?,
        name: row.try_get(base + 2)?,
        language: Language::from_code(&language)
            .ok_or_else(|| StoreError::Corrupt(format!("language {language:?}")))?,
        instance_admin: row.try_get::<i64, _>(base + 4)? == 1,
        password_hash: row.try_get(base + 5)?,
        sessions_valid_after: row.try_get(base + 6)?,
    })
}

pub(crate) async fn create_in(
    tx: &mut Tx,
    actor: Option<&AccountId>,
    new: NewAccount<'_>,
) -> Result<Account, StoreError> {
    let id = AccountId::new();
    let now = crate::clock::written_at_ms();
    let inserted = sqlx::query(
        "INSERT INTO accounts (id, email, name, password_hash, language, instance_admin, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(id.as_str())
    .bind(new.email.as_str())
    .bind(new.name.as_str())
    .bind(new.password_hash.map(str::to_owned))
    .bind(new.language.code())
    .bind(i64::from(new.instance_admin))
    .bind(now)
    .execute(&mut **tx)
    .await;
    match inserted {
        Err(e) if StoreError::is_unique_violation(&e) => return Err(StoreError::EmailTaken),
        other => other?,
    };
    let account = Account {
        id,
        email: new.email.clone(),
        name: new.name.as_str().to_owned(),
        language: new.language,
        instance_admin: new.instance_admin,
        password_hash: new.password_hash.map(str::to_owned),
        sessions_valid_after: 0,
    };
    audit::record(
        tx,
        Change {
            coop: None,
            actor: Some(actor.unwrap_or(&account.id)),
            record_kind: "account",
            record_id: account.id.as_str(),
            action: AuditAction::Created,
            before: None,
            after: Some(account.audit_view()),
        },
    )
    .await?;
    Ok(account)
}

pub(crate) async fn by_email_in(
    tx: &mut Tx,
    email: &EmailAddress,
) -> Result<Option<Account>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1"
    )))
    .bind(email.as_str())
    .fetch_optional(&mut **tx)
    .await?;
    row.as_ref().map(account_from_row).transpose()
}

impl Store {
    pub async fn create_account(
        &self,
        actor: Option<&AccountId>,
        new: NewAccount<'_>,
    ) -> Result<Account, StoreError> {
        let mut tx = self.begin().await?;
        let account = create_in(&mut tx, actor, new).await?;
        tx.commit().await?;
        Ok(account)
    }

    pub async fn account(&self, id: &AccountId) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"
        )))
        .bind(id.as_str())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(account_from_row).transpose()
    }

    pub async fn account_by_email(
        &self,
        email: &EmailAddress,
    ) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1"
        )))
        .bind(email.as_str())
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(account_from_row).transpose()
    }

    /// Changes a person's name, email and language.
    pub async fn update_profile(
        &self,
        id: &AccountId,
        name: &PersonName,
        email: &EmailAddress,
        language: Language,
    ) -> Result<Account, StoreError> {
        let mut tx = self.begin().await?;
        let before = lock_account(&mut tx, id).await?;
        let updated = sqlx::query("UPDATE accounts SET name = $1, email = $2, language = $3, updated_at = $4 WHERE id = $5")
            .bind(name.as_str())
            .bind(email.as_str())
            .bind(language.code())
            .bind(self.now_ms())
            .bind(id.as_str())
            .execute(&mut *tx)
            .await;
        match updated {
            Err(e) if StoreError::is_unique_violation(&e) => return Err(StoreError::EmailTaken),
            other => other?,
        };
        let after = Account {
            name: name.as_str().to_owned(),
            email: email.clone(),
            language,
            ..before.clone()
        };
        audit_account_update(&mut tx, id, &before, &after).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Sets a new password hash and ends every session but `keep_session`
    /// (the one the person is using, if any), so a stolen session dies with
    /// the old password.
    pub async fn set_password(
        &self,
        id: &AccountId,
        password_hash: &str,
        keep_session: Option<&str>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        set_password_in(&mut tx, id, id, password_hash, keep_session).await?;
        tx.commit().await?;
        Ok(())
    }
}

pub(crate) async fn lock_account(tx: &mut Tx, id: &AccountId) -> Result<Account, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"
    )))
    .bind(id.as_str())
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    account_from_row(&row)
}

async fn audit_account_update(
    tx: &mut Tx,
    actor: &AccountId,
    before: &Account,
    after: &Account,
) -> Result<(), StoreError> {
    audit::record(
        tx,
        Change {
            coop: None,
            actor: Some(actor),
            record_kind: "account",
            record_id: before.id.as_str(),
            action: AuditAction::Updated,
            before: Some(before.audit_view()),
            after: Some(after.audit_view()),
        },
    )
    .await
}

pub(crate) async fn set_password_in(
    tx: &mut Tx,
    actor: &AccountId,
    id: &AccountId,
    password_hash: &str,
    keep_session: Option<&str>,
) -> Result<(), StoreError> {
    let before = lock_account(tx, id).await?;
    sqlx::query("UPDATE accounts SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(crate::clock::written_at_ms())
        .bind(id.as_str())
        .execute(&mut **tx)
        .await?;
    crate::sessions::end_all_but_in(tx, id, keep_session).await?;
    let after = Account {
        password_hash: Some(password_hash.to_owned()),
        ..before.clone()
    };
    let mut before_view = before.audit_view();
    let mut after_view = after.audit_view();
    // The hash itself is never recorded; that it changed is.
    before_view["password_changed"] = json!(false);
    after_view["password_changed"] = json!(true);
    audit::record(
        tx,
        Change {
            coop: None,
            actor: Some(actor),
            record_kind: "account",
            record_id: id.as_str(),
            action: AuditAction::Updated,
            before: Some(before_view),
            after: Some(after_view),
        },
    )
    .await
}

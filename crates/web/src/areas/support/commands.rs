//! The actions on the people a co-operative supports, shared by the page
//! and the API: add a supported person (within the four-person rule), and
//! end their support.

use axum::http::StatusCode;
use cylch_domain::{FieldError, Language, PersonName};
use cylch_governance::support::{CapacityChoice, SupportRefusal};
use cylch_store::support::{NewSupportedPerson, SupportError, SupportedPerson, parse_end_reason};
use cylch_store::{AccountId, CoopScope, StoreError};

use crate::AppState;
use crate::common::error::AppError;
use crate::common::fields::parse_date;
use crate::common::problems::Problems;
use crate::common::refusal::{Explain, Refusal};

/// Why an action was not taken.
#[derive(Debug)]
pub enum Refused {
    /// Problems with the fields, each at its own (named as the API names
    /// them).
    Fields(Problems),
    /// A refusal under the rules, said whole (`message`) and line by line
    /// (the rule, then each choice open to the members).
    Rule {
        refusal: Refusal,
        lines: Vec<String>,
    },
    Failed(AppError),
}

impl From<StoreError> for Refused {
    fn from(err: StoreError) -> Refused {
        Refused::Failed(err.into())
    }
}

impl Explain for SupportError {
    fn explain(self, state: &AppState, language: Language) -> Result<Refusal, AppError> {
        match self {
            SupportError::Refused(refusal) => {
                Ok(
                    Refusal::rule(state, language, refusal.code(), refusal.code())
                        .with_status(StatusCode::CONFLICT),
                )
            }
            SupportError::CannotEnd(err) => {
                Ok(Refusal::rule(state, language, err.code(), err.code())
                    .with_status(StatusCode::CONFLICT)
                    .at("ends_on"))
            }
            SupportError::NotAMemberHere => Ok(Refusal::rule(
                state,
                language,
                "support-not-member-here",
                "support-not-member-here",
            )
            .at("member_account")),
            SupportError::MemberAlreadySupported => Ok(Refusal::rule(
                state,
                language,
                "support-member-already-supported",
                "support-member-already-supported",
            )
            .at("member_account")),
            SupportError::Store(StoreError::NotFound) => Err(AppError::NOT_FOUND),
            SupportError::Store(err) => Err(err.into()),
        }
    }
}

/// A refusal about one field typed is a problem with that field, shown
/// with any others; a refusal under the rules is said whole (at its field
/// on a page, where it has one).
fn refused(refusal: Refusal, mut errors: Problems) -> Refused {
    match refusal.field {
        Some(field) if refusal.status == StatusCode::UNPROCESSABLE_ENTITY => {
            errors.add(field, refusal.code);
            Refused::Fields(errors)
        }
        _ => Refused::Rule {
            lines: vec![refusal.message.clone()],
            refusal,
        },
    }
}

/// A person to support, as typed.
#[derive(Debug, Default)]
pub struct AddSupportedPerson<'a> {
    pub name: &'a str,
    /// The person's own account, when they are a member; blank for none.
    pub member_account: Option<&'a str>,
    /// The member who represents them; blank for none.
    pub represented_by: Option<&'a str>,
    pub starts_on: &'a str,
    pub language: Language,
}

/// An account named by its id, or none when blank.
fn account(raw: Option<&str>) -> Result<Option<AccountId>, FieldError> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(raw) => AccountId::parse(raw)
            .map(Some)
            .ok_or(FieldError::UnknownChoice),
    }
}

/// Adds a person the co-operative supports, within the four-person rule.
pub async fn add_supported_person(
    state: &AppState,
    scope: &CoopScope,
    input: AddSupportedPerson<'_>,
) -> Result<SupportedPerson, Refused> {
    let mut errors = Problems::default();
    let name = errors.check("name", PersonName::parse(input.name));
    let starts = errors.check("starts_on", parse_date(input.starts_on));
    let member = errors.check("member_account", account(input.member_account));
    let represented = errors.check("represented_by", account(input.represented_by));
    let (Some(name), Some(starts), Some(member), Some(represented), true) =
        (name, starts, member, represented, errors.is_empty())
    else {
        return Err(Refused::Fields(errors));
    };
    let added = state
        .store
        .add_supported_person(
            scope,
            NewSupportedPerson {
                name: name.as_str(),
                member_account: member.as_ref(),
                represented_by: represented.as_ref(),
                starts_on: starts,
            },
        )
        .await;
    match added {
        Ok(person) => Ok(person),
        Err(SupportError::Refused(refusal)) => {
            let (people, _) = state.store.support_register(scope).await?;
            let names = |id: &str| {
                people
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.name.clone())
                    .unwrap_or_default()
            };
            let lines = explain_limit(state, input.language, &refusal, &names);
            let mut said = SupportError::Refused(refusal)
                .explain(state, input.language)
                .map_err(Refused::Failed)?;
            said.message = lines.join(" ");
            Err(Refused::Rule {
                refusal: said,
                lines,
            })
        }
        Err(err) => match err.explain(state, input.language) {
            Ok(refusal) => Err(refused(refusal, errors)),
            Err(failed) => Err(Refused::Failed(failed)),
        },
    }
}

/// The end of a person's support, as typed.
#[derive(Debug, Default)]
pub struct EndSupport<'a> {
    /// The supported person's id.
    pub person: &'a str,
    pub ends_on: &'a str,
    /// One of the end reasons' codes.
    pub reason: &'a str,
    /// The problems of the form of this person's row, on a page.
    pub row: Option<&'a str>,
    pub language: Language,
}

/// Ends a person's support; the entry stays in the register.
pub async fn end_support(
    state: &AppState,
    scope: &CoopScope,
    input: EndSupport<'_>,
) -> Result<(), Refused> {
    let mut errors = match input.row {
        Some(row) => Problems::for_row(row),
        None => Problems::default(),
    };
    let ends = errors.check("ends_on", parse_date(input.ends_on));
    let reason = errors.check(
        "reason",
        parse_end_reason(input.reason).ok_or(FieldError::UnknownChoice),
    );
    let (Some(ends), Some(reason)) = (ends, reason) else {
        return Err(Refused::Fields(errors));
    };
    match state
        .store
        .end_support(scope, input.person, ends, reason)
        .await
    {
        Ok(()) => Ok(()),
        Err(err) => match err.explain(state, input.language) {
            Ok(refusal) => Err(refused(refusal, errors)),
            Err(failed) => Err(Refused::Failed(failed)),
        },
    }
}

/// The refusal in the person's language: the rule, then each choice open to
/// the members.
fn explain_limit(
    state: &AppState,
    language: Language,
    refusal: &SupportRefusal,
    names: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let i18n = &state.i18n;
    match refusal {
        SupportRefusal::FourPersonLimit {
            current,
            limit,
            busiest_day,
            choices,
            ..
        } => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("limit", i64::from(*limit));
            args.set("current", i64::from(*current));
            args.set("day", busiest_day.strftime("%d/%m/%Y").to_string());
            let mut lines = vec![i18n.format(language, "support-refused-limit", Some(&args))];
            for choice in choices {
                lines.push(match choice {
                    CapacityChoice::EndSomeonesSupport { people } => i18n.with_arg(
                        language,
                        "support-choice-end",
                        "names",
                        &people
                            .iter()
                            .map(|p| names(p.as_str()))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    CapacityChoice::StartLater { first_free_day } => i18n.with_arg(
                        language,
                        "support-choice-later",
                        "day",
                        &first_free_day.strftime("%d/%m/%Y").to_string(),
                    ),
                    CapacityChoice::RegisterWithCiw { .. } => {
                        i18n.text(language, "support-choice-ciw")
                    }
                    CapacityChoice::FormAnotherCoop => {
                        i18n.text(language, "support-choice-another")
                    }
                });
            }
            lines
        }
        other => vec![i18n.text(language, other.code())],
    }
}

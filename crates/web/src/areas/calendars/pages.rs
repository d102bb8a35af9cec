//! The calendars' pages: the feeds a person keeps (a PA their own shifts,
//! a supported person or representative the person's), each with forms to
//! make, replace or stop its secret address; the form for a person's
//! printable rota; and the calendar file itself, which a phone reads with
//! no sign-in.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::Language;
use cylch_domain::policy::{Action, PersonRecord};
use cylch_store::CoopScope;
use cylch_store::calendars::FeedOwner;
use serde::Deserialize;

use crate::AppState;
use crate::areas::calendars::commands::{self, FeedFields, PrintFields, this_monday, webcal_url};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::refusal::Refused;
use crate::common::viewer::Viewer;

/// One feed as the page lists it.
pub struct FeedView {
    pub owner: String,
    pub id: String,
    pub heading: String,
    /// When the live address was made, in words; none while there is none.
    pub live_since: Option<String>,
    /// The address just made, shown once: (https, webcal).
    pub new_url: Option<(String, String)>,
}

pub struct Choice {
    pub id: String,
    pub name: String,
}

/// One co-operative's part of the page.
pub struct Section {
    pub coop_id: String,
    pub coop_name: String,
    pub feeds: Vec<FeedView>,
    /// The people whose rota the viewer may print.
    pub printable: Vec<Choice>,
}

/// What was typed into the print form, to show again.
#[derive(Default)]
pub struct PrintTyped {
    pub person: String,
    pub from: String,
    pub days: String,
}

#[derive(Template)]
#[template(path = "calendars/feeds.html")]
struct FeedsPage {
    chrome: Chrome,
    errors: Problems,
    /// One co-operative's page (with the print form), or every one's.
    single: bool,
    sections: Vec<Section>,
    notice: Option<String>,
    typed: PrintTyped,
}

async fn section(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    new: Option<(&FeedOwner, &str)>,
) -> Result<Section, AppError> {
    let language = viewer.language;
    let i18n = &state.i18n;
    let feeds = state
        .store
        .calendar_feeds(scope)
        .await?
        .into_iter()
        .map(|line| {
            let new_url = new
                .filter(|(owner, _)| **owner == line.owner)
                .map(|(_, url)| (url.to_owned(), webcal_url(url)));
            FeedView {
                heading: i18n.with_arg(
                    language,
                    &format!("calendars-line-{}", line.owner.kind()),
                    "name",
                    &line.name,
                ),
                owner: line.owner.kind().to_owned(),
                id: line.owner.id().to_owned(),
                live_since: line.live_since_ms.map(|ms| when(state, language, ms)),
                new_url,
            }
        })
        .collect();
    let printable = state
        .store
        .visible_people(scope, PersonRecord::Rota)
        .await?
        .into_iter()
        .map(|p| Choice {
            id: p.person().as_str().to_owned(),
            name: p.name().to_owned(),
        })
        .collect();
    Ok(Section {
        coop_id: scope.coop_id().to_string(),
        coop_name: scope.coop().name.clone(),
        feeds,
        printable,
    })
}

fn when(state: &AppState, language: Language, ms: i64) -> String {
    let at = jiff::Timestamp::from_millisecond(ms)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(crate::common::fields::wales());
    format!(
        "{} {}",
        crate::areas::rota::commands::day_words(state, language, at.date()),
        at.strftime("%H:%M")
    )
}

struct Shown<'a> {
    errors: Problems,
    notice: Option<&'a str>,
    new: Option<(&'a FeedOwner, &'a str)>,
    typed: PrintTyped,
}

async fn coop_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    shown: Shown<'_>,
) -> Result<Response, AppError> {
    let mut chrome = Chrome::new(state, viewer, "calendars-title");
    let invalid = !shown.errors.is_empty();
    if invalid {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let typed = PrintTyped {
        from: if shown.typed.from.is_empty() {
            this_monday(state).to_string()
        } else {
            shown.typed.from
        },
        days: if shown.typed.days.is_empty() {
            "7".to_owned()
        } else {
            shown.typed.days
        },
        person: shown.typed.person,
    };
    let page = FeedsPage {
        chrome,
        errors: shown.errors,
        single: true,
        sections: vec![section(state, viewer, scope, shown.new).await?],
        notice: shown.notice.map(|id| state.i18n.text(viewer.language, id)),
        typed,
    };
    if invalid {
        render_invalid(&page)
    } else {
        render(&page)
    }
}

/// Every co-operative's feeds of the person signed in: the page the
/// account page links to.
pub async fn all(State(state): State<AppState>, viewer: ViewerExt) -> Result<Response, AppError> {
    let account = viewer.require_account()?;
    let mut sections = Vec::new();
    for scope in state.store.coops_of(&account.id).await? {
        let s = section(&state, &viewer, &scope, None).await?;
        if !s.feeds.is_empty() || !s.printable.is_empty() {
            sections.push(s);
        }
    }
    render(&FeedsPage {
        chrome: Chrome::new(&state, &viewer, "calendars-title"),
        errors: Problems::default(),
        single: false,
        sections,
        notice: None,
        typed: PrintTyped::default(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneQuery {
    done: String,
}

pub async fn coop(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<DoneQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRota).await?;
    let done = query.map(|Query(q)| q.done).unwrap_or_default();
    let notice = match done.as_str() {
        "revoked" => Some("calendars-revoked"),
        _ => None,
    };
    coop_page(
        &state,
        &viewer,
        &scope,
        Shown {
            errors: Problems::default(),
            notice,
            new: None,
            typed: PrintTyped::default(),
        },
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<FeedFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRota).await?;
    match commands::create_feed(&state, &scope, &form, viewer.language).await {
        // The address is shown on this answer only: it is kept hashed.
        Ok((owner, url)) => {
            coop_page(
                &state,
                &viewer,
                &scope,
                Shown {
                    errors: Problems::default(),
                    notice: Some("calendars-created"),
                    new: Some((&owner, &url)),
                    typed: PrintTyped::default(),
                },
            )
            .await
        }
        Err(refused) => refused_page(&state, &viewer, &scope, refused).await,
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<FeedFields>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRota).await?;
    match commands::revoke_feed(&state, &scope, &form, viewer.language).await {
        Ok(_) => Ok(Redirect::to(&format!("/coops/{id}/calendars?done=revoked")).into_response()),
        Err(refused) => refused_page(&state, &viewer, &scope, refused).await,
    }
}

async fn refused_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    refused: Refused,
) -> Result<Response, AppError> {
    match refused {
        Refused::Fields(errors) => {
            coop_page(
                state,
                viewer,
                scope,
                Shown {
                    errors,
                    notice: None,
                    new: None,
                    typed: PrintTyped::default(),
                },
            )
            .await
        }
        Refused::Rule(refusal) => refusal.to_page(
            state,
            viewer,
            &format!("/coops/{}/calendars", scope.coop_id()),
        ),
        Refused::Failed(err) => Err(err),
    }
}

/// A person's rota as a PDF; with no person chosen, back to the form.
pub async fn print(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    query: Result<Query<PrintFields>, QueryRejection>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRota).await?;
    let fields = query.map(|Query(q)| q).unwrap_or_default();
    if fields.person.trim().is_empty() {
        return Ok(Redirect::to(&format!("/coops/{id}/calendars")).into_response());
    }
    match commands::rota_pdf(&state, &scope, &fields, viewer.language).await {
        Ok((bytes, name)) => Ok((
            [
                (CONTENT_TYPE, "application/pdf".to_owned()),
                (CONTENT_DISPOSITION, format!("inline; filename=\"{name}\"")),
            ],
            bytes,
        )
            .into_response()),
        Err(Refused::Fields(errors)) => {
            coop_page(
                &state,
                &viewer,
                &scope,
                Shown {
                    errors,
                    notice: None,
                    new: None,
                    typed: PrintTyped {
                        person: fields.person,
                        from: fields.from,
                        days: fields.days,
                    },
                },
            )
            .await
        }
        Err(Refused::Rule(refusal)) => {
            refusal.to_page(&state, &viewer, &format!("/coops/{id}/calendars"))
        }
        Err(Refused::Failed(err)) => Err(err),
    }
}

/// The calendar file at a feed's secret address: no sign-in, the secret is
/// the key; anything but a live address is "not found".
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let secret = file.strip_suffix(".ics").ok_or(AppError::NOT_FOUND)?;
    let text = commands::feed_file(&state, secret)
        .await?
        .ok_or(AppError::NOT_FOUND)?;
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8"),
            // Calendars read it again on their own schedule; nothing on the
            // way should keep a copy of someone's whereabouts.
            (CACHE_CONTROL, "private, no-store"),
            (CONTENT_DISPOSITION, "inline; filename=\"cylch-rota.ics\""),
            (axum::http::header::REFERRER_POLICY, "no-referrer"),
        ],
        text,
    )
        .into_response())
}

/// This area's pages.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/calendars", all),
        route("GET", "/calendars/{file}", feed),
        route("GET", "/coops/{id}/calendars", coop),
        route("POST", "/coops/{id}/calendars", create),
        route("POST", "/coops/{id}/calendars/revoke", revoke),
        route("GET", "/coops/{id}/calendars/print", print),
    ]
}

//! The actions on the rota's calendars, shared by the pages and the API:
//! make (or replace) a feed's secret address, revoke it, write the
//! calendar file a live address opens, and make a person's printable rota.

use cylch_documents::ical::{self, CalendarFile, Event, EventTime};
use cylch_documents::pdf;
use cylch_documents::rota::{RotaSheet, SheetCall, SheetDay};
use cylch_domain::Language;
use cylch_domain::policy::PersonRecord;
use cylch_store::CoopScope;
use cylch_store::calendars::{Calendar, CalendarError, FeedOwner, FeedShift, first_name};
use fluent_bundle::{FluentArgs, FluentValue};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::AppState;
use crate::areas::rota::commands::day_words;
use crate::common::error::AppError;
use crate::common::fields::{parse_date, wales};
use crate::common::problems::Problems;
use crate::common::refusal::{Refusal, Refused};

/// Whose feed an action is about.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct FeedFields {
    /// `pa` (a PA's own shifts) or `person` (a supported person's).
    pub owner: String,
    /// The PA's employment id, or the supported person's id.
    pub id: String,
}

fn owner(f: &FeedFields) -> Result<FeedOwner, Refused> {
    FeedOwner::parse(&f.owner, &f.id).ok_or_else(|| {
        let mut errors = Problems::default();
        errors.add("owner", "calendars-error-owner");
        Refused::Fields(errors)
    })
}

/// The address of a feed: what a calendar subscribes to.
pub fn feed_url(state: &AppState, secret: &str) -> String {
    format!(
        "{}/calendars/{secret}.ics",
        state.config.base_url.trim_end_matches('/')
    )
}

/// The same address for the phones that open a `webcal:` link in their
/// calendar, which then subscribes to it.
pub fn webcal_url(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url.to_owned(),
    }
}

/// Makes a new secret address for the feed, ending the old one; returns
/// the address, which is shown once.
pub(crate) async fn create_feed(
    state: &AppState,
    scope: &CoopScope,
    f: &FeedFields,
    language: Language,
) -> Result<(FeedOwner, String), Refused> {
    let owner = owner(f)?;
    let secret = state
        .store
        .create_calendar_feed(scope, &owner)
        .await
        .map_err(|err| refused(state, language, err))?;
    Ok((owner, feed_url(state, &secret)))
}

/// Ends the feed's address: calendars reading it get "not found".
pub(crate) async fn revoke_feed(
    state: &AppState,
    scope: &CoopScope,
    f: &FeedFields,
    language: Language,
) -> Result<FeedOwner, Refused> {
    let owner = owner(f)?;
    state
        .store
        .revoke_calendar_feed(scope, &owner)
        .await
        .map_err(|err| refused(state, language, err))?;
    Ok(owner)
}

fn refused(state: &AppState, language: Language, err: CalendarError) -> Refused {
    match err {
        CalendarError::NotFound => Refused::Failed(AppError::NOT_FOUND),
        CalendarError::NoFeed => Refused::Rule(
            Refusal::rule(state, language, "calendars-no-feed", "calendars-no-feed")
                .with_status(axum::http::StatusCode::CONFLICT),
        ),
        CalendarError::Store(err) => Refused::Failed(err.into()),
    }
}

/// The calendar file a secret opens, or `None` when the address is not (or
/// no longer) live.
pub async fn feed_file(state: &AppState, secret: &str) -> Result<Option<String>, AppError> {
    let Some(calendar) = state.store.calendar_for_secret(secret).await? else {
        return Ok(None);
    };
    Ok(Some(calendar_file(state, &calendar)))
}

fn calendar_file(state: &AppState, calendar: &Calendar) -> String {
    let language = calendar.language;
    let i18n = &state.i18n;
    let name = i18n.with_arg(
        language,
        &format!("calendars-feed-name-{}", calendar.owner.kind()),
        "name",
        &calendar.first_name,
    );
    let events = calendar
        .shifts
        .iter()
        .map(|shift| Event {
            // One UID per shift and feed owner: a phone that reads two
            // feeds (a PA who also acts for someone) keeps both events.
            uid: format!(
                "{}-{}-{}@cylch",
                shift.id,
                calendar.owner.kind(),
                calendar.owner.id()
            ),
            summary: summary(state, calendar, shift),
            start: event_time(shift.start, shift.starts_at_ms),
            end: event_time(shift.end, shift.ends_at_ms),
            cancelled: shift.cancelled,
            sequence: sequence(shift),
            created: instant(shift.created_at_ms),
            modified: instant(shift.updated_at_ms.max(shift.created_at_ms)),
        })
        .collect();
    ical::write(&CalendarFile {
        language,
        name,
        events,
    })
}

fn summary(state: &AppState, calendar: &Calendar, shift: &FeedShift) -> String {
    let language = calendar.language;
    let mut args = FluentArgs::new();
    args.set(
        "kind",
        state
            .i18n
            .text(language, &format!("rota-kind-{}", shift.kind.code())),
    );
    args.set("with", shift.with.join(", "));
    let id = match (&calendar.owner, shift.with.is_empty()) {
        (FeedOwner::Pa(_), _) => "calendars-summary-pa",
        (FeedOwner::Person(_), false) => "calendars-summary-person",
        (FeedOwner::Person(_), true) => "calendars-summary-person-open",
    };
    state.i18n.format(language, id, Some(&args))
}

/// RFC 5545 wants SEQUENCE to grow with each change; the rota keeps when a
/// shift last changed rather than a count, so the seconds from its creation
/// to its last change serve: they grow whenever it changes.
fn sequence(shift: &FeedShift) -> i64 {
    ((shift.updated_at_ms - shift.created_at_ms) / 1000).clamp(0, i64::from(i32::MAX))
}

fn instant(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// A shift's time as the feed writes it: the local time people planned,
/// unless that local time happens twice (the October change) and the
/// second is meant, which only the instant can say.
fn event_time(local: jiff::civil::DateTime, at_ms: i64) -> EventTime {
    let first = local
        .to_zoned_datetime(wales())
        .map(|z| z.timestamp().as_millisecond());
    if first.is_ok_and(|ms| ms == at_ms) {
        EventTime::Local(local)
    } else {
        EventTime::Utc(instant(at_ms))
    }
}

/// What the print form asks for.
#[derive(Debug, Default, Clone, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct PrintFields {
    /// The supported person's id.
    pub person: String,
    /// `YYYY-MM-DD`: the first day; this week's Monday when left out.
    pub from: String,
    /// How many days, 1 to 31; 7 when left out.
    pub days: String,
}

/// The most days one printed rota covers: a month.
pub const MAX_PRINT_DAYS: i64 = 31;

/// This week's Monday in Wales.
pub fn this_monday(state: &AppState) -> jiff::civil::Date {
    let today = state.clock().now().to_zoned_datetime(wales()).date();
    today
        .checked_sub(jiff::Span::new().days(i64::from(today.weekday().to_monday_zero_offset())))
        .unwrap_or(today)
}

/// A person's rota for the days asked for, as a tagged PDF in the
/// reader's language, with the file's name; for whoever may see that
/// person's whole rota.
pub(crate) async fn rota_pdf(
    state: &AppState,
    scope: &CoopScope,
    f: &PrintFields,
    language: Language,
) -> Result<(Vec<u8>, String), Refused> {
    let mut errors = Problems::default();
    let from = match f.from.trim() {
        "" => Some(this_monday(state)),
        raw => errors.check("from", parse_date(raw)),
    };
    let days = match f.days.trim() {
        "" => Some(7),
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=MAX_PRINT_DAYS).contains(&n) => Some(n),
            _ => {
                errors.add("days", "calendars-error-days");
                None
            }
        },
    };
    let (Some(from), Some(days), true) = (from, days, errors.is_empty()) else {
        return Err(Refused::Fields(errors));
    };
    // Not theirs to see reads as not there, as for any other record.
    let person = state
        .store
        .person_scope(scope, &f.person, PersonRecord::Rota)
        .await
        .map_err(|err| match err {
            cylch_store::people::PersonScopeError::Store(e) => Refused::from(e),
            _ => Refused::Failed(AppError::NOT_FOUND),
        })?;
    let shifts = state.store.shifts(scope, from, days).await?;
    let i18n = &state.i18n;
    let t = |id: &str| i18n.text(language, id);
    let mut sheet_days = Vec::new();
    for offset in 0..days {
        let Ok(day) = from.checked_add(jiff::Span::new().days(offset)) else {
            continue;
        };
        let calls = shifts
            .iter()
            .filter(|s| {
                s.day() == day
                    && !s.cancelled
                    && s.people.iter().any(|p| p.id == person.person().as_str())
            })
            .map(|s| {
                let next_day = if s.end.date() > s.start.date() {
                    format!(" {}", t("rota-next-day"))
                } else {
                    String::new()
                };
                SheetCall {
                    times: format!(
                        "{}–{}{next_day}",
                        s.start.strftime("%H:%M"),
                        s.end.strftime("%H:%M")
                    ),
                    kind: t(&format!("rota-kind-{}", s.kind.code())),
                    pa: s
                        .pa
                        .as_ref()
                        .map(|p| first_name(&p.name))
                        .unwrap_or_else(|| t("rota-needs-pa")),
                }
            })
            .collect();
        sheet_days.push(SheetDay {
            day: day_words(state, language, day),
            calls,
        });
    }
    let last = from
        .checked_add(jiff::Span::new().days(days - 1))
        .unwrap_or(from);
    let mut args = FluentArgs::new();
    args.set("from", from.strftime("%d/%m/%Y").to_string());
    args.set("to", last.strftime("%d/%m/%Y").to_string());
    let today = state
        .clock()
        .today_in_wales()
        .strftime("%d/%m/%Y")
        .to_string();
    let sheet = RotaSheet {
        language,
        title: i18n.with_arg(
            language,
            "calendars-print-title",
            "name",
            &first_name(person.name()),
        ),
        subtitles: vec![
            scope.coop().name.clone(),
            i18n.format(language, "calendars-print-days", Some(&args)),
        ],
        generated: i18n.with_arg(language, "documents-made-on", "date", &today),
        heading: t("calendars-print-heading"),
        columns: [
            t("calendars-col-day"),
            t("calendars-col-times"),
            t("calendars-col-kind"),
            t("calendars-col-pa"),
        ],
        nothing_planned: t("calendars-print-nothing"),
        empty: t("calendars-print-nothing"),
        days: sheet_days,
    };
    let document = sheet.document();
    let i18n = state.i18n.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        pdf::render(&document, |page, pages| {
            let mut args = FluentArgs::new();
            args.set("page", FluentValue::from(page));
            args.set("pages", FluentValue::from(pages));
            i18n.format(language, "documents-page-of", Some(&args))
        })
    })
    .await
    .map_err(AppError::from)?
    .map_err(AppError::from)?;
    Ok((bytes, format!("rota-{from}.pdf")))
}

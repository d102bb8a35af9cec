//! The actions on meetings, shared by the pages and the API.

use cylch_store::CoopScope;
use cylch_store::meetings::{MeetingRecord, MeetingStoreError, NewMeeting, parse_kind};

use crate::AppState;
use crate::areas::meetings::pages::{MAX_AGENDA, MAX_PLACE};
use crate::common::fields::{parse_date, parse_time};

/// A problem with one field of an action's input: the field's name as the
/// API knows it and the message id that says what to do.
pub type Problem = (&'static str, &'static str);

/// Why an action was not taken: problems with what was typed, shown at
/// their fields, or the store's refusal (which each front answers in its
/// own way, and never as "something went wrong" unless the database
/// failed).
#[derive(Debug)]
pub enum Refused {
    Fields(Vec<Problem>),
    Store(MeetingStoreError),
}

/// A meeting as the person asks for it, as typed.
#[derive(Debug, Default)]
pub struct ScheduleMeeting<'a> {
    /// `annual_general`, `general` or `committee`.
    pub kind: &'a str,
    /// `YYYY-MM-DD`, today or later.
    pub date: &'a str,
    /// `HH:MM`, the time in Wales.
    pub starts_at: &'a str,
    pub place: &'a str,
    /// The agenda: an item a line, however the lines come; blank ones are
    /// dropped.
    pub agenda: Vec<String>,
    /// Undecided proposals to decide at the meeting.
    pub proposals: &'a [String],
}

/// Schedules a meeting. Every problem with the fields is found at once, so
/// that the person can mend them together.
pub async fn schedule_meeting(
    state: &AppState,
    scope: &CoopScope,
    input: ScheduleMeeting<'_>,
) -> Result<MeetingRecord, Refused> {
    let mut problems = Vec::new();
    let kind = parse_kind(input.kind.trim());
    if kind.is_none() {
        problems.push(("kind", "meetings-error-kind"));
    }
    let date = parse_date(input.date).ok();
    match date {
        None => problems.push(("date", "meetings-error-date")),
        Some(date) if date < state.clock().today_in_wales() => {
            problems.push(("date", "meetings-error-date-past"));
        }
        Some(_) => {}
    }
    let time = parse_time(input.starts_at);
    if time.is_none() {
        problems.push(("starts_at", "meetings-error-time"));
    }
    let place = input.place.trim();
    if place.is_empty() {
        problems.push(("place", "meetings-error-place"));
    } else if place.chars().count() > MAX_PLACE {
        problems.push(("place", "meetings-error-place-long"));
    }
    // An item a line: the page sends the agenda as one text, and an API
    // client's item with line breaks in it is several items, as it always was.
    let agenda: Vec<String> = input
        .agenda
        .iter()
        .flat_map(|item| item.lines())
        .map(|line| line.trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect();
    // The limit is on what the agenda says, not on the blank lines and
    // spaces between its items, so a pasted agenda counts as a typed one.
    if agenda.iter().map(|i| i.chars().count()).sum::<usize>() > MAX_AGENDA {
        problems.push(("agenda", "meetings-error-agenda-long"));
    } else if agenda.is_empty() && input.proposals.is_empty() {
        problems.push(("agenda", "meetings-error-agenda"));
    }
    let (Some(kind), Some(date), Some(starts_at), true) = (kind, date, time, problems.is_empty())
    else {
        return Err(Refused::Fields(problems));
    };
    state
        .store
        .schedule_meeting(
            scope,
            NewMeeting {
                kind,
                date,
                starts_at,
                place,
                agenda: &agenda,
                proposals: input.proposals,
            },
        )
        .await
        .map_err(|err| match err {
            MeetingStoreError::UnknownProposal => {
                Refused::Fields(vec![("proposals", "meetings-error-proposal")])
            }
            err => Refused::Store(err),
        })
}

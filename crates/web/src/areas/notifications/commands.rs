//! The actions on a person's notifications, shared by the page and the
//! API: marking one read, and saving what they hear of by email.

use std::collections::BTreeMap;

use cylch_store::notifications::NotificationKind;
use cylch_store::{AccountId, CoopScope};

use crate::AppState;
use crate::common::error::AppError;

/// Marks one of the person's notifications read. One that is not there, or
/// is someone else's, is "not found"; one already read stays read.
pub async fn mark_read(state: &AppState, account: &AccountId, id: &str) -> Result<(), AppError> {
    Ok(state.store.mark_notification_read(account, id).await?)
}

/// Whether the person hears of each kind by email from this co-operative.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmailChoices {
    pub new_proposal: bool,
    pub vote_closing: bool,
    pub meeting_notice: bool,
    pub result: bool,
}

impl EmailChoices {
    fn by_kind(self) -> BTreeMap<NotificationKind, bool> {
        [
            (NotificationKind::NewProposal, self.new_proposal),
            (NotificationKind::VoteClosing, self.vote_closing),
            (NotificationKind::MeetingNotice, self.meeting_notice),
            (NotificationKind::Result, self.result),
        ]
        .into_iter()
        .collect()
    }
}

/// Saves the person's choices of email in the co-operative of `scope`,
/// kind by kind.
pub async fn save_email_choices(
    state: &AppState,
    scope: &CoopScope,
    choices: EmailChoices,
) -> Result<(), AppError> {
    Ok(state
        .store
        .set_notification_settings(scope, &choices.by_kind())
        .await?)
}

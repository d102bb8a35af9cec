//! Telling members: the notifications the store writes, as lines on the
//! home page and as emails in each member's own language.
//!
//! `cylch serve` runs [`run`] in the background: every minute it writes the
//! reminders for votes closing within a day and sends the emails waiting.
//! Every app server may run it; the store lets only one claim each email.

use std::time::Duration;

use cylch_domain::Language;
use cylch_store::notifications::{Notification, Subject};

use crate::AppState;
use crate::common::mail::OutgoingEmail;

/// How often the background task looks for work.
pub const INTERVAL: Duration = Duration::from_secs(60);

/// The path of the page a notification is about.
pub fn link(notification: &Notification) -> String {
    match &notification.subject {
        Subject::Proposal { id, .. } => {
            format!("/coops/{}/proposals/{id}", notification.coop_id)
        }
        Subject::Meeting { id, .. } => format!("/coops/{}/meetings/{id}", notification.coop_id),
    }
}

/// One line saying what happened, in `language`.
pub fn headline(state: &AppState, language: Language, notification: &Notification) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("coop", notification.coop_name.clone());
    match &notification.subject {
        Subject::Proposal { title, .. } => args.set("title", title.clone()),
        Subject::Meeting { kind, date, .. } => {
            args.set(
                "meeting",
                state.i18n.text(language, &format!("notify-meeting-{kind}")),
            );
            args.set("date", date.strftime("%d/%m/%Y").to_string());
        }
    }
    let id = format!("notify-{}", notification.kind.code());
    state.i18n.format(language, &id, Some(&args))
}

/// Sends the emails waiting, at most `limit`; returns how many were sent.
/// One that cannot be sent is logged and not tried again, so a bad address
/// never holds up the rest.
pub async fn deliver(state: &AppState, limit: i64) -> Result<usize, cylch_store::StoreError> {
    let mut sent = 0;
    for email in state.store.claim_emails(limit).await? {
        let language = email.language;
        let headline = headline(state, language, &email.notification);
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("name", email.name.clone());
        args.set("headline", headline.clone());
        args.set(
            "link",
            format!("{}{}", state.config.base_url, link(&email.notification)),
        );
        args.set(
            "settings",
            format!(
                "{}/coops/{}/notifications",
                state.config.base_url, email.notification.coop_id
            ),
        );
        let body = state
            .i18n
            .format(language, "notify-email-body", Some(&args));
        match state
            .mailer
            .send(&OutgoingEmail {
                to: email.to.clone(),
                subject: headline,
                body,
            })
            .await
        {
            Ok(()) => sent += 1,
            Err(err) => tracing::warn!(
                notification = email.notification.id,
                error = %err,
                "a notification email could not be sent"
            ),
        }
    }
    Ok(sent)
}

/// One round of the background work: invitations to people the members
/// have voted to admit, reminders, then emails.
pub async fn tick(state: &AppState) -> Result<usize, cylch_store::StoreError> {
    for (invitation, secret) in state.store.invite_admitted().await? {
        // The invitation is recorded; if the email fails, an officer can
        // invite the person again from the co-operative's page.
        if let Err(err) =
            crate::areas::admin::commands::send_invitation(state, &invitation, &secret).await
        {
            tracing::warn!(invitation = invitation.id, error = ?err, "an admitted member's invitation could not be sent");
        }
    }
    state
        .store
        .remind_closing_votes(state.clock().now())
        .await?;
    let mut sent = 0;
    loop {
        let batch = deliver(state, 100).await?;
        sent += batch;
        if batch < 100 {
            return Ok(sent);
        }
    }
}

/// How many rounds of [`tick`] pass between looks at the rota for PAs
/// who may no longer work their shifts: hourly, since checks run out by
/// the day and the look reads every shift to come.
const ROUNDS_PER_ROTA_SWEEP: u32 = 60;

/// Runs [`tick`] every [`INTERVAL`] until the process ends, and takes PAs
/// off shifts they may no longer work when it starts and every hour.
pub async fn run(state: AppState) {
    let mut timer = tokio::time::interval(INTERVAL);
    let mut round = 0;
    loop {
        timer.tick().await;
        if let Err(err) = tick(&state).await {
            tracing::warn!(error = %err, "notifications could not be processed this time");
        }
        if round % ROUNDS_PER_ROTA_SWEEP == 0
            && let Err(err) = crate::areas::rota::commands::take_unfit_off_shifts(&state).await
        {
            tracing::warn!(error = %err, "the rota could not be checked for PAs who may no longer work this time");
        }
        round = round.wrapping_add(1);
    }
}

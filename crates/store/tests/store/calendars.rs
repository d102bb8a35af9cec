//! The rota's calendar feeds in the store, on SQLite and PostgreSQL: who
//! keeps which feed, what a feed's secret opens (first names only, a PA's
//! own shifts and the ones they left as cancelled, a person's own shifts),
//! and that replacing or revoking a feed closes its old address, audited.

use cylch_domain::Language;
use cylch_employment::particulars::Statement;
use cylch_employment::rostering::ShiftKind;
use cylch_store::EmploymentId;
use cylch_store::calendars::{CalendarError, FeedOwner};
use cylch_store::rota::NewShift;
use cylch_store::testing::count_raw;

use super::employment::{Family, all_checks, d, facts, family, hire_both, megan_record};
use super::*;

fn shift(start: &str, end: &str, people: &[&str], pa: Option<&EmploymentId>) -> NewShift {
    NewShift {
        start: start.parse().unwrap(),
        end: end.parse().unwrap(),
        kind: ShiftKind::Day,
        break_minutes: 0,
        people: people.iter().map(|p| (*p).to_owned()).collect(),
        pa: pa.cloned(),
    }
}

/// Megan, ready to work: every check and her statement acknowledged.
async fn ready_megan(store: &Store, f: &Family) -> EmploymentId {
    let (megan, _) = hire_both(store, f).await;
    all_checks(store, f, &megan.id, d(2026, 3, 1)).await;
    let v1 = store
        .issue_statement(
            &f.chair,
            &megan.id,
            Statement::build(&megan_record(), &facts()),
            Language::Cy,
        )
        .await
        .unwrap();
    store
        .acknowledge_statement(&f.pa, &megan.id, v1.version)
        .await
        .unwrap();
    megan.id
}

async fn feed_audits(store: &Store) -> i64 {
    count_raw(
        store,
        "SELECT COUNT(*) FROM audit_log WHERE record_kind = 'calendar_feed'",
    )
    .await
}

on_both_databases!(each_feed_is_kept_by_its_own_people_only, |store| {
    let f = family(&store).await;
    let megan = ready_megan(&store, &f).await;
    let owners = |lines: Vec<cylch_store::calendars::FeedLine>| -> Vec<FeedOwner> {
        lines.into_iter().map(|l| l.owner).collect()
    };
    assert_eq!(
        owners(store.calendar_feeds(&f.pa).await.unwrap()),
        vec![FeedOwner::Pa(megan.clone())]
    );
    assert_eq!(
        owners(store.calendar_feeds(&f.sioned).await.unwrap()),
        vec![FeedOwner::Person(f.sioned_id.clone())]
    );
    assert_eq!(
        owners(store.calendar_feeds(&f.rep).await.unwrap()),
        vec![FeedOwner::Person(f.tomos_id.clone())]
    );
    // The officers see the rota signed in; a feed is not theirs to hold.
    assert!(store.calendar_feeds(&f.chair).await.unwrap().is_empty());
    assert!(store.calendar_feeds(&f.other).await.unwrap().is_empty());
    for (scope, owner) in [
        (&f.chair, FeedOwner::Pa(megan.clone())),
        (&f.other, FeedOwner::Person(f.sioned_id.clone())),
        (&f.rep, FeedOwner::Person(f.sioned_id.clone())),
        (&f.pa, FeedOwner::Person(f.tomos_id.clone())),
    ] {
        assert!(matches!(
            store.create_calendar_feed(scope, &owner).await,
            Err(CalendarError::NotFound)
        ));
    }
    assert_eq!(feed_audits(&store).await, 0);
});

on_both_databases!(a_feed_shows_its_owners_shifts_by_first_name, |store| {
    let f = family(&store).await;
    let megan = ready_megan(&store, &f).await;
    let (mine, _) = store
        .add_shift(
            &f.chair,
            &shift(
                "2026-06-01T08:00",
                "2026-06-01T12:00",
                &[&f.sioned_id],
                Some(&megan),
            ),
        )
        .await
        .unwrap();
    let (left, _) = store
        .add_shift(
            &f.chair,
            &shift(
                "2026-06-02T08:00",
                "2026-06-02T12:00",
                &[&f.sioned_id],
                Some(&megan),
            ),
        )
        .await
        .unwrap();
    let (tomoss, _) = store
        .add_shift(
            &f.chair,
            &shift("2026-06-01T09:00", "2026-06-01T11:00", &[&f.tomos_id], None),
        )
        .await
        .unwrap();
    // Megan is taken off the second: her calendar must drop it.
    store.unassign_shift(&f.chair, &left.id).await.unwrap();

    let secret = store
        .create_calendar_feed(&f.pa, &FeedOwner::Pa(megan.clone()))
        .await
        .unwrap();
    let calendar = store.calendar_for_secret(&secret).await.unwrap().unwrap();
    assert_eq!(calendar.first_name, "Megan");
    assert_eq!(calendar.owner, FeedOwner::Pa(megan.clone()));
    assert_eq!(calendar.language, Language::En);
    let shifts: Vec<_> = calendar
        .shifts
        .iter()
        .map(|s| (s.id.clone(), s.cancelled, s.with.clone()))
        .collect();
    assert_eq!(
        shifts,
        vec![
            (mine.id.clone(), false, vec!["Sioned".to_owned()]),
            (left.id.clone(), true, vec!["Sioned".to_owned()]),
        ],
        "Megan's feed has her shifts, the one she left as cancelled, and never Tomos's"
    );

    // Tomos's feed, kept by his representative: his shift, with no PA
    // yet; once cancelled, it says so.
    store.cancel_shift(&f.chair, &tomoss.id).await.unwrap();
    let secret = store
        .create_calendar_feed(&f.rep, &FeedOwner::Person(f.tomos_id.clone()))
        .await
        .unwrap();
    let calendar = store.calendar_for_secret(&secret).await.unwrap().unwrap();
    assert_eq!(calendar.first_name, "Tomos");
    assert_eq!(calendar.shifts.len(), 1);
    assert_eq!(calendar.shifts[0].id, tomoss.id);
    assert!(calendar.shifts[0].cancelled);
    assert!(calendar.shifts[0].with.is_empty());

    // Sioned's: both of hers, Megan by her first name on the first.
    let secret = store
        .create_calendar_feed(&f.sioned, &FeedOwner::Person(f.sioned_id.clone()))
        .await
        .unwrap();
    let calendar = store.calendar_for_secret(&secret).await.unwrap().unwrap();
    let with: Vec<Vec<String>> = calendar.shifts.iter().map(|s| s.with.clone()).collect();
    assert_eq!(with, vec![vec!["Megan".to_owned()], vec![]]);
});

on_both_databases!(replacing_or_revoking_a_feed_closes_its_address, |store| {
    let f = family(&store).await;
    let megan = ready_megan(&store, &f).await;
    let owner = FeedOwner::Pa(megan.clone());
    let first = store.create_calendar_feed(&f.pa, &owner).await.unwrap();
    assert!(store.calendar_for_secret(&first).await.unwrap().is_some());
    let lines = store.calendar_feeds(&f.pa).await.unwrap();
    assert!(lines[0].live_since_ms.is_some());

    let second = store.create_calendar_feed(&f.pa, &owner).await.unwrap();
    assert_ne!(first, second);
    assert!(store.calendar_for_secret(&first).await.unwrap().is_none());
    assert!(store.calendar_for_secret(&second).await.unwrap().is_some());

    store.revoke_calendar_feed(&f.pa, &owner).await.unwrap();
    assert!(store.calendar_for_secret(&second).await.unwrap().is_none());
    assert!(matches!(
        store.revoke_calendar_feed(&f.pa, &owner).await,
        Err(CalendarError::NoFeed)
    ));
    let lines = store.calendar_feeds(&f.pa).await.unwrap();
    assert!(lines[0].live_since_ms.is_none());
    // Two made, two ended (one by the replacement), each audited; the rows
    // are kept, and no secret is kept in clear.
    assert_eq!(feed_audits(&store).await, 4);
    assert_eq!(
        count_raw(&store, "SELECT COUNT(*) FROM calendar_feeds").await,
        2
    );
    for secret in [&first, &second] {
        let clear = format!("SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = '{secret}'");
        assert_eq!(count_raw(&store, &clear).await, 0);
        let audit = format!("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%{secret}%'");
        assert_eq!(count_raw(&store, &audit).await, 0);
    }
    // Nothing that is not a secret's shape opens anything.
    for junk in ["", "abc", &"0".repeat(64), &first.to_uppercase()] {
        assert!(store.calendar_for_secret(junk).await.unwrap().is_none());
    }
});

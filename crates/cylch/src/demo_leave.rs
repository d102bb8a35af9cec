//! The demo's holiday and absence: Elin's holiday, approved by Megan whom
//! she supports; Dafydd's, awaiting Rhys's decision; and Siân's sickness
//! last week, long enough to need the fit note she has brought in.

use cylch_domain::EmailAddress;
use cylch_employment::absence::{Amount, Sickness};
use cylch_employment::holiday::leave_year_containing;
use cylch_employment::text::Text;
use cylch_payroll::Date;
use cylch_payroll::holiday::HOUR;
use cylch_store::employment::EmploymentEntry;
use cylch_store::employment::leave::{DEFAULT_LEAVE_YEAR_START, Decision, NewHoliday};
use cylch_store::{CoopScope, EmploymentId, Store};

use crate::demo::DemoError;

fn data(e: impl std::fmt::Display) -> DemoError {
    DemoError::Data(e.to_string())
}

/// The employment of the PA called `name`, as the chair sees it.
async fn employment(
    store: &Store,
    chair: &CoopScope,
    name: &str,
) -> Result<EmploymentId, DemoError> {
    store
        .employments(chair)
        .await?
        .into_iter()
        .find_map(|e| match e {
            EmploymentEntry::Full(r) if r.employment.name.as_str() == name => Some(r.id),
            _ => None,
        })
        .ok_or_else(|| data(format!("no PA called {name}")))
}

/// The demo member signed in by `email`, in the chair's co-operative.
async fn member(store: &Store, chair: &CoopScope, email: &str) -> Result<CoopScope, DemoError> {
    let address = EmailAddress::parse(email).map_err(|e| data(format!("{e:?}")))?;
    let account = store
        .account_by_email(&address)
        .await?
        .ok_or_else(|| data(format!("no account {email}")))?;
    store
        .scope(&account.id, chair.coop_id())
        .await?
        .ok_or_else(|| data(format!("{email} is not a member")))
}

/// `days` working days from `offset` days after today, moved to the start
/// of the next leave year if they would run over its end.
fn holiday(today: Date, offset: i64, length: i64, note: &str) -> Result<NewHoliday, DemoError> {
    let mut first = today.add_days(offset).map_err(data)?;
    let (month, day) = DEFAULT_LEAVE_YEAR_START;
    let year = leave_year_containing(month, day, first).map_err(data)?;
    if first.add_days(length - 1).map_err(data)? > year.last {
        first = year.last.add_days(1).map_err(data)?;
    }
    Ok(NewHoliday {
        first,
        last: first.add_days(length - 1).map_err(data)?,
        amount: Amount::Days(length * HOUR),
        note: Some(Text::parse(note).map_err(data)?),
    })
}

pub async fn take_leave(store: &Store, chair: &CoopScope) -> Result<(), DemoError> {
    let now = store.clock().today_in_wales();
    let today = Date::new(
        i32::from(now.year()),
        u32::try_from(now.month()).unwrap_or(1),
        u32::try_from(now.day()).unwrap_or(1),
    )
    .map_err(data)?;

    let elin = member(store, chair, "elin@demo.cylch.example").await?;
    let elin_id = employment(store, chair, "Elin Lewis").await?;
    let asked = store
        .request_holiday(
            &elin,
            &elin_id,
            &holiday(today, 21, 2, "A weekend away with my sister")?,
        )
        .await
        .map_err(data)?;
    let megan = member(store, chair, "megan@demo.cylch.example").await?;
    store
        .decide_holiday(&megan, &elin_id, &asked.id, &Decision::Approve)
        .await
        .map_err(data)?;

    let dafydd = member(store, chair, "dafydd@demo.cylch.example").await?;
    let dafydd_id = employment(store, chair, "Dafydd Roberts").await?;
    store
        .request_holiday(&dafydd, &dafydd_id, &holiday(today, 42, 3, "Eisteddfod")?)
        .await
        .map_err(data)?;

    let sian = member(store, chair, "sian@demo.cylch.example").await?;
    let sian_id = employment(store, chair, "Siân Williams").await?;
    store
        .record_sickness(
            &sian,
            &sian_id,
            &Sickness {
                first: today.add_days(-12).map_err(data)?,
                last: Some(today.add_days(-3).map_err(data)?),
                fit_note_received: Some(today.add_days(-4).map_err(data)?),
            },
            Some(&Text::parse("Chest infection").map_err(data)?),
        )
        .await
        .map_err(data)?;
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use cylch_store::employment::leave::{LeaveEntry, RequestState};
    use cylch_store::testing::{Backend, fresh_store};
    use cylch_web::PasswordHasher;

    use super::*;

    #[tokio::test]
    async fn the_demo_has_holiday_approved_and_awaiting_and_a_sickness() {
        let store = fresh_store(Backend::Sqlite).await.unwrap();
        assert!(
            crate::demo::load(&store, &PasswordHasher::new())
                .await
                .unwrap()
        );
        let rhys = store
            .account_by_email(&EmailAddress::parse("rhys@demo.cylch.example").unwrap())
            .await
            .unwrap()
            .unwrap();
        let rhys = store
            .coops_of(&rhys.id)
            .await
            .unwrap()
            .into_iter()
            .next()
            .unwrap();
        let waiting = store.holiday_requests_awaiting(&rhys).await.unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!(waiting[0].pa_name, "Dafydd Roberts");
        let sian = member(&store, &rhys, "sian@demo.cylch.example")
            .await
            .unwrap();
        let sian_id = employment(&store, &sian, "Siân Williams").await.unwrap();
        let LeaveEntry::Full(record) = store.leave(&sian, &sian_id).await.unwrap() else {
            panic!("Siân sees her own leave whole");
        };
        assert!(
            record.sickness[0]
                .sickness
                .needs_fit_note(record.this_year.year.last)
        );
        assert!(record.sickness[0].sickness.fit_note_received.is_some());
        let elin = member(&store, &rhys, "elin@demo.cylch.example")
            .await
            .unwrap();
        let elin_id = employment(&store, &elin, "Elin Lewis").await.unwrap();
        let LeaveEntry::Full(record) = store.leave(&elin, &elin_id).await.unwrap() else {
            panic!("Elin sees her own leave whole");
        };
        assert_eq!(record.requests[0].state, RequestState::Approved);
    }
}

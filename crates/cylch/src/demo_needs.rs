//! The demo's needs and availability, what the rota is planned from: Megan's
//! mornings and teas in Welsh (she asks for a Welsh speaker whenever there
//! is one), Rhys's double-handed hoisted calls and an evening out each
//! Friday, and Tomos's sleep-ins three nights a week with a Welsh speaker
//! required; a Saturday lunch Megan and Rhys share; one morning not needed
//! and one extra trip out. Every PA works the hours of a week a real PA
//! might, one with a day off booked.

use cylch_store::rota::availability::AvailabilityExceptionKind;
use cylch_store::rota::needs::{
    Call, ExceptionInput, ExtraCall, Preferences, RoutineInput, Skill, Times, Weekdays, WelshNeed,
};
use cylch_store::{CoopScope, Store};
use jiff::civil::{Date, Time, Weekday};

use crate::demo::DemoError;

fn data(e: impl std::fmt::Display) -> DemoError {
    DemoError::Data(e.to_string())
}

fn times(from: (i8, i8), to: (i8, i8)) -> Result<Times, DemoError> {
    Ok(Times {
        start: Time::new(from.0, from.1, 0, 0).map_err(data)?,
        end: Time::new(to.0, to.1, 0, 0).map_err(data)?,
    })
}

fn days(list: &[Weekday]) -> Weekdays {
    Weekdays::of(list)
}

const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];
const WEEKDAYS: [Weekday; 5] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
];

#[allow(clippy::too_many_arguments)]
fn routine(
    call: Call,
    weekdays: Weekdays,
    times: Times,
    pas_required: i64,
    skills: Vec<Skill>,
    starts_on: Date,
    shared_with: Vec<String>,
) -> RoutineInput {
    RoutineInput {
        call,
        weekdays,
        times,
        pas_required,
        skills,
        starts_on,
        shared_with,
    }
}

/// Weekly hours of a PA: the days, from (hour, minute), until.
type Hours = (&'static [Weekday], (i8, i8), (i8, i8));

/// Loads the needs of the three people and the availability of every PA.
pub async fn load(store: &Store, scope: &CoopScope, people: [&String; 3]) -> Result<(), DemoError> {
    let today = store.clock().today_in_wales();
    let [megan, rhys, tomos] = people;
    let scope_of = |id: &String| {
        let id = id.clone();
        async move { store.needs_scope(scope, &id).await.map_err(data) }
    };
    let (m, r, t) = (
        scope_of(megan).await?,
        scope_of(rhys).await?,
        scope_of(tomos).await?,
    );

    store
        .set_need_preferences(
            scope,
            &m,
            &Preferences {
                welsh: WelshNeed::Preferred,
                ..Preferences::default()
            },
        )
        .await
        .map_err(data)?;
    store
        .set_need_preferences(
            scope,
            &t,
            &Preferences {
                welsh: WelshNeed::Required,
                ..Preferences::default()
            },
        )
        .await
        .map_err(data)?;

    let morning = store
        .add_routine(
            scope,
            &m,
            &routine(
                Call::Morning,
                days(&WEEK),
                times((7, 30), (9, 30))?,
                1,
                vec![Skill::Medication],
                today,
                vec![],
            ),
        )
        .await
        .map_err(data)?;
    for (person, input) in [
        (
            &m,
            routine(
                Call::Tea,
                days(&WEEK),
                times((17, 0), (19, 0))?,
                1,
                vec![],
                today,
                vec![],
            ),
        ),
        (
            &r,
            routine(
                Call::Morning,
                days(&WEEK),
                times((8, 0), (9, 30))?,
                2,
                vec![Skill::Hoist],
                today,
                vec![],
            ),
        ),
        (
            &r,
            routine(
                Call::Bed,
                days(&WEEK),
                times((21, 0), (22, 0))?,
                2,
                vec![Skill::Hoist],
                today,
                vec![],
            ),
        ),
        (
            &r,
            routine(
                Call::Community,
                days(&[Weekday::Friday]),
                times((18, 0), (22, 0))?,
                1,
                vec![],
                today,
                vec![],
            ),
        ),
        (
            &t,
            routine(
                Call::Morning,
                days(&WEEKDAYS),
                times((7, 0), (8, 30))?,
                1,
                vec![],
                today,
                vec![],
            ),
        ),
        (
            &t,
            routine(
                Call::SleepIn,
                days(&[Weekday::Monday, Weekday::Wednesday, Weekday::Saturday]),
                times((22, 0), (7, 0))?,
                1,
                vec![],
                today,
                vec![],
            ),
        ),
        // One PA takes Megan and Rhys to lunch in town together.
        (
            &m,
            routine(
                Call::Lunch,
                days(&[Weekday::Saturday]),
                times((12, 0), (14, 0))?,
                1,
                vec![],
                today,
                vec![rhys.clone()],
            ),
        ),
    ] {
        store
            .add_routine(scope, person, &input)
            .await
            .map_err(data)?;
    }
    // Megan's morning is not needed next Sunday (she is away with family);
    // Tomos has an extra trip out on the Thursday after.
    let next_sunday = next(today, Weekday::Sunday)?;
    store
        .add_need_exception(
            scope,
            &m,
            &ExceptionInput::Skip {
                date: next_sunday,
                routine: morning,
            },
        )
        .await
        .map_err(data)?;
    store
        .add_need_exception(
            scope,
            &t,
            &ExceptionInput::Extra {
                date: next(next_sunday, Weekday::Thursday)?,
                call: ExtraCall {
                    call: Call::Community,
                    times: times((13, 0), (16, 0))?,
                    pas_required: 1,
                    skills: vec![],
                },
            },
        )
        .await
        .map_err(data)?;

    // Each PA's week, in the order the demo hired them: early shifts,
    // evenings, nights, and Huw's weekends.
    let weeks: [&[Hours]; 6] = [
        &[(&WEEKDAYS, (7, 0), (15, 0))],
        &[(&WEEK, (16, 0), (23, 0))],
        &[
            (
                &[Weekday::Monday, Weekday::Wednesday, Weekday::Saturday],
                (21, 0),
                (8, 0),
            ),
            (&WEEKDAYS, (7, 0), (10, 0)),
        ],
        &[(
            &[
                Weekday::Tuesday,
                Weekday::Thursday,
                Weekday::Friday,
                Weekday::Saturday,
            ],
            (7, 0),
            (22, 0),
        )],
        &[(&WEEK, (7, 0), (13, 0))],
        &[(&[Weekday::Saturday, Weekday::Sunday], (8, 0), (22, 0))],
    ];
    let pas = store.availability_pas(scope).await.map_err(data)?;
    for (n, pa) in pas.iter().enumerate() {
        for (list, from, to) in weeks.get(n % weeks.len()).copied().unwrap_or(&[]) {
            store
                .add_availability(scope, pa, days(list), times(*from, *to)?)
                .await
                .map_err(data)?;
        }
        if n == 0 {
            store
                .add_availability_exception(
                    scope,
                    pa,
                    next(today, Weekday::Wednesday)?,
                    AvailabilityExceptionKind::Unavailable,
                )
                .await
                .map_err(data)?;
        }
    }
    Ok(())
}

/// The first `day` after `from`.
fn next(from: Date, day: Weekday) -> Result<Date, DemoError> {
    let mut d = from.tomorrow().map_err(data)?;
    while d.weekday() != day {
        d = d.tomorrow().map_err(data)?;
    }
    Ok(d)
}

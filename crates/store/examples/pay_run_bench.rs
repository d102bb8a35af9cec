//! Benchmark: a co-operative of 12 PAs paid end to end through the store,
//! from approved timesheets to postings and payments, for a whole tax year
//! (2026-27), each repetition on a fresh database. Run through
//! bench/payroll/run.sh.
//!
//! Each tax month the PAs enter their time and the supported people (or
//! their representatives) approve it; then the month's pay is run: the
//! monthly run and every weekly run whose week ends in that tax month, each
//! `start_pay_run` → `approve_pay_run` (which posts every payslip to the
//! ledger) → `record_pay_run_payment` for the PAs, HMRC and the pension
//! scheme. Only the pay steps are the benchmark; entering and approving
//! time is timed too, but reported apart. Because the year is run month by
//! month on one database, month 12 is a run after eleven months of earlier
//! runs: the figure that shows whether a run's cost grows with history.
//!
//! SQLite is a file database in a temporary folder, as `cylch serve` uses.
//! PostgreSQL is timed too when `CYLCH_TEST_POSTGRES_URL` is set, each
//! repetition in a new schema, dropped afterwards.
//!
//! Arguments: `--repeats N` (default 5), `--postgres-only`, `--sqlite-only`,
//! and `--analyze`, which runs `ANALYZE` (untimed) before each month's pay:
//! how the runs fare when the query planner has statistics.
//! `CYLCH_BENCH_KEEP=path` copies the last SQLite database there and keeps
//! the PostgreSQL schemas (named on stderr), to read the query plans on a
//! year's data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use cylch_domain::{
    CoopKind, CoopName, CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName,
};
use cylch_employment::employment::{
    Engagement, Hours, Household, PensionChoice, Rates, Starter, StarterDeclaration,
};
use cylch_employment::text::Text;
use cylch_employment::timesheet::{Figures, LineKind};
use cylch_employment::{Employment, NiNumber};
use cylch_payroll::{Date, Frequency, Period, TaxCode, TaxYear};
use cylch_store::accounts::NewAccount;
use cylch_store::employment::PaDetails;
use cylch_store::payroll::Payee;
use cylch_store::support::NewSupportedPerson;
use cylch_store::testing::TempDir;
use cylch_store::timesheets::NewLine;
use cylch_store::{AccountId, CoopScope, EmploymentId, Store};

const YEAR: TaxYear = TaxYear::Y2026_27;

/// The four people the co-operative supports (a family co-operative may
/// support at most four): who they are and who approves their time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Sioned,
    Tomos,
    Gwen,
    Dafydd,
}

/// One stretch of a PA's regular week: on `weekday` (0 = Monday), from
/// `start` to `end` (hours and minutes, local time; an end before the
/// start is the next morning), for `people`.
struct Stretch {
    weekday: u32,
    start: (u8, u8),
    end: (u8, u8),
    break_minutes: i64,
    kind: LineKind,
    woken_minutes: i64,
    people: &'static [Who],
}

const fn day(weekday: u32, start: (u8, u8), end: (u8, u8), people: &'static [Who]) -> Stretch {
    Stretch {
        weekday,
        start,
        end,
        break_minutes: 0,
        kind: LineKind::Day,
        woken_minutes: 0,
        people,
    }
}

const fn with_break(s: Stretch, minutes: i64) -> Stretch {
    Stretch {
        break_minutes: minutes,
        ..s
    }
}

const fn sleep_in(weekday: u32, woken_minutes: i64, people: &'static [Who]) -> Stretch {
    Stretch {
        weekday,
        start: (22, 0),
        end: (7, 0),
        break_minutes: 0,
        kind: LineKind::SleepIn,
        woken_minutes,
        people,
    }
}

const fn waking_night(weekday: u32, people: &'static [Who]) -> Stretch {
    Stretch {
        weekday,
        start: (22, 0),
        end: (7, 0),
        break_minutes: 0,
        kind: LineKind::WakingNight,
        woken_minutes: 0,
        people,
    }
}

struct PaPlan {
    name: &'static str,
    born: (i32, u32, u32),
    frequency: Frequency,
    /// `None`: no code from HMRC yet, taxed by the starter checklist.
    code: Option<&'static str>,
    pension: PensionChoice,
    day_rate: i64,
    week: Vec<Stretch>,
}

use Who::{Dafydd, Gwen, Sioned, Tomos};

/// Twelve PAs: eight paid monthly, four weekly; day time, sleep-ins, a
/// waking night, time shared between Sioned and Tomos (who live together),
/// a PA under 21 (NI letter M, not eligible for the pension), one over
/// State Pension age (letter C), one with a second job (BR), one starter
/// with no code yet (statement B), enrolment postponed for one and opted
/// out by another, the rest assessed each period.
fn plans() -> Vec<PaPlan> {
    let d = |y, m, dd| Date::new(y, m, dd).unwrap();
    vec![
        PaPlan {
            name: "Megan Jones",
            born: (1996, 3, 14),
            frequency: Frequency::Monthly,
            code: Some("C1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_360,
            week: vec![
                with_break(day(0, (9, 0), (16, 30), &[Sioned]), 30),
                with_break(day(1, (9, 0), (16, 30), &[Sioned]), 30),
                with_break(day(2, (9, 0), (16, 30), &[Sioned]), 30),
                with_break(day(3, (9, 0), (16, 30), &[Sioned]), 30),
                day(4, (13, 0), (17, 0), &[Sioned, Tomos]),
            ],
        },
        PaPlan {
            name: "Huw Evans",
            born: (1980, 11, 2),
            frequency: Frequency::Monthly,
            code: Some("1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_380,
            week: (0..5).map(|w| day(w, (8, 0), (13, 0), &[Tomos])).collect(),
        },
        PaPlan {
            name: "Siân Roberts",
            born: (1989, 7, 21),
            frequency: Frequency::Monthly,
            code: Some("1257L"),
            pension: PensionChoice::Postponed {
                until: d(2026, 7, 6),
            },
            day_rate: 1_360,
            week: vec![
                sleep_in(1, 30, &[Sioned, Tomos]),
                day(2, (17, 0), (21, 0), &[Sioned]),
                sleep_in(3, 0, &[Sioned, Tomos]),
            ],
        },
        PaPlan {
            name: "Rhys Thomas",
            born: (1975, 1, 30),
            frequency: Frequency::Monthly,
            code: Some("BR"),
            pension: PensionChoice::Assess,
            day_rate: 1_400,
            week: [0, 2, 4]
                .into_iter()
                .map(|w| with_break(day(w, (9, 0), (17, 0), &[Gwen]), 30))
                .collect(),
        },
        PaPlan {
            name: "Ffion Hughes",
            born: (1992, 9, 9),
            frequency: Frequency::Monthly,
            code: Some("1257L"),
            pension: PensionChoice::OptedOut { on: d(2026, 6, 1) },
            day_rate: 1_360,
            week: vec![sleep_in(5, 45, &[Gwen]), waking_night(6, &[Gwen])],
        },
        PaPlan {
            name: "Gareth Lewis",
            born: (1985, 4, 17),
            frequency: Frequency::Monthly,
            code: Some("1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_360,
            week: (0..5)
                .flat_map(|w| {
                    [
                        day(w, (7, 30), (10, 30), &[Dafydd]),
                        day(w, (17, 0), (20, 0), &[Dafydd]),
                    ]
                })
                .collect(),
        },
        PaPlan {
            name: "Nia Price",
            born: (2006, 12, 1),
            frequency: Frequency::Monthly,
            code: Some("1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_300,
            week: vec![
                with_break(day(5, (10, 0), (18, 0), &[Dafydd]), 30),
                with_break(day(6, (10, 0), (18, 0), &[Dafydd]), 30),
            ],
        },
        PaPlan {
            name: "Owain Morgan",
            born: (1958, 6, 5),
            frequency: Frequency::Monthly,
            code: Some("C1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_360,
            week: vec![
                day(1, (10, 0), (16, 0), &[Gwen]),
                day(3, (10, 0), (16, 0), &[Dafydd]),
            ],
        },
        PaPlan {
            name: "Cerys Jenkins",
            born: (1999, 2, 28),
            frequency: Frequency::Weekly,
            code: Some("1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_360,
            week: (0..5).map(|w| day(w, (9, 0), (13, 0), &[Tomos])).collect(),
        },
        PaPlan {
            name: "Dylan Edwards",
            born: (2001, 10, 12),
            frequency: Frequency::Weekly,
            code: None,
            pension: PensionChoice::Assess,
            day_rate: 1_360,
            week: vec![
                day(2, (14, 0), (18, 0), &[Tomos]),
                day(5, (10, 0), (16, 0), &[Sioned, Tomos]),
            ],
        },
        PaPlan {
            name: "Alaw Williams",
            born: (1994, 5, 3),
            frequency: Frequency::Weekly,
            code: Some("1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_360,
            week: vec![
                sleep_in(0, 0, &[Dafydd]),
                day(2, (9, 0), (15, 0), &[Gwen]),
                sleep_in(4, 20, &[Dafydd]),
            ],
        },
        PaPlan {
            name: "Iwan Davies",
            born: (1970, 8, 25),
            frequency: Frequency::Weekly,
            code: Some("1257L"),
            pension: PensionChoice::Assess,
            day_rate: 1_420,
            week: vec![
                with_break(day(1, (8, 0), (16, 0), &[Gwen]), 30),
                with_break(day(3, (8, 0), (16, 0), &[Gwen]), 30),
            ],
        },
    ]
}

struct Pa {
    employment: EmploymentId,
    scope: CoopScope,
    plan: PaPlan,
}

struct Coop {
    treasurer: CoopScope,
    chair: CoopScope,
    /// Each supported person's id, and the scope of whoever approves their
    /// time (themself, or their representative).
    people: BTreeMap<Who, (String, CoopScope)>,
    pas: Vec<Pa>,
}

fn text(s: &str) -> Text {
    Text::parse(s).unwrap()
}

async fn account(store: &Store, address: &str, admin: bool) -> AccountId {
    store
        .create_account(
            None,
            NewAccount {
                email: &EmailAddress::parse(address).unwrap(),
                name: &PersonName::parse(address.split('@').next().unwrap()).unwrap(),
                language: Language::Cy,
                password_hash: Some("hash"),
                instance_admin: admin,
            },
        )
        .await
        .unwrap()
        .id
}

/// The co-operative, its officers, the four supported people and the
/// twelve PAs, hired from 6 April 2026: not timed.
async fn set_up(store: &Store) -> Coop {
    store.clock().pin("2026-04-01T09:00:00Z".parse().unwrap());
    let admin = account(store, "gweinyddwr@example.cymru", true).await;
    let coop = store
        .create_coop(
            &admin,
            &CoopName::parse("Cylch Cyflogi Ceredigion").unwrap(),
            CoopKind::Family,
        )
        .await
        .unwrap();
    let member = |address: &'static str, roles: CoopRoles| {
        let admin = admin.clone();
        let coop = coop.id.clone();
        async move {
            let id = account(store, address, false).await;
            store
                .add_member(&admin, &coop, &id, &roles, None)
                .await
                .unwrap();
            store.scope(&id, &coop).await.unwrap().unwrap()
        }
    };
    let chair = member(
        "cadeirydd@example.cymru",
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Chair),
    )
    .await;
    let treasurer = member(
        "trysorydd@example.cymru",
        CoopRoles::member(MemberClass::FamilyOrCarer).with_office(Office::Treasurer),
    )
    .await;
    let mut people = BTreeMap::new();
    for (who, name, address, represented) in [
        (Sioned, "Sioned", "sioned@example.cymru", false),
        (Tomos, "Tomos", "rhiant.tomos@example.cymru", true),
        (Gwen, "Gwen", "gwen@example.cymru", false),
        (Dafydd, "Dafydd", "rhiant.dafydd@example.cymru", true),
    ] {
        let class = if represented {
            MemberClass::Representative
        } else {
            MemberClass::SupportedPerson
        };
        let approver = member(address, CoopRoles::member(class)).await;
        let id = store
            .add_supported_person(
                &chair,
                NewSupportedPerson {
                    name,
                    member_account: (!represented).then(|| approver.account()),
                    represented_by: represented.then(|| approver.account()),
                    starts_on: "2026-04-01".parse().unwrap(),
                },
            )
            .await
            .unwrap()
            .id;
        people.insert(who, (id, approver));
    }
    let mut pas = Vec::new();
    for (i, plan) in plans().into_iter().enumerate() {
        let address: &'static str = format!("pa{i}@example.cymru").leak();
        let scope = member(address, CoopRoles::member(MemberClass::Pa)).await;
        let record = Employment {
            name: PersonName::parse(plan.name).unwrap(),
            born: Date::new(plan.born.0, plan.born.1, plan.born.2).unwrap(),
            ni_number: Some(NiNumber::parse(&format!("AB{:06}C", 120_000 + i)).unwrap()),
            start: Date::new(2026, 4, 6).unwrap(),
            continuous_from: None,
            job_title: text("Personal Assistant"),
            place_of_work: text("The supported person's home, Aberaeron"),
            engagement: Engagement::Employee,
            household: Household::Unrelated,
            hours: Hours::Irregular,
            rates: Rates {
                day: plan.day_rate,
                night: plan.day_rate + 40,
                weekend: plan.day_rate + 90,
                bank_holiday: plan.day_rate * 3 / 2,
                sleep_in_per_night: 8_000,
            },
            pay_frequency: plan.frequency,
            starter: Starter::Declaration(StarterDeclaration::B),
            pension: plan.pension,
            probation: None,
            fixed_term_end: None,
            notice_from_employer_weeks: 1,
            notice_from_worker_weeks: 1,
            ending: None,
        };
        let hired = store
            .hire(
                &chair,
                &record,
                &PaDetails {
                    account: Some(scope.account().clone()),
                    address: text("3 Heol y Llan, Aberaeron"),
                    duties: Some(text("Personal care, cooking, getting out and about")),
                    welsh_speaker: i % 2 == 0,
                    tax_code: plan.code.map(|c| TaxCode::parse(c).unwrap()),
                    student_loan: None,
                    postgraduate_loan: false,
                },
            )
            .await
            .unwrap();
        let mut linked: Vec<Who> = plan
            .week
            .iter()
            .flat_map(|s| s.people.iter().copied())
            .collect();
        linked.sort();
        linked.dedup();
        for who in linked {
            store
                .link_person(&chair, &hired.id, &people[&who].0, false)
                .await
                .unwrap();
        }
        pas.push(Pa {
            employment: hired.id,
            scope,
            plan,
        });
    }
    Coop {
        treasurer,
        chair,
        people,
        pas,
    }
}

fn first_day(period: Period) -> Date {
    if period.number() == 1 {
        return YEAR.first_day();
    }
    Period::new(period.frequency(), period.number() - 1)
        .unwrap()
        .last_day(YEAR)
        .add_days(1)
        .unwrap()
}

fn at(day: Date, (h, m): (u8, u8)) -> jiff::civil::DateTime {
    format!("{day}T{h:02}:{m:02}").parse().unwrap()
}

/// The PA enters a period's time (so it is confirmed) and each supported
/// person, or their representative, approves the time spent with them.
/// Lines of this many in the period.
async fn timesheet(store: &Store, coop: &Coop, pa: &Pa, period: Period) -> usize {
    let (first, last) = (first_day(period), period.last_day(YEAR));
    let mut day = first;
    let mut lines = 0;
    let mut people: Vec<Who> = Vec::new();
    while day <= last {
        for s in pa
            .plan
            .week
            .iter()
            .filter(|s| s.weekday == day.weekday_from_monday())
        {
            let end_day = if s.end <= s.start {
                day.add_days(1).unwrap()
            } else {
                day
            };
            // A week's holiday in August, taken by every PA in the
            // co-operative's quiet week.
            let holiday = day.month() == 8 && (17..=21).contains(&day.day());
            store
                .add_timesheet_line(
                    &pa.scope,
                    &pa.employment,
                    &NewLine {
                        figures: Figures {
                            start: at(day, s.start),
                            end: at(end_day, s.end),
                            break_minutes: s.break_minutes,
                            kind: if holiday && s.kind == LineKind::Day {
                                LineKind::Holiday
                            } else {
                                s.kind
                            },
                            woken_minutes: s.woken_minutes,
                        },
                        people: s.people.iter().map(|w| coop.people[w].0.clone()).collect(),
                    },
                )
                .await
                .unwrap_or_else(|e| panic!("{} on {day}: {e:?}", pa.plan.name));
            lines += 1;
            people.extend(s.people);
        }
        day = day.add_days(1).unwrap();
    }
    people.sort();
    people.dedup();
    for who in people {
        let (id, approver) = &coop.people[&who];
        store
            .approve_timesheet(approver, &pa.employment, first, id)
            .await
            .unwrap();
    }
    lines
}

/// The time of each step of one run.
#[derive(Clone, Copy, Default)]
struct Steps {
    start: Duration,
    approve: Duration,
    pay: Duration,
}

impl Steps {
    fn total(&self) -> Duration {
        self.start + self.approve + self.pay
    }
    fn add(&mut self, other: Steps) {
        self.start += other.start;
        self.approve += other.approve;
        self.pay += other.pay;
    }
}

/// One run: the treasurer starts it, the chair approves it (posting every
/// payslip), the treasurer records paying the PAs, HMRC and the pension
/// scheme. The number of payslips and the time of each step.
async fn pay(store: &Store, coop: &Coop, period: Period) -> (usize, Steps) {
    let last = period.last_day(YEAR);
    let t = Instant::now();
    let run = store
        .start_pay_run(
            &coop.treasurer,
            period.frequency(),
            YEAR,
            period.number(),
            last,
        )
        .await
        .unwrap();
    let start = t.elapsed();
    let t = Instant::now();
    let run = store.approve_pay_run(&coop.chair, &run.id).await.unwrap();
    let approve = t.elapsed();
    let paid_on: jiff::civil::Date = last.to_string().parse().unwrap();
    let t = Instant::now();
    for payee in [Payee::Pas, Payee::Hmrc, Payee::Pension] {
        match store
            .record_pay_run_payment(&coop.treasurer, &run.id, payee, paid_on)
            .await
        {
            Ok(_) => {}
            // Nobody in the pension scheme this period: nothing to pay it.
            Err(cylch_store::payroll::PayRunError::NothingOwed) => {}
            Err(e) => panic!("paying {payee:?} for {period:?}: {e:?}"),
        }
    }
    let pay = t.elapsed();
    (
        run.payslips.len(),
        Steps {
            start,
            approve,
            pay,
        },
    )
}

/// One tax month's pay: the monthly run and the weekly runs whose weeks
/// end in it.
#[derive(Default, Clone)]
struct Month {
    weekly_runs: usize,
    payslips: usize,
    lines: usize,
    timesheets: Duration,
    monthly: Steps,
    weekly: Steps,
}

/// A whole tax year on one fresh store: the twelve months' figures.
async fn year(store: &Store, analyze: bool) -> Vec<Month> {
    let coop = set_up(store).await;
    let mut months = Vec::new();
    let mut week = 1;
    for m in 1..=12 {
        let monthly = Period::new(Frequency::Monthly, m).unwrap();
        let month_last = monthly.last_day(YEAR);
        let mut weeks = Vec::new();
        while week <= 52 {
            let p = Period::new(Frequency::Weekly, week).unwrap();
            if p.last_day(YEAR) > month_last {
                break;
            }
            weeks.push(p);
            week += 1;
        }
        // The day after the month ends: every line in it has ended.
        store.clock().pin(
            format!("{}T12:00:00Z", month_last.add_days(1).unwrap())
                .parse()
                .unwrap(),
        );
        let mut figures = Month {
            weekly_runs: weeks.len(),
            ..Month::default()
        };
        let t = Instant::now();
        for pa in &coop.pas {
            if pa.plan.frequency == Frequency::Monthly {
                figures.lines += timesheet(store, &coop, pa, monthly).await;
            } else {
                for &w in &weeks {
                    figures.lines += timesheet(store, &coop, pa, w).await;
                }
            }
        }
        figures.timesheets = t.elapsed();
        if analyze {
            // Not timed: what the query planners would know from the
            // statistics a database gathers in its own time.
            cylch_store::testing::execute_raw(store, "ANALYZE")
                .await
                .unwrap();
        }
        let (slips, steps) = pay(store, &coop, monthly).await;
        figures.payslips += slips;
        figures.monthly = steps;
        for &w in &weeks {
            let (slips, steps) = pay(store, &coop, w).await;
            figures.payslips += slips;
            figures.weekly.add(steps);
        }
        months.push(figures);
    }
    // The books balance after the year (and the run did what it says).
    let tb = store
        .trial_balance(&coop.chair, "2027-04-05".parse().unwrap(), None)
        .await
        .unwrap();
    assert!(tb.balances(), "the trial balance does not balance");
    months
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

/// Prints the medians over the repetitions, month by month.
fn report(backend: &str, repeats: &[Vec<Month>]) {
    let pick = |m: usize, f: &dyn Fn(&Month) -> Duration| {
        median(repeats.iter().map(|r| f(&r[m])).collect())
    };
    println!(
        "\n{backend}: 12 PAs (8 monthly, 4 weekly), tax year 2026-27, median of {} fresh databases, ms",
        repeats.len()
    );
    println!(
        "month  wkly-runs  lines  payslips  timesheets | monthly: start approve pay total | weekly: start approve pay total | month's pay"
    );
    for (m, r) in repeats[0].iter().enumerate() {
        let step = |s: fn(&Month) -> Steps, f: fn(&Steps) -> Duration| pick(m, &move |x| f(&s(x)));
        println!(
            "{:>5}  {:>9}  {:>5}  {:>8}  {:>10} | {:>7} {:>7} {:>5} {:>5} | {:>6} {:>7} {:>5} {:>5} | {:>6}",
            m + 1,
            r.weekly_runs,
            r.lines,
            r.payslips,
            ms(pick(m, &|x| x.timesheets)),
            ms(step(|x| x.monthly, |s| s.start)),
            ms(step(|x| x.monthly, |s| s.approve)),
            ms(step(|x| x.monthly, |s| s.pay)),
            ms(step(|x| x.monthly, Steps::total)),
            ms(step(|x| x.weekly, |s| s.start)),
            ms(step(|x| x.weekly, |s| s.approve)),
            ms(step(|x| x.weekly, |s| s.pay)),
            ms(step(|x| x.weekly, Steps::total)),
            ms(pick(m, &|x| x.monthly.total() + x.weekly.total())),
        );
    }
    let year_total = median(
        repeats
            .iter()
            .map(|r| r.iter().map(|x| x.monthly.total() + x.weekly.total()).sum())
            .collect(),
    );
    let runs: usize = repeats[0].iter().map(|x| 1 + x.weekly_runs).sum();
    let slips: usize = repeats[0].iter().map(|x| x.payslips).sum();
    println!(
        "{backend}: the year's pay, {runs} runs, {slips} payslips: median {} ms in all",
        ms(year_total)
    );
}

async fn on_sqlite(repeats: usize, analyze: bool) {
    let mut all = Vec::new();
    for _ in 0..repeats {
        let dir = TempDir::new("cylch-bench");
        let store = Store::open(&Store::sqlite_url(dir.path())).await.unwrap();
        all.push(year(&store, analyze).await);
        store.close().await;
        // For reading the query plans on a year's data afterwards.
        if let Ok(keep) = std::env::var("CYLCH_BENCH_KEEP") {
            std::fs::copy(dir.join("cylch.sqlite3"), keep).unwrap();
        }
    }
    report(
        &format!("SQLite (file, WAL){}", with_statistics(analyze)),
        &all,
    );
}

async fn on_postgres(repeats: usize, analyze: bool) {
    use sqlx::Connection;
    let admin = std::env::var("CYLCH_TEST_POSTGRES_URL").unwrap();
    let mut all = Vec::new();
    for _ in 0..repeats {
        let url = cylch_store::testing::fresh_postgres_url().await.unwrap();
        let schema = url.rsplit("search_path%3D").next().unwrap().to_owned();
        let store = Store::open(&url).await.unwrap();
        all.push(year(&store, analyze).await);
        store.close().await;
        if std::env::var("CYLCH_BENCH_KEEP").is_ok() {
            eprintln!("kept the PostgreSQL schema {schema}");
            continue;
        }
        let mut conn = sqlx::AnyConnection::connect(&admin).await.unwrap();
        sqlx::query(sqlx::AssertSqlSafe(format!("DROP SCHEMA {schema} CASCADE")))
            .execute(&mut conn)
            .await
            .unwrap();
    }
    report(&format!("PostgreSQL{}", with_statistics(analyze)), &all);
}

fn with_statistics(analyze: bool) -> &'static str {
    if analyze {
        ", ANALYZE before each month's pay"
    } else {
        ""
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let repeats = args
        .iter()
        .position(|a| a == "--repeats")
        .and_then(|i| args.get(i + 1))
        .map_or(5, |n| n.parse().expect("--repeats N"));
    let analyze = args.iter().any(|a| a == "--analyze");
    let postgres = std::env::var("CYLCH_TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty());
    if !args.iter().any(|a| a == "--postgres-only") {
        on_sqlite(repeats, analyze).await;
    }
    if postgres && !args.iter().any(|a| a == "--sqlite-only") {
        on_postgres(repeats, analyze).await;
    }
}

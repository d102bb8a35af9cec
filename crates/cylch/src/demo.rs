//! A realistic demo: a Welsh family co-operative with three supported people
//! (one represented by a parent), their families, six PAs and two officers,
//! and a PA co-operative. Everyone signs in with the same demo password.
//!
//! The family co-operative employs its six PAs, each with their checks on
//! file and a signed written statement; one PA's first-aid training runs
//! out within the month (on the 60-day dashboard), and one PA is a relative
//! in the household of the person they support, recorded while the council
//! decides and not payable until its authorisation is on file (rule 10).
//! The checks' dates count from the day the demo is loaded. The rota holds
//! this week's and next week's calls (see `demo_rota`).

use cylch_domain::{
    CoopKind, CoopName, CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName,
};
use cylch_employment::checks::{
    Course, Dbs, DbsCertificateNumber, EmployersLiability, Reference, RightToWork,
    RightToWorkLimit, RightToWorkMethod, StatusOutcome, Training, UpdateService,
};
use cylch_employment::employment::{
    Engagement, Hours, Household, PensionChoice, Probation, Rates, Starter, StarterDeclaration,
    StudentLoanPlan,
};
use cylch_employment::particulars::{EmployerFacts, Statement, Value};
use cylch_employment::text::Text;
use cylch_employment::{Employment, NiNumber};
use cylch_payroll::{Date, Frequency};
use cylch_store::accounts::{Account, NewAccount};
use cylch_store::employment::PaDetails;
use cylch_store::{CoopScope, Store, StoreError};
use cylch_web::PasswordHasher;

pub const DEMO_PASSWORD: &str = "cylch-demo-2026";
const ADMIN_EMAIL: &str = "gweinyddwr@demo.cylch.example";
/// The administrator's address while the demo loads. The demo is written
/// by many transactions, so it is given its real address only as the very
/// last step: a load cut short (Ctrl+C, a crash) leaves this one, which
/// the next start recognises as a demo half loaded, never as loaded.
const LOADING_EMAIL: &str = "gweinyddwr.yn.llwytho@demo.cylch.example";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not hash the demo password: {0}")]
    Hash(String),
    #[error("the demo data is not valid: {0}")]
    Data(String),
    #[error(
        "an earlier start was stopped while it loaded the demo, so the demo in this database \
         is incomplete. Start again with an empty database (a new data folder, or a fresh \
         PostgreSQL database) to load it whole"
    )]
    Interrupted,
}

struct Person {
    email: &'static str,
    name: &'static str,
    language: Language,
    role: &'static str,
}

const FAMILY_COOP: &str = "Cydweithfa Teulu'r Dyffryn";
const PA_COOP: &str = "Cydweithfa Cynorthwywyr Eryri";

/// People of the demo, by email: name, language and what they are.
const PEOPLE: &[Person] = &[
    Person {
        email: "carys@demo.cylch.example",
        name: "Carys Hughes",
        language: Language::Cy,
        role: "Chair; represents her son Tomos",
    },
    Person {
        email: "gareth@demo.cylch.example",
        name: "Gareth Evans",
        language: Language::En,
        role: "Treasurer; Megan's father",
    },
    Person {
        email: "megan@demo.cylch.example",
        name: "Megan Evans",
        language: Language::En,
        role: "Supported person",
    },
    Person {
        email: "rhys@demo.cylch.example",
        name: "Rhys Jones",
        language: Language::Cy,
        role: "Supported person",
    },
    Person {
        email: "tomos@demo.cylch.example",
        name: "Tomos Hughes",
        language: Language::Cy,
        role: "Supported person, represented by Carys",
    },
    Person {
        email: "eirlys@demo.cylch.example",
        name: "Eirlys Jones",
        language: Language::Cy,
        role: "Family member: Rhys's sister",
    },
    Person {
        email: "sian@demo.cylch.example",
        name: "Siân Williams",
        language: Language::Cy,
        role: "PA; coordinator of the PA co-operative",
    },
    Person {
        email: "dafydd@demo.cylch.example",
        name: "Dafydd Roberts",
        language: Language::Cy,
        role: "PA",
    },
    Person {
        email: "ffion@demo.cylch.example",
        name: "Ffion Davies",
        language: Language::En,
        role: "PA",
    },
    Person {
        email: "owain@demo.cylch.example",
        name: "Owain Thomas",
        language: Language::Cy,
        role: "PA",
    },
    Person {
        email: "elin@demo.cylch.example",
        name: "Elin Lewis",
        language: Language::En,
        role: "PA",
    },
    Person {
        email: "huw@demo.cylch.example",
        name: "Huw Morgan",
        language: Language::En,
        role: "PA; Megan's cousin in her household, awaiting the council's authorisation",
    },
];

fn parse<T, E: std::fmt::Debug>(value: Result<T, E>, what: &str) -> Result<T, DemoError> {
    value.map_err(|e| DemoError::Data(format!("{what}: {e:?}")))
}

async fn account(
    store: &Store,
    hash: &str,
    email: &str,
    name: &str,
    language: Language,
    admin: bool,
) -> Result<Account, DemoError> {
    let email = parse(EmailAddress::parse(email), email)?;
    let name = parse(PersonName::parse(name), name)?;
    Ok(store
        .create_account(
            None,
            NewAccount {
                email: &email,
                name: &name,
                language,
                password_hash: Some(hash),
                instance_admin: admin,
            },
        )
        .await?)
}

/// Loads the demo unless it is there already. Returns whether it loaded.
pub async fn load(store: &Store, hasher: &PasswordHasher) -> Result<bool, DemoError> {
    if store
        .account_by_email(&parse(EmailAddress::parse(ADMIN_EMAIL), ADMIN_EMAIL)?)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let loading = parse(EmailAddress::parse(LOADING_EMAIL), LOADING_EMAIL)?;
    if store.account_by_email(&loading).await?.is_some() {
        return Err(DemoError::Interrupted);
    }
    let hash = hasher
        .hash(DEMO_PASSWORD)
        .await
        .map_err(|e| DemoError::Hash(e.to_string()))?;
    let admin = account(
        store,
        &hash,
        LOADING_EMAIL,
        "Gweinyddwr Cylch",
        Language::Cy,
        true,
    )
    .await?;
    let mut people = Vec::new();
    for person in PEOPLE {
        people.push(
            account(
                store,
                &hash,
                person.email,
                person.name,
                person.language,
                false,
            )
            .await?,
        );
    }
    let [
        carys,
        gareth,
        megan,
        rhys,
        tomos,
        eirlys,
        sian,
        dafydd,
        ffion,
        owain,
        elin,
        huw,
    ] = people.as_slice()
    else {
        return Err(DemoError::Data(
            "the demo needs exactly twelve people".into(),
        ));
    };

    let family = store
        .create_coop(
            &admin.id,
            &parse(CoopName::parse(FAMILY_COOP), FAMILY_COOP)?,
            CoopKind::Family,
        )
        .await?;
    let member = |class| CoopRoles::member(class);
    store
        .add_member(
            &admin.id,
            &family.id,
            &carys.id,
            &member(MemberClass::Representative).with_office(Office::Chair),
            Some(&tomos.id),
        )
        .await?;
    store
        .add_member(
            &carys.id,
            &family.id,
            &gareth.id,
            &member(MemberClass::FamilyOrCarer).with_office(Office::Treasurer),
            None,
        )
        .await?;
    for supported in [megan, rhys, tomos] {
        store
            .add_member(
                &carys.id,
                &family.id,
                &supported.id,
                &member(MemberClass::SupportedPerson),
                None,
            )
            .await?;
    }
    store
        .add_member(
            &carys.id,
            &family.id,
            &eirlys.id,
            &member(MemberClass::FamilyOrCarer),
            None,
        )
        .await?;
    for pa in [sian, dafydd, ffion, owain, elin, huw] {
        store
            .add_member(
                &carys.id,
                &family.id,
                &pa.id,
                &member(MemberClass::Pa),
                None,
            )
            .await?;
    }

    // Three of the four places are in use, so the four-person rule can be
    // seen at work when a fifth person is added.
    let scope = store.scope(&carys.id, &family.id).await?.ok_or_else(|| {
        DemoError::Data("the chair holds no role in the family co-operative".into())
    })?;
    let started = jiff::civil::date(2025, 4, 7);
    let mut supported_ids = Vec::new();
    for (name, member, represented) in [
        ("Megan Evans", Some(&megan.id), None),
        ("Rhys Jones", Some(&rhys.id), None),
        ("Tomos Hughes", None, Some(&carys.id)),
    ] {
        let person = store
            .add_supported_person(
                &scope,
                cylch_store::support::NewSupportedPerson {
                    name,
                    member_account: member,
                    represented_by: represented,
                    starts_on: started,
                },
            )
            .await
            .map_err(|e| DemoError::Data(e.to_string()))?;
        supported_ids.push(person.id);
    }
    let [megan_id, rhys_id, tomos_id] = supported_ids.as_slice() else {
        return Err(DemoError::Data("the demo supports three people".into()));
    };
    employ_pas(
        store,
        &scope,
        [sian, dafydd, ffion, owain, elin, huw],
        [megan_id, rhys_id, tomos_id],
    )
    .await?;
    crate::demo_rota::plan(store, &scope, [megan_id, rhys_id, tomos_id]).await?;
    crate::demo_needs::load(store, &scope, [megan_id, rhys_id, tomos_id]).await?;
    crate::demo_leave::take_leave(store, &scope).await?;
    crate::demo_timesheets::load(store, &scope).await?;
    crate::demo_payroll::load(store, &scope).await?;

    let pa_coop = store
        .create_coop(
            &admin.id,
            &parse(CoopName::parse(PA_COOP), PA_COOP)?,
            CoopKind::PaCoop,
        )
        .await?;
    store
        .add_member(
            &admin.id,
            &pa_coop.id,
            &sian.id,
            &member(MemberClass::Pa).with_office(Office::Coordinator),
            None,
        )
        .await?;
    for pa in [dafydd, owain] {
        store
            .add_member(
                &sian.id,
                &pa_coop.id,
                &pa.id,
                &member(MemberClass::Pa),
                None,
            )
            .await?;
    }
    // Last: the demo is loaded once the administrator has its address.
    store
        .update_profile(
            &admin.id,
            &parse(PersonName::parse(&admin.name), "the administrator's name")?,
            &parse(EmailAddress::parse(ADMIN_EMAIL), ADMIN_EMAIL)?,
            admin.language,
        )
        .await?;
    Ok(true)
}

fn employment_error(e: impl std::fmt::Display) -> DemoError {
    DemoError::Data(e.to_string())
}

fn text(raw: &str) -> Result<Text, DemoError> {
    Text::parse(raw).map_err(employment_error)
}

fn name_of(raw: &str) -> Result<PersonName, DemoError> {
    parse(PersonName::parse(raw), raw)
}

/// Each demo PA: who they are as an employee, and who they work with.
struct DemoPa {
    born: (i32, u32, u32),
    ni: &'static str,
    welsh: bool,
    /// Indexes into Megan, Rhys and Tomos, with whether the support
    /// includes medication.
    works_with: &'static [(usize, bool)],
    irregular: bool,
    relative_in_household: bool,
}

const DEMO_PAS: [DemoPa; 6] = [
    // Siân Williams
    DemoPa {
        born: (1979, 6, 2),
        ni: "CE 12 34 56 A",
        welsh: true,
        works_with: &[(2, true)],
        irregular: false,
        relative_in_household: false,
    },
    // Dafydd Roberts
    DemoPa {
        born: (1988, 11, 23),
        ni: "JH 23 45 67 B",
        welsh: true,
        works_with: &[(1, false)],
        irregular: false,
        relative_in_household: false,
    },
    // Ffion Davies
    DemoPa {
        born: (1996, 2, 14),
        ni: "KL 34 56 78 C",
        welsh: false,
        works_with: &[(0, false)],
        irregular: true,
        relative_in_household: false,
    },
    // Owain Thomas
    DemoPa {
        born: (1972, 9, 30),
        ni: "NA 45 67 89 D",
        welsh: true,
        works_with: &[(1, false), (2, false)],
        irregular: true,
        relative_in_household: false,
    },
    // Elin Lewis
    DemoPa {
        born: (1991, 4, 8),
        ni: "PR 56 78 90 A",
        welsh: false,
        works_with: &[(0, true)],
        irregular: false,
        relative_in_household: false,
    },
    // Huw Morgan: Megan's cousin, living in her household.
    DemoPa {
        born: (2001, 7, 19),
        ni: "SW 67 89 01 B",
        welsh: false,
        works_with: &[(0, false)],
        irregular: true,
        relative_in_household: true,
    },
];

/// The co-operative's facts for every statement, in the PA's language.
fn employer_facts(coop: &str, language: Language) -> Result<EmployerFacts, DemoError> {
    let (handbook, sick, training) = match language {
        Language::Cy => (
            "Llawlyfr staff y gydweithfa",
            "Tâl Salwch Statudol; mae'r drefn salwch yn llawlyfr staff y gydweithfa",
            "Symud a thrin, cymorth cyntaf a diogelu, wedi'u talu gan y gydweithfa",
        ),
        Language::En => (
            "The co-operative's staff handbook",
            "Statutory Sick Pay; the sickness procedure is in the co-operative's staff handbook",
            "Moving and handling, first aid and safeguarding, paid for by the co-operative",
        ),
    };
    Ok(EmployerFacts {
        name: text(coop)?,
        address: text("Canolfan y Dyffryn, Stryd Fawr, Dolgellau LL40 1AA")?,
        sick_leave_and_pay: Some(Value::Text(text(sick)?)),
        other_paid_leave: Some(Value::ReferTo(text(handbook)?)),
        benefits: Some(Value::None),
        work_abroad: Some(Value::None),
        required_training: Some(Value::Text(text(training)?)),
        pension_scheme: None,
        collective_agreements: Some(Value::None),
        other_training: Some(Value::None),
        disciplinary: Some(Value::ReferTo(text(handbook)?)),
        grievance: Some(Value::ReferTo(text(handbook)?)),
    })
}

/// The family co-operative employs its six PAs: each record, who they work
/// with, their checks, a statement each PA has signed, and the
/// co-operative's insurance.
async fn employ_pas(
    store: &Store,
    scope: &CoopScope,
    pas: [&Account; 6],
    people: [&String; 3],
) -> Result<(), DemoError> {
    let today = store.clock().today_in_wales();
    let day = |offset: i64| -> Result<Date, DemoError> {
        let d = today
            .checked_add(jiff::Span::new().days(offset))
            .map_err(employment_error)?;
        Date::new(
            i32::from(d.year()),
            u32::try_from(d.month()).unwrap_or(1),
            u32::try_from(d.day()).unwrap_or(1),
        )
        .map_err(employment_error)
    };
    let start = Date::new(2025, 4, 7).map_err(employment_error)?;
    let chair = name_of("Carys Hughes")?;
    store
        .record_insurance(
            scope,
            &EmployersLiability {
                insurer: text("Yswiriant Cynorthwywyr Cymru")?,
                policy: text("EL-2026-0417")?,
                cover: 1_000_000_000,
                starts: day(-120)?,
                expires: day(245)?,
            },
        )
        .await
        .map_err(employment_error)?;
    for (n, (pa, demo)) in pas.iter().zip(DEMO_PAS.iter()).enumerate() {
        let (y, m, d) = demo.born;
        let employment = Employment {
            name: name_of(&pa.name)?,
            born: Date::new(y, m, d).map_err(employment_error)?,
            ni_number: Some(NiNumber::parse(demo.ni).map_err(employment_error)?),
            start,
            continuous_from: None,
            job_title: text(match pa.language {
                Language::Cy => "Cynorthwyydd Personol",
                Language::En => "Personal Assistant",
            })?,
            place_of_work: text("Homes of the people supported, Dolgellau and around")?,
            engagement: Engagement::Employee,
            household: if demo.relative_in_household {
                Household::RelativeInSameHousehold {
                    authorisation: None,
                }
            } else {
                Household::Unrelated
            },
            hours: if demo.irregular {
                Hours::Irregular
            } else {
                Hours::Fixed {
                    weekly: 300_000,
                    days_per_week: 40_000,
                    part_year: false,
                }
            },
            rates: Rates {
                day: 1_350,
                night: 1_400,
                weekend: 1_450,
                bank_holiday: 2_025,
                sleep_in_per_night: 8_500,
            },
            pay_frequency: Frequency::Monthly,
            starter: Starter::Declaration(StarterDeclaration::B),
            pension: PensionChoice::Assess,
            probation: Some(Probation {
                weeks: 12,
                conditions: None,
            }),
            fixed_term_end: None,
            notice_from_employer_weeks: 1,
            notice_from_worker_weeks: 1,
            ending: None,
        };
        let details = PaDetails {
            account: Some(pa.id.clone()),
            address: text(&format!("{} Heol y Bryn, Dolgellau LL40 1BB", n + 1))?,
            duties: Some(text(
                "Personal care, cooking, getting out and about, and support at college or work",
            )?),
            welsh_speaker: demo.welsh,
            tax_code: None,
            // Dafydd repays a Plan 2 loan; Elin a Plan 1 and a postgraduate
            // loan.
            student_loan: match n {
                1 => Some(StudentLoanPlan::Plan2),
                4 => Some(StudentLoanPlan::Plan1),
                _ => None,
            },
            postgraduate_loan: n == 4,
        };
        let record = store
            .hire(scope, &employment, &details)
            .await
            .map_err(employment_error)?;
        for (person, medication) in demo.works_with {
            store
                .link_person(scope, &record.id, people[*person], *medication)
                .await
                .map_err(employment_error)?;
        }
        store
            .record_right_to_work(
                scope,
                &record.id,
                &RightToWork {
                    method: RightToWorkMethod::HomeOfficeOnline,
                    checked_on: day(-420)?,
                    checked_by: chair.clone(),
                    limit: RightToWorkLimit::Unlimited,
                },
            )
            .await
            .map_err(employment_error)?;
        store
            .record_dbs(
                scope,
                &record.id,
                &Dbs {
                    certificate: DbsCertificateNumber::parse(&format!("0012345678{:02}", n + 10))
                        .map_err(employment_error)?,
                    issued: day(-430)?,
                    adults_barred_list: true,
                    update_service: Some(UpdateService {
                        last_status_check: day(-60)?,
                        outcome: StatusOutcome::NoNewInformation,
                    }),
                },
            )
            .await
            .map_err(employment_error)?;
        for (referee, received) in [("Alun Rees", -425), ("Bethan Lloyd", -424)] {
            store
                .record_reference(
                    scope,
                    &record.id,
                    &Reference {
                        from: name_of(referee)?,
                        received: day(received)?,
                        satisfactory: true,
                    },
                )
                .await
                .map_err(employment_error)?;
        }
        let mut courses = vec![
            Course::MovingAndHandling,
            Course::FirstAid,
            Course::Safeguarding,
        ];
        if demo.works_with.iter().any(|(_, medication)| *medication) {
            courses.push(Course::Medication);
        }
        for course in courses {
            // Ffion's first aid runs out within the month: on the dashboard.
            let expires = if n == 2 && course == Course::FirstAid {
                day(21)?
            } else {
                day(660)?
            };
            store
                .record_training(
                    scope,
                    &record.id,
                    &Training {
                        course,
                        completed: day(-400)?,
                        expires: Some(expires),
                    },
                )
                .await
                .map_err(employment_error)?;
        }
        let statement = Statement::build(
            &employment,
            &employer_facts(&scope.coop().name, pa.language)?,
        );
        let issued = store
            .issue_statement(scope, &record.id, statement, pa.language)
            .await
            .map_err(employment_error)?;
        let own = store
            .scope(&pa.id, scope.coop_id())
            .await?
            .ok_or_else(|| DemoError::Data("a PA is not a member".into()))?;
        store
            .acknowledge_statement(&own, &record.id, issued.version)
            .await
            .map_err(employment_error)?;
    }
    Ok(())
}

/// The demo sign-ins, as printed at start-up.
pub fn logins() -> String {
    let mut text = format!("Demo sign-ins (password for everyone: {DEMO_PASSWORD}):\n");
    text.push_str(&format!(
        "  {ADMIN_EMAIL:<32} runs this service (sees no care or money records)\n"
    ));
    for person in PEOPLE {
        text.push_str(&format!(
            "  {:<32} {} — {}\n",
            person.email, person.name, person.role
        ));
    }
    text.push_str(&format!(
        "Co-operatives: {FAMILY_COOP} (family), {PA_COOP} (PA co-operative)\n"
    ));
    text
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use cylch_employment::checks::DueItem;
    use cylch_store::employment::{EmploymentEntry, NotPayable};
    use cylch_store::testing::{Backend, fresh_store};

    async fn the_demo_employs_its_pas(backend: Backend) {
        let Some(store) = fresh_store(backend).await else {
            return;
        };
        assert!(load(&store, &PasswordHasher::new()).await.unwrap());
        let carys = store
            .account_by_email(&EmailAddress::parse("carys@demo.cylch.example").unwrap())
            .await
            .unwrap()
            .unwrap();
        let scope = store
            .coops_of(&carys.id)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.coop().name == FAMILY_COOP)
            .unwrap();
        let employments = store.employments(&scope).await.unwrap();
        assert_eq!(employments.len(), 6);
        // Every PA but the relative awaiting authorisation may work today.
        let today = codec_today(&store);
        let mut huw = None;
        for entry in &employments {
            let EmploymentEntry::Full(record) = entry else {
                panic!("the chair sees every record whole");
            };
            let missing = store
                .fit_for_shift(&scope, &record.id, today)
                .await
                .unwrap();
            assert!(
                missing.is_empty(),
                "{}: {missing:?}",
                record.employment.name.as_str()
            );
            if record.employment.name.as_str() == "Huw Morgan" {
                huw = Some(record.clone());
            }
        }
        // One check close to expiry, on the 60-day dashboard.
        let due = store.due_within(&scope, 60).await.unwrap();
        assert!(
            due.iter().any(|d| d.name.as_deref() == Some("Ffion Davies")
                && d.due.item == DueItem::Training(Course::FirstAid)),
            "{due:?}"
        );
        // The relative in the household is not payable until authorised.
        let huw = huw.unwrap();
        let megan = &huw.works_with[0].person;
        assert!(matches!(
            store.payable_from(&scope, &huw.id, megan).await,
            Err(NotPayable::NeedsCouncilAuthorisation)
        ));
        // The fortnight's rota: most shifts have a PA, one Saturday call
        // waits for one, and the relative awaiting authorisation is on none.
        let today = store.clock().today_in_wales();
        let shifts = store.shifts(&scope, today, 14).await.unwrap();
        let open = shifts.iter().filter(|s| s.pa.is_none()).count();
        assert!(shifts.len() > 80, "{}", shifts.len());
        assert!(
            open >= 1 && open < shifts.len() / 4,
            "{open} of {}",
            shifts.len()
        );
        assert!(
            shifts
                .iter()
                .all(|s| s.pa.as_ref().is_none_or(|p| p.name != "Huw Morgan"))
        );
        // Loading again changes nothing.
        assert!(!load(&store, &PasswordHasher::new()).await.unwrap());
    }

    fn codec_today(store: &Store) -> Date {
        let d = store.clock().today_in_wales();
        Date::new(
            i32::from(d.year()),
            u32::try_from(d.month()).unwrap(),
            u32::try_from(d.day()).unwrap(),
        )
        .unwrap()
    }

    async fn a_demo_cut_short_is_never_called_loaded(backend: Backend) {
        let Some(store) = fresh_store(backend).await else {
            return;
        };
        // What a first start stopped after its first steps leaves behind.
        account(
            &store,
            "hash",
            LOADING_EMAIL,
            "Gweinyddwr Cylch",
            Language::Cy,
            true,
        )
        .await
        .unwrap();
        account(
            &store,
            "hash",
            PEOPLE[0].email,
            PEOPLE[0].name,
            Language::Cy,
            false,
        )
        .await
        .unwrap();
        let again = load(&store, &PasswordHasher::new()).await;
        assert!(matches!(again, Err(DemoError::Interrupted)), "{again:?}");

        let Some(store) = fresh_store(backend).await else {
            return;
        };
        assert!(load(&store, &PasswordHasher::new()).await.unwrap());
        assert!(!load(&store, &PasswordHasher::new()).await.unwrap());
        assert!(
            store
                .account_by_email(&EmailAddress::parse(LOADING_EMAIL).unwrap())
                .await
                .unwrap()
                .is_none()
        );
    }

    #[tokio::test]
    async fn a_demo_cut_short_is_never_called_loaded_on_sqlite() {
        a_demo_cut_short_is_never_called_loaded(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn a_demo_cut_short_is_never_called_loaded_on_postgres() {
        a_demo_cut_short_is_never_called_loaded(Backend::Postgres).await;
    }

    #[tokio::test]
    async fn the_demo_employs_its_pas_on_sqlite() {
        the_demo_employs_its_pas(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn the_demo_employs_its_pas_on_postgres() {
        the_demo_employs_its_pas(Backend::Postgres).await;
    }
}

//! A realistic demo: a Welsh family co-operative with three supported people
//! (one represented by a parent), their families, six PAs and two officers,
//! and a PA co-operative. Everyone signs in with the same demo password.

use cylch_domain::{
    CoopKind, CoopName, CoopRoles, EmailAddress, Language, MemberClass, Office, PersonName,
};
use cylch_store::accounts::{Account, NewAccount};
use cylch_store::{Store, StoreError};
use cylch_web::PasswordHasher;

pub const DEMO_PASSWORD: &str = "cylch-demo-2026";
const ADMIN_EMAIL: &str = "gweinyddwr@demo.cylch.example";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not hash the demo password: {0}")]
    Hash(String),
    #[error("the demo data is not valid: {0}")]
    Data(String),
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
        role: "PA",
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
    let hash = hasher
        .hash(DEMO_PASSWORD)
        .await
        .map_err(|e| DemoError::Hash(e.to_string()))?;
    let admin = account(
        store,
        &hash,
        ADMIN_EMAIL,
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
    for (name, member, represented) in [
        ("Megan Evans", Some(&megan.id), None),
        ("Rhys Jones", Some(&rhys.id), None),
        ("Tomos Hughes", None, Some(&carys.id)),
    ] {
        store
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
    }

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
    Ok(true)
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

//! Forming a co-operative: the stages from the first idea to the first
//! general meeting, each with its tasks, who does them and the evidence
//! kept. The template depends on the kind: a PA co-operative employs no one
//! and pools no Direct Payments, so it skips those stages; a citizen-led
//! co-operative adds registration with Care Inspectorate Wales.
//!
//! Tasks may be ticked off in any order (groups rarely work in a straight
//! line); progress shows the first stage with work left as the current one.

use std::collections::{BTreeMap, BTreeSet};

use cylch_domain::{CoopKind, Office};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Employer's liability insurance must cover at least £5 million.
pub const MINIMUM_EMPLOYERS_LIABILITY_PENCE: u64 = 500_000_000;

/// At least three people make a steering group and a society.
pub const MINIMUM_FOUNDERS: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    IdeaAndSteeringGroup,
    Feasibility,
    MembersAndRules,
    Registration,
    EmployerSetUp,
    DirectPaymentsPooling,
    CiwRegistration,
    FirstGeneralMeeting,
}

impl Stage {
    /// A stable code for storage and for the pages' message keys.
    pub fn code(self) -> &'static str {
        match self {
            Stage::IdeaAndSteeringGroup => "idea_and_steering_group",
            Stage::Feasibility => "feasibility",
            Stage::MembersAndRules => "members_and_rules",
            Stage::Registration => "registration",
            Stage::EmployerSetUp => "employer_set_up",
            Stage::DirectPaymentsPooling => "direct_payments_pooling",
            Stage::CiwRegistration => "ciw_registration",
            Stage::FirstGeneralMeeting => "first_general_meeting",
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Stage {
    pub const ALL: [Stage; 8] = [
        Stage::IdeaAndSteeringGroup,
        Stage::Feasibility,
        Stage::MembersAndRules,
        Stage::Registration,
        Stage::EmployerSetUp,
        Stage::DirectPaymentsPooling,
        Stage::CiwRegistration,
        Stage::FirstGeneralMeeting,
    ];

    /// Whether a co-operative of `kind` goes through this stage.
    pub fn applies_to(self, kind: CoopKind) -> bool {
        match self {
            Stage::EmployerSetUp | Stage::DirectPaymentsPooling => kind.provides_support(),
            Stage::CiwRegistration => kind == CoopKind::CitizenLed,
            _ => true,
        }
    }

    /// The stages for `kind`, in order.
    pub fn template(kind: CoopKind) -> Vec<Stage> {
        Stage::ALL
            .into_iter()
            .filter(|stage| stage.applies_to(kind))
            .collect()
    }

    /// The stage's tasks for `kind`, in the order they are usually done.
    pub fn tasks(self, kind: CoopKind) -> Vec<Task> {
        use Task::*;
        match self {
            Stage::IdeaAndSteeringGroup => {
                vec![FirstConversations, FormSteeringGroup, LearnAboutCoops]
            }
            Stage::Feasibility if kind.provides_support() => {
                vec![
                    DirectPaymentBudgets,
                    AskCouncilsAboutPooling,
                    FourPersonCheck,
                ]
            }
            Stage::Feasibility => vec![AgreeWhatTheCoopOffers, RunningCostsBudget],
            Stage::MembersAndRules => vec![ChooseRules, AgreeClassesAndVoting, AdmitFounderMembers],
            Stage::Registration => vec![RegisterWithFca, OpenBankAccount],
            Stage::EmployerSetUp => vec![
                RegisterAsEmployer,
                EmployersLiabilityInsurance,
                PensionScheme,
                DbsChecks,
                SetUpPayroll,
                WritePolicies,
            ],
            Stage::DirectPaymentsPooling => vec![PoolingAgreements],
            Stage::CiwRegistration => {
                vec![
                    AppointResponsibleIndividual,
                    StatementOfPurpose,
                    RegisterWithCiw,
                ]
            }
            Stage::FirstGeneralMeeting => vec![HoldFirstGeneralMeeting],
        }
    }
}

/// Who does a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "who", content = "office", rename_all = "snake_case")]
pub enum Who {
    SteeringGroup,
    /// Whoever holds (or will hold) this office.
    Office(Office),
    /// Each person who will receive support, or their representative.
    EachSupportedPerson,
    FounderMembers,
}

/// A piece of evidence a task keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceField {
    /// When it was done.
    Date,
    /// A stored document (notes, rules, certificate, policy).
    Document,
    /// How many people (steering group, founder members).
    PeopleCount,
    FcaRegistrationNumber,
    HmrcEmployerReference,
    Insurer,
    PolicyNumber,
    CoverPence,
    ExpiresOn,
    PensionProvider,
    CiwRegistrationNumber,
    PersonName,
    Council,
    CouncilReference,
}

impl EvidenceField {
    /// A stable code for storage and for the pages' message keys.
    pub fn code(self) -> &'static str {
        match self {
            EvidenceField::Date => "date",
            EvidenceField::Document => "document",
            EvidenceField::PeopleCount => "people_count",
            EvidenceField::FcaRegistrationNumber => "fca_registration_number",
            EvidenceField::HmrcEmployerReference => "hmrc_employer_reference",
            EvidenceField::Insurer => "insurer",
            EvidenceField::PolicyNumber => "policy_number",
            EvidenceField::CoverPence => "cover_pence",
            EvidenceField::ExpiresOn => "expires_on",
            EvidenceField::PensionProvider => "pension_provider",
            EvidenceField::CiwRegistrationNumber => "ciw_registration_number",
            EvidenceField::PersonName => "person_name",
            EvidenceField::Council => "council",
            EvidenceField::CouncilReference => "council_reference",
        }
    }
}

impl std::fmt::Display for EvidenceField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum EvidenceValue {
    Text(String),
    Date(Date),
    Count(u32),
    Pence(u64),
    /// A document's id in storage.
    Document(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    FirstConversations,
    FormSteeringGroup,
    LearnAboutCoops,
    DirectPaymentBudgets,
    AskCouncilsAboutPooling,
    FourPersonCheck,
    /// Who is supported, the hours, the PAs, the budget and the contingency.
    SupportPlan,
    AgreeWhatTheCoopOffers,
    RunningCostsBudget,
    ChooseRules,
    AgreeClassesAndVoting,
    AdmitFounderMembers,
    RegisterWithFca,
    OpenBankAccount,
    RegisterAsEmployer,
    EmployersLiabilityInsurance,
    PensionScheme,
    DbsChecks,
    SetUpPayroll,
    WritePolicies,
    /// One agreement with each council whose Direct Payments are pooled.
    PoolingAgreements,
    AppointResponsibleIndividual,
    StatementOfPurpose,
    RegisterWithCiw,
    HoldFirstGeneralMeeting,
}

impl Task {
    /// A stable code for storage and for the pages' message keys.
    pub fn code(self) -> &'static str {
        match self {
            Task::FirstConversations => "first_conversations",
            Task::FormSteeringGroup => "form_steering_group",
            Task::LearnAboutCoops => "learn_about_coops",
            Task::DirectPaymentBudgets => "direct_payment_budgets",
            Task::AskCouncilsAboutPooling => "ask_councils_about_pooling",
            Task::FourPersonCheck => "four_person_check",
            Task::SupportPlan => "support_plan",
            Task::AgreeWhatTheCoopOffers => "agree_what_the_coop_offers",
            Task::RunningCostsBudget => "running_costs_budget",
            Task::ChooseRules => "choose_rules",
            Task::AgreeClassesAndVoting => "agree_classes_and_voting",
            Task::AdmitFounderMembers => "admit_founder_members",
            Task::RegisterWithFca => "register_with_fca",
            Task::OpenBankAccount => "open_bank_account",
            Task::RegisterAsEmployer => "register_as_employer",
            Task::EmployersLiabilityInsurance => "employers_liability_insurance",
            Task::PensionScheme => "pension_scheme",
            Task::DbsChecks => "dbs_checks",
            Task::SetUpPayroll => "set_up_payroll",
            Task::WritePolicies => "write_policies",
            Task::PoolingAgreements => "pooling_agreements",
            Task::AppointResponsibleIndividual => "appoint_responsible_individual",
            Task::StatementOfPurpose => "statement_of_purpose",
            Task::RegisterWithCiw => "register_with_ciw",
            Task::HoldFirstGeneralMeeting => "hold_first_general_meeting",
        }
    }
}

impl std::fmt::Display for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Task {
    pub fn stage(self) -> Stage {
        use Task::*;
        match self {
            FirstConversations | FormSteeringGroup | LearnAboutCoops => Stage::IdeaAndSteeringGroup,
            DirectPaymentBudgets
            | AskCouncilsAboutPooling
            | FourPersonCheck
            | SupportPlan
            | AgreeWhatTheCoopOffers
            | RunningCostsBudget => Stage::Feasibility,
            ChooseRules | AgreeClassesAndVoting | AdmitFounderMembers => Stage::MembersAndRules,
            RegisterWithFca | OpenBankAccount => Stage::Registration,
            RegisterAsEmployer
            | EmployersLiabilityInsurance
            | PensionScheme
            | DbsChecks
            | SetUpPayroll
            | WritePolicies => Stage::EmployerSetUp,
            PoolingAgreements => Stage::DirectPaymentsPooling,
            AppointResponsibleIndividual | StatementOfPurpose | RegisterWithCiw => {
                Stage::CiwRegistration
            }
            HoldFirstGeneralMeeting => Stage::FirstGeneralMeeting,
        }
    }

    pub fn who(self) -> Who {
        use Task::*;
        match self {
            FirstConversations
            | FormSteeringGroup
            | LearnAboutCoops
            | FourPersonCheck
            | SupportPlan
            | AgreeWhatTheCoopOffers
            | ChooseRules
            | AgreeClassesAndVoting
            | WritePolicies => Who::SteeringGroup,
            DirectPaymentBudgets | AskCouncilsAboutPooling | PoolingAgreements => {
                Who::EachSupportedPerson
            }
            RunningCostsBudget
            | OpenBankAccount
            | RegisterAsEmployer
            | EmployersLiabilityInsurance
            | PensionScheme
            | SetUpPayroll => Who::Office(Office::Treasurer),
            AdmitFounderMembers | RegisterWithFca | HoldFirstGeneralMeeting => {
                Who::Office(Office::Secretary)
            }
            DbsChecks | AppointResponsibleIndividual | StatementOfPurpose | RegisterWithCiw => {
                Who::Office(Office::Coordinator)
            }
        }
    }

    /// The evidence a task must keep before it counts as done.
    pub fn evidence(self) -> &'static [EvidenceField] {
        use EvidenceField as E;
        use Task::*;
        match self {
            FirstConversations
            | LearnAboutCoops
            | FourPersonCheck
            | SupportPlan
            | AgreeWhatTheCoopOffers
            | RunningCostsBudget
            | DirectPaymentBudgets
            | AgreeClassesAndVoting => &[E::Date, E::Document],
            FormSteeringGroup | AdmitFounderMembers => &[E::Date, E::PeopleCount],
            AskCouncilsAboutPooling => &[E::Date],
            ChooseRules | WritePolicies | StatementOfPurpose => &[E::Date, E::Document],
            RegisterWithFca => &[E::Date, E::FcaRegistrationNumber, E::Document],
            OpenBankAccount | DbsChecks | SetUpPayroll => &[E::Date],
            RegisterAsEmployer => &[E::Date, E::HmrcEmployerReference],
            EmployersLiabilityInsurance => &[
                E::Insurer,
                E::PolicyNumber,
                E::CoverPence,
                E::ExpiresOn,
                E::Document,
            ],
            PensionScheme => &[E::Date, E::PensionProvider],
            PoolingAgreements => &[E::Council, E::CouncilReference, E::Date, E::Document],
            AppointResponsibleIndividual => &[E::Date, E::PersonName],
            RegisterWithCiw => &[E::Date, E::CiwRegistrationNumber],
            HoldFirstGeneralMeeting => &[E::Date, E::Document],
        }
    }
}

/// The evidence given for one task (or, for pooling, one council).
pub type Evidence = BTreeMap<EvidenceField, EvidenceValue>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormationError {
    #[error("the task {task} is not part of forming a co-operative of this kind")]
    NotInTemplate { task: Task },
    #[error("the task {task} needs {field} as evidence")]
    MissingEvidence { task: Task, field: EvidenceField },
    #[error("{field} is not the right kind of value (a date, a number, an amount or text)")]
    WrongValue { field: EvidenceField },
    #[error(
        "employer's liability insurance must cover at least £5,000,000; this policy covers {cover_pence} pence"
    )]
    CoverTooLow { cover_pence: u64 },
    #[error("at least {MINIMUM_FOUNDERS} people are needed; {count} recorded")]
    TooFewPeople { count: u32 },
    #[error(
        "an HMRC employer reference is a three-digit office number, a slash and the reference, like 123/AB45678"
    )]
    EmployerReferenceForm,
    #[error(
        "add the council to the co-operative's list of councils before recording its agreement"
    )]
    UnknownCouncil { council: String },
    #[error("{field} cannot be blank")]
    Blank { field: EvidenceField },
}

impl FormationError {
    /// The stable code the pages translate into a sentence that says what
    /// to do.
    pub fn code(&self) -> &'static str {
        match self {
            FormationError::NotInTemplate { .. } => "governance-not-in-template",
            FormationError::MissingEvidence { .. } => "governance-missing-evidence",
            FormationError::WrongValue { .. } => "governance-wrong-value",
            FormationError::CoverTooLow { .. } => "governance-cover-too-low",
            FormationError::TooFewPeople { .. } => "governance-too-few-people",
            FormationError::EmployerReferenceForm => "governance-employer-reference-form",
            FormationError::UnknownCouncil { .. } => "governance-unknown-council",
            FormationError::Blank { .. } => "governance-blank",
        }
    }
}

/// What the group has done so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormationRecord {
    done: BTreeMap<Task, Evidence>,
    /// Every council whose Direct Payments will be pooled.
    councils: BTreeSet<String>,
    /// The pooling agreement with each council, by council.
    agreements: BTreeMap<String, Evidence>,
}

impl FormationRecord {
    pub fn new() -> FormationRecord {
        FormationRecord::default()
    }

    pub fn evidence_for(&self, task: Task) -> Option<&Evidence> {
        self.done.get(&task)
    }

    pub fn councils(&self) -> &BTreeSet<String> {
        &self.councils
    }

    /// Adds a council whose Direct Payments someone in the group receives.
    pub fn add_council(&mut self, council: &str) -> Result<(), FormationError> {
        let council = council.trim();
        if council.is_empty() {
            return Err(FormationError::Blank {
                field: EvidenceField::Council,
            });
        }
        self.councils.insert(council.to_owned());
        Ok(())
    }

    /// Ticks off a task with its evidence, checking the evidence first.
    /// Recording a task again replaces its evidence.
    pub fn complete(
        &mut self,
        kind: CoopKind,
        task: Task,
        evidence: Evidence,
    ) -> Result<(), FormationError> {
        check_in_template(kind, task)?;
        check_evidence(task, &evidence)?;
        if task == Task::PoolingAgreements {
            let council = text(&evidence, EvidenceField::Council)
                .unwrap_or_default()
                .trim()
                .to_owned();
            if !self.councils.contains(&council) {
                return Err(FormationError::UnknownCouncil { council });
            }
            self.agreements.insert(council, evidence);
        } else {
            self.done.insert(task, evidence);
        }
        Ok(())
    }

    fn is_done(&self, task: Task) -> bool {
        if task == Task::PoolingAgreements {
            !self.councils.is_empty()
                && self
                    .councils
                    .iter()
                    .all(|council| self.agreements.contains_key(council))
        } else {
            self.done.contains_key(&task)
        }
    }

    /// Councils still without a pooling agreement.
    pub fn councils_without_agreement(&self) -> Vec<String> {
        self.councils
            .iter()
            .filter(|c| !self.agreements.contains_key(*c))
            .cloned()
            .collect()
    }
}

fn check_in_template(kind: CoopKind, task: Task) -> Result<(), FormationError> {
    let stage = task.stage();
    if stage.applies_to(kind) && stage.tasks(kind).contains(&task) {
        Ok(())
    } else {
        Err(FormationError::NotInTemplate { task })
    }
}

fn text(evidence: &Evidence, field: EvidenceField) -> Option<&str> {
    match evidence.get(&field) {
        Some(EvidenceValue::Text(value)) => Some(value),
        _ => None,
    }
}

fn check_evidence(task: Task, evidence: &Evidence) -> Result<(), FormationError> {
    use EvidenceField as E;
    for field in task.evidence() {
        let value = evidence.get(field).ok_or(FormationError::MissingEvidence {
            task,
            field: *field,
        })?;
        let right_kind = match field {
            E::Date | E::ExpiresOn => matches!(value, EvidenceValue::Date(_)),
            E::Document => matches!(value, EvidenceValue::Document(_)),
            E::PeopleCount => matches!(value, EvidenceValue::Count(_)),
            E::CoverPence => matches!(value, EvidenceValue::Pence(_)),
            E::FcaRegistrationNumber
            | E::HmrcEmployerReference
            | E::Insurer
            | E::PolicyNumber
            | E::PensionProvider
            | E::CiwRegistrationNumber
            | E::PersonName
            | E::Council
            | E::CouncilReference => matches!(value, EvidenceValue::Text(_)),
        };
        if !right_kind {
            return Err(FormationError::WrongValue { field: *field });
        }
        match value {
            EvidenceValue::Text(text) | EvidenceValue::Document(text) if text.trim().is_empty() => {
                return Err(FormationError::Blank { field: *field });
            }
            EvidenceValue::Count(count) if *count < MINIMUM_FOUNDERS => {
                return Err(FormationError::TooFewPeople { count: *count });
            }
            EvidenceValue::Pence(cover) if *cover < MINIMUM_EMPLOYERS_LIABILITY_PENCE => {
                return Err(FormationError::CoverTooLow {
                    cover_pence: *cover,
                });
            }
            EvidenceValue::Text(reference)
                if *field == E::HmrcEmployerReference && !is_employer_reference(reference) =>
            {
                return Err(FormationError::EmployerReferenceForm);
            }
            _ => {}
        }
    }
    Ok(())
}

/// The employer PAYE reference: a three-digit tax office number, a slash,
/// then up to ten letters and digits (HMRC prints it as 123/AB45678).
fn is_employer_reference(raw: &str) -> bool {
    let value = raw.trim();
    let Some((office, reference)) = value.split_once('/') else {
        return false;
    };
    office.len() == 3
        && office.bytes().all(|b| b.is_ascii_digit())
        && (1..=10).contains(&reference.len())
        && reference.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskProgress {
    pub task: Task,
    pub who: Who,
    pub evidence: Vec<EvidenceField>,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageProgress {
    pub stage: Stage,
    pub tasks: Vec<TaskProgress>,
    pub complete: bool,
}

/// Where the group is and what comes next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormationProgress {
    pub kind: CoopKind,
    pub stages: Vec<StageProgress>,
    /// The first stage with work left; `None` once everything is done.
    pub current_stage: Option<Stage>,
    /// The first task left in the current stage.
    pub next_task: Option<Task>,
    pub tasks_done: u32,
    pub tasks_total: u32,
    pub councils_without_agreement: Vec<String>,
}

pub fn progress(kind: CoopKind, record: &FormationRecord) -> FormationProgress {
    let stages: Vec<StageProgress> = Stage::template(kind)
        .into_iter()
        .map(|stage| {
            let tasks: Vec<TaskProgress> = stage
                .tasks(kind)
                .into_iter()
                .map(|task| TaskProgress {
                    task,
                    who: task.who(),
                    evidence: task.evidence().to_vec(),
                    done: record.is_done(task),
                })
                .collect();
            let complete = tasks.iter().all(|t| t.done);
            StageProgress {
                stage,
                tasks,
                complete,
            }
        })
        .collect();
    let current = stages.iter().find(|s| !s.complete);
    let current_stage = current.map(|s| s.stage);
    let next_task = current.and_then(|s| s.tasks.iter().find(|t| !t.done).map(|t| t.task));
    let all_tasks = || stages.iter().flat_map(|s| s.tasks.iter());
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    FormationProgress {
        kind,
        current_stage,
        next_task,
        tasks_done: count(all_tasks().filter(|t| t.done).count()),
        tasks_total: count(all_tasks().count()),
        councils_without_agreement: record.councils_without_agreement(),
        stages,
    }
}

//! The co-operative's rules: what they say now, how they have changed, the
//! rules as registered (recorded once by the secretary or chair), and a
//! proposal to change them, which is always a special resolution.
//!
//! The page edits the settings a co-operative's rules commonly set; the
//! voting scheme (class caps or weights) is shown but kept as it is.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use cylch_domain::MemberClass;
use cylch_domain::policy::{self, Action};
use cylch_governance::Rules;
use cylch_governance::ratio::Share;
use cylch_governance::rules::{Admission, VotingScheme};
use cylch_store::CoopScope;
use jiff::Timestamp;
use serde::Deserialize;

use crate::AppState;
use crate::areas::rules::commands::{
    ProposeRuleChange, RecordRules, Refused, propose_rule_change, record_rules,
};
use crate::common::access::scope_for;
use crate::common::chrome::Chrome;
use crate::common::error::AppError;
use crate::common::fields::local_field;
use crate::common::form::CsrfForm;
use crate::common::page::{ViewerExt, render, render_invalid};
use crate::common::problems::Problems;
use crate::common::viewer::Viewer;

/// The settings form, as typed. Percentages are whole numbers.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SettingsForm {
    general_quorum_members: String,
    general_quorum_percent: String,
    committee_quorum_members: String,
    committee_quorum_percent: String,
    general_notice_days: String,
    committee_notice_days: String,
    short_notice_percent: String,
    special_percent: String,
    proxies_allowed: String,
    proxies_max: String,
    online_voting: String,
    secret_always: String,
    written_days: String,
    admission_by_members: String,
    /// `ommv` (one member, one vote) or `weighted`.
    voting: String,
    cap_supporter: String,
    weight_supported_person: String,
    weight_representative: String,
    weight_family_or_carer: String,
    weight_pa: String,
    weight_supporter: String,
    // Recording the registered rules.
    adopted_on: String,
    // Proposing a change.
    title: String,
    background: String,
    opens_at: String,
    closes_at: String,
}

fn percent(share: Share) -> String {
    let (n, d) = (u64::from(share.numerator()), u64::from(share.denominator()));
    if (n * 100) % d == 0 {
        (n * 100 / d).to_string()
    } else {
        format!("{n}/{d}")
    }
}

/// A class's weight as the form shows it: blank when it has no vote or
/// votes are not weighted.
fn weight(rules: &Rules, class: MemberClass) -> String {
    match &rules.voting {
        VotingScheme::ClassShares { weights } => {
            weights.get(&class).map(u32::to_string).unwrap_or_default()
        }
        VotingScheme::OneMemberOneVote { .. } => String::new(),
    }
}

/// The field a problem with the rules as a whole belongs at.
fn field_for(code: &str) -> &'static str {
    match code {
        "governance-quorum-below-one" => "general_quorum_members",
        "governance-notice-too-long" => "general_notice_days",
        "governance-short-notice-consent-too-low" => "short_notice_percent",
        "governance-proxy-limit-zero" => "proxies_max",
        "governance-written-resolution-days-zero" => "written_days",
        "governance-cap-zero" | "governance-caps-too-large" => "cap_supporter",
        "governance-no-weighted-classes" | "governance-zero-class-weight" => {
            "weight_supported_person"
        }
        "rules-already-recorded" | "rules-unchanged" => "voting",
        _ => "special_percent",
    }
}

fn yes_no(value: bool) -> String {
    if value { "yes" } else { "no" }.to_owned()
}

impl SettingsForm {
    fn from_rules(rules: &Rules) -> SettingsForm {
        SettingsForm {
            general_quorum_members: rules.general_meeting_quorum.minimum_members.to_string(),
            general_quorum_percent: percent(rules.general_meeting_quorum.share_of_members),
            committee_quorum_members: rules.committee_quorum.minimum_members.to_string(),
            committee_quorum_percent: percent(rules.committee_quorum.share_of_members),
            general_notice_days: rules.general_meeting_notice_days.to_string(),
            committee_notice_days: rules.committee_meeting_notice_days.to_string(),
            short_notice_percent: percent(rules.short_notice_consent),
            special_percent: percent(rules.special_resolution.share),
            proxies_allowed: yes_no(rules.proxies.allowed),
            proxies_max: rules.proxies.max_per_holder.to_string(),
            online_voting: yes_no(rules.online_voting),
            secret_always: yes_no(rules.secret_ballot_always),
            written_days: rules.written_resolution_days.to_string(),
            admission_by_members: yes_no(rules.admission == Admission::ByMembers),
            voting: match &rules.voting {
                VotingScheme::OneMemberOneVote { .. } => "ommv",
                VotingScheme::ClassShares { .. } => "weighted",
            }
            .to_owned(),
            cap_supporter: match &rules.voting {
                VotingScheme::OneMemberOneVote { caps } => caps
                    .get(&MemberClass::Supporter)
                    .map(|s| percent(*s))
                    .unwrap_or_default(),
                VotingScheme::ClassShares { .. } => String::new(),
            },
            weight_supported_person: weight(rules, MemberClass::SupportedPerson),
            weight_representative: weight(rules, MemberClass::Representative),
            weight_family_or_carer: weight(rules, MemberClass::FamilyOrCarer),
            weight_pa: weight(rules, MemberClass::Pa),
            weight_supporter: weight(rules, MemberClass::Supporter),
            ..SettingsForm::default()
        }
    }

    /// The rules this form describes, starting from `base` for what the
    /// page does not edit; each problem is added at its field.
    fn to_rules(&self, base: &Rules, errors: &mut Problems) -> Option<Rules> {
        let mut rules = base.clone();
        let mut whole =
            |field: &'static str, raw: &str, least: u32, most: u32| match raw.trim().parse::<u32>()
            {
                Ok(n) if (least..=most).contains(&n) => Some(n),
                _ => {
                    // Each field has its own words, so that a summary of
                    // several problems never repeats itself.
                    errors.add(field, format!("rules-error-{field}"));
                    None
                }
            };
        let gq = whole(
            "general_quorum_members",
            &self.general_quorum_members,
            1,
            1000,
        );
        let gp = whole(
            "general_quorum_percent",
            &self.general_quorum_percent,
            0,
            100,
        );
        let cq = whole(
            "committee_quorum_members",
            &self.committee_quorum_members,
            1,
            1000,
        );
        let cp = whole(
            "committee_quorum_percent",
            &self.committee_quorum_percent,
            0,
            100,
        );
        let gn = whole("general_notice_days", &self.general_notice_days, 0, 365);
        let cn = whole("committee_notice_days", &self.committee_notice_days, 0, 365);
        let sn = whole("short_notice_percent", &self.short_notice_percent, 51, 100);
        let sp = whole("special_percent", &self.special_percent, 51, 100);
        let pm = whole("proxies_max", &self.proxies_max, 0, 100);
        let wd = whole("written_days", &self.written_days, 1, 365);
        let mut flag = |field: &'static str, raw: &str| match raw {
            "yes" => Some(true),
            "no" => Some(false),
            _ => {
                errors.add(field, format!("rules-error-{field}"));
                None
            }
        };
        let proxies = flag("proxies_allowed", &self.proxies_allowed);
        let online = flag("online_voting", &self.online_voting);
        let secret = flag("secret_always", &self.secret_always);
        let by_members = flag("admission_by_members", &self.admission_by_members);
        let share = |n: u32| Share::percent(n).ok();
        rules.general_meeting_quorum.minimum_members = gq?;
        rules.general_meeting_quorum.share_of_members = share(gp?)?;
        rules.committee_quorum.minimum_members = cq?;
        rules.committee_quorum.share_of_members = share(cp?)?;
        rules.general_meeting_notice_days = gn?;
        rules.committee_meeting_notice_days = cn?;
        rules.short_notice_consent = share(sn?)?;
        rules.special_resolution.share = share(sp?)?;
        rules.proxies.allowed = proxies?;
        rules.proxies.max_per_holder = pm?;
        rules.online_voting = online?;
        rules.secret_ballot_always = secret?;
        rules.written_resolution_days = wd?;
        let voting = match self.voting.as_str() {
            "ommv" => {
                let mut caps = std::collections::BTreeMap::new();
                let raw = self.cap_supporter.trim();
                if !raw.is_empty() {
                    match raw.parse::<u32>().ok().filter(|n| (1..=99).contains(n)) {
                        Some(n) => {
                            caps.insert(MemberClass::Supporter, share(n)?);
                        }
                        None => {
                            errors.add("cap_supporter", "rules-error-cap_supporter");
                            return None;
                        }
                    }
                }
                VotingScheme::OneMemberOneVote { caps }
            }
            "weighted" => {
                let mut weights = std::collections::BTreeMap::new();
                for (field, raw, class) in [
                    (
                        "weight_supported_person",
                        &self.weight_supported_person,
                        MemberClass::SupportedPerson,
                    ),
                    (
                        "weight_representative",
                        &self.weight_representative,
                        MemberClass::Representative,
                    ),
                    (
                        "weight_family_or_carer",
                        &self.weight_family_or_carer,
                        MemberClass::FamilyOrCarer,
                    ),
                    ("weight_pa", &self.weight_pa, MemberClass::Pa),
                    (
                        "weight_supporter",
                        &self.weight_supporter,
                        MemberClass::Supporter,
                    ),
                ] {
                    let raw = raw.trim();
                    if raw.is_empty() || raw == "0" {
                        continue;
                    }
                    match raw.parse::<u32>().ok().filter(|n| *n <= 1000) {
                        Some(n) => {
                            weights.insert(class, n);
                        }
                        None => {
                            errors.add(field, format!("rules-error-{field}"));
                            return None;
                        }
                    }
                }
                VotingScheme::ClassShares { weights }
            }
            _ => {
                errors.add("voting", "rules-error-voting");
                return None;
            }
        };
        rules.voting = voting;
        rules.admission = if by_members? {
            Admission::ByMembers
        } else {
            Admission::ByCommittee
        };
        Some(rules)
    }
}

#[derive(Template)]
#[template(path = "rules/rules.html")]
struct RulesPage {
    chrome: Chrome,
    errors: Problems,
    coop_id: String,
    /// (label, value) of each setting in force.
    settings: Vec<(String, String)>,
    /// (version, adopted on, how: "as registered" or a link text, proposal id).
    history: Vec<(i64, String, String, String)>,
    can_record: bool,
    can_propose: bool,
    form: SettingsForm,
}

fn settings(state: &AppState, viewer: &Viewer, rules: &Rules) -> Vec<(String, String)> {
    let t = |id: &str| state.i18n.text(viewer.language, id);
    let with = |id: &str, pairs: &[(&str, String)]| {
        let mut args = fluent_bundle::FluentArgs::new();
        for (k, v) in pairs {
            args.set(k.to_string(), v.clone());
        }
        state.i18n.format(viewer.language, id, Some(&args))
    };
    let quorum = |q: cylch_governance::rules::QuorumRule| {
        with(
            "rules-quorum-value",
            &[
                ("members", q.minimum_members.to_string()),
                ("percent", percent(q.share_of_members)),
            ],
        )
    };
    let voting = match &rules.voting {
        VotingScheme::OneMemberOneVote { caps } if caps.is_empty() => t("rules-voting-ommv"),
        VotingScheme::OneMemberOneVote { .. } => t("rules-voting-capped"),
        VotingScheme::ClassShares { .. } => t("rules-voting-weighted"),
    };
    let days = |n: u32| with("rules-days-value", &[("days", n.to_string())]);
    let pct = |s: Share| with("rules-percent-value", &[("percent", percent(s))]);
    vec![
        (t("rules-setting-voting"), voting),
        (
            t("rules-setting-general-quorum"),
            quorum(rules.general_meeting_quorum),
        ),
        (
            t("rules-setting-committee-quorum"),
            quorum(rules.committee_quorum),
        ),
        (
            t("rules-setting-general-notice"),
            days(rules.general_meeting_notice_days),
        ),
        (
            t("rules-setting-committee-notice"),
            days(rules.committee_meeting_notice_days),
        ),
        (
            t("rules-setting-short-notice"),
            pct(rules.short_notice_consent),
        ),
        (t("rules-setting-ordinary"), t("rules-ordinary-value")),
        (
            t("rules-setting-special"),
            pct(rules.special_resolution.share),
        ),
        (
            t("rules-setting-proxies"),
            if rules.proxies.allowed {
                with(
                    "rules-proxies-value",
                    &[("max", rules.proxies.max_per_holder.to_string())],
                )
            } else {
                t("rules-no")
            },
        ),
        (
            t("rules-setting-online"),
            t(if rules.online_voting {
                "rules-yes"
            } else {
                "rules-no"
            }),
        ),
        (
            t("rules-setting-secret"),
            t(if rules.secret_ballot_always {
                "rules-yes"
            } else {
                "rules-no"
            }),
        ),
        (
            t("rules-setting-written"),
            days(rules.written_resolution_days),
        ),
        (
            t("rules-setting-admission"),
            t(match rules.admission {
                Admission::ByCommittee => "rules-admission-committee",
                Admission::ByMembers => "rules-admission-members",
            }),
        ),
    ]
}

async fn rules_page(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    errors: Problems,
    form: Option<SettingsForm>,
) -> Result<RulesPage, AppError> {
    let rules = state.store.rules(scope).await?;
    let history = state.store.rule_history(scope).await?;
    let allowed = |action| policy::decide(viewer.actor(), Some(scope.roles()), action).is_allowed();
    let t = |id: &str| state.i18n.text(viewer.language, id);
    let mut chrome = Chrome::new(state, viewer, "rules-title");
    if !errors.is_empty() {
        chrome.title = format!("{} {}", chrome.t("error-title-prefix"), chrome.title);
    }
    let form = form.unwrap_or_else(|| {
        let now = state.clock().now();
        SettingsForm {
            adopted_on: state.clock().today_in_wales().to_string(),
            opens_at: local_field(now),
            closes_at: local_field(
                Timestamp::from_second(now.as_second() + 14 * 86_400).unwrap_or(now),
            ),
            ..SettingsForm::from_rules(&rules)
        }
    });
    Ok(RulesPage {
        chrome,
        errors,
        coop_id: scope.coop_id().to_string(),
        settings: settings(state, viewer, &rules),
        history: history
            .iter()
            .map(|v| {
                (
                    v.version,
                    v.adopted_on.strftime("%d/%m/%Y").to_string(),
                    t(if v.proposal_id.is_some() {
                        "rules-by-resolution"
                    } else {
                        "rules-as-registered"
                    }),
                    v.proposal_id.clone().unwrap_or_default(),
                )
            })
            .collect(),
        can_record: history.is_empty() && allowed(Action::RecordRules),
        can_propose: allowed(Action::RaiseProposal),
        form,
    })
}

pub async fn show(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::ViewRules).await?;
    render(&rules_page(&state, &viewer, &scope, Problems::default(), None).await?)
}

/// Re-renders the settings form with a refusal that concerns the rules,
/// shown at the setting it belongs to.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    scope: &CoopScope,
    form: SettingsForm,
    refused: Refused,
) -> Result<Response, AppError> {
    let errors = match refused {
        Refused::Fields(errors) => errors,
        Refused::Rules(refusal, mut errors) => {
            errors.add(field_for(refusal.code), refusal.code);
            errors
        }
        Refused::Failed(err) => return Err(err),
    };
    render_invalid(&rules_page(state, viewer, scope, errors, Some(form)).await?)
}

pub async fn record(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RecordRules).await?;
    let mut problems = Problems::default();
    let rules = form.to_rules(&Rules::default(), &mut problems);
    let recorded = record_rules(
        &state,
        &scope,
        RecordRules {
            rules,
            problems,
            adopted_on: &form.adopted_on,
            language: viewer.language,
        },
    )
    .await;
    match recorded {
        Ok(()) => Ok(Redirect::to(&format!("/coops/{}/rules", scope.coop_id())).into_response()),
        Err(err) => refused(&state, &viewer, &scope, form, err).await,
    }
}

pub async fn propose(
    State(state): State<AppState>,
    viewer: ViewerExt,
    Path(id): Path<String>,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, AppError> {
    let scope = scope_for(&state, &viewer, &id, Action::RaiseProposal).await?;
    let current = state.store.rules(&scope).await?;
    let mut problems = Problems::default();
    let rules = form.to_rules(&current, &mut problems);
    let raised = propose_rule_change(
        &state,
        &scope,
        ProposeRuleChange {
            title: &form.title,
            background: &form.background,
            opens_at: &form.opens_at,
            closes_at: &form.closes_at,
            rules,
            problems,
            language: viewer.language,
        },
    )
    .await;
    match raised {
        Ok(record) => Ok(Redirect::to(&format!(
            "/coops/{}/proposals/{}",
            scope.coop_id(),
            record.id
        ))
        .into_response()),
        Err(err) => refused(&state, &viewer, &scope, form, err).await,
    }
}

/// The routes of this area, for the router and the permission test.
pub(crate) fn routes() -> Vec<crate::routes::Route> {
    use crate::routes::route;
    vec![
        route("GET", "/coops/{id}/rules", show),
        route("POST", "/coops/{id}/rules", record),
        route("POST", "/coops/{id}/rules/changes", propose),
    ]
}

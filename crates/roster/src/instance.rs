//! The instance: read from JSON, checked, and turned into indexed domain types.
//!
//! Everything after this module works on indices and minutes since the epoch;
//! ids and local times exist only here and in the output.

use std::collections::HashMap;

use jiff::tz::TimeZone;
use serde::Deserialize;

use crate::time::{self, TimeError};

/// Sizes beyond these are refused as absurd: they guard memory and the
/// integer arithmetic of the objective, and are far above any co-operative.
pub const MAX_DAYS: usize = 366;
pub const MAX_PEOPLE: usize = 5_000;
pub const MAX_PAS: usize = 2_000;
pub const MAX_NEEDS: usize = 50_000;
/// Needs times PAs: the size of the who-may-do-what table.
pub const MAX_NEED_PA_PAIRS: usize = 20_000_000;
pub const MAX_PAS_REQUIRED: usize = 20;
pub const MAX_NEED_MINUTES: i64 = 2 * 24 * 60;
pub const MAX_WEIGHT: i64 = 100_000;
pub const MAX_RATE_PENCE: i64 = 100_000;
pub const MAX_AVAILABILITY_INTERVALS: usize = 10_000;

/// An instance that cannot be solved or checked, naming the offending item.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{item}: {message}")]
pub struct InstanceError {
    /// The id or field at fault (`n7`, `pas[3].available[0].end`, `horizon.days`).
    pub item: String,
    /// What is wrong, in words a coordinator can act on.
    pub message: String,
}

impl InstanceError {
    fn new(item: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            item: item.into(),
            message: message.into(),
        }
    }
}

/// Hard-rule parameters (format: `rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    pub min_daily_rest_minutes: i64,
    pub max_day_span_minutes: i64,
    pub days_off_per_7: i64,
    pub max_week_minutes: i64,
}

/// Objective weights (format: `weights`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub unassigned_per_hour: i64,
    pub extra_pa_per_person: i64,
    pub non_preferred_per_hour: i64,
    pub contract_deviation_per_hour: i64,
    pub cost_per_pound: i64,
    pub change_per_need: i64,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub preferred: Vec<usize>,
    pub excluded: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct Pa {
    pub id: String,
    pub hourly_rate_pence: i64,
    pub skills: Vec<String>,
    pub contracted_minutes_per_week: Option<i64>,
    pub max_minutes_per_week: Option<i64>,
    pub opted_out_48h: bool,
    /// Merged, sorted, half-open intervals in epoch minutes.
    pub available: Vec<(i64, i64)>,
}

#[derive(Debug, Clone)]
pub struct Need {
    pub id: String,
    pub people: Vec<usize>,
    pub start: i64,
    pub end: i64,
    pub pas_required: usize,
    pub skills: Vec<String>,
    /// The day in which the need starts (0-based from the horizon start).
    pub day: usize,
    /// The complete 7-day block of that day, if any.
    pub block: Option<usize>,
}

impl Need {
    pub fn minutes(&self) -> i64 {
        self.end - self.start
    }
}

/// A checked instance.
#[derive(Debug, Clone)]
pub struct Instance {
    pub timezone: String,
    pub days: usize,
    /// `days + 1` day boundaries in epoch minutes: day d is `[day_starts[d], day_starts[d+1])`.
    pub day_starts: Vec<i64>,
    pub blocks: usize,
    pub rules: Rules,
    pub weights: Weights,
    pub people: Vec<Person>,
    pub pas: Vec<Pa>,
    pub needs: Vec<Need>,
    /// Pinned (need, pa) pairs.
    pub pinned: Vec<(usize, usize)>,
    /// Per need, the sorted set of PAs in the published roster, if it appears there.
    pub current: Vec<Option<Vec<usize>>>,
}

impl Instance {
    /// Rule 7's cap for a PA in a block, in minutes.
    pub fn week_cap(&self, pa: usize) -> i64 {
        let p = &self.pas[pa];
        let mut cap = i64::MAX;
        if let Some(own) = p.max_minutes_per_week {
            cap = cap.min(own);
        }
        if !p.opted_out_48h {
            cap = cap.min(self.rules.max_week_minutes);
        }
        cap
    }

    /// Rule 2 for one pair: available for the whole need, every skill, not excluded.
    pub fn eligible(&self, need: usize, pa: usize) -> bool {
        let n = &self.needs[need];
        let p = &self.pas[pa];
        let available = p.available.iter().any(|&(s, e)| s <= n.start && n.end <= e);
        let skilled = n.skills.iter().all(|s| p.skills.contains(s));
        let excluded = n
            .people
            .iter()
            .any(|&r| self.people[r].excluded.contains(&pa));
        available && skilled && !excluded
    }

    pub fn need_index(&self) -> HashMap<&str, usize> {
        self.needs
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect()
    }

    pub fn pa_index(&self) -> HashMap<&str, usize> {
        self.pas
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect()
    }
}

// ---- the JSON as written -------------------------------------------------

#[derive(Deserialize)]
struct RawInstance {
    horizon: RawHorizon,
    timezone: Option<String>,
    day_boundary: Option<String>,
    #[serde(default)]
    rules: RawRules,
    #[serde(default)]
    weights: RawWeights,
    #[serde(default)]
    people: Vec<RawPerson>,
    #[serde(default)]
    pas: Vec<RawPa>,
    #[serde(default)]
    needs: Vec<RawNeed>,
    #[serde(default)]
    pinned: Vec<RawPair>,
    #[serde(default)]
    current: Vec<RawPair>,
}

#[derive(Deserialize)]
struct RawHorizon {
    start: String,
    days: i64,
}

#[derive(Deserialize, Default)]
struct RawRules {
    min_daily_rest_minutes: Option<i64>,
    max_day_span_minutes: Option<i64>,
    days_off_per_7: Option<i64>,
    max_week_minutes: Option<i64>,
}

#[derive(Deserialize, Default)]
struct RawWeights {
    unassigned_per_hour: Option<i64>,
    extra_pa_per_person: Option<i64>,
    non_preferred_per_hour: Option<i64>,
    contract_deviation_per_hour: Option<i64>,
    cost_per_pound: Option<i64>,
    change_per_need: Option<i64>,
}

#[derive(Deserialize)]
struct RawPerson {
    id: String,
    #[serde(default)]
    preferred_pas: Vec<String>,
    #[serde(default)]
    excluded_pas: Vec<String>,
}

#[derive(Deserialize)]
struct RawPa {
    id: String,
    hourly_rate_pence: i64,
    #[serde(default)]
    skills: Vec<String>,
    contracted_minutes_per_week: Option<i64>,
    max_minutes_per_week: Option<i64>,
    #[serde(default)]
    opted_out_48h: bool,
    available: Vec<RawInterval>,
}

#[derive(Deserialize)]
struct RawInterval {
    start: String,
    end: String,
}

#[derive(Deserialize)]
struct RawNeed {
    id: String,
    people: Vec<String>,
    start: String,
    end: String,
    pas_required: Option<i64>,
    #[serde(default)]
    skills: Vec<String>,
}

#[derive(Deserialize)]
struct RawPair {
    need: String,
    pa: String,
}

/// The JSON of an instance, read and checked.
pub fn parse(text: &str) -> Result<Instance, InstanceError> {
    let raw: RawInstance = serde_json::from_str(text)
        .map_err(|e| InstanceError::new("instance", format!("not a valid instance: {e}")))?;
    build(raw)
}

fn in_range(item: &str, value: i64, low: i64, high: i64) -> Result<i64, InstanceError> {
    if value < low || value > high {
        return Err(InstanceError::new(
            item,
            format!("{value} is outside the sensible range {low} to {high}"),
        ));
    }
    Ok(value)
}

fn build(raw: RawInstance) -> Result<Instance, InstanceError> {
    let zone_name = raw.timezone.unwrap_or_else(|| "Europe/London".to_string());
    let tz = TimeZone::get(&zone_name).map_err(|_| {
        InstanceError::new(
            "timezone",
            format!("\"{zone_name}\" is not a known time zone"),
        )
    })?;
    let time_err = |item: &str, e: TimeError| InstanceError::new(item, e.to_string());

    // Horizon and days.
    let start_date = time::parse_date(&raw.horizon.start).ok_or_else(|| {
        InstanceError::new(
            "horizon.start",
            format!("\"{}\" is not a date written YYYY-MM-DD", raw.horizon.start),
        )
    })?;
    if raw.horizon.days < 1 || raw.horizon.days > MAX_DAYS as i64 {
        return Err(InstanceError::new(
            "horizon.days",
            format!(
                "{} days is not a horizon we can plan: use 1 to {MAX_DAYS}",
                raw.horizon.days
            ),
        ));
    }
    let days = raw.horizon.days as usize;
    let boundary_text = raw.day_boundary.unwrap_or_else(|| "04:00".to_string());
    let boundary = time::parse_clock(&boundary_text).ok_or_else(|| {
        InstanceError::new(
            "day_boundary",
            format!("\"{boundary_text}\" is not a wall-clock time written HH:MM"),
        )
    })?;
    let mut day_starts = Vec::with_capacity(days + 1);
    for d in 0..=days {
        let date = start_date
            .checked_add(jiff::Span::new().days(d as i64))
            .map_err(|_| {
                InstanceError::new("horizon.start", "the horizon runs off the calendar")
            })?;
        let minutes = time::instant_minutes(&tz, &zone_name, date.to_datetime(boundary))
            .map_err(|e| time_err("day_boundary", e))?;
        day_starts.push(minutes);
    }
    let blocks = days / 7;

    // Rules and weights: defaults from the format, then sanity.
    let r = raw.rules;
    let rules = Rules {
        min_daily_rest_minutes: in_range(
            "rules.min_daily_rest_minutes",
            r.min_daily_rest_minutes.unwrap_or(660),
            0,
            7 * 24 * 60,
        )?,
        max_day_span_minutes: in_range(
            "rules.max_day_span_minutes",
            r.max_day_span_minutes.unwrap_or(780),
            0,
            7 * 24 * 60,
        )?,
        days_off_per_7: in_range("rules.days_off_per_7", r.days_off_per_7.unwrap_or(1), 0, 7)?,
        max_week_minutes: in_range(
            "rules.max_week_minutes",
            r.max_week_minutes.unwrap_or(2880),
            0,
            7 * 24 * 60,
        )?,
    };
    let w = raw.weights;
    let weight = |name: &str, v: Option<i64>, default: i64| {
        in_range(
            &format!("weights.{name}"),
            v.unwrap_or(default),
            0,
            MAX_WEIGHT,
        )
    };
    let weights = Weights {
        unassigned_per_hour: weight("unassigned_per_hour", w.unassigned_per_hour, 1000)?,
        extra_pa_per_person: weight("extra_pa_per_person", w.extra_pa_per_person, 50)?,
        non_preferred_per_hour: weight("non_preferred_per_hour", w.non_preferred_per_hour, 5)?,
        contract_deviation_per_hour: weight(
            "contract_deviation_per_hour",
            w.contract_deviation_per_hour,
            2,
        )?,
        cost_per_pound: weight("cost_per_pound", w.cost_per_pound, 1)?,
        change_per_need: weight("change_per_need", w.change_per_need, 200)?,
    };

    if raw.people.len() > MAX_PEOPLE {
        return Err(InstanceError::new(
            "people",
            format!(
                "{} people is more than the {MAX_PEOPLE} we accept",
                raw.people.len()
            ),
        ));
    }
    if raw.pas.len() > MAX_PAS {
        return Err(InstanceError::new(
            "pas",
            format!("{} PAs is more than the {MAX_PAS} we accept", raw.pas.len()),
        ));
    }
    if raw.needs.len() > MAX_NEEDS {
        return Err(InstanceError::new(
            "needs",
            format!(
                "{} needs is more than the {MAX_NEEDS} we accept",
                raw.needs.len()
            ),
        ));
    }

    if raw.needs.len().saturating_mul(raw.pas.len()) > MAX_NEED_PA_PAIRS {
        return Err(InstanceError::new(
            "needs",
            format!(
                "{} needs for {} PAs is too large to plan in one go: plan fewer weeks or fewer teams at a time",
                raw.needs.len(),
                raw.pas.len()
            ),
        ));
    }

    // PAs first: people refer to them.
    let mut pa_ids: HashMap<String, usize> = HashMap::new();
    let mut pas = Vec::with_capacity(raw.pas.len());
    for (i, p) in raw.pas.into_iter().enumerate() {
        if p.id.is_empty() {
            return Err(InstanceError::new(
                format!("pas[{i}].id"),
                "a PA needs an id",
            ));
        }
        if pa_ids.insert(p.id.clone(), i).is_some() {
            return Err(InstanceError::new(&p.id, "this PA id is used twice"));
        }
        in_range(
            &format!("{}.hourly_rate_pence", p.id),
            p.hourly_rate_pence,
            0,
            MAX_RATE_PENCE,
        )?;
        if let Some(c) = p.contracted_minutes_per_week {
            in_range(
                &format!("{}.contracted_minutes_per_week", p.id),
                c,
                0,
                7 * 24 * 60,
            )?;
        }
        if let Some(c) = p.max_minutes_per_week {
            in_range(&format!("{}.max_minutes_per_week", p.id), c, 0, 7 * 24 * 60)?;
        }
        if p.available.len() > MAX_AVAILABILITY_INTERVALS {
            return Err(InstanceError::new(
                format!("{}.available", p.id),
                format!("more than {MAX_AVAILABILITY_INTERVALS} availability intervals"),
            ));
        }
        let mut intervals = Vec::with_capacity(p.available.len());
        for (k, iv) in p.available.iter().enumerate() {
            let item = format!("{}.available[{k}]", p.id);
            let s = time::parse_local(&iv.start)
                .and_then(|dt| time::instant_minutes(&tz, &zone_name, dt))
                .map_err(|e| time_err(&format!("{item}.start"), e))?;
            let e = time::parse_local(&iv.end)
                .and_then(|dt| time::instant_minutes(&tz, &zone_name, dt))
                .map_err(|e| time_err(&format!("{item}.end"), e))?;
            if e <= s {
                return Err(InstanceError::new(
                    item,
                    format!("ends ({}) before or when it starts ({})", iv.end, iv.start),
                ));
            }
            intervals.push((s, e));
        }
        pas.push(Pa {
            id: p.id,
            hourly_rate_pence: p.hourly_rate_pence,
            skills: p.skills,
            contracted_minutes_per_week: p.contracted_minutes_per_week,
            max_minutes_per_week: p.max_minutes_per_week,
            opted_out_48h: p.opted_out_48h,
            available: merge(intervals),
        });
    }

    let mut person_ids: HashMap<String, usize> = HashMap::new();
    let mut people = Vec::with_capacity(raw.people.len());
    for (i, r) in raw.people.into_iter().enumerate() {
        if r.id.is_empty() {
            return Err(InstanceError::new(
                format!("people[{i}].id"),
                "a person needs an id",
            ));
        }
        if person_ids.insert(r.id.clone(), i).is_some() {
            return Err(InstanceError::new(&r.id, "this person id is used twice"));
        }
        let lookup = |list: &[String], what: &str| -> Result<Vec<usize>, InstanceError> {
            let mut out = Vec::new();
            for a in list {
                let &idx = pa_ids.get(a).ok_or_else(|| {
                    InstanceError::new(
                        format!("{}.{what}", r.id),
                        format!("names PA \"{a}\", who is not in the list of PAs"),
                    )
                })?;
                if !out.contains(&idx) {
                    out.push(idx);
                }
            }
            Ok(out)
        };
        let preferred = lookup(&r.preferred_pas, "preferred_pas")?;
        let excluded = lookup(&r.excluded_pas, "excluded_pas")?;
        people.push(Person {
            id: r.id,
            preferred,
            excluded,
        });
    }

    let mut need_ids: HashMap<String, usize> = HashMap::new();
    let mut needs = Vec::with_capacity(raw.needs.len());
    for (i, n) in raw.needs.into_iter().enumerate() {
        if n.id.is_empty() {
            return Err(InstanceError::new(
                format!("needs[{i}].id"),
                "a need needs an id",
            ));
        }
        if need_ids.insert(n.id.clone(), i).is_some() {
            return Err(InstanceError::new(&n.id, "this need id is used twice"));
        }
        if n.people.is_empty() {
            return Err(InstanceError::new(
                &n.id,
                "the need names nobody to support",
            ));
        }
        let mut who = Vec::with_capacity(n.people.len());
        for r in &n.people {
            let &idx = person_ids.get(r).ok_or_else(|| {
                InstanceError::new(
                    &n.id,
                    format!("names person \"{r}\", who is not in the list of people"),
                )
            })?;
            if !who.contains(&idx) {
                who.push(idx);
            }
        }
        let start = time::parse_local(&n.start)
            .and_then(|dt| time::instant_minutes(&tz, &zone_name, dt))
            .map_err(|e| time_err(&format!("{}.start", n.id), e))?;
        let end = time::parse_local(&n.end)
            .and_then(|dt| time::instant_minutes(&tz, &zone_name, dt))
            .map_err(|e| time_err(&format!("{}.end", n.id), e))?;
        if end <= start {
            return Err(InstanceError::new(
                &n.id,
                format!("ends ({}) before or when it starts ({})", n.end, n.start),
            ));
        }
        if end - start > MAX_NEED_MINUTES {
            return Err(InstanceError::new(
                &n.id,
                format!(
                    "lasts {} minutes; a single need may last at most {MAX_NEED_MINUTES}",
                    end - start
                ),
            ));
        }
        if start < day_starts[0] || start >= day_starts[days] {
            return Err(InstanceError::new(
                &n.id,
                format!("starts at {}, outside the {days}-day horizon", n.start),
            ));
        }
        // The last boundary not after the start: the need's day.
        let day = day_starts.partition_point(|&b| b <= start) - 1;
        let required = n.pas_required.unwrap_or(1);
        if required < 1 || required > MAX_PAS_REQUIRED as i64 {
            return Err(InstanceError::new(
                &n.id,
                format!("pas_required is {required}; it must be 1 to {MAX_PAS_REQUIRED}"),
            ));
        }
        needs.push(Need {
            id: n.id,
            people: who,
            start,
            end,
            pas_required: required as usize,
            skills: n.skills,
            day,
            block: (day / 7 < blocks).then_some(day / 7),
        });
    }

    let resolve = |pair: &RawPair, list: &str| -> Result<(usize, usize), InstanceError> {
        let &n = need_ids.get(&pair.need).ok_or_else(|| {
            InstanceError::new(
                &pair.need,
                format!(
                    "{list} names need \"{}\", which is not in the list of needs",
                    pair.need
                ),
            )
        })?;
        let &a = pa_ids.get(&pair.pa).ok_or_else(|| {
            InstanceError::new(
                &pair.pa,
                format!(
                    "{list} names PA \"{}\", who is not in the list of PAs",
                    pair.pa
                ),
            )
        })?;
        Ok((n, a))
    };
    let mut current: Vec<Option<Vec<usize>>> = vec![None; needs.len()];
    for pair in &raw.current {
        let (n, a) = resolve(pair, "current")?;
        let set = current[n].get_or_insert_with(Vec::new);
        if !set.contains(&a) {
            set.push(a);
            set.sort_unstable();
        }
    }
    let mut pinned = Vec::with_capacity(raw.pinned.len());
    for pair in &raw.pinned {
        let (n, a) = resolve(pair, "pinned")?;
        if pinned.contains(&(n, a)) {
            return Err(InstanceError::new(
                &pair.need,
                format!("{} is pinned to {} twice", pair.need, pair.pa),
            ));
        }
        pinned.push((n, a));
    }

    let instance = Instance {
        timezone: zone_name,
        days,
        day_starts,
        blocks,
        rules,
        weights,
        people,
        pas,
        needs,
        pinned,
        current,
    };
    check_pins(&instance)?;
    Ok(instance)
}

/// Sorted union of half-open intervals; touching ones join.
fn merge(mut intervals: Vec<(i64, i64)>) -> Vec<(i64, i64)> {
    intervals.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
    for (s, e) in intervals {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Pins must be possible: eligible (rule 2), within `pas_required`, and
/// together keep rules 3–7. The checker decides the last, so that pins are
/// judged by exactly the rules a solution is judged by.
fn check_pins(inst: &Instance) -> Result<(), InstanceError> {
    let mut per_need = vec![0usize; inst.needs.len()];
    for &(n, a) in &inst.pinned {
        let need = &inst.needs[n];
        if !inst.eligible(n, a) {
            let why = crate::explain::ineligible_reason(inst, n, a);
            return Err(InstanceError::new(
                &need.id,
                format!("the pin to {} cannot stand: {why}", inst.pas[a].id),
            ));
        }
        per_need[n] += 1;
        if per_need[n] > need.pas_required {
            return Err(InstanceError::new(
                &need.id,
                format!(
                    "{} PAs are pinned but the need asks for {}",
                    per_need[n], need.pas_required
                ),
            ));
        }
    }
    let violations = crate::checker::hard_rule_violations(inst, &inst.pinned);
    if let Some(v) = violations.first() {
        return Err(InstanceError::new(
            "pinned",
            format!("the pins break a hard rule among themselves: {}", v.message),
        ));
    }
    Ok(())
}

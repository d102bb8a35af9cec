//! Why a need is left open, in words a coordinator understands.

use crate::instance::Instance;
use crate::state::{Blocker, State};

/// Why rule 2 stops PA `a` from taking need `n` (assumes it does).
pub fn ineligible_reason(inst: &Instance, n: usize, a: usize) -> String {
    let need = &inst.needs[n];
    let pa = &inst.pas[a];
    if let Some(r) = need
        .people
        .iter()
        .find(|&&r| inst.people[r].excluded.contains(&a))
    {
        return format!(
            "{} has asked not to be supported by {}",
            inst.people[*r].id, pa.id
        );
    }
    let lacking: Vec<&str> = need
        .skills
        .iter()
        .filter(|s| !pa.skills.contains(s))
        .map(String::as_str)
        .collect();
    if !lacking.is_empty() {
        return format!("{} lacks skill {}", pa.id, lacking.join(" and "));
    }
    format!("{} is not available for the whole of {}", pa.id, need.id)
}

fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

fn rule_phrase(b: Blocker) -> &'static str {
    match b {
        Blocker::AlreadyOn => "is already on it",
        Blocker::Busy(_) => "is already working then",
        Blocker::DaySpan => "would work too long a day",
        Blocker::Rest => "would break the rest rule",
        Blocker::DaysOff => "would lose their day off that week",
        Blocker::WeekCap => "would go over their weekly hours",
    }
}

fn rule_name(b: Blocker) -> &'static str {
    match b {
        Blocker::AlreadyOn | Blocker::Busy(_) => "be working twice at once",
        Blocker::DaySpan => "break the day-length rule",
        Blocker::Rest => "break the rest rule",
        Blocker::DaysOff => "lose their day off that week",
        Blocker::WeekCap => "go over their weekly hours",
    }
}

/// Why need `n` still misses PAs in roster `s`.
pub fn why_unassigned(s: &State, n: usize) -> String {
    let inst = s.m.inst;
    let need = &inst.needs[n];
    let missing = s.missing(n);
    let prefix = if s.assigned[n].is_empty() {
        String::new()
    } else {
        format!(
            "only {} of the {} PAs needed could be found: ",
            s.assigned[n].len(),
            need.pas_required
        )
    };
    let skill_words = if need.skills.is_empty() {
        "no PA".to_string()
    } else {
        format!("no PA with skill {}", need.skills.join(" and "))
    };

    let skilled: Vec<usize> = (0..inst.pas.len())
        .filter(|&a| need.skills.iter().all(|k| inst.pas[a].skills.contains(k)))
        .collect();
    if skilled.is_empty() {
        return format!("{prefix}no PA has skill {}", need.skills.join(" and "));
    }
    let allowed: Vec<usize> = skilled
        .iter()
        .copied()
        .filter(|&a| {
            !need
                .people
                .iter()
                .any(|&r| inst.people[r].excluded.contains(&a))
        })
        .collect();
    if allowed.is_empty() {
        return format!(
            "{prefix}every PA who could do it has been excluded by {}",
            list(
                &need
                    .people
                    .iter()
                    .map(|&r| inst.people[r].id.as_str())
                    .collect::<Vec<_>>()
            )
        );
    }
    let available: Vec<usize> = allowed
        .iter()
        .copied()
        .filter(|&a| s.m.eligible[n].contains(&a) && !s.assigned[n].contains(&a))
        .collect();
    if available.is_empty() {
        return format!("{prefix}{skill_words} is available then");
    }
    let mut free = Vec::new();
    let mut blocked: Vec<(usize, Blocker)> = Vec::new();
    for &a in &available {
        match s.blocker(n, a) {
            None => free.push(a),
            Some(b) => blocked.push((a, b)),
        }
    }
    if !free.is_empty() {
        let names: Vec<&str> = free.iter().map(|&a| inst.pas[a].id.as_str()).collect();
        return format!(
            "{prefix}{} could take it, but under the current weights that costs more than leaving it open{}",
            list(&names),
            if missing > 1 {
                " (or they are needed elsewhere)"
            } else {
                ""
            }
        );
    }
    let all_busy = blocked.iter().all(|(_, b)| matches!(b, Blocker::Busy(_)));
    if all_busy {
        return format!("{prefix}{skill_words} is free");
    }
    let first = blocked[0].1;
    let same = blocked
        .iter()
        .all(|(_, b)| std::mem::discriminant(b) == std::mem::discriminant(&first));
    if same {
        return format!("{prefix}everyone free would {}", rule_name(first));
    }
    let parts: Vec<String> = blocked
        .iter()
        .take(6)
        .map(|&(a, b)| format!("{} {}", inst.pas[a].id, rule_phrase(b)))
        .collect();
    let more = if blocked.len() > 6 {
        format!(" (and {} more)", blocked.len() - 6)
    } else {
        String::new()
    };
    format!(
        "{prefix}everyone who could do it is busy or would break a working-time rule: {}{more}",
        parts.join("; ")
    )
}

//! The checker: a roster judged from scratch against the format document.
//!
//! Written straight from `roster-format.md` and deliberately naive (pairwise
//! loops, no incremental state) so that it shares no logic with the solver's
//! fast bookkeeping: the two are tested against each other.

use crate::instance::Instance;

/// One broken hard rule, by its number in the format document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub rule: u8,
    pub message: String,
}

/// The six terms of the objective.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Breakdown {
    pub unassigned: i64,
    pub extra_pa: i64,
    pub non_preferred: i64,
    pub contract_deviation: i64,
    pub cost: i64,
    pub change: i64,
}

impl Breakdown {
    pub fn score(&self) -> i64 {
        self.unassigned
            + self.extra_pa
            + self.non_preferred
            + self.contract_deviation
            + self.cost
            + self.change
    }
}

/// Everything the checker recomputes for a roster.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub breakdown: Breakdown,
    /// (need, missing) for every need with `missing > 0`, in instance order.
    pub unassigned: Vec<(usize, usize)>,
    pub violations: Vec<Violation>,
}

/// `ceil(a / b)` for `a >= 0`, `b > 0`.
pub fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1).div_euclid(b)
}

/// Scores a roster and lists every broken hard rule.
pub fn evaluate(inst: &Instance, assignments: &[(usize, usize)]) -> Evaluation {
    let violations = hard_rule_violations(inst, assignments);
    let (breakdown, unassigned) = objective(inst, assignments);
    Evaluation {
        breakdown,
        unassigned,
        violations,
    }
}

fn distinct(assignments: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pairs = assignments.to_vec();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The objective of `roster-format.md`, term by term.
pub fn objective(
    inst: &Instance,
    assignments: &[(usize, usize)],
) -> (Breakdown, Vec<(usize, usize)>) {
    let w = &inst.weights;
    let pairs = distinct(assignments);
    let mut b = Breakdown::default();

    let mut per_need: Vec<Vec<usize>> = vec![Vec::new(); inst.needs.len()];
    for &(n, a) in &pairs {
        per_need[n].push(a);
    }

    // Unassigned, per need.
    let mut unassigned = Vec::new();
    for (n, need) in inst.needs.iter().enumerate() {
        let missing = need.pas_required.saturating_sub(per_need[n].len());
        if missing > 0 {
            b.unassigned += ceil_div(w.unassigned_per_hour * missing as i64 * need.minutes(), 60);
            unassigned.push((n, missing));
        }
    }

    // Extra PAs, per person with at least one assigned need.
    for r in 0..inst.people.len() {
        let mut pas: Vec<usize> = pairs
            .iter()
            .filter(|&&(n, _)| inst.needs[n].people.contains(&r))
            .map(|&(_, a)| a)
            .collect();
        pas.sort_unstable();
        pas.dedup();
        if !pas.is_empty() {
            b.extra_pa += w.extra_pa_per_person * (pas.len() as i64 - 1);
        }
    }

    // Non-preferred and cost, per assignment.
    for &(n, a) in &pairs {
        let need = &inst.needs[n];
        for &r in &need.people {
            let preferred = &inst.people[r].preferred;
            if !preferred.is_empty() && !preferred.contains(&a) {
                b.non_preferred += ceil_div(w.non_preferred_per_hour * need.minutes(), 60);
            }
        }
        b.cost += ceil_div(
            w.cost_per_pound * need.minutes() * inst.pas[a].hourly_rate_pence,
            6000,
        );
    }

    // Contract deviation, per PA with a contract and per block.
    for (a, pa) in inst.pas.iter().enumerate() {
        let Some(contracted) = pa.contracted_minutes_per_week else {
            continue;
        };
        for block in 0..inst.blocks {
            let worked: i64 = pairs
                .iter()
                .filter(|&&(n, x)| x == a && inst.needs[n].block == Some(block))
                .map(|&(n, _)| inst.needs[n].minutes())
                .sum();
            b.contract_deviation += ceil_div(
                w.contract_deviation_per_hour * (worked - contracted).abs(),
                60,
            );
        }
    }

    // Change, per need that appears in `current`.
    for (n, current) in inst.current.iter().enumerate() {
        if let Some(set) = current {
            let mut now = per_need[n].clone();
            now.sort_unstable();
            if &now != set {
                b.change += w.change_per_need;
            }
        }
    }
    (b, unassigned)
}

/// Hard rules 1–8, each broken instance named.
pub fn hard_rule_violations(inst: &Instance, assignments: &[(usize, usize)]) -> Vec<Violation> {
    let mut out = Vec::new();
    let need_id = |n: usize| inst.needs[n].id.as_str();
    let pa_id = |a: usize| inst.pas[a].id.as_str();

    // Rule 1: at most pas_required assignments per need, each to a different PA.
    let mut sorted = assignments.to_vec();
    sorted.sort_unstable();
    for pair in sorted.windows(2) {
        if pair[0] == pair[1] {
            out.push(Violation {
                rule: 1,
                message: format!(
                    "{} is given to {} more than once",
                    need_id(pair[0].0),
                    pa_id(pair[0].1)
                ),
            });
        }
    }
    let pairs = distinct(assignments);
    let mut counts = vec![0usize; inst.needs.len()];
    for &(n, _) in &pairs {
        counts[n] += 1;
    }
    for (n, need) in inst.needs.iter().enumerate() {
        let count = counts[n];
        if count > need.pas_required {
            out.push(Violation {
                rule: 1,
                message: format!(
                    "{} has {count} PAs but asks for {}",
                    need.id, need.pas_required
                ),
            });
        }
    }

    // Rule 2: availability, skills, exclusions.
    for &(n, a) in &pairs {
        let need = &inst.needs[n];
        let pa = &inst.pas[a];
        if !pa
            .available
            .iter()
            .any(|&(s, e)| s <= need.start && need.end <= e)
        {
            out.push(Violation {
                rule: 2,
                message: format!("{} is not available for the whole of {}", pa.id, need.id),
            });
        }
        for skill in &need.skills {
            if !pa.skills.contains(skill) {
                out.push(Violation {
                    rule: 2,
                    message: format!("{} lacks skill {skill}, which {} needs", pa.id, need.id),
                });
            }
        }
        for &r in &need.people {
            if inst.people[r].excluded.contains(&a) {
                out.push(Violation {
                    rule: 2,
                    message: format!(
                        "{} is excluded by {} but given {}",
                        pa.id, inst.people[r].id, need.id
                    ),
                });
            }
        }
    }

    let r = &inst.rules;
    let mut by_pa: Vec<Vec<usize>> = vec![Vec::new(); inst.pas.len()];
    for &(n, a) in &pairs {
        by_pa[a].push(n);
    }
    for (a, mine) in by_pa.iter().enumerate() {
        // Rule 3: no overlaps; rule 5: rest between a need and any later day's need.
        for (i, &x) in mine.iter().enumerate() {
            for &y in &mine[i + 1..] {
                let (nx, ny) = (&inst.needs[x], &inst.needs[y]);
                if nx.start < ny.end && ny.start < nx.end {
                    out.push(Violation {
                        rule: 3,
                        message: format!(
                            "{} works {} and {} at overlapping times",
                            pa_id(a),
                            nx.id,
                            ny.id
                        ),
                    });
                }
                for (p, q) in [(nx, ny), (ny, nx)] {
                    if q.day > p.day && q.start - p.end < r.min_daily_rest_minutes {
                        out.push(Violation {
                            rule: 5,
                            message: format!(
                                "{} rests only {} minutes between {} and {} (at least {} required)",
                                pa_id(a),
                                q.start - p.end,
                                p.id,
                                q.id,
                                r.min_daily_rest_minutes
                            ),
                        });
                    }
                }
            }
        }
        // Rule 4: day span.
        for d in 0..inst.days {
            let on_day = mine.iter().map(|&n| &inst.needs[n]).filter(|n| n.day == d);
            let first = on_day.clone().map(|n| n.start).min();
            let last = on_day.map(|n| n.end).max();
            if let (Some(first), Some(last)) = (first, last)
                && last - first > r.max_day_span_minutes
            {
                out.push(Violation {
                    rule: 4,
                    message: format!(
                        "{}'s day {} spans {} minutes (at most {})",
                        pa_id(a),
                        d + 1,
                        last - first,
                        r.max_day_span_minutes
                    ),
                });
            }
        }
        // Rules 6 and 7, per block.
        let cap = inst.week_cap(a);
        for block in 0..inst.blocks {
            let in_block: Vec<usize> = mine
                .iter()
                .copied()
                .filter(|&n| inst.needs[n].block == Some(block))
                .collect();
            let mut days: Vec<usize> = in_block.iter().map(|&n| inst.needs[n].day).collect();
            days.sort_unstable();
            days.dedup();
            let off = 7 - days.len() as i64;
            if off < r.days_off_per_7 {
                out.push(Violation {
                    rule: 6,
                    message: format!(
                        "{} has {off} days off in week {} (at least {} required)",
                        pa_id(a),
                        block + 1,
                        r.days_off_per_7
                    ),
                });
            }
            let minutes: i64 = in_block.iter().map(|&n| inst.needs[n].minutes()).sum();
            if minutes > cap {
                out.push(Violation {
                    rule: 7,
                    message: format!(
                        "{} works {minutes} minutes in week {} (at most {cap})",
                        pa_id(a),
                        block + 1
                    ),
                });
            }
        }
    }

    // Rule 8: pins stand.
    for &(n, a) in &inst.pinned {
        if !pairs.contains(&(n, a)) {
            out.push(Violation {
                rule: 8,
                message: format!(
                    "{} is pinned to {} but not given to them",
                    need_id(n),
                    pa_id(a)
                ),
            });
        }
    }
    out
}

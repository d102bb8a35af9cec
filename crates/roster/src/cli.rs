//! The JSON contract of `cylch roster solve` and `cylch roster check`.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use serde_json::{Value, json};

use crate::checker::{self, Breakdown};
use crate::instance::{self, Instance, InstanceError};
use crate::{SolveOptions, Strategy};

/// What the command prints and the status it exits with.
pub struct Outcome {
    pub output: String,
    pub exit_status: u8,
}

fn refused(e: &InstanceError) -> Outcome {
    Outcome {
        output: json!({"error": {"item": e.item, "message": e.message}}).to_string(),
        exit_status: 2,
    }
}

fn breakdown_json(b: &Breakdown) -> Value {
    json!({
        "unassigned": b.unassigned,
        "extra_pa": b.extra_pa,
        "non_preferred": b.non_preferred,
        "contract_deviation": b.contract_deviation,
        "cost": b.cost,
        "change": b.change,
    })
}

pub fn solve_json(instance: &str, time_limit_ms: Option<u64>, seed: u64) -> Outcome {
    let mut opts = SolveOptions {
        seed,
        ..SolveOptions::default()
    };
    if let Some(ms) = time_limit_ms {
        opts.time_limit = Duration::from_millis(ms);
    }
    solve_json_with(instance, &opts)
}

/// `solve` with every option (threads, strategy, iteration cap).
pub fn solve_json_with(instance: &str, opts: &SolveOptions) -> Outcome {
    let inst = match instance::parse(instance) {
        Ok(i) => i,
        Err(e) => return refused(&e),
    };
    let solution = crate::solve(&inst, opts);
    let assignments: Vec<Value> = solution
        .assignments
        .iter()
        .map(|&(n, a)| json!({"need": inst.needs[n].id, "pa": inst.pas[a].id}))
        .collect();
    let unassigned: Vec<Value> = solution
        .open
        .iter()
        .map(|(n, missing, why)| json!({"need": inst.needs[*n].id, "missing": missing, "why": why}))
        .collect();
    let b = solution.evaluation.breakdown;
    let output = json!({
        "assignments": assignments,
        "score": b.score(),
        "breakdown": breakdown_json(&b),
        "unassigned": unassigned,
        "optimal": solution.optimal,
        "lower_bound": solution.lower_bound,
        "method": match opts.strategy {
            Strategy::Greedy => "greedy",
            _ if solution.optimal => "branch-and-bound",
            _ => "local-search",
        },
    });
    Outcome {
        output: output.to_string(),
        exit_status: 0,
    }
}

fn solution_error(item: String, message: impl Into<String>) -> Outcome {
    refused(&InstanceError {
        item,
        message: message.into(),
    })
}

pub fn check_json(instance: &str, solution: &str) -> Outcome {
    let inst = match instance::parse(instance) {
        Ok(i) => i,
        Err(e) => return refused(&e),
    };
    let value: Value = match serde_json::from_str(solution) {
        Ok(v) => v,
        Err(e) => return solution_error("solution".into(), format!("not valid JSON: {e}")),
    };
    let Some(list) = value.get("assignments").and_then(Value::as_array) else {
        return solution_error(
            "solution.assignments".into(),
            "the solution has no list of assignments",
        );
    };
    let needs = inst.need_index();
    let pas = inst.pa_index();
    let mut pairs = Vec::with_capacity(list.len());
    let mut problems: Vec<Value> = Vec::new();
    for (i, entry) in list.iter().enumerate() {
        let need = entry.get("need").and_then(Value::as_str);
        let pa = entry.get("pa").and_then(Value::as_str);
        let (Some(need), Some(pa)) = (need, pa) else {
            return solution_error(
                format!("solution.assignments[{i}]"),
                "each assignment needs a \"need\" and a \"pa\" id",
            );
        };
        match (needs.get(need), pas.get(pa)) {
            (Some(&n), Some(&a)) => pairs.push((n, a)),
            (None, _) => problems.push(json!({"rule": 1,
                "message": format!("assignment {i} names need \"{need}\", which is not in the instance")})),
            (_, None) => problems.push(json!({"rule": 1,
                "message": format!("assignment {i} names PA \"{pa}\", who is not in the instance")})),
        }
    }
    let evaluation = checker::evaluate(&inst, &pairs);
    let mut violations = problems;
    violations.extend(
        evaluation
            .violations
            .iter()
            .map(|v| json!({"rule": v.rule, "message": v.message})),
    );
    let b = evaluation.breakdown;
    let mismatches = compare(&inst, &value, &b, &evaluation.unassigned);
    let valid = violations.is_empty();
    let agrees = mismatches.is_empty();
    let unassigned: Vec<Value> = evaluation
        .unassigned
        .iter()
        .map(|&(n, missing)| json!({"need": inst.needs[n].id, "missing": missing}))
        .collect();
    let output = json!({
        "valid": valid,
        "score_matches": agrees,
        "score": b.score(),
        "breakdown": breakdown_json(&b),
        "unassigned": unassigned,
        "violations": violations,
        "mismatches": mismatches,
    });
    Outcome {
        output: output.to_string(),
        exit_status: if valid && agrees { 0 } else { 1 },
    }
}

/// Where the solution's own score, breakdown and unassigned list disagree
/// with the recomputation.
fn compare(inst: &Instance, value: &Value, b: &Breakdown, open: &[(usize, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    match value.get("score").and_then(Value::as_i64) {
        Some(s) if s == b.score() => {}
        Some(s) => out.push(format!(
            "score: the solution says {s}, recomputed {}",
            b.score()
        )),
        None => out.push("score: missing from the solution".into()),
    }
    let terms = [
        ("unassigned", b.unassigned),
        ("extra_pa", b.extra_pa),
        ("non_preferred", b.non_preferred),
        ("contract_deviation", b.contract_deviation),
        ("cost", b.cost),
        ("change", b.change),
    ];
    match value.get("breakdown") {
        Some(given) => {
            for (name, figure) in terms {
                match given.get(name).and_then(Value::as_i64) {
                    Some(g) if g == figure => {}
                    Some(g) => out.push(format!(
                        "breakdown.{name}: the solution says {g}, recomputed {figure}"
                    )),
                    None => out.push(format!("breakdown.{name}: missing from the solution")),
                }
            }
        }
        None => out.push("breakdown: missing from the solution".into()),
    }
    let expected: BTreeMap<&str, u64> = open
        .iter()
        .map(|&(n, m)| (inst.needs[n].id.as_str(), m as u64))
        .collect();
    match value.get("unassigned").and_then(Value::as_array) {
        Some(list) => {
            let mut given: HashMap<&str, u64> = HashMap::new();
            for e in list {
                if let (Some(n), Some(m)) = (
                    e.get("need").and_then(Value::as_str),
                    e.get("missing").and_then(Value::as_u64),
                ) {
                    given.insert(n, m);
                } else {
                    out.push("unassigned: an entry lacks \"need\" or \"missing\"".into());
                }
            }
            for (n, m) in &expected {
                match given.get(n) {
                    Some(g) if g == m => {}
                    Some(g) => out.push(format!(
                        "unassigned: {n} is missing {m}, the solution says {g}"
                    )),
                    None => out.push(format!("unassigned: {n} is missing {m} but is not listed")),
                }
            }
            for n in given.keys() {
                if !expected.contains_key(n) {
                    out.push(format!("unassigned: {n} is listed but is not short of PAs"));
                }
            }
        }
        None => out.push("unassigned: missing from the solution".into()),
    }
    out
}

//! `cylch roster solve` and `cylch roster check` as a coordinator's tools
//! would run them: the real binary, files in, JSON out, exit status.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test

use std::path::{Path, PathBuf};
use std::process::Command;

use cylch_store::testing::TempDir;
use serde_json::{Value, json};

const TINY: &str = "../../../shared/roster/tiny.json";

fn tiny() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(TINY)
}

/// A test's own folder for the files it writes, removed when it is done.
fn scratch_dir() -> TempDir {
    TempDir::new("cylch-roster-cli")
}

fn scratch(dir: &TempDir, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path
}

fn cylch(args: &[&str]) -> (Value, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_cylch"))
        .args(args)
        .output()
        .expect("run cylch");
    let text = String::from_utf8(out.stdout).unwrap();
    let value =
        serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (value, out.status.code().unwrap_or(-1))
}

fn solve(instance: &Path, extra: &[&str]) -> (Value, i32) {
    let mut args = vec!["roster", "solve", "--instance", instance.to_str().unwrap()];
    args.extend_from_slice(extra);
    cylch(&args)
}

fn check(dir: &TempDir, instance: &Path, solution: &Value) -> (Value, i32) {
    let path = scratch(
        dir,
        &format!("solution-{}.json", rand_name(solution)),
        &solution.to_string(),
    );
    cylch(&[
        "roster",
        "check",
        "--instance",
        instance.to_str().unwrap(),
        "--solution",
        path.to_str().unwrap(),
    ])
}

fn rand_name(v: &Value) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.to_string().hash(&mut h);
    h.finish()
}

#[test]
fn tiny_is_solved_to_its_proved_optimum_and_passes_the_checker() {
    let dir = scratch_dir();
    let (sol, code) = solve(&tiny(), &["--time-limit-ms", "5000", "--seed", "3"]);
    assert_eq!(code, 0);
    assert_eq!(sol["score"], 1451);
    assert_eq!(sol["optimal"], true);
    assert_eq!(
        sol["breakdown"],
        json!({"unassigned": 1000, "extra_pa": 100, "non_preferred": 30,
               "contract_deviation": 0, "cost": 121, "change": 200})
    );
    let open = sol["unassigned"].as_array().unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0]["need"], "n2");
    assert!(!open[0]["why"].as_str().unwrap().is_empty());

    let (report, code) = check(&dir, &tiny(), &sol);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["score"], 1451);
    assert_eq!(report["valid"], true);
}

#[test]
fn check_names_broken_rules_and_wrong_figures() {
    let dir = scratch_dir();
    let (mut sol, _) = solve(&tiny(), &["--time-limit-ms", "2000"]);
    // Give n2 (08:00–09:00) to a1, who works n1 (07:30–09:30): rule 3.
    sol["assignments"]
        .as_array_mut()
        .unwrap()
        .push(json!({"need": "n2", "pa": "a1"}));
    let (report, code) = check(&dir, &tiny(), &sol);
    assert_eq!(code, 1);
    let rules: Vec<i64> = report["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["rule"].as_i64().unwrap())
        .collect();
    assert!(rules.contains(&3), "{report}");
    assert!(!report["mismatches"].as_array().unwrap().is_empty());

    // Drop the pin (n3 to a2): rule 8.
    let (mut sol, _) = solve(&tiny(), &["--time-limit-ms", "2000"]);
    sol["assignments"]
        .as_array_mut()
        .unwrap()
        .retain(|a| a["need"] != "n3");
    let (report, code) = check(&dir, &tiny(), &sol);
    assert_eq!(code, 1);
    assert!(
        report["violations"].to_string().contains("pinned"),
        "{report}"
    );

    // A valid roster with a wrong score is still refused.
    let (mut sol, _) = solve(&tiny(), &["--time-limit-ms", "2000"]);
    sol["score"] = json!(1);
    let (report, code) = check(&dir, &tiny(), &sol);
    assert_eq!(code, 1);
    assert_eq!(report["valid"], true);
    assert!(report["mismatches"].to_string().contains("score"));
}

#[test]
fn bad_instances_exit_2_naming_the_item() {
    let dir = scratch_dir();
    let mut inst: Value = serde_json::from_str(&std::fs::read_to_string(tiny()).unwrap()).unwrap();
    inst["needs"][2]["end"] = json!("2026-04-06T11:00");
    let path = scratch(&dir, "end-before-start.json", &inst.to_string());
    let (out, code) = solve(&path, &[]);
    assert_eq!(code, 2);
    assert_eq!(out["error"]["item"], "n3");
    assert!(out["error"]["message"].as_str().unwrap().contains("before"));

    let (out, code) = check(&dir, &path, &json!({"assignments": []}));
    assert_eq!(code, 2);
    assert_eq!(out["error"]["item"], "n3");

    let path = scratch(&dir, "not-json.json", "{\"horizon\": ");
    let (out, code) = solve(&path, &[]);
    assert_eq!(code, 2);
    assert_eq!(out["error"]["item"], "instance");
}

#[test]
fn replanning_keeps_the_published_roster_where_it_can() {
    let dir = scratch_dir();
    let mut inst: Value = serde_json::from_str(&std::fs::read_to_string(tiny()).unwrap()).unwrap();
    let (first, _) = solve(&tiny(), &["--time-limit-ms", "2000"]);
    // Publish the optimum, then a3 is away on the second day.
    inst["current"] = first["assignments"].clone();
    inst["pas"][2]["available"] = json!([{"start": "2026-04-06T07:00", "end": "2026-04-06T23:30"}]);
    let path = scratch(&dir, "replan.json", &inst.to_string());
    let (second, code) = solve(&path, &["--time-limit-ms", "2000"]);
    assert_eq!(code, 0);
    assert_eq!(second["optimal"], true);
    let (report, code) = check(&dir, &path, &second);
    assert_eq!(code, 0, "{report}");
    // Only needs a3 worked on day two may change.
    let changed = second["breakdown"]["change"].as_i64().unwrap();
    assert!(changed <= 200, "{second}");
}

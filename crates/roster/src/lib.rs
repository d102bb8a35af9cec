//! The rota solver: share PAs fairly across people's support needs. Pure: no I/O.
//!
//! The contract is `shared/docs/roster-format.md`. [`instance`] reads and
//! checks an instance; [`checker`] judges a roster from scratch; [`state`]
//! keeps a working roster with fast rule checks and score changes;
//! [`heuristic`] builds and improves rosters of any size; [`exact`] proves the
//! optimum of small ones, with the lower bound of [`bound`]; [`explain`] says why a need is left open; [`cli`]
//! is the JSON in and out of `cylch roster`.

pub mod bound;
pub mod checker;
pub mod cli;
pub mod exact;
pub mod explain;
pub mod heuristic;
pub mod instance;
mod rng;
pub mod state;
pub mod time;

use std::time::{Duration, Instant};

use checker::Evaluation;
use instance::Instance;
use state::{Model, State};

/// Which solver to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    /// Exact search where the instance is small enough, local search otherwise.
    Auto,
    /// Construction and local search only, never the exact search.
    Heuristic,
    /// The plain greedy baseline (for benchmarks): no local search.
    Greedy,
}

#[derive(Debug, Clone)]
pub struct SolveOptions {
    pub time_limit: Duration,
    pub seed: u64,
    /// Stop each local search after this many moves (makes a run repeatable
    /// whatever the machine's speed); `None` runs to the time limit.
    pub max_iterations: Option<u64>,
    pub threads: usize,
    pub strategy: Strategy,
}

/// Ten seconds: enough to prove a co-operative's month optimal or to polish a
/// large roster, short enough for a coordinator waiting at a screen.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(10);

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            time_limit: DEFAULT_TIME_LIMIT,
            seed: 0,
            max_iterations: None,
            threads: 2,
            strategy: Strategy::Auto,
        }
    }
}

/// A solved roster with its recomputed score.
pub struct Solution {
    pub assignments: Vec<(usize, usize)>,
    pub evaluation: Evaluation,
    /// Proved optimal by the exact search.
    pub optimal: bool,
    /// No roster scores below this, where the exact search showed it.
    pub lower_bound: Option<i64>,
    /// Per unassigned need: (need, missing, why).
    pub open: Vec<(usize, usize, String)>,
}

/// Instances of a co-operative's size get the exact search.
pub fn is_exact_size(inst: &Instance) -> bool {
    (inst.people.len() <= 4 && inst.pas.len() <= 12 && inst.days <= 28) || inst.needs.len() <= 60
}

/// Limits below this (quick re-plans) get the plain branch and bound only.
const QUICK: Duration = Duration::from_secs(1);

/// Branch and bound beside a local search: the search finds good rosters
/// early and hands their scores to the proof, which cuts against them; once
/// the proof completes the search is told to stop. With one thread, a short
/// search runs first and then the proof.
fn exact_with_search(
    model: &Model,
    constructed: &State,
    opts: &SolveOptions,
    started: Instant,
    deadline: Instant,
) -> (Vec<(usize, usize)>, bool, i64) {
    let shared = heuristic::Shared::new(constructed.score);
    let incumbent = (constructed.score, constructed.assignments());
    let (found, proof) = if opts.threads >= 2 {
        std::thread::scope(|scope| {
            let search = scope.spawn(|| {
                // Annealing first, then exact re-solves of small windows.
                let mut s = constructed.clone();
                let budget = heuristic::Budget {
                    start: started,
                    deadline: started + opts.time_limit / 5,
                    max_iterations: opts.max_iterations,
                };
                let annealed = heuristic::improve(&mut s, opts.seed, budget, Some(&shared));
                // Polish the better of this roster and the bound's.
                let start = match shared.offered() {
                    Some((score, roster)) if score < annealed.score => roster,
                    _ => annealed.assignments.clone(),
                };
                let mut s = State::empty(model);
                for &(n, a) in &start {
                    s.add(n, a);
                }
                let polished = heuristic::lns(&mut s, opts.seed, deadline, Some(&shared));
                if polished.score <= annealed.score {
                    polished
                } else {
                    annealed
                }
            });
            // The proof gets most of the time; if it has not finished by
            // then it is unlikely to, and this thread searches too.
            let proof_until = started + opts.time_limit * 9 / 10;
            // One step of the Lagrangian bound on a month takes tens of
            // milliseconds: below a second it would overrun the limit.
            let proof = if opts.time_limit >= QUICK {
                exact::prove(model, incumbent, proof_until, Some(&shared))
            } else {
                exact::solve(model, incumbent, proof_until, Some(&shared))
            };
            if proof.proved {
                shared
                    .stop
                    .store(true, std::sync::atomic::Ordering::Relaxed);
                return (search.join().ok(), proof);
            }
            // The rest of the time: window re-solves from the proof's best.
            let mut s = State::empty(model);
            for &(n, a) in &proof.assignments {
                s.add(n, a);
            }
            let seed = opts.seed.wrapping_add(1);
            let mine = heuristic::lns(&mut s, seed, deadline, Some(&shared));
            let best = match search.join().ok() {
                Some(f) if f.score <= mine.score => f,
                _ => mine,
            };
            (
                Some(best),
                exact::Outcome {
                    proved: false,
                    ..proof
                },
            )
        })
    } else {
        let mut s = constructed.clone();
        let share = (opts.time_limit / 4).min(Duration::from_millis(
            30 + 2 * model.inst.needs.len() as u64,
        ));
        let budget = heuristic::Budget {
            start: started,
            deadline: started + share,
            max_iterations: opts.max_iterations,
        };
        let found = heuristic::improve(&mut s, opts.seed, budget, None);
        let incumbent = (found.score, found.assignments.clone());
        let proof = if opts.time_limit >= QUICK {
            exact::prove(model, incumbent, deadline, None)
        } else {
            exact::solve(model, incumbent, deadline, None)
        };
        (Some(found), proof)
    };
    match found {
        Some(f) if f.score < proof.score => (f.assignments, proof.proved, proof.bound),
        _ => (proof.assignments, proof.proved, proof.bound),
    }
}

pub fn solve(inst: &Instance, opts: &SolveOptions) -> Solution {
    let started = Instant::now();
    let deadline = started + opts.time_limit;
    let model = Model::new(inst);
    let constructed = heuristic::construct(&model);
    let fallback = constructed.assignments();

    let (mut assignments, mut optimal, bound) = match opts.strategy {
        Strategy::Greedy => (
            heuristic::plain_greedy(&model).assignments(),
            false,
            i64::MIN,
        ),
        Strategy::Heuristic => {
            let budget = heuristic::Budget {
                start: started,
                deadline,
                max_iterations: opts.max_iterations,
            };
            let found = heuristic::improve_parallel(&constructed, opts.seed, budget, opts.threads);
            (found.assignments, false, i64::MIN)
        }
        Strategy::Auto if !is_exact_size(inst) => {
            let budget = heuristic::Budget {
                start: started,
                deadline,
                max_iterations: opts.max_iterations,
            };
            let found = heuristic::improve_parallel(&constructed, opts.seed, budget, opts.threads);
            (found.assignments, false, i64::MIN)
        }
        Strategy::Auto => exact_with_search(&model, &constructed, opts, started, deadline),
    };

    // A last pass: fill any open slot that some PA can still take at a gain,
    // so no open need is left that a plain look would fill.
    if !optimal {
        let mut state = State::empty(&model);
        for &(n, a) in &assignments {
            state.add(n, a);
        }
        heuristic::fill_open(&mut state);
        assignments = state.assignments();
    }

    // Never hand back a roster the checker rejects: fall back to the
    // constructed one, then to the pins alone (checked when reading).
    let mut evaluation = checker::evaluate(inst, &assignments);
    if !evaluation.violations.is_empty() {
        optimal = false;
        assignments = fallback;
        evaluation = checker::evaluate(inst, &assignments);
        if !evaluation.violations.is_empty() {
            assignments = inst.pinned.clone();
            evaluation = checker::evaluate(inst, &assignments);
        }
    }
    assignments.sort_unstable();

    let mut state = State::empty(&model);
    for &(n, a) in &assignments {
        state.add(n, a);
    }
    let open = evaluation
        .unassigned
        .iter()
        .map(|&(n, missing)| (n, missing, explain::why_unassigned(&state, n)))
        .collect();
    let lower_bound = if optimal {
        Some(evaluation.breakdown.score())
    } else {
        // Every score is at least zero: only a bound above that says anything.
        Some(bound).filter(|&b| b > 0)
    };
    Solution {
        assignments,
        evaluation,
        optimal,
        lower_bound,
        open,
    }
}

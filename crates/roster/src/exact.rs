//! Branch and bound: the proved optimum for co-operative-sized instances.
//!
//! Needs are decided one at a time in start order; for each, the search tries
//! every allowed set of PAs (cheapest first, the pins always in it) and also
//! leaving slots open. A node is cut when a lower bound on every roster below
//! it is no better than the best roster known — its own or the one the local
//! search running beside it has found. The bound is the score so far, with
//! each undecided need counted at the least it could possibly cost on its own
//! (open slots, pay, preference, change) and contract deviation counted only
//! as far as it can no longer be avoided. For the next few needs the bound
//! only lets PAs who can still take them count: every hard rule stays broken
//! once broken, so a PA blocked now stays blocked below this node. If the
//! search runs to the end, the best roster is optimal.
//!
//! [`prove`] puts the Lagrangian bound of [`crate::bound`] in front: it often
//! meets the best roster's score outright; otherwise it rules most
//! (need, PA) pairs in or out of every better roster, and the branch and
//! bound above searches what is left, cutting also where the Lagrangian
//! bound of the partial roster (at the prices found) reaches the best score.

use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::bound::{Fixings, NodeBound, Relaxation};
use crate::heuristic::Shared;
use crate::state::{Model, State};

pub struct Outcome {
    pub score: i64,
    pub assignments: Vec<(usize, usize)>,
    /// The search finished: nothing scores below `min(score, shared best)`.
    pub proved: bool,
    pub nodes: u64,
    /// No roster scores below this (`i64::MIN` when nothing is known).
    pub bound: i64,
}

/// How many undecided needs past the frontier get the state-aware bound.
const LOOKAHEAD: usize = 12;

struct Bnb<'s, 'm, 'a> {
    s: &'s mut State<'m, 'a>,
    order: Vec<usize>,
    /// `least[pos]`: the static least own cost of the need at `pos`.
    least: Vec<i64>,
    /// `adjust[pos]`: over undecided needs at `pos..`, least own cost minus
    /// what the state charges them while undecided.
    adjust: Vec<i64>,
    /// Per PA and block, minutes of undecided needs that PA could still take.
    more: Vec<i64>,
    blocks: usize,
    best_score: i64,
    best: Vec<(usize, usize)>,
    nodes: u64,
    deadline: Instant,
    shared: Option<&'s Shared>,
    timed_out: bool,
    /// Give up after this many nodes (neighbourhood searches).
    node_limit: u64,
    /// Record only the decided needs' assignments at a leaf.
    window_only: bool,
    /// The Lagrangian bound at fixed prices, and which needs are decided.
    node: Option<&'s NodeBound<'s, 'm, 'a>>,
    decided: Vec<bool>,
}

/// The least need `n` can add to the score by itself when only PAs for
/// which `allowed` holds can be added to its pins.
fn least_own_cost(m: &Model, n: usize, allowed: impl Fn(usize) -> bool) -> i64 {
    let inst = m.inst;
    let need = &inst.needs[n];
    let pins = &m.pinned[n];
    let pin_cost: i64 = pins.iter().map(|&a| m.pair_cost(n, a)).sum();
    let free = need.pas_required - pins.len();
    let mut costs: Vec<i64> = m.eligible[n]
        .iter()
        .copied()
        .filter(|&a| !pins.contains(&a) && allowed(a))
        .map(|a| m.pair_cost(n, a))
        .collect();
    costs.sort_unstable();
    let mut best_any = i64::MAX;
    let mut running = 0;
    for k in 0..=free.min(costs.len()) {
        if k > 0 {
            running += costs[k - 1];
        }
        best_any = best_any.min(m.unassigned_cost[n][free - k] + running);
    }
    best_any += pin_cost;
    match &inst.current[n] {
        None => best_any,
        Some(cur) => {
            let fits = cur.len() <= need.pas_required
                && pins.iter().all(|a| cur.contains(a))
                && cur
                    .iter()
                    .all(|&a| pins.contains(&a) || (m.eligible[n].contains(&a) && allowed(a)));
            let as_published = if fits {
                let c: i64 = cur.iter().map(|&a| m.pair_cost(n, a)).sum();
                m.unassigned_cost[n][need.pas_required - cur.len()] + c
            } else {
                i64::MAX
            };
            as_published.min(best_any.saturating_add(inst.weights.change_per_need))
        }
    }
}

/// What the state charges need `n` while only its pins are made.
fn charged_while_undecided(m: &Model, n: usize) -> i64 {
    let inst = m.inst;
    let pins = &m.pinned[n];
    let free = inst.needs[n].pas_required - pins.len();
    let pin_cost: i64 = pins.iter().map(|&a| m.pair_cost(n, a)).sum();
    let change = match &inst.current[n] {
        Some(cur) => {
            let mut p = pins.clone();
            p.sort_unstable();
            if &p != cur {
                inst.weights.change_per_need
            } else {
                0
            }
        }
        None => 0,
    };
    m.unassigned_cost[n][free] + pin_cost + change
}

impl Bnb<'_, '_, '_> {
    fn incumbent(&self) -> i64 {
        match self.shared {
            Some(sh) => self.best_score.min(sh.best.load(Ordering::Relaxed)),
            None => self.best_score,
        }
    }

    fn lower_bound(&self, pos: usize) -> i64 {
        let mut lb = self.s.score - self.s.contract_part()
            + self.s.contract_lower_bound(&self.more)
            + self.adjust[pos];
        let m = self.s.m;
        for p in pos..(pos + LOOKAHEAD).min(self.order.len()) {
            let n = self.order[p];
            let now = least_own_cost(m, n, |a| self.s.can_add(n, a));
            lb += now - self.least[p];
        }
        lb
    }

    fn shift_more(&mut self, n: usize, sign: i64) {
        let m = self.s.m;
        let need = &m.inst.needs[n];
        if let Some(b) = need.block {
            for &a in &m.eligible[n] {
                self.more[a * self.blocks + b] += sign * need.minutes();
            }
        }
    }

    fn out_of_time(&mut self) -> bool {
        if self.timed_out {
            return true;
        }
        if self.nodes >= self.node_limit {
            self.timed_out = true;
        }
        if self.nodes.is_multiple_of(256)
            && (Instant::now() >= self.deadline
                || self
                    .shared
                    .is_some_and(|sh| sh.stop.load(Ordering::Relaxed)))
        {
            self.timed_out = true;
        }
        self.timed_out
    }

    /// Decide needs from `pos` on.
    fn descend(&mut self, pos: usize) {
        self.nodes += 1;
        if self.out_of_time() {
            return;
        }
        if pos == self.order.len() {
            if self.s.score < self.best_score {
                self.best_score = self.s.score;
                self.best = if self.window_only {
                    let mut pairs = Vec::new();
                    for &n in &self.order {
                        pairs.extend(self.s.assigned[n].iter().map(|&a| (n, a)));
                    }
                    pairs
                } else {
                    self.s.assignments()
                };
            }
            return;
        }
        if self.lower_bound(pos) >= self.incumbent() {
            return;
        }
        let n = self.order[pos];
        if let Some(nb) = self.node
            && nb.value(self.s, &self.decided, self.s.m.inst.needs[n].day) >= self.incumbent()
        {
            return;
        }
        self.decided[n] = true;
        self.shift_more(n, -1);
        self.fill(pos, n, 0);
        self.shift_more(n, 1);
        self.decided[n] = false;
    }

    /// Add PAs to need `n` from its eligible list at `from` on, then move on.
    fn fill(&mut self, pos: usize, n: usize, from: usize) {
        let m = self.s.m;
        if self.s.missing(n) > 0 {
            for i in from..m.eligible[n].len() {
                let a = m.eligible[n][i];
                if !self.s.can_add(n, a) {
                    continue;
                }
                self.s.add(n, a);
                self.fill(pos, n, i + 1);
                self.s.remove(n, a);
                if self.timed_out {
                    return;
                }
            }
        }
        self.descend(pos + 1);
    }
}

/// Least own costs, their running adjustment and the minutes per PA and
/// block that the needs of `order` could still bring.
fn prepare(m: &Model, order: &[usize]) -> (Vec<i64>, Vec<i64>, Vec<i64>, usize) {
    let inst = m.inst;
    let least: Vec<i64> = order
        .iter()
        .map(|&n| least_own_cost(m, n, |_| true))
        .collect();
    let mut adjust = vec![0i64; order.len() + 1];
    for pos in (0..order.len()).rev() {
        adjust[pos] = adjust[pos + 1] + least[pos] - charged_while_undecided(m, order[pos]);
    }
    let blocks = inst.blocks.max(1);
    let mut more = vec![0i64; inst.pas.len() * blocks];
    for &n in order {
        let need = &inst.needs[n];
        if let Some(b) = need.block {
            for &a in &m.eligible[n] {
                more[a * blocks + b] += need.minutes();
            }
        }
    }
    (least, adjust, more, blocks)
}

/// Searches for an optimal roster, starting from a known one (`incumbent`).
/// With `shared`, prunes against the best score a concurrent search reports
/// too, and stops when asked.
pub fn solve(
    m: &Model,
    incumbent: (i64, Vec<(usize, usize)>),
    deadline: Instant,
    shared: Option<&Shared>,
) -> Outcome {
    solve_with(m, incumbent, deadline, shared, None)
}

fn solve_with(
    m: &Model,
    incumbent: (i64, Vec<(usize, usize)>),
    deadline: Instant,
    shared: Option<&Shared>,
    node: Option<&NodeBound>,
) -> Outcome {
    let inst = m.inst;
    let mut order: Vec<usize> = (0..inst.needs.len()).collect();
    order.sort_by_key(|&n| (inst.needs[n].start, n));
    let (least, adjust, more, blocks) = prepare(m, &order);
    let Some(mut s) = State::with_model_pins(m) else {
        // The pins of a restricted model clash: no roster is in it at all.
        return Outcome {
            score: incumbent.0,
            assignments: incumbent.1,
            proved: true,
            nodes: 0,
            bound: shared.map_or(incumbent.0, |sh| {
                sh.best.load(Ordering::Relaxed).min(incumbent.0)
            }),
        };
    };
    let mut bnb = Bnb {
        s: &mut s,
        order,
        least,
        adjust,
        more,
        blocks,
        best_score: incumbent.0,
        best: incumbent.1,
        nodes: 0,
        deadline,
        shared,
        timed_out: false,
        node_limit: u64::MAX,
        window_only: false,
        node,
        decided: vec![false; inst.needs.len()],
    };
    bnb.descend(0);
    let proved = !bnb.timed_out;
    let bound = if proved { bnb.incumbent() } else { i64::MIN };
    Outcome {
        score: bnb.best_score,
        assignments: bnb.best,
        proved,
        nodes: bnb.nodes,
        bound,
    }
}

/// How many rounds of bound, fixing and re-bound on what is left.
const ROUNDS: usize = 3;

/// The proof for a co-operative's instance: the Lagrangian bound of
/// [`bound`](crate::bound), which also reads rosters from its plans; if it
/// does not reach the best score known, the pairs it rules out of every
/// better roster are taken out (and those it rules in are made), the bound
/// is raised again on what is left, and branch and bound searches the rest.
/// Falls back to the plain branch and bound when the bound cannot be built.
pub fn prove(
    m: &Model,
    incumbent: (i64, Vec<(usize, usize)>),
    deadline: Instant,
    shared: Option<&Shared>,
) -> Outcome {
    let Some(relax) = Relaxation::new(m) else {
        return solve(m, incumbent, deadline, shared);
    };
    let upper_now = |own: i64| shared.map_or(own, |sh| sh.best.load(Ordering::Relaxed).min(own));
    let now = Instant::now();
    let bound_until = now + deadline.saturating_duration_since(now) / 2;
    let late = now + deadline.saturating_duration_since(now) * 3 / 4;
    let mut bound = relax.solve(incumbent, None, bound_until, u32::MAX, shared);
    let mut best = bound.roster.clone();
    let mut upper = upper_now(best.0);
    if bound.value >= upper {
        return Outcome {
            score: best.0,
            assignments: best.1,
            proved: true,
            nodes: 0,
            bound: upper,
        };
    }
    if Instant::now() >= late {
        // No time for the fixings and the search: the bound and the best roster.
        return Outcome {
            score: best.0,
            assignments: best.1,
            proved: false,
            nodes: 0,
            bound: bound.value,
        };
    }
    let mut forbidden = Vec::new();
    let mut required = Vec::new();
    let mut restricted;
    let mut round = 0;
    loop {
        round += 1;
        upper = upper_now(best.0);
        let fix = relax_fixings(m, &forbidden, &required, &bound, upper);
        forbidden.extend(fix.forbidden);
        required.extend(fix.required);
        restricted = m.restricted(&forbidden, &required);
        if State::with_model_pins(&restricted).is_none() {
            // What every better roster must hold cannot stand: none exists.
            return Outcome {
                score: best.0,
                assignments: best.1,
                proved: true,
                nodes: 0,
                bound: upper,
            };
        }
        if round >= ROUNDS || Instant::now() >= bound_until {
            break;
        }
        let Some(again) = Relaxation::new(&restricted) else {
            break;
        };
        bound = again.solve(best.clone(), Some(&bound.prices), bound_until, 300, shared);
        if bound.roster.0 < best.0 {
            best = bound.roster.clone();
        }
        upper = upper_now(best.0);
        if bound.value >= upper {
            return Outcome {
                score: best.0,
                assignments: best.1,
                proved: true,
                nodes: 0,
                bound: upper,
            };
        }
    }
    let last = Relaxation::new(&restricted);
    let node = last.as_ref().and_then(|r| NodeBound::new(r, &bound.prices));
    let out = solve_with(&restricted, best, deadline, shared, node.as_ref());
    Outcome {
        bound: out.bound.max(bound.value),
        ..out
    }
}

/// The fixings of `bound` on the model restricted by the pairs so far.
fn relax_fixings(
    m: &Model,
    forbidden: &[(usize, usize)],
    required: &[(usize, usize)],
    bound: &crate::bound::Bound,
    upper: i64,
) -> Fixings {
    let restricted = m.restricted(forbidden, required);
    match Relaxation::new(&restricted) {
        Some(r) => r.fixings(&bound.prices, upper),
        None => Fixings {
            forbidden: Vec::new(),
            required: Vec::new(),
        },
    }
}

/// Re-decides the needs of `window` optimally (within `node_limit` nodes)
/// with the rest of roster `s` fixed. Returns whether the score went down;
/// either way `s` is left valid.
pub fn improve_window(s: &mut State, window: &[usize], deadline: Instant, node_limit: u64) -> bool {
    let m = s.m;
    let before = s.score;
    let mut removed = Vec::new();
    for &n in window {
        for a in s.assigned[n].clone() {
            if !m.is_pinned(n, a) {
                s.remove(n, a);
                removed.push((n, a));
            }
        }
    }
    let mut order = window.to_vec();
    order.sort_by_key(|&n| (m.inst.needs[n].start, n));
    let (least, adjust, more, blocks) = prepare(m, &order);
    let (best_score, best) = {
        let mut bnb = Bnb {
            s: &mut *s,
            order,
            least,
            adjust,
            more,
            blocks,
            best_score: before,
            best: Vec::new(),
            nodes: 0,
            deadline,
            shared: None,
            timed_out: false,
            node_limit,
            window_only: true,
            node: None,
            decided: vec![false; m.inst.needs.len()],
        };
        bnb.descend(0);
        (bnb.best_score, bnb.best)
    };
    let improved = best_score < before;
    let chosen = if improved { best } else { removed };
    for (n, a) in chosen {
        if !m.is_pinned(n, a) {
            s.add(n, a);
        }
    }
    improved
}

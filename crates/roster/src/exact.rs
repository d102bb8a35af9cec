//! Branch and bound: the proved optimum for co-operative-sized instances.
//!
//! Needs are decided one at a time in start order; for each, the search tries
//! every allowed set of PAs (cheapest first, the pins always in it) and also
//! leaving slots open. A node is cut when a lower bound on every roster below
//! it is no better than the best roster known. The bound is the score so far,
//! with each undecided need counted at the least it could possibly cost on its
//! own (open slots, pay, preference, change) and contract deviation counted
//! only as far as it can no longer be avoided. If the search runs to the end,
//! the best roster is optimal; if time runs out first, it is just the best found.

use std::time::Instant;

use crate::state::{Model, State};

pub struct Outcome {
    pub score: i64,
    pub assignments: Vec<(usize, usize)>,
    /// The search finished: `score` is the optimum.
    pub proved: bool,
    pub nodes: u64,
}

struct Bnb<'s, 'm, 'a> {
    s: &'s mut State<'m, 'a>,
    order: Vec<usize>,
    /// `adjust[pos]`: for undecided needs at `pos..`, their least possible
    /// own cost minus what the state charges them while undecided.
    adjust: Vec<i64>,
    /// Per PA and block, minutes of undecided needs that PA could still take.
    more: Vec<i64>,
    blocks: usize,
    best_score: i64,
    best: Vec<(usize, usize)>,
    nodes: u64,
    deadline: Instant,
    timed_out: bool,
}

/// The least need `n` can add to the score by itself, and what the state
/// charges it while only its pins are made.
fn own_bounds(m: &Model, n: usize) -> (i64, i64) {
    let inst = m.inst;
    let need = &inst.needs[n];
    let pins = &m.pinned[n];
    let pin_cost: i64 = pins.iter().map(|&a| m.pair_cost(n, a)).sum();
    let free = need.pas_required - pins.len();
    let mut costs: Vec<i64> = m.eligible[n]
        .iter()
        .filter(|a| !pins.contains(a))
        .map(|&a| m.pair_cost(n, a))
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
    let change = inst.weights.change_per_need;
    let (least, charged_change) = match &inst.current[n] {
        None => (best_any, 0),
        Some(cur) => {
            let fits = cur.len() <= need.pas_required
                && pins.iter().all(|a| cur.contains(a))
                && cur.iter().all(|a| m.eligible[n].contains(a));
            let as_published = if fits {
                let c: i64 = cur.iter().map(|&a| m.pair_cost(n, a)).sum();
                m.unassigned_cost[n][need.pas_required - cur.len()] + c
            } else {
                i64::MAX
            };
            let pins_only_differs = {
                let mut p = pins.clone();
                p.sort_unstable();
                &p != cur
            };
            (
                as_published.min(best_any.saturating_add(change)),
                if pins_only_differs { change } else { 0 },
            )
        }
    };
    let charged = m.unassigned_cost[n][free] + pin_cost + charged_change;
    (least, charged)
}

impl Bnb<'_, '_, '_> {
    fn lower_bound(&self, pos: usize) -> i64 {
        self.s.score - self.s.contract_part()
            + self.s.contract_lower_bound(&self.more)
            + self.adjust[pos]
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
        if self.nodes.is_multiple_of(1024) && Instant::now() >= self.deadline {
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
                self.best = self.s.assignments();
            }
            return;
        }
        if self.lower_bound(pos) >= self.best_score {
            return;
        }
        let n = self.order[pos];
        self.shift_more(n, -1);
        self.fill(pos, n, 0);
        self.shift_more(n, 1);
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

/// Searches for an optimal roster, starting from a known one (`incumbent`).
pub fn solve(m: &Model, incumbent: (i64, Vec<(usize, usize)>), deadline: Instant) -> Outcome {
    let inst = m.inst;
    let mut order: Vec<usize> = (0..inst.needs.len()).collect();
    order.sort_by_key(|&n| (inst.needs[n].start, n));
    let mut adjust = vec![0i64; order.len() + 1];
    for pos in (0..order.len()).rev() {
        let (least, charged) = own_bounds(m, order[pos]);
        adjust[pos] = adjust[pos + 1] + least - charged;
    }
    let blocks = inst.blocks.max(1);
    let mut more = vec![0i64; inst.pas.len() * blocks];
    for n in 0..inst.needs.len() {
        if let Some(b) = inst.needs[n].block {
            for &a in &m.eligible[n] {
                more[a * blocks + b] += inst.needs[n].minutes();
            }
        }
    }
    let mut s = State::with_pins(m);
    let mut bnb = Bnb {
        s: &mut s,
        order,
        adjust,
        more,
        blocks,
        best_score: incumbent.0,
        best: incumbent.1,
        nodes: 0,
        deadline,
        timed_out: false,
    };
    bnb.descend(0);
    Outcome {
        score: bnb.best_score,
        assignments: bnb.best,
        proved: !bnb.timed_out,
        nodes: bnb.nodes,
    }
}

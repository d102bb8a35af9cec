//! A Lagrangian lower bound: what no roster can score below.
//!
//! Every hard rule is a rule about one PA's own week (overlaps, day length,
//! rest, days off, week cap); PAs are tied together only by "at most
//! `pas_required` PAs per need" and by the terms that look at several PAs at
//! once (extra PAs, change). The bound prices the tie: each need gets a price
//! `μ` for every PA on it, and each PA then plans its own weeks alone, exactly,
//! by dynamic programming over its possible days. Whatever the prices, the
//! sum of those best plans, less what the prices hand back, is at most the
//! score of any valid roster; a subgradient search raises the prices towards
//! the best such bound.
//!
//! The terms that are not linear in "PA `a` works need `n`" are replaced by
//! linear ones that never exceed them: unassigned points by a line under the
//! per-need ceilings; contract deviation by a line of slope `α` through zero
//! deviation (any `|α|` up to the points per minute); the week cap by its own
//! price `π`; a change by a share of its points for each PA that makes it;
//! extra PAs by their count less one, per person, where each PA serving a
//! person counts once. A PA's plan keeps the day-length, rest, overlap and
//! days-off rules exactly.

use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::heuristic::Shared;

use crate::state::{Model, State};

/// More day plans than this for one PA and day and the bound is not built:
/// the instance is beyond the size the exact search is for.
const MAX_DAY_PLANS: usize = 4_000;

/// How much smaller the steps of the per-minute prices (contract slope, week
/// cap) are than those of the per-need prices, squared: a minute moves the
/// score far less than a need does.
const SIGMA2: f64 = 1e-7;

/// The step scale (halved after every 15 steps without a better bound) at
/// which the bound is taken as converged.
const MIN_STEP: f64 = 0.005;

/// One way a PA can work one day: the needs, in start order.
struct DayPlan {
    needs: Vec<usize>,
    first: i64,
    last: i64,
    /// Bit `r` set: the plan serves person `r` (people beyond 63 are not tracked).
    people: u64,
}

/// Everything one PA could do, day by day.
struct PaPlans {
    /// Per day, the plans (the empty plan first when allowed).
    days: Vec<Vec<DayPlan>>,
    /// Per day, the plans grouped by what the days around them see (first
    /// start, last end, people): the week plan needs only each group's best.
    groups: Vec<Vec<Vec<u32>>>,
    /// Per day and plan, its group.
    group_of: Vec<Vec<u32>>,
}

/// Groups the day plans that look alike from other days.
fn group(day: &[DayPlan]) -> (Vec<Vec<u32>>, Vec<u32>) {
    let mut keys: Vec<(bool, i64, i64, u64)> = Vec::new();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut group_of = Vec::with_capacity(day.len());
    for (pi, p) in day.iter().enumerate() {
        let key = (p.needs.is_empty(), p.first, p.last, p.people);
        let g = match keys.iter().position(|k| *k == key) {
            Some(g) => g,
            None => {
                keys.push(key);
                groups.push(Vec::new());
                keys.len() - 1
            }
        };
        groups[g].push(pi as u32);
        group_of.push(g as u32);
    }
    (groups, group_of)
}

/// The bound, the prices that gave it and the best roster seen.
pub struct Bound {
    /// No valid roster scores below this.
    pub value: i64,
    pub fractional: f64,
    pub prices: Prices,
    pub iterations: u32,
    /// The best roster known: the one given or one read from the plans.
    pub roster: (i64, Vec<(usize, usize)>),
}

pub struct Relaxation<'m, 'a> {
    m: &'m Model<'a>,
    plans: Vec<PaPlans>,
    /// Per need: the points of leaving every slot open, and the line's slope
    /// per PA given.
    open_all: Vec<f64>,
    open_slope: Vec<f64>,
    /// Per need and PA (row-major): the change share for giving it to that PA.
    change_coef: Vec<f64>,
    change_const: f64,
    people_mask: bool,
}

/// Enumerates the plans of PA `a` on day `d`: sets of its eligible needs of
/// that day, pairwise apart, within the day-length rule, with its pins.
fn day_plans(m: &Model, a: usize, d: usize, by_day: &[Vec<usize>]) -> Option<Vec<DayPlan>> {
    let inst = m.inst;
    let mut cands: Vec<usize> = by_day[d]
        .iter()
        .copied()
        .filter(|&n| m.eligible[n].contains(&a))
        .collect();
    cands.sort_by_key(|&n| (inst.needs[n].start, inst.needs[n].end, n));
    let pins: Vec<usize> = cands
        .iter()
        .copied()
        .filter(|&n| m.is_pinned(n, a))
        .collect();
    let mut out = Vec::new();
    let mut chosen = Vec::new();
    if !extend(m, &cands, 0, &pins, &mut chosen, &mut out) {
        return None;
    }
    Some(out)
}

/// Depth-first: every plan from `cands[from..]` added to `chosen`.
/// Returns false when there are too many.
fn extend(
    m: &Model,
    cands: &[usize],
    from: usize,
    pins: &[usize],
    chosen: &mut Vec<usize>,
    out: &mut Vec<DayPlan>,
) -> bool {
    let inst = m.inst;
    if pins.iter().all(|p| chosen.contains(p)) {
        if out.len() >= MAX_DAY_PLANS {
            return false;
        }
        let first = chosen.first().map_or(0, |&n| inst.needs[n].start);
        let last = chosen.iter().map(|&n| inst.needs[n].end).max().unwrap_or(0);
        let mut people = 0u64;
        for &n in chosen.iter() {
            for &r in &inst.needs[n].people {
                if r < 64 {
                    people |= 1 << r;
                }
            }
        }
        out.push(DayPlan {
            needs: chosen.clone(),
            first,
            last,
            people,
        });
    }
    let last_end = chosen.last().map(|&n| inst.needs[n].end);
    let first = chosen.first().map(|&n| inst.needs[n].start);
    for i in from..cands.len() {
        let n = cands[i];
        let need = &inst.needs[n];
        // A pin skipped can never come back: stop here.
        if let Some(e) = last_end
            && need.start < e
        {
            if pins.contains(&n) {
                return true;
            }
            continue;
        }
        let span_end = chosen
            .iter()
            .map(|&x| inst.needs[x].end)
            .max()
            .unwrap_or(need.end)
            .max(need.end);
        if let Some(f) = first
            && span_end - f > inst.rules.max_day_span_minutes
        {
            if pins.contains(&n) {
                return true;
            }
            continue;
        }
        chosen.push(n);
        let ok = extend(m, cands, i + 1, pins, chosen, out);
        chosen.pop();
        if !ok {
            return false;
        }
        if pins.contains(&n) {
            // Every plan without this pin is incomplete.
            return true;
        }
    }
    true
}

/// A state of one PA's week plan between days.
#[derive(Clone, Copy)]
struct Label {
    /// Latest end of the needs of earlier days still within reach of the rest rule.
    last: Option<i64>,
    /// Days worked so far in the current block.
    worked: u8,
    cost: f64,
    /// Index of the label it came from on the previous day, and the plan taken.
    prev: u32,
    plan: u32,
}

const NONE: u32 = u32::MAX;

/// One PA's week planned alone at given prices, within one set of people.
struct Planned {
    cost: f64,
    needs: Vec<usize>,
    /// Per day and plan, the best week through that plan (with `through`).
    through: Vec<Vec<f64>>,
    /// With `through`: per day, the labels before it (`layers[d]`), what
    /// each (label, plan group) leads to, each plan's cost, and per day the
    /// best rest of the week from each label (`back[d]`, `days + 1` entries).
    layers: Vec<Vec<Label>>,
    succ: Vec<Vec<u32>>,
    costs: Vec<Vec<f64>>,
    back: Vec<Vec<f64>>,
}

/// The prices of one subgradient point.
#[derive(Clone)]
pub struct Prices {
    mu: Vec<f64>,
    alpha: Vec<f64>,
    pi: Vec<f64>,
}

/// What the bound shows about single assignments against a roster score.
pub struct Fixings {
    /// Pairs (need, PA) in no roster scoring below the score.
    pub forbidden: Vec<(usize, usize)>,
    /// Pairs in every roster scoring below it.
    pub required: Vec<(usize, usize)>,
}

impl<'m, 'a> Relaxation<'m, 'a> {
    /// Builds every PA's day plans; `None` when that is too large.
    pub fn new(m: &'m Model<'a>) -> Option<Self> {
        let inst = m.inst;
        let mut by_day = vec![Vec::new(); inst.days];
        for (n, need) in inst.needs.iter().enumerate() {
            by_day[need.day].push(n);
        }
        let mut plans = Vec::with_capacity(inst.pas.len());
        for a in 0..inst.pas.len() {
            let mut days = Vec::with_capacity(inst.days);
            let mut groups = Vec::with_capacity(inst.days);
            let mut group_of = Vec::with_capacity(inst.days);
            for d in 0..inst.days {
                let day = day_plans(m, a, d, &by_day)?;
                let (g, of) = group(&day);
                days.push(day);
                groups.push(g);
                group_of.push(of);
            }
            plans.push(PaPlans {
                days,
                groups,
                group_of,
            });
        }
        let mut open_all = Vec::with_capacity(inst.needs.len());
        let mut open_slope = Vec::with_capacity(inst.needs.len());
        for (n, need) in inst.needs.iter().enumerate() {
            let u = &m.unassigned_cost[n];
            let req = need.pas_required;
            open_all.push(u[req] as f64);
            // The steepest line from "all open" that stays under every count.
            let mut slope = 0.0f64;
            for k in 1..=req {
                slope = slope.max((u[req] - u[req - k]) as f64 / k as f64);
            }
            open_slope.push(slope);
        }
        let pas = inst.pas.len();
        let mut change_coef = vec![0.0; inst.needs.len() * pas];
        let mut change_const = 0.0;
        let w = inst.weights.change_per_need as f64;
        for (n, cur) in inst.current.iter().enumerate() {
            let Some(cur) = cur else { continue };
            let req = inst.needs[n].pas_required;
            if cur.is_empty() {
                // Changed as soon as any PA is given it.
                if req > 0 {
                    for a in 0..pas {
                        change_coef[n * pas + a] = w / req as f64;
                    }
                }
                continue;
            }
            if req == 0 {
                change_const += w;
                continue;
            }
            // Half the points spread over PAs outside the published set (at
            // most `req` of them), half over published PAs left off.
            change_const += w / 2.0;
            for a in 0..pas {
                change_coef[n * pas + a] = if cur.contains(&a) {
                    -w / 2.0 / cur.len() as f64
                } else {
                    w / 2.0 / req as f64
                };
            }
        }
        Some(Relaxation {
            m,
            plans,
            open_all,
            open_slope,
            change_coef,
            change_const,
            people_mask: inst.people.len() <= 6,
        })
    }

    /// The sets of people to plan within, with what serving them costs.
    /// (Only sets within the people PA `a` could serve at all: a larger set
    /// plans the same and costs more.)
    fn masks(&self, a: usize) -> Vec<(u64, f64)> {
        let inst = self.m.inst;
        let per_person = inst.weights.extra_pa_per_person as f64;
        if self.people_mask && per_person > 0.0 {
            let reach = self.plans[a]
                .days
                .iter()
                .flatten()
                .fold(0u64, |acc, p| acc | p.people);
            (0..(1u64 << inst.people.len()))
                .filter(|mask| mask & !reach == 0)
                .map(|mask| (mask, per_person * mask.count_ones() as f64))
                .collect()
        } else {
            vec![(u64::MAX, 0.0)]
        }
    }

    /// PA `a`'s best week when each need costs `weight[n]`, planned within
    /// the people of `mask`; with `through`, also the best week through
    /// each day plan.
    /// Each day plan's cost for PA `a` at `weight`, and each group's best.
    fn day_costs(&self, a: usize, weight: &[f64]) -> DayCosts {
        let plans = &self.plans[a];
        let plan: Vec<Vec<f64>> = plans
            .days
            .iter()
            .map(|day| {
                day.iter()
                    .map(|p| p.needs.iter().map(|&n| weight[n]).sum::<f64>())
                    .collect()
            })
            .collect();
        let group = plans
            .groups
            .iter()
            .zip(&plan)
            .map(|(groups, cost)| {
                groups
                    .iter()
                    .map(|g| {
                        g.iter()
                            .map(|&pi| (cost[pi as usize], pi))
                            .min_by(|x, y| x.0.total_cmp(&y.0))
                            .unwrap_or((f64::INFINITY, 0))
                    })
                    .collect()
            })
            .collect();
        DayCosts { plan, group }
    }

    fn plan_pa(&self, a: usize, dc: &DayCosts, mask: u64, through: bool) -> Option<Planned> {
        let inst = self.m.inst;
        let rest = inst.rules.min_daily_rest_minutes;
        let max_worked = (7 - inst.rules.days_off_per_7).max(0) as u8;
        let plans = &self.plans[a];
        let mut layers: Vec<Vec<Label>> = Vec::with_capacity(inst.days + 1);
        layers.push(vec![Label {
            last: None,
            worked: 0,
            cost: 0.0,
            prev: 0,
            plan: 0,
        }]);
        let mut costs: Vec<Vec<f64>> = Vec::with_capacity(inst.days);
        let mut group_costs: Vec<Vec<f64>> = Vec::with_capacity(inst.days);
        // Per day, per (label, plan group): the label it leads to.
        let mut succ: Vec<Vec<u32>> = Vec::with_capacity(inst.days);
        for d in 0..inst.days {
            let day_start = inst.day_starts[d];
            let next_start = inst.day_starts[d + 1];
            let in_block = d / 7 < inst.blocks;
            let block_first = in_block && d % 7 == 0;
            let day = &plans.days[d];
            let groups = &plans.groups[d];
            // Each group's best plan, if its people are within the mask.
            let best_in: Vec<(f64, u32)> = dc.group[d]
                .iter()
                .map(|&(c, pi)| {
                    if day[pi as usize].people & !mask != 0 {
                        (f64::INFINITY, pi)
                    } else {
                        (c, pi)
                    }
                })
                .collect();
            let prev_layer = &layers[d];
            let mut next: Vec<Label> = Vec::new();
            let mut links = if through {
                vec![NONE; prev_layer.len() * groups.len()]
            } else {
                Vec::new()
            };
            for (li, l) in prev_layer.iter().enumerate() {
                // Days off count only inside blocks.
                let worked = if block_first || !in_block {
                    0
                } else {
                    l.worked
                };
                // What the earlier days still forbid today.
                let last = l.last.filter(|&e| e + rest > day_start);
                for (gi, &(c, pi)) in best_in.iter().enumerate() {
                    if !c.is_finite() {
                        continue;
                    }
                    let p = &day[pi as usize];
                    let (nl, nw) = if p.needs.is_empty() {
                        (last, worked)
                    } else {
                        if let Some(e) = last
                            && p.first - e < rest
                        {
                            continue;
                        }
                        if in_block && worked >= max_worked {
                            continue;
                        }
                        let e = last.map_or(p.last, |e| e.max(p.last));
                        (Some(e), if in_block { worked + 1 } else { 0 })
                    };
                    // Ends that no longer reach the next day are forgotten.
                    let nl = nl.filter(|&e| e + rest > next_start);
                    let cost = l.cost + c;
                    let at = match next.iter().position(|x| x.last == nl && x.worked == nw) {
                        Some(i) => {
                            let x = &mut next[i];
                            if cost < x.cost {
                                x.cost = cost;
                                x.prev = li as u32;
                                x.plan = pi;
                            }
                            i
                        }
                        None => {
                            next.push(Label {
                                last: nl,
                                worked: nw,
                                cost,
                                prev: li as u32,
                                plan: pi,
                            });
                            next.len() - 1
                        }
                    };
                    if through {
                        links[li * groups.len() + gi] = at as u32;
                    }
                }
            }
            if next.is_empty() {
                return None;
            }
            layers.push(next);
            if through {
                group_costs.push(best_in.iter().map(|x| x.0).collect());
                costs.push(dc.plan[d].clone());
            }
            succ.push(links);
        }
        let final_layer = layers.last()?;
        let (mut idx, cost) = final_layer
            .iter()
            .enumerate()
            .map(|(i, l)| (i, l.cost))
            .min_by(|x, y| x.1.total_cmp(&y.1))?;
        let mut needs = Vec::new();
        for d in (0..inst.days).rev() {
            let l = layers[d + 1][idx];
            needs.extend_from_slice(&plans.days[d][l.plan as usize].needs);
            idx = l.prev as usize;
        }
        let mut through_cost = Vec::new();
        let mut backs = Vec::new();
        if through {
            // Backward: the best rest of the week from each label.
            let mut back = vec![0.0f64; layers[inst.days].len()];
            backs = vec![Vec::new(); inst.days + 1];
            backs[inst.days] = back.clone();
            let mut per_day = vec![Vec::new(); inst.days];
            for d in (0..inst.days).rev() {
                let n_groups = plans.groups[d].len();
                let mut here = vec![f64::INFINITY; layers[d].len()];
                // Per group: the best week through it, less the group's cost.
                let mut around = vec![f64::INFINITY; n_groups];
                for (li, l) in layers[d].iter().enumerate() {
                    for gi in 0..n_groups {
                        let to = succ[d][li * n_groups + gi];
                        if to == NONE {
                            continue;
                        }
                        let after = back[to as usize];
                        here[li] = here[li].min(group_costs[d][gi] + after);
                        around[gi] = around[gi].min(l.cost + after);
                    }
                }
                let thr: Vec<f64> = costs[d]
                    .iter()
                    .zip(&plans.group_of[d])
                    .map(|(&c, &g)| c + around[g as usize])
                    .collect();
                per_day[d] = thr;
                backs[d] = here.clone();
                back = here;
            }
            through_cost = per_day;
        }
        Some(Planned {
            cost,
            needs,
            through: through_cost,
            layers,
            succ,
            costs,
            back: backs,
        })
    }

    /// The relaxation at `prices`: its value, and per PA the needs it takes.
    fn evaluate(&self, prices: &Prices, weight: &mut [f64]) -> (f64, Vec<Vec<usize>>) {
        let m = self.m;
        let inst = m.inst;
        let (needs, pas, blocks) = (inst.needs.len(), inst.pas.len(), inst.blocks);
        let mut value = self.constant(prices);
        let mut taken = Vec::with_capacity(pas);
        for a in 0..pas {
            self.weights(a, prices, weight);
            let dc = self.day_costs(a, weight);
            let mut best: Option<(f64, Vec<usize>)> = None;
            // Larger sets of people first: a smaller set plans no better than
            // any set holding it, so it is skipped when even that, plus what
            // its people cost, cannot beat the best so far.
            let mut masks = self.masks(a);
            masks.sort_by_key(|&(mask, _)| std::cmp::Reverse(mask.count_ones()));
            let mut at_least: Vec<(u64, f64)> = Vec::with_capacity(masks.len());
            for (mask, fixed) in masks {
                let floor = at_least
                    .iter()
                    .filter(|&&(sup, _)| sup != mask && sup & mask == mask)
                    .map(|&(_, v)| v)
                    .fold(f64::NEG_INFINITY, f64::max);
                if best.as_ref().is_some_and(|b| fixed + floor >= b.0) {
                    at_least.push((mask, floor));
                    continue;
                }
                match self.plan_pa(a, &dc, mask, false) {
                    Some(p) => {
                        at_least.push((mask, p.cost));
                        if best.as_ref().is_none_or(|b| p.cost + fixed < b.0) {
                            best = Some((p.cost + fixed, p.needs));
                        }
                    }
                    None => at_least.push((mask, f64::INFINITY)),
                }
            }
            match best {
                Some((c, list)) => {
                    value += c;
                    taken.push(list);
                }
                None => {
                    // Pins that cannot all stand: nothing is valid.
                    value = f64::INFINITY;
                    taken.push(Vec::new());
                }
            }
        }
        let _ = (needs, blocks);
        (value, taken)
    }

    fn constant(&self, prices: &Prices) -> f64 {
        let m = self.m;
        let inst = m.inst;
        let blocks = inst.blocks;
        let mut value = self.change_const;
        for (n, need) in inst.needs.iter().enumerate() {
            value += self.open_all[n] - prices.mu[n] * need.pas_required as f64;
        }
        if self.people_mask && inst.weights.extra_pa_per_person > 0 {
            value -= inst.weights.extra_pa_per_person as f64 * inst.people.len() as f64;
        }
        for a in 0..inst.pas.len() {
            let contract = inst.pas[a].contracted_minutes_per_week;
            for b in 0..blocks {
                let i = a * blocks + b;
                value -= prices.alpha[i] * contract.unwrap_or(0) as f64;
                if m.caps[a] < i64::MAX {
                    value -= prices.pi[i] * m.caps[a] as f64;
                }
            }
        }
        value
    }

    /// Each need's price for PA `a` at `prices`.
    fn weights(&self, a: usize, prices: &Prices, weight: &mut [f64]) {
        let m = self.m;
        let inst = m.inst;
        let (pas, blocks) = (inst.pas.len(), inst.blocks);
        for (n, need) in inst.needs.iter().enumerate() {
            let theta = need.block.map_or(0.0, |b| {
                prices.alpha[a * blocks + b] + prices.pi[a * blocks + b]
            });
            weight[n] = m.pair_cost(n, a) as f64 - self.open_slope[n]
                + prices.mu[n]
                + theta * need.minutes() as f64
                + self.change_coef[n * pas + a];
        }
    }

    /// Raises the prices by subgradient steps until the bound reaches the
    /// best roster's score (nothing below it can exist), the deadline passes
    /// or `max_iterations` are done. `upper` is the best roster known; a
    /// roster read from each step's plans (their clashes resolved, open slots
    /// filled) replaces it when better.
    pub fn solve(
        &self,
        upper: (i64, Vec<(usize, usize)>),
        start: Option<&Prices>,
        deadline: Instant,
        max_iterations: u32,
        shared: Option<&Shared>,
    ) -> Bound {
        let m = self.m;
        let inst = m.inst;
        let (needs, pas, blocks) = (inst.needs.len(), inst.pas.len(), inst.blocks);
        let w = &inst.weights;
        // Contract slope limit: points per minute of deviation.
        let kappa = w.contract_deviation_per_hour as f64 / 60.0;
        let mut prices = match start {
            Some(p) => p.clone(),
            None => Prices {
                mu: (0..needs)
                    .map(|n| {
                        // Half way to where the cheapest PA is indifferent:
                        // most needs are wanted by more PAs than they need.
                        let cheapest = m.eligible[n]
                            .first()
                            .map_or(0.0, |&a| m.pair_cost(n, a) as f64);
                        ((self.open_slope[n] - cheapest) * 0.5).max(0.0)
                    })
                    .collect(),
                alpha: vec![0.0f64; pas * blocks.max(1)],
                pi: vec![0.0f64; pas * blocks.max(1)],
            },
        };
        let mut best_value = f64::NEG_INFINITY;
        let mut best_prices = prices.clone();
        let mut step_scale = 2.0f64;
        let mut since_better = 0u32;
        let mut iterations = 0u32;
        let mut weight = vec![0.0f64; needs];
        let mut taken = vec![0usize; needs];
        let mut block_minutes = vec![0i64; pas * blocks.max(1)];
        let mut roster = upper;
        while iterations < max_iterations && Instant::now() < deadline {
            iterations += 1;
            let (value, plans) = self.evaluate(&prices, &mut weight);
            if !value.is_finite() {
                best_value = value;
                break;
            }
            taken.iter_mut().for_each(|t| *t = 0);
            block_minutes.iter_mut().for_each(|t| *t = 0);
            for (a, list) in plans.iter().enumerate() {
                for &n in list {
                    taken[n] += 1;
                    if let Some(b) = inst.needs[n].block {
                        block_minutes[a * blocks + b] += inst.needs[n].minutes();
                    }
                }
            }
            if let Some(found) = self.roster_from(&plans)
                && found.0 < roster.0
            {
                roster = found;
                if let Some(sh) = shared {
                    sh.offer(roster.0, &roster.1);
                }
            }
            // The best score known anywhere: what the bound must reach.
            let upper = shared.map_or(roster.0, |sh| sh.best.load(Ordering::Relaxed).min(roster.0));
            if value > best_value + 1e-9 {
                best_value = value;
                best_prices.clone_from(&prices);
                since_better = 0;
            } else {
                since_better += 1;
                if since_better >= 15 {
                    step_scale /= 2.0;
                    since_better = 0;
                }
            }
            if value_bound(best_value) >= upper
                || Instant::now() >= deadline
                || step_scale < MIN_STEP
                || shared.is_some_and(|sh| sh.stop.load(Ordering::Relaxed))
            {
                break;
            }
            // Subgradient: the relaxed constraints' slack at this plan.
            let slack: Vec<f64> = taken
                .iter()
                .zip(&inst.needs)
                .map(|(&t, need)| t as f64 - need.pas_required as f64)
                .collect();
            let mut norm = 0.0;
            for (g, mu) in slack.iter().zip(&prices.mu) {
                if *g > 0.0 || *mu > 0.0 {
                    norm += g * g;
                }
            }
            for a in 0..pas {
                for b in 0..blocks {
                    let i = a * blocks + b;
                    let minutes = block_minutes[i] as f64;
                    if let Some(c) = inst.pas[a].contracted_minutes_per_week
                        && kappa > 0.0
                    {
                        let g = minutes - c as f64;
                        norm += g * g * SIGMA2;
                    }
                    if m.caps[a] < i64::MAX {
                        let g = minutes - m.caps[a] as f64;
                        if g > 0.0 || prices.pi[i] > 0.0 {
                            norm += g * g * SIGMA2;
                        }
                    }
                }
            }
            if norm <= 0.0 {
                // The plan meets every relaxed constraint: nothing to raise.
                break;
            }
            let gap = (upper as f64 - value).max(1.0);
            let t = step_scale * gap / norm;
            for (mu, g) in prices.mu.iter_mut().zip(&slack) {
                *mu = (*mu + t * g).max(0.0);
            }
            for a in 0..pas {
                for b in 0..blocks {
                    let i = a * blocks + b;
                    let minutes = block_minutes[i] as f64;
                    if let Some(c) = inst.pas[a].contracted_minutes_per_week {
                        let g = minutes - c as f64;
                        prices.alpha[i] = (prices.alpha[i] + t * SIGMA2 * g).clamp(-kappa, kappa);
                    }
                    if m.caps[a] < i64::MAX {
                        let g = minutes - m.caps[a] as f64;
                        prices.pi[i] = (prices.pi[i] + t * SIGMA2 * g).max(0.0);
                    }
                }
            }
        }
        Bound {
            value: value_bound(best_value),
            fractional: best_value,
            prices: best_prices,
            iterations,
            roster,
        }
    }

    /// A valid roster from the PAs' separate plans: each need keeps its
    /// cheapest PAs up to what it requires, then open slots are filled.
    fn roster_from(&self, plans: &[Vec<usize>]) -> Option<(i64, Vec<(usize, usize)>)> {
        let m = self.m;
        let mut pairs: Vec<(usize, i64, usize)> = Vec::new();
        for (a, list) in plans.iter().enumerate() {
            for &n in list {
                pairs.push((n, m.pair_cost(n, a), a));
            }
        }
        pairs.sort_unstable();
        let mut s = State::with_model_pins(m)?;
        for (n, _, a) in pairs {
            if s.missing(n) > 0 && !s.assigned[n].contains(&a) && s.can_add(n, a) {
                s.add(n, a);
            }
        }
        crate::heuristic::fill_open(&mut s);
        Some((s.score, s.assignments()))
    }

    /// Pairs that the bound at `prices` rules in or out of every roster
    /// scoring below `upper`.
    pub fn fixings(&self, prices: &Prices, upper: i64) -> Fixings {
        let m = self.m;
        let inst = m.inst;
        let mut weight = vec![0.0f64; inst.needs.len()];
        let mut out = Fixings {
            forbidden: Vec::new(),
            required: Vec::new(),
        };
        let mut total = self.constant(prices);
        let mut per_pa = Vec::with_capacity(inst.pas.len());
        for a in 0..inst.pas.len() {
            self.weights(a, prices, &mut weight);
            let dc = self.day_costs(a, &weight);
            // Per need: the best week with it, and the best without it.
            let mut with = vec![f64::INFINITY; inst.needs.len()];
            let mut without = vec![f64::INFINITY; inst.needs.len()];
            let mut best = f64::INFINITY;
            for (mask, fixed) in self.masks(a) {
                let Some(p) = self.plan_pa(a, &dc, mask, true) else {
                    continue;
                };
                best = best.min(p.cost + fixed);
                for (d, day) in self.plans[a].days.iter().enumerate() {
                    let day_needs: Vec<usize> = day.iter().flat_map(|p| p.needs.clone()).collect();
                    for (pi, plan) in day.iter().enumerate() {
                        let c = p.through[d][pi] + fixed;
                        for &n in &day_needs {
                            if plan.needs.contains(&n) {
                                with[n] = with[n].min(c);
                            } else {
                                without[n] = without[n].min(c);
                            }
                        }
                    }
                }
            }
            total += best;
            per_pa.push((best, with, without));
        }
        if !total.is_finite() {
            return out;
        }
        for (a, (best, with, without)) in per_pa.iter().enumerate() {
            for &n in m
                .eligible
                .iter()
                .enumerate()
                .filter(|(_, e)| e.contains(&a))
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
                .iter()
            {
                if m.is_pinned(n, a) {
                    continue;
                }
                if value_bound(total - best + with[n]) >= upper {
                    out.forbidden.push((n, a));
                } else if value_bound(total - best + without[n]) >= upper {
                    out.required.push((n, a));
                }
            }
        }
        out
    }
}

/// One PA's day plan costs at given prices, and each plan group's best.
struct DayCosts {
    plan: Vec<Vec<f64>>,
    group: Vec<Vec<(f64, u32)>>,
}

/// One PA's tables at fixed prices, per set of people.
struct PaTables {
    weight: Vec<f64>,
    per_mask: Vec<(u64, f64, Planned)>,
}

/// The bound at fixed prices for any partial roster decided in time order:
/// each PA's decided days as they stand, the day in progress among the
/// plans that agree with what is decided, the later days at their best.
pub struct NodeBound<'r, 'm, 'a> {
    relax: &'r Relaxation<'m, 'a>,
    constant: f64,
    pas: Vec<PaTables>,
}

impl<'r, 'm, 'a> NodeBound<'r, 'm, 'a> {
    pub fn new(relax: &'r Relaxation<'m, 'a>, prices: &Prices) -> Option<Self> {
        let inst = relax.m.inst;
        let mut pas = Vec::with_capacity(inst.pas.len());
        for a in 0..inst.pas.len() {
            let mut weight = vec![0.0f64; inst.needs.len()];
            relax.weights(a, prices, &mut weight);
            let dc = relax.day_costs(a, &weight);
            let mut per_mask = Vec::new();
            for (mask, fixed) in relax.masks(a) {
                if let Some(p) = relax.plan_pa(a, &dc, mask, true) {
                    per_mask.push((mask, fixed, p));
                }
            }
            if per_mask.is_empty() {
                return None;
            }
            pas.push(PaTables { weight, per_mask });
        }
        Some(NodeBound {
            relax,
            constant: relax.constant(prices),
            pas,
        })
    }

    /// A lower bound on every roster that completes `s`, where the needs
    /// with `decided[n]` are decided (exactly as in `s`) and all lie on days
    /// up to `day`, and no need of a later day is. Whole points.
    pub fn value(&self, s: &State, decided: &[bool], day: usize) -> i64 {
        let inst = self.relax.m.inst;
        let rest = inst.rules.min_daily_rest_minutes;
        let mut total = self.constant;
        for (a, t) in self.pas.iter().enumerate() {
            // The decided days as they stand: the plan state and their cost.
            let mut last: Option<i64> = None;
            let mut worked = 0u8;
            let mut prefix = 0.0;
            let mut served = 0u64;
            for d in 0..day {
                let in_block = d / 7 < inst.blocks;
                if in_block && d % 7 == 0 {
                    worked = 0;
                }
                last = last.filter(|&e| e + rest > inst.day_starts[d]);
                let list = s.needs_of(a, d);
                if !list.is_empty() {
                    let end = list.iter().map(|&n| inst.needs[n].end).max().unwrap_or(0);
                    last = Some(last.map_or(end, |e| e.max(end)));
                    if in_block {
                        worked += 1;
                    }
                }
                if !in_block {
                    worked = 0;
                }
                last = last.filter(|&e| e + rest > inst.day_starts[d + 1]);
                for &n in list {
                    prefix += t.weight[n];
                    for &r in &inst.needs[n].people {
                        served |= 1u64.checked_shl(r as u32).unwrap_or(0);
                    }
                }
            }
            let today = s.needs_of(a, day);
            for &n in today {
                for &r in &inst.needs[n].people {
                    served |= 1u64.checked_shl(r as u32).unwrap_or(0);
                }
            }
            let plans = &self.relax.plans[a].days[day];
            let mut best = f64::INFINITY;
            for (mask, fixed, p) in &t.per_mask {
                if served & !mask != 0 {
                    continue;
                }
                let Some(li) = p.layers[day]
                    .iter()
                    .position(|l| l.last == last && l.worked == worked)
                else {
                    // A state the tables do not know: no bound from here.
                    return i64::MIN;
                };
                let n_groups = self.relax.plans[a].groups[day].len();
                let group_of = &self.relax.plans[a].group_of[day];
                for (pi, plan) in plans.iter().enumerate() {
                    let to = p.succ[day][li * n_groups + group_of[pi] as usize];
                    if to == NONE {
                        continue;
                    }
                    let agrees = plan
                        .needs
                        .iter()
                        .all(|&n| !decided[n] || today.contains(&n))
                        && today.iter().all(|n| plan.needs.contains(n));
                    if !agrees {
                        continue;
                    }
                    let c = fixed + p.costs[day][pi] + p.back[day + 1][to as usize];
                    best = best.min(c);
                }
            }
            if !best.is_finite() {
                return i64::MIN;
            }
            total += prefix + best;
        }
        value_bound(total)
    }
}

/// The whole-point bound from a fractional one, with room for rounding.
fn value_bound(v: f64) -> i64 {
    if !v.is_finite() {
        return if v > 0.0 { i64::MAX } else { i64::MIN };
    }
    (v - 1e-6 * v.abs().max(1.0)).ceil() as i64
}

impl Relaxation<'_, '_> {
    /// Plans per PA and day (for tuning).
    pub fn plan_counts(&self) -> Vec<Vec<usize>> {
        self.plans
            .iter()
            .map(|p| p.days.iter().map(Vec::len).collect())
            .collect()
    }
}

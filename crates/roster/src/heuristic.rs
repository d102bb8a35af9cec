//! Construction and local search for rosters of any size.
//!
//! A greedy pass in time order builds a valid roster in milliseconds; then a
//! simulated-annealing search over a few move types (re-give a need to another
//! PA, fill an open need — pushing a colleague's need elsewhere if that makes
//! room —, swap two PAs' needs, hand all of a person's needs from one PA to
//! those already working for them) improves it until the time or iteration
//! budget runs out. Every move keeps the hard rules, so every roster the
//! search holds is valid. The search depends on the seed only: the same seed
//! and the same number of iterations give the same roster.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Instant;

use crate::rng::Rng;
use crate::state::{Blocker, Model, State};

/// A roster with its score.
pub type Scored = (i64, Vec<(usize, usize)>);

/// What concurrent searches tell each other: the best score found so far,
/// and a request to stop (the optimum has been proved).
pub struct Shared {
    pub best: AtomicI64,
    pub stop: AtomicBool,
    /// The best roster one search offers the others to start from.
    offered: Mutex<Option<Scored>>,
}

impl Shared {
    pub fn new(best: i64) -> Self {
        Shared {
            best: AtomicI64::new(best),
            stop: AtomicBool::new(false),
            offered: Mutex::new(None),
        }
    }

    /// Offers a roster to the other searches (kept if the best offered).
    pub fn offer(&self, score: i64, roster: &[(usize, usize)]) {
        self.best.fetch_min(score, Ordering::Relaxed);
        let mut offered = self.offered.lock().unwrap_or_else(|e| e.into_inner());
        if offered.as_ref().is_none_or(|(s, _)| score < *s) {
            *offered = Some((score, roster.to_vec()));
        }
    }

    /// The best roster offered so far.
    pub fn offered(&self) -> Option<Scored> {
        self.offered
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// When a search must stop.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    pub start: Instant,
    pub deadline: Instant,
    pub max_iterations: Option<u64>,
}

impl Budget {
    fn fraction(&self, iterations: u64, now: Instant) -> f64 {
        let by_time = {
            let total = self
                .deadline
                .saturating_duration_since(self.start)
                .as_secs_f64();
            if total <= 0.0 {
                1.0
            } else {
                now.saturating_duration_since(self.start).as_secs_f64() / total
            }
        };
        match self.max_iterations {
            Some(max) if max > 0 => by_time.max(iterations as f64 / max as f64),
            _ => by_time,
        }
        .min(1.0)
    }
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Add(usize, usize),
    Remove(usize, usize),
}

fn undo(s: &mut State, ops: &[Op]) {
    for op in ops.iter().rev() {
        match *op {
            Op::Add(n, a) => s.remove(n, a),
            Op::Remove(n, a) => s.add(n, a),
        }
    }
}

fn redo(s: &mut State, ops: &[Op]) {
    for op in ops {
        match *op {
            Op::Add(n, a) => s.add(n, a),
            Op::Remove(n, a) => s.remove(n, a),
        }
    }
}

/// Needs in the order the greedy passes visit them: by start, then by id order.
fn time_order(m: &Model) -> Vec<usize> {
    let mut order: Vec<usize> = (0..m.inst.needs.len()).collect();
    order.sort_by_key(|&n| (m.inst.needs[n].start, n));
    order
}

/// The plain greedy baseline: needs in time order, each to the cheapest PA
/// (pay plus preference) still allowed to take it. No look-ahead, no regard
/// for continuity or contracts.
pub fn plain_greedy<'m, 'a>(m: &'m Model<'a>) -> State<'m, 'a> {
    let mut s = State::with_pins(m);
    for n in time_order(m) {
        for &a in &m.eligible[n] {
            if s.missing(n) == 0 {
                break;
            }
            if s.can_add(n, a) {
                s.add(n, a);
            }
        }
    }
    s
}

/// The objective-aware construction: needs in time order, each slot to the
/// allowed PA that raises the whole score least (continuity, contracts and
/// the published roster included), and only when that beats leaving it open.
pub fn construct<'m, 'a>(m: &'m Model<'a>) -> State<'m, 'a> {
    let mut s = State::with_pins(m);
    // Re-planning: keep the published roster wherever it still holds, so a
    // change is made only where the absence forces one (or pays for itself
    // later in the search).
    let order = time_order(m);
    for &n in &order {
        let Some(current) = &m.inst.current[n] else {
            continue;
        };
        for &a in current {
            if s.missing(n) > 0 && m.eligible[n].contains(&a) && s.can_add(n, a) {
                s.add(n, a);
            }
        }
    }
    for n in order {
        while s.missing(n) > 0 {
            let Some((delta, a)) = best_addition(&s, n, None) else {
                break;
            };
            if delta >= 0 {
                break;
            }
            s.add(n, a);
        }
    }
    s
}

/// Gives every open slot that some PA can still take at a gain to the best such PA.
pub fn fill_open(s: &mut State) {
    for n in time_order(s.m) {
        while s.missing(n) > 0 {
            match best_addition(s, n, None) {
                Some((delta, a)) if delta < 0 => s.add(n, a),
                _ => break,
            }
        }
    }
}

/// The allowed PA (other than `except`) whose taking need `n` changes the score least.
fn best_addition(s: &State, n: usize, except: Option<usize>) -> Option<(i64, usize)> {
    let mut best: Option<(i64, usize)> = None;
    for &a in &s.m.eligible[n] {
        if Some(a) == except || !s.can_add(n, a) {
            continue;
        }
        let d = s.add_delta(n, a);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, a));
        }
    }
    best
}

/// The result of a search: the best roster it held.
pub struct Found {
    pub score: i64,
    pub assignments: Vec<(usize, usize)>,
    pub iterations: u64,
}

struct Search<'s, 'm, 'a> {
    s: &'s mut State<'m, 'a>,
    rng: Rng,
    open: Vec<usize>,
    assigned_needs: Vec<usize>,
}

impl Search<'_, '_, '_> {
    fn refresh_lists(&mut self) {
        self.open.clear();
        self.assigned_needs.clear();
        for n in 0..self.s.assigned.len() {
            if self.s.missing(n) > 0 && !self.s.m.eligible[n].is_empty() {
                self.open.push(n);
            }
            if self.s.assigned[n]
                .iter()
                .any(|&a| !self.s.m.is_pinned(n, a))
            {
                self.assigned_needs.push(n);
            }
        }
    }

    /// A random assigned, unpinned (need, PA) pair.
    fn pick_assignment(&mut self) -> Option<(usize, usize)> {
        if self.assigned_needs.is_empty() {
            return None;
        }
        let n = self.assigned_needs[self.rng.below(self.assigned_needs.len())];
        let list = &self.s.assigned[n];
        if list.is_empty() {
            return None;
        }
        let a = list[self.rng.below(list.len())];
        (!self.s.m.is_pinned(n, a)).then_some((n, a))
    }

    /// Give one of need `n`'s slots to another PA.
    fn reassign(&mut self) -> Option<Vec<Op>> {
        let (n, a) = self.pick_assignment()?;
        let s = &mut *self.s;
        let el = &s.m.eligible[n];
        s.remove(n, a);
        let target = if self.rng.below(2) == 0 {
            let q = el[self.rng.below(el.len())];
            (q != a && s.can_add(n, q)).then_some(q)
        } else {
            best_addition(s, n, Some(a)).map(|(_, q)| q)
        };
        match target {
            Some(q) => {
                s.add(n, q);
                Some(vec![Op::Remove(n, a), Op::Add(n, q)])
            }
            None => {
                s.add(n, a);
                None
            }
        }
    }

    /// Fill an open slot, if need be by moving one of a PA's needs elsewhere.
    fn fill(&mut self) -> Option<Vec<Op>> {
        if self.open.is_empty() {
            return None;
        }
        let n = self.open[self.rng.below(self.open.len())];
        let s = &mut *self.s;
        if s.missing(n) == 0 {
            return None;
        }
        if let Some((_, a)) = best_addition(s, n, None) {
            s.add(n, a);
            return Some(vec![Op::Add(n, a)]);
        }
        // Ejection: for a few PAs, take away one need standing in the way
        // and re-give it elsewhere if possible; keep the best such change.
        let el = &s.m.eligible[n];
        let tries = el.len().min(6);
        let offset = self.rng.below(el.len());
        let mut best: Option<(i64, Vec<Op>)> = None;
        for t in 0..tries {
            let q = el[(offset + t * 7919) % el.len()];
            let Some(victim) = ejection_victim(s, &mut self.rng, n, q) else {
                continue;
            };
            let before = s.score;
            s.remove(victim, q);
            if !s.can_add(n, q) {
                s.add(victim, q);
                continue;
            }
            s.add(n, q);
            let mut ops = vec![Op::Remove(victim, q), Op::Add(n, q)];
            if let Some((_, r)) = best_addition(s, victim, Some(q)) {
                s.add(victim, r);
                ops.push(Op::Add(victim, r));
            }
            let delta = s.score - before;
            undo(s, &ops);
            if best.as_ref().is_none_or(|(d, _)| delta < *d) {
                best = Some((delta, ops));
            }
        }
        let (_, ops) = best?;
        redo(s, &ops);
        Some(ops)
    }

    /// Two PAs trade needs on the same day.
    fn swap(&mut self) -> Option<Vec<Op>> {
        let (n1, a1) = self.pick_assignment()?;
        let s = &mut *self.s;
        let el = &s.m.eligible[n1];
        let a2 = el[self.rng.below(el.len())];
        if a2 == a1 || s.assigned[n1].contains(&a2) {
            return None;
        }
        let day = s.m.inst.needs[n1].day;
        let theirs = s.needs_of(a2, day);
        if theirs.is_empty() {
            return None;
        }
        let x = theirs[self.rng.below(theirs.len())];
        if x == n1
            || s.m.is_pinned(x, a2)
            || s.assigned[x].contains(&a1)
            || !s.m.eligible[x].contains(&a1)
        {
            return None;
        }
        s.remove(n1, a1);
        s.remove(x, a2);
        let mut ops = vec![Op::Remove(n1, a1), Op::Remove(x, a2)];
        if s.can_add(n1, a2) {
            s.add(n1, a2);
            ops.push(Op::Add(n1, a2));
            if s.can_add(x, a1) {
                s.add(x, a1);
                ops.push(Op::Add(x, a1));
                return Some(ops);
            }
        }
        undo(s, &ops);
        None
    }

    /// Hand every need of one person that a PA works to PAs who already work
    /// for them: the only way to lower the extra-PA term.
    fn consolidate(&mut self) -> Option<Vec<Op>> {
        let s = &mut *self.s;
        let inst = s.m.inst;
        if inst.people.is_empty() {
            return None;
        }
        let r = self.rng.below(inst.people.len());
        let working: Vec<usize> = (0..inst.pas.len())
            .filter(|&a| s.person_pa_count(r, a) > 0)
            .collect();
        if working.len() < 2 {
            return None;
        }
        // Usually the PA with the fewest of their needs; sometimes any.
        let a = if self.rng.below(3) == 0 {
            working[self.rng.below(working.len())]
        } else {
            let mut best = working[0];
            for &x in &working {
                if s.person_pa_count(r, x) < s.person_pa_count(r, best) {
                    best = x;
                }
            }
            best
        };
        let mut ops = Vec::new();
        for &n in &s.m.person_needs[r] {
            if !s.assigned[n].contains(&a) {
                continue;
            }
            if s.m.is_pinned(n, a) {
                undo(s, &ops);
                return None;
            }
            s.remove(n, a);
            ops.push(Op::Remove(n, a));
            let mut best: Option<(i64, usize)> = None;
            for &q in &s.m.eligible[n] {
                if q == a || s.person_pa_count(r, q) == 0 || !s.can_add(n, q) {
                    continue;
                }
                let d = s.add_delta(n, q);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, q));
                }
            }
            if let Some((_, q)) = best {
                s.add(n, q);
                ops.push(Op::Add(n, q));
            }
        }
        (!ops.is_empty()).then_some(ops)
    }

    /// Leave a slot open (worth it only under unusual weights).
    fn unassign(&mut self) -> Option<Vec<Op>> {
        let (n, a) = self.pick_assignment()?;
        self.s.remove(n, a);
        Some(vec![Op::Remove(n, a)])
    }
}

/// One of PA `q`'s needs that stands in the way of need `n`, if taking it
/// away could make room (unpinned, and the kind of rule that removal frees).
fn ejection_victim(s: &State, rng: &mut Rng, n: usize, q: usize) -> Option<usize> {
    let inst = s.m.inst;
    let need = &inst.needs[n];
    let victim = match s.blocker(n, q)? {
        Blocker::AlreadyOn => return None,
        Blocker::Busy(x) => x,
        Blocker::DaySpan => pick_on_days(s, rng, q, need.day, need.day)?,
        Blocker::Rest => pick_on_days(
            s,
            rng,
            q,
            need.day.saturating_sub(1),
            (need.day + 1).min(inst.days - 1),
        )?,
        Blocker::DaysOff | Blocker::WeekCap => {
            let b = need.block?;
            pick_on_days(s, rng, q, b * 7, b * 7 + 6)?
        }
    };
    (!s.m.is_pinned(victim, q)).then_some(victim)
}

/// A random unpinned need of PA `a` on days `from..=to`.
fn pick_on_days(s: &State, rng: &mut Rng, a: usize, from: usize, to: usize) -> Option<usize> {
    let mut found = Vec::new();
    for d in from..=to {
        found.extend(
            s.needs_of(a, d)
                .iter()
                .copied()
                .filter(|&x| !s.m.is_pinned(x, a)),
        );
    }
    (!found.is_empty()).then(|| found[rng.below(found.len())])
}

/// Simulated annealing from `s` until the budget runs out; returns the best
/// roster seen (which may be the starting one).
pub fn improve(s: &mut State, seed: u64, budget: Budget, shared: Option<&Shared>) -> Found {
    const T_START: f64 = 25.0;
    const T_END: f64 = 0.2;
    let mut search = Search {
        s,
        rng: Rng::new(seed),
        open: Vec::new(),
        assigned_needs: Vec::new(),
    };
    let mut best_score = search.s.score;
    let mut snapshot: Option<Vec<(usize, usize)>> = None;
    let mut at_best = true;
    let mut iterations: u64 = 0;
    let mut temperature = T_START;
    loop {
        if iterations.is_multiple_of(256) {
            let now = Instant::now();
            if now >= budget.deadline || budget.max_iterations.is_some_and(|max| iterations >= max)
            {
                break;
            }
            let f = budget.fraction(iterations, now);
            temperature = T_START * (T_END / T_START).powf(f);
            search.refresh_lists();
            if search.assigned_needs.is_empty() && search.open.is_empty() {
                break;
            }
        }
        iterations += 1;
        let before = search.s.score;
        let roll = search.rng.below(100);
        let ops = if !search.open.is_empty() && roll < 25 {
            search.fill()
        } else if roll < 60 {
            search.reassign()
        } else if roll < 85 {
            search.swap()
        } else if roll < 98 {
            search.consolidate()
        } else {
            search.unassign()
        };
        let Some(ops) = ops else {
            continue;
        };
        let delta = search.s.score - before;
        let accept = delta <= 0 || search.rng.unit() < (-(delta as f64) / temperature).exp();
        if !accept {
            undo(search.s, &ops);
            continue;
        }
        if search.s.score <= best_score {
            if search.s.score < best_score
                && let Some(sh) = shared
            {
                sh.best.fetch_min(search.s.score, Ordering::Relaxed);
            }
            best_score = search.s.score;
            at_best = true;
        } else if at_best {
            // Leaving the best roster seen: keep a copy of it first.
            undo(search.s, &ops);
            snapshot = Some(search.s.assignments());
            redo(search.s, &ops);
            at_best = false;
        }
    }
    let assignments = if at_best {
        search.s.assignments()
    } else {
        snapshot.unwrap_or_else(|| search.s.assignments())
    };
    Found {
        score: best_score,
        assignments,
        iterations,
    }
}

/// Runs `threads` independent searches from `start` (seeds `seed`, `seed+1`, …)
/// and keeps the best; ties go to the lowest seed, so the answer does not
/// depend on which thread finishes first.
pub fn improve_parallel(start: &State, seed: u64, budget: Budget, threads: usize) -> Found {
    let threads = threads.max(1);
    let mut results: Vec<Found> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let mut s = start.clone();
                scope.spawn(move || improve(&mut s, seed.wrapping_add(t as u64), budget, None))
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    let mut best_index = 0;
    for (i, f) in results.iter().enumerate() {
        if f.score < results[best_index].score {
            best_index = i;
        }
    }
    if results.is_empty() {
        let mut s = start.clone();
        return improve(&mut s, seed, budget, None);
    }
    results.swap_remove(best_index)
}

/// Needs per neighbourhood and the node budget of its exact re-solve.
const WINDOW: usize = 16;
const WINDOW_NODES: u64 = 20_000;

/// Large-neighbourhood search: free a small window of needs (a run of needs
/// in time, the needs around an open one, or two PAs' needs over a few days)
/// and re-decide it by branch and bound with the rest of the roster fixed.
/// Only improvements are kept, so the roster held is always the best.
pub fn lns(s: &mut State, seed: u64, deadline: Instant, shared: Option<&Shared>) -> Found {
    let m = s.m;
    let inst = m.inst;
    let mut rng = Rng::new(seed ^ 0x1A5E_ED00);
    let order = time_order(m);
    let mut position = vec![0usize; order.len()];
    for (p, &n) in order.iter().enumerate() {
        position[n] = p;
    }
    let mut iterations = 0u64;
    while !order.is_empty()
        && Instant::now() < deadline
        && !shared.is_some_and(|sh| sh.stop.load(Ordering::Relaxed))
    {
        iterations += 1;
        // Another search's better roster, if one was offered, is taken up.
        if iterations.is_multiple_of(64)
            && let Some((score, roster)) = shared.and_then(Shared::offered)
            && score < s.score
        {
            let mut better = State::empty(m);
            for &(n, a) in &roster {
                better.add(n, a);
            }
            *s = better;
        }
        let window: Vec<usize> = match rng.below(4) {
            0 => {
                let p = rng.below(order.len());
                let len = WINDOW / 2 + rng.below(WINDOW);
                order[p..(p + len).min(order.len())].to_vec()
            }
            1 => {
                let start = rng.below(order.len());
                let open = (0..order.len())
                    .map(|i| order[(start + i) % order.len()])
                    .find(|&n| s.missing(n) > 0 && !m.eligible[n].is_empty());
                let Some(n) = open else {
                    continue;
                };
                let len = WINDOW / 2 + rng.below(WINDOW);
                let p = position[n].saturating_sub(len / 2);
                order[p..(p + len).min(order.len())].to_vec()
            }
            kind => {
                // Two or three PAs over two days: their needs, and the open
                // needs of those days they could take.
                let k = if kind == 2 { 2 } else { 3 };
                if inst.pas.len() < k {
                    continue;
                }
                let mut chosen: Vec<usize> = Vec::with_capacity(k);
                while chosen.len() < k {
                    let a = rng.below(inst.pas.len());
                    if !chosen.contains(&a) {
                        chosen.push(a);
                    }
                }
                let d0 = rng.below(inst.days);
                let days = d0..(d0 + 2).min(inst.days);
                let mut w = Vec::new();
                for d in days.clone() {
                    for &a in &chosen {
                        w.extend_from_slice(s.needs_of(a, d));
                    }
                }
                for &n in &order {
                    if days.contains(&inst.needs[n].day)
                        && s.missing(n) > 0
                        && chosen.iter().any(|a| m.eligible[n].contains(a))
                    {
                        w.push(n);
                    }
                }
                w.sort_unstable();
                w.dedup();
                w.sort_by_key(|&n| (inst.needs[n].start, n));
                w.truncate(2 * WINDOW);
                w
            }
        };
        if window.is_empty() {
            continue;
        }
        if crate::exact::improve_window(s, &window, deadline, WINDOW_NODES)
            && let Some(sh) = shared
        {
            sh.best.fetch_min(s.score, Ordering::Relaxed);
        }
    }
    Found {
        score: s.score,
        assignments: s.assignments(),
        iterations,
    }
}

//! The solver's working roster: assignments with the bookkeeping that makes
//! "may this PA take this need?" and "what does it do to the score?" cheap.
//!
//! The score kept here is the objective of the format document maintained
//! incrementally; tests compare it with the checker's from-scratch figure.

use crate::checker::ceil_div;
use crate::instance::Instance;

/// Why a PA cannot take a need right now (beyond rule 2, which is static).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocker {
    AlreadyOn,
    Busy(usize),
    DaySpan,
    Rest,
    DaysOff,
    WeekCap,
}

/// Facts about the instance that the search looks up constantly.
pub struct Model<'a> {
    pub inst: &'a Instance,
    /// Per need, PAs that pass rule 2, cheapest first.
    pub eligible: Vec<Vec<usize>>,
    /// Per need, the unassigned term by number missing (0..=pas_required).
    pub unassigned_cost: Vec<Vec<i64>>,
    /// Per need, its pinned PAs.
    pub pinned: Vec<Vec<usize>>,
    pub caps: Vec<i64>,
    pub max_need_minutes: i64,
    /// Per person, the needs they are in.
    pub person_needs: Vec<Vec<usize>>,
}

impl<'a> Model<'a> {
    pub fn new(inst: &'a Instance) -> Self {
        let mut m = Model {
            inst,
            eligible: Vec::with_capacity(inst.needs.len()),
            unassigned_cost: Vec::with_capacity(inst.needs.len()),
            pinned: vec![Vec::new(); inst.needs.len()],
            caps: (0..inst.pas.len()).map(|a| inst.week_cap(a)).collect(),
            max_need_minutes: inst.needs.iter().map(|n| n.minutes()).max().unwrap_or(0),
            person_needs: vec![Vec::new(); inst.people.len()],
        };
        for (n, need) in inst.needs.iter().enumerate() {
            let mut el: Vec<usize> = (0..inst.pas.len())
                .filter(|&a| inst.eligible(n, a))
                .collect();
            el.sort_by_key(|&a| (m.pair_cost(n, a), a));
            m.eligible.push(el);
            m.unassigned_cost.push(
                (0..=need.pas_required)
                    .map(|k| {
                        ceil_div(
                            inst.weights.unassigned_per_hour * k as i64 * need.minutes(),
                            60,
                        )
                    })
                    .collect(),
            );
            for &r in &need.people {
                m.person_needs[r].push(n);
            }
        }
        for &(n, a) in &inst.pinned {
            m.pinned[n].push(a);
        }
        m
    }

    /// Cost plus non-preferred points of giving need `n` to PA `a`: the part
    /// of the objective that depends on that pair alone.
    pub fn pair_cost(&self, n: usize, a: usize) -> i64 {
        let inst = self.inst;
        let need = &inst.needs[n];
        let w = &inst.weights;
        let mut c = ceil_div(
            w.cost_per_pound * need.minutes() * inst.pas[a].hourly_rate_pence,
            6000,
        );
        for &r in &need.people {
            let pref = &inst.people[r].preferred;
            if !pref.is_empty() && !pref.contains(&a) {
                c += ceil_div(w.non_preferred_per_hour * need.minutes(), 60);
            }
        }
        c
    }

    /// The same instance with fewer choices: `forbidden` pairs taken out of
    /// the eligible lists and `required` pairs made as if pinned. Used to
    /// search only among rosters a bound has not ruled out.
    pub fn restricted(&self, forbidden: &[(usize, usize)], required: &[(usize, usize)]) -> Self {
        let mut eligible = self.eligible.clone();
        for &(n, a) in forbidden {
            eligible[n].retain(|&x| x != a);
        }
        let mut pinned = self.pinned.clone();
        for &(n, a) in required {
            if !pinned[n].contains(&a) {
                pinned[n].push(a);
            }
        }
        Model {
            inst: self.inst,
            eligible,
            unassigned_cost: self.unassigned_cost.clone(),
            pinned,
            caps: self.caps.clone(),
            max_need_minutes: self.max_need_minutes,
            person_needs: self.person_needs.clone(),
        }
    }

    pub fn is_pinned(&self, n: usize, a: usize) -> bool {
        self.pinned[n].contains(&a)
    }

    fn contract_term(&self, a: usize, worked: i64) -> i64 {
        match self.inst.pas[a].contracted_minutes_per_week {
            Some(c) => ceil_div(
                self.inst.weights.contract_deviation_per_hour * (worked - c).abs(),
                60,
            ),
            None => 0,
        }
    }
}

#[derive(Clone)]
pub struct State<'m, 'a> {
    pub m: &'m Model<'a>,
    pub assigned: Vec<Vec<usize>>,
    days: usize,
    blocks: usize,
    pas: usize,
    day_needs: Vec<Vec<usize>>,
    day_first: Vec<i64>,
    day_last: Vec<i64>,
    block_minutes: Vec<i64>,
    block_days: Vec<u8>,
    person_pa: Vec<u32>,
    person_distinct: Vec<u32>,
    pub score: i64,
}

impl<'m, 'a> State<'m, 'a> {
    /// The empty roster (pins not yet made).
    pub fn empty(m: &'m Model<'a>) -> Self {
        let inst = m.inst;
        let (pas, days, blocks) = (inst.pas.len(), inst.days, inst.blocks);
        let mut score: i64 = m.unassigned_cost.iter().map(|c| c[c.len() - 1]).sum();
        for a in 0..pas {
            score += m.contract_term(a, 0) * blocks as i64;
        }
        score += inst.current.iter().flatten().count() as i64 * inst.weights.change_per_need;
        State {
            m,
            assigned: vec![Vec::new(); inst.needs.len()],
            days,
            blocks,
            pas,
            day_needs: vec![Vec::new(); pas * days],
            day_first: vec![i64::MAX; pas * days],
            day_last: vec![i64::MIN; pas * days],
            block_minutes: vec![0; pas * blocks.max(1)],
            block_days: vec![0; pas * blocks.max(1)],
            person_pa: vec![0; inst.people.len() * pas],
            person_distinct: vec![0; inst.people.len()],
            score,
        }
    }

    /// The roster with every pin made. Pins were checked when the instance was read.
    pub fn with_pins(m: &'m Model<'a>) -> Self {
        let mut s = Self::empty(m);
        for &(n, a) in &m.inst.pinned {
            s.add(n, a);
        }
        s
    }

    /// The roster with every pin of the model made (those of a restricted
    /// model included), or `None` if they break a rule together.
    pub fn with_model_pins(m: &'m Model<'a>) -> Option<Self> {
        let mut s = Self::empty(m);
        for (n, pins) in m.pinned.iter().enumerate() {
            for &a in pins {
                if s.missing(n) == 0 || !s.can_add(n, a) {
                    return None;
                }
                s.add(n, a);
            }
        }
        Some(s)
    }

    pub fn missing(&self, n: usize) -> usize {
        self.m.inst.needs[n]
            .pas_required
            .saturating_sub(self.assigned[n].len())
    }

    pub fn assignments(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (n, list) in self.assigned.iter().enumerate() {
            for &a in list {
                out.push((n, a));
            }
        }
        out
    }

    pub fn needs_of(&self, a: usize, day: usize) -> &[usize] {
        &self.day_needs[a * self.days + day]
    }

    fn changed(&self, n: usize) -> bool {
        match &self.m.inst.current[n] {
            Some(cur) => {
                let now = &self.assigned[n];
                now.len() != cur.len() || cur.iter().any(|a| !now.contains(a))
            }
            None => false,
        }
    }

    /// The first reason, if any, that PA `a` cannot take need `n` now.
    /// Rule 2 is not checked: callers draw `a` from the eligible list.
    pub fn blocker(&self, n: usize, a: usize) -> Option<Blocker> {
        let inst = self.m.inst;
        let need = &inst.needs[n];
        if self.assigned[n].contains(&a) {
            return Some(Blocker::AlreadyOn);
        }
        let d = need.day;
        let slot = a * self.days + d;
        for &x in &self.day_needs[slot] {
            let o = &inst.needs[x];
            if o.start < need.end && need.start < o.end {
                return Some(Blocker::Busy(x));
            }
        }
        if !self.day_needs[slot].is_empty() {
            let first = self.day_first[slot].min(need.start);
            let last = self.day_last[slot].max(need.end);
            if last - first > inst.rules.max_day_span_minutes {
                return Some(Blocker::DaySpan);
            }
        }
        let rest = inst.rules.min_daily_rest_minutes;
        // Earlier days: their needs end by the next boundary plus the longest need.
        for e in (0..d).rev() {
            if inst.day_starts[e + 1] + self.m.max_need_minutes + rest <= need.start {
                break;
            }
            let s = a * self.days + e;
            if !self.day_needs[s].is_empty() && need.start - self.day_last[s] < rest {
                return Some(Blocker::Rest);
            }
        }
        // Later days: their needs start no earlier than their boundary.
        for e in d + 1..self.days {
            if inst.day_starts[e] - need.end >= rest {
                break;
            }
            let s = a * self.days + e;
            if !self.day_needs[s].is_empty() && self.day_first[s] - need.end < rest {
                return Some(Blocker::Rest);
            }
        }
        if let Some(b) = need.block {
            let bs = a * self.blocks + b;
            if self.day_needs[slot].is_empty()
                && 7 - (self.block_days[bs] as i64 + 1) < inst.rules.days_off_per_7
            {
                return Some(Blocker::DaysOff);
            }
            if self.block_minutes[bs] + need.minutes() > self.m.caps[a] {
                return Some(Blocker::WeekCap);
            }
        }
        None
    }

    pub fn can_add(&self, n: usize, a: usize) -> bool {
        self.blocker(n, a).is_none()
    }

    /// The score change of `add(n, a)`, without making it.
    pub fn add_delta(&self, n: usize, a: usize) -> i64 {
        let m = self.m;
        let inst = m.inst;
        let need = &inst.needs[n];
        let missing = self.missing(n);
        let mut delta = m.pair_cost(n, a);
        if missing > 0 {
            delta += m.unassigned_cost[n][missing - 1] - m.unassigned_cost[n][missing];
        }
        for &r in &need.people {
            if self.person_pa[r * self.pas + a] == 0 && self.person_distinct[r] >= 1 {
                delta += inst.weights.extra_pa_per_person;
            }
        }
        if let Some(b) = need.block {
            let worked = self.block_minutes[a * self.blocks + b];
            delta += m.contract_term(a, worked + need.minutes()) - m.contract_term(a, worked);
        }
        if let Some(cur) = &inst.current[n] {
            let now = &self.assigned[n];
            let before = now.len() != cur.len() || cur.iter().any(|x| !now.contains(x));
            let after =
                now.len() + 1 != cur.len() || cur.iter().any(|x| *x != a && !now.contains(x));
            delta += inst.weights.change_per_need * (after as i64 - before as i64);
        }
        delta
    }

    /// Gives need `n` to PA `a`. The caller has checked `can_add`.
    pub fn add(&mut self, n: usize, a: usize) {
        let m = self.m;
        let inst = m.inst;
        let need = &inst.needs[n];
        let before_change = self.changed(n);
        let missing = self.missing(n);
        self.score += m.pair_cost(n, a);
        self.score +=
            m.unassigned_cost[n][missing.saturating_sub(1)] - m.unassigned_cost[n][missing];
        for &r in &need.people {
            let c = &mut self.person_pa[r * self.pas + a];
            if *c == 0 {
                if self.person_distinct[r] >= 1 {
                    self.score += inst.weights.extra_pa_per_person;
                }
                self.person_distinct[r] += 1;
            }
            *c += 1;
        }
        let slot = a * self.days + need.day;
        if let Some(b) = need.block {
            let bs = a * self.blocks + b;
            let worked = self.block_minutes[bs];
            self.score += m.contract_term(a, worked + need.minutes()) - m.contract_term(a, worked);
            self.block_minutes[bs] += need.minutes();
            if self.day_needs[slot].is_empty() {
                self.block_days[bs] += 1;
            }
        }
        self.day_needs[slot].push(n);
        self.day_first[slot] = self.day_first[slot].min(need.start);
        self.day_last[slot] = self.day_last[slot].max(need.end);
        self.assigned[n].push(a);
        let after_change = self.changed(n);
        self.score += inst.weights.change_per_need * (after_change as i64 - before_change as i64);
    }

    /// Takes need `n` from PA `a`.
    pub fn remove(&mut self, n: usize, a: usize) {
        let m = self.m;
        let inst = m.inst;
        let need = &inst.needs[n];
        let Some(pos) = self.assigned[n].iter().position(|&x| x == a) else {
            return;
        };
        let before_change = self.changed(n);
        self.assigned[n].swap_remove(pos);
        let missing = self.missing(n);
        self.score -= m.pair_cost(n, a);
        if missing >= 1 {
            self.score += m.unassigned_cost[n][missing] - m.unassigned_cost[n][missing - 1];
        }
        for &r in &need.people {
            let c = &mut self.person_pa[r * self.pas + a];
            *c -= 1;
            if *c == 0 {
                self.person_distinct[r] -= 1;
                if self.person_distinct[r] >= 1 {
                    self.score -= inst.weights.extra_pa_per_person;
                }
            }
        }
        let slot = a * self.days + need.day;
        if let Some(p) = self.day_needs[slot].iter().position(|&x| x == n) {
            self.day_needs[slot].swap_remove(p);
        }
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for &x in &self.day_needs[slot] {
            first = first.min(inst.needs[x].start);
            last = last.max(inst.needs[x].end);
        }
        self.day_first[slot] = first;
        self.day_last[slot] = last;
        if let Some(b) = need.block {
            let bs = a * self.blocks + b;
            let worked = self.block_minutes[bs];
            self.score += m.contract_term(a, worked - need.minutes()) - m.contract_term(a, worked);
            self.block_minutes[bs] -= need.minutes();
            if self.day_needs[slot].is_empty() {
                self.block_days[bs] -= 1;
            }
        }
        let after_change = self.changed(n);
        self.score += inst.weights.change_per_need * (after_change as i64 - before_change as i64);
    }

    /// How many of person `r`'s assignments PA `a` works.
    pub fn person_pa_count(&self, r: usize, a: usize) -> u32 {
        self.person_pa[r * self.pas + a]
    }

    /// Worked minutes of PA `a` in block `b`.
    pub fn block_minutes(&self, a: usize, b: usize) -> i64 {
        self.block_minutes[a * self.blocks + b]
    }

    /// The contract-deviation part of the score as it stands.
    pub fn contract_part(&self) -> i64 {
        let mut total = 0;
        for a in 0..self.pas {
            for b in 0..self.blocks {
                total += self
                    .m
                    .contract_term(a, self.block_minutes[a * self.blocks + b]);
            }
        }
        total
    }

    /// A lower bound on the contract-deviation part once more work is added,
    /// given at most `more[a*blocks+b]` further minutes per PA and block.
    pub fn contract_lower_bound(&self, more: &[i64]) -> i64 {
        let mut total = 0;
        let inst = self.m.inst;
        for a in 0..self.pas {
            let Some(c) = inst.pas[a].contracted_minutes_per_week else {
                continue;
            };
            for b in 0..self.blocks {
                let i = a * self.blocks + b;
                let worked = self.block_minutes[i];
                let gap = if worked > c {
                    worked - c
                } else {
                    (c - worked - more[i]).max(0)
                };
                total += ceil_div(inst.weights.contract_deviation_per_hour * gap, 60);
            }
        }
        total
    }
}

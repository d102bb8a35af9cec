#!/usr/bin/env python3
"""A lower bound on the optimum from a linear relaxation, solved with HiGHS.

Relaxed: assignments are fractions; the day-length and rest rules are left
out and every ceil is dropped (each only lowers the bound, so it stays a
valid bound). Kept: one PA per slot, availability/skills/exclusions,
no overlap (clique rows at every need start), days off, week caps, and all
objective terms. Usage: lp.py INSTANCE -> prints {"bound": int, "seconds": float}
"""
import json
import math
import sys
import time

import highspy
import numpy as np

from model import load


def main():
    t0 = time.monotonic()
    inst = load(sys.argv[1])
    N, P = len(inst.needs), len(inst.pas)
    cost, lo, hi = [], [], []
    rows = []  # (lower, upper, [(col, coef)])

    def var(c, ub=1.0):
        cost.append(c)
        lo.append(0.0)
        hi.append(ub)
        return len(cost) - 1

    w = inst.weights
    constant = 0.0
    x = {}
    pinned = set(inst.pinned)
    for n in range(N):
        for a in range(P):
            if inst.eligible(n, a):
                x[n, a] = var(inst.pair_cost(n, a))
                if (n, a) in pinned:
                    lo[-1] = 1.0
    by_need = [[] for _ in range(N)]
    by_pa = [[] for _ in range(P)]
    for (n, a), c in x.items():
        by_need[n].append((a, c))
        by_pa[a].append((n, c))
    for n in range(N):
        need = inst.needs[n]
        per_pa_slot = w["unassigned_per_hour"] * need["_min"] / 60
        constant += per_pa_slot * need["_req"]
        rows.append((-math.inf, need["_req"], [(c, 1.0) for _, c in by_need[n]]))
        for _, c in by_need[n]:
            cost[c] -= per_pa_slot
    R = inst.rules
    for a in range(P):
        mine = sorted(by_pa[a], key=lambda t: inst.needs[t[0]]["_s"])
        # No overlap: at each start, the needs covering it share one PA.
        active = []
        for n, c in mine:
            t = inst.needs[n]["_s"]
            active = [(m, cm) for m, cm in active if inst.needs[m]["_e"] > t]
            active.append((n, c))
            if len(active) > 1:
                rows.append((-math.inf, 1.0, [(cm, 1.0) for _, cm in active]))
        pa = inst.pas[a]
        worked = {}
        for n, c in mine:
            d = inst.needs[n]["_day"]
            if d not in worked:
                worked[d] = var(0.0)
            rows.append((0.0, math.inf, [(worked[d], 1.0), (c, -1.0)]))
        for b in range(inst.blocks):
            ws = [worked[d] for d in range(7 * b, 7 * b + 7) if d in worked]
            if ws:
                rows.append((-math.inf, 7 - R["days_off_per_7"], [(v, 1.0) for v in ws]))
            terms = [(c, float(inst.needs[n]["_min"])) for n, c in mine if inst.needs[n]["_block"] == b]
            if terms:
                rows.append((-math.inf, pa["_cap"], terms))
            ctr = pa.get("contracted_minutes_per_week")
            if ctr is not None:
                dev = var(w["contract_deviation_per_hour"] / 60, math.inf)
                rows.append((-ctr, math.inf, [(dev, 1.0)] + [(c, -mm) for c, mm in terms]))
                rows.append((ctr, math.inf, [(dev, 1.0)] + [(c, mm) for c, mm in terms]))
    # On large instances the extra-PA rows (one per person, PA and need) make
    # the LP too big to solve in minutes; dropping the term keeps a valid bound.
    keep_extra = len(x) <= 60_000
    for r in range(len(inst.people) if keep_extra else 0):
        ys = {}
        for n, need in enumerate(inst.needs):
            if r in need["_people"]:
                for a, c in by_need[n]:
                    if a not in ys:
                        ys[a] = var(w["extra_pa_per_person"])
                    rows.append((0.0, math.inf, [(ys[a], 1.0), (c, -1.0)]))
        if ys:
            has = var(-w["extra_pa_per_person"])
            rows.append((0.0, math.inf, [(v, 1.0) for v in ys.values()] + [(has, -1.0)]))
    for n, cur in inst.current.items():
        ch = var(w["change_per_need"])
        if any((n, a) not in x for a in cur):
            lo[ch] = 1.0
        for a, c in by_need[n]:
            if a in cur:
                rows.append((1.0, math.inf, [(ch, 1.0), (c, 1.0)]))
            else:
                rows.append((0.0, math.inf, [(ch, 1.0), (c, -1.0)]))

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 2)
    h.setOptionValue("time_limit", 900.0)
    h.addVars(len(cost), np.array(lo), np.array(hi))
    h.changeColsCost(len(cost), np.arange(len(cost), dtype=np.int32), np.array(cost))
    starts, index, value, lower, upper = [], [], [], [], []
    for l, u, terms in rows:
        starts.append(len(index))
        lower.append(l)
        upper.append(u)
        for c, v in terms:
            index.append(c)
            value.append(v)
    inf = highspy.kHighsInf
    h.addRows(len(rows), np.array([max(l, -inf) for l in lower]), np.array([min(u, inf) for u in upper]),
              len(index), np.array(starts, dtype=np.int32), np.array(index, dtype=np.int32), np.array(value))
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    objective = h.getInfo().objective_function_value + constant
    bound = math.ceil(objective - 1e-6) if status == "Optimal" else None
    print()
    json.dump({"bound": bound, "seconds": round(time.monotonic() - t0, 3), "status": status,
               "extra_pa_relaxed": not keep_extra}, sys.stdout)


if __name__ == "__main__":
    main()

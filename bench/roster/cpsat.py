#!/usr/bin/env python3
"""Reference model of the roster format in OR-Tools CP-SAT.

Usage: cpsat.py INSTANCE SECONDS [THREADS]  -> prints JSON:
{"assignments": [...], "objective": int|null, "bound": int, "status": str, "seconds": float}
"""
import json
import sys
import time

from ortools.sat.python import cp_model

from model import ceil_div, load


def build(inst):
    m = cp_model.CpModel()
    N, P = len(inst.needs), len(inst.pas)
    pinned = set(inst.pinned)
    x = {}
    for n in range(N):
        for a in range(P):
            if inst.eligible(n, a):
                x[n, a] = m.NewBoolVar(f"x{n}_{a}")
    for (n, a) in pinned:
        m.Add(x[n, a] == 1)
    by_need = [[] for _ in range(N)]
    by_pa = [[] for _ in range(P)]
    for (n, a), v in x.items():
        by_need[n].append((a, v))
        by_pa[a].append((n, v))
    obj = []
    # Rule 1 and the unassigned term.
    for n in range(N):
        req = inst.needs[n]["_req"]
        got = sum(v for _, v in by_need[n])
        m.Add(got <= req)
        table = [inst.unassigned_cost(n, k) for k in range(req + 1)]
        if req == 1:
            obj.append(table[1] * (1 - got) if by_need[n] else table[1])
        else:
            missing = m.NewIntVar(0, req, f"miss{n}")
            m.Add(missing == req - got)
            cost = m.NewIntVar(0, table[-1], f"uc{n}")
            m.AddElement(missing, table, cost)
            obj.append(cost)
    # Pay and preference.
    for (n, a), v in x.items():
        obj.append(inst.pair_cost(n, a) * v)
    R = inst.rules
    for a in range(P):
        mine = by_pa[a]
        if not mine:
            continue
        # Rule 3.
        ivs = [m.NewOptionalFixedSizeIntervalVar(inst.needs[n]["_s"], inst.needs[n]["_min"], v, f"i{n}_{a}")
               for n, v in mine]
        m.AddNoOverlap(ivs)
        per_day = {}
        for n, v in mine:
            per_day.setdefault(inst.needs[n]["_day"], []).append((n, v))
        worked, first, last = {}, {}, {}
        for d, lst in per_day.items():
            lo = inst.day_starts[d]
            hi = inst.day_starts[d + 1] + inst.max_len
            w = m.NewBoolVar(f"w{a}_{d}")
            s = m.NewIntVar(lo, hi, f"s{a}_{d}")
            e = m.NewIntVar(lo, hi, f"e{a}_{d}")
            for n, v in lst:
                m.AddImplication(v, w)
                m.Add(s <= inst.needs[n]["_s"]).OnlyEnforceIf(v)
                m.Add(e >= inst.needs[n]["_e"]).OnlyEnforceIf(v)
            m.Add(sum(v for _, v in lst) >= 1).OnlyEnforceIf(w)
            # Rule 4.
            m.Add(e - s <= R["max_day_span_minutes"])
            worked[d], first[d], last[d] = w, s, e
        # Rule 5, between any two worked days close enough to matter.
        days = sorted(per_day)
        for i, d in enumerate(days):
            for d2 in days[i + 1:]:
                if inst.day_starts[d2] - (inst.day_starts[d + 1] + inst.max_len) >= R["min_daily_rest_minutes"]:
                    break
                m.Add(first[d2] - last[d] >= R["min_daily_rest_minutes"]).OnlyEnforceIf([worked[d], worked[d2]])
        # Rules 6 and 7, and contract deviation.
        pa = inst.pas[a]
        for b in range(inst.blocks):
            ws = [worked[d] for d in range(7 * b, 7 * b + 7) if d in worked]
            if len(ws) > 7 - R["days_off_per_7"]:
                m.Add(sum(ws) <= 7 - R["days_off_per_7"])
            minutes = sum(inst.needs[n]["_min"] * v for n, v in mine if inst.needs[n]["_block"] == b)
            m.Add(minutes <= pa["_cap"])
            c = pa.get("contracted_minutes_per_week")
            if c is not None:
                dev = m.NewIntVar(0, 10080, f"dev{a}_{b}")
                m.Add(dev >= minutes - c)
                m.Add(dev >= c - minutes)
                t = m.NewIntVar(0, 10**6, f"t{a}_{b}")
                m.Add(60 * t >= inst.weights["contract_deviation_per_hour"] * dev)
                obj.append(t)
    # Contract deviation of PAs with no eligible needs at all.
    for a in range(P):
        if not by_pa[a] and inst.pas[a].get("contracted_minutes_per_week") is not None:
            c = inst.pas[a]["contracted_minutes_per_week"]
            obj.append(inst.blocks * ceil_div(inst.weights["contract_deviation_per_hour"] * c, 60))
    # Extra PAs per person.
    wx = inst.weights["extra_pa_per_person"]
    for r in range(len(inst.people)):
        ys = {}
        for n, need in enumerate(inst.needs):
            if r in need["_people"]:
                for a, v in by_need[n]:
                    if a not in ys:
                        ys[a] = m.NewBoolVar(f"y{r}_{a}")
                    m.AddImplication(v, ys[a])
        if ys:
            has = m.NewBoolVar(f"has{r}")
            m.Add(has <= sum(ys.values()))
            obj.append(wx * (sum(ys.values()) - has))
    # Change against the published roster.
    wc = inst.weights["change_per_need"]
    for n, cur in inst.current.items():
        ch = m.NewBoolVar(f"ch{n}")
        for a, v in by_need[n]:
            if a in cur:
                m.Add(ch >= 1 - v)
            else:
                m.AddImplication(v, ch)
        if any((n, a) not in x for a in cur):
            m.Add(ch == 1)
        obj.append(wc * ch)
    m.Minimize(sum(obj))
    return m, x


def main():
    path, seconds = sys.argv[1], float(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    t0 = time.monotonic()
    inst = load(path)
    model, x = build(inst)
    solver = cp_model.CpSolver()
    # The limit is on solving; reading and building the model come on top
    # (reported in "seconds" and "build_seconds").
    build_s = time.monotonic() - t0
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = threads
    status = solver.Solve(model)
    elapsed = time.monotonic() - t0
    out = {"status": solver.StatusName(status), "seconds": round(elapsed, 3), "build_seconds": round(build_s, 3),
           "bound": int(round(solver.BestObjectiveBound())) if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None,
           "objective": None, "assignments": []}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        out["objective"] = int(round(solver.ObjectiveValue()))
        out["assignments"] = [{"need": inst.needs[n]["id"], "pa": inst.pas[a]["id"]}
                              for (n, a), v in x.items() if solver.BooleanValue(v)]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()

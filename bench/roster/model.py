"""The roster format (shared/docs/roster-format.md) read independently of the
Rust solver, for the reference models. Times become UTC minutes."""
import datetime as dt
import json
from zoneinfo import ZoneInfo

DEFAULT_RULES = {"min_daily_rest_minutes": 660, "max_day_span_minutes": 780,
                 "days_off_per_7": 1, "max_week_minutes": 2880}
DEFAULT_WEIGHTS = {"unassigned_per_hour": 1000, "extra_pa_per_person": 50,
                   "non_preferred_per_hour": 5, "contract_deviation_per_hour": 2,
                   "cost_per_pound": 1, "change_per_need": 200}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def ceil_div(a, b):
    return -(-a // b)


class Instance:
    def __init__(self, raw):
        tz = ZoneInfo(raw.get("timezone", "Europe/London"))

        def minutes(text):
            local = dt.datetime.fromisoformat(text)
            aware = local.replace(tzinfo=tz, fold=0)  # fold=0: first occurrence
            return int((aware - EPOCH).total_seconds() // 60)

        self.rules = {**DEFAULT_RULES, **raw.get("rules", {})}
        self.weights = {**DEFAULT_WEIGHTS, **raw.get("weights", {})}
        start = dt.date.fromisoformat(raw["horizon"]["start"])
        self.days = raw["horizon"]["days"]
        hh, mm = map(int, raw.get("day_boundary", "04:00").split(":"))
        self.day_starts = [minutes(dt.datetime.combine(start + dt.timedelta(days=d), dt.time(hh, mm)).isoformat())
                           for d in range(self.days + 1)]
        self.blocks = self.days // 7
        self.people = raw.get("people", [])
        self.person_ix = {p["id"]: i for i, p in enumerate(self.people)}
        self.pas = raw.get("pas", [])
        self.pa_ix = {p["id"]: i for i, p in enumerate(self.pas)}
        for p in self.pas:
            ivs = sorted((minutes(iv["start"]), minutes(iv["end"])) for iv in p["available"])
            merged = []
            for s, e in ivs:
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            p["_avail"] = merged
            cap = 10**9
            if p.get("max_minutes_per_week") is not None:
                cap = min(cap, p["max_minutes_per_week"])
            if not p.get("opted_out_48h", False):
                cap = min(cap, self.rules["max_week_minutes"])
            p["_cap"] = cap
        self.needs = raw.get("needs", [])
        self.need_ix = {n["id"]: i for i, n in enumerate(self.needs)}
        for n in self.needs:
            n["_s"], n["_e"] = minutes(n["start"]), minutes(n["end"])
            n["_min"] = n["_e"] - n["_s"]
            n["_req"] = n.get("pas_required", 1)
            n["_people"] = [self.person_ix[r] for r in n["people"]]
            n["_day"] = max(d for d in range(self.days) if self.day_starts[d] <= n["_s"])
            n["_block"] = n["_day"] // 7 if n["_day"] // 7 < self.blocks else None
        self.pinned = [(self.need_ix[p["need"]], self.pa_ix[p["pa"]]) for p in raw.get("pinned", [])]
        self.current = {}
        for c in raw.get("current", []):
            self.current.setdefault(self.need_ix[c["need"]], set()).add(self.pa_ix[c["pa"]])
        self.max_len = max((n["_min"] for n in self.needs), default=0)

    def eligible(self, n, a):
        need, pa = self.needs[n], self.pas[a]
        if not any(s <= need["_s"] and need["_e"] <= e for s, e in pa["_avail"]):
            return False
        if any(k not in pa.get("skills", []) for k in need.get("skills", [])):
            return False
        return not any(self.pas[a]["id"] in self.people[r].get("excluded_pas", []) for r in need["_people"])

    def pair_cost(self, n, a):
        need, w = self.needs[n], self.weights
        c = ceil_div(w["cost_per_pound"] * need["_min"] * self.pas[a]["hourly_rate_pence"], 6000)
        for r in need["_people"]:
            pref = self.people[r].get("preferred_pas", [])
            if pref and self.pas[a]["id"] not in pref:
                c += ceil_div(w["non_preferred_per_hour"] * need["_min"], 60)
        return c

    def unassigned_cost(self, n, k):
        need = self.needs[n]
        return ceil_div(self.weights["unassigned_per_hour"] * k * need["_min"], 60)


def load(path):
    with open(path) as f:
        return Instance(json.load(f))

#!/usr/bin/env python3
"""Generate realistic roster instances for Cylch's rota solver.

People follow care routines (mornings, lunches, teas, bedtimes, double-handed
hoist calls, sleep-ins, community-access blocks, shared sessions); PAs work
full-time, part-time, evening or weekend patterns. Deterministic per seed.
Plain Python, standard library only.
"""
import argparse
import datetime as dt
import json
import random
import sys
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def exists(local: dt.datetime) -> bool:
    """False for local times inside the spring clock change."""
    aware = local.replace(tzinfo=LONDON)
    back = aware.astimezone(dt.timezone.utc).astimezone(LONDON).replace(tzinfo=None)
    return back == local


def stamp(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M")


def at(day: dt.date, hour: float) -> dt.datetime:
    base = dt.datetime(day.year, day.month, day.day)
    return base + dt.timedelta(minutes=round(hour * 60))


SKILLS = ["hoist", "medication", "driving", "welsh"]


def generate(people: int, pas: int, days: int, seed: int, start: str) -> dict:
    rng = random.Random(seed)
    start_date = dt.date.fromisoformat(start)
    dates = [start_date + dt.timedelta(days=d) for d in range(days)]

    # ---- PAs -------------------------------------------------------------
    pa_list = []
    patterns = ["early", "late", "part", "evening", "late", "weekend", "early", "part"]
    for i in range(pas):
        pattern = patterns[i % len(patterns)] if i < len(patterns) else rng.choice(patterns)
        skills = [s for s, p in zip(SKILLS, [0.65, 0.75, 0.6, 0.3]) if rng.random() < p]
        sleeps = rng.random() < 0.35
        contract = {"early": 2250, "late": 2250, "part": 1200, "evening": 1200, "weekend": 900}[pattern]
        available = []
        work_days = set(range(days))
        if pattern in ("early", "late", "part"):
            off = rng.sample(range(7), 3 if pattern == "part" else 2)
            work_days = {d for d in range(days) if d % 7 not in off}
        if pattern == "weekend":
            work_days = {d for d in range(days) if dates[d].weekday() >= 5}
            work_days |= {d for d in range(days) if dates[d].weekday() == 4}
        for d in sorted(work_days):
            if pattern == "evening":
                lo, hi = 15.5, 23.5
            elif pattern == "part":
                lo, hi = rng.choice([(6.5, 14.5), (11.0, 19.0), (6.5, 22.5)])
            elif pattern == "early":
                lo, hi = 6.5, 19.5
            elif pattern == "late":
                lo, hi = 11.0, 23.5
            else:
                lo, hi = 6.5, 23.5
            s, e = at(dates[d], lo), at(dates[d], hi)
            if sleeps and d % 3 == i % 3:
                e = at(dates[d], 33.0)  # overnight, until 09:00 next day
            available.append({"start": stamp(s), "end": stamp(e)})
        # A few PAs give their week as one or two longer intervals that overlap
        # the daily ones: the format merges them.
        pa = {
            "id": f"a{i + 1}",
            "hourly_rate_pence": rng.choice([1225, 1250, 1275, 1300, 1350, 1400, 1450, 1500]),
            "skills": skills,
            "contracted_minutes_per_week": contract,
            "max_minutes_per_week": rng.choice([2400, 2700, 2880]),
            "opted_out_48h": rng.random() < 0.1,
            "available": available,
        }
        if pattern == "weekend":
            pa["max_minutes_per_week"] = 1800
        pa_list.append(pa)

    # ---- People and their routines -------------------------------------
    person_list = []
    needs = []
    profiles = []
    for r in range(people):
        profile = rng.choice(["high", "medium", "medium", "medium", "low", "low", "low"])
        profiles.append(profile)
        pid = f"p{r + 1}"
        pool = [p["id"] for p in pa_list]
        if rng.random() < 0.25:
            pool = [p["id"] for p in pa_list if "welsh" in p["skills"]] or pool
        preferred = rng.sample(pool, k=min(len(pool), rng.randint(2, 4)))
        excluded = []
        if rng.random() < 0.3 and len(pa_list) > 5:
            cand = [p["id"] for p in pa_list if p["id"] not in preferred]
            excluded = [rng.choice(cand)]
        person_list.append({"id": pid, "preferred_pas": preferred, "excluded_pas": excluded})

    def add(people_ids, s, e, required=1, skills=()):
        if not (exists(s) and exists(e)):
            return
        needs.append({
            "id": f"n{len(needs) + 1}",
            "people": list(people_ids),
            "start": stamp(s),
            "end": stamp(e),
            "pas_required": required,
            "skills": list(skills),
        })

    def jitter():
        return rng.choice([-0.25, 0, 0, 0.25])

    community_days = {}
    for r in range(people):
        pid = f"p{r + 1}"
        profile = profiles[r]
        meds = rng.random() < 0.5
        # Welsh speakers rarely insist: most just prefer Welsh-speaking PAs.
        base = ["welsh"] if rng.random() < 0.05 else []
        community_days[r] = set(rng.sample(range(7), {"high": 1, "medium": 2, "low": 3}[profile]))
        sleep_nights = set(rng.sample(range(7), 2)) if profile == "high" else set()
        m0 = {"high": 7.0, "medium": 8.0, "low": 9.0}[profile] + jitter()
        for d, day in enumerate(dates):
            wd = d % 7
            if profile == "high":
                add([pid], at(day, m0), at(day, m0 + 2), 2, ["hoist"] + (["medication"] if meds else []))
                add([pid], at(day, 12.5), at(day, 13.5), 1, base)
                add([pid], at(day, 17.0 + jitter()), at(day, 18.0), 1, base)
                add([pid], at(day, 20.5), at(day, 22.0), 2, ["hoist"])
                if wd in sleep_nights:
                    add([pid], at(day, 22.0), at(day, 31.0), 1, [])
            elif profile == "medium":
                add([pid], at(day, m0), at(day, m0 + 1.5), 1, base + (["medication"] if meds else []))
                if wd in community_days[r]:
                    add([pid], at(day, 10.5), at(day, 15.5), 1, ["driving"])
                else:
                    add([pid], at(day, 12.5 + jitter()), at(day, 13.25), 1, base)
                add([pid], at(day, 17.5), at(day, 18.5), 1, base)
                add([pid], at(day, 21.0 + jitter()), at(day, 21.75), 1, base)
            else:
                add([pid], at(day, m0), at(day, m0 + 1), 1, base)
                if wd in community_days[r]:
                    add([pid], at(day, 13.0), at(day, 17.0), 1, [])
                add([pid], at(day, 18.0 + jitter()), at(day, 19.0), 1, base)
    # Shared sessions: pairs of people at a weekly group activity.
    for r in range(0, people - 1, 2):
        wd = rng.randrange(7)
        for d, day in enumerate(dates):
            if d % 7 == wd:
                add([f"p{r + 1}", f"p{r + 2}"], at(day, 14.0), at(day, 16.0), 1, [])
    demand = sum(
        (dt.datetime.fromisoformat(n["end"]) - dt.datetime.fromisoformat(n["start"])).total_seconds()
        / 3600 * n["pas_required"] for n in needs) / max(1, days) * 7
    supply = sum(p["contracted_minutes_per_week"] for p in pa_list) / 60
    print(f"{len(needs)} needs; {demand:.0f} PA-hours a week asked, {supply:.0f} contracted",
          file=sys.stderr)
    return {
        "horizon": {"start": start, "days": days},
        "timezone": "Europe/London",
        "day_boundary": "04:00",
        "people": person_list,
        "pas": pa_list,
        "needs": needs,
        "pinned": [],
        "current": [],
    }


def absence(instance: dict, solution: dict, pa_id: str, first_day: int, length: int) -> dict:
    """The instance for re-planning: `pa_id` is away `length` days from
    `first_day`; the published roster is `solution`."""
    start = dt.date.fromisoformat(instance["horizon"]["start"])
    away_from = dt.datetime.combine(start + dt.timedelta(days=first_day), dt.time(4, 0))
    away_to = away_from + dt.timedelta(days=length)
    out = json.loads(json.dumps(instance))
    for pa in out["pas"]:
        if pa["id"] != pa_id:
            continue
        kept = []
        for iv in pa["available"]:
            s = dt.datetime.fromisoformat(iv["start"])
            e = dt.datetime.fromisoformat(iv["end"])
            if e <= away_from or s >= away_to:
                kept.append(iv)
                continue
            if s < away_from:
                kept.append({"start": stamp(s), "end": stamp(away_from)})
            if e > away_to:
                kept.append({"start": stamp(away_to), "end": stamp(e)})
        pa["available"] = kept
    out["current"] = [{"need": a["need"], "pa": a["pa"]} for a in solution["assignments"]]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--people", type=int, default=4)
    ap.add_argument("--pas", type=int, default=10)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default="2026-04-06")
    args = ap.parse_args()
    json.dump(generate(args.people, args.pas, args.days, args.seed, args.start), sys.stdout, indent=1)


if __name__ == "__main__":
    main()

"""Fill quality against an exact optimiser: OR-Tools CP-SAT on community-sized weeks.

Each instance is one community of the large generated sub-district over one ISO week: its posts,
its people and the rotations, overrides and leaves among them. ``plain`` is the community as
generated (a few leaves nobody covered); ``stress`` also drops the rotations of a quarter of
its posts, so that dozens of shifts stand empty and the freed team members, staff and reserves
must be spread over them under the rest, overlap and weekly-hours rules; ``scarce`` drops the
freed team members too, so there are far more seats than hands and the choice of who goes
where decides the coverage.

Both solvers see the same seats: the open places of understaffed instances, plus a holder of a
missing role. CP-SAT maximises filled seats exactly (single worker, time-limited); the fill is
the product's own greedy. Coverage and rule breaks are measured by the product's gap check on
the roster with each solver's additions: filled = (understaffed shortfall + missing roles)
before - after; breaks = gaps of the person kinds (double_booked, short_rest, overtime,
unavailable) that were not there before. Times: ``prep`` expands the week and indexes who works
when (both start from it); ``fill`` is the whole fill (greedy, repair and explanations);
``cp-sat`` builds the model and solves it.

    python bench/fill_vs_cpsat.py                 # every community, plain and stressed, and
                                                  # the whole sub-district's week made scarce
    python bench/fill_vs_cpsat.py --communities c01,c02 --time-limit 30
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cpsat_by_slot import cpsat_by_slot, open_need
from generate import generate

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check
from roster_tui.engine.eligibility import WeekContext
from roster_tui.engine.fill import fill_seats
from roster_tui.services import assignments

START = dt.date(2026, 11, 30)
PERSON_KINDS = {
    GapKind.DOUBLE_BOOKED,
    GapKind.SHORT_REST,
    GapKind.OVERTIME,
    GapKind.UNAVAILABLE,
}
Added = dict[tuple[str, dt.date, str], list[str]]


def community_roster(roster: Roster, community: str) -> Roster:
    """One community on its own: its places, its people, and the rows among them."""
    compounds = [c for c in roster.compounds if c.community == community]
    kept = {c.id for c in compounds}
    posts = [p for p in roster.posts if p.compound in kept]
    post_ids = {p.id for p in posts}
    people = [p for p in roster.people if p.community == community]
    who = {p.id for p in people}
    rotations = [
        dataclasses.replace(r, members=tuple(m for m in r.members if m in who))
        for r in roster.rotations
        if r.post in post_ids
    ]
    overrides = [
        dataclasses.replace(
            o,
            add=tuple(p for p in o.add if p in who),
            remove=tuple(p for p in o.remove if p in who),
        )
        for o in roster.overrides
        if o.post in post_ids
    ]
    return dataclasses.replace(
        roster,
        communities=[c for c in roster.communities if c.id == community],
        streets=[s for s in roster.streets if s.community == community],
        compounds=compounds,
        party_groups=[g for g in roster.party_groups if g.community == community],
        people=people,
        posts=posts,
        rotations=[r for r in rotations if r.members],
        overrides=overrides,
        leaves=[lv for lv in roster.leaves if lv.person in who],
        duties=[],
        households=[],
    )


def stressed(roster: Roster, seed: int, share: float = 0.25, *, scarce: bool = False) -> Roster:
    """The same community with the rotations of ``share`` of its posts dropped; ``scarce``:
    their team members are gone too (inactive), so only staff and reserves can step in."""
    rng = random.Random(seed)
    posts = sorted(p.id for p in roster.posts)
    dropped = set(rng.sample(posts, max(1, round(len(posts) * share))))
    gone = (
        {m for r in roster.rotations if r.post in dropped for m in r.members} if scarce else set()
    )
    return dataclasses.replace(
        roster,
        rotations=[r for r in roster.rotations if r.post not in dropped],
        people=[dataclasses.replace(p, active=False) if p.id in gone else p for p in roster.people],
    )


def greedy(roster: Roster, monday: dt.date) -> tuple[Added, float]:
    """The product's fill; the time excludes expanding the week (see :func:`prepare`)."""
    context = WeekContext.build(roster, Week(monday))
    began = time.perf_counter()
    result = fill_seats(context)
    seconds = time.perf_counter() - began
    added: Added = {}
    for proposal in result.proposals:
        added.setdefault(proposal.key, []).append(proposal.person)
    return added, seconds


def prepare(roster: Roster, monday: dt.date) -> float:
    """Seconds to expand the week and index everyone's bookings, which both solvers start from."""
    began = time.perf_counter()
    WeekContext.build(roster, Week(monday))
    return time.perf_counter() - began


def cpsat(roster: Roster, monday: dt.date, time_limit: float) -> tuple[Added, float, str]:
    """The exact optimum of filled seats (or the best found within ``time_limit``); the time
    is building the model and solving it, from the same expanded week the fill starts from."""
    from ortools.sat.python import cp_model

    context = WeekContext.build(roster, Week(monday))
    began = time.perf_counter()
    rules, ledger = context.eligibility, context.ledger
    people = context.active_people()
    model = cp_model.CpModel()
    seats: dict[int, tuple[object, int, object]] = {}  # instance -> (instance, open, role)
    x: dict[tuple[str, int], cp_model.IntVar] = {}
    objective = []
    for index, instance in enumerate(context.instances):
        open_seats, role = open_need(instance, rules)
        if not open_seats and role is None:
            continue
        slot = rules.slot_of(instance)
        seats[index] = (instance, open_seats, role)
        chosen = []
        holders = []
        for person in people:
            if not open_seats and role not in person.roles:
                continue  # only a holder of the missing role may join a full instance
            if not rules.fits(person, slot):
                continue
            var = model.new_bool_var(f"x_{person.id}_{index}")
            x[(person.id, index)] = var
            chosen.append(var)
            if role is not None and role in person.roles:
                holders.append(var)
        if not chosen:
            continue
        model.add(sum(chosen) <= max(open_seats, 1))
        if open_seats:
            objective.extend(chosen)
        if role is not None and holders:
            has_role = model.new_bool_var(f"r_{index}")
            model.add(has_role <= sum(holders))
            objective.append(has_role)
    # Per person: no two seats that overlap or leave too little rest, and the weekly hours.
    by_person: dict[str, list[int]] = {}
    for pid, index in x:
        by_person.setdefault(pid, []).append(index)
    person_of = {p.id: p for p in people}
    for pid, indices in by_person.items():
        slots = [rules.slot_of(seats[i][0]) for i in indices]  # type: ignore[arg-type]
        # Seats of one slot overlap each other: at most one; two slots too close: one of them.
        in_slot: dict[tuple[float, float], list[cp_model.IntVar]] = {}
        for slot, index in zip(slots, indices, strict=True):
            in_slot.setdefault((slot.start_ts, slot.end_ts), []).append(x[(pid, index)])
        spans = sorted(in_slot)
        for a, one in enumerate(spans):
            model.add(sum(in_slot[one]) <= 1)
            for two in spans[a + 1 :]:
                if two[0] >= one[1] + ledger.min_rest:
                    break  # sorted by start: the rest start later still
                model.add(sum(in_slot[one]) + sum(in_slot[two]) <= 1)
        person = person_of[pid]
        limit = person.max_hours_per_week or roster.settings.max_hours_per_week
        spare = int(limit * 3600 - ledger.seconds(pid, context.week))
        hours = [int(slot.seconds) * x[(pid, i)] for slot, i in zip(slots, indices, strict=True)]
        model.add(sum(hours) <= spare)
    model.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_search_workers = 1
    status = solver.solve(model)
    seconds = time.perf_counter() - began
    added: Added = {}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for (pid, index), var in x.items():
            if solver.value(var):
                added.setdefault(seats[index][0].key, []).append(pid)  # type: ignore[attr-defined]
    return added, seconds, solver.status_name(status)


@dataclasses.dataclass
class Outcome:
    filled: int
    breaks: int
    hours: tuple[float, float, float]
    nights: tuple[float, float, float]


def shortfall(roster: Roster, monday: dt.date) -> tuple[int, Counter]:  # type: ignore[type-arg]
    gaps = check(roster, monday, monday + dt.timedelta(days=6))
    short = sum((g.need or 0) - (g.have or 0) for g in gaps if g.kind == GapKind.UNDERSTAFFED)
    roles = sum(1 for g in gaps if g.kind == GapKind.MISSING_ROLE)
    person = Counter(g for g in gaps if g.kind in PERSON_KINDS)
    return short + roles, person


def judge(roster: Roster, monday: dt.date, added: Added) -> Outcome:
    before, before_person = shortfall(roster, monday)
    # As the product writes them: one normalised override per instance (a removal of someone
    # added back is dropped, or it would win over the add).
    after_roster = dataclasses.replace(roster, overrides=list(roster.overrides))
    for key, people in added.items():
        wanted = [*assignments.assigned_people(after_roster, key), *people]
        for change in assignments.set_assigned(after_roster, key, wanted):
            after_roster.apply(change)
    after, after_person = shortfall(after_roster, monday)
    new_breaks = sum((after_person - before_person).values())
    context = WeekContext.build(after_roster, Week(monday))
    used = sorted({p for people in added.values() for p in people})
    hours = [context.ledger.seconds(p, context.week) / 3600 for p in used] or [0.0]
    nights = [float(context.ledger.nights(p, context.week)) for p in used] or [0.0]

    def spread(values: list[float]) -> tuple[float, float, float]:
        return (min(values), statistics.median(values), max(values))

    return Outcome(before - after, new_breaks, spread(hours), spread(nights))


def compare(
    roster: Roster, name: str, monday: dt.date, time_limit: float, *, by_slot: bool = False
) -> dict[str, object]:
    """``by_slot``: CP-SAT over people and slots (:mod:`cpsat_by_slot`), for a week too big to
    model seat by seat."""
    wanted, _ = shortfall(roster, monday)
    prep = prepare(roster, monday)
    g_added, g_seconds = greedy(roster, monday)
    exact = cpsat_by_slot if by_slot else cpsat
    c_added, c_seconds, status = exact(roster, monday, time_limit)
    g, c = judge(roster, monday, g_added), judge(roster, monday, c_added)
    return {
        "instance": name,
        "open": wanted,
        "greedy": g,
        "cpsat": c,
        "prep": prep,
        "g_seconds": g_seconds,
        "c_seconds": c_seconds,
        "status": status,
    }


def _fmt(values: tuple[float, float, float]) -> str:
    return "/".join(f"{v:g}" for v in values)


def print_table(rows: list[dict[str, object]]) -> None:
    head = (
        f"{'instance':<14}{'open':>5}{'fill':>6}{'cp-sat':>7}{'cov%':>7}{'brk':>5}"
        f"{'fill h min/med/max':>20}{'cp-sat h':>14}{'nights f|c':>16}"
        f"{'prep s':>7}{'fill s':>8}{'cp-sat s':>9}{'ratio':>7}  status"
    )
    print(head)
    for row in rows:
        g, c = row["greedy"], row["cpsat"]
        assert isinstance(g, Outcome) and isinstance(c, Outcome)
        cover = f"{100.0 * g.filled / c.filled:.1f}" if c.filled else "-"
        gs, cs = float(row["g_seconds"]), float(row["c_seconds"])  # type: ignore[arg-type]
        print(
            f"{row['instance']!s:<14}{row['open']!s:>5}{g.filled:>6}{c.filled:>7}{cover:>7}"
            f"{f'{g.breaks}/{c.breaks}':>5}{_fmt(g.hours):>20}{_fmt(c.hours):>14}"
            f"{_fmt(g.nights) + '|' + _fmt(c.nights):>16}"
            f"{float(row['prep']):>7.3f}{gs:>8.3f}{cs:>9.2f}{gs / cs:>7.3f}  {row['status']}"  # type: ignore[arg-type]
        )


def run(
    communities: list[str] | None, time_limit: float, seed: int, *, scarce_only: bool = False
) -> list[dict[str, object]]:
    large = generate("large", seed, START)
    ids = communities or [c.id for c in large.communities]
    rows = []
    for community in ids:
        plain = community_roster(large, community)
        if not scarce_only:
            rows.append(compare(plain, f"{community} plain", START, time_limit))
            rows.append(compare(stressed(plain, seed), f"{community} stress", START, time_limit))
        scarce = stressed(plain, seed, scarce=True)
        rows.append(compare(scarce, f"{community} scarce", START, time_limit))
    if communities is None:  # the whole sub-district's week made scarce
        scarce = stressed(large, seed, scarce=True)
        rows.append(compare(scarce, "large scarce", START, time_limit, by_slot=True))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--communities", help="comma-separated ids (default: all)")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scarce-only", action="store_true", help="only the scarce variants")
    args = parser.parse_args()
    communities = args.communities.split(",") if args.communities else None
    rows = run(communities, args.time_limit, args.seed, scarce_only=args.scarce_only)
    print_table(rows)


if __name__ == "__main__":
    main()

"""CP-SAT over people and slots: the exact optimum of filled seats on weeks too big to model
seat by seat (the large sub-district's week has thousands of open seats and instances).

Every rule of a seat (leave, availability, overlap, rest, weekly hours) depends on when the shift
is and on the person, never on which post it is at, so the open seats of one slot (date, start,
end) are alike: the model asks who serves in which slot, at most the slot's open seats. A
missing role is filled by a holder: on an instance with open seats the holder takes one of them,
on one that has its numbers they come on top; a person brings at most one role. The answer is
turned back into people on instances (role holders on the instances missing their role first)
and judged like any other by the product's gap check (``fill_vs_cpsat.judge``).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.eligibility import WeekContext

Added = dict[tuple[str, dt.date, str], list[str]]


def open_need(instance, rules) -> tuple[int, str | None]:  # type: ignore[no-untyped-def]
    """The seats an instance has open, and the role it still lacks (None: held or not asked)."""
    open_seats = max(instance.need - instance.have, 0)
    role = instance.shift.need_role
    if role is not None and any(role in rules.people[p].roles for p in instance.counted):
        role = None
    return open_seats, role


def cpsat_by_slot(roster: Roster, monday: dt.date, time_limit: float) -> tuple[Added, float, str]:
    from ortools.sat.python import cp_model

    context = WeekContext.build(roster, Week(monday))
    began = time.perf_counter()
    rules, ledger = context.eligibility, context.ledger
    people = context.active_people()
    open_of: dict[tuple[float, float], int] = defaultdict(int)
    slot_of = {}
    instances_of: dict[tuple[float, float], list[tuple[object, int, object]]] = defaultdict(list)
    for instance in context.instances:
        open_seats, role = open_need(instance, rules)
        if not open_seats and role is None:
            continue
        slot = rules.slot_of(instance)
        span = (slot.start_ts, slot.end_ts)
        slot_of[span] = slot
        open_of[span] += open_seats
        instances_of[span].append((instance, open_seats, role))
    model = cp_model.CpModel()
    x: dict[tuple[str, tuple[float, float]], cp_model.IntVar] = {}
    brings: dict[tuple[str, tuple[float, float]], list[tuple[object, cp_model.IntVar]]] = {}
    counts: dict[tuple[tuple[float, float], object], tuple[cp_model.IntVar, cp_model.IntVar]] = {}
    objective = []
    for span, slot in slot_of.items():
        roles = {role for _, _, role in instances_of[span] if role is not None}
        serving, on_top = [], []
        bring: dict[object, list[cp_model.IntVar]] = defaultdict(list)
        for person in people:
            if not open_of[span] and not roles.intersection(person.roles):
                continue
            if not rules.fits(person, slot):
                continue
            var = x[(person.id, span)] = model.new_bool_var(f"x_{person.id}_{span}")
            serving.append(var)
            uses = []
            for role in roles.intersection(person.roles):
                use = model.new_bool_var(f"y_{person.id}_{span}_{role}")
                bring[role].append(use)
                uses.append(use)
                brings.setdefault((person.id, span), []).append((role, use))
            if uses:
                model.add(sum(uses) <= var)
        objective.extend(serving)
        for role, uses in bring.items():
            with_seat = sum(1 for _, o, r in instances_of[span] if r == role and o > 0)
            top = sum(1 for _, o, r in instances_of[span] if r == role and o == 0)
            a = model.new_int_var(0, with_seat, f"a_{span}_{role}")
            b = model.new_int_var(0, top, f"b_{span}_{role}")
            model.add(a + b <= sum(uses))
            counts[(span, role)] = (a, b)
            objective.append(a)
            on_top.append(b)
        model.add(sum(serving) - sum(on_top) <= open_of[span])
    by_person: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for pid, span in x:
        by_person[pid].append(span)
    person_of = {p.id: p for p in people}
    for pid, spans in by_person.items():
        spans.sort()
        for at, one in enumerate(spans):
            for two in spans[at + 1 :]:
                if two[0] >= one[1] + ledger.min_rest:
                    break
                model.add(x[(pid, one)] + x[(pid, two)] <= 1)
        person = person_of[pid]
        limit = person.max_hours_per_week or roster.settings.max_hours_per_week
        spare = int(limit * 3600 - ledger.seconds(pid, context.week))
        model.add(sum(int(s[1] - s[0]) * x[(pid, s)] for s in spans) <= spare)
    model.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_search_workers = 1
    solver.parameters.linearization_level = 2  # the LP bound proves the optimum much sooner
    status = solver.solve(model)
    seconds = time.perf_counter() - began
    added: Added = {}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for span, instances in instances_of.items():
            chosen = [p.id for p in people if (p.id, span) in x and solver.value(x[(p.id, span)])]
            bringing = {
                pid: role
                for pid in chosen
                for role, use in brings.get((pid, span), [])
                if solver.value(use)
            }
            wanted = {
                (role, on_top): solver.value(count)
                for (at, role), pair in counts.items()
                if at == span
                for on_top, count in ((False, pair[0]), (True, pair[1]))
            }
            _seat(instances, chosen, bringing, wanted, added)
    name = solver.status_name(status)
    if status == cp_model.FEASIBLE:
        name += f" (bound {solver.best_objective_bound:g})"
    return added, seconds, name


def _seat(instances, chosen, bringing, wanted, added: Added) -> None:  # type: ignore[no-untyped-def]
    """The people of one slot onto its instances as the solver says: those bringing a role on
    the instances missing it (with a seat, then on top, as many as it counted), then everyone
    else on the open seats."""
    free = {id(i): o for i, o, _ in instances}
    left = []
    for pid in chosen:
        role = bringing.get(pid)
        spot = None
        for on_top in (False, True):
            if role is not None and spot is None and wanted.get((role, on_top), 0) > 0:
                spot = next(
                    i
                    for i, o, r in instances
                    if r == role and (o == 0) == on_top and not added.get(i.key)
                )
                wanted[(role, on_top)] -= 1
        if spot is None:
            left.append(pid)
        else:
            added.setdefault(spot.key, []).append(pid)
            free[id(spot)] -= 1 if free[id(spot)] > 0 else 0
    for instance, _, _ in instances:
        while free[id(instance)] > 0 and left:
            added.setdefault(instance.key, []).append(left.pop(0))
            free[id(instance)] -= 1
    assert not left, "more people than open seats in a slot"

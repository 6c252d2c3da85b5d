"""The week's open seats solved exactly, when the week is small enough: a 0-1 programme.

One variable per (person, demand) the person could take on its own (no static blocker, no clash
with a booking the fill did not make, the slot within their weekly hours); at most ``open``
people per demand, a missing role counted once when a holder is among them. Two seats clash
when the shifts overlap or leave less than the rest between them, which is when the shifts
stretched by the rest overlap: an interval graph, so "at most one of the seats covering each
start" says it exactly. Weekly hours are one knapsack row per person. HiGHS (through SciPy,
imported only here) solves it; the answer is placed through :class:`FillState`'s own moves and
rules, and kept only when every placement passes them and it closes more than the greedy did.
"""

from __future__ import annotations

from collections import defaultdict

from roster_tui.domain.model import Role
from roster_tui.engine.fill.state import FillState

MAX_PAIRS = 250_000  # demands x people: beyond this building the model alone takes seconds
TIME_LIMIT = 2.0  # seconds for HiGHS; a feasible answer found by then is still used


def improve_exactly(state: FillState) -> bool:
    """Replace the state's placements by an optimal set when that closes more; True if so."""
    if state.filled() == state.wanted or len(state.demands) * len(state.people) > MAX_PAIRS:
        return False
    try:
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import coo_array
    except ImportError:  # the solver is optional: without it the greedy's answer stands
        return False
    before = [(i, pid, role) for pid, seats in state.placed.items() for i, role in seats]
    gained_before = state.filled()
    for index, pid, role in before:
        state.unplace(index, pid, role)
    variables = _variables(state)
    if not variables:
        _restore(state, before)
        return False
    rows: list[tuple[list[int], list[float], float]] = []  # (columns, coefficients, upper)
    by_demand: dict[int, list[int]] = defaultdict(list)
    by_person: dict[str, list[int]] = defaultdict(list)
    for column, (index, pid) in enumerate(variables):
        by_demand[index].append(column)
        by_person[pid].append(column)
    n = len(variables)
    roles: list[int] = []  # demands whose missing role gets a variable, after the people's
    for index, columns in by_demand.items():
        demand = state.demands[index]
        rows.append((columns, [1.0] * len(columns), float(max(demand.open, 1))))
        if demand.role is not None:
            holders = [c for c in columns if demand.role in state.people[variables[c][1]].roles]
            if holders:
                roles.append(index)
                # role <= holders among them
                rows.append(([n + len(roles) - 1, *holders], [1.0] + [-1.0] * len(holders), 0.0))
    rest, week, ledger = state.context.ledger.min_rest, state.context.week, state.context.ledger
    for pid, columns in by_person.items():
        spans = sorted(
            (state.demands[variables[c][0]].slot.start_ts, state.demands[variables[c][0]].slot, c)
            for c in columns
        )
        for start, _, _ in spans:
            covering = [c for s, slot, c in spans if s <= start < slot.end_ts + rest]
            if len(covering) > 1:
                rows.append((covering, [1.0] * len(covering), 1.0))
        who = state.people[pid]
        limit = who.max_hours_per_week if who.max_hours_per_week is not None else ledger.default_max
        budget = limit * 3600 - ledger.seconds(pid, week)
        seconds = [state.demands[variables[c][0]].slot.seconds for c in columns]
        if sum(seconds) > budget:
            rows.append((columns, seconds, budget))
    total = n + len(roles)
    value = np.zeros(total)
    for column, (index, _) in enumerate(variables):
        value[column] = 1.0 if state.demands[index].open > 0 else 0.0
    value[n:] = 1.0
    cols, data, row_ids, upper = [], [], [], []
    for row, (columns, coefficients, bound) in enumerate(rows):
        cols.extend(columns)
        data.extend(coefficients)
        row_ids.extend([row] * len(columns))
        upper.append(bound)
    matrix = coo_array((data, (row_ids, cols)), shape=(len(rows), total)).tocsr()
    # A demand only missing its role (no open seat) takes one holder: its seat row caps at 1.
    result = milp(
        -value,
        constraints=LinearConstraint(matrix, -np.inf, np.array(upper)),
        integrality=np.ones(total),
        bounds=Bounds(0, 1),
        options={"time_limit": TIME_LIMIT, "disp": False},
    )
    if result.x is None:
        _restore(state, before)
        return False
    chosen = [variables[c] for c in range(n) if result.x[c] > 0.5]
    if not _place_all(state, chosen) or state.filled() <= gained_before:
        for index, pid, role in [(i, p, r) for p, seats in state.placed.items() for i, r in seats]:
            state.unplace(index, pid, role)
        _restore(state, before)
        return False
    return True


def _variables(state: FillState) -> list[tuple[int, str]]:
    """(demand, person) pairs the person could take on their own, as the ledger stands."""
    rules = state.rules
    found: list[tuple[int, str]] = []
    for index, demand in enumerate(state.demands):
        on_it = set(demand.instance.counted)
        for pid, who in state.people.items():
            if pid in on_it:
                continue
            if demand.open == 0 and demand.role not in who.roles:
                continue  # only a holder can bring the missing role
            if rules.fits(who, demand.slot):
                found.append((index, pid))
    return found


def _place_all(state: FillState, chosen: list[tuple[int, str]]) -> bool:
    """Place the solver's answer, a role holder first on each demand; False if a rule objects."""
    by_demand: dict[int, list[str]] = defaultdict(list)
    for index, pid in chosen:
        by_demand[index].append(pid)
    for index, people in sorted(by_demand.items()):
        demand = state.demands[index]
        wanted: Role | None = demand.role
        people.sort(key=lambda pid: wanted is None or wanted not in state.people[pid].roles)
        for pid in people:
            if not state.rules.fits(state.people[pid], demand.slot):
                return False
            role = wanted if wanted is not None and wanted in state.people[pid].roles else None
            if demand.open == 0 and role is None:
                continue  # the role is already brought: a seat-less extra adds nothing
            state.place(index, pid, role)
            if role is not None:
                wanted = None
    for pid in {pid for _, pid in chosen}:
        state.recheck(pid)
    return True


def _restore(state: FillState, placements: list[tuple[int, str, Role | None]]) -> None:
    for index, pid, role in placements:
        state.place(index, pid, role)
    for pid in {pid for _, pid, _ in placements}:
        state.recheck(pid)

"""The week's open seats solved exactly: a 0-1 programme over people and slots.

Every seat rule depends on the slot only (date, start, end: :class:`Slot`), so the open seats of
one slot are alike to whoever fits it, and the model asks only who serves in which slot: one
variable per (person, slot) the person could take on their own (no static blocker, no clash with
a booking the fill did not make, the slot within their weekly hours), at most the slot's open
seats taken. A missing role is filled when a holder brings it: on an instance with open seats
the holder also takes one, on an instance that has its numbers they come on top; a person
brings at most one role. Two slots clash when the shifts overlap or leave less than the rest
between them, which is when the shifts stretched by the rest overlap: an interval graph, so "at
most one of the slots covering each start" says it exactly. Weekly hours are one knapsack row
per person. HiGHS (through SciPy, imported only here) solves it; the answer is placed through
:class:`FillState`'s own moves and rules, holders first on the instances missing their role,
and kept only when every placement passes them and it closes more than the greedy did.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from roster_tui.domain.model import Role
from roster_tui.engine.eligibility import SlotKey
from roster_tui.engine.fill.state import FillState

MAX_PAIRS = 250_000  # people x slots: beyond this building the model alone takes seconds
TIME_LIMIT = 2.0  # seconds for HiGHS; a feasible answer found by then is still used

Row = tuple[list[int], list[float], float]  # (columns, coefficients, upper bound)


@dataclass(slots=True)
class _SlotSeats:
    """One slot's open seats and missing roles: ``open`` seats in all, and per role the
    instances missing it with an open seat (``with_seat``) and without (``on_top``)."""

    open: int = 0
    with_seat: dict[Role, list[int]] = field(default_factory=lambda: defaultdict(list))
    on_top: dict[Role, list[int]] = field(default_factory=lambda: defaultdict(list))


@dataclass(slots=True)
class _Model:
    """The programme's columns: who in which slot, who brings which role there, and per
    (slot, role) how many instances get it with a seat and on top."""

    serve: list[tuple[SlotKey, str]] = field(default_factory=list)
    bring: list[tuple[SlotKey, str, Role]] = field(default_factory=list)
    counts: list[tuple[SlotKey, Role, bool]] = field(default_factory=list)  # (.., on top)
    rows: list[Row] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.serve) + len(self.bring) + len(self.counts)


@dataclass(frozen=True, slots=True)
class Outcome:
    improved: bool  # the placements were replaced by the solver's, which close more
    optimal: bool  # the placements now close as many as can be (proven by the solver)


NOT_RUN = Outcome(improved=False, optimal=False)


def improve_exactly(state: FillState) -> bool:
    """Replace the state's placements by an optimal set when that closes more; True if so."""
    return solve_exactly(state).improved


def solve_exactly(state: FillState) -> Outcome:
    """Replace the state's placements by an optimal set when that closes more, and say whether
    they now close as many as can be."""
    if state.filled() == state.wanted:
        return Outcome(improved=False, optimal=True)
    try:
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, milp
        from scipy.sparse import coo_array
    except ImportError:  # the solver is optional: without it the greedy's answer stands
        return NOT_RUN
    if len(state.slots) * len(state.people) > MAX_PAIRS:
        return NOT_RUN
    before = [(i, pid, role) for pid, placed in state.placed.items() for i, role in placed]
    gained_before = state.filled()
    for index, pid, role in before:
        state.unplace(index, pid, role)
    seats = _slot_seats(state)  # with the fill's seats open again
    model = _model(state, seats)
    if not model.serve:  # nobody fits any open seat: nothing was placed either
        _restore(state, before)
        return Outcome(improved=False, optimal=True)
    total = model.size
    value = np.zeros(total)
    value[: len(model.serve)] = 1.0  # each person serving fills a seat or brings a role ...
    first_count = len(model.serve) + len(model.bring)
    upper = np.ones(total)
    for at, (skey, role, on_top) in enumerate(model.counts, start=first_count):
        instances = seats[skey].on_top[role] if on_top else seats[skey].with_seat[role]
        upper[at] = len(instances)
        if not on_top:
            value[at] = 1.0  # ... and one bringing a role to an open seat fills both
    cols, data, row_ids, bounds = [], [], [], []
    for row, (columns, coefficients, bound) in enumerate(model.rows):
        cols.extend(columns)
        data.extend(coefficients)
        row_ids.extend([row] * len(columns))
        bounds.append(bound)
    matrix = coo_array((data, (row_ids, cols)), shape=(len(model.rows), total)).tocsr()
    # Among the optimal answers, the one that keeps most of the fill's own choices (made in
    # its order of fairness): each kept (person, slot) is worth a little, all of them less
    # than half a seat. The gap HiGHS may leave is below half a seat too, so "optimal" is
    # optimal in seats.
    kept = {(state.demands[i].skey, pid) for i, pid, _ in before}
    bonus = np.zeros(total)
    for column, pair in enumerate(model.serve):
        if pair in kept:
            bonus[column] = 0.5 / (len(kept) + 1)
    result = milp(
        -(value + bonus),
        constraints=LinearConstraint(matrix, -np.inf, np.array(bounds)),
        integrality=np.ones(total),
        bounds=Bounds(0, upper),
        options={
            "time_limit": TIME_LIMIT,
            "disp": False,
            "mip_rel_gap": 0.25 / (state.wanted + 1),
        },
    )
    if result.x is None:
        _restore(state, before)
        return NOT_RUN
    proven = result.status == 0
    if proven and round(float(value @ result.x)) <= gained_before:
        _restore(state, before)  # the placements close as many as the optimum
        return Outcome(improved=False, optimal=True)
    chosen = [model.serve[c] for c in range(len(model.serve)) if result.x[c] > 0.5]
    brings = {
        (skey, pid): role
        for c, (skey, pid, role) in enumerate(model.bring, start=len(model.serve))
        if result.x[c] > 0.5
    }
    counts = {
        (skey, role, on_top): round(result.x[c])
        for c, (skey, role, on_top) in enumerate(model.counts, start=first_count)
    }
    previous = {(state.demands[i].skey, pid): i for i, pid, _ in before}
    placed_all = _place_all(state, seats, chosen, brings, counts, previous)
    if not placed_all or state.filled() <= gained_before:
        for index, pid, role in [
            (i, p, r) for p, placed in state.placed.items() for i, r in placed
        ]:
            state.unplace(index, pid, role)
        _restore(state, before)
        return NOT_RUN
    return Outcome(improved=True, optimal=proven)


def _slot_seats(state: FillState) -> dict[SlotKey, _SlotSeats]:
    seats: dict[SlotKey, _SlotSeats] = defaultdict(_SlotSeats)
    for index, demand in enumerate(state.demands):
        here = seats[demand.skey]
        here.open += demand.open
        if demand.role is not None:
            (here.with_seat if demand.open > 0 else here.on_top)[demand.role].append(index)
    return dict(seats)


def _model(state: FillState, seats: dict[SlotKey, _SlotSeats]) -> _Model:
    """Columns and rows of the programme, as the ledger stands without the fill's seats."""
    model = _Model()
    rules = state.rules
    by_slot: dict[SlotKey, list[int]] = defaultdict(list)
    by_person: dict[str, list[int]] = defaultdict(list)
    for skey, here in seats.items():
        slot = state.slots[skey]
        wanted_roles = {*here.with_seat, *here.on_top}
        for pid, who in state.people.items():
            if not here.open and not wanted_roles.intersection(who.roles):
                continue  # only a holder can bring a role to an instance that has its numbers
            if rules.fits(who, slot):
                by_slot[skey].append(len(model.serve))
                by_person[pid].append(len(model.serve))
                model.serve.append((skey, pid))
    start = len(model.serve)
    brought: dict[tuple[SlotKey, Role], list[int]] = defaultdict(list)
    for column, (skey, pid) in enumerate(model.serve):
        here = seats[skey]
        held = [r for r in state.people[pid].roles if r in here.with_seat or r in here.on_top]
        uses = []
        for role in held:
            uses.append(start + len(model.bring))
            brought[(skey, role)].append(start + len(model.bring))
            model.bring.append((skey, pid, role))
        if uses:  # one role at most, and only when serving
            model.rows.append(([*uses, column], [1.0] * len(uses) + [-1.0], 0.0))
    start += len(model.bring)
    on_top_of: dict[SlotKey, list[int]] = defaultdict(list)
    for (skey, role), uses in brought.items():
        here = seats[skey]
        counts = []
        for on_top, instances in ((False, here.with_seat), (True, here.on_top)):
            if instances.get(role):
                counts.append(start + len(model.counts))
                if on_top:
                    on_top_of[skey].append(start + len(model.counts))
                model.counts.append((skey, role, on_top))
        # instances given the role <= people bringing it
        model.rows.append(([*counts, *uses], [1.0] * len(counts) + [-1.0] * len(uses), 0.0))
    for skey, columns in by_slot.items():
        # people serving - those on top of full instances <= open seats
        extra = on_top_of.get(skey, [])
        coefficients = [1.0] * len(columns) + [-1.0] * len(extra)
        model.rows.append(([*columns, *extra], coefficients, float(seats[skey].open)))
    _person_rows(state, model, by_person)
    return model


def _person_rows(state: FillState, model: _Model, by_person: dict[str, list[int]]) -> None:
    """No two clashing slots, and the weekly hours, for each person."""
    ledger, week = state.context.ledger, state.context.week
    rest = ledger.min_rest
    for pid, columns in by_person.items():
        slots = [(state.slots[model.serve[c][0]], c) for c in columns]
        spans = sorted((slot.start_ts, slot.end_ts, c) for slot, c in slots)
        for start, _, _ in spans:
            covering = [c for s, end, c in spans if s <= start < end + rest]
            if len(covering) > 1:
                model.rows.append((covering, [1.0] * len(covering), 1.0))
        who = state.people[pid]
        limit = who.max_hours_per_week if who.max_hours_per_week is not None else ledger.default_max
        budget = limit * 3600 - ledger.seconds(pid, week)
        seconds = [slot.seconds for slot, _ in slots]
        if sum(seconds) > budget:
            model.rows.append(([c for _, c in slots], seconds, budget))


def _place_all(
    state: FillState,
    seats: dict[SlotKey, _SlotSeats],
    chosen: list[tuple[SlotKey, str]],
    brings: dict[tuple[SlotKey, str], Role],
    counts: dict[tuple[SlotKey, Role, bool], int],
    previous: dict[tuple[SlotKey, str], int],
) -> bool:
    """Place the solver's answer, slot by slot: those bringing a role on the instances missing
    it (with a seat first, then on top), then everyone else on an open seat: the one the fill
    had given them if it is free, else the nearest (a holder of an instance's missing role
    brings it there too). False if a rule objects or
    a seat is missing."""
    by_slot: dict[SlotKey, list[str]] = defaultdict(list)
    for skey, pid in chosen:
        by_slot[skey].append(pid)
    for skey, people in by_slot.items():
        here = seats[skey]
        rest = []
        given: dict[tuple[Role, bool], int] = defaultdict(int)
        for pid in people:
            role = brings.get((skey, pid))
            spot = None
            if role is not None:
                for on_top, instances in ((False, here.with_seat), (True, here.on_top)):
                    if given[(role, on_top)] < counts.get((skey, role, on_top), 0):
                        spot = (instances[role][given[(role, on_top)]], on_top)
                        given[(role, on_top)] += 1
                        break
            if spot is None:
                rest.append(pid)
            elif not _place(state, spot[0], pid, role):
                return False
        here_demands = [i for i, d in enumerate(state.demands) if d.skey == skey]
        rest.sort(key=lambda pid: (skey, pid) not in previous)  # back where they were first
        for pid in rest:
            free = [i for i in here_demands if state.demands[i].open > 0]
            if not free:
                return False
            index = previous.get((skey, pid))
            if index not in free:  # else the nearest: same community, same Party group
                index = min(free, key=lambda i: (state.rank(pid, i, None)[:3], i))
            missing = state.demands[index].role
            if not _place(state, index, pid, missing if _holds(state, pid, missing) else None):
                return False
    for pid in {pid for _, pid in chosen}:
        state.recheck(pid)
    return True


def _place(state: FillState, index: int, pid: str, role: Role | None) -> bool:
    if not state.rules.fits(state.people[pid], state.demands[index].slot):
        return False
    state.place(index, pid, role)
    return True


def _holds(state: FillState, pid: str, role: Role | None) -> bool:
    return role is not None and role in state.people[pid].roles


def _restore(state: FillState, placements: list[tuple[int, str, Role | None]]) -> None:
    for index, pid, role in placements:
        state.place(index, pid, role)
    for pid in {pid for _, pid, _ in placements}:
        state.recheck(pid)

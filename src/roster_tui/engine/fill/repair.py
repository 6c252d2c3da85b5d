"""Repacking one person's seats exactly, the repair step the greedy cannot do by itself.

Taken seat by seat, a person's shifts can end up spaced so that the rest after each one wastes
time (00:00-08:00 on two days running leaves sixteen idle hours between them), or a long shift
can use up the weekly hours three short ones would have. With everyone else held still, the best
set of seats for one person is a weighted interval schedule: seats sorted by end, two of them
compatible when the rest fits between them, under a budget of weekly hours. It is solved exactly
by a small dynamic programme over (value, hours) pairs, and applied only when it closes more
than the person's current seats do.
"""

from __future__ import annotations

import bisect

from roster_tui.domain.model import Person, Role
from roster_tui.domain.week import Week
from roster_tui.engine.eligibility import Slot
from roster_tui.engine.fill.state import FillState

# One possible seat for the person: (value, slot, demand index, role it brings or None).
Option = tuple[int, Slot, int, Role | None]
# The best ways to pick among the first options: value -> (seconds, chosen option indices).
States = dict[int, tuple[float, tuple[int, ...]]]


def repack(state: FillState, pid: str) -> bool:
    """Give ``pid`` the most valuable seats they can hold at once; True when it gained."""
    who = state.people[pid]
    own = {index: role for index, role in state.placed.get(pid, [])}
    current = sum(state.took_seat[(i, pid)] + (r is not None) for i, r in own.items())
    options = _options(state, who, own)
    if len(options) <= len(own):
        return False  # nothing else to pick from: the seats they hold are the best there are
    ledger = state.context.ledger
    week = state.context.week
    own_seconds = sum(
        state.demands[i].slot.seconds for i in own if state.demands[i].slot.week == week
    )
    limit = who.max_hours_per_week
    budget = (limit if limit is not None else ledger.default_max) * 3600
    budget -= ledger.seconds(pid, week) - own_seconds
    value, chosen = _best_schedule(options, ledger.min_rest, budget, week)
    if value <= current:
        return False
    for index, role in own.items():
        state.unplace(index, pid, role)
    for at in chosen:
        _, _, index, role = options[at]
        state.place(index, pid, role)
    state.recheck(pid)
    return True


def _options(state: FillState, who: Person, own: dict[int, Role | None]) -> list[Option]:
    """Per slot, the most valuable seat the person could hold, counting the seats they hold."""
    rules, ledger = state.rules, state.context.ledger
    own_keys = {state.demands[i].instance.key for i in own}
    best: dict[tuple[float, float], Option] = {}
    for index, demand in enumerate(state.demands):
        if index in own:
            role = own[index]
            value = state.took_seat[(index, who.id)] + (role is not None)
        else:
            brings = demand.role if demand.role in who.roles else None
            value = (demand.open > 0) + (brings is not None)
            if not value or who.id in demand.added or who.id in demand.instance.assigned:
                continue
            role = brings
        slot = demand.slot
        span = (slot.start_ts, slot.end_ts)
        if span in best and best[span][0] >= value:
            continue
        if index not in own:
            if rules.static_blocker(who.id, slot) is not None:
                continue
            if any(key not in own_keys for key in ledger.clashing(who.id, slot)):
                continue  # a booking the fill did not make stands in the way
        best[span] = (value, slot, index, role)
    return sorted(best.values(), key=lambda option: (option[1].end_ts, option[1].start_ts))


def _best_schedule(
    options: list[Option], rest: float, budget: float, week: Week
) -> tuple[int, tuple[int, ...]]:
    """The most valuable set of pairwise compatible options within ``budget`` seconds."""
    ends = [option[1].end_ts for option in options]
    prefix: list[States] = [{0: (0.0, ())}]  # prefix[j]: choices among the first j options
    for j, (value, slot, _, _) in enumerate(options):
        states = dict(prefix[j])
        cost = slot.seconds if slot.week == week else 0.0
        before = prefix[bisect.bisect_right(ends, slot.start_ts - rest, 0, j)]
        for got, (seconds, picked) in before.items():
            total = seconds + cost
            if total > budget:
                continue
            have = states.get(got + value)
            if have is None or total < have[0]:
                states[got + value] = (total, (*picked, j))
        prefix.append(states)
    best = max(prefix[-1].items(), key=lambda item: (item[0], -item[1][0]))
    return best[0], best[1][1]

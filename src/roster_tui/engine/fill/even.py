"""Evening out the exact model's answer: its seats go to the people the fill's order prefers.

The exact model (:mod:`~roster_tui.engine.fill.exact`) counts seats only, so among the many
answers that close as many it may give a seat to someone with more nights or holiday shifts in
the four weeks before than a free person who fits as well. Each placed seat is handed to the
best-ranked free person (:meth:`FillState.rank`) when they rank before its holder with the seat
taken off, and the hand-over is kept only when it leaves every open seat as hard to fill as
before (the holder, freed, must not fit one: then a second fill would find something to do).
A hand-over changes no seat count, and everyone placed fits their slot as the rules say.
"""

from __future__ import annotations

from roster_tui.domain.model import Role
from roster_tui.engine.fill.fairness import fair_rank
from roster_tui.engine.fill.state import FillState

ROUNDS = 3  # passes over the placed seats, while they still move someone


def even_out(state: FillState) -> int:
    """Hand seats to fairer takers as described above; how many were handed over."""
    moved = 0
    for _ in range(ROUNDS):
        before = moved
        for holder, seats in list(state.placed.items()):
            for index, role in list(seats):
                if (index, role) in state.placed[holder] and _hand_over(state, index, role, holder):
                    moved += 1
        if moved == before:
            break
    return moved


def _hand_over(state: FillState, index: int, role: Role | None, holder: str) -> bool:
    """``role``: the role the holder brings to the seat; a taker must hold it too."""
    taker = state.best(index, role, exclude=frozenset({holder}))
    if taker is None:
        return False
    shift = state.shift_load(index)
    unloaded = state.load[holder].copy()
    unloaded.add(shift, -1)
    compound = state.demands[index].instance.post.compound
    held = fair_rank(state.rules, state.people[holder], compound, unloaded, shift, role)
    if state.rank(taker, index, role) >= held:
        return False
    state.hand_over(index, role, holder, taker)
    state.recheck(holder)
    state.recheck(taker)
    if _open_seat_gains(state):
        state.hand_over(index, role, taker, holder)
        state.recheck(holder)
        state.recheck(taker)
        return False
    return True


def _open_seat_gains(state: FillState) -> bool:
    """Whether someone now fits a seat or a role still open."""
    for demand in state.demands:
        if demand.open > 0 and state.pool(demand.skey, None):
            return True
        if demand.role is not None and state.pool(demand.skey, demand.role):
            return True
    return False

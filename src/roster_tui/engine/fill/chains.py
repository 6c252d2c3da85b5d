"""Repair chains: seats the greedy left open, closed by moving people it placed.

P1 leaves a seat for the open one, P2 leaves another for P1's, and so on until someone free takes
the last. A person is moved only when leaving one placed seat is all that stands between them and
the new one (the one seat that clashes with it, or any seat when only the weekly hours are in
the way), so each step is cheap; every move keeps every rule.
"""

from __future__ import annotations

import itertools

from roster_tui.domain.model import Role
from roster_tui.engine.eligibility import Slot
from roster_tui.engine.fill.state import FillState, GroupKey

Chain = list[tuple[str, int, Role | None]]  # (person, seat they leave or -1 when free, its role)


def close_by_chains(state: FillState, depth: int) -> None:
    """Chains of at most ``depth`` moves, each filling one more seat, until none is found."""
    failed: set[GroupKey] = set()  # seats no chain reaches, until the next change
    progress = True
    while progress:
        progress = False
        for index, demand in enumerate(state.demands):
            skey = demand.skey
            for role in (demand.role, None):
                while (demand.role is not None and role == demand.role) or (
                    role is None and demand.open > 0
                ):
                    if (skey, role) in failed:
                        break
                    chain = _chain(state, index, role, depth, frozenset(), set())
                    if chain is None:
                        failed.add((skey, role))
                        break
                    _apply_chain(state, index, role, chain)
                    failed.clear()
                    progress = True


def _chain(
    state: FillState,
    index: int,
    role: Role | None,
    depth: int,
    moving: frozenset[str],
    seen: set[int],
) -> Chain | None:
    """Moves that put someone on the demand's seat: ``(person, seat they leave, its role)``,
    the last one free (seat -1). The ledger is left as it was found."""
    demand = state.demands[index]
    free = state.best(index, role, exclude=moving)
    if free is not None:
        return [(free, -1, None)]
    if depth == 0:
        return None
    seen.add(index)
    ledger, slot = state.context.ledger, demand.slot
    on_it = {*demand.instance.assigned, *demand.added}
    for pid, seats in state.placed.items():
        who = state.people[pid]
        if pid in moving or pid in on_it or (role is not None and role not in who.roles):
            continue
        if state.rules.static_blocker(pid, slot) is not None:
            continue
        for other, other_role in _freeing(state, pid, slot, seats):
            if other in seen:
                continue
            seat = state.demands[other]
            ledger.unbook(pid, seat.slot, seat.instance.key)
            rest = None
            if state.rules.fits(who, slot):
                ledger.book(pid, slot, demand.instance.key)
                rest = _chain(state, other, other_role, depth - 1, moving | {pid}, seen)
                ledger.unbook(pid, slot, demand.instance.key)
            ledger.book(pid, seat.slot, seat.instance.key)
            if rest is not None:
                return [(pid, other, other_role), *rest]
    return None


def _freeing(
    state: FillState, pid: str, slot: Slot, seats: list[tuple[int, Role | None]]
) -> list[tuple[int, Role | None]]:
    """The person's placed seats whose leaving could free them for ``slot``: the one seat
    that clashes with it, or any seat when only the weekly hours stand in the way."""
    clashes = state.context.ledger.clashing(pid, slot)
    if len(clashes) > 1:
        return []
    if clashes:
        return [(i, r) for i, r in seats if state.demands[i].instance.key == clashes[0]]
    return list(seats)


def _apply_chain(state: FillState, index: int, role: Role | None, chain: Chain) -> None:
    for (left, seat, seat_role), (taker, _, _) in itertools.pairwise(chain):
        state.hand_over(seat, seat_role, left, taker)
    state.place(index, chain[0][0], role)
    for person, _, _ in chain:
        state.recheck(person)

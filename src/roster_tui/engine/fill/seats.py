"""Auto-fill (自动补位, ``roster-tui fill``): close a week's understaffed and missing_role gaps by
adding people, never breaking a hard rule.

A greedy over open seats, scarcest first, then the exact model or a repair. Seats are grouped by
slot (date, start, end) and by the role they need, since every rule depends on the slot only: the
group with the fewest eligible people is served next, and eligibility is updated after each
assignment for the one person whose bookings changed (rest, overlap and weekly hours). Among the
eligible, the fill's order decides (:func:`~roster_tui.engine.fill.fairness.fair_rank`: same
community, then the same Party group, then the lightest load over the four weeks before and the
week, in what the seat is: holiday, night, weekend), except that a person whose assignment would
leave some other open slot with fewer eligible people than open seats is passed over while a
harmless one exists. When shifts differ in length a second run serves the shortest seats first (a
long seat can use up the hours three short ones need) and the fuller run is kept. When seats stay
open the exact model (:mod:`~roster_tui.engine.fill.exact`) solves the week over people and slots;
when it closes more, its seats are evened out over people as the fill's order prefers
(:mod:`~roster_tui.engine.fill.even`). Only when it cannot prove the optimum (too big a week, no
solver, out of time) does the repair close what it can by chains of moves
(:mod:`~roster_tui.engine.fill.chains`) and by repacking each placed person's seats exactly
(:mod:`~roster_tui.engine.fill.repair`). Everything iterates in roster or instance order, so the
same data gives the same proposals.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from roster_tui.domain.model import Person, Role
from roster_tui.engine.eligibility import SlotKey, WeekContext
from roster_tui.engine.fill.chains import close_by_chains
from roster_tui.engine.fill.even import even_out
from roster_tui.engine.fill.exact import solve_exactly
from roster_tui.engine.fill.explain import Explainer, Shortfall
from roster_tui.engine.fill.fairness import Loads
from roster_tui.engine.fill.repair import repack
from roster_tui.engine.fill.state import (
    FillState,
    GroupKey,
    SeatProposal,
    SeatRemoval,
    absent_holders,
)

__all__ = ["SeatFill", "SeatProposal", "SeatRemoval", "Shortfall", "fill_seats"]

REPAIR_DEPTH = 3  # moves in one repair chain
REPAIR_ROUNDS = 4  # chains and repacking, while they still gain


@dataclass(frozen=True, slots=True)
class SeatFill:
    proposals: tuple[SeatProposal, ...]
    removals: tuple[SeatRemoval, ...]  # people taken off shifts they cannot serve
    shortfalls: tuple[Shortfall, ...]
    seats_wanted: int  # open seats plus missing roles, before
    seats_filled: int  # of those, closed by the proposals
    loads: Loads  # everyone's load over the four weeks before and the week, before the fill


class _Greedy:
    """The greedy pass over a :class:`FillState`: which group of seats is served next."""

    def __init__(self, state: FillState, *, shortest_first: bool = False) -> None:
        self.state = state
        self.shortest_first = shortest_first
        self.queues: dict[GroupKey, deque[int]] = {}
        self.pending_seats: dict[SlotKey, int] = {}
        self.pending_roles: dict[GroupKey, int] = {}
        for index, demand in enumerate(state.demands):
            skey = demand.skey
            self.pending_seats[skey] = self.pending_seats.get(skey, 0) + demand.open
            if demand.role_pending:
                group = (skey, demand.role)
                self.pending_roles[group] = self.pending_roles.get(group, 0) + 1
            self._enqueue(index)

    def _group(self, index: int) -> GroupKey | None:
        demand = self.state.demands[index]
        if demand.role_pending:
            return (demand.skey, demand.role)
        return (demand.skey, None) if demand.open > 0 else None

    def _enqueue(self, index: int, front: bool = False) -> None:
        group = self._group(index)
        if group is not None:
            queue = self.queues.setdefault(group, deque())
            if front:
                queue.appendleft(index)
            else:
                queue.append(index)

    # -- the loop ------------------------------------------------------------------------------
    def run(self) -> None:
        state = self.state
        while True:
            best: tuple[tuple[object, ...], GroupKey] | None = None
            for group, queue in self.queues.items():
                if queue:
                    skey, role = group
                    slot, supply = state.slots[skey], len(state.pool(skey, role))
                    # Seats nobody can take are set aside first; then the scarcest, or with
                    # ``shortest_first`` the shortest (it leaves people more of their weekly
                    # hours, so more seats in all when shifts differ in length).
                    order = (
                        (slot.seconds, supply) if self.shortest_first else (supply, slot.seconds)
                    )
                    rank = (supply > 0, *order, role is None, slot.start_ts, role or "")
                    if best is None or rank < best[0]:
                        best = (rank, group)
            if best is None:
                return
            group = best[1]
            queue = self.queues[group]
            if not best[0][0]:
                self._give_up(group, queue)
                continue
            index = queue.popleft()
            self._fill_one(index, group)

    def _give_up(self, group: GroupKey, queue: deque[int]) -> None:
        """Nobody left for these seats: a role group falls back to plain seats."""
        skey, role = group
        waiting = list(queue)
        queue.clear()
        for index in waiting:
            demand = self.state.demands[index]
            if role is None:
                self.pending_seats[skey] -= demand.open  # stays open, and is explained later
            else:
                demand.role_pending = False
                self.pending_roles[group] -= 1
                self._enqueue(index)

    def _fill_one(self, index: int, group: GroupKey) -> None:
        demand = self.state.demands[index]
        skey, role = group
        person = self._choose(index, skey, role)
        if demand.open > 0:
            self.pending_seats[skey] -= 1
        self.state.place(index, person, role)
        if role is not None:
            self.pending_roles[group] -= 1
            self._enqueue(index, front=True)
        elif demand.open > 0:
            self.queues[group].appendleft(index)
        self.state.drop_unfit(person)

    # -- choosing a person ---------------------------------------------------------------------
    def _choose(self, index: int, skey: SlotKey, role: Role | None) -> str:
        state = self.state
        demand = state.demands[index]
        ranked = sorted(state.pool(skey, role), key=lambda pid: state.rank(pid, index, role))
        best, best_harm = ranked[0], None
        consumed = 1 if demand.open > 0 else 0
        for pid in ranked:
            harm = self._harm(pid, skey, role, consumed)
            if harm == 0:
                return pid
            if best_harm is None or harm < best_harm:
                best, best_harm = pid, harm
        return best

    def _harm(self, pid: str, here: SlotKey, role: Role | None, consumed: int) -> int:
        """How many open groups would be left with fewer eligible people than seats.

        ``consumed``: 1 when the seat being filled is one of ``here``'s open seats (0 when it
        only brings a missing role to an instance that has its numbers).
        """
        state = self.state
        who = state.people[pid]
        ledger, slot = state.context.ledger, state.slots[here]
        # The person fits every slot they are free for; booking ``here`` takes away those whose
        # shifts overlap it or leave less than the rest, and, in its week, those that would
        # now pass the weekly hours (the rules' own test, without booking and unbooking).
        rest = ledger.min_rest
        limit = who.max_hours_per_week
        if limit is None:
            limit = ledger.default_max
        week_seconds = ledger.seconds(pid, slot.week) + slot.seconds
        harm = 0
        for skey, free in state.eligible.items():
            seats = self.pending_seats[skey]
            if pid not in free or (seats == 0 and not self._roles_pending(skey, who)):
                continue
            other = state.slots[skey]
            lost = (
                skey == here
                or (other.start_ts < slot.end_ts + rest and slot.start_ts < other.end_ts + rest)
                or (other.week == slot.week and (week_seconds + other.seconds) / 3600 > limit)
            )
            if not lost:
                continue
            if len(free) - 1 < seats - (consumed if skey == here else 0):
                harm += 1
            for held in who.roles:
                waiting = self.pending_roles.get((skey, held), 0)
                if skey == here and held == role:
                    waiting -= 1  # this seat is the one being filled
                holders = len(state.holders.get((skey, held), {}))
                if waiting > 0 and holders - 1 < waiting:
                    harm += 1
        return harm

    def _roles_pending(self, skey: SlotKey, who: Person) -> bool:
        return any(self.pending_roles.get((skey, role), 0) > 0 for role in who.roles)


def repair(state: FillState) -> None:
    """Chains of moves, then each person's seats packed anew, until neither finds more."""
    for _ in range(REPAIR_ROUNDS):
        before = state.filled()
        close_by_chains(state, REPAIR_DEPTH)
        # Only people the fill placed: anyone else free for an open seat was just given it.
        for person in [pid for pid, seats in state.placed.items() if seats]:
            repack(state, person)
        if state.filled() == before:
            return


def fill_seats(context: WeekContext) -> SeatFill:
    """Proposals that close as many open seats and missing roles of the week as the rules allow.

    When the open shifts differ in length the fill runs twice, scarcest seats first and shortest
    first, and keeps the one that fills more (the first on a tie). ``context``'s eligibility is
    left as after the fill, so its ledger reads the loads with the proposals.
    """
    loads = Loads(context)
    runs = [FillState(context.copy(), loads)]
    if len({d.slot.seconds for d in runs[0].demands}) > 1:
        runs.append(FillState(context.copy(), loads))
    for number, state in enumerate(runs):
        _Greedy(state, shortest_first=number == 1).run()
    state = max(runs, key=lambda f: (f.filled(), -runs.index(f)))
    exact = solve_exactly(state)
    if not exact.optimal:  # too big for the exact model, or no proof in time: repair as well
        repaired = [state] if exact.improved else runs
        for run in repaired:
            repair(run)
        state = max(repaired, key=lambda f: (f.filled(), -repaired.index(f)))
    if exact.improved:
        even_out(state)
    context.eligibility = state.context.eligibility
    explain = Explainer(context)
    shortfalls = [
        explain(d.instance, d.slot, d.open, d.role, d.added)
        for d in state.demands
        if d.open > 0 or d.role is not None
    ]
    left = sum(s.seats + (s.role is not None) for s in shortfalls)
    return SeatFill(
        proposals=tuple(state.proposals),
        removals=tuple(absent_holders(context)),
        shortfalls=tuple(shortfalls),
        seats_wanted=state.wanted,
        seats_filled=state.wanted - left,
        loads=loads,
    )

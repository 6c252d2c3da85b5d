"""Auto-fill (自动补位, ``roster-tui fill``): close a week's understaffed and missing_role gaps by
adding people, never breaking a hard rule.

A greedy over open seats, scarcest first, then a repair. Seats are grouped by slot (date,
start, end) and by the role they need, since every rule depends on the slot only: the group
with the fewest eligible people is served next, and eligibility is updated after each
assignment for the one person whose bookings changed (rest, overlap and weekly hours). Among
the eligible, the :meth:`~roster_tui.engine.eligibility.Eligibility.preference` order decides
(same community, then the same Party group, then the lightest load), except that a person whose
assignment would leave some other open slot with fewer eligible people than open seats is
passed over while a harmless one exists. When shifts differ in length a second run serves the
shortest seats first (a long seat can use up the hours three short ones need) and the fuller
run is kept. The repair then closes what it can by chains of moves
(:mod:`~roster_tui.engine.fill.chains`) and by repacking each placed person's seats exactly
(:mod:`~roster_tui.engine.fill.repair`). Everything iterates in roster or instance order, so
the same data gives the same proposals.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Role
from roster_tui.engine.eligibility import Slot, SlotKey, WeekContext, slot_key
from roster_tui.engine.expand import InstanceKey
from roster_tui.engine.fill.chains import close_by_chains
from roster_tui.engine.fill.explain import Explainer, LoadSpread, Shortfall, load_spread
from roster_tui.engine.fill.repair import repack

__all__ = ["LoadSpread", "SeatFill", "SeatProposal", "Shortfall", "fill_seats"]

GroupKey = tuple[SlotKey, Role | None]  # seats of one slot needing one role (None: anyone)
REPAIR_DEPTH = 3  # moves in one repair chain
REPAIR_ROUNDS = 4  # chains and repacking, while they still gain


@dataclass(frozen=True, slots=True)
class SeatProposal:
    """Add ``person`` to the instance; ``role`` is the missing role they bring, if chosen for it."""

    key: InstanceKey
    person: str
    role: Role | None = None


@dataclass(frozen=True, slots=True)
class SeatFill:
    proposals: tuple[SeatProposal, ...]
    shortfalls: tuple[Shortfall, ...]
    seats_wanted: int  # open seats plus missing roles, before
    seats_filled: int  # of those, closed by the proposals
    spread: LoadSpread


@dataclass(slots=True)
class _Demand:
    instance: ShiftInstance
    slot: Slot
    open: int  # seats still open
    role: Role | None  # role still missing
    role_pending: bool  # still trying to find a holder of ``role``
    added: list[str] = field(default_factory=list)


class _Filler:
    def __init__(self, context: WeekContext, *, shortest_first: bool = False) -> None:
        self.context = context
        self.shortest_first = shortest_first
        self.rules = context.eligibility
        self.people: dict[str, Person] = {p.id: p for p in context.active_people()}
        self.demands: list[_Demand] = []
        for instance in context.instances:
            open_seats = max(instance.need - instance.have, 0)
            role = instance.shift.need_role
            if role is not None and any(
                role in self.rules.people[p].roles for p in instance.counted
            ):
                role = None
            if open_seats or role is not None:
                slot = self.rules.slot_of(instance)
                self.demands.append(_Demand(instance, slot, open_seats, role, role is not None))
        self.wanted = sum(d.open + (d.role is not None) for d in self.demands)
        self.queues: dict[GroupKey, deque[int]] = {}
        self.slots: dict[SlotKey, Slot] = {}
        self.pending_seats: dict[SlotKey, int] = {}
        self.pending_roles: dict[GroupKey, int] = {}
        for index, demand in enumerate(self.demands):
            skey = slot_key(demand.slot.day, demand.slot.shift)
            self.slots[skey] = demand.slot
            self.pending_seats[skey] = self.pending_seats.get(skey, 0) + demand.open
            if demand.role_pending:
                group = (skey, demand.role)
                self.pending_roles[group] = self.pending_roles.get(group, 0) + 1
            self._enqueue(index)
        # Who is free for each slot with open seats, and which of them hold each role.
        self.eligible: dict[SlotKey, dict[str, None]] = {}
        self.holders: dict[GroupKey, dict[str, None]] = {}
        for skey, slot in self.slots.items():
            free = {pid: None for pid, p in self.people.items() if self.rules.fits(p, slot)}
            self.eligible[skey] = free
            for pid in free:
                for role in self.people[pid].roles:
                    self.holders.setdefault((skey, role), {})[pid] = None
        self.proposals: list[SeatProposal] = []
        self.placed: dict[str, list[tuple[int, Role | None]]] = {}  # person -> (demand, role)
        self.took_seat: dict[tuple[int, str], bool] = {}  # (demand, person): filled an open seat

    def filled(self) -> int:
        """Seats and missing roles closed so far."""
        return self.wanted - sum(d.open + (d.role is not None) for d in self.demands)

    def _group(self, demand: _Demand) -> GroupKey | None:
        skey = slot_key(demand.slot.day, demand.slot.shift)
        if demand.role_pending:
            return (skey, demand.role)
        return (skey, None) if demand.open > 0 else None

    def _enqueue(self, index: int, front: bool = False) -> None:
        group = self._group(self.demands[index])
        if group is not None:
            queue = self.queues.setdefault(group, deque())
            if front:
                queue.appendleft(index)
            else:
                queue.append(index)

    def _supply(self, group: GroupKey) -> int:
        skey, role = group
        pool = self.eligible[skey] if role is None else self.holders.get(group, {})
        return len(pool)

    # -- the loop ------------------------------------------------------------------------------
    def run(self) -> None:
        while True:
            best: tuple[tuple[object, ...], GroupKey] | None = None
            for group, queue in self.queues.items():
                if queue:
                    skey, role = group
                    slot, supply = self.slots[skey], self._supply(group)
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
            demand = self.demands[index]
            if role is None:
                self.pending_seats[skey] -= demand.open  # stays open, and is explained later
            else:
                demand.role_pending = False
                self.pending_roles[group] -= 1
                self._enqueue(index)

    def _fill_one(self, index: int, group: GroupKey) -> None:
        demand = self.demands[index]
        skey, role = group
        person = self._choose(demand, skey, role)
        if demand.open > 0:
            self.pending_seats[skey] -= 1
        self._place(index, person, role)
        if role is not None:
            self.pending_roles[group] -= 1
            self._enqueue(index, front=True)
        elif demand.open > 0:
            self.queues[group].appendleft(index)
        self._refresh(person)

    def _place(self, index: int, person: str, role: Role | None) -> None:
        """Book ``person`` on the demand's instance: one seat, and the role when ``role``."""
        demand = self.demands[index]
        self.context.ledger.book(person, demand.slot, demand.instance.key)
        demand.added.append(person)
        self.proposals.append(SeatProposal(demand.instance.key, person, role))
        self.placed.setdefault(person, []).append((index, role))
        self.took_seat[(index, person)] = demand.open > 0
        if demand.open > 0:
            demand.open -= 1
        if role is not None:
            demand.role_pending = False
            demand.role = None

    def _unplace(self, index: int, person: str, role: Role | None) -> None:
        """Undo :meth:`_place`: the seat (and the role) is open again."""
        demand = self.demands[index]
        self.context.ledger.unbook(person, demand.slot, demand.instance.key)
        demand.added.remove(person)
        self.proposals.remove(SeatProposal(demand.instance.key, person, role))
        self.placed[person].remove((index, role))
        if self.took_seat.pop((index, person)):
            demand.open += 1
        if role is not None:
            demand.role = role

    def _refresh(self, person: str) -> None:
        """After a booking, drop the person from the slots they no longer fit."""
        who = self.people[person]
        for skey, free in self.eligible.items():
            if person in free and not self.rules.fits(who, self.slots[skey]):
                del free[person]
                for role in who.roles:
                    self.holders.get((skey, role), {}).pop(person, None)

    # -- choosing a person ---------------------------------------------------------------------
    def _choose(self, demand: _Demand, skey: SlotKey, role: Role | None) -> str:
        pool = self.eligible[skey] if role is None else self.holders[(skey, role)]
        compound, slot = demand.instance.post.compound, demand.slot
        prefer = self.rules.preference
        ranked = sorted(pool, key=lambda pid: prefer(self.people[pid], compound, slot, role))
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
        who = self.people[pid]
        ledger, slot = self.context.ledger, self.slots[here]
        key = ("", slot.day, "")  # a stand-in booking, removed below
        ledger.book(pid, slot, key)
        harm = 0
        try:
            for skey, free in self.eligible.items():
                seats = self.pending_seats[skey]
                if pid not in free or (seats == 0 and not self._roles_pending(skey, who)):
                    continue
                lost = skey == here or not self.rules.fits(who, self.slots[skey])
                if not lost:
                    continue
                if len(free) - 1 < seats - (consumed if skey == here else 0):
                    harm += 1
                for held in who.roles:
                    waiting = self.pending_roles.get((skey, held), 0)
                    if skey == here and held == role:
                        waiting -= 1  # this seat is the one being filled
                    holders = len(self.holders.get((skey, held), {}))
                    if waiting > 0 and holders - 1 < waiting:
                        harm += 1
        finally:
            ledger.unbook(pid, slot, key)
        return harm

    def _roles_pending(self, skey: SlotKey, who: Person) -> bool:
        return any(self.pending_roles.get((skey, role), 0) > 0 for role in who.roles)

    # -- repair --------------------------------------------------------------------------------
    def repair(self) -> None:
        """Chains of moves, then each person's seats packed anew, until neither finds more."""
        for _ in range(REPAIR_ROUNDS):
            before = self.filled()
            close_by_chains(self, REPAIR_DEPTH)
            # Only people the fill placed: anyone else free for an open seat was just given it.
            for person in [pid for pid, seats in self.placed.items() if seats]:
                repack(self, person)
            if self.filled() == before:
                return

    def _best(
        self, demand: _Demand, skey: SlotKey, role: Role | None, exclude: frozenset[str]
    ) -> str | None:
        """The most preferred person free for a seat of the slot (``role``: holding it)."""
        pool = self.eligible[skey] if role is None else self.holders.get((skey, role), {})
        compound, slot, prefer = demand.instance.post.compound, demand.slot, self.rules.preference
        ranked = [
            (prefer(self.people[pid], compound, slot, role), pid)
            for pid in pool
            if pid not in exclude
        ]
        return min(ranked)[1] if ranked else None

    def _hand_over(self, index: int, role: Role | None, old: str, new: str) -> None:
        """``new`` takes ``old``'s seat on the demand's instance, as placed."""
        demand = self.demands[index]
        key = demand.instance.key
        self.context.ledger.unbook(old, demand.slot, key)
        self.context.ledger.book(new, demand.slot, key)
        demand.added[demand.added.index(old)] = new
        at = self.proposals.index(SeatProposal(key, old, role))
        self.proposals[at] = SeatProposal(key, new, role)
        self.placed[old].remove((index, role))
        self.placed.setdefault(new, []).append((index, role))
        self.took_seat[(index, new)] = self.took_seat.pop((index, old))

    def _recheck(self, person: str) -> None:
        """After a move the person may fit slots again, or no longer: look at every one."""
        who = self.people[person]
        for skey, free in self.eligible.items():
            fits = self.rules.fits(who, self.slots[skey])
            if fits and person not in free:
                free[person] = None
                for held in who.roles:
                    self.holders.setdefault((skey, held), {})[person] = None
            elif not fits and person in free:
                del free[person]
                for held in who.roles:
                    self.holders.get((skey, held), {}).pop(person, None)


def fill_seats(context: WeekContext) -> SeatFill:
    """Proposals that close as many open seats and missing roles of the week as the rules allow.

    When the open shifts differ in length the fill runs twice, scarcest seats first and shortest
    first, and keeps the one that fills more (the first on a tie). ``context``'s eligibility is
    left as after the fill, so its ledger reads the loads with the proposals.
    """
    runs = [_Filler(context.copy())]
    if len({d.slot.seconds for d in runs[0].demands}) > 1:
        runs.append(_Filler(context.copy(), shortest_first=True))
    for filler in runs:
        filler.run()
        filler.repair()
    filler = max(runs, key=lambda f: (f.filled(), -runs.index(f)))
    context.eligibility = filler.context.eligibility
    explain = Explainer(context)
    shortfalls = [
        explain(d.instance, d.slot, d.open, d.role, d.added)
        for d in filler.demands
        if d.open > 0 or d.role is not None
    ]
    left = sum(s.seats + (s.role is not None) for s in shortfalls)
    return SeatFill(
        proposals=tuple(filler.proposals),
        shortfalls=tuple(shortfalls),
        seats_wanted=filler.wanted,
        seats_filled=filler.wanted - left,
        spread=load_spread(context, (p.person for p in filler.proposals)),
    )

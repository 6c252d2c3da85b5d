"""What a seat fill knows while it works: the open seats of the week, who is free for each slot,
and who it has placed where.

The greedy pass (:mod:`~roster_tui.engine.fill.seats`) and the repairs after it (chains in
:mod:`~roster_tui.engine.fill.chains`, repacking in :mod:`~roster_tui.engine.fill.repair`) all
work on one :class:`FillState`, and only through its moves (:meth:`FillState.place`,
:meth:`~FillState.unplace`, :meth:`~FillState.hand_over`), which keep the ledger, the proposals
and the free lists in step. It imports none of them, so the package has no import circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Role
from roster_tui.engine.eligibility import Blocker, Slot, SlotKey, WeekContext, slot_key
from roster_tui.engine.expand import InstanceKey
from roster_tui.engine.fill.fairness import Load, Loads, ShiftLoad, fair_rank

GroupKey = tuple[SlotKey, Role | None]  # seats of one slot needing one role (None: anyone)


@dataclass(frozen=True, slots=True)
class SeatProposal:
    """Add ``person`` to the instance; ``role`` is the missing role they bring, if chosen for it."""

    key: InstanceKey
    person: str
    role: Role | None = None


@dataclass(frozen=True, slots=True)
class SeatRemoval:
    """Take ``person`` off the instance: they hold it but cannot serve on it; ``reason`` is
    INACTIVE, LEAVE or AVAILABILITY. Their seat is open, so the fill proposes someone for it."""

    key: InstanceKey
    person: str
    reason: Blocker


def absent_holders(context: WeekContext) -> list[SeatRemoval]:
    """Everyone on a shift of the week who does not count there (the check's ``unavailable``)."""
    rules = context.eligibility
    removals: list[SeatRemoval] = []
    for instance in context.instances:
        if len(instance.counted) == len(instance.assigned):
            continue
        slot = rules.slot_of(instance)
        for pid in dict.fromkeys(instance.assigned):
            if pid not in instance.counted:
                reason = rules.static_blocker(pid, slot) or Blocker.INACTIVE
                removals.append(SeatRemoval(instance.key, pid, reason))
    return removals


@dataclass(slots=True)
class Demand:
    """An instance of the week short of people or of a role, and who the fill adds to it."""

    instance: ShiftInstance
    slot: Slot
    open: int  # seats still open
    role: Role | None  # role still missing
    role_pending: bool  # the greedy is still trying to find a holder of ``role``
    added: list[str] = field(default_factory=list)

    @property
    def skey(self) -> SlotKey:
        return slot_key(self.slot.day, self.slot.shift)


class FillState:
    """The week's demands, who fits each slot with open seats, and the placements so far.

    ``loads``: everyone's load over the weeks fairness looks at, before the fill (read from
    ``context`` when not given); :attr:`load` follows the placements.
    """

    def __init__(self, context: WeekContext, loads: Loads | None = None) -> None:
        self.context = context
        self.rules = context.eligibility
        self.people: dict[str, Person] = {p.id: p for p in context.active_people()}
        self.loads = loads if loads is not None else Loads(context)
        self.load: dict[str, Load] = {pid: self.loads.of(pid) for pid in self.people}
        self.demands: list[Demand] = []
        for instance in context.instances:
            open_seats = max(instance.need - instance.have, 0)
            role = instance.shift.need_role
            if role is not None and any(
                role in self.rules.people[p].roles for p in instance.counted
            ):
                role = None
            if open_seats or role is not None:
                slot = self.rules.slot_of(instance)
                self.demands.append(Demand(instance, slot, open_seats, role, role is not None))
        self.wanted = sum(d.open + (d.role is not None) for d in self.demands)
        self.slots: dict[SlotKey, Slot] = {d.skey: d.slot for d in self.demands}
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

    # -- moves -------------------------------------------------------------------------------
    def place(self, index: int, person: str, role: Role | None) -> None:
        """Book ``person`` on the demand's instance: one seat, and the role when ``role``."""
        demand = self.demands[index]
        self.context.ledger.book(person, demand.slot, demand.instance.key)
        self.load[person].add(self.shift_load(index))
        demand.added.append(person)
        self.proposals.append(SeatProposal(demand.instance.key, person, role))
        self.placed.setdefault(person, []).append((index, role))
        self.took_seat[(index, person)] = demand.open > 0
        if demand.open > 0:
            demand.open -= 1
        if role is not None:
            demand.role_pending = False
            demand.role = None

    def unplace(self, index: int, person: str, role: Role | None) -> None:
        """Undo :meth:`place`: the seat (and the role) is open again."""
        demand = self.demands[index]
        self.context.ledger.unbook(person, demand.slot, demand.instance.key)
        self.load[person].add(self.shift_load(index), -1)
        demand.added.remove(person)
        self.proposals.remove(SeatProposal(demand.instance.key, person, role))
        self.placed[person].remove((index, role))
        if self.took_seat.pop((index, person)):
            demand.open += 1
        if role is not None:
            demand.role = role

    def hand_over(self, index: int, role: Role | None, old: str, new: str) -> None:
        """``new`` takes ``old``'s seat on the demand's instance, as placed."""
        demand = self.demands[index]
        key = demand.instance.key
        self.context.ledger.unbook(old, demand.slot, key)
        self.context.ledger.book(new, demand.slot, key)
        self.load[old].add(self.shift_load(index), -1)
        self.load[new].add(self.shift_load(index))
        demand.added[demand.added.index(old)] = new
        at = self.proposals.index(SeatProposal(key, old, role))
        self.proposals[at] = SeatProposal(key, new, role)
        self.placed[old].remove((index, role))
        self.placed.setdefault(new, []).append((index, role))
        self.took_seat[(index, new)] = self.took_seat.pop((index, old))

    # -- who is free -------------------------------------------------------------------------
    def drop_unfit(self, person: str) -> None:
        """After a booking, drop the person from the slots they no longer fit."""
        who = self.people[person]
        for skey, free in self.eligible.items():
            if person in free and not self.rules.fits(who, self.slots[skey]):
                del free[person]
                for role in who.roles:
                    self.holders.get((skey, role), {}).pop(person, None)

    def recheck(self, person: str) -> None:
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

    def pool(self, skey: SlotKey, role: Role | None) -> dict[str, None]:
        """Who is free for a seat of the slot (``role``: and holds it)."""
        return self.eligible[skey] if role is None else self.holders.get((skey, role), {})

    # -- who is preferred ---------------------------------------------------------------------
    def shift_load(self, index: int) -> ShiftLoad:
        """What a seat on the demand's instance adds to a person's load."""
        return self.loads.seats[self.demands[index].instance.key]

    def rank(self, pid: str, index: int, role: Role | None) -> tuple[object, ...]:
        """Lower is better: :func:`~roster_tui.engine.fill.fairness.fair_rank` as things stand."""
        compound = self.demands[index].instance.post.compound
        shift = self.shift_load(index)
        return fair_rank(self.rules, self.people[pid], compound, self.load[pid], shift, role)

    def best(
        self, index: int, role: Role | None, exclude: frozenset[str] = frozenset()
    ) -> str | None:
        """The most preferred person free for a seat of the demand (``role``: holding it)."""
        ranked = [
            (self.rank(pid, index, role), pid)
            for pid in self.pool(self.demands[index].skey, role)
            if pid not in exclude
        ]
        return min(ranked)[1] if ranked else None

"""自动补位 as a use case: propose, let the secretary review, apply as one audited change.

:func:`plan_fill` runs the engine over one ISO week and turns its proposals into store changes
(one normalised override per instance, as a hand edit makes; carers set on households; duty
rows added); :func:`apply_fill` writes them in one transaction that a single undo reverses.
The ``*_rows`` and ``*_lines`` helpers say it all in the user's language for the CLI and TUI.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from roster_tui.domain.changes import AuditEntry, Change
from roster_tui.domain.model import Duty, Override, Role, Roster
from roster_tui.domain.names import PersonNames
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.engine.eligibility import Blocker, WeekContext
from roster_tui.engine.expand import Expander, InstanceKey
from roster_tui.engine.fill import (
    CareFill,
    CareShortfall,
    SeatFill,
    Shortfall,
    fill_care,
    fill_seats,
)
from roster_tui.i18n import t, tn
from roster_tui.services.past import started
from roster_tui.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class FillPlan:
    roster: Roster  # the roster the plan was made on (its versions guard the apply)
    week: Week
    seats: SeatFill
    care: CareFill
    changes: tuple[Change, ...]

    @property
    def count(self) -> int:
        """Proposed items: seats taken and left, carers and duties."""
        seats, care = self.seats, self.care
        return len(seats.proposals) + len(seats.removals) + len(care.carers) + len(care.duties)

    @property
    def summary(self) -> str:
        return tn("action.fill", self.count)


def plan_fill(roster: Roster, week: Week, now: dt.datetime | None = None) -> FillPlan:
    """What the fill would do to ``week``; changes nothing.

    With ``now``, shifts that have started by then are left as they are (they are the record).
    """
    context = WeekContext.build(roster, week)
    seats = fill_seats(context)
    if now is not None:
        clock = context.expander.clock
        kept = tuple(p for p in seats.proposals if not started(roster, p.key, now, clock))
        off = tuple(r for r in seats.removals if not started(roster, r.key, now, clock))
        seats = dataclasses.replace(seats, proposals=kept, removals=off)
    care = fill_care(roster, week.monday, week.sunday, context.expander.clock)
    changes = [
        *_seat_changes(roster, context.expander, seats),
        *(
            Change(p.household, dataclasses.replace(p.household, carer=p.person))
            for p in care.carers
        ),
        *(Change(None, _duty(p.person, p.street, p.compound)) for p in care.duties),
        *(Change(old, None) for p in care.duties for old in p.replaces),
    ]
    return FillPlan(roster, week, seats, care, tuple(changes))


def apply_fill(workspace: Workspace, plan: FillPlan) -> AuditEntry | None:
    """All of the plan as one audited change (``None`` when there is nothing to do)."""
    return workspace.apply(plan.changes, "fill", plan.summary)


def fill_week(
    workspace: Workspace, week: Week, *, dry_run: bool = False, now: dt.datetime | None = None
) -> tuple[FillPlan, AuditEntry | None]:
    plan = plan_fill(workspace.load(), week, now)
    return plan, None if dry_run else apply_fill(workspace, plan)


def _duty(person: str, street: str | None, compound: str | None) -> Duty:
    role = t("fill.duty_role.street") if street is not None else t("fill.duty_role.compound")
    return Duty(person, compound=compound, street=street, role=role)


def _seat_changes(roster: Roster, expander: Expander, seats: SeatFill) -> list[Change]:
    """One override per instance holding who the fill adds and takes off, normalised as a hand
    edit is (:func:`roster_tui.services.assignments.set_assigned`): ``add`` is who is on it
    beyond the rotation, ``remove`` who the rotation put there but is not."""
    added: dict[InstanceKey, list[str]] = defaultdict(list)
    for proposal in seats.proposals:
        added[proposal.key].append(proposal.person)
    taken_off: dict[InstanceKey, set[str]] = defaultdict(set)
    for removal in seats.removals:
        taken_off[removal.key].add(removal.person)
    existing: dict[InstanceKey, list[Override]] = defaultdict(list)
    for override in roster.overrides:
        existing[(override.post, override.date, override.shift)].append(override)
    changes: list[Change] = []
    for key in dict.fromkeys([*added, *taken_off]):
        picks = expander.picks(*key)
        rows = existing.get(key, [])
        adds = [p for o in rows for p in o.add]
        removes = {p for o in rows for p in o.remove} | taken_off.get(key, set())
        now = [p for p in dict.fromkeys([*picks, *adds]) if p not in removes]
        wanted = tuple(dict.fromkeys([*now, *added.get(key, [])]))
        add = tuple(p for p in wanted if p not in picks)
        remove = tuple(p for p in picks if p not in wanted)
        if rows:
            keep, *extra = rows
            changes.append(Change(keep, dataclasses.replace(keep, add=add, remove=remove)))
            changes.extend(Change(o, None) for o in extra)
        else:
            changes.append(Change(None, Override(key[0], key[1], key[2], remove=remove, add=add)))
    return changes


# -- saying it -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProposalRow:
    """One proposed item as the CLI table and the TUI preview show it (names made printable)."""

    kind: str  # "seat", "off" (taken off a shift), "carer", "street" or "compound"
    date: dt.date | None
    weekday: str
    place: str
    what: str  # the shift, or what the person takes on
    person: str
    person_id: str
    community: str


class FillNames:
    """Printable names of the roster's people and places, for the lines the fill says."""

    def __init__(self, roster: Roster) -> None:
        self.people = PersonNames.of_roster(roster)
        self.posts = {p.id: p.name for p in roster.posts}
        self.communities = {c.id: c.name for c in roster.communities}
        self.compounds = {c.id: c.name for c in roster.compounds}
        self.streets = {s.id: s.name for s in roster.streets}

    def person(self, pid: str) -> tuple[str, str]:
        """(name, community name) of a person."""
        named = self.people.get(pid)
        return (named.name, named.community) if named else (pid, "")

    def place(self, table: dict[str, str], id_: str | None) -> str:
        return printable(table.get(id_ or "", id_ or ""))

    def instance(self, key: InstanceKey) -> str:
        post, day, shift = key
        return t(
            "gap.instance",
            post=t("gap.named", name=self.place(self.posts, post), id=post),
            shift=printable(shift),
            date=t("date.month_day", month=day.month, day=day.day),
            weekday=t(f"weekday.{day.weekday()}"),
        )


def proposal_rows(plan: FillPlan) -> list[ProposalRow]:
    """Every proposed item: seats by date, post and shift, then carers, then duties."""
    names = FillNames(plan.roster)
    order = {p.id: i for i, p in enumerate(plan.roster.posts)}
    rows: list[ProposalRow] = []
    # Who comes off a shift is listed just before who takes their seat.
    items: list[tuple[InstanceKey, int, str, Role | None]]
    items = [(p.key, 0, p.person, None) for p in plan.seats.removals]
    items += [(p.key, 1, p.person, p.role) for p in plan.seats.proposals]
    items.sort(key=lambda item: (item[0][1], order.get(item[0][0], 0), item[0], item[1]))
    for (post, day, shift), adds, pid, role in items:
        name, community = names.person(pid)
        what = printable(shift)
        if role is not None:
            what = t("fill.row.as_role", shift=what, role=t(f"role.{role.value}"))
        if not adds:
            what = t("fill.row.off", shift=what)
        rows.append(
            ProposalRow(
                "seat" if adds else "off",
                day,
                t(f"weekday.{day.weekday()}"),
                names.place(names.posts, post),
                what,
                name,
                pid,
                community,
            )
        )
    for carer in plan.care.carers:
        name, community = names.person(carer.person)
        household = carer.household
        place = t(
            "fill.row.household",
            compound=names.place(names.compounds, household.compound),
            address=printable(household.address),
        )
        rows.append(
            ProposalRow(
                "carer", None, "", place, t("fill.row.carer"), name, carer.person, community
            )
        )
    for duty in plan.care.duties:
        name, community = names.person(duty.person)
        kind = "street" if duty.street is not None else "compound"
        table = names.streets if duty.street is not None else names.compounds
        place = names.place(table, duty.street or duty.compound)
        what = t(f"fill.row.{kind}")
        rows.append(ProposalRow(kind, None, "", place, what, name, duty.person, community))
    return rows


def _reasons(summary: list[tuple[Blocker, int]], role: str | None = None) -> list[str]:
    return [t(f"fill.reason.{b.value}", n=n, role=role or "") for b, n in summary]


def _joined(parts: list[str]) -> str:
    return t("fill.reason.join").join(parts) if parts else t("fill.reason.none")


def shortfall_line(shortfall: Shortfall, roster: Roster, names: FillNames | None = None) -> str:
    """``农科路12号院东门（x001） 白班 12月3日 周四：仍缺 1 人——3 人请假，5 人休息不足``."""
    names = names or FillNames(roster)
    role = t(f"role.{shortfall.role.value}") if shortfall.role is not None else None
    instance = names.instance(shortfall.instance.key)
    if shortfall.seats and role:
        what = t("fill.short.both", instance=instance, seats=shortfall.seats, role=role)
    elif role:
        what = t("fill.short.role", instance=instance, role=role)
    else:
        what = t("fill.short.seats", instance=instance, seats=shortfall.seats)
    summary = shortfall.summary()
    if role is not None and not any(shortfall.role in p.roles for p in roster.people if p.active):
        # "nobody holds the role" says more than "119 people are not Party members".
        parts = _reasons([(b, n) for b, n in summary if b is not Blocker.LACKS_ROLE])
        parts.append(t("fill.nobody_holds", role=role))
    else:
        parts = _reasons(summary, role)
    return t("fill.because", what=what, reasons=_joined(parts))


def care_shortfall_line(shortfall: CareShortfall, names: FillNames) -> str:
    household = shortfall.household
    what = t(
        "fill.short.household",
        compound=names.place(names.compounds, household.compound),
        household=printable(household.address),
    )
    return t("fill.because", what=what, reasons=_joined(_reasons(shortfall.summary())))


def explanation_lines(plan: FillPlan) -> list[str]:
    """Why each gap the fill leaves stays open, one line each."""
    names = FillNames(plan.roster)
    lines = [shortfall_line(s, plan.roster, names) for s in plan.seats.shortfalls]
    lines.extend(care_shortfall_line(s, names) for s in plan.care.shortfalls)
    for carer in plan.care.overloaded:
        name = t("fill.repair.who", name=names.person(carer)[0], id=printable(carer))
        lines.append(t("fill.short.overloaded", person=name))
    for place in plan.care.unheld:
        table = names.streets if place.street is not None else names.compounds
        lines.append(
            t("fill.short.unheld", place=names.place(table, place.street or place.compound))
        )
    return lines

"""What the fill's repairs do, one line each, in the user's language: who comes off a shift they
cannot serve and who takes it over, which households change carer and why, which duties pass
from inactive people to others."""

from __future__ import annotations

from collections import defaultdict

from roster_tui.domain.gaps import UncaredReason
from roster_tui.domain.text import printable
from roster_tui.engine.expand import InstanceKey
from roster_tui.engine.fill.care import OVERLOADED
from roster_tui.i18n import t
from roster_tui.services.fill import FillNames, FillPlan


def repair_lines(plan: FillPlan) -> list[str]:
    """Every move the fill makes besides adding people to open seats, with its reason."""
    names = FillNames(plan.roster)

    def who(pid: str | None) -> str:
        return t("fill.repair.who", name=names.person(pid or "")[0], id=printable(pid or ""))

    takers: dict[InstanceKey, list[str]] = defaultdict(list)
    for proposal in plan.seats.proposals:
        takers[proposal.key].append(proposal.person)
    short = {s.instance.key for s in plan.seats.shortfalls}
    lines: list[str] = []
    for removal in sorted(plan.seats.removals, key=lambda r: (r.key[1], r.key)):
        waiting = takers[removal.key]
        fields = {
            "person": who(removal.person),
            "reason": t(f"gap.reason.{removal.reason.value}"),
            "instance": names.instance(removal.key),
        }
        if waiting:
            lines.append(t("fill.repair.seat", taker=who(waiting.pop(0)), **fields))
        elif removal.key in short:
            lines.append(t("fill.repair.seat_open", **fields))
        else:  # the others on it are enough without them
            lines.append(t("fill.repair.seat_enough", **fields))
    cap = plan.roster.settings.max_households_per_carer
    for carer in plan.care.carers:
        household = carer.household
        if carer.reason == UncaredReason.MISSING.value or household.carer is None:
            continue  # nobody is moved: the household had no carer
        if carer.reason == OVERLOADED:
            why = t("fill.repair.overloaded", person=who(household.carer), max=cap)
        else:
            why = t(f"gap.uncared.{carer.reason}", person=who(household.carer))
        place = t(
            "fill.row.household",
            compound=names.place(names.compounds, household.compound),
            address=printable(household.address),
        )
        lines.append(t("fill.repair.carer", household=place, why=why, new=who(carer.person)))
    for duty in plan.care.duties:
        table = names.streets if duty.street is not None else names.compounds
        place = names.place(table, duty.street or duty.compound)
        what = t("fill.row.street" if duty.street is not None else "fill.row.compound")
        new = who(duty.person)
        for old in duty.replaces:
            line = t("fill.repair.duty", place=place, old=who(old.person), new=new, what=what)
            lines.append(line)
    return lines

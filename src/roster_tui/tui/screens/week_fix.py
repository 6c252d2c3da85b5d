"""The week grid's side of "Enter lands on the fix": a gap handed over from the gaps list opens
here with its fix ready.

A shift short of people opens the ranked picker on it. A gap about one person (on two shifts,
on a shift they cannot take, or too many hours in the week) puts the cursor on their shift and
offers to take them off it or put someone else in their place, shift by shift.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.text import Text

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.text import printable
from roster_tui.engine.describe import describe_gap
from roster_tui.engine.expand import InstanceKey
from roster_tui.i18n import t
from roster_tui.services.gap_fixes import PERSON_SHIFT_KINDS, SEAT_KINDS, person_shifts
from roster_tui.tui.dialogs.gap_choice import ChoiceModal

if TYPE_CHECKING:
    from roster_tui.tui.screens.week import WeekScreen


@dataclass(frozen=True, slots=True)
class ShiftFix:
    """One way to mend a person gap: take the person off ``key``, or replace them there."""

    action: Literal["remove", "replace"]
    key: InstanceKey


def open_fix(screen: WeekScreen, gap: Gap) -> None:
    """The week holding ``gap`` is shown: open what mends it."""
    data = screen.data
    if data is None:
        return
    if gap.kind in SEAT_KINDS:
        screen.action_assign()
    elif gap.kind in PERSON_SHIFT_KINDS and gap.person is not None:
        _offer_person_fixes(screen, gap, gap.person)


def _offer_person_fixes(screen: WeekScreen, gap: Gap, person_id: str) -> None:
    data = screen.data
    assert data is not None
    keys = person_shifts(gap, data.instances)
    if not keys:  # the shifts moved on since the gap was listed
        screen.notify(t("tui.fix.no_shift"))
        return
    screen.move_to(keys[0])
    person = data.people.get(person_id)
    name = printable(person.name) if person else person_id
    choices: list[tuple[str | Text, ShiftFix]] = []
    for key in keys:
        where = screen.where_key(key)
        choices.append((t("tui.fix.remove", person=name, where=where), ShiftFix("remove", key)))
        choices.append((t("tui.fix.replace", person=name, where=where), ShiftFix("replace", key)))
    title = t("tui.fix.person_title", person=name, pid=person_id)
    note = printable(describe_gap(gap, data.roster))
    if gap.kind is GapKind.OVERTIME:
        note += "\n" + t("tui.fix.overtime_hint")

    def chosen(fix: ShiftFix | None) -> None:
        if fix is None or screen.data is None:
            return
        instance = screen.data.instances.get(fix.key)
        if instance is None:
            return
        screen.move_to(fix.key)
        if fix.action == "remove":
            screen.unassign_person(instance, person_id)
        else:
            screen.replace_person(instance, person_id)

    screen.app.push_screen(ChoiceModal(title, choices, choices[0][1], note=note, wide=True), chosen)

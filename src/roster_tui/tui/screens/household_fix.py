"""The households screen's side of "Enter lands on the fix".

A household without a working carer opens the carer picker on it (as c does on the
highlighted household). A carer over the limit
first shows that carer's households on the day of the peak, to choose one to hand over,
then the carer picker on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Household, Roster
from roster_tui.domain.text import printable
from roster_tui.engine.describe import describe_gap
from roster_tui.i18n import t
from roster_tui.services.gap_fixes import carer_households
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.household_carer_picker import CarerPick, CarerPicker
from roster_tui.tui.widgets.household_labels import days_left_text

if TYPE_CHECKING:
    from roster_tui.tui.screens.households import HouseholdsScreen


def choose_carer(screen: HouseholdsScreen, roster: Roster, household: Household) -> None:
    """The carer picker for ``household``; the choice is one audited change."""

    def chosen(pick: CarerPick | None) -> None:
        if pick is None:
            return
        carer = pick.person
        if (carer.id if carer else None) != household.carer:
            screen.roster_app.edit(lambda ws: ws.set_carer(household, carer))

    picker = CarerPicker(roster, household, screen.roster_app.today())
    screen.app.push_screen(picker, chosen)


def fix_household_gap(screen: HouseholdsScreen, gap: Gap) -> None:
    roster = screen.roster_app.roster
    if roster is None:
        return
    if gap.household is not None:
        screen.focus_household(gap.household)
    if gap.kind is GapKind.HOUSEHOLD_UNCARED and gap.household is not None:
        household = roster.index.households.get(gap.household)
        if household is not None:
            choose_carer(screen, roster, household)
    elif gap.kind is GapKind.CARER_OVERLOADED and gap.person is not None:
        _hand_over_one(screen, roster, gap, gap.person)


def _hand_over_one(screen: HouseholdsScreen, roster: Roster, gap: Gap, carer_id: str) -> None:
    """Choose one of the carer's households, then who takes it over."""
    day = gap.date or screen.roster_app.today()
    households = carer_households(roster, carer_id, day)
    if not households:
        screen.notify(t("tui.fix.no_household"))
        return
    compounds = roster.index.compounds
    today = screen.roster_app.today()
    choices: list[tuple[str | Text, Household]] = []
    for household in households:
        compound = compounds.get(household.compound)
        line = Text(printable(household.address), style="bold")
        line.append("  " + (printable(compound.name) if compound else household.compound))
        line.append("  " + printable(household.head))
        line.append("  " + days_left_text(household, roster.settings, today))
        choices.append((line, household))
    carer = roster.index.people.get(carer_id)
    title = t("tui.fix.hand_over_title", person=printable(carer.name) if carer else carer_id)
    note = printable(describe_gap(gap, roster))

    def chosen(household: Household | None) -> None:
        if household is not None:
            screen.focus_household(household.id)
            choose_carer(screen, roster, household)

    screen.app.push_screen(ChoiceModal(title, choices, None, note=note, wide=True), chosen)

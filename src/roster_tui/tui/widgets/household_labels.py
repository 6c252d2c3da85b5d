"""How a household's quarantine reads on screen: days left and status, in the user's words;
and, when the list is empty, what hides the households and the key that shows them."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from roster_tui.domain.model import Household, Roster, Settings
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.households import HouseholdStatus, days_left, household_status
from roster_tui.tui.widgets.cells import clip

# Cells of an address in the daily round's and the requests' tables: a long one cut there
# pushed the contact, the temperature (a fever) and the handler off the dialog at 80 columns.
# The household's card shows it whole.
ADDRESS_WIDTH = 16  # 3号楼2单元401 and longer, whole


def days_left_text(household: Household, settings: Settings, today: dt.date) -> str:
    """``今日到期`` on its last day, ``明日到期``, ``剩5天``; ``3天后开始``; ``已解除``."""
    status = household_status(household, settings, today)
    if status is HouseholdStatus.UPCOMING:
        return t("tui.households.left.upcoming", days=(household.start - today).days)
    if status is HouseholdStatus.ENDED:
        return t("tui.households.left.ended")
    left = days_left(household, settings, today)
    if left == 1:
        return t("tui.households.left.today")
    if left == 2:
        return t("tui.households.left.tomorrow")
    return t("tui.households.left.days", days=left)


def status_text(household: Household, settings: Settings, today: dt.date) -> str:
    return t(f"tui.households.status.{household_status(household, settings, today).value}")


def why_no_households(
    roster: Roster,
    text: str,
    compound_id: str | None,
    soon: bool,
    no_carer: bool,
    scope_id: str | None,
) -> Text:
    """An empty list: each filter that is on (the search, the compound, ending soon, without a
    carer, the scope) with the key that changes it, or that there are no households at all."""
    hides = [t("tui.households.why.text", text=printable(text))] if text else []
    compound = roster.index.compounds.get(compound_id or "")
    if compound is not None:
        hides.append(t("tui.households.why.compound", compound=printable(compound.name)))
    if soon:
        hides.append(t("tui.households.why.soon"))
    if no_carer:
        hides.append(t("tui.households.why.no_carer"))
    scope = roster.index.communities.get(scope_id or "")
    if scope is not None:
        hides.append(t("tui.households.why.scope", scope=printable(scope.name)))
    if not hides:
        return Text(t("tui.households.none"))
    why = t("tui.households.why.join").join(hides)
    return Text(t("tui.households.none_because", why=why), style="bold yellow")


def short_address(household: Household) -> str:
    """The household's address, cut to ``ADDRESS_WIDTH`` cells for a dialog's table."""
    return clip(printable(household.address), ADDRESS_WIDTH)


def compound_choices(roster: Roster, scope: str | None) -> list[tuple[str, str]]:
    """The compound filter's choices, (label, compound id): all compounds first (id ""), then
    each compound of the scope's community (of every community with no scope)."""
    choices = [(t("tui.households.all_compounds"), "")]
    choices += [
        (printable(c.name), c.id) for c in roster.compounds if scope is None or c.community == scope
    ]
    return choices

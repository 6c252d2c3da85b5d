"""How a household's quarantine reads on screen: days left and status, in the user's words."""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.model import Household, Settings
from roster_tui.i18n import t
from roster_tui.services.households import HouseholdStatus, days_left, household_status


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

"""Availability windows shown in the user's language: ``周一至周五 18:00-24:00``, ``每天``."""

from __future__ import annotations

from roster_tui.domain.availability import AvailabilityError, canonical_window
from roster_tui.i18n import t

WHOLE_DAY = "00:00-24:00"


def window_label(window: str) -> str:
    """One stored window in the current language; one that does not parse is shown as stored."""
    try:
        days, _, times = canonical_window(window).partition(" ")
    except AvailabilityError:
        return window
    label = _days_label(days)
    return label if times == WHOLE_DAY else f"{label} {times}"


def _days_label(days: str) -> str:
    if days == "daily":
        return t("safety.days.daily")
    if days == "sat,sun":
        return t("safety.days.weekend")
    parts = []
    for part in days.split(","):
        first, dash, last = part.partition("-")
        if dash:
            first_label, last_label = t(f"safety.day.{first}"), t(f"safety.day.{last}")
            parts.append(t("safety.days.range", first=first_label, last=last_label))
        else:
            parts.append(t(f"safety.day.{part}"))
    return t("safety.days.separator").join(parts)

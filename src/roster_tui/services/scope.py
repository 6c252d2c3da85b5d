"""The scope every screen shows: the whole sub-district (全街道) or one community.

One choice for the whole app, remembered per operator in their preferences: the Today screen,
the week grid, the gaps, people, households and the export dialog all follow it, so their
lists and counts agree. ``None`` is the whole sub-district.
"""

from __future__ import annotations

from roster_tui.domain.model import Roster
from roster_tui.services.preferences import Preferences

SCOPE_PREFERENCE = "scope"
# Before the scope was app-wide, only the Today screen remembered a community, under this key.
OLD_TODAY_PREFERENCE = "today.community"
WHOLE = ""  # how the whole sub-district is written in the preferences file


def remembered_scope(preferences: Preferences) -> str | None:
    """The scope this operator chose last time (a community id), or None for the whole."""
    value = preferences.get(SCOPE_PREFERENCE)
    if value is None:
        value = preferences.get(OLD_TODAY_PREFERENCE)
    return value or None


def remember_scope(preferences: Preferences, scope: str | None) -> None:
    preferences.set(SCOPE_PREFERENCE, scope or WHOLE)


def resolve_scope(roster: Roster, wanted: str | None) -> str | None:
    """``wanted`` while that community exists; otherwise the whole sub-district."""
    if wanted is not None and any(c.id == wanted for c in roster.communities):
        return wanted
    return None

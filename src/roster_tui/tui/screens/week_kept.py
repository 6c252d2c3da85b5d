"""The last weeks the grid drew, kept to be shown again at once while their roster stays.

``]`` then ``[`` comes back to a week that is still right: same roster, scope, filter, widths,
language and day. A new roster makes every kept week stale; edits within a week are drawn
through the gap tracker instead (services/week_live.py).
"""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.i18n import current_language
from roster_tui.tui.screens.week_edits import WeekData
from roster_tui.tui.widgets.week_cells import GridLayout

Key = tuple[object, ...]


class KeptWeeks:
    def __init__(self, keep: int) -> None:
        self._keep = keep
        self._weeks: dict[Key, WeekData] = {}  # the most recently drawn last

    @staticmethod
    def _key(
        week: Week, scope: str | None, query: str, layout: GridLayout | None, today: dt.date
    ) -> Key:
        """All a drawn week depends on besides its roster."""
        return (week, scope, query, layout, current_language(), today)

    def get(
        self,
        roster: Roster,
        week: Week,
        scope: str | None,
        query: str,
        layout: GridLayout,
        today: dt.date,
    ) -> WeekData | None:
        """The week as drawn for exactly this, if it is kept and of ``roster``."""
        kept = self._weeks.get(self._key(week, scope, query, layout, today))
        return kept if kept is not None and kept.roster is roster else None

    def add(self, data: WeekData, today: dt.date) -> None:
        """Keep ``data``; weeks of another roster and the oldest beyond the limit go."""
        kept = {
            key: other
            for key, other in self._weeks.items()
            if other.roster is data.roster and other.week != data.week
        }
        kept[self._key(data.week, data.scope, data.query, data.layout, today)] = data
        self._weeks = dict(list(kept.items())[-self._keep :])  # replaced whole: workers read it

    def clear(self) -> None:
        self._weeks = {}

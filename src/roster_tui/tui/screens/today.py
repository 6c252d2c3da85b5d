"""The today screen (being built)."""

from __future__ import annotations

from roster_tui.tui.screens.base import RosterScreen


class TodayScreen(RosterScreen):
    MODE = "today"

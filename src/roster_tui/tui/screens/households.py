"""The households screen (being built)."""

from __future__ import annotations

from roster_tui.tui.screens.base import RosterScreen


class HouseholdsScreen(RosterScreen):
    MODE = "households"

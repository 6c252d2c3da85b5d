"""Messages the app posts to its screens ("attributes down, messages up")."""

from __future__ import annotations

from textual.message import Message

from roster_tui.domain.model import Roster


class RosterChanged(Message):
    """The roster the screens show has changed (a reload, our own edit, or someone else's)."""

    def __init__(self, roster: Roster, *, external: bool) -> None:
        super().__init__()
        self.roster = roster
        self.external = external


class ScopeChanged(Message):
    """The operator chose another scope (全街道 or a community): every screen follows it."""

"""What every main screen shares: the mode bar, the footer, and following the roster."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker

from roster_tui.domain.model import Roster
from roster_tui.tui.messages import RosterChanged
from roster_tui.tui.screens.too_small import TerminalResized
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.mode_bar import ModeBar
from roster_tui.tui.worker_errors import report_worker_error

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp


class RosterScreen(Screen[None]):
    """A main screen (one per mode). Subclasses build ``compose_body`` and ``show_roster``."""

    MODE: str = ""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._shown: Roster | None = None

    @property
    def roster_app(self) -> RosterApp:
        return cast("RosterApp", self.app)

    def compose(self) -> ComposeResult:
        yield ModeBar(self.MODE)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self._follow(self.roster_app.roster)

    def on_resize(self) -> None:
        self.app.post_message(TerminalResized())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)

    def on_screen_resume(self) -> None:
        self._follow(self.roster_app.roster)

    def on_roster_changed(self, message: RosterChanged) -> None:
        self._follow(message.roster)

    def _follow(self, roster: Roster | None) -> None:
        if roster is not None and roster is not self._shown and self.is_mounted:
            self._shown = roster
            self.show_roster(roster)

    def refresh_roster(self) -> None:
        """Show the current roster again (after a filter or week change, say)."""
        if self._shown is not None:
            self.show_roster(self._shown)

    def show_roster(self, roster: Roster) -> None:
        """Render ``roster``; heavy work belongs in a worker."""

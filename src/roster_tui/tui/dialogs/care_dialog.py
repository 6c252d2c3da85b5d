"""What the care loop's table dialogs share (today's round, the requests board): they show one
scope of the roster, follow its changes in place, undo the last change and close with Esc."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import ModalScreen

from roster_tui.domain.model import Roster
from roster_tui.tui.messages import RosterChanged
from roster_tui.tui.translate import translate_bindings

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp


class CareDialog(ModalScreen[None]):
    BINDINGS = [
        # The app's own undo does not reach through a modal; the dialog undoes the last change.
        Binding("ctrl+z", "undo", "tui.key.undo"),
        Binding("escape", "close", "tui.key.close"),
    ]

    def __init__(
        self, roster: Roster, fixed_today: dt.date | None, community: str | None = None
    ) -> None:
        """``community``: the scope's (None: the whole sub-district)."""
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.fixed_today = fixed_today
        self.community = community

    @property
    def _app(self) -> RosterApp:
        return cast("RosterApp", self.app)

    def show(self, roster: Roster) -> None:
        """Show ``roster``, keeping the cursor where it was."""
        raise NotImplementedError

    def on_roster_changed(self, message: RosterChanged) -> None:
        self.roster = message.roster
        self.show(message.roster)

    def action_undo(self) -> None:
        self._app.action_undo()

    def action_close(self) -> None:
        self.dismiss(None)

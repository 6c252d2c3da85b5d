"""What every main screen shares: the mode bar, the footer, following the roster and the scope.

A screen shows one roster in one scope (the app's). It catches up when either changes: at
once when it is showing, else when it is shown again, so no screen is ever left stale.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker

from roster_tui.domain.model import Roster
from roster_tui.i18n import current_language
from roster_tui.tui.messages import RosterChanged, ScopeChanged
from roster_tui.tui.screens.too_small import TerminalResized
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.mode_bar import ModeBar
from roster_tui.tui.widgets.steady_footer import SteadyFooter
from roster_tui.tui.worker_errors import report_worker_error

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp


class RosterScreen(Screen[None]):
    """A main screen (one per mode). Subclasses build ``compose_body`` and ``show_roster``."""

    MODE: str = ""
    # As in lazygit and htop; an input box takes the q as a letter, so typing is safe. Dialogs
    # do not have it: there q would quit from inside a question.
    BINDINGS = [Binding("q", "app.quit", "tui.key.quit", show=False)]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._language = current_language()  # the language its widgets were built in
        self._shown: Roster | None = None
        self._shown_scope: str | None = None  # the app's scope when ``_shown`` was shown
        self._suspended = False  # whether it has been away (another screen shown over it)

    @property
    def roster_app(self) -> RosterApp:
        return cast("RosterApp", self.app)

    def compose(self) -> ComposeResult:
        self._language = current_language()
        yield ModeBar(self.MODE)
        yield from self.compose_body()
        yield SteadyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self._follow(self.roster_app.roster)

    def on_resize(self) -> None:
        self.app.post_message(TerminalResized())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)

    async def on_screen_resume(self, event: events.ScreenResume) -> None:
        # (Called before Textual's own handler of the event.) A screen that has never been
        # away was styled as its widgets mounted, a moment ago: Textual would style every one
        # of them again, at start-up and at each mode's first visit (twice there).
        if not self._suspended:
            event.refresh_styles = False
        if self._language != current_language():  # switched while another screen was shown
            translate_bindings(self)
            await self.recompose()
        self._follow(self.roster_app.roster)

    def on_screen_suspend(self) -> None:
        self._suspended = True

    async def recompose(self) -> None:
        """Rebuilt (in another language, say): the new widgets start empty, fill them again."""
        await super().recompose()
        self._focus_first()
        self._shown = None
        self._follow(self.roster_app.roster)

    def _focus_first(self) -> None:
        """The focused widget went with the old ones: focus what the screen opens on, as when
        it was first shown, so Enter still acts on the list's row."""
        if self.focused is not None or not self.AUTO_FOCUS:
            return
        for widget in self.query(self.AUTO_FOCUS):
            if widget.focusable:
                self.set_focus(widget)
                return

    def on_roster_changed(self, message: RosterChanged) -> None:
        self._follow(message.roster)

    def on_scope_changed(self, _: ScopeChanged) -> None:
        self._follow(self.roster_app.roster)

    @property
    def scope(self) -> str | None:
        """The community shown, or None for the whole sub-district (the app's choice)."""
        return self.roster_app.scope

    def _follow(self, roster: Roster | None) -> None:
        if roster is None or not self.is_mounted:
            return
        scope = self.scope
        if roster is self._shown and scope == self._shown_scope:
            return
        names = {c.id: c.name for c in roster.communities}
        self.query_one(ModeBar).show_scope(names.get(scope) if scope else None)
        self._shown, self._shown_scope = roster, scope
        self.show_roster(roster)

    def refresh_roster(self) -> None:
        """Show the current roster again (after a filter or week change, say)."""
        if self._shown is not None:
            self.show_roster(self._shown)

    def show_roster(self, roster: Roster) -> None:
        """Render ``roster``; heavy work belongs in a worker."""

    def _compositor_refresh(self) -> None:
        """Draw the screen's changes, unless the app is holding its updates back.

        While Textual starts, it holds updates back (a batch) until it is ready, and our first
        screen is laid out inside it: Textual then worked out the whole first frame, dropped
        it unwritten, and drew it all again once ready. Left undrawn, the changes stay marked
        and are drawn once, when the batch ends.
        """
        if self.app._batch_count:
            return
        super()._compositor_refresh()

"""The roster-tui application: wiring of screens, data loading and edits.

The app owns the one :class:`Workspace` and the roster every screen shows. All database and
engine work runs in thread workers; results come back with ``call_from_thread`` and are handed
down to screens as :class:`RosterChanged` messages.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
from collections.abc import Callable
from typing import cast

import pendulum
from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker

from roster_tui.domain.changes import AuditEntry
from roster_tui.domain.clock import today_in
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import current_language, set_language, t
from roster_tui.services.operator import OperatorAtTerminal, split_operator
from roster_tui.services.overview import RangeGaps
from roster_tui.services.preferences import Preferences
from roster_tui.services.scope import remember_scope, remembered_scope, resolve_scope
from roster_tui.services.snapshot import apply_changes
from roster_tui.services.today import Startup, TodayView
from roster_tui.services.workspace import (
    ConflictError,
    DatabaseLocked,
    NothingToUndo,
    StoreError,
    Workspace,
)
from roster_tui.tui.first_visit import FirstVisitApp
from roster_tui.tui.messages import RosterChanged, ScopeChanged
from roster_tui.tui.screens.too_small import TerminalResized, TooSmallScreen
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.worker_errors import report_worker_error


def _lazy_screen(module: str, name: str) -> Callable[[], Screen[None]]:
    """A mode's screen, imported when the mode is first opened: start-up pays for one screen."""

    def build() -> Screen[None]:
        screen_class = getattr(importlib.import_module(f"roster_tui.tui.screens.{module}"), name)
        return cast("Screen[None]", screen_class())

    return build


def _roster_commands() -> type[Provider]:
    """The command palette's commands, imported when the palette first opens."""
    from roster_tui.tui.commands import RosterCommands

    return RosterCommands


MODE_SCREENS: dict[str, Callable[[], Screen[None]]] = {
    "today": _lazy_screen("today", "TodayScreen"),
    "week": _lazy_screen("week", "WeekScreen"),
    "gaps": _lazy_screen("gaps", "GapsScreen"),
    "people": _lazy_screen("people", "PeopleScreen"),
    "places": _lazy_screen("places", "PlacesScreen"),
    "households": _lazy_screen("households", "HouseholdsScreen"),
    "history": _lazy_screen("history", "HistoryScreen"),
}
MIN_WIDTH, MIN_HEIGHT = 80, 24
WHOLE_CHOICE = "\x00whole"  # the scope chooser's value for 全街道: no id holds a control char


class RosterApp(FirstVisitApp):
    CSS_PATH = "app.tcss"
    MODES = MODE_SCREENS  # type: ignore[assignment]
    # The mode keys are on the mode bar already; the footer keeps its room for the screen's own.
    BINDINGS = [
        Binding("1", "switch_mode('today')", "tui.mode.today", show=False),
        Binding("2", "switch_mode('week')", "tui.mode.week", show=False),
        Binding("3", "switch_mode('gaps')", "tui.mode.gaps", show=False),
        Binding("4", "switch_mode('people')", "tui.mode.people", show=False),
        Binding("5", "switch_mode('places')", "tui.mode.places", show=False),
        Binding("6", "switch_mode('households')", "tui.mode.households", show=False),
        Binding("7", "switch_mode('history')", "tui.mode.history", show=False),
        Binding("e", "export", "tui.export.open"),
        Binding("g", "choose_scope", "tui.key.scope"),
        Binding("f1,question_mark", "help", "tui.key.help"),
        Binding("ctrl+z", "undo", "tui.key.undo"),
        Binding("f10", "toggle_language", "tui.key.language", show=False),
        Binding("ctrl+q", "quit", "tui.key.quit", show=False),  # and q; F1 lists both
        # Declared here, so translating the bindings keeps it (Textual adds its own otherwise).
        Binding("ctrl+p", "command_palette", "tui.key.palette", show=False, priority=True),
    ]
    COMMANDS = {_roster_commands}
    # Textual opens this mode first: no default screen is built, styled and switched away from.
    DEFAULT_MODE = "today"

    def __init__(
        self,
        workspace: Workspace,
        *,
        today: dt.date | None = None,
        poll_seconds: float = 1.0,
        preloaded: Startup | None = None,
        preferences: Preferences | None = None,
        terminal: str | None = None,
    ) -> None:
        """``preloaded``: the roster, its data version and the today screen's figures, read
        before the app started, so the first frame is drawn with data instead of waiting for
        workers to load and compute it."""
        super().__init__()
        translate_bindings(self)
        self.workspace = workspace
        self.roster: Roster | None = None
        self._fixed_today = today
        self._poll_seconds = poll_seconds
        self._seen_version: int | None = None
        self._today_view: TodayView | None = None
        # This week's gap tracker: the today screen keeps it current, the week grid starts
        # from a copy of it. At start-up it is the one the first screen was worked out with.
        self.this_week_gaps = preloaded.today.week_gaps if preloaded else RangeGaps(today)
        # In memory unless the caller passes the user's own (the CLI does; tests do not).
        self.preferences = preferences or Preferences(None)
        # Who works at this terminal: undo and the history follow them, not the login alone.
        login = split_operator(workspace.user)[0]
        self.operator = OperatorAtTerminal(self.preferences, login, terminal)
        workspace.user = self.operator.name()
        self._operator_asked = False
        # The community every screen shows (None: the whole sub-district), this operator's last
        # choice; checked against the roster once it is read.
        self.scope: str | None = remembered_scope(self.preferences)
        if preloaded is not None:
            # Here, not on mount: the first mode's screen is mounted first, and shows it.
            self.roster, self._seen_version = preloaded.roster, preloaded.version
            self._today_view = preloaded.today  # used only if it is of the operator's scope
            self.scope = resolve_scope(preloaded.roster, self.scope)

    # -- start-up --------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.title = t("tui.title")
        if self.roster is None:
            self.load_roster()
        if self.roster is not None:
            self.call_later(self._ask_operator)
            self.call_after_refresh(self._read_ahead, self.roster)
        self.set_interval(self._poll_seconds, self.poll_for_changes)
        self._check_size()

    @property
    def fixed_today(self) -> dt.date | None:
        """The date tests and benchmarks freeze the app at, or None for the real clock."""
        return self._fixed_today

    def today(self) -> dt.date:
        if self._fixed_today is not None:
            return self._fixed_today
        zone = self.roster.subdistrict.timezone if self.roster else "Asia/Shanghai"
        return today_in(zone)

    def now(self) -> dt.datetime:
        """The present in the sub-district's zone; noon of the frozen day in tests."""
        zone = self.roster.subdistrict.timezone if self.roster else "Asia/Shanghai"
        if self._fixed_today is not None:
            return pendulum.datetime(*self._fixed_today.timetuple()[:3], 12, tz=zone)
        return pendulum.now(zone)

    def take_today_view(self, roster: Roster, community: str | None) -> TodayView | None:
        """The today figures read at start-up, once, if they are of this roster and community."""
        view, self._today_view = self._today_view, None
        if view is not None and view.roster is roster and view.community == community:
            return view
        return None

    # -- loading and watching for other people's changes ----------------------------------
    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_roster(self, external: bool = False) -> None:
        try:
            version = self.workspace.data_version()
            roster = self.workspace.load()
        except StoreError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=6)
            return
        self.call_from_thread(self._set_roster, roster, version, external)
        self.call_from_thread(self._read_ahead, roster)

    @work(thread=True, exclusive=True, group="read-ahead", exit_on_error=False)
    def _read_ahead(self, roster: Roster) -> None:
        """After a roster is read, while the screen shows it: what a first visit to People or
        a person picker would wait for, the search's pinyin of every name (its dictionaries
        alone take a third of a second to load), the holiday calendar the picker's ranking
        reads, and the code of the other screens and their dialogs. Then the heap is frozen
        for the cycle collector, as at start-up: the roster and those dictionaries live until
        the next read and hold no cycles, and each full collection walking them cost a first
        visit to a screen a tenth to half a second on the large sub-district."""
        from roster_tui.services.candidates import prepare_ranking
        from roster_tui.services.people import search_people

        search_people(roster, "")
        prepare_ranking(self.today())
        for mode in MODE_SCREENS:
            importlib.import_module(f"roster_tui.tui.screens.{mode}")
        gc.freeze()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def poll_for_changes(self) -> None:
        try:
            version = self.workspace.data_version()
        except StoreError:
            return  # a busy database: try again at the next tick
        if self._seen_version is not None and version != self._seen_version:
            self.call_from_thread(self.load_roster, True)

    def _ask_operator(self) -> None:
        """On a shared login, once: who from the roster is working at this terminal."""
        if self._operator_asked or self.roster is None or not self.operator.should_ask():
            return
        self._operator_asked = True
        from roster_tui.tui.dialogs.person_picker import PersonPicker  # a shared login only

        roster = self.roster

        def chosen(person_id: str | None) -> None:
            person = roster.index.people.get(person_id) if person_id else None
            if person is not None:
                self.workspace.user = self.operator.choose(person.id)
                self.notify(t("safety.operator.now", person=printable(person.name)), timeout=4)

        self.push_screen(PersonPicker(t("safety.operator.ask"), self.roster), chosen)

    def _set_roster(self, roster: Roster, version: int | None, external: bool) -> None:
        self.roster = roster
        self.call_later(self._ask_operator)
        self.scope = resolve_scope(roster, self.scope)  # a community since removed: the whole
        if version is not None:
            self._seen_version = version
        if external:
            self.notify(t("tui.reloaded"), timeout=3)
        for screen in self.screen_stack:
            screen.post_message(RosterChanged(roster, external=external))

    # -- edits ------------------------------------------------------------------------------
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast whose text is shown as written: toasts carry names, and names are data."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def edit(
        self,
        action: Callable[[Workspace], AuditEntry | None],
        *,
        done: Callable[[AuditEntry], str] | None = None,
    ) -> None:
        """Run one user action in a worker; on success lay its changes over the roster."""
        self._run_edit(action, done)

    @work(thread=True, group="edit", exit_on_error=False)
    def _run_edit(
        self,
        action: Callable[[Workspace], AuditEntry | None],
        done: Callable[[AuditEntry], str] | None,
    ) -> None:
        try:
            before = self.workspace.data_version()
            entry = action(self.workspace)
            after = self.workspace.data_version()
        except ConflictError:
            self.call_from_thread(self.notify, t("tui.conflict"), severity="error", timeout=6)
            self.call_from_thread(self.load_roster, True)
            return
        except DatabaseLocked:
            self.call_from_thread(self.notify, t("tui.locked"), severity="warning", timeout=6)
            return
        except NothingToUndo:
            self.call_from_thread(self.notify, t("tui.nothing_to_undo"), timeout=3)
            return
        except StoreError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=6)
            return
        if entry is None:
            return
        self.call_from_thread(self._edit_done, entry, before, after, done)

    def _edit_done(
        self,
        entry: AuditEntry,
        before: int,
        after: int,
        done: Callable[[AuditEntry], str] | None,
    ) -> None:
        if self.roster is None:
            return
        try:
            roster = apply_changes(self.roster, entry.changes)
        except ValueError:  # what we held was already stale: take the database's word
            self.load_roster(True)
            self.notify(done(entry) if done else entry.summary, timeout=3)
            return
        # The revision counter moves by one per committed write: if it moved by exactly one
        # since the roster we hold, the write was ours and no reload is needed.
        only_ours = self._seen_version == before and after == before + 1
        self._set_roster(roster, after if only_ours else None, external=False)
        if not only_ours:
            self.load_roster(True)
        self.notify(done(entry) if done else entry.summary, timeout=3)

    def action_undo(self) -> None:
        self.edit(lambda ws: ws.undo())  # the undo entry's own summary reads "撤销：…"

    # -- chrome -----------------------------------------------------------------------------
    def action_help(self) -> None:
        from roster_tui.tui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_export(self) -> None:
        if self.roster is None:
            return
        from roster_tui.tui.dialogs.export_dialog import ExportDialog

        # The week on screen (the week grid's or the gaps list's), else this week.
        shown: Week | None = getattr(self.screen, "week", None)
        week = shown if isinstance(shown, Week) else Week.of(self.today())
        self.push_screen(ExportDialog(self.roster, week, self.scope, self.today()))

    def action_choose_scope(self) -> None:
        if self.roster is None:
            return
        from roster_tui.tui.dialogs.gap_choice import ChoiceModal

        choices = [(t("tui.scope.whole"), WHOLE_CHOICE)]
        choices += [(printable(c.name), c.id) for c in self.roster.communities]
        current = self.scope or WHOLE_CHOICE
        modal = ChoiceModal(t("tui.scope.choose"), choices, current)
        self.push_screen(modal, self._scope_chosen)

    def _scope_chosen(self, value: str | None) -> None:
        if value is not None:
            self.set_scope(None if value == WHOLE_CHOICE else value)

    def set_scope(self, scope: str | None) -> None:
        """Show ``scope`` (a community id, None: the whole) on every screen, and remember it."""
        if scope == self.scope:
            return
        self.scope = scope
        remember_scope(self.preferences, scope)
        # The screens of the other modes are not on this stack: they catch up when shown.
        for screen in self.screen_stack:
            screen.post_message(ScopeChanged())

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(CommandPalette(placeholder=t("tui.palette.placeholder")))

    def action_toggle_language(self) -> None:
        set_language("en" if current_language() == "zh" else "zh")
        translate_bindings(self)
        self.title = t("tui.title")
        for screen in self.screen_stack:
            translate_bindings(screen)
            self.call_later(screen.recompose)
        self.refresh_bindings()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Over SSH a blinking cursor repaints the line twice a second for nothing; every input
        # stops blinking when it takes focus, whoever built it.
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_worker_error(self, event)

    def on_terminal_resized(self, _: TerminalResized) -> None:
        self._check_size()

    def _check_size(self) -> None:
        small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif not small and showing:
            self.pop_screen()

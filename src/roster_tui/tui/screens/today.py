"""首页: for the scope (one community or 全街道), who is on duty now, the next handover,
this week's gaps, households."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, OptionList, Static
from textual.worker import get_current_worker

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.i18n import t
from roster_tui.services.care_views import CareAlerts, care_alerts
from roster_tui.services.today import (
    DutyView,
    duty_view,
    moment_of,
    scope_gaps,
    week_gap_counts,
)
from roster_tui.tui.screens.base import RosterScreen
from roster_tui.tui.widgets.today_panels import (
    DutyTable,
    GapCounts,
    HandoverLine,
    HouseholdLines,
    moment_text,
)

# Household line -> the households screen's (ending soon, without carer) filters.
HOUSEHOLD_FILTERS = {"active": (False, False), "ending": (True, False), "uncared": (False, True)}
# Without a fixed "today" the clock moves on: look again at who is on duty this often.
REFRESH_SECONDS = 60


class TodayScreen(RosterScreen):
    MODE = "today"
    CSS_PATH = "today.tcss"
    AUTO_FOCUS = "#today-duty"  # Enter, then c: the guard's phone in two keys
    # The scope is the app's (g on every screen); c still works here, where it was learnt
    # first, without a description: help and the palette name the scope key once, g.
    BINDINGS = [Binding("c", "app.choose_scope", show=False)]

    def __init__(self) -> None:
        super().__init__()
        # This week's gaps, kept current edit by edit (the app's: the grid starts from them).
        self._week_gaps = self.roster_app.this_week_gaps
        self._counted_scope: str | None = None  # the scope the gap counts shown are of

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="today-head"):
            yield Static(id="today-community")
            yield Static(id="today-clock")
        yield Static(t("tui.today.on_duty"), classes="title")
        yield DutyTable(id="today-duty")
        yield HandoverLine(id="today-handover")
        with Horizontal(id="today-bottom"):
            with Vertical(id="today-gaps-box"):
                yield Static(id="today-gaps-title", classes="title")
                yield GapCounts(id="today-gaps", compact=True)
            with Vertical(id="today-households-box"):
                yield Static(t("tui.today.households"), classes="title")
                yield HouseholdLines(id="today-households", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.set_interval(REFRESH_SECONDS, self._tick)

    # -- the clock ----------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.roster_app.fixed_today is None and self.is_current:
            self.refresh_roster()

    # -- following the roster -----------------------------------------------------------------
    @property
    def community(self) -> str | None:
        """The community shown (None: the whole sub-district): the app's scope."""
        return self.scope

    def show_roster(self, roster: Roster) -> None:
        self._show_scope(roster)
        # At start-up the figures were worked out before the UI started: show them at once.
        ready = self.roster_app.take_today_view(roster, self.community)
        moment = ready.moment if ready else moment_of(roster, self.roster_app.fixed_today)
        self.query_one("#today-clock", Static).update(moment_text(moment))
        week = Week.of(self.roster_app.today())
        self.query_one("#today-gaps-title", Static).update(t("tui.today.gaps", week=str(week)))
        if ready is not None:
            self._week_gaps, self._counted_scope = ready.week_gaps, ready.community
            self._show_duty(roster, ready.duty_view)
            self._show_gaps(ready.gap_counts)
            self._show_alerts(ready.alerts)
            return
        self._load_alerts(roster, self.community, moment)
        if self._counted_scope != self.community:
            self.query_one(GapCounts).clear_options()  # not the last scope's counts
            self._counted_scope = self.community
        self.query_one(GapCounts).show_checking()
        self._load_duty(roster, self.community, moment)
        self._load_gaps(roster, self.community, self.roster_app.today())

    def _show_scope(self, roster: Roster) -> None:
        names = {c.id: c.name for c in roster.communities}
        label = Text(t("tui.scope.label"), style="bold")
        label.append(" ")
        label.append(names.get(self.community or "", t("tui.scope.whole")))  # plain text
        label.append("  " + t("tui.today.change_hint"), style="dim")
        self.query_one("#today-community", Static).update(label)

    # -- workers ------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="today-duty", exit_on_error=False)
    def _load_duty(self, roster: Roster, community: str | None, moment: dt.datetime) -> None:
        view = duty_view(roster, community, moment)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_duty, roster, view)

    def _show_duty(self, roster: Roster, view: DutyView) -> None:
        if not self.is_mounted:
            return
        self.query_one(DutyTable).show(roster, view.duty, view.shared, self.community is None)
        self.query_one(HandoverLine).show(roster, view.duty, view.shared)
        self.query_one(HouseholdLines).show(view.households)

    @work(thread=True, exclusive=True, group="today-alerts", exit_on_error=False)
    def _load_alerts(self, roster: Roster, community: str | None, moment: dt.datetime) -> None:
        """The care loop's alerts (at start-up they are read ahead with the rest)."""
        alerts = care_alerts(roster, moment, community)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_alerts, alerts)

    def _show_alerts(self, alerts: CareAlerts) -> None:
        if self.is_mounted:
            self.query_one(HouseholdLines).show_alerts(alerts)

    @work(thread=True, exclusive=True, group="today-gaps", exit_on_error=False)
    def _load_gaps(self, roster: Roster, community: str | None, today: dt.date) -> None:
        counts = week_gap_counts(roster, community, self._week_gaps, today)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_gaps, counts)

    def _show_gaps(self, counts: list[tuple[GapKind, int]]) -> None:
        if self.is_mounted:
            self.query_one(GapCounts).show(counts)

    # -- actions ------------------------------------------------------------------------------
    @on(DataTable.RowSelected, "#today-duty")
    def _open_person(self, event: DataTable.RowSelected) -> None:
        # The dialogs are imported when first opened, not at start-up, like the other modes.
        from roster_tui.tui.dialogs.person_card import open_person_card

        roster = self._shown
        who = self.query_one(DutyTable).people_on.get(str(event.row_key.value), ())
        if roster is not None and who:
            open_person_card(self.roster_app, roster, who, Week.of(self.roster_app.today()))

    @on(OptionList.OptionSelected, "#today-gaps")
    def _open_gaps(self, event: OptionList.OptionSelected) -> None:
        counts = self.query_one(GapCounts).counts
        if not 0 <= event.option_index < len(counts) or self._shown is None:
            return
        kind, count = counts[event.option_index]
        if count == 1:  # one gap of the kind: straight to its fix
            self._fix_the_one(self._shown, kind, self.community, self.roster_app.today())
            return
        # Imported here, like every mode's screen: start-up pays for the today screen only.
        from roster_tui.tui.screens.gaps import GapsScreen

        self.app.switch_mode("gaps")
        screen = self.app.screen_stack[0]
        if isinstance(screen, GapsScreen):
            screen.show_kind(kind, community=self.community, day=self.roster_app.today())

    @work(thread=True, exclusive=True, group="today-fix", exit_on_error=False)
    def _fix_the_one(
        self, roster: Roster, kind: GapKind, community: str | None, today: dt.date
    ) -> None:
        gaps = scope_gaps(roster, community, self._week_gaps, today)
        gap = next((g for g in gaps if g.kind == kind), None)
        if gap is not None and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._go_fix, gap)

    def _go_fix(self, gap: Gap) -> None:
        from roster_tui.tui.gap_fix import go_fix  # as the gaps screen: not paid at start-up

        self.run_worker(go_fix(self.app, gap), group="today-fix")

    @on(OptionList.OptionSelected, "#today-households")
    async def _open_households(self, event: OptionList.OptionSelected) -> None:
        """An alert opens its household or request; the other lines open the households,
        filtered to the line chosen when that screen has the filter."""
        from roster_tui.tui.dialogs.care_gap import open_alert

        roster = self._shown
        if roster is not None and open_alert(self.roster_app, roster, event.option.id or ""):
            return
        await self.app.switch_mode("households")
        screen = self.app.screen_stack[0]
        soon, no_carer = HOUSEHOLD_FILTERS.get(event.option.id or "", (False, False))
        for name, wanted in (("soon", soon), ("no_carer", no_carer)):
            toggle = getattr(screen, f"action_toggle_{name}", None)
            if toggle is not None and getattr(screen, name, wanted) != wanted:
                toggle()

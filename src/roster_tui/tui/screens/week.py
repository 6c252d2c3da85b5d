"""排班表: the week roster, the heart of the app. Every hand edit becomes an override."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Static
from textual.worker import Worker, get_current_worker

from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.i18n import t
from roster_tui.services.assignments import InstanceKey
from roster_tui.services.gap_fixes import gap_key, gap_week
from roster_tui.services.overview import PlaceIndex, gaps_of_community
from roster_tui.services.week_filter import filter_rows, gaps_on_rows, rows_in_scope, why_empty
from roster_tui.services.week_grid import ShiftRow, build_rows, gaps_by_cell
from roster_tui.services.week_live import WeekGaps, WeekUpdate
from roster_tui.tui.screens.week_edits import WeekData, WeekEdits
from roster_tui.tui.screens.week_fix import open_fix
from roster_tui.tui.screens.week_kept import KeptWeeks
from roster_tui.tui.translate import WEEKS
from roster_tui.tui.widgets.grid_names import CellNames
from roster_tui.tui.widgets.week_cells import (
    DAY_COLUMNS,
    CellMemo,
    GridLayout,
    RenderedRow,
    render_rows,
    render_shift_row,
)
from roster_tui.tui.widgets.week_filter import FilterLine
from roster_tui.tui.widgets.week_status import cell_line, empty_line, week_title
from roster_tui.tui.widgets.week_table import WeekTable


class WeekScreen(WeekEdits):
    MODE = "week"
    CSS_PATH = "week.tcss"
    AUTO_FOCUS = "WeekTable"
    BINDINGS = [
        # In the footer's order: what fits at 80 columns first, the rest in F1 and Ctrl+P.
        Binding("a", "assign", "tui.week.assign"),
        Binding("d,delete", "remove", "tui.week.remove"),
        Binding("r", "replace", "tui.week.replace"),
        Binding("n", "next_gap", "tui.week.next_gap"),
        Binding(
            "left_square_bracket", "move_week(-1)", "tui.week.prev", key_display="[", group=WEEKS
        ),
        Binding(
            "right_square_bracket", "move_week(1)", "tui.week.next", key_display="]", group=WEEKS
        ),
        Binding("f", "fill", "tui.fill.action"),
        Binding("s", "swap", "tui.week.swap"),
        Binding("c", "copy_week", "tui.week.copy"),
        Binding("i", "person_card", "tui.card.open"),
        # The line above the grid says what / does.
        Binding("slash", "filter", "tui.week.filter", key_display="/", show=False),
        Binding("escape", "clear_filter", "tui.week.clear_filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.week: Week | None = None
        self.data: WeekData | None = None
        self._pending_focus: InstanceKey | None = None
        self._pending_fix: Gap | None = None  # a gap to open the fix of once its week shows
        self._drawn = CellMemo()  # cells drawn before, by what they show
        self._live: WeekGaps | None = None  # the weeks' gap trackers, made at the first roster
        self._kept = KeptWeeks(WeekGaps.KEEP)  # the last weeks shown, drawn
        self._asked = ""  # the filter the grid was last worked out for

    def compose_body(self) -> ComposeResult:
        yield Static(id="week-title")
        yield FilterLine(self._asked)
        yield WeekTable()
        pending = Static(id="week-pending")
        pending.display = False
        yield pending
        yield Static(id="cell-info")

    async def recompose(self) -> None:
        """Rebuilt in another language: the new table has no day columns until they are set."""
        self.data = None
        await super().recompose()

    def show_roster(self, roster: Roster) -> None:
        if self.week is None:
            self.week = Week.of(self.roster_app.today())
        query = self._asked = self.query_one(FilterLine).value
        layout = GridLayout.for_width(self.app.size.width)
        if self._live is None:
            this_week = self.roster_app.this_week_gaps
            self._live = WeekGaps(
                self.roster_app.fixed_today,
                seed=lambda roster, week: this_week.fork(roster, week.monday, week.sunday),
            )
        self.compute(roster, self.week, query, self.scope, layout)

    def on_resize(self) -> None:
        super().on_resize()
        layout = GridLayout.for_width(self.app.size.width)
        if self.data is not None and layout != self.query_one(WeekTable).grid_layout:
            self._lay_out(self.data, layout)  # the columns grow (or shrink) with the terminal

    # -- computing the week (worker) ----------------------------------------------------------
    @work(thread=True, exclusive=True, group="week", exit_on_error=False)
    def compute(
        self, roster: Roster, week: Week, query: str, scope: str | None, layout: GridLayout
    ) -> None:
        """The week's rows and gaps in ``scope`` (None: the whole sub-district)."""
        shown = self.data
        if (
            shown is not None
            and shown.roster is not roster
            and (shown.week, shown.scope, shown.query, shown.layout) == (week, scope, "", layout)
            and not query
        ):
            update = self._live.update(shown.roster, roster, week) if self._live else None
            if update is not None:  # an assign, remove or swap: only its rows are drawn again
                data = self._updated(shown, roster, update)
                self.app.call_from_thread(
                    self._show, data, data.rendered, layout, get_current_worker()
                )
                return
        kept = self._kept.get(roster, week, scope, query, layout, self.roster_app.today())
        if kept is not None:  # shown before: ] then [
            self.app.call_from_thread(self._show, kept, kept.rendered, layout, get_current_worker())
            return
        live = self._live or WeekGaps(self.roster_app.fixed_today)
        state = live.week(roster, week)  # the week's tracker, kept for its edits
        instances = state.instances
        gaps = gaps_of_community(state.gaps, PlaceIndex(roster), scope)
        scoped = rows_in_scope(build_rows(roster, week, instances), scope)
        rows = filter_rows(scoped, roster, query)
        cell_gaps = gaps_by_cell(gaps)
        people = roster.index.people
        names = CellNames(people)
        today = self.roster_app.today()
        rendered = render_rows(rows, roster, cell_gaps, layout, today, self._drawn, names)
        by_key = {(i.post.id, i.date, i.shift.name): i for i in instances}  # i.key, 6,300 times
        data = WeekData(roster, week, by_key, gaps, cell_gaps, rows, names, scope, query, layout)
        data.rendered = rendered
        data.empty = why_empty(scoped, rows)
        if query.strip():  # the title counts what the grid shows
            data.shown_gaps = len(gaps_on_rows(gaps, rows, by_key))
        self.app.call_from_thread(self._show, data, rendered, layout, get_current_worker())

    def forget_weeks(self) -> None:
        """Work every week out afresh from now on."""
        self._kept.clear()
        if self._live is not None:
            self._live.forget()

    def _updated(self, shown: WeekData, roster: Roster, update: WeekUpdate) -> WeekData:
        """``shown`` after an edit of a few instances: their rows, and the rows whose gap
        marks came or went, drawn again; the rest kept as they are."""
        instances = {**shown.instances, **update.instances}
        gaps = gaps_of_community(update.gaps, PlaceIndex(roster), shown.scope)
        cell_gaps = gaps_by_cell(gaps)
        before = shown.cell_gaps
        dirty = set(update.instances)
        dirty.update(
            k for k in before.keys() | cell_gaps.keys() if before.get(k) != cell_gaps.get(k)
        )
        dirty_rows = {(post, shift) for post, _, shift in dirty}
        rows, rendered = list(shown.rows), list(shown.rendered)
        where = {r.shift: i for i, r in enumerate(rendered) if r.shift is not None}
        layout = shown.layout or GridLayout.for_width(self.app.size.width)
        people, today = roster.index.people, self.roster_app.today()
        names = shown.names if shown.names.people is people else CellNames(people)
        drawn = self._drawn.cells_for(people, layout.day)
        for i, row in enumerate(rows):
            if not isinstance(row, ShiftRow):
                continue
            post, shift = row.post.id, row.shift.name
            if (post, shift) not in dirty_rows or (post, shift) not in where:
                continue
            cells = tuple(instances.get((post, day, shift)) for day in shown.week.days)
            rows[i] = row = replace(row, cells=cells)
            rendered[where[post, shift]] = render_shift_row(
                row, people, cell_gaps, layout, today, names, drawn
            )
        return WeekData(
            roster,
            shown.week,
            instances,
            gaps,
            cell_gaps,
            rows,
            names,
            shown.scope,
            shown.query,
            layout,
            rendered,
            shown.empty,
        )

    @work(thread=True, exclusive=True, group="week", exit_on_error=False)
    def _lay_out(self, data: WeekData, layout: GridLayout) -> None:
        """The week already worked out, drawn again for another width."""
        today = self.roster_app.today()
        rendered = render_rows(
            data.rows, data.roster, data.cell_gaps, layout, today, self._drawn, data.names
        )
        data = replace(data, layout=layout, rendered=rendered)
        self.app.call_from_thread(self._show, data, rendered, layout, get_current_worker())

    def _show(
        self, data: WeekData, rendered: list[RenderedRow], layout: GridLayout, by: Worker[None]
    ) -> None:
        if data.roster is not self._shown:
            return  # worked out for a roster since replaced: its own result is on its way
        # A later week, filter or scope cancels this worker, but its thread runs on all the same.
        asked = (self.week, self.query_one("#week-filter", Input).value, self.scope)
        if by.is_cancelled and (data.week, data.query, data.scope) != asked:
            return  # the grid asked for since is on its way
        table = self.query_one(WeekTable)
        new_week = self.data is None or self.data.week != data.week
        if new_week or table.grid_layout != layout:
            table.set_days(data.week, layout, self.roster_app.today())
        self.data = data
        self._kept.add(data, self.roster_app.today())
        table.show(rendered)
        if new_week and self._pending_focus is None:
            self._start_cursor(data)
        wanted = GridLayout.for_width(self.app.size.width)
        if wanted != layout:  # the terminal was resized while this week was worked out
            self._lay_out(data, wanted)
        filtered = data.shown_gaps is not None
        gaps = data.shown_gaps if data.shown_gaps is not None else len(data.gaps)
        self.query_one("#week-title", Static).update(week_title(data.week, gaps, filtered))
        key = self._pending_focus
        if key is not None and key[1] in data.week:
            self._pending_focus = None  # a week computed before the jump does not take it
            self.move_to(key)
        self._describe_cell()
        fix = self._pending_fix
        if fix is not None and gap_week(fix) in (None, data.week):
            self._pending_fix = None
            open_fix(self, fix)

    # -- where the cursor is ------------------------------------------------------------------
    def _start_cursor(self, data: WeekData) -> None:
        """A week opens on its first shift, in today's column when today is in it."""
        table = self.query_one(WeekTable)
        row = next((i for i in range(table.row_count) if table.shift_at(i) is not None), None)
        if row is not None:
            today = self.roster_app.today()
            column = 1 + (today.weekday() if today in data.week else 0)
            table.cursor_coordinate = Coordinate(row, column)

    def current_key(self) -> InstanceKey | None:
        table = self.query_one(WeekTable)
        if self.data is None or table.row_count == 0:
            return None
        coordinate = table.cursor_coordinate
        shift_row = table.shift_at(coordinate.row)
        if shift_row is None or not 1 <= coordinate.column <= len(DAY_COLUMNS):
            return None
        post, shift = shift_row
        return (post, self.data.week.days[coordinate.column - 1], shift)

    def current_instance(self) -> ShiftInstance | None:
        key = self.current_key()
        return self.data.instances.get(key) if key and self.data else None

    @on(DataTable.CellHighlighted)
    def _describe_cell(self) -> None:
        info = self.query_one("#cell-info", Static)
        instance, data = self.current_instance(), self.data
        if instance is None or data is None:
            if data is not None and data.empty is not None:  # the grid is empty: say why
                info.update(empty_line(data.empty, data.query, data.scope, data.roster))
            else:
                info.update(Text(t("tui.week.cell_hint")))
            return
        gaps = data.cell_gaps.get(instance.key, [])
        info.update(cell_line(instance, data.names, gaps, data.roster, info.content_size.width))

    def move_to(self, key: InstanceKey) -> bool:
        """The cursor onto ``key``'s cell; False when its row is not shown."""
        table = self.query_one(WeekTable)
        post, day, shift = key
        row = table.row_of(post, shift)
        if row is None:  # the row is filtered out or the post is gone
            return False
        table.cursor_coordinate = Coordinate(row, 1 + day.weekday())
        return True

    def focus_instance(self, post: str, date: dt.date, shift: str) -> None:
        """Put the cursor on one instance (used by the gaps screen's Enter)."""
        week = Week.of(date)
        self._pending_focus = (post, date, shift)
        if self.data is not None and self.data.week == week and self.move_to((post, date, shift)):
            self._pending_focus = None
            return
        self.week = week
        self.refresh_roster()

    def fix_gap(self, gap: Gap) -> None:
        """Open the fix of ``gap`` (handed over by the gaps list) once its week is shown.

        The grid shows the gap's shift even past a filter; a gap about a person's whole week
        narrows the grid to that person instead.
        """
        key = gap_key(gap)
        query = ""
        roster = self.roster_app.roster
        if key is None and gap.person is not None and roster is not None:
            person = roster.index.people.get(gap.person)
            query = person.name if person else ""
        box = self.query_one("#week-filter", Input)
        refilter = box.value != query
        box.value = query
        self.week = gap_week(gap) or self.week
        self._pending_fix, self._pending_focus = gap, key
        if refilter or self.data is None or self.data.week != self.week:
            self.refresh_roster()  # the cursor and the fix follow once the week is shown
            return
        self._pending_fix = self._pending_focus = None
        if key is None or self.move_to(key):
            open_fix(self, gap)

    # -- actions ------------------------------------------------------------------------------
    def action_move_week(self, step: int) -> None:
        if self.week is not None:
            self.week += step
            self.refresh_roster()

    def action_next_gap(self) -> None:
        if self.data is None:
            return
        table = self.query_one(WeekTable)
        here = table.cursor_coordinate
        cells = sorted(
            (r, c)
            for row in self.data.rows
            if isinstance(row, ShiftRow)
            and (r := table.row_of(row.post.id, row.shift.name)) is not None
            for c, instance in enumerate(row.cells)
            if instance is not None and self.data.cell_gaps.get(instance.key)
        )
        if not cells:
            self.notify(t("tui.week.no_gaps"))
            return
        after = [(r, c) for r, c in cells if (r, c + 1) > (here.row, here.column)]
        row, column = (after or cells)[0]
        table.cursor_coordinate = Coordinate(row, column + 1)

    def action_filter(self) -> None:
        self.query_one(FilterLine).edit()

    def action_clear_filter(self) -> None:
        if self._swap_from is not None:  # Esc first ends what is half done
            self._set_swap(None)
            self.notify(t("safety.swap.cancelled"))
            return
        box = self.query_one("#week-filter", Input)
        if box.value:
            box.value = ""
            self.refresh_roster()
        self.query_one(WeekTable).focus()

    @on(Input.Submitted, "#week-filter")
    def _filter_done(self) -> None:
        self.query_one(WeekTable).focus()  # leaving the box applies the filter

    @on(Input.Blurred, "#week-filter")
    def _filter_left(self) -> None:
        if self.query_one(FilterLine).value != self._asked:  # Enter, or a click on the grid
            self.refresh_roster()

    @on(DataTable.CellSelected)
    def _cell_selected(self) -> None:
        instance, data = self.current_instance(), self.data
        staffed = instance is not None and data is not None and not data.cell_gaps.get(instance.key)
        if staffed and instance is not None and instance.assigned:
            self.action_person_card()  # staffed as it should be: Enter shows who is there
            return
        self.action_assign()

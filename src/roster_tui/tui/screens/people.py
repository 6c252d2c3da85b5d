"""People (人员): find anyone fast, keep their details, leave and activity, see their week.

The list on the left follows the search box (name, pinyin initials, full pinyin, phone tail);
the panel on the right shows the highlighted person's current ISO week. The week's shifts and
gaps are worked out once per roster in a thread, then read per person from an index.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Input, Static

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Leave, Person, Roster
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import t
from roster_tui.services.impact import PREVIEW_DAYS, person_lines
from roster_tui.services.past import deactivated
from roster_tui.services.people import (
    PersonWeek,
    leaves_of,
    next_id,
    person_week,
    search_people,
)
from roster_tui.tui.dialogs.leave_form import LeaveForm
from roster_tui.tui.dialogs.leave_list import LeaveList
from roster_tui.tui.dialogs.person_card import open_person_card
from roster_tui.tui.dialogs.person_form import PersonForm
from roster_tui.tui.dialogs.preview import ask_with_preview
from roster_tui.tui.screens.base import RosterScreen
from roster_tui.tui.widgets.page_table import Cell, PageTable, text_widths
from roster_tui.tui.widgets.person_label import person_label
from roster_tui.tui.widgets.person_week import PersonWeekView, warm

MAX_ROWS = 500  # more is not read but scrolled past, and each row costs the first visit time
COLUMNS = ("name", "community", "tail", "status")


def on_leave_today(roster: Roster, today: dt.date) -> set[str]:
    start = dt.datetime.combine(today, dt.time())
    end = start + dt.timedelta(days=1)
    return {lv.person for lv in roster.leaves if lv.start < end and start < lv.end}


class PeopleScreen(RosterScreen):
    MODE = "people"
    CSS_PATH = "people.tcss"
    AUTO_FOCUS = "#people-table"  # letters are keys here; / moves into the search box
    BINDINGS = [
        Binding("slash", "search", "tui.people.key.search"),
        Binding("n", "add", "tui.people.key.add"),
        Binding("m", "edit", "tui.people.key.edit"),  # e is the app's export
        Binding("d", "toggle_active", "tui.people.key.toggle_active"),
        Binding("l", "add_leave", "tui.people.key.leave"),
        Binding("v", "leaves", "tui.people.key.leaves"),
        Binding("i", "person_card", "tui.card.open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[str, tuple[Cell, ...]] = {}  # person id -> cells shown, for diffing
        self._week: PersonWeek | None = None  # the last week worked out
        self._week_roster: Roster | None = None  # the roster it was worked out on
        self._want: str | None = None  # a person to highlight once the list shows them
        self._asked: tuple[Roster, Person] | None = None  # the week being worked out
        # What the panel shows: the week, person, roster and day it was drawn from.
        self._drawn: tuple[PersonWeek | None, Person | None, Roster, dt.date] | None = None
        self.search_text = ""  # what the search box holds (kept when the screen is rebuilt)

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="people-main"):
            with Vertical(id="people-left"):
                search = Input(
                    self.search_text,
                    placeholder=t("tui.people.search_hint"),
                    compact=True,
                    id="people-search",
                )
                search.cursor_blink = False  # no blinking cursor over SSH
                yield search
                yield Static("", id="people-count", classes="hint")
                table = PageTable(cursor_type="row", zebra_stripes=True, id="people-table")
                for column in COLUMNS:
                    table.add_column(t(f"tui.people.col.{column}"), key=column)
                yield table
            with VerticalScroll(id="people-detail"):
                yield PersonWeekView(id="person-week")

    async def recompose(self) -> None:
        """After a language switch the new widgets start empty: fill them again."""
        self._rows = {}
        self._drawn = None
        await super().recompose()

    # -- what other screens call ----------------------------------------------------------
    def focus_person(self, person_id: str) -> None:
        """Highlight ``person_id`` and show their week; a search that hides them is cleared."""
        self._want = person_id
        if person_id not in self._rows and self.search_text:
            self.search_text = ""
            self.query_one("#people-search", Input).value = ""
        self.query_one("#people-table", DataTable).focus()
        self.refresh_roster()

    # -- following the roster ---------------------------------------------------------------
    def show_roster(self, roster: Roster) -> None:
        self._search(roster, self.search_text)
        self._show_detail()

    @on(Input.Changed, "#people-search")
    def _query_changed(self, event: Input.Changed) -> None:
        self.search_text = event.value
        if self._shown is not None:
            self._search(self._shown, self.search_text)

    @on(Input.Submitted, "#people-search")
    def _query_done(self) -> None:
        self.query_one("#people-table", DataTable).focus()

    @work(thread=True, exclusive=True, group="people-search", exit_on_error=False)
    def _search(self, roster: Roster, query: str) -> None:
        scope = self.scope
        found = [p for p in search_people(roster, query) if scope is None or p.community == scope]
        communities = {c.id: c.name for c in roster.communities}
        away = on_leave_today(roster, self.roster_app.today())
        rows = {p.id: self._cells(p, communities, away) for p in found[:MAX_ROWS]}
        widths = text_widths(rows, len(COLUMNS))
        self.app.call_from_thread(self._fill, roster, len(found), rows, widths)

    @staticmethod
    def _cells(person: Person, communities: dict[str, str], away: set[str]) -> tuple[Cell, ...]:
        """A person's cells (names are data, not markup); the status in red."""
        if not person.active:
            status = t("tui.people.inactive")
        elif person.id in away:
            status = t("tui.people.on_leave")
        else:
            status = ""
        community = printable(communities.get(person.community, person.community))
        return (
            Cell(printable(person.name)),
            Cell(community),
            Cell(phone_tail(person.phone)),
            Cell(status, "bold red") if status else Cell(status),
        )

    def _fill(
        self, roster: Roster, found: int, rows: dict[str, tuple[Cell, ...]], widths: list[int]
    ) -> None:
        if roster is not self._shown:
            return  # a newer roster is on its way
        table = self.query_one("#people-table", PageTable)
        communities = {c.id: c.name for c in roster.communities}
        current = self._highlighted_id()
        with self.app.batch_update():
            if list(rows) == list(self._rows):
                # The same people in the same order: update only the cells that changed.
                for pid, cells in rows.items():
                    for index, (old, new) in enumerate(zip(self._rows[pid], cells, strict=True)):
                        if old != new:
                            table.update_cell(pid, COLUMNS[index], new)
            else:
                table.fill(rows, widths)
            self._rows = rows
        target = self._want if self._want in rows else current
        if target in rows:
            table.move_cursor(row=table.get_row_index(target), scroll=True)
            if target == self._want:
                self._want = None
        total = len(roster.people)
        key = "tui.people.count_capped" if found > MAX_ROWS else "tui.people.count"
        count = t(key, found=found, total=total, shown=len(rows))
        if self.scope is not None:  # the scope hides people: say so
            only = t("tui.scope.only", scope=printable(communities.get(self.scope, "")))
            count = f"{only} | {count}"
        self.query_one("#people-count", Static).update(Text(count))
        self._show_detail()

    # -- the detail panel -------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="people-week", exit_on_error=False)
    def _work_out_week(self, roster: Roster, person: Person, shown: Week) -> None:
        week = person_week(roster, person, shown, self.roster_app.today())
        warm(roster, self.roster_app.today())
        self.app.call_from_thread(self._week_ready, roster, week)

    def _week_ready(self, roster: Roster, week: PersonWeek) -> None:
        if roster is self._shown:
            self._week, self._week_roster = week, roster
            self._show_detail()

    @on(DataTable.RowSelected, "#people-table")
    def _row_chosen(self) -> None:
        self.action_edit()

    @on(DataTable.RowHighlighted, "#people-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def _highlighted_id(self) -> str | None:
        table = self.query_one("#people-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def action_person_card(self) -> None:
        person, roster = self.selected(), self._shown
        if person is not None and roster is not None:
            week = Week.of(self.roster_app.today())
            open_person_card(self.roster_app, roster, [person.id], week)

    def selected(self) -> Person | None:
        pid = self._highlighted_id()
        roster = self._shown
        if pid is None or roster is None:
            return None
        return roster.index.people.get(pid)

    def _show_detail(self) -> None:
        roster = self._shown
        view = self.query_one("#person-week", PersonWeekView)
        if roster is None:
            return
        person = self.selected()
        today = self.roster_app.today()
        week = self._week
        if person is None or week is None or week.person.id != person.id:
            week = None
        fresh = week is not None and self._week_roster is roster and week.person is person
        if person is not None and not fresh and self._asked != (roster, person):
            # Until it is worked out (milliseconds), the same person's last week stands in
            # rather than blanking the panel after every edit. Asked once: the table's own
            # highlight after a fill asks again for the same person.
            self._asked = (roster, person)
            self._work_out_week(roster, person, Week.of(today))
        drawn = self._drawn
        if not (  # the very same objects: nothing to draw again
            drawn is not None
            and drawn[0] is week
            and drawn[1] is person
            and drawn[2] is roster
            and drawn[3] == today
        ):
            self._drawn = (week, person, roster, today)
            view.show(week, person, roster, today)

    # -- actions ----------------------------------------------------------------------------
    def action_search(self) -> None:
        self.query_one("#people-search", Input).focus()

    def key_escape(self) -> None:
        self.query_one("#people-table", DataTable).focus()

    def _label(self, person: Person) -> str:
        roster = self._shown
        communities = {c.id: c.name for c in roster.communities} if roster else {}
        return person_label(person, communities)

    def action_add(self) -> None:
        roster = self._shown
        if roster is None:
            return
        width = max((len(p.id) - 1 for p in roster.people if p.id[:1] == "p"), default=3)
        new_id = next_id((p.id for p in roster.people), "p", width)

        def save(person: Person | None) -> None:
            if person is not None:
                self._want = person.id
                self.roster_app.edit(lambda ws: ws.save_person(None, person))

        self.app.push_screen(PersonForm(roster, None, new_id), save)

    def action_edit(self) -> None:
        roster, before = self._shown, self.selected()
        if roster is None or before is None:
            return

        def save(after: Person | None) -> None:
            if after is not None and after != before:
                self.roster_app.edit(lambda ws: ws.save_person(before, after))

        self.app.push_screen(PersonForm(roster, before, before.id), save)

    def action_toggle_active(self) -> None:
        person, roster = self.selected(), self._shown
        if person is None or roster is None:
            return
        if not person.active:  # taking someone back opens no gap: no need to ask
            self.roster_app.edit(lambda ws: ws.set_active(person, True))
            return
        first = self.roster_app.today()
        last = first + dt.timedelta(days=PREVIEW_DAYS - 1)
        after = deactivated(person, self.roster_app.now())
        ask_with_preview(
            self.app,
            roster,
            t("safety.deactivate.title", person=self._label(person)),
            person_lines(roster, person.id, first, last),
            [Change(person, after)],
            first,
            # The moment of the confirmation, not of the preview: shifts may start meanwhile.
            lambda: self.roster_app.edit(
                lambda ws: ws.set_active(person, False, self.roster_app.now())
            ),
        )

    def action_add_leave(self) -> None:
        person = self.selected()
        if person is None:
            return

        def save(leave: Leave | None) -> None:
            roster = self._shown
            if leave is None or roster is None:
                return
            ask_with_preview(
                self.app,
                roster,
                t("safety.leave.title", person=self._label(person)),
                [
                    t(
                        "safety.leave.when",
                        start=f"{leave.start:%Y-%m-%d %H:%M}",
                        end=f"{leave.end:%Y-%m-%d %H:%M}",
                    )
                ],
                [Change(None, leave)],
                leave.start.date(),
                lambda: self.roster_app.edit(lambda ws: ws.add_leave(leave, person)),
                last=max(leave.start.date(), (leave.end - dt.timedelta(minutes=1)).date()),
            )

        form = LeaveForm(person.id, self._label(person), self.roster_app.today())
        self.app.push_screen(form, save)

    def action_leaves(self) -> None:
        person, roster = self.selected(), self._shown
        if person is None or roster is None:
            return

        def cancel(leave: Leave | None) -> None:
            if leave is not None:
                self.roster_app.edit(lambda ws: ws.remove_leave(leave, person))

        self.app.push_screen(LeaveList(self._label(person), leaves_of(roster, person.id)), cancel)

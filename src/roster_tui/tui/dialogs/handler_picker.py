"""Choose who takes a request: the household's community's volunteers first, then its carers,
each by their open requests and households in care (``services.care.rank_handlers``).

Two 张伟 read apart by community and phone tail; typing narrows the list by name, pinyin
initials or phone tail.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from roster_tui.domain.model import Person, Request, Roster
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.care import HandlerChoice, rank_handlers
from roster_tui.services.people import search_people
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.cells import plain_cells

MAX_ROWS = 300  # the best few hundred; typing a name narrows the rest
COLUMNS = ("name", "community", "tail", "kind", "open", "load")


class HandlerPicker(ModalScreen[Person | None]):
    """Dismisses with the person chosen, or None when cancelled."""

    CSS_PATH = "handler_picker.tcss"
    AUTO_FOCUS = "#hp-table"
    BINDINGS = [
        Binding("slash", "search", "tui.households.key.search"),
        Binding("escape", "cancel", "tui.key.cancel"),
    ]

    def __init__(self, roster: Roster, request: Request, today: dt.date) -> None:
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.request = request
        self.ranked = rank_handlers(roster, request, today)
        self.choices: list[HandlerChoice] = []

    def compose(self) -> ComposeResult:
        household = self.roster.index.households.get(self.request.household)
        address = printable(household.address) if household else self.request.household
        with Vertical(id="handler-picker"):
            title = t("tui.care.pick.title", request=self.request.id, address=address)
            yield Static(Text(title), classes="title")
            yield Static(Text(printable(self.request.what)), classes="hint")
            yield Static(t("tui.care.pick.hint"), classes="hint")
            search = Input(placeholder=t("tui.care.pick.search"), compact=True, id="hp-search")
            search.cursor_blink = False  # no blinking cursor over SSH
            yield search
            yield DataTable(cursor_type="row", zebra_stripes=True, id="hp-table")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in COLUMNS:
            table.add_column(t(f"tui.care.pick.col.{column}"), key=column)
        self._fill("")

    @on(Input.Changed, "#hp-search")
    def _query_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#hp-search")
    def _query_done(self) -> None:
        self.query_one(DataTable).focus()

    def _fill(self, query: str) -> None:
        if query.strip():
            found = {p.id for p in search_people(self.roster, query)}
            choices = [c for c in self.ranked if c.person.id in found]
        else:
            choices = self.ranked
        self.choices = choices[:MAX_ROWS]
        communities = self.roster.index.communities
        table = self.query_one(DataTable)
        table.clear()
        for index, choice in enumerate(self.choices):
            person = choice.person
            community = communities.get(person.community)
            kind: str | Text = t(f"tui.care.pick.kind.{choice.kind.name.lower()}")
            if person.id == self.request.handler:
                kind = Text(t("tui.care.pick.current"), style="bold")
            elif choice.same_community:
                kind = Text(t("tui.care.pick.same", kind=kind), style="green")
            table.add_row(
                *plain_cells(
                    printable(person.name),
                    printable(community.name) if community else printable(person.community),
                    phone_tail(person.phone),
                    kind,
                    str(choice.open_requests),
                    str(choice.carer_load),
                ),
                key=str(index),
            )

    @on(DataTable.RowSelected, "#hp-table")
    def _picked(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.choices):
            self.dismiss(self.choices[event.cursor_row].person)

    def action_search(self) -> None:
        self.query_one("#hp-search", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

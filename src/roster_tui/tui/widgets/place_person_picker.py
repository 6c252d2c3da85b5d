"""Choosing one person: type part of a name, its pinyin initials or a phone tail.

Returns the person's id, or None when cancelled. The search runs in a worker because the first
one works out every name's pinyin initials (a large sub-district has 2,000 people).
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static
from textual.worker import get_current_worker

from roster_tui.domain.model import Person, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.people import phone_tail
from roster_tui.services.places import find_people
from roster_tui.tui.translate import translate_bindings


class PersonPicker(ModalScreen[str | None]):
    CSS_PATH = "place_person_picker.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("down", "to_results", "places.picker.to_results", show=False),
    ]

    def __init__(
        self,
        title: str,
        roster: Roster,
        *,
        community: str | None = None,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.title_text = title
        self.roster = roster
        self.communities = {c.id: c.name for c in roster.communities}
        self.community = community
        self.found: list[Person] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(Content(self.title_text), classes="title")  # the place name is data
            yield Input(
                placeholder=t("places.picker.placeholder"), id="picker-query", select_on_focus=False
            )
            yield DataTable(id="picker-results", cursor_type="row", zebra_stripes=True)
            yield Static(t("places.picker.hint"), classes="hint", id="picker-hint")

    def on_mount(self) -> None:
        query = self.query_one(Input)
        query.cursor_blink = False
        table = self.query_one(DataTable)
        table.add_columns(
            t("places.col.name"),
            t("places.col.community"),
            t("places.col.tail"),
            t("places.col.roles"),
        )
        query.focus()
        self.search("")

    @on(Input.Changed, "#picker-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @work(thread=True, exclusive=True, group="person-search", exit_on_error=False)
    def search(self, query: str) -> None:
        found = find_people(self.roster, query, community=self.community)
        if not get_current_worker().is_cancelled:  # a newer query has taken over
            self.app.call_from_thread(self._show, found)

    def _show(self, found: list[Person]) -> None:
        self.found = found
        table = self.query_one(DataTable)
        table.clear()
        for person in found:
            roles = "、".join(t(f"role.{r.value}") for r in person.roles)
            community = printable(self.communities.get(person.community, person.community))
            tail = t("places.tail", tail=printable(phone_tail(person.phone)))
            # Plain Text cells: a DataTable reads a bare string as markup, and names are data.
            table.add_row(
                *(Text(cell) for cell in (printable(person.name), community, tail, roles))
            )
        hint = t("places.picker.hint") if found else t("places.picker.nobody")
        self.query_one("#picker-hint", Static).update(hint)

    @on(Input.Submitted, "#picker-query")
    def _take_first(self) -> None:
        table = self.query_one(DataTable)
        self._choose(table.cursor_row)

    @on(DataTable.RowSelected, "#picker-results")
    def _take_row(self, event: DataTable.RowSelected) -> None:
        self._choose(event.cursor_row)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.found):
            self.dismiss(self.found[index].id)

    def action_to_results(self) -> None:
        if self.found:
            self.query_one(DataTable).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

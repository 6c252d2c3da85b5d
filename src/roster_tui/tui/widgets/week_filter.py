"""The line above the week grid: what / filters by, the filter being typed, or the filter on.

A filter hides rows, so while one is on and not being typed the line says so, with the keys
that change and clear it; the box to type in comes back with /.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import DescendantBlur, DescendantFocus
from textual.widgets import Input, Static

from roster_tui.domain.text import printable
from roster_tui.i18n import t


class FilterLine(Vertical):
    """The filter box (``#week-filter``) and, in its place while a filter is on and the box is
    not focused, the line saying so (``#week-filter-on``)."""

    def __init__(self, query: str = "") -> None:
        """``query``: a filter already on (the grid rebuilt in another language keeps it)."""
        super().__init__(id="week-filter-line")
        self._query = query

    def compose(self) -> ComposeResult:
        box = Input(self._query, placeholder=t("tui.week.filter_hint"), id="week-filter")
        box.cursor_blink = False
        yield box
        yield Static(id="week-filter-on")

    def on_mount(self) -> None:
        self._show()

    @property
    def box(self) -> Input:
        return self.query_one("#week-filter", Input)

    @property
    def value(self) -> str:
        return self.box.value

    @value.setter
    def value(self, query: str) -> None:
        self.box.value = query
        self._show()

    def edit(self) -> None:
        """The box shown and focused, holding the filter on (if any) to change."""
        box = self.box
        box.display = True
        self.query_one("#week-filter-on", Static).display = False
        box.focus()

    @on(Input.Changed, "#week-filter")
    @on(DescendantFocus)
    @on(DescendantBlur)
    def _show(self) -> None:
        box, label = self.box, self.query_one("#week-filter-on", Static)
        query = box.value.strip()
        filtered = bool(query) and not box.has_focus
        if filtered:
            label.update(Text(t("tui.week.filter_on", query=printable(query))))
        box.display, label.display = not filtered, filtered

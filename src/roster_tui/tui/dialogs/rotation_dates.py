"""Changing when a rotation runs: a first day and an optional last day (inclusive).

Returns ``(start, end)`` or None when cancelled; bad dates keep the dialog open with a message,
and so do dates that would change a shift that has started (before ``earliest``).
"""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from roster_tui.domain.model import Rotation
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.rotation_edits import dates_problem
from roster_tui.tui.translate import translate_bindings

RotationDates = tuple[dt.date, dt.date | None]


def parse_dates(start_text: str, end_text: str) -> RotationDates | str:
    """The two dates, or the catalog key of what is wrong with them."""
    try:
        start = dt.date.fromisoformat(start_text.strip())
    except ValueError:
        return "places.dates.bad_start"
    end: dt.date | None = None
    if end_text.strip():
        try:
            end = dt.date.fromisoformat(end_text.strip())
        except ValueError:
            return "places.dates.bad_end"
        if end < start:
            return "places.dates.end_before_start"
    return (start, end)


class RotationDatesDialog(ModalScreen[RotationDates | None]):
    CSS_PATH = "rotation_dates.tcss"
    BINDINGS = [Binding("escape", "cancel", "tui.key.cancel")]

    def __init__(self, rotation: Rotation, post_name: str, earliest: dt.date) -> None:
        super().__init__()
        translate_bindings(self)
        self.rotation = rotation
        self.post_name = post_name
        self.earliest = earliest

    def compose(self) -> ComposeResult:
        end = self.rotation.end.isoformat() if self.rotation.end else ""
        with Vertical(id="dates-box"):
            title = t(
                "places.dates.title", rotation=printable(self.rotation.id), post=self.post_name
            )
            yield Static(Content(title), classes="title")  # Content: the names are not markup
            yield Label(t("places.dates.start"))
            yield Input(self.rotation.start.isoformat(), id="dates-start", placeholder="YYYY-MM-DD")
            yield Label(t("places.dates.end"))
            yield Input(end, id="dates-end", placeholder=t("places.dates.end_placeholder"))
            yield Static("", id="dates-error")
            yield Static(t("places.dates.hint"), classes="hint")

    def on_mount(self) -> None:
        for box in self.query(Input):
            box.cursor_blink = False
        self.query_one("#dates-start", Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        if event.input.id == "dates-start":
            self.query_one("#dates-end", Input).focus()
            return
        result = parse_dates(
            self.query_one("#dates-start", Input).value, self.query_one("#dates-end", Input).value
        )
        if not isinstance(result, str):
            result = dates_problem(self.rotation, *result, self.earliest) or result
        if isinstance(result, str):
            problem = t(
                result,
                earliest=self.earliest.isoformat(),
                last=(self.earliest - dt.timedelta(days=1)).isoformat(),
            )
            self.query_one("#dates-error", Static).update(Content(problem))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

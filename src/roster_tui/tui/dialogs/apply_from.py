"""The day rotation edits apply from: changes to members and order start on it.

Prefilled with the day edits would apply from now; a day on which a shift has started is
refused next to the field, since what has started is the record. Dismisses with the day, or
None when cancelled.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Static

from roster_tui.i18n import t
from roster_tui.services.rotation_edits import parse_apply_from
from roster_tui.tui.dialogs.form_modal import FieldErrors, FormModal


class ApplyFromDialog(FormModal[dt.date]):
    CSS_PATH = ["form_modal.tcss", "apply_from.tcss"]
    BOX_ID = "apply-from"
    ID_PREFIX = "af"
    LABELS = "places.from"
    SCROLLS = False

    def __init__(self, current: dt.date, earliest: dt.date) -> None:
        super().__init__()
        self.current = current
        self.earliest = earliest

    def heading(self) -> str:
        return t("places.from.title")

    def compose_fields(self) -> ComposeResult:
        yield from self.row("day", self.text_box("day", self.current.isoformat()))
        yield Static(t("places.from.hint", earliest=self.earliest.isoformat()), classes="hint")

    def read(self) -> dt.date:
        day = parse_apply_from(self.text("day"), self.earliest)
        if isinstance(day, str):
            raise FieldErrors({"day": t(day, earliest=self.earliest.isoformat())})
        return day

"""Add or edit a quarantined household: compound, address, head, phone, people, dates, notes.

The carer is chosen with the carer picker (ranked by load), not typed here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from roster_tui.domain.model import Household, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.translate import translate_bindings

TEXT_FIELDS = ("address", "head", "phone", "people", "start", "days", "notes")


class HouseholdForm(ModalScreen[Household | None]):
    """Dismisses with the household as saved, or None when cancelled."""

    CSS_PATH = "household_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("ctrl+s", "save", "tui.key.ok"),
    ]

    def __init__(
        self, roster: Roster, household: Household | None, new_id: str, today: dt.date
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.household = household
        self.new_id = new_id
        self.today = today

    def _initial(self) -> dict[str, str]:
        h = self.household
        if h is None:
            return {"start": self.today.isoformat(), "people": "1"}
        return {
            "address": h.address,
            "head": h.head,
            "phone": h.phone,
            "people": str(h.people),
            "start": h.start.isoformat(),
            "days": "" if h.days is None else str(h.days),
            "notes": h.notes or "",
        }

    def compose(self) -> ComposeResult:
        h = self.household
        compounds = [(printable(c.name), c.id) for c in self.roster.compounds]
        title = "tui.households.form.edit" if h else "tui.households.form.add"
        initial = self._initial()
        with VerticalScroll(id="household-form"):
            yield Static(t(title, id=h.id if h else self.new_id), classes="title")
            with Horizontal(classes="form-row"):
                yield Label(t("tui.households.form.compound"), classes="form-label")
                yield Select(
                    compounds,
                    value=h.compound if h else compounds[0][1],
                    allow_blank=False,
                    compact=True,
                    id="hf-compound",
                )
            for field in TEXT_FIELDS:
                box = Input(initial.get(field, ""), compact=True, id=f"hf-{field}")
                box.cursor_blink = False  # no blinking cursor over SSH
                if field == "days":
                    box.placeholder = t(
                        "tui.households.form.days_hint", days=self.roster.settings.quarantine_days
                    )
                with Horizontal(classes="form-row"):
                    yield Label(t(f"tui.households.form.{field}"), classes="form-label")
                    yield box
            yield Static("", id="hf-error", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(t("tui.key.ok"), variant="primary", compact=True, id="hf-ok")
                yield Button(t("tui.key.cancel"), compact=True, id="hf-cancel")

    def on_mount(self) -> None:
        self.query_one("#hf-address", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "hf-ok":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            household = self._read()
        except ValueError as exc:
            self.query_one("#hf-error", Static).update(str(exc))
            return
        self.dismiss(household)

    def _read(self) -> Household:
        """The household the form describes; ValueError with the message to show otherwise."""
        text = {f: self.query_one(f"#hf-{f}", Input).value.strip() for f in TEXT_FIELDS}
        for field in ("address", "head", "phone"):
            if not text[field]:
                raise ValueError(t(f"tui.households.form.error.{field}"))
        people = _positive(text["people"], "people")
        days = _positive(text["days"], "days") if text["days"] else None
        try:
            start = dt.date.fromisoformat(text["start"])
        except ValueError:
            raise ValueError(t("tui.households.form.error.start")) from None
        values = {
            "compound": str(self.query_one("#hf-compound", Select).value),
            "address": text["address"],
            "head": text["head"],
            "phone": text["phone"],
            "people": people,
            "start": start,
            "days": days,
            "notes": text["notes"] or None,
        }
        if self.household is None:
            return Household(id=self.new_id, **values)  # type: ignore[arg-type]
        return dataclasses.replace(self.household, **values)  # type: ignore[arg-type]


def _positive(text: str, field: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise ValueError(t(f"tui.households.form.error.{field}"))
    return int(text)

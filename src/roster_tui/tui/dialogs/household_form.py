"""Add or edit a quarantined household: compound, address, head, phone, people, dates, notes.

The compound steps with left/right (or a click); ``/`` on it finds one by name or pinyin, as a
sub-district may have hundreds. The carer is chosen with the carer picker (ranked by load), not
typed here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Label, Static

from roster_tui.domain.contact import is_phone
from roster_tui.domain.model import Household, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.dialogs.form_modal import FieldErrors, FormModal
from roster_tui.tui.dialogs.place_search import PlaceSearch
from roster_tui.tui.widgets.choice_field import ChoiceField
from roster_tui.tui.widgets.place_tree import PlaceRef

COMPOUNDS = frozenset({"compound"})  # what / finds on the form
TEXT_FIELDS = ("address", "head", "phone", "people", "start", "days", "notes")


class HouseholdForm(FormModal[Household]):
    """Dismisses with the household as saved, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss", "household_form.tcss"]
    BOX_ID = "household-form"
    ID_PREFIX = "hf"
    LABELS = "tui.households.form"
    # Enter saves from a choice too, as it does from a text box.
    BINDINGS = [
        Binding("enter", "save", "tui.key.ok", show=False),
        Binding("slash", "find_compound", "tui.households.form.find", show=False),
    ]

    def __init__(
        self, roster: Roster, household: Household | None, new_id: str, today: dt.date
    ) -> None:
        super().__init__()
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

    def heading(self) -> str:
        h = self.household
        title = "tui.households.form.edit" if h else "tui.households.form.add"
        return t(title, id=h.id if h else self.new_id)

    def compose_fields(self) -> ComposeResult:
        h = self.household
        # Choices drawn as `< 金水花园 >` in plain text: names are data, never markup, and no
        # drop-down arrow of ambiguous width shifts the Chinese text after it.
        compounds = [(printable(c.name), c.id) for c in self.roster.compounds]
        with Horizontal(classes="form-row"):
            yield Label(t(f"{self.LABELS}.compound"), classes="form-label")
            yield ChoiceField("", compounds, h.compound if h else None, id="hf-compound")
            yield Static(t("tui.households.form.compound_hint"), classes="choice-hint")
        initial = self._initial()
        days_hint = t("tui.households.form.days_hint", days=self.roster.settings.quarantine_days)
        for field in TEXT_FIELDS:
            hint = days_hint if field == "days" else ""
            yield from self.row(field, self.text_box(field, initial.get(field, ""), hint))

    def action_find_compound(self) -> None:
        """``/`` (outside the text boxes, which take it as typed): the compound found by name."""
        field = self.query_one("#hf-compound", ChoiceField)

        def found(ref: PlaceRef | None) -> None:
            if ref is not None:
                field.set_choices(field.choices, ref.id)
            field.focus()

        search = PlaceSearch(self.roster, kinds=COMPOUNDS, words="tui.households.find")
        self.app.push_screen(search, found)

    def read(self) -> Household:
        text = {field: self.text(field) for field in TEXT_FIELDS}
        errors: dict[str, str] = {}
        for field in ("address", "head", "phone"):
            if not text[field]:
                errors[field] = t(f"tui.households.form.error.{field}")
        if text["phone"] and not is_phone(text["phone"]):
            errors["phone"] = t("safety.phone.bad")
        people = _positive(text["people"], "people", errors)
        days = _positive(text["days"], "days", errors) if text["days"] else None
        start = dt.date.min
        try:
            start = dt.date.fromisoformat(text["start"])
        except ValueError:
            errors["start"] = t("tui.households.form.error.start")
        if errors:
            raise FieldErrors(errors)
        compound: str = self.query_one("#hf-compound", ChoiceField).value
        values = {
            "compound": compound,
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


def _positive(text: str, field: str, errors: dict[str, str]) -> int:
    if not text.isdigit() or int(text) < 1:
        errors[field] = t(f"tui.households.form.error.{field}")
        return 0
    return int(text)

"""Add or edit a person: name, phone, community, roles, party group, weekly hours, availability."""

from __future__ import annotations

import dataclasses
import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import SelectionList

from roster_tui.domain.availability import AvailabilityError, canonical_window
from roster_tui.domain.contact import is_phone
from roster_tui.domain.model import Person, Role, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.dialogs.form_modal import FieldErrors, FormModal
from roster_tui.tui.widgets.availability_label import window_label
from roster_tui.tui.widgets.choice_field import ChoiceField
from roster_tui.tui.widgets.tick_list import TickList

# Windows are separated by semicolons (a comma already joins days: "sat,sun 00:00-24:00").
_WINDOW_SEPARATOR = re.compile(r"[;；]")
NEVER_AVAILABLE = "-"


def availability_text(available: tuple[str, ...] | None) -> str:
    if available is None:
        return ""
    return "; ".join(window_label(w) for w in available) if available else NEVER_AVAILABLE


def parse_availability(text: str) -> tuple[str, ...] | None:
    """Form text → windows as stored (Chinese is read too): empty is always available, ``-``
    never. Raises AvailabilityError."""
    text = text.strip()
    if not text:
        return None
    if text == NEVER_AVAILABLE:
        return ()
    return tuple(canonical_window(w) for w in _WINDOW_SEPARATOR.split(text) if w.strip())


class PersonForm(FormModal[Person]):
    """Dismisses with the person as saved, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss", "person_form.tcss"]
    BOX_ID = "person-form"
    ID_PREFIX = "pf"
    LABELS = "tui.people.form"
    # Enter saves from a choice too, as it does from a text box.
    BINDINGS = [Binding("enter", "save", "tui.key.ok", show=False)]

    def __init__(self, roster: Roster, person: Person | None, new_id: str) -> None:
        super().__init__()
        self.roster = roster
        self.person = person
        self.new_id = new_id

    def heading(self) -> str:
        person = self.person
        title = "tui.people.form.edit" if person else "tui.people.form.add"
        return t(title, id=person.id if person else self.new_id)

    def compose_fields(self) -> ComposeResult:
        person = self.person
        # Choices drawn as `< 东风社区 >` in plain text: names are data, never markup, and no
        # drop-down arrow of ambiguous width shifts the Chinese text after it.
        communities = [(printable(c.name), c.id) for c in self.roster.communities]
        groups: list[tuple[str, str | None]] = [(t("tui.none"), None)]
        groups += [(printable(g.name), g.id) for g in self.roster.party_groups]
        yield from self.row("name", self.text_box("name", person.name if person else ""))
        yield from self.row("phone", self.text_box("phone", person.phone if person else ""))
        yield from self.row(
            "community",
            ChoiceField("", communities, person.community if person else None, id="pf-community"),
        )
        yield from self.row(
            "group",
            ChoiceField("", groups, person.party_group if person else None, id="pf-group"),
        )
        limit = person.max_hours_per_week if person else None
        max_hint = t(
            "tui.people.form.max_hint", hours=f"{self.roster.settings.max_hours_per_week:g}"
        )
        yield from self.row(
            "max", self.text_box("max", f"{limit:g}" if limit is not None else "", max_hint)
        )
        yield from self.row(
            "available",
            self.text_box(
                "available",
                availability_text(person.available if person else None),
                t("tui.people.form.available_hint"),
            ),
        )
        roles = set(person.roles) if person else set()
        yield from self.row(
            "roles",
            TickList[Role](
                *[(t(f"tui.people.role.{r.value}"), r, r in roles) for r in Role],
                id="pf-roles",
            ),
        )

    def read(self) -> Person:
        name, phone = self.text("name"), self.text("phone")
        errors: dict[str, str] = {}
        if not name:
            errors["name"] = t("tui.people.form.error.name")
        if not phone:
            errors["phone"] = t("tui.people.form.error.phone")
        elif not is_phone(phone):
            errors["phone"] = t("safety.phone.bad")
        max_text = self.text("max")
        limit: float | None = None
        if max_text:
            try:
                limit = float(max_text)
            except ValueError:
                limit = -1
            if not 0 < limit <= 168:
                errors["max"] = t("tui.people.form.error.max")
        available: tuple[str, ...] | None = None
        try:
            available = parse_availability(self.text("available"))
        except AvailabilityError as exc:
            errors["available"] = t("tui.people.form.error.available", window=str(exc))
        if errors:
            raise FieldErrors(errors)
        community: str = self.query_one("#pf-community", ChoiceField).value
        group: str | None = self.query_one("#pf-group", ChoiceField).value
        chosen = set(self.query_one("#pf-roles", SelectionList).selected)
        values = {
            "name": name,
            "phone": phone,
            "community": community,
            "roles": tuple(r for r in Role if r in chosen),
            "party_group": group,
            "max_hours_per_week": limit,
            "available": available,
        }
        if self.person is None:
            return Person(id=self.new_id, **values)  # type: ignore[arg-type]
        return dataclasses.replace(self.person, **values)  # type: ignore[arg-type]

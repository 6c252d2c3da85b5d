"""Add or edit a person: name, phone, community, roles, party group, weekly hours, availability."""

from __future__ import annotations

import dataclasses
import re

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from roster_tui.domain.availability import AvailabilityError, parse_window
from roster_tui.domain.model import Person, Role, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.translate import translate_bindings

# Windows are separated by semicolons (a comma already joins days: "sat,sun 00:00-24:00").
_WINDOW_SEPARATOR = re.compile(r"[;；]")
NEVER_AVAILABLE = "-"


def availability_text(available: tuple[str, ...] | None) -> str:
    if available is None:
        return ""
    return "; ".join(available) if available else NEVER_AVAILABLE


def parse_availability(text: str) -> tuple[str, ...] | None:
    """Form text → windows: empty is always available, ``-`` never. Raises AvailabilityError."""
    text = text.strip()
    if not text:
        return None
    if text == NEVER_AVAILABLE:
        return ()
    windows = tuple(w.strip() for w in _WINDOW_SEPARATOR.split(text) if w.strip())
    for window in windows:
        parse_window(window)
    return windows


class PersonForm(ModalScreen[Person | None]):
    """Dismisses with the person as saved, or None when cancelled."""

    CSS_PATH = "person_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("ctrl+s", "save", "tui.key.ok"),
    ]

    def __init__(self, roster: Roster, person: Person | None, new_id: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.person = person
        self.new_id = new_id

    def compose(self) -> ComposeResult:
        person = self.person
        communities = [(printable(c.name), c.id) for c in self.roster.communities]
        groups = [(printable(g.name), g.id) for g in self.roster.party_groups]
        title = "tui.people.form.edit" if person else "tui.people.form.add"
        with VerticalScroll(id="person-form"):
            yield Static(t(title, id=person.id if person else self.new_id), classes="title")
            yield from self._row("name", Input(person.name if person else "", id="pf-name"))
            yield from self._row("phone", Input(person.phone if person else "", id="pf-phone"))
            yield from self._row(
                "community",
                Select(
                    communities,
                    value=person.community if person else communities[0][1],
                    allow_blank=False,
                    compact=True,
                    id="pf-community",
                ),
            )
            yield from self._row(
                "group",
                Select(
                    groups,
                    prompt=t("tui.none"),
                    value=(person.party_group or Select.NULL) if person else Select.NULL,
                    compact=True,
                    id="pf-group",
                ),
            )
            limit = person.max_hours_per_week if person else None
            yield from self._row(
                "max",
                Input(
                    f"{limit:g}" if limit is not None else "",
                    placeholder=t(
                        "tui.people.form.max_hint",
                        hours=f"{self.roster.settings.max_hours_per_week:g}",
                    ),
                    id="pf-max",
                ),
            )
            yield from self._row(
                "available",
                Input(
                    availability_text(person.available if person else None),
                    placeholder=t("tui.people.form.available_hint"),
                    id="pf-available",
                ),
            )
            roles = set(person.roles) if person else set()
            yield from self._row(
                "roles",
                SelectionList[Role](
                    *[(t(f"tui.people.role.{r.value}"), r, r in roles) for r in Role],
                    id="pf-roles",
                ),
            )
            yield Static("", id="pf-error", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(t("tui.key.ok"), variant="primary", compact=True, id="pf-ok")
                yield Button(t("tui.key.cancel"), compact=True, id="pf-cancel")

    def _row(self, field: str, widget: Input | Select[str] | SelectionList[Role]) -> ComposeResult:
        if isinstance(widget, Input):
            widget.compact = True
            widget.cursor_blink = False
        with Horizontal(classes="form-row"):
            yield Label(t(f"tui.people.form.{field}"), classes="form-label")
            yield widget

    def on_mount(self) -> None:
        self.query_one("#pf-name", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "pf-ok":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            person = self._read()
        except ValueError as exc:
            self.query_one("#pf-error", Static).update(str(exc))
            return
        self.dismiss(person)

    def _read(self) -> Person:
        """The person the form describes; ValueError with the message to show otherwise."""
        name = self.query_one("#pf-name", Input).value.strip()
        phone = self.query_one("#pf-phone", Input).value.strip()
        if not name:
            raise ValueError(t("tui.people.form.error.name"))
        if not phone:
            raise ValueError(t("tui.people.form.error.phone"))
        max_text = self.query_one("#pf-max", Input).value.strip()
        limit: float | None = None
        if max_text:
            try:
                limit = float(max_text)
            except ValueError:
                limit = -1
            if not 0 < limit <= 168:
                raise ValueError(t("tui.people.form.error.max"))
        try:
            available = parse_availability(self.query_one("#pf-available", Input).value)
        except AvailabilityError as exc:
            raise ValueError(t("tui.people.form.error.available", window=str(exc))) from None
        community = self.query_one("#pf-community", Select).value
        group = self.query_one("#pf-group", Select).value
        chosen = set(self.query_one("#pf-roles", SelectionList).selected)
        values = {
            "name": name,
            "phone": phone,
            "community": str(community),
            "roles": tuple(r for r in Role if r in chosen),
            "party_group": None if group is Select.NULL else str(group),
            "max_hours_per_week": limit,
            "available": available,
        }
        if self.person is None:
            return Person(id=self.new_id, **values)  # type: ignore[arg-type]
        return dataclasses.replace(self.person, **values)  # type: ignore[arg-type]

"""Add or edit a community, a street or a compound: names typed, the rest chosen.

The rows are checked by the services (the interchange file's own rules); what they find wrong
is shown under each field, all at once, and nothing typed is lost. The user never types an id:
a new row gets the next free one.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from roster_tui.domain.model import Community, Compound, CompoundKind, Roster, Street
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.place_rows import (
    SetupErrors,
    community_from,
    compound_from,
    street_from,
)
from roster_tui.tui.dialogs.form_modal import FieldErrors, FormModal
from roster_tui.tui.widgets.choice_field import ChoiceField

Made = Community | Street | Compound


def field_errors(bad: SetupErrors, fields: Collection[str]) -> FieldErrors:
    """The services' problems under the form's fields (one the form lacks goes under the first)."""
    first = next(iter(fields))
    placed: dict[str, str] = {}
    for field, problem in bad.errors.items():
        where = field if field in fields else first
        placed[where] = problem if where not in placed else f"{placed[where]}; {problem}"
    return FieldErrors(placed)


class PlaceForm(FormModal[Made]):
    """``kind`` is community, street or compound; dismisses with the row to save, or None."""

    CSS_PATH = ["form_modal.tcss", "place_form.tcss"]
    BOX_ID = "place-form"
    ID_PREFIX = "plf"
    LABELS = "setup.form"
    # Enter saves from a choice too, not only from a text box (as the hint under a form says).
    BINDINGS = [Binding("enter", "save", "tui.key.ok", show=False)]
    SCROLLS = False

    def __init__(
        self,
        roster: Roster,
        kind: str,
        before: Made | None,
        *,
        community: str | None = None,
        street: str | None = None,
    ) -> None:
        """``community``/``street``: where a new row goes (the place highlighted in the tree)."""
        super().__init__()
        self.roster = roster
        self.kind = kind
        self.before = before
        self.community = getattr(before, "community", None) or community
        self.street = getattr(before, "street", None) if before else street

    def heading(self) -> str:
        what = t(f"setup.kind.{self.kind}")
        if self.before is None:
            return t("setup.form.add", what=what)
        return t("setup.form.edit", what=what, name=printable(self.before.name))

    def fields(self) -> list[str]:
        return {
            "community": ["name"],
            "street": ["name", "community"],
            "compound": ["name", "community", "street", "kind", "households"],
        }[self.kind]

    def compose_fields(self) -> ComposeResult:
        before: Any = self.before
        yield from self.row("name", self.text_box("name", before.name if before else ""))
        if self.kind == "community":
            return
        communities = [(printable(c.name), c.id) for c in self.roster.communities]
        yield from self.row(
            "community",
            ChoiceField("", communities, self.community, id=self.field_id("community")),
        )
        if self.kind == "street":
            return
        yield from self.row(
            "street",
            ChoiceField("", self._streets(self.community), self.street, id=self.field_id("street")),
        )
        kinds = [(t(f"kind.{k.value}"), k.value) for k in CompoundKind]
        kind = before.kind.value if before else CompoundKind.UNMANAGED.value
        yield from self.row("kind", ChoiceField("", kinds, kind, id=self.field_id("kind")))
        households = "" if before is None or before.households is None else str(before.households)
        hint = t("setup.form.households_hint")
        yield from self.row("households", self.text_box("households", households, hint))

    def _streets(self, community: str | None) -> list[tuple[str, str | None]]:
        choices: list[tuple[str, str | None]] = [(t("setup.form.no_street"), None)]
        choices += [
            (printable(s.name), s.id) for s in self.roster.streets if s.community == community
        ]
        return choices

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        """Another community offers its own streets."""
        if event.field.id == self.field_id("community") and self.kind == "compound":
            streets = self.query_one(f"#{self.field_id('street')}", ChoiceField)
            streets.set_choices(self._streets(str(event.value)))

    def _choice(self, field: str) -> object:
        return self.query_one(f"#{self.field_id(field)}", ChoiceField).value

    def read(self) -> Made:
        typed: dict[str, object] = {
            "name": self.query_one(f"#{self.field_id('name')}", Input).value
        }
        if self.kind != "community":
            typed["community"] = self._choice("community")
        if self.kind == "compound":
            typed["street"] = self._choice("street")
            typed["kind"] = self._choice("kind")
            typed["households"] = self.text("households")
        build = {"community": community_from, "street": street_from, "compound": compound_from}
        try:
            return build[self.kind](self.roster, self.before, typed)  # type: ignore[operator]
        except SetupErrors as bad:
            raise field_errors(bad, self.fields()) from None

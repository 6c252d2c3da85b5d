"""Add or edit a post (卡点) and its daily shifts, one line per shift.

Each line is a shift's name, start, end (an end at or before the start runs into the next
day), people needed and, optionally, a role one of them must hold. Blank lines are skipped; the
form keeps two spare lines for new shifts. Editing a post, the form also asks from which day new
shifts hold (by default the first day on which no shift has started, or the day the post's
latest shifts begin if that is later); days before it keep the shifts they had, and a day on
which a shift has started is refused next to the field. A new post's shifts begin on a day asked
for the same way (by default the first day on which none of the shifts typed has started, kept
in step as they are typed), so the days before it have no shifts of the post to staff.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from roster_tui.domain.model import Post, Role, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.past import first_open_day
from roster_tui.services.place_rows import SetupErrors, post_from, typed_starts
from roster_tui.services.rotation_edits import parse_apply_from
from roster_tui.tui.dialogs.form_modal import FieldErrors, FormModal
from roster_tui.tui.dialogs.place_form import field_errors
from roster_tui.tui.widgets.choice_field import ChoiceField
from roster_tui.tui.widgets.place_detail import clock

SHIFT_PARTS = ("name", "start", "end", "need")
SPARE_LINES = 2
MIN_LINES = 3


class PostForm(FormModal[Post]):
    """Dismisses with the post to save, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss", "place_form.tcss"]
    BOX_ID = "post-form"
    ID_PREFIX = "pof"
    LABELS = "setup.form"
    # Enter saves from a choice too, not only from a text box (as the hint under a form says).
    BINDINGS = [Binding("enter", "save", "tui.key.ok", show=False)]

    def __init__(
        self,
        roster: Roster,
        before: Post | None,
        compound: str,
        earliest: dt.date | None = None,
        *,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__()
        self.roster = roster
        self.before = before
        self.earliest = earliest  # the first day on which no shift has started
        self.now = now  # a new post: its shifts begin on a day that has not started
        self.compound = before.compound if before else compound
        shifts = len(before.shifts) if before else 0
        self.lines = max(MIN_LINES, shifts + SPARE_LINES)
        if before is None and now is not None:
            self.earliest = first_open_day(roster, now, [])
        self._offered = self.earliest  # the day the from box was last filled with

    def heading(self) -> str:
        compound = self.roster.index.compounds.get(self.compound)
        where = printable(compound.name) if compound else self.compound
        if self.before is None:
            return t("setup.form.add_post", compound=where)
        return t("setup.form.edit", what=t("setup.kind.post"), name=printable(self.before.name))

    def compose_fields(self) -> ComposeResult:
        before = self.before
        yield from self.row("name", self.text_box("name", before.name if before else ""))
        if self.earliest is not None:
            latest = before.shifts_from if before else None
            day = max(self.earliest, latest) if latest else self.earliest
            yield from self.row("from", self.text_box("from", day.isoformat()))
            yield Static(self._from_hint(), id=self.field_id("from-hint"), classes="form-hint")
        yield Static(t("setup.form.shifts_hint"), classes="form-hint")
        with Horizontal(classes="shift-row shift-head"):
            for part in (*SHIFT_PARTS, "need_role"):
                yield Label(t(f"setup.shift.{part}"), classes=f"shift-{part}")
        roles = [(t("tui.none"), None), *[(t(f"role.{r.value}"), r.value) for r in Role]]
        for number in range(1, self.lines + 1):
            shift = before.shifts[number - 1] if before and number <= len(before.shifts) else None
            values = (
                {
                    "name": shift.name,
                    "start": clock(shift.start),
                    "end": clock(shift.end),
                    "need": str(shift.need),
                }
                if shift
                else {}
            )
            with Horizontal(classes="shift-row"):
                for part in SHIFT_PARTS:
                    box = self.text_box(f"shift{number}-{part}", values.get(part, ""))
                    box.add_class(f"shift-{part}")
                    yield box
                role = shift.need_role.value if shift and shift.need_role else None
                yield ChoiceField(
                    "", roles, role, id=self.field_id(f"shift{number}-need_role")
                ).add_class("shift-need_role")
            note = Static(
                "", id=self.field_id(f"shift{number}-error"), classes="field-error shift-error"
            )
            note.display = False
            yield note

    def _from_hint(self) -> str:
        key = "setup.form.from_hint" if self.before else "setup.form.from_hint_new"
        return t(key, earliest=self.earliest.isoformat() if self.earliest else "")

    def _typed_shifts(self) -> list[dict[str, object]]:
        shifts = []
        for number in range(1, self.lines + 1):
            shift: dict[str, object] = {
                part: self.text(f"shift{number}-{part}") for part in SHIFT_PARTS
            }
            role = self.query_one(f"#{self.field_id(f'shift{number}-need_role')}", ChoiceField)
            shift["need_role"] = role.value
            shifts.append(shift)
        return shifts

    def on_input_changed(self, event: Input.Changed) -> None:
        """A new post's earliest day follows the starts typed; so does the day offered, unless
        the user typed one of their own."""
        if self.before is not None or self.now is None or not event.input.id:
            return
        if not event.input.id.endswith("-start"):
            return
        self.earliest = first_open_day(self.roster, self.now, typed_starts(self._typed_shifts()))
        self.query_one(f"#{self.field_id('from-hint')}", Static).update(self._from_hint())
        box = self.query_one(f"#{self.field_id('from')}", Input)
        if self._offered is not None and box.value.strip() == self._offered.isoformat():
            box.value = self.earliest.isoformat()
        self._offered = self.earliest

    def read(self) -> Post:
        shifts = self._typed_shifts()
        typed = {"name": self.text("name"), "compound": self.compound}
        fields = ["name", *(f"shift{n}" for n in range(1, self.lines + 1))]
        day: dt.date | str | None = None
        if self.before is None and self.now is not None:  # what the shifts typed allow
            self.earliest = first_open_day(self.roster, self.now, typed_starts(shifts))
        if self.earliest is not None:
            day = parse_apply_from(self.text("from"), self.earliest)
        try:
            post = post_from(
                self.roster,
                self.before,
                typed,
                shifts,
                effective=day if day is None or isinstance(day, dt.date) else None,
            )
        except SetupErrors as bad:
            errors = field_errors(bad, fields).errors
        else:
            errors = {}
        if isinstance(day, str):
            errors["from"] = t(day, earliest=self.earliest.isoformat() if self.earliest else "")
        if errors:
            raise FieldErrors(errors)
        return post

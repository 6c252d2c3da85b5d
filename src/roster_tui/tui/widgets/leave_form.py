"""Enter a leave (请假): from, to (exclusive), reason; times as ``YYYY-MM-DD HH:MM``."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from roster_tui.domain.model import Leave
from roster_tui.i18n import t
from roster_tui.services.people import LeaveInputError, make_leave
from roster_tui.tui.translate import translate_bindings


class LeaveForm(ModalScreen[Leave | None]):
    """Dismisses with the new leave, or None when cancelled."""

    CSS_PATH = "leave_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("ctrl+s", "save", "tui.key.ok"),
    ]

    def __init__(self, person_id: str, who: str, today: dt.date) -> None:
        super().__init__()
        translate_bindings(self)
        self.person_id = person_id
        self.who = who
        self.today = today

    def compose(self) -> ComposeResult:
        tomorrow = self.today + dt.timedelta(days=1)
        with Vertical(id="leave-form"):
            yield Static(t("tui.people.leave.title", who=self.who), classes="title")
            yield from self._row("from", f"{self.today:%Y-%m-%d} 00:00")
            yield from self._row("to", f"{tomorrow:%Y-%m-%d} 00:00")
            yield from self._row("reason", "")
            yield Static(t("tui.people.leave.hint"), classes="hint")
            yield Static("", id="lf-error", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(t("tui.key.ok"), variant="primary", compact=True, id="lf-ok")
                yield Button(t("tui.key.cancel"), compact=True, id="lf-cancel")

    def _row(self, field: str, value: str) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(t(f"tui.people.leave.{field}"), classes="form-label")
            field_input = Input(value, compact=True, id=f"lf-{field}")
            field_input.cursor_blink = False  # no blinking cursor over SSH
            yield field_input

    def on_mount(self) -> None:
        self.query_one("#lf-from", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "lf-ok":
            self.action_save()
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        values = {f: self.query_one(f"#lf-{f}", Input).value for f in ("from", "to", "reason")}
        try:
            leave = make_leave(self.person_id, values["from"], values["to"], values["reason"])
        except LeaveInputError as exc:
            message = t(f"tui.people.leave.error.{exc.problem.value}")
            self.query_one("#lf-error", Static).update(message)
            return
        self.dismiss(leave)

"""Enter a leave (请假): from, to (exclusive), reason; times as ``YYYY-MM-DD HH:MM``."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Static

from roster_tui.domain.model import Leave
from roster_tui.i18n import t
from roster_tui.services.people import LeaveInputError, LeaveProblem, make_leave
from roster_tui.tui.dialogs.form_modal import FieldErrors, FormModal


class LeaveForm(FormModal[Leave]):
    """Dismisses with the new leave, or None when cancelled."""

    CSS_PATH = ["form_modal.tcss", "leave_form.tcss"]
    BOX_ID = "leave-form"
    ID_PREFIX = "lf"
    LABELS = "tui.people.leave"
    SCROLLS = False

    def __init__(self, person_id: str, who: str, today: dt.date) -> None:
        super().__init__()
        self.person_id = person_id
        self.who = who
        self.today = today

    def heading(self) -> str:
        return t("tui.people.leave.title", who=self.who)

    def compose_fields(self) -> ComposeResult:
        tomorrow = self.today + dt.timedelta(days=1)
        yield from self.row("from", self.text_box("from", f"{self.today:%Y-%m-%d} 00:00"))
        yield from self.row("to", self.text_box("to", f"{tomorrow:%Y-%m-%d} 00:00"))
        yield from self.row("reason", self.text_box("reason"))
        yield Static(t("tui.people.leave.hint"), classes="hint")

    def read(self) -> Leave:
        start, end, reason = (self.text(field) for field in ("from", "to", "reason"))
        try:
            return make_leave(self.person_id, start, end, reason)
        except LeaveInputError as exc:
            message = t(f"tui.people.leave.error.{exc.problem.value}")
            field = {LeaveProblem.FROM_FORMAT: "from"}.get(exc.problem, "to")
            raise FieldErrors({field: message}) from None

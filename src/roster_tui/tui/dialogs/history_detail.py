"""One recorded action in full: who, when, whether it was undone, and every change it made."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from roster_tui.domain.changes import AuditEntry
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.history_changes import describe_change, local_time
from roster_tui.tui.widgets.place_names import PlaceNames


class HistoryDetail(ModalScreen[None]):
    CSS_PATH = "history_detail.tcss"
    BINDINGS = [Binding("escape,enter,q", "dismiss", "tui.key.close")]

    def __init__(self, entry: AuditEntry, names: PlaceNames) -> None:
        super().__init__()
        translate_bindings(self)
        self.entry = entry
        self.names = names

    def compose(self) -> ComposeResult:
        entry = self.entry
        with VerticalScroll(id="history-detail-box"):
            yield Static(Content(printable(entry.summary)), classes="title")
            who = t(
                "history.detail.who",
                user=printable(entry.user),
                at=local_time(entry.at, self.names.zone),
            )
            yield Static(Content(who), classes="hint")
            if entry.undone_by is not None:
                yield Static(
                    Content.styled(t("history.detail.undone", id=entry.undone_by), "bold red")
                )
            if not entry.changes:
                yield Static(Content(t("history.detail.no_changes")))
            for change in entry.changes:
                text = describe_change(change, self.names)
                yield Static(Content.styled(text.title, "bold"), classes="change-title")
                for line in text.lines:
                    yield Static(Content(line), classes="change-line")
            yield Static(t("history.detail.hint"), classes="hint")

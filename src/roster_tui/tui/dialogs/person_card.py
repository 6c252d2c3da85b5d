"""A person card: everything about one person on one screen, one key from wherever they appear.

Opened with Enter on a duty row of Today, a filled cell of the week grid, or ``i`` on a gap
about a person. The phone is written whole at the top (at 3 a.m. that is what is wanted), ``c``
copies it to the clipboard (OSC 52: it works over SSH too) and ``p`` writes the person's duty
sheet for the week. The week itself (shifts, households, duties) is worked out in a worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from roster_tui.domain.model import Person, Roster
from roster_tui.domain.names import phone_tail
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import current_language, t
from roster_tui.services.exporting import ExportProblem, ExportRequest, render, write_atomically
from roster_tui.services.people import PersonWeek, person_week
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.person_label import person_label
from roster_tui.tui.widgets.person_week import render_person_week

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp


class PersonCard(ModalScreen[None]):
    CSS_PATH = "person_card.tcss"
    BINDINGS = [
        Binding("c", "copy_phone", "tui.card.copy"),
        Binding("p", "sheet", "tui.card.sheet"),
        Binding("escape,q", "dismiss", "tui.key.close"),
    ]

    def __init__(self, roster: Roster, person: Person, week: Week) -> None:
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.person = person
        self.shown_week = week
        self.week: PersonWeek | None = None  # worked out in a thread after mounting

    def compose(self) -> ComposeResult:
        communities = {c.id: c.name for c in self.roster.communities}
        with Vertical(id="card-box"):
            yield Static(Text(person_label(self.person, communities)), id="card-title")
            phone = Text(t("tui.card.phone"), style="bold")
            phone.append(" " + printable(self.person.phone), style="bold reverse")
            yield Static(phone, id="card-phone")
            with VerticalScroll(id="card-body"):
                yield Static(id="card-week")
            yield Footer()

    def on_mount(self) -> None:
        self._show()
        self.work_out_week(self.roster, self.person, self.shown_week)

    @property
    def _app(self) -> RosterApp:
        return cast("RosterApp", self.app)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def work_out_week(self, roster: Roster, person: Person, shown: Week) -> None:
        week = person_week(roster, person, shown, self._app.today())
        self.app.call_from_thread(self._week_ready, week)

    def _week_ready(self, week: PersonWeek) -> None:
        self.week = week
        self._show()

    def _show(self) -> None:
        text = render_person_week(self.week, self.person, self.roster, self._app.today())
        below_title = text.split("\n")[1:]  # its first line is the label, the card's title
        self.query_one("#card-week", Static).update(Text("\n").join(below_title))

    def action_copy_phone(self) -> None:
        self.app.copy_to_clipboard(self.person.phone)
        self.notify(t("tui.card.copied", phone=printable(self.person.phone)), markup=False)

    def action_sheet(self) -> None:
        # The name as far as it is safe in a file name (no slash or dot can lead elsewhere).
        safe = "".join(c for c in self.person.name if c.isalnum())
        name = f"{t('tui.card.file')}-{safe}-{phone_tail(self.person.phone)}"
        path = Path.cwd() / f"{name}-{self.shown_week}.txt"
        self.write_sheet(path)

    @work(thread=True, exclusive=True, group="card-sheet", exit_on_error=False)
    def write_sheet(self, path: Path) -> None:
        request = ExportRequest(
            what="person",
            fmt="txt",
            week=self.shown_week,
            person=self.person.id,
            audience="internal",
            lang=current_language(),
            today=self._app.today(),
        )
        try:
            write_atomically(render(self.roster, request), path)
        except (ExportProblem, OSError) as exc:
            message = t("tui.card.sheet_failed", error=printable(str(exc)))
            self.app.call_from_thread(
                self.notify, message, severity="error", timeout=6, markup=False
            )
            return
        message = t("tui.card.sheet_written", path=printable(str(path)))
        self.app.call_from_thread(self.notify, message, timeout=6, markup=False)


def open_person_card(app: RosterApp, roster: Roster, person_ids: Sequence[str], week: Week) -> None:
    """The card of the one person, or of the one chosen when several stand together."""
    people = roster.index.people
    found = [people[pid] for pid in dict.fromkeys(person_ids) if pid in people]
    if not found:
        app.notify(t("tui.card.nobody"))
        return
    if len(found) == 1:
        app.push_screen(PersonCard(roster, found[0], week))
        return
    communities = {c.id: c.name for c in roster.communities}
    choices = [(person_label(p, communities), p.id) for p in found]

    def chosen(person_id: str | None) -> None:
        if person_id is not None:
            app.push_screen(PersonCard(roster, people[person_id], week))

    app.push_screen(ChoiceModal(t("tui.card.choose"), choices, None), chosen)

"""导出/打印: pick what, format, week, scope and path; the file is written in a worker."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, LoadingIndicator, Static

from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.export import AUDIENCES, WeekView
from roster_tui.export.labels import date_label, weekday_label
from roster_tui.i18n import current_language, t
from roster_tui.services.export_names import day_file_name, default_file_name, scope_name
from roster_tui.services.exporting import (
    SUPPORTED,
    ExportProblem,
    ExportRequest,
    render,
    write_atomically,
)
from roster_tui.services.exporting_care import CARE_SHEETS
from roster_tui.services.safe_write import RefusedTarget
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.translate import translate_bindings
from roster_tui.tui.widgets.choice_field import ChoiceField

if TYPE_CHECKING:
    from roster_tui.tui.app import RosterApp

SCOPE_KINDS = ("subdistrict", "community", "post", "person")
SCOPED = ("community", "post", "person")  # scope kinds that name one thing
# A care sheet's person is the carer of the round, or the handler of the requests.
CARE_PERSON = {"contacts": "carer", "requests": "handler"}
DAYS_BEFORE, DAYS_AFTER = 1, 6  # the round's day: from yesterday to a week ahead
LABEL = 10  # cells: the labels' width in export_dialog.tcss, so that every value lines up
EXTENSIONS = {f: f for f in ("csv", "html", "pdf", "txt", "ics", "xlsx")}


class ExportDialog(ModalScreen[None]):
    CSS_PATH = "export_dialog.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "tui.key.cancel"),
        Binding("ctrl+s", "export", "tui.export.do"),
        Binding("enter", "export", "tui.export.do", show=False),
    ]

    def __init__(
        self,
        roster: Roster,
        week: Week,
        community: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        """``community``: the scope the app shows, the scope offered first (None: whole);
        ``today``: the app's today, from which a round's day is chosen."""
        super().__init__()
        translate_bindings(self)
        self.roster = roster
        self.week = week
        self.community = community
        self.today = today or week.monday
        self.lp = shutil.which("lp") or shutil.which("lpr")

    def compose(self) -> ComposeResult:
        # A personal duty sheet is printed from the person card, where the person is known.
        whats = [(t(f"tui.export.what.{w}"), w) for w in SUPPORTED if w != "person"]
        kinds = [(t(f"tui.export.scope.{k}"), k) for k in SCOPE_KINDS]
        with Vertical(id="export-box"):
            yield Static(t("tui.export.title"), classes="title")
            yield ChoiceField(t("tui.export.what"), whats, id="what", label_width=LABEL)
            fmts = self._formats("roster")
            yield ChoiceField(t("tui.export.format"), fmts, id="fmt", label_width=LABEL)
            # The app's scope is offered first: a community's screens export that community.
            kind = "community" if self.community else "subdistrict"
            scope_kind = ChoiceField(
                t("tui.export.scope"), kinds, kind, id="scope-kind", label_width=LABEL
            )
            yield scope_kind
            targets = self._targets(kind)
            yield ChoiceField(
                t("tui.export.target"), targets, self.community or "", id="scope", label_width=LABEL
            )
            audiences = self._audiences()
            yield ChoiceField(t("tui.export.audience"), audiences, id="audience", label_width=LABEL)
            days = self._days()
            yield ChoiceField(t("tui.export.day"), days, self.today, id="day", label_width=LABEL)
            with Horizontal(classes="field", id="week-row"):
                yield Static(t("tui.export.week"), classes="label")
                week = Input(str(self.week), id="week")
                week.cursor_blink = False
                yield week
            with Horizontal(classes="field"):
                yield Static(t("tui.export.path"), classes="label")
                path = Input(self._default_path("roster", "csv"), id="path")
                path.cursor_blink = False
                yield path
            yield Static(id="export-status")
            yield LoadingIndicator(id="export-busy")
            with Horizontal(id="export-buttons"):
                yield Button(t("tui.export.do"), id="do-export", variant="primary")
                if self.lp:
                    yield Button(t("tui.export.print"), id="do-print")
                yield Button(t("tui.key.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-busy").display = False
        self.query_one("#day").display = False
        self.query_one("#what").focus()

    def _days(self) -> list[tuple[str, dt.date]]:
        """Yesterday to a week ahead, today and tomorrow said in words."""
        out = []
        for offset in range(-DAYS_BEFORE, DAYS_AFTER + 1):
            day = self.today + dt.timedelta(days=offset)
            date = f"{date_label(day, current_language())} {weekday_label(day, current_language())}"
            label = t(f"tui.export.day.{offset}", date=date) if abs(offset) <= 1 else date
            out.append((label, day))
        return out

    def _kinds(self, what: str) -> list[tuple[str, str]]:
        """The scopes a sheet has: a care sheet is by community or by its carer or handler."""
        if what not in CARE_SHEETS:
            return [(t(f"tui.export.scope.{k}"), k) for k in SCOPE_KINDS]
        person = t(f"tui.export.scope.{CARE_PERSON[what]}")
        kinds = [(t(f"tui.export.scope.{k}"), k) for k in ("subdistrict", "community")]
        return [*kinds, (person, "person")]

    def _sheet_changed(self, what: str) -> None:
        """Scopes, audiences and the day or week as the chosen sheet has them."""
        care = what in CARE_SHEETS
        kind_field = self.query_one("#scope-kind", ChoiceField)
        target_field = self.query_one("#scope", ChoiceField)
        kind_field.set_choices(self._kinds(what), keep=kind_field.value)
        target_field.set_choices(self._targets(kind_field.value, what), keep=target_field.value)
        audience = self.query_one("#audience", ChoiceField)
        audience.set_choices(self._audiences(internal_only=care), keep=audience.value)
        self.query_one("#week-row").display = not care
        self.query_one("#day").display = what == "contacts"

    @staticmethod
    def _formats(what: str) -> list[tuple[str, str]]:
        return [(f.upper(), f) for f in SUPPORTED[what]]

    def _targets(self, kind: str, what: str = "") -> list[tuple[str, str]]:
        """What the scope can name: communities, posts, or people told apart by community and
        phone tail when they share a name (for a round, only the people who care for one)."""
        if kind == "community":
            return [(printable(c.name), c.id) for c in self.roster.communities]
        if kind == "post":
            compounds = {c.id: c.name for c in self.roster.compounds}
            return [
                (printable(f"{compounds.get(p.compound, '')} · {p.name}"), p.id)
                for p in self.roster.posts
            ]
        if kind == "person":
            view = WeekView(self.roster, self.week, [])
            people = [p for p in self.roster.people if p.active]
            if what == "contacts":
                carers = {h.carer for h in self.roster.households}
                people = [p for p in people if p.id in carers]
            return [(printable(view.person_label(p.id)), p.id) for p in people]
        return [(printable(self.roster.subdistrict.name), "")]

    @on(ChoiceField.Changed, "#scope-kind")
    def _scope_kind_changed(self, event: ChoiceField.Changed) -> None:
        what = self.query_one("#what", ChoiceField).value
        self.query_one("#scope", ChoiceField).set_choices(self._targets(str(event.value), what))

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_export()

    @staticmethod
    def _audiences(*, internal_only: bool = False) -> list[tuple[str, str]]:
        """Who reads it; a care sheet (addresses, phones, health notes) is internal only."""
        audiences = ("internal",) if internal_only else AUDIENCES
        return [(t(f"tui.export.audience.{a}"), a) for a in audiences]

    def _default_path(self, what: str, fmt: str) -> str:
        """The sheet, its scope and the week: one community never lands on another's file."""
        if self.is_mounted:
            kind = self.query_one("#scope-kind", ChoiceField).value
            target = self.query_one("#scope", ChoiceField).value
        else:  # composing: the scope offered first, the app's
            kind = "community" if self.community else "subdistrict"
            target = self.community or ""
        scope = scope_name(self.roster, **({kind: target} if kind in SCOPED and target else {}))
        sheet, extension = t(f"tui.export.file.{what}"), EXTENSIONS[fmt]
        if what in CARE_SHEETS:
            day = self.query_one("#day", ChoiceField).value if what == "contacts" else self.today
            return str(Path.cwd() / day_file_name(sheet, scope, day, extension))
        return str(Path.cwd() / default_file_name(sheet, scope, self.week, extension))

    @on(ChoiceField.Changed, "#what, #fmt, #scope-kind, #scope, #day")
    def _kind_changed(self, event: ChoiceField.Changed) -> None:
        what = self.query_one("#what", ChoiceField).value
        fmt_field = self.query_one("#fmt", ChoiceField)
        if event.field.id == "what":
            fmt_field.set_choices(self._formats(what), keep=fmt_field.value)
            self._sheet_changed(what)
        self.query_one("#path", Input).value = self._default_path(what, fmt_field.value)

    def _request(self) -> ExportRequest | None:
        app = cast("RosterApp", self.app)
        what = self.query_one("#what", ChoiceField).value
        day: dt.date | None = None
        now: dt.datetime | None = None
        if what in CARE_SHEETS:  # a day's round, or the requests as they stand now
            now = app.now()
            day = self.query_one("#day", ChoiceField).value if what == "contacts" else None
            week = Week.of(day or now.date())
        else:
            try:
                week = Week.parse(self.query_one("#week", Input).value.strip())
            except ValueError:
                typed = self.query_one("#week", Input).value
                self._status(t("cli.bad_week", value=typed), error=True)
                return None
        kind = self.query_one("#scope-kind", ChoiceField).value
        target = self.query_one("#scope", ChoiceField).value or None
        return ExportRequest(
            what=what,
            fmt=self.query_one("#fmt", ChoiceField).value,
            week=week,
            community=target if kind == "community" else None,
            post=target if kind == "post" else None,
            person=target if kind == "person" else None,
            audience=self.query_one("#audience", ChoiceField).value,
            lang=current_language(),
            today=app.today(),
            day=day,
            now=now,
        )

    def _status(self, message: str, *, error: bool = False) -> None:
        self.query_one("#export-status", Static).update(
            Text(message, style="bold red" if error else "")
        )

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss()

    @on(Button.Pressed, "#do-export")
    def action_export(self) -> None:
        request = self._request()
        if request is None:
            return
        path = Path(self.query_one("#path", Input).value).expanduser()

        def go(yes: bool | None = True) -> None:
            if yes:
                self._busy(True)
                self.run_export(request, path)

        if path.exists():  # never replaced unasked
            lines = [t("safety.export.exists", path=str(path))]
            self.app.push_screen(ConfirmDialog(t("safety.export.title"), lines), go)
        else:
            go()

    @on(Button.Pressed, "#do-print")
    def _print(self) -> None:
        request = self._request()
        if request is not None:
            self._busy(True)
            # The sheet, scope and audience chosen, as the PDF lp takes on every CUPS system.
            self.run_print(dataclasses.replace(request, fmt="pdf"))

    def _busy(self, busy: bool) -> None:
        self.query_one("#export-busy").display = busy
        self.query_one("#export-buttons").disabled = busy
        if busy:
            self._status(t("tui.export.working"))

    @work(thread=True, exclusive=True, exit_on_error=False)
    def run_export(self, request: ExportRequest, path: Path) -> None:
        app = cast("RosterApp", self.app)
        try:
            request = self._with_edition(request)
            request = app.workspace.with_calendar_memory(request)
            data = render(self.roster, request)
            write_atomically(data, path, protected=app.workspace.own_files())
            app.workspace.remember_calendar(self.roster, request)
            if request.records_print:
                app.workspace.record_print(request.week, f"{request.what}.{request.fmt}")
        except (ExportProblem, RefusedTarget) as exc:
            self.app.call_from_thread(self._finished, str(exc), True)
        except OSError as exc:
            message = t("cli.os_error", path=printable(str(path)), error=exc.strerror or exc)
            self.app.call_from_thread(self._finished, message, True)
        else:
            self.app.call_from_thread(
                self._finished, t("tui.export.written", path=printable(str(path))), False
            )

    @work(thread=True, exclusive=True, exit_on_error=False)
    def run_print(self, request: ExportRequest) -> None:
        app = cast("RosterApp", self.app)
        assert self.lp is not None
        try:
            request = self._with_edition(request)
            data = render(self.roster, request)
            done = subprocess.run([self.lp], input=data, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError, ExportProblem) as exc:
            self.app.call_from_thread(self._finished, t("tui.export.print_failed", error=exc), True)
            return
        if done.returncode != 0:
            error = done.stderr.decode(errors="replace").strip()
            self.app.call_from_thread(
                self._finished, t("tui.export.print_failed", error=printable(error)), True
            )
            return
        if request.records_print:
            app.workspace.record_print(request.week, f"{request.what}.{request.fmt}")
        self.app.call_from_thread(self._finished, t("tui.export.printed"), False)

    def _with_edition(self, request: ExportRequest) -> ExportRequest:
        """A weekly sheet carries its 第N版 (read in the worker: it asks the database)."""
        if not request.records_print:
            return request
        edition = cast("RosterApp", self.app).workspace.print_edition(request.week)
        return dataclasses.replace(request, edition=edition)

    def _finished(self, message: str, error: bool) -> None:
        self._busy(False)
        self._status(message, error=error)

"""One export as a user asks for it: what, which format, which week and scope, where to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roster_tui import export
from roster_tui.domain.clock import now_in, today_in
from roster_tui.domain.model import Roster
from roster_tui.domain.week import Week
from roster_tui.engine.check import check_instances
from roster_tui.engine.expand import expand_instances
from roster_tui.export.grid import PageBy
from roster_tui.export.ics_writer import issue, issued_from_json
from roster_tui.i18n import t
from roster_tui.services.exporting_care import CARE_FORMATS, CARE_SHEETS, care_facts, render_care
from roster_tui.services.safe_write import write_safely

WHATS = ("roster", "duties", "households", "signin", "person", *CARE_SHEETS)
FORMATS = ("csv", "html", "pdf", "txt", "ics", "xlsx")

# Which formats each sheet comes in (the README's command line and the office's habits).
SUPPORTED: dict[str, tuple[str, ...]] = {
    "roster": FORMATS,
    "duties": ("csv", "html", "pdf", "xlsx"),
    "households": ("csv", "html", "pdf", "xlsx"),
    "signin": ("html", "pdf"),
    "person": ("txt",),  # one person's duty sheet: their shifts and households
    "contacts": CARE_FORMATS,  # a carer's daily round (每日问访表), internal only
    "requests": CARE_FORMATS,  # the volunteers' list of open requests, internal only
}
# Formats meant for paper: printing one is recorded, and later editions count changes since.
PRINTABLE = ("html", "pdf", "txt")


class ExportProblem(ValueError):
    """A request the writers cannot serve; ``str()`` says why in the user's language."""


@dataclass(frozen=True, slots=True)
class ExportRequest:
    what: str
    fmt: str
    week: Week
    community: str | None = None
    person: str | None = None
    post: str | None = None
    by: str | None = None  # None: the sheet's own paging; the rest likewise
    encoding: str | None = None
    width: int | None = None  # plain text: display columns per line (80, lp's default)
    audience: export.Audience = "public"  # who reads it decides what it shows, not the format
    lang: str | None = None
    edition: int = 1
    printed_at: dt.datetime | None = None
    # Days left and the like count from today in the sub-district's zone (None: the clock's).
    today: dt.date | None = None
    # A calendar: what the calendar of this scope last issued (see calendar_key), as stored.
    issued: dict[str, Any] | None = None
    # The care sheets: the round's day, and the moment the loop is judged at (zone-aware;
    # None: the clock's). The weekly sheets take neither.
    day: dt.date | None = None
    now: dt.datetime | None = None

    @property
    def care(self) -> bool:
        return self.what in CARE_SHEETS

    @property
    def records_print(self) -> bool:
        """Whether printing it is remembered for the week's 第N版: the weekly sheets only (a
        care sheet is a day's snapshot, stamped with its print time instead)."""
        return self.fmt in PRINTABLE and not self.care


# Which options each format reads; anything else given is a mistake worth saying.
_OPTION_FORMATS: dict[str, tuple[str, ...]] = {
    "by": ("html", "pdf", "txt"),
    "encoding": ("csv",),
    "width": ("txt",),
}


def check_options(request: ExportRequest) -> None:
    """Raise :class:`ExportProblem` for an option that does not apply to the request."""
    if request.fmt not in SUPPORTED.get(request.what, ()):
        raise ExportProblem(t("export.error.unsupported", what=request.what, fmt=request.fmt))
    scopes = [
        f"--{name}"
        for name in ("community", "post", "person")
        if getattr(request, name) is not None
    ]
    if len(scopes) > 1:
        raise ExportProblem(t("export.error.two_scopes", options=" ".join(scopes)))
    if request.what == "person" and request.person is None:
        raise ExportProblem(t("export.error.person_needed"))
    _check_care_options(request)
    for option, formats in _OPTION_FORMATS.items():
        if getattr(request, option) is not None and (
            request.fmt not in formats or (option == "by" and request.what != "roster")
        ):
            raise ExportProblem(
                t("export.error.option", option=f"--{option}", what=request.what, fmt=request.fmt)
            )


def _check_care_options(request: ExportRequest) -> None:
    """The care sheets are internal, by carer or community, for a day (contacts) or a moment."""
    what = request.what
    if not request.care:
        for option in ("day", "now"):
            if getattr(request, option) is not None:
                name = "--date" if option == "day" else "--now"
                raise ExportProblem(t("export.error.sheet_option", option=name, what=what))
        return
    for option in ("post", "by"):
        if getattr(request, option) is not None:
            raise ExportProblem(t("export.error.sheet_option", option=f"--{option}", what=what))
    if request.what == "requests" and request.day is not None:
        raise ExportProblem(t("export.error.sheet_option", option="--date", what=what))
    if request.what == "contacts" and request.day is None:
        raise ExportProblem(t("export.error.date_needed"))
    if request.audience != "internal":
        raise ExportProblem(t("export.error.internal_only", what=what))


def _scope(request: ExportRequest) -> export.Scope:
    if request.person:
        return export.Scope.person(request.person)
    if request.post:
        return export.Scope.post(request.post)
    if request.community:
        return export.Scope.community(request.community)
    return export.Scope.whole()


def render(roster: Roster, request: ExportRequest) -> bytes:
    """The file's bytes. Raises :class:`ExportProblem` for an unsupported combination."""
    check_options(request)
    if request.care:
        return _care(roster, request)
    monday, sunday = request.week.monday, request.week.sunday
    instances = expand_instances(roster, monday, sunday)
    # Every sheet marks what `check` finds for what it shows.
    gaps = check_instances(roster, instances, monday, sunday)
    try:
        view = export.WeekView(
            roster, request.week, instances, _scope(request), request.audience, gaps
        )
    except ValueError as exc:
        raise ExportProblem(str(exc)) from exc
    lang = request.lang
    today = request.today or today_in(roster.subdistrict.timezone)
    edition, printed_at = request.edition, request.printed_at
    fmt, what = request.fmt, request.what
    if fmt == "csv":
        enc = request.encoding or "utf-8-sig"
        if what == "duties":
            return export.write_duties_csv(view, lang=lang, encoding=enc)
        if what == "households":
            return export.write_households_csv(view, lang=lang, encoding=enc, as_of=today)
        return export.write_roster_csv(view, lang=lang, encoding=enc)
    if fmt == "xlsx":
        if what == "duties":
            return export.write_duties_xlsx(view, lang=lang)
        if what == "households":
            return export.write_households_xlsx(view, lang=lang, as_of=today)
        return export.write_roster_xlsx(view, lang=lang)
    if fmt == "ics":
        issued = issued_from_json(request.issued or {})
        return export.write_ics(view, lang=lang, printed_at=printed_at, issued=issued)
    by: PageBy = "compound" if request.by == "compound" else "community"
    if what == "person":
        return export.write_person_sheet_text(view, lang=lang).encode("utf-8")
    if fmt == "pdf":
        return _pdf(view, request, by, today)
    if fmt == "txt":
        return export.write_roster_text(
            view,
            lang=lang,
            by=by,
            edition=edition,
            printed_at=printed_at,
            width=request.width or 80,
        ).encode("utf-8")
    html_writers = {
        "duties": export.write_duties_html,
        "signin": export.write_signin_html,
    }
    if what == "households":
        html = export.write_households_html(
            view, lang=lang, edition=edition, printed_at=printed_at, as_of=today
        )
    elif what in html_writers:
        html = html_writers[what](view, lang=lang, edition=edition, printed_at=printed_at)
    else:
        html = export.write_roster_html(
            view, lang=lang, by=by, edition=edition, printed_at=printed_at
        )
    return html.encode("utf-8")


def _pdf(view: export.WeekView, request: ExportRequest, by: PageBy, today: dt.date) -> bytes:
    from roster_tui.export import pdf_writer  # fpdf2 and the font load only for a PDF

    lang, edition, printed_at = request.lang, request.edition, request.printed_at
    if request.what == "duties":
        return pdf_writer.write_duties_pdf(view, lang=lang, edition=edition, printed_at=printed_at)
    if request.what == "households":
        return pdf_writer.write_households_pdf(
            view, lang=lang, edition=edition, printed_at=printed_at, as_of=today
        )
    if request.what == "signin":
        return pdf_writer.write_signin_pdf(view, lang=lang, edition=edition, printed_at=printed_at)
    return pdf_writer.write_roster_pdf(
        view, lang=lang, by=by, edition=edition, printed_at=printed_at
    )


def _care(roster: Roster, request: ExportRequest) -> bytes:
    facts = care_facts(roster, request.now or now_in(roster.subdistrict.timezone), request.day)
    try:
        view = export.WeekView(roster, Week.of(facts.day), [], _scope(request), request.audience)
    except ValueError as exc:
        raise ExportProblem(str(exc)) from exc
    return render_care(
        view,
        facts,
        request.what,
        request.fmt,
        lang=request.lang,
        printed_at=request.printed_at,
        width=request.width,
        encoding=request.encoding,
    )


def calendar_key(request: ExportRequest) -> str:
    """Which calendar a request writes: each person's, post's or community's phone calendar
    remembers what it was last told, separately."""
    scope = _scope(request)
    return f"{scope.kind.value}:{scope.id or ''}"


def issued_after(roster: Roster, request: ExportRequest) -> dict[str, Any]:
    """What the calendar holds once the file of ``request`` is applied, to store for next time."""
    week = request.week
    view = export.WeekView(
        roster,
        week,
        expand_instances(roster, week.monday, week.sunday),
        _scope(request),
        request.audience,
    )
    _, after = issue(view, request.lang, issued_from_json(request.issued or {}))
    return {uid: event.as_json() for uid, event in after.items()}


def write_atomically(data: bytes, path: Path, *, protected: Sequence[Path] = ()) -> None:
    """Write the export owner-only, whole or not at all, never over the database (safe_write)."""
    write_safely(path, data, protected=protected)

"""The care loop's paper as plain tables: a carer's daily round and the volunteers' requests.

Both sheets are internal (addresses, phones and health notes are the point of them). What the
care loop knows at the sheet's moment (latest readings, due times, which requests are overdue)
is worked out by the services and handed in as :class:`CareFacts`; the tables only arrange it.
``group`` of a row is the page it goes on: the carer of a round, the community of a request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from roster_tui.domain.model import Household, Request
from roster_tui.export.labels import phone_label
from roster_tui.export.sanitize import sanitize
from roster_tui.export.tables import Row, Table
from roster_tui.export.view import ScopeKind, WeekView
from roster_tui.i18n import t

# A request done this long before the sheet's moment still shows (as done), so the volunteers
# see what was handled since the last sheet.
RECENTLY_DONE = dt.timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class CareFacts:
    """The care loop at the sheet's moment, as the services judged it."""

    day: dt.date  # the round's date (days left count from it, 1 on the last day)
    now: dt.datetime  # the moment, naive wall-clock time in the sub-district's zone
    readings: Mapping[str, float] = field(default_factory=dict)  # latest up to ``day``
    due: Mapping[str, dt.datetime] = field(default_factory=dict)  # request id: wall clock
    overdue: frozenset[str] = frozenset()  # request ids not done and past due at ``now``


def open_at(request: Request, now: dt.datetime) -> bool:
    """Asked by ``now`` and not done by then."""
    return request.asked <= now and (request.done is None or request.done > now)


ROUND_COLUMNS = (
    "no",
    "community",
    "carer",
    "compound",
    "address",
    "head",
    "phone",
    "people",
    "days_left",
    "notes",
    "morning",
    "evening",
    "temperature",
    "needs",
)
# On paper each page is one carer's, named in its heading; a file keeps them in columns.
PAGE_COLUMNS = ("community", "carer")
ROUND_WRITE_IN = ("morning", "evening", "temperature", "needs")  # blank, to fill in by hand


def _columns(prefix: str, names: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(t(f"export.col.{prefix}.{name}", lang=lang) for name in names)


def round_households(view: WeekView, day: dt.date) -> list[Household]:
    """The households in quarantine on ``day`` in the view's scope (a person: their carer's)."""
    settings = view.roster.settings
    kind, wanted = view.scope.kind, view.scope.id
    return [
        h
        for h in view.roster.households
        if h.active_on(day, settings)
        and (h.carer == wanted if kind is ScopeKind.PERSON else view.compound_in_scope(h.compound))
    ]


def _carer_order(view: WeekView, ranks: dict[str, int], carer: str | None) -> tuple[int, str, str]:
    """Carers by community (in the roster's order), then name; no carer (or an unknown) last."""
    person = view.people.get(carer or "")
    if person is None:
        return (1 << 30, "", carer or "")
    return (ranks.get(person.community, 1 << 29), person.name, person.id)


def _hints(
    view: WeekView,
    household: Household,
    facts: CareFacts,
    pending: list[Request],
    lang: str,
) -> tuple[str, bool]:
    """What the carer should know before calling: notes, the last reading (a fever said in
    words), the requests still open (``pending``). True when something needs attention."""
    parts = [] if view.public else [sanitize(household.notes)]
    reading = facts.readings.get(household.id)
    fever = reading is not None and reading >= view.roster.settings.fever_temperature
    if reading is not None:
        key = "export.care.fever" if fever else "export.care.last_reading"
        parts.append(t(key, lang=lang, temperature=f"{reading:.1f}"))
    late = sum(1 for r in pending if r.id in facts.overdue)
    if pending:
        key = "export.care.open_overdue" if late else "export.care.open"
        parts.append(t(key, lang=lang, count=len(pending), overdue=late))
    joiner = "；" if lang == "zh" else "; "
    return joiner.join(p for p in parts if p), fever or late > 0


def _walk_order(address: str) -> tuple[tuple[int, int | str], ...]:
    """An address in the order a carer walks it: 2号楼 before 10号楼 (numbers by value)."""
    parts = re.split(r"(\d+)", address)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def round_table(view: WeekView, facts: CareFacts, lang: str, *, paper: bool) -> Table:
    """每日问访表: one row per household, grouped by carer, with blanks for the two calls, the
    reading and the needs. ``paper`` leaves out the columns a page heading already says."""
    names = tuple(c for c in ROUND_COLUMNS if not (paper and c in PAGE_COLUMNS))
    table = Table(t("export.title.round", lang=lang), _columns("round", names, lang))
    kept = [ROUND_COLUMNS.index(c) for c in names]
    notes_col = names.index("notes")
    settings = view.roster.settings
    compound_rank = {c.id: i for i, c in enumerate(view.roster.compounds)}
    community_rank = {c.id: i for i, c in enumerate(view.roster.communities)}
    households = sorted(
        round_households(view, facts.day),
        key=lambda h: (
            _carer_order(view, community_rank, h.carer),
            compound_rank.get(h.compound, 1 << 30),
            _walk_order(h.address),
            h.id,
        ),
    )
    pending: dict[str, list[Request]] = {}
    for request in view.roster.requests:
        if open_at(request, facts.now):
            pending.setdefault(request.household, []).append(request)
    number: dict[str, int] = {}
    for household in households:
        carer = view.people.get(household.carer or "")
        group = carer.id if carer else ""
        if group not in table.group_names:  # namesakes told apart, once per carer
            table.group_names[group] = (
                sanitize(view.person_label(carer.id, lang))
                if carer
                else t("export.care.no_carer", lang=lang)
            )
        number[group] = number.get(group, 0) + 1
        hints, attention = _hints(view, household, facts, pending.get(household.id, []), lang)
        community = view.community_id_of_compound(household.compound)
        row = (
            number[group],
            sanitize(view.community_name(community)),
            table.group_names[group] if carer else sanitize(household.carer),
            sanitize(view.compound_name(household.compound)),
            "" if view.public else sanitize(household.address),
            sanitize(household.head),
            phone_label(view, household.phone),
            household.people,
            (household.end_date(settings) - facts.day).days,
            hints,
            "",
            "",
            "",
            "",
        )
        alerts = frozenset({notes_col}) if attention else frozenset()
        table.rows.append(Row(tuple(row[i] for i in kept), group, alerts))
    return table


REQUEST_COLUMNS = (
    "id",
    "community",
    "compound",
    "address",
    "head",
    "phone",
    "kind",
    "what",
    "asked",
    "due",
    "handler",
    "handler_phone",
    "status",
)


def listed_requests(view: WeekView, facts: CareFacts) -> list[Request]:
    """Open requests by due time (the overdue first by nature), then those done lately."""
    households = view.roster.index.households
    kind, wanted = view.scope.kind, view.scope.id
    chosen = []
    for request in view.roster.requests:
        household = households.get(request.household)
        if kind is ScopeKind.PERSON:
            if request.handler != wanted:
                continue
        elif household is None or not view.compound_in_scope(household.compound):
            continue
        done_lately = request.done is not None and (
            facts.now - RECENTLY_DONE < request.done <= facts.now
        )
        if open_at(request, facts.now) or done_lately:
            chosen.append(request)
    far = dt.datetime.max
    return sorted(
        chosen,
        key=lambda r: (
            not open_at(r, facts.now),
            facts.due.get(r.id, far) if open_at(r, facts.now) else r.done or far,
            r.id,
        ),
    )


def request_status(request: Request, facts: CareFacts, lang: str) -> str:
    """``已超时`` / ``待办`` / ``已办 12-02 15:00``: in words, never by colour alone."""
    if not open_at(request, facts.now):
        done = request.done or facts.now
        return t("export.care.status.done", lang=lang, time=f"{done:%m-%d %H:%M}")
    if request.id in facts.overdue:
        return t("export.care.status.overdue", lang=lang)
    return t("export.care.status.open", lang=lang)


def requests_table(view: WeekView, facts: CareFacts, lang: str, *, paper: bool) -> Table:
    """诉求清单: open requests for the volunteers, a page per community, overdue ones marked."""
    names = tuple(c for c in REQUEST_COLUMNS if not (paper and c in PAGE_COLUMNS))
    table = Table(t("export.title.requests", lang=lang), _columns("request", names, lang))
    kept = [REQUEST_COLUMNS.index(c) for c in names]
    status_col, handler_col = names.index("status"), names.index("handler")
    households = view.roster.index.households
    for request in listed_requests(view, facts):
        household = households.get(request.household)
        compound = household.compound if household else ""
        community_id = view.community_id_of_compound(compound) or ""
        community = sanitize(view.community_name(community_id))
        table.group_names.setdefault(community_id, community)
        handler = view.people.get(request.handler or "")
        alerts = set()
        if request.id in facts.overdue and open_at(request, facts.now):
            alerts.add(status_col)
        if handler is None and open_at(request, facts.now):
            alerts.add(handler_col)
        row = (
            sanitize(request.id),
            community,
            sanitize(view.compound_name(compound)),
            "" if view.public or household is None else sanitize(household.address),
            sanitize(household.head if household else request.household),
            phone_label(view, household.phone if household else ""),
            t(f"request.kind.{request.kind.value}", lang=lang),
            sanitize(request.what),
            _when(request.asked, paper),
            _when(facts.due.get(request.id), paper),
            sanitize(handler.name) if handler else t("export.care.no_handler", lang=lang),
            phone_label(view, handler.phone if handler else "", request.handler),
            request_status(request, facts, lang),
        )
        table.rows.append(Row(tuple(row[i] for i in kept), community_id, frozenset(alerts)))
    # A page per community, in the order the roster lists them; by due time within each.
    rank = {c.id: i for i, c in enumerate(view.roster.communities)}
    table.rows.sort(key=lambda row: rank.get(row.group, 1 << 30))
    return table


def _when(moment: dt.datetime | None, paper: bool) -> str | dt.datetime | None:
    """A time on paper reads ``12-02 15:00`` (the sheet's date says the year); a file keeps the
    date-time, which a spreadsheet reads as one."""
    if moment is None or not paper:
        return moment
    return f"{moment:%m-%d %H:%M}"

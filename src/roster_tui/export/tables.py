"""The roster and the responsibility lists as plain tables, shared by CSV, XLSX and HTML.

A :class:`Table` is typed: numbers stay numbers and dates stay dates until a writer decides how
to spell them, and every text value is already sanitized. ``group`` of a row is its community
id, so the XLSX writer can give each community its own sheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from roster_tui.domain.model import Duty, Household
from roster_tui.export.labels import (
    list_separator,
    phone_label,
    roles_label,
    shortage_label,
    time_range_label,
    weekday_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

Value = str | int | float | dt.date | None


@dataclass(frozen=True, slots=True)
class Row:
    values: tuple[Value, ...]
    group: str  # community id
    alerts: frozenset[int] = frozenset()  # columns to mark as a gap


@dataclass(slots=True)
class Table:
    title: str
    columns: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    group_names: dict[str, str] = field(default_factory=dict)  # community id -> name
    _grouped: tuple[int, dict[str, list[Row]]] | None = field(default=None, repr=False)

    def groups(self) -> list[tuple[str, list[Row]]]:
        """Rows by community, communities in first-seen order."""
        grouped: dict[str, list[Row]] = {}
        for row in self.rows:
            grouped.setdefault(row.group, []).append(row)
        return list(grouped.items())

    def rows_of(self, group: str) -> list[Row]:
        """The rows of one group (a page), grouped once for all pages of a long sheet."""
        if self._grouped is None or self._grouped[0] != len(self.rows):
            self._grouped = (len(self.rows), dict(self.groups()))
        return self._grouped[1].get(group, [])


def date_text(value: dt.date) -> str:
    """A date as ``2026-12-02``; a date-time to the minute, ``2026-12-02 15:00``."""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return value.isoformat()


def _columns(prefix: str, names: tuple[str, ...], lang: str) -> tuple[str, ...]:
    return tuple(t(f"export.col.{prefix}.{name}", lang=lang) for name in names)


ROSTER_COLUMNS = (
    "date",
    "weekday",
    "shift",
    "time",
    "community",
    "compound",
    "post",
    "name",
    "phone",
    "roles",
    "need",
    "have",
    "shortage",
)
ROSTER_SHORTAGE_COLUMN = ROSTER_COLUMNS.index("shortage")


def roster_table(view: WeekView, lang: str) -> Table:
    """One row per shift instance and counted person; an instance with nobody gets one row."""
    table = Table(t("export.title.roster", lang=lang), _columns("roster", ROSTER_COLUMNS, lang))
    week_labels = {day: weekday_label(day, lang) for day in view.days}
    # Thousands of rows repeat a few hundred posts and people: spell each of them once.
    places: dict[str, tuple[str, str, str, str]] = {}
    people: dict[str, tuple[str, str, str]] = {"": ("", "", "")}
    for instance in view.instances:
        post = instance.post
        if post.id not in places:
            compound = view.compound_of(post)
            community_id = compound.community if compound else ""
            community = sanitize(view.community_name(community_id))
            table.group_names.setdefault(community_id, community)
            compound_name = sanitize(compound.name if compound else post.compound)
            places[post.id] = (community_id, community, compound_name, sanitize(post.name))
        community_id, community, compound_name, post_name = places[post.id]
        shortage = shortage_label(view, instance, lang)
        head = (
            instance.date,
            week_labels[instance.date],
            sanitize(instance.shift.name),
            # One text cell for the span: separate start and end cells turn into time values in
            # a spreadsheet, except 次日08:00, which stays text (a column of mixed types).
            time_range_label(view, instance, lang),
            community,
            compound_name,
            post_name,
        )
        tail = (instance.need, instance.have, shortage)
        alerts = frozenset({ROSTER_SHORTAGE_COLUMN}) if shortage else frozenset()
        for pid in instance.counted or ("",):
            if pid not in people:
                people[pid] = _person_cells(view, pid, lang)
            table.rows.append(Row((*head, *people[pid], *tail), community_id, alerts))
    return table


def _person_cells(view: WeekView, pid: str, lang: str) -> tuple[str, str, str]:
    person = view.people.get(pid)
    if person is None:
        return (sanitize(pid), "", "")
    return (
        sanitize(person.name),
        phone_label(view, person.phone, pid),
        roles_label(person, lang),
    )


DUTY_COLUMNS = (
    "community",
    "kind",
    "target",
    "compound_kind",
    "party_group",
    "person",
    "role",
    "phone",
    "status",
)


def duties_table(view: WeekView, lang: str) -> Table:
    """包街包院: every street and compound in scope with its responsible people, gaps marked."""
    table = Table(t("export.title.duties", lang=lang), _columns("duty", DUTY_COLUMNS, lang))
    status_col, group_col = DUTY_COLUMNS.index("status"), DUTY_COLUMNS.index("party_group")
    targets: list[tuple[str, str, str, str, str, bool, list[Duty]]] = []
    for street in view.streets_in_scope():
        duties = view.duties_for_street(street.id)
        targets.append(
            (
                street.community,
                t("export.duty.street", lang=lang),
                street.name,
                "",
                "",
                False,
                duties,
            )
        )
    for compound in view.compounds_in_scope():
        groups = view.party_groups_for(compound.id)
        needs_group = compound.kind.value == "unmanaged" and not groups
        group_text = (
            t("export.duty.no_group", lang=lang)
            if needs_group
            else list_separator(lang).join(sanitize(g.name) for g in groups)
        )
        targets.append(
            (
                compound.community,
                t("export.duty.compound", lang=lang),
                compound.name,
                t(f"kind.{compound.kind.value}", lang=lang),
                group_text,
                needs_group,
                view.duties_for_compound(compound.id),
            )
        )
    for community_id, kind, name, kind_label, group_text, needs_group, duties in targets:
        community = sanitize(view.community_name(community_id))
        table.group_names.setdefault(community_id, community)
        head = (community, kind, sanitize(name), kind_label, group_text)
        covered = any(view.people.get(d.person) and view.people[d.person].active for d in duties)
        group_alert = {group_col} if needs_group else set()
        if not duties:
            status = t("export.duty.uncovered", lang=lang)
            row = (*head, "", "", "", status)
            table.rows.append(Row(row, community_id, frozenset({status_col, *group_alert})))
            continue
        for duty in duties:
            person = view.people.get(duty.person)
            active = bool(person and person.active)
            if active:
                status = t("export.duty.covered", lang=lang)
            elif covered:
                status = t("export.duty.inactive", lang=lang)
            else:
                status = t("export.duty.uncovered_inactive", lang=lang)
            alerts = set(group_alert) | (set() if active or covered else {status_col})
            row = (
                *head,
                sanitize(person.name if person else duty.person),
                sanitize(duty.role),
                phone_label(view, person.phone if person else "", duty.person),
                status,
            )
            table.rows.append(Row(row, community_id, frozenset(alerts)))
    return table


HOUSEHOLD_COLUMNS = (
    "id",
    "community",
    "compound",
    "address",
    "head",
    "head_phone",
    "people",
    "start",
    "end",
    "days_left",
    "carer",
    "carer_phone",
    "notes",
    "status",
)
INTERNAL_ONLY = ("address", "notes")


def _carer_problem(view: WeekView, household: Household) -> str | None:
    """Why the household has no working carer this week (docs/format.md: household_uncared)."""
    carer = view.people.get(household.carer or "")
    if household.carer is None or carer is None:
        return "missing"
    if not carer.active:
        return "inactive"
    settings = view.roster.settings
    first = max(household.start, view.monday)
    last = min(household.end_date(settings), view.sunday + dt.timedelta(days=1))
    window = (dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()))
    for leave in view.roster.leaves:
        if leave.person == carer.id and leave.start < window[1] and leave.end > window[0]:
            return "leave"
    return None


def households_table(view: WeekView, lang: str, *, as_of: dt.date | None = None) -> Table:
    """点对点包户: households in quarantine this week, with carer and days left on ``as_of``.

    A public sheet has no address or notes column (health notes such as 孕妇 stay internal)."""
    names = tuple(c for c in HOUSEHOLD_COLUMNS if not view.public or c not in INTERNAL_ONLY)
    table = Table(t("export.title.households", lang=lang), _columns("household", names, lang))
    today = as_of or view.monday
    settings = view.roster.settings
    status_col, carer_col = names.index("status"), names.index("carer")
    kept = [HOUSEHOLD_COLUMNS.index(c) for c in names]
    for household in view.households_in_scope():
        community_id = view.community_id_of_compound(household.compound) or ""
        community = sanitize(view.community_name(community_id))
        table.group_names.setdefault(community_id, community)
        end = household.end_date(settings)
        days_left = max(0, (end - max(today, household.start)).days)
        carer = view.people.get(household.carer or "")
        problem = _carer_problem(view, household)
        if problem is None and household.carer in view.overloaded_carers:
            problem = "overloaded"
        status = t(f"export.household.{problem or 'ok'}", lang=lang)
        row = (
            sanitize(household.id),
            community,
            sanitize(view.compound_name(household.compound)),
            sanitize(household.address),
            sanitize(household.head),
            phone_label(view, household.phone),
            household.people,
            household.start,
            end,
            days_left,
            sanitize(carer.name if carer else household.carer),
            phone_label(view, carer.phone if carer else "", household.carer),
            sanitize(household.notes),
            status,
        )
        alerts = frozenset({status_col, carer_col}) if problem else frozenset()
        table.rows.append(Row(tuple(row[i] for i in kept), community_id, alerts))
    return table

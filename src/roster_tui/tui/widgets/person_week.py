"""One person at a glance: who they are, this week's shifts and hours, warnings, leave,
the households they care for and the places they answer for."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from rich.text import Text
from textual.widgets import Static

from roster_tui.domain.clock import format_hhmm
from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Leave, Person, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.people import PersonWeek
from roster_tui.tui.widgets.availability_label import window_label
from roster_tui.tui.widgets.household_labels import days_left_text
from roster_tui.tui.widgets.household_rows import is_fever, readings_on
from roster_tui.tui.widgets.person_label import person_label, role_names


def weekday_text(day: dt.date) -> str:
    """``周三``: enough within the week the panel is about."""
    return t(f"tui.people.weekday.{day.weekday()}")


def leave_text(leave: Leave) -> str:
    reason = f" {printable(leave.reason)}" if leave.reason else ""
    return (
        t(
            "tui.people.leave.span",
            start=f"{leave.start:%Y-%m-%d %H:%M}",
            end=f"{leave.end:%Y-%m-%d %H:%M}",
        )
        + reason
    )


class _Names:
    """Ids to printable names, built once per roster; the households' only when a warning
    names one (a large sub-district has thousands)."""

    def __init__(self, roster: Roster) -> None:
        self._roster = roster
        self.posts = {p.id: printable(p.name) for p in roster.posts}
        self.compounds = {c.id: printable(c.name) for c in roster.compounds}
        self.streets = {s.id: printable(s.name) for s in roster.streets}
        self.communities = {c.id: c.name for c in roster.communities}
        self.groups = {g.id: printable(g.name) for g in roster.party_groups}

    @cached_property
    def households(self) -> dict[str, str]:
        return {h.id: printable(h.address) for h in self._roster.households}

    def where(self, post: str | None, day: dt.date | None, shift: str | None) -> str:
        date = weekday_text(day) if day else ""
        name = self.posts.get(post or "", post or "")
        return f"{date} {name} {printable(shift or '')}".strip()


# The last roster's names: a panel is drawn at every move of the cursor, and they walk
# thousands of rows (a worker works them out first, see ``warm``, with the readings). A tuple
# is replaced whole, so a worker and the event loop may both use it.
_names_of: tuple[Roster, _Names] | None = None


def _names(roster: Roster) -> _Names:
    global _names_of
    kept = _names_of
    if kept is None or kept[0] is not roster:
        kept = _names_of = (roster, _Names(roster))
    return kept[1]


def warm(roster: Roster, today: dt.date) -> None:
    """Work out what drawing a panel of ``roster`` needs (in a worker, off the event loop)."""
    _names(roster)
    readings_on(roster, today)


def gap_text(gap: Gap, names: _Names) -> str:
    where = names.where(gap.post, gap.date, gap.shift)
    if gap.kind is GapKind.UNAVAILABLE:
        return t(
            "tui.people.gap.unavailable",
            where=where,
            reason=t(f"tui.people.unavailable.{gap.reason}"),
        )
    if gap.kind is GapKind.SHORT_REST:
        return t("tui.people.gap.short_rest", where=where, hours=f"{gap.hours or 0:g}")
    if gap.kind is GapKind.DOUBLE_BOOKED:
        other = names.where(gap.other_post, gap.other_date, gap.other_shift)
        return t("tui.people.gap.double_booked", where=where, other=other)
    if gap.kind is GapKind.OVERTIME:
        return t(
            "tui.people.gap.overtime",
            week=gap.week,
            hours=f"{gap.hours or 0:g}",
            max=f"{gap.max or 0:g}",
        )
    if gap.kind is GapKind.CARER_OVERLOADED:
        return t("tui.people.gap.carer_overloaded", count=gap.count, max=f"{gap.max or 0:g}")
    if gap.kind is GapKind.HOUSEHOLD_UNCARED:
        return t(
            "tui.people.gap.household_uncared",
            household=names.households.get(gap.household or "", gap.household),
            reason=t(f"tui.people.uncared.{gap.reason}"),
        )
    return t(f"tui.people.gap.{gap.kind.value}")


def _head(person: Person, roster: Roster, names: _Names) -> list[Text]:
    title = Text(person_label(person, names.communities), style="bold")
    since: list[Text] = []
    if not person.active:
        title.append(f"  [{t('tui.people.inactive')}]", style="bold red")
        if person.inactive_from is not None:  # shifts that had started by then keep them
            moment = f"{person.inactive_from:%Y-%m-%d %H:%M}"
            since.append(Text(t("tui.people.inactive_from", moment=moment), style="red"))
    ident = t("tui.people.detail.id", id=printable(person.id))
    group = names.groups.get(person.party_group or "", t("tui.none"))
    limit = person.max_hours_per_week
    hours = (
        t("tui.people.detail.max", hours=f"{limit:g}")
        if limit is not None
        else t("tui.people.detail.max_default", hours=f"{roster.settings.max_hours_per_week:g}")
    )
    if person.available is None:
        windows = t("tui.people.detail.always")
    elif not person.available:
        windows = t("tui.people.detail.never")
    else:
        windows = "; ".join(printable(window_label(w)) for w in person.available)
    return [
        title,
        *since,
        Text(f"{ident} | {role_names(person.roles)}"),
        Text(t("tui.people.detail.group", group=group)),
        Text(hours),
        Text(t("tui.people.detail.available") + windows),
    ]


def render_person_week(
    week: PersonWeek | None, person: Person, roster: Roster, today: dt.date
) -> Text:
    """The detail panel's text; ``week`` is None while the week is still being worked out."""
    names = _names(roster)
    lines = _head(person, roster, names)
    lines.append(Text(""))
    if week is None:
        lines.append(Text(t("tui.loading"), style="dim"))
        return Text("\n").join(lines)
    label = str(week.week)
    lines.append(
        Text(
            t(
                "tui.people.detail.week",
                week=label,
                count=len(week.shifts),
                hours=f"{week.hours:g}",
            ),
            style="bold",
        )
    )
    not_counted = {(g.post, g.date, g.shift) for g in week.gaps if g.kind is GapKind.UNAVAILABLE}
    for shift in week.shifts:
        line = Text(
            f" {weekday_text(shift.date)} "
            f"{format_hhmm(shift.shift.start)}-{format_hhmm(shift.shift.end)} "
            f"{names.posts.get(shift.post.id)} {printable(shift.shift.name)}"
        )
        if shift.key in not_counted:
            line.append(f" ({t('tui.people.not_counted')})", style="red")
        lines.append(line)
    if week.gaps:
        lines.append(Text(t("tui.people.detail.warnings"), style="bold yellow"))
        lines.extend(Text(f"  {gap_text(g, names)}", style="yellow") for g in week.gaps)
    lines.append(Text(t("tui.people.detail.leaves", count=len(week.leaves)), style="bold"))
    lines.extend(Text(f"  {leave_text(lv)}") for lv in week.leaves)
    lines.append(Text(t("tui.people.detail.households", count=len(week.households)), style="bold"))
    readings = readings_on(roster, today) if week.households else {}
    for household in week.households:
        left = days_left_text(household, roster.settings, today)
        compound = names.compounds.get(household.compound, household.compound)
        line = Text(
            f"  {compound} {printable(household.address)} {printable(household.head)} {left}"
        )
        reading = readings.get(household.id)
        if reading is not None and is_fever(household, roster, today, reading):
            fever = t("tui.care.round.fever", temperature=f"{reading:.1f}")
            line.append(f" {fever}", style="bold red")
        lines.append(line)
    lines.append(Text(t("tui.people.detail.duties", count=len(week.duties)), style="bold"))
    for duty in week.duties:
        place = (
            names.compounds.get(duty.compound, duty.compound)
            if duty.compound
            else names.streets.get(duty.street or "", duty.street or "")
        )
        role = f" {printable(duty.role)}" if duty.role else ""
        lines.append(Text(f"  {place}{role}"))
    return Text("\n").join(lines)


class PersonWeekView(Static):
    """The right-hand panel of the People screen."""

    def show(
        self, week: PersonWeek | None, person: Person | None, roster: Roster, today: dt.date
    ) -> None:
        if person is None:
            self.update(Text(t("tui.people.none_selected"), style="dim"))
        else:
            self.update(render_person_week(week, person, roster, today))

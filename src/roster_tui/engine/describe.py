"""One line per gap, in the current language, naming people and places by name and id.

Two people called 张伟 are normal in a sub-district, so every name comes with its id.
"""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import t


def gap_kind_label(kind: GapKind | str) -> str:
    """The short name of a kind of gap (缺员, 休息不足 …)."""
    return t(f"gap.kind.{GapKind(kind).value}")


def _number(value: float | None) -> str:
    """Hours and limits as people write them: 8, 7.5 (never 7.999999)."""
    return f"{round(value or 0, 1):g}"


def _date(day: dt.date) -> str:
    return t("date.month_day", month=day.month, day=day.day)


def _week(week: Week) -> str:
    return t("week.label", year=week.year, week=week.number)


class GapDescriber:
    """Describes many gaps of one roster; the name lookups are built once."""

    def __init__(self, roster: Roster) -> None:
        self.roster = roster
        self._names: dict[str, dict[str, str]] = {
            "person": {p.id: p.name for p in roster.people},
            "post": {p.id: p.name for p in roster.posts},
            "street": {s.id: s.name for s in roster.streets},
            "compound": {c.id: c.name for c in roster.compounds},
            "household": {h.id: h.address for h in roster.households},
        }

    def named(self, table: str, id_: str | None) -> str:
        """``张伟（p001）``; just the id when the row is gone."""
        if id_ is None:
            return ""
        name = self._names[table].get(id_)
        return t("gap.named", name=name, id=id_) if name is not None else id_

    def _instance(self, post: str | None, day: dt.date | None, shift: str | None) -> str:
        assert day is not None  # every instance gap has its date
        return t(
            "gap.instance",
            post=self.named("post", post),
            shift=shift,
            date=_date(day),
            weekday=t(f"weekday.{day.weekday()}"),
        )

    def __call__(self, gap: Gap) -> str:
        # Names, ids and shift names come from the data: escape any control character once,
        # here, so no caller can print an escape sequence from a description.
        return printable(self._describe(gap))

    def _describe(self, gap: Gap) -> str:
        kind = gap.kind
        key = f"gap.describe.{kind.value}"
        person = self.named("person", gap.person)
        if kind in (GapKind.UNDERSTAFFED, GapKind.MISSING_ROLE, GapKind.UNAVAILABLE):
            instance = self._instance(gap.post, gap.date, gap.shift)
            return t(
                key,
                instance=instance,
                need=gap.need,
                have=gap.have,
                role=t(f"role.{gap.role}") if gap.role else "",
                person=person,
                reason=t(f"gap.reason.{gap.reason}") if gap.reason else "",
            )
        if kind in (GapKind.DOUBLE_BOOKED, GapKind.SHORT_REST):
            return t(
                key,
                person=person,
                instance=self._instance(gap.post, gap.date, gap.shift),
                other=self._instance(gap.other_post, gap.other_date, gap.other_shift),
                hours=_number(gap.hours),
            )
        if kind == GapKind.OVERTIME:
            week = _week(gap.week) if gap.week else ""
            return t(key, person=person, week=week, hours=_number(gap.hours), max=_number(gap.max))
        if kind == GapKind.HOUSEHOLD_UNCARED:
            reason = t(f"gap.uncared.{gap.reason}", person=person)
            return t(
                key,
                household=self.named("household", gap.household),
                compound=self.named("compound", gap.compound),
                reason=reason,
            )
        if kind in (GapKind.HOUSEHOLD_UNCONTACTED, GapKind.FEVER, GapKind.REQUEST_OVERDUE):
            return self._care(gap, key, person)
        if kind == GapKind.CARER_OVERLOADED:
            day = _date(gap.date) if gap.date else ""
            return t(key, person=person, date=day, count=gap.count, max=_number(gap.max))
        return t(
            key,
            street=self.named("street", gap.street),
            compound=self.named("compound", gap.compound),
        )

    def _care(self, gap: Gap, key: str, person: str) -> str:
        household = self.named("household", gap.household)
        compound = self.named("compound", gap.compound)
        day = _date(gap.date) if gap.date else ""
        if gap.kind == GapKind.HOUSEHOLD_UNCONTACTED:
            carer = t("gap.care.carer", person=person) if gap.person else ""
            return t(key, household=household, compound=compound, date=day, carer=carer)
        if gap.kind == GapKind.FEVER:
            temperature = f"{gap.temperature:.1f}"
            return t(key, household=household, compound=compound, date=day, person=person,
                     temperature=temperature)  # fmt: skip
        handler = t("gap.care.handler", person=person) if gap.person else t("gap.care.no_handler")
        return t(
            key,
            household=household,
            request=gap.request,
            request_kind=t(f"request.kind.{gap.request_kind}"),
            asked=(gap.asked or "").replace("T", " "),
            due=(gap.due or "").replace("T", " "),
            handler=handler,
        )


def describe_gap(gap: Gap, roster: Roster) -> str:
    """One line saying what is wrong.

    For example ``农科路12号院东门（x001） 白班 12月3日 周四：需 2 人，实到 1 人``.

    For many gaps of one roster, build a :class:`GapDescriber` once instead.
    """
    return GapDescriber(roster)(gap)

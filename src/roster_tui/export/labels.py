"""How dates, times, roles and shortages read on paper, in the reader's language."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person
from roster_tui.export.privacy import mask_phone, show_phone
from roster_tui.export.sanitize import sanitize
from roster_tui.export.view import MARKED_GAPS, WeekView
from roster_tui.i18n import current_language, t


def language(lang: str | None) -> str:
    return lang or current_language()


def list_separator(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def date_label(day: dt.date, lang: str) -> str:
    """``12月1日`` / ``12/1``."""
    return t("date.month_day", lang=lang, year=day.year, month=day.month, day=day.day)


def date_label_full(day: dt.date, lang: str) -> str:
    """``2026年11月30日`` / ``2026-11-30``."""
    return t("date.full", lang=lang, year=day.year, month=day.month, day=day.day)


def weekday_label(day: dt.date, lang: str) -> str:
    return t(f"weekday.{day.weekday()}", lang=lang)


def week_label(view: WeekView, lang: str) -> str:
    """``2026年第49周（12月1日—12月7日）``."""
    week = view.week
    return t(
        "export.week_span",
        lang=lang,
        week=t("week.label", lang=lang, year=week.year, week=week.number),
        first=date_label(view.monday, lang),
        last=date_label(view.sunday, lang),
    )


@lru_cache(maxsize=4096)
def _local(moment: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    # Thousands of instances share a few dozen start and end instants in a week.
    return moment.astimezone(zone)


@lru_cache(maxsize=4096)
def _hhmm(moment: dt.datetime, zone: dt.tzinfo) -> str:
    return f"{_local(moment, zone):%H:%M}"


def start_label(view: WeekView, instance: ShiftInstance) -> str:
    return _hhmm(instance.start, view.zone)


def end_label(view: WeekView, instance: ShiftInstance, lang: str) -> str:
    """``20:00``; ``24:00`` at the next midnight; ``次日08:00`` when it ends on a later day."""
    end = _local(instance.end, view.zone)
    days_on = (end.date() - instance.date).days
    if days_on <= 0:
        return _hhmm(instance.end, view.zone)
    if days_on == 1 and end.hour == 0 and end.minute == 0:
        return "24:00"
    return t("export.next_day", lang=lang, time=_hhmm(instance.end, view.zone))


def time_range_label(view: WeekView, instance: ShiftInstance, lang: str) -> str:
    return f"{start_label(view, instance)}–{end_label(view, instance, lang)}"


def pattern_range_label(start: int, end: int, lang: str, *, dash: str = "–") -> str:
    """A shift pattern's nominal hours, for a grid row that spans a week.

    Plain text passes an ASCII ``dash``: the en dash is ambiguous-width and may take two cells
    in a Chinese terminal, which would break a grid's alignment.
    """
    first = f"{start // 60:02d}:{start % 60:02d}"
    last = f"{end // 60:02d}:{end % 60:02d}"
    if end <= start and end != 0:
        last = t("export.next_day", lang=lang, time=last)
    elif end == 0:
        last = "24:00"
    return f"{first}{dash}{last}"


def roles_label(person: Person | None, lang: str) -> str:
    if person is None:
        return ""
    return list_separator(lang).join(t(f"role.{role.value}", lang=lang) for role in person.roles)


def phone_label(view: WeekView, phone: str | None, person_id: str | None = None) -> str:
    """A phone as this sheet's audience may see it: whole on an internal sheet and for a
    responsible official, masked for everyone else on a public one."""
    if view.public and person_id not in view.officials:
        return mask_phone(phone)
    return show_phone(phone)


def missing_role(view: WeekView, instance: ShiftInstance) -> bool:
    role = instance.shift.need_role
    if role is None:
        return False
    return not any(role in view.people[pid].roles for pid in instance.counted if pid in view.people)


def shortage_label(view: WeekView, instance: ShiftInstance, lang: str) -> str:
    """``缺1人``, ``缺党员``, both, or ``""`` when the instance is fully staffed."""
    parts = []
    if instance.understaffed:
        parts.append(t("export.short_people", lang=lang, count=instance.need - instance.have))
    if missing_role(view, instance):
        role = instance.shift.need_role
        assert role is not None
        parts.append(t("export.short_role", lang=lang, role=t(f"role.{role.value}", lang=lang)))
    return " ".join(parts)


def gap_mark(kind: GapKind, lang: str) -> str:
    """``[重]`` double booked, ``[休]`` short rest, ``[超]`` overtime: brackets every font has."""
    return f"[{t(f'export.mark.{kind.value}', lang=lang)}]"


def marked_names(view: WeekView, instance: ShiftInstance, lang: str) -> list[str]:
    """The counted people, each followed by the marks of the gaps `check` found for them here."""
    return [
        sanitize(view.person_name(pid))
        + "".join(gap_mark(k, lang) for k in view.gaps_of(instance, pid))
        for pid in instance.counted
    ]


def gap_legend(lang: str) -> str:
    """The short legend printed under a sheet that may carry gap marks."""
    marks = "  ".join(
        f"{gap_mark(kind, lang)} {t(f'export.legend.{kind.value}', lang=lang)}"
        for kind in MARKED_GAPS
    )
    return t("export.legend", lang=lang, marks=marks)


def counted_names(view: WeekView, instance: ShiftInstance) -> list[str]:
    return [sanitize(view.person_name(pid)) for pid in instance.counted]


def leader_label(view: WeekView, compound_id: str, lang: str) -> str:
    """``包保责任人：张伟 138 0000 0001``, or a plain statement that nobody is named."""
    found = view.duty_leader(compound_id)
    if found is None:
        return t("export.leader_none", lang=lang)
    person, duty = found
    role = sanitize(duty.role) or t("export.leader_default_role", lang=lang)
    return t(
        "export.leader",
        lang=lang,
        role=role,
        name=sanitize(person.name),
        phone=phone_label(view, person.phone, person.id),
    )


def internal_mark(view: WeekView, lang: str) -> str:
    """``内部资料 · 注意保密`` on every page of an internal sheet; nothing on a public one."""
    return "" if view.public else t("export.internal", lang=lang)


def for_whom(view: WeekView, title: str, lang: str) -> str:
    """A sheet's title, naming the person on a per-person sheet so namesakes are told apart:
    ``值班表 · 张伟（东风社区，手机尾号0001）``."""
    if view.scope.kind.value != "person" or view.scope.id is None:
        return title
    return f"{title} · {sanitize(view.person_label(view.scope.id, lang or None))}"


def is_unassigned(label: str) -> bool:
    """Whether a header fact says a compound has no lead official (in either language)."""
    return label.endswith((t("export.leader_none", lang="zh"), t("export.leader_none", lang="en")))


def stamp_label(edition: int, printed_at: dt.datetime, lang: str) -> str:
    return t("export.stamp", lang=lang, edition=edition, printed=f"{printed_at:%Y-%m-%d %H:%M}")


def printed_time(view: WeekView, printed_at: dt.datetime | None) -> dt.datetime:
    """The print time in the sub-district's zone; a naive time is taken as its wall-clock time."""
    if printed_at is None:
        return dt.datetime.now(view.zone)
    if printed_at.tzinfo is None:
        return printed_at.replace(tzinfo=view.zone)
    return printed_at.astimezone(view.zone)

"""One person's duty sheet for a week: who, how to reach them, their shifts and households.

Handed to the person on duty (or pinned at the post), so it names them beyond doubt: name,
community and the phone's last four digits, as namesakes (three 张伟) are common. The full
phone is on it: the sheet is for the person and the office, not a public board.
"""

from __future__ import annotations

import datetime as dt

from roster_tui.domain.clock import format_hhmm
from roster_tui.export.sanitize import sanitize
from roster_tui.export.view import ScopeKind, WeekView
from roster_tui.i18n import t


def write_person_sheet_text(view: WeekView, *, lang: str | None = None) -> str:
    pid = view.scope.id
    if view.scope.kind is not ScopeKind.PERSON or pid is None or pid not in view.people:
        raise ValueError(t("export.error.person_needed", lang=lang))
    person = view.people[pid]
    named = view.namesake_label(view.names.of(person), lang)  # named in full, namesake or not

    def day(date: dt.date) -> str:
        return t("date.month_day", lang=lang, month=date.month, day=date.day)

    lines = [
        t("export.person.title", lang=lang, person=sanitize(named)),
        t(
            "export.week_span",
            lang=lang,
            week=str(view.week),
            first=day(view.monday),
            last=day(view.sunday),
        ),
        t("export.person.phone", lang=lang, phone=sanitize(person.phone)),
        "",
        t("export.person.shifts", lang=lang, count=len(view.instances)),
    ]
    for instance in view.instances:
        when = f"{day(instance.date)} {t(f'weekday.{instance.date.weekday()}', lang=lang)}"
        hours = f"{format_hhmm(instance.shift.start)}-{format_hhmm(instance.shift.end)}"
        place = view.compound_name(instance.post.compound)
        lines.append(
            f"  {when} {hours} {sanitize(place)} {sanitize(instance.post.name)} "
            f"{sanitize(instance.shift.name)}"
        )
    if not view.instances:
        lines.append("  " + t("export.person.no_shifts", lang=lang))
    households = view.households_in_scope()
    lines += ["", t("export.person.households", lang=lang, count=len(households))]
    settings = view.roster.settings
    for household in households:
        last = household.end_date(settings) - dt.timedelta(days=1)  # the end is exclusive
        lines.append(
            f"  {sanitize(view.compound_name(household.compound))} {sanitize(household.address)}"
            f" {sanitize(household.head)} " + t("export.person.until", lang=lang, date=day(last))
        )
    if not households:
        lines.append("  " + t("export.person.no_households", lang=lang))
    return "\n".join(lines) + "\n"

"""The lines around the week grid: above it, the week and its gap count; under it, the shift
under the cursor, who is on it and its gaps; or, when the grid shows no shift, why not and the
key that changes it."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.engine.describe import describe_gap
from roster_tui.i18n import t, tn
from roster_tui.services.week_filter import EmptyGrid
from roster_tui.tui.widgets.grid_names import CellNames
from roster_tui.tui.widgets.week_cells import short_hours


def week_title(week: Week, gaps: int, filtered: bool) -> Text:
    """``2026年第49周  11月30日 至 12月6日  本周缺口 27 处``; with a filter on, ``gaps`` counts
    only the rows shown, and the title says so (the count should match what the grid shows)."""
    monday, sunday = week.monday, week.sunday
    count = tn("tui.week.gaps.filtered" if filtered else "tui.week.gaps", gaps)
    return Text(
        t(
            "tui.week.title",
            week=t("week.label", year=week.year, week=week.number),
            first=t("date.month_day", month=monday.month, day=monday.day),
            last=t("date.month_day", month=sunday.month, day=sunday.day),
            gaps=count,
        )
    )


def cell_line(
    instance: ShiftInstance,
    names: CellNames,
    gaps: list[Gap],
    roster: Roster,
    width: int = 0,
) -> Text:
    """The shift's post, day and hours, its need and who is on it (named as the grid names
    them, with their ids), then each of its gaps.

    Names that would run past ``width`` (0: any width) start a line of their own, rather than
    the line breaking inside the count before them.
    """
    line = Text()
    line.append(
        f"{printable(instance.post.name)} {printable(instance.shift.name)} "
        f"{instance.date.month}/{instance.date.day} "
        f"{short_hours(instance.shift.start, instance.shift.end)} ",
        style="bold",
    )
    line.append(t("tui.week.need", need=instance.need, have=instance.have))
    on_shift = []
    for pid in instance.assigned:
        name = names.label(pid)
        mark = "" if pid in instance.counted else "!"  # cannot come, as the grid marks them
        on_shift.append(t("tui.week.on_shift.person", mark=mark, name=name, pid=printable(pid)))
    if on_shift:  # nobody on it: the need and the count say all
        who = t("tui.week.on_shift.separator").join(on_shift)
        after = t("tui.week.on_shift", people=who)
        if width and cell_len(line.plain) + cell_len(after) > width:
            after = t("tui.week.on_shift.wrapped", people=who)
        line.append(after)
    for gap in gaps:
        line.append("\n" + describe_gap(gap, roster), style="bold")
    return line


def empty_line(why: EmptyGrid, query: str, scope: str | None, roster: Roster) -> Text:
    """Why the grid of ``scope`` (a community id, None: the whole) filtered by ``query`` shows
    no shift, and how to see some."""
    community = roster.index.communities.get(scope) if scope is not None else None
    where = {"scope": printable(community.name)} if community is not None else {}
    key = f"tui.week.empty.{why.value}" + (".scope" if where else "")
    return Text(t(key, query=printable(query.strip()), **where), style="bold")

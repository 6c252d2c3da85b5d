"""The lines under the week grid: the shift under the cursor, who is on it and its gaps; or,
when the grid shows no shift, why not and the key that changes it."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from roster_tui.domain.clock import format_hhmm
from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Roster
from roster_tui.domain.text import printable
from roster_tui.engine.describe import describe_gap
from roster_tui.i18n import t
from roster_tui.services.week_filter import EmptyGrid


def cell_line(
    instance: ShiftInstance, people: Mapping[str, Person], gaps: list[Gap], roster: Roster
) -> Text:
    """The shift's post, day and hours, its need and who is on it, then each of its gaps."""
    line = Text()
    line.append(
        f"{printable(instance.post.name)} {printable(instance.shift.name)} "
        f"{instance.date.month}/{instance.date.day} "
        f"{format_hhmm(instance.shift.start)}-{format_hhmm(instance.shift.end)} ",
        style="bold",
    )
    line.append(t("tui.week.need", need=instance.need, have=instance.have))
    for pid in instance.assigned:
        person = people.get(pid)
        name = printable(person.name) if person else pid
        mark = "" if pid in instance.counted else "!"
        line.append(f" {mark}{name}({pid})")
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

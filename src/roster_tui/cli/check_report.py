"""``check`` for people: a rich table of gaps grouped by kind, names shown with their ids."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.engine.describe import GapDescriber, gap_kind_label
from roster_tui.i18n import t, tn


def print_gaps(
    roster: Roster, gaps: list[Gap], first: dt.date, last: dt.date, console: Console | None = None
) -> None:
    console = console or Console(highlight=False)
    title = tn(
        "cli.check.title",
        len(gaps),
        subdistrict=printable(roster.subdistrict.name),
        first=first.isoformat(),
        last=last.isoformat(),
    )
    if not gaps:
        console.print(Text(title))
        console.print(Text(t("cli.check.none")))
        return
    by_kind: dict[GapKind, list[Gap]] = defaultdict(list)
    for gap in gaps:
        by_kind[gap.kind].append(gap)
    describe = GapDescriber(roster)  # its name tables are built once for every gap
    table = Table(title=Text(title), show_lines=False, expand=False)
    table.add_column(t("cli.check.kind"), no_wrap=True)
    table.add_column(t("cli.check.count"), justify="right")
    # Folded, not cut: rich cuts a line of wide characters that fills the column exactly with
    # an ellipsis in its middle (needs 2 read "need… 2", a name 陈静 read "陈 …").
    table.add_column(t("cli.check.detail"), overflow="fold")
    for kind in GapKind:  # docs/format.md's order: shifts first, then structure, then households
        rows = sorted(by_kind.get(kind, []), key=_sort_key)
        for i, gap in enumerate(rows):
            label = Text(gap_kind_label(kind), style="bold") if i == 0 else Text("")
            count = Text(str(len(rows))) if i == 0 else Text("")
            table.add_row(label, count, Text(describe(gap)))
        if rows:
            table.add_section()
    console.print(table)


def _sort_key(gap: Gap) -> tuple[str, str, str, str]:
    when = gap.start.isoformat() if gap.start else (gap.date.isoformat() if gap.date else "")
    return (when, gap.post or "", gap.person or "", gap.compound or gap.street or "")

"""``check`` for people: a table of gaps grouped by kind, names shown with their ids.

The table is laid out here, line by line, in the box rich draws (a heavy head, a rule between
kinds): rich's own Table measured and wrapped every cell through its renderables, a quarter of
a second for the large sub-district's 842 gaps, a sixth of the whole ``check``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.engine.describe import GapDescriber, gap_kind_label
from roster_tui.i18n import t, tn

# Each row is "│ kind │ count │ detail │": two borders, three separators, a blank each side.
FRAME = 10
LEAST_DETAIL = 12  # narrower than this the detail column would be all breaks


def print_gaps(
    roster: Roster, gaps: list[Gap], first: dt.date, last: dt.date, console: Console | None = None
) -> None:
    console = console or Console(highlight=False)
    title = report_title(roster, len(gaps), first, last)
    if not gaps:
        console.print(Text(title))
        console.print(Text(t("cli.check.none")))
        return
    by_kind: dict[GapKind, list[Gap]] = defaultdict(list)
    for gap in gaps:
        by_kind[gap.kind].append(gap)
    describe = GapDescriber(roster)  # its name tables are built once for every gap
    sections = []
    for kind in GapKind:  # docs/format.md's order: shifts first, then structure, then households
        rows = sorted(by_kind.get(kind, []), key=_sort_key)
        if rows:
            details = [printable(describe(gap)) for gap in rows]  # data: never raw to a terminal
            sections.append((gap_kind_label(kind), str(len(rows)), details))
    console.file.write("\n".join(_table(title, sections, console)) + "\n")


def report_title(roster: Roster, count: int, first: dt.date, last: dt.date) -> str:
    """文化路街道  2026-11-30 至 2026-12-27  共 842 处缺口: above the table, or alone."""
    return tn(
        "cli.check.title",
        count,
        subdistrict=printable(roster.subdistrict.name),
        first=first.isoformat(),
        last=last.isoformat(),
    )


def _table(title: str, sections: list[tuple[str, str, list[str]]], console: Console) -> list[str]:
    heads = (t("cli.check.kind"), t("cli.check.count"), t("cli.check.detail"))
    kind_w = max(cell_len(heads[0]), *(cell_len(kind) for kind, _, _ in sections))
    count_w = max(cell_len(heads[1]), *(len(count) for _, count, _ in sections))
    widest = max(cell_len(detail) for _, _, details in sections for detail in details)
    room = max(LEAST_DETAIL, console.width - FRAME - kind_w - count_w)
    detail_w = max(cell_len(heads[2]), min(widest, room))
    widths = (kind_w, count_w, detail_w)
    bold = (lambda s: f"\x1b[1m{s}\x1b[0m") if console.is_terminal else (lambda s: s)

    def rule(left: str, line: str, cross: str, right: str) -> str:
        return left + cross.join(line * (w + 2) for w in widths) + right

    def row(cells: tuple[str, str, str], bar: str = "│", strong: bool = False) -> str:
        kind, count, detail = cells
        kind = _pad(kind, kind_w)
        shown = (bold(kind) if strong else kind, " " * (count_w - cell_len(count)) + count)
        return f"{bar} {shown[0]} {bar} {shown[1]} {bar} {_pad(detail, detail_w)} {bar}"

    total = sum(widths) + FRAME
    lines = [_centre(title, total)]
    lines.append(rule("┏", "━", "┳", "┓"))
    lines.append(row(heads, "┃", strong=True))
    lines.append(rule("┡", "━", "╇", "┩"))
    for number, (kind, count, details) in enumerate(sections):
        if number:
            lines.append(rule("├", "─", "┼", "┤"))
        first = True
        for detail in details:
            for part in _wrap(detail, detail_w):
                lines.append(row((kind, count, part) if first else ("", "", part), strong=first))
                first = False
    lines.append(rule("└", "─", "┴", "┘"))
    return lines


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at blanks; a word wider than a line
    is folded, never cut (a name or a count is read whole)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        joined = f"{line} {word}" if line else word
        if cell_len(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        while cell_len(word) > width:
            cut = _fits(word, width)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


def _fits(word: str, width: int) -> int:
    """How many characters of ``word`` fill at most ``width`` cells (at least one)."""
    used = 0
    for index, char in enumerate(word):
        used += cell_len(char)
        if used > width:
            return max(index, 1)
    return len(word)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def _centre(text: str, width: int) -> str:
    spare = max(0, width - cell_len(text))
    return " " * (spare // 2) + text + " " * (spare - spare // 2)


def _sort_key(gap: Gap) -> tuple[str, str, str, str]:
    when = gap.start.isoformat() if gap.start else (gap.date.isoformat() if gap.date else "")
    return (when, gap.post or "", gap.person or "", gap.compound or gap.street or "")

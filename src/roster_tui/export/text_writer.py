"""Plain text for ``lp`` and for pasting into a chat group: one block per post, days down.

CUPS prints text on A4 at 80 columns and 66 lines by default, so every line fits ``width``
display cells (a Chinese character takes two) and every page 66 lines, with a form feed between
pages and the page's heading (sub-district, community, week, 第N页/共M页, 第N版) on each one.
Punctuation is ASCII: CUPS' default fonts have the Chinese characters but not the full-width
brackets, colon and dashes, which print as boxes and shift the line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from rich.cells import cell_len

from roster_tui.export.grid import GridCell, GridPage, PageBy, grid_pages
from roster_tui.export.labels import (
    date_label,
    for_whom,
    gap_legend,
    internal_mark,
    language,
    leader_label,
    printed_time,
    stamp_label,
    week_label,
    weekday_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

PAGE_LINES = 66  # lp's default page length for text on A4 and Letter
DEFAULT_WIDTH = 80
SHORT_MARK = "!"  # ASCII, so it is one cell everywhere
# Full-width and ambiguous-width punctuation, as the plain characters every font has.
_PLAIN = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "：": ": ",
        "，": ", ",
        "、": ",",
        "；": "; ",
        "—": "-",
        "–": "-",
        "·": "-",
        "【": "[",
        "】": "]",
        "　": " ",
        "。": ".",
    }
)


def plain(text: str) -> str:
    return text.translate(_PLAIN)


def wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` display cells (at a space when it can)."""
    lines: list[str] = []
    current = ""
    used = 0
    for char in text:
        char_width = cell_len(char)
        if used + char_width > width and current:
            head, space, tail = current.rpartition(" ")
            if space and head:
                lines.append(head)
                current = tail
            else:
                lines.append(current)
                current = ""
            used = cell_len(current)
        if char == " " and not current:
            continue  # no line starts with a space
        current += char
        used += char_width
    if current or not lines:
        lines.append(current)
    return lines


def pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def _hanging(head: str, body: str, width: int) -> list[str]:
    """``head`` then ``body``; the body's continuation lines start under the body's start."""
    indent = cell_len(head)
    lines = wrap(body, max(10, width - indent))
    return [head + lines[0]] + [" " * indent + line for line in lines[1:]]


def _crew(cell: GridCell, lang: str) -> str:
    if not cell.scheduled:
        return "-"
    names = ", ".join(cell.names) if lang == "en" else ",".join(cell.names)
    crew = names or t("export.nobody", lang=lang)
    return f"{crew} {SHORT_MARK}{cell.shortage}" if cell.short else crew


def _post_blocks(view: WeekView, page: GridPage, lang: str, width: int) -> list[list[str]]:
    """One block per post: its name and leader, then a line per day and shift."""
    blocks: list[list[str]] = []
    current: tuple[str, str] | None = None
    block: list[str] = []
    for row in page.rows:
        if (row.compound_id, row.post) != current:
            current = (row.compound_id, row.post)
            block = wrap(plain(f"== {row.compound} - {row.post} =="), width)
            block += wrap(plain(leader_label(view, row.compound_id, lang)), width)
            blocks.append(block)
        block += wrap(plain(f"{row.shift} {row.hours}"), width)
        for day, cell in zip(view.days, row.cells, strict=True):
            head = pad(plain(f"  {date_label(day, lang)} {weekday_label(day, lang)}"), 16)
            block += _hanging(head, plain(_crew(cell, lang)), width)
    return blocks


@dataclass(slots=True)
class TextPage:
    where: str  # what the page's heading names besides the sheet (a community, a carer)
    body: list[str] = field(default_factory=list)


def paginate(groups: list[tuple[str, list[list[str]]]], room: int) -> list[TextPage]:
    """Blocks packed onto pages of ``room`` body lines; a new group starts a new page and a
    block is kept whole unless it is longer than a page."""
    pages: list[TextPage] = []
    for where, blocks in groups:
        page = TextPage(where)
        pages.append(page)
        for block in blocks:
            needed = len(block) + (1 if page.body else 0)
            if page.body and len(page.body) + needed > room:
                page = TextPage(where)
                pages.append(page)
            if page.body:
                page.body.append("")
            for line in block:
                if len(page.body) >= room:
                    page = TextPage(where)
                    pages.append(page)
                page.body.append(line)
    return pages


@dataclass(frozen=True, slots=True)
class TextHead:
    """What every text page repeats: the sheet and place, its period, stamp, mark, legend."""

    subdistrict: str
    title: str
    period: str  # the week, or the day
    stamp: str
    mark: str  # 内部资料 · 注意保密, or ""
    legend: list[str]  # lines under every page's body
    lang: str
    width: int

    def room(self) -> int:
        """Body lines a page has: 66 less the heading (title, one spare line in case a long
        name wraps, period, stamp, the mark, a blank line) and the legend."""
        header_lines = 2 + 2 + (1 if self.mark else 0) + 1
        return PAGE_LINES - header_lines - len(self.legend) - 1

    def write(self, pages: list[TextPage]) -> str:
        """The pages, headed, joined by form feeds."""
        out = []
        for number, page in enumerate(pages, 1):
            count = plain(t("export.page_of", lang=self.lang, page=number, pages=len(pages)))
            where = page.where.replace("\x1f", " ")  # a community and a compound, kept apart
            heading = " ".join(p for p in (self.subdistrict, where, self.title) if p)
            lines = wrap(plain(heading), self.width - cell_len(count) - 1)
            lines[0] = pad(lines[0], self.width - cell_len(count)) + count
            lines += wrap(self.period, self.width) + wrap(self.stamp, self.width)
            lines += ([self.mark] if self.mark else []) + [""]
            lines += [*page.body, "", *self.legend]
            out.append("\n".join(lines) + "\n")
        return "\f".join(out)


def write_roster_text(
    view: WeekView,
    *,
    lang: str | None = None,
    by: PageBy = "community",
    edition: int = 1,
    printed_at: dt.datetime | None = None,
    width: int = DEFAULT_WIDTH,
) -> str:
    """The week as text pages for ``lp``: form feeds between pages of at most 66 lines, each
    line at most ``width`` display cells, each page headed so it stands alone."""
    lang = language(lang)
    groups: dict[str, list[list[str]]] = {}
    for grid in grid_pages(view, lang, by=by, dash="-"):
        key = grid.community if by == "community" else f"{grid.community}\x1f{grid.compound}"
        groups.setdefault(key, []).extend(_post_blocks(view, grid, lang, width))
    if not groups:
        groups[""] = [[t("export.no_shifts", lang=lang)]]
    head = TextHead(
        subdistrict=sanitize(view.roster.subdistrict.name),
        title=for_whom(view, t("export.title.roster", lang=lang), lang),
        period=plain(week_label(view, lang)),
        stamp=plain(stamp_label(edition, printed_time(view, printed_at), lang)),
        mark=plain(internal_mark(view, lang)),
        legend=wrap(plain(f"{SHORT_MARK} {gap_legend(lang)}"), width),
        lang=lang,
        width=width,
    )
    return head.write(paginate(list(groups.items()), head.room()))

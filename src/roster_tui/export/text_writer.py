"""Plain text for ``lp`` and for pasting into a chat group: a fixed-width grid per compound.

Widths are measured in terminal cells (a Chinese character takes two), never in characters, so
columns line up in a terminal and on a printer with a CJK monospace font. Borders and dashes are
ASCII: box-drawing characters are ambiguous-width and turn double-wide on Chinese systems.
"""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len

from roster_tui.export.grid import GridCell, GridPage, PageBy, grid_pages
from roster_tui.export.labels import (
    date_label,
    language,
    printed_time,
    stamp_label,
    week_label,
    weekday_label,
)
from roster_tui.export.sanitize import sanitize
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

LABEL_WIDTH = 20  # display cells; a post name of ten Chinese characters fits on one line
DAY_WIDTH = 11  # display cells; a three-character name plus a shortage mark fits
SHORT_MARK = "!"  # ASCII, so it is one cell everywhere


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


def _cell_lines(cell: GridCell, lang: str) -> list[str]:
    if not cell.scheduled:
        return ["-"]
    lines = [line for name in cell.names for line in wrap(name, DAY_WIDTH)]
    if not lines:
        lines = wrap(t("export.nobody", lang=lang), DAY_WIDTH)
    if cell.short:
        lines += wrap(SHORT_MARK + cell.shortage, DAY_WIDTH)
    return lines


def _grid_row(columns: list[list[str]], widths: list[int]) -> list[str]:
    height = max(len(lines) for lines in columns)
    return [
        "| "
        + " | ".join(
            pad(lines[i] if i < len(lines) else "", width)
            for lines, width in zip(columns, widths, strict=True)
        )
        + " |"
        for i in range(height)
    ]


def grid_lines(view: WeekView, page: GridPage, lang: str) -> list[str]:
    """The bordered grid of one page; every line has the same display width."""
    widths = [LABEL_WIDTH] + [DAY_WIDTH] * 7
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    heavy = "+" + "+".join("=" * (w + 2) for w in widths) + "+"
    label_head = f"{t('export.grid.post', lang=lang)} / {t('export.grid.shift', lang=lang)}"
    header = [wrap(label_head, LABEL_WIDTH)] + [
        [date_label(day, lang), weekday_label(day, lang)] for day in view.days
    ]
    lines = [rule, *_grid_row(header, widths), heavy]
    for row in page.rows:
        label = wrap(row.post, LABEL_WIDTH)
        if page.compound is None:
            label += wrap(f"({row.compound})", LABEL_WIDTH)
        label += wrap(f"{row.shift} {row.hours}", LABEL_WIDTH)
        columns = [label] + [_cell_lines(cell, lang) for cell in row.cells]
        lines += [*_grid_row(columns, widths), rule]
    return lines


def write_roster_text(
    view: WeekView,
    *,
    lang: str | None = None,
    by: PageBy = "compound",
    edition: int = 1,
    printed_at: dt.datetime | None = None,
    page_breaks: bool = False,
) -> str:
    """The week grid as text, one block per compound (or community); ``\\f`` between blocks
    when ``page_breaks`` (for ``lp``), a blank line otherwise (for chat)."""
    lang = language(lang)
    stamp = stamp_label(edition, printed_time(view, printed_at), lang)
    title = t("export.title.roster", lang=lang)
    subdistrict = sanitize(view.roster.subdistrict.name)
    blocks = []
    for page in grid_pages(view, lang, by=by, dash="-"):
        heading = " ".join(p for p in (subdistrict, page.community, page.compound, title) if p)
        lines = [heading, week_label(view, lang), *page.leaders]
        lines += grid_lines(view, page, lang)
        lines.append(stamp)
        blocks.append("\n".join(lines) + "\n")
    if not blocks:
        blocks = [f"{subdistrict} {title}\n{week_label(view, lang)}\n{t('export.no_shifts')}\n"]
    return ("\f" if page_breaks else "\n").join(blocks)

"""The care loop's paper as plain text for ``lp``: a block per household or request.

The same page rules as the roster's text (:mod:`text_writer`): every line fits ``width``
display cells (80 on A4 portrait), every page 66 lines with its heading, form feeds between
pages, ASCII punctuation and ``[ ]`` boxes that CUPS' default fonts have. Overdue requests and
fevers are said in words and marked ``!``, since a printer has no colour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.cells import cell_len

from roster_tui.export.care_sheets import Layout, SheetPage, care_stamp
from roster_tui.export.care_tables import PAGE_COLUMNS, REQUEST_COLUMNS, ROUND_COLUMNS
from roster_tui.export.labels import internal_mark
from roster_tui.export.tables import Row, Table, date_text
from roster_tui.export.text_writer import (
    DEFAULT_WIDTH,
    SHORT_MARK,
    TextHead,
    paginate,
    plain,
    wrap,
)
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

_INDENT = "   "


def _cells(row: Row, names: tuple[str, ...]) -> dict[str, str]:
    """A paper row's values by column name, as text (a time to the minute, without the year)."""
    out: dict[str, str] = {}
    for name, value in zip(names, row.values, strict=True):
        if isinstance(value, dt.datetime):
            out[name] = f"{value:%m-%d %H:%M}"
        elif isinstance(value, dt.date):
            out[name] = date_text(value)
        else:
            out[name] = plain(str(value if value is not None else ""))
    return out


def _paper_names(table: Table, names: tuple[str, ...]) -> tuple[str, ...]:
    """The columns a paper table keeps (its page heading names the community and carer)."""
    return tuple(n for n in names if n not in PAGE_COLUMNS)[: len(table.columns)]


def _lines(text: str, width: int, head: str = _INDENT) -> list[str]:
    """``text`` wrapped under ``head``, continuation lines indented as far as the head."""
    body = wrap(text, max(10, width - cell_len(head)))
    return [head + body[0]] + [" " * cell_len(head) + line for line in body[1:]]


def _write_in(width: int, lang: str) -> str:
    """``上午[ ]  晚上[ ]  体温_____  需求_______…`` to the end of the line."""

    def col(name: str) -> str:
        return t(f"export.col.round.{name}", lang=lang)

    boxes = f"{_INDENT}{col('morning')}[ ]  {col('evening')}[ ]  {col('temperature')}_____  "
    needs = col("needs")
    return boxes + needs + "_" * max(4, width - cell_len(boxes) - cell_len(needs))


def _household_block(cells: dict[str, str], alert: bool, width: int, lang: str) -> list[str]:
    where = f"{cells['no']}. {cells['compound']} {cells['address']}".rstrip()
    facts = "  ".join(
        p
        for p in (
            f"{t('export.col.round.head', lang=lang)} {cells['head']}",
            cells["phone"],
            t("export.care.people", lang=lang, count=cells["people"]),
            t("export.care.days_left", lang=lang, days=cells["days_left"]),
        )
        if p
    )
    block = wrap(where, width) + _lines(facts, width)
    if cells["notes"]:
        mark = f"{SHORT_MARK} " if alert else ""
        block += _lines(f"{mark}{t('export.col.round.notes', lang=lang)}: {cells['notes']}", width)
    return [*block, _write_in(width, lang)]


def write_care_text(
    view: WeekView,
    layout: Layout,
    *,
    printed_at: dt.datetime | None = None,
    width: int = DEFAULT_WIDTH,
) -> str:
    """A care sheet for ``lp``: a page (or more) per carer, five lines per household; or per
    community, four lines per request."""
    lang = layout.lang
    round_sheet = layout.what == "contacts"
    names = _paper_names(layout.table, ROUND_COLUMNS if round_sheet else REQUEST_COLUMNS)
    alert_col = names.index("notes" if round_sheet else "status")

    def intro(sheet: SheetPage) -> list[str]:
        if not round_sheet:
            return wrap(plain(sheet.facts[1]), width)  # the tally; the time is in the heading
        heading = wrap(plain("  ".join([sheet.subheading, *sheet.facts[1:]])), width)
        return [*heading, "", *wrap(plain(layout.note), width)]

    def block(row: Row) -> list[str]:
        write = _household_block if round_sheet else _request_block
        return write(_cells(row, names), alert_col in row.alerts, width, lang)

    legend = []
    if not round_sheet and layout.table.rows:
        legend = wrap(plain(f"{SHORT_MARK} {layout.note}"), width)
    return _text(view, layout, intro, block, legend, printed_at, width)


def _request_block(cells: dict[str, str], overdue: bool, width: int, lang: str) -> list[str]:
    status = f"{SHORT_MARK}{cells['status']}{SHORT_MARK}" if overdue else cells["status"]
    first = "  ".join(
        p
        for p in (
            cells["id"],
            f"[{status}]",
            t("export.care.due", lang=lang, time=cells["due"]) if cells["due"] else "",
            cells["kind"],
        )
        if p
    )
    where = "  ".join(
        p
        for p in (f"{cells['compound']} {cells['address']}".strip(), cells["head"], cells["phone"])
        if p
    )
    label = t("export.col.request.handler", lang=lang)
    handler = f"{label}: {cells['handler']} {cells['handler_phone']}".rstrip()
    asked = t("export.care.asked", lang=lang, time=cells["asked"])
    return (
        wrap(first, width)
        + _lines(where, width)
        + _lines(f"{t('export.col.request.what', lang=lang)}: {cells['what']}", width)
        + _lines(f"{handler}  {asked}", width)
    )


def _text(
    view: WeekView,
    layout: Layout,
    intro: Callable[[SheetPage], list[str]],
    block: Callable[[Row], list[str]],
    legend: list[str],
    printed_at: dt.datetime | None,
    width: int,
) -> str:
    """A page (or more) per sheet page: its intro, then a block per row, kept whole."""
    groups: list[tuple[str, list[list[str]]]] = []
    for sheet in layout.pages:
        rows = layout.rows(sheet)
        blocks = [intro(sheet), *(block(row) for row in rows)] if rows else [[layout.note]]
        groups.append((sheet.place, blocks))
    lang = layout.lang
    head = TextHead(
        subdistrict="",  # each page's place already starts with the sub-district
        title=layout.pages[0].title,
        period=plain(layout.period),
        stamp=plain(care_stamp(view, printed_at, lang)),
        mark=plain(internal_mark(view, lang)),
        legend=legend,
        lang=lang,
        width=width,
    )
    return head.write(paginate(groups, head.room()))

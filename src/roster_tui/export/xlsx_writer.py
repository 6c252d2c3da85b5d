"""XLSX workbooks: one sheet per community, ready to print on A4 landscape.

Each sheet has a frozen, repeated header row, columns as wide as their Chinese text (two units
per character), A4 landscape fitted to one page wide, a printed heading with the week, and gap
cells filled and carrying their words. Text stays text (never a formula, even when it starts
with ``=``); numbers and dates keep their types.
"""

from __future__ import annotations

import datetime as dt
import re

from rich.cells import cell_len

from roster_tui.export.labels import date_label_full, internal_mark, language, week_label
from roster_tui.export.sanitize import FORMULA_TRIGGERS, sanitize
from roster_tui.export.tables import Row, Table, Value, duties_table, households_table, roster_table
from roster_tui.export.view import WeekView
from roster_tui.export.xlsx_package import Cell, Sheet, Style, write_workbook
from roster_tui.i18n import t

SHEET_NAME_LIMIT = 31  # Excel counts UTF-16 code units
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = {"history"}
_MAX_COLUMN_WIDTH = 48


def _clip(text: str, limit: int) -> str:
    """The longest prefix of ``text`` within ``limit`` UTF-16 units, never half a character."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return text[:index]
    return text


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A legal, unique sheet name: no ``[]:*?/\\``, at most 31 UTF-16 units, never blank.

    ``taken`` holds the names already used, lower-cased (Excel compares them that way).
    """
    base = _SHEET_FORBIDDEN.sub("_", sanitize(wanted)).strip().strip("'") or "Sheet"
    if base.lower() in _RESERVED_SHEET_NAMES:
        base += "_"
    number = 1
    while True:
        suffix = "" if number == 1 else f"({number})"
        candidate = _clip(base, SHEET_NAME_LIMIT - len(suffix)).rstrip("'") + suffix
        if candidate.lower() not in taken:
            taken.add(candidate.lower())
            return candidate
        number += 1


def column_width(values: list[str]) -> float:
    """Excel width units: one per Latin character, two per CJK character, plus a margin."""
    widest = max((cell_len(v) for v in set(values)), default=4)
    return float(min(_MAX_COLUMN_WIDTH, max(6, widest + 2)))


def _display_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _style(value: Value, alert: bool) -> Style:
    if isinstance(value, dt.date):
        return Style.GAP_DATE if alert else Style.DATE
    # Keeps "=1+2" as text even after someone edits the cell in Excel.
    quoted = isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)
    if alert:
        return Style.GAP_QUOTED if quoted else Style.GAP
    return Style.TEXT_QUOTED if quoted else Style.TEXT


def _sheet(table: Table, name: str, rows: list[Row], heading: str, lang: str) -> Sheet:
    widths = [
        column_width([column, *map(_display_text, {row.values[index] for row in rows})])
        for index, column in enumerate(table.columns)
    ]
    header: list[Cell] = [(sanitize(column), Style.HEADER) for column in table.columns]
    plain: dict[Value, Cell] = {}  # most rows have no gap: one lookup per cell

    def cells(row: Row) -> list[Cell]:
        if row.alerts:
            return [(v, _style(v, i in row.alerts)) for i, v in enumerate(row.values)]
        return [plain.get(v) or plain.setdefault(v, (v, _style(v, False))) for v in row.values]

    body = (cells(row) for row in rows)
    return Sheet(
        name=name,
        widths=widths,
        rows=[header, *body],
        print_header=sanitize(heading).replace("&", "&&"),
        print_footer=t("export.page_of", lang=lang, page="&P", pages="&N"),
    )


def table_xlsx(table: Table, view: WeekView, lang: str, subtitle: str) -> bytes:
    """A workbook with one sheet per community of ``table`` (one empty sheet if it has no rows).

    Each printed page is headed by the sub-district, community, title and ``subtitle``.
    """
    taken: set[str] = set()
    sheets = []
    for group, rows in table.groups() or [("", [])]:
        community = table.group_names.get(group, "")
        parts = (
            sanitize(view.roster.subdistrict.name),
            community,
            table.title,
            subtitle,
            internal_mark(view, lang),
        )
        heading = " ".join(part for part in parts if part)
        name = sheet_name(community or table.title, taken)
        sheets.append(_sheet(table, name, rows, heading, lang))
    return write_workbook(sheets)


def write_roster_xlsx(view: WeekView, *, lang: str | None = None) -> bytes:
    """The week's roster as a workbook, one sheet per community, 缺员 cells filled."""
    lang = language(lang)
    table = roster_table(view, lang)
    return table_xlsx(table, view, lang, week_label(view, lang))


def write_duties_xlsx(view: WeekView, *, lang: str | None = None) -> bytes:
    """包街包院 responsibility, one sheet per community, uncovered rows filled."""
    lang = language(lang)
    table = duties_table(view, lang)
    return table_xlsx(table, view, lang, week_label(view, lang))


def write_households_xlsx(
    view: WeekView,
    *,
    lang: str | None = None,
    as_of: dt.date | None = None,
) -> bytes:
    """Quarantined households and their carers, one sheet per community."""
    lang = language(lang)
    table = households_table(view, lang, as_of=as_of)
    return table_xlsx(table, view, lang, date_label_full(as_of or view.monday, lang))

"""XLSX workbooks: one sheet per community, ready to print on A4 landscape.

Streams rows through openpyxl's write-only mode so a large sub-district's week stays well under
a second. Text is written as text (never as a formula, even when it starts with ``=``), numbers
and dates keep their types, and gap cells are filled and carry their words as well.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from rich.cells import cell_len

from roster_tui.export.labels import date_label_full, language, week_label
from roster_tui.export.sanitize import sanitize
from roster_tui.export.tables import Row, Table, Value, duties_table, households_table, roster_table
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

SHEET_NAME_LIMIT = 31  # Excel counts UTF-16 code units
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED_SHEET_NAMES = {"history"}
_MAX_COLUMN_WIDTH = 48
PAPER_A4 = "9"  # ECMA-376 paper size code

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_ALERT_FONT = Font(bold=True, color="9C0006")
_ALERT_FILL = PatternFill("solid", fgColor="FFC7CE")
_WRAP = Alignment(vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


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
    widest = max((cell_len(v) for v in values), default=4)
    return float(min(_MAX_COLUMN_WIDTH, max(6, widest + 2)))


def _display_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _cell(sheet: object, value: Value, *, alert: bool) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        # Text stays text: a name like "=1+2" must never become a live formula.
        cell.data_type = "s"
        cell.quotePrefix = value.startswith(("=", "+", "-", "@"))
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    cell.border = _BORDER
    cell.alignment = _WRAP
    if alert:
        cell.font = _ALERT_FONT
        cell.fill = _ALERT_FILL
    return cell


def _header_cell(sheet: object, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=sanitize(text))
    cell.data_type = "s"
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.border = _BORDER
    cell.alignment = _CENTER
    return cell


def _header_text(text: str) -> str:
    """Text for a print header, where ``&`` starts a code and must be doubled."""
    return sanitize(text).replace("&", "&&")


def _write_sheet(
    workbook: Workbook, title: str, table: Table, rows: list[Row], heading: str, lang: str
) -> None:
    sheet = workbook.create_sheet(title)
    texts = [[column] for column in table.columns]
    for row in rows:
        for index, value in enumerate(row.values):
            texts[index].append(_display_text(value))
    for index, column_texts in enumerate(texts, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column_width(column_texts)
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.oddHeader.center.text = _header_text(heading)
    sheet.oddFooter.right.text = t("export.page_of", lang=lang, page="&P", pages="&N")
    sheet.append([_header_cell(sheet, column) for column in table.columns])
    for row in rows:
        sheet.append(
            [
                _cell(sheet, value, alert=index in row.alerts)
                for index, value in enumerate(row.values)
            ]
        )


def table_xlsx(table: Table, view: WeekView, lang: str, subtitle: str) -> bytes:
    """A workbook with one sheet per community of ``table`` (one empty sheet if it has no rows).

    Each printed page is headed by the sub-district, community, title and ``subtitle``.
    """
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    groups = table.groups() or [("", [])]
    for group, rows in groups:
        community = table.group_names.get(group, "")
        parts = (view.roster.subdistrict.name, community, table.title, subtitle)
        heading = " ".join(part for part in parts if part)
        name = community or table.title
        _write_sheet(workbook, sheet_name(name, taken), table, rows, heading, lang)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_roster_xlsx(
    view: WeekView, *, lang: str | None = None, mask_phones: bool = True
) -> bytes:
    """The week's roster as a workbook, one sheet per community, 缺员 cells filled."""
    lang = language(lang)
    table = roster_table(view, lang, mask_phones=mask_phones)
    return table_xlsx(table, view, lang, week_label(view, lang))


def write_duties_xlsx(
    view: WeekView, *, lang: str | None = None, mask_phones: bool = True
) -> bytes:
    """包街包院 responsibility, one sheet per community, uncovered rows filled."""
    lang = language(lang)
    table = duties_table(view, lang, mask_phones=mask_phones)
    return table_xlsx(table, view, lang, week_label(view, lang))


def write_households_xlsx(
    view: WeekView,
    *,
    lang: str | None = None,
    mask_phones: bool = True,
    as_of: dt.date | None = None,
) -> bytes:
    """Quarantined households and their carers, one sheet per community."""
    lang = language(lang)
    table = households_table(view, lang, mask_phones=mask_phones, as_of=as_of)
    return table_xlsx(table, view, lang, date_label_full(as_of or view.monday, lang))

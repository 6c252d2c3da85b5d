"""CSV for notice boards (公告栏), opened in Excel or WPS on Chinese Windows PCs.

UTF-8 with a BOM and CRLF line ends by default, since that is what makes Excel on Chinese
Windows read UTF-8 instead of guessing GBK. ``gb18030`` is offered for older tools; GBK is not,
because it cannot hold characters such as 𠮷 that appear in real names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from roster_tui.export.labels import language
from roster_tui.export.sanitize import neutralise_formula, sanitize
from roster_tui.export.tables import (
    Table,
    Value,
    date_text,
    duties_table,
    households_table,
    roster_table,
)
from roster_tui.export.view import WeekView
from roster_tui.i18n import t

CSV_ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")


def _cell(value: Value) -> str | int | float:
    """Numbers stay numbers; text is sanitized and kept from running as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float):
        return value
    if isinstance(value, dt.date):
        return date_text(value)
    return neutralise_formula(sanitize(value))


def table_csv(table: Table, *, encoding: str = "utf-8-sig") -> bytes:
    """Any export table as CSV bytes, header first."""
    if encoding.lower() not in CSV_ENCODINGS:
        raise ValueError(t("export.error.encoding", encoding=encoding))
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise_formula(sanitize(c)) for c in table.columns])
    cells: dict[Value, str | int | float] = {}  # the same names and dates recur on many rows
    for row in table.rows:
        out = []
        for value in row.values:
            cell = cells.get(value)
            if cell is None:
                cell = cells[value] = _cell(value)
            out.append(cell)
        writer.writerow(out)
    return buffer.getvalue().encode(encoding.lower())


def write_roster_csv(
    view: WeekView,
    *,
    lang: str | None = None,
    encoding: str = "utf-8-sig",
) -> bytes:
    """The week's roster: one row per shift instance and person on it (缺员 marks gaps)."""
    return table_csv(roster_table(view, language(lang)), encoding=encoding)


def write_duties_csv(
    view: WeekView,
    *,
    lang: str | None = None,
    encoding: str = "utf-8-sig",
) -> bytes:
    """包街包院: each street and compound with its responsible people; uncovered ones marked."""
    return table_csv(duties_table(view, language(lang)), encoding=encoding)


def write_households_csv(
    view: WeekView,
    *,
    lang: str | None = None,
    encoding: str = "utf-8-sig",
    as_of: dt.date | None = None,
) -> bytes:
    """Home-quarantined households of the week with their carers and days left on ``as_of``."""
    table = households_table(view, language(lang), as_of=as_of)
    return table_csv(table, encoding=encoding)

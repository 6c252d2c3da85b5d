"""The notice-board CSV opened the way Excel and WPS open it: every value keeps its meaning.

LibreOffice imports the file with Excel's rules (special numbers such as times and dates
detected, formulas evaluated, quotes not protecting text), saves it as a workbook, and the
workbook is read back to see what each cell became.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from roster_tui.export import Scope, WeekView, write_households_csv, write_roster_csv

from .sample import HOSTILE_NAMES

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")

# Comma, double quote, UTF-8, from line 1, standard cells, en-US, quoted fields NOT forced to
# text, special numbers detected, (export-only tokens), formulas evaluated: Excel's behaviour.
EXCEL_RULES = "CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true"


def open_as_excel(files: dict[str, bytes], tmp: Path) -> dict[str, list[tuple[object, ...]]]:
    for name, data in files.items():
        (tmp / f"{name}.csv").write_bytes(data)
    assert OFFICE is not None
    subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation=file://{tmp}/profile",
            "--headless",
            f"--infilter={EXCEL_RULES}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(tmp),
            *(str(tmp / f"{name}.csv") for name in files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return {
        name: list(openpyxl.load_workbook(tmp / f"{name}.xlsx").active.values) for name in files
    }


def _column(rows: list[tuple[object, ...]], heading: str) -> list[object]:
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


def test_the_roster_csv_keeps_its_types_in_a_spreadsheet(
    view_of: Callable[..., WeekView], tmp_path: Path
) -> None:
    sheets = open_as_excel(
        {
            "public": write_roster_csv(view_of(Scope.whole()), lang="zh"),
            "internal": write_roster_csv(view_of(Scope.whole(), "internal"), lang="zh"),
            "households": write_households_csv(view_of(Scope.whole(), "internal"), lang="zh"),
        },
        tmp_path,
    )
    for name in ("public", "internal"):
        rows = sheets[name]
        # One text column for the span: never a time value beside a "次日08:00" text.
        spans = _column(rows, "时间")
        assert all(isinstance(span, str) for span in spans), spans
        assert {"08:00–20:00", "20:00–次日08:00", "00:00–24:00"} <= set(spans)
        # Phone numbers stay text, written as they were: never 1.38E+10.
        phones = [p for p in _column(rows, "电话") if p is not None]
        assert phones and all(isinstance(p, str) for p in phones), phones
        assert all(isinstance(n, int) for n in _column(rows, "应到"))
        assert all(isinstance(d, dt.datetime) for d in _column(rows, "日期"))
        # Only a name that would run as a formula carries the protecting quote.
        quoted = {v for row in rows for v in row if isinstance(v, str) and v.startswith("'")}
        assert quoted == {f"'{name}" for name in HOSTILE_NAMES}
    assert "139 0000 0009" in _column(sheets["internal"], "电话")
    household_phones = _column(sheets["households"], "户主电话")
    assert household_phones and all(isinstance(p, str) for p in household_phones)

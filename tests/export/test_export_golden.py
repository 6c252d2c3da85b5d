"""Every format of the sample week, byte for byte, with a frozen print time.

After a deliberate change to a writer, look at the new output, then rewrite the files with
``ROSTER_BLESS_GOLDEN=1 pytest tests/export/test_export_golden.py``.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from roster_tui.export import (
    Scope,
    WeekView,
    write_duties_csv,
    write_duties_html,
    write_households_csv,
    write_households_html,
    write_ics,
    write_roster_csv,
    write_roster_html,
    write_roster_text,
    write_roster_xlsx,
    write_signin_html,
)

from .sample import PRINTED_AT

GOLDEN = Path(__file__).parent / "golden"
BLESS = os.environ.get("ROSTER_BLESS_GOLDEN") == "1"


def xlsx_outline(data: bytes) -> bytes:
    """A workbook's sheets, values and layout as stable JSON (the zip itself carries dates)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    outline = {
        sheet.title: {
            "freeze": sheet.freeze_panes,
            "widths": {k: d.width for k, d in sorted(sheet.column_dimensions.items())},
            "rows": [[str(v) if v is not None else None for v in r] for r in sheet.values],
        }
        for sheet in book
    }
    return json.dumps(outline, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _text(write: Callable[..., str], **options: object) -> Callable[[WeekView], bytes]:
    settings = {"lang": "zh", "printed_at": PRINTED_AT, **options}
    return lambda view: write(view, **settings).encode("utf-8")


def _binary(write: Callable[..., bytes], **options: object) -> Callable[[WeekView], bytes]:
    return lambda view: write(view, lang="zh", **options)


WHOLE = Scope.whole()
INTERNAL = (WHOLE, "internal")
OUTPUTS: dict[str, tuple[Scope | tuple[Scope, str], Callable[[WeekView], bytes]]] = {
    "roster.csv": (WHOLE, _binary(write_roster_csv)),
    "roster-gb18030.csv": (WHOLE, _binary(write_roster_csv, encoding="gb18030")),
    "roster.html": (WHOLE, _text(write_roster_html, edition=2)),
    "roster-en.html": (WHOLE, _text(write_roster_html, by="community", lang="en")),
    "roster.txt": (WHOLE, _text(write_roster_text)),
    "roster-c01.txt": (Scope.community("c01"), _text(write_roster_text, by="community")),
    "roster.xlsx.json": (WHOLE, lambda view: xlsx_outline(write_roster_xlsx(view, lang="zh"))),
    "person-p004.ics": (Scope.person("p004"), _binary(write_ics, printed_at=PRINTED_AT)),
    "post-x003.ics": (Scope.post("x003"), _binary(write_ics, printed_at=PRINTED_AT)),
    "signin.html": (WHOLE, _text(write_signin_html)),
    "duties.csv": (WHOLE, _binary(write_duties_csv)),
    "duties.html": (WHOLE, _text(write_duties_html)),
    "households.csv": (WHOLE, _binary(write_households_csv)),
    "households.html": (WHOLE, _text(write_households_html)),
    "households-internal.html": (INTERNAL, _text(write_households_html)),
}


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_matches_the_golden_file(name: str, view_of: Callable[..., WeekView]) -> None:
    scope, write = OUTPUTS[name]
    produced = write(view_of(*scope) if isinstance(scope, tuple) else view_of(scope))
    path = GOLDEN / name
    if BLESS:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(produced)
    assert produced == path.read_bytes()

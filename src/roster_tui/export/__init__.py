"""Writers for printing and exporting a week: CSV, HTML, plain text, XLSX and ICS.

Pure functions over domain values: the caller hands in a :class:`WeekView` (the roster, the
week's Monday, its shift instances and a scope) and gets bytes or text back.
"""

from roster_tui.export.csv_writer import (
    CSV_ENCODINGS,
    write_duties_csv,
    write_households_csv,
    write_roster_csv,
)
from roster_tui.export.sanitize import mask_phone, neutralise_formula, sanitize
from roster_tui.export.view import Scope, ScopeKind, WeekView

__all__ = [
    "CSV_ENCODINGS",
    "Scope",
    "ScopeKind",
    "WeekView",
    "mask_phone",
    "neutralise_formula",
    "sanitize",
    "write_duties_csv",
    "write_households_csv",
    "write_roster_csv",
]

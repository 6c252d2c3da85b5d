"""Writers for printing and exporting a week: CSV, HTML, plain text, XLSX and ICS.

Pure functions over domain values: the caller hands in a :class:`WeekView` (the roster, the
week's Monday, its shift instances and a scope) and gets bytes or text back. Every piece of
text goes through :func:`sanitize` on its way out.
"""

from roster_tui.export.csv_writer import (
    CSV_ENCODINGS,
    write_duties_csv,
    write_households_csv,
    write_roster_csv,
)
from roster_tui.export.html_writer import (
    write_duties_html,
    write_households_html,
    write_roster_html,
    write_signin_html,
)
from roster_tui.export.ics_writer import write_ics
from roster_tui.export.person_sheet import write_person_sheet_text
from roster_tui.export.privacy import AUDIENCES, Audience, mask_numbers, mask_phone
from roster_tui.export.sanitize import neutralise_formula, sanitize
from roster_tui.export.text_writer import write_roster_text
from roster_tui.export.view import Scope, ScopeKind, WeekView
from roster_tui.export.xlsx_writer import (
    write_duties_xlsx,
    write_households_xlsx,
    write_roster_xlsx,
)

__all__ = [
    "AUDIENCES",
    "CSV_ENCODINGS",
    "Audience",
    "Scope",
    "ScopeKind",
    "WeekView",
    "mask_numbers",
    "mask_phone",
    "neutralise_formula",
    "sanitize",
    "write_duties_csv",
    "write_duties_html",
    "write_duties_xlsx",
    "write_households_csv",
    "write_households_html",
    "write_households_xlsx",
    "write_ics",
    "write_person_sheet_text",
    "write_roster_csv",
    "write_roster_html",
    "write_roster_text",
    "write_roster_xlsx",
    "write_signin_html",
]

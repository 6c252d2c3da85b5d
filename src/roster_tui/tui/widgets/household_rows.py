"""One row of the Households table (address, compound, head, days left, status, carer) and
the line below it for the highlighted household.

The status comes before the carer: at 80 columns a long carer label may be cut at the right,
and what is cut must not be a fever.

A household whose latest reading is a fever says so in its status, in words and in red, until
a later contact records a normal reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rich.cells import cell_len
from rich.text import Text

from roster_tui.domain.model import Household, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.care import latest_readings
from roster_tui.services.households import HouseholdStatus, household_status
from roster_tui.tui.widgets.household_labels import days_left_text, status_text
from roster_tui.tui.widgets.page_table import Cells as ShownCells
from roster_tui.tui.widgets.page_table import clip_cells, fit_widths, text_widths
from roster_tui.tui.widgets.person_label import short_label

COLUMNS = ("address", "compound", "head", "left", "status", "carer")
Cells = tuple[str | Text, ...]
NARROWING = (0, 1, 2, 5)  # what gives way to a narrow terminal: address, compound, head, carer


def fit_rows(rows: dict[str, ShownCells], width: int) -> tuple[dict[str, ShownCells], list[int]]:
    """The rows and their columns' widths, the address, compound, head and carer cut where the
    whole row would not fit ``width`` cells (the table's, less its scrollbar): a long address
    no longer pushes the status off the screen (the form and the card show it whole)."""
    widths = text_widths(rows, len(COLUMNS))
    heads = [cell_len(t(f"tui.households.col.{column}")) for column in COLUMNS]
    room = width - 2 * len(COLUMNS)  # each cell has a cell of padding each side
    fitted = fit_widths(list(map(max, widths, heads)), room, NARROWING)
    if width <= 0 or all(f >= w for f, w in zip(fitted, widths, strict=True)):
        return rows, widths
    return clip_cells(rows, fitted), fitted


# The readings of the last contacts and day asked: the Households screen and the person panel
# both read them, and working them out walks every contact. A tuple is replaced whole, so a
# worker and the event loop may both use it.
_readings_of: tuple[object, dt.date, dict[str, float]] | None = None


def readings_on(roster: Roster, today: dt.date) -> dict[str, float]:
    """Each household's latest temperature up to ``today``, worked out again only when the
    contacts change."""
    global _readings_of
    kept, contacts = _readings_of, roster.contacts
    if kept is None or kept[1] != today or (kept[0] is not contacts and kept[0] != contacts):
        kept = _readings_of = (contacts, today, latest_readings(roster, today))
    return kept[2]


def is_fever(household: Household, roster: Roster, today: dt.date, reading: float | None) -> bool:
    """In quarantine today, and its latest reading is a fever."""
    active = household_status(household, roster.settings, today) is HouseholdStatus.ACTIVE
    return active and reading is not None and reading >= roster.settings.fever_temperature


def household_cells(
    household: Household,
    roster: Roster,
    compounds: Mapping[str, str],
    today: dt.date,
    readings: Mapping[str, float],
) -> Cells:
    """The household's cells; ``readings``: each household's latest temperature up to today."""
    carer = roster.index.people.get(household.carer) if household.carer else None
    if carer is None:
        carer_cell: str | Text = Text(t("tui.households.no_carer"), style="bold red")
    elif not carer.active:
        carer_cell = Text(short_label(carer), style="red")
    else:
        carer_cell = short_label(carer)
    status: str | Text = status_text(household, roster.settings, today)
    if is_fever(household, roster, today, readings.get(household.id)):
        status = Text(t("tui.care.status.fever"), style="bold red")
    return (
        printable(household.address),
        compounds.get(household.compound, household.compound),
        printable(household.head),
        days_left_text(household, roster.settings, today),
        status,
        carer_cell,
    )


def household_detail(
    household: Household, roster: Roster, today: dt.date, reading: float | None
) -> Text:
    """``h0013 | 4人 | 电话 … | 2026-11-20 至 2026-12-03``, a fever's reading, the notes."""
    end = household.end_date(roster.settings) - dt.timedelta(days=1)
    line = Text(
        t(
            "tui.households.detail",
            id=printable(household.id),
            people=household.people,
            phone=printable(household.phone),
            start=household.start.isoformat(),
            end=end.isoformat(),
        )
    )
    if reading is not None and is_fever(household, roster, today, reading):
        line.append(" | ")
        line.append(t("tui.care.round.fever", temperature=f"{reading:.1f}"), style="bold red")
    if household.notes:
        line.append(" | " + printable(household.notes))
    return line

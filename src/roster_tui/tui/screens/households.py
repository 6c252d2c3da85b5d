"""Households (隔离户): who is in home quarantine, how long is left, and who cares for them.

Filters (text, compound, ending today/tomorrow, no carer) run in a thread; the table shows one
page of at most PAGE_SIZE rows, refreshed by diff so an edit does not move the cursor.
"""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Static

from roster_tui.domain.gaps import Gap
from roster_tui.domain.model import Household, Roster
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.households import filter_households
from roster_tui.services.people import next_id
from roster_tui.tui.dialogs.care_round import RoundDialog
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.household_card import HouseholdCard
from roster_tui.tui.dialogs.household_form import HouseholdForm
from roster_tui.tui.dialogs.household_release import ask_release
from roster_tui.tui.dialogs.requests_board import RequestsBoard
from roster_tui.tui.screens.base import RosterScreen
from roster_tui.tui.screens.household_fix import choose_carer, fix_household_gap
from roster_tui.tui.translate import PAGES
from roster_tui.tui.widgets.household_labels import compound_choices, why_no_households
from roster_tui.tui.widgets.household_rows import (
    COLUMNS,
    fit_rows,
    household_cells,
    household_detail,
    readings_on,
)
from roster_tui.tui.widgets.page_table import Cells, PageTable, text_cells

PAGE_SIZE = 1000  # DataTables stay quick below ~2,000 rows; 5,000 households take five pages


class HouseholdsScreen(RosterScreen):
    MODE = "households"
    CSS_PATH = "households.tcss"
    AUTO_FOCUS = "#hh-table"
    BINDINGS = [
        Binding("slash", "search", "tui.households.key.search"),
        Binding("c", "carer", "tui.households.key.carer"),
        # The care loop's two keys early, so the footer shows them at 80 columns.
        Binding("t", "round", "tui.households.key.round"),
        Binding("o", "requests", "tui.care.key.board"),
        Binding("n", "add", "tui.households.key.add"),
        Binding("m", "edit", "tui.households.key.edit"),  # e is the app's export
        Binding("r", "release", "tui.households.key.release"),
        Binding("s", "toggle_soon", "tui.households.key.soon"),
        Binding("u", "toggle_no_carer", "tui.households.key.no_carer"),
        Binding("f", "compound", "tui.households.key.compound"),
        Binding("i", "card", "tui.care.key.card"),
        Binding("left_square_bracket", "page(-1)", "tui.households.key.prev", group=PAGES),
        Binding("right_square_bracket", "page(1)", "tui.households.key.next", group=PAGES),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.soon = False
        self.no_carer = False
        self.page = 0
        self.text = ""
        self.compound: str | None = None
        self._rows: dict[str, Cells] = {}
        self._fitted_to = 0  # the table's width the rows shown were cut for
        self._compounds_of: Roster | None = None
        self._want: str | None = None  # a household to highlight once the list shows it

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="hh-bar"):
            search = Input(
                self.text,
                placeholder=t("tui.households.search_hint"),
                compact=True,
                id="hh-search",
            )
            search.cursor_blink = False  # no blinking cursor over SSH
            yield search
            # Not a Select: its arrow (▼) is ambiguous-width; `f` opens a list instead.
            yield Static(id="hh-compound")
        yield Static("", id="hh-status", classes="hint")
        table = PageTable(cursor_type="row", zebra_stripes=True, id="hh-table")
        for column in COLUMNS:
            table.add_column(t(f"tui.households.col.{column}"), key=column)
        yield table
        yield Static("", id="hh-detail")

    async def recompose(self) -> None:
        """After a language switch the new widgets start empty: fill them again."""
        self._rows = {}
        self._compounds_of = None
        await super().recompose()

    # -- following the roster and the filters -------------------------------------------------
    def show_roster(self, roster: Roster) -> None:
        if self._compounds_of is None or roster.compounds is not self._compounds_of.compounds:
            self._compounds_of = roster
            if self.compound is not None and all(c.id != self.compound for c in roster.compounds):
                self.compound = None
        if self.compound is not None and self.scope is not None:
            kept = next((c for c in roster.compounds if c.id == self.compound), None)
            if kept is None or kept.community != self.scope:
                self.compound = None  # a compound of another community than the scope's
        self._show_compound(roster)
        self._refilter(roster)

    def _show_compound(self, roster: Roster) -> None:
        names = {c.id: c.name for c in roster.compounds}
        label = names.get(self.compound or "", t("tui.households.all_compounds"))
        self.query_one("#hh-compound", Static).update(Text(f"[f] {printable(label)}"))

    def filter_compound(self, compound: str | None) -> None:
        """Show only one compound's households (None: all of them)."""
        if compound != self.compound:
            self.compound, self.page = compound, 0
            if self._shown is not None:
                self._show_compound(self._shown)
            self._refilter()

    def focus_household(self, household_id: str) -> None:
        """Highlight ``household_id`` and show its details; filters that hide it are cleared."""
        roster = self._shown
        household = (
            next((h for h in roster.households if h.id == household_id), None) if roster else None
        )
        if roster is not None and household is not None:
            self._clear_filters_hiding(roster, household)
        self._want = household_id
        self.query_one("#hh-table", DataTable).focus()
        self._refilter()

    def _clear_filters_hiding(self, roster: Roster, household: Household) -> None:
        only = dataclasses.replace(roster, households=[household])
        today = self.roster_app.today()

        def passes(
            compound: str | None = None, soon: bool = False, no_carer: bool = False, text: str = ""
        ) -> bool:
            found = filter_households(
                only, today, compound=compound, soon=soon, no_carer=no_carer, text=text
            )
            return bool(found)

        if self.compound is not None and not passes(compound=self.compound):
            self.compound = None
            self._show_compound(roster)
        if self.soon and not passes(soon=True):
            self.soon = False
        if self.no_carer and not passes(no_carer=True):
            self.no_carer = False
        if self.text and not passes(text=self.text):
            self.text = ""  # before the box changes, so that change is not a new search
            self.query_one("#hh-search", Input).value = ""

    def _refilter(self, roster: Roster | None = None) -> None:
        roster = roster or self._shown
        if roster is None:
            return
        self._filter(
            roster,
            self.text,
            self.compound,
            self.soon,
            self.no_carer,
            self.page,
            self._want,
        )

    @on(Input.Changed, "#hh-search")
    def _text_changed(self, event: Input.Changed) -> None:
        if event.value == self.text:
            return  # set from here (a jump to a household), already filtered
        self.text, self.page = event.value, 0
        self._refilter()

    @on(Input.Submitted, "#hh-search")
    def _search_done(self) -> None:
        self.query_one("#hh-table", DataTable).focus()

    @work(thread=True, exclusive=True, group="households", exit_on_error=False)
    def _filter(
        self,
        roster: Roster,
        text: str,
        compound: str | None,
        soon: bool,
        no_carer: bool,
        page: int,
        want: str | None,
    ) -> None:
        """One page of the households passing the filters: the page holding ``want`` if any."""
        today = self.roster_app.today()
        found = filter_households(
            roster,
            today,
            compound=compound,
            soon=soon,
            no_carer=no_carer,
            text=text,
            community=self.scope,
        )
        pages = max(1, -(-len(found) // PAGE_SIZE))
        wanted = next((i for i, h in enumerate(found) if h.id == want), None)
        page = min(page if wanted is None else wanted // PAGE_SIZE, pages - 1)
        shown = found[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        compounds = {c.id: printable(c.name) for c in roster.compounds}
        readings = readings_on(roster, today)
        rows = {
            h.id: text_cells(household_cells(h, roster, compounds, today, readings)) for h in shown
        }
        table = self.query_one("#hh-table", PageTable)
        # The table spans the screen; just rebuilt (after F10, say) it is not laid out yet.
        width = table.size.width or self.size.width
        rows, widths = fit_rows(rows, width - table.styles.scrollbar_size_vertical)
        fitted = (width, widths)
        self.app.call_from_thread(self._fill, roster, rows, fitted, len(found), page, pages)

    @on(PageTable.Resized, "#hh-table")
    def _refit(self, event: PageTable.Resized) -> None:
        """Rows cut for another width (the table was laid out after they were made, or the
        terminal was resized) are cut again for this one, in a whole new fill."""
        if self._rows and event.width != self._fitted_to:
            self._rows = {}
            self._refilter()

    def _fill(
        self,
        roster: Roster,
        rows: dict[str, Cells],
        fitted: tuple[int, list[int]],
        found: int,
        page: int,
        pages: int,
    ) -> None:
        if roster is not self._shown:
            return  # a newer roster is on its way
        self.page = page
        table = self.query_one("#hh-table", PageTable)
        current = self._highlighted_id()
        with self.app.batch_update():
            if list(rows) == list(self._rows):
                for hid, cells in rows.items():
                    for index, (old, new) in enumerate(zip(self._rows[hid], cells, strict=True)):
                        if old != new:
                            table.update_cell(hid, COLUMNS[index], new)
            else:
                self._fitted_to, widths = fitted
                table.fill(rows, widths, fitted=True)
                if current in rows:
                    table.move_cursor(row=table.get_row_index(current), scroll=True)
            self._rows = rows
        if self._want in rows:
            table.move_cursor(row=table.get_row_index(self._want), scroll=True)
            self._want = None
        self._show_status(roster, found, page, pages)
        self._show_detail()

    def _show_status(self, roster: Roster, found: int, page: int, pages: int) -> None:
        filters = [t("tui.households.filter.soon")] if self.soon else []
        if self.no_carer:
            filters.append(t("tui.households.filter.no_carer"))
        parts = [t("tui.households.count", found=found, total=len(roster.households))]
        if self.scope is not None:
            names = {c.id: c.name for c in roster.communities}
            parts.insert(0, t("tui.scope.only", scope=printable(names.get(self.scope, ""))))
        if filters:
            parts.append(t("tui.households.filtered", filters="、".join(filters)))
        if pages > 1:
            parts.append(t("tui.households.page", page=page + 1, pages=pages))
        cap = roster.settings.max_households_per_carer
        parts.append(t("tui.households.cap", cap=cap))
        self.query_one("#hh-status", Static).update(Text(" | ".join(parts)))

    # -- the highlighted household -----------------------------------------------------------
    def _highlighted_id(self) -> str | None:
        table = self.query_one("#hh-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    def selected(self) -> Household | None:
        hid, roster = self._highlighted_id(), self._shown
        if hid is None or roster is None:
            return None
        return next((h for h in roster.households if h.id == hid), None)

    @on(DataTable.RowSelected, "#hh-table")
    def _row_chosen(self) -> None:
        self.action_edit()

    @on(DataTable.RowHighlighted, "#hh-table")
    def _show_detail(self) -> None:
        household, roster = self.selected(), self._shown
        detail = self.query_one("#hh-detail", Static)
        if household is None or roster is None:
            detail.update(self._why_empty(roster) if roster is not None and not self._rows else "")
            return
        today = self.roster_app.today()
        reading = readings_on(roster, today).get(household.id)
        detail.update(household_detail(household, roster, today, reading))

    def _why_empty(self, roster: Roster) -> Text:
        filters = (self.text, self.compound, self.soon, self.no_carer, self.scope)
        return why_no_households(roster, *filters)

    # -- actions ----------------------------------------------------------------------------
    def action_search(self) -> None:
        self.query_one("#hh-search", Input).focus()

    def action_compound(self) -> None:
        if self._shown is None:
            return
        choices = compound_choices(self._shown, self.scope)
        self.app.push_screen(
            ChoiceModal(t("tui.households.key.compound"), choices, self.compound or ""),
            lambda chosen: None if chosen is None else self.filter_compound(chosen or None),
        )

    def key_escape(self) -> None:
        self.query_one("#hh-table", DataTable).focus()

    def action_toggle_soon(self) -> None:
        self.soon, self.page = not self.soon, 0
        self._refilter()

    def action_toggle_no_carer(self) -> None:
        self.no_carer, self.page = not self.no_carer, 0
        self._refilter()

    def action_page(self, step: int) -> None:
        self.page = max(0, self.page + step)
        self._refilter()

    def action_carer(self) -> None:
        household, roster = self.selected(), self._shown
        if household is not None and roster is not None:
            choose_carer(self, roster, household)

    def fix_gap(self, gap: Gap) -> None:
        """Open the fix of a household gap handed over by the gaps list."""
        fix_household_gap(self, gap)

    def action_round(self) -> None:
        if self._shown is not None:
            round_ = RoundDialog(self._shown, self.roster_app.fixed_today, self.scope)
            self.app.push_screen(round_)

    def action_add(self) -> None:
        roster = self._shown
        if roster is None or not roster.compounds:
            return
        width = max((len(h.id) - 1 for h in roster.households if h.id[:1] == "h"), default=4)
        new_id = next_id((h.id for h in roster.households), "h", width)

        def save(household: Household | None) -> None:
            if household is not None:
                self.roster_app.edit(lambda ws: ws.save_household(None, household))

        self.app.push_screen(HouseholdForm(roster, None, new_id, self.roster_app.today()), save)

    def action_edit(self) -> None:
        before, roster = self.selected(), self._shown
        if before is None or roster is None:
            return

        def save(after: Household | None) -> None:
            if after is not None and after != before:
                self.roster_app.edit(lambda ws: ws.save_household(before, after))

        form = HouseholdForm(roster, before, before.id, self.roster_app.today())
        self.app.push_screen(form, save)

    def action_release(self) -> None:
        household, roster = self.selected(), self._shown
        if household is not None and roster is not None:
            ask_release(self.roster_app, roster, household, self.roster_app.today())

    def action_card(self) -> None:
        household, roster = self.selected(), self._shown
        if household is not None and roster is not None:
            card = HouseholdCard(roster, household, self.roster_app.fixed_today)
            self.app.push_screen(card)

    def action_requests(self) -> None:
        if self._shown is not None:
            app = self.roster_app
            self.app.push_screen(RequestsBoard(self._shown, app.fixed_today, self.scope))

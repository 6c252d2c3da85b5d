"""缺口: every gap in a range (default this ISO week), grouped, and Enter goes where to fix it.

The gaps shown are the app's scope's (全街道 or one community), counted as Today and the week
grid count them. A kind filter is marked while it is on, and an empty list says what hides
the gaps there are (the kind filter, or the scope) and which key shows them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from roster_tui.domain.gaps import Gap, GapKind
from roster_tui.domain.model import Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.engine.describe import GapDescriber, gap_kind_label
from roster_tui.i18n import t
from roster_tui.services.overview import (
    GapRow,
    PlaceIndex,
    RangeGaps,
    fix_place,
    grouped_rows,
)
from roster_tui.tui.dialogs.care_gap import care_gap_hint
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.person_card import open_person_card
from roster_tui.tui.gap_fix import go_fix
from roster_tui.tui.screens.base import RosterScreen
from roster_tui.tui.translate import PAGES, WEEKS
from roster_tui.tui.widgets.gap_table import PAGE_SIZE, GapTable

ALL = "all"  # the choice of every kind


@dataclass(slots=True)
class CheckedRange:
    """One check's result, with what the table needs to show it."""

    roster: Roster
    week: Week
    rows: list[GapRow]  # every kind, grouped
    counts: Counter[GapKind]
    index: PlaceIndex
    texts: dict[Gap, str]  # each gap in words, printable


class GapsScreen(RosterScreen):
    MODE = "gaps"
    CSS_PATH = "gaps.tcss"
    AUTO_FOCUS = "#gaps-table"
    BINDINGS = [
        Binding(
            "left_square_bracket",
            "move_week(-1)",
            "tui.gaps.key.prev",
            key_display="[",
            group=WEEKS,
        ),
        Binding(
            "right_square_bracket",
            "move_week(1)",
            "tui.gaps.key.next",
            key_display="]",
            group=WEEKS,
        ),
        Binding("t", "this_week", "tui.gaps.key.this_week"),
        Binding("k", "choose_kind", "tui.gaps.key.kind"),
        Binding("n", "page(1)", "tui.gaps.key.next_page", group=PAGES),
        Binding("p", "page(-1)", "tui.gaps.key.prev_page", group=PAGES),
        Binding("i", "person_card", "tui.card.open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.week: Week | None = None  # the week shown
        self.kind: GapKind | None = None
        self.page_start = 0  # first row of the page shown
        self.checked: CheckedRange | None = None
        self._rows: list[GapRow] = []  # the rows of the scope and the chosen kind
        self._in_scope = 0  # gaps of the scope, of every kind
        self._focus_community: str | None = None
        # This week starts from a copy of the today screen's tracker (the app holds it), not
        # from a new check of the week.
        self._source = RangeGaps(
            self.roster_app.fixed_today, seed=self.roster_app.this_week_gaps.fork
        )

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="gaps-head"):
            yield Static(id="gaps-range")
            yield Static(id="gaps-kind")
            yield Static(id="gaps-total")
        yield GapTable(id="gaps-table")
        yield Static(id="gaps-detail")

    async def recompose(self) -> None:
        """A language switch rebuilds the widgets: describe the gaps again in the new one."""
        self.checked = None
        await super().recompose()

    # -- what other screens call --------------------------------------------------------------
    def show_kind(
        self, kind: GapKind | None, *, community: str | None = None, day: dt.date | None = None
    ) -> None:
        """Filter to ``kind`` (None: all), over the week of ``day``, cursor on ``community``."""
        self.kind = kind
        self._focus_community = community
        self.page_start = 0
        self._rows = []  # a new list: the cursor starts again from the top
        week = Week.of(day) if day is not None else self.week
        if week != self.week:
            self.week = week
            self._recheck()
        elif self.checked is not None and self.is_mounted:
            self._show(self.checked)

    # -- following the roster -----------------------------------------------------------------
    def show_roster(self, roster: Roster) -> None:
        if self.week is None:
            self.week = Week.of(self.roster_app.today())
        self._render_range_label()
        if self.checked is None or self.checked.week != self.week:
            self.query_one("#gaps-total", Static).update(Text(t("tui.gaps.checking"), "dim"))
        self._check(roster, self.week)

    def _recheck(self) -> None:
        roster = self.roster_app.roster
        if roster is not None and self.is_mounted:
            self.show_roster(roster)

    def _render_range_label(self) -> None:
        if self.week is None:
            return
        first, last = self.week.monday, self.week.sunday
        label = t(
            "tui.gaps.range",
            week=str(self.week),
            first=t("date.month_day", month=first.month, day=first.day),
            last=t("date.month_day", month=last.month, day=last.day),
        )
        self.query_one("#gaps-range", Static).update(label)

    @work(thread=True, exclusive=True, group="gaps-check", exit_on_error=False)
    def _check(self, roster: Roster, week: Week) -> None:
        gaps = self._source.gaps(roster, week.monday, week.sunday)
        index = PlaceIndex(roster)
        describe = GapDescriber(roster)
        checked = CheckedRange(
            roster,
            week,
            grouped_rows(gaps, index),
            Counter(gap.kind for gap in gaps),
            index,
            {gap: printable(describe(gap)) for gap in gaps},
        )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._checked, checked)

    def _checked(self, checked: CheckedRange) -> None:
        if checked.week != self.week or not self.is_mounted:
            return  # the range moved on while this was running
        self.checked = checked
        self._show(checked)

    # -- showing ------------------------------------------------------------------------------
    def _show(self, checked: CheckedRange) -> None:
        table = self.query_one(GapTable)
        kept = table.current_number()
        previous = self._rows[kept] if kept is not None and kept < len(self._rows) else None
        scope = self.scope
        scoped = [r for r in checked.rows if scope is None or r.community == scope]
        self._in_scope = len(scoped)
        self._fill_kinds(Counter(r.gap.kind for r in scoped))
        self._rows = [r for r in scoped if self.kind is None or r.gap.kind == self.kind]
        cursor = self._cursor_after(previous, kept or 0)
        self.page_start = cursor - cursor % PAGE_SIZE  # the page holding the cursor
        table.show_page(self._rows, self.page_start, checked.index, checked.texts, cursor)
        self._show_total()
        self._show_detail()

    def _cursor_after(self, previous: GapRow | None, kept: int) -> int:
        """Where the cursor goes: the asked-for community, else the gap it was on, else top."""
        if self._focus_community is not None:
            wanted, self._focus_community = self._focus_community, None
            return next((i for i, r in enumerate(self._rows) if r.community == wanted), 0)
        if previous is None or not self._rows:
            return 0
        for i, row in enumerate(self._rows):
            if row.gap == previous.gap:
                return i
        # That gap is fixed: stay on the same line, which now holds the gap after it.
        return min(kept, len(self._rows) - 1)

    def _kind_choices(self, counts: Counter[GapKind]) -> list[tuple[str, str]]:
        """Every kind: all of them first, then each kind found (and the one chosen, if none)."""
        choices = [
            (t("tui.gaps.kind_option", label=t("tui.gaps.all_kinds"), count=counts.total()), ALL)
        ]
        for kind in GapKind:
            if counts[kind] or kind == self.kind:
                label = t("tui.gaps.kind_option", label=gap_kind_label(kind), count=counts[kind])
                choices.append((label, kind.value))
        return choices

    def _fill_kinds(self, counts: Counter[GapKind]) -> None:
        value = self.kind.value if self.kind is not None else ALL
        label = next(label for label, v in self._kind_choices(counts) if v == value)
        text = Text(t("tui.gaps.kind"), style="bold")
        text.append(" ")
        if self.kind is None:
            text.append(label)
        else:  # a filter hiding rows is marked while it is on
            text.append(f" {label} ", style="bold reverse")
            text.append(" " + t("tui.gaps.kind_on"), style="dim")
        self.query_one("#gaps-kind", Static).update(text)

    def _show_total(self) -> None:
        total = len(self._rows)
        pages = max(1, -(-total // PAGE_SIZE))
        if total == 0:
            text = Text(t("tui.gaps.total", count=0), style="green")
        elif pages == 1:
            text = Text(t("tui.gaps.total", count=total))
        else:
            page = self.page_start // PAGE_SIZE + 1
            text = Text(t("tui.gaps.shown", count=total, page=page, pages=pages))
        self.query_one("#gaps-total", Static).update(text)
        self.refresh_bindings()

    def _show_detail(self) -> None:
        number = self.query_one(GapTable).current_number()
        detail = self.query_one("#gaps-detail", Static)
        if self.checked is not None and not self._rows:
            detail.update(self._why_empty(self.checked))
            return
        if number is None or self.checked is None or number >= len(self._rows):
            detail.update("")
            return
        gap = self._rows[number].gap
        text = Text(self.checked.texts[gap])
        screen = t(f"tui.mode.{fix_place(gap.kind).value}")
        where = care_gap_hint(gap.kind) or t("tui.gaps.where", screen=screen)
        text.append("  " + where, style="dim")
        detail.update(text)

    def _why_empty(self, checked: CheckedRange) -> Text:
        """No gap shown: say so, and what hides the ones there are."""
        if self.kind is not None and self._in_scope:
            why = t("tui.gaps.none_of_kind", kind=gap_kind_label(self.kind), count=self._in_scope)
            return Text(why, style="bold yellow")
        if self.scope is not None and checked.rows:
            name = checked.index.communities.get(self.scope)
            where = printable(name.name) if name is not None else self.scope
            return Text(
                t("tui.gaps.none_in_scope", scope=where, count=len(checked.rows)),
                style="bold yellow",
            )
        return Text(t("tui.gaps.none"), style="green")

    @on(DataTable.RowHighlighted, "#gaps-table")
    def _highlighted(self) -> None:
        self._show_detail()
        self.refresh_bindings()  # i (the person card) is there on gaps about a person

    # -- actions ------------------------------------------------------------------------------
    def action_choose_kind(self) -> None:
        counts = self.checked.counts if self.checked is not None else Counter[GapKind]()
        current = self.kind.value if self.kind is not None else ALL
        modal = ChoiceModal(t("tui.gaps.choose_kind"), self._kind_choices(counts), current)
        self.app.push_screen(modal, self._kind_chosen)

    def _kind_chosen(self, value: str | None) -> None:
        if value is None:
            return
        kind = None if value == ALL else GapKind(value)
        if kind != self.kind:
            self.show_kind(kind)

    def action_move_week(self, step: int) -> None:
        if self.week is not None:
            self.week += step
            self.page_start = 0
            self._rows = []  # not the last week's gaps under this week's dates
            self.query_one(GapTable).clear()
            self.query_one("#gaps-detail", Static).update("")
            self._recheck()

    def action_this_week(self) -> None:
        self.show_kind(self.kind, day=self.roster_app.today())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "page":
            return len(self._rows) > PAGE_SIZE
        if action == "person_card":
            gap = self._current_gap()
            return gap is not None and gap.person is not None
        return True

    def _current_gap(self) -> Gap | None:
        number = self.query_one(GapTable).current_number()
        return self._rows[number].gap if number is not None and number < len(self._rows) else None

    def action_person_card(self) -> None:
        gap, checked = self._current_gap(), self.checked
        if gap is not None and gap.person and checked is not None:
            open_person_card(self.roster_app, checked.roster, [gap.person], checked.week)

    def action_page(self, step: int) -> None:
        offset = self.page_start + step * PAGE_SIZE
        if 0 <= offset < len(self._rows) and self.checked is not None:
            self.page_start = offset
            checked = self.checked
            self.query_one(GapTable).show_page(
                self._rows, offset, checked.index, checked.texts, offset
            )
            self._show_total()

    @on(DataTable.RowSelected, "#gaps-table")
    async def _fix(self) -> None:
        gap = self._current_gap()
        if gap is not None:
            await self.go_fix(gap)

    async def go_fix(self, gap: Gap) -> None:
        """Switch to the screen where ``gap`` is fixed, with its fix ready."""
        await go_fix(self.roster_app, gap)

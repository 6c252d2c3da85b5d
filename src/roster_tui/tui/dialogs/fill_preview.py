"""自动补位 preview: every proposed change and every gap that stays open, then apply or cancel.

``l`` turns the table to the load of each person the fill adds (hours, nights, weekend and
holiday shifts over the four weeks before and the week, before and after) and back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from roster_tui.i18n import t, tn
from roster_tui.services.fill import FillPlan, ProposalRow, explanation_lines, proposal_rows
from roster_tui.services.fill_loads import LoadRow, load_rows, spread_summary
from roster_tui.services.fill_repairs import repair_lines
from roster_tui.tui.translate import translate_bindings

MAX_ROWS = 2000  # a week of a large sub-district proposes far fewer; more would only lag
# Widths that fit the box at 80 columns: "12/31 周三", a post or an address, "白班/党员",
# "张伟 p0001 东风社区".
COLUMNS = (("date", 10), ("place", 28), ("what", 9), ("person", 23))
# The load view: "张伟 p0001 东风社区", then "96->102" and three "12->13".
LOAD_COLUMNS = (("load_person", 23), ("hours", 11), ("nights", 8), ("weekends", 8), ("holidays", 8))


class FillPreview(ModalScreen[bool]):
    """Dismisses with True to apply the whole plan, False to leave everything as it is."""

    CSS_PATH = "fill_preview.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "tui.fill.cancel"),
        Binding("a,ctrl+s", "apply", "tui.fill.apply"),
        Binding("l", "toggle_loads", "tui.fill.loads"),
    ]

    def __init__(self, plan: FillPlan) -> None:
        super().__init__()
        translate_bindings(self)
        self.plan = plan
        self.rows = proposal_rows(plan)
        self.left = explanation_lines(plan)
        self.repairs = repair_lines(plan)
        self.loads: list[LoadRow] = load_rows(plan)
        self.showing_loads = False

    def compose(self) -> ComposeResult:
        week = self.plan.week
        label = t("week.label", year=week.year, week=week.number)
        with Vertical(id="fill-box"):
            title = t("tui.fill.title", week=label, count=self.plan.count)
            yield Static(Text(title), classes="title")
            yield DataTable(id="fill-table", cursor_type="row")
            spread = spread_summary(self.plan)
            if spread:
                yield Static(Text(spread), id="fill-spread")
            if self.repairs or self.left:
                # Who is moved and why, then what stays open and why: one scroll, since at
                # 80x24 the table leaves room for a few lines only.
                with VerticalScroll(id="fill-left"):
                    if self.repairs:
                        heading = tn("tui.fill.repairs_title", len(self.repairs))
                        yield Static(Text(heading), classes="subtitle")
                        yield Static(Text("\n".join(self.repairs)), id="fill-repairs")
                    if self.left:
                        heading = tn("tui.fill.left_title", len(self.left))
                        yield Static(Text(heading), classes="subtitle")
                        yield Static(Text("\n".join(self.left)))
            if not self.left and self.plan.seats.seats_wanted:
                yield Static(Text(t("tui.fill.all_closed")), classes="subtitle")
            with Horizontal(id="fill-buttons"):
                yield Static(Text(t("tui.fill.hint")), classes="hint")
                apply = Button(t("tui.fill.apply"), variant="primary", compact=True, id="fill-ok")
                apply.disabled = not self.plan.changes
                yield apply
                yield Button(t("tui.fill.cancel"), compact=True, id="fill-cancel")

    def on_mount(self) -> None:
        self._show_proposals()
        self.query_one("#fill-table", DataTable).focus()

    def _show_proposals(self) -> None:
        table = self.query_one("#fill-table", DataTable)
        table.clear(columns=True)
        for key, width in COLUMNS:
            table.add_column(t(f"tui.fill.col.{key}"), key=key, width=width)
        for index, row in enumerate(self.rows[:MAX_ROWS]):
            table.add_row(*_cells(row), key=str(index))
        if len(self.rows) > MAX_ROWS:
            more = t("tui.fill.more", count=len(self.rows) - MAX_ROWS)
            table.add_row(Text(""), Text(more), Text(""), Text(""), key="more")

    def _show_loads(self) -> None:
        table = self.query_one("#fill-table", DataTable)
        table.clear(columns=True)
        for key, width in LOAD_COLUMNS:
            label = t("tui.fill.col.load_person") if key == "load_person" else t(f"fill.load.{key}")
            table.add_column(label, key=key, width=width)
        for row in self.loads[:MAX_ROWS]:
            person = f"{row.person} {row.person_id} {row.community}".rstrip()
            table.add_row(Text(person), *map(Text, row.cells()), key=row.person_id)

    def action_toggle_loads(self) -> None:
        self.showing_loads = not self.showing_loads
        if self.showing_loads:
            self._show_loads()
        else:
            self._show_proposals()

    @on(Button.Pressed, "#fill-ok")
    def action_apply(self) -> None:
        if self.plan.changes:
            self.dismiss(True)

    @on(Button.Pressed, "#fill-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


def _cells(row: ProposalRow) -> tuple[Text, Text, Text, Text]:
    when = ""
    if row.date is not None:
        when = f"{row.date.month}/{row.date.day} {row.weekday}"
    person = f"{row.person} {row.person_id} {row.community}".rstrip()
    return Text(when), Text(row.place), Text(row.what), Text(person)

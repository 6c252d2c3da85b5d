"""The week grid's edits: assign, remove, replace and swap people on a shift, copy a shift to
its week, fill the week's gaps. Each edit is one audited, undoable change; a shift that has
started is corrected only after a confirmation.

The grid (week.py) finds the cell and shows the week; this base class acts on the cell.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.widgets import Static

from roster_tui.domain.changes import AuditEntry
from roster_tui.domain.gaps import Gap
from roster_tui.domain.instances import ShiftInstance
from roster_tui.domain.model import Person, Roster
from roster_tui.domain.text import printable
from roster_tui.domain.week import Week
from roster_tui.i18n import t
from roster_tui.services.assignments import InstanceKey
from roster_tui.services.week_filter import EmptyGrid
from roster_tui.services.week_grid import GroupRow, ShiftRow
from roster_tui.services.workspace import Workspace
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.screens.base import RosterScreen
from roster_tui.tui.screens.week_guard import ask_if_started, preview_copy_week
from roster_tui.tui.widgets.grid_names import CellNames
from roster_tui.tui.widgets.week_table import GridLayout, RenderedRow, WeekTable

if TYPE_CHECKING:  # imported when first used: the picker, the ranking and the fill are large
    from roster_tui.services.candidates import Candidate, CandidateRanker
    from roster_tui.services.fill import FillPlan


@dataclass(slots=True)
class WeekData:
    roster: Roster
    week: Week
    instances: dict[InstanceKey, ShiftInstance]
    gaps: list[Gap]
    cell_gaps: dict[InstanceKey, list[Gap]]
    rows: list[GroupRow | ShiftRow]
    names: CellNames  # how the grid and the line under it name the people of ``people``
    scope: str | None = None  # the community the rows are of (None: the whole sub-district)
    query: str = ""  # the filter the rows passed
    layout: GridLayout | None = None  # the widths ``rendered`` is laid out for
    rendered: list[RenderedRow] = field(default_factory=list)  # the table's rows, drawn
    empty: EmptyGrid | None = None  # why no shift is shown, when none is
    shown_gaps: int | None = None  # with a filter on: the gaps on the rows it leaves

    @property
    def people(self) -> Mapping[str, Person]:
        """By id: the roster's index, which ``names`` names."""
        return self.names.people


class WeekEdits(RosterScreen):
    """Acts on the shift under the grid's cursor (``current_instance``)."""

    data: WeekData | None = None
    _swap_from: tuple[InstanceKey, str] | None = None  # the first half of a swap
    # The bookings around the week shown, ready to rank people for any of its seats: kept
    # while the roster and the week stay, so a second picker on the week ranks at once.
    _ranker: tuple[WeekData, CandidateRanker] | None = None

    def current_instance(self) -> ShiftInstance | None:
        raise NotImplementedError  # the grid knows where its cursor is

    def action_person_card(self) -> None:
        # Imported when first opened: it brings the export writers (its duty sheet) with it.
        from roster_tui.tui.dialogs.person_card import open_person_card

        instance, data = self.current_instance(), self.data
        if instance is not None and data is not None:
            open_person_card(self.roster_app, data.roster, instance.assigned, data.week)

    def action_assign(self) -> None:
        instance, data = self.current_instance(), self.data
        if instance is None or data is None:
            return
        roster = data.roster

        def chosen(person: Person) -> None:
            self._edit_shift(
                instance, lambda ws, past: ws.assign(roster, instance.key, person, past=past)
            )

        self._pick_for(instance, t("tui.week.assign_title", where=self._where(instance)), chosen)

    def _pick_for(
        self, instance: ShiftInstance, title: str, then: Callable[[Person], object]
    ) -> None:
        """The picker for a seat on ``instance``, everyone ranked for it; ``then`` the choice."""
        from roster_tui.tui.dialogs.person_picker import PersonPicker

        data = self.data
        if data is None:
            return
        roster = data.roster

        def rank() -> list[Candidate]:
            return self._ranker_for(data).rank(instance)

        def chosen(person_id: str | None) -> None:
            person = data.people.get(person_id) if person_id else None
            if person is not None:
                then(person)

        self.app.push_screen(PersonPicker(title, roster, rank=rank), chosen)

    def _ranker_for(self, data: WeekData) -> CandidateRanker:
        """The ranker of ``data``'s roster and week (runs in the picker's worker)."""
        from roster_tui.services.candidates import CandidateRanker

        kept = self._ranker
        if kept is not None and kept[0].roster is data.roster and kept[0].week == data.week:
            return kept[1]
        earlier = kept[1] if kept is not None and kept[0].week == data.week else None
        ranker = CandidateRanker.for_week(
            data.roster, data.week, list(data.instances.values()), earlier
        )
        self._ranker = (data, ranker)
        return ranker

    def _edit_shift(
        self, instance: ShiftInstance, edit: Callable[[Workspace, bool], AuditEntry | None]
    ) -> None:
        """One edit of ``instance``, asking first when the shift has started."""
        if self.data is not None:
            ask_if_started(
                self,
                self.data.roster,
                [instance.key],
                lambda past: self.roster_app.edit(lambda ws: edit(ws, past)),
            )

    def where_key(self, key: InstanceKey) -> str:
        instance = self.data.instances.get(key) if self.data else None
        return self._where(instance) if instance else f"{key[0]} {key[1]} {key[2]}"

    def _where(self, instance: ShiftInstance) -> str:
        return (
            f"{printable(instance.post.name)} {printable(instance.shift.name)} "
            f"{instance.date.month}/{instance.date.day} {t(f'weekday.{instance.date.weekday()}')}"
        )

    def _choose_person(
        self, instance: ShiftInstance, title: str, then: Callable[[str], object]
    ) -> None:
        people = self.data.people if self.data else {}
        if not instance.assigned:
            self.notify(t("tui.week.empty_cell"))
            return
        if len(instance.assigned) == 1:
            then(instance.assigned[0])
            return
        choices = [
            (f"{printable(people[p].name) if p in people else p} ({p})", p)
            for p in instance.assigned
        ]

        def chosen(pid: str | None) -> None:
            if pid is not None:
                then(pid)

        self.app.push_screen(ChoiceModal(title, choices, None), chosen)

    def action_remove(self) -> None:
        instance = self.current_instance()
        if instance is not None:
            title = t("tui.week.remove_title")
            self._choose_person(instance, title, lambda pid: self.unassign_person(instance, pid))

    def unassign_person(self, instance: ShiftInstance, pid: str) -> None:
        """Take ``pid`` off ``instance`` (asking first when the shift has started)."""
        data = self.data
        person = data.people.get(pid) if data else None
        if data is not None and person is not None:
            roster = data.roster
            self._edit_shift(
                instance, lambda ws, past: ws.unassign(roster, instance.key, person, past=past)
            )

    def action_replace(self) -> None:
        instance = self.current_instance()
        if instance is not None:
            self._choose_person(
                instance,
                t("tui.week.replace_title"),
                lambda pid: self.replace_person(instance, pid),
            )

    def replace_person(self, instance: ShiftInstance, pid: str) -> None:
        """Choose who takes ``pid``'s place on ``instance`` (换人), best candidates first."""
        data = self.data
        leaving = data.people.get(pid) if data else None
        if data is None or leaving is None:
            return
        roster = data.roster
        title = t(
            "tui.week.replace_with", person=printable(leaving.name), where=self._where(instance)
        )

        def chosen(coming: Person) -> None:
            if coming.id != pid:
                self._edit_shift(
                    instance,
                    lambda ws, past: ws.replace(roster, instance.key, leaving, coming, past=past),
                )

        self._pick_for(instance, title, chosen)

    def _set_swap(self, pending: tuple[InstanceKey, str] | None) -> None:
        """The half-done swap, shown on its own line until it finishes or Esc cancels it."""
        self._swap_from = pending
        line = self.query_one("#week-pending", Static)
        line.display = pending is not None
        if pending is not None and self.data is not None:
            key, pid = pending
            person = self.data.people.get(pid)
            name = printable(person.name) if person else pid
            instance = self.data.instances.get(key)
            where = self._where(instance) if instance else key[0]
            line.update(Text(t("safety.swap.pending", person=name, where=where)))

    def action_swap(self) -> None:
        instance, data = self.current_instance(), self.data
        if instance is None or data is None:
            return
        roster = data.roster
        if self._swap_from is None:

            def first(pid: str) -> None:
                self._set_swap((instance.key, pid))

            self._choose_person(instance, t("tui.week.swap_title"), first)
            return
        from_key, a_id = self._swap_from

        def swap(b_id: str) -> None:
            a, b = data.people.get(a_id), data.people.get(b_id)
            if a and b:
                ask_if_started(
                    self,
                    roster,
                    [from_key, instance.key],
                    lambda past: self.roster_app.edit(
                        lambda ws: ws.swap(roster, from_key, a, instance.key, b, past=past)
                    ),
                )

        def second(b_id: str) -> None:
            self._set_swap(None)
            source = data.instances.get(from_key)
            if source is None or source.post.id == instance.post.id:
                swap(b_id)
                return
            a, b = data.people.get(a_id), data.people.get(b_id)
            lines = [
                t(
                    "safety.swap.line",
                    person=printable(a.name) if a else a_id,
                    first=self._where(source),
                    second=self._where(instance),
                ),
                t(
                    "safety.swap.line",
                    person=printable(b.name) if b else b_id,
                    first=self._where(instance),
                    second=self._where(source),
                ),
                t("safety.swap.other_post"),
            ]

            def answered(go: bool | None) -> None:
                if go:
                    swap(b_id)

            self.app.push_screen(ConfirmDialog(t("safety.swap.title"), lines), answered)

        self._choose_person(instance, t("tui.week.swap_title"), second)

    def action_copy_week(self) -> None:
        instance, data = self.current_instance(), self.data
        if instance is None or data is None:
            return
        if not instance.assigned:
            self.notify(t("tui.week.empty_cell"))
            return
        names = t("safety.days.separator").join(
            printable(data.people[p].name) if p in data.people else p for p in instance.assigned
        )
        preview_copy_week(self, data.roster, instance.key, names)

    def action_fill(self) -> None:
        if self.data is not None:
            self.query_one(WeekTable).loading = True  # a large week takes a moment
            self.compute_fill(self.data.roster, self.data.week)

    @work(thread=True, exclusive=True, group="fill", exit_on_error=False)
    def compute_fill(self, roster: Roster, week: Week) -> None:
        from roster_tui.services.fill import plan_fill

        try:
            plan = plan_fill(roster, week, self.roster_app.now())
        finally:
            self.app.call_from_thread(setattr, self.query_one(WeekTable), "loading", False)
        self.app.call_from_thread(self._preview_fill, plan)

    def _preview_fill(self, plan: FillPlan) -> None:
        from roster_tui.services.fill import explanation_lines
        from roster_tui.tui.dialogs.fill_preview import FillPreview

        if not plan.count and not explanation_lines(plan):
            self.notify(t("tui.fill.nothing"))
            return

        def chosen(apply: bool | None) -> None:
            if apply:
                self.roster_app.edit(lambda ws: ws.apply(plan.changes, "fill", plan.summary))

        self.app.push_screen(FillPreview(plan), chosen)

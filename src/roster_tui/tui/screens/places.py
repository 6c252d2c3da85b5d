"""楼院: the sub-district's places, who answers for each (包街包院) and each post's rotations.

The tree on the left picks a place; the right side shows it. Duties are added and removed on
streets and compounds; on a post, the members of the highlighted rotation are added, removed,
moved up or down, and the rotation's dates changed. Every edit is one audited, undoable action.
Changes to members and order apply from a day the user picks (``f``; by default the first day
on which no shift has started): days before it keep the rotation they had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Tree

from roster_tui.domain.gaps import Gap
from roster_tui.domain.model import Roster, Rotation
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.past import first_open_day
from roster_tui.services.places import (
    PlaceMarks,
    dates_summary,
    duty_holders,
    insert_member,
    move_member,
    new_duty,
    place_marks,
    remove_member,
    rotation_summary,
    save_rotation,
    with_dates,
)
from roster_tui.services.rotation_edits import apply_from, changes_the_cycle
from roster_tui.tui.dialogs.apply_from import ApplyFromDialog
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.dialogs.rotation_dates import RotationDates, RotationDatesDialog
from roster_tui.tui.screens.base import RosterScreen
from roster_tui.tui.screens.places_fix import fix_place_gap
from roster_tui.tui.screens.places_setup import PlaceSetup
from roster_tui.tui.widgets.place_detail import PlaceDetail
from roster_tui.tui.widgets.place_names import PlaceNames
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree

HOLDS_DUTIES = ("street", "compound")


class PlacesScreen(RosterScreen):
    MODE = "places"
    CSS_PATH = "places.tcss"
    BINDINGS = [
        Binding("a", "add", "places.key.add"),
        Binding("x,delete", "remove", "places.key.remove"),
        Binding("left_square_bracket", "move(-1)", "places.key.up"),
        Binding("right_square_bracket", "move(1)", "places.key.down"),
        Binding("d", "dates", "places.key.dates"),
        Binding("f", "apply_from", "places.key.from"),
        Binding("n", "new", "setup.key.new"),
        Binding("m", "edit", "setup.key.edit"),
        Binding("r", "retire", "setup.key.retire"),
        Binding("p", "groups", "setup.key.groups"),
        Binding("slash", "search", "setup.key.search"),
        Binding("s", "settings", "setup.key.settings"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ref: PlaceRef | None = None
        self._marks: PlaceMarks | None = None
        self._keys_for: str | None = None  # which kind of place the footer's keys are for
        self._apply_from: dt.date | None = None  # the day the user chose; None: the earliest
        self.setup = PlaceSetup(self)

    # -- setting the places up (n, m, r, p, /, s) ------------------------------------------------
    def action_new(self) -> None:
        self.setup.new()

    def action_edit(self) -> None:
        self.setup.edit()

    def action_retire(self) -> None:
        self.setup.retire()

    def action_groups(self) -> None:
        self.setup.groups()

    def action_search(self) -> None:
        self.setup.search()

    def action_settings(self) -> None:
        self.setup.settings()

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="places-body"):
            yield PlaceTree(id="place-tree")
            yield PlaceDetail(id="place-detail")

    def show_roster(self, roster: Roster) -> None:
        marks = place_marks(roster)
        tree = self.query_one(PlaceTree)
        tree.show(roster, marks)
        # The detail always follows the tree's cursor (the tree puts it on the top line at first).
        node = tree.cursor_node
        self.ref = node.data if node is not None else None
        self._marks = marks
        detail = self.query_one(PlaceDetail)
        detail.apply_from = self._effective_day(roster)
        detail.show(roster, marks, self.ref)
        self._refresh_keys()

    async def recompose(self) -> None:
        """A language switch rebuilds the widgets: the tree comes back on the same place."""
        ref = self.ref
        await super().recompose()
        if ref is not None:
            self.query_one(PlaceTree).reveal(ref)

    def select_place(self, ref: PlaceRef) -> None:
        """Put the tree's cursor on ``ref`` and show it on the right at once."""
        self.query_one(PlaceTree).reveal(ref)
        roster = self._shown
        if roster is not None:
            self.ref = ref
            self.query_one(PlaceDetail).show(roster, self._marks or place_marks(roster), ref)
            self._refresh_keys()

    def fix_gap(self, gap: Gap) -> None:
        """Open the fix of a place gap handed over by the gaps list."""
        fix_place_gap(self, gap)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[PlaceRef]) -> None:
        ref = event.node.data
        if ref is None or ref == self.ref or self._shown is None:
            return
        self.ref = ref
        self.query_one(PlaceDetail).show(self._shown, self._marks or place_marks(self._shown), ref)
        self._refresh_keys()

    def on_descendant_focus(self) -> None:
        self._refresh_keys()

    def _on_tree(self) -> bool:
        """The tree has the focus (or nothing has): the keys for places, not for a list's rows."""
        return self.focused is None or isinstance(self.focused, PlaceTree)

    def _refresh_keys(self) -> None:
        """Rebuild the footer only when another set of keys applies (it is slow to rebuild)."""
        kind = self.ref.kind if self.ref else None
        keys = f"{'duties' if kind in HOLDS_DUTIES else kind}:{self._on_tree()}"
        if keys != self._keys_for:
            self._keys_for = keys
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """At 80 columns the footer holds one set: a list's row keys while a list has the
        focus, the keys that make and find places while the tree has it."""
        kind = self.ref.kind if self.ref else None
        if action == "add":
            return kind in (*HOLDS_DUTIES, "post")
        if action == "remove":
            return kind in (*HOLDS_DUTIES, "post") and not self._on_tree()
        if action in ("move", "dates"):
            return kind == "post" and not self._on_tree()
        if action == "apply_from":
            return kind == "post"
        if action in ("edit", "retire"):
            return kind is not None
        if action in ("new", "groups", "search", "settings"):
            return self._on_tree()
        return True

    # -- actions ---------------------------------------------------------------------------
    def action_add(self) -> None:
        roster, ref = self._shown, self.ref
        if roster is None or ref is None:
            return
        names = PlaceNames(roster)
        if ref.kind in HOLDS_DUTIES:
            place = self._place_name(names, ref)
            title = t("places.picker.duty_title", place=place)
            self._pick(
                roster,
                title,
                ref,
                lambda pid: self._add_duty(roster, ref, pid),
                leave_out=duty_holders(roster, ref.kind, ref.id),  # one duty per person and place
            )
        elif ref.kind == "post":
            rotation = self._detail.current_rotation()
            if rotation is None:
                self.notify(t("places.rotation.none_to_edit"), severity="warning")
                return
            title = t("places.picker.member_title", rotation=printable(rotation.id))
            self._pick(
                roster,
                title,
                ref,
                lambda pid: self._add_member(roster, rotation, pid),
                leave_out=rotation.members,  # who is in the cycle is not offered again
            )

    def action_remove(self) -> None:
        roster, ref = self._shown, self.ref
        if roster is None or ref is None or not self._on_people_list():
            return
        names = PlaceNames(roster)
        if ref.kind in HOLDS_DUTIES:
            duty = self._detail.current_duty()
            if duty is None:
                return
            person = names.people.get(duty.person)
            if person is not None:
                place = self._place_name(names, ref)
                self.roster_app.edit(lambda ws: ws.remove_duty(duty, person, place))
        elif ref.kind == "post":
            rotation, index = self._detail.current_rotation(), self._detail.current_member()
            if rotation is None or index is None:
                return
            after = remove_member(rotation, index)
            if after is None:
                self.notify(t("places.rotation.keep_one"), severity="warning")
                return
            who = rotation.members[index]
            summary = rotation_summary(roster, "places.summary.remove_member", rotation, who)
            self._save(rotation, after, "rotation.member_remove", summary)

    def action_move(self, step: int) -> None:
        roster = self._shown
        rotation, index = self._detail.current_rotation(), self._detail.current_member()
        if roster is None or rotation is None or index is None or not self._on_people_list():
            return
        after = move_member(rotation, index, step)
        if after is None:
            return
        key = "places.summary.move_up" if step < 0 else "places.summary.move_down"
        summary = rotation_summary(roster, key, rotation, rotation.members[index])
        self._detail.keep_member_cursor(index + step)
        self._save(rotation, after, "rotation.reorder", summary)

    def action_dates(self) -> None:
        roster, rotation = self._shown, self._detail.current_rotation()
        if roster is None or rotation is None:
            return
        post = PlaceNames(roster).post(rotation.post)

        def chosen(dates: RotationDates | None) -> None:
            if dates is None:
                return
            after = with_dates(rotation, *dates)
            if after is None:
                return
            summary = dates_summary(roster, rotation, *dates)
            self._save(rotation, after, "rotation.dates", summary)

        earliest = first_open_day(roster, self.roster_app.now())
        self.app.push_screen(RotationDatesDialog(rotation, post, earliest), chosen)

    def action_apply_from(self) -> None:
        roster = self._shown
        if roster is None:
            return

        def chosen(day: dt.date | None) -> None:
            if day is not None and self._shown is not None:
                self._apply_from = day
                self._detail.apply_from = self._effective_day(self._shown)
                marks = self._marks or place_marks(self._shown)
                self._detail.show(self._shown, marks, self.ref)

        earliest = first_open_day(roster, self.roster_app.now())
        self.app.push_screen(ApplyFromDialog(self._effective_day(roster), earliest), chosen)

    # -- helpers ---------------------------------------------------------------------------
    @property
    def _detail(self) -> PlaceDetail:
        return self.query_one(PlaceDetail)

    def _on_people_list(self) -> bool:
        """Removing and moving act on the row a person chose: the list must have the focus."""
        if self.focused is self._detail.query_one("#people"):
            return True
        self.notify(t("places.pick_row_first"), timeout=3)
        return False

    def _pick(
        self,
        roster: Roster,
        title: str,
        ref: PlaceRef,
        then: Callable[[str], None],
        leave_out: Collection[str] = (),
    ) -> None:
        community = self._community_of(roster, ref)

        def chosen(person_id: str | None) -> None:
            if person_id is not None:
                then(person_id)

        picker = PersonPicker(title, roster, community=community, leave_out=leave_out)
        self.app.push_screen(picker, chosen)

    def _add_duty(self, roster: Roster, ref: PlaceRef, person_id: str) -> None:
        names = PlaceNames(roster)
        duty = new_duty(person_id, ref.kind, ref.id)
        person, place = names.people[person_id], self._place_name(names, ref)
        self.roster_app.edit(lambda ws: ws.add_duty(duty, person, place))

    def _add_member(self, roster: Roster, rotation: Rotation, person_id: str) -> None:
        # After the member under the cursor when on the list; else the cycle's last turn.
        on_list = self.focused is self._detail.query_one("#people")
        index = self._detail.current_member() if on_list else None
        at = len(rotation.members) if index is None else index + 1
        after = insert_member(rotation, person_id, at)
        names = PlaceNames(roster)
        if after is None:
            self.notify(
                t("places.rotation.already", person=names.person(person_id)),
                severity="warning",
                markup=False,  # names are data, not markup
            )
            return
        summary = rotation_summary(roster, "places.summary.add_member", rotation, person_id)
        self._detail.keep_member_cursor(at)
        self._save(rotation, after, "rotation.member_add", summary)

    def _effective_day(self, roster: Roster) -> dt.date:
        """The day edits apply from: the chosen one unless shifts have started on it since."""
        return apply_from(self._apply_from, first_open_day(roster, self.roster_app.now()))

    def _save(self, before: Rotation, after: Rotation, action: str, summary: str) -> None:
        """Member and order changes apply from the chosen day (by default the first day on
        which no shift has started); earlier days keep the rotation they had."""
        roster = self.roster_app.roster
        day = self._effective_day(roster) if roster else None
        if day is not None and changes_the_cycle(before, after):
            if before.end is not None and before.end < day:
                over = t("places.from.over", rotation=printable(before.id), day=day.isoformat())
                self.notify(over, severity="warning", markup=False)
                return
            if day > before.start:
                summary += t("places.summary.from", day=day.isoformat())
        self.roster_app.edit(
            lambda ws: save_rotation(
                ws, before, after, action=action, summary=summary, roster=roster, effective=day
            )
        )

    @staticmethod
    def _place_name(names: PlaceNames, ref: PlaceRef) -> str:
        return names.street(ref.id) if ref.kind == "street" else names.compound(ref.id)

    @staticmethod
    def _community_of(roster: Roster, ref: PlaceRef) -> str | None:
        if ref.kind == "street":
            return next((s.community for s in roster.streets if s.id == ref.id), None)
        compound_id = ref.id
        if ref.kind == "post":
            compound_id = next((p.compound for p in roster.posts if p.id == ref.id), "")
        return next((c.community for c in roster.compounds if c.id == compound_id), None)

"""The right-hand side of the places screen: what the highlighted place is and who holds it.

Streets and compounds list their duties (包街包院); a post lists its shift patterns, its
rotations and the members of the highlighted rotation in turn order.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from roster_tui.domain.model import CompoundKind, Duty, Roster, Rotation, ShiftPattern
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.places import (
    PlaceMarks,
    duties_for_compound,
    duties_for_street,
    party_groups_for,
    posts_of,
    rotations_of,
)
from roster_tui.tui.widgets.cells import plain_cells
from roster_tui.tui.widgets.place_names import PlaceNames
from roster_tui.tui.widgets.place_tree import MARK_STYLE, PlaceRef


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def shift_line(shift: ShiftPattern) -> str:
    span = f"{clock(shift.start)}-{clock(shift.end)}"
    if shift.overnight and shift.end != shift.start:
        span = t("places.shift.overnight", span=span)
    elif shift.end == shift.start:
        span = t("places.shift.round", span=span)
    line = t("places.shift.line", name=printable(shift.name), span=span, need=shift.need)
    if shift.need_role is not None:
        line += t("places.shift.role", role=t(f"role.{shift.need_role.value}"))
    return line


def rotation_span(rotation: Rotation) -> str:
    end = rotation.end.isoformat() if rotation.end else t("places.rotation.open_end")
    return t("places.rotation.span", start=rotation.start.isoformat(), end=end)


class PlaceDetail(Vertical):
    """Shows one place; the screen reads back which duty, rotation or member is under the cursor."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ref: PlaceRef | None = None
        self.duties: list[Duty] = []
        self.rotations: list[Rotation] = []
        self.members: tuple[str, ...] = ()
        self._names: PlaceNames | None = None
        self._member_cursor: int | None = None
        self._members_of: str | None = None  # the rotation whose members the table shows
        self.apply_from: dt.date | None = None  # the day the screen's rotation edits apply from

    def compose(self) -> ComposeResult:
        yield Static(id="place-summary")
        yield Static(id="rotations-title", classes="section")
        yield DataTable(id="rotations", cursor_type="row", zebra_stripes=True)
        yield Static(id="people-title", classes="section")
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)

    # -- what the screen asks ------------------------------------------------------------------
    def current_duty(self) -> Duty | None:
        index = self.query_one("#people", DataTable).cursor_row
        return self.duties[index] if 0 <= index < len(self.duties) else None

    def current_rotation(self) -> Rotation | None:
        index = self.query_one("#rotations", DataTable).cursor_row
        return self.rotations[index] if 0 <= index < len(self.rotations) else None

    def current_member(self) -> int | None:
        if not self.members:
            return None
        index = self.query_one("#people", DataTable).cursor_row
        return index if 0 <= index < len(self.members) else None

    def keep_member_cursor(self, index: int) -> None:
        """Where the member cursor should land once the edit comes back (after a move)."""
        self._member_cursor = index

    # -- rendering -----------------------------------------------------------------------------
    def show(self, roster: Roster, marks: PlaceMarks, ref: PlaceRef | None) -> None:
        self._names = PlaceNames(roster)
        rotation_before = self.current_rotation() if ref == self.ref else None
        member_before = self.current_member() if ref == self.ref else None
        self.ref = ref
        summary = self.query_one("#place-summary", Static)
        self.duties, self.rotations, self.members = [], [], ()
        self._members_of = None
        kind = ref.kind if ref else ""
        if ref is None:  # nothing in the tree yet: where the first place comes from
            summary.update("" if roster.communities else Text(t("places.empty"), style="dim"))
        elif kind == "community":
            summary.update(self._community(roster, marks, ref.id))
        elif kind == "street":
            summary.update(self._street(roster, ref.id))
            self.duties = duties_for_street(roster, ref.id)
        elif kind == "compound":
            summary.update(self._compound(roster, marks, ref.id))
            self.duties = duties_for_compound(roster, ref.id)
        elif kind == "post":
            summary.update(self._post(roster, ref.id))
            self.rotations = rotations_of(roster, ref.id)
        self._show_rotations(rotation_before)
        if kind == "post":
            cursor = self._member_cursor if self._member_cursor is not None else member_before
            self._member_cursor = None
            self._show_members(cursor)
        else:
            uncovered = ref is not None and (
                ref.id in marks.unassigned_streets
                if kind == "street"
                else ref.id in marks.unassigned_compounds
            )
            self._show_duties(kind in ("street", "compound"), uncovered)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id != "rotations" or self.ref is None or self.ref.kind != "post":
            return
        rotation = self.current_rotation()
        if rotation is not None and rotation.id != self._members_of:
            self._show_members(None)

    def _community(self, roster: Roster, marks: PlaceMarks, community_id: str) -> Content:
        names = self._require_names()
        streets = [s for s in roster.streets if s.community == community_id]
        compounds = [c for c in roster.compounds if c.community == community_id]
        posts = [p for p in roster.posts if p.compound in {c.id for c in compounds}]
        lines = [
            Content.styled(names.community(community_id), "bold"),
            Content(
                t("places.community.counts", streets=len(streets), compounds=len(compounds))
                + t("places.community.posts", posts=len(posts))
            ),
        ]
        open_places = [names.street(s.id) for s in streets if s.id in marks.unassigned_streets]
        open_places += [
            names.compound(c.id) for c in compounds if c.id in marks.unassigned_compounds
        ]
        no_group = [
            names.compound(c.id) for c in compounds if c.id in marks.compounds_without_group
        ]
        if open_places:
            lines.append(self._marked_list(t("places.mark.unassigned"), open_places))
        if no_group:
            lines.append(self._marked_list(t("places.mark.no_group"), no_group))
        if not open_places and not no_group:
            lines.append(Content(t("places.community.all_covered")))
        return Content("\n").join(lines)

    def _street(self, roster: Roster, street_id: str) -> Content:
        names = self._require_names()
        street = next(s for s in roster.streets if s.id == street_id)
        head = Content.styled(names.street(street_id), "bold")
        lines = [
            head,
            Content(t("places.in_community", community=names.community(street.community))),
        ]
        return Content("\n").join(lines)

    def _compound(self, roster: Roster, marks: PlaceMarks, compound_id: str) -> Content:
        names = self._require_names()
        compound = next(c for c in roster.compounds if c.id == compound_id)
        facts = [t(f"kind.{compound.kind.value}")]
        if compound.households is not None:
            facts.append(t("places.compound.households", count=compound.households))
        if compound.street is not None:
            facts.append(names.street(compound.street))
        facts.append(names.community(compound.community))
        lines = [Content.styled(names.compound(compound_id), "bold"), Content("  ".join(facts))]
        groups = party_groups_for(roster, compound_id)
        group_label = t("places.group.heading")
        if groups:
            lines.append(
                Content(group_label + "、".join(self._group(g.id, roster) for g in groups))
            )
        elif compound_id in marks.compounds_without_group:
            lines.append(self._mark(group_label, t("places.mark.no_group")))
        elif compound.kind != CompoundKind.UNMANAGED:
            lines.append(Content(group_label + t("places.group.not_needed")))
        posts = posts_of(roster, compound_id)
        lines.append(Content(t("places.compound.posts", count=len(posts))))
        return Content("\n").join(lines)

    def _post(self, roster: Roster, post_id: str) -> Content:
        names = self._require_names()
        post = next(p for p in roster.posts if p.id == post_id)
        lines = [
            Content.styled(names.post(post_id), "bold"),
            Content(t("places.in_compound", compound=names.compound(post.compound))),
        ]
        if post.shifts_from is not None:  # the days before it keep the shifts they had
            began = not any(era.shifts for era in post.earlier)  # set up after the roster began
            key = "places.shifts.begin" if began else "places.shifts.since"
            lines.append(Content(t(key, day=post.shifts_from.isoformat())))
        lines.extend(Content(shift_line(s)) for s in post.shifts)
        if not rotations_of(roster, post_id):
            lines.append(self._mark(t("places.rotation.heading"), t("places.rotation.none")))
        return Content("\n").join(lines)

    def _group(self, group_id: str, roster: Roster) -> str:
        names = self._require_names()
        group = next(g for g in roster.party_groups if g.id == group_id)
        if group.leader is None:
            return names.group(group_id)
        return t(
            "places.group.with_leader",
            group=names.group(group_id),
            leader=names.person_name(group.leader),
        )

    def _show_duties(self, visible: bool, uncovered: bool) -> None:
        """The duties; the heading says 无人包保 when no active person holds one."""
        names = self._require_names()
        heading = t("places.duty.heading")
        title = self._mark(heading, t("places.mark.unassigned")) if uncovered else Content(heading)
        self.query_one("#people-title", Static).update(title)
        table = self.query_one("#people", DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        table.display = visible
        self.query_one("#people-title").display = visible
        if not visible:
            return
        table.add_columns(
            t("places.col.name"),
            t("places.col.community"),
            t("places.col.tail"),
            t("places.col.role"),
        )
        for duty in self.duties:
            person = names.people.get(duty.person)
            name = self._person_cell(duty.person)
            community = names.community(person.community) if person else ""
            tail = names.tail(person) if person else ""
            table.add_row(name, *plain_cells(community, tail, printable(duty.role or "")))
        if self.duties:
            table.move_cursor(row=min(max(cursor, 0), len(self.duties) - 1))

    def _show_rotations(self, keep: Rotation | None) -> None:
        table = self.query_one("#rotations", DataTable)
        title = self.query_one("#rotations-title", Static)
        visible = bool(self.rotations)
        table.clear(columns=True)
        table.display = title.display = visible
        if not visible:
            return
        heading = t("places.rotation.heading")
        if self.apply_from is not None:
            heading += t("places.from.line", day=self.apply_from.isoformat())
        title.update(Content(heading))
        table.add_columns(
            t("places.col.rotation"),
            t("places.col.dates"),
            t("places.col.shifts"),
            t("places.col.per_slot"),
        )
        for rotation in self.rotations:
            shifts = (
                "、".join(printable(s) for s in rotation.shifts)
                if rotation.shifts
                else t("places.rotation.all_shifts")
            )
            per_slot = str(rotation.per_slot) if rotation.per_slot else t("places.rotation.by_need")
            table.add_row(
                *plain_cells(printable(rotation.id), rotation_span(rotation), shifts, per_slot)
            )
        follow = self._successor(keep)
        index = next((i for i, r in enumerate(self.rotations) if follow and r.id == follow.id), 0)
        table.move_cursor(row=index)

    def _successor(self, keep: Rotation | None) -> Rotation | None:
        """The rotation an edit from a date continued ``keep`` as (``keep`` when none did)."""
        current = next((r for r in self.rotations if keep and r.id == keep.id), None)
        while current is not None and current.end is not None:
            after = current.end + dt.timedelta(days=1)
            nxt = next(
                (r for r in self.rotations if r.start == after and r.id.startswith(current.id)),
                None,
            )
            if nxt is None:
                break
            current = nxt
        return current

    def _show_members(self, cursor: int | None) -> None:
        names = self._require_names()
        rotation = self.current_rotation()
        self.members = rotation.members if rotation else ()
        self._members_of = rotation.id if rotation else None
        title = self.query_one("#people-title", Static)
        table = self.query_one("#people", DataTable)
        table.clear(columns=True)
        table.display = title.display = rotation is not None
        if rotation is None:
            return
        title.update(Content(t("places.rotation.members", rotation=printable(rotation.id))))
        table.add_columns(
            t("places.col.turn"),
            t("places.col.name"),
            t("places.col.community"),
            t("places.col.tail"),
        )
        for turn, person_id in enumerate(self.members, start=1):
            person = names.people.get(person_id)
            community = names.community(person.community) if person else ""
            tail = names.tail(person) if person else ""
            table.add_row(
                Text(str(turn)), self._person_cell(person_id), *plain_cells(community, tail)
            )
        if cursor is not None and self.members:
            table.move_cursor(row=min(cursor, len(self.members) - 1))

    def _person_cell(self, person_id: str) -> Text:
        names = self._require_names()
        person = names.people.get(person_id)
        cell = Text(names.person_name(person_id))
        if person is not None and not person.active:
            cell.append(" " + t("places.inactive"), style=MARK_STYLE)
        return cell

    def _mark(self, label: str, word: str) -> Content:
        return Content.assemble(label, (word, MARK_STYLE))

    def _marked_list(self, word: str, places: list[str]) -> Content:
        return Content.assemble((word, MARK_STYLE), t("places.colon"), "、".join(places))

    def _require_names(self) -> PlaceNames:
        assert self._names is not None
        return self._names

"""The places screen's set-up keys: new, edit and retire places, party groups, and search.

``n`` offers what can be made where the cursor is (a street or compound in a community, a post
in a compound, a rotation on a post); ``m`` edits the highlighted place (on a post whose
rotation list has the focus, that rotation); ``r`` retires it after showing what it changes;
``p`` edits the party groups of the place's community; ``/`` finds a place by name or pinyin;
``s`` edits the sub-district's rule settings (rest hours, weekly hours, carer limit …).
Every save is one audited, undoable action through the workspace.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.widgets import DataTable

from roster_tui.domain.kinds import KIND_NAMED, kind_of
from roster_tui.domain.model import (
    Community,
    Compound,
    PartyGroup,
    Post,
    Roster,
    Rotation,
    Settings,
    Street,
)
from roster_tui.domain.text import printable
from roster_tui.i18n import t
from roster_tui.services.past import first_open_day
from roster_tui.services.place_edits import (
    Place,
    add_rotation,
    edit_rotation,
    save_party_group,
    save_place,
    save_settings,
)
from roster_tui.services.place_retire import plan_retirement, retire
from roster_tui.tui.dialogs.confirm import ConfirmDialog
from roster_tui.tui.dialogs.gap_choice import ChoiceModal
from roster_tui.tui.dialogs.party_group_form import RETIRE, GroupAnswer, PartyGroupForm
from roster_tui.tui.dialogs.person_picker import PersonPicker
from roster_tui.tui.dialogs.place_form import PlaceForm
from roster_tui.tui.dialogs.place_search import PlaceSearch
from roster_tui.tui.dialogs.post_form import PostForm
from roster_tui.tui.dialogs.rotation_form import RotationForm
from roster_tui.tui.dialogs.settings_form import SettingsForm
from roster_tui.tui.widgets.place_detail import PlaceDetail
from roster_tui.tui.widgets.place_tree import PlaceRef, PlaceTree

if TYPE_CHECKING:
    from roster_tui.tui.screens.places import PlacesScreen

NEW_GROUP = "new"


class PlaceSetup:
    """The places screen's keys that make and change the places themselves."""

    def __init__(self, screen: PlacesScreen) -> None:
        self.screen = screen

    # -- where the cursor is ---------------------------------------------------------------------
    def _setup_context(self) -> tuple[Roster, PlaceRef | None] | None:
        return (self.screen._shown, self.screen.ref) if self.screen._shown is not None else None

    def _community_here(self, roster: Roster, ref: PlaceRef | None) -> str | None:
        if ref is None:
            return roster.communities[0].id if roster.communities else None
        if ref.kind == "community":
            return ref.id
        return self.screen._community_of(roster, ref)

    def _compound_here(self, roster: Roster, ref: PlaceRef | None) -> str | None:
        if ref is None:
            return None
        if ref.kind == "compound":
            return ref.id
        if ref.kind == "post":
            post = roster.index.posts.get(ref.id)
            return post.compound if post else None
        return None

    def _rotation_focused(self) -> Rotation | None:
        detail = self.screen.query_one(PlaceDetail)
        rotations = detail.query_one("#rotations", DataTable)
        return detail.current_rotation() if self.screen.focused is rotations else None

    def _open_day(self, roster: Roster) -> dt.date:
        """The first day on which no shift has started."""
        return first_open_day(roster, self.screen.roster_app.now())

    def _from_day(self, roster: Roster) -> dt.date:
        """The day rotation changes apply from: the one chosen with ``f``, else the open day."""
        return self.screen._effective_day(roster)

    # -- n: something new ------------------------------------------------------------------------
    def new(self) -> None:
        context = self._setup_context()
        if context is None:
            return
        roster, ref = context
        kinds = ["community"]
        if self._community_here(roster, ref) is not None:
            kinds += ["street", "compound", "party_group"]
        if self._compound_here(roster, ref) is not None:
            kinds.append("post")
        if ref is not None and ref.kind == "post":
            kinds.append("rotation")
        default = {"community": "street", "street": "compound", "compound": "post"}
        current = "rotation" if ref and ref.kind == "post" else default.get(ref.kind if ref else "")
        choices = [(t(f"setup.kind.{kind}"), kind) for kind in kinds]

        def chosen(kind: str | None) -> None:
            if kind is not None:
                self._new(roster, ref, kind)

        self.screen.app.push_screen(ChoiceModal(t("setup.new.title"), choices, current), chosen)

    def _new(self, roster: Roster, ref: PlaceRef | None, kind: str) -> None:
        community = self._community_here(roster, ref)
        if kind in ("community", "street", "compound"):
            street = ref.id if ref and ref.kind == "street" else None
            form = PlaceForm(roster, kind, None, community=community, street=street)
            self.screen.app.push_screen(form, lambda made: self._save_place(None, made))
        elif kind == "post":
            compound = self._compound_here(roster, ref)
            if compound is not None:
                post_form = PostForm(roster, None, compound, now=self.screen.roster_app.now())
                self.screen.app.push_screen(post_form, lambda made: self._save_place(None, made))
        elif kind == "rotation" and ref is not None:
            self._new_rotation(roster, roster.index.posts[ref.id])
        elif kind == "party_group" and community is not None:
            self._edit_group(roster, None, community, self._compound_here(roster, ref))

    def _save_place(self, before: Place | None, made: Place | None) -> None:
        if made is None:
            return
        self.screen.query_one(PlaceTree).reveal(PlaceRef(kind_of(made).name, made.id))
        self.screen.roster_app.edit(lambda ws: save_place(ws, before, made))

    def _new_rotation(self, roster: Roster, post: Post) -> None:
        def first_member(person: str | None) -> None:
            if person is None:
                return
            form = RotationForm(
                roster,
                post,
                None,
                self._from_day(roster),
                (person,),
                earliest=self._open_day(roster),
            )
            self.screen.app.push_screen(form, saved)

        def saved(rotation: Rotation | None) -> None:
            if rotation is not None:
                self.screen.roster_app.edit(lambda ws: add_rotation(ws, roster, rotation))

        title = t("setup.new.first_member", post=printable(post.name))
        community = self.screen._community_of(roster, PlaceRef("post", post.id))
        self.screen.app.push_screen(PersonPicker(title, roster, community=community), first_member)

    # -- m: edit ---------------------------------------------------------------------------------
    def edit(self) -> None:
        roster, ref = self.screen._shown, self.screen.ref
        if roster is None or ref is None:
            return
        rotation = self._rotation_focused() if ref.kind == "post" else None
        if rotation is not None:
            post = roster.index.posts[rotation.post]
            day = self._from_day(roster)

            def saved(after: Rotation | None) -> None:
                if after is not None:
                    self.screen.roster_app.edit(
                        lambda ws: edit_rotation(ws, roster, rotation, after, day)
                    )

            self.screen.app.push_screen(RotationForm(roster, post, rotation, day), saved)
            return
        before = _place(roster, ref)
        if before is None:
            return
        if isinstance(before, Post):
            post_form = PostForm(roster, before, before.compound, self._open_day(roster))
            self.screen.app.push_screen(post_form, lambda made: self._save_place(before, made))
            return
        form = PlaceForm(roster, ref.kind, before)
        self.screen.app.push_screen(form, lambda made: self._save_place(before, made))

    # -- r: retire -------------------------------------------------------------------------------
    def retire(self) -> None:
        roster, ref = self.screen._shown, self.screen.ref
        if roster is None or ref is None:
            return
        rotation = self._rotation_focused() if ref.kind == "post" else None
        kind, place_id = ("rotation", rotation.id) if rotation else (ref.kind, ref.id)
        self._retire(roster, kind, place_id)

    def _retire(self, roster: Roster, kind: str, place_id: str) -> None:
        day = self._from_day(roster) if kind == "rotation" else self._open_day(roster)
        plan = plan_retirement(roster, kind, place_id, day)
        what = t(f"setup.kind.{kind}")
        if plan.blockers:
            why = "\n".join(plan.blockers)
            message = t("setup.retire.blocked", what=what, name=plan.name, why=why)
            self.screen.notify(message, severity="warning", timeout=8, markup=False)
            return
        lines = list(plan.effects) or [t("setup.retire.nothing_else")]

        def confirmed(go: bool | None) -> None:
            if go:
                self.screen.roster_app.edit(lambda ws: retire(ws, plan))

        title = t("setup.retire.title", what=what, name=plan.name)
        dialog = ConfirmDialog(title, lines, go=t("setup.retire.go"))
        self.screen.app.push_screen(dialog, confirmed)

    # -- p: party groups -------------------------------------------------------------------------
    def groups(self) -> None:
        context = self._setup_context()
        if context is None:
            return
        roster, ref = context
        community = self._community_here(roster, ref)
        if community is None:
            return
        compound = self._compound_here(roster, ref)
        groups = [g for g in roster.party_groups if g.community == community]
        if compound is not None:  # the compound's own groups first
            groups.sort(key=lambda g: compound not in g.compounds)
        choices = [(printable(g.name), g.id) for g in groups]
        choices.append((t("setup.groups.new"), NEW_GROUP))
        current = groups[0].id if groups and compound in groups[0].compounds else NEW_GROUP

        def chosen(group_id: str | None) -> None:
            if group_id is not None:
                before = roster.index.party_groups.get(group_id)
                self._edit_group(roster, before, community, compound)

        title = t(
            "setup.groups.title", community=printable(roster.index.communities[community].name)
        )
        self.screen.app.push_screen(ChoiceModal(title, choices, current), chosen)

    def _edit_group(
        self,
        roster: Roster,
        before: PartyGroup | None,
        community: str,
        compound: str | None,
    ) -> None:
        def answered(answer: GroupAnswer | None) -> None:
            if answer is None:
                return
            if answer == RETIRE:
                if before is not None:
                    self._retire(roster, "party_group", before.id)
                return
            assert not isinstance(answer, str)
            group, members = answer
            self.screen.roster_app.edit(
                lambda ws: save_party_group(ws, roster, before, group, members)
            )

        form = PartyGroupForm(roster, before, community, compound=compound)
        self.screen.app.push_screen(form, answered)

    # -- /: search -------------------------------------------------------------------------------
    def search(self) -> None:
        roster = self.screen._shown
        if roster is None:
            return

        def chosen(ref: PlaceRef | None) -> None:
            if ref is not None:
                tree = self.screen.query_one(PlaceTree)
                tree.reveal(ref)
                tree.focus()

        self.screen.app.push_screen(PlaceSearch(roster), chosen)

    # -- s: rule settings ------------------------------------------------------------------------
    def settings(self) -> None:
        roster = self.screen._shown
        if roster is None:
            return
        before = roster.settings

        def saved(after: Settings | None) -> None:
            if after is not None:
                self.screen.roster_app.edit(lambda ws: save_settings(ws, before, after))

        form = SettingsForm(before, roster.subdistrict.name)
        self.screen.app.push_screen(form, saved)


def _place(roster: Roster, ref: PlaceRef) -> Place | None:
    kind = KIND_NAMED.get(ref.kind)
    if kind is None or kind.cls not in (Community, Street, Compound, Post):
        return None
    found = roster.index.of(kind.cls).get(ref.id)
    return found if isinstance(found, Community | Street | Compound | Post) else None

"""Setting the sub-district up: each create, edit and retire is checked, audited and undoable."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import CompoundKind, Roster
from roster_tui.engine.check import check
from roster_tui.i18n import set_language
from roster_tui.services.place_edits import (
    add_rotation,
    edit_rotation,
    save_party_group,
    save_place,
)
from roster_tui.services.place_retire import plan_retirement, retire
from roster_tui.services.place_rows import (
    SetupErrors,
    community_from,
    compound_from,
    party_group_from,
    post_from,
    rotation_from,
    street_from,
)
from roster_tui.services.place_search import search_places
from roster_tui.services.places import duty_holders, new_duty, rotation_summary
from roster_tui.services.workspace import Workspace

WEDNESDAY = dt.date(2026, 12, 2)
THURSDAY = WEDNESDAY + dt.timedelta(days=1)
DAY_SHIFT = {"name": "白班", "start": "08:00", "end": "20:00", "need": "1"}
NIGHT_SHIFT = {"name": "夜班", "start": "20:00", "end": "08:00", "need": "1"}


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def _compound(workspace: Workspace, name: str = "新建小区") -> tuple[Roster, str]:
    roster = workspace.load()
    typed = {"name": name, "community": "c01", "street": None, "kind": "unmanaged"}
    compound = compound_from(roster, None, typed)
    save_place(workspace, None, compound)
    return workspace.load(), compound.id


# -- creating and editing --------------------------------------------------------------------
def test_a_new_compound_gets_a_fresh_id_is_saved_once_and_undone_with_one_undo(
    workspace: Workspace,
) -> None:
    before = workspace.load()
    roster, compound_id = _compound(workspace)
    assert compound_id not in {c.id for c in before.compounds}
    assert compound_id.startswith("k")
    made = roster.index.compounds[compound_id]
    assert (made.name, made.kind, made.street) == ("新建小区", CompoundKind.UNMANAGED, None)
    assert workspace.history(limit=1)[0].summary == f"新建楼院 新建小区（{compound_id}）"
    workspace.undo()
    assert compound_id not in workspace.load().index.compounds


def test_a_form_with_several_mistakes_is_refused_with_every_one_by_field(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    typed = {"name": " ", "community": "c99", "kind": "managed", "households": "很多"}
    with pytest.raises(SetupErrors) as refused:
        compound_from(roster, None, typed)
    assert set(refused.value.errors) == {"name", "community", "households"}
    assert refused.value.errors["name"] == "缺少此必填字段"


def test_editing_a_street_and_a_community_keeps_their_ids(workspace: Workspace) -> None:
    roster = workspace.load()
    street = roster.streets[0]
    after = street_from(roster, street, {"name": "新文化路", "community": street.community})
    save_place(workspace, street, after)
    community = roster.communities[0]
    save_place(workspace, community, community_from(roster, community, {"name": "新东风社区"}))
    fresh = workspace.load()
    assert fresh.index.streets[street.id].name == "新文化路"
    assert fresh.index.communities[community.id].name == "新东风社区"


def test_a_post_reads_its_shifts_by_the_file_rules(workspace: Workspace) -> None:
    roster, compound_id = _compound(workspace)
    post = post_from(roster, None, {"name": "东门", "compound": compound_id}, [DAY_SHIFT, {}])
    assert [(s.name, s.start, s.end, s.need) for s in post.shifts] == [("白班", 480, 1200, 1)]
    with pytest.raises(SetupErrors) as refused:
        post_from(
            roster,
            None,
            {"name": "东门", "compound": compound_id},
            [DAY_SHIFT, {**NIGHT_SHIFT, "name": "白班"}, {**NIGHT_SHIFT, "start": "25:00"}],
        )
    assert set(refused.value.errors) == {"shift2", "shift3"}
    with pytest.raises(SetupErrors) as empty:
        post_from(roster, None, {"name": "东门", "compound": compound_id}, [{}])
    assert empty.value.errors == {"shift1": "至少要有一个班次"}


def test_a_shift_a_swap_names_keeps_its_name(workspace: Workspace) -> None:
    roster = workspace.load()
    override = roster.overrides[0]
    post = roster.index.posts[override.post]
    rows = [
        {
            "name": s.name + ("改" if s.name == override.shift else ""),
            "start": "08:00",
            "end": "20:00",
            "need": "1",
        }
        for s in post.shifts
    ]
    with pytest.raises(SetupErrors) as refused:
        post_from(roster, post, {"name": post.name, "compound": post.compound}, rows)
    number = 1 + [s.name for s in post.shifts].index(override.shift)
    assert set(refused.value.errors) == {f"shift{number}"}


def test_a_new_post_and_rotation_close_the_gaps_they_should(workspace: Workspace) -> None:
    roster, compound_id = _compound(workspace)
    post = post_from(roster, None, {"name": "东门", "compound": compound_id}, [DAY_SHIFT])
    save_place(workspace, None, post)
    roster = workspace.load()
    understaffed = [
        g
        for g in check(roster, THURSDAY, THURSDAY)
        if g.post == post.id and g.kind.value == "understaffed"
    ]
    assert len(understaffed) == 1
    typed = {"post": post.id, "members": ("p001",), "start": THURSDAY.isoformat(), "per_slot": ""}
    rotation = rotation_from(roster, None, typed)
    add_rotation(workspace, roster, rotation)
    roster = workspace.load()
    assert not [g for g in check(roster, THURSDAY, THURSDAY) if g.post == post.id]


def test_a_rotation_ending_before_it_starts_or_naming_another_shift_is_refused(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    post = roster.posts[0]
    typed = {
        "post": post.id,
        "members": ("p001",),
        "start": "2026-12-10",
        "end": "2026-12-01",
        "shifts": ("没有这个班",),
    }
    with pytest.raises(SetupErrors) as refused:
        rotation_from(roster, None, typed)
    assert set(refused.value.errors) == {"end", "shifts"}
    started = {"post": post.id, "members": ("p001",), "start": WEDNESDAY.isoformat()}
    with pytest.raises(SetupErrors) as begun:  # a new rotation never rewrites started days
        rotation_from(roster, None, started, earliest=THURSDAY)
    assert set(begun.value.errors) == {"start"}


def test_changing_a_started_rotations_shifts_keeps_the_past(workspace: Workspace) -> None:
    roster = workspace.load()
    rotation = roster.rotations[0]
    post = roster.index.posts[rotation.post]
    after = dataclasses.replace(rotation, shifts=(post.shifts[0].name,))
    edit_rotation(workspace, roster, rotation, after, THURSDAY)
    fresh = workspace.load().index.rotations
    assert fresh[rotation.id].end == WEDNESDAY
    successor = next(r for r in fresh.values() if r.start == THURSDAY and r.post == post.id)
    assert successor.shifts == (post.shifts[0].name,)


def test_a_party_group_moves_its_members_and_names_a_leader_among_them(
    workspace: Workspace,
) -> None:
    roster, compound_id = _compound(workspace)
    assert any(
        g.compound == compound_id and g.kind == GapKind.NO_PARTY_GROUP
        for g in check(roster, WEDNESDAY, WEDNESDAY)
    )
    typed = {
        "name": "新小区党小组",
        "community": "c01",
        "compounds": [compound_id],
        "leader": "p002",
    }
    with pytest.raises(SetupErrors) as refused:
        party_group_from(roster, None, typed, ["p001"])
    assert set(refused.value.errors) == {"leader"}
    group = party_group_from(roster, None, typed, ["p001", "p002"])
    save_party_group(workspace, roster, None, group, ["p001", "p002"])
    fresh = workspace.load()
    assert {p.id for p in fresh.people if p.party_group == group.id} == {"p001", "p002"}
    assert not any(
        g.compound == compound_id and g.kind == GapKind.NO_PARTY_GROUP
        for g in check(fresh, WEDNESDAY, WEDNESDAY)
    )
    workspace.undo()
    undone = workspace.load()
    assert group.id not in undone.index.party_groups
    assert undone.index.people["p001"].party_group == roster.index.people["p001"].party_group


def test_a_party_group_covering_compounds_needs_an_active_member(workspace: Workspace) -> None:
    roster, compound_id = _compound(workspace)
    typed = {"name": "新小区党小组", "community": "c01", "compounds": [compound_id]}
    gone = next(p.id for p in roster.people if not p.active)

    for members in ([], [gone]):  # nobody would answer for the compound
        with pytest.raises(SetupErrors) as refused:
            party_group_from(roster, None, typed, members)
        assert set(refused.value.errors) == {"members"}
    assert party_group_from(roster, None, {**typed, "compounds": []}, []).compounds == ()
    assert party_group_from(roster, None, typed, ["p001"]).compounds == (compound_id,)


# -- retiring --------------------------------------------------------------------------------
def test_retiring_a_street_takes_its_duties_and_leaves_its_compounds_on_no_street(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    street = next(s for s in roster.streets if any(c.street == s.id for c in roster.compounds))
    plan = plan_retirement(roster, "street", street.id, THURSDAY)
    assert not plan.blockers
    assert any("将不再归属这条街巷" in effect for effect in plan.effects)
    retire(workspace, plan)
    fresh = workspace.load()
    assert street.id not in fresh.index.streets
    assert all(c.street != street.id for c in fresh.compounds)
    assert all(d.street != street.id for d in fresh.duties)
    workspace.undo()
    assert street.id in workspace.load().index.streets


def test_a_compound_with_posts_or_a_community_with_places_says_what_holds_it(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    compound = next(c for c in roster.compounds if any(p.compound == c.id for p in roster.posts))
    plan = plan_retirement(roster, "compound", compound.id, THURSDAY)
    assert any("卡点" in blocker for blocker in plan.blockers)
    with pytest.raises(ValueError):
        retire(workspace, plan)
    community = plan_retirement(roster, "community", "c01", THURSDAY)
    assert len(community.blockers) >= 2


def test_retiring_a_new_compound_drops_it_from_its_party_group(workspace: Workspace) -> None:
    roster, compound_id = _compound(workspace)
    group = roster.party_groups[0]
    grown = dataclasses.replace(group, compounds=(*group.compounds, compound_id))
    save_party_group(
        workspace, roster, group, grown, [p.id for p in roster.people if p.party_group == group.id]
    )
    roster = workspace.load()
    plan = plan_retirement(roster, "compound", compound_id, THURSDAY)
    assert not plan.blockers and plan.effects
    retire(workspace, plan)
    fresh = workspace.load()
    assert compound_id not in fresh.index.party_groups[group.id].compounds


def test_a_worked_post_stays_and_a_started_rotation_ends_instead_of_vanishing(
    workspace: Workspace,
) -> None:
    roster = workspace.load()
    rotation = next(r for r in roster.rotations if r.start < THURSDAY and r.end is None)
    assert plan_retirement(roster, "post", rotation.post, THURSDAY).blockers
    plan = plan_retirement(roster, "rotation", rotation.id, THURSDAY)
    retire(workspace, plan)
    assert workspace.load().index.rotations[rotation.id].end == WEDNESDAY


def test_retiring_a_party_group_leaves_its_members_in_none(workspace: Workspace) -> None:
    roster = workspace.load()
    group = roster.party_groups[0]
    members = [p.id for p in roster.people if p.party_group == group.id]
    plan = plan_retirement(roster, "party_group", group.id, THURSDAY)
    assert members and any(str(len(members)) in effect for effect in plan.effects)
    retire(workspace, plan)
    fresh = workspace.load()
    assert group.id not in fresh.index.party_groups
    assert all(fresh.index.people[p].party_group is None for p in members)


# -- search and the words of rotation and duty edits -------------------------------------------
def test_a_compound_is_found_by_its_pinyin_initials_among_many(workspace: Workspace) -> None:
    roster, compound_id = _compound(workspace, "翠竹园")
    hits = search_places(roster, "czy")
    assert (hits[0].kind, hits[0].id) == ("compound", compound_id)
    assert search_places(roster, "翠竹")[0].id == compound_id
    numbered, numbered_id = _compound(workspace, "纬一路10号院")
    assert search_places(numbered, "wyl10")[0].id == numbered_id  # digits as in the name


def test_one_duty_per_person_and_place_and_rotation_words(workspace: Workspace) -> None:
    roster = workspace.load()
    duty = roster.duties[0]
    kind, place = ("street", duty.street) if duty.street else ("compound", duty.compound)
    assert place is not None
    holders = duty_holders(roster, kind, place)
    assert duty.person in holders  # so the picker adding a duty here leaves them out
    other = next(p.id for p in roster.people if p.id not in holders)
    added = new_duty(other, kind, place)
    assert (added.person, added.street or added.compound) == (other, place)
    assert added.role == duty.role  # the demo's duties have the usual role
    rotation = roster.rotations[0]
    words = rotation_summary(roster, "places.summary.add_member", rotation, "p001")
    assert words.startswith(f"轮值 {rotation.id}（") and "（p001）" in words

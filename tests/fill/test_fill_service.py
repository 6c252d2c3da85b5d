"""自动补位 as one user action: a plan, then one audited change that one undo reverses."""

from __future__ import annotations

from collections import Counter

from fill_store import MONDAY, SUNDAY, WEEK, demo_db_url, demo_workspace  # noqa: F401  (fixtures)

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Override
from roster_tui.engine.check import check
from roster_tui.services import assignments
from roster_tui.services.fill import (
    apply_fill,
    explanation_lines,
    fill_week,
    plan_fill,
    proposal_rows,
)
from roster_tui.services.workspace import Workspace

SHIFT_KINDS = {GapKind.UNDERSTAFFED, GapKind.MISSING_ROLE}


def test_the_demo_week_is_filled_and_saved_as_one_undoable_change(workspace: Workspace) -> None:
    before = workspace.load()
    plan = plan_fill(before, WEEK)
    assert plan.count == len(proposal_rows(plan)) > 0
    assert plan.changes
    entry = apply_fill(workspace, plan)
    assert entry is not None
    assert entry.action == "fill"
    assert entry.summary == f"自动补位：{plan.count} 项"
    assert workspace.history(limit=1)[0].summary == entry.summary
    after = workspace.load()
    kinds = Counter(g.kind for g in check(after, MONDAY, SUNDAY))
    assert not SHIFT_KINDS & set(kinds)
    assert kinds[GapKind.UNAVAILABLE] == 0  # whoever cannot serve is off their shifts
    assert kinds[GapKind.HOUSEHOLD_UNCARED] == 0
    assert kinds[GapKind.STREET_UNASSIGNED] == kinds[GapKind.COMPOUND_UNASSIGNED] == 0
    workspace.undo()
    undone = workspace.load()
    assert Counter(undone.overrides) == Counter(before.overrides)
    assert Counter(undone.households) == Counter(before.households)
    assert Counter(undone.duties) == Counter(before.duties)


def test_each_instance_gets_the_override_a_hand_edit_would_make(workspace: Workspace) -> None:
    roster = workspace.load()
    plan = plan_fill(roster, WEEK)
    added: dict[tuple, list[str]] = {}  # type: ignore[type-arg]
    for proposal in plan.seats.proposals:
        added.setdefault(proposal.key, []).append(proposal.person)
    taken_off = {(r.key, r.person) for r in plan.seats.removals}
    assert taken_off  # the demo week has someone on leave on a shift
    overrides = [c for c in plan.changes if isinstance(c.after or c.before, Override)]
    keys = dict.fromkeys([*added, *(key for key, _ in taken_off)])
    expected = [
        change
        for key in keys
        for change in assignments.set_assigned(
            roster,
            key,
            [
                *(p for p in assignments.assigned_people(roster, key) if (key, p) not in taken_off),
                *added.get(key, []),
            ],
        )
    ]
    assert overrides == expected


def test_a_dry_run_writes_nothing(workspace: Workspace) -> None:
    version = workspace.data_version()
    plan, entry = fill_week(workspace, WEEK, dry_run=True)
    assert entry is None and plan.count > 0
    assert workspace.data_version() == version


def test_rows_name_every_proposal_with_its_person_and_community(workspace: Workspace) -> None:
    plan = plan_fill(workspace.load(), WEEK)
    rows = proposal_rows(plan)
    assert len(rows) == plan.count
    seats = [r for r in rows if r.kind == "seat"]
    assert [r.date for r in seats] == sorted(r.date for r in seats)  # type: ignore[type-var]
    assert all(r.person and r.person_id and r.community for r in rows)
    assert explanation_lines(plan) == []  # the demo's shift gaps can all be closed


def test_a_week_with_nothing_open_proposes_nothing(workspace: Workspace) -> None:
    _, entry = fill_week(workspace, WEEK)
    assert entry is not None
    again, second = fill_week(workspace, WEEK)
    assert again.count == 0 and again.changes == () and second is None

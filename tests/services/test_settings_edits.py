"""The rule settings edited in the app: checked by the import's rules, audited, undoable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from sqlalchemy import select

from roster_tui.domain.gaps import GapKind
from roster_tui.domain.model import Settings
from roster_tui.engine.check import check
from roster_tui.i18n import set_language
from roster_tui.services.place_edits import save_settings
from roster_tui.services.place_rows import SetupErrors, settings_from
from roster_tui.services.workspace import Workspace
from roster_tui.store.errors import ConflictError
from roster_tui.store.tables import META

WEDNESDAY = dt.date(2026, 12, 2)
MONDAY = WEDNESDAY - dt.timedelta(days=2)
SUNDAY = MONDAY + dt.timedelta(days=6)
AS_SHIPPED = {
    "min_rest_hours": "8",
    "max_hours_per_week": "56",
    "max_households_per_carer": "8",
    "quarantine_days": "14",
    "request_hours": "24",
    "fever_temperature": "37.3",
}


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def _overloaded(workspace: Workspace) -> int:
    gaps = check(workspace.load(), MONDAY, SUNDAY)
    return sum(1 for gap in gaps if gap.kind is GapKind.CARER_OVERLOADED)


def test_a_new_carer_limit_is_saved_audited_changes_the_gaps_and_is_undone(
    workspace: Workspace,
) -> None:
    before = workspace.load().settings
    assert before.version == 1 and _overloaded(workspace) == 1

    after = settings_from(before, AS_SHIPPED | {"max_households_per_carer": "2"})
    entry = save_settings(workspace, before, after)

    assert entry is not None and entry.action == "settings.edit" and entry.user == "t"
    assert "每位包户人最多（户）由 8 改为 2" in entry.summary
    [change] = entry.changes
    assert change.before == before and change.after == after
    stored = workspace.load().settings
    assert stored.max_households_per_carer == 2 and stored.version == 2
    assert _overloaded(workspace) == 8
    assert workspace.store.history(limit=1)[0].id == entry.id

    workspace.undo()
    assert workspace.load().settings == before
    assert _overloaded(workspace) == 1
    assert workspace.store.history(limit=2)[1].undone_by is not None


def test_every_field_out_of_the_imports_bounds_is_refused_at_once_by_field() -> None:
    typed = AS_SHIPPED | {
        "min_rest_hours": "-1",
        "max_hours_per_week": "200",
        "max_households_per_carer": "2.5",
        "quarantine_days": "abc",
        "request_hours": "0.001",
        "fever_temperature": "99",
    }
    with pytest.raises(SetupErrors) as refused:
        settings_from(Settings(), typed)
    assert set(refused.value.errors) == set(AS_SHIPPED)
    assert "168" in refused.value.errors["max_hours_per_week"]


def test_a_blank_box_means_the_default_and_decimals_are_kept() -> None:
    before = dataclasses.replace(Settings(min_rest_hours=12), version=4)
    typed = AS_SHIPPED | {"min_rest_hours": " ", "max_hours_per_week": "40.5"}
    after = settings_from(before, typed)
    assert after.min_rest_hours == 8 and after.max_hours_per_week == 40.5
    assert after.version == 4 and after.id == before.id


def test_nothing_changed_records_nothing(workspace: Workspace) -> None:
    before = workspace.load().settings
    assert save_settings(workspace, before, settings_from(before, AS_SHIPPED)) is None
    assert workspace.store.history(limit=1)[0].action == "import"


def test_settings_changed_meanwhile_by_someone_else_are_not_overwritten(
    workspace: Workspace,
) -> None:
    seen = workspace.load().settings
    save_settings(workspace, seen, dataclasses.replace(seen, quarantine_days=7))
    with pytest.raises(ConflictError):
        save_settings(workspace, seen, dataclasses.replace(seen, min_rest_hours=10))
    assert workspace.load().settings.quarantine_days == 7


def test_meta_holds_the_settings_as_an_earlier_release_reads_them(workspace: Workspace) -> None:
    from roster_tui.interchange.tables import SETTINGS

    seen = workspace.load().settings
    save_settings(workspace, seen, dataclasses.replace(seen, quarantine_days=7))
    with workspace.store.engine.connect() as conn:
        rows = conn.execute(select(META.c.key, META.c.value)).all()
    meta = {key: json.loads(value) for key, value in rows}
    assert set(meta["settings"]) == set(SETTINGS)  # no id or version among them
    assert Settings(**meta["settings"]).quarantine_days == 7
    assert meta["settings_version"] == 2

"""One registry of row kinds: every place that handles rows by kind covers every kind.

When a kind is added to ``domain.kinds.KINDS`` and forgotten anywhere else (the Roster's lists,
the Entity union, the store's codecs, the interchange file's tables, the words for the history
view), one of these tests names it.
"""

from __future__ import annotations

import dataclasses
import typing

import pytest
from store_samples import small_roster

from roster_tui.domain.changes import Change
from roster_tui.domain.kinds import ALL_KINDS, KINDS, ROW_LISTS, SINGLE_KINDS, Entity, Kind, kind_of
from roster_tui.domain.model import Roster
from roster_tui.i18n.catalogs import store_db, tui_history
from roster_tui.interchange.tables import ROWS
from roster_tui.store import rows as R
from roster_tui.store.repository import Store
from roster_tui.store.serialize import changes_from_text, changes_to_text

STORE_FIELDS = {"version", "uid"}


def _list_fields() -> list[str]:
    return [f.name for f in dataclasses.fields(Roster) if f.type.startswith("list[")]


def _sample(kind: Kind) -> Entity:
    rows = getattr(small_roster(), kind.list_name)
    assert rows, f"the store's sample roster has no {kind.name} row: add one"
    row: Entity = rows[-1]
    return row


def test_every_list_of_the_roster_is_a_kind_and_every_kind_has_its_list() -> None:
    assert list(ROW_LISTS) == _list_fields()


def test_the_entity_union_names_exactly_the_registered_classes() -> None:
    assert set(typing.get_args(Entity)) == {kind.cls for kind in ALL_KINDS}


def test_every_kind_has_a_store_codec_for_its_own_class() -> None:
    assert list(R.CODECS) == [kind.name for kind in ALL_KINDS]
    for kind in ALL_KINDS:
        assert R.CODECS[kind.name].kind is kind


def test_every_kind_has_a_table_in_the_interchange_file_in_registry_order() -> None:
    assert list(ROWS) == [kind.name for kind in KINDS]


def test_every_kind_and_each_of_its_fields_has_words_in_both_languages() -> None:
    for catalog in (store_db.ZH, store_db.EN):
        missing = [k.name for k in ALL_KINDS if f"db.entity.{k.name}" not in catalog]
        assert not missing
    for catalog in (tui_history.ZH, tui_history.EN):
        for kind in ALL_KINDS:
            names = {f.name for f in dataclasses.fields(kind.cls)} - STORE_FIELDS
            missing = sorted(n for n in names if f"history.field.{n}" not in catalog)
            assert not missing, (kind.name, missing)


def test_every_kind_has_a_key_field_and_is_found_by_its_class() -> None:
    for kind in KINDS:
        assert kind.key in {f.name for f in dataclasses.fields(kind.cls)}
        assert kind_of(_sample(kind)) is kind


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_kind_round_trips_through_the_audit_logs_json(kind: Kind) -> None:
    row = dataclasses.replace(_sample(kind), version=4)  # type: ignore[type-var]
    if kind.key == "uid":
        row = dataclasses.replace(row, uid=9)  # type: ignore[type-var]
    changes = (Change(None, row), Change(row, None))

    assert changes_from_text(changes_to_text(changes)) == changes
    back = changes_from_text(changes_to_text(changes))[0].after
    assert back is not None and back.version == 4 and kind.key_of(back) == kind.key_of(row)


def test_every_kind_round_trips_through_the_stores_rows(loaded: Store, roster: Roster) -> None:
    again = loaded.load_roster()
    for kind in KINDS:
        written, read = getattr(roster, kind.list_name), getattr(again, kind.list_name)
        assert written, kind.name
        assert read == written, kind.name
        with loaded.engine.connect() as conn:
            for row in read:
                assert R.read_one(conn, kind.cls, kind.key_of(row)) == row, kind.name


def test_a_single_kind_is_the_roster_attribute_itself_not_a_list() -> None:
    for kind in SINGLE_KINDS:
        assert kind not in KINDS and kind.list_name not in ROW_LISTS
        assert kind.key == "id"
        row = getattr(small_roster(), kind.list_name)
        assert kind_of(row) is kind


@pytest.mark.parametrize("kind", SINGLE_KINDS, ids=lambda kind: kind.name)
def test_a_single_row_round_trips_through_the_audit_log_and_the_store(
    kind: Kind, loaded: Store, roster: Roster
) -> None:
    row = dataclasses.replace(getattr(roster, kind.list_name), version=3)
    changes = (Change(row, row),)
    assert changes_from_text(changes_to_text(changes)) == changes
    assert changes_from_text(changes_to_text(changes))[0].after.version == 3  # type: ignore[union-attr]
    again = getattr(loaded.load_roster(), kind.list_name)
    assert again == getattr(roster, kind.list_name) and again.version == 1
    with loaded.engine.connect() as conn:
        assert R.read_one(conn, kind.cls, kind.key_of(again)) == again

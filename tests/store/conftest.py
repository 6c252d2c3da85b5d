"""Databases for the store's tests: a SQLite file always, PostgreSQL when ROSTER_TEST_PG_URL is set.

Each PostgreSQL test gets a schema of its own (named through ``search_path`` in the URL), so
tests never see each other's tables and the schema is dropped afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pg_schemas import PG_URL, pg_schema
from store_samples import small_roster

from roster_tui.domain.model import Roster
from roster_tui.i18n import set_language
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    set_language("en")
    yield
    set_language("zh")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The address of a database that does not exist yet (its schema, on PostgreSQL)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'roster.sqlite'}"
        return
    if not PG_URL:
        pytest.skip("ROSTER_TEST_PG_URL is not set")
    with pg_schema() as (url, _schema):
        yield url


@pytest.fixture
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'roster.sqlite'}"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url, create=True)
    yield opened
    opened.close()


@pytest.fixture
def roster() -> Roster:
    return small_roster()


@pytest.fixture
def loaded(store: Store, roster: Roster) -> Store:
    """A store holding the small roster."""
    store.import_roster(roster, replace=False, user="admin")
    return store

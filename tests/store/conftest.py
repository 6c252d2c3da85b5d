"""Databases for the store's tests: a SQLite file always, PostgreSQL when ROSTER_TEST_PG_URL is set.

Each PostgreSQL test gets a schema of its own (named through ``search_path`` in the URL), so
tests never see each other's tables and the schema is dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from store_samples import small_roster

from roster_tui.domain.model import Roster
from roster_tui.i18n import set_language
from roster_tui.store.db import open_store
from roster_tui.store.repository import Store

PG_URL = os.environ.get("ROSTER_TEST_PG_URL")


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
    schema = f"roster_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


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

"""Finding and opening the database: missing, too new, older (upgraded), read-only, locked."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from roster_tui.domain.changes import Change
from roster_tui.domain.model import Community, Roster
from roster_tui.services.operator import current_user
from roster_tui.store import schema
from roster_tui.store.db import default_db_path, open_store, resolve_db_url
from roster_tui.store.errors import (
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from roster_tui.store.repository import Store


def test_a_file_path_becomes_an_absolute_sqlite_url(tmp_path: Path) -> None:
    assert resolve_db_url(str(tmp_path / "r.sqlite"), {}) == f"sqlite:///{tmp_path}/r.sqlite"


def test_a_url_is_taken_as_it_is() -> None:
    url = "postgresql+psycopg://roster@db.example/roster"
    assert resolve_db_url(url, {"ROSTER_DB": "/elsewhere.sqlite"}) == url


def test_roster_db_is_used_when_no_db_is_given(tmp_path: Path) -> None:
    env = {"ROSTER_DB": str(tmp_path / "env.sqlite")}
    assert resolve_db_url(None, env) == f"sqlite:///{tmp_path}/env.sqlite"


def test_the_default_is_a_sqlite_file_in_the_users_data_directory() -> None:
    assert default_db_path().name == "roster.sqlite"
    assert resolve_db_url(None, {}) == f"sqlite:///{default_db_path().resolve()}"


def test_the_user_behind_sudo_is_the_one_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUDO_USER", "liming")
    monkeypatch.setenv("USER", "root")
    assert current_user() == "liming"
    monkeypatch.delenv("SUDO_USER")
    assert current_user() == "root"


def test_a_missing_sqlite_file_is_reported_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "roster.sqlite"

    with pytest.raises(DatabaseMissing) as raised:
        open_store(f"sqlite:///{path}")

    assert not path.exists()
    assert "import" in str(raised.value) and str(path) in str(raised.value)


def test_a_database_without_tables_is_missing_until_created(db_url: str) -> None:
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).touch()

    with pytest.raises(DatabaseMissing):
        open_store(db_url)

    created = open_store(db_url, create=True)
    assert created.is_empty()
    created.close()


def test_create_makes_the_current_schema(db_url: str) -> None:
    open_store(db_url, create=True).close()

    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert schema.stored_version(conn) == schema.CURRENT_VERSION
    engine.dispose()


def _set_version(url: str, version: int) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        schema.set_version(conn, version)
    engine.dispose()


def test_a_database_from_a_newer_program_is_refused(db_url: str) -> None:
    open_store(db_url, create=True).close()
    _set_version(db_url, schema.CURRENT_VERSION + 1)

    with pytest.raises(DatabaseTooNew) as raised:
        open_store(db_url)

    assert str(schema.CURRENT_VERSION + 1) in str(raised.value)


def _read_only_url(db_url: str, tmp_path: Path) -> str:
    """A read-only way into a copy of the database (root ignores file modes, so ask for it)."""
    if db_url.startswith("sqlite"):
        copy = tmp_path / "read-only.sqlite"
        shutil.copy(db_url.removeprefix("sqlite:///"), copy)
        return f"sqlite:///file:{copy}?mode=ro&uri=true"
    return db_url.replace("options=", "options=-cdefault_transaction_read_only%3Don%20")


def test_a_read_only_database_can_be_read_but_not_written(
    loaded: Store, db_url: str, roster: Roster, tmp_path: Path
) -> None:
    loaded.close()
    read_only = open_store(_read_only_url(db_url, tmp_path))

    assert read_only.load_roster() == roster
    with pytest.raises(DatabaseReadOnly):
        read_only.apply([Change(None, Community("c09", "新"))], user="u", action="a", summary="")
    with pytest.raises(DatabaseReadOnly):
        read_only.import_roster(roster, replace=True, user="u")
    read_only.close()


@contextmanager
def _write_lock_held(url: str) -> Iterator[None]:
    """Another program in the middle of a long write."""
    if url.startswith("sqlite"):
        other = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
        return
    engine = create_engine(url)
    with engine.connect() as conn:
        conn.execute(text("UPDATE revision SET counter = counter"))
        yield
        conn.rollback()
    engine.dispose()


def test_a_write_lock_held_past_the_timeout_is_reported_as_locked(
    loaded: Store, db_url: str, roster: Roster
) -> None:
    impatient = open_store(db_url, busy_timeout=0.3)

    with _write_lock_held(db_url):
        started = time.monotonic()
        with pytest.raises(DatabaseLocked):
            impatient.apply(
                [Change(None, Community("c09", "新"))], user="u", action="a", summary=""
            )
        waited = time.monotonic() - started
        assert impatient.load_roster() == roster  # readers are never blocked

    assert 0.25 <= waited < 3
    impatient.apply([Change(None, Community("c09", "新"))], user="u", action="a", summary="")
    impatient.close()


def test_an_in_memory_database_is_one_database_for_every_thread(roster: Roster) -> None:
    store = open_store("sqlite://", create=True)
    store.import_roster(roster, replace=False, user="admin")
    seen: list[Roster] = []

    worker = threading.Thread(target=lambda: seen.append(store.load_roster()))
    worker.start()
    worker.join()

    assert seen == [roster]
    store.close()


@pytest.mark.skipif(not os.environ.get("ROSTER_TEST_PG_URL"), reason="needs PostgreSQL")
def test_a_postgresql_database_that_does_not_exist_is_missing() -> None:
    url = make_url(os.environ["ROSTER_TEST_PG_URL"]).set(database="roster_no_such_database")

    with pytest.raises(DatabaseMissing) as raised:
        open_store(url.render_as_string(hide_password=False))

    assert "roster_no_such_database" in str(raised.value)

"""Upgrading databases: the first release's database opens with every row intact, backed up first;
a later revision really changes the schema in one transaction; newer or tampered ones are refused.

The fixtures were written by release 0.1.0: its demo imported, then one auto-fill (two audit
entries), as a SQLite file and as a PostgreSQL dump; ``release-0.1.0.dump.toml`` is what its
``roster-tui dump`` printed for both.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from pg_schemas import PG_URL, pg_schema
from sqlalchemy import create_engine, text

from roster_tui.cli import main
from roster_tui.domain.model import Roster
from roster_tui.store import migrate, schema, version
from roster_tui.store import tables as T
from roster_tui.store.db import open_store
from roster_tui.store.engine import create_store_engine
from roster_tui.store.errors import DatabaseDamaged, DatabaseNeedsUpgrade, DatabaseTooNew
from roster_tui.store.repository import Store

FIXTURES = Path(__file__).parent / "fixtures"
RELEASE_SQLITE = FIXTURES / "release-0.1.0.db"
RELEASE_POSTGRESQL = FIXTURES / "release-0.1.0.postgresql.sql"
RELEASE_DUMP = FIXTURES / "release-0.1.0.dump.toml"
REVISIONS_AHEAD = Path(__file__).parent / "revisions_ahead"  # 0005 rebuilds rotation, 0006 fails


def _load_postgresql_dump(schema_name: str) -> None:
    """The release's pg_dump, loaded into ``schema_name`` instead of ``public``."""
    assert PG_URL is not None
    lines = RELEASE_POSTGRESQL.read_text(encoding="utf-8").splitlines()
    sql = "\n".join(line for line in lines if not line.startswith("\\"))  # psql's own commands
    sql = re.sub(r"\bpublic\.", f'"{schema_name}".', sql)
    admin = create_engine(PG_URL)
    with admin.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.cursor().execute(sql)
        raw.commit()
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def release_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database written by release 0.1.0 (a copy: the upgrade changes it)."""
    if request.param == "sqlite":
        copy = tmp_path / "roster.sqlite"
        shutil.copy(RELEASE_SQLITE, copy)
        yield f"sqlite:///{copy}"
        return
    if not PG_URL:
        pytest.skip("ROSTER_TEST_PG_URL is not set")
    with pg_schema() as (url, name):
        _load_postgresql_dump(name)
        yield url


def _dump(url: str, tmp_path: Path) -> bytes:
    out = tmp_path / "dump.toml"
    assert main(["--db", url, "dump", str(out)]) == 0
    return out.read_bytes()


def _scalar(url: str, sql: str) -> Any:
    engine = create_engine(url)
    with engine.connect() as conn:
        value = conn.execute(text(sql)).scalar()
    engine.dispose()
    return value


def _backups(url: str) -> list[Path]:
    if not url.startswith("sqlite"):
        return []
    path = Path(url.removeprefix("sqlite:///"))
    return sorted(path.parent.glob(f"{path.name}.before-upgrade-*"))


def _rows_of(roster: Roster) -> Iterator[Any]:
    for field in dataclasses.fields(roster):
        value = getattr(roster, field.name)
        if isinstance(value, list):
            yield from value


def _stored_like(roster: Roster, entity: Any) -> Any:
    """The row of ``roster`` with ``entity``'s type and key, or None."""
    key = "uid" if hasattr(entity, "uid") else "id"
    for row in _rows_of(roster):
        if type(row) is type(entity) and getattr(row, key) == getattr(entity, key):
            return row
    return None


def _release_dump_now() -> bytes:
    """The release's dump as this release writes it: the same rows, and the settings that
    revision 2 brought (the care loop's), at their defaults."""
    settings_added = b"request_hours = 24\nfever_temperature = 37.3\n"
    text = RELEASE_DUMP.read_bytes()
    line = b"quarantine_days = 14\n"
    assert text.count(line) == 1
    return text.replace(line, line + settings_added)


def test_the_newest_revision_is_the_current_schema_version() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())

    assert script.get_heads() == [version.revision_id(schema.CURRENT_VERSION)]
    revisions = [s.revision for s in script.walk_revisions()]
    assert sorted(revisions) == [version.revision_id(n) for n in range(1, len(revisions) + 1)]
    for revision in script.walk_revisions():
        assert Path(revision.path).name.startswith(f"{revision.revision}_")


def test_a_release_0_1_0_database_opens_with_every_row_intact(
    release_url: str, tmp_path: Path
) -> None:
    store = open_store(release_url)

    assert _scalar(release_url, "SELECT version_num FROM alembic_version") == "0004"
    assert _dump(release_url, tmp_path) == _release_dump_now()
    history = store.history()
    assert [(e.id, e.action, e.user) for e in history] == [
        (2, "fill", "root"),
        (1, "import", "root"),
    ]
    fill = history[0]
    assert len(fill.changes) == 7

    filled = store.load_roster()
    undo = store.undo_last(user="root")

    assert {e.id: e.undone_by for e in store.history()}[fill.id] == undo.id
    unfilled = store.load_roster()
    assert unfilled != filled
    for change in fill.changes:
        restored = _stored_like(unfilled, change.after)
        if change.before is None:
            assert restored is None
        else:
            assert restored == dataclasses.replace(change.before, version=restored.version)
    store.close()


def test_the_upgrade_backs_up_a_sqlite_file_first_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "roster.sqlite"
    shutil.copy(RELEASE_SQLITE, path)

    open_store(f"sqlite:///{path}").close()

    backup = tmp_path / "roster.sqlite.before-upgrade-from-1.bak"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(RELEASE_SQLITE) as before, sqlite3.connect(backup) as copy:
        assert list(copy.iterdump()) == list(before.iterdump())
    open_store(f"sqlite:///{path}").close()
    assert _backups(f"sqlite:///{path}") == [backup]  # a current database is only read


def test_an_upgraded_database_has_exactly_the_models_schema(release_url: str) -> None:
    open_store(release_url).close()

    engine = create_engine(release_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, T.METADATA) == []
    engine.dispose()


def test_the_revisions_run_from_nothing_make_the_models_schema(db_url: str) -> None:
    engine = create_store_engine(db_url, busy_timeout=5)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, T.METADATA) == []
    engine.dispose()


def test_a_read_only_release_database_is_refused_saying_it_needs_an_upgrade(
    tmp_path: Path,
) -> None:
    path = tmp_path / "roster.sqlite"
    shutil.copy(RELEASE_SQLITE, path)

    with pytest.raises(DatabaseNeedsUpgrade) as raised:
        open_store(f"sqlite:///file:{path}?mode=ro&uri=true")

    assert "schema version 1" in str(raised.value) and "write access" in str(raised.value)
    assert _backups(f"sqlite:///{path}") == []
    assert path.read_bytes() == RELEASE_SQLITE.read_bytes()  # nothing written


def test_a_later_revision_changes_the_schema_and_keeps_every_row(
    loaded: Store, db_url: str
) -> None:
    roster = loaded.load_roster()
    loaded.close()
    engine = create_store_engine(db_url, busy_timeout=5)

    schema.ensure_schema(engine, create=False, current=5, extra_versions=[REVISIONS_AHEAD])

    with engine.connect() as conn:
        assert schema.stored_version(conn) == 5
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0005"
        notes = conn.execute(text("SELECT DISTINCT note FROM rotation")).scalars().all()
        assert notes == ["from revision 4"]
    engine.dispose()
    assert _table_rows(db_url) == _table_rows_of(roster)
    assert len(_backups(db_url)) == (1 if db_url.startswith("sqlite") else 0)


def _table_rows(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        counts = {
            table.name: conn.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar_one()
            for table in T.DATA_TABLES
        }
    engine.dispose()
    return counts


def _table_rows_of(roster: Roster) -> dict[str, int]:
    """The rows ``roster`` takes in each table, counted by storing it in memory."""
    store = open_store("sqlite://", create=True)
    store.import_roster(roster, replace=False, user="admin")
    counts = {}
    with store.engine.connect() as conn:
        for table in T.DATA_TABLES:
            counts[table.name] = conn.execute(text(f'SELECT count(*) FROM "{table.name}"')).scalar()
    store.close()
    assert counts["rotation_member"] > 0 and counts["post_shift"] > 0
    return counts


def test_an_upgrade_that_fails_leaves_the_database_as_it_was(loaded: Store, db_url: str) -> None:
    loaded.close()
    engine = create_store_engine(db_url, busy_timeout=5)

    with pytest.raises(RuntimeError, match="revision 6 fails halfway"):
        schema.ensure_schema(engine, create=False, current=6, extra_versions=[REVISIONS_AHEAD])

    with engine.connect() as conn:
        assert schema.stored_version(conn) == 4
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0004"
        assert "note" not in list(conn.execute(text("SELECT * FROM rotation")).keys())
        assert "motto" not in list(conn.execute(text("SELECT * FROM community")).keys())
    engine.dispose()


def test_a_database_from_a_newer_release_is_refused_and_left_alone(
    loaded: Store, db_url: str
) -> None:
    loaded.close()
    engine = create_store_engine(db_url, busy_timeout=5)
    schema.ensure_schema(engine, create=False, current=5, extra_versions=[REVISIONS_AHEAD])
    engine.dispose()
    before = _table_rows(db_url), _backups(db_url)

    with pytest.raises(DatabaseTooNew) as raised:
        open_store(db_url)

    assert "schema version 5" in str(raised.value) and "up to 4" in str(raised.value)
    assert (_table_rows(db_url), _backups(db_url)) == before
    assert _scalar(db_url, "SELECT version_num FROM alembic_version") == "0005"


@pytest.mark.parametrize(
    ("table", "value"),
    [("meta", "'\"two\"'"), ("meta", "'1.5'"), ("meta", "'0'"), ("alembic_version", "'abcd'")],
)
def test_a_tampered_version_is_refused_with_exit_2(
    table: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "roster.sqlite"
    shutil.copy(RELEASE_SQLITE, path)
    open_store(f"sqlite:///{path}").close()
    column = "value" if table == "meta" else "version_num"
    with sqlite3.connect(path) as conn:
        conn.execute(
            f"UPDATE {table} SET {column} = {value}"
            + (" WHERE key = 'schema_version'" if table == "meta" else "")
        )
    capsys.readouterr()

    assert main(["--db", str(path), "--lang", "en", "check"]) == 2

    err = capsys.readouterr().err
    assert "damaged" in err and "Traceback" not in err
    with pytest.raises(DatabaseDamaged):
        open_store(f"sqlite:///{path}")


def test_a_taken_backup_name_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "roster.sqlite"
    shutil.copy(RELEASE_SQLITE, path)
    taken = tmp_path / "roster.sqlite.before-upgrade-from-1.bak"
    taken.write_text("a person's own file")

    open_store(f"sqlite:///{path}").close()

    assert taken.read_text() == "a person's own file"
    assert (tmp_path / "roster.sqlite.before-upgrade-from-1.2.bak").exists()


def test_a_new_database_is_stamped_as_alembic_stamps(tmp_path: Path) -> None:
    """Created without Alembic, its version table is the one Alembic's stamp would make."""
    ours = tmp_path / "ours.sqlite"
    open_store(f"sqlite:///{ours}", create=True).close()
    theirs = tmp_path / "theirs.sqlite"
    engine = create_engine(f"sqlite:///{theirs}")
    with engine.begin() as conn:
        command.stamp(migrate.alembic_config(conn), version.revision_id(schema.CURRENT_VERSION))
    engine.dispose()
    ask = "SELECT sql FROM sqlite_master WHERE name LIKE '%alembic_version%' ORDER BY name"
    found = []
    for path in (ours, theirs):
        with sqlite3.connect(path) as db:
            sql = [row[0] for row in db.execute(ask)]
            found.append((sql, db.execute("SELECT version_num FROM alembic_version").fetchall()))
    assert found[0] == found[1] and found[0][1] == [(version.revision_id(schema.CURRENT_VERSION),)]

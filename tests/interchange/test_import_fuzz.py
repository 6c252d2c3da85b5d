"""Whatever file is imported, nobody is locked out: it is refused whole, or it works everywhere.

Each generated file is the valid sample with one value replaced by something hostile (huge or
negative numbers, far dates, NUL characters, deep nesting, long dotted keys, wrong types). Either
the import refuses it with exit 2 and writes nothing, or it imports and then ``check``, an
export and the TUI's start-up reading all finish promptly on it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roster_tui.cli import main
from roster_tui.services.today import read_startup
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import resolve_db_url

from .conftest import VALID

# Each accepted file must be checked, exported and opened within this many seconds.
PROMPT = 20.0

_extremes = st.sampled_from([0, -1, 1, 2**31, 2**31 - 1, 10**12, 2**63 - 1, -(2**63)])
_values: st.SearchStrategy[Any] = st.one_of(
    _extremes,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["", " ", "\x00", "a\x00b", "9999-12-31", "0001-01-01", "24:00", "x" * 5000]),
    st.text(max_size=20),
    st.booleans(),
    st.lists(st.integers(-5, 10**9) | st.text(max_size=3), max_size=4),
)


def _documents() -> st.SearchStrategy[str]:
    base = tomllib.loads(VALID)
    tables = [(name, rows) for name, rows in base.items() if isinstance(rows, (list, dict))]

    @st.composite
    def replaced(draw: st.DrawFn) -> str:
        doc = tomllib.loads(VALID)
        name, rows = draw(st.sampled_from(tables))
        row = doc[name] if isinstance(rows, dict) else draw(st.sampled_from(doc[name]))
        if name == "post" and draw(st.booleans()):
            row = draw(st.sampled_from(row["shift"]))
        key = draw(st.sampled_from(sorted(row)))
        row[key] = draw(_values)
        return tomli_w.dumps(doc)

    @st.composite
    def nested(draw: st.DrawFn) -> str:
        depth = draw(st.integers(1, 3000))
        if draw(st.booleans()):
            return VALID + "\nextra = " + "[" * depth + "]" * depth + "\n"
        return VALID + "\n[" + ".".join(["k"] * depth) + "]\n"

    return st.one_of(replaced(), nested())


def _opens(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    began = time.monotonic()
    assert main(["--db", str(db), "check", "--from", "2026-11-30", "--to", "2026-12-20"]) in (0, 1)
    out = db.with_name("week.html")
    export = ["export", "roster", "--week", "2026-W49", "--format", "html", "-o", str(out)]
    assert main(["--db", str(db), *export]) == 0, capsys.readouterr().err
    workspace = Workspace.open(resolve_db_url(str(db)))
    read_startup(workspace, None, dt.date(2026, 12, 2))
    workspace.store.close()
    assert time.monotonic() - began < PROMPT


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=_documents())
def test_every_file_is_refused_whole_or_imports_and_then_works(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.toml")
        source.write_text(text, encoding="utf-8")
        db = Path(folder, "roster.sqlite")
        began = time.monotonic()
        code = main(["--db", str(db), "--lang", "en", "import", str(source)])
        assert time.monotonic() - began < PROMPT
        err = capsys.readouterr().err
        assert code in (0, 2), err
        if code == 2:
            assert "Nothing was imported" in err
            assert not db.exists()
        else:
            _opens(db, capsys)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("per_slot = 1", "per_slot = 1000000000000"),
        ("days = 14", "days = 1000000000"),
        ("max_households_per_carer = 6", "max_households_per_carer = 2147483648"),
        ("start = 2026-12-01\nend", "start = 9999-12-01\nend"),
        ('from = "2026-12-02T00:00"', 'from = "1066-10-14T09:00"'),
        ("need = 2", "need = 2147483648"),
        ("people = 3", "people = 3000"),
        ('reason = "病假"', 'reason = "病\\u0000假"'),
    ],
)
def test_values_no_sub_district_needs_are_refused_with_exit_2(
    old: str, new: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert VALID.count(old) == 1
    source = tmp_path / "in.toml"
    source.write_text(VALID.replace(old, new), encoding="utf-8")
    db = tmp_path / "roster.sqlite"
    assert main(["--db", str(db), "--lang", "en", "import", str(source)]) == 2
    assert "Nothing was imported" in capsys.readouterr().err
    assert not db.exists()

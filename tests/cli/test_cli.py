"""The command line as scripts and cron use it: exit codes, messages, nothing half-written."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from roster_tui.cli import main
from roster_tui.services.assignments import assigned_people
from roster_tui.services.demo import sample_file
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store
from roster_tui.store.schema import VERSION_KEY

SAMPLE = str(sample_file())


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "roster.sqlite")


def _count_people(db: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from person").fetchone()[0])


def test_import_then_check_json_reports_gaps_with_exit_1(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "--lang", "en", "import", SAMPLE]) == 0
    capsys.readouterr()
    code = main(["--db", db, "check", "--from", "2026-11-30", "--to", "2026-12-06", "--json"])
    assert code == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["from"] == "2026-11-30" and payload["to"] == "2026-12-06"
    kinds = {gap["kind"] for gap in payload["gaps"]}
    assert {"understaffed", "street_unassigned", "household_uncared"} <= kinds
    understaffed = next(g for g in payload["gaps"] if g["kind"] == "understaffed")
    assert understaffed["start"].endswith("+08:00") and len(understaffed["start"]) == 25


def test_check_with_no_gap_exits_0(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    empty = Path(db).with_name("empty.toml")
    empty.write_text(
        'format = "roster-tui/1"\n[subdistrict]\nname = "空街道"\ntimezone = "Asia/Shanghai"\n',
        encoding="utf-8",
    )
    assert main(["--db", db, "import", str(empty)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["gaps"] == []


def test_second_import_without_replace_is_refused_and_writes_nothing(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "import", SAMPLE]) == 0
    people = _count_people(db)
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "import", SAMPLE]) == 2
    err = capsys.readouterr().err
    assert "already" in err.lower() and "--replace" in err
    assert _count_people(db) == people


def test_a_bad_file_names_file_line_table_id_and_key_and_creates_nothing(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = Path(SAMPLE).read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    # Point the first rotation at a post that does not exist.
    broken.write_text(text.replace('post = "x01"', 'post = "x99"', 1), encoding="utf-8")
    assert main(["--db", db, "--lang", "en", "import", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.toml" in err and "x99" in err and "post" in err and "line" in err
    assert "Nothing was imported" in err
    assert not Path(db).exists()


def test_a_file_that_is_not_utf8_is_refused(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes(Path(SAMPLE).read_text(encoding="utf-8").encode("gb18030"))
    assert main(["--db", db, "--lang", "zh", "import", str(gbk)]) == 2
    assert "UTF-8" in capsys.readouterr().err
    assert not Path(db).exists()


def test_check_on_a_missing_database_says_so_with_exit_2(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "--lang", "en", "check"]) == 2
    err = capsys.readouterr().err
    assert "roster.sqlite" in err
    assert not Path(db).exists()


def test_a_database_from_a_newer_version_is_refused(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "import", SAMPLE]) == 0
    with sqlite3.connect(db) as conn:
        conn.execute("update meta set value = '999' where key = ?", (VERSION_KEY,))
    capsys.readouterr()
    assert main(["--db", db, "--lang", "en", "check"]) == 2
    assert "newer" in capsys.readouterr().err.lower()


def test_a_read_only_database_refuses_an_import_with_exit_2(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "import", SAMPLE]) == 0
    people = _count_people(db)
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    capsys.readouterr()
    assert main(["--db", read_only, "--lang", "en", "import", SAMPLE, "--replace"]) == 2
    assert "read-only" in capsys.readouterr().err.lower()
    assert _count_people(db) == people


def test_dump_writes_a_file_that_imports_back_to_the_same_data(db: str, tmp_path: Path) -> None:
    assert main(["--db", db, "import", SAMPLE]) == 0
    out = tmp_path / "out.toml"
    assert main(["--db", db, "dump", str(out)]) == 0
    again = str(tmp_path / "again.sqlite")
    assert main(["--db", again, "import", str(out)]) == 0
    assert (
        open_store(f"sqlite:///{again}").load_roster()
        == open_store(f"sqlite:///{db}").load_roster()
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--from", "2026-13-01"],
        ["export", "roster", "--week", "2026-49", "--format", "csv", "-o", "x.csv"],
        ["fill", "--week", "W49"],
        ["frobnicate"],
    ],
)
def test_bad_arguments_exit_2(db: str, argv: list[str]) -> None:
    assert main(["--db", db, "import", SAMPLE]) == 0
    with pytest.raises(SystemExit) as raised:
        code = main(["--db", db, "--lang", "en", *argv])
        raise SystemExit(code)
    assert raised.value.code == 2


def test_global_options_come_before_the_subcommand(db: str) -> None:
    assert main(["--db", db, "--lang", "zh", "import", SAMPLE]) == 0


def test_help_reads_in_one_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--lang", "zh", "--help"])
    assert raised.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "选项" in out and "show this help" not in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    assert capsys.readouterr().out.startswith("usage: ")


def test_a_second_print_after_an_edit_carries_the_next_edition(db: str, tmp_path: Path) -> None:
    assert main(["--db", db, "--lang", "zh", "import", SAMPLE]) == 0
    first = tmp_path / "first.txt"
    assert main(["--db", db, "--lang", "zh", "export", "roster", "--week", "2026-W49",
                 "--format", "txt", "-o", str(first)]) == 0  # fmt: skip
    assert "第1版" in first.read_text(encoding="utf-8")
    workspace = Workspace(open_store(f"sqlite:///{db}"), user="tester")
    roster = workspace.load()
    post = roster.posts[0]
    key = (post.id, date(2026, 12, 2), post.shifts[0].name)
    on_it = assigned_people(roster, key)
    person = next(p for p in roster.people if p.active and p.id not in on_it)
    assert workspace.assign(roster, key, person) is not None
    second = tmp_path / "second.txt"
    assert main(["--db", db, "--lang", "zh", "export", "roster", "--week", "2026-W49",
                 "--format", "txt", "-o", str(second)]) == 0  # fmt: skip
    assert "第2版" in second.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "options",
    [
        ["roster", "--format", "csv", "--community", "c01", "--person", "p001"],
        ["roster", "--format", "csv", "--by", "community"],
        ["duties", "--format", "html", "--by", "community"],
        ["roster", "--format", "html", "--encoding", "gb18030"],
    ],
)
def test_an_export_option_that_does_not_apply_is_an_error(
    db: str, tmp_path: Path, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db, "--lang", "zh", "import", SAMPLE]) == 0
    out = tmp_path / "out"
    code = main(["--db", db, "--lang", "zh", "export", *options, "--week", "2026-W49",
                 "-o", str(out)])  # fmt: skip
    assert code == 2 and not out.exists()
    assert "--" in capsys.readouterr().err


def test_giving_a_household_a_carer_between_prints_makes_the_next_edition(
    db: str, tmp_path: Path
) -> None:
    assert main(["--db", db, "--lang", "zh", "import", SAMPLE]) == 0
    first = tmp_path / "first.html"
    assert main(["--db", db, "--lang", "zh", "export", "households", "--week", "2026-W49",
                 "--format", "html", "--audience", "internal", "-o", str(first)]) == 0  # fmt: skip
    assert "第1版" in first.read_text(encoding="utf-8")
    workspace = Workspace(open_store(f"sqlite:///{db}"), user="tester")
    roster = workspace.load()
    week = (date(2026, 11, 30), date(2026, 12, 6))
    household = next(
        h for h in roster.households if h.start <= week[1] and h.end_date(roster.settings) > week[0]
    )
    carer = next(p for p in roster.people if p.active and p.id != household.carer)
    assert workspace.set_carer(household, carer) is not None
    second = tmp_path / "second.html"
    assert main(["--db", db, "--lang", "zh", "export", "households", "--week", "2026-W49",
                 "--format", "html", "--audience", "internal", "-o", str(second)]) == 0  # fmt: skip
    assert "第2版" in second.read_text(encoding="utf-8")


ONE_OF_EACH = """format = "roster-tui/1"
[subdistrict]
name = "文化路街道"
timezone = "Asia/Shanghai"
[[community]]
id = "c1"
name = "东风社区"
[[compound]]
id = "k1"
name = "东风路18号院"
community = "c1"
kind = "managed"
[[post]]
id = "x1"
name = "东门"
compound = "k1"
[[post.shift]]
name = "白班"
start = "08:00"
end = "20:00"
need = 1
[[person]]
id = "p1"
name = "张伟"
phone = "13800000001"
community = "c1"
roles = ["volunteer"]
"""


def test_import_counts_one_thing_in_the_singular_in_english(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "one.toml"
    source.write_text(ONE_OF_EACH, encoding="utf-8")
    assert main(["--db", db, "--lang", "en", "import", str(source)]) == 0
    assert "1 person, 1 post, 0 households." in capsys.readouterr().out
    again = str(tmp_path / "again.sqlite")
    assert main(["--db", again, "--lang", "en", "import", SAMPLE]) == 0
    said = capsys.readouterr().out
    assert " people, " in said and " posts, " in said and " households." in said

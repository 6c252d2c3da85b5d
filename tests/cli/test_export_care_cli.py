"""``export contacts`` and ``export requests`` from the command line: internal sheets for a day
or a moment, owner-only files, and every option that does not apply refused with exit 2 and
nothing written."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from roster_tui.cli import main
from roster_tui.domain.model import Contact, ContactMethod, Request, RequestKind
from roster_tui.services.workspace import Workspace
from roster_tui.store.db import open_store


def _export(db: Path, *options: str) -> int:
    return main(["--db", str(db), "--lang", "zh", "export", *options])


def test_a_carers_round_for_tomorrow_is_written_owner_only(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = Workspace(open_store(f"sqlite:///{imported}"), user="t").load()
    carer = next(h.carer for h in roster.households if h.carer)
    out = tmp_path / "round.txt"
    code = _export(imported, "contacts", "--date", "2026-12-03", "--person", carer,
                   "--now", "2026-12-02T09:00", "--format", "txt", "-o", str(out))  # fmt: skip
    assert code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    name = next(p.name for p in roster.people if p.id == carer)
    assert "每日问访表" in text and name in text and "2026年12月3日 周四" in text
    assert "内部资料" in text and "上午[ ]" in text
    assert "已写入" in capsys.readouterr().err


def test_the_requests_list_as_csv(imported: Path, tmp_path: Path) -> None:
    out = tmp_path / "requests.csv"
    code = _export(imported, "requests", "--now", "2026-12-02T09:00", "--format", "csv",
                   "-o", str(out))  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows and {"编号", "事项", "应办时间", "办理人", "状态"} <= set(rows[0])
    assert "已超时" in {r["状态"] for r in rows}  # the sample's morning has an overdue request


def test_a_care_sheet_print_does_not_start_the_weeks_editions(
    imported: Path, tmp_path: Path
) -> None:
    """A day's sheet is stamped with its print time; it is no print of the week's roster."""
    out = tmp_path / "round.html"
    assert _export(imported, "contacts", "--date", "2026-12-02", "--format", "html",
                   "-o", str(out)) == 0  # fmt: skip
    workspace = Workspace(open_store(f"sqlite:///{imported}"), user="t")
    assert not [e for e in workspace.store.history(limit=None) if e.action.startswith("print:")]


def test_the_days_contacts_and_requests_make_no_new_edition_of_the_week(
    imported: Path, tmp_path: Path
) -> None:
    """A carer's call or a request is on no weekly sheet: the roster printed again is the same
    edition (before, every call of the day made the office's roster one edition newer)."""
    first = tmp_path / "first.txt"
    assert _export(imported, "roster", "--week", "2026-W49", "--format", "txt",
                   "-o", str(first)) == 0  # fmt: skip
    workspace = Workspace(open_store(f"sqlite:///{imported}"), user="t")
    roster = workspace.load()
    household = next(h for h in roster.households if h.carer)
    called = Contact(household.id, date(2026, 12, 4), household.carer or "", ContactMethod.PHONE)
    assert workspace.record_contact(called, household) is not None
    asked = Request("q9999", household.id, RequestKind.SUPPLIES, datetime(2026, 12, 4, 9), "米")
    assert workspace.add_request(asked, household) is not None
    second = tmp_path / "second.txt"
    assert _export(imported, "roster", "--week", "2026-W49", "--format", "txt",
                   "-o", str(second)) == 0  # fmt: skip
    assert "第1版" in second.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["contacts", "--format", "html"], "--date"),
        (["contacts", "--date", "2026-12-03", "--week", "2026-W49", "--format", "html"], "--week"),
        (["contacts", "--date", "2026-12-03", "--post", "x001", "--format", "html"], "--post"),
        (["contacts", "--date", "2026-12-03", "--by", "compound", "--format", "html"], "--by"),
        (
            ["contacts", "--date", "2026-12-03", "--audience", "public", "--format", "html"],
            "内部资料",
        ),
        (["contacts", "--date", "2026-12-03", "--format", "ics"], "ics"),
        (["contacts", "--date", "2026-13-03", "--format", "html"], "--date"),
        (
            [
                "contacts",
                "--date",
                "2026-12-03",
                "--person",
                "p001",
                "--community",
                "c01",
                "--format",
                "html",
            ],
            "--person",
        ),
        (["contacts", "--date", "2026-12-03", "--person", "nobody", "--format", "html"], "nobody"),
        (
            ["contacts", "--date", "2026-12-03", "--format", "html", "--encoding", "gb18030"],
            "--encoding",
        ),
        (["requests", "--date", "2026-12-03", "--format", "html"], "--date"),
        (["requests", "--now", "2026-12-02 09:00", "--format", "html"], "2026-12-02 09:00"),
        (["requests", "--format", "txt", "--mask-phones"], "内部资料"),
        (["roster", "--week", "2026-W49", "--date", "2026-12-03", "--format", "csv"], "--date"),
        (["roster", "--week", "2026-W49", "--now", "2026-12-02T09:00", "--format", "csv"], "--now"),
        (["roster", "--format", "csv"], "--week"),
    ],
)
def test_an_option_that_does_not_apply_is_exit_2_and_writes_nothing(
    imported: Path,
    tmp_path: Path,
    options: list[str],
    said: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    assert _export(imported, *options, "-o", str(out)) == 2
    assert not out.exists()
    assert said in capsys.readouterr().err

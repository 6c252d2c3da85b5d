"""Every option and subcommand explains itself in both languages; ``--version`` is instant."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from roster_tui.cli import build_parser, main
from roster_tui.i18n import set_language

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
# Old switches kept working for existing scripts, deliberately left out of the help.
HIDDEN = {"roster-tui export --mask-phones", "roster-tui export --no-mask-phones"}


def _walk(
    parser: argparse.ArgumentParser, path: str = "roster-tui"
) -> Iterator[tuple[str, str | None]]:
    """(where, help) for every argument and subcommand of ``parser`` and its subparsers."""
    for action in parser._actions:
        name = "/".join(action.option_strings) or action.dest
        yield f"{path} {name}", action.help
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for command, subparser in action.choices.items():
                yield f"{path} {command}", helps.get(command)
                yield from _walk(subparser, f"{path} {command}")


def _helps(lang: str) -> dict[str, str | None]:
    set_language(lang)
    try:
        return dict(_walk(build_parser()))
    finally:
        set_language("zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_option_and_subcommand_has_help(lang: str) -> None:
    helps = _helps(lang)
    assert len(helps) > 25  # the walk reached the subcommands' own options
    missing = [where for where, text in helps.items() if not text or text == argparse.SUPPRESS]
    assert sorted(missing) == sorted(HIDDEN)
    # A key missing from a catalog shows as the key itself.
    untranslated = [where for where, text in helps.items() if text and text.startswith("cli.")]
    assert untranslated == []


def test_help_in_chinese_is_not_the_english_help() -> None:
    zh, en = _helps("zh"), _helps("en")
    assert zh.keys() == en.keys()
    same = [where for where in zh.keys() - HIDDEN if zh[where] == en[where]]
    assert same == []


def test_subcommand_help_lists_each_option_with_its_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--lang", "zh", "export", "--help"])
    assert raised.value.code == 0
    out = capsys.readouterr().out
    assert "只导出这个社区" in out and "读者" in out and "ISO 周次" in out


def test_version_prints_the_installed_version_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    version = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert capsys.readouterr().out == f"roster-tui {version}\n"


def test_version_loads_neither_textual_nor_sqlalchemy() -> None:
    code = """
import json, sys
from roster_tui.cli import main
try:
    main(["--version"])
except SystemExit as done:
    code = done.code
heavy = [m for m in ("textual", "sqlalchemy", "sqlmodel", "alembic") if m in sys.modules]
print(json.dumps({"code": code, "heavy": heavy}))
"""
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    last = ran.stdout.strip().splitlines()[-1]
    assert json.loads(last) == {"code": 0, "heavy": []}
    assert ran.stdout.startswith("roster-tui ")


def test_a_postgresql_url_without_the_driver_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on a SQLite-only install
    url = "postgresql+psycopg://postgres@127.0.0.1:1/roster"
    assert main(["--db", url, "--lang", "en", "check"]) == 2
    err = capsys.readouterr().err
    assert "roster-tui[postgres]" in err and "psycopg" in err
    assert "Traceback" not in err
    assert main(["--db", url, "--lang", "zh", "check"]) == 2
    assert "pip install 'roster-tui[postgres]'" in capsys.readouterr().err

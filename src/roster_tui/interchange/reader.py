"""Reading an interchange file (docs/format.md): bytes → text → TOML → a valid :class:`Roster`."""

from __future__ import annotations

import os
import re
import tomllib

from roster_tui.domain.model import Roster
from roster_tui.interchange.problems import InterchangeError, Plain, Problem
from roster_tui.interchange.report import Report
from roster_tui.interchange.validate import validate

_BOM = "\ufeff"
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)$")


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # Everything before the bad byte decoded well: count the column in characters.
        column = len(data[line_start : exc.start].decode("utf-8")) + 1
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            message = "import.not_utf8"
        else:
            # Files saved by Excel or Notepad on Chinese Windows are often GBK.
            message = "import.not_utf8_maybe_gbk"
        problem = Problem(
            source=source, message=message, params={"offset": exc.start}, line=line, column=column
        )
        raise InterchangeError([problem]) from exc


def _parse(text: str, source: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        line = column = None
        if match := _TOML_POSITION.search(detail):
            line, column = int(match[1]), int(match[2])
            detail = detail[: match.start()]
        elif match := _TOML_AT_END.search(detail):
            line = text.count("\n") + 1
            detail = detail[: match.start()]
        problem = Problem(
            source=source,
            message="import.toml_syntax",
            params={"detail": Plain(detail)},
            line=line,
            column=column,
        )
        raise InterchangeError([problem]) from exc


def loads_roster(text: str | bytes, source: str = "<input>") -> Roster:
    """The roster in ``text``; raises :class:`InterchangeError` listing every problem found.

    ``source`` names the file in messages. Bytes must be UTF-8; a leading BOM is accepted.
    """
    if isinstance(text, bytes):
        text = _decode(text, source)
    text = text.removeprefix(_BOM)
    doc = _parse(text, source)
    return validate(doc, Report(source, text))


def load_roster_file(path: str | os.PathLike[str]) -> Roster:
    """The roster in the file at ``path``, named in messages as the caller wrote it.

    A file that cannot be read (missing, a directory, no permission) is an
    :class:`InterchangeError` too, so callers handle every bad input in one place.
    """
    source = os.fspath(path)
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as exc:
        problem = Problem(
            source=source,
            message="import.unreadable",
            params={"detail": Plain(exc.strerror or str(exc))},
        )
        raise InterchangeError([problem]) from exc
    return loads_roster(data, source=source)

"""Reading an interchange file (docs/format.md): bytes → text → TOML → a valid :class:`Roster`."""

from __future__ import annotations

import os
import re
import tomllib
from itertools import accumulate

from roster_tui.domain.model import Roster
from roster_tui.interchange.problems import InterchangeError, Plain, Problem
from roster_tui.interchange.report import Report
from roster_tui.interchange.validate import validate

_BOM = "\ufeff"
# Guards that run before TOML parsing, in one linear pass. tomllib recurses per nesting level
# (about 500 levels raise RecursionError) and handles a dotted key in time quadratic in its parts
# (a 50,000-part key took 35 s); a sub-district's file nests three deep and has short keys.
MAX_BYTES = 32 * 1024 * 1024  # the sample's 120 people take 40 KB: room for 10,000s
MAX_NESTING = 16
MAX_DOTS_PER_LINE = 16
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'.*?\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*|[\[\]{}.\n]',
    re.DOTALL,
)
# The same scan in three passes the regex engine runs, for the file that passes (nearly all):
# strip what _TOKENS skips whole (strings, comments), keep only the characters it counts, then
# look for a line of too many dots and sum the brackets. Only a file that fails is scanned again
# token by token, to name the line.
_SKIPPED = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'.*?\'\'\''
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\n]*\'|#[^\n]*',
    re.DOTALL,
)
_NOT_COUNTED = re.compile(r"[^\[\]{}.\n]+")
_DOTTED_LINE = re.compile(rf"\.(?:[^.\n]*\.){{{MAX_DOTS_PER_LINE}}}")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1, ".": 0, "\n": 0}
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


def _shape_may_be_absurd(text: str) -> bool:
    """Whether :func:`_absurd_line` finds a line, about twice as fast (the file passing)."""
    counted = _NOT_COUNTED.sub("", _SKIPPED.sub("", text))
    if _DOTTED_LINE.search(counted):
        return True
    return max(accumulate(map(_STEP.__getitem__, counted)), default=0) > MAX_NESTING


def _absurd_line(text: str) -> int | None:
    """The line where nesting or a dotted key first goes past its bound, token by token."""
    depth = deepest = dots = 0
    line = 1
    for token in _TOKENS.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
        elif char == ".":
            dots += 1
        elif char == "\n":
            line, dots = line + 1, 0
        if deepest > MAX_NESTING or dots > MAX_DOTS_PER_LINE:
            return line
    return None


def _guard_shape(text: str, source: str) -> None:
    """Refuse absurd nesting or dotted keys before tomllib sees them (it would crash or hang)."""
    if not _shape_may_be_absurd(text):
        return
    line = _absurd_line(text)
    if line is not None:
        problem = Problem(
            source=source, message="import.too_deep", params={"maximum": MAX_NESTING}, line=line
        )
        raise InterchangeError([problem])


def _parse(text: str, source: str) -> dict[str, object]:
    _guard_shape(text, source)
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
    if len(text) > MAX_BYTES:
        problem = Problem(
            source=source, message="import.too_big", params={"megabytes": MAX_BYTES >> 20}
        )
        raise InterchangeError([problem])
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
            data = file.read(MAX_BYTES + 1)  # no more than the cap, whatever the file holds
    except OSError as exc:
        problem = Problem(
            source=source,
            message="import.unreadable",
            params={"detail": Plain(exc.strerror or str(exc))},
        )
        raise InterchangeError([problem]) from exc
    return loads_roster(data, source=source)

"""Writing a :class:`Roster` as an interchange file that reads back to the same roster (SPEC §2).

The layout follows the SPEC's example, so a secretary can read and edit a dumped file: ``format``
first, then ``[subdistrict]``, ``[settings]`` and every array of tables in a fixed order, each
row's keys in the order the SPEC lists them, each ``[[post.shift]]`` right under its post, short
lists on one line. Optional keys are left out when unset, except ``available = []``, which says
"never available". Rows keep their order, so dumping what was loaded changes nothing.

The document is laid out here rather than by ``tomli_w.dumps``, whose own layout inlines small
arrays of tables and moves them ahead of ``[subdistrict]``; values are written with the escapes
TOML defines, and the tests read every dump back with ``tomllib``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import unicodedata
from collections.abc import Iterator

from roster_tui.domain.clock import format_hhmm
from roster_tui.domain.model import Leave, Person, Roster, ShiftPattern
from roster_tui.store.interchange.tables import FORMAT, ROWS, SETTINGS, SHIFT, SUBDISTRICT
from roster_tui.store.interchange.validate import ENTITIES

_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_SHORT_ESCAPES |= {'"': '\\"', "\\": "\\\\"}
_ATTRIBUTES = {"from": "start", "to": "end"}


def _escape(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if char.isprintable() or unicodedata.category(char) == "Zs":
        return char  # text and spaces of any script, the ideographic space among them
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"a lone surrogate (U+{code:04X}) cannot be written to a TOML file")
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _string(text: str) -> str:
    """A TOML basic string.

    TOML requires escaping only C0 controls and DEL; every other invisible character (C1
    controls, bidirectional overrides) is escaped too, so that showing a dump in a terminal or
    an editor shows exactly what is in it.
    """
    text = str(text)
    if text.isprintable():
        if '"' in text or "\\" in text:
            text = text.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{text}"'
    return '"' + "".join(map(_escape, text)) + '"'


def _value(value: object) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to an interchange file")


def _local_datetime(moment: dt.datetime) -> str:
    # Formatted by hand: strftime("%Y") does not pad years before 1000 on every platform.
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}"
    )


def _fields(entity: object, keys: list[str]) -> Iterator[str]:
    """``key = value`` lines for the keys the entity sets, in schema order."""
    for key in keys:
        value = getattr(entity, _ATTRIBUTES.get(key, key))
        if value is None:
            continue
        if isinstance(entity, ShiftPattern) and key in ("start", "end"):
            value = format_hhmm(value)
        elif isinstance(entity, Leave) and key in ("from", "to"):
            value = _local_datetime(value)
        elif key in ("remove", "add") and not value:
            continue  # nothing removed or added: the key is unset
        elif isinstance(entity, Person) and key == "active" and value:
            continue  # active is the default
        yield f"{key} = {_value(value)}\n"


def _chunks(roster: Roster) -> Iterator[str]:
    yield f"format = {_string(FORMAT)}\n"
    yield "\n[subdistrict]\n"
    yield from _fields(roster.subdistrict, list(SUBDISTRICT))
    yield "\n[settings]\n"
    yield from _fields(roster.settings, list(SETTINGS))
    shift_keys = list(SHIFT)
    for name, (_, attribute) in ENTITIES.items():
        keys = list(ROWS[name])
        header = f"\n[[{name}]]\n"
        for entity in getattr(roster, attribute):
            yield header
            yield from _fields(entity, keys)
            for shift in getattr(entity, "shifts", ()) if name == "post" else ():
                yield "\n[[post.shift]]\n"
                yield from _fields(shift, shift_keys)


def dumps_roster(roster: Roster) -> str:
    """The interchange file for ``roster``: ``loads_roster(dumps_roster(r)) == r``."""
    return "".join(_chunks(roster))


def dump_roster_file(roster: Roster, path: str | os.PathLike[str]) -> None:
    """Write ``roster`` to ``path`` as UTF-8 (no BOM), replacing the file only once complete."""
    text = dumps_roster(roster)
    temporary = f"{os.fspath(path)}.partial"
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise

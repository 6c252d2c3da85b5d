"""Writing a :class:`Roster` as an interchange file that reads back to the same roster.

The layout follows docs/format.md's examples, so a secretary can read and edit a dumped file:
``format`` first, then ``[subdistrict]``, ``[settings]`` and every array of tables in a fixed order,
each row's keys in the order docs/format.md lists them, each ``[[post.shift]]`` right under its
post, short lists on one line. Optional keys are left out when unset, except ``available = []``,
which says "never available". Rows keep their order, so dumping what was loaded changes nothing.

The document is laid out here rather than by ``tomli_w.dumps`` as a whole, whose own layout
inlines small arrays of tables and moves them ahead of ``[subdistrict]``; every value is written
by tomli-w, and the tests read every dump back with ``tomllib``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import unicodedata
from collections.abc import Iterator

import tomli_w

from roster_tui.domain.clock import format_hhmm, wall_clock
from roster_tui.domain.entities import shift_rows
from roster_tui.domain.kinds import KINDS
from roster_tui.domain.model import Person, Post, Roster, ShiftPattern
from roster_tui.interchange.tables import FORMAT, ROWS, SETTINGS, SHIFT, SUBDISTRICT

_ATTRIBUTES = {"from": "start", "to": "end"}


def _scalar(value: object) -> str:
    """One TOML value, written by tomli-w (its escaping and number and date forms).

    tomli-w escapes what TOML requires (C0 controls, DEL); other invisible characters (C1
    controls such as the one-byte CSI, bidirectional overrides) are escaped here as well, so
    that showing a dump in a terminal or an editor shows exactly what is in it.
    """
    written = tomli_w.dumps({"v": value})[4:-1]
    if isinstance(value, str) and not written.isprintable():
        written = "".join(map(_visible, written))
    return written


def _visible(char: str) -> str:
    if char.isprintable() or unicodedata.category(char) == "Zs":
        return char  # text and spaces of any script, the ideographic space among them
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        raise ValueError(f"a lone surrogate (U+{code:04X}) cannot be written to a TOML file")
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class _Written(dict[tuple[type, object], str]):
    """Each distinct value as :func:`_scalar` writes it, asked of tomli-w once per dump.

    A file repeats its ids, dates, kinds and readings thousands of times; tomli-w's whole
    ``dumps`` for every one of them took most of the time of a large dump.
    """

    def scalar(self, value: object) -> str:
        # A float by its repr: -0.0 equals 0.0 but is written apart from it.
        key = (type(value), repr(value) if type(value) is float else value)
        try:
            return self[key]
        except KeyError:
            written = self[key] = _scalar(value)
            return written
        except TypeError:  # unhashable: never a value of a roster, but write it all the same
            return _scalar(value)


def _value(value: object, written: _Written) -> str:
    if isinstance(value, tuple | list):
        # Short lists stay on one line, as in docs/format.md's examples (tomli-w would spread them).
        return "[" + ", ".join(written.scalar(item) for item in value) + "]"
    if isinstance(value, str | bool | int | float | dt.date) and not isinstance(value, dt.datetime):
        return written.scalar(value)
    raise TypeError(f"cannot write {type(value).__name__} to an interchange file")


def _fields(entity: object, keys: list[str], written: _Written) -> Iterator[str]:
    """``key = value`` lines for the keys the entity sets, in schema order."""
    for key in keys:
        value = getattr(entity, _ATTRIBUTES.get(key, key))
        if value is None:
            continue
        if isinstance(entity, ShiftPattern) and key in ("start", "end"):
            value = format_hhmm(value)
        elif isinstance(value, dt.datetime):
            value = wall_clock(value)  # leave from/to, a request's asked/done
        elif key in ("remove", "add") and not value:
            continue  # nothing removed or added: the key is unset
        elif isinstance(entity, Person) and key == "active" and value:
            continue  # active is the default
        yield f"{key} = {_value(value, written)}\n"


def _chunks(roster: Roster) -> Iterator[str]:
    written = _Written()
    yield f"format = {_scalar(FORMAT)}\n"
    yield "\n[subdistrict]\n"
    yield from _fields(roster.subdistrict, list(SUBDISTRICT), written)
    yield "\n[settings]\n"
    yield from _fields(roster.settings, list(SETTINGS), written)
    shift_keys = [key for key in SHIFT if key != "from"]  # from: the row's pattern, not the shift
    for kind in KINDS:
        name = kind.name
        keys = list(ROWS[name])
        header = f"\n[[{name}]]\n"
        for entity in getattr(roster, kind.list_name):
            yield header
            yield from _fields(entity, keys, written)
            for since, shift in shift_rows(entity) if isinstance(entity, Post) else ():
                yield "\n[[post.shift]]\n"
                yield from _fields(shift, shift_keys, written)
                if since is not None:
                    yield f"from = {_value(since, written)}\n"


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

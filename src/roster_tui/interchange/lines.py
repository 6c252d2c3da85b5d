"""Where things are in the raw text: tomllib gives values but not their lines.

One pass over the lines finds every table header (``[subdistrict]``, the n-th ``[[person]]``,
the ``[[post.shift]]`` rows under each ``[[post]]``) and the line of each key inside each block.
It skips the insides of multi-line strings and arrays, so a note holding ``[[person]]`` on a line
of its own is not taken for a header. It only locates; it never decides whether the file is
valid, and when it cannot find a key it answers with the row's header line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ARRAY_HEADER = re.compile(r"\s*\[\[\s*([^\[\]]+?)\s*\]\]\s*(?:#.*)?$")
_TABLE_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')\s*[.=]""")
_STRING_OR_COMMENT = re.compile(r""""(?:[^"\\]|\\.)*"|'[^']*'|#.*""")


@dataclass(slots=True)
class Block:
    """The lines one table (or one row of an array of tables) spans."""

    header_line: int | None
    keys: dict[str, int] = field(default_factory=dict)
    children: dict[str, list[Block]] = field(default_factory=dict)


def _path(header: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in header.split("."))


def _key_name(raw: str) -> str:
    return raw[1:-1] if raw[:1] in "\"'" else raw


def _bracket_depth_change(line: str) -> int:
    """How far a line opens (+) or closes (-) arrays and inline tables, strings left out."""
    bare = _STRING_OR_COMMENT.sub("", line)
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")


class LineIndex:
    """Line numbers (1-based) of tables, rows and keys in one file's text."""

    def __init__(self, text: str) -> None:
        self.top = Block(header_line=None)
        self.tables: dict[str, Block] = {}
        self.arrays: dict[str, list[Block]] = {}
        self._scan(text)

    def _open(self, number: int, line: str) -> Block | None:
        if match := _ARRAY_HEADER.match(line):
            path = _path(match[1])
            block = Block(header_line=number)
            parents = self.arrays.get(path[0])
            if len(path) > 1 and parents:
                parents[-1].children.setdefault(".".join(path[1:]), []).append(block)
            else:
                self.arrays.setdefault(".".join(path), []).append(block)
            return block
        if match := _TABLE_HEADER.match(line):
            block = Block(header_line=number)
            self.tables.setdefault(".".join(_path(match[1])), block)
            return block
        return None

    def _scan(self, text: str) -> None:
        block = self.top
        closing: str | None = None  # the delimiter of a multi-line string we are inside
        depth = 0  # open brackets of a multi-line array or inline table
        for number, line in enumerate(text.split("\n"), start=1):
            # Cheap tests first: most lines are one ``key = "value"`` and need only _KEY.
            if closing is not None:
                if closing in line:
                    closing = None
                continue
            brackets = "[" in line or "]" in line or "{" in line or "}" in line
            if depth > 0:
                if brackets:
                    depth = max(0, depth + _bracket_depth_change(line))
                continue
            if line.lstrip().startswith("["):
                opened = self._open(number, line)
                if opened is not None:
                    block = opened
                    continue
            if match := _KEY.match(line):
                block.keys.setdefault(_key_name(match[1]), number)
            if '"""' in line or "'''" in line:
                for delimiter in ('"""', "'''"):
                    if line.count(delimiter) % 2 == 1:
                        closing = delimiter
                        break
            if closing is None and brackets:
                depth = max(0, _bracket_depth_change(line))

    def _row(self, table: str, index: int | None) -> Block | None:
        if index is None:
            return self.tables.get(table)
        rows = self.arrays.get(table, [])
        return rows[index - 1] if 0 < index <= len(rows) else None

    def line(
        self,
        table: str | None = None,
        index: int | None = None,
        key: str | None = None,
        subtable: str | None = None,
        subindex: int | None = None,
    ) -> int | None:
        """The line of ``key`` in the row (or the row's header when the key is not written)."""
        if table is None:
            return self.top.keys.get(key) if key is not None else None
        block = self._row(table, index)
        if block is None:
            # The table was written some other way (inline, dotted keys): point at its key.
            return self.top.keys.get(table)
        if subtable is not None and subindex is not None:
            rows = block.children.get(subtable, [])
            if 0 < subindex <= len(rows):
                block = rows[subindex - 1]
            else:
                return block.keys.get(subtable, block.header_line)
        if key is not None and key in block.keys:
            return block.keys[key]
        return block.header_line

    def table_line(self, table: str) -> int | None:
        """The first line that opens ``table`` in any form (an unknown table, a wrong shape)."""
        if table in self.arrays:
            return self.arrays[table][0].header_line
        if table in self.tables:
            return self.tables[table].header_line
        return self.top.keys.get(table)

"""What is wrong with an interchange file, in the user's language (docs/format.md, "Bad input").

A :class:`Problem` keeps where it happened (file, line, table, row, id, key, list item) and a
catalog key with its parameters; it is rendered through :func:`t` when shown, so a problem
collected in one language reads correctly after the user switches to the other. Everything that
came from the file (ids, keys, values, even the file name) is escaped on the way out: names may
hold control characters and terminal escapes as data, but our messages never show them raw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from roster_tui.i18n import t

_LONG_TEXT = 60  # characters of a value shown before it is cut short
_LONG_LIST = 5  # items of a list shown before it is cut short


class Plain(str):
    """A message parameter that is our own wording (a table name, a list of choices), not data.

    It is still escaped, but shown without quotes.
    """

    __slots__ = ()


def escape(text: str) -> str:
    """``text`` with every non-printable character written as a Python-style escape.

    Printable text of any script (张伟, 𠮷) is kept; control characters, terminal escapes,
    bidirectional overrides and other invisible characters become ``\\x1b``, ``\\u202e`` and so on.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable():
            out.append(ch)
        else:
            code = ord(ch)
            if code < 0x100:
                out.append(f"\\x{code:02x}")
            elif code < 0x10000:
                out.append(f"\\u{code:04x}")
            else:
                out.append(f"\\U{code:08x}")
    return "".join(out)


def show(value: object) -> str:
    """A value from the file as the user should read it in a message: TOML-like, escaped."""
    if isinstance(value, Plain):
        return escape(value)
    if isinstance(value, str):
        text = value if len(value) <= _LONG_TEXT else value[:_LONG_TEXT] + "…"
        return '"' + escape(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{…}"
    if isinstance(value, Sequence):
        shown = [show(item) for item in value[:_LONG_LIST]]
        if len(value) > _LONG_LIST:
            shown.append("…")
        return "[" + ", ".join(shown) + "]"
    return escape(str(value))


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the file, and exactly where.

    ``table`` is the table's name as written in the file (``person``, ``subdistrict``); ``index``
    is the 1-based row of an array of tables, ``row_id`` that row's ``id`` when it has a readable
    one; ``subtable``/``subindex`` locate a nested row (``shift``, the n-th ``[[post.shift]]`` of
    that post); ``item`` is the 1-based position inside a list value.
    """

    source: str
    message: str  # catalog key, rendered with ``params``
    params: Mapping[str, object] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    table: str | None = None
    index: int | None = None
    row_id: str | None = None
    subtable: str | None = None
    subindex: int | None = None
    key: str | None = None
    item: int | None = None

    def where(self, lang: str | None = None) -> str:
        """``wenhualu.toml line 45 [[person]] #3 (id=p003) key phone``, in ``lang``."""
        parts = [escape(self.source)]
        if self.line is not None:
            if self.column is not None:
                parts.append(t("import.at.line_column", lang, line=self.line, column=self.column))
            else:
                parts.append(t("import.at.line", lang, line=self.line))
        if self.table is not None:
            if self.index is None:
                parts.append(f"[{escape(self.table)}]")
            else:
                parts.append(f"[[{escape(self.table)}]]")
                parts.append(t("import.at.row", lang, index=self.index))
            if self.row_id is not None:
                parts.append(f"(id={escape(self.row_id)})")
            if self.subtable is not None and self.subindex is not None:
                parts.append(f"[[{escape(self.table)}.{escape(self.subtable)}]]")
                parts.append(t("import.at.row", lang, index=self.subindex))
        if self.key is not None:
            parts.append(t("import.at.key", lang, key=escape(self.key)))
            if self.item is not None:
                parts.append(t("import.at.item", lang, item=self.item))
        return " ".join(parts)

    def text(self, lang: str | None = None) -> str:
        """Just the message (``expected a non-empty string``), without the location."""
        shown = {name: show(value) for name, value in self.params.items()}
        return t(self.message, lang, **shown)

    def render(self, lang: str | None = None) -> str:
        return t("import.problem", lang, where=self.where(lang), message=self.text(lang))

    def __str__(self) -> str:
        return self.render()


class InterchangeError(ValueError):
    """A file that cannot be imported, with every problem found in it (not just the first)."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("an interchange error needs at least one problem")
        super().__init__(problems)
        self.problems = problems

    def render(self, lang: str | None = None) -> str:
        head = t(
            "import.summary", lang, source=escape(self.problems[0].source), count=len(self.problems)
        )
        return "\n".join([head, *(problem.render(lang) for problem in self.problems)])

    def __str__(self) -> str:
        return self.render()

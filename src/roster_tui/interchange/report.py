"""Collecting problems while reading a file, each placed at its line."""

from __future__ import annotations

from dataclasses import dataclass, replace

from roster_tui.interchange.lines import LineIndex
from roster_tui.interchange.problems import InterchangeError, Problem


@dataclass(frozen=True, slots=True)
class Where:
    """A place in the file above the key: a table, and for arrays of tables, which row."""

    table: str | None = None
    index: int | None = None  # 1-based row of an array of tables; None for a plain table
    row_id: str | None = None
    subtable: str | None = None
    subindex: int | None = None

    def nested(self, subtable: str, subindex: int) -> Where:
        return replace(self, subtable=subtable, subindex=subindex)


class Report:
    """The problems found so far in one file.

    Lines are looked up only once something is wrong, so a good file never pays for the scan.
    """

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.text = text
        self.problems: list[Problem] = []
        self._lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def add(
        self,
        where: Where,
        key: str | None,
        message: str,
        *,
        item: int | None = None,
        line: int | None = None,
        **params: object,
    ) -> None:
        if line is None:
            line = self.lines.line(where.table, where.index, key, where.subtable, where.subindex)
        self.problems.append(
            Problem(
                source=self.source,
                message=message,
                params=params,
                line=line,
                table=where.table,
                index=where.index,
                row_id=where.row_id,
                subtable=where.subtable,
                subindex=where.subindex,
                key=key,
                item=item,
            )
        )

    def raise_if_any(self) -> None:
        """Raise with every problem so far, in the order of the file's lines."""
        if self.problems:
            # Stable: problems on one line, or with no line (whole-file ones, first), keep
            # the order they were found in.
            ordered = sorted(self.problems, key=lambda problem: problem.line or 0)
            raise InterchangeError(ordered)
